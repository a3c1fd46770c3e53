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

// ObjectiveState is an approved objective's progress from its KPIs (Progress).
type ObjectiveState struct {
	ID       string    `json:"id"`
	Ref      string    `json:"ref"`
	Title    string    `json:"title"`
	Status   string    `json:"status"`
	Owner    string    `json:"owner"`    // the owner's name, "" when none
	DueDate  isms.Date `json:"dueDate"`  // the deadline
	Late     bool      `json:"late"`     // past the deadline and not achieved
	Percent  int       `json:"percent"`  // mean share of target reached over measured KPIs, 0..100
	KPIs     int       `json:"kpis"`     // how many KPIs show its progress
	Measured int       `json:"measured"` // how many of them have a measurement
	RAG      string    `json:"rag"`      // the worst RAG of its measured KPIs, "" when none
	Link     string    `json:"link"`
}

// KPIState is an active KPI's latest value and its recent values, for a sparkline.
type KPIState struct {
	ID       string    `json:"id"`
	Ref      string    `json:"ref"`
	Name     string    `json:"name"`
	Unit     string    `json:"unit"`
	Target   float64   `json:"target"`
	RAG      string    `json:"rag"`      // of the latest value, "" when never measured
	Latest   float64   `json:"latest"`   // meaningless when LatestOn is ""
	LatestOn isms.Date `json:"latestOn"` // "" when never measured
	Values   []float64 `json:"values"`   // the last SparkValues values, oldest first
	Link     string    `json:"link"`
}

// SparkValues is how many recent values of a KPI the dashboard draws.
const SparkValues = 12

// RAGCount counts the active KPIs by the colour of their latest value.
type RAGCount struct {
	Green      int `json:"green"`
	Amber      int `json:"amber"`
	Red        int `json:"red"`
	Unmeasured int `json:"unmeasured"`
}

// ThemeState is the implementation of the applicable controls of one Annex A theme.
type ThemeState struct {
	Theme       string `json:"theme"` // one of isms.Themes
	Label       string `json:"label"`
	Applicable  int    `json:"applicable"`
	Implemented int    `json:"implemented"`
	InProgress  int    `json:"inProgress"`
	Planned     int    `json:"planned"`
	NotStarted  int    `json:"notStarted"`
}

// NC ages and grades of the open nonconformities.
const (
	AgeRecent = "0-30"  // detected 0 to 30 days ago
	AgeMonths = "31-90" // 31 to 90 days
	AgeOld    = "90+"   // more than 90 days

	GradeMajor    = "major"    // raised from a major finding
	GradeMinor    = "minor"    // raised from a minor finding
	GradeUngraded = "ungraded" // not raised from an audit finding graded major or minor
)

// NCBucket is the open nonconformities of one age and grade.
type NCBucket struct {
	Age   string   `json:"age"`   // AgeRecent, AgeMonths or AgeOld
	Grade string   `json:"grade"` // GradeMajor, GradeMinor or GradeUngraded
	Count int      `json:"count"`
	IDs   []string `json:"ids"` // the nonconformities, for the register to show them
}

// MilestoneState is a milestone of the programme timeline.
type MilestoneState struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Month   int       `json:"month"`
	DueDate isms.Date `json:"dueDate"`
	Owner   string    `json:"owner"`
	Link    string    `json:"link"`
}

// TimelineState is where the programme timeline stands: milestones done, still to come
// and overdue, and the next one due.
type TimelineState struct {
	Total      int             `json:"total"`
	Done       int             `json:"done"`
	Due        int             `json:"due"` // not done and not overdue
	Overdue    int             `json:"overdue"`
	DueIDs     []string        `json:"dueIds"`
	OverdueIDs []string        `json:"overdueIds"`
	Next       *MilestoneState `json:"next"` // the earliest not done and not overdue, nil when none
}

