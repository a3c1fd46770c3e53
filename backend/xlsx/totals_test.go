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

// TestRowCounterIsNotTheReference: a "No." column that counts the rows gives way to a
// reference column; alone, it is still proposed (as a guess).
func TestRowCounterIsNotTheReference(t *testing.T) {
	g, h := gridOf(t, [][]any{
		{"No.", "Asset ID", "Asset Name"},
		{1, "AST-001", "File server"}, {2, "AST-002", "Laptop"}, {3, "AST-007", "CRM"},
	})
	if m, _ := ProposeMappingFor(KindAssets, h, g); m.Columns["ref"] != "B" {
		t.Errorf("ref from %s, want B (Asset ID)", m.Columns["ref"])
	}
	g, h = gridOf(t, [][]any{{"No.", "Asset Name"}, {1, "File server"}, {2, "Laptop"}, {3, "CRM"}})
	if m, _ := ProposeMappingFor(KindAssets, h, g); m.Columns["ref"] != "A" || m.Confidence["ref"] != ConfidenceGuess {
		t.Errorf("alone: ref from %s (%s), want A as a guess", m.Columns["ref"], m.Confidence["ref"])
	}
}

// TestTitleSimilarityIgnoresStopWords: "Leadership and commitment" shares no word that
// counts with A.5.10's title, so 5.1 is A.5.1.
func TestTitleSimilarityIgnoresStopWords(t *testing.T) {
	if c, ok := ResolveControl("5.1", "Leadership and commitment"); !ok || c.Ref != "A.5.1" {
		t.Errorf("5.1 Leadership and commitment resolves to %s", c.Ref)
	}
}

// TestSourceTypeOfASource: without a type column, a law is legal, a contract contractual,
// anything else business.
func TestSourceTypeOfASource(t *testing.T) {
	for source, want := range map[string]string{"GDPR": "legal", "NIS2 Directive": "legal", "BSIG": "legal", "UK Data Protection Act 2018": "legal",
		"PCI DSS v4.0": "contractual", "Customer contract (Acme)": "contractual", "ISO/IEC 27001:2022": "business", "": "business", "Lawrence's memo": "business"} {
		if got := sourceTypeOf(source); got != want {
			t.Errorf("sourceTypeOf(%q) = %s, want %s", source, got, want)
		}
	}
}

// TestPeriodsAsWritten: "6 monthly", "every 2 years", "12-month" are periods in months.
func TestPeriodsAsWritten(t *testing.T) {
	for in, want := range map[string]int{"6 monthly": 6, "every 2 years": 24, "12-month": 12, "24 months": 24, "Annual": 12} {
		if got, err := ParseMonths(in); err != nil || got != want {
			t.Errorf("ParseMonths(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

// TestResidualColumnsAsWritten: "Residual L" and "Residual I" are the residual scores.
func TestResidualColumnsAsWritten(t *testing.T) {
	g, h := gridOf(t, [][]any{{"Risk ID", "Title", "L", "I", "Residual L", "Residual I"}, {"R-1", "Phishing", 4, 4, 2, 3}})
	m, _ := ProposeMappingFor(KindRisks, h, g)
	if m.Columns["likelihood"] != "C" || m.Columns["impact"] != "D" || m.Columns["residualLikelihood"] != "E" || m.Columns["residualImpact"] != "F" {
		t.Errorf("mapping %v", m.Columns)
	}
}

// TestMergedBandReachesItsMergeOnly: a group label merged over E:G names E, F and G only,
// not the columns after it (H "Existing controls" stays itself).
func TestMergedBandReachesItsMergeOnly(t *testing.T) {
	g := &Grid{Sheet: "Risks", Width: 8, Rows: []Row{
		{Num: 1, Cells: []string{"", "", "", "", "Inherent risk"}},
		{Num: 2, Cells: []string{"Risk ID", "Risk title", "Category", "Owner", "Likelihood", "Impact", "Rating", "Existing controls"}},
		{Num: 3, Cells: []string{"R-1", "Phishing", "People", "Ann Lee", "3", "4", "12", "A.6.3"}},
		{Num: 4, Cells: []string{"R-2", "Ransomware", "IT", "Raj Patel", "2", "5", "10", "A.8.13"}},
	}, Merges: []Merge{{FirstRow: 1, LastRow: 1, FirstCol: 4, LastCol: 6}}}
	h := buildHeader(g, 0, 2)
	names := h.Names()
	if names[4] != "Inherent risk Likelihood" || names[7] != "Existing controls" {
		t.Errorf("names %q", names)
	}
}

// TestHeaderAboveRowsOfWords: a header that repeats its names (inherent and residual
// Likelihood, Impact, Rating) over rows of short words is still found; so is a tracker's
// header whose month columns are dates.
func TestHeaderAboveRowsOfWords(t *testing.T) {
	words := &Grid{Sheet: "Risks", Width: 9, Rows: []Row{
		{Num: 1, Cells: []string{"Risk register FY2024/25"}},
		{Num: 3, Cells: []string{"Risk ID", "Risk title", "Risk owner", "Likelihood", "Impact", "Rating", "Likelihood", "Impact", "Rating"}},
		{Num: 4, Cells: []string{"RSK-001", "Ransomware", "Tom Baker", "Likely", "Catastrophic", "Extreme", "Unlikely", "Major", "Medium"}},
		{Num: 5, Cells: []string{"RSK-002", "Email compromise", "Tom Baker", "Almost certain", "Major", "Extreme", "Possible", "Moderate", "Medium"}},
		{Num: 6, Cells: []string{"RSK-003", "Supplier loss", "Ann Lee", "Possible", "Moderate", "Medium", "Possible", "Minor", "Low"}},
	}}
	if h, err := DetectHeader(words); err != nil || h.Row != 3 {
		t.Errorf("risk register: header row %d (%v), want 3", h.Row, err)
	}
	months := &Grid{Sheet: "KPIs", Width: 7, Rows: []Row{
		{Num: 1, Cells: []string{"KPI tracker 2024"}},
		{Num: 3, Cells: []string{"KPI ref", "KPI", "Target", "2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"}},
		{Num: 4, Cells: []string{"K-01", "Awareness training", "95%", "61%", "70%", "78%", "85%"}},
		{Num: 5, Cells: []string{"K-02", "Phishing click rate", "5%", "12%", "10%", "9%", "7%"}},
		{Num: 6, Cells: []string{"K-03", "Incidents reported", "0", "2", "0", "1", "3"}},
	}}
	if h, err := DetectHeader(months); err != nil || h.Row != 3 {
		t.Errorf("tracker: header row %d (%v), want 3", h.Row, err)
	}
}
