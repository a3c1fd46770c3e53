package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// storedRisk reads a risk through the service, failing the test on an error.
func storedRisk(t *testing.T, a *App, id string) isms.Risk {
	t.Helper()
	r, err := a.Risks.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRiskMethodChangeRelevelsAndWithdrawsAcceptances: the preview says which risks change
// level and which acceptances a lower threshold no longer allows, changing nothing; saving
// withdraws exactly those in the same transaction, with a history entry that says why.
func TestRiskMethodChangeRelevelsAndWithdrawsAcceptances(t *testing.T) {
	a := newPlanApp(t)
	if _, err := a.Organisation.Save(isms.Organisation{Name: "Acme Ltd", RiskMethod: threeByThree}); err != nil {
		t.Fatal(err)
	}
	owner := addPerson(t, a, "Olga Owner", isms.RoleSeniorManagement)
	ctl := controlByRef(t, a, "A.8.1")
	accepted := func(r isms.Risk, reason string) isms.Risk {
		t.Helper()
		r.OwnerID = owner.ID
		c, err := a.Risks.Create(r)
		if err != nil {
			t.Fatalf("create %s: %v", r.Ref, err)
		}
		c, err = a.Risks.Accept(c.ID, c.Version, isms.RiskAcceptance{AcceptedByID: owner.ID, AcceptedOn: planToday, Comment: reason})
		if err != nil || c.Status != isms.RiskAccepted {
			t.Fatalf("accept %s: %+v %v", r.Ref, c, err)
		}
		return c
	}
	// On 3 by 3 with threshold 3: 3 is Medium and acceptable, 1 Low, 9 Critical.
	r1 := accepted(isms.Risk{Ref: "R-1", Title: "Lost laptop", Likelihood: 1, Impact: 3, Status: isms.RiskTreated,
		Treatment: isms.TreatMitigate, ControlIDs: []string{ctl.ID}}, "")
	r2 := accepted(isms.Risk{Ref: "R-2", Title: "Spilt coffee", Likelihood: 1, Impact: 1, Treatment: isms.TreatAccept}, "")
	r3 := accepted(isms.Risk{Ref: "R-3", Title: "Flood", Likelihood: 3, Impact: 3, Treatment: isms.TreatAccept}, "insured")
	r4, err := a.Risks.Create(isms.Risk{Ref: "R-4", Title: "Phishing", OwnerID: owner.ID, Likelihood: 2, Impact: 2,
		ResidualLikelihood: 1, ResidualImpact: 2, Treatment: isms.TreatMitigate})
	if err != nil {
		t.Fatal(err)
	}

	// 5 by 5 with threshold 2: 3 is Low but above the threshold; 9 Medium; 4 Low.
	next := isms.DefaultRiskMethod()
	next.Threshold = 2
	p, err := a.Organisation.PreviewRiskMethod(next)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]isms.RiskRelevel{}
	for _, v := range p.Risks {
		got[v.Ref] = v
	}
	if len(p.Risks) != 3 || p.Relevel != 3 || p.Withdrawn != 1 {
		t.Fatalf("preview = %+v, want R-1, R-3, R-4 relevelled, R-1 withdrawn", p)
	}
	if v := got["R-1"]; v.Level != isms.LevelMedium || v.NewLevel != isms.LevelLow || !v.Withdrawn || v.RiskID != r1.ID {
		t.Errorf("R-1 = %+v", v)
	}
	if v := got["R-3"]; v.Level != isms.LevelCritical || v.NewLevel != isms.LevelMedium || v.Withdrawn {
		t.Errorf("R-3 (accepted above the threshold with a reason) = %+v", v)
	}
	if v := got["R-4"]; v.Level != isms.LevelHigh || v.NewLevel != isms.LevelLow || v.ResidualLevel != isms.LevelMedium || v.NewResidualLevel != isms.LevelLow {
		t.Errorf("R-4 = %+v", v)
	}
	if _, ok := got["R-2"]; ok {
		t.Errorf("R-2 (Low, within both thresholds) listed: %+v", got["R-2"])
	}
	if r := storedRisk(t, a, r1.ID); r.Status != isms.RiskAccepted || r.Version != r1.Version {
		t.Fatalf("the preview changed R-1: %+v", r)
	}

	// A bad method is refused by the preview as by Save, naming the field.
	bad := next
	bad.Threshold = 30
	_, err = a.Organisation.PreviewRiskMethod(bad)
	wantErr(t, "preview threshold 30", err, isms.CodeInvalid, "riskMethod.threshold")

	if _, err := a.Organisation.Save(isms.Organisation{Name: "Acme Ltd", RiskMethod: next}); err != nil {
		t.Fatal(err)
	}
	if org, _ := a.Organisation.Get(); org.RiskMethod.Threshold != 2 || len(org.RiskMethod.Likelihood) != 5 {
		t.Fatalf("method not saved: %+v", org.RiskMethod)
	}
	w := storedRisk(t, a, r1.ID)
	if w.Status != isms.RiskTreated || w.Acceptance != (isms.RiskAcceptance{}) {
		t.Errorf("R-1 after the change = %s %+v, want treated without acceptance", w.Status, w.Acceptance)
	}
	for _, id := range []string{r2.ID, r3.ID} {
		if r := storedRisk(t, a, id); r.Status != isms.RiskAccepted || r.Acceptance.AcceptedByID != owner.ID {
			t.Errorf("%s lost its acceptance: %+v", r.Ref, r)
		}
	}
	if r := storedRisk(t, a, r4.ID); r.Version != r4.Version {
		t.Errorf("R-4 (not accepted) was rewritten")
	}
	var hist []overview.Change
	err = a.view(func(tx *store.Tx) error {
		var err error
		hist, err = overview.History(tx, isms.KindRisk, r1.ID)
		return err
	})
	if err != nil || len(hist) == 0 || !strings.Contains(hist[0].Source, "risk method changed its acceptance threshold from 3 to 2") {
		t.Fatalf("history of R-1 = %+v %v", hist, err)
	}
	// A risk whose acceptance the threshold withdrew may be accepted again, now with a reason.
	if _, err := a.Risks.Accept(w.ID, w.Version, isms.RiskAcceptance{AcceptedByID: owner.ID, AcceptedOn: planToday}); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Errorf("re-accepted above the new threshold without a reason: %v", err)
	}

	// Saving the same method again withdraws nothing more.
	p, err = a.Organisation.PreviewRiskMethod(next)
	if err != nil || len(p.Risks) != 0 {
		t.Errorf("preview of the saved method = %+v %v", p, err)
	}
}

