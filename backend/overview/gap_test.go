package overview

import (
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// gapFixture is a store with three controls (A.5.1 and A.5.3 implemented, A.5.2 in
// progress; evidence on A.5.3), a policy, and one requirement per case of the table.
type gapCase struct {
	name       string
	req        isms.Requirement
	controls   []string // control refs
	policies   []string // policy refs
	evidence   int      // evidence records on the requirement
	coverage   string   // "" for not applicable
	reason     string
	implement  int // controls implemented
	evidenceN  int // evidence records counted (requirement and controls)
	contradict string
}

func req(ref, sourceType, status string) isms.Requirement {
	return isms.Requirement{Ref: ref, Title: "Requirement " + ref, SourceType: sourceType, Status: status, Applicable: true}
}

func TestGapAnalysis(t *testing.T) {
	const (
		legal, contract, business   = isms.SourceLegal, isms.SourceContractual, isms.SourceBusiness
		ok, part, none, notAssessed = isms.ComplianceCompliant, isms.CompliancePartial, isms.ComplianceNonCompliant, isms.ComplianceNotAssessed
	)
	withText := func(r isms.Requirement) isms.Requirement { r.Evidence = "SharePoint > ISMS > Evidence"; return r }
	notApplicable := func(r isms.Requirement) isms.Requirement {
		r.Applicable, r.Status = false, isms.ComplianceNotApplicable
		return r
	}
	cases := []gapCase{
		{name: "implemented controls and evidence text", req: withText(req("R-01", legal, ok)), controls: []string{"A.5.1"},
			coverage: CoverageCovered, reason: "Its control is implemented; evidence noted", implement: 1},
		{name: "evidence on a linked control counts", req: req("R-02", legal, ok), controls: []string{"A.5.1", "A.5.3"},
			coverage: CoverageCovered, reason: "All 2 controls implemented; 1 evidence record", implement: 2, evidenceN: 1},
		{name: "evidence record on the requirement", req: req("R-03", legal, part), controls: []string{"A.5.1"}, evidence: 2,
			coverage: CoverageCovered, reason: "Its control is implemented; 2 evidence records", implement: 1, evidenceN: 2},
		{name: "some controls not implemented", req: req("R-04", contract, part), controls: []string{"A.5.1", "A.5.2", "A.5.3"},
			coverage: CoveragePartial, reason: "2 of 3 controls implemented; 1 evidence record", implement: 2, evidenceN: 1},
		{name: "implemented but no evidence", req: req("R-05", contract, notAssessed), controls: []string{"A.5.1"},
			coverage: CoveragePartial, reason: "Its control is implemented; no evidence", implement: 1},
		{name: "a policy only", req: req("R-06", contract, part), policies: []string{"POL-01"},
			coverage: CoveragePartial, reason: "No linked control; 1 policy; no evidence"},
		{name: "evidence only", req: withText(req("R-07", business, none)),
			coverage: CoveragePartial, reason: "No linked control; evidence noted"},
		{name: "nothing at all", req: req("R-08", business, none),
			coverage: CoverageGap, reason: "No control, policy or evidence"},
		{name: "compliant with nothing", req: req("R-09", business, ok),
			coverage: CoverageGap, reason: "No control, policy or evidence", contradict: ContradictionNoCoverage},
		{name: "compliant with a control in progress", req: withText(req("R-10", legal, ok)), controls: []string{"A.5.2"},
			coverage: CoveragePartial, reason: "0 of 1 control implemented; evidence noted", contradict: ContradictionNotImplemented},
		{name: "not applicable", req: notApplicable(req("R-11", legal, "")), controls: []string{"A.5.1"}, implement: 1},
		{name: "applicable but assessed not applicable", req: req("R-12", contract, isms.ComplianceNotApplicable)},
		{name: "a deleted control is ignored", req: req("R-13", legal, notAssessed), controls: []string{"A.5.9"},
			coverage: CoverageGap, reason: "No control, policy or evidence"},
	}

	db, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ids := map[string]string{}
	err = db.Update(func(tx *store.Tx) error {
		control := func(ref, status string) error {
			c := &isms.Control{Ref: ref, Title: "Control " + ref, Theme: isms.ThemeOrganizational,
				Applicability: isms.ApplicabilityApplicable, Justification: "Risk treatment", Status: status}
			if err := tx.Create(c, "test"); err != nil {
				return err
			}
			ids[ref] = c.ID
			return nil
		}
		evidence := func(kind isms.Kind, id string) error {
			return tx.Create(&isms.Evidence{Title: "Proof", TargetKind: kind, TargetID: id, URL: "https://example.com/e", AddedOn: "2025-01-01"}, "test")
		}
		for ref, status := range map[string]string{"A.5.1": isms.ImplImplemented, "A.5.2": isms.ImplInProgress,
			"A.5.3": isms.ImplImplemented, "A.5.9": isms.ImplImplemented} {
			if err := control(ref, status); err != nil {
				return err
			}
		}
		if err := evidence(isms.KindControl, ids["A.5.3"]); err != nil {
			return err
		}
		p := &isms.Policy{Ref: "POL-01", Title: "Information security policy", DocType: isms.DocPolicy, Status: isms.PolicyDraft}
		if err := tx.Create(p, "test"); err != nil {
			return err
		}
		ids["POL-01"] = p.ID
		for _, c := range cases {
			r := c.req
			for _, ref := range c.controls {
				r.ControlIDs = append(r.ControlIDs, ids[ref])
			}
			for _, ref := range c.policies {
				r.PolicyIDs = append(r.PolicyIDs, ids[ref])
			}
			if err := tx.Create(&r, "test"); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			ids[r.Ref] = r.ID
			for range c.evidence {
				if err := evidence(isms.KindRequirement, r.ID); err != nil {
					return err
				}
			}
		}
		// A control deleted after it was linked: the link stays, the control is gone.
		return tx.Delete(isms.KindControl, ids["A.5.9"], 0, "test")
	})
	if err != nil {
		t.Fatal(err)
	}

	var g Gap
	if err := db.View(func(tx *store.Tx) (err error) { g, err = GapAnalysis(tx); return err }); err != nil {
		t.Fatal(err)
	}
	items := map[string]GapItem{}
	for _, it := range append(append([]GapItem{}, g.Requirements...), g.NotApplicable...) {
		items[it.Ref] = it
	}
	contradictions := map[string]string{}
	for _, c := range g.Contradictions {
		contradictions[c.Ref] = c.Kind
		if c.Message == "" || c.RequirementID != ids[c.Ref] {
			t.Errorf("contradiction %+v", c)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			it, found := items[c.req.Ref]
			if !found {
				t.Fatalf("%s is not in the gap analysis", c.req.Ref)
			}
			if it.Coverage != c.coverage || it.Reason != c.reason {
				t.Errorf("coverage %q, reason %q; want %q, %q", it.Coverage, it.Reason, c.coverage, c.reason)
			}
			if it.Applicable != (c.coverage != "") {
				t.Errorf("applicable %v with coverage %q", it.Applicable, c.coverage)
			}
			if it.Implemented != c.implement || it.Evidence != c.evidenceN {
				t.Errorf("implemented %d, evidence %d; want %d, %d", it.Implemented, it.Evidence, c.implement, c.evidenceN)
			}
			if got := contradictions[c.req.Ref]; got != c.contradict {
				t.Errorf("contradiction %q, want %q", got, c.contradict)
			}
		})
	}
	if len(g.Requirements) != 11 || len(g.NotApplicable) != 2 {
		t.Errorf("%d applicable and %d not applicable, want 11 and 2", len(g.Requirements), len(g.NotApplicable))
	}
	if got := items["R-10"].Controls; len(got) != 1 || got[0].Ref != "A.5.2" || got[0].Implemented {
		t.Errorf("R-10 controls %+v", got)
	}
	if got := items["R-13"].Controls; len(got) != 0 {
		t.Errorf("R-13 lists a deleted control: %+v", got)
	}

	want := []GapSource{
		{SourceType: legal, Label: "Legal", Applicable: 5, Covered: 3, Partial: 1, Gap: 1, NotApplicable: 1},
		{SourceType: isms.SourceRegulatory, Label: "Regulatory"},
		{SourceType: contract, Label: "Contractual", Applicable: 3, Partial: 3, NotApplicable: 1},
		{SourceType: business, Label: "Business", Applicable: 3, Partial: 1, Gap: 2},
	}
	if len(g.Sources) != len(want) {
		t.Fatalf("sources %+v", g.Sources)
	}
	for i, w := range want {
		if g.Sources[i] != w {
			t.Errorf("source %d: %+v, want %+v", i, g.Sources[i], w)
		}
	}
	total := GapSource{SourceType: "*", Label: "All sources", Applicable: 11, Covered: 3, Partial: 5, Gap: 3, NotApplicable: 2}
	if g.Total != total {
		t.Errorf("total %+v, want %+v", g.Total, total)
	}
}

