package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runCLI runs one command against dir with a fixed clock.
func runCLI(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	clock := func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	code = Run(dir, args, Env{Stdout: &out, Stderr: &errOut, Clock: clock})
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"list"},
		{"list", "unicorns"},
		{"backup"},
		{"restore"},
		{"version", "extra"},
	} {
		if code, _, stderr := runCLI(t, dir, args...); code != ExitUsage || stderr == "" {
			t.Errorf("%v: exit %d (stderr %q), want %d with a message", args, code, stderr, ExitUsage)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, t.TempDir(), "version")
	if code != ExitOK || !strings.HasPrefix(out, "ISMS Desk ") {
		t.Fatalf("version: exit %d, %q", code, out)
	}
}

func TestSplitGlobal(t *testing.T) {
	data, rest, err := SplitGlobal([]string{"--data", "/x", "list", "controls", "--json"})
	if err != nil || data != "/x" || strings.Join(rest, " ") != "list controls --json" {
		t.Fatalf("got %q %q %v", data, rest, err)
	}
	data, rest, err = SplitGlobal([]string{"list", "--data=/y", "risks"})
	if err != nil || data != "/y" || strings.Join(rest, " ") != "list risks" {
		t.Fatalf("got %q %q %v", data, rest, err)
	}
	if _, _, err := SplitGlobal([]string{"--data"}); err == nil {
		t.Fatal("--data without a folder was accepted")
	}
}

type listed struct {
	ID    string `json:"id"`
	Ref   string `json:"ref"`
	Title string `json:"title"`
	Theme string `json:"theme"`
}

func listJSON(t *testing.T, dir, kind string) []listed {
	t.Helper()
	code, out, stderr := runCLI(t, dir, "list", kind, "--json")
	if code != ExitOK {
		t.Fatalf("list %s: exit %d: %s", kind, code, stderr)
	}
	var recs []listed
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatalf("list %s --json is not a JSON array: %v\n%s", kind, err, out)
	}
	return recs
}

func TestDemoThenListControls(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, dir, "demo"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	controls := listJSON(t, dir, "controls")
	if len(controls) != 93 {
		t.Fatalf("got %d controls, want the 93 Annex A controls", len(controls))
	}
	themes := map[string]int{}
	for _, c := range controls {
		if !strings.HasPrefix(c.Ref, "A.") || c.Title == "" {
			t.Errorf("control without an Annex A ref or title: %+v", c)
		}
		themes[c.Theme]++
	}
	if len(themes) != 4 {
		t.Errorf("themes %v, want the four Annex A themes", themes)
	}
	for _, kind := range []string{"requirements", "risks", "objectives", "policies", "audits", "reviews", "nonconformities", "people", "measurements", "assets"} {
		if len(listJSON(t, dir, kind)) == 0 {
			t.Errorf("demo left %s empty", kind)
		}
	}
	if code, _, _ := runCLI(t, dir, "demo"); code != ExitError {
		t.Errorf("a second demo: exit %d, want %d", code, ExitError)
	}
	// The plain listing prints a table.
	code, out, _ := runCLI(t, dir, "list", "controls")
	if code != ExitOK || !strings.Contains(out, "A.5.1") {
		t.Errorf("list controls: exit %d\n%s", code, out)
	}
	code, out, stderr := runCLI(t, dir, "list", "assets")
	if code != ExitOK || !strings.Contains(out, "AST-001") || !strings.Contains(out, "in_use") || !strings.Contains(stderr, "8 assets") {
		t.Errorf("list assets: exit %d\n%s%s", code, out, stderr)
	}
}

func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, dir, "demo"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	backup := filepath.Join(t.TempDir(), "isms.bak")
	if code, _, stderr := runCLI(t, dir, "backup", "--out", backup); code != ExitOK {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	restored := filepath.Join(t.TempDir(), "restored")
	if code, _, stderr := runCLI(t, restored, "restore", backup); code != ExitOK {
		t.Fatalf("restore: exit %d: %s", code, stderr)
	}
	for _, kind := range []string{"requirements", "controls", "risks", "reviews"} {
		a, b := listJSON(t, dir, kind), listJSON(t, restored, kind)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s differ after backup and restore", kind)
		}
	}
	// A folder that holds data is refused unless --force.
	if code, _, stderr := runCLI(t, dir, "restore", backup); code != ExitError || stderr == "" {
		t.Errorf("restore into a non-empty folder: exit %d, want %d with a message", code, ExitError)
	}
	if code, _, stderr := runCLI(t, dir, "restore", backup, "--force"); code != ExitOK {
		t.Errorf("restore --force: exit %d: %s", code, stderr)
	}
}

