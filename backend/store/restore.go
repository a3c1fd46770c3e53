package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// markerFile marks a folder as an ISMS Desk data folder; Open writes it. Restore replaces
// only an empty folder or a folder with this marker (or, for folders made before the marker
// existed, a Badger folder holding an ISMS Desk schema version).
const (
	markerFile = "ISMSDESK-DATA.txt"
	markerText = "This folder holds the data of ISMS Desk. Do not edit, move or delete its files by hand:\n" +
		"back it up and restore it from ISMS Desk (Data & backup).\n"
)

// RestoreOptions tune RestoreFrom.
type RestoreOptions struct {
	// Force allows replacing an ISMS Desk data folder that holds data. A folder that is
	// neither empty nor an ISMS Desk data folder is never replaced.
	Force bool
	// Context cancels the restore; until the swap starts, nothing is changed.
	Context context.Context
	// Progress, when set, hears how far the restore has got.
	Progress func(RestoreProgress)
	// Passphrase unlocks an encrypted backup: the passphrase its folder had when it was
	// made. The restored folder is encrypted with it (its key file comes from the backup);
	// a plain backup restores into a plain folder. The passphrase of the folder being
	// replaced is the Options' one.
	Passphrase string
	// ReplaceLocked, with Force, lets a restore replace an encrypted data folder whose
	// passphrase is not given (forgotten): it is not opened, and instead of the automatic
	// backup its encrypted files are copied into the backup folder, as
	// locked-<time>/, so that it can still be opened should the passphrase come back.
	ReplaceLocked bool
}

// RestoreProgress is one step of a restore: Step is "check" (reading the backup and its
// checksums), "load" (writing the restored folder), "verify" (checking the restored
// folder) or "swap" (putting it in place); Done and Total count bytes of the backup for the
// first two, and 0 of 1 and 1 of 1 for the others.
type RestoreProgress struct {
	Step  string `json:"step"`
	Done  int64  `json:"done"`
	Total int64  `json:"total"`
}

// swapCrash, when set (tests), is asked after each step of a swap; true stops the swap
// there as if the process had died, with no clean-up.
var swapCrash func(step string) bool

// errCrashed is the error of a swap stopped by swapCrash.
var errCrashed = errors.New("store: simulated crash")

// Restore loads a backup into the data folder dir; see RestoreFrom.
func Restore(dir string, r io.Reader, force bool, opt Options) error {
	_, err := RestoreFrom(dir, r, RestoreOptions{Force: force}, opt)
	return err
}

