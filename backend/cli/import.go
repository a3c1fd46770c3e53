package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/fault"
	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
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
	field = strings.TrimSpace(field)
	if old, dup := m[field]; dup && old != strings.TrimSpace(col) {
		return fmt.Errorf("--map %s is given twice (%s and %s): a field takes one column", field, old, strings.TrimSpace(col))
	}
	m[field] = strings.TrimSpace(col)
	return nil
}

// setFlags collects repeated --set FIELD=VALUE flags: one value for a field on every row.
type setFlags map[string]string

func (m setFlags) String() string { return fmt.Sprint(map[string]string(m)) }

func (m setFlags) Set(v string) error {
	field, value, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(field) == "" || strings.TrimSpace(value) == "" {
		return fmt.Errorf("--set wants FIELD=VALUE, got %q", v)
	}
	m[strings.TrimSpace(field)] = strings.TrimSpace(value)
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
	// Confidence says how each mapped column was found: exact, synonym, guess or chosen.
	Confidence map[string]string `json:"confidence"`
	// Sections are the rows skipped as section headings.
	Sections []importer.SectionRow `json:"sections"`
	// Warnings are date columns read by the date order alone, or with dates without a day.
	Warnings []xlsx.DateWarning `json:"warnings"`
	// Unmapped are the columns with values that no field takes: not imported.
	Unmapped []xlsx.UnmappedColumn `json:"unmapped"`
	// ISO2013 is set for a Statement of Applicability of ISO/IEC 27001:2013: what
	// --from-2013 brings onto which 2022 controls.
	ISO2013 *importer.ISO2013 `json:"iso2013,omitempty"`
	// NewPeople and NewControls are the people and custom controls the import creates.
	NewPeople   []string `json:"newPeople"`
	NewControls []string `json:"newControls"`
	// Fixes are the bulk fixes offered (--fix ID) and whether they were applied.
	Fixes []importer.Fix `json:"fixes"`
	// ProblemGroups are the row problems by field and kind of message.
	ProblemGroups []importer.ProblemGroup `json:"problemGroups"`
	// RepeatedTitles are titles several rows share (a warning).
	RepeatedTitles []importer.RepeatedTitle `json:"repeatedTitles"`
	// GuessedPeople are names of a person column proposed by a guess, not added as people.
	GuessedPeople []importer.GuessedPeople `json:"guessedPeople"`
	// Layout says how the sheet's layout was read; Merged lists the records read from
	// several rows (MergedRows rows joined); TableEnd is the table's last row when rows of
	// another layout follow it (0: none).
	Layout     []xlsx.LayoutNote       `json:"layout"`
	FillDown   []string                `json:"fillDown"`
	MergeBy    string                  `json:"mergeBy"`
	Merged     []importer.MergedRecord `json:"merged"`
	MergedRows int                     `json:"mergedRows"`
	TableEnd   int                     `json:"tableEnd"`
	// Sheets are the sheets imported; LayoutSheets the other sheets with the same layout.
	Sheets       []string `json:"sheets"`
	LayoutSheets []string `json:"layoutSheets"`
}