// TestExportImportRoundTrip: the register exports import again with nothing created or
// changed, through the real command line.
func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, dir, "demo"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	for _, c := range []struct{ report, kind string }{{"requirements", "requirements"}, {"risks", "risks"}, {"soa", "controls"}, {"assets", "assets"}} {
		out := filepath.Join(t.TempDir(), c.report+".xlsx")
		if code, _, stderr := runCLI(t, dir, "export", c.report, "--out", out); code != ExitOK {
			t.Fatalf("export %s: %s", c.report, stderr)
		}
		code, stdout, stderr := runCLI(t, dir, "import", c.kind, out, "--json")
		if code != ExitOK {
			t.Fatalf("import %s: exit %d: %s %s", c.kind, code, stderr, stdout)
		}
		var sum struct{ Rows, Created, Updated, Unchanged int }
		if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
			t.Fatal(err)
		}
		if sum.Rows == 0 || sum.Created != 0 || sum.Updated != 0 || sum.Unchanged != sum.Rows {
			t.Errorf("%s round trip: %+v", c.report, sum)
		}
	}
}

func TestImportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(t.TempDir(), "reqs.csv")
	os.WriteFile(bad, []byte("Ref,Title,Due date\nR-1,One,2026-01-01\nR-2,,not a date\n"), 0o644)
	code, stdout, _ := runCLI(t, dir, "import", "requirements", bad, "--json")
	if code != ExitError {
		t.Fatalf("invalid rows: exit %d, want %d", code, ExitError)
	}
	var sum struct {
		Created int
		Errors  []struct {
			Row           int
			Column, Field string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Created != 0 || len(sum.Errors) != 2 || sum.Errors[0].Row != 3 {
		t.Fatalf("summary %+v", sum)
	}
	if code, out, stderr := runCLI(t, dir, "list", "requirements", "--json"); code != ExitError || !strings.Contains(stderr, "no ISMS Desk data") {
		t.Fatalf("an invalid import wrote into the new data folder: %s %s", out, stderr)
	}
	if code, _, _ := runCLI(t, dir, "import", "requirements", bad, "--skip-invalid"); code != ExitOK {
		t.Fatalf("--skip-invalid: exit %d", code)
	}
	if code, _, _ := runCLI(t, dir, "import", "unicorns", bad); code != ExitUsage {
		t.Fatalf("unknown kind: exit %d", code)
	}
	xls := filepath.Join(t.TempDir(), "old.xls")
	os.WriteFile(xls, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}, 0o644)
	if code, _, stderr := runCLI(t, dir, "import", "requirements", xls); code != ExitError || !strings.Contains(stderr, ".xlsx") {
		t.Fatalf(".xls: exit %d: %s", code, stderr)
	}
}

func TestMissingDataFolderIsNotCreated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "typo")
	for _, args := range [][]string{{"list", "controls"}, {"backup", "--out", filepath.Join(t.TempDir(), "b")}, {"export", "soa", "--out", filepath.Join(t.TempDir(), "s.xlsx")}} {
		if code, _, stderr := runCLI(t, dir, args...); code != ExitError || !strings.Contains(stderr, "no ISMS Desk data") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Fatal("the data folder was created")
	}
}

func TestImportUsageAndNewFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "r.csv")
	os.WriteFile(file, []byte("Ref,Title\nR-1,One\n"), 0o644)
	dir := filepath.Join(t.TempDir(), "new")
	for _, args := range [][]string{
		{"import", "requirements", file, "--map", "colour=A"},
		{"import", "requirements", file, "--match-by", "colour"},
	} {
		if code, _, stderr := runCLI(t, dir, args...); code != ExitUsage {
			t.Errorf("%v: exit %d (%s), want %d", args, code, stderr, ExitUsage)
		}
	}
	code, out, stderr := runCLI(t, dir, "import", "requirements", file)
	if code != ExitOK || !strings.Contains(stderr, "new data folder") || !strings.HasPrefix(out, "Imported") {
		t.Fatalf("import into a new folder: exit %d, %q, %q", code, out, stderr)
	}
}

