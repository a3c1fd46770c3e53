package report

import (
	"fmt"
	"strconv"
)

// coverName is the name of every report's first sheet.
const coverName = "Cover"

// writeCover fills the cover sheet: what the report is, for whom (with the ISMS scope and
// the classification label when they are set), over which period, when and by which
// version it was made, the fingerprint of its records, and its contents.
func (b *book) writeCover(sheets []sheet) error {
	const s = coverName
	m := b.meta
	// The two columns fill one A4 landscape page at about 100%: labels, then values.
	if err := b.f.SetColWidth(s, "A", "A", coverLabelWidth); err != nil {
		return err
	}
	if err := b.f.SetColWidth(s, "B", "B", coverValueWidth); err != nil {
		return err
	}
	if err := b.setCell(s, "A1", m.Title, "title", ""); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(s, 1, 30); err != nil {
		return err
	}
	if err := b.setCell(s, "A2", m.Organisation, "subtitle", ""); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(s, 2, 20); err != nil {
		return err
	}
	type coverRow struct {
		label string
		value any
		kind  string
	}
	rows := []coverRow{{"Organisation", m.Organisation, "wrap"}}
	if m.Scope != "" {
		rows = append(rows, coverRow{"ISMS scope", m.Scope, "wrap"})
	}
	if m.Classification != "" {
		rows = append(rows, coverRow{"Classification", m.Classification, "wrap"})
	}
	rows = append(rows, []coverRow{
		{"Report", m.Title, "wrap"},
		{"Period covered", m.Period, "wrap"},
		{"Generated at", excelTime(m.GeneratedAt), "datetime"},
		{"App version", "ISMS Desk " + m.Version, "wrap"},
		{"Records used", m.Records, "count"},
		{"SHA-256 of the records", m.SHA256, "wrap"},
		{"About the SHA-256", "Computed over the canonical JSON of the " + strconv.Itoa(m.Records) +
			" records this report was built from, sorted by kind and ID. The same records give the same value, so it shows whether two copies of a report come from the same data.", "wrap"},
		{"Standard", "ISO/IEC 27001:2022", "wrap"},
	}...)
	r := 4
	for _, row := range rows {
		if err := b.setCell(s, "A"+strconv.Itoa(r), row.label, "label", ""); err != nil {
			return err
		}
		if err := b.setCell(s, "B"+strconv.Itoa(r), row.value, row.kind, ""); err != nil {
			return err
		}
		if err := b.fitCoverRow(r, row.label, row.value); err != nil {
			return err
		}
		r++
	}
	r++
	if err := b.setCell(s, "A"+strconv.Itoa(r), "Contents", "subtitle", ""); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(s, r, 20); err != nil {
		return err
	}
	r++
	for _, sh := range sheets {
		if err := b.setCell(s, "A"+strconv.Itoa(r), sh.Name, "label", ""); err != nil {
			return err
		}
		if err := b.setCell(s, "B"+strconv.Itoa(r), sh.About, "wrap", ""); err != nil {
			return err
		}
		if err := b.fitCoverRow(r, sh.Name, sh.About); err != nil {
			return err
		}
		r++
	}
	// The cover prints on one page: landscape, one page wide and one page tall.
	if err := b.printSetup(s, 0, 1); err != nil {
		return fmt.Errorf("report: cover: %w", err)
	}
	return nil
}

// The widths of the cover's label and value columns, in characters.
const (
	coverLabelWidth = 32
	coverValueWidth = 90
)

// fitCoverRow makes a cover row high enough for its wrapped label and value.
func (b *book) fitCoverRow(row int, label string, value any) error {
	lines := max(textLines(label, coverLabelWidth, true), cellLines(value, coverValueWidth))
	if lines <= 1 {
		return nil
	}
	return b.f.SetRowHeight(coverName, row, linesHeight(lines))
}
