package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// tricky are texts whose XML encoding differs from the text: entities, line ends,
// whitespace, Excel's own escapes, characters outside the BMP, long texts.
var tricky = []string{"a & b", "<tag attr=\"x\">", "line one\nline two", "tab\there", "  leading and trailing  ",
	"it's \"quoted\"", "Sécurité des données – ISO/IEC 27001", "emoji 🔒 ok", "=not a formula", "100%",
	"_x000D_ literal", "a\r\nb", strings.Repeat("long text ", 700), "&amp; already escaped", "]]> end of CDATA", "é"}

// TestReaderMatchesExcelize: every text cell reads as excelize (with raw values) reads it,
// in a workbook written with shared strings (as Excel saves) and one written with inline
// strings (as excelize's StreamWriter writes).
func TestReaderMatchesExcelize(t *testing.T) {
	for _, stream := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream=%v", stream), func(t *testing.T) {
			f := excelize.NewFile()
			var sw *excelize.StreamWriter
			if stream {
				var err error
				if sw, err = f.NewStreamWriter("Sheet1"); err != nil {
					t.Fatal(err)
				}
			}
			for i, s := range tricky {
				row := []any{fmt.Sprintf("R%d", i), s, nil, i * 7}
				cell := fmt.Sprintf("A%d", i+1)
				if stream {
					if err := sw.SetRow(cell, row); err != nil {
						t.Fatal(err)
					}
				} else if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
					t.Fatal(err)
				}
			}
			if stream {
				if err := sw.Flush(); err != nil {
					t.Fatal(err)
				}
			}
			var buf bytes.Buffer
			if _, err := f.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			ex, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			want, err := ex.GetRows("Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			g := readGrid(t, openBytes(t, "book.xlsx", buf.Bytes()), "Sheet1")
			if len(g.Rows) != len(want) {
				t.Fatalf("%d rows, excelize reads %d", len(g.Rows), len(want))
			}
			for i, w := range want {
				for j := range w {
					if got := g.Rows[i].Cell(j); got != w[j] {
						t.Errorf("row %d column %d: %q, excelize reads %q", i+1, j+1, got, w[j])
					}
				}
			}
		})
	}
}

// rawBook zips a workbook by hand, so that its sheet can hold what no writer library
// writes: namespace prefixes, comments, CDATA, rich text with phonetic runs, rows and
// cells without references, shared-string escapes.
func rawBook(t *testing.T, sheetXML, sstXML, stylesXML string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`,
		"xl/workbook.xml":            `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Secret" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheetXML,
		"xl/worksheets/sheet2.xml":   `<worksheet><sheetData/></worksheet>`,
	}
	if sstXML != "" {
		parts["xl/sharedStrings.xml"] = sstXML
	}
	if stylesXML != "" {
		parts["xl/styles.xml"] = stylesXML
	}
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReaderHandWrittenXML(t *testing.T) {
	sst := `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>Reference</t></si>
<si><r><rPr><b/></rPr><t>Ti</t></r><r><t xml:space="preserve">tle </t></r><rPh sb="0" eb="1"><t>タイトル</t></rPh></si>
<si><t>carriage_x000D_return &amp; _x005F_x000D_</t></si>
<si/>
</sst>`
	styles := `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="22"/></cellXfs></styleSheet>`
	sheet := `<?xml version="1.0"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:cols><x:col min="3" max="3" hidden="1"/></x:cols>
<x:sheetData>
<!-- a comment <row> inside -->
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>
<x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[<b>bold</b> & more]]></x:t></x:is></x:c><x:c s="1"><x:v>45292</x:v></x:c><x:c s="2"><x:v>0.85</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c><x:v>1.1000000000000001</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>Formula text</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c s="3"><x:v>45292.5</x:v></x:c></x:row>
<x:row r="5" spans="1:2"><x:c r="B5" t="inlineStr"><x:is><x:t>line&#10;two&#x21;</x:t></x:is></x:c><x:c r="A5" t="s"><x:v>3</x:v></x:c></x:row>
<x:row r="6"/>
</x:sheetData>
<x:mergeCells count="1"><x:mergeCell ref="A5:A6"/></x:mergeCells>
</x:worksheet>`
	wb := openBytes(t, "hand.xlsx", rawBook(t, sheet, sst, styles))
	if len(wb.Sheets) != 2 || wb.Sheets[0].Name != "Data" || wb.Sheets[0].Hidden || !wb.Sheets[1].Hidden {
		t.Fatalf("sheets %+v", wb.Sheets)
	}
	g := readGrid(t, wb, "Data")
	rows := map[int][]string{}
	for _, r := range g.Rows {
		rows[r.Num] = r.Cells
	}
	check := func(num int, cells ...string) {
		t.Helper()
		if fmt.Sprint(rows[num]) != fmt.Sprint(cells) {
			t.Errorf("row %d: %q, want %q", num, rows[num], cells)
		}
	}
	check(1, "Reference", "Title ", "carriage\rreturn & _x000D_")
	check(2, "<b>bold</b> & more", "2024-01-01", "85%", "TRUE", "1.1", "Formula text", "#N/A", "2024-01-01 12:00")
	check(5, "", "line\ntwo!")
	if len(g.HiddenColumns) != 1 || g.HiddenColumns[0] != 2 {
		t.Errorf("hidden columns %v, want [2]", g.HiddenColumns)
	}
	if len(g.Merges) != 1 || g.Merges[0] != (Merge{FirstRow: 5, LastRow: 6, FirstCol: 0, LastCol: 0}) {
		t.Errorf("merges %+v", g.Merges)
	}
}

func TestReaderDamage(t *testing.T) {
	for name, sheet := range map[string]string{
		"cut short":            `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2"`,
		"bad shared string":    `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData></worksheet>`,
		"no closing worksheet": `<worksheet><sheetData></sheetData>`,
	} {
		t.Run(name, func(t *testing.T) {
			wb := openBytes(t, "bad.xlsx", rawBook(t, sheet, `<sst><si><t>x</t></si></sst>`, ""))
			_, err := wb.ReadSheet("Data", ReadOptions{})
			if err == nil {
				t.Fatal("read without an error")
			}
			if !strings.Contains(err.Error(), "bad.xlsx") || !strings.Contains(err.Error(), `"Data"`) {
				t.Errorf("the message does not name the file and the sheet: %v", err)
			}
		})
	}
}
