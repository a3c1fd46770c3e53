package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// resultRAG colours a checklist result.
var resultRAG = map[string]string{
	isms.ChecklistResults.Label(isms.ResultConforming):  ragGreen,
	isms.ChecklistResults.Label(isms.ResultObservation): ragAmber,
	isms.ChecklistResults.Label(isms.ResultOpportunity): ragAmber,
	isms.ChecklistResults.Label(isms.ResultMinorNC):     ragRed,
	isms.ChecklistResults.Label(isms.ResultMajorNC):     ragRed,
	isms.ChecklistResults.Label(isms.ResultNotSampled):  ragAmber,
	isms.ChecklistResults.Label(isms.ResultNotChecked):  ragAmber,
}

// severityRAG colours a finding's severity.
var severityRAG = map[string]string{
	isms.Severities.Label(isms.SeverityObservation): ragAmber,
	isms.Severities.Label(isms.SeverityOpportunity): ragAmber,
	isms.Severities.Label(isms.SeverityMinor):       ragRed,
	isms.Severities.Label(isms.SeverityMajor):       ragRed,
}

// ncRAG colours a nonconformity's stage: closed is green, anything open amber.
var ncRAG = func() map[string]string {
	m := map[string]string{}
	for _, o := range isms.NonconformityStatuses {
		m[o.Label] = ragAmber
	}
	m[isms.NonconformityStatuses.Label(isms.NCClosed)] = ragGreen
	m[isms.NonconformityStatuses.Label(isms.NCOpen)] = ragRed
	return m
}()

// fieldTable is a two-column table of labelled values.
func fieldTable(rows [][2]any) *table {
	return &table{Cols: []column{{Name: "Field", Width: 26}, {Name: "Value", Width: 100}}, N: len(rows),
		Rows: func(emit func(...any) error) error {
			for _, r := range rows {
				if err := emit(r[0], r[1]); err != nil {
					return err
				}
			}
			return nil
		}}
}

// clauseTitle returns the title of a clause or Annex A control reference, "" when unknown.
// A clause number ("7.2", "Clause 7.2") is a clause of ISO/IEC 27001:2022 and gets the
// clause's title; a reference with the Annex A prefix ("A.7.2", "A 7.2", "Annex A 7.2") is
// a control. A bare number that is no clause ("8.8") is read as a control whose prefix
// was left out. The clause is looked up first because the two numberings overlap: 5.2,
// 6.2, 7.2 and 7.3 are both clauses and (with the prefix) controls.
func clauseTitle(ref string) string {
	if c, ok := isms.LookupClause(ref); ok {
		return c.Title
	}
	if c, ok := isms.LookupControl(ref); ok {
		return c.Title
	}
	return ""
}

// The internal audit report (9.2.2 f) as a lead auditor writes one: the "Audit report"
// sheet states the objectives, scope, criteria and methods, the auditor and how
// independence is assured, the auditees, the dates, what of the stated scope the
// checklist covered, the findings by grade, the positive practices, the conclusion, the
// distribution and the sign-off; the checklist with its results, the findings graded
// with their requirement, evidence and corrective actions, the scope clause by clause,
// the nonconformities and their actions follow.

