package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// statusRAG colours a KPI's red/amber/green status label.
var statusRAG = map[string]string{
	isms.RAGs.Label(isms.RAGGreen): ragGreen,
	isms.RAGs.Label(isms.RAGAmber): ragAmber,
	isms.RAGs.Label(isms.RAGRed):   ragRed,
}

var trendRAG = map[string]string{"Improving": ragGreen, "Worsening": ragRed}

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

// trend compares two values of a KPI: "Improving", "Worsening", "Stable", or "" when
// either is missing.
func trend(k *isms.KPI, from, to *isms.Measurement) string {
	if from == nil || to == nil {
		return ""
	}
	d := to.Value - from.Value
	switch {
	case math.Abs(d) < 1e-9:
		return "Stable"
	case (d < 0) == (k.Direction == isms.LowerIsBetter):
		return "Improving"
	}
	return "Worsening"
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
	cols := []column{{Name: "Reference", Width: 10}, {Name: "KPI", Width: 32}, {Name: "Objective", Width: 10},
		{Name: "Control", Width: 9}, {Name: "Unit", Width: 7}, {Name: "Direction", Width: 14}, {Name: "Target", Width: 8},
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
			if err := emit(k.Ref, k.Name, s.ref(isms.KindObjective, k.ObjectiveID), s.ref(isms.KindControl, k.ControlID),
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
		{Name: "Unit", Width: 6}, {Name: "KPIs", Width: 16}, {Name: "KPI status", Width: 9, RAG: statusRAG},
		{Name: "SMART complete", Width: 9, RAG: map[string]string{"Yes": ragGreen, "No": ragAmber}},
		{Name: "Approved by", Width: 18}, {Name: "Approved on", Width: 12}, {Name: "Business goal", Width: 36},
		{Name: "Statement", Width: 44}}
	return &table{Cols: cols, N: len(objs), Rows: func(emit func(...any) error) error {
		for _, o := range objs {
			if err := emit(o.Ref, o.Title, s.name(o.OwnerID), o.DueDate, isms.ObjectiveStatuses.Label(o.Status), o.Target,
				o.Unit, s.refs(isms.KindKPI, o.KPIIDs), worstRAG(s, o, ser, asOf), yesNo(o.IsSMART()),
				s.name(o.ApprovedByID), o.ApprovedOn, o.BusinessGoal, o.Statement); err != nil {
				return err
			}
		}
		return nil
	}}
}

const (
	trendSheet = "KPI trend data"
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
		{Name: "Value", Width: 10}, {Name: "Target", Width: 10}, {Name: "Status", Width: 9, RAG: statusRAG}, {Name: "Note", Width: 40}},
		N: n, Rows: func(emit func(...any) error) error {
			for _, b := range blocks {
				for _, m := range ser[b.k.ID] {
					if err := emit(b.k.Ref, b.k.Name, m.Date, m.Value, b.k.Target, ragOf(b.k, m), m.Note); err != nil {
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
	ncCount := map[string]int{}
	for _, nc := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		ncCount[nc.Status]++
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
	draw := func(b *book, name string) error {
		if err := b.setCell(name, "A1", "ISMS board dashboard", "title", ""); err != nil {
			return err
		}
		if err := b.f.SetRowHeight(name, 1, 30); err != nil { // room for the 18-point title
			return err
		}
		if err := b.setCell(name, "A2", "KPI trends against target, Statement of Applicability implementation by theme and nonconformities by stage. The data behind each chart is on the sheets after the tables.", "text", ""); err != nil {
			return err
		}
		var charts []*excelize.Chart
		for _, bl := range blocks {
			cats := fmt.Sprintf("%s!$C$%d:$C$%d", quoteSheet(trendSheet), bl.first, bl.last)
			charts = append(charts, &excelize.Chart{Type: excelize.Line,
				Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: bl.k.Ref + " " + bl.k.Name + unitNote(bl.k)}}},
				Series: []excelize.ChartSeries{
					{Name: fmt.Sprintf("%s!$D$1", quoteSheet(trendSheet)), Categories: cats,
						Values: fmt.Sprintf("%s!$D$%d:$D$%d", quoteSheet(trendSheet), bl.first, bl.last),
						Marker: excelize.ChartMarker{Symbol: "circle", Size: 5}},
					{Name: fmt.Sprintf("%s!$E$1", quoteSheet(trendSheet)), Categories: cats,
						Values: fmt.Sprintf("%s!$E$%d:$E$%d", quoteSheet(trendSheet), bl.first, bl.last),
						Line:   excelize.LineOptions{Width: 1.5}, Marker: excelize.ChartMarker{Symbol: "none"}},
				},
				Legend:    excelize.ChartLegend{Position: "bottom"},
				Dimension: excelize.ChartDimension{Width: 520, Height: 280},
				// the categories are dates: show them as months, not as date numbers
				XAxis: axis("yyyy-mm"),
				YAxis: axis(""),
			})
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
			charts = append(charts, &excelize.Chart{Type: excelize.ColStacked,
				Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "SoA implementation by theme (applicable controls)"}}},
				Series:    series,
				Legend:    excelize.ChartLegend{Position: "bottom"},
				Dimension: excelize.ChartDimension{Width: 520, Height: 280},
				XAxis:     axis(""),
				YAxis:     axis(""),
			})
		}
		last := len(isms.NonconformityStatuses) + 1
		charts = append(charts, &excelize.Chart{Type: excelize.Col,
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Nonconformities by stage"}}},
			Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s!$B$1", quoteSheet(ncSheet)),
				Categories: fmt.Sprintf("%s!$A$2:$A$%d", quoteSheet(ncSheet), last),
				Values:     fmt.Sprintf("%s!$B$2:$B$%d", quoteSheet(ncSheet), last),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: 520, Height: 280},
			XAxis:     axis(""),
			YAxis:     axis(""),
		})
		for i, c := range charts {
			col := "A"
			if i%2 == 1 {
				col = "J"
			}
			at := col + strconv.Itoa(4+(i/2)*15)
			if err := b.f.AddChart(name, at, c); err != nil {
				return fmt.Errorf("report: unable to add a chart to %q: %w", name, err)
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
		{Name: "Dashboard", About: "Native Excel charts: each KPI's trend against its target, SoA implementation by theme, nonconformities by stage.", Draw: draw},
		{Name: "KPIs", About: fmt.Sprintf("The %d KPIs against target: latest value, the value before, trend and red/amber/green status (clause 9.1).", len(kpis)), Table: kpiTable(s, "", "", "Previous value")},
		{Name: "Objectives", About: "The ISMS objectives with owner, deadline, status, linked KPIs and their worst status, SMART completeness and approval (clause 6.2).", Table: objectivesTable(s, "")},
		{Name: trendSheet, About: "Chart data: every KPI measurement with the KPI's target.", Table: trendData},
		{Name: soaSheet, About: "Chart data: applicable controls by theme and implementation status.", Table: soaData},
		{Name: ncSheet, About: "Chart data: nonconformities by stage.", Table: ncData},
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

func unitNote(k *isms.KPI) string {
	if k.Unit == "" {
		return ""
	}
	return " (" + k.Unit + ")"
}
