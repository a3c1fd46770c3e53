package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"sort"
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

// The ref a new record claims is journalled only when the batch writes it again: a batch
// that creates a record, moves it to another ref, gives its first ref to a record that
// existed before, and fails, leaves the folder exactly as it was; so does one that only
// creates records. A batch that succeeds leaves no journal.
func TestBatchUndoOfRefsOfNewRecords(t *testing.T) {
	db := openMem(t)
	old := newReq("Z-1")
	create(t, db, old)
	before := dump(t, db)
	failed := errors.New("stop")
	err := db.Batch(func(b *Batch) error {
		created := newReq("X-1")
		steps := []func(tx *Tx) error{
			func(tx *Tx) error { return tx.Create(created, "test") },
			func(tx *Tx) error { return tx.Create(newReq("W-1"), "test") },
			func(tx *Tx) error { created.Ref = "Y-1"; return tx.Put(created, "test") },
			func(tx *Tx) error { old.Ref = "X-1"; return tx.Put(old, "test") },
		}
		for _, step := range steps {
			if err := b.Do(step); err != nil {
				return err
			}
			if err := b.next(); err != nil { // each step committed, as in a large batch
				return err
			}
		}
		var owner []byte
		if err := b.Do(func(tx *Tx) (err error) { owner, _, err = tx.refOwner(isms.KindRequirement, "X-1"); return err }); err != nil {
			return err
		}
		if string(owner) != old.ID {
			t.Errorf("within the batch X-1 is held by %q, want the older record %s", owner, old.ID)
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("batch: %v", err)
	}
	if after := dump(t, db); !maps.Equal(after, before) {
		t.Fatalf("after the failed batch the folder differs:\n%s", diffDumps(before, after))
	}
	old.Ref, old.Version = "Z-1", 1

	if err := db.Batch(func(b *Batch) error {
		for _, ref := range []string{"N-1", "N-2"} {
			if err := b.Do(func(tx *Tx) error { return tx.Create(newReq(ref), "test") }); err != nil {
				return err
			}
			if err := b.next(); err != nil {
				return err
			}
		}
		return failed
	}); !errors.Is(err, failed) {
		t.Fatalf("second batch: %v", err)
	}
	if after := dump(t, db); !maps.Equal(after, before) {
		t.Fatalf("after the failed batch of creates the folder differs:\n%s", diffDumps(before, after))
	}

	if err := db.Batch(func(b *Batch) error {
		return b.Do(func(tx *Tx) error { return tx.Create(newReq("N-3"), "test") })
	}); err != nil {
		t.Fatal(err)
	}
	for k := range dump(t, db) {
		if strings.HasPrefix(k, prefixJournal) || strings.HasPrefix(k, prefixCreated) || k == keyBatch {
			t.Errorf("a finished batch left %q", k)
		}
	}
}

// diffDumps lists the keys whose values differ between two dumps.
func diffDumps(a, b map[string]string) string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			out = append(out, fmt.Sprintf("- %q", k))
		} else if w != v {
			out = append(out, fmt.Sprintf("~ %q", k))
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, fmt.Sprintf("+ %q", k))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}
