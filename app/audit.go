package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// The bound services of the internal audit (9.2): the audits of the audit programme with
// their checklists, and their findings, of which a minor or major one raises a
// nonconformity (10.2). The rules are those of isms.Audit and isms.Finding; these services
// load what the rules need to see (the audit's findings, what the auditor owns, the
// Statement of Applicability) from the store.

// AuditService keeps the internal audits: scope, objectives, criteria, methods, dates,
// auditor, auditees and checklist; planned, started, reported, closed or cancelled; and
// the audit programme's coverage of the standard.
type AuditService struct{ app *App }

func (s *AuditService) r() records[isms.Audit, *isms.Audit] {
	return kindOf[isms.Audit](s.app, isms.KindAudit)
}

// List returns every audit.
func (s *AuditService) List() ([]isms.Audit, error) { return s.r().list() }

// Get returns one audit.
func (s *AuditService) Get(id string) (isms.Audit, error) { return s.r().get(id) }

// Create adds an audit to the programme; it starts planned, without a checklist (the
// checklist changes through SaveChecklist and ChecklistFromScope). The auditor of the
// organisation and the auditees are active people.
func (s *AuditService) Create(a isms.Audit) (isms.Audit, error) {
	return s.r().create(a, func(tx *store.Tx, a *isms.Audit) error {
		if err := isms.CheckAuditChange(&isms.Audit{Status: isms.AuditPlanned}, a); err != nil {
			return err
		}
		return auditPeople(tx, &isms.Audit{}, a)
	})
}

// Update saves an edit of an audit. The checklist is kept (SaveChecklist changes it), and
// so are who closed it and when; the status moves only through the steps (Start,
// Complete, Close, Cancel, Reopen). A reported audit keeps a conclusion.
func (s *AuditService) Update(a isms.Audit) (isms.Audit, error) {
	return s.r().update(a, func(tx *store.Tx, old, new *isms.Audit) error {
		if err := isms.CheckAuditChange(old, new); err != nil {
			return err
		}
		return auditPeople(tx, old, new)
	})
}

// auditPeople checks that a newly named auditor and newly added auditees are active people.
func auditPeople(tx *store.Tx, old, new *isms.Audit) error {
	if new.AuditorID != old.AuditorID {
		if err := activePerson(tx, new.AuditorID, "auditorId"); err != nil {
			return err
		}
	}
	for _, id := range new.AuditeeIDs {
		if !slices.Contains(old.AuditeeIDs, id) {
			if err := activePerson(tx, id, "auditeeIds"); err != nil {
				return err
			}
		}
	}
	return nil
}

// Delete removes an audit without findings (its findings link to it: it is refused until
// they are deleted).
func (s *AuditService) Delete(id string, version int) error { return s.r().remove(id, version) }

// Start begins a planned audit today (or on the earlier start date recorded). It is refused
// while the auditor owns what the audit covers and the independence note does not say how
// objectivity is ensured.
func (s *AuditService) Start(id string, version int) (isms.Audit, error) {
	return s.r().change(id, version, func(tx *store.Tx, a *isms.Audit) error {
		conflicts, err := auditConflicts(tx, a)
		if err != nil {
			return err
		}
		return a.Start(conflicts, s.today())
	})
}

// Complete reports an audit in progress (status "Reported"): every checklist item assessed
// ("not sampled" with its reason), for each minor or major nonconformity on the checklist
// a finding that names its clause or control, and a conclusion (conclusion, when not
// blank, replaces the one recorded). The report date becomes today, and the end date too
// unless an earlier one was recorded.
func (s *AuditService) Complete(id string, version int, conclusion string) (isms.Audit, error) {
	return s.r().change(id, version, func(tx *store.Tx, a *isms.Audit) error {
		findings, err := auditFindings(tx, a.ID)
		if err != nil {
			return err
		}
		conflicts, err := auditConflicts(tx, a)
		if err != nil {
			return err
		}
		return a.Complete(findings, conflicts, conclusion, s.today())
	})
}

