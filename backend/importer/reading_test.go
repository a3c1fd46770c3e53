package importer

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestNothingIsSilent: a header-only file is an empty register; rows that give no record
// with the mapping are a mapping problem naming the header row and the mapping; section
// rows are listed with their text.
func TestNothingIsSilent(t *testing.T) {
	db := openDB(t, "")
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.xlsx")
	writeBook(t, empty, 3, [][]any{{"Ref", "Title", "Owner"}})
	_, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: empty})
	if err == nil || !strings.Contains(err.Error(), "the register is empty") || !strings.Contains(err.Error(), "row 3") {
		t.Fatalf("header only: %v", err)
	}

	// values only in a column the mapping leaves out
	stray := filepath.Join(dir, "stray.xlsx")
	writeBook(t, stray, 3, [][]any{{"Ref", "Title", "Remarks column"}, {"", "", "see the other sheet"}, {"", "", "and this one"}})
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: stray, Unmap: []string{"notes"}})
	if len(p.MappingProblems) != 1 {
		t.Fatalf("mapping problems %+v", p.MappingProblems)
	}
	msg := p.MappingProblems[0].Message
	for _, want := range []string{"2 rows", "row 3", `ref ← A "Ref"`, "no value in the mapped columns"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if _, err := Commit(context.Background(), db, p, now, nil); err == nil {
		t.Fatal("a plan without records committed")
	}

	// section rows are counted and listed
	secs := filepath.Join(dir, "sections.xlsx")
	writeBook(t, secs, 3, [][]any{
		{"Ref", "Title", "Requirement", "Owner"},
		{"", "Chapter II", "Principles"},
		{"ART-5", "Principles", "Lawfulness, fairness", "DPO"},
		{"ART-6", "Lawfulness", "Consent or contract", "DPO"},
		{"", "Organisational measures"},
		{"ART-24", "Responsibility", "Appropriate measures", "DPO"},
		{"ART-25", "By design", "Data protection by design", "DPO"},
		{"ART-32", "Security", "Security of processing", "DPO"},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: secs})
	if p.Counts.Sections != 2 || p.Counts.Rows != 5 || len(p.Sections) != 2 {
		t.Fatalf("counts %+v, sections %+v", p.Counts, p.Sections)
	}
	if s := p.Sections[0]; s.Row != 4 || s.Text != "Chapter II — Principles" {
		t.Errorf("first section %+v", s)
	}
	res := commit(t, db, p)
	if len(res.Sections) != 2 || res.Sections[1].Text != "Organisational measures" {
		t.Errorf("result sections %+v", res.Sections)
	}
}

// TestControlsWithoutRefOrTitle: a Statement of Applicability with neither a reference
// nor a title column is refused before any row is read.
func TestControlsWithoutRefOrTitle(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "soa.xlsx")
	writeBook(t, file, 3, [][]any{{"Applicable", "Justification"}, {"Yes", "Needed"}, {"No", "No suppliers"}})
	p := prepare(t, db, Request{Kind: xlsx.KindControls, File: file})
	if len(p.MappingProblems) != 1 || p.MappingProblems[0].Field != "ref" {
		t.Fatalf("mapping problems %+v", p.MappingProblems)
	}
	if _, err := Commit(context.Background(), db, p, now, nil); err == nil {
		t.Fatal("committed without a reference or title")
	}
	assertAnnexAUnchanged(t, db)
}

// assertAnnexAUnchanged checks that every Annex A control still has its catalogue title.
func assertAnnexAUnchanged(t *testing.T, db *store.DB) {
	t.Helper()
	titles := map[string]string{}
	for _, c := range isms.AnnexA() {
		titles[c.Ref] = c.Title
	}
	err := db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindControl, func(r isms.Record) error {
			c := r.(*isms.Control)
			if want, ok := titles[c.Ref]; ok && !c.Custom && c.Title != want {
				t.Errorf("%s is titled %q, want %q", c.Ref, c.Title, want)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUnmapAndConfidence: --unmap drops a proposal, --map is marked chosen, an unknown
// field is refused.
func TestUnmapAndConfidence(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "r.xlsx")
	writeBook(t, file, 3, register("Jane Smith", "Gap"))
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, Unmap: []string{"owner"}, Map: map[string]string{"text": "Requirement"}})
	if _, ok := p.Mapping.Columns["owner"]; ok {
		t.Errorf("owner still mapped: %v", p.Mapping.Columns)
	}
	if p.Mapping.Confidence["text"] != xlsx.ConfidenceChosen || p.Mapping.Confidence["ref"] != xlsx.ConfidenceExact {
		t.Errorf("confidence %v", p.Mapping.Confidence)
	}
	if len(p.NewPeople) != 0 {
		t.Errorf("people from an unmapped owner column: %v", p.NewPeople)
	}
	if _, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: file, Unmap: []string{"colour"}}); err == nil || !strings.Contains(err.Error(), "--unmap colour") {
		t.Errorf("unknown field: %v", err)
	}
}

