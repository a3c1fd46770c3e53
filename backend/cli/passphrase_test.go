package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/store"
)

// runNoTerminal runs a command whose standard input is not a terminal.
func runNoTerminal(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	var out, errOut bytes.Buffer
	clock := func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	code := Run(dir, args, Env{Stdout: &out, Stderr: &errOut, Clock: clock, Stdin: null})
	return code, out.String(), errOut.String()
}

func TestEncryptedFolderNeedsThePassphrase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, stderr := runNoTerminal(t, dir, "demo"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	const pass = "correct horse battery"
	if err := store.ChangePassphrase(dir, "", pass, store.Options{}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ISMSDESK_PASSPHRASE", "")
	code, _, stderr := runNoTerminal(t, dir, "list", "controls")
	if code != ExitError || !strings.Contains(stderr, "is encrypted") || !strings.Contains(stderr, "ISMSDESK_PASSPHRASE") {
		t.Fatalf("without a passphrase: exit %d %s", code, stderr)
	}
	t.Setenv("ISMSDESK_PASSPHRASE", "not it at all")
	if code, _, stderr := runNoTerminal(t, dir, "verify"); code != ExitError || !strings.Contains(stderr, "passphrase is not the one") {
		t.Fatalf("wrong passphrase: exit %d %s", code, stderr)
	}
	t.Setenv("ISMSDESK_PASSPHRASE", pass)
	if code, out, stderr := runNoTerminal(t, dir, "verify"); code != ExitOK || !strings.Contains(out, "The history verifies") {
		t.Fatalf("verify: exit %d %s%s", code, out, stderr)
	}
	backup := filepath.Join(t.TempDir(), "enc.ismsbackup")
	if code, out, stderr := runNoTerminal(t, dir, "backup", "--out", backup); code != ExitOK || !strings.Contains(out, "encrypted") {
		t.Fatalf("backup: exit %d %s%s", code, out, stderr)
	}
	if code, out, _ := runNoTerminal(t, dir, "verify", backup); code != ExitOK || !strings.Contains(out, "encrypted") {
		t.Fatalf("verify FILE: exit %d %s", code, out)
	}

	// Restored elsewhere: refused without the passphrase, restored with it.
	other := filepath.Join(t.TempDir(), "other")
	t.Setenv("ISMSDESK_PASSPHRASE", "")
	if code, _, stderr := runNoTerminal(t, other, "restore", backup); code != ExitError || !strings.Contains(stderr, "ISMSDESK_BACKUP_PASSPHRASE") {
		t.Fatalf("restore without a passphrase: exit %d %s", code, stderr)
	}
	if store.HasData(other) {
		t.Fatal("a refused restore wrote data")
	}
	t.Setenv("ISMSDESK_BACKUP_PASSPHRASE", pass)
	if code, out, stderr := runNoTerminal(t, other, "restore", backup); code != ExitOK {
		t.Fatalf("restore: exit %d %s%s", code, out, stderr)
	}
	if !store.IsEncrypted(other) {
		t.Fatal("the restored folder is not encrypted")
	}
	t.Setenv("ISMSDESK_PASSPHRASE", pass)
	if len(listJSON(t, other, "controls")) == 0 {
		t.Fatal("no controls restored")
	}
}