func buildAudit(s *snap) (string, string, []sheet, error) {
	if s.id == "" {
		return "", "", nil, isms.Errorf(isms.CodeNotFound, "choose the audit to report on (its ID or reference)")
	}
	a, err := find[*isms.Audit](s, isms.KindAudit, s.id)
	if err != nil {
		return "", "", nil, err
	}
	findings := auditFindings(s, a)
	ncs := auditNCs(s, a)
	cov := scopeCoverage(s, a)
	return "Internal audit report " + a.Ref, span(a.StartDate, a.EndDate), []sheet{
		{Name: "Audit report", About: "The report (9.2.2): objectives, scope, criteria, methods, auditor and independence, auditees, dates, scope covered, findings by grade, positive practices, conclusion, distribution and sign-off.", Table: auditReportTable(s, a, findings, cov)},
		{Name: "Summary", About: "Counts of checklist results, findings by grade, nonconformities and corrective actions.", Table: auditSummary(s, a, findings, ncs)},
		{Name: "Checklist", About: fmt.Sprintf("The %s with results, the standard's titles, evidence notes (for an item not sampled, the reason) and the findings raised.", plural(len(a.Checklist), "checklist question", "checklist questions")), Table: checklistTable(a, findings)},
		{Name: "Findings", About: fmt.Sprintf("The %s graded, most serious first, with the requirement, the evidence and, for a nonconformity, its owner and corrective actions.", plural(len(findings), "finding", "findings")), Table: findingsTable(s, findings)},
		{Name: "Scope coverage", About: "Each clause and Annex A control the stated scope names: covered by a tested checklist item, not sampled (with the reason) or not covered.", Table: coverageTable(cov)},
		{Name: "Nonconformities", About: "The nonconformities raised by the audit and their corrective action status (clause 10.2).", Table: ncTable(s, ncs)},
		{Name: "Corrective actions", About: "The corrective actions of those nonconformities with owners, due dates and status.", Table: correctiveTable(s, ncs)},
		exceptionsSheet(exceptions(s, a.ID)),
	}, nil
}

// auditFindings returns the audit's findings in record order.
func auditFindings(s *snap, a *isms.Audit) []*isms.Finding {
	var out []*isms.Finding
	for _, f := range all[*isms.Finding](s, isms.KindFinding) {
		if f.AuditID == a.ID {
			out = append(out, f)
		}
	}
	return out
}

// auditorText names the lead auditor: the person, or the external auditor's name.
func auditorText(s *snap, a *isms.Audit) string {
	if a.AuditorID != "" {
		return s.name(a.AuditorID)
	}
	if strings.TrimSpace(a.AuditorName) == "" {
		return ""
	}
	return strings.TrimSpace(a.AuditorName) + " (external)"
}

// methodsText names an audit's methods for people.
func methodsText(methods []string) string {
	out := make([]string, 0, len(methods))
	for _, m := range methods {
		out = append(out, isms.AuditMethods.Label(m))
	}
	return strings.Join(out, "; ")
}

// reportedStatus reports whether an audit of the status has been reported (reported or closed).
func reportedStatus(status string) bool {
	return status == isms.AuditCompleted || status == isms.AuditClosed
}

// gradeWords are each grade's words in a count: one and many.
var gradeWords = map[string][2]string{
	isms.SeverityMajor:       {"major nonconformity", "major nonconformities"},
	isms.SeverityMinor:       {"minor nonconformity", "minor nonconformities"},
	isms.SeverityObservation: {"observation", "observations"},
	isms.SeverityOpportunity: {"opportunity for improvement", "opportunities for improvement"},
}

// gradeOrder lists the grades most serious first.
var gradeOrder = []string{isms.SeverityMajor, isms.SeverityMinor, isms.SeverityObservation, isms.SeverityOpportunity}

// gradeShort are each grade's words in a short count (the executive page's figure).
var gradeShort = map[string][2]string{
	isms.SeverityMajor: {"major", "major"}, isms.SeverityMinor: {"minor", "minor"},
	isms.SeverityObservation: {"observation", "observations"}, isms.SeverityOpportunity: {"opportunity", "opportunities"},
}

// gradeCounts counts findings by grade and writes them in words, most serious first:
// "1 major nonconformity, 2 minor nonconformities, 1 observation"; "No findings". With
// short, "1 major, 2 minor, 1 observation".
func gradeCounts(findings []*isms.Finding, short bool) (map[string]int, string) {
	n := map[string]int{}
	for _, f := range findings {
		n[f.Severity]++
	}
	words := gradeWords
	if short {
		words = gradeShort
	}
	var parts []string
	for _, g := range gradeOrder {
		if n[g] > 0 {
			w := words[g]
			parts = append(parts, plural(n[g], w[0], w[1]))
		}
	}
	if len(parts) == 0 {
		return n, "No findings"
	}
	return n, strings.Join(parts, ", ")
}

