package xlsx

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestValues: rows of one read share their field names; setting a field a row lacks
// gives that row its own names and leaves the other rows as they were.
func TestValues(t *testing.T) {
	names := []string{"ref", "status", "title"}
	a, b := newValues(names), newValues(names)
	a.Set("ref", "A-1")
	b.Set("ref", "B-1")
	if a.Get("ref") != "A-1" || b.Get("ref") != "B-1" || a.Get("status") != "" || a.Get("owner") != "" {
		t.Fatalf("a %v, b %v", a.Map(), b.Map())
	}
	if _, ok := a.Lookup("owner"); ok {
		t.Fatal("Lookup finds a field the row lacks")
	}
	a.Set("owner", "Ada")
	if v, ok := a.Lookup("owner"); !ok || v != "Ada" || a.Len() != 4 || b.Len() != 3 || a.Get("title") != "" || a.Get("ref") != "A-1" {
		t.Fatalf("after adding owner: a %v, b %v", a.Map(), b.Map())
	}
	if _, ok := b.Lookup("owner"); ok || len(names) != 3 || names[0] != "ref" || names[1] != "status" {
		t.Fatalf("adding a field to one row changed the shared names: %v, b %v", names, b.Map())
	}
	var got []string
	for f, v := range a.All() {
		got = append(got, f+"="+v)
	}
	if want := "owner=Ada ref=A-1 status= title="; strings.Join(got, " ") != want {
		t.Fatalf("All gives %q, want %q", strings.Join(got, " "), want)
	}
	raw, err := json.Marshal(ValuesOf(map[string]string{"ref": "R", "title": "T"}))
	if err != nil || string(raw) != `{"ref":"R","title":"T"}` {
		t.Fatalf("JSON %s, %v", raw, err)
	}
	var back Values
	if err := json.Unmarshal(raw, &back); err != nil || back.Get("title") != "T" || back.Len() != 2 {
		t.Fatalf("read back %v, %v", back.Map(), err)
	}
}
