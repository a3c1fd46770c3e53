package overview

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// DueItem is one piece of work that is due or overdue: what is due, by when and by whom,
// and the record it belongs to.
type DueItem struct {
	Key       string    `json:"key"`       // stable per record and what is due: the calendar event's UID
	Kind      isms.Kind `json:"kind"`      // the record's kind
	Type      string    `json:"type"`      // what sort of work it is, one of DueTypes
	TypeLabel string    `json:"typeLabel"` // that sort for people, e.g. "Corrective action"
	ID        string    `json:"id"`        // the record's ID
	Ref       string    `json:"ref"`       // the record's reference, "" when it has none
	Title     string    `json:"title"`     // the record's title
	What      string    `json:"what"`      // what is due, in words
	Due       isms.Date `json:"due"`       // by when
	Overdue   bool      `json:"overdue"`   // whether the due date has passed
	Days      int       `json:"days"`      // days from today to the due date, negative when overdue
	PersonID  string    `json:"personId"`  // who is to do it, "" when nobody is named
	Who       string    `json:"who"`       // their name (or an external auditor's), "" when nobody is named
	Link      string    `json:"link"`      // where the record opens in the window
}

// The sorts of work the list of what is due holds.
const (
	DueAction           = "action"
	DueCorrectiveAction = "corrective_action"
	DueReviewAction     = "review_action"
	DueNonconformity    = "nonconformity"
	DuePolicyReview     = "policy_review"
	DueMeasurement      = "measurement"
	DueTraining         = "training"
	DueTrainingMissing  = "training_missing"
	DueTrainingRenewal  = "training_renewal"
	DueAudit            = "audit"
	DueReview           = "review"
	DueRiskReview       = "risk_review"
	DueMilestone        = "milestone"
	DueObjective        = "objective"
	DueEvidence         = "evidence"
	DueControlTask      = "control_task"
	DueControl          = "control"
	DueRequirement      = "requirement"
	DueImprovement      = "improvement"
	DueIssueReview      = "issue_review"
	DuePartyReview      = "party_review"
	DueAssetReview      = "asset_review"
	DueCampaign         = "campaign"
)

// DueTypes lists the sorts of work that can be due, with their labels.
var DueTypes = isms.Enum{
	{Value: DueCorrectiveAction, Label: "Corrective action"},
	{Value: DueReviewAction, Label: "Review action"},
	{Value: DueAction, Label: "Action"},
	{Value: DueNonconformity, Label: "Nonconformity"},
	{Value: DuePolicyReview, Label: "Policy review"},
	{Value: DueMeasurement, Label: "KPI measurement"},
	{Value: DueTraining, Label: "Training session"},
	{Value: DueTrainingMissing, Label: "Required training"},
	{Value: DueTrainingRenewal, Label: "Training renewal"},
	{Value: DueAudit, Label: "Internal audit"},
	{Value: DueReview, Label: "Management review"},
	{Value: DueRiskReview, Label: "Risk review"},
	{Value: DueMilestone, Label: "Milestone"},
	{Value: DueObjective, Label: "Objective"},
	{Value: DueEvidence, Label: "Evidence expiry"},
	{Value: DueControlTask, Label: "Control plan task"},
	{Value: DueControl, Label: "Control implementation"},
	{Value: DueRequirement, Label: "Requirement"},
	{Value: DueImprovement, Label: "Improvement"},
	{Value: DueIssueReview, Label: "Issue review"},
	{Value: DuePartyReview, Label: "Interested party review"},
	{Value: DueAssetReview, Label: "Asset review"},
	{Value: DueCampaign, Label: "Awareness campaign"},
}

// DefaultDueDays is how far ahead the list of what is due looks by default.
const DefaultDueDays = 30

