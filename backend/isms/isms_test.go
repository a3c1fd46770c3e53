package isms_test

import (
	"errors"
	"slices"
	"sort"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/isms/ismstest"
)

// fields returns the field names of err's *isms.Error.
func fields(t *testing.T, err error) []string {
	t.Helper()
	var e *isms.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not an *isms.Error", err)
	}
	out := make([]string, 0, len(e.Fields))
	for f := range e.Fields {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// expectInvalid checks that err is invalid and names at least every wanted field.
func expectInvalid(t *testing.T, err error, want ...string) {
	t.Helper()
	if got := isms.ErrorCode(err); got != isms.CodeInvalid {
		t.Fatalf("ErrorCode = %q, want %q (err: %v)", got, isms.CodeInvalid, err)
	}
	got := fields(t, err)
	for _, w := range want {
		found := false
		for _, g := range got {
			if g == w {
				found = true
			}
		}
		if !found {
			t.Errorf("fields %v lack %q", got, w)
		}
	}
}

func TestKindsRegistry(t *testing.T) {
	plurals := map[string]isms.Kind{}
	// 24 kinds and the asset inventory (others may follow: at least that many)
	if len(isms.Kinds()) < 25 {
		t.Errorf("len(Kinds()) = %d, want at least 25", len(isms.Kinds()))
	}
	if !slices.Contains(isms.Kinds(), isms.KindAsset) {
		t.Errorf("Kinds() lacks %s", isms.KindAsset)
	}
	for _, k := range isms.Kinds() {
		rec, err := isms.New(k)
		if err != nil {
			t.Fatalf("New(%s): %v", k, err)
		}
		if rec.Kind() != k {
			t.Errorf("New(%s).Kind() = %s", k, rec.Kind())
		}
		if rec.Base() == nil {
			t.Errorf("New(%s).Base() is nil", k)
		}
		if k.Plural() == "" || k.Label() == "" {
			t.Errorf("%s lacks a plural or label", k)
		}
		if other, ok := plurals[k.Plural()]; ok {
			t.Errorf("plural %q of %s is also %s's", k.Plural(), k, other)
		}
		plurals[k.Plural()] = k
		for _, name := range []string{string(k), k.Plural()} {
			if got, err := isms.ParseKind(name); err != nil || got != k {
				t.Errorf("ParseKind(%q) = %q, %v", name, got, err)
			}
		}
		// an empty record is never valid
		if err := rec.Validate(); isms.ErrorCode(err) != isms.CodeInvalid {
			t.Errorf("empty %s: Validate() = %v, want invalid", k, err)
		}
	}
	if _, err := isms.New("nope"); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Errorf("New(nope) = %v", err)
	}
}

func TestValidSamples(t *testing.T) {
	for _, k := range isms.Kinds() {
		rec := ismstest.Valid(k)
		if rec.Kind() != k {
			t.Errorf("Valid(%s).Kind() = %s", k, rec.Kind())
		}
		if err := rec.Validate(); err != nil {
			t.Errorf("Valid(%s).Validate() = %v", k, err)
		}
		parents := map[isms.Kind]bool{}
		for _, p := range ismstest.Parents(k) {
			parents[p] = true
		}
		for _, l := range rec.Terms().Links {
			if !parents[l.Kind] || l.ID != ismstest.ParentID(l.Kind) {
				t.Errorf("Valid(%s) links to %+v", k, l)
			}
		}
		if ismstest.Valid(k) == rec {
			t.Errorf("Valid(%s) returns the same record twice", k)
		}
	}
}

func TestTermsLinksNameFields(t *testing.T) {
	r := &isms.Risk{ControlIDs: []string{"c1", ""}, ActionIDs: []string{"a1"}, OwnerID: "p1", ReviewDate: "2025-01-31"}
	terms := r.Terms()
	if len(terms.Links) != 2 || terms.Links[0] != (isms.Link{Field: "controlIds", Kind: isms.KindControl, ID: "c1"}) ||
		terms.Links[1] != (isms.Link{Field: "actionIds", Kind: isms.KindAction, ID: "a1"}) {
		t.Errorf("links = %+v", terms.Links)
	}
	if terms.Owner != "p1" || terms.Due.Format("2006-01-02") != "2025-01-31" {
		t.Errorf("owner %q due %v", terms.Owner, terms.Due)
	}
	p := &isms.Person{Name: "A", Email: " Ada@Example.com"}
	if got := p.Terms().Ref; got != "ada@example.com" {
		t.Errorf("person ref = %q", got)
	}
}

func TestAssetTerms(t *testing.T) {
	a := &isms.Asset{Ref: "AST-001", Name: "CRM", Status: isms.AssetInUse, OwnerID: "p1", CustodianID: "p2",
		ReviewDate: "2025-09-30", RiskIDs: []string{"r1"}, ControlIDs: []string{"c1", ""}}
	terms := a.Terms()
	want := []isms.Link{
		{Field: "riskIds", Kind: isms.KindRisk, ID: "r1"},
		{Field: "controlIds", Kind: isms.KindControl, ID: "c1"},
		{Field: "custodianId", Kind: isms.KindPerson, ID: "p2"},
	}
	if !slices.Equal(terms.Links, want) {
		t.Errorf("links = %+v, want %+v", terms.Links, want)
	}
	if terms.Ref != "AST-001" || terms.Title != "CRM" || terms.Status != isms.AssetInUse || terms.Owner != "p1" ||
		terms.Due.Format("2006-01-02") != "2025-09-30" {
		t.Errorf("terms = %+v", terms)
	}
	if got := (&isms.Asset{}).Terms().Links; len(got) != 0 {
		t.Errorf("an asset without links has links %+v", got)
	}
	if isms.KindAsset.Plural() != "assets" || isms.KindAsset.Label() != "Assets" {
		t.Errorf("asset kind is %q / %q", isms.KindAsset.Plural(), isms.KindAsset.Label())
	}
}
