package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// contradictoryRegister writes a generated requirements register of n rows in which one
// row in twelve is marked not applicable yet "Compliant"; it returns the rows that are.
func contradictoryRegister(t testing.TB, path string, n int) []int {
	t.Helper()
	var b strings.Builder
	b.WriteString("Reference,Title,Applicable,Status,Owner\n")
	var bad []int
	owners := []string{"Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth", "Frances Allen"}
	for i := 1; i <= n; i++ {
		applicable, status := "Yes", []string{"Compliant", "Partial", "Non-compliant"}[i%3]
		if i%12 == 0 {
			applicable, status = "No", "Compliant"
			bad = append(bad, i+1) // Excel row: the header is row 1
		}
		fmt.Fprintf(&b, "REQ-%06d,Requirement %d,%s,%s,%s\n", i, i, applicable, status, owners[i%7])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return bad
}

// TestBulkFixOfAGeneratedRegister: 8 % of a generated register break the rule that a
// requirement that does not apply is Not applicable (or not assessed): the plan offers one
// fix for all those rows, refuses the import until it is applied, and applied it imports
// every row with those rows set to Not applicable.
func TestBulkFixOfAGeneratedRegister(t *testing.T) {
	n := 100_000
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "register.csv")
	bad := contradictoryRegister(t, file, n)
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if p.Counts.Invalid != len(bad) || p.Counts.Rows != n {
		t.Fatalf("counts %+v, want %d invalid", p.Counts, len(bad))
	}
	if len(p.Fixes) != 1 {
		t.Fatalf("fixes %+v", p.Fixes)
	}
	fx := p.Fixes[0]
	want := fmt.Sprintf("Set the compliance status to Not applicable for these %s rows", thousands(len(bad)))
	if fx.ID != "requirement-not-applicable-status" || fx.Rows != len(bad) || fx.Applied || fx.Description != want ||
		fx.Field != "status" || fx.Examples[0] != bad[0] || len(fx.Examples) != 5 {
		t.Fatalf("fix %+v, want %q", fx, want)
	}
	if len(p.ProblemGroups) != 1 || p.ProblemGroups[0].Rows != len(bad) || p.ProblemGroups[0].Fix != fx.ID {
		t.Fatalf("groups %+v", p.ProblemGroups)
	}
	if err := p.Ready(); err == nil || !strings.Contains(err.Error(), "apply the fixes offered") {
		t.Fatalf("ready: %v", err)
	}

	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, Fixes: []string{fx.ID}})
	if p.Counts.Invalid != 0 || p.Counts.Created != n || len(p.Fixes) != 1 || !p.Fixes[0].Applied || p.Fixes[0].Rows != len(bad) {
		t.Fatalf("with the fix: %+v %+v", p.Counts, p.Fixes)
	}
	if len(p.NewPeople) != 7 {
		t.Fatalf("new people %v, want the 7 owners once each (mapping %v %v)", p.NewPeople, p.Mapping.Columns, p.Mapping.NotProposed)
	}
	// committed on a smaller register of the same making (writing 100,000 records is the benchmark's business)
	n = 1200
	small := filepath.Join(t.TempDir(), "small.csv")
	contradictoryRegister(t, small, n)
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: small, Fixes: []string{fx.ID}}))
	reqs := requirementsByRef(t, db)
	fixed, kept := reqs[fmt.Sprintf("REQ-%06d", 12)], reqs[fmt.Sprintf("REQ-%06d", 13)]
	if fixed.Applicable || fixed.Status != isms.ComplianceNotApplicable {
		t.Fatalf("fixed row: %+v", fixed)
	}
	if !kept.Applicable || kept.Status != isms.CompliancePartial {
		t.Fatalf("other row: %+v", kept)
	}
	if len(reqs) != n {
		t.Fatalf("%d requirements, want %d", len(reqs), n)
	}
}

