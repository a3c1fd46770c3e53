package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// TempDir returns the private folder for the temporary files of the data folder dir:
// beside it, named after it (<dir>-tmp), so that nothing decrypted or copied from the data
// lands in the system's shared temporary folder, and Open can remove what a crash left.
func TempDir(dir string) string {
	dir = filepath.Clean(dir)
	return filepath.Join(filepath.Dir(dir), filepath.Base(dir)+"-tmp")
}

// UsePrivateTemp creates TempDir(dir) (mode 0700) and makes it the process's temporary
// folder (TMPDIR, and TMP and TEMP on Windows), which os.TempDir and os.CreateTemp("")
// use: the workbook library's temporary files and opened evidence files go there. The
// returned function puts the previous setting back.
func UsePrivateTemp(dir string) (func(), error) {
	tmp := TempDir(dir)
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return func() {}, fmt.Errorf("store: unable to create the temporary folder %s: %w", tmp, err)
	}
	_ = os.Chmod(tmp, 0o700)
	vars := []string{"TMPDIR"}
	if runtime.GOOS == "windows" {
		vars = []string{"TMP", "TEMP"}
	}
	type saved struct {
		v   string
		old string
		had bool
	}
	var prev []saved
	for _, v := range vars {
		old, had := os.LookupEnv(v)
		prev = append(prev, saved{v, old, had})
		_ = os.Setenv(v, tmp)
	}
	return func() {
		for _, p := range prev {
			if p.had {
				_ = os.Setenv(p.v, p.old)
			} else {
				_ = os.Unsetenv(p.v)
			}
		}
	}, nil
}

// tempGrace spares temporary files a process may be writing right now (a command that
// reads a workbook without opening the folder).
const tempGrace = time.Minute

// sweepTemp removes the temporary files that interrupted work left, once Open holds the
// folder: half-written files of safefile (.ismsdesk-*.tmp) in the data folder and its
// backup folder, copies of backups read from a stream (<dir>.restore-copy-*.tmp) beside it,
// and what is in TempDir(dir). Restore folders beside it are removeLeftovers' work.
func sweepTemp(dir string, opt Options) {
	now := time.Now()
	remove := func(path string, grace time.Duration) {
		st, err := os.Lstat(path)
		if err != nil || now.Sub(st.ModTime()) < grace {
			return
		}
		if err := os.RemoveAll(path); err != nil {
			opt.Logger.Warn("unable to remove a temporary file left by interrupted work", "path", path, "err", err)
		}
	}
	for _, pattern := range []string{
		filepath.Join(dir, ".ismsdesk-*.tmp"),
		filepath.Join(BackupDir(dir), ".ismsdesk-*.tmp"),
	} {
		matches, _ := filepath.Glob(pattern)
		for _, m := range matches {
			remove(m, 0) // only a writer holding this folder makes these
		}
	}
	matches, _ := filepath.Glob(dir + restoreCopyInfix + "*.tmp")
	for _, m := range matches {
		remove(m, time.Hour) // a restore into this folder may be reading its backup
	}
	entries, _ := os.ReadDir(TempDir(dir))
	for _, e := range entries {
		remove(filepath.Join(TempDir(dir), e.Name()), tempGrace)
	}
}
