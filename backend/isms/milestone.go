package isms

// Milestone statuses.
const (
	MilestonePlanned    = "planned"
	MilestoneInProgress = "in_progress"
	MilestoneDone       = "done"
)

// MilestoneStatuses lists a milestone's statuses.
var MilestoneStatuses = Enum{
	{MilestonePlanned, "Planned"},
	{MilestoneInProgress, "In progress"},
	{MilestoneDone, "Done"},
}

// MaxProgrammeMonth is the last month a milestone may be planned in.
const MaxProgrammeMonth = 36

// Milestone is a step of the ISMS programme timeline.
type Milestone struct {
	Meta
	Title       string `json:"title"`       // what is to be reached
	Month       int    `json:"month"`       // the programme month, 1 for the first
	Description string `json:"description"` // what it involves
	DueDate     Date   `json:"dueDate"`     // by when
	Status      string `json:"status"`      // one of MilestoneStatuses
	Order       int    `json:"order"`       // position within the timeline
	OwnerID     string `json:"ownerId"`     // who is responsible
	CompletedOn Date   `json:"completedOn"` // when it was reached
}

// Kind implements Record.
func (*Milestone) Kind() Kind { return KindMilestone }

// Validate implements Record.
func (m *Milestone) Validate() error {
	p := NewProblems("milestone")
	p.Require("title", m.Title)
	p.MaxLen("title", m.Title, 300)
	p.Range("month", m.Month, 1, MaxProgrammeMonth)
	p.Enum("status", m.Status, MilestoneStatuses, false)
	p.Date("dueDate", m.DueDate)
	p.Date("completedOn", m.CompletedOn)
	if m.Order < 0 {
		p.Add("order", "must not be negative")
	}
	if m.Status == MilestoneDone {
		p.RequireDate("completedOn", m.CompletedOn)
	}
	return p.Err()
}

// Terms implements Record.
func (m *Milestone) Terms() Terms {
	return Terms{Title: m.Title, Status: m.Status, Owner: m.OwnerID, Due: m.DueDate.Time()}
}

// ProgrammePlan returns the six-month ISMS programme plan a new database starts with,
// each milestone due at the end of its month counted from start.
func ProgrammePlan(start Date) []Milestone {
	steps := []struct{ title, desc string }{
		{"Objective workshop and requirement identification",
			"Hold the objectives workshop with senior management; identify internal and external issues, interested parties and their legal, regulatory and contractual requirements (clauses 4.1, 4.2, 6.2)."},
		{"Policies and control planning",
			"Write and approve the information security policy and topic-specific policies; assess risks and decide the applicability of the Annex A controls with an implementation plan (clauses 5.2, 6.1, Annex A)."},
		{"First training and awareness launch",
			"Run the first security awareness training for all staff and role-specific training; launch the awareness campaign and the communication plan (clauses 7.2, 7.3, 7.4)."},
		{"Monitoring set-up and audit planning",
			"Define KPIs with targets and owners and start measuring; plan the internal audit programme (clauses 9.1, 9.2)."},
		{"First internal audit and management review",
			"Carry out the first internal audit and hold the first management review with all 9.3.2 inputs (clauses 9.2, 9.3)."},
		{"Corrective actions and improvement projects",
			"Correct the nonconformities found, analyse root causes and track corrective actions; start improvement projects (clauses 10.1, 10.2)."},
	}
	out := make([]Milestone, len(steps))
	for i, s := range steps {
		due := Date("")
		if start != "" && start.Valid() {
			// the last day of month i+1 of the programme: the day before the same day i+1 months later
			due = DateOf(start.Time().AddDate(0, i+1, -1))
		}
		out[i] = Milestone{Title: s.title, Month: i + 1, Description: s.desc, DueDate: due,
			Status: MilestonePlanned, Order: i + 1}
	}
	return out
}

// Complete marks the milestone done on the given date, which is not after today ("" skips
// that check).
func (m *Milestone) Complete(on, today Date) error {
	if on == "" || !on.Valid() {
		return &Error{Code: CodeInvalid, Message: "say when the milestone was reached",
			Fields: map[string]string{"completedOn": "is required"}}
	}
	if today != "" && today.Before(on) {
		return &Error{Code: CodeInvalid, Message: "a milestone is marked done once it is reached",
			Fields: map[string]string{"completedOn": "must not be after today (" + string(today) + ")"}}
	}
	next := *m
	next.Status, next.CompletedOn = MilestoneDone, on
	if err := next.Validate(); err != nil {
		return err
	}
	*m = next
	return nil
}

// Reopen takes a done milestone back to in progress and clears its completion date.
func (m *Milestone) Reopen() error {
	if m.Status != MilestoneDone {
		return &Error{Code: CodeInvalid, Message: "only a done milestone can be reopened",
			Fields: map[string]string{"status": "is not done"}}
	}
	m.Status, m.CompletedOn = MilestoneInProgress, ""
	return m.Validate()
}

// Overdue reports whether the milestone's due date has passed while it is not done.
func (m *Milestone) Overdue(today Date) bool {
	return m.Status != MilestoneDone && m.DueDate.Before(today)
}