// TestRiskMethodRefusalNamesEveryRisk: a method whose scales no longer hold stored scores
// is refused (preview and save alike), naming ten risks and how many more, on the scale's
// field; nothing is saved.
func TestRiskMethodRefusalNamesEveryRisk(t *testing.T) {
	a := newPlanApp(t)
	if _, err := a.Organisation.Save(isms.Organisation{Name: "Acme Ltd", RiskMethod: isms.DefaultRiskMethod()}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 12; i++ {
		if _, err := a.Risks.Create(isms.Risk{Ref: fmt.Sprintf("R-%02d", i), Title: "Risk", Likelihood: 5, Impact: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Risks.Create(isms.Risk{Ref: "R-99", Title: "Impact only", Likelihood: 1, Impact: 5}); err != nil {
		t.Fatal(err)
	}
	small := isms.RiskMethod{Likelihood: []string{"Low", "Medium", "High", "Very high"}, Impact: []string{"Low", "Medium", "High", "Very high"}, Threshold: 4}
	for name, call := range map[string]func() error{
		"preview": func() error { _, err := a.Organisation.PreviewRiskMethod(small); return err },
		"save": func() error {
			_, err := a.Organisation.Save(isms.Organisation{Name: "Acme Ltd", RiskMethod: small})
			return err
		},
	} {
		err := call()
		wantErr(t, name, err, isms.CodeInvalid, "riskMethod.likelihood", "riskMethod.impact")
		e := err.(*isms.Error)
		if !strings.Contains(e.Message, "R-01, R-02, R-03, R-04, R-05, R-06, R-07, R-08, R-09, R-10 and 3 more") {
			t.Errorf("%s: message %q does not name ten risks and the rest", name, e.Message)
		}
		if !strings.Contains(e.Fields["riskMethod.likelihood"], "and 2 more use a higher likelihood") || e.Fields["riskMethod.impact"] != "R-99 uses a higher impact level" {
			t.Errorf("%s: fields %v", name, e.Fields)
		}
	}
	if org, _ := a.Organisation.Get(); len(org.RiskMethod.Likelihood) != 5 {
		t.Errorf("refused method saved: %+v", org.RiskMethod)
	}
	one := isms.RiskMethod{Likelihood: []string{"Low", "Medium", "High", "Very high"}, Impact: isms.DefaultRiskMethod().Impact, Threshold: 4}
	if err := a.Risks.Delete(mustRiskByRef(t, a, "R-99").ID, 0); err != nil {
		t.Fatal(err)
	}
	for i := 2; i <= 12; i++ {
		if err := a.Risks.Delete(mustRiskByRef(t, a, fmt.Sprintf("R-%02d", i)).ID, 0); err != nil {
			t.Fatal(err)
		}
	}
	_, err := a.Organisation.PreviewRiskMethod(one)
	if e, ok := err.(*isms.Error); !ok || e.Message != "risk R-01 is scored beyond the new scales: rescore it first, or keep more levels" {
		t.Errorf("one risk: %v", err)
	}
}

func mustRiskByRef(t *testing.T, a *App, ref string) isms.Risk {
	t.Helper()
	list, err := a.Risks.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range list {
		if r.Ref == ref {
			return r
		}
	}
	t.Fatalf("no risk %s", ref)
	return isms.Risk{}
}

// TestRecordDatesNotAfterToday: the date something happened on cannot be after today by
// the app's clock, on create and on update, for risks, assets, nonconformities, feedback
// and measurements; today itself is allowed. Evidence is dated today by the service.
func TestRecordDatesNotAfterToday(t *testing.T) {
	a := newPlanApp(t)
	const tomorrow, msg = isms.Date("2026-03-11"), "must not be after today (2026-03-10)"
	owner := addPerson(t, a, "Olga Owner", isms.RoleSecurityOfficer)
	kpi := addKPI(t, a, isms.KPI{Ref: "KPI-01", Name: "Phishing reports", Frequency: isms.FrequencyMonthly, Unit: "%",
		Target: 95, Amber: 85, Direction: isms.HigherIsBetter, OwnerID: owner.ID, Active: true})

	refused := func(what, field string, err error) {
		t.Helper()
		wantErr(t, what, err, isms.CodeInvalid, field)
		if e := err.(*isms.Error); e.Fields[field] != msg || !strings.Contains(e.Message, msg) {
			t.Errorf("%s: %v, want %q on %s", what, err, msg, field)
		}
	}

	_, err := a.Risks.Create(isms.Risk{Ref: "R-1", Title: "Theft", Likelihood: 1, Impact: 1, IdentifiedOn: tomorrow})
	refused("risk identified tomorrow", "identifiedOn", err)
	r, err := a.Risks.Create(isms.Risk{Ref: "R-1", Title: "Theft", Likelihood: 1, Impact: 1, IdentifiedOn: planToday})
	if err != nil {
		t.Fatalf("risk identified today: %v", err)
	}
	r.IdentifiedOn = tomorrow
	_, err = a.Risks.Update(r)
	refused("risk edited to tomorrow", "identifiedOn", err)

	_, err = a.Assets.Create(isms.Asset{Ref: "AST-1", Name: "Laptop", Type: isms.AssetHardware, AcquiredOn: tomorrow})
	refused("asset acquired tomorrow", "acquiredOn", err)
	as, err := a.Assets.Create(isms.Asset{Ref: "AST-1", Name: "Laptop", Type: isms.AssetHardware, AcquiredOn: "2025-01-31"})
	if err != nil {
		t.Fatal(err)
	}
	as.AcquiredOn = tomorrow
	_, err = a.Assets.Update(as)
	refused("asset edited to tomorrow", "acquiredOn", err)

	_, err = a.Nonconformities.Create(isms.Nonconformity{Ref: "NC-1", Title: "Late review", Source: isms.NCSourceOther, DetectedOn: tomorrow})
	refused("nonconformity detected tomorrow", "detectedOn", err)
	n, err := a.Nonconformities.Create(isms.Nonconformity{Ref: "NC-1", Title: "Late review", Source: isms.NCSourceOther})
	if err != nil || n.DetectedOn != planToday {
		t.Fatalf("nonconformity detected today by default: %+v %v", n, err)
	}
	n.DetectedOn = tomorrow
	_, err = a.Nonconformities.Update(n)
	refused("nonconformity edited to tomorrow", "detectedOn", err)

	_, err = a.Feedback.Create(isms.Feedback{Date: tomorrow, Text: "More examples"})
	refused("feedback given tomorrow", "date", err)
	f, err := a.Feedback.Create(isms.Feedback{Date: planToday, Text: "More examples"})
	if err != nil {
		t.Fatal(err)
	}
	f.Date = tomorrow
	_, err = a.Feedback.Update(f)
	refused("feedback edited to tomorrow", "date", err)

	_, err = a.Measurements.Create(isms.Measurement{KPIID: kpi.ID, Date: tomorrow, Value: 90})
	refused("measurement tomorrow", "date", err)
	m, err := a.Measurements.Create(isms.Measurement{KPIID: kpi.ID, Date: planToday, Value: 90})
	if err != nil {
		t.Fatal(err)
	}
	m.Date = tomorrow
	_, err = a.Measurements.Update(m)
	refused("measurement edited to tomorrow", "date", err)

	ev, err := a.Evidence.AddLink("risk", r.ID, "https://intranet.example/r1.pdf", "", owner.ID, "2027-01-01")
	if err != nil || ev.AddedOn != planToday {
		t.Fatalf("evidence added today: %+v %v", ev, err)
	}
}

// TestControlAttributesThroughTheService: the controls read from a data folder carry the
// catalogue's ISO/IEC 27002 attributes although the seeded records hold none; an Annex A
// control's attributes cannot be edited and are not stored; a custom control keeps its own.
func TestControlAttributesThroughTheService(t *testing.T) {
	a := newPlanApp(t)
	list, err := a.Controls.List()
	if err != nil || len(list) != 93 {
		t.Fatalf("%d controls, %v", len(list), err)
	}
	for _, c := range list {
		if len(c.ControlTypes) == 0 || len(c.SecurityProperties) == 0 || len(c.CybersecurityConcepts) == 0 ||
			len(c.OperationalCapabilities) == 0 || len(c.SecurityDomains) == 0 {
			t.Errorf("%s has missing attributes: %+v", c.Ref, c.ControlAttributes)
		}
	}
	ti := controlByRef(t, a, "A.5.7")
	if !slices.Equal(ti.ControlTypes, []string{"preventive", "detective", "corrective"}) ||
		!slices.Equal(ti.SecurityDomains, []string{"defence", "resilience"}) {
		t.Fatalf("A.5.7 = %+v", ti.ControlAttributes)
	}
	stored := func(id string) isms.Control {
		t.Helper()
		var c *isms.Control
		if err := a.view(func(tx *store.Tx) (err error) {
			c, err = store.GetAs[*isms.Control](tx, isms.KindControl, id)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return *c
	}
	if s := stored(ti.ID); len(s.ControlTypes) != 0 {
		t.Fatalf("the seeded record holds attributes: %+v", s.ControlAttributes)
	}

	// Saved back as read: fine, returned with the attributes, stored without.
	ti.Notes = "feeds from the national CERT"
	saved, err := a.Controls.Update(ti)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(saved.OperationalCapabilities, []string{"threat_and_vulnerability_management"}) || saved.Notes == "" {
		t.Errorf("update returned %+v", saved)
	}
	if s := stored(ti.ID); len(s.OperationalCapabilities) != 0 || s.Notes == "" {
		t.Errorf("stored after update: %+v", s)
	}
	if got, _ := a.Controls.Get(ti.ID); !slices.Equal(got.CybersecurityConcepts, []string{"identify", "detect", "respond"}) {
		t.Errorf("Get = %+v", got.ControlAttributes)
	}
	saved.SecurityDomains = []string{"protection"}
	_, err = a.Controls.Update(saved)
	wantErr(t, "edit an Annex A control's attributes", err, isms.CodeInvalid, "controlTypes")

	// A custom control sets its own, from the allowed values.
	c, err := a.Controls.Create(isms.Control{Ref: "ORG-1", Title: "Clean desk audits", ControlAttributes: isms.ControlAttributes{
		ControlTypes: []string{"detective"}, OperationalCapabilities: []string{"physical_security"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.ControlTypes, []string{"detective"}) || !slices.Equal(stored(c.ID).OperationalCapabilities, []string{"physical_security"}) {
		t.Errorf("custom control = %+v", c.ControlAttributes)
	}
	c.SecurityDomains = []string{"Defence"}
	_, err = a.Controls.Update(c)
	wantErr(t, "custom control with an unknown domain", err, isms.CodeInvalid, "securityDomains")
	c.SecurityDomains = []string{"defence"}
	if c, err = a.Controls.Update(c); err != nil || !slices.Equal(c.SecurityDomains, []string{"defence"}) {
		t.Errorf("custom control update: %+v %v", c.ControlAttributes, err)
	}

	enums := a.Records.Enums()
	for name, n := range map[string]int{"controlTypes": 3, "securityProperties": 3, "cyberConcepts": 5, "capabilities": 15, "securityDomains": 4} {
		if len(enums[name]) != n {
			t.Errorf("enum %s has %d options, want %d", name, len(enums[name]), n)
		}
	}
	if l := isms.Enum(enums["capabilities"]).Label("asset_management"); l != "Asset management" {
		t.Errorf("label %q", l)
	}
}
