package overview

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

func demoDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Batch(func(b *store.Batch) error { return seed.Demo(b, isms.DateOf(time.Now())) }); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestEveryRowHasATitle: list rows of every kind, in the demo organisation, have a label,
// including the kinds whose records have no title of their own.
func TestEveryRowHasATitle(t *testing.T) {
	db := demoDB(t)
	err := db.View(func(tx *store.Tx) error {
		for _, k := range isms.Kinds() {
			rows, err := Rows(tx, k)
			if err != nil {
				return err
			}
			for _, r := range rows {
				if strings.TrimSpace(r.Title) == "" && r.Ref == "" {
					t.Errorf("a %s row has neither title nor reference: %+v", k, r)
				}
			}
		}
		rows, err := Rows(tx, isms.KindMeasurement)
		if err != nil {
			return err
		}
		if !strings.HasPrefix(rows[0].Title, "KPI-") {
			t.Errorf("measurement row title %q, want the KPI first", rows[0].Title)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDashboardAndDetail(t *testing.T) {
	db := demoDB(t)
	err := db.View(func(tx *store.Tx) error {
		d, err := Summary(tx, time.Now())
		if err != nil {
			return err
		}
		if len(d.Overdue) == 0 || len(d.ControlStatuses) == 0 {
			t.Errorf("dashboard %+v", d)
		}
		rows, err := Rows(tx, isms.KindRequirement)
		if err != nil {
			return err
		}
		det, err := RecordDetail(tx, isms.KindRequirement, rows[0].ID)
		if err != nil {
			return err
		}
		if len(det.History) == 0 || len(det.Fields) == 0 {
			t.Errorf("detail %+v", det)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDashboardMilestonesFollowTheOverdueRule: a done milestone is neither overdue nor
// upcoming, whatever its due date; an open one is overdue once its due date has passed.
func TestDashboardMilestonesFollowTheOverdueRule(t *testing.T) {
	db, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	cases := []struct {
		title    string
		status   string
		due      isms.Date
		done     isms.Date
		overdue  bool
		upcoming bool
	}{
		{"done, due last month", isms.MilestoneDone, "2026-02-28", "2026-02-20", false, false},
		{"done late, due yesterday", isms.MilestoneDone, "2026-03-09", "2026-03-10", false, false},
		{"planned, due last month", isms.MilestonePlanned, "2026-02-28", "", true, false},
		{"in progress, due yesterday", isms.MilestoneInProgress, "2026-03-09", "", true, false},
		{"planned, due today", isms.MilestonePlanned, "2026-03-10", "", false, true},
		{"planned, due in a fortnight", isms.MilestonePlanned, "2026-03-24", "", false, true},
		{"done early, due in a fortnight", isms.MilestoneDone, "2026-03-24", "2026-03-01", false, false},
		{"planned, due in two months", isms.MilestonePlanned, "2026-05-10", "", false, false},
	}
	err = db.Update(func(tx *store.Tx) error {
		for i, c := range cases {
			m := &isms.Milestone{Title: c.title, Month: 1, Order: i, Status: c.status, DueDate: c.due, CompletedOn: c.done}
			if err := tx.Create(m, "test"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var d Dashboard
	if err := db.View(func(tx *store.Tx) (err error) { d, err = Summary(tx, now); return err }); err != nil {
		t.Fatal(err)
	}
	in := func(rows []DueItem) map[string]bool {
		out := map[string]bool{}
		for _, r := range rows {
			out[r.Title] = true
		}
		return out
	}
	overdue, upcoming := in(d.Overdue), in(d.Upcoming)
	for _, c := range cases {
		if overdue[c.title] != c.overdue || upcoming[c.title] != c.upcoming {
			t.Errorf("milestone %q: overdue %v upcoming %v, want %v and %v", c.title, overdue[c.title], upcoming[c.title], c.overdue, c.upcoming)
		}
	}
}

// TestDashboardPolicyReviewsFollowTheRule: a policy's review is overdue until the policy is
// retired, also while its latest version is rejected (the published version stays in force).
func TestDashboardPolicyReviewsFollowTheRule(t *testing.T) {
	db, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	boss := &isms.Person{Name: "Bea Boss", Active: true}
	approved := []isms.Approval{{ApproverID: "", Decision: isms.DecisionApproved, At: "2025-01-10"}}
	rejected := []isms.Approval{{ApproverID: "", Decision: isms.DecisionRejected, Comment: "not yet", At: "2026-01-10"}}
	cases := []struct {
		ref      string
		status   string
		versions []isms.PolicyVersion
		next     isms.Date
		overdue  bool
		upcoming bool
	}{
		{"POL-REJ", isms.PolicyRejected, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyPublished, PublishedOn: "2025-01-11", Approvals: approved},
			{Number: "1.1", Status: isms.PolicyRejected, Approvals: rejected}}, "2026-02-01", true, false},
		{"POL-RET", isms.PolicyRetired, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyRetired, Approvals: approved}}, "2026-02-01", false, false},
		{"POL-PUB", isms.PolicyPublished, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyPublished, PublishedOn: "2025-01-11", Approvals: approved}}, "2026-03-20", false, true},
	}
	err = db.Update(func(tx *store.Tx) error {
		if err := tx.Create(boss, "test"); err != nil {
			return err
		}
		approved[0].ApproverID, rejected[0].ApproverID = boss.ID, boss.ID
		for _, c := range cases {
			p := &isms.Policy{Ref: c.ref, Title: c.ref, DocType: isms.DocPolicy, Status: c.status, Versions: c.versions, NextReviewDate: c.next}
			if err := tx.Create(p, "test"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var d Dashboard
	if err := db.View(func(tx *store.Tx) (err error) { d, err = Summary(tx, now); return err }); err != nil {
		t.Fatal(err)
	}
	in := func(rows []DueItem) map[string]bool {
		out := map[string]bool{}
		for _, r := range rows {
			out[r.Ref] = true
		}
		return out
	}
	overdue, upcoming := in(d.Overdue), in(d.Upcoming)
	for _, c := range cases {
		if overdue[c.ref] != c.overdue || upcoming[c.ref] != c.upcoming {
			t.Errorf("policy %s: overdue %v upcoming %v, want %v and %v", c.ref, overdue[c.ref], upcoming[c.ref], c.overdue, c.upcoming)
		}
	}
}

func TestChoicesInNaturalOrder(t *testing.T) {
	in := []string{"A.5.10 Acceptable use", "A.5.2 Roles", "a.5.1 Policies", "A.8.34 Protection", "A.6.1 Screening", "B"}
	sort.SliceStable(in, func(i, j int) bool { return naturalLess(in[i], in[j]) })
	want := []string{"a.5.1 Policies", "A.5.2 Roles", "A.5.10 Acceptable use", "A.6.1 Screening", "A.8.34 Protection", "B"}
	if strings.Join(in, "|") != strings.Join(want, "|") {
		t.Errorf("natural order = %q, want %q", in, want)
	}
}
