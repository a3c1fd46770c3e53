package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// statusRAG colours a KPI's red/amber/green status label.
var statusRAG = map[string]string{
	isms.RAGs.Label(isms.RAGGreen): ragGreen,
	isms.RAGs.Label(isms.RAGAmber): ragAmber,
	isms.RAGs.Label(isms.RAGRed):   ragRed,
}

// trendWorseOnTarget is the trend of a KPI that got worse but still meets its target.
const trendWorseOnTarget = "Worse, on target"

// trendRAG colours a trend: a KPI that got worse is red only when it is off target.
var trendRAG = map[string]string{"Improving": ragGreen, "Worsening": ragRed, trendWorseOnTarget: ragAmber}

var objectiveRAG = map[string]string{
	isms.ObjectiveStatuses.Label(isms.ObjectiveAchieved):   ragGreen,
	isms.ObjectiveStatuses.Label(isms.ObjectiveInProgress): ragAmber,
	isms.ObjectiveStatuses.Label(isms.ObjectiveApproved):   ragAmber,
	isms.ObjectiveStatuses.Label(isms.ObjectiveProposed):   ragAmber,
	isms.ObjectiveStatuses.Label(isms.ObjectiveMissed):     ragRed,
}

// series returns each KPI's measurements in date order.
func series(s *snap) map[string][]*isms.Measurement {
	out := map[string][]*isms.Measurement{}
	for _, m := range all[*isms.Measurement](s, isms.KindMeasurement) {
		out[m.KPIID] = append(out[m.KPIID], m)
	}
	for _, ms := range out {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Date < ms[j].Date })
	}
	return out
}

// upTo returns the last measurement on or before d ("" for the last of all), and the
// one before it.
func upTo(ms []*isms.Measurement, d isms.Date) (last, prev *isms.Measurement) {
	for _, m := range ms {
		if d != "" && m.Date > d {
			break
		}
		last, prev = m, last
	}
	return last, prev
}

// trend compares two values of a KPI: "Improving", "Worsening" (off target),
// trendWorseOnTarget, "Stable", or "" when either is missing. A change within the KPI's
// tolerance (see tolerance) is stable, so that noise is not reported as a trend.
func trend(k *isms.KPI, from, to *isms.Measurement) string {
	if from == nil || to == nil {
		return ""
	}
	d := to.Value - from.Value
	switch {
	case math.Abs(d) <= tolerance(k):
		return "Stable"
	case (d < 0) == (k.Direction == isms.LowerIsBetter):
		return "Improving"
	case isms.RAG(k, to.Value) == isms.RAGGreen:
		return trendWorseOnTarget
	}
	return "Worsening"
}

// tolerance is the smallest change of a KPI's value that counts as a trend: a tenth of
// the band between its target and its amber threshold, or 1% of the target when the two
// are equal (at least a rounding error).
func tolerance(k *isms.KPI) float64 {
	band := math.Abs(k.Target - k.Amber)
	if band == 0 {
		band = math.Abs(k.Target) / 10
	}
	return max(band/10, 1e-9)
}

// ragOf returns the status label of a KPI's measurement, "" for none.
func ragOf(k *isms.KPI, m *isms.Measurement) string {
	if m == nil {
		return ""
	}
	return isms.RAGs.Label(isms.RAG(k, m.Value))
}

func value(m *isms.Measurement) any {
	if m == nil {
		return nil
	}
	return m.Value
}

func dateOf(m *isms.Measurement) isms.Date {
	if m == nil {
		return ""
	}
	return m.Date
}

func change(from, to *isms.Measurement) any {
	if from == nil || to == nil {
		return nil
	}
	return math.Round((to.Value-from.Value)*1000) / 1000
}

