package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

var attendanceRAG = map[string]string{
	isms.AttendanceStatuses.Label(isms.AttendanceAttended): ragGreen,
	isms.AttendanceStatuses.Label(isms.AttendanceExcused):  ragAmber,
	isms.AttendanceStatuses.Label(isms.AttendanceAbsent):   ragRed,
}

// missing is one person who lacks a required training.
type missing struct {
	person *isms.Person
	roles  string // the person's roles in the training's audience
	t      *isms.Training
	record string // the attendance status recorded, "No record" when none
}

// missingTraining lists the active people whose roles are in a required training's
// audience and who have no attended record for it. Cancelled trainings are left out.
func missingTraining(s *snap) []missing {
	attended := map[[2]string]string{}
	for _, a := range all[*isms.Attendance](s, isms.KindAttendance) {
		k := [2]string{a.TrainingID, a.PersonID}
		if a.Status == isms.AttendanceAttended || attended[k] == "" {
			attended[k] = a.Status
		}
	}
	var out []missing
	for _, t := range all[*isms.Training](s, isms.KindTraining) {
		if !t.Required || t.Status == isms.TrainingCancelled {
			continue
		}
		audience := map[string]bool{}
		for _, r := range t.RoleIDs {
			audience[r] = true
		}
		for _, p := range all[*isms.Person](s, isms.KindPerson) {
			if !p.Active {
				continue
			}
			var roles []string
			for _, r := range p.RoleIDs {
				if audience[r] {
					roles = append(roles, s.ref(isms.KindRole, r))
				}
			}
			if len(roles) == 0 {
				continue
			}
			st := attended[[2]string{t.ID, p.ID}]
			if st == isms.AttendanceAttended {
				continue
			}
			rec := "No record"
			if st != "" {
				rec = isms.AttendanceStatuses.Label(st)
			}
			out = append(out, missing{person: p, roles: strings.Join(roles, "; "), t: t, record: rec})
		}
	}
	return out
}

