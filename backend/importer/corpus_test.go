package importer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
	"github.com/ismsdesk/ismsdesk/backend/xlsx/xlsxtest"
)

// corpusFile returns a file of the shared corpus beside the repository, or skips.
func corpusFile(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(xlsxtest.CorpusDir(t), name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("corpus file not found at %s", p)
	}
	return p
}

// stored says what one stored requirement must hold after a corpus import: its reference
// and the start of its title and text, read off the file with excelize (not off the code).
type stored struct{ ref, title, text string }

// TestCorpusImports imports every file of the corpus with no options, as the kind that
// fits it: the sheet, the header, the layout (ids at the start of the text, sparse and
// repeated rows) are all found. The numbers and values were read off the files (see the
// corpus README and an excelize dump of each sheet). A second import changes nothing.
func TestCorpusImports(t *testing.T) {
	cases := []struct {
		file, kind, sheet string
		headerRow         int
		records, sections int // planned records and rows skipped as sections
		merged            int // rows joined into the record above
		values            []stored
	}{
		// ANSSI NIS2 requirement lists: ';' CSV, 152 records, "Référence" ids, "Objectif" titles.
		{file: "anssi-nis2-liste-des-exigences.csv", kind: xlsx.KindRequirements, sheet: "anssi-nis2-liste-des-exigences", headerRow: 1, records: 152,
			values: []stored{{"1.1-EI/EE", "Objectif de sécurité 1: Recensement des systèmes d'information", "L’entité liste l’ensemble de ses activités et services"},
				{"20.6-EE", "Objectif de sécurité 20: Supervision de la sécurité des systèmes d'information", "Les données de supervision et les événements de sécurité"}}},
		{file: "anssi-recyf-nis2-vs-iso27001.csv", kind: xlsx.KindRequirements, sheet: "anssi-recyf-nis2-vs-iso27001", headerRow: 1, records: 152,
			values: []stored{{"1.1-EI/EE", "Objectif de sécurité 1", "L’entité liste"}, {"20.6-EE", "Objectif de sécurité 20", "Les données de supervision"}}},
		// NIST SP 800-53r5: 1,189 controls, every one with an identifier and a name.
		{file: "nist-sp800-53r5-control-catalog.xlsx", kind: xlsx.KindRequirements, sheet: "SP 800-53 Revision 5", headerRow: 1, records: 1189,
			values: []stored{{"AC-1", "Policy and Procedures", "a. Develop, document, and disseminate"},
				{"SR-11(3)", "Component Authenticity | Anti-counterfeit Scanning", "Scan for counterfeit system components"}}},
		// GDPR library: 1,090 rows; 1,041 have a ref_id, one of them the "Preambule" heading;
		// 9 rows without one are assessable ("x") paragraphs that continue the article point
		// above (8.1 goes on in r272), the other 40 are headings and structure nodes.
		{file: "gdpr-requirements-ciso-assistant-library.xlsx", kind: xlsx.KindRequirements, sheet: "GDPR_content", headerRow: 1, records: 1040, sections: 41, merged: 9,
			values: []stored{{"Recital 1", "The protection of natural persons", "The protection of natural persons in relation to the processing of personal data is a fundamental right."},
				{"8.1", "Where point (a) of Article 6(1) applies", "Where point (a) of Article 6(1) applies"}}},
		// CSF 2.0: the "Introduction" sheet is not the register; under the banner r1 and the
		// header r2, 185 subcategories "GV.OC-01: …" in column C, 46 function and category rows.
		{file: "nist-csf-2-0-reference-tool-export.xlsx", kind: xlsx.KindRequirements, sheet: "CSF 2.0", headerRow: 2, records: 185, sections: 46,
			values: []stored{{"GV.OC-01", "The organizational mission is understood and informs cybersecurity risk management", ""},
				{"RC.CO-01", "[Withdrawn: Incorporated into RC.CO-04]", ""}}},
		// CSF -> SP 800-53: title r1, header r2, 108 subcategories "ID.AM-1: …" in column C
		// under Function and Category cells merged over them.
		{file: "nist-csf-and-privacy-framework-to-sp800-53r5-mapping.xlsx", kind: xlsx.KindRequirements, sheet: "CSF to SP 800-53r5", headerRow: 2, records: 108,
			values: []stored{{"ID.AM-1", "Physical devices and systems within the organization are inventoried", ""},
				{"RC.CO-3", "Recovery activities are communicated to internal and external stakeholders", ""}}},
		// SP 800-53A: 5,597 rows keyed by identifier; control-name only on each control's
		// first row (filled down); SC-42(01)_ODP (r4867, r4870) and SI-10_ODP (r5281, r5285)
		// appear twice with the same text.
		{file: "nist-sp800-53a-r5-assessment-procedures-cprt.xlsx", kind: xlsx.KindRequirements, sheet: "NIST SP 800-53A", headerRow: 1, records: 5595, merged: 2,
			values: []stored{{"AC-01", "POLICY AND PROCEDURES", "Determine if:"},
				{"AC-01_ODP[01]", "POLICY AND PROCEDURES", "personnel or roles to whom the access control policy is to be disseminated"},
				{"SR-12", "COMPONENT DISPOSAL", "Determine if:"}}},
		// MITRE ATT&CK: of 10 sheets, "techniques" (625 rows) is the catalogue, not the
		// 16,638-row "relationships" link table.
		{file: "mitre-attack-enterprise-v14-1.xlsx", kind: xlsx.KindRequirements, sheet: "techniques", headerRow: 1, records: 625,
			values: []stored{{"T1548", "Abuse Elevation Control Mechanism", "Adversaries may circumvent mechanisms designed to control elevate privileges"},
				{"T1220", "XSL Script Processing", "Adversaries may bypass application control"}}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			db := openDB(t, "")
			req := Request{Kind: c.kind, File: corpusFile(t, c.file)}
			p, err := Prepare(context.Background(), db, req)
			if err != nil {
				t.Fatal(err)
			}
			if p.Sheet != c.sheet || p.Header.Row != c.headerRow {
				t.Errorf("sheet %q header row %d, want %q and %d", p.Sheet, p.Header.Row, c.sheet, c.headerRow)
			}
			if len(p.MappingProblems) > 0 {
				t.Fatalf("mapping %v: %+v", p.Mapping.Columns, p.MappingProblems)
			}
			if p.Counts.Rows != c.records || p.Counts.Sections != c.sections || p.MergedRows != c.merged || p.Counts.Invalid != 0 {
				t.Errorf("counts %+v, %d rows merged; want %d records, %d sections, %d merged; first problems %v", p.Counts, p.MergedRows, c.records, c.sections, c.merged, first(p.Errors, 3))
			}
			res, err := Commit(context.Background(), db, p, now, nil)
			if err != nil {
				t.Fatalf("commit: %v; first problems %v", err, first(p.Errors, 3))
			}
			if res.Log.Counts.Created != c.records {
				t.Errorf("created %d, want %d", res.Log.Counts.Created, c.records)
			}
			if n := count(t, db, isms.KindRequirement); n != c.records {
				t.Errorf("%d requirements stored, want %d", n, c.records)
			}
			for _, v := range c.values {
				r := requirementByRef(t, db, v.ref)
				if r == nil {
					t.Errorf("no requirement %s", v.ref)
					continue
				}
				if !strings.HasPrefix(r.Title, v.title) || !strings.HasPrefix(r.Text, v.text) {
					t.Errorf("%s: title %q, text %.80q; want them to start with %q and %q", v.ref, r.Title, r.Text, v.title, v.text)
				}
			}
			again, err := Prepare(context.Background(), db, req)
			if err != nil {
				t.Fatal(err)
			}
			if again.Counts.Created != 0 || again.Counts.Updated != 0 || again.Counts.Unchanged != c.records {
				t.Errorf("re-import plan %+v, want all %d unchanged", again.Counts, c.records)
			}
		})
	}
}

