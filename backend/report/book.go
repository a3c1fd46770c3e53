package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// Red, amber and green as report colours (Excel's "good", "neutral" and "bad" fills).
const (
	ragGreen = isms.RAGGreen
	ragAmber = isms.RAGAmber
	ragRed   = isms.RAGRed
)

// ragFill and ragFont are the fill and font colours of each RAG status.
var (
	ragFill = map[string]string{ragGreen: "C6EFCE", ragAmber: "FFEB9C", ragRed: "FFC7CE"}
	ragFont = map[string]string{ragGreen: "006100", ragAmber: "9C5700", ragRed: "9C0006"}
)

// The workbook's default font, which every cell style names.
const (
	defaultFont     = "Calibri"
	defaultFontSize = 11
)

// Formats of the number columns.
const (
	fmtDate     = "yyyy-mm-dd"
	fmtDateTime = "yyyy-mm-dd hh:mm"
	fmtNumber   = "#,##0.##"
	fmtInt      = "0"
)

// column is one column of a table sheet.
type column struct {
	Name  string            // the header, unique within the table
	Width float64           // in characters
	RAG   map[string]string // cell text -> ragGreen/ragAmber/ragRed; nil for no status colours
}

// line is one line written above a table: a bold label and a value.
type line struct {
	Label string
	Value any
}

// table is a sheet of rows under one frozen, filtered header row.
type table struct {
	Board bool                                    // a board view (board.go): few columns, printed at full size
	Pre   []line                                  // lines above the header (none: the header is row 1)
	Cols  []column                                // the columns
	N     int                                     // the number of rows, for progress
	Rows  func(emit func(row ...any) error) error // writes the rows in order
}

// sheet is one sheet of a report: a table, or a drawing made after every table is written.
type sheet struct {
	Name  string // the tab name, at most 31 characters
	About string // one line for the cover's contents
	Table *table
	Draw  func(b *book, name string) error
}

// book is a workbook being written with the shared conventions.
type book struct {
	ctx    context.Context
	f      *excelize.File
	meta   Meta
	styles map[styleKey]int
	tables map[string]bool
	done   int
	total  int
	charts int // how many charts the book has (see addChart)
	prog   func(done, total int)
}

func newBook(ctx context.Context, meta Meta, progress func(done, total int)) *book {
	f := excelize.NewFile()
	f.SetZipWriter(zipWriter)
	return &book{ctx: ctx, f: f, meta: meta, styles: map[styleKey]int{},
		tables: map[string]bool{}, prog: progress}
}

// step reports n more units of work done.
func (b *book) step(n int) {
	b.done += n
	if b.prog != nil {
		b.prog(min(b.done, b.total), b.total)
	}
}

// styleKey names a cell style: its kind and colour (see style), or "cond" and the colour
// of a conditional format's style.
type styleKey struct{ kind, rag string }

// style returns the ID of a cell style, creating it once. kind is "text", "wrap",
// "head", "label", "date", "datetime", "int", "count", "num", "title", "subtitle",
// "heat", "axis"; rag colours it.
func (b *book) style(kind, rag string) (int, error) {
	key := styleKey{kind, rag}
	if id, ok := b.styles[key]; ok {
		return id, nil
	}
	st := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}
	switch kind {
	case "head":
		st.Font = &excelize.Font{Bold: true, Color: "FFFFFF"}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}}
		st.Border = []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}
	case "text":
		st.Alignment.WrapText = false
	case "label":
		st.Font = &excelize.Font{Bold: true}
	case "title":
		st.Font = &excelize.Font{Bold: true, Size: 18, Color: "1F4E78"}
		st.Alignment.WrapText = false
	case "subtitle":
		st.Font = &excelize.Font{Bold: true, Size: 12, Color: "1F4E78"}
		st.Alignment.WrapText = false
	case "date":
		st.CustomNumFmt = ptr(fmtDate)
		st.Alignment.Horizontal = "left"
	case "datetime":
		st.CustomNumFmt = ptr(fmtDateTime)
		st.Alignment.Horizontal = "left"
	case "int":
		st.CustomNumFmt = ptr(fmtInt)
	case "count": // a number in a column of texts
		st.CustomNumFmt = ptr(fmtInt)
		st.Alignment.Horizontal = "left"
	case "num":
		st.CustomNumFmt = ptr(fmtNumber)
	case "heat":
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
		st.Border = thinBorder()
	case "axis":
		st.Font = &excelize.Font{Bold: true}
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	}
	if rag != "" {
		if fill, ok := ragFill[rag]; ok {
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
			st.Font = &excelize.Font{Color: ragFont[rag], Bold: st.Font != nil && st.Font.Bold}
		} else { // a raw colour, e.g. a heat map cell
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rag}}
		}
	}
	if st.Font != nil {
		// A font without a name and size falls back to the application's choice (a serif
		// font in LibreOffice): name the workbook's default font.
		if st.Font.Family == "" {
			st.Font.Family = defaultFont
		}
		if st.Font.Size == 0 {
			st.Font.Size = defaultFontSize
		}
	}
	id, err := b.f.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("report: unable to make a cell style: %w", err)
	}
	b.styles[key] = id
	return id, nil
}

