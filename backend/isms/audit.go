package isms

import "strconv"

// Audit statuses (clause 9.2).
const (
	AuditPlanned    = "planned"
	AuditInProgress = "in_progress"
	AuditCompleted  = "completed"
	AuditCancelled  = "cancelled"
)

// AuditStatuses lists an internal audit's statuses.
var AuditStatuses = Enum{
	{AuditPlanned, "Planned"},
	{AuditInProgress, "In progress"},
	{AuditCompleted, "Completed"},
	{AuditCancelled, "Cancelled"},
}

// Checklist results.
const (
	ResultNotChecked  = "not_checked"
	ResultConforming  = "conforming"
	ResultObservation = "observation"
	ResultOpportunity = "opportunity"
	ResultMinorNC     = "minor_nc"
	ResultMajorNC     = "major_nc"
)

// ChecklistResults lists the results of an audit checklist item.
var ChecklistResults = Enum{
	{ResultNotChecked, "Not checked"},
	{ResultConforming, "Conforming"},
	{ResultObservation, "Observation"},
	{ResultOpportunity, "Opportunity for improvement"},
	{ResultMinorNC, "Minor nonconformity"},
	{ResultMajorNC, "Major nonconformity"},
}

// ChecklistItem is one question of an audit checklist.
type ChecklistItem struct {
	Ref      string `json:"ref"`      // the clause ("9.2") or control ("A.5.15") checked
	Question string `json:"question"` // what the auditor asks or looks for
	Result   string `json:"result"`   // one of ChecklistResults
	Evidence string `json:"evidence"` // evidence notes
}

// Audit is an internal audit of the audit programme (clause 9.2).
type Audit struct {
	Meta
	Ref          string          `json:"ref"`          // e.g. "IA-2025-01"
	Title        string          `json:"title"`        // a short name
	Scope        string          `json:"scope"`        // what is audited
	Criteria     string          `json:"criteria"`     // against what, e.g. "ISO/IEC 27001:2022 clauses 4-10, ISMS policies"
	StartDate    Date            `json:"startDate"`    // first day
	EndDate      Date            `json:"endDate"`      // last day
	AuditorID    string          `json:"auditorId"`    // the lead auditor when a person of the organisation
	AuditorName  string          `json:"auditorName"`  // the lead auditor when external
	Independence string          `json:"independence"` // how the auditor's objectivity and impartiality are ensured
	Status       string          `json:"status"`       // one of AuditStatuses
	Checklist    []ChecklistItem `json:"checklist"`    // the checklist with results
	Conclusion   string          `json:"conclusion"`   // the audit's conclusion
}

// Kind implements Record.
func (*Audit) Kind() Kind { return KindAudit }

// Validate implements Record.
func (a *Audit) Validate() error {
	p := NewProblems("audit")
	p.Require("ref", a.Ref)
	p.MaxLen("ref", a.Ref, 64)
	p.Require("title", a.Title)
	p.MaxLen("title", a.Title, 300)
	p.Enum("status", a.Status, AuditStatuses, false)
	p.Date("startDate", a.StartDate)
	p.Date("endDate", a.EndDate)
	p.DateOrder("startDate", a.StartDate, "endDate", a.EndDate)
	if a.AuditorID == "" && a.AuditorName == "" {
		p.Add("auditorId", "name the auditor: a person or an external auditor's name")
	}
	switch a.Status {
	case AuditInProgress:
		p.RequireDate("startDate", a.StartDate)
	case AuditCompleted:
		p.RequireDate("startDate", a.StartDate)
		p.RequireDate("endDate", a.EndDate)
		p.Require("scope", a.Scope)
	}
	for i, c := range a.Checklist {
		f := "checklist[" + strconv.Itoa(i) + "]."
		if c.Ref == "" && c.Question == "" {
			p.Add(f+"question", "is required")
		}
		p.Enum(f+"result", c.Result, ChecklistResults, false)
		if a.Status == AuditCompleted && c.Result == ResultNotChecked {
			p.Add(f+"result", "must be checked before the audit is completed")
		}
	}
	return p.Err()
}

// Terms implements Record.
func (a *Audit) Terms() Terms {
	return Terms{
		Ref: a.Ref, Title: a.Title, Status: a.Status, Owner: a.AuditorID, Due: a.StartDate.Time(),
		Links: linkTo("auditorId", KindPerson, a.AuditorID),
	}
}

// ResultCounts counts the checklist items per result.
func (a *Audit) ResultCounts() map[string]int {
	out := map[string]int{}
	for _, c := range a.Checklist {
		out[c.Result]++
	}
	return out
}

// Finding severities.
const (
	SeverityObservation = "observation"
	SeverityOpportunity = "opportunity"
	SeverityMinor       = "minor"
	SeverityMajor       = "major"
)

// Severities lists an audit finding's severities.
var Severities = Enum{
	{SeverityObservation, "Observation"},
	{SeverityOpportunity, "Opportunity for improvement"},
	{SeverityMinor, "Minor nonconformity"},
	{SeverityMajor, "Major nonconformity"},
}

// IsNonconformity reports whether a finding of the severity is a nonconformity.
func IsNonconformity(severity string) bool {
	return severity == SeverityMinor || severity == SeverityMajor
}

// Finding is an internal audit finding; a minor or major one raises a nonconformity.
type Finding struct {
	Meta
	AuditID         string `json:"auditId"`         // the audit
	Ref             string `json:"ref"`             // e.g. "IA-2025-01-F1"
	Title           string `json:"title"`           // a short name
	Description     string `json:"description"`     // what was found, with evidence
	Severity        string `json:"severity"`        // one of Severities
	Clause          string `json:"clause"`          // the clause or control concerned, e.g. "7.2" or "A.5.15"
	NonconformityID string `json:"nonconformityId"` // the nonconformity it raised, optional
}

// Kind implements Record.
func (*Finding) Kind() Kind { return KindFinding }

// Validate implements Record.
func (f *Finding) Validate() error {
	p := NewProblems("finding")
	p.Require("auditId", f.AuditID)
	p.MaxLen("ref", f.Ref, 64)
	p.Require("title", f.Title)
	p.MaxLen("title", f.Title, 300)
	p.Enum("severity", f.Severity, Severities, false)
	if f.NonconformityID != "" && !IsNonconformity(f.Severity) {
		p.Add("nonconformityId", "only a minor or major finding raises a nonconformity")
	}
	return p.Err()
}

// Terms implements Record.
func (f *Finding) Terms() Terms {
	return Terms{
		Ref: f.Ref, Title: f.Title, Status: f.Severity,
		Links: concatLinks(
			linkTo("auditId", KindAudit, f.AuditID),
			linkTo("nonconformityId", KindNonconformity, f.NonconformityID),
		),
	}
}
