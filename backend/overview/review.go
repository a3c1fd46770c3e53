package overview

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// AgendaLine is one line under a 9.3.2 input: a record and what matters about it.
type AgendaLine struct {
	Kind isms.Kind `json:"kind"` // the record's kind, "" for a line about no one record
	ID   string    `json:"id"`
	Text string    `json:"text"`
	// Flag marks a line that needs attention: "overdue", "red", "amber", "changed",
	// "negative", "high"; "" otherwise.
	Flag string `json:"flag"`
}

// AgendaInput is the live data of one 9.3.2 input: a one-line summary with counts and a
// few lines naming the records behind them.
type AgendaInput struct {
	Topic   string       `json:"topic"`   // one of isms.ReviewInputs
	Name    string       `json:"name"`    // e.g. "(d)(2) Monitoring and measurement results"
	Summary string       `json:"summary"` // e.g. "KPIs: 4 green, 1 amber, 1 red."
	Lines   []AgendaLine `json:"lines"`
	More    int          `json:"more"` // lines left out
}

// ReviewAgenda is what a management review looks at: every 9.3.2 input with live data
// for the period since the previous review, and the actions carried forward.
type ReviewAgenda struct {
	ReviewID         string        `json:"reviewId"`
	PreviousReviewID string        `json:"previousReviewId"` // "" for a first review
	PreviousRef      string        `json:"previousRef"`
	Since            isms.Date     `json:"since"` // the previous review's date, "" for a first review
	Until            isms.Date     `json:"until"` // the review's date
	Period           string        `json:"period"`
	Inputs           []AgendaInput `json:"inputs"`
	// CarriedActionIDs are the actions of earlier reviews still open: input (a) lists them.
	CarriedActionIDs []string `json:"carriedActionIds"`
	// HoldMissing says, by field, what the review still lacks to be marked held.
	HoldMissing map[string]string `json:"holdMissing"`
	// CloseMissing says, by field, what a held review still lacks to be closed (the
	// chair's sign-off, the conclusion, the next review date); empty otherwise.
	CloseMissing map[string]string `json:"closeMissing"`
}

// agendaLines is how many lines an input shows; the rest are counted in More.
const agendaLines = 6

// PreviousReview returns the review before r: its PreviousReviewID, else the latest held
// or closed review dated before it; nil for a first review.
func PreviousReview(tx *store.Tx, r *isms.Review) (*isms.Review, error) {
	if r.PreviousReviewID != "" {
		p, err := store.GetAs[*isms.Review](tx, isms.KindReview, r.PreviousReviewID)
		if err == nil || isms.ErrorCode(err) != isms.CodeNotFound {
			return p, err
		}
	}
	var best *isms.Review
	err := tx.Each(isms.KindReview, func(rec isms.Record) error {
		p := rec.(*isms.Review)
		if p.ID == r.ID || (r.ID != "" && p.PreviousReviewID == r.ID) || p.Date >= r.Date || (p.Status != isms.ReviewHeld && p.Status != isms.ReviewClosed) {
			return nil
		}
		if best == nil || p.Date >= best.Date {
			best = p
		}
		return nil
	})
	return best, err
}

// reviewWindow is the period a review looks back on: after since (when set), up to until.
type reviewWindow struct{ since, until isms.Date }

func (w reviewWindow) has(d isms.Date) bool {
	return d != "" && d <= w.until && (w.since == "" || d > w.since)
}

// agendaData is what the inputs are worked out from.
type agendaData struct {
	tx     *store.Tx
	r      *isms.Review
	prev   *isms.Review
	w      reviewWindow
	today  isms.Date
	names  people
	method isms.RiskMethod
}

// Agenda returns the live 9.3.2 inputs of the review with id, as of today.
func Agenda(tx *store.Tx, id string, today isms.Date) (ReviewAgenda, error) {
	r, err := store.GetAs[*isms.Review](tx, isms.KindReview, id)
	if err != nil {
		return ReviewAgenda{}, err
	}
	return AgendaOf(tx, r, today)
}

