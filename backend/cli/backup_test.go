package cli

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

func TestVerifyCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, stderr := runCLI(t, dir, "demo"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	code, out, stderr := runCLI(t, dir, "verify")
	if code != ExitOK || !strings.Contains(out, "The history verifies: ") || !strings.Contains(out, "Head: entry ") {
		t.Fatalf("verify: exit %d\n%s%s", code, out, stderr)
	}

	backup := filepath.Join(t.TempDir(), "isms.ismsbackup")
	if code, out, stderr := runCLI(t, dir, "backup", "--out", backup); code != ExitOK || !strings.Contains(out, "controls") {
		t.Fatalf("backup: exit %d: %s%s", code, out, stderr)
	}
	if st, err := os.Stat(backup); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup file mode: %v %v", st.Mode(), err)
	}
	if code, out, _ := runCLI(t, dir, "verify", backup); code != ExitOK || !strings.Contains(out, "verifies") {
		t.Fatalf("verify FILE: exit %d %s", code, out)
	}
	b, _ := os.ReadFile(backup)
	cut := filepath.Join(t.TempDir(), "cut.ismsbackup")
	os.WriteFile(cut, b[:len(b)/2], 0o600)
	if code, _, stderr := runCLI(t, dir, "verify", cut); code != ExitError || !strings.Contains(stderr, "truncated") {
		t.Fatalf("verify of a cut backup: exit %d %s", code, stderr)
	}
	// A damaged backup never replaces the data, --force or not.
	if code, _, stderr := runCLI(t, dir, "restore", cut, "--force"); code != ExitError || !strings.Contains(stderr, "not changed") {
		t.Fatalf("restore of a cut backup: exit %d %s", code, stderr)
	}
	if len(listJSON(t, dir, "controls")) == 0 {
		t.Fatal("the data is gone")
	}
	// Nor is any folder that is not an ISMS Desk data folder replaced.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o600)
	if code, _, stderr := runCLI(t, other, "restore", backup, "--force"); code != ExitError || !strings.Contains(stderr, "does not hold ISMS Desk data") {
		t.Fatalf("restore over other files: exit %d %s", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(other, "notes.txt")); string(got) != "mine" {
		t.Fatal("the other folder changed")
	}

	// An edited history entry is reported, with its number, and the exit status is 1.
	bdb, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	key := append([]byte("h/"), binary.BigEndian.AppendUint64(nil, 7)...)
	err = bdb.Update(func(txn *badger.Txn) error {
		item, err := txn.Get(key)
		if err != nil {
			return err
		}
		v, _ := item.ValueCopy(nil)
		return txn.Set(key, bytes.Replace(v, []byte(`"source":"`), []byte(`"source":"x`), 1))
	})
	bdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLI(t, dir, "verify")
	if code != ExitError || !strings.Contains(out, "does NOT verify: entry 7 (") || !strings.Contains(out, "does not match its hash") {
		t.Fatalf("verify of a tampered history: exit %d\n%s", code, out)
	}
}
