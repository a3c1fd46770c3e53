package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/store"
)

type historyRow struct {
	ID, At, Kind, File, SHA256, RevertedAt string
	Rows, Created, Updated                 int
}

func historyJSON(t *testing.T, dir string) []historyRow {
	t.Helper()
	code, out, stderr := runCLI(t, dir, "import", "history", "--json")
	if code != ExitOK {
		t.Fatalf("import history: exit %d: %s", code, stderr)
	}
	var rows []historyRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("import history --json: %v\n%s", err, out)
	}
	return rows
}

// TestImportHistoryAndRevert: the import log lists every import with its digest; revert
// undoes one, with the window's checks (a record changed since, an import reverted twice).
func TestImportHistoryAndRevert(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	file := filepath.Join(t.TempDir(), "reqs.csv")
	content := []byte("Ref,Title\nR-1,One\nR-2,Two\n")
	os.WriteFile(file, content, 0o644)
	if code, _, stderr := runCLI(t, dir, "import", "requirements", file); code != ExitOK {
		t.Fatalf("import: %s", stderr)
	}
	if code, _, stderr := runCLI(t, dir, "import", "history", "extra"); code != ExitUsage {
		t.Errorf("history with an argument: exit %d %s", code, stderr)
	}
	h := historyJSON(t, dir)
	sum := sha256.Sum256(content)
	if len(h) != 1 || h[0].Kind != "requirements" || h[0].File != "reqs.csv" || h[0].Rows != 2 || h[0].Created != 2 ||
		h[0].SHA256 != hex.EncodeToString(sum[:]) || h[0].At != "2026-11-27T09:00:00Z" || h[0].RevertedAt != "" {
		t.Fatalf("history %+v", h)
	}
	first := h[0].ID
	code, out, _ := runCLI(t, dir, "import", "history")
	if code != ExitOK || !strings.Contains(out, first) || !strings.Contains(out, "SHA-256") || !strings.Contains(out, "reqs.csv") {
		t.Fatalf("history text: %d %q", code, out)
	}

	// a second import changes R-1: the first cannot be reverted any more
	os.WriteFile(file, []byte("Ref,Title\nR-1,One changed\n"), 0o644)
	if code, _, stderr := runCLI(t, dir, "import", "requirements", file); code != ExitOK {
		t.Fatalf("second import: %s", stderr)
	}
	if code, _, stderr := runCLI(t, dir, "import", "revert", first); code != ExitError || !strings.Contains(stderr, "R-1") {
		t.Fatalf("revert of an import whose record changed since: exit %d, %q", code, stderr)
	}
	h = historyJSON(t, dir)
	if len(h) != 2 || h[1].ID != first {
		t.Fatalf("history, newest first: %+v", h)
	}
	// revert the newest by a prefix of its ID, then the first one
	code, out, stderr := runCLI(t, dir, "import", "revert", h[0].ID[:13])
	if code != ExitOK || !strings.Contains(out, "Reverted the import of reqs.csv") {
		t.Fatalf("revert by prefix: exit %d, %q %q", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, dir, "import", "revert", h[0].ID); code != ExitError || !strings.Contains(stderr, "already reverted") {
		t.Fatalf("second revert: exit %d, %q", code, stderr)
	}
	titles := map[string]string{}
	for _, r := range listJSON(t, dir, "requirements") {
		titles[r.Ref] = r.Title
	}
	if len(titles) != 2 || titles["R-1"] != "One" {
		t.Fatalf("requirements after the revert: %v", titles)
	}
	if h := historyJSON(t, dir); h[0].RevertedAt != "2026-11-27T09:00:00Z" || h[1].RevertedAt != "" {
		t.Errorf("history after the revert %+v", h)
	}
	for _, args := range [][]string{{"import", "revert"}, {"import", "revert", "a", "b"}} {
		if code, _, _ := runCLI(t, dir, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want usage", args, code)
		}
	}
	if code, _, stderr := runCLI(t, dir, "import", "revert", "no-such-import"); code != ExitError || !strings.Contains(stderr, "there is no import") {
		t.Errorf("unknown ID: exit %d, %q", code, stderr)
	}
	missing := filepath.Join(t.TempDir(), "none")
	if code, _, stderr := runCLI(t, missing, "import", "history"); code != ExitError || !strings.Contains(stderr, "no ISMS Desk data") {
		t.Errorf("history of no data: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("import history created a data folder")
	}
}

// TestFailedImportCreatesNoDataFolder: a missing file, a file that cannot be read, rows that
// are invalid or a dry run leave a data folder that had no data as it was.
func TestFailedImportCreatesNoDataFolder(t *testing.T) {
	files := t.TempDir()
	bad := filepath.Join(files, "bad.csv")
	os.WriteFile(bad, []byte("Ref,Title,Due date\nR-1,One,2026-01-01\nR-2,,not a date\n"), 0o644)
	good := filepath.Join(files, "good.csv")
	os.WriteFile(good, []byte("Ref,Title\nR-1,One\n"), 0o644)
	renamed := filepath.Join(files, "old.xlsx")
	os.WriteFile(renamed, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "requirements", filepath.Join(files, "nope.xlsx")}, "there is no file"},
		{[]string{"import", "requirements", bad}, "not valid"},
		{[]string{"import", "requirements", renamed}, "old Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as .xlsx"},
		{[]string{"import", "requirements", good, "--dry-run"}, ""},
	} {
		dir := filepath.Join(t.TempDir(), "data")
		code, _, stderr := runCLI(t, dir, c.args...)
		if c.want != "" && (code != ExitError || !strings.Contains(stderr, c.want)) {
			t.Errorf("%v: exit %d, %q, want %q", c.args, code, stderr, c.want)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("%v created the data folder", c.args)
		}
		empty := t.TempDir() // an empty folder stays empty
		runCLI(t, empty, c.args...)
		if entries, _ := os.ReadDir(empty); len(entries) != 0 {
			t.Errorf("%v wrote into an empty folder: %v", c.args, entries)
		}
	}
	dir := filepath.Join(t.TempDir(), "data")
	if code, _, stderr := runCLI(t, dir, "import", "requirements", good); code != ExitOK || !strings.Contains(stderr, "new data folder") {
		t.Fatalf("a good import: exit %d, %q", code, stderr)
	}
	if recs := listJSON(t, dir, "requirements"); len(recs) != 1 {
		t.Fatalf("requirements %+v", recs)
	}
}

