package app

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// addTraining creates a training for the named audience roles.
func addTraining(t *testing.T, a *App, ref string, required bool, date isms.Date, roles ...string) isms.Training {
	t.Helper()
	tr := isms.Training{Ref: ref, Topic: "Topic of " + ref, Date: date, Required: required}
	for _, r := range roles {
		tr.RoleIDs = append(tr.RoleIDs, roleID(t, a, r))
	}
	tr, err := a.Trainings.Create(tr)
	if err != nil {
		t.Fatalf("create training %s: %v", ref, err)
	}
	return tr
}

// statuses returns the attendance recorded at a training as person ID -> status, and
// fails on a second record of one person.
func statuses(t *testing.T, a *App, trainingID string) map[string]string {
	t.Helper()
	list, err := a.Trainings.Attendance(trainingID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, at := range list {
		if _, dup := out[at.PersonID]; dup {
			t.Fatalf("person %s recorded twice at training %s: %+v", at.PersonID, trainingID, list)
		}
		out[at.PersonID] = at.Status
	}
	return out
}

func TestTrainingCRUDAndDeleteRefusedWhileAttended(t *testing.T) {
	a := newPlanApp(t)
	s := a.Trainings
	_, err := s.Create(isms.Training{Topic: "Induction", Date: planToday, Required: true})
	wantErr(t, "required without roles", err, isms.CodeInvalid, "roleIds")
	_, err = s.Create(isms.Training{Topic: " ", Date: ""})
	wantErr(t, "no topic, no date", err, isms.CodeInvalid, "topic", "date")

	tr := addTraining(t, a, "TR-1", true, "2026-03-01", isms.RoleEmployees)
	if tr.Status != isms.TrainingPlanned || tr.ID == "" {
		t.Fatalf("new training %+v, want planned with an ID", tr)
	}
	tr.Trainer = "Priya"
	tr, err = s.Update(tr)
	if err != nil || tr.Version != 2 {
		t.Fatalf("update: %+v %v", tr, err)
	}
	got, err := s.Get(tr.ID)
	if err != nil || got.Trainer != "Priya" {
		t.Fatalf("get: %+v %v", got, err)
	}

	ana := addPerson(t, a, "Ana", isms.RoleEmployees)
	if err := s.SetAttendance(tr.ID, []string{ana.ID}, true, ""); err != nil {
		t.Fatal(err)
	}
	tr, _ = s.Get(tr.ID)
	wantErr(t, "delete an attended training", s.Delete(tr.ID, tr.Version), isms.CodeLocked)

	list, err := a.Attendance.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("attendance list %+v %v", list, err)
	}
	if err := a.Attendance.Delete(list[0].ID, list[0].Version); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(tr.ID, tr.Version); err != nil {
		t.Fatalf("delete once no attendance links to it: %v", err)
	}
	_, err = s.Get(tr.ID)
	wantErr(t, "get a deleted training", err, isms.CodeNotFound)
}

