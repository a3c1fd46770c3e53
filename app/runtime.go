package app

import (
	"context"
	"net/url"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Test hooks for end-to-end tests, which cannot drive native dialogs: when set, the open
// dialog answers ISMSDESK_TEST_OPEN_FILE and the save dialog answers a file of the
// suggested name in ISMSDESK_TEST_SAVE_DIR.
const (
	testOpenFileEnv = "ISMSDESK_TEST_OPEN_FILE"
	testSaveDirEnv  = "ISMSDESK_TEST_SAVE_DIR"
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
	if f := os.Getenv(testOpenFileEnv); f != "" {
		return f, nil
	}
	ctx := a.context()
	if ctx == nil || ctx.Value("frontend") == nil {
		return "", nil
	}
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title, Filters: filters})
}

// saveFileDialog asks where to save a file; "" when the user cancels.
func (a *App) saveFileDialog(title, defaultName string, filters []runtime.FileFilter) (string, error) {
	if dir := os.Getenv(testSaveDirEnv); dir != "" {
		return filepath.Join(dir, defaultName), nil
	}
	ctx := a.context()
	if ctx == nil || ctx.Value("frontend") == nil {
		return "", nil
	}
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName, Filters: filters})
}

// openWithDefaultApp opens a file in the application the system associates with it
// (the spreadsheet application for a workbook).
func (a *App) openWithDefaultApp(path string) {
	ctx := a.context()
	if ctx == nil || ctx.Value("frontend") == nil {
		return
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	runtime.BrowserOpenURL(ctx, u.String())
}
