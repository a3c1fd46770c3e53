package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/template"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestTemplateCommand: `template KIND --out FILE` writes the kind's template (private to
// the user) without touching, or creating, a data folder; misuse is a usage error.
func TestTemplateCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data") // does not exist
	out := filepath.Join(t.TempDir(), "risks.xlsx")
	code, stdout, stderr := runCLI(t, dir, "template", xlsx.KindRisks, "--out", out)
	if code != ExitOK || !strings.Contains(stdout, out) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the template command created the data folder: %v", err)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("stat %v, %v", st, err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cols, err := template.Columns(xlsx.KindRisks, template.Options{})
	if err != nil {
		t.Fatal(err)
	}
	header, _ := f.GetRows(template.SheetName(xlsx.KindRisks))
	if len(header) != 2 || len(header[0]) != len(cols) || header[0][0] != cols[0].Header {
		t.Errorf("rows %v", header)
	}

	for _, args := range [][]string{
		{"template"},
		{"template", xlsx.KindRisks},
		{"template", "unicorns", "--out", filepath.Join(t.TempDir(), "u.xlsx")},
		{"template", xlsx.KindRisks, "--out", filepath.Join(t.TempDir(), "risks.csv")},
		{"template", xlsx.KindRisks, xlsx.KindControls, "--out", out},
	} {
		if code, _, stderr := runCLI(t, dir, args...); code != ExitUsage || stderr == "" {
			t.Errorf("%v: exit %d (stderr %q), want %d with a message", args, code, stderr, ExitUsage)
		}
	}
	if code, _, stderr := runCLI(t, dir, "template", xlsx.KindPeople, "--out", filepath.Join(t.TempDir(), "missing", "p.xlsx")); code != ExitError || stderr == "" {
		t.Errorf("a folder that does not exist: exit %d (%q)", code, stderr)
	}
}

// TestTemplateFollowsTheRiskMethod: with a data folder, the likelihood and impact lists
// are the levels of its risk method; the folder is read, not written.
func TestTemplateFollowsTheRiskMethod(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	org := isms.Organisation{Name: "Northwind Consulting",
		RiskMethod: isms.RiskMethod{Likelihood: []string{"Low", "Medium", "High"}, Impact: []string{"Minor", "Serious", "Severe"}, Threshold: 3}}
	if err := db.Update(func(tx *store.Tx) error { return tx.SetOrganisation(org) }); err != nil {
		t.Fatal(err)
	}
	var head uint64
	db.View(func(tx *store.Tx) (err error) { head, _, err = tx.HistoryHead(); return err })
	db.Close()
	out := filepath.Join(t.TempDir(), "risks.xlsx")
	if code, _, stderr := runCLI(t, dir, "template", xlsx.KindRisks, "--out", out); code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dvs, err := f.GetDataValidations(template.SheetName(xlsx.KindRisks))
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]bool{}
	for _, dv := range dvs {
		lists[dv.Formula1] = true
	}
	if !lists[`"1 - Low,2 - Medium,3 - High"`] || !lists[`"1 - Minor,2 - Serious,3 - Severe"`] {
		t.Errorf("lists %v", lists)
	}
	db, err = store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var after uint64
	db.View(func(tx *store.Tx) (err error) { after, _, err = tx.HistoryHead(); return err })
	if after != head {
		t.Errorf("the template command wrote into the data folder: history %d, then %d", head, after)
	}
}