// Dashboard is the home screen: what needs the officer (what is due, decisions
// waiting), then the state of the ISMS, all from the database.
type Dashboard struct {
	Counts              []KindCount      `json:"counts"`
	RequirementStatuses []Bucket         `json:"requirementStatuses"`
	ControlStatuses     []Bucket         `json:"controlStatuses"`
	NonconformityStatus []Bucket         `json:"nonconformityStatuses"`
	Overdue             []DueItem        `json:"overdue"`   // the list of what is due (Due): what is overdue
	Upcoming            []DueItem        `json:"upcoming"`  // and what is due within DefaultDueDays
	Decisions           []Decision       `json:"decisions"` // the approvals, acceptances and sign-offs waiting (Approvals)
	Objectives          []ObjectiveState `json:"objectives"`
	KPIs                []KPIState       `json:"kpis"`
	KPIRAG              RAGCount         `json:"kpiRag"`
	Themes              []ThemeState     `json:"themes"`
	OpenNCs             []NCBucket       `json:"openNcs"` // every age and grade, recent first, major first
	Timeline            TimelineState    `json:"timeline"`
}

// dashboardKinds are the kinds the dashboard reads whole, each once.
var dashboardKinds = []isms.Kind{isms.KindPerson, isms.KindRole, isms.KindPolicy, isms.KindRisk, isms.KindObjective,
	isms.KindReview, isms.KindAudit, isms.KindFinding, isms.KindNonconformity, isms.KindKPI, isms.KindMeasurement,
	isms.KindControl, isms.KindMilestone}

// readAll reads each of the kinds once.
func readAll(tx *store.Tx, kinds []isms.Kind) (Records, error) {
	recs := Records{}
	for _, k := range kinds {
		list, err := tx.List(k)
		if err != nil {
			return nil, err
		}
		recs[k] = list
	}
	return recs, nil
}

// Summary is the dashboard as of now. The kinds it shows in full are read once
// (dashboardKinds); requirements, which can run to tens of thousands, are counted by
// their status index without being read; the list of what is due is Due's and the
// objectives' progress is Progress's.
func Summary(tx *store.Tx, now time.Time) (Dashboard, error) {
	today := isms.DateOf(now.UTC())
	recs, err := readAll(tx, dashboardKinds)
	if err != nil {
		return Dashboard{}, err
	}
	d := Dashboard{Counts: []KindCount{}, Overdue: []DueItem{}, Upcoming: []DueItem{}}
	for _, k := range isms.Kinds() {
		n, read := len(recs[k]), recs[k] != nil
		if !read {
			if n, err = tx.Count(k); err != nil {
				return Dashboard{}, err
			}
		}
		d.Counts = append(d.Counts, KindCount{Kind: k, Plural: k.Plural(), Label: k.Label(), Count: n})
	}
	if d.RequirementStatuses, err = requirementBuckets(tx); err != nil {
		return Dashboard{}, err
	}
	d.ControlStatuses = buckets(recs[isms.KindControl])
	d.NonconformityStatus = buckets(recs[isms.KindNonconformity])
	due, err := Due(tx, now, DefaultDueDays)
	if err != nil {
		return Dashboard{}, err
	}
	for _, it := range due {
		if it.Overdue {
			d.Overdue = append(d.Overdue, it)
		} else {
			d.Upcoming = append(d.Upcoming, it)
		}
	}
	o, err := tx.Organisation()
	if err != nil {
		return Dashboard{}, err
	}
	d.Decisions = Approvals(recs, o.RiskMethod, today)
	progress, err := Progress(tx)
	if err != nil {
		return Dashboard{}, err
	}
	names := map[string]string{}
	for _, r := range recs[isms.KindPerson] {
		names[r.Base().ID] = r.(*isms.Person).Name
	}
	d.Objectives = objectiveStates(recs, progress, names, today)
	d.KPIs, d.KPIRAG = kpiStates(recs)
	d.Themes = themeStates(recs)
	d.OpenNCs = ncBuckets(recs, today)
	d.Timeline = timelineState(recs, names, today)
	return d, nil
}

