package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// assertCatalogueTitles fails unless the store holds the 93 Annex A controls with the
// catalogue's titles: no import renames a control of the standard. Call it at the end of
// every controls test.
func assertCatalogueTitles(t *testing.T, db *store.DB) {
	t.Helper()
	got := map[string]string{}
	err := db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindControl, func(r isms.Record) error {
			if c := r.(*isms.Control); !c.Custom {
				got[c.Ref] = c.Title
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	cat := isms.AnnexA()
	if len(got) != len(cat) || len(cat) != 93 {
		t.Errorf("%d Annex A controls stored, want the %d of the catalogue", len(got), len(cat))
	}
	for _, c := range cat {
		if got[c.Ref] != c.Title {
			t.Errorf("%s is titled %q, want the catalogue's %q", c.Ref, got[c.Ref], c.Title)
		}
	}
}

func controlsByRef(t *testing.T, db *store.DB) map[string]*isms.Control {
	t.Helper()
	out := map[string]*isms.Control{}
	if err := db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindControl, func(r isms.Record) error { out[r.(*isms.Control).Ref] = r.(*isms.Control); return nil })
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func problemsOf(p *Plan) string {
	var b strings.Builder
	for _, e := range p.Errors {
		b.WriteString(e.Message + "\n")
	}
	return b.String()
}

func TestCorrespondenceData(t *testing.T) {
	c := catalogue2013()
	if len(c.order) != 114 {
		t.Fatalf("%d controls of 2013, want 114", len(c.order))
	}
	themes := map[string]bool{}
	fed := map[string]bool{}
	var split []string
	for _, ctl := range c.order {
		themes[strings.Join(strings.Split(ctl.Ref, ".")[:2], ".")] = true
		if len(ctl.Targets) == 0 {
			t.Errorf("%s has no 2022 counterpart", ctl.Ref)
		}
		if len(ctl.Targets) > 1 {
			split = append(split, ctl.Ref)
		}
		for _, tg := range ctl.Targets {
			fed[tg] = true
		}
	}
	if len(themes) != 14 || !themes["A.5"] || !themes["A.18"] {
		t.Errorf("themes %v, want A.5 to A.18", themes)
	}
	if !slices.Equal(split, []string{"A.18.2.3"}) {
		t.Errorf("one-to-many %v, want A.18.2.3 only (5.36 and 8.8)", split)
	}
	var unfed []string
	for _, cc := range isms.AnnexA() {
		if !fed[cc.Ref] {
			unfed = append(unfed, cc.Ref)
		}
	}
	want := []string{"A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28"}
	if !slices.Equal(unfed, want) {
		t.Errorf("2022 controls with no 2013 source %v, want the 11 new ones %v", unfed, want)
	}
	// a few pairs of Table B.2 the public library gets wrong or leaves out
	for ref, tg := range map[string]string{"A.13.2.1": "A.5.14", "A.6.1.3": "A.5.5", "A.12.7.1": "A.8.34", "A.9.1.2": "A.5.15", "A.9.4.1": "A.8.3"} {
		if got := c.byRef[ref].Targets; !slices.Equal(got, []string{tg}) {
			t.Errorf("%s -> %v, want %s", ref, got, tg)
		}
	}
	for ref, want := range map[string]bool{"A.9.1.1": true, "a 9.1.1": true, "A.09.01.01": true, "9.1.1": true, "A.9.1": false, "A.19.1.1": false, "A.5.1": false} {
		if c, _ := ref2013(ref); (c != nil) != want {
			t.Errorf("ref2013(%q) = %v, want %v", ref, c, want)
		}
	}
}

func TestTitleLike(t *testing.T) {
	for _, c := range []struct {
		sheet, cat string
		like       bool
	}{
		{"Infosec policies", "Policies for information security", true},
		{"Information security policy", "Policies for information security", true},
		{"Privileged access", "Privileged access rights", true},
		{"Logs", "Logging", true},
		{"Physical monitoring", "Physical security monitoring", true},
		{"Information security", "Information security roles and responsibilities", true}, // nothing to judge
		{"Policy", "Information security roles and responsibilities", false},
		{"Internal organization", "Screening", false},
		{"Information security risk treatment", "Information access restriction", false},
	} {
		if got := titleLike(c.sheet, c.cat); got != c.like {
			t.Errorf("titleLike(%q, %q) = %v, want %v", c.sheet, c.cat, got, c.like)
		}
	}
}

// A 2022 SoA with its own shortened titles imports; the catalogue keeps its titles; a row
// whose number names a control its title does not describe is a row problem.
func TestStatementOfApplicabilityNeverRenamesTheCatalogue(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "soa.xlsx")
	writeBook(t, file, 2, [][]any{
		{"Control", "Control name", "Applicable", "Justification", "Implementation status"},
		{5.1, "Infosec policies", "Yes", "ISMS", "Implemented"},
		{"A.8.2", "Privileged access", "Yes", "Admins", "In progress"},
		{"5.15", "Access control", "Yes", "Risk R-3", "Planned"},
		{"A.7.4", "Physical monitoring", "No", "No premises", "N/A"},
	})
	p := prepare(t, db, Request{Kind: xlsx.KindControls, File: file})
	if p.Counts != (Counts{Rows: 4, Updated: 4}) || p.ISO2013 != nil {
		t.Fatalf("counts %+v, 2013 %v, problems %v", p.Counts, p.ISO2013, p.Errors)
	}
	commit(t, db, p)
	if c := controlsByRef(t, db)["A.5.15"]; c.Status != isms.ImplPlanned || c.Justification != "Risk R-3" {
		t.Errorf("A.5.15 %+v", c)
	}
	assertCatalogueTitles(t, db)

	// a clause list read as controls: 5.2 "Policy" is refused, not written over A.5.2
	writeBook(t, file, 2, [][]any{
		{"Control", "Control name", "Applicable", "Justification"},
		{"5.2", "Policy", "Yes", "Top management"},
		{"4.1", "Understanding the organization and its context", "Yes", "Context"},
		{"5.3", "Segregation of duties", "Yes", "Finance"},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindControls, File: file})
	msgs := problemsOf(p)
	if p.Counts.Invalid != 2 || p.Counts.Updated != 1 ||
		!strings.Contains(msgs, "5.2 'Policy' does not look like A.5.2 'Information security roles and responsibilities': is this a clause number, or a 2013 SoA?") ||
		!strings.Contains(msgs, "is clause 4.1 of ISO/IEC 27001, not an Annex A control") {
		t.Fatalf("counts %+v, problems:\n%s", p.Counts, msgs)
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit %v, want refused", err)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindControls, File: file, SkipInvalid: true})
	commit(t, db, p)
	if c := controlsByRef(t, db)["A.5.3"]; c.Justification != "Finance" {
		t.Errorf("A.5.3 %+v", c)
	}
	assertCatalogueTitles(t, db)

	// titles in another language share no words with the catalogue: not judged, not written
	writeBook(t, file, 2, [][]any{
		{"Mesure", "Intitulé", "Applicable", "Justification"},
		{"5.3", "Séparation des tâches", "Oui", "Finance et achats"},
		{"5.4", "Responsabilités de la direction", "Oui", "Direction"},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindControls, File: file, Map: map[string]string{"ref": "A", "title": "B"}})
	if p.Counts.Invalid != 0 || p.Counts.Updated != 2 {
		t.Fatalf("French SoA: counts %+v, problems %v", p.Counts, p.Errors)
	}
	commit(t, db, p)
	assertCatalogueTitles(t, db)
}

// soa2013 is a small ISO/IEC 27001:2013 Statement of Applicability, with its headings.
func soa2013(t *testing.T) string {
	file := filepath.Join(t.TempDir(), "soa-2013.xlsx")
	writeBook(t, file, 2, [][]any{
		{"Control", "Control title", "Applicable", "Justification", "Implementation status", "Owner"},
		{"A.9", "Access control", "", "", "", ""},
		{"A.9.1", "Business requirements of access control", "", "", "", ""},
		{"A.9.1.1", "Access control policy", "Yes", "Access policy approved", "Implemented", "Jane Smith"},
		{"A.9.1.2", "Access to networks and network services", "No", "No network services of our own", "N/A", ""},
		{"A.8.1.1", "Inventory of assets", "Yes", "Asset register", "Implemented", ""},
		{"A.8.1.2", "Ownership of assets", "Yes", "Owners named", "Planned", ""},
		{"A.12.6.1", "Management of technical vulnerabilities", "Yes", "Monthly scans", "In progress", ""},
		{"A.18.2.3", "Technical compliance review", "Yes", "Yearly pentest", "Planned", ""},
		{"A.7.1.1", "Screening", "Yes", "Background checks", "Implemented", ""},
	})
	return file
}

func TestStatementOfApplicability2013(t *testing.T) {
	db := openDB(t, "")
	file := soa2013(t)
	before := controlsByRef(t, db)

	p := prepare(t, db, Request{Kind: xlsx.KindControls, File: file})
	if p.ISO2013 == nil || p.ISO2013.Rows != 7 || p.ISO2013.Applied || p.ISO2013.Headings != 2 {
		t.Fatalf("2013 summary %+v", p.ISO2013)
	}
	if !strings.Contains(p.ISO2013.Message, "ISO/IEC 27001:2013") || !strings.Contains(p.ISO2013.Message, "Annex B") {
		t.Errorf("message %q", p.ISO2013.Message)
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid || !strings.Contains(err.Error(), "ISO/IEC 27001:2013") {
		t.Fatalf("commit without bringing it onto 2022: %v", err)
	}
	if n := count(t, db, isms.KindControl); n != 93 {
		t.Fatalf("%d controls after a refused import", n)
	}

	p = prepare(t, db, Request{Kind: xlsx.KindControls, File: file, From2013: true})
	if !p.ISO2013.Applied || p.Counts.Sections != 2 || p.Counts.Rows != 7 || p.Counts.Updated != 5 || p.Counts.Invalid != 0 {
		t.Fatalf("counts %+v, problems %v", p.Counts, p.Errors)
	}
	if sp := p.ISO2013.Split; len(sp) != 1 || sp[0].From != "A.18.2.3" || !slices.Equal(sp[0].To, []string{"A.5.36", "A.8.8"}) {
		t.Errorf("split %+v", p.ISO2013.Split)
	}
	if len(p.ISO2013.New) != 11 || p.ISO2013.New[0] != "A.5.7 Threat intelligence" || len(p.ISO2013.Unmapped) != 0 {
		t.Errorf("new %v, unmapped %v", p.ISO2013.New, p.ISO2013.Unmapped)
	}
	targets := map[string]Target2013{}
	for _, tg := range p.ISO2013.Targets {
		targets[tg.Ref] = tg
	}
	if tg := targets["A.5.15"]; !slices.Equal(tg.From, []string{"A.9.1.1", "A.9.1.2"}) || !strings.Contains(tg.Note, "applicable kept") {
		t.Errorf("A.5.15 target %+v", tg)
	}
	res := commit(t, db, p)
	after := controlsByRef(t, db)
	c := after["A.5.15"]
	if c.Applicability != isms.ApplicabilityApplicable || c.Status != isms.ImplImplemented ||
		c.Justification != "A.9.1.1: Access policy approved\nA.9.1.2 (not applicable): No network services of our own" || c.OwnerID == "" {
		t.Errorf("A.5.15 (applicable wins, justifications joined) %+v", c)
	}
	if c := after["A.5.9"]; c.Status != isms.ImplPlanned || c.Applicability != isms.ApplicabilityApplicable {
		t.Errorf("A.5.9 (least advanced status) %+v", c)
	}
	if c := after["A.8.8"]; c.Status != isms.ImplPlanned || !strings.Contains(c.Justification, "A.12.6.1: Monthly scans") || !strings.Contains(c.Justification, "A.18.2.3: Yearly pentest") {
		t.Errorf("A.8.8 (from 12.6.1 and 18.2.3) %+v", c)
	}
	if c := after["A.5.36"]; c.Justification != "Yearly pentest" || c.Status != isms.ImplPlanned {
		t.Errorf("A.5.36 %+v", c)
	}
	if c := after["A.6.1"]; c.Justification != "Background checks" || c.Status != isms.ImplImplemented {
		t.Errorf("A.6.1 (2013 A.7.1.1) %+v", c)
	}
	for _, ref := range []string{"A.8.3", "A.5.7", "A.7.1"} { // no source in the file, or new in 2022
		if after[ref].Version != before[ref].Version {
			t.Errorf("%s changed, it has no 2013 source in the file", ref)
		}
	}
	if len(after) != 93 {
		t.Errorf("%d controls: a 2013 row became a control of its own", len(after))
	}
	assertCatalogueTitles(t, db)

	again := prepare(t, db, Request{Kind: xlsx.KindControls, File: file, From2013: true})
	if again.Counts.Updated != 0 || again.Counts.Unchanged != 5 {
		t.Errorf("re-import %+v", again.Counts)
	}
	if _, err := Revert(context.Background(), db, res.Log.ID, now); err != nil {
		t.Fatal(err)
	}
	if c := controlsByRef(t, db)["A.5.15"]; c.Applicability != before["A.5.15"].Applicability || c.Justification != before["A.5.15"].Justification {
		t.Errorf("A.5.15 after revert %+v", c)
	}
	assertCatalogueTitles(t, db)
}

// The public 2013 -> 2022 mapping library lists the clauses (4 to 10) and the 114 controls
// of 2013 with their headings: read as controls, it is a 2013 file, and clause 5.2
// "Policy" is not written over A.5.2.
func TestCorpusMappingLibraryAsControls(t *testing.T) {
	db := openDB(t, "")
	file := corpusFile(t, "iso27001-2013-to-2022-mapping-ciso-assistant-library.xlsx")
	req := Request{Kind: xlsx.KindControls, File: file, Sheet: "source", Map: map[string]string{"ref": "ref_id", "title": "name"}}
	p := prepare(t, db, req)
	if p.ISO2013 == nil || p.ISO2013.Rows != 114 {
		t.Fatalf("2013 summary %+v; mapping %v; first problems %v", p.ISO2013, p.Mapping.Columns, first(p.Errors, 5))
	}
	if !strings.Contains(problemsOf(p), "5.2 'Policy' does not look like A.5.2 'Information security roles and responsibilities'") {
		t.Errorf("no problem for clause 5.2; problems:\n%s", problemsOf(p))
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit %v, want refused", err)
	}
	req.From2013, req.SkipInvalid = true, true
	p = prepare(t, db, req)
	if len(p.ISO2013.Targets) != 82 {
		t.Errorf("%d 2022 controls fed, want the 82 that Table B.2 maps from 2013", len(p.ISO2013.Targets))
	}
	commit(t, db, p)
	assertCatalogueTitles(t, db)
	for ref, c := range controlsByRef(t, db) {
		if c2013, _ := ref2013(ref); c.Custom {
			t.Logf("custom %s %q", ref, c.Title)
			if _, clause := isms.LookupClause(ref); clause || c2013 != nil || heading2013(ref) {
				t.Errorf("custom control %s %q made of a clause, a 2013 row or a heading", ref, c.Title)
			}
		}
	}
}

// A 2013 SoA's owner column proposed by a weak match makes nobody of the names it holds
// (as in every other register): the plan lists them, and the controls keep their owners.
func TestStatementOfApplicability2013GuessedOwners(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "soa-2013.xlsx")
	writeBook(t, file, 2, [][]any{
		{"Control", "Control title", "Applicable", "Justification", "Implementation status", "Owner of the process and its documentation"},
		{"A.9.1.1", "Access control policy", "Yes", "Access policy approved", "Implemented", "Jane Smith"},
		{"A.8.1.1", "Inventory of assets", "Yes", "Asset register", "Implemented", "Jane Smith"},
		{"A.7.1.1", "Screening", "Yes", "Background checks", "Implemented", "Raj Patel"},
	})
	people := count(t, db, isms.KindPerson)
	p := prepare(t, db, Request{Kind: xlsx.KindControls, File: file, From2013: true})
	if p.Mapping.Confidence["owner"] != xlsx.ConfidenceGuess {
		t.Fatalf("owner confidence %q (mapping %v)", p.Mapping.Confidence["owner"], p.Mapping.Columns)
	}
	if len(p.NewPeople) != 0 || len(p.GuessedPeople) != 1 || fmt.Sprint(p.GuessedPeople[0].Names) != "[Jane Smith Raj Patel]" {
		t.Fatalf("new people %q, guessed %+v", p.NewPeople, p.GuessedPeople)
	}
	commit(t, db, p)
	after := controlsByRef(t, db)
	if count(t, db, isms.KindPerson) != people || after["A.5.15"].OwnerID != "" || after["A.6.1"].OwnerID != "" {
		t.Fatalf("people %d (want %d), owners of A.5.15 and A.6.1 %q %q", count(t, db, isms.KindPerson), people, after["A.5.15"].OwnerID, after["A.6.1"].OwnerID)
	}
	if after["A.6.1"].Justification != "Background checks" {
		t.Errorf("A.6.1 not brought over: %+v", after["A.6.1"])
	}
	p = prepare(t, db, Request{Kind: xlsx.KindControls, File: file, From2013: true, Map: map[string]string{"owner": "F"}})
	if fmt.Sprint(p.NewPeople) != "[Jane Smith Raj Patel]" || len(p.GuessedPeople) != 0 {
		t.Fatalf("chosen: new people %q, guessed %+v", p.NewPeople, p.GuessedPeople)
	}
	assertCatalogueTitles(t, db)
}
