package importer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// The registers of the other areas (objectives, KPIs, policies, trainings, campaigns,
// communications, nonconformities, actions, improvements and feedback) are imported one
// record a row. A row matches a stored record by its reference; the kinds whose
// reference is optional or missing also match by their natural key (a training by topic
// and date, a campaign by title and start date, a communication by date and subject,
// feedback by date and text). People are found or added by name or e-mail, linked
// records by reference or title. The area's own rules apply as they do in the window
// (package isms), and what only a workflow changes (a policy's approval and
// publication, a nonconformity's effectiveness review and closing, an objective's
// approval, feedback converted or raised) is never changed by an import: a row that
// asks for it is a problem that says where to do it.

// regSpec says how the rows of one register kind become records.
type regSpec struct {
	kind isms.Kind
	// paths are the JSON paths of the fields whose name is not their JSON name.
	paths map[string]string
	// people are the fields that name a person; links the fields that name records of a
	// kind by reference or title (a path ending in "Ids" holds a list).
	people []string
	links  map[string]isms.Kind
	// keep are the fields whose blank cell keeps the stored value (counted when 0).
	keep []string
	// natural is the match key of a kind whose reference is optional or missing.
	natural func(isms.Record) string
	// defaults fills in what a new record starts with before the row's values.
	defaults func(isms.Record)
	// check applies the area's rules; old is nil for a new record. It may adjust rec.
	check func(r *resolver, old, rec isms.Record) error
	// locked says, for a field only a workflow changes, where it is changed.
	locked map[string]string
}

// today is the day rules that need one are applied on (a done action without a date).
func today() isms.Date { return isms.DateOf(time.Now()) }

func naturalKey(parts ...string) string {
	for i, p := range parts {
		parts[i] = fold(p)
	}
	return strings.Join(parts, "|")
}

