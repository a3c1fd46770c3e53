package isms_test

import (
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

func TestAnnexA(t *testing.T) {
	controls := isms.AnnexA()
	if len(controls) != 93 {
		t.Fatalf("len(AnnexA()) = %d, want 93", len(controls))
	}
	perTheme := map[string]int{}
	refs := map[string]bool{}
	for _, c := range controls {
		perTheme[c.Theme]++
		if refs[c.Ref] {
			t.Errorf("ref %s twice", c.Ref)
		}
		refs[c.Ref] = true
		if c.Title == "" {
			t.Errorf("%s has no title", c.Ref)
		}
		if isms.NormalizeControlRef(c.Ref) != c.Ref {
			t.Errorf("%s is not normalised", c.Ref)
		}
		ctl := &isms.Control{Ref: c.Ref, Title: c.Title, Theme: c.Theme, Applicability: isms.ApplicabilityNotAssessed, Status: isms.ImplNotStarted}
		if err := ctl.Validate(); err != nil {
			t.Errorf("%s: %v", c.Ref, err)
		}
	}
	want := map[string]int{isms.ThemeOrganizational: 37, isms.ThemePeople: 8, isms.ThemePhysical: 14, isms.ThemeTechnological: 34}
	for theme, n := range want {
		if perTheme[theme] != n {
			t.Errorf("theme %s has %d controls, want %d", theme, perTheme[theme], n)
		}
	}
	controls[0].Title = "changed"
	if isms.AnnexA()[0].Title == "changed" {
		t.Error("AnnexA returns shared storage")
	}
}

func TestLookupControl(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when not found
	}{
		{"A.5.1", "A.5.1"}, {"5.1", "A.5.1"}, {"a.5.1", "A.5.1"}, {"A 5.1", "A.5.1"}, {" A.05.01 ", "A.5.1"},
		{"Annex A 8.34", "A.8.34"}, {"A-7.14", "A.7.14"}, {"A.8.28", "A.8.28"},
		{"A.5.38", ""}, {"A.9.1", ""}, {"5", ""}, {"", ""}, {"ACC-1", ""}, {"A.5.x", ""},
	}
	for _, tt := range tests {
		c, ok := isms.LookupControl(tt.in)
		if ok != (tt.want != "") || c.Ref != tt.want {
			t.Errorf("LookupControl(%q) = %q, %v; want %q", tt.in, c.Ref, ok, tt.want)
		}
	}
	if c, _ := isms.LookupControl("5.15"); c.Title != "Access control" || c.Theme != isms.ThemeOrganizational {
		t.Errorf("A.5.15 = %+v", c)
	}
}

func TestClauses(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range isms.Clauses() {
		if seen[c.Ref] || c.Title == "" {
			t.Errorf("clause %+v repeated or untitled", c)
		}
		seen[c.Ref] = true
	}
	for _, ref := range []string{"4.1", "4.2", "5.2", "6.1.3", "6.2", "7.2", "7.5.3", "9.1", "9.2.2", "9.3.2", "10.1", "10.2"} {
		if !seen[ref] {
			t.Errorf("clause %s missing", ref)
		}
	}
	if c, ok := isms.LookupClause("Clause 9.3.2"); !ok || c.Title != "Management review inputs" {
		t.Errorf("LookupClause(9.3.2) = %+v, %v", c, ok)
	}
	if _, ok := isms.LookupClause("11"); ok {
		t.Error("clause 11 found")
	}
}

func TestStandardRoles(t *testing.T) {
	roles := isms.StandardRoles()
	want := []string{isms.RoleISMSManager, isms.RoleSecurityOfficer, isms.RoleHRTraining, isms.RoleInternalAudit,
		isms.RoleSeniorManagement, isms.RoleEmployees}
	if len(roles) != len(want) {
		t.Fatalf("%d roles, want %d", len(roles), len(want))
	}
	for i, r := range roles {
		if r.Name != want[i] || !r.Standard || r.Responsibilities == "" {
			t.Errorf("role %d = %+v", i, r)
		}
		if err := r.Validate(); err != nil {
			t.Errorf("role %s: %v", r.Name, err)
		}
	}
}

func TestProgrammePlan(t *testing.T) {
	plan := isms.ProgrammePlan("2025-01-15")
	due := []isms.Date{"2025-02-14", "2025-03-14", "2025-04-14", "2025-05-14", "2025-06-14", "2025-07-14"}
	if len(plan) != 6 {
		t.Fatalf("%d milestones, want 6", len(plan))
	}
	for i, m := range plan {
		if m.Month != i+1 || m.Order != i+1 || m.DueDate != due[i] || m.Status != isms.MilestonePlanned {
			t.Errorf("milestone %d = %+v", i, m)
		}
		if err := m.Validate(); err != nil {
			t.Errorf("milestone %d: %v", i, err)
		}
	}
	if plan[0].Title != "Objective workshop and requirement identification" || plan[5].Title != "Corrective actions and improvement projects" {
		t.Errorf("titles %q ... %q", plan[0].Title, plan[5].Title)
	}
	if p := isms.ProgrammePlan("2025-01-01"); p[0].DueDate != "2025-01-31" || p[1].DueDate != "2025-02-28" {
		t.Errorf("month ends from the 1st: %s, %s", p[0].DueDate, p[1].DueDate)
	}
}
