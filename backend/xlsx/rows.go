package xlsx

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"net/mail"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Problem is something wrong with a cell or a row: its Excel row number, column letter,
// field (JSON name) and a message saying what was expected.
type Problem struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Field   string `json:"field"`
	Message string `json:"message"`
	Sheet   string `json:"sheet,omitempty"` // set when an import reads several sheets
}

// RowResult is one data row converted: its Excel row number, the text of each mapped
// field (after fill-down), the record built from it and its problems. Record holds a
// *RequirementRow, *ControlRow, *RiskRow, *PersonRow, *AttendanceRow, *MeasurementRow,
// *AssetRow, *AcknowledgementRow or *SurveyResultRow.
type RowResult struct {
	Row      int       `json:"row"`
	Values   Values    `json:"values"`
	Record   any       `json:"record,omitempty"`
	Problems []Problem `json:"problems,omitempty"`
	Section  bool      `json:"section,omitempty"` // a section row, skipped
	// Heading is a section's text when it is not in a mapped column (a hierarchy level of
	// its own, a repeated header row).
	Heading string `json:"heading,omitempty"`
	// Merged lists the Excel rows joined into this record (see Mapping.MergeBy).
	Merged []int  `json:"merged,omitempty"`
	Sheet  string `json:"sheet,omitempty"` // set when an import reads several sheets
}

// Valid reports whether the row has no problems.
func (r RowResult) Valid() bool { return len(r.Problems) == 0 }

// RequirementRow is a requirement read from a row; OwnerName is resolved to a person above.
type RequirementRow struct {
	Requirement *isms.Requirement `json:"requirement"`
	OwnerName   string            `json:"ownerName"`
}

// ControlRow is a Statement of Applicability row matched to the Annex A catalogue.
type ControlRow struct {
	Control   *isms.Control `json:"control"`
	OwnerName string        `json:"ownerName"`
	SourceRef string        `json:"sourceRef"` // the reference as written in the sheet
}

// RiskRow is a risk read from a row.
type RiskRow struct {
	Risk      *isms.Risk `json:"risk"`
	OwnerName string     `json:"ownerName"`
}

// AssetRow is an asset read from a row; OwnerName and CustodianName are resolved to
// people, and the risks and controls columns to records, above.
type AssetRow struct {
	Asset         *isms.Asset `json:"asset"`
	OwnerName     string      `json:"ownerName"`
	CustodianName string      `json:"custodianName"`
}

// PersonRow is a person read from a row.
type PersonRow struct {
	Person *isms.Person `json:"person"`
}

// AttendanceRow is one person's attendance at one training, by name.
type AttendanceRow struct {
	TrainingTitle string    `json:"trainingTitle"` // the topic, or a reference
	TrainingRef   string    `json:"trainingRef"`
	TrainingDate  isms.Date `json:"trainingDate"`
	Date          isms.Date `json:"date"` // when the person attended, "" when not given
	PersonName    string    `json:"personName"`
	PersonEmail   string    `json:"personEmail"`
	Status        string    `json:"status"` // one of isms.AttendanceStatuses
	Score         float64   `json:"score"`
	Note          string    `json:"note"`
}

// SurveyResultRow is the result of one survey question; Has says which of the optional
// fields the row gives (a blank cell leaves the stored value).
type SurveyResultRow struct {
	Question string          `json:"question"`
	Answers  int             `json:"answers"`
	Score    float64         `json:"score"`
	Result   string          `json:"result"`
	Has      map[string]bool `json:"has"` // answers, score, result
}

// MeasurementRow is one dated KPI value; KPI is the KPI's reference or name.
type MeasurementRow struct {
	KPI   string    `json:"kpi"`
	Date  isms.Date `json:"date"`
	Value float64   `json:"value"`
	Note  string    `json:"note"`
}

// AcknowledgementRow is one person's acknowledgement of one policy: the person by name
// or e-mail, the policy by reference or title. Date is "" when the row gives none.
type AcknowledgementRow struct {
	PersonName  string    `json:"personName"`
	PersonEmail string    `json:"personEmail"`
	Policy      string    `json:"policy"`
	Date        isms.Date `json:"date"`
}

// IsSection reports whether a row is a section heading inside the table rather than a
// record: the key field (reference, or name for people, KPI for measurements) is empty
// and at most one mapped column has a value, or the only value sits in the key column of a
// table with three or more mapped columns ("Organizational controls" in the reference column).
func IsSection(kind string, m Mapping, vals Values) bool {
	keyField := "ref"
	switch kind {
	case KindPeople:
		keyField = "name"
	case KindAttendance:
		keyField = "person"
	case KindMeasurements:
		keyField = "kpi"
	case KindSurveyResults:
		keyField = "question"
	case KindAcknowledgements:
		keyField = "person"
		if _, mapped := m.Columns[keyField]; !mapped {
			keyField = "email"
		}
	}
	if _, mapped := m.Columns[keyField]; !mapped {
		keyField = "title"
	}
	var filled [2]string
	n := 0
	for _, v := range vals.All() {
		if v = strings.TrimSpace(v); v != "" {
			if n == len(filled) {
				return false // three values or more: a record
			}
			filled[n] = v
			n++
		}
	}
	switch n {
	case 0:
		return false
	case 1:
		// a lone value is a heading, unless it is the key of a register with few columns,
		// or prose (a requirement's text without its reference is a record missing a field)
		return (strings.TrimSpace(vals.Get(keyField)) == "" || vals.Len() >= 3) && !Prose(filled[0])
	case 2:
		// "Section 1 | Transparency and modalities": a numbered heading and its name
		if strings.TrimSpace(vals.Get(keyField)) != "" || Prose(filled[0]) || Prose(filled[1]) {
			return false
		}
		return headingWord(filled[0]) || headingWord(filled[1])
	}
	return false
}

