package isms_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// ncAt returns a nonconformity at status with every step up to upTo filled in.
func ncAt(status, upTo string) *isms.Nonconformity {
	n := &isms.Nonconformity{Ref: "NC-1", Title: "No access review", Source: isms.NCSourceAudit, Status: status, DetectedOn: "2025-01-01"}
	steps := []func(){
		func() { n.Correction, n.CorrectionOn = "Reviewed access now", "2025-01-02" },
		func() { n.RootCause, n.SimilarCheck = "No owner for the review", "Checked other systems: none" },
		func() { n.CorrectiveActionIDs = []string{"a1"} },
		func() {
			n.Effectiveness = isms.Effectiveness{ReviewedOn: "2025-03-01", Verdict: isms.VerdictEffective, ReviewerID: "p1"}
			n.ClosedOn = "2025-03-01"
		},
	}
	order := map[string]int{isms.NCOpen: 0, isms.NCCorrection: 0, isms.NCRootCause: 1, isms.NCCorrectiveAction: 2,
		isms.NCEffectivenessReview: 3, isms.NCClosed: 4}
	for _, s := range steps[:order[upTo]] {
		s()
	}
	return n
}

func TestNonconformityGate(t *testing.T) {
	tests := []struct {
		name   string
		status string
		upTo   string
		edit   func(*isms.Nonconformity)
		want   []string
	}{
		{"open", isms.NCOpen, isms.NCOpen, nil, nil},
		{"correction", isms.NCCorrection, isms.NCCorrection, nil, nil},
		{"root cause with correction", isms.NCRootCause, isms.NCRootCause, nil, nil},
		{"root cause without correction", isms.NCRootCause, isms.NCOpen, nil, []string{"correction", "correctionOn"}},
		{"corrective action", isms.NCCorrectiveAction, isms.NCCorrectiveAction, nil, nil},
		{"corrective action without root cause", isms.NCCorrectiveAction, isms.NCRootCause, nil, []string{"rootCause", "similarCheck"}},
		{"effectiveness review", isms.NCEffectivenessReview, isms.NCEffectivenessReview, nil, nil},
		{"effectiveness review without actions", isms.NCEffectivenessReview, isms.NCCorrectiveAction, nil, []string{"correctiveActionIds"}},
		{"closed", isms.NCClosed, isms.NCClosed, nil, nil},
		{"closed with nothing done", isms.NCClosed, isms.NCOpen, nil, []string{"correction", "correctionOn", "rootCause", "similarCheck",
			"correctiveActionIds", "effectiveness.reviewedOn", "effectiveness.reviewerId", "effectiveness.verdict", "closedOn"}},
		{"closed without effectiveness review", isms.NCClosed, isms.NCEffectivenessReview, nil,
			[]string{"effectiveness.reviewedOn", "effectiveness.reviewerId", "effectiveness.verdict", "closedOn"}},
		{"closed not effective", isms.NCClosed, isms.NCClosed, func(n *isms.Nonconformity) { n.Effectiveness.Verdict = isms.VerdictNotEffective },
			[]string{"effectiveness.verdict"}},
		{"closed without similar check", isms.NCClosed, isms.NCClosed, func(n *isms.Nonconformity) { n.SimilarCheck = "  " },
			[]string{"similarCheck"}},
		{"closed date while open", isms.NCOpen, isms.NCOpen, func(n *isms.Nonconformity) { n.ClosedOn = "2025-02-01" }, []string{"closedOn"}},
		{"bad enums", "done", isms.NCOpen, func(n *isms.Nonconformity) { n.Source, n.Effectiveness.Verdict = "rumour", "meh" },
			[]string{"status", "source", "effectiveness.verdict"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := ncAt(tt.status, tt.upTo)
			if tt.edit != nil {
				tt.edit(n)
			}
			err := n.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			expectInvalid(t, err, tt.want...)
			if got := fields(t, err); len(got) != len(tt.want) {
				t.Errorf("fields = %v, want exactly %v", got, tt.want)
			}
		})
	}
}

func TestNonconformityCheckActions(t *testing.T) {
	n := ncAt(isms.NCEffectivenessReview, isms.NCEffectivenessReview)
	open := &isms.Action{Ref: "A1", Status: isms.ActionInProgress}
	done := &isms.Action{Ref: "A2", Status: isms.ActionDone}
	expectInvalid(t, n.CheckActions([]*isms.Action{open, done}), "correctiveActionIds")
	if err := n.CheckActions([]*isms.Action{done}); err != nil {
		t.Errorf("CheckActions(done) = %v", err)
	}
	n.Status = isms.NCCorrectiveAction
	if err := n.CheckActions([]*isms.Action{open}); err != nil {
		t.Errorf("CheckActions before effectiveness review = %v", err)
	}
}

