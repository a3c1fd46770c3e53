package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Tx is one transaction; get one from DB.Update or DB.View. A Tx must not be used after its
// function returns.
type Tx struct {
	db  *DB
	txn *badger.Txn

	journal bool   // inside a Batch: remember each key's old value before its first write
	fresh   []byte // the ID Create just generated: keys holding it cannot have existed
	// journaled holds the keys the Batch journalled already (true: not yet, see remember).
	journaled map[string]bool
	bytes     int64 // approximate size of the writes, to split a Batch before Badger's limit
	writes    int64 // number of writes

	batch *Batch // the Batch this Tx writes for, nil outside one
	// created lists the records txn creates with new IDs, "kind/id" lines written with it
	// as one c/ key (see Tx.writeCreated).
	created []byte
	// behind holds the writes of the Batch's commit that txn does not see (see Batch),
	// less the keys txn wrote since; written collects txn's writes, to become the next
	// transaction's behind. Both are nil outside a Batch.
	behind, written map[string]pendingWrite
}

// pendingWrite is a value written in a Batch's transaction, or a delete.
type pendingWrite struct {
	val     []byte
	deleted bool
}

// Backlink is a record that links to another one.
type Backlink struct {
	Kind  isms.Kind `json:"kind"`  // the linking record's kind
	ID    string    `json:"id"`    // the linking record's ID
	Field string    `json:"field"` // the linking record's field that holds the link
}

// Change operations.
const (
	OpCreate = "create"
	OpUpdate = "update"
	OpDelete = "delete"
)

func (tx *Tx) now() time.Time { return tx.db.opt.Clock().UTC() }

func checkKind(kind isms.Kind) error {
	if !kind.Valid() {
		return isms.Errorf(isms.CodeInvalid, "unknown record kind %q", string(kind))
	}
	return nil
}

func notFound(kind isms.Kind, id string) error {
	return isms.Errorf(isms.CodeNotFound, "the %s %s does not exist", kind, id)
}

func staleError(kind isms.Kind, id string) error {
	return isms.Errorf(isms.CodeConflict,
		"the %s %s was changed or deleted since it was read; reload it and try again", kind, id)
}

// get returns the value of key, or ok false when it is absent.
func (tx *Tx) get(key []byte) (val []byte, ok bool, err error) {
	if w, found := tx.behind[string(key)]; found {
		return bytes.Clone(w.val), !w.deleted, nil
	}
	item, err := tx.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("store: unable to read %q: %w", key, err)
	}
	val, err = item.ValueCopy(nil)
	if err != nil {
		return nil, false, fmt.Errorf("store: unable to read %q: %w", key, err)
	}
	return val, true, nil
}

func (tx *Tx) exists(key []byte) (bool, error) {
	if w, found := tx.behind[string(key)]; found {
		return !w.deleted, nil
	}
	_, err := tx.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: unable to read %q: %w", key, err)
	}
	return true, nil
}

// refOwner returns the ID of the record of kind that has ref. In a Batch, the kind's refs
// are read once and then follow the batch's own writes (Batch.refs), so that a large
// import does not look every new ref up in the store.
func (tx *Tx) refOwner(kind isms.Kind, ref string) ([]byte, bool, error) {
	key := uniqueKey(kind, ref)
	if tx.batch == nil {
		return tx.get(key)
	}
	refs, err := tx.batch.refsOf(tx, kind)
	if err != nil {
		return nil, false, err
	}
	v, ok := refs[string(key)]
	return []byte(v), ok, nil
}

func (tx *Tx) set(key, val []byte) error { return tx.setKnown(key, val, prior{}) }

// setKnown is set of a key whose value before is known (see prior).
func (tx *Tx) setKnown(key, val []byte, was prior) error {
	if err := tx.remember(key, was); err != nil {
		return err
	}
	if err := tx.room(len(key), len(val)); err != nil {
		return err
	}
	tx.bytes += int64(len(key) + len(val))
	tx.writes++
	if err := tx.txn.Set(key, val); err != nil {
		return fmt.Errorf("store: unable to write %q: %w", key, err)
	}
	tx.track(key, pendingWrite{val: val})
	tx.batch.noteRef(key, val, false)
	return nil
}

