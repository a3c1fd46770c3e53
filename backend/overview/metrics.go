package overview

import (
	"fmt"
	"math"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Reading is the value of an automated KPI's metric (isms.Metrics) worked out from the
// records as of a date, with how it was counted.
type Reading struct {
	Value float64 `json:"value"` // in the metric's unit: a percentage or a count
	Note  string  `json:"note"`  // how it was computed: "12 of 15 active people"
	Empty bool    `json:"empty"` // a share of nothing (no active people, no policies...): no value to record
}

// Measure works out the metric of an automated KPI source as of today. A source that is
// not an automated metric is refused.
func Measure(tx *store.Tx, source string, today isms.Date) (Reading, error) {
	switch source {
	case isms.SourceTrainingCurrent:
		return trainingCurrent(tx, today)
	case isms.SourcePoliciesReviewed:
		return policiesReviewed(tx, today)
	case isms.SourceControlsImplemented:
		return controlsImplemented(tx)
	case isms.SourceNCsClosedOnTime:
		return ncsClosedOnTime(tx, today)
	case isms.SourceOverdueActions:
		return overdueActions(tx, today)
	case isms.SourceRisksAboveThreshold:
		return risksAboveThreshold(tx)
	}
	return Reading{}, &isms.Error{Code: isms.CodeInvalid, Message: fmt.Sprintf("%q is not a measure the ISMS works out from its records", source),
		Fields: map[string]string{"source": "is not an automated measure"}}
}

// share is n of total as a percentage rounded to one decimal, with its note; an empty
// reading when total is 0 (of says what there was none of).
func share(n, total int, of, counted string) Reading {
	if total == 0 {
		return Reading{Empty: true, Note: "nothing to count yet: there are no " + of}
	}
	v := math.Round(float64(n)*1000/float64(total)) / 10
	return Reading{Value: v, Note: fmt.Sprintf("%d of %d %s %s", n, total, of, counted)}
}

// count is a number of things with its note.
func count(n int, one, many string) Reading {
	return Reading{Value: float64(n), Note: plural(n, one, many)}
}

// trainingCurrent: active people whose required trainings are all current on today
// (RequiredTrainings, the competence rule: attended, and not past its renewal period). A
// person whose roles require no training has nothing missing.
func trainingCurrent(tx *store.Tx, today isms.Date) (Reading, error) {
	needs, err := RequiredTrainings(tx, today)
	if err != nil {
		return Reading{}, err
	}
	lacking := 0
	for _, pn := range needs {
		if !pn.Current() {
			lacking++
		}
	}
	active := 0
	err = tx.Each(isms.KindPerson, func(r isms.Record) error {
		if r.(*isms.Person).Active {
			active++
		}
		return nil
	})
	return share(active-lacking, active, "active people", "have all their required trainings"), err
}

// policiesReviewed: policies other than retired ones that are not overdue for review
// (isms.Policy.ReviewOverdue).
func policiesReviewed(tx *store.Tx, today isms.Date) (Reading, error) {
	onTime, total := 0, 0
	err := tx.Each(isms.KindPolicy, func(r isms.Record) error {
		p := r.(*isms.Policy)
		if p.Status == isms.PolicyRetired {
			return nil
		}
		total++
		if !p.ReviewOverdue(today) {
			onTime++
		}
		return nil
	})
	return share(onTime, total, "policies", "are not overdue for review"), err
}

// controlsImplemented: controls marked applicable that are implemented.
func controlsImplemented(tx *store.Tx) (Reading, error) {
	done, applicable := 0, 0
	err := tx.Each(isms.KindControl, func(r isms.Record) error {
		c := r.(*isms.Control)
		if c.Applicability != isms.ApplicabilityApplicable {
			return nil
		}
		applicable++
		if c.Status == isms.ImplImplemented {
			done++
		}
		return nil
	})
	return share(done, applicable, "applicable controls", "are implemented"), err
}

// ncsClosedOnTime: among the nonconformities with a due date that are closed or past it
// (due before today), those closed on or before it.
func ncsClosedOnTime(tx *store.Tx, today isms.Date) (Reading, error) {
	onTime, counted := 0, 0
	err := tx.Each(isms.KindNonconformity, func(r isms.Record) error {
		n := r.(*isms.Nonconformity)
		if n.DueDate == "" || !n.DueDate.Valid() {
			return nil
		}
		switch {
		case n.Status == isms.NCClosed:
			counted++
			if n.ClosedOn != "" && !n.DueDate.Before(n.ClosedOn) {
				onTime++
			}
		case n.DueDate.Before(today):
			counted++ // open and late
		}
		return nil
	})
	return share(onTime, counted, "nonconformities closed or past their due date", "were closed on time"), err
}

// overdueActions: actions overdue today (isms.Action.Overdue).
func overdueActions(tx *store.Tx, today isms.Date) (Reading, error) {
	n := 0
	err := tx.Each(isms.KindAction, func(r isms.Record) error {
		if r.(*isms.Action).Overdue(today) {
			n++
		}
		return nil
	})
	return count(n, "overdue action", "overdue actions"), err
}

// risksAboveThreshold: risks not closed whose residual score, or inherent score while no
// residual is assessed, is above the risk method's acceptance threshold.
func risksAboveThreshold(tx *store.Tx) (Reading, error) {
	org, err := tx.Organisation()
	if err != nil {
		return Reading{}, err
	}
	limit := org.RiskMethod.Threshold
	n := 0
	err = tx.Each(isms.KindRisk, func(r isms.Record) error {
		k := r.(*isms.Risk)
		if k.Status == isms.RiskClosed {
			return nil
		}
		score := k.ResidualScore()
		if score == 0 {
			score = k.Score()
		}
		if score > limit {
			n++
		}
		return nil
	})
	r := count(n, "risk", "risks")
	r.Note += fmt.Sprintf(" above the acceptance threshold of %d", limit)
	return r, err
}
