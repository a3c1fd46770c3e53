// Package store persists ISMS Desk records in a Badger key-value database: the key schema
// (see keys.go), the JSON codec, secondary indexes, transactions with retry, the hash-chained
// change history, backup and restore, and schema migrations. It imports the isms domain and
// Badger; it knows nothing of Excel or of the user interface.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// schemaVersion is the data schema this build writes and understands.
const schemaVersion = 1

// migration upgrades the data by one schema version inside one transaction.
type migration func(txn *badger.Txn) error

// migrations[i] upgrades schema version i+1 to i+2; len(migrations) == schemaVersion-1.
var migrations []migration

// maxAttempts bounds how often Update runs its function when Badger reports a conflict.
const maxAttempts = 5

// Options configure Open.
type Options struct {
	InMemory bool             // keep everything in memory (tests); dir is ignored
	Clock    func() time.Time // the time stamped on records and history; default time.Now().UTC()
	Logger   *slog.Logger     // where Badger's messages go; default slog.Default()
	ReadOnly bool             // open without writing; Update fails with CodeLocked
	// Passphrase unlocks an encrypted folder (one with a key file, see crypt.go); it is
	// ignored for a folder without one.
	Passphrase string

	// keys are the unlocked keys of the folder, so that internal reopens skip Argon2id.
	keys *keyring

	// noAutoBackup skips the automatic backup before a migration (a folder being restored).
	noAutoBackup bool
}

// DB is an open data folder.
type DB struct {
	bdb    *badger.DB
	dir    string
	opt    Options
	schema int

	closeOnce sync.Once
	closeErr  error

	// writeMu lets a Batch, which spans many transactions, exclude every other write.
	writeMu sync.Mutex
	// broken is set when a failed Batch could not be undone; writes then stop.
	broken atomic.Pointer[error]

	// gate and inflight let Close wait for the View and Update calls under way, and refuse
	// new ones, so that a window can close and reopen its store safely.
	gate     sync.RWMutex
	closing  bool
	inflight sync.WaitGroup
}

// Open opens (creating it when needed) the data folder dir. When another ISMS Desk holds the
// folder it returns an *isms.Error with code CodeLocked; when the data was written by a newer
// version it refuses with CodeInvalid. Older data is migrated. An encrypted folder needs
// opt.Passphrase: without it Open fails with CodeLocked, with a wrong one with CodeInvalid
// (both on the field passphrase, see IsPassphraseError), before any file in the folder
// is opened.
//
// Before anything else it finishes or rolls back a restore that was interrupted while
// swapping folders (see recoverSwap). A folder on disk is made private (0700, files 0600)
// and marked as an ISMS Desk data folder.
func Open(dir string, opt Options) (*DB, error) {
	opt = withDefaults(opt)
	if !opt.InMemory {
		dir = filepath.Clean(dir)
		if err := recoverSwap(dir, opt); err != nil {
			return nil, err
		}
		keys, err := unlockFolder(dir, opt)
		if err != nil {
			return nil, err
		}
		opt.keys = keys
		restrictNewFiles()
	}
	bdb, err := openBadger(dir, opt)
	if err != nil {
		if isLockError(err) {
			return nil, lockedError(dir)
		}
		return nil, fmt.Errorf("store: unable to open the data folder %s: %w", dir, err)
	}
	db := &DB{bdb: bdb, dir: dir, opt: opt}
	if err := db.initSchema(); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	if err := db.recoverJournal(); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	if !opt.InMemory && !opt.ReadOnly {
		if err := markDataFolder(dir); err != nil {
			_ = bdb.Close()
			return nil, err
		}
		if err := makePrivate(dir); err != nil {
			opt.Logger.Warn("unable to make the data folder private", "dir", dir, "err", err)
		}
		sweepTemp(dir, opt)
	}
	return db, nil
}

