package isms

// Interested party categories (clause 4.2).
const (
	PartyCustomer  = "customer"
	PartyEmployee  = "employee"
	PartySupplier  = "supplier"
	PartyRegulator = "regulator"
	PartyOwner     = "owner"
	PartyPartner   = "partner"
	PartyPublic    = "public"
	PartyOther     = "other"
)

// PartyCategories lists the categories of interested party.
var PartyCategories = Enum{
	{PartyCustomer, "Customer"},
	{PartyEmployee, "Employee"},
	{PartySupplier, "Supplier"},
	{PartyRegulator, "Regulator or authority"},
	{PartyOwner, "Owner or investor"},
	{PartyPartner, "Partner"},
	{PartyPublic, "Public or community"},
	{PartyOther, "Other"},
}

// Influence levels of an interested party.
const (
	InfluenceLow    = "low"
	InfluenceMedium = "medium"
	InfluenceHigh   = "high"
)

// Influences lists an interested party's influence levels.
var Influences = Enum{
	{InfluenceLow, "Low"},
	{InfluenceMedium, "Medium"},
	{InfluenceHigh, "High"},
}

// Party is an interested party with its needs and expectations (clause 4.2).
type Party struct {
	Meta
	Ref                string   `json:"ref"`                // e.g. "IP-01"; optional
	Name               string   `json:"name"`               // the party, e.g. "Enterprise customers"
	Category           string   `json:"category"`           // one of PartyCategories
	Internal           bool     `json:"internal"`           // whether the party is inside the organisation
	Needs              string   `json:"needs"`              // needs and expectations
	Influence          string   `json:"influence"`          // one of Influences, optional
	OwnerID            string   `json:"ownerId"`            // who manages the relationship
	LastReviewed       Date     `json:"lastReviewed"`       // when the needs were last reviewed
	NextReview         Date     `json:"nextReview"`         // when they are next reviewed
	ChangedSinceReview bool     `json:"changedSinceReview"` // whether needs changed since the last management review (9.3.2 c)
	ChangeNote         string   `json:"changeNote"`         // what changed
	RequirementIDs     []string `json:"requirementIds"`     // relevant requirements that come from the party
	Notes              string   `json:"notes"`              // free text
}

// Kind implements Record.
func (*Party) Kind() Kind { return KindParty }

// Validate implements Record.
func (r *Party) Validate() error {
	p := NewProblems("interested party")
	p.MaxLen("ref", r.Ref, 64)
	p.Require("name", r.Name)
	p.MaxLen("name", r.Name, 300)
	p.Enum("category", r.Category, PartyCategories, false)
	p.Enum("influence", r.Influence, Influences, true)
	p.Date("lastReviewed", r.LastReviewed)
	p.Date("nextReview", r.NextReview)
	p.DateOrder("lastReviewed", r.LastReviewed, "nextReview", r.NextReview)
	p.IDs("requirementIds", r.RequirementIDs)
	if r.ChangedSinceReview {
		p.Require("changeNote", r.ChangeNote)
	}
	return p.Err()
}

// Terms implements Record.
func (r *Party) Terms() Terms {
	return Terms{
		Ref: r.Ref, Title: r.Name, Owner: r.OwnerID, Due: r.NextReview.Time(),
		Links: linksTo("requirementIds", KindRequirement, r.RequirementIDs),
	}
}
