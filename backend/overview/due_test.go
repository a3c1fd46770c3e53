package overview

import (
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// dueNow is the day the due tests look from: Tuesday 10 March 2026.
var dueNow = time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)

// dueFixture stores records of every kind in open and finished states; refs name them
// by what the test expects (OPEN, DONE, ...).
func dueFixture(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(t.TempDir(), store.Options{Clock: func() time.Time { return dueNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Update(func(tx *store.Tx) error {
		create := func(recs ...isms.Record) {
			for _, r := range recs {
				if err == nil {
					if err = tx.Create(r, "test"); err != nil {
						t.Errorf("create %s %q: %v", r.Kind(), r.Terms().Ref+r.Terms().Title, err)
					}
				}
			}
		}
		staff := &isms.Role{Name: "Staff"}
		create(staff)
		ana := &isms.Person{Name: "Ana Ortega", Active: true, RoleIDs: []string{staff.ID}}
		ben := &isms.Person{Name: "Ben Brandt", Active: true, RoleIDs: []string{staff.ID}}
		cid := &isms.Person{Name: "Cid Left", Active: false, RoleIDs: []string{staff.ID}}
		boss := &isms.Person{Name: "Bea Boss", Active: true}
		create(ana, ben, cid, boss)

		// nonconformities and their corrective actions
		ncOpen := &isms.Nonconformity{Ref: "NC-OPEN", Title: "Backups untested", Source: isms.NCSourceAudit, Status: isms.NCOpen,
			OwnerID: ana.ID, DetectedOn: "2026-02-01", DueDate: "2026-03-05"}
		actDone := &isms.Action{Ref: "ACT-DONE", Title: "Test restore", Status: isms.ActionDone, OwnerID: ana.ID, DueDate: "2026-03-01", CompletedOn: "2026-03-01"}
		create(ncOpen, actDone)
		ncEff := &isms.Nonconformity{Ref: "NC-EFF", Title: "Access not reviewed", Source: isms.NCSourceAudit, Status: isms.NCEffectivenessReview,
			OwnerID: ben.ID, DetectedOn: "2026-01-10", DueDate: "2026-03-15", Correction: "Reviewed", CorrectionOn: "2026-01-11",
			RootCause: "No owner", SimilarCheck: "None", CorrectiveActionIDs: []string{actDone.ID}}
		ncClosed := &isms.Nonconformity{Ref: "NC-CLOSED", Title: "Closed one", Source: isms.NCSourceOther, Status: isms.NCClosed,
			OwnerID: ben.ID, DetectedOn: "2026-01-10", DueDate: "2026-02-15", Correction: "Done", CorrectionOn: "2026-01-11",
			RootCause: "x", SimilarCheck: "y", CorrectiveActionIDs: []string{actDone.ID}, ClosedOn: "2026-02-10",
			Effectiveness: isms.Effectiveness{ReviewedOn: "2026-02-09", Verdict: isms.VerdictEffective, ReviewerID: boss.ID}}
		create(ncEff, ncClosed)
		review := &isms.Review{Ref: "MR-PLAN", Title: "Spring review", Date: "2026-03-20", Status: isms.ReviewPlanned, ChairID: boss.ID}
		held := &isms.Review{Ref: "MR-HELD", Title: "Winter review", Date: "2026-03-01", Status: isms.ReviewHeld, ChairID: boss.ID, AttendeeIDs: []string{boss.ID}}
		closed := closedReview("MR-CLOSED", "2025-11-01", "2026-03-01", boss.ID)
		create(review, held, closed)
		create(
			&isms.Action{Ref: "ACT-CORR", Title: "Schedule restore tests", Status: isms.ActionInProgress, OwnerID: ana.ID, DueDate: "2026-03-01", NonconformityID: ncOpen.ID},
			&isms.Action{Ref: "ACT-CANC", Title: "Cancelled", Status: isms.ActionCancelled, OwnerID: ana.ID, DueDate: "2026-03-02", NonconformityID: ncOpen.ID},
			&isms.Action{Ref: "ACT-REV", Title: "Budget for training", Status: isms.ActionOpen, OwnerID: boss.ID, DueDate: "2026-03-17", ReviewID: held.ID},
			&isms.Action{Ref: "ACT-LATER", Title: "Far away", Status: isms.ActionOpen, OwnerID: boss.ID, DueDate: "2026-05-30"},
			&isms.Action{Ref: "ACT-NODATE", Title: "No due date", Status: isms.ActionOpen},
		)

		// policies
		approved := []isms.Approval{{ApproverID: boss.ID, Decision: isms.DecisionApproved, At: "2025-01-10"}}
		create(
			&isms.Policy{Ref: "POL-PUB", Title: "Access control", DocType: isms.DocPolicy, Status: isms.PolicyPublished, OwnerID: ana.ID, NextReviewDate: "2026-03-01",
				Versions: []isms.PolicyVersion{{Number: "1.0", Status: isms.PolicyPublished, PublishedOn: "2025-01-11", Approvals: approved}}},
			&isms.Policy{Ref: "POL-RET", Title: "Old policy", DocType: isms.DocProcedure, Status: isms.PolicyRetired, OwnerID: ana.ID, NextReviewDate: "2026-03-01",
				Versions: []isms.PolicyVersion{{Number: "1.0", Status: isms.PolicyRetired, Approvals: approved}}},
		)

		// KPIs: measured monthly and last measured in January; inactive; yearly, measured this month
		monthly := &isms.KPI{Ref: "KPI-03", Name: "Phishing click rate", Frequency: isms.FrequencyMonthly, Direction: isms.LowerIsBetter, Target: 5, Amber: 10, OwnerID: ben.ID, Active: true}
		inactive := &isms.KPI{Ref: "KPI-OFF", Name: "Retired measure", Frequency: isms.FrequencyWeekly, Direction: isms.HigherIsBetter, OwnerID: ben.ID}
		yearly := &isms.KPI{Ref: "KPI-YEAR", Name: "Yearly measure", Frequency: isms.FrequencyYearly, Direction: isms.HigherIsBetter, OwnerID: ben.ID, Active: true}
		m, _ := isms.MetricOf(isms.SourceOverdueActions)
		automated := &isms.KPI{Ref: "KPI-AUTO", Name: m.Label, Source: m.Source, Frequency: isms.FrequencyMonthly, Direction: m.Direction,
			Unit: m.Unit, Target: m.Target, Amber: m.Amber, OwnerID: ben.ID, Active: true}
		create(monthly, inactive, yearly, automated)
		create(
			&isms.Measurement{KPIID: monthly.ID, Date: "2025-12-15", Value: 8},
			&isms.Measurement{KPIID: monthly.ID, Date: "2026-01-15", Value: 7},
			&isms.Measurement{KPIID: yearly.ID, Date: "2026-03-01", Value: 7},
			&isms.Measurement{KPIID: automated.ID, Date: "2026-01-20", Value: 2}, // its next value was due in February
		)

		// trainings: held with Ben absent, held with everyone, planned, cancelled
		trHeld := &isms.Training{Ref: "TR-HELD", Topic: "Security awareness", Date: "2026-02-01", Status: isms.TrainingHeld, Required: true, RoleIDs: []string{staff.ID}, OwnerID: boss.ID}
		trAll := &isms.Training{Ref: "TR-ALL", Topic: "Clean desk", Date: "2026-03-02", Status: isms.TrainingHeld, Required: true, RoleIDs: []string{staff.ID}, OwnerID: boss.ID}
		trPlan := &isms.Training{Ref: "TR-PLAN", Topic: "Phishing", Date: "2026-03-25", Status: isms.TrainingPlanned, Required: true, RoleIDs: []string{staff.ID}, OwnerID: boss.ID}
		trCanc := &isms.Training{Ref: "TR-CANC", Topic: "Cancelled session", Date: "2026-03-03", Status: isms.TrainingCancelled, Required: true, RoleIDs: []string{staff.ID}, OwnerID: boss.ID}
		create(trHeld, trAll, trPlan, trCanc)
		create(
			&isms.Attendance{TrainingID: trHeld.ID, PersonID: ana.ID, Status: isms.AttendanceAttended},
			&isms.Attendance{TrainingID: trHeld.ID, PersonID: ben.ID, Status: isms.AttendanceAbsent},
			&isms.Attendance{TrainingID: trAll.ID, PersonID: ana.ID, Status: isms.AttendanceAttended},
			&isms.Attendance{TrainingID: trAll.ID, PersonID: ben.ID, Status: isms.AttendanceAttended},
		)

		// audits
		create(
			&isms.Audit{Ref: "IA-PLAN", Title: "Access audit", Status: isms.AuditPlanned, StartDate: "2026-03-12", AuditorName: "External Audit Ltd"},
			&isms.Audit{Ref: "IA-PROG", Title: "HR audit", Status: isms.AuditInProgress, StartDate: "2026-02-01", EndDate: "2026-03-08", AuditorID: boss.ID},
			&isms.Audit{Ref: "IA-DONE", Title: "Done audit", Status: isms.AuditCompleted, Scope: "All", StartDate: "2026-02-01", EndDate: "2026-02-02", AuditorID: boss.ID},
			&isms.Audit{Ref: "IA-CANC", Title: "Cancelled audit", Status: isms.AuditCancelled, StartDate: "2026-03-01", AuditorID: boss.ID},
		)

		// risks, milestones, objectives
		risk := &isms.Risk{Ref: "R-OPEN", Title: "Ransomware", Likelihood: 3, Impact: 4, Status: isms.RiskAccepted, Treatment: isms.TreatAccept,
			OwnerID: ana.ID, ReviewDate: "2026-03-01", Acceptance: isms.RiskAcceptance{AcceptedByID: ana.ID, AcceptedOn: "2025-03-01"}}
		create(risk,
			&isms.Risk{Ref: "R-CLOSED", Title: "Gone", Likelihood: 1, Impact: 1, Status: isms.RiskClosed, Treatment: isms.TreatAvoid, OwnerID: ana.ID, ReviewDate: "2026-03-01"},
			&isms.Milestone{Title: "Open milestone", Month: 2, Status: isms.MilestoneInProgress, DueDate: "2026-02-28", OwnerID: ana.ID},
			&isms.Milestone{Title: "Done milestone", Month: 1, Status: isms.MilestoneDone, DueDate: "2026-02-28", CompletedOn: "2026-03-05"},
		)
		obj := func(ref, status string) *isms.Objective {
			return &isms.Objective{Ref: ref, Title: ref + " objective", Status: status, OwnerID: ana.ID, DueDate: "2026-03-30", ApprovedByID: boss.ID, ApprovedOn: "2026-01-01"}
		}
		create(obj("OBJ-OPEN", isms.ObjectiveInProgress), obj("OBJ-ACH", isms.ObjectiveAchieved), obj("OBJ-MISS", isms.ObjectiveMissed), obj("OBJ-CANC", isms.ObjectiveCancelled))

		// evidence and control plans
		create(
			&isms.Evidence{Title: "Pen test report", TargetKind: isms.KindRisk, TargetID: risk.ID, URL: "https://example.com/pt", AddedByID: ben.ID, AddedOn: "2025-03-01", ExpiresOn: "2026-03-20"},
			&isms.Evidence{Title: "Forever", TargetKind: isms.KindRisk, TargetID: risk.ID, URL: "https://example.com/f", AddedOn: "2025-03-01"},
			&isms.Control{Ref: "C-OPEN", Title: "Key rotation", Custom: true, Applicability: isms.ApplicabilityApplicable, Justification: "risk",
				Status: isms.ImplInProgress, OwnerID: ana.ID, DueDate: "2026-03-25", Tasks: []isms.ControlTask{
					{Title: "Buy HSM", OwnerID: ben.ID, DueDate: "2026-03-05"},
					{Title: "Write runbook", DueDate: "2026-03-06", Done: true},
				}},
			&isms.Control{Ref: "C-IMPL", Title: "Implemented", Custom: true, Applicability: isms.ApplicabilityApplicable, Justification: "risk",
				Status: isms.ImplImplemented, OwnerID: ana.ID, DueDate: "2026-03-01"},
			&isms.Control{Ref: "C-NA", Title: "Excluded", Custom: true, Applicability: isms.ApplicabilityNotApplicable, Justification: "no",
				Status: isms.ImplNotApplicable, DueDate: "2026-03-01", Tasks: []isms.ControlTask{{Title: "Never", DueDate: "2026-03-01"}}},
		)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// closedReview is a management review closed and signed off on its date by its chair.
func closedReview(ref string, on, next isms.Date, chairID string) *isms.Review {
	return &isms.Review{Ref: ref, Title: ref + " review", Date: on, Status: isms.ReviewClosed, ChairID: chairID, AttendeeIDs: []string{chairID},
		Conclusion: isms.ReviewConclusion{Suitability: "Suitable", Adequacy: "Adequate", Effectiveness: "Effective"},
		SignOff:    isms.ReviewSignOff{ByID: chairID, On: on, How: isms.ApprovedInApp}, NextReviewDate: next}
}

// TestDueNextManagementReview: the next review date of the latest closed review is due
// until a later review is planned; then the planned review is.
func TestDueNextManagementReview(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{Clock: func() time.Time { return dueNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	chair := &isms.Person{Name: "Bea Boss", Active: true}
	if err := db.Update(func(tx *store.Tx) error {
		if err := tx.Create(chair, "test"); err != nil {
			return err
		}
		return tx.Create(closedReview("MR-1", "2025-09-01", "2026-03-01", chair.ID), "test")
	}); err != nil {
		t.Fatal(err)
	}
	items := dueItems(t, db, 30)
	if len(items) != 1 || items[0].What != "Next management review (after MR-1 MR-1 review) to plan and hold" || !items[0].Overdue || items[0].Who != "Bea Boss" {
		t.Fatalf("after a closed review: %+v", items)
	}
	if err := db.Update(func(tx *store.Tx) error {
		return tx.Create(&isms.Review{Ref: "MR-2", Title: "Spring", Date: "2026-03-24", Status: isms.ReviewPlanned, ChairID: chair.ID}, "test")
	}); err != nil {
		t.Fatal(err)
	}
	items = dueItems(t, db, 30)
	if len(items) != 1 || items[0].What != "Management review MR-2 Spring to hold" || items[0].Overdue {
		t.Fatalf("once the next review is planned: %+v", items)
	}
}

func dueItems(t *testing.T, db *store.DB, days int) []DueItem {
	t.Helper()
	var out []DueItem
	if err := db.View(func(tx *store.Tx) (err error) { out, err = Due(tx, dueNow, days); return err }); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDueEveryKindByItsOwnRule: each kind's open work is listed with what, who, when and
// a link; its finished states never are.
func TestDueEveryKindByItsOwnRule(t *testing.T) {
	db := dueFixture(t)
	items := dueItems(t, db, 30)
	byWhat := map[string]DueItem{}
	for _, it := range items {
		if _, twice := byWhat[it.What]; twice {
			t.Errorf("listed twice: %q", it.What)
		}
		byWhat[it.What] = it
		if it.Link != "/records/"+it.Kind.Plural()+"/"+it.ID || it.TypeLabel == "" || it.Key == "" {
			t.Errorf("%q: link %q, type label %q, key %q", it.What, it.Link, it.TypeLabel, it.Key)
		}
		if it.PersonID != "" && (it.Who == "" || it.Who == it.PersonID) {
			t.Errorf("%q: who is %q, want the person's name", it.What, it.Who)
		}
	}
	want := []struct {
		what    string
		typ     string
		due     isms.Date
		overdue bool
		who     string
	}{
		{"Corrective action ACT-CORR Schedule restore tests for NC-OPEN", DueCorrectiveAction, "2026-03-01", true, "Ana Ortega"},
		{"Review action ACT-REV Budget for training from MR-HELD", DueReviewAction, "2026-03-17", false, "Bea Boss"},
		{"Correction and containment of NC-OPEN Backups untested", DueNonconformity, "2026-03-05", true, "Ana Ortega"},
		{"Effectiveness review of NC-EFF Access not reviewed", DueNonconformity, "2026-03-15", false, "Ben Brandt"},
		{"Policy review of POL-PUB Access control", DuePolicyReview, "2026-03-01", true, "Ana Ortega"},
		{"Measurement of KPI-03 Phishing click rate (monthly)", DueMeasurement, "2026-02-15", true, "Ben Brandt"},
		{"Required training TR-HELD Security awareness for Ben Brandt (missed on 2026-02-01)", DueTrainingMissing, "2026-02-01", true, "Ben Brandt"},
		{"Training session TR-PLAN Phishing to hold (required for 2 people)", DueTraining, "2026-03-25", false, "Bea Boss"},
		{"Internal audit IA-PLAN Access audit to start", DueAudit, "2026-03-12", false, "External Audit Ltd"},
		{"Internal audit IA-PROG HR audit to complete", DueAudit, "2026-03-08", true, "Bea Boss"},
		{"Management review MR-PLAN Spring review to hold", DueReview, "2026-03-20", false, "Bea Boss"},
		{"Risk review of R-OPEN Ransomware", DueRiskReview, "2026-03-01", true, "Ana Ortega"},
		{"Milestone Open milestone (month 2)", DueMilestone, "2026-02-28", true, "Ana Ortega"},
		{"Objective OBJ-OPEN OBJ-OPEN objective to achieve", DueObjective, "2026-03-30", false, "Ana Ortega"},
		{"Evidence Pen test report expires (for R-OPEN)", DueEvidence, "2026-03-20", false, "Ben Brandt"},
		{"Plan task of C-OPEN Key rotation: Buy HSM", DueControlTask, "2026-03-05", true, "Ben Brandt"},
		{"Implementation of control C-OPEN Key rotation", DueControl, "2026-03-25", false, "Ana Ortega"},
	}
	for _, w := range want {
		it, ok := byWhat[w.what]
		if !ok {
			t.Errorf("missing %q", w.what)
			continue
		}
		if it.Type != w.typ || it.Due != w.due || it.Overdue != w.overdue || it.Who != w.who {
			t.Errorf("%q: type %s due %s overdue %v who %q, want %s %s %v %q", w.what, it.Type, it.Due, it.Overdue, it.Who, w.typ, w.due, w.overdue, w.who)
		}
	}
	if len(items) != len(want) {
		for _, it := range items {
			t.Logf("listed: %s", it.What)
		}
		t.Errorf("%d items, want %d", len(items), len(want))
	}
	// finished work never appears, nor does anything of an inactive person or KPI
	for _, absent := range []string{"ACT-DONE", "ACT-CANC", "ACT-LATER", "ACT-NODATE", "NC-CLOSED", "POL-RET", "KPI-OFF", "KPI-YEAR", "KPI-AUTO",
		"TR-ALL", "TR-CANC", "Ana Ortega (missed", "Cid Left", "IA-DONE", "IA-CANC", "MR-HELD Winter", "MR-CLOSED", "R-CLOSED",
		"Done milestone", "OBJ-ACH", "OBJ-MISS", "OBJ-CANC", "Forever", "Write runbook", "C-IMPL", "C-NA", "Never"} {
		for _, it := range items {
			if strings.Contains(it.What, absent) {
				t.Errorf("%s is listed: %q", absent, it.What)
			}
		}
	}
	for i := 1; i < len(items); i++ {
		if items[i].Due < items[i-1].Due {
			t.Errorf("not by date: %s before %s", items[i-1].Due, items[i].Due)
		}
	}
	if it := byWhat["Measurement of KPI-03 Phishing click rate (monthly)"]; it.Days != -23 {
		t.Errorf("KPI-03 days %d, want -23", it.Days)
	}
}

// TestDueHorizonAndCount: the window widens the list; the dashboard splits the same list.
func TestDueHorizonAndCount(t *testing.T) {
	db := dueFixture(t)
	week, month, quarter := dueItems(t, db, 7), dueItems(t, db, 30), dueItems(t, db, 90)
	if !(len(week) < len(month) && len(month) < len(quarter)) {
		t.Fatalf("7, 30 and 90 days give %d, %d and %d items", len(week), len(month), len(quarter))
	}
	for _, it := range week {
		if !it.Overdue && it.Days > 7 {
			t.Errorf("%q is %d days away in the 7-day list", it.What, it.Days)
		}
	}
	found := false
	for _, it := range quarter {
		found = found || strings.Contains(it.What, "ACT-LATER")
	}
	if !found {
		t.Error("ACT-LATER (due in 81 days) is not in the 90-day list")
	}
	var n int
	var d Dashboard
	if err := db.View(func(tx *store.Tx) (err error) {
		if n, err = DueCount(tx, dueNow, 7); err != nil {
			return err
		}
		d, err = Summary(tx, dueNow)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if n != len(week) {
		t.Errorf("count %d, want %d", n, len(week))
	}
	if len(d.Overdue)+len(d.Upcoming) != len(month) {
		t.Errorf("dashboard %d overdue + %d upcoming, want the %d of the list", len(d.Overdue), len(d.Upcoming), len(month))
	}
	for _, it := range d.Overdue {
		if !it.Overdue {
			t.Errorf("upcoming %q among the overdue", it.What)
		}
	}
	for _, it := range d.Upcoming {
		if it.Overdue {
			t.Errorf("overdue %q among the upcoming", it.What)
		}
	}
}
