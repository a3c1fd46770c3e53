package xlsx

import (
	"bytes"
	"github.com/ismsdesk/ismsdesk/backend/xlsx/xlsxtest"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/xuri/excelize/v2"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in       string
		dayFirst bool
		want     isms.Date
		ok       bool
	}{
		{"2020-01-30", false, "2020-01-30", true},
		{"2020-01-30 14:05", false, "2020-01-30", true},
		{"2020-01-30T00:00:00Z", false, "2020-01-30", true},
		{"43860", false, "2020-01-30", true},
		{"59", false, "1900-02-28", true},
		{"61", false, "1900-03-01", true},
		{"30 January 2020", false, "2020-01-30", true},
		{"30 Jan 2020", false, "2020-01-30", true},
		{"Jan 30, 2020", false, "2020-01-30", true},
		{"30-Jan-2020", false, "2020-01-30", true},
		{"30 janvier 2020", false, "2020-01-30", true},
		{"30/01/2020", false, "2020-01-30", true},
		{"01/30/2020", true, "2020-01-30", true},
		{"03/04/2020", true, "2020-04-03", true},
		{"03/04/2020", false, "2020-03-04", true},
		{"30.01.2020", false, "2020-01-30", true},
		{"", false, "", true},
		{"31/02/2020", true, "", false},
		{"tomorrow", false, "", false},
		{"2020-13-01", false, "", false},
		// a year or a month alone is its first day, never an Excel serial (2015 is 1905-07-07)
		{"2015", false, "2015-01-01", true},
		{"March 2024", true, "2024-03-01", true},
		{"Sept. 2024", false, "2024-09-01", true},
		{"mars 2024", false, "2024-03-01", true},
		{"03/2024", true, "2024-03-01", true},
		{"2024-03", false, "2024-03-01", true},
		{"13/2024", false, "", false},
		{"Q2 2025", false, "2025-04-01", true}, {"2025-Q4", false, "2025-10-01", true}, {"Q5 2025", false, "", false},
	}
	for _, tc := range tests {
		got, err := ParseDate(tc.in, Locale{DayFirst: tc.dayFirst})
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseDate(%q, dayFirst=%v) = %q, %v; want %q ok=%v", tc.in, tc.dayFirst, got, err, tc.want, tc.ok)
		}
	}
}

