package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// RiskColumns are the header names of the risk register, in order; the import feature
// maps them back to risk fields. The register writes the acceptance threshold column's
// header with the method's threshold, e.g. "Above acceptance threshold (4)" (see
// thresholdHeader).
var RiskColumns = []string{"Reference", "Title", "Description", "Asset or process", "Threat", "Vulnerability",
	"Likelihood", "Impact", "Score", "Level", "Owner", "Status", "Treatment option", "Treatment plan",
	"Residual likelihood", "Residual impact", "Residual score", "Residual level", colThreshold, "Identified on", "Review date",
	"Controls", "Actions", "Accepted by", "Accepted on"}

// colThreshold is the risk register's column saying whether a risk's score is above the
// organisation's acceptance threshold.
const colThreshold = "Above acceptance threshold"

// thresholdHeader is the header of the threshold column: its name with the threshold.
func thresholdHeader(m isms.RiskMethod) string {
	return fmt.Sprintf("%s (%d)", colThreshold, m.Threshold)
}

// aboveThreshold says whether the score that acceptance is judged on (the residual
// score, the inherent score while no residual is assessed, as isms.Risk.Accept judges
// it) is above the method's acceptance threshold: "Yes" or "No", nil when the risk is
// not assessed.
func aboveThreshold(m isms.RiskMethod, r *isms.Risk) any {
	score := r.ResidualScore()
	if score == 0 {
		score = r.Score()
	}
	if score == 0 {
		return nil
	}
	return yesNo(score > m.Threshold)
}

// thresholdRAG flags the risks above the acceptance threshold.
var thresholdRAG = map[string]string{"Yes": ragAmber}

// levelLabel returns the label of a score's level on the organisation's risk method,
// "" for a score of 0 (not assessed).
func (s *snap) levelLabel(score int) string {
	return isms.RiskLevels.Label(s.method.Level(score))
}

// levelRAG colours a risk level.
var levelRAG = map[string]string{
	isms.RiskLevels.Label(isms.LevelLow):      ragGreen,
	isms.RiskLevels.Label(isms.LevelMedium):   ragAmber,
	isms.RiskLevels.Label(isms.LevelHigh):     ragRed,
	isms.RiskLevels.Label(isms.LevelCritical): ragRed,
}

// heatColour is the fill of a heat map cell by level.
var heatColour = map[string]string{
	isms.LevelLow: "C6EFCE", isms.LevelMedium: "FFEB9C", isms.LevelHigh: "F8CBAD", isms.LevelCritical: "FF8B8B",
}

var actionRAG = map[string]string{
	isms.ActionStatuses.Label(isms.ActionDone):       ragGreen,
	isms.ActionStatuses.Label(isms.ActionInProgress): ragAmber,
	isms.ActionStatuses.Label(isms.ActionOpen):       ragAmber,
}

var overdueRAG = map[string]string{"Overdue": ragRed}

func overdue(flag bool) string {
	if flag {
		return "Overdue"
	}
	return ""
}