var registers = map[string]*regSpec{
	xlsx.KindObjectives: {kind: isms.KindObjective,
		paths: map[string]string{"owner": "ownerId", "kpis": "kpiIds"}, people: []string{"owner"},
		links:    map[string]isms.Kind{"kpis": isms.KindKPI},
		defaults: func(rec isms.Record) { rec.(*isms.Objective).Status = isms.ObjectiveProposed },
		check: func(_ *resolver, old, rec isms.Record) error {
			o := &isms.Objective{Status: isms.ObjectiveProposed}
			if old != nil {
				o = old.(*isms.Objective)
			}
			return isms.CheckObjectiveChange(o, rec.(*isms.Objective))
		}},
	xlsx.KindKPIs: {kind: isms.KindKPI,
		paths:  map[string]string{"owner": "ownerId", "objective": "objectiveId", "control": "controlId"},
		people: []string{"owner"}, links: map[string]isms.Kind{"objective": isms.KindObjective, "control": isms.KindControl},
		defaults: func(rec isms.Record) {
			k := rec.(*isms.KPI)
			k.Frequency, k.Direction, k.Active = isms.FrequencyMonthly, isms.HigherIsBetter, true
		}},
	xlsx.KindPolicies: {kind: isms.KindPolicy,
		paths:    map[string]string{"owner": "ownerId", "approver": "approverId", "controls": "controlIds", "version": firstVersion},
		people:   []string{"owner", "approver"},
		defaults: func(rec isms.Record) { rec.(*isms.Policy).DocType = isms.DocPolicy },
		check:    checkPolicy,
		locked:   map[string]string{"status": "the status of a policy's current version changes only through its approval workflow in ISMS Desk (Policies): an import never approves or publishes"}},
	xlsx.KindTrainings: {kind: isms.KindTraining,
		paths: map[string]string{"owner": "ownerId", "roles": "roleIds"}, people: []string{"owner"},
		links: map[string]isms.Kind{"roles": isms.KindRole},
		natural: func(rec isms.Record) string {
			t := rec.(*isms.Training)
			return naturalKey(t.Topic, string(t.Date))
		},
		defaults: func(rec isms.Record) { rec.(*isms.Training).Status = isms.TrainingPlanned }},
	xlsx.KindCampaigns: {kind: isms.KindCampaign,
		paths: map[string]string{"owner": "ownerId", "roles": "roleIds"}, people: []string{"owner"},
		links: map[string]isms.Kind{"roles": isms.KindRole},
		natural: func(rec isms.Record) string {
			c := rec.(*isms.Campaign)
			return naturalKey(c.Title, string(c.StartDate))
		},
		defaults: func(rec isms.Record) { rec.(*isms.Campaign).Status = isms.CampaignPlanned },
		check: func(r *resolver, old, rec isms.Record) error {
			c := rec.(*isms.Campaign)
			if o, ok := old.(*isms.Campaign); ok && c.AudienceSize == o.AudienceSize && !sameStrings(o.RoleIDs, c.RoleIDs) {
				c.AudienceSize = 0 // its roles changed: counted again
			}
			if c.AudienceSize == 0 {
				people, err := r.reg.allPeople(r)
				if err != nil {
					return err
				}
				c.AudienceSize = isms.AudienceOf(people, c.RoleIDs)
			}
			return nil
		}},
	xlsx.KindCommunications: {kind: isms.KindCommunication,
		paths:  map[string]string{"owner": "ownerId", "roles": "roleIds", "campaign": "campaignId"},
		people: []string{"owner"}, links: map[string]isms.Kind{"roles": isms.KindRole, "campaign": isms.KindCampaign},
		keep: []string{"audienceSize", "reach"},
		natural: func(rec isms.Record) string {
			c := rec.(*isms.Communication)
			return naturalKey(string(c.Date), c.Subject)
		},
		check: func(r *resolver, old, rec isms.Record) error {
			c := rec.(*isms.Communication)
			if o, ok := old.(*isms.Communication); ok && c.AudienceSize == o.AudienceSize &&
				(!sameStrings(o.RoleIDs, c.RoleIDs) || o.CampaignID != c.CampaignID) {
				c.AudienceSize = 0 // its audience changed: counted again
			}
			people, err := r.reg.allPeople(r)
			if err != nil {
				return err
			}
			var campaign *isms.Campaign
			if c.CampaignID != "" {
				if rec, err := r.tx.Get(isms.KindCampaign, c.CampaignID); err == nil {
					campaign = rec.(*isms.Campaign)
				}
			}
			c.Count(people, campaign)
			return nil
		}},
	xlsx.KindNonconformities: {kind: isms.KindNonconformity,
		paths: map[string]string{"owner": "ownerId", "reviewedOn": "effectiveness.reviewedOn", "verdict": "effectiveness.verdict",
			"reviewer": "effectiveness.reviewerId", "effectivenessComment": "effectiveness.comment"},
		people: []string{"owner", "reviewer"},
		defaults: func(rec isms.Record) {
			n := rec.(*isms.Nonconformity)
			n.Status, n.Source = isms.NCOpen, isms.NCSourceOther
		},
		check: checkNonconformity,
		locked: map[string]string{
			"reviewedOn": ncEffectiveness, "verdict": ncEffectiveness, "reviewer": ncEffectiveness, "effectivenessComment": ncEffectiveness,
			"closedOn": "a nonconformity is closed with Close in ISMS Desk (Corrective actions), never by an import",
		}},
	xlsx.KindActions: {kind: isms.KindAction,
		paths: map[string]string{"owner": "ownerId"}, people: []string{"owner"},
		defaults: func(rec isms.Record) { rec.(*isms.Action).Status = isms.ActionOpen },
		check: func(_ *resolver, old, rec isms.Record) error {
			o := &isms.Action{}
			if old != nil {
				o = old.(*isms.Action)
			}
			return isms.CheckActionChange(o, rec.(*isms.Action), today())
		},
		locked: map[string]string{"completedOn": "is only set when the action is done"}},
	xlsx.KindImprovements: {kind: isms.KindImprovement,
		paths: map[string]string{"owner": "ownerId"}, people: []string{"owner"},
		defaults: func(rec isms.Record) { rec.(*isms.Improvement).Status = isms.ImprovementProposed },
		check: func(_ *resolver, old, rec isms.Record) error {
			o := &isms.Improvement{}
			if old != nil {
				o = old.(*isms.Improvement)
			}
			return isms.CheckImprovementChange(o, rec.(*isms.Improvement), today())
		},
		locked: map[string]string{"completedOn": "is only set when the improvement is done"}},
	xlsx.KindFeedback: {kind: isms.KindFeedback,
		natural: func(rec isms.Record) string {
			f := rec.(*isms.Feedback)
			return naturalKey(string(f.Date), f.Text)
		},
		defaults: func(rec isms.Record) { rec.(*isms.Feedback).Status = isms.FeedbackNew },
		check:    checkFeedback,
		locked:   map[string]string{"status": "feedback is converted to an improvement or raised as a nonconformity in ISMS Desk (Feedback), never by an import"}},
}

