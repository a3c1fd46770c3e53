package app

import (
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// The bound services of the Plan and Do areas. Each is a thin layer over records[T]
// (crud.go) with the area's workflow methods, which call the rules of package isms.

// ObjectiveService keeps the ISMS objectives (6.2).
type ObjectiveService struct{ app *App }

func (s *ObjectiveService) r() records[isms.Objective, *isms.Objective] {
	return kindOf[isms.Objective](s.app, isms.KindObjective)
}

// List returns every objective.
func (s *ObjectiveService) List() ([]isms.Objective, error) { return s.r().list() }

// Get returns one objective.
func (s *ObjectiveService) Get(id string) (isms.Objective, error) { return s.r().get(id) }

// Create adds an objective; it starts proposed, without approval.
func (s *ObjectiveService) Create(o isms.Objective) (isms.Objective, error) {
	return s.r().create(o, func(_ *store.Tx, o *isms.Objective) error {
		if o.Status == "" {
			o.Status = isms.ObjectiveProposed
		}
		return isms.CheckObjectiveChange(&isms.Objective{Status: isms.ObjectiveProposed}, o)
	})
}

// Update saves an edit; the approval changes only through Approve.
func (s *ObjectiveService) Update(o isms.Objective) (isms.Objective, error) {
	return s.r().update(o, func(_ *store.Tx, old, new *isms.Objective) error { return isms.CheckObjectiveChange(old, new) })
}

// Delete removes an objective that nothing links to; an approved objective is kept as a
// record of senior management's decision (cancel it instead).
func (s *ObjectiveService) Delete(id string, version int) error {
	return s.app.update(func(tx *store.Tx) error {
		o, err := store.GetAs[*isms.Objective](tx, isms.KindObjective, id)
		if err != nil {
			return err
		}
		if o.ApprovedByID != "" {
			return isms.Errorf(isms.CodeLocked, "%s was approved by senior management and is kept as a record: set its status to cancelled instead", o.Ref)
		}
		return deleteUnused(tx, isms.KindObjective, id, version)
	})
}

// ObjectiveApproval is senior management's approval as the window records it.
type ObjectiveApproval struct {
	ApproverID string    `json:"approverId"`
	On         isms.Date `json:"on"`
	How        string    `json:"how"` // one of isms.ApprovalMethods
	Ref        string    `json:"ref"` // the minute or document
}

// Approve records senior management's approval of a SMART objective.
func (s *ObjectiveService) Approve(id string, version int, a ObjectiveApproval) (isms.Objective, error) {
	return s.r().change(id, version, func(tx *store.Tx, o *isms.Objective) error {
		person, roles, err := personWithRoles(tx, a.ApproverID)
		if err != nil {
			return err
		}
		return o.Approve(person, roles, a.On, a.How, a.Ref)
	})
}

// Progress returns each objective's progress from its KPIs' latest measurements.
func (s *ObjectiveService) Progress() ([]overview.ObjectiveProgress, error) {
	var out []overview.ObjectiveProgress
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		out, err = overview.Progress(tx)
		return err
	})
	return out, err
}

// personWithRoles loads a person and the roles they hold; a blank id gives nil.
func personWithRoles(tx *store.Tx, id string) (*isms.Person, []isms.Role, error) {
	if strings.TrimSpace(id) == "" {
		return nil, nil, nil
	}
	p, err := store.GetAs[*isms.Person](tx, isms.KindPerson, id)
	if err != nil {
		return nil, nil, err
	}
	var roles []isms.Role
	for _, rid := range p.RoleIDs {
		r, err := store.GetAs[*isms.Role](tx, isms.KindRole, rid)
		if isms.ErrorCode(err) == isms.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		roles = append(roles, *r)
	}
	return p, roles, nil
}

// IssueService keeps the internal and external issues (4.1).
type IssueService struct{ app *App }

func (s *IssueService) r() records[isms.Issue, *isms.Issue] {
	return kindOf[isms.Issue](s.app, isms.KindIssue)
}

// List returns every issue.
func (s *IssueService) List() ([]isms.Issue, error) { return s.r().list() }

