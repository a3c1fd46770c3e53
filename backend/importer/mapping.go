package importer

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// mappingPrefix names the settings that hold saved mappings, by kind and header layout.
const mappingPrefix = "mapping/"

// SavedMap is a mapping the user saved under a name.
type SavedMap struct {
	Name    string       `json:"name"`
	Mapping xlsx.Mapping `json:"mapping"`
}

func mappingKey(kind, layout string) string { return mappingPrefix + kind + "/" + layout }

// SaveMapping keeps a mapping under a name; it is proposed again for the same kind and
// header layout.
func SaveMapping(db *store.DB, name string, m xlsx.Mapping) error {
	if name == "" {
		return isms.Errorf(isms.CodeInvalid, "a saved mapping needs a name")
	}
	if m.Kind == "" || m.LayoutKey == "" {
		return isms.Errorf(isms.CodeInvalid, "the mapping has no kind or header layout")
	}
	raw, err := json.Marshal(SavedMap{Name: name, Mapping: m})
	if err != nil {
		return err
	}
	return db.Update(func(tx *store.Tx) error { return tx.SetSetting(mappingKey(m.Kind, m.LayoutKey), string(raw)) })
}

// SavedMapping returns the mapping saved for a kind and header layout.
func SavedMapping(db *store.DB, kind, layout string) (SavedMap, bool, error) {
	var raw string
	err := db.View(func(tx *store.Tx) (err error) {
		raw, err = tx.Setting(mappingKey(kind, layout))
		return err
	})
	if err != nil || raw == "" {
		return SavedMap{}, false, err
	}
	var s SavedMap
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return SavedMap{}, false, fmt.Errorf("importer: unable to read the saved mapping: %w", err)
	}
	return s, true, nil
}

// savedConfidence marks every column of a saved mapping as chosen by the user.
func savedConfidence(m xlsx.Mapping) map[string]string {
	out := make(map[string]string, len(m.Columns))
	for f := range m.Columns {
		out[f] = xlsx.ConfidenceChosen
	}
	return out
}

// chooseScale sets the file's scale for risk scores (the request's, else a saved one's)
// and, for risks, the organisation's risk method the scores are read onto.
func chooseScale(db *store.DB, req Request, m *xlsx.Mapping) error {
	if req.Scale != "" {
		if _, err := xlsx.ParseScoreScale(req.Scale); err != nil {
			return isms.Errorf(isms.CodeInvalid, "%v", err)
		}
		m.Scale = req.Scale
	}
	if req.Kind != xlsx.KindRisks {
		return nil
	}
	return db.View(func(tx *store.Tx) error {
		o, err := tx.Organisation()
		if err != nil {
			return err
		}
		m.Method = &o.RiskMethod
		return nil
	})
}

// SectionRow is a row skipped as a section heading: its Excel row number and its text.
type SectionRow struct {
	Row   int    `json:"row"`
	Text  string `json:"text"`
	Sheet string `json:"sheet,omitempty"` // when the import reads several sheets
}

// sectionRows lists the rows the conversion took as section headings, each with the
// values of its mapped columns in column order.
func sectionRows(h xlsx.Header, m xlsx.Mapping, results []xlsx.RowResult) []SectionRow {
	out := []SectionRow{}
	var order []string // mapped fields by column
	for _, c := range h.Columns {
		if f := m.FieldOf(c.Index); f != "" {
			order = append(order, f)
		}
	}
	for _, r := range results {
		if !r.Section {
			continue
		}
		var parts []string
		for _, f := range order {
			if v := strings.Join(strings.Fields(r.Values.Get(f)), " "); v != "" {
				parts = append(parts, v)
			}
		}
		if r.Heading != "" { // a hierarchy level of its own, or the header again
			parts = append([]string{strings.Join(strings.Fields(r.Heading), " ")}, parts...)
		}
		text := strings.Join(parts, " — ")
		if rs := []rune(text); len(rs) > 160 {
			text = string(rs[:159]) + "…"
		}
		out = append(out, SectionRow{Row: r.Row, Text: text, Sheet: r.Sheet})
	}
	return out
}

// emptyRegister refuses a sheet with a header and nothing under it.
func emptyRegister(file string, g *xlsx.Grid, h xlsx.Header) error {
	if len(h.DataRows(g)) > 0 {
		return nil
	}
	return isms.Errorf(isms.CodeInvalid, "%s, sheet %q: the header is row %d and no rows follow it: the register is empty", file, g.Sheet, h.Row)
}

// noRecords makes a mapping problem of a sheet whose rows under the header give no
// record at all: every one is a section heading or blank in the mapped columns, so the
// header row or the columns are wrong.
func (p *Plan) noRecords(data int, results []xlsx.RowResult) {
	if p.Counts.Rows > 0 || data == 0 {
		return
	}
	plain := p.Mapping
	plain.Confidence = nil
	mapping := strings.Join(plain.Describe(p.Header), ", ")
	if mapping == "" {
		mapping = "no column chosen"
	}
	var why []string
	if n := p.Counts.Sections; n > 0 {
		why = append(why, plural(n, "was read as a section heading", "were read as section headings"))
	}
	if n := data - len(results); n > 0 {
		why = append(why, plural(n, "has no value in the mapped columns", "have no value in the mapped columns"))
	}
	p.MappingProblems = append(p.MappingProblems, xlsx.Problem{Message: fmt.Sprintf(
		"sheet %q has %s under its header (row %d) but none gives a record with this mapping (%s): %s; check the header row and the columns",
		p.Sheet, plural(data, "row", "rows"), p.Header.Row, mapping, strings.Join(why, " and "))})
}

// plural writes "1 row" or "3 rows"; a verb phrase takes the count in front ("3 were ...").
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
