package app

import (
	"strconv"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// PolicyService keeps the policies and procedures with their versions and the approval
// workflow (5.2, 7.5): draft, in review, approved or rejected, published, retired.
type PolicyService struct{ app *App }

func (s *PolicyService) r() records[isms.Policy, *isms.Policy] {
	return kindOf[isms.Policy](s.app, isms.KindPolicy)
}

// List returns every policy.
func (s *PolicyService) List() ([]isms.Policy, error) { return s.r().list() }

// Get returns one policy with its versions.
func (s *PolicyService) Get(id string) (isms.Policy, error) { return s.r().get(id) }

// Create adds a policy with its first draft version (1.0) holding text, written by its owner.
func (s *PolicyService) Create(p isms.Policy, text string) (isms.Policy, error) {
	return s.r().create(p, func(_ *store.Tx, p *isms.Policy) error {
		p.Versions, p.Reviews, p.Status = nil, nil, isms.PolicyDraft
		if p.DocType == "" {
			p.DocType = isms.DocPolicy
		}
		if err := isms.CheckPolicyChange(&isms.Policy{}, p); err != nil {
			return err
		}
		return p.NewVersion("1.0", "First issue", text, p.OwnerID, s.today())
	})
}

// Update saves an edit of the policy's details (reference, title, owner, approver, review
// cycle, controls). Versions, their workflow and the reviews change only through the
// workflow methods.
func (s *PolicyService) Update(p isms.Policy) (isms.Policy, error) {
	return s.r().update(p, func(_ *store.Tx, old, new *isms.Policy) error {
		new.Versions, new.Status, new.Reviews, new.LastReviewed = old.Versions, old.Status, old.Reviews, old.LastReviewed
		return isms.CheckPolicyChange(old, new)
	})
}

// Delete removes a policy that nothing links to. A policy that was ever approved is
// kept as a record (retire it instead).
func (s *PolicyService) Delete(id string, version int) error {
	return s.app.update(func(tx *store.Tx) error {
		p, err := store.GetAs[*isms.Policy](tx, isms.KindPolicy, id)
		if err != nil {
			return err
		}
		for _, v := range p.Versions {
			if v.Approved() {
				return isms.Errorf(isms.CodeLocked, "%s has an approved version, which is kept as a record: retire the policy instead", p.Ref)
			}
		}
		return deleteUnused(tx, isms.KindPolicy, id, version)
	})
}

// PolicyDraft is the text of a draft version as the editor sends it.
type PolicyDraft struct {
	Number  string `json:"number"`
	Summary string `json:"summary"`
	Text    string `json:"text"`
}

// SaveDraft changes the text of the current version while it is a draft; an approved,
// published or retired version is locked.
func (s *PolicyService) SaveDraft(id string, version int, d PolicyDraft) (isms.Policy, error) {
	return s.r().change(id, version, func(_ *store.Tx, p *isms.Policy) error {
		old := *p
		old.Versions = append([]isms.PolicyVersion(nil), p.Versions...)
		cur := p.Current()
		if cur == nil {
			return isms.Errorf(isms.CodeInvalid, "the policy has no version yet")
		}
		if cur.Status != isms.PolicyDraft {
			return &isms.Error{Code: isms.CodeLocked, Message: "version " + cur.Number + " is " +
				isms.PolicyStatuses.Label(cur.Status) + ": start a new version to change the text",
				Fields: map[string]string{"text": "is locked"}}
		}
		cur.Number, cur.Summary, cur.Text = strings.TrimSpace(d.Number), d.Summary, d.Text
		if err := isms.CheckPolicyChange(&old, p); err != nil {
			return err
		}
		return p.Validate()
	})
}

// NewVersion starts a new draft version from the current text, to revise a rejected,
// approved or published version.
func (s *PolicyService) NewVersion(id string, version int, d PolicyDraft) (isms.Policy, error) {
	return s.r().change(id, version, func(_ *store.Tx, p *isms.Policy) error {
		text := d.Text
		if text == "" && p.Current() != nil {
			text = p.Current().Text
		}
		number := strings.TrimSpace(d.Number)
		if number == "" {
			number = nextVersion(p)
		}
		return p.NewVersion(number, d.Summary, text, p.OwnerID, s.today())
	})
}

// Submit sends the current draft for review.
func (s *PolicyService) Submit(id string, version int) (isms.Policy, error) {
	return s.r().change(id, version, func(_ *store.Tx, p *isms.Policy) error { return p.Submit() })
}

// Withdraw takes the version under review back to draft.
func (s *PolicyService) Withdraw(id string, version int) (isms.Policy, error) {
	return s.r().change(id, version, func(_ *store.Tx, p *isms.Policy) error {
		cur := p.Current()
		if cur == nil || cur.Status != isms.PolicyInReview {
			return isms.Errorf(isms.CodeInvalid, "only a version in review can be withdrawn")
		}
		old := *p
		old.Versions = append([]isms.PolicyVersion(nil), p.Versions...)
		cur.Status, p.Status = isms.PolicyDraft, isms.PolicyDraft
		if err := isms.CheckPolicyChange(&old, p); err != nil {
			return err
		}
		return p.Validate()
	})
}

// Approve records the approver's approval of the version in review.
func (s *PolicyService) Approve(id string, version int, d isms.PolicyDecision) (isms.Policy, error) {
	return s.r().change(id, version, func(tx *store.Tx, p *isms.Policy) error {
		if err := s.decider(tx, &d); err != nil {
			return err
		}
		return p.Approve(d)
	})
}

// Reject records the approver's rejection, with the required comment.
func (s *PolicyService) Reject(id string, version int, d isms.PolicyDecision) (isms.Policy, error) {
	return s.r().change(id, version, func(tx *store.Tx, p *isms.Policy) error {
		if err := s.decider(tx, &d); err != nil {
			return err
		}
		return p.Reject(d)
	})
}

// decider checks the approver is an active person and fills in the role they decide in.
func (s *PolicyService) decider(tx *store.Tx, d *isms.PolicyDecision) error {
	person, roles, err := personWithRoles(tx, d.ApproverID)
	if err != nil {
		return err
	}
	if person == nil {
		return &isms.Error{Code: isms.CodeInvalid, Message: "choose who decides", Fields: map[string]string{"approverId": "is required"}}
	}
	if !person.Active {
		return &isms.Error{Code: isms.CodeInvalid, Message: person.Name + " has left the organisation",
			Fields: map[string]string{"approverId": "has left the organisation"}}
	}
	// The role recorded is one the approver holds: the one asked for, else Senior
	// Management when they hold it, else their first role.
	asked := d.Role
	d.Role = ""
	for _, r := range roles {
		if asked != "" && strings.EqualFold(r.Name, asked) {
			d.Role = r.Name
			return nil
		}
		if d.Role == "" || r.Name == isms.RoleSeniorManagement {
			d.Role = r.Name
		}
	}
	if asked != "" {
		return &isms.Error{Code: isms.CodeInvalid, Message: person.Name + " does not hold the role " + asked,
			Fields: map[string]string{"role": "is not one of " + person.Name + "'s roles"}}
	}
	return nil
}

// Publish publishes the approved version; the version published before it is retired.
func (s *PolicyService) Publish(id string, version int, on string) (isms.Policy, error) {
	return s.r().change(id, version, func(_ *store.Tx, p *isms.Policy) error {
		d := isms.Date(on)
		if d == "" {
			d = s.today()
		}
		return p.Publish(d)
	})
}

// Retire retires the current version.
func (s *PolicyService) Retire(id string, version int) (isms.Policy, error) {
	return s.r().change(id, version, func(_ *store.Tx, p *isms.Policy) error { return p.Retire() })
}

// Acknowledge records that people have read the published version.
func (s *PolicyService) Acknowledge(id string, version int, personIDs []string, on string) (isms.Policy, error) {
	return s.r().change(id, version, func(tx *store.Tx, p *isms.Policy) error {
		for _, pid := range personIDs {
			if _, err := store.GetAs[*isms.Person](tx, isms.KindPerson, pid); err != nil {
				return err
			}
		}
		return p.Acknowledge(personIDs, isms.Date(on), s.today())
	})
}

// Review records a periodic review; with outcome new_version a new draft is started too.
func (s *PolicyService) Review(id string, version int, r isms.PolicyReview) (isms.Policy, error) {
	return s.r().change(id, version, func(_ *store.Tx, p *isms.Policy) error {
		if err := p.Review(r.On, r.ReviewerID, r.Outcome, r.Note); err != nil {
			return err
		}
		if r.Outcome == isms.ReviewNewVersion {
			return p.NewVersion(nextVersion(p), "Changes from the review of "+string(r.On), p.Current().Text, p.OwnerID, r.On)
		}
		return nil
	})
}

// Templates returns the starter policies a new policy can begin from.
func (s *PolicyService) Templates() []isms.PolicyTemplate { return isms.PolicyTemplates() }

// FromTemplate creates a policy from a starter template, linked to the Annex A controls
// the template supports, with the organisation's name in place of "[Organisation]"; the
// other placeholders are left for the owner to fill in (Submit refuses them).
func (s *PolicyService) FromTemplate(templateID, ownerID, approverID string) (isms.Policy, error) {
	t, ok := isms.LookupPolicyTemplate(templateID)
	if !ok {
		return isms.Policy{}, isms.Errorf(isms.CodeNotFound, "there is no policy template %q", templateID)
	}
	var p isms.Policy
	text := t.Text
	err := s.app.view(func(tx *store.Tx) error {
		org, err := loadOrganisation(tx)
		if err != nil {
			return err
		}
		if name := strings.TrimSpace(org.Name); name != "" {
			text = strings.ReplaceAll(text, "[Organisation]", name)
		}
		ref := t.Ref
		for n := 2; ; n++ {
			if _, err := tx.ByRef(isms.KindPolicy, ref); isms.ErrorCode(err) == isms.CodeNotFound {
				break
			} else if err != nil {
				return err
			}
			ref = t.Ref + "-" + strconv.Itoa(n)
		}
		p = isms.Policy{Ref: ref, Title: t.Title, DocType: t.DocType, OwnerID: ownerID, ApproverID: approverID,
			ReviewCycleMonths: t.ReviewCycleMonths}
		for _, cref := range t.ControlRefs {
			if c, err := tx.ByRef(isms.KindControl, cref); err == nil {
				p.ControlIDs = append(p.ControlIDs, c.Base().ID)
			}
		}
		return nil
	})
	if err != nil {
		return isms.Policy{}, err
	}
	return s.Create(p, text)
}

func (s *PolicyService) today() isms.Date { return isms.DateOf(s.app.clock()) }

// nextVersion proposes the number after the current version's: "1.0" -> "1.1".
func nextVersion(p *isms.Policy) string {
	taken := map[string]bool{}
	for _, v := range p.Versions {
		taken[v.Number] = true
	}
	major, minor := 1, 0
	if cur := p.Current(); cur != nil {
		parts := strings.SplitN(cur.Number, ".", 2)
		major, minor = atoi(parts[0], 1), 0
		if len(parts) == 2 {
			minor = atoi(parts[1], 0)
		}
	}
	for {
		minor++
		n := strconv.Itoa(major) + "." + strconv.Itoa(minor)
		if !taken[n] {
			return n
		}
	}
}

func atoi(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}