// RestoreFrom restores the backup r into the data folder dir and returns what it held.
//
// First the whole backup is read and checked (format 2: every checksum, the end marker and
// the summary); a damaged or truncated backup is refused before anything is touched. dir must
// be missing, empty, or an ISMS Desk data folder (then only with Force, and never while
// another window or command holds it); before replacing data, an automatic backup of it is
// made. The backup is loaded into a new folder beside dir, which is then opened and checked:
// its record counts must equal the backup's summary, its history chain must verify and end at
// the backup's head, and every record must be the one its history last recorded. Only then
// is it swapped in, by two renames under a journal (<dir>.restore-journal) that the next Open
// uses to finish or undo a swap that a crash interrupted.
//
// Format-1 backups (before version 2) carry no checksums: they are restored, with the same
// checks of the restored folder, and reported with Verified false.
//
// An encrypted backup needs ro.Passphrase: without it, or with a wrong one, it is refused
// (IsPassphraseError) before the target is touched.
func RestoreFrom(dir string, r io.Reader, ro RestoreOptions, opt Options) (info BackupInfo, err error) {
	if opt.InMemory {
		return info, isms.Errorf(isms.CodeInvalid, "a backup cannot be restored into memory")
	}
	opt = withDefaults(opt)
	opt.ReadOnly = false
	ctx := ro.Context
	if ctx == nil {
		ctx = context.Background()
	}
	progress := func(step string, done, total int64) {
		if ro.Progress != nil {
			ro.Progress(RestoreProgress{Step: step, Done: done, Total: total})
		}
	}
	dir, err = filepath.Abs(filepath.Clean(dir))
	if err != nil {
		return info, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return info, fmt.Errorf("store: unable to create the parent of %s: %w", dir, err)
	}
	rs, size, cleanup, err := seekable(r, parent, filepath.Base(dir))
	if err != nil {
		return info, err
	}
	defer cleanup()
	start, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return info, err
	}

	// 1. The whole backup, checked before anything is touched.
	info, err = inspect(&ctxReader{ctx, rs}, nil, func(n int64) { progress("check", n, size) }, nil)
	if err != nil {
		return info, refused(ctx, err)
	}
	if info.Schema > schemaVersion {
		return info, newerSchemaError("the backup", info.Schema)
	}
	// The restored folder is encrypted with the backup's keys, or plain.
	ropt := opt
	ropt.Passphrase, ropt.keys = "", nil
	if info.Encrypted {
		if ropt.keys, err = unlock(info.enc, ro.Passphrase, "the backup"); err != nil {
			return info, err
		}
	}

	// 2. The target: empty, missing or ours; held while the backup loads. A swap that a
	// crash interrupted is finished or undone first, as Open would.
	if err := recoverSwap(dir, opt); err != nil {
		return info, err
	}
	var guard *DB
	if ro.Force && ro.ReplaceLocked && IsEncrypted(dir) && opt.Passphrase == "" && opt.keys == nil {
		err = keepLocked(dir, opt)
	} else {
		guard, err = checkTarget(dir, ro.Force, opt)
	}
	if err != nil {
		return info, err
	}
	defer func() {
		if guard != nil {
			_ = guard.Close()
		}
	}()
	if guard != nil {
		if _, err := guard.AutoBackup(ReasonRestore); err != nil {
			return info, fmt.Errorf("store: the backup of the data about to be replaced failed, so nothing was restored: %w", err)
		}
	}

	// 3. Load into a new folder beside the target.
	tmp, err := os.MkdirTemp(parent, filepath.Base(dir)+restoreTmpInfix)
	if err != nil {
		return info, fmt.Errorf("store: unable to create a folder to restore into: %w", err)
	}
	defer func() {
		if err != nil && !errors.Is(err, errCrashed) {
			_ = os.RemoveAll(tmp)
		}
	}()
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return info, err
	}
	if ropt.keys != nil {
		if err := writeKeyFile(tmp, ropt.keys.file); err != nil {
			return info, err
		}
	}
	if err := load(tmp, &ctxReader{ctx, rs}, info.Format, ropt, func(n int64) { progress("load", n, size) }); err != nil {
		return info, refused(ctx, err)
	}

	// 4. Open the restored folder and check it against the backup.
	progress("verify", 0, 1)
	if err := checkRestored(tmp, &info, ropt); err != nil {
		return info, refused(ctx, err)
	}
	if err := ctx.Err(); err != nil {
		return info, refused(ctx, err)
	}
	if err := syncTree(tmp); err != nil {
		return info, fmt.Errorf("store: unable to write the restored data to disk: %w", err)
	}
	progress("verify", 1, 1)

	// 5. Swap it in.
	progress("swap", 0, 1)
	if guard != nil {
		if err := guard.Close(); err != nil {
			return info, err
		}
		guard = nil
	}
	if err := swapIn(dir, tmp, opt); err != nil {
		return info, err
	}
	progress("swap", 1, 1)
	return info, nil
}

// refused words a refusal: the data was not changed.
func refused(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return isms.Errorf(isms.CodeCancelled, "the restore was cancelled; the data was not changed")
	}
	var e *isms.Error
	if errors.As(err, &e) {
		return isms.Errorf(e.Code, "%s; nothing was restored and the data was not changed", e.Message)
	}
	return fmt.Errorf("%w; nothing was restored and the data was not changed", err)
}

