package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// workbookInfo is what xl/workbook.xml says: the sheets in order, whether each is hidden,
// and the date system.
type workbookInfo struct {
	sheets   []SheetInfo
	date1904 bool
}

// readWorkbookInfo reads xl/workbook.xml.
func readWorkbookInfo(zr *zip.Reader) (workbookInfo, error) {
	var info workbookInfo
	err := scanPart(zr, "xl/workbook.xml", func(s *partScanner) error {
		for {
			tag, ok := s.next(nil)
			if !ok {
				return s.err
			}
			name, _ := tagName(tag)
			switch string(name) {
			case "sheet":
				n, _ := attrText(tag, "name")
				state, _ := attrValue(tag, "state")
				info.sheets = append(info.sheets, SheetInfo{Name: n, Hidden: string(state) == "hidden" || string(state) == "veryHidden"})
			case "workbookPr":
				v, _ := attrValue(tag, "date1904")
				info.date1904 = string(v) == "1" || string(v) == "true"
			case "/sheets":
				return nil
			}
		}
	})
	return info, err
}

// readStyles returns the rendering kind of each cell format (the index a cell's s
// attribute gives), from the number formats of xl/styles.xml; nil when there is none.
func readStyles(zr *zip.Reader) ([]cellKind, error) {
	if findPart(zr, "xl/styles.xml") == nil {
		return nil, nil
	}
	codes := map[int]string{}
	var kinds []cellKind
	err := scanPart(zr, "xl/styles.xml", func(s *partScanner) error {
		inXfs := false
		for {
			tag, ok := s.next(nil)
			if !ok {
				return s.err
			}
			name, _ := tagName(tag)
			switch string(name) {
			case "numFmt":
				id, _ := attrValue(tag, "numFmtId")
				code, _ := attrText(tag, "formatCode")
				codes[atoiBytes(id)] = code
			case "cellXfs":
				inXfs = true
			case "/cellXfs":
				return nil
			case "xf":
				if inXfs {
					v, _ := attrValue(tag, "numFmtId")
					id := max(atoiBytes(v), 0)
					kinds = append(kinds, classifyNumFmt(id, codes[id]))
				}
			}
		}
	})
	return kinds, err
}

// readSharedStrings reads xl/sharedStrings.xml: each item's text, its runs joined, its
// phonetic readings left out and Excel's _xHHHH_ escapes decoded, as excelize reads it.
func readSharedStrings(zr *zip.Reader) ([]string, error) {
	if findPart(zr, "xl/sharedStrings.xml") == nil {
		return nil, nil
	}
	var out []string
	err := scanPart(zr, "xl/sharedStrings.xml", func(s *partScanner) error {
		var text []byte
		inItem, inPhonetic := false, false
		for {
			tag, ok := s.next(nil)
			if !ok {
				return s.err
			}
			name, self := tagName(tag)
			switch string(name) {
			case "sst":
				if n := atoiBytes(attrOrNil(tag, "uniqueCount")); n > 0 && n < 1<<22 {
					out = make([]string, 0, n)
				}
			case "si":
				inItem, text = true, text[:0]
				if self {
					out = append(out, "")
					inItem = false
				}
			case "/si":
				out = append(out, unescapeOOXML(string(text)))
				inItem = false
			case "rPh":
				inPhonetic = !self
			case "/rPh":
				inPhonetic = false
			case "t":
				if inItem && !inPhonetic && !self {
					if _, ok := s.next(&text); !ok {
						return s.err
					}
				}
			case "/sst":
				return nil
			}
		}
	})
	return out, err
}

func attrOrNil(tag []byte, name string) []byte { v, _ := attrValue(tag, name); return v }

