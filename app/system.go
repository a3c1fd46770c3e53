package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// DashboardService serves the home screen.
type DashboardService struct{ app *App }

// Summary returns the dashboard's live counts.
func (s *DashboardService) Summary() (overview.Dashboard, error) {
	var out overview.Dashboard
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		out, err = overview.Summary(tx, s.app.clock())
		return err
	})
	return out, err
}

// SystemService tells the window about the installation, and backs up, restores and
// verifies its data.
type SystemService struct {
	app *App

	restoring canceller

	mu      sync.Mutex
	checked map[string]checkedBackup // backup files verified, by path
}

// Info describes the running application and its data folder.
type Info struct {
	Name          string `json:"name"`
	Version       string `json:"version"`
	DataDir       string `json:"dataDir"`
	SchemaVersion int    `json:"schemaVersion"`
	// Error is set when the data folder could not be opened, e.g. another window holds it.
	Error string `json:"error"`
	// Encrypted is set when the data folder has a passphrase; Locked while it waits for
	// Unlock (the window shows its unlock screen, and Error is "").
	Encrypted bool `json:"encrypted"`
	Locked    bool `json:"locked"`
}

// Info returns the application's name, version and data folder, and why the folder is
// not open when it is not.
func (s *SystemService) Info() Info {
	out := Info{Name: buildinfo.Name, Version: buildinfo.Version, DataDir: s.app.dataDir, Encrypted: store.IsEncrypted(s.app.dataDir)}
	s.app.mu.RLock()
	out.Locked = s.app.locked
	s.app.mu.RUnlock()
	if out.Locked {
		return out
	}
	db, err := s.app.store()
	if err != nil {
		out.Error = err.Error()
		return out
	}
	out.SchemaVersion = db.SchemaVersion()
	return out
}

// Backup asks where to save a backup of the whole database and writes it there (private
// to the user, mode 0600); it returns the path, or "" when the user cancelled.
func (s *SystemService) Backup() (string, error) {
	db, err := s.app.store()
	if err != nil {
		return "", err
	}
	name := "ismsdesk-backup-" + s.app.clock().Format("2006-01-02") + ".ismsbackup"
	path, err := s.app.saveFileDialog("Back up the database", name,
		[]runtime.FileFilter{{DisplayName: "ISMS Desk backup (*.ismsbackup)", Pattern: "*.ismsbackup"}})
	if err != nil || path == "" {
		return "", err
	}
	return path, safefile.Write(path, db.Backup)
}

// Preferences are the user's settings.
type Preferences struct {
	// DayFirst reads dates such as 03/04/2024 in spreadsheets as 3 April.
	DayFirst bool `json:"dayFirst"`
	// KeepBackups is how many automatic backups are kept (1 to 100); 0 leaves it as it is.
	KeepBackups int `json:"keepBackups"`
}

// Preferences returns the user's settings.
func (s *SystemService) Preferences() (Preferences, error) {
	db, err := s.app.store()
	if err != nil {
		return Preferences{}, err
	}
	dayFirst, err := importer.DayFirst(db)
	if err != nil {
		return Preferences{}, err
	}
	keep, err := db.KeepBackups()
	return Preferences{DayFirst: dayFirst, KeepBackups: keep}, err
}

// SetPreferences stores the user's settings; a number of backups to keep outside 1 to 100
// is refused on the field keepBackups. Lowering it removes the oldest automatic backups.
func (s *SystemService) SetPreferences(p Preferences) error {
	db, err := s.app.store()
	if err != nil {
		return err
	}
	if p.KeepBackups != 0 {
		keep, err := db.KeepBackups()
		if err != nil {
			return err
		}
		if p.KeepBackups != keep {
			if err := db.SetKeepBackups(p.KeepBackups); err != nil {
				return err
			}
		}
	}
	return importer.SetDayFirst(db, p.DayFirst)
}

// KindCount is how many records of one kind a backup holds.
type KindCount struct {
	Kind  string `json:"kind"`
	Label string `json:"label"` // plural, e.g. "Risks"
	Count int    `json:"count"`
}

