package soak

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const fullMessage = "is full: nothing was changed. Free some space and try again."

// demoFolder returns a data folder holding the sample organisation.
func demoFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if code, out := run("--data", dir, "demo"); code != 0 {
		t.Fatalf("demo: %d %s", code, out)
	}
	return dir
}

// listed returns what `list requirements` prints, which must succeed.
func listed(t *testing.T, dir string) string {
	t.Helper()
	code, out := run("--data", dir, "list", "requirements", "--json")
	if code != 0 {
		t.Fatalf("list after a full disk: %d %s", code, out)
	}
	return out
}

// TestFileSizeLimit runs import, export and backup under RLIMIT_FSIZE (SIGXFSZ ignored,
// so writes get EFBIG): each is refused with the full-disk message, not a stack dump; no
// partial output is left; the folder still opens and lists, also under the limit.
func TestFileSizeLimit(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("RLIMIT_FSIZE is Unix")
	}
	dir := demoFolder(t)
	reg := filepath.Join(t.TempDir(), "reg.csv")
	writeRegister(t, reg, "FS", 500)
	before := listed(t, dir)
	outDir := t.TempDir()
	const limit = 8 << 10
	for _, args := range [][]string{
		{"import", "requirements", reg},
		{"backup", "--out", filepath.Join(outDir, "b.ismsbackup")},
		{"export", "risks", "--out", filepath.Join(outDir, "risks.xlsx")},
	} {
		code, out := child(t, limit, append([]string{"--data", dir}, args...)...)
		if code != 1 || !strings.Contains(out, fullMessage) || strings.Contains(out, "goroutine") {
			t.Errorf("%s under a file size limit: exit %d, output:\n%s", args[0], code, out)
		}
	}
	if code, out := child(t, limit, "--data", dir, "list", "requirements"); code != 0 || !strings.Contains(out, "25 requirements") {
		t.Errorf("list under a file size limit: exit %d, output:\n%s", code, out)
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
		t.Errorf("output left behind: %v", entries)
	}
	if after := listed(t, dir); after != before {
		t.Error("the requirements changed")
	}
	if code, out := run("--data", dir, "verify"); code != 0 {
		t.Errorf("verify: %d %s", code, out)
	}
}

// TestDiskFull runs import, export and backup against size-limited tmpfs mounts: the data
// folder on one too small for Badger to write safely, the outputs on one of 16 KB. It
// needs root (mount); without it, it is skipped.
func TestDiskFull(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("mounting a size-limited tmpfs needs root on Linux")
	}
	mount := func(size string) string {
		t.Helper()
		dir, err := os.MkdirTemp("", "ismsdesk-full-")
		if err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
			os.Remove(dir)
			t.Skipf("mount -t tmpfs does not work here (%v: %s)", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", dir).Run(); os.Remove(dir) })
		return dir
	}
	small, tiny := mount("100m"), mount("16k")
	src := demoFolder(t)
	dir := filepath.Join(small, "data")
	if out, err := exec.Command("cp", "-a", src, dir).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	reg := filepath.Join(t.TempDir(), "reg.csv")
	writeRegister(t, reg, "DF", 500)
	before := listed(t, dir)
	for _, c := range []struct {
		args []string
		out  string
	}{
		{[]string{"import", "requirements", reg}, ""},
		{[]string{"backup", "--out", filepath.Join(tiny, "b.ismsbackup")}, tiny},
		{[]string{"export", "risks", "--out", filepath.Join(tiny, "risks.xlsx")}, tiny},
		{[]string{"export", "soa", "--out", filepath.Join(tiny, "soa.xlsx")}, tiny},
	} {
		code, out := child(t, 0, append([]string{"--data", dir}, c.args...)...)
		if code != 1 || !strings.Contains(out, fullMessage) || strings.Contains(out, "goroutine") {
			t.Errorf("%s on a full disk: exit %d, output:\n%s", c.args[0], code, out)
		}
		if c.out != "" && !strings.Contains(out, "The disk holding "+c.out+" is full") {
			t.Errorf("%s: the message does not name %s:\n%s", c.args[0], c.out, out)
		}
	}
	if entries, _ := os.ReadDir(tiny); len(entries) != 0 {
		t.Errorf("output left behind on the full disk: %v", entries)
	}
	if after := listed(t, dir); after != before {
		t.Error("the requirements changed")
	}
}