// room makes room for one more write (a key and a value of these lengths) in a Batch's
// transaction: when the write would take it near Badger's limit, the batch goes on in its
// next transaction (Batch.next). A Batch.Do that writes more than one transaction holds (a
// record with long texts and its history entry) then spans transactions, which the
// batch's journal keeps all or nothing. Outside a Batch it does nothing: Badger refuses
// the write (ErrTooBig). A value at or above the value threshold counts as the pointer
// Badger keeps for it.
func (tx *Tx) room(keyLen, valLen int) error {
	if tx.batch == nil || tx.writes == 0 {
		return nil
	}
	if valLen >= valueThreshold {
		valLen = 12
	}
	const overhead = 32 // Badger's own bytes per write, and a margin
	need := tx.bytes + int64(keyLen+valLen) + overhead*(tx.writes+1)
	if need < tx.db.bdb.MaxBatchSize()*9/10 && tx.writes+2 < tx.db.bdb.MaxBatchCount() { // +1: the c/ list next writes
		return nil
	}
	return tx.batch.next()
}

// untracked are the key prefixes a Batch's transaction reads only through scans (which
// settle first) or that are read only once the batch is over: their writes are not kept
// in tx.written.
var untracked = [][]byte{[]byte(prefixHistory), []byte(prefixXref), []byte(prefixIndex), []byte(prefixLink), []byte(prefixCreated)}

// track records a write of a Batch's transaction for the next transaction's reads.
func (tx *Tx) track(key []byte, w pendingWrite) {
	if tx.batch == nil {
		return
	}
	for _, p := range untracked {
		if bytes.HasPrefix(key, p) {
			return
		}
	}
	if tx.written == nil {
		tx.written = map[string]pendingWrite{}
	}
	k := string(key)
	tx.written[k] = w
	delete(tx.behind, k)
}

// iterator returns an iterator over what the transaction sees; in a Batch, it first
// settles (see Batch.settle), since an iterator cannot look in tx.behind.
func (tx *Tx) iterator(opts badger.IteratorOptions) (*badger.Iterator, error) {
	if tx.batch != nil && (tx.behind != nil || tx.batch.inFlight != nil) {
		if err := tx.batch.settle(); err != nil {
			return nil, err
		}
	}
	return tx.txn.NewIterator(opts), nil
}

func (tx *Tx) del(key []byte) error { return tx.delKnown(key, prior{}) }

// delKnown is del of a key whose value before is known (see prior).
func (tx *Tx) delKnown(key []byte, was prior) error {
	if err := tx.remember(key, was); err != nil {
		return err
	}
	if err := tx.room(len(key), 0); err != nil {
		return err
	}
	tx.bytes += int64(len(key))
	tx.writes++
	if err := tx.txn.Delete(key); err != nil {
		return fmt.Errorf("store: unable to delete %q: %w", key, err)
	}
	tx.track(key, pendingWrite{deleted: true})
	tx.batch.noteRef(key, nil, true)
	return nil
}

// scan calls fn with every key under prefix in key order (and its value unless keysOnly),
// while iterating; fn may read through the transaction but must not write.
func (tx *Tx) scan(prefix []byte, keysOnly bool, fn func(key, val []byte) error) error {
	opts := badger.DefaultIteratorOptions
	opts.Prefix = prefix
	opts.PrefetchValues = !keysOnly
	it, err := tx.iterator(opts)
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Rewind(); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		var val []byte
		if !keysOnly {
			v, err := item.ValueCopy(nil)
			if err != nil {
				return fmt.Errorf("store: unable to read %q: %w", item.Key(), err)
			}
			val = v
		}
		if err := fn(item.KeyCopy(nil), val); err != nil {
			return err
		}
	}
	return nil
}

