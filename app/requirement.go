package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// source is the history source of changes made in the window.
const source = "window"

// RequirementService is the requirements register (clauses 4.1, 4.2).
type RequirementService struct{ app *App }

// RequirementDetail is a requirement with its history and links.
type RequirementDetail struct {
	Requirement isms.Requirement    `json:"requirement"`
	History     []overview.Change   `json:"history"`
	Links       []overview.LinkView `json:"links"`
	Backlinks   []overview.LinkView `json:"backlinks"`
}

// RequirementOptions are the choices the requirement form offers.
type RequirementOptions struct {
	Sources  []isms.Option `json:"sources"`
	Statuses []isms.Option `json:"statuses"`
	People   []isms.Option `json:"people"`
	Controls []isms.Option `json:"controls"`
	Policies []isms.Option `json:"policies"`
}

// List returns every requirement in creation order.
func (s *RequirementService) List() ([]isms.Requirement, error) {
	out := []isms.Requirement{}
	err := s.app.view(func(tx *store.Tx) error {
		return tx.Each(isms.KindRequirement, func(r isms.Record) error {
			out = append(out, *r.(*isms.Requirement))
			return nil
		})
	})
	return out, err
}

// Get returns one requirement with its history and links.
func (s *RequirementService) Get(id string) (RequirementDetail, error) {
	var out RequirementDetail
	err := s.app.view(func(tx *store.Tx) error {
		r, err := store.GetAs[*isms.Requirement](tx, isms.KindRequirement, id)
		if err != nil {
			return err
		}
		d, err := overview.RecordDetail(tx, isms.KindRequirement, id)
		if err != nil {
			return err
		}
		out = RequirementDetail{Requirement: *r, History: d.History, Links: d.Links, Backlinks: d.Backlinks}
		return nil
	})
	return out, err
}

// Create adds a requirement and returns it as stored.
func (s *RequirementService) Create(r isms.Requirement) (isms.Requirement, error) {
	r.Meta = isms.Meta{}
	err := s.app.update(func(tx *store.Tx) error {
		rec := r
		if err := tx.Create(&rec, source); err != nil {
			return err
		}
		r = rec
		return nil
	})
	return r, err
}

// Update saves a requirement; its version must be the one that was read.
func (s *RequirementService) Update(r isms.Requirement) (isms.Requirement, error) {
	err := s.app.update(func(tx *store.Tx) error {
		rec := r
		if err := tx.Put(&rec, source); err != nil {
			return err
		}
		r = rec
		return nil
	})
	return r, err
}

// Delete removes a requirement; its version must be the one that was read.
func (s *RequirementService) Delete(id string, version int) error {
	return s.app.update(func(tx *store.Tx) error {
		return deleteUnused(tx, isms.KindRequirement, id, version)
	})
}

// Options returns the enums and pickers of the requirement form.
func (s *RequirementService) Options() (RequirementOptions, error) {
	out := RequirementOptions{Sources: isms.RequirementSources, Statuses: isms.ComplianceStatuses}
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		if out.People, err = overview.Choices(tx, isms.KindPerson); err != nil {
			return err
		}
		if out.Controls, err = overview.Choices(tx, isms.KindControl); err != nil {
			return err
		}
		out.Policies, err = overview.Choices(tx, isms.KindPolicy)
		return err
	})
	return out, err
}

// GapAnalysis returns the coverage of every requirement by controls, policies and
// evidence, counted per source type, with the compliant assessments it contradicts.
func (s *RequirementService) GapAnalysis() (overview.Gap, error) {
	var out overview.Gap
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		out, err = overview.GapAnalysis(tx)
		return err
	})
	return out, err
}

// RequirementChange is one edit applied to many requirements at once. A field is changed
// only when its Set flag is true; an empty OwnerID with SetOwner clears the owner.
type RequirementChange struct {
	SetStatus     bool   `json:"setStatus"`
	Status        string `json:"status"` // one of isms.ComplianceStatuses
	SetOwner      bool   `json:"setOwner"`
	OwnerID       string `json:"ownerId"` // a person, or "" for no owner
	SetSourceType bool   `json:"setSourceType"`
	SourceType    string `json:"sourceType"` // one of isms.RequirementSources
	SetSource     bool   `json:"setSource"`
	Source        string `json:"source"` // the law, contract or party
}

// apply returns r with the change made.
func (c RequirementChange) apply(r isms.Requirement) isms.Requirement {
	if c.SetStatus {
		r.Status = c.Status
	}
	if c.SetOwner {
		r.OwnerID = c.OwnerID
	}
	if c.SetSourceType {
		r.SourceType = c.SourceType
	}
	if c.SetSource {
		r.Source = c.Source
	}
	return r
}

// check validates the change on its own: something to change, known enum values and an
// owner who exists and has not left.
func (c RequirementChange) check(tx *store.Tx) error {
	if !c.SetStatus && !c.SetOwner && !c.SetSourceType && !c.SetSource {
		return isms.Errorf(isms.CodeInvalid, "choose what to change")
	}
	p := isms.NewProblems("change")
	if c.SetStatus {
		p.Enum("status", c.Status, isms.ComplianceStatuses, false)
	}
	if c.SetSourceType {
		p.Enum("sourceType", c.SourceType, isms.RequirementSources, false)
	}
	if c.SetOwner && c.OwnerID != "" {
		person, err := store.GetAs[*isms.Person](tx, isms.KindPerson, c.OwnerID)
		switch {
		case isms.ErrorCode(err) == isms.CodeNotFound:
			p.Add("ownerId", "refers to a person who does not exist")
		case err != nil:
			return err
		case !person.Active:
			p.Add("ownerId", "%s has left the organisation; choose someone else", person.Name)
		}
	}
	return p.Err()
}

