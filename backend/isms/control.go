package isms

import (
	"slices"
	"strconv"
	"strings"
)

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

// Reasons for including a control in the Statement of Applicability (6.1.3 d).
const (
	ReasonRiskTreatment = "risk_treatment"
	ReasonLegal         = "legal"
	ReasonContractual   = "contractual"
	ReasonBusiness      = "business"
	ReasonBestPractice  = "best_practice"
)

// InclusionReasons lists why a control is applicable.
var InclusionReasons = Enum{
	{ReasonRiskTreatment, "Risk treatment"},
	{ReasonLegal, "Legal or regulatory"},
	{ReasonContractual, "Contractual"},
	{ReasonBusiness, "Business requirement"},
	{ReasonBestPractice, "Best practice"},
}

// ISO/IEC 27002:2022 attribute values (27002 4.2): the control type.
var ControlTypes = Enum{
	{"preventive", "Preventive"},
	{"detective", "Detective"},
	{"corrective", "Corrective"},
}

// SecurityProperties lists the information security properties a control preserves.
var SecurityProperties = Enum{
	{"confidentiality", "Confidentiality"},
	{"integrity", "Integrity"},
	{"availability", "Availability"},
}

// CybersecurityConcepts lists the cybersecurity concepts of ISO/IEC TS 27110.
var CybersecurityConcepts = Enum{
	{"identify", "Identify"},
	{"protect", "Protect"},
	{"detect", "Detect"},
	{"respond", "Respond"},
	{"recover", "Recover"},
}

// OperationalCapabilities lists the practitioner's views of information security capabilities.
var OperationalCapabilities = Enum{
	{"governance", "Governance"},
	{"asset_management", "Asset management"},
	{"information_protection", "Information protection"},
	{"human_resource_security", "Human resource security"},
	{"physical_security", "Physical security"},
	{"system_and_network_security", "System and network security"},
	{"application_security", "Application security"},
	{"secure_configuration", "Secure configuration"},
	{"identity_and_access_management", "Identity and access management"},
	{"threat_and_vulnerability_management", "Threat and vulnerability management"},
	{"continuity", "Continuity"},
	{"supplier_relationships_security", "Supplier relationships security"},
	{"legal_and_compliance", "Legal and compliance"},
	{"information_security_event_management", "Information security event management"},
	{"information_security_assurance", "Information security assurance"},
}

// SecurityDomains lists the four information security domains.
var SecurityDomains = Enum{
	{"governance_and_ecosystem", "Governance and Ecosystem"},
	{"protection", "Protection"},
	{"defence", "Defence"},
	{"resilience", "Resilience"},
}

// ControlAttributes are a control's ISO/IEC 27002:2022 attributes, each a set of values
// of its enum (ControlTypes, SecurityProperties, CybersecurityConcepts,
// OperationalCapabilities, SecurityDomains) in the enum's order.
type ControlAttributes struct {
	ControlTypes            []string `json:"controlTypes"`
	SecurityProperties      []string `json:"securityProperties"`
	CybersecurityConcepts   []string `json:"cybersecurityConcepts"`
	OperationalCapabilities []string `json:"operationalCapabilities"`
	SecurityDomains         []string `json:"securityDomains"`
}

// attributeSets pairs each attribute's field name with its values and its enum.
func (a *ControlAttributes) attributeSets() []struct {
	field  string
	values *[]string
	enum   Enum
} {
	return []struct {
		field  string
		values *[]string
		enum   Enum
	}{
		{"controlTypes", &a.ControlTypes, ControlTypes},
		{"securityProperties", &a.SecurityProperties, SecurityProperties},
		{"cybersecurityConcepts", &a.CybersecurityConcepts, CybersecurityConcepts},
		{"operationalCapabilities", &a.OperationalCapabilities, OperationalCapabilities},
		{"securityDomains", &a.SecurityDomains, SecurityDomains},
	}
}

func (a ControlAttributes) empty() bool {
	for _, s := range a.attributeSets() {
		if len(*s.values) > 0 {
			return false
		}
	}
	return true
}

func (a ControlAttributes) equal(b ControlAttributes) bool {
	bs := b.attributeSets()
	for i, s := range a.attributeSets() {
		if !slices.Equal(*s.values, *bs[i].values) {
			return false
		}
	}
	return true
}

func (a ControlAttributes) clone() ControlAttributes {
	for _, s := range a.attributeSets() {
		*s.values = slices.Clone(*s.values)
	}
	return a
}

// check adds a problem for a value outside its attribute's enum or repeated.
func (a *ControlAttributes) check(p *Problems) {
	for _, s := range a.attributeSets() {
		seen := map[string]bool{}
		for _, v := range *s.values {
			switch {
			case !s.enum.Has(v):
				p.Add(s.field, "must be among %v", s.enum.Values())
			case seen[v]:
				p.Add(s.field, "repeats %s", s.enum.Label(v))
			}
			seen[v] = true
		}
	}
}

