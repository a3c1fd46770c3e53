package overview

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// traceFixture is a small ISMS whose records link in every way the chain follows, and
// whose audits and nonconformities name controls and clauses only in their text.
type traceFixture struct {
	db  *store.DB
	ids map[string]isms.Link // ref (or evidence title) -> record
}

func newTraceFixture(t *testing.T) *traceFixture {
	t.Helper()
	db, err := store.Open("", store.Options{InMemory: true, Clock: func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f := &traceFixture{db: db, ids: map[string]isms.Link{}}
	id := func(ref string) string {
		l, ok := f.ids[ref]
		if !ok {
			t.Fatalf("fixture: no record %q yet", ref)
		}
		return l.ID
	}
	ids := func(refs ...string) []string {
		var out []string
		for _, r := range refs {
			out = append(out, id(r))
		}
		return out
	}
	control := func(ref, title, theme, applicability, status, evidence string, kpis ...string) *isms.Control {
		c := &isms.Control{Ref: ref, Title: title, Theme: theme, Applicability: applicability, Status: status,
			Justification: "decided", Evidence: evidence, KPIIDs: ids(kpis...)}
		if strings.HasPrefix(ref, "CUS") {
			c.Custom, c.Theme = true, ""
		}
		return c
	}
	err = db.Update(func(tx *store.Tx) error {
		create := func(key string, r isms.Record) {
			if err := tx.Create(r, "test"); err != nil {
				t.Fatalf("fixture: create %s: %v", key, err)
			}
			f.ids[key] = isms.Link{Kind: r.Kind(), ID: r.Base().ID}
		}
		kpi := func(ref, name, controlID string) *isms.KPI {
			return &isms.KPI{Ref: ref, Name: name, Frequency: isms.FrequencyMonthly, Direction: isms.HigherIsBetter, Target: 95, Amber: 90, Active: true, ControlID: controlID}
		}
		evidence := func(title string, kind isms.Kind, target string) *isms.Evidence {
			return &isms.Evidence{Title: title, TargetKind: kind, TargetID: id(target), URL: "https://intranet/" + strings.ReplaceAll(title, " ", "-"), AddedOn: "2026-03-01"}
		}
		create("KPI-2", kpi("KPI-2", "Access reviews on time", ""))
		create("A.5.15", control("A.5.15", "Access control", isms.ThemeOrganizational, isms.ApplicabilityApplicable, isms.ImplImplemented, "", "KPI-2"))
		create("A.5.18", control("A.5.18", "Access rights", isms.ThemeOrganizational, isms.ApplicabilityApplicable, isms.ImplInProgress, "HR leaver tickets"))
		create("A.8.24", control("A.8.24", "Use of cryptography", isms.ThemeTechnological, isms.ApplicabilityApplicable, isms.ImplInProgress, ""))
		create("A.7.2", control("A.7.2", "Physical entry", isms.ThemePhysical, isms.ApplicabilityApplicable, isms.ImplImplemented, ""))
		create("A.7.4", control("A.7.4", "Physical security monitoring", isms.ThemePhysical, isms.ApplicabilityNotApplicable, isms.ImplNotApplicable, ""))
		create("CUS-1", control("CUS-1", "Clean desk walk", "", isms.ApplicabilityApplicable, isms.ImplPlanned, ""))
		create("KPI-1", kpi("KPI-1", "Encrypted laptops", id("A.8.24")))
		create("POL-1", &isms.Policy{Ref: "POL-1", Title: "Cryptography policy", DocType: isms.DocPolicy, Status: isms.PolicyDraft, ControlIDs: ids("A.8.24")})
		create("POL-2", &isms.Policy{Ref: "POL-2", Title: "Data protection policy", DocType: isms.DocPolicy, Status: isms.PolicyDraft})
		create("POL-3", &isms.Policy{Ref: "POL-3", Title: "Physical security", DocType: isms.DocPolicy, Status: isms.PolicyDraft, ControlIDs: ids("A.7.2")})
		req := func(ref, title, text string, controls []string, policies ...string) *isms.Requirement {
			return &isms.Requirement{Ref: ref, Title: title, Text: text, SourceType: isms.SourceLegal, Applicable: true,
				Status: isms.CompliancePartial, ControlIDs: controls, PolicyIDs: ids(policies...)}
		}
		create("GDPR-32", req("GDPR-32", "Security of processing", "Encrypt personal data (Art. 5.1).", ids("A.8.24", "A.5.15"), "POL-2"))
		create("NIS2-21", req("NIS2-21", "Cybersecurity risk measures", "", ids("A.8.24")))
		create("ISO-7.2", req("ISO-7.2", "Competence", "ISO/IEC 27001 clause 7.2: determine and evidence competence.", nil))
		create("ACT-1", &isms.Action{Ref: "ACT-1", Title: "Roll out disk encryption", Status: isms.ActionOpen})
		create("R-1", &isms.Risk{Ref: "R-1", Title: "Laptop theft", Likelihood: 3, Impact: 4, Status: isms.RiskTreated, Treatment: isms.TreatMitigate,
			ControlIDs: ids("A.8.24"), ActionIDs: ids("ACT-1")})
		create("R-2", &isms.Risk{Ref: "R-2", Title: "Shadow IT", Likelihood: 2, Impact: 2, Status: isms.RiskIdentified})
		create("R-3", &isms.Risk{Ref: "R-3", Title: "Tailgating", Likelihood: 2, Impact: 3, Status: isms.RiskTreated, Treatment: isms.TreatMitigate, ControlIDs: ids("A.7.2")})
		create("AS-1", &isms.Asset{Ref: "AS-1", Name: "Staff laptops", Type: isms.AssetHardware, Status: isms.AssetInUse, RiskIDs: ids("R-1")})
		create("AS-2", &isms.Asset{Ref: "AS-2", Name: "Customer database", Type: isms.AssetInformation, Status: isms.AssetInUse, ControlIDs: ids("A.5.15")})
		create("key escrow", evidence("key escrow", isms.KindControl, "A.8.24"))
		create("DPIA", evidence("DPIA", isms.KindRequirement, "GDPR-32"))
		create("policy sign-off", evidence("policy sign-off", isms.KindPolicy, "POL-1"))
		create("shadow IT scan", evidence("shadow IT scan", isms.KindRisk, "R-2"))
		create("IA-1", &isms.Audit{Ref: "IA-1", Title: "First internal audit", AuditorName: "Ann Auditor", Status: isms.AuditPlanned,
			Checklist: []isms.ChecklistItem{
				{Ref: "A.8.24", Question: "Are keys managed?", Result: isms.ResultNotChecked},
				{Ref: "7.2", Question: "Is competence evidenced?", Result: isms.ResultNotChecked},                            // a clause, not A.7.2
				{Question: "Are leavers' accounts removed (see A 5.18)?", Result: isms.ResultNotChecked},                     // a control only in the text
				{Ref: "cus-1", Question: "Clean desk walk done?", Result: isms.ResultNotChecked},                             // a custom control, another case
				{Ref: "9.1", Question: "Version 5.15 of the monitoring pack reviewed?", Result: isms.ResultNotChecked},       // a bare number is no control
				{Ref: "6.1.3", Question: "Does the SoA follow the 2013 numbering (A.8.2.3)?", Result: isms.ResultNotChecked}, // not A.8.2
			}})
		create("IA-2", &isms.Audit{Ref: "IA-2", Title: "Access audit", AuditorName: "Ann Auditor", Status: isms.AuditPlanned,
			Checklist: []isms.ChecklistItem{{Ref: "5.15", Question: "Are access rights reviewed?", Result: isms.ResultNotChecked}}})
		create("F-1", &isms.Finding{AuditID: id("IA-1"), Ref: "F-1", Title: "Keys in a wiki page", Severity: isms.SeverityMinor, Clause: "A.8.24"})
		create("F-2", &isms.Finding{AuditID: id("IA-1"), Ref: "F-2", Title: "Training records missing", Severity: isms.SeverityMinor, Clause: "Clause 7.2"})
		nc := func(ref, title, description string) *isms.Nonconformity {
			return &isms.Nonconformity{Ref: ref, Title: title, Description: description, Source: isms.NCSourceOther, Status: isms.NCOpen}
		}
		n1 := nc("NC-1", "Keys in a wiki page", "Raised by finding F-1.")
		n1.FindingID, n1.Source = id("F-1"), isms.NCSourceAudit
		create("NC-1", n1)
		create("NC-2", nc("NC-2", "Private key in a repository", "A private key was committed, contrary to A.8.24."))
		create("NC-3", nc("NC-3", "Old monitoring pack", "Version 5.15 of the pack was used; see IA-01 and Art. 8.24 of the contract."))
		n4 := nc("NC-4", "Unencrypted laptop lost", "One laptop was not encrypted.")
		n4.CorrectiveActionIDs = ids("ACT-1")
		create("NC-4", n4)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// column returns the refs (titles for evidence) of a column's items.
func column(v TraceView, key string) []string {
	for _, c := range v.Columns {
		if c.Key == key {
			out := []string{}
			for _, it := range c.Items {
				if it.Ref != "" {
					out = append(out, it.Ref)
				} else {
					out = append(out, it.Title)
				}
			}
			return out
		}
	}
	return nil
}

// item finds an item of the chain by ref or title.
func item(v TraceView, ref string) (TraceItem, bool) {
	for _, c := range v.Columns {
		for _, it := range c.Items {
			if it.Ref == ref || (it.Ref == "" && it.Title == ref) {
				return it, true
			}
		}
	}
	return TraceItem{}, false
}

func TestTrace(t *testing.T) {
	f := newTraceFixture(t)
	type want struct {
		columns map[string][]string // every column not named here is empty
		via     map[string]string   // ref -> via
		reason  map[string]string   // ref -> one of its reasons
		clauses []string
		gaps    []string
	}
	cases := []struct {
		name  string
		start string
		want  want
	}{
		{"from a legal requirement to its evidence", "GDPR-32", want{
			columns: map[string][]string{
				TraceRequirements: {"GDPR-32", "NIS2-21"},
				TraceRisks:        {"R-1"},
				TraceAssets:       {"AS-1", "AS-2"},
				TraceControls:     {"A.5.15", "A.8.24"},
				TracePolicies:     {"POL-1", "POL-2"},
				TraceKPIs:         {"KPI-1", "KPI-2"},
				TraceEvidence:     {"DPIA", "key escrow", "policy sign-off"},
				TraceAudits:       {"IA-1", "IA-2", "F-1", "NC-1", "NC-2", "NC-4"},
			},
			via: map[string]string{"GDPR-32": TraceStart, "A.8.24": TraceLinked, "IA-1": TraceNamed, "IA-2": TraceNamed,
				"F-1": TraceNamed, "NC-1": TraceLinked, "NC-2": TraceNamed, "NC-4": TraceLinked},
			reason: map[string]string{
				"A.8.24": "covers GDPR-32", "NIS2-21": "covered by A.8.24", "R-1": "treated by A.8.24", "AS-1": "exposed to R-1",
				"AS-2": "protected by A.5.15", "POL-1": "implements A.8.24", "POL-2": "covers GDPR-32", "KPI-1": "measures A.8.24",
				"KPI-2": "measures A.5.15", "key escrow": "evidence of A.8.24", "IA-1": "names A.8.24 in checklist item 1",
				"IA-2": "names A.5.15 in checklist item 1", "F-1": "names A.8.24 in the clause", "NC-1": "raised by F-1",
				"NC-2": "names A.8.24 in the description", "NC-4": "its corrective action ACT-1 also treats R-1",
			},
			gaps: []string{"A.5.15 has no evidence"},
		}},
		{"from a control", "A.8.24", want{
			columns: map[string][]string{
				TraceRequirements: {"GDPR-32", "NIS2-21"},
				TraceRisks:        {"R-1"},
				TraceAssets:       {"AS-1"},
				TraceControls:     {"A.8.24"},
				TracePolicies:     {"POL-1"},
				TraceKPIs:         {"KPI-1"},
				TraceEvidence:     {"DPIA", "key escrow", "policy sign-off"},
				TraceAudits:       {"IA-1", "F-1", "NC-1", "NC-2", "NC-4"},
			},
			via:  map[string]string{"A.8.24": TraceStart, "GDPR-32": TraceLinked},
			gaps: []string{},
		}},
		{"a clause in a checklist is not the control of that number", "A.7.2", want{
			columns: map[string][]string{
				TraceRisks:    {"R-3"},
				TraceControls: {"A.7.2"},
				TracePolicies: {"POL-3"},
			},
			gaps: []string{"A.7.2 has no evidence", "A.7.2 has not been audited"},
		}},
		{"a custom control named in a checklist", "CUS-1", want{
			columns: map[string][]string{TraceControls: {"CUS-1"}, TraceAudits: {"IA-1"}},
			reason:  map[string]string{"IA-1": "names CUS-1 in checklist item 4"},
			gaps:    []string{"CUS-1 has no evidence"},
		}},
		{"a requirement of the standard follows its clause", "ISO-7.2", want{
			columns: map[string][]string{TraceRequirements: {"ISO-7.2"}, TraceAudits: {"IA-1", "F-2"}},
			via:     map[string]string{"IA-1": TraceNamed, "F-2": TraceNamed},
			reason:  map[string]string{"IA-1": "names clause 7.2 in checklist item 2", "F-2": "names clause 7.2 in the clause"},
			clauses: []string{"7.2"},
			gaps:    []string{"ISO-7.2 has no control"},
		}},
		{"an untreated risk", "R-2", want{
			columns: map[string][]string{TraceRisks: {"R-2"}, TraceEvidence: {"shadow IT scan"}},
			gaps:    []string{"R-2 has no control"},
		}},
		{"from a nonconformity through its finding", "NC-1", want{
			columns: map[string][]string{
				TraceRequirements: {"GDPR-32", "NIS2-21"},
				TraceRisks:        {"R-1"},
				TraceAssets:       {"AS-1"},
				TraceControls:     {"A.8.24"},
				TracePolicies:     {"POL-1"},
				TraceKPIs:         {"KPI-1"},
				TraceEvidence:     {"DPIA", "key escrow", "policy sign-off"},
				TraceAudits:       {"NC-1", "IA-1", "F-1", "NC-2", "NC-4"},
			},
			via:    map[string]string{"NC-1": TraceStart, "F-1": TraceLinked, "IA-1": TraceLinked, "A.8.24": TraceNamed},
			reason: map[string]string{"A.8.24": "named in the clause of F-1", "F-1": "raised NC-1"},
			gaps:   []string{},
		}},
		{"from an audit", "IA-1", want{
			columns: map[string][]string{
				TraceRequirements: {"GDPR-32", "ISO-7.2", "NIS2-21"},
				TraceRisks:        {"R-1"},
				TraceAssets:       {"AS-1"},
				TraceControls:     {"A.5.18", "A.8.24", "CUS-1"},
				TracePolicies:     {"POL-1"},
				TraceKPIs:         {"KPI-1"},
				TraceEvidence:     {"DPIA", "key escrow", "policy sign-off"},
				TraceAudits:       {"IA-1", "F-1", "F-2", "NC-1", "NC-2", "NC-4"},
			},
			via:     map[string]string{"A.5.18": TraceNamed, "F-2": TraceLinked, "ISO-7.2": TraceNamed},
			reason:  map[string]string{"A.5.18": "named in checklist item 3 of IA-1", "F-2": "a finding of IA-1", "ISO-7.2": "names clause 7.2 in the text"},
			clauses: []string{"7.2", "9.1", "6.1.3"},
			gaps:    []string{"ISO-7.2 has no control", "CUS-1 has no evidence"},
		}},
		{"from evidence to the control it supports", "key escrow", want{
			columns: map[string][]string{
				TraceRequirements: {"GDPR-32", "NIS2-21"},
				TraceRisks:        {"R-1"},
				TraceAssets:       {"AS-1"},
				TraceControls:     {"A.8.24"},
				TracePolicies:     {"POL-1"},
				TraceKPIs:         {"KPI-1"},
				TraceEvidence:     {"key escrow", "DPIA", "policy sign-off"}, // the start first
				TraceAudits:       {"IA-1", "F-1", "NC-1", "NC-2", "NC-4"},
			},
			via:    map[string]string{"key escrow": TraceStart, "A.8.24": TraceLinked},
			reason: map[string]string{"A.8.24": "supported by key escrow"},
			gaps:   []string{},
		}},
		{"from a KPI listed on its control", "KPI-2", want{
			columns: map[string][]string{
				TraceRequirements: {"GDPR-32"},
				TraceAssets:       {"AS-2"},
				TraceControls:     {"A.5.15"},
				TraceKPIs:         {"KPI-2"},
				TraceEvidence:     {"DPIA"}, // the evidence of GDPR-32, also in the chain
				TraceAudits:       {"IA-2"},
			},
			reason: map[string]string{"A.5.15": "measured by KPI-2"},
			gaps:   []string{"A.5.15 has no evidence"},
		}},
		{"from a policy", "POL-2", want{
			columns: map[string][]string{TraceRequirements: {"GDPR-32"}, TracePolicies: {"POL-2"}, TraceEvidence: {"DPIA"}},
			reason:  map[string]string{"GDPR-32": "covered by POL-2"},
			gaps:    []string{},
		}},
		{"from an asset through its risk", "AS-1", want{
			columns: map[string][]string{
				TraceRequirements: {"GDPR-32", "NIS2-21"},
				TraceRisks:        {"R-1"},
				TraceAssets:       {"AS-1"},
				TraceControls:     {"A.8.24"},
				TracePolicies:     {"POL-1"},
				TraceKPIs:         {"KPI-1"},
				TraceEvidence:     {"DPIA", "key escrow", "policy sign-off"},
				TraceAudits:       {"IA-1", "F-1", "NC-1", "NC-2", "NC-4"},
			},
			reason: map[string]string{"R-1": "a risk to AS-1", "A.8.24": "treats R-1"},
			gaps:   []string{},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := f.ids[c.start]
			var v TraceView
			if err := f.db.View(func(tx *store.Tx) (err error) { v, err = Trace(tx, start.Kind, start.ID); return err }); err != nil {
				t.Fatal(err)
			}
			if v.Start.ID != start.ID || v.Start.Via != TraceStart {
				t.Errorf("start %+v, want %s", v.Start, c.start)
			}
			if len(v.Columns) != len(traceColumns) {
				t.Fatalf("%d columns, want %d", len(v.Columns), len(traceColumns))
			}
			size := 0
			for _, col := range v.Columns {
				want := c.want.columns[col.Key]
				got := column(v, col.Key)
				if !slices.Equal(got, want) {
					t.Errorf("column %s: %q, want %q", col.Key, got, want)
				}
				size += len(got)
				if slices.Contains(got, c.start) {
					size--
					if got[0] != c.start {
						t.Errorf("column %s: the start record %s is not first: %q", col.Key, c.start, got)
					}
				}
			}
			if v.Size != size {
				t.Errorf("size %d, want %d", v.Size, size)
			}
			for ref, via := range c.want.via {
				it, ok := item(v, ref)
				if !ok || it.Via != via || it.ViaLabel != TraceVias.Label(via) {
					t.Errorf("%s: via %q (%q), want %q", ref, it.Via, it.ViaLabel, via)
				}
			}
			for ref, reason := range c.want.reason {
				it, _ := item(v, ref)
				if !slices.Contains(it.Reasons, reason) {
					t.Errorf("%s: reasons %q, want %q among them", ref, it.Reasons, reason)
				}
			}
			var clauses []string
			for _, cl := range v.Clauses {
				clauses = append(clauses, cl.Ref)
				if cl.Title == "" {
					t.Errorf("clause %s has no title", cl.Ref)
				}
			}
			if !slices.Equal(clauses, c.want.clauses) {
				t.Errorf("clauses %q, want %q", clauses, c.want.clauses)
			}
			var gaps []string
			for _, g := range v.Gaps {
				gaps = append(gaps, g.Message)
			}
			if !slices.Equal(gaps, c.want.gaps) {
				t.Errorf("gaps %q, want %q", gaps, c.want.gaps)
			}
			total := 0
			for _, gc := range v.GapCounts {
				total += gc.Count
			}
			if len(v.GapCounts) != len(TraceGaps) || total != len(v.Gaps) {
				t.Errorf("gap counts %+v for %d gaps", v.GapCounts, len(v.Gaps))
			}
		})
	}
}

// TestTraceItems: items carry their kind, status and status label, and a missing start
// record is a not-found error.
func TestTraceItems(t *testing.T) {
	f := newTraceFixture(t)
	start := f.ids["GDPR-32"]
	err := f.db.View(func(tx *store.Tx) error {
		v, err := Trace(tx, start.Kind, start.ID)
		if err != nil {
			return err
		}
		checks := []struct {
			ref, kindLabel, status, statusLabel string
		}{
			{"GDPR-32", "Requirement", isms.CompliancePartial, "Partially compliant"},
			{"A.8.24", "Control", isms.ImplInProgress, "In progress"},
			{"R-1", "Risk", isms.RiskTreated, "Treated"},
			{"F-1", "Audit finding", isms.SeverityMinor, "Minor nonconformity"},
			{"NC-2", "Nonconformity", isms.NCOpen, "Open"},
			{"KPI-1", "KPI", "", ""},
		}
		for _, c := range checks {
			it, ok := item(v, c.ref)
			if !ok || it.KindLabel != c.kindLabel || it.Status != c.status || it.StatusLabel != c.statusLabel || it.Title == "" {
				t.Errorf("%s: %+v, want %s %q %q", c.ref, it, c.kindLabel, c.status, c.statusLabel)
			}
		}
		_, err = Trace(tx, isms.KindRequirement, "no-such-id")
		if isms.ErrorCode(err) != isms.CodeNotFound {
			t.Errorf("missing start: error %v, want not found", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTraceDemo: every record of the demo organisation can be traced, and a requirement's
// chain reaches its controls' evidence.
func TestTraceDemo(t *testing.T) {
	db := demoDB(t)
	err := db.View(func(tx *store.Tx) error {
		for _, k := range isms.Kinds() {
			rows, err := Rows(tx, k)
			if err != nil {
				return err
			}
			for _, r := range rows {
				v, err := Trace(tx, k, r.ID)
				if err != nil {
					t.Errorf("trace %s %s: %v", k, r.ID, err)
					continue
				}
				seen := map[string]bool{}
				for _, c := range v.Columns {
					for _, it := range c.Items {
						key := string(it.Kind) + "/" + it.ID
						if seen[key] {
							t.Errorf("trace %s %s: %s twice", k, r.Ref, key)
						}
						seen[key] = true
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRefsInText(t *testing.T) {
	cases := []struct {
		text     string
		controls []string
		clauses  []string
	}{
		{"contrary to A.8.24.", []string{"A.8.24"}, nil},
		{"see A 5.15 and A5.18", []string{"A.5.15", "A.5.18"}, nil},
		{"Annex A.05.01 and Annex A 8.1", []string{"A.5.1", "A.8.1"}, nil},
		{"control 5.15, Controls 8.24", []string{"A.5.15", "A.8.24"}, nil},
		{"version 5.15 of the tool", nil, nil},
		{"Art. 8.24 of the contract", nil, nil},
		{"IA-01 and DATA 5.15", nil, nil},
		{"a 5.15 hour outage", nil, nil},
		{"the 2013 A.9.2.1 and A.8.2.3", nil, nil},
		{"A.5.155 and A.9.9", nil, nil},
		{"per clause 7.2 and Clause 9.3.2.", nil, []string{"7.2", "9.3.2"}},
		{"clauses 4 to 10", nil, []string{"4"}},
		{"clause 7.25 or clause 7.2.1", nil, nil},
		{"A.5.15 (clause 9.2)", []string{"A.5.15"}, []string{"9.2"}},
	}
	for _, c := range cases {
		controls, clauses := refsInText(c.text)
		if !slices.Equal(controls, c.controls) || !slices.Equal(clauses, c.clauses) {
			t.Errorf("%q: controls %q clauses %q, want %q %q", c.text, controls, clauses, c.controls, c.clauses)
		}
	}
}

func TestRefsInField(t *testing.T) {
	cases := []struct {
		field    string
		controls []string
		clauses  []string
	}{
		{"", nil, nil},
		{"A.5.15", []string{"A.5.15"}, nil},
		{"a.5.15", []string{"A.5.15"}, nil},
		{"5.15", []string{"A.5.15"}, nil},
		{"7.2", nil, []string{"7.2"}},
		{"Clause 9.3.2", nil, []string{"9.3.2"}},
		{"5.2", nil, []string{"5.2"}},
		{"A.5.2", []string{"A.5.2"}, nil},
		{"A.5.15, A.5.16", []string{"A.5.15", "A.5.16"}, nil},
		{"CUS-1", []string{"CUS-1"}, nil},
	}
	for _, c := range cases {
		controls, clauses := refsInField(c.field)
		if !slices.Equal(controls, c.controls) || !slices.Equal(clauses, c.clauses) {
			t.Errorf("%q: controls %q clauses %q, want %q %q", c.field, controls, clauses, c.controls, c.clauses)
		}
	}
}

func TestNaturalCompare(t *testing.T) {
	refs := []string{"A.5.15", "A.8.1", "A.5.2", "a.5.10", "R-10", "R-2", ""}
	slices.SortFunc(refs, naturalCompare)
	want := []string{"", "A.5.2", "a.5.10", "A.5.15", "A.8.1", "R-2", "R-10"}
	if !slices.Equal(refs, want) {
		t.Errorf("sorted %q, want %q", refs, want)
	}
}
