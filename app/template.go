package app

import (
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/template"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// SaveTemplate asks where to save the Excel template of an import kind and writes it
// there: the columns the importer expects, drop-down lists of the allowed values (the
// likelihood and impact levels of the organisation's risk method), a note per column, an
// example row and a "How to use" sheet. It returns the path written, or "" when the user
// cancelled the dialog.
func (s *ImportService) SaveTemplate(kind string) (string, error) {
	if _, err := xlsx.Fields(kind); err != nil {
		return "", err
	}
	opt := template.Options{Now: s.app.clock()}
	if err := s.app.view(func(tx *store.Tx) error {
		org, err := tx.Organisation()
		opt.Method = org.RiskMethod
		return err
	}); err != nil {
		return "", err
	}
	path, err := s.app.saveFileDialog("Save the import template", template.FileName(kind),
		[]runtime.FileFilter{{DisplayName: "Excel workbook (*.xlsx)", Pattern: "*.xlsx"}})
	if err != nil || path == "" {
		return "", err
	}
	if !strings.HasSuffix(strings.ToLower(path), ".xlsx") {
		path += ".xlsx"
	}
	return path, template.Save(path, kind, opt)
}
