package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
)

// dueWhat returns the items of the list of what is due that mention s.
func dueWhat(t *testing.T, a *App, days int, s string) []overview.DueItem {
	t.Helper()
	items, err := a.Due.List(days)
	if err != nil {
		t.Fatal(err)
	}
	var out []overview.DueItem
	for _, it := range items {
		if strings.Contains(it.What, s) {
			out = append(out, it)
		}
	}
	return out
}

// TestDueThroughTheServices: finishing work in the window takes it off the list of what
// is due, the badge and the dashboard count the same list, and the calendar is saved.
func TestDueThroughTheServices(t *testing.T) {
	a := newPlanApp(t)
	ana := addPerson(t, a, "Ana Ortega", isms.RoleEmployees)

	// the first run's programme: month 1 is due on 9 April, 30 days from 10 March
	if got := dueWhat(t, a, 0, "Milestone Objective workshop"); len(got) != 1 || got[0].Due != "2026-04-09" || got[0].Overdue {
		t.Fatalf("first milestone in the default list: %+v", got)
	}
	if got := dueWhat(t, a, 7, "Milestone"); len(got) != 0 {
		t.Fatalf("milestones in the 7-day list: %+v", got)
	}

	// an overdue action, until it is done
	act, err := a.Actions.Create(isms.Action{Ref: "ACT-9", Title: "Rotate keys", OwnerID: ana.ID, DueDate: "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	got := dueWhat(t, a, 7, "ACT-9")
	if len(got) != 1 || !got[0].Overdue || got[0].Who != "Ana Ortega" || got[0].Link != "/records/actions/"+act.ID || got[0].Days != -9 {
		t.Fatalf("open action: %+v", got)
	}
	n, err := a.Due.Count()
	if err != nil || n != 1 {
		t.Fatalf("badge %d %v, want 1 (the action)", n, err)
	}
	d, err := a.Dashboard.Summary()
	if err != nil || len(d.Overdue) != 1 || d.Overdue[0].What != got[0].What || len(d.Upcoming) == 0 {
		t.Fatalf("dashboard overdue %+v upcoming %d %v", d.Overdue, len(d.Upcoming), err)
	}
	if _, err := a.Actions.Complete(act.ID, act.Version, "2026-03-09"); err != nil {
		t.Fatal(err)
	}
	if got := dueWhat(t, a, 7, "ACT-9"); len(got) != 0 {
		t.Fatalf("a done action is due: %+v", got)
	}

	// a required training: planned, then held with Ana attending
	tr, err := a.Trainings.Create(isms.Training{Ref: "TR-1", Topic: "Security awareness", Date: "2026-03-09", Required: true,
		RoleIDs: []string{roleID(t, a, isms.RoleEmployees)}, OwnerID: ana.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got := dueWhat(t, a, 7, "TR-1"); len(got) != 1 || got[0].What != "Training session TR-1 Security awareness to hold (required for 1 person)" || !got[0].Overdue {
		t.Fatalf("planned training: %+v", got)
	}
	if err := a.Trainings.SetAttendance(tr.ID, []string{ana.ID}, true, ""); err != nil {
		t.Fatal(err)
	}
	if got := dueWhat(t, a, 90, "TR-1"); len(got) != 0 {
		t.Fatalf("a held training everyone attended is due: %+v", got)
	}
	// someone who joins later lacks it, and the competence view says the same
	ben := addPerson(t, a, "Ben Brandt", isms.RoleEmployees)
	got = dueWhat(t, a, 7, "TR-1")
	if len(got) != 1 || got[0].Type != overview.DueTrainingMissing || got[0].Who != "Ben Brandt" || got[0].PersonID != ben.ID {
		t.Fatalf("a missing required training: %+v", got)
	}
	rows, err := a.Trainings.Competence()
	if err != nil {
		t.Fatal(err)
	}
	missing := map[string]int{}
	for _, r := range rows {
		missing[r.Name] = r.Missing
	}
	if missing["Ben Brandt"] != 1 || missing["Ana Ortega"] != 0 {
		t.Fatalf("competence %v", missing)
	}

	// the milestone leaves the list once done
	ms, err := a.Milestones.List()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Milestones.Complete(ms[0].ID, ms[0].Version, "2026-03-10"); err != nil {
		t.Fatal(err)
	}
	if got := dueWhat(t, a, 90, "Objective workshop"); len(got) != 0 {
		t.Fatalf("a done milestone is due: %+v", got)
	}

	// the calendar
	dir := t.TempDir()
	t.Setenv(testSaveDirEnv, dir)
	path, err := a.Due.SaveCalendar()
	if err != nil || path != filepath.Join(dir, "ismsdesk-due-2026-03-10.ics") {
		t.Fatalf("save calendar: %q %v", path, err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	all, err := a.Due.List(365)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(raw), "\r\n ", "")
	if c := strings.Count(text, "BEGIN:VEVENT"); c != len(all) || c == 0 {
		t.Errorf("%d events, want the %d items of a year", c, len(all))
	}
	if !strings.Contains(text, "Required training TR-1 Security awareness for Ben Brandt") || strings.Contains(text, "ACT-9") {
		t.Errorf("calendar:\n%s", text)
	}
}