// kpiTable lists the KPIs against target: the last value on or before asOf ("" for the
// latest) compared with the value before it, or with the last value on or before since.
func kpiTable(s *snap, asOf, since isms.Date, sinceLabel string) *table {
	kpis := all[*isms.KPI](s, isms.KindKPI)
	ser := series(s)
	cols := []column{{Name: "Reference", Width: 10}, {Name: "KPI", Width: 32}, {Name: "Objective", Width: 26},
		{Name: "Control", Width: 26}, {Name: "Unit", Width: 7}, {Name: "Direction", Width: 14}, {Name: "Target", Width: 8},
		{Name: "Amber threshold", Width: 9}, {Name: "Latest value", Width: 9}, {Name: "Measured on", Width: 12},
		{Name: sinceLabel, Width: 10}, {Name: "Change", Width: 8}, {Name: "Trend", Width: 11, RAG: trendRAG},
		{Name: "Status", Width: 9, RAG: statusRAG}, {Name: "Measurements", Width: 12}, {Name: "Frequency", Width: 11},
		{Name: "Owner", Width: 18}}
	return &table{Cols: cols, N: len(kpis), Rows: func(emit func(...any) error) error {
		for _, k := range kpis {
			ms := ser[k.ID]
			last, prev := upTo(ms, asOf)
			if since != "" {
				prev, _ = upTo(ms, since)
			}
			if err := emit(k.Ref, k.Name, s.titled(isms.KindObjective, k.ObjectiveID), s.titled(isms.KindControl, k.ControlID),
				k.Unit, isms.Directions.Label(k.Direction), k.Target, k.Amber, value(last), dateOf(last), value(prev),
				change(prev, last), trend(k, prev, last), ragOf(k, last), len(ms), isms.Frequencies.Label(k.Frequency),
				s.name(k.OwnerID)); err != nil {
				return err
			}
		}
		return nil
	}}
}

// worstRAG returns the worst status label of an objective's KPIs, "" when none is measured.
func worstRAG(s *snap, o *isms.Objective, ser map[string][]*isms.Measurement, asOf isms.Date) string {
	rank := map[string]int{isms.RAGGreen: 1, isms.RAGAmber: 2, isms.RAGRed: 3}
	worst := ""
	for _, id := range o.KPIIDs {
		k, ok := get[*isms.KPI](s, isms.KindKPI, id)
		if !ok {
			continue
		}
		last, _ := upTo(ser[id], asOf)
		if last == nil {
			continue
		}
		if r := isms.RAG(k, last.Value); rank[r] > rank[worst] {
			worst = r
		}
	}
	return isms.RAGs.Label(worst)
}

func objectivesTable(s *snap, asOf isms.Date) *table {
	objs := all[*isms.Objective](s, isms.KindObjective)
	ser := series(s)
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 34}, {Name: "Owner", Width: 18},
		{Name: "Due date", Width: 12}, {Name: "Status", Width: 12, RAG: objectiveRAG}, {Name: "Target", Width: 8},
		{Name: "Unit", Width: 6}, {Name: "KPIs", Width: 30}, {Name: "KPI status", Width: 9, RAG: statusRAG},
		{Name: "SMART complete", Width: 9, RAG: map[string]string{"Yes": ragGreen, "No": ragAmber}},
		{Name: "Approved by", Width: 18}, {Name: "Approved on", Width: 12}, {Name: "Business goal", Width: 36},
		{Name: "Statement", Width: 44}}
	return &table{Cols: cols, N: len(objs), Rows: func(emit func(...any) error) error {
		for _, o := range objs {
			if err := emit(o.Ref, o.Title, s.name(o.OwnerID), o.DueDate, isms.ObjectiveStatuses.Label(o.Status), o.Target,
				o.Unit, s.titledList(isms.KindKPI, o.KPIIDs), worstRAG(s, o, ser, asOf), yesNo(o.IsSMART()),
				s.name(o.ApprovedByID), o.ApprovedOn, o.BusinessGoal, o.Statement); err != nil {
				return err
			}
		}
		return nil
	}}
}

const (
	trendSheet = "KPI trend data"
	ageSheet   = "NC ageing"
	moveSheet  = "Risk movement"
	soaSheet   = "SoA by theme"
	ncSheet    = "NCs by status"
)

