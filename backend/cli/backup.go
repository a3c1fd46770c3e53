package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/fault"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

func backup(dir string, args []string, env Env) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "backup file to write")
	if err := fs.Parse(args); err != nil {
		return usagef("backup: %v", err)
	}
	if *out == "" || fs.NArg() > 0 {
		return usagef("backup needs --out FILE")
	}
	db, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, stop := env.signalContext()
	defer stop()
	var info store.BackupInfo
	if err := safefile.Write(*out, func(w io.Writer) error {
		info, err = db.WriteBackup(ctxWriter{ctx, w})
		if ctx.Err() != nil {
			return isms.Errorf(isms.CodeCancelled, "the backup was cancelled; no backup file was written")
		}
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Backed up %s to %s: %s.\n", dir, *out, contents(info))
	return nil
}

func restore(dir string, args []string, env Env) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	force := fs.Bool("force", false, "replace an ISMS Desk data folder that holds data")
	pos, flags := splitPositional(args)
	if err := fs.Parse(flags); err != nil {
		return usagef("restore: %v", err)
	}
	if len(pos) != 1 {
		return usagef("restore needs exactly one FILE")
	}
	ro := store.RestoreOptions{Force: *force}
	opt := store.Options{Clock: env.Clock, Logger: env.Log}
	if head, err := store.InspectBackupFile(pos[0]); err == nil && head.Encrypted {
		if ro.Passphrase, err = passphrase(env, "ISMSDESK_BACKUP_PASSPHRASE", "the backup "+pos[0], "ISMSDESK_PASSPHRASE"); err != nil {
			return err
		}
		if err := store.CheckBackupPassphrase(head, ro.Passphrase); err != nil {
			return err
		}
	}
	if *force && store.IsEncrypted(dir) {
		var err error
		if opt.Passphrase, err = passphrase(env, "ISMSDESK_PASSPHRASE", "the data folder "+dir+" (to be replaced)", ""); err != nil {
			return err
		}
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("unable to open the backup: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		// The backup is loaded beside dir, and the data it replaces is backed up first.
		if err := fault.CheckSpace(filepath.Dir(filepath.Clean(dir)), 3*st.Size()); err != nil {
			return err
		}
	}
	ctx, stop := env.signalContext()
	defer stop()
	ctx, unwatch := fault.Watch(ctx, filepath.Dir(filepath.Clean(dir)))
	defer unwatch()
	ro.Context = ctx
	info, err := store.RestoreFrom(dir, f, ro, opt)
	if full := fault.Cause(ctx); err != nil && full != nil {
		return full
	}
	if err != nil {
		if isms.ErrorCode(err) == isms.CodeInvalid && !*force && strings.Contains(err.Error(), "confirm that its content is to be replaced") {
			return fmt.Errorf("%w (add --force to replace it)", err)
		}
		return err
	}
	if !info.Verified {
		fmt.Fprintf(env.Stderr, "Warning: %s is an old-format backup without checksums; the file itself could not be verified, only the restored data (its history and indexes).\n", pos[0])
	}
	fmt.Fprintf(env.Stdout, "Restored %s into %s: %s; the restored data verified.\n", pos[0], dir, contents(info))
	return nil
}

// ctxWriter fails its writes once ctx is cancelled, so that a backup stops at Ctrl-C.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// verify walks the history of the data folder, or checks a backup file.
func verify(dir string, args []string, env Env) error {
	if len(args) > 1 || (len(args) == 1 && strings.HasPrefix(args[0], "-")) {
		return usagef("verify takes at most one FILE")
	}
	if len(args) == 1 {
		info, err := store.InspectBackupFile(args[0])
		if err != nil {
			return err
		}
		if !info.Verified {
			fmt.Fprintf(env.Stdout, "%s is an old-format backup without checksums: it cannot be verified before it is restored.\n", args[0])
			return nil
		}
		fmt.Fprintf(env.Stdout, "%s verifies: %s.\n", args[0], contents(info))
		return nil
	}
	if !store.HasData(dir) {
		return isms.Errorf(isms.CodeNotFound, "there is no ISMS Desk data in %s; check --data", dir)
	}
	// Not read-only: after a crash Badger must replay its log, and an interrupted restore or
	// import must be finished or undone, before the history can be read. Nothing is seeded.
	db, err := openStore(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := db.CheckHistory()
	if err != nil {
		return err
	}
	if rep.Broken == nil {
		fmt.Fprintf(env.Stdout, "The history verifies: %d %s, each linked to the one before it, and %d %s matching their last entry.\nHead: entry %d, %s\n",
			rep.Entries, plural(rep.Entries, "entry", "entries"), rep.Records, plural(rep.Records, "record", "records"), rep.HeadSeq, rep.Head)
		return nil
	}
	b := rep.Broken
	what := fmt.Sprintf("entry %d", b.Seq)
	if b.Seq == 0 {
		what = "a record"
	}
	if b.Kind != "" {
		what += " (" + recordName(db, b.Kind, b.ID)
		if !b.At.IsZero() {
			what += ", changed " + b.At.UTC().Format("2006-01-02 15:04 UTC")
		}
		what += ")"
	}
	fmt.Fprintf(env.Stdout, "The history does NOT verify: %s %s.\n%d %s before it verified. Head recorded: entry %d, %s\n",
		what, b.Problem, rep.Entries, plural(rep.Entries, "entry", "entries"), rep.HeadSeq, rep.Head)
	return isms.Errorf(isms.CodeInvalid, "the change history has been tampered with or damaged")
}

// recordName names a record for people: its kind, ref and title, or its ID when it is gone.
func recordName(db *store.DB, kind isms.Kind, id string) string {
	label := kind.Label()
	if label == "" {
		label = string(kind)
	}
	var name string
	_ = db.View(func(tx *store.Tx) error {
		if rec, err := tx.Get(kind, id); err == nil {
			t := rec.Terms()
			name = strings.TrimSpace(t.Ref + " " + t.Title)
		}
		return nil
	})
	if name == "" {
		return label + " " + id
	}
	return label + " " + name
}

// contents describes what a backup holds.
func contents(info store.BackupInfo) string {
	total := 0
	var kinds []string
	for k, n := range info.Records {
		total += n
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%d %s", info.Records[k], isms.Kind(k).Plural()))
	}
	s := fmt.Sprintf("%d %s", total, plural(total, "record", "records"))
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	if info.Files > 0 {
		s += fmt.Sprintf(", %d stored %s", info.Files, plural(info.Files, "file", "files"))
	}
	s += fmt.Sprintf(", history of %d %s", info.HistoryEntries, plural(int(info.HistoryEntries), "entry", "entries"))
	if info.Encrypted {
		s = "encrypted with the data folder's passphrase; " + s
	}
	if info.HistoryHead != "" {
		s += " ending at " + info.HistoryHead
	}
	if !info.CreatedAt.IsZero() {
		s += ", made " + info.CreatedAt.UTC().Format("2006-01-02 15:04 UTC") + " by " + info.App
	}
	if info.Schema > 0 {
		s += fmt.Sprintf(", data schema %d", info.Schema)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
