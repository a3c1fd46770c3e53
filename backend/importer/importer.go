// Package importer brings registers from Excel and CSV files into the store: it reads a
// sheet with package xlsx, resolves the rows against the records already stored (people
// by name or e-mail, records by reference), shows what would change, and commits every
// row in one all-or-nothing batch. Every import is logged and can be reverted.
package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// Request says what to import and how.
type Request struct {
	Kind         string            `json:"kind"`         // an xlsx kind (xlsx.Kinds): requirements, controls, risks, ..., audit-results, feedback
	File         string            `json:"file"`         // path of the .xlsx, .xlsm or .csv file
	Sheet        string            `json:"sheet"`        // "" for the first visible sheet
	HeaderRow    int               `json:"headerRow"`    // Excel row number of the header; 0 to detect it
	HeaderRows   int               `json:"headerRows"`   // 1 to 3 header rows when HeaderRow is set; 0 means 1
	Map          map[string]string `json:"map"`          // field -> column letter or header name, over the proposal
	Unmap        []string          `json:"unmap"`        // fields to leave unmapped
	FillDown     []string          `json:"fillDown"`     // column letters whose blanks take the value above
	KeepSections bool              `json:"keepSections"` // import section rows instead of skipping them
	DayFirst     bool              `json:"dayFirst"`     // read 03/04/2024 as 3 April
	SkipInvalid  bool              `json:"skipInvalid"`  // import the valid rows and list the invalid ones
	// DateOrder overrides the user's date order preference for this import: DateOrderDay
	// or DateOrderMonth; "" keeps the preference.
	DateOrder string `json:"dateOrder"`
	// Scale is the file's own scale for risk scores, read onto the risk method's levels:
	// a range ("1-10") or words with their level ("Low=1, Medium=2, High=3"); "" keeps
	// a saved mapping's, else reads scores on the method's scale.
	Scale string `json:"scale"`
	// SHA256, when set, is the digest of the file as it was previewed: the import refuses a
	// file that changed since.
	SHA256 string `json:"sha256"`
	// MatchBy is the field that matches rows to stored requirements, controls, risks and assets:
	// "ref" (the default) or another field, such as "title".
	MatchBy string `json:"matchBy"`
	// Survey names, for survey-results, the survey the results belong to: its reference or
	// exact title (or its ID, as the wizard sends it).
	Survey string `json:"survey"`
	// Audit names, for audit-results, the audit whose checklist the results go into: its
	// reference or exact title (or its ID, as the wizard sends it).
	Audit string `json:"audit"`
	// MergeBy makes rows with the same value of this field (after fill-down) one record:
	// "" keeps the proposal (see xlsx.ProposeLayout), MergeNone merges nothing.
	MergeBy string `json:"mergeBy"`
	// NoFillDown fills no column down, not even the proposed ones.
	NoFillDown bool `json:"noFillDown"`
	// Sheets names more sheets to import with Sheet, in one all-or-nothing run; AllSheets
	// imports every visible sheet that shares Sheet's layout (Plan.LayoutSheets).
	Sheets    []string `json:"sheets"`
	AllSheets bool     `json:"allSheets"`
	// From2013, for a controls file numbered as ISO/IEC 27001:2013, brings its decisions
	// onto the 2022 controls through the ISO/IEC 27002:2022 Annex B correspondence.
	From2013 bool `json:"from2013"`
	// Fixed gives a field the same value on every row whose cell is empty (every row when
	// the field has no column), before the rows are checked: source type "Legal", source "NIS2".
	Fixed map[string]string `json:"fixed"`
	// Fixes are the IDs of the plan's bulk fixes to apply (see Plan.Fixes); "all" applies every one.
	Fixes []string `json:"fixes"`
}

// Action says what an import does with a row.
type Action string

// Row actions.
const (
	ActionCreate    Action = "create"
	ActionUpdate    Action = "update"
	ActionUnchanged Action = "unchanged"
	ActionInvalid   Action = "invalid"
	ActionSection   Action = "section"
)

// PlannedRow is one data row and what the import does with it.
type PlannedRow struct {
	Row      int            `json:"row"`
	Action   Action         `json:"action"`
	Ref      string         `json:"ref"`
	Title    string         `json:"title"`
	Problems []xlsx.Problem `json:"problems"`
	Sheet    string         `json:"sheet,omitempty"` // when the import reads several sheets

	rec isms.Record // the record to write (create or update)
}

