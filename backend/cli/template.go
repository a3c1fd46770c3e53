package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/template"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// runTemplate writes the Excel template of an import kind. It needs no data folder: the
// likelihood and impact lists follow the risk method of the data folder when it holds
// data (read, never written), else the default method.
func runTemplate(dir string, args []string, env Env) error {
	fs := flag.NewFlagSet("template", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "the workbook to write (.xlsx)")
	pos, flags := splitPositional(args)
	if err := fs.Parse(flags); err != nil {
		return usagef("template: %v", err)
	}
	kinds := strings.Join(xlsx.Kinds(), ", ")
	if len(pos) != 1 || *out == "" {
		return usagef("template needs KIND and --out FILE; KIND is one of %s", kinds)
	}
	if _, err := xlsx.Fields(pos[0]); err != nil {
		return usagef("template: unknown KIND %q; use one of %s", pos[0], kinds)
	}
	if !strings.HasSuffix(strings.ToLower(*out), ".xlsx") {
		return usagef("template: --out must name an .xlsx file, not %q", *out)
	}
	opt := template.Options{Now: env.Clock(), Method: riskMethod(dir, env)}
	if err := template.Save(*out, pos[0], opt); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Wrote the %s template to %s.\n", pos[0], *out)
	return nil
}

// riskMethod is the risk method of the data in dir, or the default one when dir holds no
// data or cannot be read now (a note on standard error says so).
func riskMethod(dir string, env Env) isms.RiskMethod {
	if dir == "" || !store.HasData(dir) {
		return isms.DefaultRiskMethod()
	}
	db, err := store.Open(dir, store.Options{ReadOnly: true, Clock: env.Clock, Logger: env.Log})
	if err == nil {
		defer db.Close()
		var org isms.Organisation
		if err = db.View(func(tx *store.Tx) (err error) { org, err = tx.Organisation(); return err }); err == nil && len(org.RiskMethod.Likelihood) > 0 {
			return org.RiskMethod
		}
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "ismsdesk: the risk method of %s could not be read (%v); the likelihood and impact lists follow the default method\n", dir, err)
	}
	return isms.DefaultRiskMethod()
}
