package overview

import (
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Coverage of an applicable requirement by controls, policies and evidence.
const (
	// CoverageCovered: at least one linked control, every linked control implemented, and
	// evidence present.
	CoverageCovered = "covered"
	// CoveragePartial: some control, policy or evidence, but not all of the above.
	CoveragePartial = "partial"
	// CoverageGap: no linked control, no policy and no evidence.
	CoverageGap = "gap"
)

// Coverages lists the coverage values with their labels, in the order of the report's
// "Gap" column ("Covered", "Partly covered", "Gap").
var Coverages = isms.Enum{
	{Value: CoverageCovered, Label: "Covered"},
	{Value: CoveragePartial, Label: "Partly covered"},
	{Value: CoverageGap, Label: "Gap"},
}

// Kinds of contradiction between a requirement's assessed status and its coverage.
const (
	// ContradictionNotImplemented: assessed compliant while a linked control is not implemented.
	ContradictionNotImplemented = "control_not_implemented"
	// ContradictionNoCoverage: assessed compliant with no control, policy or evidence at all.
	ContradictionNoCoverage = "no_coverage"
)

// GapControl is one linked control as the gap analysis shows it.
type GapControl struct {
	ID          string `json:"id"`
	Ref         string `json:"ref"`
	Title       string `json:"title"`
	Status      string `json:"status"` // one of isms.ImplementationStatuses
	Implemented bool   `json:"implemented"`
	Evidence    int    `json:"evidence"` // evidence records attached to the control
}

// GapItem is the gap analysis of one requirement.
type GapItem struct {
	ID         string       `json:"id"`
	Ref        string       `json:"ref"`
	Title      string       `json:"title"`
	SourceType string       `json:"sourceType"` // one of isms.RequirementSources, or ""
	Status     string       `json:"status"`     // the assessed compliance status
	OwnerID    string       `json:"ownerId"`
	Applicable bool         `json:"applicable"` // false for the not-applicable list
	Coverage   string       `json:"coverage"`   // one of Coverages; "" when not applicable
	Reason     string       `json:"reason"`     // the coverage in words
	Controls   []GapControl `json:"controls"`   // the linked controls that exist, in link order
	// Implemented counts the linked controls that are implemented.
	Implemented int `json:"implemented"`
	// Policies counts the linked policies that exist.
	Policies int `json:"policies"`
	// Evidence counts the evidence records on the requirement and on its linked controls.
	Evidence int `json:"evidence"`
	// EvidenceNoted is whether the requirement's own evidence text is filled in.
	EvidenceNoted bool `json:"evidenceNoted"`
}

// Contradiction is a requirement whose assessed status its coverage does not support.
type Contradiction struct {
	RequirementID string `json:"requirementId"`
	Ref           string `json:"ref"`
	Title         string `json:"title"`
	Kind          string `json:"kind"`    // ContradictionNotImplemented or ContradictionNoCoverage
	Message       string `json:"message"` // in words, e.g. "Assessed as compliant, but A.5.15 is in progress"
}

// GapSource counts the requirements of one source type by coverage.
type GapSource struct {
	SourceType    string `json:"sourceType"` // "" for requirements without a (known) source type; "*" for all
	Label         string `json:"label"`
	Applicable    int    `json:"applicable"`
	Covered       int    `json:"covered"`
	Partial       int    `json:"partial"`
	Gap           int    `json:"gap"`
	NotApplicable int    `json:"notApplicable"`
}

// Gap is the gap analysis of the requirements register.
type Gap struct {
	// Requirements are the applicable requirements, in creation order.
	Requirements []GapItem `json:"requirements"`
	// NotApplicable are the requirements that do not apply (not applicable, or assessed as
	// not applicable), in creation order; they have no coverage.
	NotApplicable []GapItem `json:"notApplicable"`
	// Sources count coverage per source type, in the order of isms.RequirementSources; a
	// "" entry (no source type) follows only when some requirement has none.
	Sources []GapSource `json:"sources"`
	// Total counts every requirement.
	Total GapSource `json:"total"`
	// Contradictions are the applicable requirements assessed compliant that their coverage
	// does not support, in creation order.
	Contradictions []Contradiction `json:"contradictions"`
	// Coverages are the coverage values with their labels, for the window's filters and badges.
	Coverages []isms.Option `json:"coverages"`
}

// Facts is what the gap analysis of one requirement needs besides the requirement: a
// reader of the store (GapAnalysis) or of a snapshot (the Excel report) can supply it.
type Facts struct {
	// Control returns a control, or false when it does not exist.
	Control func(id string) (*isms.Control, bool)
	// Policy reports whether a policy exists.
	Policy func(id string) bool
	// Evidence counts the evidence records attached to a record.
	Evidence func(kind isms.Kind, id string) int
}

// Applies reports whether a requirement is in the gap analysis: it is marked applicable
// and not assessed as not applicable (the report's "Not applicable" verdict otherwise).
func Applies(r *isms.Requirement) bool {
	return r.Applicable && r.Status != isms.ComplianceNotApplicable
}

// Assess works out the coverage of one requirement. Links to records that no longer exist
// are ignored. A requirement that does not apply gets no coverage and no reason.
func Assess(r *isms.Requirement, f Facts) GapItem {
	g := GapItem{ID: r.ID, Ref: r.Ref, Title: r.Title, SourceType: r.SourceType, Status: r.Status,
		OwnerID: r.OwnerID, Applicable: Applies(r), Controls: []GapControl{},
		EvidenceNoted: strings.TrimSpace(r.Evidence) != ""}
	seen := map[string]bool{}
	for _, id := range r.ControlIDs {
		c, ok := f.Control(id)
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		gc := GapControl{ID: c.ID, Ref: c.Ref, Title: c.Title, Status: c.Status,
			Implemented: c.Status == isms.ImplImplemented, Evidence: f.Evidence(isms.KindControl, c.ID)}
		if gc.Implemented {
			g.Implemented++
		}
		g.Evidence += gc.Evidence
		g.Controls = append(g.Controls, gc)
	}
	seenPolicy := map[string]bool{}
	for _, id := range r.PolicyIDs {
		if !seenPolicy[id] && f.Policy(id) {
			seenPolicy[id] = true
			g.Policies++
		}
	}
	g.Evidence += f.Evidence(isms.KindRequirement, r.ID)
	if !g.Applicable {
		return g
	}
	n := len(g.Controls)
	evidence := g.Evidence > 0 || g.EvidenceNoted
	switch {
	case n > 0 && g.Implemented == n && evidence:
		g.Coverage = CoverageCovered
	case n == 0 && g.Policies == 0 && !evidence:
		g.Coverage = CoverageGap
	default:
		g.Coverage = CoveragePartial
	}
	g.Reason = reason(g, evidence)
	return g
}

// reason puts a requirement's coverage in words: "2 of 3 controls implemented; no evidence".
func reason(g GapItem, evidence bool) string {
	if g.Coverage == CoverageGap {
		return "No control, policy or evidence"
	}
	var parts []string
	switch n := len(g.Controls); {
	case n == 0:
		parts = append(parts, "no linked control")
	case g.Implemented == n && n == 1:
		parts = append(parts, "its control is implemented")
	case g.Implemented == n:
		parts = append(parts, fmt.Sprintf("all %d controls implemented", n))
	default:
		parts = append(parts, fmt.Sprintf("%d of %s implemented", g.Implemented, plural(n, "control", "controls")))
	}
	if g.Policies > 0 {
		parts = append(parts, plural(g.Policies, "policy", "policies"))
	}
	switch {
	case g.Evidence > 0:
		parts = append(parts, plural(g.Evidence, "evidence record", "evidence records"))
	case evidence:
		parts = append(parts, "evidence noted")
	default:
		parts = append(parts, "no evidence")
	}
	s := strings.Join(parts, "; ")
	return strings.ToUpper(s[:1]) + s[1:]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// contradiction returns what an assessed-compliant requirement's coverage contradicts, if anything.
func contradiction(g GapItem) (Contradiction, bool) {
	if !g.Applicable || g.Status != isms.ComplianceCompliant {
		return Contradiction{}, false
	}
	c := Contradiction{RequirementID: g.ID, Ref: g.Ref, Title: g.Title}
	if g.Coverage == CoverageGap {
		c.Kind = ContradictionNoCoverage
		c.Message = "Assessed as compliant, but no control, policy or evidence supports it"
		return c, true
	}
	var notDone []string
	for _, gc := range g.Controls {
		if !gc.Implemented {
			notDone = append(notDone, gc.Ref+" is "+strings.ToLower(isms.ImplementationStatuses.Label(gc.Status)))
		}
	}
	if len(notDone) == 0 {
		return Contradiction{}, false
	}
	c.Kind = ContradictionNotImplemented
	c.Message = "Assessed as compliant, but " + strings.Join(notDone, ", ")
	return c, true
}

// GapAnalysis works out the coverage of every requirement by its controls, policies and
// evidence (records on the requirement or on its linked controls, or the requirement's
// evidence text), counts it per source type and lists the requirements assessed compliant
// that their coverage contradicts. It reads the records and hands them to GapOf.
func GapAnalysis(tx *store.Tx) (Gap, error) {
	reqs, err := listAs[*isms.Requirement](tx, isms.KindRequirement)
	if err != nil {
		return Gap{}, err
	}
	controls, err := listAs[*isms.Control](tx, isms.KindControl)
	if err != nil {
		return Gap{}, err
	}
	policies, err := listAs[*isms.Policy](tx, isms.KindPolicy)
	if err != nil {
		return Gap{}, err
	}
	evidence, err := listAs[*isms.Evidence](tx, isms.KindEvidence)
	if err != nil {
		return Gap{}, err
	}
	return GapOf(reqs, controls, policies, evidence), nil
}

// listAs returns every record of a kind as its concrete type, in creation order.
func listAs[T isms.Record](tx *store.Tx, kind isms.Kind) ([]T, error) {
	var out []T
	err := tx.Each(kind, func(r isms.Record) error {
		out = append(out, r.(T))
		return nil
	})
	return out, err
}

// GapOf is GapAnalysis of records already read (the Excel report's snapshot): the
// requirements in creation order, and every control, policy and evidence record.
func GapOf(reqs []*isms.Requirement, controls []*isms.Control, policies []*isms.Policy, evidence []*isms.Evidence) Gap {
	byID := make(map[string]*isms.Control, len(controls))
	for _, c := range controls {
		byID[c.ID] = c
	}
	policy := make(map[string]bool, len(policies))
	for _, p := range policies {
		policy[p.ID] = true
	}
	attached := map[isms.Link]int{}
	for _, e := range evidence {
		attached[isms.Link{Kind: e.TargetKind, ID: e.TargetID}]++
	}
	f := Facts{
		Control:  func(id string) (*isms.Control, bool) { c, ok := byID[id]; return c, ok },
		Policy:   func(id string) bool { return policy[id] },
		Evidence: func(k isms.Kind, id string) int { return attached[isms.Link{Kind: k, ID: id}] },
	}

	applicable := 0
	for _, r := range reqs {
		if Applies(r) {
			applicable++
		}
	}
	out := Gap{Requirements: make([]GapItem, 0, applicable), NotApplicable: make([]GapItem, 0, len(reqs)-applicable),
		Sources: []GapSource{}, Contradictions: []Contradiction{}, Coverages: Coverages,
		Total: GapSource{SourceType: "*", Label: "All sources"}}
	by := map[string]*GapSource{}
	for _, o := range isms.RequirementSources {
		by[o.Value] = &GapSource{SourceType: o.Value, Label: o.Label}
	}
	none := &GapSource{SourceType: "", Label: "No source type"}
	noneUsed := false
	for _, r := range reqs {
		g := Assess(r, f)
		src, ok := by[g.SourceType]
		if !ok {
			src, noneUsed = none, true
		}
		for _, t := range []*GapSource{src, &out.Total} {
			switch g.Coverage {
			case CoverageCovered:
				t.Covered++
			case CoveragePartial:
				t.Partial++
			case CoverageGap:
				t.Gap++
			default:
				t.NotApplicable++
			}
			if g.Applicable {
				t.Applicable++
			}
		}
		if !g.Applicable {
			out.NotApplicable = append(out.NotApplicable, g)
			continue
		}
		out.Requirements = append(out.Requirements, g)
		if c, ok := contradiction(g); ok {
			out.Contradictions = append(out.Contradictions, c)
		}
	}
	for _, o := range isms.RequirementSources {
		out.Sources = append(out.Sources, *by[o.Value])
	}
	if noneUsed {
		out.Sources = append(out.Sources, *none)
	}
	return out
}
