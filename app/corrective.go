package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// The bound services of the Act areas: nonconformities with their corrective actions
// (10.2), the actions of reviews and nonconformities, and improvement initiatives (10.1).
// The 10.2 gates are rules of isms.Nonconformity; these services load the corrective
// actions from the store so that the rules see them.

// NonconformityService keeps the nonconformities and walks them through clause 10.2:
// correction, root cause analysis, corrective action, effectiveness review, closed.
type NonconformityService struct{ app *App }

func (s *NonconformityService) r() records[isms.Nonconformity, *isms.Nonconformity] {
	return kindOf[isms.Nonconformity](s.app, isms.KindNonconformity).notAfterToday("detectedOn", "detection date", func(n *isms.Nonconformity) isms.Date { return n.DetectedOn })
}

// List returns every nonconformity.
func (s *NonconformityService) List() ([]isms.Nonconformity, error) { return s.r().list() }

// Get returns one nonconformity.
func (s *NonconformityService) Get(id string) (isms.Nonconformity, error) { return s.r().get(id) }

// Create records a nonconformity; it starts open, without corrective actions.
func (s *NonconformityService) Create(n isms.Nonconformity) (isms.Nonconformity, error) {
	return s.r().create(n, func(_ *store.Tx, n *isms.Nonconformity) error {
		n.Status, n.CorrectiveActionIDs, n.Effectiveness, n.ClosedOn = isms.NCOpen, nil, isms.Effectiveness{}, ""
		if n.DetectedOn == "" {
			n.DetectedOn = s.today()
		}
		return nil
	})
}

// Update saves an edit. The status moves one step forward at most, once the step it
// leaves is complete (and from the effectiveness review on with every corrective action
// done), or back to an earlier step; it is closed only through Close. The corrective
// actions, the effectiveness review and the closing date change only through AddAction,
// ReviewEffectiveness and Close.
func (s *NonconformityService) Update(n isms.Nonconformity) (isms.Nonconformity, error) {
	return s.r().update(n, func(tx *store.Tx, old, new *isms.Nonconformity) error {
		if err := isms.CheckNonconformityChange(old, new); err != nil {
			return err
		}
		return checkCorrective(tx, new)
	})
}

// Delete removes a nonconformity that nothing links to (its corrective actions link to it:
// delete them first, which is possible until the effectiveness review). The audit finding
// or feedback that raised it stays, without the link, and can raise one again.
func (s *NonconformityService) Delete(id string, version int) error {
	return s.app.update(func(tx *store.Tx) error {
		n, err := store.GetAs[*isms.Nonconformity](tx, isms.KindNonconformity, id)
		if err != nil {
			return err
		}
		// The audit finding that raised it links back to it: the finding stays, unraised.
		if n.FindingID != "" {
			f, err := store.GetAs[*isms.Finding](tx, isms.KindFinding, n.FindingID)
			switch {
			case isms.ErrorCode(err) == isms.CodeNotFound:
			case err != nil:
				return err
			case f.NonconformityID == id:
				f.NonconformityID = ""
				if err := tx.Put(f, source); err != nil {
					return err
				}
			}
		}
		// So does the feedback it was raised from.
		if n.FeedbackID != "" {
			f, err := store.GetAs[*isms.Feedback](tx, isms.KindFeedback, n.FeedbackID)
			switch {
			case isms.ErrorCode(err) == isms.CodeNotFound:
			case err != nil:
				return err
			case f.NonconformityID == id:
				f.Unraise(id)
				if err := tx.Put(f, source); err != nil {
					return err
				}
			}
		}
		return deleteUnused(tx, isms.KindNonconformity, id, version)
	})
}

// Advance moves the nonconformity to its next 10.2 step once the fields of the current one
// are filled in; into the effectiveness review and to closed only with every corrective
// action done or cancelled. From the effectiveness review it closes the nonconformity today.
func (s *NonconformityService) Advance(id string, version int) (isms.Nonconformity, error) {
	return s.r().change(id, version, func(tx *store.Tx, n *isms.Nonconformity) error {
		actions, err := correctiveActions(tx, n)
		if err != nil {
			return err
		}
		return n.Advance(actions, s.today())
	})
}

