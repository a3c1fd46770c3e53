package app

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

func sha(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// TestPolicyWorkflow walks one policy through its workflow, one step at a time: each step
// is either refused with a code (and field) and leaves the stored policy as it was, or
// succeeds and is checked against the stored policy.
func TestPolicyWorkflow(t *testing.T) {
	a := newPlanApp(t)
	s := a.Policies
	author := addPerson(t, a, "Ann Author", isms.RoleISMSManager)
	approver := addPerson(t, a, "Bea Boss", isms.RoleEmployees, isms.RoleSeniorManagement)
	reader := addPerson(t, a, "Rob Reader", isms.RoleEmployees)

	const first, second = "We protect information.", "We protect information and people."
	p, err := s.Create(isms.Policy{Ref: "POL-T", Title: "Information security policy", OwnerID: author.ID,
		ApproverID: approver.ID, ReviewCycleMonths: 6, Status: isms.PolicyPublished,
		Versions: []isms.PolicyVersion{{Number: "9.9", Status: isms.PolicyPublished}}}, first)
	if err != nil {
		t.Fatal(err)
	}
	if cur := p.Current(); len(p.Versions) != 1 || cur.Number != "1.0" || cur.Text != first || cur.Status != isms.PolicyDraft ||
		cur.AuthorID != author.ID || cur.CreatedOn != planToday || p.Status != isms.PolicyDraft || p.DocType != isms.DocPolicy {
		t.Fatalf("create: %+v, want one draft 1.0 with the text, written by the owner today", p)
	}

	decision := func(by string, comment string) isms.PolicyDecision {
		return isms.PolicyDecision{ApproverID: by, Method: isms.ApprovedInMeeting, Comment: comment, At: planToday}
	}
	steps := []struct {
		name   string
		do     func(p isms.Policy) (isms.Policy, error)
		code   isms.Code // "" when the step succeeds
		fields []string
		check  func(t *testing.T, p isms.Policy)
	}{
		{name: "save a draft", do: func(p isms.Policy) (isms.Policy, error) {
			return s.SaveDraft(p.ID, p.Version, PolicyDraft{Number: "1.0", Summary: "First issue", Text: second})
		}, check: func(t *testing.T, p isms.Policy) {
			if p.Current().Text != second || p.Status != isms.PolicyDraft {
				t.Fatalf("%+v", p.Current())
			}
		}},
		{name: "acknowledge before publication", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Acknowledge(p.ID, p.Version, []string{reader.ID}, string(planToday))
		}, code: isms.CodeInvalid, fields: []string{"status"}},
		{name: "approve a draft", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Approve(p.ID, p.Version, decision(approver.ID, ""))
		}, code: isms.CodeInvalid, fields: []string{"status"}},
		{name: "submit", do: func(p isms.Policy) (isms.Policy, error) { return s.Submit(p.ID, p.Version) },
			check: func(t *testing.T, p isms.Policy) {
				if p.Status != isms.PolicyInReview || p.Current().Status != isms.PolicyInReview {
					t.Fatalf("status %s / %s", p.Status, p.Current().Status)
				}
			}},
		{name: "save a draft in review", do: func(p isms.Policy) (isms.Policy, error) {
			return s.SaveDraft(p.ID, p.Version, PolicyDraft{Number: "1.0", Text: "changed"})
		}, code: isms.CodeLocked},
		{name: "reject without a comment", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Reject(p.ID, p.Version, decision(approver.ID, "  "))
		}, code: isms.CodeInvalid, fields: []string{"comment"}},
		{name: "reject", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Reject(p.ID, p.Version, decision(approver.ID, "Say who is responsible"))
		}, check: func(t *testing.T, p isms.Policy) {
			cur := p.Current()
			if p.Status != isms.PolicyRejected || len(cur.Approvals) != 1 || cur.Approvals[0].Decision != isms.DecisionRejected ||
				cur.Approvals[0].Comment != "Say who is responsible" || cur.Approvals[0].ApproverID != approver.ID {
				t.Fatalf("%+v", cur)
			}
		}},
		{name: "new version after the rejection", do: func(p isms.Policy) (isms.Policy, error) {
			return s.NewVersion(p.ID, p.Version, PolicyDraft{Summary: "Responsibilities named"})
		}, check: func(t *testing.T, p isms.Policy) {
			cur := p.Current()
			if len(p.Versions) != 2 || cur.Number != "1.1" || cur.Status != isms.PolicyDraft || cur.Text != second ||
				p.Versions[0].Status != isms.PolicyRejected || p.Status != isms.PolicyDraft || cur.AuthorID != author.ID {
				t.Fatalf("%+v", p.Versions)
			}
		}},
		{name: "a second new version while a draft is open", do: func(p isms.Policy) (isms.Policy, error) {
			return s.NewVersion(p.ID, p.Version, PolicyDraft{Summary: "again"})
		}, code: isms.CodeInvalid, fields: []string{"status"}},
		{name: "submit the new version", do: func(p isms.Policy) (isms.Policy, error) { return s.Submit(p.ID, p.Version) },
			check: func(t *testing.T, p isms.Policy) {
				if p.Status != isms.PolicyInReview {
					t.Fatalf("status %s", p.Status)
				}
			}},
		{name: "approve by the author", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Approve(p.ID, p.Version, decision(author.ID, ""))
		}, code: isms.CodeInvalid, fields: []string{"approverId"}},
		{name: "approve by someone who is not the policy's approver", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Approve(p.ID, p.Version, decision(reader.ID, ""))
		}, code: isms.CodeInvalid, fields: []string{"approverId"}},
		{name: "approve without a date", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Approve(p.ID, p.Version, isms.PolicyDecision{ApproverID: approver.ID, Method: isms.ApprovedInApp})
		}, code: isms.CodeInvalid, fields: []string{"at"}},
		{name: "approve by an unknown person", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Approve(p.ID, p.Version, decision("no-such-person", ""))
		}, code: isms.CodeNotFound},
		{name: "approve", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Approve(p.ID, p.Version, decision(approver.ID, "Good"))
		}, check: func(t *testing.T, p isms.Policy) {
			cur := p.Current()
			want := isms.Approval{ApproverID: approver.ID, Role: isms.RoleSeniorManagement, Decision: isms.DecisionApproved,
				Method: isms.ApprovedInMeeting, Comment: "Good", At: planToday, TextSHA256: sha(second)}
			if p.Status != isms.PolicyApproved || len(cur.Approvals) != 1 || cur.Approvals[0] != want {
				t.Fatalf("approvals %+v, want %+v", cur.Approvals, want)
			}
		}},
		{name: "save the approved draft", do: func(p isms.Policy) (isms.Policy, error) {
			return s.SaveDraft(p.ID, p.Version, PolicyDraft{Number: "1.1", Text: "rewritten after approval"})
		}, code: isms.CodeLocked, fields: []string{"text"}},
		{name: "publish", do: func(p isms.Policy) (isms.Policy, error) { return s.Publish(p.ID, p.Version, "2026-03-12") },
			check: func(t *testing.T, p isms.Policy) {
				if p.Status != isms.PolicyPublished || p.Effective() == nil || p.Effective().Number != "1.1" || p.Effective().PublishedOn != "2026-03-12" {
					t.Fatalf("%+v", p.Versions)
				}
			}},
		{name: "save the published draft", do: func(p isms.Policy) (isms.Policy, error) {
			return s.SaveDraft(p.ID, p.Version, PolicyDraft{Number: "1.1", Text: "rewritten after publication"})
		}, code: isms.CodeLocked, fields: []string{"text"}},
		{name: "update the details, trying to change the text and versions", do: func(p isms.Policy) (isms.Policy, error) {
			p.Title = "Information security policy (group)"
			p.Versions = append([]isms.PolicyVersion(nil), p.Versions...)
			p.Versions[1].Text, p.Versions[1].Number = "edited through Update", "7.0"
			p.Versions = p.Versions[1:]
			p.Status = isms.PolicyDraft
			return s.Update(p)
		}, check: func(t *testing.T, p isms.Policy) {
			if p.Title != "Information security policy (group)" || len(p.Versions) != 2 || p.Current().Text != second ||
				p.Current().Number != "1.1" || p.Status != isms.PolicyPublished {
				t.Fatalf("%+v", p)
			}
		}},
		{name: "acknowledge by an unknown person", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Acknowledge(p.ID, p.Version, []string{"no-such-person"}, string(planToday))
		}, code: isms.CodeNotFound},
		{name: "acknowledge without a date", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Acknowledge(p.ID, p.Version, []string{reader.ID}, "")
		}, code: isms.CodeInvalid, fields: []string{"on"}},
		{name: "acknowledge", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Acknowledge(p.ID, p.Version, []string{reader.ID, reader.ID}, "2026-03-08")
		}, check: func(t *testing.T, p isms.Policy) {
			acks := p.Effective().Acknowledgements
			if len(acks) != 1 || acks[0] != (isms.Acknowledgement{PersonID: reader.ID, On: "2026-03-08"}) {
				t.Fatalf("%+v", acks)
			}
		}},
		{name: "acknowledge again", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Acknowledge(p.ID, p.Version, []string{reader.ID, approver.ID}, "2026-03-09")
		}, check: func(t *testing.T, p isms.Policy) {
			acks := p.Effective().Acknowledgements
			if len(acks) != 2 || acks[0].On != "2026-03-08" || acks[1] != (isms.Acknowledgement{PersonID: approver.ID, On: "2026-03-09"}) {
				t.Fatalf("%+v", acks)
			}
		}},
		{name: "review without a reviewer", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Review(p.ID, p.Version, isms.PolicyReview{On: "2026-04-01", Outcome: isms.ReviewNoChange})
		}, code: isms.CodeInvalid, fields: []string{"reviewerId"}},
		{name: "review, no change", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Review(p.ID, p.Version, isms.PolicyReview{On: "2026-04-01", ReviewerID: approver.ID, Outcome: isms.ReviewNoChange, Note: " fine "})
		}, check: func(t *testing.T, p isms.Policy) {
			if p.LastReviewed != "2026-04-01" || p.NextReviewDate != "2026-10-01" || len(p.Reviews) != 1 ||
				p.Reviews[0] != (isms.PolicyReview{On: "2026-04-01", ReviewerID: approver.ID, Outcome: isms.ReviewNoChange, Note: "fine"}) ||
				len(p.Versions) != 2 || p.Status != isms.PolicyPublished {
				t.Fatalf("%+v", p)
			}
		}},
		{name: "review, new version", do: func(p isms.Policy) (isms.Policy, error) {
			return s.Review(p.ID, p.Version, isms.PolicyReview{On: "2026-05-01", ReviewerID: approver.ID, Outcome: isms.ReviewNewVersion})
		}, check: func(t *testing.T, p isms.Policy) {
			cur := p.Current()
			if len(p.Reviews) != 2 || p.NextReviewDate != "2026-11-01" || len(p.Versions) != 3 || cur.Number != "1.2" ||
				cur.Status != isms.PolicyDraft || cur.Text != second || cur.CreatedOn != "2026-05-01" || cur.AuthorID != author.ID ||
				p.Status != isms.PolicyDraft || p.Effective() == nil || p.Effective().Number != "1.1" {
				t.Fatalf("%+v", p)
			}
		}},
		{name: "stale step", do: func(p isms.Policy) (isms.Policy, error) { return s.Submit(p.ID, p.Version-1) },
			code: isms.CodeConflict},
	}
	for _, st := range steps {
		before, err := s.Get(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.do(before)
		after, gerr := s.Get(p.ID)
		if gerr != nil {
			t.Fatal(gerr)
		}
		if st.code != "" {
			wantErr(t, st.name, err, st.code, st.fields...)
			if after.Version != before.Version {
				t.Fatalf("%s: the refused step was stored (version %d -> %d)", st.name, before.Version, after.Version)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if after.Version != before.Version+1 || got.Version != after.Version {
			t.Fatalf("%s: version %d -> %d (returned %d)", st.name, before.Version, after.Version, got.Version)
		}
		t.Run(st.name, func(t *testing.T) { st.check(t, after) })
	}

	p, _ = s.Get(p.ID)
	err = s.Delete(p.ID, p.Version)
	wantErr(t, "delete a policy with an approved version", err, isms.CodeLocked)
	if _, err := s.Get(p.ID); err != nil {
		t.Fatalf("the policy is gone: %v", err)
	}
}

// TestPolicyAuthorCannotApprove: a policy is sent for approval once it names its approver;
// the author, nobody, someone who left or an unknown method cannot decide.
func TestPolicyAuthorCannotApprove(t *testing.T) {
	a := newPlanApp(t)
	s := a.Policies
	author := addPerson(t, a, "Ann Author", isms.RoleSeniorManagement)
	other := addPerson(t, a, "Oli Other", isms.RoleInternalAudit)
	left := addPerson(t, a, "Lea Left", isms.RoleSeniorManagement)
	left.Active = false
	if _, err := a.People.Update(left); err != nil {
		t.Fatal(err)
	}
	p, err := s.Create(isms.Policy{Ref: "PRO-1", Title: "Backup procedure", DocType: isms.DocProcedure, OwnerID: author.ID}, "Back up nightly.")
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Submit(p.ID, p.Version)
	wantErr(t, "submit without an approver", err, isms.CodeInvalid, "approverId")
	p.ApproverID = other.ID
	if p, err = s.Update(p); err != nil {
		t.Fatal(err)
	}
	if p, err = s.Submit(p.ID, p.Version); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		d      isms.PolicyDecision
		fields []string
	}{
		{"the author", isms.PolicyDecision{ApproverID: author.ID, At: planToday}, []string{"approverId"}},
		{"nobody", isms.PolicyDecision{At: planToday}, []string{"approverId"}},
		{"someone who left", isms.PolicyDecision{ApproverID: left.ID, At: planToday}, []string{"approverId"}},
		{"an unknown method", isms.PolicyDecision{ApproverID: other.ID, At: planToday, Method: "telepathy"}, []string{"method"}},
	}
	for _, tc := range cases {
		_, err := s.Approve(p.ID, p.Version, tc.d)
		wantErr(t, "approve by "+tc.name, err, isms.CodeInvalid, tc.fields...)
	}
	p, err = s.Approve(p.ID, p.Version, isms.PolicyDecision{ApproverID: other.ID, At: planToday})
	if err != nil {
		t.Fatal(err)
	}
	if ap := p.Current().Approvals; p.Status != isms.PolicyApproved || len(ap) != 1 || ap[0].Role != isms.RoleInternalAudit ||
		ap[0].Method != isms.ApprovedInApp || ap[0].TextSHA256 != sha("Back up nightly.") {
		t.Fatalf("approval %+v", ap)
	}
	err = s.Delete(p.ID, p.Version)
	wantErr(t, "delete an approved policy", err, isms.CodeLocked)
}

func TestPolicyDeleteOfADraft(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Ann Author")
	p, err := a.Policies.Create(isms.Policy{Ref: "POL-D", Title: "Draft only", OwnerID: owner.ID}, "text")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Policies.Delete(p.ID, p.Version); err != nil {
		t.Fatalf("delete a policy never approved: %v", err)
	}
	if _, err := a.Policies.Get(p.ID); isms.ErrorCode(err) != isms.CodeNotFound {
		t.Fatalf("get after delete: %v", err)
	}
}

func TestPolicyFromTemplate(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Ann Author")
	approver := addPerson(t, a, "Bea Boss", isms.RoleSeniorManagement)
	templates := a.Policies.Templates()
	if len(templates) == 0 {
		t.Fatal("no policy templates")
	}
	controls, err := a.Controls.List()
	if err != nil {
		t.Fatal(err)
	}
	refOf := map[string]string{}
	for _, c := range controls {
		refOf[c.ID] = c.Ref
	}
	for _, tpl := range templates {
		t.Run(tpl.ID, func(t *testing.T) {
			if len(tpl.ControlRefs) == 0 {
				t.Fatalf("template %s names no controls", tpl.ID)
			}
			p, err := a.Policies.FromTemplate(tpl.ID, owner.ID, approver.ID)
			if err != nil {
				t.Fatal(err)
			}
			if p.Ref != tpl.Ref || p.Title != tpl.Title || p.DocType != tpl.DocType || p.OwnerID != owner.ID ||
				p.ApproverID != approver.ID || p.ReviewCycleMonths != tpl.ReviewCycleMonths {
				t.Fatalf("details %+v from %+v", p, tpl)
			}
			if cur := p.Current(); len(p.Versions) != 1 || cur.Number != "1.0" || cur.Text != tpl.Text || cur.Status != isms.PolicyDraft {
				t.Fatalf("versions %+v", p.Versions)
			}
			var got []string
			for _, id := range p.ControlIDs {
				got = append(got, refOf[id])
			}
			if len(got) != len(tpl.ControlRefs) {
				t.Fatalf("controls %v, want %v", got, tpl.ControlRefs)
			}
			for i := range got {
				if got[i] != tpl.ControlRefs[i] {
					t.Fatalf("controls %v, want %v", got, tpl.ControlRefs)
				}
			}
		})
	}
	again, err := a.Policies.FromTemplate(templates[0].ID, owner.ID, approver.ID)
	if err != nil || again.Ref != templates[0].Ref+"-2" {
		t.Fatalf("second policy from the same template: %q %v, want ref %s-2", again.Ref, err, templates[0].Ref)
	}
	_, err = a.Policies.FromTemplate("no-such-template", owner.ID, approver.ID)
	wantErr(t, "unknown template", err, isms.CodeNotFound)
}

// TestPolicyApprovalRoleIsOneTheApproverHolds: the role recorded on an approval comes from
// the approver's roles; a role the approver does not hold is refused (field "role").
func TestPolicyApprovalRoleIsOneTheApproverHolds(t *testing.T) {
	a := newPlanApp(t)
	s := a.Policies
	author := addPerson(t, a, "Ann Author", isms.RoleISMSManager)
	auditor := addPerson(t, a, "Ada Auditor", isms.RoleInternalAudit)
	p, err := s.Create(isms.Policy{Ref: "POL-R", Title: "Role check", OwnerID: author.ID, ApproverID: auditor.ID}, "text")
	if err != nil {
		t.Fatal(err)
	}
	if p, err = s.Submit(p.ID, p.Version); err != nil {
		t.Fatal(err)
	}
	got, err := s.Approve(p.ID, p.Version, isms.PolicyDecision{ApproverID: auditor.ID, Role: isms.RoleSeniorManagement, At: planToday})
	if err == nil {
		t.Fatalf("approval recorded in role %q, which %s does not hold", got.Current().Approvals[0].Role, auditor.Name)
	}
	wantErr(t, "approve in a role not held", err, isms.CodeInvalid, "role")
	got, err = s.Approve(p.ID, p.Version, isms.PolicyDecision{ApproverID: auditor.ID, Role: isms.RoleInternalAudit, At: planToday})
	if err != nil || got.Current().Approvals[0].Role != isms.RoleInternalAudit {
		t.Fatalf("approve in a role held: %+v %v", got.Current(), err)
	}
}

// TestPolicyOwnerIsNotItsApprover: every version is written by the policy's owner, and the
// author cannot approve, so a policy whose approver is its owner could never be approved:
// it is refused on create and update (field "approverId").
func TestPolicyOwnerIsNotItsApprover(t *testing.T) {
	a := newPlanApp(t)
	s := a.Policies
	owner := addPerson(t, a, "Ann Author", isms.RoleSeniorManagement)
	other := addPerson(t, a, "Bea Boss", isms.RoleSeniorManagement)
	_, err := s.Create(isms.Policy{Ref: "POL-O", Title: "Owner approves", OwnerID: owner.ID, ApproverID: owner.ID}, "text")
	wantErr(t, "create with the owner as approver", err, isms.CodeInvalid, "approverId")

	p, err := s.Create(isms.Policy{Ref: "POL-O", Title: "Owner approves", OwnerID: owner.ID, ApproverID: other.ID}, "text")
	if err != nil {
		t.Fatal(err)
	}
	p.ApproverID = owner.ID
	_, err = s.Update(p)
	wantErr(t, "update the approver to the owner", err, isms.CodeInvalid, "approverId")
}

// A long policy (its draft saved again: the record and its history entry, before and
// after) is more than one Badger transaction holds; the window still saves it, all or
// nothing, and the history still verifies.
func TestPolicyWithALongTextSaves(t *testing.T) {
	a := newPlanApp(t)
	author := addPerson(t, a, "Ann Author", isms.RoleISMSManager)
	db, err := a.store()
	if err != nil {
		t.Fatal(err)
	}
	size := int(db.MaxTransaction()) / 3 // three copies of the text in one save
	text := strings.Repeat("Information is classified, labelled and handled by its class. ", size/62+1)[:size]
	p, err := a.Policies.Create(isms.Policy{Ref: "POL-LONG", Title: "Information handling", OwnerID: author.ID}, text)
	if err != nil {
		t.Fatalf("create a policy of %d characters: %v", size, err)
	}
	longer := strings.ToUpper(text)
	p, err = a.Policies.SaveDraft(p.ID, p.Version, PolicyDraft{Number: "1.0", Summary: "First issue", Text: longer})
	if err != nil {
		t.Fatalf("save a draft of %d characters: %v", size, err)
	}
	got, err := a.Policies.Get(p.ID)
	if err != nil || got.Current().Text != longer || got.Version != 2 {
		t.Fatalf("after the save: version %d, text saved %v (err %v)", got.Version, got.Current() != nil && got.Current().Text == longer, err)
	}
	if _, err := db.VerifyHistory(); err != nil {
		t.Fatalf("history: %v", err)
	}
}
