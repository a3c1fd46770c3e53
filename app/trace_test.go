package app

import (
	"slices"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// TestTraceOfARequirement: from a requirement the window gets its control, the risk the
// control treats, the control's evidence and the audit that names the control only in its
// checklist; the gaps are in words.
func TestTraceOfARequirement(t *testing.T) {
	a := newPlanApp(t)
	crypto := controlByRef(t, a, "A.8.24")
	access := controlByRef(t, a, "A.5.15")
	req, err := a.Requirements.Create(isms.Requirement{Ref: "GDPR-32", Title: "Security of processing", SourceType: isms.SourceLegal,
		Applicable: true, Status: isms.CompliancePartial, ControlIDs: []string{crypto.ID, access.ID}})
	if err != nil {
		t.Fatal(err)
	}
	risk, err := a.Risks.Create(isms.Risk{Ref: "R-1", Title: "Laptop theft", Likelihood: 2, Impact: 2, Status: isms.RiskAssessed,
		ControlIDs: []string{crypto.ID}})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := a.Evidence.AddLink("control", crypto.ID, "https://intranet/keys", "Key register", "", "")
	if err != nil {
		t.Fatal(err)
	}
	var audit isms.Audit
	err = a.update(func(tx *store.Tx) error {
		audit = isms.Audit{Ref: "IA-1", Title: "Internal audit", AuditorName: "Ann Auditor", Status: isms.AuditPlanned,
			Checklist: []isms.ChecklistItem{{Ref: "A.8.24", Question: "Are keys managed?", Result: isms.ResultNotChecked}}}
		return tx.Create(&audit, "test")
	})
	if err != nil {
		t.Fatal(err)
	}

	v, err := a.Trace.Of("requirements", req.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Start.ID != req.ID || v.Start.Via != overview.TraceStart {
		t.Fatalf("start %+v", v.Start)
	}
	in := func(key, id string) (overview.TraceItem, bool) {
		for _, c := range v.Columns {
			if c.Key != key {
				continue
			}
			for _, it := range c.Items {
				if it.ID == id {
					return it, true
				}
			}
		}
		return overview.TraceItem{}, false
	}
	checks := []struct {
		column, id, via string
	}{
		{overview.TraceRequirements, req.ID, overview.TraceStart},
		{overview.TraceControls, crypto.ID, overview.TraceLinked},
		{overview.TraceControls, access.ID, overview.TraceLinked},
		{overview.TraceRisks, risk.ID, overview.TraceLinked},
		{overview.TraceEvidence, ev.ID, overview.TraceLinked},
		{overview.TraceAudits, audit.ID, overview.TraceNamed},
	}
	for _, c := range checks {
		if it, ok := in(c.column, c.id); !ok || it.Via != c.via {
			t.Errorf("%s %s: %+v (found %v), want via %s", c.column, c.id, it, ok, c.via)
		}
	}
	var gaps []string
	for _, g := range v.Gaps {
		gaps = append(gaps, g.Message)
	}
	want := []string{"A.5.15 has no evidence", "A.5.15 has not been audited"}
	if !slices.Equal(gaps, want) {
		t.Errorf("gaps %q, want %q", gaps, want)
	}

	if _, err := a.Trace.Of("unicorn", req.ID); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Errorf("an unknown kind: %v, want invalid", err)
	}
	if _, err := a.Trace.Of("requirement", "no-such-id"); isms.ErrorCode(err) != isms.CodeNotFound {
		t.Errorf("a missing record: %v, want not found", err)
	}
}
