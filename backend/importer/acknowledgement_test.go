package importer

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// ackFixture stores Ada and an approver, POL-01 (1.0 published, 1.1 a draft: the
// published version is the one acknowledged) which Ada acknowledged, POL-02 (a draft
// only) and POL-03 "Acceptable Use Policy" (published, no acknowledgements).
func ackFixture(t *testing.T, db *store.DB) (adaID string) {
	t.Helper()
	err := db.Update(func(tx *store.Tx) error {
		ada := &isms.Person{Name: "Ada Lovelace", Email: "ada@acme.test", Active: true}
		boss := &isms.Person{Name: "Bea Boss", Active: true}
		for _, p := range []*isms.Person{ada, boss} {
			if err := tx.Create(p, "test"); err != nil {
				return err
			}
		}
		published := func(number string, acks ...isms.Acknowledgement) isms.PolicyVersion {
			return isms.PolicyVersion{Number: number, Text: "text " + number, Status: isms.PolicyPublished, CreatedOn: "2026-01-01", PublishedOn: "2026-01-10",
				Approvals:        []isms.Approval{{ApproverID: boss.ID, Decision: isms.DecisionApproved, At: "2026-01-09"}},
				Acknowledgements: acks}
		}
		for _, p := range []*isms.Policy{
			{Ref: "POL-01", Title: "Information Security Policy", DocType: isms.DocPolicy, Status: isms.PolicyDraft, ApproverID: boss.ID,
				Versions: []isms.PolicyVersion{published("1.0", isms.Acknowledgement{PersonID: ada.ID, On: "2026-01-15"}),
					{Number: "1.1", Text: "draft", Status: isms.PolicyDraft, CreatedOn: "2026-02-01"}}},
			{Ref: "POL-02", Title: "Access Control Policy", DocType: isms.DocPolicy, Status: isms.PolicyDraft,
				Versions: []isms.PolicyVersion{{Number: "1.0", Text: "draft", Status: isms.PolicyDraft, CreatedOn: "2026-02-01"}}},
			{Ref: "POL-03", Title: "Acceptable Use Policy", DocType: isms.DocPolicy, Status: isms.PolicyPublished, ApproverID: boss.ID,
				Versions: []isms.PolicyVersion{published("1.0")}},
		} {
			if err := tx.Create(p, "test"); err != nil {
				return err
			}
		}
		adaID = ada.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return adaID
}

func policiesByRef(t *testing.T, db *store.DB) map[string]*isms.Policy {
	t.Helper()
	out := map[string]*isms.Policy{}
	err := db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindPolicy, func(r isms.Record) error { out[r.(*isms.Policy).Ref] = r.(*isms.Policy); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func personIDs(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindPerson, func(r isms.Record) error { out[r.(*isms.Person).Name] = r.Base().ID; return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const ackList = "Name,E-mail,Policy,Acknowledged on\n" +
	"Ada Lovelace,,POL-01,2026-03-01\n" + // acknowledged already: unchanged
	"Grace Hopper,grace@acme.test,POL-01,2026-03-02\n" + // a new person
	",alan@acme.test,acceptable use policy,\n" + // by title, no date: the import day
	"grace hopper,,Acceptable Use Policy,2026-03-05\n" + // the person planned above
	"Grace Hopper,,pol-01,2026-04-01\n" // again in the file: unchanged

// TestAcknowledgementsImport: each row acknowledges the published version of a policy by
// reference or title through the domain rule; the rows of a policy are one update of it;
// unknown people are added; importing the list again changes nothing; the import reverts.
func TestAcknowledgementsImport(t *testing.T) {
	db := openDB(t, "")
	adaID := ackFixture(t, db)
	people := count(t, db, isms.KindPerson)
	before := policiesByRef(t, db)
	file := writeFile(t, "acks.csv", ackList)

	p := prepare(t, db, Request{Kind: xlsx.KindAcknowledgements, File: file})
	if want := map[string]string{"person": "A", "email": "B", "policy": "C", "date": "D"}; !maps.Equal(p.Mapping.Columns, want) {
		t.Fatalf("mapping %v, want %v", p.Mapping.Columns, want)
	}
	if p.Counts != (Counts{Rows: 5, Created: 3, Unchanged: 2}) || len(p.Errors) != 0 {
		t.Fatalf("plan %+v, problems %v", p.Counts, p.Errors)
	}
	var actions []Action
	for _, r := range p.Rows {
		actions = append(actions, r.Action)
	}
	if !slices.Equal(actions, []Action{ActionUnchanged, ActionCreate, ActionCreate, ActionCreate, ActionUnchanged}) || p.Rows[1].Ref != "POL-01" || p.Rows[2].Ref != "POL-03" {
		t.Fatalf("rows %+v", p.Rows)
	}
	if !slices.Equal(p.NewPeople, []string{"Grace Hopper", "alan@acme.test"}) {
		t.Fatalf("new people %v", p.NewPeople)
	}
	res := commit(t, db, p)
	if res.Log.Kind != xlsx.KindAcknowledgements || res.Log.NewPeople != 2 || res.Log.Counts.Created != 3 {
		t.Fatalf("log %+v", res.Log)
	}
	if n := count(t, db, isms.KindPerson); n != people+2 {
		t.Fatalf("%d people, want %d", n, people+2)
	}
	ids := personIDs(t, db)
	grace, alan := ids["Grace Hopper"], ids["alan@acme.test"]
	pols := policiesByRef(t, db)
	p1, p2, p3 := pols["POL-01"], pols["POL-02"], pols["POL-03"]
	want1 := []isms.Acknowledgement{{PersonID: adaID, On: "2026-01-15"}, {PersonID: grace, On: "2026-03-02"}}
	if !slices.Equal(p1.Versions[0].Acknowledgements, want1) || len(p1.Versions[1].Acknowledgements) != 0 {
		t.Errorf("POL-01 acknowledgements %+v / %+v, want %+v on the published version", p1.Versions[0].Acknowledgements, p1.Versions[1].Acknowledgements, want1)
	}
	// in row order; the undated row is acknowledged on the day of the import (the commit's clock)
	want3 := []isms.Acknowledgement{{PersonID: alan, On: isms.DateOf(now)}, {PersonID: grace, On: "2026-03-05"}}
	if !slices.Equal(p3.Versions[0].Acknowledgements, want3) {
		t.Errorf("POL-03 acknowledgements %+v, want %+v", p3.Versions[0].Acknowledgements, want3)
	}
	// one update per policy, naming the file; the untouched policy is left alone
	if p1.Version != before["POL-01"].Version+1 || p3.Version != before["POL-03"].Version+1 || p2.Version != before["POL-02"].Version {
		t.Errorf("versions %d %d %d", p1.Version, p2.Version, p3.Version)
	}
	var hist []store.Change
	db.View(func(tx *store.Tx) (err error) { hist, err = tx.History(isms.KindPolicy, p1.ID); return })
	if len(hist) != 2 || hist[1].Source != "imported from acks.csv (sheet acks)" {
		t.Errorf("POL-01 history %+v", hist)
	}

	// the same list again: everyone acknowledged already, nothing is created twice
	again := prepare(t, db, Request{Kind: xlsx.KindAcknowledgements, File: file})
	if again.Counts != (Counts{Rows: 5, Unchanged: 5}) || len(again.NewPeople) != 0 {
		t.Fatalf("re-import %+v, new people %v, problems %v", again.Counts, again.NewPeople, again.Errors)
	}
	commit(t, db, again)
	if pols := policiesByRef(t, db); pols["POL-01"].Version != p1.Version || pols["POL-03"].Version != p3.Version {
		t.Fatal("a re-import with nothing new updated the policies")
	}
	if n := count(t, db, isms.KindPerson); n != people+2 {
		t.Fatalf("re-import: %d people, want %d", n, people+2)
	}

	// revert: the policies get their acknowledgements back as they were, the people go
	if _, err := Revert(context.Background(), db, res.Log.ID, now); err != nil {
		t.Fatalf("revert: %v", err)
	}
	pols = policiesByRef(t, db)
	if !slices.Equal(pols["POL-01"].Versions[0].Acknowledgements, before["POL-01"].Versions[0].Acknowledgements) ||
		len(pols["POL-03"].Versions[0].Acknowledgements) != 0 {
		t.Errorf("after revert: POL-01 %+v, POL-03 %+v", pols["POL-01"].Versions[0].Acknowledgements, pols["POL-03"].Versions[0].Acknowledgements)
	}
	if n := count(t, db, isms.KindPerson); n != people {
		t.Errorf("after revert: %d people, want %d", n, people)
	}
	if _, err := db.VerifyHistory(); err != nil {
		t.Fatal(err)
	}
}

// TestAcknowledgementProblems: an unknown policy, a policy without a published version,
// a title two policies share and a bad date are row problems on their columns; nothing
// is written, and with SkipInvalid the valid rows are.
func TestAcknowledgementProblems(t *testing.T) {
	db := openDB(t, "")
	ackFixture(t, db)
	if err := db.Update(func(tx *store.Tx) error {
		return tx.Create(&isms.Policy{Ref: "POL-04", Title: "Acceptable Use Policy", DocType: isms.DocPolicy, Status: isms.PolicyDraft}, "test")
	}); err != nil {
		t.Fatal(err)
	}
	people := count(t, db, isms.KindPerson)
	file := writeFile(t, "acks.csv", "Employee,Policy ID,Date signed\n"+
		"Nobody Yet,POL-99,2026-03-01\n"+
		"Nobody Either,POL-02,2026-03-01\n"+
		"Ada Lovelace,Acceptable Use Policy,2026-03-01\n"+
		"Ada Lovelace,POL-03,the 45th of Smarch\n"+
		"Ada Lovelace,POL-03,2026-03-01\n")
	p := prepare(t, db, Request{Kind: xlsx.KindAcknowledgements, File: file})
	if p.Counts != (Counts{Rows: 5, Created: 1, Invalid: 4}) {
		t.Fatalf("plan %+v %v", p.Counts, p.Errors)
	}
	want := []string{"2/B/policy", "3/B/policy", "4/B/policy", "5/C/date"}
	var got []string
	for _, e := range p.Errors {
		got = append(got, strconv.Itoa(e.Row)+"/"+e.Column+"/"+e.Field)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("problems %v, want %v (%+v)", got, want, p.Errors)
	}
	if len(p.NewPeople) != 0 {
		t.Errorf("invalid rows plan new people %v", p.NewPeople)
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit with invalid rows = %v, want invalid", err)
	}
	if pols := policiesByRef(t, db); len(pols["POL-03"].Versions[0].Acknowledgements) != 0 || count(t, db, isms.KindPerson) != people {
		t.Fatal("a refused import wrote records")
	}
	p = prepare(t, db, Request{Kind: xlsx.KindAcknowledgements, File: file, SkipInvalid: true})
	res := commit(t, db, p)
	pols := policiesByRef(t, db)
	if a := pols["POL-03"].Versions[0].Acknowledgements; len(a) != 1 || a[0].On != "2026-03-01" || res.Log.Counts.Skipped != 4 {
		t.Fatalf("skip invalid: POL-03 %+v, log %+v", a, res.Log.Counts)
	}
}

// TestRevertAnUpdateThatAddedAPerson: an import that updates a stored record with a person
// it adds (a new owner) can be reverted: the record goes back, then the person goes.
func TestRevertAnUpdateThatAddedAPerson(t *testing.T) {
	db := openDB(t, "")
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "r1.csv", "Ref,Title\nR-1,One\n")}))
	people := count(t, db, isms.KindPerson)
	res := commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "r2.csv", "Ref,Title,Owner\nR-1,One,Newly Hired\n")}))
	if count(t, db, isms.KindPerson) != people+1 || requirementsByRef(t, db)["R-1"].OwnerID == "" {
		t.Fatal("the owner was not added")
	}
	if _, err := Revert(context.Background(), db, res.Log.ID, now); err != nil {
		t.Fatalf("revert: %v", err)
	}
	if count(t, db, isms.KindPerson) != people || requirementsByRef(t, db)["R-1"].OwnerID != "" {
		t.Fatal("the revert left the owner")
	}
}

