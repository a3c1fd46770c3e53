package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// ReasonPassphrase names the automatic backup made before a passphrase is changed or
// removed (with the passphrase the data had).
const ReasonPassphrase = "before-passphrase"

// ChangePassphrase sets (current ""), changes, or removes (next "") the passphrase of the
// data folder dir, which must not be open. A wrong current passphrase is refused on the
// field current, a new one too short on the field passphrase, and a history that does not
// verify is refused too (rewriting it would hide the damage); nothing is changed then.
//
// The folder is rewritten, as a restore is, into a new folder beside it: a backup stream
// of every key (through memory, never a temporary file) is loaded into it, encrypted with
// a fresh Badger key under the new passphrase, or plain; the new folder is opened and
// checked (record counts, stored files, history chain and head), and only then swapped in
// under the restore journal, so that a crash at any point leaves the old or the new
// folder. Before a passphrase is changed or removed, an automatic backup is made with the
// old one.
//
// The history key is kept when the passphrase changes, so the chain and its head do not
// change. Setting a passphrase keys the entries made from then on; the earlier ones keep
// their SHA-256, so heads printed before stay valid. Removing it recomputes the keyed
// entries with plain SHA-256 (the chain was verified with the key first), which changes
// the head.
func ChangePassphrase(dir, current, next string, opt Options) (err error) {
	if opt.InMemory {
		return isms.Errorf(isms.CodeInvalid, "data kept in memory has no passphrase")
	}
	if next != "" {
		if err := CheckNewPassphrase(next); err != nil {
			return err
		}
	}
	opt = withDefaults(opt)
	opt.ReadOnly = false
	if dir, err = filepath.Abs(filepath.Clean(dir)); err != nil {
		return err
	}
	o := opt
	o.Passphrase, o.keys, o.noAutoBackup = current, nil, true
	db, err := Open(dir, o)
	if err != nil {
		var e *isms.Error
		if errors.As(err, &e) && e.Fields["passphrase"] != "" {
			return &isms.Error{Code: e.Code, Message: e.Message, Fields: map[string]string{"current": e.Fields["passphrase"]}}
		}
		return err
	}
	defer func() {
		if db != nil {
			_ = db.Close()
		}
	}()
	old := db.opt.keys
	if old == nil && next == "" {
		return isms.Errorf(isms.CodeInvalid, "the data has no passphrase to remove")
	}
	rep, err := db.CheckHistory()
	if err != nil {
		return err
	}
	if rep.Broken != nil {
		return isms.Errorf(isms.CodeInvalid, "the passphrase was not changed: %s; restore a backup whose history verifies first", rep.Broken.Message())
	}
	if old != nil {
		if _, err := db.AutoBackup(ReasonPassphrase); err != nil {
			return fmt.Errorf("store: the backup made before changing the passphrase failed, so nothing was changed: %w", err)
		}
	}
	var keys *keyring
	if next != "" {
		history, from := []byte(nil), rep.HeadSeq+1
		if old != nil {
			history, from = old.History, old.HistoryFrom
		}
		if keys, err = newKeyring(next, history, from); err != nil {
			return err
		}
	}

	tmp, err := os.MkdirTemp(filepath.Dir(dir), filepath.Base(dir)+restoreTmpInfix)
	if err != nil {
		return fmt.Errorf("store: unable to create the folder to rewrite the data into: %w", err)
	}
	defer func() {
		if err != nil && !errors.Is(err, errCrashed) {
			_ = os.RemoveAll(tmp)
		}
	}()
	nopt := opt
	nopt.Passphrase, nopt.keys = "", keys
	if keys != nil {
		if err := writeKeyFile(tmp, keys.file); err != nil {
			return err
		}
	}
	pr, pw := io.Pipe()
	var info BackupInfo
	written := make(chan error, 1)
	go func() {
		var err error
		info, err = db.writeBackup(pw, nil)
		pw.CloseWithError(err)
		written <- err
	}()
	lerr := load(tmp, pr, backupFormat, nopt, nil)
	pr.CloseWithError(errors.New("the rewrite stopped"))
	if err := <-written; err != nil {
		return err
	}
	if lerr != nil {
		return lerr
	}
	if old != nil && keys == nil {
		if info.HistoryHead, err = rehash(tmp, old.HistoryFrom, nopt); err != nil {
			return err
		}
	}
	if err := checkRestored(tmp, &info, nopt); err != nil {
		return fmt.Errorf("store: the rewritten data did not verify, so the passphrase was not changed: %w", err)
	}
	if err := syncTree(tmp); err != nil {
		return fmt.Errorf("store: unable to write the rewritten data to disk: %w", err)
	}
	if err := db.Close(); err != nil {
		return err
	}
	db = nil
	return swapIn(dir, tmp, opt)
}

// rehash recomputes the hashes of the history entries of the plain folder dir from entry
// from on with plain SHA-256, each linked to the one before, and moves the head; it
// returns the new head.
func rehash(dir string, from uint64, opt Options) (head string, err error) {
	bdb, err := openBadger(dir, opt)
	if err != nil {
		return "", fmt.Errorf("store: unable to open %s: %w", dir, err)
	}
	defer func() {
		if cerr := bdb.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	wb := bdb.NewWriteBatch()
	defer wb.Cancel()
	n := 0
	err = bdb.View(func(txn *badger.Txn) error {
		tx := &Tx{txn: txn}
		head = "" // the first entry links to nothing
		if from > 1 {
			raw, ok, err := tx.get(historyKey(from - 1))
			if err != nil || !ok {
				return fmt.Errorf("store: history entry %d is missing", from-1)
			}
			var c Change
			if err := json.Unmarshal(raw, &c); err != nil {
				return err
			}
			head = c.Hash
		}
		opts := badger.DefaultIteratorOptions
		opts.Prefix = []byte(prefixHistory)
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Seek(historyKey(from)); it.ValidForPrefix(opts.Prefix); it.Next() {
			raw, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			var c Change
			if err := json.Unmarshal(raw, &c); err != nil {
				return err
			}
			c.Prev = head
			var b []byte
			if head, b, err = sealChange(c, nil); err != nil {
				return err
			}
			if err := wb.Set(it.Item().KeyCopy(nil), b); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("store: unable to recompute the history: %w", err)
	}
	if n > 0 {
		if err := wb.Set([]byte(keyHHead), []byte(head)); err != nil {
			return "", err
		}
	}
	if err := wb.Flush(); err != nil {
		return "", fmt.Errorf("store: unable to recompute the history: %w", err)
	}
	return head, nil
}
