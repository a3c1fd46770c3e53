package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/isms/ismstest"
)

// snapshot is everything a test compares between two folders.
type snapshot struct {
	Records map[isms.Kind][]isms.Record
	History map[string][]Change
	Setting string
}

func takeSnapshot(t *testing.T, db *DB) snapshot {
	t.Helper()
	s := snapshot{Records: map[isms.Kind][]isms.Record{}, History: map[string][]Change{}}
	err := db.View(func(tx *Tx) error {
		for _, k := range isms.Kinds() {
			list, err := tx.List(k)
			if err != nil {
				return err
			}
			s.Records[k] = list
			for _, r := range list {
				h, err := tx.History(k, r.Base().ID)
				if err != nil {
					return err
				}
				s.History[string(k)+"/"+r.Base().ID] = h
			}
		}
		var err error
		s.Setting, err = tx.Setting("org")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func fill(t *testing.T, db *DB) {
	t.Helper()
	// Parents first, under their fixed IDs; they stand in for their kind's sample.
	done := map[isms.Kind]bool{}
	for _, k := range isms.Kinds() {
		createParents(t, db, k)
		for _, pk := range ismstest.Parents(k) {
			done[pk] = true
		}
	}
	for _, k := range isms.Kinds() {
		if !done[k] {
			create(t, db, ismstest.Valid(k))
		}
	}
	r := newReq("REQ-9")
	create(t, db, r)
	r.Title = "edited"
	put(t, db, r)
	if err := db.Update(func(tx *Tx) error { return tx.SetSetting("org", "Acme") }); err != nil {
		t.Fatal(err)
	}
}

func TestBackupRestore(t *testing.T) {
	src := openDir(t, t.TempDir())
	fill(t, src)
	var buf bytes.Buffer
	if err := src.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	want := takeSnapshot(t, src)
	wantN, err := src.VerifyHistory()
	if err != nil {
		t.Fatal(err)
	}

	dir := filepath.Join(t.TempDir(), "restored")
	if err := Restore(dir, bytes.NewReader(buf.Bytes()), false, Options{}); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	dst := openDir(t, dir)
	if got := takeSnapshot(t, dst); mustJSON(t, got) != mustJSON(t, want) {
		t.Fatalf("restored folder differs:\n%s\nwant\n%s", mustJSON(t, got), mustJSON(t, want))
	}
	if n, err := dst.VerifyHistory(); err != nil || n != wantN {
		t.Fatalf("VerifyHistory after restore = %d, %v; want %d", n, err, wantN)
	}
	// The restored folder keeps working: indexes and the history chain continue.
	err = dst.View(func(tx *Tx) error {
		_, err := tx.ByRef(isms.KindRequirement, "REQ-9")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	create(t, dst, newReq("REQ-10"))
	if n, err := dst.VerifyHistory(); err != nil || n != wantN+1 {
		t.Fatalf("VerifyHistory after a new change = %d, %v", n, err)
	}
}

func TestRestoreRefusesNonEmptyFolder(t *testing.T) {
	src := openMem(t)
	fill(t, src)
	var buf bytes.Buffer
	if err := src.Backup(&buf); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	old := openDir(t, dir)
	create(t, old, newReq("OLD-1"))
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	err := Restore(dir, bytes.NewReader(buf.Bytes()), false, Options{})
	wantCode(t, err, isms.CodeInvalid)
	db := openDir(t, dir)
	err = db.View(func(tx *Tx) error {
		_, err := tx.ByRef(isms.KindRequirement, "OLD-1")
		return err
	})
	if err != nil {
		t.Fatalf("refused restore changed the folder: %v", err)
	}

	// While the folder is open, even force is refused.
	err = Restore(dir, bytes.NewReader(buf.Bytes()), true, Options{})
	wantCode(t, err, isms.CodeLocked)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	if err := Restore(dir, bytes.NewReader(buf.Bytes()), true, Options{}); err != nil {
		t.Fatalf("forced Restore: %v", err)
	}
	db = openDir(t, dir)
	err = db.View(func(tx *Tx) error {
		_, err := tx.ByRef(isms.KindRequirement, "OLD-1")
		wantCode(t, err, isms.CodeNotFound)
		_, err = tx.ByRef(isms.KindRequirement, "REQ-9")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	leftovers, _ := filepath.Glob(dir + ".restore-*")
	if len(leftovers) != 0 {
		t.Errorf("temporary folders left: %v", leftovers)
	}
}

func TestRestoreRejectsBadBackups(t *testing.T) {
	// Garbage and a valid Badger backup without a schema version are not ISMS Desk backups.
	dir := filepath.Join(t.TempDir(), "data")
	err := Restore(dir, bytes.NewReader([]byte("this is not a backup")), false, Options{})
	wantCode(t, err, isms.CodeInvalid)
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a failed restore left %s behind (%v)", dir, err)
	}
	leftovers, _ := filepath.Glob(dir + ".restore-*")
	if len(leftovers) != 0 {
		t.Errorf("temporary folders left: %v", leftovers)
	}

	// A backup of newer data is refused.
	newer := t.TempDir()
	db := openDir(t, newer)
	db.Close()
	setSchema(t, newer, schemaVersion+1)
	raw, err := Open(newer, Options{})
	if err == nil {
		raw.Close()
		t.Fatal("opened newer data")
	}
	var buf bytes.Buffer
	bdb := openRawForTest(t, newer)
	if _, err := bdb.Backup(&buf, 0); err != nil {
		t.Fatal(err)
	}
	bdb.Close()
	err = Restore(filepath.Join(t.TempDir(), "data"), &buf, false, Options{})
	wantCode(t, err, isms.CodeInvalid)
}

func openRawForTest(t *testing.T, dir string) *badger.DB {
	t.Helper()
	bdb, err := badger.Open(badgerOptions(dir, withDefaults(Options{})))
	if err != nil {
		t.Fatal(err)
	}
	return bdb
}