func auditReportTable(s *snap, a *isms.Audit, findings []*isms.Finding, cov coverage) *table {
	auditor := auditorText(s, a)
	reported, closed := "Not yet reported", "Not yet closed"
	if reportedStatus(a.Status) {
		switch {
		case a.AuditorID != "":
			reported = s.name(a.AuditorID) + " (lead auditor)"
		case strings.TrimSpace(a.AuditorName) != "":
			reported = strings.TrimSpace(a.AuditorName) + " (external lead auditor)"
		default:
			reported = "The lead auditor"
		}
		if a.ReportDate != "" {
			reported += ", on " + string(a.ReportDate)
		}
	}
	switch {
	case a.ClosedByID != "":
		closed = s.name(a.ClosedByID)
		if a.ClosedOn != "" {
			closed += ", on " + string(a.ClosedOn)
		}
	case a.Status == isms.AuditCancelled:
		reported, closed = "Cancelled before it was reported", "Cancelled"
	}
	conclusion := orText(strings.TrimSpace(a.Conclusion), "Not yet stated")
	_, grades := gradeCounts(findings, false)
	var reportDate any = a.ReportDate
	if a.ReportDate == "" {
		reportDate = "Not yet reported"
	}
	return fieldTable([][2]any{
		{"Reference", a.Ref}, {"Title", a.Title}, {"Status", isms.AuditStatuses.Label(a.Status)},
		{"Objectives", orText(strings.TrimSpace(a.Objectives), "Not stated")},
		{"Scope", orText(strings.TrimSpace(a.Scope), "Not stated")},
		{"Criteria", orText(strings.TrimSpace(a.Criteria), "Not stated")},
		{"Methods", orText(methodsText(a.Methods), "Not stated")},
		{"Lead auditor", orText(auditor, "Not named")},
		{"Independence", orText(strings.TrimSpace(a.Independence), "Not stated")},
		{"Auditees", orText(s.names(a.AuditeeIDs), "None named")},
		{"Start date", a.StartDate}, {"End date", a.EndDate}, {"Report date", reportDate},
		{"Scope coverage", cov.summary()},
		{"Not sampled", orText(cov.list(covNotSampled, true), "None")},
		{"Clauses not covered", orText(cov.list(covNotCovered, false), "None")},
		{"Controls not covered", orText(cov.controlsNotCovered(), "None")},
		{"Findings", grades},
		{"Positive practices", orText(strings.TrimSpace(a.PositivePractices), "None recorded")},
		{"Conclusion", conclusion},
		{"Distribution", orText(strings.TrimSpace(a.Distribution), "Not stated")},
		{"Reported by", reported},
		{"Closed by", closed},
	})
}

// Coverage of a clause or control the stated scope names, by the audit's checklist.
const (
	covCovered    = "Covered"                 // a checklist item on it was tested
	covNotSampled = "Not sampled"             // its items were not sampled, with the reason
	covPending    = "Not yet assessed"        // its items are not checked yet
	covNotCovered = "Not covered"             // no checklist item is on it
	covBeyond     = "Beyond the stated scope" // on the checklist, not in the scope
)

var coverageRAG = map[string]string{covCovered: ragGreen, covNotSampled: ragAmber, covPending: ragAmber, covNotCovered: ragRed}

// covered is one clause or control of the scope (or of the checklist beyond it).
type covered struct {
	Ref, Title string
	State      string // one of the cov constants
	Items      []int  // the checklist item numbers on it
	Results    []string
	Notes      []string // the items' evidence notes, for one not sampled the reason
}

// coverage is what of an audit's stated scope its checklist covered.
type coverage struct {
	From  string    // "scope", "criteria" (the scope names no clause or control), or "" (neither does)
	Named []covered // the clauses and controls named, in the standard's order
	Extra []covered // the checklist's clauses and controls the scope does not name
}

