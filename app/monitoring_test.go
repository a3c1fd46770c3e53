package app

import (
	"context"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// addKPI creates a KPI through the service, failing the test on an error.
func addKPI(t *testing.T, a *App, k isms.KPI) isms.KPI {
	t.Helper()
	k, err := a.KPIs.Create(k)
	if err != nil {
		t.Fatalf("create KPI %s: %v", k.Ref, err)
	}
	return k
}

// record records a value through the quick entry, failing the test on an error.
func record(t *testing.T, a *App, k isms.KPI, date string, value float64) isms.Measurement {
	t.Helper()
	m, err := a.Measurements.Record(k.ID, date, value, "")
	if err != nil {
		t.Fatalf("record %v on %s for %s: %v", value, date, k.Ref, err)
	}
	return m
}

// statusOfKPI returns one KPI's standing from KPIService.Status.
func statusOfKPI(t *testing.T, a *App, id string) KPIStatus {
	t.Helper()
	all, err := a.KPIs.Status()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		if s.KPIID == id {
			return s
		}
	}
	t.Fatalf("no status for KPI %s in %+v", id, all)
	return KPIStatus{}
}

// phishing is a higher-is-better monthly KPI: green from 95 %, amber from 85 %.
func phishing(owner string) isms.KPI {
	return isms.KPI{Ref: "KPI-01", Name: "Phishing reports", Frequency: isms.FrequencyMonthly, Unit: "%",
		Target: 95, Amber: 85, Direction: isms.HigherIsBetter, OwnerID: owner, Active: true}
}

func TestKPIValidationLinksAndDelete(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Mia Measurer")
	ctl := controlByRef(t, a, "A.5.1")

	refused := []struct {
		name  string
		edit  func(k *isms.KPI)
		field string
	}{
		{"no name", func(k *isms.KPI) { k.Name = " " }, "name"},
		{"unknown frequency", func(k *isms.KPI) { k.Frequency = "daily" }, "frequency"},
		{"amber above target when higher is better", func(k *isms.KPI) { k.Amber = 99 }, "amber"},
		{"amber below target when lower is better", func(k *isms.KPI) { k.Direction, k.Target, k.Amber = isms.LowerIsBetter, 5, 2 }, "amber"},
		{"control that does not exist", func(k *isms.KPI) { k.ControlID = "nope" }, "controlId"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			k := phishing(owner.ID)
			tc.edit(&k)
			_, err := a.KPIs.Create(k)
			wantErr(t, "create", err, isms.CodeInvalid, tc.field)
		})
	}
	if l, err := a.KPIs.List(); err != nil || len(l) != 0 {
		t.Fatalf("refused KPIs were stored: %+v %v", l, err)
	}

	k := phishing(owner.ID)
	k.ControlID = ctl.ID
	k = addKPI(t, a, k)
	if _, err := a.KPIs.Create(phishing(owner.ID)); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("a second KPI-01: %v, want invalid", err)
	}
	k.Target, k.Amber = 90, 80
	k, err := a.KPIs.Update(k)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := a.KPIs.Get(k.ID); err != nil || got.Target != 90 || got.ControlID != ctl.ID || got.Version != 2 {
		t.Fatalf("get after update: %+v %v", got, err)
	}

	m := record(t, a, k, "2026-03-01", 92)
	err = a.KPIs.Delete(k.ID, k.Version)
	wantErr(t, "delete a KPI with a measurement", err, isms.CodeLocked)
	if _, err := a.KPIs.Get(k.ID); err != nil {
		t.Fatalf("the KPI went despite the refusal: %v", err)
	}
	if err := a.Measurements.Delete(m.ID, m.Version); err != nil {
		t.Fatal(err)
	}
	if err := a.KPIs.Delete(k.ID, k.Version); err != nil {
		t.Fatalf("delete a KPI without measurements: %v", err)
	}
	_, err = a.KPIs.Get(k.ID)
	wantErr(t, "get a deleted KPI", err, isms.CodeNotFound)
}

