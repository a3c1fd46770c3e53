package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportAuditFlag: audit checklist results need --audit, which names the audit they
// go into; --audit is refused for the other kinds; an unknown audit is named.
func TestImportAuditFlag(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "checklist.csv")
	os.WriteFile(file, []byte("Clause or control,Question,Result\nA.5.15,Are access rights reviewed?,Conforming\n"), 0o644)
	if code, _, stderr := runCLI(t, dir, "import", "audit-results", file); code != ExitUsage || !strings.Contains(stderr, "--audit REF") {
		t.Errorf("without --audit: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, dir, "import", "requirements", file, "--audit", "IA-01"); code != ExitUsage || !strings.Contains(stderr, "--audit is for audit-results") {
		t.Errorf("--audit for requirements: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, dir, "import", "audit-results", file, "--audit", "IA-77", "--dry-run"); code == ExitOK || !strings.Contains(stderr, "IA-77") {
		t.Errorf("an unknown audit: exit %d, %s", code, stderr)
	}
}