// Due lists everything overdue on now's day and everything due within days after it,
// earliest first. Each kind decides by its own status whether its work is still open: a
// held training or review, an achieved objective, a done milestone or action, a closed
// nonconformity, a retired policy never appear.
func Due(tx *store.Tx, now time.Time, days int) ([]DueItem, error) {
	if days < 0 {
		days = 0
	}
	names, err := loadPeople(tx)
	if err != nil {
		return nil, err
	}
	today := isms.DateOf(now.UTC())
	d := &dueList{tx: tx, today: today, horizon: today.AddDate(0, 0, days), names: names, out: []DueItem{}}
	for _, step := range []func() error{
		d.actions, d.nonconformities, d.policies, d.kpis, d.trainings, d.audits, d.reviews, d.risks,
		d.milestones, d.objectives, d.evidence, d.controls, d.requirements, d.improvements, d.context,
	} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(d.out, func(i, j int) bool {
		a, b := d.out[i], d.out[j]
		if a.Due != b.Due {
			return a.Due < b.Due
		}
		return naturalLess(a.What, b.What)
	})
	return d.out, nil
}

// DueCount counts what is overdue on now's day or due within days after it.
func DueCount(tx *store.Tx, now time.Time, days int) (int, error) {
	items, err := Due(tx, now, days)
	return len(items), err
}

// dueList collects the due items of one day.
type dueList struct {
	tx      *store.Tx
	today   isms.Date
	horizon isms.Date
	names   people
	out     []DueItem
}

// add keeps an item when it has a due date within the horizon; overdue is the kind's own
// rule for whether the date has passed.
func (d *dueList) add(r isms.Record, typ, sub, what string, due isms.Date, overdue bool, personID string) {
	if due == "" || !due.Valid() || d.horizon.Before(due) {
		return
	}
	t := r.Terms()
	key := string(r.Kind()) + "/" + r.Base().ID + "/" + typ
	if sub != "" {
		key += "/" + sub
	}
	d.out = append(d.out, DueItem{
		Key: key, Kind: r.Kind(), Type: typ, TypeLabel: DueTypes.Label(typ), ID: r.Base().ID, Ref: t.Ref,
		Title: titleOf(d.tx, r, d.names), What: what, Due: due, Overdue: overdue,
		Days:     int(due.Time().Sub(d.today.Time()).Hours() / 24),
		PersonID: personID, Who: d.names[personID], Link: recordLink(r.Kind(), r.Base().ID),
	})
}

// recordLink is the window's route of a record.
func recordLink(kind isms.Kind, id string) string {
	if kind == isms.KindRequirement {
		return "/requirements/" + id
	}
	return "/records/" + kind.Plural() + "/" + id
}

// named is a record's reference and title as a sentence names it: "NC-004 Backup failed".
func named(ref, title string) string { return label(isms.Terms{Ref: ref, Title: title}) }

// refOf names the record of kind with id by its reference (or title), "" when it is gone.
func (d *dueList) refOf(kind isms.Kind, id string) string {
	if id == "" {
		return ""
	}
	r, err := d.tx.Get(kind, id)
	if err != nil {
		return ""
	}
	if t := r.Terms(); t.Ref != "" {
		return t.Ref
	}
	return r.Terms().Title
}

// past reports whether a due date is before today.
func (d *dueList) past(due isms.Date) bool { return due.Before(d.today) }

func (d *dueList) actions() error {
	return d.tx.Each(isms.KindAction, func(r isms.Record) error {
		a := r.(*isms.Action)
		if a.Finished() {
			return nil
		}
		typ, what := DueAction, "Action "+named(a.Ref, a.Title)
		switch {
		case a.NonconformityID != "":
			typ, what = DueCorrectiveAction, "Corrective action "+named(a.Ref, a.Title)
			if nc := d.refOf(isms.KindNonconformity, a.NonconformityID); nc != "" {
				what += " for " + nc
			}
		case a.ReviewID != "":
			typ, what = DueReviewAction, "Review action "+named(a.Ref, a.Title)
			if mr := d.refOf(isms.KindReview, a.ReviewID); mr != "" {
				what += " from " + mr
			}
		}
		d.add(a, typ, "", what, a.DueDate, a.Overdue(d.today), a.OwnerID)
		return nil
	})
}

// ncSteps say what is due at each open stage of a nonconformity (10.2).
var ncSteps = map[string]string{
	isms.NCOpen:                "Correction and containment of",
	isms.NCCorrection:          "Correction and containment of",
	isms.NCRootCause:           "Root cause analysis of",
	isms.NCCorrectiveAction:    "Corrective action of",
	isms.NCEffectivenessReview: "Effectiveness review of",
}

