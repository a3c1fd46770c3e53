package xlsx

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Column is one column of a header: its 0-based index, Excel letter and folded name.
type Column struct {
	Index  int    `json:"index"`
	Letter string `json:"letter"`
	Name   string `json:"name"`
	Hidden bool   `json:"hidden,omitempty"`
}

// Header is the header of a table on a sheet.
type Header struct {
	Row         int      `json:"row"`         // Excel row number of the (first) header row, 1-based
	Rows        int      `json:"rows"`        // 1, or 2 or 3 for a header with group bands above it
	FirstColumn int      `json:"firstColumn"` // 0-based index of the first column of the table
	Columns     []Column `json:"columns"`     // from FirstColumn to the last named column
	// End is the Excel row number of the table's last row when a blank gap and rows of
	// another layout (a risk matrix, a legend) follow it; 0 when the table runs to the end.
	End int `json:"end,omitempty"`
	// Below counts the rows with values after End, left out of the table.
	Below int `json:"below,omitempty"`
}

// DataStart returns the Excel row number of the first row after the header.
func (h Header) DataStart() int { return h.Row + h.Rows }

// Names returns the columns' names.
func (h Header) Names() []string {
	out := make([]string, len(h.Columns))
	for i, c := range h.Columns {
		out[i] = c.Name
	}
	return out
}

// Column returns the header column of 0-based sheet column index i.
func (h Header) Column(i int) (Column, bool) {
	for _, c := range h.Columns {
		if c.Index == i {
			return c, true
		}
	}
	return Column{}, false
}

const headerScanRows = 30

