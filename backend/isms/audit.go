package isms

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Audit statuses (clause 9.2): planned, in progress, reported, closed, or cancelled. A
// reported audit keeps the stored value "completed".
const (
	AuditPlanned    = "planned"
	AuditInProgress = "in_progress"
	AuditCompleted  = "completed" // reported: its report states the conclusion
	AuditClosed     = "closed"
	AuditCancelled  = "cancelled"
)

// AuditStatuses lists an internal audit's statuses.
var AuditStatuses = Enum{
	{AuditPlanned, "Planned"},
	{AuditInProgress, "In progress"},
	{AuditCompleted, "Reported"},
	{AuditClosed, "Closed"},
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
	ResultNotSampled  = "not_sampled"
)

// ChecklistResults lists the results of an audit checklist item.
var ChecklistResults = Enum{
	{ResultNotChecked, "Not checked"},
	{ResultConforming, "Conforming"},
	{ResultObservation, "Observation"},
	{ResultOpportunity, "Opportunity for improvement"},
	{ResultMinorNC, "Minor nonconformity"},
	{ResultMajorNC, "Major nonconformity"},
	{ResultNotSampled, "Not sampled"},
}

// AuditMethods lists how an audit gathers its evidence (ISO 19011).
var AuditMethods = Enum{
	{"interviews", "Interviews"},
	{"document_review", "Document review"},
	{"observation", "Observation of activities"},
	{"sampling", "Sampling of records"},
	{"technical_testing", "Technical testing"},
	{"site_visit", "Site visit"},
}

// ChecklistItem is one question of an audit checklist.
type ChecklistItem struct {
	Ref      string `json:"ref"`      // the clause ("9.2") or control ("A.5.15") checked; blank or other text for the officer's own question
	Title    string `json:"title"`    // the clause's or control's title from the standard, set from Ref
	Question string `json:"question"` // what the auditor asks or looks for
	Result   string `json:"result"`   // one of ChecklistResults
	Evidence string `json:"evidence"` // evidence notes; for "not sampled", the reason
}

// Audit is an internal audit of the audit programme (clause 9.2).
type Audit struct {
	Meta
	Ref          string          `json:"ref"`          // e.g. "IA-2025-01"
	Title        string          `json:"title"`        // a short name
	Scope        string          `json:"scope"`        // what is audited
	Objectives   string          `json:"objectives"`   // what the audit is to find out
	Criteria     string          `json:"criteria"`     // against what, e.g. "ISO/IEC 27001:2022 clauses 4-10, ISMS policies"
	Methods      []string        `json:"methods"`      // how evidence is gathered, of AuditMethods
	StartDate    Date            `json:"startDate"`    // first day
	EndDate      Date            `json:"endDate"`      // last day
	AuditorID    string          `json:"auditorId"`    // the lead auditor when a person of the organisation
	AuditorName  string          `json:"auditorName"`  // the lead auditor when external
	AuditeeIDs   []string        `json:"auditeeIds"`   // the people audited
	Independence string          `json:"independence"` // how the auditor's objectivity and impartiality are ensured
	Status       string          `json:"status"`       // one of AuditStatuses
	Checklist    []ChecklistItem `json:"checklist"`    // the checklist with results
	Conclusion   string          `json:"conclusion"`   // the audit's conclusion, stated in its report
	ReportDate   Date            `json:"reportDate"`   // when the audit was reported
	ClosedByID   string          `json:"closedById"`   // who closed it
	ClosedOn     Date            `json:"closedOn"`     // when it was closed

	// Stated in the report too (blank on audits recorded before they were asked for):
	PositivePractices string `json:"positivePractices,omitempty"` // the good practice the audit found
	Distribution      string `json:"distribution,omitempty"`      // who receives the report, e.g. "Top management; the auditees"
}

// Kind implements Record.
func (*Audit) Kind() Kind { return KindAudit }

// reported reports whether an audit of the status has been reported (reported or closed).
func reported(status string) bool { return status == AuditCompleted || status == AuditClosed }

// Validate implements Record.
func (a *Audit) Validate() error {
	p := NewProblems("audit")
	p.Require("ref", a.Ref)
	p.MaxLen("ref", a.Ref, 64)
	p.Require("title", a.Title)
	p.MaxLen("title", a.Title, 300)
	p.Enum("status", a.Status, AuditStatuses, false)
	p.MaxLen("positivePractices", a.PositivePractices, 5000)
	p.MaxLen("distribution", a.Distribution, 2000)
	for _, m := range a.Methods {
		p.Enum("methods", m, AuditMethods, false)
	}
	p.IDs("methods", a.Methods)
	p.IDs("auditeeIds", a.AuditeeIDs)
	if a.AuditorID != "" && slices.Contains(a.AuditeeIDs, a.AuditorID) {
		p.Add("auditeeIds", "must not include the auditor: auditors do not audit their own work")
	}
	p.Date("startDate", a.StartDate)
	p.Date("endDate", a.EndDate)
	p.Date("reportDate", a.ReportDate)
	p.Date("closedOn", a.ClosedOn)
	p.DateOrder("startDate", a.StartDate, "endDate", a.EndDate)
	p.DateOrder("startDate", a.StartDate, "reportDate", a.ReportDate)
	p.DateOrder("reportDate", a.ReportDate, "closedOn", a.ClosedOn)
	if a.AuditorID == "" && a.AuditorName == "" {
		p.Add("auditorId", "name the auditor: a person or an external auditor's name")
	}
	switch a.Status {
	case AuditInProgress:
		p.RequireDate("startDate", a.StartDate)
	case AuditCompleted, AuditClosed:
		p.RequireDate("startDate", a.StartDate)
		p.RequireDate("endDate", a.EndDate)
		p.Require("scope", a.Scope)
	}
	if a.Status == AuditClosed {
		p.Require("closedById", a.ClosedByID)
		p.RequireDate("closedOn", a.ClosedOn)
	}
	for i, c := range a.Checklist {
		f := "checklist[" + strconv.Itoa(i) + "]."
		if c.Ref == "" && c.Question == "" {
			p.Add(f+"question", "is required")
		}
		p.Enum(f+"result", c.Result, ChecklistResults, false)
		if reported(a.Status) && c.Result == ResultNotChecked {
			p.Add(f+"result", "must be assessed before the audit is reported")
		}
		if c.Result == ResultNotSampled && strings.TrimSpace(c.Evidence) == "" {
			p.Add(f+"evidence", "give the reason why it was not sampled")
		}
	}
	return p.Err()
}

