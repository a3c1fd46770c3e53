package report

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// TestReviewRisksOnMethod: the management review's risk input counts and grades levels
// on the organisation's method: on a 3 by 3 method a score of 9 is critical and 4 high
// (on the 5 by 5 matrix they would be medium and low).
func TestReviewRisksOnMethod(t *testing.T) {
	risks := []isms.Record{
		&isms.Risk{Meta: isms.Meta{ID: "r1"}, Ref: "R-1", Title: "a", Likelihood: 3, Impact: 3, ResidualLikelihood: 2, ResidualImpact: 2},
		&isms.Risk{Meta: isms.Meta{ID: "r2"}, Ref: "R-2", Title: "b", Likelihood: 1, Impact: 1},
	}
	s := &snap{method: isms.RiskMethod{Likelihood: []string{"1", "2", "3"}, Impact: []string{"1", "2", "3"}, Threshold: 3},
		recs: map[isms.Kind][]isms.Record{isms.KindRisk: risks}, byID: map[isms.Kind]map[string]isms.Record{}}
	tb := reviewRisks(s, &isms.Review{})
	var inh, res string
	for _, l := range tb.Pre {
		switch l.Label {
		case "Inherent levels":
			inh = l.Value.(string)
		case "Residual levels":
			res = l.Value.(string)
		}
	}
	if inh != "2 risks: Low 1, Medium 0, High 0, Critical 1." || res != "Low 0, Medium 0, High 1, Critical 0, not assessed 1." {
		t.Errorf("inherent %q, residual %q", inh, res)
	}
	var rows [][]any
	if err := tb.Rows(func(v ...any) error { rows = append(rows, v); return nil }); err != nil {
		t.Fatal(err)
	}
	if rows[0][4] != "Critical" || rows[0][8] != "High" || rows[1][4] != "Low" {
		t.Errorf("levels %v / %v, %v", rows[0][4], rows[0][8], rows[1][4])
	}
	if !strings.Contains(inh, "Critical 1") {
		t.Errorf("a score of 9 on 3x3 is not counted critical: %q", inh)
	}
}
