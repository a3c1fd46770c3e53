package isms_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// TestAnnexAAttributes: every Annex A control has at least one value of each of the five
// ISO/IEC 27002:2022 attributes, every value from its attribute's set and none repeated,
// and well-known controls carry the standard's values.
func TestAnnexAAttributes(t *testing.T) {
	sets := []struct {
		name string
		enum isms.Enum
		get  func(isms.ControlAttributes) []string
	}{
		{"control type", isms.ControlTypes, func(a isms.ControlAttributes) []string { return a.ControlTypes }},
		{"security properties", isms.SecurityProperties, func(a isms.ControlAttributes) []string { return a.SecurityProperties }},
		{"cybersecurity concepts", isms.CybersecurityConcepts, func(a isms.ControlAttributes) []string { return a.CybersecurityConcepts }},
		{"operational capabilities", isms.OperationalCapabilities, func(a isms.ControlAttributes) []string { return a.OperationalCapabilities }},
		{"security domains", isms.SecurityDomains, func(a isms.ControlAttributes) []string { return a.SecurityDomains }},
	}
	if n := len(isms.OperationalCapabilities); n != 15 {
		t.Errorf("%d operational capabilities, want 15", n)
	}
	used := map[string]bool{}
	controls := isms.AnnexA()
	if len(controls) != 93 {
		t.Fatalf("%d controls", len(controls))
	}
	for _, c := range controls {
		for _, s := range sets {
			vals := s.get(c.Attributes)
			if len(vals) == 0 {
				t.Errorf("%s has no %s", c.Ref, s.name)
			}
			seen := map[string]bool{}
			for _, v := range vals {
				if !s.enum.Has(v) || seen[v] {
					t.Errorf("%s %s: %q is not allowed or repeated", c.Ref, s.name, v)
				}
				seen[v], used[v] = true, true
			}
		}
	}
	// Every allowed value is used by some control: a misspelt column would leave one unused.
	for _, s := range sets {
		for _, v := range s.enum.Values() {
			if !used[v] {
				t.Errorf("no control has %s %q", s.name, v)
			}
		}
	}

	want := map[string]isms.ControlAttributes{
		"A.5.7": { // Threat intelligence
			ControlTypes:            []string{"preventive", "detective", "corrective"},
			SecurityProperties:      []string{"confidentiality", "integrity", "availability"},
			CybersecurityConcepts:   []string{"identify", "detect", "respond"},
			OperationalCapabilities: []string{"threat_and_vulnerability_management"},
			SecurityDomains:         []string{"defence", "resilience"},
		},
		"A.5.1": { // Policies for information security
			ControlTypes:            []string{"preventive"},
			SecurityProperties:      []string{"confidentiality", "integrity", "availability"},
			CybersecurityConcepts:   []string{"identify"},
			OperationalCapabilities: []string{"governance"},
			SecurityDomains:         []string{"governance_and_ecosystem", "resilience"},
		},
		"A.5.30": { // ICT readiness for business continuity
			ControlTypes:            []string{"corrective"},
			SecurityProperties:      []string{"availability"},
			CybersecurityConcepts:   []string{"respond"},
			OperationalCapabilities: []string{"continuity"},
			SecurityDomains:         []string{"resilience"},
		},
		"A.7.7": { // Clear desk and clear screen
			ControlTypes:            []string{"preventive"},
			SecurityProperties:      []string{"confidentiality"},
			CybersecurityConcepts:   []string{"protect"},
			OperationalCapabilities: []string{"physical_security"},
			SecurityDomains:         []string{"protection"},
		},
		"A.8.13": { // Information backup
			ControlTypes:            []string{"corrective"},
			SecurityProperties:      []string{"integrity", "availability"},
			CybersecurityConcepts:   []string{"recover"},
			OperationalCapabilities: []string{"continuity"},
			SecurityDomains:         []string{"protection"},
		},
		"A.8.16": { // Monitoring activities
			ControlTypes:            []string{"detective", "corrective"},
			SecurityProperties:      []string{"confidentiality", "integrity", "availability"},
			CybersecurityConcepts:   []string{"detect", "respond"},
			OperationalCapabilities: []string{"information_security_event_management"},
			SecurityDomains:         []string{"defence"},
		},
		"A.5.22": { // Monitoring, review and change management of supplier services
			ControlTypes:            []string{"preventive"},
			SecurityProperties:      []string{"confidentiality", "integrity", "availability"},
			CybersecurityConcepts:   []string{"identify"},
			OperationalCapabilities: []string{"supplier_relationships_security", "information_security_assurance"},
			SecurityDomains:         []string{"governance_and_ecosystem", "protection", "defence"},
		},
	}
	for ref, w := range want {
		c, ok := isms.LookupControl(ref)
		if !ok {
			t.Fatalf("%s not found", ref)
		}
		for _, s := range sets {
			if got := s.get(c.Attributes); !slices.Equal(got, s.get(w)) {
				t.Errorf("%s %s = %v, want %v", ref, s.name, got, s.get(w))
			}
		}
	}
	// 5.37 Documented operating procedures spans nine capabilities.
	if c, _ := isms.LookupControl("A.5.37"); len(c.Attributes.OperationalCapabilities) != 9 {
		t.Errorf("A.5.37 capabilities = %v", c.Attributes.OperationalCapabilities)
	}

	controls[6].Attributes.ControlTypes[0] = "changed"
	if c, _ := isms.LookupControl("A.5.7"); c.Attributes.ControlTypes[0] != "preventive" {
		t.Error("AnnexA shares the catalogue's attribute slices")
	}
}

