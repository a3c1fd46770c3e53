package report_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// boardReports are the register reports, each with its board view sheet.
var boardReports = map[string]string{
	"requirements": "Requirements (board view)", "risks": "Risks (board view)", "soa": "SoA (board view)",
	"assets": "Assets (board view)", "corrective-actions": "Nonconformities (board view)",
	"kpi-dashboard": "KPIs (board view)", "training": "Training (board view)",
}

// exportBytes writes a report and returns the workbook's bytes.
func exportBytes(t *testing.T, db *store.DB, name string, o report.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(context.Background(), db, name, o, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var defaultSize = regexp.MustCompile(`(?s)<fonts[^>]*>\s*<font>.*?<sz val="([0-9.]+)"`)

// workbookFontSize reads the size of the workbook's default font from xl/styles.xml: the
// size of cells whose style names no font.
func workbookFontSize(t *testing.T, data []byte) float64 {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/styles.xml" {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		m := defaultSize.FindSubmatch(b)
		if m == nil {
			t.Fatal("no default font size in styles.xml")
		}
		v, _ := strconv.ParseFloat(string(m[1]), 64)
		return v
	}
	t.Fatal("no styles.xml")
	return 0
}

// TestBoardViews: every register report has a board view before its full register, of
// at most 10 columns together narrow enough to print at full size, every cell at 9 pt or
// more, printed on A4 landscape fitted to the page width with its header row repeated;
// and every sheet of every report carries the document control in its page header and
// footer: the classification label, the version (the export count), the owner and date.
func TestBoardViews(t *testing.T) {
	db := demoDB(t)
	const label = "Confidential – Board & Auditors"
	if err := db.Update(func(tx *store.Tx) error { return tx.SetSetting(report.SettingClassification, label) }); err != nil {
		t.Fatal(err)
	}
	for _, in := range report.Names() {
		data := exportBytes(t, db, in.Name, opts(idFor(in.Name)))
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		base := workbookFontSize(t, data)
		sheets := f.GetSheetList()
		if board, ok := boardReports[in.Name]; ok {
			i := slicesIndex(sheets, board)
			if i < 1 {
				t.Errorf("%s: no board view %q in %v", in.Name, board, sheets)
			} else if i+1 >= len(sheets) || sheets[i+1] == "About this report" {
				t.Errorf("%s: the board view is not followed by the full register: %v", in.Name, sheets)
			}
			checkBoard(t, f, in.Name, board, base)
		}
		for _, sh := range sheets {
			hf, err := f.GetHeaderFooter(sh)
			if err != nil {
				t.Fatal(err)
			}
			text := hf.OddHeader + " " + hf.OddFooter
			for _, want := range []string{"Confidential – Board && Auditors", "version 1;", "2025-06-15", "Page &P of &N"} {
				if !strings.Contains(text, want) {
					t.Errorf("%s / %s: page header and footer %q lack %q", in.Name, sh, text, want)
				}
			}
			owner := "Owner: Priya Shah (ISMS Manager)"
			switch in.Name {
			case "audit":
				owner = "(lead auditor)"
			case "management-review":
				owner = "(chair)"
			}
			if !strings.Contains(text, owner) {
				t.Errorf("%s / %s: the footer %q does not name %q", in.Name, sh, hf.OddFooter, owner)
			}
		}
		f.Close()
	}
}

func slicesIndex(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// checkBoard checks one board view's columns, fonts and page set-up.
func checkBoard(t *testing.T, f *excelize.File, report, sheet string, base float64) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 {
		t.Fatalf("%s: %d rows", sheet, len(rows))
	}
	ncol := len(rows[0])
	if ncol < 3 || ncol > 10 {
		t.Errorf("%s / %s: %d columns, want 3 to 10", report, sheet, ncol)
	}
	width := 0.0
	for c := 1; c <= ncol; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		width += w
		// an empty column is not printed
		empty := true
		for _, r := range rows[1:] {
			if c-1 < len(r) && strings.TrimSpace(r[c-1]) != "" {
				empty = false
			}
		}
		if empty && !(len(rows) == 2 && rows[1][0] == "None in this period") {
			t.Errorf("%s / %s: column %q is empty in every row", report, sheet, rows[0][c-1])
		}
	}
	if width > 120 {
		t.Errorf("%s / %s: the columns are %v characters wide, more than fits A4 landscape at full size", report, sheet, width)
	}
	for r := range rows {
		for c := 1; c <= ncol; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r+1)
			id, err := f.GetCellStyle(sheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			size := base
			if st.Font != nil && st.Font.Size > 0 {
				size = st.Font.Size
			}
			if size < 9 {
				t.Errorf("%s / %s!%s: font size %v, under 9 pt", report, sheet, ref, size)
			}
		}
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s / %s: page set-up %+v, fitToPage %v: want A4 (9), landscape, one page wide", report, sheet, layout, props.FitToPage)
	}
	titles := false
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == sheet && dn.Name == "_xlnm.Print_Titles" && strings.HasSuffix(dn.RefersTo, "!$1:$1") {
			titles = true
		}
	}
	if !titles {
		t.Errorf("%s / %s: the header row is not repeated on every printed page", report, sheet)
	}
}

// TestBoardViewEmpty: a board view of an empty register says "None in this period", and
// a board view leaves out the columns no row fills.
func TestBoardViewEmpty(t *testing.T) {
	db := openDB(t)
	f := export(t, db, "risks", opts(""))
	rows, err := f.GetRows("Risks (board view)")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][0] != "None in this period" {
		t.Errorf("empty board view rows %q", rows)
	}
	err = db.Update(func(tx *store.Tx) error {
		return tx.Create(&isms.Requirement{Ref: "REQ-1", Title: "Keep records", SourceType: isms.SourceLegal, Applicable: true,
			Status: isms.ComplianceNotAssessed}, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	f = export(t, db, "requirements", opts(""))
	rows, err = f.GetRows("Requirements (board view)")
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0], "|")
	if head != "Reference|Requirement|Source|Status" {
		t.Errorf("board view columns %q: want those with a value only (no owner, controls or due date)", head)
	}
	if len(rows) != 2 || rows[1][0] != "REQ-1" {
		t.Errorf("board view rows %q", rows)
	}
}

// TestVersionCounts: the version in the document control is the report's export count:
// an export the window or command line keeps (Remember) counts; a preview does not.
func TestVersionCounts(t *testing.T) {
	db := demoDB(t)
	o := opts("")
	o.Remember = true
	export(t, db, "soa", o)
	f := export(t, db, "soa", opts(""))
	hf, err := f.GetHeaderFooter("SoA (board view)")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(hf.OddFooter, "version 2;") {
		t.Errorf("footer after one kept export %q, want version 2", hf.OddFooter)
	}
	export(t, db, "soa", o)
	export(t, db, "soa", o)
	f = export(t, db, "soa", opts(""))
	if v := rowWith(t, f, "Executive summary", "Version"); len(v) < 2 || v[1] != "4 (export 4 of this report)" {
		t.Errorf("cover version %q after three kept exports", v)
	}
	if other := export(t, db, "assets", opts("")); true {
		hf, _ := other.GetHeaderFooter("Assets (board view)")
		if !strings.Contains(hf.OddFooter, "version 1;") {
			t.Errorf("another report's footer %q, want version 1", hf.OddFooter)
		}
	}
}