// scopeCoverage reads the clauses and Annex A controls the audit's scope names
// (isms.ScopeRefs; its criteria when the scope names none, as the checklist is proposed)
// and finds the checklist items on each: an item on a clause covers its sub-clauses.
func scopeCoverage(s *snap, a *isms.Audit) coverage {
	appl := map[string]string{}
	for _, c := range all[*isms.Control](s, isms.KindControl) {
		if !c.Custom {
			appl[c.Ref] = c.Applicability
		}
	}
	cov := coverage{From: "scope"}
	refs := isms.ScopeRefs(a.Scope, appl)
	if len(refs) == 0 {
		cov.From, refs = "criteria", isms.ScopeRefs(a.Criteria, appl)
	}
	if len(refs) == 0 {
		cov.From = ""
	}
	itemRefs := make([]string, len(a.Checklist))
	for i, c := range a.Checklist {
		itemRefs[i] = isms.ItemRef(c.Ref)
	}
	used := make([]bool, len(a.Checklist))
	collect := func(ref string, match func(item string) bool) covered {
		c := covered{Ref: ref, Title: isms.ItemTitle(ref)}
		anyTested, anyNotSampled, anyPending := false, false, false
		for i, item := range a.Checklist {
			if itemRefs[i] == "" || !match(itemRefs[i]) {
				continue
			}
			used[i] = true
			c.Items = append(c.Items, i+1)
			c.Results = append(c.Results, isms.ChecklistResults.Label(item.Result))
			if ev := strings.TrimSpace(item.Evidence); ev != "" {
				c.Notes = append(c.Notes, ev)
			}
			switch {
			case tested(item.Result):
				anyTested = true
			case item.Result == isms.ResultNotSampled:
				anyNotSampled = true
			default:
				anyPending = true
			}
		}
		switch {
		case anyTested:
			c.State = covCovered
		case anyNotSampled:
			c.State = covNotSampled
		case anyPending:
			c.State = covPending
		default:
			c.State = covNotCovered
		}
		return c
	}
	for _, ref := range refs {
		cov.Named = append(cov.Named, collect(ref, func(item string) bool {
			return item == ref || strings.HasPrefix(ref, item+".")
		}))
	}
	seen := map[string]bool{}
	for i, ref := range itemRefs {
		if used[i] || seen[ref] || isms.ItemTitle(ref) == "" {
			continue // covered above, listed already, or the officer's own question
		}
		seen[ref] = true
		c := collect(ref, func(item string) bool { return item == ref })
		c.State = covBeyond
		cov.Extra = append(cov.Extra, c)
	}
	return cov
}

// count returns how many of the named clauses and controls are in the state.
func (c coverage) count(state string) int {
	n := 0
	for _, x := range c.Named {
		if x.State == state {
			n++
		}
	}
	return n
}