func decode(kind isms.Kind, raw []byte) (isms.Record, error) {
	rec, err := isms.New(kind)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, rec); err != nil {
		return nil, fmt.Errorf("store: unable to decode a %s: %w", kind, err)
	}
	return rec, nil
}

func encode(rec isms.Record) ([]byte, error) {
	b, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("store: unable to encode a %s: %w", rec.Kind(), err)
	}
	return b, nil
}

// Create stores a new record. It assigns an ID (a UUID v7) when the record has none, sets
// Version to 1 and CreatedAt and UpdatedAt to the clock, validates the record, checks that
// every link's target exists and that the ref is unique in its kind (both *isms.Error
// CodeInvalid naming the field), and writes the record, its index entries and a history
// entry. On error the record's Meta is left as it was.
func (tx *Tx) Create(rec isms.Record, source string) error {
	return tx.CreatePrepared(tx.db.PrepareCreate(rec), source)
}

// Prepared is a new record made ready for Create outside any transaction: its ID,
// version and times set, validated and encoded, with its index entries. An import
// prepares the next records on another core while the store writes the ones before.
type Prepared struct {
	rec     isms.Record
	saved   isms.Meta // the record's Meta before, put back when Create fails
	fresh   bool      // the ID was made here, so no key holding it can exist yet
	terms   isms.Terms
	after   []byte
	index   []indexEntry
	err     error
	inited  bool
	written bool
}

// PrepareCreate does the part of Create that needs no transaction; CreatePrepared writes it.
func (db *DB) PrepareCreate(rec isms.Record) *Prepared {
	p := &Prepared{rec: rec, inited: true}
	if rec == nil {
		p.err = isms.Errorf(isms.CodeInvalid, "no record to create")
		return p
	}
	kind := rec.Kind()
	if p.err = checkKind(kind); p.err != nil {
		return p
	}
	m := rec.Base()
	p.saved = *m
	fail := func(err error) *Prepared {
		*m = p.saved
		p.err = err
		return p
	}
	if strings.TrimSpace(m.ID) == "" {
		u, err := uuid.NewV7()
		if err != nil {
			return fail(fmt.Errorf("store: unable to make an ID: %w", err))
		}
		m.ID, p.fresh = u.String(), true
	}
	now := db.opt.Clock().UTC()
	m.Version, m.CreatedAt, m.UpdatedAt = 1, now, now
	if err := rec.Validate(); err != nil {
		return fail(err)
	}
	p.terms = rec.Terms()
	after, err := encode(rec)
	if err != nil {
		return fail(err)
	}
	p.after, p.index = after, indexList(kind, m.ID, p.terms)
	return p
}

// CreatePrepared writes a record PrepareCreate made ready (see Create).
func (tx *Tx) CreatePrepared(p *Prepared, source string) (err error) {
	if p == nil || !p.inited {
		return isms.Errorf(isms.CodeInvalid, "no record to create")
	}
	if p.err != nil {
		return p.err
	}
	rec := p.rec
	kind, m := rec.Kind(), rec.Base()
	defer func() {
		if err != nil {
			*m = p.saved
		}
	}()
	if p.fresh {
		tx.fresh = []byte(m.ID)
		defer func() { tx.fresh = nil }()
	} else {
		ok, err := tx.exists(recordKey(kind, m.ID))
		if err != nil {
			return err
		}
		if ok {
			return isms.Errorf(isms.CodeConflict, "a %s with ID %s already exists", kind, m.ID)
		}
	}
	if err := tx.checkRefs(kind, m.ID, p.terms, nil); err != nil {
		return err
	}
	if tx.journal && tx.fresh != nil {
		tx.markCreated(kind, m.ID)
	}
	if err := tx.set(recordKey(kind, m.ID), p.after); err != nil {
		return err
	}
	if err := tx.writeIndexes(p.index); err != nil {
		return err
	}
	if err := tx.appendChange(OpCreate, kind, m.ID, source, nil, p.after); err != nil {
		return err
	}
	p.written = true
	return nil
}

