package importer

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/mail"
	"slices"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// resolvedField is the JSON field that a column naming other records fills once they are
// resolved: an owner's (or custodian's) name becomes a person's ID, control and risk
// references become control and risk IDs.
var resolvedField = map[string]string{"owner": "ownerId", "custodian": "custodianId", "controls": "controlIds", "risks": "riskIds"}

// directory finds people by name or e-mail, including the ones this import adds: an
// owner repeated on many rows, written by name, e-mail or "Name <address>", is one person.
type directory struct {
	byKey   map[string]string       // folded name or e-mail -> person ID
	added   []string                // keys this import added, in order (undone with a row)
	planned map[string]*isms.Person // people this import creates, by ID
	source  map[string]string       // planned person ID -> the text it was made from
	edits   []personEdit            // changes to planned people, in order (undone with a row)
	plan    *Plan
}

// personEdit is a planned person's name and e-mail before a later row completed them.
type personEdit struct {
	p           *isms.Person
	name, email string
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// nameKey is the key a person's name is found by: folded, and "Smith, John" (as HR
// systems list people) read as "John Smith".
func nameKey(s string) string {
	last, first, ok := strings.Cut(s, ",")
	if !ok || strings.Contains(first, ",") || nameSuffixes[fold(strings.Trim(first, " ."))] {
		return fold(s)
	}
	last, first = strings.TrimSpace(last), strings.TrimSpace(first)
	if last == "" || first == "" || len(strings.Fields(last)) > 3 || len(strings.Fields(first)) > 3 {
		return fold(s)
	}
	return fold(first + " " + last)
}

// nameSuffixes follow a name after a comma without making it "Last, First".
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "phd": true, "md": true, "msc": true, "cissp": true}

func newDirectory(tx *store.Tx, p *Plan) (*directory, error) {
	d := &directory{byKey: map[string]string{}, planned: map[string]*isms.Person{}, source: map[string]string{}, plan: p}
	err := tx.Each(isms.KindPerson, func(r isms.Record) error {
		person := r.(*isms.Person)
		d.byKey[nameKey(person.Name)] = person.ID
		if person.Email != "" {
			d.byKey[fold(person.Email)] = person.ID
		}
		return nil
	})
	return d, err
}

// split reads an owner written as an e-mail address, or as "Name <address>" (copied from mail).
func split(name, email string) (string, string) {
	name, email = strings.TrimSpace(name), strings.TrimSpace(email)
	if email == "" && strings.Contains(name, "@") {
		if a, err := mail.ParseAddress(name); err == nil {
			name, email = strings.TrimSpace(a.Name), a.Address
		}
	}
	return name, email
}

// find returns the ID of the person with that e-mail or name, "" when there is none.
func (d *directory) find(name, email string) string {
	name, email = split(name, email)
	for _, k := range []string{fold(email), nameKey(name)} {
		if id, ok := d.byKey[k]; ok && k != "" {
			return id
		}
	}
	return ""
}

// key adds a key for a person unless another person has it.
func (d *directory) key(k, id string) {
	if _, taken := d.byKey[k]; k != "" && !taken {
		d.byKey[k] = id
		d.added = append(d.added, k)
	}
}

// person returns the ID of the person with that name or e-mail, planning a new person
// when there is none. What a row adds to a person found completes it for the next rows:
// "Ada Lovelace" then "Ada Lovelace <ada@example.com>" then "ada@example.com" is one person
// (a planned person gets the e-mail; a stored one is not changed).
func (d *directory) person(name, email string) string {
	name, email = split(name, email)
	if name == "" && email == "" {
		return ""
	}
	if id := d.find(name, email); id != "" {
		if p, ok := d.planned[id]; ok {
			if email != "" && p.Email == "" {
				d.edits = append(d.edits, personEdit{p, p.Name, p.Email})
				p.Email = email
			}
			if name != "" && strings.EqualFold(p.Name, p.Email) && !strings.EqualFold(name, p.Email) {
				d.edits = append(d.edits, personEdit{p, p.Name, p.Email})
				p.Name = name // first known by the address alone
			}
		}
		d.key(fold(email), id)
		d.key(nameKey(name), id)
		return id
	}
	display := name
	if display == "" {
		display = email
	}
	p := &isms.Person{Name: display, Email: email, Active: true}
	p.ID = newID()
	d.plan.people = append(d.plan.people, p)
	d.planned[p.ID] = p
	d.source[p.ID] = display
	if email != "" && name != "" {
		d.source[p.ID] = email
	}
	d.key(fold(email), p.ID)
	d.key(nameKey(name), p.ID)
	return p.ID
}