const ncEffectiveness = "the effectiveness review is recorded at the effectiveness review stage in ISMS Desk (Corrective actions), never by an import"

// firstVersion is the path of a policy row's version number: no field of the record, read
// by checkPolicy.
const firstVersion = "_firstVersion"

// checkPolicy keeps a policy's versions, workflow and reviews as they are: a new policy
// starts with a draft version written by its owner, like one added in the window, its
// number the row's (1.0 without one).
func checkPolicy(r *resolver, old, rec isms.Record) error {
	p := rec.(*isms.Policy)
	o, ok := old.(*isms.Policy)
	if !ok { // the locked check names a status other than draft
		p.Versions, p.Reviews, p.Status, p.LastReviewed = nil, nil, isms.PolicyDraft, ""
		if err := isms.CheckPolicyChange(&isms.Policy{}, p); err != nil {
			return err
		}
		number, _ := r.reg.row[firstVersion].(string)
		if number == "" {
			number = "1.0"
		}
		return p.NewVersion(number, "First issue", "", p.OwnerID, today())
	}
	p.Versions, p.Reviews, p.LastReviewed, p.Status = o.Versions, o.Reviews, o.LastReviewed, o.Status
	return isms.CheckPolicyChange(o, p)
}

// checkNonconformity applies the rules of a nonconformity's stages: a new one is
// recorded at the stage its steps reach; an edit moves one step at a time, and from the
// effectiveness review on every corrective action is done.
func checkNonconformity(r *resolver, old, rec isms.Record) error {
	n := rec.(*isms.Nonconformity)
	if n.DetectedOn.Valid() && today().Before(n.DetectedOn) {
		return &isms.Error{Code: isms.CodeInvalid, Message: "a nonconformity is recorded once detected",
			Fields: map[string]string{"detectedOn": "must not be after today (" + string(today()) + ")"}}
	}
	if o, ok := old.(*isms.Nonconformity); ok {
		if err := isms.CheckNonconformityChange(o, n); err != nil {
			return err
		}
	} else if n.Status == isms.NCClosed || n.ClosedOn != "" || n.Effectiveness != (isms.Effectiveness{}) {
		n.Effectiveness, n.ClosedOn = isms.Effectiveness{}, "" // the locked check names them
		if n.Status == isms.NCClosed {
			return &isms.Error{Code: isms.CodeInvalid, Message: "a nonconformity is closed with Close, after its effectiveness review",
				Fields: map[string]string{"status": "is set to closed by Close in ISMS Desk, never by an import; to record the row as an open nonconformity, choose no column for Status" + xlsx.FlagHint("--unmap status")}}
		}
	}
	var actions []*isms.Action
	for _, id := range n.CorrectiveActionIDs {
		if a, err := r.tx.Get(isms.KindAction, id); err == nil {
			actions = append(actions, a.(*isms.Action))
		} else if isms.ErrorCode(err) != isms.CodeNotFound {
			return err
		}
	}
	return n.CheckActions(actions)
}

// checkFeedback keeps the improvement or nonconformity a feedback item became.
func checkFeedback(_ *resolver, old, rec isms.Record) error {
	f := rec.(*isms.Feedback)
	if f.Date.Valid() && today().Before(f.Date) {
		return &isms.Error{Code: isms.CodeInvalid, Message: "feedback is recorded once given",
			Fields: map[string]string{"date": "must not be after today (" + string(today()) + ")"}}
	}
	o, _ := old.(*isms.Feedback)
	if o == nil {
		o = &isms.Feedback{Status: isms.FeedbackNew}
	}
	f.ImprovementID, f.NonconformityID = o.ImprovementID, o.NonconformityID
	if f.Status != o.Status && (f.Status == isms.FeedbackConverted || f.Status == isms.FeedbackRaised ||
		o.Status == isms.FeedbackConverted || o.Status == isms.FeedbackRaised) {
		f.Status = o.Status // the locked check names it
	}
	return nil
}