// BackupSummary is what a backup file holds, as its header and trailer say.
type BackupSummary struct {
	Path string `json:"path"`
	Name string `json:"name"`
	// Verified is set when every checksum was checked; old-format backups (before format
	// 2) have none and say so in Warning.
	Verified       bool        `json:"verified"`
	Warning        string      `json:"warning"`
	Format         int         `json:"format"`
	CreatedAt      string      `json:"createdAt"` // RFC 3339, "" when the file does not say
	App            string      `json:"app"`
	Schema         int         `json:"schema"`
	Size           int64       `json:"size"`
	Total          int         `json:"total"` // records of every kind
	Records        []KindCount `json:"records"`
	Files          int         `json:"files"`
	HistoryEntries int         `json:"historyEntries"`
	HistoryHead    string      `json:"historyHead"`
	// Encrypted is set for a backup made with a passphrase: restoring it asks for it.
	Encrypted bool `json:"encrypted"`
}

func summarise(path string, info store.BackupInfo) BackupSummary {
	out := BackupSummary{Path: path, Name: filepath.Base(path), Verified: info.Verified, Format: info.Format,
		App: info.App, Schema: info.Schema, Size: info.Size, Files: info.Files,
		HistoryEntries: int(info.HistoryEntries), HistoryHead: info.HistoryHead, Records: []KindCount{}, Encrypted: info.Encrypted}
	if !info.CreatedAt.IsZero() {
		out.CreatedAt = info.CreatedAt.UTC().Format(time.RFC3339)
	}
	if !info.Verified {
		out.Warning = "This backup was made by an older version of ISMS Desk, without checksums: the file cannot be checked before it is restored. The restored data is checked (its history and indexes) before it replaces anything."
	}
	for k, n := range info.Records {
		label := isms.Kind(k).Plural()
		if label == "" {
			label = k
		}
		out.Records = append(out.Records, KindCount{Kind: k, Label: strings.ToUpper(label[:1]) + label[1:], Count: n})
		out.Total += n
	}
	sort.Slice(out.Records, func(i, j int) bool { return out.Records[i].Label < out.Records[j].Label })
	return out
}

// ChooseBackup opens the native file dialog for a backup to restore; "" when the user
// cancels.
func (s *SystemService) ChooseBackup() (string, error) {
	return s.app.openFileDialog("Restore from a backup", []runtime.FileFilter{
		{DisplayName: "ISMS Desk backup (*.ismsbackup)", Pattern: "*.ismsbackup"},
		{DisplayName: "All files", Pattern: "*"},
	})
}

// InspectBackup reads the backup at path and checks every checksum in it; a damaged or
// truncated file is refused with a message saying where. Nothing is changed.
func (s *SystemService) InspectBackup(path string) (BackupSummary, error) {
	if strings.TrimSpace(path) == "" {
		return BackupSummary{}, isms.Errorf(isms.CodeInvalid, "choose a backup file")
	}
	info, err := store.InspectBackupFile(path)
	if err != nil {
		return BackupSummary{}, err
	}
	return summarise(path, info), nil
}

// RestoreProgress is the payload of the "restore:progress" event.
type RestoreProgress = store.RestoreProgress

// Unlock opens the encrypted data folder with its passphrase. A wrong passphrase is
// refused on the field passphrase and changes nothing; the window stays locked.
func (s *SystemService) Unlock(passphrase string) (Info, error) {
	if passphrase == "" {
		return Info{}, &isms.Error{Code: isms.CodeInvalid, Message: "enter the passphrase", Fields: map[string]string{"passphrase": "Enter the passphrase"}}
	}
	if err := s.app.unlock(passphrase); err != nil {
		return Info{}, err
	}
	return s.Info(), nil
}

// PassphraseStatus says whether the data has a passphrase, from which history entry the
// chain is keyed with it, and how many backups in the backup folder are not encrypted.
type PassphraseStatus struct {
	Encrypted bool `json:"encrypted"`
	// KeyedFrom is the first history entry keyed with the passphrase (0 when none is set).
	KeyedFrom int `json:"keyedFrom"`
	// PlainBackups counts the backups in the backup folder that are not encrypted: anyone
	// with the files can read them.
	PlainBackups int `json:"plainBackups"`
	MinLength    int `json:"minLength"`
}

