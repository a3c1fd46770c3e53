package importer

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// Statements of Applicability: the Annex A catalogue is never changed by an import (its
// titles stay the standard's), a row whose number names a control its title does not
// describe is a row problem, and a Statement of Applicability of ISO/IEC 27001:2013 is
// recognised and, when the request asks for it, brought onto the 2022 controls through
// the correspondence of ISO/IEC 27002:2022 Annex B.

// iso2013CSV is the 2013 -> 2022 correspondence; its comment lines say how it was compiled.
//
//go:embed iso27001-2013-to-2022.csv
var iso2013CSV string

// control2013 is a control of ISO/IEC 27001:2013 Annex A and the 2022 controls it became.
type control2013 struct {
	Ref     string   // "A.9.1.1"
	Title   string   // its 2013 title
	Targets []string // 2022 references, "A.5.15"
}

// catalogue2013 is the embedded correspondence: the 114 controls of 2013 in order.
var catalogue2013 = sync.OnceValue(func() (c struct {
	order []*control2013
	byRef map[string]*control2013
	heads map[string]bool // 2013 themes and objectives: "A.9", "A.9.1"
}) {
	rd := csv.NewReader(strings.NewReader(iso2013CSV))
	rd.Comment = '#'
	rd.FieldsPerRecord = 3
	rows, err := rd.ReadAll()
	if err != nil {
		panic("importer: embedded 2013 correspondence: " + err.Error())
	}
	c.byRef, c.heads = map[string]*control2013{}, map[string]bool{}
	for _, r := range rows[1:] {
		if _, ok := isms.LookupControl(r[2]); !ok || isms.NormalizeControlRef(r[2]) != r[2] {
			panic("importer: embedded 2013 correspondence: " + r[2] + " is not a 2022 control")
		}
		ctl, ok := c.byRef[r[0]]
		if !ok {
			ctl = &control2013{Ref: r[0], Title: r[1]}
			c.byRef[r[0]] = ctl
			c.order = append(c.order, ctl)
			parts := strings.Split(r[0], ".")
			c.heads[strings.Join(parts[:2], ".")], c.heads[strings.Join(parts[:3], ".")] = true, true
		}
		ctl.Targets = append(ctl.Targets, r[2])
	}
	return c
})

// ref2013 reads a reference as a control number of ISO/IEC 27001:2013: "A.9.1.1", "a 9.1.1",
// "A.09.01.01" or "9.1.1" (explicit says whether it was written with its "A"). Headings
// ("A.9", "A.9.1") are not controls.
func ref2013(ref string) (c *control2013, explicit bool) {
	parts, explicit, ok := annexParts(ref)
	if !ok || len(parts) != 3 {
		return nil, explicit
	}
	return catalogue2013().byRef["A."+strings.Join(parts, ".")], explicit
}

// heading2013 reports whether a reference is a theme or objective of the 2013 Annex A,
// written with its "A" ("A.9", "A.9.1").
func heading2013(ref string) bool {
	parts, explicit, ok := annexParts(ref)
	return ok && explicit && len(parts) <= 2 && catalogue2013().heads["A."+strings.Join(parts, ".")]
}

// annexParts splits an Annex A style reference into its numbers, leading zeros dropped.
func annexParts(ref string) (parts []string, explicit, ok bool) {
	u := strings.ToUpper(strings.TrimSpace(ref))
	u = strings.TrimSpace(strings.TrimPrefix(u, "ANNEX"))
	if strings.HasPrefix(u, "A") {
		explicit, u = true, strings.TrimLeft(u[1:], " .-_")
	}
	parts = strings.FieldsFunc(u, func(r rune) bool { return r == '.' || r == ' ' || r == '-' })
	if len(parts) == 0 {
		return nil, explicit, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 {
			return nil, explicit, false
		}
		parts[i] = strconv.Itoa(n)
	}
	return parts, explicit, true
}