func sameStrings(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// register is the state of one register import: the stored records by match key, the
// keys the file used, the linked records' indexes and each date column's order.
type registerPlan struct {
	spec    *regSpec
	fields  []xlsx.Field
	have    map[string][]isms.Record // "ref:" + folded ref, or "n:" + natural key
	seen    map[string]int           // match key -> Excel row that first had it
	refs    map[string]int           // folded ref -> Excel row that first had it
	linked  map[isms.Kind]map[string][]string
	people  []*isms.Person
	loaded  bool
	locales map[string]xlsx.Locale
	row     map[string]any // the values of the row being checked, by path
}

// loadRegister indexes the stored records of a register kind.
func (r *resolver) loadRegister(spec *regSpec) error {
	fields, err := xlsx.Fields(r.p.Request.Kind)
	if err != nil {
		return err
	}
	g := &registerPlan{spec: spec, fields: fields, have: map[string][]isms.Record{}, seen: map[string]int{}, refs: map[string]int{},
		linked: map[isms.Kind]map[string][]string{}}
	r.reg = g
	return r.tx.Each(spec.kind, func(rec isms.Record) error {
		if ref := rec.Terms().Ref; ref != "" {
			g.have["ref:"+fold(ref)] = append(g.have["ref:"+fold(ref)], rec)
		}
		if spec.natural != nil {
			k := "n:" + spec.natural(rec)
			g.have[k] = append(g.have[k], rec)
		}
		return nil
	})
}

// allPeople returns the stored people (read once) and those the import adds.
func (g *registerPlan) allPeople(r *resolver) ([]*isms.Person, error) {
	if !g.loaded {
		g.loaded = true
		if err := r.tx.Each(isms.KindPerson, func(rec isms.Record) error {
			g.people = append(g.people, rec.(*isms.Person))
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return append(slices.Clip(g.people), r.p.people...), nil
}

// dateOrders reads each date column's order from its dates written as numbers, as the
// other kinds do: a first part above 12 is day-first, a second part above 12 month-first;
// without evidence (or with both) the request's locale decides.
func (r *resolver) dateOrders(results []xlsx.RowResult) {
	if r.reg == nil {
		return
	}
	r.reg.locales = map[string]xlsx.Locale{}
	for _, f := range r.reg.fields {
		if f.Type != xlsx.TypeDate {
			continue
		}
		day, month := false, false
		for _, res := range results {
			d, m := xlsx.DateOrderOf(strings.TrimSpace(res.Values.Get(f.Name)))
			day, month = day || d, month || m
		}
		loc := r.p.Mapping.Locale
		if day != month {
			loc.DayFirst = day
		}
		r.reg.locales[f.Name] = loc
	}
}

// path is the JSON path of a field.
func (g *registerPlan) path(field string) string {
	if p, ok := g.spec.paths[field]; ok {
		return p
	}
	return field
}

// fieldOf is the field a JSON path (of a validation error) is reported on.
func (g *registerPlan) fieldOf(path string) string {
	for f, p := range g.spec.paths {
		if p == path {
			return f
		}
	}
	if strings.HasPrefix(path, "versions") {
		return "status"
	}
	for _, f := range g.fields {
		if f.Name == path {
			return f.Name
		}
	}
	return ""
}

// values parses a row's cells into JSON values by path; blank cells of enums, yes/no and
// the kept fields are left out, so that they keep the stored value (or the default).
func (r *resolver) values(res xlsx.RowResult, problem func(field, msg string)) map[string]any {
	g := r.reg
	out := map[string]any{}
	for _, f := range g.fields {
		raw, mapped := res.Values.Lookup(f.Name)
		if !mapped {
			continue
		}
		v := strings.TrimSpace(raw)
		path := g.path(f.Name)
		blank := v == ""
		if blank && (f.Type == xlsx.TypeEnum || f.Type == xlsx.TypeBool || slices.Contains(g.spec.keep, f.Name)) {
			continue
		}
		switch {
		case slices.Contains(g.spec.people, f.Name):
			id := r.personFrom(f.Name, v, "")
			if id == "" && !blank {
				continue // a name from a guessed column that is no one: the stored person stays
			}
			out[path] = id
		case f.Name == "controls":
			ids := r.controls(res.Values, problem)
			if ids == nil {
				ids = []string{}
			}
			out[path] = ids
		case g.spec.links[f.Name] != "":
			ids := r.linkIDs(g.spec.links[f.Name], f, v, problem)
			if strings.HasSuffix(path, "Ids") {
				out[path] = ids
			} else if len(ids) > 1 {
				problem(f.Name, fmt.Sprintf("names more than one record (%s): give one", v))
			} else {
				out[path] = strings.Join(ids, "")
			}
		case f.Name == "channels":
			out[path] = channels(f, v, problem)
		case f.Type == xlsx.TypeDate:
			d, err := xlsx.ParseDate(v, g.locales[f.Name])
			if err != nil {
				problem(f.Name, err.Error())
			}
			out[path] = string(d)
		case f.Type == xlsx.TypeEnum:
			e, err := xlsx.ParseEnum(f.Enum, v)
			if err != nil {
				problem(f.Name, err.Error())
			}
			out[path] = e
		case f.Type == xlsx.TypeBool:
			b, err := xlsx.ParseBool(v)
			if err != nil {
				problem(f.Name, err.Error())
			}
			out[path] = b
		case f.Type == xlsx.TypeInt:
			n, err := parseCount(f.Name, v)
			if err != nil {
				problem(f.Name, err.Error())
			}
			out[path] = n
		case f.Type == xlsx.TypeFloat, f.Type == xlsx.TypePercent:
			x := 0.0
			if f.Name == "target" { // "<5%", "≥ 95 %": the target, and which way is better
				if rest, dir := targetDirection(v); dir != "" {
					v = rest
					if hasField(g.fields, "direction") && strings.TrimSpace(res.Values.Get("direction")) == "" {
						out[g.path("direction")] = dir
					}
				}
			}
			if !blank {
				var err error
				if x, err = xlsx.ParseNumber(v); err != nil || f.Type == xlsx.TypePercent {
					if x, err = xlsx.ParsePercent(v); err != nil {
						problem(f.Name, err.Error())
					}
				}
			}
			out[path] = x
		case f.Type == xlsx.TypeMultiline:
			out[path] = v
		default:
			out[path] = strings.Join(strings.Fields(v), " ")
		}
	}
	// no direction given: an amber threshold above the target says lower is better
	if _, given := out[g.path("direction")]; !given && hasField(g.fields, "direction") && strings.TrimSpace(res.Values.Get("amber")) != "" {
		t, okT := out[g.path("target")].(float64)
		a, okA := out[g.path("amber")].(float64)
		if okT && okA && a > t {
			out[g.path("direction")] = isms.LowerIsBetter
		}
	}
	// lower is better and no amber threshold: none (amber at the target), not 0 below it
	if dir, _ := out[g.path("direction")].(string); dir == isms.LowerIsBetter && strings.TrimSpace(res.Values.Get("amber")) == "" {
		if t, ok := out[g.path("target")].(float64); ok {
			out[g.path("amber")] = t
		}
	}
	// a target or threshold written in percent ("95%") gives the unit a KPI without one has
	hasUnit := slices.ContainsFunc(g.fields, func(f xlsx.Field) bool { return f.Name == "unit" })
	if hasUnit && strings.TrimSpace(res.Values.Get("unit")) == "" {
		for _, f := range []string{"target", "amber"} {
			if strings.HasSuffix(strings.TrimSpace(res.Values.Get(f)), "%") {
				out[g.path("unit")] = "%"
				break
			}
		}
	}
	// a register without titles: the first line of the text that describes the record
	if from := titleFrom[g.spec.kind]; from != "" && strings.TrimSpace(res.Values.Get("title")) == "" {
		if d, _ := out[from].(string); d != "" {
			out["title"] = firstLine(d)
		}
	}
	return out
}

// targetDirection reads a target written with a comparison ("<5%", "≥ 95"): the number
// and the direction it gives (lower or higher is better), or v and "".
func targetDirection(v string) (string, string) {
	for _, c := range []struct{ op, dir string }{{"<=", isms.LowerIsBetter}, {"≤", isms.LowerIsBetter}, {"<", isms.LowerIsBetter},
		{">=", isms.HigherIsBetter}, {"≥", isms.HigherIsBetter}, {">", isms.HigherIsBetter}} {
		if rest, ok := strings.CutPrefix(v, c.op); ok {
			return strings.TrimSpace(rest), c.dir
		}
	}
	return v, ""
}

// titleFrom names the field whose first line titles a record whose row has no title.
var titleFrom = map[isms.Kind]string{isms.KindNonconformity: "description", isms.KindImprovement: "goal"}

// firstLine is a text's first line, cut to a title's length.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	if r := []rune(strings.TrimSpace(line)); len(r) > 300 {
		return string(r[:299]) + "…"
	}
	return strings.TrimSpace(line)
}

// parseCount reads a whole number; review cycles and renewals also read as periods.
func parseCount(field, v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	if field == "reviewCycleMonths" || field == "renewalMonths" {
		return xlsx.ParseMonths(v)
	}
	n, err := xlsx.ParseInt(v)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, fmt.Errorf("expected a number of 0 or more, got %q", v)
	}
	return n, nil
}

// channels reads a list of channels ("E-mail; Intranet").
func channels(f xlsx.Field, v string, problem func(field, msg string)) []string {
	out := []string{}
	for _, part := range strings.FieldsFunc(v, func(c rune) bool { return c == ';' || c == ',' || c == '\n' || c == '/' }) {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		c, err := xlsx.ParseEnum(f.Enum, part)
		if err != nil {
			problem(f.Name, err.Error())
			continue
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// linkIDs resolves a cell naming records of a kind, one a line or separated by ";" (or
// ","), by reference, title, or both ("KPI-01 Phishing click rate").
func (r *resolver) linkIDs(kind isms.Kind, f xlsx.Field, v string, problem func(field, msg string)) []string {
	idx, ok := r.reg.linked[kind]
	if !ok {
		idx = map[string][]string{}
		err := r.tx.Each(kind, func(rec isms.Record) error {
			t := rec.Terms()
			id := rec.Base().ID
			for _, k := range []string{t.Ref, t.Title, strings.TrimSpace(t.Ref + " " + t.Title)} {
				if k = fold(k); k != "" && !slices.Contains(idx[k], id) {
					idx[k] = append(idx[k], id)
				}
			}
			return nil
		})
		if err != nil {
			problem(f.Name, "the stored records could not be read: "+err.Error())
			return nil
		}
		r.reg.linked[kind] = idx
	}
	ids := []string{}
	var unknown, ambiguous []string
	find := func(part string) bool {
		got := idx[fold(part)]
		if c, ok := xlsx.ResolveControl(part, ""); ok && len(got) == 0 && kind == isms.KindControl {
			got = idx[fold(c.Ref)] // 6.3 or A 06.03 is A.6.3
		}
		switch len(got) {
		case 0:
			return false
		case 1:
			if !slices.Contains(ids, got[0]) {
				ids = append(ids, got[0])
			}
		default:
			ambiguous = append(ambiguous, part)
		}
		return true
	}
	for _, part := range strings.FieldsFunc(v, func(c rune) bool { return c == ';' || c == '\n' }) {
		if part = strings.TrimSpace(part); part == "" || find(part) {
			continue
		}
		all := true
		for _, p := range strings.Split(part, ",") {
			if p = strings.TrimSpace(p); p != "" && idx[fold(p)] == nil {
				if c, ok := xlsx.ResolveControl(p, ""); !ok || kind != isms.KindControl || idx[fold(c.Ref)] == nil {
					all = false
				}
			}
		}
		if !all || !strings.Contains(part, ",") {
			unknown = append(unknown, part)
			continue
		}
		for _, p := range strings.Split(part, ",") {
			if p = strings.TrimSpace(p); p != "" {
				find(p)
			}
		}
	}
	noun := strings.ToLower(kind.Label())
	if len(unknown) > 0 {
		problem(f.Name, fmt.Sprintf("names no %s: %s (use the reference or exact name of one in ISMS Desk)", singularOf(kind), strings.Join(unknown, ", ")))
	}
	if len(ambiguous) > 0 {
		problem(f.Name, fmt.Sprintf("%s name more than one of the %s: use a reference", strings.Join(ambiguous, ", "), noun))
	}
	return ids
}

// singularOf names one record of a kind in a message.
func singularOf(k isms.Kind) string {
	switch k {
	case isms.KindKPI:
		return "KPI"
	case isms.KindRole:
		return "role"
	case isms.KindObjective:
		return "objective"
	case isms.KindControl:
		return "control"
	case isms.KindCampaign:
		return "campaign"
	}
	return string(k)
}

// setPath sets a JSON value at a dotted path.
func setPath(m map[string]any, path string, v any) {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		m[head] = v
		return
	}
	sub, ok := m[head].(map[string]any)
	if !ok {
		sub = map[string]any{}
		m[head] = sub
	}
	setPath(sub, rest, v)
}

// getPath reads the JSON value at a dotted path.
func getPath(m map[string]any, path string) any {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		return m[head]
	}
	sub, _ := m[head].(map[string]any)
	return getPath(sub, rest)
}

func jsonMap(v any) (map[string]any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, json.Unmarshal(raw, &m)
}

// build makes the record a row describes: the stored one (or a new one with the kind's
// defaults) with the row's values set.
func (g *registerPlan) build(old isms.Record, vals map[string]any) (isms.Record, error) {
	base := old
	if base == nil {
		var err error
		if base, err = isms.New(g.spec.kind); err != nil {
			return nil, err
		}
		if g.spec.defaults != nil {
			g.spec.defaults(base)
		}
	}
	m, err := jsonMap(base)
	if err != nil {
		return nil, err
	}
	for p, v := range vals {
		if old != nil && sameJSON(getPath(m, p), v) {
			continue // a list read back in another order is the same list
		}
		setPath(m, p, v)
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	out, err := isms.New(g.spec.kind)
	if err != nil {
		return nil, err
	}
	return out, json.Unmarshal(raw, out)
}

// sameJSON reports whether two JSON values are equal, lists in any order.
func sameJSON(a, b any) bool {
	ra, _ := json.Marshal(a)
	rb, _ := json.Marshal(b)
	if string(ra) == string(rb) {
		return true
	}
	if (a == nil && string(rb) == `[]`) || (b == nil && string(ra) == `[]`) {
		return true
	}
	return sameSet(ra, rb)
}

// find returns the stored record a row matches: by reference, else by natural key.
// ambiguous names the stored records that share the key when more than one does.
func (g *registerPlan) find(ref, natural string) (old isms.Record, key string, ambiguous []string) {
	if ref != "" {
		key = "ref:" + fold(ref)
		if recs := g.have[key]; len(recs) > 0 {
			return recs[0], key, nil
		}
	}
	if g.spec.natural == nil {
		return nil, key, nil
	}
	nk := "n:" + natural
	if key == "" {
		key = nk
	}
	var cands []isms.Record
	for _, rec := range g.have[nk] {
		if t := rec.Terms().Ref; t == "" || ref == "" || fold(t) == fold(ref) {
			cands = append(cands, rec)
		}
	}
	switch len(cands) {
	case 0:
		return nil, key, nil
	case 1:
		return cands[0], key, nil
	}
	for _, c := range cands {
		ambiguous = append(ambiguous, label(c))
	}
	return nil, key, ambiguous
}

// registerRow plans one row of a register kind.
func (r *resolver) registerRow(row *PlannedRow, res xlsx.RowResult) error {
	g := r.reg
	problem := func(field, msg string) {
		row.Problems = append(row.Problems, xlsx.Problem{Row: res.Row, Column: r.p.Mapping.Columns[field], Field: field, Message: msg})
	}
	vals := r.values(res, problem)
	if len(row.Problems) > 0 {
		return nil
	}
	probe, err := g.build(nil, vals)
	if err != nil {
		return err
	}
	t := probe.Terms()
	natural := ""
	if g.spec.natural != nil {
		natural = g.spec.natural(probe)
	}
	old, key, ambiguous := g.find(t.Ref, natural)
	if len(ambiguous) > 0 {
		problem(keyField(g), fmt.Sprintf("matches more than one stored record (%s): give the reference", strings.Join(ambiguous, ", ")))
		return nil
	}
	if key == "" || key == "ref:" {
		problem(keyField(g), "is empty, so the row cannot be matched to a stored record: give it a value, or map the column that holds it")
		return nil
	}
	if first, dup := g.seen[key]; dup {
		problem(keyField(g), fmt.Sprintf("repeats the record of row %d", first))
		return nil
	}
	g.seen[key] = res.Row
	if ref := fold(t.Ref); ref != "" {
		if first, dup := g.refs[ref]; dup {
			problem("ref", fmt.Sprintf("%q is also the reference of row %d", t.Ref, first))
			return nil
		}
		g.refs[ref] = res.Row
		if others := g.have["ref:"+ref]; len(others) > 0 && (old == nil || others[0].Base().ID != old.Base().ID) {
			problem("ref", fmt.Sprintf("%q is already the reference of %s", t.Ref, label(others[0])))
			return nil
		}
	}
	rec, err := g.build(old, vals)
	if err != nil {
		return err
	}
	g.row = vals
	if g.spec.check != nil {
		if err := g.spec.check(r, old, rec); err != nil {
			r.registerProblems(row, res.Row, err)
			return nil
		}
	}
	// what only a workflow changes: a row that asks for a change of it is a problem
	after, err := jsonMap(rec)
	if err != nil {
		return err
	}
	for field, msg := range g.spec.locked {
		p := g.path(field)
		want, given := vals[p]
		if !given || isZero(want) || sameJSON(getPath(after, p), want) {
			continue
		}
		label := field
		if f, ok := fieldByName(g.fields, field); ok {
			label = f.Label
		}
		problem(field, msg+"; to import the rows as they start in ISMS Desk, choose no column for "+label+xlsx.FlagHint("--unmap "+field))
	}
	if len(row.Problems) > 0 {
		return nil
	}
	if err := rec.Validate(); err != nil {
		r.registerProblems(row, res.Row, err)
		return nil
	}
	t = rec.Terms()
	row.Ref, row.Title = t.Ref, t.Title
	if old == nil {
		row.Action, row.rec = ActionCreate, rec
		return nil
	}
	before, err := jsonMap(old)
	if err != nil {
		return err
	}
	if sameJSON(before, after) {
		row.Action = ActionUnchanged
		return nil
	}
	row.Action, row.rec = ActionUpdate, rec
	return nil
}

// keyField is the field a row's match problems are reported on: the reference, or the
// field that names the record of a kind matched by its natural key.
func keyField(g *registerPlan) string {
	if g.spec.natural == nil {
		return "ref"
	}
	return map[isms.Kind]string{isms.KindTraining: "topic", isms.KindCampaign: "title", isms.KindCommunication: "subject", isms.KindFeedback: "text"}[g.spec.kind]
}

func isZero(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case float64:
		return x == 0
	case int:
		return x == 0
	case bool:
		return !x
	case []string:
		return len(x) == 0
	}
	return false
}

// registerProblems turns a refused record into problems on the mapped columns.
func (r *resolver) registerProblems(row *PlannedRow, excelRow int, err error) {
	e, ok := err.(*isms.Error)
	if !ok || len(e.Fields) == 0 {
		if ok {
			row.Problems = append(row.Problems, xlsx.Problem{Row: excelRow, Message: e.Message})
			return
		}
		row.Problems = append(row.Problems, xlsx.Problem{Row: excelRow, Message: err.Error()})
		return
	}
	for path, msg := range e.Fields {
		f := r.reg.fieldOf(path)
		if f == "" {
			msg = path + " " + msg
		} else if fd, ok := fieldByName(r.reg.fields, f); ok {
			msg = withSubject(fd.Label, msg)
		}
		row.Problems = append(row.Problems, xlsx.Problem{Row: excelRow, Column: r.p.Mapping.Columns[f], Field: f, Message: msg})
	}
	slices.SortFunc(row.Problems, func(a, b xlsx.Problem) int { return strings.Compare(a.Field, b.Field) })
}

// withSubject puts a field's label before a message about it: "Target must be a number",
// but "Status: approve the objective first (Approve)" for one that is no predicate.
func withSubject(label, msg string) string {
	first, _, _ := strings.Cut(msg, " ")
	switch first {
	case "is", "are", "must", "has", "have", "needs", "need", "cannot", "can", "should", "names", "matches", "repeats", "refers", "does", "was":
		return label + " " + msg
	}
	return label + ": " + msg
}

func fieldByName(fields []xlsx.Field, name string) (xlsx.Field, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f, true
		}
	}
	return xlsx.Field{}, false
}
