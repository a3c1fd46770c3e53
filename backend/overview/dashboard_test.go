package overview

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// stateFixture adds, to decisionFixture, the records the state of the ISMS is made of:
// controls, KPIs with measurements, an approved objective, a major finding and milestones.
func stateFixture(t testing.TB, db *store.DB) {
	err := db.Update(func(tx *store.Tx) error {
		add := func(recs ...isms.Record) {
			for _, r := range recs {
				if err := tx.Create(r, "test"); err != nil {
					t.Fatalf("create %s %s: %v", r.Kind(), r.Terms().Ref, err)
				}
			}
		}
		ctl := func(ref, theme, app, status string) *isms.Control {
			return &isms.Control{Ref: ref, Title: "Control " + ref, Theme: theme, Custom: true, Applicability: app, Status: status, Justification: "Decided"}
		}
		add(ctl("C-1", isms.ThemePeople, isms.ApplicabilityApplicable, isms.ImplImplemented),
			ctl("C-2", isms.ThemePeople, isms.ApplicabilityApplicable, isms.ImplPlanned),
			ctl("C-3", isms.ThemePeople, isms.ApplicabilityApplicable, isms.ImplInProgress),
			ctl("C-4", isms.ThemeTechnological, isms.ApplicabilityApplicable, isms.ImplNotStarted),
			ctl("C-5", isms.ThemePhysical, isms.ApplicabilityNotApplicable, isms.ImplNotApplicable))
		red := &isms.KPI{Ref: "KPI-01", Name: "Patch latency", Frequency: "monthly", Unit: "days", Target: 7, Amber: 14, Direction: isms.LowerIsBetter, Active: true}
		green := &isms.KPI{Ref: "KPI-02", Name: "Training completion", Frequency: "monthly", Unit: "%", Target: 90, Amber: 80, Direction: isms.HigherIsBetter, Active: true}
		never := &isms.KPI{Ref: "KPI-03", Name: "Phishing reports", Frequency: "monthly", Target: 10, Amber: 5, Direction: isms.HigherIsBetter, Active: true}
		retired := &isms.KPI{Ref: "KPI-04", Name: "Old measure", Frequency: "monthly", Target: 1, Amber: 0, Direction: isms.HigherIsBetter}
		add(red, green, never, retired)
		for i := range 14 { // more values than a sparkline draws; the last is red
			add(&isms.Measurement{KPIID: red.ID, Date: isms.Date(fmt.Sprintf("2025-%02d-01", i%12+1)).AddDate(i/12, 0, 0), Value: float64(i + 5)})
		}
		add(&isms.Measurement{KPIID: green.ID, Date: "2026-02-01", Value: 95})
		boss := mustPerson(t, tx, "Bea Boss")
		add(&isms.Objective{Ref: "OBJ-10", Title: "Patch within a week", Status: isms.ObjectiveApproved, ApprovedByID: boss, ApprovedOn: "2026-01-15",
			DueDate: "2026-12-31", KPIIDs: []string{red.ID, green.ID}})
		audit, err := tx.ByRef(isms.KindAudit, "IA-01")
		if err != nil {
			return err
		}
		nc, err := tx.ByRef(isms.KindNonconformity, "NC-02")
		if err != nil {
			return err
		}
		add(&isms.Finding{AuditID: audit.Base().ID, Ref: "IA-01-F1", Title: "No badge control", Severity: isms.SeverityMajor, NonconformityID: nc.Base().ID})
		add(&isms.Milestone{Title: "Scope agreed", Month: 1, Order: 1, Status: isms.MilestoneDone, DueDate: "2026-01-31", CompletedOn: "2026-01-30"},
			&isms.Milestone{Title: "Risk assessment", Month: 2, Order: 2, Status: isms.MilestoneInProgress, DueDate: "2026-02-28"},
			&isms.Milestone{Title: "SoA approved", Month: 4, Order: 4, Status: isms.MilestonePlanned, DueDate: "2026-04-30"},
			&isms.Milestone{Title: "Internal audit", Month: 3, Order: 3, Status: isms.MilestonePlanned, DueDate: "2026-03-31"})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func mustPerson(t testing.TB, tx *store.Tx, name string) string {
	var id string
	err := tx.Each(isms.KindPerson, func(r isms.Record) error {
		if r.(*isms.Person).Name == name {
			id = r.Base().ID
		}
		return nil
	})
	if err != nil || id == "" {
		t.Fatalf("no person %s: %v", name, err)
	}
	return id
}

// TestSummaryState: the dashboard's state of the ISMS counts what the records say, as of
// the day.
func TestSummaryState(t *testing.T) {
	db := openStore(t)
	decisionFixture(t, db)
	stateFixture(t, db)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	var d Dashboard
	if err := db.View(func(tx *store.Tx) (err error) { d, err = Summary(tx, now); return err }); err != nil {
		t.Fatal(err)
	}

	if len(d.Decisions) != 7 {
		t.Errorf("%d decisions waiting, want the 7 approvals: %+v", len(d.Decisions), d.Decisions)
	}
	for _, x := range d.Decisions {
		if x.Escalation {
			t.Errorf("the dashboard lists the escalation %s %s: late work is in the list of what is due", x.Sort, x.Ref)
		}
	}

	if len(d.Objectives) != 1 || d.Objectives[0].Ref != "OBJ-10" || d.Objectives[0].KPIs != 2 || d.Objectives[0].Measured != 2 ||
		d.Objectives[0].RAG != isms.RAGRed || d.Objectives[0].Percent <= 0 || d.Objectives[0].Percent >= 100 {
		t.Errorf("objectives %+v, want OBJ-10 alone (OBJ-01 is only proposed) with its two KPIs, red", d.Objectives)
	}

	if d.KPIRAG != (RAGCount{Green: 1, Red: 1, Unmeasured: 1}) {
		t.Errorf("KPIs by colour %+v", d.KPIRAG)
	}
	var refs []string
	for _, k := range d.KPIs {
		refs = append(refs, k.Ref)
	}
	if !slices.Equal(refs, []string{"KPI-01", "KPI-02", "KPI-03"}) {
		t.Errorf("KPIs %v, want red, green, unmeasured and not the inactive one", refs)
	}
	if k := d.KPIs[0]; len(k.Values) != SparkValues || k.Values[SparkValues-1] != 18 || k.Values[0] != 7 || k.LatestOn != "2026-02-01" {
		t.Errorf("KPI-01 sparkline %v, latest on %s: want the last %d values in date order", k.Values, k.LatestOn, SparkValues)
	}

	themes := map[string]ThemeState{}
	for _, th := range d.Themes {
		themes[th.Theme] = th
	}
	if len(d.Themes) != 4 || themes[isms.ThemePeople] != (ThemeState{Theme: isms.ThemePeople, Label: "People", Applicable: 3, Implemented: 1, InProgress: 1, Planned: 1}) ||
		themes[isms.ThemeTechnological].NotStarted != 1 || themes[isms.ThemePhysical].Applicable != 0 {
		t.Errorf("themes %+v", d.Themes)
	}

	ncs := map[string]NCBucket{}
	total := 0
	for _, b := range d.OpenNCs {
		ncs[b.Age+"/"+b.Grade] = b
		total += b.Count
	}
	if len(d.OpenNCs) != 9 || total != 2 || ncs[AgeRecent+"/"+GradeMajor].Count != 1 || ncs[AgeMonths+"/"+GradeUngraded].Count != 1 ||
		len(ncs[AgeRecent+"/"+GradeMajor].IDs) != 1 {
		t.Errorf("open nonconformities %+v: want NC-02 (9 days, major) and NC-01 (59 days, not graded)", d.OpenNCs)
	}

	tl := d.Timeline
	if tl.Total != 4 || tl.Done != 1 || tl.Overdue != 1 || tl.Due != 2 || len(tl.OverdueIDs) != 1 || len(tl.DueIDs) != 2 ||
		tl.Next == nil || tl.Next.Title != "Internal audit" {
		t.Errorf("timeline %+v (next %+v)", tl, tl.Next)
	}

	for _, b := range d.RequirementStatuses {
		t.Errorf("requirement bucket %+v in a database without requirements", b)
	}
}

// TestRequirementBucketsFromTheIndex: the compliance counts taken from the status index
// equal those of the records.
func TestRequirementBucketsFromTheIndex(t *testing.T) {
	db := openStore(t)
	want := map[string]int{isms.ComplianceCompliant: 3, isms.ComplianceNonCompliant: 2, isms.CompliancePartial: 1, isms.ComplianceNotAssessed: 4}
	err := db.Update(func(tx *store.Tx) error {
		i := 0
		for status, n := range want {
			for range n {
				i++
				if err := tx.Create(&isms.Requirement{Ref: fmt.Sprintf("REQ-%d", i), Title: "Requirement", SourceType: "legal", Applicable: true, Status: status}, "test"); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var d Dashboard
	if err := db.View(func(tx *store.Tx) (err error) { d, err = Summary(tx, time.Now()); return err }); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, b := range d.RequirementStatuses {
		got[b.Status] = b.Count
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("requirements by status %v, want %v", got, want)
	}
}

// BenchmarkSummary20000Requirements times the dashboard of a database holding 20,000
// requirements beside the fixtures' records; it must stay well under a second. The
// dashboard's own figures count requirements from the status index without reading them;
// nearly all of the time is the list of what is due (Due) reading every requirement.
func BenchmarkSummary20000Requirements(b *testing.B) {
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	decisionFixture(b, db)
	stateFixture(b, db)
	benchReqs(b, db)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		err := db.View(func(tx *store.Tx) error {
			d, err := Summary(tx, now)
			if err == nil && len(d.RequirementStatuses) != 4 {
				b.Fatalf("requirement buckets %+v", d.RequirementStatuses)
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// benchStatuses are the compliance statuses the benchmark's requirements take in turn.
var benchStatuses = []string{isms.ComplianceCompliant, isms.CompliancePartial, isms.ComplianceNonCompliant, isms.ComplianceNotAssessed}

// benchReqs stores 20,000 requirements, a thousand to a transaction.
func benchReqs(b *testing.B, db *store.DB) {
	statuses := benchStatuses
	for chunk := range 20 {
		err := db.Update(func(tx *store.Tx) error {
			for i := range 1000 {
				n := chunk*1000 + i
				r := &isms.Requirement{Ref: fmt.Sprintf("REQ-%05d", n), Title: fmt.Sprintf("Requirement %d of the register", n),
					Text: "The organisation shall keep records of what it does.", SourceType: "legal", Applicable: true, Status: statuses[n%len(statuses)],
					DueDate: isms.Date("2026-06-30")}
				if err := tx.Create(r, "bench"); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