// AgendaOf returns the live 9.3.2 inputs of review r as it stands (its date may differ
// from the stored one, as when it is being marked held on another day), as of today.
func AgendaOf(tx *store.Tx, r *isms.Review, today isms.Date) (ReviewAgenda, error) {
	prev, err := PreviousReview(tx, r)
	if err != nil {
		return ReviewAgenda{}, err
	}
	names, err := loadPeople(tx)
	if err != nil {
		return ReviewAgenda{}, err
	}
	org, err := tx.Organisation()
	if err != nil {
		return ReviewAgenda{}, err
	}
	d := &agendaData{tx: tx, r: r, prev: prev, w: reviewWindow{until: r.Date}, today: today, names: names, method: org.RiskMethod}
	out := ReviewAgenda{ReviewID: r.ID, Until: r.Date, Period: "Up to " + string(r.Date) + " (first management review)",
		Inputs: []AgendaInput{}, CarriedActionIDs: []string{}, HoldMissing: r.HoldMissing()}
	if out.HoldMissing == nil {
		out.HoldMissing = map[string]string{}
	}
	out.CloseMissing = map[string]string{}
	if r.Status == isms.ReviewHeld {
		if out.CloseMissing, err = closeMissing(tx, r); err != nil {
			return ReviewAgenda{}, err
		}
	}
	if prev != nil {
		d.w.since = prev.Date
		out.PreviousReviewID, out.PreviousRef, out.Since = prev.ID, prev.Ref, prev.Date
		out.Period = string(prev.Date) + " to " + string(r.Date) + " (since " + prev.Ref + ")"
	}
	steps := []struct {
		topic string
		fn    func(*AgendaInput) error
	}{
		{isms.InputActions, func(in *AgendaInput) error { return d.actions(in, &out.CarriedActionIDs) }},
		{isms.InputIssues, d.issues},
		{isms.InputParties, d.parties},
		{isms.InputNonconformities, d.nonconformities},
		{isms.InputMonitoring, d.monitoring},
		{isms.InputAudits, d.audits},
		{isms.InputObjectives, d.objectives},
		{isms.InputFeedback, d.feedback},
		{isms.InputRisks, d.risks},
		{isms.InputImprovement, d.improvements},
	}
	for _, s := range steps {
		in := AgendaInput{Topic: s.topic, Name: isms.InputName(s.topic), Lines: []AgendaLine{}}
		if err := s.fn(&in); err != nil {
			return ReviewAgenda{}, fmt.Errorf("overview: unable to gather input %s of review %s: %w", s.topic, r.Ref, err)
		}
		out.Inputs = append(out.Inputs, in)
	}
	return out, nil
}

// closeMissing is what the held review r lacks to be closed, the chair's role included.
func closeMissing(tx *store.Tx, r *isms.Review) (map[string]string, error) {
	var chair *isms.Person
	var roles []isms.Role
	if r.ChairID != "" {
		p, err := store.GetAs[*isms.Person](tx, isms.KindPerson, r.ChairID)
		switch {
		case isms.ErrorCode(err) == isms.CodeNotFound:
		case err != nil:
			return nil, err
		default:
			chair = p
			for _, id := range p.RoleIDs {
				role, err := store.GetAs[*isms.Role](tx, isms.KindRole, id)
				if isms.ErrorCode(err) == isms.CodeNotFound {
					continue
				}
				if err != nil {
					return nil, err
				}
				roles = append(roles, *role)
			}
		}
	}
	out := r.CloseMissing(chair, roles)
	if out == nil {
		out = map[string]string{}
	}
	return out, nil
}

// Snapshot returns the agenda as presented, to be frozen on the review when it is marked
// held on the date taken (Review.Hold seals it with its SHA-256).
func (a ReviewAgenda) Snapshot(taken isms.Date) isms.ReviewSnapshot {
	s := isms.ReviewSnapshot{TakenOn: taken, Since: a.Since, Until: a.Until, Period: a.Period,
		PreviousReviewID: a.PreviousReviewID, PreviousRef: a.PreviousRef,
		Inputs: make([]isms.PresentedInput, 0, len(a.Inputs)), CarriedActionIDs: append([]string{}, a.CarriedActionIDs...)}
	for _, in := range a.Inputs {
		p := isms.PresentedInput{Topic: in.Topic, Name: in.Name, Summary: in.Summary, More: in.More, Lines: make([]isms.PresentedLine, 0, len(in.Lines))}
		for _, l := range in.Lines {
			p.Lines = append(p.Lines, isms.PresentedLine{Kind: l.Kind, ID: l.ID, Text: l.Text, Flag: l.Flag})
		}
		s.Inputs = append(s.Inputs, p)
	}
	return s
}