// ControlTask is one step of a control's implementation plan.
type ControlTask struct {
	Title   string `json:"title"`
	OwnerID string `json:"ownerId"`
	DueDate Date   `json:"dueDate"`
	Done    bool   `json:"done"`
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
	// Reasons say why an applicable control is included (InclusionReasons).
	Reasons []string `json:"reasons"`
	// Tasks are the implementation plan's steps, each with an owner and a due date.
	Tasks []ControlTask `json:"tasks"`
	// ControlAttributes are the control's ISO/IEC 27002:2022 attributes. An Annex A
	// control's are the catalogue's: they are not stored with it but merged when it is
	// read (WithCatalogue); a custom control sets its own.
	ControlAttributes
}

// Attributes returns the control's ISO/IEC 27002:2022 attributes: the catalogue's for an
// Annex A control, whatever the record holds, and its own for a custom control.
func (c *Control) Attributes() ControlAttributes {
	if !c.Custom {
		if cc, ok := LookupControl(c.Ref); ok && cc.Ref == c.Ref {
			return cc.Attributes.clone()
		}
	}
	return c.ControlAttributes.clone()
}

// WithCatalogue returns the control as it is shown and reported: an Annex A control with
// the catalogue's attributes merged in.
func (c Control) WithCatalogue() Control {
	c.ControlAttributes = c.Attributes()
	return c
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
	c.ControlAttributes.check(p)
	if cc, ok := LookupControl(c.Ref); ok && !c.Custom && cc.Ref == c.Ref && !c.ControlAttributes.empty() && !c.ControlAttributes.equal(cc.Attributes) {
		p.Add("controlTypes", "the attributes of an Annex A control are those of ISO/IEC 27002:2022")
	}
	for _, r := range c.Reasons {
		if !InclusionReasons.Has(r) {
			p.Add("reasons", "must be among %v", InclusionReasons.Values())
			break
		}
	}
	for i, t := range c.Tasks {
		f := func(n string) string { return "tasks[" + strconv.Itoa(i) + "]." + n }
		p.Require(f("title"), strings.TrimSpace(t.Title))
		p.MaxLen(f("title"), t.Title, 300)
		p.Date(f("dueDate"), t.DueDate)
	}
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
		Links: concatLinks(linksTo("kpiIds", KindKPI, c.KPIIDs), dedupe(linksTo("tasks.ownerId", KindPerson, taskOwners(c.Tasks)))),
	}
}

func taskOwners(tasks []ControlTask) []string {
	var out []string
	for _, t := range tasks {
		out = append(out, t.OwnerID)
	}
	return out
}

// CheckApplicability checks the Statement of Applicability decision of a control as the
// officer makes it (6.1.3 d): an applicable control gives at least one reason for its
// inclusion and a justification; an excluded one gives the justification for its
// exclusion. Imported decisions are checked by Validate only.
func CheckApplicability(c *Control) error {
	p := NewProblems("control")
	switch c.Applicability {
	case ApplicabilityApplicable:
		if len(c.Reasons) == 0 {
			p.Add("reasons", "choose at least one reason for including the control")
		}
		p.Require("justification", strings.TrimSpace(c.Justification))
	case ApplicabilityNotApplicable:
		p.Require("justification", strings.TrimSpace(c.Justification))
		if len(c.Reasons) > 0 {
			p.Add("reasons", "an excluded control has no reasons for inclusion; explain the exclusion in the justification")
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	return c.Validate()
}

// CheckControlChange checks an edit of a control against its stored state: an Annex A
// control keeps its reference, title, theme and ISO/IEC 27002 attributes (they are the
// standard's; the attributes are left to the catalogue, not stored), and a changed
// applicability decision is checked with CheckApplicability.
func CheckControlChange(old, new *Control) error {
	if !old.Custom {
		if new.Ref != old.Ref || new.Title != old.Title || new.Theme != old.Theme || new.Custom {
			return &Error{Code: CodeInvalid, Message: "the reference, title and theme of an Annex A control are the standard's",
				Fields: map[string]string{"title": "cannot be changed for an Annex A control"}}
		}
		if !new.ControlAttributes.empty() && !new.ControlAttributes.equal(old.Attributes()) {
			return &Error{Code: CodeInvalid, Message: "the attributes of an Annex A control are those of ISO/IEC 27002:2022",
				Fields: map[string]string{"controlTypes": "cannot be changed for an Annex A control"}}
		}
		new.ControlAttributes = ControlAttributes{}
	}
	// Excluding a control sets it not applicable; including it again starts it afresh.
	switch {
	case new.Applicability == ApplicabilityNotApplicable:
		new.Status = ImplNotApplicable
		new.Reasons = nil
	case old.Applicability == ApplicabilityNotApplicable && new.Status == ImplNotApplicable:
		new.Status = ImplNotStarted
	}
	if new.Applicability != old.Applicability || new.Justification != old.Justification || !slices.Equal(new.Reasons, old.Reasons) {
		return CheckApplicability(new)
	}
	return nil
}