// summary puts the coverage in a sentence.
func (c coverage) summary() string {
	if c.From == "" {
		return "The scope and criteria name no clause or control of ISO/IEC 27001:2022, so no coverage can be measured."
	}
	out := fmt.Sprintf("Of the %s the %s names, %d %s covered by tested checklist items, %d not sampled and %d not covered",
		plural(len(c.Named), "clause or Annex A control", "clauses and Annex A controls"), c.From,
		c.count(covCovered), isAre(c.count(covCovered)), c.count(covNotSampled), c.count(covNotCovered))
	if n := c.count(covPending); n > 0 {
		out += fmt.Sprintf("; %d not yet assessed", n)
	}
	if len(c.Extra) > 0 {
		out += fmt.Sprintf("; the checklist also covers %s beyond it", plural(len(c.Extra), "clause or control", "clauses and controls"))
	}
	return out + ". See the Scope coverage sheet."
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// list names the clauses (controls, when controls is set, too) in the state with their
// titles, one a line; for one not sampled, with the reason.
func (c coverage) list(state string, controls bool) string {
	var out []string
	for _, x := range c.Named {
		if x.State != state || (!controls && strings.HasPrefix(x.Ref, "A.")) {
			continue
		}
		line := strings.TrimSpace(x.Ref + " " + x.Title)
		if state == covNotSampled && len(x.Notes) > 0 {
			line += ": " + strings.Join(x.Notes, " ")
		}
		out = append(out, line)
	}
	if len(out) > maxTitled { // a long list runs on, not one a line
		return strings.Join(out, "; ")
	}
	return strings.Join(out, "\n")
}

// maxTitled is how many clauses or controls the report sheet lists one a line, the
// controls not covered with their titles; beyond it clauses run on in one paragraph and
// controls are listed by reference.
const maxTitled = 10

// controlsNotCovered names the Annex A controls of the scope that no checklist item covers.
func (c coverage) controlsNotCovered() string {
	var refs, titled []string
	for _, x := range c.Named {
		if x.State == covNotCovered && strings.HasPrefix(x.Ref, "A.") {
			refs = append(refs, x.Ref)
			titled = append(titled, x.Ref+" "+x.Title)
		}
	}
	if len(refs) <= maxTitled {
		return strings.Join(titled, "\n")
	}
	return plural(len(refs), "control", "controls") + ": " + strings.Join(refs, ", ")
}

func coverageTable(c coverage) *table {
	cols := []column{{Name: "Clause or control", Width: 12}, {Name: "Title", Width: 40}, {Name: "Coverage", Width: 16, RAG: coverageRAG},
		{Name: "Checklist items", Width: 12}, {Name: "Results", Width: 26}, {Name: "Evidence notes or reason not sampled", Width: 60}}
	rows := append(append([]covered(nil), c.Named...), c.Extra...)
	return &table{Cols: cols, N: max(len(rows), 1), Rows: func(emit func(...any) error) error {
		if len(rows) == 0 {
			return emit(nil, nil, nil, nil, nil, c.summary())
		}
		for _, x := range rows {
			items := make([]string, len(x.Items))
			for i, n := range x.Items {
				items[i] = strconv.Itoa(n)
			}
			if err := emit(x.Ref, x.Title, x.State, strings.Join(items, ", "), strings.Join(x.Results, "\n"), strings.Join(x.Notes, "\n")); err != nil {
				return err
			}
		}
		return nil
	}}
}

// itemTitle is the standard's title of a checklist item or finding reference (a clause's
// title for a clause, a control's for a control), else the title stored with the item.
func itemTitle(ref, stored string) string {
	if t := isms.ItemTitle(ref); t != "" {
		return t
	}
	if t := strings.TrimSpace(stored); t != "" {
		return t
	}
	return clauseTitle(ref)
}

func checklistTable(a *isms.Audit, findings []*isms.Finding) *table {
	cols := []column{{Name: "No.", Width: 6}, {Name: "Clause or control", Width: 12}, {Name: "Title", Width: 32},
		{Name: "Question", Width: 46}, {Name: "Result", Width: 16, RAG: resultRAG}, {Name: "Evidence notes", Width: 50},
		{Name: "Findings", Width: 12}}
	return &table{Cols: cols, N: len(a.Checklist), Rows: func(emit func(...any) error) error {
		for i, c := range a.Checklist {
			ev := strings.TrimSpace(c.Evidence)
			if c.Result == isms.ResultNotSampled {
				ev = "Reason not sampled: " + orText(ev, "not given")
			}
			var raised []string
			if ref := normRef(c.Ref); strings.TrimSpace(c.Ref) != "" {
				for _, f := range findings {
					if normRef(f.Clause) == ref {
						raised = append(raised, f.Ref)
					}
				}
			}
			if err := emit(i+1, isms.ItemRef(c.Ref), itemTitle(c.Ref, c.Title), c.Question, isms.ChecklistResults.Label(c.Result), ev,
				strings.Join(raised, "\n")); err != nil {
				return err
			}
		}
		return nil
	}}
}

// byGrade returns the findings most serious first, in record order within a grade.
func byGrade(findings []*isms.Finding) []*isms.Finding {
	rank := func(f *isms.Finding) int {
		if i := slices.Index(gradeOrder, f.Severity); i >= 0 {
			return i
		}
		return len(gradeOrder)
	}
	out := slices.Clone(findings)
	slices.SortStableFunc(out, func(a, b *isms.Finding) int { return rank(a) - rank(b) })
	return out
}

// actionLine writes a corrective action for the findings sheet: "ACT-022 Automate the
// export: Aisha Rahman, due 2025-06-05, in progress, overdue".
func actionLine(s *snap, a *isms.Action) string {
	parts := []string{orText(s.name(a.OwnerID), "no owner")}
	if a.DueDate != "" {
		parts = append(parts, "due "+string(a.DueDate))
	} else {
		parts = append(parts, "no due date")
	}
	status := strings.ToLower(isms.ActionStatuses.Label(a.Status))
	if a.Status == isms.ActionDone && a.CompletedOn != "" {
		status += " on " + string(a.CompletedOn)
	}
	parts = append(parts, status)
	if a.Overdue(s.today) {
		parts = append(parts, "overdue")
	}
	return strings.TrimSpace(a.Ref+" "+a.Title) + ": " + strings.Join(parts, ", ")
}

// raisedBy returns the nonconformity a finding raised: the one it links, else one that
// names it.
func raisedBy(s *snap, f *isms.Finding) (*isms.Nonconformity, bool) {
	if n, ok := get[*isms.Nonconformity](s, isms.KindNonconformity, f.NonconformityID); ok {
		return n, true
	}
	for _, n := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		if n.FindingID == f.ID {
			return n, true
		}
	}
	return nil, false
}

