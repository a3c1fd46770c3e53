package template

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

var now = time.Date(2026, 5, 12, 9, 30, 0, 0, time.UTC)

// openStore opens a fresh store in a temporary folder, seeded as the app seeds a new one.
func openStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(t.TempDir(), store.Options{Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, isms.DateOf(now)) }); err != nil {
		t.Fatal(err)
	}
	return db
}

func exampleOf(cols []Column, field string) any {
	for _, c := range cols {
		if c.Field.Name == field {
			return c.Example
		}
	}
	return nil
}

// target stores what a kind imported into existing records needs, named as the
// template's example row names it, and returns the request's survey ("" for none).
func target(t *testing.T, db *store.DB, kind string, cols []Column) string {
	t.Helper()
	survey := ""
	if kind == xlsx.KindAuditResults {
		survey = "IA-01" // the audit the results go into
	}
	err := db.Update(func(tx *store.Tx) error {
		switch kind {
		case xlsx.KindAcknowledgements:
			boss := &isms.Person{Name: "Robin Partner", Active: true}
			if err := tx.Create(boss, "test"); err != nil {
				return err
			}
			return tx.Create(&isms.Policy{Ref: fmt.Sprint(exampleOf(cols, "policy")), Title: "Information Security Policy", DocType: isms.DocPolicy,
				Status: isms.PolicyPublished, ApproverID: boss.ID,
				Versions: []isms.PolicyVersion{{Number: "1.0", Text: "We protect client information.", Status: isms.PolicyPublished,
					CreatedOn: "2026-01-05", PublishedOn: "2026-01-20",
					Approvals: []isms.Approval{{ApproverID: boss.ID, Decision: isms.DecisionApproved, At: "2026-01-19"}}}}}, "test")
		case xlsx.KindMeasurements:
			return tx.Create(&isms.KPI{Ref: fmt.Sprint(exampleOf(cols, "kpi")), Name: "Phishing simulation click rate", Frequency: "monthly",
				Unit: "%", Target: 5, Amber: 10, Direction: "lower_is_better", Active: true}, "test")
		case xlsx.KindAuditResults:
			return tx.Create(&isms.Audit{Ref: survey, Title: "Access control audit", AuditorName: "Jo External", Status: isms.AuditInProgress,
				StartDate: "2026-05-04", Checklist: []isms.ChecklistItem{{Ref: "7.2", Question: "Are competences recorded?", Result: isms.ResultConforming}}}, "test")
		case xlsx.KindSurveyResults:
			survey = "SUR-01"
			return tx.Create(&isms.Survey{Ref: survey, Title: "Staff security culture survey", Type: isms.SurveyKindSurvey, Date: "2026-04-20"}, "test")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return survey
}

// TestTemplatesImport: the template of every import kind, imported with no options into a
// fresh store, has its header found on row 1, every column mapped to its field with an
// exact match, and its example row stored as written; importing it again changes nothing.
func TestTemplatesImport(t *testing.T) {
	for _, kind := range xlsx.Kinds() {
		t.Run(kind, func(t *testing.T) {
			db := openStore(t)
			cols, err := Columns(kind, Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			fields, _ := xlsx.Fields(kind)
			if len(cols) != len(fields) {
				t.Fatalf("%d columns for %d fields", len(cols), len(fields))
			}
			path := filepath.Join(t.TempDir(), FileName(kind))
			if err := Save(path, kind, Options{Now: now}); err != nil {
				t.Fatal(err)
			}
			req := importer.Request{Kind: kind, File: path, Survey: target(t, db, kind, cols)}
			if kind == xlsx.KindAuditResults {
				req.Survey, req.Audit = "", req.Survey
			}
			p, err := importer.Prepare(context.Background(), db, req)
			if err != nil {
				t.Fatal(err)
			}
			if p.Sheet != SheetName(kind) || p.Header.Row != 1 || p.Header.Rows != 1 {
				t.Fatalf("sheet %q, header row %d (%d rows)", p.Sheet, p.Header.Row, p.Header.Rows)
			}
			for _, c := range cols {
				if got := p.Mapping.Columns[c.Field.Name]; got != c.Letter {
					t.Errorf("%s (%q) mapped to column %q, want %s", c.Field.Name, c.Header, got, c.Letter)
				}
				if sc := p.Mapping.Scores[c.Field.Name]; sc != 100 {
					t.Errorf("%s (%q) mapped with confidence %d, want an exact match (100)", c.Field.Name, c.Header, sc)
				}
			}
			if len(p.MappingProblems) > 0 || len(p.Errors) > 0 || p.Counts != (importer.Counts{Rows: 1, Created: p.Counts.Created, Updated: p.Counts.Updated}) ||
				p.Counts.Created+p.Counts.Updated != 1 {
				t.Fatalf("counts %+v, mapping problems %v, problems %v", p.Counts, p.MappingProblems, p.Errors)
			}
			if _, err := importer.Commit(context.Background(), db, p, now, nil); err != nil {
				t.Fatal(err)
			}
			if err := db.View(func(tx *store.Tx) error { checkStored(t, tx, kind, cols); return nil }); err != nil {
				t.Fatal(err)
			}
			again, err := importer.Prepare(context.Background(), db, req)
			if err != nil {
				t.Fatal(err)
			}
			if again.Counts != (importer.Counts{Rows: 1, Unchanged: 1}) {
				t.Errorf("importing the template again: counts %+v, problems %v", again.Counts, again.Errors)
			}
		})
	}
}

// want is the example value of c as the importer stores it, in JSON terms; ok is false
// for a blank cell.
func want(t *testing.T, c Column) (any, bool) {
	t.Helper()
	switch x := c.Example.(type) {
	case nil:
		return nil, false
	case time.Time:
		return x.Format("2006-01-02"), true
	case int:
		return float64(x), true
	case float64:
		if c.Field.Type == xlsx.TypePercent {
			return x * 100, true
		}
		return x, true
	case string:
		switch c.Field.Type {
		case xlsx.TypeEnum:
			for _, o := range c.Field.Options {
				if o.Label == x {
					return o.Value, true
				}
			}
			t.Fatalf("%s: the example %q is not among the choices %v", c.Field.Name, x, c.Choices)
		case xlsx.TypeBool:
			return x == "Yes", true
		case xlsx.TypeLevel:
			n, err := strconv.Atoi(strings.Fields(x)[0])
			if err != nil {
				t.Fatalf("%s: the example %q is not a level", c.Field.Name, x)
			}
			return float64(n), true
		}
		return x, true
	}
	t.Fatalf("%s: unexpected example %T", c.Field.Name, c.Example)
	return nil, false
}

func jsonOf(t *testing.T, v any) map[string]any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// links are the records a stored record names, by JSON field.
func links(r isms.Record) map[string][]isms.Link {
	out := map[string][]isms.Link{}
	terms := r.Terms()
	for _, l := range terms.Links {
		out[l.Field] = append(out[l.Field], l)
	}
	if terms.Owner != "" && len(out["ownerId"]) == 0 {
		out["ownerId"] = []isms.Link{{Field: "ownerId", Kind: isms.KindPerson, ID: terms.Owner}}
	}
	return out
}

// through names the link that holds a field that no JSON field of the record names.
var through = map[string]string{"trainingRef": "trainingId", "trainingDate": "trainingId", "email": "personId"}

// mismatches lists the columns whose example the stored record r does not hold: under the
// field's JSON name, or in the record a link names ("owner" is the name of the person
// "ownerId" links to, "controls" the references of the "controlIds").
func mismatches(t *testing.T, tx *store.Tx, m map[string]any, ls map[string][]isms.Link, cols []Column) []string {
	t.Helper()
	var out []string
	for _, c := range cols {
		w, ok := want(t, c)
		if !ok {
			continue
		}
		name := c.Field.Name
		if list, ok := m[name].([]any); ok && len(c.Field.Options) > 0 { // a list of enum values, such as channels
			var labels []string
			for _, v := range list {
				labels = append(labels, c.Field.Options.Label(fmt.Sprint(v)))
			}
			if got := strings.Join(labels, "; "); got != w {
				out = append(out, fmt.Sprintf("%s is %s, want %v", name, got, w))
			}
			continue
		}
		if got, ok := m[name]; ok {
			if !reflect.DeepEqual(got, w) {
				out = append(out, fmt.Sprintf("%s is %v, want %v", name, got, w))
			}
			continue
		}
		var linked []isms.Link
		for _, k := range []string{name + "Id", through[name], strings.TrimSuffix(name, "s") + "Ids"} {
			if k != "" && len(ls[k]) > 0 {
				linked = ls[k]
				break
			}
		}
		if linked == nil {
			out = append(out, fmt.Sprintf("%s (%v) is stored nowhere", name, w))
			continue
		}
		var texts []string
		for _, l := range linked {
			other, err := tx.Get(l.Kind, l.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range jsonOf(t, other) {
				if s, ok := v.(string); ok && s != "" {
					texts = append(texts, s)
				}
			}
		}
		for _, part := range strings.Split(fmt.Sprint(w), ",") {
			part = strings.TrimSpace(part)
			found := false
			for _, s := range texts {
				found = found || s == part
			}
			if !found {
				out = append(out, fmt.Sprintf("%s: no linked record holds %q", name, part))
			}
		}
	}
	return out
}

// checkStored asserts that the store holds the example row of kind's template.
func checkStored(t *testing.T, tx *store.Tx, kind string, cols []Column) {
	t.Helper()
	switch kind {
	case xlsx.KindAcknowledgements:
		rec, err := tx.ByRef(isms.KindPolicy, fmt.Sprint(exampleOf(cols, "policy")))
		if err != nil {
			t.Fatal(err)
		}
		v := rec.(*isms.Policy).Effective()
		if v == nil || len(v.Acknowledgements) != 1 {
			t.Fatalf("acknowledgements of the published version: %+v", v)
		}
		a := v.Acknowledgements[0]
		person, err := tx.Get(isms.KindPerson, a.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		day, _ := want(t, columnOf(cols, "date"))
		if p := person.(*isms.Person); p.Name != exampleOf(cols, "person") || p.Email != exampleOf(cols, "email") || string(a.On) != day {
			t.Errorf("acknowledged by %s <%s> on %s; the example row says %v <%v> on %v", p.Name, p.Email, a.On, exampleOf(cols, "person"), exampleOf(cols, "email"), day)
		}
		return
	case xlsx.KindAuditResults:
		rec, err := tx.ByRef(isms.KindAudit, "IA-01")
		if err != nil {
			t.Fatal(err)
		}
		a := rec.(*isms.Audit)
		if len(a.Checklist) != 2 || a.Status != isms.AuditInProgress {
			t.Fatalf("checklist %+v, status %s", a.Checklist, a.Status)
		}
		if problems := mismatches(t, tx, jsonOf(t, a.Checklist[1]), nil, cols); len(problems) > 0 {
			t.Errorf("the audit's checklist item: %s", strings.Join(problems, "; "))
		}
		return
	case xlsx.KindSurveyResults:
		rec, err := tx.ByRef(isms.KindSurvey, "SUR-01")
		if err != nil {
			t.Fatal(err)
		}
		qs := rec.(*isms.Survey).Questions
		if len(qs) != 1 {
			t.Fatalf("questions %+v", qs)
		}
		if problems := mismatches(t, tx, jsonOf(t, qs[0]), nil, renamed(cols, map[string]string{"question": "text"})); len(problems) > 0 {
			t.Errorf("the survey's question: %s", strings.Join(problems, "; "))
		}
		return
	}
	k, err := isms.ParseKind(kind)
	if err != nil {
		t.Fatalf("no check of the stored values for the import kind %q: add one to checkStored", kind)
	}
	recs, err := tx.List(k)
	if err != nil {
		t.Fatal(err)
	}
	var closest []string
	for _, r := range recs {
		problems := mismatches(t, tx, jsonOf(t, r), links(r), cols)
		if len(problems) == 0 {
			return
		}
		if closest == nil || len(problems) < len(closest) {
			closest = problems
		}
	}
	t.Errorf("no stored %s holds the example row; the closest: %s", k.Plural(), strings.Join(closest, "; "))
}

func columnOf(cols []Column, field string) Column {
	for _, c := range cols {
		if c.Field.Name == field {
			return c
		}
	}
	return Column{}
}

// renamed gives columns the JSON names of the stored fields they fill.
func renamed(cols []Column, names map[string]string) []Column {
	out := make([]Column, len(cols))
	for i, c := range cols {
		if n, ok := names[c.Field.Name]; ok {
			c.Field.Name = n
		}
		out[i] = c
	}
	return out
}

// TestTemplateWorkbook: the register sheet comes first with a frozen header, a comment on
// every column name, widths, drop-down lists of the allowed values and real dates; the
// "How to use" sheet is second, explains every column and suggests no command line.
func TestTemplateWorkbook(t *testing.T) {
	for _, kind := range xlsx.Kinds() {
		t.Run(kind, func(t *testing.T) {
			cols, err := Columns(kind, Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Write(&buf, kind, Options{Now: now}); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheets := f.GetSheetList()
			sheet := SheetName(kind)
			if len(sheets) < 2 || sheets[0] != sheet || sheets[1] != HowToSheet {
				t.Fatalf("sheets %v", sheets)
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 {
				t.Errorf("panes %+v (%v): want the header row frozen", panes, err)
			}
			comments, err := f.GetComments(sheet)
			if err != nil {
				t.Fatal(err)
			}
			noted := map[string]string{}
			for _, c := range comments {
				noted[c.Cell] = c.Text
				for _, p := range c.Paragraph {
					noted[c.Cell] += p.Text
				}
			}
			dvs, err := f.GetDataValidations(sheet)
			if err != nil {
				t.Fatal(err)
			}
			lists := map[string]string{}
			for _, dv := range dvs {
				lists[strings.Split(dv.Sqref, ":")[0]] = dv.Type + " " + dv.Formula1
			}
			for _, c := range cols {
				if v, _ := f.GetCellValue(sheet, c.Letter+"1"); v != c.Header {
					t.Errorf("%s1 is %q, want %q", c.Letter, v, c.Header)
				}
				if n := noted[c.Letter+"1"]; !strings.Contains(n, c.Note) || c.Note == "" {
					t.Errorf("the comment of %q is %q, want its note %q", c.Header, n, c.Note)
				}
				if isPerson(c.Field) && !strings.Contains(c.Note, PeopleNote) {
					t.Errorf("the note of %q does not say how people are found: %q", c.Header, c.Note)
				}
				if w, _ := f.GetColWidth(sheet, c.Letter); w < minWidth || w > maxWidth {
					t.Errorf("column %s is %.1f wide", c.Letter, w)
				}
				dv := lists[c.Letter+"2"]
				switch c.Field.Type {
				case xlsx.TypeEnum, xlsx.TypeBool, xlsx.TypeLevel:
					if len(c.Choices) == 0 || !strings.HasPrefix(dv, "list ") {
						t.Errorf("%q has no drop-down list: %q", c.Header, dv)
					}
					for _, ch := range c.Choices {
						if !strings.Contains(dv, ch) {
							t.Errorf("the list of %q (%s) lacks %q", c.Header, dv, ch)
						}
					}
					if c.Example != nil && !contains(c.Choices, fmt.Sprint(c.Example)) {
						t.Errorf("the example %v of %q is not in its list %v", c.Example, c.Header, c.Choices)
					}
				case xlsx.TypeDate:
					if !strings.HasPrefix(dv, "date ") {
						t.Errorf("%q has no date validation: %q", c.Header, dv)
					}
					if c.Example != nil {
						raw, _ := f.GetCellValue(sheet, c.Letter+"2", excelize.Options{RawCellValue: true})
						shown, _ := f.GetCellValue(sheet, c.Letter+"2")
						if _, err := strconv.ParseFloat(raw, 64); err != nil || shown != c.Example.(time.Time).Format("2006-01-02") {
							t.Errorf("%s2 holds %q shown as %q: want a real Excel date", c.Letter, raw, shown)
						}
					}
				default:
					if dv != "" {
						t.Errorf("%q has a validation %q", c.Header, dv)
					}
				}
			}
			rows, err := f.GetRows(HowToSheet)
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			for _, r := range rows {
				text.WriteString(strings.Join(r, " ") + "\n")
			}
			how := text.String()
			if !strings.Contains(how, "Import from Excel") {
				t.Errorf("the How to use sheet does not say where to import it:\n%s", how)
			}
			for _, c := range cols {
				if !strings.Contains(how, c.Header+": "+c.Note) {
					t.Errorf("the How to use sheet has no paragraph on %q", c.Header)
				}
			}
			if k := kinds[kind]; k.into != "" && !strings.Contains(how, k.into) {
				t.Errorf("the How to use sheet does not say %s rows go into existing records", kind)
			}
			for _, cmd := range []string{"ismsdesk ", "--", "command line", "terminal"} {
				if strings.Contains(strings.ToLower(how), cmd) {
					t.Errorf("the How to use sheet suggests a command line (%q):\n%s", cmd, how)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestLevelsFollowTheRiskMethod: the likelihood and impact lists are the method's levels
// with their labels; a label with a digit is left out, so the level still reads.
func TestLevelsFollowTheRiskMethod(t *testing.T) {
	m := isms.RiskMethod{Likelihood: []string{"Low", "Medium", "High"}, Impact: []string{"Level 1", "Level 2", "Level 3"}, Threshold: 3}
	cols, err := Columns(xlsx.KindRisks, Options{Now: now, Method: m})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, c := range cols {
		got[c.Field.Name] = c.Choices
		if c.Field.Type == xlsx.TypeLevel {
			for i, ch := range c.Choices {
				if n, err := xlsx.ParseLevel(ch); err != nil || n != i+1 {
					t.Errorf("%s choice %q reads as %d (%v)", c.Field.Name, ch, n, err)
				}
			}
		}
	}
	if want := []string{"1 - Low", "2 - Medium", "3 - High"}; !reflect.DeepEqual(got["likelihood"], want) || !reflect.DeepEqual(got["residualLikelihood"], want) {
		t.Errorf("likelihood choices %v, %v", got["likelihood"], got["residualLikelihood"])
	}
	if want := []string{"1", "2", "3"}; !reflect.DeepEqual(got["impact"], want) {
		t.Errorf("impact choices %v", got["impact"])
	}
	// the example's 3 and 4 of 5 are the middle and the top of three levels
	if ex, im := exampleOf(cols, "likelihood"), exampleOf(cols, "impact"); ex != "2 - Medium" || im != "3" {
		t.Errorf("example likelihood %v, impact %v", ex, im)
	}
}

// TestLongListsGoToAHiddenSheet: a list too long for a validation formula (or with a
// comma in a value) is written to the hidden Lists sheet and referenced from there.
func TestLongListsGoToAHiddenSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	var long []string
	for i := range 40 {
		long = append(long, fmt.Sprintf("A rather long value number %d", i+1))
	}
	lists := 0
	for i, ch := range [][]string{long, {"Yes, always", "No"}} {
		c := Column{Field: xlsx.Field{Name: "f", Type: xlsx.TypeEnum}, Letter: xlsx.ColumnLetter(i), Header: "F", Choices: ch}
		if err := validate(f, "Sheet1", c, &lists); err != nil {
			t.Fatal(err)
		}
	}
	if visible, _ := f.GetSheetVisible(listsSheet); visible || lists != 2 {
		t.Fatalf("lists sheet visible %v, %d lists", visible, lists)
	}
	dvs, _ := f.GetDataValidations("Sheet1")
	if len(dvs) != 2 || dvs[0].Formula1 != "'Lists'!$A$1:$A$40" || dvs[1].Formula1 != "'Lists'!$B$1:$B$2" {
		t.Fatalf("validations %+v", dvs)
	}
	if v, _ := f.GetCellValue(listsSheet, "B1"); v != "Yes, always" {
		t.Errorf("B1 %q", v)
	}
}

// TestSave: a template is written private to the user; an unknown kind writes nothing.
func TestSave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName(xlsx.KindRisks))
	if err := Save(path, xlsx.KindRisks, Options{}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("stat %v, %v", st, err)
	}
	bad := filepath.Join(dir, "bad.xlsx")
	if err := Save(bad, "unicorns", Options{}); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("unknown kind: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	if FileName(xlsx.KindRisks) != "ISMS Desk - risks template.xlsx" {
		t.Errorf("file name %q", FileName(xlsx.KindRisks))
	}
}
