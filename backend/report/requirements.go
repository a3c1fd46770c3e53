package report

import (
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// RequirementColumns are the header names of the requirements register, in order. They
// are the plain names the import feature maps back to requirement fields.
var RequirementColumns = []string{"Reference", "Title", "Text", "Source type", "Source", "Owner",
	"Applicable", "Status", "Evidence", "Due date", "Notes"}

// complianceRAG colours a requirement's compliance status.
var complianceRAG = map[string]string{
	isms.ComplianceStatuses.Label(isms.ComplianceCompliant):    ragGreen,
	isms.ComplianceStatuses.Label(isms.CompliancePartial):      ragAmber,
	isms.ComplianceStatuses.Label(isms.ComplianceNotAssessed):  ragAmber,
	isms.ComplianceStatuses.Label(isms.ComplianceNonCompliant): ragRed,
}

// implRAG colours a control's implementation status.
var implRAG = map[string]string{
	isms.ImplementationStatuses.Label(isms.ImplImplemented): ragGreen,
	isms.ImplementationStatuses.Label(isms.ImplInProgress):  ragAmber,
	isms.ImplementationStatuses.Label(isms.ImplPlanned):     ragAmber,
	isms.ImplementationStatuses.Label(isms.ImplNotStarted):  ragRed,
}

func buildRequirements(s *snap) (string, string, []sheet, error) {
	reqs := all[*isms.Requirement](s, isms.KindRequirement)
	widths := []float64{16, 36, 60, 14, 30, 20, 11, 18, 30, 12, 40}
	cols := make([]column, len(RequirementColumns))
	for i, n := range RequirementColumns {
		cols[i] = column{Name: n, Width: widths[i]}
	}
	cols[7].RAG = complianceRAG
	t := &table{Cols: cols, N: len(reqs), Rows: func(emit func(...any) error) error {
		for _, r := range reqs {
			if err := emit(r.Ref, r.Title, r.Text, isms.RequirementSources.Label(r.SourceType), r.Source,
				s.name(r.OwnerID), r.Applicable, isms.ComplianceStatuses.Label(r.Status), r.Evidence, r.DueDate, r.Notes); err != nil {
				return err
			}
		}
		return nil
	}}
	return "Requirements register", s.asAt(), []sheet{{Name: "Requirements", About: fmt.Sprintf(
		"The register of %d legal, regulatory, contractual and business requirements (clauses 4.1, 4.2); the import reads this sheet back.", len(reqs)), Table: t}}, nil
}

// gap is the gap analysis of one requirement.
type gap struct {
	controls    string // "A.5.1 (Implemented); ..."
	implemented int    // covering controls implemented
	total       int    // covering controls
	missing     []string
	verdict     string // "Covered", "Partly covered", "Gap", "Not applicable"
}

// gapOf works out what a requirement still lacks: covering controls, their
// implementation, evidence and a compliant assessment.
func gapOf(s *snap, r *isms.Requirement) gap {
	var g gap
	var parts, notDone []string
	for _, id := range r.ControlIDs {
		c, ok := get[*isms.Control](s, isms.KindControl, id)
		if !ok {
			continue
		}
		g.total++
		label := isms.ImplementationStatuses.Label(c.Status)
		parts = append(parts, c.Ref+" ("+label+")")
		if c.Status == isms.ImplImplemented {
			g.implemented++
		} else {
			notDone = append(notDone, c.Ref+" "+strings.ToLower(label))
		}
	}
	g.controls = strings.Join(parts, "; ")
	if !r.Applicable || r.Status == isms.ComplianceNotApplicable {
		g.verdict = "Not applicable"
		return g
	}
	if g.total == 0 && len(r.PolicyIDs) == 0 {
		g.missing = append(g.missing, "No control or policy covers it")
	} else if g.total == 0 {
		g.missing = append(g.missing, "No control covers it")
	}
	if len(notDone) > 0 {
		g.missing = append(g.missing, "Controls not implemented: "+strings.Join(notDone, ", "))
	}
	if strings.TrimSpace(r.Evidence) == "" {
		g.missing = append(g.missing, "No evidence recorded")
	}
	switch r.Status {
	case isms.ComplianceNotAssessed:
		g.missing = append(g.missing, "Compliance not assessed")
	case isms.ComplianceNonCompliant:
		g.missing = append(g.missing, "Assessed as non-compliant")
	case isms.CompliancePartial:
		g.missing = append(g.missing, "Assessed as partially compliant")
	}
	switch {
	case len(g.missing) == 0:
		g.verdict = "Covered"
	case r.Status == isms.ComplianceNonCompliant || r.Status == isms.ComplianceNotAssessed || g.total == 0:
		g.verdict = "Gap"
	default:
		g.verdict = "Partly covered"
	}
	return g
}

var gapRAG = map[string]string{"Covered": ragGreen, "Partly covered": ragAmber, "Gap": ragRed}

func buildGap(s *snap) (string, string, []sheet, error) {
	reqs := all[*isms.Requirement](s, isms.KindRequirement)
	cols := []column{{Name: "Reference", Width: 16}, {Name: "Title", Width: 36}, {Name: "Source type", Width: 13},
		{Name: "Source", Width: 28}, {Name: "Owner", Width: 18}, {Name: "Applicable", Width: 11},
		{Name: "Compliance status", Width: 18, RAG: complianceRAG}, {Name: "Covering controls", Width: 40},
		{Name: "Controls implemented", Width: 13}, {Name: "Controls covering", Width: 11}, {Name: "Policies", Width: 16},
		{Name: "Evidence", Width: 28}, {Name: "What is missing", Width: 50}, {Name: "Gap", Width: 14, RAG: gapRAG},
		{Name: "Due date", Width: 12}}
	detail := &table{Cols: cols, N: len(reqs), Rows: func(emit func(...any) error) error {
		for _, r := range reqs {
			g := gapOf(s, r)
			if err := emit(r.Ref, r.Title, isms.RequirementSources.Label(r.SourceType), r.Source, s.name(r.OwnerID),
				r.Applicable, isms.ComplianceStatuses.Label(r.Status), g.controls, g.implemented, g.total,
				s.refs(isms.KindPolicy, r.PolicyIDs), r.Evidence, strings.Join(g.missing, "\n"), g.verdict, r.DueDate); err != nil {
				return err
			}
		}
		return nil
	}}
	// totals by source type
	type tot struct{ n, applicable, covered, partly, gaps int }
	by := map[string]*tot{}
	counts := map[string]map[string]int{}
	for _, o := range isms.RequirementSources {
		by[o.Value], counts[o.Value] = &tot{}, map[string]int{}
	}
	by[""], counts[""] = &tot{}, map[string]int{}
	for _, r := range reqs {
		st := r.SourceType
		if _, ok := by[st]; !ok {
			st = ""
		}
		for _, key := range []string{st, "*"} {
			if by[key] == nil {
				by[key], counts[key] = &tot{}, map[string]int{}
			}
			t := by[key]
			t.n++
			if r.Applicable {
				t.applicable++
			}
			counts[key][r.Status]++
			switch gapOf(s, r).verdict {
			case "Covered":
				t.covered++
			case "Partly covered":
				t.partly++
			case "Gap":
				t.gaps++
			}
		}
	}
	tcols := []column{{Name: "Source type", Width: 16}, {Name: "Requirements", Width: 13}, {Name: "Applicable", Width: 11}}
	for _, o := range isms.ComplianceStatuses {
		tcols = append(tcols, column{Name: o.Label, Width: 13})
	}
	tcols = append(tcols, column{Name: "Covered", Width: 10}, column{Name: "Partly covered", Width: 10},
		column{Name: "Gaps", Width: 8}, column{Name: "% compliant", Width: 12})
	row := func(label string, key string, emit func(...any) error) error {
		t := by[key]
		if t == nil {
			t = &tot{}
		}
		vals := []any{label, t.n, t.applicable}
		for _, o := range isms.ComplianceStatuses {
			vals = append(vals, counts[key][o.Value])
		}
		pct := any(nil)
		if n := t.applicable; n > 0 {
			pct = round1(100 * float64(counts[key][isms.ComplianceCompliant]) / float64(n))
		}
		vals = append(vals, t.covered, t.partly, t.gaps, pct)
		return emit(vals...)
	}
	totals := &table{Cols: tcols, N: len(isms.RequirementSources) + 1, Rows: func(emit func(...any) error) error {
		for _, o := range isms.RequirementSources {
			if err := row(o.Label, o.Value, emit); err != nil {
				return err
			}
		}
		if by[""].n > 0 {
			if err := row("(no source type)", "", emit); err != nil {
				return err
			}
		}
		return row("All sources", "*", emit)
	}}
	return "Requirements gap analysis", s.asAt(), []sheet{
		{Name: "Gap analysis", About: "Each requirement's compliance status, the controls, policies and evidence that cover it, and what is missing.", Table: detail},
		{Name: "Totals by source type", About: "Requirements by source type: compliance statuses, coverage and the share of applicable requirements that are compliant.", Table: totals},
	}, nil
}

// round1 rounds to one decimal.
func round1(v float64) float64 {
	if v < 0 {
		return -round1(-v)
	}
	return float64(int64(v*10+0.5)) / 10
}