// Passphrase returns the passphrase status of the data folder.
func (s *SystemService) Passphrase() (PassphraseStatus, error) {
	db, err := s.app.store()
	if err != nil {
		return PassphraseStatus{}, err
	}
	out := PassphraseStatus{Encrypted: db.Encrypted(), MinLength: store.MinPassphrase}
	if ok, from := db.Keyed(); ok {
		out.KeyedFrom = int(from)
	}
	if out.Encrypted {
		list, err := s.Backups()
		if err != nil {
			return out, err
		}
		for _, b := range list.Backups {
			if !b.Encrypted && b.Status != "damaged" {
				out.PlainBackups++
			}
		}
	}
	return out, nil
}

// SetPassphrase sets (current ""), changes or removes (next "") the passphrase of the data.
// A wrong current passphrase is refused on the field current, a new one too short on the
// field passphrase; nothing changes then. The data is rewritten into a new folder, checked
// (record counts, stored files, history) and swapped in, so that no record is lost; then
// the store opens again with the new passphrase. Refused while an import or restore runs.
func (s *SystemService) SetPassphrase(current, next string) (PassphraseStatus, error) {
	if next != "" {
		if err := store.CheckNewPassphrase(next); err != nil {
			return PassphraseStatus{}, err
		}
	}
	if store.IsEncrypted(s.app.dataDir) {
		if err := store.CheckPassphrase(s.app.dataDir, current); err != nil {
			var e *isms.Error
			if errors.As(err, &e) && e.Fields["passphrase"] != "" {
				return PassphraseStatus{}, &isms.Error{Code: isms.CodeInvalid, Message: e.Message, Fields: map[string]string{"current": e.Fields["passphrase"]}}
			}
			return PassphraseStatus{}, err
		}
	} else if next == "" {
		return PassphraseStatus{}, isms.Errorf(isms.CodeInvalid, "the data has no passphrase to remove")
	}
	_, done, ok := s.restoring.tryStart()
	if !ok {
		return PassphraseStatus{}, isms.Errorf(isms.CodeLocked, "a restore is running; wait for it to finish")
	}
	defer done()
	_, importDone, ok := s.app.Import.running.tryStart()
	if !ok {
		return PassphraseStatus{}, isms.Errorf(isms.CodeLocked, "an import is running; wait for it to finish, or cancel it, before changing the passphrase")
	}
	defer importDone()
	err := s.app.reopen(func() error {
		if err := store.ChangePassphrase(s.app.dataDir, current, next, s.app.storeOptions()); err != nil {
			return err
		}
		s.app.mu.Lock()
		s.app.pass = next
		s.app.mu.Unlock()
		return nil
	})
	if err != nil {
		return PassphraseStatus{}, err
	}
	return s.Passphrase()
}

// Restore replaces the data with the backup at path. The backup is checked in full first
// and a damaged one changes nothing; an automatic backup of the current data is made; the
// restored data is checked (record counts, history chain and head) before it is swapped
// in; then the store is opened again on it. It sends "restore:progress" events;
// CancelRestore stops it until the swap begins. Refused while an import runs. An
// encrypted backup needs passphrase (the one its data had when it was made), refused on
// the field passphrase when wrong; the data then has that passphrase, and a plain backup
// restores plain data. While the window is locked (the passphrase forgotten), the
// encrypted data is kept in the backup folder and replaced.
func (s *SystemService) Restore(path, passphrase string) (BackupSummary, error) {
	if strings.TrimSpace(path) == "" {
		return BackupSummary{}, isms.Errorf(isms.CodeInvalid, "choose a backup file")
	}
	head, err := store.InspectBackupFile(path)
	if err != nil {
		return BackupSummary{}, err
	}
	if err := store.CheckBackupPassphrase(head, passphrase); err != nil {
		return BackupSummary{}, err
	}
	ctx, done, ok := s.restoring.tryStart()
	if !ok {
		return BackupSummary{}, isms.Errorf(isms.CodeLocked, "a restore is already running")
	}
	defer done()
	_, importDone, ok := s.app.Import.running.tryStart()
	if !ok {
		return BackupSummary{}, isms.Errorf(isms.CodeLocked, "an import is running; wait for it to finish, or cancel it, before restoring")
	}
	defer importDone()
	var info store.BackupInfo
	err = s.app.reopen(func() error {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("unable to open the backup %s: %w", path, err)
		}
		defer f.Close()
		s.app.mu.RLock()
		locked := s.app.locked
		s.app.mu.RUnlock()
		info, err = store.RestoreFrom(s.app.dataDir, f, store.RestoreOptions{Force: true, Context: ctx, Passphrase: passphrase, ReplaceLocked: locked,
			Progress: func(p store.RestoreProgress) { s.app.emit("restore:progress", p) }},
			s.app.storeOptions())
		if err == nil {
			s.app.mu.Lock()
			s.app.pass = ""
			if info.Encrypted {
				s.app.pass = passphrase
			}
			s.app.mu.Unlock()
		}
		return err
	})
	s.app.mu.Lock()
	if s.app.db != nil && s.app.locked {
		s.app.locked = false
		s.app.afterOpen(s.app.db) // the work that follows a start, which the locked start skipped
	}
	s.app.mu.Unlock()
	if err != nil {
		return BackupSummary{}, err
	}
	return summarise(path, info), nil
}