// Plan is what an import would do, before anything is written.
type Plan struct {
	Request   Request          `json:"request"`
	FileName  string           `json:"fileName"`
	SHA256    string           `json:"sha256"`
	Sheet     string           `json:"sheet"`
	Sheets    []xlsx.SheetInfo `json:"sheets"`
	Header    xlsx.Header      `json:"header"`
	Mapping   xlsx.Mapping     `json:"mapping"`
	Fields    []xlsx.Field     `json:"fields"`
	Rows      []PlannedRow     `json:"rows"`
	NewPeople []string         `json:"newPeople"` // owners, attendees and acknowledging people not yet known, added as people
	Counts    Counts           `json:"counts"`
	Errors    []xlsx.Problem   `json:"errors"`
	// MappingProblems say which fields still need a column; nothing can be imported until
	// they are solved.
	MappingProblems []xlsx.Problem `json:"mappingProblems"`
	// Sections are the rows skipped as section headings, with their text.
	Sections []SectionRow `json:"sections"`
	// Warnings are date columns read by the date order alone, with how many dates it decides.
	Warnings []xlsx.DateWarning `json:"warnings"`
	// LocaleHint says why dates are read day-first when the file suggests it ("the file
	// separates its values with ;"); "" when the file says nothing.
	LocaleHint string `json:"localeHint"`
	// Unmapped are the columns with values that no field takes: not imported.
	Unmapped []xlsx.UnmappedColumn `json:"unmapped"`
	// ISO2013 is set when a controls file is a Statement of Applicability of ISO/IEC
	// 27001:2013: it cannot be imported until the request brings it onto 2022 (From2013).
	ISO2013 *ISO2013 `json:"iso2013"`
	// LayoutSheets are the other sheets with this sheet's layout, which the request can
	// import together with it (AllSheets); SheetsRead the sheets this plan reads.
	LayoutSheets []string `json:"layoutSheets"`
	SheetsRead   []string `json:"sheetsRead"`
	// Merged are the records read from several rows (Mapping.MergeBy), MergedRows the
	// number of rows joined into them.
	Merged     []MergedRecord `json:"merged"`
	MergedRows int            `json:"mergedRows"`
	// NewControls are the custom controls the import creates ("C-01 Visitor escort").
	NewControls []string `json:"newControls"`
	// GuessedPeople are the names of a person column proposed by a weak match that match
	// no stored person: no one is created from them until the user chooses the column.
	GuessedPeople []GuessedPeople `json:"guessedPeople"`
	// RepeatedTitles are titles that several rows share (a warning: rows are still imported).
	RepeatedTitles []RepeatedTitle `json:"repeatedTitles"`
	// RepeatedTitleCount is how many titles several rows share (RepeatedTitles lists the first).
	RepeatedTitleCount int `json:"repeatedTitleCount"`
	// ProblemGroups are the row problems grouped by field and kind of message, largest first.
	ProblemGroups []ProblemGroup `json:"problemGroups"`
	// Fixes are the corrections offered for rows that break a domain rule the same way;
	// the request's Fixes apply them.
	Fixes []Fix `json:"fixes"`

	people []*isms.Person // people to create before the rows
	extra  []isms.Record  // other records to create before the rows (trainings)
	acks   []*ackUpdate   // acknowledgements: the policies the rows update, in row order
	spent  bool           // Commit took the records: the plan cannot be committed again
}

// Counts summarise a plan or a finished import.
type Counts struct {
	Rows      int `json:"rows"` // data rows, section rows left out
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Skipped   int `json:"skipped"` // invalid rows left out with SkipInvalid
	Invalid   int `json:"invalid"`
	Sections  int `json:"sections"`
}

// sourceOf is the history source of the records an import writes.
func sourceOf(fileName, sheet string) string {
	if sheet == "" {
		return "imported from " + fileName
	}
	return fmt.Sprintf("imported from %s (sheet %s)", fileName, sheet)
}

