package isms

import "strings"

// Training statuses.
const (
	TrainingPlanned   = "planned"
	TrainingHeld      = "held"
	TrainingCancelled = "cancelled"
)

// TrainingStatuses lists a training session's statuses.
var TrainingStatuses = Enum{
	{TrainingPlanned, "Planned"},
	{TrainingHeld, "Held"},
	{TrainingCancelled, "Cancelled"},
}

// Training is a training session (clause 7.2). A required training must be attended by
// everyone holding one of its audience roles.
type Training struct {
	Meta
	Ref           string   `json:"ref"`           // e.g. "TR-01"; optional
	Topic         string   `json:"topic"`         // what the training is about
	Description   string   `json:"description"`   // content and learning goals
	RoleIDs       []string `json:"roleIds"`       // the audience roles
	Date          Date     `json:"date"`          // when it takes place
	Trainer       string   `json:"trainer"`       // who gives it (a person or provider)
	Materials     string   `json:"materials"`     // where the slides, handouts or course are
	Required      bool     `json:"required"`      // whether the audience must attend
	RenewalMonths int      `json:"renewalMonths"` // months after which attending must be renewed; 0: never
	DurationHours float64  `json:"durationHours"` // length in hours
	Status        string   `json:"status"`        // one of TrainingStatuses
	OwnerID       string   `json:"ownerId"`       // who organises it
	Effectiveness string   `json:"effectiveness"` // how the session's effectiveness was evaluated and what it showed (7.2 c)
}

// Kind implements Record.
func (*Training) Kind() Kind { return KindTraining }

// Validate implements Record.
func (t *Training) Validate() error {
	p := NewProblems("training")
	p.MaxLen("ref", t.Ref, 64)
	p.Require("topic", t.Topic)
	p.MaxLen("topic", t.Topic, 300)
	p.RequireDate("date", t.Date)
	p.Enum("status", t.Status, TrainingStatuses, false)
	p.IDs("roleIds", t.RoleIDs)
	if t.DurationHours < 0 || t.DurationHours > 1000 {
		p.Add("durationHours", "must be between 0 and 1000")
	}
	if t.Required && len(t.RoleIDs) == 0 {
		p.Add("roleIds", "a required training needs at least one audience role")
	}
	p.Range("renewalMonths", t.RenewalMonths, 0, 120)
	p.MaxLen("effectiveness", t.Effectiveness, 4000)
	return p.Err()
}

// ExpiresOn is when attending the training on the given day stops counting for
// competence: that day plus the renewal period; "" when it never expires.
func (t *Training) ExpiresOn(attended Date) Date {
	if t.RenewalMonths <= 0 || !attended.Valid() {
		return ""
	}
	return DateOf(attended.Time().AddDate(0, t.RenewalMonths, 0))
}

// TopicKey is what makes sessions the same training for competence: their topic, whatever
// the case and spacing (this year's "Security awareness" renews last year's).
func (t *Training) TopicKey() string {
	return strings.Join(strings.Fields(strings.ToLower(t.Topic)), " ")
}

// Terms implements Record.
func (t *Training) Terms() Terms {
	return Terms{
		Ref: t.Ref, Title: t.Topic, Status: t.Status, Owner: t.OwnerID, Due: t.Date.Time(),
		Links: linksTo("roleIds", KindRole, t.RoleIDs),
	}
}

// Attendance statuses.
const (
	AttendanceAttended = "attended"
	AttendanceAbsent   = "absent"
	AttendanceExcused  = "excused"
)

// AttendanceStatuses lists whether a person attended a training.
var AttendanceStatuses = Enum{
	{AttendanceAttended, "Attended"},
	{AttendanceAbsent, "Absent"},
	{AttendanceExcused, "Excused"},
}

// Attendance records one person's attendance at one training (clause 7.2 evidence of competence).
type Attendance struct {
	Meta
	TrainingID string  `json:"trainingId"` // the training
	PersonID   string  `json:"personId"`   // the person
	Status     string  `json:"status"`     // one of AttendanceStatuses
	Date       Date    `json:"date"`       // when attended, if different from the training's date
	Score      float64 `json:"score"`      // test score in percent, 0..100; 0 when none
	Note       string  `json:"note"`       // free text
}

// Kind implements Record.
func (*Attendance) Kind() Kind { return KindAttendance }

// Validate implements Record.
func (a *Attendance) Validate() error {
	p := NewProblems("attendance")
	p.Require("trainingId", a.TrainingID)
	p.Require("personId", a.PersonID)
	p.Enum("status", a.Status, AttendanceStatuses, false)
	p.Date("date", a.Date)
	if a.Score < 0 || a.Score > 100 {
		p.Add("score", "must be between 0 and 100")
	}
	return p.Err()
}

// Terms implements Record.
func (a *Attendance) Terms() Terms {
	return Terms{
		Status: a.Status,
		Links: concatLinks(
			linkTo("trainingId", KindTraining, a.TrainingID),
			linkTo("personId", KindPerson, a.PersonID),
		),
	}
}

// AttendedOn is the date a person attended the training t: the record's own date, else
// the training's date; "" when the record does not say they attended.
func (a *Attendance) AttendedOn(t *Training) Date {
	if a.Status != AttendanceAttended {
		return ""
	}
	if a.Date != "" || t == nil {
		return a.Date
	}
	return t.Date
}

// SameDate reports whether two attendance dates at the training t are the same day: a
// blank date is the training's date.
func (t *Training) SameDate(a, b Date) bool {
	if a == "" {
		a = t.Date
	}
	if b == "" {
		b = t.Date
	}
	return a == b
}

// RequiredFor returns the roles among a person's roleIDs for which the training is
// required: a required training that is not cancelled is required for each of its
// audience roles. It returns nil when the training is required for none of them.
func (t *Training) RequiredFor(roleIDs []string) []string {
	if !t.Required || t.Status == TrainingCancelled {
		return nil
	}
	var out []string
	for _, r := range roleIDs {
		for _, a := range t.RoleIDs {
			if r == a {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// Attend checks that attendance can be recorded at the training on a date (blank: the
// training's date) as of today: not at a cancelled training, not on a future date. When
// someone attended a planned training, the training has been held: its status says so.
// It returns the date to record.
func (t *Training) Attend(on, today Date, attended bool) (Date, error) {
	if on == "" {
		on = t.Date
	}
	p := NewProblems("attendance")
	p.Date("on", on)
	if on.Valid() && today != "" && today.Before(on) {
		p.Add("on", "is in the future: record attendance once the training has taken place")
	}
	if err := p.Err(); err != nil {
		return "", err
	}
	if t.Status == TrainingCancelled {
		return "", Errorf(CodeInvalid, "%s was cancelled: nobody can attend it", t.label())
	}
	if attended && t.Status == TrainingPlanned {
		t.Status = TrainingHeld
	}
	return on, nil
}

func (t *Training) label() string {
	if t.Ref != "" {
		return t.Ref + " " + t.Topic
	}
	return "The training " + t.Topic
}