func runImport(dir string, args []string, env Env) error {
	if len(args) > 0 {
		switch args[0] {
		case "history":
			return importHistory(dir, args[1:], env)
		case "revert":
			return importRevert(dir, args[1:], env)
		}
	}
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	sheet := fs.String("sheet", "", "SHEET: the sheet to import (default: the one that looks most like a register)")
	headerRow := fs.Int("header-row", 0, "N: the Excel row number of the header")
	maps := mapFlags{}
	fs.Var(maps, "map", "FIELD=COLUMN: the column of a field (its letter or its header); repeatable")
	dryRun := fs.Bool("dry-run", false, "show what would be imported; write nothing")
	skipInvalid := fs.Bool("skip-invalid", false, "import the valid rows and list the invalid ones")
	dayFirst := fs.Bool("day-first", false, "read dates like 03/04/2024 as 3 April")
	asJSON := fs.Bool("json", false, "print one JSON object")
	matchBy := fs.String("match-by", "", "FIELD: the field that matches rows to stored records (default: ref)")
	var unmaps listFlag
	fs.Var(&unmaps, "unmap", "FIELD: leave a proposed field without a column; repeatable")
	monthFirst := fs.Bool("month-first", false, "read dates like 03/04/2024 as March 4")
	scale := fs.String("scale", "", `risks: the file's scale for likelihood and impact, read onto the risk method's levels: a range such as 1-10, or words such as "Low=1,Medium=2,High=3"`)
	survey := fs.String("survey", "", "REF: survey-results: the reference or title of the survey the results belong to")
	audit := fs.String("audit", "", "REF: audit-results: the reference or title of the audit whose checklist the results go into")
	from2013 := fs.Bool("from-2013", false, "controls: bring an ISO/IEC 27001:2013 Statement of Applicability onto the 2022 controls")
	sets := setFlags{}
	fs.Var(sets, "set", "FIELD=VALUE: the same value on every row whose cell is empty (every row without a column); repeatable")
	var fixes listFlag
	fs.Var(&fixes, "fix", "ID: apply a bulk fix the preview offers, or all; repeatable")
	var fillDown, sheets listFlag
	fs.Var(&fillDown, "fill-down", "COLUMN: blank cells of the column (letter or header name) take the value above; repeatable")
	noFillDown := fs.Bool("no-fill-down", false, "fill no column down, not even the proposed ones")
	mergeBy := fs.String("merge-by", "", "FIELD: rows with the same value of the field are one record, their values joined; none to merge no rows")
	headerRows := fs.Int("header-rows", 0, "with --header-row: how many rows the header spans (1 to 3)")
	fs.Var(&sheets, "sheets", "SHEET: another sheet with the same layout to import with --sheet in one run; repeatable")
	allSheets := fs.Bool("all-sheets", false, "import every sheet with the layout of the chosen one, all or nothing")
	pos, flags := splitPositional(args)
	if err := fs.Parse(flags); errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(env.Stdout, "ismsdesk [--data DIR] import KIND FILE [OPTIONS]\nKIND: %s\nOptions:\n", strings.Join(xlsx.Kinds(), ", "))
		fs.VisitAll(func(f *flag.Flag) {
			arg, usage := flag.UnquoteUsage(f) // arg: "" for a switch, else the value's type
			if a, rest, ok := strings.Cut(usage, ": "); ok && a == strings.ToUpper(a) && !strings.Contains(a, " ") {
				arg, usage = a, rest // "FIELD=COLUMN: ..."
			} else if arg != "" {
				arg = "N"
				if f.Name != "header-row" && f.Name != "header-rows" {
					arg = strings.ToUpper(f.Name)
				}
			}
			fmt.Fprintf(env.Stdout, "  %s\n        %s\n", strings.TrimSpace("--"+f.Name+" "+arg), usage)
		})
		return nil
	} else if err != nil {
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
	for f := range sets {
		if !names[f] {
			return usagef("import: --set %s: %s has no field %q; its fields are %s", f, pos[0], f, strings.Join(list, ", "))
		}
	}
	if *matchBy != "" && !names[*matchBy] {
		return usagef("import: --match-by %s: %s has no field %q; its fields are %s", *matchBy, pos[0], *matchBy, strings.Join(list, ", "))
	}
	if *survey != "" && pos[0] != xlsx.KindSurveyResults {
		return usagef("import: --survey is for %s only", xlsx.KindSurveyResults)
	}
	if *survey == "" && pos[0] == xlsx.KindSurveyResults {
		return usagef("import %s needs --survey REF: the reference or title of the survey the results belong to", xlsx.KindSurveyResults)
	}
	if *audit != "" && pos[0] != xlsx.KindAuditResults {
		return usagef("import: --audit is for %s only", xlsx.KindAuditResults)
	}
	if *audit == "" && pos[0] == xlsx.KindAuditResults {
		return usagef("import %s needs --audit REF: the reference or title of the audit whose checklist the results go into", xlsx.KindAuditResults)
	}
	if *headerRow < 0 {
		return usagef("import: --header-row must be an Excel row number (1 or more)")
	}
	for _, f := range unmaps {
		if !names[f] {
			return usagef("import: --unmap %s: %s has no field %q; its fields are %s", f, pos[0], f, strings.Join(list, ", "))
		}
	}
	if *dayFirst && *monthFirst {
		return usagef("import: --day-first and --month-first cannot both be given")
	}
	if *scale != "" {
		if pos[0] != xlsx.KindRisks {
			return usagef("import: --scale is for %s only", xlsx.KindRisks)
		}
		if _, err := xlsx.ParseScoreScale(*scale); err != nil {
			return usagef("import: --scale: %v", err)
		}
	}
	if *from2013 && pos[0] != xlsx.KindControls {
		return usagef("import: --from-2013 is for %s only", xlsx.KindControls)
	}
	if _, err := os.Stat(pos[1]); err != nil {
		if os.IsNotExist(err) {
			return isms.Errorf(isms.CodeNotFound, "there is no file %s", pos[1])
		}
		return fmt.Errorf("unable to read %s: %w", pos[1], err)
	}
	if !*dryRun {
		// A disk too full to write safely refuses the import before anything is read.
		if st, err := os.Stat(pos[1]); err == nil {
			if err := fault.CheckSpace(dir, 10*st.Size()); err != nil {
				return err
			}
		}
	}
	ctx, stop := env.signalContext()
	defer stop()
	ctx, unwatch := fault.Watch(ctx, dir) // stops and rolls back the import when the disk fills up
	defer unwatch()
	req := importer.Request{Kind: pos[0], File: pos[1], Sheet: *sheet, HeaderRow: *headerRow,
		Map: maps, DayFirst: *dayFirst, SkipInvalid: *skipInvalid, MatchBy: *matchBy, Survey: *survey, Audit: *audit, From2013: *from2013}
	req.Unmap, req.Scale = unmaps, *scale
	req.Fixed, req.Fixes = sets, fixes
	if *mergeBy != "" && *mergeBy != importer.MergeNone && !names[*mergeBy] {
		return usagef("import: --merge-by %s: %s has no field %q; its fields are %s (or none)", *mergeBy, pos[0], *mergeBy, strings.Join(list, ", "))
	}
	if *headerRows < 0 || *headerRows > xlsx.MaxHeaderRows || (*headerRows > 0 && *headerRow == 0) {
		return usagef("import: --header-rows takes 1 to %d, with --header-row", xlsx.MaxHeaderRows)
	}
	if *allSheets && len(sheets) > 0 {
		return usagef("import: --all-sheets and --sheets cannot both be given")
	}
	if len(fillDown) > 0 && *noFillDown {
		return usagef("import: --fill-down and --no-fill-down cannot both be given")
	}
	req.FillDown, req.NoFillDown, req.MergeBy, req.HeaderRows = fillDown, *noFillDown, *mergeBy, *headerRows
	req.Sheets, req.AllSheets = sheets, *allSheets
	if *monthFirst {
		req.DateOrder = importer.DateOrderMonth
	}
	// A folder with no data yet is kept only when the import writes: a dry run reads the
	// file against a new database in memory, and a refused import removes the folder it
	// made.
	fresh := !store.HasData(dir)
	var db *store.DB
	var undoFolder func()
	switch {
	case fresh && *dryRun:
		db, err = openMemory(env)
	case fresh:
		db, undoFolder, err = openNew(dir, env)
	default:
		db, err = open(dir, env)
	}
	if err != nil {
		return err
	}
	defer func() {
		if db != nil {
			db.Close()
		}
	}()
	imported := false
	defer func() {
		if undoFolder != nil && !imported {
			db.Close()
			db = nil
			undoFolder()
		}
	}()
	defer importer.LeanHeap()()
	plan, err := importer.Prepare(ctx, db, req)
	if err != nil {
		if full := fault.Cause(ctx); full != nil {
			return full
		}
		return err
	}
	sum := importSummary{Kind: req.Kind, File: plan.FileName, Sheet: plan.Sheet, HeaderRow: plan.Header.Row,
		Rows: plan.Counts.Rows, Created: plan.Counts.Created, Updated: plan.Counts.Updated,
		Unchanged: plan.Counts.Unchanged, Skipped: plan.Counts.Skipped, DryRun: *dryRun,
		Mapping: plan.Mapping.Columns, Errors: plan.Errors, ISO2013: plan.ISO2013}
	sum.Confidence, sum.Sections, sum.Warnings = plan.Mapping.Confidence, plan.Sections, plan.Warnings
	sum.Unmapped = plan.Unmapped
	sum.NewPeople, sum.NewControls, sum.Fixes = plan.NewPeople, plan.NewControls, plan.Fixes
	sum.ProblemGroups, sum.RepeatedTitles, sum.GuessedPeople = plan.ProblemGroups, plan.RepeatedTitles, plan.GuessedPeople
	sum.Layout, sum.FillDown, sum.MergeBy = plan.Mapping.Layout, plan.Mapping.FillDown, plan.Mapping.MergeBy
	sum.Merged, sum.MergedRows, sum.TableEnd = plan.Merged, plan.MergedRows, plan.Header.End
	sum.Sheets, sum.LayoutSheets = plan.SheetsRead, plan.LayoutSheets
	var commitErr error
	if len(plan.MappingProblems) > 0 {
		commitErr = mappingError(plan)
	} else if !*dryRun && plan.Counts.Rows > 0 && plan.Counts.Invalid == plan.Counts.Rows {
		commitErr = isms.Errorf(isms.CodeInvalid, "every one of the %d rows is invalid, so nothing was imported: check the header row (--header-row) and the columns (--map, --unmap)", plan.Counts.Rows)
	} else if !*dryRun {
		var err error
		if undoFolder == nil && plan.Ready() == nil { // a folder made for this import has nothing to keep
			if _, berr := db.AutoBackup(store.ReasonImport); berr != nil {
				err = fmt.Errorf("the automatic backup made before every import failed, so nothing was imported: %w", berr)
			}
		}
		var res importer.Result
		if err == nil {
			res, err = importer.Commit(ctx, db, plan, env.Clock(), nil)
		}
		if full := fault.Cause(ctx); err != nil && full != nil {
			err = full
		}
		if err == nil {
			sum.ImportID = res.Log.ID
			imported = true
			if undoFolder != nil {
				fmt.Fprintf(env.Stderr, "ismsdesk: there was no data in %s; a new data folder is created there\n", dir)
			}
		}
		commitErr = err
	} else if plan.ISO2013 != nil && !plan.ISO2013.Applied {
		commitErr = isms.Errorf(isms.CodeInvalid, "%s is a Statement of Applicability of ISO/IEC 27001:2013; use --from-2013", plan.FileName)
	} else if plan.Counts.Invalid > 0 && !*skipInvalid {
		how := fixHint(plan)
		if how == "" {
			how = "or "
		}
		commitErr = isms.Errorf(isms.CodeInvalid, "%d of %d rows are not valid; fix them, %suse --skip-invalid to import the rest", plan.Counts.Invalid, plan.Counts.Rows, how)
	}
	if commitErr != nil && !*dryRun && isms.ErrorCode(commitErr) == isms.CodeInvalid && plan.Counts.Invalid > 0 && fixHint(plan) != "" {
		commitErr = fmt.Errorf("%w (%sor --skip-invalid)", commitErr, strings.TrimSuffix(fixHint(plan), "or "))
	}
	if commitErr != nil && !*dryRun && len(plan.MappingProblems) == 0 && plan.ISO2013 != nil && !plan.ISO2013.Applied {
		commitErr = fmt.Errorf("%w (use --from-2013)", commitErr)
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
	fmt.Fprintf(w, "%s %s from %s, sheet %q, header row %d: %d %s, %d created, %d updated, %d unchanged, %d skipped, %d invalid.\n",
		verb, s.Kind, s.File, s.Sheet, s.HeaderRow, s.Rows, plural(s.Rows, "row", "rows"), s.Created, s.Updated, s.Unchanged, s.Skipped, plan.Counts.Invalid)
	printReading(w, plan)
	printNew(w, plan)
	if iso := plan.ISO2013; iso != nil {
		printISO2013(w, iso)
	}
	printFixes(w, plan, s.Errors)
	for i, e := range s.Errors {
		if i == 50 {
			fmt.Fprintf(w, "... and %d more problems (use --json to see them all)\n", len(s.Errors)-50)
			break
		}
		switch {
		case e.Row == 0 && e.Field == "":
			fmt.Fprintf(w, "mapping: %s (use --header-row N, --map FIELD=COLUMN or --unmap FIELD)\n", e.Message)
		case e.Row == 0:
			fmt.Fprintf(w, "mapping: %s: %s (use --map %s=COLUMN)\n", e.Field, e.Message, e.Field)
		case e.Column == "":
			fmt.Fprintf(w, "%srow %d, %s: %s\n", sheetOf(e), e.Row, e.Field, e.Message)
		default:
			fmt.Fprintf(w, "%srow %d, column %s, %s: %s\n", sheetOf(e), e.Row, e.Column, e.Field, e.Message)
		}
	}
}

// sheetOf names the sheet of a problem when the import read several: `sheet "2024", `.
func sheetOf(e xlsx.Problem) string {
	if e.Sheet == "" {
		return ""
	}
	return fmt.Sprintf("sheet %q, ", e.Sheet)
}

// printNew lists the people and custom controls the import creates, and the names of a
// guessed person column it does not make people of.
func printNew(w io.Writer, plan *importer.Plan) {
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		shown := items
		if len(shown) > 30 {
			shown = shown[:30]
		}
		more := ""
		if len(items) > len(shown) {
			more = fmt.Sprintf(" and %d more (use --json to see them all)", len(items)-len(shown))
		}
		fmt.Fprintf(w, "%s (%d): %s%s\n", title, len(items), strings.Join(shown, ", "), more)
	}
	list("New people", plan.NewPeople)
	list("New custom controls", plan.NewControls)
	for _, g := range plan.GuessedPeople {
		more := ""
		if g.Count > len(g.Names) {
			more = fmt.Sprintf(" and %d more", g.Count-len(g.Names))
		}
		fmt.Fprintf(w, "%s ← %s %q is a guess, so nobody is added from it: %d %s no one (%d %s left without %s): %s%s; use --map %s=%s to add them as people\n",
			g.Field, g.Column, g.Header, g.Count, plural(g.Count, "name matches", "names match"), g.Rows, plural(g.Rows, "row", "rows"), g.Field,
			strings.Join(g.Names, ", "), more, g.Field, g.Column)
	}
	if n := plan.RepeatedTitleCount; n > 0 {
		fmt.Fprintf(w, "Warning: %d %s on several rows:\n", n, plural(n, "title appears", "titles appear"))
		for i, r := range plan.RepeatedTitles {
			if i == 10 {
				fmt.Fprintf(w, "  ... and %d more (use --json to see them all)\n", n-10)
				break
			}
			fmt.Fprintf(w, "  %q on %d rows (%s)\n", r.Title, r.Count, rowList(r.Rows, r.Count))
		}
	}
}