// GuessedPeople are the names of a person column proposed by a weak match ("guess") that
// match no stored person: nobody is made of them until the user chooses the column.
type GuessedPeople struct {
	Field  string   `json:"field"`
	Column string   `json:"column"`
	Header string   `json:"header"` // the column's name
	Names  []string `json:"names"`  // the first ones
	Count  int      `json:"count"`  // how many names
	Rows   int      `json:"rows"`   // how many rows left without that person
}

// maxGuessedNames bounds the names a plan lists for a guessed column.
const maxGuessedNames = 20

// personFrom resolves the person a row names in a field (owner, custodian). From a column
// proposed by a weak match only people already stored are found: the names of no one are
// noted in the plan, and the field of an updated record keeps its stored value.
func (r *resolver) personFrom(field, name, email string) string {
	if r.p.Mapping.Confidence[field] != xlsx.ConfidenceGuess {
		return r.dir.person(name, email)
	}
	id := r.dir.find(name, email)
	if id != "" || strings.TrimSpace(name+email) == "" {
		return id
	}
	if j, ok := resolvedField[field]; ok {
		r.keep[j] = true
	}
	if r.guessed == nil {
		r.guessed = map[string]*guessed{}
	}
	g, ok := r.guessed[field]
	if !ok {
		col := r.p.Mapping.Columns[field]
		g = &guessed{GuessedPeople: GuessedPeople{Field: field, Column: col, Names: []string{}}, seen: map[string]bool{}}
		if c, found := r.p.Header.Column(xlsx.ColumnIndex(col)); found {
			g.Header = c.Name
		}
		r.guessed[field] = g
		r.guessOrder = append(r.guessOrder, field)
	}
	g.Rows++
	if k := fold(name + " " + email); !g.seen[k] {
		g.seen[k] = true
		g.Count++
		if len(g.Names) < maxGuessedNames {
			g.Names = append(g.Names, strings.TrimSpace(name+" "+email))
		}
	}
	return ""
}

// guessed collects the names left out of one guessed column.
type guessed struct {
	GuessedPeople
	seen map[string]bool
}

// checkPeople makes a row problem of each person planned for the row that could not be
// stored (an owner written as "alice@example", a name too long for a person), on the
// field that names them, instead of an error at commit about a field the sheet lacks.
func (r *resolver) checkPeople(row *PlannedRow, res xlsx.RowResult, m additions) {
	check := func(p *isms.Person) {
		err := p.Validate()
		if err == nil {
			return
		}
		src := r.dir.source[p.ID]
		field := ""
		for _, f := range res.Values.Names() {
			if src != "" && strings.Contains(fold(res.Values.Get(f)), fold(src)) {
				field = f
				break
			}
		}
		var why []string
		if e, ok := err.(*isms.Error); ok && len(e.Fields) > 0 {
			for _, f := range slices.Sorted(maps.Keys(e.Fields)) {
				what := "the name"
				if f == "email" {
					what = "the e-mail address"
				}
				why = append(why, what+" "+e.Fields[f])
			}
		} else {
			why = append(why, err.Error())
		}
		row.Problems = append(row.Problems, xlsx.Problem{Row: res.Row, Column: r.p.Mapping.Columns[field], Field: field,
			Message: fmt.Sprintf("%q cannot be added as a person: %s", oneLineText(src, 60), strings.Join(why, "; "))})
	}
	for _, p := range r.p.people[m.people:] {
		check(p)
	}
	for _, e := range r.dir.edits[m.edits:] {
		if e.p.Validate() != nil && !slices.Contains(r.p.people[m.people:], e.p) {
			check(e.p)
		}
	}
}

// oneLineText shortens a text to n characters on one line.
func oneLineText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n-1]) + "…"
	}
	return s
}

// newRecords lists what the plan creates besides its rows' records: the new people, once
// each, and the custom controls its rows create.
func (p *Plan) newRecords() {
	p.NewPeople = make([]string, 0, len(p.people))
	for _, person := range p.people {
		p.NewPeople = append(p.NewPeople, person.Name)
	}
	p.NewControls = []string{}
	for _, row := range p.Rows {
		if c, ok := row.rec.(*isms.Control); ok && row.Action == ActionCreate && c.Custom {
			p.NewControls = append(p.NewControls, strings.TrimSpace(c.Ref+" "+c.Title))
		}
	}
}

// existing indexes the stored records of a kind by a match key.
type existing map[string]isms.Record

