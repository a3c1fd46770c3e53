package importer

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// writeSheets writes a workbook with one sheet per name, in order, each from row 1.
func writeSheets(t *testing.T, path string, names []string, sheets map[string][][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range names {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// A catalogue that writes each requirement's statements on rows of their own, and maps a
// safeguard to several controls on repeated rows: one requirement each, proposed with no
// options; --merge-by none leaves the rows apart.
func TestMergeRowsOfOneRecord(t *testing.T) {
	db := openDB(t, "")
	path := filepath.Join(t.TempDir(), "catalogue.xlsx")
	writeSheets(t, path, []string{"Catalogue"}, map[string][][]any{"Catalogue": {
		{"Ref", "Title", "Statement", "Controls"},
		{"REQ-1", "Access control", "Accounts are reviewed.", "A.5.15"},
		{"", "", "Leavers lose access the same day.", "A.5.18"},
		{"", "", "Admin rights are approved.", ""},
		{"CIS-11.2", "Perform automated backups", "Backups run daily.", "A.8.13"},
		{"CIS-11.2", "Perform automated backups", "Backups run daily.", "A.5.30"},
		{"REQ-3", "Logging", "Logs are kept.", "A.8.15"},
	}})
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: path})
	if p.Mapping.MergeBy != "ref" || p.Counts.Rows != 3 || p.MergedRows != 3 || p.Counts.Invalid != 0 {
		t.Fatalf("merge by %q: %+v, %d rows merged; problems %v", p.Mapping.MergeBy, p.Counts, p.MergedRows, p.Errors)
	}
	if len(p.Mapping.Layout) == 0 {
		t.Error("the plan does not say why rows are merged")
	}
	commit(t, db, p)
	r := requirementByRef(t, db, "REQ-1")
	if r == nil || r.Text != "Accounts are reviewed.\nLeavers lose access the same day.\nAdmin rights are approved." || len(r.ControlIDs) != 2 {
		t.Fatalf("REQ-1: %+v", r)
	}
	r = requirementByRef(t, db, "CIS-11.2")
	if r == nil || r.Text != "Backups run daily." || len(r.ControlIDs) != 2 {
		t.Fatalf("CIS-11.2: %+v", r)
	}
	again := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: path})
	if again.Counts.Unchanged != 3 || again.Counts.Created+again.Counts.Updated != 0 {
		t.Errorf("re-import %+v, want 3 unchanged", again.Counts)
	}
	// without merging, r3 has no reference and r6 repeats r5; r4 reads as a heading
	apart := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: path, MergeBy: MergeNone, NoFillDown: true})
	if apart.Mapping.MergeBy != "" || len(apart.Mapping.FillDown) != 0 || apart.Counts.Invalid != 2 || apart.MergedRows != 0 {
		t.Errorf("without merging: merge by %q, fill down %v, %+v", apart.Mapping.MergeBy, apart.Mapping.FillDown, apart.Counts)
	}
	if _, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: path, MergeBy: "owner"}); isms.ErrorCode(err) != isms.CodeInvalid || !strings.Contains(err.Error(), "--merge-by owner") {
		t.Errorf("merge by an unmapped field: %v", err)
	}
}

// Sheets with the same layout are offered together and imported in one run, all or
// nothing; a sheet with another layout is refused.
func TestImportSeveralSheets(t *testing.T) {
	db := openDB(t, "")
	path := filepath.Join(t.TempDir(), "frameworks.xlsx")
	header := []any{"ID", "Name", "Description"}
	writeSheets(t, path, []string{"Introduction", "NIS2", "DORA", "Notes"}, map[string][][]any{
		"Introduction": {{"Title", "Our frameworks"}, {"Version", "3"}},
		"NIS2":         {header, {"NIS2-21", "Risk measures", "Take measures."}, {"NIS2-23", "Reporting", "Report incidents."}, {"NIS2-24", "Certification", "Use schemes."}},
		"DORA":         {header, {"DORA-5", "ICT risk framework", "Keep a framework."}, {"DORA-17", "Incident process", ""}},
		"Notes":        {{"Date", "Who", "Note"}, {"2025-01-02", "Jane", "Checked"}},
	})
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: path})
	if p.Sheet != "NIS2" || !slices.Equal(p.LayoutSheets, []string{"DORA"}) || p.Counts.Rows != 3 {
		t.Fatalf("sheet %q, same layout %v, %+v", p.Sheet, p.LayoutSheets, p.Counts)
	}
	all := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: path, AllSheets: true})
	if all.Counts.Rows != 5 || !slices.Equal(all.SheetsRead, []string{"NIS2", "DORA"}) || all.Rows[3].Sheet != "DORA" || all.Rows[0].Sheet != "NIS2" {
		t.Fatalf("all sheets: %+v from %v, rows %+v", all.Counts, all.SheetsRead, all.Rows)
	}
	if _, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: path, Sheets: []string{"Notes"}}); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Errorf("a sheet of another layout: %v", err)
	}
	// a bad row on the second sheet stops the whole import, and says where it is
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	writeSheets(t, bad, []string{"NIS2", "DORA"}, map[string][][]any{
		"NIS2": {header, {"NIS2-21", "Risk measures", "Take measures."}},
		"DORA": {header, {"NIS2-21", "Again", "A reference of the first sheet."}},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: bad, AllSheets: true})
	if p.Counts.Invalid != 1 || len(p.Errors) == 0 || p.Errors[0].Sheet != "DORA" {
		t.Fatalf("repeated reference across sheets: %+v, %+v", p.Counts, p.Errors)
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit: %v", err)
	}
	if n := count(t, db, isms.KindRequirement); n != 0 {
		t.Fatalf("%d requirements written by a refused import", n)
	}
	res := commit(t, db, all)
	if res.Log.Counts.Created != 5 || !strings.Contains(res.Log.Sheet, "DORA") {
		t.Errorf("log %+v", res.Log)
	}
}