// add appends a line, counting it in More beyond agendaLines.
func (in *AgendaInput) add(l AgendaLine) {
	if len(in.Lines) >= agendaLines {
		in.More++
		return
	}
	in.Lines = append(in.Lines, l)
}

// each loads every record of a kind as P.
func each[P isms.Record](tx *store.Tx, kind isms.Kind) ([]P, error) {
	var out []P
	err := tx.Each(kind, func(r isms.Record) error {
		out = append(out, r.(P))
		return nil
	})
	return out, err
}

// counted writes counts as "2 done, 1 open", leaving out zeros; "" when all are zero.
func counted(parts ...any) string {
	var out []string
	for i := 0; i+1 < len(parts); i += 2 {
		if n := parts[i].(int); n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, parts[i+1].(string)))
		}
	}
	return strings.Join(out, ", ")
}

func (d *agendaData) name(id string) string { return d.names[id] }

// actions is input (a): the actions of the previous review, and those of earlier reviews
// still open (carried forward) or finished since the previous review.
func (d *agendaData) actions(in *AgendaInput, carried *[]string) error {
	earlier := map[string]*isms.Review{}
	err := d.tx.Each(isms.KindReview, func(rec isms.Record) error {
		p := rec.(*isms.Review)
		if p.ID != d.r.ID && (p.Date < d.r.Date || (d.prev != nil && p.ID == d.prev.ID)) {
			earlier[p.ID] = p
		}
		return nil
	})
	if err != nil {
		return err
	}
	all, err := each[*isms.Action](d.tx, isms.KindAction)
	if err != nil {
		return err
	}
	var acts []*isms.Action
	for _, a := range all {
		from := earlier[a.ReviewID]
		if from == nil {
			continue
		}
		if (d.prev != nil && from.ID == d.prev.ID) || !a.Finished() || d.w.has(a.CompletedOn) || d.prev == nil {
			acts = append(acts, a)
		}
	}
	// open ones first, the most overdue on top
	sort.SliceStable(acts, func(i, j int) bool {
		if acts[i].Finished() != acts[j].Finished() {
			return !acts[i].Finished()
		}
		return acts[i].DueDate < acts[j].DueDate
	})
	done, cancelled, open, late := 0, 0, 0, 0
	for _, a := range acts {
		switch {
		case a.Status == isms.ActionDone:
			done++
		case a.Status == isms.ActionCancelled:
			cancelled++
		default:
			open++
			*carried = append(*carried, a.ID)
		}
		flag := ""
		if a.Overdue(d.today) {
			late++
			flag = "overdue"
		}
		in.add(AgendaLine{Kind: isms.KindAction, ID: a.ID, Flag: flag, Text: d.actionLine(a, earlier[a.ReviewID])})
	}
	switch {
	case len(acts) == 0 && d.prev == nil && len(earlier) == 0:
		in.Summary = "First management review: no actions from earlier reviews."
	case len(acts) == 0:
		in.Summary = "No actions from previous reviews."
	default:
		status := counted(done, "done", cancelled, "cancelled", open, "open")
		if late > 0 {
			status += fmt.Sprintf(" (%d overdue)", late)
		}
		in.Summary = fmt.Sprintf("%s from previous reviews: %s.", plural(len(acts), "action", "actions"), status)
		if open > 0 {
			in.Summary += fmt.Sprintf(" %s carried forward.", plural(open, "open action is", "open actions are"))
		}
	}
	return nil
}

