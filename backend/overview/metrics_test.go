package overview

import (
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

const metricsToday = isms.Date("2026-03-10")

// metricsDB opens an empty store in a temporary folder.
func metricsDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// put stores new records in one transaction, failing the test on an error.
func put(t *testing.T, db *store.DB, recs ...isms.Record) {
	t.Helper()
	if err := db.Update(func(tx *store.Tx) error {
		for _, r := range recs {
			if err := tx.Create(r, "test"); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// measure works a metric out as of metricsToday.
func measure(t *testing.T, db *store.DB, source string) Reading {
	t.Helper()
	var r Reading
	if err := db.View(func(tx *store.Tx) (err error) {
		r, err = Measure(tx, source, metricsToday)
		return err
	}); err != nil {
		t.Fatalf("measure %s: %v", source, err)
	}
	return r
}

func wantReading(t *testing.T, got Reading, value float64, note string) {
	t.Helper()
	if got.Empty || got.Value != value || got.Note != note {
		t.Fatalf("reading %+v, want %v (%q)", got, value, note)
	}
}

func wantEmpty(t *testing.T, got Reading) {
	t.Helper()
	if !got.Empty || got.Value != 0 {
		t.Fatalf("reading %+v, want empty", got)
	}
}

func TestMeasureTrainingCurrent(t *testing.T) {
	db := metricsDB(t)
	wantEmpty(t, measure(t, db, isms.SourceTrainingCurrent))

	dev, ops := &isms.Role{Name: "Developer"}, &isms.Role{Name: "Operations"}
	put(t, db, dev, ops)
	trained := &isms.Person{Name: "Trained Dev", RoleIDs: []string{dev.ID}, Active: true}
	untrained := &isms.Person{Name: "Untrained Dev", RoleIDs: []string{dev.ID}, Active: true}
	excused := &isms.Person{Name: "Excused Dev", RoleIDs: []string{dev.ID, ops.ID}, Active: true}
	noRole := &isms.Person{Name: "No role", Active: true}             // nothing required: counts as current
	leaver := &isms.Person{Name: "Leaver", RoleIDs: []string{dev.ID}} // not active: not counted
	put(t, db, trained, untrained, excused, noRole, leaver)
	secure := &isms.Training{Topic: "Secure coding", Date: "2026-01-10", Status: isms.TrainingHeld, Required: true, RoleIDs: []string{dev.ID}}
	optional := &isms.Training{Topic: "Optional lunch talk", Date: "2026-01-12", Status: isms.TrainingHeld, RoleIDs: []string{dev.ID}}
	cancelled := &isms.Training{Topic: "Cancelled", Date: "2026-01-14", Status: isms.TrainingCancelled, Required: true, RoleIDs: []string{ops.ID}}
	put(t, db, secure, optional, cancelled)
	put(t, db,
		&isms.Attendance{TrainingID: secure.ID, PersonID: trained.ID, Status: isms.AttendanceAttended},
		&isms.Attendance{TrainingID: secure.ID, PersonID: excused.ID, Status: isms.AttendanceExcused}, // excused is not attended
		&isms.Attendance{TrainingID: secure.ID, PersonID: leaver.ID, Status: isms.AttendanceAttended},
	)
	wantReading(t, measure(t, db, isms.SourceTrainingCurrent), 50, "2 of 4 active people have all their required trainings")

	put(t, db, &isms.Attendance{TrainingID: secure.ID, PersonID: untrained.ID, Status: isms.AttendanceAttended})
	wantReading(t, measure(t, db, isms.SourceTrainingCurrent), 75, "3 of 4 active people have all their required trainings")
}

func TestMeasurePoliciesReviewedOnTime(t *testing.T) {
	db := metricsDB(t)
	wantEmpty(t, measure(t, db, isms.SourcePoliciesReviewed))
	pol := func(ref, status string, next isms.Date) *isms.Policy {
		p := &isms.Policy{Ref: ref, Title: ref, DocType: isms.DocPolicy, Status: status, NextReviewDate: next}
		if status != isms.PolicyDraft {
			p.Versions = []isms.PolicyVersion{{Number: "1.0", Status: status}}
		}
		return p
	}
	put(t, db,
		pol("POL-01", isms.PolicyDraft, "2026-06-01"),   // on time
		pol("POL-02", isms.PolicyDraft, metricsToday),   // due today: not yet overdue
		pol("POL-03", isms.PolicyDraft, "2026-03-09"),   // overdue
		pol("POL-04", isms.PolicyDraft, ""),             // no review date: never overdue
		pol("POL-05", isms.PolicyRetired, "2020-01-01"), // retired: not counted
	)
	wantReading(t, measure(t, db, isms.SourcePoliciesReviewed), 75, "3 of 4 policies are not overdue for review")
}

func TestMeasureApplicableControlsImplemented(t *testing.T) {
	db := metricsDB(t)
	wantEmpty(t, measure(t, db, isms.SourceControlsImplemented))
	ctl := func(ref, applicability, status string) *isms.Control {
		return &isms.Control{Ref: ref, Title: ref, Theme: isms.ThemeOrganizational, Applicability: applicability, Status: status, Justification: "why"}
	}
	put(t, db,
		ctl("A.5.1", isms.ApplicabilityApplicable, isms.ImplImplemented),
		ctl("A.5.2", isms.ApplicabilityApplicable, isms.ImplInProgress),
		ctl("A.5.3", isms.ApplicabilityApplicable, isms.ImplNotStarted),
		ctl("A.5.4", isms.ApplicabilityNotApplicable, isms.ImplNotApplicable), // excluded
		ctl("A.5.5", isms.ApplicabilityNotAssessed, isms.ImplImplemented),     // not decided
	)
	wantReading(t, measure(t, db, isms.SourceControlsImplemented), 33.3, "1 of 3 applicable controls are implemented")
}

func TestMeasureNonconformitiesClosedOnTime(t *testing.T) {
	db := metricsDB(t)
	wantEmpty(t, measure(t, db, isms.SourceNCsClosedOnTime))
	reviewer := &isms.Person{Name: "Reviewer", Active: true}
	put(t, db, reviewer)
	closed := func(ref string, due, on isms.Date) *isms.Nonconformity {
		act := &isms.Action{Ref: "ACT-" + ref, Title: "fix " + ref, Status: isms.ActionDone, CompletedOn: on}
		put(t, db, act)
		return &isms.Nonconformity{Ref: ref, Title: ref, Source: isms.NCSourceOther, Status: isms.NCClosed, DetectedOn: "2025-10-01",
			Correction: "fixed", CorrectionOn: "2025-10-02", RootCause: "cause", SimilarCheck: "none", CorrectiveActionIDs: []string{act.ID},
			Effectiveness: isms.Effectiveness{ReviewedOn: on, ReviewerID: reviewer.ID, Verdict: isms.VerdictEffective}, ClosedOn: on, DueDate: due}
	}
	open := func(ref string, due isms.Date) *isms.Nonconformity {
		return &isms.Nonconformity{Ref: ref, Title: ref, Source: isms.NCSourceOther, Status: isms.NCOpen, DueDate: due}
	}
	put(t, db,
		closed("NC-01", "2026-01-31", "2026-01-20"), // early: on time
		closed("NC-02", "2026-01-31", "2026-01-31"), // on the day: on time
		closed("NC-03", "2026-01-31", "2026-02-01"), // a day late
		closed("NC-04", "", "2026-02-01"),           // no due date: not counted
		open("NC-05", "2026-03-09"),                 // open and past due: late
		open("NC-06", metricsToday),                 // due today: not yet counted
		open("NC-07", ""),                           // no due date: not counted
	)
	wantReading(t, measure(t, db, isms.SourceNCsClosedOnTime), 50, "2 of 4 nonconformities closed or past their due date were closed on time")
}

func TestMeasureOverdueActions(t *testing.T) {
	db := metricsDB(t)
	wantReading(t, measure(t, db, isms.SourceOverdueActions), 0, "0 overdue actions")
	act := func(ref, status string, due isms.Date) *isms.Action {
		a := &isms.Action{Ref: ref, Title: ref, Status: status, DueDate: due}
		if status == isms.ActionDone {
			a.CompletedOn = "2026-03-01"
		}
		return a
	}
	put(t, db,
		act("ACT-1", isms.ActionOpen, "2026-03-09"),       // overdue
		act("ACT-2", isms.ActionInProgress, "2026-01-01"), // overdue
		act("ACT-3", isms.ActionOpen, metricsToday),       // due today: not overdue
		act("ACT-4", isms.ActionDone, "2026-01-01"),       // done
		act("ACT-5", isms.ActionCancelled, "2026-01-01"),  // cancelled
		act("ACT-6", isms.ActionOpen, ""),                 // no due date
	)
	wantReading(t, measure(t, db, isms.SourceOverdueActions), 2, "2 overdue actions")
}

func TestMeasureRisksAboveThreshold(t *testing.T) {
	db := metricsDB(t) // the default method accepts scores up to 4
	risk := func(ref string, l, i, rl, ri int, status string) *isms.Risk {
		return &isms.Risk{Ref: ref, Title: ref, Likelihood: l, Impact: i, ResidualLikelihood: rl, ResidualImpact: ri, Status: status, Treatment: isms.TreatAccept}
	}
	put(t, db,
		risk("R-1", 4, 4, 0, 0, isms.RiskAssessed), // inherent 16, no residual: above
		risk("R-2", 4, 4, 2, 2, isms.RiskAssessed), // residual 4: at the threshold, not above
		risk("R-3", 4, 4, 1, 5, isms.RiskAssessed), // residual 5: above
		risk("R-4", 2, 2, 0, 0, isms.RiskAssessed), // inherent 4: not above
		risk("R-5", 5, 5, 5, 5, isms.RiskClosed),   // closed: not counted
	)
	wantReading(t, measure(t, db, isms.SourceRisksAboveThreshold), 2, "2 risks above the acceptance threshold of 4")

	if err := db.Update(func(tx *store.Tx) error {
		m := isms.DefaultRiskMethod()
		m.Threshold = 16
		return tx.SetOrganisation(isms.Organisation{Name: "Acme", RiskMethod: m})
	}); err != nil {
		t.Fatal(err)
	}
	wantReading(t, measure(t, db, isms.SourceRisksAboveThreshold), 0, "0 risks above the acceptance threshold of 16")
}

func TestMeasureRefusesAManualSource(t *testing.T) {
	db := metricsDB(t)
	for _, s := range []string{"", isms.SourceManual, "nope"} {
		err := db.View(func(tx *store.Tx) error { _, err := Measure(tx, s, metricsToday); return err })
		if isms.ErrorCode(err) != isms.CodeInvalid {
			t.Fatalf("measure %q: %v, want invalid", s, err)
		}
	}
}

// TestEveryMetricIsMeasured: each metric of isms.Metrics has its computation.
func TestEveryMetricIsMeasured(t *testing.T) {
	db := metricsDB(t)
	for _, m := range isms.Metrics {
		if err := db.View(func(tx *store.Tx) error { _, err := Measure(tx, m.Source, metricsToday); return err }); err != nil {
			t.Fatalf("%s: %v", m.Source, err)
		}
	}
}