func buildDashboard(s *snap) (string, string, []sheet, error) {
	kpis := all[*isms.KPI](s, isms.KindKPI)
	ser := series(s)
	var dates []isms.Date
	// the trend data: each KPI's measurements in a block of rows, in KPI order
	type block struct {
		k           *isms.KPI
		first, last int
	}
	var blocks []block
	row, n := 2, 0
	for _, k := range kpis {
		ms := ser[k.ID]
		if len(ms) == 0 {
			continue
		}
		blocks = append(blocks, block{k, row, row + len(ms) - 1})
		row += len(ms)
		n += len(ms)
		dates = append(dates, ms[0].Date, ms[len(ms)-1].Date)
	}
	trendData := &table{Cols: []column{{Name: "KPI", Width: 10}, {Name: "Name", Width: 34}, {Name: "Date", Width: 12},
		{Name: "Value", Width: 10}, {Name: "Target", Width: 10}, {Name: "Status", Width: 9, RAG: statusRAG}, {Name: "Note", Width: 40},
		{Name: "Red band", Width: 9}, {Name: "Amber band", Width: 9}, {Name: "Green band", Width: 9}},
		N: n, Rows: func(emit func(...any) error) error {
			for _, b := range blocks {
				bd := kpiBands(b.k, ser[b.k.ID])
				for _, m := range ser[b.k.ID] {
					if err := emit(b.k.Ref, b.k.Name, m.Date, m.Value, b.k.Target, ragOf(b.k, m), m.Note, bd.red, bd.amber, bd.green); err != nil {
						return err
					}
				}
			}
			return nil
		}}
	controls := controlsInOrder(s)
	counts := themeCounts(controls, nil)
	var themes []*themeCount
	for _, t := range counts {
		if t.n > 0 {
			themes = append(themes, t)
		}
	}
	soaData := &table{Cols: []column{{Name: "Theme", Width: 18}, {Name: "Implemented", Width: 12}, {Name: "In progress", Width: 12},
		{Name: "Planned", Width: 10}, {Name: "Not started", Width: 12}, {Name: "Not applicable", Width: 12}, {Name: "Not assessed", Width: 12}},
		N: len(themes), Rows: func(emit func(...any) error) error {
			for _, t := range themes {
				if err := emit(t.label, t.impl, t.prog, t.plan, t.ns, t.na, t.nass); err != nil {
					return err
				}
			}
			return nil
		}}
	themeMax := 0
	for _, t := range themes {
		themeMax = max(themeMax, t.impl+t.prog+t.plan+t.ns)
	}
	ncCount, ncMax := map[string]int{}, 0
	for _, nc := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		ncCount[nc.Status]++
		ncMax = max(ncMax, ncCount[nc.Status])
	}
	ncData := &table{Cols: []column{{Name: "Stage", Width: 22, RAG: ncRAG}, {Name: "Nonconformities", Width: 16}},
		N: len(isms.NonconformityStatuses), Rows: func(emit func(...any) error) error {
			for _, o := range isms.NonconformityStatuses {
				if err := emit(o.Label, ncCount[o.Value]); err != nil {
					return err
				}
			}
			return nil
		}}
	ageing := ncAgeing(s)
	movement := riskMovement(s)
	draw := func(b *book, name string) error {
		if err := b.setCell(name, "A1", "ISMS board dashboard", "title", ""); err != nil {
			return err
		}
		if err := b.f.SetRowHeight(name, 1, 30); err != nil { // room for the 18-point title
			return err
		}
		if err := b.setCell(name, "A2", "KPIs in their red, amber and green bands, SoA by theme, nonconformities, risk movement; the data is on the last sheets.", "text", ""); err != nil {
			return err
		}
		type drawn struct {
			c     *excelize.Chart
			combo []*excelize.Chart
		}
		var charts []drawn
		for _, bl := range blocks {
			ref := func(col string) string {
				return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(trendSheet), col, bl.first, col, bl.last)
			}
			head := func(col string) string { return fmt.Sprintf("%s!$%s$1", quoteSheet(trendSheet), col) }
			cats := ref("C")
			// the red, amber and green bands, stacked from the axis up in the order the
			// KPI's direction puts them
			bandCols := []struct{ col, colour string }{{"H", "FFC7CE"}, {"I", "FFEB9C"}, {"J", "C6EFCE"}}
			if bl.k.Direction == isms.LowerIsBetter {
				bandCols[0], bandCols[2] = bandCols[2], bandCols[0]
			}
			var bands []excelize.ChartSeries
			for _, bc := range bandCols {
				bands = append(bands, excelize.ChartSeries{Name: head(bc.col), Categories: cats, Values: ref(bc.col),
					Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{bc.colour}}})
			}
			top := kpiBands(bl.k, ser[bl.k.ID]).top
			area := &excelize.Chart{Type: excelize.AreaStacked,
				Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: bl.k.Ref + " " + bl.k.Name + unitNote(bl.k)}}},
				Series:    bands,
				Legend:    excelize.ChartLegend{Position: "bottom"},
				Dimension: excelize.ChartDimension{Width: 520, Height: 280},
				// the categories are dates: show them as months, not as date numbers
				XAxis: axis("yyyy-mm"),
				YAxis: kpiAxis(bl.k, top),
			}
			lines := &excelize.Chart{Type: excelize.Line,
				Series: []excelize.ChartSeries{
					{Name: head("D"), Categories: cats, Values: ref("D"),
						Line:   excelize.LineOptions{Width: 2.25, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}}},
						Marker: excelize.ChartMarker{Symbol: "circle", Size: 5}},
					{Name: head("E"), Categories: cats, Values: ref("E"),
						Line:   excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"006100"}}},
						Marker: excelize.ChartMarker{Symbol: "none"}},
				},
				XAxis: axis("yyyy-mm"),
				YAxis: kpiAxis(bl.k, top),
			}
			charts = append(charts, drawn{area, []*excelize.Chart{lines}})
		}
		if len(themes) > 0 {
			var series []excelize.ChartSeries
			for i, col := range []string{"B", "C", "D", "E"} {
				colours := []string{"70AD47", "FFC000", "5B9BD5", "C00000"}
				series = append(series, excelize.ChartSeries{
					Name:       fmt.Sprintf("%s!$%s$1", quoteSheet(soaSheet), col),
					Categories: fmt.Sprintf("%s!$A$2:$A$%d", quoteSheet(soaSheet), len(themes)+1),
					Values:     fmt.Sprintf("%s!$%s$2:$%s$%d", quoteSheet(soaSheet), col, col, len(themes)+1),
					Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}},
				})
			}
			charts = append(charts, drawn{c: &excelize.Chart{Type: excelize.ColStacked,
				Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "SoA implementation by theme (applicable controls)"}}},
				Series:    series,
				Legend:    excelize.ChartLegend{Position: "bottom"},
				Dimension: excelize.ChartDimension{Width: 520, Height: 280},
				XAxis:     axis(""),
				YAxis:     countAxis(themeMax),
			}})
		}
		last := len(isms.NonconformityStatuses) + 1
		charts = append(charts, drawn{c: &excelize.Chart{Type: excelize.Col,
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Nonconformities by stage"}}},
			Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s!$B$1", quoteSheet(ncSheet)),
				Categories: fmt.Sprintf("%s!$A$2:$A$%d", quoteSheet(ncSheet), last),
				Values:     fmt.Sprintf("%s!$B$2:$B$%d", quoteSheet(ncSheet), last),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: 520, Height: 280},
			XAxis:     axis(""),
			YAxis:     countAxis(ncMax),
		}})
		colSeries := func(sheet string, rows int, cols []string, colours []string) []excelize.ChartSeries {
			var out []excelize.ChartSeries
			for i, col := range cols {
				out = append(out, excelize.ChartSeries{
					Name:       fmt.Sprintf("%s!$%s$1", quoteSheet(sheet), col),
					Categories: fmt.Sprintf("%s!$A$2:$A$%d", quoteSheet(sheet), rows+1),
					Values:     fmt.Sprintf("%s!$%s$2:$%s$%d", quoteSheet(sheet), col, col, rows+1),
					Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}},
				})
			}
			return out
		}
		charts = append(charts, drawn{c: &excelize.Chart{Type: excelize.ColStacked,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Open nonconformities by age and grade"}}},
			Series:    colSeries(ageSheet, len(ageing.rows), []string{"B", "C", "D"}, []string{"C00000", "FFC000", "5B9BD5"}),
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: 520, Height: 280},
			XAxis:     axis(""),
			YAxis:     countAxis(ageing.top),
		}})
		charts = append(charts, drawn{c: &excelize.Chart{Type: excelize.Col,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Risk movement: risks by level, inherent and residual"}}},
			Series:    colSeries(moveSheet, len(movement.rows), []string{"B", "C"}, []string{"ED7D31", "1F4E78"}),
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: 520, Height: 280},
			XAxis:     axis(""),
			YAxis:     countAxis(movement.top),
		}})
		for i, c := range charts {
			col := "A"
			if i%2 == 1 {
				col = "J"
			}
			at := col + strconv.Itoa(4+(i/2)*15)
			if err := b.addChart(name, at, c.c, c.combo...); err != nil {
				return err
			}
			// two rows of charts a page, so that no page break cuts through a chart
			if i%4 == 0 && i > 0 {
				if err := b.f.InsertPageBreak(name, at); err != nil {
					return fmt.Errorf("report: unable to break the pages of %q: %w", name, err)
				}
			}
		}
		return b.printSetup(name, 0, 0)
	}
	dates = append(dates, s.today)
	return "ISMS board dashboard", span(dates...), []sheet{
		{Name: "Dashboard", About: "Native Excel charts: each KPI's trend against its target in its red, amber and green bands, SoA implementation by theme, nonconformities by stage and by age and grade, risk movement from inherent to residual.", Draw: draw},
		boardKPIs(s),
		{Name: "KPIs", About: fmt.Sprintf("The %d KPIs against target: latest value, the value before, trend and red/amber/green status (clause 9.1).", len(kpis)), Table: kpiTable(s, "", "", "Previous value")},
		{Name: "Objectives", About: "The ISMS objectives with owner, deadline, status, linked KPIs and their worst status, SMART completeness and approval (clause 6.2).", Table: objectivesTable(s, "")},
		{Name: trendSheet, About: "Chart data: every KPI measurement with the KPI's target.", Table: trendData},
		{Name: soaSheet, About: "Chart data: applicable controls by theme and implementation status.", Table: soaData},
		{Name: ncSheet, About: "Chart data: nonconformities by stage.", Table: ncData},
		{Name: ageSheet, About: "Chart data: open nonconformities by age since detection and grade (the severity of the finding they were raised from).", Table: ageing.table()},
		{Name: moveSheet, About: "Chart data: risks by level before treatment (inherent) and after it (residual).", Table: movement.table()},
	}, nil
}

