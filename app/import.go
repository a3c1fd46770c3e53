package app

import (
	"context"
	"slices"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ismsdesk/ismsdesk/backend/fault"
	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// ImportService is the import wizard: choose a file, a sheet, a kind, the header row
// and the mapping, preview, import with progress, and revert from the log.
type ImportService struct {
	app *App

	running canceller
}

// ImportKind is a kind the wizard can import, with its fields.
type ImportKind struct {
	Kind   string       `json:"kind"`
	Label  string       `json:"label"`
	Fields []xlsx.Field `json:"fields"`
}

// SheetPreview is the top of a sheet as a grid, with the header the app found.
type SheetPreview struct {
	File          string           `json:"file"`
	Sheets        []xlsx.SheetInfo `json:"sheets"`
	Sheet         string           `json:"sheet"`
	Rows          []xlsx.Row       `json:"rows"`
	Width         int              `json:"width"`
	HiddenColumns []int            `json:"hiddenColumns"`
	HeaderRow     int              `json:"headerRow"`  // 0 when none was found
	HeaderRows    int              `json:"headerRows"` // 1 or 2
	HeaderError   string           `json:"headerError"`
}

// ImportProgress is the payload of the "import:progress" event.
type ImportProgress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// previewRows bounds the rows a preview sends to the window.
const previewRows = 500

var importLabels = map[string]string{
	xlsx.KindRequirements: "Requirements", xlsx.KindControls: "Controls (Statement of Applicability)",
	xlsx.KindRisks: "Risks", xlsx.KindPeople: "People", xlsx.KindAttendance: "Training attendance",
	xlsx.KindMeasurements: "KPI measurements", xlsx.KindAssets: "Assets",
	xlsx.KindAcknowledgements: "Policy acknowledgements", xlsx.KindSurveyResults: "Survey results",
	xlsx.KindObjectives: "Objectives", xlsx.KindKPIs: "KPIs", xlsx.KindPolicies: "Policies (register)",
	xlsx.KindTrainings: "Training sessions", xlsx.KindCampaigns: "Awareness campaigns", xlsx.KindCommunications: "Communication log",
	xlsx.KindAuditResults: "Audit checklist results", xlsx.KindNonconformities: "Nonconformities", xlsx.KindActions: "Actions",
	xlsx.KindImprovements: "Improvements", xlsx.KindFeedback: "Feedback",
}

// Kinds lists the kinds the wizard imports.
func (s *ImportService) Kinds() ([]ImportKind, error) {
	out := []ImportKind{}
	for _, k := range xlsx.Kinds() {
		fields, err := xlsx.Fields(k)
		if err != nil {
			return nil, err
		}
		out = append(out, ImportKind{Kind: k, Label: importLabels[k], Fields: fields})
	}
	return out, nil
}

// ChooseFile opens the native file dialog; "" when the user cancels.
func (s *ImportService) ChooseFile() (string, error) {
	return s.app.openFileDialog("Import a register", []runtime.FileFilter{
		{DisplayName: "Spreadsheets (*.xlsx, *.xlsm, *.csv)", Pattern: "*.xlsx;*.xlsm;*.csv"},
	})
}

// Inspect reads the top of a sheet and finds its header; with no sheet named, the sheet
// the import of kind would read (the one most like a register), else the first visible one.
func (s *ImportService) Inspect(file, sheet, kind string) (SheetPreview, error) {
	wb, err := xlsx.OpenFile(file)
	if err != nil {
		return SheetPreview{}, err
	}
	defer wb.Close()
	if sheet != "" {
		if _, ok := wb.Sheet(sheet); !ok {
			return SheetPreview{}, isms.Errorf(isms.CodeInvalid, "%s has no sheet named %q", wb.Name, sheet)
		}
	} else if kind != "" {
		sheet = importer.RegisterSheet(wb, kind) // the sheet the import will read, not an "Introduction"
	}
	g, err := wb.ReadSheet(sheet, xlsx.ReadOptions{MaxRows: 60})
	if err != nil {
		return SheetPreview{}, err
	}
	out := SheetPreview{File: file, Sheets: wb.Sheets, Sheet: g.Sheet, Rows: g.Rows, Width: g.Width, HiddenColumns: g.HiddenColumns}
	if out.Rows == nil {
		out.Rows = []xlsx.Row{}
	}
	if h, err := xlsx.DetectHeader(g); err != nil {
		out.HeaderError = err.Error()
	} else {
		out.HeaderRow, out.HeaderRows = h.Row, h.Rows
	}
	return out, nil
}

// Preview works out what importing would do; nothing is written. Only the first rows
// are sent; the counts and problems cover every row.
func (s *ImportService) Preview(req importer.Request) (importer.Plan, error) {
	db, err := s.app.store()
	if err != nil {
		return importer.Plan{}, err
	}
	p, err := importer.Prepare(context.Background(), db, req)
	if err != nil {
		return importer.Plan{}, err
	}
	view := *p
	if len(view.Rows) > previewRows {
		view.Rows = view.Rows[:previewRows]
	}
	// the problems' words say what to choose in the wizard; the command-line options
	// they name are for the CLI
	view.Errors = xlsx.ProblemsWithoutFlags(view.Errors)
	view.ProblemGroups = slices.Clone(view.ProblemGroups)
	for i := range view.ProblemGroups {
		view.ProblemGroups[i].Message = xlsx.WithoutFlags(view.ProblemGroups[i].Message)
	}
	view.Rows = slices.Clone(view.Rows)
	for i := range view.Rows {
		view.Rows[i].Problems = xlsx.ProblemsWithoutFlags(view.Rows[i].Problems)
	}
	return view, nil
}

// Import reads the file again and imports it, all rows or none, sending
// "import:progress" events; Cancel stops it and undoes it.
func (s *ImportService) Import(req importer.Request) (importer.Result, error) {
	db, err := s.app.store()
	if err != nil {
		return importer.Result{}, err
	}
	ctx, done, ok := s.running.tryStart()
	if !ok {
		return importer.Result{}, isms.Errorf(isms.CodeLocked, "another import is running; wait for it to finish or cancel it")
	}
	defer done()
	if err := fault.CheckSpace(s.app.dataDir, 0); err != nil {
		return importer.Result{}, err
	}
	ctx, unwatch := fault.Watch(ctx, s.app.dataDir) // stops and rolls back the import when the disk fills up
	defer unwatch()
	defer importer.LeanHeap()()
	p, err := importer.Prepare(ctx, db, req)
	if err != nil {
		return importer.Result{}, err
	}
	if err := s.app.backupBeforeImport(db); err != nil {
		return importer.Result{}, err
	}
	res, err := importer.Commit(ctx, db, p, s.app.clock(), func(done, total int) {
		s.app.emit("import:progress", ImportProgress{Done: done, Total: total})
	})
	if full := fault.Cause(ctx); err != nil && full != nil {
		err = full
	}
	res.Errors = xlsx.ProblemsWithoutFlags(res.Errors)
	return res, err
}

// Cancel stops a running import; what it wrote is undone.
func (s *ImportService) Cancel() {
	s.running.stop()
}

// SaveMapping keeps a mapping under a name for the same header layout.
func (s *ImportService) SaveMapping(name string, m xlsx.Mapping) error {
	db, err := s.app.store()
	if err != nil {
		return err
	}
	return importer.SaveMapping(db, name, m)
}

// Logs lists past imports, newest first.
func (s *ImportService) Logs() ([]importer.Log, error) {
	db, err := s.app.store()
	if err != nil {
		return nil, err
	}
	return importer.Logs(db)
}

// Revert undoes an import as a whole.
func (s *ImportService) Revert(id string) (importer.Log, error) {
	db, err := s.app.store()
	if err != nil {
		return importer.Log{}, err
	}
	return importer.Revert(context.Background(), db, id, s.app.clock())
}
