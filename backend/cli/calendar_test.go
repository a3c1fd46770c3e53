package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// TestExportCalendar: `export calendar --out FILE` writes one all-day event per due item
// (the first-run programme milestones and an open action), and none for finished work.
func TestExportCalendar(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, dir, "export", "calendar", "--out", filepath.Join(t.TempDir(), "x.ics")); code != ExitError || !strings.Contains(stderr, "no ISMS Desk data") {
		t.Fatalf("export calendar of an empty folder: exit %d, %q", code, stderr)
	}
	// the data folder the window would have made, with one open and one done action
	clock := func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	db, err := open(dir, Env{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *store.Tx) error {
		ana := &isms.Person{Name: "Ana Ortega", Active: true}
		if err := tx.Create(ana, "test"); err != nil {
			return err
		}
		if err := tx.Create(&isms.Action{Ref: "ACT-1", Title: "Rotate keys, then test", Status: isms.ActionOpen, OwnerID: ana.ID, DueDate: "2026-11-20"}, "test"); err != nil {
			return err
		}
		return tx.Create(&isms.Action{Ref: "ACT-2", Title: "Done already", Status: isms.ActionDone, DueDate: "2026-11-21", CompletedOn: "2026-11-21"}, "test")
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(t.TempDir(), "due.ics")
	code, stdout, stderr := runCLI(t, dir, "export", "calendar", "--out", out)
	if code != ExitOK {
		t.Fatalf("export calendar: exit %d: %s", code, stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	if !strings.HasPrefix(text, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(text, "END:VCALENDAR\r\n") {
		t.Fatalf("not a calendar:\n%s", text)
	}
	unfolded := strings.ReplaceAll(text, "\r\n ", "")
	events := strings.Count(text, "BEGIN:VEVENT\r\n")
	if events != 7 || !strings.Contains(stdout, "Wrote 7 due dates") {
		t.Errorf("%d events (%q), want the six programme milestones and ACT-1", events, stdout)
	}
	for _, want := range []string{
		`SUMMARY:Action ACT-1 Rotate keys\, then test`,
		"DTSTART;VALUE=DATE:20261120",
		`DESCRIPTION:Who: Ana Ortega\nWhat: Action\nOverdue since 2026-11-20`,
		"SUMMARY:Milestone Objective workshop and requirement identification (month 1)",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("the calendar lacks %q:\n%s", want, unfolded)
		}
	}
	if strings.Contains(unfolded, "ACT-2") {
		t.Error("a done action is in the calendar")
	}
	if code, _, stderr := runCLI(t, dir, "export", "calendar"); code != ExitUsage || !strings.Contains(stderr, "--out") {
		t.Errorf("export calendar without --out: exit %d, %q", code, stderr)
	}
}
