package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportFixAndSet: --fix applies the bulk fix the output offers, --set gives a field
// one value on every row, and the summary names the new people and the repeated titles.
func TestImportFixAndSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	file := filepath.Join(t.TempDir(), "reg.csv")
	var b strings.Builder
	b.WriteString("Ref,Title,Applicable,Status,Owner\n")
	for i := 1; i <= 24; i++ {
		applicable, status := "Yes", "Partial"
		if i%12 == 0 {
			applicable, status = "No", "Compliant"
		}
		title := fmt.Sprintf("Requirement %d", i)
		if i <= 3 {
			title = "Access control"
		}
		fmt.Fprintf(&b, "R-%02d,%s,%s,%s,Ada Lovelace\n", i, title, applicable, status)
	}
	os.WriteFile(file, []byte(b.String()), 0o644)

	code, out, stderr := runCLI(t, dir, "import", "requirements", file)
	if code != ExitError {
		t.Fatalf("without the fix: exit %d", code)
	}
	for _, want := range []string{
		"Fix offered: set the compliance status to Not applicable for these 2 rows (the requirement does not apply, yet its compliance status is another one; rows 13 and 25): use --fix requirement-not-applicable-status",
		"New people (1): Ada Lovelace",
		"Warning: 1 title appears on several rows:", `"Access control" on 3 rows (rows 2, 3 and 4)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(stderr, "--fix requirement-not-applicable-status, or --skip-invalid") {
		t.Errorf("the error does not name --fix: %q", stderr)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("a failed import created the data folder")
	}

	code, out, stderr = runCLI(t, dir, "import", "requirements", file, "--fix", "all", "--set", "sourceType=Legal", "--set", "source=NIS2", "--json")
	var sum struct {
		Created   int
		Imported  bool
		NewPeople []string
		Fixes     []struct {
			ID      string
			Rows    int
			Applied bool
		}
		RepeatedTitles []struct {
			Title string
			Count int
		}
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || code != ExitOK {
		t.Fatalf("with the fix: exit %d %v %s %s", code, err, stderr, out)
	}
	if sum.Created != 24 || !sum.Imported || len(sum.NewPeople) != 1 || len(sum.Fixes) != 1 || !sum.Fixes[0].Applied || sum.Fixes[0].Rows != 2 ||
		len(sum.RepeatedTitles) != 1 || sum.RepeatedTitles[0].Count != 3 {
		t.Fatalf("summary %+v", sum)
	}
	code, out, _ = runCLI(t, dir, "list", "requirements", "--json")
	if code != ExitOK || strings.Count(out, `"sourceType": "legal"`) != 24 || strings.Count(out, `"source": "NIS2"`) != 24 ||
		strings.Count(out, `"status": "not_applicable"`) != 2 {
		t.Fatalf("stored: %d %s", code, out[:min(len(out), 600)])
	}

	for _, args := range [][]string{
		{"import", "requirements", file, "--set", "colour=red"},
		{"import", "requirements", file, "--set", "sourceType"},
	} {
		if code, _, stderr := runCLI(t, dir, args...); code != ExitUsage {
			t.Errorf("%v: exit %d (%s), want %d", args, code, stderr, ExitUsage)
		}
	}
	if code, _, stderr := runCLI(t, dir, "import", "requirements", file, "--fix", "magic", "--dry-run"); code == ExitOK || !strings.Contains(stderr, "no such fix") {
		t.Errorf("unknown fix: exit %d %q", code, stderr)
	}
	if code, out, _ := runCLI(t, dir, "import", "requirements", file, "--dry-run", "--fix", "all"); code != ExitOK || !strings.Contains(out, "Fixed: set the compliance status to Not applicable for these 2 rows") ||
		!strings.Contains(out, ": 24 rows,") {
		t.Errorf("dry run with the fix: exit %d\n%s", code, out)
	}
}