func scoreOrNil(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func buildRisks(s *snap) (string, string, []sheet, error) {
	risks := all[*isms.Risk](s, isms.KindRisk)
	m := s.method
	widths := []float64{10, 32, 36, 24, 26, 26, 10, 9, 8, 10, 18, 12, 12, 40, 10, 10, 9, 10, 16, 12, 12, 22, 16, 18, 12}
	cols := make([]column, len(RiskColumns))
	for i, n := range RiskColumns {
		cols[i] = column{Name: n, Width: widths[i]}
	}
	cols[9].RAG, cols[17].RAG = levelRAG, levelRAG
	cols[18].Name, cols[18].RAG = thresholdHeader(m), thresholdRAG
	register := &table{Cols: cols, N: len(risks), Rows: func(emit func(...any) error) error {
		for _, r := range risks {
			if err := emit(r.Ref, r.Title, r.Description, r.Asset, r.Threat, r.Vulnerability,
				scoreOrNil(r.Likelihood), scoreOrNil(r.Impact), scoreOrNil(r.Score()), s.levelLabel(r.Score()),
				s.name(r.OwnerID), isms.RiskStatuses.Label(r.Status), isms.TreatmentOptions.Label(r.Treatment), r.TreatmentPlan,
				scoreOrNil(r.ResidualLikelihood), scoreOrNil(r.ResidualImpact), scoreOrNil(r.ResidualScore()),
				s.levelLabel(r.ResidualScore()), aboveThreshold(m, r), r.IdentifiedOn, r.ReviewDate,
				s.refs(isms.KindControl, r.ControlIDs), s.refs(isms.KindAction, r.ActionIDs),
				s.name(r.Acceptance.AcceptedByID), r.Acceptance.AcceptedOn); err != nil {
				return err
			}
		}
		return nil
	}}
	return "Risk register and treatment plan", s.asAt(), []sheet{boardRisks(s),
		{Name: "Risk register", About: fmt.Sprintf("The %d risks with inherent and residual scores (%dx%d: likelihood x impact), owners and treatment (clauses 6.1.2, 8.2); whether each is above the acceptance threshold of score %d (judged on the residual score, the inherent one while no residual is assessed).",
			len(risks), len(m.Likelihood), len(m.Impact), m.Threshold), Table: register},
		{Name: "Treatment plan", About: "Each risk's treatment option and plan with its controls and actions, owners, due dates and status (clauses 6.1.3, 8.3).", Table: treatmentPlan(s, risks)},
		{Name: "Heat maps", About: "Inherent and residual risk heat maps: how many risks, and which (reference and short title), sit in each likelihood and impact cell.", Draw: func(b *book, name string) error {
			return drawHeatMaps(b, name, m, risks)
		}},
	}, nil
}

// controlStatus returns "A.8.8 Management of technical vulnerabilities (Implemented)", one
// control a line, for control IDs, with counts.
func controlStatus(s *snap, ids []string) (text string, done, total int) {
	var parts []string
	for _, id := range ids {
		c, ok := get[*isms.Control](s, isms.KindControl, id)
		if !ok {
			continue
		}
		total++
		if c.Status == isms.ImplImplemented {
			done++
		}
		parts = append(parts, c.Ref+" "+c.Title+" ("+isms.ImplementationStatuses.Label(c.Status)+")")
	}
	return strings.Join(parts, "\n"), done, total
}

func treatmentPlan(s *snap, risks []*isms.Risk) *table {
	progRAG, accRAG := map[string]string{}, map[string]string{}
	for _, r := range risks {
		if t, rag := progressText(s, r); rag != "" {
			progRAG[t] = rag
		}
		if t, rag := acceptanceText(s, r); rag != "" {
			accRAG[t] = rag
		}
	}
	cols := []column{{Name: "Risk", Width: 10}, {Name: "Risk title", Width: 30}, {Name: "Risk owner", Width: 18},
		{Name: "Inherent level", Width: 11, RAG: levelRAG}, {Name: "Treatment option", Width: 12}, {Name: "Treatment plan", Width: 40},
		{Name: "Controls", Width: 40}, {Name: "Controls implemented", Width: 13}, {Name: "Action", Width: 10},
		{Name: "Action title", Width: 34}, {Name: "Action owner", Width: 18}, {Name: "Due date", Width: 12},
		{Name: "Action status", Width: 12, RAG: actionRAG}, {Name: "Overdue", Width: 10, RAG: overdueRAG},
		{Name: "Residual level", Width: 11, RAG: levelRAG}, {Name: "Target level", Width: 13}, {Name: "Risk status", Width: 12},
		{Name: "Treatment progress", Width: 30, RAG: progRAG}, {Name: "Owner's acceptance", Width: 24, RAG: accRAG}}
	n := 0
	for _, r := range risks {
		n += max(len(r.ActionIDs), 1)
	}
	return &table{Cols: cols, N: n, Rows: func(emit func(...any) error) error {
		for _, r := range risks {
			ctl, done, total := controlStatus(s, r.ControlIDs)
			impl := any(nil)
			if total > 0 {
				impl = fmt.Sprintf("%d of %d", done, total)
			}
			treatment := isms.TreatmentOptions.Label(r.Treatment)
			if treatment == "" {
				treatment = "Not decided"
			}
			head := []any{r.Ref, r.Title, s.name(r.OwnerID), s.levelLabel(r.Score()), treatment, r.TreatmentPlan, ctl, impl}
			prog, _ := progressText(s, r)
			acc, _ := acceptanceText(s, r)
			tail := []any{s.levelLabel(r.ResidualScore()), s.targetText(r), isms.RiskStatuses.Label(r.Status), prog, acc}
			actions := 0
			for _, id := range r.ActionIDs {
				a, ok := get[*isms.Action](s, isms.KindAction, id)
				if !ok {
					continue
				}
				actions++
				row := append(append([]any{}, head...), a.Ref, a.Title, s.name(a.OwnerID), a.DueDate,
					isms.ActionStatuses.Label(a.Status), overdue(a.Overdue(s.today)))
				if err := emit(append(row, tail...)...); err != nil {
					return err
				}
			}
			if actions == 0 {
				row := append(append([]any{}, head...), nil, nil, nil, nil, nil, nil)
				if err := emit(append(row, tail...)...); err != nil {
					return err
				}
			}
		}
		return nil
	}}
}

// drawHeatMaps draws the inherent and the residual heat maps on the organisation's risk
// method: len(Likelihood) rows by len(Impact) columns, likelihood up the side (the
// highest at the top), impact along the bottom, each axis with the method's labels, each
// cell coloured by its level and listing the risks in it; then a legend of the levels
// with the method's score ranges.
func drawHeatMaps(b *book, name string, m isms.RiskMethod, risks []*isms.Risk) error {
	f := b.f
	nl, ni := len(m.Likelihood), len(m.Impact)
	if err := f.SetColWidth(name, "A", "A", heatLabelWidth); err != nil {
		return err
	}
	legend := []string{isms.LevelLow, isms.LevelMedium, isms.LevelHigh, isms.LevelCritical}
	// The impact columns, and the legend's cells to the right of its label.
	last, _ := excelize.ColumnNumberToName(1 + max(ni, len(legend)))
	if err := f.SetColWidth(name, "B", last, heatCellWidth); err != nil {
		return err
	}
	top := 1
	maps := []struct {
		title string
		li    func(r *isms.Risk) (int, int)
	}{
		{"Inherent risk (before treatment)", func(r *isms.Risk) (int, int) { return r.Likelihood, r.Impact }},
		{"Residual risk (after treatment)", func(r *isms.Risk) (int, int) { return r.ResidualLikelihood, r.ResidualImpact }},
	}
	for _, hm := range maps {
		if err := b.setCell(name, "A"+strconv.Itoa(top), hm.title, "subtitle", ""); err != nil {
			return err
		}
		grid := map[[2]int][]string{}
		var unassessed []string
		for _, r := range risks {
			l, i := hm.li(r)
			if l < 1 || l > nl || i < 1 || i > ni {
				unassessed = append(unassessed, r.Ref)
				continue
			}
			grid[[2]int{l, i}] = append(grid[[2]int{l, i}], r.Ref+" "+short(r.Title, 26))
		}
		for row := 0; row < nl; row++ {
			l := nl - row
			y := top + 1 + row
			label := axisLabel("Likelihood", l, m.Likelihood)
			if err := b.setCell(name, cellRef(1, y), label, "axis", ""); err != nil {
				return err
			}
			lines := textLines(label, heatLabelWidth, true)
			for i := 1; i <= ni; i++ {
				refs := grid[[2]int{l, i}]
				text := ""
				if len(refs) > 0 {
					text = plural(len(refs), "risk", "risks") + "\n" + strings.Join(refs, "\n")
				}
				if err := b.setCell(name, cellRef(1+i, y), text, "heat", heatColour[m.Level(l*i)]); err != nil {
					return err
				}
				lines = max(lines, textLines(text, heatCellWidth, false))
			}
			if err := f.SetRowHeight(name, y, max(heatRowHeight, linesHeight(lines))); err != nil {
				return err
			}
		}
		y := top + 1 + nl
		lines := 1
		for i := 1; i <= ni; i++ {
			label := axisLabel("Impact", i, m.Impact)
			lines = max(lines, textLines(label, heatCellWidth, true))
			if err := b.setCell(name, cellRef(1+i, y), label, "axis", ""); err != nil {
				return err
			}
		}
		if lines > 1 {
			if err := f.SetRowHeight(name, y, linesHeight(lines)); err != nil {
				return err
			}
		}
		note := "Every risk is assessed."
		if len(unassessed) > 0 {
			note = "Not assessed: " + strings.Join(unassessed, ", ")
		}
		if err := b.setCell(name, cellRef(1, y+1), note, "wrap", ""); err != nil {
			return err
		}
		if err := f.MergeCell(name, cellRef(1, y+1), cellRef(1+ni, y+1)); err != nil {
			return err
		}
		top = y + 3
	}
	const legendLabel = "Levels (score = likelihood x impact)"
	if err := b.setCell(name, cellRef(1, top), legendLabel, "label", ""); err != nil {
		return err
	}
	if err := f.SetRowHeight(name, top, linesHeight(textLines(legendLabel, heatLabelWidth, true))); err != nil {
		return err
	}
	bounds := m.LevelBounds()
	lo := 1
	for i, l := range legend {
		hi := bounds[i]
		text := isms.RiskLevels.Label(l) + " (" + scoreRange(lo, hi) + ")"
		if err := b.setCell(name, cellRef(2+i, top), text, "heat", heatColour[l]); err != nil {
			return err
		}
		lo = max(lo, hi+1)
	}
	return b.printSetup(name, 0, 1)
}

// axisLabel names a level of a heat map's axis: "Likelihood 5 (Almost certain)".
func axisLabel(axis string, level int, labels []string) string {
	out := axis + " " + strconv.Itoa(level)
	if level <= len(labels) {
		if l := strings.TrimSpace(labels[level-1]); l != "" {
			out += " (" + l + ")"
		}
	}
	return out
}

// scoreRange writes the scores from lo to hi: "5-9", "4" for one score, "none" for none.
func scoreRange(lo, hi int) string {
	switch {
	case hi < lo:
		return "none"
	case hi == lo:
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + "-" + strconv.Itoa(hi)
}

// The heat maps' cell width in characters and the least height of their rows in points.
const (
	heatCellWidth = 22
	heatRowHeight = 48
)

// heatLabelWidth is the width of the heat maps' label column, in characters.
const heatLabelWidth = 20

func cellRef(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// targetScore is the score a risk's treatment aims at: within the acceptance threshold
// (the organisation's risk criteria, 6.1.2 a); a risk already within it keeps its score.
// 0 when the risk is not assessed.
func targetScore(m isms.RiskMethod, r *isms.Risk) int {
	if r.Score() == 0 {
		return 0
	}
	return min(r.Score(), m.Threshold)
}

// targetText is a risk's target level with its score: "Medium (at most 6)".
func (s *snap) targetText(r *isms.Risk) string {
	t := targetScore(s.method, r)
	if t == 0 {
		return ""
	}
	return fmt.Sprintf("%s (at most %d)", s.levelLabel(t), t)
}

// treatment is a risk's treatment progress from its controls and actions.
type treatment struct {
	ctlDone, ctlTotal, actDone, actTotal int
}

func treatmentOf(s *snap, r *isms.Risk) treatment {
	var t treatment
	_, t.ctlDone, t.ctlTotal = controlStatus(s, r.ControlIDs)
	for _, id := range r.ActionIDs {
		if a, ok := get[*isms.Action](s, isms.KindAction, id); ok {
			t.actTotal++
			if a.Finished() {
				t.actDone++
			}
		}
	}
	return t
}

// complete reports whether every control is implemented and every action finished.
func (t treatment) complete() bool { return t.ctlDone == t.ctlTotal && t.actDone == t.actTotal }

// progressText puts a risk's treatment progress in words, with its colour: a risk marked
// treated or accepted is not treated while its controls are not implemented (red).
func progressText(s *snap, r *isms.Risk) (string, string) {
	t := treatmentOf(s, r)
	var parts []string
	if t.ctlTotal > 0 {
		parts = append(parts, fmt.Sprintf("controls %d of %d implemented", t.ctlDone, t.ctlTotal))
	}
	if t.actTotal > 0 {
		parts = append(parts, fmt.Sprintf("actions %d of %d done", t.actDone, t.actTotal))
	}
	detail := strings.Join(parts, ", ")
	claimed := r.Status == isms.RiskTreated || (r.Status == isms.RiskAccepted && r.Treatment != isms.TreatAccept)
	switch {
	case r.Status == isms.RiskClosed:
		return "Closed", ""
	case t.ctlTotal+t.actTotal == 0:
		if r.Treatment == isms.TreatAccept {
			return "Accepted as it is: no treatment", ""
		}
		return "No controls or actions yet", ragAmber
	case t.complete():
		return "Complete: " + detail, ragGreen
	case claimed && t.ctlDone < t.ctlTotal:
		return "Not yet treated: " + detail, ragRed
	}
	return "In progress: " + detail, ragAmber
}

// acceptanceText is the owner's acceptance of a risk: who and when for an accepted risk
// (red when the records do not say), "Awaiting the owner" while it waits for it.
func acceptanceText(s *snap, r *isms.Risk) (string, string) {
	a := r.Acceptance
	switch {
	case r.Status == isms.RiskAccepted && a.AcceptedByID != "" && a.AcceptedOn != "":
		return "Accepted by " + s.name(a.AcceptedByID) + " on " + string(a.AcceptedOn), ragGreen
	case r.Status == isms.RiskAccepted:
		return "Accepted; who or when not recorded", ragRed
	case awaitingAcceptance(r):
		return "Awaiting the owner", ragAmber
	}
	return "", ""
}

// boardRisks is the risk register's board view: inherent, residual and target level per
// risk, treatment progress and the owner's acceptance.
func boardRisks(s *snap) sheet {
	progRAG, accRAG := map[string]string{}, map[string]string{}
	var rows [][]any
	for _, r := range all[*isms.Risk](s, isms.KindRisk) {
		prog, pr := progressText(s, r)
		acc, ar := acceptanceText(s, r)
		if pr != "" {
			progRAG[prog] = pr
		}
		if ar != "" {
			accRAG[acc] = ar
		}
		rows = append(rows, []any{r.Ref, r.Title, s.name(r.OwnerID), s.levelLabel(r.Score()), s.levelLabel(r.ResidualScore()),
			s.targetText(r), prog, acc})
	}
	cols := []column{{Name: "Risk", Width: 8}, {Name: "Title", Width: 26}, {Name: "Owner", Width: 15},
		{Name: "Inherent level", Width: 10, RAG: levelRAG}, {Name: "Residual level", Width: 10, RAG: levelRAG},
		{Name: "Target level", Width: 13}, {Name: "Treatment progress", Width: 20, RAG: progRAG},
		{Name: "Owner's acceptance", Width: 18, RAG: accRAG}}
	return boardSheet("Risks", fmt.Sprintf("Each risk's level before treatment (inherent), after it (residual) and the target: within the acceptance threshold of score %d; treatment progress from the controls and actions; the owner's acceptance.", s.method.Threshold), cols, rows)
}
