package isms

// Communication channels (clauses 7.3, 7.4).
const (
	ChannelEmail      = "email"
	ChannelPoster     = "poster"
	ChannelIntranet   = "intranet"
	ChannelMeeting    = "meeting"
	ChannelNewsletter = "newsletter"
	ChannelELearning  = "elearning"
	ChannelOther      = "other"
)

// Channels lists the channels of awareness campaigns and communications.
var Channels = Enum{
	{ChannelEmail, "E-mail"},
	{ChannelPoster, "Poster"},
	{ChannelIntranet, "Intranet"},
	{ChannelMeeting, "Meeting"},
	{ChannelNewsletter, "Newsletter"},
	{ChannelELearning, "E-learning"},
	{ChannelOther, "Other"},
}

// Campaign statuses.
const (
	CampaignPlanned   = "planned"
	CampaignActive    = "active"
	CampaignCompleted = "completed"
	CampaignCancelled = "cancelled"
)

// CampaignStatuses lists an awareness campaign's statuses.
var CampaignStatuses = Enum{
	{CampaignPlanned, "Planned"},
	{CampaignActive, "Active"},
	{CampaignCompleted, "Completed"},
	{CampaignCancelled, "Cancelled"},
}

// Campaign is an awareness campaign (clause 7.3).
type Campaign struct {
	Meta
	Ref         string   `json:"ref"`         // e.g. "AW-01"; optional
	Title       string   `json:"title"`       // e.g. "Phishing awareness month"
	Description string   `json:"description"` // messages and goals
	Channels    []string `json:"channels"`    // values of Channels
	Audience    string   `json:"audience"`    // who it addresses
	RoleIDs     []string `json:"roleIds"`     // audience roles, optional
	StartDate   Date     `json:"startDate"`   // first day
	EndDate     Date     `json:"endDate"`     // last day
	Status      string   `json:"status"`      // one of CampaignStatuses
	OwnerID     string   `json:"ownerId"`     // who runs it
}

// Kind implements Record.
func (*Campaign) Kind() Kind { return KindCampaign }

// Validate implements Record.
func (c *Campaign) Validate() error {
	p := NewProblems("awareness campaign")
	p.MaxLen("ref", c.Ref, 64)
	p.Require("title", c.Title)
	p.MaxLen("title", c.Title, 300)
	if len(c.Channels) == 0 {
		p.Add("channels", "needs at least one channel")
	}
	for _, ch := range c.Channels {
		p.Enum("channels", ch, Channels, false)
	}
	p.IDs("roleIds", c.RoleIDs)
	p.RequireDate("startDate", c.StartDate)
	p.Date("endDate", c.EndDate)
	p.DateOrder("startDate", c.StartDate, "endDate", c.EndDate)
	p.Enum("status", c.Status, CampaignStatuses, false)
	return p.Err()
}

// Terms implements Record.
func (c *Campaign) Terms() Terms {
	return Terms{
		Ref: c.Ref, Title: c.Title, Status: c.Status, Owner: c.OwnerID, Due: c.EndDate.Time(),
		Links: linksTo("roleIds", KindRole, c.RoleIDs),
	}
}

// Communication is an entry of the communication log (clause 7.4): what, when, to whom,
// how and by whom.
type Communication struct {
	Meta
	Subject    string `json:"subject"`    // what was communicated
	Date       Date   `json:"date"`       // when
	Audience   string `json:"audience"`   // to whom
	Channel    string `json:"channel"`    // one of Channels
	Reach      int    `json:"reach"`      // how many people it reached, 0 when unknown
	OwnerID    string `json:"ownerId"`    // who communicated
	CampaignID string `json:"campaignId"` // the campaign it belongs to, optional
	Notes      string `json:"notes"`      // free text
}

// Kind implements Record.
func (*Communication) Kind() Kind { return KindCommunication }

// Validate implements Record.
func (c *Communication) Validate() error {
	p := NewProblems("communication")
	p.Require("subject", c.Subject)
	p.MaxLen("subject", c.Subject, 300)
	p.RequireDate("date", c.Date)
	p.Enum("channel", c.Channel, Channels, false)
	if c.Reach < 0 {
		p.Add("reach", "must not be negative")
	}
	return p.Err()
}

// Terms implements Record.
func (c *Communication) Terms() Terms {
	return Terms{
		Title: c.Subject, Owner: c.OwnerID,
		Links: linkTo("campaignId", KindCampaign, c.CampaignID),
	}
}
