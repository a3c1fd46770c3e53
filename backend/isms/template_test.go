package isms

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestPolicyTemplates(t *testing.T) {
	templates := PolicyTemplates()
	if len(templates) != 10 {
		t.Fatalf("len(PolicyTemplates()) = %d, want 10", len(templates))
	}
	ids := map[string]bool{}
	refs := map[string]bool{}
	for i, tp := range templates {
		name := tp.ID
		if tp.ID == "" {
			t.Errorf("template %d has no id", i)
		}
		if ids[tp.ID] {
			t.Errorf("id %s twice", tp.ID)
		}
		ids[tp.ID] = true
		if tp.Ref == "" {
			t.Errorf("%s has no ref", name)
		}
		if refs[tp.Ref] {
			t.Errorf("ref %s twice", tp.Ref)
		}
		refs[tp.Ref] = true
		if i > 0 && compareRefs(templates[i-1].Ref, tp.Ref) >= 0 {
			t.Errorf("%s (%s) is not after %s", name, tp.Ref, templates[i-1].Ref)
		}
		if tp.Title == "" {
			t.Errorf("%s has no title", name)
		}
		if tp.Summary == "" {
			t.Errorf("%s has no summary", name)
		}
		if !DocTypes.Has(tp.DocType) {
			t.Errorf("%s: docType %q not in DocTypes", name, tp.DocType)
		}
		if tp.ReviewCycleMonths < 1 || tp.ReviewCycleMonths > 60 {
			t.Errorf("%s: reviewCycleMonths %d, want 1..60", name, tp.ReviewCycleMonths)
		}
		if n := len(strings.Fields(tp.Text)); n < 250 {
			t.Errorf("%s: body has %d words, want at least 250", name, n)
		}
		if strings.HasPrefix(tp.Text, "---") || strings.Contains(tp.Text, "reviewCycleMonths:") {
			t.Errorf("%s: body still holds the front matter", name)
		}
		if !strings.HasPrefix(tp.Text, "# ") {
			t.Errorf("%s: body does not start with a heading", name)
		}
		if len(tp.ControlRefs) == 0 {
			t.Errorf("%s lists no controls", name)
		}
		seen := map[string]bool{}
		for _, ref := range tp.ControlRefs {
			c, ok := LookupControl(ref)
			if !ok {
				t.Errorf("%s: control %s not in the catalogue", name, ref)
				continue
			}
			if c.Ref != ref {
				t.Errorf("%s: control %s is not normalised (%s)", name, ref, c.Ref)
			}
			if seen[ref] {
				t.Errorf("%s: control %s twice", name, ref)
			}
			seen[ref] = true
		}
		got, ok := LookupPolicyTemplate(tp.ID)
		if !ok || got.Ref != tp.Ref || got.Text != tp.Text {
			t.Errorf("LookupPolicyTemplate(%q) = %v, %v", tp.ID, got.Ref, ok)
		}
	}
	for _, id := range []string{"information-security", "acceptable-use", "access-control", "supplier-security",
		"incident-management", "business-continuity", "backup", "cryptography", "secure-development", "hr-security"} {
		if !ids[id] {
			t.Errorf("no template %q", id)
		}
	}
	if _, ok := LookupPolicyTemplate("no-such-template"); ok {
		t.Error("LookupPolicyTemplate found an unknown id")
	}
}

func TestPolicyTemplateControls(t *testing.T) {
	want := map[string][]string{
		"backup":               {"A.8.13"},
		"cryptography":         {"A.8.24"},
		"access-control":       {"A.5.15", "A.5.18", "A.8.2", "A.8.5"},
		"supplier-security":    {"A.5.19", "A.5.20", "A.5.23"},
		"incident-management":  {"A.5.24", "A.5.26", "A.6.8"},
		"business-continuity":  {"A.5.29", "A.5.30"},
		"hr-security":          {"A.6.1", "A.6.6"},
		"secure-development":   {"A.8.25", "A.8.28", "A.8.29"},
		"acceptable-use":       {"A.5.10", "A.8.1"},
		"information-security": {"A.5.1"},
	}
	for id, refs := range want {
		tp, ok := LookupPolicyTemplate(id)
		if !ok {
			t.Errorf("no template %q", id)
			continue
		}
		for _, ref := range refs {
			if !slices.Contains(tp.ControlRefs, ref) {
				t.Errorf("%s does not list %s (has %v)", id, ref, tp.ControlRefs)
			}
		}
	}
}

