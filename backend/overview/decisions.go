package overview

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Records are records already read, by kind: the dashboard's one read, or a report's
// snapshot. A kind that is absent has no records as far as the computation knows.
type Records map[isms.Kind][]isms.Record

// Decision is one decision the records wait for: an approval, an acceptance or a
// sign-off, or (for management, on a report's executive page) an escalation of late work.
type Decision struct {
	Key        string    `json:"key"`        // stable: kind/id/sort
	Sort       string    `json:"sort"`       // one of the Decision* sorts
	Ask        string    `json:"ask"`        // what is asked, e.g. "Approve the objective"
	Kind       isms.Kind `json:"kind"`       // the record's kind
	ID         string    `json:"id"`         // the record's ID
	Ref        string    `json:"ref"`        // its reference, "" when it has none
	Title      string    `json:"title"`      // its title
	What       string    `json:"what"`       // the whole row in words, e.g. "Approve version 1.1 of POL-01 Access control"
	Who        string    `json:"who"`        // whose decision it is: names joined by ", "; "" when nobody is named
	Owner      string    `json:"owner"`      // the record's owner, "" when it has none
	When       string    `json:"when"`       // why it is asked now, in words
	Note       string    `json:"note"`       // what the decider should know, e.g. that a risk is above the threshold; "" when nothing
	Since      isms.Date `json:"since"`      // the date it is ordered by within its sort (the longest waiting first)
	Link       string    `json:"link"`       // where the record opens in the window
	Escalation bool      `json:"escalation"` // late work to escalate rather than a decision the workflow waits for
}

// The sorts of decision, in the order they are listed.
const (
	DecisionPolicy        = "policy_approval"
	DecisionRisk          = "risk_acceptance"
	DecisionObjective     = "objective_approval"
	DecisionReview        = "review_signoff"
	DecisionAudit         = "audit_closure"
	DecisionEffectiveness = "nc_effectiveness"
	DecisionLateAction    = "late_action"
	DecisionLateControl   = "late_control"
	DecisionLateNC        = "late_nonconformity"
	DecisionMajorNC       = "major_nonconformity"
)

// AwaitingAcceptance reports whether a risk waits for its owner's acceptance: treated, or
// assessed with acceptance chosen as its treatment, and not yet accepted.
func AwaitingAcceptance(r *isms.Risk) bool {
	return r.Status == isms.RiskTreated || (r.Status == isms.RiskAssessed && r.Treatment == isms.TreatAccept)
}

// ApprovalSorts are the decisions the workflows wait for, as the dashboard lists them.
var ApprovalSorts = []string{DecisionPolicy, DecisionRisk, DecisionObjective, DecisionReview, DecisionAudit, DecisionEffectiveness}

// ExecutiveSorts are the decisions a report's executive page asks of management.
var ExecutiveSorts = []string{DecisionRisk, DecisionObjective, DecisionLateAction, DecisionLateControl, DecisionLateNC, DecisionMajorNC}

// escalations are the sorts that escalate late work.
var escalations = map[string]bool{DecisionLateAction: true, DecisionLateControl: true, DecisionLateNC: true, DecisionMajorNC: true}

// Decisions lists the decisions of the sorts the records ask for, sort by sort in the
// order given, each sort the longest waiting first (by Since). The approvals, acceptances
// and sign-offs the workflows wait for: policy versions in review to approve or reject (by
// the policy's approver); risks awaiting the owner's acceptance (AwaitingAcceptance), the
// note saying whether the score is within the method's threshold or needs a reason;
// proposed objectives to approve (by Senior Management); management reviews held and not
// signed off (by the chair); audits reported and not closed (by the lead auditor);
// nonconformities awaiting their effectiveness review (by the owner). The escalations of
// late work: overdue actions, applicable controls past their implementation date (in
// Annex A order), open nonconformities past their due date, open major nonconformities.
func Decisions(recs Records, method isms.RiskMethod, today isms.Date, sorts ...string) []Decision {
	d := newDecider(recs)
	d.approvals(method, today)
	d.escalations(today)
	out := []Decision{}
	for _, s := range sorts {
		g := d.groups[s]
		sort.SliceStable(g, func(i, j int) bool { return g[i].Since < g[j].Since })
		out = append(out, g...)
	}
	return out
}

// Approvals lists the decisions the workflows wait for (ApprovalSorts; see Decisions).
func Approvals(recs Records, method isms.RiskMethod, today isms.Date) []Decision {
	return Decisions(recs, method, today, ApprovalSorts...)
}

// decider names people and collects the decisions by sort.
type decider struct {
	recs   Records
	names  map[string]string
	groups map[string][]Decision
}

func newDecider(recs Records) *decider {
	d := &decider{recs: recs, names: map[string]string{}, groups: map[string][]Decision{}}
	for _, r := range recs[isms.KindPerson] {
		d.names[r.Base().ID] = r.(*isms.Person).Name
	}
	return d
}

