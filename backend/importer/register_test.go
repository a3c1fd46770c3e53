package importer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// book writes rows to a workbook in a temporary folder and returns its path.
func book(t *testing.T, rows [][]any) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "register.xlsx")
	writeBook(t, path, 1, rows)
	return path
}

func byRef[T isms.Record](t *testing.T, db *store.DB, k isms.Kind, ref string) T {
	t.Helper()
	var out T
	err := db.View(func(tx *store.Tx) error {
		rec, err := tx.ByRef(k, ref)
		if err != nil {
			return err
		}
		out = rec.(T)
		return nil
	})
	if err != nil {
		t.Fatalf("%s %s: %v", k, ref, err)
	}
	return out
}

// wantProblem fails unless a problem on field says something containing part.
func wantProblem(t *testing.T, p *Plan, field, part string) {
	t.Helper()
	for _, e := range p.Errors {
		if e.Field == field && strings.Contains(e.Message, part) {
			return
		}
	}
	t.Errorf("no problem on %s saying %q; problems %v", field, part, p.Errors)
}

// TestObjectivesAndKPIs: a French register of objectives and an English one of KPIs are
// read with their people, links, enums and numbers; an objective is never approved by
// an import; importing the same files again changes nothing.
func TestObjectivesAndKPIs(t *testing.T) {
	db := openDB(t, t.TempDir())
	kpis := book(t, [][]any{
		{"KPI ID", "Indicator", "Unit", "Target", "Amber threshold", "Direction", "Frequency", "Owner"},
		{"KPI-01", "Phishing click rate", "%", "5", "10", "Lower is better", "mensuel", "Jane Smith"},
		{"KPI-02", "Training completion", "%", "95%", "80", "higher", "Quarterly", "jane smith"},
	})
	p := prepare(t, db, Request{Kind: xlsx.KindKPIs, File: kpis})
	if p.Counts.Created != 2 || len(p.Errors) > 0 || len(p.NewPeople) != 1 {
		t.Fatalf("kpis: counts %+v, problems %v, new people %v", p.Counts, p.Errors, p.NewPeople)
	}
	commit(t, db, p)
	k := byRef[*isms.KPI](t, db, isms.KindKPI, "KPI-02")
	if k.Target != 95 || k.Amber != 80 || k.Direction != isms.HigherIsBetter || k.Frequency != isms.FrequencyQuarterly || !k.Active || k.OwnerID == "" {
		t.Errorf("KPI-02 stored as %+v", k)
	}

	objectives := book(t, [][]any{
		{"Référence", "Objectif", "Responsable", "Échéance", "Statut", "Cible", "Unité", "KPIs"},
		{"OBJ-01", "Moins de clics sur le phishing", "Jane Smith", "31/12/2026", "Proposé", "5", "%", "KPI-01; Training completion"},
		{"OBJ-02", "Tout le monde formé", "Jane Smith", "30/06/2026", "Approuvé", "95", "%", ""},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindObjectives, File: objectives, SkipInvalid: true})
	if p.Counts.Created != 1 || p.Counts.Invalid != 1 {
		t.Fatalf("objectives: counts %+v, problems %v", p.Counts, p.Errors)
	}
	wantProblem(t, p, "status", "approve the objective first")
	commit(t, db, p)
	o := byRef[*isms.Objective](t, db, isms.KindObjective, "OBJ-01")
	if o.DueDate != "2026-12-31" || o.Status != isms.ObjectiveProposed || o.Target != 5 || len(o.KPIIDs) != 2 || o.OwnerID != k.OwnerID {
		t.Errorf("OBJ-01 stored as %+v", o)
	}
	for _, f := range []struct{ kind, file string }{{xlsx.KindKPIs, kpis}} {
		if again := prepare(t, db, Request{Kind: f.kind, File: f.file}); again.Counts != (Counts{Rows: 2, Unchanged: 2}) {
			t.Errorf("%s again: %+v %v", f.kind, again.Counts, again.Errors)
		}
	}
	if again := prepare(t, db, Request{Kind: xlsx.KindObjectives, File: objectives, SkipInvalid: true}); again.Counts.Unchanged != 1 || again.Counts.Created+again.Counts.Updated != 0 {
		t.Errorf("objectives again: %+v", again.Counts)
	}
}

