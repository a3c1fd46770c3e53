package isms

// Requirement source types (clause 4.2: interested parties' requirements).
const (
	SourceLegal       = "legal"
	SourceRegulatory  = "regulatory"
	SourceContractual = "contractual"
	SourceBusiness    = "business"
)

// RequirementSources lists the kinds of source a requirement comes from.
var RequirementSources = Enum{
	{SourceLegal, "Legal"},
	{SourceRegulatory, "Regulatory"},
	{SourceContractual, "Contractual"},
	{SourceBusiness, "Business"},
}

// Compliance statuses of a requirement.
const (
	ComplianceNotAssessed   = "not_assessed"
	ComplianceCompliant     = "compliant"
	CompliancePartial       = "partial"
	ComplianceNonCompliant  = "non_compliant"
	ComplianceNotApplicable = "not_applicable"
)

// ComplianceStatuses lists a requirement's compliance statuses.
var ComplianceStatuses = Enum{
	{ComplianceNotAssessed, "Not assessed"},
	{ComplianceCompliant, "Compliant"},
	{CompliancePartial, "Partially compliant"},
	{ComplianceNonCompliant, "Non-compliant"},
	{ComplianceNotApplicable, "Not applicable"},
}

// Requirement is a legal, regulatory, contractual or business requirement (clauses 4.1, 4.2).
type Requirement struct {
	Meta
	Ref        string   `json:"ref"`        // the requirement's reference, e.g. "GDPR Art. 32"
	Title      string   `json:"title"`      // a short name
	Text       string   `json:"text"`       // the requirement's text, multi-line
	SourceType string   `json:"sourceType"` // one of RequirementSources
	Source     string   `json:"source"`     // the law, contract or party it comes from
	OwnerID    string   `json:"ownerId"`    // the responsible person
	Applicable bool     `json:"applicable"` // whether it applies to the organisation
	Status     string   `json:"status"`     // one of ComplianceStatuses
	Evidence   string   `json:"evidence"`   // where the evidence of compliance is
	DueDate    Date     `json:"dueDate"`    // when compliance is due or next reviewed
	Notes      string   `json:"notes"`      // free text
	ControlIDs []string `json:"controlIds"` // controls that cover it
	PolicyIDs  []string `json:"policyIds"`  // policies that cover it
}

// Kind implements Record.
func (*Requirement) Kind() Kind { return KindRequirement }

// Validate implements Record.
func (r *Requirement) Validate() error {
	p := NewProblems("requirement")
	p.Require("ref", r.Ref)
	p.MaxLen("ref", r.Ref, 64)
	p.Require("title", r.Title)
	p.MaxLen("title", r.Title, 300)
	p.Enum("sourceType", r.SourceType, RequirementSources, false)
	p.Enum("status", r.Status, ComplianceStatuses, false)
	p.Date("dueDate", r.DueDate)
	if !r.Applicable && r.Status != ComplianceNotApplicable && r.Status != ComplianceNotAssessed {
		p.Add("status", "must be Not applicable or Not assessed when the requirement does not apply")
	}
	return p.Err()
}

// Terms implements Record.
func (r *Requirement) Terms() Terms {
	return Terms{
		Ref: r.Ref, Title: r.Title, Status: r.Status, Owner: r.OwnerID, Due: r.DueDate.Time(),
		Links: concatLinks(
			linksTo("controlIds", KindControl, r.ControlIDs),
			linksTo("policyIds", KindPolicy, r.PolicyIDs),
		),
	}
}