// TestDateWarningWithLocaleHint: a semicolon CSV whose dates are all ambiguous is read
// day-first, and the plan says how many dates that decided.
func TestDateWarningWithLocaleHint(t *testing.T) {
	db := openDB(t, "")
	file := writeFile(t, "reg.csv", "Ref;Title;Due date\nR-1;One;03/04/2024\nR-2;Two;05/06/2024\nR-3;Three;07/07/2024\n")
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if !strings.Contains(p.LocaleHint, "semicolons") || !p.Mapping.Locale.DayFirst {
		t.Fatalf("hint %q, day-first %v", p.LocaleHint, p.Mapping.Locale.DayFirst)
	}
	if len(p.Warnings) != 1 || p.Warnings[0].Count != 2 || p.Warnings[0].ReadAs != "3 April 2024" {
		t.Fatalf("warnings %+v", p.Warnings)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, DateOrder: DateOrderMonth})
	if len(p.Warnings) != 1 || p.Warnings[0].ReadAs != "4 March 2024" {
		t.Fatalf("month-first: %+v", p.Warnings)
	}
	res := commit(t, db, p)
	if got := requirementsByRef(t, db)["R-1"].DueDate; got != "2024-03-04" || res.Log.Counts.Created != 3 {
		t.Errorf("R-1 due %s", got)
	}
	// a comma CSV in English says nothing, and a French header is a hint
	if h := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "en.csv", "Ref,Title\nR-1,One\n")}).LocaleHint; h != "" {
		t.Errorf("English CSV: hint %q", h)
	}
	if h := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "fr.csv", "Référence,Intitulé\nR-1,Un\n")}).LocaleHint; !strings.Contains(h, "French") {
		t.Errorf("French CSV: hint %q", h)
	}
}

// TestRiskScalesOntoTheMethod: risks scored 1 to 10 are read onto the organisation's
// three-level method with the file's scale; level words on its own scale.
func TestRiskScalesOntoTheMethod(t *testing.T) {
	db := openDB(t, "")
	err := db.Update(func(tx *store.Tx) error {
		o, err := tx.Organisation()
		if err != nil {
			return err
		}
		o.Name = "Northwind"
		o.RiskMethod = isms.RiskMethod{Likelihood: []string{"Low", "Medium", "High"}, Impact: []string{"Low", "Medium", "High"}, Threshold: 2}
		return tx.SetOrganisation(o)
	})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "risks.xlsx")
	writeBook(t, file, 3, [][]any{{"Risk ID", "Title", "Likelihood", "Impact"}, {"R-1", "Fraud", 9, 10}, {"R-2", "Outage", 2, 5}})
	p := prepare(t, db, Request{Kind: xlsx.KindRisks, File: file})
	if p.Counts.Invalid != 2 {
		t.Fatalf("without the scale: %+v %v", p.Counts, p.Errors)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindRisks, File: file, Scale: "1-10"})
	if p.Counts.Invalid != 0 || p.Mapping.Scale != "1-10" {
		t.Fatalf("with 1-10: %+v %v", p.Counts, p.Errors)
	}
	commit(t, db, p)
	got := map[string][2]int{}
	_ = db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindRisk, func(r isms.Record) error {
			k := r.(*isms.Risk)
			got[k.Ref] = [2]int{k.Likelihood, k.Impact}
			return nil
		})
	})
	if got["R-1"] != [2]int{3, 3} || got["R-2"] != [2]int{1, 2} {
		t.Errorf("levels %v", got)
	}
	if _, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRisks, File: file, Scale: "ten"}); err == nil {
		t.Error("a bad scale was accepted")
	}
	words := filepath.Join(t.TempDir(), "words.xlsx")
	writeBook(t, words, 3, [][]any{{"Risk ID", "Title", "Wahrscheinlichkeit", "Auswirkung"}, {"R-9", "Brand", "sehr hoch", "niedrig"}})
	p = prepare(t, db, Request{Kind: xlsx.KindRisks, File: words})
	if p.Counts.Invalid != 0 {
		t.Fatalf("German words: %v", p.Errors)
	}
}

// TestGDPRLibrarySections reads the GDPR framework library of the corpus: its structure
// nodes (no ref_id, not assessable) are sections, listed, and not invalid rows.
func TestGDPRLibrarySections(t *testing.T) {
	db := openDB(t, "")
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: corpusFile(t, "gdpr-requirements-ciso-assistant-library.xlsx"), Sheet: "GDPR_content", SkipInvalid: true})
	if p.Counts.Rows+p.Counts.Sections+p.MergedRows != 1090 || p.Counts.Sections != len(p.Sections) {
		t.Fatalf("counts %+v, %d sections listed", p.Counts, len(p.Sections))
	}
	// r2 "Preambule" and r296 "Section 1 / Transparency and modalities" (read off the file)
	found := map[int]string{}
	for _, s := range p.Sections {
		found[s.Row] = s.Text
	}
	if found[296] != "Section 1 — Transparency and modalities" {
		t.Errorf("row 296: %q", found[296])
	}
	if _, ok := found[2]; !ok {
		t.Errorf("row 2 (Preambule) is not a section")
	}
	if p.Counts.Invalid > 10 {
		t.Errorf("%d invalid rows, want the structure rows as sections; first %v", p.Counts.Invalid, first(p.Errors, 3))
	}
	if p.Counts.Sections > 60 {
		t.Errorf("%d sections: records taken as headings", p.Counts.Sections)
	}
}
