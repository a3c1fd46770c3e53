package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// dump returns every key and value of the database.
func dump(t testing.TB, db *DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out[string(it.Item().KeyCopy(nil))] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameDump(t *testing.T, before, after map[string]string) {
	t.Helper()
	if len(before) != len(after) {
		t.Fatalf("the database has %d keys, want the %d it had before", len(after), len(before))
	}
	for k, v := range before {
		if after[k] != v {
			t.Fatalf("key %q changed", k)
		}
	}
}

// bigBatch creates n requirements and updates the existing REQ-0 through one Batch,
// failing with failAt after that many creates when failAt > 0.
func bigBatch(db *DB, n, failAt int, slow time.Duration) error {
	return db.Batch(func(b *Batch) error {
		if err := b.Do(func(tx *Tx) error {
			r, err := tx.ByRef(isms.KindRequirement, "REQ-0")
			if err != nil {
				return err
			}
			r.(*isms.Requirement).Status = isms.ComplianceCompliant
			return tx.Put(r, "imported from big.xlsx")
		}); err != nil {
			return err
		}
		for i := 1; i <= n; i++ {
			if i == failAt {
				return errors.New("cancelled")
			}
			if err := b.Do(func(tx *Tx) error { return tx.Create(newReq(fmt.Sprintf("B-%d", i)), "imported from big.xlsx") }); err != nil {
				return err
			}
			if slow > 0 && i%100 == 0 {
				fmt.Printf("created %d\n", i)
				time.Sleep(slow)
			}
		}
		return nil
	})
}

func seedOne(t *testing.T, db *DB) {
	t.Helper()
	if err := db.Update(func(tx *Tx) error { return tx.Create(newReq("REQ-0"), "test") }); err != nil {
		t.Fatal(err)
	}
}

func TestBatchLargerThanOneTransaction(t *testing.T) {
	db := openMem(t)
	seedOne(t, db)
	n := 20000
	if err := bigBatch(db, n, 0, 0); err != nil {
		t.Fatalf("batch: %v", err)
	}
	var count int
	if err := db.View(func(tx *Tx) (err error) { count, err = tx.Count(isms.KindRequirement); return }); err != nil {
		t.Fatal(err)
	}
	if count != n+1 {
		t.Fatalf("count %d, want %d", count, n+1)
	}
	if checked, err := db.VerifyHistory(); err != nil || checked != n+2 {
		t.Fatalf("history: %d entries, %v", checked, err)
	}
	for k := range dump(t, db) {
		if bytes.HasPrefix([]byte(k), []byte(prefixJournal)) || bytes.HasPrefix([]byte(k), []byte(prefixCreated)) || k == keyBatch {
			t.Fatalf("journal key %q left after a finished batch", k)
		}
	}
}

// TestBatchUndoOfPerRecordMarks: a batch stopped under an earlier version, which marked
// each record it created with a key of its own (c/<kind>/<id>), is undone by the next Open.
func TestBatchUndoOfPerRecordMarks(t *testing.T) {
	dir := t.TempDir()
	db := openDir(t, dir)
	seedOne(t, db)
	before := dump(t, db)
	var seq uint64
	if err := db.View(func(tx *Tx) (err error) { seq, _, err = tx.chainHead(); return }); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 3 {
		r := newReq(fmt.Sprintf("OLD-%d", i))
		create(t, db, r)
		ids = append(ids, r.ID)
	}
	err := db.bdb.Update(func(txn *badger.Txn) error {
		if err := txn.Set([]byte(keyBatch), seqBytes(seq)); err != nil {
			return err
		}
		for _, id := range ids {
			if err := txn.Set([]byte(prefixCreated+seg(string(isms.KindRequirement))+"/"+seg(id)), nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = openDir(t, dir)
	sameDump(t, before, dump(t, db))
}

func TestBatchFailureLeavesNothing(t *testing.T) {
	db := openMem(t)
	seedOne(t, db)
	before := dump(t, db)
	if err := bigBatch(db, 20000, 15000, 0); err == nil {
		t.Fatal("the batch did not fail")
	}
	sameDump(t, before, dump(t, db))
	// The store still works afterwards.
	if err := db.Update(func(tx *Tx) error { return tx.Create(newReq("B-1"), "test") }); err != nil {
		t.Fatal(err)
	}
	if _, err := db.VerifyHistory(); err != nil {
		t.Fatal(err)
	}
}

// TestBatchKilledMidway kills a process in the middle of a batch (SIGKILL) and checks
// that the next Open leaves the data folder exactly as it was before the batch.
func TestBatchKilledMidway(t *testing.T) {
	if dir := os.Getenv("ISMSDESK_BATCH_CHILD"); dir != "" {
		db, err := Open(dir, Options{})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		_ = bigBatch(db, 1_000_000, 0, 5*time.Millisecond) // killed long before the end
		os.Exit(4)
	}
	dir := t.TempDir()
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	seedOne(t, db)
	before := dump(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run", "^TestBatchKilledMidway$")
	cmd.Env = append(os.Environ(), "ISMSDESK_BATCH_CHILD="+dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill the child once it has committed several parts of the batch (a part holds
	// well under 3,000 requirements).
	lines := bufio.NewScanner(stdout)
	reached := false
	for lines.Scan() {
		if lines.Text() == "created 5000" {
			reached = true
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if !reached {
		t.Fatal("the child stopped before it had written 5,000 requirements")
	}

	db, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("reopen after the kill: %v", err)
	}
	defer db.Close()
	sameDump(t, before, dump(t, db))
	if _, err := db.VerifyHistory(); err != nil {
		t.Fatal(err)
	}
}

// TestBatchUndoOfLargeRecords: undoing a batch that updated many large records fits
// Badger's transaction limits, and the folder opens again.
func TestBatchUndoOfLargeRecords(t *testing.T) {
	dir := t.TempDir()
	db := openDir(t, dir)
	big := strings.Repeat("The organisation shall protect personal data. ", 260) // about 12 KB
	var ids []string
	err := db.Batch(func(b *Batch) error {
		for i := range 1500 {
			r := newReq(fmt.Sprintf("L-%d", i))
			r.Text = big
			if err := b.Do(func(tx *Tx) error { return tx.Create(r, "test") }); err != nil {
				return err
			}
			ids = append(ids, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	before := dump(t, db)
	err = db.Batch(func(b *Batch) error {
		for _, id := range ids {
			if err := b.Do(func(tx *Tx) error {
				r, err := GetAs[*isms.Requirement](tx, isms.KindRequirement, id)
				if err != nil {
					return err
				}
				r.Text += " Updated."
				return tx.Put(r, "test")
			}); err != nil {
				return err
			}
		}
		return errors.New("cancelled")
	})
	if err == nil || strings.Contains(err.Error(), "undo") {
		t.Fatalf("batch: %v, want only the cancellation", err)
	}
	sameDump(t, before, dump(t, db))
	if err := db.Update(func(tx *Tx) error { return tx.Create(newReq("AFTER"), "test") }); err != nil {
		t.Fatalf("write after the undo: %v", err)
	}
}
