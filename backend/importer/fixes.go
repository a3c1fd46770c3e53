package importer

import (
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// This file holds the corrections an import makes to rows before they are checked: the
// request's fixed values (one value for a field on every row) and the bulk fixes offered
// for rows that break a domain rule the same way.

// FixAll, in Request.Fixes, applies every fix the plan offers.
const FixAll = "all"

// Fix is a correction offered for every row that breaks one domain rule the same way.
type Fix struct {
	ID          string `json:"id"`
	Field       string `json:"field"`
	Problem     string `json:"problem"`     // the rule the rows break, in words
	Description string `json:"description"` // what the fix does, with the number of rows
	Rows        int    `json:"rows"`
	Examples    []int  `json:"examples"` // the first Excel rows it applies to
	Applied     bool   `json:"applied"`  // the request applies it: the rows are no longer invalid
}

// fixRule is a domain rule with a known correction. A rule whose only correction would
// be invented content (a default justification for an exclusion) has none: it stays a
// row problem.
type fixRule struct {
	id, kind, field string
	message         string // the rule's own words, ending the problem's message
	problem         string // the broken rule, for the user
	action          string // what the fix does, as a verb phrase
	apply           func(isms.Record) bool
}

var fixRules = []fixRule{
	{
		id: "requirement-not-applicable-status", kind: xlsx.KindRequirements, field: "status",
		message: "must be Not applicable or Not assessed when the requirement does not apply",
		problem: "the requirement does not apply, yet its compliance status is another one",
		action:  "set the compliance status to Not applicable",
		apply: func(r isms.Record) bool {
			req, ok := r.(*isms.Requirement)
			if ok {
				req.Status = isms.ComplianceNotApplicable
			}
			return ok
		},
	},
	{
		id: "excluded-control-status", kind: xlsx.KindControls, field: "status",
		message: "must be Not applicable for an excluded control",
		problem: "the control is excluded (not applicable), yet its implementation status is another one",
		action:  "set the implementation status to Not applicable",
		apply: func(r isms.Record) bool {
			c, ok := r.(*isms.Control)
			if ok {
				c.Status = isms.ImplNotApplicable
			}
			return ok
		},
	},
}

// ruleFor returns the fix rule a problem of a row of kind breaks, or nil.
func ruleFor(kind, field, message string) *fixRule {
	for i := range fixRules {
		r := &fixRules[i]
		if r.kind == kind && r.field == field && strings.HasSuffix(message, r.message) {
			return r
		}
	}
	return nil
}

// checkFixes refuses a request naming a fix that does not exist.
func checkFixes(req Request) error {
	for _, id := range req.Fixes {
		if id == FixAll || slices.ContainsFunc(fixRules, func(r fixRule) bool { return r.id == id }) {
			continue
		}
		var ids []string
		for _, r := range fixRules {
			if r.kind == req.Kind {
				ids = append(ids, r.id)
			}
		}
		if len(ids) == 0 {
			return isms.Errorf(isms.CodeInvalid, "--fix %s: there is no such fix; %s rows have none", id, req.Kind)
		}
		return isms.Errorf(isms.CodeInvalid, "--fix %s: there is no such fix; for %s use %s, or all", id, req.Kind, strings.Join(ids, ", "))
	}
	return nil
}

// fixer counts the rows each fix rule covers and applies the rules the request asks for.
type fixer struct {
	kind    string
	enabled map[string]bool
	fixes   map[string]*Fix
	last    map[string]int // rule -> the last Excel row counted, so a row counts once
}

func newFixer(req Request) *fixer {
	f := &fixer{kind: req.Kind, enabled: map[string]bool{}, fixes: map[string]*Fix{}, last: map[string]int{}}
	for _, id := range req.Fixes {
		if id == FixAll {
			for _, r := range fixRules {
				f.enabled[r.id] = true
			}
		}
		f.enabled[id] = true
	}
	return f
}

// note counts a row under a rule and says whether the rule is to be applied.
func (f *fixer) note(r *fixRule, row int) bool {
	fx, ok := f.fixes[r.id]
	if !ok {
		fx = &Fix{ID: r.id, Field: r.field, Problem: r.problem, Applied: f.enabled[r.id], Examples: []int{}}
		f.fixes[r.id] = fx
	}
	if f.last[r.id] != row {
		f.last[r.id] = row
		fx.Rows++
		if len(fx.Examples) < 5 {
			fx.Examples = append(fx.Examples, row)
		}
	}
	return fx.Applied
}

// converted applies the enabled fixes to a converted row: the problems they solve are
// dropped (the record is checked again when it is planned).
func (f *fixer) converted(res xlsx.RowResult) []xlsx.Problem {
	rec := rowRecord(res.Record)
	out := res.Problems[:0:0]
	for _, pr := range res.Problems {
		if r := ruleFor(f.kind, pr.Field, pr.Message); r != nil && f.note(r, res.Row) && rec != nil && r.apply(rec) {
			continue
		}
		out = append(out, pr)
	}
	return out
}

// record applies the enabled fixes to a record whose validation failed with err; it
// reports whether it changed the record.
func (f *fixer) record(rec isms.Record, row int, err error) bool {
	var e *isms.Error
	if !errors.As(err, &e) {
		return false
	}
	changed := false
	for _, field := range slices.Sorted(maps.Keys(e.Fields)) {
		if r := ruleFor(f.kind, field, e.Fields[field]); r != nil && f.note(r, row) && r.apply(rec) {
			changed = true
		}
	}
	return changed
}

// list returns the fixes met, in the order of the rule table, each described with its count.
func (f *fixer) list() []Fix {
	out := []Fix{}
	for _, r := range fixRules {
		fx, ok := f.fixes[r.id]
		if !ok {
			continue
		}
		these := "this row"
		if fx.Rows != 1 {
			these = fmt.Sprintf("these %s rows", thousands(fx.Rows))
		}
		fx.Description = fmt.Sprintf("%s%s for %s", strings.ToUpper(r.action[:1]), r.action[1:], these)
		out = append(out, *fx)
	}
	return out
}

// thousands writes 8012 as "8,012".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// rowRecord is the record a converted row holds, or nil for the kinds whose rows are
// resolved into records later (attendance, acknowledgements, ...).
func rowRecord(v any) isms.Record {
	switch x := v.(type) {
	case *xlsx.RequirementRow:
		return x.Requirement
	case *xlsx.ControlRow:
		return x.Control
	case *xlsx.RiskRow:
		return x.Risk
	case *xlsx.AssetRow:
		return x.Asset
	case *xlsx.PersonRow:
		return x.Person
	case isms.Record:
		return x
	}
	return nil
}

// validate checks a record, applying the enabled fixes to what it breaks.
func (r *resolver) validate(rec isms.Record, row int) error {
	err := rec.Validate()
	if err != nil && r.fix.record(rec, row, err) {
		err = rec.Validate()
	}
	return err
}

// ProblemGroup is the row problems of one field with one kind of message.
type ProblemGroup struct {
	Field    string `json:"field"`
	Message  string `json:"message"` // the first problem's message
	Rows     int    `json:"rows"`
	Examples []int  `json:"examples"` // the first Excel rows
	Fix      string `json:"fix"`      // the ID of the fix offered for it, "" when none
}

var (
	quoted = regexp.MustCompile(`"[^"]*"|'[^']*'|“[^”]*”`)
	digits = regexp.MustCompile(`[0-9]+`)
)

// messageClass folds a problem's message to its kind: quoted values and numbers removed.
func messageClass(msg string) string {
	return digits.ReplaceAllString(quoted.ReplaceAllString(msg, `"…"`), "#")
}

// maxGroups bounds the groups a plan lists.
const maxGroups = 50

// groupProblems groups row problems by field and kind of message, largest first.
func groupProblems(kind string, problems []xlsx.Problem) []ProblemGroup {
	type group struct {
		ProblemGroup
		last, first int
	}
	byKey := map[string]*group{}
	var order []*group
	for _, pr := range problems {
		if pr.Row == 0 {
			continue
		}
		k := pr.Field + "\x00" + messageClass(pr.Message)
		g, ok := byKey[k]
		if !ok {
			g = &group{ProblemGroup: ProblemGroup{Field: pr.Field, Message: pr.Message, Examples: []int{}}, first: len(order)}
			if r := ruleFor(kind, pr.Field, pr.Message); r != nil {
				g.Fix = r.id
			}
			byKey[k] = g
			order = append(order, g)
		}
		if g.last != pr.Row {
			g.last = pr.Row
			g.Rows++
			if len(g.Examples) < 5 {
				g.Examples = append(g.Examples, pr.Row)
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].Rows > order[j].Rows })
	out := []ProblemGroup{}
	for i, g := range order {
		if i == maxGroups {
			break
		}
		out = append(out, g.ProblemGroup)
	}
	return out
}

// RepeatedTitle is a title that several rows share.
type RepeatedTitle struct {
	Title string `json:"title"`
	Count int    `json:"count"`
	Rows  []int  `json:"rows"` // the first Excel rows
}

// maxRepeated bounds the repeated titles a plan lists.
const maxRepeated = 100

// titles counts the titles of the rows. Each title is kept by a hash of its folded text,
// with the record's own string (a lowered copy per row held 12 MB at 100,000 rows); two
// titles that share a hash but not their text are told apart by a map of the text.
type titles struct {
	seed   maphash.Seed
	byHash map[uint64]int32 // hash of the folded title -> index in seen
	byText map[string]int32 // the folded titles whose hash another title has
	seen   []seenTitle      // in the order of their first row
}

type seenTitle struct {
	title string   // as the first row writes it
	count int32    // rows with the title
	rows  [5]int32 // the first rows
}

// add counts the title of a converted row (records with a title only).
func (t *titles) add(res xlsx.RowResult) {
	rec := rowRecord(res.Record)
	if rec == nil || rec.Kind() == isms.KindPerson {
		return
	}
	var title string
	switch x := rec.(type) { // the common kinds without building their terms
	case *isms.Requirement:
		title = x.Title
	case *isms.Control:
		title = x.Title
	case *isms.Risk:
		title = x.Title
	case *isms.Asset:
		title = x.Name
	default:
		title = rec.Terms().Title
	}
	if strings.TrimSpace(title) == "" {
		return
	}
	key := t.key(title)
	i, ok := t.byHash[key]
	if ok && foldTitle(t.seen[i].title) != foldTitle(title) {
		// another title with the same hash: the text decides
		if t.byText == nil {
			t.byText = map[string]int32{foldTitle(t.seen[i].title): i}
		}
		i, ok = t.byText[foldTitle(title)]
		if !ok {
			i = int32(len(t.seen))
			t.byText[foldTitle(title)] = i
			t.seen = append(t.seen, seenTitle{title: title})
		}
	} else if !ok {
		i = int32(len(t.seen))
		t.byHash[key] = i
		t.seen = append(t.seen, seenTitle{title: title})
	}
	st := &t.seen[i]
	if int(st.count) < len(st.rows) {
		st.rows[st.count] = int32(res.Row)
	}
	st.count++
}

// key is the hash of a title's words, lowered, one space apart ("Access  Control " is
// "access control"), without building that string.
func (t *titles) key(title string) uint64 {
	if t.byHash == nil {
		t.seed, t.byHash = maphash.MakeSeed(), map[uint64]int32{}
	}
	var h maphash.Hash
	h.SetSeed(t.seed)
	var buf [utf8.UTFMax]byte
	gap := false
	for _, r := range title {
		if unicode.IsSpace(r) {
			gap = h.Size() > 0
			continue
		}
		if gap {
			h.WriteByte(' ')
			gap = false
		}
		h.Write(utf8.AppendRune(buf[:0], unicode.ToLower(r)))
	}
	return h.Sum64()
}

// foldTitle is a title's words, lowered, one space apart.
func foldTitle(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// repeated lists the titles on several rows, most repeated first, and how many there are.
func (t *titles) repeated() ([]RepeatedTitle, int) {
	var rep []*seenTitle
	for i := range t.seen {
		if t.seen[i].count > 1 {
			rep = append(rep, &t.seen[i])
		}
	}
	sort.SliceStable(rep, func(i, j int) bool { return rep[i].count > rep[j].count })
	out := []RepeatedTitle{}
	for i, st := range rep {
		if i == maxRepeated {
			break
		}
		rt := RepeatedTitle{Title: strings.Join(strings.Fields(st.title), " "), Count: int(st.count)}
		for _, r := range st.rows[:min(int(st.count), len(st.rows))] {
			rt.Rows = append(rt.Rows, int(r))
		}
		out = append(out, rt)
	}
	return out, len(rep)
}

// fixedValues are the request's fixed values that are not blank.
func fixedValues(req Request) map[string]string {
	out := map[string]string{}
	for f, v := range req.Fixed {
		if v = strings.TrimSpace(v); v != "" {
			out[f] = v
		}
	}
	return out
}

// checkFixed refuses a fixed value for a field the kind does not have, for the field that
// identifies rows, or that does not read as the field.
func checkFixed(req Request, fields []xlsx.Field, m xlsx.Mapping) error {
	fixed := fixedValues(req)
	for _, name := range slices.Sorted(maps.Keys(fixed)) {
		v := fixed[name]
		i := slices.IndexFunc(fields, func(f xlsx.Field) bool { return f.Name == name })
		if i < 0 {
			return isms.Errorf(isms.CodeInvalid, "--set %s: %s has no field %q; its fields are %s", name, req.Kind, name, fieldNames(fields))
		}
		f := fields[i]
		if f.Key {
			return isms.Errorf(isms.CodeInvalid, "%s identifies each row, so it cannot have the same value on every row", f.Label)
		}
		var err error
		switch f.Type {
		case xlsx.TypeEnum:
			_, err = xlsx.ParseEnum(f.Enum, v)
		case xlsx.TypeBool:
			_, err = xlsx.ParseBool(v)
		case xlsx.TypeDate:
			_, err = xlsx.ParseDate(v, m.Locale)
		}
		if err != nil {
			return isms.Errorf(isms.CodeInvalid, "the value for every row of %s: %v", f.Label, err)
		}
	}
	return nil
}

// withoutFixed drops the mapping problems of fields that have a fixed value.
func withoutFixed(req Request, problems []xlsx.Problem) []xlsx.Problem {
	fixed := fixedValues(req)
	if len(fixed) == 0 {
		return problems
	}
	out := problems[:0:0]
	for _, pr := range problems {
		if _, ok := fixed[pr.Field]; !ok || pr.Field == "" {
			out = append(out, pr)
		}
	}
	return out
}

// withFixed converts again, with the fixed values in the empty cells, the rows that are
// records (section rows and blank rows stay as the first reading found them). A field
// without a column takes its value in a column added after the sheet's last.
func withFixed(req Request, h xlsx.Header, g *xlsx.Grid, m xlsx.Mapping, results []xlsx.RowResult) ([]xlsx.RowResult, error) {
	fixed := fixedValues(req)
	if len(fixed) == 0 {
		return results, nil
	}
	h2, m2 := h, m
	h2.Columns = slices.Clone(h.Columns)
	m2.Columns = maps.Clone(m.Columns)
	if m2.Columns == nil {
		m2.Columns = map[string]string{}
	}
	m2.SkipSections = false // the first reading decided which rows are sections
	next := g.Width
	for _, c := range h.Columns {
		next = max(next, c.Index+1)
	}
	added := map[string]bool{} // letters of the added columns
	col := map[string]int{}    // fixed field -> column index
	for _, f := range slices.Sorted(maps.Keys(fixed)) {
		if c := m.Column(f); c >= 0 {
			col[f] = c
			continue
		}
		l := xlsx.ColumnLetter(next)
		h2.Columns = append(h2.Columns, xlsx.Column{Index: next, Letter: l, Name: f})
		m2.Columns[f], col[f], added[l] = l, next, true
		next++
	}
	at := make(map[int]int, len(g.Rows)) // Excel row -> index in the grid
	for i, r := range g.Rows {
		at[r.Num] = i
	}
	g2 := *g
	g2.Rows = slices.Clone(g.Rows)
	g2.Width = max(g.Width, next)
	for _, res := range results {
		i, ok := at[res.Row]
		if res.Section || !ok {
			continue
		}
		var cells []string
		for f, v := range fixed {
			if strings.TrimSpace(res.Values.Get(f)) != "" {
				continue
			}
			if cells == nil {
				cells = slices.Clone(g2.Rows[i].Cells)
			}
			for len(cells) <= col[f] {
				cells = append(cells, "")
			}
			cells[col[f]] = v
		}
		if cells != nil {
			g2.Rows[i].Cells = cells
		}
	}
	again, err := xlsx.Rows(req.Kind, h2, &g2, m2)
	if err != nil {
		return nil, err
	}
	byRow := make(map[int]xlsx.RowResult, len(again))
	for _, r := range again {
		byRow[r.Row] = r
	}
	out := make([]xlsx.RowResult, len(results))
	for i, res := range results {
		if r, ok := byRow[res.Row]; ok && !res.Section {
			for j := range r.Problems {
				if added[r.Problems[j].Column] {
					r.Problems[j].Column = ""
				}
			}
			r.Section = false
			res = r
		}
		out[i] = res
	}
	return out, nil
}