// Get returns one issue.
func (s *IssueService) Get(id string) (isms.Issue, error) { return s.r().get(id) }

// Create adds an issue.
func (s *IssueService) Create(i isms.Issue) (isms.Issue, error) { return s.r().create(i, nil) }

// Update saves an edit of an issue.
func (s *IssueService) Update(i isms.Issue) (isms.Issue, error) { return s.r().update(i, nil) }

// Delete removes an issue that nothing links to.
func (s *IssueService) Delete(id string, version int) error { return s.r().remove(id, version) }

// PartyService keeps the interested parties and their needs (4.2).
type PartyService struct{ app *App }

func (s *PartyService) r() records[isms.Party, *isms.Party] {
	return kindOf[isms.Party](s.app, isms.KindParty)
}

// List returns every interested party.
func (s *PartyService) List() ([]isms.Party, error) { return s.r().list() }

// Get returns one interested party.
func (s *PartyService) Get(id string) (isms.Party, error) { return s.r().get(id) }

// Create adds an interested party.
func (s *PartyService) Create(p isms.Party) (isms.Party, error) { return s.r().create(p, nil) }

// Update saves an edit of an interested party.
func (s *PartyService) Update(p isms.Party) (isms.Party, error) { return s.r().update(p, nil) }

// Delete removes an interested party that nothing links to.
func (s *PartyService) Delete(id string, version int) error { return s.r().remove(id, version) }

// ControlService keeps the Annex A and custom controls: the Statement of Applicability.
type ControlService struct{ app *App }

func (s *ControlService) r() records[isms.Control, *isms.Control] {
	return kindOf[isms.Control](s.app, isms.KindControl)
}

// List returns every control, the Annex A ones with their ISO/IEC 27002 attributes from
// the catalogue.
func (s *ControlService) List() ([]isms.Control, error) {
	out, err := s.r().list()
	for i := range out {
		out[i] = out[i].WithCatalogue()
	}
	return out, err
}

// Get returns one control, an Annex A one with its attributes from the catalogue.
func (s *ControlService) Get(id string) (isms.Control, error) { return withCatalogue(s.r().get(id)) }

// withCatalogue merges the catalogue's attributes into a control read or saved.
func withCatalogue(c isms.Control, err error) (isms.Control, error) { return c.WithCatalogue(), err }

// Create adds a custom control (the Annex A controls come with the database) with the
// ISO/IEC 27002 attributes it is given.
func (s *ControlService) Create(c isms.Control) (isms.Control, error) {
	return s.r().create(c, func(_ *store.Tx, c *isms.Control) error {
		c.Custom = true
		if c.Applicability == "" {
			c.Applicability = isms.ApplicabilityNotAssessed
		}
		if c.Status == "" {
			c.Status = isms.ImplNotStarted
		}
		return isms.CheckApplicability(c)
	})
}

// Update saves an edit: applicability with its reasons and justification, status,
// owner, implementation plan and metric, and a custom control's attributes. An Annex A
// control keeps the standard's title and attributes.
func (s *ControlService) Update(c isms.Control) (isms.Control, error) {
	return withCatalogue(s.r().update(c, func(_ *store.Tx, old, new *isms.Control) error { return isms.CheckControlChange(old, new) }))
}

// Delete removes a custom control that nothing links to; Annex A controls stay.
func (s *ControlService) Delete(id string, version int) error {
	return s.app.update(func(tx *store.Tx) error {
		c, err := store.GetAs[*isms.Control](tx, isms.KindControl, id)
		if err != nil {
			return err
		}
		if !c.Custom {
			return isms.Errorf(isms.CodeLocked, "%s is an Annex A control: it stays in the Statement of Applicability; mark it not applicable with a justification instead", c.Ref)
		}
		return deleteUnused(tx, isms.KindControl, id, version)
	})
}

// RiskService keeps the risk register and its treatment (6.1.2, 6.1.3, 8.2, 8.3).
type RiskService struct{ app *App }

