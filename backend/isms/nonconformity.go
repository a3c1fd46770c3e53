package isms

import (
	"errors"
	"sort"
	"strings"
)

// Nonconformity sources.
const (
	NCSourceAudit    = "audit"
	NCSourceReview   = "review"
	NCSourceIncident = "incident"
	NCSourceFeedback = "feedback"
	NCSourceOther    = "other"
)

// NonconformitySources lists where a nonconformity was detected.
var NonconformitySources = Enum{
	{NCSourceAudit, "Internal audit"},
	{NCSourceReview, "Management review"},
	{NCSourceIncident, "Incident"},
	{NCSourceFeedback, "Feedback"},
	{NCSourceOther, "Other"},
}

// Nonconformity stages of clause 10.2, in order.
const (
	NCOpen                = "open"
	NCCorrection          = "correction"
	NCRootCause           = "root_cause"
	NCCorrectiveAction    = "corrective_action"
	NCEffectivenessReview = "effectiveness_review"
	NCClosed              = "closed"
)

// NonconformityStatuses lists a nonconformity's stages in order.
var NonconformityStatuses = Enum{
	{NCOpen, "Open"},
	{NCCorrection, "Correction"},
	{NCRootCause, "Root cause analysis"},
	{NCCorrectiveAction, "Corrective action"},
	{NCEffectivenessReview, "Effectiveness review"},
	{NCClosed, "Closed"},
}

// Effectiveness verdicts.
const (
	VerdictEffective    = "effective"
	VerdictNotEffective = "not_effective"
)

// Verdicts lists the verdicts of an effectiveness review.
var Verdicts = Enum{
	{VerdictEffective, "Effective"},
	{VerdictNotEffective, "Not effective"},
}

// Effectiveness is the review of whether corrective actions worked (10.2 d).
type Effectiveness struct {
	ReviewedOn Date   `json:"reviewedOn"` // when
	Verdict    string `json:"verdict"`    // one of Verdicts
	ReviewerID string `json:"reviewerId"` // who reviewed
	Comment    string `json:"comment"`    // the evidence considered
}

// Nonconformity is a nonconformity with its correction, root cause, corrective actions and
// effectiveness review (clause 10.2). It cannot be closed until every step is done.
type Nonconformity struct {
	Meta
	Ref                 string        `json:"ref"`                 // e.g. "NC-007"
	Title               string        `json:"title"`               // a short name
	Description         string        `json:"description"`         // what the nonconformity is
	Source              string        `json:"source"`              // one of NonconformitySources
	FindingID           string        `json:"findingId"`           // the audit finding it came from
	ReviewID            string        `json:"reviewId"`            // the management review it came from
	FeedbackID          string        `json:"feedbackId"`          // the feedback it came from
	DetectedOn          Date          `json:"detectedOn"`          // when it was detected
	OwnerID             string        `json:"ownerId"`             // who handles it
	Status              string        `json:"status"`              // one of NonconformityStatuses
	Correction          string        `json:"correction"`          // the immediate correction (10.2 a)
	CorrectionOn        Date          `json:"correctionOn"`        // when it was corrected
	RootCause           string        `json:"rootCause"`           // the cause (10.2 b 2)
	SimilarCheck        string        `json:"similarCheck"`        // whether similar nonconformities exist or could occur (10.2 b 3)
	CorrectiveActionIDs []string      `json:"correctiveActionIds"` // the corrective actions (10.2 c)
	Effectiveness       Effectiveness `json:"effectiveness"`       // the effectiveness review (10.2 d)
	ClosedOn            Date          `json:"closedOn"`            // when it was closed
	DueDate             Date          `json:"dueDate"`             // by when it should be closed
}

// Kind implements Record.
func (*Nonconformity) Kind() Kind { return KindNonconformity }

// ncStage returns the position of a status in the 10.2 order, -1 when unknown.
func ncStage(status string) int {
	for i, o := range NonconformityStatuses {
		if o.Value == status {
			return i
		}
	}
	return -1
}

