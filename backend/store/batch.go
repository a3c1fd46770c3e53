package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Batch writes more than one Badger transaction can hold (a large import) and still
// commits all or nothing. It marks the folder with m/batch (holding the history sequence
// number at its start), and every key it writes first has its old value journalled under
// j/<key> in the same transaction; a record created with a new ID is journalled once, in
// the list of the records its transaction created (c/#<n>), since its keys and its history
// entries cannot have existed before. When the batch succeeds, m/batch is removed (the
// commit point) and the journal is dropped. When it fails, or the process dies before the
// commit point, the journal is played back: at once on failure, and by the next Open after
// a crash. Other writes wait until the batch ends.
//
// The batch's transactions are pipelined: when one is half full it is committed without
// waiting for Badger to write it, and the batch goes on in a new transaction opened just
// before that commit (Badger makes a transaction opened after a commit wait for it). The
// new transaction's view lacks the commit's writes, so its reads look in tx.behind first;
// an iterator first waits for the commit and moves to a transaction that sees it (settle).
// At most one commit is under way.
type Batch struct {
	db        *DB
	tx        *Tx
	journaled map[string]bool // the keys journalled so far, so that none is read twice (see Tx.remember)
	inFlight  chan error      // the result of the commit under way; nil when none is
	lists     int             // the c/ lists of created records written so far
	// refs holds, per kind read (by its u/<kind>/ prefix), its unique-ref keys and the
	// IDs they name: read once, then kept up to date by the batch's writes
	refs map[string]map[string]string
}

