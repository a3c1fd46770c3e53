package xlsx

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
)

// Merge is a merged range of a sheet: Excel row numbers (1-based) and column indexes (0-based).
type Merge struct {
	FirstRow int `json:"firstRow"`
	LastRow  int `json:"lastRow"`
	FirstCol int `json:"firstCol"`
	LastCol  int `json:"lastCol"`
}

// sheetLayout is what the excelize row iterator does not tell: the rendering kind of
// each styled cell, hidden columns and merged ranges.
type sheetLayout struct {
	kinds      map[int64]cellKind // key: row<<16 | col (both 1-based); only non-plain cells
	hiddenCols []int              // 0-based
	merges     []Merge
}

func cellKey(row, col int) int64 { return int64(row)<<16 | int64(col) }

// sheetParts maps sheet names to their part paths in the zip, from xl/workbook.xml and
// its relationships.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			out[s.Name] = t
		}
	}
	return out, nil
}

func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), name) {
			return f
		}
	}
	return nil
}

func decodePart(zr *zip.Reader, name string, v any) error {
	f := findPart(zr, name)
	if f == nil {
		return errors.New("missing part " + name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v)
}

// scanSheet reads a worksheet part with a byte scanner (no XML tree) and collects the
// cells whose style is a date, time or percentage format, boolean cells, hidden columns
// and merges. classify maps a cell style index to a rendering kind.
func scanSheet(r io.Reader, classify func(style int) cellKind) (*sheetLayout, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	lay := &sheetLayout{kinds: map[int64]cellKind{}}
	row, col := 0, 0
	var attrs, text []byte
	numeric := false // the current cell holds a plain number: its <v> is looked at
	atTag := false   // the '<' of the next tag is already read
	for {
		if !atTag {
			if err := skipPast(br, '<'); err != nil {
				return lay, endOfSheet(lay, err)
			}
		}
		atTag = false
		name, err := readName(br)
		if err != nil {
			return lay, endOfSheet(lay, err)
		}
		switch name {
		case "row", "c", "col", "mergeCell":
		case "v":
			if !numeric {
				continue
			}
			numeric = false
			if err := skipPast(br, '>'); err != nil {
				return lay, endOfSheet(lay, err)
			}
			if text, err = readUntil(br, '<', text[:0]); err != nil {
				return lay, endOfSheet(lay, err)
			}
			atTag = true
			if v := text[:len(text)-1]; needsGeneral(v) {
				lay.kinds[cellKey(row, col)] = kindNumber
			}
			continue
		case "/worksheet":
			return lay, nil
		default:
			continue
		}
		attrs, err = readUntil(br, '>', attrs[:0])
		if err != nil {
			return lay, endOfSheet(lay, err)
		}
		numeric = false
		switch name {
		case "row":
			if v, ok := attr(attrs, "r"); ok {
				row, _ = strconv.Atoi(v)
			} else {
				row++
			}
			col = 0
		case "c":
			if ref, ok := attr(attrs, "r"); ok {
				c, r := splitRef(ref)
				if c > 0 {
					col = c
				} else {
					col++
				}
				if r > 0 {
					row = r
				}
			} else {
				col++
			}
			k := kindPlain
			if t, _ := attr(attrs, "t"); t == "b" {
				k = kindBool
			} else if t == "" || t == "n" {
				if s, ok := attr(attrs, "s"); ok {
					if id, err := strconv.Atoi(s); err == nil && id > 0 {
						k = classify(id)
					}
				}
			}
			if k != kindPlain {
				lay.kinds[cellKey(row, col)] = k
			} else if t, _ := attr(attrs, "t"); (t == "" || t == "n") && !selfClosing(attrs) {
				numeric = true
			}
		case "col":
			if h, _ := attr(attrs, "hidden"); h == "1" || h == "true" {
				lo, _ := strconv.Atoi(attrOr(attrs, "min"))
				hi, _ := strconv.Atoi(attrOr(attrs, "max"))
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
			if ref, ok := attr(attrs, "ref"); ok {
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
		}
	}
}

// errCutShort says a worksheet part ends before its closing tag.
var errCutShort = errors.New("the sheet's XML ends early")

// endOfSheet turns the end of the part into an error when it came before </worksheet>.
func endOfSheet(lay *sheetLayout, err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return errCutShort
	}
	return err
}

// selfClosing reports whether a tag's attribute bytes (up to its '>') end with "/>".
func selfClosing(attrs []byte) bool {
	n := len(attrs)
	return n >= 2 && attrs[n-2] == '/'
}

// skipPast reads up to and including the byte b.
func skipPast(br *bufio.Reader, b byte) error {
	for {
		_, err := br.ReadSlice(b)
		if err == bufio.ErrBufferFull {
			continue
		}
		return err
	}
}

// readName reads an element name after '<' (without a namespace prefix). It stops after
// the first space, '>' or '/' and unreads '>' so that empty attribute lists still parse.
func readName(br *bufio.Reader) (string, error) {
	var buf [32]byte
	n := 0
	closing := false
	name := func() string {
		if closing {
			return "/" + string(buf[:n])
		}
		return string(buf[:n])
	}
	for {
		c, err := br.ReadByte()
		if err != nil {
			return "", err
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			return name(), nil
		case '/':
			if n == 0 && !closing {
				closing = true // a closing tag: its name is returned as "/name"
				continue
			}
			_ = br.UnreadByte()
			return name(), nil
		case '>':
			_ = br.UnreadByte()
			return name(), nil
		case ':':
			n = 0 // drop the namespace prefix
			continue
		}
		if n == len(buf) {
			return "", nil // a long name is nothing we look for; read on
		}
		buf[n] = c
		n++
	}
}

func readUntil(br *bufio.Reader, b byte, dst []byte) ([]byte, error) {
	for {
		s, err := br.ReadSlice(b)
		dst = append(dst, s...)
		if err == bufio.ErrBufferFull {
			if len(dst) > 1<<20 {
				return dst, errors.New("tag too long")
			}
			continue
		}
		return dst, err
	}
}

// attr finds name="value" in a tag's attribute bytes.
func attr(attrs []byte, name string) (string, bool) {
	s := attrs
	for len(s) > 0 {
		i := 0
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
			i++
		}
		s = s[i:]
		eq := indexByte(s, '=')
		if eq < 0 {
			return "", false
		}
		key := strings.TrimSpace(string(s[:eq]))
		if j := strings.LastIndexByte(key, ':'); j >= 0 {
			key = key[j+1:]
		}
		s = s[eq+1:]
		for len(s) > 0 && s[0] == ' ' {
			s = s[1:]
		}
		if len(s) == 0 || (s[0] != '"' && s[0] != '\'') {
			return "", false
		}
		q := s[0]
		end := indexByte(s[1:], q)
		if end < 0 {
			return "", false
		}
		val := s[1 : 1+end]
		s = s[end+2:]
		if key == name {
			return string(val), true
		}
	}
	return "", false
}

func attrOr(attrs []byte, name string) string { v, _ := attr(attrs, name); return v }

func indexByte(s []byte, b byte) int {
	for i, c := range s {
		if c == b {
			return i
		}
	}
	return -1
}

// splitRef splits "AB12" into the 1-based column 28 and row 12; zero for a missing part.
func splitRef(ref string) (col, row int) {
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
	}
	if i < len(ref) {
		row, _ = strconv.Atoi(strings.TrimLeft(ref[i:], "$"))
	}
	if col > 16384 {
		col = 0
	}
	return col, row
}

// ColumnLetter returns the Excel letter of a 0-based column index: 0 is "A", 27 is "AB".
func ColumnLetter(i int) string {
	if i < 0 {
		return ""
	}
	var b []byte
	for n := i + 1; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// ColumnIndex returns the 0-based index of an Excel column letter ("A" is 0), or -1.
func ColumnIndex(letter string) int {
	c, r := splitRef(strings.TrimSpace(letter))
	if c == 0 || r != 0 || len(strings.TrimSpace(letter)) > 3 {
		return -1
	}
	return c - 1
}
