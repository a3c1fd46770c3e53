package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The layout flags: rows of one record merged (or not), columns filled down by name, and
// the text summary saying what was read.
func TestImportLayoutFlags(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "catalogue.csv")
	os.WriteFile(file, []byte("Ref,Title,Statement\nREQ-1,Access,Accounts are reviewed.\n,,Leavers lose access.\nREQ-2,Backup,Backups are tested.\n"), 0o644)
	code, stdout, stderr := runCLI(t, dir, "import", "requirements", file, "--dry-run")
	if code != ExitOK || !strings.Contains(stdout, "merged into the record above by ref") || !strings.Contains(stdout, "--merge-by none") {
		t.Fatalf("dry run: exit %d: %s %s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, dir, "import", "requirements", file, "--dry-run", "--json", "--merge-by", "none", "--no-fill-down")
	var sum struct {
		Rows, MergedRows int
		MergeBy          string
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("exit %d: %v: %s", code, err, stdout)
	}
	if sum.MergeBy != "" || sum.MergedRows != 0 || sum.Rows != 3 {
		t.Errorf("--merge-by none: %+v", sum)
	}
	code, stdout, _ = runCLI(t, dir, "import", "requirements", file, "--dry-run", "--json", "--fill-down", "Ref")
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil || sum.MergedRows != 1 || sum.Rows != 2 {
		t.Errorf("--fill-down Ref: exit %d %+v %v", code, sum, err)
	}
	for _, bad := range [][]string{{"--merge-by", "colour"}, {"--header-rows", "2"}, {"--fill-down", "Nowhere"}, {"--all-sheets", "--sheets", "Other"}} {
		if code, _, stderr := runCLI(t, dir, append([]string{"import", "requirements", file, "--dry-run"}, bad...)...); code == ExitOK || stderr == "" {
			t.Errorf("%v: exit %d, want an error", bad, code)
		}
	}
}
