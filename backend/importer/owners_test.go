package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestRepeatedOwnerIsOnePerson: an owner written on many rows by name, by e-mail and as
// "Name <address>" is one new person, created once and listed once, with the address.
func TestRepeatedOwnerIsOnePerson(t *testing.T) {
	db := openDB(t, "")
	people := count(t, db, isms.KindPerson)
	var b strings.Builder
	b.WriteString("Ref,Title,Owner\n")
	forms := []string{"Ada Lovelace", "Ada Lovelace <ada@example.com>", "ada@example.com", "ADA LOVELACE", "Ada <ada@example.com>"}
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&b, "R-%03d,Requirement %d,%s\n", i, i, forms[(i-1)%len(forms)])
	}
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "r.csv", b.String())})
	if len(p.NewPeople) != 1 || p.NewPeople[0] != "Ada Lovelace" || p.Counts.Created != 300 || p.Counts.Invalid != 0 {
		t.Fatalf("new people %q, counts %+v, errors %v", p.NewPeople, p.Counts, first(p.Errors, 3))
	}
	res := commit(t, db, p)
	if count(t, db, isms.KindPerson) != people+1 || len(res.NewPeople) != 1 || res.Log.NewPeople != 1 {
		t.Fatalf("people %d (was %d), result %v", count(t, db, isms.KindPerson), people, res.NewPeople)
	}
	ids := map[string]bool{}
	for _, r := range requirementsByRef(t, db) {
		ids[r.OwnerID] = true
	}
	if len(ids) != 1 {
		t.Fatalf("owners %v", ids)
	}
	for id := range ids {
		var person *isms.Person
		db.View(func(tx *store.Tx) error {
			r, err := tx.Get(isms.KindPerson, id)
			person, _ = r.(*isms.Person)
			return err
		})
		if person == nil || person.Email != "ada@example.com" || person.Name != "Ada Lovelace" {
			t.Fatalf("person %+v", person)
		}
	}
	// the e-mail first, the name later: the person gets the name
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "r2.csv",
		"Ref,Title,Owner\nS-1,One,grace@example.com\nS-2,Two,Grace Hopper <grace@example.com>\nS-3,Three,Grace Hopper\n")})
	if fmt.Sprint(p.NewPeople) != "[Grace Hopper]" || p.Counts.Created != 3 {
		t.Fatalf("address first: %q %+v", p.NewPeople, p.Counts)
	}
}

// TestOwnerThatIsNoPerson: an owner that cannot be stored as a person is a problem on
// the owner column of each row naming it, never an error at commit about an e-mail field
// the sheet does not have; rows skipped add nobody.
func TestOwnerThatIsNoPerson(t *testing.T) {
	db := openDB(t, "")
	people := count(t, db, isms.KindPerson)
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "r.csv",
		"Ref,Title,Owner\nR-1,One,alice@example\nR-2,Two,Bob Jones\nR-3,Three,alice@example\n")})
	if p.Counts.Invalid != 2 || len(p.Errors) != 2 {
		t.Fatalf("counts %+v, errors %v", p.Counts, p.Errors)
	}
	for _, e := range p.Errors {
		if e.Field != "owner" || e.Column != "C" || !strings.Contains(e.Message, `"alice@example" cannot be added as a person: the e-mail address must be an e-mail address`) {
			t.Fatalf("problem %+v", e)
		}
	}
	if fmt.Sprint(p.NewPeople) != "[Bob Jones]" {
		t.Fatalf("new people %q", p.NewPeople)
	}
	p.Request.SkipInvalid = true
	if _, err := Commit(context.Background(), db, p, now, nil); err != nil {
		t.Fatalf("commit: %v", err)
	}
	if count(t, db, isms.KindPerson) != people+1 {
		t.Fatalf("people %d, want %d", count(t, db, isms.KindPerson), people+1)
	}
}

// TestGuessedOwnerColumnCreatesNobody: a column proposed as the owner by a weak match
// finds stored people but makes nobody of the other names; the plan lists them, and a
// stored record keeps its owner. Choosing the column adds them.
func TestGuessedOwnerColumnCreatesNobody(t *testing.T) {
	db := openDB(t, "")
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "a.csv", "Ref,Title,Owner\nR-3,Three,Zoe Stored\n")}))
	people := count(t, db, isms.KindPerson)
	file := writeFile(t, "b.csv", "Ref,Title,Owner of the process and its documentation\nR-1,One,Alice Smith\nR-2,Two,Alice Smith\nR-3,Three,Bob Jones\nR-4,Four,Zoe Stored\n")
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if p.Mapping.Confidence["owner"] != xlsx.ConfidenceGuess {
		t.Fatalf("owner confidence %q (mapping %v)", p.Mapping.Confidence["owner"], p.Mapping.Columns)
	}
	if len(p.NewPeople) != 0 || len(p.GuessedPeople) != 1 {
		t.Fatalf("new %q guessed %+v", p.NewPeople, p.GuessedPeople)
	}
	g := p.GuessedPeople[0]
	if g.Field != "owner" || g.Column != "C" || g.Header != "Owner of the process and its documentation" || g.Count != 2 || g.Rows != 3 ||
		fmt.Sprint(g.Names) != "[Alice Smith Bob Jones]" {
		t.Fatalf("guessed %+v", g)
	}
	commit(t, db, p)
	reqs := requirementsByRef(t, db)
	if count(t, db, isms.KindPerson) != people || reqs["R-1"].OwnerID != "" || reqs["R-3"].OwnerID == "" || reqs["R-4"].OwnerID != reqs["R-3"].OwnerID {
		t.Fatalf("people %d (want %d), owners %q %q %q", count(t, db, isms.KindPerson), people, reqs["R-1"].OwnerID, reqs["R-3"].OwnerID, reqs["R-4"].OwnerID)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, Map: map[string]string{"owner": "C"}})
	if fmt.Sprint(p.NewPeople) != "[Alice Smith Bob Jones]" || len(p.GuessedPeople) != 0 {
		t.Fatalf("chosen: new %q guessed %+v", p.NewPeople, p.GuessedPeople)
	}
}

// TestNewCustomControlsListed: the plan and the result name the custom controls an
// import creates.
func TestNewCustomControlsListed(t *testing.T) {
	db := openDB(t, "")
	p := prepare(t, db, Request{Kind: xlsx.KindControls, File: writeFile(t, "c.csv",
		"Ref,Title,Applicability,Justification,Owner\nA.5.1,Policies for information security,Applicable,Required,Ada Lovelace\nC-01,Visitor escort,Applicable,Site policy,Ada Lovelace\nC-02,Clean desk audit,Applicable,Audit finding,\n")})
	if fmt.Sprint(p.NewControls) != "[C-01 Visitor escort C-02 Clean desk audit]" || fmt.Sprint(p.NewPeople) != "[Ada Lovelace]" {
		t.Fatalf("new controls %q, people %q, errors %v", p.NewControls, p.NewPeople, p.Errors)
	}
	res := commit(t, db, p)
	if len(res.NewControls) != 2 || len(res.NewPeople) != 1 {
		t.Fatalf("result %+v", res)
	}
	if p := prepare(t, db, p.Request); len(p.NewControls) != 0 || len(p.NewPeople) != 0 {
		t.Fatalf("re-import: %q %q", p.NewControls, p.NewPeople)
	}
}
