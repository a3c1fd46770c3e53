package app

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/search"
)

func searchFor(t *testing.T, a *App, q string) []search.Result {
	t.Helper()
	res, err := a.Search.Search(q)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res
}

func TestSearchFollowsTheServices(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Grace Hopper")
	p, err := a.Policies.Create(isms.Policy{Ref: "POL-42", Title: "Clean desk", OwnerID: owner.ID},
		"Papers go into the Schredderbox at the end of the day.")
	if err != nil {
		t.Fatal(err)
	}

	res := searchFor(t, a, "schredderbox")
	if len(res) != 1 || res[0].Kind != isms.KindPolicy || res[0].ID != p.ID || res[0].Ref != "POL-42" ||
		res[0].Field != "Policy text (version 1.0)" || !strings.Contains(res[0].Snippet, "Schredderbox") {
		t.Fatalf("policy text: %+v", res)
	}
	// The owner is found by name, under the people.
	if res := searchFor(t, a, "grace hop"); len(res) != 1 || res[0].Kind != isms.KindPerson || res[0].Field != "Name" {
		t.Fatalf("person: %+v", res)
	}

	p, err = a.Policies.SaveDraft(p.ID, p.Version, PolicyDraft{Number: "1.0", Summary: "First issue", Text: "Papers are locked away."})
	if err != nil {
		t.Fatal(err)
	}
	if res := searchFor(t, a, "schredderbox"); len(res) != 0 {
		t.Fatalf("the old text is still found: %+v", res)
	}
	if err := a.Policies.Delete(p.ID, p.Version); err != nil {
		t.Fatal(err)
	}
	if res := searchFor(t, a, "POL-42"); len(res) != 0 {
		t.Fatalf("a deleted policy is found: %+v", res)
	}
	if res := searchFor(t, a, "  "); res == nil || len(res) != 0 {
		t.Fatalf("a blank query: %#v, want an empty list", res)
	}
}
