package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

// A process killed between creating a memtable file and sizing it leaves an empty one
// (seen in make crash-short: a backup killed while it opened the folder). The next open
// reads the folder as it was.
func TestOpenAfterAnEmptyMemtableFile(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{Clock: tickClock()})
	if err != nil {
		t.Fatal(err)
	}
	create(t, db, newReq("R-1"))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	mems, _ := filepath.Glob(filepath.Join(dir, "*.mem"))
	if len(mems) != 0 {
		t.Fatalf("a cleanly closed folder holds memtable files %v; the test's premise is wrong", mems)
	}
	if err := os.WriteFile(filepath.Join(dir, "00099.mem"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	db = openDir(t, dir)
	var refs []string
	err = db.View(func(tx *Tx) error {
		all, err := tx.List("requirement")
		for _, r := range all {
			refs = append(refs, r.Terms().Ref)
		}
		return err
	})
	if err != nil || strings.Join(refs, ",") != "R-1" {
		t.Fatalf("after an empty memtable file the folder holds %v (err %v), want R-1", refs, err)
	}
}

// A folder last written with larger memtables and not closed cleanly (an earlier version,
// killed) keeps a memtable log fuller than today's memtables hold. Open replays it into a
// memtable big enough: Badger would otherwise stop the process ("Arena too small").
func TestOpenAFolderWrittenWithLargerMemtables(t *testing.T) {
	dir, crashed := t.TempDir(), t.TempDir()
	db, err := Open(dir, Options{Clock: tickClock()})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	const larger = 4 * memTableSize
	bdb, err := badger.Open(badgerOptions(dir, Options{}).WithMemTableSize(larger).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	val := []byte(strings.Repeat("x", 1000))
	keys := 0
	for written := 0; written < 2*memTableSize; keys++ { // more than a memtable of today holds, less than the larger one
		k := fmt.Appendf(nil, "s/test/%06d", keys)
		if err := bdb.Update(func(txn *badger.Txn) error { return txn.Set(k, val) }); err != nil {
			t.Fatal(err)
		}
		written += len(k) + len(val)
	}
	// the folder as a killed process leaves it: copied while it is open, memtable log and all
	files, _ := os.ReadDir(dir)
	logs := 0
	for _, f := range files {
		if f.Name() == "LOCK" {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f.Name(), ".mem") && len(raw) > 2*memTableSize {
			logs++
		}
		if err := os.WriteFile(filepath.Join(crashed, f.Name()), raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	_ = bdb.Close()
	if logs == 0 {
		t.Fatal("the copy holds no memtable log larger than today's; the test's premise is wrong")
	}
	db = openDir(t, crashed)
	err = db.bdb.View(func(txn *badger.Txn) error {
		_, err := txn.Get(fmt.Appendf(nil, "s/test/%06d", keys-1))
		return err
	})
	if err != nil {
		t.Fatalf("the last write before the crash: %v", err)
	}
}