// loadExisting indexes the stored records of a kind by a match key.
func (r *resolver) loadExisting(kind isms.Kind, key func(isms.Record) string) error {
	r.have = existing{}
	return r.tx.Each(kind, func(rec isms.Record) error {
		if k := key(rec); k != "" {
			r.add(k, rec)
		}
		return nil
	})
}

func refKey(r isms.Record) string { return fold(r.Terms().Ref) }

// fieldKey returns a match key function over one JSON field of a record.
func fieldKey(field string) func(isms.Record) string {
	return func(r isms.Record) string { return fold(fieldText(r, field)) }
}

// fieldText returns the text of one top-level JSON field of a record.
func fieldText(r isms.Record, field string) string {
	raw, err := json.Marshal(r)
	if err != nil {
		return ""
	}
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return ""
	}
	if v, ok := m[field]; ok && v != nil {
		return fmt.Sprint(v)
	}
	return ""
}

// matchKey is how records of the register kinds are matched: by reference, or by the
// field the user chose.
func (r *resolver) matchKey() func(isms.Record) string {
	if f := r.p.Request.MatchBy; f != "" && f != "ref" {
		return fieldKey(f)
	}
	return refKey
}

// resolve turns converted rows into planned rows against the stored records. It takes
// each row's values and record (cleared in results), so that a large sheet is not held
// twice.
func resolve(ctx context.Context, tx *store.Tx, p *Plan, results []xlsx.RowResult) error {
	dir, err := newDirectory(tx, p)
	if err != nil {
		return err
	}
	r := &resolver{tx: tx, p: p, dir: dir, seen: map[string]int{}, refs: map[string]int{}, ambiguous: map[string][]string{},
		fix: newFixer(p.Request)}
	if err := r.load(); err != nil {
		return err
	}
	if spec, ok := registers[p.Request.Kind]; ok { // the other registers (register.go)
		if err := r.loadRegister(spec); err != nil {
			return err
		}
		r.dateOrders(results)
	}
	if p.Request.Kind == xlsx.KindControls {
		r.checkTitles = englishTitles(results)
		r.detect2013(results)
	}
	p.Rows = slices.Grow(p.Rows, len(results))
	for i, res := range results {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		results[i].Values, results[i].Record = xlsx.Values{}, nil // read once: garbage after this row
		if res.Section {
			p.Counts.Sections++
			continue
		}
		p.Counts.Rows++
		res.Problems = r.fix.converted(res)
		r.titles.add(res)
		row := PlannedRow{Row: res.Row, Problems: rowProblems(p, res)}
		if len(row.Problems) == 0 {
			if err := r.row(&row, res); err != nil {
				return err
			}
		}
		if len(row.Problems) > 0 {
			row.Action, row.rec = ActionInvalid, nil
			p.Counts.Invalid++
			p.Errors = append(p.Errors, row.Problems...)
		}
		switch row.Action {
		case ActionCreate:
			p.Counts.Created++
		case ActionUpdate:
			p.Counts.Updated++
		case ActionUnchanged:
			p.Counts.Unchanged++
		}
		switch row.Action {
		case ActionSection: // a 2013 heading
			p.Counts.Rows--
			p.Counts.Sections++
			continue
		case actionFolded: // a 2013 control: planned with the 2022 control it feeds
			continue
		}
		p.Rows = append(p.Rows, row)
	}
	if err := r.finish2013(); err != nil {
		return err
	}
	if p.Request.SkipInvalid {
		p.Counts.Skipped = p.Counts.Invalid
	}
	p.newRecords()
	for _, f := range r.guessOrder {
		p.GuessedPeople = append(p.GuessedPeople, r.guessed[f].GuessedPeople)
	}
	p.RepeatedTitles, p.RepeatedTitleCount = r.titles.repeated()
	p.Fixes = r.fix.list()
	p.ProblemGroups = groupProblems(p.Request.Kind, p.Errors)
	return nil
}

// otherSource reports whether a requirement row matched a stored requirement of another
// source by its reference alone: "Art. 21" of NIS2 is not "Art. 21" of the GDPR.
func otherSource(old *isms.Requirement, rec isms.Record, m xlsx.Mapping) bool {
	n, ok := rec.(*isms.Requirement)
	if _, mapped := m.Columns["source"]; !ok || !mapped {
		return false
	}
	a, b := fold(old.Source), fold(n.Source)
	return a != "" && b != "" && a != b && !strings.Contains(a, b) && !strings.Contains(b, a)
}

