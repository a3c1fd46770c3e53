package report

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// coverName is the name of every report's first sheet: the executive page.
const coverName = "Executive summary"

// aboutName is the name of every report's last sheet: the technical provenance.
const aboutName = "About this report"

// The widths of the executive page's five columns, in characters: together they fill
// one A4 landscape page at about 100%, so the page prints at its 11-point size.
var coverWidths = []float64{34, 18, 24, 18, 40}

// writeCover fills the executive page: what the report is and for whom (the
// organisation, its ISMS scope and classification label when they are set, the period,
// the date), where the ISMS stands in headline figures with their colour and change
// since the last export, the decisions requested, the top exceptions and the contents.
func (b *book) writeCover(sheets []sheet, sum summary) error {
	const s = coverName
	m := b.meta
	for i, w := range coverWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := b.f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
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
	type idRow struct {
		label string
		value any
		kind  string
	}
	rows := []idRow{{"Organisation", m.Organisation, "wrap"}}
	if m.Scope != "" {
		rows = append(rows, idRow{"ISMS scope", m.Scope, "wrap"})
	}
	if m.Classification != "" {
		rows = append(rows, idRow{"Classification", m.Classification, "wrap"})
	}
	rows = append(rows, idRow{"Report", m.Title, "wrap"}, idRow{"Period covered", m.Period, "wrap"},
		idRow{"Date", excelTime(m.GeneratedAt), "datetime"}, idRow{"Version", versionText(m.Edition), "wrap"},
		idRow{"Document control", m.Approval, "wrap"})
	r := 4
	for _, row := range rows {
		if err := b.wideRow(r, row.label, row.value, row.kind); err != nil {
			return err
		}
		r++
	}

	// Where the ISMS stands.
	r++
	if err := b.coverHeading(r, "Where the ISMS stands", "Figure", "Value", "Change since the last export", "Status", "Why"); err != nil {
		return err
	}
	r += 2
	for _, f := range sum.Figures {
		vals := []any{f.Label, f.Text, f.Change, ragWord(f.RAG), f.Why}
		if err := b.coverRow(r, vals, map[int]string{3: f.RAG}); err != nil {
			return err
		}
		r++
	}

	// Decisions requested.
	r++
	title, heads, none := "Decisions requested", []string{"Decision requested", "Record", "Title", "Owner", "Why now"}, "None: no decision is waiting in the records."
	if sum.DecisionsTitle != "" {
		title, heads, none = sum.DecisionsTitle, []string{"Category", "Decision", "What was decided", "Action owners", "Actions"}, "None: the review recorded no decision."
	}
	if err := b.coverHeading(r, title, heads...); err != nil {
		return err
	}
	r += 2
	if len(sum.Decisions) == 0 {
		if err := b.coverRow(r, []any{none}, nil); err != nil {
			return err
		}
		r++
	}
	for i, d := range sum.Decisions {
		if err := b.coverRow(r, []any{d.Ask, d.Ref, d.Title, d.Owner, d.When}, nil); err != nil {
			return err
		}
		r++
		last := i == len(sum.Decisions)-1 || sum.Decisions[i+1].Ask != d.Ask
		if n := sum.More[d.Ask]; last && n > 0 {
			if err := b.coverRow(r, []any{"", "", fmt.Sprintf("and %d more of this sort in the registers", n)}, nil); err != nil {
				return err
			}
			r++
		}
	}

	// Top exceptions: the first of each rule, with how many there are (none in a review
	// pack as presented: it says so instead).
	r++
	if sum.Presented != "" {
		if err := b.setCell(s, "A"+strconv.Itoa(r), "As presented", "subtitle", ""); err != nil {
			return err
		}
		if err := b.f.SetRowHeight(s, r, 20); err != nil {
			return err
		}
		if err := b.wideRow(r+1, "About this pack", sum.Presented, "wrap"); err != nil {
			return err
		}
		r += 2
	} else {
		if err := b.coverHeading(r, "Top exceptions", "Exception", "Record", "Title", "How many", "What the records say"); err != nil {
			return err
		}
		r += 2
		top := topExceptions(sum.Exceptions)
		for _, e := range top {
			if err := b.coverRow(r, []any{e.Rule, e.Ref, e.Title, plural(e.Count, "record", "records"), e.Detail}, map[int]string{3: ragAmber}); err != nil {
				return err
			}
			r++
		}
		if len(top) == 0 {
			if err := b.coverRow(r, []any{"None: no record contradicts another on the rules checked."}, nil); err != nil {
				return err
			}
			r++
		}
	}

	// Contents.
	r++
	if err := b.setCell(s, "A"+strconv.Itoa(r), "Contents", "subtitle", ""); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(s, r, 20); err != nil {
		return err
	}
	r++
	for _, sh := range sheets {
		if err := b.wideRow(r, sh.Name, sh.About, "wrap"); err != nil {
			return err
		}
		r++
	}
	if err := b.wideRow(r, aboutName, "The app version, the records used and their SHA-256.", "wrap"); err != nil {
		return err
	}
	// One page wide, as many tall as it takes (at about 100%: the text stays readable).
	if err := b.printSetup(s, 0, 0); err != nil {
		return fmt.Errorf("report: executive page: %w", err)
	}
	return nil
}