// MissingSteps returns the JSON names of the fields that must be filled before the
// nonconformity may be at the given status; each stage needs the steps before it.
func (n *Nonconformity) MissingSteps(status string) []string {
	var out []string
	stage := ncStage(status)
	need := func(from int, field string, filled bool) {
		if stage >= from && !filled {
			out = append(out, field)
		}
	}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	need(ncStage(NCRootCause), "correction", !blank(n.Correction))
	need(ncStage(NCRootCause), "correctionOn", n.CorrectionOn != "")
	need(ncStage(NCCorrectiveAction), "rootCause", !blank(n.RootCause))
	need(ncStage(NCCorrectiveAction), "similarCheck", !blank(n.SimilarCheck))
	need(ncStage(NCEffectivenessReview), "correctiveActionIds", len(n.CorrectiveActionIDs) > 0)
	need(ncStage(NCClosed), "effectiveness.reviewedOn", n.Effectiveness.ReviewedOn != "")
	need(ncStage(NCClosed), "effectiveness.reviewerId", !blank(n.Effectiveness.ReviewerID))
	need(ncStage(NCClosed), "effectiveness.verdict", n.Effectiveness.Verdict == VerdictEffective)
	need(ncStage(NCClosed), "closedOn", n.ClosedOn != "")
	return out
}

// Validate implements Record. A nonconformity can only reach a stage when the steps
// before it are filled in; it cannot be closed until every step is done and the
// corrective actions were found effective.
func (n *Nonconformity) Validate() error {
	p := NewProblems("nonconformity")
	p.Require("ref", n.Ref)
	p.MaxLen("ref", n.Ref, 64)
	p.Require("title", n.Title)
	p.MaxLen("title", n.Title, 300)
	p.Enum("source", n.Source, NonconformitySources, false)
	p.Enum("status", n.Status, NonconformityStatuses, false)
	p.Date("detectedOn", n.DetectedOn)
	p.Date("correctionOn", n.CorrectionOn)
	p.Date("closedOn", n.ClosedOn)
	p.Date("dueDate", n.DueDate)
	p.Date("effectiveness.reviewedOn", n.Effectiveness.ReviewedOn)
	p.Enum("effectiveness.verdict", n.Effectiveness.Verdict, Verdicts, true)
	p.IDs("correctiveActionIds", n.CorrectiveActionIDs)
	p.DateOrder("detectedOn", n.DetectedOn, "correctionOn", n.CorrectionOn)
	p.DateOrder("detectedOn", n.DetectedOn, "closedOn", n.ClosedOn)
	if n.Status != NCClosed && n.ClosedOn != "" {
		p.Add("closedOn", "is only set when the nonconformity is closed")
	}
	if NonconformityStatuses.Has(n.Status) {
		for _, f := range n.MissingSteps(n.Status) {
			if f == "effectiveness.verdict" && n.Effectiveness.Verdict == VerdictNotEffective {
				p.Add(f, "must be effective to close; plan further corrective action")
				continue
			}
			p.Add(f, "is required before the nonconformity can be %s", NonconformityStatuses.Label(n.Status))
		}
	}
	return p.Err()
}

// Terms implements Record.
func (n *Nonconformity) Terms() Terms {
	return Terms{
		Ref: n.Ref, Title: n.Title, Status: n.Status, Owner: n.OwnerID, Due: n.DueDate.Time(),
		Links: concatLinks(
			linkTo("findingId", KindFinding, n.FindingID),
			linkTo("reviewId", KindReview, n.ReviewID),
			linkTo("feedbackId", KindFeedback, n.FeedbackID),
			linksTo("correctiveActionIds", KindAction, n.CorrectiveActionIDs),
			linkTo("effectiveness.reviewerId", KindPerson, n.Effectiveness.ReviewerID),
		),
	}
}

