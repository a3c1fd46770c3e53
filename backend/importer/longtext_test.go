package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// longText returns a text of n characters, with accented letters and characters outside
// the Basic Multilingual Plane (two UTF-16 units each, as Excel counts them).
func longText(n int) string {
	words := []string{"Les", "données", "personnelles", "sont", "chiffrées", "🔒", "at", "rest", "and", "in", "transit."}
	var sb strings.Builder
	for i := 0; utf8.RuneCountInString(sb.String()) < n; i++ {
		sb.WriteString(words[i%len(words)])
		sb.WriteByte(' ')
	}
	return string([]rune(sb.String())[:n])
}

// exportRequirements writes the requirements register to a file and returns its path.
func exportRequirements(t *testing.T, db *store.DB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "requirements.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := report.Write(context.Background(), db, "requirements", report.Options{Now: now}, f); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLongTextSurvivesReimport stores a requirement whose text (40,000 characters) and
// notes (33,000) are longer than an Excel cell, exports the requirements register and
// imports it back: the cells are cut with a mark, never silently, and the re-import
// changes nothing; a copy that changes another column updates it and keeps the texts.
func TestLongTextSurvivesReimport(t *testing.T) {
	db := openDB(t, "")
	if err := db.Batch(func(b *store.Batch) error { return seed.Demo(b, isms.DateOf(now)) }); err != nil {
		t.Fatal(err)
	}
	text, notes := longText(40000), longText(33000)
	req := &isms.Requirement{Ref: "LONG-1", Title: "A requirement with a long text", Text: text, Notes: notes,
		SourceType: isms.SourceLegal, Applicable: true, Status: isms.CompliancePartial}
	if err := db.Update(func(tx *store.Tx) error { return tx.Create(req, "test") }); err != nil {
		t.Fatal(err)
	}
	total := count(t, db, isms.KindRequirement)
	path := exportRequirements(t, db)

	// the cell is cut with the mark, within Excel's limit
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Requirements")
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var cellText, cellNotes string
	for _, r := range rows {
		if len(r) > 10 && r[0] == "LONG-1" {
			cellText, cellNotes = r[2], r[10]
		}
	}
	if !strings.HasSuffix(cellText, "… [text continues in ISMS Desk: 40,000 characters]") ||
		!strings.HasSuffix(cellNotes, "… [text continues in ISMS Desk: 33,000 characters]") {
		t.Fatalf("exported cells end %q and %q", cellText[max(0, len(cellText)-80):], cellNotes[max(0, len(cellNotes)-80):])
	}
	for _, c := range []string{cellText, cellNotes} {
		units := 0
		for _, r := range c {
			units += max(1, len(string(r))/4*2) // two UTF-16 units for a four-byte character
		}
		if units > xlsx.MaxCellChars || units < xlsx.MaxCellChars-250 {
			t.Errorf("exported cell of %d UTF-16 units, want at most %d and near it", units, xlsx.MaxCellChars)
		}
		start := strings.TrimSuffix(c[:strings.LastIndex(c, " … [")], " ")
		if !strings.HasPrefix(text, start) && !strings.HasPrefix(notes, start) {
			t.Errorf("the cell's text is not the start of the stored text")
		}
	}

	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: path, Sheet: "Requirements"})
	if p.Counts.Updated != 0 || p.Counts.Created != 0 || p.Counts.Invalid != 0 || p.Counts.Unchanged != total {
		t.Fatalf("re-import of the export: %+v (problems %v); want %d unchanged, 0 changed", p.Counts, p.Errors, total)
	}

	// an edited copy: the status changes, the cut cells stay as exported
	f, err = excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == "LONG-1" {
			cell, _ := excelize.CoordinatesToCellName(8, i+1)
			if err := f.SetCellStr("Requirements", cell, "Compliant"); err != nil {
				t.Fatal(err)
			}
		}
	}
	edited := filepath.Join(t.TempDir(), "edited.xlsx")
	if err := f.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: edited, Sheet: "Requirements"})
	if p.Counts.Updated != 1 || p.Counts.Created != 0 || p.Counts.Invalid != 0 {
		t.Fatalf("import of the edited copy: %+v (problems %v); want 1 updated", p.Counts, p.Errors)
	}
	commit(t, db, p)
	got := requirementsByRef(t, db)["LONG-1"]
	if got.Status != isms.ComplianceCompliant || got.Text != text || got.Notes != notes {
		t.Errorf("after the import: status %s, text of %d characters (want %d), notes of %d (want %d)",
			got.Status, utf8.RuneCountInString(got.Text), len([]rune(text)), utf8.RuneCountInString(got.Notes), len([]rune(notes)))
	}

	// into an organisation without the record: the row is refused, naming the cell
	other := openDB(t, "")
	p = prepare(t, other, Request{Kind: xlsx.KindRequirements, File: path, Sheet: "Requirements"})
	var found bool
	for _, e := range p.Errors {
		if e.Field == "text" && e.Column == "C" && strings.Contains(e.Message, "40,000 characters") {
			found = true
		}
	}
	if !found || p.Counts.Invalid == 0 {
		t.Errorf("import into another database: %+v, problems %v; want the cut text refused", p.Counts, p.Errors)
	}
}