// axis is a chart axis with labels dark enough to read on screen and on paper (the
// default is a very light grey), showing numbers in format ("" for the default).
func axis(format string) excelize.ChartAxis {
	a := excelize.ChartAxis{Font: excelize.Font{Color: "404040", Size: 9}}
	if format != "" {
		a.NumFmt = excelize.ChartNumFmt{CustomNumFmt: format}
	}
	return a
}

// kpiAxis is the value axis of a KPI's chart: from 0 to the top of its bands (100 for a
// percentage).
func kpiAxis(k *isms.KPI, top float64) excelize.ChartAxis {
	a := axis("")
	a.Minimum = ptr(0.0)
	a.Maximum = ptr(top)
	return a
}

// bands are the heights of a KPI chart's red, amber and green bands, stacked from 0 to
// top: for a KPI where higher is better red up to the amber threshold, amber up to the
// target and green above it; where lower is better green up to the target, amber up to
// the amber threshold and red above it.
type bands struct{ red, amber, green, top float64 }

func kpiBands(k *isms.KPI, ms []*isms.Measurement) bands {
	top := 100.0
	if strings.TrimSpace(k.Unit) != "%" {
		hi := max(k.Target, k.Amber)
		for _, m := range ms {
			hi = max(hi, m.Value)
		}
		top = niceCeil(hi * 1.15)
	}
	clamp := func(v float64) float64 { return min(max(v, 0), top) }
	lo, mid := clamp(min(k.Target, k.Amber)), clamp(max(k.Target, k.Amber))
	b := bands{top: top}
	if k.Direction == isms.LowerIsBetter {
		b.green, b.amber, b.red = lo, mid-lo, top-mid
	} else {
		b.red, b.amber, b.green = lo, mid-lo, top-mid
	}
	return b
}

