package report

import (
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// pickReview returns the review to report on: the one Options.ID names, else the latest
// review, planned or held (for a planned one the pack is its pre-read).
func pickReview(s *snap) (*isms.Review, error) {
	if s.id != "" {
		return find[*isms.Review](s, isms.KindReview, s.id)
	}
	var best *isms.Review
	for _, r := range all[*isms.Review](s, isms.KindReview) {
		if best == nil || r.Date >= best.Date {
			best = r
		}
	}
	if best == nil {
		return nil, isms.Errorf(isms.CodeNotFound, "no management review is recorded yet; plan one first")
	}
	return best, nil
}

// asPresented reports whether a review's pack is the one presented at the meeting: the
// review is held (or closed) and its inputs were frozen when it was marked held.
func asPresented(r *isms.Review) bool {
	return r.Status != isms.ReviewPlanned && r.Snapshot != nil
}

// previousReview returns the review before r: its PreviousReviewID, else the latest held
// review dated before it.
func previousReview(s *snap, r *isms.Review) *isms.Review {
	if p, ok := get[*isms.Review](s, isms.KindReview, r.PreviousReviewID); ok {
		return p
	}
	var best *isms.Review
	for _, p := range all[*isms.Review](s, isms.KindReview) {
		if p.ID == r.ID || p.Date >= r.Date || (p.Status != isms.ReviewHeld && p.Status != isms.ReviewClosed) {
			continue
		}
		if best == nil || p.Date >= best.Date {
			best = p
		}
	}
	return best
}

// window is the period a review looks back on: after since (when set), up to until.
type window struct{ since, until isms.Date }

func (w window) has(d isms.Date) bool {
	return d != "" && d <= w.until && (w.since == "" || d > w.since)
}

// summaryLabel labels the summaries typed on a review: presented at a review that was
// held, prepared for one still planned.
func summaryLabel(r *isms.Review) string {
	if r.Status == isms.ReviewPlanned {
		return "Summary prepared for " + string(r.Date)
	}
	return "Summary presented on " + string(r.Date)
}

// inputLines are the lines above an input sheet's table: the 9.3.2 input, the summary
// typed for the meeting and its minutes (dated with the meeting), then the date of the
// live records the table and the figures below come from.
func inputLines(s *snap, r *isms.Review, topic string, figures ...line) []line {
	out := []line{{"Input (9.3.2)", isms.ReviewInputs.Label(topic)}}
	if in := r.Input(topic); in != nil {
		summary := in.Summary
		if strings.TrimSpace(summary) == "" {
			summary = "(none typed)"
		}
		out = append(out, line{summaryLabel(r), summary})
		if r.Status != isms.ReviewPlanned || strings.TrimSpace(in.Minutes) != "" {
			out = append(out, line{"Minutes", in.Minutes})
		}
	} else {
		out = append(out, line{summaryLabel(r), "(not on the agenda)"})
	}
	out = append(out, line{"Live records as at", s.today})
	return append(out, figures...)
}

// dataNote says where a review pack's figures come from: the live records as at the day
// of the export, for a planned review as its pre-read, for a held one as they stand now.
func dataNote(s *snap, r *isms.Review) string {
	if r.Status == isms.ReviewPlanned {
		return "Pre-read for the review planned for " + string(r.Date) + ": every table and figure is from the live records as at " +
			string(s.today) + "; the summaries were typed for the meeting and may describe an earlier state."
	}
	return "Every table and figure is from the live records as at " + string(s.today) +
		", not as they stood at the meeting on " + string(r.Date) + "; the summaries and minutes are those of the meeting."
}

func buildReview(s *snap) (string, string, []sheet, error) {
	r, err := pickReview(s)
	if err != nil {
		return "", "", nil, err
	}
	if asPresented(r) {
		return buildPresented(s, r)
	}
	prev := previousReview(s, r)
	w := window{until: r.Date}
	period := "Up to " + string(r.Date) + " (first management review)"
	sinceLabel := "Value before"
	prevRef := ""
	if prev != nil {
		w.since = prev.Date
		period = string(prev.Date) + " to " + string(r.Date)
		sinceLabel = "At previous review"
		prevRef = prev.Ref + " (" + string(prev.Date) + ")"
	}
	info := fieldTable([][2]any{
		{"Reference", r.Ref}, {"Title", r.Title}, {"Date", r.Date}, {"Status", isms.ReviewStatuses.Label(r.Status)},
		{"Chair", s.name(r.ChairID)}, {"Attendees", s.names(r.AttendeeIDs)}, {"Previous review", prevRef},
		{"Period reviewed", period}, {"Data as at", s.today}, {"About the data", dataNote(s, r)}, {"General minutes", r.Minutes},
	})
	sheets := []sheet{
		{Name: "Review", About: "The meeting: date, chair, attendees, previous review, the date of the data and general minutes (clause 9.3).", Table: info},
		exceptionsSheet(exceptions(s, "")),
		{Name: "a Previous actions", About: isms.ReviewInputs.Label(isms.InputActions), Table: reviewActions(s, r)},
		{Name: "b Issues", About: isms.ReviewInputs.Label(isms.InputIssues), Table: reviewIssues(s, r)},
		{Name: "c Interested parties", About: isms.ReviewInputs.Label(isms.InputParties), Table: reviewParties(s, r)},
		{Name: "d1 Nonconformities", About: isms.ReviewInputs.Label(isms.InputNonconformities) + ", with the trend since the previous review", Table: reviewNCs(s, r, w)},
		{Name: "d2 Monitoring", About: isms.ReviewInputs.Label(isms.InputMonitoring) + ": each KPI against target with its trend", Table: withLines(kpiTable(s, s.today, w.since, sinceLabel), inputLines(s, r, isms.InputMonitoring))},
		{Name: "d3 Audit results", About: isms.ReviewInputs.Label(isms.InputAudits), Table: reviewAudits(s, r, w)},
		{Name: "d4 Objectives", About: isms.ReviewInputs.Label(isms.InputObjectives), Table: withLines(objectivesTable(s, s.today), inputLines(s, r, isms.InputObjectives))},
		{Name: "e Feedback", About: isms.ReviewInputs.Label(isms.InputFeedback), Table: reviewFeedback(s, r, w)},
		{Name: "f Risks", About: isms.ReviewInputs.Label(isms.InputRisks), Table: reviewRisks(s, r)},
		{Name: "g Improvement", About: isms.ReviewInputs.Label(isms.InputImprovement), Table: reviewImprovements(s, r)},
		{Name: "Minutes", About: "What was presented and discussed for each input.", Table: reviewMinutes(r)},
		{Name: "Conclusion", About: "The review's conclusion on the ISMS's continuing suitability, adequacy and effectiveness, its sign-off and the next review date.", Table: conclusionTable(s, r)},
		{Name: "Decisions", About: "The review's decisions (clause 9.3.3).", Table: reviewDecisions(s, r)},
		{Name: "Action list", About: "The actions decided, with owners, due dates and status.", Table: reviewActionList(s, r)},
	}
	return "Management review pack " + r.Ref, period, sheets, nil
}

func withLines(t *table, pre []line) *table {
	t.Pre = pre
	return t
}

func reviewActions(s *snap, r *isms.Review) *table {
	earlier := map[string]*isms.Review{}
	for _, p := range all[*isms.Review](s, isms.KindReview) {
		if p.ID != r.ID && p.Date < r.Date {
			earlier[p.ID] = p
		}
	}
	var acts []*isms.Action
	done, late := 0, 0
	for _, a := range all[*isms.Action](s, isms.KindAction) {
		if earlier[a.ReviewID] != nil {
			acts = append(acts, a)
			if a.Finished() {
				done++
			}
			if a.Overdue(s.today) {
				late++
			}
		}
	}
	cols := []column{{Name: "Review", Width: 10}, {Name: "Action", Width: 10}, {Name: "Title", Width: 44}, {Name: "Owner", Width: 18},
		{Name: "Due date", Width: 12}, {Name: "Status", Width: 12, RAG: actionRAG}, {Name: "Completed on", Width: 12},
		{Name: "Overdue", Width: 10, RAG: overdueRAG}, {Name: "Notes", Width: 40}}
	return &table{Pre: inputLines(s, r, isms.InputActions, line{"Live status", fmt.Sprintf(
		"%d actions from previous reviews: %d done or cancelled, %d still open, %d overdue.", len(acts), done, len(acts)-done, late)}),
		Cols: cols, N: len(acts), Rows: func(emit func(...any) error) error {
			for _, a := range acts {
				if err := emit(s.ref(isms.KindReview, a.ReviewID), a.Ref, a.Title, s.name(a.OwnerID), a.DueDate,
					isms.ActionStatuses.Label(a.Status), a.CompletedOn, overdue(a.Overdue(s.today)), a.Notes); err != nil {
					return err
				}
			}
			return nil
		}}
}

var changedRAG = map[string]string{"Yes": ragAmber}

func reviewIssues(s *snap, r *isms.Review) *table {
	issues := all[*isms.Issue](s, isms.KindIssue)
	changed := 0
	for _, i := range issues {
		if i.ChangedSinceReview {
			changed++
		}
	}
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 34}, {Name: "Type", Width: 10}, {Name: "Category", Width: 16},
		{Name: "Status", Width: 11}, {Name: "Changed since last review", Width: 11, RAG: changedRAG}, {Name: "What changed", Width: 36},
		{Name: "Impact on the ISMS", Width: 36}, {Name: "Owner", Width: 18}, {Name: "Last reviewed", Width: 12},
		{Name: "Next review", Width: 12}, {Name: "Risks", Width: 14}}
	return &table{Pre: inputLines(s, r, isms.InputIssues, line{"Live status", fmt.Sprintf("%d issues, %d changed since the last review.", len(issues), changed)}),
		Cols: cols, N: len(issues), Rows: func(emit func(...any) error) error {
			for _, i := range issues {
				if err := emit(i.Ref, i.Title, isms.IssueTypes.Label(i.Type), isms.IssueCategories.Label(i.Category),
					isms.IssueStatuses.Label(i.Status), i.ChangedSinceReview, i.ChangeNote, i.Impact, s.name(i.OwnerID),
					i.LastReviewed, i.NextReview, s.refs(isms.KindRisk, i.RiskIDs)); err != nil {
					return err
				}
			}
			return nil
		}}
}

