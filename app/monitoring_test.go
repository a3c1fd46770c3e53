package app

import (
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
