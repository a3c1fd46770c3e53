package isms

import (
	"fmt"
	"slices"
	"strings"
)

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
	Audience    string   `json:"audience"`    // who it addresses, in words
	RoleIDs     []string `json:"roleIds"`     // audience roles, optional
	// AudienceSize is how many people the campaign addresses; 0 when saved is counted
	// from the people (see AudienceOf).
	AudienceSize int    `json:"audienceSize"`
	StartDate    Date   `json:"startDate"` // first day
	EndDate      Date   `json:"endDate"`   // last day
	Status       string `json:"status"`    // one of CampaignStatuses
	OwnerID      string `json:"ownerId"`   // who runs it
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
	if c.AudienceSize < 0 {
		p.Add("audienceSize", "must not be negative")
	}
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
// how and by whom, and how many distinct people it reached out of its audience.
type Communication struct {
	Meta
	Subject  string   `json:"subject"`  // what was communicated
	Date     Date     `json:"date"`     // when
	Audience string   `json:"audience"` // to whom, in words
	RoleIDs  []string `json:"roleIds"`  // the audience roles, optional: their active members are the audience
	// AudienceSize is how many people the channel reaches; 0 when saved is counted from
	// the people (see AudienceOf).
	AudienceSize int    `json:"audienceSize"`
	Channel      string `json:"channel"` // one of Channels
	// RecipientIDs are the people reached, when they are known by name (a meeting's
	// attendees); Reach is then their number.
	RecipientIDs []string `json:"recipientIds"`
	Reach        int      `json:"reach"`      // how many distinct people it reached, at most AudienceSize; 0 when unknown
	OwnerID      string   `json:"ownerId"`    // who communicated
	CampaignID   string   `json:"campaignId"` // the campaign it belongs to, optional
	Notes        string   `json:"notes"`      // free text
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
	p.IDs("roleIds", c.RoleIDs)
	p.IDs("recipientIds", c.RecipientIDs)
	switch {
	case c.AudienceSize < 0:
		p.Add("audienceSize", "must not be negative")
	case c.Reach < 0:
		p.Add("reach", "must not be negative")
	case len(c.RecipientIDs) > 0 && c.Reach != len(c.RecipientIDs):
		p.Add("reach", "must be the number of people reached (%d)", len(c.RecipientIDs))
	case c.Reach > 0 && c.AudienceSize == 0:
		p.Add("audienceSize", "is needed with a reach: give how many people the audience has")
	case c.Reach > c.AudienceSize && len(c.RecipientIDs) > 0:
		p.Add("recipientIds", "%s more people than the audience (%s): add to the audience size or remove people reached",
			plural(c.Reach, "names one", "names %d"), plural(c.AudienceSize, "1 person", "%d people"))
	case c.Reach > c.AudienceSize:
		p.Add("reach", "counts distinct people and cannot be more than the audience (%s)", plural(c.AudienceSize, "1 person", "%d people"))
	}
	return p.Err()
}

// plural returns one for n == 1, else many with n in place of its %d.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

// Terms implements Record.
func (c *Communication) Terms() Terms {
	return Terms{
		Title: c.Subject, Owner: c.OwnerID,
		Links: concatLinks(
			linkTo("campaignId", KindCampaign, c.CampaignID),
			linksTo("roleIds", KindRole, c.RoleIDs),
			linksTo("recipientIds", KindPerson, c.RecipientIDs),
		),
	}
}

// AudienceOf counts the people of an audience: the active people holding one of roleIDs,
// or every active person (all staff) when roleIDs is empty. Each person counts once.
func AudienceOf(people []*Person, roleIDs []string) int {
	want := make(map[string]bool, len(roleIDs))
	for _, r := range roleIDs {
		want[r] = true
	}
	n := 0
	for _, p := range people {
		if !p.Active {
			continue
		}
		if len(want) == 0 || slices.ContainsFunc(p.RoleIDs, func(r string) bool { return want[r] }) {
			n++
		}
	}
	return n
}

// Count prepares a communication for saving: the people reached are listed once each
// and counted as its reach, and an audience size left at 0 is counted from the people:
// the members of its audience roles, else of its campaign's roles (campaign may be nil),
// else all active staff. Validate then keeps the reach within the audience.
func (c *Communication) Count(people []*Person, campaign *Campaign) {
	if len(c.RecipientIDs) > 0 {
		var ids []string
		for _, id := range c.RecipientIDs {
			if id = strings.TrimSpace(id); id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		c.RecipientIDs, c.Reach = ids, len(ids)
	}
	if c.AudienceSize != 0 {
		return
	}
	roles := c.RoleIDs
	if len(roles) == 0 && campaign != nil {
		if campaign.AudienceSize > 0 && len(campaign.RoleIDs) == 0 {
			c.AudienceSize = campaign.AudienceSize
			return
		}
		roles = campaign.RoleIDs
	}
	c.AudienceSize = AudienceOf(people, roles)
}

// Reach is how many distinct people a campaign reached out of its audience.
type Reach struct {
	Reached        int `json:"reached"`        // distinct people reached, at most Audience
	Audience       int `json:"audience"`       // the campaign's audience size
	Communications int `json:"communications"` // communications logged for it
}

// ReachOf counts the distinct people a campaign's communications reached. People reached
// by name count once however many communications reached them; a communication known
// only by its number of people may have reached the same people as the others, so it
// adds nobody beyond the largest such number. The result never exceeds the campaign's
// audience: its size, or (when 0, as on records kept before sizes) the people counted by
// AudienceOf. Nobody is counted twice.
func (c *Campaign) ReachOf(comms []*Communication, people []*Person) Reach {
	out := Reach{Audience: c.AudienceSize}
	if out.Audience == 0 {
		out.Audience = AudienceOf(people, c.RoleIDs)
	}
	named := map[string]bool{}
	largest := 0
	for _, m := range comms {
		if m.CampaignID != c.ID {
			continue
		}
		out.Communications++
		if len(m.RecipientIDs) > 0 {
			for _, id := range m.RecipientIDs {
				named[id] = true
			}
			continue
		}
		largest = max(largest, m.Reach)
	}
	out.Reached = max(len(named), largest)
	if out.Audience > 0 {
		out.Reached = min(out.Reached, out.Audience)
	}
	return out
}
