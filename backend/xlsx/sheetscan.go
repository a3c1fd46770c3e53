package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// Merge is a merged range of a sheet: Excel row numbers (1-based) and column indexes (0-based).
type Merge struct {
	FirstRow int `json:"firstRow"`
	LastRow  int `json:"lastRow"`
	FirstCol int `json:"firstCol"`
	LastCol  int `json:"lastCol"`
}

// sheetLayout is what a sheet says besides its cells: hidden columns and merged ranges.
type sheetLayout struct {
	hiddenCols []int // 0-based
	merges     []Merge
}

// sheetParts maps sheet names to their part paths in the zip, from xl/workbook.xml and
// its relationships.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			out[s.Name] = t
		}
	}
	return out, nil
}

func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), name) {
			return f
		}
	}
	return nil
}

func decodePart(zr *zip.Reader, name string, v any) error {
	f := findPart(zr, name)
	if f == nil {
		return errors.New("missing part " + name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v)
}

// errCutShort says a worksheet part ends before its closing tag.
var errCutShort = errors.New("the sheet's XML ends early")

// splitRef splits "AB12" into the 1-based column 28 and row 12; zero for a missing part.
func splitRef(ref string) (col, row int) { return splitRefBytes([]byte(ref)) }

// ColumnLetter returns the Excel letter of a 0-based column index: 0 is "A", 27 is "AB".
func ColumnLetter(i int) string {
	if i < 0 {
		return ""
	}
	var b []byte
	for n := i + 1; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// ColumnIndex returns the 0-based index of an Excel column letter ("A" is 0), or -1.
func ColumnIndex(letter string) int {
	c, r := splitRef(strings.TrimSpace(letter))
	if c == 0 || r != 0 || len(strings.TrimSpace(letter)) > 3 {
		return -1
	}
	return c - 1
}