// DetectHeader finds the header of the table on a sheet: it skips titles, banners and
// blank rows, scores the first rows by how header-like they are (short, distinct text
// cells) and how well the rows below agree with them, and recognises a two-row header
// (a group band above the column names). It returns an *isms.Error (invalid) when the
// sheet has no table.
func DetectHeader(g *Grid) (Header, error) {
	width := 0
	var cand []int
	for i, r := range g.Rows {
		if len(cand) >= headerScanRows {
			break
		}
		if !r.Empty() {
			cand = append(cand, i)
			width = max(width, filledCount(r))
		}
	}
	if len(cand) == 0 {
		return Header{}, invalid("sheet %q has no values: choose the sheet that holds the register", g.Sheet)
	}
	best, bestScore := -1, 0.0
	for k, i := range cand {
		s := headerScore(g, cand, k, width)
		if s > bestScore+1e-9 {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return Header{}, invalid("sheet %q has no header row that names its columns: choose the header row", g.Sheet)
	}
	top, bottom := best, best
	// group bands above the column names (up to two), or the best row is itself a band
	for best-top < MaxHeaderRows-1 {
		up := top - 1
		if up < 0 || g.Rows[up].Empty() || g.Rows[up].Num != g.Rows[top].Num-1 || !isBand(g, up, top, width) || (top < best && hasLong(g.Rows[up])) {
			break
		}
		top = up
	}
	for top == best && bottom-top < MaxHeaderRows-1 {
		down := bottom + 1
		if down >= len(g.Rows) || g.Rows[down].Num != g.Rows[bottom].Num+1 || !isBand(g, bottom, down, width) || (bottom > best && hasLong(g.Rows[down])) {
			break
		}
		bottom = down
	}
	h := buildHeader(g, top, bottom-top+1)
	h.markEnd(g)
	return h, nil
}

// MaxHeaderRows is the most rows a header can span: column names under up to two bands.
const MaxHeaderRows = 3

// HeaderAt builds the header the user chose: Excel row number row, over rows rows (1 to 3).
func HeaderAt(g *Grid, row, rows int) (Header, error) {
	if rows < 1 || rows > MaxHeaderRows {
		rows = 1
	}
	i := g.RowIndex(row)
	if i < 0 || g.Rows[i].Empty() {
		return Header{}, invalid("row %d of sheet %q is empty: it cannot be the header row", row, g.Sheet)
	}
	for rows > 1 && (i+rows-1 >= len(g.Rows) || g.Rows[i+rows-1].Num != row+rows-1) {
		rows--
	}
	h := buildHeader(g, i, rows)
	h.markEnd(g)
	return h, nil
}

// hasLong reports whether a row has a long text cell: data, not a header's third row.
func hasLong(r Row) bool {
	for _, c := range r.Cells {
		if _, long, _ := headerLike(c); long {
			return true
		}
	}
	return false
}

func filledCount(r Row) int {
	n := 0
	for _, c := range r.Cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// headerLike classifies a cell: short text scores, numbers, dates and long text do not.
func headerLike(c string) (short, long, numeric bool) {
	t := strings.TrimSpace(c)
	if t == "" {
		return
	}
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return false, false, true
	}
	if len(t) >= 10 && t[4] == '-' && t[7] == '-' && t[0] >= '0' && t[0] <= '9' {
		return false, false, true
	}
	if utf8.RuneCountInString(t) > 60 || strings.Count(t, "\n") > 3 {
		return false, true, false
	}
	return true, false, false
}

var (
	headerNames     map[string]bool
	headerNamesOnce sync.Once
)

// knownHeader reports whether a cell is, as it is written, a column name of some kind's
// register (one of its fields' names): data cells seldom are, so rows of short words
// (Likely | Major | Reduce | Open) do not pass for the header above them.
func knownHeader(c string) bool {
	headerNamesOnce.Do(func() {
		headerNames = map[string]bool{}
		for _, k := range Kinds() {
			fields, _ := Fields(k)
			for _, f := range fields {
				for _, syn := range f.Synonyms {
					if n := headerWords(syn); len(n) > 3 {
						headerNames[n] = true
					}
				}
			}
		}
	})
	return headerNames[headerWords(c)]
}

// isFirstOfMonth reports whether a cell is a date on the first of a month (2024-03-01).
func isFirstOfMonth(c string) bool {
	t := strings.TrimSpace(c)
	return len(t) == 10 && t[4] == '-' && t[7] == '-' && strings.HasSuffix(t, "-01") && t[0] >= '0' && t[0] <= '9'
}

// monthColumns reports whether a row names months as its columns: three distinct dates or
// more, each the first of its month, as a tracker with one column per month has above them.
func monthColumns(r Row) bool {
	seen := map[string]bool{}
	for _, c := range r.Cells {
		if isFirstOfMonth(c) {
			seen[strings.TrimSpace(c)] = true
		}
	}
	return len(seen) >= 3
}

func headerScore(g *Grid, cand []int, k, width int) float64 {
	r := g.Rows[cand[k]]
	n := filledCount(r)
	if n == 0 || (n == 1 && width >= 3) {
		return 0
	}
	var short, digits, long, num, codes int
	seen := map[string]bool{}
	codeSeen := map[string]bool{}
	all := map[string]bool{}
	cols := map[int]bool{}
	months := monthColumns(r)
	known := 0 // cells that are the name of a field of some register ("Risk owner", "Likelihood")
	for i, c := range r.Cells {
		s, l, nu := headerLike(c)
		if s && knownHeader(c) {
			known++
		}
		if months && isFirstOfMonth(c) {
			s, nu = true, false // a tracker's month columns (2024-01-01 | 2024-02-01 | …) are names
		}
		if t := strings.ToLower(foldSpace(c)); t != "" {
			all[t] = true
		}
		switch {
		case s && isCode(c):
			codes++ // "A.5.1", "GV.OC-01": the columns of a matrix, or the references of a row
			codeSeen[strings.ToLower(strings.TrimSpace(c))] = true
			digits++
		case s && strings.ContainsAny(c, "0123456789@"):
			digits++ // "R-1", "Art. 32", an e-mail: more like data than a column name
		case s:
			short++
			seen[strings.ToLower(foldSpace(c))] = true
		}
		if l {
			long++
		}
		if nu {
			num++
		}
		if strings.TrimSpace(c) != "" {
			cols[i] = true
		}
	}
	if short+digits < 2 && width >= 2 {
		return 0
	}
	score := float64(short)*2 + float64(digits)*0.5 + float64(len(seen)) - float64(long)*2 - float64(num)*3 + float64(known)
	// A matrix names its columns with distinct codes (A.5.1 | A.5.2 | …) and fills them
	// with marks that repeat (x, x, ✓): distinct codes count as names, repeats against.
	if codes >= 3 && len(codeSeen) == codes {
		score += float64(codes)
	}
	score -= 1.5 * float64(n-len(all))
	// agreement: the rows below put their values under this row's columns
	var cover float64
	below := 0
	for j := k + 1; j < len(cand) && below < 8; j++ {
		rr := g.Rows[cand[j]]
		in, all := 0, 0
		for i, c := range rr.Cells {
			if strings.TrimSpace(c) == "" {
				continue
			}
			all++
			if cols[i] || cols[i-1] || cols[i+1] {
				in++
			}
		}
		if all > 0 {
			cover += float64(in) / float64(all)
			below++
		}
	}
	if below == 0 {
		return score * 0.3
	}
	score *= 0.3 + cover/float64(below)
	return score - float64(k)*0.01
}

// isBand reports whether row up is a group band over row low (a two-row header): it has
// merged or sparse cells, it is not a title over the whole table, and row low fills
// columns that row up leaves empty or spans with a merge.
func isBand(g *Grid, up, low, width int) bool {
	u, l := g.Rows[up], g.Rows[low]
	nu, nl := filledCount(u), filledCount(l)
	if nu == 0 || nl < 2 {
		return false
	}
	for _, c := range u.Cells {
		if _, long, num := headerLike(c); num || (long && nu == 1) {
			return false
		}
	}
	for _, c := range l.Cells {
		if _, _, num := headerLike(c); num {
			return false
		}
	}
	wide := false
	for _, m := range g.Merges {
		if m.FirstRow == u.Num && m.LastRow == u.Num && m.LastCol > m.FirstCol {
			if m.LastCol-m.FirstCol+1 >= max(width, 3)*9/10 && nu == 1 {
				return false // a title over the whole table
			}
			wide = true
		}
	}
	completes := 0
	for i, c := range l.Cells {
		if strings.TrimSpace(c) != "" && strings.TrimSpace(u.Cell(i)) == "" && !coveredByMerge(g, u.Num, i) {
			completes++
		}
	}
	if wide {
		return true
	}
	// Without merges: the band is sparse and the lower row fills its gaps. A single filled
	// cell is a title or subtitle ("Version 3", "Owner: ISMS Manager"), not a band.
	return nu >= 2 && nu < nl && completes >= 1 && completes*2 >= nl-1
}

func coveredByMerge(g *Grid, row, col int) bool {
	for _, m := range g.Merges {
		if m.FirstRow <= row && row <= m.LastRow && m.FirstCol <= col && col <= m.LastCol {
			return true
		}
	}
	return false
}

// mergeValue returns the value shown at (row, col): the cell's own, or the top-left value
// of a merge covering it.
func mergeValue(g *Grid, rowIdx, col int) string {
	r := g.Rows[rowIdx]
	if v := r.Cell(col); strings.TrimSpace(v) != "" {
		return v
	}
	for _, m := range g.Merges {
		if m.FirstRow <= r.Num && r.Num <= m.LastRow && m.FirstCol <= col && col <= m.LastCol {
			if i := g.RowIndex(m.FirstRow); i >= 0 {
				return g.Rows[i].Cell(m.FirstCol)
			}
		}
	}
	return ""
}

func buildHeader(g *Grid, top, rows int) Header {
	h := Header{Row: g.Rows[top].Num, Rows: rows}
	width := 0
	for k := 0; k < rows; k++ {
		width = max(width, len(g.Rows[top+k].Cells))
	}
	names := make([]string, width)
	first := -1
	for c := 0; c < width; c++ {
		var parts []string
		for k := 0; k < rows; k++ {
			v := foldSpace(mergeValue(g, top+k, c))
			if v == "" && k < rows-1 && !coveredByMerge(g, g.Rows[top+k].Num, c) && lowerHas(g, top+k, rows-k-1, c) {
				// CSV or unmerged band: a band cell reaches right over the empty cells
				for p := c - 1; p >= 0; p-- {
					if coveredByMerge(g, g.Rows[top+k].Num, p) {
						break // a merged band cell reaches as far as its merge, no further
					}
					if b := foldSpace(g.Rows[top+k].Cell(p)); b != "" {
						if lowerHas(g, top+k, rows-k-1, p) {
							v = b
						}
						break
					}
				}
			}
			if v != "" && (len(parts) == 0 || parts[len(parts)-1] != v) {
				parts = append(parts, v)
			}
		}
		name := strings.Join(parts, " ")
		names[c] = name
		if name != "" && first < 0 {
			first = c
		}
	}
	if first < 0 {
		first = 0
	}
	h.FirstColumn = first
	last := len(names) - 1
	for last > first && names[last] == "" {
		last--
	}
	used := map[string]int{}
	for c := first; c <= last; c++ {
		name := names[c]
		if name == "" {
			name = "Column " + ColumnLetter(c)
		}
		key := strings.ToLower(name)
		used[key]++
		if n := used[key]; n > 1 {
			name += " (" + strconv.Itoa(n) + ")"
		}
		h.Columns = append(h.Columns, Column{Index: c, Letter: ColumnLetter(c), Name: name, Hidden: g.Hidden(c)})
	}
	return h
}

// lowerHas reports whether one of the n header rows below row index i has its own value
// in column c.
func lowerHas(g *Grid, i, n, c int) bool {
	for k := 1; k <= n; k++ {
		if foldSpace(g.Rows[i+k].Cell(c)) != "" {
			return true
		}
	}
	return false
}

func mergeSpansRows(g *Grid, row, col int) bool {
	for _, m := range g.Merges {
		if m.FirstRow == row && m.LastRow > row && m.FirstCol <= col && col <= m.LastCol {
			return true
		}
	}
	return false
}

// DataRows returns the rows after the header that have a value in one of the header's
// columns, up to the table's end (see End).
func (h Header) DataRows(g *Grid) []Row {
	out := make([]Row, 0, len(g.Rows))
	for _, r := range g.Rows {
		if r.Num < h.DataStart() {
			continue
		}
		if h.End > 0 && r.Num > h.End {
			break
		}
		if h.rowHasData(r) {
			out = append(out, r)
		}
	}
	return out
}

func (h Header) rowHasData(r Row) bool {
	for _, c := range h.Columns {
		if strings.TrimSpace(r.Cell(c.Index)) != "" {
			return true
		}
	}
	return false
}