func newPolicy() *isms.Policy {
	return &isms.Policy{Ref: "POL-01", Title: "Information security policy", DocType: isms.DocPolicy, Status: isms.PolicyDraft,
		ReviewCycleMonths: 12}
}

func TestPolicyValidate(t *testing.T) {
	approved := isms.Approval{ApproverID: "ceo", Decision: isms.DecisionApproved, At: "2025-01-10"}
	rejected := isms.Approval{ApproverID: "ceo", Decision: isms.DecisionRejected, At: "2025-01-10", Comment: "Too vague"}
	tests := []struct {
		name     string
		status   string
		versions []isms.PolicyVersion
		want     []string
	}{
		{"no versions", isms.PolicyDraft, nil, nil},
		{"no versions but published", isms.PolicyPublished, nil, []string{"status"}},
		{"published", isms.PolicyPublished, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyPublished, PublishedOn: "2025-01-11", Approvals: []isms.Approval{approved}}}, nil},
		{"status differs from version", isms.PolicyDraft, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyInReview}}, []string{"status"}},
		{"approved without approval", isms.PolicyApproved, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyApproved}}, []string{"versions[0].approvals"}},
		{"published without approval or date", isms.PolicyPublished, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyPublished}}, []string{"versions[0].approvals", "versions[0].publishedOn"}},
		{"rejected without comment", isms.PolicyRejected, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyRejected, Approvals: []isms.Approval{{ApproverID: "ceo", Decision: isms.DecisionRejected, At: "2025-01-10"}}}},
			[]string{"versions[0].approvals[0].comment"}},
		{"rejected with comment", isms.PolicyRejected, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyRejected, Approvals: []isms.Approval{rejected}}}, nil},
		{"rejected without rejecting decision", isms.PolicyRejected, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyRejected}}, []string{"versions[0].approvals"}},
		{"bad approval", isms.PolicyInReview, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyInReview, Approvals: []isms.Approval{{Decision: "maybe"}}}},
			[]string{"versions[0].approvals[0].approverId", "versions[0].approvals[0].decision", "versions[0].approvals[0].at"}},
		{"two published", isms.PolicyPublished, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyPublished, PublishedOn: "2025-01-11", Approvals: []isms.Approval{approved}},
			{Number: "1.1", Status: isms.PolicyPublished, PublishedOn: "2025-02-11", Approvals: []isms.Approval{approved}}},
			[]string{"versions[1].status"}},
		{"repeated number and stale draft", isms.PolicyDraft, []isms.PolicyVersion{
			{Number: "1.0", Status: isms.PolicyDraft}, {Number: "1.0", Status: isms.PolicyDraft}},
			[]string{"versions[1].number", "versions[0].status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPolicy()
			p.Status, p.Versions = tt.status, tt.versions
			err := p.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			expectInvalid(t, err, tt.want...)
		})
	}
	p := newPolicy()
	p.ReviewCycleMonths, p.DocType = 61, "memo"
	expectInvalid(t, p.Validate(), "reviewCycleMonths", "docType")
}

func TestPolicyWorkflow(t *testing.T) {
	p := newPolicy()
	p.OwnerID, p.ApproverID = "author", "ceo"
	if err := p.Submit(); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("Submit without version = %v", err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(p.NewVersion("1.0", "First issue", "text", "author", "2025-01-01"))
	if err := p.NewVersion("1.1", "", "", "author", "2025-01-02"); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("second draft = %v", err)
	}
	if err := p.Approve(isms.PolicyDecision{ApproverID: "ceo", At: "2025-01-05"}); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("approving a draft = %v", err)
	}
	must(p.Submit())
	expectInvalid(t, p.Reject(isms.PolicyDecision{ApproverID: "ceo", At: "2025-01-05"}), "comment")
	expectInvalid(t, p.Approve(isms.PolicyDecision{ApproverID: "author", At: "2025-01-05"}), "approverId")
	if p.Status != isms.PolicyInReview || len(p.Current().Approvals) != 0 {
		t.Fatalf("failed rejection changed the policy: %+v", p)
	}
	must(p.Reject(isms.PolicyDecision{ApproverID: "ceo", Comment: "Add scope", At: "2025-01-05"}))
	if err := p.Publish("2025-01-06"); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("publishing a rejected version = %v", err)
	}
	must(p.NewVersion("1.1", "Scope added", "text2", "author", "2025-01-06"))
	must(p.Submit())
	must(p.Approve(isms.PolicyDecision{ApproverID: "ceo", Role: "Senior Management", Method: isms.ApprovedInMeeting, At: "2025-01-07"}))
	if a := p.Current().Approvals[0]; a.TextSHA256 != "fd848ca35a6281600b5da598c7cb4d5df561e0ee63ee7cec0e98e6049996f3ff" || a.Method != isms.ApprovedInMeeting {
		t.Errorf("approval without the SHA-256 of the text: %+v", a)
	}
	old := *p
	old.Versions = slices.Clone(p.Versions)
	must(p.Publish("2025-01-08"))
	if e := p.Effective(); e == nil || e.Number != "1.1" || p.Status != isms.PolicyPublished {
		t.Fatalf("effective = %+v, status %s", e, p.Status)
	}
	if err := isms.CheckPolicyChange(&old, p); err != nil {
		t.Errorf("CheckPolicyChange(publish) = %v", err)
	}
	must(p.NewVersion("2.0", "Rewrite", "text3", "author", "2025-06-01"))
	must(p.Submit())
	must(p.Approve(isms.PolicyDecision{ApproverID: "ceo", Comment: "ok", At: "2025-06-02"}))
	must(p.Publish("2025-06-03"))
	if p.Versions[1].Status != isms.PolicyRetired || p.Effective().Number != "2.0" {
		t.Errorf("publishing 2.0 did not retire 1.1: %+v", p.Versions)
	}
}

