package xlsx

import (
	"strings"
	"testing"
)

// TestAttendanceMarks: with an attended column, a blank cell is an absence, and in a
// column that ticks (✓) an x is a cross; without one, every row is an attendance.
func TestAttendanceMarks(t *testing.T) {
	statuses := func(rows [][]any) string {
		t.Helper()
		g, h := gridOf(t, rows)
		m, _ := ProposeMappingFor(KindAttendance, h, g)
		res, err := Rows(KindAttendance, h, g, m)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range res {
			if !r.Valid() {
				t.Fatalf("row %d: %v", r.Row, r.Problems)
			}
			out = append(out, r.Record.(*AttendanceRow).Status)
		}
		return strings.Join(out, " ")
	}
	ticks := [][]any{{"Training", "Name", "Attended"}, {"Phishing", "Ann", "✓"}, {"Phishing", "Bob", "x"}, {"Phishing", "Cy", ""}, {"Phishing", "Di", "✔"}}
	if got := statuses(ticks); got != "attended absent absent attended" {
		t.Errorf("ticks: %s", got)
	}
	crosses := [][]any{{"Training", "Name", "Attended"}, {"Phishing", "Ann", "x"}, {"Phishing", "Bob", ""}, {"Phishing", "Cy", "nein"}}
	if got := statuses(crosses); got != "attended absent absent" {
		t.Errorf("crosses: %s", got)
	}
	german := [][]any{{"Schulung", "Teilnehmer", "Teilgenommen"}, {"Phishing", "Ann", "ja"}, {"Phishing", "Bob", "nein"}}
	if got := statuses(german); got != "attended absent" {
		t.Errorf("Teilgenommen: %s", got)
	}
	none := [][]any{{"Training", "Name"}, {"Phishing", "Ann"}, {"Phishing", "Bob"}}
	if got := statuses(none); got != "attended attended" {
		t.Errorf("no attended column: %s", got)
	}
}