func (d *dueList) nonconformities() error {
	return d.tx.Each(isms.KindNonconformity, func(r isms.Record) error {
		n := r.(*isms.Nonconformity)
		step, open := ncSteps[n.Status]
		if !open {
			return nil // closed (or an unknown stage)
		}
		d.add(n, DueNonconformity, "", step+" "+named(n.Ref, n.Title), n.DueDate, d.past(n.DueDate), n.OwnerID)
		return nil
	})
}

func (d *dueList) policies() error {
	return d.tx.Each(isms.KindPolicy, func(r isms.Record) error {
		p := r.(*isms.Policy)
		if p.Status == isms.PolicyRetired {
			return nil
		}
		doc := isms.DocTypes.Label(p.DocType)
		if doc == "" || doc == p.DocType {
			doc = "Policy"
		}
		d.add(p, DuePolicyReview, "", doc+" review of "+named(p.Ref, p.Title), p.NextReviewDate, p.ReviewOverdue(d.today), p.OwnerID)
		return nil
	})
}

// kpis: a measurement of a KPI entered by hand is due one period of its frequency after
// its latest one (isms.KPI.NextDue, the rule the KPI status follows). An automated KPI is
// measured by the app when due, so it is nobody's work.
func (d *dueList) kpis() error {
	latest := map[string]isms.Date{}
	if err := d.tx.Each(isms.KindMeasurement, func(r isms.Record) error {
		m := r.(*isms.Measurement)
		if latest[m.KPIID] < m.Date {
			latest[m.KPIID] = m.Date
		}
		return nil
	}); err != nil {
		return err
	}
	return d.tx.Each(isms.KindKPI, func(r isms.Record) error {
		k := r.(*isms.KPI)
		if _, automated := k.Metric(); automated {
			return nil // measured by the app from the records when due: nobody's work
		}
		next := k.NextDue(latest[k.ID])
		what := "Measurement of " + named(k.Ref, k.Name)
		if f := isms.Frequencies.Label(k.Frequency); f != "" {
			what += " (" + strings.ToLower(f) + ")"
		}
		d.add(k, DueMeasurement, "", what, next, d.past(next), k.OwnerID)
		return nil
	})
}

// trainings: a planned session is due on its date until it is held or cancelled; a
// required training an active person has not attended (RequiredTrainings, the competence
// rule) is due from the session's date, once the session was held; an attendance with a
// renewal period is due for renewal when it expires.
func (d *dueList) trainings() error {
	needs, err := RequiredTrainings(d.tx, d.today)
	if err != nil {
		return err
	}
	waiting := map[string]int{} // planned training -> people who still need it
	for _, pn := range needs {
		for _, n := range pn.Needs {
			t := n.Training
			if n.Attended() {
				if n.Expires != "" {
					what := fmt.Sprintf("Renewal of required training %s for %s (attended on %s)", named(t.Ref, t.Topic), pn.Person.Name, n.AttendedOn)
					d.add(t, DueTrainingRenewal, pn.Person.ID, what, n.Expires, n.Expired, pn.Person.ID)
				}
				if n.Current() {
					continue
				}
				if t.Status == isms.TrainingPlanned {
					waiting[t.ID]++
				}
				continue
			}
			if t.Status == isms.TrainingPlanned {
				waiting[t.ID]++
				continue
			}
			if t.Status != isms.TrainingHeld {
				continue
			}
			what := fmt.Sprintf("Required training %s for %s (missed on %s)", named(t.Ref, t.Topic), pn.Person.Name, t.Date)
			d.add(t, DueTrainingMissing, pn.Person.ID, what, t.Date, d.past(t.Date), pn.Person.ID)
		}
	}
	return d.tx.Each(isms.KindTraining, func(r isms.Record) error {
		t := r.(*isms.Training)
		if t.Status != isms.TrainingPlanned {
			return nil
		}
		what := "Training session " + named(t.Ref, t.Topic) + " to hold"
		switch n := waiting[t.ID]; n {
		case 0:
		case 1:
			what += " (required for 1 person)"
		default:
			what += fmt.Sprintf(" (required for %d people)", n)
		}
		d.add(t, DueTraining, "", what, t.Date, d.past(t.Date), t.OwnerID)
		return nil
	})
}

