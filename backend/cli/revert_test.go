package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRevertAmbiguousPrefix: a prefix that names several imports is refused with a
// message listing them (ID, when, file), and nothing is reverted; one that names none keeps
// saying there is no such import.
func TestImportRevertAmbiguousPrefix(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	files := t.TempDir()
	one, two := filepath.Join(files, "first.csv"), filepath.Join(files, "second.csv")
	os.WriteFile(one, []byte("Ref,Title\nR-1,One\n"), 0o644)
	os.WriteFile(two, []byte("Ref,Title\nR-2,Two\n"), 0o644)
	for _, f := range []string{one, two} {
		if code, _, stderr := runCLI(t, dir, "import", "requirements", f); code != ExitOK {
			t.Fatalf("import %s: %s", f, stderr)
		}
	}
	h := historyJSON(t, dir)
	if len(h) != 2 {
		t.Fatalf("history %+v", h)
	}
	common := 0 // the IDs are UUIDv7, made a moment apart: they share a prefix
	for common < len(h[0].ID) && common < len(h[1].ID) && h[0].ID[common] == h[1].ID[common] {
		common++
	}
	if common < 6 {
		t.Fatalf("the IDs %s and %s share only %d characters", h[0].ID, h[1].ID, common)
	}
	for _, prefix := range []string{h[0].ID[:2], h[0].ID[:6]} {
		code, out, stderr := runCLI(t, dir, "import", "revert", prefix)
		if code != ExitError || out != "" {
			t.Fatalf("revert %s: exit %d, %q %q", prefix, code, out, stderr)
		}
		for _, want := range []string{
			"the ID prefix " + prefix + " is ambiguous: it names 2 imports; give more characters of the ID:",
			"\n  " + h[0].ID + "  2026-11-27 09:00  second.csv",
			"\n  " + h[1].ID + "  2026-11-27 09:00  first.csv",
		} {
			if !strings.Contains(stderr, want) {
				t.Errorf("revert %s: %q does not say %q", prefix, stderr, want)
			}
		}
		if strings.Contains(stderr, "there is no import") {
			t.Errorf("revert %s: %q", prefix, stderr)
		}
	}
	if h := historyJSON(t, dir); h[0].RevertedAt != "" || h[1].RevertedAt != "" {
		t.Fatalf("an ambiguous prefix reverted an import: %+v", h)
	}
	if n := len(listJSON(t, dir, "requirements")); n != 2 {
		t.Fatalf("%d requirements after refused reverts", n)
	}
	none := "f" + h[0].ID[1:6] // no UUIDv7 of this century starts with f
	if code, _, stderr := runCLI(t, dir, "import", "revert", none); code != ExitError ||
		!strings.Contains(stderr, "there is no import "+none+"; `ismsdesk import history` lists them") {
		t.Errorf("revert %s: exit %d, %q", none, code, stderr)
	}
	// enough characters name one import, which is reverted
	if code, out, stderr := runCLI(t, dir, "import", "revert", h[0].ID[:common+1]); code != ExitOK ||
		!strings.Contains(out, "Reverted the import of second.csv") {
		t.Fatalf("revert by a longer prefix: exit %d, %q %q", code, out, stderr)
	}
}

// TestImportRevertChain: import A, import an edited copy B, revert B, revert A: the second
// revert is allowed (B's revert put IT-01 back as A left it) and removes what A created.
func TestImportRevertChain(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	file := filepath.Join(t.TempDir(), "register.csv")
	os.WriteFile(file, []byte("Ref,Title\nIT-01,Laptops\n"), 0o644)
	if code, _, stderr := runCLI(t, dir, "import", "requirements", file); code != ExitOK {
		t.Fatalf("import A: %s", stderr)
	}
	os.WriteFile(file, []byte("Ref,Title\nIT-01,Laptops and phones\n"), 0o644)
	if code, _, stderr := runCLI(t, dir, "import", "requirements", file); code != ExitOK {
		t.Fatalf("import B: %s", stderr)
	}
	h := historyJSON(t, dir)
	if len(h) != 2 || h[0].Updated != 1 || h[1].Created != 1 {
		t.Fatalf("history %+v", h)
	}
	for _, id := range []string{h[0].ID, h[1].ID} {
		if code, out, stderr := runCLI(t, dir, "import", "revert", id); code != ExitOK || !strings.Contains(out, "Reverted the import of register.csv") {
			t.Fatalf("revert %s: exit %d, %q %q", id, code, out, stderr)
		}
	}
	if n := len(listJSON(t, dir, "requirements")); n != 0 {
		t.Fatalf("%d requirements after reverting both imports", n)
	}
	if code, out, stderr := runCLI(t, dir, "verify"); code != ExitOK {
		t.Fatalf("verify: exit %d, %q %q", code, out, stderr)
	}
}
