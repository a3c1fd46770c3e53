package importer

import (
	"context"
	"math"
	"strings"
	"unicode"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// This file handles registers that are not one record a row of one sheet: records spread
// over several rows (merged into one), and one register spread over several sheets with
// the same layout (imported together, all or nothing).

// MergeNone, as Request.MergeBy, merges no rows even when the proposal would.
const MergeNone = "none"

// MergedRecord is a record read from several rows: its first Excel row, the rows joined
// into it and its reference.
type MergedRecord struct {
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row"`
	Rows  []int  `json:"rows"`
	Ref   string `json:"ref"`
}

// maxMergedListed bounds the merged records a plan lists; Plan.MergedRows counts them all.
const maxMergedListed = 200

// layoutChoices applies the request's fill-down and merge choices over the proposal, and
// drops the proposal's notes that no longer hold.
func layoutChoices(req Request, h xlsx.Header, fields []xlsx.Field, m *xlsx.Mapping) error {
	if len(req.FillDown) > 0 {
		m.FillDown = nil
		for _, col := range req.FillDown {
			letter, ok := columnOf(h, col)
			if !ok {
				return isms.Errorf(isms.CodeInvalid, "--fill-down %s: there is no column %q in the header (row %d)", col, col, h.Row)
			}
			m.FillDown = append(m.FillDown, letter)
		}
	}
	if req.NoFillDown {
		m.FillDown = nil
	}
	switch req.MergeBy {
	case "":
	case MergeNone:
		m.MergeBy = ""
	default:
		if !hasField(fields, req.MergeBy) {
			return isms.Errorf(isms.CodeInvalid, "--merge-by %s: %s has no field %q; its fields are %s", req.MergeBy, req.Kind, req.MergeBy, fieldNames(fields))
		}
		if _, ok := m.Columns[req.MergeBy]; !ok {
			return isms.Errorf(isms.CodeInvalid, "--merge-by %s: no column is mapped to %s; map one first (--map %s=COLUMN)", req.MergeBy, req.MergeBy, req.MergeBy)
		}
		m.MergeBy = req.MergeBy
	}
	if m.SplitRef != "" && m.Columns["ref"] != m.SplitRef && m.Columns["title"] != m.SplitRef && m.Columns["name"] != m.SplitRef {
		m.SplitRef = ""
	}
	notes := m.Layout[:0:0]
	for _, n := range m.Layout {
		switch {
		case n.Option == "fillDown" && len(m.FillDown) == 0,
			n.Option == "mergeBy" && m.MergeBy == "",
			n.Option == "splitRef" && m.SplitRef == "":
			continue
		}
		notes = append(notes, n)
	}
	m.Layout = notes
	return nil
}

// mergedRecords lists the records read from several rows, and counts the rows joined.
func mergedRecords(results []xlsx.RowResult) ([]MergedRecord, int) {
	out := []MergedRecord{}
	n := 0
	for _, r := range results {
		if len(r.Merged) == 0 {
			continue
		}
		n += len(r.Merged)
		if len(out) < maxMergedListed {
			out = append(out, MergedRecord{Sheet: r.Sheet, Row: r.Row, Rows: r.Merged, Ref: strings.TrimSpace(r.Values.Get("ref"))})
		}
	}
	return out, n
}

// RegisterSheet picks, when the user named none, the visible sheet that looks most like a
// register of kind: a header whose columns give the kind's required fields, surely
// matched, with many rows under it, distinct references and text in its cells. Key/value
// sheets ("Introduction", "README"), link tables ("relationships": references that repeat)
// and matrices score low. Between near equals, the earlier sheet wins.
func RegisterSheet(wb *xlsx.Workbook, kind string) string {
	visible := 0
	for _, s := range wb.Sheets {
		if !s.Hidden {
			visible++
		}
	}
	best, bestScore := "", math.Inf(-1)
	if visible == 1 {
		bestScore = math.Inf(1) // one sheet to choose from: nothing to read
	}
	for i, s := range wb.Sheets {
		if s.Hidden {
			continue
		}
		sc, ok := sheetScore(wb, s.Name, kind)
		if !ok && namesKind(s.Name, kind) {
			sc, ok = -100, true // no table, yet named for the kind: the import says what it lacks
		}
		if !ok {
			continue
		}
		switch { // "Corrective actions" holds the actions, even empty, not the nonconformities beside it
		case namesKind(s.Name, kind):
			sc += 250
		case namesOtherKind(s.Name, kind):
			sc -= 100
		}
		sc -= 2 * float64(i)
		if sc > bestScore {
			best, bestScore = s.Name, sc
		}
	}
	if best == "" && len(wb.Sheets) > 0 {
		best = wb.Sheets[0].Name
		for _, s := range wb.Sheets {
			if !s.Hidden {
				return s.Name
			}
		}
	}
	return best
}

// kindSheetWords are the words (or their starts) of sheet names that hold a kind's register.
var kindSheetWords = map[string][]string{
	xlsx.KindRequirements:    {"requirement", "exigence", "anforderung", "requisito", "gap", "legal register", "compliance register"},
	xlsx.KindControls:        {"soa", "statement of applicability", "control", "annex a", "applicabilit", "anwendbarkeit", "aplicabilidad"},
	xlsx.KindRisks:           {"risk", "risque", "risiko", "riesgo"},
	xlsx.KindPeople:          {"people", "staff", "employee", "personnel", "mitarbeiter", "directory", "empleado"},
	xlsx.KindAttendance:      {"attendance", "training log", "présence", "teilnahme", "asistencia"},
	xlsx.KindMeasurements:    {"measurement", "kpi data", "mesure", "messung", "medición"},
	xlsx.KindAssets:          {"asset", "inventory", "actif", "inventaire", "inventar", "activo", "inventario"},
	xlsx.KindObjectives:      {"objective", "objectif", "ziel", "objetivo"},
	xlsx.KindKPIs:            {"kpi", "indicator", "indicateur", "kennzahl", "indicador"},
	xlsx.KindPolicies:        {"polic", "politique", "richtlinie", "política", "politica"},
	xlsx.KindTrainings:       {"training", "formation", "schulung", "formación"},
	xlsx.KindCampaigns:       {"campaign", "awareness", "campagne", "kampagne", "campaña"},
	xlsx.KindCommunications:  {"communication", "kommunikation", "comunicación"},
	xlsx.KindAuditResults:    {"checklist", "audit result", "liste de contrôle", "prüfliste"},
	xlsx.KindNonconformities: {"nonconformit", "non-conformit", "non conformit", "nc", "nichtkonformit", "abweichung", "no conformidad"},
	xlsx.KindActions:         {"action", "capa", "maßnahme", "acción", "acciones"},
	xlsx.KindImprovements:    {"improvement", "amélioration", "verbesserung", "mejora"},
	xlsx.KindFeedback:        {"feedback", "retour", "rückmeldung", "comentario"},
}

// namesKind reports whether a sheet's name says it holds kind's register: one of its
// words starts with one of the kind's words ("Corrective actions", "Risk register").
func namesKind(sheet, kind string) bool {
	name := " " + strings.Join(strings.FieldsFunc(strings.ToLower(sheet), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}), " ")
	for _, w := range kindSheetWords[kind] {
		if strings.Contains(name, " "+w) {
			return true
		}
	}
	return false
}

