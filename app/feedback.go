package app

import (
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// The bound services of surveys and feedback (9.1, 10.1): surveys and feedback sessions
// with their questions and results, and the feedback items that can become improvement
// initiatives.

// SurveyService keeps the surveys and feedback sessions with interested parties.
type SurveyService struct{ app *App }

func (s *SurveyService) r() records[isms.Survey, *isms.Survey] {
	return kindOf[isms.Survey](s.app, isms.KindSurvey)
}

// List returns every survey and feedback session.
func (s *SurveyService) List() ([]isms.Survey, error) { return s.r().list() }

// Get returns one survey.
func (s *SurveyService) Get(id string) (isms.Survey, error) { return s.r().get(id) }

// Create adds a survey; it is a questionnaire unless said otherwise.
func (s *SurveyService) Create(v isms.Survey) (isms.Survey, error) {
	return s.r().create(v, func(_ *store.Tx, v *isms.Survey) error {
		if v.Type == "" {
			v.Type = isms.SurveyKindSurvey
		}
		return nil
	})
}

// Update saves an edit of a survey, its questions and results included.
func (s *SurveyService) Update(v isms.Survey) (isms.Survey, error) { return s.r().update(v, nil) }

// Delete removes a survey that no feedback item links to.
func (s *SurveyService) Delete(id string, version int) error { return s.r().remove(id, version) }

// FeedbackService keeps the feedback items of interested parties.
type FeedbackService struct{ app *App }

func (s *FeedbackService) r() records[isms.Feedback, *isms.Feedback] {
	return kindOf[isms.Feedback](s.app, isms.KindFeedback).notAfterToday("date", "date it was given", func(f *isms.Feedback) isms.Date { return f.Date })
}

// List returns every feedback item.
func (s *FeedbackService) List() ([]isms.Feedback, error) { return s.r().list() }

// Get returns one feedback item.
func (s *FeedbackService) Get(id string) (isms.Feedback, error) { return s.r().get(id) }

// Create records a feedback item; it is new and given today unless said otherwise.
func (s *FeedbackService) Create(f isms.Feedback) (isms.Feedback, error) {
	return s.r().create(f, func(_ *store.Tx, f *isms.Feedback) error {
		if f.Status == "" {
			f.Status = isms.FeedbackNew
		}
		if f.Date == "" {
			f.Date = isms.DateOf(s.app.clock())
		}
		return nil
	})
}

// Update saves an edit of a feedback item; the improvement or nonconformity it became
// stays linked (those links change only through ToImprovement and ToNonconformity).
func (s *FeedbackService) Update(f isms.Feedback) (isms.Feedback, error) {
	return s.r().update(f, func(_ *store.Tx, old, new *isms.Feedback) error {
		new.ImprovementID, new.NonconformityID = old.ImprovementID, old.NonconformityID
		return nil
	})
}

// Delete removes a feedback item that no improvement links to.
func (s *FeedbackService) Delete(id string, version int) error { return s.r().remove(id, version) }

// ToImprovement makes a feedback item read at version an improvement initiative: a
// proposed one titled by the feedback's first line, its goal the feedback's text, with the
// next free "IMP-nn" reference and a link to the feedback; the feedback is marked converted
// with a link to it. Both in one transaction; refused when the feedback already became an
// improvement or is rejected.
func (s *FeedbackService) ToImprovement(id string, version int) (isms.Improvement, error) {
	var out isms.Improvement
	_, err := s.r().change(id, version, func(tx *store.Tx, f *isms.Feedback) error {
		if err := f.CanConvert(); err != nil {
			return err
		}
		ref, err := nextRef(tx, isms.KindImprovement, "IMP-", 2)
		if err != nil {
			return err
		}
		imp := f.NewImprovement(ref)
		if err := isms.CheckImprovementChange(&isms.Improvement{}, &imp, isms.DateOf(s.app.clock())); err != nil {
			return err
		}
		if err := tx.Create(&imp, source); err != nil {
			return err
		}
		if err := f.ConvertTo(&imp); err != nil {
			return err
		}
		out = imp
		return nil
	})
	if err != nil {
		return isms.Improvement{}, err
	}
	return out, nil
}

// ToNonconformity raises a feedback item read at version as a nonconformity: an open one
// from the source feedback, titled by the feedback's first line, described by its text,
// detected on the day it was given, with the next free "NC-nnn" reference and a link to
// the feedback; the feedback is marked raised with a link to it. Both in one transaction;
// refused when the feedback already became an improvement or a nonconformity, or is
// rejected.
func (s *FeedbackService) ToNonconformity(id string, version int) (isms.Nonconformity, error) {
	var out isms.Nonconformity
	_, err := s.r().change(id, version, func(tx *store.Tx, f *isms.Feedback) error {
		if err := f.CanConvert(); err != nil {
			return err
		}
		ref, err := nextRef(tx, isms.KindNonconformity, "NC-", 3)
		if err != nil {
			return err
		}
		n := f.NewNonconformity(ref)
		if err := tx.Create(&n, source); err != nil {
			return err
		}
		if err := f.RaiseAs(&n); err != nil {
			return err
		}
		out = n
		return nil
	})
	if err != nil {
		return isms.Nonconformity{}, err
	}
	return out, nil
}
