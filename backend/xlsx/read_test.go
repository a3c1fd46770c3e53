package xlsx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

func TestOpenErrors(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	// an encrypted package: an OLE file whose directory (here its second entry) has an
	// "EncryptedPackage" stream
	encrypted := append(append([]byte(nil), ole[:512]...), make([]byte, 512)...)
	for i, c := range "EncryptedPackage" {
		encrypted[512+128+2*i] = byte(c)
	}
	encrypted[512+128+64], encrypted[512+128+66] = 34, 2
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("hello.txt")
	w.Write([]byte("not a workbook"))
	zw.Close()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"old.xls", ole, "save it as .xlsx first"},
		{"secret.xlsx", encrypted, "password-protected"},
		{"renamed.xlsx", ole, "is an old Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice and save it as .xlsx"},
		{"broken.xlsx", []byte("PK\x03\x04 this is not a zip"), "damaged"},
		{"text.xlsx", []byte("hello"), "damaged"},
		{"other.xlsx", zbuf.Bytes(), "not an Excel workbook"},
		{"notes.docx", []byte("x"), ".xlsx, .xlsm, .csv"},
		{"noext", []byte("x"), "supported files"},
		{"wb.csv", []byte("PK\x03\x04"), "not a text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Open(tc.name, bytes.NewReader(tc.data), int64(len(tc.data)))
			if isms.ErrorCode(err) != isms.CodeInvalid {
				t.Fatalf("code %q (%v), want invalid", isms.ErrorCode(err), err)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.name) {
				t.Errorf("message %q should name the file and contain %q", err, tc.want)
			}
		})
	}
	_, err := Open("huge.xlsx", bytes.NewReader(nil), MaxFileSize+1)
	if isms.ErrorCode(err) != isms.CodeInvalid || !strings.Contains(err.Error(), "too large") {
		t.Errorf("huge file: %v", err)
	}
}

func TestSyntheticRegister(t *testing.T) {
	// title rows, a blank spacer, header at B4 with a line break, section rows, sparse
	// hierarchy, ids as numbers, dates as serials and text, a formula, a bloated range.
	cells := []cell{
		{ref: "A1", v: "ACME Ltd — Statement of Applicability 2024"},
		{ref: "A2", v: "Prepared by the ISMS Manager"},
		{ref: "B4", v: "Control\nID"}, {ref: "C4", v: "Control  title"}, {ref: "D4", v: "Applicable?"},
		{ref: "E4", v: "Justification"}, {ref: "F4", v: "Implementation status"}, {ref: "G4", v: "Owner"}, {ref: "H4", v: "Due date"}, {ref: "I4", v: "Theme"},
		{ref: "B5", v: "Organizational controls"},
		{ref: "B6", v: 5.1}, {ref: "C6", v: "Policies for information security"}, {ref: "D6", v: "Yes"}, {ref: "E6", v: "Required"}, {ref: "F6", v: "Implemented"}, {ref: "G6", v: "Alice Martin"}, {ref: "H6", v: 45306, numFmt: 14}, {ref: "I6", v: "Org"},
		{ref: "B7", v: 5.1}, {ref: "C7", v: "Acceptable use of information and other associated assets"}, {ref: "D7", v: "x"}, {ref: "E7", v: "Risk R-3"}, {ref: "F7", v: "In progress"}, {ref: "H7", v: "30/01/2025"},
		{ref: "B9", v: "Technological controls"},
		{ref: "B10", v: 8.2}, {ref: "C10", v: "Secure coding"}, {ref: "D10", v: "No"}, {ref: "E10", v: "No development"}, {ref: "F10", v: "N/A"},
		{ref: "B11", v: "A.8.2"}, {ref: "C11", v: "Privileged access rights"}, {ref: "D11", v: "Applicable"}, {ref: "E11", v: "Admins"}, {ref: "F11", v: "Done"}, {ref: "H11", formula: "DATE(2025,3,31)", v: 45747, numFmt: 14},
		{ref: "B12", v: "A.9.9"}, {ref: "C12", v: "Not a control"}, {ref: "D12", v: "maybe"},
		{ref: "K5000", v: ""},
	}
	b := buildXLSX(t, map[string][]cell{"SoA": cells}, nil, nil)
	wb := openBytes(t, "soa.xlsx", b)
	g := readGrid(t, wb, "SoA")
	h, err := DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	if h.Row != 4 || h.Rows != 1 || h.FirstColumn != 1 || h.Columns[0].Letter != "B" {
		t.Fatalf("header %+v", h)
	}
	if h.Columns[0].Name != "Control ID" || h.Columns[1].Name != "Control title" {
		t.Errorf("names %q", h.Names())
	}
	if g.Rows[len(g.Rows)-1].Num != 12 {
		t.Errorf("grid ends at r%d, want r12", g.Rows[len(g.Rows)-1].Num)
	}
	m, err := ProposeMapping(KindControls, h)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"ref": "B", "title": "C", "applicability": "D", "justification": "E", "status": "F", "owner": "G", "dueDate": "H"}
	for f, l := range want {
		if m.Columns[f] != l {
			t.Errorf("%s -> %q, want %q (all: %v)", f, m.Columns[f], l, m.Columns)
		}
	}
	if p := m.Check(h); len(p) != 0 {
		t.Errorf("mapping problems %v", p)
	}
	res, err := Rows(KindControls, h, g, m)
	if err != nil {
		t.Fatal(err)
	}
	byRow := map[int]RowResult{}
	for _, r := range res {
		byRow[r.Row] = r
	}
	for _, sec := range []int{5, 9} {
		if !byRow[sec].Section {
			t.Errorf("row %d should be a section row: %+v", sec, byRow[sec])
		}
	}
	check := func(row int, ref, status string, due isms.Date) {
		t.Helper()
		r := byRow[row]
		c, ok := r.Record.(*ControlRow)
		if !ok {
			t.Fatalf("row %d: record %T", row, r.Record)
		}
		if c.Control.Ref != ref || c.Control.Status != status || c.Control.DueDate != due {
			t.Errorf("row %d: %s %s %s, want %s %s %s", row, c.Control.Ref, c.Control.Status, c.Control.DueDate, ref, status, due)
		}
	}
	check(6, "A.5.1", isms.ImplImplemented, "2024-01-15")
	check(7, "A.5.10", isms.ImplInProgress, "2025-01-30") // 5.10 stored as the number 5.1
	check(10, "A.8.2", isms.ImplNotApplicable, "")
	check(11, "A.8.2", isms.ImplImplemented, "2025-03-31")
	if r := byRow[6]; len(r.Problems) != 0 || r.Record.(*ControlRow).OwnerName != "Alice Martin" {
		t.Errorf("row 6: %+v", r)
	}
	r12 := byRow[12]
	if len(r12.Problems) == 0 || r12.Problems[0].Row != 12 {
		t.Errorf("row 12 should have problems: %+v", r12.Problems)
	}
	for _, p := range r12.Problems {
		if p.Field == "applicability" && (p.Column != "D" || !strings.Contains(p.Message, "expected")) {
			t.Errorf("applicability problem %+v", p)
		}
	}
}
