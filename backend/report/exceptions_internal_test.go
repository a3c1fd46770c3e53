package report

import (
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

var testNow = time.Date(2025, 6, 15, 10, 0, 0, 0, time.UTC)

// snapOf stores the records in a fresh database, in order, and loads the snapshot every
// report reads (with the gap analysis).
func snapOf(t *testing.T, recs ...isms.Record) *snap {
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
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var s *snap
	if err := db.View(func(tx *store.Tx) (err error) { s, err = load(tx, execKinds, testNow, ""); return err }); err != nil {
		t.Fatal(err)
	}
	return s
}

// ofRule returns the exceptions of one rule.
func ofRule(s *snap, rule string) []exception {
	var out []exception
	for _, e := range exceptions(s, "") {
		if e.Rule == rule {
			out = append(out, e)
		}
	}
	return out
}

func control(id, ref, status string) *isms.Control {
	return &isms.Control{Meta: isms.Meta{ID: id}, Ref: ref, Title: "Control " + ref, Theme: isms.ThemeTechnological,
		Applicability: isms.ApplicabilityApplicable, Justification: "Treats a risk", Status: status}
}

func wantOne(t *testing.T, got []exception, ref, detail string) {
	t.Helper()
	if len(got) != 1 {
		t.Fatalf("%d exceptions, want 1: %+v", len(got), got)
	}
	if got[0].Ref != ref || !strings.Contains(got[0].Detail, detail) {
		t.Errorf("exception %s %q, want %s with %q", got[0].Ref, got[0].Detail, ref, detail)
	}
}

func wantNone(t *testing.T, got []exception) {
	t.Helper()
	if len(got) != 0 {
		t.Errorf("%d exceptions, want none: %+v", len(got), got)
	}
}

// TestExceptionRequirement: a requirement assessed compliant whose linked control is not
// implemented is an exception; with the control implemented and evidence noted it is not.
func TestExceptionRequirement(t *testing.T) {
	req := func() *isms.Requirement {
		return &isms.Requirement{Ref: "REQ-1", Title: "Patch in 14 days", SourceType: isms.RequirementSources[0].Value,
			Applicable: true, Status: isms.ComplianceCompliant, ControlIDs: []string{"c1"}, Evidence: "Patch reports"}
	}
	s := snapOf(t, control("c1", "A.8.8", isms.ImplInProgress), req())
	wantOne(t, ofRule(s, ruleRequirement), "REQ-1", "A.8.8 is in progress")

	s = snapOf(t, control("c1", "A.8.8", isms.ImplImplemented), req())
	wantNone(t, ofRule(s, ruleRequirement))
}

// TestExceptionTreatedRisk: a risk marked treated whose control is not implemented is an
// exception; with the control implemented, or while the risk is only assessed, it is not.
func TestExceptionTreatedRisk(t *testing.T) {
	risk := func(status string) *isms.Risk {
		return &isms.Risk{Ref: "R-1", Title: "Ransomware", Likelihood: 3, Impact: 4, Status: status,
			Treatment: isms.TreatMitigate, ControlIDs: []string{"c1"}}
	}
	s := snapOf(t, control("c1", "A.8.7", isms.ImplPlanned), risk(isms.RiskTreated))
	wantOne(t, ofRule(s, ruleTreated), "R-1", "A.8.7 planned")

	s = snapOf(t, control("c1", "A.8.7", isms.ImplImplemented), risk(isms.RiskTreated))
	wantNone(t, ofRule(s, ruleTreated))
	s = snapOf(t, control("c1", "A.8.7", isms.ImplPlanned), risk(isms.RiskAssessed))
	wantNone(t, ofRule(s, ruleTreated))
}

// TestExceptionLowResidual: a low residual risk whose control's KPI is red, or on whose
// control an open major nonconformity was raised, is an exception; with the KPI green and
// the finding minor it is not.
func TestExceptionLowResidual(t *testing.T) {
	base := func(value float64, severity string) []isms.Record {
		return []isms.Record{
			control("c1", "A.5.18", isms.ImplImplemented),
			&isms.KPI{Meta: isms.Meta{ID: "k1"}, Ref: "KPI-1", Name: "Leaver access revoked in a day", Unit: "%", Target: 95, Amber: 85,
				Direction: isms.HigherIsBetter, Frequency: "monthly", ControlID: "c1", Active: true},
			&isms.Measurement{KPIID: "k1", Date: "2025-06-01", Value: value},
			&isms.Risk{Ref: "R-1", Title: "Leavers keep access", Likelihood: 3, Impact: 3, ResidualLikelihood: 1, ResidualImpact: 1,
				Status: isms.RiskTreated, Treatment: isms.TreatMitigate, ControlIDs: []string{"c1"}},
			&isms.Audit{Meta: isms.Meta{ID: "a1"}, Ref: "IA-1", Title: "Audit", AuditorName: "Ext Ltd", Status: isms.AuditInProgress, StartDate: "2025-05-01"},
			&isms.Finding{Meta: isms.Meta{ID: "f1"}, AuditID: "a1", Ref: "IA-1-F1", Title: "Leavers", Severity: severity, Clause: "A.5.18"},
			&isms.Nonconformity{Ref: "NC-1", Title: "Leavers", Source: isms.NonconformitySources[0].Value, FindingID: "f1",
				DetectedOn: "2025-05-02", Status: isms.NCOpen},
		}
	}
	s := snapOf(t, base(60, isms.SeverityMinor)...)
	wantOne(t, ofRule(s, ruleLowResidual), "R-1", "KPI-1 Leaver access revoked in a day is red (60% on 2025-06-01)")

	s = snapOf(t, base(99, isms.SeverityMajor)...)
	wantOne(t, ofRule(s, ruleLowResidual), "R-1", "NC-1 (major, open) on A.5.18")

	s = snapOf(t, base(99, isms.SeverityMinor)...)
	wantNone(t, ofRule(s, ruleLowResidual))
}

// TestExceptionEvidence: an applicable control marked implemented with no evidence is an
// exception; with an evidence record attached, or its evidence location noted, it is not;
// nor is a control not yet implemented.
func TestExceptionEvidence(t *testing.T) {
	s := snapOf(t, control("c1", "A.8.13", isms.ImplImplemented), control("c2", "A.8.14", isms.ImplPlanned))
	wantOne(t, ofRule(s, ruleEvidence), "A.8.13", "no evidence")

	noted := control("c1", "A.8.13", isms.ImplImplemented)
	noted.Evidence = "Backup restore test reports, ops wiki"
	s = snapOf(t, noted)
	wantNone(t, ofRule(s, ruleEvidence))

	s = snapOf(t, control("c1", "A.8.13", isms.ImplImplemented),
		&isms.Evidence{Title: "Restore test", TargetKind: isms.KindControl, TargetID: "c1", URL: "https://example.com/restore", AddedOn: "2025-06-01"})
	wantNone(t, ofRule(s, ruleEvidence))
}

// audit returns a reported audit with the scope and checklist.
func audit(scope string, items ...isms.ChecklistItem) *isms.Audit {
	return &isms.Audit{Meta: isms.Meta{ID: "a1"}, Ref: "IA-1", Title: "Audit", AuditorName: "Ext Ltd", Status: isms.AuditCompleted,
		StartDate: "2025-05-01", EndDate: "2025-05-02", Scope: scope, Checklist: items}
}

// TestExceptionAuditScope: the clauses and controls a reported audit's scope names that no
// tested checklist item covers are an exception; when each is tested, or while the audit
// is in progress, there is none.
func TestExceptionAuditScope(t *testing.T) {
	const scope = "Clauses 9 to 10 and control A.5.15 at the London office (2025)"
	s := snapOf(t, audit(scope, isms.ChecklistItem{Ref: "9.2", Question: "Audit programme?", Result: isms.ResultConforming}))
	got := ofRule(s, ruleScope)
	wantOne(t, got, "IA-1", "clause 10 Improvement; A.5.15 Access control")
	if strings.Contains(got[0].Detail, "clause 9 ") || strings.Contains(got[0].Detail, "2025") {
		t.Errorf("a tested clause or a year named untested: %q", got[0].Detail)
	}

	s = snapOf(t, audit(scope, isms.ChecklistItem{Ref: "9.2", Question: "Audit programme?", Result: isms.ResultConforming},
		isms.ChecklistItem{Ref: "Clause 10.2", Question: "Corrective action?", Result: isms.ResultObservation},
		isms.ChecklistItem{Ref: "A.5.15", Question: "Access reviews?", Result: isms.ResultConforming}))
	wantNone(t, ofRule(s, ruleScope))

	running := audit(scope)
	running.Status = isms.AuditInProgress
	s = snapOf(t, running)
	wantNone(t, ofRule(s, ruleScope))
}

// TestExceptionObservation: a checklist observation with no finding on its clause is an
// exception; with a finding raised on it (written another way), it is not.
func TestExceptionObservation(t *testing.T) {
	items := []isms.ChecklistItem{{Ref: "A.5.24", Question: "Incident plan?", Result: isms.ResultObservation},
		{Ref: "7.2", Question: "Competence?", Result: isms.ResultConforming}}
	s := snapOf(t, audit("Clause 7.2, A.5.24", items...))
	wantOne(t, ofRule(s, ruleObservation), "IA-1", "Checklist item 1 (A.5.24) records an observation")

	s = snapOf(t, audit("Clause 7.2, A.5.24", items...),
		&isms.Finding{AuditID: "a1", Ref: "IA-1-F1", Title: "Incident plan in draft", Severity: isms.SeverityObservation, Clause: "a 5.24"})
	wantNone(t, ofRule(s, ruleObservation))
}