func buildTraining(s *snap) (string, string, []sheet, error) {
	trainings := all[*isms.Training](s, isms.KindTraining)
	atts := all[*isms.Attendance](s, isms.KindAttendance)
	camps := all[*isms.Campaign](s, isms.KindCampaign)
	comms := all[*isms.Communication](s, isms.KindCommunication)
	people := all[*isms.Person](s, isms.KindPerson)
	var dates []isms.Date
	for _, t := range trainings {
		dates = append(dates, t.Date)
	}
	for _, c := range comms {
		dates = append(dates, c.Date)
	}
	for _, c := range camps {
		dates = append(dates, c.StartDate, c.EndDate)
	}
	byTraining := map[string]map[string]int{}
	for _, a := range atts {
		if byTraining[a.TrainingID] == nil {
			byTraining[a.TrainingID] = map[string]int{}
		}
		byTraining[a.TrainingID][a.Status]++
	}
	sessions := &table{Cols: []column{{Name: "Reference", Width: 10}, {Name: "Topic", Width: 34}, {Name: "Date", Width: 12},
		{Name: "Status", Width: 11}, {Name: "Required", Width: 9}, {Name: "Audience roles", Width: 28}, {Name: "Trainer", Width: 24},
		{Name: "Duration (hours)", Width: 10}, {Name: "Attended", Width: 9}, {Name: "Absent", Width: 8}, {Name: "Excused", Width: 8},
		{Name: "Organiser", Width: 18}, {Name: "Materials", Width: 34}, {Name: "Description", Width: 44}},
		N: len(trainings), Rows: func(emit func(...any) error) error {
			for _, t := range trainings {
				c := byTraining[t.ID]
				if err := emit(t.Ref, t.Topic, t.Date, isms.TrainingStatuses.Label(t.Status), t.Required,
					s.refs(isms.KindRole, t.RoleIDs), t.Trainer, t.DurationHours, c[isms.AttendanceAttended],
					c[isms.AttendanceAbsent], c[isms.AttendanceExcused], s.name(t.OwnerID), t.Materials, t.Description); err != nil {
					return err
				}
			}
			return nil
		}}
	attendance := &table{Cols: []column{{Name: "Training ref", Width: 10}, {Name: "Topic", Width: 34}, {Name: "Training date", Width: 12},
		{Name: "Person", Width: 20}, {Name: "Department", Width: 20}, {Name: "Status", Width: 11, RAG: attendanceRAG},
		{Name: "Date attended", Width: 12}, {Name: "Score (%)", Width: 9}, {Name: "Note", Width: 40}},
		N: len(atts), Rows: func(emit func(...any) error) error {
			for _, a := range atts {
				t, _ := get[*isms.Training](s, isms.KindTraining, a.TrainingID)
				p, _ := get[*isms.Person](s, isms.KindPerson, a.PersonID)
				var ref, topic, dept any
				var date isms.Date
				if t != nil {
					ref, topic, date = t.Ref, t.Topic, t.Date
				}
				if p != nil {
					dept = p.Department
				}
				var score any
				if a.Score > 0 {
					score = a.Score
				}
				if err := emit(ref, topic, date, s.name(a.PersonID), dept, isms.AttendanceStatuses.Label(a.Status),
					a.AttendedOn(t), score, a.Note); err != nil {
					return err
				}
			}
			return nil
		}}
	gaps := missingTraining(s)
	lacking := &table{Cols: []column{{Name: "Person", Width: 20}, {Name: "Department", Width: 20}, {Name: "Job title", Width: 26},
		{Name: "Roles in the audience", Width: 26}, {Name: "Required training", Width: 10}, {Name: "Topic", Width: 34},
		{Name: "Training date", Width: 12}, {Name: "Training status", Width: 11},
		{Name: "Recorded", Width: 11, RAG: map[string]string{"No record": ragRed, "Absent": ragRed, "Excused": ragAmber}}},
		N: len(gaps), Rows: func(emit func(...any) error) error {
			for _, m := range gaps {
				if err := emit(m.person.Name, m.person.Department, m.person.JobTitle, m.roles, m.t.Ref, m.t.Topic, m.t.Date,
					isms.TrainingStatuses.Label(m.t.Status), m.record); err != nil {
					return err
				}
			}
			return nil
		}}
	campaigns := &table{Cols: []column{{Name: "Reference", Width: 10}, {Name: "Title", Width: 30}, {Name: "Status", Width: 11},
		{Name: "Channels", Width: 26}, {Name: "Audience", Width: 18}, {Name: "Audience roles", Width: 20}, {Name: "Start date", Width: 12},
		{Name: "End date", Width: 12}, {Name: "Owner", Width: 18}, {Name: "Communications", Width: 15},
		{Name: "Audience size", Width: 10}, {Name: "Reached (people)", Width: 10}, {Name: "Reach (%)", Width: 9},
		{Name: "Description", Width: 44}},
		N: len(camps), Rows: func(emit func(...any) error) error {
			for _, c := range camps {
				var ch []string
				for _, v := range c.Channels {
					ch = append(ch, isms.Channels.Label(v))
				}
				r := c.ReachOf(comms, people)
				size, reached, share := reachCells(r.Audience, r.Reached)
				if err := emit(c.Ref, c.Title, isms.CampaignStatuses.Label(c.Status), strings.Join(ch, "; "), c.Audience,
					s.refs(isms.KindRole, c.RoleIDs), c.StartDate, c.EndDate, s.name(c.OwnerID), r.Communications,
					size, reached, share, c.Description); err != nil {
					return err
				}
			}
			return nil
		}}
	log := &table{Cols: []column{{Name: "Date", Width: 12}, {Name: "Subject", Width: 40}, {Name: "Audience", Width: 20},
		{Name: "Channel", Width: 12}, {Name: "Audience size", Width: 10}, {Name: "Reached (people)", Width: 10},
		{Name: "Reach (%)", Width: 9}, {Name: "By", Width: 18}, {Name: "Campaign", Width: 10}, {Name: "Notes", Width: 40}},
		N: len(comms), Rows: func(emit func(...any) error) error {
			for _, c := range comms {
				size, reached, share := reachCells(c.AudienceSize, c.Reach)
				if err := emit(c.Date, c.Subject, c.Audience, isms.Channels.Label(c.Channel), size, reached, share, s.name(c.OwnerID),
					s.ref(isms.KindCampaign, c.CampaignID), c.Notes); err != nil {
					return err
				}
			}
			return nil
		}}
	return "Training and awareness records", span(dates...), []sheet{boardTraining(s),
		{Name: "Training sessions", About: fmt.Sprintf("The %d training sessions with audience, trainer and attendance counts (clause 7.2).", len(trainings)), Table: sessions},
		{Name: "Attendance", About: "Attendance per person and session, with test scores: evidence of competence (clause 7.2).", Table: attendance},
		{Name: "Missing training", About: fmt.Sprintf("%d cases of an active person whose role is in a required training's audience with no attended record.", len(gaps)), Table: lacking},
		{Name: "Awareness campaigns", About: "Awareness campaigns with channels, audience, period and the distinct people reached, never more than the audience (clause 7.3).", Table: campaigns},
		{Name: "Communication log", About: "What was communicated, when, to whom, how and by whom, and how many of the audience it reached (clause 7.4).", Table: log},
	}, nil
}

// reachCells are the audience size, the people reached and their share in percent (whole
// numbers); a blank cell for what is not known.
func reachCells(audience, reached int) (size, people, share any) {
	if audience > 0 {
		size = audience
	}
	if reached > 0 {
		people = reached
	}
	if audience > 0 && reached > 0 {
		share = int(math.Round(100 * float64(reached) / float64(audience)))
	}
	return size, people, share
}
