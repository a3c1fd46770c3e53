package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// allMinutes returns minutes for every 9.3.2 input.
func allMinutes() []isms.ReviewInput {
	var out []isms.ReviewInput
	for _, o := range isms.ReviewInputs {
		out = append(out, isms.ReviewInput{Topic: o.Value, Minutes: "Discussed " + o.Value})
	}
	return out
}

// agendaInput returns the live input of a topic.
func agendaInput(t *testing.T, ag overview.ReviewAgenda, topic string) overview.AgendaInput {
	t.Helper()
	for _, in := range ag.Inputs {
		if in.Topic == topic {
			return in
		}
	}
	t.Fatalf("agenda has no input %s", topic)
	return overview.AgendaInput{}
}

func wantContains(t *testing.T, what, got string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(got, p) {
			t.Errorf("%s: %q does not contain %q", what, got, p)
		}
	}
}

func TestNewReviewHasTheStandardAgenda(t *testing.T) {
	a := newPlanApp(t)
	chair := addPerson(t, a, "Olivia Chair", isms.RoleSeniorManagement)

	r, err := a.Reviews.NewReview("2026-04-20", chair.ID)
	if err != nil {
		t.Fatalf("new review: %v", err)
	}
	if r.Ref != "MR-2026-1" || r.Status != isms.ReviewPlanned || r.Date != "2026-04-20" || r.Title != "Management review April 2026" {
		t.Fatalf("new review %s %q %s %s", r.Ref, r.Title, r.Status, r.Date)
	}
	if len(r.AttendeeIDs) != 1 || r.AttendeeIDs[0] != chair.ID || r.ChairID != chair.ID {
		t.Fatalf("chair %q attendees %v: the chair attends", r.ChairID, r.AttendeeIDs)
	}
	if len(r.Inputs) != len(isms.ReviewInputs) {
		t.Fatalf("agenda has %d items, want %d", len(r.Inputs), len(isms.ReviewInputs))
	}
	for i, o := range isms.ReviewInputs {
		if r.Inputs[i].Topic != o.Value {
			t.Fatalf("agenda item %d is %q, want %q", i, r.Inputs[i].Topic, o.Value)
		}
	}
	if r.PreviousReviewID != "" {
		t.Errorf("first review has previous review %q", r.PreviousReviewID)
	}
	second, err := a.Reviews.NewReview("", "")
	if err != nil {
		t.Fatalf("second review: %v", err)
	}
	if second.Ref != "MR-2026-2" || second.Date != planToday {
		t.Errorf("second review %s on %s, want MR-2026-2 today", second.Ref, second.Date)
	}
	_, err = a.Reviews.NewReview("20-04-2026", "")
	wantErr(t, "bad date", err, isms.CodeInvalid, "date")
	_, err = a.Reviews.NewReview("2026-04-20", "nobody")
	wantErr(t, "unknown chair", err, isms.CodeInvalid, "chairId")

	// Create through the form: planned, whatever it says, with the full agenda in order
	c, err := a.Reviews.Create(isms.Review{Ref: "MR-X", Title: "Extra", Date: "2026-05-01", Status: isms.ReviewHeld,
		Inputs: []isms.ReviewInput{{Topic: isms.InputRisks, Minutes: "early note"}}})
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if c.Status != isms.ReviewPlanned || len(c.Inputs) != len(isms.ReviewInputs) || c.Inputs[8].Topic != isms.InputRisks || c.Inputs[8].Minutes != "early note" {
		t.Fatalf("created review %s with agenda %+v", c.Status, c.Inputs)
	}
}

