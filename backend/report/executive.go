package report

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// The executive page opens every workbook: where the ISMS stands in five to eight
// headline figures with red, amber and green and their change since the previous export
// of the same report, the decisions the records ask of management, and the top
// assurance exceptions. It is built here once, for every report, from the records every
// report loads (execKinds).

// execKinds are the kinds the executive page reads, loaded by every report.
var execKinds = []isms.Kind{isms.KindRisk, isms.KindControl, isms.KindAction, isms.KindNonconformity, isms.KindFinding,
	isms.KindAudit, isms.KindObjective, isms.KindKPI, isms.KindMeasurement, isms.KindRequirement, isms.KindPolicy,
	isms.KindEvidence, isms.KindPerson, isms.KindRole}

// execFigures names each report's headline figures, in the order the page shows them.
var execFigures = map[string][]string{
	"management-review":  {"controls", "risks", "kpis", "objectives", "ncs", "actions", "requirements", "exceptions"},
	"audit":              {"audit.assessed", "audit.conforming", "audit.findings", "audit.raised", "audit.scope", "audit.actions", "exceptions"},
	"soa":                {"controls", "controls.late", "controls.evidence", "risks", "requirements"},
	"requirements":       {"requirements", "requirements.covered", "requirements.contradicted", "controls", "actions"},
	"gap-analysis":       {"requirements.covered", "requirements", "requirements.contradicted", "controls", "ncs"},
	"risks":              {"risks", "risks.high", "risks.awaiting", "controls", "actions"},
	"assets":             {"assets.owner", "assets.classified", "risks", "controls", "ncs"},
	"kpi-dashboard":      {"kpis", "objectives", "controls", "ncs", "actions"},
	"training":           {"kpis", "objectives", "controls", "ncs", "actions"},
	"corrective-actions": {"ncs", "ncs.late", "ncs.major", "actions.corrective", "actions"},
}

// figure is one headline figure.
type figure struct {
	Key     string  // stable, stored with the last export's figures
	Label   string  // for people
	Value   float64 // compared with the last export
	Text    string  // the value as shown, e.g. "71 of 93 (76%)"
	Percent bool    // whether Value is a percentage (its change is in points)
	Lower   bool    // whether a lower value is better
	RAG     string  // ragGreen, ragAmber, ragRed
	Why     string  // what the colour means for this figure
	Change  string  // set by executive: the change since the last export
}

// decision is one decision the records ask of management.
type decision struct {
	Ask   string // what is asked, e.g. "Approve the objective"
	Ref   string
	Title string
	Owner string
	When  string // the date that makes it due, in words
}

// lastExport is what the store keeps of a report's last export (SettingLastExport).
type lastExport struct {
	At      time.Time          `json:"at"`
	Figures map[string]float64 `json:"figures"`
	Count   int                `json:"count"` // how many exports of the report there have been (0: kept before they were counted)
}

// edition is the version of the report being written: one more than the exports before.
func edition(prev *lastExport) int {
	if prev == nil {
		return 1
	}
	return max(prev.Count, 1) + 1
}

// SettingLastExport prefixes the setting that keeps a report's last exported headline
// figures (JSON), e.g. "report.lastExport.soa".
const SettingLastExport = "report.lastExport."

// readLastExport returns the report's last exported figures, nil when none are kept (or
// what is kept cannot be read: the page then says "first export").
func readLastExport(tx *store.Tx, name string) (*lastExport, error) {
	v, err := tx.Setting(SettingLastExport + name)
	if err != nil || v == "" {
		return nil, err
	}
	var l lastExport
	if json.Unmarshal([]byte(v), &l) != nil || l.Figures == nil {
		return nil, nil
	}
	return &l, nil
}

// keepLastExport stores the figures as the report's last export.
func keepLastExport(tx *store.Tx, name string, at time.Time, figs []figure, count int) error {
	l := lastExport{At: at.UTC(), Figures: map[string]float64{}, Count: count}
	for _, f := range figs {
		l.Figures[f.Key] = f.Value
	}
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	return tx.SetSetting(SettingLastExport+name, string(b))
}

// summary is the content of the executive page.
type summary struct {
	Figures    []figure
	Previous   *lastExport
	Decisions  []decision
	More       map[string]int // decisions left off per ask
	Exceptions []exception
	// DecisionsTitle heads the decisions ("" for "Decisions requested"); Presented, when
	// set, says the pack is a review as presented, in place of the live exceptions.
	DecisionsTitle string
	Presented      string
}

// maxDecisions is how many decisions of one sort the page lists before "and N more".
const maxDecisions = 5

