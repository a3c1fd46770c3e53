package isms

import "fmt"

// The record kinds, one per area of the product.
const (
	KindObjective     Kind = "objective"     // 6.2 ISMS objectives
	KindRequirement   Kind = "requirement"   // 4.1, 4.2 requirements register
	KindIssue         Kind = "issue"         // 4.1 external and internal issues
	KindParty         Kind = "party"         // 4.2 interested parties
	KindPolicy        Kind = "policy"        // 5.2, 7.5 policies with versions and approvals
	KindControl       Kind = "control"       // 6.1.3 Annex A and custom controls (the SoA)
	KindRisk          Kind = "risk"          // 6.1.2, 8.2, 8.3 risks and their treatment
	KindTraining      Kind = "training"      // 7.2 training sessions
	KindAttendance    Kind = "attendance"    // 7.2 attendance of a person at a training
	KindCampaign      Kind = "campaign"      // 7.3 awareness campaigns
	KindCommunication Kind = "communication" // 7.4 communication log entries
	KindKPI           Kind = "kpi"           // 9.1 KPIs
	KindMeasurement   Kind = "measurement"   // 9.1 dated KPI values
	KindAudit         Kind = "audit"         // 9.2 internal audits with checklist
	KindFinding       Kind = "finding"       // 9.2 audit findings
	KindReview        Kind = "review"        // 9.3 management reviews
	KindAction        Kind = "action"        // actions from reviews and corrective actions (9.3.3, 10.2)
	KindNonconformity Kind = "nonconformity" // 10.2 nonconformities
	KindImprovement   Kind = "improvement"   // 10.1 improvement initiatives
	KindMilestone     Kind = "milestone"     // programme timeline
	KindPerson        Kind = "person"        // 5.3 people
	KindRole          Kind = "role"          // 5.3 roles and responsibilities
	KindSurvey        Kind = "survey"        // surveys and feedback sessions
	KindFeedback      Kind = "feedback"      // feedback items
	KindEvidence      Kind = "evidence"      // 7.5 evidence (documented information) attached to records
	KindAsset         Kind = "asset"         // A.5.9, A.5.12 inventory of information and other associated assets
)

// kindInfo describes a kind: its plural (as the command line and URLs use it), its label
// and how to make an empty record of it.
type kindInfo struct {
	plural string
	label  string
	new    func() Record
}

// kinds is the registry of every kind, in the order the product presents them.
var kinds = []struct {
	kind Kind
	kindInfo
}{
	{KindObjective, kindInfo{"objectives", "Objectives", func() Record { return &Objective{} }}},
	{KindRequirement, kindInfo{"requirements", "Requirements", func() Record { return &Requirement{} }}},
	{KindIssue, kindInfo{"issues", "Internal and external issues", func() Record { return &Issue{} }}},
	{KindParty, kindInfo{"parties", "Interested parties", func() Record { return &Party{} }}},
	{KindPolicy, kindInfo{"policies", "Policies", func() Record { return &Policy{} }}},
	{KindControl, kindInfo{"controls", "Controls", func() Record { return &Control{} }}},
	{KindRisk, kindInfo{"risks", "Risks", func() Record { return &Risk{} }}},
	{KindTraining, kindInfo{"trainings", "Trainings", func() Record { return &Training{} }}},
	{KindAttendance, kindInfo{"attendance", "Attendance", func() Record { return &Attendance{} }}},
	{KindCampaign, kindInfo{"campaigns", "Awareness campaigns", func() Record { return &Campaign{} }}},
	{KindCommunication, kindInfo{"communications", "Communication log", func() Record { return &Communication{} }}},
	{KindKPI, kindInfo{"kpis", "KPIs", func() Record { return &KPI{} }}},
	{KindMeasurement, kindInfo{"measurements", "Measurements", func() Record { return &Measurement{} }}},
	{KindAudit, kindInfo{"audits", "Internal audits", func() Record { return &Audit{} }}},
	{KindFinding, kindInfo{"findings", "Audit findings", func() Record { return &Finding{} }}},
	{KindReview, kindInfo{"reviews", "Management reviews", func() Record { return &Review{} }}},
	{KindAction, kindInfo{"actions", "Actions", func() Record { return &Action{} }}},
	{KindNonconformity, kindInfo{"nonconformities", "Nonconformities", func() Record { return &Nonconformity{} }}},
	{KindImprovement, kindInfo{"improvements", "Improvements", func() Record { return &Improvement{} }}},
	{KindMilestone, kindInfo{"milestones", "Programme timeline", func() Record { return &Milestone{} }}},
	{KindPerson, kindInfo{"people", "People", func() Record { return &Person{} }}},
	{KindRole, kindInfo{"roles", "Roles", func() Record { return &Role{} }}},
	{KindSurvey, kindInfo{"surveys", "Surveys", func() Record { return &Survey{} }}},
	{KindFeedback, kindInfo{"feedback", "Feedback", func() Record { return &Feedback{} }}},
	{KindEvidence, kindInfo{"evidence", "Evidence", func() Record { return &Evidence{} }}},
	{KindAsset, kindInfo{"assets", "Assets", func() Record { return &Asset{} }}},
}

// Kinds returns every kind in presentation order.
func Kinds() []Kind {
	out := make([]Kind, len(kinds))
	for i, k := range kinds {
		out[i] = k.kind
	}
	return out
}

func info(k Kind) (kindInfo, bool) {
	for _, e := range kinds {
		if e.kind == k {
			return e.kindInfo, true
		}
	}
	return kindInfo{}, false
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { _, ok := info(k); return ok }

// Plural returns the kind's plural name, e.g. "requirements".
func (k Kind) Plural() string { i, _ := info(k); return i.plural }

// Label returns the kind's name for people, e.g. "Internal audits".
func (k Kind) Label() string { i, _ := info(k); return i.label }

// New returns an empty record of kind k.
func New(k Kind) (Record, error) {
	i, ok := info(k)
	if !ok {
		return nil, Errorf(CodeInvalid, "unknown record kind %q", string(k))
	}
	return i.new(), nil
}

// ParseKind accepts a kind's singular or plural name.
func ParseKind(s string) (Kind, error) {
	for _, e := range kinds {
		if string(e.kind) == s || e.plural == s {
			return e.kind, nil
		}
	}
	return "", Errorf(CodeInvalid, "unknown record kind %q", s)
}

// String implements fmt.Stringer.
func (k Kind) String() string { return string(k) }

var _ fmt.Stringer = Kind("")