// rowProblems are a converted row's problems; without a reference column, rows matched by
// another field need no reference until they would create a record (checked then).
func rowProblems(p *Plan, res xlsx.RowResult) []xlsx.Problem {
	out := []xlsx.Problem{}
	_, refMapped := p.Mapping.Columns["ref"]
	for _, pr := range res.Problems {
		if pr.Field == "ref" && !refMapped && p.Request.MatchBy != "" && p.Request.MatchBy != "ref" {
			continue
		}
		out = append(out, pr)
	}
	return out
}

// resolver holds what resolving one plan needs.
type resolver struct {
	tx         *store.Tx
	p          *Plan
	dir        *directory
	have       existing            // stored records of the imported kind, by match key
	seen       map[string]int      // match key -> Excel row that first had it, to catch duplicates
	refs       map[string]int      // folded ref -> Excel row that first had it
	trainAdded []string            // keys of trainings this import plans to create
	ctrl       map[string]string   // controls by folded reference, loaded when a row names some
	risk       map[string]string   // risks by folded reference, loaded when a row names some
	ambiguous  map[string][]string // match keys that more than one stored record has: their labels
	kpis       existing            // measurements: KPIs by ref and by name
	train      existing            // attendance: trainings by topic (and topic|date)
	pol        *policyIndex        // acknowledgements: policies by reference and title
	survey     *surveyUpdate       // survey results: the chosen survey and its planned update
	audit      *auditUpdate        // audit results: the chosen audit and its planned checklist
	reg        *registerPlan       // the other registers (register.go)
	// controls: whether the file's titles can be compared with the catalogue's (English),
	// and the rows of a 2013 Statement of Applicability
	checkTitles bool
	iso         *legacy
	fix         *fixer              // the bulk fixes: rows counted, and the fixes applied
	titles      titles              // titles of the rows, to warn about repeated ones
	keep        map[string]bool     // JSON fields the row being planned leaves as stored
	guessed     map[string]*guessed // names of guessed person columns left out, by field
	guessOrder  []string
}

func (r *resolver) load() (err error) {
	switch r.p.Request.Kind {
	case xlsx.KindRequirements:
		err = r.loadExisting(isms.KindRequirement, r.matchKey())
	case xlsx.KindControls:
		err = r.loadExisting(isms.KindControl, r.matchKey())
	case xlsx.KindRisks:
		err = r.loadExisting(isms.KindRisk, r.matchKey())
	case xlsx.KindAssets:
		err = r.loadExisting(isms.KindAsset, r.matchKey())
	case xlsx.KindPeople: // people are found by e-mail, or by name
		r.have = existing{}
		err = r.tx.Each(isms.KindPerson, func(rec isms.Record) error {
			p := rec.(*isms.Person)
			if e := fold(p.Email); e != "" {
				r.add("e:"+e, rec)
			}
			r.add("n:"+nameKey(p.Name), rec)
			return nil
		})
	case xlsx.KindAttendance:
		err = r.loadExisting(isms.KindAttendance, func(rec isms.Record) string {
			a := rec.(*isms.Attendance)
			return a.TrainingID + "|" + a.PersonID
		})
		if err == nil {
			r.train = existing{}
			err = r.tx.Each(isms.KindTraining, func(rec isms.Record) error {
				t := rec.(*isms.Training)
				r.train[fold(t.Topic)+"|"+string(t.Date)] = t
				if _, ok := r.train[fold(t.Topic)]; !ok {
					r.train[fold(t.Topic)] = t
				}
				if t.Ref != "" {
					r.train["ref:"+fold(t.Ref)] = t
				}
				return nil
			})
		}
	case xlsx.KindAcknowledgements:
		err = r.loadPolicies()
	case xlsx.KindSurveyResults:
		err = r.loadSurvey()
	case xlsx.KindAuditResults:
		err = r.loadAudit()
	case xlsx.KindMeasurements:
		err = r.loadExisting(isms.KindMeasurement, func(rec isms.Record) string {
			m := rec.(*isms.Measurement)
			return m.KPIID + "|" + string(m.Date)
		})
		if err == nil {
			r.kpis = existing{}
			err = r.tx.Each(isms.KindKPI, func(rec isms.Record) error {
				k := rec.(*isms.KPI)
				r.kpis[fold(k.Name)] = k
				if k.Ref != "" {
					r.kpis[fold(k.Ref)] = k
				}
				return nil
			})
		}
	}
	return err
}