// Abandon puts back the record's Meta when it was prepared but not created.
func (p *Prepared) Abandon() {
	if p != nil && p.rec != nil && p.err == nil && !p.written {
		*p.rec.Base() = p.saved
	}
}

// checkRefs checks that the ref is free (or already this record's) and that every link
// target exists. Links also present in old (the stored version) are not checked again, so a
// record whose target has since been deleted can still be edited.
func (tx *Tx) checkRefs(kind isms.Kind, id string, t isms.Terms, old *isms.Terms) error {
	p := isms.NewProblems(string(kind))
	if normRef(t.Ref) != "" {
		owner, ok, err := tx.refOwner(kind, t.Ref)
		if err != nil {
			return err
		}
		if ok && string(owner) != id {
			p.Add("ref", "%q is already used by another %s", strings.TrimSpace(t.Ref), kind)
		}
	}
	known := map[isms.Link]bool{}
	if old != nil {
		for _, l := range old.Links {
			known[isms.Link{Kind: l.Kind, ID: l.ID}] = true
		}
	}
	for _, l := range t.Links {
		if l.ID == "" || known[isms.Link{Kind: l.Kind, ID: l.ID}] {
			continue
		}
		if !l.Kind.Valid() {
			p.Add(l.Field, "refers to an unknown kind of record %q", string(l.Kind))
			continue
		}
		if l.Kind == kind && l.ID == id {
			p.Add(l.Field, "must not refer to the record itself")
			continue
		}
		ok, err := tx.exists(recordKey(l.Kind, l.ID))
		if err != nil {
			return err
		}
		if !ok {
			p.Add(l.Field, "refers to a %s that does not exist (%s)", l.Kind, l.ID)
		}
	}
	return p.Err()
}

// writeIndexes writes the index entries of a new record.
func (tx *Tx) writeIndexes(list []indexEntry) error {
	for _, e := range list {
		if err := tx.setKnown(e.key, e.val, prior{known: true}); err != nil {
			return err
		}
	}
	return nil
}

// rewriteIndexes deletes the entries of old (the index of the stored version, nil for a
// new record) that are not in new and writes the rest of new. The journal takes the
// entries' values before from old: a record's index entries are exactly indexEntries of
// its stored version, and checkRefs found its ref free or its own.
func (tx *Tx) rewriteIndexes(old, new map[string][]byte) error {
	for k, ov := range old {
		if _, keep := new[k]; !keep {
			if err := tx.delKnown([]byte(k), prior{known: true, present: true, val: ov}); err != nil {
				return err
			}
		}
	}
	for k, v := range new {
		ov, had := old[k]
		if had && bytes.Equal(ov, v) {
			continue
		}
		if err := tx.setKnown([]byte(k), v, prior{known: true, present: had, val: ov}); err != nil {
			return err
		}
	}
	return nil
}

// load returns the stored record and its JSON, or a CodeNotFound error.
func (tx *Tx) load(kind isms.Kind, id string) (isms.Record, []byte, error) {
	if err := checkKind(kind); err != nil {
		return nil, nil, err
	}
	if id == "" {
		return nil, nil, notFound(kind, id)
	}
	raw, ok, err := tx.get(recordKey(kind, id))
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, notFound(kind, id)
	}
	rec, err := decode(kind, raw)
	if err != nil {
		return nil, nil, err
	}
	return rec, raw, nil
}

