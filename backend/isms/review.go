package isms

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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
	// Snapshot is what was presented for each 9.3.2 input, frozen when the review was
	// marked held; nil before (and for reviews held before snapshots were kept).
	Snapshot       *ReviewSnapshot  `json:"snapshot"`
	Conclusion     ReviewConclusion `json:"conclusion"`     // the review's conclusion on the ISMS (set by Close)
	SignOff        ReviewSignOff    `json:"signOff"`        // the chair's sign-off (set by Close)
	NextReviewDate Date             `json:"nextReviewDate"` // when the next review is to be held (set by Close)
}

// ReviewConclusion is a management review's conclusion on the continuing suitability,
// adequacy and effectiveness of the ISMS (9.3), each stated in words.
type ReviewConclusion struct {
	Suitability   string `json:"suitability"`   // whether the ISMS still suits the organisation
	Adequacy      string `json:"adequacy"`      // whether it is adequate to its risks and requirements
	Effectiveness string `json:"effectiveness"` // whether it achieves its intended outcomes
}

// ReviewSignOff is the chair's sign-off of a closed management review.
type ReviewSignOff struct {
	ByID string `json:"byId"` // the chair, who holds Senior Management
	On   Date   `json:"on"`   // when it was signed off
	How  string `json:"how"`  // one of ApprovalMethods
	Ref  string `json:"ref"`  // the minute reference or signed document
}

// PresentedLine is one line of a 9.3.2 input as presented at the meeting.
type PresentedLine struct {
	Kind Kind   `json:"kind"` // the record's kind, "" for a line about no one record
	ID   string `json:"id"`
	Text string `json:"text"`
	Flag string `json:"flag"` // "overdue", "red", "amber", "changed", "negative", "high" or ""
}

// PresentedInput is one 9.3.2 input as presented at the meeting: its summary and lines.
type PresentedInput struct {
	Topic   string          `json:"topic"` // one of ReviewInputs
	Name    string          `json:"name"`  // e.g. "(d)(2) Monitoring and measurement results"
	Summary string          `json:"summary"`
	Lines   []PresentedLine `json:"lines"`
	More    int             `json:"more"` // lines left out
}

// ReviewSnapshot freezes the 9.3.2 inputs of a management review as they were presented
// when it was marked held, with the SHA-256 of its content, so that later changes to the
// records do not change what the held review shows or what its pack prints.
type ReviewSnapshot struct {
	TakenOn          Date             `json:"takenOn"` // the day it was taken (marked held)
	Since            Date             `json:"since"`   // the previous review's date, "" for a first review
	Until            Date             `json:"until"`   // the review's date
	Period           string           `json:"period"`
	PreviousReviewID string           `json:"previousReviewId"`
	PreviousRef      string           `json:"previousRef"`
	Inputs           []PresentedInput `json:"inputs"`
	CarriedActionIDs []string         `json:"carriedActionIds"` // open actions of earlier reviews, listed under (a)
	SHA256           string           `json:"sha256"`           // hex SHA-256 of the content above (see Digest)
}