// coverHeading writes a section title and, on the row after it, its column headers.
func (b *book) coverHeading(row int, title string, heads ...string) error {
	if err := b.setCell(coverName, "A"+strconv.Itoa(row), title, "subtitle", ""); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(coverName, row, 20); err != nil {
		return err
	}
	lines := 1
	for i, h := range heads {
		if err := b.setCell(coverName, cellRef(i+1, row+1), h, "head", ""); err != nil {
			return err
		}
		lines = max(lines, textLines(h, coverWidths[i], true))
	}
	if lines > 1 {
		return b.f.SetRowHeight(coverName, row+1, linesHeight(lines))
	}
	return nil
}

// coverRow writes a row of the executive page's tables; rag colours cells by column.
func (b *book) coverRow(row int, vals []any, rag map[int]string) error {
	lines := 1
	for i, v := range vals {
		if err := b.setCell(coverName, cellRef(i+1, row), v, "", rag[i]); err != nil {
			return err
		}
		lines = max(lines, cellLines(v, coverWidths[i]))
	}
	if lines > 1 {
		return b.f.SetRowHeight(coverName, row, linesHeight(lines))
	}
	return nil
}

// wideRow writes a label in column A and a value across the other columns.
func (b *book) wideRow(row int, label string, value any, kind string) error {
	r := strconv.Itoa(row)
	if err := b.setCell(coverName, "A"+r, label, "label", ""); err != nil {
		return err
	}
	if err := b.setCell(coverName, "B"+r, value, kind, ""); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(coverWidths))
	if err := b.f.MergeCell(coverName, "B"+r, last+r); err != nil {
		return err
	}
	w := 0.0
	for _, x := range coverWidths[1:] {
		w += x
	}
	lines := max(textLines(label, coverWidths[0], true), cellLines(value, w))
	if lines > 1 {
		return b.f.SetRowHeight(coverName, row, linesHeight(lines))
	}
	return nil
}

// aboutSheet is the last sheet: the technical provenance of the report.
func aboutSheet(m Meta, prev *lastExport) sheet {
	previous := "None: this is the first export of this report"
	if prev != nil {
		previous = excelTime(prev.At).Format("2006-01-02 15:04") + " (the changes on the executive page are since then)"
	}
	rows := [][2]any{
		{"Report", m.Title}, {"Generated at", m.GeneratedAt}, {"App version", "ISMS Desk " + m.Version},
		{"Records used", m.Records}, {"SHA-256 of the records", m.SHA256},
		{"About the SHA-256", aboutHash(m)},
		{"Previous export", previous},
		{"History entries", historyEntries(m)},
		{"History chain head", historyHead(m)},
		{"About the chain head", "The hash of the change history's last entry when this report was built. Every later change is chained to it, and Verify history (Data & backup) walks the chain, so a printed report anchors the history up to it. With a passphrase the chain is keyed with it: it cannot be rewritten and rehashed without it."},
		{"Standard", "ISO/IEC 27001:2022"},
	}
	return sheet{Name: aboutName, About: "The app version, the records used and their SHA-256.", Table: fieldTable(rows)}
}

// historyEntries and historyHead name the history's head on the provenance sheet; a pack
// as presented is frozen with its review, so it names none.
func historyEntries(m Meta) any {
	if m.AsPresented {
		return "Not shown: this pack is the review as presented and does not follow later changes"
	}
	return int(m.HistorySeq)
}

func historyHead(m Meta) string {
	if m.AsPresented || m.HistoryHead == "" {
		return "None"
	}
	return m.HistoryHead
}

// versionText says which export of the report this is.
func versionText(n int) string {
	n = max(n, 1)
	if n == 1 {
		return "1 (the first export of this report)"
	}
	return strconv.Itoa(n) + " (export " + strconv.Itoa(n) + " of this report)"
}

// aboutHash says what the report's SHA-256 is computed over.
func aboutHash(m Meta) string {
	if m.AsPresented {
		return "Computed over the canonical JSON of the management review record as held, with its inputs as presented (frozen with their own SHA-256 when it was marked held). The pack is built from that record alone, so the same review gives the same pack however the other records change."
	}
	return "Computed over the canonical JSON of the " + strconv.Itoa(m.Records) +
		" records this report was built from, sorted by kind and ID. The same records give the same value, so it shows whether two copies of a report come from the same data."
}
