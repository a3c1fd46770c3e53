// Package safefile writes files so that a failed, cancelled or interrupted write never
// leaves a partial file behind.
package safefile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// tmpPattern names the temporary files Write makes; stale is how long one lies untouched
// before it is taken for what a killed write left behind (a running write keeps touching
// its file).
const (
	tmpPattern = ".ismsdesk-*.tmp"
	stale      = 5 * time.Minute
)

// Write writes path through a temporary file beside it, synced and then renamed into
// place, and syncs the folder; on any error the temporary file is removed and path is left
// as it was. The file is private to the user (mode 0600): backups and exports hold what an
// ISMS keeps confidential.
func Write(path string, write func(w io.Writer) error) error {
	sweep(filepath.Dir(path))
	tmp, err := os.CreateTemp(filepath.Dir(path), tmpPattern)
	if err != nil {
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	return nil
}

// sweep removes the temporary files a killed write left in dir (a full, possibly
// unencrypted copy of a backup or an export): the next write into the folder cleans up.
func sweep(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, tmpPattern))
	for _, f := range old {
		if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > stale {
			os.Remove(f)
		}
	}
}

// syncDir makes a rename in dir durable; Windows cannot sync a folder.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
