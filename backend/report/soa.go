package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// SoAColumns are the header names of the Statement of Applicability, in order; the
// import feature maps them back to control fields.
var SoAColumns = []string{"Reference", "Title", "Theme", "Custom", "Description", "Applicability", "Justification",
	"Inclusion reasons", "Implementation status", "Owner", "Implementation plan", "Plan tasks done", "Performance metric",
	"Evidence", "Due date", "Linked risks", "Linked requirements", "KPIs", "Notes"}

// reasonLabels returns the labels of a control's reasons for inclusion joined by "; ".
func reasonLabels(c *isms.Control) string {
	out := make([]string, 0, len(c.Reasons))
	for _, r := range c.Reasons {
		out = append(out, isms.InclusionReasons.Label(r))
	}
	return strings.Join(out, "; ")
}

// tasksDone returns "2 of 5" for a control's implementation plan tasks, nil when it has none.
func tasksDone(c *isms.Control) any {
	if len(c.Tasks) == 0 {
		return nil
	}
	done := 0
	for _, t := range c.Tasks {
		if t.Done {
			done++
		}
	}
	return fmt.Sprintf("%d of %d", done, len(c.Tasks))
}

// controlsInOrder returns the controls in Annex A order, then the custom ones by reference.
func controlsInOrder(s *snap) []*isms.Control {
	rank := map[string]int{}
	for i, c := range isms.AnnexA() {
		rank[c.Ref] = i
	}
	out := all[*isms.Control](s, isms.KindControl)
	sort.SliceStable(out, func(i, j int) bool {
		ri, iok := rank[out[i].Ref]
		rj, jok := rank[out[j].Ref]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return out[i].Ref < out[j].Ref
	})
	return out
}

// controlLinks maps a control's ID to the references of the risks and requirements that
// link to it.
func controlLinks(s *snap) (risks, reqs map[string][]string) {
	risks, reqs = map[string][]string{}, map[string][]string{}
	for _, r := range all[*isms.Risk](s, isms.KindRisk) {
		for _, id := range r.ControlIDs {
			risks[id] = append(risks[id], r.Ref)
		}
	}
	for _, r := range all[*isms.Requirement](s, isms.KindRequirement) {
		for _, id := range r.ControlIDs {
			reqs[id] = append(reqs[id], r.Ref)
		}
	}
	return risks, reqs
}

func themeLabel(c *isms.Control) string {
	if c.Theme == "" {
		return "Custom"
	}
	return isms.Themes.Label(c.Theme)
}

var applicabilityRAG = map[string]string{
	isms.Applicabilities.Label(isms.ApplicabilityNotAssessed): ragAmber,
}

func buildSoA(s *snap) (string, string, []sheet, error) {
	controls := controlsInOrder(s)
	risks, reqs := controlLinks(s)
	widths := []float64{10, 36, 14, 8, 30, 14, 50, 20, 16, 18, 36, 10, 30, 28, 12, 18, 22, 12, 24}
	cols := make([]column, len(SoAColumns))
	for i, n := range SoAColumns {
		cols[i] = column{Name: n, Width: widths[i]}
	}
	cols[5].RAG = applicabilityRAG
	cols[8].RAG = implRAG
	register := &table{Cols: cols, N: len(controls), Rows: func(emit func(...any) error) error {
		for _, c := range controls {
			if err := emit(c.Ref, c.Title, themeLabel(c), c.Custom, c.Description,
				isms.Applicabilities.Label(c.Applicability), c.Justification, reasonLabels(c), isms.ImplementationStatuses.Label(c.Status),
				s.name(c.OwnerID), c.ImplementationPlan, tasksDone(c), c.Metric, c.Evidence, c.DueDate,
				strings.Join(risks[c.ID], "; "), strings.Join(reqs[c.ID], "; "), s.refs(isms.KindKPI, c.KPIIDs), c.Notes); err != nil {
				return err
			}
		}
		return nil
	}}
	summary := soaSummary(controls, evidencedControls(s))
	applicable, implemented := 0, 0
	for _, c := range controls {
		if c.Applicability == isms.ApplicabilityApplicable {
			applicable++
			if c.Status == isms.ImplImplemented {
				implemented++
			}
		}
	}
	return "Statement of Applicability", s.asAt(), []sheet{boardSoA(s),
		{Name: "Statement of Applicability", About: fmt.Sprintf(
			"All %d controls (ISO/IEC 27001:2022 Annex A and custom, clause 6.1.3 d): %d applicable, %d of them implemented; justification and reasons for inclusion, status, owner, plan tasks done, linked risks, requirements and KPIs.",
			len(controls), applicable, implemented), Table: register},
		{Name: "Summary by theme", About: "Applicability and implementation counts per Annex A theme.", Table: summary},
	}, nil
}

