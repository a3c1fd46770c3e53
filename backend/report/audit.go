package report

import (
	"fmt"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// resultRAG colours a checklist result.
var resultRAG = map[string]string{
	isms.ChecklistResults.Label(isms.ResultConforming):  ragGreen,
	isms.ChecklistResults.Label(isms.ResultObservation): ragAmber,
	isms.ChecklistResults.Label(isms.ResultOpportunity): ragAmber,
	isms.ChecklistResults.Label(isms.ResultMinorNC):     ragRed,
	isms.ChecklistResults.Label(isms.ResultMajorNC):     ragRed,
}

// severityRAG colours a finding's severity.
var severityRAG = map[string]string{
	isms.Severities.Label(isms.SeverityObservation): ragAmber,
	isms.Severities.Label(isms.SeverityOpportunity): ragAmber,
	isms.Severities.Label(isms.SeverityMinor):       ragRed,
	isms.Severities.Label(isms.SeverityMajor):       ragRed,
}

// ncRAG colours a nonconformity's stage: closed is green, anything open amber.
var ncRAG = func() map[string]string {
	m := map[string]string{}
	for _, o := range isms.NonconformityStatuses {
		m[o.Label] = ragAmber
	}
	m[isms.NonconformityStatuses.Label(isms.NCClosed)] = ragGreen
	m[isms.NonconformityStatuses.Label(isms.NCOpen)] = ragRed
	return m
}()

// fieldTable is a two-column table of labelled values.
func fieldTable(rows [][2]any) *table {
	return &table{Cols: []column{{Name: "Field", Width: 26}, {Name: "Value", Width: 100}}, N: len(rows),
		Rows: func(emit func(...any) error) error {
			for _, r := range rows {
				if err := emit(r[0], r[1]); err != nil {
					return err
				}
			}
			return nil
		}}
}

// clauseTitle returns the title of a clause or Annex A control reference, "" when unknown.
// A clause number ("7.2", "Clause 7.2") is a clause of ISO/IEC 27001:2022 and gets the
// clause's title; a reference with the Annex A prefix ("A.7.2", "A 7.2", "Annex A 7.2") is
// a control. A bare number that is no clause ("8.8") is read as a control whose prefix
// was left out. The clause is looked up first because the two numberings overlap: 5.2,
// 6.2, 7.2 and 7.3 are both clauses and (with the prefix) controls.
func clauseTitle(ref string) string {
	if c, ok := isms.LookupClause(ref); ok {
		return c.Title
	}
	if c, ok := isms.LookupControl(ref); ok {
		return c.Title
	}
	return ""
}

func buildAudit(s *snap) (string, string, []sheet, error) {
	if s.id == "" {
		return "", "", nil, isms.Errorf(isms.CodeNotFound, "choose the audit to report on (its ID or reference)")
	}
	a, err := find[*isms.Audit](s, isms.KindAudit, s.id)
	if err != nil {
		return "", "", nil, err
	}
	var findings []*isms.Finding
	for _, f := range all[*isms.Finding](s, isms.KindFinding) {
		if f.AuditID == a.ID {
			findings = append(findings, f)
		}
	}
	var ncs []*isms.Nonconformity
	seen := map[string]bool{}
	for _, f := range findings {
		if n, ok := get[*isms.Nonconformity](s, isms.KindNonconformity, f.NonconformityID); ok && !seen[n.ID] {
			ncs, seen[n.ID] = append(ncs, n), true
		}
	}
	findingIDs := map[string]bool{}
	for _, f := range findings {
		findingIDs[f.ID] = true
	}
	for _, n := range all[*isms.Nonconformity](s, isms.KindNonconformity) {
		if findingIDs[n.FindingID] && !seen[n.ID] {
			ncs, seen[n.ID] = append(ncs, n), true
		}
	}
	auditor := s.name(a.AuditorID)
	if a.AuditorID == "" {
		auditor = a.AuditorName + " (external)"
	}
	info := fieldTable([][2]any{
		{"Reference", a.Ref}, {"Title", a.Title}, {"Status", isms.AuditStatuses.Label(a.Status)},
		{"Scope", a.Scope}, {"Criteria", a.Criteria}, {"Start date", a.StartDate}, {"End date", a.EndDate},
		{"Lead auditor", auditor}, {"Independence", a.Independence}, {"Conclusion", a.Conclusion},
	})
	return "Internal audit report " + a.Ref, span(a.StartDate, a.EndDate), []sheet{
		{Name: "Audit", About: "The audit: scope, criteria, dates, lead auditor and how independence is ensured, conclusion (clause 9.2).", Table: info},
		{Name: "Summary", About: "Counts of checklist results, findings by severity, nonconformities and corrective actions.", Table: auditSummary(s, a, findings, ncs)},
		{Name: "Checklist", About: fmt.Sprintf("The %d checklist questions with results and evidence notes.", len(a.Checklist)), Table: checklistTable(a)},
		{Name: "Findings", About: fmt.Sprintf("The %d findings with severity and the nonconformities they raised.", len(findings)), Table: findingsTable(s, findings)},
		{Name: "Nonconformities", About: "The nonconformities raised by the audit and their corrective action status (clause 10.2).", Table: ncTable(s, ncs)},
		{Name: "Corrective actions", About: "The corrective actions of those nonconformities with owners, due dates and status.", Table: correctiveTable(s, ncs)},
		exceptionsSheet(exceptions(s, a.ID)),
	}, nil
}

func checklistTable(a *isms.Audit) *table {
	cols := []column{{Name: "No.", Width: 6}, {Name: "Clause or control", Width: 12}, {Name: "Requirement", Width: 34},
		{Name: "Question", Width: 50}, {Name: "Result", Width: 16, RAG: resultRAG}, {Name: "Evidence notes", Width: 50}}
	return &table{Cols: cols, N: len(a.Checklist), Rows: func(emit func(...any) error) error {
		for i, c := range a.Checklist {
			if err := emit(i+1, c.Ref, clauseTitle(c.Ref), c.Question, isms.ChecklistResults.Label(c.Result), c.Evidence); err != nil {
				return err
			}
		}
		return nil
	}}
}

func findingsTable(s *snap, findings []*isms.Finding) *table {
	cols := []column{{Name: "Reference", Width: 12}, {Name: "Title", Width: 32}, {Name: "Severity", Width: 18, RAG: severityRAG},
		{Name: "Clause or control", Width: 12}, {Name: "Description", Width: 60}, {Name: "Nonconformity", Width: 14},
		{Name: "Nonconformity status", Width: 18, RAG: ncRAG}}
	return &table{Cols: cols, N: len(findings), Rows: func(emit func(...any) error) error {
		for _, f := range findings {
			status := ""
			if n, ok := get[*isms.Nonconformity](s, isms.KindNonconformity, f.NonconformityID); ok {
				status = isms.NonconformityStatuses.Label(n.Status)
			}
			if err := emit(f.Ref, f.Title, isms.Severities.Label(f.Severity), f.Clause, f.Description,
				s.ref(isms.KindNonconformity, f.NonconformityID), status); err != nil {
				return err
			}
		}
		return nil
	}}
}

// actionsOf returns a nonconformity's corrective actions and how many are finished.
func actionsOf(s *snap, n *isms.Nonconformity) (acts []*isms.Action, finished int) {
	for _, id := range n.CorrectiveActionIDs {
		if a, ok := get[*isms.Action](s, isms.KindAction, id); ok {
			acts = append(acts, a)
			if a.Finished() {
				finished++
			}
		}
	}
	return acts, finished
}

func ncOverdue(n *isms.Nonconformity, today isms.Date) bool {
	return n.Status != isms.NCClosed && n.DueDate != "" && n.DueDate.Before(today)
}

func ncTable(s *snap, ncs []*isms.Nonconformity) *table {
	cols := []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 32}, {Name: "Finding", Width: 12},
		{Name: "Status", Width: 18, RAG: ncRAG}, {Name: "Owner", Width: 18}, {Name: "Detected on", Width: 12},
		{Name: "Due date", Width: 12}, {Name: "Overdue", Width: 10, RAG: overdueRAG}, {Name: "Corrective actions", Width: 30},
		{Name: "Actions finished", Width: 10}, {Name: "Effectiveness", Width: 14}, {Name: "Closed on", Width: 12}}
	return &table{Cols: cols, N: len(ncs), Rows: func(emit func(...any) error) error {
		for _, n := range ncs {
			acts, fin := actionsOf(s, n)
			done := any(nil)
			if len(acts) > 0 {
				done = fmt.Sprintf("%d of %d", fin, len(acts))
			}
			if err := emit(n.Ref, n.Title, s.ref(isms.KindFinding, n.FindingID), isms.NonconformityStatuses.Label(n.Status),
				s.name(n.OwnerID), n.DetectedOn, n.DueDate, overdue(ncOverdue(n, s.today)),
				s.refs(isms.KindAction, n.CorrectiveActionIDs), done, isms.Verdicts.Label(n.Effectiveness.Verdict), n.ClosedOn); err != nil {
				return err
			}
		}
		return nil
	}}
}

