package overview

import (
	"sort"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// KindCount is the number of records of one kind.
type KindCount struct {
	Kind   isms.Kind `json:"kind"`
	Plural string    `json:"plural"`
	Label  string    `json:"label"`
	Count  int       `json:"count"`
}

// Bucket is a count of records that share a status.
type Bucket struct {
	Status string `json:"status"`
	Count  int    `json:"count"`
}

// Dashboard is the home screen: real counts from the database.
type Dashboard struct {
	Counts              []KindCount `json:"counts"`
	RequirementStatuses []Bucket    `json:"requirementStatuses"`
	ControlStatuses     []Bucket    `json:"controlStatuses"`
	NonconformityStatus []Bucket    `json:"nonconformityStatuses"`
	Overdue             []Row       `json:"overdue"`
	Upcoming            []Row       `json:"upcoming"`
}

// closed statuses do not count as overdue or upcoming work.
var closed = map[string]bool{
	"done": true, "closed": true, "completed": true, "cancelled": true, "retired": true,
	"implemented": true, "compliant": true, "not_applicable": true, "rejected": true, "accepted": true,
}

// Summary counts every kind and lists overdue and upcoming work (the next 30 days) as of now.
func Summary(tx *store.Tx, now time.Time) (Dashboard, error) {
	d := Dashboard{Counts: []KindCount{}, Overdue: []Row{}, Upcoming: []Row{}}
	for _, k := range isms.Kinds() {
		n, err := tx.Count(k)
		if err != nil {
			return Dashboard{}, err
		}
		d.Counts = append(d.Counts, KindCount{Kind: k, Plural: k.Plural(), Label: k.Label(), Count: n})
	}
	names, err := loadPeople(tx)
	if err != nil {
		return Dashboard{}, err
	}
	buckets := func(kind isms.Kind) ([]Bucket, error) {
		counts := map[string]int{}
		err := tx.Each(kind, func(r isms.Record) error {
			counts[r.Terms().Status]++
			return nil
		})
		out := []Bucket{}
		for s, n := range counts {
			out = append(out, Bucket{Status: s, Count: n})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Status < out[j].Status })
		return out, err
	}
	if d.RequirementStatuses, err = buckets(isms.KindRequirement); err != nil {
		return Dashboard{}, err
	}
	if d.ControlStatuses, err = buckets(isms.KindControl); err != nil {
		return Dashboard{}, err
	}
	if d.NonconformityStatus, err = buckets(isms.KindNonconformity); err != nil {
		return Dashboard{}, err
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	horizon := today.AddDate(0, 0, 30)
	for _, k := range isms.Kinds() {
		ids, err := tx.DueBefore(k, horizon)
		if err != nil {
			return Dashboard{}, err
		}
		for _, id := range ids {
			r, err := tx.Get(k, id)
			if err != nil {
				return Dashboard{}, err
			}
			open, overdue := dueState(r, isms.DateOf(today))
			if !open {
				continue
			}
			row := rowOf(tx, r, names)
			if overdue {
				d.Overdue = append(d.Overdue, row)
			} else {
				d.Upcoming = append(d.Upcoming, row)
			}
		}
	}
	byDue := func(rows []Row) {
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].Due < rows[j].Due })
	}
	byDue(d.Overdue)
	byDue(d.Upcoming)
	return d, nil
}

// dueState reports whether a record with a due date is still open work and whether it is
// overdue on today. The kinds that have a rule for it in package isms follow the rule: a
// milestone is overdue until it is done, a policy's review until it is retired (whatever
// became of its latest draft), evidence once it has expired, an action until it is done or
// cancelled. Other kinds are open unless their status is a closed one and overdue once
// their due date has passed.
func dueState(r isms.Record, today isms.Date) (open, overdue bool) {
	switch x := r.(type) {
	case *isms.Milestone:
		return x.Status != isms.MilestoneDone, x.Overdue(today)
	case *isms.Policy:
		return x.Status != isms.PolicyRetired, x.ReviewOverdue(today)
	case *isms.Evidence:
		return true, x.Expired(today)
	case *isms.Action:
		return !x.Finished(), x.Overdue(today)
	}
	t := r.Terms()
	return !closed[t.Status], t.Due.Before(today.Time())
}
