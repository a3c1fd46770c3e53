package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// planNow is the fixed clock of the Plan and Do tests, so that dates are exact.
var planNow = time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)

// planToday is planNow as a date.
const planToday = isms.Date("2026-03-10")

// newPlanApp opens an App on a temporary data folder with the fixed clock planNow.
func newPlanApp(t *testing.T) *App {
	t.Helper()
	a := New(t.TempDir(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	a.clock = func() time.Time { return planNow }
	a.Startup(context.Background())
	if info := a.System.Info(); info.Error != "" {
		t.Fatalf("startup: %s", info.Error)
	}
	t.Cleanup(func() { a.Shutdown(context.Background()) })
	return a
}

// wantErr fails the test unless err has the code and a message on each of fields.
func wantErr(t *testing.T, what string, err error, code isms.Code, fields ...string) {
	t.Helper()
	if got := isms.ErrorCode(err); got != code {
		t.Fatalf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
	if len(fields) == 0 {
		return
	}
	var e *isms.Error
	if !errors.As(err, &e) {
		t.Fatalf("%s: %v is not an *isms.Error", what, err)
	}
	for _, f := range fields {
		if e.Fields[f] == "" {
			t.Fatalf("%s: no message on field %q in %v", what, f, err)
		}
	}
}

// roleID returns the ID of a standard role by name.
func roleID(t *testing.T, a *App, name string) string {
	t.Helper()
	roles, err := a.Roles.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roles {
		if r.Name == name {
			return r.ID
		}
	}
	t.Fatalf("no role %q", name)
	return ""
}

// addPerson creates an active person holding the named roles.
func addPerson(t *testing.T, a *App, name string, roles ...string) isms.Person {
	t.Helper()
	p := isms.Person{Name: name}
	for _, r := range roles {
		p.RoleIDs = append(p.RoleIDs, roleID(t, a, r))
	}
	p, err := a.People.Create(p)
	if err != nil {
		t.Fatalf("create person %s: %v", name, err)
	}
	return p
}

// controlByRef returns a stored control by its reference.
func controlByRef(t *testing.T, a *App, ref string) isms.Control {
	t.Helper()
	list, err := a.Controls.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Ref == ref {
			return c
		}
	}
	t.Fatalf("no control %s", ref)
	return isms.Control{}
}

// threeByThree is a 3 by 3 risk method accepting scores up to 3 without a reason.
var threeByThree = isms.RiskMethod{
	Likelihood: []string{"Low", "Medium", "High"},
	Impact:     []string{"Minor", "Moderate", "Major"},
	Threshold:  3,
}

func TestOrganisationSaveValidatesAndGetReturnsIt(t *testing.T) {
	a := newPlanApp(t)
	first, err := a.Organisation.Get()
	if err != nil || !reflect.DeepEqual(first.RiskMethod, isms.DefaultRiskMethod()) {
		t.Fatalf("organisation before any save: %+v %v, want the default risk method", first, err)
	}
	valid := isms.Organisation{Name: "Acme Ltd", Scope: "All of Acme", Classification: "Confidential", RiskMethod: threeByThree}
	with := func(edit func(o *isms.Organisation)) isms.Organisation {
		o := valid
		o.RiskMethod.Likelihood = append([]string(nil), valid.RiskMethod.Likelihood...)
		o.RiskMethod.Impact = append([]string(nil), valid.RiskMethod.Impact...)
		edit(&o)
		return o
	}
	refused := []struct {
		name  string
		org   isms.Organisation
		field string
	}{
		{"no name", with(func(o *isms.Organisation) { o.Name = "  " }), "name"},
		{"two likelihood levels", with(func(o *isms.Organisation) { o.RiskMethod.Likelihood = []string{"Low", "High"} }), "riskMethod.likelihood"},
		{"six impact levels", with(func(o *isms.Organisation) { o.RiskMethod.Impact = []string{"1", "2", "3", "4", "5", "6"} }), "riskMethod.impact"},
		{"threshold zero", with(func(o *isms.Organisation) { o.RiskMethod.Threshold = 0 }), "riskMethod.threshold"},
		{"threshold above 3x3", with(func(o *isms.Organisation) { o.RiskMethod.Threshold = 10 }), "riskMethod.threshold"},
		{"repeated label", with(func(o *isms.Organisation) { o.RiskMethod.Impact = []string{"Minor", "minor", "Major"} }), "riskMethod.impact[1]"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			_, err := a.Organisation.Save(tc.org)
			wantErr(t, "save", err, isms.CodeInvalid, tc.field)
			got, err := a.Organisation.Get()
			if err != nil || got.Name != "" {
				t.Fatalf("a refused save was stored: %+v %v", got, err)
			}
		})
	}
	saved, err := a.Organisation.Save(valid)
	if err != nil {
		t.Fatal(err)
	}
	got, err := a.Organisation.Get()
	if err != nil || !reflect.DeepEqual(got, valid) || !reflect.DeepEqual(saved, valid) {
		t.Fatalf("get after save: %+v (save returned %+v) %v, want %+v", got, saved, err, valid)
	}
}

func TestChoicesLeaveOutPeopleWhoLeft(t *testing.T) {
	a := newPlanApp(t)
	stays := addPerson(t, a, "Ana Active")
	leaves := addPerson(t, a, "Lee Leaver")
	if !stays.Active || !leaves.Active {
		t.Fatalf("a new person is not active: %+v %+v", stays, leaves)
	}
	leaves.Active = false
	if _, err := a.People.Update(leaves); err != nil {
		t.Fatal(err)
	}
	opts, err := a.Records.Choices("person")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, o := range opts {
		got[o.Value] = o.Label
	}
	if got[stays.ID] != "Ana Active" || len(got) != 1 {
		t.Fatalf("person choices %+v, want only Ana Active", opts)
	}
	if _, err := a.Records.Choices("unicorn"); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("choices of an unknown kind: %v", err)
	}
}