func thinBorder() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "808080", Style: 1})
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// cell turns a Go value into a styled cell, nil for an empty one. Strings are always
// written as text (never as a formula, whatever they start with); dates as date numbers
// with a date format.
func (b *book) cell(v any, rag string) (any, error) {
	c, ok, err := b.styled(v, rag)
	if err != nil || !ok {
		return nil, err
	}
	return c, nil
}

// styled is cell unboxed: ok is false for an empty cell.
func (b *book) styled(v any, rag string) (c excelize.Cell, ok bool, err error) {
	kind := ""
	switch x := v.(type) {
	case nil:
		if rag == "" {
			return c, false, nil
		}
		v, kind = "", "wrap"
	case string:
		kind = "wrap"
		if t := cellText(x); t != x {
			v = t
		}
	case plain:
		kind, v = "text", cellText(string(x))
	case isms.Date:
		if x == "" || !x.Valid() {
			if rag == "" {
				return c, false, nil
			}
			v, kind = "", "wrap"
			break
		}
		v, kind = x.Time(), "date"
	case time.Time:
		if x.IsZero() {
			return c, false, nil
		}
		v, kind = excelTime(x), "datetime"
	case int:
		kind = "int"
	case float64:
		kind = "num"
	case bool:
		kind, v = "wrap", yesNo(x)
	default:
		return c, false, fmt.Errorf("report: unable to write a %T", v)
	}
	id, err := b.style(kind, rag)
	if err != nil {
		return c, false, err
	}
	return excelize.Cell{StyleID: id, Value: v}, true, nil
}

// excelTime drops the time zone: Excel has none, so the wall-clock time is written.
func excelTime(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// cellText is a string as a cell holds it: cleaned, and a text longer than Excel's
// 32,767 characters cut with a mark that gives its whole length (xlsx.FitCell), never
// silently; re-importing the cell keeps the stored text.
func cellText(s string) string { return xlsx.FitCell(clean(s)) }

// clean removes characters that XML 1.0 cannot hold (control characters other than tab,
// line feed and carriage return).
func clean(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, s)
}

func yesNo(v bool) string {
	if v {
		return "Yes"
	}
	return "No"
}

// newSheets creates the report's sheets in tab order after the cover.
func (b *book) newSheets(sheets []sheet) error {
	for _, s := range sheets {
		if _, err := b.f.NewSheet(s.Name); err != nil {
			return fmt.Errorf("report: unable to add sheet %q: %w", s.Name, err)
		}
	}
	return nil
}

// printSetup applies the shared print set-up: A4 landscape, scaled to one page wide and
// to tall pages high (0: as many as it takes), the header rows repeated on every page
// (when headerRow > 0), the sheet name in the page header and page numbers in the footer.
func (b *book) printSetup(name string, headerRow, tall int) error {
	// Without the sheet's fitToPage property, spreadsheet applications ignore the
	// fit-to-width setting and print at 100%, splitting wide sheets across pages.
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return fmt.Errorf("report: unable to set up printing of %q: %w", name, err)
	}
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Orientation: ptr("landscape"), Size: ptr(9), FitToWidth: ptr(1), FitToHeight: ptr(tall),
	}); err != nil {
		return fmt.Errorf("report: unable to set up printing of %q: %w", name, err)
	}
	if err := b.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.6), Bottom: ptr(0.6), Header: ptr(0.3), Footer: ptr(0.3),
	}); err != nil {
		return fmt.Errorf("report: unable to set the margins of %q: %w", name, err)
	}
	if err := b.f.SetHeaderFooter(name, b.docControl()); err != nil {
		return fmt.Errorf("report: unable to set the page header of %q: %w", name, err)
	}
	if headerRow > 0 {
		ref := fmt.Sprintf("%s!$%d:$%d", quoteSheet(name), headerRow, headerRow)
		if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: ref, Scope: name}); err != nil {
			return fmt.Errorf("report: unable to repeat the header row of %q: %w", name, err)
		}
	}
	return nil
}

