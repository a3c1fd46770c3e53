package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Charts carry the values they plot (their caches), as Excel writes them: excelize
// writes only the cell references, so that an application or preview that does not
// recalculate (a file viewer, a mail attachment preview) draws empty charts. cacheCharts
// fills each chart's caches from the cells its references name.

var (
	strRef = regexp.MustCompile(`<strRef><f>([^<]*)</f>(?:<strCache>.*?</strCache>)?</strRef>`)
	numRef = regexp.MustCompile(`<numRef><f>([^<]*)</f>(?:<numCache>.*?</numCache>)?</numRef>`)
)

// cacheCharts rewrites the chart parts of the workbook data with cached values read from f.
func cacheCharts(f *excelize.File, data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("report: unable to reread the workbook: %w", err)
	}
	charts := false
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts = true
		}
	}
	if !charts {
		return data, nil
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(zf.Name, "xl/charts/chart") && strings.HasSuffix(zf.Name, ".xml") {
			if body, err = cacheChart(f, body); err != nil {
				return nil, err
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: zf.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// cacheChart fills the string and number caches of one chart's XML.
func cacheChart(f *excelize.File, x []byte) ([]byte, error) {
	var failed error
	fill := func(re *regexp.Regexp, num bool) {
		x = re.ReplaceAllFunc(x, func(m []byte) []byte {
			ref := string(re.FindSubmatch(m)[1])
			vals, err := rangeValues(f, html.UnescapeString(ref), num)
			if err != nil {
				failed = err
				return m
			}
			var b strings.Builder
			if num {
				b.WriteString("<numRef><f>" + ref + "</f><numCache><formatCode>General</formatCode>")
			} else {
				b.WriteString("<strRef><f>" + ref + "</f><strCache>")
			}
			fmt.Fprintf(&b, `<ptCount val="%d"></ptCount>`, len(vals))
			for i, v := range vals {
				if v == "" && num {
					continue // a blank cell is a gap in the line
				}
				fmt.Fprintf(&b, `<pt idx="%d"><v>%s</v></pt>`, i, html.EscapeString(v))
			}
			if num {
				b.WriteString("</numCache></numRef>")
			} else {
				b.WriteString("</strCache></strRef>")
			}
			return []byte(b.String())
		})
	}
	fill(strRef, false)
	fill(numRef, true)
	return x, failed
}

// rangeValues reads the cells of a reference like 'Sheet name'!$C$2:$C$10: as shown for
// texts, as stored for numbers (blank for a cell that holds no number).
func rangeValues(f *excelize.File, ref string, num bool) ([]string, error) {
	i := strings.LastIndex(ref, "!")
	if i < 0 {
		return nil, fmt.Errorf("report: chart reference %q names no sheet", ref)
	}
	sheet := strings.ReplaceAll(strings.Trim(ref[:i], "'"), "''", "'")
	cells := strings.Split(strings.ReplaceAll(ref[i+1:], "$", ""), ":")
	c1, r1, err := excelize.CellNameToCoordinates(cells[0])
	if err != nil {
		return nil, err
	}
	c2, r2 := c1, r1
	if len(cells) == 2 {
		if c2, r2, err = excelize.CellNameToCoordinates(cells[1]); err != nil {
			return nil, err
		}
	}
	var out []string
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			name, _ := excelize.CoordinatesToCellName(c, r)
			v, err := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: num})
			if err != nil {
				return nil, err
			}
			if num {
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					v = ""
				}
			}
			out = append(out, v)
		}
	}
	return out, nil
}
