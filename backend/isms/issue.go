package isms

// Issue types (clause 4.1).
const (
	IssueInternal = "internal"
	IssueExternal = "external"
)

// IssueTypes lists whether an issue is internal or external.
var IssueTypes = Enum{
	{IssueInternal, "Internal"},
	{IssueExternal, "External"},
}

// Issue categories, a PESTLE list for external issues plus the usual internal ones.
const (
	CategoryPolitical      = "political"
	CategoryEconomic       = "economic"
	CategorySocial         = "social"
	CategoryTechnological  = "technological"
	CategoryLegal          = "legal"
	CategoryEnvironmental  = "environmental"
	CategoryOrganisational = "organisational"
	CategoryPeople         = "people"
	CategoryOther          = "other"
)

// IssueCategories lists the categories of an issue.
var IssueCategories = Enum{
	{CategoryPolitical, "Political"},
	{CategoryEconomic, "Economic"},
	{CategorySocial, "Social"},
	{CategoryTechnological, "Technological"},
	{CategoryLegal, "Legal and regulatory"},
	{CategoryEnvironmental, "Environmental"},
	{CategoryOrganisational, "Organisational"},
	{CategoryPeople, "People and culture"},
	{CategoryOther, "Other"},
}

// Issue statuses.
const (
	IssueOpen      = "open"
	IssueMonitored = "monitored"
	IssueClosed    = "closed"
)

// IssueStatuses lists an issue's statuses.
var IssueStatuses = Enum{
	{IssueOpen, "Open"},
	{IssueMonitored, "Monitored"},
	{IssueClosed, "Closed"},
}

// Issue is an external or internal issue relevant to the ISMS (clause 4.1).
type Issue struct {
	Meta
	Ref                string   `json:"ref"`                // e.g. "ISS-01"; optional
	Title              string   `json:"title"`              // a short name
	Type               string   `json:"type"`               // one of IssueTypes
	Category           string   `json:"category"`           // one of IssueCategories, optional
	Description        string   `json:"description"`        // what the issue is
	Impact             string   `json:"impact"`             // how it affects the ISMS's intended outcomes
	OwnerID            string   `json:"ownerId"`            // who keeps an eye on it
	Status             string   `json:"status"`             // one of IssueStatuses
	DateIdentified     Date     `json:"dateIdentified"`     // when it was identified
	LastReviewed       Date     `json:"lastReviewed"`       // when it was last reviewed
	NextReview         Date     `json:"nextReview"`         // when it is next reviewed
	ChangedSinceReview bool     `json:"changedSinceReview"` // whether it changed since the last management review (9.3.2 b)
	ChangeNote         string   `json:"changeNote"`         // what changed
	RiskIDs            []string `json:"riskIds"`            // risks it gives rise to
}

// Kind implements Record.
func (*Issue) Kind() Kind { return KindIssue }

// Validate implements Record.
func (i *Issue) Validate() error {
	p := NewProblems("issue")
	p.MaxLen("ref", i.Ref, 64)
	p.Require("title", i.Title)
	p.MaxLen("title", i.Title, 300)
	p.Enum("type", i.Type, IssueTypes, false)
	p.Enum("category", i.Category, IssueCategories, true)
	p.Enum("status", i.Status, IssueStatuses, false)
	p.Date("dateIdentified", i.DateIdentified)
	p.Date("lastReviewed", i.LastReviewed)
	p.Date("nextReview", i.NextReview)
	p.DateOrder("dateIdentified", i.DateIdentified, "lastReviewed", i.LastReviewed)
	p.DateOrder("lastReviewed", i.LastReviewed, "nextReview", i.NextReview)
	p.IDs("riskIds", i.RiskIDs)
	if i.ChangedSinceReview {
		p.Require("changeNote", i.ChangeNote)
	}
	return p.Err()
}

// Terms implements Record.
func (i *Issue) Terms() Terms {
	return Terms{
		Ref: i.Ref, Title: i.Title, Status: i.Status, Owner: i.OwnerID, Due: i.NextReview.Time(),
		Links: linksTo("riskIds", KindRisk, i.RiskIDs),
	}
}
