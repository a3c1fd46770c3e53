package app

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// auditFixture creates a planned audit of scope by a new internal auditor.
func auditFixture(t *testing.T, a *App, ref, scope string) (isms.Audit, isms.Person) {
	t.Helper()
	auditor := addPerson(t, a, "Sophie Auditor "+ref, isms.RoleInternalAudit)
	au, err := a.Audits.Create(isms.Audit{Ref: ref, Title: "Audit " + ref, Scope: scope, Criteria: "ISO/IEC 27001:2022",
		StartDate: "2026-03-09", EndDate: "2026-03-12", AuditorID: auditor.ID})
	if err != nil {
		t.Fatalf("create audit: %v", err)
	}
	if au.Status != isms.AuditPlanned {
		t.Fatalf("new audit status %q, want planned", au.Status)
	}
	return au, auditor
}

// refsOf lists the references of a checklist.
func refsOf(items []isms.ChecklistItem) []string {
	var out []string
	for _, c := range items {
		out = append(out, c.Ref)
	}
	return out
}

// answer sets every checklist item's result, by reference, to result or conforming.
func answer(items []isms.ChecklistItem, results map[string]string) []isms.ChecklistItem {
	out := append([]isms.ChecklistItem(nil), items...)
	for i := range out {
		out[i].Result = isms.ResultConforming
		if r, ok := results[out[i].Ref]; ok {
			out[i].Result = r
		}
	}
	return out
}

