package isms

import (
	"math"
	"strconv"
	"strings"
)

// Survey kinds.
const (
	SurveyKindSurvey  = "survey"
	SurveyKindSession = "feedback_session"
)

// SurveyKinds lists whether a survey is a questionnaire or a feedback session.
var SurveyKinds = Enum{
	{SurveyKindSurvey, "Survey"},
	{SurveyKindSession, "Feedback session"},
}

// SurveyQuestion is one question of a survey with its result.
type SurveyQuestion struct {
	Text    string  `json:"text"`    // the question
	Result  string  `json:"result"`  // a summary of the answers
	Score   float64 `json:"score"`   // the average score, 0 when not scored
	Answers int     `json:"answers"` // how many answered
}

// Survey is a survey or feedback session with interested parties.
type Survey struct {
	Meta
	Ref         string           `json:"ref"`         // e.g. "SUR-2025-1"; optional
	Title       string           `json:"title"`       // e.g. "Staff security culture survey"
	Type        string           `json:"type"`        // one of SurveyKinds
	Date        Date             `json:"date"`        // when it was held or closed
	Audience    string           `json:"audience"`    // who was asked
	PartyID     string           `json:"partyId"`     // the interested party asked, optional
	Respondents int              `json:"respondents"` // how many took part
	Questions   []SurveyQuestion `json:"questions"`   // questions and results
	Summary     string           `json:"summary"`     // overall result
	OwnerID     string           `json:"ownerId"`     // who ran it
}

// Kind implements Record.
func (*Survey) Kind() Kind { return KindSurvey }

// Validate implements Record.
func (s *Survey) Validate() error {
	p := NewProblems("survey")
	p.MaxLen("ref", s.Ref, 64)
	p.Require("title", s.Title)
	p.MaxLen("title", s.Title, 300)
	p.Enum("type", s.Type, SurveyKinds, false)
	p.RequireDate("date", s.Date)
	if s.Respondents < 0 {
		p.Add("respondents", "must not be negative")
	}
	for i, q := range s.Questions {
		f := "questions[" + strconv.Itoa(i) + "]."
		p.Require(f+"text", q.Text)
		if math.IsNaN(q.Score) || math.IsInf(q.Score, 0) {
			p.Add(f+"score", "must be a number")
		}
		if q.Answers < 0 {
			p.Add(f+"answers", "must not be negative")
		}
	}
	return p.Err()
}

// Terms implements Record.
func (s *Survey) Terms() Terms {
	return Terms{
		Ref: s.Ref, Title: s.Title, Owner: s.OwnerID,
		Links: linkTo("partyId", KindParty, s.PartyID),
	}
}

// Feedback sentiments.
const (
	SentimentPositive = "positive"
	SentimentNeutral  = "neutral"
	SentimentNegative = "negative"
)

// Sentiments lists the sentiment of a feedback item.
var Sentiments = Enum{
	{SentimentPositive, "Positive"},
	{SentimentNeutral, "Neutral"},
	{SentimentNegative, "Negative"},
}

// Feedback statuses.
const (
	FeedbackNew       = "new"
	FeedbackAccepted  = "accepted"
	FeedbackConverted = "converted"
	FeedbackRaised    = "raised"
	FeedbackRejected  = "rejected"
)

// FeedbackStatuses lists a feedback item's statuses.
var FeedbackStatuses = Enum{
	{FeedbackNew, "New"},
	{FeedbackAccepted, "Accepted"},
	{FeedbackConverted, "Converted to improvement"},
	{FeedbackRaised, "Raised as nonconformity"},
	{FeedbackRejected, "Rejected"},
}

// Feedback is one feedback item from an interested party; it can become an improvement
// or a nonconformity (one of the two).
type Feedback struct {
	Meta
	SurveyID      string `json:"surveyId"`      // the survey or session it came from, optional
	Date          Date   `json:"date"`          // when it was given
	From          string `json:"from"`          // who gave it (a person, team or party name)
	PartyID       string `json:"partyId"`       // the interested party, optional
	Text          string `json:"text"`          // the feedback
	Sentiment     string `json:"sentiment"`     // one of Sentiments, optional
	Status        string `json:"status"`        // one of FeedbackStatuses
	Response      string `json:"response"`      // how it was answered or why it was rejected
	ImprovementID string `json:"improvementId"` // the improvement it became
	// NonconformityID is the nonconformity it was raised as (which links back with its FeedbackID).
	NonconformityID string `json:"nonconformityId"`
}

// Kind implements Record.
func (*Feedback) Kind() Kind { return KindFeedback }