// row plans one valid converted row.
func (r *resolver) row(row *PlannedRow, res xlsx.RowResult) error {
	mark := r.mark()
	r.keep = map[string]bool{}
	err := r.planRow(row, res)
	if err == nil {
		r.checkPeople(row, res, mark)
	}
	if err == nil && len(row.Problems) > 0 {
		r.undo(mark) // people and trainings of a row left out are not added
	}
	return err
}

// additions marks how far the plan's new people and trainings went.
type additions struct{ people, edits, extra, keys, trainings int }

func (r *resolver) mark() additions {
	return additions{len(r.p.people), len(r.dir.edits), len(r.p.extra), len(r.dir.added), len(r.trainAdded)}
}

// undo forgets the people and trainings planned since the mark, and what the row added
// to people planned before.
func (r *resolver) undo(m additions) {
	for _, p := range r.p.people[m.people:] {
		delete(r.dir.planned, p.ID)
		delete(r.dir.source, p.ID)
	}
	r.p.people, r.p.extra = r.p.people[:m.people], r.p.extra[:m.extra]
	for i := len(r.dir.edits) - 1; i >= m.edits; i-- {
		e := r.dir.edits[i]
		e.p.Name, e.p.Email = e.name, e.email
	}
	r.dir.edits = r.dir.edits[:m.edits]
	for _, k := range r.dir.added[m.keys:] {
		delete(r.dir.byKey, k)
	}
	r.dir.added = r.dir.added[:m.keys]
	for _, k := range r.trainAdded[m.trainings:] {
		delete(r.train, k)
	}
	r.trainAdded = r.trainAdded[:m.trainings]
}

