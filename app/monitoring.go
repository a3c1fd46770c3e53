package app

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// The bound services of monitoring and measurement (9.1): the KPIs and their dated
// measurements, each KPI's standing (latest value, red/amber/green, trend, due), and the
// automated KPIs, measured from the ISMS's own records when due.

// sourceAutomatic is the history source of the values the application measures itself.
const sourceAutomatic = "automatic"

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

// Metrics returns the measures an automated KPI can be measured by, with the unit,
// direction and thresholds such a KPI starts with.
func (s *KPIService) Metrics() ([]isms.Metric, error) {
	return append([]isms.Metric{}, isms.Metrics...), nil
}

// Status returns every KPI's standing today, in the order of List. Automated KPIs whose
// measurement is due are measured first.
func (s *KPIService) Status() ([]KPIStatus, error) {
	if db, err := s.app.store(); err == nil {
		s.measureDue(db)
	}
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

// MeasureNow measures an automated KPI from the records today, whether or not it is due.
// Measuring again on the same day replaces that day's automatic value; a value entered
// by hand or imported for today is kept, and the measurement refused.
func (s *KPIService) MeasureNow(id string) (isms.Measurement, error) {
	var out isms.Measurement
	today := isms.DateOf(s.app.clock())
	err := s.app.update(func(tx *store.Tx) error {
		k, err := store.GetAs[*isms.KPI](tx, isms.KindKPI, id)
		if err != nil {
			return err
		}
		if _, ok := k.Metric(); !ok {
			return &isms.Error{Code: isms.CodeInvalid, Message: k.Ref + " is entered by hand: choose what it is measured from to measure it automatically",
				Fields: map[string]string{"source": "is entered by hand"}}
		}
		r, err := overview.Measure(tx, k.Source, today)
		if err != nil {
			return err
		}
		if r.Empty {
			return isms.Errorf(isms.CodeInvalid, "%s cannot be measured yet: %s", k.Ref, r.Note)
		}
		ms, err := measurementsOf(tx, k.ID)
		if err != nil {
			return err
		}
		m := &isms.Measurement{KPIID: k.ID, Date: today, Value: r.Value, Note: r.Note, Source: isms.MeasuredAutomatically}
		for _, o := range ms {
			if o.Date == today && o.Source == isms.MeasuredAutomatically {
				o.Value, o.Note = r.Value, r.Note
				m = o
			}
		}
		if err := m.CheckUnique(ms); err != nil {
			return err
		}
		if m.ID != "" {
			err = tx.Put(m, sourceAutomatic)
		} else {
			err = tx.Create(m, sourceAutomatic)
		}
		out = *m
		return err
	})
	return out, err
}

// measureDue gives every active automated KPI whose measurement is due (isms.KPI.Due) its
// value for today, once: once recorded, the next one is due a period later. It runs when
// the store opens, every hour while the window runs (watch) and before Status. Failures
// are logged; a metric with nothing to count yet is left due.
func (s *KPIService) measureDue(db *store.DB) {
	today := isms.DateOf(s.app.clock())
	due := func(tx *store.Tx) ([]*isms.KPI, error) {
		var out []*isms.KPI
		err := tx.Each(isms.KindKPI, func(r isms.Record) error {
			k := r.(*isms.KPI)
			if _, ok := k.Metric(); !ok || !k.Active {
				return nil
			}
			ms, err := measurementsOf(tx, k.ID)
			if err != nil {
				return err
			}
			last := isms.Date("")
			if n := len(ms); n > 0 {
				last = ms[n-1].Date
			}
			if k.Due(last, today) {
				out = append(out, k)
			}
			return nil
		})
		return out, err
	}
	var pending []*isms.KPI
	err := db.View(func(tx *store.Tx) (err error) {
		pending, err = due(tx)
		return err
	})
	if err == nil && len(pending) > 0 {
		err = db.Update(func(tx *store.Tx) error {
			kpis, err := due(tx) // again: another caller may have measured them meanwhile
			if err != nil {
				return err
			}
			for _, k := range kpis {
				r, err := overview.Measure(tx, k.Source, today)
				if err != nil {
					return err
				}
				if r.Empty {
					continue
				}
				m := &isms.Measurement{KPIID: k.ID, Date: today, Value: r.Value, Note: r.Note, Source: isms.MeasuredAutomatically}
				if err := tx.Create(m, sourceAutomatic); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err != nil {
		s.app.log.Error("unable to measure the automated KPIs", "err", err)
	}
}

// watch measures the automated KPIs that fall due every hour until ctx ends; an hour
// when the store is not open (closed, being restored) is skipped.
func (s *KPIService) watch(ctx context.Context) {
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if db, err := s.app.store(); err == nil {
				s.measureDue(db)
			}
		}
	}
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
	return kindOf[isms.Measurement](s.app, isms.KindMeasurement).notAfterToday("date", "measurement date", func(m *isms.Measurement) isms.Date { return m.Date })
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

// Create adds a value entered by hand (also on an automated KPI); a KPI has at most one
// value a date.
func (s *MeasurementService) Create(m isms.Measurement) (isms.Measurement, error) {
	return s.r().create(m, func(tx *store.Tx, m *isms.Measurement) error {
		m.Source = isms.MeasuredManually
		return checkUnique(tx, m)
	})
}

// Update saves an edit of a measurement; a KPI has at most one value a date. A value or
// date corrected by hand is then a value entered by hand (isms.Measurement.Corrected).
func (s *MeasurementService) Update(m isms.Measurement) (isms.Measurement, error) {
	return s.r().update(m, func(tx *store.Tx, old, new *isms.Measurement) error {
		new.Corrected(old)
		return checkUnique(tx, new)
	})
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