func findingsTable(s *snap, findings []*isms.Finding) *table {
	cols := []column{{Name: "Reference", Width: 12}, {Name: "Grade", Width: 16, RAG: severityRAG},
		{Name: "Requirement", Width: 26}, {Name: "Finding", Width: 24}, {Name: "Evidence", Width: 44},
		{Name: "Nonconformity", Width: 14}, {Name: "Owner", Width: 16}, {Name: "Status", Width: 14, RAG: ncRAG},
		{Name: "Due date", Width: 12}, {Name: "Corrective actions: owner, due date, status", Width: 52}}
	list := byGrade(findings)
	return &table{Cols: cols, N: len(list), Rows: func(emit func(...any) error) error {
		for _, f := range list {
			req := strings.TrimSpace(f.Clause + " " + itemTitle(f.Clause, ""))
			var nc, owner, status, due, actions any
			if n, ok := raisedBy(s, f); ok {
				nc, owner, status, due = n.Ref, s.name(n.OwnerID), isms.NonconformityStatuses.Label(n.Status), n.DueDate
				acts, _ := actionsOf(s, n)
				lines := make([]string, 0, len(acts))
				for _, a := range acts {
					lines = append(lines, actionLine(s, a))
				}
				actions = orText(strings.Join(lines, "\n"), "None planned yet")
			} else if isms.IsNonconformity(f.Severity) {
				nc = "Not yet raised"
			}
			if err := emit(f.Ref, isms.Severities.Label(f.Severity), req, f.Title, f.Description, nc, owner, status, due, actions); err != nil {
				return err
			}
		}
		return nil
	}}
}

// The executive page of the audit report: what the audit tested and found, not the
// ISMS at large. Registered here with the report that shows them.
func figAuditAssessed(s *snap) (figure, bool) {
	a, ok := theAudit(s)
	if !ok || len(a.Checklist) == 0 {
		return figure{}, false
	}
	n := a.ResultCounts()
	pending, notSampled := n[isms.ResultNotChecked], n[isms.ResultNotSampled]
	assessed := len(a.Checklist) - pending
	text := fmt.Sprintf("%d of %d", assessed, len(a.Checklist))
	if notSampled > 0 {
		text += fmt.Sprintf(" (%d not sampled)", notSampled)
	}
	f := figure{Label: "Checklist items assessed", Value: float64(assessed), Text: text, RAG: ragGreen, Why: "Every item is assessed and tested"}
	switch {
	case pending > 0:
		f.RAG, f.Why = ragAmber, plural(pending, "item is", "items are")+" not yet checked"
	case notSampled > 0:
		f.RAG, f.Why = ragAmber, plural(notSampled, "item was", "items were")+" not sampled: see the reason on the Checklist sheet"
	}
	return f, true
}