func correctiveTable(s *snap, ncs []*isms.Nonconformity) *table {
	cols := []column{{Name: "Nonconformity", Width: 13}, {Name: "Action", Width: 10}, {Name: "Title", Width: 44},
		{Name: "Owner", Width: 18}, {Name: "Due date", Width: 12}, {Name: "Status", Width: 12, RAG: actionRAG},
		{Name: "Completed on", Width: 12}, {Name: "Overdue", Width: 10, RAG: overdueRAG}, {Name: "Notes", Width: 40}}
	n := 0
	for _, nc := range ncs {
		n += len(nc.CorrectiveActionIDs)
	}
	return &table{Cols: cols, N: n, Rows: func(emit func(...any) error) error {
		for _, nc := range ncs {
			acts, _ := actionsOf(s, nc)
			for _, a := range acts {
				if err := emit(nc.Ref, a.Ref, a.Title, s.name(a.OwnerID), a.DueDate, isms.ActionStatuses.Label(a.Status),
					a.CompletedOn, overdue(a.Overdue(s.today)), a.Notes); err != nil {
					return err
				}
			}
		}
		return nil
	}}
}

func auditSummary(s *snap, a *isms.Audit, findings []*isms.Finding, ncs []*isms.Nonconformity) *table {
	var rows [][2]any
	rows = append(rows, [2]any{"Checklist items", len(a.Checklist)})
	counts := a.ResultCounts()
	for _, o := range isms.ChecklistResults {
		rows = append(rows, [2]any{"Checklist: " + o.Label, counts[o.Value]})
	}
	rows = append(rows, [2]any{"Findings", len(findings)})
	sev := map[string]int{}
	for _, f := range findings {
		sev[f.Severity]++
	}
	for _, o := range isms.Severities {
		rows = append(rows, [2]any{"Findings: " + o.Label, sev[o.Value]})
	}
	closed, acts, finished, late := 0, 0, 0, 0
	for _, n := range ncs {
		if n.Status == isms.NCClosed {
			closed++
		}
		list, fin := actionsOf(s, n)
		acts += len(list)
		finished += fin
		for _, x := range list {
			if x.Overdue(s.today) {
				late++
			}
		}
	}
	rows = append(rows, [2]any{"Nonconformities raised", len(ncs)}, [2]any{"Nonconformities closed", closed},
		[2]any{"Corrective actions", acts}, [2]any{"Corrective actions done or cancelled", finished},
		[2]any{"Corrective actions overdue", late})
	t := fieldTable(rows)
	t.Cols = []column{{Name: "Measure", Width: 44}, {Name: "Count", Width: 10}}
	return t
}
