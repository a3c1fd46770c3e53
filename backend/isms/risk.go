package isms

import "strings"

// Risk statuses (clauses 6.1.2, 6.1.3, 8.2, 8.3).
const (
	RiskIdentified = "identified"
	RiskAssessed   = "assessed"
	RiskTreated    = "treated"
	RiskAccepted   = "accepted"
	RiskClosed     = "closed"
)

// RiskStatuses lists a risk's statuses.
var RiskStatuses = Enum{
	{RiskIdentified, "Identified"},
	{RiskAssessed, "Assessed"},
	{RiskTreated, "Treated"},
	{RiskAccepted, "Accepted"},
	{RiskClosed, "Closed"},
}

// Risk treatment options.
const (
	TreatMitigate = "mitigate"
	TreatAccept   = "accept"
	TreatAvoid    = "avoid"
	TreatTransfer = "transfer"
)

// TreatmentOptions lists the risk treatment options.
var TreatmentOptions = Enum{
	{TreatMitigate, "Mitigate"},
	{TreatAccept, "Accept"},
	{TreatAvoid, "Avoid"},
	{TreatTransfer, "Transfer"},
}

// Risk levels, from a score of likelihood times impact.
const (
	LevelLow      = "low"
	LevelMedium   = "medium"
	LevelHigh     = "high"
	LevelCritical = "critical"
)

// RiskLevels lists the risk levels.
var RiskLevels = Enum{
	{LevelLow, "Low"},
	{LevelMedium, "Medium"},
	{LevelHigh, "High"},
	{LevelCritical, "Critical"},
}

// RiskLevel returns the level of a score on the 5x5 matrix: 1-4 low, 5-9 medium,
// 10-16 high, 17-25 critical, and "" for 0 (not assessed).
func RiskLevel(score int) string {
	switch {
	case score <= 0:
		return ""
	case score <= 4:
		return LevelLow
	case score <= 9:
		return LevelMedium
	case score <= 16:
		return LevelHigh
	default:
		return LevelCritical
	}
}

// RiskAcceptance records the risk owner's acceptance of the residual risk.
type RiskAcceptance struct {
	AcceptedByID string `json:"acceptedById"` // the person who accepted (normally the risk owner)
	AcceptedOn   Date   `json:"acceptedOn"`   // when
	Comment      string `json:"comment"`      // conditions or reasons
}

// Risk is an information security risk with its assessment and treatment.
type Risk struct {
	Meta
	Ref                string         `json:"ref"`                // e.g. "R-001"
	Title              string         `json:"title"`              // a short name
	Description        string         `json:"description"`        // the risk scenario
	Asset              string         `json:"asset"`              // the asset or process at risk
	Threat             string         `json:"threat"`             // what could happen
	Vulnerability      string         `json:"vulnerability"`      // the weakness exploited
	Likelihood         int            `json:"likelihood"`         // 1..5
	Impact             int            `json:"impact"`             // 1..5
	OwnerID            string         `json:"ownerId"`            // the risk owner
	Status             string         `json:"status"`             // one of RiskStatuses
	Treatment          string         `json:"treatment"`          // one of TreatmentOptions; required once treated or accepted
	TreatmentPlan      string         `json:"treatmentPlan"`      // how the risk is treated
	ControlIDs         []string       `json:"controlIds"`         // controls that treat it
	ActionIDs          []string       `json:"actionIds"`          // actions of the treatment plan
	ResidualLikelihood int            `json:"residualLikelihood"` // 1..5 after treatment, 0 when not assessed
	ResidualImpact     int            `json:"residualImpact"`     // 1..5 after treatment, 0 when not assessed
	Acceptance         RiskAcceptance `json:"acceptance"`         // the owner's acceptance of the residual risk
	IdentifiedOn       Date           `json:"identifiedOn"`       // when the risk was identified
	ReviewDate         Date           `json:"reviewDate"`         // when it is next reviewed
}

// Kind implements Record.
func (*Risk) Kind() Kind { return KindRisk }

// Score returns likelihood times impact.
func (r *Risk) Score() int { return r.Likelihood * r.Impact }

// ResidualScore returns residual likelihood times residual impact, 0 when not assessed.
func (r *Risk) ResidualScore() int { return r.ResidualLikelihood * r.ResidualImpact }

// Validate implements Record.
func (r *Risk) Validate() error {
	p := NewProblems("risk")
	p.Require("ref", r.Ref)
	p.MaxLen("ref", r.Ref, 64)
	p.Require("title", r.Title)
	p.MaxLen("title", r.Title, 300)
	p.Range("likelihood", r.Likelihood, 1, 5)
	p.Range("impact", r.Impact, 1, 5)
	p.Enum("status", r.Status, RiskStatuses, false)
	p.Enum("treatment", r.Treatment, TreatmentOptions, true)
	p.Date("identifiedOn", r.IdentifiedOn)
	p.Date("reviewDate", r.ReviewDate)
	p.Date("acceptance.acceptedOn", r.Acceptance.AcceptedOn)
	p.IDs("controlIds", r.ControlIDs)
	p.IDs("actionIds", r.ActionIDs)
	if r.ResidualLikelihood != 0 || r.ResidualImpact != 0 {
		p.Range("residualLikelihood", r.ResidualLikelihood, 1, 5)
		p.Range("residualImpact", r.ResidualImpact, 1, 5)
	}
	switch r.Status {
	case RiskTreated, RiskAccepted, RiskClosed:
		if r.Treatment == "" {
			p.Add("treatment", "is required once the risk is %s", RiskStatuses.Label(r.Status))
		}
	}
	if r.Status == RiskTreated && r.Treatment == TreatMitigate && len(r.ControlIDs) == 0 && len(r.ActionIDs) == 0 {
		p.Add("controlIds", "a mitigated risk needs at least one control or action")
	}
	if r.Status == RiskAccepted {
		p.Require("acceptance.acceptedById", r.Acceptance.AcceptedByID)
		p.RequireDate("acceptance.acceptedOn", r.Acceptance.AcceptedOn)
	}
	if r.Acceptance.AcceptedByID != "" && r.Acceptance.AcceptedOn == "" {
		p.Add("acceptance.acceptedOn", "is required when the acceptance is recorded")
	}
	if r.Acceptance.AcceptedOn != "" && r.Acceptance.AcceptedByID == "" {
		p.Add("acceptance.acceptedById", "is required when the acceptance is recorded")
	}
	return p.Err()
}

