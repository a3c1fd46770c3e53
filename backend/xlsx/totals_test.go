package xlsx

import "testing"

// TestTotalsRowIsNoRecord: a row that sums up the table ("Total risks") is skipped like a
// heading, with a note; a title that starts with the word is a record.
func TestTotalsRowIsNoRecord(t *testing.T) {
	g, h := gridOf(t, [][]any{
		{"Risk ID", "Risk Description", "Likelihood", "Impact"},
		{"R-1", "Ransomware encrypts the file server", 3, 4},
		{"R-2", "Total cost of the backup service grows", 2, 2},
		{"Total risks:", "", 5, 6},
	})
	m, _ := ProposeMappingFor(KindRisks, h, g)
	res, err := Rows(KindRisks, h, g, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || res[0].Section || res[1].Section || !res[2].Section || res[2].Heading != "a totals row (Total risks:)" {
		t.Fatalf("rows %+v", res)
	}
	for _, v := range []string{"Total", "Grand total", "Summe", "Totaux", "TOTAL:"} {
		if totalsLabel(Row{Cells: []string{v, "12"}}, 0) == "" {
			t.Errorf("%q is not read as a totals row", v)
		}
	}
	for _, v := range []string{"Total quality management", "Totally new", "R-1"} {
		if totalsLabel(Row{Cells: []string{v}}, 0) != "" {
			t.Errorf("%q is read as a totals row", v)
		}
	}
}

// TestTitleIsNotALevel: a column of level words or scores is never proposed as the title.
func TestTitleIsNotALevel(t *testing.T) {
	title, _ := field(KindRisks, "title")
	if ValuesFit(title, []string{"High", "Medium", "High", "Low"}) || ValuesFit(title, []string{"12", "6", "9"}) {
		t.Error("levels or scores fit the title")
	}
	if !ValuesFit(title, []string{"Ransomware", "Laptop theft", "Phishing"}) {
		t.Error("titles do not fit the title")
	}
}
