package importer

import (
	"slices"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

const assetRegister = "Asset ID,Asset,Type,Asset owner,Custodian,Location,Classification,Purchase date,Next review,Status,Risks,Controls\n" +
	"AST-001,Customer database,Data,Grace Hopper,it@acme.test,AWS eu-west-2,CONFIDENTIAL,2024-01-10,2026-12-31,In use,R-001,\"A.5.9, 8.13\"\n" +
	"AST-002,Laptops,Hardware,Grace Hopper,IT@acme.test,Office,Internal use,,,Active,,A.8.1\n" +
	"AST-003,CRM,Software,ADA LOVELACE,grace hopper,SaaS,Internal,,,,\"R-001; R-001\",\n" +
	"AST-004,Old file server,Hardware,Grace Hopper,,Office,,2019-05-01,,Decommissioned,,\n"

// TestAssetRegisterImport: owners and custodians by name or e-mail become one person
// each, however often the register repeats them; risks and controls link by reference;
// re-importing the same file changes nothing.
func TestAssetRegisterImport(t *testing.T) {
	db := openDB(t, "")
	var riskID, adaID string
	err := db.Update(func(tx *store.Tx) error {
		ada := &isms.Person{Name: "Ada Lovelace", Email: "ada@acme.test", Active: true}
		if err := tx.Create(ada, "test"); err != nil {
			return err
		}
		r := &isms.Risk{Ref: "R-001", Title: "Data breach", Likelihood: 3, Impact: 4, Status: isms.RiskAssessed}
		if err := tx.Create(r, "test"); err != nil {
			return err
		}
		riskID, adaID = r.ID, ada.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	people := count(t, db, isms.KindPerson)
	file := writeFile(t, "assets.csv", assetRegister)

	p := prepare(t, db, Request{Kind: xlsx.KindAssets, File: file})
	if p.Counts != (Counts{Rows: 4, Created: 4}) || len(p.Errors) != 0 {
		t.Fatalf("plan %+v, problems %v, mapping %v", p.Counts, p.Errors, p.Mapping.Columns)
	}
	if !slices.Equal(p.NewPeople, []string{"Grace Hopper", "it@acme.test"}) {
		t.Fatalf("new people %v, want Grace Hopper and it@acme.test once each", p.NewPeople)
	}
	commit(t, db, p)
	if n := count(t, db, isms.KindPerson); n != people+2 {
		t.Fatalf("%d people, want %d", n, people+2)
	}
	assets := map[string]*isms.Asset{}
	ids := map[string]string{} // person name -> ID
	err = db.View(func(tx *store.Tx) error {
		if err := tx.Each(isms.KindPerson, func(r isms.Record) error { ids[r.(*isms.Person).Name] = r.Base().ID; return nil }); err != nil {
			return err
		}
		return tx.Each(isms.KindAsset, func(r isms.Record) error { assets[r.(*isms.Asset).Ref] = r.(*isms.Asset); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	grace, it := ids["Grace Hopper"], ids["it@acme.test"]
	a1, a2, a3, a4 := assets["AST-001"], assets["AST-002"], assets["AST-003"], assets["AST-004"]
	if a1 == nil || a2 == nil || a3 == nil || a4 == nil {
		t.Fatalf("assets %v", assets)
	}
	if a1.Name != "Customer database" || a1.Type != isms.AssetInformation || a1.Classification != isms.ClassConfidential ||
		a1.OwnerID != grace || a1.CustodianID != it || a1.Location != "AWS eu-west-2" || a1.AcquiredOn != "2024-01-10" ||
		a1.ReviewDate != "2026-12-31" || a1.Status != isms.AssetInUse || !slices.Equal(a1.RiskIDs, []string{riskID}) || len(a1.ControlIDs) != 2 {
		t.Errorf("AST-001 = %+v", a1)
	}
	if a2.OwnerID != grace || a2.CustodianID != it || a2.Classification != isms.ClassInternal || a2.Type != isms.AssetHardware || len(a2.ControlIDs) != 1 {
		t.Errorf("AST-002 = %+v", a2)
	}
	if a3.OwnerID != adaID || a3.CustodianID != grace || a3.Type != isms.AssetSoftware || a3.Status != isms.AssetInUse ||
		!slices.Equal(a3.RiskIDs, []string{riskID}) {
		t.Errorf("AST-003 = %+v", a3)
	}
	if a4.Status != isms.AssetRetired || a4.Classification != "" || a4.CustodianID != "" {
		t.Errorf("AST-004 = %+v", a4)
	}
	// the links are indexed both ways
	err = db.View(func(tx *store.Tx) error {
		back, err := tx.Backlinks(isms.KindRisk, riskID)
		if err != nil {
			return err
		}
		if len(back) != 2 {
			t.Errorf("risk R-001 has %d backlinks, want 2 (AST-001, AST-003): %+v", len(back), back)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// the same file again changes nothing and adds no one
	p = prepare(t, db, Request{Kind: xlsx.KindAssets, File: file})
	if p.Counts != (Counts{Rows: 4, Unchanged: 4}) || len(p.NewPeople) != 0 {
		t.Fatalf("re-import: %+v, new people %v, problems %v", p.Counts, p.NewPeople, p.Errors)
	}
	// one changed cell updates one asset
	changed := writeFile(t, "assets2.csv", assetRegister[:len(assetRegister)-len("Decommissioned,,\n")]+"Planned,,\n")
	p = prepare(t, db, Request{Kind: xlsx.KindAssets, File: changed})
	if p.Counts != (Counts{Rows: 4, Updated: 1, Unchanged: 3}) {
		t.Fatalf("one change: %+v %v", p.Counts, p.Errors)
	}
}

// TestAssetLinksMustExist: a risk or control reference that names nothing is a problem
// on its cell and nothing is written.
func TestAssetLinksMustExist(t *testing.T) {
	db := openDB(t, "")
	people := count(t, db, isms.KindPerson)
	file := writeFile(t, "assets.csv", "Ref,Name,Type,Owner,Risks,Controls\nAST-1,Payroll data,Information,Nobody Yet,R-404,A.99.1\nAST-2,Router,Gizmo,,,\n")
	p := prepare(t, db, Request{Kind: xlsx.KindAssets, File: file})
	if p.Counts.Invalid != 2 {
		t.Fatalf("plan %+v %v", p.Counts, p.Errors)
	}
	got := map[string]bool{}
	for _, e := range p.Errors {
		got[e.Field+"@"+e.Column] = true
	}
	for _, w := range []string{"risks@E", "controls@F", "type@C"} {
		if !got[w] {
			t.Errorf("problems %v lack %s", p.Errors, w)
		}
	}
	if len(p.NewPeople) != 0 {
		t.Errorf("an invalid row plans new people %v", p.NewPeople)
	}
	if _, err := Commit(t.Context(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit = %v, want invalid", err)
	}
	if count(t, db, isms.KindAsset) != 0 || count(t, db, isms.KindPerson) != people {
		t.Fatal("an invalid import wrote records")
	}
}
