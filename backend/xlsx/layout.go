package xlsx

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads the layouts of registers that are not one record per row under one
// header: ids written at the start of the text, records spread over several rows,
// tables that end above a matrix or a legend, header rows repeated inside the table.

// ConfidenceSplit marks the reference and title read from one column whose cells start
// with an id ("GV.OC-01: The organisation's mission …").
const ConfidenceSplit = "split"

// SplitID splits an id written at the start of a text from the rest: "GV.OC-01: The
// mission is understood" gives "GV.OC-01" and "The mission is understood", "AC-2 Account
// Management" gives "AC-2" and "Account Management". The id is one token of letters,
// digits and . - _ / ( ) [ ] with at least one digit and one letter or separator (a plain
// number is not an id), followed by a colon, a dash or a space, then text.
func SplitID(s string) (id, rest string, ok bool) {
	t := strings.TrimSpace(s)
	end := 0
	for end < len(t) {
		c := t[end]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte("._-/()[]", c) >= 0 {
			end++
			continue
		}
		break
	}
	if end == 0 || end == len(t) {
		return "", "", false
	}
	id = strings.TrimRight(t[:end], ".-_/")
	if !isIDToken(id) {
		return "", "", false
	}
	after := t[end:]
	r, _ := utf8.DecodeRuneInString(after)
	if r != ':' && !unicode.IsSpace(r) {
		return "", "", false // "GV.OC-01x" or "A.5.1,": not an id followed by text
	}
	rest = strings.TrimLeftFunc(after, unicode.IsSpace)
	for _, sep := range []string{":", "-", "–", "—"} {
		if strings.HasPrefix(rest, sep) {
			rest = strings.TrimLeftFunc(rest[len(sep):], unicode.IsSpace)
			break
		}
	}
	if utf8.RuneCountInString(rest) < 2 || strings.IndexFunc(rest, unicode.IsLetter) < 0 {
		return "", "", false
	}
	return id, rest, true
}

// isIDToken reports whether a token reads as an id: 2 to 24 characters with a digit and a
// letter or a separator, and not a number.
func isIDToken(id string) bool {
	if len(id) < 2 || len(id) > 24 || !strings.ContainsAny(id, "0123456789") {
		return false
	}
	if strings.Trim(id, "0123456789") == "" {
		return false
	}
	if _, err := strconv.ParseFloat(id, 64); err == nil && !strings.Contains(id, ".") {
		return false
	}
	return strings.IndexFunc(id, unicode.IsLetter) >= 0 || strings.ContainsAny(id, ".-_/([")
}

// isCode reports whether a cell is a code on its own ("A.5.1", "GV.OC-01", "T1055"), as
// the column names of a matrix are.
func isCode(s string) bool {
	t := strings.TrimSpace(s)
	if strings.ContainsAny(t, " \t\n") {
		return false
	}
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return false
	}
	return isIDToken(strings.TrimRight(t, ".:"))
}

// titleField is the field that names a record of kind, beside its reference.
func titleField(kind string) string {
	if kind == KindAssets {
		return "name"
	}
	return "title"
}

// splitKinds are the kinds whose rows have a reference and a title.
var splitKinds = map[string]bool{KindRequirements: true, KindControls: true, KindRisks: true, KindAssets: true}

// LayoutNote says how a proposal reads the sheet's layout, for the window and the CLI.
type LayoutNote struct {
	Option  string `json:"option"`  // splitRef, fillDown, mergeBy
	Message string `json:"message"` // what was found, for people
}

