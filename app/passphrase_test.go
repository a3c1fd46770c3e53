package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

func fieldErr(t *testing.T, err error, field string) {
	t.Helper()
	var e *isms.Error
	if !errors.As(err, &e) || e.Fields[field] == "" {
		t.Fatalf("want an error on the field %s, got %v", field, err)
	}
}

// TestPassphraseFromTheWindow: a passphrase is set, the next start shows the unlock screen
// (nothing readable until Unlock, a wrong passphrase refused), it is changed and removed,
// each time with every record kept; an encrypted backup restores only with it; and a
// locked window can restore a plain backup when the passphrase is forgotten.
func TestPassphraseFromTheWindow(t *testing.T) {
	const pass, pass2 = "correct horse battery", "staple lamp river cloud"
	a := newApp(t)
	addReq(t, a, "R-1")
	plain, err := a.System.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.System.SetPassphrase("", "short")
	fieldErr(t, err, "passphrase")
	st, err := a.System.SetPassphrase("", pass)
	if err != nil || !st.Encrypted || st.KeyedFrom == 0 || st.PlainBackups < 1 {
		t.Fatalf("SetPassphrase = %+v, %v", st, err)
	}
	addReq(t, a, "R-2") // a keyed history entry
	if refs(t, a) != "R-1,R-2" {
		t.Fatalf("records %s", refs(t, a))
	}
	enc, err := a.System.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	a.Shutdown(context.Background())

	// The next start: locked, nothing read, no error screen.
	b := New(a.dataDir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	b.Startup(context.Background())
	defer b.Shutdown(context.Background())
	if info := b.System.Info(); !info.Locked || !info.Encrypted || info.Error != "" {
		t.Fatalf("Info after a locked start: %+v", info)
	}
	if _, err := b.Requirements.List(); isms.ErrorCode(err) != isms.CodeLocked {
		t.Fatalf("a locked store answered: %v", err)
	}
	_, err = b.System.Unlock("wrong passphrase")
	fieldErr(t, err, "passphrase")
	if info := b.System.Info(); !info.Locked {
		t.Fatal("a wrong passphrase unlocked the window")
	}
	if info, err := b.System.Unlock(pass); err != nil || info.Locked || info.Error != "" {
		t.Fatalf("Unlock = %+v, %v", info, err)
	}
	if refs(t, b) != "R-1,R-2" {
		t.Fatalf("records after unlocking: %s", refs(t, b))
	}
	if chk, err := b.System.VerifyHistory(); err != nil || !chk.OK || chk.KeyedFrom == 0 {
		t.Fatalf("VerifyHistory = %+v, %v", chk, err)
	}
	list, err := b.System.Backups()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list.Backups {
		if (e.Path == enc) != e.Encrypted || e.Status != "verified" {
			t.Fatalf("backup %s: encrypted %v, %s", e.Name, e.Encrypted, e.Status)
		}
	}

	// Change, then restore the backup made with the first passphrase.
	_, err = b.System.SetPassphrase("wrong passphrase", pass2)
	fieldErr(t, err, "current")
	if _, err := b.System.SetPassphrase(pass, pass2); err != nil {
		t.Fatal(err)
	}
	if refs(t, b) != "R-1,R-2" {
		t.Fatalf("records after the change: %s", refs(t, b))
	}
	if sum, err := b.System.InspectBackup(enc); err != nil || !sum.Encrypted {
		t.Fatalf("InspectBackup = %+v, %v", sum, err)
	}
	_, err = b.System.Restore(enc, "")
	fieldErr(t, err, "passphrase")
	_, err = b.System.Restore(enc, pass2) // the data's passphrase now, not the backup's
	fieldErr(t, err, "passphrase")
	if _, err := b.System.Restore(enc, pass); err != nil {
		t.Fatal(err)
	}
	if err := store.CheckPassphrase(b.dataDir, pass); err != nil {
		t.Fatalf("the restored data does not have the backup's passphrase: %v", err)
	}
	addReq(t, b, "R-3") // the store reopened with the backup's passphrase
	b.Shutdown(context.Background())

	// Forgotten: a locked window restores the plain backup; the encrypted data is kept.
	c := New(a.dataDir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	c.Startup(context.Background())
	defer c.Shutdown(context.Background())
	if _, err := c.System.Restore(plain, ""); err != nil {
		t.Fatal(err)
	}
	if info := c.System.Info(); info.Locked || info.Encrypted || info.Error != "" {
		t.Fatalf("Info after restoring a plain backup: %+v", info)
	}
	if refs(t, c) != "R-1" {
		t.Fatalf("records after restoring the plain backup: %s", refs(t, c))
	}
	kept, _ := filepath.Glob(filepath.Join(store.BackupDir(c.dataDir), "locked-*", "ISMSDESK-KEY.json"))
	if len(kept) != 1 {
		t.Fatalf("the encrypted data was not kept: %v", kept)
	}
	if _, err := os.Stat(store.TempDir(c.dataDir)); err != nil {
		t.Fatalf("no private temporary folder: %v", err)
	}

	// Removal.
	if _, err := c.System.SetPassphrase("", pass); err != nil {
		t.Fatal(err)
	}
	if _, err := c.System.SetPassphrase(pass, ""); err != nil {
		t.Fatal(err)
	}
	if info := c.System.Info(); info.Encrypted || refs(t, c) != "R-1" {
		t.Fatalf("after removing: %+v, %s", info, refs(t, c))
	}
	if chk, err := c.System.VerifyHistory(); err != nil || !chk.OK || chk.KeyedFrom != 0 {
		t.Fatalf("VerifyHistory after removing = %+v, %v", chk, err)
	}
}
