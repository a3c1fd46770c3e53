package overview

import (
	"math"
	"sort"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// KPIReading is a KPI's latest measurement as an objective's progress uses it.
type KPIReading struct {
	KPIID    string    `json:"kpiId"`
	Ref      string    `json:"ref"`
	Name     string    `json:"name"`
	Target   float64   `json:"target"`
	Unit     string    `json:"unit"`
	Value    float64   `json:"value"`
	Date     isms.Date `json:"date"`     // "" when the KPI has no measurement yet
	RAG      string    `json:"rag"`      // "" without a measurement
	Attained float64   `json:"attained"` // share of the target reached, 0..1
}

// ObjectiveProgress is an objective's progress from its KPIs' latest measurements.
type ObjectiveProgress struct {
	ObjectiveID string            `json:"objectiveId"`
	Percent     int               `json:"percent"`  // mean share of target reached over measured KPIs, 0..100
	Measured    int               `json:"measured"` // how many of its KPIs have a measurement
	RAG         string            `json:"rag"`      // the worst RAG of its measured KPIs, "" when none
	KPIs        []KPIReading      `json:"kpis"`
	SMART       []isms.SMARTCheck `json:"smart"`
}

// Progress returns every objective's progress. An objective's KPIs are those it lists and
// those that name it; a KPI's attainment is its latest value against its target (for a
// lower-is-better KPI, the target over the value), capped at the target.
func Progress(tx *store.Tx) ([]ObjectiveProgress, error) {
	kpis := map[string]*isms.KPI{}
	byObjective := map[string][]string{}
	err := tx.Each(isms.KindKPI, func(r isms.Record) error {
		k := r.(*isms.KPI)
		kpis[k.ID] = k
		if k.ObjectiveID != "" {
			byObjective[k.ObjectiveID] = append(byObjective[k.ObjectiveID], k.ID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	latest := map[string]*isms.Measurement{}
	err = tx.Each(isms.KindMeasurement, func(r isms.Record) error {
		m := r.(*isms.Measurement)
		if cur, ok := latest[m.KPIID]; !ok || cur.Date < m.Date {
			latest[m.KPIID] = m
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := []ObjectiveProgress{}
	err = tx.Each(isms.KindObjective, func(r isms.Record) error {
		o := r.(*isms.Objective)
		p := ObjectiveProgress{ObjectiveID: o.ID, KPIs: []KPIReading{}, SMART: o.SMART()}
		seen := map[string]bool{}
		ids := append(append([]string{}, o.KPIIDs...), byObjective[o.ID]...)
		sum := 0.0
		for _, id := range ids {
			k, ok := kpis[id]
			if !ok || seen[id] {
				continue
			}
			seen[id] = true
			rd := KPIReading{KPIID: id, Ref: k.Ref, Name: k.Name, Target: k.Target, Unit: k.Unit}
			if m, ok := latest[id]; ok {
				rd.Value, rd.Date, rd.RAG = m.Value, m.Date, isms.RAG(k, m.Value)
				rd.Attained = attainment(k, m.Value)
				sum += rd.Attained
				p.Measured++
				p.RAG = worse(p.RAG, rd.RAG)
			}
			p.KPIs = append(p.KPIs, rd)
		}
		if p.Measured > 0 {
			p.Percent = int(math.Round(100 * sum / float64(p.Measured)))
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

func attainment(k *isms.KPI, v float64) float64 {
	var a float64
	switch {
	case k.Direction == isms.LowerIsBetter && v <= k.Target:
		a = 1
	case k.Direction == isms.LowerIsBetter:
		a = k.Target / v
	case k.Target == 0 || v >= k.Target:
		a = 1
	default:
		a = v / k.Target
	}
	return math.Max(0, math.Min(1, a))
}

func worse(a, b string) string {
	rank := map[string]int{"": 0, isms.RAGGreen: 1, isms.RAGAmber: 2, isms.RAGRed: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// Responsibilities lists the records a person owns, approves or is otherwise named in,
// grouped by kind in presentation order.
func Responsibilities(tx *store.Tx, personID string) ([]LinkView, error) {
	if _, err := tx.Get(isms.KindPerson, personID); err != nil {
		return nil, err
	}
	out := []LinkView{}
	seen := map[string]bool{}
	for _, k := range isms.Kinds() {
		ids, err := tx.Find(k, store.IndexOwner, personID)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, Resolve(tx, "ownerId", k, id))
			}
		}
	}
	back, err := tx.Backlinks(isms.KindPerson, personID)
	if err != nil {
		return nil, err
	}
	for _, b := range back {
		if !seen[b.ID] {
			seen[b.ID] = true
			out = append(out, Resolve(tx, b.Field, b.Kind, b.ID))
		}
	}
	order := map[isms.Kind]int{}
	for i, k := range isms.Kinds() {
		order[k] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return order[out[i].Kind] < order[out[j].Kind] })
	return out, nil
}