func (d *dueList) audits() error {
	return d.tx.Each(isms.KindAudit, func(r isms.Record) error {
		a := r.(*isms.Audit)
		var what string
		due := a.StartDate
		switch a.Status {
		case isms.AuditPlanned:
			what = "Internal audit " + named(a.Ref, a.Title) + " to start"
		case isms.AuditInProgress:
			what = "Internal audit " + named(a.Ref, a.Title) + " to complete"
			if a.EndDate != "" {
				due = a.EndDate
			}
		default:
			return nil // reported, completed, closed or cancelled
		}
		n := len(d.out)
		d.add(a, DueAudit, "", what, due, d.past(due), a.AuditorID)
		if len(d.out) > n && a.AuditorID == "" {
			d.out[n].Who = strings.TrimSpace(a.AuditorName) // an external auditor has a name, not a record
		}
		return nil
	})
}

// reviews: a management review is due on its date until it is held; held and closed
// reviews are done. The next review date a closed review set is due until a later review
// is planned.
func (d *dueList) reviews() error {
	var all []*isms.Review
	if err := d.tx.Each(isms.KindReview, func(r isms.Record) error {
		all = append(all, r.(*isms.Review))
		return nil
	}); err != nil {
		return err
	}
	var last isms.Date
	for _, rv := range all {
		if last < rv.Date {
			last = rv.Date
		}
	}
	for _, rv := range all {
		if rv.Status != isms.ReviewHeld && rv.Status != isms.ReviewClosed {
			d.add(rv, DueReview, "", "Management review "+named(rv.Ref, rv.Title)+" to hold", rv.Date, d.past(rv.Date), rv.ChairID)
			continue
		}
		if rv.NextReviewDate != "" && rv.Date == last {
			d.add(rv, DueReview, "next", "Next management review (after "+named(rv.Ref, rv.Title)+") to plan and hold",
				rv.NextReviewDate, d.past(rv.NextReviewDate), rv.ChairID)
		}
	}
	return nil
}

// risks: a risk's review is due on its review date until the risk is closed (an accepted
// risk is still reviewed).
func (d *dueList) risks() error {
	return d.tx.Each(isms.KindRisk, func(r isms.Record) error {
		k := r.(*isms.Risk)
		if k.Status == isms.RiskClosed {
			return nil
		}
		d.add(k, DueRiskReview, "", "Risk review of "+named(k.Ref, k.Title), k.ReviewDate, d.past(k.ReviewDate), k.OwnerID)
		return nil
	})
}

func (d *dueList) milestones() error {
	return d.tx.Each(isms.KindMilestone, func(r isms.Record) error {
		m := r.(*isms.Milestone)
		if m.Status == isms.MilestoneDone {
			return nil
		}
		d.add(m, DueMilestone, "", fmt.Sprintf("Milestone %s (month %d)", m.Title, m.Month), m.DueDate, m.Overdue(d.today), m.OwnerID)
		return nil
	})
}

// objectives: an objective is due by its deadline until it is achieved, missed (the
// verdict is given) or cancelled.
func (d *dueList) objectives() error {
	return d.tx.Each(isms.KindObjective, func(r isms.Record) error {
		o := r.(*isms.Objective)
		switch o.Status {
		case isms.ObjectiveAchieved, isms.ObjectiveMissed, isms.ObjectiveCancelled:
			return nil
		}
		d.add(o, DueObjective, "", "Objective "+named(o.Ref, o.Title)+" to achieve", o.DueDate, d.past(o.DueDate), o.OwnerID)
		return nil
	})
}

func (d *dueList) evidence() error {
	return d.tx.Each(isms.KindEvidence, func(r isms.Record) error {
		e := r.(*isms.Evidence)
		what := "Evidence " + e.Title + " expires"
		if e.Expired(d.today) {
			what = "Evidence " + e.Title + " has expired: renew it"
		}
		if on := d.refOf(e.TargetKind, e.TargetID); on != "" {
			what += " (for " + on + ")"
		}
		d.add(e, DueEvidence, "", what, e.ExpiresOn, e.Expired(d.today), e.AddedByID)
		return nil
	})
}