// TestEncryptedWorkbookIsCalledEncrypted: a real password-protected workbook is an OLE file
// too, but not an old .xls.
func TestEncryptedWorkbookIsCalledEncrypted(t *testing.T) {
	file := filepath.Join(t.TempDir(), "secret.xlsx")
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Ref")
	if err := f.SaveAs(file, excelize.Options{Password: "secret"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, _, stderr := runCLI(t, t.TempDir(), "import", "requirements", file)
	if code != ExitError || !strings.Contains(stderr, "password-protected") {
		t.Fatalf("encrypted workbook: exit %d, %q", code, stderr)
	}
}

// TestImport2013StatementOfApplicability: a 2013 SoA is refused with the explanation and
// the flag that brings it onto the 2022 controls; with --from-2013 it imports.
func TestImport2013StatementOfApplicability(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, dir, "demo"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	file := filepath.Join(t.TempDir(), "soa-2013.csv")
	os.WriteFile(file, []byte("Control,Control title,Applicable,Justification,Implementation status\n"+
		"A.9.1.1,Access control policy,Yes,Access policy,Implemented\n"+
		"A.9.1.2,Access to networks and network services,No,No network services,N/A\n"+
		"A.12.6.1,Management of technical vulnerabilities,Yes,Monthly scans,In progress\n"+
		"A.18.2.3,Technical compliance review,Yes,Yearly pentest,Planned\n"), 0o644)
	code, out, stderr := runCLI(t, dir, "import", "controls", file)
	if code != ExitError || !strings.Contains(stderr, "ISO/IEC 27001:2013") || !strings.Contains(stderr, "--from-2013") ||
		!strings.Contains(out, "A.5.15 Access control <- A.9.1.1, A.9.1.2") || !strings.Contains(out, "A.18.2.3 -> A.5.36, A.8.8") ||
		!strings.Contains(out, "A.5.7 Threat intelligence") {
		t.Fatalf("without --from-2013: exit %d\n%s\n%s", code, out, stderr)
	}
	if code, _, _ := runCLI(t, dir, "import", "risks", file, "--from-2013"); code != ExitUsage {
		t.Errorf("--from-2013 for risks: exit %d", code)
	}
	code, out, stderr = runCLI(t, dir, "import", "controls", file, "--from-2013", "--json")
	var sum struct {
		Imported bool
		Updated  int
		ISO2013  struct {
			Applied bool
			Targets []struct {
				Ref  string
				From []string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr)
	}
	if code != ExitOK || !sum.Imported || !sum.ISO2013.Applied || len(sum.ISO2013.Targets) != 3 {
		t.Fatalf("--from-2013: exit %d, %+v, %s", code, sum, stderr)
	}
	for _, c := range listJSON(t, dir, "controls") {
		if c.Ref == "A.8.8" && c.Title != "Management of technical vulnerabilities" {
			t.Errorf("A.8.8 renamed %q", c.Title)
		}
		if strings.Count(c.Ref, ".") > 2 {
			t.Errorf("a 2013 row became control %s", c.Ref)
		}
	}
}

// An import into a folder that holds data makes the automatic backup first, as the window
// does; the first import into a new folder has nothing to keep.
func TestImportIsPrecededByAnAutomaticBackup(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	file := filepath.Join(t.TempDir(), "reqs.csv")
	os.WriteFile(file, []byte("Ref,Title\nR-1,One\n"), 0o644)
	if code, _, stderr := runCLI(t, dir, "import", "requirements", file); code != ExitOK {
		t.Fatalf("import: %s", stderr)
	}
	before, _ := store.ListBackups(dir)
	os.WriteFile(file, []byte("Ref,Title\nR-1,One\nR-2,Two\n"), 0o644)
	if code, _, stderr := runCLI(t, dir, "import", "requirements", file); code != ExitOK {
		t.Fatalf("second import: %s", stderr)
	}
	after, err := store.ListBackups(dir)
	if err != nil || len(after) != len(before)+1 || !strings.Contains(strings.ToLower(after[0].Name+after[0].Reason), "import") {
		t.Fatalf("want one more backup, made before the import: before %d, after %+v (%v)", len(before), after, err)
	}
}

// TestImportHelpListsEveryOption: import --help describes each option, written as it is
// typed (--map FIELD=COLUMN), and writes no data folder.
func TestImportHelpListsEveryOption(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	code, stdout, _ := runCLI(t, dir, "import", "--help")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"--map FIELD=COLUMN", "--unmap FIELD", "--all-sheets", "--scale SCALE", "--fill-down COLUMN", "--header-row N", "--set FIELD=VALUE"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("import --help created the data folder")
	}
}

// TestRequiredValueHintsAtSet: rows that lack a required value are told how to give them
// all one (--set FIELD=VALUE).
func TestRequiredValueHintsAtSet(t *testing.T) {
	file := filepath.Join(t.TempDir(), "soa.csv")
	os.WriteFile(file, []byte("Control,Applicable,Justification\nA.5.1,No,\nA.5.2,No,\n"), 0o644)
	code, _, stderr := runCLI(t, filepath.Join(t.TempDir(), "data"), "import", "controls", file, "--dry-run")
	if code != ExitError || !strings.Contains(stderr, "--set justification=VALUE") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

// TestMapGivenTwiceIsRefused: two columns for one field is a usage error, not the last one
// silently.
func TestMapGivenTwiceIsRefused(t *testing.T) {
	file := filepath.Join(t.TempDir(), "r.csv")
	os.WriteFile(file, []byte("Ref,Title,Other\nR-1,One,x\n"), 0o644)
	code, _, stderr := runCLI(t, filepath.Join(t.TempDir(), "data"), "import", "requirements", file, "--map", "title=B", "--map", "title=C", "--dry-run")
	if code != ExitUsage || !strings.Contains(stderr, "given twice") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}