func withDefaults(opt Options) Options {
	if opt.Clock == nil {
		opt.Clock = func() time.Time { return time.Now().UTC() }
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	return opt
}

// badgerNewFile is the text of the error Badger's open fails with on a memtable file that
// a process killed while opening the folder left empty (ristretto's z.NewFile).
const badgerNewFile = "Create a new file"

// openBadger opens the Badger folder dir. A process killed between creating a memtable
// file and sizing it leaves an empty file, and Badger's next open sizes it and then fails
// with "Create a new file"; the file holds nothing, and a second open reads it as the
// empty memtable it now is.
func openBadger(dir string, opt Options) (*badger.DB, error) {
	bo := badgerOptions(dir, opt)
	if !bo.InMemory {
		bo = fitMemtables(bo, dir)
	}
	bdb, err := badger.Open(bo)
	if err != nil && !bo.ReadOnly && !bo.InMemory && strings.Contains(err.Error(), "while opening memtables") &&
		strings.HasSuffix(err.Error(), badgerNewFile) {
		if opt.Logger != nil {
			opt.Logger.Warn("a memtable file was left empty by a process that stopped while opening the data folder; opening it again", "dir", dir)
		}
		bdb, err = badger.Open(bo)
	}
	return bdb, err
}

// fitMemtables sizes the memtables to hold the largest memtable log left in dir (each is
// twice its memtable's size), when that is more than bo's size. A folder written with
// larger memtables (an earlier version) and not closed cleanly still has its logs, and
// Badger replays each into a memtable of the configured size: a smaller one cannot hold
// it and Badger stops the process. Writes of this open then also use the larger size.
func fitMemtables(bo badger.Options, dir string) badger.Options {
	logs, _ := filepath.Glob(filepath.Join(dir, "*.mem"))
	for _, l := range logs {
		if fi, err := os.Stat(l); err == nil && fi.Size()/2 > bo.MemTableSize {
			bo = bo.WithMemTableSize(fi.Size() / 2)
		}
	}
	return bo
}

// ErrTooBig is the error (errors.Is) of an Update that writes more than one Badger
// transaction holds (15% of a memtable, about 600 KB); a Batch has no such limit.
var ErrTooBig = badger.ErrTxnTooBig

const (
	// memTableSize is 4 MB: at 100,000 rows an import peaks about 30 MB lower than with
	// 8 MB (the arenas, and the table builders' allocators, which double as a table grows),
	// at the same speed. A transaction then holds about 600 KB (15% of it).
	memTableSize = 4 << 20
	// valueThreshold keeps values up to 600 KB in the LSM tree: Badger wants it at most
	// a transaction's size, and a blob chunk (512 KB) stays below it.
	valueThreshold = 600 << 10
)

// badgerOptions sizes Badger for a laptop and a data set of thousands, not billions, of
// records: small memtables, cache and value-log files, one version per key, durable writes.
func badgerOptions(dir string, opt Options) badger.Options {
	bo := badger.DefaultOptions(dir)
	if opt.InMemory {
		bo = badger.DefaultOptions("").WithInMemory(true)
	}
	return bo.
		WithSyncWrites(false). // Update and Batch sync at their commit points instead
		WithReadOnly(opt.ReadOnly && !opt.InMemory).
		WithNumVersionsToKeep(1).
		WithDetectConflicts(false).     // every write runs under writeMu, one at a time
		WithMemTableSize(memTableSize). // each is an arena on the heap, a log mapped in memory, and a table built on the heap when full
		WithValueThreshold(valueThreshold).
		WithNumMemtables(2).
		WithNumLevelZeroTables(80). // a 100,000-row import (about 60 tables) is compacted after it, not while it writes
		WithNumLevelZeroTablesStall(120).
		WithValueLogFileSize(64 << 20).
		WithBlockCacheSize(16 << 20).
		WithNumCompactors(2).
		WithNumGoroutines(2).
		WithMetricsEnabled(false).
		WithCompactL0OnClose(false). // level 0 is compacted in the background once it has 80 tables, not by every close
		WithLogger(badgerLogger{opt.Logger}).
		WithEncryptionKey(encryptionKey(opt)).
		WithIndexCacheSize(indexCache(opt)) // Badger's docs: needed with encryption, or every index is decrypted on each read
}

func encryptionKey(opt Options) []byte {
	if opt.keys == nil {
		return nil
	}
	return opt.keys.Data
}

func indexCache(opt Options) int64 {
	if opt.keys == nil {
		return 0
	}
	return 16 << 20
}

// Encrypted reports whether the folder is encrypted with a passphrase.
func (db *DB) Encrypted() bool { return db.opt.keys != nil }

// isLockError reports whether Badger failed because another process holds the folder.
func isLockError(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Cannot acquire directory lock") || // Unix
		strings.Contains(s, "Another process is using this Badger database") // Windows
}

func lockedError(dir string) error {
	return isms.Errorf(isms.CodeLocked,
		"the data folder %s is in use by another ISMS Desk window or command; close it and try again", dir)
}

// initSchema writes the schema version of a new folder, refuses a newer one and migrates an
// older one.
func (db *DB) initSchema() error {
	var v int
	err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		v, err = readSchema(txn)
		return err
	})
	if err != nil {
		return err
	}
	switch {
	case v == 0 && db.opt.ReadOnly:
		v = schemaVersion
	case v == 0:
		err := db.bdb.Update(func(txn *badger.Txn) error {
			return txn.Set([]byte(keySchema), []byte(strconv.Itoa(schemaVersion)))
		})
		if err != nil {
			return fmt.Errorf("store: unable to write the schema version: %w", err)
		}
		v = schemaVersion
	case v > schemaVersion:
		return newerSchemaError(db.dir, v)
	case v < schemaVersion && db.opt.ReadOnly:
		return isms.Errorf(isms.CodeLocked,
			"the data folder %s must be upgraded from data schema %d to %d; open it once without read-only mode", db.dir, v, schemaVersion)
	case v < schemaVersion:
		if !db.opt.InMemory && !db.opt.noAutoBackup {
			db.schema = v
			if _, err := db.AutoBackup(ReasonMigration); err != nil {
				return fmt.Errorf("store: the data must be upgraded, and the backup made first failed: %w", err)
			}
		}
		if err := runMigrations(db.bdb, v, schemaVersion, migrations); err != nil {
			return err
		}
		v = schemaVersion
	}
	db.schema = v
	return nil
}

