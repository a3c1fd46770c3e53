package importer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// numericSoA writes a Statement of Applicability whose control numbers are numbers, in the
// number format numFmt (0: General), with one justification per row.
func numericSoA(t *testing.T, numFmt int, refs []float64, meant []string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{{"Control", "Applicable", "Status", "Justification"}}
	for i, r := range refs {
		rows = append(rows, []any{r, "Yes", "Implemented", "meant " + meant[i]})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if numFmt > 0 {
		style, err := f.NewStyle(&excelize.Style{NumFmt: numFmt})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Sheet1", "A2", "A"+string(rune('1'+len(refs))), style); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "soa.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNumericControlNumbers: control numbers stored as numbers are read as Excel shows
// them (5.10 in a 0.00 column is A.5.10, not A.5.1), and two rows that read as the same
// control with different values are a duplicate, never joined into one record.
func TestNumericControlNumbers(t *testing.T) {
	db := openDB(t, "")
	file := numericSoA(t, 2, []float64{5.1, 5.2, 5.11}, []string{"5.10", "5.20", "5.11"})
	p := prepare(t, db, Request{Kind: xlsx.KindControls, File: file})
	commit(t, db, p)
	ctrl := controlsByRef(t, db)
	if ctrl["A.5.10"].Justification != "meant 5.10" || ctrl["A.5.20"].Justification != "meant 5.20" || ctrl["A.5.1"].Justification != "" {
		t.Errorf("A.5.10 %q, A.5.20 %q, A.5.1 %q", ctrl["A.5.10"].Justification, ctrl["A.5.20"].Justification, ctrl["A.5.1"].Justification)
	}
	assertCatalogueTitles(t, db)

	// General format: 5.10 is stored and shown as 5.1, like the 5.1 three rows above it.
	file = numericSoA(t, 0, []float64{5.1, 5.2, 5.9, 5.1}, []string{"5.1", "5.2", "5.9", "5.10"})
	p = prepare(t, db, Request{Kind: xlsx.KindControls, File: file})
	if p.Mapping.MergeBy != "" || len(p.Merged) != 0 {
		t.Fatalf("rows 2 and 5 merged (merge by %q, %+v)", p.Mapping.MergeBy, p.Merged)
	}
	if p.Counts.Invalid != 1 || !strings.Contains(problemsOf(p), "row 2") {
		t.Fatalf("counts %+v, problems %s; want row 5 refused as a repeat of row 2", p.Counts, problemsOf(p))
	}
	assertCatalogueTitles(t, db)
}

// TestSoAWithAnExclusionColumn: an SoA with one column for why a control is selected and
// another for why it is excluded gives each control the justification that applies, and a
// second import of an edited file updates it.
func TestSoAWithAnExclusionColumn(t *testing.T) {
	db := openDB(t, "")
	soa := func(exclusion string) string {
		return writeFile(t, "soa.csv", "Control,Applicable,Status,Reason for selection,Justification for exclusion\n"+
			"A.5.1,Yes,Implemented,Baseline,\nA.7.1,No,Not applicable,,"+exclusion+"\n")
	}
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindControls, File: soa("Fully remote company")}))
	ctrl := controlsByRef(t, db)
	if ctrl["A.5.1"].Justification != "Baseline" || ctrl["A.7.1"].Justification != "Fully remote company" {
		t.Fatalf("A.5.1 %q, A.7.1 %q", ctrl["A.5.1"].Justification, ctrl["A.7.1"].Justification)
	}
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindControls, File: soa("No offices")}))
	if got := controlsByRef(t, db)["A.7.1"].Justification; got != "No offices" {
		t.Errorf("after the edit A.7.1 %q", got)
	}
	assertCatalogueTitles(t, db)
}