func (s *RiskService) r() records[isms.Risk, *isms.Risk] {
	return kindOf[isms.Risk](s.app, isms.KindRisk).notAfterToday("identifiedOn", "date identified", func(r *isms.Risk) isms.Date { return r.IdentifiedOn })
}

// List returns every risk.
func (s *RiskService) List() ([]isms.Risk, error) { return s.r().list() }

// Get returns one risk.
func (s *RiskService) Get(id string) (isms.Risk, error) { return s.r().get(id) }

// Create adds a risk, scored on the organisation's scales.
func (s *RiskService) Create(r isms.Risk) (isms.Risk, error) {
	return s.r().create(r, func(tx *store.Tx, r *isms.Risk) error {
		if r.Status == "" {
			r.Status = isms.RiskIdentified
		}
		if err := isms.CheckRiskChange(&isms.Risk{}, r); err != nil {
			return err
		}
		return checkScores(tx, r)
	})
}

// Update saves an edit; the acceptance is recorded only through Accept, and changing the
// assessment or treatment of an accepted risk withdraws its acceptance.
func (s *RiskService) Update(r isms.Risk) (isms.Risk, error) {
	return s.r().update(r, func(tx *store.Tx, old, new *isms.Risk) error {
		new.Acceptance = old.Acceptance
		if err := isms.CheckRiskChange(old, new); err != nil {
			return err
		}
		return checkScores(tx, new)
	})
}

// Delete removes a risk that nothing links to.
func (s *RiskService) Delete(id string, version int) error { return s.r().remove(id, version) }

// Accept records the risk owner's acceptance of the residual risk.
func (s *RiskService) Accept(id string, version int, a isms.RiskAcceptance) (isms.Risk, error) {
	return s.r().change(id, version, func(tx *store.Tx, r *isms.Risk) error {
		org, err := loadOrganisation(tx)
		if err != nil {
			return err
		}
		if by, _, err := personWithRoles(tx, a.AcceptedByID); err != nil {
			return err
		} else if by != nil && !by.Active {
			return &isms.Error{Code: isms.CodeInvalid, Message: by.Name + " has left the organisation: give the risk a new owner first",
				Fields: map[string]string{"acceptance.acceptedById": "has left the organisation"}}
		}
		return r.Accept(org.RiskMethod, a.AcceptedByID, a.AcceptedOn, a.Comment)
	})
}

func checkScores(tx *store.Tx, r *isms.Risk) error {
	org, err := loadOrganisation(tx)
	if err != nil {
		return err
	}
	return org.RiskMethod.CheckScores(r)
}

// MilestoneService keeps the programme timeline.
type MilestoneService struct{ app *App }

func (s *MilestoneService) r() records[isms.Milestone, *isms.Milestone] {
	return kindOf[isms.Milestone](s.app, isms.KindMilestone)
}

// List returns every milestone.
func (s *MilestoneService) List() ([]isms.Milestone, error) { return s.r().list() }

// Get returns one milestone.
func (s *MilestoneService) Get(id string) (isms.Milestone, error) { return s.r().get(id) }

// Create adds a milestone.
func (s *MilestoneService) Create(m isms.Milestone) (isms.Milestone, error) {
	return s.r().create(m, func(_ *store.Tx, m *isms.Milestone) error {
		if m.Status == "" {
			m.Status = isms.MilestonePlanned
		}
		return nil
	})
}

// Update saves an edit of a milestone.
func (s *MilestoneService) Update(m isms.Milestone) (isms.Milestone, error) {
	return s.r().update(m, func(_ *store.Tx, old, new *isms.Milestone) error {
		new.CompletedOn = old.CompletedOn
		switch {
		case new.Status != isms.MilestoneDone:
			new.CompletedOn = ""
		case new.CompletedOn == "":
			new.CompletedOn = isms.DateOf(s.app.clock()) // marked done from the form: today
		}
		return nil
	})
}

// Delete removes a milestone.
func (s *MilestoneService) Delete(id string, version int) error { return s.r().remove(id, version) }

