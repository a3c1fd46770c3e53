package isms

import (
	"net/mail"
	"strings"
	"unicode"
)

// Range adds a problem when v is outside min..max.
func (p *Problems) Range(field string, v, min, max int) {
	if v < min || v > max {
		p.Add(field, "must be between %d and %d", min, max)
	}
}

// RequireDate adds "is required" for an empty date and a format problem for an invalid one.
func (p *Problems) RequireDate(field string, d Date) {
	if d == "" {
		p.Add(field, "is required")
		return
	}
	p.Date(field, d)
}

// DateOrder adds a problem on the later field when both dates are set and end is before start.
func (p *Problems) DateOrder(startField string, start Date, endField string, end Date) {
	if start == "" || end == "" || !start.Valid() || !end.Valid() {
		return
	}
	if end < start {
		p.Add(endField, "must not be before the %s (%s)", dateWords(startField), start)
	}
}

// dateWords names a date field for people: "detectedOn" is "detection date",
// "effectiveness.reviewedOn" the "review date".
func dateWords(field string) string {
	if i := strings.LastIndex(field, "."); i >= 0 {
		field = field[i+1:]
	}
	if w, ok := dateFieldWords[field]; ok {
		return w
	}
	var b strings.Builder
	for _, r := range field {
		if unicode.IsUpper(r) {
			b.WriteByte(' ')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

var dateFieldWords = map[string]string{
	"detectedOn": "detection date", "correctionOn": "correction date", "reviewedOn": "review date",
	"addedOn": "date it was added", "startDate": "start date", "dateIdentified": "date it was identified",
	"lastReviewed": "last review",
}

// Email adds a problem when v is not blank and not a plain e-mail address.
func (p *Problems) Email(field, v string) {
	if v == "" {
		return
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || !strings.Contains(v[strings.LastIndex(v, "@")+1:], ".") {
		p.Add(field, "must be an e-mail address such as name@example.com")
	}
}

// IDs adds a problem when a list of record IDs holds a blank or repeated ID.
func (p *Problems) IDs(field string, ids []string) {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if strings.TrimSpace(id) == "" {
			p.Add(field, "must not contain blank IDs")
			return
		}
		if seen[id] {
			p.Add(field, "must not contain %q twice", id)
			return
		}
		seen[id] = true
	}
}

// AddDate returns d moved by the given years, months and days; "" stays "".
func (d Date) AddDate(years, months, days int) Date {
	if d == "" || !d.Valid() {
		return d
	}
	return DateOf(d.Time().AddDate(years, months, days))
}

// Before reports whether d is a date before e; empty dates are never before anything.
func (d Date) Before(e Date) bool {
	return d != "" && e != "" && d.Valid() && e.Valid() && d < e
}

// firstLine returns the first line of s cut to n characters, for titles made from text.
func firstLine(s string, n int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
