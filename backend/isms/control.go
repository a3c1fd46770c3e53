package isms

// Control themes of ISO/IEC 27001:2022 Annex A.
const (
	ThemeOrganizational = "organizational"
	ThemePeople         = "people"
	ThemePhysical       = "physical"
	ThemeTechnological  = "technological"
)

// Themes lists the Annex A control themes.
var Themes = Enum{
	{ThemeOrganizational, "Organizational"},
	{ThemePeople, "People"},
	{ThemePhysical, "Physical"},
	{ThemeTechnological, "Technological"},
}

// Applicability decisions of the Statement of Applicability.
const (
	ApplicabilityNotAssessed   = "not_assessed"
	ApplicabilityApplicable    = "applicable"
	ApplicabilityNotApplicable = "not_applicable"
)

// Applicabilities lists a control's applicability decisions.
var Applicabilities = Enum{
	{ApplicabilityNotAssessed, "Not assessed"},
	{ApplicabilityApplicable, "Applicable"},
	{ApplicabilityNotApplicable, "Not applicable"},
}

// Implementation statuses of a control.
const (
	ImplNotStarted    = "not_started"
	ImplPlanned       = "planned"
	ImplInProgress    = "in_progress"
	ImplImplemented   = "implemented"
	ImplNotApplicable = "not_applicable"
)

// ImplementationStatuses lists a control's implementation statuses.
var ImplementationStatuses = Enum{
	{ImplNotStarted, "Not started"},
	{ImplPlanned, "Planned"},
	{ImplInProgress, "In progress"},
	{ImplImplemented, "Implemented"},
	{ImplNotApplicable, "Not applicable"},
}

// Control is an Annex A or custom control: one row of the Statement of Applicability (6.1.3).
type Control struct {
	Meta
	Ref                string   `json:"ref"`                // "A.5.1" for Annex A controls, any other reference for custom ones
	Title              string   `json:"title"`              // the control's title
	Theme              string   `json:"theme"`              // one of Themes; required for Annex A controls
	Custom             bool     `json:"custom"`             // whether the organisation added it
	Description        string   `json:"description"`        // what the control is, mostly for custom controls
	Applicability      string   `json:"applicability"`      // one of Applicabilities
	Justification      string   `json:"justification"`      // why it is included or excluded; required once decided
	Status             string   `json:"status"`             // one of ImplementationStatuses
	OwnerID            string   `json:"ownerId"`            // the control owner
	ImplementationPlan string   `json:"implementationPlan"` // how and when it will be implemented
	Metric             string   `json:"metric"`             // how its performance is measured
	Evidence           string   `json:"evidence"`           // where the evidence of implementation is
	DueDate            Date     `json:"dueDate"`            // when implementation is due
	KPIIDs             []string `json:"kpiIds"`             // KPIs that measure it
	Notes              string   `json:"notes"`              // free text
}

// Kind implements Record.
func (*Control) Kind() Kind { return KindControl }

// Validate implements Record.
func (c *Control) Validate() error {
	p := NewProblems("control")
	p.Require("ref", c.Ref)
	p.MaxLen("ref", c.Ref, 64)
	p.Require("title", c.Title)
	p.MaxLen("title", c.Title, 300)
	p.Enum("theme", c.Theme, Themes, c.Custom)
	p.Enum("applicability", c.Applicability, Applicabilities, false)
	p.Enum("status", c.Status, ImplementationStatuses, false)
	p.Date("dueDate", c.DueDate)
	p.IDs("kpiIds", c.KPIIDs)
	if c.Ref != "" {
		_, inCatalogue := LookupControl(c.Ref)
		switch {
		case !c.Custom && !inCatalogue:
			p.Add("ref", "is not an ISO/IEC 27001:2022 Annex A control; mark the control as custom")
		case !c.Custom && NormalizeControlRef(c.Ref) != c.Ref:
			p.Add("ref", "must be written %s", NormalizeControlRef(c.Ref))
		case c.Custom && inCatalogue:
			p.Add("ref", "is an Annex A reference; custom controls need their own reference")
		}
	}
	switch c.Applicability {
	case ApplicabilityApplicable:
		p.Require("justification", c.Justification)
		if c.Status == ImplNotApplicable {
			p.Add("status", "cannot be Not applicable for an applicable control")
		}
	case ApplicabilityNotApplicable:
		p.Require("justification", c.Justification)
		if c.Status != ImplNotApplicable {
			p.Add("status", "must be Not applicable for an excluded control")
		}
	case ApplicabilityNotAssessed:
		if c.Status == ImplNotApplicable {
			p.Add("status", "cannot be Not applicable before applicability is decided")
		}
	}
	return p.Err()
}

// Terms implements Record.
func (c *Control) Terms() Terms {
	return Terms{
		Ref: c.Ref, Title: c.Title, Status: c.Status, Owner: c.OwnerID, Due: c.DueDate.Time(),
		Links: linksTo("kpiIds", KindKPI, c.KPIIDs),
	}
}
