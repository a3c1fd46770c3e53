package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestFormatGeneral(t *testing.T) {
	cases := map[float64]string{
		1.1000000000000001:  "1.1",
		0.1 + 0.2:           "0.3",
		8.199999999999999:   "8.2",
		3:                   "3",
		-42:                 "-42",
		1234567:             "1234567",
		123456789012345:     "123456789012345",
		1234567890123456789: "1.23456789012346E+18",
		1e15:                "1E+15",
		0.000123:            "0.000123",
		1e-10:               "1E-10",
		-2.5e-12:            "-2.5E-12",
		0.5:                 "0.5",
		2.675:               "2.675",
		100.00000000000001:  "100",
		45678.50000000001:   "45678.5",
	}
	for in, want := range cases {
		if got := FormatGeneral(in); got != want {
			t.Errorf("FormatGeneral(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestNumbersAsExcelShowsThem reads numeric cells stored with float noise, exponents and
// long integers, and text cells that look like them (which stay as typed).
func TestNumbersAsExcelShowsThem(t *testing.T) {
	f := excelize.NewFile()
	set := func(ref, raw string) {
		if err := f.SetCellDefault("Sheet1", ref, raw); err != nil {
			t.Fatal(err)
		}
	}
	must(t, f.SetCellValue("Sheet1", "A1", "Ref"))
	must(t, f.SetCellValue("Sheet1", "B1", "Value"))
	must(t, f.SetCellValue("Sheet1", "C1", "Text"))
	set("A2", "1.1000000000000001")
	set("B2", "0.30000000000000004")
	must(t, f.SetCellStr("Sheet1", "C2", "1.1000000000000001")) // text typed as such
	set("A3", "8.1999999999999993")
	set("B3", "1.2345678901234567E+19")
	must(t, f.SetCellStr("Sheet1", "C3", "12345678901234567890"))
	set("A4", "42")
	set("B4", "1E-10")
	must(t, f.SetCellFormula("Sheet1", "C4", "1/3"))
	set("C4", "0.33333333333333331")
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	must(t, err)
	set("A5", "7.0000000000000007E-2")
	must(t, f.SetCellStyle("Sheet1", "A5", "A5", pct))
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	g := readGrid(t, openBytes(t, "n.xlsx", buf.Bytes()), "")
	want := [][]string{
		{"Ref", "Value", "Text"},
		{"1.1", "0.3", "1.1000000000000001"},
		{"8.2", "1.23456789012346E+19", "12345678901234567890"},
		{"42", "1E-10", "0.333333333333333"},
		{"7%"},
	}
	for i, w := range want {
		if got := g.Rows[i].Cells; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d = %q, want %q", i+1, got, w)
		}
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// cutSheet rewrites a workbook with its first worksheet's XML cut after n bytes.
func cutSheet(t testing.TB, b []byte, keep func(xml []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		must(t, err)
		data, err := io.ReadAll(rc)
		rc.Close()
		must(t, err)
		if zf.Name == "xl/worksheets/sheet1.xml" {
			data = keep(data)
		}
		w, err := zw.Create(zf.Name)
		must(t, err)
		_, err = w.Write(data)
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

// TestCutSheetIsAnError reads a sheet whose XML ends in the middle of its rows: an error
// that says so, never the rows before the cut.
func TestCutSheetIsAnError(t *testing.T) {
	cells := []cell{{ref: "A1", v: "Ref"}, {ref: "B1", v: "Title"}}
	for i := 2; i <= 40; i++ {
		cells = append(cells, cell{ref: "A" + itoa(i), v: "R-" + itoa(i)}, cell{ref: "B" + itoa(i), v: "Risk " + itoa(i)})
	}
	whole := buildXLSX(t, map[string][]cell{"Register": cells}, nil, nil)
	if _, err := openBytes(t, "whole.xlsx", whole).ReadSheet("", ReadOptions{}); err != nil {
		t.Fatalf("the whole workbook: %v", err)
	}
	cut := cutSheet(t, whole, func(x []byte) []byte { return x[:bytes.Index(x, []byte(`<row r="20"`))] })
	wb, err := Open("cut.xlsx", bytes.NewReader(cut), int64(len(cut)))
	if err != nil {
		if !strings.Contains(err.Error(), "cut.xlsx") {
			t.Fatalf("Open: %v", err)
		}
		return // refused when opened: fine too
	}
	defer wb.Close()
	g, err := wb.ReadSheet("", ReadOptions{})
	if err == nil {
		t.Fatalf("a cut sheet read without error: %d rows", len(g.Rows))
	}
	if !strings.Contains(err.Error(), "ends early") || !strings.Contains(err.Error(), `"Register"`) {
		t.Errorf("error %q should say the sheet's XML ends early and name it", err)
	}
}

func itoa(i int) string { return FormatGeneral(float64(i)) }
