// Package cli is the command line of ISMS Desk: the same binary run with a command
// works headless and exits. It needs no display.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/fault"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
	// ExitCancelled is the status of a command stopped by Ctrl-C or SIGTERM (128+SIGINT).
	ExitCancelled = 130
)

// Usage is the command line's help text.
const Usage = `Usage:
  ismsdesk [--data DIR]                 open the window
  ismsdesk [--data DIR] demo            fill an empty database with a sample organisation
  ismsdesk [--data DIR] import KIND FILE [--sheet NAME] [--header-row N] [--map FIELD=COLUMN]...
                                        [--match-by FIELD] [--dry-run] [--skip-invalid]
                                        [--day-first] [--survey REF] [--audit REF] [--from-2013] [--json]
                                        [--unmap FIELD] [--month-first] [--scale SCALE] [--set FIELD=VALUE]
                                        [--fix ID] [--fill-down COLUMN] [--no-fill-down] [--merge-by FIELD]
                                        [--header-rows N] [--sheets SHEET] [--all-sheets];
                                        ismsdesk import --help describes each option
                                        KIND: requirements, controls, risks, people,
                                        attendance, measurements, assets, acknowledgements,
                                        survey-results (into the survey --survey names),
                                        objectives, kpis, policies (the register: never
                                        approved or published by an import), trainings,
                                        campaigns, communications, audit-results (into the
                                        checklist of the audit --audit names; its status
                                        never moves), nonconformities, actions,
                                        improvements, feedback;
                                        --from-2013 brings an ISO/IEC 27001:2013 SoA onto
                                        the 2022 controls (ISO/IEC 27002:2022 Annex B);
                                        --set FIELD=VALUE gives every row whose cell is empty
                                        that value (source=NIS2); --fix ID (or all) applies
                                        a bulk fix the output offers
  ismsdesk [--data DIR] import history [--json]
                                        the import log: id, when, kind, file, rows, SHA-256
  ismsdesk [--data DIR] import revert ID
                                        undo one import (an ID prefix will do), refused when
                                        a record it wrote changed since
  ismsdesk [--data DIR] template KIND --out FILE
                                        write the Excel template of an import KIND: its
                                        columns, drop-down lists (the likelihood and impact
                                        levels of DIR's risk method) and an example row
  ismsdesk [--data DIR] export REPORT --out FILE [--id ID]
                                        REPORT: management-review, audit, soa, requirements,
                                        gap-analysis, risks, assets, kpi-dashboard, training,
                                        corrective-actions
  ismsdesk [--data DIR] export calendar --out FILE.ics
                                        the due dates (overdue and a year ahead) for a
                                        calendar application
  ismsdesk [--data DIR] list KIND [--json]
  ismsdesk [--data DIR] backup --out FILE
  ismsdesk [--data DIR] restore FILE [--force]
                                        checks every checksum of FILE first; --force
                                        replaces an ISMS Desk data folder (never any other)
  ismsdesk [--data DIR] verify [FILE]   walk the change history and report the first
                                        broken entry; with FILE, check a backup file
  ismsdesk version

The data folder defaults to the user's application data folder; --data or the
ISMSDESK_DATA environment variable overrides it.
An encrypted data folder (a passphrase set in the window) needs its passphrase: from
the ISMSDESK_PASSPHRASE environment variable, else asked on the terminal (not echoed).
An encrypted backup is restored with ISMSDESK_BACKUP_PASSPHRASE, else
ISMSDESK_PASSPHRASE, else asked.
KIND is a record kind in the plural: requirements, controls, risks, objectives,
policies, audits, reviews, nonconformities, people, roles, milestones, ...
`

// Commands lists the command names; main opens the window when none is given.
var Commands = []string{"demo", "import", "export", "template", "list", "backup", "restore", "verify", "version", "help"}

// usageError is a misuse of the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Env is what a command runs with.
type Env struct {
	Stdout, Stderr io.Writer
	Clock          func() time.Time
	Log            *slog.Logger
	// Stdin is where a passphrase is asked when it is a terminal; nil means os.Stdin.
	Stdin *os.File

	ctx context.Context // cancelled by Ctrl-C or SIGTERM during a long command (see Run)
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
	if len(args) > 0 && (args[0] == "import" || args[0] == "export" || args[0] == "demo") && (args[0] == "demo" || store.HasData(dir)) {
		// The workbook library's temporary files stay beside the data folder, where the next
		// start removes what a crash left, not in the shared temporary folder.
		if restore, err := store.UsePrivateTemp(dir); err == nil {
			defer restore()
		}
	}
	if len(args) > 0 && (args[0] == "import" || args[0] == "export" || args[0] == "backup" || args[0] == "restore") {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		env.ctx = ctx
	}
	err := runSafely(dir, args, env)
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "ismsdesk: %s\n\n%s", ue.msg, Usage)
		return ExitUsage
	case fault.DiskFull(err):
		fmt.Fprintf(env.Stderr, "ismsdesk: %s\n", fault.Explain(err, dir))
		return ExitError
	case isms.ErrorCode(err) == isms.CodeCancelled || errors.Is(err, context.Canceled):
		msg := "cancelled; nothing was changed"
		if isms.ErrorCode(err) == isms.CodeCancelled {
			msg = err.Error()
		}
		fmt.Fprintf(env.Stderr, "ismsdesk: %s\n", msg)
		return ExitCancelled
	default:
		fmt.Fprintf(env.Stderr, "ismsdesk: %s\n", err)
		return ExitError
	}
}