// CancelRestore stops a running restore; until the swap begins nothing is changed.
func (s *SystemService) CancelRestore() {
	s.restoring.stop()
}

// BackupEntry is one backup in the backup folder, with the result of checking it.
type BackupEntry struct {
	Path      string `json:"path"`
	Name      string `json:"name"`
	CreatedAt string `json:"createdAt"` // RFC 3339: from the backup's header, else the file's time
	Size      int64  `json:"size"`
	// Reason says why an automatic backup was made; "" for other files in the folder.
	Reason string `json:"reason"`
	// Status is "verified", "unverified" (old format, no checksums) or "damaged".
	Status  string `json:"status"`
	Problem string `json:"problem"` // what is wrong with a damaged backup
	Total   int    `json:"total"`   // records it holds (verified backups)
	// Encrypted is set for a backup made with a passphrase.
	Encrypted bool `json:"encrypted"`
}

// BackupFolder is the folder of automatic backups.
type BackupFolder struct {
	Dir     string        `json:"dir"`
	Keep    int           `json:"keep"`
	Backups []BackupEntry `json:"backups"`
}

// checkedBackup is the remembered result of checking one backup file.
type checkedBackup struct {
	size  int64
	mod   time.Time
	entry BackupEntry
}

var reasonLabels = map[string]string{
	store.ReasonDaily: "Daily", store.ReasonImport: "Before an import", store.ReasonRestore: "Before a restore",
	store.ReasonMigration: "Before an upgrade", store.ReasonManual: "Made by hand",
	store.ReasonPassphrase: "Before a passphrase change",
}

// Backups lists the backups in the backup folder, newest first, each checked (the result
// is remembered while the file is unchanged).
func (s *SystemService) Backups() (BackupFolder, error) {
	db, err := s.app.store()
	if err != nil {
		return BackupFolder{}, err
	}
	keep, err := db.KeepBackups()
	if err != nil {
		return BackupFolder{}, err
	}
	files, err := store.ListBackups(s.app.dataDir)
	if err != nil {
		return BackupFolder{}, err
	}
	out := BackupFolder{Dir: store.BackupDir(s.app.dataDir), Keep: keep, Backups: []BackupEntry{}}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.checked == nil {
		s.checked = map[string]checkedBackup{}
	}
	seen := map[string]bool{}
	for _, f := range files {
		seen[f.Path] = true
		if c, ok := s.checked[f.Path]; ok && c.size == f.Size && c.mod.Equal(f.ModTime) {
			out.Backups = append(out.Backups, c.entry)
			continue
		}
		e := BackupEntry{Path: f.Path, Name: f.Name, Size: f.Size, Reason: reasonLabels[f.Reason],
			CreatedAt: f.ModTime.UTC().Format(time.RFC3339)}
		if f.Auto && e.Reason == "" {
			e.Reason = "Automatic"
		}
		info, err := store.InspectBackupFile(f.Path)
		switch {
		case err != nil:
			e.Status, e.Problem = "damaged", err.Error()
			var ie *isms.Error
			if errors.As(err, &ie) {
				e.Problem = ie.Message
			}
		case !info.Verified:
			e.Status = "unverified"
		default:
			e.Status = "verified"
			e.CreatedAt = info.CreatedAt.UTC().Format(time.RFC3339)
			e.Total = summarise(f.Path, info).Total
			e.Encrypted = info.Encrypted
		}
		s.checked[f.Path] = checkedBackup{size: f.Size, mod: f.ModTime, entry: e}
		out.Backups = append(out.Backups, e)
	}
	for p := range s.checked {
		if !seen[p] {
			delete(s.checked, p)
		}
	}
	return out, nil
}