// ctxReader fails its reads once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// seekable returns r when it can seek, else a private temporary copy of it in dir, named
// after the data folder base (<base>.restore-copy-*.tmp) so that Open sweeps it when a
// crash left it.
func seekable(r io.Reader, dir, base string) (io.ReadSeeker, int64, func(), error) {
	if rs, ok := r.(io.ReadSeeker); ok {
		cur, err := rs.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, 0, nil, err
		}
		end, err := rs.Seek(0, io.SeekEnd)
		if err != nil {
			return nil, 0, nil, err
		}
		if _, err := rs.Seek(cur, io.SeekStart); err != nil {
			return nil, 0, nil, err
		}
		return rs, end - cur, func() {}, nil
	}
	f, err := os.CreateTemp(dir, base+restoreCopyInfix+"*.tmp")
	if err != nil {
		return nil, 0, nil, fmt.Errorf("store: unable to read the backup: %w", err)
	}
	cleanup := func() { f.Close(); os.Remove(f.Name()) }
	n, err := io.Copy(f, r)
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		cleanup()
		return nil, 0, nil, fmt.Errorf("store: unable to read the backup: %w", err)
	}
	return f, n, cleanup, nil
}

// checkTarget refuses a target that is neither missing, empty nor an ISMS Desk data folder,
// one with data unless force, and one in use. For a folder with data it returns the folder
// open, which keeps other windows and commands out until the swap.
func checkTarget(dir string, force bool, opt Options) (*DB, error) {
	st, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the data folder %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, isms.Errorf(isms.CodeInvalid, "%s is a file, not a folder; choose an empty folder to restore into", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the data folder %s: %w", dir, err)
	}
	if len(entries) == 0 {
		return nil, nil
	}
	ours, err := isDataFolder(dir, opt)
	if err != nil {
		return nil, err
	}
	if !ours {
		return nil, isms.Errorf(isms.CodeInvalid,
			"the folder %s is not empty and does not hold ISMS Desk data; a backup is restored only into an empty folder or over an ISMS Desk data folder, so nothing in it was changed; choose an empty folder", dir)
	}
	if !force {
		return nil, isms.Errorf(isms.CodeInvalid,
			"the data folder %s holds ISMS Desk data; restore into an empty folder, or confirm that its content is to be replaced", dir)
	}
	o := opt
	o.noAutoBackup = true
	db, err := Open(dir, o)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// isDataFolder reports whether dir is an ISMS Desk data folder: it has the marker file, or
// it is a Badger folder holding an ISMS Desk schema version (folders from before the marker).
func isDataFolder(dir string, opt Options) (bool, error) {
	if _, err := os.Stat(filepath.Join(dir, markerFile)); err == nil {
		return true, nil
	}
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err != nil {
		return false, nil
	}
	o := opt
	o.ReadOnly = true
	bdb, err := openBadger(dir, o)
	if err != nil {
		if isLockError(err) {
			return false, lockedError(dir)
		}
		return false, nil
	}
	defer bdb.Close()
	v := 0
	err = bdb.View(func(txn *badger.Txn) error {
		v, err = readSchema(txn)
		return err
	})
	return err == nil && v > 0, nil
}

// load loads the backup r (payload of format 2, or a format-1 stream) into the empty folder
// dir and checks its schema version.
func load(dir string, r io.Reader, format int, opt Options, progress func(int64)) (err error) {
	bdb, err := openBadger(dir, opt)
	if err != nil {
		return fmt.Errorf("store: unable to open %s: %w", dir, err)
	}
	defer func() {
		if cerr := bdb.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("store: unable to close %s: %w", dir, cerr)
		}
	}()
	if format == 1 {
		cr := &countReader{r: r, progress: progress}
		if err := loadStream(bdb, cr); err != nil {
			return isms.Errorf(isms.CodeInvalid, "the file is not an ISMS Desk backup or is damaged: %v", err)
		}
	} else {
		// The payload goes to Badger as the file is read and checked again, so that a file
		// changed since the first check is caught too.
		pr, pw := io.Pipe()
		parsed := make(chan error, 1)
		go func() {
			_, err := inspect(r, pw, progress, opt.keys)
			pw.CloseWithError(err)
			parsed <- err
		}()
		lerr := loadStream(bdb, pr)
		pr.CloseWithError(errors.New("the restore stopped"))
		if perr := <-parsed; perr != nil {
			return perr
		}
		if lerr != nil {
			return isms.Errorf(isms.CodeInvalid, "the backup's checksums are right but its content cannot be loaded: %v", lerr)
		}
	}
	var v int
	if err := bdb.View(func(txn *badger.Txn) error {
		var err error
		v, err = readSchema(txn)
		return err
	}); err != nil {
		return err
	}
	switch {
	case v == 0:
		return isms.Errorf(isms.CodeInvalid, "the file is not an ISMS Desk backup: it has no data schema version")
	case v > schemaVersion:
		return newerSchemaError("the backup", v)
	}
	return nil
}