// niceCeil rounds a positive value up to 1, 2 or 5 times a power of ten (at least 1).
func niceCeil(v float64) float64 {
	if v <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// counts is a small table of counts behind a chart, with its largest bar (or stack).
type counts struct {
	cols []column
	rows [][]any
	top  int
}

func (c counts) table() *table {
	return &table{Cols: c.cols, N: len(c.rows), Rows: func(emit func(...any) error) error {
		for _, r := range c.rows {
			if err := emit(r...); err != nil {
				return err
			}
		}
		return nil
	}}
}

// ncAgeing counts the open nonconformities by age since detection and grade.
func ncAgeing(s *snap) counts {
	labels := []string{"0 to 30 days", "31 to 60 days", "61 to 90 days", "Over 90 days"}
	grid := make([][3]int, len(labels))
	for _, n := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		if n.Status == isms.NCClosed {
			continue
		}
		age, _ := days(n.DetectedOn, s.today).(int)
		bucket := min(max(age-1, 0)/30, 3)
		g := 2
		switch ncGrade(s, n) {
		case "Major":
			g = 0
		case "Minor":
			g = 1
		}
		grid[bucket][g]++
	}
	c := counts{cols: []column{{Name: "Age", Width: 16}, {Name: "Major", Width: 9}, {Name: "Minor", Width: 9}, {Name: "Not graded", Width: 10}}}
	for i, l := range labels {
		g := grid[i]
		c.rows = append(c.rows, []any{l, g[0], g[1], g[2]})
		c.top = max(c.top, g[0]+g[1]+g[2])
	}
	return c
}

