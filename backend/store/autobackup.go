package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
)

// Why an automatic backup was made; the reason ends its file name.
const (
	ReasonDaily     = "daily"
	ReasonImport    = "before-import"
	ReasonRestore   = "before-restore"
	ReasonMigration = "before-migration"
	ReasonManual    = "manual"
)

// How many automatic backups are kept.
const (
	DefaultKeepBackups = 10
	MaxKeepBackups     = 100
	settingKeepBackups = "backups.keep"
)

const (
	autoPrefix    = "auto-"
	autoStamp     = "20060102-150405"
	BackupFileExt = ".ismsbackup" // the extension of backup files
)

// BackupDir returns the folder of the automatic backups of the data folder dir: beside it,
// named after it (<dir>-backups), so that a restore, which replaces dir, keeps them.
func BackupDir(dir string) string {
	dir = filepath.Clean(dir)
	return filepath.Join(filepath.Dir(dir), filepath.Base(dir)+"-backups")
}

// BackupFile is a backup in the backup folder.
type BackupFile struct {
	Path    string
	Name    string
	Size    int64
	ModTime time.Time
	// Auto is set for the automatic backups, which are the ones removed beyond the number
	// kept; Reason says why one was made.
	Auto   bool
	Reason string
}

// AutoBackup writes a backup into the backup folder (private, mode 0600) and then removes
// the oldest automatic backups beyond the number to keep. It returns the backup's path; an
// in-memory store has no folder and returns "".
func (db *DB) AutoBackup(reason string) (string, error) {
	if db.opt.InMemory {
		return "", nil
	}
	bdir := BackupDir(db.dir)
	if err := os.MkdirAll(bdir, 0o700); err != nil {
		return "", fmt.Errorf("store: unable to create the backup folder %s: %w", bdir, err)
	}
	base := autoPrefix + db.opt.Clock().UTC().Format(autoStamp) + "-" + reason
	path := filepath.Join(bdir, base+BackupFileExt)
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); os.IsNotExist(err) {
			break
		}
		path = filepath.Join(bdir, base+"-"+strconv.Itoa(i)+BackupFileExt)
	}
	if err := safefile.Write(path, db.Backup); err != nil {
		return "", err
	}
	keep, err := db.KeepBackups()
	if err != nil {
		return path, err
	}
	if err := pruneBackups(bdir, keep); err != nil {
		db.opt.Logger.Warn("unable to remove old automatic backups", "dir", bdir, "err", err)
	}
	return path, nil
}

// AutoBackupDue reports whether the newest automatic backup is at least every old (by the
// time in its name), or there is none.
func (db *DB) AutoBackupDue(every time.Duration) (bool, error) {
	files, err := ListBackups(db.dir)
	if err != nil {
		return false, err
	}
	var last time.Time
	for _, f := range files {
		if t, ok := autoTime(f.Name); ok && t.After(last) {
			last = t
		}
	}
	return last.IsZero() || db.opt.Clock().Sub(last) >= every, nil
}

// KeepBackups returns how many automatic backups are kept.
func (db *DB) KeepBackups() (int, error) {
	var v string
	err := db.View(func(tx *Tx) error {
		var err error
		v, err = tx.Setting(settingKeepBackups)
		return err
	})
	if err != nil || v == "" {
		return DefaultKeepBackups, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return DefaultKeepBackups, nil
	}
	return n, nil
}

// SetKeepBackups sets how many automatic backups are kept (1 to MaxKeepBackups) and removes
// the ones beyond it.
func (db *DB) SetKeepBackups(n int) error {
	if n < 1 || n > MaxKeepBackups {
		return &isms.Error{Code: isms.CodeInvalid, Message: fmt.Sprintf("keep between 1 and %d automatic backups", MaxKeepBackups),
			Fields: map[string]string{"keepBackups": fmt.Sprintf("Enter a number from 1 to %d", MaxKeepBackups)}}
	}
	if err := db.Update(func(tx *Tx) error { return tx.SetSetting(settingKeepBackups, strconv.Itoa(n)) }); err != nil {
		return err
	}
	if db.opt.InMemory {
		return nil
	}
	return pruneBackups(BackupDir(db.dir), n)
}

// ListBackups lists the backup files in the backup folder of the data folder dir, newest
// first; none when the folder does not exist.
func ListBackups(dir string) ([]BackupFile, error) {
	return listBackupDir(BackupDir(dir))
}

func listBackupDir(bdir string) ([]BackupFile, error) {
	entries, err := os.ReadDir(bdir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to list the backups in %s: %w", bdir, err)
	}
	var out []BackupFile
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, BackupFileExt) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		f := BackupFile{Path: filepath.Join(bdir, name), Name: name, Size: fi.Size(), ModTime: fi.ModTime()}
		if _, ok := autoTime(name); ok {
			f.Auto = true
			f.Reason = autoReason(name)
		}
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].ModTime.Equal(out[j].ModTime) {
			return out[i].ModTime.After(out[j].ModTime)
		}
		return out[i].Name > out[j].Name
	})
	return out, nil
}

// autoTime reads the time in an automatic backup's name.
func autoTime(name string) (time.Time, bool) {
	if !strings.HasPrefix(name, autoPrefix) || len(name) < len(autoPrefix)+len(autoStamp) {
		return time.Time{}, false
	}
	t, err := time.Parse(autoStamp, name[len(autoPrefix):len(autoPrefix)+len(autoStamp)])
	return t, err == nil
}

// autoReason reads the reason in an automatic backup's name.
func autoReason(name string) string {
	r := strings.TrimSuffix(name[len(autoPrefix)+len(autoStamp):], BackupFileExt)
	r = strings.TrimPrefix(r, "-")
	if i := strings.LastIndexByte(r, '-'); i > 0 {
		if _, err := strconv.Atoi(r[i+1:]); err == nil {
			r = r[:i]
		}
	}
	return r
}

// pruneBackups removes the oldest automatic backups in bdir beyond keep.
func pruneBackups(bdir string, keep int) error {
	files, err := listBackupDir(bdir)
	if err != nil {
		return err
	}
	n := 0
	for _, f := range files {
		if !f.Auto {
			continue
		}
		n++
		if n > keep {
			if err := os.Remove(f.Path); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	return nil
}
