package app

import (
	"sort"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// The bound services of monitoring and measurement (9.1): the KPIs and their dated
// measurements, and each KPI's standing (latest value, red/amber/green, trend, due).

// KPIService keeps the key performance indicators.
type KPIService struct{ app *App }

func (s *KPIService) r() records[isms.KPI, *isms.KPI] { return kindOf[isms.KPI](s.app, isms.KindKPI) }

// List returns every KPI.
func (s *KPIService) List() ([]isms.KPI, error) { return s.r().list() }

// Get returns one KPI.
func (s *KPIService) Get(id string) (isms.KPI, error) { return s.r().get(id) }

// Create adds a KPI.
func (s *KPIService) Create(k isms.KPI) (isms.KPI, error) { return s.r().create(k, nil) }

// Update saves an edit of a KPI.
func (s *KPIService) Update(k isms.KPI) (isms.KPI, error) { return s.r().update(k, nil) }

// Delete removes a KPI that nothing links to: not while it has measurements, or an
// objective or control lists it.
func (s *KPIService) Delete(id string, version int) error { return s.r().remove(id, version) }

// KPIStatus is where a KPI stands: its latest measurement against the target, the one
// before it, and whether the next measurement is due.
type KPIStatus struct {
	KPIID        string    `json:"kpiId"`
	Measurements int       `json:"measurements"` // how many values are recorded
	Latest       float64   `json:"latest"`       // the latest value; meaningless when LatestOn is ""
	LatestOn     isms.Date `json:"latestOn"`     // the date of the latest value, "" when never measured
	RAG          string    `json:"rag"`          // one of isms.RAGs for the latest value, "" when never measured
	Previous     float64   `json:"previous"`     // the value before the latest; meaningless when PreviousOn is ""
	PreviousOn   isms.Date `json:"previousOn"`   // its date, "" with fewer than two values
	Trend        string    `json:"trend"`        // isms.TrendUp, TrendDown or TrendFlat from the previous value; "" with fewer than two
	NextDue      isms.Date `json:"nextDue"`      // when the next value is due (isms.KPI.NextDue); "" for an inactive KPI
	Due          bool      `json:"due"`          // whether a measurement is due today (isms.KPI.Due)
}

// Status returns every KPI's standing today, in the order of List.
func (s *KPIService) Status() ([]KPIStatus, error) {
	today := isms.DateOf(s.app.clock())
	out := []KPIStatus{}
	err := s.app.view(func(tx *store.Tx) error {
		series := map[string][]*isms.Measurement{}
		err := tx.Each(isms.KindMeasurement, func(r isms.Record) error {
			m := r.(*isms.Measurement)
			series[m.KPIID] = append(series[m.KPIID], m)
			return nil
		})
		if err != nil {
			return err
		}
		return tx.Each(isms.KindKPI, func(r isms.Record) error {
			k := r.(*isms.KPI)
			out = append(out, statusOf(k, series[k.ID], today))
			return nil
		})
	})
	return out, err
}

// statusOf works out a KPI's standing from its measurements (in any order).
func statusOf(k *isms.KPI, ms []*isms.Measurement, today isms.Date) KPIStatus {
	byDate(ms)
	st := KPIStatus{KPIID: k.ID, Measurements: len(ms)}
	if n := len(ms); n > 0 {
		last := ms[n-1]
		st.Latest, st.LatestOn, st.RAG = last.Value, last.Date, isms.RAG(k, last.Value)
		if n > 1 {
			prev := ms[n-2]
			st.Previous, st.PreviousOn, st.Trend = prev.Value, prev.Date, isms.Trend(prev.Value, last.Value)
		}
	}
	st.NextDue = k.NextDue(st.LatestOn)
	st.Due = k.Due(st.LatestOn, today)
	return st
}

// byDate sorts measurements by date, those of one date in the order they were created.
func byDate(ms []*isms.Measurement) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Date != ms[j].Date {
			return ms[i].Date < ms[j].Date
		}
		return ms[i].CreatedAt.Before(ms[j].CreatedAt)
	})
}

// MeasurementService keeps the dated values of the KPIs.
type MeasurementService struct{ app *App }

func (s *MeasurementService) r() records[isms.Measurement, *isms.Measurement] {
	return kindOf[isms.Measurement](s.app, isms.KindMeasurement)
}

// List returns every measurement.
func (s *MeasurementService) List() ([]isms.Measurement, error) { return s.r().list() }

// OfKPI returns one KPI's measurements, oldest first.
func (s *MeasurementService) OfKPI(kpiID string) ([]isms.Measurement, error) {
	out := []isms.Measurement{}
	err := s.app.view(func(tx *store.Tx) error {
		if _, err := store.GetAs[*isms.KPI](tx, isms.KindKPI, kpiID); err != nil {
			return err
		}
		ms, err := measurementsOf(tx, kpiID)
		for _, m := range ms {
			out = append(out, *m)
		}
		return err
	})
	return out, err
}

// Get returns one measurement.
func (s *MeasurementService) Get(id string) (isms.Measurement, error) { return s.r().get(id) }

// Create adds a measurement; a KPI has at most one value a date.
func (s *MeasurementService) Create(m isms.Measurement) (isms.Measurement, error) {
	return s.r().create(m, func(tx *store.Tx, m *isms.Measurement) error { return checkUnique(tx, m) })
}

// Update saves an edit of a measurement; a KPI has at most one value a date.
func (s *MeasurementService) Update(m isms.Measurement) (isms.Measurement, error) {
	return s.r().update(m, func(tx *store.Tx, _, new *isms.Measurement) error { return checkUnique(tx, new) })
}

// Delete removes a measurement.
func (s *MeasurementService) Delete(id string, version int) error { return s.r().remove(id, version) }

// Record is the quick entry of a KPI's value measured on date (YYYY-MM-DD).
func (s *MeasurementService) Record(kpiID, date string, value float64, note string) (isms.Measurement, error) {
	return s.Create(isms.Measurement{KPIID: kpiID, Date: isms.Date(strings.TrimSpace(date)), Value: value, Note: strings.TrimSpace(note)})
}

// checkUnique refuses a second value of the measurement's KPI on its date.
func checkUnique(tx *store.Tx, m *isms.Measurement) error {
	if m.KPIID == "" || m.Date == "" {
		return nil // Validate names what is missing
	}
	others, err := measurementsOf(tx, m.KPIID)
	if err != nil {
		return err
	}
	return m.CheckUnique(others)
}

// measurementsOf returns the measurements that link to a KPI, oldest first.
func measurementsOf(tx *store.Tx, kpiID string) ([]*isms.Measurement, error) {
	back, err := tx.Backlinks(isms.KindKPI, kpiID)
	if err != nil {
		return nil, err
	}
	var out []*isms.Measurement
	for _, b := range back {
		if b.Kind != isms.KindMeasurement {
			continue
		}
		m, err := store.GetAs[*isms.Measurement](tx, isms.KindMeasurement, b.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	byDate(out)
	return out, nil
}
