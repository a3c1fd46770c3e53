package app

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// records is the create, read, update and delete of one kind that the bound services of
// the areas share. T is the record type (isms.Risk); P its pointer, which implements
// isms.Record. Wails binds concrete methods only, so each service wraps these in its own.
type records[T any, P interface {
	*T
	isms.Record
}] struct {
	app  *App
	kind isms.Kind
	past []pastDate[P] // dates that create and update refuse after today (notAfterToday)
}

// pastDate is a record's date of something that has happened (identified, detected, ...).
type pastDate[P any] struct {
	field string            // the JSON name, for the field error
	words string            // the field in a sentence, e.g. "detection date"
	get   func(P) isms.Date // the date
}

// notAfterToday makes create and update refuse the record when the date that get returns
// is later than today by the app's clock (a record of something that happened cannot be
// dated in the future); the refusal names the field. A service adds it to its r().
func (r records[T, P]) notAfterToday(field, words string, get func(P) isms.Date) records[T, P] {
	r.past = append(slices.Clip(r.past), pastDate[P]{field: field, words: words, get: get})
	return r
}

// checkPast applies notAfterToday. Today is the later of the clock's UTC and local dates,
// so that nobody east of Greenwich is refused today's date before UTC midnight.
func (r records[T, P]) checkPast(rec P) error {
	if len(r.past) == 0 {
		return nil
	}
	now := r.app.clock()
	today := max(isms.DateOf(now.UTC()), isms.DateOf(now.Local()))
	var e *isms.Error
	for _, d := range r.past {
		v := d.get(rec)
		if v == "" || !v.Valid() || v <= today {
			continue
		}
		msg := fmt.Sprintf("must not be after today (%s)", today)
		if e == nil {
			e = &isms.Error{Code: isms.CodeInvalid, Message: fmt.Sprintf("The %s %s", d.words, msg), Fields: map[string]string{}}
		}
		e.Fields[d.field] = msg
	}
	if e == nil {
		return nil
	}
	return e
}

// kindOf returns the generic operations of kind for the service of an area.
func kindOf[T any, P interface {
	*T
	isms.Record
}](a *App, kind isms.Kind) records[T, P] {
	return records[T, P]{app: a, kind: kind}
}

// list returns every record of the kind in creation order.
func (r records[T, P]) list() ([]T, error) {
	out := []T{}
	err := r.app.view(func(tx *store.Tx) error {
		return tx.Each(r.kind, func(rec isms.Record) error {
			out = append(out, *rec.(P))
			return nil
		})
	})
	return out, err
}

// get returns one record.
func (r records[T, P]) get(id string) (T, error) {
	var out T
	err := r.app.view(func(tx *store.Tx) error {
		rec, err := store.GetAs[P](tx, r.kind, id)
		if err != nil {
			return err
		}
		out = *rec
		return nil
	})
	return out, err
}

// create stores a new record; prepare, when given, applies the area's rules first.
func (r records[T, P]) create(v T, prepare func(tx *store.Tx, rec P) error) (T, error) {
	err := r.app.update(func(tx *store.Tx) error {
		rec := v
		p := P(&rec)
		*p.Base() = isms.Meta{}
		if prepare != nil {
			if err := prepare(tx, p); err != nil {
				return err
			}
		}
		if err := r.checkPast(p); err != nil {
			return err
		}
		if err := tx.Create(p, source); err != nil {
			return err
		}
		v = rec
		return nil
	})
	return v, err
}

// update saves an edit of a record read at v's version; check, when given, compares the
// edit with the stored record and applies the area's rules (it may adjust the edit).
func (r records[T, P]) update(v T, check func(tx *store.Tx, old, new P) error) (T, error) {
	err := r.app.update(func(tx *store.Tx) error {
		rec := v
		p := P(&rec)
		old, err := store.GetAs[P](tx, r.kind, p.Base().ID)
		if err != nil {
			return err
		}
		if check != nil {
			if err := check(tx, old, p); err != nil {
				return err
			}
		}
		if err := r.checkPast(p); err != nil {
			return err
		}
		if err := tx.Put(p, source); err != nil {
			return err
		}
		v = rec
		return nil
	})
	return v, err
}

// change applies one workflow step to the stored record read at version and saves it.
func (r records[T, P]) change(id string, version int, step func(tx *store.Tx, rec P) error) (T, error) {
	var out T
	err := r.app.update(func(tx *store.Tx) error {
		rec, err := store.GetAs[P](tx, r.kind, id)
		if err != nil {
			return err
		}
		if version != 0 && rec.Base().Version != version {
			return isms.Errorf(isms.CodeConflict, "this %s was changed since it was read; reload it", strings.ToLower(singular(r.kind)))
		}
		if err := step(tx, rec); err != nil {
			return err
		}
		if err := tx.Put(rec, source); err != nil {
			return err
		}
		out = *rec
		return nil
	})
	return out, err
}

// remove deletes a record read at version, refusing while other records use it.
func (r records[T, P]) remove(id string, version int) error {
	return r.app.update(func(tx *store.Tx) error { return deleteUnused(tx, r.kind, id, version) })
}

// deleteUnused deletes a record unless other records link to it or (for a person) are
// owned by it; the refusal (CodeLocked) names them.
func deleteUnused(tx *store.Tx, kind isms.Kind, id string, version int) error {
	users, err := usersOf(tx, kind, id)
	if err != nil {
		return err
	}
	if len(users) > 0 {
		const shown = 5
		names := users
		if len(names) > shown {
			names = append(append([]string{}, names[:shown]...), fmt.Sprintf("%d more", len(users)-shown))
		}
		advice := "remove those links first"
		if kind == isms.KindPerson {
			advice = "give those records another owner first, or mark the person as having left"
		}
		return isms.Errorf(isms.CodeLocked, "%s is still used by %s: %s", singular(kind), strings.Join(names, "; "), advice)
	}
	return tx.Delete(kind, id, version, source)
}

// usersOf names the records that link to a record, and for a person the records they own.
func usersOf(tx *store.Tx, kind isms.Kind, id string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(k isms.Kind, rid string) {
		if seen[rid] || rid == id {
			return
		}
		seen[rid] = true
		v := overview.Resolve(tx, "", k, rid)
		name := strings.TrimSpace(v.Ref + " " + v.Title)
		if name == "" {
			name = "one record"
		}
		out = append(out, singular(k)+" "+name)
	}
	back, err := tx.Backlinks(kind, id)
	if err != nil {
		return nil, err
	}
	for _, b := range back {
		add(b.Kind, b.ID)
	}
	if kind == isms.KindPerson {
		for _, k := range isms.Kinds() {
			ids, err := tx.Find(k, store.IndexOwner, id)
			if err != nil {
				return nil, err
			}
			for _, rid := range ids {
				add(k, rid)
			}
		}
	}
	return out, nil
}

// singular is a kind's name for one record in a sentence, e.g. "Risk", "Interested party".
func singular(k isms.Kind) string {
	switch k {
	case isms.KindKPI:
		return "KPI"
	case isms.KindParty:
		return "Interested party"
	case isms.KindIssue:
		return "Issue"
	case isms.KindPerson:
		return "Person"
	case isms.KindAudit:
		return "Audit"
	case isms.KindReview:
		return "Management review"
	case isms.KindFinding:
		return "Audit finding"
	}
	s := strings.ReplaceAll(string(k), "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}
