package xlsx

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

func TestParseScore(t *testing.T) {
	three := []string{"Low", "Medium", "High"}
	five := isms.DefaultRiskMethod().Likelihood
	cases := []struct {
		in     string
		labels []string
		want   int
	}{
		{"4", five, 4}, {"4 - High", five, 4}, {"Possible", five, 3}, {"almost certain", five, 5},
		{"80%", five, 4}, {"81%", five, 5}, {"15%", five, 1}, {"0.5", five, 3}, {"0.05", five, 1},
		{"***", five, 3}, {"x", five, 1}, {"xxxxx", five, 5},
		{"low", five, 2}, {"Very high", five, 5}, {"faible", five, 2}, {"moyen", five, 3}, {"élevé", five, 4}, {"très élevé", five, 5},
		{"niedrig", five, 2}, {"mittel", five, 3}, {"hoch", five, 4}, {"sehr hoch", five, 5},
		{"bajo", five, 2}, {"medio", five, 3}, {"alto", five, 4}, {"muy alto", five, 5},
		{"VL", five, 1}, {"L", five, 2}, {"M", five, 3}, {"H", five, 4}, {"VH", five, 5}, {"H", three, 3}, {"l", three, 1},
		// on a three-level method
		{"Low", three, 1}, {"very low", three, 1}, {"medio", three, 2}, {"hoch", three, 3}, {"very high", three, 3},
		{"3", three, 3}, {"90%", three, 3}, {"0.2", three, 1}, {"**", three, 2}, {"", three, 0},
	}
	for _, c := range cases {
		got, err := ParseScore(c.in, c.labels, ScoreScale{})
		if err != nil || got != c.want {
			t.Errorf("ParseScore(%q, %d levels) = %d, %v; want %d", c.in, len(c.labels), got, err, c.want)
		}
	}
	for _, bad := range []string{"4", "****", "120%", "2.5", "sometimes", "0"} {
		if n, err := ParseScore(bad, three, ScoreScale{}); err == nil {
			t.Errorf("ParseScore(%q, 3 levels) = %d, want an error", bad, n)
		}
	}
	if _, err := ParseScore("7", five, ScoreScale{}); err == nil || !strings.Contains(err.Error(), "1-10") {
		t.Errorf("7 on 5 levels: %v, want an error that suggests the file's scale", err)
	}
}

func TestScoreScale(t *testing.T) {
	five := isms.DefaultRiskMethod().Impact
	ten, err := ParseScoreScale("1-10")
	must(t, err)
	for in, want := range map[string]int{"1": 1, "10": 5, "5": 3, "7": 4, "3": 2} {
		if got, err := ParseScore(in, five, ten); err != nil || got != want {
			t.Errorf("1-10: %s -> %d, %v; want %d", in, got, err, want)
		}
	}
	if _, err := ParseScore("11", five, ten); err == nil {
		t.Error("11 on a 1-10 scale: no error")
	}
	words, err := ParseScoreScale("Green=1, Amber=3, Red=5")
	must(t, err)
	if got, err := ParseScore("amber", five, words); err != nil || got != 3 {
		t.Errorf("Amber -> %d, %v", got, err)
	}
	if _, err := ParseScore("Red", []string{"L", "M", "H"}, words); err == nil {
		t.Error("Red=5 on three levels: no error")
	}
	for _, bad := range []string{"10-1", "a-b", "Low=9", "Low"} {
		if _, err := ParseScoreScale(bad); err == nil {
			t.Errorf("ParseScoreScale(%q): no error", bad)
		}
	}
	if s, _ := ParseScoreScale("0..100"); s.String() != "0-100" {
		t.Errorf("0..100 reads as %q", s.String())
	}
}