func TestPolicyTemplatesAreCopies(t *testing.T) {
	a := PolicyTemplates()
	a[0].ControlRefs[0] = "changed"
	a[0].Title = "changed"
	b := PolicyTemplates()
	if b[0].ControlRefs[0] == "changed" || b[0].Title == "changed" {
		t.Error("PolicyTemplates shares its data with callers")
	}
	tp, _ := LookupPolicyTemplate(b[0].ID)
	tp.ControlRefs[0] = "changed"
	if again, _ := LookupPolicyTemplate(b[0].ID); again.ControlRefs[0] == "changed" {
		t.Error("LookupPolicyTemplate shares its data with callers")
	}
}

func TestPolicyTemplateJSON(t *testing.T) {
	tp, _ := LookupPolicyTemplate("backup")
	data, err := json.Marshal(tp)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "ref", "title", "docType", "summary", "reviewCycleMonths", "controlRefs", "text"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON has no %q: %s", k, data)
		}
	}
}

func TestParsePolicyTemplate(t *testing.T) {
	const good = "---\nref: POL-99\ntitle: T\ndocType: standard\nreviewCycleMonths: 6\ncontrols: 5.1, a.8.13\nsummary: S: with a colon\n---\n\n# T\n\nBody.\n"
	tp, err := parsePolicyTemplate("x", good)
	if err != nil {
		t.Fatal(err)
	}
	if tp.ID != "x" || tp.Ref != "POL-99" || tp.DocType != DocStandard || tp.ReviewCycleMonths != 6 ||
		tp.Summary != "S: with a colon" || !slices.Equal(tp.ControlRefs, []string{"A.5.1", "A.8.13"}) || tp.Text != "# T\n\nBody.\n" {
		t.Errorf("parsePolicyTemplate(good) = %+v", tp)
	}
	if tp, err := parsePolicyTemplate("x", strings.ReplaceAll(good, "\n", "\r\n")); err != nil || tp.Text != "# T\n\nBody.\n" {
		t.Errorf("CRLF file: %+v, %v", tp, err)
	}
	bad := map[string]string{
		"no opening line":   strings.TrimPrefix(good, "---\n"),
		"not closed":        strings.Replace(good, "\n---\n", "\n", 1),
		"no colon":          strings.Replace(good, "title: T", "title T", 1),
		"empty value":       strings.Replace(good, "title: T", "title:", 1),
		"unknown key":       strings.Replace(good, "title: T", "title: T\nowner: me", 1),
		"duplicate key":     strings.Replace(good, "title: T", "title: T\ntitle: U", 1),
		"missing key":       strings.Replace(good, "summary: S: with a colon\n", "", 1),
		"bad doc type":      strings.Replace(good, "docType: standard", "docType: memo", 1),
		"bad cycle":         strings.Replace(good, "reviewCycleMonths: 6", "reviewCycleMonths: six", 1),
		"zero cycle":        strings.Replace(good, "reviewCycleMonths: 6", "reviewCycleMonths: 0", 1),
		"unknown control":   strings.Replace(good, "a.8.13", "A.8.35", 1),
		"empty control":     strings.Replace(good, "a.8.13", "", 1),
		"duplicate control": strings.Replace(good, "a.8.13", "A.5.1", 1),
		"empty body":        strings.Replace(good, "# T\n\nBody.\n", " \n", 1),
	}
	for name, data := range bad {
		if _, err := parsePolicyTemplate("x", data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestCompareRefs(t *testing.T) {
	ordered := []string{"POL-1", "POL-02", "POL-10", "POL-10a", "PRO-01"}
	for i := 1; i < len(ordered); i++ {
		if compareRefs(ordered[i-1], ordered[i]) >= 0 || compareRefs(ordered[i], ordered[i-1]) <= 0 {
			t.Errorf("%s should sort before %s", ordered[i-1], ordered[i])
		}
	}
	if compareRefs("POL-01", "POL-01") != 0 {
		t.Error("equal refs do not compare equal")
	}
}
