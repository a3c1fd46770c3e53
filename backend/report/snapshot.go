package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// snap is the snapshot of the records one report is built from, read in one transaction.
type snap struct {
	now    time.Time
	today  isms.Date
	org    string          // the organisation's name as the cover prints it
	scope  string          // the ISMS scope statement setting
	class  string          // the classification label setting
	method isms.RiskMethod // the organisation's risk method (6.1.2): scales, levels, acceptance threshold
	id     string          // Options.ID
	recs   map[isms.Kind][]isms.Record
	byID   map[isms.Kind]map[string]isms.Record
	hash   string // see load
	count  int
	gap    overview.Gap // the gap analysis of the requirements, as the window shows it (its items until prepare has built the sheets)
	// presented is the held review whose pack is built as presented (presented.go), set
	// by the builder: the pack's provenance and executive page then come from it alone.
	presented *isms.Review
}

// load reads the organisation's settings (its name, scope, classification label and risk
// method) and every record of the kinds. The snapshot's hash is the SHA-256 of the
// records' canonical JSON (the stored form: fields in declaration order), taken kind by
// kind in name order and record by record in ID order, each as "kind\n" + JSON + "\n".
func load(tx *store.Tx, kinds []isms.Kind, now time.Time, id string) (*snap, error) {
	o, err := tx.Organisation()
	if err != nil {
		return nil, fmt.Errorf("report: unable to read the organisation's settings: %w", err)
	}
	s := &snap{now: now, today: isms.DateOf(now), id: strings.TrimSpace(id),
		org: strings.TrimSpace(o.Name), scope: strings.TrimSpace(o.Scope), class: strings.TrimSpace(o.Classification),
		method: o.RiskMethod, recs: map[isms.Kind][]isms.Record{}, byID: map[isms.Kind]map[string]isms.Record{}}
	sorted := append([]isms.Kind(nil), kinds...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	h := sha256.New()
	for _, k := range sorted {
		recs, err := readKind(tx, k, h)
		if err != nil {
			return nil, fmt.Errorf("report: unable to read the %s: %w", k.Plural(), err)
		}
		s.recs[k] = recs
		m := make(map[string]isms.Record, len(recs))
		for _, r := range recs {
			m[r.Base().ID] = r
		}
		s.byID[k] = m
		s.count += len(recs)
	}
	s.hash = hex.EncodeToString(h.Sum(nil))
	// The gap analysis reads requirements, controls, policies and evidence, which every
	// report loads (execKinds), so the hash covers what it is computed from; a test's
	// snapshot of fewer kinds reads the others here.
	var in [4][]isms.Record
	for i, k := range []isms.Kind{isms.KindRequirement, isms.KindControl, isms.KindPolicy, isms.KindEvidence} {
		var ok bool
		if in[i], ok = s.recs[k]; !ok {
			if in[i], err = tx.List(k); err != nil {
				return nil, fmt.Errorf("report: unable to work out the gap analysis: %w", err)
			}
		}
	}
	s.gap = overview.GapOf(as[*isms.Requirement](in[0]), as[*isms.Control](in[1]), as[*isms.Policy](in[2]), as[*isms.Evidence](in[3]))
	return s, nil
}

// as returns records as their concrete type.
func as[T isms.Record](recs []isms.Record) []T {
	out := make([]T, 0, len(recs))
	for _, r := range recs {
		if t, ok := r.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// all returns the records of a kind as their concrete type, in creation order.
func all[T isms.Record](s *snap, k isms.Kind) []T {
	return as[T](s.recs[k])
}

// get returns the record of a kind with the ID.
func get[T isms.Record](s *snap, k isms.Kind, id string) (T, bool) {
	var zero T
	r, ok := s.byID[k][id]
	if !ok {
		return zero, false
	}
	t, ok := r.(T)
	return t, ok
}

// find returns the record of a kind whose ID or reference is idOrRef.
func find[T isms.Record](s *snap, k isms.Kind, idOrRef string) (T, error) {
	if t, ok := get[T](s, k, idOrRef); ok {
		return t, nil
	}
	for _, r := range s.recs[k] {
		if ref := r.Terms().Ref; ref != "" && strings.EqualFold(strings.TrimSpace(ref), idOrRef) {
			if t, ok := r.(T); ok {
				return t, nil
			}
		}
	}
	var zero T
	return zero, isms.Errorf(isms.CodeNotFound, "no %s has the ID or reference %q", k, idOrRef)
}

// name returns a person's name, "" for no person.
func (s *snap) name(id string) string {
	if id == "" {
		return ""
	}
	if p, ok := get[*isms.Person](s, isms.KindPerson, id); ok {
		return p.Name
	}
	return "(unknown person)"
}

// names returns people's names joined by "; ".
func (s *snap) names(ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, s.name(id))
	}
	return strings.Join(out, "; ")
}

// ref returns how a record is referred to: its reference, else its title.
func (s *snap) ref(k isms.Kind, id string) string {
	if id == "" {
		return ""
	}
	r, ok := s.byID[k][id]
	if !ok {
		return "(deleted " + string(k) + ")"
	}
	t := r.Terms()
	if t.Ref != "" {
		return t.Ref
	}
	return t.Title
}

// refs returns the references of records joined by "; ".
func (s *snap) refs(k isms.Kind, ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" {
			out = append(out, s.ref(k, id))
		}
	}
	return strings.Join(out, "; ")
}

// days returns the number of days from a to b, 0 when either is missing.
func days(a, b isms.Date) any {
	if a == "" || b == "" {
		return nil
	}
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

// asAt is the period of a register: "As at 2025-06-15".
func (s *snap) asAt() string { return "As at " + string(s.today) }

// span returns "from to to" over the dates that are set, or "" when none is.
func span(dates ...isms.Date) string {
	var lo, hi isms.Date
	for _, d := range dates {
		if d == "" {
			continue
		}
		if lo == "" || d < lo {
			lo = d
		}
		if hi == "" || d > hi {
			hi = d
		}
	}
	if lo == "" {
		return ""
	}
	return string(lo) + " to " + string(hi)
}
