package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/isms"
)

func addReq(t *testing.T, a *App, ref string) {
	t.Helper()
	if _, err := a.Requirements.Create(isms.Requirement{Ref: ref, Title: "Requirement " + ref, SourceType: "legal", Status: "not_assessed", Applicable: true}); err != nil {
		t.Fatal(err)
	}
}

func refs(t *testing.T, a *App) string {
	t.Helper()
	list, err := a.Requirements.List()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range list {
		out = append(out, r.Ref)
	}
	return strings.Join(out, ",")
}

// TestRestoreFromTheWindow: a backup is checked and summarised, restored over the open
// data, and the services read the restored data at once; an automatic backup of the
// replaced data is listed, verified, and restores it again.
func TestRestoreFromTheWindow(t *testing.T) {
	a := newApp(t)
	addReq(t, a, "R-1")
	saveDir := t.TempDir()
	t.Setenv(testSaveDirEnv, saveDir)
	path, err := a.System.Backup()
	if err != nil || path == "" {
		t.Fatalf("backup: %q %v", path, err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %o", st.Mode().Perm())
	}
	addReq(t, a, "R-2")

	t.Setenv(testOpenFileEnv, path)
	if got, err := a.System.ChooseBackup(); err != nil || got != path {
		t.Fatalf("choose: %q %v", got, err)
	}
	sum, err := a.System.InspectBackup(path)
	if err != nil || !sum.Verified || sum.CreatedAt == "" || sum.Total < 90 || len(sum.HistoryHead) != 64 {
		t.Fatalf("inspect: %+v %v", sum, err)
	}
	found := false
	for _, k := range sum.Records {
		found = found || (k.Label == "Requirements" && k.Count == 1)
	}
	if !found {
		t.Errorf("counts %+v lack 1 requirement", sum.Records)
	}

	if _, err := a.System.Restore(path, ""); err != nil {
		t.Fatal(err)
	}
	if got := refs(t, a); got != "R-1" {
		t.Fatalf("after restore: %s", got)
	}
	addReq(t, a, "R-3") // the reopened store takes writes
	if h, err := a.System.VerifyHistory(); err != nil || !h.OK || h.Entries == 0 || h.Broken != nil {
		t.Fatalf("history after restore: %+v %v", h, err)
	}

	folder, err := a.System.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var before *BackupEntry
	for i, b := range folder.Backups {
		if b.Reason == "Before a restore" {
			before = &folder.Backups[i]
		}
	}
	if before == nil || before.Status != "verified" || before.Size == 0 || folder.Keep != 10 {
		t.Fatalf("backups: %+v", folder)
	}
	if _, err := a.System.Restore(before.Path, ""); err != nil {
		t.Fatal(err)
	}
	if got := refs(t, a); got != "R-1,R-2" {
		t.Fatalf("after restoring the automatic backup: %s", got)
	}
}

func TestDamagedBackupChangesNothing(t *testing.T) {
	a := newApp(t)
	addReq(t, a, "R-1")
	t.Setenv(testSaveDirEnv, t.TempDir())
	path, err := a.System.Backup()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	b[len(b)/2] ^= 0x20
	bad := filepath.Join(t.TempDir(), "bad.ismsbackup")
	os.WriteFile(bad, b, 0o600)
	addReq(t, a, "R-2")
	_, err = a.System.InspectBackup(bad)
	wantErr(t, "inspect", err, isms.CodeInvalid)
	_, err = a.System.Restore(bad, "")
	wantErr(t, "restore", err, isms.CodeInvalid)
	if got := refs(t, a); got != "R-1,R-2" {
		t.Fatalf("a refused restore changed the data: %s", got)
	}
	// Listed in the backup folder, a damaged file says what is wrong.
	dir := a.dataDir + "-backups"
	os.MkdirAll(dir, 0o700)
	good, _ := os.ReadFile(path)
	os.WriteFile(filepath.Join(dir, "copy.ismsbackup"), good[:len(good)-10], 0o600)
	folder, err := a.System.Backups()
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, e := range folder.Backups {
		if e.Name == "copy.ismsbackup" {
			listed = true
			if e.Status != "damaged" || !strings.Contains(e.Problem, "truncated") {
				t.Errorf("damaged entry %+v", e)
			}
		}
	}
	if !listed {
		t.Error("the damaged copy is not listed")
	}
}

func TestImportIsPrecededByABackup(t *testing.T) {
	a := newApp(t)
	file := filepath.Join(t.TempDir(), "reqs.csv")
	os.WriteFile(file, []byte("Ref;Title\nR-1;First\n"), 0o600)
	if _, err := a.Import.Import(importer.Request{Kind: "requirements", File: file}); err != nil {
		t.Fatal(err)
	}
	folder, err := a.System.Backups()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range folder.Backups {
		if e.Reason == "Before an import" && e.Status == "verified" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d backups before the import: %+v", n, folder.Backups)
	}
}

func TestKeepBackupsPreference(t *testing.T) {
	a := newApp(t)
	p, err := a.System.Preferences()
	if err != nil || p.KeepBackups != 10 {
		t.Fatalf("default %+v %v", p, err)
	}
	wantErr(t, "keep 500", a.System.SetPreferences(Preferences{KeepBackups: 500}), isms.CodeInvalid, "keepBackups")
	if err := a.System.SetPreferences(Preferences{KeepBackups: 2}); err != nil {
		t.Fatal(err)
	}
	for range 4 {
		if _, err := a.System.BackupNow(); err != nil {
			t.Fatal(err)
		}
	}
	folder, _ := a.System.Backups()
	if len(folder.Backups) != 2 || folder.Keep != 2 {
		t.Fatalf("kept %d backups: %+v", len(folder.Backups), folder)
	}
}

func TestVerifyHistoryFromTheWindow(t *testing.T) {
	a := newApp(t)
	addReq(t, a, "R-1")
	h, err := a.System.VerifyHistory()
	if err != nil || !h.OK || h.Entries < 90 || h.HeadSeq != h.Entries || len(h.Head) != 64 || h.Records < 90 {
		t.Fatalf("%+v %v", h, err)
	}
}