// TestPoliciesRegisterNeverApproves: a new policy starts as a draft version 1.0; a row
// asking for another status than the stored one is refused, naming the workflow; the
// register's other fields update.
func TestPoliciesRegisterNeverApproves(t *testing.T) {
	db := openDB(t, t.TempDir())
	path := book(t, [][]any{
		{"Policy ID", "Title", "Owner", "Approver", "Review cycle", "Next review", "Status"},
		{"POL-01", "Information security policy", "Jane Smith", "Robin Boss", "Annual", "2026-03-01", "Draft"},
		{"POL-02", "Access control policy", "Jane Smith", "Robin Boss", "24 months", "", "Published"},
	})
	p := prepare(t, db, Request{Kind: xlsx.KindPolicies, File: path})
	if p.Counts.Created != 1 || p.Counts.Invalid != 1 {
		t.Fatalf("counts %+v, problems %v", p.Counts, p.Errors)
	}
	wantProblem(t, p, "status", "never approves or publishes")
	p = prepare(t, db, Request{Kind: xlsx.KindPolicies, File: path, SkipInvalid: true})
	commit(t, db, p)
	pol := byRef[*isms.Policy](t, db, isms.KindPolicy, "POL-01")
	if pol.Status != isms.PolicyDraft || len(pol.Versions) != 1 || pol.Versions[0].Number != "1.0" || pol.ReviewCycleMonths != 12 ||
		pol.NextReviewDate != "2026-03-01" || pol.ApproverID == "" || pol.ApproverID == pol.OwnerID {
		t.Errorf("POL-01 stored as %+v", pol)
	}
	// the policy moves on in the window; the register follows it, never the other way
	err := db.Update(func(tx *store.Tx) error {
		rec, _ := tx.ByRef(isms.KindPolicy, "POL-01")
		q := rec.(*isms.Policy)
		q.Versions[0].Text = "We protect information."
		if err := q.Submit(); err != nil {
			return err
		}
		return tx.Put(q, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	update := book(t, [][]any{
		{"Policy ID", "Title", "Owner", "Approver", "Review cycle", "Status"},
		{"POL-01", "Information security policy", "Jane Smith", "Robin Boss", "6", "In review"},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindPolicies, File: update})
	if p.Counts.Updated != 1 || len(p.Errors) > 0 {
		t.Fatalf("update: counts %+v, problems %v", p.Counts, p.Errors)
	}
	commit(t, db, p)
	if pol := byRef[*isms.Policy](t, db, isms.KindPolicy, "POL-01"); pol.ReviewCycleMonths != 6 || pol.Status != isms.PolicyInReview {
		t.Errorf("after the update: %+v", pol)
	}
	back := book(t, [][]any{{"Policy ID", "Title", "Status"}, {"POL-01", "Information security policy", "Approved"}})
	p = prepare(t, db, Request{Kind: xlsx.KindPolicies, File: back})
	wantProblem(t, p, "status", "approval workflow")
}

// TestTrainingsCampaignsCommunicationsMatchByNaturalKey: rows without a reference match
// by topic and date, title and start date, date and subject; a blank audience size keeps
// the stored (counted) one.
func TestTrainingsCampaignsCommunicationsMatchByNaturalKey(t *testing.T) {
	db := openDB(t, t.TempDir())
	trainings := book(t, [][]any{
		{"Topic", "Date", "Status", "Required", "Duration (hours)", "Trainer", "Organiser"},
		{"Security awareness", "2026-01-15", "Held", "No", "1,5", "Jo Trainer", "Jane Smith"},
		{"Security awareness", "2026-07-15", "Prévu", "No", "1.5", "Jo Trainer", "Jane Smith"},
	})
	p := prepare(t, db, Request{Kind: xlsx.KindTrainings, File: trainings})
	if p.Counts.Created != 2 || len(p.Errors) > 0 {
		t.Fatalf("trainings: %+v %v", p.Counts, p.Errors)
	}
	commit(t, db, p)
	if again := prepare(t, db, Request{Kind: xlsx.KindTrainings, File: trainings}); again.Counts != (Counts{Rows: 2, Unchanged: 2}) {
		t.Errorf("trainings again: %+v %v", again.Counts, again.Errors)
	}
	log := book(t, [][]any{
		{"Date", "Subject", "Channel", "Audience", "By", "Reached (people)"},
		{"2026-02-01", "New password rules", "E-mail", "All staff", "Jane Smith", ""},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindCommunications, File: log})
	if p.Counts.Created != 1 || len(p.Errors) > 0 {
		t.Fatalf("communications: %+v %v", p.Counts, p.Errors)
	}
	commit(t, db, p)
	var c *isms.Communication
	db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindCommunication, func(r isms.Record) error { c = r.(*isms.Communication); return nil })
	})
	if c == nil || c.AudienceSize == 0 || c.Channel != isms.ChannelEmail {
		t.Fatalf("communication stored as %+v", c)
	}
	edited := book(t, [][]any{
		{"Date", "Subject", "Channel", "Audience", "By", "Audience size", "Reached (people)"},
		{"2026-02-01", "New password rules", "Intranet", "All staff", "Jane Smith", "", ""},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindCommunications, File: edited})
	if p.Counts.Updated != 1 || p.Counts.Created != 0 {
		t.Fatalf("communication edit: %+v %v", p.Counts, p.Errors)
	}
	commit(t, db, p)
	var after *isms.Communication
	db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindCommunication, func(r isms.Record) error { after = r.(*isms.Communication); return nil })
	})
	if after.ID != c.ID || after.Channel != isms.ChannelIntranet || after.AudienceSize != c.AudienceSize {
		t.Errorf("after the edit: %+v (was %+v)", after, c)
	}
	campaigns := book(t, [][]any{
		{"Title", "Channels", "Start date", "End date", "Status"},
		{"Phishing month", "E-mail; poster", "2026-03-01", "2026-03-31", "En cours"},
		{"Clean desk week", "Fax", "2026-04-01", "", ""},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindCampaigns, File: campaigns})
	wantProblem(t, p, "channels", "expected one of")
	if p.Counts.Created != 1 {
		t.Errorf("campaigns: %+v", p.Counts)
	}
}

