package xlsx

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSplitID(t *testing.T) {
	for _, c := range []struct{ in, id, rest string }{
		{"GV.OC-01: The organisation's mission is understood", "GV.OC-01", "The organisation's mission is understood"},
		{"AC-2 Account Management", "AC-2", "Account Management"},
		{"ID.AM-1: Physical devices", "ID.AM-1", "Physical devices"},
		{"A.5.1 Policies for information security", "A.5.1", "Policies for information security"},
		{"5.2 – Policy", "5.2", "Policy"},
		{"AC-2(1) - Automated System Account Management", "AC-2(1)", "Automated System Account Management"},
		{"RC.CO-01: [Withdrawn: Incorporated into RC.CO-04]", "RC.CO-01", "[Withdrawn: Incorporated into RC.CO-04]"},
	} {
		id, rest, ok := SplitID(c.in)
		if !ok || id != c.id || rest != c.rest {
			t.Errorf("SplitID(%q) = %q, %q, %v; want %q, %q", c.in, id, rest, ok, c.id, c.rest)
		}
	}
	for _, in := range []string{"Access control", "GOVERN (GV): The strategy", "2024 was a good year", "12 rows", "Organizational Context (GV.OC): text", "A.5.1", "3.5"} {
		if id, rest, ok := SplitID(in); ok {
			t.Errorf("SplitID(%q) = %q, %q: want no id", in, id, rest)
		}
	}
}

// layoutGrid builds a grid from rows of cells (row 1 first) for the header tests.
func layoutGrid(sheet string, rows ...[]string) *Grid {
	g := &Grid{Sheet: sheet}
	for i, r := range rows {
		g.Rows = append(g.Rows, Row{Num: i + 1, Cells: r})
		g.Width = max(g.Width, len(r))
	}
	return g
}

func TestThreeRowHeader(t *testing.T) {
	var cells []cell
	put := func(ref string, v any) { cells = append(cells, cell{ref: ref, v: v}) }
	put("A1", "Gap assessment 2025")
	put("A3", "Requirement")
	put("C3", "Assessment")
	put("C4", "Design")
	put("E4", "Operation")
	put("A5", "Ref")
	put("B5", "Title")
	put("C5", "Status")
	put("D5", "Evidence")
	put("E5", "Status")
	put("F5", "Evidence")
	for i := 0; i < 4; i++ {
		r := 6 + i
		put(fmt.Sprintf("A%d", r), fmt.Sprintf("R-%d", i+1))
		put(fmt.Sprintf("B%d", r), fmt.Sprintf("Requirement %d", i+1))
		put(fmt.Sprintf("C%d", r), "Compliant")
		put(fmt.Sprintf("D%d", r), "Policy v2")
		put(fmt.Sprintf("E%d", r), "Partial")
		put(fmt.Sprintf("F%d", r), "Log review")
	}
	b := buildXLSX(t, map[string][]cell{"Gaps": cells}, map[string][][2]string{"Gaps": {{"A3", "B3"}, {"C3", "F3"}, {"C4", "D4"}, {"E4", "F4"}}}, nil)
	g := readGrid(t, openBytes(t, "gaps.xlsx", b), "Gaps")
	h, err := DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Requirement Ref", "Requirement Title", "Assessment Design Status", "Assessment Design Evidence", "Assessment Operation Status", "Assessment Operation Evidence"}
	if h.Row != 3 || h.Rows != 3 || !slices.Equal(h.Names(), want) {
		t.Fatalf("header r%d over %d rows %q, want r3 over 3 %q", h.Row, h.Rows, h.Names(), want)
	}
	if n := len(h.DataRows(g)); n != 4 {
		t.Errorf("%d data rows, want 4", n)
	}
	if h2, err := HeaderAt(g, 3, 3); err != nil || !slices.Equal(h2.Names(), want) {
		t.Errorf("HeaderAt(3, 3): %q, %v", h2.Names(), err)
	}
}

// A matrix sheet names its columns with codes and fills them with marks.
func TestMatrixHeaderOfCodes(t *testing.T) {
	g := layoutGrid("Matrix",
		[]string{"Requirement", "A.5.1", "A.5.2", "A.5.3", "A.8.2"},
		[]string{"Access policy", "x", "", "x", ""},
		[]string{"Backup", "", "x", "x", "x"},
		[]string{"Logging", "x", "x", "", "x"},
	)
	h, err := DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	if h.Row != 1 || !slices.Equal(h.Names(), []string{"Requirement", "A.5.1", "A.5.2", "A.5.3", "A.8.2"}) {
		t.Fatalf("header r%d %q, want r1 with the codes", h.Row, h.Names())
	}
}

