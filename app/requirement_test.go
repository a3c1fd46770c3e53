package app

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
)

// bulkFixture stores two people (one who has left) and four requirements, the last one
// not applicable; it returns the requirements' IDs by reference and the people's IDs.
func bulkFixture(t *testing.T, a *App) (reqs map[string]string, active, left string) {
	t.Helper()
	people := kindOf[isms.Person](a, isms.KindPerson)
	p, err := people.create(isms.Person{Name: "Priya Shah", Email: "priya@example.com", Active: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	gone, err := people.create(isms.Person{Name: "Old Hand", Email: "old@example.com"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	reqs = map[string]string{}
	for _, r := range []isms.Requirement{
		{Ref: "GDPR-5", Title: "Principles", SourceType: isms.SourceLegal, Status: isms.ComplianceNotAssessed, Applicable: true},
		{Ref: "GDPR-32", Title: "Security of processing", SourceType: isms.SourceLegal, Status: isms.CompliancePartial, Applicable: true},
		{Ref: "MSA-01", Title: "Security schedule", SourceType: isms.SourceContractual, Status: isms.ComplianceCompliant, Applicable: true},
		{Ref: "ISO-X", Title: "Not for us", SourceType: isms.SourceBusiness, Status: isms.ComplianceNotApplicable},
	} {
		got, err := a.Requirements.Create(r)
		if err != nil {
			t.Fatalf("create %s: %v", r.Ref, err)
		}
		reqs[r.Ref] = got.ID
	}
	return reqs, p.ID, gone.ID
}

func TestBulkUpdate(t *testing.T) {
	for _, batch := range []bool{false, true} {
		name := "one transaction"
		if batch {
			name = "store batch"
		}
		t.Run(name, func(t *testing.T) {
			if batch {
				old := bulkInOneTransaction
				bulkInOneTransaction = 1
				t.Cleanup(func() { bulkInOneTransaction = old })
			}
			a := newApp(t)
			s := a.Requirements
			ids, priya, left := bulkFixture(t, a)
			three := []string{ids["GDPR-5"], ids["GDPR-32"], ids["MSA-01"]}
			cases := []struct {
				name   string
				ids    []string
				change RequirementChange
				n      int
				code   isms.Code
				field  string // a field the error must name
				ref    string // a reference the error message must name
			}{
				{name: "nothing chosen", ids: three, code: isms.CodeInvalid},
				{name: "no requirement", change: RequirementChange{SetStatus: true, Status: isms.ComplianceCompliant}, code: isms.CodeInvalid},
				{name: "unknown status", ids: three, change: RequirementChange{SetStatus: true, Status: "done"}, code: isms.CodeInvalid, field: "status"},
				{name: "unknown owner", ids: three, change: RequirementChange{SetOwner: true, OwnerID: "nobody"}, code: isms.CodeInvalid, field: "ownerId"},
				{name: "owner who left", ids: three, change: RequirementChange{SetOwner: true, OwnerID: left}, code: isms.CodeInvalid, field: "ownerId"},
				{name: "unknown requirement", ids: append([]string{"missing"}, three...), change: RequirementChange{SetSource: true, Source: "x"}, code: isms.CodeNotFound},
				{name: "compliant does not suit a requirement that does not apply",
					ids: append(append([]string{}, three...), ids["ISO-X"]), change: RequirementChange{SetStatus: true, Status: isms.ComplianceCompliant},
					code: isms.CodeInvalid, field: "status", ref: "ISO-X"},
				{name: "status of three, one already compliant", ids: append(append([]string{}, three...), three[0]),
					change: RequirementChange{SetStatus: true, Status: isms.ComplianceCompliant}, n: 2},
				{name: "owner, source type and source", ids: three,
					change: RequirementChange{SetOwner: true, OwnerID: priya, SetSourceType: true, SourceType: isms.SourceRegulatory, SetSource: true, Source: "  NIS2  "}, n: 3},
				{name: "the same again changes nothing", ids: three,
					change: RequirementChange{SetOwner: true, OwnerID: priya, SetSourceType: true, SourceType: isms.SourceRegulatory}, n: 0},
				{name: "clear the owner", ids: three[:1], change: RequirementChange{SetOwner: true}, n: 1},
			}
			for _, c := range cases {
				before, err := s.List()
				if err != nil {
					t.Fatal(err)
				}
				n, err := s.BulkUpdate(c.ids, c.change)
				if got := isms.ErrorCode(err); got != c.code || n != c.n {
					t.Fatalf("%s: %d, %v (code %q); want %d, code %q", c.name, n, err, got, c.n, c.code)
				}
				after, err := s.List()
				if err != nil {
					t.Fatal(err)
				}
				changed := 0
				for i := range after {
					if after[i].Version != before[i].Version {
						changed++
					}
				}
				if changed != c.n {
					t.Errorf("%s: %d requirements changed, want %d (all or none)", c.name, changed, c.n)
				}
				if err == nil {
					continue
				}
				e := err.(*isms.Error)
				if c.field != "" && e.Fields[c.field] == "" {
					t.Errorf("%s: %+v names no %s", c.name, e, c.field)
				}
				if c.ref != "" && (!strings.Contains(e.Message, c.ref) || !strings.Contains(e.Fields[c.field], c.ref)) {
					t.Errorf("%s: %+v does not name %s", c.name, e, c.ref)
				}
			}
			got := map[string]isms.Requirement{}
			list, _ := s.List()
			for _, r := range list {
				got[r.Ref] = r
			}
			if r := got["GDPR-32"]; r.Status != isms.ComplianceCompliant || r.OwnerID != priya || r.SourceType != isms.SourceRegulatory || r.Source != "NIS2" {
				t.Errorf("GDPR-32 after the changes: %+v", r)
			}
			if r := got["GDPR-5"]; r.OwnerID != "" {
				t.Errorf("GDPR-5's owner was not cleared: %+v", r)
			}
			if r := got["ISO-X"]; r.Version != 1 {
				t.Errorf("ISO-X was changed: %+v", r)
			}
			d, err := s.Get(ids["GDPR-32"])
			if err != nil || len(d.History) != 3 {
				t.Errorf("GDPR-32 history: %d entries, %v; want 3 (create and two bulk edits)", len(d.History), err)
			}
		})
	}
}

func TestRequirementGapAnalysis(t *testing.T) {
	a := newApp(t)
	ids, _, _ := bulkFixture(t, a)
	g, err := a.Requirements.GapAnalysis()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Requirements) != 3 || len(g.NotApplicable) != 1 || g.NotApplicable[0].ID != ids["ISO-X"] {
		t.Fatalf("gap analysis %+v", g)
	}
	// MSA-01 is assessed compliant with nothing behind it.
	if len(g.Contradictions) != 1 || g.Contradictions[0].Ref != "MSA-01" || g.Contradictions[0].Kind != overview.ContradictionNoCoverage {
		t.Errorf("contradictions %+v", g.Contradictions)
	}
	if g.Total.Gap != 3 {
		t.Errorf("total %+v, want 3 gaps", g.Total)
	}
}

// TestBulkUpdateOfLongTexts: a selection small enough to try in one Badger transaction
// whose records do not fit it (long texts: each change writes the record and its history
// entry, before and after) is still changed, all at once, through a store batch.
func TestBulkUpdateOfLongTexts(t *testing.T) {
	a := newApp(t)
	text := strings.Repeat("The organisation shall keep evidence of the measure for the auditor. ", 20)
	ids := make([]string, 0, bulkInOneTransaction)
	for i := range bulkInOneTransaction {
		r, err := a.Requirements.Create(isms.Requirement{Ref: fmt.Sprintf("REQ-%04d", i),
			Title: fmt.Sprintf("Requirement %d", i), Text: text, Notes: text[:400], SourceType: isms.SourceLegal,
			Source: "Regulation", Status: isms.ComplianceNotAssessed, Applicable: true})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	n, err := a.Requirements.BulkUpdate(ids, RequirementChange{SetStatus: true, Status: isms.CompliancePartial, SetSource: true, Source: "Regulation (EU) 2016/679"})
	if err != nil || n != len(ids) {
		t.Fatalf("bulk update of %d long requirements: %d changed, %v", len(ids), n, err)
	}
}