// executive works out the executive page of the named report.
func executive(s *snap, name string, prev *lastExport) summary {
	if s.presented != nil {
		return presentedSummary(s.presented, s, prev)
	}
	out := summary{Previous: prev, More: map[string]int{}}
	for _, key := range execFigures[name] {
		fn := figureFuncs[key]
		if fn == nil {
			continue
		}
		f, ok := fn(s)
		if !ok {
			continue
		}
		f.Key = key
		f.Change = changeText(f, prev)
		out.Figures = append(out.Figures, f)
	}
	for _, d := range decisionsOf(s) {
		if n := countAsk(out.Decisions, d.Ask); n >= maxDecisions {
			out.More[d.Ask]++
			continue
		}
		out.Decisions = append(out.Decisions, d)
	}
	auditID := ""
	if name == "audit" {
		if a, err := find[*isms.Audit](s, isms.KindAudit, s.id); err == nil {
			auditID = a.ID
		}
	}
	out.Exceptions = exceptions(s, auditID)
	return out
}

func countAsk(list []decision, ask string) int {
	n := 0
	for _, d := range list {
		if d.Ask == ask {
			n++
		}
	}
	return n
}

// changeText puts a figure's change since the last export in words.
func changeText(f figure, prev *lastExport) string {
	if prev == nil {
		return "First export"
	}
	was, ok := prev.Figures[f.Key]
	if !ok {
		return "Not in the last export"
	}
	since := " since " + string(isms.DateOf(prev.At))
	d := math.Round((f.Value-was)*10) / 10
	if d == 0 {
		return "No change" + since
	}
	n := strconv.FormatFloat(math.Abs(d), 'f', -1, 64)
	sign := "+"
	if d < 0 {
		sign = "−"
	}
	unit := ""
	if f.Percent {
		unit = " points"
	}
	better := (d < 0) == f.Lower
	word := "better"
	if !better {
		word = "worse"
	}
	return sign + n + unit + since + " (" + word + ")"
}

// figureFuncs compute the headline figures; false when a figure does not apply.
var figureFuncs = map[string]func(s *snap) (figure, bool){
	"controls":                  figControls,
	"controls.late":             figControlsLate,
	"controls.evidence":         figControlsEvidence,
	"risks":                     figRisks,
	"risks.high":                figRisksHigh,
	"risks.awaiting":            figRisksAwaiting,
	"kpis":                      figKPIs,
	"objectives":                figObjectives,
	"ncs":                       figNCs,
	"ncs.late":                  figNCsLate,
	"ncs.major":                 figNCsMajor,
	"actions":                   figActions,
	"actions.corrective":        figCorrectiveLate,
	"requirements":              figRequirements,
	"requirements.covered":      figCovered,
	"requirements.contradicted": figContradicted,
	"exceptions":                figExceptions,
	"audit.assessed":            figAuditAssessed,
	"audit.conforming":          figAuditConforming,
	"audit.findings":            figAuditFindings,
	"audit.raised":              figAuditRaised,
	"audit.scope":               figAuditScope,
	"audit.actions":             figAuditActions,
	"assets.owner":              figAssetsOwner,
	"assets.classified":         figAssetsClassified,
}

// pct is n of total as a percentage with one decimal.
func pct(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return math.Round(1000*float64(n)/float64(total)) / 10
}

// ofText is "n of total (p%)".
func ofText(n, total int) string {
	return fmt.Sprintf("%d of %d (%s%%)", n, total, strconv.FormatFloat(pct(n, total), 'f', -1, 64))
}

// count is a figure of things that should be none: green at 0, else colour.
func countFigure(label string, n int, colour, why string) figure {
	f := figure{Label: label, Value: float64(n), Text: strconv.Itoa(n), Lower: true, RAG: ragGreen, Why: "None"}
	if n > 0 {
		f.RAG, f.Why = colour, why
	}
	return f
}

// lateControl reports whether an applicable control is not implemented past its due date.
func lateControl(c *isms.Control, today isms.Date) bool {
	return c.Applicability == isms.ApplicabilityApplicable && c.Status != isms.ImplImplemented && c.DueDate != "" && c.DueDate.Before(today)
}

func figControls(s *snap) (figure, bool) {
	app, impl, late := 0, 0, 0
	for _, c := range all[*isms.Control](s, isms.KindControl) {
		if c.Applicability != isms.ApplicabilityApplicable {
			continue
		}
		app++
		if c.Status == isms.ImplImplemented {
			impl++
		}
		if lateControl(c, s.today) {
			late++
		}
	}
	if app == 0 {
		return figure{}, false
	}
	f := figure{Label: "Applicable controls implemented", Value: pct(impl, app), Text: ofText(impl, app), Percent: true}
	switch {
	case late > 0:
		f.RAG, f.Why = ragRed, plural(late, "control is", "controls are")+" past the implementation due date"
	case impl < app:
		f.RAG, f.Why = ragAmber, "The others are within their due dates"
	default:
		f.RAG, f.Why = ragGreen, "Every applicable control is implemented"
	}
	return f, true
}

