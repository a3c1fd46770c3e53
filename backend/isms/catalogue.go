package isms

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:embed catalogue/annex-a.csv
var annexACSV string

// annexAAttributesCSV holds the ISO/IEC 27002:2022 attributes of the 93 controls; its
// comment lines say how the table was compiled.
//
//go:embed catalogue/annex-a-attributes.csv
var annexAAttributesCSV string

// CatalogueControl is one control of ISO/IEC 27001:2022 Annex A.
type CatalogueControl struct {
	Ref        string            `json:"ref"`        // e.g. "A.5.1"
	Title      string            `json:"title"`      // the control's title
	Theme      string            `json:"theme"`      // one of Themes
	Attributes ControlAttributes `json:"attributes"` // its ISO/IEC 27002:2022 attributes
}

var annexA = sync.OnceValue(func() []CatalogueControl {
	rows, err := csv.NewReader(strings.NewReader(annexACSV)).ReadAll()
	if err != nil {
		panic("isms: embedded Annex A catalogue: " + err.Error())
	}
	attrs := annexAAttributes()
	out := make([]CatalogueControl, 0, len(rows))
	for _, r := range rows[1:] {
		theme := strings.ToLower(strings.TrimSpace(r[2]))
		if !Themes.Has(theme) {
			panic("isms: embedded Annex A catalogue: unknown theme " + r[2])
		}
		ref := strings.TrimSpace(r[0])
		a, ok := attrs[ref]
		if !ok {
			panic("isms: embedded Annex A catalogue: no attributes for " + ref)
		}
		delete(attrs, ref)
		out = append(out, CatalogueControl{Ref: ref, Title: strings.TrimSpace(r[1]), Theme: theme, Attributes: a})
	}
	for ref := range attrs {
		panic("isms: embedded Annex A attributes: " + ref + " is not an Annex A control")
	}
	return out
})

// annexAAttributes reads the embedded attribute table: a control per row, then each
// attribute's values separated by spaces, every value one of its enum's.
func annexAAttributes() map[string]ControlAttributes {
	rd := csv.NewReader(strings.NewReader(annexAAttributesCSV))
	rd.Comment = '#'
	rd.FieldsPerRecord = 6
	rows, err := rd.ReadAll()
	if err != nil {
		panic("isms: embedded Annex A attributes: " + err.Error())
	}
	out := make(map[string]ControlAttributes, len(rows))
	for _, r := range rows[1:] {
		var a ControlAttributes
		for i, s := range a.attributeSets() {
			*s.values = strings.Fields(r[i+1])
			// Kept in the enum's order, whatever the order in the file.
			slices.SortFunc(*s.values, func(x, y string) int {
				return slices.Index(s.enum.Values(), x) - slices.Index(s.enum.Values(), y)
			})
		}
		p := NewProblems("attributes of " + r[0])
		a.check(p)
		if err := p.Err(); err != nil {
			panic("isms: embedded Annex A attributes: " + r[0] + ": " + fmt.Sprint(err.(*Error).Fields))
		}
		if _, dup := out[r[0]]; dup {
			panic("isms: embedded Annex A attributes: " + r[0] + " twice")
		}
		out[r[0]] = a
	}
	return out
}

// AnnexA returns the 93 controls of ISO/IEC 27001:2022 Annex A in order. The slice is a copy.
func AnnexA() []CatalogueControl {
	out := append([]CatalogueControl(nil), annexA()...)
	for i := range out {
		out[i].Attributes = out[i].Attributes.clone()
	}
	return out
}

// NormalizeControlRef writes an Annex A reference the catalogue's way: "5.1", "a.5.1",
// "A 5.1" and "A.05.01" all become "A.5.1". Other text is returned trimmed.
func NormalizeControlRef(ref string) string {
	s := strings.TrimSpace(ref)
	u := strings.ToUpper(s)
	u = strings.TrimPrefix(u, "ANNEX")
	u = strings.TrimSpace(u)
	u = strings.TrimPrefix(u, "A")
	u = strings.TrimLeft(u, " .-_")
	parts := strings.FieldsFunc(u, func(r rune) bool { return r == '.' || r == ' ' || r == '-' })
	if len(parts) != 2 {
		return s
	}
	for i, part := range parts {
		part = strings.TrimLeft(part, "0")
		if part == "" {
			return s
		}
		for _, r := range part {
			if r < '0' || r > '9' {
				return s
			}
		}
		parts[i] = part
	}
	return "A." + parts[0] + "." + parts[1]
}

// LookupControl finds an Annex A control by its reference, written in any usual way.
func LookupControl(ref string) (CatalogueControl, bool) {
	n := NormalizeControlRef(ref)
	for _, c := range annexA() {
		if c.Ref == n {
			return c, true
		}
	}
	return CatalogueControl{}, false
}

// Clause is a clause or sub-clause of ISO/IEC 27001:2022 clauses 4 to 10.
type Clause struct {
	Ref   string `json:"ref"`   // e.g. "9.3.2"
	Title string `json:"title"` // the short title
}

var clauses = []Clause{
	{"4", "Context of the organization"},
	{"4.1", "Understanding the organization and its context"},
	{"4.2", "Understanding the needs and expectations of interested parties"},
	{"4.3", "Determining the scope of the information security management system"},
	{"4.4", "Information security management system"},
	{"5", "Leadership"},
	{"5.1", "Leadership and commitment"},
	{"5.2", "Policy"},
	{"5.3", "Organizational roles, responsibilities and authorities"},
	{"6", "Planning"},
	{"6.1", "Actions to address risks and opportunities"},
	{"6.1.1", "General"},
	{"6.1.2", "Information security risk assessment"},
	{"6.1.3", "Information security risk treatment"},
	{"6.2", "Information security objectives and planning to achieve them"},
	{"6.3", "Planning of changes"},
	{"7", "Support"},
	{"7.1", "Resources"},
	{"7.2", "Competence"},
	{"7.3", "Awareness"},
	{"7.4", "Communication"},
	{"7.5", "Documented information"},
	{"7.5.1", "General"},
	{"7.5.2", "Creating and updating"},
	{"7.5.3", "Control of documented information"},
	{"8", "Operation"},
	{"8.1", "Operational planning and control"},
	{"8.2", "Information security risk assessment"},
	{"8.3", "Information security risk treatment"},
	{"9", "Performance evaluation"},
	{"9.1", "Monitoring, measurement, analysis and evaluation"},
	{"9.2", "Internal audit"},
	{"9.2.1", "General"},
	{"9.2.2", "Internal audit programme"},
	{"9.3", "Management review"},
	{"9.3.1", "General"},
	{"9.3.2", "Management review inputs"},
	{"9.3.3", "Management review results"},
	{"10", "Improvement"},
	{"10.1", "Continual improvement"},
	{"10.2", "Nonconformity and corrective action"},
}

// Clauses returns ISO/IEC 27001:2022 clauses 4 to 10 with their sub-clauses, in order.
func Clauses() []Clause { return append([]Clause(nil), clauses...) }

// LookupClause finds a clause by its number, e.g. "9.3.2" (a leading "clause" is ignored).
func LookupClause(ref string) (Clause, bool) {
	s := strings.TrimSpace(strings.ToLower(ref))
	s = strings.TrimSpace(strings.TrimPrefix(s, "clause"))
	for _, c := range clauses {
		if c.Ref == s {
			return c, true
		}
	}
	return Clause{}, false
}