// planRow plans one valid converted row.
func (r *resolver) planRow(row *PlannedRow, res xlsx.RowResult) error {
	var rec isms.Record
	var key string
	problem := func(field, msg string) {
		row.Problems = append(row.Problems, xlsx.Problem{Row: res.Row, Column: r.p.Mapping.Columns[field], Field: field, Message: msg})
	}
	switch x := res.Record.(type) {
	case *xlsx.RequirementRow:
		x.Requirement.OwnerID = r.personFrom("owner", x.OwnerName, "")
		x.Requirement.ControlIDs = r.controls(res.Values, problem)
		rec, key = x.Requirement, r.matchKey()(x.Requirement)
	case *xlsx.ControlRow:
		if !r.controlRow(row, res, x, problem) {
			return nil
		}
		x.Control.OwnerID = r.personFrom("owner", x.OwnerName, "")
		rec, key = x.Control, r.matchKey()(x.Control)
		keepCatalogueTitle(x.Control, r.have[key])
	case *xlsx.RiskRow:
		x.Risk.OwnerID = r.personFrom("owner", x.OwnerName, "")
		x.Risk.ControlIDs = r.controls(res.Values, problem)
		rec, key = x.Risk, r.matchKey()(x.Risk)
	case *xlsx.AssetRow:
		// a register repeats its owners and custodians on many rows: the directory
		// makes each name or e-mail one person, created once
		x.Asset.OwnerID = r.personFrom("owner", x.OwnerName, "")
		x.Asset.CustodianID = r.personFrom("custodian", x.CustodianName, "")
		x.Asset.RiskIDs = r.risks(res.Values, problem)
		x.Asset.ControlIDs = r.controls(res.Values, problem)
		rec, key = x.Asset, r.matchKey()(x.Asset)
	case *xlsx.PersonRow:
		rec = x.Person
		key = r.personKey(x.Person)
	case *xlsx.AttendanceRow:
		t, field, msg := r.training(x)
		if t == nil {
			problem(field, msg)
			return nil
		}
		if t.Status == isms.TrainingCancelled {
			problem("training", fmt.Sprintf("%s was cancelled: nobody can attend it", trainingLabel(t)))
			return nil
		}
		a := &isms.Attendance{TrainingID: t.ID, PersonID: r.dir.person(x.PersonName, x.PersonEmail),
			Status: x.Status, Date: x.Date, Score: x.Score, Note: x.Note}
		if a.PersonID == "" {
			problem("person", "names no one: give the attendee's name or e-mail")
			return nil
		}
		key = a.TrainingID + "|" + a.PersonID
		if old, ok := r.have[key].(*isms.Attendance); ok && t.SameDate(old.Date, a.Date) {
			a.Date = old.Date // a blank date is the training's: the same day, so unchanged
		}
		rec = a
	case *xlsx.AcknowledgementRow:
		return r.acknowledgement(row, x, problem)
	case *xlsx.SurveyResultRow:
		return r.surveyResult(row, x, problem)
	case *xlsx.MeasurementRow:
		k, ok := r.kpis[fold(x.KPI)]
		if !ok {
			problem("kpi", fmt.Sprintf("there is no KPI with the reference or name %q; add the KPI first", x.KPI))
			return nil
		}
		m := &isms.Measurement{KPIID: k.Base().ID, Date: x.Date, Value: x.Value, Note: x.Note, Source: isms.MeasuredByImport}
		rec, key = m, m.KPIID+"|"+string(m.Date)
	default:
		switch {
		case r.audit != nil:
			return r.auditResult(row, res)
		case r.reg != nil:
			return r.registerRow(row, res)
		}
		return fmt.Errorf("importer: unexpected row type %T", res.Record)
	}
	if key == "" {
		f := r.p.Request.MatchBy
		if f == "" {
			f = "ref"
		}
		problem(f, "is empty, so the row cannot be matched to a stored record: give it a value, or map the column that holds it")
		return nil
	}
	if first, dup := r.seen[key]; dup {
		field := "ref"
		if f := r.p.Request.MatchBy; f != "" {
			field = f
		}
		if r.p.Request.Kind == xlsx.KindPeople {
			field = "email"
		}
		problem(field, fmt.Sprintf("repeats the record of row %d", first))
		return nil
	}
	r.seen[key] = res.Row
	if others, ok := r.ambiguous[key]; ok {
		field := r.p.Request.MatchBy
		switch {
		case r.p.Request.Kind == xlsx.KindPeople:
			field = "name"
		case field == "":
			field = "ref"
		}
		problem(field, fmt.Sprintf("matches more than one stored record (%s and %s): match by another column", strings.Join(others, ", "), label(r.have[key])))
		return nil
	}
	t := rec.Terms()
	row.Ref, row.Title = t.Ref, t.Title
	old, ok := r.have[key]
	if t.Ref != "" { // a reference is unique in its kind: in the file and in the store
		if first, dup := r.refs[fold(t.Ref)]; dup {
			problem("ref", fmt.Sprintf("%q is also the reference of row %d", t.Ref, first))
			return nil
		}
		r.refs[fold(t.Ref)] = res.Row
		// Matched by reference, every stored record of the kind is in r.have under its
		// folded ref (or made the key ambiguous above): no other stored record has it.
		if matchedByRef := r.p.Request.Kind != xlsx.KindPeople && (r.p.Request.MatchBy == "" || r.p.Request.MatchBy == "ref"); !matchedByRef {
			other, err := r.tx.ByRef(rec.Kind(), t.Ref)
			if err == nil && (!ok || other.Base().ID != old.Base().ID) {
				problem("ref", fmt.Sprintf("%q is already the reference of %s", t.Ref, label(other)))
				return nil
			}
			if err != nil && isms.ErrorCode(err) != isms.CodeNotFound {
				return err
			}
		}
	}
	if !ok {
		if continuedNew(res.Values, problem) { // a text cut on export (longtext.go)
			return nil
		}
		if err := r.validate(rec, res.Row); err != nil {
			r.fieldProblems(row, res.Row, err)
			return nil
		}
		row.Action, row.rec = ActionCreate, rec
		return nil
	}
	if o, ok := old.(*isms.Requirement); ok && otherSource(o, rec, r.p.Mapping) {
		n := rec.(*isms.Requirement)
		problem("ref", fmt.Sprintf("%q is the reference of a requirement of %s (%s), and this row's source is %s: give references that name the source (such as %s %s), or, if the source was renamed, import without its column",
			t.Ref, o.Source, o.Title, n.Source, n.Source, t.Ref)+xlsx.FlagHint("--unmap source"))
		return nil
	}
	fields := slices.DeleteFunc(r.mappedFields(), func(f string) bool { return r.keep[f] })
	merged, changed, err := merge(old, rec, fields, r.p.Request.Kind)
	if err != nil {
		return err
	}
	if err := r.validate(merged, res.Row); err != nil {
		r.fieldProblems(row, res.Row, err)
		return nil
	}
	if !changed {
		row.Action = ActionUnchanged
		return nil
	}
	row.Action, row.rec = ActionUpdate, merged
	return nil
}

// add indexes a stored record under a match key, noting keys that more than one has.
func (r *resolver) add(key string, rec isms.Record) {
	if other, ok := r.have[key]; ok && other.Base().ID != rec.Base().ID {
		r.ambiguous[key] = append(r.ambiguous[key], label(other))
	}
	r.have[key] = rec
}