// ISO2013 says that a controls file is a Statement of Applicability of ISO/IEC 27001:2013
// and what bringing it onto the 2022 controls does (Request.From2013).
type ISO2013 struct {
	Rows     int          `json:"rows"`     // rows numbered as 2013 controls
	Headings int          `json:"headings"` // 2013 theme and objective rows, left out as sections
	Applied  bool         `json:"applied"`  // the request brings the rows onto the 2022 controls
	Message  string       `json:"message"`  // what the file is and what can be done
	Targets  []Target2013 `json:"targets"`  // the 2022 controls the rows update, in catalogue order
	// Split lists the file's 2013 controls that feed more than one 2022 control.
	Split []Split2013 `json:"split"`
	// Unmapped lists the file's 2013 controls with no 2022 counterpart (Table B.2 has none).
	Unmapped []string `json:"unmapped"`
	// New lists the 2022 controls that no 2013 control maps to: left as they were.
	New []string `json:"new"`
}

// Target2013 is a 2022 control and the 2013 rows it takes its decision from.
type Target2013 struct {
	Ref   string   `json:"ref"`
	Title string   `json:"title"`
	From  []string `json:"from"` // 2013 references, in row order
	// Note says what differed between several sources and what was kept, or why the
	// sources were left out; "" when there was nothing to choose.
	Note string `json:"note"`
}

// Split2013 is a 2013 control whose decision goes to several 2022 controls.
type Split2013 struct {
	From string   `json:"from"`
	To   []string `json:"to"`
}

// source2013 is a valid row of a 2013 file.
type source2013 struct {
	row   int
	ref   string
	ctl   *isms.Control
	owner string
}

// legacy is a resolver's state for a 2013 file.
type legacy struct {
	sum     *ISO2013
	sources []source2013
}

// englishTitles reports whether a file's control titles are written in English, so
// that they can be compared with the catalogue's: titles in another language share no
// words with it and are not checked.
func englishTitles(results []xlsx.RowResult) bool {
	en := map[string]bool{"of": true, "and": true, "for": true, "the": true, "to": true, "with": true, "on": true, "in": true, "from": true}
	other := map[string]bool{"de": true, "des": true, "du": true, "la": true, "le": true, "les": true, "et": true, "pour": true, "l": true, "d": true,
		"der": true, "die": true, "das": true, "und": true, "von": true, "zur": true, "zum": true, "fur": true, "den": true,
		"y": true, "del": true, "el": true, "los": true, "las": true, "para": true, "e": true, "di": true, "della": true}
	var nEn, nOther int
	for _, res := range results {
		x, ok := res.Record.(*xlsx.ControlRow)
		if !ok {
			continue
		}
		for _, w := range strings.Fields(xlsx.Normalize(x.Control.Title)) {
			switch {
			case en[w]:
				nEn++
			case other[w]:
				nOther++
			}
		}
	}
	return nOther <= nEn
}

// titleStop are words every control title may share: they tell nothing.
var titleStop = map[string]bool{"a": true, "an": true, "and": true, "the": true, "of": true, "for": true, "to": true, "in": true, "on": true,
	"or": true, "with": true, "by": true, "from": true, "its": true, "is": true, "information": true, "security": true, "infosec": true,
	"isms": true, "iso": true, "control": true, "controls": true, "annex": true}

// titleWords are the words of a title that carry its meaning.
func titleWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(xlsx.Normalize(s)) {
		if !titleStop[w] && strings.Trim(w, "0123456789") != "" {
			if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
				w = w[:len(w)-1] // logs, rights
			}
			out = append(out, w)
		}
	}
	return out
}