func reviewParties(s *snap, r *isms.Review) *table {
	parties := all[*isms.Party](s, isms.KindParty)
	changed := 0
	for _, p := range parties {
		if p.ChangedSinceReview {
			changed++
		}
	}
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Interested party", Width: 28}, {Name: "Category", Width: 18},
		{Name: "Internal", Width: 9}, {Name: "Influence", Width: 10}, {Name: "Needs and expectations", Width: 48},
		{Name: "Changed since last review", Width: 11, RAG: changedRAG}, {Name: "What changed", Width: 36},
		{Name: "Owner", Width: 18}, {Name: "Next review", Width: 12}, {Name: "Requirements", Width: 28}}
	return &table{Pre: inputLines(s, r, isms.InputParties, line{"Live status", fmt.Sprintf("%d interested parties, %d with changed needs since the last review.", len(parties), changed)}),
		Cols: cols, N: len(parties), Rows: func(emit func(...any) error) error {
			for _, p := range parties {
				if err := emit(p.Ref, p.Name, isms.PartyCategories.Label(p.Category), p.Internal, isms.Influences.Label(p.Influence),
					p.Needs, p.ChangedSinceReview, p.ChangeNote, s.name(p.OwnerID), p.NextReview,
					s.refs(isms.KindRequirement, p.RequirementIDs)); err != nil {
					return err
				}
			}
			return nil
		}}
}

