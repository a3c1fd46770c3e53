package importer

import (
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// TestKPITargetsInPercentAndControlNumbers: a target column written in percent is
// proposed and gives the unit; "<5%" is a target of 5 where lower is better (amber at
// the target when the file gives none); a control named by its number alone (6.3) is
// linked like A.6.3.
func TestKPITargetsInPercentAndControlNumbers(t *testing.T) {
	db := openDB(t, "")
	file := writeFile(t, "kpis.csv", "KPI #,Metric,Target,Linked control\n"+
		"K-1,Training completion,95%,6.3\nK-2,Phishing click rate,<5%,A.6.3\nK-3,Patched servers,100,8.8\n")
	p := prepare(t, db, Request{Kind: xlsx.KindKPIs, File: file})
	if p.Mapping.Columns["target"] != "C" || p.Counts.Invalid != 0 {
		t.Fatalf("target from %q, problems %s", p.Mapping.Columns["target"], problemsOf(p))
	}
	commit(t, db, p)
	kpis := map[string]*isms.KPI{}
	ctrl := controlsByRef(t, db)
	db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindKPI, func(r isms.Record) error { kpis[r.(*isms.KPI).Ref] = r.(*isms.KPI); return nil })
	})
	if k := kpis["K-1"]; k.Target != 95 || k.Unit != "%" || k.ControlID != ctrl["A.6.3"].ID {
		t.Errorf("K-1 %+v", k)
	}
	if k := kpis["K-2"]; k.Target != 5 || k.Direction != isms.LowerIsBetter || k.Amber != 5 || k.ControlID != ctrl["A.6.3"].ID {
		t.Errorf("K-2 %+v", k)
	}
	if k := kpis["K-3"]; k.Unit != "" || k.ControlID != ctrl["A.8.8"].ID {
		t.Errorf("K-3 %+v", k)
	}
}

// TestMapByLetterBeforeHeader: --map FIELD=I is column I even when another column's
// header is "I" (impact, in a short-headed risk register); a header name still works.
func TestMapByLetterBeforeHeader(t *testing.T) {
	h := xlsx.Header{Columns: []xlsx.Column{{Index: 0, Letter: "A", Name: "Risk ID"}, {Index: 4, Letter: "E", Name: "I"}, {Index: 8, Letter: "I", Name: "Residual I"}}}
	if l, ok := columnOf(h, "I"); !ok || l != "I" {
		t.Errorf("I is column %q, want I", l)
	}
	if l, ok := columnOf(h, "residual i"); !ok || l != "I" {
		t.Errorf("residual i is column %q, want I", l)
	}
	if l, ok := columnOf(h, "Risk ID"); !ok || l != "A" {
		t.Errorf("Risk ID is column %q, want A", l)
	}
}

// TestPolicyRegisterVersions: a new policy's first version takes the row's number (1.10,
// not 1.0), and an approved status says how to import the row anyway.
func TestPolicyRegisterVersions(t *testing.T) {
	db := openDB(t, "")
	p := prepare(t, db, Request{Kind: xlsx.KindPolicies, File: writeFile(t, "policies.csv",
		"Policy ID,Policy title,Version,Status\nPOL-1,Access control policy,1.10,Draft\nPOL-2,Backup policy,,Draft\nPOL-3,Cryptography policy,2.0,Approved\n")})
	if p.Counts.Invalid != 1 || !strings.Contains(problemsOf(p), "--unmap status") {
		t.Fatalf("counts %+v, problems %s", p.Counts, problemsOf(p))
	}
	p = prepare(t, db, Request{Kind: xlsx.KindPolicies, File: p.Request.File, Unmap: []string{"status"}})
	commit(t, db, p)
	versions := map[string]string{}
	db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindPolicy, func(r isms.Record) error {
			pol := r.(*isms.Policy)
			versions[pol.Ref] = pol.Current().Number + " " + pol.Status
			return nil
		})
	})
	if versions["POL-1"] != "1.10 draft" || versions["POL-2"] != "1.0 draft" || versions["POL-3"] != "2.0 draft" {
		t.Errorf("versions %v", versions)
	}
}

// TestKPIDirectionFromItsThresholds: without a direction column, an amber threshold above
// the target means lower is better (a click rate of 5 %, amber at 10 %).
func TestKPIDirectionFromItsThresholds(t *testing.T) {
	db := openDB(t, "")
	p := prepare(t, db, Request{Kind: xlsx.KindKPIs, File: writeFile(t, "k.csv", "KPI ID,Name,Target,Amber threshold\nK-1,Phishing click rate,5,10\nK-2,Training completion,95,80\n")})
	if p.Counts.Invalid != 0 {
		t.Fatalf("problems %s", problemsOf(p))
	}
	commit(t, db, p)
	kpis := map[string]*isms.KPI{}
	db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindKPI, func(r isms.Record) error { kpis[r.(*isms.KPI).Ref] = r.(*isms.KPI); return nil })
	})
	if kpis["K-1"].Direction != isms.LowerIsBetter || kpis["K-2"].Direction != isms.HigherIsBetter {
		t.Errorf("directions %s, %s", kpis["K-1"].Direction, kpis["K-2"].Direction)
	}
}
