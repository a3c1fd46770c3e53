package app

import (
	goruntime "runtime"

	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// MenuEvent is the event the menu sends to the window: its data is the command, e.g.
// "go:/import", "new", "search", "backup", "theme", "shortcuts", "about", "back", "edit:copy".
const MenuEvent = "menu"

// Menu returns the window's menu bar: File, Edit, View and Help with the usual
// accelerators. Its commands run in the window, which listens to MenuEvent.
func (a *App) Menu(w *WindowService) *menu.Menu {
	send := func(command string) menu.Callback {
		return func(*menu.CallbackData) { a.emit(MenuEvent, command) }
	}
	m := menu.NewMenu()
	file := m.AddSubmenu("File")
	file.AddText("New record", keys.CmdOrCtrl("n"), send("new"))
	file.AddText("Import from Excel…", keys.CmdOrCtrl("i"), send("go:/import"))
	file.AddText("Export a report…", keys.CmdOrCtrl("e"), send("go:/reports"))
	file.AddSeparator()
	file.AddText("Back up…", keys.CmdOrCtrl("b"), send("backup"))
	file.AddText("Restore from a backup…", nil, send("go:/data"))
	file.AddSeparator()
	file.AddText("Quit", keys.CmdOrCtrl("q"), func(*menu.CallbackData) { a.quit(w) })
	if goruntime.GOOS == "darwin" {
		m.Append(menu.EditMenu())
	} else {
		// GTK and Windows have no edit roles: the commands run in the page; their keys are
		// the page's own (binding them here would take them from the text fields).
		edit := m.AddSubmenu("Edit")
		for _, c := range [][2]string{{"undo", "Undo (Ctrl+Z)"}, {"redo", "Redo (Ctrl+Shift+Z)"}, {"", ""},
			{"cut", "Cut (Ctrl+X)"}, {"copy", "Copy (Ctrl+C)"}, {"paste", "Paste (Ctrl+V)"}, {"", ""}, {"selectAll", "Select all (Ctrl+A)"}} {
			if c[0] == "" {
				edit.AddSeparator()
				continue
			}
			edit.AddText(c[1], nil, send("edit:"+c[0]))
		}
	}
	view := m.AddSubmenu("View")
	view.AddText("Search and commands…", keys.CmdOrCtrl("k"), send("search"))
	view.AddText("Dashboard", keys.CmdOrCtrl("1"), send("go:/"))
	view.AddText("What is due", keys.CmdOrCtrl("2"), send("go:/due"))
	view.AddText("Back", keys.OptionOrAlt("left"), send("back"))
	view.AddSeparator()
	view.AddText("Switch light / dark theme", keys.Combo("l", keys.CmdOrCtrlKey, keys.ShiftKey), send("theme"))
	help := m.AddSubmenu("Help")
	help.AddText("Keyboard shortcuts", keys.Key("f1"), send("shortcuts"))
	help.AddText("About ISMS Desk", nil, send("about"))
	return m
}

// quit keeps the window's state, then closes the window; Shutdown then closes the store.
func (a *App) quit(w *WindowService) {
	ctx := a.context()
	if ctx == nil {
		return
	}
	if w != nil {
		w.save(ctx)
	}
	runtime.Quit(ctx)
}