// docControl is the document control every sheet prints in its page header and footer:
// the sheet's name and the classification label (when set) above; the report's title,
// version (its export count), owner or approver and date, and the page number below.
func (b *book) docControl() *excelize.HeaderFooterOptions {
	m := b.meta
	head := "&L&\"-,Bold\"&A"
	if m.Classification != "" {
		head += "&R&\"-,Bold\"" + hfText(short(m.Classification, 64))
	}
	foot := fmt.Sprintf("%s, version %d; %s; %s", short(m.Title, 60), max(m.Edition, 1), short(m.Approval, 90),
		excelTime(m.GeneratedAt).Format("2006-01-02"))
	return &excelize.HeaderFooterOptions{OddHeader: head, OddFooter: "&L" + hfText(foot) + "&RPage &P of &N"}
}

// hfText escapes text for a page header or footer, where "&" starts a code.
func hfText(s string) string { return strings.ReplaceAll(clean(s), "&", "&&") }

func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// tableName returns a workbook-unique Excel table name for a sheet.
func (b *book) tableName(sheet string) string {
	var sb strings.Builder
	for _, r := range sheet {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			sb.WriteRune(r)
		}
	}
	base := "T_" + sb.String()
	name := base
	for i := 2; b.tables[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	b.tables[name] = true
	return name
}