// TestRiskScoresOntoTheMethod: a register scored in percentages, marks and words, read
// onto a three-level method; and a 1-10 register with its scale given.
func TestRiskScoresOntoTheMethod(t *testing.T) {
	g, h := gridOf(t, [][]any{
		{"Risk ID", "Title", "Probability", "Impact"},
		{"R-1", "Ransomware", "70%", "***"},
		{"R-2", "Stolen laptop", 0.2, "x"},
		{"R-3", "Flood", "Faible", "Élevé"},
	})
	m, err := ProposeMappingFor(KindRisks, h, g)
	must(t, err)
	method := isms.RiskMethod{Likelihood: []string{"Low", "Medium", "High"}, Impact: []string{"Minor", "Major", "Severe"}, Threshold: 2}
	m.Method = &method
	res, err := Rows(KindRisks, h, g, m)
	must(t, err)
	want := [][2]int{{3, 3}, {1, 1}, {1, 3}}
	for i, r := range res {
		if !r.Valid() {
			t.Fatalf("row %d: %v (mapping %v)", r.Row, r.Problems, m.Columns)
		}
		risk := r.Record.(*RiskRow).Risk
		if risk.Likelihood != want[i][0] || risk.Impact != want[i][1] {
			t.Errorf("row %d: %d×%d, want %d×%d", r.Row, risk.Likelihood, risk.Impact, want[i][0], want[i][1])
		}
	}
	g, h = gridOf(t, [][]any{{"Risk ID", "Title", "Likelihood", "Impact"}, {"R-1", "Fraud", 8, 10}, {"R-2", "Outage", 2, 4}})
	m, _ = ProposeMappingFor(KindRisks, h, g)
	res, _ = Rows(KindRisks, h, g, m)
	if res[0].Valid() {
		t.Fatal("8 and 10 read on a five-level scale without the file's scale")
	}
	m.Scale = "1-10"
	res, _ = Rows(KindRisks, h, g, m)
	if r := res[0].Record.(*RiskRow).Risk; !res[0].Valid() || r.Likelihood != 4 || r.Impact != 5 {
		t.Errorf("1-10: %+v %v", r, res[0].Problems)
	}
}

// TestPartialDates: dates that give no day (a year, a month) are read as the first day,
// with a warning per column that counts them; a full date gives none.
func TestPartialDates(t *testing.T) {
	g, h := gridOf(t, [][]any{
		{"Ref", "Title", "Due date"},
		{"R-1", "A", "2015"},
		{"R-2", "B", 2019},
		{"R-3", "C", "March 2024"},
		{"R-4", "D", "2024-05-02"},
	})
	m, _ := ProposeMappingFor(KindRequirements, h, g)
	res, _ := Rows(KindRequirements, h, g, m)
	var got []string
	for _, r := range res {
		got = append(got, string(r.Record.(*RequirementRow).Requirement.DueDate))
	}
	if want := "2015-01-01 2019-01-01 2024-03-01 2024-05-02"; strings.Join(got, " ") != want {
		t.Errorf("due dates %v, want %s", got, want)
	}
	ws := AmbiguousDates(KindRequirements, h, g, m)
	if len(ws) != 1 || !ws[0].Partial || ws[0].Count != 3 || ws[0].Example != "2015" {
		t.Fatalf("warnings %+v, want one for the 3 dates without a day", ws)
	}
	if want := "3 dates such as 2015 (column C, Due date) give no day and are read as the first day: 1 January 2015 for 2015"; ws[0].Message != want {
		t.Errorf("message %q, want %q", ws[0].Message, want)
	}
}

// TestAmbiguousDates: a column whose dates all have day and month at most 12 is read by
// the locale, with a warning that counts the dates it decides.
func TestAmbiguousDates(t *testing.T) {
	g, h := gridOf(t, [][]any{
		{"Ref", "Title", "Due date", "Review date"},
		{"R-1", "A", "03/04/2024", "13/04/2024"},
		{"R-2", "B", "05/06/2024", "01/02/2024"},
		{"R-3", "C", "07/07/2024", ""},
		{"R-4", "D", "11/12/2024", ""},
	})
	m, _ := ProposeMappingFor(KindRequirements, h, g)
	m.Locale.DayFirst = true
	ws := AmbiguousDates(KindRequirements, h, g, m)
	if len(ws) != 1 {
		t.Fatalf("warnings %+v, want one (the review dates are day-first by 13/04)", ws)
	}
	w := ws[0]
	if w.Field != "dueDate" || w.Count != 3 || w.Example != "03/04/2024" || w.ReadAs != "3 April 2024" {
		t.Errorf("warning %+v", w)
	}
	if want := "3 dates such as 03/04/2024 (column C, Due date) read as 3 April 2024"; w.Message != want {
		t.Errorf("message %q, want %q", w.Message, want)
	}
	m.Locale.DayFirst = false
	if ws := AmbiguousDates(KindRequirements, h, g, m); len(ws) != 1 || ws[0].ReadAs != "4 March 2024" {
		t.Errorf("month-first: %+v", ws)
	}
}
