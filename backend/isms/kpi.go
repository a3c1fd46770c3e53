package isms

import (
	"math"
	"time"
)

// Measurement frequencies of a KPI.
const (
	FrequencyWeekly     = "weekly"
	FrequencyMonthly    = "monthly"
	FrequencyQuarterly  = "quarterly"
	FrequencyHalfYearly = "half_yearly"
	FrequencyYearly     = "yearly"
)

// Frequencies lists how often a KPI is measured.
var Frequencies = Enum{
	{FrequencyWeekly, "Weekly"},
	{FrequencyMonthly, "Monthly"},
	{FrequencyQuarterly, "Quarterly"},
	{FrequencyHalfYearly, "Half-yearly"},
	{FrequencyYearly, "Yearly"},
}

// Directions of a KPI.
const (
	HigherIsBetter = "higher_is_better"
	LowerIsBetter  = "lower_is_better"
)

// Directions lists whether a KPI is better high or low.
var Directions = Enum{
	{HigherIsBetter, "Higher is better"},
	{LowerIsBetter, "Lower is better"},
}

// Red, amber and green.
const (
	RAGGreen = "green"
	RAGAmber = "amber"
	RAGRed   = "red"
)

// RAGs lists the red/amber/green statuses.
var RAGs = Enum{
	{RAGGreen, "Green"},
	{RAGAmber, "Amber"},
	{RAGRed, "Red"},
}

// KPI is a key performance indicator of the ISMS (clause 9.1): what is measured, how,
// how often, the target and the amber threshold.
type KPI struct {
	Meta
	Ref         string  `json:"ref"`         // e.g. "KPI-01"
	Name        string  `json:"name"`        // e.g. "Phishing simulation click rate"
	Description string  `json:"description"` // what is measured
	Method      string  `json:"method"`      // how it is measured
	Frequency   string  `json:"frequency"`   // one of Frequencies
	Unit        string  `json:"unit"`        // e.g. "%", "days"
	Target      float64 `json:"target"`      // the green threshold
	Direction   string  `json:"direction"`   // one of Directions
	Amber       float64 `json:"amber"`       // the amber threshold: beyond it the KPI is red
	OwnerID     string  `json:"ownerId"`     // who measures it
	ObjectiveID string  `json:"objectiveId"` // the objective it shows progress on, optional
	ControlID   string  `json:"controlId"`   // the control it measures, optional
	Active      bool    `json:"active"`      // whether it is still measured
	Source      string  `json:"source"`      // one of KPISources; "" is entered by hand
}

// Kind implements Record.
func (*KPI) Kind() Kind { return KindKPI }

// Validate implements Record.
func (k *KPI) Validate() error {
	p := NewProblems("KPI")
	p.Require("ref", k.Ref)
	p.MaxLen("ref", k.Ref, 64)
	p.Require("name", k.Name)
	p.MaxLen("name", k.Name, 300)
	p.MaxLen("unit", k.Unit, 32)
	p.Enum("frequency", k.Frequency, Frequencies, false)
	p.Enum("direction", k.Direction, Directions, false)
	p.Enum("source", k.Source, KPISources, true)
	if m, ok := k.Metric(); ok {
		if k.Direction != m.Direction {
			p.Add("direction", "must be %s: it is how %s is read", Directions.Label(m.Direction), m.Label)
		}
		switch {
		case k.Unit != m.Unit && m.Unit == "":
			p.Add("unit", "must be empty for %s: it is a count", m.Label)
		case k.Unit != m.Unit:
			p.Add("unit", "must be %q for %s", m.Unit, m.Label)
		}
	}
	if math.IsNaN(k.Target) || math.IsInf(k.Target, 0) {
		p.Add("target", "must be a number")
	}
	if math.IsNaN(k.Amber) || math.IsInf(k.Amber, 0) {
		p.Add("amber", "must be a number")
	}
	switch k.Direction {
	case HigherIsBetter:
		if k.Amber > k.Target {
			p.Add("amber", "must not be above the target when higher is better")
		}
	case LowerIsBetter:
		if k.Amber < k.Target {
			p.Add("amber", "must not be below the target when lower is better")
		}
	}
	return p.Err()
}