// titleLike reports whether a title from a sheet can be the catalogue's title: they share
// a word, folded to its first five letters (policy, policies) or one a prefix of the
// other (log, logging). A title with no meaningful words is not judged.
func titleLike(sheet, catalogue string) bool {
	a, b := titleWords(sheet), titleWords(catalogue)
	if len(a) == 0 {
		return true
	}
	stem := func(w string) string {
		if r := []rune(w); len(r) > 5 {
			return string(r[:5])
		}
		return w
	}
	for _, x := range a {
		for _, y := range b {
			if stem(x) == stem(y) || (len(x) >= 3 && len(y) >= 3 && (strings.HasPrefix(x, y) || strings.HasPrefix(y, x))) {
				return true
			}
		}
	}
	return false
}

// detect2013 looks at a controls file: when at least three rows are numbered as
// ISO/IEC 27001:2013 controls, it is a 2013 Statement of Applicability.
func (r *resolver) detect2013(results []xlsx.RowResult) {
	n, first := 0, ""
	for _, res := range results {
		x, ok := res.Record.(*xlsx.ControlRow)
		if !ok || res.Section {
			continue
		}
		if c := r.row2013(x); c != nil {
			n++
			if first == "" {
				first = c.Ref
			}
		}
	}
	if n < 3 {
		return
	}
	sum := &ISO2013{Rows: n, Applied: r.p.Request.From2013, Targets: []Target2013{}, Split: []Split2013{}, Unmapped: []string{}, New: []string{}}
	what := "can be brought"
	if sum.Applied {
		what = "are brought"
	}
	sum.Message = fmt.Sprintf("%s is a Statement of Applicability of ISO/IEC 27001:2013: %d rows are numbered as its controls (such as %s), not as the 93 controls of 2022. "+
		"Their applicability, justification and implementation status %s onto the 2022 controls through the correspondence of ISO/IEC 27002:2022 Annex B (Table B.2).",
		r.p.FileName, n, first, what)
	if !sum.Applied {
		sum.Message += " Nothing is imported until that is chosen."
	}
	r.iso = &legacy{sum: sum}
	r.p.ISO2013 = sum
}

// row2013 returns the 2013 control a row is, or nil: a reference written as a 2013
// control whose title (when the file gives one) is that control's. Without its "A" a
// number below 11 is a 2013 control only when the title says so (6.1.1 is also a clause).
func (r *resolver) row2013(x *xlsx.ControlRow) *control2013 {
	c, explicit := ref2013(x.SourceRef)
	if c == nil {
		return nil
	}
	title := x.Control.Title
	if title == "" || !r.checkTitles {
		if explicit || !strings.HasPrefix(c.Ref, "A.5.") && !strings.HasPrefix(c.Ref, "A.6.") && !strings.HasPrefix(c.Ref, "A.7.") &&
			!strings.HasPrefix(c.Ref, "A.8.") && !strings.HasPrefix(c.Ref, "A.9.") && !strings.HasPrefix(c.Ref, "A.10.") {
			return c
		}
		return nil
	}
	if explicit || titleLike(title, c.Title) {
		return c
	}
	return nil
}

