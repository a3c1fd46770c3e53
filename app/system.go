package app

import (
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// DashboardService serves the home screen.
type DashboardService struct{ app *App }

// Summary returns the dashboard's live counts.
func (s *DashboardService) Summary() (overview.Dashboard, error) {
	var out overview.Dashboard
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		out, err = overview.Summary(tx, s.app.clock())
		return err
	})
	return out, err
}

// SystemService tells the window about the installation.
type SystemService struct{ app *App }

// Info describes the running application and its data folder.
type Info struct {
	Name          string `json:"name"`
	Version       string `json:"version"`
	DataDir       string `json:"dataDir"`
	SchemaVersion int    `json:"schemaVersion"`
	// Error is set when the data folder could not be opened, e.g. another window holds it.
	Error string `json:"error"`
}

// Info returns the application's name, version and data folder, and why the folder is
// not open when it is not.
func (s *SystemService) Info() Info {
	out := Info{Name: buildinfo.Name, Version: buildinfo.Version, DataDir: s.app.dataDir}
	db, err := s.app.store()
	if err != nil {
		out.Error = err.Error()
		return out
	}
	out.SchemaVersion = db.SchemaVersion()
	return out
}

// Backup asks where to save a backup of the whole database and writes it there; it
// returns the path, or "" when the user cancelled. `ismsdesk restore FILE` reads it back.
func (s *SystemService) Backup() (string, error) {
	db, err := s.app.store()
	if err != nil {
		return "", err
	}
	name := "ismsdesk-backup-" + s.app.clock().Format("2006-01-02") + ".ismsbackup"
	path, err := s.app.saveFileDialog("Back up the database", name,
		[]runtime.FileFilter{{DisplayName: "ISMS Desk backup (*.ismsbackup)", Pattern: "*.ismsbackup"}})
	if err != nil || path == "" {
		return "", err
	}
	return path, safefile.Write(path, db.Backup)
}

// Preferences are the user's settings.
type Preferences struct {
	// DayFirst reads dates such as 03/04/2024 in spreadsheets as 3 April.
	DayFirst bool `json:"dayFirst"`
}

// Preferences returns the user's settings.
func (s *SystemService) Preferences() (Preferences, error) {
	db, err := s.app.store()
	if err != nil {
		return Preferences{}, err
	}
	dayFirst, err := importer.DayFirst(db)
	return Preferences{DayFirst: dayFirst}, err
}

// SetPreferences stores the user's settings.
func (s *SystemService) SetPreferences(p Preferences) error {
	db, err := s.app.store()
	if err != nil {
		return err
	}
	return importer.SetDayFirst(db, p.DayFirst)
}
