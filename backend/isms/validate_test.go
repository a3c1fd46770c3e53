package isms_test

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/isms/ismstest"
)

// edit returns a sample of kind k changed by f.
func edit[T isms.Record](k isms.Kind, f func(T)) isms.Record {
	r := ismstest.Valid(k).(T)
	f(r)
	return r
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		rec  isms.Record
		want []string // nil: valid
	}{
		// objective
		{"objective smart", edit(isms.KindObjective, func(o *isms.Objective) {
			o.Status, o.ApprovedByID, o.ApprovedOn, o.DueDate = isms.ObjectiveApproved, "p1", "2025-01-10", "2025-12-31"
		}), nil},
		{"objective blank", &isms.Objective{}, []string{"ref", "title", "status"}},
		{"objective approved without approval", edit(isms.KindObjective, func(o *isms.Objective) { o.Status = isms.ObjectiveApproved }),
			[]string{"approvedById", "approvedOn"}},
		{"objective half approval", edit(isms.KindObjective, func(o *isms.Objective) { o.ApprovedByID = "p1" }), []string{"approvedOn"}},
		{"objective bad date", edit(isms.KindObjective, func(o *isms.Objective) { o.DueDate = "31/12/2025" }), []string{"dueDate"}},
		{"objective repeated kpi", edit(isms.KindObjective, func(o *isms.Objective) { o.KPIIDs = []string{"k", "k"} }), []string{"kpiIds"}},

		// requirement
		{"requirement bad enums", edit(isms.KindRequirement, func(r *isms.Requirement) { r.SourceType, r.Status = "law", "ok" }),
			[]string{"sourceType", "status"}},
		{"requirement not applicable but compliant", edit(isms.KindRequirement, func(r *isms.Requirement) {
			r.Applicable, r.Status = false, isms.ComplianceCompliant
		}), []string{"status"}},

		// issue
		{"issue full", edit(isms.KindIssue, func(i *isms.Issue) {
			i.Category, i.DateIdentified, i.LastReviewed, i.ChangedSinceReview, i.ChangeNote = isms.CategoryLegal, "2025-01-01", "2025-02-01", true, "NIS2 in force"
		}), nil},
		{"issue bad type and category", edit(isms.KindIssue, func(i *isms.Issue) { i.Type, i.Category = "inside", "weather" }),
			[]string{"type", "category"}},
		{"issue change without note", edit(isms.KindIssue, func(i *isms.Issue) { i.ChangedSinceReview = true }), []string{"changeNote"}},
		{"issue reviewed before identified", edit(isms.KindIssue, func(i *isms.Issue) { i.DateIdentified, i.LastReviewed = "2025-02-01", "2025-01-01" }),
			[]string{"lastReviewed"}},

		// party
		{"party blank name", edit(isms.KindParty, func(p *isms.Party) { p.Name = " " }), []string{"name"}},
		{"party bad category and influence", edit(isms.KindParty, func(p *isms.Party) { p.Category, p.Influence = "x", "huge" }),
			[]string{"category", "influence"}},

		// control
		{"control decided", edit(isms.KindControl, func(c *isms.Control) {
			c.Applicability, c.Justification, c.Status = isms.ApplicabilityApplicable, "Risk R-001", isms.ImplInProgress
		}), nil},
		{"control excluded", edit(isms.KindControl, func(c *isms.Control) {
			c.Applicability, c.Justification, c.Status = isms.ApplicabilityNotApplicable, "No premises", isms.ImplNotApplicable
		}), nil},
		{"control custom", &isms.Control{Ref: "C-01", Title: "Board security briefing", Custom: true,
			Applicability: isms.ApplicabilityNotAssessed, Status: isms.ImplNotStarted}, nil},
		{"control decided without justification", edit(isms.KindControl, func(c *isms.Control) { c.Applicability = isms.ApplicabilityApplicable }),
			[]string{"justification"}},
		{"control excluded but implemented", edit(isms.KindControl, func(c *isms.Control) {
			c.Applicability, c.Justification, c.Status = isms.ApplicabilityNotApplicable, "n/a", isms.ImplImplemented
		}), []string{"status"}},
		{"control unknown annex ref", edit(isms.KindControl, func(c *isms.Control) { c.Ref = "A.9.9" }), []string{"ref"}},
		{"control unnormalised ref", edit(isms.KindControl, func(c *isms.Control) { c.Ref = "5.1" }), []string{"ref"}},
		{"control custom with annex ref", edit(isms.KindControl, func(c *isms.Control) { c.Custom = true }), []string{"ref"}},
		{"control bad theme", edit(isms.KindControl, func(c *isms.Control) { c.Theme = "" }), []string{"theme"}},

		// risk
		{"risk treated", edit(isms.KindRisk, func(r *isms.Risk) {
			r.Status, r.Treatment, r.ControlIDs, r.ResidualLikelihood, r.ResidualImpact = isms.RiskTreated, isms.TreatMitigate, []string{"c1"}, 1, 2
		}), nil},
		{"risk accepted", edit(isms.KindRisk, func(r *isms.Risk) {
			r.Status, r.Treatment = isms.RiskAccepted, isms.TreatAccept
			r.Acceptance = isms.RiskAcceptance{AcceptedByID: "p1", AcceptedOn: "2025-02-01"}
		}), nil},
		{"risk out of range", edit(isms.KindRisk, func(r *isms.Risk) { r.Likelihood, r.Impact = 0, 6 }), []string{"likelihood", "impact"}},
		{"risk half residual", edit(isms.KindRisk, func(r *isms.Risk) { r.ResidualLikelihood = 2 }), []string{"residualImpact"}},
		{"risk treated without treatment", edit(isms.KindRisk, func(r *isms.Risk) { r.Status = isms.RiskTreated }), []string{"treatment"}},
		{"risk mitigated without controls", edit(isms.KindRisk, func(r *isms.Risk) { r.Status, r.Treatment = isms.RiskTreated, isms.TreatMitigate }),
			[]string{"controlIds"}},
		{"risk accepted without acceptance", edit(isms.KindRisk, func(r *isms.Risk) { r.Status, r.Treatment = isms.RiskAccepted, isms.TreatAccept }),
			[]string{"acceptance.acceptedById", "acceptance.acceptedOn"}},
		{"risk bad treatment", edit(isms.KindRisk, func(r *isms.Risk) { r.Treatment = "ignore" }), []string{"treatment"}},

		// training and attendance
		{"training required without roles", edit(isms.KindTraining, func(t *isms.Training) { t.Required = true }), []string{"roleIds"}},
		{"training without date", edit(isms.KindTraining, func(t *isms.Training) { t.Date, t.DurationHours = "", -1 }),
			[]string{"date", "durationHours"}},
		{"attendance missing links", &isms.Attendance{Status: isms.AttendanceAbsent}, []string{"trainingId", "personId"}},
		{"attendance bad score and status", edit(isms.KindAttendance, func(a *isms.Attendance) { a.Score, a.Status = 101, "late" }),
			[]string{"score", "status"}},

		// campaign and communication
		{"campaign no channels", edit(isms.KindCampaign, func(c *isms.Campaign) { c.Channels = nil }), []string{"channels"}},
		{"campaign bad channel", edit(isms.KindCampaign, func(c *isms.Campaign) { c.Channels = []string{"email", "fax"} }), []string{"channels"}},
		{"campaign ends before start", edit(isms.KindCampaign, func(c *isms.Campaign) { c.EndDate = "2025-01-01" }), []string{"endDate"}},
		{"communication bad", edit(isms.KindCommunication, func(c *isms.Communication) { c.Channel, c.Reach, c.Date = "fax", -1, "" }),
			[]string{"channel", "reach", "date"}},

		// kpi and measurement
		{"kpi lower is better", edit(isms.KindKPI, func(k *isms.KPI) { k.Direction, k.Target, k.Amber = isms.LowerIsBetter, 5, 10 }), nil},
		{"kpi amber above target", edit(isms.KindKPI, func(k *isms.KPI) { k.Amber = 99 }), []string{"amber"}},
		{"kpi amber below target when lower is better", edit(isms.KindKPI, func(k *isms.KPI) { k.Direction = isms.LowerIsBetter }),
			[]string{"amber"}},
		{"kpi bad enums", edit(isms.KindKPI, func(k *isms.KPI) { k.Frequency, k.Direction = "daily-ish", "up" }),
			[]string{"frequency", "direction"}},
		{"measurement blank", &isms.Measurement{}, []string{"kpiId", "date"}},

		// audit and finding
		{"audit completed", edit(isms.KindAudit, func(a *isms.Audit) {
			a.Status, a.StartDate, a.EndDate, a.Scope = isms.AuditCompleted, "2025-03-01", "2025-03-02", "Whole ISMS"
			a.Checklist = []isms.ChecklistItem{{Ref: "9.2", Question: "Audit programme?", Result: isms.ResultConforming}}
		}), nil},
		{"audit no auditor", edit(isms.KindAudit, func(a *isms.Audit) { a.AuditorName = "" }), []string{"auditorId"}},
		{"audit completed unchecked", edit(isms.KindAudit, func(a *isms.Audit) {
			a.Status = isms.AuditCompleted
			a.Checklist = []isms.ChecklistItem{{Ref: "9.2", Result: isms.ResultNotChecked}, {Result: "fine"}}
		}), []string{"startDate", "endDate", "scope", "checklist[0].result", "checklist[1].result", "checklist[1].question"}},
		{"finding bad severity", edit(isms.KindFinding, func(f *isms.Finding) { f.Severity = "bad" }), []string{"severity"}},
		{"finding observation raising nc", edit(isms.KindFinding, func(f *isms.Finding) { f.NonconformityID = "nc1" }),
			[]string{"nonconformityId"}},
		{"finding without audit", edit(isms.KindFinding, func(f *isms.Finding) { f.AuditID = "" }), []string{"auditId"}},

		// review
		{"review held", edit(isms.KindReview, func(r *isms.Review) {
			r.Status, r.AttendeeIDs, r.Inputs = isms.ReviewHeld, []string{"p1"}, isms.StandardAgenda()
			r.Decisions = []isms.Decision{{Text: "Buy an EDR", Category: isms.DecisionResources, ActionIDs: []string{"a1"}}}
		}), nil},
		{"review held without attendees", edit(isms.KindReview, func(r *isms.Review) { r.Status = isms.ReviewHeld }), []string{"attendeeIds"}},
		{"review bad agenda", edit(isms.KindReview, func(r *isms.Review) {
			r.Inputs = []isms.ReviewInput{{Topic: "a"}, {Topic: "a"}, {Topic: "z"}}
			r.Decisions = []isms.Decision{{Category: "x"}}
		}), []string{"inputs[1].topic", "inputs[2].topic", "decisions[0].text", "decisions[0].category"}},

		// action
		{"action done", edit(isms.KindAction, func(a *isms.Action) { a.Status, a.CompletedOn = isms.ActionDone, "2025-01-01" }), nil},
		{"action done without date", edit(isms.KindAction, func(a *isms.Action) { a.Status = isms.ActionDone }), []string{"completedOn"}},
		{"action open with completion", edit(isms.KindAction, func(a *isms.Action) { a.CompletedOn = "2025-01-01" }), []string{"completedOn"}},
		{"action two sources", edit(isms.KindAction, func(a *isms.Action) { a.ReviewID, a.NonconformityID = "r", "n" }),
			[]string{"nonconformityId"}},

		// improvement
		{"improvement done without date", edit(isms.KindImprovement, func(i *isms.Improvement) { i.Status = isms.ImprovementDone }),
			[]string{"completedOn"}},
		{"improvement bad dates", edit(isms.KindImprovement, func(i *isms.Improvement) { i.StartDate, i.DueDate = "2025-05-01", "2025-04-01" }),
			[]string{"dueDate"}},

		// milestone
		{"milestone month out of range", edit(isms.KindMilestone, func(m *isms.Milestone) { m.Month = 0 }), []string{"month"}},
		{"milestone done without date", edit(isms.KindMilestone, func(m *isms.Milestone) { m.Status = isms.MilestoneDone }),
			[]string{"completedOn"}},

		// person and role
		{"person bad email", edit(isms.KindPerson, func(p *isms.Person) { p.Email = "ada at example" }), []string{"email"}},
		{"person email with name", edit(isms.KindPerson, func(p *isms.Person) { p.Email = "Ada <ada@example.com>" }), []string{"email"}},
		{"person no email", edit(isms.KindPerson, func(p *isms.Person) { p.Email = "" }), nil},
		{"person no name", edit(isms.KindPerson, func(p *isms.Person) { p.Name = "" }), []string{"name"}},
		{"role no name", &isms.Role{}, []string{"name"}},

		// asset
		{"asset full", edit(isms.KindAsset, func(a *isms.Asset) {
			a.Type, a.Classification, a.OwnerID, a.CustodianID = isms.AssetHardware, isms.ClassConfidential, "p1", "p2"
			a.AcquiredOn, a.ReviewDate, a.RiskIDs, a.ControlIDs = "2024-01-10", "2025-12-31", []string{"r1"}, []string{"c1", "c2"}
		}), nil},
		{"asset no classification", edit(isms.KindAsset, func(a *isms.Asset) { a.Classification = "" }), nil},
		{"asset blank", &isms.Asset{}, []string{"ref", "name", "type", "status"}},
		{"asset blank name", edit(isms.KindAsset, func(a *isms.Asset) { a.Name = "  " }), []string{"name"}},
		{"asset too long", edit(isms.KindAsset, func(a *isms.Asset) {
			a.Ref, a.Name = strings.Repeat("A", 65), strings.Repeat("n", 301)
		}), []string{"ref", "name"}},
		{"asset bad enums", edit(isms.KindAsset, func(a *isms.Asset) { a.Type, a.Classification, a.Status = "laptop", "secret", "lost" }),
			[]string{"type", "classification", "status"}},
		{"asset bad dates", edit(isms.KindAsset, func(a *isms.Asset) { a.AcquiredOn, a.ReviewDate = "2024-02-30", "31/12/2025" }),
			[]string{"acquiredOn", "reviewDate"}},
		{"asset repeated links", edit(isms.KindAsset, func(a *isms.Asset) { a.RiskIDs, a.ControlIDs = []string{"r", "r"}, []string{""} }),
			[]string{"riskIds", "controlIds"}},

		// survey and feedback
		{"survey bad", edit(isms.KindSurvey, func(s *isms.Survey) {
			s.Type, s.Respondents, s.Questions = "poll", -1, []isms.SurveyQuestion{{Answers: -1}}
		}), []string{"type", "respondents", "questions[0].text", "questions[0].answers"}},
		{"feedback converted without improvement", edit(isms.KindFeedback, func(f *isms.Feedback) { f.Status = isms.FeedbackConverted }),
			[]string{"improvementId"}},
		{"feedback rejected without response", edit(isms.KindFeedback, func(f *isms.Feedback) { f.Status = isms.FeedbackRejected }),
			[]string{"response"}},
		{"feedback bad sentiment", edit(isms.KindFeedback, func(f *isms.Feedback) { f.Sentiment = "meh"; f.Text = "" }),
			[]string{"sentiment", "text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rec.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			expectInvalid(t, err, tt.want...)
		})
	}
}

