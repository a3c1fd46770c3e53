// Package cli is the command line of ISMS Desk: the same binary run with a command
// works headless and exits. It needs no display.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// Usage is the command line's help text.
const Usage = `Usage:
  ismsdesk [--data DIR]                 open the window
  ismsdesk [--data DIR] demo            fill an empty database with a sample organisation
  ismsdesk [--data DIR] import KIND FILE [--sheet NAME] [--header-row N] [--map FIELD=COLUMN]...
                                        [--match-by FIELD] [--dry-run] [--skip-invalid]
                                        [--day-first] [--json]
                                        KIND: requirements, controls, risks, people,
                                        attendance, measurements, assets, acknowledgements
  ismsdesk [--data DIR] export REPORT --out FILE [--id ID]
                                        REPORT: management-review, audit, soa, requirements,
                                        gap-analysis, risks, assets, kpi-dashboard, training,
                                        corrective-actions
  ismsdesk [--data DIR] list KIND [--json]
  ismsdesk [--data DIR] backup --out FILE
  ismsdesk [--data DIR] restore FILE [--force]
  ismsdesk version

The data folder defaults to the user's application data folder; --data or the
ISMSDESK_DATA environment variable overrides it.
KIND is a record kind in the plural: requirements, controls, risks, objectives,
policies, audits, reviews, nonconformities, people, roles, milestones, ...
`

// Commands lists the command names; main opens the window when none is given.
var Commands = []string{"demo", "import", "export", "list", "backup", "restore", "version", "help"}

// usageError is a misuse of the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Env is what a command runs with.
type Env struct {
	Stdout, Stderr io.Writer
	Clock          func() time.Time
	Log            *slog.Logger
}

// SplitGlobal takes the global --data flag off args and returns the data folder flag
// value and the remaining arguments.
func SplitGlobal(args []string) (data string, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--data" || a == "-data":
			if i+1 >= len(args) {
				return "", nil, usagef("--data needs a folder")
			}
			data = args[i+1]
			i++
		case strings.HasPrefix(a, "--data="):
			data = strings.TrimPrefix(a, "--data=")
		default:
			rest = append(rest, a)
		}
	}
	return data, rest, nil
}

// Run runs one command (args without the program name, global flags removed) against
// the data folder dir and returns the exit status.
func Run(dir string, args []string, env Env) int {
	if env.Clock == nil {
		env.Clock = func() time.Time { return time.Now().UTC() }
	}
	if env.Log == nil {
		env.Log = slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	err := run(dir, args, env)
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "ismsdesk: %s\n\n%s", ue.msg, Usage)
		return ExitUsage
	default:
		fmt.Fprintf(env.Stderr, "ismsdesk: %s\n", err)
		return ExitError
	}
}

func run(dir string, args []string, env Env) error {
	if len(args) == 0 {
		return usagef("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "version":
		if len(rest) > 0 {
			return usagef("version takes no arguments")
		}
		fmt.Fprintf(env.Stdout, "%s %s\n", buildinfo.Name, buildinfo.Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, Usage)
		return nil
	case "demo":
		if len(rest) > 0 {
			return usagef("demo takes no arguments")
		}
		return demo(dir, env)
	case "list":
		return list(dir, rest, env)
	case "backup":
		return backup(dir, rest, env)
	case "restore":
		return restore(dir, rest, env)
	case "import":
		return runImport(dir, rest, env)
	case "export":
		return runExport(dir, rest, env)
	default:
		return usagef("unknown command %q", cmd)
	}
}

// openExisting opens a data folder that must already hold data, so that a mistyped
// --data does not quietly create an empty one.
func openExisting(dir string, env Env) (*store.DB, error) {
	if entries, err := os.ReadDir(dir); err != nil || len(entries) == 0 {
		return nil, isms.Errorf(isms.CodeNotFound,
			"there is no ISMS Desk data in %s; check --data, or create it with `ismsdesk --data %s demo` or by opening the window", dir, dir)
	}
	return open(dir, env)
}

// open opens the store and seeds a new database, as the window does.
func open(dir string, env Env) (*store.DB, error) {
	db, err := store.Open(dir, store.Options{Clock: env.Clock, Logger: env.Log})
	if err != nil {
		return nil, err
	}
	if err := db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, isms.DateOf(env.Clock())) }); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func demo(dir string, env Env) error {
	db, err := open(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Update(func(tx *store.Tx) error { return seed.Demo(tx, isms.DateOf(env.Clock())) }); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "The sample organisation is in %s.\n", dir)
	return nil
}

func list(dir string, args []string, env Env) error {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print a JSON array")
	kindName, flags := splitPositional(args)
	if err := fs.Parse(flags); err != nil {
		return usagef("list: %v", err)
	}
	if len(kindName) != 1 {
		return usagef("list needs exactly one KIND")
	}
	kind, err := isms.ParseKind(kindName[0])
	if err != nil {
		return usagef("unknown KIND %q; use one of: %s", kindName[0], strings.Join(plurals(), ", "))
	}
	db, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	var recs []isms.Record
	if err := db.View(func(tx *store.Tx) error {
		recs, err = tx.List(kind)
		return err
	}); err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if recs == nil {
			recs = []isms.Record{}
		}
		return enc.Encode(recs)
	}
	w := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(w, "REF\tTITLE\tSTATUS\tDUE\tID")
	for _, r := range recs {
		t := r.Terms()
		due := ""
		if !t.Due.IsZero() {
			due = string(isms.DateOf(t.Due))
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", t.Ref, oneLine(t.Title, 60), t.Status, due, r.Base().ID)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "%d %s\n", len(recs), kind.Plural())
	return nil
}

func plurals() []string {
	var out []string
	for _, k := range isms.Kinds() {
		out = append(out, k.Plural())
	}
	return out
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// splitPositional separates positional arguments from flags so that flags may come
// after them ("list controls --json").
func splitPositional(args []string) (pos, flags []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) && takesValue(a) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return pos, flags
}

// takesValue reports whether a flag is followed by a value.
func takesValue(flagName string) bool {
	switch strings.TrimLeft(flagName, "-") {
	case "out", "id", "sheet", "header-row", "map", "match-by":
		return true
	}
	return false
}

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
	if err := safefile.Write(*out, db.Backup); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Backed up %s to %s.\n", dir, *out)
	return nil
}

func restore(dir string, args []string, env Env) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	force := fs.Bool("force", false, "replace a data folder that is not empty")
	pos, flags := splitPositional(args)
	if err := fs.Parse(flags); err != nil {
		return usagef("restore: %v", err)
	}
	if len(pos) != 1 {
		return usagef("restore needs exactly one FILE")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("unable to open the backup: %w", err)
	}
	defer f.Close()
	if err := store.Restore(dir, f, *force, store.Options{Clock: env.Clock, Logger: env.Log}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Restored %s into %s.\n", pos[0], dir)
	return nil
}
