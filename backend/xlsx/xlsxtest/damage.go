package xlsxtest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"strings"
	"testing"
)

// SheetPart is the part of the first sheet of a workbook written by excelize.
const SheetPart = "xl/worksheets/sheet1.xml"

// Rezip copies a zip part by part as raw (still compressed) data, letting edit change
// the header and the packed bytes of each part; edit returns false to drop a part.
func Rezip(tb testing.TB, data []byte, edit func(fh *zip.FileHeader, packed []byte) ([]byte, bool)) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		r, err := zf.OpenRaw()
		if err != nil {
			tb.Fatal(err)
		}
		packed, err := io.ReadAll(r)
		if err != nil {
			tb.Fatal(err)
		}
		fh := zf.FileHeader
		fh.Flags &^= 0x8 // sizes and CRC in the headers, not in a data descriptor
		keep := true
		if edit != nil {
			packed, keep = edit(&fh, packed)
		}
		if !keep {
			continue
		}
		fh.CompressedSize64 = uint64(len(packed))
		w, err := zw.CreateRaw(&fh)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(packed); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

// Unpack returns the unpacked bytes of a part as Rezip's edit receives it.
func Unpack(tb testing.TB, fh *zip.FileHeader, packed []byte) []byte {
	tb.Helper()
	if fh.Method == zip.Store {
		return packed
	}
	b, err := io.ReadAll(flate.NewReader(bytes.NewReader(packed)))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Deflate packs b as a zip part's data.
func Deflate(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := w.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// Damaged is a workbook spoiled in one way, and what the message refusing it must say.
type Damaged struct {
	Name string // the file name to import it under
	Data []byte
	Want string // a phrase of the refusal
	Part string // the part the refusal names, "" when the damage is to the zip itself
}

// DamagedBooks spoils a good workbook (whose first sheet is SheetPart) in each way the
// reader must refuse: a flipped byte under an intact CRC, a CRC that does not match, a
// part cut short, a size header that lies either way, a ratio bomb and a truncated zip.
func DamagedBooks(tb testing.TB, good []byte) []Damaged {
	tb.Helper()
	onSheet := func(f func(fh *zip.FileHeader, packed []byte) []byte) []byte {
		found := false
		b := Rezip(tb, good, func(fh *zip.FileHeader, packed []byte) ([]byte, bool) {
			if fh.Name != SheetPart {
				return packed, true
			}
			found = true
			return f(fh, packed), true
		})
		if !found {
			tb.Fatalf("the workbook has no %s", SheetPart)
		}
		return b
	}
	flipped := onSheet(func(fh *zip.FileHeader, packed []byte) []byte {
		// stored uncompressed with its CRC kept, then one byte of a cell's text changed:
		// excelize reads it without a word
		raw := Unpack(tb, fh, packed)
		fh.Method = zip.Store
		fh.UncompressedSize64 = uint64(len(raw))
		raw = bytes.Clone(raw)
		i := bytes.LastIndex(raw, []byte("</t>"))
		if i < 1 {
			i = bytes.LastIndex(raw, []byte("</v>"))
		}
		raw[i-1] ^= 0x01
		return raw
	})
	badCRC := onSheet(func(fh *zip.FileHeader, packed []byte) []byte {
		fh.CRC32 ^= 0x00010000
		return packed
	})
	cut := onSheet(func(fh *zip.FileHeader, packed []byte) []byte { return packed[:len(packed)/2] })
	under := onSheet(func(fh *zip.FileHeader, packed []byte) []byte {
		fh.UncompressedSize64 /= 2 // the header declares half the real size
		return packed
	})
	over := onSheet(func(fh *zip.FileHeader, packed []byte) []byte {
		fh.UncompressedSize64 += 1000
		return packed
	})
	bomb := Rezip(tb, good, func(fh *zip.FileHeader, packed []byte) ([]byte, bool) {
		if fh.Name != SheetPart {
			return packed, true
		}
		// 9 MB of the sheet's own XML padded with blanks, packed about 1,000:1
		raw := Unpack(tb, fh, packed)
		i := bytes.Index(raw, []byte("<sheetData"))
		pad := append(append(bytes.Clone(raw[:i]), strings.Repeat(" ", 9<<20)...), raw[i:]...)
		fh.Method = zip.Deflate
		fh.CRC32 = crc32.ChecksumIEEE(pad)
		fh.UncompressedSize64 = uint64(len(pad))
		return Deflate(tb, pad), true
	})
	return []Damaged{
		{"flipped.xlsx", flipped, "fails its checksum", SheetPart},
		{"crc.xlsx", badCRC, "fails its checksum", SheetPart},
		{"cut-part.xlsx", cut, "corrupt or cut-short data", SheetPart},
		{"size-lies.xlsx", under, "than the", SheetPart},
		{"size-lies-up.xlsx", over, "its header declares", SheetPart},
		{"bomb.xlsx", bomb, "zip bomb", SheetPart},
		{"truncated.xlsx", good[:len(good)*2/3], "cut short", ""},
	}
}