// TestAcknowledgementsOfAnELearningExport: an export that lists every assignment with
// its Status acknowledges the completed rows only; an Overdue or In progress row is a
// row problem, never an acknowledgement dated the day of the import.
func TestAcknowledgementsOfAnELearningExport(t *testing.T) {
	db := openDB(t, "")
	ackFixture(t, db)
	file := writeFile(t, "lms.csv", "Name,E-mail,Policy,Status,Completion date\n"+
		"Ada Lovelace,ada@acme.test,POL-03,Completed,2026-02-01\nBea Boss,,POL-03,Overdue,\nCy Young,cy@acme.test,POL-03,In progress,\n")
	p := prepare(t, db, Request{Kind: xlsx.KindAcknowledgements, File: file})
	if p.Mapping.Columns["status"] != "D" || p.Counts.Invalid != 2 || !strings.Contains(problemsOf(p), "not acknowledged (Overdue)") {
		t.Fatalf("status from %q, counts %+v, problems %s", p.Mapping.Columns["status"], p.Counts, problemsOf(p))
	}
	p = prepare(t, db, Request{Kind: xlsx.KindAcknowledgements, File: file, SkipInvalid: true})
	commit(t, db, p)
	if acks := policiesByRef(t, db)["POL-03"].Current().Acknowledgements; len(acks) != 1 || acks[0].On != "2026-02-01" {
		t.Errorf("acknowledgements %+v, want Ada's alone", acks)
	}
}
