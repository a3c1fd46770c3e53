package overview

import (
	"sort"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// The audit programme (9.2.2): over a three-year cycle, which audits cover each clause 4
// to 10 and each Annex A theme, and what no audit of the cycle covers.

// ProgrammeAudit is an audit as the programme places it.
type ProgrammeAudit struct {
	AuditID   string    `json:"auditId"`
	Ref       string    `json:"ref"`
	Title     string    `json:"title"`
	Status    string    `json:"status"`
	StartDate isms.Date `json:"startDate"`
	Year      int       `json:"year"` // the year it is placed in; 0 when it has no date yet
}

// ProgrammeCover is an audit that covers an area, with how many of the area's
// sub-clauses or controls it covers.
type ProgrammeCover struct {
	AuditID string `json:"auditId"`
	Ref     string `json:"ref"`
	Status  string `json:"status"`
	Items   int    `json:"items"`
}

// ProgrammeCell is the audits of one year of the cycle that cover an area.
type ProgrammeCell struct {
	Year   int              `json:"year"`
	Audits []ProgrammeCover `json:"audits"`
}

// ProgrammeArea is one clause (4 to 10) or Annex A theme (A.5 to A.8) of the programme.
type ProgrammeArea struct {
	Ref           string           `json:"ref"`   // "4" to "10", "A.5" to "A.8"
	Kind          string           `json:"kind"`  // "clause" or "theme"
	Title         string           `json:"title"` // "Context of the organization", "Organisational controls"
	Total         int              `json:"total"` // its sub-clauses, or its controls not excluded by the Statement of Applicability
	Covered       int              `json:"covered"`
	Cells         []ProgrammeCell  `json:"cells"`   // one per year of the cycle
	Undated       []ProgrammeCover `json:"undated"` // audits that cover it but have no date yet
	Gap           bool             `json:"gap"`     // no dated audit of the cycle covers it
	NotApplicable bool             `json:"notApplicable"`
}

// AuditProgramme is the programme of one three-year cycle.
type AuditProgramme struct {
	From   int              `json:"from"` // the cycle's first year
	To     int              `json:"to"`   // its last year
	Years  []int            `json:"years"`
	Audits []ProgrammeAudit `json:"audits"` // the audits of the cycle and those without a date, in date order
	Areas  []ProgrammeArea  `json:"areas"`
	Gaps   int              `json:"gaps"`
}

// themeTitles are the Annex A themes as the programme names them.
var themeTitles = []struct{ ref, title string }{
	{"A.5", "Organisational controls"}, {"A.6", "People controls"}, {"A.7", "Physical controls"}, {"A.8", "Technological controls"},
}

// auditYear is the year an audit is placed in: that of its start date, else its end or
// report date; 0 without one.
func auditYear(a *isms.Audit) int {
	for _, d := range []isms.Date{a.StartDate, a.EndDate, a.ReportDate} {
		if d != "" && d.Valid() {
			return d.Time().Year()
		}
	}
	return 0
}

// areaOf is the programme area of a clause or control reference: "7" for "7.5.3", "A.8"
// for "A.8.24".
func areaOf(ref string) string {
	if strings.HasPrefix(ref, "A.") {
		if i := strings.Index(ref[2:], "."); i > 0 {
			return ref[:2+i]
		}
		return ref
	}
	if i := strings.Index(ref, "."); i > 0 {
		return ref[:i]
	}
	return ref
}

// Programme computes the audit programme of the cycle that holds today. The cycle is three
// years: from the year of the first audit, in steps of three years, the one holding the
// current year; without audits (or when the first is later), the current year and the
// next two. An audit covers what its checklist names, else what its scope names
// (isms.Audit.Covers); cancelled audits cover nothing. An area is a gap when no dated
// audit of the cycle covers it; a theme whose controls are all excluded is not applicable.
func Programme(tx *store.Tx, today isms.Date) (AuditProgramme, error) {
	appl := map[string]string{}
	if err := tx.Each(isms.KindControl, func(r isms.Record) error {
		if c := r.(*isms.Control); !c.Custom {
			appl[c.Ref] = c.Applicability
		}
		return nil
	}); err != nil {
		return AuditProgramme{}, err
	}
	var audits []*isms.Audit
	if err := tx.Each(isms.KindAudit, func(r isms.Record) error {
		if a := r.(*isms.Audit); a.Status != isms.AuditCancelled {
			audits = append(audits, a)
		}
		return nil
	}); err != nil {
		return AuditProgramme{}, err
	}

	year := today.Time().Year()
	from := year
	first := 0
	for _, a := range audits {
		if y := auditYear(a); y != 0 && (first == 0 || y < first) {
			first = y
		}
	}
	if first != 0 && first <= year {
		from = first + 3*((year-first)/3)
	}
	p := AuditProgramme{From: from, To: from + 2, Years: []int{from, from + 1, from + 2}, Audits: []ProgrammeAudit{}}

	// the areas and what each holds
	type area struct {
		*ProgrammeArea
		items   map[string]bool // its sub-clauses or controls not excluded
		covered map[string]bool
	}
	var areas []*area
	byRef := map[string]*area{}
	add := func(ref, kind, title string) *area {
		a := &area{ProgrammeArea: &ProgrammeArea{Ref: ref, Kind: kind, Title: title, Undated: []ProgrammeCover{}}, items: map[string]bool{}, covered: map[string]bool{}}
		for _, y := range p.Years {
			a.Cells = append(a.Cells, ProgrammeCell{Year: y, Audits: []ProgrammeCover{}})
		}
		areas = append(areas, a)
		byRef[ref] = a
		return a
	}
	all := isms.Clauses()
	for i, c := range all {
		if !strings.Contains(c.Ref, ".") {
			add(c.Ref, "clause", c.Title)
			continue
		}
		if i+1 < len(all) && strings.HasPrefix(all[i+1].Ref, c.Ref+".") {
			continue // not a leaf
		}
		byRef[areaOf(c.Ref)].items[c.Ref] = true
	}
	for _, t := range themeTitles {
		add(t.ref, "theme", t.title)
	}
	for _, c := range isms.AnnexA() {
		if appl[c.Ref] != isms.ApplicabilityNotApplicable {
			byRef[areaOf(c.Ref)].items[c.Ref] = true
		}
	}

	// the audits of the cycle (and those without a date) and what they cover
	sort.SliceStable(audits, func(i, j int) bool {
		yi, yj := auditYear(audits[i]), auditYear(audits[j])
		if (yi == 0) != (yj == 0) {
			return yj == 0
		}
		if audits[i].StartDate != audits[j].StartDate {
			return audits[i].StartDate < audits[j].StartDate
		}
		return audits[i].Ref < audits[j].Ref
	})
	for _, a := range audits {
		y := auditYear(a)
		if y != 0 && (y < p.From || y > p.To) {
			continue
		}
		p.Audits = append(p.Audits, ProgrammeAudit{AuditID: a.ID, Ref: a.Ref, Title: a.Title, Status: a.Status, StartDate: a.StartDate, Year: y})
		hits := map[string]map[string]bool{} // area -> items covered
		for _, ref := range a.Covers(appl) {
			ar := byRef[areaOf(ref)]
			if ar == nil {
				continue
			}
			if hits[ar.Ref] == nil {
				hits[ar.Ref] = map[string]bool{}
			}
			for item := range ar.items {
				if item == ref || strings.HasPrefix(item, ref+".") {
					hits[ar.Ref][item] = true
				}
			}
		}
		for _, ar := range areas {
			h, ok := hits[ar.Ref]
			if !ok {
				continue
			}
			cover := ProgrammeCover{AuditID: a.ID, Ref: a.Ref, Status: a.Status, Items: len(h)}
			if y == 0 {
				ar.Undated = append(ar.Undated, cover)
				continue
			}
			ar.Cells[y-p.From].Audits = append(ar.Cells[y-p.From].Audits, cover)
			for item := range h {
				ar.covered[item] = true
			}
		}
	}

	for _, ar := range areas {
		ar.Total, ar.Covered = len(ar.items), len(ar.covered)
		dated := false
		for _, c := range ar.Cells {
			dated = dated || len(c.Audits) > 0
		}
		ar.NotApplicable = ar.Kind == "theme" && ar.Total == 0
		ar.Gap = !dated && !ar.NotApplicable
		if ar.Gap {
			p.Gaps++
		}
		p.Areas = append(p.Areas, *ar.ProgrammeArea)
	}
	return p, nil
}