func (d *agendaData) actionLine(a *isms.Action, from *isms.Review) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(a.Ref + " " + a.Title))
	var parts []string
	if n := d.name(a.OwnerID); n != "" {
		parts = append(parts, n)
	}
	switch {
	case a.Status == isms.ActionDone:
		parts = append(parts, "done "+string(a.CompletedOn))
	case a.Status == isms.ActionCancelled:
		parts = append(parts, "cancelled")
	case a.Overdue(d.today):
		parts = append(parts, strings.ToLower(isms.ActionStatuses.Label(a.Status))+", overdue since "+string(a.DueDate))
	case a.DueDate != "":
		parts = append(parts, strings.ToLower(isms.ActionStatuses.Label(a.Status))+", due "+string(a.DueDate))
	default:
		parts = append(parts, strings.ToLower(isms.ActionStatuses.Label(a.Status)))
	}
	if from != nil && from.Ref != "" {
		parts = append(parts, "from "+from.Ref)
	}
	b.WriteString(" (" + strings.Join(parts, "; ") + ")")
	return b.String()
}

// issues is input (b): issues marked changed since the last review, and new ones.
func (d *agendaData) issues(in *AgendaInput) error {
	issues, err := each[*isms.Issue](d.tx, isms.KindIssue)
	if err != nil {
		return err
	}
	changed, added := 0, 0
	for _, i := range issues {
		isNew := d.prev != nil && d.w.has(i.DateIdentified)
		if !i.ChangedSinceReview && !isNew {
			continue
		}
		what := i.ChangeNote
		if i.ChangedSinceReview {
			changed++
		} else {
			added++
			what = "new, identified " + string(i.DateIdentified)
		}
		text := strings.TrimSpace(i.Ref + " " + i.Title)
		if strings.TrimSpace(what) != "" {
			text += ": " + strings.TrimSpace(what)
		}
		in.add(AgendaLine{Kind: isms.KindIssue, ID: i.ID, Text: text, Flag: "changed"})
	}
	in.Summary = fmt.Sprintf("%s changed since the last review", plural(changed, "issue", "issues"))
	if added > 0 {
		in.Summary += fmt.Sprintf(", %d new", added)
	}
	in.Summary += fmt.Sprintf(" (of %d internal and external issues).", len(issues))
	return nil
}

// parties is input (c): interested parties whose needs changed since the last review.
func (d *agendaData) parties(in *AgendaInput) error {
	parties, err := each[*isms.Party](d.tx, isms.KindParty)
	if err != nil {
		return err
	}
	changed := 0
	for _, p := range parties {
		if !p.ChangedSinceReview {
			continue
		}
		changed++
		text := strings.TrimSpace(p.Ref + " " + p.Name)
		if note := strings.TrimSpace(p.ChangeNote); note != "" {
			text += ": " + note
		}
		in.add(AgendaLine{Kind: isms.KindParty, ID: p.ID, Text: text, Flag: "changed"})
	}
	in.Summary = fmt.Sprintf("%s with changed needs and expectations since the last review (of %d).",
		plural(changed, "interested party", "interested parties"), len(parties))
	return nil
}

// nonconformities is input (d)(1): the trend of nonconformities and corrective actions.
func (d *agendaData) nonconformities(in *AgendaInput) error {
	ncs, err := each[*isms.Nonconformity](d.tx, isms.KindNonconformity)
	if err != nil {
		return err
	}
	actions := map[string]*isms.Action{}
	all, err := each[*isms.Action](d.tx, isms.KindAction)
	if err != nil {
		return err
	}
	for _, a := range all {
		actions[a.ID] = a
	}
	raised, closed, open, late, acts, fin := 0, 0, 0, 0, 0, 0
	for _, n := range ncs {
		if d.w.has(n.DetectedOn) {
			raised++
		}
		if n.Status == isms.NCClosed && d.w.has(n.ClosedOn) {
			closed++
		}
		for _, id := range n.CorrectiveActionIDs {
			if a, ok := actions[id]; ok {
				acts++
				if a.Finished() {
					fin++
				}
			}
		}
		if n.Status == isms.NCClosed {
			continue
		}
		open++
		flag, text := "", strings.TrimSpace(n.Ref+" "+n.Title)+" ("+strings.ToLower(isms.NonconformityStatuses.Label(n.Status))
		if n.DueDate.Before(d.today) {
			late++
			flag, text = "overdue", text+", overdue since "+string(n.DueDate)
		}
		in.add(AgendaLine{Kind: isms.KindNonconformity, ID: n.ID, Flag: flag, Text: text + ")"})
	}
	period := "in the period"
	if d.prev == nil {
		period = "so far"
	}
	in.Summary = fmt.Sprintf("%s raised and %d closed %s; %d open", plural(raised, "nonconformity", "nonconformities"), closed, period, open)
	if late > 0 {
		in.Summary += fmt.Sprintf(" (%d overdue)", late)
	}
	in.Summary += fmt.Sprintf(". Corrective actions: %d of %d done or cancelled.", fin, acts)
	return nil
}