func TestMeasurementsRecordOneValueADate(t *testing.T) {
	a := newPlanApp(t)
	owner := addPerson(t, a, "Mia Measurer")
	k := addKPI(t, a, phishing(owner.ID))
	other := phishing(owner.ID)
	other.Ref, other.Name = "KPI-02", "Patch latency"
	other = addKPI(t, a, other)

	march := record(t, a, k, "2026-03-01", 92)
	jan, err := a.Measurements.Record(k.ID, " 2026-01-01 ", 80, "  first count  ")
	if err != nil || jan.Date != "2026-01-01" || jan.Note != "first count" || jan.KPIID != k.ID || jan.ID == "" {
		t.Fatalf("record: %+v %v", jan, err)
	}
	record(t, a, other, "2026-03-01", 10) // another KPI may have a value on the same date

	refused := []struct {
		name      string
		kpi, date string
		code      isms.Code
		field     string
	}{
		{"a second value on one date", k.ID, "2026-03-01", isms.CodeInvalid, "date"},
		{"no date", k.ID, "", isms.CodeInvalid, "date"},
		{"not a date", k.ID, "2026-02-30", isms.CodeInvalid, "date"},
		{"no KPI", "", "2026-03-02", isms.CodeInvalid, "kpiId"},
		{"a KPI that does not exist", "nope", "2026-03-02", isms.CodeInvalid, "kpiId"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			_, err := a.Measurements.Record(tc.kpi, tc.date, 1, "")
			wantErr(t, "record", err, tc.code, tc.field)
		})
	}

	got, err := a.Measurements.OfKPI(k.ID)
	if err != nil || len(got) != 2 || got[0].ID != jan.ID || got[1].ID != march.ID {
		t.Fatalf("measurements of the KPI: %+v %v, want January then March", got, err)
	}
	if all, err := a.Measurements.List(); err != nil || len(all) != 3 {
		t.Fatalf("all measurements: %+v %v, want 3", all, err)
	}
	_, err = a.Measurements.OfKPI("nope")
	wantErr(t, "measurements of a KPI that does not exist", err, isms.CodeNotFound)

	jan.Date = march.Date
	_, err = a.Measurements.Update(jan)
	wantErr(t, "move a value onto a date that has one", err, isms.CodeInvalid, "date")
	jan.Date, jan.Value = "2026-02-01", 85
	jan, err = a.Measurements.Update(jan)
	if err != nil || jan.Version != 2 {
		t.Fatalf("move a value to a free date: %+v %v", jan, err)
	}
	jan.Note = "recounted" // its own date is not a clash
	if _, err := a.Measurements.Update(jan); err != nil {
		t.Fatalf("edit the note of a value: %v", err)
	}
	stale := march
	march.Value = 93
	if _, err := a.Measurements.Update(march); err != nil {
		t.Fatal(err)
	}
	err = a.Measurements.Delete(stale.ID, stale.Version)
	wantErr(t, "delete a value read before an edit", err, isms.CodeConflict)
}

