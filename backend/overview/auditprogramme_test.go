package overview

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// programmeStore opens a store in a temporary folder.
func programmeStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// programmeOf computes the programme on the day.
func programmeOf(t *testing.T, db *store.DB, today isms.Date) AuditProgramme {
	t.Helper()
	var p AuditProgramme
	if err := db.View(func(tx *store.Tx) error {
		var err error
		p, err = Programme(tx, today)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return p
}

// cellRefs reads an area's audits per year as "2025:IA-1 2026: 2027:".
func cellRefs(a ProgrammeArea) string {
	var parts []string
	for _, c := range a.Cells {
		var refs []string
		for _, x := range c.Audits {
			refs = append(refs, x.Ref)
		}
		parts = append(parts, strconv.Itoa(c.Year)+":"+strings.Join(refs, ","))
	}
	return strings.Join(parts, " ")
}

func TestAuditProgrammeCoverageAndGaps(t *testing.T) {
	db := programmeStore(t)
	// without audits: the current year and the next two, everything a gap
	empty := programmeOf(t, db, "2026-03-15")
	if empty.From != 2026 || empty.To != 2028 || len(empty.Areas) != 11 || empty.Gaps != 11 || len(empty.Audits) != 0 {
		t.Fatalf("empty programme %d-%d, %d areas, %d gaps, %d audits; want 2026-2028, 11 areas all gaps", empty.From, empty.To, len(empty.Areas), empty.Gaps, len(empty.Audits))
	}

	err := db.Update(func(tx *store.Tx) error {
		for _, c := range isms.AnnexA() {
			if c.Theme != isms.ThemePhysical {
				continue
			}
			ctl := &isms.Control{Ref: c.Ref, Title: c.Title, Theme: c.Theme, Applicability: isms.ApplicabilityNotApplicable,
				Justification: "No premises of our own", Status: isms.ImplNotApplicable}
			if err := tx.Create(ctl, "test"); err != nil {
				return err
			}
		}
		audits := []*isms.Audit{
			{Ref: "IA-0", Title: "Operations, long ago", Scope: "clause 8", AuditorName: "Ext", Status: isms.AuditPlanned, StartDate: "2022-05-01"},
			{Ref: "IA-1", Title: "Competence and access", Scope: "Whole ISMS: clauses 4 to 10", AuditorName: "Ext", Status: isms.AuditCompleted,
				StartDate: "2025-03-01", EndDate: "2025-03-02", ReportDate: "2025-03-05", Conclusion: "Effective.",
				Checklist: []isms.ChecklistItem{ // the checklist, not the scope, says what was covered
					{Ref: "7.2", Question: "Competence?", Result: isms.ResultConforming},
					{Ref: "A.5.15", Question: "Access?", Result: isms.ResultMinorNC},
					{Question: "Is the supplier list current?", Result: isms.ResultConforming},
				}},
			{Ref: "IA-2", Title: "Context, leadership and planning", Scope: "clauses 4 to 6", AuditorName: "Ext", Status: isms.AuditPlanned, StartDate: "2026-06-01"},
			{Ref: "IA-3", Title: "Technology", Scope: "technological controls", AuditorName: "Ext", Status: isms.AuditPlanned},
			{Ref: "IA-4", Title: "Improvement", Scope: "clause 10", AuditorName: "Ext", Status: isms.AuditCancelled, StartDate: "2027-02-01"},
			{Ref: "IA-5", Title: "Physical security", Scope: "A.7.4", AuditorName: "Ext", Status: isms.AuditPlanned, StartDate: "2027-09-01"},
		}
		for _, a := range audits {
			if err := tx.Create(a, "test"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// the first audit was in 2022: cycles 2022-2024, 2025-2027
	p := programmeOf(t, db, "2026-03-15")
	if p.From != 2025 || p.To != 2027 || len(p.Years) != 3 || p.Years[0] != 2025 {
		t.Fatalf("cycle %d-%d %v, want 2025-2027", p.From, p.To, p.Years)
	}
	var placed []string
	for _, a := range p.Audits {
		placed = append(placed, a.Ref+"@"+strconv.Itoa(a.Year))
	}
	if got, want := strings.Join(placed, " "), "IA-1@2025 IA-2@2026 IA-5@2027 IA-3@0"; got != want {
		t.Errorf("audits %q, want %q (not the one of 2022, not the cancelled one; the undated last)", got, want)
	}
	want := map[string]struct {
		cells          string
		covered, total int
		gap, na        bool
		undated        int
	}{
		"4":   {cells: "2025: 2026:IA-2 2027:", covered: 4, total: 4},
		"5":   {cells: "2025: 2026:IA-2 2027:", covered: 3, total: 3},
		"6":   {cells: "2025: 2026:IA-2 2027:", covered: 5, total: 5},
		"7":   {cells: "2025:IA-1 2026: 2027:", covered: 1, total: 7},
		"8":   {cells: "2025: 2026: 2027:", total: 3, gap: true},
		"9":   {cells: "2025: 2026: 2027:", total: 6, gap: true},
		"10":  {cells: "2025: 2026: 2027:", total: 2, gap: true},
		"A.5": {cells: "2025:IA-1 2026: 2027:", covered: 1, total: 37},
		"A.6": {cells: "2025: 2026: 2027:", total: 8, gap: true},
		"A.7": {cells: "2025: 2026: 2027:IA-5", total: 0, na: true},
		"A.8": {cells: "2025: 2026: 2027:", total: 34, gap: true, undated: 1},
	}
	if len(p.Areas) != len(want) {
		t.Fatalf("%d areas, want %d", len(p.Areas), len(want))
	}
	for _, a := range p.Areas {
		w, ok := want[a.Ref]
		if !ok {
			t.Errorf("unexpected area %s", a.Ref)
			continue
		}
		if got := cellRefs(a); got != w.cells || a.Covered != w.covered || a.Total != w.total || a.Gap != w.gap || a.NotApplicable != w.na || len(a.Undated) != w.undated {
			t.Errorf("area %s %s: %q covered %d of %d, gap %v, not applicable %v, %d undated; want %q %d of %d, gap %v, n/a %v, %d undated",
				a.Ref, a.Title, got, a.Covered, a.Total, a.Gap, a.NotApplicable, len(a.Undated), w.cells, w.covered, w.total, w.gap, w.na, w.undated)
		}
	}
	if p.Gaps != 5 {
		t.Errorf("%d gaps, want 5 (8, 9, 10, A.6, A.8)", p.Gaps)
	}
	if p.Areas[0].Title != "Context of the organization" || p.Areas[10].Title != "Technological controls" || p.Areas[7].Kind != "theme" {
		t.Errorf("areas %+v / %+v", p.Areas[0], p.Areas[10])
	}

	// in 2028 the next cycle starts: nothing of it is audited yet
	next := programmeOf(t, db, "2028-01-10")
	if next.From != 2028 || next.Gaps != 10 || len(next.Audits) != 1 || next.Audits[0].Ref != "IA-3" {
		t.Errorf("next cycle %d with %d gaps and audits %+v; want 2028 with 10 gaps (A.7 not applicable) and only the undated IA-3", next.From, next.Gaps, next.Audits)
	}
}
