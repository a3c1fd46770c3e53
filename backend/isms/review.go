package isms

import (
	"strconv"
	"strings"
)

// Review statuses (clause 9.3).
const (
	ReviewPlanned = "planned"
	ReviewHeld    = "held"
	ReviewClosed  = "closed"
)

// ReviewStatuses lists a management review's statuses.
var ReviewStatuses = Enum{
	{ReviewPlanned, "Planned"},
	{ReviewHeld, "Held"},
	{ReviewClosed, "Closed"},
}

// Management review inputs of clause 9.3.2.
const (
	InputActions         = "a"
	InputIssues          = "b"
	InputParties         = "c"
	InputNonconformities = "d1"
	InputMonitoring      = "d2"
	InputAudits          = "d3"
	InputObjectives      = "d4"
	InputFeedback        = "e"
	InputRisks           = "f"
	InputImprovement     = "g"
)

// ReviewInputs lists the 9.3.2 management review inputs in the standard's order.
var ReviewInputs = Enum{
	{InputActions, "a) Status of actions from previous management reviews"},
	{InputIssues, "b) Changes in external and internal issues relevant to the ISMS"},
	{InputParties, "c) Changes in needs and expectations of interested parties relevant to the ISMS"},
	{InputNonconformities, "d1) Nonconformities and corrective actions"},
	{InputMonitoring, "d2) Monitoring and measurement results"},
	{InputAudits, "d3) Audit results"},
	{InputObjectives, "d4) Fulfilment of information security objectives"},
	{InputFeedback, "e) Feedback from interested parties"},
	{InputRisks, "f) Results of risk assessment and status of risk treatment plan"},
	{InputImprovement, "g) Opportunities for continual improvement"},
}

// Decision categories: the 9.3.3 results of a management review.
const (
	DecisionImprovement = "improvement"
	DecisionChange      = "change"
	DecisionResources   = "resources"
	DecisionOther       = "other"
)

// DecisionCategories lists the kinds of management review decision.
var DecisionCategories = Enum{
	{DecisionImprovement, "Continual improvement opportunity"},
	{DecisionChange, "Change to the ISMS"},
	{DecisionResources, "Resources"},
	{DecisionOther, "Other"},
}

// ReviewInput is one agenda item of a management review, one of the 9.3.2 inputs.
type ReviewInput struct {
	Topic   string `json:"topic"`   // one of ReviewInputs
	Summary string `json:"summary"` // the data presented (often prepared from live records)
	Minutes string `json:"minutes"` // what was discussed
}

// Decision is a decision of a management review (9.3.3).
type Decision struct {
	Text      string   `json:"text"`      // what was decided
	Category  string   `json:"category"`  // one of DecisionCategories, optional
	ActionIDs []string `json:"actionIds"` // the actions that carry it out
}

// Review is a management review meeting (clause 9.3).
type Review struct {
	Meta
	Ref              string        `json:"ref"`              // e.g. "MR-2025-1"
	Title            string        `json:"title"`            // e.g. "Management review Q1 2025"
	Date             Date          `json:"date"`             // when it is or was held
	Status           string        `json:"status"`           // one of ReviewStatuses
	ChairID          string        `json:"chairId"`          // who chairs it
	AttendeeIDs      []string      `json:"attendeeIds"`      // who attends
	Inputs           []ReviewInput `json:"inputs"`           // the agenda, by 9.3.2 input
	Decisions        []Decision    `json:"decisions"`        // decisions and their actions
	Minutes          string        `json:"minutes"`          // general minutes
	PreviousReviewID string        `json:"previousReviewId"` // the review before, whose actions are carried forward
}

// Kind implements Record.
func (*Review) Kind() Kind { return KindReview }

// Validate implements Record.
func (r *Review) Validate() error {
	p := NewProblems("management review")
	p.Require("ref", r.Ref)
	p.MaxLen("ref", r.Ref, 64)
	p.Require("title", r.Title)
	p.MaxLen("title", r.Title, 300)
	p.RequireDate("date", r.Date)
	p.Enum("status", r.Status, ReviewStatuses, false)
	p.IDs("attendeeIds", r.AttendeeIDs)
	if r.Status == ReviewHeld || r.Status == ReviewClosed {
		if len(r.AttendeeIDs) == 0 {
			p.Add("attendeeIds", "a held review needs its attendees")
		}
	}
	seen := map[string]bool{}
	for i, in := range r.Inputs {
		f := "inputs[" + strconv.Itoa(i) + "].topic"
		p.Enum(f, in.Topic, ReviewInputs, false)
		if seen[in.Topic] {
			p.Add(f, "appears twice on the agenda")
		}
		seen[in.Topic] = true
	}
	for i, d := range r.Decisions {
		f := "decisions[" + strconv.Itoa(i) + "]."
		p.Require(f+"text", d.Text)
		p.Enum(f+"category", d.Category, DecisionCategories, true)
		p.IDs(f+"actionIds", d.ActionIDs)
	}
	if r.PreviousReviewID != "" && r.PreviousReviewID == r.ID {
		p.Add("previousReviewId", "cannot be the review itself")
	}
	return p.Err()
}

