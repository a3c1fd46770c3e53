package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/xlsx/xlsxtest"
)

// FuzzOpenWorkbook opens arbitrary bytes as a workbook: never a panic; a refusal names the
// file; and a workbook that opens has every part whole (archive/zip reads each to its end
// without a checksum, size or format error).
func FuzzOpenWorkbook(f *testing.F) {
	good := goodBook(f)
	f.Add(good)
	for _, d := range xlsxtest.DamagedBooks(f, good) {
		if len(d.Data) < 1<<20 { // the bomb is too large for a seed
			f.Add(d.Data)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		wb, err := Open("fuzz.xlsx", bytes.NewReader(b), int64(len(b)))
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.xlsx") {
				t.Fatalf("refusal %q does not name the file", err)
			}
			return
		}
		defer wb.Close()
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("opened, but archive/zip cannot read it: %v", err)
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				t.Fatalf("opened, but part %s does not open: %v", zf.Name, err)
			}
			if _, err := io.Copy(io.Discard, rc); err != nil {
				t.Fatalf("opened, but part %s is damaged: %v", zf.Name, err)
			}
			rc.Close()
		}
		for _, s := range wb.Sheets {
			if _, err := wb.ReadSheet(s.Name, ReadOptions{MaxRows: 100}); err != nil && !strings.Contains(err.Error(), "fuzz.xlsx") {
				t.Fatalf("sheet %q: error %q does not name the file", s.Name, err)
			}
		}
	})
}

// FuzzDecodeText decodes arbitrary bytes as a CSV file's text: the result is always valid
// UTF-8, valid UTF-8 comes back unchanged, and each reported bad byte is a U+FFFD in the
// text; a file with bad bytes is refused naming them, else it reads as a grid.
func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{"Réf;Titre\nR-1;données\n", "R\xe9f;caf\xe9\n", "Réf;données\xff\n", "\xef\xbb\xbfé\xc3\n", "\xff\xfea\x00", "\"a\n\xe9\";é\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		text, enc, bad := decodeText(b)
		if !utf8.Valid(text) {
			t.Fatalf("%q decoded (%s) to invalid UTF-8 %q", b, enc, text)
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) && !bytes.HasPrefix(b, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(b, []byte{0xFE, 0xFF}) && !bytes.Equal(text, b) {
			t.Fatalf("valid UTF-8 %q changed to %q", b, text)
		}
		for _, o := range bad {
			if r, _ := utf8.DecodeRune(text[o:]); r != utf8.RuneError {
				t.Fatalf("bad byte at %d of %q is %q", o, text, r)
			}
		}
		wb, err := Open("fuzz.csv", bytes.NewReader(b), int64(len(b)))
		if (err != nil) != (len(bad) > 0) && !(err != nil && strings.Contains(err.Error(), "looks like an Excel workbook")) {
			t.Fatalf("%q: %d bad bytes, open error %v", b, len(bad), err)
		}
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.csv") || (len(bad) > 0 && !strings.Contains(err.Error(), "row ")) {
				t.Fatalf("refusal %q", err)
			}
			return
		}
		if _, err := wb.ReadSheet("", ReadOptions{}); err != nil && !strings.Contains(err.Error(), "fuzz.csv") {
			t.Fatalf("read: %v", err)
		}
	})
}
