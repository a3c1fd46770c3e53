package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// gridOf writes rows (row 1 first) into a workbook with excelize and reads the sheet back.
func gridOf(t testing.TB, rows [][]any) (*Grid, Header) {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		r := r
		must(t, f.SetSheetRow("Sheet1", cell, &r))
	}
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	g := readGrid(t, openBytes(t, "fixture.xlsx", buf.Bytes()), "")
	h, err := DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	return g, h
}

// TestProposalLooksAtValues: columns whose header words match a typed field but whose
// values do not read as it are not proposed for it.
func TestProposalLooksAtValues(t *testing.T) {
	g, h := gridOf(t, [][]any{
		{"Ref", "Requirement", "Current state", "Shared / CSP-owned", "Control", "Status"},
		{"R-1", "Encrypt backups", "Backups are encrypted with the vault key", "Shared", "A.8.13 Information backup", "Compliant"},
		{"R-2", "Review access", "Reviewed by IT each quarter", "CSP-owned", "A.5.18 Access rights", "Partial"},
		{"R-3", "Log events", "Partly: only the firewall logs", "Customer", "A.8.15 Logging", "Gap"},
	})
	m, err := ProposeMappingFor(KindRequirements, h, g)
	must(t, err)
	if m.Columns["status"] != "F" {
		t.Errorf("status ← %q, want F (the column of statuses, not the free text of \"Current state\")", m.Columns["status"])
	}
	if f := m.FieldOf(3); f == "applicable" {
		t.Errorf(`"Shared / CSP-owned" proposed for applicable`)
	}
	if m.Columns["owner"] == "E" {
		t.Errorf(`"Control" proposed as the owner`)
	}
	// the same header without the status column: "Current state" is no status at all
	g, h = gridOf(t, [][]any{
		{"Ref", "Requirement", "Current state"},
		{"R-1", "Encrypt backups", "Backups are encrypted with the vault key"},
		{"R-2", "Review access", "Reviewed by IT each quarter"},
	})
	m, _ = ProposeMappingFor(KindRequirements, h, g)
	if c, ok := m.Columns["status"]; ok {
		t.Errorf("status ← %s, want none: the values are not compliance statuses", c)
	}
	// header words alone still propose it, as a guess
	m, _ = ProposeMapping(KindRequirements, h)
	if m.Columns["status"] != "C" || m.Confidence["status"] != ConfidenceGuess {
		t.Errorf("header only: status ← %q (%s), want C (guess)", m.Columns["status"], m.Confidence["status"])
	}
	// a status column written as statuses under the same header is proposed
	g, h = gridOf(t, [][]any{
		{"Ref", "Requirement", "Current state"},
		{"R-1", "Encrypt backups", "Compliant"},
		{"R-2", "Review access", "Not applicable"},
	})
	m, _ = ProposeMappingFor(KindRequirements, h, g)
	if m.Columns["status"] != "C" {
		t.Errorf("status ← %q, want C", m.Columns["status"])
	}
}

func TestProposalRisksAndPeople(t *testing.T) {
	g, h := gridOf(t, [][]any{
		{"Risk ID", "Risk score", "Risk description", "Likelihood", "Impact", "Owner"},
		{"R-1", 12, "Ransomware encrypts the file server", "High", "Very high", "Ana Costa"},
		{"R-2", 6, "Laptop stolen from a car", "Medium", "Low", "Omar Haddad"},
	})
	m, _ := ProposeMappingFor(KindRisks, h, g)
	if m.Columns["title"] == "B" {
		t.Errorf(`"Risk score" (numbers) proposed as the title`)
	}
	if m.Columns["description"] != "C" || m.Columns["likelihood"] != "D" || m.Columns["impact"] != "E" || m.Columns["owner"] != "F" {
		t.Errorf("mapping %v", m.Columns)
	}
	g, h = gridOf(t, [][]any{
		{"Device name", "Training", "Date"},
		{"LAPTOP-023", "Phishing 2024", "2024-03-01"},
		{"SRV-DB-01", "Phishing 2024", "2024-03-01"},
	})
	m, _ = ProposeMappingFor(KindAttendance, h, g)
	if c, ok := m.Columns["person"]; ok {
		t.Errorf(`"Device name" proposed as the person (%s)`, c)
	}
	// a person column under a plain header stays
	g, h = gridOf(t, [][]any{{"Name", "Training"}, {"Ana Costa", "Phishing"}, {"omar@example.com", "Phishing"}})
	m, _ = ProposeMappingFor(KindAttendance, h, g)
	if m.Columns["person"] != "A" {
		t.Errorf("person ← %q, want A", m.Columns["person"])
	}
}