func TestAuditChecklistStartAndComplete(t *testing.T) {
	a := newPlanApp(t)

	// the checklist and the status are not set through Create
	au, _ := auditFixture(t, a, "IA-1", "Competence and access: clause 7.2 and A.5.15-A.5.16")
	if len(au.Checklist) != 0 {
		t.Fatalf("checklist on create %v, want none", au.Checklist)
	}
	_, err := a.Audits.Create(isms.Audit{Ref: "IA-X", Title: "Done already", AuditorName: "External Ltd", Status: isms.AuditCompleted})
	wantErr(t, "create completed", err, isms.CodeInvalid, "status")
	_, err = a.Audits.Create(isms.Audit{Ref: "IA-Y", Title: "No auditor"})
	wantErr(t, "create without auditor", err, isms.CodeInvalid, "auditorId")

	// an edit cannot start or complete it
	up := au
	up.Status = isms.AuditInProgress
	_, err = a.Audits.Update(up)
	wantErr(t, "update to in progress", err, isms.CodeInvalid, "status")
	up.Status = isms.AuditCompleted
	_, err = a.Audits.Update(up)
	wantErr(t, "update to completed", err, isms.CodeInvalid, "status")

	// proposed from the scope, in the standard's order, once
	au, err = a.Audits.ChecklistFromScope(au.ID, au.Version)
	if err != nil {
		t.Fatalf("checklist from scope: %v", err)
	}
	if got, want := strings.Join(refsOf(au.Checklist), " "), "7.2 A.5.15 A.5.16"; got != want {
		t.Fatalf("proposed %q, want %q", got, want)
	}
	for _, c := range au.Checklist {
		if c.Question == "" || c.Result != isms.ResultNotChecked {
			t.Fatalf("proposed item %+v: want a question, not checked", c)
		}
	}
	_, err = a.Audits.ChecklistFromScope(au.ID, au.Version)
	wantErr(t, "propose again", err, isms.CodeInvalid, "checklist")
	_, err = a.Audits.ChecklistFromScope(au.ID, au.Version-1)
	wantErr(t, "propose at an old version", err, isms.CodeConflict)

	// before the start: questions yes, results no; blank rows dropped, references tidied
	items := append(au.Checklist, isms.ChecklistItem{Ref: "clause 9.2", Question: "Is there an audit programme?"}, isms.ChecklistItem{})
	au, err = a.Audits.SaveChecklist(au.ID, au.Version, items)
	if err != nil {
		t.Fatalf("save checklist: %v", err)
	}
	if got, want := strings.Join(refsOf(au.Checklist), " "), "7.2 A.5.15 A.5.16 9.2"; got != want {
		t.Fatalf("saved %q, want %q", got, want)
	}
	_, err = a.Audits.SaveChecklist(au.ID, au.Version, answer(au.Checklist, nil))
	wantErr(t, "results before the start", err, isms.CodeInvalid, "checklist[0].result")

	// no finding before the audit starts
	_, err = a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Too early", Severity: isms.SeverityMinor})
	wantErr(t, "finding of a planned audit", err, isms.CodeInvalid, "auditId")

	// start: today, since the planned start date is not later
	au, err = a.Audits.Start(au.ID, au.Version)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	if au.Status != isms.AuditInProgress || au.StartDate != "2026-03-09" {
		t.Fatalf("started audit %s from %s, want in progress from 2026-03-09", au.Status, au.StartDate)
	}
	_, err = a.Audits.Start(au.ID, au.Version)
	wantErr(t, "start twice", err, isms.CodeInvalid, "status")

	// reporting needs every item assessed, and a conclusion
	_, err = a.Audits.Complete(au.ID, au.Version, "")
	wantErr(t, "report unassessed", err, isms.CodeInvalid, "checklist[0].result", "checklist[3].result", "conclusion")
	if !strings.Contains(err.Error(), "item 1 (7.2 Competence)") || !strings.Contains(err.Error(), "conclusion") {
		t.Errorf("refusal %q: want the items named and the conclusion asked for", err)
	}

	// "not sampled" is an assessment, with its reason
	notSampled := answer(au.Checklist, map[string]string{"9.2": isms.ResultNotSampled})
	_, err = a.Audits.SaveChecklist(au.ID, au.Version, notSampled)
	wantErr(t, "not sampled without a reason", err, isms.CodeInvalid, "checklist[3].evidence")
	if !strings.Contains(err.Error(), "item 4 (9.2 Internal audit)") {
		t.Errorf("refusal %q: want the item named", err)
	}
	notSampled[3].Evidence = "The audit programme owner was on leave."
	if au, err = a.Audits.SaveChecklist(au.ID, au.Version, notSampled); err != nil {
		t.Fatalf("not sampled with a reason: %v", err)
	}
	if au.Checklist[3].Result != isms.ResultNotSampled || au.Checklist[0].Title != "Competence" || au.Checklist[1].Title != "Access control" {
		t.Fatalf("saved %+v: want not sampled kept and items titled from the standard", au.Checklist)
	}

	// and a nonconformity finding for each nonconformity on the checklist
	answered := answer(au.Checklist, map[string]string{
		"7.2": isms.ResultMinorNC, "A.5.15": isms.ResultMajorNC, "A.5.16": isms.ResultObservation, "9.2": isms.ResultNotSampled,
	})
	au, err = a.Audits.SaveChecklist(au.ID, au.Version, answered)
	if err != nil {
		t.Fatalf("save answers: %v", err)
	}
	_, err = a.Audits.Complete(au.ID, au.Version, "Two nonconformities.")
	wantErr(t, "report without findings", err, isms.CodeInvalid, "checklist[0].result", "checklist[1].result")
	obs, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Training plan informal", Severity: isms.SeverityObservation, Clause: "7.2"})
	if err != nil {
		t.Fatalf("create observation: %v", err)
	}
	if obs.Ref != "IA-1-F1" {
		t.Errorf("first finding ref %q, want IA-1-F1", obs.Ref)
	}
	minor, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Training records missing", Severity: isms.SeverityMinor, Clause: "clause 7.2"})
	if err != nil {
		t.Fatalf("create minor finding: %v", err)
	}
	if minor.Ref != "IA-1-F2" || minor.Clause != "7.2" {
		t.Errorf("second finding %s at %q, want IA-1-F2 at 7.2", minor.Ref, minor.Clause)
	}
	_, err = a.Audits.Complete(au.ID, au.Version, "Two nonconformities.")
	wantErr(t, "report with the major nonconformity uncovered", err, isms.CodeInvalid, "checklist[1].result")
	if _, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Access not reviewed", Severity: isms.SeverityMajor, Clause: "a.05.15"}); err != nil {
		t.Fatalf("create major finding: %v", err)
	}
	_, err = a.Audits.Complete(au.ID, au.Version, "  ")
	wantErr(t, "report without a conclusion", err, isms.CodeInvalid, "conclusion")
	au, err = a.Audits.Complete(au.ID, au.Version, "Two nonconformities.")
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	if au.Status != isms.AuditCompleted || au.EndDate != planToday || au.ReportDate != planToday || au.Conclusion != "Two nonconformities." {
		t.Fatalf("reported audit %s ending %s, reported %s, concluding %q; want reported today with its conclusion (the planned end is later)",
			au.Status, au.EndDate, au.ReportDate, au.Conclusion)
	}
	if isms.AuditStatuses.Label(au.Status) != "Reported" {
		t.Errorf("status label %q, want Reported", isms.AuditStatuses.Label(au.Status))
	}
	_, err = a.Audits.Complete(au.ID, au.Version, "Again.")
	wantErr(t, "report twice", err, isms.CodeInvalid, "status")

	// the checklist of a reported audit is kept; the conclusion stays; reopening is a step
	_, err = a.Audits.SaveChecklist(au.ID, au.Version, au.Checklist)
	wantErr(t, "checklist of a reported audit", err, isms.CodeLocked, "checklist")
	au.Conclusion = "Two nonconformities, one major."
	au.Checklist = nil // ignored: the checklist changes through SaveChecklist only
	au, err = a.Audits.Update(au)
	if err != nil {
		t.Fatalf("edit the conclusion: %v", err)
	}
	if len(au.Checklist) != 4 {
		t.Fatalf("checklist after an edit %v, want it kept", refsOf(au.Checklist))
	}
	cleared := au
	cleared.Conclusion = ""
	_, err = a.Audits.Update(cleared)
	wantErr(t, "clear the conclusion of a reported audit", err, isms.CodeInvalid, "conclusion")
	back := au
	back.Status = isms.AuditInProgress
	_, err = a.Audits.Update(back)
	wantErr(t, "reopen by an edit", err, isms.CodeInvalid, "status")
	if au, err = a.Audits.Reopen(au.ID, au.Version); err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if au.Status != isms.AuditInProgress || au.ReportDate != "" {
		t.Fatalf("reopened %s reported %q, want in progress without a report date", au.Status, au.ReportDate)
	}
	if _, err = a.Audits.SaveChecklist(au.ID, au.Version, au.Checklist); err != nil {
		t.Fatalf("checklist of a reopened audit: %v", err)
	}

	// an audit with findings is not deleted
	au, _ = a.Audits.Get(au.ID)
	err = a.Audits.Delete(au.ID, au.Version)
	wantErr(t, "delete an audit with findings", err, isms.CodeLocked)
	empty, _ := auditFixture(t, a, "IA-2", "clause 5")
	if err := a.Audits.Delete(empty.ID, empty.Version); err != nil {
		t.Fatalf("delete an audit without findings: %v", err)
	}
}

