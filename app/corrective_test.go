package app

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// ncFixture creates an open nonconformity owned by a new person and returns it with the
// owner.
func ncFixture(t *testing.T, a *App) (isms.Nonconformity, isms.Person) {
	t.Helper()
	owner := addPerson(t, a, "Emma Owner", isms.RoleISMSManager)
	n, err := a.Nonconformities.Create(isms.Nonconformity{Ref: "NC-101", Title: "Access not reviewed", Source: isms.NCSourceAudit,
		DetectedOn: "2026-01-10", OwnerID: owner.ID, DueDate: "2026-05-01"})
	if err != nil {
		t.Fatalf("create nonconformity: %v", err)
	}
	if n.Status != isms.NCOpen {
		t.Fatalf("new nonconformity status %q, want open", n.Status)
	}
	return n, owner
}

// advance moves n one step on and fails the test when refused.
func advance(t *testing.T, a *App, n isms.Nonconformity, want string) isms.Nonconformity {
	t.Helper()
	got, err := a.Nonconformities.Advance(n.ID, n.Version)
	if err != nil {
		t.Fatalf("advance from %s: %v", n.Status, err)
	}
	if got.Status != want {
		t.Fatalf("advance from %s: status %q, want %q", n.Status, got.Status, want)
	}
	return got
}

// update saves an edit of n and fails the test when refused.
func updateNC(t *testing.T, a *App, n isms.Nonconformity) isms.Nonconformity {
	t.Helper()
	got, err := a.Nonconformities.Update(n)
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	return got
}