// riskMovement counts the risks by level, inherent and residual (closed ones left out).
func riskMovement(s *snap) counts {
	inh, res := map[string]int{}, map[string]int{}
	for _, r := range all[*isms.Risk](s, isms.KindRisk) {
		if r.Status == isms.RiskClosed {
			continue
		}
		inh[s.method.Level(r.Score())]++
		res[s.method.Level(r.ResidualScore())]++
	}
	c := counts{cols: []column{{Name: "Level", Width: 14}, {Name: "Inherent", Width: 10}, {Name: "Residual", Width: 10}}}
	for _, o := range isms.RiskLevels {
		c.rows = append(c.rows, []any{o.Label, inh[o.Value], res[o.Value]})
		c.top = max(c.top, inh[o.Value], res[o.Value])
	}
	c.rows = append(c.rows, []any{"Not assessed", inh[""], res[""]})
	c.top = max(c.top, inh[""], res[""])
	return c
}

// countAxis is the value axis of a chart of counts up to top: from 0 in whole steps
// (1, 2, 5, 10, 20, 50 and so on, about five of them), so that no axis shows fractions.
func countAxis(top int) excelize.ChartAxis {
	a := axis("0")
	a.Minimum = ptr(0.0)
	a.MajorUnit = float64(countStep(top))
	return a
}

// countStep is a whole step that divides 0..top into at most about five intervals.
func countStep(top int) int {
	for unit := 1; ; unit *= 10 {
		for _, m := range []int{1, 2, 5} {
			if step := m * unit; top <= step*5 {
				return step
			}
		}
	}
}

func unitNote(k *isms.KPI) string {
	if k.Unit == "" {
		return ""
	}
	return " (" + k.Unit + ")"
}