// Put stores a new version of an existing record. rec.Base().Version must equal the stored
// version (else CodeConflict); the version is incremented, UpdatedAt set to the clock and
// CreatedAt kept. The record is validated and its links and ref checked as in Create, the
// index entries of the old version are replaced and a history entry is written. A missing
// record gives CodeNotFound. On error the record's Meta is left as it was.
func (tx *Tx) Put(rec isms.Record, source string) (err error) {
	if rec == nil {
		return isms.Errorf(isms.CodeInvalid, "no record to save")
	}
	kind := rec.Kind()
	m := rec.Base()
	old, before, err := tx.load(kind, m.ID)
	if err != nil {
		return err
	}
	om := old.Base()
	if m.Version != om.Version {
		return staleError(kind, m.ID)
	}
	saved := *m
	defer func() {
		if err != nil {
			*m = saved
		}
	}()
	m.Version, m.CreatedAt, m.UpdatedAt = om.Version+1, om.CreatedAt, tx.now()
	if err := rec.Validate(); err != nil {
		return err
	}
	oldTerms, terms := old.Terms(), rec.Terms()
	if err := tx.checkRefs(kind, m.ID, terms, &oldTerms); err != nil {
		return err
	}
	after, err := encode(rec)
	if err != nil {
		return err
	}
	if err := tx.setKnown(recordKey(kind, m.ID), after, prior{known: true, present: true, val: before}); err != nil {
		return err
	}
	if err := tx.rewriteIndexes(indexEntries(kind, m.ID, oldTerms), indexEntries(kind, m.ID, terms)); err != nil {
		return err
	}
	return tx.appendChange(OpUpdate, kind, m.ID, source, before, after)
}

// Delete removes a record and its index entries and writes a history entry. version must
// equal the stored version (else CodeConflict); version 0 skips the check. A missing record
// gives CodeNotFound. Records that link to the deleted one keep their links (see Backlinks
// to find them first); their reverse index entries stay until those records change.
func (tx *Tx) Delete(kind isms.Kind, id string, version int, source string) error {
	old, before, err := tx.load(kind, id)
	if err != nil {
		return err
	}
	if version != 0 && version != old.Base().Version {
		return staleError(kind, id)
	}
	if err := tx.delKnown(recordKey(kind, id), prior{known: true, present: true, val: before}); err != nil {
		return err
	}
	if err := tx.rewriteIndexes(indexEntries(kind, id, old.Terms()), nil); err != nil {
		return err
	}
	return tx.appendChange(OpDelete, kind, id, source, before, nil)
}

// Get returns the record of kind with id, or a CodeNotFound error.
func (tx *Tx) Get(kind isms.Kind, id string) (isms.Record, error) {
	rec, _, err := tx.load(kind, id)
	return rec, err
}

// GetAs returns the record of kind with id as its concrete type T, e.g.
// GetAs[*isms.Risk](tx, isms.KindRisk, id).
func GetAs[T isms.Record](tx *Tx, kind isms.Kind, id string) (T, error) {
	var zero T
	rec, err := tx.Get(kind, id)
	if err != nil {
		return zero, err
	}
	t, ok := rec.(T)
	if !ok {
		return zero, fmt.Errorf("store: unable to get %s %s: it is a %T, not a %T", kind, id, rec, zero)
	}
	return t, nil
}

