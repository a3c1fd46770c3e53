package importer

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestSheetNamedForTheKind: the sheet named for the kind imported holds its register,
// even empty, and a sheet named for another kind does not: actions are never read from
// the Nonconformities sheet beside an empty Corrective actions one.
func TestSheetNamedForTheKind(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Nonconformities")
	for i, r := range [][]any{{"Reference", "Title", "Owner", "Status", "Due date"}, {"NC-1", "Risk review missed", "Ann Lee", "Open", "2026-06-30"}, {"NC-2", "Mail to the wrong patient", "Bo Chen", "Open", ""}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Nonconformities", cell, &r)
	}
	f.NewSheet("Corrective actions")
	f.SetSheetRow("Corrective actions", "A1", &[]any{"Nonconformity", "Action", "Title", "Owner", "Due date", "Status"})
	file := filepath.Join(t.TempDir(), "capa.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	db := openDB(t, "")
	_, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindActions, File: file})
	if err == nil || !strings.Contains(err.Error(), `sheet "Corrective actions"`) || !strings.Contains(err.Error(), "empty") {
		t.Errorf("actions: %v, want the Corrective actions sheet found empty", err)
	}
	if p := prepare(t, db, Request{Kind: xlsx.KindNonconformities, File: file}); p.Sheet != "Nonconformities" {
		t.Errorf("nonconformities read from %q", p.Sheet)
	}
	if !namesKind("Risk register 2024", xlsx.KindRisks) || namesKind("Finance", xlsx.KindNonconformities) || !namesKind("NC log", xlsx.KindNonconformities) {
		t.Error("namesKind")
	}
}

// TestRegisterSheetNamedForAnotherKind: a gap assessment kept on a sheet named "Annex A
// controls", beside a read-me sheet, is still the sheet a requirements import reads.
func TestRegisterSheetNamedForAnotherKind(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Read me")
	for i, r := range [][]any{{"Gap assessment"}, {"Owner", "ISMS manager"}, {"Version", "3"}, {"Reviewed", "2026-01-10"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Read me", cell, &r)
	}
	f.NewSheet("Annex A controls")
	for i, r := range [][]any{{"Ref", "Requirement", "Status", "Owner"}, {"A.5.1", "Policies are defined", "Compliant", "Ann Lee"},
		{"A.5.2", "Roles are assigned", "Partial", "Ann Lee"}, {"A.5.3", "Duties are segregated", "Gap", "Bo Chen"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Annex A controls", cell, &r)
	}
	file := filepath.Join(t.TempDir(), "gap.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	db := openDB(t, "")
	if p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file}); p.Sheet != "Annex A controls" || p.Counts.Rows != 3 {
		t.Errorf("read %q (%d rows), want Annex A controls", p.Sheet, p.Counts.Rows)
	}
}
