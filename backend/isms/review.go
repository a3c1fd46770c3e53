package isms

import "strconv"

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
