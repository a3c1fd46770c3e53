package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/calendar"
	"github.com/ismsdesk/ismsdesk/backend/fault"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
	"github.com/ismsdesk/ismsdesk/backend/store"
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
		return usagef("export needs REPORT and --out FILE; REPORT is calendar or one of %s", reportNames())
	}
	if pos[0] == "calendar" {
		return exportCalendar(dir, *out, env)
	}
	known := false
	for _, r := range report.Names() {
		known = known || r.Name == pos[0]
	}
	if !known {
		return usagef("export: unknown REPORT %q; use calendar or one of %s", pos[0], reportNames())
	}
	ctx, stop := env.signalContext()
	defer stop()
	db, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	// The export's figures are kept for the next one's trend only when the data folder's
	// disk has room to write them; the workbook is written either way.
	remember := fault.CheckSpace(dir, 0) == nil
	if !remember {
		fmt.Fprintf(env.Stderr, "ismsdesk: the disk holding %s is full: the report is written, but its figures are not kept for the next export's trend\n", dir)
	}
	return safefile.Write(*out, func(w io.Writer) error {
		return report.Write(ctx, db, pos[0], report.Options{ID: *id, Now: env.Clock(), Version: buildinfo.Version, Remember: remember}, w)
	})
}

// exportCalendar writes the due dates (everything overdue and a year ahead) as an
// iCalendar file for calendar applications.
func exportCalendar(dir, out string, env Env) error {
	db, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	now := env.Clock()
	var items []overview.DueItem
	if err := db.View(func(tx *store.Tx) error {
		items, err = overview.Due(tx, now, calendar.Days)
		return err
	}); err != nil {
		return err
	}
	if err := safefile.Write(out, func(w io.Writer) error {
		return calendar.Write(w, calendar.Name, calendar.Events(items), now)
	}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Wrote %d due dates to %s.\n", len(items), out)
	return nil
}
