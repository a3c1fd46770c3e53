package xlsx

import (
	"bytes"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	u := utf16.Encode([]rune(s))
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, c := range u {
		if bigEndian {
			out = append(out, byte(c>>8), byte(c))
		} else {
			out = append(out, byte(c), byte(c>>8))
		}
	}
	return out
}

func TestCSVDialects(t *testing.T) {
	const semi = "Référence;Contenu;Propriétaire\n\"1.1\";\"Ligne 1\nLigne 2\t• puce\";\"Anne\"\n\"1.2\";\"Texte; avec point-virgule\";\"Luc\"\n"
	tests := []struct {
		name, enc, delim string
		data             []byte
	}{
		{"utf8.csv", "utf-8", ";", []byte(semi)},
		{"bom.csv", "utf-8-bom", ";", append([]byte{0xEF, 0xBB, 0xBF}, semi...)},
		{"le.csv", "utf-16le", ";", utf16Bytes(semi, false)},
		{"be.csv", "utf-16be", ";", utf16Bytes(semi, true)},
		{"comma.csv", "utf-8", ",", []byte("Référence,Contenu,Propriétaire\n1.1,\"Ligne 1\nLigne 2\t• puce\",Anne\n1.2,\"Texte; avec point-virgule\",Luc\r\n")},
		{"tab.csv", "utf-8", "\t", []byte("Référence\tContenu\tPropriétaire\n1.1\t\"Ligne 1\nLigne 2\t• puce\"\tAnne\n1.2\tTexte; avec point-virgule\tLuc\n")},
		{"cp1252.csv", "windows-1252", ";", []byte("R\xe9f\xe9rence;Contenu;Propri\xe9taire\n1.1;\"Ligne 1\nLigne 2\t\x95 puce\";Anne\n1.2;\"Texte; avec point-virgule\";Luc\n")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wb := openBytes(t, tc.name, tc.data)
			if wb.Dialect.Encoding != tc.enc || wb.Dialect.Delimiter != tc.delim {
				t.Errorf("dialect %+v, want %s %q", wb.Dialect, tc.enc, tc.delim)
			}
			g := readGrid(t, wb, "")
			if len(g.Rows) != 3 || g.Rows[0].Cell(0) != "Référence" {
				t.Fatalf("rows %+v", g.Rows)
			}
			if got := g.Rows[1].Cell(1); got != "Ligne 1\nLigne 2\t• puce" {
				t.Errorf("multi-line cell %q", got)
			}
			if got := g.Rows[2].Cell(1); got != "Texte; avec point-virgule" {
				t.Errorf("cell %q", got)
			}
			if g.Rows[2].Num != 3 {
				t.Errorf("row number %d, want 3 (records, not lines)", g.Rows[2].Num)
			}
			h, err := DetectHeader(g)
			if err != nil || h.Row != 1 {
				t.Fatalf("header %+v %v", h, err)
			}
			m, _ := ProposeMapping(KindRequirements, h)
			if m.Columns["ref"] != "A" || m.Columns["text"] != "B" || m.Columns["owner"] != "C" {
				t.Errorf("mapping %v", m.Columns)
			}
		})
	}
}

