package report

import (
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
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
	return "Requirements register", s.asAt(), []sheet{boardRequirements(s), {Name: "Requirements", About: fmt.Sprintf(
		"The register of %d legal, regulatory, contractual and business requirements (clauses 4.1, 4.2); the import reads this sheet back.", len(reqs)), Table: t}}, nil
}

// gapRAG colours a requirement's coverage (overview.Coverages).
var gapRAG = map[string]string{
	overview.Coverages.Label(overview.CoverageCovered): ragGreen,
	overview.Coverages.Label(overview.CoveragePartial): ragAmber,
	overview.Coverages.Label(overview.CoverageGap):     ragRed,
}

// notApplicable is what the coverage column says of a requirement that does not apply.
const notApplicable = "Not applicable"

// buildGap writes the gap analysis the window shows (overview.GapAnalysis, read in the
// report's transaction): each requirement's coverage by implemented controls, policies
// and evidence, the compliance claims it contradicts, and the totals by source type.
func buildGap(s *snap) (string, string, []sheet, error) {
	reqs := all[*isms.Requirement](s, isms.KindRequirement)
	items := map[string]overview.GapItem{}
	for _, g := range s.gap.Requirements {
		items[g.ID] = g
	}
	for _, g := range s.gap.NotApplicable {
		items[g.ID] = g
	}
	contra := map[string]string{}
	for _, c := range s.gap.Contradictions {
		contra[c.RequirementID] = c.Message
	}
	cols := []column{{Name: "Reference", Width: 16}, {Name: "Title", Width: 36}, {Name: "Source type", Width: 13},
		{Name: "Source", Width: 28}, {Name: "Owner", Width: 18}, {Name: "Applicable", Width: 11},
		{Name: "Compliance status", Width: 18, RAG: complianceRAG}, {Name: "Covering controls", Width: 44},
		{Name: "Controls implemented", Width: 13}, {Name: "Controls covering", Width: 11}, {Name: "Policies", Width: 30},
		{Name: "Evidence noted", Width: 28}, {Name: "Evidence records", Width: 10}, {Name: "Coverage", Width: 14, RAG: gapRAG},
		{Name: "Coverage in words", Width: 40}, {Name: "Compliance claim contradicted", Width: 44, RAG: nil}, {Name: "Due date", Width: 12}}
	detail := &table{Cols: cols, N: len(reqs), Rows: func(emit func(...any) error) error {
		for _, r := range reqs {
			g := items[r.ID]
			var parts []string
			for _, c := range g.Controls {
				parts = append(parts, s.titled(isms.KindControl, c.ID)+" ("+isms.ImplementationStatuses.Label(c.Status)+")")
			}
			coverage := overview.Coverages.Label(g.Coverage)
			if !g.Applicable {
				coverage = notApplicable
			}
			if err := emit(r.Ref, r.Title, isms.RequirementSources.Label(r.SourceType), r.Source, s.name(r.OwnerID),
				r.Applicable, isms.ComplianceStatuses.Label(r.Status), strings.Join(parts, "\n"), g.Implemented, len(g.Controls),
				s.titledList(isms.KindPolicy, r.PolicyIDs), r.Evidence, g.Evidence, coverage, g.Reason, contra[r.ID], r.DueDate); err != nil {
				return err
			}
		}
		return nil
	}}
	// compliance statuses by source type, beside the analysis's coverage counts
	counts := map[string]map[string]int{"*": {}}
	for _, r := range reqs {
		st := r.SourceType
		if isms.RequirementSources.Label(st) == "" || st == "" {
			st = ""
		}
		if counts[st] == nil {
			counts[st] = map[string]int{}
		}
		counts[st][r.Status]++
		counts["*"][r.Status]++
	}
	tcols := []column{{Name: "Source type", Width: 16}, {Name: "Requirements", Width: 13}, {Name: "Applicable", Width: 11}}
	for _, o := range isms.ComplianceStatuses {
		tcols = append(tcols, column{Name: o.Label, Width: 13})
	}
	tcols = append(tcols, column{Name: "Covered", Width: 10}, column{Name: "Partly covered", Width: 10},
		column{Name: "Gaps", Width: 8}, column{Name: "% compliant", Width: 12})
	row := func(src overview.GapSource, emit func(...any) error) error {
		key := src.SourceType
		vals := []any{src.Label, src.Applicable + src.NotApplicable, src.Applicable}
		for _, o := range isms.ComplianceStatuses {
			vals = append(vals, counts[key][o.Value])
		}
		pct := any(nil)
		if n := src.Applicable; n > 0 {
			pct = round1(100 * float64(counts[key][isms.ComplianceCompliant]) / float64(n))
		}
		vals = append(vals, src.Covered, src.Partial, src.Gap, pct)
		return emit(vals...)
	}
	totals := &table{Cols: tcols, N: len(s.gap.Sources) + 1, Rows: func(emit func(...any) error) error {
		for _, src := range s.gap.Sources {
			if err := row(src, emit); err != nil {
				return err
			}
		}
		return row(s.gap.Total, emit)
	}}
	return "Requirements gap analysis", s.asAt(), []sheet{
		{Name: "Gap analysis", About: "Each requirement's compliance status, the controls, policies and evidence that cover it, its coverage as the window's gap analysis works it out, and the compliance claims that coverage contradicts.", Table: detail},
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
