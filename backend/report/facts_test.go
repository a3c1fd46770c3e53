package report_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// rowWith returns the first row of a sheet whose first cell is first, failing when none is.
func rowWith(t *testing.T, f *excelize.File, sheet, first string) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	t.Fatalf("%s: no row starting %q", sheet, first)
	return nil
}

// headerIndex returns the 0-based index of a header in a row.
func headerIndex(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

// TestSoAKPIs: the SoA names the KPIs linked to each control (it loads them), never
// "(deleted kpi)".
func TestSoAKPIs(t *testing.T) {
	db := demoDB(t)
	want := map[string]string{} // control ref -> KPI refs
	err := db.View(func(tx *store.Tx) error {
		kpis := map[string]string{}
		if err := tx.Each(isms.KindKPI, func(r isms.Record) error {
			kpis[r.Base().ID] = r.(*isms.KPI).Ref
			return nil
		}); err != nil {
			return err
		}
		return tx.Each(isms.KindControl, func(r isms.Record) error {
			c := r.(*isms.Control)
			var refs []string
			for _, id := range c.KPIIDs {
				refs = append(refs, kpis[id])
			}
			if len(refs) > 0 {
				want[c.Ref] = strings.Join(refs, "; ")
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("the demo links no KPI to a control")
	}
	f := export(t, db, "soa", opts(""))
	rows, err := f.GetRows("Statement of Applicability")
	if err != nil {
		t.Fatal(err)
	}
	col := headerIndex(t, rows[0], "KPIs")
	seen := 0
	for _, r := range rows[1:] {
		got := ""
		if col < len(r) {
			got = r[col]
		}
		if strings.Contains(got, "deleted") {
			t.Errorf("%s: KPIs %q", r[0], got)
		}
		if w, ok := want[r[0]]; ok {
			seen++
			if got != w {
				t.Errorf("%s: KPIs %q, want %q", r[0], got, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d of %d controls with KPIs found", seen, len(want))
	}
}

// TestCorrectiveSummaryOverdueActions: the tracker's summary counts the corrective actions
// that are overdue (isms.Action.Overdue), by the stage of their nonconformity; the demo
// has one, so the summary may not say that nothing is overdue.
func TestCorrectiveSummaryOverdueActions(t *testing.T) {
	db := demoDB(t)
	late, lateByStage := 0, map[string]int{}
	err := db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindNonconformity, func(r isms.Record) error {
			n := r.(*isms.Nonconformity)
			for _, id := range n.CorrectiveActionIDs {
				rec, err := tx.Get(isms.KindAction, id)
				if err != nil {
					return err
				}
				if rec.(*isms.Action).Overdue(today) {
					late++
					lateByStage[isms.NonconformityStatuses.Label(n.Status)]++
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if late == 0 {
		t.Fatal("the demo has no overdue corrective action")
	}
	f := export(t, db, "corrective-actions", opts(""))
	header := rowWith(t, f, "Summary", "Stage")
	col := headerIndex(t, header, "Corrective actions overdue")
	if got := rowWith(t, f, "Summary", "All")[col]; got != strconv.Itoa(late) {
		t.Errorf("summary: %s corrective actions overdue, want %d", got, late)
	}
	for stage, n := range lateByStage {
		if got := rowWith(t, f, "Summary", stage)[col]; got != strconv.Itoa(n) {
			t.Errorf("summary, %s: %s corrective actions overdue, want %d", stage, got, n)
		}
	}
}

// preValue returns the value of a labelled line above a table, "" when absent.
func preValue(t *testing.T, f *excelize.File, sheet, label string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 1 && r[0] == label {
			return r[1]
		}
	}
	return ""
}

// TestReviewDataDate: the pre-read of a planned review (MR-02) is built from live
// records, so every figure is as at one date, the date of the export, and the pack says
// so: on the review sheet and above each input's table, beside the summary typed for the
// meeting (labelled with the meeting's date); the KPI values are the latest as at that
// date. The pack of a held review (MR-01, 90 days ago) is the review as presented: no
// live records in it, its inputs dated with the day they were frozen.
func TestReviewDataDate(t *testing.T) {
	db := demoDB(t)
	latest := map[string]isms.Date{} // KPI ref -> date of its latest measurement
	err := db.View(func(tx *store.Tx) error {
		refs := map[string]string{}
		if err := tx.Each(isms.KindKPI, func(r isms.Record) error {
			refs[r.Base().ID] = r.(*isms.KPI).Ref
			return nil
		}); err != nil {
			return err
		}
		return tx.Each(isms.KindMeasurement, func(r isms.Record) error {
			m := r.(*isms.Measurement)
			if ref := refs[m.KPIID]; m.Date <= today && m.Date > latest[ref] {
				latest[ref] = m.Date
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	held := export(t, db, "management-review", opts("MR-01"))
	if got := preValue(t, held, "Review", "Inputs presented on"); got != "2025-03-17" {
		t.Errorf("MR-01: inputs presented on %q, want the day it was held", got)
	}
	if got := preValue(t, held, "Review", "Data as at"); got != "" {
		t.Errorf("MR-01: the pack as presented says data as at %q", got)
	}
	if got := preValue(t, held, "d2 Monitoring", "Summary presented on 2025-03-17"); !strings.HasPrefix(got, "Phishing click rate") {
		t.Errorf("MR-01 / d2 Monitoring: summary presented %q", got)
	}
	for _, c := range []struct{ id, summaryLabel string }{
		{"MR-02", "Summary prepared for 2025-07-05"},
	} {
		f := export(t, db, "management-review", opts(c.id))
		if got := preValue(t, f, "Review", "Data as at"); got != string(today) {
			t.Errorf("%s: review sheet says data as at %q, want %s", c.id, got, today)
		}
		for _, sheet := range []string{"a Previous actions", "d1 Nonconformities", "d2 Monitoring", "f Risks"} {
			if got := preValue(t, f, sheet, "Live records as at"); got != string(today) {
				t.Errorf("%s / %s: live records as at %q, want %s", c.id, sheet, got, today)
			}
			if got := preValue(t, f, sheet, c.summaryLabel); got == "" {
				t.Errorf("%s / %s: no line %q", c.id, sheet, c.summaryLabel)
			}
		}
		rows, err := f.GetRows("d2 Monitoring")
		if err != nil {
			t.Fatal(err)
		}
		head := -1
		for i, r := range rows {
			if len(r) > 0 && r[0] == "Reference" {
				head = i
			}
		}
		if head < 0 {
			t.Fatalf("%s: no KPI table", c.id)
		}
		on := headerIndex(t, rows[head], "Measured on")
		for _, r := range rows[head+1:] {
			if w := latest[r[0]]; w != "" && r[on] != string(w) {
				t.Errorf("%s: %s measured on %s in the pack, but its latest value as at %s is of %s", c.id, r[0], r[on], today, w)
			}
		}
	}
}

// chartXML returns the XML of every chart in a workbook, by part name.
func chartXML(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[zf.Name] = string(b)
	}
	return out
}

var (
	chartTitle = regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	valAxis    = regexp.MustCompile(`(?s)<(?:c:)?valAx>.*?</(?:c:)?valAx>`)
	axisMax    = regexp.MustCompile(`<(?:c:)?max val="([^"]+)"`)
	majorUnit  = regexp.MustCompile(`<(?:c:)?majorUnit val="([^"]+)"`)
)

// TestChartAxes: a KPI chart in percent has its value axis capped at 100; the charts of
// counts (controls by theme, nonconformities by stage) step their value axis in whole
// numbers.
func TestChartAxes(t *testing.T) {
	db := demoDB(t)
	var buf bytes.Buffer
	if err := report.Write(context.Background(), db, "kpi-dashboard", opts(""), &buf); err != nil {
		t.Fatal(err)
	}
	charts := chartXML(t, buf.Bytes())
	if len(charts) == 0 {
		t.Fatal("no charts")
	}
	percent, counts := 0, 0
	for name, x := range charts {
		title := ""
		if m := chartTitle.FindStringSubmatch(x); m != nil {
			title = m[1]
		}
		ax := valAxis.FindString(x)
		switch {
		case strings.HasSuffix(title, "(%)"):
			percent++
			if m := axisMax.FindStringSubmatch(ax); m == nil || m[1] != "100" {
				t.Errorf("%s %q: value axis maximum %v, want 100", name, title, m)
			}
		case strings.HasPrefix(title, "SoA implementation") || strings.HasPrefix(title, "Nonconformities") ||
			strings.HasPrefix(title, "Open nonconformities") || strings.HasPrefix(title, "Risk movement"):
			counts++
			m := majorUnit.FindStringSubmatch(ax)
			if m == nil {
				t.Errorf("%s %q: no major unit on the value axis (fractional steps)", name, title)
				continue
			}
			if v, err := strconv.ParseFloat(m[1], 64); err != nil || v < 1 || v != float64(int(v)) {
				t.Errorf("%s %q: major unit %s, want a whole number", name, title, m[1])
			}
		}
	}
	if percent == 0 || counts != 4 {
		t.Errorf("%d percent charts and %d count charts checked", percent, counts)
	}
}

var (
	bandSeries = regexp.MustCompile(`(?s)<areaChart>.*?</areaChart>`)
	lineSeries = regexp.MustCompile(`(?s)<lineChart>.*?</lineChart>`)
	cachedPt   = regexp.MustCompile(`<pt idx="\d+"><v>[^<]+</v></pt>`)
	numRefs    = regexp.MustCompile(`(?s)<numRef><f>[^<]*</f>(.*?)</numRef>`)
)

// TestChartBandsAndCaches: each KPI chart draws the KPI's red, amber and green bands
// (stacked areas) under its values and target (lines); and every chart carries the
// values it plots (cached), so that a preview that does not recalculate still draws it.
func TestChartBandsAndCaches(t *testing.T) {
	db := demoDB(t)
	var buf bytes.Buffer
	if err := report.Write(context.Background(), db, "kpi-dashboard", opts(""), &buf); err != nil {
		t.Fatal(err)
	}
	kpis := 0
	for name, x := range chartXML(t, buf.Bytes()) {
		if m := chartTitle.FindStringSubmatch(x); m != nil && strings.HasPrefix(m[1], "KPI-") {
			kpis++
			area, line := bandSeries.FindString(x), lineSeries.FindString(x)
			for _, b := range []string{"$H$1", "$I$1", "$J$1"} { // Red band, Amber band, Green band
				if !strings.Contains(area, b) {
					t.Errorf("%s %q: no band series %s", name, m[1], b)
				}
			}
			for _, c := range []string{"FFC7CE", "FFEB9C", "C6EFCE"} {
				if !strings.Contains(area, c) {
					t.Errorf("%s %q: no band in colour %s", name, m[1], c)
				}
			}
			if !strings.Contains(line, "$D$1") || !strings.Contains(line, "$E$1") {
				t.Errorf("%s %q: the value and target lines are missing", name, m[1])
			}
		}
		refs := numRefs.FindAllStringSubmatch(x, -1)
		if len(refs) == 0 {
			t.Errorf("%s: no number references", name)
		}
		for _, r := range refs {
			if len(cachedPt.FindAllString(r[1], -1)) == 0 {
				t.Errorf("%s: a series has no cached values: %.200s", name, r[0])
			}
		}
		if !strings.Contains(x, "<strCache>") {
			t.Errorf("%s: the series names and categories have no cached text", name)
		}
	}
	if kpis == 0 {
		t.Error("no KPI chart")
	}
}