// Terms implements Record.
func (k *KPI) Terms() Terms {
	return Terms{
		Ref: k.Ref, Title: k.Name, Owner: k.OwnerID,
		Links: concatLinks(
			linkTo("objectiveId", KindObjective, k.ObjectiveID),
			linkTo("controlId", KindControl, k.ControlID),
		),
	}
}

// RAG returns the red/amber/green status of a value of the KPI: green when it meets the
// target, amber when it is no worse than the amber threshold, red otherwise.
func RAG(k *KPI, value float64) string {
	if k.Direction == LowerIsBetter {
		switch {
		case value <= k.Target:
			return RAGGreen
		case value <= k.Amber:
			return RAGAmber
		}
		return RAGRed
	}
	switch {
	case value >= k.Target:
		return RAGGreen
	case value >= k.Amber:
		return RAGAmber
	}
	return RAGRed
}

// Where a KPI's values come from: entered by hand, or worked out from the ISMS's own
// records (an automated KPI, measured when due).
const (
	SourceManual              = "manual"
	SourceTrainingCurrent     = "training_current"
	SourcePoliciesReviewed    = "policies_reviewed"
	SourceControlsImplemented = "controls_implemented"
	SourceNCsClosedOnTime     = "ncs_closed_on_time"
	SourceOverdueActions      = "overdue_actions"
	SourceRisksAboveThreshold = "risks_above_threshold"
)

// Metric is a measure the ISMS works out from its own records, with the unit, direction
// and thresholds a KPI on it starts with.
type Metric struct {
	Source    string  `json:"source"`    // one of KPISources, not SourceManual
	Label     string  `json:"label"`     // e.g. "Overdue actions"
	Method    string  `json:"method"`    // how it is computed, in a sentence
	Unit      string  `json:"unit"`      // "%" for shares, "" for counts
	Direction string  `json:"direction"` // one of Directions
	Target    float64 `json:"target"`    // the default target
	Amber     float64 `json:"amber"`     // the default amber threshold
}

// Metrics lists the measures the ISMS works out from its own records.
var Metrics = []Metric{
	{SourceTrainingCurrent, "Staff with their required training current",
		"Share of active people who have attended every training their roles require.", "%", HigherIsBetter, 95, 80},
	{SourcePoliciesReviewed, "Policies reviewed on time",
		"Share of policies (all but retired ones) that are not overdue for review: their next review date has not passed.", "%", HigherIsBetter, 100, 90},
	{SourceControlsImplemented, "Applicable controls implemented",
		"Share of the controls marked applicable in the Statement of Applicability that are implemented.", "%", HigherIsBetter, 90, 75},
	{SourceNCsClosedOnTime, "Nonconformities closed on time",
		"Share of nonconformities closed on or before their due date, among those closed or past their due date (those without a due date are not counted).", "%", HigherIsBetter, 90, 75},
	{SourceOverdueActions, "Overdue actions",
		"Number of actions not done or cancelled whose due date has passed.", "", LowerIsBetter, 0, 3},
	{SourceRisksAboveThreshold, "Risks above the acceptance threshold",
		"Number of risks not closed whose residual score (the inherent score while no residual is assessed) is above the acceptance threshold of the risk method.", "", LowerIsBetter, 0, 2},
}

// KPISources lists where a KPI's values come from.
var KPISources = func() Enum {
	out := Enum{{SourceManual, "Entered by hand"}}
	for _, m := range Metrics {
		out = append(out, Option{m.Source, m.Label})
	}
	return out
}()

// MetricOf returns the metric a KPI source names; false for SourceManual, "" and
// anything unknown.
func MetricOf(source string) (Metric, bool) {
	for _, m := range Metrics {
		if m.Source == source {
			return m, true
		}
	}
	return Metric{}, false
}

// Metric returns the metric an automated KPI is measured by; false for a KPI entered by hand.
func (k *KPI) Metric() (Metric, bool) { return MetricOf(k.Source) }

// Where a measurement came from.
const (
	MeasuredManually      = "manual"
	MeasuredByImport      = "import"
	MeasuredAutomatically = "automatic"
)

