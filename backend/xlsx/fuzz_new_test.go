package xlsx

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"
)

func FuzzParseScore(f *testing.F) {
	for _, s := range []string{"4", "4 - High", "80%", "0.3", "***", "très élevé", "muy alto", "7", "xx"} {
		f.Add(s, "", 5)
		f.Add(s, "1-10", 3)
		f.Add(s, "Low=1, High=3", 4)
	}
	f.Fuzz(func(t *testing.T, s, spec string, levels int) {
		labels := make([]string, max(0, levels%7))
		for i := range labels {
			labels[i] = "L" + strconv.Itoa(i)
		}
		sc, err := ParseScoreScale(spec)
		if err != nil {
			sc = ScoreScale{}
		}
		n, err := ParseScore(s, labels, sc)
		top := len(labels)
		if top < 3 || top > 5 {
			top = 5
		}
		if err == nil && (n < 0 || n > top || (n == 0 && strings.TrimSpace(s) != "")) {
			t.Fatalf("ParseScore(%q, %d levels, %q) = %d", s, len(labels), spec, n)
		}
		_ = LooksLikeScore(s)
		_ = Prose(s)
		_ = headingWord(s)
	})
}

func FuzzFormatGeneral(f *testing.F) {
	for _, v := range []float64{1.1000000000000001, 0.1 + 0.2, 1e15, 1e-10, -123.456, 45678.5} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		s := FormatGeneral(v)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		back, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("FormatGeneral(%v) = %q, not a number", v, s)
		}
		if v != 0 && math.Abs(back-v) > math.Abs(v)*1e-14 {
			t.Fatalf("FormatGeneral(%v) = %q, reads back as %v", v, s, back)
		}
		digits := strings.TrimLeft(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, strings.SplitN(strings.ToUpper(s), "E", 2)[0]), "0")
		if len(digits) > 15 {
			t.Fatalf("FormatGeneral(%v) = %q has more than 15 significant digits", v, s)
		}
	})
}

// FuzzSheetReader: any worksheet bytes read without a panic; a part without its closing
// tag is never taken for a whole sheet; cells stay within Excel's columns.
func FuzzSheetReader(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="n"><v>1.1000000000000001</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<x:worksheet><x:sheetData><x:row><x:c s="3"><x:v>4`))
	f.Add([]byte(`<worksheet><cols><col min="2" max="3" hidden="1"/></cols><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row><c t="inlineStr"><is><r><t>a&amp;</t></r><rPh><t>x</t></rPh><t><![CDATA[<b>]]></t></is></c><c t="s"><v>7</v></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sr := sheetReader{sst: []string{"a", "b"}, kinds: []cellKind{kindPlain, kindPercent, kindDate}}
		lay, err := sr.read(bytes.NewReader(b), func(num int, cells []string) bool {
			if len(cells) > 16384 {
				t.Fatalf("row %d has %d cells", num, len(cells))
			}
			return true
		})
		if lay == nil {
			t.Fatal("no layout")
		}
		if err == nil && !bytes.Contains(b, []byte("worksheet")) {
			t.Fatalf("%q read as a whole sheet", b)
		}
	})
}