// TestCorpusLayouts: what the layout of the corpus files makes of their rows.
func TestCorpusLayouts(t *testing.T) {
	db := openDB(t, "")
	// GDPR: r272 has no ref_id and continues 8.1 (r271): one requirement with both paragraphs.
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: corpusFile(t, "gdpr-requirements-ciso-assistant-library.xlsx")})
	if p.Mapping.MergeBy != "ref" || !slices.Contains(p.Mapping.FillDown, "C") {
		t.Errorf("GDPR: merge by %q, fill down %v; want ref and C", p.Mapping.MergeBy, p.Mapping.FillDown)
	}
	found := false
	for _, m := range p.Merged {
		if m.Ref == "8.1" && m.Row == 271 && slices.Equal(m.Rows, []int{272}) {
			found = true
		}
	}
	if !found {
		t.Errorf("GDPR: r272 not merged into 8.1 (r271): %+v", p.Merged)
	}
	commit(t, db, p)
	if r := requirementByRef(t, db, "8.1"); r == nil || !strings.Contains(r.Text, "\nMember States may provide by law for a lower age") {
		t.Errorf("8.1 does not hold the paragraph of r272: %+v", r)
	}
	// CSF 2.0: the function and category rows are listed as sections, with their text.
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: corpusFile(t, "nist-csf-2-0-reference-tool-export.xlsx")})
	if p.Mapping.SplitRef != "C" || p.Mapping.Columns["ref"] != "C" || p.Mapping.Columns["title"] != "C" {
		t.Errorf("CSF 2.0: split %q, mapping %v", p.Mapping.SplitRef, p.Mapping.Columns)
	}
	if len(p.Sections) == 0 || p.Sections[0].Row != 3 || !strings.HasPrefix(p.Sections[0].Text, "GOVERN (GV)") {
		t.Errorf("CSF 2.0: first section %+v, want r3 GOVERN (GV)", p.Sections[:min(1, len(p.Sections))])
	}
	// MITRE: six sheets share the layout of "techniques" (ID, name, description) and
	// import together, all or nothing: 625 + 14 + 648 + 141 + 23 + 43 rows.
	db = openDB(t, "")
	mitre := corpusFile(t, "mitre-attack-enterprise-v14-1.xlsx")
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: mitre})
	if want := []string{"tactics", "software", "groups", "campaigns", "mitigations"}; !slices.Equal(p.LayoutSheets, want) {
		t.Fatalf("MITRE: sheets with the layout of techniques %v, want %v", p.LayoutSheets, want)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: mitre, AllSheets: true})
	if p.Counts.Rows != 1494 || p.Counts.Invalid != 0 || len(p.SheetsRead) != 6 {
		t.Fatalf("MITRE, all sheets: %+v from %v; first problems %v", p.Counts, p.SheetsRead, first(p.Errors, 3))
	}
	commit(t, db, p)
	if r := requirementByRef(t, db, "M1016"); r == nil || r.Title != "Vulnerability Scanning" {
		t.Errorf("mitigation M1016 (mitigations r44): %+v", r)
	}
	if n := count(t, db, isms.KindRequirement); n != 1494 {
		t.Errorf("%d requirements stored, want 1494", n)
	}
}

