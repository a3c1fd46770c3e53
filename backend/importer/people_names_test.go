package importer

import (
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestPeopleNamesInTwoColumnsAndLeavers: a name split over First name and Last name
// columns (or Name and Vorname) is joined, an employment status makes leavers inactive,
// and "Smith, John" from an HR export is the John Smith an owner column names.
func TestPeopleNamesInTwoColumnsAndLeavers(t *testing.T) {
	db := openDB(t, "")
	people := func(content string) map[string]*isms.Person {
		t.Helper()
		p := prepare(t, db, Request{Kind: xlsx.KindPeople, File: writeFile(t, "people.csv", content)})
		commit(t, db, p)
		out := map[string]*isms.Person{}
		db.View(func(tx *store.Tx) error {
			return tx.Each(isms.KindPerson, func(r isms.Record) error {
				out[r.(*isms.Person).Name] = r.(*isms.Person)
				return nil
			})
		})
		return out
	}
	got := people("First name,Last name,Email\nJohn,Smith,john.smith@example.com\n")
	if got["John Smith"] == nil {
		t.Errorf("first and last name not joined: %v", keys(got))
	}
	got = people("Name,Vorname,E-Mail\nMüller,Thomas,t.mueller@example.com\n")
	if got["Thomas Müller"] == nil {
		t.Errorf("Name and Vorname not joined: %v", keys(got))
	}
	got = people("Full Name,Work Email,Employment Status\n\"Jones, Sarah\",sarah@example.com,Active\n\"Shah, Priya\",priya@example.com,Leaver\n")
	if p := got["Shah, Priya"]; p == nil || p.Active || !got["Jones, Sarah"].Active {
		t.Errorf("leaver still active or missing: %v", keys(got))
	}
	// a risk owned by "Sarah Jones" is hers, not a new person
	before := count(t, db, isms.KindPerson)
	p := prepare(t, db, Request{Kind: xlsx.KindRisks, File: writeFile(t, "risks.csv", "Risk ID,Title,Owner,Likelihood,Impact\nR-1,Phishing,Sarah Jones,3,4\n")})
	if len(p.NewPeople) != 0 {
		t.Errorf("new people %v, want Sarah Jones found as \"Jones, Sarah\"", p.NewPeople)
	}
	commit(t, db, p)
	if n := count(t, db, isms.KindPerson); n != before {
		t.Errorf("%d people after the risks, want %d", n, before)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
