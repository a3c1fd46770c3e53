package isms

import (
	"fmt"
	"strconv"
)

// Document types of a policy record.
const (
	DocPolicy    = "policy"
	DocProcedure = "procedure"
	DocStandard  = "standard"
)

// DocTypes lists the document types kept as policies.
var DocTypes = Enum{
	{DocPolicy, "Policy"},
	{DocProcedure, "Procedure"},
	{DocStandard, "Standard"},
}

// Policy version statuses: the approval workflow (clauses 5.2, 7.5.3).
const (
	PolicyDraft     = "draft"
	PolicyInReview  = "in_review"
	PolicyApproved  = "approved"
	PolicyRejected  = "rejected"
	PolicyPublished = "published"
	PolicyRetired   = "retired"
)

// PolicyStatuses lists the workflow statuses of a policy version.
var PolicyStatuses = Enum{
	{PolicyDraft, "Draft"},
	{PolicyInReview, "In review"},
	{PolicyApproved, "Approved"},
	{PolicyRejected, "Rejected"},
	{PolicyPublished, "Published"},
	{PolicyRetired, "Retired"},
}

// policyMoves are the allowed workflow transitions of a version.
var policyMoves = map[string][]string{
	PolicyDraft:     {PolicyInReview},
	PolicyInReview:  {PolicyApproved, PolicyRejected, PolicyDraft},
	PolicyRejected:  {PolicyDraft},
	PolicyApproved:  {PolicyPublished, PolicyRetired},
	PolicyPublished: {PolicyRetired},
	PolicyRetired:   {},
}