// TestCorpusISO2013Mapping: the ISO 27001 2013 -> 2022 mapping workbook, imported as
// controls with no options, is read from its "source" sheet (200 nodes of 2013) and
// recognised as numbered as ISO/IEC 27001:2013 (114 A.x.y.z rows, read off the file):
// nothing is imported until the user brings it onto 2022. Its 35 clause rows (4 to 10.2)
// are not Annex A controls and stay row problems; the catalogue keeps its titles.
func TestCorpusISO2013Mapping(t *testing.T) {
	db := openDB(t, "")
	file := corpusFile(t, "iso27001-2013-to-2022-mapping-ciso-assistant-library.xlsx")
	p := prepare(t, db, Request{Kind: xlsx.KindControls, File: file})
	if p.Sheet != "source" || p.Header.Row != 1 || p.ISO2013 == nil || p.ISO2013.Rows != 114 || p.ISO2013.Applied {
		t.Fatalf("sheet %q header %d, 2013: %+v", p.Sheet, p.Header.Row, p.ISO2013)
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit without bringing it onto 2022: %v", err)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindControls, File: file, From2013: true, SkipInvalid: true})
	if p.Counts.Invalid != 35 || p.Counts.Created != 0 {
		t.Errorf("from 2013: %+v, want the 35 clause rows invalid and no custom control", p.Counts)
	}
	commit(t, db, p)
	assertAnnexATitles(t, db)
}

// assertAnnexATitles checks that every Annex A control still has its catalogue title.
func assertAnnexATitles(t *testing.T, db *store.DB) {
	t.Helper()
	for _, c := range isms.AnnexA() {
		var ctl *isms.Control
		if err := db.View(func(tx *store.Tx) error {
			r, err := tx.ByRef(isms.KindControl, c.Ref)
			if err == nil {
				ctl = r.(*isms.Control)
			}
			return err
		}); err != nil {
			t.Fatalf("%s: %v", c.Ref, err)
		}
		if ctl.Title != c.Title {
			t.Errorf("%s is titled %q, want the catalogue's %q", c.Ref, ctl.Title, c.Title)
		}
	}
}

// TestCorpusSheetsWithoutARegister: sheets that hold no register get a clear message.
func TestCorpusSheetsWithoutARegister(t *testing.T) {
	db := openDB(t, "")
	_, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements,
		File: corpusFile(t, "nist-csf-and-privacy-framework-to-sp800-53r5-mapping.xlsx"), Sheet: "README"})
	if isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("README sheet (text box only): %v, want a clear invalid error", err)
	}
	p, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRisks,
		File: corpusFile(t, "mitre-attack-enterprise-v14-1.xlsx"), Sheet: "relationships"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.MappingProblems) == 0 {
		t.Fatalf("MITRE relationships mapped as risks: %v", p.Mapping.Columns)
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit: %v", err)
	}
	if n := count(t, db, isms.KindRequirement) + count(t, db, isms.KindRisk); n != 0 {
		t.Fatalf("%d records written", n)
	}
}

// requirementByRef returns the stored requirement with that reference, or nil.
func requirementByRef(t *testing.T, db *store.DB, ref string) *isms.Requirement {
	t.Helper()
	var out *isms.Requirement
	if err := db.View(func(tx *store.Tx) error {
		r, err := tx.ByRef(isms.KindRequirement, ref)
		if isms.ErrorCode(err) == isms.CodeNotFound {
			return nil
		}
		if err != nil {
			return err
		}
		out = r.(*isms.Requirement)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func first(ps []xlsx.Problem, n int) []xlsx.Problem {
	if len(ps) > n {
		return ps[:n]
	}
	return ps
}