// fileDigest returns the SHA-256 of a file.
func fileDigest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Prepare reads the file and works out, against the records stored now, what importing
// it would do. It writes nothing. A problem with the file itself is returned as an
// error; problems with rows are in the plan.
func Prepare(ctx context.Context, db *store.DB, req Request) (*Plan, error) {
	fields, err := xlsx.Fields(req.Kind)
	if err != nil {
		return nil, isms.Errorf(isms.CodeInvalid, "unknown import kind %q; use one of %s", req.Kind, strings.Join(xlsx.Kinds(), ", "))
	}
	if req.MatchBy != "" && !hasField(fields, req.MatchBy) {
		return nil, isms.Errorf(isms.CodeInvalid, "cannot match rows by %q: %s has no such field; its fields are %s", req.MatchBy, req.Kind, fieldNames(fields))
	}
	wb, err := xlsx.OpenFile(req.File)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	digest, err := fileDigest(req.File)
	if err != nil {
		return nil, fmt.Errorf("importer: unable to read %s: %w", req.File, err)
	}
	name := filepath.Base(req.File)
	if req.SHA256 != "" && req.SHA256 != digest {
		return nil, isms.Errorf(isms.CodeConflict, "%s changed since it was previewed; preview it again before importing", name)
	}
	if req.Sheet != "" {
		if _, ok := wb.Sheet(req.Sheet); !ok {
			return nil, isms.Errorf(isms.CodeInvalid, "%s has no sheet named %q; its sheets are %s", name, req.Sheet, sheetNames(wb.Sheets))
		}
	}
	if req.Sheet == "" {
		req.Sheet = RegisterSheet(wb, req.Kind)
	}
	grid, err := wb.ReadSheet(req.Sheet, xlsx.ReadOptions{})
	if err != nil {
		return nil, err
	}
	var header xlsx.Header
	if req.HeaderRow > 0 {
		rows := req.HeaderRows
		if rows == 0 {
			rows = 1
		}
		header, err = xlsx.HeaderAt(grid, req.HeaderRow, rows)
	} else {
		header, err = xlsx.DetectHeader(grid)
	}
	if err != nil {
		return nil, err
	}
	if err := emptyRegister(name, grid, header); err != nil {
		return nil, err
	}
	hint := localeHint(wb, header, grid)
	mapping, err := chooseMapping(db, req, header, grid, hint)
	if err != nil {
		return nil, err
	}
	p := &Plan{
		Request: req, FileName: name, SHA256: digest, Sheet: grid.Sheet, Sheets: wb.Sheets,
		Header: header, Mapping: mapping, Fields: fields,
		Rows: []PlannedRow{}, NewPeople: []string{}, Errors: []xlsx.Problem{},
		Sections: []SectionRow{}, Warnings: []xlsx.DateWarning{}, LocaleHint: hint,
		NewControls: []string{}, GuessedPeople: []GuessedPeople{}, RepeatedTitles: []RepeatedTitle{},
		ProblemGroups: []ProblemGroup{}, Fixes: []Fix{},
		SheetsRead: []string{grid.Sheet}, Merged: []MergedRecord{},
	}
	p.LayoutSheets = layoutSheets(wb, grid.Sheet, header, mapping)
	p.Unmapped = xlsx.UnmappedColumns(header, grid, mapping)
	if err := checkFixed(req, fields, mapping); err != nil {
		return nil, err
	}
	if err := checkFixes(req); err != nil {
		return nil, err
	}
	if problems := withoutFixed(req, mappingProblems(req, mapping.Check(header))); len(problems) > 0 {
		p.MappingProblems = problems
		return p, nil
	}
	p.Warnings = append(p.Warnings, xlsx.AmbiguousDates(req.Kind, header, grid, mapping)...)
	data := len(header.DataRows(grid))
	rowsOf := xlsx.TakeRows // the sheet's cells go as the rows are read...
	if len(fixedValues(req)) > 0 {
		rowsOf = xlsx.Rows // ...unless withFixed reads them again
	}
	results, err := rowsOf(req.Kind, header, grid, mapping)
	if err != nil {
		return nil, err
	}
	if results, err = withFixed(req, header, grid, mapping, results); err != nil {
		return nil, err
	}
	extra, err := extraSheets(wb, req, grid.Sheet, p.LayoutSheets)
	if err != nil {
		return nil, err
	}
	if len(extra) > 0 { // one register over several sheets: imported together
		for i := range results {
			results[i].Sheet = grid.Sheet
		}
		more, err := readSheets(ctx, wb, req, header, mapping, extra)
		if err != nil {
			return nil, err
		}
		results = append(results, more...)
		p.SheetsRead = append(p.SheetsRead, extra...)
		p.Sheet = strings.Join(p.SheetsRead, ", ")
	}
	p.Merged, p.MergedRows = mergedRecords(results)
	p.Sections = sectionRows(header, mapping, results)
	if ctx.Err() != nil {
		return nil, cancelled(name)
	}
	grid = nil // the rows hold what they need of the sheet: its cells go as they are resolved
	err = db.View(func(tx *store.Tx) error { return resolve(ctx, tx, p, results) })
	if ctx.Err() != nil {
		return nil, cancelled(name)
	}
	if err != nil {
		return nil, err
	}
	if len(extra) > 0 {
		tagSheets(p, results)
	}
	p.noRecords(data, results)
	return p, nil
}

// Date orders a request can ask for.
const (
	DateOrderDay   = "day"   // 03/04/2024 is 3 April
	DateOrderMonth = "month" // 03/04/2024 is March 4
)

// mappingProblems drops the need for a reference column when rows are matched by another
// field: rows that update a stored record keep its reference, new ones must still give one.
func mappingProblems(req Request, problems []xlsx.Problem) []xlsx.Problem {
	if req.MatchBy == "" || req.MatchBy == "ref" {
		return problems
	}
	out := problems[:0:0]
	for _, pr := range problems {
		if pr.Field != "ref" {
			out = append(out, pr)
		}
	}
	return out
}

