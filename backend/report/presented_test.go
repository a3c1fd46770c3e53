package report_test

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// parts returns the parts of a workbook by name.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[zf.Name] = string(b)
	}
	return out
}

// differing names the parts that differ between two workbooks.
func differing(a, b map[string]string) []string {
	var out []string
	for name, v := range a {
		if b[name] != v {
			out = append(out, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// changeRecords changes what a live management review pack reads: an action's status, a
// risk's score, a KPI measurement and a nonconformity.
func changeRecords(t *testing.T, db *store.DB) {
	t.Helper()
	err := db.Update(func(tx *store.Tx) error {
		var recs []isms.Record
		for _, k := range []isms.Kind{isms.KindAction, isms.KindRisk, isms.KindNonconformity, isms.KindKPI} {
			list, err := tx.List(k)
			if err != nil {
				return err
			}
			recs = append(recs, list...)
		}
		for _, r := range recs {
			switch x := r.(type) {
			case *isms.Action:
				if x.Ref != "ACT-011" {
					continue
				}
				x.Status, x.CompletedOn, x.Notes = isms.ActionDone, "2025-06-14", "Rolled out."
			case *isms.Risk:
				if x.Ref != "R-001" {
					continue
				}
				x.Likelihood = 1
			case *isms.Nonconformity:
				if x.Ref != "NC-001" {
					continue
				}
				x.Description += " (updated)"
			case *isms.KPI:
				if x.Ref != "KPI-01" {
					continue
				}
				if err := tx.Create(&isms.Measurement{KPIID: x.ID, Date: "2025-06-14", Value: 2}, "test"); err != nil {
					return err
				}
				continue
			default:
				continue
			}
			if err := tx.Put(r, "test"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestHeldReviewPackFrozen: the pack of a held review is the review as presented, built
// from its snapshot and its own record: after the records change, it is byte for byte
// the same (exported at the same time); the pre-read of a planned review, built from
// live records, changes.
func TestHeldReviewPackFrozen(t *testing.T) {
	db := demoDB(t)
	held := parts(t, exportBytes(t, db, "management-review", opts("MR-01")))
	planned := parts(t, exportBytes(t, db, "management-review", opts("MR-02")))
	changeRecords(t, db)
	if d := differing(held, parts(t, exportBytes(t, db, "management-review", opts("MR-01")))); len(d) > 0 {
		t.Errorf("the held review's pack changed with the records: %v", d)
	}
	if d := differing(planned, parts(t, exportBytes(t, db, "management-review", opts("MR-02")))); len(d) == 0 {
		t.Error("the planned review's pre-read did not change with the records")
	}
}

// TestReviewPackContents: the default pack is the latest review, planned or held (the
// demo's planned MR-02); a held review's pack carries its inputs as presented, its
// conclusion, decisions, actions, sign-off and next review date, and no live sheet.
func TestReviewPackContents(t *testing.T) {
	db := demoDB(t)
	f := export(t, db, "management-review", opts(""))
	if v := rowWith(t, f, "Review", "Reference"); len(v) < 2 || v[1] != "MR-02" {
		t.Errorf("default pack of %q, want the latest review MR-02", v)
	}
	f = export(t, db, "management-review", opts("MR-01"))
	sheets := f.GetSheetList()
	for _, want := range []string{"Review", "a Previous actions", "d2 Monitoring", "Minutes", "Conclusion", "Decisions", "Action list"} {
		if !slices.Contains(sheets, want) {
			t.Errorf("held pack lacks %q: %v", want, sheets)
		}
	}
	if slices.Contains(sheets, "Assurance exceptions") {
		t.Error("the held pack lists live exceptions")
	}
	for _, label := range []string{"Continuing suitability", "Adequacy", "Effectiveness", "Signed off by", "Next review"} {
		if v := rowWith(t, f, "Conclusion", label); len(v) < 2 || v[1] == "" {
			t.Errorf("conclusion line %q: %q", label, v)
		}
	}
	if v := rowWith(t, f, "Action list", "1"); len(v) < 4 || v[1] != "ACT-010" {
		t.Errorf("action list row %q", v)
	}
	if v := rowWith(t, f, "Executive summary", "Decisions taken at the review"); len(v) == 0 {
		t.Error("the held pack's executive page does not list the decisions taken")
	}
}