// TestImportAcknowledgements: `import acknowledgements FILE --json` records who
// acknowledged which published policy (by reference or title), adds unknown people,
// dates an undated row on the day of the import, and changes nothing the second time; a
// policy that is not published is a row problem on the policy column.
func TestImportAcknowledgements(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, dir, "demo"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	people := len(listJSON(t, dir, "people"))
	file := filepath.Join(t.TempDir(), "acks.csv")
	os.WriteFile(file, []byte("Employee,Email,Policy reference,Date signed\n"+
		"Olivia Carter,,POL-01,2026-11-02\n"+
		"Priya Shah,,Information Security Policy,\n"+
		"New Starter,new.starter@northwind.test,POL-02,2026-11-20\n"+
		"New Starter,,POL-01,2026-11-20\n"), 0o644)
	type summary struct {
		Kind                              string
		Rows, Created, Updated, Unchanged int
		Imported                          bool
		ImportID                          string
		Mapping                           map[string]string
		Errors                            []struct {
			Row                    int
			Column, Field, Message string
		}
	}
	run := func(file string) (int, summary) {
		t.Helper()
		code, stdout, stderr := runCLI(t, dir, "import", "acknowledgements", file, "--json")
		var s summary
		if err := json.Unmarshal([]byte(stdout), &s); err != nil {
			t.Fatalf("import --json: %v\n%s\n%s", err, stdout, stderr)
		}
		return code, s
	}
	code, s := run(file)
	if code != ExitOK || !s.Imported || s.ImportID == "" || s.Kind != "acknowledgements" || s.Rows != 4 || s.Created != 4 || s.Unchanged != 0 || len(s.Errors) != 0 {
		t.Fatalf("import: exit %d, %+v", code, s)
	}
	if s.Mapping["person"] != "A" || s.Mapping["email"] != "B" || s.Mapping["policy"] != "C" || s.Mapping["date"] != "D" {
		t.Errorf("mapping %v", s.Mapping)
	}
	if n := len(listJSON(t, dir, "people")); n != people+1 {
		t.Errorf("%d people, want %d (New Starter added once)", n, people+1)
	}
	_, out, _ := runCLI(t, dir, "list", "policies", "--json")
	var pols []struct {
		Ref      string
		Versions []struct {
			Number, Status   string
			Acknowledgements []struct{ PersonID, On string }
		}
	}
	if err := json.Unmarshal([]byte(out), &pols); err != nil {
		t.Fatal(err)
	}
	acks := map[string][]string{} // policy ref -> version number: dates
	for _, p := range pols {
		for _, v := range p.Versions {
			for _, a := range v.Acknowledgements {
				acks[p.Ref+" "+v.Number] = append(acks[p.Ref+" "+v.Number], a.On)
			}
		}
	}
	// POL-01's published 1.0 is acknowledged, not its 1.1 in review; Priya's undated row
	// takes the day of the import (the clock's 2026-11-27)
	if got := strings.Join(acks["POL-01 1.0"], ","); got != "2026-11-02,2026-11-27,2026-11-20" || len(acks["POL-01 1.1"]) != 0 {
		t.Errorf("POL-01 acknowledgements %v", acks)
	}
	if got := strings.Join(acks["POL-02 1.0"], ","); got != "2026-11-20" {
		t.Errorf("POL-02 acknowledgements %v", acks)
	}

	// the same file again records nothing twice
	if code, s := run(file); code != ExitOK || s.Created != 0 || s.Unchanged != 4 {
		t.Fatalf("re-import: exit %d, %+v", code, s)
	}
	if n := len(listJSON(t, dir, "people")); n != people+1 {
		t.Errorf("re-import: %d people, want %d", n, people+1)
	}

	// POL-03 is approved but not published: the row names the policy column, nothing is written
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("Name,Policy,Date\nOlivia Carter,POL-03,2026-11-02\nSomeone New,POL-02,2026-11-02\nOlivia Carter,POL-77,2026-11-02\n"), 0o644)
	code, s = run(bad)
	if code != ExitError || s.Imported || len(s.Errors) != 2 || s.Errors[0].Row != 2 || s.Errors[0].Column != "B" || s.Errors[0].Field != "policy" ||
		!strings.Contains(s.Errors[0].Message, "published") || s.Errors[1].Row != 4 || s.Errors[1].Column != "B" {
		t.Fatalf("unpublished and unknown policies: exit %d, %+v", code, s)
	}
	if n := len(listJSON(t, dir, "people")); n != people+1 {
		t.Errorf("a refused import added people: %d, want %d", n, people+1)
	}
}
