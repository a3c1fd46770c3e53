// Package overview builds the read models the window shows: list rows, record details
// with history and links, and the dashboard. It reads the store and changes nothing.
package overview

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Row is one record as a list shows it.
type Row struct {
	Kind      isms.Kind `json:"kind"`
	ID        string    `json:"id"`
	Ref       string    `json:"ref"`
	Title     string    `json:"title"`
	Status    string    `json:"status"`
	OwnerID   string    `json:"ownerId"`
	OwnerName string    `json:"ownerName"`
	Due       isms.Date `json:"due"`
	UpdatedAt time.Time `json:"updatedAt" ts_type:"string"`
}

// Field is one field of a record, rendered as text.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// FieldChange is one field's value before and after a change.
type FieldChange struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Change is one history entry as people read it.
type Change struct {
	Seq     uint64        `json:"seq"`
	At      time.Time     `json:"at" ts_type:"string"`
	Op      string        `json:"op"`
	Source  string        `json:"source"`
	Hash    string        `json:"hash"`
	Changes []FieldChange `json:"changes"`
}

// LinkView is a link to or from another record, resolved to its label.
type LinkView struct {
	Field     string    `json:"field"`
	Kind      isms.Kind `json:"kind"`
	KindLabel string    `json:"kindLabel"`
	ID        string    `json:"id"`
	Ref       string    `json:"ref"`
	Title     string    `json:"title"`
	Missing   bool      `json:"missing"`
}

// Detail is a record with its fields, history and links in both directions.
type Detail struct {
	Row       Row        `json:"row"`
	Fields    []Field    `json:"fields"`
	History   []Change   `json:"history"`
	Links     []LinkView `json:"links"`
	Backlinks []LinkView `json:"backlinks"`
}

// people caches person names for owner columns.
type people map[string]string

func loadPeople(tx *store.Tx) (people, error) {
	out := people{}
	err := tx.Each(isms.KindPerson, func(r isms.Record) error {
		out[r.Base().ID] = r.Terms().Title
		return nil
	})
	return out, err
}

func rowOf(tx *store.Tx, r isms.Record, names people) Row {
	t := r.Terms()
	row := Row{
		Kind: r.Kind(), ID: r.Base().ID, Ref: t.Ref, Title: titleOf(tx, r, names), Status: t.Status,
		OwnerID: t.Owner, OwnerName: names[t.Owner], UpdatedAt: r.Base().UpdatedAt,
	}
	if !t.Due.IsZero() {
		row.Due = isms.DateOf(t.Due)
	}
	return row
}

// Rows lists every record of a kind as rows, in creation order.
func Rows(tx *store.Tx, kind isms.Kind) ([]Row, error) {
	names, err := loadPeople(tx)
	if err != nil {
		return nil, err
	}
	out := []Row{}
	err = tx.Each(kind, func(r isms.Record) error {
		out = append(out, rowOf(tx, r, names))
		return nil
	})
	return out, err
}

// Choices lists a kind's records as id and label pairs, sorted by label, for pickers.
func Choices(tx *store.Tx, kind isms.Kind) ([]isms.Option, error) {
	out := []isms.Option{}
	err := tx.Each(kind, func(r isms.Record) error {
		l := label(r.Terms())
		if kind == isms.KindPerson { // a person's reference is their e-mail: the name says it
			if !r.(*isms.Person).Active {
				return nil // someone who left is no longer offered as an owner
			}
			l = r.Terms().Title
		}
		out = append(out, isms.Option{Value: r.Base().ID, Label: l})
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return naturalLess(out[i].Label, out[j].Label) })
	return out, err
}

