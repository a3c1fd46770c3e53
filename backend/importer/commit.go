package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// Log is the record of one import, kept so that it can be reviewed and reverted.
type Log struct {
	ID         string         `json:"id"`
	Kind       string         `json:"kind"`
	File       string         `json:"file"`
	SHA256     string         `json:"sha256"`
	Sheet      string         `json:"sheet"`
	HeaderRow  int            `json:"headerRow"`
	Mapping    xlsx.Mapping   `json:"mapping"`
	Counts     Counts         `json:"counts"`
	NewPeople  int            `json:"newPeople"`
	At         time.Time      `json:"at" ts_type:"string"`
	RevertedAt time.Time      `json:"revertedAt" ts_type:"string"`
	Skipped    []xlsx.Problem `json:"skipped"` // problems of the rows left out
	// Fixed and Fixes are the values given to every row and the bulk fixes applied.
	Fixed map[string]string `json:"fixed,omitempty"`
	Fixes []string          `json:"fixes,omitempty"`
}

// logEntry is one record an import wrote, with what it was before.
type logEntry struct {
	Kind    isms.Kind       `json:"kind"`
	ID      string          `json:"id"`
	Op      string          `json:"op"`      // store.OpCreate or store.OpUpdate
	Version int             `json:"version"` // the version the import left
	Before  json.RawMessage `json:"before,omitempty"`
}

const (
	logPrefix   = "import/"
	entryPrefix = "importentry/" // + log ID + "/" + part: a JSON array of up to logGroup entries
	logGroup    = 500
)

// Result is a finished import.
type Result struct {
	Log      Log            `json:"log"`
	Errors   []xlsx.Problem `json:"errors"`
	Sections []SectionRow   `json:"sections"` // the rows skipped as section headings
	// NewPeople and NewControls are the people and custom controls the import created.
	NewPeople   []string `json:"newPeople"`
	NewControls []string `json:"newControls"`
}