// Digest returns the hex SHA-256 of the snapshot's content, every field but SHA256, in a
// fixed text form (so that an empty and a missing list hash alike).
func (s *ReviewSnapshot) Digest() string {
	var b strings.Builder
	w := func(k string, v any) { fmt.Fprintf(&b, "%s=%q\n", k, fmt.Sprint(v)) }
	w("takenOn", s.TakenOn)
	w("since", s.Since)
	w("until", s.Until)
	w("period", s.Period)
	w("previousReviewId", s.PreviousReviewID)
	w("previousRef", s.PreviousRef)
	for _, in := range s.Inputs {
		w("input.topic", in.Topic)
		w("input.name", in.Name)
		w("input.summary", in.Summary)
		for _, l := range in.Lines {
			w("line.kind", l.Kind)
			w("line.id", l.ID)
			w("line.text", l.Text)
			w("line.flag", l.Flag)
		}
		w("input.more", in.More)
	}
	for _, id := range s.CarriedActionIDs {
		w("carried", id)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// Seal sets the snapshot's SHA-256 from its content.
func (s *ReviewSnapshot) Seal() { s.SHA256 = s.Digest() }

// Intact reports whether the snapshot's content still matches its SHA-256.
func (s *ReviewSnapshot) Intact() bool { return s.SHA256 != "" && s.SHA256 == s.Digest() }

// Input returns the presented input of a topic, or nil.
func (s *ReviewSnapshot) Input(topic string) *PresentedInput {
	for i := range s.Inputs {
		if s.Inputs[i].Topic == topic {
			return &s.Inputs[i]
		}
	}
	return nil
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
	if r.Snapshot != nil && !r.Snapshot.Intact() {
		p.Add("snapshot", "does not match its SHA-256: the inputs as presented were changed")
	}
	p.Date("nextReviewDate", r.NextReviewDate)
	p.Date("signOff.on", r.SignOff.On)
	p.Enum("signOff.how", r.SignOff.How, ApprovalMethods, true)
	if r.Status == ReviewClosed {
		r.closeProblems(p)
	}
	return p.Err()
}

// closeProblems adds what a closed review must state: the chair's sign-off (who, when,
// how), the conclusion on suitability, adequacy and effectiveness, and a next review date
// after its date. Whether the signer holds Senior Management is Close's part.
func (r *Review) closeProblems(p *Problems) {
	s := r.SignOff
	switch {
	case strings.TrimSpace(s.ByID) == "":
		p.Add("signOff.byId", "is required: the chair signs the review off")
	case s.ByID != r.ChairID:
		p.Add("signOff.byId", "must be the chair of the review")
	}
	p.RequireDate("signOff.on", s.On)
	if s.On != "" && s.On.Valid() && r.Date != "" && s.On < r.Date {
		p.Add("signOff.on", "must not be before the review was held (%s)", r.Date)
	}
	p.Enum("signOff.how", s.How, ApprovalMethods, false)
	if (s.How == ApprovedInMeeting || s.How == ApprovedByDocument) && strings.TrimSpace(s.Ref) == "" {
		p.Add("signOff.ref", "name the meeting minute or the signed document")
	}
	p.MaxLen("signOff.ref", s.Ref, 300)
	c := r.Conclusion
	for _, f := range []struct{ name, text, what string }{
		{"conclusion.suitability", c.Suitability, "suitability"},
		{"conclusion.adequacy", c.Adequacy, "adequacy"},
		{"conclusion.effectiveness", c.Effectiveness, "effectiveness"},
	} {
		if strings.TrimSpace(f.text) == "" {
			p.Add(f.name, "is required: state the review's conclusion on the ISMS's continuing %s", f.what)
		}
		p.MaxLen(f.name, f.text, 5000)
	}
	p.RequireDate("nextReviewDate", r.NextReviewDate)
	if r.NextReviewDate != "" && r.NextReviewDate.Valid() && r.NextReviewDate <= r.Date {
		p.Add("nextReviewDate", "must be after the review's date (%s)", r.Date)
	}
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
			linkTo("signOff.byId", KindPerson, r.SignOff.ByID),
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

// editable refuses changes to a closed review: signed off, it is kept as it was closed.
func (r *Review) editable(what string) error {
	if r.Status == ReviewClosed {
		return &Error{Code: CodeLocked, Message: "the management review " + r.Ref + " is closed and signed off: its " + what + " can no longer change",
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
// who is among the attendees and minutes for every 9.3.2 input. snap is what was
// presented for each input, worked out from the records as of the meeting: it is sealed
// with its SHA-256 and kept on the review, and each input's summary is kept on its agenda
// item when that is still blank.
func (r *Review) Hold(on, today Date, snap ReviewSnapshot) error {
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
			if s := snap.Input(in.Topic); s != nil {
				in.Summary = s.Summary
			}
		}
	}
	if snap.TakenOn == "" {
		snap.TakenOn = today
	}
	snap.Seal()
	next.Status, next.Date, next.Snapshot = ReviewHeld, on, &snap
	if err := next.Validate(); err != nil {
		return err
	}
	*r = next
	return nil
}

// CloseMissing lists, by field, what the review lacks to be closed (empty when it can be):
// the chair's sign-off, the conclusion and the next review date. chairRoles are the roles
// the chair holds.
func (r *Review) CloseMissing(chair *Person, chairRoles []Role) map[string]string {
	p := NewProblems("management review")
	r.chairProblems(p, chair, chairRoles)
	r.closeProblems(p)
	return p.fields
}

// chairProblems adds a problem unless the chair is an active person holding Senior
// Management.
func (r *Review) chairProblems(p *Problems, chair *Person, chairRoles []Role) {
	switch {
	case chair == nil || strings.TrimSpace(r.ChairID) == "":
		p.Add("chairId", "is required: the chair signs the review off")
	case !chair.Active:
		p.Add("chairId", "%s has left the organisation: choose another chair", chair.Name)
	case !holdsRole(chairRoles, RoleSeniorManagement):
		p.Add("chairId", "%s does not hold the %s role: the chair of a management review is from senior management", chair.Name, RoleSeniorManagement)
	}
}

// holdsRole reports whether roles include the role named name (case and spaces aside).
func holdsRole(roles []Role, name string) bool {
	for _, r := range roles {
		if strings.EqualFold(strings.TrimSpace(r.Name), name) {
			return true
		}
	}
	return false
}

// Close closes a held review with the chair's sign-off (who: the chair, an active person
// holding Senior Management; when: not before the meeting nor after today; how: a meeting
// minute, a signed document or in ISMS Desk, the first two naming their reference), the
// conclusion on the ISMS's continuing suitability, adequacy and effectiveness, and the date
// of the next review, after this one. A closed review is locked. chair and chairRoles are
// the stored chair and the roles they hold.
func (r *Review) Close(s ReviewSignOff, c ReviewConclusion, nextReview Date, chair *Person, chairRoles []Role, today Date) error {
	switch r.Status {
	case ReviewClosed:
		return &Error{Code: CodeLocked, Message: "the management review " + r.Ref + " is already closed", Fields: map[string]string{"status": "is closed"}}
	case ReviewHeld:
	default:
		return &Error{Code: CodeInvalid, Message: "a management review is closed once it has been held: mark " + r.Ref + " held first",
			Fields: map[string]string{"status": "must be held before closed"}}
	}
	next := *r
	next.SignOff = ReviewSignOff{ByID: strings.TrimSpace(s.ByID), On: s.On, How: strings.TrimSpace(s.How), Ref: strings.TrimSpace(s.Ref)}
	next.Conclusion = ReviewConclusion{Suitability: strings.TrimSpace(c.Suitability), Adequacy: strings.TrimSpace(c.Adequacy),
		Effectiveness: strings.TrimSpace(c.Effectiveness)}
	next.NextReviewDate = nextReview
	next.Status = ReviewClosed
	p := NewProblems("management review")
	next.chairProblems(p, chair, chairRoles)
	p.Date("signOff.on", next.SignOff.On)
	p.Date("nextReviewDate", next.NextReviewDate)
	next.closeProblems(p)
	if next.SignOff.On != "" && next.SignOff.On.Valid() && today.Before(next.SignOff.On) {
		p.Add("signOff.on", "must not be in the future (today is %s)", today)
	}
	if err := p.Err(); err != nil {
		e := err.(*Error)
		e.Message = "the management review " + r.Ref + " cannot be closed yet"
		return e
	}
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

// decisionAt checks that i is a decision of the review.
func (r *Review) decisionAt(i int) error {
	if i < 0 || i >= len(r.Decisions) {
		return &Error{Code: CodeNotFound, Message: "the review " + r.Ref + " has no decision " + strconv.Itoa(i+1) + ": reload it",
			Fields: map[string]string{"decisions": "has no decision " + strconv.Itoa(i+1)}}
	}
	return nil
}

// UpdateDecision changes the text and category of decision i (counted from 0) while the
// review is not closed; its actions stay.
func (r *Review) UpdateDecision(i int, text, category string) error {
	if err := r.editable("decisions"); err != nil {
		return err
	}
	if err := r.decisionAt(i); err != nil {
		return err
	}
	d := Decision{Text: strings.TrimSpace(text), Category: strings.TrimSpace(category)}
	p := NewProblems("decision")
	p.Require("text", d.Text)
	p.MaxLen("text", d.Text, 5000)
	p.Enum("category", d.Category, DecisionCategories, true)
	if err := p.Err(); err != nil {
		return err
	}
	next := *r
	next.Decisions = append([]Decision(nil), r.Decisions...)
	d.ActionIDs = r.Decisions[i].ActionIDs
	next.Decisions[i] = d
	if err := next.Validate(); err != nil {
		return err
	}
	*r = next
	return nil
}

// RemoveDecision removes decision i (counted from 0) while the review is not closed.
// actions are its stored actions: it is refused while one of them is in progress (finish
// or cancel it first); otherwise they are kept as actions of the review, no longer under
// a decision, and the open ones are still carried forward to the next review.
func (r *Review) RemoveDecision(i int, actions []*Action) error {
	if err := r.editable("decisions"); err != nil {
		return err
	}
	if err := r.decisionAt(i); err != nil {
		return err
	}
	var busy []string
	for _, a := range actions {
		if a.Status == ActionInProgress {
			busy = append(busy, a.Ref)
		}
	}
	if len(busy) > 0 {
		return &Error{Code: CodeLocked, Message: "the decision's action " + strings.Join(busy, ", ") + " is in progress: finish or cancel it before removing the decision",
			Fields: map[string]string{"decisions": "has an action in progress"}}
	}
	next := *r
	next.Decisions = append(append([]Decision(nil), r.Decisions[:i]...), r.Decisions[i+1:]...)
	if err := next.Validate(); err != nil {
		return err
	}
	*r = next
	return nil
}

// CheckReviewChange checks an edit of a review's details against the stored one. The
// agenda, minutes, decisions, snapshot, conclusion, sign-off and next review date change
// only through their workflow methods, so the stored ones are kept. The status changes
// only through Hold and Close; a held review keeps the date it was held on; a closed
// review is locked.
func CheckReviewChange(old, new *Review) error {
	new.Inputs, new.Decisions, new.Minutes, new.Snapshot = old.Inputs, old.Decisions, old.Minutes, old.Snapshot
	new.Conclusion, new.SignOff, new.NextReviewDate = old.Conclusion, old.SignOff, old.NextReviewDate
	if err := old.editable("details"); err != nil {
		return err
	}
	if new.Status == "" {
		new.Status = old.Status
	}
	switch {
	case new.Status == old.Status:
	case new.Status == ReviewHeld:
		return &Error{Code: CodeInvalid, Message: "mark the review held with Mark held on its page: that freezes the inputs as presented",
			Fields: map[string]string{"status": "is set to held by Mark held"}}
	case new.Status == ReviewClosed:
		return &Error{Code: CodeInvalid, Message: "close the review with Close on its page, with the chair's sign-off, its conclusion and the next review date",
			Fields: map[string]string{"status": "is set to closed by Close"}}
	default:
		return &Error{Code: CodeInvalid, Message: "a held review stays held: its inputs were frozen when it was marked held",
			Fields: map[string]string{"status": "cannot go back to planned"}}
	}
	if old.Status == ReviewHeld && new.Date != old.Date {
		return &Error{Code: CodeInvalid, Message: "the review was held on " + string(old.Date) + ": that date stays",
			Fields: map[string]string{"date": "is the date it was held on"}}
	}
	return nil
}