// monitoring is input (d)(2): each active KPI's latest value up to the review's date
// against its target, with the trend since the previous review.
func (d *agendaData) monitoring(in *AgendaInput) error {
	kpis, err := each[*isms.KPI](d.tx, isms.KindKPI)
	if err != nil {
		return err
	}
	ms, err := each[*isms.Measurement](d.tx, isms.KindMeasurement)
	if err != nil {
		return err
	}
	series := map[string][]*isms.Measurement{}
	for _, m := range ms {
		series[m.KPIID] = append(series[m.KPIID], m)
	}
	type reading struct {
		k          *isms.KPI
		last, from *isms.Measurement
		rag        string
	}
	var rs []reading
	count := map[string]int{}
	for _, k := range kpis {
		if !k.Active {
			continue
		}
		s := series[k.ID]
		sort.SliceStable(s, func(i, j int) bool { return s[i].Date < s[j].Date })
		rd := reading{k: k}
		var before *isms.Measurement
		for _, m := range s {
			if m.Date > d.w.until {
				break
			}
			if d.w.since != "" && m.Date <= d.w.since {
				rd.from = m
			}
			before, rd.last = rd.last, m
		}
		if rd.from == nil || rd.from == rd.last {
			rd.from = before
		}
		if rd.last != nil {
			rd.rag = isms.RAG(k, rd.last.Value)
		}
		count[rd.rag]++
		rs = append(rs, rd)
	}
	rank := map[string]int{isms.RAGRed: 0, isms.RAGAmber: 1, "": 2, isms.RAGGreen: 3}
	sort.SliceStable(rs, func(i, j int) bool { return rank[rs[i].rag] < rank[rs[j].rag] })
	for _, rd := range rs {
		k := rd.k
		text := strings.TrimSpace(k.Ref + " " + k.Name)
		if rd.last == nil {
			in.add(AgendaLine{Kind: isms.KindKPI, ID: k.ID, Text: text + ": not measured yet"})
			continue
		}
		text += fmt.Sprintf(": %s (target %s, %s)", number(rd.last.Value, k.Unit), number(k.Target, k.Unit), rd.last.Date)
		text += ", " + strings.ToLower(isms.RAGs.Label(rd.rag))
		if t := kpiTrend(k, rd.from, rd.last); t != "" {
			text += ", " + t
		}
		flag := ""
		if rd.rag == isms.RAGRed || rd.rag == isms.RAGAmber {
			flag = rd.rag
		}
		in.add(AgendaLine{Kind: isms.KindKPI, ID: k.ID, Text: text, Flag: flag})
	}
	if len(rs) == 0 {
		in.Summary = "No active KPIs."
		return nil
	}
	in.Summary = fmt.Sprintf("%s: %d green, %d amber, %d red", plural(len(rs), "KPI", "KPIs"), count[isms.RAGGreen], count[isms.RAGAmber], count[isms.RAGRed])
	if n := count[""]; n > 0 {
		in.Summary += fmt.Sprintf(", %d not measured", n)
	}
	in.Summary += "."
	return nil
}

// kpiTrend compares two values of a KPI: "improving", "worsening", "stable", or "".
func kpiTrend(k *isms.KPI, from, to *isms.Measurement) string {
	if from == nil || to == nil || from == to {
		return ""
	}
	diff := to.Value - from.Value
	switch {
	case math.Abs(diff) < 1e-9:
		return "stable"
	case (diff < 0) == (k.Direction == isms.LowerIsBetter):
		return "improving"
	}
	return "worsening"
}