// loadStream runs Badger's Load, turning the panic it raises on some malformed input (a
// length prefix out of range) into an error.
func loadStream(bdb *badger.DB, r io.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed backup stream: %v", p)
		}
	}()
	return bdb.Load(r, 256)
}

// checkRestored opens the restored folder dir and checks it against info: the record
// counts and the history head of a format-2 backup, and for every format that the history
// verifies and agrees with the records. For format 1 it fills info from the folder.
func checkRestored(dir string, info *BackupInfo, opt Options) error {
	o := opt
	o.noAutoBackup = true
	db, err := Open(dir, o)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := db.CheckHistory()
	if err != nil {
		return err
	}
	if rep.Broken != nil {
		return isms.Errorf(isms.CodeInvalid, "the restored data does not verify: %s", rep.Broken.Message())
	}
	var recs map[string]int
	var files int
	if err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		recs, files, err = countKeys(txn)
		return err
	}); err != nil {
		return err
	}
	if info.Format == 1 {
		if err := checkKeys(db); err != nil {
			return err
		}
		info.Schema, info.Records, info.Files = db.SchemaVersion(), recs, files
		info.HistoryEntries, info.HistoryHead = rep.HeadSeq, rep.Head
		return nil
	}
	for _, k := range unionKeys(recs, info.Records) {
		if recs[k] != info.Records[k] {
			return isms.Errorf(isms.CodeInvalid, "the backup's summary lists %d records of kind %s, but %d were restored", info.Records[k], k, recs[k])
		}
	}
	if files != info.Files {
		return isms.Errorf(isms.CodeInvalid, "the backup's summary lists %d stored files, but %d were restored", info.Files, files)
	}
	if rep.HeadSeq != info.HistoryEntries || rep.Head != info.HistoryHead {
		return isms.Errorf(isms.CodeInvalid, "the restored history ends at entry %d (%.12s…), but the backup's summary says entry %d (%.12s…)",
			rep.HeadSeq, rep.Head, info.HistoryEntries, info.HistoryHead)
	}
	return nil
}