// name is a person's name, "(unknown person)" for a link to nobody stored, "" for none.
func (d *decider) name(id string) string {
	if id == "" {
		return ""
	}
	if n, ok := d.names[id]; ok {
		return n
	}
	return "(unknown person)"
}

// add keeps a decision of a sort.
func (d *decider) add(r isms.Record, sort, ask, what, who, owner, when string, since isms.Date) *Decision {
	t := r.Terms()
	d.groups[sort] = append(d.groups[sort], Decision{
		Key: string(r.Kind()) + "/" + r.Base().ID + "/" + sort, Sort: sort, Ask: ask, Kind: r.Kind(), ID: r.Base().ID,
		Ref: t.Ref, Title: t.Title, What: what, Who: who, Owner: owner, When: when, Since: since,
		Link: recordLink(r.Kind(), r.Base().ID), Escalation: escalations[sort],
	})
	g := d.groups[sort]
	return &g[len(g)-1]
}

// seniorManagers names the active people holding the Senior Management role, who approve
// objectives.
func (d *decider) seniorManagers() string {
	senior := map[string]bool{}
	for _, r := range d.recs[isms.KindRole] {
		if strings.EqualFold(strings.TrimSpace(r.(*isms.Role).Name), isms.RoleSeniorManagement) {
			senior[r.Base().ID] = true
		}
	}
	var out []string
	for _, r := range d.recs[isms.KindPerson] {
		p := r.(*isms.Person)
		if !p.Active {
			continue
		}
		for _, id := range p.RoleIDs {
			if senior[id] {
				out = append(out, p.Name)
				break
			}
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// approvals collects the decisions the workflows wait for.
func (d *decider) approvals(method isms.RiskMethod, today isms.Date) {
	recs := d.recs
	for _, r := range recs[isms.KindPolicy] {
		p := r.(*isms.Policy)
		cur := p.Current()
		if p.Status != isms.PolicyInReview || cur == nil {
			continue
		}
		when := "Version " + cur.Number + " sent for approval"
		if a := d.name(cur.AuthorID); a != "" {
			when += ", written by " + a
		}
		who := d.name(p.ApproverID)
		if who == "" {
			who = "No approver named"
		}
		d.add(p, DecisionPolicy, "Approve or reject the policy version",
			fmt.Sprintf("Approve version %s of %s", cur.Number, named(p.Ref, p.Title)), who, d.name(p.OwnerID), when, cur.CreatedOn)
	}
	for _, r := range recs[isms.KindRisk] {
		k := r.(*isms.Risk)
		if !AwaitingAcceptance(k) {
			continue
		}
		score, which := k.AcceptanceScore(), "Residual"
		if k.ResidualScore() == 0 {
			which = "Inherent (no residual assessed)"
		}
		level := strings.ToLower(isms.RiskLevels.Label(method.Level(score)))
		if level == "" {
			level = "not assessed"
		}
		owner := d.name(k.OwnerID)
		dc := d.add(k, DecisionRisk, "Accept the residual risk, or treat it further", "Accept the risk "+named(k.Ref, k.Title),
			owner, owner, fmt.Sprintf("%s: %s, score %d", which, level, score), k.IdentifiedOn)
		dc.Note = fmt.Sprintf("Within the acceptance threshold (%d)", method.Threshold)
		if score > method.Threshold {
			dc.Note = fmt.Sprintf("Above the acceptance threshold (%d): accepting it needs the owner's reason", method.Threshold)
		}
	}
	senior := d.seniorManagers()
	if senior == "" {
		senior = "Nobody holds Senior Management"
	}
	for _, r := range recs[isms.KindObjective] {
		o := r.(*isms.Objective)
		if o.Status != isms.ObjectiveProposed {
			continue
		}
		ready := "Ready: SMART complete"
		if !o.IsSMART() {
			ready = "Not yet SMART: complete it first"
		}
		d.add(o, DecisionObjective, "Approve the objective", "Approve the objective "+named(o.Ref, o.Title),
			senior, d.name(o.OwnerID), ready, o.DueDate)
	}
	for _, r := range recs[isms.KindReview] {
		rv := r.(*isms.Review)
		if rv.Status != isms.ReviewHeld {
			continue
		}
		chair := d.name(rv.ChairID)
		d.add(rv, DecisionReview, "Sign off the management review", "Sign off the management review "+named(rv.Ref, rv.Title),
			chair, chair, "Held on "+string(rv.Date)+", not signed off", rv.Date)
	}
	for _, r := range recs[isms.KindAudit] {
		a := r.(*isms.Audit)
		if a.Status != isms.AuditCompleted {
			continue
		}
		auditor := d.name(a.AuditorID)
		if auditor == "" {
			auditor = strings.TrimSpace(a.AuditorName)
		}
		on := a.ReportDate
		if on == "" {
			on = a.EndDate
		}
		when := "Reported"
		if on != "" {
			when += " on " + string(on)
		}
		d.add(a, DecisionAudit, "Close the reported audit", "Close the internal audit "+named(a.Ref, a.Title),
			auditor, auditor, when+", not closed", on)
	}
	for _, r := range recs[isms.KindNonconformity] {
		n := r.(*isms.Nonconformity)
		if n.Status != isms.NCEffectivenessReview {
			continue
		}
		when := "Corrective actions taken; no due date"
		if n.DueDate != "" {
			when = "Corrective actions taken; due " + string(n.DueDate)
			if n.DueDate.Before(today) {
				when += " (overdue)"
			}
		}
		owner := d.name(n.OwnerID)
		d.add(n, DecisionEffectiveness, "Review the effectiveness of the corrective actions",
			"Review the effectiveness of the corrective actions of "+named(n.Ref, n.Title), owner, owner, when, n.DueDate)
	}
}

// lateControl reports whether an applicable control is not implemented past its due date.
func lateControl(c *isms.Control, today isms.Date) bool {
	return c.Applicability == isms.ApplicabilityApplicable && c.Status != isms.ImplImplemented && c.DueDate != "" && c.DueDate.Before(today)
}

// ncLate reports whether an open nonconformity is past its due date.
func ncLate(n *isms.Nonconformity, today isms.Date) bool {
	return n.Status != isms.NCClosed && n.DueDate != "" && n.DueDate.Before(today)
}

// majorNCs returns the nonconformities raised from a major finding (the finding they
// came from, or a finding that names them).
func majorNCs(recs Records) map[string]bool {
	out := map[string]bool{}
	major := map[string]bool{}
	for _, r := range recs[isms.KindFinding] {
		f := r.(*isms.Finding)
		if f.Severity == isms.SeverityMajor {
			major[f.ID] = true
			if f.NonconformityID != "" {
				out[f.NonconformityID] = true
			}
		}
	}
	for _, r := range recs[isms.KindNonconformity] {
		if n := r.(*isms.Nonconformity); major[n.FindingID] {
			out[n.ID] = true
		}
	}
	return out
}

// escalations collects the late work management is asked to escalate.
func (d *decider) escalations(today isms.Date) {
	recs := d.recs
	due := func(on isms.Date) string {
		if on == "" {
			return "No due date"
		}
		if n := int(today.Time().Sub(on.Time()).Hours() / 24); n > 0 {
			return fmt.Sprintf("Due %s, %s ago", on, plural(n, "day", "days"))
		}
		return "Due " + string(on)
	}
	for _, r := range recs[isms.KindAction] {
		a := r.(*isms.Action)
		if a.Overdue(today) {
			owner := d.name(a.OwnerID)
			d.add(a, DecisionLateAction, "Escalate the overdue action", "Escalate the overdue action "+named(a.Ref, a.Title),
				owner, owner, due(a.DueDate), a.DueDate)
		}
	}
	rank := map[string]int{}
	for i, c := range isms.AnnexA() {
		rank[c.Ref] = i
	}
	var controls []*isms.Control
	for _, r := range recs[isms.KindControl] {
		if c := r.(*isms.Control); lateControl(c, today) {
			controls = append(controls, c)
		}
	}
	// Annex A controls in the standard's order, then the organisation's own by reference.
	sort.SliceStable(controls, func(i, j int) bool {
		ri, iok := rank[controls[i].Ref]
		rj, jok := rank[controls[j].Ref]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return controls[i].Ref < controls[j].Ref
	})
	for _, c := range controls {
		owner := d.name(c.OwnerID)
		d.add(c, DecisionLateControl, "Re-plan or resource the late control", "Re-plan or resource the late control "+named(c.Ref, c.Title),
			owner, owner, due(c.DueDate), c.DueDate)
	}
	for _, r := range recs[isms.KindNonconformity] {
		if n := r.(*isms.Nonconformity); ncLate(n, today) {
			owner := d.name(n.OwnerID)
			d.add(n, DecisionLateNC, "Escalate the nonconformity past its due date",
				"Escalate the nonconformity "+named(n.Ref, n.Title)+" past its due date", owner, owner, due(n.DueDate), n.DueDate)
		}
	}
	majors := majorNCs(recs)
	for _, r := range recs[isms.KindNonconformity] {
		n := r.(*isms.Nonconformity)
		if n.Status == isms.NCClosed || !majors[n.ID] {
			continue
		}
		owner := d.name(n.OwnerID)
		d.add(n, DecisionMajorNC, "Give the major nonconformity the resources to close",
			"Give the major nonconformity "+named(n.Ref, n.Title)+" the resources to close", owner, owner,
			"Open since "+string(n.DetectedOn)+"; stage: "+strings.ToLower(isms.NonconformityStatuses.Label(n.Status)), n.DetectedOn)
	}
}
