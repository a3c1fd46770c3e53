// Package ismstest provides valid sample records of every kind for other packages' tests.
package ismstest

import (
	"fmt"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Day is the date the sample records use.
const Day isms.Date = "2025-03-14"

// ParentID is the ID a sample record uses to refer to a record of kind k that it cannot
// do without (a measurement's KPI, an attendance's training and person, a finding's
// audit). Tests that store such a record first store the parents from Parents under
// these IDs.
func ParentID(k isms.Kind) string { return "test-" + string(k) }

// Parents returns the kinds a sample record of kind k must link to; it is empty for
// every kind but measurement, attendance and finding.
func Parents(k isms.Kind) []isms.Kind {
	switch k {
	case isms.KindMeasurement:
		return []isms.Kind{isms.KindKPI}
	case isms.KindAttendance:
		return []isms.Kind{isms.KindTraining, isms.KindPerson}
	case isms.KindFinding:
		return []isms.Kind{isms.KindAudit}
	case isms.KindEvidence:
		return []isms.Kind{isms.KindRequirement}
	}
	return nil
}

// Valid returns a new, minimal, valid record of kind k. It has no ID and links to no
// other record, except the required parents named by Parents (under ParentID). It
// panics for an unknown kind.
func Valid(k isms.Kind) isms.Record {
	switch k {
	case isms.KindObjective:
		return &isms.Objective{Ref: "OBJ-01", Title: "Reduce phishing clicks", Status: isms.ObjectiveProposed}
	case isms.KindRequirement:
		return &isms.Requirement{Ref: "REQ-001", Title: "Security of processing", SourceType: isms.SourceLegal,
			Applicable: true, Status: isms.ComplianceNotAssessed}
	case isms.KindIssue:
		return &isms.Issue{Title: "Growing ransomware threat", Type: isms.IssueExternal, Status: isms.IssueOpen}
	case isms.KindParty:
		return &isms.Party{Name: "Customers", Category: isms.PartyCustomer}
	case isms.KindPolicy:
		return &isms.Policy{Ref: "POL-01", Title: "Information security policy", DocType: isms.DocPolicy, Status: isms.PolicyDraft}
	case isms.KindControl:
		return &isms.Control{Ref: "A.5.1", Title: "Policies for information security", Theme: isms.ThemeOrganizational,
			Applicability: isms.ApplicabilityNotAssessed, Status: isms.ImplNotStarted}
	case isms.KindRisk:
		return &isms.Risk{Ref: "R-001", Title: "Laptop theft", Likelihood: 3, Impact: 4, Status: isms.RiskIdentified}
	case isms.KindTraining:
		return &isms.Training{Topic: "Security awareness basics", Date: Day, Status: isms.TrainingPlanned}
	case isms.KindAttendance:
		return &isms.Attendance{TrainingID: ParentID(isms.KindTraining), PersonID: ParentID(isms.KindPerson),
			Status: isms.AttendanceAttended}
	case isms.KindCampaign:
		return &isms.Campaign{Title: "Phishing month", Channels: []string{isms.ChannelEmail}, StartDate: Day,
			Status: isms.CampaignPlanned}
	case isms.KindCommunication:
		return &isms.Communication{Subject: "New password rules", Date: Day, Channel: isms.ChannelEmail}
	case isms.KindKPI:
		return &isms.KPI{Ref: "KPI-01", Name: "Training completion", Frequency: isms.FrequencyMonthly, Unit: "%",
			Target: 95, Amber: 85, Direction: isms.HigherIsBetter, Active: true}
	case isms.KindMeasurement:
		return &isms.Measurement{KPIID: ParentID(isms.KindKPI), Date: Day, Value: 90}
	case isms.KindAudit:
		return &isms.Audit{Ref: "IA-01", Title: "Internal audit 2025", AuditorName: "External Auditor Ltd",
			Status: isms.AuditPlanned}
	case isms.KindFinding:
		return &isms.Finding{AuditID: ParentID(isms.KindAudit), Title: "Training records incomplete",
			Severity: isms.SeverityObservation}
	case isms.KindReview:
		return &isms.Review{Ref: "MR-01", Title: "Management review 2025", Date: Day, Status: isms.ReviewPlanned}
	case isms.KindAction:
		return &isms.Action{Ref: "ACT-001", Title: "Update the asset inventory", Status: isms.ActionOpen}
	case isms.KindNonconformity:
		return &isms.Nonconformity{Ref: "NC-001", Title: "Access review not done", Source: isms.NCSourceOther,
			Status: isms.NCOpen}
	case isms.KindImprovement:
		return &isms.Improvement{Ref: "IMP-01", Title: "Automate access reviews", Status: isms.ImprovementProposed}
	case isms.KindMilestone:
		return &isms.Milestone{Title: "Objective workshop", Month: 1, Status: isms.MilestonePlanned, Order: 1}
	case isms.KindPerson:
		return &isms.Person{Name: "Ada Lovelace", Email: "ada@example.com", Active: true}
	case isms.KindRole:
		return &isms.Role{Name: "ISMS Manager"}
	case isms.KindSurvey:
		return &isms.Survey{Title: "Security culture survey", Type: isms.SurveyKindSurvey, Date: Day}
	case isms.KindFeedback:
		return &isms.Feedback{Date: Day, Text: "The phishing training was useful.", Status: isms.FeedbackNew}
	case isms.KindAsset:
		return &isms.Asset{Ref: "AST-001", Name: "Customer database", Type: isms.AssetInformation, Status: isms.AssetInUse}
	case isms.KindEvidence:
		return &isms.Evidence{Title: "Restore test report", TargetKind: isms.KindRequirement,
			TargetID: ParentID(isms.KindRequirement), URL: "https://intranet.example.com/isms/restore-test", AddedOn: Day}
	}
	panic(fmt.Sprintf("ismstest: unknown kind %q", k))
}
