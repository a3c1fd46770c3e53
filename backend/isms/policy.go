package isms

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
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
	Role       string `json:"role"`       // the role the approver decided in, e.g. "Senior Management"
	Decision   string `json:"decision"`   // one of ApprovalDecisions
	Method     string `json:"method"`     // one of ApprovalMethods: how the decision was given
	Comment    string `json:"comment"`    // required when rejected
	At         Date   `json:"at"`         // when the decision was made
	TextSHA256 string `json:"textSha256"` // SHA-256 of the version's text as decided
}

// Acknowledgement records that a person has read and accepted a published version (7.3).
type Acknowledgement struct {
	PersonID string `json:"personId"`
	On       Date   `json:"on"`
}

// Outcomes of a policy review.
const (
	ReviewNoChange   = "no_change"
	ReviewNewVersion = "new_version"
)

// PolicyReviewOutcomes lists what a periodic review of a policy concluded.
var PolicyReviewOutcomes = Enum{
	{ReviewNoChange, "Reviewed, no change"},
	{ReviewNewVersion, "Reviewed, new version started"},
}

// PolicyReview is one periodic review of a policy (5.2, 7.5.2).
type PolicyReview struct {
	On         Date   `json:"on"`
	ReviewerID string `json:"reviewerId"`
	Outcome    string `json:"outcome"` // one of PolicyReviewOutcomes
	Note       string `json:"note"`
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
	// Acknowledgements are the people who acknowledged the version once published.
	Acknowledgements []Acknowledgement `json:"acknowledgements"`
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
	Reviews           []PolicyReview  `json:"reviews"`           // periodic reviews, oldest first
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
	var authors, approvers, reviewers []string
	for _, v := range p.Versions {
		authors = append(authors, v.AuthorID)
		for _, a := range v.Approvals {
			approvers = append(approvers, a.ApproverID)
		}
	}
	for _, r := range p.Reviews {
		reviewers = append(reviewers, r.ReviewerID)
	}
	return Terms{
		Ref: p.Ref, Title: p.Title, Status: p.Status, Owner: p.OwnerID, Due: p.NextReviewDate.Time(),
		Links: concatLinks(
			linkTo("approverId", KindPerson, p.ApproverID),
			linksTo("controlIds", KindControl, p.ControlIDs),
			dedupe(linksTo("versions.authorId", KindPerson, authors)),
			dedupe(linksTo("versions.approvals.approverId", KindPerson, approvers)),
			dedupe(linksTo("reviews.reviewerId", KindPerson, reviewers)),
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

// CheckPolicyChange checks an update of a policy against its stored state (a new policy
// against an empty one): the approver is not the owner, who writes the versions; a locked
// (approved, published or retired) version's number and text may not change, versions may
// not be removed, and each version's status may only follow the workflow.
func CheckPolicyChange(old, new *Policy) error {
	pr := NewProblems("policy")
	if new.ApproverID != "" && new.ApproverID == new.OwnerID {
		pr.Add("approverId", "must differ from the owner, who writes the versions")
	}
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
		if len(n.Acknowledgements) < len(o.Acknowledgements) {
			pr.Add(f+"acknowledgements", "recorded acknowledgements cannot be removed")
		}
	}
	if len(new.Reviews) < len(old.Reviews) {
		pr.Add("reviews", "recorded reviews cannot be removed")
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

// placeholder finds the template placeholders still to fill in, such as "[Organisation]".
// A Markdown link's text, "[text](address)", is not one.
var placeholder = regexp.MustCompile(`\[[A-Za-z][A-Za-z ,/'-]{2,60}\]`)

// placeholders returns the distinct placeholders left in a text, at most four.
func placeholders(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range placeholder.FindAllStringIndex(text, -1) {
		if m[1] < len(text) && (text[m[1]] == '(' || text[m[1]] == '[') {
			continue
		}
		if w := text[m[0]:m[1]]; !seen[w] && len(out) < 4 {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// Submit sends the current draft version for review: it needs an owner and an approver,
// some text, and no template placeholder left to fill in.
func (p *Policy) Submit() error {
	pr := NewProblems("policy")
	pr.Require("ownerId", p.OwnerID)
	if p.ApproverID == "" {
		pr.Add("approverId", "choose who approves the policy before sending it for approval")
	}
	if cur := p.Current(); cur != nil {
		if strings.TrimSpace(cur.Text) == "" {
			pr.Add("text", "write the text before sending it for approval")
		} else if left := placeholders(cur.Text); len(left) > 0 {
			pr.Add("text", "fill in the placeholders first: %s", strings.Join(left, ", "))
		}
	}
	if err := pr.Err(); err != nil {
		return err
	}
	return p.move(PolicyInReview, nil, "")
}

// PolicyDecision is an approver's decision on the version under review, as the approver gives it.
type PolicyDecision struct {
	ApproverID string `json:"approverId"`
	Role       string `json:"role"`    // the role the approver holds, e.g. "Senior Management"
	Method     string `json:"method"`  // one of ApprovalMethods
	Comment    string `json:"comment"` // required to reject
	At         Date   `json:"at"`
}

func (d PolicyDecision) approval(decision string, text string) *Approval {
	sum := sha256.Sum256([]byte(text))
	method := d.Method
	if method == "" {
		method = ApprovedInApp
	}
	return &Approval{ApproverID: d.ApproverID, Role: d.Role, Decision: decision, Method: method,
		Comment: strings.TrimSpace(d.Comment), At: d.At, TextSHA256: hex.EncodeToString(sum[:])}
}

// Approve records an approving decision on the current version under review, with the
// SHA-256 of the text approved. The approver is not the version's author.
func (p *Policy) Approve(d PolicyDecision) error {
	if err := p.checkDecider(d); err != nil {
		return err
	}
	return p.move(PolicyApproved, d.approval(DecisionApproved, p.Current().Text), "")
}

// Reject records a rejecting decision, which needs a comment, on the current version under review.
func (p *Policy) Reject(d PolicyDecision) error {
	if err := p.checkDecider(d); err != nil {
		return err
	}
	if strings.TrimSpace(d.Comment) == "" {
		return &Error{Code: CodeInvalid, Message: "say why the version is rejected",
			Fields: map[string]string{"comment": "is required to reject a version"}}
	}
	return p.move(PolicyRejected, d.approval(DecisionRejected, p.Current().Text), "")
}

// checkDecider checks who decides: someone, on a date, in a known way, and not the author.
func (p *Policy) checkDecider(d PolicyDecision) error {
	pr := NewProblems("approval")
	pr.Require("approverId", d.ApproverID)
	pr.RequireDate("at", d.At)
	pr.Enum("method", d.Method, ApprovalMethods, true)
	if cur := p.Current(); cur != nil && d.ApproverID != "" && d.ApproverID == cur.AuthorID {
		pr.Add("approverId", "the author of a version cannot approve or reject it")
	}
	if p.ApproverID != "" && d.ApproverID != "" && d.ApproverID != p.ApproverID {
		pr.Add("approverId", "only the policy's approver can approve or reject it")
	}
	return pr.Err()
}

// Acknowledge records that people have acknowledged the published version on a date
// not after today ("" skips that check); people who already did are left as they were.
func (p *Policy) Acknowledge(personIDs []string, on, today Date) error {
	if today != "" && today.Before(on) {
		return &Error{Code: CodeInvalid, Message: "an acknowledgement cannot be dated in the future",
			Fields: map[string]string{"on": "must not be after today (" + string(today) + ")"}}
	}
	v := p.Effective()
	if v == nil {
		return &Error{Code: CodeInvalid, Message: "only a published version can be acknowledged",
			Fields: map[string]string{"status": "publish the policy first"}}
	}
	if !on.Valid() || on == "" {
		return &Error{Code: CodeInvalid, Message: "the date is not valid", Fields: map[string]string{"on": "is required"}}
	}
	done := map[string]bool{}
	for _, a := range v.Acknowledgements {
		done[a.PersonID] = true
	}
	for _, id := range personIDs {
		if id != "" && !done[id] {
			v.Acknowledgements = append(v.Acknowledgements, Acknowledgement{PersonID: id, On: on})
			done[id] = true
		}
	}
	return p.Validate()
}

// Review records a periodic review of the policy and sets the next review date from the
// review cycle (12 months when none is set). A review that changes the policy starts a
// new draft version with NewVersion and records outcome ReviewNewVersion.
func (p *Policy) Review(on Date, reviewerID, outcome, note string) error {
	pr := NewProblems("policy review")
	pr.RequireDate("on", on)
	pr.Require("reviewerId", reviewerID)
	pr.Enum("outcome", outcome, PolicyReviewOutcomes, false)
	if err := pr.Err(); err != nil {
		return err
	}
	cycle := p.ReviewCycleMonths
	if cycle == 0 {
		cycle = 12
	}
	p.Reviews = append(p.Reviews, PolicyReview{On: on, ReviewerID: reviewerID, Outcome: outcome, Note: strings.TrimSpace(note)})
	p.LastReviewed = on
	p.NextReviewDate = on.AddDate(0, cycle, 0)
	return p.Validate()
}

// ReviewOverdue reports whether the policy's next review date has passed.
func (p *Policy) ReviewOverdue(today Date) bool {
	return p.Status != PolicyRetired && p.NextReviewDate.Before(today)
}

// Publish publishes the current approved version, on or after its approval, and retires
// any previously published one.
func (p *Policy) Publish(on Date) error {
	if cur := p.Current(); cur != nil && on != "" {
		for _, a := range cur.Approvals {
			if a.Decision == DecisionApproved && on.Before(a.At) {
				return &Error{Code: CodeInvalid, Message: fmt.Sprintf("version %s was approved on %s: it cannot be published before", cur.Number, a.At),
					Fields: map[string]string{"publishedOn": "must not be before the approval (" + string(a.At) + ")"}}
			}
		}
	}
	return p.move(PolicyPublished, nil, on)
}

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
		if next.NextReviewDate == "" {
			cycle := next.ReviewCycleMonths
			if cycle == 0 {
				cycle = 12
			}
			next.NextReviewDate = on.AddDate(0, cycle, 0)
		}
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