// Close closes a reported audit today, recording closedByID (an active person) as who
// closed it. It is refused while a minor or major finding of the audit has not raised its
// nonconformity; the refusal names them.
func (s *AuditService) Close(id string, version int, closedByID string) (isms.Audit, error) {
	return s.r().change(id, version, func(tx *store.Tx, a *isms.Audit) error {
		if strings.TrimSpace(closedByID) != "" {
			if err := activePerson(tx, closedByID, "closedById"); err != nil {
				return err
			}
		}
		findings, err := auditFindings(tx, a.ID)
		if err != nil {
			return err
		}
		return a.Close(findings, closedByID, s.today())
	})
}

// Cancel cancels a planned audit or one in progress that has no findings.
func (s *AuditService) Cancel(id string, version int) (isms.Audit, error) {
	return s.r().change(id, version, func(tx *store.Tx, a *isms.Audit) error {
		findings, err := auditFindings(tx, a.ID)
		if err != nil {
			return err
		}
		return a.Cancel(findings)
	})
}

// Reopen takes a reported audit back to in progress (to correct its checklist; its report
// date is cleared) or a cancelled one back to planned. A closed audit stays closed.
func (s *AuditService) Reopen(id string, version int) (isms.Audit, error) {
	return s.r().change(id, version, func(_ *store.Tx, a *isms.Audit) error { return a.Reopen() })
}

// Programme returns the audit programme of the current three-year cycle: for each clause 4
// to 10 and each Annex A theme, the audits (planned or done, not cancelled) that cover it
// each year, and the gaps.
func (s *AuditService) Programme() (overview.AuditProgramme, error) {
	var out overview.AuditProgramme
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		out, err = overview.Programme(tx, s.today())
		return err
	})
	return out, err
}

// SaveChecklist replaces the checklist of a planned audit or one in progress (results are
// recorded once it has started; "not sampled" needs its reason in the evidence notes).
// Rows left blank are dropped; clause and control items get their titles from the standard.
func (s *AuditService) SaveChecklist(id string, version int, items []isms.ChecklistItem) (isms.Audit, error) {
	return s.r().change(id, version, func(_ *store.Tx, a *isms.Audit) error { return a.SetChecklist(items) })
}

// ChecklistFromScope adds to the checklist a question for each clause (4 to 10) and Annex
// A control the audit's scope names that is not on it yet, e.g. "clauses 4 to 10",
// "7.2", "A.5.15-A.5.18", "A.8" or "Annex A" (the applicable controls of the Statement of
// Applicability). It is refused when the scope names nothing new.
func (s *AuditService) ChecklistFromScope(id string, version int) (isms.Audit, error) {
	return s.r().change(id, version, func(tx *store.Tx, a *isms.Audit) error {
		appl, err := applicability(tx)
		if err != nil {
			return err
		}
		items, err := a.ProposeChecklist(appl)
		if err != nil {
			return err
		}
		return a.SetChecklist(append(slices.Clone(a.Checklist), items...))
	})
}

// Conflicts names what the audit's auditor owns among what the audit covers (controls on
// its checklist or in its scope, records of the kinds audited under its clauses): auditors
// do not audit their own work (9.2.2 c). Empty for an external auditor.
func (s *AuditService) Conflicts(id string) ([]string, error) {
	out := []string{}
	err := s.app.view(func(tx *store.Tx) error {
		a, err := store.GetAs[*isms.Audit](tx, isms.KindAudit, id)
		if err != nil {
			return err
		}
		c, err := auditConflicts(tx, a)
		out = append(out, c...)
		return err
	})
	return out, err
}

func (s *AuditService) today() isms.Date { return isms.DateOf(s.app.clock()) }

