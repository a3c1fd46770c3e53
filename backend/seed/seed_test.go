package seed_test

import (
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

const today isms.Date = "2025-06-15"

func open(t *testing.T) *store.DB {
	t.Helper()
	clock := func() time.Time { return time.Date(2025, 6, 15, 9, 0, 0, 0, time.UTC) }
	db, err := store.Open("", store.Options{InMemory: true, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func counts(t *testing.T, db *store.DB) map[isms.Kind]int {
	t.Helper()
	out := map[isms.Kind]int{}
	err := db.View(func(tx *store.Tx) error {
		for _, k := range isms.Kinds() {
			n, err := tx.Count(k)
			if err != nil {
				return err
			}
			out[k] = n
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFirstRun(t *testing.T) {
	db := open(t)
	for range 2 {
		if err := db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, today) }); err != nil {
			t.Fatal(err)
		}
		got := counts(t, db)
		for _, k := range isms.Kinds() {
			want := map[isms.Kind]int{isms.KindControl: 93, isms.KindRole: 6, isms.KindMilestone: 6}[k]
			if got[k] != want {
				t.Errorf("%s: %d records, want %d", k, got[k], want)
			}
		}
	}
	err := db.View(func(tx *store.Tx) error {
		rec, err := tx.ByRef(isms.KindControl, "A.8.34")
		if err != nil {
			return err
		}
		c := rec.(*isms.Control)
		if c.Applicability != isms.ApplicabilityNotAssessed || c.Status != isms.ImplNotStarted || c.Theme != isms.ThemeTechnological {
			t.Errorf("A.8.34 = %+v", c)
		}
		if _, err := tx.ByRef(isms.KindRole, isms.RoleSeniorManagement); err != nil {
			t.Errorf("role: %v", err)
		}
		if s, _ := tx.Setting(seed.SettingSeeded); s != string(today) {
			t.Errorf("seeded setting = %q", s)
		}
		ms, err := tx.List(isms.KindMilestone)
		if err != nil {
			return err
		}
		if m := ms[0].(*isms.Milestone); m.Month != 1 || m.DueDate != "2025-07-14" {
			t.Errorf("first milestone = %+v", m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, "June") })
	if isms.ErrorCode(err) != isms.CodeInvalid {
		t.Errorf("FirstRun(bad date) = %v", err)
	}
}

func TestDemo(t *testing.T) {
	db := open(t)
	if err := db.Batch(func(b *store.Batch) error { return seed.Demo(b, today) }); err != nil {
		t.Fatal(err)
	}
	got := counts(t, db)
	t.Logf("demo records: %v", got)
	for _, k := range isms.Kinds() {
		if got[k] == 0 {
			t.Errorf("demo created no %s", k.Plural())
		}
	}
	if got[isms.KindControl] != 93 {
		t.Errorf("%d controls, want 93", got[isms.KindControl])
	}
	statuses := map[string]bool{}
	overdue := 0
	err := db.View(func(tx *store.Tx) error {
		for _, k := range isms.Kinds() {
			recs, err := tx.List(k)
			if err != nil {
				return err
			}
			for _, r := range recs {
				if err := r.Validate(); err != nil {
					t.Errorf("%s %s: %v", k, r.Base().ID, err)
				}
				switch r := r.(type) {
				case *isms.Nonconformity:
					statuses[r.Status] = true
				case *isms.Action:
					if r.Overdue(today) {
						overdue++
					}
				case *isms.Control:
					if r.Applicability == isms.ApplicabilityNotAssessed || r.Justification == "" {
						t.Errorf("control %s not decided", r.Ref)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range isms.NonconformityStatuses.Values() {
		if !statuses[s] {
			t.Errorf("no nonconformity at stage %s", s)
		}
	}
	if overdue == 0 {
		t.Error("no overdue action")
	}
	err = db.Batch(func(b *store.Batch) error { return seed.Demo(b, today) })
	if isms.ErrorCode(err) != isms.CodeInvalid {
		t.Errorf("second Demo = %v, want invalid", err)
	}
	if again := counts(t, db); again[isms.KindPerson] != got[isms.KindPerson] {
		t.Errorf("second Demo changed people: %d -> %d", got[isms.KindPerson], again[isms.KindPerson])
	}
}

func TestDemoAfterFirstRunAndUserRecord(t *testing.T) {
	db := open(t)
	if err := db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, "2025-01-01") }); err != nil {
		t.Fatal(err)
	}
	// a first-run database takes the demo
	if err := db.Batch(func(b *store.Batch) error { return seed.Demo(b, today) }); err != nil {
		t.Fatalf("Demo after FirstRun: %v", err)
	}

	db = open(t)
	err := db.Update(func(tx *store.Tx) error {
		if err := seed.FirstRun(tx, today); err != nil {
			return err
		}
		return tx.Create(&isms.Person{Name: "Someone", Active: true}, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Batch(func(b *store.Batch) error { return seed.Demo(b, today) })
	if isms.ErrorCode(err) != isms.CodeInvalid {
		t.Errorf("Demo on a used database = %v, want invalid", err)
	}
	if got := counts(t, db); got[isms.KindRisk] != 0 {
		t.Errorf("refused Demo left %d risks", got[isms.KindRisk])
	}
}