// printFixes prints the bulk fixes, with the flag that applies each, and the problems by
// kind when there are many.
func printFixes(w io.Writer, plan *importer.Plan, errors []xlsx.Problem) {
	for _, f := range plan.Fixes {
		if f.Applied {
			fmt.Fprintf(w, "Fixed: %s (%s).\n", lowerFirst(f.Description), f.Problem)
			continue
		}
		fmt.Fprintf(w, "Fix offered: %s (%s; %s): use --fix %s\n", lowerFirst(f.Description), f.Problem, rowList(f.Examples, f.Rows), f.ID)
	}
	if len(errors) <= 10 || len(plan.ProblemGroups) == 0 {
		return
	}
	fmt.Fprintln(w, "Problems by kind:")
	for i, g := range plan.ProblemGroups {
		if i == 10 {
			fmt.Fprintf(w, "  ... and %d more kinds (use --json to see them all)\n", len(plan.ProblemGroups)-10)
			break
		}
		fix := ""
		if g.Fix != "" {
			fix = " (--fix " + g.Fix + ")"
		}
		fmt.Fprintf(w, "  %d %s, %s: %s%s\n", g.Rows, plural(g.Rows, "row", "rows"), g.Field, g.Message, fix)
	}
}

// rowList names the first rows of n: "rows 13, 25 and 37" or "rows 13, 25, ... of 8012".
func rowList(rows []int, n int) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = fmt.Sprint(r)
	}
	if n == 1 && len(rows) == 1 {
		return "row " + parts[0]
	}
	if n > len(rows) {
		return fmt.Sprintf("rows %s, ... (%d in all)", strings.Join(parts, ", "), n)
	}
	if len(parts) > 1 {
		return "rows " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return "rows " + strings.Join(parts, ", ")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// fixHint names the --fix flags of the fixes offered and not applied: "use --fix ID, or ".
func fixHint(plan *importer.Plan) string {
	var ids []string
	for _, f := range plan.Fixes {
		if !f.Applied {
			ids = append(ids, "--fix "+f.ID)
		}
	}
	if len(ids) > 1 {
		ids = append(ids, "--fix all")
	}
	// a value missing on many rows: the user may give them all the same one
	seen := map[string]bool{}
	for _, g := range plan.ProblemGroups {
		if g.Fix == "" && !seen[g.Field] && strings.HasSuffix(g.Message, "is required") && slices.ContainsFunc(plan.Fields, func(f xlsx.Field) bool { return f.Name == g.Field }) {
			seen[g.Field] = true
			ids = append(ids, "--set "+g.Field+"=VALUE (one value for every row without one)")
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return "use " + strings.Join(ids, " or ") + ", or "
}

// printISO2013 says that a file is a 2013 Statement of Applicability and what --from-2013
// does with it.
func printISO2013(w io.Writer, iso *importer.ISO2013) {
	fmt.Fprintln(w, iso.Message)
	if !iso.Applied {
		fmt.Fprintln(w, "Use --from-2013 to import it that way.")
	}
	for _, t := range iso.Targets {
		line := fmt.Sprintf("  %s %s <- %s", t.Ref, t.Title, strings.Join(t.From, ", "))
		if t.Note != "" {
			line += " (" + t.Note + ")"
		}
		fmt.Fprintln(w, line)
	}
	for _, s := range iso.Split {
		fmt.Fprintf(w, "One 2013 control to several 2022 controls: %s -> %s\n", s.From, strings.Join(s.To, ", "))
	}
	if len(iso.Unmapped) > 0 {
		fmt.Fprintf(w, "2013 controls with no 2022 counterpart, left out: %s\n", strings.Join(iso.Unmapped, ", "))
	} else {
		fmt.Fprintln(w, "Every 2013 control of the file has a 2022 counterpart.")
	}
	if iso.Headings > 0 {
		fmt.Fprintf(w, "%d 2013 heading rows (themes and objectives) left out.\n", iso.Headings)
	}
	fmt.Fprintf(w, "New in 2022, no 2013 source, left as they are: %s\n", strings.Join(iso.New, "; "))
}

// openMemory opens a new, seeded database in memory: a file is read against it when the
// data folder has no data yet, so that nothing is created on disk before an import writes.
func openMemory(env Env) (*store.DB, error) {
	db, err := store.Open("", store.Options{InMemory: true, Clock: env.Clock, Logger: env.Log})
	if err != nil {
		return nil, err
	}
	if err := db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, isms.DateOf(env.Clock())) }); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// openNew creates the data folder dir (which holds no data) for an import and returns an
// undo that removes what it created, for an import that fails after all: the folder
// itself when it did not exist, else what was put in it.
func openNew(dir string, env Env) (*store.DB, func(), error) {
	_, statErr := os.Stat(dir)
	existed := statErr == nil
	undo := func() {
		if !existed {
			os.RemoveAll(dir)
			return
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	db, err := open(dir, env)
	if err != nil {
		undo()
		return nil, nil, err
	}
	return db, undo, nil
}

// historyEntry is one import as `import history --json` prints it.
type historyEntry struct {
	ID         string `json:"id"`
	At         string `json:"at"`
	Kind       string `json:"kind"`
	File       string `json:"file"`
	Sheet      string `json:"sheet"`
	Rows       int    `json:"rows"`
	Created    int    `json:"created"`
	Updated    int    `json:"updated"`
	Skipped    int    `json:"skipped"`
	NewPeople  int    `json:"newPeople"`
	SHA256     string `json:"sha256"`
	RevertedAt string `json:"revertedAt,omitempty"`
}

// importHistory prints the import log, newest first.
func importHistory(dir string, args []string, env Env) error {
	fs := flag.NewFlagSet("import history", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print a JSON array")
	if err := fs.Parse(args); err != nil {
		return usagef("import history: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("import history takes no arguments but --json")
	}
	db, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	logs, err := importer.Logs(db)
	if err != nil {
		return err
	}
	entries := make([]historyEntry, len(logs))
	for i, l := range logs {
		entries[i] = historyEntry{ID: l.ID, At: l.At.UTC().Format(time.RFC3339), Kind: l.Kind, File: l.File, Sheet: l.Sheet,
			Rows: l.Counts.Rows, Created: l.Counts.Created, Updated: l.Counts.Updated, Skipped: l.Counts.Skipped,
			NewPeople: l.NewPeople, SHA256: l.SHA256}
		if !l.RevertedAt.IsZero() {
			entries[i].RevertedAt = l.RevertedAt.UTC().Format(time.RFC3339)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	w := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tWHEN\tKIND\tFILE\tROWS\tSHA-256\tREVERTED")
	for _, e := range entries {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", e.ID, strings.Replace(e.At, "T", " ", 1), e.Kind, oneLine(e.File, 40), e.Rows, e.SHA256, e.RevertedAt)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "%d %s\n", len(entries), plural(len(entries), "import", "imports"))
	return nil
}

// importRevert undoes one import, as the window's import history does: refused when a
// record it wrote changed since, or when it was reverted already. ID may be shortened to
// a prefix that names one import.
func importRevert(dir string, args []string, env Env) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return usagef("import revert needs the ID of one import (see `ismsdesk import history`)")
	}
	db, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer db.Close()
	logs, err := importer.Logs(db)
	if err != nil {
		return err
	}
	var match []importer.Log
	for _, l := range logs {
		if l.ID == args[0] {
			match = []importer.Log{l}
			break
		}
		if args[0] != "" && strings.HasPrefix(l.ID, args[0]) {
			match = append(match, l)
		}
	}
	switch {
	case len(match) == 0:
		return isms.Errorf(isms.CodeNotFound, "there is no import %s; `ismsdesk import history` lists them", args[0])
	case len(match) > 1:
		var b strings.Builder
		fmt.Fprintf(&b, "the ID prefix %s is ambiguous: it names %d imports; give more characters of the ID:", args[0], len(match))
		for _, l := range match {
			fmt.Fprintf(&b, "\n  %s  %s  %s", l.ID, l.At.UTC().Format("2006-01-02 15:04"), oneLine(l.File, 60))
		}
		return isms.Errorf(isms.CodeInvalid, "%s", b.String())
	case match[0].ID != args[0] && len(args[0]) < 4:
		l := match[0]
		return isms.Errorf(isms.CodeInvalid, "the ID prefix %s is too short; give at least 4 characters of the ID (%s, the import of %s on %s)",
			args[0], l.ID, oneLine(l.File, 60), l.At.UTC().Format("2006-01-02 15:04"))
	}
	if err := fault.CheckSpace(dir, 0); err != nil {
		return err
	}
	ctx, stop := env.signalContext()
	defer stop()
	l, err := importer.Revert(ctx, db, match[0].ID, env.Clock())
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Reverted the import of %s (%s, %s): %d %s removed, %d restored as they were before it.\n",
		l.File, l.Kind, l.At.UTC().Format("2006-01-02 15:04"), l.Counts.Created+l.NewPeople, plural(l.Counts.Created+l.NewPeople, "record", "records"), l.Counts.Updated)
	return nil
}

// listFlag collects a repeatable flag's values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("wants a field name")
	}
	*l = append(*l, strings.TrimSpace(v))
	return nil
}

// printReading prints how the file was read: the mapping with its confidence, the
// section rows skipped, and the date columns read by the date order alone.
func printReading(w io.Writer, plan *importer.Plan) {
	printLayout(w, plan)
	if lines := plan.Mapping.Describe(plan.Header); len(lines) > 0 {
		fmt.Fprintln(w, "Mapping (change it with --map FIELD=COLUMN or --unmap FIELD):")
		for _, l := range lines {
			fmt.Fprintln(w, "  "+l)
		}
	}
	for _, f := range sortedKeys(plan.Mapping.NotProposed) {
		fmt.Fprintf(w, "  %s not proposed: %s; use --map %s=COLUMN to import it anyway\n", f, plan.Mapping.NotProposed[f], f)
	}
	if len(plan.Unmapped) > 0 {
		fmt.Fprintln(w, "Not imported (no field takes these columns; --map FIELD=COLUMN brings one in):")
		for _, u := range plan.Unmapped {
			fmt.Fprintf(w, "  %s\n", unmappedText(u))
		}
	}
	if n := len(plan.Sections); n > 0 {
		noun := "rows"
		if n == 1 {
			noun = "row"
		}
		fmt.Fprintf(w, "%d %s skipped as section headings:\n", n, noun)
		for i, sec := range plan.Sections {
			if i == 20 {
				fmt.Fprintf(w, "  ... and %d more (use --json to see them all)\n", n-20)
				break
			}
			fmt.Fprintf(w, "  row %d: %s\n", sec.Row, sec.Text)
		}
	}
	for _, d := range plan.Warnings {
		if d.Partial {
			fmt.Fprintf(w, "Dates: %s\n", d.Message)
			continue
		}
		why := ""
		if d.DayFirst && plan.LocaleHint != "" {
			why = " (day first, as " + plan.LocaleHint + ")"
		}
		if plan.Request.DayFirst || plan.Request.DateOrder != "" {
			fmt.Fprintf(w, "Dates: %s, as asked\n", d.Message)
			continue
		}
		fmt.Fprintf(w, "Dates: %s%s: use --day-first or --month-first\n", d.Message, why)
	}
}

// unmappedText is a column left out: `D "Plan d'action" (12 values)`.
func unmappedText(u xlsx.UnmappedColumn) string {
	name := "(no header)"
	if u.Name != "" {
		name = fmt.Sprintf("%q", oneLine(u.Name, 40))
	}
	values := fmt.Sprintf("%d %s", u.Values, plural(u.Values, "value", "values"))
	if u.Hidden {
		values += ", hidden"
	}
	return fmt.Sprintf("%s %s (%s)", u.Column, name, values)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// mappingError says why a plan with mapping problems imports nothing, with the flags that fix it.
func mappingError(plan *importer.Plan) error {
	var fields []string
	for _, p := range plan.MappingProblems {
		if p.Field == "" {
			return isms.Errorf(isms.CodeInvalid, "the rows under the header (row %d) give no record with this mapping, so nothing was imported; use --header-row N, --map FIELD=COLUMN or --unmap FIELD", plan.Header.Row)
		}
		fields = append(fields, p.Field)
	}
	return isms.Errorf(isms.CodeInvalid, "the columns do not give every required field (%s), so nothing was imported; use --map FIELD=COLUMN (or --header-row N when the header is elsewhere)", strings.Join(fields, ", "))
}

// printLayout prints how the sheet's layout was read: the id split off the text, the
// columns filled down, the rows merged into one record, where the table ends, and the
// sheets that share its layout, with the flags that change each.
func printLayout(w io.Writer, plan *importer.Plan) {
	m := plan.Mapping
	for _, n := range m.Layout {
		flag := map[string]string{"splitRef": "--map ref=COLUMN", "fillDown": "--no-fill-down", "mergeBy": "--merge-by none"}[n.Option]
		fmt.Fprintf(w, "Layout: %s (%s to change it)\n", n.Message, flag)
	}
	if len(m.FillDown) > 0 {
		fmt.Fprintf(w, "Filled down: %s\n", strings.Join(m.FillDown, ", "))
	}
	if plan.MergedRows > 0 {
		var ex []string
		for i, r := range plan.Merged {
			if i == 5 {
				ex = append(ex, "...")
				break
			}
			rows := make([]string, len(r.Rows))
			for j, n := range r.Rows {
				rows[j] = fmt.Sprint(n)
			}
			ex = append(ex, fmt.Sprintf("%s: row %d with %s", r.Ref, r.Row, strings.Join(rows, ", ")))
		}
		fmt.Fprintf(w, "%d %s merged into the record above by %s (%s)\n", plan.MergedRows, plural(plan.MergedRows, "row", "rows"), m.MergeBy, strings.Join(ex, "; "))
	}
	if h := plan.Header; h.End > 0 {
		fmt.Fprintf(w, "The table ends at row %d: %d %s below it %s another layout (a matrix, a legend) and %s left out\n",
			h.End, h.Below, plural(h.Below, "row", "rows"), map[bool]string{true: "has", false: "have"}[h.Below == 1], map[bool]string{true: "is", false: "are"}[h.Below == 1])
	}
	if len(plan.SheetsRead) > 1 {
		fmt.Fprintf(w, "Sheets imported together: %s\n", strings.Join(plan.SheetsRead, ", "))
	} else if len(plan.LayoutSheets) > 0 {
		fmt.Fprintf(w, "Other sheets with this layout: %s (use --all-sheets to import them in the same run)\n", strings.Join(plan.LayoutSheets, ", "))
	}
}