func TestChecklistFromScopeReadsTheScope(t *testing.T) {
	a := newPlanApp(t)
	c := controlByRef(t, a, "A.8.13")
	c.Applicability, c.Status, c.Reasons, c.Justification = isms.ApplicabilityApplicable, isms.ImplInProgress, []string{isms.ReasonRiskTreatment}, "Backups protect customer data"
	if _, err := a.Controls.Update(c); err != nil {
		t.Fatal(err)
	}
	x := controlByRef(t, a, "A.7.4")
	x.Applicability, x.Status, x.Justification = isms.ApplicabilityNotApplicable, isms.ImplNotApplicable, "No premises of our own"
	if _, err := a.Controls.Update(x); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		scope, criteria string
		count           int
		first, last     string
		has, lacks      []string
	}{
		{scope: "Whole ISMS: clauses 4 to 10", count: 30, first: "4.1", last: "10.2", has: []string{"6.1.2", "9.2.2"}},
		{scope: "clauses 4-10 and Annex A", count: 31, first: "4.1", last: "A.8.13"},                            // the one applicable control
		{scope: "Physical security (A.7)", count: 13, first: "A.7.1", last: "A.7.14", lacks: []string{"A.7.4"}}, // none applicable: all not excluded
		{scope: "Leadership, clause 5, and 9.3", count: 6, first: "5.1", last: "9.3.3"},
		{scope: "Production platform", criteria: "ISO/IEC 27001:2022 clause 8", count: 3, first: "8.1", last: "8.3"},
		{scope: "A.7.2 physical entry; Annex A controls A.5.15, A.5.18", count: 3, first: "A.5.15", last: "A.7.2", lacks: []string{"7.2"}},
	}
	for i, tc := range cases {
		au, err := a.Audits.Create(isms.Audit{Ref: "IA-S" + string(rune('A'+i)), Title: tc.scope, Scope: tc.scope, Criteria: tc.criteria, AuditorName: "External Ltd"})
		if err != nil {
			t.Fatal(err)
		}
		au, err = a.Audits.ChecklistFromScope(au.ID, au.Version)
		if err != nil {
			t.Fatalf("%q: %v", tc.scope, err)
		}
		refs := refsOf(au.Checklist)
		if len(refs) != tc.count || refs[0] != tc.first || refs[len(refs)-1] != tc.last {
			t.Errorf("%q: proposed %d items %v, want %d from %s to %s", tc.scope, len(refs), refs, tc.count, tc.first, tc.last)
		}
		in := map[string]bool{}
		for _, r := range refs {
			in[r] = true
		}
		for _, r := range tc.has {
			if !in[r] {
				t.Errorf("%q: %s not proposed", tc.scope, r)
			}
		}
		for _, r := range tc.lacks {
			if in[r] {
				t.Errorf("%q: %s proposed", tc.scope, r)
			}
		}
	}

	none, err := a.Audits.Create(isms.Audit{Ref: "IA-N", Title: "Vague", Scope: "Everything that matters", AuditorName: "External Ltd"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Audits.ChecklistFromScope(none.ID, none.Version)
	wantErr(t, "a scope that names nothing", err, isms.CodeInvalid, "scope")
}

func TestAuditorIndependence(t *testing.T) {
	a := newPlanApp(t)
	au, auditor := auditFixture(t, a, "IA-1", "Access control A.5.15 and risk assessment 6.1.2")

	// nothing owned: no conflict
	got, err := a.Audits.Conflicts(au.ID)
	if err != nil || len(got) != 0 {
		t.Fatalf("conflicts %v, %v; want none", got, err)
	}

	// the auditor owns an audited control and a risk: warned, and Start needs the note
	c := controlByRef(t, a, "A.5.15")
	c.OwnerID = auditor.ID
	if _, err := a.Controls.Update(c); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Risks.Create(isms.Risk{Ref: "R-1", Title: "Phishing", OwnerID: auditor.ID, Likelihood: 2, Impact: 2}); err != nil {
		t.Fatal(err)
	}
	other := controlByRef(t, a, "A.8.1") // owned but not audited
	other.OwnerID = auditor.ID
	if _, err := a.Controls.Update(other); err != nil {
		t.Fatal(err)
	}
	got, err = a.Audits.Conflicts(au.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !strings.Contains(got[0], "A.5.15") || !strings.Contains(got[1], "R-1") {
		t.Fatalf("conflicts %q, want control A.5.15 and risk R-1", got)
	}
	_, err = a.Audits.Start(au.ID, au.Version)
	wantErr(t, "start by an auditor of their own work", err, isms.CodeInvalid, "independence")

	au.Independence = "Access review evidence checked by a second reviewer from Finance."
	au, err = a.Audits.Update(au)
	if err != nil {
		t.Fatal(err)
	}
	if au, err = a.Audits.Start(au.ID, au.Version); err != nil {
		t.Fatalf("start with the independence note: %v", err)
	}

	// an external auditor has no conflicts
	ext, err := a.Audits.Create(isms.Audit{Ref: "IA-2", Title: "External", Scope: "A.5.15", AuditorName: "Audit Skills Ltd"})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := a.Audits.Conflicts(ext.ID); err != nil || len(got) != 0 {
		t.Fatalf("external auditor conflicts %v, %v; want none", got, err)
	}

	// someone who left cannot be named auditor
	left := addPerson(t, a, "Leaver")
	left.Active = false
	if _, err := a.People.Update(left); err != nil {
		t.Fatal(err)
	}
	ext.AuditorID = left.ID
	_, err = a.Audits.Update(ext)
	wantErr(t, "auditor who left", err, isms.CodeInvalid, "auditorId")
}

func TestRaiseNonconformityFromAFinding(t *testing.T) {
	a := newPlanApp(t)
	au, auditor := auditFixture(t, a, "IA-7", "clause 7.2 and A.5.18")
	au, err := a.Audits.Start(au.ID, au.Version)
	if err != nil {
		t.Fatal(err)
	}
	controlOwner := addPerson(t, a, "James Owner")
	c := controlByRef(t, a, "A.5.18")
	c.OwnerID = controlOwner.ID
	if _, err := a.Controls.Update(c); err != nil {
		t.Fatal(err)
	}
	officer := addPerson(t, a, "Olivia Officer", isms.RoleSecurityOfficer)

	obs, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Procedure in draft", Severity: isms.SeverityOpportunity, Clause: "7.2"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Findings.RaiseNonconformity(obs.ID, obs.Version)
	wantErr(t, "raise from an opportunity", err, isms.CodeInvalid, "severity")

	major, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Leavers keep access", Severity: isms.SeverityMajor, Clause: "A.5.18",
		Description: "2 of 3 leavers still had SaaS accounts.", NonconformityID: "ignored"})
	if err != nil {
		t.Fatalf("create major finding: %v", err)
	}
	if major.NonconformityID != "" {
		t.Fatalf("nonconformity set on create: %q", major.NonconformityID)
	}
	_, err = a.Findings.RaiseNonconformity(major.ID, major.Version+1)
	wantErr(t, "raise at another version", err, isms.CodeConflict)
	n, err := a.Findings.RaiseNonconformity(major.ID, major.Version)
	if err != nil {
		t.Fatalf("raise: %v", err)
	}
	if n.Ref != "NC-001" || n.Source != isms.NCSourceAudit || n.FindingID != major.ID || n.Title != major.Title ||
		n.Status != isms.NCOpen || n.OwnerID != controlOwner.ID || n.DetectedOn != planToday {
		t.Fatalf("raised %+v: want NC-001 from the finding, open, owned by the control owner, detected today", n)
	}
	if !strings.Contains(n.Description, "2 of 3 leavers") || !strings.Contains(n.Description, "IA-7") {
		t.Errorf("description %q: want the finding's and the audit's words", n.Description)
	}
	stored, err := a.Nonconformities.Get(n.ID)
	if err != nil || stored.FindingID != major.ID {
		t.Fatalf("stored nonconformity %+v, %v", stored, err)
	}
	major, _ = a.Findings.Get(major.ID)
	if major.NonconformityID != n.ID {
		t.Fatalf("finding links %q, want %q", major.NonconformityID, n.ID)
	}
	_, err = a.Findings.RaiseNonconformity(major.ID, major.Version)
	wantErr(t, "raise twice", err, isms.CodeInvalid, "nonconformityId")

	// the link stays: not cleared by an edit, the grade stays a nonconformity, no delete
	edit := major
	edit.NonconformityID = ""
	if edit, err = a.Findings.Update(edit); err != nil || edit.NonconformityID != n.ID {
		t.Fatalf("edit: %+v, %v; want the nonconformity kept", edit, err)
	}
	edit.Severity = isms.SeverityObservation
	_, err = a.Findings.Update(edit)
	wantErr(t, "downgrade a raised finding", err, isms.CodeInvalid, "severity")
	err = a.Findings.Delete(major.ID, edit.Version)
	wantErr(t, "delete a finding that raised a nonconformity", err, isms.CodeLocked)

	// at a clause: a person responsible for corrective actions handles it, not the auditor
	minor, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Training records incomplete", Severity: isms.SeverityMinor, Clause: "7.2"})
	if err != nil {
		t.Fatal(err)
	}
	n2, err := a.Findings.RaiseNonconformity(minor.ID, minor.Version)
	if err != nil {
		t.Fatal(err)
	}
	if n2.Ref != "NC-002" || n2.OwnerID != officer.ID || n2.OwnerID == auditor.ID {
		t.Fatalf("second nonconformity %s owned by %q, want NC-002 owned by the security officer", n2.Ref, n2.OwnerID)
	}
	// after the audit ended, detected on its last day
	au, _ = a.Audits.Get(au.ID)
	if _, err := a.Audits.SaveChecklist(au.ID, au.Version, []isms.ChecklistItem{{Ref: "7.2", Question: "Competence?", Result: isms.ResultMinorNC}}); err != nil {
		t.Fatal(err)
	}
	au, _ = a.Audits.Get(au.ID)
	au.EndDate = "2026-03-09"
	if au, err = a.Audits.Update(au); err != nil {
		t.Fatal(err)
	}
	if au, err = a.Audits.Complete(au.ID, au.Version, "One minor nonconformity."); err != nil {
		t.Fatalf("report: %v", err)
	}
	late, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Reported late", Severity: isms.SeverityMinor, Clause: "9.2"})
	if err != nil {
		t.Fatal(err)
	}
	n3, err := a.Findings.RaiseNonconformity(late.ID, late.Version)
	if err != nil {
		t.Fatal(err)
	}
	if n3.DetectedOn != "2026-03-09" {
		t.Errorf("detected on %s, want the audit's last day 2026-03-09", n3.DetectedOn)
	}
}

