package cli

import (
	"context"
	"flag"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
)

func reportNames() string {
	var names []string
	for _, r := range report.Names() {
		names = append(names, r.Name)
	}
	return strings.Join(names, ", ")
}

func runExport(dir string, args []string, env Env) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "the workbook to write (.xlsx)")
	id := fs.String("id", "", "the review or audit (ID or reference)")
	pos, flags := splitPositional(args)
	if err := fs.Parse(flags); err != nil {
		return usagef("export: %v", err)
	}
	if len(pos) != 1 || *out == "" {
		return usagef("export needs REPORT and --out FILE; REPORT is one of %s", reportNames())
	}
	known := false
	for _, r := range report.Names() {
		known = known || r.Name == pos[0]
	}
	if !known {
		return usagef("export: unknown REPORT %q; use one of %s", pos[0], reportNames())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	db, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	return safefile.Write(*out, func(w io.Writer) error {
		return report.Write(ctx, db, pos[0], report.Options{ID: *id, Now: env.Clock(), Version: buildinfo.Version}, w)
	})
}