func TestCheckPolicyChange(t *testing.T) {
	approval := []isms.Approval{{ApproverID: "ceo", Decision: isms.DecisionApproved, At: "2025-01-10"}}
	base := func() *isms.Policy {
		p := newPolicy()
		p.Status = isms.PolicyApproved
		p.Versions = []isms.PolicyVersion{{Number: "1.0", Text: "v1", Status: isms.PolicyApproved, Approvals: approval}}
		return p
	}
	tests := []struct {
		name string
		edit func(*isms.Policy)
		want []string
	}{
		{"unchanged", func(*isms.Policy) {}, nil},
		{"owner changes", func(p *isms.Policy) { p.OwnerID = "p2" }, nil},
		{"locked text", func(p *isms.Policy) { p.Versions[0].Text = "changed" }, []string{"versions[0].text"}},
		{"back to draft", func(p *isms.Policy) { p.Versions[0].Status = isms.PolicyDraft }, []string{"versions[0].status"}},
		{"version removed", func(p *isms.Policy) { p.Versions = nil }, []string{"versions"}},
		{"approval removed", func(p *isms.Policy) { p.Versions[0].Approvals = nil }, []string{"versions[0].approvals"}},
		{"new version not draft", func(p *isms.Policy) {
			p.Versions = append(p.Versions, isms.PolicyVersion{Number: "1.1", Status: isms.PolicyApproved})
		}, []string{"versions[1].status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, p := base(), base()
			tt.edit(p)
			err := isms.CheckPolicyChange(old, p)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("CheckPolicyChange = %v", err)
				}
				return
			}
			expectInvalid(t, err, tt.want...)
		})
	}
	if !isms.PolicyTransitionAllowed(isms.PolicyDraft, isms.PolicyInReview) || isms.PolicyTransitionAllowed(isms.PolicyRetired, isms.PolicyPublished) {
		t.Error("PolicyTransitionAllowed is wrong")
	}
}

func TestPolicySubmitGate(t *testing.T) {
	p := newPolicy()
	if err := p.NewVersion("1.0", "", "  ", "author", "2025-01-01"); err != nil {
		t.Fatal(err)
	}
	expectInvalid(t, p.Submit(), "ownerId", "approverId", "text")
	p.OwnerID, p.ApproverID = "author", "ceo"
	p.Versions[0].Text = "[Organisation] protects the information of its customers. Scope: [scope statement reference]."
	err := p.Submit()
	expectInvalid(t, err, "text")
	if e := err.(*isms.Error); !strings.Contains(e.Fields["text"], "[Organisation]") || !strings.Contains(e.Fields["text"], "[scope statement reference]") {
		t.Errorf("the placeholders are not named: %v", e.Fields)
	}
	p.Versions[0].Text = "Acme protects the information of its customers [see annex 1]; see [the standard](https://example.com)."
	if err := p.Submit(); err != nil {
		t.Fatalf("a bracket that is not a placeholder: %v", err)
	}
	if err := p.Approve(isms.PolicyDecision{ApproverID: "ceo", At: "2025-02-01"}); err != nil {
		t.Fatal(err)
	}
	expectInvalid(t, p.Publish("2025-01-15"), "publishedOn")
	if err := p.Publish("2025-02-01"); err != nil {
		t.Fatal(err)
	}
	if p.NextReviewDate != "2026-02-01" {
		t.Errorf("next review after publishing = %s, want a cycle later", p.NextReviewDate)
	}
	expectInvalid(t, p.Acknowledge([]string{"reader"}, "2025-03-01", "2025-02-20"), "on")
}

func TestMilestoneCompleteNotInTheFuture(t *testing.T) {
	m := isms.ProgrammePlan("2025-01-01")[0]
	expectInvalid(t, m.Complete("2025-03-01", "2025-02-01"), "completedOn")
	if err := m.Complete("2025-02-01", "2025-02-01"); err != nil || m.Status != isms.MilestoneDone {
		t.Fatalf("complete today: %v %s", err, m.Status)
	}
}