// Prose reports whether a cell holds running text rather than a heading: more than 120
// characters, or several sentences.
func Prose(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 120 {
		return true
	}
	ends := 0
	rs := []rune(s)
	for i, r := range rs {
		if (r == '.' || r == '!' || r == '?' || r == ';') && i+2 < len(rs) && unicode.IsSpace(rs[i+1]) && unicode.IsUpper(rs[i+2]) {
			ends++
		}
	}
	return ends >= 1 && len(strings.Fields(s)) >= 8
}

// headingWords start the headings of laws and standards: "Chapter II", "Section 1".
var headingWords = map[string]bool{
	"part": true, "chapter": true, "section": true, "title": true, "annex": true, "appendix": true, "subsection": true,
	"partie": true, "chapitre": true, "titre": true, "annexe": true, "sous-section": true,
	"teil": true, "kapitel": true, "abschnitt": true, "unterabschnitt": true, "anhang": true, "anlage": true,
	"parte": true, "capítulo": true, "capitulo": true, "sección": true, "seccion": true, "título": true, "anexo": true,
	"avsnitt": true, "kapitlet": true, "kapitel.": true,
}

// headingWord reports whether s is a numbered heading: a heading word and a number or a
// roman numeral ("Chapter II", "Section 1", "Annexe A").
func headingWord(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) < 2 || len(f) > 3 || !headingWords[f[0]] {
		return false
	}
	n := strings.TrimRight(f[1], ".:")
	if n == "" {
		return false
	}
	if strings.Trim(n, "0123456789.") == "" || strings.Trim(n, "ivxlc") == "" || len(n) == 1 {
		return true
	}
	return false
}