// ReviewEffectiveness records the effectiveness review (date, reviewer, verdict, comment)
// while the nonconformity is at the effectiveness review; the reviewer is an active person.
// A verdict "not effective" puts the nonconformity back to the corrective action step and
// opens a follow-up corrective action in the same transaction: owned by the
// nonconformity's owner, due in 30 days, linked to it.
func (s *NonconformityService) ReviewEffectiveness(id string, version int, e isms.Effectiveness) (isms.Nonconformity, error) {
	return s.r().change(id, version, func(tx *store.Tx, n *isms.Nonconformity) error {
		if err := activePerson(tx, e.ReviewerID, "effectiveness.reviewerId"); err != nil {
			return err
		}
		actions, err := correctiveActions(tx, n)
		if err != nil {
			return err
		}
		if err := n.RecordEffectiveness(e, actions); err != nil {
			return err
		}
		if a := n.FollowUpAction(s.today()); a != nil {
			return addCorrective(tx, n, a, s.today())
		}
		return nil
	})
}

// Ageing returns, for every nonconformity, how many days it has been open and what of it
// is overdue as of today: its current step past its due date, and its corrective actions
// past theirs.
func (s *NonconformityService) Ageing() ([]isms.NCAgeing, error) {
	out := []isms.NCAgeing{}
	err := s.app.view(func(tx *store.Tx) error {
		return tx.Each(isms.KindNonconformity, func(rec isms.Record) error {
			n := rec.(*isms.Nonconformity)
			actions, err := correctiveActions(tx, n)
			if err != nil {
				return err
			}
			out = append(out, n.Ageing(actions, s.today()))
			return nil
		})
	})
	return out, err
}

// Close closes the nonconformity on a date (today when blank). It refuses while a
// corrective action is still open or the effectiveness review did not find the actions
// effective.
func (s *NonconformityService) Close(id string, version int, on string) (isms.Nonconformity, error) {
	return s.r().change(id, version, func(tx *store.Tx, n *isms.Nonconformity) error {
		actions, err := correctiveActions(tx, n)
		if err != nil {
			return err
		}
		d := isms.Date(strings.TrimSpace(on))
		if d == "" {
			d = s.today()
		}
		return n.Close(actions, d)
	})
}

// AddAction creates a corrective action (title, owner, due date) and links it to the
// nonconformity, in one transaction. A blank reference gets the next free "ACT-nnn".
func (s *NonconformityService) AddAction(ncID string, version int, a isms.Action) (isms.Nonconformity, error) {
	return s.r().change(ncID, version, func(tx *store.Tx, n *isms.Nonconformity) error {
		return addCorrective(tx, n, &a, s.today())
	})
}

func (s *NonconformityService) today() isms.Date { return isms.DateOf(s.app.clock()) }

// addCorrective creates the corrective action a of n and links it both ways; the caller
// saves n.
func addCorrective(tx *store.Tx, n *isms.Nonconformity, a *isms.Action, today isms.Date) error {
	*a.Base() = isms.Meta{}
	if a.Status == "" {
		a.Status = isms.ActionOpen
	}
	if err := isms.CheckActionChange(&isms.Action{NonconformityID: n.ID}, a, today); err != nil {
		return err
	}
	if strings.TrimSpace(a.Ref) == "" {
		ref, err := nextActionRef(tx)
		if err != nil {
			return err
		}
		a.Ref = ref
	}
	if err := n.CheckNewAction(a); err != nil { // the stage, owner and due date before the action is stored
		return err
	}
	if err := activePerson(tx, a.OwnerID, "ownerId"); err != nil {
		return err
	}
	if err := tx.Create(a, source); err != nil {
		return err
	}
	return n.LinkAction(a)
}

