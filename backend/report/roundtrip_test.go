package report_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// readBack exports a register and reads its sheet with the import feature's reader:
// header detection, the proposed mapping and row conversion.
func readBack(t *testing.T, db *store.DB, name, sheet, kind string) []xlsx.RowResult {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(context.Background(), db, name, opts(""), &buf); err != nil {
		t.Fatal(err)
	}
	wb, err := xlsx.Open(name+".xlsx", bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	g, err := wb.ReadSheet(sheet, xlsx.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	h, err := xlsx.DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	if h.Row != 1 {
		t.Errorf("%s: header found at row %d, want 1", name, h.Row)
	}
	m, err := xlsx.ProposeMapping(kind, h)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := xlsx.Rows(kind, h, g, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for _, p := range r.Problems {
			t.Errorf("%s row %d column %s (%s): %s", name, p.Row, p.Column, p.Field, p.Message)
		}
	}
	return rows
}

// TestRoundTrip reads the requirements, SoA, risk and asset exports back with the import
// feature and checks that every row gives the stored record's values, so that
// re-importing an export changes nothing.
func TestRoundTrip(t *testing.T) {
	db := demoDB(t)
	var reqs []*isms.Requirement
	var controls []*isms.Control
	var risks []*isms.Risk
	var assets []*isms.Asset
	names := map[string]string{}
	refs := map[string]string{} // risk and control ID -> reference
	err := db.View(func(tx *store.Tx) error {
		for _, k := range []isms.Kind{isms.KindRequirement, isms.KindControl, isms.KindRisk, isms.KindPerson, isms.KindAsset} {
			recs, err := tx.List(k)
			if err != nil {
				return err
			}
			for _, r := range recs {
				switch x := r.(type) {
				case *isms.Requirement:
					reqs = append(reqs, x)
				case *isms.Control:
					controls = append(controls, x)
					refs[x.ID] = x.Ref
				case *isms.Risk:
					risks = append(risks, x)
					refs[x.ID] = x.Ref
				case *isms.Asset:
					assets = append(assets, x)
				case *isms.Person:
					names[x.ID] = x.Name
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	rows := readBack(t, db, "requirements", "Requirements", xlsx.KindRequirements)
	if len(rows) != len(reqs) {
		t.Fatalf("requirements: %d rows read back, want %d", len(rows), len(reqs))
	}
	for i, r := range rows {
		got, ok := r.Record.(*xlsx.RequirementRow)
		if !ok {
			t.Fatalf("requirements row %d: %T", r.Row, r.Record)
		}
		w, g := reqs[i], got.Requirement
		if g.Ref != w.Ref || g.Title != w.Title || g.Text != w.Text || g.SourceType != w.SourceType || g.Source != w.Source ||
			g.Applicable != w.Applicable || g.Status != w.Status || g.Evidence != w.Evidence || g.DueDate != w.DueDate ||
			g.Notes != w.Notes || got.OwnerName != names[w.OwnerID] {
			t.Errorf("requirement %s read back as %+v (owner %q)", w.Ref, g, got.OwnerName)
		}
	}

	rows = readBack(t, db, "soa", "Statement of Applicability", xlsx.KindControls)
	if len(rows) != len(controls) {
		t.Fatalf("soa: %d rows read back, want %d", len(rows), len(controls))
	}
	byRef := map[string]*isms.Control{}
	for _, c := range controls {
		byRef[c.Ref] = c
	}
	for _, r := range rows {
		got, ok := r.Record.(*xlsx.ControlRow)
		if !ok {
			t.Fatalf("soa row %d: %T", r.Row, r.Record)
		}
		g := got.Control
		w := byRef[g.Ref]
		if w == nil {
			t.Errorf("soa row %d: unknown control %q", r.Row, g.Ref)
			continue
		}
		if g.Applicability != w.Applicability || g.Justification != w.Justification || g.Status != w.Status ||
			g.ImplementationPlan != w.ImplementationPlan || g.Metric != w.Metric || g.Evidence != w.Evidence ||
			g.DueDate != w.DueDate || g.Notes != w.Notes || got.OwnerName != names[w.OwnerID] {
			t.Errorf("control %s read back as %+v (owner %q)", w.Ref, g, got.OwnerName)
		}
	}

	rows = readBack(t, db, "risks", "Risk register", xlsx.KindRisks)
	if len(rows) != len(risks) {
		t.Fatalf("risks: %d rows read back, want %d", len(rows), len(risks))
	}
	for i, r := range rows {
		got, ok := r.Record.(*xlsx.RiskRow)
		if !ok {
			t.Fatalf("risks row %d: %T", r.Row, r.Record)
		}
		w, g := risks[i], got.Risk
		if g.Ref != w.Ref || g.Title != w.Title || g.Description != w.Description || g.Asset != w.Asset ||
			g.Threat != w.Threat || g.Vulnerability != w.Vulnerability || g.Likelihood != w.Likelihood ||
			g.Impact != w.Impact || g.Status != w.Status || g.Treatment != w.Treatment || g.TreatmentPlan != w.TreatmentPlan ||
			g.ResidualLikelihood != w.ResidualLikelihood || g.ResidualImpact != w.ResidualImpact ||
			g.IdentifiedOn != w.IdentifiedOn || g.ReviewDate != w.ReviewDate || got.OwnerName != names[w.OwnerID] {
			t.Errorf("risk %s read back as %+v (owner %q)", w.Ref, g, got.OwnerName)
		}
	}

	rows = readBack(t, db, "assets", "Asset inventory", xlsx.KindAssets)
	if len(assets) == 0 || len(rows) != len(assets) {
		t.Fatalf("assets: %d rows read back, want %d", len(rows), len(assets))
	}
	joined := func(ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = refs[id]
		}
		return strings.Join(out, "; ")
	}
	for i, r := range rows {
		got, ok := r.Record.(*xlsx.AssetRow)
		if !ok {
			t.Fatalf("assets row %d: %T", r.Row, r.Record)
		}
		w, g := assets[i], got.Asset
		if g.Ref != w.Ref || g.Name != w.Name || g.Type != w.Type || g.Location != w.Location ||
			g.Classification != w.Classification || g.Description != w.Description || g.AcquiredOn != w.AcquiredOn ||
			g.ReviewDate != w.ReviewDate || g.Status != w.Status || g.Notes != w.Notes ||
			got.OwnerName != names[w.OwnerID] || got.CustodianName != names[w.CustodianID] {
			t.Errorf("asset %s read back as %+v (owner %q, custodian %q)", w.Ref, g, got.OwnerName, got.CustodianName)
		}
		if r.Values.Get("risks") != joined(w.RiskIDs) || r.Values.Get("controls") != joined(w.ControlIDs) {
			t.Errorf("asset %s: risks %q, controls %q; want %q, %q", w.Ref, r.Values.Get("risks"), r.Values.Get("controls"),
				joined(w.RiskIDs), joined(w.ControlIDs))
		}
	}
}