// A risk matrix and a legend below the table are not data; a header repeated inside the
// table is skipped as a section.
func TestTableEndsAtAnotherLayout(t *testing.T) {
	g := layoutGrid("Risks",
		[]string{"Risk ID", "Title", "Likelihood", "Impact", "Owner"},
		[]string{"R-1", "Phishing", "4", "3", "Jane"},
		[]string{"R-2", "Ransomware", "3", "5", "Omar"},
		[]string{"Risk ID", "Title", "Likelihood", "Impact", "Owner"},
		[]string{"R-3", "Laptop theft", "2", "2", "Jane"},
		[]string{"R-4", "Supplier breach", "2", "4", "Li"},
		[]string{},
		[]string{"Risk matrix"},
		[]string{"Likelihood", "1", "2", "3", "4", "5"},
		[]string{"5", "5", "10", "15", "20", "25"},
		[]string{"4", "4", "8", "12", "16", "20"},
		[]string{},
		[]string{"Legend", "Low 1-4", "Medium 5-12", "High 15-25"},
	)
	h, err := DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	if h.End != 6 || h.Below != 5 {
		t.Fatalf("table ends at r%d with %d rows below, want r6 and 5", h.End, h.Below)
	}
	m, err := ProposeMappingFor(KindRisks, h, g)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Rows(KindRisks, h, g, m)
	if err != nil {
		t.Fatal(err)
	}
	var records, sections []int
	for _, r := range res {
		if r.Section {
			sections = append(sections, r.Row)
		} else {
			records = append(records, r.Row)
		}
	}
	if !slices.Equal(records, []int{2, 3, 5, 6}) || !slices.Equal(sections, []int{4}) {
		t.Errorf("records %v and sections %v, want rows 2, 3, 5, 6 and the repeated header 4", records, sections)
	}
	// a table that goes on after a blank row, under a section heading, does not end
	g = layoutGrid("SoA",
		[]string{"Ref", "Title", "Status", "Owner"},
		[]string{"A.5.1", "Policies", "Implemented", "Jane"},
		[]string{"A.5.2", "Roles", "Planned", "Omar"},
		[]string{"A.5.3", "Segregation", "Implemented", "Jane"},
		[]string{},
		[]string{"Technological controls"},
		[]string{"A.8.1", "Endpoints", "Planned", "Li"},
	)
	if h, err := DetectHeader(g); err != nil || h.End != 0 {
		t.Errorf("table with a section after a gap ends at r%d (%v), want no end", h.End, err)
	}
}

