package report

import "testing"

// TestClauseTitle: a checklist reference that is a clause number gets the clause's
// title from the catalogue, with or without "Clause"; an Annex A reference (with its
// prefix) gets the control's title, even where the numbers overlap (5.2, 6.2, 7.2, 7.3).
func TestClauseTitle(t *testing.T) {
	cases := map[string]string{
		"4.3":         "Determining the scope of the information security management system",
		"5.2":         "Policy",
		"6.2":         "Information security objectives and planning to achieve them",
		"7.2":         "Competence",
		"Clause 7.2":  "Competence",
		"clause 7.3":  "Awareness",
		" 9.3.2 ":     "Management review inputs",
		"A.5.2":       "Information security roles and responsibilities",
		"A.6.2":       "Terms and conditions of employment",
		"A.7.2":       "Physical entry",
		"A 7.2":       "Physical entry",
		"a.7.3":       "Securing offices, rooms and facilities",
		"Annex A 7.2": "Physical entry",
		"8.8":         "Management of technical vulnerabilities", // no clause 8.8: a control without its prefix
		"11.1":        "",
		"":            "",
	}
	for ref, want := range cases {
		if got := clauseTitle(ref); got != want {
			t.Errorf("clauseTitle(%q) = %q, want %q", ref, got, want)
		}
	}
}
