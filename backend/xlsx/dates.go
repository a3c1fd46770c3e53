package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateWarning is a date column whose dates are written with numbers that could be read
// day-first or month-first, and nothing in the column says which.
type DateWarning struct {
	Field    string `json:"field"`
	Column   string `json:"column"`
	Count    int    `json:"count"`    // dates whose day and month are both 12 or less, and differ
	Example  string `json:"example"`  // the first such date, as written
	ReadAs   string `json:"readAs"`   // how it is read, such as "3 April 2024"
	DayFirst bool   `json:"dayFirst"` // how the column is read
	Message  string `json:"message"`  // "3 dates such as 03/04/2024 (column C, Due date) read as 3 April 2024"
}

// AmbiguousDates finds the mapped date columns read by the locale's order alone (no date in
// the column has a part above 12), with how many of their dates the order changes.
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
		noun := "dates"
		if w.Count == 1 {
			noun = "date"
		}
		w.Message = fmt.Sprintf("%d %s such as %s (column %s, %s) read as %s", w.Count, noun, w.Example, w.Column, f.Label, w.ReadAs)
		out = append(out, w)
	}
	return out
}
