package report_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// defaultRowHeight is the height of rows that the report leaves alone.
const defaultRowHeight = 15

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// TestGolden exports every report from the demo organisation with a fixed clock and
// compares each workbook, cell by cell, with testdata/golden/NAME.txt: the values as
// shown, the fills that carry meaning (status colours, heat maps), real dates, the frozen
// header, the Excel tables, the conditional formats and the print set-up.
func TestGolden(t *testing.T) {
	db := demoDB(t)
	cases := [][2]string{}
	for _, in := range report.Names() {
		cases = append(cases, [2]string{in.Name, idFor(in.Name)})
	}
	// the pack of the held review MR-01, as presented (the default is the planned MR-02)
	cases = append(cases, [2]string{"management-review", "MR-01"})
	for _, c := range cases {
		name := c[0]
		if c[1] != "" && c[0] == "management-review" {
			name += "-" + c[1]
		}
		t.Run(name, func(t *testing.T) {
			f := export(t, db, c[0], opts(c[1]))
			got := dump(t, f)
			path := filepath.Join("testdata", "golden", name+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file:\n%s", name, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, a, b)
		}
	}
	return "(same lines)"
}

// dump renders a workbook as readable text: per sheet its set-up, then one line per row
// with the cells as shown; "[45pt]" marks a row's height other than the default,
// "{FFC7CE}" a fill, "(date)" a date number.
func dump(t *testing.T, f *excelize.File) string {
	t.Helper()
	var sb strings.Builder
	styles := map[int]string{}
	annotate := func(sheet, ref string) string {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		if a, ok := styles[id]; ok {
			return a
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		a := ""
		if st.Fill.Pattern == 1 && len(st.Fill.Color) > 0 && st.Fill.Color[0] != "1F4E78" {
			a += " {" + st.Fill.Color[0] + "}"
		}
		if st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "yyyy") {
			a += " (date)"
		}
		styles[id] = a
		return a
	}
	names := map[string][]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope] = append(names[dn.Scope], dn.Name+"="+dn.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&sb, "== %s ==\n", sheet)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if panes.Freeze {
			fmt.Fprintf(&sb, "frozen rows: %d\n", panes.YSplit)
		}
		tables, err := f.GetTables(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			fmt.Fprintf(&sb, "table %s %s\n", tb.Name, tb.Range)
		}
		if n := names[sheet]; len(n) > 0 {
			fmt.Fprintf(&sb, "names: %s\n", strings.Join(n, ", "))
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if layout.Orientation != nil && layout.FitToWidth != nil {
			props, err := f.GetSheetProps(sheet)
			if err != nil {
				t.Fatal(err)
			}
			fit := ""
			if layout.FitToHeight != nil && *layout.FitToHeight > 0 {
				fit = fmt.Sprintf(", %d page tall", *layout.FitToHeight)
			}
			if props.FitToPage == nil || !*props.FitToPage {
				fit += " (not fitted: fitToPage is off)"
			}
			fmt.Fprintf(&sb, "print: %s, %d page wide%s\n", *layout.Orientation, *layout.FitToWidth, fit)
		}
		cfs, err := f.GetConditionalFormats(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for ref := range cfs {
			refs = append(refs, ref)
		}
		sort.Strings(refs)
		for _, ref := range refs {
			var rules []string
			for _, o := range cfs[ref] {
				fill := ""
				if o.Format != nil {
					if st, err := f.GetConditionalStyle(*o.Format); err == nil && len(st.Fill.Color) > 0 {
						fill = st.Fill.Color[0]
					}
				}
				rules = append(rules, o.Value+"->"+fill)
			}
			fmt.Fprintf(&sb, "colours %s: %s\n", ref, strings.Join(rules, " "))
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			var cells []string
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if sha256Hex.MatchString(v) {
					v = "<sha256>"
				}
				v = strings.ReplaceAll(v, "\n", `\n`)
				if v != "" {
					v += annotate(sheet, ref)
				} else if a := annotate(sheet, ref); strings.Contains(a, "{") {
					v = a
				}
				cells = append(cells, v)
			}
			for len(cells) > 0 && cells[len(cells)-1] == "" {
				cells = cells[:len(cells)-1]
			}
			if len(cells) == 0 {
				continue
			}
			// a row's height shows when it is not the default, as "[45pt]"
			height := ""
			if h, err := f.GetRowHeight(sheet, r+1); err != nil {
				t.Fatal(err)
			} else if h != defaultRowHeight {
				height = " [" + strconv.FormatFloat(h, 'f', -1, 64) + "pt]"
			}
			sb.WriteString(strconv.Itoa(r+1) + height + ": " + strings.Join(cells, " | ") + "\n")
		}
		sb.WriteString("\n")
	}
	return sb.String()
}