// naturalLess orders labels as people read them: case aside, and runs of digits by their
// value, so that A.5.2 comes before A.5.10.
func naturalLess(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func label(t isms.Terms) string {
	switch {
	case t.Ref != "" && t.Title != "" && !strings.EqualFold(strings.TrimSpace(t.Ref), strings.TrimSpace(t.Title)):
		return t.Ref + " " + t.Title
	case t.Title != "":
		return t.Title
	default:
		return t.Ref
	}
}

// RecordDetail returns a record with its fields, history and links.
func RecordDetail(tx *store.Tx, kind isms.Kind, id string) (Detail, error) {
	r, err := tx.Get(kind, id)
	if err != nil {
		return Detail{}, err
	}
	names, err := loadPeople(tx)
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Row: rowOf(tx, r, names), Fields: fieldsOf(r), History: []Change{}, Links: []LinkView{}, Backlinks: []LinkView{}}
	if d.History, err = History(tx, kind, id); err != nil {
		return Detail{}, err
	}
	for _, l := range r.Terms().Links {
		d.Links = append(d.Links, Resolve(tx, l.Field, l.Kind, l.ID))
	}
	back, err := tx.Backlinks(kind, id)
	if err != nil {
		return Detail{}, err
	}
	for _, b := range back {
		d.Backlinks = append(d.Backlinks, Resolve(tx, b.Field, b.Kind, b.ID))
	}
	return d, nil
}

// Resolve returns a link to the record of kind with id, resolved to its reference and title
// (Missing when it does not exist).
func Resolve(tx *store.Tx, field string, kind isms.Kind, id string) LinkView {
	v := LinkView{Field: field, Kind: kind, KindLabel: kind.Label(), ID: id}
	r, err := tx.Get(kind, id)
	if err != nil {
		v.Missing = true
		return v
	}
	v.Ref, v.Title = r.Terms().Ref, titleOf(tx, r, nil)
	return v
}

// titleOf is a record's one-line label. Records without a title of their own (a KPI
// measurement, an attendance) are described by what they link to.
func titleOf(tx *store.Tx, r isms.Record, names people) string {
	if t := r.Terms().Title; t != "" {
		return t
	}
	linked := func(kind isms.Kind, id string) string {
		if kind == isms.KindPerson && names != nil {
			if n, ok := names[id]; ok {
				return n
			}
		}
		rec, err := tx.Get(kind, id)
		if err != nil {
			return ""
		}
		return label(rec.Terms())
	}
	switch x := r.(type) {
	case *isms.Measurement:
		return fmt.Sprintf("%s · %s · %s", linked(isms.KindKPI, x.KPIID), x.Date, strconv.FormatFloat(x.Value, 'f', -1, 64))
	case *isms.Attendance:
		return fmt.Sprintf("%s · %s", linked(isms.KindPerson, x.PersonID), linked(isms.KindTraining, x.TrainingID))
	}
	return ""
}

// History returns a record's changes, newest first, with the fields each one changed.
func History(tx *store.Tx, kind isms.Kind, id string) ([]Change, error) {
	changes, err := tx.History(kind, id)
	if err != nil {
		return nil, err
	}
	out := make([]Change, 0, len(changes))
	for i := len(changes) - 1; i >= 0; i-- {
		c := changes[i]
		out = append(out, Change{
			Seq: c.Seq, At: c.At, Op: c.Op, Source: c.Source, Hash: c.Hash,
			Changes: diff(flatten(c.Before), flatten(c.After)),
		})
	}
	return out, nil
}

// bookkeeping fields are left out of diffs and field lists.
var bookkeeping = map[string]bool{"id": true, "version": true, "createdAt": true, "updatedAt": true}

func diff(before, after map[string]string) []FieldChange {
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	out := []FieldChange{}
	for k := range keys {
		if bookkeeping[k] || before[k] == after[k] {
			continue
		}
		out = append(out, FieldChange{Field: k, Before: before[k], After: after[k]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// flatten renders a record's JSON as one text value per top-level field.
func flatten(raw json.RawMessage) map[string]string {
	out := map[string]string{}
	if len(raw) == 0 || string(raw) == "null" {
		return out
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return out
	}
	for k, v := range m {
		out[k] = text(v)
	}
	return out
}

func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		return fmt.Sprint(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, text(e))
		}
		return strings.Join(parts, "\n")
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

// fieldsOf renders a record's fields in their declared order.
func fieldsOf(r isms.Record) []Field {
	raw, err := json.Marshal(r)
	if err != nil {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if _, err := dec.Token(); err != nil { // {
		return nil
	}
	out := []Field{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		key, _ := tok.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return out
		}
		if bookkeeping[key] {
			continue
		}
		out = append(out, Field{Name: key, Value: text(v)})
	}
	return out
}