func reviewNCs(s *snap, r *isms.Review, w window) *table {
	ncs := all[*isms.Nonconformity](s, isms.KindNonconformity)
	raised, closed, open, late, acts, fin := 0, 0, 0, 0, 0, 0
	for _, n := range ncs {
		if w.has(n.DetectedOn) {
			raised++
		}
		if n.Status == isms.NCClosed && w.has(n.ClosedOn) {
			closed++
		}
		if n.Status != isms.NCClosed {
			open++
		}
		if ncOverdue(n, s.today) {
			late++
		}
		a, f := actionsOf(s, n)
		acts += len(a)
		fin += f
	}
	trend := fmt.Sprintf("Raised in the period: %d. Closed in the period: %d. Open on %s: %d, of which %d past their due date. Corrective actions: %d of %d done or cancelled.",
		raised, closed, s.today, open, late, fin, acts)
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 32}, {Name: "Source", Width: 14}, {Name: "Detected on", Width: 12},
		{Name: "Status", Width: 18, RAG: ncRAG}, {Name: "Owner", Width: 18}, {Name: "Due date", Width: 12}, {Name: "Age (days)", Width: 9},
		{Name: "Overdue", Width: 10, RAG: overdueRAG}, {Name: "Raised in period", Width: 9}, {Name: "Closed in period", Width: 9},
		{Name: "Corrective actions finished", Width: 12}}
	return &table{Pre: inputLines(s, r, isms.InputNonconformities, line{"Trend since the previous review", trend}),
		Cols: cols, N: len(ncs), Rows: func(emit func(...any) error) error {
			for _, n := range ncs {
				a, f := actionsOf(s, n)
				done := any(nil)
				if len(a) > 0 {
					done = fmt.Sprintf("%d of %d", f, len(a))
				}
				if err := emit(n.Ref, n.Title, isms.NonconformitySources.Label(n.Source), n.DetectedOn,
					isms.NonconformityStatuses.Label(n.Status), s.name(n.OwnerID), n.DueDate, ncAge(n, s.today),
					overdue(ncOverdue(n, s.today)), w.has(n.DetectedOn), n.Status == isms.NCClosed && w.has(n.ClosedOn), done); err != nil {
					return err
				}
			}
			return nil
		}}
}

