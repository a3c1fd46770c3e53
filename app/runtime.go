package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// The Wails runtime is used only here, so that services stay testable without a window.

// context returns the window's context, or nil before Startup (tests).
func (a *App) context() context.Context {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.ctx
}

// emit sends an event to the window; it does nothing without one.
func (a *App) emit(name string, data any) {
	if ctx := a.context(); ctx != nil && ctx.Value("events") != nil {
		runtime.EventsEmit(ctx, name, data)
	}
}

// openFileDialog asks for a file to open; "" when the user cancels.
func (a *App) openFileDialog(title string, filters []runtime.FileFilter) (string, error) {
	ctx := a.context()
	if ctx == nil || ctx.Value("frontend") == nil {
		return "", nil
	}
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title, Filters: filters})
}

// saveFileDialog asks where to save a file; "" when the user cancels.
func (a *App) saveFileDialog(title, defaultName string, filters []runtime.FileFilter) (string, error) {
	ctx := a.context()
	if ctx == nil || ctx.Value("frontend") == nil {
		return "", nil
	}
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName, Filters: filters})
}
