package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportPrintsHowItRead: the text output gives the mapping with its confidence, the
// section rows and the ambiguous dates, each with the flag that changes it.
func TestImportPrintsHowItRead(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "reg.csv")
	os.WriteFile(file, []byte("Clause,Title,Current state,Due date\n,Organisational controls\n5.1,Policies,Compliant,03/04/2026\n5.2,Roles,Partial,05/06/2026\n5.3,Duties,Gap,\n5.4,Management,Compliant,\n"), 0o644)
	code, out, stderr := runCLI(t, dir, "import", "requirements", file, "--dry-run")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`ref ← A "Clause" (exact)`, `status ← C "Current state" (guess)`, "--unmap FIELD",
		"1 row skipped as section headings", "row 2: Organisational controls",
		"2 dates such as 03/04/2026 (column D, Due date) read as 4 March 2026: use --day-first or --month-first",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, dir, "import", "requirements", file, "--dry-run", "--json", "--unmap", "status", "--day-first")
	var sum struct {
		Mapping    map[string]string
		Confidence map[string]string
		Sections   []struct{ Row int }
		Warnings   []struct{ ReadAs string }
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || code != ExitOK {
		t.Fatalf("exit %d, %v: %s", code, err, out)
	}
	if _, ok := sum.Mapping["status"]; ok || sum.Confidence["ref"] != "exact" || len(sum.Sections) != 1 || sum.Warnings[0].ReadAs != "3 April 2026" {
		t.Errorf("summary %+v", sum)
	}
}

func TestImportReadingFlags(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "r.csv")
	os.WriteFile(file, []byte("Ref,Title\nR-1,One\n"), 0o644)
	for _, args := range [][]string{
		{"import", "requirements", file, "--unmap", "colour"},
		{"import", "requirements", file, "--day-first", "--month-first"},
		{"import", "requirements", file, "--scale", "1-10"},
		{"import", "risks", file, "--scale", "lots"},
	} {
		if code, _, stderr := runCLI(t, dir, args...); code != ExitUsage {
			t.Errorf("%v: exit %d (%s), want %d", args, code, stderr, ExitUsage)
		}
	}
	// a header-only file is an empty register, and a new folder is not created
	empty := filepath.Join(t.TempDir(), "empty.csv")
	os.WriteFile(empty, []byte("Ref,Title\n"), 0o644)
	code, _, stderr := runCLI(t, dir, "import", "requirements", empty)
	if code != ExitError || !strings.Contains(stderr, "the register is empty") {
		t.Errorf("header only: exit %d, %q", code, stderr)
	}
	// rows that give no record: an error naming the flags that fix it
	stray := filepath.Join(t.TempDir(), "stray.csv")
	os.WriteFile(stray, []byte("Ref,Title,Colour\n,,red\n,,blue\n"), 0o644)
	code, out, _ := runCLI(t, dir, "import", "requirements", stray)
	if code != ExitError || !strings.Contains(out, "none gives a record") || !strings.Contains(out, "--header-row") {
		t.Errorf("no records: exit %d, %q", code, out)
	}
	// every row invalid, even with --skip-invalid, is an error
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("Ref,Title\nR-1,\nR-2,\n"), 0o644)
	if code, _, stderr := runCLI(t, dir, "import", "requirements", bad, "--skip-invalid"); code != ExitError || !strings.Contains(stderr, "every one of the 2 rows") {
		t.Errorf("all invalid: exit %d, %q", code, stderr)
	}
	// a column whose header names a field but whose values do not read as it is said so
	junk := filepath.Join(t.TempDir(), "junk.csv")
	os.WriteFile(junk, []byte("Ref,Title,Due date\nR-1,One,someday\nR-2,Two,never\n"), 0o644)
	_, out, _ = runCLI(t, dir, "import", "requirements", junk, "--dry-run")
	if want := `dueDate not proposed: C "Due date": its values do not read as dates (such as "someday"); use --map dueDate=COLUMN`; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}