// loneValue reports whether exactly one of a row's values is not blank.
func loneValue(vals Values) bool {
	n := 0
	for _, v := range vals.All() {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	return n == 1
}

// sectionShare is the share of data rows above which rows that look like section
// headings are records missing fields instead: a register is not mostly headings.
const sectionShare = 0.30

// Rows converts the data rows under the header with the mapping into records, with every
// problem by Excel row and column. Rows without values are left out; section rows are
// returned marked Section (without a record) when m.SkipSections is set. A header row
// repeated inside the table is a section. A cell under a merge over several rows reads
// the merge's value; with m.SplitRef, the id at the start of that column's cells is the
// reference and the rest the title; with m.MergeBy, rows with the same value of that
// field (after fill-down) are one record, returned on its first row with Merged.
func Rows(kind string, h Header, g *Grid, m Mapping) ([]RowResult, error) {
	return readRows(kind, h, g, m, false)
}

// TakeRows is Rows for a caller that reads the data rows' cells no more: each data row's
// cells are let go from g once read (its number stays), so that a large sheet's grid
// does not stay beside the rows' values and records. A sheet with merged cells keeps
// its cells (a merge's value is read from its first row).
func TakeRows(kind string, h Header, g *Grid, m Mapping) ([]RowResult, error) {
	return readRows(kind, h, g, m, len(g.Merges) == 0)
}

func readRows(kind string, h Header, g *Grid, m Mapping, take bool) ([]RowResult, error) {
	fields, err := Fields(kind)
	if err != nil {
		return nil, err
	}
	cols := mappedColumns(kind, m)
	fill := map[int]bool{}
	for _, l := range m.FillDown {
		if c := ColumnIndex(l); c >= 0 {
			fill[c] = true
		}
	}
	split := -1
	if m.SplitRef != "" {
		split = ColumnIndex(m.SplitRef)
	}
	last := map[string]string{} // per field: the value filled down
	data := h.DataRows(g)
	if take { // data holds the rows' cells now, and lets each go once read
		for j := range g.Rows {
			if n := g.Rows[j].Num; n >= h.DataStart() && (h.End == 0 || n <= h.End) {
				g.Rows[j].Cells = nil
			}
		}
	}
	cv := converter{kind: kind, m: m, dateOrder: map[string]Locale{}}
	for _, f := range fields {
		if c, ok := cols[f.Name]; ok && f.Type == TypeDate {
			cv.dateOrder[f.Name] = columnDateOrder(data, c, m.Locale)
		}
	}
	if c, ok := cols["status"]; ok && kind == KindAttendance {
		cv.ticks = usesTicks(data, c)
	}
	if cv.scale, err = ParseScoreScale(m.Scale); err != nil {
		return nil, invalid("%v", err)
	}
	// first the values of each row (after fill-down) and whether it looks like a section
	type pending struct {
		res       RowResult
		candidate bool   // looks like a section heading
		structure bool   // a framework's structure node: no reference and not assessable
		raw       Values // the row's own values, before fill-down
	}
	marks := markColumn(data, cols)
	var levels []int
	if kc, ok := cols[sectionKey(kind, m)]; ok {
		levels = levelColumns(h, data, m, kc)
	}
	names := slices.Sorted(maps.Keys(cols)) // the fields of every row's Values
	rows := make([]pending, 0, len(data))
	candidates := 0
	read := func(r Row, c int) string {
		v := r.Cell(c)
		if strings.TrimSpace(v) == "" && len(g.Merges) > 0 {
			v = mergedCell(g, r, c)
		}
		return v
	}
	repeats := h.headerRepeat(h.lowestNames(g))
	for i := range data {
		r := data[i]
		if take {
			data[i].Cells = nil // r keeps them for this row
		}
		if repeats(r) {
			rows = append(rows, pending{res: RowResult{Row: r.Num, Heading: "the header row, repeated"}, structure: true})
			continue
		}
		if t := totalsLabel(r, h.FirstColumn); t != "" {
			rows = append(rows, pending{res: RowResult{Row: r.Num, Heading: "a totals row (" + t + ")"}, structure: true})
			continue
		}
		vals := newValues(names)
		raw := vals // the row's own values: the same as vals unless a column is filled down
		if len(fill) > 0 {
			raw = newValues(names)
		}
		for i, name := range names {
			c := cols[name]
			v := read(r, c)
			blank := strings.TrimSpace(v) == ""
			if c == split {
				if id, rest, ok := SplitID(v); ok {
					v = id
					if name != "ref" {
						v = rest
					}
				} else if name == "ref" {
					v = ""
				}
			}
			raw.vals[i] = v
			if fill[c] {
				if blank {
					v = last[name]
				} else {
					last[name] = v
				}
			}
			vals.vals[i] = v
		}
		heading := ""
		if strings.TrimSpace(raw.Get(sectionKey(kind, m))) == "" && (split < 0 || strings.TrimSpace(r.Cell(split)) == "") {
			heading = levelValue(r, levels) // a level of the hierarchy: "GOVERN (GV)", "Asset Management (ID.AM)"
		}
		if allBlank(vals) && heading == "" {
			continue
		}
		p := pending{res: RowResult{Row: r.Num, Values: vals}, raw: raw}
		if m.SkipSections {
			p.structure = heading != "" || marks >= 0 && strings.TrimSpace(raw.Get(sectionKey(kind, m))) == "" && !isMark(r.Cell(marks))
			p.candidate = !p.structure && IsSection(kind, m, raw) && !(m.MergeBy != "" && continuation(kind, m, raw, &vals))
			if v := strings.TrimSpace(raw.Get("ref")); p.candidate && v != "" && sectionKey(kind, m) == "ref" && !looksLikeRef(v) && loneValue(raw) {
				// "Bereich IT-Betrieb" alone in the reference column: no reference, so no record missing fields
				p.candidate, p.structure = false, true
			}
			if p.candidate {
				candidates++
			}
			if heading != "" {
				p.res.Heading = heading
			}
		}
		if !p.structure && !p.candidate {
			p.raw = Values{} // only a section keeps its own values
		}
		rows = append(rows, p)
	}
	tooMany := float64(candidates) > sectionShare*float64(len(rows))
	out := make([]RowResult, 0, len(rows))
	// rows that are one record, one after the other: joined into the first. A key that
	// comes back after another one is another record (a duplicate), not more of the first,
	// unless the row repeats the first row's values exactly.
	into := map[string]int{}    // merge key -> index in out of its first record
	filled := map[string]bool{} // the fields filled down, which repeat the rows above
	for f, l := range m.Columns {
		filled[f] = slices.Contains(m.FillDown, l)
	}
	lastKey, at := "", -1 // the merge key of the record before, and its index in out
	conflicts := map[int]map[string][]string{}
	for _, p := range rows {
		res := p.res
		if p.structure || (p.candidate && !tooMany) {
			res.Section = true
			if p.raw.Len() > 0 {
				res.Values = p.raw // a heading's own text, nothing filled down into it
			}
			out = append(out, res)
			lastKey = ""
			continue
		}
		if m.MergeBy != "" {
			if k := strings.ToLower(strings.TrimSpace(res.Values.Get(m.MergeBy))); k != "" {
				if k == lastKey {
					if conflicts[at] == nil {
						conflicts[at] = map[string][]string{}
					}
					mergeValues(kind, &out[at].Values, res.Values, conflicts[at])
					out[at].Merged = append(out[at].Merged, res.Row)
					continue
				}
				if i, ok := into[k]; ok && sameValues(out[i].Values, res.Values, filled) {
					out[i].Merged = append(out[i].Merged, res.Row) // the same row again
					continue
				}
				if _, ok := into[k]; !ok {
					into[k] = len(out)
				}
				lastKey, at = k, len(out)
			}
		}
		out = append(out, res)
	}
	convertAll(cv, out)
	for i := range out {
		if out[i].Section {
			continue
		}
		for _, f := range sortedFields(conflicts[i]) {
			vs := conflicts[i][f]
			label := f
			if fd, ok := field(kind, f); ok {
				label = fd.Label
			}
			out[i].Problems = append(out[i].Problems, Problem{Row: out[i].Row, Column: m.Columns[f], Field: f,
				Message: fmt.Sprintf("the rows of this record (%s) give different values of %s: %s; keep one value in the file, or import without merging rows", rowList(out[i].Row, out[i].Merged), label, quoteAll(vs))})
		}
	}
	return out, nil
}

// convertAll builds the record of every row that is not a section, a share of the rows
// per core, each with its own copy of the converter.
func convertAll(cv converter, out []RowResult) {
	workers := runtime.GOMAXPROCS(0)
	if len(out) < 4000 || workers < 2 {
		workers = 1
	}
	var wg sync.WaitGroup
	per := (len(out) + workers - 1) / workers
	for lo := 0; lo < len(out); lo += per {
		part := out[lo:min(lo+per, len(out))]
		wg.Go(func() {
			c := cv
			for i := range part {
				if !part[i].Section {
					part[i].Record, part[i].Problems = c.convert(part[i].Row, part[i].Values)
				}
			}
		})
	}
	wg.Wait()
}

func sortedFields(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for f := range m {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// rowList writes rows 5, 6 and 9 as "rows 5, 6, 9".
func rowList(first int, more []int) string {
	parts := []string{strconv.Itoa(first)}
	for _, r := range more {
		parts = append(parts, strconv.Itoa(r))
	}
	return "rows " + strings.Join(parts, ", ")
}

func quoteAll(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = quote(v)
	}
	return strings.Join(out, ", ")
}

// sectionKey is the field whose blank makes a row a candidate section: the reference, or
// what identifies a row of the kinds without one.
func sectionKey(kind string, m Mapping) string {
	key := "ref"
	switch kind {
	case KindPeople:
		key = "name"
	case KindAttendance, KindAcknowledgements:
		key = "person"
	case KindMeasurements:
		key = "kpi"
	case KindSurveyResults:
		key = "question"
	}
	if _, ok := m.Columns[key]; !ok {
		return "title"
	}
	return key
}

// markColumn finds the column of a framework library that marks its assessable nodes
// ("x" or TRUE in an "assessable" or "applicable" column, blank or FALSE elsewhere): the
// column mapped to applicable whose values are such marks only, with at least one set.
// It returns -1 when there is none.
func markColumn(data []Row, cols map[string]int) int {
	c, ok := cols["applicable"]
	if !ok {
		return -1
	}
	set := false
	for _, r := range data {
		v := strings.TrimSpace(r.Cell(c))
		if v == "" {
			continue
		}
		b, err := ParseBool(v)
		if err != nil {
			return -1
		}
		set = set || b
	}
	if !set {
		return -1
	}
	return c
}

func isMark(v string) bool {
	b, err := ParseBool(v)
	return err == nil && b
}

func rawVals(r Row, names []string, cols map[string]int) Values {
	out := newValues(names)
	for i, n := range names {
		out.vals[i] = r.Cell(cols[n])
	}
	return out
}

func allBlank(vals Values) bool {
	for _, v := range vals.All() {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// converter parses one row's values into a record, collecting problems.
type converter struct {
	kind      string
	m         Mapping
	dateOrder map[string]Locale // per date field: the order its column's dates are written in
	ticks     bool              // attendance: the status column marks with ticks, so x is a cross
	scale     ScoreScale        // the file's own scale for risk scores
	row       int
	problems  []Problem
}

// totalsRow matches the label of a row that sums up the table: "Total", "Total risks:",
// "Grand total", "Summe", "Gesamt", "Totaux", "Suma" (one more word at most).
var totalsRow = regexp.MustCompile(`(?i)^(grand |sub-?|general )?(total|totals|sum|summe|gesamt|insgesamt|gesamtsumme|totaux|total général|suma|suma total)(\s+[\p{L}\d]+)?\s*:?$`)

// totalsLabel returns the label of a totals row (its first value, when it is one), or "".
func totalsLabel(r Row, first int) string {
	for i := first; i < len(r.Cells); i++ {
		if v := strings.TrimSpace(r.Cells[i]); v != "" {
			if len(v) <= 30 && totalsRow.MatchString(v) {
				return v
			}
			return ""
		}
	}
	return ""
}

// numericDate matches a date written with numbers only, day and month in either order.
var numericDate = regexp.MustCompile(`^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*$`)

// DateOrderOf reads the order of a date written with numbers only: day-first when its
// first part is above 12 (30/06/2024, or any dotted date: 30.06.2024), month-first when
// its second part is (06/30/2024); neither when both are 12 or less, or s is no such date.
func DateOrderOf(s string) (dayFirst, monthFirst bool) {
	if len(s) < 6 || len(s) > 14 || s[0] > '9' || strings.IndexAny(s, "/.-") < 0 {
		return false, false // not a date written with numbers: no regexp needed
	}
	m := numericDate.FindStringSubmatch(s)
	if m == nil {
		return false, false
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	return a > 12 && b <= 12, b > 12 && a <= 12
}

// columnDateOrder reads a column's dates written as numbers: a first part above 12 means
// day-first (31/01/2024), a second part above 12 month-first (01/31/2024). One column
// keeps one order, so that 05/02/2024 is read like the 31/01/2024 above it. Without
// evidence, or with both, the user's locale decides.
func columnDateOrder(rows []Row, col int, loc Locale) Locale {
	dayFirst, monthFirst := false, false
	for _, r := range rows {
		d, m := DateOrderOf(strings.TrimSpace(r.Cell(col)))
		dayFirst, monthFirst = dayFirst || d, monthFirst || m
	}
	if dayFirst != monthFirst {
		loc.DayFirst = dayFirst
	}
	return loc
}

func (c *converter) add(field, msg string) {
	c.problems = append(c.problems, Problem{Row: c.row, Column: c.m.Columns[field], Field: field, Message: msg})
}

func (c *converter) text(vals Values, f string) string {
	return strings.TrimSpace(vals.Get(f))
}

func (c *converter) date(vals Values, f string) isms.Date {
	loc, ok := c.dateOrder[f]
	if !ok {
		loc = c.m.Locale
	}
	d, err := ParseDate(vals.Get(f), loc)
	if err != nil {
		c.add(f, err.Error())
	}
	return d
}

func (c *converter) level(vals Values, f string) int {
	var labels []string
	if c.m.Method != nil {
		labels = c.m.Method.Likelihood
		if strings.HasSuffix(strings.ToLower(f), "impact") {
			labels = c.m.Method.Impact
		}
	}
	n, err := ParseScore(vals.Get(f), labels, c.scale)
	if err != nil {
		c.add(f, err.Error())
	}
	return n
}

func (c *converter) enum(vals Values, f, enum, def string) string {
	if strings.TrimSpace(vals.Get(f)) == "" {
		return def
	}
	v, err := ParseEnum(enum, vals.Get(f))
	if err != nil {
		c.add(f, err.Error())
		return def
	}
	return v
}

// attendance reads whether a person attended. Without a column for it, every row is an
// attendance; with one, a blank cell is an absence (a sign-in sheet ticks those who came),
// and in a column that ticks (✓) an x is a cross: absent.
func (c *converter) attendance(vals Values) string {
	if _, mapped := c.m.Columns["status"]; !mapped {
		return isms.AttendanceAttended
	}
	v := strings.TrimSpace(vals.Get("status"))
	switch {
	case v == "":
		return isms.AttendanceAbsent
	case c.ticks && strings.EqualFold(v, "x"):
		return isms.AttendanceAbsent
	}
	return c.enum(vals, "status", "attendance", isms.AttendanceAttended)
}

// acknowledged reads a completion status of an e-learning or signature export: done
// (Completed, Signed, Acknowledged, yes), not done (Overdue, In progress, Not started,
// Pending, no), or ok false for neither.
func acknowledged(v string) (done, ok bool) {
	switch strings.Trim(foldSpace(strings.ToLower(v)), ".!") {
	case "completed", "complete", "done", "signed", "acknowledged", "accepted", "read", "passed", "finished",
		"terminé", "validé", "signé", "lu", "erledigt", "abgeschlossen", "unterschrieben", "bestätigt", "completado", "firmado", "leído":
		return true, true
	case "overdue", "in progress", "not started", "not completed", "incomplete", "pending", "open", "outstanding", "assigned", "expired", "failed", "declined",
		"en retard", "en cours", "non commencé", "non terminé", "en attente", "überfällig", "in bearbeitung", "nicht begonnen", "offen", "ausstehend",
		"vencido", "en curso", "pendiente", "no iniciado", "no completado":
		return false, true
	}
	if b, err := ParseBool(v); err == nil {
		return b, true
	}
	return false, false
}

// sourceTypeOf is the source type a requirement's source names when the row gives none:
// a law (GDPR, NIS2, DORA, an Act, a Gesetz) is legal, a contract or agreement (PCI DSS,
// an SLA, a customer contract) contractual, anything else business.
func sourceTypeOf(source string) string {
	words := " " + strings.Join(strings.FieldsFunc(strings.ToLower(source), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	for _, w := range []string{"gdpr", "rgpd", "dsgvo", "nis2", "nis 2", "dora", "hipaa", "sox", "bsig", "ccpa", "lgpd", "eidas", "ai act", "cyber resilience act",
		"act", "law", "loi", "gesetz", "ley", "decree", "décret", "verordnung", "règlement", "regulation eu", "directive", "richtlinie eu", "data protection act", "bdsg"} {
		if strings.Contains(words, " "+w+" ") {
			return isms.SourceLegal
		}
	}
	for _, w := range []string{"contract", "agreement", "sla", "dpa", "pci dss", "pci", "nda", "msa", "contrat", "vertrag", "contrato"} {
		if strings.Contains(words, " "+w+" ") {
			return isms.SourceContractual
		}
	}
	return isms.SourceBusiness
}

// usesTicks reports whether column col marks with ticks (✓, ✔, ☑).
func usesTicks(rows []Row, col int) bool {
	for _, r := range rows {
		if strings.ContainsAny(r.Cell(col), "✓✔☑") {
			return true
		}
	}
	return false
}

func (c *converter) boolean(vals Values, f string, def bool) bool {
	if _, mapped := c.m.Columns[f]; !mapped || strings.TrimSpace(vals.Get(f)) == "" {
		return def
	}
	b, err := ParseBool(vals.Get(f))
	if err != nil {
		c.add(f, err.Error())
		return def
	}
	return b
}

func (c *converter) email(vals Values, f string) string {
	v := c.text(vals, f)
	if v == "" {
		return ""
	}
	a, err := mail.ParseAddress(v)
	if err != nil {
		c.add(f, "expected an e-mail address such as name@example.com, got "+quote(v))
		return v
	}
	return a.Address
}

// validate turns a record's validation errors into problems, each on the mapped column.
func (c *converter) validate(r isms.Record) {
	var e *isms.Error
	if err := r.Validate(); err != nil && errors.As(err, &e) {
		for f, msg := range e.Fields {
			if strings.HasSuffix(f, "Ids") || strings.HasSuffix(f, "Id") || strings.HasPrefix(f, "acceptance.") {
				continue // links are resolved and checked by the composing layer
			}
			if c.hasProblem(f) {
				continue
			}
			label := f
			if fd, ok := field(c.kind, f); ok {
				label = fd.Label
			}
			c.add(f, label+" "+msg)
		}
	}
}

func (c *converter) hasProblem(f string) bool {
	for _, p := range c.problems {
		if p.Field == f {
			return true
		}
	}
	return false
}

func (c *converter) convert(row int, vals Values) (any, []Problem) {
	c.row, c.problems = row, nil
	var rec any
	switch c.kind {
	case KindRequirements:
		r := &isms.Requirement{
			Ref: c.text(vals, "ref"), Title: c.text(vals, "title"), Text: strings.TrimSpace(vals.Get("text")),
			SourceType: c.enum(vals, "sourceType", "source", sourceTypeOf(vals.Get("source"))), Source: c.text(vals, "source"),
			Applicable: c.boolean(vals, "applicable", true),
			Status:     c.enum(vals, "status", "compliance", isms.ComplianceNotAssessed),
			Evidence:   strings.TrimSpace(vals.Get("evidence")), DueDate: c.date(vals, "dueDate"), Notes: strings.TrimSpace(vals.Get("notes")),
		}
		if r.Title == "" && r.Text != "" {
			r.Title = firstLine(r.Text, 300) // a register without titles: the text's first line
		}
		if !r.Applicable && r.Status == isms.ComplianceNotAssessed && strings.TrimSpace(vals.Get("status")) == "" {
			r.Status = isms.ComplianceNotApplicable
		}
		c.validate(r)
		rec = &RequirementRow{Requirement: r, OwnerName: c.text(vals, "owner")}
	case KindControls:
		rec = c.control(vals)
	case KindRisks:
		r := &isms.Risk{
			Ref: c.text(vals, "ref"), Title: c.text(vals, "title"), Description: strings.TrimSpace(vals.Get("description")),
			Asset: c.text(vals, "asset"), Threat: c.text(vals, "threat"), Vulnerability: c.text(vals, "vulnerability"),
			Likelihood: c.level(vals, "likelihood"), Impact: c.level(vals, "impact"),
			Status: c.enum(vals, "status", "riskStatus", ""), Treatment: c.enum(vals, "treatment", "treatment", ""),
			TreatmentPlan:      strings.TrimSpace(vals.Get("treatmentPlan")),
			ResidualLikelihood: c.level(vals, "residualLikelihood"), ResidualImpact: c.level(vals, "residualImpact"),
			IdentifiedOn: c.date(vals, "identifiedOn"), ReviewDate: c.date(vals, "reviewDate"),
		}
		if r.Title == "" && r.Description != "" {
			r.Title = firstLine(r.Description, 300)
		}
		if r.Status == "" {
			r.Status = isms.RiskIdentified
			if r.Likelihood > 0 && r.Impact > 0 {
				r.Status = isms.RiskAssessed
			}
		}
		c.validate(r)
		rec = &RiskRow{Risk: r, OwnerName: c.text(vals, "owner")}
	case KindAssets:
		a := &isms.Asset{
			Ref: c.text(vals, "ref"), Name: foldSpace(vals.Get("name")),
			Type: c.enum(vals, "type", "assetType", isms.AssetOther), Location: c.text(vals, "location"),
			Classification: c.enum(vals, "classification", "classification", ""),
			Description:    strings.TrimSpace(vals.Get("description")),
			AcquiredOn:     c.date(vals, "acquiredOn"), ReviewDate: c.date(vals, "reviewDate"),
			Status: c.enum(vals, "status", "assetStatus", isms.AssetInUse), Notes: strings.TrimSpace(vals.Get("notes")),
		}
		c.validate(a)
		rec = &AssetRow{Asset: a, OwnerName: c.text(vals, "owner"), CustodianName: c.text(vals, "custodian")}
	case KindPeople:
		name := foldSpace(vals.Get("name")) // with the first or last name of their own columns when it lacks them ("Name" | "Vorname")
		if first := foldSpace(vals.Get("firstName")); first != "" && !strings.Contains(strings.ToLower(name), strings.ToLower(first)) {
			name = strings.TrimSpace(first + " " + name)
		}
		if last := foldSpace(vals.Get("lastName")); last != "" && !strings.Contains(strings.ToLower(name), strings.ToLower(last)) {
			name = strings.TrimSpace(name + " " + last)
		}
		p := &isms.Person{Name: name, Email: c.email(vals, "email"), Department: c.text(vals, "department"),
			JobTitle: c.text(vals, "jobTitle"), Active: c.boolean(vals, "active", true)}
		c.validate(p)
		rec = &PersonRow{Person: p}
	case KindAttendance:
		a := &AttendanceRow{TrainingTitle: c.text(vals, "training"), TrainingRef: c.text(vals, "trainingRef"),
			TrainingDate: c.date(vals, "trainingDate"), Date: c.date(vals, "date"),
			PersonName: foldSpace(vals.Get("person")), PersonEmail: c.email(vals, "email"),
			Status: c.attendance(vals), Note: strings.TrimSpace(vals.Get("note"))}
		if s := c.text(vals, "score"); s != "" {
			v, err := ParsePercent(s)
			switch {
			case err != nil:
				c.add("score", err.Error())
			case v < 0 || v > 100:
				c.add("score", "expected a score between 0 and 100%, got "+quote(s))
			default:
				a.Score = v
			}
		}
		if a.TrainingTitle == "" && a.TrainingRef == "" {
			c.add("training", "Training is required: give the training's topic or reference")
		}
		if a.PersonName == "" && a.PersonEmail == "" {
			f := "person"
			if _, ok := c.m.Columns[f]; !ok {
				f = "email"
			}
			c.add(f, "a person's name or e-mail is required")
		}
		rec = a
	case KindAcknowledgements:
		a := &AcknowledgementRow{PersonName: foldSpace(vals.Get("person")), PersonEmail: c.email(vals, "email"),
			Policy: foldSpace(vals.Get("policy")), Date: c.date(vals, "date")}
		if a.PersonName == "" && a.PersonEmail == "" {
			f := "person"
			if _, ok := c.m.Columns[f]; !ok {
				f = "email"
			}
			c.add(f, "a person's name or e-mail is required")
		}
		if a.Policy == "" {
			c.add("policy", "Policy is required: give the policy's reference (such as POL-01) or its title")
		}
		if v := strings.TrimSpace(vals.Get("status")); v != "" {
			switch done, ok := acknowledged(v); {
			case !ok:
				c.add("status", "expected a completion status such as Completed, Signed or Overdue, got "+quote(v))
			case !done:
				c.add("status", "says the policy was not acknowledged ("+v+"): the row is no acknowledgement; leave such rows out"+FlagHint("--skip-invalid"))
			}
		}
		rec = a
	case KindSurveyResults:
		q := &SurveyResultRow{Question: foldSpace(vals.Get("question")), Result: strings.TrimSpace(vals.Get("result")), Has: map[string]bool{}}
		if q.Question == "" {
			c.add("question", "Question is required")
		}
		if s := c.text(vals, "answers"); s != "" {
			n, err := ParseInt(s)
			switch {
			case err != nil:
				c.add("answers", err.Error())
			case n < 0:
				c.add("answers", "expected a number of responses (0 or more), got "+quote(s))
			default:
				q.Answers, q.Has["answers"] = n, true
			}
		}
		if s := c.text(vals, "score"); s != "" {
			v, err := ParseNumber(s)
			if strings.HasSuffix(s, "%") {
				v, err = ParsePercent(s)
			}
			if err != nil {
				c.add("score", err.Error())
			} else {
				q.Score, q.Has["score"] = v, true
			}
		}
		q.Has["result"] = q.Result != ""
		rec = q
	case KindMeasurements:
		mr := &MeasurementRow{KPI: c.text(vals, "kpi"), Date: c.date(vals, "date"), Note: strings.TrimSpace(vals.Get("note"))}
		if mr.KPI == "" {
			c.add("kpi", "KPI is required")
		}
		if mr.Date == "" && !c.hasProblem("date") {
			c.add("date", "Date is required")
		}
		if s := c.text(vals, "value"); s == "" {
			c.add("value", "Value is required")
		} else if strings.HasSuffix(s, "%") {
			v, err := ParsePercent(s)
			if err != nil {
				c.add("value", err.Error())
			}
			mr.Value = v
		} else if v, err := ParseNumber(s); err != nil {
			c.add("value", err.Error())
		} else {
			mr.Value = v
		}
		rec = mr
	}
	return rec, c.problems
}

func (c *converter) control(vals Values) *ControlRow {
	src := c.text(vals, "ref")
	title := foldSpace(vals.Get("title"))
	ctl := &isms.Control{
		Title: title, Description: strings.TrimSpace(vals.Get("description")),
		Applicability:      c.enum(vals, "applicability", "applicability", isms.ApplicabilityNotAssessed),
		Justification:      strings.TrimSpace(vals.Get("justification")),
		Status:             c.enum(vals, "status", "implementation", isms.ImplNotStarted),
		ImplementationPlan: strings.TrimSpace(vals.Get("implementationPlan")), Metric: c.text(vals, "metric"),
		Evidence: strings.TrimSpace(vals.Get("evidence")), DueDate: c.date(vals, "dueDate"), Notes: strings.TrimSpace(vals.Get("notes")),
	}
	if ctl.Applicability == isms.ApplicabilityNotApplicable && strings.TrimSpace(vals.Get("status")) == "" {
		ctl.Status = isms.ImplNotApplicable
	}
	if ex := strings.TrimSpace(vals.Get("exclusionJustification")); ex != "" && (ctl.Applicability == isms.ApplicabilityNotApplicable || ctl.Justification == "") {
		ctl.Justification = ex // an excluded control's justification is its column's
	}
	if cat, ok := ResolveControl(src, title); ok {
		ctl.Ref, ctl.Theme = cat.Ref, cat.Theme
		if ctl.Title == "" {
			ctl.Title = cat.Title
		}
	} else {
		ctl.Ref, ctl.Custom = src, true
		if src == "" {
			c.add("ref", "Control reference is required (an Annex A reference such as A.5.1, or the organisation's own)")
		}
	}
	c.validate(ctl)
	return &ControlRow{Control: ctl, OwnerName: c.text(vals, "owner"), SourceRef: src}
}

// ResolveControl finds the Annex A control a sheet means by ref and title. A reference
// stored as a number loses its trailing zero (8.20 becomes 8.2) and may carry float noise
// (8.199999999999999): when the reference could be either control, the title decides; with
// no reference, a title equal to a catalogue title finds the control.
func ResolveControl(ref, title string) (isms.CatalogueControl, bool) {
	var cands []isms.CatalogueControl
	r := strings.TrimSpace(ref)
	if _, frac, ok := strings.Cut(r, "."); ok && len(frac) > 2 { // float noise: 8.199999999999999
		if f, err := strconv.ParseFloat(r, 64); err == nil {
			r = formatFloat(math.Round(f*100) / 100)
		}
	}
	if c, ok := isms.LookupControl(r); ok {
		cands = append(cands, c)
	}
	// "8.2" may be 8.20, "A.5.1" typed as 5.1 may be 5.10
	n := isms.NormalizeControlRef(r)
	if i := strings.LastIndexByte(n, '.'); i > 0 && strings.HasPrefix(n, "A.") && len(n)-i-1 == 1 {
		if c, ok := isms.LookupControl(n + "0"); ok {
			cands = append(cands, c)
		}
	}
	nt := Normalize(title)
	switch {
	case len(cands) == 1:
		return cands[0], true
	case len(cands) > 1:
		if nt != "" {
			best, bestScore := cands[0], -1
			for _, c := range cands {
				if s := titleSimilarity(nt, Normalize(c.Title)); s > bestScore {
					best, bestScore = c, s
				}
			}
			return best, true
		}
		return cands[0], true
	}
	if r == "" && nt != "" {
		for _, c := range isms.AnnexA() {
			if Normalize(c.Title) == nt {
				return c, true
			}
		}
	}
	return isms.CatalogueControl{}, false
}

// titleSimilarity counts the words two normalised titles share, with a bonus for equality.
func titleSimilarity(a, b string) int {
	if a == b {
		return 1000
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(b) {
		words[w] = true
	}
	n := 0
	for _, w := range strings.Fields(a) {
		if words[w] && !stopWords[w] {
			n++
		}
	}
	return n
}

// stopWords say nothing of what a title is about: "Leadership and commitment" is not
// like "Acceptable use of information and other associated assets".
var stopWords = map[string]bool{"and": true, "of": true, "the": true, "for": true, "to": true, "in": true, "on": true, "with": true, "a": true, "an": true, "or": true,
	"et": true, "de": true, "des": true, "du": true, "la": true, "le": true, "les": true, "und": true, "der": true, "die": true, "das": true, "y": true, "el": true, "los": true}

func firstLine(s string, n int) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	line = strings.TrimSpace(line)
	if r := []rune(line); len(r) > n {
		line = string(r[:n-1]) + "…"
	}
	return line
}