// namesOtherKind reports whether a sheet's name says it holds another kind's register.
func namesOtherKind(sheet, kind string) bool {
	for k := range kindSheetWords {
		if k != kind && namesKind(sheet, k) {
			return true
		}
	}
	return false
}

// sheetRows is how many rows of a sheet the choice of the register sheet reads.
const sheetRows = 200

// sheetScore scores how much a sheet looks like a register of kind (see registerSheet).
func sheetScore(wb *xlsx.Workbook, sheet, kind string) (float64, bool) {
	g, err := wb.ReadSheet(sheet, xlsx.ReadOptions{MaxRows: sheetRows})
	if err != nil {
		return 0, false
	}
	h, err := xlsx.DetectHeader(g)
	if err != nil {
		return 0, false
	}
	m, err := xlsx.ProposeMappingFor(kind, h, g)
	if err != nil {
		return 0, false
	}
	xlsx.ProposeLayout(kind, h, g, &m)
	data := h.DataRows(g)
	weight := map[string]float64{xlsx.ConfidenceExact: 3, xlsx.ConfidenceSplit: 3, xlsx.ConfidenceSynonym: 2, xlsx.ConfidenceGuess: 1}
	score := -60 * float64(len(m.Check(h)))
	if len(data) == 0 {
		return score - 100, true
	}
	for f, l := range m.Columns {
		w, ok := weight[m.Confidence[f]]
		if !ok {
			w = 1
		}
		// a field counts as much as its column is filled: a mapped column left blank gives nothing
		c, filled := xlsx.ColumnIndex(l), 0
		for _, r := range data {
			if strings.TrimSpace(r.Cell(c)) != "" {
				filled++
			}
		}
		score += 10 * w * math.Sqrt(float64(filled)/float64(len(data)))
	}
	score += 10 * math.Log2(1+float64(len(data)))
	// a register's key is unique: a link table repeats it on many rows
	if c := m.Column("ref"); c >= 0 {
		seen := map[string]bool{}
		n := 0
		for _, r := range data {
			v := strings.ToLower(strings.TrimSpace(r.Cell(c)))
			if m.SplitRef != "" {
				v, _, _ = xlsx.SplitID(v)
			}
			if v == "" {
				continue
			}
			n++
			seen[v] = true
		}
		if n > 0 {
			score -= 40 * (1 - float64(len(seen))/float64(n))
		}
	}
	// text density: the mean length of the mapped cells, on a log scale
	chars, cells := 0, 0
	for _, r := range data {
		for _, l := range m.Columns {
			if v := r.Cell(xlsx.ColumnIndex(l)); strings.TrimSpace(v) != "" {
				chars += len(v)
				cells++
			}
		}
	}
	if cells > 0 {
		score += 3 * math.Log2(1+float64(chars)/float64(cells))
	}
	return score, true
}