// CheckActions checks the nonconformity's corrective actions, read from the store: from
// the effectiveness review on, every corrective action must be done or cancelled.
func (n *Nonconformity) CheckActions(actions []*Action) error {
	if ncStage(n.Status) < ncStage(NCEffectivenessReview) {
		return nil
	}
	var open []string
	for _, a := range actions {
		if !a.Finished() {
			open = append(open, a.Ref)
		}
	}
	p := NewProblems("nonconformity")
	switch len(open) {
	case 0:
	case 1:
		p.Add("correctiveActionIds", "corrective action %s is not done yet", open[0])
	default:
		p.Add("correctiveActionIds", "corrective actions %s are not done yet", strings.Join(open, ", "))
	}
	return p.Err()
}

// NextStatus returns the stage that follows the nonconformity's in the 10.2 order, or ""
// when it is closed (or its status is unknown).
func (n *Nonconformity) NextStatus() string {
	i := ncStage(n.Status)
	if i < 0 || i+1 >= len(NonconformityStatuses) {
		return ""
	}
	return NonconformityStatuses[i+1].Value
}

// StepMissing returns the JSON names of the fields still to fill in before the
// nonconformity can leave its current stage: an owner to start handling it, then the
// correction, the root cause and the check for similar cases, at least one corrective
// action, and the effectiveness review with the verdict "effective". Whether the
// corrective actions are done is CheckActions' part (they are other records).
func (n *Nonconformity) StepMissing() []string { return n.missingToLeave(n.Status) }

// missingToLeave returns the fields to fill in before a nonconformity at stage from can
// move to the next one (the closing date is set by Close and not asked for).
func (n *Nonconformity) missingToLeave(from string) []string {
	var out []string
	if from == NCOpen && strings.TrimSpace(n.OwnerID) == "" {
		out = append(out, "ownerId")
	}
	i := ncStage(from)
	if i < 0 || i+1 >= len(NonconformityStatuses) {
		return out
	}
	for _, f := range n.MissingSteps(NonconformityStatuses[i+1].Value) {
		if f != "closedOn" {
			out = append(out, f)
		}
	}
	return out
}

// stepProblems turns the missing step fields into field messages.
func stepProblems(p *Problems, n *Nonconformity, missing []string) {
	for _, f := range missing {
		switch {
		case f == "correctiveActionIds":
			p.Add(f, "need at least one corrective action")
		case f == "effectiveness.verdict" && n.Effectiveness.Verdict == VerdictNotEffective:
			p.Add(f, "is not effective: step back to corrective action and plan further action")
		case f == "effectiveness.verdict" && n.Effectiveness.Verdict == "":
			p.Add(f, "is required")
		case f == "effectiveness.verdict":
			p.Add(f, "must be effective to close")
		default:
			p.Add(f, "is required")
		}
	}
}

// Advance moves the nonconformity to its next stage of 10.2 once the fields of its current
// stage are filled in; actions are its corrective actions as stored. From the
// effectiveness review it closes the nonconformity on the date today (see Close).
func (n *Nonconformity) Advance(actions []*Action, today Date) error {
	next := n.NextStatus()
	switch next {
	case "":
		if n.Status == NCClosed {
			return &Error{Code: CodeInvalid, Message: "the nonconformity is already closed", Fields: map[string]string{"status": "is closed"}}
		}
		return &Error{Code: CodeInvalid, Message: "the nonconformity has an unknown status", Fields: map[string]string{"status": "is not a 10.2 stage"}}
	case NCClosed:
		return n.Close(actions, today)
	}
	p := NewProblems("nonconformity")
	stepProblems(p, n, n.StepMissing())
	if err := p.Err(); err != nil {
		return gateError(err, next)
	}
	moved := *n
	moved.Status = next
	if err := moved.CheckActions(actions); err != nil {
		return gateError(err, next)
	}
	if err := moved.Validate(); err != nil {
		return err
	}
	*n = moved
	return nil
}

// gateError gives a refused step a message that says where it was going.
func gateError(err error, next string) error {
	var e *Error
	if errors.As(err, &e) {
		where := "not ready for the " + strings.ToLower(NonconformityStatuses.Label(next))
		if next == NCClosed {
			where = "not ready to close"
		}
		return &Error{Code: e.Code, Message: where + ": " + describeFields(e.Fields), Fields: e.Fields}
	}
	return err
}