func newerSchemaError(dir string, v int) error {
	return isms.Errorf(isms.CodeInvalid,
		"the data in %s was written by a newer version of ISMS Desk (data schema %d; this version knows up to %d); update ISMS Desk to open it",
		dir, v, schemaVersion)
}

// readSchema returns the stored schema version, 0 when none is stored.
func readSchema(txn *badger.Txn) (int, error) {
	item, err := txn.Get([]byte(keySchema))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: unable to read the schema version: %w", err)
	}
	b, err := item.ValueCopy(nil)
	if err != nil {
		return 0, fmt.Errorf("store: unable to read the schema version: %w", err)
	}
	v, err := strconv.Atoi(string(b))
	if err != nil || v < 1 {
		return 0, isms.Errorf(isms.CodeInvalid, "the data schema version %q is not valid", string(b))
	}
	return v, nil
}

// runMigrations upgrades from version from to version to, one transaction per step; each
// step also records its new version, so an interrupted upgrade resumes where it stopped.
func runMigrations(bdb *badger.DB, from, to int, migs []migration) error {
	for v := from; v < to; v++ {
		if v-1 >= len(migs) || migs[v-1] == nil {
			return fmt.Errorf("store: unable to upgrade data schema %d: no migration", v)
		}
		err := bdb.Update(func(txn *badger.Txn) error {
			if err := migs[v-1](txn); err != nil {
				return err
			}
			return txn.Set([]byte(keySchema), []byte(strconv.Itoa(v+1)))
		})
		if err != nil {
			return fmt.Errorf("store: unable to upgrade data schema %d to %d: %w", v, v+1, err)
		}
	}
	return nil
}

// SchemaVersion returns the data schema version of the open folder.
func (db *DB) SchemaVersion() int { return db.schema }