// ProposeLayout completes a proposed mapping with what the sheet's layout needs: with no
// reference column, a column whose cells start with an id gives the reference and the
// title (SplitRef); a required column filled only on the first row of each group is
// filled down; rows that continue the record above (no reference and no title, values
// in other columns) or that repeat the reference of the row above with the same title are
// merged into one record (MergeBy). It returns what it found, for the user.
func ProposeLayout(kind string, h Header, g *Grid, m *Mapping) []LayoutNote {
	var notes []LayoutNote
	if !splitKinds[kind] {
		return nil
	}
	data := h.DataRows(g)
	if len(data) == 0 {
		return nil
	}
	if _, mapped := m.Columns["ref"]; !mapped {
		if c, n := splitColumn(h, data, m); c >= 0 {
			letter := ColumnLetter(c)
			tf := titleField(kind)
			old, hadTitle := m.Columns[tf]
			for f, l := range m.Columns {
				if l == letter {
					delete(m.Columns, f)
					delete(m.Confidence, f)
				}
			}
			if m.Confidence == nil {
				m.Confidence = map[string]string{}
			}
			m.Columns["ref"], m.Columns[tf] = letter, letter
			m.Confidence["ref"], m.Confidence[tf] = ConfidenceSplit, ConfidenceSplit
			m.SplitRef = letter
			if text := titleFrom[kind]; hadTitle && old != letter && text != "" {
				if _, ok := m.Columns[text]; !ok {
					m.Columns[text] = old // the old title column still has the record's text
					m.Confidence[text] = ConfidenceGuess
				}
			}
			notes = append(notes, LayoutNote{Option: "splitRef", Message: "column " + letter + " " + strconv.Quote(columnName(h, letter)) +
				": the id at the start of each cell is the reference, the rest the title (" + strconv.Itoa(n) + " of the cells sampled start with one)"})
		}
	}
	key := sectionKey(kind, *m)
	kc := m.Column(key)
	if kc < 0 {
		return notes
	}
	split := m.SplitRef != "" && m.Columns["ref"] == m.SplitRef
	keyOf := func(r Row) string {
		v := strings.TrimSpace(mergedCell(g, r, kc))
		if split {
			id, _, _ := SplitID(v)
			return id
		}
		return v
	}
	fields, _ := Fields(kind)
	filled := map[string]bool{}
	for _, l := range m.FillDown {
		filled[l] = true
	}
	// required columns written once per group: fill them down
	if keyOf(data[0]) != "" {
		for _, f := range fields {
			c := m.Column(f.Name)
			if !f.Required || f.Name == key || c < 0 || c == kc || filled[ColumnLetter(c)] || strings.TrimSpace(mergedCell(g, data[0], c)) == "" {
				continue
			}
			withKey, blank := 0, 0
			for _, r := range data {
				if keyOf(r) == "" {
					continue
				}
				withKey++
				if strings.TrimSpace(mergedCell(g, r, c)) == "" {
					blank++
				}
			}
			if blank >= 3 && 2*blank >= withKey { // a few blanks are cells left empty, not groups
				m.FillDown = append(m.FillDown, ColumnLetter(c))
				filled[ColumnLetter(c)] = true
				notes = append(notes, LayoutNote{Option: "fillDown", Message: "column " + ColumnLetter(c) + " " + strconv.Quote(columnName(h, ColumnLetter(c))) +
					" is written on the first row of each group only (" + plural(blank, "row leaves", "rows leave") + " it blank): it is filled down"})
			}
		}
	}
	cols := mappedColumns(kind, *m)
	names := slices.Sorted(maps.Keys(cols))
	tc := m.Column(titleField(kind))
	marks := markColumn(data, cols)
	levels := levelColumns(h, data, *m, kc)
	continued, repeats, conflict := 0, 0, false
	seen := map[string]int{} // key -> the index in data of its first row
	prev := ""               // the key of the row with a key before
	for i, r := range data {
		k := keyOf(r)
		if k == "" {
			if i == 0 || (tc >= 0 && tc != kc && strings.TrimSpace(r.Cell(tc)) != "") || (split && strings.TrimSpace(r.Cell(kc)) != "") {
				continue
			}
			raw := rawVals(r, names, cols)
			if levelValue(r, levels) != "" || (marks >= 0 && !isMark(r.Cell(marks))) || allBlank(raw) || (IsSection(kind, *m, raw) && !continuation(kind, *m, raw, nil)) {
				continue
			}
			continued++
			continue
		}
		fk := strings.ToLower(k)
		if j, dup := seen[fk]; dup {
			repeats++
			if tc >= 0 && tc != kc {
				first, title := Normalize(data[j].Cell(tc)), Normalize(r.Cell(tc))
				conflict = conflict || (first != "" && title != "" && first != title)
			}
			if fk != prev && !sameCells(data[j], r, cols) {
				conflict = true // a record further down with the same key: a duplicate, not more of it
			}
			continue
		}
		seen[fk], prev = i, fk
	}
	if continued > 0 && keyOf(data[0]) != "" {
		if l := ColumnLetter(kc); !filled[l] {
			m.FillDown = append(m.FillDown, l)
		}
		notes = append(notes, LayoutNote{Option: "fillDown", Message: plural(continued, "row has", "rows have") +
			" no reference and no title but values in other columns: each continues the record above it"})
	}
	if (continued > 0 || repeats > 0) && !conflict {
		m.MergeBy = key
		msg := "rows with the same " + key + " are one record: their values are joined"
		if repeats > 0 {
			msg += " (" + plural(repeats, "row repeats", "rows repeat") + " a reference above it)"
		}
		notes = append(notes, LayoutNote{Option: "mergeBy", Message: msg})
	}
	return notes
}

