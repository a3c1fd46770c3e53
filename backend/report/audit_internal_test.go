package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// tableRows returns a table's rows as the cells' text (dates as written, nil as "").
func tableRows(t *testing.T, tb *table) [][]string {
	t.Helper()
	var out [][]string
	err := tb.Rows(func(vals ...any) error {
		row := make([]string, len(vals))
		for i, v := range vals {
			if v != nil {
				row[i] = fmt.Sprint(v)
			}
		}
		out = append(out, row)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// columnIndex returns the index of a table's column, failing when it has none of the name.
func columnIndex(t *testing.T, tb *table, name string) int {
	t.Helper()
	for i, c := range tb.Cols {
		if c.Name == name {
			return i
		}
	}
	t.Fatalf("no column %q", name)
	return -1
}

// fieldValue returns the value of a field table's row.
func fieldValue(t *testing.T, tb *table, field string) string {
	t.Helper()
	for _, r := range tableRows(t, tb) {
		if r[0] == field {
			return r[1]
		}
	}
	t.Fatalf("no field %q", field)
	return ""
}

// reportedAudit is a reported audit by an external auditor with the scope and checklist.
func reportedAudit(scope string, items ...isms.ChecklistItem) *isms.Audit {
	return &isms.Audit{Meta: isms.Meta{ID: "a1"}, Ref: "IA-7", Title: "Access and audit", AuditorName: "Audit Skills Ltd",
		Status: isms.AuditCompleted, StartDate: "2025-05-01", EndDate: "2025-05-02", ReportDate: "2025-05-05",
		Scope: scope, Conclusion: "Access control needs corrective action.", Checklist: items}
}

// auditSnap is the snapshot of the records with the audit report's ID set to the audit.
func auditSnap(t *testing.T, recs ...isms.Record) *snap {
	t.Helper()
	s := snapOf(t, recs...)
	s.id = "IA-7"
	return s
}

// linkedSnap stores the records, then links the finding to the nonconformity it raised
// and the nonconformity to its corrective actions, as the workflow does, and loads the
// audit report's snapshot.
func linkedSnap(t *testing.T, f *isms.Finding, n *isms.Nonconformity, recs ...isms.Record) *snap {
	t.Helper()
	db, err := store.Open("", store.Options{InMemory: true, Clock: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Update(func(tx *store.Tx) error {
		for _, r := range recs {
			if err := tx.Create(r, "test"); err != nil {
				return err
			}
		}
		for _, r := range recs {
			if a, ok := r.(*isms.Action); ok && a.NonconformityID == n.ID {
				n.CorrectiveActionIDs = append(n.CorrectiveActionIDs, a.ID)
			}
		}
		f.NonconformityID = n.ID
		if err := tx.Put(f, "test"); err != nil {
			return err
		}
		return tx.Put(n, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	var s *snap
	if err := db.View(func(tx *store.Tx) (err error) { s, err = load(tx, execKinds, testNow, "IA-7"); return err }); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestScopeCoverage: each clause and control the stated scope names shows whether a
// tested checklist item covers it; a clause the checklist lacks is "not covered", an item
// not sampled is "not sampled" with its reason, an item on a parent clause covers its
// sub-clauses, and an item outside the scope is listed as beyond it. The report sheet and
// the executive figure say the same.
func TestScopeCoverage(t *testing.T) {
	a := reportedAudit("Clauses 7.2, 9.2 and 10.2; controls A.5.15 and A.7.4",
		isms.ChecklistItem{Ref: "7.2", Question: "Competence evidenced?", Result: isms.ResultConforming, Evidence: "Training records of 5 staff"},
		isms.ChecklistItem{Ref: "A.7.4", Question: "Office monitored?", Result: isms.ResultNotSampled, Evidence: "Alarm contract being renewed"},
		isms.ChecklistItem{Ref: "A.8.8", Question: "Vulnerabilities managed?", Result: isms.ResultConforming})
	s := auditSnap(t, a)
	cov := scopeCoverage(s, a)
	state := map[string]string{}
	for _, c := range cov.Named {
		state[c.Ref] = c.State
	}
	want := map[string]string{"7.2": covCovered, "9.2.1": covNotCovered, "9.2.2": covNotCovered, "10.2": covNotCovered,
		"A.5.15": covNotCovered, "A.7.4": covNotSampled}
	if fmt.Sprint(state) != fmt.Sprint(want) {
		t.Errorf("coverage %v, want %v", state, want)
	}
	if len(cov.Extra) != 1 || cov.Extra[0].Ref != "A.8.8" || cov.Extra[0].State != covBeyond {
		t.Errorf("beyond the scope: %+v, want A.8.8", cov.Extra)
	}

	sheet := coverageTable(cov)
	rows := tableRows(t, sheet)
	byRef := map[string][]string{}
	for _, r := range rows {
		byRef[r[0]] = r
	}
	title, coverage, notes := columnIndex(t, sheet, "Title"), columnIndex(t, sheet, "Coverage"), columnIndex(t, sheet, "Evidence notes or reason not sampled")
	if r := byRef["9.2.2"]; r == nil || r[coverage] != "Not covered" || r[title] != "Internal audit programme" {
		t.Errorf("clause 9.2.2, not on the checklist: %q, want not covered with its title", r)
	}
	if r := byRef["A.7.4"]; r == nil || r[coverage] != "Not sampled" || r[notes] != "Alarm contract being renewed" {
		t.Errorf("A.7.4: %q, want not sampled with the reason", r)
	}

	report := auditReportTable(s, a, nil, cov)
	if got := fieldValue(t, report, "Clauses not covered"); got != "9.2.1 General\n9.2.2 Internal audit programme\n10.2 Nonconformity and corrective action" {
		t.Errorf("clauses not covered: %q", got)
	}
	if got := fieldValue(t, report, "Controls not covered"); got != "A.5.15 Access control" {
		t.Errorf("controls not covered: %q", got)
	}
	if got := fieldValue(t, report, "Not sampled"); got != "A.7.4 Physical security monitoring: Alarm contract being renewed" {
		t.Errorf("not sampled: %q", got)
	}
	if got := fieldValue(t, report, "Scope coverage"); !strings.Contains(got, "Of the 6 clauses and Annex A controls the scope names, 1 is covered by tested checklist items, 1 not sampled and 4 not covered") {
		t.Errorf("scope coverage: %q", got)
	}
	f, ok := figAuditScope(s)
	if !ok || f.Text != "1 of 6 (16.7%)" || f.RAG != ragRed {
		t.Errorf("scope figure %+v, want 1 of 6 in red", f)
	}

	// an item on clause 9.2 covers 9.2.1 and 9.2.2; with every clause and control tested
	// nothing is left uncovered and the figure is green
	a = reportedAudit("Clauses 7.2 and 9.2; A.5.15",
		isms.ChecklistItem{Ref: "Clause 7.2", Question: "Competence?", Result: isms.ResultMinorNC},
		isms.ChecklistItem{Ref: "9.2", Question: "Audit programme?", Result: isms.ResultConforming},
		isms.ChecklistItem{Ref: "A 5.15", Question: "Access reviews?", Result: isms.ResultObservation})
	s = auditSnap(t, a)
	cov = scopeCoverage(s, a)
	if n := cov.count(covCovered); n != 4 || len(cov.Named) != 4 {
		t.Errorf("%d of %d covered, want 4 of 4: %+v", n, len(cov.Named), cov.Named)
	}
	if got := fieldValue(t, auditReportTable(s, a, nil, cov), "Clauses not covered"); got != "None" {
		t.Errorf("clauses not covered: %q, want None", got)
	}
	if f, _ := figAuditScope(s); f.RAG != ragGreen {
		t.Errorf("scope figure %+v, want green", f)
	}
}

// TestFindingsSheet: each finding is graded with the grade's label, most serious first,
// with its requirement titled from the standard and its evidence; a nonconformity's
// finding names the NC, its owner, and each corrective action's owner, due date and
// status (overdue when it is); an observation leaves those columns empty.
func TestFindingsSheet(t *testing.T) {
	recs := []isms.Record{
		&isms.Person{Meta: isms.Meta{ID: "p1"}, Name: "Aisha Rahman", Active: true},
		&isms.Person{Meta: isms.Meta{ID: "p2"}, Name: "James Whitfield", Active: true},
		reportedAudit("A.5.15 and A.5.24"),
		&isms.Finding{Meta: isms.Meta{ID: "f1"}, AuditID: "a1", Ref: "IA-7-F1", Title: "Incident plan in draft", Severity: isms.SeverityObservation,
			Clause: "A.5.24", Description: "The incident procedure is in draft."},
		&isms.Finding{Meta: isms.Meta{ID: "f2"}, AuditID: "a1", Ref: "IA-7-F2", Title: "Access not reviewed", Severity: isms.SeverityMinor,
			Clause: "A.5.15", Description: "No production access review for two quarters."},
		&isms.Nonconformity{Meta: isms.Meta{ID: "n1"}, Ref: "NC-9", Title: "Access not reviewed", Source: isms.NCSourceAudit, FindingID: "f2",
			DetectedOn: "2025-05-02", OwnerID: "p2", Status: isms.NCCorrectiveAction, DueDate: "2025-07-15",
			Correction: "Access reviewed", CorrectionOn: "2025-05-03", RootCause: "No owner", SimilarCheck: "None found"},
		&isms.Action{Meta: isms.Meta{ID: "x1"}, Ref: "ACT-31", Title: "Automate the access export", OwnerID: "p1", DueDate: "2025-06-05",
			Status: isms.ActionInProgress, NonconformityID: "n1"},
		&isms.Action{Meta: isms.Meta{ID: "x2"}, Ref: "ACT-32", Title: "Name a review owner", OwnerID: "p2", DueDate: "2025-05-20",
			Status: isms.ActionDone, CompletedOn: "2025-05-18", NonconformityID: "n1"},
	}
	s := linkedSnap(t, recs[4].(*isms.Finding), recs[5].(*isms.Nonconformity), recs...)
	a, err := find[*isms.Audit](s, isms.KindAudit, s.id)
	if err != nil {
		t.Fatal(err)
	}
	tb := findingsTable(s, auditFindings(s, a))
	rows := tableRows(t, tb)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	minor, obs := rows[0], rows[1] // most serious first
	col := func(name string) int { return columnIndex(t, tb, name) }
	acts := col("Corrective actions: owner, due date, status")
	want := map[string]string{
		"Reference": "IA-7-F2", "Grade": "Minor nonconformity", "Requirement": "A.5.15 Access control",
		"Evidence": "No production access review for two quarters.", "Nonconformity": "NC-9", "Owner": "James Whitfield",
		"Status": "Corrective action", "Due date": "2025-07-15",
	}
	for name, v := range want {
		if got := minor[col(name)]; got != v {
			t.Errorf("minor finding's %s: %q, want %q", name, got, v)
		}
	}
	lines := strings.Split(minor[acts], "\n")
	if len(lines) != 2 || lines[0] != "ACT-31 Automate the access export: Aisha Rahman, due 2025-06-05, in progress, overdue" ||
		lines[1] != "ACT-32 Name a review owner: James Whitfield, due 2025-05-20, done on 2025-05-18" {
		t.Errorf("corrective actions: %q", minor[acts])
	}
	if obs[col("Grade")] != "Observation" || obs[col("Requirement")] != "A.5.24 Information security incident management planning and preparation" {
		t.Errorf("observation row: %q", obs)
	}
	for _, name := range []string{"Nonconformity", "Owner", "Status", "Corrective actions: owner, due date, status"} {
		if obs[col(name)] != "" {
			t.Errorf("an observation's %s is %q, want empty", name, obs[col(name)])
		}
	}

	// the executive page counts the findings by grade and the nonconformities raised
	if f, _ := figAuditFindings(s); f.Text != "1 minor, 1 observation" || f.RAG != ragAmber {
		t.Errorf("findings figure %+v", f)
	}
	if f, _ := figAuditRaised(s); f.Text != "1 raised, 1 open" || f.RAG != ragAmber {
		t.Errorf("nonconformities figure %+v", f)
	}
}

// TestAuditReportSheet: the report sheet names the auditees, methods, the external lead
// auditor, positive practices, distribution and the sign-off; blank optional fields say
// so in words.
func TestAuditReportSheet(t *testing.T) {
	a := reportedAudit("7.2", isms.ChecklistItem{Ref: "7.2", Question: "Competence?", Result: isms.ResultConforming})
	a.AuditeeIDs, a.Methods = []string{"p1"}, []string{"interviews", "sampling"}
	a.PositivePractices, a.Distribution = "Restore tests every month.", "Top management; the auditees"
	s := auditSnap(t, &isms.Person{Meta: isms.Meta{ID: "p1"}, Name: "Emma Lindqvist", Active: true}, a)
	tb := auditReportTable(s, a, nil, scopeCoverage(s, a))
	want := map[string]string{
		"Lead auditor": "Audit Skills Ltd (external)", "Auditees": "Emma Lindqvist", "Methods": "Interviews; Sampling of records",
		"Positive practices": "Restore tests every month.", "Distribution": "Top management; the auditees",
		"Reported by": "Audit Skills Ltd (external lead auditor), on 2025-05-05", "Closed by": "Not yet closed",
		"Independence": "Not stated", "Findings": "No findings", "Report date": "2025-05-05",
	}
	for field, v := range want {
		if got := fieldValue(t, tb, field); got != v {
			t.Errorf("%s: %q, want %q", field, got, v)
		}
	}
	a.PositivePractices, a.Distribution = "", ""
	tb = auditReportTable(s, a, nil, scopeCoverage(s, a))
	if got := fieldValue(t, tb, "Positive practices"); got != "None recorded" {
		t.Errorf("blank positive practices: %q", got)
	}
	if got := fieldValue(t, tb, "Distribution"); got != "Not stated" {
		t.Errorf("blank distribution: %q", got)
	}
}