// Close closes the folder; it is safe to call more than once.
// Close waits for the View and Update calls under way; calls made after it starts fail.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		db.gate.Lock()
		db.closing = true
		db.gate.Unlock()
		db.inflight.Wait()
		if err := db.bdb.Close(); err != nil {
			db.closeErr = fmt.Errorf("store: unable to close the data folder: %w", err)
		}
		if !db.opt.InMemory && !db.opt.ReadOnly {
			if err := makePrivate(db.dir); err != nil {
				db.opt.Logger.Warn("unable to make the data folder private", "dir", db.dir, "err", err)
			}
		}
	})
	return db.closeErr
}

// enter counts a call under way; false once Close has started. Every true needs a leave.
func (db *DB) enter() bool {
	db.gate.RLock()
	defer db.gate.RUnlock()
	if db.closing {
		return false
	}
	db.inflight.Add(1)
	return true
}

func (db *DB) leave() { db.inflight.Done() }

func closedError() error {
	return isms.Errorf(isms.CodeLocked, "the data folder has been closed (it may be being restored); try again")
}

// Update runs fn in one read-write transaction and commits it when fn returns nil. When the
// commit conflicts with another transaction, fn runs again in a fresh transaction, a bounded
// number of times, so fn must be idempotent. fn's own errors are returned unchanged.
func (db *DB) Update(fn func(tx *Tx) error) error {
	if db.opt.ReadOnly {
		return isms.Errorf(isms.CodeLocked, "the data folder %s is open read-only", db.dir)
	}
	if !db.enter() {
		return closedError()
	}
	defer db.leave()
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if err := db.usable(); err != nil {
		return err
	}
	for attempt := 1; ; attempt++ {
		err := db.try(fn)
		if err == nil {
			return db.sync()
		}
		if !errors.Is(err, badger.ErrConflict) {
			return err
		}
		if attempt == maxAttempts {
			return &isms.Error{Code: isms.CodeConflict,
				Message: fmt.Sprintf("the data kept changing while saving (%d attempts); try again", attempt)}
		}
		time.Sleep(time.Duration(attempt) * time.Millisecond)
	}
}

// try runs fn in one transaction and commits it; a commit conflict is returned as
// badger.ErrConflict, fn's errors unchanged.
func (db *DB) try(fn func(tx *Tx) error) error {
	txn := db.bdb.NewTransaction(true)
	defer txn.Discard() // a no-op after Commit
	if err := fn(&Tx{db: db, txn: txn}); err != nil {
		return err
	}
	err := txn.Commit()
	if err != nil && !errors.Is(err, badger.ErrConflict) {
		return fmt.Errorf("store: unable to commit: %w", err)
	}
	return err
}

// sync makes every committed write durable: the folder is opened without Badger's
// per-write sync, and each use case syncs once at its commit point instead.
func (db *DB) sync() error {
	if db.opt.InMemory {
		return nil
	}
	if err := db.bdb.Sync(); err != nil {
		return fmt.Errorf("store: unable to write to disk: %w", err)
	}
	return nil
}

// View runs fn in one read-only transaction.
func (db *DB) View(fn func(tx *Tx) error) error {
	if !db.enter() {
		return closedError()
	}
	defer db.leave()
	return db.bdb.View(func(txn *badger.Txn) error { return fn(&Tx{db: db, txn: txn}) })
}

// badgerLogger routes Badger's log to slog; Badger's Info and Debug are demoted to Debug.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) log(level slog.Level, format string, args ...any) {
	b.l.Log(context.Background(), level, strings.TrimSpace(fmt.Sprintf(format, args...)), "component", "badger")
}

// Errorf implements badger.Logger.
func (b badgerLogger) Errorf(format string, args ...any) { b.log(slog.LevelError, format, args...) }

// Warningf implements badger.Logger.
func (b badgerLogger) Warningf(format string, args ...any) { b.log(slog.LevelWarn, format, args...) }

// Infof implements badger.Logger.
func (b badgerLogger) Infof(format string, args ...any) { b.log(slog.LevelDebug, format, args...) }

// Debugf implements badger.Logger.
func (b badgerLogger) Debugf(format string, args ...any) { b.log(slog.LevelDebug, format, args...) }

// MaxTransaction is the most bytes one Update writes (Badger's limit; keys, values and
// their history entries); a Batch has no such limit.
func (db *DB) MaxTransaction() int64 { return db.bdb.MaxBatchSize() }