// controlRow checks a Statement of Applicability row against the catalogue. It reports
// whether the row goes on to be planned like any other: false when it is a problem, a
// 2013 heading (counted as a section) or a 2013 control kept for the correspondence.
func (r *resolver) controlRow(row *PlannedRow, res xlsx.RowResult, x *xlsx.ControlRow, problem func(field, msg string)) bool {
	src, title := strings.TrimSpace(x.SourceRef), x.Control.Title
	if r.iso != nil {
		if c := r.row2013(x); c != nil {
			if title != "" && r.checkTitles && !titleLike(title, c.Title) {
				problem("ref", fmt.Sprintf("%s '%s' does not look like ISO/IEC 27001:2013 %s '%s': check the reference or the title", src, title, c.Ref, c.Title))
				return false
			}
			if first, dup := r.seen["2013:"+c.Ref]; dup {
				problem("ref", fmt.Sprintf("repeats the record of row %d", first))
				return false
			}
			r.seen["2013:"+c.Ref] = res.Row
			r.iso.sources = append(r.iso.sources, source2013{row: res.Row, ref: c.Ref, ctl: x.Control, owner: x.OwnerName})
			row.Ref, row.Title, row.Action = c.Ref, c.Title, actionFolded
			return false
		}
		if heading2013(src) {
			if cat, ok := isms.LookupControl(src); !ok || title == "" || !titleLike(title, cat.Title) {
				row.Action = ActionSection
				r.iso.sum.Headings++
				return false
			}
		}
	}
	if src == "" || !r.checkTitles || title == "" {
		return true
	}
	if !x.Control.Custom {
		cat, _ := isms.LookupControl(x.Control.Ref)
		if !titleLike(title, cat.Title) {
			problem("ref", fmt.Sprintf("%s '%s' does not look like %s '%s': is this a clause number, or a 2013 SoA?", src, title, cat.Ref, cat.Title))
			return false
		}
		return true
	}
	if parts, explicit, ok := annexParts(src); ok && !explicit {
		// 2013 and 2022 number some sub-clauses differently (10.1 and 10.2 swapped): any
		// sub-clause of the same clause will do
		if cl, ok := isms.LookupClause(strings.Join(parts, ".")); ok && clauseLike(parts[0], title) {
			problem("ref", fmt.Sprintf("%s '%s' is clause %s of ISO/IEC 27001, not an Annex A control: leave it out of the Statement of Applicability, or give it a reference of its own to keep it as a custom control", src, title, cl.Ref))
			return false
		}
	}
	return true
}

// clauseLike reports whether a title is that of a sub-clause of ISO/IEC 27001 clause n.
func clauseLike(n, title string) bool {
	for _, cl := range isms.Clauses() {
		if (cl.Ref == n || strings.HasPrefix(cl.Ref, n+".")) && titleLike(title, cl.Title) {
			return true
		}
	}
	return false
}

// keepCatalogueTitle gives a row matched to an Annex A control the stored title (the
// catalogue's): an import never renames a control of the standard.
func keepCatalogueTitle(c *isms.Control, stored isms.Record) {
	if c.Custom {
		return
	}
	if old, ok := stored.(*isms.Control); ok && !old.Custom {
		c.Title = old.Title
		return
	}
	if cat, ok := isms.LookupControl(c.Ref); ok {
		c.Title = cat.Title
	}
}

// actionFolded marks a row of a 2013 file that the 2022 controls it feeds are planned
// from; it is not a row of the plan itself.
const actionFolded Action = "folded"

// implOrder ranks implementation statuses, least advanced first.
var implOrder = []string{isms.ImplNotStarted, isms.ImplPlanned, isms.ImplInProgress, isms.ImplImplemented}