// TestGapAnalysisEmpty: an empty register gives empty lists (never nil: the window
// iterates them) and zero counts for every source type.
func TestGapAnalysisEmpty(t *testing.T) {
	db, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var g Gap
	if err := db.View(func(tx *store.Tx) (err error) { g, err = GapAnalysis(tx); return err }); err != nil {
		t.Fatal(err)
	}
	if g.Requirements == nil || g.NotApplicable == nil || g.Contradictions == nil || len(g.Sources) != len(isms.RequirementSources) {
		t.Fatalf("empty gap analysis %+v", g)
	}
}

// TestGapAnalysisDemo: the demo organisation has requirements in every coverage, and the
// counts per source type add up to the total.
func TestGapAnalysisDemo(t *testing.T) {
	db := demoDB(t)
	var g Gap
	if err := db.View(func(tx *store.Tx) (err error) { g, err = GapAnalysis(tx); return err }); err != nil {
		t.Fatal(err)
	}
	var sum GapSource
	for _, s := range g.Sources {
		sum.Covered += s.Covered
		sum.Partial += s.Partial
		sum.Gap += s.Gap
		sum.NotApplicable += s.NotApplicable
	}
	if sum.Covered != g.Total.Covered || sum.Partial != g.Total.Partial || sum.Gap != g.Total.Gap || sum.NotApplicable != g.Total.NotApplicable {
		t.Errorf("sources add up to %+v, total %+v", sum, g.Total)
	}
	if n := g.Total.Covered + g.Total.Partial + g.Total.Gap; n != len(g.Requirements) || n == 0 {
		t.Errorf("total %+v for %d applicable requirements", g.Total, len(g.Requirements))
	}
	for _, it := range g.Requirements {
		if it.Reason == "" || it.Coverage == "" {
			t.Errorf("%s has no coverage or reason: %+v", it.Ref, it)
		}
	}
}