func figControlsLate(s *snap) (figure, bool) {
	n := 0
	for _, c := range all[*isms.Control](s, isms.KindControl) {
		if lateControl(c, s.today) {
			n++
		}
	}
	return countFigure("Controls past their implementation due date", n, ragRed, "Implementation is late: re-plan or escalate"), true
}

func figControlsEvidence(s *snap) (figure, bool) {
	ev := evidencedControls(s)
	impl, with := 0, 0
	for _, c := range all[*isms.Control](s, isms.KindControl) {
		if c.Applicability == isms.ApplicabilityApplicable && c.Status == isms.ImplImplemented {
			impl++
			if ev[c.ID] || strings.TrimSpace(c.Evidence) != "" {
				with++
			}
		}
	}
	if impl == 0 {
		return figure{}, false
	}
	f := figure{Label: "Implemented controls with evidence", Value: pct(with, impl), Text: ofText(with, impl), Percent: true, RAG: ragGreen, Why: "Every implemented control has evidence"}
	if with < impl {
		f.RAG, f.Why = ragAmber, plural(impl-with, "implemented control has", "implemented controls have")+" no evidence an auditor can see"
	}
	return f, true
}

// judged is the score a risk's acceptance is judged on: residual, else inherent.
func judged(r *isms.Risk) int {
	if n := r.ResidualScore(); n > 0 {
		return n
	}
	return r.Score()
}

func figRisks(s *snap) (figure, bool) {
	n, unaccepted := 0, 0
	for _, r := range all[*isms.Risk](s, isms.KindRisk) {
		if r.Status != isms.RiskClosed && judged(r) > s.method.Threshold {
			n++
			if r.Status != isms.RiskAccepted {
				unaccepted++
			}
		}
	}
	f := countFigure(fmt.Sprintf("Risks above the acceptance threshold (score %d)", s.method.Threshold), n, ragAmber, "Each is accepted by its owner")
	if unaccepted > 0 {
		f.RAG, f.Why = ragRed, fmt.Sprintf("%d of them not accepted by the owner", unaccepted)
	}
	return f, true
}

func figRisksHigh(s *snap) (figure, bool) {
	n, unaccepted := 0, 0
	for _, r := range all[*isms.Risk](s, isms.KindRisk) {
		l := s.method.Level(judged(r))
		if r.Status != isms.RiskClosed && (l == isms.LevelHigh || l == isms.LevelCritical) {
			n++
			if r.Status != isms.RiskAccepted {
				unaccepted++
			}
		}
	}
	f := countFigure("Risks high or critical (residual score, else inherent)", n, ragAmber, "Each is accepted by its owner")
	if unaccepted > 0 {
		f.RAG, f.Why = ragRed, fmt.Sprintf("%d of them not accepted by the owner", unaccepted)
	}
	return f, true
}

// awaitingAcceptance reports whether a risk waits for its owner's acceptance (overview.AwaitingAcceptance).
func awaitingAcceptance(r *isms.Risk) bool { return overview.AwaitingAcceptance(r) }

func figRisksAwaiting(s *snap) (figure, bool) {
	n := 0
	for _, r := range all[*isms.Risk](s, isms.KindRisk) {
		if awaitingAcceptance(r) {
			n++
		}
	}
	return countFigure("Risks awaiting the owner's acceptance", n, ragAmber, "The residual risk is not yet accepted (6.1.3 f)"), true
}

// kpiStatus returns the status of each active KPI's latest value as at today ("" for none).
func kpiStatus(s *snap) map[*isms.KPI]string {
	ser := series(s)
	out := map[*isms.KPI]string{}
	for _, k := range all[*isms.KPI](s, isms.KindKPI) {
		if !k.Active {
			continue
		}
		st := ""
		if last, _ := upTo(ser[k.ID], s.today); last != nil {
			st = isms.RAG(k, last.Value)
		}
		out[k] = st
	}
	return out
}

