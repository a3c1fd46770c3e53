package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// A survey-results import brings the results of one survey, a question per row, into the
// survey the user chose (Request.Survey): it does not create surveys, so that results
// always land in a survey set up with its date, audience and owner. A row whose question
// (its text, case and spacing folded) the survey already has updates that question; a new
// question is added. All rows become one update of the survey; importing the same file
// again changes nothing.

// surveyUpdate is the planned update of the chosen survey: a copy of the stored survey
// with the rows' results.
type surveyUpdate struct {
	survey *isms.Survey   // the record written
	index  map[string]int // folded question text -> index in survey.Questions
	rows   map[string]int // folded question text -> Excel row that gave it
	hasRow bool           // a planned row carries the survey as its record
}

// loadSurvey finds the survey the request names.
func (r *resolver) loadSurvey() error {
	name := strings.TrimSpace(r.p.Request.Survey)
	if name == "" {
		return &isms.Error{Code: isms.CodeInvalid, Message: "choose the survey these results belong to (add it under Surveys first)",
			Fields: map[string]string{"survey": "is required: the survey's reference or title"}}
	}
	var byID, byRef *isms.Survey
	var byTitle []*isms.Survey
	err := r.tx.Each(isms.KindSurvey, func(rec isms.Record) error {
		s := rec.(*isms.Survey)
		switch {
		case s.ID == name:
			byID = s
		case s.Ref != "" && fold(s.Ref) == fold(name):
			byRef = s
		case fold(s.Title) == fold(name):
			byTitle = append(byTitle, s)
		}
		return nil
	})
	if err != nil {
		return err
	}
	found := byID
	if found == nil {
		found = byRef
	}
	if found == nil {
		switch len(byTitle) {
		case 0:
			return &isms.Error{Code: isms.CodeInvalid, Message: fmt.Sprintf("there is no survey with the reference or title %q: add it under Surveys first", name),
				Fields: map[string]string{"survey": "names no survey"}}
		case 1:
			found = byTitle[0]
		default:
			return &isms.Error{Code: isms.CodeInvalid, Message: fmt.Sprintf("%q is the title of more than one survey: use the survey's reference", name),
				Fields: map[string]string{"survey": "names more than one survey"}}
		}
	}
	c := *found
	c.Questions = slices.Clone(found.Questions)
	u := &surveyUpdate{survey: &c, index: map[string]int{}, rows: map[string]int{}}
	for i, q := range c.Questions {
		if k := fold(q.Text); k != "" {
			if _, dup := u.index[k]; !dup {
				u.index[k] = i
			}
		}
	}
	r.survey = u
	return nil
}

// surveyResult plans one question's result.
func (r *resolver) surveyResult(row *PlannedRow, x *xlsx.SurveyResultRow, problem func(field, msg string)) error {
	u := r.survey
	row.Ref, row.Title = u.survey.Ref, x.Question
	k := fold(x.Question)
	if first, dup := u.rows[k]; dup {
		problem("question", fmt.Sprintf("repeats the question of row %d", first))
		return nil
	}
	u.rows[k] = row.Row
	i, ok := u.index[k]
	var q isms.SurveyQuestion
	if ok {
		q = u.survey.Questions[i]
	} else {
		q = isms.SurveyQuestion{Text: x.Question}
	}
	before := q
	// a blank cell (or an unmapped column) keeps the stored value
	if x.Has["answers"] {
		q.Answers = x.Answers
	}
	if x.Has["score"] {
		q.Score = x.Score
	}
	if x.Has["result"] {
		q.Result = x.Result
	}
	if ok && q == before {
		row.Action = ActionUnchanged
		return nil
	}
	check := *u.survey
	check.Questions = append(slices.Clone(u.survey.Questions), q)
	if err := check.Validate(); err != nil {
		var e *isms.Error
		if ee, isErr := err.(*isms.Error); isErr {
			e = ee
		}
		for f, msg := range fieldsOf(e) {
			if _, field, cut := strings.Cut(f, "]."); cut {
				f = field
			}
			problem(f, msg)
		}
		if e == nil {
			problem("question", err.Error())
		}
		return nil
	}
	if ok {
		u.survey.Questions[i] = q
		row.Action = ActionUpdate
	} else {
		u.index[k] = len(u.survey.Questions)
		u.survey.Questions = append(u.survey.Questions, q)
		row.Action = ActionCreate
	}
	if !u.hasRow {
		u.hasRow, row.rec = true, u.survey
	}
	return nil
}

// fieldsOf returns an error's field problems, none for nil.
func fieldsOf(e *isms.Error) map[string]string {
	if e == nil {
		return nil
	}
	return e.Fields
}
