package importer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// An acknowledgements import records, per row, that a person acknowledged the published
// version of a policy (7.3). The rows of one policy become one update of that policy,
// made with isms.(*Policy).Acknowledge so that the domain's rule applies: only a
// published version is acknowledged, and people who already acknowledged it are left as
// they were (their rows are unchanged, so importing the same list again changes nothing).

// ackUpdate is the planned update of one policy: the acknowledgements of its rows, in
// row order, made on a copy of the stored policy. A row without a date is acknowledged on
// the day of the import, so the copy is made again when the import is committed.
type ackUpdate struct {
	stored *isms.Policy
	policy *isms.Policy           // the record written: the stored policy with the rows' acknowledgements
	acks   []isms.Acknowledgement // On is "" for the import day
	done   map[string]bool        // person IDs that acknowledged the published version, stored or planned
	hasRow bool                   // a planned row carries the policy as its record
}

// clonePolicy copies a policy deeply enough for Acknowledge to change the copy only.
func clonePolicy(p *isms.Policy) *isms.Policy {
	c := *p
	c.Versions = slices.Clone(p.Versions)
	for i := range c.Versions {
		c.Versions[i].Acknowledgements = slices.Clone(c.Versions[i].Acknowledgements)
	}
	return &c
}

// policyIndex finds policies by reference, or by exact title.
type policyIndex struct {
	byRef   map[string]*isms.Policy
	byTitle map[string][]*isms.Policy
	updates map[string]*ackUpdate // by policy ID
}

func (r *resolver) loadPolicies() error {
	r.pol = &policyIndex{byRef: map[string]*isms.Policy{}, byTitle: map[string][]*isms.Policy{}, updates: map[string]*ackUpdate{}}
	return r.tx.Each(isms.KindPolicy, func(rec isms.Record) error {
		p := rec.(*isms.Policy)
		if k := fold(p.Ref); k != "" {
			r.pol.byRef[k] = p
		}
		if k := fold(p.Title); k != "" {
			r.pol.byTitle[k] = append(r.pol.byTitle[k], p)
		}
		return nil
	})
}

// find returns the policy a cell names, or a problem saying why there is none.
func (ix *policyIndex) find(name string) (*isms.Policy, string) {
	k := fold(name)
	if p, ok := ix.byRef[k]; ok {
		return p, ""
	}
	switch ps := ix.byTitle[k]; len(ps) {
	case 0:
		return nil, fmt.Sprintf("there is no policy with the reference or title %q; use a policy's reference, such as POL-01, or its exact title", name)
	case 1:
		return ps[0], ""
	default:
		refs := make([]string, len(ps))
		for i, p := range ps {
			refs[i] = p.Ref
		}
		return nil, fmt.Sprintf("%q is the title of more than one policy (%s): use the policy's reference", name, strings.Join(refs, ", "))
	}
}

// update returns the planned update of a policy, starting it from a copy of the stored one.
func (ix *policyIndex) update(p *isms.Policy) *ackUpdate {
	if u, ok := ix.updates[p.ID]; ok {
		return u
	}
	u := &ackUpdate{stored: p, policy: clonePolicy(p), done: map[string]bool{}}
	if v := p.Effective(); v != nil {
		for _, a := range v.Acknowledgements {
			u.done[a.PersonID] = true
		}
	}
	ix.updates[p.ID] = u
	return u
}

// acknowledgement plans one acknowledgement row.
func (r *resolver) acknowledgement(row *PlannedRow, x *xlsx.AcknowledgementRow, problem func(field, msg string)) error {
	stored, msg := r.pol.find(x.Policy)
	if stored == nil {
		problem("policy", msg)
		return nil
	}
	row.Ref, row.Title = stored.Ref, x.PersonName
	if row.Title == "" {
		row.Title = x.PersonEmail
	}
	if stored.Effective() == nil {
		problem("policy", fmt.Sprintf("%s has no published version, and only a published version can be acknowledged: publish it first", stored.Ref))
		return nil
	}
	personID := r.dir.person(x.PersonName, x.PersonEmail)
	if personID == "" {
		problem(personField(r.p.Mapping), "names no one: give the person's name or e-mail")
		return nil
	}
	u := r.pol.update(stored)
	if u.done[personID] {
		// acknowledged already (stored, or on an earlier row): left as it was
		row.Action = ActionUnchanged
		return nil
	}
	// the domain rule decides; a row without a date is tried with the version's
	// publication date (its acknowledgement is made on the day of the import when committed)
	on := x.Date
	if on == "" {
		on = u.policy.Effective().PublishedOn
	}
	v := u.policy.Effective()
	n := len(v.Acknowledgements)
	if err := u.policy.Acknowledge([]string{personID}, on, ""); err != nil {
		v.Acknowledgements = v.Acknowledgements[:n]
		r.ackProblems(problem, u.policy, err)
		return nil
	}
	u.acks = append(u.acks, isms.Acknowledgement{PersonID: personID, On: x.Date})
	u.done[personID] = true
	row.Action = ActionCreate
	if !u.hasRow {
		u.hasRow, row.rec = true, u.policy
		r.p.acks = append(r.p.acks, u)
	}
	return nil
}

// personField is the column a row's person problem is reported on.
func personField(m xlsx.Mapping) string {
	if _, ok := m.Columns["person"]; ok {
		return "person"
	}
	return "email"
}

// ackProblems turns a refused acknowledgement into problems: a date problem on the date
// column, anything else about the policy on the policy column.
func (r *resolver) ackProblems(problem func(field, msg string), p *isms.Policy, err error) {
	var e *isms.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		problem("policy", fmt.Sprintf("%s cannot be acknowledged: %v", p.Ref, err))
		return
	}
	for f, msg := range e.Fields {
		if f == "on" {
			problem("date", msg)
			continue
		}
		problem("policy", fmt.Sprintf("%s cannot be acknowledged: %s: %s", p.Ref, f, msg))
	}
}

// acknowledge makes the planned policy updates again with the day of the import for the
// rows without a date: each row's acknowledgement, in row order, through the domain rule.
func (p *Plan) acknowledge(today isms.Date) error {
	for _, u := range p.acks {
		c := clonePolicy(u.stored)
		for _, a := range u.acks {
			on := a.On
			if on == "" {
				on = today
			}
			if err := c.Acknowledge([]string{a.PersonID}, on, ""); err != nil {
				return fmt.Errorf("%s: %w; nothing was imported", u.stored.Ref, err)
			}
		}
		*u.policy = *c // the planned row's record
	}
	return nil
}
