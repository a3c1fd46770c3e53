package xlsx

import (
	"bytes"
	"github.com/ismsdesk/ismsdesk/backend/xlsx/xlsxtest"
	"sort"
	"testing"

	"github.com/xuri/excelize/v2"
)

// corpusDir finds ../shared/corpus/files beside the repository, or skips.
func corpusDir(t testing.TB) string { return xlsxtest.CorpusDir(t) }

// cell is a value to put at a cell reference; a float64 or bool is written as such,
// style names a number format id for the cell.
type cell struct {
	ref     string
	v       any
	numFmt  int
	formula string
}

// buildXLSX writes a workbook with the given sheets (name -> cells) and merges.
func buildXLSX(t testing.TB, sheets map[string][]cell, merges map[string][][2]string, hidden map[string]bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	first := true
	names := make([]string, 0, len(sheets))
	for name := range sheets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		cells := sheets[name]
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for _, c := range cells {
			if c.formula != "" {
				if err := f.SetCellFormula(name, c.ref, c.formula); err != nil {
					t.Fatal(err)
				}
			}
			if err := f.SetCellValue(name, c.ref, c.v); err != nil {
				t.Fatal(err)
			}
			if c.numFmt != 0 {
				st, err := f.NewStyle(&excelize.Style{NumFmt: c.numFmt})
				if err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStyle(name, c.ref, c.ref, st); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range merges[name] {
			if err := f.MergeCell(name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		if hidden[name] {
			if err := f.SetSheetVisible(name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openBytes(t testing.TB, name string, b []byte) *Workbook {
	t.Helper()
	wb, err := Open(name, bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("Open(%s): %v", name, err)
	}
	t.Cleanup(func() { wb.Close() })
	return wb
}

func readGrid(t testing.TB, wb *Workbook, sheet string) *Grid {
	t.Helper()
	g, err := wb.ReadSheet(sheet, ReadOptions{})
	if err != nil {
		t.Fatalf("ReadSheet(%s): %v", sheet, err)
	}
	return g
}