func sheetNames(sheets []xlsx.SheetInfo) string {
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = fmt.Sprintf("%q", s.Name)
	}
	return strings.Join(names, ", ")
}

// chooseMapping starts from a saved mapping for the same header layout, or the
// proposal, and applies the request's own choices.
func chooseMapping(db *store.DB, req Request, h xlsx.Header, g *xlsx.Grid, hint string) (xlsx.Mapping, error) {
	m, err := xlsx.ProposeMappingFor(req.Kind, h, g)
	if err != nil {
		return m, err
	}
	m.Layout = xlsx.ProposeLayout(req.Kind, h, g, &m)
	if saved, ok, err := SavedMapping(db, req.Kind, xlsx.LayoutKey(h)); err != nil {
		return m, err
	} else if ok {
		m.Columns = saved.Mapping.Columns
		m.FillDown = saved.Mapping.FillDown
		m.SplitRef, m.MergeBy, m.Layout = saved.Mapping.SplitRef, saved.Mapping.MergeBy, nil
		m.SkipSections = saved.Mapping.SkipSections
		m.Locale = saved.Mapping.Locale
		m.Scale = saved.Mapping.Scale
		m.Confidence = savedConfidence(m)
	}
	fields, _ := xlsx.Fields(req.Kind)
	for _, f := range req.Unmap {
		if !hasField(fields, f) {
			return m, isms.Errorf(isms.CodeInvalid, "--unmap %s: %s has no field %q; its fields are %s", f, req.Kind, f, fieldNames(fields))
		}
		delete(m.Columns, f)
		delete(m.Confidence, f)
	}
	for field, col := range req.Map {
		if !hasField(fields, field) {
			return m, isms.Errorf(isms.CodeInvalid, "--map %s=%s: %s has no field %q; its fields are %s", field, col, req.Kind, field, fieldNames(fields))
		}
		letter, ok := columnOf(h, col)
		if !ok {
			return m, isms.Errorf(isms.CodeInvalid, "--map %s=%s: there is no column %q in the header (row %d)", field, col, col, h.Row)
		}
		if m.Columns == nil {
			m.Columns = map[string]string{}
		}
		for f, c := range m.Columns { // a column feeds one field
			if c == letter {
				delete(m.Columns, f)
			}
		}
		m.Columns[field] = letter
		if m.Confidence == nil {
			m.Confidence = map[string]string{}
		}
		m.Confidence[field] = xlsx.ConfidenceChosen
	}
	if err := chooseScale(db, req, &m); err != nil {
		return m, err
	}
	if len(req.FillDown) > 0 {
		m.FillDown = req.FillDown
	}
	if err := layoutChoices(req, h, fields, &m); err != nil {
		return m, err
	}
	if req.KeepSections {
		m.SkipSections = false
	}
	switch {
	case req.DayFirst || req.DateOrder == DateOrderDay:
		m.Locale.DayFirst = true
	case req.DateOrder == DateOrderMonth:
		m.Locale.DayFirst = false
	default: // the sheet's own dates, else the user's preference; a column's own dates decide first
		dayFirst, err := DayFirst(db)
		if err != nil {
			return m, err
		}
		m.Locale.DayFirst = m.Locale.DayFirst || dayFirst || hint != ""
		switch day, month := sheetDateOrder(h, g); {
		case month != "" && day == "":
			m.Locale.DayFirst = false
		case day == "" && month == "": // nothing in the sheet says: as the file was read the last time
			last, ok, err := lastDateOrder(db, req.Kind, m.LayoutKey)
			if err != nil {
				return m, err
			}
			if ok {
				m.Locale.DayFirst = last
			}
		}
	}
	for f := range m.NotProposed { // the user chose a column for it
		if _, ok := m.Columns[f]; ok {
			delete(m.NotProposed, f)
		}
	}
	return m, nil
}

func hasField(fields []xlsx.Field, name string) bool {
	for _, f := range fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

func fieldNames(fields []xlsx.Field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}

// columnOf finds a column by letter ("C") or by header name (case and spacing folded).
func columnOf(h xlsx.Header, col string) (string, bool) {
	// a letter of the table first: a header named "I" (impact) is still column I's letter
	// when the table has a column I; any column can be given by its letter
	up := strings.ToUpper(strings.TrimSpace(col))
	for _, c := range h.Columns {
		if c.Letter == up {
			return c.Letter, true
		}
	}
	want := xlsx.Normalize(col)
	for _, c := range h.Columns {
		if xlsx.Normalize(c.Name) == want {
			return c.Letter, true
		}
	}
	return "", false
}
