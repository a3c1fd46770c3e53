// Package xlsxtest holds what the tests of the Excel reading and import packages share:
// the public corpus beside the repository, and a generated 100,000-row register with
// excelize's own reading of it as the benchmarks' baseline.
package xlsxtest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// CorpusDir returns ../shared/corpus/files beside the repository (the folder holding
// go.mod), or skips the test when it is absent.
func CorpusDir(tb testing.TB) string {
	tb.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("corpus not found: no go.mod above the package")
		}
		dir = parent
	}
	c := filepath.Join(dir, "..", "shared", "corpus", "files")
	if _, err := os.Stat(c); err != nil {
		tb.Skipf("corpus not found at %s (the shared corpus sits beside the repository)", c)
	}
	return c
}

// Rows100k is the number of data rows of Register100k.
const Rows100k = 100_000

// Register100k returns a requirements register of 100,000 rows and 8 columns (one of
// them real dates), written once per machine into the temporary folder.
func Register100k(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), "ismsdesk-bench")
	path := filepath.Join(dir, "register-100k-v2.xlsx")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	_ = sw.SetRow("A1", []any{"Reference", "Title", "Description", "Owner", "Status", "Due date", "Source", "Notes"})
	for i := 1; i <= Rows100k; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, []any{fmt.Sprintf("REQ-%06d", i), fmt.Sprintf("Requirement %d", i),
			"The organisation shall do the thing.", fmt.Sprintf("Owner %d", i%40), "Compliant",
			excelize.Cell{StyleID: date, Value: 45000 + i%1000}, "ISO 27001", ""}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	tmp := path + ".partial.xlsx"
	if err := f.SaveAs(tmp); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// ReadWithExcelize benchmarks excelize alone reading every cell of every row of path's
// first sheet, and reports rows per second.
func ReadWithExcelize(b *testing.B, path string, opts excelize.Options) {
	b.Helper()
	b.ResetTimer()
	for range b.N {
		f, err := excelize.OpenFile(path, opts)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows(f.GetSheetName(0))
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		f.Close()
		if n != Rows100k+1 {
			b.Fatalf("%d rows", n)
		}
	}
	b.ReportMetric(float64(Rows100k*b.N)/b.Elapsed().Seconds(), "rows/s")
}
