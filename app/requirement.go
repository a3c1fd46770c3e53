package app

import (
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