// TestFixOnAnUpdate: a sheet that marks a stored requirement that does not apply
// "Compliant" breaks the rule only once merged with the stored record; the fix covers it.
func TestFixOnAnUpdate(t *testing.T) {
	db := openDB(t, "")
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "a.csv", "Ref,Title,Applicable\nR-1,One,No\nR-2,Two,Yes\n")}))
	file := writeFile(t, "b.csv", "Ref,Title,Status\nR-1,One,Compliant\nR-2,Two,Compliant\n")
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if p.Counts.Invalid != 1 || len(p.Fixes) != 1 || p.Fixes[0].Rows != 1 || p.Fixes[0].Examples[0] != 2 ||
		p.Fixes[0].Description != "Set the compliance status to Not applicable for this row" {
		t.Fatalf("plan %+v %+v", p.Counts, p.Fixes)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, Fixes: []string{FixAll}})
	if p.Counts.Invalid != 0 || p.Counts.Updated != 2 {
		t.Fatalf("with the fix: %+v %v", p.Counts, p.Errors)
	}
	if res := commit(t, db, p); fmt.Sprint(res.Log.Fixes) != "[requirement-not-applicable-status]" {
		t.Fatalf("the log says the fixes %v", res.Log.Fixes)
	}
	if r := requirementsByRef(t, db)["R-1"]; r.Status != isms.ComplianceNotApplicable || r.Applicable {
		t.Fatalf("R-1 %+v", r)
	}
	if r := requirementsByRef(t, db)["R-2"]; r.Status != isms.ComplianceCompliant {
		t.Fatalf("R-2 %+v", r)
	}
}

// TestExcludedControlFixAndJustificationLeftAlone: an excluded control marked implemented
// gets the fix; an exclusion without a justification has none (no text is made up).
func TestExcludedControlFixAndJustificationLeftAlone(t *testing.T) {
	db := openDB(t, "")
	file := writeFile(t, "soa.csv", "Control,Title,Applicability,Justification,Status\n"+
		"A.5.1,Policies for information security,Not applicable,No policies of our own,Implemented\n"+
		"A.5.2,Information security roles and responsibilities,Not applicable,,Not applicable\n"+
		"A.5.3,Segregation of duties,Not applicable,Single-person company,Implemented\n")
	p := prepare(t, db, Request{Kind: xlsx.KindControls, File: file, Fixes: []string{"all"}})
	if len(p.Fixes) != 1 || p.Fixes[0].ID != "excluded-control-status" || p.Fixes[0].Rows != 2 || !p.Fixes[0].Applied {
		t.Fatalf("fixes %+v", p.Fixes)
	}
	if p.Counts.Invalid != 1 || len(p.Errors) != 1 || p.Errors[0].Field != "justification" || p.Errors[0].Row != 3 {
		t.Fatalf("the exclusion without a justification: %+v %+v", p.Counts, p.Errors)
	}
	if len(p.ProblemGroups) != 1 || p.ProblemGroups[0].Fix != "" {
		t.Fatalf("groups %+v", p.ProblemGroups)
	}
	p.Request.SkipInvalid = true
	commit(t, db, p)
	var c *isms.Control
	db.View(func(tx *store.Tx) error {
		r, err := tx.ByRef(isms.KindControl, "A.5.3")
		c, _ = r.(*isms.Control)
		return err
	})
	if c == nil || c.Status != isms.ImplNotApplicable || c.Applicability != isms.ApplicabilityNotApplicable {
		t.Fatalf("A.5.3 %+v", c)
	}
}