func reviewAudits(s *snap, r *isms.Review, w window) *table {
	var audits []*isms.Audit
	for _, a := range all[*isms.Audit](s, isms.KindAudit) {
		end := a.EndDate
		if end == "" {
			end = a.StartDate
		}
		if a.StartDate != "" && a.StartDate <= w.until && (w.since == "" || end > w.since) {
			audits = append(audits, a)
		}
	}
	findings := map[string]int{}
	for _, f := range all[*isms.Finding](s, isms.KindFinding) {
		findings[f.AuditID]++
	}
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 30}, {Name: "Start date", Width: 12}, {Name: "End date", Width: 12},
		{Name: "Auditor", Width: 18}, {Name: "Status", Width: 11}, {Name: "Checklist items", Width: 9}, {Name: "Conforming", Width: 10},
		{Name: "Observations", Width: 13}, {Name: "Opportunities", Width: 14}, {Name: "Minor NCs", Width: 9, RAG: nil},
		{Name: "Major NCs", Width: 9}, {Name: "Findings", Width: 9}, {Name: "Conclusion", Width: 50}}
	return &table{Pre: inputLines(s, r, isms.InputAudits, line{"Live status", fmt.Sprintf("%d internal audits in the period.", len(audits))}),
		Cols: cols, N: len(audits), Rows: func(emit func(...any) error) error {
			for _, a := range audits {
				c := a.ResultCounts()
				auditor := s.name(a.AuditorID)
				if a.AuditorID == "" {
					auditor = a.AuditorName
				}
				if err := emit(a.Ref, a.Title, a.StartDate, a.EndDate, auditor, isms.AuditStatuses.Label(a.Status), len(a.Checklist),
					c[isms.ResultConforming], c[isms.ResultObservation], c[isms.ResultOpportunity], c[isms.ResultMinorNC],
					c[isms.ResultMajorNC], findings[a.ID], a.Conclusion); err != nil {
					return err
				}
			}
			return nil
		}}
}

var sentimentRAG = map[string]string{
	isms.Sentiments.Label(isms.SentimentPositive): ragGreen,
	isms.Sentiments.Label(isms.SentimentNegative): ragRed,
}