func TestNonconformityStepsAndGates(t *testing.T) {
	a := newPlanApp(t)
	n, owner := ncFixture(t, a)
	reviewer := addPerson(t, a, "Sophie Reviewer", isms.RoleInternalAudit)

	// an owner is needed to start the correction
	noOwner, err := a.Nonconformities.Create(isms.Nonconformity{Ref: "NC-102", Title: "Unowned", Source: isms.NCSourceOther})
	if err != nil {
		t.Fatal(err)
	}
	if noOwner.DetectedOn != planToday {
		t.Errorf("detectedOn defaulted to %q, want today", noOwner.DetectedOn)
	}
	_, err = a.Nonconformities.Advance(noOwner.ID, noOwner.Version)
	wantErr(t, "advance without owner", err, isms.CodeInvalid, "ownerId")

	n = advance(t, a, n, isms.NCCorrection)

	// correction step: refused until the correction and its date are filled in
	_, err = a.Nonconformities.Advance(n.ID, n.Version)
	wantErr(t, "advance without correction", err, isms.CodeInvalid, "correction", "correctionOn")
	// an update may not jump over a step, nor close
	jump := n
	jump.Correction, jump.CorrectionOn, jump.RootCause, jump.SimilarCheck = "Reviewed now", "2026-03-02", "No owner", "None elsewhere"
	jump.Status = isms.NCCorrectiveAction
	_, err = a.Nonconformities.Update(jump)
	wantErr(t, "update jumping two steps", err, isms.CodeInvalid, "status")
	jump.Status = isms.NCClosed
	_, err = a.Nonconformities.Update(jump)
	wantErr(t, "update to closed", err, isms.CodeInvalid, "status")
	// an update may move on one step when the step it leaves is complete
	n.Correction, n.CorrectionOn = "Access reviewed; 3 accounts removed", "2026-03-02"
	n.Status = isms.NCRootCause
	n = updateNC(t, a, n)
	if n.Status != isms.NCRootCause {
		t.Fatalf("status after update %q", n.Status)
	}
	// version conflicts are refused
	_, err = a.Nonconformities.Advance(n.ID, n.Version-1)
	wantErr(t, "advance at an old version", err, isms.CodeConflict)

	// root cause step
	_, err = a.Nonconformities.Advance(n.ID, n.Version)
	wantErr(t, "advance without root cause", err, isms.CodeInvalid, "rootCause", "similarCheck")
	n.RootCause, n.SimilarCheck = "No named owner for the review", "Other systems checked: none"
	n = updateNC(t, a, n)
	n = advance(t, a, n, isms.NCCorrectiveAction)

	// corrective action step: at least one action, each with owner and due date
	_, err = a.Nonconformities.Advance(n.ID, n.Version)
	wantErr(t, "advance without actions", err, isms.CodeInvalid, "correctiveActionIds")
	_, err = a.Nonconformities.AddAction(n.ID, n.Version, isms.Action{Title: "Name a review owner"})
	wantErr(t, "action without owner and due date", err, isms.CodeInvalid, "ownerId", "dueDate")
	n, err = a.Nonconformities.AddAction(n.ID, n.Version, isms.Action{Title: "Name a review owner", OwnerID: owner.ID, DueDate: "2026-03-20"})
	if err != nil {
		t.Fatalf("add action: %v", err)
	}
	n, err = a.Nonconformities.AddAction(n.ID, n.Version, isms.Action{Title: "Automate the export", OwnerID: owner.ID, DueDate: "2026-04-01"})
	if err != nil {
		t.Fatalf("add second action: %v", err)
	}
	if len(n.CorrectiveActionIDs) != 2 {
		t.Fatalf("corrective actions %v, want 2", n.CorrectiveActionIDs)
	}
	first, err := a.Actions.Get(n.CorrectiveActionIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if first.NonconformityID != n.ID || first.Status != isms.ActionOpen || first.Ref != "ACT-001" {
		t.Fatalf("first action %+v: want linked, open, ACT-001", first)
	}
	second, err := a.Actions.Get(n.CorrectiveActionIDs[1])
	if err != nil {
		t.Fatal(err)
	}
	if second.Ref != "ACT-002" {
		t.Errorf("second action ref %q, want ACT-002", second.Ref)
	}

	// the effectiveness review waits for every corrective action
	_, err = a.Nonconformities.Advance(n.ID, n.Version)
	wantErr(t, "advance with open actions", err, isms.CodeInvalid, "correctiveActionIds")
	up := n
	up.Status = isms.NCEffectivenessReview
	_, err = a.Nonconformities.Update(up)
	wantErr(t, "update to review with open actions", err, isms.CodeInvalid, "correctiveActionIds")
	if first, err = a.Actions.Complete(first.ID, first.Version, "2026-03-05"); err != nil {
		t.Fatalf("complete first action: %v", err)
	}
	if first.Status != isms.ActionDone || first.CompletedOn != "2026-03-05" {
		t.Fatalf("completed action %+v", first)
	}
	_, err = a.Nonconformities.Advance(n.ID, n.Version)
	wantErr(t, "advance with one open action", err, isms.CodeInvalid, "correctiveActionIds")
	second.Status = isms.ActionCancelled
	if second, err = a.Actions.Update(second); err != nil {
		t.Fatalf("cancel second action: %v", err)
	}
	n = advance(t, a, n, isms.NCEffectivenessReview)

	// from now on the actions stay finished and no action is added
	second.Status = isms.ActionInProgress
	_, err = a.Actions.Update(second)
	wantErr(t, "reopen a corrective action at the effectiveness review", err, isms.CodeLocked, "status")
	_, err = a.Nonconformities.AddAction(n.ID, n.Version, isms.Action{Title: "Late", OwnerID: owner.ID, DueDate: "2026-04-01"})
	wantErr(t, "add an action at the effectiveness review", err, isms.CodeLocked)
	err = a.Actions.Delete(first.ID, first.Version)
	wantErr(t, "delete a corrective action at the effectiveness review", err, isms.CodeLocked)

	// closing needs an effective review
	_, err = a.Nonconformities.Close(n.ID, n.Version, "2026-03-07")
	wantErr(t, "close without review", err, isms.CodeInvalid, "effectiveness.reviewedOn", "effectiveness.reviewerId", "effectiveness.verdict")
	_, err = a.Nonconformities.ReviewEffectiveness(n.ID, n.Version, isms.Effectiveness{ReviewedOn: "2026-03-06", Verdict: "maybe", ReviewerID: reviewer.ID})
	wantErr(t, "review with a bad verdict", err, isms.CodeInvalid, "effectiveness.verdict")
	n, err = a.Nonconformities.ReviewEffectiveness(n.ID, n.Version, isms.Effectiveness{ReviewedOn: "2026-03-06", Verdict: isms.VerdictNotEffective,
		ReviewerID: reviewer.ID, Comment: "Two accounts still unreviewed"})
	if err != nil {
		t.Fatalf("record a not-effective review: %v", err)
	}
	// not effective: back at corrective action with a follow-up action, in one go
	if n.Status != isms.NCCorrectiveAction || len(n.CorrectiveActionIDs) != 3 || n.Effectiveness.Verdict != isms.VerdictNotEffective {
		t.Fatalf("after a not-effective review: status %q, actions %v, verdict %q", n.Status, n.CorrectiveActionIDs, n.Effectiveness.Verdict)
	}
	third, err := a.Actions.Get(n.CorrectiveActionIDs[2])
	if err != nil {
		t.Fatal(err)
	}
	if third.OwnerID != owner.ID || third.DueDate != "2026-04-09" || third.NonconformityID != n.ID || third.Status != isms.ActionOpen ||
		third.ReviewID != "" || !strings.HasPrefix(third.Title, "Follow up: ") || !strings.Contains(third.Description, "Two accounts still unreviewed") {
		t.Fatalf("follow-up action %+v: want the owner's, due in 30 days, open, linked", third)
	}
	_, err = a.Nonconformities.Close(n.ID, n.Version, "2026-03-07")
	wantErr(t, "close when not effective", err, isms.CodeInvalid, "status")
	_, err = a.Nonconformities.Advance(n.ID, n.Version)
	wantErr(t, "advance with the follow-up open", err, isms.CodeInvalid, "correctiveActionIds")
	// a corrective action still before the review can be deleted; it leaves the list
	extra, err := a.Nonconformities.AddAction(n.ID, n.Version, isms.Action{Title: "Mistake", OwnerID: owner.ID, DueDate: "2026-04-20"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Actions.Delete(extra.CorrectiveActionIDs[3], 1); err != nil {
		t.Fatalf("delete a corrective action before the review: %v", err)
	}
	if n, err = a.Nonconformities.Get(n.ID); err != nil || len(n.CorrectiveActionIDs) != 3 {
		t.Fatalf("after delete: %v, %v", n.CorrectiveActionIDs, err)
	}
	third.Status = isms.ActionDone // marked done from the form: done today
	if third, err = a.Actions.Update(third); err != nil || third.CompletedOn != planToday {
		t.Fatalf("mark done from the form: %+v, %v", third, err)
	}
	n = advance(t, a, n, isms.NCEffectivenessReview)
	_, err = a.Nonconformities.ReviewEffectiveness(n.ID, n.Version, isms.Effectiveness{ReviewedOn: "2026-03-08", Verdict: isms.VerdictEffective})
	wantErr(t, "review without reviewer", err, isms.CodeInvalid, "effectiveness.reviewerId")
	n, err = a.Nonconformities.ReviewEffectiveness(n.ID, n.Version, isms.Effectiveness{ReviewedOn: "2026-03-08", Verdict: isms.VerdictEffective,
		ReviewerID: reviewer.ID, Comment: "All accounts reviewed on time since"})
	if err != nil {
		t.Fatalf("record effective review: %v", err)
	}
	_, err = a.Nonconformities.Close(n.ID, n.Version, "2026-03-07")
	wantErr(t, "close before the review date", err, isms.CodeInvalid, "closedOn")
	n, err = a.Nonconformities.Close(n.ID, n.Version, "2026-03-09")
	if err != nil {
		t.Fatalf("close: %v", err)
	}
	if n.Status != isms.NCClosed || n.ClosedOn != "2026-03-09" {
		t.Fatalf("closed nonconformity: status %q, closed on %q", n.Status, n.ClosedOn)
	}
	_, err = a.Nonconformities.Advance(n.ID, n.Version)
	wantErr(t, "advance when closed", err, isms.CodeInvalid, "status")

	// reopening by stepping back clears the closing date
	n.Status = isms.NCEffectivenessReview
	n = updateNC(t, a, n)
	if n.ClosedOn != "" {
		t.Errorf("reopened nonconformity keeps closedOn %q", n.ClosedOn)
	}
	// and Advance from the effectiveness review closes it today
	n = advance(t, a, n, isms.NCClosed)
	if n.ClosedOn != planToday {
		t.Errorf("closed by Advance on %q, want today", n.ClosedOn)
	}
}

func TestNonconformityCloseRefusedWithOpenAction(t *testing.T) {
	a := newPlanApp(t)
	n, owner := ncFixture(t, a)
	n.Correction, n.CorrectionOn = "Fixed", "2026-03-02"
	n.Status = isms.NCCorrection
	n = updateNC(t, a, n)
	n = advance(t, a, n, isms.NCRootCause)
	n.RootCause, n.SimilarCheck = "Cause", "None"
	n = updateNC(t, a, n)
	n = advance(t, a, n, isms.NCCorrectiveAction)
	n, err := a.Nonconformities.AddAction(n.ID, n.Version, isms.Action{Ref: "CA-1", Title: "Fix it", OwnerID: owner.ID, DueDate: "2026-03-20"})
	if err != nil {
		t.Fatal(err)
	}
	// Close refuses before the effectiveness review, whatever the update tried to store
	_, err = a.Nonconformities.Close(n.ID, n.Version, "2026-04-01")
	wantErr(t, "close at corrective action", err, isms.CodeInvalid, "status")
	n.Effectiveness = isms.Effectiveness{ReviewedOn: "2026-03-05", Verdict: isms.VerdictEffective, ReviewerID: owner.ID}
	n = updateNC(t, a, n)
	if n.Effectiveness.Verdict != "" {
		t.Errorf("an update set the effectiveness review: %+v", n.Effectiveness)
	}
	// the review stage cannot be reached while the action is open
	_, err = a.Nonconformities.Advance(n.ID, n.Version)
	wantErr(t, "advance with an open action", err, isms.CodeInvalid, "correctiveActionIds")
	act, err := a.Actions.Get(n.CorrectiveActionIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Actions.Complete(act.ID, act.Version, ""); err != nil {
		t.Fatal(err)
	}
	n = advance(t, a, n, isms.NCEffectivenessReview)
	if n, err = a.Nonconformities.ReviewEffectiveness(n.ID, n.Version, isms.Effectiveness{ReviewedOn: "2026-03-05", Verdict: isms.VerdictEffective, ReviewerID: owner.ID}); err != nil {
		t.Fatal(err)
	}
	n, err = a.Nonconformities.Close(n.ID, n.Version, "")
	if err != nil || n.Status != isms.NCClosed || n.ClosedOn != planToday {
		t.Fatalf("close after done and effective: %+v, %v", n, err)
	}
}

func TestActionServiceAndImprovements(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Priya Owner", isms.RoleISMSManager)
	act, err := a.Actions.Create(isms.Action{Title: "Update the asset register", OwnerID: owner.ID, DueDate: "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	if act.Status != isms.ActionOpen || act.Ref == "" {
		t.Fatalf("new action %+v", act)
	}
	if !act.Overdue(planToday) {
		t.Errorf("action due 2026-03-01 not overdue on %s", planToday)
	}
	_, err = a.Actions.Complete(act.ID, act.Version, "not a date")
	wantErr(t, "complete with a bad date", err, isms.CodeInvalid, "completedOn")
	act.Status = isms.ActionInProgress
	act.CompletedOn = "2026-03-01"
	if act, err = a.Actions.Update(act); err != nil || act.CompletedOn != "" {
		t.Fatalf("in progress keeps no completion date: %+v, %v", act, err)
	}
	if err := a.Actions.Delete(act.ID, act.Version); err != nil {
		t.Fatalf("delete: %v", err)
	}

	// an action created with a nonconformity becomes one of its corrective actions
	n, _ := ncFixture(t, a)
	ca, err := a.Actions.Create(isms.Action{Title: "Corrective", OwnerID: owner.ID, DueDate: "2026-04-01", NonconformityID: n.ID})
	if err != nil {
		t.Fatal(err)
	}
	if n, err = a.Nonconformities.Get(n.ID); err != nil || len(n.CorrectiveActionIDs) != 1 || n.CorrectiveActionIDs[0] != ca.ID {
		t.Fatalf("nonconformity's actions %v, %v", n.CorrectiveActionIDs, err)
	}
	ca.NonconformityID = ""
	if ca, err = a.Actions.Update(ca); err != nil || ca.NonconformityID != n.ID {
		t.Fatalf("an edit changed the nonconformity: %+v, %v", ca, err)
	}
	err = a.Nonconformities.Delete(n.ID, n.Version)
	wantErr(t, "delete a nonconformity with a corrective action", err, isms.CodeLocked)

	imp, err := a.Improvements.Create(isms.Improvement{Ref: "IMP-9", Title: "SSO everywhere", Goal: "One login", OwnerID: owner.ID,
		StartDate: "2026-03-01", DueDate: "2026-06-01", NonconformityIDs: []string{n.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if imp.Status != isms.ImprovementProposed {
		t.Errorf("new improvement status %q", imp.Status)
	}
	imp.Status = isms.ImprovementDone
	if imp, err = a.Improvements.Update(imp); err != nil || imp.CompletedOn != planToday {
		t.Fatalf("done improvement: %+v, %v", imp, err)
	}
	imp.DueDate = "2026-02-01"
	_, err = a.Improvements.Update(imp)
	wantErr(t, "target before start", err, isms.CodeInvalid, "dueDate")
	list, err := a.Improvements.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("improvements %v, %v", list, err)
	}
	if err := a.Improvements.Delete(imp.ID, imp.Version); err != nil {
		t.Fatal(err)
	}
}

func TestNonconformityAgeing(t *testing.T) {
	a := newPlanApp(t)
	n, owner := ncFixture(t, a) // detected 2026-01-10, due 2026-05-01
	late, err := a.Nonconformities.Create(isms.Nonconformity{Ref: "NC-102", Title: "Late", Source: isms.NCSourceOther,
		DetectedOn: "2026-02-01", OwnerID: owner.ID, DueDate: "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	late.Correction, late.CorrectionOn, late.Status = "Contained", "2026-02-02", isms.NCCorrection
	late = updateNC(t, a, late)
	late = advance(t, a, late, isms.NCRootCause)
	late.RootCause, late.SimilarCheck = "Cause", "None"
	late = updateNC(t, a, late)
	late = advance(t, a, late, isms.NCCorrectiveAction)
	if late, err = a.Nonconformities.AddAction(late.ID, late.Version, isms.Action{Title: "Overdue fix", OwnerID: owner.ID, DueDate: "2026-03-05"}); err != nil {
		t.Fatal(err)
	}
	if _, err = a.Nonconformities.AddAction(late.ID, late.Version, isms.Action{Title: "Later fix", OwnerID: owner.ID, DueDate: "2026-04-05"}); err != nil {
		t.Fatal(err)
	}
	ageing, err := a.Nonconformities.Ageing()
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]isms.NCAgeing{}
	for _, g := range ageing {
		by[g.ID] = g
	}
	if g := by[n.ID]; g.DaysOpen != 59 || g.StepOverdue != "" || g.DaysOverdue != 0 || len(g.OverdueActions) != 0 {
		t.Errorf("on time: %+v, want 59 days open, nothing overdue", g)
	}
	g := by[late.ID]
	if g.DaysOpen != 37 || g.StepOverdue != "Corrective action" || g.DaysOverdue != 9 || len(g.OverdueActions) != 1 || g.OverdueActions[0] != "ACT-001" {
		t.Errorf("late: %+v, want 37 days open, corrective action 9 days overdue, ACT-001 overdue", g)
	}
}