// List returns every record of kind in creation order.
func (tx *Tx) List(kind isms.Kind) ([]isms.Record, error) {
	var out []isms.Record
	err := tx.Each(kind, func(r isms.Record) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// Each calls fn with every record of kind in creation order and stops at fn's first error,
// which it returns.
func (tx *Tx) Each(kind isms.Kind, fn func(isms.Record) error) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	// Collect first, so that fn may write through the transaction.
	var raws [][]byte
	err := tx.scan(recordPrefix(kind), false, func(_, val []byte) error {
		raws = append(raws, val)
		return nil
	})
	if err != nil {
		return err
	}
	for _, raw := range raws {
		rec, err := decode(kind, raw)
		if err != nil {
			return err
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
	return nil
}

// Count returns the number of records of kind.
func (tx *Tx) Count(kind isms.Kind) (int, error) {
	if err := checkKind(kind); err != nil {
		return 0, err
	}
	n := 0
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = recordPrefix(kind)
	it, err := tx.iterator(opts)
	if err != nil {
		return 0, err
	}
	defer it.Close()
	for it.Rewind(); it.ValidForPrefix(opts.Prefix); it.Next() {
		n++
	}
	return n, nil
}

// ByRef returns the record of kind whose ref equals ref, compared case-insensitively after
// trimming; CodeNotFound when there is none.
func (tx *Tx) ByRef(kind isms.Kind, ref string) (isms.Record, error) {
	if err := checkKind(kind); err != nil {
		return nil, err
	}
	if normRef(ref) == "" {
		return nil, isms.Errorf(isms.CodeNotFound, "no %s has an empty ref", kind)
	}
	id, ok, err := tx.get(uniqueKey(kind, ref))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, isms.Errorf(isms.CodeNotFound, "no %s has the ref %q", kind, strings.TrimSpace(ref))
	}
	return tx.Get(kind, string(id))
}

// Find returns the IDs of the records of kind whose indexed value (IndexStatus or
// IndexOwner) equals value, in creation order.
func (tx *Tx) Find(kind isms.Kind, idx Index, value string) ([]string, error) {
	if err := checkKind(kind); err != nil {
		return nil, err
	}
	if idx != IndexStatus && idx != IndexOwner {
		return nil, isms.Errorf(isms.CodeInvalid, "unknown index %q", string(idx))
	}
	var ids []string
	err := tx.scan(indexPrefix(kind, idx, value), true, func(key, _ []byte) error {
		ids = append(ids, lastSeg(key))
		return nil
	})
	return ids, err
}

// DueBefore returns the IDs of the records of kind with a due date before t, earliest first
// (records due on the same day in creation order). Due dates are compared as UTC dates at
// midnight.
func (tx *Tx) DueBefore(kind isms.Kind, t time.Time) ([]string, error) {
	if err := checkKind(kind); err != nil {
		return nil, err
	}
	prefix := indexKindPrefix(kind, indexDue)
	var ids []string
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = prefix
	it, err := tx.iterator(opts)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	for it.Rewind(); it.ValidForPrefix(prefix); it.Next() {
		rest := string(it.Item().Key()[len(prefix):])
		date, id, ok := strings.Cut(rest, "/")
		if !ok {
			continue
		}
		due, ok := parseDue(date)
		if !ok {
			continue
		}
		if !due.Before(t) {
			break
		}
		ids = append(ids, unseg(id))
	}
	return ids, nil
}

// Backlinks returns the records that link to the record of kind with id, grouped by kind.
func (tx *Tx) Backlinks(kind isms.Kind, id string) ([]Backlink, error) {
	if err := checkKind(kind); err != nil {
		return nil, err
	}
	prefix := linkTargetPrefix(kind, id)
	var out []Backlink
	err := tx.scan(prefix, true, func(key, _ []byte) error {
		parts := strings.Split(string(key[len(prefix):]), "/")
		if len(parts) != 3 {
			return fmt.Errorf("store: unable to read the link index: malformed key %q", key)
		}
		out = append(out, Backlink{Kind: isms.Kind(unseg(parts[0])), ID: unseg(parts[1]), Field: unseg(parts[2])})
		return nil
	})
	return out, err
}

// Setting returns the value of the named setting, "" when it is unset.
func (tx *Tx) Setting(name string) (string, error) {
	v, _, err := tx.get(settingKey(name))
	return string(v), err
}

// SetSetting sets the named setting; an empty value removes it.
func (tx *Tx) SetSetting(name, value string) error {
	if strings.TrimSpace(name) == "" {
		return isms.Errorf(isms.CodeInvalid, "a setting needs a name")
	}
	if value == "" {
		return tx.del(settingKey(name))
	}
	return tx.set(settingKey(name), []byte(value))
}

// EachSetting calls fn with every setting whose name starts with prefix, in name order.
func (tx *Tx) EachSetting(prefix string, fn func(name, value string) error) error {
	p := settingKey(prefix)
	return tx.scan(p, false, func(key, val []byte) error {
		return fn(unseg(string(key[len(prefixSetting):])), string(val))
	})
}