// Terms implements Record.
func (r *Risk) Terms() Terms {
	return Terms{
		Ref: r.Ref, Title: r.Title, Status: r.Status, Owner: r.OwnerID, Due: r.ReviewDate.Time(),
		Links: concatLinks(
			linksTo("controlIds", KindControl, r.ControlIDs),
			linksTo("actionIds", KindAction, r.ActionIDs),
			linkTo("acceptance.acceptedById", KindPerson, r.Acceptance.AcceptedByID),
		),
	}
}

// Accept records the risk owner's acceptance of the residual risk (6.1.3 f, 8.3) and
// marks the risk accepted. Only the risk owner may accept; a treatment option must be
// chosen; and a residual risk above the method's threshold (the inherent risk when no
// residual is assessed) is accepted only with the owner's reason in the comment.
func (r *Risk) Accept(m RiskMethod, byID string, on Date, comment string) error {
	p := NewProblems("risk")
	switch {
	case r.OwnerID == "":
		p.Add("ownerId", "choose the risk owner first: only the owner can accept the risk")
	case byID != r.OwnerID:
		p.Add("acceptance.acceptedById", "only the risk owner can accept the risk")
	}
	p.RequireDate("acceptance.acceptedOn", on)
	if r.Treatment == "" {
		p.Add("treatment", "choose the treatment option before accepting the risk")
	}
	if r.Status == RiskClosed {
		p.Add("status", "a closed risk cannot be accepted")
	}
	score, what := r.AcceptanceScore(), "residual"
	if r.ResidualScore() == 0 {
		what = "inherent"
	}
	if score > m.Threshold && strings.TrimSpace(comment) == "" {
		p.Add("acceptance.comment", "the %s score %d is above the acceptance threshold %d: give the reason for accepting it", what, score, m.Threshold)
	}
	if err := p.Err(); err != nil {
		return err
	}
	next := *r
	next.Acceptance = RiskAcceptance{AcceptedByID: byID, AcceptedOn: on, Comment: strings.TrimSpace(comment)}
	next.Status = RiskAccepted
	if err := next.Validate(); err != nil {
		return err
	}
	*r = next
	return nil
}

// CheckRiskChange checks an edit of a risk against its stored state: the acceptance is
// recorded only through Accept, so an edit may not set it, change it or mark the risk
// accepted; an edit that changes the assessment or the treatment of an accepted risk
// withdraws the acceptance (the risk goes back to treated or assessed, for the owner to
// accept again).
func CheckRiskChange(old, new *Risk) error {
	p := NewProblems("risk")
	if new.Acceptance != old.Acceptance && new.Acceptance != (RiskAcceptance{}) {
		p.Add("acceptance.acceptedById", "the acceptance is recorded by the risk owner with Accept risk")
	}
	if new.Status == RiskAccepted && old.Status != RiskAccepted {
		p.Add("status", "a risk is marked accepted when its owner accepts it (Accept risk)")
	}
	if err := p.Err(); err != nil {
		return err
	}
	if old.Status == RiskAccepted && new.Status == RiskAccepted {
		reassessed := new.Likelihood != old.Likelihood || new.Impact != old.Impact ||
			new.ResidualLikelihood != old.ResidualLikelihood || new.ResidualImpact != old.ResidualImpact ||
			new.Treatment != old.Treatment || new.OwnerID != old.OwnerID
		if reassessed {
			new.WithdrawAcceptance()
		}
	}
	if new.Status != RiskAccepted && new.Status != RiskClosed {
		new.Acceptance = RiskAcceptance{}
	}
	return nil
}

// WithdrawAcceptance takes back the owner's acceptance of an accepted risk that no longer
// holds: the risk returns to treated (assessed when it is to be accepted as it is, or is
// to be mitigated with nothing to mitigate it yet), for the owner to accept it again.
func (r *Risk) WithdrawAcceptance() {
	if r.Status != RiskAccepted {
		return
	}
	r.Acceptance = RiskAcceptance{}
	r.Status = RiskTreated
	if r.Treatment == TreatAccept || (len(r.ControlIDs) == 0 && len(r.ActionIDs) == 0 && r.Treatment == TreatMitigate) {
		r.Status = RiskAssessed
	}
}

// AcceptanceScore is the score an acceptance is judged by: the residual score once it is
// assessed, the inherent score before.
func (r *Risk) AcceptanceScore() int {
	if s := r.ResidualScore(); s > 0 {
		return s
	}
	return r.Score()
}
