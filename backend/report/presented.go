package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// The pack of a held management review is the review as presented: built from the
// snapshot frozen when it was marked held (isms.ReviewSnapshot) and from the review
// record itself (its minutes, decisions, conclusion and sign-off), never from the live
// records, so that it stays the same however the records change afterwards.

// inputSheets names the sheet of each 9.3.2 input, as the live pack does.
var inputSheets = map[string]string{
	isms.InputActions: "a Previous actions", isms.InputIssues: "b Issues", isms.InputParties: "c Interested parties",
	isms.InputNonconformities: "d1 Nonconformities", isms.InputMonitoring: "d2 Monitoring", isms.InputAudits: "d3 Audit results",
	isms.InputObjectives: "d4 Objectives", isms.InputFeedback: "e Feedback", isms.InputRisks: "f Risks",
	isms.InputImprovement: "g Improvement",
}

// flagLabels name the flags of presented lines, with their colour.
var flagLabels = map[string][2]string{
	"overdue": {"Overdue", ragRed}, "red": {"Red", ragRed}, "negative": {"Negative", ragRed}, "high": {"High", ragRed},
	"amber": {"Amber", ragAmber}, "changed": {"Changed", ragAmber},
}

var flagRAG = func() map[string]string {
	m := map[string]string{}
	for _, l := range flagLabels {
		m[l[0]] = l[1]
	}
	return m
}()

// presentedFigures are the inputs the executive page of a held review's pack counts.
var presentedFigures = []string{isms.InputActions, isms.InputNonconformities, isms.InputMonitoring, isms.InputAudits,
	isms.InputObjectives, isms.InputFeedback, isms.InputRisks}

// presentedHash is the SHA-256 of the review record the pack is built from (its snapshot
// included): what the pack's provenance names.
func presentedHash(r *isms.Review) string {
	b, _ := json.Marshal(r)
	sum := sha256.Sum256(append([]byte(string(isms.KindReview)+"\n"), b...))
	return hex.EncodeToString(sum[:])
}

func buildPresented(s *snap, r *isms.Review) (string, string, []sheet, error) {
	sn := r.Snapshot
	s.presented = r
	prev := sn.PreviousRef
	if prev == "" {
		prev = "None: the first management review"
	}
	info := fieldTable([][2]any{
		{"Reference", r.Ref}, {"Title", r.Title}, {"Date", r.Date}, {"Status", isms.ReviewStatuses.Label(r.Status)},
		{"Chair", s.name(r.ChairID)}, {"Attendees", s.names(r.AttendeeIDs)}, {"Previous review", prev},
		{"Period reviewed", sn.Period}, {"Inputs presented on", sn.TakenOn},
		{"About the pack", "The inputs as presented at the meeting, frozen when the review was marked held on " + string(sn.TakenOn) +
			": later changes to the records do not change this pack. The live state of the records is in the other reports."},
		{"SHA-256 of the inputs as presented", sn.SHA256}, {"General minutes", r.Minutes},
	})
	sheets := []sheet{{Name: "Review", About: "The meeting: date, chair, attendees, the period reviewed, when its inputs were frozen and general minutes (clause 9.3).", Table: info}}
	for _, o := range isms.ReviewInputs {
		in := sn.Input(o.Value)
		if in == nil {
			continue
		}
		sheets = append(sheets, sheet{Name: inputSheets[o.Value], About: in.Name + ", as presented", Table: presentedTable(r, in)})
	}
	sheets = append(sheets,
		sheet{Name: "Minutes", About: "What was presented and discussed for each input.", Table: reviewMinutes(r)},
		sheet{Name: "Conclusion", About: "The review's conclusion on the ISMS's continuing suitability, adequacy and effectiveness, its sign-off and the next review date.", Table: conclusionTable(s, r)},
		sheet{Name: "Decisions", About: "The review's decisions (clause 9.3.3).", Table: reviewDecisions(s, r)},
		sheet{Name: "Action list", About: "The actions decided, with owners and due dates (their progress since is in the live reports).", Table: presentedActions(s, r)},
	)
	return "Management review pack " + r.Ref, sn.Period, sheets, nil
}

// presentedTable is one input as presented: its summary and minutes, then its lines.
func presentedTable(r *isms.Review, in *isms.PresentedInput) *table {
	minutes := ""
	if a := r.Input(in.Topic); a != nil {
		minutes = a.Minutes
	}
	summary := in.Summary
	if strings.TrimSpace(summary) == "" {
		summary = "(none typed)"
	}
	pre := []line{{"Input (9.3.2)", in.Name}, {summaryLabel(r), summary}, {"Minutes", minutes}}
	cols := []column{{Name: "No.", Width: 6}, {Name: "As presented", Width: 100}, {Name: "Flag", Width: 11, RAG: flagRAG}}
	return &table{Pre: pre, Cols: cols, N: max(len(in.Lines), 1) + 1, Rows: func(emit func(...any) error) error {
		if len(in.Lines) == 0 {
			return emit(nil, "No lines were listed: the summary above is what was presented.", nil)
		}
		for i, l := range in.Lines {
			if err := emit(i+1, l.Text, flagLabels[l.Flag][0]); err != nil {
				return err
			}
		}
		if in.More > 0 {
			return emit(nil, fmt.Sprintf("and %d more not listed at the meeting", in.More), nil)
		}
		return nil
	}}
}

