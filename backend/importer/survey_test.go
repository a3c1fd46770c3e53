package importer

import (
	"context"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// surveyFixture stores survey SUR-1 with one question already answered.
func surveyFixture(t *testing.T, db *store.DB) string {
	t.Helper()
	s := &isms.Survey{Ref: "SUR-1", Title: "Staff security culture survey", Type: isms.SurveyKindSurvey, Date: "2026-03-01",
		Questions: []isms.SurveyQuestion{{Text: "Do you know how to report an incident?", Answers: 10, Score: 3.2, Result: "Most do"}}}
	if err := db.Update(func(tx *store.Tx) error { return tx.Create(s, "test") }); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

func storedSurvey(t *testing.T, db *store.DB, id string) *isms.Survey {
	t.Helper()
	var out *isms.Survey
	if err := db.View(func(tx *store.Tx) (err error) { out, err = store.GetAs[*isms.Survey](tx, isms.KindSurvey, id); return }); err != nil {
		t.Fatal(err)
	}
	return out
}

const surveyResults = "Question,Responses,Average score,Summary\n" +
	"do you know how to  report an incident?,42,4.1,Nearly everyone\n" + // the stored question: updated
	"Is the password policy clear?,40,3.5,Mostly clear\n" +
	"Would you click an unknown link?,41,,\n" // no score or summary yet

// TestSurveyResultsImport: results go into the chosen survey, a question matched by its
// text is updated and new ones are added, all in one update of the survey; importing the
// same file again changes nothing; reverting gives the survey back as it was.
func TestSurveyResultsImport(t *testing.T) {
	db := openDB(t, "")
	id := surveyFixture(t, db)
	file := writeFile(t, "Culture survey results.csv", surveyResults)

	p := prepare(t, db, Request{Kind: xlsx.KindSurveyResults, File: file, Survey: "sur-1"})
	if p.Counts != (Counts{Rows: 3, Created: 2, Updated: 1}) {
		t.Fatalf("counts %+v, problems %v, mapping %v", p.Counts, p.Errors, p.Mapping.Columns)
	}
	res := commit(t, db, p)
	s := storedSurvey(t, db, id)
	want := []isms.SurveyQuestion{
		{Text: "Do you know how to report an incident?", Answers: 42, Score: 4.1, Result: "Nearly everyone"},
		{Text: "Is the password policy clear?", Answers: 40, Score: 3.5, Result: "Mostly clear"},
		{Text: "Would you click an unknown link?", Answers: 41},
	}
	if len(s.Questions) != len(want) || s.Version != 2 {
		t.Fatalf("survey after the import (version %d): %+v", s.Version, s.Questions)
	}
	for i, q := range want {
		if s.Questions[i] != q {
			t.Errorf("question %d: %+v, want %+v", i, s.Questions[i], q)
		}
	}

	// again, by title: nothing changes, nothing is written
	again := prepare(t, db, Request{Kind: xlsx.KindSurveyResults, File: file, Survey: "Staff security culture survey"})
	if again.Counts != (Counts{Rows: 3, Unchanged: 3}) {
		t.Fatalf("the same file again: %+v %v", again.Counts, again.Errors)
	}
	commit(t, db, again)
	if s := storedSurvey(t, db, id); s.Version != 2 || len(s.Questions) != 3 {
		t.Fatalf("the same file again wrote the survey: version %d, %d questions", s.Version, len(s.Questions))
	}

	// a score for the third question updates it and keeps its answers
	p = prepare(t, db, Request{Kind: xlsx.KindSurveyResults, File: writeFile(t, "r2.csv", "Question,Score\nWould you click an unknown link?,2.5\n"), Survey: id})
	if p.Counts != (Counts{Rows: 1, Updated: 1}) {
		t.Fatalf("one score: %+v %v", p.Counts, p.Errors)
	}
	commit(t, db, p)
	if q := storedSurvey(t, db, id).Questions[2]; q.Score != 2.5 || q.Answers != 41 {
		t.Fatalf("third question %+v", q)
	}

	if _, err := Revert(context.Background(), db, res.Log.ID, now); err == nil {
		t.Fatal("reverting the first import after a later one changed the survey: no error")
	}
}

func TestSurveyResultsProblems(t *testing.T) {
	db := openDB(t, "")
	surveyFixture(t, db)
	file := writeFile(t, "r.csv", surveyResults)
	for _, survey := range []string{"", "SUR-404"} {
		_, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindSurveyResults, File: file, Survey: survey})
		if e, ok := err.(*isms.Error); !ok || e.Code != isms.CodeInvalid || e.Fields["survey"] == "" {
			t.Errorf("survey %q: %v, want an invalid survey", survey, err)
		}
	}
	p := prepare(t, db, Request{Kind: xlsx.KindSurveyResults, Survey: "SUR-1", File: writeFile(t, "d.csv",
		"Question,Responses,Score\nIs it clear?,3,4\nIS IT CLEAR?,4,4\nIs it fun?,-2,1\nIs it safe?,lots,2\n")})
	want := map[int]string{3: "question", 4: "answers", 5: "answers"}
	if p.Counts.Invalid != 3 || p.Counts.Created != 1 {
		t.Fatalf("counts %+v %v", p.Counts, p.Errors)
	}
	for _, e := range p.Errors {
		if want[e.Row] != e.Field {
			t.Errorf("row %d: problem on %s (%s), want %s", e.Row, e.Field, e.Message, want[e.Row])
		}
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit with invalid rows: %v", err)
	}
}
