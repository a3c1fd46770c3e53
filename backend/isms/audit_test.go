package isms_test

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// span lists the Annex A controls from one reference to another, inclusive.
func span(from, to string) []string {
	var out []string
	in := false
	for _, c := range isms.AnnexA() {
		in = in || c.Ref == from
		if in {
			out = append(out, c.Ref)
		}
		if c.Ref == to {
			break
		}
	}
	return out
}

// themeRefs lists the controls of a theme digit, "8" for A.8.
func themeRefs(digit string) []string {
	var out []string
	for _, c := range isms.AnnexA() {
		if strings.HasPrefix(c.Ref, "A."+digit+".") {
			out = append(out, c.Ref)
		}
	}
	return out
}

// leafClausesOf lists the leaf sub-clauses of clauses from to to (top-level numbers).
func leafClausesOf(from, to int) []string {
	all := isms.Clauses()
	var out []string
	for i, c := range all {
		if i+1 < len(all) && strings.HasPrefix(all[i+1].Ref, c.Ref+".") {
			continue
		}
		top := 0
		for _, r := range c.Ref {
			if r == '.' {
				break
			}
			top = top*10 + int(r-'0')
		}
		if top >= from && top <= to {
			out = append(out, c.Ref)
		}
	}
	return out
}

func join(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestScopeRefsReadsTheWaysPeopleWriteReferences(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		// single controls, written every usual way
		{"A.5.15", []string{"A.5.15"}},
		{"A 5.15", []string{"A.5.15"}},
		{"A5.15", []string{"A.5.15"}},
		{"a.5.15", []string{"A.5.15"}},
		{"Annex A 5.15", []string{"A.5.15"}},
		{"Annex A.5.15 access control", []string{"A.5.15"}},
		{"control 8.24", []string{"A.8.24"}},
		{"control A.8.24 (cryptography)", []string{"A.8.24"}},
		{"controls 8.24, 8.25 and 8.26", []string{"A.8.24", "A.8.25", "A.8.26"}},
		{"controls 5.1 and 5.2", []string{"A.5.1", "A.5.2"}}, // named as controls: not clauses 5.1 and 5.2
		{"8.24", []string{"A.8.24"}},                         // not a clause: a control
		{"A.5.99 and A.9.1", nil},                            // no such controls
		// ranges of controls
		{"A.5.15-A.5.18", span("A.5.15", "A.5.18")},
		{"A.5.15 – A.5.18", span("A.5.15", "A.5.18")},
		{"A5.15 to 5.18", span("A.5.15", "A.5.18")},
		{"5.15 to 5.18", span("A.5.15", "A.5.18")},
		{"5.15-5.18", span("A.5.15", "A.5.18")},
		{"Annex A 5.15 through A.5.17", span("A.5.15", "A.5.17")},
		{"controls 8.1 to 8.3", span("A.8.1", "A.8.3")},
		{"A.7.14-A.8.2", span("A.7.14", "A.8.2")}, // across themes
		// themes
		{"A.8", themeRefs("8")},
		{"Annex A theme 8", themeRefs("8")},
		{"Annex A.7", themeRefs("7")},
		{"theme 6", themeRefs("6")},
		{"technological controls", themeRefs("8")},
		{"Organisational controls", themeRefs("5")},
		{"organizational controls", themeRefs("5")},
		{"people controls and physical controls", join(themeRefs("6"), themeRefs("7"))},
		{"Annex A", join(themeRefs("5"), themeRefs("6"), themeRefs("7"), themeRefs("8"))},
		{"Annex A controls A.5.15, A.5.18", []string{"A.5.15", "A.5.18"}}, // "Annex A" as their heading
		// clauses
		{"7.2", []string{"7.2"}},
		{"Clause 7.2 competence", []string{"7.2"}},
		{"a 7.2 review of competence", []string{"7.2"}}, // the article, not control A.7.2
		{"9.2", []string{"9.2.1", "9.2.2"}},
		{"clause 7", leafClausesOf(7, 7)},
		{"clauses 4 to 10", leafClausesOf(4, 10)},
		{"clauses 4-10", leafClausesOf(4, 10)},
		{"4-10", leafClausesOf(4, 10)},
		{"4 to 10", leafClausesOf(4, 10)},
		{"ISO/IEC 27001:2022 4–10", leafClausesOf(4, 10)},
		{"clauses 9 to 10", leafClausesOf(9, 10)},
		{"clauses 5.1 and 5.3", []string{"5.1", "5.3"}},
		{"6.1 to 6.3", []string{"6.1.1", "6.1.2", "6.1.3", "6.2", "6.3"}},
		// together, and text that names nothing
		{"clause 7.2 and control 8.24", []string{"7.2", "A.8.24"}},
		{"Whole ISMS: clauses 4 to 10 and A.5.15-A.5.16", join(leafClausesOf(4, 10), span("A.5.15", "A.5.16"))},
		{"ISO/IEC 27001:2022", nil},
		{"on site 2026-05-10 to 2026-05-12, 1.5 days", nil},
		{"London office, 5.5 hours of interviews", nil},
		{"", nil},
	}
	for _, tc := range cases {
		got := isms.ScopeRefs(tc.text, nil)
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("ScopeRefs(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestScopeRefsThemesFollowTheStatementOfApplicability(t *testing.T) {
	appl := map[string]string{"A.7.4": isms.ApplicabilityNotApplicable}
	if got := isms.ScopeRefs("physical controls", appl); len(got) != 13 || strings.Contains(strings.Join(got, " "), "A.7.4 ") {
		t.Errorf("physical controls with A.7.4 excluded: %v, want the 13 others", got)
	}
	appl["A.7.2"] = isms.ApplicabilityApplicable
	if got := isms.ScopeRefs("Annex A theme 7", appl); strings.Join(got, " ") != "A.7.2" {
		t.Errorf("theme 7 with A.7.2 the only applicable control: %v, want A.7.2", got)
	}
	// a named control is audited whatever its decision
	if got := isms.ScopeRefs("A.7.4", appl); strings.Join(got, " ") != "A.7.4" {
		t.Errorf("named A.7.4: %v", got)
	}
}

func TestItemRefAndTitle(t *testing.T) {
	cases := []struct{ in, ref, title string }{
		{"7.2", "7.2", "Competence"},
		{"clause 7.2", "7.2", "Competence"},
		{"A.7.2", "A.7.2", "Physical entry"},
		{"A 7.2", "A.7.2", "Physical entry"},
		{"Annex A 5.15", "A.5.15", "Access control"},
		{"control 8.24", "A.8.24", "Use of cryptography"},
		{"a.05.15", "A.5.15", "Access control"},
		{"Supplier onboarding", "Supplier onboarding", ""},
		{"", "", ""},
	}
	for _, tc := range cases {
		if got := isms.ItemRef(tc.in); got != tc.ref {
			t.Errorf("ItemRef(%q) = %q, want %q", tc.in, got, tc.ref)
		}
		if got := isms.ItemTitle(tc.in); got != tc.title {
			t.Errorf("ItemTitle(%q) = %q, want %q", tc.in, got, tc.title)
		}
	}
}

func TestProposedItemsAreTitledByWhatTheyAre(t *testing.T) {
	a := &isms.Audit{Ref: "IA-1", Title: "Audit", Scope: "7.2 and A.7.2", AuditorName: "Ext", Status: isms.AuditPlanned}
	items, err := a.ProposeChecklist(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Ref != "7.2" || items[0].Title != "Competence" || items[1].Ref != "A.7.2" || items[1].Title != "Physical entry" {
		t.Fatalf("proposed %+v, want clause 7.2 Competence then control A.7.2 Physical entry", items)
	}
	if !strings.Contains(items[0].Question, "competence") || !strings.Contains(items[1].Question, "Physical entry") {
		t.Errorf("questions %q / %q: want the clause's requirement and the control's title", items[0].Question, items[1].Question)
	}
}