// presentedActions lists the actions decided at the review.
func presentedActions(s *snap, r *isms.Review) *table {
	type item struct {
		decision int
		a        *isms.Action
	}
	var items []item
	for i, d := range r.Decisions {
		for _, id := range d.ActionIDs {
			if a, ok := get[*isms.Action](s, isms.KindAction, id); ok {
				items = append(items, item{i + 1, a})
			}
		}
	}
	cols := []column{{Name: "Decision", Width: 9}, {Name: "Action", Width: 10}, {Name: "Title", Width: 50}, {Name: "Owner", Width: 18},
		{Name: "Due date", Width: 12}}
	return &table{Cols: cols, N: max(len(items), 1), Rows: func(emit func(...any) error) error {
		if len(items) == 0 {
			return emit(plain(noneInPeriod), nil, nil, nil, nil)
		}
		for _, it := range items {
			if err := emit(it.decision, it.a.Ref, it.a.Title, s.name(it.a.OwnerID), it.a.DueDate); err != nil {
				return err
			}
		}
		return nil
	}}
}

// conclusionTable is a review's conclusion (9.3), sign-off and next review date.
func conclusionTable(s *snap, r *isms.Review) *table {
	c, so := r.Conclusion, r.SignOff
	stated := func(v string) any {
		if strings.TrimSpace(v) == "" {
			if r.Status == isms.ReviewClosed {
				return "(not stated)"
			}
			return "(stated when the review is closed)"
		}
		return v
	}
	signed := "(not yet signed off)"
	if so.ByID != "" {
		signed = s.name(so.ByID) + " on " + string(so.On)
		if how := isms.ApprovalMethods.Label(so.How); how != "" {
			signed += " (" + strings.ToLower(how) + ")"
		}
	}
	next := any(r.NextReviewDate)
	if r.NextReviewDate == "" {
		next = "(set when the review is closed)"
	}
	return fieldTable([][2]any{
		{"Continuing suitability", stated(c.Suitability)}, {"Adequacy", stated(c.Adequacy)}, {"Effectiveness", stated(c.Effectiveness)},
		{"Decisions", len(r.Decisions)}, {"Signed off by", signed}, {"Sign-off reference", so.Ref}, {"Next review", next},
	})
}

// presentedSummary is the executive page of a held review's pack: a figure for each of
// the main inputs (how many of its lines were flagged), the decisions taken, and no live
// exceptions (the pack is as presented).
func presentedSummary(r *isms.Review, s *snap, prev *lastExport) summary {
	out := summary{Previous: prev, More: map[string]int{}, DecisionsTitle: "Decisions taken at the review",
		Presented: "This pack is the review as presented on " + string(r.Date) + ": its inputs were frozen when it was marked held (" +
			string(r.Snapshot.TakenOn) + "). The contradictions the records show now are in the live reports."}
	for _, topic := range presentedFigures {
		in := r.Snapshot.Input(topic)
		if in == nil {
			continue
		}
		red, amber := map[string]int{}, map[string]int{}
		flagged := 0
		for _, l := range in.Lines {
			if fl, ok := flagLabels[l.Flag]; ok {
				flagged++
				if fl[1] == ragRed {
					red[fl[0]]++
				} else {
					amber[fl[0]]++
				}
			}
		}
		n := len(in.Lines) + in.More
		f := figure{Key: "presented." + topic, Label: in.Name, Value: float64(flagged), Lower: true,
			Text: fmt.Sprintf("%s presented, %d flagged", plural(n, "line", "lines"), flagged), RAG: ragGreen, Why: "Nothing flagged"}
		switch {
		case len(red) > 0:
			f.RAG, f.Why = ragRed, flagWords(red, amber)
		case len(amber) > 0:
			f.RAG, f.Why = ragAmber, flagWords(red, amber)
		case n == 0:
			f.Text, f.RAG, f.Why = "Summary only", "", "No lines were listed: see the summary presented"
		}
		f.Change = changeText(f, prev)
		out.Figures = append(out.Figures, f)
	}
	for i, d := range r.Decisions {
		var owners, due []string
		for _, id := range d.ActionIDs {
			if a, ok := get[*isms.Action](s, isms.KindAction, id); ok {
				owners = append(owners, s.name(a.OwnerID))
				due = append(due, a.Ref+" due "+string(a.DueDate))
			}
		}
		ask := "Decided"
		if c := isms.DecisionCategories.Label(d.Category); c != "" {
			ask = c
		}
		when := strings.Join(due, "; ")
		if when == "" {
			when = "No action recorded"
		}
		out.Decisions = append(out.Decisions, decision{Ask: ask, Ref: fmt.Sprintf("Decision %d", i+1), Title: d.Text,
			Owner: strings.Join(owners, "; "), When: when})
	}
	return out
}

// flagWords counts flags in words, red ones first: "2 overdue, 1 changed".
func flagWords(red, amber map[string]int) string {
	var out []string
	for _, m := range []map[string]int{red, amber} {
		for _, k := range sortedKeys(m) {
			out = append(out, fmt.Sprintf("%d %s", m[k], strings.ToLower(k)))
		}
	}
	return "Flagged: " + strings.Join(out, ", ")
}