// ncFieldNames are the names people know the gated fields by.
var ncFieldNames = map[string]string{
	"ownerId": "owner", "correction": "correction", "correctionOn": "correction date", "rootCause": "root cause",
	"similarCheck": "check for similar cases", "correctiveActionIds": "corrective actions",
	"effectiveness.reviewedOn": "review date", "effectiveness.reviewerId": "reviewer", "effectiveness.verdict": "verdict",
	"closedOn": "closing date", "status": "status",
}

// describeFields lists field messages in the 10.2 order as "root cause is required; ...".
func describeFields(fields map[string]string) string {
	order := []string{"status", "ownerId", "correction", "correctionOn", "rootCause", "similarCheck", "correctiveActionIds",
		"effectiveness.reviewedOn", "effectiveness.reviewerId", "effectiveness.verdict", "closedOn"}
	var parts []string
	seen := map[string]bool{}
	for _, f := range order {
		if m, ok := fields[f]; ok {
			parts = append(parts, named(ncFieldNames[f], m))
			seen[f] = true
		}
	}
	var rest []string
	for f, m := range fields {
		if !seen[f] {
			rest = append(rest, named(f, m))
		}
	}
	sort.Strings(rest)
	return strings.Join(append(parts, rest...), "; ")
}

// named puts a field's name before a message that needs it ("is required"), not before
// one that stands on its own ("corrective action ACT-1 is not done yet").
func named(name, msg string) string {
	for _, w := range []string{"is ", "are ", "must ", "need ", "needs "} {
		if strings.HasPrefix(msg, w) {
			return name + " " + msg
		}
	}
	return msg
}

// RecordEffectiveness records the effectiveness review of the corrective actions (10.2 d)
// while the nonconformity is at the effectiveness review; every corrective action must be
// done or cancelled first. A verdict "not effective" is kept and puts the nonconformity
// back to the corrective action step: the caller opens its follow-up action
// (FollowUpAction) in the same transaction.
func (n *Nonconformity) RecordEffectiveness(e Effectiveness, actions []*Action) error {
	if n.Status != NCEffectivenessReview {
		return &Error{Code: CodeInvalid, Message: "the effectiveness review is recorded at the effectiveness review stage; the nonconformity is at " +
			strings.ToLower(NonconformityStatuses.Label(n.Status)), Fields: map[string]string{"status": "is not at the effectiveness review"}}
	}
	e.Comment = strings.TrimSpace(e.Comment)
	p := NewProblems("effectiveness review")
	p.RequireDate("effectiveness.reviewedOn", e.ReviewedOn)
	p.Require("effectiveness.reviewerId", e.ReviewerID)
	p.Enum("effectiveness.verdict", e.Verdict, Verdicts, false)
	p.DateOrder("correctionOn", n.CorrectionOn, "effectiveness.reviewedOn", e.ReviewedOn)
	if err := p.Err(); err != nil {
		return err
	}
	if err := n.CheckActions(actions); err != nil {
		return err
	}
	next := *n
	next.Effectiveness = e
	if e.Verdict == VerdictNotEffective {
		next.Status = NCCorrectiveAction
	}
	if err := next.Validate(); err != nil {
		return err
	}
	*n = next
	return nil
}

// FollowUpDays is how long the follow-up action of an ineffective review has.
const FollowUpDays = 30

// FollowUpAction returns the corrective action that follows up an effectiveness review
// that found the actions not effective: owned by the nonconformity's owner, due
// FollowUpDays after today, open, for this nonconformity. The caller gives it a
// reference, stores it and links it (LinkAction); nil when the verdict is not "not
// effective".
func (n *Nonconformity) FollowUpAction(today Date) *Action {
	e := n.Effectiveness
	if e.Verdict != VerdictNotEffective {
		return nil
	}
	desc := "The effectiveness review of " + string(e.ReviewedOn) + " found the corrective actions not effective."
	if e.Comment != "" {
		desc += " " + e.Comment
	}
	return &Action{
		Title: firstLine("Follow up: "+strings.TrimSpace(n.Title), 300), Description: desc,
		OwnerID: n.OwnerID, DueDate: DateOf(today.Time().AddDate(0, 0, FollowUpDays)), Status: ActionOpen, NonconformityID: n.ID,
	}
}