func reviewFeedback(s *snap, r *isms.Review, w window) *table {
	var items []*isms.Feedback
	for _, f := range all[*isms.Feedback](s, isms.KindFeedback) {
		if w.has(f.Date) {
			items = append(items, f)
		}
	}
	pre := inputLines(s, r, isms.InputFeedback)
	for _, sv := range all[*isms.Survey](s, isms.KindSurvey) {
		if w.has(sv.Date) {
			pre = append(pre, line{"Survey " + sv.Ref, fmt.Sprintf("%s (%s, %d respondents): %s", sv.Title, sv.Date, sv.Respondents, sv.Summary)})
		}
	}
	cols := []column{{Name: "Date", Width: 12}, {Name: "From", Width: 24}, {Name: "Interested party", Width: 20},
		{Name: "Sentiment", Width: 10, RAG: sentimentRAG}, {Name: "Feedback", Width: 50}, {Name: "Status", Width: 14},
		{Name: "Response", Width: 44}, {Name: "Improvement", Width: 12}}
	return &table{Pre: pre, Cols: cols, N: len(items), Rows: func(emit func(...any) error) error {
		for _, f := range items {
			if err := emit(f.Date, f.From, s.ref(isms.KindParty, f.PartyID), isms.Sentiments.Label(f.Sentiment), f.Text,
				isms.FeedbackStatuses.Label(f.Status), f.Response, s.ref(isms.KindImprovement, f.ImprovementID)); err != nil {
				return err
			}
		}
		return nil
	}}
}

func reviewRisks(s *snap, r *isms.Review) *table {
	risks := all[*isms.Risk](s, isms.KindRisk)
	inh, res := map[string]int{}, map[string]int{}
	for _, k := range risks {
		inh[s.method.Level(k.Score())]++
		res[s.method.Level(k.ResidualScore())]++
	}
	count := func(m map[string]int) string {
		var parts []string
		for _, o := range isms.RiskLevels {
			parts = append(parts, fmt.Sprintf("%s %d", o.Label, m[o.Value]))
		}
		if m[""] > 0 {
			parts = append(parts, fmt.Sprintf("not assessed %d", m[""]))
		}
		return strings.Join(parts, ", ")
	}
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 34}, {Name: "Owner", Width: 18}, {Name: "Score", Width: 7},
		{Name: "Level", Width: 10, RAG: levelRAG}, {Name: "Treatment option", Width: 12}, {Name: "Status", Width: 11},
		{Name: "Residual score", Width: 9}, {Name: "Residual level", Width: 10, RAG: levelRAG},
		{Name: "Controls implemented", Width: 12}, {Name: "Actions finished", Width: 10}, {Name: "Review date", Width: 12},
		{Name: "Review overdue", Width: 10, RAG: overdueRAG}}
	return &table{Pre: inputLines(s, r, isms.InputRisks,
		line{"Inherent levels", fmt.Sprintf("%d risks: %s.", len(risks), count(inh))},
		line{"Residual levels", count(res) + "."}),
		Cols: cols, N: len(risks), Rows: func(emit func(...any) error) error {
			for _, k := range risks {
				_, done, total := controlStatus(s, k.ControlIDs)
				ctl := any(nil)
				if total > 0 {
					ctl = fmt.Sprintf("%d of %d", done, total)
				}
				fin, n := 0, 0
				for _, id := range k.ActionIDs {
					if a, ok := get[*isms.Action](s, isms.KindAction, id); ok {
						n++
						if a.Finished() {
							fin++
						}
					}
				}
				acts := any(nil)
				if n > 0 {
					acts = fmt.Sprintf("%d of %d", fin, n)
				}
				late := k.ReviewDate != "" && k.ReviewDate.Before(s.today) && k.Status != isms.RiskClosed
				if err := emit(k.Ref, k.Title, s.name(k.OwnerID), scoreOrNil(k.Score()), s.levelLabel(k.Score()),
					isms.TreatmentOptions.Label(k.Treatment), isms.RiskStatuses.Label(k.Status), scoreOrNil(k.ResidualScore()),
					s.levelLabel(k.ResidualScore()), ctl, acts, k.ReviewDate, overdue(late)); err != nil {
					return err
				}
			}
			return nil
		}}
}

