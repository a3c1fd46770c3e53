package soak

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/cli"
)

// TestMain doubles as the command line: with ISMSDESK_CHILD_ARGS set, the test binary
// runs those arguments as `ismsdesk` would, under the file size limit in
// ISMSDESK_CHILD_FSIZE (bytes), with SIGXFSZ ignored so that a write over the limit gets
// EFBIG instead of killing the process.
func TestMain(m *testing.M) {
	if raw := os.Getenv("ISMSDESK_CHILD_ARGS"); raw != "" {
		var args []string
		if err := json.Unmarshal([]byte(raw), &args); err != nil {
			os.Exit(99)
		}
		if n := os.Getenv("ISMSDESK_CHILD_FSIZE"); n != "" {
			var limit uint64
			fmt.Sscan(n, &limit)
			signal.Ignore(syscall.SIGXFSZ)
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
				os.Exit(98)
			}
		}
		data, rest, _ := cli.SplitGlobal(args)
		os.Exit(cli.Run(data, rest, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}))
	}
	os.Exit(m.Run())
}

// child runs the command line in a new process of the test binary, with a file size
// limit when fsize > 0, and returns its exit status and output.
func child(t *testing.T, fsize int64, args ...string) (int, string) {
	t.Helper()
	raw, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	cmd.Env = append(os.Environ(), "ISMSDESK_CHILD_ARGS="+string(raw))
	if fsize > 0 {
		cmd.Env = append(cmd.Env, fmt.Sprintf("ISMSDESK_CHILD_FSIZE=%d", fsize))
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String()
}

// run runs the command line in this process and returns its exit status and output.
func run(args ...string) (int, string) {
	var out bytes.Buffer
	data, rest, _ := cli.SplitGlobal(args)
	code := cli.Run(data, rest, cli.Env{Stdout: &out, Stderr: &out})
	return code, out.String()
}

// writeRegister writes a CSV register of n requirements whose references start with prefix.
func writeRegister(t testing.TB, path, prefix string, n int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("Reference,Title,Description,Status\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%s-%06d,Requirement %d,The organisation shall do thing %d.,Compliant\n", prefix, i, i, i)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

// leftovers lists the files of dir whose names contain ".tmp" or "partial".
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") || strings.Contains(e.Name(), "partial") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}
