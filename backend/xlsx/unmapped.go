package xlsx

import "strings"

// UnmappedColumn is a column of the table with values that no field takes: the import
// leaves it out, and says so.
type UnmappedColumn struct {
	Column string `json:"column"` // its letter
	Name   string `json:"name"`   // its header, "" when it has none
	Values int    `json:"values"` // the data rows with a value in it
	Hidden bool   `json:"hidden,omitempty"`
}

// UnmappedColumns lists the columns with values in the table's data rows that m maps to
// no field, in sheet order.
func UnmappedColumns(h Header, g *Grid, m Mapping) []UnmappedColumn {
	used := map[int]bool{}
	for _, l := range m.Columns {
		used[ColumnIndex(l)] = true
	}
	counts := map[int]int{}
	for _, r := range h.DataRows(g) {
		for i, c := range r.Cells {
			if i >= h.FirstColumn && !used[i] && strings.TrimSpace(c) != "" {
				counts[i]++
			}
		}
	}
	out := []UnmappedColumn{}
	for i := h.FirstColumn; i < g.Width; i++ {
		if counts[i] == 0 {
			continue
		}
		u := UnmappedColumn{Column: ColumnLetter(i), Values: counts[i]}
		if c, ok := h.Column(i); ok {
			u.Name, u.Hidden = c.Name, c.Hidden
		}
		out = append(out, u)
	}
	return out
}