// continuation reports whether a row's own values (raw) continue the record above: no
// key and no title of its own (the key filled down, when vals is given) and its values
// in other columns, none a numbered heading ("Chapter II").
func continuation(kind string, m Mapping, raw Values, vals *Values) bool {
	key, tf := sectionKey(kind, m), titleField(kind)
	if strings.TrimSpace(raw.Get(key)) != "" || (m.Columns[tf] != m.Columns[key] && strings.TrimSpace(raw.Get(tf)) != "") {
		return false
	}
	if vals != nil && strings.TrimSpace(vals.Get(key)) == "" {
		return false
	}
	other := false
	for f, v := range raw.All() {
		if v = strings.TrimSpace(v); v == "" || f == key || f == tf {
			continue
		}
		if headingWord(v) {
			return false
		}
		other = true
	}
	return other
}

// splitColumn finds the column whose sampled cells mostly start with distinct ids, with
// how many do; -1 when none does.
func splitColumn(h Header, data []Row, m *Mapping) (int, int) {
	best, bestN := -1, 0
	for _, c := range h.Columns {
		var n, total int
		ids := map[string]bool{}
		for _, r := range data {
			v := strings.TrimSpace(r.Cell(c.Index))
			if v == "" {
				continue
			}
			total++
			if id, _, ok := SplitID(v); ok {
				n++
				ids[strings.ToLower(id)] = true
			}
			if total == sampleSize {
				break
			}
		}
		if total < 3 || float64(n) < fitShare*float64(total) || float64(len(ids)) < 0.9*float64(n) {
			continue
		}
		if n > bestN {
			best, bestN = c.Index, n
		}
	}
	return best, bestN
}

// mappedColumns maps each mapped field of kind to its 0-based column.
// sameCells reports whether rows a and b hold the same values in cols.
func sameCells(a, b Row, cols map[string]int) bool {
	for _, c := range cols {
		if strings.TrimSpace(a.Cell(c)) != strings.TrimSpace(b.Cell(c)) {
			return false
		}
	}
	return true
}

func mappedColumns(kind string, m Mapping) map[string]int {
	fields, _ := Fields(kind)
	cols := map[string]int{}
	for _, f := range fields {
		if c := m.Column(f.Name); c >= 0 {
			cols[f.Name] = c
		}
	}
	return cols
}

// levelColumns are the hierarchy columns of a sheet that writes each level in a column
// of its own ("Function | Category | Subcategory"): header columns left of the key
// column that no field takes, blank on most rows.
func levelColumns(h Header, data []Row, m Mapping, kc int) []int {
	var out []int
	for _, c := range h.Columns {
		if c.Index >= kc || m.FieldOf(c.Index) != "" {
			continue
		}
		n := 0
		for _, r := range data {
			if strings.TrimSpace(r.Cell(c.Index)) != "" {
				n++
			}
		}
		if n > 0 && 2*n <= len(data) {
			out = append(out, c.Index)
		}
	}
	return out
}

// levelValue returns the value of the lowest hierarchy level a row fills, "" for none.
func levelValue(r Row, levels []int) string {
	for i := len(levels) - 1; i >= 0; i-- {
		if v := strings.TrimSpace(r.Cell(levels[i])); v != "" {
			return v
		}
	}
	return ""
}

