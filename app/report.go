package app

import (
	"context"
	"io"
	"os"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// ReportService writes the Excel reports: choose one, save it with the native dialog,
// follow its progress, open it in the spreadsheet application.
type ReportService struct {
	app *App

	running canceller
}

// ExportProgress is the payload of the "export:progress" event.
type ExportProgress struct {
	Report string `json:"report"`
	Done   int    `json:"done"`
	Total  int    `json:"total"`
}

// List returns the reports the app writes.
func (s *ReportService) List() []report.Info { return report.Names() }

// Targets lists the records a report can be about (reviews or audits), newest first.
func (s *ReportService) Targets(kind string) ([]isms.Option, error) {
	k, err := isms.ParseKind(kind)
	if err != nil {
		return nil, err
	}
	out := []isms.Option{}
	err = s.app.view(func(tx *store.Tx) error {
		rows, err := overview.Rows(tx, k)
		for i := len(rows) - 1; i >= 0; i-- {
			r := rows[i]
			label := strings.TrimSpace(r.Ref + " " + r.Title)
			if r.Due != "" {
				label += " (" + string(r.Due) + ")"
			}
			out = append(out, isms.Option{Value: r.ID, Label: label})
		}
		return err
	})
	return out, err
}

// Preview returns the report's executive page as it would be saved now, worked out by
// the code that writes it: the headline figures with red, amber and green and their
// change since the last export, the decisions requested and the top exceptions. It
// keeps nothing (the next export's changes still count from the last one saved).
func (s *ReportService) Preview(name, id string) (report.Executive, error) {
	db, err := s.app.store()
	if err != nil {
		return report.Executive{}, err
	}
	return report.Preview(context.Background(), db, name, report.Options{ID: id, Now: s.app.clock(), Version: buildinfo.Version})
}

// Export asks where to save the report and writes it there, sending "export:progress"
// events. It returns the path written, or "" when the user cancelled the dialog.
func (s *ReportService) Export(name, id string) (string, error) {
	if err := s.checkOrganisation(); err != nil {
		return "", err
	}
	path, err := s.app.saveFileDialog("Save the report", defaultReportName(name, s.app.clock().Format("2006-01-02")),
		[]runtime.FileFilter{{DisplayName: "Excel workbook (*.xlsx)", Pattern: "*.xlsx"}})
	if err != nil || path == "" {
		return "", err
	}
	if !strings.HasSuffix(strings.ToLower(path), ".xlsx") {
		path += ".xlsx"
	}
	return path, s.ExportTo(name, id, path)
}

// ExportTo writes a report to a path; a failed or cancelled export leaves no file. The
// report's headline figures are kept as its last export.
func (s *ReportService) ExportTo(name, id, path string) error {
	db, err := s.app.store()
	if err != nil {
		return err
	}
	ctx, done := s.running.start()
	defer done()
	return safefile.Write(path, func(w io.Writer) error {
		// Remember: the next export of this report shows the change of its headline figures.
		return report.Write(ctx, db, name, report.Options{
			ID: id, Now: s.app.clock(), Version: buildinfo.Version, Remember: true,
			Progress: func(done, total int) {
				s.app.emit("export:progress", ExportProgress{Report: name, Done: done, Total: total})
			},
		}, w)
	})
}

// checkOrganisation refuses to write a report whose cover could not name the
// organisation: its name is set on the Organisation page (a demo database has its own).
func (s *ReportService) checkOrganisation() error {
	return s.app.view(func(tx *store.Tx) error {
		org, err := loadOrganisation(tx)
		if err != nil {
			return err
		}
		if strings.TrimSpace(org.Name) == "" {
			return &isms.Error{Code: isms.CodeInvalid, Message: "Give the organisation its name on the Organisation page first: every report's cover prints it.",
				Fields: map[string]string{"organisation": "is not set"}}
		}
		return nil
	})
}

// Cancel stops a running export.
func (s *ReportService) Cancel() {
	s.running.stop()
}

// Open opens a written report in the spreadsheet application.
func (s *ReportService) Open(path string) error {
	if _, err := os.Stat(path); err != nil {
		return isms.Errorf(isms.CodeNotFound, "the file %s is no longer there", path)
	}
	s.app.openWithDefaultApp(path)
	return nil
}

func defaultReportName(name, date string) string {
	return "ismsdesk-" + name + "-" + date + ".xlsx"
}
