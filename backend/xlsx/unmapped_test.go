package xlsx

import (
	"reflect"
	"testing"
)

// TestUnmappedColumns: the columns with values that no field takes are listed with
// their header and count of values; an empty column and the mapped ones are not.
func TestUnmappedColumns(t *testing.T) {
	g, h := gridOf(t, [][]any{
		{"Ref", "Title", "Plan d'action", "Empty", "", "Status"},
		{"R-1", "A", "Encrypt the laptops", "", "", "Compliant"},
		{"R-2", "B", "", " ", "note", "Partial"},
		{"R-3", "C", "Train the staff", "", "", "Gap"},
	})
	m, _ := ProposeMappingFor(KindRequirements, h, g)
	got := UnmappedColumns(h, g, m)
	want := []UnmappedColumn{{Column: "C", Name: "Plan d'action", Values: 2}, {Column: "E", Name: "Column E", Values: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("unmapped %+v, want %+v (mapping %v)", got, want, m.Columns)
	}
	m.Columns["text"] = "C"
	if got := UnmappedColumns(h, g, m); len(got) != 1 || got[0].Column != "E" {
		t.Fatalf("with C mapped: %+v", got)
	}
}