// sameLayout reports whether a sheet's header gives the mapped fields from the same
// columns under the same names as the header of the sheet being imported.
func sameLayout(h, other xlsx.Header, m xlsx.Mapping) bool {
	if len(m.Columns) == 0 {
		return false
	}
	for _, l := range m.Columns {
		a, ok1 := h.Column(xlsx.ColumnIndex(l))
		b, ok2 := other.Column(xlsx.ColumnIndex(l))
		if !ok1 || !ok2 || xlsx.Normalize(a.Name) != xlsx.Normalize(b.Name) {
			return false
		}
	}
	return true
}

// layoutSheets lists the other visible sheets whose header has the layout of the sheet
// being imported, in workbook order.
func layoutSheets(wb *xlsx.Workbook, sheet string, h xlsx.Header, m xlsx.Mapping) []string {
	out := []string{}
	for _, s := range wb.Sheets {
		if s.Hidden || strings.EqualFold(s.Name, sheet) {
			continue
		}
		g, err := wb.ReadSheet(s.Name, xlsx.ReadOptions{MaxRows: 60})
		if err != nil {
			continue
		}
		oh, err := xlsx.DetectHeader(g)
		if err != nil || len(oh.DataRows(g)) == 0 {
			continue
		}
		if sameLayout(h, oh, m) {
			out = append(out, s.Name)
		}
	}
	return out
}

// extraSheets names the sheets a request imports beside its main one: those of Sheets,
// or with AllSheets every sheet that shares the main sheet's layout.
func extraSheets(wb *xlsx.Workbook, req Request, sheet string, same []string) ([]string, error) {
	if req.AllSheets {
		return same, nil
	}
	var out []string
	for _, name := range req.Sheets {
		if strings.EqualFold(name, sheet) {
			continue
		}
		if _, ok := wb.Sheet(name); !ok {
			return nil, isms.Errorf(isms.CodeInvalid, "%s has no sheet named %q; its sheets are %s", wb.Name, name, sheetNames(wb.Sheets))
		}
		out = append(out, name)
	}
	return out, nil
}

// readSheets reads the rows of the extra sheets with the main sheet's mapping: each
// sheet's header must have the same layout, else nothing is imported.
func readSheets(ctx context.Context, wb *xlsx.Workbook, req Request, main xlsx.Header, m xlsx.Mapping, names []string) ([]xlsx.RowResult, error) {
	var out []xlsx.RowResult
	for _, name := range names {
		if ctx.Err() != nil {
			return nil, cancelled(wb.Name)
		}
		g, err := wb.ReadSheet(name, xlsx.ReadOptions{})
		if err != nil {
			return nil, err
		}
		h, err := xlsx.DetectHeader(g)
		if err != nil {
			return nil, err
		}
		if !sameLayout(main, h, m) {
			return nil, isms.Errorf(isms.CodeInvalid, "%s, sheet %q: its header (row %d) does not have the columns of sheet %q, so the sheets cannot be imported together; import it on its own", wb.Name, name, h.Row, req.Sheet)
		}
		sm := m
		sm.LayoutKey = xlsx.LayoutKey(h)
		res, err := xlsx.Rows(req.Kind, h, g, sm)
		if err != nil {
			return nil, err
		}
		if res, err = withFixed(req, h, g, sm, res); err != nil {
			return nil, err
		}
		for i := range res {
			res[i].Sheet = g.Sheet
			for j := range res[i].Problems {
				res[i].Problems[j].Sheet = g.Sheet
			}
		}
		out = append(out, res...)
	}
	return out, nil
}

// tagSheets names the sheet of each planned row and problem of an import of several
// sheets: resolve keeps the order of the rows, so they are matched in order.
func tagSheets(p *Plan, results []xlsx.RowResult) {
	k := 0
	for i := range p.Rows {
		for k < len(results) && (results[k].Section || results[k].Row != p.Rows[i].Row) {
			k++
		}
		if k == len(results) {
			break
		}
		p.Rows[i].Sheet = results[k].Sheet
		for j := range p.Rows[i].Problems {
			p.Rows[i].Problems[j].Sheet = results[k].Sheet
		}
		k++
	}
	// the plan's errors are the problems of its invalid rows, in row order
	e := 0
	for _, r := range p.Rows {
		if r.Action != ActionInvalid {
			continue
		}
		for range r.Problems {
			if e < len(p.Errors) && p.Errors[e].Row == r.Row {
				p.Errors[e].Sheet = r.Sheet
				e++
			}
		}
	}
}
