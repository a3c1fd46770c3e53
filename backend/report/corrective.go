package report

import (
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// stepLabels names the clause 10.2 steps that MissingSteps reports.
var stepLabels = map[string]string{
	"correction":               "correction (10.2 a)",
	"correctionOn":             "date of correction",
	"rootCause":                "root cause (10.2 b)",
	"similarCheck":             "check for similar cases (10.2 b)",
	"correctiveActionIds":      "corrective actions (10.2 c)",
	"effectiveness.reviewedOn": "effectiveness review date (10.2 d)",
	"effectiveness.reviewerId": "effectiveness reviewer",
	"effectiveness.verdict":    "effective verdict (10.2 d)",
	"closedOn":                 "closing date",
}

// stepsToClose lists, for people, the steps a nonconformity still needs before it can close.
func stepsToClose(n *isms.Nonconformity) string {
	if n.Status == isms.NCClosed {
		return ""
	}
	var out []string
	for _, f := range n.MissingSteps(isms.NCClosed) {
		if l, ok := stepLabels[f]; ok {
			out = append(out, l)
		} else {
			out = append(out, f)
		}
	}
	return strings.Join(out, "; ")
}

// ncOrigin returns what a nonconformity came from: a finding, a review or feedback.
func ncOrigin(s *snap, n *isms.Nonconformity) string {
	switch {
	case n.FindingID != "":
		return "Finding " + s.ref(isms.KindFinding, n.FindingID)
	case n.ReviewID != "":
		return "Review " + s.ref(isms.KindReview, n.ReviewID)
	case n.FeedbackID != "":
		if f, ok := get[*isms.Feedback](s, isms.KindFeedback, n.FeedbackID); ok {
			return "Feedback from " + f.From + " (" + string(f.Date) + ")"
		}
		return "Feedback"
	}
	return ""
}

// ncAge is the nonconformity's age in days: to its closing date, else to today.
func ncAge(n *isms.Nonconformity, today isms.Date) any {
	end := today
	if n.Status == isms.NCClosed && n.ClosedOn != "" {
		end = n.ClosedOn
	}
	return days(n.DetectedOn, end)
}

func buildCorrective(s *snap) (string, string, []sheet, error) {
	ncs := all[*isms.Nonconformity](s, isms.KindNonconformity)
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 30}, {Name: "Source", Width: 14},
		{Name: "Origin", Width: 22}, {Name: "Detected on", Width: 12}, {Name: "Owner", Width: 18},
		{Name: "Status", Width: 18, RAG: ncRAG}, {Name: "Due date", Width: 12}, {Name: "Age (days)", Width: 9},
		{Name: "Overdue", Width: 10, RAG: overdueRAG}, {Name: "Description", Width: 40},
		{Name: "Correction (10.2 a)", Width: 36}, {Name: "Corrected on", Width: 12}, {Name: "Root cause (10.2 b)", Width: 36},
		{Name: "Similar cases checked (10.2 b)", Width: 36}, {Name: "Corrective actions (10.2 c)", Width: 20},
		{Name: "Actions finished", Width: 10}, {Name: "Effectiveness reviewed on (10.2 d)", Width: 13},
		{Name: "Verdict", Width: 13, RAG: map[string]string{"Effective": ragGreen, "Not effective": ragRed}},
		{Name: "Reviewer", Width: 18}, {Name: "Effectiveness comment", Width: 34}, {Name: "Closed on", Width: 12},
		{Name: "Still needed to close", Width: 40}}
	var dates []isms.Date
	for _, n := range ncs {
		dates = append(dates, n.DetectedOn)
	}
	dates = append(dates, s.today)
	main := &table{Cols: cols, N: len(ncs), Rows: func(emit func(...any) error) error {
		for _, n := range ncs {
			acts, fin := actionsOf(s, n)
			done := any(nil)
			if len(acts) > 0 {
				done = fmt.Sprintf("%d of %d", fin, len(acts))
			}
			e := n.Effectiveness
			if err := emit(n.Ref, n.Title, isms.NonconformitySources.Label(n.Source), ncOrigin(s, n), n.DetectedOn,
				s.name(n.OwnerID), isms.NonconformityStatuses.Label(n.Status), n.DueDate, ncAge(n, s.today),
				overdue(ncOverdue(n, s.today)), n.Description, n.Correction, n.CorrectionOn, n.RootCause, n.SimilarCheck,
				s.refs(isms.KindAction, n.CorrectiveActionIDs), done, e.ReviewedOn, isms.Verdicts.Label(e.Verdict),
				s.name(e.ReviewerID), e.Comment, n.ClosedOn, stepsToClose(n)); err != nil {
				return err
			}
		}
		return nil
	}}
	// summary by stage: nonconformities past their own due date, and corrective actions
	// overdue (isms.Action.Overdue) counted under the stage of their nonconformity
	type cnt struct{ n, late, acts, actsLate int }
	by := map[string]*cnt{}
	for _, n := range ncs {
		c := by[n.Status]
		if c == nil {
			c = &cnt{}
			by[n.Status] = c
		}
		c.n++
		if ncOverdue(n, s.today) {
			c.late++
		}
		acts, _ := actionsOf(s, n)
		c.acts += len(acts)
		for _, a := range acts {
			if a.Overdue(s.today) {
				c.actsLate++
			}
		}
	}
	summary := &table{Cols: []column{{Name: "Stage", Width: 22, RAG: ncRAG}, {Name: "Nonconformities", Width: 16},
		{Name: "Past their due date", Width: 12}, {Name: "Corrective actions", Width: 12}, {Name: "Corrective actions overdue", Width: 12}},
		N: len(isms.NonconformityStatuses) + 1, Rows: func(emit func(...any) error) error {
			total := cnt{}
			for _, o := range isms.NonconformityStatuses {
				c := by[o.Value]
				if c == nil {
					c = &cnt{}
				}
				total.n += c.n
				total.late += c.late
				total.acts += c.acts
				total.actsLate += c.actsLate
				if err := emit(o.Label, c.n, c.late, c.acts, c.actsLate); err != nil {
					return err
				}
			}
			return emit("All", total.n, total.late, total.acts, total.actsLate)
		}}
	return "Corrective action tracker", span(dates...), []sheet{boardCorrective(s),
		{Name: "Nonconformities", About: fmt.Sprintf("The %d nonconformities with every clause 10.2 step, age in days, overdue flag and what is still needed to close.", len(ncs)), Table: main},
		{Name: "Corrective actions", About: "Every corrective action with its nonconformity, owner, due date, status and overdue flag.", Table: correctiveTable(s, ncs)},
		{Name: "Summary", About: "Nonconformities by stage: how many are past their due date, their corrective actions and how many of those are overdue.", Table: summary},
	}, nil
}
