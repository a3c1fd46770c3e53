package isms

import "strings"

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
	p := NewProblems("nonconformity")
	for _, a := range actions {
		if !a.Finished() {
			p.Add("correctiveActionIds", "corrective action %s is not done yet", a.Ref)
		}
	}
	return p.Err()
}
