package app

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/template"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestSaveTemplate: the window saves a kind's template under its default name where the
// save dialog says; its levels are the organisation's risk method's; the wizard previews
// it with every row valid; an unknown kind is refused before any dialog.
func TestSaveTemplate(t *testing.T) {
	a := newPlanApp(t)
	dir := t.TempDir()
	t.Setenv(testSaveDirEnv, dir)
	org, err := a.Organisation.Get()
	if err != nil {
		t.Fatal(err)
	}
	org.Name = "Northwind Consulting"
	org.RiskMethod = isms.RiskMethod{Likelihood: []string{"Low", "Medium", "High"}, Impact: []string{"Minor", "Serious", "Severe"}, Threshold: 3}
	if _, err := a.Organisation.Save(org); err != nil {
		t.Fatal(err)
	}

	path, err := a.Import.SaveTemplate(xlsx.KindRisks)
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "ISMS Desk - risks template.xlsx") {
		t.Fatalf("saved to %q", path)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("stat %v, %v", st, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dvs, err := f.GetDataValidations(template.SheetName(xlsx.KindRisks))
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(dvs, func(dv *excelize.DataValidation) bool {
		return dv.Formula1 == `"1 - Low,2 - Medium,3 - High"`
	}) {
		t.Errorf("no likelihood list of the organisation's method among %d validations", len(dvs))
	}

	plan, err := a.Import.Preview(importer.Request{Kind: xlsx.KindRisks, File: path})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Header.Row != 1 || plan.Counts.Rows != 1 || plan.Counts.Created != 1 || len(plan.Errors) > 0 {
		t.Fatalf("preview: header row %d, counts %+v, problems %v", plan.Header.Row, plan.Counts, plan.Errors)
	}

	_, err = a.Import.SaveTemplate("unicorns")
	wantErr(t, "an unknown kind", err, isms.CodeInvalid)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files in the save folder: %v", entries)
	}
}
