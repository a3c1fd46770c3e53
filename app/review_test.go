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

	// status held through the form follows the same rule
	up := r
	up.Status = isms.ReviewHeld
	_, err = a.Reviews.Update(up)
	wantErr(t, "update to held", err, isms.CodeInvalid, "attendeeIds", "inputs")
	up.Status = isms.ReviewClosed
	_, err = a.Reviews.Update(up)
	wantErr(t, "update to closed before held", err, isms.CodeInvalid, "status")

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

	// closed: locked until set back to held
	held.Status = isms.ReviewClosed
	closed, err := a.Reviews.Update(held)
	if err != nil {
		t.Fatalf("close: %v", err)
	}
	_, err = a.Reviews.SaveMinutes(closed.ID, closed.Version, allMinutes(), "")
	wantErr(t, "minutes of a closed review", err, isms.CodeLocked)
	_, err = a.Reviews.AddDecision(closed.ID, closed.Version, "Late idea", "", "", "", "")
	wantErr(t, "decision on a closed review", err, isms.CodeLocked)
	closed.Title = "Changed"
	_, err = a.Reviews.Update(closed)
	wantErr(t, "edit of a closed review", err, isms.CodeLocked)
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
	if err := a.update(func(tx *store.Tx) error { return seed.Demo(tx, planToday) }); err != nil {
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