// MeasurementSources lists where a measurement came from.
var MeasurementSources = Enum{
	{MeasuredManually, "Entered by hand"},
	{MeasuredByImport, "Imported"},
	{MeasuredAutomatically, "Measured automatically"},
}

// Measurement is one dated value of a KPI.
type Measurement struct {
	Meta
	KPIID  string  `json:"kpiId"`  // the KPI
	Date   Date    `json:"date"`   // when the value was measured
	Value  float64 `json:"value"`  // the value, in the KPI's unit
	Note   string  `json:"note"`   // free text; for an automatic value, how it was computed
	Source string  `json:"source"` // one of MeasurementSources; "" (older values) is by hand
}

// Kind implements Record.
func (*Measurement) Kind() Kind { return KindMeasurement }

// Validate implements Record.
func (m *Measurement) Validate() error {
	p := NewProblems("measurement")
	p.Require("kpiId", m.KPIID)
	p.RequireDate("date", m.Date)
	p.Enum("source", m.Source, MeasurementSources, true)
	if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
		p.Add("value", "must be a number")
	}
	return p.Err()
}

// Terms implements Record.
func (m *Measurement) Terms() Terms {
	return Terms{Links: linkTo("kpiId", KindKPI, m.KPIID)}
}

// Corrected keeps where an edited measurement came from (old is the stored one): a value
// or date changed by hand is then a value entered by hand; a note changed alone keeps it.
func (m *Measurement) Corrected(old *Measurement) {
	m.Source = old.Source
	if m.Value != old.Value || m.Date != old.Date {
		m.Source = MeasuredManually
	}
}

// Trends of a KPI between two successive measurements.
const (
	TrendUp   = "up"
	TrendDown = "down"
	TrendFlat = "flat"
)

// Trend says whether a KPI's value went up, down or stayed flat from previous to latest;
// differences below a billionth are flat.
func Trend(previous, latest float64) string {
	d := latest - previous
	switch {
	case math.Abs(d) < 1e-9:
		return TrendFlat
	case d > 0:
		return TrendUp
	}
	return TrendDown
}

// NextDue returns the date the KPI's next measurement is due: one period of its frequency
// after last, the date of its latest measurement, or after the day the KPI was created
// when it has none. It is "" for a KPI that is not active or has no frequency, and when
// neither date is known.
func (k *KPI) NextDue(last Date) Date {
	if !k.Active {
		return ""
	}
	from := last.Time()
	if last == "" || from.IsZero() {
		if k.CreatedAt.IsZero() {
			return ""
		}
		from = DateOf(k.CreatedAt).Time()
	}
	switch k.Frequency {
	case FrequencyWeekly:
		return DateOf(from.AddDate(0, 0, 7))
	case FrequencyMonthly:
		return DateOf(addMonths(from, 1))
	case FrequencyQuarterly:
		return DateOf(addMonths(from, 3))
	case FrequencyHalfYearly:
		return DateOf(addMonths(from, 6))
	case FrequencyYearly:
		return DateOf(addMonths(from, 12))
	}
	return ""
}

// Due reports whether a measurement of the KPI is due on today: its next due date (see
// NextDue) is today or has passed.
func (k *KPI) Due(last, today Date) bool {
	next := k.NextDue(last)
	return next != "" && today != "" && next <= today
}

// addMonths adds n months to t, keeping to the last day of a shorter month: 31 January
// plus one month is 28 (or 29) February, not 3 March.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	if last := first.AddDate(0, 1, -1).Day(); d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
}

// CheckUnique refuses a second measurement of a KPI on one date (the import matches
// measurements by KPI and date): others are the KPI's stored measurements, m itself among
// them or not.
func (m *Measurement) CheckUnique(others []*Measurement) error {
	for _, o := range others {
		if o.ID != m.ID && o.KPIID == m.KPIID && o.Date == m.Date {
			return &Error{Code: CodeInvalid, Message: "this KPI already has a value measured on " + string(m.Date) + ": edit that measurement instead",
				Fields: map[string]string{"date": "is taken by another measurement of this KPI: edit that one instead"}}
		}
	}
	return nil
}
