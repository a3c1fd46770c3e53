package isms

// Asset types of the inventory of information and other associated assets (A.5.9).
const (
	AssetInformation = "information"
	AssetSoftware    = "software"
	AssetHardware    = "hardware"
	AssetService     = "service"
	AssetPeople      = "people"
	AssetSite        = "site"
	AssetOther       = "other"
)

// AssetTypes lists the types of an asset.
var AssetTypes = Enum{
	{AssetInformation, "Information"},
	{AssetSoftware, "Software"},
	{AssetHardware, "Hardware"},
	{AssetService, "Service"},
	{AssetPeople, "People"},
	{AssetSite, "Site or premises"},
	{AssetOther, "Other"},
}

// Classification levels of information (A.5.12).
const (
	ClassPublic       = "public"
	ClassInternal     = "internal"
	ClassConfidential = "confidential"
	ClassRestricted   = "restricted"
)

// Classifications lists the classification levels, least sensitive first.
var Classifications = Enum{
	{ClassPublic, "Public"},
	{ClassInternal, "Internal"},
	{ClassConfidential, "Confidential"},
	{ClassRestricted, "Restricted"},
}

// Asset statuses.
const (
	AssetInUse   = "in_use"
	AssetPlanned = "planned"
	AssetRetired = "retired"
)

// AssetStatuses lists an asset's statuses.
var AssetStatuses = Enum{
	{AssetInUse, "In use"},
	{AssetPlanned, "Planned"},
	{AssetRetired, "Retired"},
}

// Asset is an entry of the inventory of information and other associated assets
// (A.5.9), with its owner, custodian and classification (A.5.12).
type Asset struct {
	Meta
	Ref            string   `json:"ref"`            // e.g. "AST-001"
	Name           string   `json:"name"`           // what the asset is
	Type           string   `json:"type"`           // one of AssetTypes
	OwnerID        string   `json:"ownerId"`        // the accountable asset owner
	CustodianID    string   `json:"custodianId"`    // who looks after it day to day
	Location       string   `json:"location"`       // where it is kept or runs
	Classification string   `json:"classification"` // one of Classifications, optional
	Description    string   `json:"description"`    // details
	AcquiredOn     Date     `json:"acquiredOn"`     // when it was acquired or created
	ReviewDate     Date     `json:"reviewDate"`     // when the entry is next reviewed
	Status         string   `json:"status"`         // one of AssetStatuses
	RiskIDs        []string `json:"riskIds"`        // risks to the asset
	ControlIDs     []string `json:"controlIds"`     // controls that protect it
	Notes          string   `json:"notes"`          // free text
}

// Kind implements Record.
func (*Asset) Kind() Kind { return KindAsset }

// Validate implements Record.
func (a *Asset) Validate() error {
	p := NewProblems("asset")
	p.Require("ref", a.Ref)
	p.MaxLen("ref", a.Ref, 64)
	p.Require("name", a.Name)
	p.MaxLen("name", a.Name, 300)
	p.Enum("type", a.Type, AssetTypes, false)
	p.Enum("classification", a.Classification, Classifications, true)
	p.Enum("status", a.Status, AssetStatuses, false)
	p.Date("acquiredOn", a.AcquiredOn)
	p.Date("reviewDate", a.ReviewDate)
	p.IDs("riskIds", a.RiskIDs)
	p.IDs("controlIds", a.ControlIDs)
	return p.Err()
}

// Terms implements Record.
func (a *Asset) Terms() Terms {
	return Terms{
		Ref: a.Ref, Title: a.Name, Status: a.Status, Owner: a.OwnerID, Due: a.ReviewDate.Time(),
		Links: concatLinks(
			linksTo("riskIds", KindRisk, a.RiskIDs),
			linksTo("controlIds", KindControl, a.ControlIDs),
			linkTo("custodianId", KindPerson, a.CustodianID),
		),
	}
}
