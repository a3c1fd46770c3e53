package isms

import "math"

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

// Measurement is one dated value of a KPI.
type Measurement struct {
	Meta
	KPIID string  `json:"kpiId"` // the KPI
	Date  Date    `json:"date"`  // when the value was measured
	Value float64 `json:"value"` // the value, in the KPI's unit
	Note  string  `json:"note"`  // free text
}

// Kind implements Record.
func (*Measurement) Kind() Kind { return KindMeasurement }

// Validate implements Record.
func (m *Measurement) Validate() error {
	p := NewProblems("measurement")
	p.Require("kpiId", m.KPIID)
	p.RequireDate("date", m.Date)
	if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
		p.Add("value", "must be a number")
	}
	return p.Err()
}

// Terms implements Record.
func (m *Measurement) Terms() Terms {
	return Terms{Links: linkTo("kpiId", KindKPI, m.KPIID)}
}