// Validate implements Record.
func (f *Feedback) Validate() error {
	p := NewProblems("feedback")
	p.RequireDate("date", f.Date)
	p.Require("text", f.Text)
	p.MaxLen("text", f.Text, 10000)
	p.Enum("sentiment", f.Sentiment, Sentiments, true)
	p.Enum("status", f.Status, FeedbackStatuses, false)
	if f.Status == FeedbackConverted {
		p.Require("improvementId", f.ImprovementID)
	}
	if f.Status == FeedbackRaised {
		p.Require("nonconformityId", f.NonconformityID)
	}
	if f.ImprovementID != "" && f.NonconformityID != "" {
		p.Add("nonconformityId", "feedback becomes an improvement or a nonconformity, not both")
	}
	if f.Status == FeedbackRejected {
		p.Require("response", f.Response)
	}
	return p.Err()
}

// Terms implements Record.
func (f *Feedback) Terms() Terms {
	return Terms{
		Title: firstLine(f.Text, 80), Status: f.Status,
		Links: concatLinks(
			linkTo("surveyId", KindSurvey, f.SurveyID),
			linkTo("partyId", KindParty, f.PartyID),
			linkTo("improvementId", KindImprovement, f.ImprovementID),
			linkTo("nonconformityId", KindNonconformity, f.NonconformityID),
		),
	}
}

// NewImprovement returns the improvement initiative that answers the feedback: proposed,
// titled by the feedback's first line, its goal the feedback's text, and linked back to
// the feedback. The caller gives it a reference, stores it and then calls ConvertTo.
func (f *Feedback) NewImprovement(ref string) Improvement {
	return Improvement{
		Ref: ref, Title: firstLine(f.Text, 120), Goal: strings.TrimSpace(f.Text),
		Status: ImprovementProposed, FeedbackIDs: []string{f.ID},
	}
}

// CanConvert says whether the feedback may become an improvement or a nonconformity: not
// once it became either, nor while it is rejected (set it back to new or accepted first).
func (f *Feedback) CanConvert() error {
	switch {
	case f.Status == FeedbackConverted || f.ImprovementID != "":
		return Errorf(CodeLocked, "this feedback already became an improvement")
	case f.Status == FeedbackRaised || f.NonconformityID != "":
		return Errorf(CodeLocked, "this feedback was already raised as a nonconformity")
	case f.Status == FeedbackRejected:
		return &Error{Code: CodeInvalid, Message: "this feedback was rejected: set it back to new or accepted before acting on it",
			Fields: map[string]string{"status": "is rejected"}}
	}
	return nil
}

// ConvertTo marks the feedback converted into the stored improvement imp and notes it in
// the response when that is blank.
func (f *Feedback) ConvertTo(imp *Improvement) error {
	if err := f.CanConvert(); err != nil {
		return err
	}
	if imp.ID == "" {
		return Errorf(CodeInvalid, "the improvement is not stored yet")
	}
	f.Status, f.ImprovementID = FeedbackConverted, imp.ID
	if strings.TrimSpace(f.Response) == "" {
		f.Response = "Became improvement " + imp.Ref + "."
	}
	return nil
}

// NewNonconformity returns the nonconformity the feedback reveals: open, from the source
// feedback, titled by the feedback's first line, described by its text, detected on the
// day it was given and linked back to the feedback. The caller gives it a reference,
// stores it and then calls RaiseAs.
func (f *Feedback) NewNonconformity(ref string) Nonconformity {
	desc := strings.TrimSpace(f.Text)
	if from := strings.TrimSpace(f.From); from != "" {
		desc = "Feedback from " + from + ": " + desc
	}
	return Nonconformity{
		Ref: ref, Title: firstLine(f.Text, 120), Description: desc, Source: NCSourceFeedback, FeedbackID: f.ID,
		DetectedOn: f.Date, Status: NCOpen,
	}
}

// RaiseAs marks the feedback raised as the stored nonconformity n and notes it in the
// response when that is blank.
func (f *Feedback) RaiseAs(n *Nonconformity) error {
	if err := f.CanConvert(); err != nil {
		return err
	}
	if n.ID == "" {
		return Errorf(CodeInvalid, "the nonconformity is not stored yet")
	}
	f.Status, f.NonconformityID = FeedbackRaised, n.ID
	if strings.TrimSpace(f.Response) == "" {
		f.Response = "Raised as nonconformity " + n.Ref + "."
	}
	return nil
}

// Unraise takes the link to a deleted nonconformity off the feedback, which is accepted
// again (and may be raised again).
func (f *Feedback) Unraise(ncID string) {
	if f.NonconformityID != ncID {
		return
	}
	f.NonconformityID = ""
	if f.Status == FeedbackRaised {
		f.Status = FeedbackAccepted
	}
}