// Terms implements Record.
func (a *Audit) Terms() Terms {
	return Terms{
		Ref: a.Ref, Title: a.Title, Status: a.Status, Owner: a.AuditorID, Due: a.StartDate.Time(),
		Links: concatLinks(
			linkTo("auditorId", KindPerson, a.AuditorID),
			linksTo("auditeeIds", KindPerson, a.AuditeeIDs),
			linkTo("closedById", KindPerson, a.ClosedByID),
		),
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

// The workflow of an internal audit (9.2): planned, started, its checklist answered and a
// finding recorded for every nonconformity found, reported with a conclusion, and closed
// once every nonconformity found has been raised (10.2). An audit is cancelled before it
// is reported. The rules below are called by the bound AuditService and FindingService.

// ItemRef writes a checklist or finding reference the standard's way: a clause as "7.2"
// (a leading "clause" dropped), an Annex A control as "A.5.15" (also from "A 5.15",
// "Annex A 5.15" or "control 5.15"); other text is trimmed. A bare "7.2" is a clause,
// never control A.7.2.
func ItemRef(ref string) string {
	s := strings.TrimSpace(ref)
	if s == "" {
		return ""
	}
	if c, ok := LookupClause(s); ok {
		return c.Ref
	}
	if rest, ok := cutWord(s, "control"); ok {
		if c, ok := LookupControl(rest); ok {
			return c.Ref
		}
	}
	if strings.HasPrefix(strings.ToUpper(s), "A") {
		if c, ok := LookupControl(s); ok {
			return c.Ref
		}
	}
	return s
}

// cutWord cuts a leading word (case-insensitive, "s" allowed) and the spaces after it.
func cutWord(s, word string) (string, bool) {
	if len(s) < len(word) || !strings.EqualFold(s[:len(word)], word) {
		return s, false
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(s[len(word):], "s"), "S")
	if rest == "" || rest[0] != ' ' {
		return s, false
	}
	return strings.TrimSpace(rest), true
}

// ItemTitle is the standard's title of a checklist item's clause or control ("7.2" is
// "Competence", "A.7.2" "Physical entry"); "" for the officer's own questions.
func ItemTitle(ref string) string {
	r := ItemRef(ref)
	if c, ok := LookupClause(r); ok {
		return c.Title
	}
	if strings.HasPrefix(r, "A.") {
		if c, ok := LookupControl(r); ok {
			return c.Title
		}
	}
	return ""
}

// itemName names a checklist item in a message: "item 3 (A.5.15 Access control)".
func itemName(i int, c ChecklistItem) string {
	name := "item " + strconv.Itoa(i+1)
	label := strings.TrimSpace(c.Ref + " " + ItemTitle(c.Ref))
	if label == "" {
		label = "“" + firstLine(c.Question, 40) + "”"
	}
	if label == "“”" {
		return name
	}
	return name + " (" + label + ")"
}

// isNCResult reports whether a checklist result is a nonconformity.
func isNCResult(result string) bool { return result == ResultMinorNC || result == ResultMajorNC }

// auditRefusal is a refused audit step with one field message.
func auditRefusal(code Code, field, fieldMsg, msg string) error {
	return &Error{Code: code, Message: msg, Fields: map[string]string{field: fieldMsg}}
}

// statusWord is an audit's status in a sentence: "reported".
func (a *Audit) statusWord() string { return strings.ToLower(AuditStatuses.Label(a.Status)) }

// CheckAuditChange checks an edit of an audit against the stored one (old is a blank
// planned audit for a new one). The checklist changes only through SetChecklist, who
// closed it and when only through Close, so they are kept from old; the report date is
// kept too unless the audit is reported. The status moves only through the steps (Start,
// Complete, Close, Cancel, Reopen); an edit that changes it is refused. A reported or
// closed audit keeps a conclusion.
func CheckAuditChange(old, new *Audit) error {
	new.Checklist = old.Checklist
	new.ClosedByID, new.ClosedOn = old.ClosedByID, old.ClosedOn
	if new.Status == "" {
		new.Status = old.Status
	}
	if !reported(old.Status) || new.ReportDate == "" {
		new.ReportDate = old.ReportDate
	}
	if new.Status != old.Status {
		step := map[string]string{
			AuditInProgress: "Start (or Reopen, for a reported audit)", AuditCompleted: "Report", AuditClosed: "Close",
			AuditCancelled: "Cancel", AuditPlanned: "Reopen (for a cancelled audit)",
		}[new.Status]
		if step == "" {
			step = "its steps"
		}
		return auditRefusal(CodeInvalid, "status", "is set by "+step,
			"the status of an audit moves with its steps, on its page: use "+step)
	}
	if reported(new.Status) && strings.TrimSpace(new.Conclusion) == "" {
		return auditRefusal(CodeInvalid, "conclusion", "is required: the report states the audit's conclusion",
			"the audit is "+new.statusWord()+": its report states a conclusion")
	}
	return nil
}

// independence refuses a step while the auditor owns what the audit covers and the audit
// does not say how objectivity and impartiality are ensured (9.2.2 c).
func (a *Audit) independence(conflicts []string) error {
	if len(conflicts) == 0 || strings.TrimSpace(a.Independence) != "" {
		return nil
	}
	return auditRefusal(CodeInvalid, "independence", "is required: the auditor owns what the audit covers",
		"the auditor owns what the audit covers ("+strings.Join(conflicts, "; ")+
			"): choose another auditor, or say in the independence note how objectivity and impartiality are ensured")
}

// Start begins a planned audit: its status becomes in progress and its start date today,
// unless an earlier start date was recorded (a planned end date before the start is
// cleared). conflicts are the auditor's conflicts of interest (Conflicts): with any, the
// independence note must say how objectivity is ensured.
func (a *Audit) Start(conflicts []string, today Date) error {
	if a.Status != AuditPlanned {
		return auditRefusal(CodeInvalid, "status", "is not planned",
			"only a planned audit is started; this one is "+a.statusWord())
	}
	if err := a.independence(conflicts); err != nil {
		return err
	}
	next := *a
	next.Status = AuditInProgress
	if next.StartDate == "" || next.StartDate > today {
		next.StartDate = today
	}
	if next.EndDate != "" && next.EndDate < next.StartDate {
		next.EndDate = ""
	}
	if err := next.Validate(); err != nil {
		return err
	}
	*a = next
	return nil
}

// Complete reports an audit in progress (its status becomes reported, stored as
// "completed"): it needs a scope, a checklist with every item assessed (a result other
// than not checked; "not sampled" with its reason), for each item found a minor or major
// nonconformity a finding of the audit that is a nonconformity and names the item's clause
// or control, and a conclusion (conclusion, when not blank, replaces the one recorded).
// findings are the audit's findings as stored; conflicts as for Start. The report date
// becomes today, and the end date too unless an earlier one was recorded.
func (a *Audit) Complete(findings []*Finding, conflicts []string, conclusion string, today Date) error {
	if a.Status != AuditInProgress {
		return auditRefusal(CodeInvalid, "status", "is not in progress",
			"only an audit in progress is reported; this one is "+a.statusWord())
	}
	if len(a.Checklist) == 0 {
		return auditRefusal(CodeInvalid, "checklist", "is empty",
			"an audit is reported with its checklist: record the questions asked and their results first")
	}
	if c := strings.TrimSpace(conclusion); c != "" {
		a.Conclusion = c
	}
	covered := map[string]bool{}
	for _, f := range findings {
		if f.AuditID == a.ID && IsNonconformity(f.Severity) {
			covered[ItemRef(f.Clause)] = true
		}
	}
	p := NewProblems("audit")
	var open, missing, reasons []string
	for i, c := range a.Checklist {
		field := "checklist[" + strconv.Itoa(i) + "]."
		name := itemName(i, c)
		switch {
		case c.Result == "" || c.Result == ResultNotChecked:
			p.Add(field+"result", "is not assessed yet")
			open = append(open, name)
		case c.Result == ResultNotSampled && strings.TrimSpace(c.Evidence) == "":
			p.Add(field+"evidence", "give the reason why it was not sampled")
			reasons = append(reasons, name)
		case isNCResult(c.Result) && ItemRef(c.Ref) == "":
			p.Add(field+"ref", "name the clause or control of this nonconformity so that its finding can refer to it")
			missing = append(missing, name)
		case isNCResult(c.Result) && !covered[ItemRef(c.Ref)]:
			p.Add(field+"result", "is a %s without a finding: record a minor or major finding at %s", strings.ToLower(ChecklistResults.Label(c.Result)), ItemRef(c.Ref))
			missing = append(missing, name)
		}
	}
	noConclusion := strings.TrimSpace(a.Conclusion) == ""
	if noConclusion {
		p.Add("conclusion", "is required: the report states the audit's conclusion")
	}
	if err := p.Err(); err != nil {
		var parts []string
		if len(open) > 0 {
			parts = append(parts, "not assessed yet: "+strings.Join(open, ", "))
		}
		if len(reasons) > 0 {
			parts = append(parts, "not sampled without a reason: "+strings.Join(reasons, ", "))
		}
		if len(missing) > 0 {
			parts = append(parts, "nonconformities without a finding: "+strings.Join(missing, ", "))
		}
		if noConclusion {
			parts = append(parts, "no conclusion yet: state it in the conclusion")
		}
		e := err.(*Error)
		return &Error{Code: CodeInvalid, Message: "the audit cannot be reported yet; " + strings.Join(parts, "; "), Fields: e.Fields}
	}
	if err := a.independence(conflicts); err != nil {
		return err
	}
	next := *a
	next.Status = AuditCompleted
	if next.EndDate == "" || next.EndDate > today {
		next.EndDate = today
	}
	next.ReportDate = today
	if err := next.Validate(); err != nil {
		return err
	}
	*a = next
	return nil
}

// Close closes a reported audit: every finding of it that is a minor or major
// nonconformity has raised its nonconformity (the refusal names those that have not).
// closedByID is who closes it (the caller checks it is an active person); the closing
// date is today.
func (a *Audit) Close(findings []*Finding, closedByID string, today Date) error {
	if a.Status != AuditCompleted {
		return auditRefusal(CodeInvalid, "status", "is not reported",
			"only a reported audit is closed; this one is "+a.statusWord())
	}
	if strings.TrimSpace(closedByID) == "" {
		return auditRefusal(CodeInvalid, "closedById", "is required", "say who closes the audit")
	}
	var missing []string
	for _, f := range findings {
		if f.AuditID == a.ID && IsNonconformity(f.Severity) && f.NonconformityID == "" {
			missing = append(missing, strings.TrimSpace(f.Ref+" "+f.Title))
		}
	}
	if len(missing) > 0 {
		word := "finding"
		if len(missing) > 1 {
			word = "findings"
		}
		return auditRefusal(CodeInvalid, "findings", "raise the nonconformity",
			"the audit cannot be closed yet: raise the nonconformity of the "+word+" "+strings.Join(missing, ", ")+" first")
	}
	next := *a
	next.Status = AuditClosed
	next.ClosedByID, next.ClosedOn = strings.TrimSpace(closedByID), today
	if next.ReportDate == "" { // reported before report dates were recorded
		next.ReportDate = next.EndDate
	}
	if err := next.Validate(); err != nil {
		return err
	}
	*a = next
	return nil
}

// Cancel cancels a planned audit or one in progress that has no findings (an audit that
// found something is reported).
func (a *Audit) Cancel(findings []*Finding) error {
	if a.Status != AuditPlanned && a.Status != AuditInProgress {
		return auditRefusal(CodeInvalid, "status", "is "+a.statusWord(),
			"only a planned audit or one in progress is cancelled; this one is "+a.statusWord())
	}
	n := 0
	for _, f := range findings {
		if f.AuditID == a.ID {
			n++
		}
	}
	if n > 0 {
		what := "a finding"
		if n > 1 {
			what = strconv.Itoa(n) + " findings"
		}
		return auditRefusal(CodeInvalid, "status", "an audit that found something is reported, not cancelled",
			a.Ref+" has "+what+": an audit that found something is reported, not cancelled")
	}
	a.Status = AuditCancelled
	return a.Validate()
}

// Reopen takes a reported audit back to in progress to correct its checklist (its report
// date is cleared), or a cancelled audit back to planned. A closed audit is settled.
func (a *Audit) Reopen() error {
	next := *a
	switch a.Status {
	case AuditCompleted:
		next.Status, next.ReportDate = AuditInProgress, ""
	case AuditCancelled:
		next.Status = AuditPlanned
	default:
		return auditRefusal(CodeInvalid, "status", "is "+a.statusWord(),
			"only a reported or a cancelled audit is reopened; this one is "+a.statusWord())
	}
	if err := next.Validate(); err != nil {
		return err
	}
	*a = next
	return nil
}

// SetChecklist replaces the checklist of a planned audit or one in progress. References are
// written the standard's way and titled from it, a blank result is "not checked", rows
// left wholly blank are dropped, and a "not sampled" item needs its reason in its
// evidence notes. Results are recorded once the audit has started; the checklist of a
// reported, closed or cancelled audit is kept (reopen a reported audit to correct it).
func (a *Audit) SetChecklist(items []ChecklistItem) error {
	switch a.Status {
	case AuditCompleted, AuditClosed, AuditCancelled:
		return auditRefusal(CodeLocked, "checklist", "is settled",
			"the audit is "+a.statusWord()+": its checklist is kept"+map[bool]string{true: "; reopen it to correct it", false: ""}[a.Status == AuditCompleted])
	}
	out := make([]ChecklistItem, 0, len(items))
	for _, c := range items {
		c.Ref, c.Question, c.Evidence = ItemRef(c.Ref), strings.TrimSpace(c.Question), strings.TrimSpace(c.Evidence)
		if c.Ref == "" && c.Question == "" && c.Evidence == "" && (c.Result == "" || c.Result == ResultNotChecked) {
			continue
		}
		if c.Result == "" {
			c.Result = ResultNotChecked
		}
		c.Title = ItemTitle(c.Ref)
		out = append(out, c)
	}
	p := NewProblems("audit")
	if a.Status == AuditPlanned {
		for i, c := range out {
			if c.Result != ResultNotChecked {
				p.Add("checklist["+strconv.Itoa(i)+"].result", "is recorded once the audit has started")
			}
		}
		if err := p.Err(); err != nil {
			return &Error{Code: CodeInvalid, Message: "the audit has not started: prepare the questions now and record the results once it is started",
				Fields: err.(*Error).Fields}
		}
	}
	var unsampled []string
	for i, c := range out {
		if c.Result == ResultNotSampled && c.Evidence == "" {
			p.Add("checklist["+strconv.Itoa(i)+"].evidence", "give the reason why it was not sampled")
			unsampled = append(unsampled, itemName(i, c))
		}
	}
	if err := p.Err(); err != nil {
		return &Error{Code: CodeInvalid, Message: "say in the evidence notes why " + strings.Join(unsampled, ", ") + " was not sampled",
			Fields: err.(*Error).Fields}
	}
	next := *a
	next.Checklist = out
	if err := next.Validate(); err != nil {
		return err
	}
	*a = next
	return nil
}

// Patterns of the references an audit's scope names. A control is written "A.5.15",
// "a.5.15", "A5.15", "A 5.15", "Annex A 5.15" or "control 5.15" (a lone lower-case "a" is
// the article); ranges join two with "-", "to" or "through".
const (
	ctlPrefix = `(?:(?i:annex\s+a)\s*\.?\s*|(?i:controls?)\s+(?:A\s*\.?\s*|(?i:a)\.\s*)?|A\s*\.?\s*|(?i:a)\.\s*)`
	ctlNum    = `([5-8])\.(\d{1,2})`
	rangeSep  = `\s*(?:-|(?i:to|through|until)\b)\s*`
)

var (
	controlRangeRE = regexp.MustCompile(`\b` + ctlPrefix + ctlNum + rangeSep + `(?:` + ctlPrefix + `)?` + ctlNum + `\b`)
	controlListRE  = regexp.MustCompile(`(?i)\bcontrols?\s+((?:A\s*\.?\s*)?[5-8]\.\d{1,2}\b(?:\s*(?:,|;|&|\band\b|\bor\b)\s*(?:A\s*\.?\s*)?[5-8]\.\d{1,2}\b)*)`)
	controlNumRE   = regexp.MustCompile(`[5-8]\.\d{1,2}`)
	controlRE      = regexp.MustCompile(`\b` + ctlPrefix + ctlNum + `\b`)
	themeRE        = regexp.MustCompile(`(?i)\b(?:(?:annex\s+a\s*,?\s*)?themes?\s+([5-8])|annex\s+a\s*\.?\s*([5-8])|a\.([5-8]))\b`)
	themeWordRE    = regexp.MustCompile(`(?i)\b(organi[sz]ational|people|physical|technological)\s+(?:controls|themes?)\b`)
	annexRE        = regexp.MustCompile(`(?i)\bannex\s+a\b`)
	clauseListRE   = regexp.MustCompile(`(?i)\bclauses?\s+(\d+(?:\.\d+)*(?:\s*(?:,|;|&|\band\b|\bor\b|-|\bto\b|\bthrough\b)\s*\d+(?:\.\d+)*)*)`)
	clauseTokenRE  = regexp.MustCompile(`(?i)\d+(?:\.\d+)*|-|\bto\b|\bthrough\b`)
	dottedRangeRE  = regexp.MustCompile(`\b(\d{1,2}\.\d{1,2}(?:\.\d)?)` + rangeSep + `(\d{1,2}\.\d{1,2}(?:\.\d)?)\b`)
	numberRangeRE  = regexp.MustCompile(`\b(10|[4-9])` + rangeSep + `(10|[4-9])\b`)
	dottedRE       = regexp.MustCompile(`\b\d{1,2}\.\d{1,2}(?:\.\d)?\b`)
)

// themeWords maps the words naming an Annex A theme to its digit.
var themeWords = map[string]string{"organisational": "5", "organizational": "5", "people": "6", "physical": "7", "technological": "8"}

// leafClauses returns the sub-clauses without sub-clauses of their own, in order.
func leafClauses() []Clause {
	var out []Clause
	for i, c := range clauses {
		if i+1 < len(clauses) && strings.HasPrefix(clauses[i+1].Ref, c.Ref+".") {
			continue
		}
		out = append(out, c)
	}
	return out
}

// under reports whether ref is clause parent or one of its sub-clauses.
func under(ref, parent string) bool { return ref == parent || strings.HasPrefix(ref, parent+".") }

// clauseIndex returns a clause's position in the list, -1 when unknown.
func clauseIndex(ref string) int {
	for i, c := range clauses {
		if c.Ref == ref {
			return i
		}
	}
	return -1
}

// standalone reports whether text[from:to] stands alone as a number: not part of a longer
// dotted number, a date or a version ("2026-05-10", "v1.7.2", "27001:2022").
func standalone(text string, from, to int) bool {
	if from > 0 {
		switch text[from-1] {
		case '.', ':', '/', '-', '_':
			return false
		}
	}
	if to < len(text) {
		switch text[to] {
		case ':', '/', '_':
			return false
		case '.', '-':
			return !(to+1 < len(text) && text[to+1] >= '0' && text[to+1] <= '9')
		}
	}
	return true
}

// ScopeRefs returns the clauses and Annex A controls a text names, as the leaf sub-clauses
// in the standard's order followed by the controls in the catalogue's order. It reads
// clauses ("clause 7", "clauses 4 to 10", "4-10", "6.1.2", "6.1 to 6.3"), controls
// ("A.5.15", "A5.15", "A 5.15", "Annex A 5.15", "control 8.24", "controls 8.24 and 8.25",
// a dotted number with two digits after the point that is no clause, "8.24"), control ranges ("A.5.15-A.5.18", "5.15 to
// 5.18"), themes ("A.8", "theme 8", "Annex A theme 8", "technological controls") and
// "Annex A". A theme and Annex A stand for their applicable controls, or, while none is
// decided applicable, those not excluded; "Annex A" next to named controls is their
// heading and adds no others. A bare "7.2" is clause 7.2, never control A.7.2.
// applicability maps a control's reference to its Statement of Applicability decision.
func ScopeRefs(text string, applicability map[string]string) []string {
	text = strings.NewReplacer("–", "-", "—", "-", "‑", "-").Replace(text)
	wantClause := map[string]bool{}
	wantControl := map[string]bool{}
	addClauses := func(from, to int) { // clause indexes, inclusive of the sub-clauses of to
		if from < 0 || to < 0 {
			return
		}
		if from > to {
			from, to = to, from
		}
		last := clauses[to].Ref
		for i := from; i < len(clauses); i++ {
			if i > to && !under(clauses[i].Ref, last) {
				break
			}
			wantClause[clauses[i].Ref] = true
		}
	}
	catalogue := annexA()
	addSet := func(keep func(c CatalogueControl) bool) {
		var set []string
		applicable := false
		for _, c := range catalogue {
			if keep(c) {
				set = append(set, c.Ref)
				applicable = applicable || applicability[c.Ref] == ApplicabilityApplicable
			}
		}
		for _, ref := range set {
			switch applicability[ref] {
			case ApplicabilityApplicable:
				wantControl[ref] = true
			case ApplicabilityNotApplicable:
			default:
				wantControl[ref] = wantControl[ref] || !applicable
			}
		}
	}
	addTheme := func(digit string) {
		addSet(func(c CatalogueControl) bool { return strings.HasPrefix(c.Ref, "A."+digit+".") })
	}
	addRange := func(from, to string) bool { // control references; false when either is unknown
		f, okF := LookupControl(from)
		t, okT := LookupControl(to)
		if !okF || !okT {
			return false
		}
		in := false
		for _, c := range catalogue {
			if c.Ref == f.Ref || c.Ref == t.Ref {
				if in || f.Ref == t.Ref {
					wantControl[c.Ref] = true
					break
				}
				in = true
			}
			if in {
				wantControl[c.Ref] = true
			}
		}
		return true
	}
	blank := func(loc []int) { text = text[:loc[0]] + strings.Repeat(" ", loc[1]-loc[0]) + text[loc[1]:] }
	sub := func(m []int, i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}

	// controls named as controls: ranges, lists after "controls", single ones, themes
	for _, m := range controlRangeRE.FindAllStringSubmatchIndex(text, -1) {
		addRange(sub(m, 1)+"."+sub(m, 2), sub(m, 3)+"."+sub(m, 4))
		blank(m[:2])
	}
	for _, m := range controlListRE.FindAllStringSubmatchIndex(text, -1) {
		for _, n := range controlNumRE.FindAllString(sub(m, 1), -1) {
			if c, ok := LookupControl(n); ok {
				wantControl[c.Ref] = true
			}
		}
		blank(m[:2])
	}
	for _, m := range controlRE.FindAllStringSubmatchIndex(text, -1) {
		if c, ok := LookupControl(sub(m, 1) + "." + sub(m, 2)); ok {
			wantControl[c.Ref] = true
		}
		blank(m[:2])
	}
	for _, m := range themeRE.FindAllStringSubmatchIndex(text, -1) {
		addTheme(sub(m, 1) + sub(m, 2) + sub(m, 3))
		blank(m[:2])
	}
	for _, m := range themeWordRE.FindAllStringSubmatchIndex(text, -1) {
		addTheme(themeWords[strings.ToLower(sub(m, 1))])
		blank(m[:2])
	}

	// clauses named as clauses: "clause 7", "clauses 4 to 10", "clauses 5.1 and 5.3"
	for _, m := range clauseListRE.FindAllStringSubmatchIndex(text, -1) {
		tokens := clauseTokenRE.FindAllString(sub(m, 1), -1)
		for i := 0; i < len(tokens); i++ {
			from := clauseIndex(tokens[i])
			if i+2 < len(tokens) && !startsWithDigit(tokens[i+1]) {
				addClauses(from, clauseIndex(tokens[i+2]))
				i += 2
				continue
			}
			if startsWithDigit(tokens[i]) {
				addClauses(from, from)
			}
		}
		blank(m[:2])
	}

	// bare numbers: a dotted range of clauses ("6.1 to 6.3") or of controls ("5.15 to
	// 5.18"), a range of clauses ("4-10"), and a dotted number, a clause if it is one, else
	// a control
	for _, m := range dottedRangeRE.FindAllStringSubmatchIndex(text, -1) {
		if !standalone(text, m[0], m[1]) {
			continue
		}
		a, b := sub(m, 1), sub(m, 2)
		ia, ib := clauseIndex(a), clauseIndex(b)
		switch {
		case ia >= 0 && ib >= 0:
			addClauses(ia, ib)
		case a[0] >= '5' && a[0] <= '8' && addRange(a, b):
		default:
			continue
		}
		blank(m[:2])
	}
	for _, m := range numberRangeRE.FindAllStringSubmatchIndex(text, -1) {
		if !standalone(text, m[0], m[1]) {
			continue
		}
		from, to := clauseIndex(sub(m, 1)), clauseIndex(sub(m, 2))
		if from <= to {
			addClauses(from, to)
			blank(m[:2])
		}
	}
	for _, m := range dottedRE.FindAllStringIndex(text, -1) {
		if !standalone(text, m[0], m[1]) {
			continue
		}
		ref := text[m[0]:m[1]]
		if i := clauseIndex(ref); i >= 0 {
			addClauses(i, i)
		} else if c, ok := LookupControl(ref); ok && ref[0] >= '5' && ref[0] <= '8' && len(ref) == 4 {
			wantControl[c.Ref] = true // "8.24"; "5.5" may be a duration, not a control
		}
	}

	// "Annex A": every control, unless controls are named (then it is their heading)
	named := len(wantControl) > 0
	for _, m := range annexRE.FindAllStringIndex(text, -1) {
		if !named {
			addSet(func(CatalogueControl) bool { return true })
		}
		blank(m)
	}

	var out []string
	for _, c := range leafClauses() {
		if wantClause[c.Ref] {
			out = append(out, c.Ref)
		}
	}
	for _, c := range catalogue {
		if wantControl[c.Ref] {
			out = append(out, c.Ref)
		}
	}
	return out
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// clauseQuestions are the questions proposed for the leaf sub-clauses of clauses 4 to 10.
var clauseQuestions = map[string]string{
	"4.1":   "Are the internal and external issues relevant to the ISMS determined and kept up to date?",
	"4.2":   "Are the interested parties, their requirements and which of them the ISMS addresses determined?",
	"4.3":   "Is the ISMS scope determined, with its boundaries, interfaces and dependencies, and available as documented information?",
	"4.4":   "Is the ISMS established, implemented, maintained and improved, with its processes and their interactions?",
	"5.1":   "Does top management show leadership and commitment: policy and objectives, resources, communication, support of roles?",
	"5.2":   "Is the information security policy approved, communicated within the organisation and available to interested parties?",
	"5.3":   "Are ISMS roles, responsibilities and authorities assigned and communicated, including reporting on ISMS performance?",
	"6.1.1": "Are the risks and opportunities that need addressing determined, and actions to address them planned?",
	"6.1.2": "Are risk criteria defined and risk assessments consistent, valid and comparable, with risk owners identified?",
	"6.1.3": "Is risk treatment planned, the Statement of Applicability justified and the plan approved by the risk owners?",
	"6.2":   "Are information security objectives measurable, monitored, communicated and planned (what, who, when, how evaluated)?",
	"6.3":   "Are changes to the ISMS carried out in a planned manner?",
	"7.1":   "Are the resources needed for the ISMS determined and provided?",
	"7.2":   "Is competence determined, acquired where needed and evidenced for the people doing ISMS work?",
	"7.3":   "Are people aware of the policy, their contribution to the ISMS and the implications of not conforming?",
	"7.4":   "Is internal and external communication on the ISMS determined: what, when, with whom and how?",
	"7.5.1": "Does the ISMS include the documented information the standard and the organisation require?",
	"7.5.2": "Is documented information identified, reviewed and approved when created or updated?",
	"7.5.3": "Is documented information controlled: available, protected, distributed, versioned, retained and disposed of?",
	"8.1":   "Are ISMS processes planned, implemented and controlled, including outsourced processes and planned changes?",
	"8.2":   "Are risk assessments performed at planned intervals and on significant change, with their results kept?",
	"8.3":   "Is the risk treatment plan implemented, with its results kept?",
	"9.1":   "Is it determined what is monitored and measured, how, when and by whom, and are the results analysed and evaluated?",
	"9.2.1": "Are internal audits conducted at planned intervals against the organisation's requirements and the standard?",
	"9.2.2": "Is there an audit programme with frequency, methods, responsibilities, criteria and scope, objective auditors and reported results?",
	"9.3.1": "Does top management review the ISMS at planned intervals?",
	"9.3.2": "Does the management review consider every required input (actions, changes, feedback, performance, risks, improvement)?",
	"9.3.3": "Do the review's results include decisions on improvement and changes, kept as documented information?",
	"10.1":  "Is the ISMS continually improved in suitability, adequacy and effectiveness?",
	"10.2":  "Are nonconformities reacted to, their causes analysed, corrective actions taken and their effectiveness reviewed?",
}

// ProposeChecklist proposes checklist items, not yet on the checklist, for the clauses and
// controls the audit's scope names (or, when the scope names none, its criteria): see
// ScopeRefs. Each clause gets the question of its requirement; each control asks whether
// it is implemented as the Statement of Applicability states and is effective. It refuses
// when the scope and criteria name no clause or control, or when everything they name is
// already on the checklist.
func (a *Audit) ProposeChecklist(applicability map[string]string) ([]ChecklistItem, error) {
	refs := ScopeRefs(a.Scope, applicability)
	if len(refs) == 0 {
		refs = ScopeRefs(a.Criteria, applicability)
	}
	if len(refs) == 0 {
		return nil, auditRefusal(CodeInvalid, "scope", "names no clause or control",
			`the scope names no clause or control to propose questions for: write them in the scope, e.g. "clauses 4 to 10", "7.2", "A.5.15-A.5.18", "control 8.24" or "technological controls"`)
	}
	have := map[string]bool{}
	for _, c := range a.Checklist {
		have[ItemRef(c.Ref)] = true
	}
	var out []ChecklistItem
	for _, ref := range refs {
		if have[ref] {
			continue
		}
		q := clauseQuestions[ref]
		if c, ok := LookupControl(ref); ok && strings.HasPrefix(ref, "A.") {
			q = "Is “" + c.Title + "” implemented as the Statement of Applicability states, and is it operating effectively? Sample its records."
		}
		out = append(out, ChecklistItem{Ref: ref, Title: ItemTitle(ref), Question: q, Result: ResultNotChecked})
	}
	if len(out) == 0 {
		return nil, auditRefusal(CodeInvalid, "checklist", "already covers the scope",
			"every clause and control the scope names is already on the checklist")
	}
	return out, nil
}

// Covers returns the clauses and Annex A controls the audit covers, as the audit
// programme counts them: those on its checklist when it names any, else those its scope
// names (or, when the scope names none, its criteria), as for ProposeChecklist. The
// officer's own questions cover nothing of the standard.
func (a *Audit) Covers(applicability map[string]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range a.Checklist {
		r := ItemRef(c.Ref)
		if _, ok := LookupClause(r); ok || (strings.HasPrefix(r, "A.") && ItemTitle(r) != "") {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	if out = ScopeRefs(a.Scope, applicability); len(out) == 0 {
		out = ScopeRefs(a.Criteria, applicability)
	}
	return out
}

// Owned is a record the auditor owns, as the independence check sees it.
type Owned struct {
	Kind  Kind   `json:"kind"`
	Ref   string `json:"ref"`
	Title string `json:"title"`
}

// auditedUnder are the clauses and controls under which the records of a kind are audited.
var auditedUnder = map[Kind][]string{
	KindIssue: {"4.1"}, KindParty: {"4.2"}, KindRequirement: {"4.2", "A.5.31"}, KindPolicy: {"5.2", "7.5", "A.5.1"},
	KindRisk: {"6.1", "8.2", "8.3"}, KindObjective: {"6.2"}, KindMilestone: {"6.2", "6.3"}, KindTraining: {"7.2"},
	KindCampaign: {"7.3"}, KindCommunication: {"7.4"}, KindKPI: {"9.1"}, KindReview: {"9.3"},
	KindAction: {"9.3.3", "10.2"}, KindNonconformity: {"10.2"}, KindImprovement: {"10.1"}, KindAsset: {"A.5.9", "A.5.12"},
}

// related reports whether two references are the same clause or control, or one is a
// sub-clause of the other.
func related(a, b string) bool { return under(a, b) || under(b, a) }

// Conflicts names the records the auditor owns that the audit covers, e.g. "control
// A.5.15 Access control" or "risk R-003 Phishing, audited under 6.1.2": a control on the
// checklist or in the scope, or a record of a kind audited under a clause the checklist or
// the scope names (a risk under 6.1.2, a policy under 5.2, a training under 7.2, ...).
// Auditors do not audit their own work (9.2.2 c): with a conflict, Start and Complete
// need the independence note. owned are the records the auditor owns.
func (a *Audit) Conflicts(owned []Owned, applicability map[string]string) []string {
	var covered []string
	seen := map[string]bool{}
	for _, r := range append(ScopeRefs(a.Scope, applicability), a.checklistRefs()...) {
		if r != "" && !seen[r] {
			seen[r] = true
			covered = append(covered, r)
		}
	}
	var out []string
	for _, o := range owned {
		at := auditedUnder[o.Kind]
		if o.Kind == KindControl {
			at = []string{ItemRef(o.Ref)}
		}
		for _, r := range covered {
			hit := ""
			for _, c := range at {
				if related(c, r) {
					hit = r
					break
				}
			}
			if hit != "" {
				name := kindWord(o.Kind) + " " + strings.TrimSpace(o.Ref+" "+o.Title)
				if o.Kind != KindControl {
					name += ", audited under " + hit
				}
				out = append(out, name)
				break
			}
		}
	}
	return out
}

func (a *Audit) checklistRefs() []string {
	out := make([]string, 0, len(a.Checklist))
	for _, c := range a.Checklist {
		out = append(out, ItemRef(c.Ref))
	}
	return out
}

// kindWord names one record of a kind in a sentence.
func kindWord(k Kind) string {
	switch k {
	case KindKPI:
		return "KPI"
	case KindParty:
		return "interested party"
	}
	return strings.ReplaceAll(string(k), "_", " ")
}

// CheckNewFinding refuses a finding for an audit that has not started, was cancelled or is
// closed.
func (a *Audit) CheckNewFinding() error {
	switch a.Status {
	case AuditPlanned:
		return auditRefusal(CodeInvalid, "auditId", "has not started",
			"findings are recorded once the audit has started: start "+a.Ref+" first")
	case AuditCancelled:
		return auditRefusal(CodeInvalid, "auditId", "was cancelled", a.Ref+" was cancelled: it has no findings")
	case AuditClosed:
		return auditRefusal(CodeInvalid, "auditId", "is closed", a.Ref+" is closed: its findings are settled")
	}
	return nil
}

// CheckFindingChange checks an edit of a finding against the stored one (old holds only
// the audit for a new finding): the audit stays, the nonconformity it raised is set only by
// RaiseNonconformity, and a finding that raised one stays a minor or major nonconformity.
// The clause or control is written the standard's way.
func CheckFindingChange(old, new *Finding) error {
	new.AuditID, new.NonconformityID = old.AuditID, old.NonconformityID
	new.Clause = ItemRef(new.Clause)
	if new.NonconformityID != "" && !IsNonconformity(new.Severity) {
		return auditRefusal(CodeInvalid, "severity", "stays a minor or major nonconformity",
			"this finding raised a nonconformity: it stays a minor or major nonconformity")
	}
	return nil
}

// Raise makes the nonconformity a minor or major finding of audit a raises (10.2): its
// reference ref, the finding's title and description, source audit, detected today (or on
// the audit's last day when it ended before), open, handled by ownerID (may be blank). It
// refuses observations, opportunities and a finding that already raised one. The caller
// stores it and then links it with LinkNonconformity.
func (f *Finding) Raise(a *Audit, ref, ownerID string, today Date) (*Nonconformity, error) {
	if !IsNonconformity(f.Severity) {
		return nil, auditRefusal(CodeInvalid, "severity", "is not a nonconformity",
			"an "+strings.ToLower(Severities.Label(f.Severity))+" raises no nonconformity: only a minor or major finding does")
	}
	if f.NonconformityID != "" {
		return nil, auditRefusal(CodeInvalid, "nonconformityId", "is already raised",
			"this finding already raised its nonconformity")
	}
	if f.ID == "" || a.ID != f.AuditID {
		return nil, Errorf(CodeInvalid, "the finding and its audit are not stored")
	}
	detected := today
	if a.EndDate != "" && a.EndDate < today {
		detected = a.EndDate
	}
	at := f.Clause
	if c, ok := LookupClause(at); ok {
		at = "clause " + c.Ref + " " + c.Title
	} else if c, ok := LookupControl(at); ok && strings.HasPrefix(at, "A.") {
		at = "control " + c.Ref + " " + c.Title
	}
	desc := strings.TrimSpace(f.Description)
	from := "Raised from audit finding " + strings.TrimSpace(f.Ref+" ("+strings.ToLower(Severities.Label(f.Severity))+")") + " of internal audit " + strings.TrimSpace(a.Ref+" "+a.Title)
	if at != "" {
		from += ", at " + at
	}
	if desc != "" {
		desc += "\n\n"
	}
	n := &Nonconformity{
		Ref: ref, Title: f.Title, Description: desc + from + ".", Source: NCSourceAudit, FindingID: f.ID,
		DetectedOn: detected, OwnerID: ownerID, Status: NCOpen,
	}
	if err := n.Validate(); err != nil {
		return nil, err
	}
	return n, nil
}

// LinkNonconformity records the stored nonconformity n that the finding raised.
func (f *Finding) LinkNonconformity(n *Nonconformity) error {
	if n.ID == "" || n.FindingID != f.ID {
		return Errorf(CodeInvalid, "the nonconformity was not raised from this finding")
	}
	if f.NonconformityID != "" && f.NonconformityID != n.ID {
		return auditRefusal(CodeInvalid, "nonconformityId", "is already raised", "this finding already raised its nonconformity")
	}
	f.NonconformityID = n.ID
	return nil
}