// auditFindings loads the findings of an audit in creation order.
func auditFindings(tx *store.Tx, auditID string) ([]*isms.Finding, error) {
	back, err := tx.Backlinks(isms.KindAudit, auditID)
	if err != nil {
		return nil, err
	}
	var out []*isms.Finding
	for _, b := range back {
		if b.Kind != isms.KindFinding {
			continue
		}
		f, err := store.GetAs[*isms.Finding](tx, isms.KindFinding, b.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// applicability maps each Annex A control's reference to its Statement of Applicability
// decision.
func applicability(tx *store.Tx) (map[string]string, error) {
	out := map[string]string{}
	err := tx.Each(isms.KindControl, func(rec isms.Record) error {
		if c := rec.(*isms.Control); !c.Custom {
			out[c.Ref] = c.Applicability
		}
		return nil
	})
	return out, err
}

// ownerKinds are the kinds whose owner the independence check looks at.
var ownerKinds = []isms.Kind{
	isms.KindControl, isms.KindRisk, isms.KindPolicy, isms.KindObjective, isms.KindRequirement, isms.KindIssue, isms.KindParty,
	isms.KindTraining, isms.KindCampaign, isms.KindCommunication, isms.KindKPI, isms.KindReview, isms.KindAction,
	isms.KindNonconformity, isms.KindImprovement, isms.KindMilestone, isms.KindAsset,
}

// auditConflicts lists the records the audit's auditor owns that the audit covers.
func auditConflicts(tx *store.Tx, a *isms.Audit) ([]string, error) {
	if strings.TrimSpace(a.AuditorID) == "" {
		return nil, nil
	}
	var owned []isms.Owned
	for _, k := range ownerKinds {
		ids, err := tx.Find(k, store.IndexOwner, a.AuditorID)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			rec, err := tx.Get(k, id)
			if err != nil {
				return nil, err
			}
			t := rec.Terms()
			owned = append(owned, isms.Owned{Kind: k, Ref: t.Ref, Title: t.Title})
		}
	}
	if len(owned) == 0 {
		return nil, nil
	}
	appl, err := applicability(tx)
	if err != nil {
		return nil, err
	}
	return a.Conflicts(owned, appl), nil
}

// FindingService keeps the findings of the internal audits and raises their
// nonconformities.
type FindingService struct{ app *App }

func (s *FindingService) r() records[isms.Finding, *isms.Finding] {
	return kindOf[isms.Finding](s.app, isms.KindFinding)
}

// List returns every finding.
func (s *FindingService) List() ([]isms.Finding, error) { return s.r().list() }

// Get returns one finding.
func (s *FindingService) Get(id string) (isms.Finding, error) { return s.r().get(id) }

// Create records a finding of an audit that has started. A blank reference gets the
// audit's next "<audit>-Fn"; the nonconformity is set only by RaiseNonconformity.
func (s *FindingService) Create(f isms.Finding) (isms.Finding, error) {
	return s.r().create(f, func(tx *store.Tx, f *isms.Finding) error {
		if err := isms.CheckFindingChange(&isms.Finding{AuditID: f.AuditID}, f); err != nil {
			return err
		}
		if strings.TrimSpace(f.AuditID) == "" {
			return nil // Validate asks for it
		}
		a, err := store.GetAs[*isms.Audit](tx, isms.KindAudit, f.AuditID)
		if isms.ErrorCode(err) == isms.CodeNotFound {
			return &isms.Error{Code: isms.CodeInvalid, Message: "the audit chosen does not exist", Fields: map[string]string{"auditId": "is not an audit"}}
		}
		if err != nil {
			return err
		}
		if err := a.CheckNewFinding(); err != nil {
			return err
		}
		if strings.TrimSpace(f.Ref) == "" {
			f.Ref, err = nextRef(tx, isms.KindFinding, strings.TrimSpace(a.Ref)+"-F", 0)
		}
		return err
	})
}

// Update saves an edit of a finding; its audit and the nonconformity it raised stay.
func (s *FindingService) Update(f isms.Finding) (isms.Finding, error) {
	return s.r().update(f, func(_ *store.Tx, old, new *isms.Finding) error { return isms.CheckFindingChange(old, new) })
}

// Delete removes a finding that raised no nonconformity (the nonconformity links to it).
func (s *FindingService) Delete(id string, version int) error { return s.r().remove(id, version) }

// RaiseNonconformity creates the nonconformity of a minor or major finding (source audit,
// the finding's title and description, detected today or on the audit's last day, next
// "NC-nnn") and links the finding to it, in one transaction. Its owner is the owner of the
// control the finding names, else the first active person holding a role responsible for
// corrective actions, else nobody yet. Refused for observations and opportunities and
// once the finding raised one.
func (s *FindingService) RaiseNonconformity(findingID string, version int) (isms.Nonconformity, error) {
	var out isms.Nonconformity
	err := s.app.update(func(tx *store.Tx) error {
		f, err := store.GetAs[*isms.Finding](tx, isms.KindFinding, findingID)
		if err != nil {
			return err
		}
		if version != 0 && f.Version != version {
			return isms.Errorf(isms.CodeConflict, "this audit finding was changed since it was read; reload it")
		}
		a, err := store.GetAs[*isms.Audit](tx, isms.KindAudit, f.AuditID)
		if err != nil {
			return err
		}
		ref, err := nextRef(tx, isms.KindNonconformity, "NC-", 3)
		if err != nil {
			return err
		}
		owner, err := ncOwner(tx, f, a)
		if err != nil {
			return err
		}
		n, err := f.Raise(a, ref, owner, isms.DateOf(s.app.clock()))
		if err != nil {
			return err
		}
		if err := tx.Create(n, source); err != nil {
			return err
		}
		if err := f.LinkNonconformity(n); err != nil {
			return err
		}
		if err := tx.Put(f, source); err != nil {
			return err
		}
		out = *n
		return nil
	})
	return out, err
}

// ncOwner proposes who handles the nonconformity of a finding: the active owner of the
// control it names, else the first active person (not the auditor) holding a role
// responsible for corrective actions; "" when there is none.
func ncOwner(tx *store.Tx, f *isms.Finding, a *isms.Audit) (string, error) {
	active := func(id string) (bool, error) {
		p, _, err := personWithRoles(tx, id)
		if isms.ErrorCode(err) == isms.CodeNotFound {
			return false, nil
		}
		return err == nil && p != nil && p.Active, err
	}
	if ref := isms.ItemRef(f.Clause); ref != "" {
		c, err := tx.ByRef(isms.KindControl, ref)
		switch {
		case isms.ErrorCode(err) == isms.CodeNotFound:
		case err != nil:
			return "", err
		default:
			if owner := c.(*isms.Control).OwnerID; owner != "" {
				ok, err := active(owner)
				if ok || err != nil {
					return owner, err
				}
			}
		}
	}
	responsible := map[string]bool{}
	if err := tx.Each(isms.KindRole, func(rec isms.Record) error {
		r := rec.(*isms.Role)
		if slices.Contains(r.Areas, "corrective") {
			responsible[r.ID] = true
		}
		return nil
	}); err != nil {
		return "", err
	}
	owner := ""
	err := tx.Each(isms.KindPerson, func(rec isms.Record) error {
		p := rec.(*isms.Person)
		if owner != "" || !p.Active || p.ID == a.AuditorID {
			return nil
		}
		for _, id := range p.RoleIDs {
			if responsible[id] {
				owner = p.ID
				return nil
			}
		}
		return nil
	})
	return owner, err
}

// nextRef returns prefix and the number after the highest "prefix<n>" reference of the
// kind, padded to width digits.
func nextRef(tx *store.Tx, kind isms.Kind, prefix string, width int) (string, error) {
	high := 0
	up := strings.ToUpper(prefix)
	err := tx.Each(kind, func(rec isms.Record) error {
		ref := strings.ToUpper(strings.TrimSpace(rec.Terms().Ref))
		if rest, ok := strings.CutPrefix(ref, up); ok {
			if n, err := strconv.Atoi(rest); err == nil && n > high {
				high = n
			}
		}
		return nil
	})
	return fmt.Sprintf("%s%0*d", prefix, width, high+1), err
}
