package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// mapFlags collects repeated --map FIELD=COLUMN flags.
type mapFlags map[string]string

func (m mapFlags) String() string { return fmt.Sprint(map[string]string(m)) }

func (m mapFlags) Set(v string) error {
	field, col, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(field) == "" || strings.TrimSpace(col) == "" {
		return fmt.Errorf("--map wants FIELD=COLUMN, got %q", v)
	}
	m[strings.TrimSpace(field)] = strings.TrimSpace(col)
	return nil
}

// importSummary is the JSON object `import --json` prints.
type importSummary struct {
	Kind      string            `json:"kind"`
	File      string            `json:"file"`
	Sheet     string            `json:"sheet"`
	HeaderRow int               `json:"headerRow"`
	Rows      int               `json:"rows"`
	Created   int               `json:"created"`
	Updated   int               `json:"updated"`
	Unchanged int               `json:"unchanged"`
	Skipped   int               `json:"skipped"`
	DryRun    bool              `json:"dryRun"`
	Imported  bool              `json:"imported"` // whether anything was written
	ImportID  string            `json:"importId,omitempty"`
	Mapping   map[string]string `json:"mapping"`
	Errors    []xlsx.Problem    `json:"errors"`
}

func runImport(dir string, args []string, env Env) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	sheet := fs.String("sheet", "", "sheet name")
	headerRow := fs.Int("header-row", 0, "Excel row number of the header")
	maps := mapFlags{}
	fs.Var(maps, "map", "FIELD=COLUMN (letter or header name); repeatable")
	dryRun := fs.Bool("dry-run", false, "show what would be imported; write nothing")
	skipInvalid := fs.Bool("skip-invalid", false, "import the valid rows and list the invalid ones")
	dayFirst := fs.Bool("day-first", false, "read dates like 03/04/2024 as 3 April")
	asJSON := fs.Bool("json", false, "print one JSON object")
	matchBy := fs.String("match-by", "", "the field that matches rows to stored records (default: ref)")
	pos, flags := splitPositional(args)
	if err := fs.Parse(flags); err != nil {
		return usagef("import: %v", err)
	}
	if len(pos) != 2 {
		return usagef("import needs KIND and FILE; KIND is one of %s", strings.Join(xlsx.Kinds(), ", "))
	}
	fields, err := xlsx.Fields(pos[0])
	if err != nil {
		return usagef("import: unknown KIND %q; use one of %s", pos[0], strings.Join(xlsx.Kinds(), ", "))
	}
	names := map[string]bool{}
	var list []string
	for _, f := range fields {
		names[f.Name] = true
		list = append(list, f.Name)
	}
	for f := range maps {
		if !names[f] {
			return usagef("import: --map %s: %s has no field %q; its fields are %s", f, pos[0], f, strings.Join(list, ", "))
		}
	}
	if *matchBy != "" && !names[*matchBy] {
		return usagef("import: --match-by %s: %s has no field %q; its fields are %s", *matchBy, pos[0], *matchBy, strings.Join(list, ", "))
	}
	if *headerRow < 0 {
		return usagef("import: --header-row must be an Excel row number (1 or more)")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if entries, err := os.ReadDir(dir); err != nil || len(entries) == 0 {
		fmt.Fprintf(env.Stderr, "ismsdesk: there was no data in %s; a new data folder is created there\n", dir)
	}
	db, err := open(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	req := importer.Request{Kind: pos[0], File: pos[1], Sheet: *sheet, HeaderRow: *headerRow,
		Map: maps, DayFirst: *dayFirst, SkipInvalid: *skipInvalid, MatchBy: *matchBy}
	plan, err := importer.Prepare(ctx, db, req)
	if err != nil {
		return err
	}
	sum := importSummary{Kind: req.Kind, File: plan.FileName, Sheet: plan.Sheet, HeaderRow: plan.Header.Row,
		Rows: plan.Counts.Rows, Created: plan.Counts.Created, Updated: plan.Counts.Updated,
		Unchanged: plan.Counts.Unchanged, Skipped: plan.Counts.Skipped, DryRun: *dryRun,
		Mapping: plan.Mapping.Columns, Errors: plan.Errors}
	var commitErr error
	if !*dryRun {
		res, err := importer.Commit(ctx, db, plan, env.Clock(), nil)
		if err == nil {
			sum.ImportID = res.Log.ID
		}
		commitErr = err
	} else if len(plan.MappingProblems) > 0 {
		commitErr = isms.Errorf(isms.CodeInvalid, "the columns do not give every required field; use --map FIELD=COLUMN")
	} else if plan.Counts.Invalid > 0 && !*skipInvalid {
		commitErr = isms.Errorf(isms.CodeInvalid, "%d of %d rows are not valid", plan.Counts.Invalid, plan.Counts.Rows)
	}
	if len(plan.MappingProblems) > 0 {
		sum.Errors = plan.MappingProblems
	}
	sum.Imported = !*dryRun && commitErr == nil
	if commitErr != nil && !*dryRun {
		sum.Created, sum.Updated, sum.Unchanged = 0, 0, 0
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return err
		}
	} else {
		printSummary(env.Stdout, sum, plan)
	}
	return commitErr
}

func printSummary(w io.Writer, s importSummary, plan *importer.Plan) {
	verb := "Imported"
	switch {
	case s.DryRun:
		verb = "Would import"
	case !s.Imported:
		verb = "Nothing imported: would have imported"
	}
	fmt.Fprintf(w, "%s %s from %s, sheet %q, header row %d: %d rows, %d created, %d updated, %d unchanged, %d skipped, %d invalid.\n",
		verb, s.Kind, s.File, s.Sheet, s.HeaderRow, s.Rows, s.Created, s.Updated, s.Unchanged, s.Skipped, plan.Counts.Invalid)
	if len(plan.NewPeople) > 0 {
		fmt.Fprintf(w, "New people: %s\n", strings.Join(plan.NewPeople, ", "))
	}
	for i, e := range s.Errors {
		if i == 50 {
			fmt.Fprintf(w, "... and %d more problems (use --json to see them all)\n", len(s.Errors)-50)
			break
		}
		switch {
		case e.Row == 0:
			fmt.Fprintf(w, "mapping: %s: %s\n", e.Field, e.Message)
		case e.Column == "":
			fmt.Fprintf(w, "row %d, %s: %s\n", e.Row, e.Field, e.Message)
		default:
			fmt.Fprintf(w, "row %d, column %s, %s: %s\n", e.Row, e.Column, e.Field, e.Message)
		}
	}
}
