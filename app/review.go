package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// ReviewService keeps the management reviews (clause 9.3): the meeting, its agenda of
// 9.3.2 inputs with live data and minutes, its decisions and the actions that carry them
// out (9.3.3), and marking it held. The rules are those of isms.Review; the live inputs
// come from overview.Agenda.
type ReviewService struct{ app *App }

func (s *ReviewService) r() records[isms.Review, *isms.Review] {
	return kindOf[isms.Review](s.app, isms.KindReview)
}

// List returns every management review.
func (s *ReviewService) List() ([]isms.Review, error) { return s.r().list() }

// Get returns one management review.
func (s *ReviewService) Get(id string) (isms.Review, error) { return s.r().get(id) }

// Create records a management review. It starts planned, with every 9.3.2 input on its
// agenda; without a previous review it follows the latest held review before its date.
func (s *ReviewService) Create(r isms.Review) (isms.Review, error) {
	return s.r().create(r, func(tx *store.Tx, r *isms.Review) error { return prepareReview(tx, r) })
}

// Update saves an edit of the review's details (reference, title, date, chair,
// attendees, previous review). The agenda, minutes, decisions, snapshot and closing
// change through their own methods; the status only through Hold and Close; a held
// review keeps its date; a closed review is locked.
func (s *ReviewService) Update(r isms.Review) (isms.Review, error) {
	return s.r().update(r, func(tx *store.Tx, old, new *isms.Review) error {
		return isms.CheckReviewChange(old, new)
	})
}

// Delete removes a review that nothing links to (its actions link to it: delete them
// first); a closed review is kept as the signed-off record.
func (s *ReviewService) Delete(id string, version int) error {
	return s.app.update(func(tx *store.Tx) error {
		r, err := store.GetAs[*isms.Review](tx, isms.KindReview, id)
		if err != nil {
			return err
		}
		if r.Status == isms.ReviewClosed {
			return isms.Errorf(isms.CodeLocked, "%s is closed and signed off: it is kept as the record of the review", r.Ref)
		}
		return deleteUnused(tx, isms.KindReview, id, version)
	})
}

// Agenda returns the live data of each 9.3.2 input for the review, for the period since
// the previous review, with the actions carried forward and what it lacks to be held.
func (s *ReviewService) Agenda(id string) (overview.ReviewAgenda, error) {
	var out overview.ReviewAgenda
	err := s.app.view(func(tx *store.Tx) (err error) {
		out, err = overview.Agenda(tx, id, s.today())
		return err
	})
	return out, err
}

// NewReview creates a planned review on a date (today when blank) chaired by a person
// (optional), who is its first attendee. It gets the next free reference "MR-YYYY-n" of
// the date's year, a title, the standard agenda of every 9.3.2 input, and the latest held
// review before it as its previous review, whose open actions it carries forward.
func (s *ReviewService) NewReview(date string, chairID string) (isms.Review, error) {
	d := isms.Date(strings.TrimSpace(date))
	if d == "" {
		d = s.today()
	}
	if !d.Valid() {
		return isms.Review{}, &isms.Error{Code: isms.CodeInvalid, Message: "the date of the management review is not valid",
			Fields: map[string]string{"date": "must be a date written YYYY-MM-DD"}}
	}
	r := isms.Review{Date: d, ChairID: strings.TrimSpace(chairID), Title: "Management review " + d.Time().Format("January 2006")}
	if r.ChairID != "" {
		r.AttendeeIDs = []string{r.ChairID}
	}
	return s.r().create(r, func(tx *store.Tx, r *isms.Review) error {
		if r.ChairID != "" {
			if err := activePerson(tx, r.ChairID, "chairId"); err != nil {
				return err
			}
		}
		ref, err := nextReviewRef(tx, string(d)[:4])
		if err != nil {
			return err
		}
		r.Ref = ref
		return prepareReview(tx, r)
	})
}

// SaveMinutes records the minutes of the agenda items (matched by topic) and the general
// minutes of the review read at version. A closed review is locked.
func (s *ReviewService) SaveMinutes(id string, version int, items []isms.ReviewInput, general string) (isms.Review, error) {
	return s.r().change(id, version, func(_ *store.Tx, r *isms.Review) error {
		return r.SaveMinutes(items, general)
	})
}

// AddDecision adds a decision (text, category) to the review read at version. With an
// action title it also creates the action that carries it out (owner and due date
// required, the next free "ACT-nnn"), linked to the review and to the decision, in the
// same transaction.
func (s *ReviewService) AddDecision(id string, version int, text, category, actionTitle, actionOwnerID, actionDue string) (isms.Review, error) {
	return s.r().change(id, version, func(tx *store.Tx, r *isms.Review) error {
		d := isms.Decision{Text: strings.TrimSpace(text), Category: strings.TrimSpace(category)}
		var a *isms.Action
		title, owner, due := strings.TrimSpace(actionTitle), strings.TrimSpace(actionOwnerID), strings.TrimSpace(actionDue)
		if title != "" || owner != "" || due != "" {
			a = &isms.Action{Title: title, OwnerID: owner, DueDate: isms.Date(due), Status: isms.ActionOpen}
		}
		if err := r.CheckDecision(d, a); err != nil {
			return err
		}
		if a != nil {
			if err := activePerson(tx, a.OwnerID, "actionOwnerId"); err != nil {
				return err
			}
			ref, err := nextActionRef(tx)
			if err != nil {
				return err
			}
			a.Ref = ref
			if err := tx.Create(a, source); err != nil {
				return err
			}
		}
		return r.AddDecision(d, a)
	})
}