var improvementRAG = map[string]string{
	isms.ImprovementStatuses.Label(isms.ImprovementDone):       ragGreen,
	isms.ImprovementStatuses.Label(isms.ImprovementInProgress): ragAmber,
}

func reviewImprovements(s *snap, r *isms.Review) *table {
	imps := all[*isms.Improvement](s, isms.KindImprovement)
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 34}, {Name: "Goal", Width: 40}, {Name: "Owner", Width: 18},
		{Name: "Status", Width: 12, RAG: improvementRAG}, {Name: "Start date", Width: 12}, {Name: "Due date", Width: 12},
		{Name: "Completed on", Width: 12}, {Name: "Outcome", Width: 36}, {Name: "Decided at review", Width: 10}}
	return &table{Pre: inputLines(s, r, isms.InputImprovement), Cols: cols, N: len(imps), Rows: func(emit func(...any) error) error {
		for _, i := range imps {
			if err := emit(i.Ref, i.Title, i.Goal, s.name(i.OwnerID), isms.ImprovementStatuses.Label(i.Status), i.StartDate,
				i.DueDate, i.CompletedOn, i.Outcome, s.ref(isms.KindReview, i.ReviewID)); err != nil {
				return err
			}
		}
		return nil
	}}
}

func reviewMinutes(r *isms.Review) *table {
	cols := []column{{Name: "Input (9.3.2)", Width: 44}, {Name: "Summary presented", Width: 60}, {Name: "Minutes", Width: 60}}
	return &table{Cols: cols, N: len(isms.ReviewInputs) + 1, Rows: func(emit func(...any) error) error {
		for _, o := range isms.ReviewInputs {
			in := r.Input(o.Value)
			if in == nil {
				if err := emit(o.Label, "(not on the agenda)", nil); err != nil {
					return err
				}
				continue
			}
			if err := emit(o.Label, in.Summary, in.Minutes); err != nil {
				return err
			}
		}
		return emit("General", nil, r.Minutes)
	}}
}

func reviewDecisions(s *snap, r *isms.Review) *table {
	cols := []column{{Name: "No.", Width: 6}, {Name: "Decision", Width: 64}, {Name: "Category", Width: 26}, {Name: "Actions", Width: 40}}
	return &table{Cols: cols, N: len(r.Decisions), Rows: func(emit func(...any) error) error {
		for i, d := range r.Decisions {
			if err := emit(i+1, d.Text, isms.DecisionCategories.Label(d.Category), s.titledList(isms.KindAction, d.ActionIDs)); err != nil {
				return err
			}
		}
		return nil
	}}
}

func reviewActionList(s *snap, r *isms.Review) *table {
	type item struct {
		decision any
		a        *isms.Action
	}
	var items []item
	seen := map[string]bool{}
	for i, d := range r.Decisions {
		for _, id := range d.ActionIDs {
			if a, ok := get[*isms.Action](s, isms.KindAction, id); ok && !seen[id] {
				items, seen[id] = append(items, item{i + 1, a}), true
			}
		}
	}
	for _, a := range all[*isms.Action](s, isms.KindAction) {
		if a.ReviewID == r.ID && !seen[a.ID] {
			items, seen[a.ID] = append(items, item{nil, a}), true
		}
	}
	cols := []column{{Name: "Decision", Width: 9}, {Name: "Action", Width: 10}, {Name: "Title", Width: 44}, {Name: "Owner", Width: 18},
		{Name: "Due date", Width: 12}, {Name: "Status", Width: 12, RAG: actionRAG}, {Name: "Completed on", Width: 12},
		{Name: "Overdue", Width: 10, RAG: overdueRAG}, {Name: "Notes", Width: 40}}
	return &table{Cols: cols, N: len(items), Rows: func(emit func(...any) error) error {
		for _, it := range items {
			a := it.a
			if err := emit(it.decision, a.Ref, a.Title, s.name(a.OwnerID), a.DueDate, isms.ActionStatuses.Label(a.Status),
				a.CompletedOn, overdue(a.Overdue(s.today)), a.Notes); err != nil {
				return err
			}
		}
		return nil
	}}
}
