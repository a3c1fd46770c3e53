package overview

import (
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
	if err := db.Update(func(tx *store.Tx) error { return seed.Demo(tx, isms.DateOf(time.Now())) }); err != nil {
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