func TestRiskScoresAndAcceptance(t *testing.T) {
	a := newPlanApp(t)
	if _, err := a.Organisation.Save(isms.Organisation{Name: "Acme Ltd", RiskMethod: threeByThree}); err != nil {
		t.Fatal(err)
	}
	owner := addPerson(t, a, "Olga Owner", isms.RoleSeniorManagement)
	other := addPerson(t, a, "Oscar Other", isms.RoleSeniorManagement)
	s := a.Risks

	base := isms.Risk{Ref: "R-1", Title: "Laptop theft", OwnerID: owner.ID, Likelihood: 3, Impact: 3,
		Status: isms.RiskAssessed, Treatment: isms.TreatAccept}
	refused := []struct {
		name  string
		edit  func(r *isms.Risk)
		field string
	}{
		{"likelihood above the scale", func(r *isms.Risk) { r.Likelihood = 4 }, "likelihood"},
		{"impact above the scale", func(r *isms.Risk) { r.Impact = 5 }, "impact"},
		{"residual likelihood above the scale", func(r *isms.Risk) { r.ResidualLikelihood, r.ResidualImpact = 4, 1 }, "residualLikelihood"},
		{"residual above the inherent risk", func(r *isms.Risk) { r.Likelihood, r.Impact, r.ResidualLikelihood, r.ResidualImpact = 1, 1, 2, 2 }, "residualImpact"},
		{"created accepted", func(r *isms.Risk) { r.Status = isms.RiskAccepted }, "status"},
	}
	for _, tc := range refused {
		t.Run("create "+tc.name, func(t *testing.T) {
			r := base
			tc.edit(&r)
			_, err := s.Create(r)
			wantErr(t, "create", err, isms.CodeInvalid, tc.field)
		})
	}
	if list, _ := s.List(); len(list) != 0 {
		t.Fatalf("refused creates stored %d risks", len(list))
	}

	r, err := s.Create(base)
	if err != nil {
		t.Fatal(err)
	}
	low, err := s.Create(isms.Risk{Ref: "R-2", Title: "Spilt coffee", OwnerID: owner.ID, Likelihood: 1, Impact: 3, Treatment: isms.TreatAccept})
	if err != nil || low.Status != isms.RiskIdentified {
		t.Fatalf("create without a status: %+v %v, want identified", low, err)
	}

	// Accept: only the owner; above the threshold (9 > 3) only with a reason.
	accept := []struct {
		name  string
		by    string
		on    isms.Date
		note  string
		field string // "" when accepted
	}{
		{"by someone else", other.ID, planToday, "fine by me", "acceptance.acceptedById"},
		{"without a date", owner.ID, "", "fine by me", "acceptance.acceptedOn"},
		{"above the threshold without a comment", owner.ID, planToday, "  ", "acceptance.comment"},
		{"above the threshold with a comment", owner.ID, planToday, "insured; cost of treatment too high", ""},
	}
	for _, tc := range accept {
		got, err := s.Accept(r.ID, r.Version, isms.RiskAcceptance{AcceptedByID: tc.by, AcceptedOn: tc.on, Comment: tc.note})
		if tc.field != "" {
			wantErr(t, "accept "+tc.name, err, isms.CodeInvalid, tc.field)
			if stored, _ := s.Get(r.ID); stored.Status != isms.RiskAssessed || stored.Acceptance != (isms.RiskAcceptance{}) {
				t.Fatalf("accept %s changed the stored risk: %+v", tc.name, stored)
			}
			continue
		}
		want := isms.RiskAcceptance{AcceptedByID: owner.ID, AcceptedOn: planToday, Comment: "insured; cost of treatment too high"}
		if err != nil || got.Status != isms.RiskAccepted || got.Acceptance != want {
			t.Fatalf("accept %s: %+v %v", tc.name, got, err)
		}
		r = got
	}
	if stored, _ := s.Get(r.ID); stored.Status != isms.RiskAccepted || stored.Acceptance.AcceptedByID != owner.ID {
		t.Fatalf("stored after accept: %+v", stored)
	}
	if got, err := s.Accept(low.ID, low.Version, isms.RiskAcceptance{AcceptedByID: owner.ID, AcceptedOn: planToday}); err != nil || got.Status != isms.RiskAccepted {
		t.Fatalf("accept at the threshold without a comment: %+v %v", got, err)
	}

	// Update cannot mark a risk accepted or record an acceptance.
	fresh, err := s.Create(isms.Risk{Ref: "R-3", Title: "Phishing", OwnerID: owner.ID, Likelihood: 2, Impact: 2, Status: isms.RiskAssessed, Treatment: isms.TreatAccept})
	if err != nil {
		t.Fatal(err)
	}
	edit := fresh
	edit.Status = isms.RiskAccepted
	_, err = s.Update(edit)
	wantErr(t, "update to accepted", err, isms.CodeInvalid, "status")
	edit = fresh
	edit.Acceptance = isms.RiskAcceptance{AcceptedByID: owner.ID, AcceptedOn: planToday, Comment: "sneaked in"}
	if got, err := s.Update(edit); err != nil || got.Acceptance != (isms.RiskAcceptance{}) || got.Status != isms.RiskAssessed {
		t.Fatalf("update setting the acceptance: %+v %v, want it ignored", got, err)
	}
	if stored, _ := s.Get(fresh.ID); stored.Acceptance != (isms.RiskAcceptance{}) {
		t.Fatalf("an edit stored an acceptance: %+v", stored.Acceptance)
	}

	// An edit that does not reassess an accepted risk keeps the acceptance ...
	edit = r
	edit.Description = "A laptop left on a train"
	r, err = s.Update(edit)
	if err != nil || r.Status != isms.RiskAccepted || r.Acceptance.AcceptedByID != owner.ID {
		t.Fatalf("description edit of an accepted risk: %+v %v", r, err)
	}
	// ... a changed likelihood withdraws it.
	edit = r
	edit.Likelihood = 2
	if _, err := s.Update(edit); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Get(r.ID)
	if err != nil || stored.Status == isms.RiskAccepted || stored.Acceptance != (isms.RiskAcceptance{}) || stored.Likelihood != 2 {
		t.Fatalf("after reassessing an accepted risk: %+v %v, want the acceptance withdrawn", stored, err)
	}
	if stored.Status != isms.RiskAssessed {
		t.Fatalf("status after reassessing an accepted (treatment accept) risk: %q, want assessed", stored.Status)
	}

	// The organisation's scales cannot shrink below a stored risk's scores.
	if _, err := a.Organisation.Save(isms.Organisation{Name: "Acme Ltd", RiskMethod: isms.DefaultRiskMethod()}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(isms.Risk{Ref: "R-4", Title: "Flood", Likelihood: 5, Impact: 5, OwnerID: owner.ID}); err != nil {
		t.Fatal(err)
	}
	_, err = a.Organisation.Save(isms.Organisation{Name: "Acme Ltd", RiskMethod: threeByThree})
	wantErr(t, "shrink the scales below a stored risk", err, isms.CodeInvalid, "riskMethod.likelihood")
}

func TestObjectiveApprovalAndProgress(t *testing.T) {
	a := newPlanApp(t)
	senior := addPerson(t, a, "Sam Senior", isms.RoleEmployees, isms.RoleSeniorManagement)
	manager := addPerson(t, a, "Mia Manager", isms.RoleISMSManager)
	s := a.Objectives

	o, err := s.Create(isms.Objective{Ref: "OBJ-1", Title: "Fewer phishing clicks", Statement: "Halve the click rate", OwnerID: manager.ID})
	if err != nil || o.Status != isms.ObjectiveProposed {
		t.Fatalf("create: %+v %v", o, err)
	}
	meeting := ObjectiveApproval{ApproverID: senior.ID, On: planToday, How: isms.ApprovedInMeeting, Ref: "MIN-2026-03"}
	_, err = s.Approve(o.ID, o.Version, meeting)
	wantErr(t, "approve an objective that is not SMART", err, isms.CodeInvalid, "status")

	o.Measure, o.Target, o.Unit, o.DueDate, o.BusinessGoal = "Simulation click rate", 5, "%", "2026-12-31", "Protect customer data"
	if o, err = s.Update(o); err != nil || !o.IsSMART() {
		t.Fatalf("make SMART: %+v %v", o, err)
	}
	approvals := []struct {
		name  string
		a     ObjectiveApproval
		field string
	}{
		{"approver without the Senior Management role", ObjectiveApproval{ApproverID: manager.ID, On: planToday, How: isms.ApprovedInApp}, "approvedById"},
		{"no approver", ObjectiveApproval{On: planToday, How: isms.ApprovedInApp}, "approvedById"},
		{"meeting without its minute", ObjectiveApproval{ApproverID: senior.ID, On: planToday, How: isms.ApprovedInMeeting}, "approvalRef"},
		{"no date", ObjectiveApproval{ApproverID: senior.ID, How: isms.ApprovedInApp}, "approvedOn"},
	}
	for _, tc := range approvals {
		_, err := s.Approve(o.ID, o.Version, tc.a)
		wantErr(t, "approve: "+tc.name, err, isms.CodeInvalid, tc.field)
	}
	if stored, _ := s.Get(o.ID); stored.Status != isms.ObjectiveProposed || stored.ApprovedByID != "" {
		t.Fatalf("refused approvals changed the objective: %+v", stored)
	}
	o, err = s.Approve(o.ID, o.Version, meeting)
	if err != nil || o.Status != isms.ObjectiveApproved || o.ApprovedByID != senior.ID || o.ApprovedOn != planToday ||
		o.ApprovalHow != isms.ApprovedInMeeting || o.ApprovalRef != "MIN-2026-03" {
		t.Fatalf("approve: %+v %v", o, err)
	}

	// Update keeps the approval as Approve recorded it.
	edit := o
	edit.ApprovedByID, edit.ApprovedOn, edit.ApprovalHow, edit.ApprovalRef = manager.ID, "2026-01-01", isms.ApprovedInApp, ""
	edit.Notes = "reviewed"
	if _, err := s.Update(edit); err != nil {
		t.Fatal(err)
	}
	if stored, _ := s.Get(o.ID); stored.ApprovedByID != senior.ID || stored.ApprovedOn != planToday ||
		stored.ApprovalHow != isms.ApprovedInMeeting || stored.ApprovalRef != "MIN-2026-03" || stored.Notes != "reviewed" {
		t.Fatalf("an edit changed the approval: %+v", stored)
	}
	// A proposed objective does not move on without Approve.
	other, err := s.Create(isms.Objective{Ref: "OBJ-2", Title: "Patch faster"})
	if err != nil {
		t.Fatal(err)
	}
	other.Status = isms.ObjectiveApproved
	_, err = s.Update(other)
	wantErr(t, "update a proposed objective to approved", err, isms.CodeInvalid, "status")

	// Progress: one KPI names the objective, the other is listed by it.
	db, err := a.store()
	if err != nil {
		t.Fatal(err)
	}
	clicks := &isms.KPI{Ref: "KPI-1", Name: "Training completion", Frequency: isms.FrequencyMonthly, Unit: "%",
		Target: 100, Amber: 70, Direction: isms.HigherIsBetter, ObjectiveID: o.ID, Active: true}
	days := &isms.KPI{Ref: "KPI-2", Name: "Days to patch", Frequency: isms.FrequencyMonthly, Unit: "days",
		Target: 5, Amber: 10, Direction: isms.LowerIsBetter, Active: true}
	err = db.Update(func(tx *store.Tx) error {
		for _, k := range []*isms.KPI{clicks, days} {
			if err := tx.Create(k, "test"); err != nil {
				return err
			}
		}
		for _, m := range []*isms.Measurement{
			{KPIID: clicks.ID, Date: "2026-01-31", Value: 40},
			{KPIID: clicks.ID, Date: "2026-02-28", Value: 75}, // the latest: 3/4 of the target, amber
			{KPIID: days.ID, Date: "2026-02-28", Value: 20},   // lower is better: 5/20 of the target, red
			{KPIID: days.ID, Date: "2026-01-31", Value: 4},
		} {
			if err := tx.Create(m, "test"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	o, _ = s.Get(o.ID)
	o.KPIIDs = []string{days.ID}
	if _, err := s.Update(o); err != nil {
		t.Fatal(err)
	}
	progress, err := s.Progress()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for i, p := range progress {
		byID[p.ObjectiveID] = i
	}
	p := progress[byID[o.ID]]
	want := int(math.Round(100 * (0.75 + 0.25) / 2)) // 50
	if p.Percent != want || p.Measured != 2 || len(p.KPIs) != 2 || p.RAG != isms.RAGRed {
		t.Fatalf("progress %+v, want %d%% over 2 measured KPIs, red", p, want)
	}
	if q := progress[byID[other.ID]]; q.Percent != 0 || q.Measured != 0 || q.RAG != "" {
		t.Fatalf("progress of an objective without KPIs: %+v", q)
	}
}

func TestControlApplicability(t *testing.T) {
	a := newPlanApp(t)
	s := a.Controls
	annex := controlByRef(t, a, "A.5.1")

	edit := annex
	edit.Title = "Our own title"
	_, err := s.Update(edit)
	wantErr(t, "retitle an Annex A control", err, isms.CodeInvalid, "title")

	cases := []struct {
		name   string
		ref    string
		edit   func(c *isms.Control)
		fields []string // none when saved
		check  func(t *testing.T, c isms.Control)
	}{
		{"applicable without reason or justification", "A.5.1", func(c *isms.Control) { c.Applicability = isms.ApplicabilityApplicable },
			[]string{"reasons", "justification"}, nil},
		{"applicable without justification", "A.5.1", func(c *isms.Control) {
			c.Applicability, c.Reasons = isms.ApplicabilityApplicable, []string{isms.ReasonRiskTreatment}
		}, []string{"justification"}, nil},
		{"applicable with an unknown reason", "A.5.1", func(c *isms.Control) {
			c.Applicability, c.Reasons, c.Justification = isms.ApplicabilityApplicable, []string{"whim"}, "Needed"
		}, []string{"reasons"}, nil},
		{"applicable with reason and justification", "A.5.1", func(c *isms.Control) {
			c.Applicability, c.Reasons, c.Justification = isms.ApplicabilityApplicable, []string{isms.ReasonRiskTreatment, isms.ReasonLegal}, "Treats R-1; GDPR"
		}, nil, func(t *testing.T, c isms.Control) {
			if c.Applicability != isms.ApplicabilityApplicable || len(c.Reasons) != 2 || c.Justification != "Treats R-1; GDPR" || c.Title != annex.Title {
				t.Fatalf("stored %+v", c)
			}
		}},
		{"not applicable without justification", "A.7.1", func(c *isms.Control) {
			c.Applicability, c.Status = isms.ApplicabilityNotApplicable, isms.ImplNotApplicable
		}, []string{"justification"}, nil},
		{"excluding a control makes it not applicable and drops its reasons", "A.7.1", func(c *isms.Control) {
			c.Applicability, c.Status, c.Justification, c.Reasons = isms.ApplicabilityNotApplicable, isms.ImplInProgress, "No offices", []string{isms.ReasonBusiness}
		}, nil, func(t *testing.T, c isms.Control) {
			if c.Status != isms.ImplNotApplicable || len(c.Reasons) != 0 {
				t.Errorf("excluded control: status %s, reasons %v", c.Status, c.Reasons)
			}
		}},
		{"not applicable with justification", "A.7.1", func(c *isms.Control) {
			c.Applicability, c.Status, c.Justification = isms.ApplicabilityNotApplicable, isms.ImplNotApplicable, "Fully remote: no offices"
		}, nil, func(t *testing.T, c isms.Control) {
			if c.Applicability != isms.ApplicabilityNotApplicable || c.Status != isms.ImplNotApplicable || c.Justification == "" {
				t.Fatalf("stored %+v", c)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := controlByRef(t, a, tc.ref)
			c := before
			tc.edit(&c)
			_, err := s.Update(c)
			after := controlByRef(t, a, tc.ref)
			if len(tc.fields) > 0 {
				wantErr(t, "update", err, isms.CodeInvalid, tc.fields...)
				if after.Version != before.Version {
					t.Fatalf("a refused edit was stored: %+v", after)
				}
				return
			}
			if err != nil || after.Version != before.Version+1 {
				t.Fatalf("update: %v (version %d -> %d)", err, before.Version, after.Version)
			}
			tc.check(t, after)
		})
	}

	custom, err := s.Create(isms.Control{Ref: "C-1", Title: "Clean desk checks"})
	if err != nil || !custom.Custom || custom.Applicability != isms.ApplicabilityNotAssessed || custom.Status != isms.ImplNotStarted {
		t.Fatalf("create a custom control: %+v %v", custom, err)
	}
	_, err = s.Create(isms.Control{Ref: "A.5.2", Title: "A copy"})
	wantErr(t, "create a custom control with an Annex A ref", err, isms.CodeInvalid, "ref")
	_, err = s.Create(isms.Control{Ref: "C-2", Title: "Half decided", Applicability: isms.ApplicabilityApplicable})
	wantErr(t, "create an applicable control without reasons", err, isms.CodeInvalid, "reasons", "justification")
	custom.Title = "Clean desk and screen checks"
	if custom, err = s.Update(custom); err != nil || custom.Title != "Clean desk and screen checks" {
		t.Fatalf("retitle a custom control: %+v %v", custom, err)
	}

	annex = controlByRef(t, a, "A.5.1")
	err = s.Delete(annex.ID, annex.Version)
	wantErr(t, "delete an Annex A control", err, isms.CodeLocked)
	if _, err := s.Get(annex.ID); err != nil {
		t.Fatalf("the Annex A control is gone: %v", err)
	}
	if err := s.Delete(custom.ID, custom.Version); err != nil {
		t.Fatalf("delete an unused custom control: %v", err)
	}
}

func TestMilestoneCompleteAndReopen(t *testing.T) {
	a := newPlanApp(t)
	s := a.Milestones
	list, err := s.List()
	if err != nil || len(list) == 0 {
		t.Fatalf("milestones: %d %v", len(list), err)
	}
	m := list[0]
	if m.Status != isms.MilestonePlanned {
		t.Fatalf("seeded milestone %+v", m)
	}
	steps := []struct {
		name       string
		do         func(m isms.Milestone) (isms.Milestone, error)
		field      string // the refused field, "" when the step succeeds
		wantStatus string
		wantOn     isms.Date
	}{
		{"complete without a date", func(m isms.Milestone) (isms.Milestone, error) { return s.Complete(m.ID, m.Version, "") }, "completedOn", isms.MilestonePlanned, ""},
		{"complete with a bad date", func(m isms.Milestone) (isms.Milestone, error) { return s.Complete(m.ID, m.Version, "2026-02-30") }, "completedOn", isms.MilestonePlanned, ""},
		{"reopen a milestone that is not done", func(m isms.Milestone) (isms.Milestone, error) { return s.Reopen(m.ID, m.Version) }, "status", isms.MilestonePlanned, ""},
		{"complete", func(m isms.Milestone) (isms.Milestone, error) { return s.Complete(m.ID, m.Version, "2026-03-09") }, "", isms.MilestoneDone, "2026-03-09"},
		{"reopen", func(m isms.Milestone) (isms.Milestone, error) { return s.Reopen(m.ID, m.Version) }, "", isms.MilestoneInProgress, ""},
	}
	for _, st := range steps {
		_, err := st.do(m)
		if st.field != "" {
			wantErr(t, st.name, err, isms.CodeInvalid, st.field)
		} else if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if m, err = s.Get(m.ID); err != nil || m.Status != st.wantStatus || m.CompletedOn != st.wantOn {
			t.Fatalf("after %s: %+v %v, want status %s completed on %q", st.name, m, err, st.wantStatus, st.wantOn)
		}
	}
	_, err = s.Complete(m.ID, m.Version-1, "2026-03-09")
	wantErr(t, "complete a stale milestone", err, isms.CodeConflict)
}

func TestDeleteRefusedWhileInUse(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Olga Owner")
	idle := addPerson(t, a, "Ivan Idle")
	risk, err := a.Risks.Create(isms.Risk{Ref: "R-7", Title: "Ransomware", OwnerID: owner.ID, Likelihood: 2, Impact: 4})
	if err != nil {
		t.Fatal(err)
	}
	control, err := a.Controls.Create(isms.Control{Ref: "C-9", Title: "Offline backups"})
	if err != nil {
		t.Fatal(err)
	}
	req, err := a.Requirements.Create(isms.Requirement{Ref: "NIS2-21", Title: "Backups", SourceType: isms.SourceLegal,
		Status: isms.ComplianceNotAssessed, Applicable: true, ControlIDs: []string{control.ID}})
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name  string
		del   func() error
		names string // what the refusal must name
	}{
		{"person who owns a risk", func() error { return a.People.Delete(owner.ID, owner.Version) }, "R-7"},
		{"control linked from a requirement", func() error { return a.Controls.Delete(control.ID, control.Version) }, "NIS2-21"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.del()
			wantErr(t, "delete", err, isms.CodeLocked)
			if !strings.Contains(err.Error(), tc.names) {
				t.Fatalf("refusal %q does not name %s", err, tc.names)
			}
		})
	}
	if _, err := a.People.Get(owner.ID); err != nil {
		t.Fatalf("the owner is gone: %v", err)
	}
	if _, err := a.Controls.Get(control.ID); err != nil {
		t.Fatalf("the control is gone: %v", err)
	}

	// Once nothing uses them, they go.
	if err := a.People.Delete(idle.ID, idle.Version); err != nil {
		t.Fatalf("delete a person who owns nothing: %v", err)
	}
	req.ControlIDs = nil
	if _, err := a.Requirements.Update(req); err != nil {
		t.Fatal(err)
	}
	if err := a.Controls.Delete(control.ID, control.Version); err != nil {
		t.Fatalf("delete an unlinked custom control: %v", err)
	}
	risk.OwnerID = ""
	if _, err := a.Risks.Update(risk); err != nil {
		t.Fatal(err)
	}
	if err := a.People.Delete(owner.ID, owner.Version); err != nil {
		t.Fatalf("delete a person who no longer owns the risk: %v", err)
	}
}
