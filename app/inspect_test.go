package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The wizard's first grid shows the sheet the import will read: with the kind known, the
// sheet most like a register, not the "Introduction" before it.
func TestInspectShowsTheRegisterSheetOfTheKind(t *testing.T) {
	a := newApp(t)
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Introduction")
	f.SetCellValue("Introduction", "A1", "About this workbook")
	f.SetCellValue("Introduction", "A2", "It lists the requirements the organisation must meet, with their owners.")
	if _, err := f.NewSheet("Register"); err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("Register", "A1", &[]string{"Ref", "Requirement", "Status"})
	for i := 1; i <= 12; i++ {
		f.SetSheetRow("Register", fmt.Sprintf("A%d", i+1), &[]string{fmt.Sprintf("R-%02d", i), fmt.Sprintf("Keep records of decision %d", i), "Compliant"})
	}
	file := filepath.Join(t.TempDir(), "register.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	first, err := a.Import.Inspect(file, "", "")
	if err != nil || first.Sheet != "Introduction" {
		t.Fatalf("without a kind the first sheet is shown: got %q, %v", first.Sheet, err)
	}
	got, err := a.Import.Inspect(file, "", "requirements")
	if err != nil || got.Sheet != "Register" || got.HeaderRow != 1 {
		t.Fatalf("with the kind the register sheet is shown: got %q (header row %d), %v", got.Sheet, got.HeaderRow, err)
	}
}
