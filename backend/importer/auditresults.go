package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// An audit-results import brings checklist results into the audit the user chose
// (Request.Audit): a row matches the checklist item with the same clause or control and
// question (an item is also found by one of the two when only one item has it), and
// gives its result and evidence notes; a row that matches no item adds one. All rows
// become one change of the audit's checklist through isms.(*Audit).SetChecklist, so the
// domain's rules apply (results once the audit has started, a reason for "not
// sampled"); the audit's status never moves, and a reported, closed or cancelled audit
// is refused. A blank result or evidence cell keeps the stored value; importing the
// same file again changes nothing.

// auditUpdate is the planned change of the chosen audit's checklist.
type auditUpdate struct {
	audit  *isms.Audit    // the record written: a copy of the stored audit
	rows   map[string]int // item key -> Excel row that gave it
	hasRow bool           // a planned row carries the audit as its record
}

// loadAudit finds the audit the request names: its ID, reference or exact title.
func (r *resolver) loadAudit() error {
	name := strings.TrimSpace(r.p.Request.Audit)
	if name == "" {
		return &isms.Error{Code: isms.CodeInvalid, Message: "choose the audit these checklist results belong to (add it under Internal audits first)",
			Fields: map[string]string{"audit": "is required: the audit's reference or title"}}
	}
	var byID, byRef *isms.Audit
	var byTitle []*isms.Audit
	err := r.tx.Each(isms.KindAudit, func(rec isms.Record) error {
		a := rec.(*isms.Audit)
		switch {
		case a.ID == name:
			byID = a
		case fold(a.Ref) == fold(name):
			byRef = a
		case fold(a.Title) == fold(name):
			byTitle = append(byTitle, a)
		}
		return nil
	})
	if err != nil {
		return err
	}
	found := byID
	if found == nil {
		found = byRef
	}
	if found == nil {
		switch len(byTitle) {
		case 0:
			return &isms.Error{Code: isms.CodeInvalid, Message: fmt.Sprintf("there is no audit with the reference or title %q: add it under Internal audits first", name),
				Fields: map[string]string{"audit": "names no audit"}}
		case 1:
			found = byTitle[0]
		default:
			return &isms.Error{Code: isms.CodeInvalid, Message: fmt.Sprintf("%q is the title of more than one audit: use the audit's reference", name),
				Fields: map[string]string{"audit": "names more than one audit"}}
		}
	}
	switch found.Status {
	case isms.AuditCompleted, isms.AuditClosed, isms.AuditCancelled:
		msg := fmt.Sprintf("%s is %s: its checklist is kept", found.Ref, strings.ToLower(isms.AuditStatuses.Label(found.Status)))
		if found.Status == isms.AuditCompleted {
			msg += "; reopen it in ISMS Desk (Internal audits) to correct its results"
		}
		return &isms.Error{Code: isms.CodeLocked, Message: msg, Fields: map[string]string{"audit": "is " + strings.ToLower(isms.AuditStatuses.Label(found.Status))}}
	}
	c := *found
	c.Checklist = slices.Clone(found.Checklist)
	r.audit = &auditUpdate{audit: &c, rows: map[string]int{}}
	return nil
}

func itemKey(ref, question string) string { return fold(isms.ItemRef(ref)) + "|" + fold(question) }

// item finds the checklist item a row names; -1 when none.
func (u *auditUpdate) item(ref, question string) int {
	k := itemKey(ref, question)
	for i, c := range u.audit.Checklist {
		if itemKey(c.Ref, c.Question) == k {
			return i
		}
	}
	// one of the two, when it names one item only
	found := -1
	for i, c := range u.audit.Checklist {
		byRef := question == "" && ref != "" && fold(isms.ItemRef(c.Ref)) == fold(isms.ItemRef(ref))
		byQuestion := ref == "" && question != "" && fold(c.Question) == fold(question)
		if byRef || byQuestion {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// auditResult plans one checklist row.
func (r *resolver) auditResult(row *PlannedRow, res xlsx.RowResult) error {
	u := r.audit
	problem := func(field, msg string) {
		row.Problems = append(row.Problems, xlsx.Problem{Row: res.Row, Column: r.p.Mapping.Columns[field], Field: field, Message: msg})
	}
	ref := strings.TrimSpace(res.Values.Get("ref"))
	question := strings.Join(strings.Fields(res.Values.Get("question")), " ")
	row.Ref, row.Title = isms.ItemRef(ref), question
	if ref == "" && question == "" {
		problem("question", "is empty: give the question, or the clause or control the item checks")
		return nil
	}
	result := ""
	if v := strings.TrimSpace(res.Values.Get("result")); v != "" {
		var err error
		if result, err = xlsx.ParseEnum("checklistResult", v); err != nil {
			problem("result", err.Error())
			return nil
		}
	}
	k := itemKey(ref, question)
	if first, dup := u.rows[k]; dup {
		problem("question", fmt.Sprintf("repeats the checklist item of row %d", first))
		return nil
	}
	u.rows[k] = res.Row
	i := u.item(ref, question)
	var c isms.ChecklistItem
	if i >= 0 {
		c = u.audit.Checklist[i]
	} else {
		c = isms.ChecklistItem{Ref: ref, Question: question}
	}
	before := c
	// a blank cell (or an unmapped column) keeps the stored value
	if result != "" {
		c.Result = result
	}
	if ev := notSampledReason(res.Values.Get("evidence")); ev != "" {
		c.Evidence = ev
	}
	if i >= 0 && c == before {
		row.Action = ActionUnchanged
		return nil
	}
	items := slices.Clone(u.audit.Checklist)
	at := i
	if i >= 0 {
		items[i] = c
	} else {
		at = len(items)
		items = append(items, c)
	}
	next := *u.audit
	if err := next.SetChecklist(items); err != nil {
		e, ok := err.(*isms.Error)
		if !ok {
			return err
		}
		prefix := fmt.Sprintf("checklist[%d].", at)
		reported := false
		for f, msg := range e.Fields {
			if field, mine := strings.CutPrefix(f, prefix); mine {
				problem(map[string]string{"result": "result", "evidence": "evidence", "question": "question"}[field], msg)
				reported = true
			}
		}
		if !reported {
			problem("result", e.Message)
		}
		return nil
	}
	*u.audit = next
	if i >= 0 {
		row.Action = ActionUpdate
	} else {
		row.Action = ActionCreate
	}
	if !u.hasRow {
		u.hasRow, row.rec = true, u.audit
	}
	return nil
}

// notSampledReason reads evidence notes as the audit report writes them: the reason an
// item was not sampled follows "Reason not sampled:" ("not given" when there is none).
func notSampledReason(v string) string {
	v = strings.TrimSpace(v)
	const prefix = "reason not sampled:"
	if len(v) >= len(prefix) && strings.EqualFold(v[:len(prefix)], prefix) {
		v = strings.TrimSpace(v[len(prefix):])
		if strings.EqualFold(v, "not given") {
			return ""
		}
	}
	return v
}
