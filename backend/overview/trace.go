package overview

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Traceability: the auditor's question "from this legal requirement, show me the evidence",
// asked from any record.
//
// The chain pivots on controls. Trace first finds the controls the start record leads to
// (its hub controls): a requirement's or a risk's controls, a policy's, the control a KPI
// measures, a control itself, the controls an audit, finding or nonconformity names, and so
// on through one linked record (an asset's risks, an issue's risks, a party's requirements,
// an objective's KPIs, the record a piece of evidence supports, a nonconformity's finding
// and the risks its corrective actions also treat). From each hub control it then takes one
// step to every record linked to it in either direction: the requirements it covers, the
// risks it treats, the policies that implement it, the KPIs that measure it and the assets
// it protects. Then, for every record in the chain, the assets exposed to its risks and the
// evidence attached to its requirements, risks, controls and policies; and the audits,
// findings and nonconformities that name a hub control (or a clause the start record
// names) by link or only in their text. Each step is taken once, from the hubs, and every
// record appears once, so the chain cannot loop and stays readable: a requirement reached
// through a control does not bring in its other controls.
//
// References in text are matched conservatively (see refsInText and refsInField): an
// auditor's "A.8.24" is a control, a checklist item's "7.2" is a clause, but "5.15" in a
// sentence is only a control when the word control or Annex A comes before it.

// Why a record is in the chain.
const (
	// TraceStart is the record the trace starts from.
	TraceStart = "start"
	// TraceLinked is a record linked to the chain by an ID.
	TraceLinked = "linked"
	// TraceNamed is a record that names a control or clause of the chain only in its text.
	TraceNamed = "named"
)

// TraceVias lists why a record is in the chain, with labels.
var TraceVias = isms.Enum{
	{Value: TraceStart, Label: "This record"},
	{Value: TraceLinked, Label: "Linked"},
	{Value: TraceNamed, Label: "Named in the text"},
}

// The columns of the chain, in the order the window shows them.
const (
	TraceRequirements = "requirements"
	TraceRisks        = "risks"
	TraceAssets       = "assets"
	TraceControls     = "controls"
	TracePolicies     = "policies"
	TraceKPIs         = "kpis"
	TraceEvidence     = "evidence"
	TraceAudits       = "audits" // internal audits, findings and nonconformities
)

// traceColumns are the columns with their labels and the kinds each one holds, in order.
var traceColumns = []struct {
	key   string
	label string
	kinds []isms.Kind
}{
	{TraceRequirements, "Requirements", []isms.Kind{isms.KindRequirement}},
	{TraceRisks, "Risks", []isms.Kind{isms.KindRisk}},
	{TraceAssets, "Assets", []isms.Kind{isms.KindAsset}},
	{TraceControls, "Controls", []isms.Kind{isms.KindControl}},
	{TracePolicies, "Policies", []isms.Kind{isms.KindPolicy}},
	{TraceKPIs, "KPIs", []isms.Kind{isms.KindKPI}},
	{TraceEvidence, "Evidence", []isms.Kind{isms.KindEvidence}},
	{TraceAudits, "Audits and nonconformities", []isms.Kind{isms.KindAudit, isms.KindFinding, isms.KindNonconformity}},
}

// Kinds of gap in a chain.
const (
	// GapRequirementNoControl: an applicable requirement that no control covers.
	GapRequirementNoControl = "requirement_no_control"
	// GapRiskNoControl: an open risk to be mitigated with neither a control nor an action.
	GapRiskNoControl = "risk_no_control"
	// GapControlNoEvidence: an applicable control without evidence records or evidence noted.
	GapControlNoEvidence = "control_no_evidence"
	// GapControlNotAudited: an applicable control that no audit checklist or finding names.
	GapControlNotAudited = "control_not_audited"
)

// TraceGaps lists the kinds of gap, with labels, in the order the window counts them.
var TraceGaps = isms.Enum{
	{Value: GapRequirementNoControl, Label: "Requirements without a control"},
	{Value: GapRiskNoControl, Label: "Risks without a control"},
	{Value: GapControlNoEvidence, Label: "Controls without evidence"},
	{Value: GapControlNotAudited, Label: "Controls not audited"},
}

// TraceItem is one record of a chain.
type TraceItem struct {
	Kind        isms.Kind `json:"kind"`
	KindLabel   string    `json:"kindLabel"` // one record of the kind, e.g. "Internal audit"
	ID          string    `json:"id"`
	Ref         string    `json:"ref"`
	Title       string    `json:"title"`
	Status      string    `json:"status"`      // the record's status value, "" when its kind has none
	StatusLabel string    `json:"statusLabel"` // the status in words
	Via         string    `json:"via"`         // one of TraceVias: the strongest reason it is here
	ViaLabel    string    `json:"viaLabel"`
	// Reasons say why it is here in words, e.g. "treated by A.8.24" or
	// "names A.8.24 in checklist item 3".
	Reasons []string `json:"reasons"`
}

