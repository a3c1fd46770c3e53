package xlsx

import (
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

func TestParseAssetEnums(t *testing.T) {
	for _, e := range []struct{ enum, in, want string }{
		{"assetType", "Hardware", isms.AssetHardware},
		{"assetType", "SOFTWARE", isms.AssetSoftware},
		{"assetType", "Data", isms.AssetInformation},
		{"assetType", "Information", isms.AssetInformation},
		{"assetType", "Site or premises", isms.AssetSite},
		{"assetType", "Premises", isms.AssetSite},
		{"assetType", "Cloud service", isms.AssetService},
		{"assetType", "Personnel", isms.AssetPeople},
		{"assetType", "Logiciel", isms.AssetSoftware},
		{"classification", "Confidential", isms.ClassConfidential},
		{"classification", "CONFIDENTIAL", isms.ClassConfidential},
		{"classification", "Internal use", isms.ClassInternal},
		{"classification", "Internal Use Only", isms.ClassInternal},
		{"classification", "public", isms.ClassPublic},
		{"classification", "Strictly confidential", isms.ClassRestricted},
		{"classification", "Vertraulich", isms.ClassConfidential},
		{"classification", "TLP:RED", isms.ClassRestricted},
		{"assetStatus", "In use", isms.AssetInUse},
		{"assetStatus", "in_use", isms.AssetInUse},
		{"assetStatus", "Active", isms.AssetInUse},
		{"assetStatus", "Decommissioned", isms.AssetRetired},
		{"assetStatus", "Planned", isms.AssetPlanned},
		{"assetStatus", "Stolen", isms.AssetRetired}, {"assetStatus", "Offboarded", isms.AssetRetired}, {"assetStatus", "Onboarding", isms.AssetPlanned},
	} {
		if got, err := ParseEnum(e.enum, e.in); err != nil || got != e.want {
			t.Errorf("ParseEnum(%s, %q) = %q, %v; want %q", e.enum, e.in, got, err, e.want)
		}
	}
	for _, e := range []struct{ enum, in string }{{"assetType", "unicorn"}, {"classification", "purple"}, {"assetStatus", "on fire"}} {
		if _, err := ParseEnum(e.enum, e.in); err == nil {
			t.Errorf("ParseEnum(%s, %q) should fail", e.enum, e.in)
		}
	}
}

// TestAssetRegister maps a typical asset register's header and reads its rows.
func TestAssetRegister(t *testing.T) {
	csv := "Asset ID,Asset name,Asset type,Asset owner,Custodian,Location,Confidentiality,Description,Purchase date,Next review,Status,Risks,Controls,Comments\n" +
		"AST-001,CRM,Software,Ada Lovelace,it@example.com,AWS,Internal use,Customer records,2024-01-10,2025-12-31,Active,R-001,\"A.5.9, A.8.13\",Renew licence\n" +
		"AST-002,Laptop fleet,Hardware,Ada Lovelace,,Office,CONFIDENTIAL,,,,,,,\n" +
		"AST-003,,Unicorn,,,,Purple,,not a date,,,,,\n"
	g := readGrid(t, openBytes(t, "assets.csv", []byte(csv)), "")
	h, err := DetectHeader(g)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ProposeMapping(KindAssets, h)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"ref": "A", "name": "B", "type": "C", "owner": "D", "custodian": "E", "location": "F",
		"classification": "G", "description": "H", "acquiredOn": "I", "reviewDate": "J", "status": "K", "risks": "L",
		"controls": "M", "notes": "N"}
	for f, col := range want {
		if m.Columns[f] != col {
			t.Errorf("field %s mapped to %q, want %s (mapping %v)", f, m.Columns[f], col, m.Columns)
		}
	}
	if p := m.Check(h); len(p) != 0 {
		t.Fatalf("mapping problems %v", p)
	}
	res, err := Rows(KindAssets, h, g, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 {
		t.Fatalf("%d rows, want 3", len(res))
	}
	a := res[0].Record.(*AssetRow)
	if !res[0].Valid() || a.Asset.Ref != "AST-001" || a.Asset.Name != "CRM" || a.Asset.Type != isms.AssetSoftware ||
		a.Asset.Classification != isms.ClassInternal || a.Asset.Status != isms.AssetInUse || a.Asset.Location != "AWS" ||
		a.Asset.AcquiredOn != "2024-01-10" || a.Asset.ReviewDate != "2025-12-31" || a.Asset.Notes != "Renew licence" ||
		a.OwnerName != "Ada Lovelace" || a.CustodianName != "it@example.com" || res[0].Values.Get("controls") != "A.5.9, A.8.13" {
		t.Errorf("row 2 = %+v %+v (problems %v)", a, a.Asset, res[0].Problems)
	}
	b := res[1].Record.(*AssetRow)
	if !res[1].Valid() || b.Asset.Classification != isms.ClassConfidential || b.Asset.Status != isms.AssetInUse || b.Asset.Type != isms.AssetHardware {
		t.Errorf("row 3 = %+v (problems %v)", b.Asset, res[1].Problems)
	}
	got := map[string]bool{}
	for _, p := range res[2].Problems {
		got[p.Field+"@"+p.Column] = true
	}
	for _, w := range []string{"name@B", "type@C", "classification@G", "acquiredOn@I"} {
		if !got[w] {
			t.Errorf("row 4 problems %v lack %s", res[2].Problems, w)
		}
	}
}
