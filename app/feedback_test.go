package app

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

func TestSurveyCRUDWithQuestions(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Sam Surveyor")
	s, err := a.Surveys.Create(isms.Survey{Ref: "SUR-9", Title: "Security culture", Date: "2026-03-01", OwnerID: owner.ID, Respondents: 40,
		Questions: []isms.SurveyQuestion{{Text: "Do you know how to report an incident?", Result: "Mostly yes", Score: 4.2, Answers: 38}}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Type != isms.SurveyKindSurvey || s.ID == "" {
		t.Fatalf("new survey %+v", s)
	}
	s.Questions = append(s.Questions, isms.SurveyQuestion{Text: "", Answers: -1})
	_, err = a.Surveys.Update(s)
	wantErr(t, "a question without text", err, isms.CodeInvalid, "questions[1].text", "questions[1].answers")
	s.Questions[1] = isms.SurveyQuestion{Text: "Is the policy clear?", Score: 3.1, Answers: 35}
	s.Type = isms.SurveyKindSession
	if s, err = a.Surveys.Update(s); err != nil || len(s.Questions) != 2 || s.Type != isms.SurveyKindSession {
		t.Fatalf("update: %+v, %v", s, err)
	}
	_, err = a.Surveys.Create(isms.Survey{Title: "No date", Type: "poll"})
	wantErr(t, "survey without date and with a bad type", err, isms.CodeInvalid, "date", "type")

	// a survey with feedback linked to it is kept
	f, err := a.Feedback.Create(isms.Feedback{SurveyID: s.ID, Text: "More phishing examples please"})
	if err != nil {
		t.Fatal(err)
	}
	if f.Status != isms.FeedbackNew || f.Date != planToday {
		t.Fatalf("new feedback %+v", f)
	}
	wantErr(t, "delete a survey with feedback", a.Surveys.Delete(s.ID, s.Version), isms.CodeLocked)
	if err := a.Feedback.Delete(f.ID, f.Version); err != nil {
		t.Fatal(err)
	}
	if s, err = a.Surveys.Get(s.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.Surveys.Delete(s.ID, s.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Surveys.Get(s.ID); isms.ErrorCode(err) != isms.CodeNotFound {
		t.Fatalf("deleted survey: %v", err)
	}
}

func TestFeedbackToImprovement(t *testing.T) {
	a := newPlanApp(t)
	before, err := a.Improvements.List()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Improvements.Create(isms.Improvement{Ref: "IMP-07", Title: "Existing"}); err != nil {
		t.Fatal(err)
	}

	_, err = a.Feedback.Create(isms.Feedback{Date: "2026-03-01", Text: "   ", Status: "maybe"})
	wantErr(t, "feedback without text", err, isms.CodeInvalid, "text", "status")
	_, err = a.Feedback.Create(isms.Feedback{Date: "2026-03-01", Text: "No", Status: isms.FeedbackConverted})
	wantErr(t, "converted by hand without an improvement", err, isms.CodeInvalid, "improvementId")

	f, err := a.Feedback.Create(isms.Feedback{Date: "2026-03-02", From: "Support team", Sentiment: isms.SentimentNegative,
		Text: "Password resets take too long\nWe wait a day for the service desk.", Status: isms.FeedbackAccepted})
	if err != nil {
		t.Fatal(err)
	}

	_, err = a.Feedback.ToImprovement(f.ID, f.Version+1)
	wantErr(t, "convert a stale version", err, isms.CodeConflict)

	imp, err := a.Feedback.ToImprovement(f.ID, f.Version)
	if err != nil {
		t.Fatal(err)
	}
	if imp.ID == "" || imp.Ref != "IMP-08" || imp.Title != "Password resets take too long" || imp.Goal != f.Text ||
		imp.Status != isms.ImprovementProposed || len(imp.FeedbackIDs) != 1 || imp.FeedbackIDs[0] != f.ID {
		t.Fatalf("improvement %+v", imp)
	}
	stored, err := a.Improvements.Get(imp.ID)
	if err != nil || stored.Ref != imp.Ref {
		t.Fatalf("stored improvement %+v, %v", stored, err)
	}
	if after, _ := a.Improvements.List(); len(after) != len(before)+2 {
		t.Fatalf("%d improvements, want %d", len(after), len(before)+2)
	}
	got, err := a.Feedback.Get(f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != isms.FeedbackConverted || got.ImprovementID != imp.ID || got.Response == "" || got.Version != f.Version+1 {
		t.Fatalf("converted feedback %+v", got)
	}

	// once only
	_, err = a.Feedback.ToImprovement(got.ID, got.Version)
	wantErr(t, "convert twice", err, isms.CodeLocked)
	// the link holds both ways: neither may be deleted while the other names it
	wantErr(t, "delete the improvement", a.Improvements.Delete(stored.ID, stored.Version), isms.CodeLocked)
	wantErr(t, "delete the feedback", a.Feedback.Delete(got.ID, got.Version), isms.CodeLocked)

	// rejected feedback is refused, and nothing is created
	r, err := a.Feedback.Create(isms.Feedback{Date: "2026-03-03", Text: "Ban laptops", Status: isms.FeedbackRejected, Response: "Not workable"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Feedback.ToImprovement(r.ID, r.Version)
	wantErr(t, "convert rejected feedback", err, isms.CodeInvalid, "status")
	if after, _ := a.Improvements.List(); len(after) != len(before)+2 {
		t.Fatalf("a refused conversion created an improvement: %d, want %d", len(after), len(before)+2)
	}
	if r, _ = a.Feedback.Get(r.ID); r.Status != isms.FeedbackRejected || r.ImprovementID != "" {
		t.Fatalf("refused conversion changed the feedback: %+v", r)
	}
	_, err = a.Feedback.ToImprovement("no-such-id", 0)
	wantErr(t, "convert missing feedback", err, isms.CodeNotFound)
}

func TestFeedbackToNonconformity(t *testing.T) {
	a := newPlanApp(t)
	if _, err := a.Nonconformities.Create(isms.Nonconformity{Ref: "NC-004", Title: "Existing", Source: isms.NCSourceOther}); err != nil {
		t.Fatal(err)
	}
	f, err := a.Feedback.Create(isms.Feedback{Date: "2026-03-02", From: "Contoso Retail", Sentiment: isms.SentimentNegative,
		Text: "Your questionnaire answer on key rotation was out of date\nIt said yearly; your policy says quarterly.", Status: isms.FeedbackAccepted})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Feedback.ToNonconformity(f.ID, f.Version+1)
	wantErr(t, "raise a stale version", err, isms.CodeConflict)

	n, err := a.Feedback.ToNonconformity(f.ID, f.Version)
	if err != nil {
		t.Fatalf("to nonconformity: %v", err)
	}
	if n.ID == "" || n.Ref != "NC-005" || n.Title != "Your questionnaire answer on key rotation was out of date" || n.Source != isms.NCSourceFeedback ||
		n.FeedbackID != f.ID || n.Status != isms.NCOpen || n.DetectedOn != "2026-03-02" || !strings.Contains(n.Description, "Contoso Retail") {
		t.Fatalf("nonconformity %+v", n)
	}
	stored, err := a.Nonconformities.Get(n.ID)
	if err != nil || stored.FeedbackID != f.ID {
		t.Fatalf("stored nonconformity %+v, %v", stored, err)
	}
	got, err := a.Feedback.Get(f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != isms.FeedbackRaised || got.NonconformityID != n.ID || !strings.Contains(got.Response, "NC-005") {
		t.Fatalf("raised feedback %+v", got)
	}
	// an edit through the form keeps the link
	edit := got
	edit.NonconformityID, edit.Response = "", "Answered the customer."
	if got, err = a.Feedback.Update(edit); err != nil || got.NonconformityID != n.ID {
		t.Fatalf("edit dropped the link: %+v, %v", got, err)
	}

	// once, and not also as an improvement
	_, err = a.Feedback.ToNonconformity(got.ID, got.Version)
	wantErr(t, "raise twice", err, isms.CodeLocked)
	_, err = a.Feedback.ToImprovement(got.ID, got.Version)
	wantErr(t, "an improvement as well", err, isms.CodeLocked)
	wantErr(t, "delete the raised feedback", a.Feedback.Delete(got.ID, got.Version), isms.CodeLocked)
	rej, err := a.Feedback.Create(isms.Feedback{Date: "2026-03-03", Text: "Ban laptops", Status: isms.FeedbackRejected, Response: "Not workable"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Feedback.ToNonconformity(rej.ID, rej.Version)
	wantErr(t, "raise rejected feedback", err, isms.CodeInvalid, "status")
	if list, _ := a.Nonconformities.List(); len(list) != 2 {
		t.Fatalf("%d nonconformities, want 2: refusals create nothing", len(list))
	}

	// deleting the nonconformity leaves the feedback accepted, to be raised again
	if err := a.Nonconformities.Delete(stored.ID, stored.Version); err != nil {
		t.Fatalf("delete the nonconformity: %v", err)
	}
	if got, _ = a.Feedback.Get(f.ID); got.Status != isms.FeedbackAccepted || got.NonconformityID != "" {
		t.Fatalf("feedback after its nonconformity was deleted: %+v", got)
	}
	if _, err := a.Feedback.ToNonconformity(got.ID, got.Version); err != nil {
		t.Fatalf("raise again: %v", err)
	}
}
