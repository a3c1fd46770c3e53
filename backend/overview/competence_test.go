package overview

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// A required training with a renewal period: attending counts until the period ends, a
// later session of the same topic renews it, and the due list asks for the renewal.
func TestTrainingRenewal(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{Clock: func() time.Time { return dueNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ana, ben *isms.Person
	err = db.Update(func(tx *store.Tx) error {
		staff := &isms.Role{Name: "Staff"}
		if err := tx.Create(staff, "test"); err != nil {
			return err
		}
		ana = &isms.Person{Name: "Ana Ortega", Active: true, RoleIDs: []string{staff.ID}}
		ben = &isms.Person{Name: "Ben Brandt", Active: true, RoleIDs: []string{staff.ID}}
		old := &isms.Training{Ref: "TR-2024", Topic: "Security awareness", Date: "2024-11-05", Status: isms.TrainingHeld,
			Required: true, RenewalMonths: 12, RoleIDs: []string{staff.ID}}
		now := &isms.Training{Ref: "TR-2025", Topic: " security  Awareness", Date: "2025-04-01", Status: isms.TrainingHeld,
			Required: true, RenewalMonths: 12, RoleIDs: []string{staff.ID}}
		for _, r := range []isms.Record{ana, ben, old, now} {
			if err := tx.Create(r, "test"); err != nil {
				return err
			}
		}
		for _, a := range []*isms.Attendance{
			{TrainingID: old.ID, PersonID: ana.ID, Status: isms.AttendanceAttended},                     // expired on 2025-11-05
			{TrainingID: now.ID, PersonID: ben.ID, Status: isms.AttendanceAttended, Date: "2025-04-02"}, // until 2026-04-02
		} {
			if err := tx.Create(a, "test"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var needs []PersonNeeds
	if err := db.View(func(tx *store.Tx) (err error) { needs, err = RequiredTrainings(tx, isms.DateOf(dueNow)); return }); err != nil {
		t.Fatal(err)
	}
	got := map[string]TrainingNeed{}
	for _, pn := range needs {
		if len(pn.Needs) != 1 {
			t.Fatalf("%s: two sessions of one topic are one need, got %d", pn.Person.Name, len(pn.Needs))
		}
		got[pn.Person.Name] = pn.Needs[0]
	}
	if n := got["Ana Ortega"]; n.Training.Ref != "TR-2025" || !n.Attended() || n.Current() || n.Expires != "2025-11-05" {
		t.Errorf("Ana attended in 2024 with a 12-month renewal: want expired on 2025-11-05, got %+v", n)
	}
	if n := got["Ben Brandt"]; !n.Current() || n.AttendedOn != "2025-04-02" || n.Expires != "2026-04-02" {
		t.Errorf("Ben attended on 2025-04-02: want current until 2026-04-02, got %+v", n)
	}
	items := dueItems(t, db, 30)
	var renewals []DueItem
	for _, it := range items {
		if it.Type == DueTrainingRenewal {
			renewals = append(renewals, it)
		}
	}
	if len(renewals) != 2 || !renewals[0].Overdue || renewals[0].Who != "Ana Ortega" || renewals[1].Overdue || renewals[1].Due != "2026-04-02" {
		t.Fatalf("want Ana's renewal overdue and Ben's due on 2026-04-02, got %+v", renewals)
	}
	var reading Reading
	if err := db.View(func(tx *store.Tx) (err error) {
		reading, err = Measure(tx, isms.SourceTrainingCurrent, isms.DateOf(dueNow))
		return
	}); err != nil {
		t.Fatal(err)
	}
	if reading.Value != 50 {
		t.Errorf("one of two people is current: want 50 %%, got %v (%s)", reading.Value, reading.Note)
	}
}

// Requirements come into the due list from the due index: an open one due inside the window
// is listed, one due later, a compliant one and one that does not apply are not.
func TestDueRequirements(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{Clock: func() time.Time { return dueNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *store.Tx) error {
		for _, r := range []*isms.Requirement{
			{SourceType: "legal", Ref: "REQ-OPEN", Title: "Log retention", Applicable: true, Status: isms.CompliancePartial, DueDate: "2026-03-20"},
			{SourceType: "legal", Ref: "REQ-LATE", Title: "Retention review", Applicable: true, Status: isms.ComplianceNonCompliant, DueDate: "2026-02-01"},
			{SourceType: "legal", Ref: "REQ-LATER", Title: "Next year", Applicable: true, Status: isms.CompliancePartial, DueDate: "2026-09-01"},
			{SourceType: "legal", Ref: "REQ-DONE", Title: "Done", Applicable: true, Status: isms.ComplianceCompliant, DueDate: "2026-03-12"},
			{SourceType: "legal", Ref: "REQ-NA", Title: "Not ours", Applicable: false, Status: isms.ComplianceNotApplicable, DueDate: "2026-03-12"},
		} {
			if err := tx.Create(r, "test"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range dueItems(t, db, 30) {
		if it.Type == DueRequirement {
			got = append(got, fmt.Sprintf("%s overdue=%v", it.Ref, it.Overdue))
		}
	}
	want := []string{"REQ-LATE overdue=true", "REQ-OPEN overdue=false"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Fatalf("due requirements %v, want %v", got, want)
	}
}