// checkKeys checks what a backup without checksums cannot vouch for: that the indexes are
// exactly the ones the records imply, that every history entry is indexed under its record,
// and that every stored file has all its chunks with the right SHA-256. (Settings cannot be
// checked.)
func checkKeys(db *DB) error {
	bad := func(format string, args ...any) error {
		return isms.Errorf(isms.CodeInvalid, "the backup is in the old format without checksums, and the data restored from it is incomplete: "+format, args...)
	}
	return db.View(func(tx *Tx) error {
		want := map[string]string{}
		err := tx.scan([]byte(prefixRecord), false, func(key, val []byte) error {
			kindSeg, idSeg, _ := strings.Cut(string(key[len(prefixRecord):]), "/")
			kind, id := isms.Kind(unseg(kindSeg)), unseg(idSeg)
			rec, err := decode(kind, val)
			if err != nil {
				return bad("the %s %s cannot be read", kind, id)
			}
			for k, v := range indexEntries(kind, id, rec.Terms()) {
				want[k] = string(v)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = tx.scan([]byte(prefixHistory), false, func(key, val []byte) error {
			var c Change
			if err := json.Unmarshal(val, &c); err != nil {
				return bad("history entry %x cannot be read", key[len(prefixHistory):])
			}
			want[string(xrefKey(c.Kind, c.ID, c.Seq))] = ""
			return nil
		})
		if err != nil {
			return err
		}
		for _, p := range []string{prefixIndex, prefixUnique, prefixLink, prefixXref} {
			err := tx.scan([]byte(p), false, func(key, val []byte) error {
				w, ok := want[string(key)]
				if !ok || w != string(val) {
					return bad("the index entry %q does not match the records", key)
				}
				delete(want, string(key))
				return nil
			})
			if err != nil {
				return err
			}
		}
		for k := range want {
			return bad("the index entry %q is missing", k)
		}
		var shas []string
		err = tx.scan([]byte(prefixBlob), true, func(key, _ []byte) error {
			if rest := string(key[len(prefixBlob):]); !strings.Contains(rest, "/") {
				shas = append(shas, rest)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, sha := range shas {
			h, _, err := tx.db.header(tx.txn, sha)
			if err != nil {
				return bad("%v", err)
			}
			sum := sha256.New()
			for i := uint64(0); i < h.chunks; i++ {
				b, ok, err := tx.get(blobChunkKey(sha, i))
				if err != nil {
					return err
				}
				if !ok {
					return bad("part %d of the stored file %s is missing", i+1, sha)
				}
				sum.Write(b)
			}
			if hex.EncodeToString(sum.Sum(nil)) != sha {
				return bad("the stored file %s does not match its SHA-256", sha)
			}
		}
		return nil
	})
}

func unionKeys(a, b map[string]int) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range []map[string]int{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// The folders and files of a swap, beside the target <dir>.
const (
	restoreTmpInfix  = ".restore-tmp-"  // <dir>.restore-tmp-*: the restored data before the swap
	restoreOldInfix  = ".restore-old-"  // <dir>.restore-old-*: the replaced data during the swap
	restoreCopyInfix = ".restore-copy-" // <dir>.restore-copy-*.tmp: a copy of a backup read from a stream
	journalSuffix    = ".restore-journal"
)

// swapJournal names the folders of a swap under way.
type swapJournal struct {
	Target string `json:"target"`
	New    string `json:"new"` // the restored folder
	Old    string `json:"old"` // where the old target goes; "" when there was none
}

// HasData reports whether dir holds data, or will once Open finishes an interrupted
// restore: it is a non-empty folder, or a restore journal lies beside it.
func HasData(dir string) bool {
	dir = filepath.Clean(dir)
	if _, err := os.Lstat(journalPath(dir)); err == nil {
		return true
	}
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) > 0
}

func journalPath(dir string) string { return dir + journalSuffix }

// swapIn puts the restored folder tmp in place of dir. The journal is written (and synced)
// first; then dir moves aside, tmp moves in and the journal goes, each rename followed by
// a sync of the parent folder. A crash at any point leaves the old or the new data, which
// recoverSwap completes at the next Open.
func swapIn(dir, tmp string, opt Options) error {
	parent := filepath.Dir(dir)
	j := swapJournal{Target: dir, New: tmp}
	if _, err := os.Lstat(dir); err == nil {
		j.Old = fmt.Sprintf("%s%s%d", dir, restoreOldInfix, time.Now().UnixNano())
	}
	if err := writeJournal(j); err != nil {
		return err
	}
	crashed := func(step string) bool { return swapCrash != nil && swapCrash(step) }
	if crashed("journal") {
		return errCrashed
	}
	if j.Old != "" {
		if err := os.Rename(dir, j.Old); err != nil {
			_ = os.Remove(journalPath(dir))
			return fmt.Errorf("store: unable to move the old content of %s aside: %w", dir, err)
		}
		if err := syncDir(parent); err != nil {
			return err
		}
	}
	if crashed("old moved") {
		return errCrashed
	}
	if err := os.Rename(tmp, dir); err != nil {
		if j.Old != "" {
			if rerr := os.Rename(j.Old, dir); rerr != nil {
				// The journal stays: the next Open puts one of the two folders in place.
				return fmt.Errorf("store: unable to move the restored data into %s (%v), nor the old data back (%v); open ISMS Desk again to finish", dir, err, rerr)
			}
		}
		_ = os.Remove(journalPath(dir))
		return fmt.Errorf("store: unable to move the restored data into %s: %w", dir, err)
	}
	if err := syncDir(parent); err != nil {
		return err
	}
	if crashed("new moved") {
		return errCrashed
	}
	finishSwap(j, opt)
	return nil
}

// finishSwap drops the journal of a swap whose new folder is in place, then the old data.
func finishSwap(j swapJournal, opt Options) {
	if err := os.Remove(journalPath(j.Target)); err != nil && !errors.Is(err, os.ErrNotExist) {
		opt.Logger.Warn("unable to remove the restore journal", "file", journalPath(j.Target), "err", err)
		return
	}
	_ = syncDir(filepath.Dir(j.Target))
	if j.Old != "" {
		if err := os.RemoveAll(j.Old); err != nil {
			opt.Logger.Warn("unable to remove the replaced data folder", "dir", j.Old, "err", err)
		}
	}
}

func writeJournal(j swapJournal) error {
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	path := journalPath(j.Target)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("store: unable to write the restore journal: %w", err)
	}
	f, err := os.Open(tmp)
	if err == nil {
		err = f.Sync()
		f.Close()
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("store: unable to write the restore journal: %w", err)
	}
	return nil
}

// recoverSwap runs first in Open: when a journal says a restore into dir was swapping
// folders, it finishes the swap if the restored folder is still beside dir and dir is gone
// (the crash came between the renames), undoes it if dir was not moved yet, and only clears
// up if the swap was complete. If neither the old nor the new data can be found it refuses
// to open, rather than start an empty database. Without a journal, leftovers of earlier
// restores are removed.
func recoverSwap(dir string, opt Options) error {
	b, err := os.ReadFile(journalPath(dir))
	if errors.Is(err, os.ErrNotExist) {
		removeLeftovers(dir, opt)
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: unable to read the restore journal %s: %w", journalPath(dir), err)
	}
	var j swapJournal
	if err := json.Unmarshal(b, &j); err != nil || j.New == "" {
		return isms.Errorf(isms.CodeInvalid,
			"a restore into %s was interrupted and its journal %s cannot be read; the data folder was not opened so that nothing is lost", dir, journalPath(dir))
	}
	j.Target = dir
	if opt.ReadOnly {
		return isms.Errorf(isms.CodeLocked, "a restore into %s was interrupted and must be finished first; open the folder once without read-only mode", dir)
	}
	exists := func(p string) bool { _, err := os.Lstat(p); return p != "" && err == nil }
	newThere, targetThere, oldThere := exists(j.New), exists(dir), exists(j.Old)
	parent := filepath.Dir(dir)
	switch {
	case newThere && !targetThere:
		opt.Logger.Warn("finishing a restore that was interrupted: moving the restored data into place", "dir", dir)
		if err := os.Rename(j.New, dir); err != nil {
			return fmt.Errorf("store: unable to finish the interrupted restore into %s: %w", dir, err)
		}
		if err := syncDir(parent); err != nil {
			return err
		}
	case newThere && targetThere:
		opt.Logger.Warn("undoing a restore that was interrupted before the old data was moved", "dir", dir)
		if err := os.Remove(journalPath(dir)); err != nil {
			return fmt.Errorf("store: unable to undo the interrupted restore into %s: %w", dir, err)
		}
		_ = syncDir(parent)
		_ = os.RemoveAll(j.New)
		return nil
	case !newThere && targetThere:
		// The swap was complete; only the clean-up was missed.
	case oldThere:
		opt.Logger.Warn("undoing a restore that was interrupted: moving the old data back", "dir", dir)
		if err := os.Rename(j.Old, dir); err != nil {
			return fmt.Errorf("store: unable to undo the interrupted restore into %s: %w", dir, err)
		}
		if err := syncDir(parent); err != nil {
			return err
		}
		_ = os.Remove(journalPath(dir))
		_ = syncDir(parent)
		return nil
	default:
		return isms.Errorf(isms.CodeInvalid,
			"a restore into %s was interrupted, and neither the restored data (%s) nor the old data (%s) can be found; the data folder was not opened, so that no empty database is started in its place; restore a backup",
			dir, j.New, j.Old)
	}
	finishSwap(j, opt)
	return nil
}

// removeLeftovers removes what earlier restores left beside dir: replaced data whose swap
// finished, and restored folders of restores that died before their swap (a folder that a
// restore under way holds open is left alone).
func removeLeftovers(dir string, opt Options) {
	for _, pattern := range []string{dir + restoreOldInfix + "*", dir + restoreTmpInfix + "*"} {
		matches, _ := filepath.Glob(pattern)
		for _, m := range matches {
			st, err := os.Lstat(m)
			if err != nil || !st.IsDir() {
				continue
			}
			if strings.Contains(pattern, restoreTmpInfix) && inUse(m, opt) {
				continue
			}
			if err := os.RemoveAll(m); err != nil {
				opt.Logger.Warn("unable to remove what an earlier restore left", "dir", m, "err", err)
			}
		}
	}
}

// inUse reports whether another process holds the Badger folder dir open.
func inUse(dir string, opt Options) bool {
	o := opt
	o.ReadOnly = true
	o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	bdb, err := openBadger(dir, o)
	if err != nil {
		return isLockError(err)
	}
	_ = bdb.Close()
	return false
}

// syncDir makes the renames in dir durable. Windows cannot sync a folder; there it is a no-op.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("store: unable to sync the folder %s: %w", dir, err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("store: unable to sync the folder %s: %w", dir, err)
	}
	return nil
}

// syncTree syncs every file of the folder dir, and the folder.
func syncTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		f, err := os.OpenFile(filepath.Join(dir, e.Name()), os.O_RDWR, 0)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return syncDir(dir)
}

// markDataFolder writes the marker file into dir when it has none.
func markDataFolder(dir string) error {
	path := filepath.Join(dir, markerFile)
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.WriteFile(path, []byte(markerText), 0o600); err != nil {
		return fmt.Errorf("store: unable to mark the data folder %s: %w", dir, err)
	}
	return nil
}

// makePrivate gives the folder dir mode 0700 and its files 0600. Badger creates some of
// its files 0644 and has no option for it, so Open and Close (and the umask set by
// restrictNewFiles) take care of it.
func makePrivate(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	var errs []error
	if err := os.Chmod(dir, 0o700); err != nil {
		errs = append(errs, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil || fi.Mode().Perm() == 0o600 {
			continue
		}
		if err := os.Chmod(filepath.Join(dir, e.Name()), 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// keepLocked copies the files of the encrypted data folder dir, which cannot be opened
// without its passphrase, into the backup folder (locked-<time>/), after checking that it
// is an ISMS Desk data folder and that no window or command holds it.
func keepLocked(dir string, opt Options) error {
	if _, err := os.Stat(filepath.Join(dir, markerFile)); err != nil {
		return isms.Errorf(isms.CodeInvalid, "the folder %s does not hold ISMS Desk data; nothing was changed", dir)
	}
	if inUse(dir, opt) {
		return lockedError(dir)
	}
	dst := filepath.Join(BackupDir(dir), "locked-"+opt.Clock().UTC().Format(autoStamp))
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return fmt.Errorf("store: unable to keep a copy of the encrypted data: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if err := copyFile(filepath.Join(dir, e.Name()), filepath.Join(dst, e.Name())); err != nil {
			return fmt.Errorf("store: unable to keep a copy of the encrypted data, so nothing was restored: %w", err)
		}
	}
	return syncTree(dst)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
