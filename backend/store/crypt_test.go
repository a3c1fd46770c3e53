package store

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

const (
	secretTitle = "Zanzibar merger: unpatched VPN gateway 7731"
	secretFile  = "Board minutes: the Zanzibar merger closes on 3 March"
	secretWord  = "Zanzibar" // in both; short enough to survive Badger's compression
	pass1       = "correct horse battery"
	pass2       = "staple lamp river cloud"
)

// fastKDF makes Argon2id cheap for the test.
func fastKDF(t *testing.T) {
	old := kdfDefaults
	kdfDefaults = kdfParams{Time: 1, Memory: 64, Threads: 1}
	t.Cleanup(func() { kdfDefaults = old })
}

// secretData makes a closed data folder holding every kind, a risk titled secretTitle and
// a stored file holding secretFile; it returns the folder.
func secretData(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	db := openDir(t, dir)
	fill(t, db)
	r := newReq("SECRET-1")
	r.Title = secretTitle
	create(t, db, r)
	if _, _, err := db.PutBlobFile(writeFile(t, "minutes.txt", []byte(strings.Repeat(secretFile+"\n", 50))), noLimit); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func openWith(t *testing.T, dir, pass string) *DB {
	t.Helper()
	db, err := Open(dir, Options{Clock: tickClock(), Passphrase: pass})
	if err != nil {
		t.Fatalf("Open(%s) with the passphrase: %v", dir, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// grepTree returns the files under root holding any of the needles.
func grepTree(t *testing.T, root string, needles ...string) []string {
	t.Helper()
	var hits []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, n := range needles {
			if bytes.Contains(b, []byte(n)) {
				hits = append(hits, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hits
}

type counts struct {
	Records map[string]int
	Files   int
}

func countsOf(t *testing.T, db *DB) counts {
	t.Helper()
	var c counts
	if err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		c.Records, c.Files, err = countKeys(txn)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return c
}

func verifies(t *testing.T, db *DB) HistoryReport {
	t.Helper()
	rep, err := db.CheckHistory()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Broken != nil {
		t.Fatalf("the history does not verify: %s", rep.Broken.Message())
	}
	return rep
}

func TestEncryptedFolderRevealsNothingWithoutThePassphrase(t *testing.T) {
	fastKDF(t)
	dir := secretData(t)
	if hits := grepTree(t, dir, secretWord); len(hits) == 0 {
		t.Fatal("the plain folder does not hold the title: the test cannot tell anything")
	}
	if err := ChangePassphrase(dir, "", pass1, Options{Clock: tickClock()}); err != nil {
		t.Fatal(err)
	}
	if !IsEncrypted(dir) {
		t.Fatal("no key file after setting a passphrase")
	}
	// Nothing readable in the folder, beside it (replaced folders, temporary files) or in
	// the backup folder.
	if hits := grepTree(t, filepath.Dir(dir), secretWord, secretTitle, secretFile); len(hits) > 0 {
		t.Fatalf("plaintext found after setting the passphrase: %v", hits)
	}
	if entries, _ := filepath.Glob(dir + ".restore-*"); len(entries) > 0 {
		t.Fatalf("left beside the folder: %v", entries)
	}

	before := folderState(t, dir)
	_, err := Open(dir, Options{})
	if e := wantCode(t, err, isms.CodeLocked); !IsPassphraseError(e) {
		t.Fatalf("no passphrase: %v", err)
	}
	_, err = Open(dir, Options{Passphrase: "not the passphrase"})
	if e := wantCode(t, err, isms.CodeInvalid); e.Fields["passphrase"] == "" || !strings.Contains(e.Message, "not the one") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	_, err = Open(dir, Options{Passphrase: pass1[:len(pass1)-1]}) // one character short
	if !IsPassphraseError(err) {
		t.Fatalf("nearly the passphrase: %v", err)
	}
	if after := folderState(t, dir); after != before {
		t.Fatalf("a failed open changed the folder:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if err := CheckPassphrase(dir, "nope-nope"); !IsPassphraseError(err) {
		t.Fatalf("CheckPassphrase of a wrong one = %v", err)
	}

	db := openWith(t, dir, pass1)
	if !db.Encrypted() {
		t.Fatal("Encrypted() is false")
	}
	if err := db.View(func(tx *Tx) error {
		r, err := tx.ByRef(isms.KindRequirement, "SECRET-1")
		if err == nil && r.Terms().Title != secretTitle {
			t.Fatalf("title %q", r.Terms().Title)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	verifies(t, db)
	create(t, db, newReq("AFTER-1"))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if hits := grepTree(t, dir, secretWord, "AFTER-1"); len(hits) > 0 {
		t.Fatalf("plaintext written after unlocking: %v", hits)
	}
}

func TestPassphraseChangeAndRemovalKeepEveryRecord(t *testing.T) {
	fastKDF(t)
	dir := secretData(t)
	db := openDir(t, dir)
	want := countsOf(t, db)
	plainHead := verifies(t, db)
	db.Close()

	if err := ChangePassphrase(dir, "", "short", Options{}); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("a short passphrase: %v", err)
	}
	if err := ChangePassphrase(dir, "", pass1, Options{Clock: tickClock()}); err != nil {
		t.Fatal(err)
	}
	db = openWith(t, dir, pass1)
	if got := countsOf(t, db); !sameCounts(got, want) {
		t.Fatalf("after setting: %+v, want %+v", got, want)
	}
	rep := verifies(t, db)
	if rep.Head != plainHead.Head {
		t.Fatal("setting a passphrase changed the history's head: reports printed before no longer match")
	}
	create(t, db, newReq("KEYED-1"))
	keyedHead := verifies(t, db)
	db.Close()

	// Change: a wrong current passphrase is refused on its field, and changes nothing.
	before := folderState(t, dir)
	err := ChangePassphrase(dir, "wrong passphrase", pass2, Options{})
	if e := wantCode(t, err, isms.CodeInvalid); e.Fields["current"] == "" {
		t.Fatalf("wrong current passphrase: %v", err)
	}
	if folderState(t, dir) != before {
		t.Fatal("a refused change touched the folder")
	}
	if err := ChangePassphrase(dir, pass1, pass2, Options{Clock: tickClock()}); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, Options{Passphrase: pass1}); !IsPassphraseError(err) {
		t.Fatalf("the old passphrase still opens the folder: %v", err)
	}
	db = openWith(t, dir, pass2)
	want.Records[string(isms.KindRequirement)]++
	if got := countsOf(t, db); !sameCounts(got, want) {
		t.Fatalf("after changing: %+v, want %+v", got, want)
	}
	if rep := verifies(t, db); rep.Head != keyedHead.Head {
		t.Fatal("changing the passphrase changed the history's head")
	}
	db.Close()
	if files, _ := ListBackups(dir); len(files) != 1 || !strings.Contains(files[0].Name, ReasonPassphrase) {
		t.Fatalf("backups after a change: %+v", files)
	}

	// Removal: plain again, every record kept, the keyed entries rehashed.
	if err := ChangePassphrase(dir, pass2, "", Options{Clock: tickClock()}); err != nil {
		t.Fatal(err)
	}
	if IsEncrypted(dir) {
		t.Fatal("the key file is still there")
	}
	db = openDir(t, dir)
	if got := countsOf(t, db); !sameCounts(got, want) {
		t.Fatalf("after removing: %+v, want %+v", got, want)
	}
	verifies(t, db)
	if err := ChangePassphrase(dir, "", "", Options{}); isms.ErrorCode(err) != isms.CodeLocked && isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("removing a passphrase that is not there: %v", err)
	}
}

func sameCounts(a, b counts) bool {
	if a.Files != b.Files || len(a.Records) != len(b.Records) {
		return false
	}
	for k, n := range a.Records {
		if b.Records[k] != n {
			return false
		}
	}
	return true
}

func TestEncryptedBackupRestoresOnlyWithThePassphrase(t *testing.T) {
	fastKDF(t)
	smallChunks(t, 4<<10)
	dir := secretData(t)
	if err := ChangePassphrase(dir, "", pass1, Options{Clock: tickClock()}); err != nil {
		t.Fatal(err)
	}
	db := openWith(t, dir, pass1)
	want := countsOf(t, db)
	var buf bytes.Buffer
	if _, err := db.WriteBackup(&buf); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b := buf.Bytes()
	if bytes.Contains(b, []byte(secretWord)) {
		t.Fatal("the backup of an encrypted folder holds plaintext")
	}
	info, err := InspectBackup(bytes.NewReader(b))
	if err != nil || !info.Verified || !info.Encrypted {
		t.Fatalf("InspectBackup = %+v, %v", info, err)
	}

	// On a fresh folder ("another machine"): refused without or with a wrong passphrase.
	target := filepath.Join(t.TempDir(), "restored")
	for _, p := range []string{"", "wrong passphrase"} {
		_, err := RestoreFrom(target, bytes.NewReader(b), RestoreOptions{Passphrase: p}, Options{})
		if !IsPassphraseError(err) {
			t.Fatalf("restore with %q: %v", p, err)
		}
		if _, err := os.Stat(target); !os.IsNotExist(err) {
			t.Fatalf("a refused restore created the target: %v", err)
		}
	}
	// A damaged chunk is refused as damaged, passphrase or not.
	chunks, _, _, _ := layout(t, b)
	bad := bytes.Clone(b)
	bad[chunks[1]+20] ^= 1
	if _, err := RestoreFrom(target, bytes.NewReader(bad), RestoreOptions{Passphrase: pass1}, Options{}); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("damaged encrypted backup: %v", err)
	}

	if _, err := RestoreFrom(target, bytes.NewReader(b), RestoreOptions{Passphrase: pass1}, Options{Clock: tickClock()}); err != nil {
		t.Fatal(err)
	}
	if !IsEncrypted(target) {
		t.Fatal("the folder restored from an encrypted backup is not encrypted")
	}
	if hits := grepTree(t, filepath.Dir(target), secretWord); len(hits) > 0 {
		t.Fatalf("plaintext after restoring: %v", hits)
	}
	if _, err := Open(target, Options{}); !IsPassphraseError(err) {
		t.Fatalf("restored folder opens without the passphrase: %v", err)
	}
	rdb := openWith(t, target, pass1)
	if got := countsOf(t, rdb); !sameCounts(got, want) {
		t.Fatalf("restored %+v, want %+v", got, want)
	}
	verifies(t, rdb)
}

// plainRehash rewrites entry seq (its source) and recomputes it and every later entry
// with plain SHA-256, and the head: what anyone with the decrypted keys but not the
// passphrase could do.
func plainRehash(t *testing.T, db *DB, seq uint64) {
	t.Helper()
	err := db.bdb.Update(func(txn *badger.Txn) error {
		prev := ""
		if seq > 1 {
			item, err := txn.Get(historyKey(seq - 1))
			if err != nil {
				return err
			}
			raw, _ := item.ValueCopy(nil)
			var c Change
			if err := json.Unmarshal(raw, &c); err != nil {
				return err
			}
			prev = c.Hash
		}
		for s := seq; ; s++ {
			item, err := txn.Get(historyKey(s))
			if err == badger.ErrKeyNotFound {
				return txn.Set([]byte(keyHHead), []byte(prev))
			}
			if err != nil {
				return err
			}
			raw, _ := item.ValueCopy(nil)
			var c Change
			if err := json.Unmarshal(raw, &c); err != nil {
				return err
			}
			if s == seq {
				c.Source = "someone else"
			}
			c.Prev = prev
			var b []byte
			if c.Hash, b, err = sealChange(c, nil); err != nil {
				return err
			}
			if err := txn.Set(historyKey(s), b); err != nil {
				return err
			}
			prev = c.Hash
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestKeyedHistoryDetectsAPlainRehash(t *testing.T) {
	fastKDF(t)
	for _, keyed := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "data")
		db := openDir(t, dir)
		create(t, db, newReq("A"))
		db.Close()
		if keyed {
			if err := ChangePassphrase(dir, "", pass1, Options{Clock: tickClock()}); err != nil {
				t.Fatal(err)
			}
		}
		db = openWith(t, dir, pass1)
		if ok, from := db.Keyed(); ok != keyed || (keyed && from != 2) {
			t.Fatalf("Keyed() = %v, %d", ok, from)
		}
		for _, ref := range []string{"B", "C", "D"} {
			create(t, db, newReq(ref))
		}
		verifies(t, db)
		plainRehash(t, db, 3)
		rep, err := db.CheckHistory()
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case keyed && (rep.Broken == nil || rep.Broken.Seq != 3 || !strings.Contains(rep.Broken.Problem, "passphrase")):
			t.Fatalf("keyed chain: a plain rehash from entry 3 gives %+v", rep.Broken)
		case !keyed && rep.Broken != nil:
			// Without a passphrase a full rehash cannot be told apart; that is what the key is for.
			t.Fatalf("plain chain: the rehash was expected to pass unnoticed, got %s", rep.Broken.Message())
		}
		if _, err := db.VerifyHistory(); keyed && err == nil {
			t.Fatal("VerifyHistory passes a rehashed keyed chain")
		}
		db.Close()
	}
}

func TestOpenSweepsTemporaryFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	db := openDir(t, dir)
	db.Close()
	old := time.Now().Add(-2 * time.Hour)
	leftovers := []string{
		filepath.Join(dir, ".ismsdesk-123.tmp"),
		filepath.Join(BackupDir(dir), ".ismsdesk-456.tmp"),
		dir + restoreCopyInfix + "789.tmp",
		filepath.Join(TempDir(dir), "excelize-42"),
	}
	for _, p := range leftovers {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("plaintext copy"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	fresh := filepath.Join(TempDir(dir), "excelize-in-use")
	if err := os.WriteFile(fresh, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	db = openDir(t, dir)
	db.Close()
	for _, p := range leftovers {
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("%s was not removed", p)
		}
	}
	if _, err := os.Lstat(fresh); err != nil {
		t.Errorf("a temporary file being written was removed: %v", err)
	}
}

func TestUsePrivateTemp(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	before := os.TempDir()
	restore, err := UsePrivateTemp(dir)
	if err != nil {
		t.Fatal(err)
	}
	if os.TempDir() != TempDir(dir) {
		restore()
		t.Fatalf("os.TempDir() = %s, want %s", os.TempDir(), TempDir(dir))
	}
	f, err := os.CreateTemp("", "excelize-")
	restore()
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if filepath.Dir(f.Name()) != TempDir(dir) {
		t.Fatalf("temporary file in %s", f.Name())
	}
	if os.TempDir() != before {
		t.Fatalf("not put back: %s", os.TempDir())
	}
}
