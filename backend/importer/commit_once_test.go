package importer

import (
	"context"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestPlanCommitsOnce: Commit takes the plan's records (so that each is garbage once
// written) and lets its planned rows go, keeping the counts; committing the same plan
// again is refused and writes nothing, and the rows' values are not kept in the results
// after planning.
func TestPlanCommitsOnce(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "register.xlsx")
	writeBook(t, file, 3, register("Omar Haddad", "Gap"))
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	rows := p.Rows
	commit(t, db, p)
	for _, r := range rows {
		if r.rec != nil {
			t.Fatalf("row %d still holds its record after the commit", r.Row)
		}
	}
	if p.Rows != nil || p.Counts.Created != len(rows) {
		t.Fatalf("the spent plan keeps %d planned rows (counts %+v)", len(p.Rows), p.Counts)
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

// TestLeanHeap: an import runs with the collector at leanGC (60%) unless it was set lower, and the
// setting is restored after.
func TestLeanHeap(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	restore := LeanHeap()
	if got := debug.SetGCPercent(leanGC); got != leanGC {
		t.Fatalf("GC percent %d during an import, want %d", got, leanGC)
	}
	restore()
	if got := debug.SetGCPercent(50); got != 100 {
		t.Fatalf("GC percent %d after the import, want 100 back", got)
	}
	restore = LeanHeap()
	if got := debug.SetGCPercent(50); got != 50 {
		t.Fatalf("GC percent %d during an import under GOGC=50, want 50 kept", got)
	}
	restore()
}
