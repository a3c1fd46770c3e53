package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// attendanceState is every attendance record as training reference|person name -> status
// and date, and the number of trainings.
func attendanceState(t *testing.T, db *store.DB) (map[string]string, int) {
	t.Helper()
	out := map[string]string{}
	var trainings int
	err := db.View(func(tx *store.Tx) error {
		names := map[string]string{}
		refs := map[string]string{}
		if err := tx.Each(isms.KindPerson, func(r isms.Record) error { names[r.Base().ID] = r.(*isms.Person).Name; return nil }); err != nil {
			return err
		}
		if err := tx.Each(isms.KindTraining, func(r isms.Record) error {
			trainings++
			refs[r.Base().ID] = r.(*isms.Training).Ref
			return nil
		}); err != nil {
			return err
		}
		return tx.Each(isms.KindAttendance, func(r isms.Record) error {
			a := r.(*isms.Attendance)
			k := refs[a.TrainingID] + "|" + names[a.PersonID]
			if _, dup := out[k]; dup {
				t.Errorf("%s recorded twice", k)
			}
			out[k] = a.Status + " " + string(a.Date)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, trainings
}

// TestTrainingReportAttendanceReimportsUnchanged exports the training report of the demo
// organisation and imports its Attendance sheet back: every row matches the stored
// training (by its reference) and the person's record, so nothing is created or changed.
// An edited copy then updates the records it changes, still creating nothing.
func TestTrainingReportAttendanceReimportsUnchanged(t *testing.T) {
	db := openDB(t, "")
	if err := db.Batch(func(b *store.Batch) error { return seed.Demo(b, isms.DateOf(now)) }); err != nil {
		t.Fatal(err)
	}
	before, trainings := attendanceState(t, db)
	path := filepath.Join(t.TempDir(), "training.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := report.Write(context.Background(), db, "training", report.Options{Now: now}, f); err != nil {
		t.Fatal(err)
	}
	f.Close()

	p := prepare(t, db, Request{Kind: xlsx.KindAttendance, File: path, Sheet: "Attendance"})
	for field, col := range map[string]string{"trainingRef": "A", "training": "B", "trainingDate": "C", "person": "D", "status": "F", "date": "G", "score": "H", "note": "I"} {
		if p.Mapping.Columns[field] != col {
			t.Errorf("field %s mapped to column %q, want %s (mapping %v)", field, p.Mapping.Columns[field], col, p.Mapping.Columns)
		}
	}
	if p.Counts != (Counts{Rows: len(before), Unchanged: len(before)}) || len(p.NewPeople) != 0 || len(p.extra) != 0 {
		t.Fatalf("re-import of the export: %+v, new people %v, %d new trainings, problems %v; want 0 new, %d unchanged",
			p.Counts, p.NewPeople, len(p.extra), p.Errors, len(before))
	}
	commit(t, db, p)
	after, n := attendanceState(t, db)
	if n != trainings || len(after) != len(before) {
		t.Fatalf("after the re-import: %d trainings and %d attendance records, want %d and %d", n, len(after), trainings, len(before))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %q after the re-import, want %q", k, after[k], v)
		}
	}

	// The same sheet after a trainer's corrections: Ravi attended TR-01 after all, on
	// another day; the rows update those records and nothing else.
	wb, err := xlsx.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := wb.ReadSheet("Attendance", xlsx.ReadOptions{})
	wb.Close()
	if err != nil {
		t.Fatal(err)
	}
	csv := "Training ref,Topic,Training date,Person,Status,Date attended\n"
	for _, r := range g.Rows[1:] {
		cells := make([]string, 7)
		for i := range cells {
			if i < len(r.Cells) {
				cells[i] = r.Cells[i]
			}
		}
		status, date := cells[5], cells[6]
		if cells[0] == "TR-01" && cells[3] == "Ravi Patel" {
			status, date = "Attended", "2025-01-20"
		}
		csv += cells[0] + "," + cells[1] + "," + cells[2] + "," + cells[3] + "," + status + "," + date + "\n"
	}
	p = prepare(t, db, Request{Kind: xlsx.KindAttendance, File: writeFile(t, "corrected.csv", csv)})
	if p.Counts != (Counts{Rows: len(before), Updated: 1, Unchanged: len(before) - 1}) || len(p.extra) != 0 {
		t.Fatalf("corrected list: %+v, %d new trainings, problems %v", p.Counts, len(p.extra), p.Errors)
	}
	commit(t, db, p)
	after, n = attendanceState(t, db)
	if n != trainings || len(after) != len(before) || after["TR-01|Ravi Patel"] != "attended 2025-01-20" {
		t.Fatalf("after the corrected list: %d trainings, %d records, Ravi %q", n, len(after), after["TR-01|Ravi Patel"])
	}
}

// TestAttendanceMatchesTrainingByReferenceElseTopicAndDate: a reference finds its
// training; without one, the topic and date do; a reference that contradicts the
// training of that topic and date is a problem; an unknown reference with a topic and
// date adds the training once, with that reference.
func TestAttendanceMatchesTrainingByReferenceElseTopicAndDate(t *testing.T) {
	db := openDB(t, "")
	err := db.Update(func(tx *store.Tx) error {
		for _, r := range []isms.Record{
			&isms.Training{Ref: "TR-1", Topic: "Phishing 101", Date: "2026-01-10", Status: isms.TrainingHeld},
			&isms.Training{Topic: "GDPR basics", Date: "2026-02-01", Status: isms.TrainingHeld},
			&isms.Training{Ref: "TR-9", Topic: "Old course", Date: "2026-02-03", Status: isms.TrainingCancelled},
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
	p := prepare(t, db, Request{Kind: xlsx.KindAttendance, File: writeFile(t, "a.csv",
		"Reference,Training,Training date,Employee,Completed\n"+
			"TR-1,,,Frank,yes\n"+ // by reference alone
			",Phishing 101,2026-01-10,Gina,yes\n"+ // by topic and date
			",GDPR basics,2026-02-01,Frank,yes\n"+ // a training without a reference
			"TR-7,Phishing 101,2026-01-10,Hugo,yes\n"+ // contradicts TR-1
			"TR-8,,,Hugo,yes\n"+ // unknown, and no topic to add it with
			"TR-9,,,Hugo,yes\n"+ // cancelled
			"TR-5,Incident drill,2026-03-01,Frank,yes\n"+ // new, with its reference
			"TR-5,,,Gina,yes\n")}) // the new one again, by reference
	if p.Counts.Created != 5 || p.Counts.Invalid != 3 || len(p.extra) != 1 {
		t.Fatalf("counts %+v, %d new trainings, problems %+v", p.Counts, len(p.extra), p.Errors)
	}
	want := map[int]string{5: "trainingRef", 6: "trainingRef", 7: "training"}
	for _, e := range p.Errors {
		if want[e.Row] != e.Field {
			t.Errorf("row %d: problem on %s (%s), want %s", e.Row, e.Field, e.Message, want[e.Row])
		}
		delete(want, e.Row)
	}
	if len(want) != 0 {
		t.Errorf("no problem on rows %v", want)
	}
	if tr := p.extra[0].(*isms.Training); tr.Ref != "TR-5" || tr.Topic != "Incident drill" || tr.Date != "2026-03-01" {
		t.Errorf("new training %+v", tr)
	}
	p.Request.SkipInvalid = true
	commit(t, db, p)
	again := prepare(t, db, p.Request)
	if again.Counts.Created != 0 || again.Counts.Unchanged != 5 || len(again.extra) != 0 {
		t.Fatalf("the same file again: %+v, %d new trainings", again.Counts, len(again.extra))
	}
}