// writeTable writes a table sheet with the stream writer: lines above, a frozen header
// row, the rows, an Excel table (filter buttons, banded rows), status colours as cell
// fills and as conditional formats, widths and the print set-up.
func (b *book) writeTable(name string, t *table) error {
	// The stream writer writes the sheet's properties when it starts: fit to page now.
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return fmt.Errorf("report: unable to set up %q: %w", name, err)
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("report: unable to write %q: %w", name, err)
	}
	ncol := len(t.Cols)
	for i, c := range t.Cols {
		if err := sw.SetColWidth(i+1, i+1, c.width()); err != nil {
			return err
		}
	}
	head := 1
	if len(t.Pre) > 0 {
		head = len(t.Pre) + 2
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: "A" + strconv.Itoa(head+1),
		ActivePane: "bottomLeft", Selection: []excelize.Selection{{SQRef: "A" + strconv.Itoa(head+1), ActiveCell: "A" + strconv.Itoa(head+1), Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(max(ncol, 2))
	for i, l := range t.Pre {
		row := i + 1
		lab, err := b.style("label", "")
		if err != nil {
			return err
		}
		val, err := b.cell(l.Value, "")
		if err != nil {
			return err
		}
		opts := []excelize.RowOpts{}
		if s, ok := l.Value.(string); ok {
			lines := max(textLines(l.Label, t.Cols[0].width(), true), textLines(s, spanWidth(t.Cols[1:]), false))
			if lines > 1 {
				opts = append(opts, excelize.RowOpts{Height: linesHeight(lines)})
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(row), []any{excelize.Cell{StyleID: lab, Value: l.Label}, val}, opts...); err != nil {
			return err
		}
		if ncol > 2 {
			if err := sw.MergeCell("B"+strconv.Itoa(row), last+strconv.Itoa(row)); err != nil {
				return err
			}
		}
	}
	hs, err := b.style("head", "")
	if err != nil {
		return err
	}
	header := make([]any, ncol)
	headLines := 2 // a header row is at least two lines high, so that headers line up
	for i, c := range t.Cols {
		header[i] = excelize.Cell{StyleID: hs, Value: c.Name}
		headLines = max(headLines, textLines(c.Name, c.width(), true))
	}
	if err := sw.SetRow("A"+strconv.Itoa(head), header, excelize.RowOpts{Height: linesHeight(headLines)}); err != nil {
		return err
	}
	n, err := b.writeRows(sw, name, t, head+1)
	if err != nil {
		return err
	}
	b.step(n % 2000)
	lastRow := head + max(n, 1)
	if err := sw.AddTable(&excelize.Table{Range: fmt.Sprintf("A%d:%s%d", head, last, lastRow),
		Name: b.tableName(name), StyleName: "TableStyleLight1", ShowRowStripes: ptr(true)}); err != nil {
		return fmt.Errorf("report: unable to add the table of %q: %w", name, err)
	}
	if n > 0 {
		if err := b.ragFormats(name, t.Cols, head+1, head+n); err != nil {
			return err
		}
	}
	if err := b.printSetup(name, head, 0); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("report: unable to finish %q: %w", name, err)
	}
	return nil
}

// rowBatch is up to batchRows rows of a table made ready for the stream writer.
type rowBatch struct {
	cells  []excelize.Cell // the rows' cells, one after another
	vals   []any           // the rows' values: a *excelize.Cell in cells, or nil for an empty cell
	height []float64       // each row's height in points, 0 for the default
}

// batchRows is how many rows writeRows hands over at a time.
const batchRows = 256

// writeRows writes the rows of a table from row first on, and returns how many there
// are. One goroutine runs t.Rows and turns the values into styled cells (it makes the
// styles, in cell order as before, so that their IDs are the same; excelize's NewStyle is
// safe beside the stream writer) while this one hands them to the stream writer, reports
// progress and checks ctx. An error or a panic of t.Rows is this goroutine's.
func (b *book) writeRows(sw *excelize.StreamWriter, name string, t *table, first int) (int, error) {
	ncol := len(t.Cols)
	batches := make(chan *rowBatch, 4)
	free := make(chan *rowBatch, cap(batches)+2) // batches written, to fill again
	stop := make(chan struct{})
	var made error   // t.Rows's error, read once batches is closed
	var panicked any // a panic of t.Rows (see catch)
	go func() {
		defer close(batches)
		defer catch(&panicked)
		if t.Rows == nil {
			return
		}
		newBatch := func() *rowBatch {
			select {
			case bt := <-free:
				clear(bt.cells)
				bt.cells, bt.vals, bt.height = bt.cells[:0], bt.vals[:0], bt.height[:0]
				return bt
			default:
				return &rowBatch{cells: make([]excelize.Cell, 0, batchRows*ncol), vals: make([]any, 0, batchRows*ncol),
					height: make([]float64, 0, batchRows)}
			}
		}
		bt := newBatch()
		send := func() bool {
			select {
			case batches <- bt:
				bt = newBatch()
				return true
			case <-stop:
				return false
			}
		}
		made = t.Rows(func(vals ...any) error {
			if len(vals) != ncol {
				return fmt.Errorf("report: sheet %q: a row of %d cells under %d columns", name, len(vals), ncol)
			}
			lines := 1
			for i, v := range vals {
				lines = max(lines, cellLines(v, t.Cols[i].width()))
				rag := ""
				if m := t.Cols[i].RAG; m != nil {
					if s, ok := v.(string); ok {
						rag = m[s]
					}
				}
				c, ok, err := b.styled(v, rag)
				if err != nil {
					return err
				}
				if !ok {
					bt.vals = append(bt.vals, nil)
					continue
				}
				bt.cells = append(bt.cells, c)
				bt.vals = append(bt.vals, &bt.cells[len(bt.cells)-1])
			}
			h := 0.0
			if lines > 1 { // spreadsheet applications do not grow streamed rows to fit wrapped text
				h = linesHeight(lines)
			}
			bt.height = append(bt.height, h)
			if len(bt.height) == batchRows && !send() {
				return errStopped
			}
			return nil
		})
		if made == nil && len(bt.height) > 0 {
			send()
		}
	}()

	stopped := false
	halt := func() { // stops the rows' goroutine and waits for it to end
		if !stopped {
			stopped = true
			close(stop)
		}
		for range batches {
		}
	}
	defer halt() // on a panic too
	n := 0
	var err error
	height := make([]excelize.RowOpts, 1)
	for bt := range batches {
		for i, h := range bt.height {
			opts := height[:0]
			if h > 0 {
				opts = height
				opts[0].Height = h
			}
			if err = sw.SetRow("A"+strconv.Itoa(first+n), bt.vals[i*ncol:(i+1)*ncol], opts...); err != nil {
				break
			}
			n++
			if n%2000 == 0 {
				if err = b.ctx.Err(); err != nil {
					break
				}
				b.step(2000)
			}
		}
		if err != nil {
			break
		}
		select {
		case free <- bt:
		default:
		}
	}
	halt()
	rethrow(panicked)
	if err == nil {
		err = made
	}
	return n, err
}

// ragFormats adds conditional formats that colour each status column by its value, so
// that the colour follows the status when someone edits it in Excel.
func (b *book) ragFormats(name string, cols []column, first, last int) error {
	for i, c := range cols {
		if len(c.RAG) == 0 {
			continue
		}
		letter, _ := excelize.ColumnNumberToName(i + 1)
		var rules []excelize.ConditionalFormatOptions
		for _, text := range sortedKeys(c.RAG) {
			rag := c.RAG[text]
			id, err := b.condStyle(rag)
			if err != nil {
				return err
			}
			rules = append(rules, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Format: &id,
				Value: `"` + strings.ReplaceAll(text, `"`, `""`) + `"`})
		}
		ref := fmt.Sprintf("%s%d:%s%d", letter, first, letter, last)
		if err := b.f.SetConditionalFormat(name, ref, rules); err != nil {
			return fmt.Errorf("report: unable to colour %s!%s: %w", name, ref, err)
		}
	}
	return nil
}

func (b *book) condStyle(rag string) (int, error) {
	key := styleKey{"cond", rag}
	if id, ok := b.styles[key]; ok {
		return id, nil
	}
	id, err := b.f.NewConditionalStyle(&excelize.Style{
		Font: &excelize.Font{Color: ragFont[rag]},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{ragFill[rag]}},
	})
	if err != nil {
		return 0, fmt.Errorf("report: unable to make a conditional style: %w", err)
	}
	b.styles[key] = id
	return id, nil
}