func figAuditConforming(s *snap) (figure, bool) {
	a, ok := theAudit(s)
	if !ok {
		return figure{}, false
	}
	n := a.ResultCounts()
	tst := 0
	for _, c := range a.Checklist {
		if tested(c.Result) {
			tst++
		}
	}
	if tst == 0 {
		return figure{}, false
	}
	conf := n[isms.ResultConforming]
	ncs, obs := n[isms.ResultMinorNC]+n[isms.ResultMajorNC], n[isms.ResultObservation]+n[isms.ResultOpportunity]
	f := figure{Label: "Tested items conforming", Value: pct(conf, tst), Text: ofText(conf, tst), Percent: true}
	switch {
	case ncs > 0:
		f.RAG, f.Why = ragRed, plural(ncs, "item is a nonconformity", "items are nonconformities")
	case obs > 0:
		f.RAG, f.Why = ragAmber, plural(obs, "item is an observation or opportunity", "items are observations or opportunities")
	default:
		f.RAG, f.Why = ragGreen, "Every item tested conforms"
	}
	return f, true
}

func figAuditFindings(s *snap) (figure, bool) {
	a, ok := theAudit(s)
	if !ok {
		return figure{}, false
	}
	n, text := gradeCounts(auditFindings(s, a), true)
	major, minor := n[isms.SeverityMajor], n[isms.SeverityMinor]
	f := figure{Label: "Findings by grade", Value: float64(major + minor), Text: text, Lower: true, RAG: ragGreen, Why: "No nonconformity found"}
	switch {
	case major > 0:
		f.RAG, f.Why = ragRed, "A major nonconformity puts certification at risk"
	case minor > 0:
		f.RAG, f.Why = ragAmber, "Minor nonconformities need corrective action"
	}
	return f, true
}

func figAuditRaised(s *snap) (figure, bool) {
	a, ok := theAudit(s)
	if !ok {
		return figure{}, false
	}
	ncs := auditNCs(s, a)
	open, late, major := 0, 0, 0
	for _, n := range ncs {
		if n.Status == isms.NCClosed {
			continue
		}
		open++
		if ncOverdue(n, s.today) {
			late++
		}
		if _, ok := majorFinding(s, n); ok {
			major++
		}
	}
	f := figure{Label: "Nonconformities raised, still open", Value: float64(open), Text: fmt.Sprintf("%d raised, %d open", len(ncs), open),
		Lower: true, RAG: ragGreen, Why: "None open"}
	if open > 0 {
		f.RAG, f.Why = ragAmber, "Within their due dates, none major"
		var why []string
		if late > 0 {
			why = append(why, plural(late, "is", "are")+" past the due date")
		}
		if major > 0 {
			why = append(why, plural(major, "is", "are")+" major")
		}
		if len(why) > 0 {
			f.RAG, f.Why = ragRed, "Of the open ones, "+strings.Join(why, "; ")
		}
	}
	return f, true
}

func figAuditScope(s *snap) (figure, bool) {
	a, ok := theAudit(s)
	if !ok {
		return figure{}, false
	}
	c := scopeCoverage(s, a)
	if len(c.Named) == 0 {
		return figure{}, false
	}
	yes, not, skipped := c.count(covCovered), c.count(covNotCovered), c.count(covNotSampled)
	f := figure{Label: "Stated scope covered by the checklist", Value: pct(yes, len(c.Named)), Text: ofText(yes, len(c.Named)), Percent: true,
		RAG: ragGreen, Why: "Every clause and control of the scope is tested"}
	switch {
	case not > 0:
		f.RAG, f.Why = ragRed, plural(not, "clause or control", "clauses and controls")+" of the scope not covered by any checklist item"
	case skipped > 0 || c.count(covPending) > 0:
		f.RAG, f.Why = ragAmber, "Not sampled or not yet assessed: see the Scope coverage sheet"
	}
	return f, true
}

// actionsOf returns a nonconformity's corrective actions and how many are finished.
func actionsOf(s *snap, n *isms.Nonconformity) (acts []*isms.Action, finished int) {
	for _, id := range n.CorrectiveActionIDs {
		if a, ok := get[*isms.Action](s, isms.KindAction, id); ok {
			acts = append(acts, a)
			if a.Finished() {
				finished++
			}
		}
	}
	return acts, finished
}

func ncOverdue(n *isms.Nonconformity, today isms.Date) bool {
	return n.Status != isms.NCClosed && n.DueDate != "" && n.DueDate.Before(today)
}