// bulkInOneTransaction is the largest selection BulkUpdate tries to change in one Badger
// transaction; a larger one (a whole register of thousands) goes through a store batch,
// which is all or nothing too but is not limited by a transaction's size (nor is a
// smaller one whose records do not fit, see App.update).
var bulkInOneTransaction = 250

// BulkUpdate applies one change to every listed requirement, all or none, and returns how
// many requirements it changed (those that already had the values are left as they are).
// A requirement the change would make invalid is named by its reference in the error.
func (s *RequirementService) BulkUpdate(ids []string, change RequirementChange) (int, error) {
	ids = uniqueIDs(ids)
	change.Source = strings.TrimSpace(change.Source)
	if len(ids) == 0 {
		return 0, isms.Errorf(isms.CodeInvalid, "choose at least one requirement")
	}
	// plan reads the selection and returns the requirements that change, validated.
	plan := func(tx *store.Tx) ([]*isms.Requirement, error) {
		if err := change.check(tx); err != nil {
			return nil, err
		}
		var out []*isms.Requirement
		bad := &bulkProblems{}
		for _, id := range ids {
			r, err := store.GetAs[*isms.Requirement](tx, isms.KindRequirement, id)
			if isms.ErrorCode(err) == isms.CodeNotFound {
				return nil, isms.Errorf(isms.CodeNotFound, "one of the selected requirements no longer exists; reload the register and try again")
			}
			if err != nil {
				return nil, err
			}
			next := change.apply(*r)
			if next.Status == r.Status && next.OwnerID == r.OwnerID && next.SourceType == r.SourceType && next.Source == r.Source {
				continue
			}
			if err := next.Validate(); err != nil {
				bad.add(r.Ref, err)
				continue
			}
			out = append(out, &next)
		}
		return out, bad.err()
	}
	n := 0
	if len(ids) <= bulkInOneTransaction {
		err := s.app.update(func(tx *store.Tx) error {
			recs, err := plan(tx)
			if err != nil {
				return err
			}
			for _, r := range recs {
				if err := tx.Put(r, source); err != nil {
					return named(r.Ref, err)
				}
			}
			n = len(recs)
			return nil
		})
		return n, err // update runs it as a batch when the records do not fit (long texts)
	}
	err := s.app.batch(func(b *store.Batch) error {
		// The batch holds the store's write lock: nothing changes between plan and writes.
		var recs []*isms.Requirement
		if err := b.Do(func(tx *store.Tx) (err error) { recs, err = plan(tx); return err }); err != nil {
			return err
		}
		n = len(recs)
		for _, r := range recs {
			if err := b.Do(func(tx *store.Tx) error { return tx.Put(r, source) }); err != nil {
				return named(r.Ref, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// uniqueIDs drops blank and repeated IDs, keeping the first occurrence's order.
func uniqueIDs(ids []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// named puts a requirement's reference in front of an error's message (and its field
// messages), keeping its code.
func named(ref string, err error) error {
	var e *isms.Error
	if !errors.As(err, &e) {
		return fmt.Errorf("requirement %s: %w", ref, err)
	}
	out := &isms.Error{Code: e.Code, Message: "Requirement " + ref + ": " + e.Message}
	if len(e.Fields) > 0 {
		out.Fields = map[string]string{}
		for f, m := range e.Fields {
			out.Fields[f] = ref + ": " + m
		}
	}
	return out
}

// bulkProblems collects the requirements a bulk change would make invalid.
type bulkProblems struct {
	refs   []string
	fields map[string]string
	counts map[string]int
}

func (b *bulkProblems) add(ref string, err error) {
	b.refs = append(b.refs, ref)
	var e *isms.Error
	if !errors.As(err, &e) {
		return
	}
	if b.fields == nil {
		b.fields, b.counts = map[string]string{}, map[string]int{}
	}
	for f, m := range e.Fields {
		if _, ok := b.fields[f]; !ok {
			b.fields[f] = ref + ": " + m
		}
		b.counts[f]++
	}
}

// err is nil when every requirement can take the change; else an invalid error that
// names the first few requirements that cannot, with field messages for the change's fields.
func (b *bulkProblems) err() error {
	if len(b.refs) == 0 {
		return nil
	}
	const shown = 5
	names := b.refs
	if len(names) > shown {
		names = append(append([]string{}, names[:shown]...), fmt.Sprintf("%d more", len(b.refs)-shown))
	}
	what := "requirement"
	if len(b.refs) > 1 {
		what = fmt.Sprintf("%d requirements", len(b.refs))
	}
	fields := map[string]string{}
	for f, m := range b.fields {
		if more := b.counts[f] - 1; more > 0 {
			m += fmt.Sprintf(" (and %d more)", more)
		}
		fields[f] = m
	}
	return &isms.Error{Code: isms.CodeInvalid, Fields: fields,
		Message: fmt.Sprintf("The change does not suit %s %s, so nothing was changed", what, strings.Join(names, ", "))}
}