// mergedCell returns the value a data cell shows: its own, or that of a merged range
// over several rows that covers it (a Function cell merged over its subcategories).
func mergedCell(g *Grid, r Row, col int) string {
	if v := r.Cell(col); strings.TrimSpace(v) != "" || len(g.Merges) == 0 {
		return v
	}
	for _, mg := range g.Merges {
		if mg.LastRow > mg.FirstRow && mg.FirstRow < r.Num && r.Num <= mg.LastRow && mg.FirstCol <= col && col <= mg.LastCol {
			if i := g.RowIndex(mg.FirstRow); i >= 0 {
				return g.Rows[i].Cell(mg.FirstCol)
			}
		}
	}
	return r.Cell(col)
}

// repeatsHeader reports whether a data row repeats the header's column names (a header
// printed again on each page, or tables pasted one under the other).
func (h Header) repeatsHeader(g *Grid, r Row) bool {
	return h.headerRepeat(h.lowestNames(g))(r)
}

// headerRepeat returns repeatsHeader for the header's names, worked out once: it looks at
// as few cells as it must and normalises none it can rule out.
func (h Header) headerRepeat(names map[int]string) func(r Row) bool {
	type col struct {
		index int
		name  string
	}
	var cols []col
	for _, c := range h.Columns {
		if n := names[c.Index]; n != "" {
			cols = append(cols, col{c.Index, n})
		}
	}
	named := len(cols)
	misses := min(named/5, named-2) // more and 5*same < 4*named, or same < 2
	return func(r Row) bool {
		if named < 2 {
			return false
		}
		missed := 0
		for _, c := range cols {
			if !normalizedIs(r.Cell(c.index), c.name) {
				if missed++; missed > misses {
					return false
				}
			}
		}
		return true
	}
}

// lowestNames are the normalised names in the header's last row, by column.
func (h Header) lowestNames(g *Grid) map[int]string {
	out := map[int]string{}
	i := g.RowIndex(h.Row + h.Rows - 1)
	if i < 0 {
		return out
	}
	for _, c := range h.Columns {
		if v := Normalize(g.Rows[i].Cell(c.Index)); v != "" {
			out[c.Index] = v
		}
	}
	return out
}

// markEnd finds where the table ends: at a blank gap after which the rows have another
// layout (a risk matrix, a legend, a second table), as the cells of the first rows after
// the gap do not fit the columns above (values in columns the table leaves blank, numbers
// in text columns, text in number columns, always-filled columns left blank), or the
// first of them is a lone title ("Risk matrix", "Legend").
func (h *Header) markEnd(g *Grid) {
	h.End, h.Below = 0, 0
	type profile struct{ filled, numeric int }
	prof := make(map[int]*profile, len(h.Columns))
	for _, c := range h.Columns {
		prof[c.Index] = &profile{}
	}
	rows, cells := 0, 0
	gap := false
	last := 0
	start := g.RowIndex(h.DataStart())
	if start < 0 {
		for start = 0; start < len(g.Rows) && g.Rows[start].Num < h.DataStart(); start++ {
		}
	}
	for i := start; i < len(g.Rows); i++ {
		r := g.Rows[i]
		if !h.rowHasData(r) {
			gap = gap || rows > 0
			continue
		}
		if gap && rows >= 3 && !h.continues(g, i, rows, cells, func(c int) (int, int) { p := prof[c]; return p.filled, p.numeric }) {
			h.End = last
			for _, rr := range g.Rows[i:] {
				if h.rowHasData(rr) {
					h.Below++
				}
			}
			return
		}
		gap = false
		rows++
		last = r.Num
		for _, c := range h.Columns {
			v := strings.TrimSpace(r.Cell(c.Index))
			if v == "" {
				continue
			}
			cells++
			prof[c.Index].filled++
			if isNumberCell(v) {
				prof[c.Index].numeric++
			}
		}
	}
}

