package report

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// The assurance exception rules: contradictions between records that a lead auditor
// looks for, in the order the exceptions sheet lists them.
const (
	ruleRequirement = "requirement"  // a requirement assessed compliant that its controls do not support
	ruleTreated     = "treated-risk" // a risk marked treated whose controls are not implemented
	ruleLowResidual = "low-residual" // a low residual risk with a red KPI or an open major nonconformity
	ruleEvidence    = "soa-evidence" // an SoA control marked implemented with no evidence
	ruleScope       = "audit-scope"  // an audit scope whose clauses were not tested
	ruleObservation = "observation"  // a checklist result other than conforming with no finding raised
)

// ruleLabels names each rule for people.
var ruleLabels = map[string]string{
	ruleRequirement: "Requirement assessed compliant, controls not implemented",
	ruleTreated:     "Risk marked treated, controls not implemented",
	ruleLowResidual: "Low residual risk, but a red KPI or an open major nonconformity",
	ruleEvidence:    "Control marked implemented, no evidence",
	ruleScope:       "Audit scope not tested",
	ruleObservation: "Checklist result with no finding",
}

var ruleOrder = []string{ruleRequirement, ruleTreated, ruleLowResidual, ruleEvidence, ruleScope, ruleObservation}

// exception is one contradiction the records show.
type exception struct {
	Rule   string    // one of the rule constants
	Kind   isms.Kind // the record it is about
	Ref    string    // that record's reference
	Title  string    // and title
	Owner  string    // its owner's name, "" when none
	Detail string    // the contradiction in words
}

// exceptions lists the contradictions of the records in the snapshot, rule by rule, in
// record order. The audit rules look at reported (or closed) audits: the audit auditID
// only, or every audit when it is "".
func exceptions(s *snap, auditID string) []exception {
	var out []exception
	out = append(out, requirementExceptions(s)...)
	out = append(out, treatedRiskExceptions(s)...)
	out = append(out, lowResidualExceptions(s)...)
	out = append(out, evidenceExceptions(s)...)
	for _, a := range all[*isms.Audit](s, isms.KindAudit) {
		// An audit's checklist and findings are complete once it is reported.
		if reported := a.Status == isms.AuditCompleted || a.Status == isms.AuditClosed; reported && (auditID == "" || a.ID == auditID) {
			out = append(out, scopeExceptions(a)...)
			out = append(out, observationExceptions(s, a)...)
		}
	}
	return out
}

// requirementExceptions: the requirements assessed compliant that their coverage
// contradicts, as the window's gap analysis finds them (overview.GapAnalysis).
func requirementExceptions(s *snap) []exception {
	var out []exception
	for _, c := range s.gap.Contradictions {
		e := exception{Rule: ruleRequirement, Kind: isms.KindRequirement, Ref: c.Ref, Title: c.Title, Detail: c.Message}
		if r, ok := get[*isms.Requirement](s, isms.KindRequirement, c.RequirementID); ok {
			e.Owner = s.name(r.OwnerID)
		}
		out = append(out, e)
	}
	return out
}

// notImplemented lists the controls of ids that exist and are not implemented, as
// "A.8.7 in progress".
func notImplemented(s *snap, ids []string) []string {
	var out []string
	for _, id := range ids {
		if c, ok := get[*isms.Control](s, isms.KindControl, id); ok && c.Status != isms.ImplImplemented {
			status := strings.ToLower(isms.ImplementationStatuses.Label(c.Status))
			if status == "" {
				status = "not assessed"
			}
			out = append(out, c.Ref+" "+status)
		}
	}
	return out
}

// treatedRiskExceptions: a risk marked treated (or accepted after mitigation) while a
// control that treats it is not implemented.
func treatedRiskExceptions(s *snap) []exception {
	var out []exception
	for _, r := range all[*isms.Risk](s, isms.KindRisk) {
		if r.Status != isms.RiskTreated && (r.Status != isms.RiskAccepted || r.Treatment != isms.TreatMitigate) {
			continue
		}
		if nd := notImplemented(s, r.ControlIDs); len(nd) > 0 {
			out = append(out, exception{Rule: ruleTreated, Kind: isms.KindRisk, Ref: r.Ref, Title: r.Title, Owner: s.name(r.OwnerID),
				Detail: "Marked " + strings.ToLower(isms.RiskStatuses.Label(r.Status)) + ", but " + strings.Join(nd, ", ")})
		}
	}
	return out
}

