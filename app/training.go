package app

import (
	"slices"
	"sort"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// The bound services of competence, awareness and communication (7.2, 7.3, 7.4):
// training sessions with attendance per person, who still lacks a required training,
// awareness campaigns and the communication log.

// TrainingService keeps the training sessions and their attendance (7.2).
type TrainingService struct{ app *App }

func (s *TrainingService) r() records[isms.Training, *isms.Training] {
	return kindOf[isms.Training](s.app, isms.KindTraining)
}

// List returns every training session.
func (s *TrainingService) List() ([]isms.Training, error) { return s.r().list() }

// Get returns one training session.
func (s *TrainingService) Get(id string) (isms.Training, error) { return s.r().get(id) }

// Create adds a training session; it starts planned unless said otherwise.
func (s *TrainingService) Create(t isms.Training) (isms.Training, error) {
	return s.r().create(t, func(_ *store.Tx, t *isms.Training) error {
		if t.Status == "" {
			t.Status = isms.TrainingPlanned
		}
		return nil
	})
}

// Update saves an edit of a training session.
func (s *TrainingService) Update(t isms.Training) (isms.Training, error) { return s.r().update(t, nil) }

// Delete removes a training session; it is refused while attendance is recorded for it.
func (s *TrainingService) Delete(id string, version int) error { return s.r().remove(id, version) }

// Attendance returns the attendance recorded for one training session.
func (s *TrainingService) Attendance(trainingID string) ([]isms.Attendance, error) {
	out := []isms.Attendance{}
	err := s.app.view(func(tx *store.Tx) error {
		if _, err := store.GetAs[*isms.Training](tx, isms.KindTraining, trainingID); err != nil {
			return err
		}
		list, err := attendanceAt(tx, trainingID)
		for _, a := range list {
			out = append(out, *a)
		}
		return err
	})
	return out, err
}

// RosterEntry is one person's line of a training's attendance as the window saves it.
type RosterEntry struct {
	PersonID string `json:"personId"`
	// Status is one of isms.AttendanceStatuses; "" records nothing (a record the person
	// already has is kept as it is).
	Status string `json:"status"`
	Date   string `json:"date"` // when attended; "" is the training's date
}

// SaveAttendance saves a training's whole roster, all or nothing (a store batch, so that a
// roster of thousands fits): who attended, who was absent or excused, and when. Only the
// records that change are written (one history entry each); a person has one record per
// training, never two; their score and note are kept. Attending a planned training marks
// it held. It returns the training's attendance.
func (s *TrainingService) SaveAttendance(trainingID string, roster []RosterEntry) ([]isms.Attendance, error) {
	err := s.app.batch(func(b *store.Batch) error {
		return s.saveRoster(b, trainingID, roster, "roster", "date")
	})
	if err != nil {
		return nil, err
	}
	return s.Attendance(trainingID)
}

// SetAttendance records, all or nothing, that each of the people attended the training
// (attended true) or did not (false, recorded as absent), on a date (blank: the training's
// date). It follows the rules of SaveAttendance.
func (s *TrainingService) SetAttendance(trainingID string, personIDs []string, attended bool, on string) error {
	status := isms.AttendanceAbsent
	if attended {
		status = isms.AttendanceAttended
	}
	roster := make([]RosterEntry, 0, len(personIDs))
	seen := map[string]bool{}
	for _, pid := range personIDs {
		if pid = strings.TrimSpace(pid); pid != "" && !seen[pid] {
			seen[pid] = true
			roster = append(roster, RosterEntry{PersonID: pid, Status: status, Date: on})
		}
	}
	return s.app.batch(func(b *store.Batch) error { return s.saveRoster(b, trainingID, roster, "personIds", "on") })
}

// saveRoster writes the changes a roster makes to a training's attendance; peopleField and
// dateField name the fields its problems are reported on.
func (s *TrainingService) saveRoster(b *store.Batch, trainingID string, roster []RosterEntry, peopleField, dateField string) error {
	var t *isms.Training
	var existing []*isms.Attendance
	err := b.Do(func(tx *store.Tx) (err error) {
		if t, err = store.GetAs[*isms.Training](tx, isms.KindTraining, trainingID); err != nil {
			return err
		}
		existing, err = attendanceAt(tx, trainingID)
		return err
	})
	if err != nil {
		return err
	}
	wasStatus := t.Status
	today := isms.DateOf(s.app.clock())
	byPerson := map[string][]*isms.Attendance{}
	for _, a := range existing {
		byPerson[a.PersonID] = append(byPerson[a.PersonID], a)
	}
	seen := map[string]bool{}
	// one person's line: its writes go in one step of the batch
	line := func(tx *store.Tx, e RosterEntry) error {
		pid := strings.TrimSpace(e.PersonID)
		if pid == "" {
			return nil
		}
		person, err := store.GetAs[*isms.Person](tx, isms.KindPerson, pid)
		if isms.ErrorCode(err) == isms.CodeNotFound {
			return &isms.Error{Code: isms.CodeInvalid, Message: "one of the people chosen no longer exists: reload the page",
				Fields: map[string]string{peopleField: "no person with ID " + pid}}
		} else if err != nil {
			return err
		}
		if seen[pid] {
			return &isms.Error{Code: isms.CodeInvalid, Message: person.Name + " is listed twice: reload the page",
				Fields: map[string]string{peopleField: "lists " + person.Name + " twice"}}
		}
		seen[pid] = true
		if e.Status == "" {
			return nil // nothing recorded; a record there is kept
		}
		if !isms.AttendanceStatuses.Has(e.Status) {
			return &isms.Error{Code: isms.CodeInvalid, Message: person.Name + ": unknown attendance " + e.Status,
				Fields: map[string]string{peopleField: "unknown attendance " + e.Status}}
		}
		attended := e.Status == isms.AttendanceAttended
		on := isms.Date(strings.TrimSpace(e.Date))
		recs := byPerson[pid]
		var changed []*isms.Attendance
		for _, a := range recs { // records imported twice are kept in step
			date := a.Date
			if attended || on != "" {
				date = on
			}
			if a.Status != e.Status || !t.SameDate(a.Date, date) {
				changed = append(changed, a)
			}
		}
		if len(recs) > 0 && len(changed) == 0 {
			return nil
		}
		if !attended && on == "" && len(recs) > 0 {
			on = recs[0].Date // the date of a record marked absent is kept
		}
		date, err := t.Attend(on, today, attended)
		if err != nil {
			return namedFor(err, person.Name, dateField)
		}
		if len(recs) == 0 {
			a := &isms.Attendance{TrainingID: trainingID, PersonID: pid, Status: e.Status, Date: date}
			if err := tx.Create(a, source); err != nil {
				return err
			}
			return nil
		}
		for _, a := range changed {
			a.Status, a.Date = e.Status, date
			if err := tx.Put(a, source); err != nil {
				return err
			}
		}
		return nil
	}
	for _, e := range roster {
		if err := b.Do(func(tx *store.Tx) error { return line(tx, e) }); err != nil {
			return err
		}
	}
	if t.Status != wasStatus {
		return b.Do(func(tx *store.Tx) error { return tx.Put(t, source) })
	}
	return nil
}

// namedFor says whose line a refused attendance is, reporting its date problem on field.
func namedFor(err error, name, field string) error {
	e, ok := err.(*isms.Error)
	if !ok {
		return err
	}
	out := &isms.Error{Code: e.Code, Message: name + ": " + e.Message}
	for _, msg := range e.Fields {
		if out.Fields == nil {
			out.Fields = map[string]string{}
		}
		out.Fields[field] = msg
		out.Message = name + ": the date " + msg
	}
	return out
}

// CompetenceRow is one active person with the trainings their roles require and whether
// they attended each: who is missing what (7.2).
type CompetenceRow struct {
	PersonID   string           `json:"personId"`
	Name       string           `json:"name"`
	Department string           `json:"department"`
	Required   []CompetenceNeed `json:"required"` // by training date
	Missing    int              `json:"missing"`  // how many of them are not current: not attended, or expired
}

// CompetenceNeed is one training required of a person.
type CompetenceNeed struct {
	TrainingID string   `json:"trainingId"`
	Ref        string   `json:"ref"`
	Topic      string   `json:"topic"`
	Date       string   `json:"date"`
	Status     string   `json:"status"`  // the training's status
	RoleIDs    []string `json:"roleIds"` // the person's roles that require it
	Attended   bool     `json:"attended"`
	Record     string   `json:"record"`     // the attendance status recorded; "" when none
	AttendedOn string   `json:"attendedOn"` // when the person last attended a session of the topic
	Expires    string   `json:"expires"`    // when that attendance must be renewed; "" never
	Expired    bool     `json:"expired"`    // the attendance no longer counts: renewal is overdue
}

// Competence returns, for each active person, the trainings required for their roles and
// whether they attended them. People without any required training are left out.
func (s *TrainingService) Competence() ([]CompetenceRow, error) {
	out := []CompetenceRow{}
	err := s.app.view(func(tx *store.Tx) error {
		people, err := overview.RequiredTrainings(tx, isms.DateOf(s.app.clock()))
		for _, pn := range people {
			p := pn.Person
			row := CompetenceRow{PersonID: p.ID, Name: p.Name, Department: p.Department, Required: []CompetenceNeed{}}
			for _, n := range pn.Needs {
				t := n.Training
				need := CompetenceNeed{TrainingID: t.ID, Ref: t.Ref, Topic: t.Topic, Date: string(t.Date), Status: t.Status,
					RoleIDs: n.RoleIDs, Attended: n.Attended(), Record: n.Record,
					AttendedOn: string(n.AttendedOn), Expires: string(n.Expires), Expired: n.Expired}
				if !n.Current() {
					row.Missing++
				}
				row.Required = append(row.Required, need)
			}
			out = append(out, row)
		}
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, err
}

// attendanceAt returns the attendance records of one training.
func attendanceAt(tx *store.Tx, trainingID string) ([]*isms.Attendance, error) {
	back, err := tx.Backlinks(isms.KindTraining, trainingID)
	if err != nil {
		return nil, err
	}
	var out []*isms.Attendance
	seen := map[string]bool{}
	for _, b := range back {
		if b.Kind != isms.KindAttendance || b.Field != "trainingId" || seen[b.ID] {
			continue
		}
		seen[b.ID] = true
		a, err := store.GetAs[*isms.Attendance](tx, isms.KindAttendance, b.ID)
		if isms.ErrorCode(err) == isms.CodeNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].CreatedAt.Before(out[j].CreatedAt) })
	return out, nil
}

// AttendanceService keeps the attendance records one by one (7.2); SetAttendance on
// TrainingService ticks a whole session.
type AttendanceService struct{ app *App }

func (s *AttendanceService) r() records[isms.Attendance, *isms.Attendance] {
	return kindOf[isms.Attendance](s.app, isms.KindAttendance)
}

// List returns every attendance record.
func (s *AttendanceService) List() ([]isms.Attendance, error) { return s.r().list() }

// Get returns one attendance record.
func (s *AttendanceService) Get(id string) (isms.Attendance, error) { return s.r().get(id) }

// Create records one person's attendance at a training; a person has one record per training.
func (s *AttendanceService) Create(a isms.Attendance) (isms.Attendance, error) {
	return s.r().create(a, func(tx *store.Tx, a *isms.Attendance) error {
		if a.Status == "" {
			a.Status = isms.AttendanceAttended
		}
		return checkOnePerPerson(tx, a)
	})
}

// Update saves an edit of an attendance record; it may not make a second record of the
// same person at the same training.
func (s *AttendanceService) Update(a isms.Attendance) (isms.Attendance, error) {
	return s.r().update(a, func(tx *store.Tx, old, new *isms.Attendance) error {
		if old.TrainingID == new.TrainingID && old.PersonID == new.PersonID {
			return nil
		}
		return checkOnePerPerson(tx, new)
	})
}

// Delete removes an attendance record.
func (s *AttendanceService) Delete(id string, version int) error { return s.r().remove(id, version) }

// checkOnePerPerson refuses a record of a person at a training that already has one.
func checkOnePerPerson(tx *store.Tx, a *isms.Attendance) error {
	if strings.TrimSpace(a.TrainingID) == "" || strings.TrimSpace(a.PersonID) == "" {
		return nil // Validate names the missing field
	}
	if _, err := store.GetAs[*isms.Training](tx, isms.KindTraining, a.TrainingID); isms.ErrorCode(err) == isms.CodeNotFound {
		return nil // the store names the missing link
	} else if err != nil {
		return err
	}
	list, err := attendanceAt(tx, a.TrainingID)
	if err != nil {
		return err
	}
	for _, o := range list {
		if o.PersonID == a.PersonID && o.ID != a.ID {
			return &isms.Error{Code: isms.CodeInvalid, Message: "this person's attendance at this training is already recorded: edit that record instead",
				Fields: map[string]string{"personId": "already recorded for this training"}}
		}
	}
	return nil
}

// CampaignService keeps the awareness campaigns (7.3).
type CampaignService struct{ app *App }

func (s *CampaignService) r() records[isms.Campaign, *isms.Campaign] {
	return kindOf[isms.Campaign](s.app, isms.KindCampaign)
}

// List returns every awareness campaign.
func (s *CampaignService) List() ([]isms.Campaign, error) { return s.r().list() }

// Get returns one awareness campaign.
func (s *CampaignService) Get(id string) (isms.Campaign, error) { return s.r().get(id) }

// Create adds an awareness campaign; it starts planned unless said otherwise. An audience
// size left at 0 is the number of active people in its audience roles (all staff without roles).
func (s *CampaignService) Create(c isms.Campaign) (isms.Campaign, error) {
	return s.r().create(c, func(tx *store.Tx, c *isms.Campaign) error {
		if c.Status == "" {
			c.Status = isms.CampaignPlanned
		}
		return countCampaign(tx, c)
	})
}

// Update saves an edit of an awareness campaign; its audience size is counted again when
// its roles change and the size was not edited, or when it is 0.
func (s *CampaignService) Update(c isms.Campaign) (isms.Campaign, error) {
	return s.r().update(c, func(tx *store.Tx, old, new *isms.Campaign) error {
		if new.AudienceSize == old.AudienceSize && !sameIDs(old.RoleIDs, new.RoleIDs) {
			new.AudienceSize = 0
		}
		return countCampaign(tx, new)
	})
}

// CampaignReach is how many distinct people a campaign reached out of its audience.
type CampaignReach struct {
	CampaignID     string `json:"campaignId"`
	Reached        int    `json:"reached"`        // distinct people reached, never more than the audience
	Audience       int    `json:"audience"`       // the campaign's audience size
	Communications int    `json:"communications"` // communications logged for it
}

// Reach returns, per campaign, the distinct people its communications reached (see
// isms.(*Campaign).ReachOf).
func (s *CampaignService) Reach() ([]CampaignReach, error) {
	out := []CampaignReach{}
	err := s.app.view(func(tx *store.Tx) error {
		var comms []*isms.Communication
		if err := tx.Each(isms.KindCommunication, func(r isms.Record) error {
			comms = append(comms, r.(*isms.Communication))
			return nil
		}); err != nil {
			return err
		}
		people, err := allPeople(tx)
		if err != nil {
			return err
		}
		return tx.Each(isms.KindCampaign, func(r isms.Record) error {
			c := r.(*isms.Campaign)
			n := c.ReachOf(comms, people)
			out = append(out, CampaignReach{CampaignID: c.ID, Reached: n.Reached, Audience: n.Audience, Communications: n.Communications})
			return nil
		})
	})
	return out, err
}

// countCampaign counts a campaign's audience when its size is 0.
func countCampaign(tx *store.Tx, c *isms.Campaign) error {
	if c.AudienceSize != 0 {
		return nil
	}
	people, err := allPeople(tx)
	c.AudienceSize = isms.AudienceOf(people, c.RoleIDs)
	return err
}

// countCommunication counts a communication's people reached and, when its size is 0,
// its audience (see isms.(*Communication).Count).
func countCommunication(tx *store.Tx, c *isms.Communication) error {
	people, err := allPeople(tx)
	if err != nil {
		return err
	}
	var campaign *isms.Campaign
	if c.CampaignID != "" {
		campaign, err = store.GetAs[*isms.Campaign](tx, isms.KindCampaign, c.CampaignID)
		if isms.ErrorCode(err) == isms.CodeNotFound {
			campaign, err = nil, nil // the store names the missing link
		} else if err != nil {
			return err
		}
	}
	c.Count(people, campaign)
	return nil
}

// allPeople returns every person, those who left included.
func allPeople(tx *store.Tx) ([]*isms.Person, error) {
	var out []*isms.Person
	err := tx.Each(isms.KindPerson, func(r isms.Record) error {
		out = append(out, r.(*isms.Person))
		return nil
	})
	return out, err
}

// sameIDs reports whether two lists hold the same IDs in any order.
func sameIDs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// Delete removes a campaign that no communication belongs to.
func (s *CampaignService) Delete(id string, version int) error { return s.r().remove(id, version) }

// CommunicationService keeps the communication log (7.4).
type CommunicationService struct{ app *App }

func (s *CommunicationService) r() records[isms.Communication, *isms.Communication] {
	return kindOf[isms.Communication](s.app, isms.KindCommunication)
}

// List returns every entry of the communication log.
func (s *CommunicationService) List() ([]isms.Communication, error) { return s.r().list() }

// Get returns one entry of the communication log.
func (s *CommunicationService) Get(id string) (isms.Communication, error) { return s.r().get(id) }

// Create logs a communication. Its reach counts distinct people: the people reached when
// they are named, else the number given, never more than the audience; an audience size
// left at 0 is counted from its roles, its campaign's, or all active staff.
func (s *CommunicationService) Create(c isms.Communication) (isms.Communication, error) {
	return s.r().create(c, func(tx *store.Tx, c *isms.Communication) error { return countCommunication(tx, c) })
}

// Update saves an edit of a logged communication; its audience size is counted again when
// its roles or campaign change and the size was not edited, or when it is 0.
func (s *CommunicationService) Update(c isms.Communication) (isms.Communication, error) {
	return s.r().update(c, func(tx *store.Tx, old, new *isms.Communication) error {
		if new.AudienceSize == old.AudienceSize && (!sameIDs(old.RoleIDs, new.RoleIDs) || old.CampaignID != new.CampaignID) {
			new.AudienceSize = 0
		}
		return countCommunication(tx, new)
	})
}

// Delete removes an entry of the communication log.
func (s *CommunicationService) Delete(id string, version int) error { return s.r().remove(id, version) }