func TestDeletingARaisedNonconformityKeepsItsFinding(t *testing.T) {
	a := newPlanApp(t)
	au, _ := auditFixture(t, a, "IA-9", "A.5.18")
	au, err := a.Audits.Start(au.ID, au.Version)
	if err != nil {
		t.Fatal(err)
	}
	f, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Leavers keep access", Severity: isms.SeverityMinor, Clause: "A.5.18"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := a.Findings.RaiseNonconformity(f.ID, f.Version)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Nonconformities.Delete(n.ID, n.Version); err != nil {
		t.Fatalf("delete the raised nonconformity: %v", err)
	}
	f, err = a.Findings.Get(f.ID)
	if err != nil || f.NonconformityID != "" {
		t.Fatalf("finding after the delete: %+v, %v; want it kept and unraised", f, err)
	}
	if _, err := a.Findings.RaiseNonconformity(f.ID, f.Version); err != nil {
		t.Fatalf("raise again: %v", err)
	}
}

// reportedAudit takes a new audit of clause 7.2 to reported with a minor nonconformity
// and its finding (not raised yet).
func reportedAudit(t *testing.T, a *App, ref string) (isms.Audit, isms.Finding) {
	t.Helper()
	au, _ := auditFixture(t, a, ref, "clause 7.2")
	au, err := a.Audits.Start(au.ID, au.Version)
	if err != nil {
		t.Fatal(err)
	}
	if au, err = a.Audits.SaveChecklist(au.ID, au.Version, []isms.ChecklistItem{
		{Ref: "7.2", Question: "Competence?", Result: isms.ResultMinorNC, Evidence: "4 records missing"},
		{Question: "Is the supplier list current?", Result: isms.ResultConforming},
	}); err != nil {
		t.Fatal(err)
	}
	f, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Training records missing", Severity: isms.SeverityMinor, Clause: "7.2"})
	if err != nil {
		t.Fatal(err)
	}
	if au, err = a.Audits.Complete(au.ID, au.Version, "One minor nonconformity."); err != nil {
		t.Fatalf("report: %v", err)
	}
	return au, f
}