// finish2013 plans the 2022 controls a 2013 file updates: each takes the most demanding
// decision of its sources (applicable over not assessed over not applicable, the least
// advanced implementation status, the earliest due date) and their texts joined.
func (r *resolver) finish2013() error {
	if r.iso == nil {
		return nil
	}
	sum := r.iso.sum
	byTarget := map[string][]source2013{}
	inFile := map[string]bool{}
	for _, s := range r.iso.sources {
		inFile[s.ref] = true
		c := catalogue2013().byRef[s.ref]
		if len(c.Targets) > 1 {
			sum.Split = append(sum.Split, Split2013{From: c.Ref, To: slices.Clone(c.Targets)})
		}
		for _, t := range c.Targets {
			byTarget[t] = append(byTarget[t], s)
		}
	}
	fed := map[string]bool{}
	for _, c := range catalogue2013().order {
		for _, t := range c.Targets {
			fed[t] = true
		}
		if len(c.Targets) == 0 && inFile[c.Ref] {
			sum.Unmapped = append(sum.Unmapped, c.Ref)
		}
	}
	fields := map[string]bool{}
	for _, f := range r.mappedFields() {
		switch f {
		case "applicability", "justification", "status", "ownerId", "implementationPlan", "metric", "evidence", "dueDate", "notes":
			fields[f] = true
		}
	}
	for _, cat := range isms.AnnexA() {
		if !fed[cat.Ref] {
			sum.New = append(sum.New, cat.Ref+" "+cat.Title)
		}
		srcs := byTarget[cat.Ref]
		if len(srcs) == 0 {
			continue
		}
		t := Target2013{Ref: cat.Ref, Title: cat.Title}
		for _, s := range srcs {
			t.From = append(t.From, s.ref)
		}
		if own, ok := r.seen[fold(cat.Ref)]; ok {
			t.Note = fmt.Sprintf("the file has a row of its own for %s (row %d): the 2013 rows are left out for it", cat.Ref, own)
			sum.Targets = append(sum.Targets, t)
			continue
		}
		ctl, note := combine2013(cat, srcs)
		t.Note = note
		sum.Targets = append(sum.Targets, t)
		row := PlannedRow{Row: srcs[0].row, Ref: cat.Ref, Title: cat.Title, Problems: []xlsx.Problem{}}
		mark := r.mark()
		r.keep = map[string]bool{}
		ctl.OwnerID = r.personFrom("owner", owner2013(srcs), "")
		use := fields
		if r.keep["ownerId"] { // a guessed owner column adds no one: the stored owner stays
			use = maps.Clone(fields)
			delete(use, "ownerId")
		}
		if err := r.plan2013(&row, ctl, use); err != nil {
			return err
		}
		if len(row.Problems) > 0 {
			r.undo(mark) // no person is added for a control left out
		}
		r.count(row)
	}
	return nil
}

// plan2013 plans the update of one 2022 control from its combined 2013 decision.
func (r *resolver) plan2013(row *PlannedRow, ctl *isms.Control, fields map[string]bool) error {
	old, err := r.tx.ByRef(isms.KindControl, ctl.Ref)
	if isms.ErrorCode(err) == isms.CodeNotFound { // an Annex A control removed from the store comes back
		if err := ctl.Validate(); err != nil {
			r.fieldProblems(row, row.Row, err)
			return nil
		}
		row.Action, row.rec = ActionCreate, ctl
		return nil
	}
	if err != nil {
		return err
	}
	var list []string
	for f := range fields {
		list = append(list, f)
	}
	merged, changed, err := merge(old, ctl, list, xlsx.KindControls)
	if err != nil {
		return err
	}
	if err := merged.Validate(); err != nil {
		r.fieldProblems(row, row.Row, err)
		return nil
	}
	switch {
	case !changed:
		row.Action = ActionUnchanged
	default:
		row.Action, row.rec = ActionUpdate, merged
	}
	return nil
}

// count adds a planned row to the plan and its counts.
func (r *resolver) count(row PlannedRow) {
	p := r.p
	if len(row.Problems) > 0 {
		row.Action, row.rec = ActionInvalid, nil
		p.Counts.Invalid++
		p.Errors = append(p.Errors, row.Problems...)
	}
	switch row.Action {
	case ActionCreate:
		p.Counts.Created++
	case ActionUpdate:
		p.Counts.Updated++
	case ActionUnchanged:
		p.Counts.Unchanged++
	}
	p.Rows = append(p.Rows, row)
}