// Terms implements Record.
func (r *Review) Terms() Terms {
	var actions []string
	for _, d := range r.Decisions {
		actions = append(actions, d.ActionIDs...)
	}
	return Terms{
		Ref: r.Ref, Title: r.Title, Status: r.Status, Owner: r.ChairID, Due: r.Date.Time(),
		Links: concatLinks(
			linkTo("chairId", KindPerson, r.ChairID),
			linksTo("attendeeIds", KindPerson, r.AttendeeIDs),
			dedupe(linksTo("decisions.actionIds", KindAction, actions)),
			linkTo("previousReviewId", KindReview, r.PreviousReviewID),
		),
	}
}

// Input returns the agenda item of a topic, or nil when the agenda lacks it.
func (r *Review) Input(topic string) *ReviewInput {
	for i := range r.Inputs {
		if r.Inputs[i].Topic == topic {
			return &r.Inputs[i]
		}
	}
	return nil
}

// StandardAgenda returns an agenda with every 9.3.2 input, in order, with empty minutes.
func StandardAgenda() []ReviewInput {
	out := make([]ReviewInput, len(ReviewInputs))
	for i, o := range ReviewInputs {
		out[i] = ReviewInput{Topic: o.Value}
	}
	return out
}

// InputName names a 9.3.2 input as the standard numbers it, e.g. "(d)(2) Monitoring and
// measurement results"; an unknown topic is returned as it is.
func InputName(topic string) string {
	label := ReviewInputs.Label(topic)
	if !ReviewInputs.Has(topic) {
		return topic
	}
	text := label
	if i := strings.Index(label, ") "); i >= 0 {
		text = label[i+2:]
	}
	num := "(" + topic[:1] + ")"
	if len(topic) > 1 {
		num += "(" + topic[1:] + ")"
	}
	return num + " " + text
}

// FillAgenda makes the agenda list every 9.3.2 input once, in the standard's order,
// keeping what each item already holds; items of unknown topics stay at the end (Validate
// refuses them).
func (r *Review) FillAgenda() {
	out := make([]ReviewInput, 0, len(ReviewInputs))
	for _, o := range ReviewInputs {
		if in := r.Input(o.Value); in != nil {
			out = append(out, *in)
		} else {
			out = append(out, ReviewInput{Topic: o.Value})
		}
	}
	for _, in := range r.Inputs {
		if !ReviewInputs.Has(in.Topic) {
			out = append(out, in)
		}
	}
	r.Inputs = out
}

// editable refuses changes to a closed review.
func (r *Review) editable(what string) error {
	if r.Status == ReviewClosed {
		return &Error{Code: CodeLocked, Message: "the management review " + r.Ref + " is closed: set it back to held to change its " + what,
			Fields: map[string]string{"status": "is closed"}}
	}
	return nil
}

// holdProblems adds what a review lacks to be held: a chair among the attendees and
// minutes for every 9.3.2 input.
func (r *Review) holdProblems(p *Problems) {
	if strings.TrimSpace(r.ChairID) == "" {
		p.Add("chairId", "is required: a held review has a chair")
	}
	switch {
	case len(r.AttendeeIDs) == 0:
		p.Add("attendeeIds", "are required: a held review records who attended, the chair included")
	case r.ChairID != "" && !attends(r.AttendeeIDs, r.ChairID):
		p.Add("attendeeIds", "must include the chair")
	}
	var missing []string
	for _, o := range ReviewInputs {
		if in := r.Input(o.Value); in == nil || strings.TrimSpace(in.Minutes) == "" {
			missing = append(missing, InputName(o.Value))
		}
	}
	if len(missing) > 0 {
		p.Add("inputs", "need minutes for every 9.3.2 input; none yet for %s", strings.Join(missing, "; "))
	}
}