// Commit writes a plan: every planned row, or nothing. When rows are invalid and the
// request does not skip them, nothing is written and the error (code invalid) says how
// many rows are wrong; the plan lists them. progress, when set, is called as rows are
// written; cancelling ctx stops the import and undoes it. A plan is committed once: its
// records and planned rows are taken from it, its counts and problems stay.
func Commit(ctx context.Context, db *store.DB, p *Plan, now time.Time, progress func(done, total int)) (Result, error) {
	if err := p.Ready(); err != nil {
		if len(p.MappingProblems) > 0 {
			return Result{Errors: p.MappingProblems}, err
		}
		return Result{Errors: p.Errors}, err
	}
	// acknowledgements without a date are made on the day of the import
	if err := p.acknowledge(isms.DateOf(now)); err != nil {
		return Result{Errors: p.Errors}, err
	}
	log := Log{
		ID: newID(), Kind: p.Request.Kind, File: p.FileName, SHA256: p.SHA256, Sheet: p.Sheet,
		HeaderRow: p.Header.Row, Mapping: p.Mapping, Counts: p.Counts, NewPeople: len(p.people),
		At: now.UTC(), Skipped: []xlsx.Problem{},
	}
	if p.Request.SkipInvalid {
		log.Skipped = p.Errors
	}
	if fixed := fixedValues(p.Request); len(fixed) > 0 {
		log.Fixed = fixed
	}
	for _, f := range p.Fixes {
		if f.Applied {
			log.Fixes = append(log.Fixes, f.ID)
		}
	}
	source := sourceOf(p.FileName, p.Sheet)
	// the records to write, taken from the plan, so that each is garbage once written: a
	// plan is committed once (Ready refuses it after)
	type write struct {
		rec isms.Record
		row int // its Excel row; 0 for people and trainings the rows name
	}
	writes := make([]write, 0, len(p.people)+len(p.extra)+len(p.Rows))
	for _, person := range p.people {
		writes = append(writes, write{rec: person})
	}
	for _, rec := range p.extra {
		writes = append(writes, write{rec: rec})
	}
	for i := range p.Rows {
		if r := &p.Rows[i]; r.rec != nil {
			writes = append(writes, write{rec: r.rec, row: r.Row})
			r.rec = nil
		}
	}
	// the planned rows go too (about 110 bytes each): a spent plan is only read for its
	// counts, problems and sections
	p.people, p.extra, p.acks, p.Rows, p.spent = nil, nil, nil, nil, true
	total := len(writes)
	var pending []logEntry // entries not yet written, kept in groups to save writes
	part := 0
	flush := func(tx *store.Tx) error {
		if len(pending) == 0 {
			return nil
		}
		raw, err := json.Marshal(pending)
		if err != nil {
			return err
		}
		part++
		pending = pending[:0]
		return tx.SetSetting(fmt.Sprintf("%s%s/%09d", entryPrefix, log.ID, part), string(raw))
	}
	// New records are made ready (IDs, validation, JSON, index entries) on another core
	// while the store writes the ones before them.
	type job struct {
		write
		prep *store.Prepared // nil for an update
	}
	jobs, stop := make(chan job, 512), make(chan struct{})
	go func() {
		defer close(jobs)
		for k := range writes {
			j := job{write: writes[k]}
			writes[k] = write{}
			if j.rec.Base().Version == 0 {
				j.prep = db.PrepareCreate(j.rec)
			}
			select {
			case jobs <- j:
			case <-stop:
				j.prep.Abandon()
				return
			}
		}
	}()
	defer func() {
		close(stop)
		for j := range jobs {
			j.prep.Abandon()
		}
	}()
	err := db.Batch(func(b *store.Batch) error {
		i := 0
		for j := range jobs {
			rec := j.rec
			if i%200 == 0 {
				if ctx.Err() != nil {
					j.prep.Abandon()
					return cancelled(p.FileName)
				}
				if progress != nil {
					progress(i, total)
				}
			}
			i++
			err := b.Do(func(tx *store.Tx) error {
				e := logEntry{Kind: rec.Kind()}
				if j.prep != nil {
					e.Op = store.OpCreate
					if err := tx.CreatePrepared(j.prep, source); err != nil {
						return err
					}
				} else {
					old, err := tx.Get(rec.Kind(), rec.Base().ID)
					if err != nil {
						return err
					}
					if e.Before, err = json.Marshal(old); err != nil {
						return err
					}
					e.Op = store.OpUpdate
					if err := tx.Put(rec, source); err != nil {
						return err
					}
				}
				e.ID, e.Version = rec.Base().ID, rec.Base().Version
				pending = append(pending, e)
				if len(pending) == logGroup {
					return flush(tx)
				}
				return nil
			})
			if err != nil {
				return rowError(p, j.row, err)
			}
		}
		return b.Do(func(tx *store.Tx) error {
			if err := flush(tx); err != nil {
				return err
			}
			raw, err := json.Marshal(log)
			if err != nil {
				return err
			}
			return tx.SetSetting(logPrefix+log.ID, string(raw))
		})
	})
	if err != nil {
		return Result{Errors: p.Errors}, err
	}
	if progress != nil {
		progress(total, total)
	}
	return Result{Log: log, Errors: log.Skipped, Sections: p.Sections, NewPeople: p.NewPeople, NewControls: p.NewControls}, nil
}

// leanGC is the collector's target while an import runs: the heap may grow 60% over what
// is live, not Go's 100% (at 100,000 rows, the peak is about 20 MB lower than with 80 and
// 40 MB lower than with 100, at no cost in time that interleaved runs could tell apart).
const leanGC = 60

// LeanHeap sets the collector's target for an import (unless GOGC asks for less) and
// returns the function that restores it; the callers that run imports defer it.
func LeanHeap() (restore func()) {
	old := debug.SetGCPercent(leanGC)
	if old >= 0 && old < leanGC {
		debug.SetGCPercent(old)
	}
	return func() { debug.SetGCPercent(old) }
}

// Ready returns the error (code invalid) that Commit refuses the plan with before
// writing anything: columns missing, a 2013 file not brought onto 2022, invalid rows not
// skipped. nil when the plan can be committed.
func (p *Plan) Ready() error {
	if p.spent {
		return errors.New("importer: this plan was committed already; prepare the import again")
	}
	if len(p.MappingProblems) > 0 {
		return isms.Errorf(isms.CodeInvalid,
			"the columns of %s do not give every required field (%s); choose them, nothing was imported",
			p.FileName, problemFields(p.MappingProblems))
	}
	if err := p.refuse2013(); err != nil {
		return err
	}
	if p.Counts.Invalid > 0 && !p.Request.SkipInvalid {
		how := "fix them, or skip the invalid rows"
		for _, f := range p.Fixes {
			if !f.Applied {
				how = "fix them, apply the fixes offered, or skip the invalid rows"
				break
			}
		}
		return isms.Errorf(isms.CodeInvalid,
			"%d of %d rows of %s are not valid; nothing was imported (%s)",
			p.Counts.Invalid, p.Counts.Rows, p.FileName, how)
	}
	return nil
}

