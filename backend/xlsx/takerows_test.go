package xlsx

import (
	"reflect"
	"testing"
)

// TestTakeRows: TakeRows reads the rows as Rows does, and lets each data row's cells go
// from the grid (the header's stay); a sheet with merged cells keeps its cells.
func TestTakeRows(t *testing.T) {
	rows := [][]any{
		{"Ref", "Title", "Status", "Due date"},
		{"A-1", "Keep an asset inventory", "Compliant", "2026-03-01"},
		{"", "Access control", "", ""}, // a section
		{"A-2", "Review access rights", "Partially compliant", "2026-04-15"},
		{"A-3", "Log administrator actions", "Non-compliant", ""},
	}
	kept, h := gridOf(t, rows)
	taken, _ := gridOf(t, rows)
	m, err := ProposeMappingFor(KindRequirements, h, kept)
	must(t, err)
	want, err := Rows(KindRequirements, h, kept, m)
	must(t, err)
	got, err := TakeRows(KindRequirements, h, taken, m)
	must(t, err)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("TakeRows read\n%+v\nRows read\n%+v", got, want)
	}
	if len(want) != 4 || !want[1].Section {
		t.Fatalf("the fixture reads as %d rows (section %v); want 4 with row 3 a section", len(want), len(want) > 1 && want[1].Section)
	}
	for i, r := range taken.Rows {
		if r.Num < h.DataStart() && len(r.Cells) == 0 {
			t.Errorf("header row %d lost its cells", r.Num)
		}
		if r.Num >= h.DataStart() && r.Cells != nil {
			t.Errorf("data row %d keeps its cells %q", r.Num, r.Cells)
		}
		if r.Num != kept.Rows[i].Num {
			t.Errorf("row %d is numbered %d, want %d", i, r.Num, kept.Rows[i].Num)
		}
	}
	for _, r := range kept.Rows {
		if len(r.Cells) == 0 {
			t.Errorf("Rows took the cells of row %d", r.Num)
		}
	}

	merged, _ := gridOf(t, rows)
	merged.Merges = []Merge{{FirstRow: 4, LastRow: 5, FirstCol: 2, LastCol: 2}}
	if _, err := TakeRows(KindRequirements, h, merged, m); err != nil {
		t.Fatal(err)
	}
	for _, r := range merged.Rows {
		if len(r.Cells) == 0 {
			t.Errorf("a sheet with merged cells lost the cells of row %d", r.Num)
		}
	}
}
