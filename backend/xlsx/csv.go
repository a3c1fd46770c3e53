package xlsx

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Dialect is what the CSV reader found out about a text file.
type Dialect struct {
	Delimiter string `json:"delimiter"` // ",", ";" or "\t"
	Encoding  string `json:"encoding"`  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "windows-1252"
}

// MaxCSVSize is the largest CSV file imported, in bytes; larger ones are refused before
// they are read. Measured on an 8-column requirements register (160 bytes a row): 100 MB
// is 625,000 rows, read in 4.5 s at a 460 MB peak and planned at a 1.7 GB peak (15.6 MB,
// 100,000 rows: 87 MB and 360 MB), where a 1,000,000-row file took 4.8 GB before.
const MaxCSVSize = 100 << 20

func openCSV(base string, r io.ReaderAt, size int64) (*Workbook, error) {
	if size > MaxCSVSize {
		return nil, invalid("%s is too large to import: %d MB, and the limit for a CSV file is %d MB: split it into several files and import them one by one", base, size>>20, MaxCSVSize>>20)
	}
	raw, err := io.ReadAll(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, invalid("%s cannot be read: %v", base, err)
	}
	text, enc, bad := decodeText(raw)
	d := &Dialect{Delimiter: string(detectDelimiter(text)), Encoding: enc}
	name := strings.TrimSuffix(base, fileExt(base))
	wb := &Workbook{Name: base, Format: FormatCSV, Sheets: []SheetInfo{{Name: name}}, Dialect: d, csvData: text}
	if len(bad) > 0 {
		return nil, wb.badBytes(bad)
	}
	return wb, nil
}

func fileExt(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}

// decodeText turns the bytes of a text file into UTF-8: a UTF-8 or UTF-16 byte order mark
// is honoured and removed. Text without a mark that is not valid UTF-8 is read as
// Windows-1252 (what Excel writes for "CSV" on western Windows) unless it is UTF-8 with a
// few bad bytes: then each bad byte becomes U+FFFD and bad lists where, as offsets into
// the text returned, for the caller to refuse the file. UTF-8 text is returned as is,
// without a copy.
func decodeText(b []byte) (text []byte, enc string, bad []int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		text, bad = utf8Text(b[3:])
		return text, "utf-8-bom", bad
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return []byte(decodeUTF16(b[2:], false)), "utf-16le", nil
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return []byte(decodeUTF16(b[2:], true)), "utf-16be", nil
	}
	if utf8.Valid(b) {
		return b, "utf-8", nil
	}
	if looksUTF8(b) {
		text, bad = utf8Text(b)
		return text, "utf-8", bad
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		if c >= 0x80 && c < 0xA0 {
			out = utf8.AppendRune(out, cp1252[c-0x80])
		} else {
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return out, "windows-1252", nil
}

// looksUTF8 reports whether text that is not valid UTF-8 is still meant as UTF-8: it has
// at least as many well-formed multi-byte sequences as bad bytes. Windows-1252 text
// almost never has any (an accented letter would have to be followed by one of the
// symbols in 0x80-0xBF).
func looksUTF8(b []byte) bool {
	multi, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			multi++
		}
		i += n
	}
	return multi > 0 && multi >= invalid
}

// utf8Text returns b with each byte that is not part of valid UTF-8 replaced by U+FFFD,
// and the offsets of those replacements in the result.
func utf8Text(b []byte) ([]byte, []int) {
	if utf8.Valid(b) {
		return b, nil
	}
	out := make([]byte, 0, len(b)+16)
	var bad []int
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad = append(bad, len(out))
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out, bad
}