// riskKPIs returns the KPIs that measure a risk's controls: those a control lists and
// those that name the control.
func riskKPIs(s *snap, r *isms.Risk) []*isms.KPI {
	controls := map[string]bool{}
	seen := map[string]bool{}
	var out []*isms.KPI
	for _, id := range r.ControlIDs {
		controls[id] = true
		if c, ok := get[*isms.Control](s, isms.KindControl, id); ok {
			for _, k := range c.KPIIDs {
				if kpi, ok := get[*isms.KPI](s, isms.KindKPI, k); ok && !seen[k] {
					out, seen[k] = append(out, kpi), true
				}
			}
		}
	}
	for _, k := range all[*isms.KPI](s, isms.KindKPI) {
		if controls[k.ControlID] && !seen[k.ID] {
			out, seen[k.ID] = append(out, k), true
		}
	}
	return out
}

// openMajorNCs returns the open nonconformities raised from a major finding, with the
// clause or control the finding concerns.
func openMajorNCs(s *snap) map[*isms.Nonconformity]string {
	out := map[*isms.Nonconformity]string{}
	for _, n := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		if n.Status == isms.NCClosed {
			continue
		}
		if f, ok := majorFinding(s, n); ok {
			out[n] = f.Clause
		}
	}
	return out
}

// majorFinding returns the major finding a nonconformity came from, if it did.
func majorFinding(s *snap, n *isms.Nonconformity) (*isms.Finding, bool) {
	if f, ok := get[*isms.Finding](s, isms.KindFinding, n.FindingID); ok && f.Severity == isms.SeverityMajor {
		return f, true
	}
	for _, f := range all[*isms.Finding](s, isms.KindFinding) {
		if f.NonconformityID == n.ID && f.Severity == isms.SeverityMajor {
			return f, true
		}
	}
	return nil, false
}

// lowResidualExceptions: a risk whose residual level is low while a KPI of its controls
// is red as at today, or an open major nonconformity concerns one of its controls.
func lowResidualExceptions(s *snap) []exception {
	var out []exception
	ser := series(s)
	majors := openMajorNCs(s)
	for _, r := range all[*isms.Risk](s, isms.KindRisk) {
		if r.Status == isms.RiskClosed || r.ResidualScore() == 0 || s.method.Level(r.ResidualScore()) != isms.LevelLow {
			continue
		}
		var why []string
		for _, k := range riskKPIs(s, r) {
			if last, _ := upTo(ser[k.ID], s.today); last != nil && isms.RAG(k, last.Value) == isms.RAGRed {
				why = append(why, fmt.Sprintf("%s %s is red (%s on %s)", k.Ref, k.Name, withUnit(last.Value, k.Unit), last.Date))
			}
		}
		refs := map[string]bool{}
		for _, id := range r.ControlIDs {
			if c, ok := get[*isms.Control](s, isms.KindControl, id); ok {
				refs[isms.NormalizeControlRef(c.Ref)] = true
			}
		}
		var ncs []string
		for n, clause := range majors {
			if clause != "" && refs[isms.NormalizeControlRef(clause)] {
				ncs = append(ncs, n.Ref+" (major, "+strings.ToLower(isms.NonconformityStatuses.Label(n.Status))+") on "+isms.NormalizeControlRef(clause))
			}
		}
		sort.Strings(ncs) // map order
		why = append(why, ncs...)
		if len(why) > 0 {
			out = append(out, exception{Rule: ruleLowResidual, Kind: isms.KindRisk, Ref: r.Ref, Title: r.Title, Owner: s.name(r.OwnerID),
				Detail: "Residual risk " + strings.ToLower(s.levelLabel(r.ResidualScore())) + " (score " + strconv.Itoa(r.ResidualScore()) + "), but " + strings.Join(why, "; ")})
		}
	}
	return out
}