// buckets counts records by status, in status order.
func buckets(list []isms.Record) []Bucket {
	counts := map[string]int{}
	for _, r := range list {
		counts[r.Terms().Status]++
	}
	out := []Bucket{}
	for s, n := range counts {
		out = append(out, Bucket{Status: s, Count: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Status < out[j].Status })
	return out
}

// requirementBuckets counts the requirements by compliance status from the status index,
// without reading them; those with no status (or one the enum does not know) are counted
// under "".
func requirementBuckets(tx *store.Tx) ([]Bucket, error) {
	total, err := tx.Count(isms.KindRequirement)
	if err != nil {
		return nil, err
	}
	out := []Bucket{}
	for _, s := range isms.ComplianceStatuses {
		ids, err := tx.Find(isms.KindRequirement, store.IndexStatus, s.Value)
		if err != nil {
			return nil, err
		}
		if len(ids) > 0 {
			out = append(out, Bucket{Status: s.Value, Count: len(ids)})
			total -= len(ids)
		}
	}
	if total > 0 {
		out = append(out, Bucket{Status: "", Count: total})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Status < out[j].Status })
	return out, nil
}

// objectiveStates are the approved and in-progress objectives with their progress, the
// nearest deadline first.
func objectiveStates(recs Records, progress []ObjectiveProgress, names map[string]string, today isms.Date) []ObjectiveState {
	byID := map[string]ObjectiveProgress{}
	for _, p := range progress {
		byID[p.ObjectiveID] = p
	}
	out := []ObjectiveState{}
	for _, r := range recs[isms.KindObjective] {
		o := r.(*isms.Objective)
		if o.Status != isms.ObjectiveApproved && o.Status != isms.ObjectiveInProgress {
			continue
		}
		p := byID[o.ID]
		out = append(out, ObjectiveState{ID: o.ID, Ref: o.Ref, Title: o.Title, Status: o.Status, Owner: names[o.OwnerID],
			DueDate: o.DueDate, Late: o.DueDate != "" && o.DueDate.Before(today), Percent: p.Percent, KPIs: len(p.KPIs),
			Measured: p.Measured, RAG: p.RAG, Link: recordLink(isms.KindObjective, o.ID)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].DueDate, out[j].DueDate
		if (a == "") != (b == "") {
			return b == ""
		}
		if a != b {
			return a < b
		}
		return naturalLess(out[i].Ref, out[j].Ref)
	})
	return out
}

// kpiStates are the active KPIs, red first, then amber, green and those never measured,
// each by reference; with the count of each colour.
func kpiStates(recs Records) ([]KPIState, RAGCount) {
	series := map[string][]*isms.Measurement{}
	for _, r := range recs[isms.KindMeasurement] {
		m := r.(*isms.Measurement)
		series[m.KPIID] = append(series[m.KPIID], m)
	}
	out := []KPIState{}
	var n RAGCount
	for _, r := range recs[isms.KindKPI] {
		k := r.(*isms.KPI)
		if !k.Active {
			continue
		}
		ms := series[k.ID]
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Date < ms[j].Date })
		s := KPIState{ID: k.ID, Ref: k.Ref, Name: k.Name, Unit: k.Unit, Target: k.Target, Values: []float64{},
			Link: recordLink(isms.KindKPI, k.ID)}
		for _, m := range ms[max(0, len(ms)-SparkValues):] {
			s.Values = append(s.Values, m.Value)
		}
		if len(ms) > 0 {
			last := ms[len(ms)-1]
			s.Latest, s.LatestOn, s.RAG = last.Value, last.Date, isms.RAG(k, last.Value)
		}
		switch s.RAG {
		case isms.RAGGreen:
			n.Green++
		case isms.RAGAmber:
			n.Amber++
		case isms.RAGRed:
			n.Red++
		default:
			n.Unmeasured++
		}
		out = append(out, s)
	}
	rank := map[string]int{isms.RAGRed: 0, isms.RAGAmber: 1, isms.RAGGreen: 2, "": 3}
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := rank[out[i].RAG], rank[out[j].RAG]; ri != rj {
			return ri < rj
		}
		return naturalLess(out[i].Ref, out[j].Ref)
	})
	return out, n
}

