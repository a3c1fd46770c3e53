package isms

import "strings"

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

// How an approval by senior management was given.
const (
	ApprovedInMeeting  = "meeting"
	ApprovedByDocument = "document"
	ApprovedInApp      = "app"
)

// ApprovalMethods lists how senior management's approval was given.
var ApprovalMethods = Enum{
	{ApprovedInMeeting, "Meeting minute"},
	{ApprovedByDocument, "Signed document"},
	{ApprovedInApp, "In ISMS Desk"},
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
	ApprovalHow  string   `json:"approvalHow"`  // one of ApprovalMethods: how the approval was given
	ApprovalRef  string   `json:"approvalRef"`  // the minute reference or signed document
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
	p.Enum("approvalHow", o.ApprovalHow, ApprovalMethods, true)
	p.MaxLen("approvalRef", o.ApprovalRef, 300)
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

// Approve records senior management's approval of the objective (6.2): the approver must
// hold the Senior Management role (approverRoles are the roles the person holds) and be
// active, the objective must pass the SMART check, and a meeting or document approval
// names its minute or document.
func (o *Objective) Approve(approver *Person, approverRoles []Role, on Date, how, ref string) error {
	p := NewProblems("objective")
	senior := false
	for _, r := range approverRoles {
		senior = senior || strings.EqualFold(strings.TrimSpace(r.Name), RoleSeniorManagement)
	}
	switch {
	case approver == nil:
		p.Add("approvedById", "is required")
	case !approver.Active:
		p.Add("approvedById", "%s has left the organisation", approver.Name)
	case !senior:
		p.Add("approvedById", "%s does not hold the %s role", approver.Name, RoleSeniorManagement)
	}
	p.RequireDate("approvedOn", on)
	p.Enum("approvalHow", how, ApprovalMethods, false)
	if (how == ApprovedInMeeting || how == ApprovedByDocument) && strings.TrimSpace(ref) == "" {
		p.Add("approvalRef", "name the meeting minute or the signed document")
	}
	var missing []string
	for _, c := range o.SMART() {
		if !c.Present {
			missing = append(missing, strings.ToLower(c.Label))
		}
	}
	if len(missing) > 0 {
		p.Add("status", "an objective is approved once it is SMART; it lacks: %s", strings.Join(missing, ", "))
	}
	if o.Status != ObjectiveProposed {
		p.Add("status", "only a proposed objective is approved (this one is %s)", ObjectiveStatuses.Label(o.Status))
	}
	if err := p.Err(); err != nil {
		return err
	}
	next := *o
	next.ApprovedByID, next.ApprovedOn, next.ApprovalHow, next.ApprovalRef = approver.ID, on, how, strings.TrimSpace(ref)
	next.Status = ObjectiveApproved
	if err := next.Validate(); err != nil {
		return err
	}
	*o = next
	return nil
}

// CheckObjectiveChange checks an edit of an objective against its stored state: the
// approval is recorded only through Approve, and an approved objective that stops being
// SMART goes back to proposed, losing its approval.
func CheckObjectiveChange(old, new *Objective) error {
	new.ApprovedByID, new.ApprovedOn, new.ApprovalHow, new.ApprovalRef = old.ApprovedByID, old.ApprovedOn, old.ApprovalHow, old.ApprovalRef
	if old.Status == ObjectiveProposed && new.Status != ObjectiveProposed && new.Status != ObjectiveCancelled {
		return &Error{Code: CodeInvalid, Message: "senior management approves an objective before it moves on",
			Fields: map[string]string{"status": "approve the objective first (Approve)"}}
	}
	if old.ApprovedByID != "" && !new.IsSMART() && new.Status != ObjectiveCancelled {
		new.ApprovedByID, new.ApprovedOn, new.ApprovalHow, new.ApprovalRef = "", "", "", ""
		new.Status = ObjectiveProposed
	}
	return nil
}