func TestRAG(t *testing.T) {
	up := &isms.KPI{Direction: isms.HigherIsBetter, Target: 95, Amber: 85}
	down := &isms.KPI{Direction: isms.LowerIsBetter, Target: 5, Amber: 10}
	tests := []struct {
		kpi   *isms.KPI
		value float64
		want  string
	}{
		{up, 95, isms.RAGGreen}, {up, 99, isms.RAGGreen}, {up, 85, isms.RAGAmber}, {up, 84.9, isms.RAGRed},
		{down, 5, isms.RAGGreen}, {down, 1, isms.RAGGreen}, {down, 10, isms.RAGAmber}, {down, 10.1, isms.RAGRed},
	}
	for _, tt := range tests {
		if got := isms.RAG(tt.kpi, tt.value); got != tt.want {
			t.Errorf("RAG(%s, %v) = %s, want %s", tt.kpi.Direction, tt.value, got, tt.want)
		}
	}
}

func TestRiskScore(t *testing.T) {
	tests := []struct {
		l, i  int
		level string
	}{{1, 1, isms.LevelLow}, {2, 2, isms.LevelLow}, {1, 5, isms.LevelMedium}, {3, 3, isms.LevelMedium},
		{2, 5, isms.LevelHigh}, {4, 4, isms.LevelHigh}, {4, 5, isms.LevelCritical}, {5, 5, isms.LevelCritical}}
	m := isms.DefaultRiskMethod()
	for _, tt := range tests {
		r := &isms.Risk{Likelihood: tt.l, Impact: tt.i}
		if r.Score() != tt.l*tt.i || m.Level(r.Score()) != tt.level || isms.RiskLevel(r.Score()) != tt.level {
			t.Errorf("%dx%d: score %d level %s, want %s", tt.l, tt.i, r.Score(), m.Level(r.Score()), tt.level)
		}
	}
	if m.Level((&isms.Risk{}).ResidualScore()) != "" {
		t.Error("unassessed residual risk has a level")
	}
	three := isms.RiskMethod{Likelihood: []string{"a", "b", "c"}, Impact: []string{"x", "y", "z"}, Threshold: 3}
	for score, want := range map[int]string{1: isms.LevelLow, 2: isms.LevelMedium, 3: isms.LevelMedium, 4: isms.LevelHigh, 5: isms.LevelHigh, 6: isms.LevelCritical, 9: isms.LevelCritical} {
		if got := three.Level(score); got != want {
			t.Errorf("3x3 level of %d = %s, want %s", score, got, want)
		}
	}
}

func TestObjectiveSMART(t *testing.T) {
	o := &isms.Objective{Statement: "s", Measure: "m", Target: 5, Unit: "%", OwnerID: "p", DueDate: "2025-12-31", BusinessGoal: "g"}
	if !o.IsSMART() {
		t.Errorf("complete objective is not SMART: %+v", o.SMART())
	}
	o.Unit = ""
	if o.IsSMART() {
		t.Error("objective without unit is SMART")
	}
	for _, c := range o.SMART() {
		if c.Present != (c.Field != "target") {
			t.Errorf("check %s present=%v", c.Field, c.Present)
		}
	}
}

func TestActionOverdue(t *testing.T) {
	a := &isms.Action{Status: isms.ActionOpen, DueDate: "2025-01-10"}
	if !a.Overdue("2025-01-11") || a.Overdue("2025-01-10") {
		t.Error("overdue boundary wrong")
	}
	a.Status = isms.ActionDone
	if a.Overdue("2025-02-01") {
		t.Error("done action is overdue")
	}
	if (&isms.Action{Status: isms.ActionOpen}).Overdue("2025-02-01") {
		t.Error("action without due date is overdue")
	}
}