// badBytes is the error for a UTF-8 file with bytes that are not UTF-8 (at the offsets
// bad of the decoded text): it names the row and column of each (the first ten).
func (w *Workbook) badBytes(bad []int) error {
	const most = 10
	var places []string
	seen := map[string]bool{}
	lineStarts := []int{0}
	for i, c := range w.csvData {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	next := 0 // the first offset of bad not yet placed
	err := w.eachCSVRecord(func(num int, rec []string, cr *csv.Reader, end int64) bool {
		for next < len(bad) && int64(bad[next]) < end {
			col := 0
			for i := range rec {
				line, c := cr.FieldPos(i)
				if line-1 < len(lineStarts) && lineStarts[line-1]+c-1 <= bad[next] {
					col = i
				}
			}
			place := "row " + strconv.Itoa(num) + " column " + ColumnLetter(col)
			if !seen[place] && len(places) < most {
				seen[place] = true
				places = append(places, place)
			}
			next++
		}
		return next < len(bad)
	})
	if err != nil {
		return err
	}
	n := thousands(int64(len(bad)))
	what := n + " bytes that are"
	if len(bad) == 1 {
		what = "a byte that is"
	}
	more := ""
	if len(bad) > most && len(places) == most {
		more = " and further on"
	}
	list := strings.Join(places, ", ")
	if more == "" && len(places) > 1 {
		list = strings.Join(places[:len(places)-1], ", ") + " and " + places[len(places)-1]
	}
	return invalid("%s is UTF-8 text with %s not valid UTF-8, at %s%s: each would be imported as \"\uFFFD\", so the file is refused; correct those cells (or save the file again as \"CSV UTF-8\") and import it again",
		w.Name, what, list, more)
}

var cp1252 = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// detectDelimiter picks among ',', ';' and tab the delimiter whose count per record is the
// most consistent (and non-zero) over the first records, counting outside double quotes.
func detectDelimiter(text []byte) rune {
	cands := []rune{',', ';', '\t'}
	const maxLines = 30
	counts := make([][]int, len(cands))
	for i := range counts {
		counts[i] = []int{0}
	}
	inQuote := false
	lines := 0
	for _, c := range string(text) { // no copy: the compiler ranges over the bytes
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if c == '\n' {
			lines++
			if lines >= maxLines {
				break
			}
			for i := range counts {
				counts[i] = append(counts[i], 0)
			}
			continue
		}
		for i, d := range cands {
			if c == d {
				counts[i][len(counts[i])-1]++
			}
		}
	}
	best, bestScore := ',', -1.0
	for i, cs := range counts {
		// the most frequent non-zero count is the number of delimiters of a record;
		// title lines above the table have none and do not count against it
		freq := map[int]int{}
		mode := 0
		for _, n := range cs {
			if n > 0 {
				freq[n]++
				if freq[n] > freq[mode] || (freq[n] == freq[mode] && n > mode) {
					mode = n
				}
			}
		}
		if mode == 0 {
			continue
		}
		score := float64(freq[mode])/float64(len(cs))*100 + float64(min(mode, 50))/100
		if score > bestScore {
			best, bestScore = cands[i], score
		}
	}
	return best
}

func (w *Workbook) readCSVGrid(opts ReadOptions) (*Grid, error) {
	g := &Grid{Sheet: w.Sheets[0].Name}
	b := gridBuilder{g: g, max: opts.MaxRows}
	var tooMany bool
	err := w.eachCSVRecord(func(num int, rec []string, _ *csv.Reader, _ int64) bool {
		if b.filled >= MaxSheetRows {
			tooMany = true
			return false
		}
		return b.add(num, rec)
	})
	if err != nil {
		return nil, err
	}
	if tooMany {
		return nil, tooManyRows(w.Name, g.Sheet)
	}
	b.finish()
	return g, nil
}

// eachCSVRecord reads the CSV text record by record, calling fn with the record's row
// number as Excel would show it, the reader (for FieldPos) and the offset of the record's
// end in the text, until fn returns false.
func (w *Workbook) eachCSVRecord(fn func(num int, rec []string, cr *csv.Reader, end int64) bool) error {
	cr := csv.NewReader(bytes.NewReader(w.csvData))
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	if w.Dialect != nil && w.Dialect.Delimiter != "" {
		cr.Comma = []rune(w.Dialect.Delimiter)[0]
	}
	// Excel shows one row per record and per blank line: count both
	num, nextLine := 0, 1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(err, csv.ErrFieldCount) {
				return invalid("%s: line %d cannot be read as CSV: %v", w.Name, pe.Line, pe.Err)
			}
			return invalid("%s cannot be read as CSV: %v", w.Name, err)
		}
		start, _ := cr.FieldPos(0)
		num += 1 + max(0, start-nextLine)
		nextLine = start + 1
		for i, f := range rec {
			rec[i] = strings.ReplaceAll(f, "\r\n", "\n")
			nextLine += strings.Count(rec[i], "\n")
		}
		if !fn(num, rec, cr, cr.InputOffset()) {
			return nil
		}
	}
}
