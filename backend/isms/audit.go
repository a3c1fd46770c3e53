package isms

import (
	"regexp"
	"strconv"
	"strings"
)

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

// The workflow of an internal audit (9.2): planned, started, its checklist answered and a
// finding recorded for every nonconformity found, completed. The rules below are called by
// the bound AuditService and FindingService.

// ItemRef writes a checklist or finding reference the standard's way: a clause as "7.2"
// (a leading "clause" dropped), an Annex A control as "A.5.15"; other text is trimmed. A
// bare "7.2" is a clause, never control A.7.2.
func ItemRef(ref string) string {
	s := strings.TrimSpace(ref)
	if s == "" {
		return ""
	}
	if c, ok := LookupClause(s); ok {
		return c.Ref
	}
	if strings.HasPrefix(strings.ToUpper(s), "A") {
		if c, ok := LookupControl(s); ok {
			return c.Ref
		}
	}
	return s
}

// isNCResult reports whether a checklist result is a nonconformity.
func isNCResult(result string) bool { return result == ResultMinorNC || result == ResultMajorNC }

// auditRefusal is a refused audit step with one field message.
func auditRefusal(code Code, field, fieldMsg, msg string) error {
	return &Error{Code: code, Message: msg, Fields: map[string]string{field: fieldMsg}}
}

