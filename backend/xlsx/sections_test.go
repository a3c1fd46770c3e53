package xlsx

import (
	"strings"
	"testing"
)

func sectionRowsOf(t *testing.T, kind string, rows [][]any) (map[int]bool, []RowResult) {
	t.Helper()
	g, h := gridOf(t, rows)
	m, err := ProposeMappingFor(kind, h, g)
	must(t, err)
	res, err := Rows(kind, h, g, m)
	must(t, err)
	out := map[int]bool{}
	for _, r := range res {
		if r.Section {
			out[r.Row] = true
		}
	}
	return out, res
}

// TestFrameworkStructureRows: a framework library marks its assessable nodes; nodes
// without a reference that are not assessable are its structure, so they are sections.
func TestFrameworkStructureRows(t *testing.T) {
	long := strings.Repeat("Member States may maintain more specific provisions. ", 4)
	secs, res := sectionRowsOf(t, KindRequirements, [][]any{
		{"assessable", "depth", "ref_id", "name", "description"},
		{"", 1, "", "Chapter I", "General provisions"}, // 2: structure
		{"x", 2, "Article 1", "Subject-matter", "This Regulation lays down rules."},
		{"", 2, "", "", long}, // 4: a continuation node
		{"x", 3, "1.1", "", "Personal data shall be processed lawfully."},
		{"", 2, "", "Section 1", "Transparency and modalities"}, // 6: structure
		{"x", 3, "12.1", "", "The controller shall take appropriate measures."},
	})
	for _, row := range []int{2, 4, 6} {
		if !secs[row] {
			t.Errorf("row %d is not a section", row)
		}
	}
	for _, r := range res {
		if !r.Section && !r.Valid() {
			t.Errorf("row %d invalid: %v", r.Row, r.Problems)
		}
	}
}

// TestSectionRules: a lone short value is a heading, a lone long text is a record missing
// its reference, a numbered heading with its name is a heading, and when most rows look
// like headings they are records missing fields.
func TestSectionRules(t *testing.T) {
	prose := "The organisation shall determine external and internal issues. They are relevant to its purpose."
	secs, res := sectionRowsOf(t, KindRequirements, [][]any{
		{"Ref", "Title", "Text", "Owner"},
		{"", "Organisational controls"}, // 2: heading
		{"5.1", "Policies", "Define them", "CISO"},
		{"", "", prose}, // 4: prose, not a heading
		{"5.2", "Roles", "Assign them", "CISO"},
		{"", "Chapter II", "Principles"}, // 6: numbered heading
		{"5.3", "Segregation", "Segregate", "CISO"},
		{"5.4", "Management", "Direct", "CISO"},
		{"5.5", "Authorities", "Contact", "CISO"},
		{"5.6", "Groups", "Join", "CISO"},
		{"5.7", "Intelligence", "Gather", "CISO"},
	})
	if !secs[2] || !secs[6] || secs[4] {
		t.Fatalf("sections %v, want rows 2 and 6", secs)
	}
	for _, r := range res {
		if r.Row == 4 && (r.Valid() || r.Problems[0].Field != "ref") {
			t.Errorf("row 4: %+v, want a missing reference", r.Problems)
		}
	}
	// 3 of 6 rows look like headings: they are records without a reference
	secs, res = sectionRowsOf(t, KindRequirements, [][]any{
		{"Ref", "Title", "Text", "Owner"},
		{"", "Access control policy"},
		{"5.1", "Policies", "Define them", "CISO"},
		{"", "Asset inventory"},
		{"5.2", "Roles", "Assign them", "CISO"},
		{"", "Supplier agreements"},
		{"5.3", "Segregation", "Segregate", "CISO"},
	})
	if len(secs) != 0 {
		t.Fatalf("sections %v, want none: most rows look like headings", secs)
	}
	invalid := 0
	for _, r := range res {
		if !r.Valid() {
			invalid++
		}
	}
	if invalid != 3 {
		t.Errorf("%d invalid rows, want 3", invalid)
	}
}

func TestProse(t *testing.T) {
	for s, want := range map[string]bool{
		"Organisational controls":              false,
		"For the purposes of this Regulation:": false,
		"— their parliament;":                  false,
		strings.Repeat("a", 121):               true,
		"Access is reviewed. Accounts of leavers are removed on their last day.": true,
	} {
		if got := Prose(s); got != want {
			t.Errorf("Prose(%q) = %v", s, got)
		}
	}
}