// controls: an applicable control's implementation is due by its due date until it is
// implemented; each open task of its plan is due by its own date.
func (d *dueList) controls() error {
	return d.tx.Each(isms.KindControl, func(r isms.Record) error {
		c := r.(*isms.Control)
		if c.Applicability == isms.ApplicabilityNotApplicable || c.Status == isms.ImplNotApplicable {
			return nil
		}
		for i, t := range c.Tasks {
			if t.Done {
				continue
			}
			who := t.OwnerID
			if who == "" {
				who = c.OwnerID
			}
			d.add(c, DueControlTask, fmt.Sprintf("%d-%s", i, t.Title), "Plan task of "+named(c.Ref, c.Title)+": "+t.Title,
				t.DueDate, d.past(t.DueDate), who)
		}
		if c.Status != isms.ImplImplemented {
			d.add(c, DueControl, "", "Implementation of control "+named(c.Ref, c.Title), c.DueDate, d.past(c.DueDate), c.OwnerID)
		}
		return nil
	})
}

// requirements: compliance with an applicable requirement is due by its date until it is
// compliant.
// requirements: read through the due index, only those due inside the window (a register
// can hold tens of thousands, most without a due date).
func (d *dueList) requirements() error {
	ids, err := d.tx.DueBefore(isms.KindRequirement, d.horizon.Time().AddDate(0, 0, 1))
	if err != nil {
		return err
	}
	for _, id := range ids {
		q, err := store.GetAs[*isms.Requirement](d.tx, isms.KindRequirement, id)
		if err != nil {
			return err
		}
		if !q.Applicable || q.Status == isms.ComplianceCompliant || q.Status == isms.ComplianceNotApplicable {
			continue
		}
		d.add(q, DueRequirement, "", "Compliance with "+named(q.Ref, q.Title), q.DueDate, d.past(q.DueDate), q.OwnerID)
	}
	return nil
}

func (d *dueList) improvements() error {
	return d.tx.Each(isms.KindImprovement, func(r isms.Record) error {
		i := r.(*isms.Improvement)
		if i.Status == isms.ImprovementDone || i.Status == isms.ImprovementRejected {
			return nil
		}
		d.add(i, DueImprovement, "", "Improvement "+named(i.Ref, i.Title)+" to complete", i.DueDate, d.past(i.DueDate), i.OwnerID)
		return nil
	})
}

// context: the reviews of issues, interested parties and assets, and the end of running
// awareness campaigns.
func (d *dueList) context() error {
	if err := d.tx.Each(isms.KindIssue, func(r isms.Record) error {
		i := r.(*isms.Issue)
		if i.Status != isms.IssueClosed {
			d.add(i, DueIssueReview, "", "Review of issue "+named(i.Ref, i.Title), i.NextReview, d.past(i.NextReview), i.OwnerID)
		}
		return nil
	}); err != nil {
		return err
	}
	if err := d.tx.Each(isms.KindParty, func(r isms.Record) error {
		p := r.(*isms.Party)
		d.add(p, DuePartyReview, "", "Review of interested party "+named(p.Ref, p.Name), p.NextReview, d.past(p.NextReview), p.OwnerID)
		return nil
	}); err != nil {
		return err
	}
	if err := d.tx.Each(isms.KindAsset, func(r isms.Record) error {
		a := r.(*isms.Asset)
		if a.Status != isms.AssetRetired {
			d.add(a, DueAssetReview, "", "Review of asset "+named(a.Ref, a.Name), a.ReviewDate, d.past(a.ReviewDate), a.OwnerID)
		}
		return nil
	}); err != nil {
		return err
	}
	return d.tx.Each(isms.KindCampaign, func(r isms.Record) error {
		c := r.(*isms.Campaign)
		if c.Status == isms.CampaignPlanned || c.Status == isms.CampaignActive {
			d.add(c, DueCampaign, "", "Awareness campaign "+named(c.Ref, c.Title)+" to complete", c.EndDate, d.past(c.EndDate), c.OwnerID)
		}
		return nil
	})
}