// refsOf returns the unique-ref keys of kind and their records' IDs, reading them on the
// first call (a scan, so the batch settles once).
func (b *Batch) refsOf(tx *Tx, kind isms.Kind) (map[string]string, error) {
	prefix := string(uniqueKey(kind, "")) // u/<kind>/
	if m, ok := b.refs[prefix]; ok {
		return m, nil
	}
	m := map[string]string{}
	err := tx.scan([]byte(prefix), false, func(k, v []byte) error {
		m[string(k)] = string(v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if b.refs == nil {
		b.refs = map[string]map[string]string{}
	}
	b.refs[prefix] = m
	return m, nil
}

// noteRef keeps the refs read by refsOf up to date with a write of the batch (b may be
// nil: a write outside a batch).
func (b *Batch) noteRef(key, val []byte, deleted bool) {
	if b == nil || len(b.refs) == 0 || !bytes.HasPrefix(key, []byte(prefixUnique)) {
		return
	}
	i := bytes.IndexByte(key[len(prefixUnique):], '/')
	if i < 0 {
		return
	}
	m := b.refs[string(key[:len(prefixUnique)+i+1])]
	if m == nil {
		return
	}
	if deleted {
		delete(m, string(key))
	} else {
		m[string(key)] = string(val)
	}
}

// Batch runs fn, whose writes through Batch.Do form one all-or-nothing change.
func (db *DB) Batch(fn func(b *Batch) error) error {
	if db.opt.ReadOnly {
		return isms.Errorf(isms.CodeLocked, "the data folder %s is open read-only", db.dir)
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if err := db.usable(); err != nil {
		return err
	}
	// A journal left by an earlier batch whose clean-up failed must not be mistaken for
	// this batch's own.
	if err := db.dropJournal(); err != nil {
		return fmt.Errorf("store: unable to start a batch: %w", err)
	}
	err := db.bdb.Update(func(txn *badger.Txn) error {
		seq, _, err := (&Tx{db: db, txn: txn}).chainHead()
		if err != nil {
			return err
		}
		return txn.Set([]byte(keyBatch), seqBytes(seq))
	})
	if err != nil {
		return fmt.Errorf("store: unable to start a batch: %w", err)
	}
	if err := db.sync(); err != nil {
		return err
	}
	b := &Batch{db: db, journaled: map[string]bool{}}
	b.tx = &Tx{db: db, txn: db.bdb.NewTransaction(true), journal: true, journaled: b.journaled, batch: b}
	err = fn(b)
	if err == nil {
		err = b.commit()
	}
	if err != nil {
		b.tx.txn.Discard()
		_ = b.wait() // the journal is played back once nothing is being written
		if rerr := db.rollbackJournal(); rerr != nil {
			db.setBroken(rerr)
			return errors.Join(err, rerr)
		}
		return err
	}
	return db.finishJournal()
}

// wait waits for the commit under way, if any, and returns its error.
func (b *Batch) wait() error {
	if b.inFlight == nil {
		return nil
	}
	err := <-b.inFlight
	b.inFlight = nil
	if err != nil {
		return fmt.Errorf("store: unable to commit part of a batch: %w", err)
	}
	return nil
}

// next commits the current transaction without waiting for it to be written and goes on
// in a new one, whose reads find the commit's writes in tx.behind.
func (b *Batch) next() error {
	if err := b.wait(); err != nil {
		return err
	}
	tx := b.tx
	if err := tx.writeCreated(); err != nil {
		return err
	}
	old, written := tx.txn, tx.written
	tx.txn = b.db.bdb.NewTransaction(true) // before the commit, so that Badger does not wait for it
	done := make(chan error, 1)
	old.CommitWith(func(err error) { done <- err })
	b.inFlight = done
	tx.behind, tx.written = written, nil
	tx.bytes, tx.writes = 0, 0
	return nil
}

// settle waits for the commit under way and moves the batch to a transaction that sees
// every write so far (the current one is committed), for a read that cannot look in
// tx.behind: a scan.
func (b *Batch) settle() error {
	if err := b.wait(); err != nil {
		return err
	}
	tx := b.tx
	if err := tx.writeCreated(); err != nil {
		return err
	}
	if err := tx.txn.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit part of a batch: %w", err)
	}
	tx.txn = b.db.bdb.NewTransaction(true)
	tx.behind, tx.written = nil, nil
	tx.bytes, tx.writes = 0, 0
	return nil
}

// commit commits the last transaction, once the one before it is written.
func (b *Batch) commit() error {
	if err := b.wait(); err != nil {
		return err
	}
	if err := b.tx.writeCreated(); err != nil {
		return err
	}
	if err := b.tx.txn.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit part of a batch: %w", err)
	}
	return nil
}

// Do runs fn in the batch's current transaction, and starts a new transaction when the
// current one is half full. fn should write one record (with its indexes and history);
// when its writes are more than one transaction holds, they span transactions (Tx.room).
func (b *Batch) Do(fn func(tx *Tx) error) error {
	if err := fn(b.tx); err != nil {
		return err
	}
	if b.tx.bytes > b.db.bdb.MaxBatchSize()/2 || b.tx.writes > b.db.bdb.MaxBatchCount()/2 {
		return b.next()
	}
	return nil
}

// prior is what a write knows of its key's value before it: known says the caller has
// it already (val, or absent unless present), else the journal reads it.
type prior struct {
	known, present bool
	val            []byte
}

// remember journals key's current value before the first write to it in a batch. The
// ref key a new record claims is not journalled at once (undoCreated removes it), only if
// the batch writes it again; journaled marks it true until then.
func (tx *Tx) remember(key []byte, was prior) error {
	if !tx.journal {
		return nil
	}
	if isNewKey(key, tx.fresh) {
		return nil // undone from c/ and the history range, see undoCreated and undoHistory
	}
	deferred, seen := tx.journaled[string(key)]
	switch {
	case seen && !deferred:
		return nil
	case seen: // written again: journalled now, as it was before the batch (absent)
		was = prior{known: true}
	case tx.fresh != nil && was.known && !was.present && bytes.HasPrefix(key, []byte(prefixUnique)):
		// the ref of a record created with a new ID, free before: undoCreated removes it
		// while the record holds it, so its journal entry waits for another write to it
		tx.journaled[string(key)] = true
		return nil
	}
	tx.journaled[string(key)] = false
	jk := append([]byte(prefixJournal), key...)
	old, ok := was.val, was.present
	if !was.known {
		var err error
		if old, ok, err = tx.get(key); err != nil {
			return err
		}
	}
	v := []byte{0}
	if ok {
		v = append([]byte{1}, old...)
	}
	if err := tx.room(len(jk), len(v)); err != nil {
		return err
	}
	tx.bytes += int64(len(jk) + len(v))
	tx.writes++
	if err := tx.txn.Set(jk, v); err != nil {
		return fmt.Errorf("store: unable to journal %q: %w", key, err)
	}
	return nil
}

// isNewKey reports whether key cannot have existed before the batch: history entries get
// new sequence numbers, and the keys of a record created with a new ID hold that ID. Such
// keys are not journalled: undoCreated removes them.
func isNewKey(key, freshID []byte) bool {
	return bytes.HasPrefix(key, []byte(prefixHistory)) || bytes.HasPrefix(key, []byte(prefixXref)) ||
		string(key) == keyHSeq || string(key) == keyHHead || // restored by undoHistory
		(len(freshID) > 0 && bytes.Contains(key, freshID))
}

// journalChunk is how many journal entries one transaction plays back at most; a chunk
// also stops at a quarter of Badger's transaction size.
const journalChunk = 2000

// markCreated lists a record created with a new ID for the batch's undo.
func (tx *Tx) markCreated(kind isms.Kind, id string) {
	n := len(tx.created)
	tx.created = append(append(append(append(tx.created, seg(string(kind))...), '/'), seg(id)...), '\n')
	tx.bytes += int64(len(tx.created) - n)
}

// writeCreated writes the list of the records txn created as one c/ key, before txn
// commits: the list is committed with the records, or neither is.
func (tx *Tx) writeCreated() error {
	if len(tx.created) == 0 {
		return nil
	}
	tx.batch.lists++
	key := fmt.Appendf([]byte(prefixCreated), "#%016x", tx.batch.lists)
	if err := tx.txn.Set(key, tx.created); err != nil {
		return fmt.Errorf("store: unable to journal the records a batch created: %w", err)
	}
	tx.created = nil // Badger holds the slice until the commit
	return nil
}

// createdMark is a record a batch created: its kind and ID.
type createdMark struct {
	kind isms.Kind
	id   string
}

// createdMarks reads a c/ key: a list (c/#<n>, "kind/id" lines) or, as written before
// the lists, one record (c/<kind>/<id>).
func createdMarks(key, val []byte) []createdMark {
	rest := string(key[len(prefixCreated):])
	lines := []string{rest}
	if strings.HasPrefix(rest, "#") {
		lines = strings.Split(strings.TrimSuffix(string(val), "\n"), "\n")
	}
	out := make([]createdMark, 0, len(lines))
	for _, l := range lines {
		if kindSeg, idSeg, ok := strings.Cut(l, "/"); ok {
			out = append(out, createdMark{isms.Kind(unseg(kindSeg)), unseg(idSeg)})
		}
	}
	return out
}

// undoCreatedChunk is how many created records one transaction of undoCreated deletes
// (each with its index entries).
const undoCreatedChunk = 500

// undoCreated deletes every record the batch created, with its index entries, then the
// c/ keys that listed them, a chunk at a time. It runs after the journal is played back,
// so a record the batch changed or deleted after creating it is back as created. A record
// already gone (by an undo that was interrupted) is passed over.
func (db *DB) undoCreated() error {
	prefix := []byte(prefixCreated)
	from := prefix
	for {
		var keys [][]byte
		var marks []createdMark
		err := db.bdb.View(func(txn *badger.Txn) error {
			opts := badger.DefaultIteratorOptions
			opts.Prefix = prefix
			it := txn.NewIterator(opts)
			defer it.Close()
			for it.Seek(from); it.Valid() && len(keys) < journalChunk && len(marks) < journalChunk; it.Next() {
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					return err
				}
				k := it.Item().KeyCopy(nil)
				keys, marks = append(keys, k), append(marks, createdMarks(k, v)...)
			}
			return nil
		})
		if err != nil || len(keys) == 0 {
			return err
		}
		from = append(bytes.Clone(keys[len(keys)-1]), 0) // the smallest key after the last one
		for len(marks) > 0 {
			chunk := marks[:min(len(marks), undoCreatedChunk)]
			marks = marks[len(chunk):]
			if err := db.bdb.Update(func(txn *badger.Txn) error { return undoRecords(txn, chunk) }); err != nil {
				return err
			}
		}
		if err := db.deleteKeys(keys); err != nil {
			return err
		}
	}
}

// undoRecords deletes the records marks name, with their index entries.
func undoRecords(txn *badger.Txn, marks []createdMark) error {
	for _, m := range marks {
		rk := recordKey(m.kind, m.id)
		item, err := txn.Get(rk)
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		raw, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		rec, err := decode(m.kind, raw)
		if err != nil {
			return err
		}
		for k := range indexEntries(m.kind, m.id, rec.Terms()) {
			if strings.HasPrefix(k, prefixUnique) { // a ref is the record's only while it names it
				mine, err := holds(txn, k, m.id)
				if err != nil {
					return err
				}
				if !mine {
					continue
				}
			}
			if err := txn.Delete([]byte(k)); err != nil {
				return err
			}
		}
		if err := txn.Delete(rk); err != nil {
			return err
		}
	}
	return nil
}

// holds reports whether key holds id.
func holds(txn *badger.Txn, key, id string) (bool, error) {
	item, err := txn.Get([]byte(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	v, err := item.ValueCopy(nil)
	return string(v) == id, err
}

// undoHistory deletes the history entries written since the batch started (their
// sequence numbers follow the one kept in m/batch) with their per-record index keys.
func (db *DB) undoHistory() error {
	var start uint64
	err := db.bdb.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(keyBatch))
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		if len(v) == 8 {
			start = binary.BigEndian.Uint64(v)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = db.eachChunkFrom([]byte(prefixHistory), historyKey(start+1), func(txn *badger.Txn, hk, val []byte) error {
		var c Change
		if err := json.Unmarshal(val, &c); err != nil {
			return err
		}
		if err := txn.Delete(xrefKey(c.Kind, c.ID, c.Seq)); err != nil {
			return err
		}
		return txn.Delete(hk)
	})
	if err != nil {
		return err
	}
	// The end of the chain is the entry the batch started after.
	return db.bdb.Update(func(txn *badger.Txn) error {
		if start == 0 {
			if err := txn.Delete([]byte(keyHSeq)); err != nil {
				return err
			}
			return txn.Delete([]byte(keyHHead))
		}
		item, err := txn.Get(historyKey(start))
		if err != nil {
			return err
		}
		val, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		var c Change
		if err := json.Unmarshal(val, &c); err != nil {
			return err
		}
		if err := txn.Set([]byte(keyHSeq), seqBytes(start)); err != nil {
			return err
		}
		return txn.Set([]byte(keyHHead), []byte(c.Hash))
	})
}

// eachJournalChunk calls fn with up to journalChunk journal entries at a time in a fresh
// transaction, in key order, until none are left; fn must remove the entries it is given.
// Each chunk starts after the last key of the one before, so that the tombstones of the
// entries already removed are not walked again.
func (db *DB) eachJournalChunk(fn func(txn *badger.Txn, key, old []byte) error) error {
	return db.eachChunk([]byte(prefixJournal), fn)
}

// eachChunk calls fn with every entry under prefix, a chunk per transaction; fn must
// remove the entries it is given.
func (db *DB) eachChunk(prefix []byte, fn func(txn *badger.Txn, key, val []byte) error) error {
	return db.eachChunkFrom(prefix, prefix, fn)
}

// eachChunkFrom is eachChunk starting at key from.
func (db *DB) eachChunkFrom(prefix, from []byte, fn func(txn *badger.Txn, key, val []byte) error) error {
	for {
		n := 0
		err := db.bdb.Update(func(txn *badger.Txn) error {
			opts := badger.DefaultIteratorOptions
			opts.Prefix = prefix
			it := txn.NewIterator(opts)
			type entry struct{ key, old []byte }
			var batch []entry
			size, limit := int64(0), db.bdb.MaxBatchSize()/4
			for it.Seek(from); it.ValidForPrefix(prefix) && len(batch) < journalChunk && size < limit; it.Next() {
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					it.Close()
					return err
				}
				k := it.Item().KeyCopy(nil)
				size += int64(2*len(k) + len(v))
				batch = append(batch, entry{k, v})
			}
			it.Close()
			for _, e := range batch {
				if err := fn(txn, e.key, e.old); err != nil {
					return err
				}
			}
			n = len(batch)
			if n > 0 {
				from = append(batch[n-1].key, 0) // the smallest key after the last one
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
	}
}

// rollbackJournal restores every journalled key, removes the records the batch created
// and its history entries, and then clears the batch mark. Each step is idempotent, so a
// crash during a rollback is finished by the next Open.
func (db *DB) rollbackJournal() error {
	// The journal first: a record created and then changed or deleted by the batch has
	// its first version journalled, so it is back as created, and undoCreated, after,
	// removes it with the index entries of that version.
	err := db.eachJournalChunk(func(txn *badger.Txn, jk, old []byte) error {
		key := jk[len(prefixJournal):]
		var err error
		if len(old) > 0 && old[0] == 1 {
			err = txn.Set(key, old[1:])
		} else {
			err = txn.Delete(key)
		}
		if err != nil {
			return err
		}
		return txn.Delete(jk)
	})
	if err == nil {
		err = db.undoCreated()
	}
	if err == nil {
		err = db.undoHistory()
	}
	if err == nil {
		err = db.bdb.Update(func(txn *badger.Txn) error { return txn.Delete([]byte(keyBatch)) })
	}
	if err == nil {
		err = db.sync()
	}
	if err != nil {
		return fmt.Errorf("store: unable to undo an unfinished batch: %w", err)
	}
	return nil
}

// finishJournal makes a batch final: the batch mark goes first (the commit point), then
// the journal.
func (db *DB) finishJournal() error {
	err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Delete([]byte(keyBatch)) })
	if err == nil {
		err = db.sync()
	}
	if err != nil {
		return fmt.Errorf("store: unable to finish a batch: %w", err)
	}
	// The batch is final now; a journal that cannot be dropped yet is dropped by the next
	// batch or the next Open.
	if err := db.dropJournal(); err != nil {
		db.opt.Logger.Warn("unable to drop the journal of a finished batch", "err", err)
	}
	return nil
}

// dropJournal deletes the journal (j/ and c/) a chunk of keys at a time. Not with
// Badger's DropPrefix: that flushes the memtables and compacts every level-0 table holding
// the prefix, which a batch's journal is in all of (a second or more after a large import).
func (db *DB) dropJournal() error {
	for _, p := range []string{prefixJournal, prefixCreated} {
		if err := db.deleteAll([]byte(p)); err != nil {
			return err
		}
	}
	return nil
}

// deleteKeys deletes keys in one transaction.
func (db *DB) deleteKeys(keys [][]byte) error {
	return db.bdb.Update(func(txn *badger.Txn) error {
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// deleteAll deletes every key under prefix, journalChunk keys per transaction.
func (db *DB) deleteAll(prefix []byte) error {
	from := prefix
	for {
		var keys [][]byte
		err := db.bdb.View(func(txn *badger.Txn) error {
			opts := badger.DefaultIteratorOptions
			opts.Prefix, opts.PrefetchValues = prefix, false
			it := txn.NewIterator(opts)
			defer it.Close()
			for it.Seek(from); it.Valid() && len(keys) < journalChunk; it.Next() {
				keys = append(keys, it.Item().KeyCopy(nil))
			}
			return nil
		})
		if err != nil || len(keys) == 0 {
			return err
		}
		from = append(bytes.Clone(keys[len(keys)-1]), 0) // the smallest key after the last one
		if err := db.deleteKeys(keys); err != nil {
			return err
		}
	}
}

// recoverJournal runs at Open: an unfinished batch is undone; the journal of a finished
// one that was not yet dropped is dropped.
func (db *DB) recoverJournal() error {
	pending := false
	err := db.bdb.View(func(txn *badger.Txn) error {
		_, err := txn.Get([]byte(keyBatch))
		if err == nil {
			pending = true
			return nil
		}
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("store: unable to check for an unfinished batch: %w", err)
	}
	if pending && db.opt.ReadOnly {
		return isms.Errorf(isms.CodeLocked,
			"an import into %s was interrupted and must be undone first; open the folder once without read-only mode", db.dir)
	}
	if pending {
		db.opt.Logger.Warn("undoing a batch that did not finish (the app stopped during an import)", "dir", db.dir)
		return db.rollbackJournal()
	}
	if db.opt.ReadOnly {
		return nil
	}
	return db.dropJournal()
}

// setBroken stops all writes after a batch could not be undone: the folder must be
// opened again, which finishes the undo.
func (db *DB) setBroken(err error) {
	db.broken.Store(&err)
}

// usable returns an error when writes must stop until the folder is opened again.
func (db *DB) usable() error {
	if p := db.broken.Load(); p != nil {
		return &isms.Error{Code: isms.CodeLocked,
			Message: fmt.Sprintf("an interrupted change could not be undone (%v); close ISMS Desk and open it again to finish undoing it", *p)}
	}
	return nil
}