// A CSF-like export: ids at the start of the subcategory text, the levels in columns of
// their own; a catalogue whose requirement rows are followed by statement rows.
func TestProposeLayout(t *testing.T) {
	g := layoutGrid("CSF",
		[]string{"Function", "Category", "Subcategory", "Examples"},
		[]string{"GOVERN (GV): strategy"},
		[]string{"", "Organizational Context (GV.OC): circumstances"},
		[]string{"", "", "GV.OC-01: The mission is understood", "Ex1: share it"},
		[]string{"", "", "GV.OC-02: Stakeholders are understood", "Ex1: identify them"},
		[]string{"", "", "GV.OC-03: Legal requirements are understood", ""},
		[]string{"IDENTIFY (ID): assets"},
		[]string{"", "", "ID.AM-01: Hardware is inventoried", ""},
	)
	h, err := DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := ProposeMappingFor(KindRequirements, h, g)
	notes := ProposeLayout(KindRequirements, h, g, &m)
	if m.SplitRef != "C" || m.Columns["ref"] != "C" || m.Columns["title"] != "C" || len(notes) == 0 {
		t.Fatalf("split %q, mapping %v, notes %v", m.SplitRef, m.Columns, notes)
	}
	if p := m.Check(h); len(p) > 0 {
		t.Fatalf("mapping problems %v", p)
	}
	res, err := Rows(KindRequirements, h, g, m)
	if err != nil {
		t.Fatal(err)
	}
	var refs, headings []string
	for _, r := range res {
		if r.Section {
			headings = append(headings, r.Heading)
			continue
		}
		rr := r.Record.(*RequirementRow).Requirement
		refs = append(refs, rr.Ref+"="+rr.Title)
	}
	if want := []string{"GV.OC-01=The mission is understood", "GV.OC-02=Stakeholders are understood", "GV.OC-03=Legal requirements are understood", "ID.AM-01=Hardware is inventoried"}; !slices.Equal(refs, want) {
		t.Errorf("records %q, want %q", refs, want)
	}
	if len(headings) != 3 || headings[1] != "Organizational Context (GV.OC): circumstances" {
		t.Errorf("sections %q", headings)
	}

	// statements under one requirement, and one safeguard mapped to several controls
	g = layoutGrid("Catalogue",
		[]string{"Ref", "Title", "Statement", "Controls", "Status"},
		[]string{"REQ-1", "Access control", "Accounts are reviewed.", "A.5.15", "Compliant"},
		[]string{"", "", "Leavers lose access the same day.", "A.5.18", ""},
		[]string{"REQ-2", "Backup", "Backups are tested.", "A.8.13", "Partial"},
		[]string{"REQ-2", "Backup", "Backups are tested.", "A.5.30", ""},
		[]string{"REQ-3", "Logging", "Logs are kept.", "A.8.15", "Compliant"},
	)
	h, _ = DetectHeader(g)
	m, _ = ProposeMappingFor(KindRequirements, h, g)
	ProposeLayout(KindRequirements, h, g, &m)
	if m.MergeBy != "ref" || !slices.Equal(m.FillDown, []string{"A"}) {
		t.Fatalf("merge by %q, fill down %v; want ref and A (mapping %v)", m.MergeBy, m.FillDown, m.Columns)
	}
	res, err = Rows(KindRequirements, h, g, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 {
		t.Fatalf("%d records, want 3: %+v", len(res), res)
	}
	if r := res[0]; r.Values.Get("text") != "Accounts are reviewed.\nLeavers lose access the same day." || r.Values.Get("controls") != "A.5.15, A.5.18" || !slices.Equal(r.Merged, []int{3}) {
		t.Errorf("REQ-1: %q, %q, merged %v", r.Values.Get("text"), r.Values.Get("controls"), r.Merged)
	}
	if r := res[1]; r.Values.Get("text") != "Backups are tested." || r.Values.Get("controls") != "A.8.13, A.5.30" || r.Values.Get("status") != "Partial" || len(r.Problems) != 0 {
		t.Errorf("REQ-2: %+v", r)
	}
	// rows of one record that disagree on a status: a problem naming the rows
	g.Rows[4].Cells[4] = "Compliant"
	res, _ = Rows(KindRequirements, h, g, m)
	if p := res[1].Problems; len(p) != 1 || p[0].Field != "status" || p[0].Row != 4 {
		t.Errorf("conflicting statuses: %+v", p)
	}
	// repeated references with other titles are not one record: no merge proposed
	g.Rows[4].Cells[1] = "Restore tests"
	m, _ = ProposeMappingFor(KindRequirements, h, g)
	m.FillDown = nil
	ProposeLayout(KindRequirements, h, g, &m)
	if m.MergeBy != "" {
		t.Errorf("merge proposed over rows with other titles: %q", m.MergeBy)
	}
}

// A cell under a merge over several rows reads the merge's value.
func TestVerticalMergeReadsDown(t *testing.T) {
	var cells []cell
	put := func(ref string, v any) { cells = append(cells, cell{ref: ref, v: v}) }
	put("A1", "Ref")
	put("B1", "Title")
	put("C1", "Source")
	for i := 0; i < 3; i++ {
		put(fmt.Sprintf("A%d", i+2), fmt.Sprintf("R-%d", i+1))
		put(fmt.Sprintf("B%d", i+2), fmt.Sprintf("Requirement %d", i+1))
	}
	put("C2", "NIS2")
	b := buildXLSX(t, map[string][]cell{"Reg": cells}, map[string][][2]string{"Reg": {{"C2", "C4"}}}, nil)
	g := readGrid(t, openBytes(t, "reg.xlsx", b), "Reg")
	h, _ := DetectHeader(g)
	m, _ := ProposeMappingFor(KindRequirements, h, g)
	res, err := Rows(KindRequirements, h, g, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Values.Get("source") != "NIS2" {
			t.Errorf("row %d: source %q, want NIS2 from the merge C2:C4", r.Row, r.Values.Get("source"))
		}
	}
}

// FuzzSplitID: an id split off a text is its first characters, and the rest holds text.
func FuzzSplitID(f *testing.F) {
	for _, s := range []string{"GV.OC-01: The mission", "AC-2 Account Management", "5.2 – Policy", "2024 report", "", "A.5.1", "x:y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, rest, ok := SplitID(s)
		if !ok {
			return
		}
		if id == "" || rest == "" || !strings.HasPrefix(strings.TrimSpace(s), id) || !strings.HasSuffix(strings.TrimSpace(s), rest) {
			t.Fatalf("SplitID(%q) = %q, %q", s, id, rest)
		}
	})
}