// BackupNow makes a backup into the backup folder at once.
func (s *SystemService) BackupNow() (string, error) {
	db, err := s.app.store()
	if err != nil {
		return "", err
	}
	return db.AutoBackup(store.ReasonManual)
}

// backupIfDue makes the daily automatic backup when the last one is a day old; the window
// starts it in the background.
func (s *SystemService) backupIfDue() {
	db, err := s.app.store()
	if err != nil {
		return
	}
	due, err := db.AutoBackupDue(24 * time.Hour)
	if err == nil && due {
		_, err = db.AutoBackup(store.ReasonDaily)
	}
	if err != nil {
		s.app.log.Error("the daily automatic backup failed", "err", err)
	}
}

// backupBeforeImport makes the automatic backup that precedes every import; an import
// does not start without it.
func (a *App) backupBeforeImport(db *store.DB) error {
	if _, err := db.AutoBackup(store.ReasonImport); err != nil {
		return fmt.Errorf("the automatic backup made before every import failed, so nothing was imported: %w", err)
	}
	return nil
}

// HistoryCheck is what walking the change history found.
type HistoryCheck struct {
	OK      bool   `json:"ok"`
	Entries int    `json:"entries"` // entries that verified
	HeadSeq int    `json:"headSeq"` // the last entry's number
	Head    string `json:"head"`    // the last entry's hash
	Records int    `json:"records"` // records that match their last entry
	// KeyedFrom is the first entry whose hash is keyed with the passphrase (HMAC-SHA256),
	// so that rewriting it needs the passphrase; 0 when the chain is plain SHA-256.
	KeyedFrom int `json:"keyedFrom"`
	// Broken is the first entry that does not verify; nil when OK.
	Broken *BrokenEntry `json:"broken"`
}

// BrokenEntry is where the history stops verifying.
type BrokenEntry struct {
	Seq     int    `json:"seq"`     // the entry's number; 0 for a record with no entry
	At      string `json:"at"`      // RFC 3339, "" when unknown
	Kind    string `json:"kind"`    // e.g. "Risk"
	Record  string `json:"record"`  // the record's ref and title, or "(deleted)" when it is gone
	Problem string `json:"problem"` // e.g. "does not match its hash"
}

// VerifyHistory walks the whole change history: each entry must link to the one before it
// and match its own hash, the chain must end where the store says, and every record must
// be the one its last entry recorded. It reports the number of entries, the head hash and
// the first broken entry.
func (s *SystemService) VerifyHistory() (HistoryCheck, error) {
	db, err := s.app.store()
	if err != nil {
		return HistoryCheck{}, err
	}
	rep, err := db.CheckHistory()
	if err != nil {
		return HistoryCheck{}, err
	}
	out := HistoryCheck{OK: rep.Broken == nil, Entries: rep.Entries, HeadSeq: int(rep.HeadSeq), Head: rep.Head, Records: rep.Records}
	if ok, from := db.Keyed(); ok {
		out.KeyedFrom = int(from)
	}
	if b := rep.Broken; b != nil {
		e := &BrokenEntry{Seq: int(b.Seq), Problem: b.Problem}
		if !b.At.IsZero() {
			e.At = b.At.UTC().Format(time.RFC3339)
		}
		if b.Kind != "" {
			e.Kind = singular(b.Kind)
			e.Record = "(deleted)"
			_ = db.View(func(tx *store.Tx) error {
				if rec, err := tx.Get(b.Kind, b.ID); err == nil {
					t := rec.Terms()
					e.Record = strings.TrimSpace(t.Ref + " " + t.Title)
				}
				return nil
			})
		}
		out.Broken = e
	}
	return out, nil
}
