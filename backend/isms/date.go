package isms

import "time"

// Date is a calendar date written "YYYY-MM-DD", or "" for no date. It is a string so
// that forms, JSON and Excel round-trip it without time zones.
type Date string

// DateLayout is the layout of a Date.
const DateLayout = "2006-01-02"

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(DateLayout)) }

// Valid reports whether d is empty or a real calendar date.
func (d Date) Valid() bool {
	if d == "" {
		return true
	}
	_, err := time.Parse(DateLayout, string(d))
	return err == nil
}

// Time returns d as midnight UTC, or the zero time when d is empty or invalid.
func (d Date) Time() time.Time {
	t, err := time.Parse(DateLayout, string(d))
	if err != nil {
		return time.Time{}
	}
	return t
}

// Date adds a problem when d is not a valid date.
func (p *Problems) Date(field string, d Date) {
	if !d.Valid() {
		p.Add(field, "must be a date written YYYY-MM-DD")
	}
}
