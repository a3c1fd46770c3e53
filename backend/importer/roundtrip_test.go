package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// demoStore opens a Badger store in a temporary folder holding the demo organisation.
func demoStore(t *testing.T) *store.DB {
	t.Helper()
	clock := func() time.Time { return time.Date(2025, 6, 15, 9, 0, 0, 0, time.UTC) }
	db, err := store.Open(t.TempDir(), store.Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Batch(func(b *store.Batch) error { return seed.Demo(b, "2025-06-15") }); err != nil {
		t.Fatal(err)
	}
	return db
}

// exportTo writes a report to a file in a temporary folder and returns its path.
func exportTo(t *testing.T, db *store.DB, name, id string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o := report.Options{ID: id, Now: time.Date(2025, 6, 15, 10, 0, 0, 0, time.UTC), Version: "test"}
	if err := report.Write(context.Background(), db, name, o, f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return path
}

// TestRegisterExportsReimportUnchanged: every register sheet of the reports, exported from
// the demo organisation and imported back as its kind with no options (the sheet chosen,
// and the audit for its checklist), plans nothing new and nothing changed: no record, no
// person, no invalid row.
func TestRegisterExportsReimportUnchanged(t *testing.T) {
	db := demoStore(t)
	// the demo's first audit is reported; its checklist is imported into it reopened
	err := db.Update(func(tx *store.Tx) error {
		rec, err := tx.ByRef(isms.KindAudit, "IA-01")
		if err != nil {
			return err
		}
		a := rec.(*isms.Audit)
		if err := a.Reopen(); err != nil {
			return err
		}
		return tx.Put(a, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		report, id, sheet, kind string
		kindOf                  isms.Kind // the records the sheet lists, counted
	}{
		{"requirements", "", "Requirements", xlsx.KindRequirements, isms.KindRequirement},
		{"soa", "", "Statement of Applicability", xlsx.KindControls, isms.KindControl},
		{"risks", "", "Risk register", xlsx.KindRisks, isms.KindRisk},
		{"assets", "", "Asset inventory", xlsx.KindAssets, isms.KindAsset},
		{"training", "", "Training sessions", xlsx.KindTrainings, isms.KindTraining},
		{"training", "", "Attendance", xlsx.KindAttendance, isms.KindAttendance},
		{"training", "", "Awareness campaigns", xlsx.KindCampaigns, isms.KindCampaign},
		{"training", "", "Communication log", xlsx.KindCommunications, isms.KindCommunication},
		{"kpi-dashboard", "", "KPIs", xlsx.KindKPIs, isms.KindKPI},
		{"kpi-dashboard", "", "KPI trend data", xlsx.KindMeasurements, isms.KindMeasurement},
		{"kpi-dashboard", "", "Objectives", xlsx.KindObjectives, isms.KindObjective},
		{"corrective-actions", "", "Nonconformities", xlsx.KindNonconformities, isms.KindNonconformity},
		{"corrective-actions", "", "Corrective actions", xlsx.KindActions, ""},
		{"audit", "IA-01", "Checklist", xlsx.KindAuditResults, ""},
	}
	files := map[string]string{}
	for _, c := range cases {
		if key := c.report + "|" + c.id; files[key] == "" {
			files[key] = exportTo(t, db, c.report, c.id)
		}
	}
	for _, c := range cases {
		t.Run(c.report+"/"+c.sheet, func(t *testing.T) {
			key := c.report + "|" + c.id
			req := Request{Kind: c.kind, File: files[key], Sheet: c.sheet}
			if c.kind == xlsx.KindAuditResults {
				req.Audit = c.id
			}
			p, err := Prepare(context.Background(), db, req)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.MappingProblems) > 0 {
				t.Fatalf("mapping problems: %v", p.MappingProblems)
			}
			for _, e := range p.Errors {
				t.Errorf("row %d column %s (%s): %s", e.Row, e.Column, e.Field, e.Message)
			}
			if p.Counts.Created != 0 || p.Counts.Updated != 0 || p.Counts.Invalid != 0 || len(p.NewPeople) != 0 || p.Counts.Rows == 0 {
				for _, r := range p.Rows {
					if r.Action != ActionUnchanged {
						t.Logf("row %d %s %s: %s", r.Row, r.Ref, r.Title, r.Action)
					}
				}
				t.Fatalf("re-importing the export: counts %+v, new people %v, mapping %v", p.Counts, p.NewPeople, p.Mapping.Columns)
			}
			if c.kindOf != "" {
				n := 0
				if err := db.View(func(tx *store.Tx) error {
					return tx.Each(c.kindOf, func(isms.Record) error { n++; return nil })
				}); err != nil {
					t.Fatal(err)
				}
				if p.Counts.Unchanged != n {
					t.Errorf("%d rows unchanged, the store holds %d %s", p.Counts.Unchanged, n, c.kindOf.Plural())
				}
			}
		})
	}
}
