package report

import (
	"context"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Executive is a report's executive page as the window previews it before the report is
// saved: worked out by the same code that writes the page (prepare, executive).
type Executive struct {
	Title          string            `json:"title"`
	Organisation   string            `json:"organisation"`
	Period         string            `json:"period"`
	Classification string            `json:"classification"` // "" when not set
	Edition        int               `json:"edition"`        // the version the report will carry
	Approval       string            `json:"approval"`       // its document control: owner or approver
	GeneratedAt    time.Time         `json:"generatedAt" ts_type:"string"`
	Previous       string            `json:"previous"` // when the figures' changes are counted from, "" for a first export
	Figures        []Figure          `json:"figures"`
	Decisions      []Decision        `json:"decisions"`
	More           []MoreDecisions   `json:"more"`
	Exceptions     []ExceptionSample `json:"exceptions"`
	Sheets         []string          `json:"sheets"`      // the workbook's sheets after the executive page
	AsPresented    bool              `json:"asPresented"` // a held review's pack, as presented at the meeting
	DecisionsTitle string            `json:"decisionsTitle"`
	Note           string            `json:"note"` // what the pack is, for a review as presented; "" otherwise
}

// Figure is one headline figure with its colour and change since the last export.
type Figure struct {
	Label  string `json:"label"`
	Text   string `json:"text"`
	RAG    string `json:"rag"` // "green", "amber" or "red"
	Why    string `json:"why"`
	Change string `json:"change"`
}

// Decision is one decision the records ask of management.
type Decision struct {
	Ask   string `json:"ask"`
	Ref   string `json:"ref"`
	Title string `json:"title"`
	Owner string `json:"owner"`
	When  string `json:"when"`
}

// MoreDecisions counts the decisions of one sort left off the page.
type MoreDecisions struct {
	Ask   string `json:"ask"`
	Count int    `json:"count"`
}

// ExceptionSample is the first exception of one rule with how many the rule finds.
type ExceptionSample struct {
	Rule   string `json:"rule"` // the rule for people
	Ref    string `json:"ref"`
	Title  string `json:"title"`
	Count  int    `json:"count"`
	Detail string `json:"detail"`
}

// Preview works out the named report's executive page without writing the workbook or
// keeping its figures as the last export. Errors are those of Write.
func Preview(ctx context.Context, db *store.DB, name string, opts Options) (Executive, error) {
	opts.Remember = false
	p, err := prepare(ctx, db, name, opts)
	if err != nil {
		return Executive{}, err
	}
	m := p.meta
	out := Executive{Title: m.Title, Organisation: m.Organisation, Period: m.Period, Classification: m.Classification,
		Edition: m.Edition, Approval: m.Approval, GeneratedAt: m.GeneratedAt, AsPresented: m.AsPresented,
		DecisionsTitle: orText(p.sum.DecisionsTitle, "Decisions requested"), Note: p.sum.Presented,
		Figures: []Figure{}, Decisions: []Decision{}, More: []MoreDecisions{}, Exceptions: []ExceptionSample{}, Sheets: []string{}}
	if p.sum.Previous != nil {
		out.Previous = excelTime(p.sum.Previous.At).Format("2006-01-02 15:04")
	}
	for _, f := range p.sum.Figures {
		out.Figures = append(out.Figures, Figure{Label: f.Label, Text: f.Text, RAG: f.RAG, Why: f.Why, Change: f.Change})
	}
	seen := map[string]bool{}
	for _, d := range p.sum.Decisions {
		out.Decisions = append(out.Decisions, Decision{Ask: d.Ask, Ref: d.Ref, Title: d.Title, Owner: d.Owner, When: d.When})
		if n := p.sum.More[d.Ask]; n > 0 && !seen[d.Ask] {
			seen[d.Ask] = true
			out.More = append(out.More, MoreDecisions{Ask: d.Ask, Count: n})
		}
	}
	out.Exceptions = topExceptions(p.sum.Exceptions)
	for _, s := range p.sheets {
		out.Sheets = append(out.Sheets, s.Name)
	}
	out.Sheets = append(out.Sheets, aboutName)
	return out, nil
}

// topExceptions is the first exception of each rule, in rule order, with its count: the
// executive page's "Top exceptions".
func topExceptions(list []exception) []ExceptionSample {
	out := []ExceptionSample{}
	for _, rule := range ruleOrder {
		var top ExceptionSample
		for _, e := range list {
			if e.Rule == rule {
				if top.Count == 0 {
					top = ExceptionSample{Rule: ruleLabels[rule], Ref: e.Ref, Title: e.Title, Detail: e.Detail}
				}
				top.Count++
			}
		}
		if top.Count > 0 {
			out = append(out, top)
		}
	}
	return out
}
