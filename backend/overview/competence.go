package overview

import (
	"sort"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// TrainingNeed is one training a person's roles require (7.2) and what was recorded of
// the person at it. Sessions of one topic are one need: attending any of them counts, and
// the latest session is the one the need names.
type TrainingNeed struct {
	Training   *isms.Training // the latest session of the topic
	RoleIDs    []string       // the person's roles that require it
	Record     string         // the best attendance status recorded (attended wins); "" when none
	AttendedOn isms.Date      // when the person last attended a session of the topic
	Expires    isms.Date      // when that attendance stops counting (the renewal period); "" never
	Expired    bool           // the attendance no longer counts on the day asked about
}

// Attended reports whether the person attended a session of the training.
func (n TrainingNeed) Attended() bool { return n.Record == isms.AttendanceAttended }

// Current reports whether the person is competent for the training on the day asked
// about: they attended and the attendance has not expired.
func (n TrainingNeed) Current() bool { return n.Attended() && !n.Expired }

// PersonNeeds is one active person with the trainings their roles require, by training date.
type PersonNeeds struct {
	Person *isms.Person
	Needs  []TrainingNeed
}

// Current reports whether the person has every required training current.
func (pn PersonNeeds) Current() bool {
	for _, n := range pn.Needs {
		if !n.Current() {
			return false
		}
	}
	return true
}

// RequiredTrainings returns each active person with the trainings their roles require
// (isms.Training.RequiredFor), one need per topic, whether they attended and whether that
// attendance has expired on today (isms.Training.ExpiresOn with the latest session's
// renewal period), in the order people are stored. People without any required training
// are left out. It is the one competence computation: the competence view, the list of
// what is due and the training KPI read it.
func RequiredTrainings(tx *store.Tx, today isms.Date) ([]PersonNeeds, error) {
	var trainings []*isms.Training
	byID := map[string]*isms.Training{}
	if err := tx.Each(isms.KindTraining, func(r isms.Record) error {
		t := r.(*isms.Training)
		trainings = append(trainings, t)
		byID[t.ID] = t
		return nil
	}); err != nil {
		return nil, err
	}
	sort.SliceStable(trainings, func(i, j int) bool { return trainings[i].Date < trainings[j].Date })
	type seen struct {
		status string
		on     isms.Date
	}
	recorded := map[[2]string]seen{} // topic, person -> best status recorded and the latest day attended
	if err := tx.Each(isms.KindAttendance, func(r isms.Record) error {
		a := r.(*isms.Attendance)
		t := byID[a.TrainingID]
		if t == nil {
			return nil
		}
		k := [2]string{t.TopicKey(), a.PersonID}
		on := a.Date
		if on == "" {
			on = t.Date
		}
		old := recorded[k]
		switch {
		case a.Status == isms.AttendanceAttended && (old.status != isms.AttendanceAttended || old.on.Before(on)):
			recorded[k] = seen{a.Status, on}
		case old.status == "":
			recorded[k] = seen{status: a.Status}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var out []PersonNeeds
	err := tx.Each(isms.KindPerson, func(r isms.Record) error {
		p := r.(*isms.Person)
		if !p.Active {
			return nil
		}
		pn := PersonNeeds{Person: p}
		at := map[string]int{} // topic -> index of its need
		for _, t := range trainings {
			roles := t.RequiredFor(p.RoleIDs)
			if len(roles) == 0 {
				continue
			}
			rec := recorded[[2]string{t.TopicKey(), p.ID}]
			n := TrainingNeed{Training: t, RoleIDs: roles, Record: rec.status}
			if n.Attended() {
				n.AttendedOn, n.Expires = rec.on, t.ExpiresOn(rec.on)
				n.Expired = n.Expires != "" && !today.Before(n.Expires)
			}
			if i, ok := at[t.TopicKey()]; ok {
				pn.Needs[i] = n // a later session of the topic: its renewal period and date rule
				continue
			}
			at[t.TopicKey()] = len(pn.Needs)
			pn.Needs = append(pn.Needs, n)
		}
		if len(pn.Needs) > 0 {
			out = append(out, pn)
		}
		return nil
	})
	return out, err
}