func ncTable(s *snap, ncs []*isms.Nonconformity) *table {
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 32}, {Name: "Finding", Width: 12},
		{Name: "Status", Width: 18, RAG: ncRAG}, {Name: "Owner", Width: 18}, {Name: "Detected on", Width: 12},
		{Name: "Due date", Width: 12}, {Name: "Overdue", Width: 10, RAG: overdueRAG}, {Name: "Corrective actions", Width: 30},
		{Name: "Actions finished", Width: 10}, {Name: "Effectiveness", Width: 14}, {Name: "Closed on", Width: 12}}
	return &table{Cols: cols, N: len(ncs), Rows: func(emit func(...any) error) error {
		for _, n := range ncs {
			acts, fin := actionsOf(s, n)
			done := any(nil)
			if len(acts) > 0 {
				done = fmt.Sprintf("%d of %d", fin, len(acts))
			}
			if err := emit(n.Ref, n.Title, s.ref(isms.KindFinding, n.FindingID), isms.NonconformityStatuses.Label(n.Status),
				s.name(n.OwnerID), n.DetectedOn, n.DueDate, overdue(ncOverdue(n, s.today)),
				s.refs(isms.KindAction, n.CorrectiveActionIDs), done, isms.Verdicts.Label(n.Effectiveness.Verdict), n.ClosedOn); err != nil {
				return err
			}
		}
		return nil
	}}
}

func correctiveTable(s *snap, ncs []*isms.Nonconformity) *table {
	cols := []column{{Name: "Nonconformity", Width: 13}, {Name: "Action", Width: 10}, {Name: "Title", Width: 44},
		{Name: "Owner", Width: 18}, {Name: "Due date", Width: 12}, {Name: "Status", Width: 12, RAG: actionRAG},
		{Name: "Completed on", Width: 12}, {Name: "Overdue", Width: 10, RAG: overdueRAG}, {Name: "Notes", Width: 40}}
	n := 0
	for _, nc := range ncs {
		n += len(nc.CorrectiveActionIDs)
	}
	return &table{Cols: cols, N: n, Rows: func(emit func(...any) error) error {
		for _, nc := range ncs {
			acts, _ := actionsOf(s, nc)
			for _, a := range acts {
				if err := emit(nc.Ref, a.Ref, a.Title, s.name(a.OwnerID), a.DueDate, isms.ActionStatuses.Label(a.Status),
					a.CompletedOn, overdue(a.Overdue(s.today)), a.Notes); err != nil {
					return err
				}
			}
		}
		return nil
	}}
}

func auditSummary(s *snap, a *isms.Audit, findings []*isms.Finding, ncs []*isms.Nonconformity) *table {
	var rows [][2]any
	rows = append(rows, [2]any{"Checklist items", len(a.Checklist)})
	counts := a.ResultCounts()
	for _, o := range isms.ChecklistResults {
		rows = append(rows, [2]any{"Checklist: " + o.Label, counts[o.Value]})
	}
	rows = append(rows, [2]any{"Findings", len(findings)})
	sev := map[string]int{}
	for _, f := range findings {
		sev[f.Severity]++
	}
	for _, o := range isms.Severities {
		rows = append(rows, [2]any{"Findings: " + o.Label, sev[o.Value]})
	}
	closed, acts, finished, late := 0, 0, 0, 0
	for _, n := range ncs {
		if n.Status == isms.NCClosed {
			closed++
		}
		list, fin := actionsOf(s, n)
		acts += len(list)
		finished += fin
		for _, x := range list {
			if x.Overdue(s.today) {
				late++
			}
		}
	}
	rows = append(rows, [2]any{"Nonconformities raised", len(ncs)}, [2]any{"Nonconformities closed", closed},
		[2]any{"Corrective actions", acts}, [2]any{"Corrective actions done or cancelled", finished},
		[2]any{"Corrective actions overdue", late})
	t := fieldTable(rows)
	t.Cols = []column{{Name: "Measure", Width: 44}, {Name: "Count", Width: 10}}
	return t
}