func TestTwoRowHeaderAndFillDown(t *testing.T) {
	// two-row header in a CSV without merges: the band names the assessment columns
	data := []byte("Risk register FY24\n\n" +
		"Risk;;Inherent risk;;Treatment\n" +
		"ID;Title;Likelihood;Impact;\n" +
		"R-1;Laptop theft;High;3;Mitigate\n" +
		"R-2;Phishing;4;Major;Accept\n" +
		"R-3;Flood;;;\n")
	wb := openBytes(t, "risks.csv", data)
	g := readGrid(t, wb, "")
	h, err := DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	if h.Row != 3 || h.Rows != 2 {
		t.Fatalf("header r%d over %d, want r3 over 2: %q", h.Row, h.Rows, h.Names())
	}
	want := []string{"Risk ID", "Risk Title", "Inherent risk Likelihood", "Inherent risk Impact", "Treatment"}
	for i, n := range want {
		if h.Columns[i].Name != n {
			t.Errorf("column %d %q, want %q", i, h.Columns[i].Name, n)
		}
	}
	m, _ := ProposeMapping(KindRisks, h)
	for f, l := range map[string]string{"ref": "A", "title": "B", "likelihood": "C", "impact": "D", "treatment": "E"} {
		if m.Columns[f] != l {
			t.Errorf("%s -> %q, want %q (%v)", f, m.Columns[f], l, m.Columns)
		}
	}
	res, _ := Rows(KindRisks, h, g, m)
	if len(res) != 3 {
		t.Fatalf("%d rows", len(res))
	}
	r1 := res[0].Record.(*RiskRow).Risk
	if r1.Likelihood != 4 || r1.Impact != 3 || r1.Treatment != "mitigate" || len(res[0].Problems) != 0 {
		t.Errorf("row 5: %+v %v", r1, res[0].Problems)
	}
	if len(res[2].Problems) == 0 || res[2].Problems[0].Column == "" {
		t.Errorf("row 7 should report missing likelihood/impact by column: %v", res[2].Problems)
	}

	// merged band in a workbook and sparse hierarchy filled down
	b := buildXLSX(t, map[string][]cell{"Reqs": {
		{ref: "A1", v: "Requirements"},
		{ref: "A2", v: "Source"}, {ref: "C2", v: "Requirement"}, {ref: "E2", v: "Status"},
		{ref: "A3", v: "Law"}, {ref: "B3", v: "Article"}, {ref: "C3", v: "Ref"}, {ref: "D3", v: "Text"},
		{ref: "A4", v: "GDPR"}, {ref: "B4", v: "Art. 32"}, {ref: "C4", v: "R-1"}, {ref: "D4", v: "Security of processing"}, {ref: "E4", v: "Compliant"},
		{ref: "C5", v: "R-2"}, {ref: "D5", v: "Breach notification"}, {ref: "E5", v: "Partial"},
	}}, map[string][][2]string{"Reqs": {{"A2", "B2"}, {"C2", "D2"}, {"E2", "E3"}}}, nil)
	wb2 := openBytes(t, "reqs.xlsx", b)
	g2 := readGrid(t, wb2, "Reqs")
	h2, err := DetectHeader(g2)
	if err != nil || h2.Row != 2 || h2.Rows != 2 {
		t.Fatalf("header %+v %v", h2, err)
	}
	if got := h2.Names(); got[0] != "Source Law" || got[2] != "Requirement Ref" || got[4] != "Status" {
		t.Errorf("names %q", got)
	}
	m2, _ := ProposeMapping(KindRequirements, h2)
	m2.Columns["source"] = "A"
	m2.FillDown = []string{"A", "B"}
	res2, _ := Rows(KindRequirements, h2, g2, m2)
	if len(res2) != 2 || res2[1].Values.Get("source") != "GDPR" {
		t.Fatalf("fill-down: %+v", res2)
	}
	if r := res2[1].Record.(*RequirementRow).Requirement; r.Status != "partial" || r.Ref != "R-2" || r.SourceType != "legal" { // GDPR, without a type column, is a law
		t.Errorf("requirement %+v", r)
	}
}

func TestLayoutKeyAndHidden(t *testing.T) {
	b := buildXLSX(t, map[string][]cell{"A": {{ref: "A1", v: "Name"}, {ref: "B1", v: "E-mail"}, {ref: "A2", v: "Ann"}, {ref: "B2", v: "ann@example.com"}}, "Z Old": {{ref: "A1", v: "x"}}}, nil, map[string]bool{"Z Old": true})
	wb := openBytes(t, "p.xlsx", b)
	if s, _ := wb.Sheet("Z Old"); !s.Hidden {
		t.Error("sheet Old should be hidden")
	}
	g := readGrid(t, wb, "A")
	h, _ := DetectHeader(g)
	h2 := h
	h2.Columns = append([]Column(nil), h.Columns...)
	h2.Columns[1].Name = "e mail"
	if LayoutKey(h) != LayoutKey(h2) {
		t.Error("layout key should ignore case and punctuation")
	}
	h2.Columns[1].Name = "Phone"
	if LayoutKey(h) == LayoutKey(h2) {
		t.Error("layout key should change with the names")
	}
	res, _ := Rows(KindPeople, h, g, mustMap(t, KindPeople, h))
	if p := res[0].Record.(*PersonRow).Person; p.Email != "ann@example.com" || !p.Active {
		t.Errorf("person %+v", p)
	}
	_ = bytes.MinRead
}

