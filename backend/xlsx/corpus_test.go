package xlsx

import (
	"path/filepath"
	"testing"
)

// The expectations come from the corpus README, not from running the code.
func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	tests := []struct {
		file, sheet string
		kind        string
		headerRow   int
		headerRows  int
		firstName   string
		rows        int
		mapped      map[string]string // field -> expected column letter
	}{
		{"nist-sp800-53r5-control-catalog.xlsx", "SP 800-53 Revision 5", KindRequirements, 1, 1, "Control Identifier", 1189, map[string]string{"ref": "A", "text": "C"}},
		{"nist-csf-2-0-reference-tool-export.xlsx", "CSF 2.0", KindRequirements, 2, 1, "Function", 231, nil},
		{"nist-sp800-53a-r5-assessment-procedures-cprt.xlsx", "NIST SP 800-53A", KindRequirements, 1, 1, "family", 5597, map[string]string{"ref": "B"}},
		{"nist-csf-and-privacy-framework-to-sp800-53r5-mapping.xlsx", "CSF to SP 800-53r5", KindRequirements, 2, 1, "Function", 108, nil},
		{"nist-csf-and-privacy-framework-to-sp800-53r5-mapping.xlsx", "PF to SP 800-53r5", KindRequirements, 2, 2, "NIST Privacy Framework Core Function", 100, nil},
		{"mitre-attack-enterprise-v14-1.xlsx", "relationships", KindRisks, 1, 1, "source ID", 16638, nil},
		{"mitre-attack-enterprise-v14-1.xlsx", "techniques", KindRisks, 1, 1, "ID", 625, map[string]string{"ref": "A", "title": "C", "description": "D"}},
		{"anssi-recyf-nis2-vs-iso27001.csv", "", KindRequirements, 1, 1, "Référence", 152, map[string]string{"ref": "A", "text": "B"}},
		{"anssi-nis2-liste-des-exigences.csv", "", KindRequirements, 1, 1, "Référence", 152, map[string]string{"ref": "A", "text": "B"}},
		{"gdpr-requirements-ciso-assistant-library.xlsx", "GDPR_content", KindRequirements, 1, 1, "assessable", 1090, map[string]string{"ref": "C", "title": "E", "text": "F"}},
		{"iso27001-2013-to-2022-mapping-ciso-assistant-library.xlsx", "mappings_content", KindRequirements, 1, 1, "source_node_id", 134, nil},
	}
	for _, tc := range tests {
		t.Run(tc.file+"/"+tc.sheet, func(t *testing.T) {
			wb, err := OpenFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			defer wb.Close()
			g := readGrid(t, wb, tc.sheet)
			h, err := DetectHeader(g)
			if err != nil {
				t.Fatal(err)
			}
			if h.Row != tc.headerRow || h.Rows != tc.headerRows {
				t.Fatalf("header at r%d over %d rows, want r%d over %d (%q)", h.Row, h.Rows, tc.headerRow, tc.headerRows, h.Names())
			}
			if h.Columns[0].Name != tc.firstName {
				t.Errorf("first column %q, want %q", h.Columns[0].Name, tc.firstName)
			}
			if n := len(h.DataRows(g)); n != tc.rows {
				t.Errorf("%d data rows, want %d", n, tc.rows)
			}
			m, err := ProposeMapping(tc.kind, h)
			if err != nil {
				t.Fatal(err)
			}
			for f, l := range tc.mapped {
				if m.Columns[f] != l {
					t.Errorf("field %s mapped to %q, want %q (mapping %v)", f, m.Columns[f], l, m.Columns)
				}
			}
			if _, err := Rows(tc.kind, h, g, m); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCorpusQuirks(t *testing.T) {
	dir := corpusDir(t)
	wb, err := OpenFile(filepath.Join(dir, "nist-csf-2-0-reference-tool-export.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	intro := readGrid(t, wb, "Introduction")
	found := false
	for _, r := range intro.Rows {
		if r.Cell(0) == "Generated Date" {
			found = true
			if v := r.Cell(1); len(v) != 10 || v[4] != '-' {
				t.Errorf("Generated Date is %q, want a YYYY-MM-DD date", v)
			}
		}
	}
	if !found {
		t.Error("no Generated Date row in Introduction")
	}

	wb2, err := OpenFile(filepath.Join(dir, "mitre-attack-enterprise-v14-1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb2.Close()
	if len(wb2.Sheets) != 10 {
		t.Errorf("%d sheets, want 10", len(wb2.Sheets))
	}
	g := readGrid(t, wb2, "techniques")
	if v := g.Rows[1].Cell(13); v != "FALSE" && v != "TRUE" {
		t.Errorf("is sub-technique is %q, want TRUE or FALSE", v)
	}
	if d, err := ParseDate(g.Rows[1].Cell(5), Locale{}); err != nil || d != "2020-01-30" {
		t.Errorf("created %q parsed as %q, %v", g.Rows[1].Cell(5), d, err)
	}

	wb3, err := OpenFile(filepath.Join(dir, "nist-csf-and-privacy-framework-to-sp800-53r5-mapping.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb3.Close()
	pf := readGrid(t, wb3, "PF to SP 800-53r5")
	if last := pf.Rows[len(pf.Rows)-1].Num; last != 103 {
		t.Errorf("PF sheet ends at r%d, want r103 despite the A1:GW16732 dimension", last)
	}
	readme := readGrid(t, wb3, "README")
	if _, err := DetectHeader(readme); err == nil {
		t.Error("README sheet (text box only) gave a header; want an error")
	}
}