// Complete marks a milestone done on a date.
func (s *MilestoneService) Complete(id string, version int, on string) (isms.Milestone, error) {
	return s.r().change(id, version, func(_ *store.Tx, m *isms.Milestone) error {
		return m.Complete(isms.Date(on), isms.DateOf(s.app.clock()))
	})
}

// Reopen takes a done milestone back to in progress.
func (s *MilestoneService) Reopen(id string, version int) (isms.Milestone, error) {
	return s.r().change(id, version, func(_ *store.Tx, m *isms.Milestone) error { return m.Reopen() })
}

// PersonService keeps the people who own, approve and attend (5.3).
type PersonService struct{ app *App }

func (s *PersonService) r() records[isms.Person, *isms.Person] {
	return kindOf[isms.Person](s.app, isms.KindPerson)
}

// List returns every person, those who left included.
func (s *PersonService) List() ([]isms.Person, error) { return s.r().list() }

// Get returns one person.
func (s *PersonService) Get(id string) (isms.Person, error) { return s.r().get(id) }

// Create adds a person; a new person is active.
func (s *PersonService) Create(p isms.Person) (isms.Person, error) {
	return s.r().create(p, func(_ *store.Tx, p *isms.Person) error {
		p.Active = true
		return nil
	})
}

// Update saves an edit of a person, their roles included.
func (s *PersonService) Update(p isms.Person) (isms.Person, error) { return s.r().update(p, nil) }

// Delete removes a person who owns nothing and whom nothing names; someone who has left
// is marked inactive instead.
func (s *PersonService) Delete(id string, version int) error { return s.r().remove(id, version) }

// Responsibilities lists what a person owns, approves or is named in.
func (s *PersonService) Responsibilities(id string) ([]overview.LinkView, error) {
	var out []overview.LinkView
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		out, err = overview.Responsibilities(tx, id)
		return err
	})
	return out, err
}

// RoleService keeps the ISMS roles and their responsibilities (5.3).
type RoleService struct{ app *App }

func (s *RoleService) r() records[isms.Role, *isms.Role] {
	return kindOf[isms.Role](s.app, isms.KindRole)
}

// List returns every role.
func (s *RoleService) List() ([]isms.Role, error) { return s.r().list() }

// Get returns one role.
func (s *RoleService) Get(id string) (isms.Role, error) { return s.r().get(id) }

// Create adds one of the organisation's own roles.
func (s *RoleService) Create(r isms.Role) (isms.Role, error) {
	return s.r().create(r, func(_ *store.Tx, r *isms.Role) error {
		r.Standard = false
		return nil
	})
}

// Update saves an edit of a role.
func (s *RoleService) Update(r isms.Role) (isms.Role, error) {
	return s.r().update(r, func(_ *store.Tx, old, new *isms.Role) error {
		new.Standard = old.Standard
		return nil
	})
}

// Delete removes a role nobody holds.
func (s *RoleService) Delete(id string, version int) error { return s.r().remove(id, version) }

// AssetService keeps the inventory of information and other associated assets (A.5.9, A.5.12).
type AssetService struct{ app *App }

func (s *AssetService) r() records[isms.Asset, *isms.Asset] {
	return kindOf[isms.Asset](s.app, isms.KindAsset).notAfterToday("acquiredOn", "date acquired", func(a *isms.Asset) isms.Date { return a.AcquiredOn })
}

// List returns every asset.
func (s *AssetService) List() ([]isms.Asset, error) { return s.r().list() }

// Get returns one asset.
func (s *AssetService) Get(id string) (isms.Asset, error) { return s.r().get(id) }

// Create adds an asset; it is in use unless said otherwise.
func (s *AssetService) Create(a isms.Asset) (isms.Asset, error) {
	return s.r().create(a, func(_ *store.Tx, a *isms.Asset) error {
		if a.Status == "" {
			a.Status = isms.AssetInUse
		}
		return nil
	})
}

// Update saves an edit of an asset.
func (s *AssetService) Update(a isms.Asset) (isms.Asset, error) { return s.r().update(a, nil) }

// Delete removes an asset that nothing links to.
func (s *AssetService) Delete(id string, version int) error { return s.r().remove(id, version) }
