package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateWarning is a date column whose dates are written with numbers that could be read
// day-first or month-first, and nothing in the column says which; or (Partial) one with
// dates that give no day ("2015", "March 2024"), read as the first day.
type DateWarning struct {
	Field    string `json:"field"`
	Column   string `json:"column"`
	Count    int    `json:"count"`    // dates whose day and month are both 12 or less, and differ
	Example  string `json:"example"`  // the first such date, as written
	ReadAs   string `json:"readAs"`   // how it is read, such as "3 April 2024"
	DayFirst bool   `json:"dayFirst"` // how the column is read
	Message  string `json:"message"`  // "3 dates such as 03/04/2024 (column C, Due date) read as 3 April 2024"
	Partial  bool   `json:"partial,omitempty"`
}

// AmbiguousDates finds the mapped date columns read by the locale's order alone (no date in
// the column has a part above 12), with how many of their dates the order changes, and
// those with dates that give no day.
func AmbiguousDates(kind string, h Header, g *Grid, m Mapping) []DateWarning {
	fields, err := Fields(kind)
	if err != nil {
		return nil
	}
	data := h.DataRows(g)
	var out []DateWarning
	for _, f := range fields {
		c := m.Column(f.Name)
		if f.Type != TypeDate || c < 0 {
			continue
		}
		if w, ok := partialDates(f, c, data, m.Locale); ok {
			out = append(out, w)
		}
		w := DateWarning{Field: f.Name, Column: ColumnLetter(c), DayFirst: m.Locale.DayFirst}
		decided := false
		for _, r := range data {
			p := numericDate.FindStringSubmatch(r.Cell(c))
			if p == nil || strings.Contains(p[0], ".") { // 30.01.2020 is day-first everywhere
				continue
			}
			a, _ := strconv.Atoi(p[1])
			b, _ := strconv.Atoi(p[2])
			if a > 12 || b > 12 {
				decided = true
				break
			}
			if a != b {
				if w.Count == 0 {
					w.Example = strings.TrimSpace(p[0])
				}
				w.Count++
			}
		}
		if decided || w.Count == 0 {
			continue
		}
		if d, err := ParseDate(w.Example, m.Locale); err == nil {
			if t, err := time.Parse("2006-01-02", string(d)); err == nil {
				w.ReadAs = t.Format("2 January 2006")
			}
		}
		w.Message = fmt.Sprintf("%s such as %s (column %s, %s) read as %s", dateCount(w.Count), w.Example, w.Column, f.Label, w.ReadAs)
		out = append(out, w)
	}
	return out
}

func dateCount(n int) string {
	if n == 1 {
		return "1 date"
	}
	return fmt.Sprintf("%d dates", n)
}

// partialDates warns about the dates of column c that give no day.
func partialDates(f Field, c int, data []Row, loc Locale) (DateWarning, bool) {
	w := DateWarning{Field: f.Name, Column: ColumnLetter(c), DayFirst: loc.DayFirst, Partial: true}
	for _, r := range data {
		if v := strings.TrimSpace(r.Cell(c)); IsPartialDate(v) {
			if w.Count == 0 {
				w.Example = v
			}
			w.Count++
		}
	}
	if w.Count == 0 {
		return w, false
	}
	if d, err := ParseDate(w.Example, loc); err == nil {
		if t, err := time.Parse("2006-01-02", string(d)); err == nil {
			w.ReadAs = t.Format("2 January 2006")
		}
	}
	verb := "give no day and are"
	if w.Count == 1 {
		verb = "gives no day and is"
	}
	w.Message = fmt.Sprintf("%s such as %s (column %s, %s) %s read as the first day: %s for %s",
		dateCount(w.Count), w.Example, w.Column, f.Label, verb, w.ReadAs, w.Example)
	return w, true
}
