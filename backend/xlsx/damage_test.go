package xlsx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/xlsx/xlsxtest"
)

func goodBook(t testing.TB) []byte {
	return buildXLSX(t, map[string][]cell{"Register": {
		{ref: "A1", v: "Reference"}, {ref: "B1", v: "Title"}, {ref: "C1", v: "Status"},
		{ref: "A2", v: "R-1"}, {ref: "B2", v: "Security of processing"}, {ref: "C2", v: "Compliant"},
		{ref: "A3", v: "R-2"}, {ref: "B3", v: "Breach notification"}, {ref: "C3", v: "Partial"},
	}}, nil, nil)
}

// TestDamagedWorkbooks opens workbooks spoiled in every way the reader checks: each is
// refused with a message that names the file and the damaged part.
func TestDamagedWorkbooks(t *testing.T) {
	good := goodBook(t)
	if _, err := Open("good.xlsx", bytes.NewReader(good), int64(len(good))); err != nil {
		t.Fatalf("the good workbook: %v", err)
	}
	// the copy itself changes nothing
	same := xlsxtest.Rezip(t, good, nil)
	g := readGrid(t, openBytes(t, "same.xlsx", same), "")
	if len(g.Rows) != 3 || g.Rows[2].Cell(1) != "Breach notification" {
		t.Fatalf("rezipped workbook reads %+v", g.Rows)
	}
	for _, d := range xlsxtest.DamagedBooks(t, good) {
		t.Run(d.Name, func(t *testing.T) {
			wb, err := Open(d.Name, bytes.NewReader(d.Data), int64(len(d.Data)))
			if err == nil {
				wb.Close()
				t.Fatal("opened without an error")
			}
			if isms.ErrorCode(err) != isms.CodeInvalid {
				t.Errorf("code %q (%v), want invalid", isms.ErrorCode(err), err)
			}
			msg := err.Error()
			if !strings.Contains(msg, d.Name) || !strings.Contains(msg, d.Want) || !strings.Contains(msg, d.Part) {
				t.Errorf("message %q should name %s and the part %q and say %q", msg, d.Name, d.Part, d.Want)
			}
		})
	}
}

// TestDeclaredSizeTooLarge refuses a workbook whose parts declare more than
// MaxUnzippedSize before anything inflates.
func TestDeclaredSizeTooLarge(t *testing.T) {
	b := xlsxtest.Rezip(t, goodBook(t), func(fh *zip.FileHeader, packed []byte) ([]byte, bool) {
		if fh.Name == xlsxtest.SheetPart {
			fh.UncompressedSize64 = MaxUnzippedSize + 1
		}
		return packed, true
	})
	_, err := Open("huge.xlsx", bytes.NewReader(b), int64(len(b)))
	if isms.ErrorCode(err) != isms.CodeInvalid || !strings.Contains(err.Error(), "more than 1024 MB (the limit)") {
		t.Errorf("declared 1 GB: %v", err)
	}
}

// TestCheckPartLimits runs the counting reader on parts at either side of each limit.
func TestCheckPartLimits(t *testing.T) {
	part := func(raws ...[]byte) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i, raw := range raws {
			name := "xl/big.xml"
			if i > 0 {
				name = "xl/big" + thousands(int64(i)) + ".xml"
			}
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(raw)
		}
		zw.Close()
		return buf.Bytes()
	}
	check := func(raws ...[]byte) error {
		b := part(raws...)
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		return checkParts("p.xlsx", zr, int64(len(b)))
	}
	// at the floor, any ratio is fine; above it, 100:1 is not
	if err := check(make([]byte, RatioFloor)); err != nil {
		t.Errorf("8 MB of zeros: %v", err)
	}
	err := check(make([]byte, RatioFloor+1))
	if err == nil || !strings.Contains(err.Error(), "the limit is 100:1 for parts over 8 MB") || !strings.Contains(err.Error(), "xl/big.xml") {
		t.Errorf("8 MB + 1 of zeros: %v", err)
	}
	// a bomb spread over parts under the floor: the whole file's ratio
	err = check(make([]byte, 4<<20), make([]byte, 4<<20), make([]byte, 4<<20))
	if err == nil || !strings.Contains(err.Error(), "its parts unpack to more than 100 times the file's size") {
		t.Errorf("3 parts of 4 MB of zeros: %v", err)
	}
	// a large part that packs like real XML (digits that change) is accepted
	var sb strings.Builder
	for i := 0; sb.Len() < RatioFloor+(1<<20); i++ {
		sb.WriteString(`<row r="`)
		sb.WriteString(thousands(int64(i)))
		sb.WriteString(`" spans="1:20" s="1" customFormat="1"/>`)
	}
	if err := check([]byte(sb.String())); err != nil {
		t.Errorf("9 MB of rows: %v", err)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1048576: "1,048,576", -12345: "-12,345"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
	if plainBytes(1) != "1 byte" || plainBytes(2048) != "2,048 bytes" {
		t.Errorf("plainBytes: %q, %q", plainBytes(1), plainBytes(2048))
	}
}