func TestParseBoolNumberPercentLevelEnum(t *testing.T) {
	for in, want := range map[string]bool{"x": true, "Yes": true, "✓": true, "✔": true, "oui": true, "ja": true, "sí": true, "TRUE": true, "1": true, "no": false, "": false, "0": false, "FALSE": false, "nein": false, "Active": true, "Leaver": false, "Inactive": false} {
		if got, err := ParseBool(in); err != nil || got != want {
			t.Errorf("ParseBool(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseBool("perhaps"); err == nil {
		t.Error("ParseBool(perhaps) should fail")
	}
	for in, want := range map[string]float64{"1 234,5": 1234.5, "1,234.5": 1234.5, "1.234,5": 1234.5, "12,5": 12.5, "1,234": 1234, "-3": -3, "€ 1 000": 1000, "0,75": 0.75, "1.234.567": 1234567, "approx. 40": 40, "ca. 1 200": 1200, "~25": 25} {
		if got, err := ParseNumber(in); err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]float64{"85%": 85, "85 %": 85, "0.85": 85, "85": 85, "12,5%": 12.5} {
		if got, err := ParsePercent(in); err != nil || got != want {
			t.Errorf("ParsePercent(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]int{"High": 4, "very high": 5, "Moyen": 3, "4 - High": 4, "2": 2, "Hoch": 4, "": 0} {
		if got, err := ParseLevel(in); err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	enums := []struct{ enum, in, want string }{
		{"compliance", "Done", isms.ComplianceCompliant}, {"compliance", "Yes", isms.ComplianceCompliant},
		{"compliance", "Implemented", isms.ComplianceCompliant}, {"compliance", "Conforme", isms.ComplianceCompliant},
		{"compliance", "In progress", isms.CompliancePartial}, {"compliance", "Gap", isms.ComplianceNonCompliant},
		{"compliance", "N/A", isms.ComplianceNotApplicable}, {"compliance", "Partially compliant", isms.CompliancePartial},
		{"implementation", "Done", isms.ImplImplemented}, {"implementation", "not_started", isms.ImplNotStarted},
		{"treatment", "Reduce", isms.TreatMitigate}, {"attendance", "✓", isms.AttendanceAttended},
		{"implementation", "Partially", isms.ImplInProgress}, {"compliance", "Parcialmente", isms.CompliancePartial},
		{"improvementStatus", "On hold", isms.ImprovementApproved}, {"improvementStatus", "Closed - not pursued", isms.ImprovementRejected},
		{"feedbackStatus", "Escalated to NC", isms.FeedbackRaised}, {"checklistResult", "NC-Minor", isms.ResultMinorNC}, {"checklistResult", "N/S", isms.ResultNotSampled},
		{"ncSource", "External audit", isms.NCSourceAudit}, {"ncSource", "Customer complaint", isms.NCSourceFeedback}, {"ncStatus", "In progress", isms.NCCorrectiveAction},
	}
	for _, e := range enums {
		if got, err := ParseEnum(e.enum, e.in); err != nil || got != e.want {
			t.Errorf("ParseEnum(%s, %q) = %q, %v; want %q", e.enum, e.in, got, err, e.want)
		}
	}
	if _, err := ParseEnum("compliance", "purple"); err == nil {
		t.Error("ParseEnum(purple) should fail")
	}
}

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		id   int
		code string
		want cellKind
	}{
		{14, "", kindDate}, {22, "", kindDateTime}, {20, "", kindTime}, {45, "", kindTime}, {9, "", kindPercent}, {0, "", kindPlain},
		{164, "dd/mm/yyyy", kindDate}, {164, `[$-409]d-mmm-yy;@`, kindDate}, {164, "yyyy-mm-dd hh:mm", kindDateTime},
		{164, `#,##0.00 "days"`, kindPlain}, {164, "[h]:mm", kindTime}, {164, "0.0%", kindPercent}, {164, "General", kindPlain}, {164, `0.00E+00`, kindPlain},
		{164, `[Red]0.00;[Blue]-0.00`, kindPlain},
		{2, "", kindFixed + 2}, {4, "", kindFixed + 2}, {164, "0.000", kindFixed + 3}, {164, "#,##0.0;-#,##0.0", kindFixed + 1},
		{164, "0.", kindPlain}, {164, ".00", kindPlain},
	}
	for _, tc := range tests {
		if got := classifyNumFmt(tc.id, tc.code); got != tc.want {
			t.Errorf("classifyNumFmt(%d, %q) = %v, want %v", tc.id, tc.code, got, tc.want)
		}
	}
	// A fixed-point format shows its decimals (a control typed 5.10 is stored 5.1), unless
	// that would round digits of the value away.
	fixed := []struct {
		raw  string
		k    cellKind
		want string
	}{
		{"5.1", kindFixed + 2, "5.10"}, {"5", kindFixed + 2, "5.00"}, {"0.125", kindFixed + 2, "0.125"},
		{"8.1999999999999993", kindFixed + 2, "8.20"}, {"-3.5", kindFixed + 1, "-3.5"}, {"1E+20", kindFixed + 2, "1E+20"},
	}
	for _, tc := range fixed {
		if got := renderCell(tc.raw, tc.k, false); got != tc.want {
			t.Errorf("renderCell(%q, fixed %d) = %q, want %q", tc.raw, tc.k-kindFixed, got, tc.want)
		}
	}
}

func TestResolveControl(t *testing.T) {
	tests := []struct{ ref, title, want string }{
		{"8.2", "Privileged access rights", "A.8.2"},
		{"8.2", "Use of cryptography", "A.8.2"},
		{"8.2", "Information deletion", "A.8.2"},
		{"8.2", "Segregation of development, test and production environments", "A.8.2"},
		{"5.1", "Acceptable use of information and other associated assets", "A.5.10"},
		{"8.199999999999999", "", "A.8.2"},
		{"", "Secure coding", "A.8.28"},
		{"A 05.01", "", "A.5.1"},
	}
	for _, tc := range tests {
		c, ok := ResolveControl(tc.ref, tc.title)
		if !ok || c.Ref != tc.want {
			t.Errorf("ResolveControl(%q, %q) = %q %v, want %q", tc.ref, tc.title, c.Ref, ok, tc.want)
		}
	}
	if c, ok := ResolveControl("8.3", "Information access restriction"); !ok || c.Ref != "A.8.3" {
		t.Errorf("8.3 -> %v", c.Ref)
	}
	if c, ok := ResolveControl("8.3", "Use of privileged utility programs"); ok && c.Ref == "A.8.30" {
		t.Errorf("8.3 resolved to %v by a wrong title", c.Ref)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2020-01-30", "30/01/2020", "Jan 30, 2020", "43860", "30.01.20", "x"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, dayFirst bool) {
		d, err := ParseDate(s, Locale{DayFirst: dayFirst})
		if err == nil && !d.Valid() {
			t.Fatalf("ParseDate(%q) = %q, not a valid date", s, d)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1 234,5", "1,234.5", "-3", "(5)", "85%", "€1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseNumber(s)
		_, _ = ParsePercent(s)
		_, _ = ParseLevel(s)
		_, _ = ParseBool(s)
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("a;b\n\"x\ny\";2\n"))
	f.Add(utf16Bytes("a\tb\n1\t2\n", false))
	f.Add([]byte("\xef\xbb\xbfa,b\n\"unterminated"))
	f.Fuzz(func(t *testing.T, b []byte) {
		wb, err := Open("f.csv", bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		g, err := wb.ReadSheet("", ReadOptions{})
		if err != nil {
			return
		}
		if h, err := DetectHeader(g); err == nil {
			_ = h.DataRows(g)
		}
	})
}

func FuzzDetectHeader(f *testing.F) {
	f.Add("Title\n\nID;Name;Owner\n1;a;b\n", 2)
	f.Add(";;;\nx\n", 0)
	f.Fuzz(func(t *testing.T, text string, merge int) {
		wb, err := Open("h.csv", bytes.NewReader([]byte(text)), int64(len(text)))
		if err != nil {
			return
		}
		g, err := wb.ReadSheet("", ReadOptions{MaxRows: 50})
		if err != nil {
			return
		}
		if len(g.Rows) > 0 && merge > 0 {
			g.Merges = append(g.Merges, Merge{FirstRow: g.Rows[0].Num, LastRow: g.Rows[0].Num, FirstCol: 0, LastCol: merge % 5})
		}
		h, err := DetectHeader(g)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, c := range h.Columns {
			if c.Name == "" || seen[c.Name] {
				t.Fatalf("empty or duplicate column name in %q", h.Names())
			}
			seen[c.Name] = true
		}
		for _, kind := range Kinds() {
			m, _ := ProposeMappingFor(kind, h, g)
			if _, err := Rows(kind, h, g, m); err != nil {
				t.Fatal(err)
			}
			_ = AmbiguousDates(kind, h, g, m)
		}
	})
}

// BenchmarkRead100k reads the generated register through Open, ReadSheet and DetectHeader.
func BenchmarkRead100k(b *testing.B) {
	path := xlsxtest.Register100k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		wb, err := OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		g, err := wb.ReadSheet("Sheet1", ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		h, err := DetectHeader(g)
		if err != nil || len(h.DataRows(g)) != 100000 || g.Rows[1].Cell(5) == "" || g.Rows[1].Cell(5)[4] != '-' {
			b.Fatalf("header %v %v, date %q", h.Row, err, g.Rows[1].Cell(5))
		}
		wb.Close()
	}
	b.ReportMetric(float64(100000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkExcelizeRaw100k reads the same file with excelize alone, for the ratio.
func BenchmarkExcelizeRaw100k(b *testing.B) {
	xlsxtest.ReadWithExcelize(b, xlsxtest.Register100k(b), excelize.Options{RawCellValue: true})
}

func TestNormalizedIs(t *testing.T) {
	for _, s := range []string{"Reference", "  Due   date ", "Owner (name)", "ÉTAT", "Risk-ID", "A.5.1", "", "x", "ref!", "Ref  ", "Dueß"} {
		for _, n := range []string{"reference", "due date", "owner name", "etat", "risk id", "a 5 1", "", "x", "ref", "dues", "duess"} {
			if got, want := normalizedIs(s, n), Normalize(s) == n; got != want {
				t.Errorf("normalizedIs(%q, %q) = %v, Normalize gives %q", s, n, got, Normalize(s))
			}
		}
	}
}