// TestFixRulesMatchTheDomain: each rule's message is what the domain says for a record
// breaking it, and the fix makes the record valid.
func TestFixRulesMatchTheDomain(t *testing.T) {
	broken := map[string]isms.Record{
		"requirement-not-applicable-status": &isms.Requirement{Ref: "R-1", Title: "One", SourceType: isms.SourceLegal, Applicable: false, Status: isms.ComplianceCompliant},
		"excluded-control-status": &isms.Control{Ref: "A.5.1", Title: "Policies", Theme: isms.ThemeOrganizational, Applicability: isms.ApplicabilityNotApplicable,
			Justification: "none", Status: isms.ImplImplemented},
	}
	for _, r := range fixRules {
		rec, ok := broken[r.id]
		if !ok {
			t.Fatalf("rule %s has no test record", r.id)
		}
		e, _ := rec.Validate().(*isms.Error)
		if e == nil || !strings.HasSuffix(e.Fields[r.field], r.message) {
			t.Fatalf("%s: the domain says %v, the rule expects %q", r.id, rec.Validate(), r.message)
		}
		if !r.apply(rec) || rec.Validate() != nil {
			t.Fatalf("%s: the fix leaves %v", r.id, rec.Validate())
		}
	}
	if _, err := Prepare(context.Background(), openDB(t, ""), Request{Kind: xlsx.KindRequirements, File: writeFile(t, "x.csv", "Ref,Title\nR-1,One\n"), Fixes: []string{"make-it-good"}}); err == nil ||
		!strings.Contains(err.Error(), "requirement-not-applicable-status") {
		t.Fatalf("an unknown fix: %v", err)
	}
}

func TestMessageClassAndGroups(t *testing.T) {
	if a, b := messageClass(`Status: expected one of A, B, got "Foo"`), messageClass(`Status: expected one of A, B, got "Bar baz"`); a != b {
		t.Fatalf("%q != %q", a, b)
	}
	if a, b := messageClass(`"R-1" is also the reference of row 3`), messageClass(`"R-22" is also the reference of row 40`); a != b {
		t.Fatalf("%q != %q", a, b)
	}
	g := groupProblems(xlsx.KindRequirements, []xlsx.Problem{
		{Row: 2, Field: "status", Message: `expected one of A, got "x"`},
		{Row: 3, Field: "dueDate", Message: `expected a date, got "y"`},
		{Row: 4, Field: "status", Message: `expected one of A, got "z"`},
		{Row: 4, Field: "status", Message: `expected one of A, got "zz"`},
	})
	if len(g) != 2 || g[0].Field != "status" || g[0].Rows != 2 || fmt.Sprint(g[0].Examples) != "[2 4]" || g[1].Rows != 1 {
		t.Fatalf("groups %+v", g)
	}
	if thousands(8012) != "8,012" || thousands(100000) != "100,000" || thousands(12) != "12" {
		t.Fatal(thousands(8012), thousands(100000))
	}
}

