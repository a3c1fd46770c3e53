package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Limits that protect the reader against files that cannot be registers (and zip bombs).
const (
	MaxFileSize       = 200 << 20 // bytes of the file itself
	MaxUnzippedSize   = 1 << 30   // bytes of all parts of a workbook once unzipped
	MaxUnzippedXMLMem = 64 << 20  // larger worksheet parts are unzipped to a temporary file
	MaxSheetRows      = 1 << 20   // rows with values in a sheet: Excel's own limit, 1,048,576
)

// tooManyRows refuses a sheet with more rows than MaxSheetRows.
func tooManyRows(file, sheet string) error {
	return invalid("%s: sheet %q has more than %s rows, the most a sheet can have in Excel and the most ISMS Desk imports: split it into several files and import them one by one", file, sheet, thousands(MaxSheetRows))
}

// Formats of a workbook.
const (
	FormatXLSX = "xlsx"
	FormatCSV  = "csv"
)

// SupportedExtensions lists the file extensions Open accepts.
var SupportedExtensions = []string{".xlsx", ".xlsm", ".csv"}

var (
	oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipSignature = []byte("PK")
)

// SheetInfo names a sheet of a workbook and whether Excel hides it.
type SheetInfo struct {
	Name   string `json:"name"`
	Hidden bool   `json:"hidden"`
}

// Workbook is an opened .xlsx, .xlsm or .csv file. A CSV file has one sheet named after
// the file. Close it when done.
type Workbook struct {
	Name     string      `json:"name"`   // the file's base name
	Format   string      `json:"format"` // FormatXLSX or FormatCSV
	Sheets   []SheetInfo `json:"sheets"`
	Dialect  *Dialect    `json:"dialect,omitempty"` // the CSV dialect found, for CSV files
	zr       *zip.Reader
	parts    map[string]string
	date1904 bool
	csvData  []byte // decoded UTF-8 text of a CSV file
	// read once, at the first sheet read
	sst       []string
	styles    []cellKind
	sstLoaded bool
}

// ReadOptions tune ReadSheet.
type ReadOptions struct {
	MaxRows int // stop after this many rows with values (a preview); 0 means all
}

// Row is one row of a Grid: its Excel row number (1-based) and its cells as text,
// trailing empty cells trimmed.
type Row struct {
	Num   int      `json:"num"`
	Cells []string `json:"cells"`
}