func figKPIs(s *snap) (figure, bool) {
	st := kpiStatus(s)
	measured, green, red, amber := 0, 0, 0, 0
	for _, v := range st {
		switch v {
		case isms.RAGGreen:
			green++
		case isms.RAGAmber:
			amber++
		case isms.RAGRed:
			red++
		default:
			continue
		}
		measured++
	}
	if measured == 0 {
		return figure{}, false
	}
	f := figure{Label: "KPIs on target", Value: float64(green), Text: fmt.Sprintf("%d of %d measured", green, measured)}
	switch {
	case red > 0:
		f.RAG, f.Why = ragRed, plural(red, "KPI is", "KPIs are")+" beyond the amber threshold"
	case amber > 0:
		f.RAG, f.Why = ragAmber, plural(amber, "KPI is", "KPIs are")+" below target, within the amber threshold"
	default:
		f.RAG, f.Why = ragGreen, "Every measured KPI meets its target"
	}
	return f, true
}

func figObjectives(s *snap) (figure, bool) {
	ser := series(s)
	total, on, bad := 0, 0, 0
	for _, o := range all[*isms.Objective](s, isms.KindObjective) {
		if o.Status == isms.ObjectiveCancelled {
			continue
		}
		total++
		w := worstRAG(s, o, ser, s.today)
		late := o.Status != isms.ObjectiveAchieved && o.DueDate != "" && o.DueDate.Before(s.today)
		switch {
		case o.Status == isms.ObjectiveMissed || late || w == isms.RAGs.Label(isms.RAGRed):
			bad++
		case o.Status == isms.ObjectiveAchieved || ((o.Status == isms.ObjectiveApproved || o.Status == isms.ObjectiveInProgress) && w != isms.RAGs.Label(isms.RAGAmber)):
			on++
		}
	}
	if total == 0 {
		return figure{}, false
	}
	f := figure{Label: "Objectives achieved or on track", Value: float64(on), Text: fmt.Sprintf("%d of %d", on, total)}
	switch {
	case bad > 0:
		f.RAG, f.Why = ragRed, plural(bad, "objective is", "objectives are")+" missed, past the deadline or with a red KPI"
	case on < total:
		f.RAG, f.Why = ragAmber, "The others await approval or have a KPI below target"
	default:
		f.RAG, f.Why = ragGreen, "Every objective is achieved or on track"
	}
	return f, true
}

func figNCs(s *snap) (figure, bool) {
	open, late, major := 0, 0, 0
	for _, n := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
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
	f := countFigure("Open nonconformities", open, ragAmber, "Within their due dates, none major")
	if late > 0 || major > 0 {
		var why []string
		if late > 0 {
			why = append(why, plural(late, "is", "are")+" past the due date")
		}
		if major > 0 {
			why = append(why, plural(major, "is", "are")+" major")
		}
		f.RAG, f.Why = ragRed, strings.Join(why, "; ")
	}
	return f, true
}

func figNCsLate(s *snap) (figure, bool) {
	n := 0
	for _, nc := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		if ncOverdue(nc, s.today) {
			n++
		}
	}
	return countFigure("Nonconformities past their due date", n, ragRed, "Correction is late: escalate"), true
}

func figNCsMajor(s *snap) (figure, bool) {
	return countFigure("Major nonconformities still open", len(openMajorNCs(s)), ragRed, "A major nonconformity puts certification at risk"), true
}

func figActions(s *snap) (figure, bool) {
	n := 0
	for _, a := range all[*isms.Action](s, isms.KindAction) {
		if a.Overdue(s.today) {
			n++
		}
	}
	return countFigure("Actions overdue", n, ragRed, "Past their due date and not done"), true
}

func figCorrectiveLate(s *snap) (figure, bool) {
	n := 0
	for _, nc := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		acts, _ := actionsOf(s, nc)
		for _, a := range acts {
			if a.Overdue(s.today) {
				n++
			}
		}
	}
	return countFigure("Corrective actions overdue", n, ragRed, "Past their due date and not done"), true
}

func figRequirements(s *snap) (figure, bool) {
	app, ok, non, other := 0, 0, 0, 0
	for _, r := range all[*isms.Requirement](s, isms.KindRequirement) {
		if !r.Applicable || r.Status == isms.ComplianceNotApplicable {
			continue
		}
		app++
		switch r.Status {
		case isms.ComplianceCompliant:
			ok++
		case isms.ComplianceNonCompliant:
			non++
		default:
			other++
		}
	}
	if app == 0 {
		return figure{}, false
	}
	f := figure{Label: "Applicable requirements assessed compliant", Value: pct(ok, app), Text: ofText(ok, app), Percent: true}
	switch {
	case non > 0:
		f.RAG, f.Why = ragRed, plural(non, "requirement is", "requirements are")+" assessed non-compliant"
	case other > 0:
		f.RAG, f.Why = ragAmber, plural(other, "is", "are")+" partially compliant or not assessed"
	default:
		f.RAG, f.Why = ragGreen, "Every applicable requirement is assessed compliant"
	}
	return f, true
}