// scanPart runs fn over a part of the zip.
func scanPart(zr *zip.Reader, name string, fn func(s *partScanner) error) error {
	f := findPart(zr, name)
	if f == nil {
		return errors.New("missing part " + name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return fn(newPartScanner(io.LimitReader(rc, MaxUnzippedSize)))
}

// sheetReader reads a worksheet part row by row in one pass: every cell's text as the
// import sees it (shared and inline strings, numbers as Excel's General format shows them,
// dates, times, percentages and booleans rendered by cellKind), hidden columns and merges.
type sheetReader struct {
	sst      []string
	kinds    []cellKind // by cell format index
	date1904 bool
	intern   map[string]string // repeated short texts share one string
}

// maxInterned bounds the texts sheetReader keeps to share.
const maxInterned = 20000

// cellRaw is a cell being read.
type cellRaw struct {
	col    int
	typ    []byte
	style  int
	v      []byte
	inline []byte
	hasIs  bool
}

// errBadSharedString is a cell pointing outside the shared-strings table.
type errBadSharedString struct{ row, index int }

func (e errBadSharedString) Error() string {
	return fmt.Sprintf("row %d names shared string %d, which the workbook does not have", e.row, e.index)
}

// read calls row for each row element with cells (num is its Excel row number, cells its
// texts by 0-based column, valid until the next call); row returns false to stop early.
// A part that ends before </worksheet> gives errCutShort.
func (sr *sheetReader) read(r io.Reader, row func(num int, cells []string) bool) (*sheetLayout, error) {
	s := newPartScanner(r)
	lay := &sheetLayout{}
	var cells []string
	var c cellRaw
	inCell, inIs, inPhonetic, stopped := false, false, false, false
	num, col := 0, 0
	flush := func() bool {
		if len(cells) == 0 || stopped {
			cells = cells[:0]
			return !stopped
		}
		if !row(num, cells) {
			stopped = true
		}
		cells = cells[:0]
		return !stopped
	}
	for {
		tag, ok := s.next(nil)
		if !ok {
			if s.err != nil {
				return lay, s.err
			}
			if stopped {
				return lay, nil
			}
			return lay, errCutShort
		}
		name, self := tagName(tag)
		switch string(name) {
		case "row":
			if !flush() {
				return lay, nil
			}
			if v, ok := attrValue(tag, "r"); ok {
				if n := atoiBytes(v); n > 0 {
					num = n
				} else {
					num++
				}
			} else {
				num++
			}
			col = 0
		case "/row":
			if !flush() {
				return lay, nil
			}
		case "c":
			c = cellRaw{typ: c.typ[:0], v: c.v[:0], inline: c.inline[:0]}
			if ref, ok := attrValue(tag, "r"); ok {
				cc, rr := splitRefBytes(ref)
				if cc > 0 {
					col = cc
				} else {
					col++
				}
				if rr > 0 && rr != num {
					if !flush() {
						return lay, nil
					}
					num = rr
				}
			} else {
				col++
			}
			c.col = col
			if t, ok := attrValue(tag, "t"); ok {
				c.typ = append(c.typ, t...)
			}
			if v, ok := attrValue(tag, "s"); ok {
				c.style = atoiBytes(v)
			}
			inCell = !self
		case "/c":
			if inCell {
				if err := sr.place(&cells, &c, num); err != nil {
					return lay, err
				}
			}
			inCell, inIs = false, false
		case "v":
			if inCell && !self {
				if _, ok := s.next(&c.v); !ok {
					return lay, cutOr(s)
				}
			}
		case "is":
			inIs, c.hasIs = inCell && !self, inCell
		case "/is":
			inIs = false
		case "rPh":
			inPhonetic = !self
		case "/rPh":
			inPhonetic = false
		case "t":
			if inIs && !inPhonetic && !self {
				if _, ok := s.next(&c.inline); !ok {
					return lay, cutOr(s)
				}
			}
		case "col":
			if h, _ := attrValue(tag, "hidden"); string(h) == "1" || string(h) == "true" {
				lo, hi := atoiBytes(attrOrNil(tag, "min")), atoiBytes(attrOrNil(tag, "max"))
				if lo >= 1 && hi >= lo && hi <= 16384 {
					if hi-lo > 256 {
						hi = lo + 256 // a whole hidden tail of the sheet; the first columns suffice
					}
					for c := lo; c <= hi; c++ {
						lay.hiddenCols = append(lay.hiddenCols, c-1)
					}
				}
			}
		case "mergeCell":
			if ref, ok := attrText(tag, "ref"); ok {
				a, b, _ := strings.Cut(ref, ":")
				c1, r1 := splitRef(a)
				c2, r2 := splitRef(b)
				if b == "" {
					c2, r2 = c1, r1
				}
				if c1 > 0 && r1 > 0 && c2 >= c1 && r2 >= r1 {
					lay.merges = append(lay.merges, Merge{FirstRow: r1, LastRow: r2, FirstCol: c1 - 1, LastCol: c2 - 1})
				}
			}
		case "/sheetData":
			if !flush() {
				return lay, nil
			}
		case "/worksheet":
			flush()
			return lay, nil
		}
	}
}

// cutOr is the scanner's read error, or errCutShort when the part simply ended.
func cutOr(s *partScanner) error {
	if s.err != nil {
		return s.err
	}
	return errCutShort
}

// place renders a finished cell and puts it at its column.
func (sr *sheetReader) place(cells *[]string, c *cellRaw, row int) error {
	var raw string
	k := kindPlain
	switch string(c.typ) {
	case "s":
		idx := atoiBytes(c.v)
		if len(bytes.TrimSpace(c.v)) == 0 {
			return nil
		}
		if idx < 0 || idx >= len(sr.sst) {
			return errBadSharedString{row, idx}
		}
		raw = sr.sst[idx]
	case "inlineStr":
		if c.hasIs {
			raw = unescapeOOXML(sr.text(c.inline))
		} else {
			raw = sr.text(c.v)
		}
	case "b":
		raw, k = sr.text(c.v), kindBool
	case "", "n":
		if len(c.v) == 0 {
			return nil
		}
		if c.style > 0 && c.style < len(sr.kinds) {
			k = sr.kinds[c.style]
		}
		if k == kindPlain && needsGeneral(c.v) {
			k = kindNumber
		}
		raw = sr.text(c.v)
	default: // "str" (a formula's text), "e" (an error such as #N/A), "d" (an ISO 8601 date)
		raw = sr.text(c.v)
	}
	if raw == "" {
		return nil
	}
	if k != kindPlain {
		raw = renderCell(raw, k, sr.date1904)
	}
	if c.col > 16384 {
		return nil
	}
	for len(*cells) < c.col-1 {
		*cells = append(*cells, "")
	}
	if len(*cells) >= c.col {
		(*cells)[c.col-1] = raw // a column written twice: the last one counts
		return nil
	}
	*cells = append(*cells, raw)
	return nil
}

// text makes a string of b, sharing the ones already seen when they are short.
func (sr *sheetReader) text(b []byte) string {
	if len(b) > 40 {
		return string(b)
	}
	if s, ok := sr.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	if sr.intern == nil {
		sr.intern = map[string]string{}
	}
	if len(sr.intern) < maxInterned {
		sr.intern[s] = s
	}
	return s
}

// splitRefBytes is splitRef on bytes, without allocating.
func splitRefBytes(ref []byte) (col, row int) {
	i := 0
	for i < len(ref) {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		i++
		if col > 16384 {
			return 0, 0
		}
	}
	if i < len(ref) {
		rest := ref[i:]
		for len(rest) > 0 && rest[0] == '$' {
			rest = rest[1:]
		}
		row = max(atoiBytes(rest), 0)
	}
	return col, row
}