// evidenceExceptions: an applicable control marked implemented with no evidence record
// attached and no evidence location noted.
func evidenceExceptions(s *snap) []exception {
	evidenced := evidencedControls(s)
	var out []exception
	for _, c := range controlsInOrder(s) {
		if c.Applicability == isms.ApplicabilityApplicable && c.Status == isms.ImplImplemented &&
			!evidenced[c.ID] && strings.TrimSpace(c.Evidence) == "" {
			out = append(out, exception{Rule: ruleEvidence, Kind: isms.KindControl, Ref: c.Ref, Title: c.Title, Owner: s.name(c.OwnerID),
				Detail: "Implemented in the Statement of Applicability, but no evidence is attached or noted"})
		}
	}
	return out
}

// tested reports whether a checklist result says the item was tested.
func tested(result string) bool {
	switch result {
	case isms.ResultConforming, isms.ResultObservation, isms.ResultOpportunity, isms.ResultMinorNC, isms.ResultMajorNC:
		return true
	}
	return false
}

var (
	controlInText = regexp.MustCompile(`(?i)\bA\s?\.?\s?(\d{1,2})\.(\d{1,2})\b`)
	clauseRange   = regexp.MustCompile(`\b(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})\b`)
	clauseInText  = regexp.MustCompile(`\b\d{1,2}(?:\.\d{1,2}){0,2}\b`)
)

