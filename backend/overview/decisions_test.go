package overview

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// openStore opens a new database in a temporary folder.
func openStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// mustCreate stores records in order, failing the test on the first refusal.
func mustCreate(t testing.TB, tx *store.Tx, recs ...isms.Record) {
	t.Helper()
	for _, r := range recs {
		if err := tx.Create(r, "test"); err != nil {
			t.Fatalf("create %s %s: %v", r.Kind(), r.Terms().Ref, err)
		}
	}
}

// decisionFixture stores one record waiting for each sort of decision beside records of
// the same kinds that wait for none, in a real store.
func decisionFixture(t testing.TB, db *store.DB) {
	t.Helper()
	err := db.Update(func(tx *store.Tx) error {
		senior := &isms.Role{Name: isms.RoleSeniorManagement}
		mustCreate(t, tx, senior)
		bea := &isms.Person{Name: "Bea Boss", Active: true, RoleIDs: []string{senior.ID}}
		cal := &isms.Person{Name: "Cal Chief", Active: true, RoleIDs: []string{senior.ID}}
		old := &isms.Person{Name: "Old Olga", Active: false, RoleIDs: []string{senior.ID}}
		ann := &isms.Person{Name: "Ann Author", Active: true}
		ola := &isms.Person{Name: "Ola Owner", Active: true}
		mustCreate(t, tx, bea, cal, old, ann, ola)

		inReview := &isms.Policy{Ref: "POL-01", Title: "Access control", DocType: isms.DocPolicy, Status: isms.PolicyInReview,
			OwnerID: ola.ID, ApproverID: bea.ID, Versions: []isms.PolicyVersion{
				{Number: "1.1", Status: isms.PolicyInReview, Text: "Access is granted on need.", AuthorID: ann.ID, CreatedOn: "2026-02-01"}}}
		draft := &isms.Policy{Ref: "POL-02", Title: "Backup", DocType: isms.DocPolicy, Status: isms.PolicyDraft, OwnerID: ola.ID,
			Versions: []isms.PolicyVersion{{Number: "0.1", Status: isms.PolicyDraft, AuthorID: ann.ID}}}
		mustCreate(t, tx, inReview, draft)

		act := &isms.Action{Ref: "CA-01", Title: "Fix access reviews", OwnerID: ola.ID, Status: isms.ActionDone, DueDate: "2026-02-01", CompletedOn: "2026-02-01"}
		mustCreate(t, tx, act)
		within := &isms.Risk{ActionIDs: []string{act.ID}, Ref: "R-01", Title: "Laptop theft", Likelihood: 3, Impact: 4, OwnerID: ola.ID, Status: isms.RiskTreated,
			Treatment: isms.TreatMitigate, ResidualLikelihood: 1, ResidualImpact: 2, IdentifiedOn: "2026-01-05"}
		above := &isms.Risk{Ref: "R-02", Title: "Ransomware", Likelihood: 5, Impact: 5, OwnerID: ola.ID, Status: isms.RiskAssessed,
			Treatment: isms.TreatAccept, IdentifiedOn: "2026-01-01"}
		mitigating := &isms.Risk{ActionIDs: []string{act.ID}, Ref: "R-03", Title: "Phishing", Likelihood: 3, Impact: 3, OwnerID: ola.ID, Status: isms.RiskAssessed,
			Treatment: isms.TreatMitigate, IdentifiedOn: "2025-12-01"}
		mustCreate(t, tx, within, above, mitigating)

		proposed := &isms.Objective{Ref: "OBJ-01", Title: "Train everyone", OwnerID: ola.ID, Status: isms.ObjectiveProposed, DueDate: "2026-09-30"}
		cancelled := &isms.Objective{Ref: "OBJ-02", Title: "Old goal", OwnerID: ola.ID, Status: isms.ObjectiveCancelled}
		mustCreate(t, tx, proposed, cancelled)

		held := &isms.Review{Ref: "MR-01", Title: "Spring review", Date: "2026-03-01", Status: isms.ReviewHeld, ChairID: cal.ID, AttendeeIDs: []string{cal.ID, ola.ID}, Minutes: "Reviewed the ISMS."}
		planned := &isms.Review{Ref: "MR-02", Title: "Autumn review", Date: "2026-10-01", Status: isms.ReviewPlanned, ChairID: cal.ID}
		mustCreate(t, tx, held, planned)

		reported := &isms.Audit{Ref: "IA-01", Title: "Access audit", Status: isms.AuditCompleted, StartDate: "2026-02-10", EndDate: "2026-02-12",
			ReportDate: "2026-02-20", AuditorName: "Ext Auditor", Conclusion: "Conforms mostly.", Scope: "Access", Criteria: "ISO/IEC 27001"}
		plannedAudit := &isms.Audit{Ref: "IA-02", Title: "HR audit", Status: isms.AuditPlanned, StartDate: "2026-06-10", AuditorID: ann.ID}
		mustCreate(t, tx, reported, plannedAudit)

		review := &isms.Nonconformity{Ref: "NC-01", Title: "Access not reviewed", DetectedOn: "2026-01-10", OwnerID: ola.ID,
			Status: isms.NCEffectivenessReview, Correction: "Reviewed now", CorrectionOn: "2026-01-12", RootCause: "No reminder",
			SimilarCheck: "None found", CorrectiveActionIDs: []string{act.ID}, DueDate: "2026-03-01", Source: isms.NCSourceOther}
		open := &isms.Nonconformity{Ref: "NC-02", Title: "Badge lost", DetectedOn: "2026-03-01", OwnerID: ola.ID, Status: isms.NCOpen, Source: isms.NCSourceOther}
		mustCreate(t, tx, review, open)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestApprovals: each record waiting for a decision is listed once, in the sorts' order,
// saying what is waiting and for whom, linking to the record; records that wait for no
// decision are not listed.
func TestApprovals(t *testing.T) {
	db := openStore(t)
	decisionFixture(t, db)
	var got []Decision
	err := db.View(func(tx *store.Tx) error {
		recs, err := readAll(tx, dashboardKinds)
		if err != nil {
			return err
		}
		got = Approvals(recs, isms.DefaultRiskMethod(), "2026-03-10")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		sort, ref, who string
		what, when     []string // words the row must hold
	}{
		{DecisionPolicy, "POL-01", "Bea Boss", []string{"Approve version 1.1 of POL-01 Access control"}, []string{"written by Ann Author"}},
		{DecisionRisk, "R-02", "Ola Owner", []string{"R-02 Ransomware"}, []string{"Inherent (no residual assessed): critical, score 25"}},
		{DecisionRisk, "R-01", "Ola Owner", []string{"R-01 Laptop theft"}, []string{"Residual: low, score 2"}},
		{DecisionObjective, "OBJ-01", "Bea Boss, Cal Chief", []string{"OBJ-01 Train everyone"}, []string{"Not yet SMART"}},
		{DecisionReview, "MR-01", "Cal Chief", []string{"Sign off the management review MR-01 Spring review"}, []string{"Held on 2026-03-01"}},
		{DecisionAudit, "IA-01", "Ext Auditor", []string{"Close the internal audit IA-01 Access audit"}, []string{"Reported on 2026-02-20"}},
		{DecisionEffectiveness, "NC-01", "Ola Owner", []string{"NC-01 Access not reviewed"}, []string{"due 2026-03-01 (overdue)"}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d decisions, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Sort != w.sort || g.Ref != w.ref || g.Who != w.who || g.Escalation {
			t.Errorf("decision %d: %s %s for %q (escalation %v), want %s %s for %q", i, g.Sort, g.Ref, g.Who, g.Escalation, w.sort, w.ref, w.who)
		}
		for _, s := range w.what {
			if !strings.Contains(g.What, s) {
				t.Errorf("%s: what %q lacks %q", w.ref, g.What, s)
			}
		}
		for _, s := range w.when {
			if !strings.Contains(g.When, s) {
				t.Errorf("%s: when %q lacks %q", w.ref, g.When, s)
			}
		}
		if note := map[string]string{"R-02": "Above the acceptance threshold", "R-01": "Within the acceptance threshold"}[w.ref]; !strings.HasPrefix(g.Note, note) || (note == "") != (g.Note == "") {
			t.Errorf("%s: note %q, want %q", w.ref, g.Note, note)
		}
		if !strings.HasPrefix(g.Link, "/records/") || !strings.HasSuffix(g.Link, "/"+g.ID) {
			t.Errorf("%s: link %q", w.ref, g.Link)
		}
	}
}

// TestDecisionsEscalateLateWork: the decisions come in the sorts' order asked for, the
// escalations of late work after the approvals, each marked as such.
func TestDecisionsEscalateLateWork(t *testing.T) {
	db := openStore(t)
	decisionFixture(t, db)
	err := db.Update(func(tx *store.Tx) error {
		mustCreate(t, tx, &isms.Action{Ref: "A-09", Title: "Renew certificates", Status: isms.ActionOpen, DueDate: "2026-03-01"})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var all, approvals []Decision
	err = db.View(func(tx *store.Tx) error {
		recs, err := readAll(tx, append(dashboardKinds, isms.KindAction))
		if err != nil {
			return err
		}
		all = Decisions(recs, isms.DefaultRiskMethod(), "2026-03-10", append(ApprovalSorts, DecisionLateAction, DecisionLateControl, DecisionLateNC, DecisionMajorNC)...)
		approvals = Approvals(recs, isms.DefaultRiskMethod(), "2026-03-10")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	late := map[string]string{}
	for i, d := range all {
		if i < len(approvals) {
			if d.Key != approvals[i].Key {
				t.Errorf("decision %d is %s, want the approval %s first", i, d.Key, approvals[i].Key)
			}
			continue
		}
		if !d.Escalation {
			t.Errorf("%s %s after the approvals is not an escalation", d.Sort, d.Ref)
		}
		late[d.Ref] = d.Sort + ": " + d.When
	}
	if late["A-09"] != DecisionLateAction+": Due 2026-03-01, 9 days ago" {
		t.Errorf("overdue action: %q", late["A-09"])
	}
	if _, ok := late["NC-01"]; !ok {
		t.Errorf("the nonconformity past its due date is not escalated: %v", late)
	}
	if _, ok := late["CA-01"]; ok {
		t.Errorf("a done action is escalated: %v", late)
	}
}