func TestSetAttendanceCreatesUpdatesAndNeverDuplicates(t *testing.T) {
	a := newPlanApp(t)
	s := a.Trainings
	tr := addTraining(t, a, "TR-1", true, "2026-03-01", isms.RoleEmployees)
	ana := addPerson(t, a, "Ana", isms.RoleEmployees)
	ben := addPerson(t, a, "Ben", isms.RoleEmployees)
	cat := addPerson(t, a, "Cat", isms.RoleEmployees)

	// Ana twice in one call, Ben once: two records, and the planned training is held.
	if err := s.SetAttendance(tr.ID, []string{ana.ID, ben.ID, ana.ID}, true, ""); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ana.ID: isms.AttendanceAttended, ben.ID: isms.AttendanceAttended}
	if got := statuses(t, a, tr.ID); !reflect.DeepEqual(got, want) {
		t.Fatalf("after ticking Ana and Ben: %v, want %v", got, want)
	}
	held, _ := s.Get(tr.ID)
	if held.Status != isms.TrainingHeld {
		t.Fatalf("training status %q after attendance, want held", held.Status)
	}
	recs, _ := s.Attendance(tr.ID)
	for _, r := range recs {
		if r.Date != "2026-03-01" {
			t.Fatalf("attendance date %q, want the training's date", r.Date)
		}
	}

	// Keep Ana's score when she is ticked again; Ben did not attend after all; Cat attended.
	for _, r := range recs {
		if r.PersonID == ana.ID {
			r.Score = 90
			if _, err := a.Attendance.Update(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.SetAttendance(tr.ID, []string{ben.ID}, false, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttendance(tr.ID, []string{ana.ID, cat.ID}, true, "2026-03-02"); err != nil {
		t.Fatal(err)
	}
	want = map[string]string{ana.ID: isms.AttendanceAttended, ben.ID: isms.AttendanceAbsent, cat.ID: isms.AttendanceAttended}
	if got := statuses(t, a, tr.ID); !reflect.DeepEqual(got, want) {
		t.Fatalf("after the second round: %v, want %v", got, want)
	}
	recs, _ = s.Attendance(tr.ID)
	for _, r := range recs {
		if r.PersonID == ana.ID && (r.Score != 90 || r.Date != "2026-03-02") {
			t.Fatalf("Ana's record %+v, want score 90 kept and date 2026-03-02", r)
		}
	}
	all, _ := a.Attendance.List()
	if len(all) != 3 {
		t.Fatalf("%d attendance records, want 3", len(all))
	}

	// A second record of a person at the training is refused, by create and by update.
	_, err := a.Attendance.Create(isms.Attendance{TrainingID: tr.ID, PersonID: ana.ID, Status: isms.AttendanceExcused})
	wantErr(t, "second record by create", err, isms.CodeInvalid, "personId")
	var benRec isms.Attendance
	for _, r := range recs {
		if r.PersonID == ben.ID {
			benRec = r
		}
	}
	benRec.PersonID = cat.ID
	_, err = a.Attendance.Update(benRec)
	wantErr(t, "second record by update", err, isms.CodeInvalid, "personId")
	benRec.PersonID = ben.ID
	benRec.Status = isms.AttendanceExcused
	if _, err := a.Attendance.Update(benRec); err != nil {
		t.Fatalf("editing a record of its own person: %v", err)
	}
}

func TestSetAttendanceIsOneTransaction(t *testing.T) {
	a := newPlanApp(t)
	s := a.Trainings
	tr := addTraining(t, a, "TR-1", false, "2026-03-01")
	ana := addPerson(t, a, "Ana")

	refused := []struct {
		name   string
		id     string
		people []string
		on     string
		code   isms.Code
		field  string
	}{
		{"an unknown person after a known one", tr.ID, []string{ana.ID, "no-such-person"}, "", isms.CodeInvalid, "personIds"},
		{"a future date", tr.ID, []string{ana.ID}, "2026-03-11", isms.CodeInvalid, "on"},
		{"not a date", tr.ID, []string{ana.ID}, "1 March", isms.CodeInvalid, "on"},
		{"an unknown training", "no-such-training", []string{ana.ID}, "", isms.CodeNotFound, ""},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			err := s.SetAttendance(tc.id, tc.people, true, tc.on)
			if tc.field == "" {
				wantErr(t, "set", err, tc.code)
			} else {
				wantErr(t, "set", err, tc.code, tc.field)
			}
			if got := statuses(t, a, tr.ID); len(got) != 0 {
				t.Fatalf("a refused call left records: %v", got)
			}
			if got, _ := s.Get(tr.ID); got.Status != isms.TrainingPlanned || got.Version != 1 {
				t.Fatalf("a refused call changed the training: %+v", got)
			}
		})
	}

	tr.Status = isms.TrainingCancelled
	tr, err := s.Update(tr)
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, "attend a cancelled training", s.SetAttendance(tr.ID, []string{ana.ID}, true, ""), isms.CodeInvalid)

	// Absent at a planned training leaves it planned.
	tr2 := addTraining(t, a, "TR-2", false, "2026-03-05")
	if err := s.SetAttendance(tr2.ID, []string{ana.ID}, false, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(tr2.ID); got.Status != isms.TrainingPlanned {
		t.Fatalf("status %q after recording only absence, want planned", got.Status)
	}
}

func TestCompetenceListsWhoIsMissingWhat(t *testing.T) {
	a := newPlanApp(t)
	s := a.Trainings
	induction := addTraining(t, a, "TR-1", true, "2026-01-10", isms.RoleEmployees)
	audit := addTraining(t, a, "TR-2", true, "2026-02-10", isms.RoleInternalAudit, isms.RoleISMSManager)
	optional := addTraining(t, a, "TR-3", false, "2026-02-20", isms.RoleEmployees)
	cancelled := addTraining(t, a, "TR-4", true, "2026-02-25", isms.RoleEmployees)
	cancelled.Status = isms.TrainingCancelled
	if _, err := s.Update(cancelled); err != nil {
		t.Fatal(err)
	}

	ana := addPerson(t, a, "Ana", isms.RoleEmployees, isms.RoleInternalAudit)
	ben := addPerson(t, a, "Ben", isms.RoleEmployees)
	addPerson(t, a, "Sam", isms.RoleSeniorManagement) // nothing required of Sam
	lee := addPerson(t, a, "Lee", isms.RoleEmployees)
	lee.Active = false
	if _, err := a.People.Update(lee); err != nil {
		t.Fatal(err)
	}

	if err := s.SetAttendance(induction.ID, []string{ana.ID}, true, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttendance(induction.ID, []string{ben.ID}, false, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttendance(optional.ID, []string{ben.ID}, true, ""); err != nil {
		t.Fatal(err)
	}

	rows, err := s.Competence()
	if err != nil {
		t.Fatal(err)
	}
	type need struct {
		ref, record string
		attended    bool
	}
	got := map[string][]need{}
	missing := map[string]int{}
	var names []string
	for _, r := range rows {
		names = append(names, r.Name)
		missing[r.Name] = r.Missing
		for _, n := range r.Required {
			got[r.Name] = append(got[r.Name], need{n.Ref, n.Record, n.Attended})
		}
	}
	if !sort.StringsAreSorted(names) || !reflect.DeepEqual(names, []string{"Ana", "Ben"}) {
		t.Fatalf("people %v, want Ana and Ben (Sam needs nothing, Lee left)", names)
	}
	want := map[string][]need{
		"Ana": {{"TR-1", isms.AttendanceAttended, true}, {"TR-2", "", false}},
		"Ben": {{"TR-1", isms.AttendanceAbsent, false}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("required trainings %+v, want %+v", got, want)
	}
	if missing["Ana"] != 1 || missing["Ben"] != 1 {
		t.Fatalf("missing counts %v, want one each", missing)
	}
	for _, r := range rows {
		if r.Name == "Ana" {
			for _, n := range r.Required {
				if n.Ref == "TR-2" && !reflect.DeepEqual(n.RoleIDs, []string{roleID(t, a, isms.RoleInternalAudit)}) {
					t.Fatalf("TR-2 required of Ana through %v, want Internal Audit", n.RoleIDs)
				}
			}
		}
	}
	_ = audit
}

func TestCampaignsAndCommunications(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Priya")
	_, err := a.Campaigns.Create(isms.Campaign{Title: "Phishing month", StartDate: "2026-03-01", EndDate: "2026-02-01"})
	wantErr(t, "campaign without channels, ending before it starts", err, isms.CodeInvalid, "channels", "endDate")
	c, err := a.Campaigns.Create(isms.Campaign{Ref: "AW-1", Title: "Phishing month", Channels: []string{isms.ChannelEmail, isms.ChannelPoster},
		Audience: "All staff", StartDate: "2026-03-01", EndDate: "2026-03-31", OwnerID: owner.ID})
	if err != nil || c.Status != isms.CampaignPlanned {
		t.Fatalf("create campaign: %+v %v", c, err)
	}
	_, err = a.Communications.Create(isms.Communication{Subject: "Tip 1", Date: "2026-03-02", Channel: isms.ChannelEmail, Reach: -1})
	wantErr(t, "negative reach", err, isms.CodeInvalid, "reach")
	m, err := a.Communications.Create(isms.Communication{Subject: "Tip 1", Date: "2026-03-02", Audience: "All staff", Channel: isms.ChannelEmail,
		AudienceSize: 60, Reach: 40, OwnerID: owner.ID, CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, "delete a campaign with communications", a.Campaigns.Delete(c.ID, c.Version), isms.CodeLocked)
	m.Reach = 42
	if m, err = a.Communications.Update(m); err != nil || m.Reach != 42 {
		t.Fatalf("update communication: %+v %v", m, err)
	}
	if list, err := a.Communications.List(); err != nil || len(list) != 1 {
		t.Fatalf("communications %+v %v", list, err)
	}
	if err := a.Communications.Delete(m.ID, m.Version); err != nil {
		t.Fatal(err)
	}
	if err := a.Campaigns.Delete(c.ID, c.Version); err != nil {
		t.Fatalf("delete a campaign nothing uses: %v", err)
	}
	if list, err := a.Campaigns.List(); err != nil || len(list) != 0 {
		t.Fatalf("campaigns after delete %+v %v", list, err)
	}
}

// historyOf returns how many history entries a record has.
func historyOf(t *testing.T, a *App, kind isms.Kind, id string) int {
	t.Helper()
	var n int
	err := a.view(func(tx *store.Tx) error {
		h, err := tx.History(kind, id)
		n = len(h)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSaveAttendanceSavesTheWholeRosterInOneCall(t *testing.T) {
	a := newPlanApp(t)
	s := a.Trainings
	tr := addTraining(t, a, "TR-1", true, "2026-03-01", isms.RoleEmployees)
	ana := addPerson(t, a, "Ana", isms.RoleEmployees)
	ben := addPerson(t, a, "Ben", isms.RoleEmployees)
	cat := addPerson(t, a, "Cat", isms.RoleEmployees)
	dan := addPerson(t, a, "Dan", isms.RoleEmployees)

	// Ana and Ben attended (Ben on a make-up day), Cat was absent, nothing about Dan.
	got, err := s.SaveAttendance(tr.ID, []RosterEntry{
		{PersonID: ana.ID, Status: isms.AttendanceAttended},
		{PersonID: ben.ID, Status: isms.AttendanceAttended, Date: "2026-03-04"},
		{PersonID: cat.ID, Status: isms.AttendanceAbsent},
		{PersonID: dan.ID},
	})
	if err != nil {
		t.Fatal(err)
	}
	byPerson := map[string]isms.Attendance{}
	for _, r := range got {
		byPerson[r.PersonID] = r
	}
	if len(got) != 3 || byPerson[ana.ID].Date != "2026-03-01" || byPerson[ben.ID].Date != "2026-03-04" ||
		byPerson[cat.ID].Status != isms.AttendanceAbsent || byPerson[dan.ID].ID != "" {
		t.Fatalf("after the first save: %+v", got)
	}
	if held, _ := s.Get(tr.ID); held.Status != isms.TrainingHeld {
		t.Fatalf("training %q after attendance, want held", held.Status)
	}
	ben1 := byPerson[ben.ID]
	ben1.Score = 80
	if _, err := a.Attendance.Update(ben1); err != nil {
		t.Fatal(err)
	}
	trVersion := func() int { v, _ := s.Get(tr.ID); return v.Version }()

	// One call unticks Ana, ticks Cat and Dan and leaves Ben as he was: one history entry
	// per changed record, none for Ben, and the training is not written again.
	entries := map[string]int{}
	for _, r := range got {
		entries[r.ID] = historyOf(t, a, isms.KindAttendance, r.ID)
	}
	got, err = s.SaveAttendance(tr.ID, []RosterEntry{
		{PersonID: ana.ID, Status: isms.AttendanceAbsent},
		{PersonID: ben.ID, Status: isms.AttendanceAttended, Date: "2026-03-04"},
		{PersonID: cat.ID, Status: isms.AttendanceAttended, Date: "2026-03-01"},
		{PersonID: dan.ID, Status: isms.AttendanceAttended},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ana.ID: isms.AttendanceAbsent, ben.ID: isms.AttendanceAttended, cat.ID: isms.AttendanceAttended, dan.ID: isms.AttendanceAttended}
	if st := statuses(t, a, tr.ID); !reflect.DeepEqual(st, want) {
		t.Fatalf("after the second save: %v, want %v", st, want)
	}
	for _, r := range got {
		n, was := historyOf(t, a, isms.KindAttendance, r.ID), entries[r.ID]
		switch r.PersonID {
		case ben.ID:
			if n != was || r.Score != 80 {
				t.Errorf("Ben unchanged: %d history entries (was %d), score %v", n, was, r.Score)
			}
		case dan.ID:
			if n != 1 {
				t.Errorf("Dan's new record has %d history entries, want 1", n)
			}
		default:
			if n != was+1 {
				t.Errorf("%s: %d history entries, want %d", r.PersonID, n, was+1)
			}
		}
	}
	if v, _ := s.Get(tr.ID); v.Version != trVersion {
		t.Errorf("the held training was written again (version %d, was %d)", v.Version, trVersion)
	}

	// Saving the same roster again writes nothing.
	before := map[string]int{}
	for _, r := range got {
		before[r.ID] = r.Version
	}
	again, err := s.SaveAttendance(tr.ID, []RosterEntry{
		{PersonID: ana.ID, Status: isms.AttendanceAbsent}, {PersonID: ben.ID, Status: isms.AttendanceAttended, Date: "2026-03-04"},
		{PersonID: cat.ID, Status: isms.AttendanceAttended}, {PersonID: dan.ID, Status: isms.AttendanceAttended, Date: "2026-03-01"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range again {
		if r.Version != before[r.ID] {
			t.Errorf("an unchanged roster rewrote %s's record", r.PersonID)
		}
	}
}

func TestSaveAttendanceRefusesAsAWhole(t *testing.T) {
	a := newPlanApp(t)
	s := a.Trainings
	tr := addTraining(t, a, "TR-1", false, "2026-03-01")
	ana := addPerson(t, a, "Ana")
	ben := addPerson(t, a, "Ben")
	for _, tc := range []struct {
		name   string
		roster []RosterEntry
		field  string
	}{
		{"a future date on the second line", []RosterEntry{{PersonID: ana.ID, Status: isms.AttendanceAttended},
			{PersonID: ben.ID, Status: isms.AttendanceAttended, Date: "2026-04-01"}}, "date"},
		{"a person twice", []RosterEntry{{PersonID: ana.ID, Status: isms.AttendanceAttended}, {PersonID: ana.ID, Status: isms.AttendanceAbsent}}, "roster"},
		{"an unknown person", []RosterEntry{{PersonID: ana.ID, Status: isms.AttendanceAttended}, {PersonID: "nobody", Status: isms.AttendanceAttended}}, "roster"},
		{"an unknown status", []RosterEntry{{PersonID: ana.ID, Status: "late"}}, "roster"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.SaveAttendance(tr.ID, tc.roster)
			wantErr(t, "save", err, isms.CodeInvalid, tc.field)
			if got := statuses(t, a, tr.ID); len(got) != 0 {
				t.Fatalf("a refused roster left records: %v", got)
			}
			if got, _ := s.Get(tr.ID); got.Status != isms.TrainingPlanned || got.Version != 1 {
				t.Fatalf("a refused roster changed the training: %+v", got)
			}
		})
	}
}

func TestReachCountsDistinctPeopleWithinTheAudience(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Priya", isms.RoleISMSManager)
	var staff []isms.Person
	for _, n := range []string{"Ana", "Ben", "Cat", "Dan"} {
		staff = append(staff, addPerson(t, a, n, isms.RoleEmployees))
	}
	left := addPerson(t, a, "Lee", isms.RoleEmployees)
	left.Active = false
	if _, err := a.People.Update(left); err != nil {
		t.Fatal(err)
	}

	// The campaign's audience defaults to the active members of its roles.
	c, err := a.Campaigns.Create(isms.Campaign{Ref: "AW-1", Title: "Phishing month", Channels: []string{isms.ChannelEmail},
		RoleIDs: []string{roleID(t, a, isms.RoleEmployees)}, StartDate: "2026-03-01", OwnerID: owner.ID})
	if err != nil || c.AudienceSize != 4 {
		t.Fatalf("campaign audience %d (%v), want the 4 active employees", c.AudienceSize, err)
	}

	// A number of people: never more than the audience (all active staff by default: 5).
	_, err = a.Communications.Create(isms.Communication{Subject: "Tip 1", Date: "2026-03-02", Channel: isms.ChannelEmail, Reach: 6})
	wantErr(t, "reach above all staff", err, isms.CodeInvalid, "reach")
	m, err := a.Communications.Create(isms.Communication{Subject: "Tip 1", Date: "2026-03-02", Channel: isms.ChannelEmail, Reach: 5, OwnerID: owner.ID})
	if err != nil || m.AudienceSize != 5 {
		t.Fatalf("all staff: %+v %v", m, err)
	}
	_, err = a.Communications.Create(isms.Communication{Subject: "To customers", Date: "2026-03-02", Channel: isms.ChannelNewsletter, AudienceSize: -1})
	wantErr(t, "negative audience", err, isms.CodeInvalid, "audienceSize")
	n, err := a.Communications.Create(isms.Communication{Subject: "To customers", Date: "2026-03-02", Channel: isms.ChannelNewsletter, AudienceSize: 140, Reach: 120})
	if err != nil || n.AudienceSize != 140 {
		t.Fatalf("an audience outside the staff: %+v %v", n, err)
	}

	// People by name are counted once each; in a campaign the audience is the campaign's.
	meet, err := a.Communications.Create(isms.Communication{Subject: "Kick-off", Date: "2026-03-03", Channel: isms.ChannelMeeting, CampaignID: c.ID,
		RecipientIDs: []string{staff[0].ID, staff[1].ID, staff[0].ID}, Reach: 99})
	if err != nil || meet.Reach != 2 || len(meet.RecipientIDs) != 2 || meet.AudienceSize != 4 {
		t.Fatalf("named people: %+v %v", meet, err)
	}
	_, err = a.Communications.Create(isms.Communication{Subject: "Everyone and more", Date: "2026-03-03", Channel: isms.ChannelMeeting,
		CampaignID: c.ID, RecipientIDs: []string{staff[0].ID, staff[1].ID, staff[2].ID, staff[3].ID, owner.ID}})
	wantErr(t, "more people named than the audience", err, isms.CodeInvalid, "recipientIds")
	if _, err := a.Communications.Create(isms.Communication{Subject: "E-learning", Date: "2026-03-05", Channel: isms.ChannelELearning, CampaignID: c.ID,
		RecipientIDs: []string{staff[1].ID, staff[2].ID}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Communications.Create(isms.Communication{Subject: "Posters", Date: "2026-03-06", Channel: isms.ChannelPoster, CampaignID: c.ID, Reach: 2}); err != nil {
		t.Fatal(err)
	}

	// The campaign reached Ana, Ben and Cat: 3 of 4, not 2 + 2 + 2.
	reach, err := a.Campaigns.Reach()
	if err != nil || len(reach) != 1 {
		t.Fatalf("reach %+v %v", reach, err)
	}
	if r := reach[0]; r.CampaignID != c.ID || r.Reached != 3 || r.Audience != 4 || r.Communications != 3 {
		t.Fatalf("campaign reach %+v, want 3 of 4 over 3 communications", r)
	}

	// Editing the roles counts the audience again; a size typed in is kept.
	m.RoleIDs = []string{roleID(t, a, isms.RoleISMSManager)}
	_, err = a.Communications.Update(m)
	wantErr(t, "reach 5 for an audience of 1", err, isms.CodeInvalid, "reach")
	m.Reach = 1
	if m, err = a.Communications.Update(m); err != nil || m.AudienceSize != 1 {
		t.Fatalf("after choosing a role: %+v %v", m, err)
	}
	m.AudienceSize = 3
	if m, err = a.Communications.Update(m); err != nil || m.AudienceSize != 3 {
		t.Fatalf("a size typed in: %+v %v", m, err)
	}
}

// TestSaveAttendanceOfALargeRoster: a roster of 1,000 people, more than one Badger
// transaction holds, is saved whole; one whose last line is wrong writes nothing.
func TestSaveAttendanceOfALargeRoster(t *testing.T) {
	a := newPlanApp(t)
	tr := addTraining(t, a, "TR-1", true, "2026-03-01", isms.RoleEmployees)
	other := addTraining(t, a, "TR-2", true, "2026-03-01", isms.RoleEmployees)
	var roster []RosterEntry
	for n := 1; n <= 1000; n++ {
		p := addPerson(t, a, fmt.Sprintf("Person %04d", n), isms.RoleEmployees)
		roster = append(roster, RosterEntry{PersonID: p.ID, Status: isms.AttendanceAttended})
	}
	got, err := a.Trainings.SaveAttendance(tr.ID, roster)
	if err != nil || len(got) != 1000 {
		t.Fatalf("%d records, %v", len(got), err)
	}
	before, _ := a.Trainings.Get(other.ID)
	bad := append(slices.Clone(roster), RosterEntry{PersonID: roster[0].PersonID, Status: isms.AttendanceAbsent})
	if _, err := a.Trainings.SaveAttendance(other.ID, bad); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("a roster listing someone twice: %v", err)
	}
	if got, err := a.Trainings.Attendance(other.ID); err != nil || len(got) != 0 {
		t.Fatalf("the refused roster left %d records (%v)", len(got), err)
	}
	if tr2, _ := a.Trainings.Get(other.ID); tr2.Status != before.Status || tr2.Version != before.Version {
		t.Errorf("the refused roster changed the training: %s v%d, was %s v%d", tr2.Status, tr2.Version, before.Status, before.Version)
	}
}