// themeCount counts the controls of a theme.
type themeCount struct {
	label                string
	n, app, na, nass     int
	impl, prog, plan, ns int
	evidenced            int // applicable controls with evidence: a record attached or a location noted
}

func themeCounts(controls []*isms.Control, evidenced map[string]bool) []*themeCount {
	var order []*themeCount
	by := map[string]*themeCount{}
	for _, o := range isms.Themes {
		t := &themeCount{label: o.Label}
		by[o.Label] = t
		order = append(order, t)
	}
	for _, c := range controls {
		l := themeLabel(c)
		t := by[l]
		if t == nil {
			t = &themeCount{label: l}
			by[l] = t
			order = append(order, t)
		}
		t.n++
		switch c.Applicability {
		case isms.ApplicabilityApplicable:
			t.app++
			if evidenced[c.ID] || strings.TrimSpace(c.Evidence) != "" {
				t.evidenced++
			}
			switch c.Status {
			case isms.ImplImplemented:
				t.impl++
			case isms.ImplInProgress:
				t.prog++
			case isms.ImplPlanned:
				t.plan++
			default:
				t.ns++
			}
		case isms.ApplicabilityNotApplicable:
			t.na++
		default:
			t.nass++
		}
	}
	return order
}

func soaSummary(controls []*isms.Control, evidenced map[string]bool) *table {
	counts := themeCounts(controls, evidenced)
	total := &themeCount{label: "All controls"}
	for _, t := range counts {
		total.n += t.n
		total.app += t.app
		total.na += t.na
		total.nass += t.nass
		total.impl += t.impl
		total.prog += t.prog
		total.plan += t.plan
		total.ns += t.ns
		total.evidenced += t.evidenced
	}
	counts = append(counts, total)
	cols := []column{{Name: "Theme", Width: 18}, {Name: "Controls", Width: 10}, {Name: "Applicable", Width: 11},
		{Name: "Not applicable", Width: 11}, {Name: "Not assessed", Width: 11}, {Name: "Implemented", Width: 12},
		{Name: "In progress", Width: 11}, {Name: "Planned", Width: 10}, {Name: "Not started", Width: 11},
		{Name: "% of applicable implemented", Width: 16}, {Name: "Applicable with evidence", Width: 14}}
	return &table{Cols: cols, N: len(counts), Rows: func(emit func(...any) error) error {
		for _, t := range counts {
			var pct any
			if t.app > 0 {
				pct = round1(100 * float64(t.impl) / float64(t.app))
			}
			if err := emit(t.label, t.n, t.app, t.na, t.nass, t.impl, t.prog, t.plan, t.ns, pct, t.evidenced); err != nil {
				return err
			}
		}
		return nil
	}}
}

// evidencedControls names the controls that evidence records are attached to.
func evidencedControls(s *snap) map[string]bool {
	out := map[string]bool{}
	for _, e := range all[*isms.Evidence](s, isms.KindEvidence) {
		if e.TargetKind == isms.KindControl {
			out[e.TargetID] = true
		}
	}
	return out
}