// TestProposalConfidence: exact names, synonyms inside a header and weak guesses.
func TestProposalConfidence(t *testing.T) {
	g, h := gridOf(t, [][]any{
		{"Clause", "Requirement title", "Current state", "Notes from the audit"},
		{"4.1", "Context of the organisation", "Compliant", "ok"},
	})
	m, _ := ProposeMappingFor(KindRequirements, h, g)
	want := map[string]string{"ref": ConfidenceExact, "title": ConfidenceExact, "status": ConfidenceGuess, "notes": ConfidenceGuess}
	for f, c := range want {
		if m.Confidence[f] != c {
			t.Errorf("%s: confidence %q, want %q (mapping %v)", f, m.Confidence[f], c, m.Columns)
		}
	}
	lines := m.Describe(h)
	if len(lines) == 0 || lines[0] != `ref ← A "Clause" (exact)` {
		t.Errorf("Describe: %q", lines)
	}
	g, h = gridOf(t, [][]any{{"Due date (target)", "Title"}, {"2024-01-01", "X"}})
	m, _ = ProposeMappingFor(KindRequirements, h, g)
	if m.Confidence["dueDate"] != ConfidenceSynonym {
		t.Errorf("dueDate: %q, want synonym", m.Confidence["dueDate"])
	}
}

// TestMoreReferenceHeaders: the reference columns of SCF, CCF, the German BSI, CIS and
// numbered lists, and the text columns of assessment procedures.
func TestMoreReferenceHeaders(t *testing.T) {
	for _, c := range []struct{ header, value string }{
		{"SCF #", "GOV-01"}, {"CCF ID", "AM-01"}, {"ID-Anforderung", "ISMS.1.A1"}, {"CIS Safeguard", "1.1"},
		{"#", "12"}, {"Req ID", "R-7"}, {"Control #", "AC-2"},
	} {
		g, h := gridOf(t, [][]any{{c.header, "Title"}, {c.value, "Something to do"}})
		m, _ := ProposeMappingFor(KindRequirements, h, g)
		if m.Columns["ref"] != "A" {
			t.Errorf("%q: ref ← %q, want A", c.header, m.Columns["ref"])
		}
	}
	for _, header := range []string{"assessment objective", "Control specification"} {
		g, h := gridOf(t, [][]any{{"ID", header}, {"AC-01", "Determine if the organisation defines account types."}})
		m, _ := ProposeMappingFor(KindRequirements, h, g)
		if m.Columns["text"] != "B" {
			t.Errorf("%q: text ← %q, want B", header, m.Columns["text"])
		}
	}
	// a reference header over long text is no reference
	g, h := gridOf(t, [][]any{{"ID", "Name"}, {"Account management and the review of accounts", "x"}, {"Separation of duties for all privileged roles", "y"}})
	m, _ := ProposeMappingFor(KindRequirements, h, g)
	if m.Columns["ref"] == "A" {
		t.Errorf("ref proposed over long text")
	}
}

// TestControlsNeedRefOrTitle: a controls mapping with neither is refused.
func TestControlsNeedRefOrTitle(t *testing.T) {
	_, h := gridOf(t, [][]any{{"Applicable", "Justification"}, {"Yes", "Needed"}})
	m := Mapping{Kind: KindControls, Columns: map[string]string{"applicability": "A", "justification": "B"}}
	ps := m.Check(h)
	if len(ps) != 1 || ps[0].Field != "ref" || !strings.Contains(ps[0].Message, "title") {
		t.Fatalf("problems %+v", ps)
	}
	m.Columns["title"] = "B"
	if ps := m.Check(h); len(ps) != 0 {
		t.Fatalf("with a title: %+v", ps)
	}
}

func ExampleMapping_Describe() {
	h := Header{Row: 1, Rows: 1, Columns: []Column{{Index: 0, Letter: "A", Name: "Clause"}, {Index: 3, Letter: "D", Name: "Current state"}}}
	m := Mapping{Kind: KindRequirements, Columns: map[string]string{"ref": "A", "status": "D"}, Confidence: map[string]string{"ref": "exact", "status": "guess"}}
	fmt.Println(strings.Join(m.Describe(h), "\n"))
	// Output:
	// ref ← A "Clause" (exact)
	// status ← D "Current state" (guess)
}