// runSafely runs a command and turns a panic into an error of one line, not a stack dump.
func runSafely(dir string, args []string, env Env) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return run(dir, args, env)
}

// signalContext is cancelled by Ctrl-C (SIGINT) or SIGTERM, so that a long command stops
// cleanly, leaving nothing behind. Run catches the signals from the start of a long
// command (import, export, backup, restore), so that one sent while it opens the folder
// is not lost.
func (env Env) signalContext() (context.Context, context.CancelFunc) {
	if env.ctx != nil {
		return context.WithCancel(env.ctx)
	}
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
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
		if err := fault.CheckSpace(dir, 0); err != nil {
			return err
		}
		return demo(dir, env)
	case "list":
		return list(dir, rest, env)
	case "backup":
		return backup(dir, rest, env)
	case "restore":
		return restore(dir, rest, env)
	case "verify":
		return verify(dir, rest, env)
	case "import":
		return runImport(dir, rest, env)
	case "export":
		return runExport(dir, rest, env)
	case "template":
		return runTemplate(dir, rest, env)
	default:
		return usagef("unknown command %q", cmd)
	}
}

// openExisting opens a data folder that must already hold data, so that a mistyped
// --data does not quietly create an empty one.
func openExisting(dir string, env Env) (*store.DB, error) {
	if !store.HasData(dir) {
		return nil, isms.Errorf(isms.CodeNotFound,
			"there is no ISMS Desk data in %s; check --data, or create it with `ismsdesk --data %s demo` or by opening the window", dir, dir)
	}
	if fault.CheckSpace(dir, 0) != nil {
		// A disk too full for Badger to write safely: open to read only, so that what is
		// stored can still be listed and exported; writes check the space themselves.
		return openStoreWith(dir, env, true)
	}
	return open(dir, env)
}

// open opens the store and seeds a new database, as the window does.
func open(dir string, env Env) (*store.DB, error) {
	db, err := openStore(dir, env)
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
	if err := db.Batch(func(b *store.Batch) error { return seed.Demo(b, isms.DateOf(env.Clock())) }); err != nil {
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
	case "out", "id", "sheet", "header-row", "map", "match-by", "survey", "audit", "unmap", "scale", "set", "fix", "fill-down", "merge-by", "header-rows", "sheets":
		return true
	}
	return false
}

// openStore opens the data folder, with its passphrase when it is encrypted.
func openStore(dir string, env Env) (*store.DB, error) { return openStoreWith(dir, env, false) }

// openStoreWith opens the data folder, read-only when readOnly.
func openStoreWith(dir string, env Env, readOnly bool) (*store.DB, error) {
	opt := store.Options{Clock: env.Clock, Logger: env.Log, ReadOnly: readOnly}
	if store.IsEncrypted(dir) {
		p, err := passphrase(env, "ISMSDESK_PASSPHRASE", "the data folder "+dir, "")
		if err != nil {
			return nil, err
		}
		opt.Passphrase = p
	}
	return store.Open(dir, opt)
}

// passphrase reads a passphrase from the environment variable name (then from fallback,
// when not ""), else asks for it on the terminal without echo; what names what it opens.
func passphrase(env Env, name, what, fallback string) (string, error) {
	if v := os.Getenv(name); v != "" {
		return v, nil
	}
	if fallback != "" {
		if v := os.Getenv(fallback); v != "" {
			return v, nil
		}
	}
	in := env.Stdin
	if in == nil {
		in = os.Stdin
	}
	if !term.IsTerminal(int(in.Fd())) {
		return "", isms.Errorf(isms.CodeLocked, "%s is encrypted and no passphrase was given: set the %s environment variable, or run the command in a terminal to be asked for it", what, name)
	}
	fmt.Fprintf(env.Stderr, "Passphrase of %s: ", what)
	b, err := term.ReadPassword(int(in.Fd()))
	fmt.Fprintln(env.Stderr)
	if err != nil {
		return "", fmt.Errorf("unable to read the passphrase: %w", err)
	}
	if len(b) == 0 {
		return "", isms.Errorf(isms.CodeLocked, "no passphrase was entered; %s was not opened", what)
	}
	return string(b), nil
}