// personKey matches a person row: by e-mail when a stored person has it, else by name,
// else it is a new person keyed by e-mail or name.
func (r *resolver) personKey(p *isms.Person) string {
	e, n := fold(p.Email), "n:"+nameKey(p.Name)
	if _, ok := r.have["e:"+e]; ok && e != "" {
		return "e:" + e
	}
	if _, ok := r.have[n]; ok {
		return n
	}
	if e != "" {
		return "e:" + e
	}
	return n
}

// controls resolves a "controls" cell ("A.5.1, 8.2; Backup policy") to control IDs by
// reference; a reference that names no control is a problem on the cell.
func (r *resolver) controls(vals xlsx.Values, problem func(field, msg string)) []string {
	cell, ok := vals.Lookup("controls")
	if !ok {
		return nil
	}
	if r.ctrl == nil {
		r.ctrl = map[string]string{}
		r.tx.Each(isms.KindControl, func(rec isms.Record) error {
			c := rec.(*isms.Control)
			r.ctrl[fold(c.Ref)] = c.ID
			r.ctrl[fold(isms.NormalizeControlRef(c.Ref))] = c.ID
			return nil
		})
	}
	var ids, unknown []string
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(cell, func(c rune) bool { return c == ',' || c == ';' || c == '\n' || c == '/' || c == '|' }) {
		ref := strings.TrimSpace(part)
		if i := strings.Index(ref, " ("); i > 0 && strings.HasSuffix(ref, ")") {
			ref = strings.TrimSpace(ref[:i]) // "A.5.24 (incident planning)"
		}
		if ref == "" || strings.EqualFold(ref, "and") || ref == "&" {
			continue
		}
		id, ok := r.ctrl[fold(ref)]
		if !ok {
			id, ok = r.ctrl[fold(isms.NormalizeControlRef(ref))]
		}
		if !ok {
			unknown = append(unknown, ref)
			continue
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(unknown) > 0 {
		problem("controls", fmt.Sprintf("names no control: %s (use Annex A references such as A.5.1, or the reference of a custom control)", strings.Join(unknown, ", ")))
	}
	return ids
}

// risks resolves a "risks" cell ("R-001; R-004") to risk IDs by reference; a reference
// that names no risk is a problem on the cell.
func (r *resolver) risks(vals xlsx.Values, problem func(field, msg string)) []string {
	cell, ok := vals.Lookup("risks")
	if !ok {
		return nil
	}
	if r.risk == nil {
		r.risk = map[string]string{}
		if err := r.tx.Each(isms.KindRisk, func(rec isms.Record) error {
			r.risk[fold(rec.(*isms.Risk).Ref)] = rec.Base().ID
			return nil
		}); err != nil {
			problem("risks", "the stored risks could not be read: "+err.Error())
			return nil
		}
	}
	var ids, unknown []string
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(cell, func(c rune) bool { return c == ',' || c == ';' || c == '\n' }) {
		ref := strings.TrimSpace(part)
		if ref == "" {
			continue
		}
		id, ok := r.risk[fold(ref)]
		if !ok {
			unknown = append(unknown, ref)
			continue
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(unknown) > 0 {
		problem("risks", fmt.Sprintf("names no risk: %s (use the references of the risk register, such as R-001)", strings.Join(unknown, ", ")))
	}
	return ids
}

// training finds the attendance row's training: by its reference (the reference column,
// or a reference written in the training column), else by topic and date (a topic alone
// when the row has no date). It plans a new training when none matches; when none can be
// planned it returns nil and the field and message of the problem.
func (r *resolver) training(x *xlsx.AttendanceRow) (*isms.Training, string, string) {
	find := func(k string) *isms.Training {
		t, _ := r.train[k].(*isms.Training)
		return t
	}
	ref, topic, date := strings.TrimSpace(x.TrainingRef), strings.TrimSpace(x.TrainingTitle), x.TrainingDate
	if ref != "" {
		if t := find("ref:" + fold(ref)); t != nil {
			return t, "", ""
		}
	} else if t := find("ref:" + fold(topic)); t != nil {
		return t, "", ""
	}
	if topic != "" {
		t := find(fold(topic) + "|" + string(date))
		if t == nil && date == "" {
			t = find(fold(topic))
		}
		if t != nil {
			if ref != "" && t.Ref != "" {
				return nil, "trainingRef", fmt.Sprintf("names no training, and %q on %s is %s: correct the reference", t.Topic, t.Date, t.Ref)
			}
			return t, "", ""
		}
	}
	if topic == "" {
		return nil, "trainingRef", fmt.Sprintf("there is no training with the reference %q: give its topic and date to add it", ref)
	}
	if date == "" {
		return nil, "trainingDate", fmt.Sprintf("is empty and there is no training %q yet: give the date the training took place", topic)
	}
	t := &isms.Training{Ref: ref, Topic: topic, Date: date, Status: isms.TrainingHeld}
	t.ID = newID()
	r.p.extra = append(r.p.extra, t)
	keys := []string{fold(t.Topic) + "|" + string(t.Date), fold(t.Topic)}
	if ref != "" {
		keys = append(keys, "ref:"+fold(ref))
	}
	for _, k := range keys {
		if _, ok := r.train[k]; !ok {
			r.train[k] = t
			r.trainAdded = append(r.trainAdded, k)
		}
	}
	return t, "", ""
}

// trainingLabel names a training in a message: its reference and topic.
func trainingLabel(t *isms.Training) string {
	return strings.TrimSpace(t.Ref + " " + t.Topic)
}

// mappedFields lists the record's JSON fields that the mapping fills.
func (r *resolver) mappedFields() []string {
	var out []string
	for f := range r.p.Mapping.Columns {
		if j, ok := resolvedField[f]; ok {
			f = j
		}
		out = append(out, f)
	}
	for f := range fixedValues(r.p.Request) { // a field with one value for every row
		if _, mapped := r.p.Mapping.Columns[f]; !mapped {
			if j, ok := resolvedField[f]; ok {
				f = j
			}
			out = append(out, f)
		}
	}
	return out
}

// fieldProblems turns a record's validation error into problems on the mapped columns.
func (r *resolver) fieldProblems(row *PlannedRow, excelRow int, err error) {
	e, ok := err.(*isms.Error)
	if !ok || len(e.Fields) == 0 {
		row.Problems = append(row.Problems, xlsx.Problem{Row: excelRow, Message: err.Error()})
		return
	}
	for field, msg := range e.Fields {
		col := r.p.Mapping.Columns[field]
		for f, j := range resolvedField {
			if col == "" && j == field {
				col = r.p.Mapping.Columns[f]
			}
		}
		row.Problems = append(row.Problems, xlsx.Problem{Row: excelRow, Column: col, Field: field, Message: msg})
	}
}

// sameSet reports whether two JSON values are lists (or null) with the same members in
// any order: a list of links read back from a sheet may come in another order.
func sameSet(a, b json.RawMessage) bool {
	var la, lb []string
	if json.Unmarshal(a, &la) != nil || json.Unmarshal(b, &lb) != nil || len(la) != len(lb) {
		return false
	}
	slices.Sort(la)
	slices.Sort(lb)
	return slices.Equal(la, lb)
}

// merge copies the mapped fields of the imported record onto the stored one, so that
// what the sheet does not hold is kept. It reports whether anything changed.
func merge(old, imported isms.Record, fields []string, kind string) (isms.Record, bool, error) {
	var oldMap, newMap map[string]json.RawMessage
	rawOld, err := json.Marshal(old)
	if err != nil {
		return nil, false, err
	}
	rawNew, err := json.Marshal(imported)
	if err != nil {
		return nil, false, err
	}
	if err := json.Unmarshal(rawOld, &oldMap); err != nil {
		return nil, false, err
	}
	if err := json.Unmarshal(rawNew, &newMap); err != nil {
		return nil, false, err
	}
	switch kind { // fields the row type sets without a column of the same name
	case xlsx.KindAttendance: // a list without a status column lists who attended; a score or note without its column is kept
		fields = append(fields, "status")
	case xlsx.KindMeasurements:
		fields = append(fields, "value", "note")
	case xlsx.KindControls: // the justification of an excluded control from its own column
		if slices.Contains(fields, "exclusionJustification") {
			fields = append(fields, "justification")
		}
	case xlsx.KindPeople: // a name written in two columns
		if slices.Contains(fields, "firstName") || slices.Contains(fields, "lastName") {
			fields = append(fields, "name")
		}
	}
	changed := false
	for _, f := range fields {
		v, ok := newMap[f]
		if !ok || continuedText(v) { // a text cut on export keeps the stored one (longtext.go)
			continue
		}
		if string(oldMap[f]) != string(v) && !sameSet(oldMap[f], v) {
			oldMap[f] = v
			changed = true
		}
	}
	raw, err := json.Marshal(oldMap)
	if err != nil {
		return nil, false, err
	}
	out, err := isms.New(old.Kind())
	if err != nil {
		return nil, false, err
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return nil, false, err
	}
	return out, changed, nil
}