// number writes a value with its unit, without needless decimals.
func number(v float64, unit string) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	switch {
	case unit == "":
		return s
	case unit == "%":
		return s + "%"
	}
	return s + " " + unit
}

// audits is input (d)(3): the internal audits in the period and their results.
func (d *agendaData) audits(in *AgendaInput) error {
	audits, err := each[*isms.Audit](d.tx, isms.KindAudit)
	if err != nil {
		return err
	}
	findings, err := each[*isms.Finding](d.tx, isms.KindFinding)
	if err != nil {
		return err
	}
	perAudit := map[string]int{}
	for _, f := range findings {
		perAudit[f.AuditID]++
	}
	total := map[string]int{}
	n, nf := 0, 0
	for _, a := range audits {
		end := a.EndDate
		if end == "" {
			end = a.StartDate
		}
		if a.StartDate == "" || a.StartDate > d.w.until || (d.w.since != "" && end <= d.w.since) {
			continue
		}
		n++
		nf += perAudit[a.ID]
		c := a.ResultCounts()
		for k, v := range c {
			total[k] += v
		}
		res := counted(c[isms.ResultMajorNC], "major NC", c[isms.ResultMinorNC], "minor NC", c[isms.ResultObservation], "observations",
			c[isms.ResultOpportunity], "opportunities", c[isms.ResultConforming], "conforming")
		text := fmt.Sprintf("%s (%s, %s)", strings.TrimSpace(a.Ref+" "+a.Title), a.StartDate, strings.ToLower(isms.AuditStatuses.Label(a.Status)))
		if res != "" {
			text += ": " + res
		}
		flag := ""
		if c[isms.ResultMajorNC] > 0 {
			flag = "red"
		} else if c[isms.ResultMinorNC] > 0 {
			flag = "amber"
		}
		in.add(AgendaLine{Kind: isms.KindAudit, ID: a.ID, Text: text, Flag: flag})
	}
	if n == 0 {
		in.Summary = "No internal audit in the period."
		return nil
	}
	in.Summary = fmt.Sprintf("%s in the period", plural(n, "internal audit", "internal audits"))
	if res := counted(total[isms.ResultMajorNC], "major NC", total[isms.ResultMinorNC], "minor NC",
		total[isms.ResultObservation], "observations", total[isms.ResultOpportunity], "opportunities"); res != "" {
		in.Summary += ": " + res
	}
	in.Summary += fmt.Sprintf("; %s.", plural(nf, "finding", "findings"))
	return nil
}

// objectives is input (d)(4): the objectives by status with their progress.
func (d *agendaData) objectives(in *AgendaInput) error {
	objs, err := each[*isms.Objective](d.tx, isms.KindObjective)
	if err != nil {
		return err
	}
	progress, err := Progress(d.tx)
	if err != nil {
		return err
	}
	byID := map[string]ObjectiveProgress{}
	for _, p := range progress {
		byID[p.ObjectiveID] = p
	}
	count := map[string]int{}
	shown, late := 0, 0
	for _, o := range objs {
		if o.Status == isms.ObjectiveCancelled {
			continue
		}
		shown++
		count[o.Status]++
		p := byID[o.ID]
		text := strings.TrimSpace(o.Ref+" "+o.Title) + ": " + strings.ToLower(isms.ObjectiveStatuses.Label(o.Status))
		if p.Measured > 0 {
			text += fmt.Sprintf(", %d%% of target (%s)", p.Percent, strings.ToLower(isms.RAGs.Label(p.RAG)))
		}
		flag := ""
		if p.RAG == isms.RAGRed || p.RAG == isms.RAGAmber {
			flag = p.RAG
		}
		open := o.Status != isms.ObjectiveAchieved && o.Status != isms.ObjectiveMissed
		if open && o.DueDate.Before(d.today) {
			late++
			flag, text = "overdue", text+", past its deadline "+string(o.DueDate)
		} else if o.DueDate != "" && open {
			text += ", due " + string(o.DueDate)
		}
		if o.Status == isms.ObjectiveMissed {
			flag = "red"
		}
		in.add(AgendaLine{Kind: isms.KindObjective, ID: o.ID, Text: text, Flag: flag})
	}
	if shown == 0 {
		in.Summary = "No information security objectives recorded."
		return nil
	}
	var parts []string
	for _, s := range isms.ObjectiveStatuses {
		if n := count[s.Value]; n > 0 && s.Value != isms.ObjectiveCancelled {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(s.Label)))
		}
	}
	in.Summary = fmt.Sprintf("%s: %s", plural(shown, "objective", "objectives"), strings.Join(parts, ", "))
	if late > 0 {
		in.Summary += fmt.Sprintf("; %d past its deadline", late)
	}
	in.Summary += "."
	return nil
}