func TestAuditClosesOnceItsNonconformitiesAreRaised(t *testing.T) {
	a := newPlanApp(t)
	officer := addPerson(t, a, "Olivia Officer", isms.RoleSecurityOfficer)
	au, f := reportedAudit(t, a, "IA-1")

	// an audit in progress is not closed
	open, _ := auditFixture(t, a, "IA-2", "clause 5")
	open, err := a.Audits.Start(open.ID, open.Version)
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Audits.Close(open.ID, open.Version, officer.ID)
	wantErr(t, "close an audit in progress", err, isms.CodeInvalid, "status")

	// who closes it is required, and is an active person
	_, err = a.Audits.Close(au.ID, au.Version, "")
	wantErr(t, "close without who", err, isms.CodeInvalid, "closedById")
	left := addPerson(t, a, "Leaver")
	left.Active = false
	if _, err := a.People.Update(left); err != nil {
		t.Fatal(err)
	}
	_, err = a.Audits.Close(au.ID, au.Version, left.ID)
	wantErr(t, "close by someone who left", err, isms.CodeInvalid, "closedById")

	// every minor or major finding has raised its nonconformity: the refusal names them
	obs, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Plan informal", Severity: isms.SeverityObservation, Clause: "7.2"})
	if err != nil {
		t.Fatalf("a finding after the report: %v", err)
	}
	_, err = a.Audits.Close(au.ID, au.Version, officer.ID)
	wantErr(t, "close with a nonconformity not raised", err, isms.CodeInvalid, "findings")
	if !strings.Contains(err.Error(), "IA-1-F1 Training records missing") || strings.Contains(err.Error(), obs.Ref) {
		t.Errorf("refusal %q: want the minor finding named, not the observation", err)
	}
	if _, err := a.Findings.RaiseNonconformity(f.ID, f.Version); err != nil {
		t.Fatal(err)
	}
	au, err = a.Audits.Close(au.ID, au.Version, officer.ID)
	if err != nil {
		t.Fatalf("close: %v", err)
	}
	if au.Status != isms.AuditClosed || au.ClosedByID != officer.ID || au.ClosedOn != planToday {
		t.Fatalf("closed audit %s by %q on %s, want closed by the officer today", au.Status, au.ClosedByID, au.ClosedOn)
	}

	// a closed audit is settled: no checklist change, no new finding, no reopening, no cancel,
	// and an edit keeps who closed it
	_, err = a.Audits.SaveChecklist(au.ID, au.Version, au.Checklist)
	wantErr(t, "checklist of a closed audit", err, isms.CodeLocked, "checklist")
	_, err = a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Late", Severity: isms.SeverityMinor, Clause: "7.2"})
	wantErr(t, "finding of a closed audit", err, isms.CodeInvalid, "auditId")
	_, err = a.Audits.Reopen(au.ID, au.Version)
	wantErr(t, "reopen a closed audit", err, isms.CodeInvalid, "status")
	_, err = a.Audits.Cancel(au.ID, au.Version)
	wantErr(t, "cancel a closed audit", err, isms.CodeInvalid, "status")
	_, err = a.Audits.Close(au.ID, au.Version, officer.ID)
	wantErr(t, "close twice", err, isms.CodeInvalid, "status")
	edit := au
	edit.ClosedByID, edit.ClosedOn, edit.Title = "", "", "Competence audit"
	if edit, err = a.Audits.Update(edit); err != nil || edit.ClosedByID != officer.ID || edit.ClosedOn != planToday || edit.Title != "Competence audit" {
		t.Fatalf("edit a closed audit: %+v, %v; want the title changed and who closed it kept", edit, err)
	}
	edit.Status = isms.AuditCompleted
	_, err = a.Audits.Update(edit)
	wantErr(t, "take a closed audit back by an edit", err, isms.CodeInvalid, "status")
	// who closed it cannot be deleted while the audit names them
	officer, _ = a.People.Get(officer.ID)
	err = a.People.Delete(officer.ID, officer.Version)
	wantErr(t, "delete who closed an audit", err, isms.CodeLocked)
}

