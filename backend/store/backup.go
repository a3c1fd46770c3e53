package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Backup writes a full backup of the folder to w: Badger's backup stream of every key
// (records, indexes, history, settings and schema version). It can run while the folder
// is in use; it sees one consistent snapshot.
func (db *DB) Backup(w io.Writer) error {
	if _, err := db.bdb.Backup(w, 0); err != nil {
		return fmt.Errorf("store: unable to write the backup: %w", err)
	}
	return nil
}

// Restore loads a backup made by Backup into the data folder dir, which must be empty or
// missing; a non-empty folder is refused with CodeInvalid unless force is true, in which case
// its old content is replaced. The backup is loaded into a new folder next to dir and its
// schema version checked first, so a bad backup leaves dir untouched. opt.InMemory is not
// supported. A folder that another ISMS Desk holds gives CodeLocked.
func Restore(dir string, r io.Reader, force bool, opt Options) (err error) {
	if opt.InMemory {
		return isms.Errorf(isms.CodeInvalid, "a backup cannot be restored into memory")
	}
	opt = withDefaults(opt)
	opt.ReadOnly = false
	dir = filepath.Clean(dir)
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("store: unable to read the data folder %s: %w", dir, err)
	}
	if len(entries) > 0 {
		if !force {
			return isms.Errorf(isms.CodeInvalid,
				"the data folder %s is not empty; restore into an empty folder, or confirm that its content is to be replaced", dir)
		}
		// Fail early, and do not pull the files from under a running instance.
		if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err == nil {
			old, err := Open(dir, opt)
			if err != nil && isms.ErrorCode(err) == isms.CodeLocked {
				return err
			}
			if err == nil {
				if err := old.Close(); err != nil {
					return err
				}
			}
		}
	}

	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("store: unable to create the parent of %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+".restore-*")
	if err != nil {
		return fmt.Errorf("store: unable to create a folder to restore into: %w", err)
	}
	defer func() {
		if err != nil {
			_ = os.RemoveAll(tmp)
		}
	}()
	if err := load(tmp, r, opt); err != nil {
		return err
	}
	// Swap by renames, so that the old content stays whole until the new one is in place.
	old := ""
	if _, statErr := os.Stat(dir); statErr == nil {
		old = fmt.Sprintf("%s.old-%d", dir, time.Now().UnixNano())
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("store: unable to move the old content of %s aside: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return fmt.Errorf("store: unable to move the restored data into %s: %w", dir, err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			opt.Logger.Warn("unable to remove the replaced data folder", "dir", old, "err", err)
		}
	}
	return nil
}

// load loads the backup stream r into the empty folder dir and checks its schema version.
func load(dir string, r io.Reader, opt Options) (err error) {
	bdb, err := badger.Open(badgerOptions(dir, opt))
	if err != nil {
		return fmt.Errorf("store: unable to open %s: %w", dir, err)
	}
	defer func() {
		if cerr := bdb.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("store: unable to close %s: %w", dir, cerr)
		}
	}()
	if err := loadStream(bdb, r); err != nil {
		return isms.Errorf(isms.CodeInvalid, "the file is not an ISMS Desk backup or is damaged: %v", err)
	}
	var v int
	if err := bdb.View(func(txn *badger.Txn) error {
		var err error
		v, err = readSchema(txn)
		return err
	}); err != nil {
		return err
	}
	switch {
	case v == 0:
		return isms.Errorf(isms.CodeInvalid, "the file is not an ISMS Desk backup: it has no data schema version")
	case v > schemaVersion:
		return newerSchemaError("the backup", v)
	}
	return nil
}

// loadStream runs Badger's Load, turning the panic it raises on some malformed input (a
// length prefix out of range) into an error.
func loadStream(bdb *badger.DB, r io.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed backup stream: %v", p)
		}
	}()
	return bdb.Load(r, 256)
}