// rowError names the Excel row (0: none) of a record that the store refused.
func rowError(p *Plan, row int, err error) error {
	if row > 0 {
		return fmt.Errorf("row %d of %s: %w; nothing was imported", row, p.FileName, err)
	}
	return fmt.Errorf("%s: %w; nothing was imported", p.FileName, err)
}

// Logs lists every import, newest first.
func Logs(db *store.DB) ([]Log, error) {
	out := []Log{}
	err := db.View(func(tx *store.Tx) error {
		return tx.EachSetting(logPrefix, func(_, value string) error {
			var l Log
			if err := json.Unmarshal([]byte(value), &l); err != nil {
				return fmt.Errorf("importer: unable to read an import log: %w", err)
			}
			out = append(out, l)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].ID > out[j].ID }) // IDs are time-ordered
	return out, err
}

// Revert undoes an import as a whole: the records it created are deleted and the ones it
// updated get back their earlier values. It refuses, changing nothing, when any of those
// records changed after the import.
func Revert(ctx context.Context, db *store.DB, logID string, now time.Time) (Log, error) {
	var log Log
	var entries []logEntry
	// seen is the version each record the import wrote has now (0: deleted since); the
	// revert writes only over exactly those versions
	seen := map[string]int{}
	err := db.View(func(tx *store.Tx) error {
		raw, err := tx.Setting(logPrefix + logID)
		if err != nil {
			return err
		}
		if raw == "" {
			return isms.Errorf(isms.CodeNotFound, "there is no import %s", logID)
		}
		if err := json.Unmarshal([]byte(raw), &log); err != nil {
			return err
		}
		if !log.RevertedAt.IsZero() {
			return isms.Errorf(isms.CodeInvalid, "the import of %s was already reverted on %s", log.File, log.RevertedAt.Format("2006-01-02 15:04"))
		}
		var changed []string
		// the records the import wrote: links among them go with the revert, since the
		// ones it updated (unchanged since, checked below) get back their earlier values
		written := map[string]bool{}
		err = tx.EachSetting(entryPrefix+logID+"/", func(_, value string) error {
			var group []logEntry
			if err := json.Unmarshal([]byte(value), &group); err != nil {
				return err
			}
			for _, e := range group {
				entries = append(entries, e)
				written[string(e.Kind)+"/"+e.ID] = true
				cur, err := tx.Get(e.Kind, e.ID)
				if isms.ErrorCode(err) == isms.CodeNotFound {
					seen[string(e.Kind)+"/"+e.ID] = 0
					continue // deleted since: nothing to undo
				}
				if err != nil {
					return err
				}
				seen[string(e.Kind)+"/"+e.ID] = cur.Base().Version
				same, err := asImportLeft(tx, log, e, cur)
				if err != nil {
					return err
				}
				if !same {
					changed = append(changed, label(cur))
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		// A record the import created may since have become the target of other records'
		// links (a person made owner of a risk): deleting it would leave them dangling. Links
		// from records the import itself created or updated do not count.
		for _, e := range entries {
			if e.Op != store.OpCreate {
				continue
			}
			used, err := usedElsewhere(tx, e, written)
			if err != nil {
				return err
			}
			if used {
				if rec, err := tx.Get(e.Kind, e.ID); err == nil {
					changed = append(changed, label(rec)+" (now used by other records)")
				}
			}
		}
		if len(changed) > 0 {
			if len(changed) > 10 {
				changed = append(changed[:10], fmt.Sprintf("and %d more", len(changed)-10))
			}
			return isms.Errorf(isms.CodeConflict, "the import of %s cannot be reverted: these records changed after it: %s",
				log.File, strings.Join(changed, ", "))
		}
		return nil
	})
	if err != nil {
		return log, err
	}
	source := "revert of the import of " + log.File
	err = db.Batch(func(b *store.Batch) error {
		if err := b.Do(func(tx *store.Tx) error { // a second, concurrent revert stops here
			raw, err := tx.Setting(logPrefix + logID)
			if err != nil {
				return err
			}
			var again Log
			if err := json.Unmarshal([]byte(raw), &again); err != nil {
				return err
			}
			if !again.RevertedAt.IsZero() {
				return isms.Errorf(isms.CodeInvalid, "the import of %s was already reverted", log.File)
			}
			return nil
		}); err != nil {
			return err
		}
		for i := len(entries) - 1; i >= 0; i-- {
			if i%200 == 0 && ctx.Err() != nil {
				return isms.Errorf(isms.CodeCancelled, "the revert of the import of %s was cancelled; nothing was changed", log.File)
			}
			e := entries[i]
			key := string(e.Kind) + "/" + e.ID
			err := b.Do(func(tx *store.Tx) error {
				cur, err := tx.Get(e.Kind, e.ID)
				if isms.ErrorCode(err) == isms.CodeNotFound && seen[key] == 0 {
					return nil
				}
				if err != nil && isms.ErrorCode(err) != isms.CodeNotFound {
					return err
				}
				if err != nil || cur.Base().Version != seen[key] {
					what := e.ID
					if cur != nil {
						what = label(cur)
					}
					return isms.Errorf(isms.CodeConflict, "the import of %s cannot be reverted: %s changed meanwhile; nothing was changed", log.File, what)
				}
				if e.Op == store.OpCreate {
					seen[key] = 0
					return tx.Delete(e.Kind, e.ID, cur.Base().Version, source)
				}
				before, err := isms.New(e.Kind)
				if err != nil {
					return err
				}
				if err := json.Unmarshal(e.Before, before); err != nil {
					return err
				}
				before.Base().Version = cur.Base().Version
				if err := tx.Put(before, source); err != nil {
					return err
				}
				seen[key] = before.Base().Version
				return nil
			})
			if err != nil {
				return err
			}
		}
		log.RevertedAt = now.UTC()
		return b.Do(func(tx *store.Tx) error {
			raw, err := json.Marshal(log)
			if err != nil {
				return err
			}
			return tx.SetSetting(logPrefix+log.ID, string(raw))
		})
	})
	return log, err
}

// asImportLeft reports whether cur, the record an import wrote (entry e), is still as the
// import left it. The same version is; a later version is when its content is the same as
// the import's write in the history, apart from the version and update time a rewrite
// changes: a revert of a later import puts the record back as this import left it.
func asImportLeft(tx *store.Tx, log Log, e logEntry, cur isms.Record) (bool, error) {
	if cur.Base().Version == e.Version {
		return true, nil
	}
	if cur.Base().Version < e.Version {
		return false, nil // made anew since
	}
	changes, err := tx.History(e.Kind, e.ID)
	if err != nil {
		return false, err
	}
	source := sourceOf(log.File, log.Sheet)
	var left json.RawMessage // the record as the import wrote it
	for i := len(changes) - 1; i >= 0; i-- {
		c := changes[i]
		if c.Op != e.Op || c.Source != source {
			continue
		}
		var m isms.Meta
		if err := json.Unmarshal(c.After, &m); err != nil {
			return false, fmt.Errorf("importer: unable to read the history of %s: %w", label(cur), err)
		}
		if m.Version == e.Version {
			left = c.After
			break
		}
	}
	if left == nil {
		return false, nil
	}
	now, err := json.Marshal(cur)
	if err != nil {
		return false, err
	}
	a, err := rewriteFree(left)
	if err != nil {
		return false, fmt.Errorf("importer: unable to read the history of %s: %w", label(cur), err)
	}
	b, err := rewriteFree(now)
	if err != nil {
		return false, err
	}
	return reflect.DeepEqual(a, b), nil
}

// rewriteFree decodes a record's JSON without the fields every rewrite of it changes.
func rewriteFree(raw []byte) (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	delete(m, "version")
	delete(m, "updatedAt")
	return m, nil
}

// usedElsewhere reports whether a record the import created is now linked to, or (for a
// person) owns, a record that the import did not write (create or update).
func usedElsewhere(tx *store.Tx, e logEntry, written map[string]bool) (bool, error) {
	back, err := tx.Backlinks(e.Kind, e.ID)
	if err != nil {
		return false, err
	}
	for _, bl := range back {
		if !written[string(bl.Kind)+"/"+bl.ID] {
			return true, nil
		}
	}
	if e.Kind != isms.KindPerson {
		return false, nil
	}
	for _, k := range isms.Kinds() {
		ids, err := tx.Find(k, store.IndexOwner, e.ID)
		if err != nil {
			return false, err
		}
		for _, id := range ids {
			if !written[string(k)+"/"+id] {
				return true, nil
			}
		}
	}
	return false, nil
}

// cancelled is the error of an import the user stopped.
func cancelled(file string) error {
	return isms.Errorf(isms.CodeCancelled, "the import of %s was cancelled; nothing was imported", file)
}

func problemFields(ps []xlsx.Problem) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Field
	}
	return strings.Join(names, ", ")
}

func label(r isms.Record) string {
	t := r.Terms()
	if t.Ref != "" {
		return t.Ref
	}
	return t.Title
}