func mustMap(t *testing.T, kind string, h Header) Mapping {
	m, err := ProposeMapping(kind, h)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSubtitleIsNotAHeaderBand: a title and a one-cell subtitle above the header are
// titles, not the upper row of a two-row header.
func TestSubtitleIsNotAHeaderBand(t *testing.T) {
	for _, sub := range []string{"Owner: ISMS Manager", "Version 3 - reviewed 2024-01-01,,,"} {
		data := []byte("Acme Ltd requirements register\n" + sub + "\n" +
			"Ref,Requirement title,Description,Owner\n" +
			"R-1,Security of processing,Appropriate measures,Alice\n" +
			"R-2,Breach notification,Notify in 72 hours,Bob\n")
		g := readGrid(t, openBytes(t, "reqs.csv", data), "")
		h, err := DetectHeader(g)
		if err != nil || h.Row != 3 || h.Rows != 1 || h.Columns[0].Name != "Ref" {
			t.Errorf("subtitle %q: header %+v %v, want row 3 alone", sub, h, err)
		}
	}
}

// TestRequirementAndDescriptionColumns: a "Requirement" column names the requirement and a
// "Description" column explains it; without a title column, the text's first line is it.
func TestRequirementAndDescriptionColumns(t *testing.T) {
	g := readGrid(t, openBytes(t, "legal.csv", []byte("No.,Requirement,Description,Compliance status\n1,Data protection,Process personal data lawfully,Not started\n")), "")
	h, _ := DetectHeader(g)
	m, _ := ProposeMapping(KindRequirements, h)
	if m.Columns["title"] != "B" || m.Columns["text"] != "C" || len(m.Check(h)) != 0 {
		t.Fatalf("mapping %v, problems %v", m.Columns, m.Check(h))
	}
	g = readGrid(t, openBytes(t, "plain.csv", []byte("Ref,Requirement text\nR-1,\"Encrypt laptops.\nUse BitLocker.\"\n")), "")
	h, _ = DetectHeader(g)
	m, _ = ProposeMapping(KindRequirements, h)
	if problems := m.Check(h); len(problems) != 0 {
		t.Fatalf("a register without titles: %v", problems)
	}
	res, _ := Rows(KindRequirements, h, g, m)
	if r := res[0].Record.(*RequirementRow).Requirement; r.Title != "Encrypt laptops." || r.Text != "Encrypt laptops.\nUse BitLocker." {
		t.Fatalf("requirement %+v", r)
	}
}

// TestDateOrderFollowsTheColumn: one unambiguous day-first date makes the whole column
// day-first, so 05/02/2024 under 31/01/2024 is 5 February; and likewise month-first.
func TestDateOrderFollowsTheColumn(t *testing.T) {
	for _, c := range []struct {
		csv, want string
	}{
		{"Ref,Title,Due date\nR-1,One,31/01/2024\nR-2,Two,05/02/2024\n", "2024-02-05"},
		{"Ref,Title,Due date\nR-1,One,01/31/2024\nR-2,Two,05/02/2024\n", "2024-05-02"},
	} {
		g := readGrid(t, openBytes(t, "dates.csv", []byte(c.csv)), "")
		h, _ := DetectHeader(g)
		m, _ := ProposeMapping(KindRequirements, h)
		res, _ := Rows(KindRequirements, h, g, m)
		if got := res[1].Record.(*RequirementRow).Requirement.DueDate; string(got) != c.want || len(res[0].Problems)+len(res[1].Problems) > 0 {
			t.Errorf("%q: second date %s, want %s (problems %v %v)", c.csv, got, c.want, res[0].Problems, res[1].Problems)
		}
	}
}
