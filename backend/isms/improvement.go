package isms

// Improvement statuses (clause 10.1).
const (
	ImprovementProposed   = "proposed"
	ImprovementApproved   = "approved"
	ImprovementInProgress = "in_progress"
	ImprovementDone       = "done"
	ImprovementRejected   = "rejected"
)

// ImprovementStatuses lists an improvement initiative's statuses.
var ImprovementStatuses = Enum{
	{ImprovementProposed, "Proposed"},
	{ImprovementApproved, "Approved"},
	{ImprovementInProgress, "In progress"},
	{ImprovementDone, "Done"},
	{ImprovementRejected, "Rejected"},
}

// Improvement is a continual improvement initiative (clause 10.1).
type Improvement struct {
	Meta
	Ref              string   `json:"ref"`              // e.g. "IMP-03"
	Title            string   `json:"title"`            // a short name
	Goal             string   `json:"goal"`             // what it should achieve
	Description      string   `json:"description"`      // how
	OwnerID          string   `json:"ownerId"`          // who leads it
	Status           string   `json:"status"`           // one of ImprovementStatuses
	StartDate        Date     `json:"startDate"`        // when it starts
	DueDate          Date     `json:"dueDate"`          // when it should be done
	CompletedOn      Date     `json:"completedOn"`      // when it was done
	Outcome          string   `json:"outcome"`          // the result
	ReviewID         string   `json:"reviewId"`         // the management review that decided it, optional
	FeedbackIDs      []string `json:"feedbackIds"`      // feedback it answers
	NonconformityIDs []string `json:"nonconformityIds"` // nonconformities it follows up
	RiskIDs          []string `json:"riskIds"`          // risks it reduces
}

// Kind implements Record.
func (*Improvement) Kind() Kind { return KindImprovement }

// Validate implements Record.
func (i *Improvement) Validate() error {
	p := NewProblems("improvement")
	p.Require("ref", i.Ref)
	p.MaxLen("ref", i.Ref, 64)
	p.Require("title", i.Title)
	p.MaxLen("title", i.Title, 300)
	p.Enum("status", i.Status, ImprovementStatuses, false)
	p.Date("startDate", i.StartDate)
	p.Date("dueDate", i.DueDate)
	p.Date("completedOn", i.CompletedOn)
	p.DateOrder("startDate", i.StartDate, "dueDate", i.DueDate)
	p.IDs("feedbackIds", i.FeedbackIDs)
	p.IDs("nonconformityIds", i.NonconformityIDs)
	p.IDs("riskIds", i.RiskIDs)
	if i.Status == ImprovementDone {
		p.RequireDate("completedOn", i.CompletedOn)
	}
	return p.Err()
}

// Terms implements Record.
func (i *Improvement) Terms() Terms {
	return Terms{
		Ref: i.Ref, Title: i.Title, Status: i.Status, Owner: i.OwnerID, Due: i.DueDate.Time(),
		Links: concatLinks(
			linkTo("reviewId", KindReview, i.ReviewID),
			linksTo("feedbackIds", KindFeedback, i.FeedbackIDs),
			linksTo("nonconformityIds", KindNonconformity, i.NonconformityIDs),
			linksTo("riskIds", KindRisk, i.RiskIDs),
		),
	}
}

// CheckImprovementChange checks an edit (or, with an empty old, the creation) of an
// improvement initiative. A new initiative is proposed unless said otherwise. The
// completion date belongs to the status done: an initiative marked done without a date is
// done today, and one taken out of done loses its date. An initiative cannot be done
// before it started.
func CheckImprovementChange(old, new *Improvement, today Date) error {
	if new.Status == "" {
		new.Status = old.Status
		if new.Status == "" {
			new.Status = ImprovementProposed
		}
	}
	switch {
	case new.Status != ImprovementDone:
		new.CompletedOn = ""
	case new.CompletedOn == "":
		new.CompletedOn = old.CompletedOn
		if new.CompletedOn == "" {
			new.CompletedOn = today
		}
	}
	if new.StartDate != "" && new.CompletedOn != "" && new.CompletedOn.Valid() && new.CompletedOn < new.StartDate {
		return &Error{Code: CodeInvalid, Message: "the improvement is not valid",
			Fields: map[string]string{"completedOn": "must not be before the start date"}}
	}
	return nil
}