// TestCSVBadBytes refuses a UTF-8 file with two bytes that are not UTF-8, naming their rows
// and columns, and still reads a Windows-1252 file as Windows-1252.
func TestCSVBadBytes(t *testing.T) {
	data := []byte("Référence;Titre;Propriétaire\n" +
		"R-1;Protection des données;Anne\n" +
		"R-2;\"Sécurité\ndu caf\xe9\";Luc\n" + // a bad byte in a two-line cell: row 3 column B
		"R-3;Notification;Jo\xffe\n") // and one in row 4 column C
	_, err := Open("registre.csv", bytes.NewReader(data), int64(len(data)))
	if isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("code %q (%v), want invalid", isms.ErrorCode(err), err)
	}
	for _, want := range []string{"registre.csv", "2 bytes that are not valid UTF-8", "at row 3 column B and row 4 column C:", "CSV UTF-8"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q should say %q", err, want)
		}
	}
	// one bad byte after a BOM
	bom := append([]byte{0xEF, 0xBB, 0xBF}, "Réf,Titre\nR-1,ok\nR-2,\xc3\n"...)
	_, err = Open("bom.csv", bytes.NewReader(bom), int64(len(bom)))
	if err == nil || !strings.Contains(err.Error(), "a byte that is not valid UTF-8, at row 3 column B") {
		t.Errorf("BOM file: %v", err)
	}
	// many bad bytes: the first ten places, and more
	var many bytes.Buffer
	many.WriteString("Réf;Titre\n")
	for i := range 30 {
		many.WriteString("R-" + thousands(int64(i)) + ";é\xe9\n")
	}
	for range 30 {
		many.WriteString("x;é\n")
	}
	_, err = Open("many.csv", bytes.NewReader(many.Bytes()), int64(many.Len()))
	if err == nil || !strings.Contains(err.Error(), "30 bytes") || !strings.Contains(err.Error(), "row 11 column B and further on") {
		t.Errorf("many bad bytes: %v", err)
	}
	// Windows-1252 throughout is not damage
	cp := []byte("R\xe9f\xe9rence;Titre\nR-1;Donn\xe9es \x96 caf\xe9\n")
	wb := openBytes(t, "cp.csv", cp)
	if g := readGrid(t, wb, ""); wb.Dialect.Encoding != "windows-1252" || g.Rows[1].Cell(1) != "Données – café" {
		t.Errorf("windows-1252: %s %q", wb.Dialect.Encoding, g.Rows[1].Cells)
	}
}

// TestCSVLimits refuses a CSV file over MaxCSVSize before reading it and a sheet with more
// than MaxSheetRows rows.
func TestCSVLimits(t *testing.T) {
	_, err := Open("big.csv", bytes.NewReader(nil), MaxCSVSize+1)
	if err == nil || !strings.Contains(err.Error(), "the limit for a CSV file is 100 MB") {
		t.Errorf("big CSV: %v", err)
	}
	rows := bytes.Repeat([]byte("1\n"), MaxSheetRows+1)
	_, err = openBytes(t, "rows.csv", rows).ReadSheet("", ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "more than 1,048,576 rows") || !strings.Contains(err.Error(), "rows.csv") {
		t.Errorf("1,048,577 rows: %v", err)
	}
	g := readGrid(t, openBytes(t, "max.csv", rows[:2*MaxSheetRows]), "")
	if len(g.Rows) != MaxSheetRows {
		t.Errorf("1,048,576 rows read as %d", len(g.Rows))
	}
}