func TestAuditCancelAndReopen(t *testing.T) {
	a := newPlanApp(t)
	au, _ := auditFixture(t, a, "IA-1", "clause 7.2")

	// an edit does not cancel: Cancel does
	edit := au
	edit.Status = isms.AuditCancelled
	_, err := a.Audits.Update(edit)
	wantErr(t, "cancel by an edit", err, isms.CodeInvalid, "status")
	au, err = a.Audits.Cancel(au.ID, au.Version)
	if err != nil || au.Status != isms.AuditCancelled {
		t.Fatalf("cancel a planned audit: %+v, %v", au, err)
	}
	_, err = a.Audits.Start(au.ID, au.Version)
	wantErr(t, "start a cancelled audit", err, isms.CodeInvalid, "status")
	_, err = a.Audits.SaveChecklist(au.ID, au.Version, []isms.ChecklistItem{{Ref: "7.2", Question: "Competence?"}})
	wantErr(t, "checklist of a cancelled audit", err, isms.CodeLocked, "checklist")
	_, err = a.Audits.Cancel(au.ID, au.Version)
	wantErr(t, "cancel twice", err, isms.CodeInvalid, "status")
	au, err = a.Audits.Reopen(au.ID, au.Version)
	if err != nil || au.Status != isms.AuditPlanned {
		t.Fatalf("reopen a cancelled audit: %+v, %v; want it planned again", au, err)
	}
	_, err = a.Audits.Reopen(au.ID, au.Version)
	wantErr(t, "reopen a planned audit", err, isms.CodeInvalid, "status")

	// an audit in progress without findings is cancelled; one with a finding is not
	au, err = a.Audits.Start(au.ID, au.Version)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Findings.Create(isms.Finding{AuditID: au.ID, Title: "Found", Severity: isms.SeverityObservation, Clause: "7.2"}); err != nil {
		t.Fatal(err)
	}
	_, err = a.Audits.Cancel(au.ID, au.Version)
	wantErr(t, "cancel an audit with a finding", err, isms.CodeInvalid, "status")
	other, _ := auditFixture(t, a, "IA-2", "clause 5")
	if other, err = a.Audits.Start(other.ID, other.Version); err != nil {
		t.Fatal(err)
	}
	if other, err = a.Audits.Cancel(other.ID, other.Version); err != nil || other.Status != isms.AuditCancelled {
		t.Fatalf("cancel an audit in progress without findings: %+v, %v", other, err)
	}

	// a reported audit is not cancelled
	rep, _ := reportedAudit(t, a, "IA-3")
	_, err = a.Audits.Cancel(rep.ID, rep.Version)
	wantErr(t, "cancel a reported audit", err, isms.CodeInvalid, "status")
}

