package report_test

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// fill returns the fill colour of a cell, "" for none.
func fill(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.Fill.Pattern == 1 && len(st.Fill.Color) > 0 {
		return st.Fill.Color[0]
	}
	return ""
}

func cellValue(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// column returns the 1-based column of a header in row 1 of a sheet, failing when absent.
func column(t *testing.T, f *excelize.File, sheet, header string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range rows[0] {
		if h == header {
			return i + 1
		}
	}
	t.Fatalf("%s: no column %q in %v", sheet, header, rows[0])
	return 0
}

// TestRiskMethod3x3: with the organisation's 3 by 3 method the risk register grades every
// score on that method (9 of 9 is critical, where the 5 by 5 matrix would call it
// medium), says whether each risk is above the method's acceptance threshold, and the
// heat maps are 3 by 3 with the method's labels on the axes and its score ranges in the
// legend. The management review pack counts levels on the same method.
func TestRiskMethod3x3(t *testing.T) {
	db := openDB(t)
	method := isms.RiskMethod{Likelihood: []string{"Low", "Medium", "High"}, Impact: []string{"Limited", "Serious", "Grave"}, Threshold: 3}
	err := db.Update(func(tx *store.Tx) error {
		for _, r := range []*isms.Risk{
			// inherent 3x3 = 9 (critical), residual 1x2 = 2 (medium, below the threshold)
			{Ref: "R-1", Title: "Top corner", Likelihood: 3, Impact: 3, ResidualLikelihood: 1, ResidualImpact: 2, Status: isms.RiskAssessed},
			// 2x2 = 4: high on 3x3 (low on 5x5), above the threshold 3, no residual assessed
			{Ref: "R-2", Title: "Middle", Likelihood: 2, Impact: 2, Status: isms.RiskAssessed},
			// 1x1 = 1: low
			{Ref: "R-3", Title: "Bottom corner", Likelihood: 1, Impact: 1, Status: isms.RiskAssessed},
		} {
			if err := tx.Create(r, "test"); err != nil {
				return err
			}
		}
		return tx.SetOrganisation(isms.Organisation{Name: "Acme Ltd", RiskMethod: method})
	})
	if err != nil {
		t.Fatal(err)
	}
	f := export(t, db, "risks", opts(""))

	// The register: levels on the 3x3 method and the acceptance threshold.
	const reg = "Risk register"
	level, residual := column(t, f, reg, "Level"), column(t, f, reg, "Residual level")
	above := column(t, f, reg, "Above acceptance threshold (3)")
	want := []struct{ level, residual, above string }{
		{"Critical", "Medium", "No"}, // judged on the residual score 2
		{"High", "", "Yes"},          // judged on the inherent score 4
		{"Low", "", "No"},
	}
	for i, w := range want {
		row := i + 2
		got := []string{cellValue(t, f, reg, cellName(level, row)), cellValue(t, f, reg, cellName(residual, row)),
			cellValue(t, f, reg, cellName(above, row))}
		if got[0] != w.level || got[1] != w.residual || got[2] != w.above {
			t.Errorf("register row %d: level %q, residual level %q, above threshold %q; want %q, %q, %q",
				row, got[0], got[1], got[2], w.level, w.residual, w.above)
		}
	}

	// The heat maps: 3 likelihood rows (3 at the top) by 3 impact columns.
	const hm = "Heat maps"
	rows, err := f.GetRows(hm)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []string{"Likelihood 3 (High)", "Likelihood 2 (Medium)", "Likelihood 1 (Low)"} {
		if got := cellValue(t, f, hm, cellName(1, 2+i)); got != w {
			t.Errorf("heat map row %d label %q, want %q", 2+i, got, w)
		}
	}
	for i, w := range []string{"Impact 1 (Limited)", "Impact 2 (Serious)", "Impact 3 (Grave)"} {
		if got := cellValue(t, f, hm, cellName(2+i, 5)); got != w {
			t.Errorf("heat map impact %d label %q, want %q", i+1, got, w)
		}
	}
	if got := cellValue(t, f, hm, "E5"); got != "" {
		t.Errorf("heat map has a fourth impact column: %q", got)
	}
	for _, row := range rows {
		for _, v := range row {
			if strings.Contains(v, "Likelihood 4") || strings.Contains(v, "Impact 4") {
				t.Errorf("heat map has a level beyond the 3x3 method: %q", v)
			}
		}
	}
	// Each grid cell is coloured by its level on the method; 3x3 = 9 is critical.
	colour := map[string]string{"Low": "C6EFCE", "Medium": "FFEB9C", "High": "F8CBAD", "Critical": "FF8B8B"}
	for l := 1; l <= 3; l++ {
		for i := 1; i <= 3; i++ {
			ref := cellName(1+i, 2+3-l)
			lv := isms.RiskLevels.Label(method.Level(l * i))
			if got := fill(t, f, hm, ref); got != colour[lv] {
				t.Errorf("heat map cell %s (likelihood %d, impact %d): fill %q, want %s %q", ref, l, i, got, lv, colour[lv])
			}
		}
	}
	if got, w := fill(t, f, hm, "D2"), colour["Critical"]; got != w {
		t.Errorf("the 3x3 cell (score 9) is filled %q, want critical %q", got, w)
	}
	if got := cellValue(t, f, hm, "D2"); got != "1 risk\nR-1 Top corner" { // the count, then each risk with its title
		t.Errorf("the 3x3 cell holds %q, want R-1 with its title", got)
	}
	if got := cellValue(t, f, hm, "A6"); got != "Every risk is assessed." {
		t.Errorf("inherent map note %q", got)
	}
	// The residual map starts two rows below and is 3 by 3 too.
	if got := cellValue(t, f, hm, "A8"); got != "Residual risk (after treatment)" {
		t.Errorf("residual map title %q", got)
	}
	if got := cellValue(t, f, hm, "C11"); got != "1 risk\nR-1 Top corner" { // likelihood 1 (row 11), impact 2 (column C)
		t.Errorf("residual cell of R-1 holds %q", got)
	}
	if got := cellValue(t, f, hm, "A13"); got != "Not assessed: R-2, R-3" {
		t.Errorf("residual map note %q", got)
	}
	// The legend, after the residual map: the method's ranges.
	var legend []string
	for _, row := range rows {
		if len(row) > 0 && strings.HasPrefix(row[0], "Levels") {
			legend = row[1:]
		}
	}
	if strings.Join(legend, " | ") != "Low (1) | Medium (2-3) | High (4-5) | Critical (6-9)" {
		t.Errorf("legend %q", legend)
	}

	// The treatment plan and the cover follow the same method.
	if got := cellValue(t, f, "Treatment plan", "D2"); got != "Critical" {
		t.Errorf("treatment plan inherent level of R-1 %q, want Critical", got)
	}
	about := ""
	covers, err := f.GetRows("Executive summary")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range covers {
		if len(r) > 1 && r[0] == reg {
			about = r[1]
		}
	}
	if !strings.Contains(about, "3x3") || !strings.Contains(about, "acceptance threshold of score 3") {
		t.Errorf("cover says of the register: %q", about)
	}
}

func cellName(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// TestOrganisationNameSet: when the organisation's name is set, no report prints the
// placeholder for a missing name; the cover and the document properties name it.
func TestOrganisationNameSet(t *testing.T) {
	db := demoDB(t)
	err := db.Update(func(tx *store.Tx) error {
		o, err := tx.Organisation()
		if err != nil {
			return err
		}
		o.Name = "Contoso Data plc"
		return tx.SetOrganisation(o)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range report.Names() {
		f := export(t, db, in.Name, opts(idFor(in.Name)))
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				for _, v := range r {
					if strings.Contains(v, "name not set") || strings.Contains(v, "Northwind Analytics Ltd") {
						t.Errorf("%s / %s: %q with the name set", in.Name, sheet, v)
					}
				}
			}
		}
		if got := cellValue(t, f, "Executive summary", "A2"); got != "Contoso Data plc" {
			t.Errorf("%s: cover names %q", in.Name, got)
		}
		props, err := f.GetDocProps()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(props.Subject, "Contoso Data plc: ") {
			t.Errorf("%s: document subject %q", in.Name, props.Subject)
		}
	}

	// A blank name counts as none: an empty database prints the placeholder.
	empty := openDB(t)
	if err := empty.Update(func(tx *store.Tx) error { return tx.SetSetting(report.SettingOrganisation, "  ") }); err != nil {
		t.Fatal(err)
	}
	f := export(t, empty, "assets", opts(""))
	if got := cellValue(t, f, "Executive summary", "A2"); got != "(organisation name not set)" {
		t.Errorf("cover of a database without a name: %q", got)
	}
	// The option wins over the stored name.
	o := opts("")
	o.Organisation = " Given Ltd "
	f = export(t, db, "assets", o)
	if got := cellValue(t, f, "Executive summary", "A2"); got != "Given Ltd" {
		t.Errorf("cover with the organisation option: %q", got)
	}
}