// Cell returns the text of column i, "" when the row is shorter.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// Empty reports whether every cell of the row is blank.
func (r Row) Empty() bool {
	for _, c := range r.Cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Grid is a sheet read as text: rows with values (blank rows between them kept, blank rows
// at the end dropped), dates already written YYYY-MM-DD (with the time when the format has
// one), percentages as "85%", booleans as TRUE/FALSE.
type Grid struct {
	Sheet         string  `json:"sheet"`
	Rows          []Row   `json:"rows"`
	Width         int     `json:"width"`         // the number of columns up to the last one with a value
	HiddenColumns []int   `json:"hiddenColumns"` // 0-based indexes of hidden columns
	Merges        []Merge `json:"merges"`
	Truncated     bool    `json:"truncated"` // MaxRows stopped the read before the end
}

func invalid(format string, args ...any) error { return isms.Errorf(isms.CodeInvalid, format, args...) }

// OpenFile opens a workbook from the file system.
func OpenFile(name string) (*Workbook, error) {
	st, err := os.Stat(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, invalid("there is no file %s", name)
	}
	if err != nil {
		return nil, invalid("%s cannot be read: %v", name, err)
	}
	if st.IsDir() {
		return nil, invalid("%s is a folder, not a workbook", name)
	}
	if st.Size() > MaxFileSize {
		return Open(name, bytes.NewReader(nil), st.Size())
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("xlsx: unable to open %s: %w", filepath.Base(name), err)
	}
	return Open(name, bytes.NewReader(b), int64(len(b)))
}

// Open reads a workbook from r (size bytes) named name; the name's extension chooses the
// reader. The workbook keeps its own copy of the bytes, so r may be closed afterwards. Errors about the file itself are *isms.Error with code invalid and a message
// that names the file and says what to do.
func Open(name string, r io.ReaderAt, size int64) (*Workbook, error) {
	base := filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	ext := strings.ToLower(filepath.Ext(base))
	if size > MaxFileSize {
		return nil, invalid("%s is too large to be a register (%d MB; the limit is %d MB)", base, size>>20, MaxFileSize>>20)
	}
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch ext {
	case ".xls":
		return nil, invalid("%s is an old Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as .xlsx first", base)
	case ".xlsx", ".xlsm":
		if bytes.HasPrefix(head, oleSignature) {
			if !oleEncryptedPackage(r, size) { // an .xls renamed, or saved with the wrong extension
				return nil, invalid("%s is an old Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as .xlsx", base)
			}
			return nil, invalid("%s is password-protected (encrypted): remove the password in Excel (File > Info > Protect Workbook) and import it again", base)
		}
		return openXLSX(base, r, size)
	case ".csv", ".txt", ".tsv":
		if bytes.HasPrefix(head, zipSignature) || bytes.HasPrefix(head, oleSignature) {
			return nil, invalid("%s is not a text (CSV) file: it looks like an Excel workbook; give it the .xlsx extension", base)
		}
		return openCSV(base, r, size)
	}
	if ext == "" {
		return nil, invalid("%s has no file extension: supported files are %s", base, strings.Join(SupportedExtensions, ", "))
	}
	return nil, invalid("%s is a %s file, which cannot be imported: supported files are %s", base, ext, strings.Join(SupportedExtensions, ", "))
}

// oleEncryptedPackage reports whether an OLE compound file is an encrypted Office Open XML
// package: its directory has an "EncryptedPackage" stream. Directory entries are 128
// bytes, in sectors of 512 or 4096 bytes after the 512-byte header, so each starts at a
// multiple of 128.
func oleEncryptedPackage(r io.ReaderAt, size int64) bool {
	var name []byte
	for _, c := range "EncryptedPackage" {
		name = append(name, byte(c), 0)
	}
	entry := make([]byte, 128)
	for off := int64(512); off+128 <= size; off += 128 {
		if n, _ := r.ReadAt(entry, off); n < 128 {
			return false
		}
		// the name's length in bytes (with its terminating zero) at 64, type 2 (stream) at 66
		if bytes.HasPrefix(entry, name) && int(entry[64])|int(entry[65])<<8 == len(name)+2 && entry[66] == 2 {
			return true
		}
	}
	return false
}

func openXLSX(base string, r io.ReaderAt, size int64) (*Workbook, error) {
	damaged := func() error {
		return invalid("%s is damaged or is not an Excel workbook: open it in Excel and save it again as .xlsx", base)
	}
	data, err := io.ReadAll(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, fmt.Errorf("xlsx: unable to read %s: %w", base, err)
	}
	br := bytes.NewReader(data)
	zr, err := zip.NewReader(br, size)
	if err != nil {
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) && len(data) > 64 {
			// a zip's directory is at its end: a file that starts as a zip and has none was cut short
			return nil, invalid("%s is damaged or cut short: the zip directory at its end is missing or unreadable (as after an incomplete download or copy); copy or download it again, or open it in Excel and save it again as .xlsx", base)
		}
		return nil, damaged()
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
	}
	if total > MaxUnzippedSize { // what the zip declares, refused before anything inflates
		return nil, invalid("%s is too large to import: it unpacks to more than %d MB (the limit)", base, MaxUnzippedSize>>20)
	}
	if findPart(zr, "xl/workbook.xml") == nil {
		return nil, invalid("%s is not an Excel workbook (no workbook part inside): save it as .xlsx in Excel", base)
	}
	// Every part is checked to its end here (CRC, sizes, bomb limits); the readers below
	// then read the same bytes, held in memory.
	if err := checkParts(base, zr, size); err != nil {
		return nil, err
	}
	parts, err := sheetParts(zr)
	if err != nil {
		return nil, damaged()
	}
	info, err := readWorkbookInfo(zr)
	if err != nil {
		return nil, damaged()
	}
	wb := &Workbook{Name: base, Format: FormatXLSX, zr: zr, parts: parts, date1904: info.date1904, Sheets: info.sheets}
	if len(wb.Sheets) == 0 {
		return nil, invalid("%s has no sheets", base)
	}
	return wb, nil
}

// Close releases the workbook.
func (w *Workbook) Close() error {
	w.zr, w.csvData, w.sst, w.styles = nil, nil, nil, nil
	return nil
}

// Sheet returns the info of the named sheet (matched without regard to case).
func (w *Workbook) Sheet(name string) (SheetInfo, bool) {
	for _, s := range w.Sheets {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return SheetInfo{}, false
}

// ReadSheet reads a sheet into a Grid. An empty name reads the first visible sheet.
func (w *Workbook) ReadSheet(name string, opts ReadOptions) (*Grid, error) {
	if name == "" {
		name = w.Sheets[0].Name
		for _, s := range w.Sheets {
			if !s.Hidden {
				name = s.Name
				break
			}
		}
	}
	info, ok := w.Sheet(name)
	if !ok {
		names := make([]string, len(w.Sheets))
		for i, s := range w.Sheets {
			names[i] = s.Name
		}
		return nil, invalid("%s has no sheet %q: its sheets are %s", w.Name, name, strings.Join(names, ", "))
	}
	if w.Format == FormatCSV {
		return w.readCSVGrid(opts)
	}
	return w.readXLSXGrid(info.Name, opts)
}

// strings reads the shared strings and the cell formats once.
func (w *Workbook) tables() error {
	if w.sstLoaded {
		return nil
	}
	var err error
	if w.sst, err = readSharedStrings(w.zr); err != nil {
		return invalid("%s: its shared strings (xl/sharedStrings.xml) cannot be read (%v): open the file in Excel or LibreOffice, save it again and import it again", w.Name, err)
	}
	if w.styles, err = readStyles(w.zr); err != nil {
		return invalid("%s: its styles (xl/styles.xml) cannot be read (%v): open the file in Excel or LibreOffice, save it again and import it again", w.Name, err)
	}
	w.sstLoaded = true
	return nil
}

// eachRow reads a sheet's part in one pass, calling row for each row with values (see
// sheetReader.read); a part cut short or damaged is an error.
func (w *Workbook) eachRow(sheet string, row func(num int, cells []string) bool) (*sheetLayout, error) {
	empty := &sheetLayout{}
	p, ok := w.parts[sheet]
	if !ok {
		return empty, nil
	}
	zf := findPart(w.zr, p)
	if zf == nil {
		return empty, nil
	}
	if err := w.tables(); err != nil {
		return empty, err
	}
	rc, err := zf.Open()
	if err != nil {
		return empty, invalid("%s: sheet %q cannot be read (its part %s is damaged): open the file in Excel or LibreOffice, save it again and import it again", w.Name, sheet, p)
	}
	defer rc.Close()
	sr := sheetReader{sst: w.sst, kinds: w.styles, date1904: w.date1904}
	ahead := newReadAhead(io.LimitReader(rc, MaxUnzippedSize))
	defer ahead.Close()
	lay, err := sr.read(ahead, row)
	var bad errBadSharedString
	switch {
	case errors.Is(err, errCutShort):
		return lay, invalid("%s: sheet %q is cut short (its XML ends early), so some rows would be missing: open the file in Excel or LibreOffice, save it again and import it again", w.Name, sheet)
	case errors.As(err, &bad):
		return lay, invalid("%s: sheet %q is damaged near row %d: it names text %d of the shared strings, which the workbook does not have; open it in Excel or LibreOffice, save it again and import it again", w.Name, sheet, bad.row, bad.index)
	case err != nil:
		return lay, invalid("%s: sheet %q is damaged (its part %s %v): open the file in Excel or LibreOffice, save it again and import it again", w.Name, sheet, p, partError(err))
	}
	return lay, nil
}

// partError says in words what archive/zip found wrong with a part read to its end.
func partError(err error) string {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "fails its checksum (CRC-32)"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return "does not unpack to the size its header declares"
	}
	return "has corrupt data: " + err.Error()
}

func (w *Workbook) readXLSXGrid(sheet string, opts ReadOptions) (*Grid, error) {
	g := &Grid{Sheet: sheet}
	b := gridBuilder{g: g, max: opts.MaxRows}
	var tooMany bool
	last := 0
	lay, err := w.eachRow(sheet, func(num int, cells []string) bool {
		if b.filled >= MaxSheetRows {
			tooMany = true
			return false
		}
		for n := max(last+1, num-10001); n < num; n++ { // the blank rows between (see gridBuilder)
			b.add(n, nil)
		}
		last = max(last, num)
		return b.add(num, slices.Clone(cells))
	})
	if tooMany {
		return nil, tooManyRows(w.Name, sheet)
	}
	if err != nil && !(b.g.Truncated && errors.Is(err, errCutShort)) {
		return nil, err
	}
	g.HiddenColumns, g.Merges = lay.hiddenCols, lay.merges
	b.finish()
	return g, nil
}

// gridBuilder appends rows to a grid, trimming trailing blanks and holding blank rows back
// until a row with values follows, so that bloated used ranges cost nothing.
type gridBuilder struct {
	g       *Grid
	max     int
	filled  int
	pending []int // numbers of blank rows not yet added
}

func (b *gridBuilder) add(num int, cells []string) bool {
	end := len(cells)
	for end > 0 && strings.TrimSpace(cells[end-1]) == "" {
		end--
	}
	if end == 0 {
		if len(b.g.Rows) > 0 && len(b.pending) < 10000 {
			b.pending = append(b.pending, num)
		}
		return true
	}
	if b.max > 0 && b.filled >= b.max {
		b.g.Truncated = true
		return false
	}
	for _, p := range b.pending {
		b.g.Rows = append(b.g.Rows, Row{Num: p})
	}
	b.pending = b.pending[:0]
	b.g.Rows = append(b.g.Rows, Row{Num: num, Cells: cells[:end:end]})
	if end > b.g.Width {
		b.g.Width = end
	}
	b.filled++
	return true
}

func (b *gridBuilder) finish() {
	b.pending = nil
	// keep hidden columns and merges within the data
	hc := b.g.HiddenColumns[:0]
	for _, c := range b.g.HiddenColumns {
		if c < b.g.Width {
			hc = append(hc, c)
		}
	}
	b.g.HiddenColumns = hc
	if len(b.g.Rows) > 0 {
		last := b.g.Rows[len(b.g.Rows)-1].Num
		ms := b.g.Merges[:0]
		for _, m := range b.g.Merges {
			if m.FirstRow <= last && m.FirstCol < b.g.Width {
				ms = append(ms, m)
			}
		}
		b.g.Merges = ms
	}
}

// Hidden reports whether the 0-based column is hidden in Excel.
func (g *Grid) Hidden(col int) bool {
	for _, c := range g.HiddenColumns {
		if c == col {
			return true
		}
	}
	return false
}

// RowIndex returns the index in g.Rows of Excel row num, or -1.
func (g *Grid) RowIndex(num int) int {
	lo, hi := 0, len(g.Rows)
	for lo < hi {
		m := (lo + hi) / 2
		if g.Rows[m].Num < num {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(g.Rows) && g.Rows[lo].Num == num {
		return lo
	}
	return -1
}