func TestKPIStatusLatestRAGTrendAndDue(t *testing.T) {
	a := newPlanApp(t) // today is 2026-03-10; KPIs created now
	owner := addPerson(t, a, "Mia Measurer")
	kpi := func(ref, freq, dir string, target, amber float64, active bool) isms.KPI {
		return addKPI(t, a, isms.KPI{Ref: ref, Name: ref, Frequency: freq, Direction: dir, Target: target, Amber: amber, OwnerID: owner.ID, Active: active})
	}
	fresh := kpi("FRESH", isms.FrequencyMonthly, isms.HigherIsBetter, 95, 85, true)
	rising := kpi("RISING", isms.FrequencyMonthly, isms.HigherIsBetter, 95, 85, true)
	record(t, a, rising, "2026-02-05", 90) // out of order on purpose
	record(t, a, rising, "2026-01-05", 80)
	falling := kpi("FALLING", isms.FrequencyQuarterly, isms.LowerIsBetter, 5, 10, true)
	record(t, a, falling, "2026-01-20", 12)
	record(t, a, falling, "2026-03-01", 4)
	flat := kpi("FLAT", isms.FrequencyWeekly, isms.HigherIsBetter, 1, 0, true)
	record(t, a, flat, "2026-03-02", 0.5)
	record(t, a, flat, "2026-03-03", 0.5)
	endOfMonth := kpi("EOM", isms.FrequencyMonthly, isms.LowerIsBetter, 5, 10, true)
	record(t, a, endOfMonth, "2026-01-31", 20)
	retired := kpi("RETIRED", isms.FrequencyMonthly, isms.HigherIsBetter, 95, 85, false)
	record(t, a, retired, "2025-01-01", 50)
	yearly := kpi("YEARLY", isms.FrequencyYearly, isms.HigherIsBetter, 95, 85, true)
	record(t, a, yearly, "2025-03-10", 99)

	cases := []struct {
		k    isms.KPI
		want KPIStatus
	}{
		{fresh, KPIStatus{NextDue: "2026-04-10"}},
		{rising, KPIStatus{Measurements: 2, Latest: 90, LatestOn: "2026-02-05", RAG: isms.RAGAmber, Previous: 80, PreviousOn: "2026-01-05",
			Trend: isms.TrendUp, NextDue: "2026-03-05", Due: true}},
		{falling, KPIStatus{Measurements: 2, Latest: 4, LatestOn: "2026-03-01", RAG: isms.RAGGreen, Previous: 12, PreviousOn: "2026-01-20",
			Trend: isms.TrendDown, NextDue: "2026-06-01"}},
		{flat, KPIStatus{Measurements: 2, Latest: 0.5, LatestOn: "2026-03-03", RAG: isms.RAGAmber, Previous: 0.5, PreviousOn: "2026-03-02",
			Trend: isms.TrendFlat, NextDue: "2026-03-10", Due: true}}, // due on its due date
		{endOfMonth, KPIStatus{Measurements: 1, Latest: 20, LatestOn: "2026-01-31", RAG: isms.RAGRed, NextDue: "2026-02-28", Due: true}},
		{retired, KPIStatus{Measurements: 1, Latest: 50, LatestOn: "2025-01-01", RAG: isms.RAGRed}},
		{yearly, KPIStatus{Measurements: 1, Latest: 99, LatestOn: "2025-03-10", RAG: isms.RAGGreen, NextDue: "2026-03-10", Due: true}},
	}
	all, err := a.KPIs.Status()
	if err != nil || len(all) != len(cases) {
		t.Fatalf("status: %d KPIs %v, want %d", len(all), err, len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.k.Ref, func(t *testing.T) {
			tc.want.KPIID = tc.k.ID
			if got := statusOfKPI(t, a, tc.k.ID); got != tc.want {
				t.Fatalf("status\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}

	// A month on, the fresh KPI is due; recording a value today clears it.
	a.clock = func() time.Time { return planNow.AddDate(0, 1, 0) }
	if s := statusOfKPI(t, a, fresh.ID); !s.Due || s.NextDue != "2026-04-10" {
		t.Fatalf("a never measured KPI a month after its creation: %+v, want due", s)
	}
	record(t, a, fresh, "2026-04-10", 96)
	if s := statusOfKPI(t, a, fresh.ID); s.Due || s.NextDue != "2026-05-10" || s.RAG != isms.RAGGreen || s.Trend != "" {
		t.Fatalf("after recording today: %+v, want green, not due until 2026-05-10", s)
	}

	// Switching a KPI off stops it being due; switching it back on makes it due again.
	rising, _ = a.KPIs.Get(rising.ID)
	rising.Active = false
	if rising, err = a.KPIs.Update(rising); err != nil {
		t.Fatal(err)
	}
	if s := statusOfKPI(t, a, rising.ID); s.Due || s.NextDue != "" {
		t.Fatalf("an inactive KPI: %+v, want never due", s)
	}
}

// overdueActionsKPI is an automated monthly KPI counting the overdue actions.
func overdueActionsKPI(ref string) isms.KPI {
	return isms.KPI{Ref: ref, Name: "Overdue actions", Source: isms.SourceOverdueActions, Frequency: isms.FrequencyMonthly,
		Direction: isms.LowerIsBetter, Target: 0, Amber: 3, Active: true}
}

// addAction creates an open action due on due.
func addAction(t *testing.T, a *App, ref string, due isms.Date) isms.Action {
	t.Helper()
	act, err := a.Actions.Create(isms.Action{Ref: ref, Title: "Action " + ref, Status: isms.ActionOpen, DueDate: due})
	if err != nil {
		t.Fatalf("create action %s: %v", ref, err)
	}
	return act
}

// measured returns a KPI's measurements as stored, without measuring anything.
func measured(t *testing.T, a *App, k isms.KPI) []isms.Measurement {
	t.Helper()
	ms, err := a.Measurements.OfKPI(k.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestAutomatedKPIsAreMeasuredOncePerPeriod(t *testing.T) {
	a := newPlanApp(t) // 2026-03-10
	at := func(d string) {
		day, err := time.Parse(isms.DateLayout, d)
		if err != nil {
			t.Fatal(err)
		}
		a.clock = func() time.Time { return day.Add(9 * time.Hour) }
	}
	auto := addKPI(t, a, overdueActionsKPI("AUTO"))
	retired := overdueActionsKPI("RETIRED")
	retired.Active = false
	retired = addKPI(t, a, retired)
	nothing := addKPI(t, a, isms.KPI{Ref: "POLICIES", Name: "Policies reviewed on time", Source: isms.SourcePoliciesReviewed,
		Frequency: isms.FrequencyMonthly, Unit: "%", Direction: isms.HigherIsBetter, Target: 100, Amber: 90, Active: true})
	manual := addKPI(t, a, phishing(""))
	addAction(t, a, "ACT-1", "2026-03-01")

	if s := statusOfKPI(t, a, auto.ID); s.Measurements != 0 || s.Due || s.NextDue != "2026-04-10" {
		t.Fatalf("a new automated KPI: %+v, want not measured before its first period ends", s)
	}

	at("2026-04-10") // a month on: due
	s := statusOfKPI(t, a, auto.ID)
	if s.Measurements != 1 || s.Latest != 1 || s.LatestOn != "2026-04-10" || s.RAG != isms.RAGAmber || s.Due || s.NextDue != "2026-05-10" {
		t.Fatalf("the automated KPI when due: %+v, want measured today, 1 overdue action", s)
	}
	ms := measured(t, a, auto)
	if ms[0].Source != isms.MeasuredAutomatically || ms[0].Note != "1 overdue action" {
		t.Fatalf("the automatic measurement: %+v", ms[0])
	}
	addAction(t, a, "ACT-2", "2026-04-01")
	for range 3 { // asked again the same day, and the next: one value a period
		a.KPIs.Status()
		db, _ := a.store()
		a.KPIs.measureDue(db)
	}
	at("2026-04-11")
	a.KPIs.Status()
	if ms := measured(t, a, auto); len(ms) != 1 || ms[0].Value != 1 {
		t.Fatalf("within the period: %+v, want still the one value", ms)
	}
	for _, k := range []isms.KPI{retired, manual} {
		if ms := measured(t, a, k); len(ms) != 0 {
			t.Fatalf("%s was measured automatically: %+v", k.Ref, ms)
		}
	}
	if s := statusOfKPI(t, a, manual.ID); !s.Due {
		t.Fatalf("the KPI entered by hand: %+v, want due and left to be entered", s)
	}
	if s := statusOfKPI(t, a, nothing.ID); s.Measurements != 0 || !s.Due {
		t.Fatalf("a share of no policies: %+v, want no value and still due", s)
	}

	// The next period is measured when the store opens, before anyone asks.
	a.Shutdown(context.Background())
	at("2026-05-12")
	a.Startup(context.Background())
	ms = measured(t, a, auto)
	if len(ms) != 2 || ms[1].Date != "2026-05-12" || ms[1].Value != 2 || ms[1].Note != "2 overdue actions" || ms[1].Source != isms.MeasuredAutomatically {
		t.Fatalf("after opening the store a period later: %+v, want a second automatic value of 2", ms)
	}
	if s := statusOfKPI(t, a, auto.ID); s.Measurements != 2 || s.Due || s.NextDue != "2026-06-12" || s.Trend != isms.TrendUp {
		t.Fatalf("status after the second value: %+v", s)
	}
}

func TestMeasureNow(t *testing.T) {
	a := newPlanApp(t) // 2026-03-10
	owner := addPerson(t, a, "Mia Measurer")
	auto := addKPI(t, a, overdueActionsKPI("AUTO"))
	manual := addKPI(t, a, phishing(owner.ID))
	addAction(t, a, "ACT-1", "2026-03-01")

	_, err := a.KPIs.MeasureNow(manual.ID)
	wantErr(t, "measure a KPI entered by hand", err, isms.CodeInvalid, "source")
	_, err = a.KPIs.MeasureNow("nope")
	wantErr(t, "measure a KPI that does not exist", err, isms.CodeNotFound)

	m, err := a.KPIs.MeasureNow(auto.ID)
	if err != nil || m.ID == "" || m.Date != planToday || m.Value != 1 || m.Note != "1 overdue action" || m.Source != isms.MeasuredAutomatically {
		t.Fatalf("measure now: %+v %v", m, err)
	}
	addAction(t, a, "ACT-2", "2026-03-09")
	again, err := a.KPIs.MeasureNow(auto.ID)
	if err != nil || again.ID != m.ID || again.Value != 2 || again.Note != "2 overdue actions" || again.Version != 2 {
		t.Fatalf("measure again the same day: %+v %v, want today's value replaced", again, err)
	}
	if ms := measured(t, a, auto); len(ms) != 1 {
		t.Fatalf("after measuring twice in a day: %+v, want one value", ms)
	}

	// A value entered by hand on an automated KPI is allowed, labelled, and kept.
	other := addKPI(t, a, overdueActionsKPI("AUTO-2"))
	hand := record(t, a, other, string(planToday), 7)
	if hand.Source != isms.MeasuredManually {
		t.Fatalf("a value entered by hand: source %q, want manual", hand.Source)
	}
	_, err = a.KPIs.MeasureNow(other.ID)
	wantErr(t, "measure over today's value entered by hand", err, isms.CodeInvalid, "date")
	if got, _ := a.Measurements.Get(hand.ID); got.Value != 7 {
		t.Fatalf("the value entered by hand was changed: %+v", got)
	}

	// The window cannot pass a value off as automatic; correcting one makes it manual.
	forged, err := a.Measurements.Create(isms.Measurement{KPIID: other.ID, Date: "2026-03-01", Value: 0, Source: isms.MeasuredAutomatically})
	if err != nil || forged.Source != isms.MeasuredManually {
		t.Fatalf("a value created in the window: %+v %v, want source manual", forged, err)
	}
	again.Note = "checked by the officer"
	if again, err = a.Measurements.Update(again); err != nil || again.Source != isms.MeasuredAutomatically {
		t.Fatalf("a note added to an automatic value: %+v %v, want still automatic", again, err)
	}
	again.Value = 3
	if again, err = a.Measurements.Update(again); err != nil || again.Source != isms.MeasuredManually {
		t.Fatalf("an automatic value corrected by hand: %+v %v, want manual", again, err)
	}

	empty := addKPI(t, a, isms.KPI{Ref: "POLICIES", Name: "Policies reviewed on time", Source: isms.SourcePoliciesReviewed,
		Frequency: isms.FrequencyMonthly, Unit: "%", Direction: isms.HigherIsBetter, Target: 100, Amber: 90, Active: true})
	_, err = a.KPIs.MeasureNow(empty.ID)
	wantErr(t, "measure a share of no policies", err, isms.CodeInvalid)
	if ms := measured(t, a, empty); len(ms) != 0 {
		t.Fatalf("a share of nothing was recorded: %+v", ms)
	}

	// Choosing a metric fixes its unit and direction.
	wrong := overdueActionsKPI("WRONG")
	wrong.Unit, wrong.Direction, wrong.Target, wrong.Amber = "%", isms.HigherIsBetter, 95, 85
	_, err = a.KPIs.Create(wrong)
	wantErr(t, "an overdue-actions KPI read as a percentage", err, isms.CodeInvalid, "unit", "direction")
	if metrics, err := a.KPIs.Metrics(); err != nil || len(metrics) != len(isms.Metrics) {
		t.Fatalf("metrics: %d %v", len(metrics), err)
	}
}