// combine2013 is the decision a 2022 control takes from its 2013 sources, and a note
// saying what differed and what was kept.
func combine2013(cat isms.CatalogueControl, srcs []source2013) (*isms.Control, string) {
	ctl := &isms.Control{Ref: cat.Ref, Title: cat.Title, Theme: cat.Theme, Applicability: isms.ApplicabilityNotApplicable}
	appl := map[string][]string{}
	for _, s := range srcs {
		appl[s.ctl.Applicability] = append(appl[s.ctl.Applicability], s.ref)
	}
	switch {
	case len(appl[isms.ApplicabilityApplicable]) > 0:
		ctl.Applicability = isms.ApplicabilityApplicable
	case len(appl[isms.ApplicabilityNotAssessed]) > 0:
		ctl.Applicability = isms.ApplicabilityNotAssessed
	}
	var notes []string
	if len(appl) > 1 {
		var parts []string
		for _, a := range isms.Applicabilities {
			if refs := appl[a.Value]; len(refs) > 0 {
				parts = append(parts, strings.Join(refs, ", ")+" "+strings.ToLower(a.Label))
			}
		}
		notes = append(notes, fmt.Sprintf("%s: %s kept", strings.Join(parts, "; "), strings.ToLower(isms.Applicabilities.Label(ctl.Applicability))))
	}
	if ctl.Applicability == isms.ApplicabilityNotApplicable {
		ctl.Status = isms.ImplNotApplicable
	} else {
		best, statuses := len(implOrder), map[string]bool{}
		for _, s := range srcs {
			if i := slices.Index(implOrder, s.ctl.Status); i >= 0 && (s.ctl.Applicability == ctl.Applicability || ctl.Applicability != isms.ApplicabilityApplicable) {
				statuses[s.ctl.Status] = true
				best = min(best, i)
			}
		}
		ctl.Status = isms.ImplNotStarted
		if best < len(implOrder) {
			ctl.Status = implOrder[best]
		}
		if len(statuses) > 1 {
			notes = append(notes, fmt.Sprintf("implementation statuses differ: %s kept", strings.ToLower(isms.ImplementationStatuses.Label(ctl.Status))))
		}
	}
	text := func(get func(*isms.Control) string) string {
		var parts []string
		seen := map[string]bool{}
		for _, s := range srcs {
			if v := strings.TrimSpace(get(s.ctl)); v != "" && !seen[v] {
				seen[v] = true
				parts = append(parts, v)
			}
		}
		if len(parts) <= 1 || len(srcs) == 1 {
			return strings.Join(parts, "\n")
		}
		parts = parts[:0]
		for _, s := range srcs {
			if v := strings.TrimSpace(get(s.ctl)); v != "" {
				label := s.ref
				if s.ctl.Applicability != ctl.Applicability {
					label += " (" + strings.ToLower(isms.Applicabilities.Label(s.ctl.Applicability)) + ")"
				}
				parts = append(parts, label+": "+v)
			}
		}
		return strings.Join(parts, "\n")
	}
	ctl.Justification = text(func(c *isms.Control) string { return c.Justification })
	ctl.ImplementationPlan = text(func(c *isms.Control) string { return c.ImplementationPlan })
	ctl.Metric = text(func(c *isms.Control) string { return c.Metric })
	ctl.Evidence = text(func(c *isms.Control) string { return c.Evidence })
	ctl.Notes = text(func(c *isms.Control) string { return c.Notes })
	for _, s := range srcs {
		if s.ctl.DueDate != "" && (ctl.DueDate == "" || s.ctl.DueDate < ctl.DueDate) {
			ctl.DueDate = s.ctl.DueDate
		}
	}
	return ctl, strings.Join(notes, "; ")
}

// owner2013 is the owner a combined control takes: the first owner of an applicable
// source, else the first owner given.
func owner2013(srcs []source2013) string {
	for _, s := range srcs {
		if s.owner != "" && s.ctl.Applicability == isms.ApplicabilityApplicable {
			return s.owner
		}
	}
	for _, s := range srcs {
		if s.owner != "" {
			return s.owner
		}
	}
	return ""
}

// refuse2013 is the error of committing a 2013 file that was not brought onto 2022.
func (p *Plan) refuse2013() error {
	if p.ISO2013 == nil || p.ISO2013.Applied {
		return nil
	}
	return isms.Errorf(isms.CodeInvalid, "%s is a Statement of Applicability of ISO/IEC 27001:2013 (%d rows numbered as its controls): "+
		"bring it onto the 2022 controls through the ISO/IEC 27002:2022 Annex B correspondence; nothing was imported", p.FileName, p.ISO2013.Rows)
}