// checkCorrective checks the stored corrective actions of n against its stage.
func checkCorrective(tx *store.Tx, n *isms.Nonconformity) error {
	actions, err := correctiveActions(tx, n)
	if err != nil {
		return err
	}
	return n.CheckActions(actions)
}

// correctiveActions loads the corrective actions of a nonconformity; one deleted since is
// skipped.
func correctiveActions(tx *store.Tx, n *isms.Nonconformity) ([]*isms.Action, error) {
	out := make([]*isms.Action, 0, len(n.CorrectiveActionIDs))
	for _, id := range n.CorrectiveActionIDs {
		a, err := store.GetAs[*isms.Action](tx, isms.KindAction, id)
		if isms.ErrorCode(err) == isms.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// activePerson checks that id names a person who has not left; blank is left to the rules.
func activePerson(tx *store.Tx, id, field string) error {
	p, _, err := personWithRoles(tx, id)
	if isms.ErrorCode(err) == isms.CodeNotFound {
		return &isms.Error{Code: isms.CodeInvalid, Message: "the person chosen does not exist", Fields: map[string]string{field: "is not a person"}}
	}
	if err != nil {
		return err
	}
	if p != nil && !p.Active {
		return &isms.Error{Code: isms.CodeInvalid, Message: p.Name + " has left the organisation",
			Fields: map[string]string{field: "has left the organisation"}}
	}
	return nil
}

// nextActionRef returns "ACT-nnn" after the highest such reference in use.
func nextActionRef(tx *store.Tx) (string, error) {
	high := 0
	err := tx.Each(isms.KindAction, func(rec isms.Record) error {
		ref := strings.ToUpper(strings.TrimSpace(rec.(*isms.Action).Ref))
		if n, err := strconv.Atoi(strings.TrimPrefix(ref, "ACT-")); err == nil && strings.HasPrefix(ref, "ACT-") && n > high {
			high = n
		}
		return nil
	})
	return fmt.Sprintf("ACT-%03d", high+1), err
}

// ActionService keeps the actions decided by management reviews (9.3.3) and the
// corrective actions of nonconformities (10.2).
type ActionService struct{ app *App }

func (s *ActionService) r() records[isms.Action, *isms.Action] {
	return kindOf[isms.Action](s.app, isms.KindAction)
}

// List returns every action.
func (s *ActionService) List() ([]isms.Action, error) { return s.r().list() }

// Get returns one action.
func (s *ActionService) Get(id string) (isms.Action, error) { return s.r().get(id) }

// Create adds an action; one with a nonconformity is added to its corrective actions in
// the same transaction. A blank reference gets the next free "ACT-nnn".
func (s *ActionService) Create(a isms.Action) (isms.Action, error) {
	if a.NonconformityID != "" {
		err := s.app.update(func(tx *store.Tx) error {
			n, err := store.GetAs[*isms.Nonconformity](tx, isms.KindNonconformity, a.NonconformityID)
			if err != nil {
				return err
			}
			if err := addCorrective(tx, n, &a, s.today()); err != nil {
				return err
			}
			return tx.Put(n, source)
		})
		return a, err
	}
	return s.r().create(a, func(tx *store.Tx, a *isms.Action) error {
		if a.Status == "" {
			a.Status = isms.ActionOpen
		}
		if err := isms.CheckActionChange(&isms.Action{}, a, s.today()); err != nil {
			return err
		}
		if strings.TrimSpace(a.Ref) == "" {
			ref, err := nextActionRef(tx)
			if err != nil {
				return err
			}
			a.Ref = ref
		}
		return nil
	})
}

// Update saves an edit of an action. The nonconformity it corrects stays; a corrective
// action of a nonconformity at its effectiveness review or closed stays done or cancelled.
func (s *ActionService) Update(a isms.Action) (isms.Action, error) {
	return s.r().update(a, func(tx *store.Tx, old, new *isms.Action) error {
		if err := isms.CheckActionChange(old, new, s.today()); err != nil {
			return err
		}
		return s.keepsGate(tx, new)
	})
}

// Delete removes an action that nothing else links to. A corrective action is taken off its
// nonconformity's list in the same transaction, until the effectiveness review (later,
// cancel it instead).
func (s *ActionService) Delete(id string, version int) error {
	return s.app.update(func(tx *store.Tx) error {
		a, err := store.GetAs[*isms.Action](tx, isms.KindAction, id)
		if err != nil {
			return err
		}
		if version != 0 && a.Version != version {
			return isms.Errorf(isms.CodeConflict, "this action was changed since it was read; reload it")
		}
		if a.NonconformityID != "" {
			n, err := store.GetAs[*isms.Nonconformity](tx, isms.KindNonconformity, a.NonconformityID)
			switch {
			case isms.ErrorCode(err) == isms.CodeNotFound:
			case err != nil:
				return err
			default:
				if err := n.UnlinkAction(id); err != nil {
					return err
				}
				if err := tx.Put(n, source); err != nil {
					return err
				}
			}
		}
		return deleteUnused(tx, isms.KindAction, id, version)
	})
}

// Complete marks an action done on a date (today when blank).
func (s *ActionService) Complete(id string, version int, on string) (isms.Action, error) {
	return s.r().change(id, version, func(_ *store.Tx, a *isms.Action) error {
		d := isms.Date(strings.TrimSpace(on))
		if d == "" {
			d = s.today()
		}
		return a.Complete(d)
	})
}

// keepsGate refuses to reopen a corrective action whose nonconformity is at its
// effectiveness review or closed.
func (s *ActionService) keepsGate(tx *store.Tx, a *isms.Action) error {
	if a.NonconformityID == "" || a.Finished() {
		return nil
	}
	n, err := store.GetAs[*isms.Nonconformity](tx, isms.KindNonconformity, a.NonconformityID)
	if isms.ErrorCode(err) == isms.CodeNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	actions, err := correctiveActions(tx, n)
	if err != nil {
		return err
	}
	for i, x := range actions {
		if x.ID == a.ID {
			actions[i] = a
		}
	}
	if err := n.CheckActions(actions); err != nil {
		return &isms.Error{Code: isms.CodeLocked, Message: n.Ref + " is at " + strings.ToLower(isms.NonconformityStatuses.Label(n.Status)) +
			": its corrective actions stay done or cancelled; step the nonconformity back to corrective action first",
			Fields: map[string]string{"status": "must stay done or cancelled"}}
	}
	return nil
}

func (s *ActionService) today() isms.Date { return isms.DateOf(s.app.clock()) }

// ImprovementService keeps the continual improvement initiatives (10.1).
type ImprovementService struct{ app *App }

func (s *ImprovementService) r() records[isms.Improvement, *isms.Improvement] {
	return kindOf[isms.Improvement](s.app, isms.KindImprovement)
}

// List returns every improvement initiative.
func (s *ImprovementService) List() ([]isms.Improvement, error) { return s.r().list() }

// Get returns one improvement initiative.
func (s *ImprovementService) Get(id string) (isms.Improvement, error) { return s.r().get(id) }

// Create adds an improvement initiative; it starts proposed unless said otherwise.
func (s *ImprovementService) Create(i isms.Improvement) (isms.Improvement, error) {
	return s.r().create(i, func(_ *store.Tx, i *isms.Improvement) error {
		return isms.CheckImprovementChange(&isms.Improvement{}, i, s.today())
	})
}

// Update saves an edit; marked done without a date it is done today.
func (s *ImprovementService) Update(i isms.Improvement) (isms.Improvement, error) {
	return s.r().update(i, func(_ *store.Tx, old, new *isms.Improvement) error {
		return isms.CheckImprovementChange(old, new, s.today())
	})
}

// Delete removes an improvement initiative that nothing links to.
func (s *ImprovementService) Delete(id string, version int) error { return s.r().remove(id, version) }

func (s *ImprovementService) today() isms.Date { return isms.DateOf(s.app.clock()) }
