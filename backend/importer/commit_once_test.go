package importer

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestPlanCommitsOnce: Commit takes the plan's records (so that each is garbage once
// written); committing the same plan again is refused and writes nothing, and the rows'
// values are not kept in the results after planning.
func TestPlanCommitsOnce(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "register.xlsx")
	writeBook(t, file, 3, register("Omar Haddad", "Gap"))
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	commit(t, db, p)
	for _, r := range p.Rows {
		if r.rec != nil {
			t.Fatalf("row %d still holds its record after the commit", r.Row)
		}
	}
	before := count(t, db, isms.KindRequirement)
	if _, err := Commit(context.Background(), db, p, now, nil); err == nil {
		t.Fatal("a plan committed twice was accepted")
	}
	if got := count(t, db, isms.KindRequirement); got != before {
		t.Fatalf("%d requirements after the second commit, want %d", got, before)
	}
	if err := p.Ready(); err == nil {
		t.Fatal("Ready accepts a committed plan")
	}
}
