package report

import (
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// TestTrendTolerance: a change smaller than a tenth of the KPI's band between target and
// amber threshold is stable; a KPI that is on target is never flagged red for getting
// worse (its status says green); a worsening KPI off target is.
func TestTrendTolerance(t *testing.T) {
	avail := &isms.KPI{Target: 99.9, Amber: 99.5, Direction: isms.HigherIsBetter} // band 0.4: tolerance 0.04
	hours := &isms.KPI{Target: 24, Amber: 48, Direction: isms.LowerIsBetter}      // band 24: tolerance 2.4
	same := &isms.KPI{Target: 100, Amber: 100, Direction: isms.HigherIsBetter}    // no band: tolerance 1% of the target
	m := func(v float64) *isms.Measurement { return &isms.Measurement{Value: v} }
	cases := []struct {
		k        *isms.KPI
		from, to float64
		want     string
	}{
		{avail, 99.97, 99.96, "Stable"}, // the 0.01 dip of a green KPI
		{avail, 99.96, 99.97, "Stable"},
		{avail, 100, 99.9, trendWorseOnTarget}, // worse by 0.1 but still on target: amber, not red
		{avail, 99.96, 99.4, "Worsening"},      // off target: red
		{avail, 99.4, 99.96, "Improving"},
		{hours, 20, 22, "Stable"}, // 2 hours on a 24-hour band
		{hours, 20, 23, trendWorseOnTarget},
		{hours, 30, 44, "Worsening"},
		{hours, 44, 30, "Improving"},
		{same, 100, 99.5, "Stable"},
		{same, 100, 98, "Worsening"},
		{avail, 99.9, 99.9, "Stable"},
	}
	for _, c := range cases {
		if got := trend(c.k, m(c.from), m(c.to)); got != c.want {
			t.Errorf("target %v amber %v: %v -> %v is %q, want %q", c.k.Target, c.k.Amber, c.from, c.to, got, c.want)
		}
	}
	if trend(avail, nil, m(1)) != "" {
		t.Error("a trend without a previous value")
	}
	if trendRAG[trendWorseOnTarget] == ragRed || trendRAG["Worsening"] != ragRed {
		t.Errorf("trend colours %v", trendRAG)
	}
}
