package isms

// Objective statuses (clause 6.2).
const (
	ObjectiveProposed   = "proposed"
	ObjectiveApproved   = "approved"
	ObjectiveInProgress = "in_progress"
	ObjectiveAchieved   = "achieved"
	ObjectiveMissed     = "missed"
	ObjectiveCancelled  = "cancelled"
)

// ObjectiveStatuses lists an objective's statuses.
var ObjectiveStatuses = Enum{
	{ObjectiveProposed, "Proposed"},
	{ObjectiveApproved, "Approved"},
	{ObjectiveInProgress, "In progress"},
	{ObjectiveAchieved, "Achieved"},
	{ObjectiveMissed, "Missed"},
	{ObjectiveCancelled, "Cancelled"},
}

// Objective is an information security objective aligned to a business goal (clause 6.2).
type Objective struct {
	Meta
	Ref          string   `json:"ref"`          // e.g. "OBJ-01"
	Title        string   `json:"title"`        // a short name
	Statement    string   `json:"statement"`    // the specific statement of what will be achieved
	BusinessGoal string   `json:"businessGoal"` // the business goal it serves
	Measure      string   `json:"measure"`      // how achievement is measured
	Target       float64  `json:"target"`       // the target value of the measure
	Unit         string   `json:"unit"`         // the unit of the target, e.g. "%"
	OwnerID      string   `json:"ownerId"`      // the accountable person
	DueDate      Date     `json:"dueDate"`      // the deadline
	Status       string   `json:"status"`       // one of ObjectiveStatuses
	ApprovedByID string   `json:"approvedById"` // the senior manager who approved it
	ApprovedOn   Date     `json:"approvedOn"`   // when it was approved
	KPIIDs       []string `json:"kpiIds"`       // KPIs whose measurements show progress
	Notes        string   `json:"notes"`        // free text
}

// Kind implements Record.
func (*Objective) Kind() Kind { return KindObjective }

// Validate implements Record.
func (o *Objective) Validate() error {
	p := NewProblems("objective")
	p.Require("ref", o.Ref)
	p.MaxLen("ref", o.Ref, 64)
	p.Require("title", o.Title)
	p.MaxLen("title", o.Title, 300)
	p.MaxLen("unit", o.Unit, 32)
	p.Enum("status", o.Status, ObjectiveStatuses, false)
	p.Date("dueDate", o.DueDate)
	p.Date("approvedOn", o.ApprovedOn)
	p.IDs("kpiIds", o.KPIIDs)
	if (o.ApprovedByID == "") != (o.ApprovedOn == "") {
		if o.ApprovedByID == "" {
			p.Add("approvedById", "is required when the approval date is set")
		} else {
			p.Add("approvedOn", "is required when the approver is set")
		}
	}
	if o.Status != ObjectiveProposed && o.Status != ObjectiveCancelled && ObjectiveStatuses.Has(o.Status) {
		p.Require("approvedById", o.ApprovedByID)
		p.RequireDate("approvedOn", o.ApprovedOn)
	}
	return p.Err()
}

// Terms implements Record.
func (o *Objective) Terms() Terms {
	return Terms{
		Ref: o.Ref, Title: o.Title, Status: o.Status, Owner: o.OwnerID, Due: o.DueDate.Time(),
		Links: concatLinks(
			linksTo("kpiIds", KindKPI, o.KPIIDs),
			linkTo("approvedById", KindPerson, o.ApprovedByID),
		),
	}
}

// SMARTCheck is one element of the SMART completeness check of an objective.
type SMARTCheck struct {
	Field   string `json:"field"`   // the JSON name of the field checked
	Label   string `json:"label"`   // what is checked, for people
	Present bool   `json:"present"` // whether the element is there
}

// SMART returns the SMART completeness check of the objective: a specific statement,
// a measure or KPI, a target with its unit, an owner, a deadline and the business goal.
func (o *Objective) SMART() []SMARTCheck {
	return []SMARTCheck{
		{"statement", "Specific statement", o.Statement != ""},
		{"measure", "Measure or KPI", o.Measure != "" || len(o.KPIIDs) > 0},
		{"target", "Target and unit", o.Target != 0 && o.Unit != ""},
		{"ownerId", "Owner", o.OwnerID != ""},
		{"dueDate", "Deadline", o.DueDate != ""},
		{"businessGoal", "Business goal served", o.BusinessGoal != ""},
	}
}

// IsSMART reports whether every element of the SMART check is present.
func (o *Objective) IsSMART() bool {
	for _, c := range o.SMART() {
		if !c.Present {
			return false
		}
	}
	return true
}
