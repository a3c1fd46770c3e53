package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
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

// TestCorpusImports imports the public registers of the corpus as the kind that fits
// each, with the numbers read off the files (see the corpus README).
func TestCorpusImports(t *testing.T) {
	cases := []struct {
		file, kind, sheet string
		headerRow, rows   int
		mapping           map[string]string
		skipInvalid       bool
		minCreated        int
	}{
		// ANSSI NIS2 requirement lists: ';' CSV, 152 records, "Référence" ids.
		{file: "anssi-nis2-liste-des-exigences.csv", kind: xlsx.KindRequirements, headerRow: 1, rows: 152, minCreated: 152},
		{file: "anssi-recyf-nis2-vs-iso27001.csv", kind: xlsx.KindRequirements, headerRow: 1, rows: 152, minCreated: 152},
		// NIST SP 800-53r5: 1,189 controls, every one with an identifier and a name.
		{file: "nist-sp800-53r5-control-catalog.xlsx", kind: xlsx.KindRequirements, headerRow: 1, rows: 1189, minCreated: 1189},
		// GDPR: 1,090 rows; section rows (no ref_id) are skipped or listed.
		{file: "gdpr-requirements-ciso-assistant-library.xlsx", kind: xlsx.KindRequirements, sheet: "GDPR_content", headerRow: 1, rows: 1090, skipInvalid: true, minCreated: 900},
		// ISO 27001 2013 -> 2022 mapping, sheet "source": 200 nodes of 2013, ref_id on all but
		// the section rows.
		{file: "iso27001-2013-to-2022-mapping-ciso-assistant-library.xlsx", kind: xlsx.KindRequirements, sheet: "source", headerRow: 1, rows: 200, skipInvalid: true, minCreated: 180},
		// SP 800-53A: 5,597 assessment rows keyed by identifier, sparse names filled down.
		{file: "nist-sp800-53a-r5-assessment-procedures-cprt.xlsx", kind: xlsx.KindRequirements, headerRow: 1, rows: 5597,
			mapping: map[string]string{"ref": "identifier", "title": "assessment-objective"}, skipInvalid: true, minCreated: 5000},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			db := openDB(t, "")
			p, err := Prepare(context.Background(), db, Request{Kind: c.kind, File: corpusFile(t, c.file), Sheet: c.sheet, Map: c.mapping, SkipInvalid: c.skipInvalid})
			if err != nil {
				t.Fatal(err)
			}
			if p.Header.Row != c.headerRow {
				t.Errorf("header row %d, want %d", p.Header.Row, c.headerRow)
			}
			if len(p.MappingProblems) > 0 {
				t.Fatalf("mapping %v: %+v", p.Mapping.Columns, p.MappingProblems)
			}
			if got := p.Counts.Rows + p.Counts.Sections; got != c.rows {
				t.Errorf("%d rows (%d sections), want %d", got, p.Counts.Sections, c.rows)
			}
			res, err := Commit(context.Background(), db, p, now, nil)
			if err != nil {
				t.Fatalf("commit: %v; first problems %v", err, first(p.Errors, 3))
			}
			if res.Log.Counts.Created < c.minCreated {
				t.Errorf("created %d, want at least %d; first problems %v", res.Log.Counts.Created, c.minCreated, first(p.Errors, 3))
			}
			if n := count(t, db, isms.KindRequirement); n != res.Log.Counts.Created {
				t.Errorf("%d requirements stored, %d created", n, res.Log.Counts.Created)
			}
			again, err := Prepare(context.Background(), db, Request{Kind: c.kind, File: corpusFile(t, c.file), Sheet: c.sheet, Map: c.mapping, SkipInvalid: c.skipInvalid})
			if err != nil {
				t.Fatal(err)
			}
			if again.Counts.Created != 0 || again.Counts.Updated != 0 || again.Counts.Unchanged != res.Log.Counts.Created {
				t.Errorf("re-import plan %+v, want all %d unchanged", again.Counts, res.Log.Counts.Created)
			}
		})
	}
}

// TestCorpusSheetsWithoutARegister: sheets that hold no register get a clear message.
func TestCorpusSheetsWithoutARegister(t *testing.T) {
	db := openDB(t, "")
	// Framework crosswalks (Function / Category / Subcategory) have no reference and title
	// columns: the plan names the fields that need a column, and nothing is imported.
	for _, c := range []struct{ file, sheet string }{
		{"nist-csf-2-0-reference-tool-export.xlsx", "CSF 2.0"},
		{"nist-csf-and-privacy-framework-to-sp800-53r5-mapping.xlsx", "CSF to SP 800-53r5"},
	} {
		p, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: corpusFile(t, c.file), Sheet: c.sheet})
		if err != nil {
			t.Fatal(err)
		}
		if p.Header.Row != 2 || len(p.MappingProblems) == 0 {
			t.Errorf("%s: header row %d, mapping problems %v", c.file, p.Header.Row, p.MappingProblems)
		}
		if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
			t.Errorf("%s: commit %v, want a clear invalid error", c.file, err)
		}
	}
	if n := count(t, db, isms.KindRequirement); n != 0 {
		t.Fatalf("%d requirements written", n)
	}
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
}

func first(ps []xlsx.Problem, n int) []xlsx.Problem {
	if len(ps) > n {
		return ps[:n]
	}
	return ps
}
