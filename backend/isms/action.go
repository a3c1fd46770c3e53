package isms

// Action statuses.
const (
	ActionOpen       = "open"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionCancelled  = "cancelled"
)

// ActionStatuses lists an action's statuses.
var ActionStatuses = Enum{
	{ActionOpen, "Open"},
	{ActionInProgress, "In progress"},
	{ActionDone, "Done"},
	{ActionCancelled, "Cancelled"},
}

// Action is a management review action (9.3.3), a corrective action (10.2) or a generic
// action of a treatment plan. It comes from at most one review or nonconformity.
type Action struct {
	Meta
	Ref             string `json:"ref"`             // e.g. "ACT-012"
	Title           string `json:"title"`           // what is to be done
	Description     string `json:"description"`     // details
	OwnerID         string `json:"ownerId"`         // who does it
	DueDate         Date   `json:"dueDate"`         // by when
	Status          string `json:"status"`          // one of ActionStatuses
	ReviewID        string `json:"reviewId"`        // the management review that decided it, optional
	NonconformityID string `json:"nonconformityId"` // the nonconformity it corrects, optional
	CompletedOn     Date   `json:"completedOn"`     // when it was done
	Notes           string `json:"notes"`           // progress notes
}

// Kind implements Record.
func (*Action) Kind() Kind { return KindAction }

// Validate implements Record.
func (a *Action) Validate() error {
	p := NewProblems("action")
	p.Require("ref", a.Ref)
	p.MaxLen("ref", a.Ref, 64)
	p.Require("title", a.Title)
	p.MaxLen("title", a.Title, 300)
	p.Enum("status", a.Status, ActionStatuses, false)
	p.Date("dueDate", a.DueDate)
	p.Date("completedOn", a.CompletedOn)
	if a.ReviewID != "" && a.NonconformityID != "" {
		p.Add("nonconformityId", "an action comes from a review or a nonconformity, not both")
	}
	if a.Status == ActionDone {
		p.RequireDate("completedOn", a.CompletedOn)
	} else if a.CompletedOn != "" {
		p.Add("completedOn", "is only set when the action is done")
	}
	return p.Err()
}

// Terms implements Record.
func (a *Action) Terms() Terms {
	return Terms{
		Ref: a.Ref, Title: a.Title, Status: a.Status, Owner: a.OwnerID, Due: a.DueDate.Time(),
		Links: concatLinks(
			linkTo("reviewId", KindReview, a.ReviewID),
			linkTo("nonconformityId", KindNonconformity, a.NonconformityID),
		),
	}
}

// Finished reports whether the action is done or cancelled.
func (a *Action) Finished() bool { return a.Status == ActionDone || a.Status == ActionCancelled }

// Overdue reports whether the action is unfinished and its due date is before today.
func (a *Action) Overdue(today Date) bool {
	return !a.Finished() && a.DueDate.Before(today)
}

// Complete marks the action done on the given date.
func (a *Action) Complete(on Date) error {
	if a.Status == ActionCancelled {
		return &Error{Code: CodeInvalid, Message: "the action " + a.Ref + " was cancelled; reopen it before marking it done",
			Fields: map[string]string{"status": "is cancelled"}}
	}
	if on == "" || !on.Valid() {
		return &Error{Code: CodeInvalid, Message: "say when the action was done", Fields: map[string]string{"completedOn": "is required"}}
	}
	next := *a
	next.Status, next.CompletedOn = ActionDone, on
	if err := next.Validate(); err != nil {
		return err
	}
	*a = next
	return nil
}

// CheckActionChange checks an edit of an action against the stored one. The
// nonconformity an action corrects does not change with an edit (it is linked when the
// corrective action is added), and a corrective action comes from no review. The
// completion date belongs to the status done: an action marked done in the form without a
// date is done today, and one taken out of done loses its date.
func CheckActionChange(old, new *Action, today Date) error {
	new.NonconformityID = old.NonconformityID
	if new.NonconformityID != "" && new.ReviewID != "" {
		return &Error{Code: CodeInvalid, Message: "a corrective action comes from its nonconformity, not from a review",
			Fields: map[string]string{"reviewId": "must be empty for a corrective action"}}
	}
	switch {
	case new.Status != ActionDone:
		new.CompletedOn = ""
	case new.CompletedOn == "":
		new.CompletedOn = old.CompletedOn
		if new.CompletedOn == "" {
			new.CompletedOn = today
		}
	}
	return nil
}