// scopeRefs reads the clauses and Annex A controls an audit's scope names: controls
// written with their prefix ("A.5.15"), ranges of clauses ("clauses 4 to 10") and clause
// numbers the standard has ("9.2"). Other numbers are left alone.
func scopeRefs(scope string) (clauses, controls []string) {
	for _, m := range controlInText.FindAllStringSubmatch(scope, -1) {
		if c, ok := isms.LookupControl("A." + m[1] + "." + m[2]); ok && !contains(controls, c.Ref) {
			controls = append(controls, c.Ref)
		}
	}
	rest := controlInText.ReplaceAllString(scope, " ")
	for _, m := range clauseRange.FindAllStringSubmatch(rest, -1) {
		lo, _ := strconv.Atoi(m[1])
		hi, _ := strconv.Atoi(m[2])
		for n := max(lo, 4); n <= min(hi, 10) && lo <= hi; n++ {
			if ref := strconv.Itoa(n); !contains(clauses, ref) {
				clauses = append(clauses, ref)
			}
		}
	}
	rest = clauseRange.ReplaceAllString(rest, " ")
	for _, m := range clauseInText.FindAllString(rest, -1) {
		if c, ok := isms.LookupClause(m); ok && !contains(clauses, c.Ref) {
			clauses = append(clauses, c.Ref)
		}
	}
	return clauses, controls
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// scopeExceptions: the clauses and controls an audit's scope names that no tested
// checklist item covers (an item on 9.2 covers clause 9 and 9.2; on 9.2.1, 9.2 too).
func scopeExceptions(a *isms.Audit) []exception {
	clauses, controls := scopeRefs(a.Scope)
	var covered []string
	for _, c := range a.Checklist {
		if tested(c.Result) {
			ref := strings.TrimSpace(c.Ref)
			if _, ok := isms.LookupClause(ref); ok {
				covered = append(covered, strings.TrimSpace(strings.TrimPrefix(strings.ToLower(ref), "clause")))
			} else if ctl, ok := isms.LookupControl(ref); ok && strings.HasPrefix(strings.ToUpper(ref), "A") {
				covered = append(covered, ctl.Ref)
			}
		}
	}
	isCovered := func(ref string) bool {
		for _, c := range covered {
			if c == ref || strings.HasPrefix(c, ref+".") {
				return true
			}
		}
		return false
	}
	var missing []string
	for _, c := range clauses {
		if !isCovered(c) {
			cl, _ := isms.LookupClause(c)
			missing = append(missing, "clause "+c+" "+cl.Title)
		}
	}
	for _, c := range controls {
		if !isCovered(c) {
			ctl, _ := isms.LookupControl(c)
			missing = append(missing, c+" "+ctl.Title)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return []exception{{Rule: ruleScope, Kind: isms.KindAudit, Ref: a.Ref, Title: a.Title,
		Detail: "The scope names " + strings.Join(missing, "; ") + ", but no checklist item tests it"}}
}

// observationExceptions: a checklist item whose result is other than conforming
// (observation, opportunity, minor or major nonconformity) while the audit has no finding
// on its clause or control.
func observationExceptions(s *snap, a *isms.Audit) []exception {
	raised := map[string]bool{}
	for _, f := range all[*isms.Finding](s, isms.KindFinding) {
		if f.AuditID == a.ID {
			raised[normRef(f.Clause)] = true
		}
	}
	var out []exception
	for i, c := range a.Checklist {
		switch c.Result {
		case isms.ResultObservation, isms.ResultOpportunity, isms.ResultMinorNC, isms.ResultMajorNC:
		default:
			continue
		}
		if raised[normRef(c.Ref)] {
			continue
		}
		what := strings.TrimSpace(c.Ref)
		if what == "" {
			what = "its question"
		}
		out = append(out, exception{Rule: ruleObservation, Kind: isms.KindAudit, Ref: a.Ref, Title: a.Title,
			Detail: fmt.Sprintf("Checklist item %d (%s) records %s, but no finding of the audit is raised on %s",
				i+1, orText(strings.TrimSpace(c.Ref), "no reference"), withArticle(strings.ToLower(isms.ChecklistResults.Label(c.Result))), what)})
	}
	return out
}

// withUnit writes a value with its unit: "66 hours", "92.5%".
func withUnit(v float64, unit string) string {
	n := strconv.FormatFloat(v, 'f', -1, 64)
	switch u := strings.TrimSpace(unit); u {
	case "":
		return n
	case "%":
		return n + u
	default:
		return n + " " + u
	}
}

// withArticle puts "a" or "an" before a noun phrase.
func withArticle(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// normRef writes a clause or control reference one way: "Clause 7.2" and "7.2" as "7.2",
// "a 5.15" and "A.5.15" as "A.5.15".
func normRef(ref string) string {
	r := strings.TrimSpace(ref)
	if c, ok := isms.LookupClause(r); ok {
		return c.Ref
	}
	if strings.HasPrefix(strings.ToUpper(r), "A") {
		if c, ok := isms.LookupControl(r); ok {
			return c.Ref
		}
	}
	return strings.ToUpper(r)
}

// exceptionsTable is the assurance exceptions sheet; an empty table says so.
func exceptionsTable(list []exception) *table {
	cols := []column{{Name: "Exception", Width: 30}, {Name: "Record", Width: 12}, {Name: "Title", Width: 30},
		{Name: "Owner", Width: 18}, {Name: "What the records say", Width: 70}}
	pre := []line{{"Exceptions", exceptionCounts(list)}}
	return &table{Pre: pre, Cols: cols, N: max(len(list), 1), Rows: func(emit func(...any) error) error {
		if len(list) == 0 {
			return emit("None found", nil, nil, nil, "No record contradicts another on the rules checked.")
		}
		for _, e := range list {
			if err := emit(ruleLabels[e.Rule], e.Ref, e.Title, e.Owner, e.Detail); err != nil {
				return err
			}
		}
		return nil
	}}
}

// exceptionCounts counts the exceptions by rule, every rule named: "2 requirement ...; 0 ...".
func exceptionCounts(list []exception) string {
	n := map[string]int{}
	for _, e := range list {
		n[e.Rule]++
	}
	var parts []string
	for _, r := range ruleOrder {
		parts = append(parts, fmt.Sprintf("%s: %d", ruleLabels[r], n[r]))
	}
	return strings.Join(parts, "\n")
}

// exceptionsSheet is the assurance exceptions sheet of a report.
func exceptionsSheet(list []exception) sheet {
	return sheet{Name: "Assurance exceptions", About: fmt.Sprintf(
		"%s where the records contradict each other: requirements, risks and controls whose status their links do not support, audit scopes not tested and checklist results without a finding.",
		plural(len(list), "exception", "exceptions")), Table: exceptionsTable(list)}
}

// plural writes a count with its noun: "1 exception", "3 exceptions".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