// themeStates is the implementation of the applicable controls by Annex A theme.
func themeStates(recs Records) []ThemeState {
	out := make([]ThemeState, len(isms.Themes))
	at := map[string]*ThemeState{}
	for i, t := range isms.Themes {
		out[i] = ThemeState{Theme: t.Value, Label: t.Label}
		at[t.Value] = &out[i]
	}
	for _, r := range recs[isms.KindControl] {
		c := r.(*isms.Control)
		t, ok := at[c.Theme]
		if !ok || c.Applicability != isms.ApplicabilityApplicable {
			continue
		}
		t.Applicable++
		switch c.Status {
		case isms.ImplImplemented:
			t.Implemented++
		case isms.ImplInProgress:
			t.InProgress++
		case isms.ImplPlanned:
			t.Planned++
		default:
			t.NotStarted++
		}
	}
	return out
}

// ncBuckets sorts the open nonconformities by age (days since detected, else since
// recorded) and grade (the severity of the finding they were raised from).
func ncBuckets(recs Records, today isms.Date) []NCBucket {
	severity := map[string]string{} // nonconformity -> worst grade of its findings
	findings := map[string]*isms.Finding{}
	grade := func(s string) string {
		switch s {
		case isms.SeverityMajor:
			return GradeMajor
		case isms.SeverityMinor:
			return GradeMinor
		}
		return ""
	}
	mark := func(nc, s string) {
		if g := grade(s); g != "" && severity[nc] != GradeMajor {
			severity[nc] = g
		}
	}
	for _, r := range recs[isms.KindFinding] {
		f := r.(*isms.Finding)
		findings[f.ID] = f
		if f.NonconformityID != "" {
			mark(f.NonconformityID, f.Severity)
		}
	}
	ages := []string{AgeRecent, AgeMonths, AgeOld}
	grades := []string{GradeMajor, GradeMinor, GradeUngraded}
	out := make([]NCBucket, 0, len(ages)*len(grades))
	at := map[string]*NCBucket{}
	for _, a := range ages {
		for _, g := range grades {
			out = append(out, NCBucket{Age: a, Grade: g, IDs: []string{}})
		}
	}
	for i := range out {
		at[out[i].Age+"/"+out[i].Grade] = &out[i]
	}
	for _, r := range recs[isms.KindNonconformity] {
		n := r.(*isms.Nonconformity)
		if n.Status == isms.NCClosed {
			continue
		}
		if f, ok := findings[n.FindingID]; ok {
			mark(n.ID, f.Severity)
		}
		g := severity[n.ID]
		if g == "" {
			g = GradeUngraded
		}
		since := n.DetectedOn
		if since == "" || !since.Valid() {
			since = isms.DateOf(n.CreatedAt)
		}
		days := int(today.Time().Sub(since.Time()).Hours() / 24)
		a := AgeOld
		switch {
		case days <= 30:
			a = AgeRecent
		case days <= 90:
			a = AgeMonths
		}
		b := at[a+"/"+g]
		b.Count++
		b.IDs = append(b.IDs, n.ID)
	}
	return out
}

// timelineState counts the milestones done, to come and overdue (isms.Milestone.Overdue)
// and finds the next one due.
func timelineState(recs Records, names map[string]string, today isms.Date) TimelineState {
	t := TimelineState{DueIDs: []string{}, OverdueIDs: []string{}}
	var next *isms.Milestone
	for _, r := range recs[isms.KindMilestone] {
		m := r.(*isms.Milestone)
		t.Total++
		switch {
		case m.Status == isms.MilestoneDone:
			t.Done++
		case m.Overdue(today):
			t.Overdue++
			t.OverdueIDs = append(t.OverdueIDs, m.ID)
		default:
			t.Due++
			t.DueIDs = append(t.DueIDs, m.ID)
			if m.DueDate != "" && (next == nil || m.DueDate < next.DueDate) {
				next = m
			}
		}
	}
	if next != nil {
		t.Next = &MilestoneState{ID: next.ID, Title: next.Title, Month: next.Month, DueDate: next.DueDate,
			Owner: names[next.OwnerID], Link: recordLink(isms.KindMilestone, next.ID)}
	}
	return t
}