// CheckAuditChange checks an edit of an audit against the stored one (old is a blank
// planned audit for a new one). The checklist changes only through SetChecklist, so it is
// kept from old. The status moves forward only through Start and Complete; an edit may
// cancel the audit, take it back to planned, or reopen a completed audit (back to in
// progress) to correct its checklist.
func CheckAuditChange(old, new *Audit) error {
	new.Checklist = old.Checklist
	if new.Status == "" {
		new.Status = old.Status
	}
	if new.Status == old.Status {
		return nil
	}
	switch new.Status {
	case AuditInProgress:
		if old.Status != AuditCompleted {
			return auditRefusal(CodeInvalid, "status", "is set by Start",
				"start the audit with Start: it checks the auditor's independence and records the start date")
		}
	case AuditCompleted:
		return auditRefusal(CodeInvalid, "status", "is set by Complete",
			"complete the audit with Complete: it checks that every checklist item is answered and every nonconformity has its finding")
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
			"only a planned audit is started; this one is "+strings.ToLower(AuditStatuses.Label(a.Status)))
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

// Complete completes an audit in progress: it needs a scope, a checklist with every item
// answered, and for each item found a minor or major nonconformity a finding of the audit
// that is a nonconformity and names the item's clause or control. findings are the audit's
// findings as stored; conflicts as for Start. The end date becomes today unless an
// earlier one was recorded.
func (a *Audit) Complete(findings []*Finding, conflicts []string, today Date) error {
	if a.Status != AuditInProgress {
		return auditRefusal(CodeInvalid, "status", "is not in progress",
			"only an audit in progress is completed; this one is "+strings.ToLower(AuditStatuses.Label(a.Status)))
	}
	if len(a.Checklist) == 0 {
		return auditRefusal(CodeInvalid, "checklist", "is empty",
			"an audit is completed with its checklist: record the questions asked and their results first")
	}
	covered := map[string]bool{}
	for _, f := range findings {
		if f.AuditID == a.ID && IsNonconformity(f.Severity) {
			covered[ItemRef(f.Clause)] = true
		}
	}
	p := NewProblems("audit")
	var open, missing []string
	for i, c := range a.Checklist {
		field := "checklist[" + strconv.Itoa(i) + "]."
		name := c.Ref
		if name == "" {
			name = "item " + strconv.Itoa(i+1)
		}
		switch {
		case c.Result == "" || c.Result == ResultNotChecked:
			p.Add(field+"result", "is not answered yet")
			open = append(open, name)
		case isNCResult(c.Result) && ItemRef(c.Ref) == "":
			p.Add(field+"ref", "name the clause or control of this nonconformity so that its finding can refer to it")
			missing = append(missing, name)
		case isNCResult(c.Result) && !covered[ItemRef(c.Ref)]:
			p.Add(field+"result", "is a %s without a finding: record a minor or major finding at %s", strings.ToLower(ChecklistResults.Label(c.Result)), ItemRef(c.Ref))
			missing = append(missing, name)
		}
	}
	if err := p.Err(); err != nil {
		var parts []string
		if len(open) > 0 {
			parts = append(parts, "not answered yet: "+strings.Join(open, ", "))
		}
		if len(missing) > 0 {
			parts = append(parts, "nonconformities without a finding: "+strings.Join(missing, ", "))
		}
		e := err.(*Error)
		return &Error{Code: CodeInvalid, Message: "the audit cannot be completed yet; " + strings.Join(parts, "; "), Fields: e.Fields}
	}
	if err := a.independence(conflicts); err != nil {
		return err
	}
	next := *a
	next.Status = AuditCompleted
	if next.EndDate == "" || next.EndDate > today {
		next.EndDate = today
	}
	if err := next.Validate(); err != nil {
		return err
	}
	*a = next
	return nil
}

// SetChecklist replaces the checklist of a planned audit or one in progress. References are
// written the standard's way, a blank result is "not checked" and rows left wholly blank
// are dropped. Results are recorded once the audit has started; the checklist of a
// completed or cancelled audit is kept (reopen the audit to correct it).
func (a *Audit) SetChecklist(items []ChecklistItem) error {
	switch a.Status {
	case AuditCompleted, AuditCancelled:
		return auditRefusal(CodeLocked, "checklist", "is settled",
			"the audit is "+strings.ToLower(AuditStatuses.Label(a.Status))+": its checklist is kept; set it back to in progress to correct it")
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
		out = append(out, c)
	}
	p := NewProblems("audit")
	if a.Status == AuditPlanned {
		for i, c := range out {
			if c.Result != ResultNotChecked {
				p.Add("checklist["+strconv.Itoa(i)+"].result", "is recorded once the audit has started")
			}
		}
	}
	if err := p.Err(); err != nil {
		return &Error{Code: CodeInvalid, Message: "the audit has not started: prepare the questions now and record the results once it is started",
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

// Patterns of the references an audit's scope names.
var (
	controlRangeRE = regexp.MustCompile(`(?i)\bA\.([5-8])\.(\d{1,2})\s*(?:-|–|—|to|through)\s*(?:A\.)?([5-8])\.(\d{1,2})\b`)
	controlRE      = regexp.MustCompile(`(?i)\bA\.([5-8])(?:\.(\d{1,2}))?\b`)
	annexRE        = regexp.MustCompile(`(?i)\bannex\s+a\b`)
	clauseListRE   = regexp.MustCompile(`(?i)\bclauses?\s+(\d+(?:\.\d+)*(?:\s*(?:,|;|&|\band\b|\bor\b|-|–|—|\bto\b|\bthrough\b)\s*\d+(?:\.\d+)*)*)`)
	clauseTokenRE  = regexp.MustCompile(`(?i)\d+(?:\.\d+)*|-|–|—|\bto\b|\bthrough\b`)
	dottedRE       = regexp.MustCompile(`\b(?:10|[4-9])(?:\.\d){1,2}\b`)
)

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

// ScopeRefs returns the clauses and Annex A controls a text names, as the leaf sub-clauses
// in the standard's order followed by the controls in the catalogue's order: "clause 7",
// "clauses 4 to 10", "6.1.2", "A.5.15", "A.5.15-A.5.18", a theme "A.8" or "Annex A"
// (a theme and Annex A stand for their applicable controls, or, while none is decided
// applicable, those not excluded; "Annex A" next to named controls adds no others). applicability maps a control's reference to its
// Statement of Applicability decision.
func ScopeRefs(text string, applicability map[string]string) []string {
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
	blank := func(s string, loc []int) string { return s[:loc[0]] + strings.Repeat(" ", loc[1]-loc[0]) + s[loc[1]:] }

	for _, m := range controlRangeRE.FindAllStringSubmatchIndex(text, -1) {
		from, to := "A."+text[m[2]:m[3]]+"."+text[m[4]:m[5]], "A."+text[m[6]:m[7]]+"."+text[m[8]:m[9]]
		from, to = NormalizeControlRef(from), NormalizeControlRef(to)
		in := false
		for _, c := range catalogue {
			if c.Ref == from {
				in = true
			}
			if in {
				wantControl[c.Ref] = true
			}
			if c.Ref == to {
				break
			}
		}
		text = blank(text, m[:2])
	}
	for _, m := range controlRE.FindAllStringSubmatchIndex(text, -1) {
		theme := text[m[2]:m[3]]
		if m[4] < 0 {
			addSet(func(c CatalogueControl) bool { return strings.HasPrefix(c.Ref, "A."+theme+".") })
		} else if c, ok := LookupControl("A." + theme + "." + text[m[4]:m[5]]); ok {
			wantControl[c.Ref] = true
		}
		text = blank(text, m[:2])
	}
	named := len(wantControl) > 0 // "Annex A" next to named controls is their heading
	for _, m := range annexRE.FindAllStringIndex(text, -1) {
		if !named {
			addSet(func(CatalogueControl) bool { return true })
		}
		text = blank(text, m)
	}
	for _, m := range clauseListRE.FindAllStringSubmatchIndex(text, -1) {
		tokens := clauseTokenRE.FindAllString(text[m[2]:m[3]], -1)
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
		text = blank(text, m[:2])
	}
	for _, ref := range dottedRE.FindAllString(text, -1) {
		i := clauseIndex(ref)
		addClauses(i, i)
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
			`the scope names no clause or control to propose questions for: write them in the scope, e.g. "clauses 4 to 10", "7.2" or "A.5.15-A.5.18"`)
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
		out = append(out, ChecklistItem{Ref: ref, Question: q, Result: ResultNotChecked})
	}
	if len(out) == 0 {
		return nil, auditRefusal(CodeInvalid, "checklist", "already covers the scope",
			"every clause and control the scope names is already on the checklist")
	}
	return out, nil
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

// CheckNewFinding refuses a finding for an audit that has not started or was cancelled.
func (a *Audit) CheckNewFinding() error {
	switch a.Status {
	case AuditPlanned:
		return auditRefusal(CodeInvalid, "auditId", "has not started",
			"findings are recorded once the audit has started: start "+a.Ref+" first")
	case AuditCancelled:
		return auditRefusal(CodeInvalid, "auditId", "was cancelled", a.Ref+" was cancelled: it has no findings")
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