func figCovered(s *snap) (figure, bool) {
	t := s.gap.Total
	if t.Applicable == 0 {
		return figure{}, false
	}
	f := figure{Label: "Requirements fully covered by implemented controls and evidence", Value: pct(t.Covered, t.Applicable),
		Text: ofText(t.Covered, t.Applicable), Percent: true}
	switch {
	case t.Gap > 0:
		f.RAG, f.Why = ragRed, plural(t.Gap, "requirement has", "requirements have")+" no control, policy or evidence"
	case t.Partial > 0:
		f.RAG, f.Why = ragAmber, plural(t.Partial, "is", "are")+" partly covered"
	default:
		f.RAG, f.Why = ragGreen, "Every applicable requirement is covered"
	}
	return f, true
}

func figContradicted(s *snap) (figure, bool) {
	return countFigure("Compliance claims their coverage does not support", len(s.gap.Contradictions), ragRed,
		"Assessed compliant while a control is not implemented or nothing covers it"), true
}

func figExceptions(s *snap) (figure, bool) {
	auditID := ""
	if a, err := find[*isms.Audit](s, isms.KindAudit, s.id); err == nil {
		auditID = a.ID
	}
	return countFigure("Assurance exceptions", len(exceptions(s, auditID)), ragAmber, "Records that contradict each other: see the Assurance exceptions sheet"), true
}

// theAudit is the audit the report is about, if it is the audit report.
func theAudit(s *snap) (*isms.Audit, bool) {
	a, err := find[*isms.Audit](s, isms.KindAudit, s.id)
	return a, err == nil && s.id != ""
}

// auditNCs returns the nonconformities raised from an audit's findings.
func auditNCs(s *snap, a *isms.Audit) []*isms.Nonconformity {
	findings := map[string]bool{}
	var out []*isms.Nonconformity
	seen := map[string]bool{}
	for _, f := range all[*isms.Finding](s, isms.KindFinding) {
		if f.AuditID == a.ID {
			findings[f.ID] = true
			if n, ok := get[*isms.Nonconformity](s, isms.KindNonconformity, f.NonconformityID); ok && !seen[n.ID] {
				out, seen[n.ID] = append(out, n), true
			}
		}
	}
	for _, n := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		if findings[n.FindingID] && !seen[n.ID] {
			out, seen[n.ID] = append(out, n), true
		}
	}
	return out
}

func figAuditActions(s *snap) (figure, bool) {
	a, ok := theAudit(s)
	if !ok {
		return figure{}, false
	}
	n := 0
	for _, nc := range auditNCs(s, a) {
		acts, _ := actionsOf(s, nc)
		for _, x := range acts {
			if x.Overdue(s.today) {
				n++
			}
		}
	}
	return countFigure("Corrective actions from this audit overdue", n, ragRed, "Past their due date and not done"), true
}

// liveAsset reports whether an asset is in the inventory's care (not disposed of).
func liveAsset(a *isms.Asset) bool {
	return a.Status == isms.AssetInUse || a.Status == isms.AssetPlanned
}

func figAssetsOwner(s *snap) (figure, bool) {
	n := 0
	for _, a := range all[*isms.Asset](s, isms.KindAsset) {
		if liveAsset(a) && a.OwnerID == "" {
			n++
		}
	}
	return countFigure("Assets without an owner", n, ragRed, "Every asset needs an owner (A.5.9)"), true
}

func figAssetsClassified(s *snap) (figure, bool) {
	n := 0
	for _, a := range all[*isms.Asset](s, isms.KindAsset) {
		if liveAsset(a) && a.Classification == "" {
			n++
		}
	}
	return countFigure("Assets not classified", n, ragAmber, "Information is to be classified (A.5.12)"), true
}

// decisionsOf lists the decisions the records ask of management (overview.Decisions of
// overview.ExecutiveSorts, the computation the dashboard shares), by sort, each sort the
// longest waiting first.
func decisionsOf(s *snap) []decision {
	var out []decision
	for _, d := range overview.Decisions(s.recs, s.method, s.today, overview.ExecutiveSorts...) {
		out = append(out, decision{d.Ask, d.Ref, d.Title, d.Owner, d.When})
	}
	return out
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// ragWord names a colour for people.
func ragWord(rag string) string {
	switch rag {
	case ragGreen:
		return "Green"
	case ragAmber:
		return "Amber"
	case ragRed:
		return "Red"
	}
	return ""
}