// TraceColumn is one column of the chain.
type TraceColumn struct {
	Key   string      `json:"key"` // one of the Trace column constants, e.g. TraceControls
	Label string      `json:"label"`
	Items []TraceItem `json:"items"` // the start record first, then by kind and reference
}

// TraceGap is one gap of the chain.
type TraceGap struct {
	Kind     string    `json:"kind"` // one of TraceGaps
	ItemKind isms.Kind `json:"itemKind"`
	ID       string    `json:"id"`
	Ref      string    `json:"ref"`
	Message  string    `json:"message"` // in words, e.g. "A.8.24 has no evidence"
}

// TraceGapCount counts the gaps of one kind.
type TraceGapCount struct {
	Kind  string `json:"kind"` // one of TraceGaps
	Label string `json:"label"`
	Count int    `json:"count"`
}

// TraceView is the chain of one record, as columns.
type TraceView struct {
	Start TraceItem `json:"start"`
	// Columns are every column of the chain in order, empty ones included.
	Columns []TraceColumn `json:"columns"`
	// Clauses are the ISO/IEC 27001 clauses the start record names and the chain follows.
	Clauses []isms.Clause `json:"clauses"`
	// Size counts the records in the columns, the start record not included.
	Size int `json:"size"`
	// Gaps are the chain's gaps, by kind in the order of TraceGaps, then by column order.
	Gaps []TraceGap `json:"gaps"`
	// GapCounts count the gaps of every kind, in the order of TraceGaps.
	GapCounts []TraceGapCount `json:"gapCounts"`
}

// Trace follows the chain requirement, risk, control, policy, KPI, evidence, audit from the
// record of kind with id in both directions (see the comment at the top of this file). A
// missing start record is a CodeNotFound error; links to records that no longer exist are
// left out.
func Trace(tx *store.Tx, kind isms.Kind, id string) (TraceView, error) {
	rec, err := tx.Get(kind, id)
	if err != nil {
		return TraceView{}, err
	}
	t := &tracer{tx: tx, items: map[isms.Link]*traceNode{}, hubSet: map[string]bool{}, clauseSet: map[string]bool{},
		evidence: map[isms.Link]int{}, recs: map[isms.Link]isms.Record{}}
	t.recs[isms.Link{Kind: kind, ID: id}] = rec
	t.start = t.put(rec, TraceStart, "")
	steps := []func() error{
		func() error { return t.seed(rec) },
		t.expandHubs,
		t.assetsOfRisks,
		t.auditsAndNonconformities,
		t.attachEvidence,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return TraceView{}, err
		}
	}
	return t.view(), nil
}

// traceNode is a chain item with its record.
type traceNode struct {
	item  TraceItem
	rec   isms.Record
	order int // when it joined, for a stable order of records without a reference
}

type tracer struct {
	tx    *store.Tx
	start *traceNode
	items map[isms.Link]*traceNode
	n     int
	recs  map[isms.Link]isms.Record // records read, nil for missing ones

	hubs   []string // hub control IDs, in the order found
	hubSet map[string]bool

	clauses   []string // clause numbers the start record names
	clauseSet map[string]bool

	evidence map[isms.Link]int // evidence records per chain record
	audited  map[string]bool   // control refs (refKey) an audit checklist or finding names
}

