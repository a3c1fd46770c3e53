// Package safefile writes files so that a failed, cancelled or interrupted write never
// leaves a partial file behind.
package safefile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
)

// Write writes path through a temporary file beside it, synced and then renamed into
// place, and syncs the folder; on any error the temporary file is removed and path is left
// as it was. The file is private to the user (mode 0600): backups and exports hold what an
// ISMS keeps confidential.
func Write(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ismsdesk-*.tmp")
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