func attends(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// HoldMissing lists, by field, what the review lacks to be marked held (empty when it can
// be): the chair, attendees including the chair, minutes for every 9.3.2 input.
func (r *Review) HoldMissing() map[string]string {
	p := NewProblems("management review")
	r.holdProblems(p)
	return p.fields
}

// Hold marks a planned review held on a date that is not after today. It needs a chair
// who is among the attendees and minutes for every 9.3.2 input. presented gives, by topic,
// the summary of the live data shown at the meeting: it is kept on each agenda item whose
// summary is still blank, so the record says what was presented.
func (r *Review) Hold(on, today Date, presented map[string]string) error {
	if err := r.editable("status"); err != nil {
		return err
	}
	if r.Status == ReviewHeld {
		return &Error{Code: CodeInvalid, Message: "the management review " + r.Ref + " is already held", Fields: map[string]string{"status": "is held"}}
	}
	if on == "" || !on.Valid() {
		return &Error{Code: CodeInvalid, Message: "say when the management review was held", Fields: map[string]string{"date": "is required"}}
	}
	if today.Before(on) {
		return &Error{Code: CodeInvalid, Message: "a review is marked held on the day of the meeting or later, not before it",
			Fields: map[string]string{"date": "must not be in the future (today is " + string(today) + ")"}}
	}
	next := *r
	next.Inputs = append([]ReviewInput(nil), r.Inputs...)
	next.FillAgenda()
	p := NewProblems("management review")
	next.holdProblems(p)
	if err := p.Err(); err != nil {
		e := err.(*Error)
		e.Message = "the management review " + r.Ref + " cannot be marked held yet"
		return e
	}
	for i := range next.Inputs {
		if in := &next.Inputs[i]; strings.TrimSpace(in.Summary) == "" {
			in.Summary = presented[in.Topic]
		}
	}
	next.Status, next.Date = ReviewHeld, on
	if err := next.Validate(); err != nil {
		return err
	}
	*r = next
	return nil
}

// SaveMinutes records the minutes of agenda items, matched by topic, and the general
// minutes; the agenda is completed to every 9.3.2 input first. A closed review is locked.
func (r *Review) SaveMinutes(items []ReviewInput, general string) error {
	if err := r.editable("minutes"); err != nil {
		return err
	}
	next := *r
	next.Inputs = append([]ReviewInput(nil), r.Inputs...)
	next.FillAgenda()
	p := NewProblems("management review")
	for i, it := range items {
		in := next.Input(it.Topic)
		if in == nil || !ReviewInputs.Has(it.Topic) {
			p.Add("inputs["+strconv.Itoa(i)+"].topic", "must be one of %v", ReviewInputs.Values())
			continue
		}
		in.Minutes = strings.TrimSpace(it.Minutes)
		p.MaxLen("inputs["+strconv.Itoa(i)+"].minutes", in.Minutes, 20000)
	}
	next.Minutes = strings.TrimSpace(general)
	p.MaxLen("minutes", next.Minutes, 20000)
	if err := p.Err(); err != nil {
		return err
	}
	if err := next.Validate(); err != nil {
		return err
	}
	*r = next
	return nil
}

// CheckDecision checks a decision about to be added to the review, with the action that
// carries it out (nil for none), before anything is stored: a text, a known category, and
// for an action a title, an owner and a due date. It links the action to the review.
func (r *Review) CheckDecision(d Decision, a *Action) error {
	if err := r.editable("decisions"); err != nil {
		return err
	}
	p := NewProblems("decision")
	p.Require("text", d.Text)
	p.MaxLen("text", d.Text, 5000)
	p.Enum("category", d.Category, DecisionCategories, true)
	if a != nil {
		p.Require("actionTitle", a.Title)
		p.MaxLen("actionTitle", a.Title, 300)
		p.Require("actionOwnerId", a.OwnerID)
		p.RequireDate("actionDue", a.DueDate)
		if a.NonconformityID != "" {
			p.Add("actionTitle", "a review's action is not a corrective action of a nonconformity")
		}
		a.ReviewID = r.ID
	}
	return p.Err()
}

// AddDecision adds a decision after CheckDecision; a, when given, is the stored action
// that carries it out, linked to the decision.
func (r *Review) AddDecision(d Decision, a *Action) error {
	if err := r.CheckDecision(d, a); err != nil {
		return err
	}
	d.Text = strings.TrimSpace(d.Text)
	d.ActionIDs = nil
	if a != nil {
		if a.ID == "" {
			return Errorf(CodeInvalid, "the action is not stored yet")
		}
		d.ActionIDs = []string{a.ID}
	}
	next := *r
	next.Decisions = append(append([]Decision(nil), r.Decisions...), d)
	if err := next.Validate(); err != nil {
		return err
	}
	*r = next
	return nil
}

// CheckReviewChange checks an edit of a review against the stored one. The agenda, the
// minutes and the decisions change only through SaveMinutes and AddDecision, so the
// stored ones are kept. A review becomes held only with what Hold asks for (its date not
// in the future), closed only once held, and a closed review only goes back to held.
func CheckReviewChange(old, new *Review, today Date) error {
	new.Inputs, new.Decisions, new.Minutes = old.Inputs, old.Decisions, old.Minutes
	if old.Status == ReviewClosed && new.Status == ReviewClosed {
		return old.editable("details")
	}
	switch {
	case new.Status == old.Status:
	case new.Status == ReviewHeld && old.Status == ReviewPlanned:
		p := NewProblems("management review")
		new.holdProblems(p)
		if today.Before(new.Date) {
			p.Add("date", "must not be in the future for a held review (today is %s)", today)
		}
		if err := p.Err(); err != nil {
			e := err.(*Error)
			e.Message = "the management review " + new.Ref + " cannot be marked held yet"
			return e
		}
	case new.Status == ReviewClosed && old.Status != ReviewHeld:
		return &Error{Code: CodeInvalid, Message: "a management review is closed once it has been held",
			Fields: map[string]string{"status": "must be held before closed"}}
	}
	return nil
}