// width is the column's width in characters (14 when not given).
func (c column) width() float64 {
	if c.Width == 0 {
		return 14
	}
	return c.Width
}

// spanWidth is the width in characters of the columns a merged value spans.
func spanWidth(cols []column) float64 {
	w := 0.0
	for _, c := range cols {
		w += c.width()
	}
	return max(w, 20)
}

// Row heights. Spreadsheet applications grow a row to fit its wrapped text only when
// they lay the row out themselves; rows written by the stream writer and merged cells
// keep the default height, so wrapped text spills over the rows below. The report sets
// the height of every row with wrapped text from an estimate of its number of lines.
const (
	lineHeight   = 15.0                                // points per line of 11-point text, Excel's default row height
	maxRowHeight = excelize.MaxRowHeight               // 409 points, the most a row can be
	maxLines     = int(maxRowHeight) / int(lineHeight) // lines beyond this are cut anyway
)

// linesHeight is the height in points of a row of n lines of text.
func linesHeight(n int) float64 {
	return min(float64(max(n, 1))*lineHeight, maxRowHeight)
}

// cellLines estimates how many lines a cell's value takes in a column width characters
// wide: texts wrap, numbers and dates take one line.
func cellLines(v any, width float64) int {
	if s, ok := v.(string); ok {
		return textLines(s, width, false)
	}
	return 1
}

// textLines estimates how many lines a wrapped text takes in a column width characters
// wide (column widths count the digit "0" of the default font): it breaks the text at
// its line breaks and wraps each line word by word, as spreadsheet applications do
// (breaking only at spaces, so it errs on the generous side: a row a little too high
// reads well, a row too low hides text).
func textLines(s string, width float64, bold bool) int {
	// A column holds about width digits; text averages narrower than a digit (about 10%
	// in Calibri and in LibreOffice's substitutes for it), bold text about as wide.
	per := width * 1.1
	if bold {
		per = width
	}
	cpl := max(int(per), 1)
	if len(s) <= cpl && strings.IndexByte(s, '\n') < 0 {
		return 1 // the common case: a short text on one line
	}
	lines := 0
	for para := range strings.SplitSeq(s, "\n") {
		lines += wrapLines(strings.TrimSuffix(para, "\r"), cpl)
		if lines >= maxLines {
			return maxLines
		}
	}
	return max(lines, 1)
}

// wrapLines counts the lines of one paragraph wrapped greedily at cpl characters a line;
// a word longer than a line is broken across lines.
func wrapLines(p string, cpl int) int {
	lines, cur := 1, 0
	for w := range strings.FieldsSeq(p) {
		l := utf8.RuneCountInString(w)
		need := l
		if cur > 0 {
			need = cur + 1 + l
		}
		if need <= cpl {
			cur = need
			continue
		}
		if cur > 0 {
			lines++
		}
		for l > cpl {
			lines++
			l -= cpl
		}
		cur = l
	}
	return lines
}