// NCAgeing is how long a nonconformity has been open and what of it is overdue.
type NCAgeing struct {
	ID       string `json:"id"`       // the nonconformity
	DaysOpen int    `json:"daysOpen"` // from detection to closing, or to today while open; -1 without a detection date
	// StepOverdue names the current step when the nonconformity is past its due date and
	// not closed (every open step is due by then); "" otherwise.
	StepOverdue string `json:"stepOverdue"`
	DaysOverdue int    `json:"daysOverdue"` // days past the due date while not closed
	// OverdueActions are the references of the unfinished corrective actions past their due date.
	OverdueActions []string `json:"overdueActions"`
}

// Ageing returns the nonconformity's age and overdue steps as of today; actions are its
// corrective actions as stored.
func (n *Nonconformity) Ageing(actions []*Action, today Date) NCAgeing {
	out := NCAgeing{ID: n.ID, DaysOpen: -1, OverdueActions: []string{}}
	days := func(from, to Date) int { return int(to.Time().Sub(from.Time()).Hours() / 24) }
	if n.DetectedOn != "" && n.DetectedOn.Valid() {
		end := today
		if n.Status == NCClosed && n.ClosedOn != "" {
			end = n.ClosedOn
		}
		if out.DaysOpen = days(n.DetectedOn, end); out.DaysOpen < 0 {
			out.DaysOpen = 0
		}
	}
	if n.Status != NCClosed && n.DueDate.Valid() && n.DueDate.Before(today) {
		out.StepOverdue = NonconformityStatuses.Label(n.Status)
		out.DaysOverdue = days(n.DueDate, today)
	}
	for _, a := range actions {
		if a.Overdue(today) {
			out.OverdueActions = append(out.OverdueActions, a.Ref)
		}
	}
	return out
}

// Close closes the nonconformity on a date: only from the effectiveness review, with every
// corrective action done or cancelled and the review's verdict "effective".
func (n *Nonconformity) Close(actions []*Action, on Date) error {
	switch n.Status {
	case NCClosed:
		return &Error{Code: CodeInvalid, Message: "the nonconformity is already closed", Fields: map[string]string{"status": "is closed"}}
	case NCEffectivenessReview:
	default:
		return &Error{Code: CodeInvalid, Message: "a nonconformity is closed after its effectiveness review; it is at " +
			strings.ToLower(NonconformityStatuses.Label(n.Status)), Fields: map[string]string{"status": "is not at the effectiveness review"}}
	}
	if on == "" || !on.Valid() {
		return &Error{Code: CodeInvalid, Message: "say when the nonconformity was closed", Fields: map[string]string{"closedOn": "is required"}}
	}
	closed := *n
	closed.Status, closed.ClosedOn = NCClosed, on
	if err := closed.CheckActions(actions); err != nil {
		return gateError(err, NCClosed)
	}
	p := NewProblems("nonconformity")
	stepProblems(p, &closed, closed.missingToLeave(NCEffectivenessReview))
	if err := p.Err(); err != nil {
		return gateError(err, NCClosed)
	}
	if on < closed.Effectiveness.ReviewedOn {
		return &Error{Code: CodeInvalid, Message: "the closing date is before the effectiveness review",
			Fields: map[string]string{"closedOn": "must not be before the effectiveness review (" + string(closed.Effectiveness.ReviewedOn) + ")"}}
	}
	if err := closed.Validate(); err != nil {
		return err
	}
	*n = closed
	return nil
}