func TestAuditObjectivesMethodsAndAuditees(t *testing.T) {
	a := newPlanApp(t)
	auditor := addPerson(t, a, "Sophie Auditor", isms.RoleInternalAudit)
	priya := addPerson(t, a, "Priya Auditee")
	daniel := addPerson(t, a, "Daniel Auditee")
	base := isms.Audit{Ref: "IA-1", Title: "Access audit", Scope: "A.5.15-A.5.18", AuditorID: auditor.ID,
		Objectives: "Confirm that access is granted and removed as the policy says.", Methods: []string{"interviews", "sampling"},
		AuditeeIDs: []string{priya.ID, daniel.ID}}

	bad := base
	bad.Methods = []string{"guessing"}
	_, err := a.Audits.Create(bad)
	wantErr(t, "an unknown method", err, isms.CodeInvalid, "methods")
	bad = base
	bad.AuditeeIDs = []string{priya.ID, auditor.ID}
	_, err = a.Audits.Create(bad)
	wantErr(t, "the auditor among the auditees", err, isms.CodeInvalid, "auditeeIds")
	left := addPerson(t, a, "Leaver")
	left.Active = false
	if _, err := a.People.Update(left); err != nil {
		t.Fatal(err)
	}
	bad = base
	bad.AuditeeIDs = []string{left.ID}
	_, err = a.Audits.Create(bad)
	wantErr(t, "an auditee who left", err, isms.CodeInvalid, "auditeeIds")
	bad = base
	bad.ReportDate = "2026-03-01"
	au, err := a.Audits.Create(bad)
	if err != nil {
		t.Fatal(err)
	}
	if au.ReportDate != "" || au.Objectives != base.Objectives || len(au.Methods) != 2 || len(au.AuditeeIDs) != 2 {
		t.Fatalf("created %+v: want objectives, methods and auditees kept and no report date before the report", au)
	}

	// an auditee linked to the audit is not deleted; one who leaves stays on it
	priya, _ = a.People.Get(priya.ID)
	err = a.People.Delete(priya.ID, priya.Version)
	wantErr(t, "delete an auditee", err, isms.CodeLocked)
	priya.Active = false
	if _, err := a.People.Update(priya); err != nil {
		t.Fatal(err)
	}
	au.Title = "Access control audit"
	if au, err = a.Audits.Update(au); err != nil {
		t.Fatalf("edit with an auditee who left since: %v", err)
	}

	// the report date is set by reporting, and may then be corrected, not before the start
	au, err = a.Audits.Start(au.ID, au.Version)
	if err != nil {
		t.Fatal(err)
	}
	items, err := a.Audits.ChecklistFromScope(au.ID, au.Version)
	if err != nil {
		t.Fatal(err)
	}
	if au, err = a.Audits.SaveChecklist(items.ID, items.Version, answer(items.Checklist, nil)); err != nil {
		t.Fatal(err)
	}
	if au, err = a.Audits.Complete(au.ID, au.Version, "Access is well controlled."); err != nil {
		t.Fatal(err)
	}
	au.ReportDate = "2026-03-11"
	if au, err = a.Audits.Update(au); err != nil || au.ReportDate != "2026-03-11" {
		t.Fatalf("correct the report date: %+v, %v", au.ReportDate, err)
	}
	au.ReportDate = "2020-01-01"
	_, err = a.Audits.Update(au)
	wantErr(t, "a report date before the start", err, isms.CodeInvalid, "reportDate")
}