// setCell writes one value with the conventions of cell (used by drawn sheets).
func (b *book) setCell(sheet, ref string, v any, kind, rag string) error {
	if kind == "" {
		c, err := b.cell(v, rag)
		if err != nil || c == nil {
			return err
		}
		cc := c.(excelize.Cell)
		if err := b.setValue(sheet, ref, cc.Value); err != nil {
			return err
		}
		return b.f.SetCellStyle(sheet, ref, ref, cc.StyleID)
	}
	id, err := b.style(kind, rag)
	if err != nil {
		return err
	}
	if err := b.setValue(sheet, ref, v); err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, ref, ref, id)
}

// setValue writes a value; strings always go through SetCellStr, so they stay text.
func (b *book) setValue(sheet, ref string, v any) error {
	var err error
	switch x := v.(type) {
	case string:
		err = b.f.SetCellStr(sheet, ref, cellText(x))
	case nil:
	default:
		err = b.f.SetCellValue(sheet, ref, v)
	}
	if err != nil {
		return fmt.Errorf("report: unable to write %s!%s: %w", sheet, ref, err)
	}
	return nil
}

// write lays out the executive page, every sheet and the closing "About this report"
// sheet, and writes the workbook to w.
func (b *book) write(sheets []sheet, sum summary, w io.Writer) error {
	defer b.f.Close()
	body := sheets
	sheets = append(append([]sheet(nil), sheets...), aboutSheet(b.meta, sum.Previous))
	b.total = 2
	for _, s := range sheets {
		b.total++
		if s.Table != nil {
			b.total += s.Table.N
		}
	}
	if err := b.f.SetSheetName("Sheet1", coverName); err != nil {
		return fmt.Errorf("report: unable to name the executive page: %w", err)
	}
	if err := b.newSheets(sheets); err != nil {
		return err
	}
	// The executive page is the one shown on opening. Set before anything is written:
	// afterwards excelize would read every streamed sheet back to clear its tab flag.
	b.f.SetActiveSheet(0)
	for _, s := range sheets {
		if s.Table == nil {
			continue
		}
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if err := b.writeTable(s.Name, s.Table); err != nil {
			return err
		}
		b.step(1)
	}
	for _, s := range sheets {
		if s.Draw == nil {
			continue
		}
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if err := s.Draw(b, s.Name); err != nil {
			return err
		}
		b.step(1)
	}
	if err := b.writeCover(body, sum); err != nil {
		return err
	}
	b.step(1)
	if err := b.docProps(); err != nil {
		return err
	}
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if b.charts == 0 {
		if _, err := b.f.WriteTo(w); err != nil {
			return fmt.Errorf("report: unable to write the workbook: %w", err)
		}
	} else { // the charts get their cached values (charts.go)
		var buf bytes.Buffer
		if _, err := b.f.WriteTo(&buf); err != nil {
			return fmt.Errorf("report: unable to write the workbook: %w", err)
		}
		data, err := cacheCharts(b.f, buf.Bytes())
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return fmt.Errorf("report: unable to write the workbook: %w", err)
		}
	}
	b.step(1)
	return nil
}

// docProps sets the workbook's document properties.
func (b *book) docProps() error {
	at := b.meta.GeneratedAt.UTC().Format(time.RFC3339)
	err := b.f.SetDocProps(&excelize.DocProperties{
		Title:          b.meta.Title,
		Subject:        b.meta.Organisation + ": " + b.meta.Title,
		Creator:        "ISMS Desk " + b.meta.Version,
		LastModifiedBy: "ISMS Desk " + b.meta.Version,
		Description:    "Built from live ISMS Desk records; period covered: " + b.meta.Period + "; SHA-256 of the records: " + b.meta.SHA256,
		Category:       "ISO/IEC 27001:2022 ISMS report",
		Keywords:       "ISO/IEC 27001:2022; ISMS; " + b.meta.Title,
		Created:        at,
		Modified:       at,
		Language:       "en-GB",
	})
	if err != nil {
		return fmt.Errorf("report: unable to set the document properties: %w", err)
	}
	return nil
}

// addChart adds a chart (with charts drawn over it on the same axes) at a cell.
func (b *book) addChart(sheet, at string, c *excelize.Chart, combo ...*excelize.Chart) error {
	if err := b.f.AddChart(sheet, at, c, combo...); err != nil {
		return fmt.Errorf("report: unable to add a chart to %q: %w", sheet, err)
	}
	b.charts++
	return nil
}
