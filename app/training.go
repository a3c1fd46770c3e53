package app

import (
	"sort"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
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

// SetAttendance records in one transaction that each of the people attended the training
// (attended true) or did not (false, recorded as absent), on a date (blank: the training's
// date). A person's record at the training is updated, never duplicated; their score and
// note are kept. Attending a planned training marks it held.
func (s *TrainingService) SetAttendance(trainingID string, personIDs []string, attended bool, on string) error {
	return s.app.update(func(tx *store.Tx) error {
		t, err := store.GetAs[*isms.Training](tx, isms.KindTraining, trainingID)
		if err != nil {
			return err
		}
		wasStatus := t.Status
		date, err := t.Attend(isms.Date(strings.TrimSpace(on)), isms.DateOf(s.app.clock()), attended)
		if err != nil {
			return err
		}
		existing, err := attendanceAt(tx, trainingID)
		if err != nil {
			return err
		}
		byPerson := map[string][]*isms.Attendance{}
		for _, a := range existing {
			byPerson[a.PersonID] = append(byPerson[a.PersonID], a)
		}
		status := isms.AttendanceAbsent
		if attended {
			status = isms.AttendanceAttended
		}
		seen := map[string]bool{}
		for _, pid := range personIDs {
			pid = strings.TrimSpace(pid)
			if pid == "" || seen[pid] {
				continue
			}
			seen[pid] = true
			if _, err := store.GetAs[*isms.Person](tx, isms.KindPerson, pid); isms.ErrorCode(err) == isms.CodeNotFound {
				return &isms.Error{Code: isms.CodeInvalid, Message: "one of the people chosen no longer exists: reload the page",
					Fields: map[string]string{"personIds": "no person with ID " + pid}}
			} else if err != nil {
				return err
			}
			recs := byPerson[pid]
			if len(recs) == 0 {
				a := &isms.Attendance{TrainingID: trainingID, PersonID: pid, Status: status, Date: date}
				if err := tx.Create(a, source); err != nil {
					return err
				}
				continue
			}
			for _, a := range recs { // records imported twice are kept in step
				if a.Status == status && a.Date == date {
					continue
				}
				a.Status, a.Date = status, date
				if err := tx.Put(a, source); err != nil {
					return err
				}
			}
		}
		if len(seen) > 0 && t.Status != wasStatus {
			return tx.Put(t, source)
		}
		return nil
	})
}

// CompetenceRow is one active person with the trainings their roles require and whether
// they attended each: who is missing what (7.2).
type CompetenceRow struct {
	PersonID   string           `json:"personId"`
	Name       string           `json:"name"`
	Department string           `json:"department"`
	Required   []CompetenceNeed `json:"required"` // by training date
	Missing    int              `json:"missing"`  // how many of them the person has not attended
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
	Record     string   `json:"record"` // the attendance status recorded; "" when none
}

// Competence returns, for each active person, the trainings required for their roles and
// whether they attended them. People without any required training are left out.
func (s *TrainingService) Competence() ([]CompetenceRow, error) {
	out := []CompetenceRow{}
	err := s.app.view(func(tx *store.Tx) error {
		var trainings []*isms.Training
		if err := tx.Each(isms.KindTraining, func(r isms.Record) error {
			trainings = append(trainings, r.(*isms.Training))
			return nil
		}); err != nil {
			return err
		}
		sort.SliceStable(trainings, func(i, j int) bool { return trainings[i].Date < trainings[j].Date })
		recorded := map[[2]string]string{} // training, person -> best status recorded
		if err := tx.Each(isms.KindAttendance, func(r isms.Record) error {
			a := r.(*isms.Attendance)
			k := [2]string{a.TrainingID, a.PersonID}
			if a.Status == isms.AttendanceAttended || recorded[k] == "" {
				recorded[k] = a.Status
			}
			return nil
		}); err != nil {
			return err
		}
		return tx.Each(isms.KindPerson, func(r isms.Record) error {
			p := r.(*isms.Person)
			if !p.Active {
				return nil
			}
			row := CompetenceRow{PersonID: p.ID, Name: p.Name, Department: p.Department, Required: []CompetenceNeed{}}
			for _, t := range trainings {
				roles := t.RequiredFor(p.RoleIDs)
				if len(roles) == 0 {
					continue
				}
				st := recorded[[2]string{t.ID, p.ID}]
				need := CompetenceNeed{TrainingID: t.ID, Ref: t.Ref, Topic: t.Topic, Date: string(t.Date), Status: t.Status,
					RoleIDs: roles, Attended: st == isms.AttendanceAttended, Record: st}
				if !need.Attended {
					row.Missing++
				}
				row.Required = append(row.Required, need)
			}
			if len(row.Required) > 0 {
				out = append(out, row)
			}
			return nil
		})
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

// Create adds an awareness campaign; it starts planned unless said otherwise.
func (s *CampaignService) Create(c isms.Campaign) (isms.Campaign, error) {
	return s.r().create(c, func(_ *store.Tx, c *isms.Campaign) error {
		if c.Status == "" {
			c.Status = isms.CampaignPlanned
		}
		return nil
	})
}

// Update saves an edit of an awareness campaign.
func (s *CampaignService) Update(c isms.Campaign) (isms.Campaign, error) { return s.r().update(c, nil) }

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

// Create logs a communication.
func (s *CommunicationService) Create(c isms.Communication) (isms.Communication, error) {
	return s.r().create(c, nil)
}

// Update saves an edit of a logged communication.
func (s *CommunicationService) Update(c isms.Communication) (isms.Communication, error) {
	return s.r().update(c, nil)
}

// Delete removes an entry of the communication log.
func (s *CommunicationService) Delete(id string, version int) error { return s.r().remove(id, version) }