// PolicyTransitionAllowed reports whether a version may move from one status to another.
// Staying in the same status is allowed.
func PolicyTransitionAllowed(from, to string) bool {
	if from == to {
		return true
	}
	for _, s := range policyMoves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Decisions of an approver.
const (
	DecisionApproved = "approved"
	DecisionRejected = "rejected"
)

// ApprovalDecisions lists an approver's decisions.
var ApprovalDecisions = Enum{
	{DecisionApproved, "Approved"},
	{DecisionRejected, "Rejected"},
}

// Approval is one approver's decision on a policy version.
type Approval struct {
	ApproverID string `json:"approverId"` // the person who decided
	Decision   string `json:"decision"`   // one of ApprovalDecisions
	Comment    string `json:"comment"`    // required when rejected
	At         Date   `json:"at"`         // when the decision was made
}

// PolicyVersion is one version of a policy document.
type PolicyVersion struct {
	Number      string     `json:"number"`      // e.g. "1.0", "1.1"
	Summary     string     `json:"summary"`     // what changed in this version
	Text        string     `json:"text"`        // the document's text or a reference to where it is kept
	Status      string     `json:"status"`      // one of PolicyStatuses
	AuthorID    string     `json:"authorId"`    // who wrote the version
	CreatedOn   Date       `json:"createdOn"`   // when the version was started
	PublishedOn Date       `json:"publishedOn"` // when it was published; required when published or retired after publication
	Approvals   []Approval `json:"approvals"`   // the approvers' decisions
}

// Approved reports whether the version carries an approving decision.
func (v *PolicyVersion) Approved() bool {
	for _, a := range v.Approvals {
		if a.Decision == DecisionApproved {
			return true
		}
	}
	return false
}

// Locked reports whether the version's text may no longer change: once approved it is locked.
func (v *PolicyVersion) Locked() bool {
	return v.Status == PolicyApproved || v.Status == PolicyPublished || v.Status == PolicyRetired
}

// Policy is a policy, procedure or standard with its versions and approvals (clauses 5.2, 7.5).
type Policy struct {
	Meta
	Ref               string          `json:"ref"`               // e.g. "POL-01"
	Title             string          `json:"title"`             // e.g. "Information security policy"
	DocType           string          `json:"docType"`           // one of DocTypes
	Status            string          `json:"status"`            // the status of the current (latest) version
	OwnerID           string          `json:"ownerId"`           // the document owner
	ApproverID        string          `json:"approverId"`        // who approves new versions
	ReviewCycleMonths int             `json:"reviewCycleMonths"` // months between reviews, 1..60
	LastReviewed      Date            `json:"lastReviewed"`      // when it was last reviewed
	NextReviewDate    Date            `json:"nextReviewDate"`    // when it is next reviewed
	Versions          []PolicyVersion `json:"versions"`          // oldest first; the last is the current version
	ControlIDs        []string        `json:"controlIds"`        // controls the document implements
}

// Kind implements Record.
func (*Policy) Kind() Kind { return KindPolicy }

// Current returns the latest version, or nil when there is none.
func (p *Policy) Current() *PolicyVersion {
	if len(p.Versions) == 0 {
		return nil
	}
	return &p.Versions[len(p.Versions)-1]
}

// Effective returns the published version in force, or nil when none is published.
func (p *Policy) Effective() *PolicyVersion {
	for i := len(p.Versions) - 1; i >= 0; i-- {
		if p.Versions[i].Status == PolicyPublished {
			return &p.Versions[i]
		}
	}
	return nil
}

// Validate implements Record.
func (p *Policy) Validate() error {
	pr := NewProblems("policy")
	pr.Require("ref", p.Ref)
	pr.MaxLen("ref", p.Ref, 64)
	pr.Require("title", p.Title)
	pr.MaxLen("title", p.Title, 300)
	pr.Enum("docType", p.DocType, DocTypes, false)
	pr.Enum("status", p.Status, PolicyStatuses, false)
	if p.ReviewCycleMonths != 0 {
		pr.Range("reviewCycleMonths", p.ReviewCycleMonths, 1, 60)
	}
	pr.Date("lastReviewed", p.LastReviewed)
	pr.Date("nextReviewDate", p.NextReviewDate)
	pr.IDs("controlIds", p.ControlIDs)
	if cur := p.Current(); cur == nil {
		if p.Status != PolicyDraft {
			pr.Add("status", "must be draft while the policy has no version")
		}
	} else if p.Status != cur.Status {
		pr.Add("status", "must be the status of the latest version (%s)", cur.Status)
	}
	numbers := map[string]bool{}
	published := 0
	for i := range p.Versions {
		v := &p.Versions[i]
		f := func(name string) string { return "versions[" + strconv.Itoa(i) + "]." + name }
		pr.Require(f("number"), v.Number)
		if numbers[v.Number] && v.Number != "" {
			pr.Add(f("number"), "must differ from the other versions' numbers")
		}
		numbers[v.Number] = true
		pr.Enum(f("status"), v.Status, PolicyStatuses, false)
		pr.Date(f("createdOn"), v.CreatedOn)
		pr.Date(f("publishedOn"), v.PublishedOn)
		if v.Status == PolicyPublished {
			published++
			if published > 1 {
				pr.Add(f("status"), "only one version may be published; retire the older one")
			}
			pr.RequireDate(f("publishedOn"), v.PublishedOn)
		}
		if i < len(p.Versions)-1 && (v.Status == PolicyDraft || v.Status == PolicyInReview) {
			pr.Add(f("status"), "an older version cannot still be %s", PolicyStatuses.Label(v.Status))
		}
		rejected := false
		for j, a := range v.Approvals {
			af := func(name string) string { return f(fmt.Sprintf("approvals[%d].%s", j, name)) }
			pr.Require(af("approverId"), a.ApproverID)
			pr.Enum(af("decision"), a.Decision, ApprovalDecisions, false)
			pr.RequireDate(af("at"), a.At)
			if a.Decision == DecisionRejected {
				rejected = true
				pr.Require(af("comment"), a.Comment)
			}
		}
		switch v.Status {
		case PolicyApproved, PolicyPublished:
			if !v.Approved() {
				pr.Add(f("approvals"), "an approved or published version needs an approving decision")
			}
		case PolicyRejected:
			if !rejected {
				pr.Add(f("approvals"), "a rejected version needs a rejecting decision with a comment")
			}
		}
	}
	return pr.Err()
}

// Terms implements Record.
func (p *Policy) Terms() Terms {
	var authors, approvers []string
	for _, v := range p.Versions {
		authors = append(authors, v.AuthorID)
		for _, a := range v.Approvals {
			approvers = append(approvers, a.ApproverID)
		}
	}
	return Terms{
		Ref: p.Ref, Title: p.Title, Status: p.Status, Owner: p.OwnerID, Due: p.NextReviewDate.Time(),
		Links: concatLinks(
			linkTo("approverId", KindPerson, p.ApproverID),
			linksTo("controlIds", KindControl, p.ControlIDs),
			dedupe(linksTo("versions.authorId", KindPerson, authors)),
			dedupe(linksTo("versions.approvals.approverId", KindPerson, approvers)),
		),
	}
}

// dedupe drops repeated links, keeping the first.
func dedupe(links []Link) []Link {
	seen := map[Link]bool{}
	var out []Link
	for _, l := range links {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// CheckPolicyChange checks an update of a policy against its stored state: a locked
// (approved, published or retired) version's number and text may not change, versions may
// not be removed, and each version's status may only follow the workflow.
func CheckPolicyChange(old, new *Policy) error {
	pr := NewProblems("policy")
	if len(new.Versions) < len(old.Versions) {
		pr.Add("versions", "versions cannot be removed")
		return pr.Err()
	}
	for i := range old.Versions {
		o, n := &old.Versions[i], &new.Versions[i]
		f := "versions[" + strconv.Itoa(i) + "]."
		if o.Locked() && (o.Text != n.Text || o.Number != n.Number || o.Summary != n.Summary) {
			pr.Add(f+"text", "version %s is %s and locked; start a new version to change it", o.Number, PolicyStatuses.Label(o.Status))
		}
		if !PolicyTransitionAllowed(o.Status, n.Status) {
			pr.Add(f+"status", "cannot move from %s to %s", PolicyStatuses.Label(o.Status), PolicyStatuses.Label(n.Status))
		}
		if len(n.Approvals) < len(o.Approvals) {
			pr.Add(f+"approvals", "recorded approvals cannot be removed")
		}
	}
	for i := len(old.Versions); i < len(new.Versions); i++ {
		if s := new.Versions[i].Status; s != PolicyDraft {
			pr.Add("versions["+strconv.Itoa(i)+"].status", "a new version starts as draft")
		}
	}
	return pr.Err()
}

// NewVersion starts a new draft version after the current one; it fails while the
// current version is still a draft or in review.
func (p *Policy) NewVersion(number, summary, text, authorID string, on Date) error {
	if cur := p.Current(); cur != nil && (cur.Status == PolicyDraft || cur.Status == PolicyInReview) {
		return &Error{Code: CodeInvalid, Message: "finish the current version before starting a new one",
			Fields: map[string]string{"status": "the current version is " + PolicyStatuses.Label(cur.Status)}}
	}
	p.Versions = append(p.Versions, PolicyVersion{Number: number, Summary: summary, Text: text,
		Status: PolicyDraft, AuthorID: authorID, CreatedOn: on})
	p.Status = PolicyDraft
	return p.Validate()
}

// Submit sends the current draft version for review.
func (p *Policy) Submit() error { return p.move(PolicyInReview, nil, "") }

// Approve records an approving decision on the current version under review.
func (p *Policy) Approve(approverID, comment string, at Date) error {
	return p.move(PolicyApproved, &Approval{ApproverID: approverID, Decision: DecisionApproved, Comment: comment, At: at}, "")
}

// Reject records a rejecting decision, which needs a comment, on the current version under review.
func (p *Policy) Reject(approverID, comment string, at Date) error {
	return p.move(PolicyRejected, &Approval{ApproverID: approverID, Decision: DecisionRejected, Comment: comment, At: at}, "")
}

// Publish publishes the current approved version and retires any previously published one.
func (p *Policy) Publish(on Date) error { return p.move(PolicyPublished, nil, on) }

// Retire retires the current version.
func (p *Policy) Retire() error { return p.move(PolicyRetired, nil, "") }

// move applies one workflow step to the current version and validates the result.
func (p *Policy) move(to string, a *Approval, on Date) error {
	cur := p.Current()
	if cur == nil {
		return &Error{Code: CodeInvalid, Message: "the policy has no version yet", Fields: map[string]string{"versions": "add a version first"}}
	}
	if !PolicyTransitionAllowed(cur.Status, to) || cur.Status == to {
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("a %s version cannot become %s",
			PolicyStatuses.Label(cur.Status), PolicyStatuses.Label(to)), Fields: map[string]string{"status": "not allowed now"}}
	}
	next := *p
	next.Versions = append([]PolicyVersion(nil), p.Versions...)
	v := &next.Versions[len(next.Versions)-1]
	v.Approvals = append([]Approval(nil), v.Approvals...)
	if a != nil {
		v.Approvals = append(v.Approvals, *a)
	}
	if to == PolicyPublished {
		v.PublishedOn = on
		for i := range next.Versions[:len(next.Versions)-1] {
			if next.Versions[i].Status == PolicyPublished {
				next.Versions[i].Status = PolicyRetired
			}
		}
	}
	v.Status = to
	next.Status = to
	if err := next.Validate(); err != nil {
		return err
	}
	*p = next
	return nil
}
