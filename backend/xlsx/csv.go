package xlsx

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Dialect is what the CSV reader found out about a text file.
type Dialect struct {
	Delimiter string `json:"delimiter"` // ",", ";" or "\t"
	Encoding  string `json:"encoding"`  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "windows-1252"
}

func openCSV(base string, r io.ReaderAt, size int64) (*Workbook, error) {
	raw, err := io.ReadAll(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, invalid("%s cannot be read: %v", base, err)
	}
	text, enc := decodeText(raw)
	d := &Dialect{Delimiter: string(detectDelimiter(text)), Encoding: enc}
	name := strings.TrimSuffix(base, fileExt(base))
	return &Workbook{Name: base, Format: FormatCSV, Sheets: []SheetInfo{{Name: name}}, Dialect: d, csvData: []byte(text)}, nil
}

func fileExt(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}

// decodeText turns the bytes of a text file into UTF-8: a UTF-8 or UTF-16 byte order mark
// is honoured and removed; text that is not valid UTF-8 is read as Windows-1252, which is
// what Excel writes for "CSV" on western Windows.
func decodeText(b []byte) (string, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return string(b[3:]), "utf-8-bom"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], false), "utf-16le"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], true), "utf-16be"
	}
	if utf8.Valid(b) {
		return string(b), "utf-8"
	}
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		if c >= 0x80 && c < 0xA0 {
			sb.WriteRune(cp1252[c-0x80])
		} else {
			sb.WriteRune(rune(c))
		}
	}
	return sb.String(), "windows-1252"
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
func detectDelimiter(text string) rune {
	cands := []rune{',', ';', '\t'}
	const maxLines = 30
	counts := make([][]int, len(cands))
	for i := range counts {
		counts[i] = []int{0}
	}
	inQuote := false
	lines := 0
	for _, c := range text {
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
	cr := csv.NewReader(bytes.NewReader(w.csvData))
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	if w.Dialect != nil && w.Dialect.Delimiter != "" {
		cr.Comma = []rune(w.Dialect.Delimiter)[0]
	}
	g := &Grid{Sheet: w.Sheets[0].Name}
	b := gridBuilder{g: g, max: opts.MaxRows}
	// Excel shows one row per record and per blank line: count both
	num, nextLine := 0, 1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(err, csv.ErrFieldCount) {
				return nil, invalid("%s: line %d cannot be read as CSV: %v", w.Name, pe.Line, pe.Err)
			}
			return nil, invalid("%s cannot be read as CSV: %v", w.Name, err)
		}
		start, _ := cr.FieldPos(0)
		num += 1 + max(0, start-nextLine)
		nextLine = start + 1
		for i, f := range rec {
			rec[i] = strings.ReplaceAll(f, "\r\n", "\n")
			nextLine += strings.Count(rec[i], "\n")
		}
		if !b.add(num, rec) {
			break
		}
	}
	b.finish()
	return g, nil
}