// auditFixture stores an audit in progress with two checklist items.
func auditFixture(t *testing.T, db *store.DB, status string) {
	t.Helper()
	err := db.Update(func(tx *store.Tx) error {
		return tx.Create(&isms.Audit{Ref: "IA-09", Title: "Access audit", AuditorName: "Jo External", Status: status, StartDate: "2026-05-01",
			Checklist: []isms.ChecklistItem{
				{Ref: "A.5.15", Question: "Are access rights reviewed?", Result: isms.ResultNotChecked},
				{Ref: "7.2", Question: "Are competences recorded?", Result: isms.ResultNotChecked},
			}}, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestAuditResultsGoIntoTheChosenAudit: rows match checklist items by clause and question,
// results and evidence are recorded, a new question is added, the audit's status stays;
// a planned audit takes no results and a reported one nothing.
func TestAuditResultsGoIntoTheChosenAudit(t *testing.T) {
	db := openDB(t, t.TempDir())
	auditFixture(t, db, isms.AuditInProgress)
	path := book(t, [][]any{
		{"Clause or control", "Question", "Result", "Evidence notes"},
		{"A 5.15", "Are access rights reviewed?", "Minor NC", "Two quarters without a review."},
		{"7.2", "", "Conforme", "Training records seen."},
		{"A.8.13", "Are backups tested?", "Not sampled", ""},
		{"A.8.15", "Are logs kept?", "OK", "90 days of logs."},
	})
	p := prepare(t, db, Request{Kind: xlsx.KindAuditResults, File: path, Audit: "IA-09", SkipInvalid: true})
	if p.Counts.Updated != 2 || p.Counts.Created != 1 || p.Counts.Invalid != 1 {
		t.Fatalf("counts %+v, problems %v", p.Counts, p.Errors)
	}
	wantProblem(t, p, "evidence", "not sampled")
	commit(t, db, p)
	a := byRef[*isms.Audit](t, db, isms.KindAudit, "IA-09")
	if a.Status != isms.AuditInProgress || len(a.Checklist) != 3 || a.Checklist[0].Result != isms.ResultMinorNC ||
		a.Checklist[1].Result != isms.ResultConforming || a.Checklist[1].Evidence != "Training records seen." ||
		a.Checklist[2].Ref != "A.8.15" || a.Checklist[2].Title == "" {
		t.Errorf("audit after the import: %+v", a)
	}
	if again := prepare(t, db, Request{Kind: xlsx.KindAuditResults, File: path, Audit: "Access audit", SkipInvalid: true}); again.Counts.Unchanged != 3 || again.Counts.Created+again.Counts.Updated != 0 {
		t.Errorf("again: %+v %v", again.Counts, again.Errors)
	}

	planned := openDB(t, t.TempDir())
	auditFixture(t, planned, isms.AuditPlanned)
	p = prepare(t, planned, Request{Kind: xlsx.KindAuditResults, File: path, Audit: "IA-09"})
	wantProblem(t, p, "result", "once the audit has started")

	if _, err := Prepare(t.Context(), db, Request{Kind: xlsx.KindAuditResults, File: path}); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Errorf("without an audit: %v", err)
	}
	err := db.Update(func(tx *store.Tx) error {
		rec, _ := tx.ByRef(isms.KindAudit, "IA-09")
		x := rec.(*isms.Audit)
		x.Status, x.EndDate, x.ReportDate, x.Scope, x.Conclusion = isms.AuditCompleted, "2026-05-02", "2026-05-02", "Access", "Fine."
		x.Checklist = x.Checklist[1:]
		return tx.Put(x, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Prepare(t.Context(), db, Request{Kind: xlsx.KindAuditResults, File: path, Audit: "IA-09"}); isms.ErrorCode(err) != isms.CodeLocked || !strings.Contains(err.Error(), "reopen") {
		t.Errorf("into a reported audit: %v", err)
	}
}

// TestCorrectiveRegisters: nonconformities move one step at a time and never get their
// effectiveness review or closing from an import; an action done without a date is done
// today; feedback is never converted by an import.
func TestCorrectiveRegisters(t *testing.T) {
	db := openDB(t, t.TempDir())
	ncs := book(t, [][]any{
		{"NC ID", "Title", "Source", "Detected on", "Owner", "Status", "Correction", "Corrected on"},
		{"NC-01", "Leavers' accounts still active", "Audit", "2026-04-01", "Jane Smith", "Correction", "Disabled them", "2026-04-02"},
	})
	p := prepare(t, db, Request{Kind: xlsx.KindNonconformities, File: ncs})
	if p.Counts.Created != 1 || len(p.Errors) > 0 {
		t.Fatalf("ncs: %+v %v", p.Counts, p.Errors)
	}
	commit(t, db, p)
	jump := book(t, [][]any{
		{"NC ID", "Title", "Status", "Verdict"},
		{"NC-01", "Leavers' accounts still active", "Corrective action", "Effective"},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindNonconformities, File: jump})
	wantProblem(t, p, "status", "can move on to Root cause analysis only")
	effective := book(t, [][]any{{"NC ID", "Title", "Verdict"}, {"NC-01", "Leavers' accounts still active", "Effective"}})
	p = prepare(t, db, Request{Kind: xlsx.KindNonconformities, File: effective})
	wantProblem(t, p, "verdict", "effectiveness review")

	actions := book(t, [][]any{
		{"Action", "Title", "Owner", "Status", "Completed on"},
		{"ACT-01", "Add leavers to the checklist", "Jane Smith", "Done", ""},
		{"ACT-02", "Review SaaS accounts", "Jane Smith", "Open", "2026-04-03"},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindActions, File: actions, SkipInvalid: true})
	if p.Counts.Created != 1 || p.Counts.Invalid != 1 {
		t.Fatalf("actions: %+v %v", p.Counts, p.Errors)
	}
	wantProblem(t, p, "completedOn", "only set when the action is done")
	commit(t, db, p)
	if a := byRef[*isms.Action](t, db, isms.KindAction, "ACT-01"); a.CompletedOn != today() {
		t.Errorf("ACT-01 completed on %q, want today", a.CompletedOn)
	}

	fb := book(t, [][]any{
		{"Date", "From", "Feedback", "Sentiment", "Status", "Response"},
		{"2026-03-02", "Client", "Send reports through the portal", "Neutre", "Accepted", "From next month"},
		{"2026-03-03", "Staff", "More training please", "Positive", "Converted to improvement", ""},
		{"2099-01-01", "Staff", "From the future", "", "", ""},
	})
	p = prepare(t, db, Request{Kind: xlsx.KindFeedback, File: fb, SkipInvalid: true})
	if p.Counts.Created != 1 || p.Counts.Invalid != 2 {
		t.Fatalf("feedback: %+v %v", p.Counts, p.Errors)
	}
	wantProblem(t, p, "status", "never by an import")
	wantProblem(t, p, "date", "must not be after today")
	commit(t, db, p)
	if again := prepare(t, db, Request{Kind: xlsx.KindFeedback, File: fb, SkipInvalid: true}); again.Counts.Unchanged != 1 || again.Counts.Created != 0 {
		t.Errorf("feedback again: %+v", again.Counts)
	}
}