// continues reports whether the block of rows from index i (after a blank gap) carries on
// the table above, whose rows and filled cells are counted and whose columns' profile
// (filled, numeric) stat gives.
func (h Header) continues(g *Grid, i, rows, cells int, stat func(int) (int, int)) bool {
	first := g.Rows[i]
	n := 0
	for _, c := range h.Columns {
		if strings.TrimSpace(first.Cell(c.Index)) != "" {
			n++
		}
	}
	if h.repeatsHeader(g, first) {
		return true // the header again: the table goes on under it
	}
	if n == 1 && float64(cells)/float64(rows) >= 3 {
		// a lone value: a section heading when table rows follow it, else a title
		// ("Risk matrix", "Legend") over something else, or a note under the table
		next := -1
		for k := i + 1; k < len(g.Rows) && k <= i+3; k++ {
			if h.rowHasData(g.Rows[k]) {
				next = k
				break
			}
		}
		if next < 0 {
			return false
		}
		i = next
	}
	good, bad := 0, 0
	for k := i; k < len(g.Rows) && k < i+5; k++ {
		r := g.Rows[k]
		if !h.rowHasData(r) {
			break
		}
		for _, c := range h.Columns {
			filled, numeric := stat(c.Index)
			fs := float64(filled) / float64(rows)
			v := strings.TrimSpace(r.Cell(c.Index))
			switch {
			case v == "" && fs > 0.95:
				bad++
			case v == "":
			case fs < 0.1:
				bad++
			case isNumberCell(v) && float64(numeric) < 0.2*float64(filled):
				bad++
			case !isNumberCell(v) && float64(numeric) > 0.8*float64(filled):
				bad++
			default:
				good++
			}
		}
	}
	return 2*bad < good
}

func isNumberCell(v string) bool {
	s := strings.TrimSuffix(v, "%")
	if len(s) > 1 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" || (s[0] < '0' || s[0] > '9') && s[0] != '.' {
		return false // text: spared ParseFloat's error, which a column of text pays per cell
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	return err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// plural writes "1 row has" or "3 rows have".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// sameValues reports whether two rows' values are the same, blanks and the fields in
// skip (filled down from the rows above them) aside.
func sameValues(a, b Values, skip map[string]bool) bool {
	for k, v := range a.All() {
		if !skip[k] && strings.TrimSpace(v) != strings.TrimSpace(b.Get(k)) {
			return false
		}
	}
	for k, v := range b.All() {
		if _, ok := a.Lookup(k); !ok && !skip[k] && strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// listFields hold lists of references, joined with ", " when rows are merged.
var listFields = map[string]bool{"controls": true, "risks": true}

// mergeValues joins the values of rows that are one record into the first row's: the
// distinct texts of multi-line fields one a line, the distinct items of lists; other
// fields keep the first value given, and a later row that gives another one for a typed
// field (a status, a date, a score) is a conflict, returned as the field and its values.
func mergeValues(kind string, into *Values, from Values, conflicts map[string][]string) {
	for f, v := range from.All() {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		cur := strings.TrimSpace(into.Get(f))
		if cur == "" {
			into.Set(f, v)
			continue
		}
		fd, _ := field(kind, f)
		switch {
		case listFields[f]:
			into.Set(f, joinItems(cur, v))
		case fd.Type == TypeMultiline:
			if !containsLine(cur, v) {
				into.Set(f, cur+"\n"+v)
			}
		case fd.Type == TypeText || fd.Type == "":
		default:
			if Normalize(cur) != Normalize(v) {
				if len(conflicts[f]) == 0 {
					conflicts[f] = []string{cur}
				}
				conflicts[f] = append(conflicts[f], v)
			}
		}
	}
}

func containsLine(text, v string) bool {
	if text == v {
		return true
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == v {
			return true
		}
	}
	return strings.Contains(text, v) && strings.Contains(v, "\n")
}

// joinItems joins two lists of references ("A.5.1, A.8.2" and "A.8.2; A.5.9") without repeats.
func joinItems(a, b string) string {
	var out []string
	seen := map[string]bool{}
	for _, s := range []string{a, b} {
		for _, p := range strings.FieldsFunc(s, func(c rune) bool { return c == ',' || c == ';' || c == '\n' }) {
			p = strings.TrimSpace(p)
			if k := strings.ToLower(p); p != "" && !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
	}
	return strings.Join(out, ", ")
}