// TestFixedValues: a value for every row fills a field the sheet has no column for, and
// the empty cells of a field it has; section rows stay sections, and a re-import with the
// same value changes nothing.
func TestFixedValues(t *testing.T) {
	db := openDB(t, "")
	file := writeFile(t, "nis2.csv", "Ref,Title,Source,Due date\n"+
		"Chapter IV,,,\n"+
		"ART-20,Governance,,2026-10-17\n"+
		"ART-21,Cybersecurity risk-management measures,NIS2 Art. 21,\n"+
		"ART-23,Reporting obligations,,\n")
	fixed := map[string]string{"sourceType": "Legal", "source": "NIS2", "dueDate": "2026-12-31"}
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, Fixed: fixed})
	if p.Counts.Created != 3 || p.Counts.Sections != 1 || p.Counts.Invalid != 0 {
		t.Fatalf("counts %+v %v", p.Counts, p.Errors)
	}
	if _, ok := p.Mapping.Columns["sourceType"]; ok {
		t.Fatalf("the plan's mapping gained a column: %v", p.Mapping.Columns)
	}
	if res := commit(t, db, p); res.Log.Fixed["source"] != "NIS2" || len(res.Log.Fixed) != 3 {
		t.Fatalf("the log says the values %v", res.Log.Fixed)
	}
	reqs := requirementsByRef(t, db)
	for ref, want := range map[string][2]string{"ART-20": {"NIS2", "2026-10-17"}, "ART-21": {"NIS2 Art. 21", "2026-12-31"}, "ART-23": {"NIS2", "2026-12-31"}} {
		r := reqs[ref]
		if r.SourceType != isms.SourceLegal || r.Source != want[0] || string(r.DueDate) != want[1] {
			t.Errorf("%s: %q %q %q, want legal %q %q", ref, r.SourceType, r.Source, r.DueDate, want[0], want[1])
		}
	}
	if p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, Fixed: fixed}); p.Counts.Unchanged != 3 {
		t.Fatalf("re-import: %+v", p.Counts)
	}
	// another value updates the stored records: the field is imported although no column holds it
	fixed["sourceType"] = "Regulatory"
	if p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, Fixed: fixed}); p.Counts.Updated != 3 {
		t.Fatalf("another value: %+v", p.Counts)
	}
	for _, c := range []struct {
		fixed map[string]string
		want  string
	}{
		{map[string]string{"sourceType": "Legall"}, "Source type: expected one of"},
		{map[string]string{"ref": "X"}, "cannot have the same value on every row"},
		{map[string]string{"colour": "red"}, "has no field"},
	} {
		_, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: file, Fixed: c.fixed})
		if err == nil || !strings.Contains(err.Error(), c.want) || isms.ErrorCode(err) != isms.CodeInvalid {
			t.Errorf("%v: %v, want %q", c.fixed, err, c.want)
		}
	}
	// a required field without a column is given by a value for every row
	p = prepare(t, db, Request{Kind: xlsx.KindMeasurements, File: writeFile(t, "m.csv", "Date,Value\n2026-01-31,90\n"), Fixed: map[string]string{"kpi": "Patch compliance"}})
	if len(p.MappingProblems) != 0 || len(p.Errors) != 1 || p.Errors[0].Field != "kpi" || p.Errors[0].Column != "" {
		t.Fatalf("measurements: %+v %+v", p.MappingProblems, p.Errors)
	}
}

// TestRepeatedTitles: titles on several rows are a warning with counts, not an error.
func TestRepeatedTitles(t *testing.T) {
	db := openDB(t, "")
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "r.csv",
		"Ref,Title\nR-1,Access control\nR-2,Backups\nR-3,access  control\nR-4,Logging\nR-5,Access control\nR-6,Backups\n")})
	if p.Counts.Created != 6 || p.Counts.Invalid != 0 {
		t.Fatalf("counts %+v", p.Counts)
	}
	if p.RepeatedTitleCount != 2 || len(p.RepeatedTitles) != 2 {
		t.Fatalf("repeated %+v", p.RepeatedTitles)
	}
	if a := p.RepeatedTitles[0]; a.Title != "Access control" || a.Count != 3 || fmt.Sprint(a.Rows) != "[2 4 6]" {
		t.Fatalf("first %+v", a)
	}
	if b := p.RepeatedTitles[1]; b.Title != "Backups" || b.Count != 2 {
		t.Fatalf("second %+v", b)
	}
}

// TestRepeatedTitlesHashCollision: two titles whose hashes are the same (forced here) are
// still counted apart by their text.
func TestRepeatedTitlesHashCollision(t *testing.T) {
	row := func(n int, title string) xlsx.RowResult {
		return xlsx.RowResult{Row: n, Record: &xlsx.RequirementRow{Requirement: &isms.Requirement{Title: title}}}
	}
	var ts titles
	ts.add(row(2, "Access control"))
	ts.byHash[ts.key("Backups")] = 0 // "Backups" now hashes like "Access control"
	for i, title := range []string{"Backups", "access  control", "Backups"} {
		ts.add(row(3+i, title))
	}
	rep, n := ts.repeated()
	if n != 2 || len(rep) != 2 || rep[0].Title != "Access control" || fmt.Sprint(rep[0].Rows) != "[2 4]" ||
		rep[1].Title != "Backups" || fmt.Sprint(rep[1].Rows) != "[3 5]" {
		t.Fatalf("repeated %d: %+v", n, rep)
	}
}
