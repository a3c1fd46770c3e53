package app

import (
	"context"
	"encoding/json"
	"strings"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Default and smallest window sizes: the default fits a 1366×768 laptop screen with its
// task bar; the smallest keeps the navigation and a register usable.
const (
	DefaultWidth  = 1240
	DefaultHeight = 700
	MinWidth      = 1000
	MinHeight     = 600
)

// windowSetting names the setting that keeps the window's state between runs.
const windowSetting = "window"

// WindowState is the window's size, position and last screen, kept in the data folder.
type WindowState struct {
	Width     int    `json:"width"`
	Height    int    `json:"height"`
	X         int    `json:"x"`
	Y         int    `json:"y"`
	Maximised bool   `json:"maximised"`
	Route     string `json:"route"` // the screen shown last, e.g. "/records/risks"
}

// WindowService remembers the window between runs: its size and position, and the screen
// the officer was on, which the window reopens.
type WindowService struct {
	app      *App
	mu       sync.Mutex
	saved    WindowState // as read at start
	route    string      // the screen shown now
	loaded   bool        // saved was read
	restored bool        // the window was placed once; a reload does not move it again
}

// NewWindowService returns the window's service over the app.
func NewWindowService(a *App) *WindowService { return &WindowService{app: a} }

// LastRoute returns the screen shown when the window last closed, "" when none.
func (s *WindowService) LastRoute() string {
	s.mu.Lock()
	loaded, route := s.loaded, s.saved.Route
	s.mu.Unlock()
	if !loaded {
		route = s.load().Route
	}
	return route
}

// SetRoute tells which screen the window shows now; it is kept when the window closes.
func (s *WindowService) SetRoute(route string) {
	if !strings.HasPrefix(route, "/") || len(route) > 300 {
		return
	}
	s.mu.Lock()
	s.route = route
	s.mu.Unlock()
}

// SetTitle names the current screen in the window's title bar.
func (s *WindowService) SetTitle(screen string) {
	title := "ISMS Desk"
	if screen = strings.TrimSpace(screen); screen != "" {
		title = screen + " – " + title
	}
	if ctx := s.app.context(); ctx != nil && ctx.Value("frontend") != nil {
		runtime.WindowSetTitle(ctx, title)
	}
}

// load reads the kept state; a missing or unreadable one is the default.
func (s *WindowService) load() WindowState {
	var st WindowState
	_ = s.app.view(func(tx *store.Tx) error {
		v, err := tx.Setting(windowSetting)
		if err == nil && v != "" {
			_ = json.Unmarshal([]byte(v), &st)
		}
		return nil
	})
	s.mu.Lock()
	s.saved, s.loaded = st, true
	s.mu.Unlock()
	return st
}

// WindowHooks returns Wails' OnDomReady and OnBeforeClose for the window: the first places
// the window as it was, the second keeps its state.
func WindowHooks(w *WindowService) (onDomReady func(context.Context), onBeforeClose func(context.Context) bool) {
	return w.restore, w.save
}

// restore sizes and places the window as it was, within the current screen, once the page
// has loaded.
func (s *WindowService) restore(ctx context.Context) {
	s.mu.Lock()
	again := s.restored
	s.restored = true
	s.mu.Unlock()
	if again {
		return
	}
	st := s.load()
	if st.Width < MinWidth || st.Height < MinHeight {
		return
	}
	w, h := st.Width, st.Height
	if screens, err := runtime.ScreenGetAll(ctx); err == nil {
		for _, sc := range screens {
			if sc.IsCurrent || sc.IsPrimary {
				w, h = min(w, sc.Size.Width), min(h, sc.Size.Height)
				if st.X < 0 || st.Y < 0 || st.X+w > sc.Size.Width || st.Y+h > sc.Size.Height {
					st.X, st.Y = max(0, (sc.Size.Width-w)/2), max(0, (sc.Size.Height-h)/2)
				}
				break
			}
		}
	}
	runtime.WindowSetSize(ctx, w, h)
	runtime.WindowSetPosition(ctx, st.X, st.Y)
	if st.Maximised {
		runtime.WindowMaximise(ctx)
	}
}

// save keeps the window's size, position and screen; it lets the window close and is
// called before quitting from the menu.
func (s *WindowService) save(ctx context.Context) (prevent bool) {
	if ctx == nil {
		return false
	}
	st := WindowState{Maximised: runtime.WindowIsMaximised(ctx)}
	if st.Maximised {
		s.mu.Lock()
		st.Width, st.Height, st.X, st.Y = s.saved.Width, s.saved.Height, s.saved.X, s.saved.Y
		s.mu.Unlock()
	} else {
		st.Width, st.Height = runtime.WindowGetSize(ctx)
		st.X, st.Y = runtime.WindowGetPosition(ctx)
	}
	s.mu.Lock()
	st.Route = s.route
	s.mu.Unlock()
	s.store(st)
	return false
}

// store writes the state; the window closes even when it cannot be written.
func (s *WindowService) store(st WindowState) {
	b, err := json.Marshal(st)
	if err != nil {
		return
	}
	if err := s.app.update(func(tx *store.Tx) error { return tx.SetSetting(windowSetting, string(b)) }); err != nil {
		s.app.log.Warn("unable to keep the window's size and screen", "error", err)
	}
}