// TestControlAttributesRules: an Annex A control's attributes are the catalogue's
// (merged when read, locked in edits, not stored); a custom control sets its own, from
// the allowed sets.
func TestControlAttributesRules(t *testing.T) {
	stored := &isms.Control{Ref: "A.5.7", Title: "Threat intelligence", Theme: isms.ThemeOrganizational,
		Applicability: isms.ApplicabilityNotAssessed, Status: isms.ImplNotStarted}
	shown := stored.WithCatalogue()
	if !slices.Equal(shown.OperationalCapabilities, []string{"threat_and_vulnerability_management"}) || len(stored.ControlTypes) != 0 {
		t.Fatalf("WithCatalogue = %+v (stored %+v)", shown.ControlAttributes, stored.ControlAttributes)
	}
	if err := shown.Validate(); err != nil {
		t.Errorf("an Annex A control with the catalogue's attributes: %v", err)
	}

	// Saving it back as read is allowed and leaves the attributes to the catalogue.
	edit := shown
	edit.Notes = "reviewed"
	if err := isms.CheckControlChange(stored, &edit); err != nil {
		t.Fatalf("edit as read: %v", err)
	}
	if len(edit.ControlTypes) != 0 || len(edit.SecurityDomains) != 0 {
		t.Errorf("attributes of an Annex A control kept in the record: %+v", edit.ControlAttributes)
	}
	// Changing them is refused.
	edit = shown
	edit.SecurityDomains = []string{"protection"}
	if err := isms.CheckControlChange(stored, &edit); isms.ErrorCode(err) != isms.CodeInvalid || errFields(err)["controlTypes"] == "" {
		t.Errorf("changed attributes of an Annex A control: %v", err)
	}
	edit.SecurityDomains = nil
	edit.ControlTypes = []string{"detective"}
	if err := edit.Validate(); errFields(err)["controlTypes"] == "" {
		t.Errorf("Validate accepted other attributes for A.5.7: %v", err)
	}

	custom := &isms.Control{Ref: "ORG-1", Title: "Clean room", Custom: true, Applicability: isms.ApplicabilityNotAssessed, Status: isms.ImplNotStarted,
		ControlAttributes: isms.ControlAttributes{ControlTypes: []string{"preventive"}, SecurityDomains: []string{"protection"}}}
	if err := custom.Validate(); err != nil {
		t.Errorf("custom control with its own attributes: %v", err)
	}
	if a := custom.Attributes(); !slices.Equal(a.ControlTypes, []string{"preventive"}) {
		t.Errorf("custom Attributes() = %+v", a)
	}
	custom.OperationalCapabilities = []string{"Asset_management"}
	custom.SecurityProperties = []string{"integrity", "integrity"}
	fields := errFields(custom.Validate())
	if fields["operationalCapabilities"] == "" || fields["securityProperties"] == "" {
		t.Errorf("bad custom attributes accepted: %v", fields)
	}
	next := *custom
	next.OperationalCapabilities, next.SecurityProperties = []string{"asset_management"}, []string{"integrity"}
	if err := isms.CheckControlChange(custom, &next); err != nil || !slices.Equal(next.OperationalCapabilities, []string{"asset_management"}) {
		t.Errorf("custom control changing its attributes: %v, %+v", err, next.ControlAttributes)
	}
}

// errFields returns the fields an *isms.Error names, nil for any other error.
func errFields(err error) map[string]string {
	var e *isms.Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
