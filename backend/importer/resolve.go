package importer

import (
	"context"
	"encoding/json"
	"fmt"
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

// directory finds people by name or e-mail, including the ones this import adds.
type directory struct {
	byKey map[string]string // folded name or e-mail -> person ID
	added []string          // keys of people this import plans to create, in order
	plan  *Plan
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func newDirectory(tx *store.Tx, p *Plan) (*directory, error) {
	d := &directory{byKey: map[string]string{}, plan: p}
	err := tx.Each(isms.KindPerson, func(r isms.Record) error {
		person := r.(*isms.Person)
		d.byKey[fold(person.Name)] = person.ID
		if person.Email != "" {
			d.byKey[fold(person.Email)] = person.ID
		}
		return nil
	})
	return d, err
}

// person returns the ID of the person with that name or e-mail, planning a new person
// when there is none.
func (d *directory) person(name, email string) string {
	if email == "" && strings.Contains(name, "@") {
		// an owner written as an e-mail address, or as "Name <address>" (copied from mail)
		if a, err := mail.ParseAddress(strings.TrimSpace(name)); err == nil {
			name, email = a.Name, a.Address
		}
	}
	for _, k := range []string{fold(email), fold(name)} {
		if k == "" {
			continue
		}
		if id, ok := d.byKey[k]; ok {
			return id
		}
	}
	if strings.TrimSpace(name) == "" && strings.TrimSpace(email) == "" {
		return ""
	}
	display := strings.TrimSpace(name)
	if display == "" {
		display = strings.TrimSpace(email)
	}
	p := &isms.Person{Name: display, Email: strings.TrimSpace(email), Active: true}
	p.ID = newID()
	d.plan.people = append(d.plan.people, p)
	d.plan.NewPeople = append(d.plan.NewPeople, display)
	for _, k := range []string{fold(email), fold(name)} {
		if k != "" {
			d.byKey[k] = p.ID
			d.added = append(d.added, k)
		}
	}
	return p.ID
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

// resolve turns converted rows into planned rows against the stored records.
func resolve(ctx context.Context, tx *store.Tx, p *Plan, results []xlsx.RowResult) error {
	dir, err := newDirectory(tx, p)
	if err != nil {
		return err
	}
	r := &resolver{tx: tx, p: p, dir: dir, seen: map[string]int{}, refs: map[string]int{}, ambiguous: map[string][]string{}}
	if err := r.load(); err != nil {
		return err
	}
	if p.Request.Kind == xlsx.KindControls {
		r.checkTitles = englishTitles(results)
		r.detect2013(results)
	}
	for i, res := range results {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if res.Section {
			p.Counts.Sections++
			continue
		}
		p.Counts.Rows++
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
	return nil
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
	// controls: whether the file's titles can be compared with the catalogue's (English),
	// and the rows of a 2013 Statement of Applicability
	checkTitles bool
	iso         *legacy
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
			r.add("n:"+fold(p.Name), rec)
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
	err := r.planRow(row, res)
	if err == nil && len(row.Problems) > 0 {
		r.undo(mark) // people and trainings of a row left out are not added
	}
	return err
}

// additions marks how far the plan's new people and trainings went.
type additions struct{ people, names, extra, keys, trainings int }

func (r *resolver) mark() additions {
	return additions{len(r.p.people), len(r.p.NewPeople), len(r.p.extra), len(r.dir.added), len(r.trainAdded)}
}

// undo forgets the people and trainings planned since the mark.
func (r *resolver) undo(m additions) {
	r.p.people, r.p.NewPeople, r.p.extra = r.p.people[:m.people], r.p.NewPeople[:m.names], r.p.extra[:m.extra]
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
		x.Requirement.OwnerID = r.dir.person(x.OwnerName, "")
		x.Requirement.ControlIDs = r.controls(res.Values, problem)
		rec, key = x.Requirement, r.matchKey()(x.Requirement)
	case *xlsx.ControlRow:
		if !r.controlRow(row, res, x, problem) {
			return nil
		}
		x.Control.OwnerID = r.dir.person(x.OwnerName, "")
		rec, key = x.Control, r.matchKey()(x.Control)
		keepCatalogueTitle(x.Control, r.have[key])
	case *xlsx.RiskRow:
		x.Risk.OwnerID = r.dir.person(x.OwnerName, "")
		x.Risk.ControlIDs = r.controls(res.Values, problem)
		rec, key = x.Risk, r.matchKey()(x.Risk)
	case *xlsx.AssetRow:
		// a register repeats its owners and custodians on many rows: the directory
		// makes each name or e-mail one person, created once
		x.Asset.OwnerID = r.dir.person(x.OwnerName, "")
		x.Asset.CustodianID = r.dir.person(x.CustodianName, "")
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
		if other, err := r.tx.ByRef(rec.Kind(), t.Ref); err == nil && (!ok || other.Base().ID != old.Base().ID) {
			problem("ref", fmt.Sprintf("%q is already the reference of %s", t.Ref, label(other)))
			return nil
		} else if err != nil && isms.ErrorCode(err) != isms.CodeNotFound {
			return err
		}
	}
	if !ok {
		if err := rec.Validate(); err != nil {
			r.fieldProblems(row, res.Row, err)
			return nil
		}
		row.Action, row.rec = ActionCreate, rec
		return nil
	}
	merged, changed, err := merge(old, rec, r.mappedFields(), r.p.Request.Kind)
	if err != nil {
		return err
	}
	if err := merged.Validate(); err != nil {
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
	e, n := fold(p.Email), "n:"+fold(p.Name)
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
func (r *resolver) controls(vals map[string]string, problem func(field, msg string)) []string {
	cell, ok := vals["controls"]
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
	for _, part := range strings.FieldsFunc(cell, func(c rune) bool { return c == ',' || c == ';' || c == '\n' }) {
		ref := strings.TrimSpace(part)
		if ref == "" {
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
func (r *resolver) risks(vals map[string]string, problem func(field, msg string)) []string {
	cell, ok := vals["risks"]
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
	}
	changed := false
	for _, f := range fields {
		v, ok := newMap[f]
		if !ok {
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
