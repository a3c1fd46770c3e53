package app

import "testing"

func TestWindowStateIsKeptInTheDataFolder(t *testing.T) {
	a := newApp(t)
	w := NewWindowService(a)
	if got := w.load(); got != (WindowState{}) {
		t.Fatalf("a new data folder has no window state, got %+v", got)
	}
	w.SetRoute("/records/risks")
	w.SetRoute("javascript:alert(1)") // not a screen: ignored
	w.store(WindowState{Width: 1200, Height: 700, X: 40, Y: 30, Route: w.route})
	if got := NewWindowService(a).load(); got.Route != "/records/risks" || got.Width != 1200 || got.Y != 30 {
		t.Fatalf("the kept state did not come back: %+v", got)
	}
	if got := NewWindowService(a).LastRoute(); got != "/records/risks" {
		t.Fatalf("the last screen is %q, want /records/risks", got)
	}
}