// feedback is input (e): feedback items and surveys of the period.
func (d *agendaData) feedback(in *AgendaInput) error {
	items, err := each[*isms.Feedback](d.tx, isms.KindFeedback)
	if err != nil {
		return err
	}
	surveys, err := each[*isms.Survey](d.tx, isms.KindSurvey)
	if err != nil {
		return err
	}
	ns, respondents := 0, 0
	for _, s := range surveys {
		if !d.w.has(s.Date) {
			continue
		}
		ns++
		respondents += s.Respondents
		text := fmt.Sprintf("Survey %s (%s, %d respondents)", strings.TrimSpace(s.Ref+" "+s.Title), s.Date, s.Respondents)
		if sum := strings.TrimSpace(s.Summary); sum != "" {
			text += ": " + sum
		}
		in.add(AgendaLine{Kind: isms.KindSurvey, ID: s.ID, Text: text})
	}
	var period []*isms.Feedback
	for _, f := range items {
		if d.w.has(f.Date) {
			period = append(period, f)
		}
	}
	sort.SliceStable(period, func(i, j int) bool { return period[i].Date > period[j].Date })
	by := map[string]int{}
	for _, f := range period {
		by[f.Sentiment]++
		text := string(f.Date) + " " + strings.TrimSpace(f.From)
		text = strings.TrimSpace(text) + ": " + short(f.Text, 120) + " (" + strings.ToLower(isms.FeedbackStatuses.Label(f.Status)) + ")"
		flag := ""
		if f.Sentiment == isms.SentimentNegative {
			flag = "negative"
		}
		in.add(AgendaLine{Kind: isms.KindFeedback, ID: f.ID, Text: text, Flag: flag})
	}
	in.Summary = plural(len(period), "feedback item", "feedback items") + " in the period"
	if s := counted(by[isms.SentimentPositive], "positive", by[isms.SentimentNeutral], "neutral", by[isms.SentimentNegative], "negative"); s != "" {
		in.Summary += " (" + s + ")"
	}
	if ns > 0 {
		in.Summary += fmt.Sprintf("; %s with %d respondents", plural(ns, "survey", "surveys"), respondents)
	}
	in.Summary += "."
	return nil
}