// CheckNewAction checks a corrective action about to be added to the nonconformity
// (10.2 c): it has an owner and a due date, it comes from this nonconformity and from no
// review, and the effectiveness review has not begun (step the nonconformity back to
// corrective action first).
func (n *Nonconformity) CheckNewAction(a *Action) error {
	if ncStage(n.Status) >= ncStage(NCEffectivenessReview) {
		return &Error{Code: CodeLocked, Message: "the nonconformity is at " + strings.ToLower(NonconformityStatuses.Label(n.Status)) +
			": step it back to corrective action to add another corrective action", Fields: map[string]string{"correctiveActionIds": "are settled"}}
	}
	p := NewProblems("corrective action")
	p.Require("ownerId", a.OwnerID)
	p.RequireDate("dueDate", a.DueDate)
	if a.ReviewID != "" {
		p.Add("reviewId", "a corrective action comes from its nonconformity, not from a review")
	}
	if a.NonconformityID != "" && a.NonconformityID != n.ID {
		p.Add("nonconformityId", "is another nonconformity")
	}
	return p.Err()
}

// LinkAction adds a stored corrective action to the nonconformity's corrective actions,
// after CheckNewAction.
func (n *Nonconformity) LinkAction(a *Action) error {
	if err := n.CheckNewAction(a); err != nil {
		return err
	}
	if a.ID == "" {
		return Errorf(CodeInvalid, "the corrective action is not stored yet")
	}
	a.NonconformityID = n.ID
	for _, id := range n.CorrectiveActionIDs {
		if id == a.ID {
			return nil
		}
	}
	n.CorrectiveActionIDs = append(n.CorrectiveActionIDs, a.ID)
	return nil
}

// UnlinkAction removes a corrective action from the nonconformity, which is possible only
// before the effectiveness review (later, cancel the action instead).
func (n *Nonconformity) UnlinkAction(actionID string) error {
	if ncStage(n.Status) >= ncStage(NCEffectivenessReview) {
		return &Error{Code: CodeLocked, Message: "the nonconformity " + n.Ref + " is at " + strings.ToLower(NonconformityStatuses.Label(n.Status)) +
			": its corrective actions are kept; cancel the action instead"}
	}
	out := n.CorrectiveActionIDs[:0:0]
	for _, id := range n.CorrectiveActionIDs {
		if id != actionID {
			out = append(out, id)
		}
	}
	n.CorrectiveActionIDs = out
	return nil
}

// CheckNonconformityChange checks an edit of a nonconformity against the stored one. The
// status moves one stage forward at most, and only once the stage it leaves is complete;
// it never moves to closed (Close does that, after the effectiveness review). It may move
// back to an earlier stage to redo the steps from there (a review that found the actions
// not effective sends it back to corrective action). The corrective actions, the
// effectiveness review and the closing date change only through their workflow methods:
// they are kept from old, and the closing date is cleared when the nonconformity reopens.
func CheckNonconformityChange(old, new *Nonconformity) error {
	new.CorrectiveActionIDs, new.Effectiveness, new.ClosedOn = old.CorrectiveActionIDs, old.Effectiveness, old.ClosedOn
	if new.Status == "" {
		new.Status = old.Status
	}
	from, to := ncStage(old.Status), ncStage(new.Status)
	if to < 0 || from < 0 {
		return nil // Validate names the unknown status
	}
	if new.Status != NCClosed {
		new.ClosedOn = ""
	}
	switch {
	case to <= from:
		return nil
	case new.Status == NCClosed:
		return &Error{Code: CodeInvalid, Message: "close the nonconformity with Close, after its effectiveness review found the actions effective",
			Fields: map[string]string{"status": "is set to closed by Close"}}
	case to > from+1:
		return &Error{Code: CodeInvalid, Message: "a nonconformity moves one step at a time: the next step is " +
			strings.ToLower(NonconformityStatuses.Label(NonconformityStatuses[from+1].Value)),
			Fields: map[string]string{"status": "can move on to " + NonconformityStatuses.Label(NonconformityStatuses[from+1].Value) + " only"}}
	}
	p := NewProblems("nonconformity")
	stepProblems(p, new, new.missingToLeave(old.Status))
	if err := p.Err(); err != nil {
		return gateError(err, new.Status)
	}
	return nil
}
