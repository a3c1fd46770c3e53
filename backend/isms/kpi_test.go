package isms_test

import (
	"errors"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/isms/ismstest"
)

// fieldsOf returns the fields an error names, nil for no error.
func fieldsOf(t *testing.T, err error) map[string]string {
	t.Helper()
	if err == nil {
		return nil
	}
	var e *isms.Error
	if !errors.As(err, &e) {
		t.Fatalf("%v is not an *isms.Error", err)
	}
	return e.Fields
}

func TestAutomatedKPIKeepsItsMetricsUnitAndDirection(t *testing.T) {
	for _, m := range isms.Metrics {
		if isms.KPISources.Label(m.Source) != m.Label {
			t.Errorf("%s is not offered as a KPI source", m.Source)
		}
		if m.Direction == isms.HigherIsBetter && m.Amber > m.Target || m.Direction == isms.LowerIsBetter && m.Amber < m.Target {
			t.Errorf("%s: default amber %v is on the wrong side of the target %v", m.Source, m.Amber, m.Target)
		}
		k := ismstest.Valid(isms.KindKPI).(*isms.KPI)
		k.Source, k.Unit, k.Direction, k.Target, k.Amber = m.Source, m.Unit, m.Direction, m.Target, m.Amber
		if err := k.Validate(); err != nil {
			t.Errorf("%s with its defaults: %v", m.Source, err)
		}
		got, ok := k.Metric()
		if !ok || got.Source != m.Source {
			t.Errorf("%s: Metric() = %+v %v", m.Source, got, ok)
		}
	}

	k := ismstest.Valid(isms.KindKPI).(*isms.KPI) // "%", higher is better
	k.Source = isms.SourceOverdueActions          // a count, lower is better
	f := fieldsOf(t, k.Validate())
	if f["unit"] == "" || f["direction"] == "" {
		t.Fatalf("an overdue-actions KPI in %% and higher is better: %v, want unit and direction refused", f)
	}
	k.Source = "guesswork"
	if f := fieldsOf(t, k.Validate()); f["source"] == "" {
		t.Fatalf("an unknown source: %v, want it refused", f)
	}
	for _, manual := range []string{"", isms.SourceManual} {
		k.Source = manual
		if err := k.Validate(); err != nil {
			t.Fatalf("a KPI entered by hand (source %q): %v", manual, err)
		}
		if _, ok := k.Metric(); ok {
			t.Fatalf("source %q has a metric", manual)
		}
	}
}

func TestMeasurementSourceAndCorrection(t *testing.T) {
	m := ismstest.Valid(isms.KindMeasurement).(*isms.Measurement)
	m.Source = "guessed"
	if f := fieldsOf(t, m.Validate()); f["source"] == "" {
		t.Fatalf("an unknown measurement source: %v, want it refused", f)
	}
	for _, s := range []string{"", isms.MeasuredManually, isms.MeasuredByImport, isms.MeasuredAutomatically} {
		m.Source = s
		if err := m.Validate(); err != nil {
			t.Fatalf("source %q: %v", s, err)
		}
	}

	old := &isms.Measurement{KPIID: "k", Date: "2026-03-01", Value: 80, Note: "8 of 10", Source: isms.MeasuredAutomatically}
	cases := []struct {
		name string
		edit func(m *isms.Measurement)
		want string
	}{
		{"a note added", func(m *isms.Measurement) { m.Note += "; checked" }, isms.MeasuredAutomatically},
		{"the value corrected", func(m *isms.Measurement) { m.Value = 81 }, isms.MeasuredManually},
		{"the date moved", func(m *isms.Measurement) { m.Date = "2026-03-02" }, isms.MeasuredManually},
		{"a source sent along", func(m *isms.Measurement) { m.Source = isms.MeasuredByImport }, isms.MeasuredAutomatically},
	}
	for _, tc := range cases {
		m := *old
		tc.edit(&m)
		m.Corrected(old)
		if m.Source != tc.want {
			t.Errorf("%s: source %q, want %q", tc.name, m.Source, tc.want)
		}
	}
}