// Hold marks the review held on a date (today when blank, never in the future). It is
// refused until the chair is among the attendees and every 9.3.2 input has minutes. The
// inputs as presented (the live agenda for the period up to that date) are frozen on the
// review as its snapshot with their SHA-256; each input's summary is also kept on its
// agenda item where none was written.
func (s *ReviewService) Hold(id string, version int, on string) (isms.Review, error) {
	return s.r().change(id, version, func(tx *store.Tx, r *isms.Review) error {
		d := isms.Date(strings.TrimSpace(on))
		if d == "" {
			d = s.today()
		}
		at := *r
		if d.Valid() {
			at.Date = d
		}
		agenda, err := overview.AgendaOf(tx, &at, s.today())
		if err != nil {
			return err
		}
		return r.Hold(d, s.today(), agenda.Snapshot(s.today()))
	})
}

// ReviewClosing is what closing a held review records: the chair's sign-off, the
// conclusion on the ISMS and the next review date.
type ReviewClosing struct {
	SignedByID     string                `json:"signedById"` // the chair
	SignedOn       isms.Date             `json:"signedOn"`
	How            string                `json:"how"` // one of isms.ApprovalMethods
	Ref            string                `json:"ref"` // the minute or signed document
	Conclusion     isms.ReviewConclusion `json:"conclusion"`
	NextReviewDate isms.Date             `json:"nextReviewDate"`
}

// Close closes the held review read at version with the chair's sign-off (the chair, who
// must hold Senior Management; when; how), the conclusion on the ISMS's continuing
// suitability, adequacy and effectiveness, and the next review date (after the review's).
// A closed review is locked.
func (s *ReviewService) Close(id string, version int, c ReviewClosing) (isms.Review, error) {
	return s.r().change(id, version, func(tx *store.Tx, r *isms.Review) error {
		chair, roles, err := personWithRoles(tx, r.ChairID)
		if isms.ErrorCode(err) == isms.CodeNotFound {
			chair, err = nil, nil
		}
		if err != nil {
			return err
		}
		signOff := isms.ReviewSignOff{ByID: c.SignedByID, On: c.SignedOn, How: c.How, Ref: c.Ref}
		return r.Close(signOff, c.Conclusion, c.NextReviewDate, chair, roles, s.today())
	})
}

// UpdateDecision changes the text and category of the review's decision at index (from 0)
// while the review is not closed; its actions stay.
func (s *ReviewService) UpdateDecision(id string, version int, index int, text, category string) (isms.Review, error) {
	return s.r().change(id, version, func(_ *store.Tx, r *isms.Review) error {
		return r.UpdateDecision(index, text, category)
	})
}

// RemoveDecision removes the review's decision at index (from 0) while the review is not
// closed. It is refused while one of its actions is in progress; its other actions are
// kept as actions of the review (open ones are still carried forward).
func (s *ReviewService) RemoveDecision(id string, version int, index int) (isms.Review, error) {
	return s.r().change(id, version, func(tx *store.Tx, r *isms.Review) error {
		var actions []*isms.Action
		if index >= 0 && index < len(r.Decisions) {
			for _, aid := range r.Decisions[index].ActionIDs {
				a, err := store.GetAs[*isms.Action](tx, isms.KindAction, aid)
				if isms.ErrorCode(err) == isms.CodeNotFound {
					continue
				}
				if err != nil {
					return err
				}
				actions = append(actions, a)
			}
		}
		return r.RemoveDecision(index, actions)
	})
}

func (s *ReviewService) today() isms.Date { return isms.DateOf(s.app.clock()) }

// prepareReview makes a new review planned, with the full agenda and its previous review.
func prepareReview(tx *store.Tx, r *isms.Review) error {
	r.Status, r.Snapshot = isms.ReviewPlanned, nil
	r.Conclusion, r.SignOff, r.NextReviewDate = isms.ReviewConclusion{}, isms.ReviewSignOff{}, ""
	r.FillAgenda()
	if r.PreviousReviewID == "" && r.Date.Valid() && r.Date != "" {
		prev, err := overview.PreviousReview(tx, r)
		if err != nil {
			return err
		}
		if prev != nil {
			r.PreviousReviewID = prev.ID
		}
	}
	return nil
}

// nextReviewRef returns "MR-YYYY-n" after the highest such reference of the year.
func nextReviewRef(tx *store.Tx, year string) (string, error) {
	prefix := "MR-" + year + "-"
	high := 0
	err := tx.Each(isms.KindReview, func(rec isms.Record) error {
		ref := strings.ToUpper(strings.TrimSpace(rec.(*isms.Review).Ref))
		if n, err := strconv.Atoi(strings.TrimPrefix(ref, prefix)); err == nil && strings.HasPrefix(ref, prefix) && n > high {
			high = n
		}
		return nil
	})
	return fmt.Sprintf("%s%d", prefix, high+1), err
}