func TestReviewDecisionsCreateActionsInOneGo(t *testing.T) {
	a := newPlanApp(t)
	chair := addPerson(t, a, "Olivia Chair", isms.RoleSeniorManagement)
	owner := addPerson(t, a, "Daniel Owner", isms.RoleISMSManager)
	r, err := a.Reviews.NewReview("2026-03-01", chair.ID)
	if err != nil {
		t.Fatal(err)
	}

	_, err = a.Reviews.AddDecision(r.ID, r.Version, "  ", "", "", "", "")
	wantErr(t, "decision without text", err, isms.CodeInvalid, "text")
	_, err = a.Reviews.AddDecision(r.ID, r.Version, "More budget", "wishful", "", "", "")
	wantErr(t, "unknown category", err, isms.CodeInvalid, "category")
	_, err = a.Reviews.AddDecision(r.ID, r.Version, "Roll out SSO", isms.DecisionImprovement, "Connect SaaS tools to SSO", "", "")
	wantErr(t, "action without owner and due date", err, isms.CodeInvalid, "actionOwnerId", "actionDue")
	_, err = a.Reviews.AddDecision(r.ID, r.Version, "Roll out SSO", isms.DecisionImprovement, "", owner.ID, "2026-05-01")
	wantErr(t, "owner and due date without a title", err, isms.CodeInvalid, "actionTitle")
	_, err = a.Reviews.AddDecision(r.ID, r.Version+1, "Roll out SSO", "", "", "", "")
	wantErr(t, "old version", err, isms.CodeConflict)
	if acts, _ := a.Actions.List(); len(acts) != 0 {
		t.Fatalf("refused decisions left %d actions behind", len(acts))
	}

	r, err = a.Reviews.AddDecision(r.ID, r.Version, "Approve budget for EDR", isms.DecisionResources, "", "", "")
	if err != nil {
		t.Fatalf("decision without action: %v", err)
	}
	r, err = a.Reviews.AddDecision(r.ID, r.Version, "Roll out SSO", isms.DecisionImprovement, "Connect SaaS tools to SSO", owner.ID, "2026-05-01")
	if err != nil {
		t.Fatalf("decision with action: %v", err)
	}
	if len(r.Decisions) != 2 || len(r.Decisions[0].ActionIDs) != 0 || len(r.Decisions[1].ActionIDs) != 1 {
		t.Fatalf("decisions %+v", r.Decisions)
	}
	act, err := a.Actions.Get(r.Decisions[1].ActionIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if act.ReviewID != r.ID || act.Ref != "ACT-001" || act.OwnerID != owner.ID || act.DueDate != "2026-05-01" || act.Status != isms.ActionOpen {
		t.Fatalf("action %+v: want ACT-001 of the review, open, owned and due", act)
	}

	// the decisions and agenda do not change through Update
	edit := r
	edit.Title = "Renamed"
	edit.Decisions = nil
	edit.Inputs = nil
	got, err := a.Reviews.Update(edit)
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	if got.Title != "Renamed" || len(got.Decisions) != 2 || len(got.Inputs) != len(isms.ReviewInputs) {
		t.Fatalf("update dropped the decisions or agenda: %+v", got)
	}

	// a review whose action links to it is not deleted
	err = a.Reviews.Delete(got.ID, got.Version)
	wantErr(t, "delete with actions", err, isms.CodeLocked)
}

func TestHoldNeedsAttendeesAndMinutes(t *testing.T) {
	a := newPlanApp(t)
	chair := addPerson(t, a, "Olivia Chair", isms.RoleSeniorManagement)
	other := addPerson(t, a, "James Other", isms.RoleISMSManager)
	r, err := a.Reviews.NewReview("2026-03-05", chair.ID)
	if err != nil {
		t.Fatal(err)
	}

	_, err = a.Reviews.Hold(r.ID, r.Version, "2026-03-05")
	wantErr(t, "hold without minutes", err, isms.CodeInvalid, "inputs")
	ag, err := a.Reviews.Agenda(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ag.HoldMissing["inputs"] == "" {
		t.Errorf("agenda does not say minutes are missing: %v", ag.HoldMissing)
	}

	// the chair must be among the attendees
	r.AttendeeIDs = []string{other.ID}
	if r, err = a.Reviews.Update(r); err != nil {
		t.Fatal(err)
	}
	items := allMinutes()
	items[4].Minutes = "  " // (d)(2) left blank
	r, err = a.Reviews.SaveMinutes(r.ID, r.Version, items, "General discussion")
	if err != nil {
		t.Fatalf("save minutes: %v", err)
	}
	if r.Input(isms.InputActions).Minutes != "Discussed a" || r.Minutes != "General discussion" {
		t.Fatalf("minutes not saved: %+v %q", r.Inputs[0], r.Minutes)
	}
	_, err = a.Reviews.Hold(r.ID, r.Version, "2026-03-05")
	wantErr(t, "hold without the chair and (d)(2)", err, isms.CodeInvalid, "attendeeIds", "inputs")
	var e *isms.Error
	if !errors.As(err, &e) || !strings.Contains(e.Fields["inputs"], "(d)(2) Monitoring and measurement results") {
		t.Errorf("refusal does not name the input in words: %v", err)
	}
	_, err = a.Reviews.SaveMinutes(r.ID, r.Version, []isms.ReviewInput{{Topic: "z", Minutes: "x"}}, "")
	wantErr(t, "minutes of an unknown input", err, isms.CodeInvalid, "inputs[0].topic")

	// the status changes only through Mark held and Close
	up := r
	up.Status = isms.ReviewHeld
	_, err = a.Reviews.Update(up)
	wantErr(t, "update to held", err, isms.CodeInvalid, "status")
	up.Status = isms.ReviewClosed
	_, err = a.Reviews.Update(up)
	wantErr(t, "update to closed", err, isms.CodeInvalid, "status")
	_, err = a.Reviews.Close(r.ID, r.Version, ReviewClosing{})
	wantErr(t, "close before held", err, isms.CodeInvalid, "status")

	r.AttendeeIDs = []string{other.ID, chair.ID}
	if r, err = a.Reviews.Update(r); err != nil {
		t.Fatal(err)
	}
	if r, err = a.Reviews.SaveMinutes(r.ID, r.Version, []isms.ReviewInput{{Topic: isms.InputMonitoring, Minutes: "KPIs on track"}}, "General discussion"); err != nil {
		t.Fatal(err)
	}
	_, err = a.Reviews.Hold(r.ID, r.Version, "2026-03-11")
	wantErr(t, "held in the future", err, isms.CodeInvalid, "date")
	_, err = a.Reviews.Hold(r.ID, r.Version-1, "")
	wantErr(t, "hold at an old version", err, isms.CodeConflict)

	held, err := a.Reviews.Hold(r.ID, r.Version, "2026-03-06")
	if err != nil {
		t.Fatalf("hold: %v", err)
	}
	if held.Status != isms.ReviewHeld || held.Date != "2026-03-06" {
		t.Fatalf("held review %s on %s", held.Status, held.Date)
	}
	for _, in := range held.Inputs {
		if in.Summary == "" {
			t.Errorf("input %s keeps no summary of what was presented", in.Topic)
		}
	}
	_, err = a.Reviews.Hold(held.ID, held.Version, "")
	wantErr(t, "hold twice", err, isms.CodeInvalid, "status")

	// a held review keeps its date and stays held
	moved := held
	moved.Date = "2026-03-07"
	_, err = a.Reviews.Update(moved)
	wantErr(t, "move a held review", err, isms.CodeInvalid, "date")
	moved = held
	moved.Status = isms.ReviewPlanned
	_, err = a.Reviews.Update(moved)
	wantErr(t, "back to planned", err, isms.CodeInvalid, "status")
}

// closing is the chair's sign-off of a held review.
func closing(chairID string) ReviewClosing {
	return ReviewClosing{SignedByID: chairID, SignedOn: "2026-03-09", How: isms.ApprovedInMeeting, Ref: "Minutes MR-2026-1, item 11",
		Conclusion: isms.ReviewConclusion{Suitability: "Still suits the business after the acquisition.",
			Adequacy: "Adequate; the risk register covers the new sites.", Effectiveness: "Effective: objectives on track, no major NC."},
		NextReviewDate: "2026-09-10"}
}

// heldReview plans and holds a review on date chaired by chairID.
func heldReview(t *testing.T, a *App, date isms.Date, chairID string) isms.Review {
	t.Helper()
	r, err := a.Reviews.NewReview(string(date), chairID)
	if err != nil {
		t.Fatal(err)
	}
	if r, err = a.Reviews.SaveMinutes(r.ID, r.Version, allMinutes(), ""); err != nil {
		t.Fatal(err)
	}
	if r, err = a.Reviews.Hold(r.ID, r.Version, string(date)); err != nil {
		t.Fatalf("hold: %v", err)
	}
	return r
}

func TestReviewCloseNeedsTheChairsSignOff(t *testing.T) {
	a := newPlanApp(t)
	chair := addPerson(t, a, "Olivia Chair", isms.RoleSeniorManagement)
	other := addPerson(t, a, "James Other", isms.RoleISMSManager)
	r := heldReview(t, a, "2026-03-06", chair.ID)

	ag, err := a.Reviews.Agenda(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"signOff.byId", "signOff.on", "signOff.how", "conclusion.suitability", "conclusion.adequacy", "conclusion.effectiveness", "nextReviewDate"} {
		if ag.CloseMissing[f] == "" {
			t.Errorf("the agenda does not say %s is missing to close: %v", f, ag.CloseMissing)
		}
	}

	_, err = a.Reviews.Close(r.ID, r.Version, ReviewClosing{})
	wantErr(t, "close with nothing", err, isms.CodeInvalid, "signOff.byId", "signOff.on", "signOff.how",
		"conclusion.suitability", "conclusion.adequacy", "conclusion.effectiveness", "nextReviewDate")
	c := closing(chair.ID)
	c.SignedByID, c.SignedOn, c.How = "", "", ""
	_, err = a.Reviews.Close(r.ID, r.Version, c)
	wantErr(t, "close without sign-off", err, isms.CodeInvalid, "signOff.byId", "signOff.on", "signOff.how")
	c = closing(chair.ID)
	c.NextReviewDate = ""
	_, err = a.Reviews.Close(r.ID, r.Version, c)
	wantErr(t, "close without a next review date", err, isms.CodeInvalid, "nextReviewDate")
	c.NextReviewDate = "2026-03-06"
	_, err = a.Reviews.Close(r.ID, r.Version, c)
	wantErr(t, "next review not after this one", err, isms.CodeInvalid, "nextReviewDate")
	c = closing(chair.ID)
	c.Conclusion.Adequacy = "  "
	_, err = a.Reviews.Close(r.ID, r.Version, c)
	wantErr(t, "close without a conclusion on adequacy", err, isms.CodeInvalid, "conclusion.adequacy")
	c = closing(chair.ID)
	c.Ref = ""
	_, err = a.Reviews.Close(r.ID, r.Version, c)
	wantErr(t, "meeting sign-off without its minute", err, isms.CodeInvalid, "signOff.ref")
	c = closing(chair.ID)
	c.SignedOn = "2026-03-11"
	_, err = a.Reviews.Close(r.ID, r.Version, c)
	wantErr(t, "signed off in the future", err, isms.CodeInvalid, "signOff.on")
	c.SignedOn = "2026-03-05"
	_, err = a.Reviews.Close(r.ID, r.Version, c)
	wantErr(t, "signed off before the meeting", err, isms.CodeInvalid, "signOff.on")
	_, err = a.Reviews.Close(r.ID, r.Version, closing(other.ID))
	wantErr(t, "signed off by someone else", err, isms.CodeInvalid, "signOff.byId")
	_, err = a.Reviews.Close(r.ID, r.Version-1, closing(chair.ID))
	wantErr(t, "close at an old version", err, isms.CodeConflict)

	// the chair must hold Senior Management
	r.ChairID, r.AttendeeIDs = other.ID, []string{other.ID, chair.ID}
	if r, err = a.Reviews.Update(r); err != nil {
		t.Fatal(err)
	}
	_, err = a.Reviews.Close(r.ID, r.Version, closing(other.ID))
	wantErr(t, "chair without Senior Management", err, isms.CodeInvalid, "chairId")
	var e *isms.Error
	if !errors.As(err, &e) || !strings.Contains(e.Fields["chairId"], isms.RoleSeniorManagement) {
		t.Errorf("refusal does not name the role: %v", err)
	}
	r.ChairID = chair.ID
	if r, err = a.Reviews.Update(r); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.Reviews.Get(r.ID); got.Status != isms.ReviewHeld || got.SignOff.ByID != "" {
		t.Fatalf("refused closings changed the review: %+v", got)
	}

	closed, err := a.Reviews.Close(r.ID, r.Version, closing(chair.ID))
	if err != nil {
		t.Fatalf("close: %v", err)
	}
	if closed.Status != isms.ReviewClosed || closed.SignOff.ByID != chair.ID || closed.SignOff.On != "2026-03-09" ||
		closed.SignOff.How != isms.ApprovedInMeeting || closed.NextReviewDate != "2026-09-10" || closed.Conclusion.Effectiveness == "" {
		t.Fatalf("closed review %+v", closed)
	}

	// locked
	_, err = a.Reviews.Close(closed.ID, closed.Version, closing(chair.ID))
	wantErr(t, "close twice", err, isms.CodeLocked)
	_, err = a.Reviews.SaveMinutes(closed.ID, closed.Version, allMinutes(), "")
	wantErr(t, "minutes of a closed review", err, isms.CodeLocked)
	_, err = a.Reviews.AddDecision(closed.ID, closed.Version, "Late idea", "", "", "", "")
	wantErr(t, "decision on a closed review", err, isms.CodeLocked)
	_, err = a.Reviews.UpdateDecision(closed.ID, closed.Version, 0, "Late idea", "")
	wantErr(t, "decision edit on a closed review", err, isms.CodeLocked)
	_, err = a.Reviews.RemoveDecision(closed.ID, closed.Version, 0)
	wantErr(t, "decision removal on a closed review", err, isms.CodeLocked)
	edit := closed
	edit.Title = "Changed"
	_, err = a.Reviews.Update(edit)
	wantErr(t, "edit of a closed review", err, isms.CodeLocked)
	edit = closed
	edit.Status = isms.ReviewHeld
	_, err = a.Reviews.Update(edit)
	wantErr(t, "reopen a closed review", err, isms.CodeLocked)
	wantErr(t, "delete a closed review", a.Reviews.Delete(closed.ID, closed.Version), isms.CodeLocked)
	if got, _ := a.Reviews.Get(closed.ID); got.Version != closed.Version || got.Status != isms.ReviewClosed {
		t.Fatalf("a locked review changed: %+v", got)
	}
}

func TestHeldReviewSnapshotIsFrozen(t *testing.T) {
	a := newPlanApp(t)
	chair := addPerson(t, a, "Olivia Chair", isms.RoleSeniorManagement)
	owner := addPerson(t, a, "Daniel Owner", isms.RoleISMSManager)
	if _, err := a.Nonconformities.Create(isms.Nonconformity{Ref: "NC-001", Title: "Leavers keep access", Source: isms.NCSourceAudit,
		DetectedOn: "2026-02-01", OwnerID: owner.ID}); err != nil {
		t.Fatal(err)
	}
	r, err := a.Reviews.NewReview("2026-03-06", chair.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r, err = a.Reviews.SaveMinutes(r.ID, r.Version, allMinutes(), ""); err != nil {
		t.Fatal(err)
	}
	if r.Snapshot != nil {
		t.Fatalf("a planned review has a snapshot: %+v", r.Snapshot)
	}
	live, err := a.Reviews.Agenda(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	held, err := a.Reviews.Hold(r.ID, r.Version, "2026-03-06")
	if err != nil {
		t.Fatal(err)
	}
	snap := held.Snapshot
	if snap == nil || len(snap.Inputs) != len(isms.ReviewInputs) || snap.TakenOn != planToday || snap.Until != "2026-03-06" {
		t.Fatalf("snapshot %+v", snap)
	}
	if len(snap.SHA256) != 64 || !snap.Intact() {
		t.Fatalf("snapshot hash %q intact %v", snap.SHA256, snap.Intact())
	}
	for i, in := range snap.Inputs {
		if in.Topic != live.Inputs[i].Topic || in.Summary != live.Inputs[i].Summary || in.Name != live.Inputs[i].Name || len(in.Lines) != len(live.Inputs[i].Lines) {
			t.Errorf("input %s frozen as %+v, presented %+v", in.Topic, in, live.Inputs[i])
		}
	}
	d1 := snap.Input(isms.InputNonconformities)
	wantContains(t, "frozen (d)(1)", d1.Summary, "1 nonconformity raised", "1 open")
	if len(d1.Lines) != 1 || !strings.Contains(d1.Lines[0].Text, "NC-001") {
		t.Fatalf("frozen (d)(1) lines %+v", d1.Lines)
	}
	frozen := *snap
	frozen.Inputs = append([]isms.PresentedInput(nil), snap.Inputs...)

	// the records change after the meeting
	if _, err := a.Nonconformities.Create(isms.Nonconformity{Ref: "NC-002", Title: "Backups untested", Source: isms.NCSourceOther,
		DetectedOn: "2026-03-01", OwnerID: owner.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Issues.Create(isms.Issue{Ref: "ISS-01", Title: "New regulator", Type: isms.IssueExternal, Status: isms.IssueOpen,
		ChangedSinceReview: true, ChangeNote: "Announced in February"}); err != nil {
		t.Fatal(err)
	}
	// an edit through the form cannot touch the snapshot either
	edit := held
	edit.Title = "Renamed after the meeting"
	edit.Snapshot = &isms.ReviewSnapshot{SHA256: "forged"}
	if _, err := a.Reviews.Update(edit); err != nil {
		t.Fatal(err)
	}

	now, err := a.Reviews.Agenda(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, "live (d)(1) after the change", agendaInput(t, now, isms.InputNonconformities).Summary, "2 nonconformities raised")
	got, err := a.Reviews.Get(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Renamed after the meeting" || got.Snapshot == nil {
		t.Fatalf("review after the change %+v", got)
	}
	if got.Snapshot.SHA256 != frozen.SHA256 || !got.Snapshot.Intact() || got.Snapshot.Digest() != frozen.Digest() {
		t.Fatalf("the snapshot changed: %s, want %s", got.Snapshot.SHA256, frozen.SHA256)
	}
	wantContains(t, "frozen (d)(1) after the change", got.Snapshot.Input(isms.InputNonconformities).Summary, "1 nonconformity raised")
	wantContains(t, "frozen (b) after the change", got.Snapshot.Input(isms.InputIssues).Summary, "0 issues changed")

	// a tampered snapshot no longer matches its hash, and is refused on save
	tampered := *got.Snapshot
	tampered.Inputs = append([]isms.PresentedInput(nil), got.Snapshot.Inputs...)
	tampered.Inputs[3].Summary = "No nonconformities."
	if tampered.Intact() {
		t.Fatal("a changed snapshot still matches its hash")
	}
	bad := got
	bad.Snapshot = &tampered
	if err := bad.Validate(); err == nil {
		t.Fatal("a review with a tampered snapshot validates")
	}
}

func TestDecisionsEditAndRemove(t *testing.T) {
	a := newPlanApp(t)
	chair := addPerson(t, a, "Olivia Chair", isms.RoleSeniorManagement)
	owner := addPerson(t, a, "Daniel Owner", isms.RoleISMSManager)
	r, err := a.Reviews.NewReview("2026-03-01", chair.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct{ text, cat, action string }{
		{"Approve budget for EDR", isms.DecisionResources, ""},
		{"Roll out SSO", isms.DecisionImprovement, "Connect SaaS tools to SSO"},
		{"Write the incident procedure", isms.DecisionChange, "Approve the incident procedure"},
	} {
		owned, due := "", ""
		if d.action != "" {
			owned, due = owner.ID, "2026-04-01"
		}
		if r, err = a.Reviews.AddDecision(r.ID, r.Version, d.text, d.cat, d.action, owned, due); err != nil {
			t.Fatal(err)
		}
	}

	// edit
	_, err = a.Reviews.UpdateDecision(r.ID, r.Version, 0, " ", "")
	wantErr(t, "edit to no text", err, isms.CodeInvalid, "text")
	_, err = a.Reviews.UpdateDecision(r.ID, r.Version, 0, "Budget", "wishful")
	wantErr(t, "edit to an unknown category", err, isms.CodeInvalid, "category")
	_, err = a.Reviews.UpdateDecision(r.ID, r.Version, 3, "Budget", "")
	wantErr(t, "edit a decision that is not there", err, isms.CodeNotFound)
	_, err = a.Reviews.UpdateDecision(r.ID, r.Version+1, 0, "Budget", "")
	wantErr(t, "edit at an old version", err, isms.CodeConflict)
	r, err = a.Reviews.UpdateDecision(r.ID, r.Version, 1, "  Roll out SSO to every SaaS tool ", isms.DecisionChange)
	if err != nil {
		t.Fatalf("edit: %v", err)
	}
	if d := r.Decisions[1]; d.Text != "Roll out SSO to every SaaS tool" || d.Category != isms.DecisionChange || len(d.ActionIDs) != 1 {
		t.Fatalf("edited decision %+v: its action stays", d)
	}

	// a decision whose action is in progress stays
	sso, err := a.Actions.Get(r.Decisions[1].ActionIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	sso.Status = isms.ActionInProgress
	if sso, err = a.Actions.Update(sso); err != nil {
		t.Fatal(err)
	}
	_, err = a.Reviews.RemoveDecision(r.ID, r.Version, 1)
	wantErr(t, "remove a decision whose action is in progress", err, isms.CodeLocked, "decisions")
	_, err = a.Reviews.RemoveDecision(r.ID, r.Version, -1)
	wantErr(t, "remove a decision that is not there", err, isms.CodeNotFound)

	// removing one with an open action keeps the action, still the review's
	incident := r.Decisions[2].ActionIDs[0]
	if r, err = a.Reviews.RemoveDecision(r.ID, r.Version, 2); err != nil {
		t.Fatalf("remove: %v", err)
	}
	if r, err = a.Reviews.RemoveDecision(r.ID, r.Version, 0); err != nil {
		t.Fatalf("remove without action: %v", err)
	}
	if len(r.Decisions) != 1 || r.Decisions[0].Text != "Roll out SSO to every SaaS tool" {
		t.Fatalf("decisions left %+v", r.Decisions)
	}
	kept, err := a.Actions.Get(incident)
	if err != nil {
		t.Fatalf("the removed decision's action is gone: %v", err)
	}
	if kept.ReviewID != r.ID || kept.Status != isms.ActionOpen {
		t.Fatalf("kept action %+v: still the review's, open", kept)
	}

	// and it is still carried into the next review's item (a)
	if r, err = a.Reviews.SaveMinutes(r.ID, r.Version, allMinutes(), ""); err != nil {
		t.Fatal(err)
	}
	if r, err = a.Reviews.Hold(r.ID, r.Version, "2026-03-01"); err != nil {
		t.Fatal(err)
	}
	// edits and removals go on while held
	if r, err = a.Reviews.UpdateDecision(r.ID, r.Version, 0, "Roll out SSO", isms.DecisionImprovement); err != nil {
		t.Fatalf("edit while held: %v", err)
	}
	next, err := a.Reviews.NewReview("2026-03-09", chair.ID)
	if err != nil {
		t.Fatal(err)
	}
	ag, err := a.Reviews.Agenda(next.ID)
	if err != nil {
		t.Fatal(err)
	}
	carried := strings.Join(ag.CarriedActionIDs, " ")
	if !strings.Contains(carried, incident) || !strings.Contains(carried, sso.ID) {
		t.Errorf("carried %v, want the kept action %s and %s", ag.CarriedActionIDs, incident, sso.ID)
	}
}

// TestOpenActionsCarryAcrossClosedReviews: an action still open after two reviews is in
// item (a) of the third, and in what the second froze when it was held.
func TestOpenActionsCarryAcrossClosedReviews(t *testing.T) {
	a := newPlanApp(t)
	chair := addPerson(t, a, "Olivia Chair", isms.RoleSeniorManagement)
	owner := addPerson(t, a, "Daniel Owner", isms.RoleISMSManager)

	first, err := a.Reviews.NewReview("2025-09-01", chair.ID)
	if err != nil {
		t.Fatal(err)
	}
	if first, err = a.Reviews.AddDecision(first.ID, first.Version, "Buy EDR", isms.DecisionResources, "Buy EDR licences", owner.ID, "2025-10-01"); err != nil {
		t.Fatal(err)
	}
	if first, err = a.Reviews.AddDecision(first.ID, first.Version, "Train staff", isms.DecisionImprovement, "Run the awareness course", owner.ID, "2025-10-01"); err != nil {
		t.Fatal(err)
	}
	edr, course := first.Decisions[0].ActionIDs[0], first.Decisions[1].ActionIDs[0]
	if first, err = a.Reviews.SaveMinutes(first.ID, first.Version, allMinutes(), ""); err != nil {
		t.Fatal(err)
	}
	if first, err = a.Reviews.Hold(first.ID, first.Version, "2025-09-01"); err != nil {
		t.Fatal(err)
	}
	c := closing(chair.ID)
	c.SignedOn, c.NextReviewDate = "2025-09-02", "2026-01-10"
	if first, err = a.Reviews.Close(first.ID, first.Version, c); err != nil {
		t.Fatal(err)
	}
	act, err := a.Actions.Get(course)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Actions.Complete(act.ID, act.Version, "2025-12-01"); err != nil {
		t.Fatal(err)
	}

	second := heldReview(t, a, "2026-01-10", chair.ID)
	if second.PreviousReviewID != first.ID {
		t.Fatalf("second review follows %q, want the closed %q", second.PreviousReviewID, first.ID)
	}
	if got := strings.Join(second.Snapshot.CarriedActionIDs, " "); got != edr {
		t.Errorf("second review froze carried actions %q, want %s", got, edr)
	}
	in := second.Snapshot.Input(isms.InputActions)
	wantContains(t, "second review's frozen (a)", in.Summary, "2 actions from previous reviews", "1 done", "1 open", "1 open action is carried forward")
	c.SignedOn, c.NextReviewDate = "2026-01-11", "2026-03-08"
	if second, err = a.Reviews.Close(second.ID, second.Version, c); err != nil {
		t.Fatal(err)
	}

	third, err := a.Reviews.NewReview("2026-03-08", chair.ID)
	if err != nil {
		t.Fatal(err)
	}
	if third.PreviousReviewID != second.ID {
		t.Fatalf("third review follows %q, want %q", third.PreviousReviewID, second.ID)
	}
	ag, err := a.Reviews.Agenda(third.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ag.CarriedActionIDs) != 1 || ag.CarriedActionIDs[0] != edr {
		t.Fatalf("third review carries %v, want the EDR action from the first", ag.CarriedActionIDs)
	}
	in3 := agendaInput(t, ag, isms.InputActions)
	wantContains(t, "third review's (a)", in3.Summary, "1 open action is carried forward", "(1 overdue)")
	if len(in3.Lines) != 1 || !strings.Contains(in3.Lines[0].Text, "from "+first.Ref) || in3.Lines[0].Flag != "overdue" {
		t.Errorf("third review's (a) lines %+v: the EDR action from %s, overdue", in3.Lines, first.Ref)
	}
}

func TestAgendaCarriesOpenActionsForward(t *testing.T) {
	a := newPlanApp(t)
	chair := addPerson(t, a, "Olivia Chair", isms.RoleSeniorManagement)
	owner := addPerson(t, a, "Daniel Owner", isms.RoleISMSManager)

	first, err := a.Reviews.NewReview("2026-01-15", chair.ID)
	if err != nil {
		t.Fatal(err)
	}
	if first, err = a.Reviews.AddDecision(first.ID, first.Version, "Roll out SSO", isms.DecisionImprovement, "Connect SaaS tools to SSO", owner.ID, "2026-02-01"); err != nil {
		t.Fatal(err)
	}
	if first, err = a.Reviews.AddDecision(first.ID, first.Version, "Buy EDR", isms.DecisionResources, "Buy EDR licences", owner.ID, "2026-04-01"); err != nil {
		t.Fatal(err)
	}
	if first, err = a.Reviews.AddDecision(first.ID, first.Version, "Write the incident procedure", isms.DecisionChange, "Approve the incident procedure", owner.ID, "2026-02-15"); err != nil {
		t.Fatal(err)
	}
	if first, err = a.Reviews.SaveMinutes(first.ID, first.Version, allMinutes(), ""); err != nil {
		t.Fatal(err)
	}
	ag, err := a.Reviews.Agenda(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if in := agendaInput(t, ag, isms.InputActions); !strings.Contains(in.Summary, "First management review") || len(in.Lines) != 0 {
		t.Errorf("first review's input (a): %q %v", in.Summary, in.Lines)
	}
	if first, err = a.Reviews.Hold(first.ID, first.Version, "2026-01-15"); err != nil {
		t.Fatal(err)
	}
	done, err := a.Actions.Get(first.Decisions[2].ActionIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if _, err = a.Actions.Complete(done.ID, done.Version, "2026-02-10"); err != nil {
		t.Fatal(err)
	}

	// live inputs beyond the actions
	if _, err := a.Issues.Create(isms.Issue{Ref: "ISS-01", Title: "NIS2 flow-down", Type: isms.IssueExternal, Status: isms.IssueOpen,
		ChangedSinceReview: true, ChangeNote: "Two customers now require it"}); err != nil {
		t.Fatal(err)
	}
	k, err := a.KPIs.Create(isms.KPI{Ref: "KPI-01", Name: "Phishing click rate", Frequency: isms.FrequencyMonthly, Unit: "%",
		Target: 5, Amber: 10, Direction: isms.LowerIsBetter, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []struct {
		on string
		v  float64
	}{{"2026-01-10", 18}, {"2026-03-01", 12}} {
		if _, err := a.Measurements.Record(k.ID, m.on, m.v, ""); err != nil {
			t.Fatal(err)
		}
	}

	second, err := a.Reviews.NewReview("2026-03-20", chair.ID)
	if err != nil {
		t.Fatal(err)
	}
	if second.PreviousReviewID != first.ID {
		t.Fatalf("second review follows %q, want %q", second.PreviousReviewID, first.ID)
	}
	ag, err = a.Reviews.Agenda(second.ID)
	if err != nil {
		t.Fatalf("agenda: %v", err)
	}
	if len(ag.Inputs) != len(isms.ReviewInputs) || ag.Since != "2026-01-15" || ag.PreviousRef != first.Ref {
		t.Fatalf("agenda since %q after %q with %d inputs", ag.Since, ag.PreviousRef, len(ag.Inputs))
	}
	for i, o := range isms.ReviewInputs {
		if ag.Inputs[i].Topic != o.Value || ag.Inputs[i].Summary == "" || ag.Inputs[i].Name != isms.InputName(o.Value) {
			t.Errorf("input %d: %+v", i, ag.Inputs[i])
		}
	}
	in := agendaInput(t, ag, isms.InputActions)
	wantContains(t, "input (a)", in.Summary, "3 actions from previous reviews", "1 done", "2 open", "(1 overdue)", "2 open actions are carried forward")
	if len(in.Lines) != 3 || in.Lines[0].Flag != "overdue" || !strings.Contains(in.Lines[0].Text, "ACT-001") || !strings.Contains(in.Lines[0].Text, "Daniel Owner") {
		t.Errorf("input (a) lines %+v: the overdue action first, with its owner", in.Lines)
	}
	if len(ag.CarriedActionIDs) != 2 {
		t.Errorf("carried forward %v, want the 2 open actions", ag.CarriedActionIDs)
	}
	wantContains(t, "input (b)", agendaInput(t, ag, isms.InputIssues).Summary, "1 issue changed since the last review")
	d2 := agendaInput(t, ag, isms.InputMonitoring)
	wantContains(t, "input (d)(2)", d2.Summary, "1 KPI: 0 green, 0 amber, 1 red")
	if len(d2.Lines) != 1 || d2.Lines[0].Flag != "red" || !strings.Contains(d2.Lines[0].Text, "12% (target 5%") || !strings.Contains(d2.Lines[0].Text, "improving") {
		t.Errorf("input (d)(2) lines %+v", d2.Lines)
	}

	_, err = a.Reviews.Agenda("missing")
	wantErr(t, "agenda of a missing review", err, isms.CodeNotFound)
}

// TestAgendaOfTheDemoReview: the demo's planned review carries the first review's open
// actions forward and every input has live data.
func TestAgendaOfTheDemoReview(t *testing.T) {
	a := newPlanApp(t)
	if err := a.batch(func(b *store.Batch) error { return seed.Demo(b, planToday) }); err != nil {
		t.Fatal(err)
	}
	list, err := a.Reviews.List()
	if err != nil {
		t.Fatal(err)
	}
	var planned isms.Review
	for _, r := range list {
		if r.Status == isms.ReviewPlanned {
			planned = r
		}
	}
	if planned.ID == "" {
		t.Fatal("the demo has no planned review")
	}
	ag, err := a.Reviews.Agenda(planned.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := agendaInput(t, ag, isms.InputActions)
	wantContains(t, "demo input (a)", in.Summary, "4 actions from previous reviews", "1 done", "3 open")
	if len(ag.CarriedActionIDs) != 3 {
		t.Errorf("demo carried forward %v", ag.CarriedActionIDs)
	}
	for _, in := range ag.Inputs {
		if in.Summary == "" {
			t.Errorf("demo input %s has no summary", in.Topic)
		}
		t.Logf("%s: %s", in.Name, in.Summary)
		for _, l := range in.Lines {
			t.Logf("    [%s] %s", l.Flag, l.Text)
		}
	}
}