// get reads a record once; a missing record is (nil, nil).
func (t *tracer) get(kind isms.Kind, id string) (isms.Record, error) {
	k := isms.Link{Kind: kind, ID: id}
	if r, ok := t.recs[k]; ok {
		return r, nil
	}
	r, err := t.tx.Get(kind, id)
	if isms.ErrorCode(err) == isms.CodeNotFound {
		t.recs[k] = nil
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	t.recs[k] = r
	return r, nil
}

// viaRank orders the reasons for being in the chain: a link beats a mention in the text.
func viaRank(via string) int {
	switch via {
	case TraceStart:
		return 0
	case TraceLinked:
		return 1
	}
	return 2
}

// put adds a record to the chain, or adds a reason to it when it is there already.
func (t *tracer) put(r isms.Record, via, reason string) *traceNode {
	k := isms.Link{Kind: r.Kind(), ID: r.Base().ID}
	if n, ok := t.items[k]; ok {
		if n == t.start {
			return n // the start record is there because it is the start
		}
		if viaRank(via) < viaRank(n.item.Via) {
			n.item.Via, n.item.ViaLabel = via, TraceVias.Label(via)
		}
		if reason != "" && !slices.Contains(n.item.Reasons, reason) {
			n.item.Reasons = append(n.item.Reasons, reason)
		}
		return n
	}
	terms := r.Terms()
	it := TraceItem{Kind: r.Kind(), KindLabel: kindLabel(r.Kind()), ID: k.ID, Ref: terms.Ref, Title: titleOf(t.tx, r, nil),
		Status: terms.Status, StatusLabel: statusLabel(r.Kind(), terms.Status), Via: via, ViaLabel: TraceVias.Label(via), Reasons: []string{}}
	if reason != "" {
		it.Reasons = append(it.Reasons, reason)
	}
	t.n++
	n := &traceNode{item: it, rec: r, order: t.n}
	t.items[k] = n
	return n
}

// add adds the record of kind with id, when it exists.
func (t *tracer) add(kind isms.Kind, id, via, reason string) (isms.Record, error) {
	if id == "" {
		return nil, nil
	}
	r, err := t.get(kind, id)
	if r == nil || err != nil {
		return nil, err
	}
	t.put(r, via, reason)
	return r, nil
}

// relate adds the record of kind with id, when it exists, as linked to a record of the
// chain; when it is in the chain already it only gains the reason.
func (t *tracer) relate(kind isms.Kind, id, reason string) (isms.Record, error) {
	if n, ok := t.items[isms.Link{Kind: kind, ID: id}]; ok {
		return t.add(kind, id, n.item.Via, reason)
	}
	return t.add(kind, id, TraceLinked, reason)
}

// hub adds a control to the chain as a hub control.
func (t *tracer) hub(id, via, reason string) error {
	r, err := t.add(isms.KindControl, id, via, reason)
	if r == nil || err != nil {
		return err
	}
	if !t.hubSet[id] {
		t.hubSet[id] = true
		t.hubs = append(t.hubs, id)
	}
	return nil
}

// backlinks returns the records of kind that link to the record through field ("" for any field).
func (t *tracer) backlinks(to isms.Record, kind isms.Kind, field string) ([]isms.Record, error) {
	back, err := t.tx.Backlinks(to.Kind(), to.Base().ID)
	if err != nil {
		return nil, err
	}
	var out []isms.Record
	seen := map[string]bool{}
	for _, b := range back {
		if b.Kind != kind || (field != "" && b.Field != field) || seen[b.ID] {
			continue
		}
		seen[b.ID] = true
		r, err := t.get(b.Kind, b.ID)
		if err != nil {
			return nil, err
		}
		if r != nil {
			out = append(out, r)
		}
	}
	return out, nil
}

// name is how a reason names a record: its reference, else its title.
func name(r isms.Record) string {
	t := r.Terms()
	if strings.TrimSpace(t.Ref) != "" {
		return t.Ref
	}
	return t.Title
}

// seed finds the hub controls and the records directly linked to the start record.
func (t *tracer) seed(rec isms.Record) error {
	switch r := rec.(type) {
	case *isms.Requirement:
		// A requirement may be one of the standard's own ("ISO/IEC 27001 clause 7.2"): the
		// audits that check that clause belong to its chain. Controls a requirement's text
		// names are not followed: its links say which controls cover it.
		for _, s := range []string{r.Ref, r.Title, r.Text} {
			_, clauses := refsInText(s)
			t.addClauses(clauses)
		}
		return t.seedRequirement(r)
	case *isms.Risk:
		return t.seedRisk(r)
	case *isms.Control:
		return t.hub(r.ID, TraceLinked, "") // the start, or the control a piece of evidence supports
	case *isms.Policy:
		for _, id := range r.ControlIDs {
			if err := t.hub(id, TraceLinked, "implemented by "+name(r)); err != nil {
				return err
			}
		}
		reqs, err := t.backlinks(r, isms.KindRequirement, "policyIds")
		for _, q := range reqs {
			t.put(q, TraceLinked, "covered by "+name(r))
		}
		return err
	case *isms.KPI:
		if err := t.hub(r.ControlID, TraceLinked, "measured by "+name(r)); err != nil {
			return err
		}
		controls, err := t.backlinks(r, isms.KindControl, "kpiIds")
		for _, c := range controls {
			if err := t.hub(c.Base().ID, TraceLinked, "measured by "+name(r)); err != nil {
				return err
			}
		}
		return err
	case *isms.Objective:
		kpis, err := t.backlinks(r, isms.KindKPI, "objectiveId")
		if err != nil {
			return err
		}
		for _, id := range r.KPIIDs {
			k, err := t.get(isms.KindKPI, id)
			if err != nil {
				return err
			}
			if k != nil && !slices.Contains(kpis, k) {
				kpis = append(kpis, k)
			}
		}
		for _, k := range kpis {
			t.put(k, TraceLinked, "shows progress on "+name(r))
			if err := t.hub(k.(*isms.KPI).ControlID, TraceLinked, "measured by "+name(k)); err != nil {
				return err
			}
		}
		return nil
	case *isms.Evidence:
		target, err := t.add(r.TargetKind, r.TargetID, TraceLinked, "supported by "+name(r))
		if target == nil || err != nil {
			return err
		}
		return t.seed(target)
	case *isms.Asset:
		for _, id := range r.RiskIDs {
			risk, err := t.add(isms.KindRisk, id, TraceLinked, "a risk to "+name(r))
			if err != nil {
				return err
			}
			if risk != nil {
				if err := t.seedRisk(risk.(*isms.Risk)); err != nil {
					return err
				}
			}
		}
		for _, id := range r.ControlIDs {
			if err := t.hub(id, TraceLinked, "protects "+name(r)); err != nil {
				return err
			}
		}
		return nil
	case *isms.Issue:
		for _, id := range r.RiskIDs {
			risk, err := t.add(isms.KindRisk, id, TraceLinked, "arises from "+name(r))
			if err != nil {
				return err
			}
			if risk != nil {
				if err := t.seedRisk(risk.(*isms.Risk)); err != nil {
					return err
				}
			}
		}
		return nil
	case *isms.Party:
		for _, id := range r.RequirementIDs {
			q, err := t.add(isms.KindRequirement, id, TraceLinked, "a requirement of "+name(r))
			if err != nil {
				return err
			}
			if q != nil {
				if err := t.seedRequirement(q.(*isms.Requirement)); err != nil {
					return err
				}
			}
		}
		return nil
	case *isms.Audit:
		if err := t.seedNamed(r); err != nil {
			return err
		}
		findings, err := t.backlinks(r, isms.KindFinding, "auditId")
		for _, f := range findings {
			t.put(f, TraceLinked, "a finding of "+name(r))
			if err := t.seedFinding(f.(*isms.Finding)); err != nil {
				return err
			}
		}
		return err
	case *isms.Finding:
		if _, err := t.add(isms.KindAudit, r.AuditID, TraceLinked, "the audit of "+name(r)); err != nil {
			return err
		}
		return t.seedFinding(r)
	case *isms.Nonconformity:
		if err := t.seedNamed(r); err != nil {
			return err
		}
		f, err := t.add(isms.KindFinding, r.FindingID, TraceLinked, "raised "+name(r))
		if err != nil {
			return err
		}
		if f != nil {
			if _, err := t.add(isms.KindAudit, f.(*isms.Finding).AuditID, TraceLinked, "the audit of "+name(f)); err != nil {
				return err
			}
			if err := t.seedFinding(f.(*isms.Finding)); err != nil {
				return err
			}
		}
		for _, aid := range r.CorrectiveActionIDs {
			if err := t.seedAction(aid, r); err != nil {
				return err
			}
		}
		return nil
	case *isms.Action:
		if err := t.seedAction(r.ID, nil); err != nil {
			return err
		}
		if _, err := t.add(isms.KindNonconformity, r.NonconformityID, TraceLinked, "corrected by "+name(r)); err != nil {
			return err
		}
		ncs, err := t.backlinks(r, isms.KindNonconformity, "correctiveActionIds")
		for _, n := range ncs {
			t.put(n, TraceLinked, "corrected by "+name(r))
		}
		return err
	}
	return nil
}

// seedRequirement makes a requirement's controls hubs and adds its policies.
func (t *tracer) seedRequirement(r *isms.Requirement) error {
	for _, id := range r.ControlIDs {
		if err := t.hub(id, TraceLinked, "covers "+name(r)); err != nil {
			return err
		}
	}
	for _, id := range r.PolicyIDs {
		if _, err := t.add(isms.KindPolicy, id, TraceLinked, "covers "+name(r)); err != nil {
			return err
		}
	}
	return nil
}

// seedRisk makes a risk's controls hubs.
func (t *tracer) seedRisk(r *isms.Risk) error {
	for _, id := range r.ControlIDs {
		if err := t.hub(id, TraceLinked, "treats "+name(r)); err != nil {
			return err
		}
	}
	return nil
}

// seedFinding makes the controls a finding names hubs, takes its clauses and adds its
// nonconformity.
func (t *tracer) seedFinding(f *isms.Finding) error {
	if err := t.seedNamed(f); err != nil {
		return err
	}
	_, err := t.add(isms.KindNonconformity, f.NonconformityID, TraceLinked, "raised by "+name(f))
	return err
}

// seedAction adds the risks an action treats, with their controls; from a nonconformity
// (nc not nil) the action is one of its corrective actions.
func (t *tracer) seedAction(id string, nc isms.Record) error {
	a, err := t.get(isms.KindAction, id)
	if a == nil || err != nil {
		return err
	}
	risks, err := t.backlinks(a, isms.KindRisk, "actionIds")
	for _, r := range risks {
		reason := "treated by " + name(a)
		if nc != nil {
			reason += ", a corrective action of " + name(nc)
		}
		t.put(r, TraceLinked, reason)
		if err := t.seedRisk(r.(*isms.Risk)); err != nil {
			return err
		}
	}
	return err
}

// seedNamed makes the controls an audit, finding or nonconformity names hubs and takes
// the clauses it names.
func (t *tracer) seedNamed(r isms.Record) error {
	for _, m := range mentionsOf(r) {
		if m.clause {
			t.addClauses([]string{m.ref})
			continue
		}
		c, err := t.controlByRef(m.ref)
		if err != nil {
			return err
		}
		if c != nil {
			if err := t.hub(c.Base().ID, TraceNamed, "named in "+m.where+" of "+name(r)); err != nil {
				return err
			}
		}
	}
	return nil
}

// addClauses adds clauses to the ones the chain follows.
func (t *tracer) addClauses(refs []string) {
	for _, ref := range refs {
		if !t.clauseSet[ref] {
			t.clauseSet[ref] = true
			t.clauses = append(t.clauses, ref)
		}
	}
}

// controlByRef finds a control by a reference as mentionsOf gives it, nil when none.
func (t *tracer) controlByRef(ref string) (isms.Record, error) {
	c, err := t.tx.ByRef(isms.KindControl, ref)
	if isms.ErrorCode(err) == isms.CodeNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	t.recs[isms.Link{Kind: isms.KindControl, ID: c.Base().ID}] = c
	return c, nil
}

// expandHubs adds, for every hub control, the records linked to it in either direction.
func (t *tracer) expandHubs() error {
	for _, id := range t.hubs {
		rec, err := t.get(isms.KindControl, id)
		if rec == nil || err != nil {
			return err
		}
		c := rec.(*isms.Control)
		steps := []struct {
			kind   isms.Kind
			field  string
			reason string
		}{
			{isms.KindRequirement, "controlIds", "covered by "},
			{isms.KindRisk, "controlIds", "treated by "},
			{isms.KindPolicy, "controlIds", "implements "},
			{isms.KindKPI, "controlId", "measures "},
			{isms.KindAsset, "controlIds", "protected by "},
		}
		for _, s := range steps {
			linked, err := t.backlinks(c, s.kind, s.field)
			if err != nil {
				return err
			}
			for _, r := range linked {
				t.put(r, TraceLinked, s.reason+name(c))
			}
		}
		for _, k := range c.KPIIDs {
			if _, err := t.add(isms.KindKPI, k, TraceLinked, "measures "+name(c)); err != nil {
				return err
			}
		}
	}
	return nil
}

// nodes returns the chain's records of the kinds, in the order they joined.
func (t *tracer) nodes(kinds ...isms.Kind) []*traceNode {
	var out []*traceNode
	for _, n := range t.items {
		if slices.Contains(kinds, n.item.Kind) {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b *traceNode) int { return a.order - b.order })
	return out
}

// assetsOfRisks adds the assets exposed to the chain's risks.
func (t *tracer) assetsOfRisks() error {
	for _, n := range t.nodes(isms.KindRisk) {
		assets, err := t.backlinks(n.rec, isms.KindAsset, "riskIds")
		if err != nil {
			return err
		}
		for _, a := range assets {
			t.put(a, TraceLinked, "exposed to "+name(n.rec))
		}
	}
	return nil
}

// auditsAndNonconformities adds the audits, findings and nonconformities that name a hub
// control or a clause of the chain in their text, and the requirements that name a clause
// of the chain; then those linked to them (a finding's audit and nonconformities, a
// nonconformity's finding) and the nonconformities whose corrective actions also treat a
// risk of the chain.
func (t *tracer) auditsAndNonconformities() error {
	hubRefs := map[string][]isms.Record{} // refKey -> hub controls
	for _, id := range t.hubs {
		c, err := t.get(isms.KindControl, id)
		if err != nil {
			return err
		}
		if c != nil {
			k := refKey(c.Terms().Ref)
			hubRefs[k] = append(hubRefs[k], c)
		}
	}
	t.audited = map[string]bool{}
	for _, kind := range []isms.Kind{isms.KindAudit, isms.KindFinding, isms.KindNonconformity} {
		err := t.tx.Each(kind, func(r isms.Record) error {
			for _, m := range mentionsOf(r) {
				if m.clause {
					if t.clauseSet[m.ref] {
						t.put(r, TraceNamed, "names clause "+m.ref+" in "+m.where)
					}
					continue
				}
				if kind != isms.KindNonconformity {
					t.audited[refKey(m.ref)] = true
				}
				for _, c := range hubRefs[refKey(m.ref)] {
					t.put(r, TraceNamed, "names "+name(c)+" in "+m.where)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	// A requirement of the standard itself follows the clauses of the chain.
	if len(t.clauses) > 0 {
		err := t.tx.Each(isms.KindRequirement, func(r isms.Record) error {
			q := r.(*isms.Requirement)
			for _, s := range []string{q.Ref, q.Title, q.Text} {
				_, clauses := refsInText(s)
				for _, c := range clauses {
					if t.clauseSet[c] {
						t.put(r, TraceNamed, "names clause "+c+" in the text")
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	// A finding leads to its audit and nonconformities, a nonconformity to its finding; two
	// rounds reach a nonconformity's finding's audit. These links do not make a record that
	// names a control only in its text a linked one: it keeps its own reason for being here.
	for range 2 {
		for _, n := range t.nodes(isms.KindFinding, isms.KindNonconformity) {
			switch r := n.rec.(type) {
			case *isms.Finding:
				if _, err := t.relate(isms.KindAudit, r.AuditID, "the audit of "+name(r)); err != nil {
					return err
				}
				if _, err := t.relate(isms.KindNonconformity, r.NonconformityID, "raised by "+name(r)); err != nil {
					return err
				}
				ncs, err := t.backlinks(r, isms.KindNonconformity, "findingId")
				if err != nil {
					return err
				}
				for _, nc := range ncs {
					if _, err := t.relate(isms.KindNonconformity, nc.Base().ID, "raised by "+name(r)); err != nil {
						return err
					}
				}
			case *isms.Nonconformity:
				if _, err := t.relate(isms.KindFinding, r.FindingID, "raised "+name(r)); err != nil {
					return err
				}
			}
		}
	}
	for _, n := range t.nodes(isms.KindRisk) {
		for _, aid := range n.rec.(*isms.Risk).ActionIDs {
			a, err := t.get(isms.KindAction, aid)
			if a == nil || err != nil {
				if err != nil {
					return err
				}
				continue
			}
			reason := "its corrective action " + name(a) + " also treats " + name(n.rec)
			if _, err := t.add(isms.KindNonconformity, a.(*isms.Action).NonconformityID, TraceLinked, reason); err != nil {
				return err
			}
			ncs, err := t.backlinks(a, isms.KindNonconformity, "correctiveActionIds")
			if err != nil {
				return err
			}
			for _, nc := range ncs {
				t.put(nc, TraceLinked, reason)
			}
		}
	}
	return nil
}

// attachEvidence adds the evidence of the chain's requirements, risks, controls and
// policies, and of the start record.
func (t *tracer) attachEvidence() error {
	holders := t.nodes(isms.KindRequirement, isms.KindRisk, isms.KindControl, isms.KindPolicy)
	if !slices.Contains(holders, t.start) {
		holders = append(holders, t.start)
	}
	for _, n := range holders {
		if n.item.Kind == isms.KindEvidence {
			continue
		}
		ev, err := t.backlinks(n.rec, isms.KindEvidence, "targetId")
		if err != nil {
			return err
		}
		t.evidence[isms.Link{Kind: n.item.Kind, ID: n.item.ID}] = len(ev)
		for _, e := range ev {
			t.put(e, TraceLinked, "evidence of "+name(n.rec))
		}
	}
	return nil
}

// view lays the chain out as columns and works out its gaps.
func (t *tracer) view() TraceView {
	v := TraceView{Start: t.start.item, Columns: []TraceColumn{}, Clauses: []isms.Clause{}, Gaps: []TraceGap{}, GapCounts: []TraceGapCount{}}
	for _, col := range traceColumns {
		nodes := t.nodes(col.kinds...)
		slices.SortStableFunc(nodes, func(a, b *traceNode) int {
			switch {
			case a == t.start:
				return -1
			case b == t.start:
				return 1
			}
			if d := slices.Index(col.kinds, a.item.Kind) - slices.Index(col.kinds, b.item.Kind); d != 0 {
				return d
			}
			if d := naturalCompare(a.item.Ref, b.item.Ref); d != 0 {
				return d
			}
			if d := strings.Compare(strings.ToLower(a.item.Title), strings.ToLower(b.item.Title)); d != 0 {
				return d
			}
			return a.order - b.order
		})
		c := TraceColumn{Key: col.key, Label: col.label, Items: []TraceItem{}}
		for _, n := range nodes {
			c.Items = append(c.Items, n.item)
			if n != t.start {
				v.Size++
			}
		}
		v.Columns = append(v.Columns, c)
	}
	for _, ref := range t.clauses {
		if c, ok := isms.LookupClause(ref); ok {
			v.Clauses = append(v.Clauses, c)
		}
	}
	v.Gaps = t.gaps(v.Columns)
	for _, g := range TraceGaps {
		n := 0
		for _, x := range v.Gaps {
			if x.Kind == g.Value {
				n++
			}
		}
		v.GapCounts = append(v.GapCounts, TraceGapCount{Kind: g.Value, Label: g.Label, Count: n})
	}
	return v
}

// gaps finds the chain's gaps, in the order of TraceGaps and then of the columns.
func (t *tracer) gaps(cols []TraceColumn) []TraceGap {
	out := []TraceGap{}
	gap := func(kind string, it TraceItem, msg string) {
		out = append(out, TraceGap{Kind: kind, ItemKind: it.Kind, ID: it.ID, Ref: it.Ref, Message: msg})
	}
	label := func(it TraceItem) string {
		if it.Ref != "" {
			return it.Ref
		}
		return it.Title
	}
	items := func(kind isms.Kind) []TraceItem {
		for _, c := range cols {
			var out []TraceItem
			for _, it := range c.Items {
				if it.Kind == kind {
					out = append(out, it)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
		return nil
	}
	exists := func(kind isms.Kind, ids []string) bool {
		for _, id := range ids {
			if r, _ := t.get(kind, id); r != nil {
				return true
			}
		}
		return false
	}
	for _, it := range items(isms.KindRequirement) {
		r := t.items[isms.Link{Kind: it.Kind, ID: it.ID}].rec.(*isms.Requirement)
		if Applies(r) && !exists(isms.KindControl, r.ControlIDs) {
			gap(GapRequirementNoControl, it, label(it)+" has no control")
		}
	}
	for _, it := range items(isms.KindRisk) {
		r := t.items[isms.Link{Kind: it.Kind, ID: it.ID}].rec.(*isms.Risk)
		mitigate := r.Treatment == "" || r.Treatment == isms.TreatMitigate
		if mitigate && r.Status != isms.RiskClosed && !exists(isms.KindControl, r.ControlIDs) && !exists(isms.KindAction, r.ActionIDs) {
			gap(GapRiskNoControl, it, label(it)+" has no control")
		}
	}
	controls := items(isms.KindControl)
	applicable := func(it TraceItem) *isms.Control {
		c := t.items[isms.Link{Kind: it.Kind, ID: it.ID}].rec.(*isms.Control)
		if c.Applicability == isms.ApplicabilityNotApplicable {
			return nil
		}
		return c
	}
	for _, it := range controls {
		if c := applicable(it); c != nil && t.evidence[isms.Link{Kind: it.Kind, ID: it.ID}] == 0 && strings.TrimSpace(c.Evidence) == "" {
			gap(GapControlNoEvidence, it, label(it)+" has no evidence")
		}
	}
	for _, it := range controls {
		if c := applicable(it); c != nil && !t.audited[refKey(c.Ref)] {
			gap(GapControlNotAudited, it, label(it)+" has not been audited")
		}
	}
	return out
}

// kindLabel names one record of a kind.
func kindLabel(k isms.Kind) string {
	switch k {
	case isms.KindRequirement:
		return "Requirement"
	case isms.KindRisk:
		return "Risk"
	case isms.KindAsset:
		return "Asset"
	case isms.KindControl:
		return "Control"
	case isms.KindPolicy:
		return "Policy"
	case isms.KindKPI:
		return "KPI"
	case isms.KindEvidence:
		return "Evidence"
	case isms.KindAudit:
		return "Internal audit"
	case isms.KindFinding:
		return "Audit finding"
	case isms.KindNonconformity:
		return "Nonconformity"
	case isms.KindObjective:
		return "Objective"
	case isms.KindIssue:
		return "Issue"
	case isms.KindParty:
		return "Interested party"
	case isms.KindAction:
		return "Action"
	}
	return k.Label()
}

// statusLabel puts a record's status in words.
func statusLabel(k isms.Kind, status string) string {
	if status == "" {
		return ""
	}
	enums := map[isms.Kind]isms.Enum{
		isms.KindRequirement:   isms.ComplianceStatuses,
		isms.KindRisk:          isms.RiskStatuses,
		isms.KindAsset:         isms.AssetStatuses,
		isms.KindControl:       isms.ImplementationStatuses,
		isms.KindPolicy:        isms.PolicyStatuses,
		isms.KindAudit:         isms.AuditStatuses,
		isms.KindFinding:       isms.Severities,
		isms.KindNonconformity: isms.NonconformityStatuses,
		isms.KindObjective:     isms.ObjectiveStatuses,
		isms.KindIssue:         isms.IssueStatuses,
		isms.KindAction:        isms.ActionStatuses,
	}
	if e, ok := enums[k]; ok && e.Has(status) {
		return e.Label(status)
	}
	return status
}

// refKey is a control reference as matches compare it: Annex A references written the
// catalogue's way, other (custom) references trimmed and in lower case.
func refKey(ref string) string {
	if c, ok := isms.LookupControl(ref); ok {
		return c.Ref
	}
	return strings.ToLower(strings.TrimSpace(ref))
}

// mention is a control or clause named by an audit, finding or nonconformity.
type mention struct {
	ref    string // "A.8.24" (or a custom control's reference as written) or a clause, "7.2"
	clause bool
	where  string // where it is named, e.g. "checklist item 3"
}

// mentionsOf lists the controls and clauses an audit, finding or nonconformity names, in
// the order of its fields. Reference fields (a checklist item's reference, a finding's
// clause) are read with refsInField, the rest with refsInText.
func mentionsOf(r isms.Record) []mention {
	var out []mention
	field := func(s, where string) {
		controls, clauses := refsInField(s)
		for _, c := range controls {
			out = append(out, mention{ref: c, where: where})
		}
		for _, c := range clauses {
			out = append(out, mention{ref: c, clause: true, where: where})
		}
	}
	text := func(s, where string) {
		controls, clauses := refsInText(s)
		for _, c := range controls {
			out = append(out, mention{ref: c, where: where})
		}
		for _, c := range clauses {
			out = append(out, mention{ref: c, clause: true, where: where})
		}
	}
	switch x := r.(type) {
	case *isms.Audit:
		text(x.Scope, "the scope")
		for i, c := range x.Checklist {
			where := "checklist item " + strconv.Itoa(i+1)
			field(c.Ref, where)
			text(c.Question, where)
			text(c.Evidence, where)
		}
		text(x.Conclusion, "the conclusion")
	case *isms.Finding:
		field(x.Clause, "the clause")
		text(x.Title, "the title")
		text(x.Description, "the description")
	case *isms.Nonconformity:
		text(x.Title, "the title")
		text(x.Description, "the description")
		text(x.Correction, "the correction")
		text(x.RootCause, "the root cause")
		text(x.SimilarCheck, "the check for similar cases")
	}
	// One mention per reference and place.
	seen := map[mention]bool{}
	kept := out[:0]
	for _, m := range out {
		if !seen[m] {
			seen[m] = true
			kept = append(kept, m)
		}
	}
	return kept
}

// refsInField reads a field that holds one reference, such as a checklist item's "Ref":
// a known clause number ("7.2", "Clause 9.3.2") is a clause even where Annex A has a
// control of that number (A.7.2), because the standard's convention and the checklist's
// is to write controls with their "A."; a bare number that is no clause but an Annex A
// control ("5.15", "8.24") is that control; any other text is read as a custom control's
// reference as written (matched against controls exactly, ignoring case) and scanned with
// refsInText ("A.5.15, A.5.16").
func refsInField(s string) (controls, clauses []string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	u := strings.ToUpper(s)
	if !strings.HasPrefix(u, "A") {
		if c, ok := isms.LookupClause(s); ok {
			return nil, []string{c.Ref}
		}
	}
	if c, ok := isms.LookupControl(s); ok {
		return []string{c.Ref}, nil
	}
	controls, clauses = refsInText(s)
	if len(controls) == 0 && len(clauses) == 0 {
		controls = []string{s}
	}
	return controls, clauses
}

var (
	// annexRef is an Annex A reference with its "A": "A.5.15", "A 5.15", "A5.15",
	// "Annex A.5.15", "A.05.15". The capital A must start a word; the match is refused
	// when a further ".digit" follows (ISO 27001:2013's "A.9.2.1", section numbers).
	annexRef = regexp.MustCompile(`A ?\.? ?(\d{1,2})\.(\d{1,2})(\.\d)?`)
	// keywordRef is a bare control number after the word control(s) or "Annex A":
	// "control 5.15", "Controls 8.24".
	keywordRef = regexp.MustCompile(`(?i)\b(?:controls?|annex\s+a)\s+(\d{1,2})\.(\d{1,2})(\.\d)?`)
	// clauseRef is a clause number after the word clause(s): "clause 7.2", "Clause 9.3.2".
	clauseRef = regexp.MustCompile(`(?i)\bclauses?\s+(\d{1,2}(?:\.\d{1,2}){0,2})(\.\d)?`)
)

// refsInText finds the Annex A controls and the clauses a sentence names. To stay clear of
// version numbers, dates, amounts and the articles of laws, it is conservative: a control
// is "A.5.15" (or "A 5.15", "A5.15") with a capital A that starts a word, or a bare number
// right after the word control or "Annex A" ("control 5.15"); a clause is a number right
// after the word clause ("clause 7.2"). Either must exist in the catalogue, and a number
// followed by a further ".digit" or digit is not matched ("A.8.2.3", "A.5.155").
func refsInText(s string) (controls, clauses []string) {
	seenC, seenK := map[string]bool{}, map[string]bool{}
	control := func(ref string) {
		if c, ok := isms.LookupControl(ref); ok && !seenC[c.Ref] {
			seenC[c.Ref] = true
			controls = append(controls, c.Ref)
		}
	}
	for _, m := range annexRef.FindAllStringSubmatchIndex(s, -1) {
		if m[6] >= 0 || !wordStart(s, m[0]) || digitAt(s, m[1]) {
			continue
		}
		control(s[m[2]:m[3]] + "." + s[m[4]:m[5]])
	}
	for _, m := range keywordRef.FindAllStringSubmatchIndex(s, -1) {
		if m[6] >= 0 || digitAt(s, m[1]) {
			continue
		}
		control(s[m[2]:m[3]] + "." + s[m[4]:m[5]])
	}
	for _, m := range clauseRef.FindAllStringSubmatchIndex(s, -1) {
		if m[4] >= 0 || digitAt(s, m[1]) {
			continue
		}
		if c, ok := isms.LookupClause(s[m[2]:m[3]]); ok && !seenK[c.Ref] {
			seenK[c.Ref] = true
			clauses = append(clauses, c.Ref)
		}
	}
	return controls, clauses
}

// wordStart reports whether position i of s starts a word: nothing, or neither a letter,
// a digit, a dot nor a hyphen, comes before it.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' && r != '_'
}

// digitAt reports whether s has a digit at position i.
func digitAt(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

// naturalCompare compares references with their numbers as numbers: "A.5.2" before "A.5.15".
func naturalCompare(a, b string) int {
	a, b = strings.ToLower(a), strings.ToLower(b)
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return len(na) - len(nb)
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitRun(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
