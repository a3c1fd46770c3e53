package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