func TestAuditProgrammeThroughTheService(t *testing.T) {
	a := newPlanApp(t)
	p, err := a.Audits.Programme()
	if err != nil {
		t.Fatal(err)
	}
	if p.From != 2026 || p.Gaps != 11 {
		t.Fatalf("empty programme from %d with %d gaps, want 2026 with all 11 areas gaps", p.From, p.Gaps)
	}
	au, _ := auditFixture(t, a, "IA-1", "clauses 4 to 10") // planned for 2026-03-09
	if _, err := a.Audits.ChecklistFromScope(au.ID, au.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Audits.Create(isms.Audit{Ref: "IA-2", Title: "People", Scope: "Annex A theme 6", StartDate: "2027-05-01", AuditorName: "Ext"}); err != nil {
		t.Fatal(err)
	}
	cancelled, err := a.Audits.Create(isms.Audit{Ref: "IA-3", Title: "Tech", Scope: "technological controls", StartDate: "2026-09-01", AuditorName: "Ext"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Audits.Cancel(cancelled.ID, cancelled.Version); err != nil {
		t.Fatal(err)
	}
	p, err = a.Audits.Programme()
	if err != nil {
		t.Fatal(err)
	}
	var gaps []string
	for _, ar := range p.Areas {
		if ar.Gap {
			gaps = append(gaps, ar.Ref)
		}
	}
	if strings.Join(gaps, " ") != "A.5 A.7 A.8" || p.Gaps != 3 {
		t.Fatalf("gaps %v (%d), want the themes A.5, A.7 and A.8 (the technological audit was cancelled)", gaps, p.Gaps)
	}
	if c := p.Areas[3].Cells[0]; c.Year != 2026 || len(c.Audits) != 1 || c.Audits[0].Ref != "IA-1" || p.Areas[3].Covered != 7 {
		t.Fatalf("clause 7 in 2026: %+v, covered %d; want IA-1 covering its 7 sub-clauses", c, p.Areas[3].Covered)
	}
}