// short cuts s to its first line of at most n characters.
func short(s string, n int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// risks is input (f): the open risks by level, inherent and residual, and the state of
// their treatment.
func (d *agendaData) risks(in *AgendaInput) error {
	risks, err := each[*isms.Risk](d.tx, isms.KindRisk)
	if err != nil {
		return err
	}
	inh, res := map[string]int{}, map[string]int{}
	var open []*isms.Risk
	untreated, reviewLate := 0, 0
	for _, k := range risks {
		if k.Status == isms.RiskClosed {
			continue
		}
		open = append(open, k)
		inh[d.method.Level(k.Score())]++
		if k.ResidualScore() > 0 {
			res[d.method.Level(k.ResidualScore())]++
		}
		if k.Score() > d.method.Threshold && k.Status != isms.RiskTreated && k.Status != isms.RiskAccepted {
			untreated++
		}
		if k.ReviewDate.Before(d.today) {
			reviewLate++
		}
	}
	current := func(k *isms.Risk) int {
		if s := k.ResidualScore(); s > 0 {
			return s
		}
		return k.Score()
	}
	sort.SliceStable(open, func(i, j int) bool { return current(open[i]) > current(open[j]) })
	for _, k := range open {
		level := d.method.Level(current(k))
		if level != isms.LevelHigh && level != isms.LevelCritical {
			continue
		}
		text := fmt.Sprintf("%s: score %d (%s)", strings.TrimSpace(k.Ref+" "+k.Title), k.Score(), strings.ToLower(isms.RiskLevels.Label(d.method.Level(k.Score()))))
		if k.ResidualScore() > 0 {
			text += fmt.Sprintf(", residual %d (%s)", k.ResidualScore(), strings.ToLower(isms.RiskLevels.Label(d.method.Level(k.ResidualScore()))))
		}
		text += ", " + strings.ToLower(isms.RiskStatuses.Label(k.Status))
		if k.Treatment != "" {
			text += ", " + strings.ToLower(isms.TreatmentOptions.Label(k.Treatment))
		}
		in.add(AgendaLine{Kind: isms.KindRisk, ID: k.ID, Text: text, Flag: "high"})
	}
	if len(open) == 0 {
		in.Summary = "No open risks."
		return nil
	}
	levels := func(m map[string]int) string {
		var parts []string
		for i := len(isms.RiskLevels) - 1; i >= 0; i-- {
			o := isms.RiskLevels[i]
			if n := m[o.Value]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(o.Label)))
			}
		}
		if m[""] > 0 {
			parts = append(parts, fmt.Sprintf("%d not assessed", m[""]))
		}
		return strings.Join(parts, ", ")
	}
	in.Summary = fmt.Sprintf("%s: %s", plural(len(open), "open risk", "open risks"), levels(inh))
	if r := levels(res); r != "" {
		in.Summary += "; residual: " + r
	}
	in.Summary += fmt.Sprintf(". %s above the acceptance threshold not yet treated or accepted", plural(untreated, "risk", "risks"))
	if reviewLate > 0 {
		in.Summary += fmt.Sprintf("; %d past its review date", reviewLate)
	}
	in.Summary += "."
	return nil
}

// improvements is input (g): improvement initiatives under way, done in the period, and
// accepted feedback not yet turned into one.
func (d *agendaData) improvements(in *AgendaInput) error {
	imps, err := each[*isms.Improvement](d.tx, isms.KindImprovement)
	if err != nil {
		return err
	}
	items, err := each[*isms.Feedback](d.tx, isms.KindFeedback)
	if err != nil {
		return err
	}
	count := map[string]int{}
	done := 0
	for _, i := range imps {
		if i.Status == isms.ImprovementDone {
			if d.w.has(i.CompletedOn) {
				done++
				in.add(AgendaLine{Kind: isms.KindImprovement, ID: i.ID, Text: strings.TrimSpace(i.Ref+" "+i.Title) + ": done " + string(i.CompletedOn)})
			}
			continue
		}
		if i.Status == isms.ImprovementRejected {
			continue
		}
		count[i.Status]++
		text := strings.TrimSpace(i.Ref+" "+i.Title) + ": " + strings.ToLower(isms.ImprovementStatuses.Label(i.Status))
		if n := d.name(i.OwnerID); n != "" {
			text += ", " + n
		}
		flag := ""
		if i.DueDate.Before(d.today) {
			flag, text = "overdue", text+", overdue since "+string(i.DueDate)
		}
		in.add(AgendaLine{Kind: isms.KindImprovement, ID: i.ID, Text: text, Flag: flag})
	}
	waiting := 0
	for _, f := range items {
		if f.Status == isms.FeedbackAccepted && f.ImprovementID == "" {
			waiting++
		}
	}
	open := counted(count[isms.ImprovementProposed], "proposed", count[isms.ImprovementApproved], "approved", count[isms.ImprovementInProgress], "in progress")
	if open == "" {
		open = "none open"
	}
	in.Summary = fmt.Sprintf("Improvements: %s; %d done in the period.", open, done)
	if waiting > 0 {
		in.Summary += fmt.Sprintf(" %s accepted but not yet an improvement.", plural(waiting, "feedback item", "feedback items"))
	}
	return nil
}
