package seed

import (
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// SourceDemo is the history source of the records Demo creates or changes.
const SourceDemo = "demo"

// SettingDemo is the setting Demo writes (the date it ran).
const SettingDemo = "demo"

// DemoOrganisation is the name of the sample organisation.
const DemoOrganisation = "Northwind Analytics Ltd"

// Demo fills a database that holds nothing but the first-run seed with a sample
// organisation, Northwind Analytics Ltd, a SaaS company of about 40 people, with records of
// every kind dated relative to today. It runs FirstRun first when needed, and refuses with
// CodeInvalid when the database already has records of its own. It writes a record at a
// time through b (the sample is more than one transaction holds): all of it or nothing.
func Demo(b *store.Batch, today isms.Date) error {
	d := &demo{b: b, today: today, roles: map[string]string{}, people: map[string]string{},
		controls: map[string]*isms.Control{}}
	err := b.Do(func(tx *store.Tx) error {
		d.tx = tx // the batch's transaction, for the reads between writes
		if err := FirstRun(tx, today); err != nil {
			return err
		}
		return checkEmpty(tx)
	})
	if err != nil {
		return err
	}
	steps := []func(){
		d.loadSeed, d.addPeople, d.decideControls, d.addPolicies, d.addRequirements, d.addParties,
		d.addRisks, d.addAssets, d.addIssues, d.addObjectivesAndKPIs, d.addTraining, d.addAwareness, d.addAudit,
		d.addReviews, d.addFeedback, d.addNonconformities, d.addImprovements, d.updateMilestones, d.addEvidence,
	}
	for _, step := range steps {
		if step(); d.err != nil {
			return d.err
		}
	}
	return b.Do(func(tx *store.Tx) error {
		if err := tx.SetSetting(SettingDemo, string(today)); err != nil {
			return fmt.Errorf("seed: unable to write the %q setting: %w", SettingDemo, err)
		}
		return nil
	})
}

// checkEmpty refuses a database that holds records beyond the first-run seed.
func checkEmpty(tx *store.Tx) error {
	refuse := isms.Errorf(isms.CodeInvalid, "the database already has records; demo needs an empty database")
	standard := map[string]bool{}
	for _, r := range isms.StandardRoles() {
		standard[r.Name] = true
	}
	for _, k := range isms.Kinds() {
		recs, err := tx.List(k)
		if err != nil {
			return fmt.Errorf("seed: unable to list %s: %w", k.Plural(), err)
		}
		for _, r := range recs {
			seeded := r.Base().Version == 1
			switch rec := r.(type) {
			case *isms.Control:
				seeded = seeded && !rec.Custom
			case *isms.Role:
				seeded = seeded && standard[rec.Name]
			case *isms.Milestone:
			default:
				seeded = false
			}
			if !seeded {
				return refuse
			}
		}
	}
	return nil
}

// demo builds the sample organisation; the first error sticks and stops further writes.
type demo struct {
	b        *store.Batch
	tx       *store.Tx // the batch's transaction: reads only, writes go through b.Do
	today    isms.Date
	err      error
	roles    map[string]string        // role name -> ID
	people   map[string]string        // short name -> ID
	controls map[string]*isms.Control // Annex A ref -> control
	policies map[string]string        // policy ref -> ID
	reqs     map[string]string        // requirement ref -> ID
	risks    map[string]string        // risk ref -> ID
	kpis     map[string]string        // KPI ref -> ID
	findings map[string]*isms.Finding // finding ref -> finding
	reviewID string                   // the past management review
	feedback []*isms.Feedback
	ncs      map[string]string // nonconformity ref -> ID
}

// day returns today moved by n days.
func (d *demo) day(n int) isms.Date { return d.today.AddDate(0, 0, n) }

// create stores a new record and returns its ID.
func (d *demo) create(rec isms.Record) string {
	if d.err != nil {
		return ""
	}
	if err := d.b.Do(func(tx *store.Tx) error { return tx.Create(rec, SourceDemo) }); err != nil {
		d.err = fmt.Errorf("seed: demo: unable to create %s %q: %w", rec.Kind(), label(rec), err)
		return ""
	}
	return rec.Base().ID
}

// put stores a new version of a record.
func (d *demo) put(rec isms.Record) {
	if d.err != nil {
		return
	}
	if err := d.b.Do(func(tx *store.Tx) error { return tx.Put(rec, SourceDemo) }); err != nil {
		d.err = fmt.Errorf("seed: demo: unable to update %s %q: %w", rec.Kind(), label(rec), err)
	}
}

func label(rec isms.Record) string {
	t := rec.Terms()
	if t.Ref != "" {
		return t.Ref
	}
	return t.Title
}

// ctl returns the IDs of the Annex A controls with the given refs.
func (d *demo) ctl(refs ...string) []string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		c, ok := d.controls[r]
		if !ok {
			d.err = fmt.Errorf("seed: demo: control %s is missing", r)
			return nil
		}
		out = append(out, c.ID)
	}
	return out
}

// who returns the IDs of people by short name.
func (d *demo) who(names ...string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, d.person(n))
	}
	return out
}

func (d *demo) person(name string) string {
	id, ok := d.people[name]
	if !ok && d.err == nil {
		d.err = fmt.Errorf("seed: demo: person %s is missing", name)
	}
	return id
}

func (d *demo) loadSeed() {
	roles, err := d.tx.List(isms.KindRole)
	if err != nil {
		d.err = err
		return
	}
	for _, r := range roles {
		d.roles[r.(*isms.Role).Name] = r.Base().ID
	}
	controls, err := d.tx.List(isms.KindControl)
	if err != nil {
		d.err = err
		return
	}
	for _, c := range controls {
		c := c.(*isms.Control)
		d.controls[c.Ref] = c
	}
}

func (d *demo) addPeople() {
	d.roles["Developers"] = d.create(&isms.Role{Name: "Developers",
		Responsibilities: "Build and run the Northwind platform following the secure development standard; fix vulnerabilities within the agreed times; take part in code review."})
	emp := d.roles[isms.RoleEmployees]
	people := []struct {
		key, name, dept, job string
		roles                []string
		active               bool
	}{
		{"olivia", "Olivia Carter", "Leadership", "Chief Executive Officer", []string{isms.RoleSeniorManagement}, true},
		{"james", "James Whitfield", "Engineering", "Chief Technology Officer", []string{isms.RoleSeniorManagement, "Developers"}, true},
		{"marcus", "Marcus Bell", "Finance", "Chief Financial Officer", []string{isms.RoleSeniorManagement}, true},
		{"priya", "Priya Shah", "Security & Compliance", "Head of Security and Compliance", []string{isms.RoleISMSManager}, true},
		{"daniel", "Daniel Okafor", "Security & Compliance", "Security Engineer", []string{isms.RoleSecurityOfficer}, true},
		{"emma", "Emma Lindqvist", "People", "People and Talent Lead", []string{isms.RoleHRTraining}, true},
		{"sophie", "Sophie Turner", "Operations", "Quality and Operations Manager", []string{isms.RoleInternalAudit}, true},
		{"aisha", "Aisha Rahman", "Engineering", "Lead DevOps Engineer", []string{"Developers"}, true},
		{"tom", "Tom Nguyen", "Engineering", "Senior Software Engineer", []string{"Developers"}, true},
		{"ravi", "Ravi Patel", "Data", "Data Scientist", []string{"Developers"}, true},
		{"lucy", "Lucy Evans", "Customer Success", "Customer Success Manager", nil, true},
		{"hannah", "Hannah Scott", "Operations", "Office and IT Administrator", nil, true},
		{"leo", "Leo Martins", "Sales", "Account Executive", nil, false},
	}
	for _, p := range people {
		roleIDs := []string{emp}
		for _, r := range p.roles {
			roleIDs = append(roleIDs, d.roles[r])
		}
		email := strings.ReplaceAll(strings.ToLower(p.name), " ", ".") + "@northwind-analytics.example"
		d.people[p.key] = d.create(&isms.Person{Name: p.name, Email: email, Department: p.dept, JobTitle: p.job,
			RoleIDs: roleIDs, Active: p.active})
	}
}

// exclusions are the Annex A controls Northwind excludes, with the justification.
var exclusions = map[string]string{
	"A.7.11": "Excluded: Northwind has no on-premises servers; the serviced office's landlord provides power and HVAC and production runs in AWS, whose utilities are covered by the supplier controls (A.5.19-A.5.23).",
	"A.7.12": "Excluded: the office network is Wi-Fi only and the cabling belongs to the serviced-office landlord; no Northwind data or power cabling exists.",
	"A.8.30": "Excluded: all software is developed in-house by employees; no development is outsourced. Revisit if contractors are engaged.",
}

// justifications give specific reasons for inclusion; other controls get their theme's reason.
var justifications = map[string]string{
	"A.5.1":  "Required by clause 5.2 and by enterprise customer contracts (MSA security schedule).",
	"A.5.7":  "Threat intelligence informs the risk assessment (R-002 ransomware, R-004 phishing).",
	"A.5.15": "Treats R-005 (excessive access) and meets GDPR Art. 32 and customer contracts.",
	"A.5.18": "Treats R-005 and R-006 (leaver access); audit finding IA-F2.",
	"A.5.23": "Production runs on AWS and staff use about 30 SaaS tools; treats R-007.",
	"A.5.24": "Needed to meet the 24-hour customer breach notification clause and GDPR Art. 33.",
	"A.5.30": "Treats R-003 (AWS region outage) and the 99.9% availability SLA.",
	"A.5.34": "Northwind processes customer personal data as a processor (GDPR Art. 28).",
	"A.6.3":  "Treats R-004 (phishing); required by clause 7.2 and 7.3.",
	"A.8.7":  "Treats R-002 (ransomware) on company laptops.",
	"A.8.8":  "Treats R-001 (unpatched vulnerabilities in the platform).",
	"A.8.13": "Treats R-002 and R-003; customers require a 24-hour RPO.",
	"A.8.24": "Customer data is encrypted at rest and in transit (GDPR Art. 32, contracts).",
	"A.8.25": "Northwind develops its own SaaS platform; treats R-001 and R-008.",
	"A.8.28": "Northwind develops its own SaaS platform; treats R-008 (injection flaws).",
}

var themeReasons = map[string]string{
	isms.ThemeOrganizational: "Needed to govern information security across the company and to treat risks in the risk register.",
	isms.ThemePeople:         "All 40 employees handle customer data; needed to treat people-related risks (R-004, R-006).",
	isms.ThemePhysical:       "Staff work from the London office and from home with company laptops; needed to protect equipment and paper records.",
	isms.ThemeTechnological:  "The SaaS platform and company laptops process customer data; needed to treat technical risks in the risk register.",
}

var themeOwners = map[string]string{
	isms.ThemeOrganizational: "priya", isms.ThemePeople: "emma", isms.ThemePhysical: "hannah", isms.ThemeTechnological: "daniel",
}

func (d *demo) decideControls() {
	for i, cc := range isms.AnnexA() {
		c := d.controls[cc.Ref]
		if c == nil {
			d.err = fmt.Errorf("seed: demo: control %s is missing", cc.Ref)
			return
		}
		c.OwnerID = d.person(themeOwners[c.Theme])
		if strings.HasPrefix(c.Ref, "A.8.") && i%3 == 0 {
			c.OwnerID = d.person("aisha")
		}
		if why, ok := exclusions[c.Ref]; ok {
			c.Applicability, c.Justification, c.Status = isms.ApplicabilityNotApplicable, why, isms.ImplNotApplicable
			d.put(c)
			continue
		}
		c.Applicability = isms.ApplicabilityApplicable
		c.Justification = justifications[c.Ref]
		if c.Justification == "" {
			c.Justification = themeReasons[c.Theme]
		}
		switch i % 10 {
		case 0, 1, 2, 3, 4, 5:
			c.Status = isms.ImplImplemented
			c.Evidence = "Evidence folder ISMS/Controls/" + c.Ref
		case 6, 7:
			c.Status = isms.ImplInProgress
			c.ImplementationPlan = "Finish rolling out and document the procedure; owner reports progress monthly."
			c.DueDate = d.day(30 + 7*(i%5))
			if i%4 == 0 {
				c.DueDate = d.day(-14) // late
			}
		case 8:
			c.Status = isms.ImplPlanned
			c.ImplementationPlan = "Planned for the next quarter; budget approved at the last management review."
			c.DueDate = d.day(90)
		default:
			c.Status = isms.ImplNotStarted
			c.ImplementationPlan = "To be planned after the certification stage 1 audit."
			c.DueDate = d.day(150)
		}
		if i%5 == 0 {
			c.Metric = "Reviewed quarterly by the control owner; exceptions reported to the ISMS Manager."
		}
		d.put(c)
	}
	for ref, status := range map[string]string{"A.5.1": isms.ImplImplemented, "A.5.15": isms.ImplImplemented,
		"A.5.18": isms.ImplInProgress, "A.6.3": isms.ImplImplemented, "A.8.8": isms.ImplImplemented,
		"A.8.13": isms.ImplImplemented, "A.8.7": isms.ImplInProgress, "A.5.24": isms.ImplImplemented} {
		c := d.controls[ref]
		c.Status = status
		c.ImplementationPlan, c.DueDate = "", ""
		if status == isms.ImplInProgress {
			c.ImplementationPlan, c.DueDate = "Automate and evidence the process (see improvement IMP-01 and risk treatment actions).", d.day(45)
		}
		d.put(c)
	}
}

func (d *demo) addPolicies() {
	d.policies = map[string]string{}
	ok := func(by string, at int, comment string) isms.Approval {
		return isms.Approval{ApproverID: d.person(by), Decision: isms.DecisionApproved, At: d.day(at), Comment: comment}
	}
	policies := []*isms.Policy{
		{Ref: "POL-01", Title: "Information Security Policy", DocType: isms.DocPolicy, Status: isms.PolicyInReview,
			OwnerID: d.person("priya"), ApproverID: d.person("olivia"), ReviewCycleMonths: 12,
			LastReviewed: d.day(-200), NextReviewDate: d.day(165), ControlIDs: d.ctl("A.5.1", "A.5.2", "A.5.4"),
			Versions: []isms.PolicyVersion{
				{Number: "1.0", Summary: "First issue for the ISMS programme.", Text: "Northwind Analytics Ltd protects the confidentiality, integrity and availability of customer and company information...",
					Status: isms.PolicyPublished, AuthorID: d.person("priya"), CreatedOn: d.day(-215), PublishedOn: d.day(-200),
					Approvals: []isms.Approval{ok("olivia", -202, "Approved by the board.")}},
				{Number: "1.1", Summary: "Adds NIS2 supply-chain commitments and the AI tools rule.", Text: "Northwind Analytics Ltd protects ... (1.1 draft with NIS2 and AI tools sections)",
					Status: isms.PolicyInReview, AuthorID: d.person("priya"), CreatedOn: d.day(-12)},
			}},
		{Ref: "POL-02", Title: "Access Control Policy", DocType: isms.DocPolicy, Status: isms.PolicyPublished,
			OwnerID: d.person("daniel"), ApproverID: d.person("james"), ReviewCycleMonths: 6,
			LastReviewed: d.day(-190), NextReviewDate: d.day(-8), ControlIDs: d.ctl("A.5.15", "A.5.16", "A.5.17", "A.5.18", "A.8.2", "A.8.5"),
			Versions: []isms.PolicyVersion{
				{Number: "1.0", Summary: "First issue.", Text: "Access is granted on the principle of least privilege...", Status: isms.PolicyPublished,
					AuthorID: d.person("daniel"), CreatedOn: d.day(-200), PublishedOn: d.day(-190),
					Approvals: []isms.Approval{ok("james", -191, "")}},
			}},
		{Ref: "POL-03", Title: "Acceptable Use Policy", DocType: isms.DocPolicy, Status: isms.PolicyApproved,
			OwnerID: d.person("emma"), ApproverID: d.person("olivia"), ReviewCycleMonths: 12, NextReviewDate: d.day(360),
			ControlIDs: d.ctl("A.5.10", "A.6.7", "A.8.1"),
			Versions: []isms.PolicyVersion{
				{Number: "1.0", Summary: "First issue, covering remote work and personal devices.", Text: "Company equipment and accounts are provided for business use...",
					Status: isms.PolicyApproved, AuthorID: d.person("emma"), CreatedOn: d.day(-30),
					Approvals: []isms.Approval{ok("olivia", -3, "Publish with the next all-hands.")}},
			}},
		{Ref: "PRO-01", Title: "Incident Response Procedure", DocType: isms.DocProcedure, Status: isms.PolicyDraft,
			OwnerID: d.person("daniel"), ApproverID: d.person("james"), ReviewCycleMonths: 12, ControlIDs: d.ctl("A.5.24", "A.5.25", "A.5.26", "A.5.27"),
			Versions: []isms.PolicyVersion{
				{Number: "0.9", Summary: "First draft.", Text: "When a security event is reported...", Status: isms.PolicyRejected,
					AuthorID: d.person("daniel"), CreatedOn: d.day(-60),
					Approvals: []isms.Approval{{ApproverID: d.person("james"), Decision: isms.DecisionRejected, At: d.day(-40),
						Comment: "Add the 24-hour customer notification and the GDPR 72-hour clock; name an incident commander rota."}}},
				{Number: "1.0", Summary: "Adds customer and ICO notification timelines and the on-call rota.", Text: "When a security event is reported... (revised)",
					Status: isms.PolicyDraft, AuthorID: d.person("daniel"), CreatedOn: d.day(-20)},
			}},
		{Ref: "STD-01", Title: "Secure Development Standard", DocType: isms.DocStandard, Status: isms.PolicyDraft,
			OwnerID: d.person("james"), ApproverID: d.person("marcus"), ReviewCycleMonths: 12, ControlIDs: d.ctl("A.8.25", "A.8.26", "A.8.28", "A.8.29"),
			Versions: []isms.PolicyVersion{
				{Number: "1.0", Summary: "First draft based on OWASP ASVS level 2.", Text: "All code changes are reviewed by a second engineer...",
					Status: isms.PolicyDraft, AuthorID: d.person("tom"), CreatedOn: d.day(-9)},
			}},
	}
	for _, p := range policies {
		d.policies[p.Ref] = d.create(p)
	}
}

func (d *demo) addRequirements() {
	d.reqs = map[string]string{}
	type req struct {
		ref, title, srcType, src, owner, status, text string
		controls                                      []string
		policies                                      []string
	}
	const (
		L, R, C, B = isms.SourceLegal, isms.SourceRegulatory, isms.SourceContractual, isms.SourceBusiness
		ok, part   = isms.ComplianceCompliant, isms.CompliancePartial
		no, na     = isms.ComplianceNonCompliant, isms.ComplianceNotAssessed
	)
	reqs := []req{
		{"GDPR-5", "Principles relating to processing of personal data", L, "UK GDPR Art. 5", "priya", ok, "Personal data shall be processed lawfully, fairly and transparently, limited to its purpose, minimised, accurate, kept no longer than necessary and secured.", []string{"A.5.34"}, nil},
		{"GDPR-24", "Responsibility of the controller", L, "UK GDPR Art. 24", "priya", ok, "Implement appropriate technical and organisational measures and be able to demonstrate compliance.", []string{"A.5.1", "A.5.31"}, []string{"POL-01"}},
		{"GDPR-25", "Data protection by design and by default", L, "UK GDPR Art. 25", "james", part, "Implement data protection by design and by default in the platform.", []string{"A.8.25", "A.8.27", "A.8.11"}, []string{"STD-01"}},
		{"GDPR-28", "Processor obligations", L, "UK GDPR Art. 28", "priya", ok, "Process customer personal data only on documented instructions, with confidentiality, security, sub-processor and assistance obligations.", []string{"A.5.19", "A.5.20", "A.5.34"}, nil},
		{"GDPR-30", "Records of processing activities", L, "UK GDPR Art. 30", "priya", part, "Maintain a record of processing activities carried out on behalf of each controller.", []string{"A.5.9", "A.5.34"}, nil},
		{"GDPR-32", "Security of processing", L, "UK GDPR Art. 32", "daniel", part, "Ensure a level of security appropriate to the risk, including encryption, resilience, restore and regular testing.", []string{"A.8.24", "A.8.13", "A.5.15", "A.8.8"}, []string{"POL-01", "POL-02"}},
		{"GDPR-33", "Notification of a personal data breach to the ICO", L, "UK GDPR Art. 33", "daniel", part, "Notify the controller without undue delay; as controller notify the ICO within 72 hours.", []string{"A.5.24", "A.5.26"}, []string{"PRO-01"}},
		{"GDPR-34", "Communication of a breach to data subjects", L, "UK GDPR Art. 34", "priya", na, "Communicate a high-risk breach to data subjects without undue delay.", []string{"A.5.26"}, nil},
		{"GDPR-35", "Data protection impact assessment", L, "UK GDPR Art. 35", "priya", no, "Carry out a DPIA before high-risk processing, e.g. new profiling features.", []string{"A.5.34"}, nil},
		{"DPA-2018", "Data Protection Act 2018 registration fee", L, "Data Protection Act 2018", "marcus", ok, "Pay the data protection fee to the ICO annually.", nil, nil},
		{"NIS2-21", "Cybersecurity risk-management measures", R, "NIS2 Directive Art. 21 (EU customers' supply-chain flow-down)", "priya", part, "Take appropriate technical, operational and organisational measures, including supply-chain security, incident handling, business continuity and MFA.", []string{"A.5.19", "A.5.21", "A.5.29", "A.8.5"}, []string{"POL-01"}},
		{"NIS2-23", "Incident reporting obligations", R, "NIS2 Directive Art. 23 (flow-down)", "daniel", no, "Report significant incidents: early warning within 24 hours, notification within 72 hours, final report within one month.", []string{"A.5.24", "A.5.26"}, []string{"PRO-01"}},
		{"CON-MSA-01", "Enterprise MSA security schedule", C, "Enterprise Master Services Agreement, Schedule 3", "lucy", part, "Maintain ISO 27001-aligned controls, annual penetration tests and a named security contact.", []string{"A.5.1", "A.8.8", "A.5.35"}, []string{"POL-01"}},
		{"CON-MSA-02", "24-hour breach notification to customers", C, "Enterprise MSA, clause 12.3", "daniel", part, "Notify the customer within 24 hours of becoming aware of a security breach affecting their data.", []string{"A.5.24", "A.5.26"}, []string{"PRO-01"}},
		{"CON-MSA-03", "Customer right to audit", C, "Enterprise MSA, clause 14", "priya", ok, "Allow one customer audit a year or provide an independent certification report.", []string{"A.5.35", "A.5.36"}, nil},
		{"CON-DPA-01", "Customer data processing agreements", C, "Customer DPAs", "priya", ok, "Comply with each customer's DPA, including sub-processor notification 30 days in advance.", []string{"A.5.19", "A.5.20", "A.5.34"}, nil},
		{"CON-SLA-01", "99.9% monthly availability", C, "Service Level Agreement", "aisha", ok, "The platform is available 99.9% of each month, excluding announced maintenance.", []string{"A.8.14", "A.5.30", "A.8.16"}, nil},
		{"CON-INS-01", "Cyber insurance conditions", C, "Cyber insurance policy schedule", "marcus", part, "MFA on all remote access and e-mail, offline backups, and EDR on endpoints.", []string{"A.8.5", "A.8.13", "A.8.7"}, nil},
		{"PCI-SAQA", "Card payments through Stripe only", C, "PCI DSS SAQ A (via Stripe)", "marcus", ok, "Card data is handled only by Stripe's hosted fields; complete SAQ A annually.", []string{"A.5.19"}, nil},
		{"BUS-01", "ISO 27001 certification within 12 months", B, "Board decision", "olivia", part, "Achieve ISO/IEC 27001:2022 certification to win enterprise deals.", []string{"A.5.1", "A.5.35"}, []string{"POL-01"}},
		{"BUS-02", "Customer data stays in the UK and EU", B, "Sales commitment", "james", ok, "Host customer data only in AWS eu-west-2 and eu-west-1.", []string{"A.5.23", "A.5.34"}, nil},
		{"BUS-03", "Recovery point objective of 24 hours", B, "Business continuity plan", "aisha", ok, "No more than 24 hours of customer data may be lost in a disaster.", []string{"A.8.13", "A.5.30"}, nil},
		{"ISO-4.3", "Scope of the ISMS", B, "ISO/IEC 27001:2022 clause 4.3", "priya", ok, "Determine and document the boundaries and applicability of the ISMS.", nil, []string{"POL-01"}},
		{"ISO-6.1.3", "Statement of Applicability", B, "ISO/IEC 27001:2022 clause 6.1.3 d)", "priya", part, "Produce a Statement of Applicability with justifications for inclusion and exclusion.", []string{"A.5.1"}, nil},
		{"ISO-9.2", "Internal audit programme", B, "ISO/IEC 27001:2022 clause 9.2", "sophie", ok, "Conduct internal audits at planned intervals.", []string{"A.5.35"}, nil},
	}
	for i, r := range reqs {
		var pols []string
		for _, p := range r.policies {
			pols = append(pols, d.policies[p])
		}
		rec := &isms.Requirement{Ref: r.ref, Title: r.title, Text: r.text, SourceType: r.srcType, Source: r.src,
			OwnerID: d.person(r.owner), Applicable: true, Status: r.status, ControlIDs: d.ctl(r.controls...), PolicyIDs: pols,
			DueDate: d.day(30 + 20*i)}
		if r.status == isms.ComplianceCompliant {
			rec.Evidence = "ISMS/Evidence/" + r.ref
			rec.DueDate = d.day(180 + 5*i)
		}
		if r.ref == "GDPR-34" {
			rec.Notes = "Northwind is mostly a processor; applies to its own employee and marketing data."
		}
		if r.ref == "PCI-SAQA" {
			rec.Status, rec.Applicable = isms.ComplianceNotApplicable, false
			rec.Notes = "Card payments moved fully to Stripe Checkout; no card data touches Northwind systems."
		}
		d.reqs[r.ref] = d.create(rec)
	}
}

func (d *demo) addParties() {
	parties := []*isms.Party{
		{Ref: "IP-01", Name: "Enterprise customers", Category: isms.PartyCustomer, Influence: isms.InfluenceHigh, OwnerID: d.person("lucy"),
			Needs:          "Evidence of ISO 27001-aligned security, 24-hour breach notification, right to audit, data kept in the UK/EU.",
			RequirementIDs: []string{d.reqs["CON-MSA-01"], d.reqs["CON-MSA-02"], d.reqs["CON-MSA-03"], d.reqs["BUS-02"]},
			LastReviewed:   d.day(-95), NextReview: d.day(85), ChangedSinceReview: true,
			ChangeNote: "Two prospects now ask for NIS2 supply-chain clauses in security questionnaires."},
		{Ref: "IP-02", Name: "Employees", Category: isms.PartyEmployee, Internal: true, Influence: isms.InfluenceMedium, OwnerID: d.person("emma"),
			Needs:        "Clear, practical security rules; flexible remote working; training that respects their time.",
			LastReviewed: d.day(-95), NextReview: d.day(85)},
		{Ref: "IP-03", Name: "Information Commissioner's Office (ICO)", Category: isms.PartyRegulator, Influence: isms.InfluenceHigh, OwnerID: d.person("priya"),
			Needs:          "Compliance with UK GDPR and the Data Protection Act 2018, breach reports within 72 hours.",
			RequirementIDs: []string{d.reqs["GDPR-32"], d.reqs["GDPR-33"], d.reqs["DPA-2018"]},
			LastReviewed:   d.day(-95), NextReview: d.day(270)},
		{Ref: "IP-04", Name: "Amazon Web Services", Category: isms.PartySupplier, Influence: isms.InfluenceHigh, OwnerID: d.person("aisha"),
			Needs:        "Customer responsibilities under the shared responsibility model; acceptable use.",
			LastReviewed: d.day(-150), NextReview: d.day(30)},
		{Ref: "IP-05", Name: "Board and investors", Category: isms.PartyOwner, Influence: isms.InfluenceHigh, OwnerID: d.person("olivia"),
			Needs:          "ISO 27001 certification to support enterprise sales; no reportable breaches; insurable risk posture.",
			RequirementIDs: []string{d.reqs["BUS-01"], d.reqs["CON-INS-01"]}, LastReviewed: d.day(-95), NextReview: d.day(85)},
	}
	for _, p := range parties {
		d.create(p)
	}
}

func (d *demo) addRisks() {
	d.risks = map[string]string{}
	edr := d.create(&isms.Action{Ref: "ACT-001", Title: "Roll out EDR to all company laptops", OwnerID: d.person("daniel"),
		DueDate: d.day(20), Status: isms.ActionInProgress, Notes: "34 of 41 laptops enrolled."})
	mfa := d.create(&isms.Action{Ref: "ACT-002", Title: "Enforce hardware-key MFA for AWS console access", OwnerID: d.person("aisha"),
		DueDate: d.day(-60), Status: isms.ActionDone, CompletedOn: d.day(-65)})
	dr := d.create(&isms.Action{Ref: "ACT-003", Title: "Run a cross-region disaster recovery test", OwnerID: d.person("aisha"),
		DueDate: d.day(-5), Status: isms.ActionOpen})
	type risk struct {
		ref, title, asset, threat, vuln string
		l, i                            int
		owner, status, treatment, plan  string
		controls                        []string
		actions                         []string
		rl, ri                          int
	}
	risks := []risk{
		{"R-001", "Exploitation of unpatched platform vulnerabilities", "Northwind SaaS platform", "External attacker exploits a known CVE", "Dependencies not updated promptly", 4, 5, "james", isms.RiskTreated, isms.TreatMitigate, "Automated dependency scanning, 14-day patch SLA for criticals, annual penetration test.", []string{"A.8.8", "A.8.25", "A.8.29"}, nil, 2, 4},
		{"R-002", "Ransomware on company laptops", "Company laptops and file shares", "Ransomware delivered by e-mail or download", "No EDR on some laptops; local admin rights", 3, 5, "daniel", isms.RiskTreated, isms.TreatMitigate, "EDR on all laptops, remove local admin, immutable backups of shared drives.", []string{"A.8.7", "A.8.13", "A.8.2"}, []string{edr}, 2, 3},
		{"R-003", "Prolonged AWS region outage", "Production hosting (AWS eu-west-2)", "Regional cloud outage", "Single-region deployment", 2, 5, "aisha", isms.RiskTreated, isms.TreatMitigate, "Cross-region backups and a tested recovery runbook; RTO 8 hours.", []string{"A.5.30", "A.8.13", "A.8.14"}, []string{dr}, 2, 3},
		{"R-004", "Credential theft through phishing", "Staff accounts (Google Workspace, Slack, AWS)", "Targeted phishing", "Staff susceptibility; password reuse", 4, 4, "priya", isms.RiskTreated, isms.TreatMitigate, "Awareness training, monthly phishing simulations, MFA everywhere, password manager.", []string{"A.6.3", "A.8.5", "A.5.17"}, []string{mfa}, 2, 3},
		{"R-005", "Excessive access to customer data", "Production database", "Insider misuse or compromised account", "Broad engineering access; no periodic review", 3, 4, "james", isms.RiskAssessed, isms.TreatMitigate, "Quarterly access reviews, just-in-time production access.", []string{"A.5.15", "A.5.18", "A.8.2"}, nil, 0, 0},
		{"R-006", "Leavers keep access to SaaS tools", "SaaS tools (about 30)", "Former employee uses active account", "Manual offboarding checklist; no SSO on every tool", 3, 3, "emma", isms.RiskTreated, isms.TreatMitigate, "SSO for all tools, HR-triggered offboarding, monthly leaver reconciliation.", []string{"A.5.18", "A.6.5", "A.5.16"}, nil, 1, 3},
		{"R-007", "Sub-processor data breach", "Customer data held by sub-processors", "Breach at a SaaS supplier", "Limited supplier due diligence", 2, 4, "priya", isms.RiskTreated, isms.TreatTransfer, "Supplier security reviews, DPAs with breach clauses, cyber insurance.", []string{"A.5.19", "A.5.20", "A.5.21", "A.5.22"}, nil, 2, 2},
		{"R-008", "Injection flaw exposes tenant data", "Northwind SaaS platform", "Attacker exploits an injection flaw to read another tenant's data", "Inconsistent code review; no SAST", 3, 5, "james", isms.RiskTreated, isms.TreatMitigate, "Secure development standard, mandatory code review, SAST in CI, tenant isolation tests.", []string{"A.8.28", "A.8.25", "A.8.29"}, nil, 1, 5},
		{"R-009", "Loss or theft of a laptop", "Company laptops", "Theft while travelling", "Devices carried outside the office", 3, 2, "hannah", isms.RiskAccepted, isms.TreatAccept, "Full-disk encryption and remote wipe already in place; residual risk accepted.", []string{"A.8.1", "A.7.9"}, nil, 3, 1},
		{"R-010", "Office break-in", "London office equipment", "Burglary", "Shared building entrance", 1, 2, "hannah", isms.RiskAccepted, isms.TreatAccept, "Serviced office security and laptop encryption; accepted.", []string{"A.7.1", "A.7.2"}, nil, 1, 2},
		{"R-011", "Sensitive data pasted into public AI tools", "Customer data and source code", "Staff use public generative AI tools", "No rule on AI tool use", 4, 3, "priya", isms.RiskIdentified, "", "", nil, nil, 0, 0},
		{"R-012", "Key-person dependency for infrastructure", "Infrastructure knowledge", "Unavailability of the lead DevOps engineer", "Undocumented runbooks", 3, 3, "james", isms.RiskAssessed, isms.TreatMitigate, "Document runbooks, cross-train a second engineer.", []string{"A.5.37"}, nil, 0, 0},
	}
	for i, r := range risks {
		rec := &isms.Risk{Ref: r.ref, Title: r.title, Asset: r.asset, Threat: r.threat, Vulnerability: r.vuln,
			Likelihood: r.l, Impact: r.i, OwnerID: d.person(r.owner), Status: r.status, Treatment: r.treatment,
			TreatmentPlan: r.plan, ControlIDs: d.ctl(r.controls...), ActionIDs: r.actions,
			ResidualLikelihood: r.rl, ResidualImpact: r.ri, IdentifiedOn: d.day(-210 + 3*i), ReviewDate: d.day(60 + 10*i)}
		if r.status == isms.RiskAccepted {
			rec.Acceptance = isms.RiskAcceptance{AcceptedByID: rec.OwnerID, AcceptedOn: d.day(-80),
				Comment: "Residual risk within appetite; review annually."}
		}
		if r.ref == "R-002" {
			rec.ReviewDate = d.day(-3) // review overdue
		}
		d.risks[r.ref] = d.create(rec)
	}
}

// addAssets fills the asset inventory (A.5.9, A.5.12) with Northwind's main assets,
// linked to the risks to them and the controls that protect them.
func (d *demo) addAssets() {
	type asset struct {
		ref, name, typ, owner, custodian, location, class, desc string
		acquired, review                                        int // days from today; 0 for none
		status                                                  string
		risks, controls                                         []string
		notes                                                   string
	}
	assets := []asset{
		{"AST-001", "Northwind SaaS platform", isms.AssetSoftware, "james", "aisha", "AWS eu-west-2", isms.ClassConfidential,
			"The analytics platform customers log in to: web application, APIs and background workers.", -1400, 90, isms.AssetInUse,
			[]string{"R-001", "R-003", "R-008"}, []string{"A.8.8", "A.8.25", "A.8.28"}, ""},
		{"AST-002", "Customer data in the production database", isms.AssetInformation, "priya", "aisha", "AWS eu-west-2 (RDS)", isms.ClassRestricted,
			"Customers' uploaded datasets and their users' personal data.", -1400, 60, isms.AssetInUse,
			[]string{"R-005", "R-007"}, []string{"A.5.12", "A.5.15", "A.8.13"}, "GDPR personal data; encrypted at rest."},
		{"AST-003", "Company laptops", isms.AssetHardware, "hannah", "daniel", "London office and staff homes", isms.ClassInternal,
			"41 MacBooks and ThinkPads managed through the MDM.", -700, 120, isms.AssetInUse,
			[]string{"R-002", "R-009"}, []string{"A.8.1", "A.8.7", "A.7.9"}, ""},
		{"AST-004", "Google Workspace", isms.AssetService, "priya", "hannah", "Google Cloud (EU)", isms.ClassConfidential,
			"E-mail, calendars and shared drives of every employee.", -1200, 150, isms.AssetInUse,
			[]string{"R-004", "R-006"}, []string{"A.5.23", "A.8.5"}, ""},
		{"AST-005", "London office", isms.AssetSite, "marcus", "hannah", "London", isms.ClassInternal,
			"Serviced office on the third floor of a shared building.", -900, 200, isms.AssetInUse,
			[]string{"R-010"}, []string{"A.7.1", "A.7.2"}, ""},
		{"AST-006", "Infrastructure know-how of the DevOps team", isms.AssetPeople, "james", "", "", isms.ClassInternal,
			"How production is built, deployed and recovered.", 0, 45, isms.AssetInUse,
			[]string{"R-012"}, []string{"A.5.37"}, "Runbooks being written."},
		{"AST-007", "Customer trust portal", isms.AssetSoftware, "priya", "tom", "AWS eu-west-2", isms.ClassPublic,
			"Public page with security documentation and the sub-processor list.", 0, 0, isms.AssetPlanned,
			nil, []string{"A.5.14"}, ""},
		{"AST-008", "Legacy build server", isms.AssetHardware, "aisha", "", "London office", "",
			"", -2000, 0, isms.AssetRetired, nil, nil, "Disks wiped and the server recycled; replaced by CI in the cloud."},
	}
	for _, a := range assets {
		rec := &isms.Asset{Ref: a.ref, Name: a.name, Type: a.typ, OwnerID: d.person(a.owner), Location: a.location,
			Classification: a.class, Description: a.desc, Status: a.status, ControlIDs: d.ctl(a.controls...), Notes: a.notes}
		if a.custodian != "" {
			rec.CustodianID = d.person(a.custodian)
		}
		if a.acquired != 0 {
			rec.AcquiredOn = d.day(a.acquired)
		}
		if a.review != 0 {
			rec.ReviewDate = d.day(a.review)
		}
		for _, r := range a.risks {
			rec.RiskIDs = append(rec.RiskIDs, d.risks[r])
		}
		if len(rec.ControlIDs) == 0 {
			rec.ControlIDs = nil
		}
		d.create(rec)
	}
}

func (d *demo) addIssues() {
	issues := []*isms.Issue{
		{Ref: "ISS-01", Title: "NIS2 flows down through EU customers", Type: isms.IssueExternal, Category: isms.CategoryLegal,
			Description: "EU enterprise customers in scope of NIS2 push supply-chain security clauses to their suppliers.",
			Impact:      "New contractual incident reporting and risk management obligations.", OwnerID: d.person("priya"), Status: isms.IssueOpen,
			DateIdentified: d.day(-120), LastReviewed: d.day(-95), NextReview: d.day(85), ChangedSinceReview: true,
			ChangeNote: "Two new customer contracts include NIS2 Art. 21 clauses."},
		{Ref: "ISS-02", Title: "Rising ransomware activity against SaaS companies", Type: isms.IssueExternal, Category: isms.CategoryTechnological,
			Description: "Threat reports show more ransomware and extortion targeting small SaaS providers.", Impact: "Higher likelihood of R-002.",
			OwnerID: d.person("daniel"), Status: isms.IssueMonitored, DateIdentified: d.day(-210), LastReviewed: d.day(-95), NextReview: d.day(85),
			RiskIDs: []string{d.risks["R-002"]}},
		{Ref: "ISS-03", Title: "Headcount growing from 40 to 60 this year", Type: isms.IssueInternal, Category: isms.CategoryOrganisational,
			Description: "Rapid hiring in engineering and sales.", Impact: "Onboarding, training and access management must scale.",
			OwnerID: d.person("emma"), Status: isms.IssueOpen, DateIdentified: d.day(-200), LastReviewed: d.day(-95), NextReview: d.day(85),
			RiskIDs: []string{d.risks["R-006"]}},
		{Ref: "ISS-04", Title: "Remote-first working", Type: isms.IssueInternal, Category: isms.CategoryPeople,
			Description: "Most staff work from home three or more days a week.", Impact: "Endpoint security and secure remote access are essential.",
			OwnerID: d.person("hannah"), Status: isms.IssueMonitored, DateIdentified: d.day(-210), LastReviewed: d.day(-95), NextReview: d.day(270)},
		{Ref: "ISS-05", Title: "Staff adopting generative AI tools", Type: isms.IssueInternal, Category: isms.CategoryTechnological,
			Description: "Engineers and customer success staff use public AI assistants.", Impact: "Risk of customer data and code leaking (R-011).",
			OwnerID: d.person("priya"), Status: isms.IssueOpen, DateIdentified: d.day(-40), ChangedSinceReview: true,
			ChangeNote: "New since the last management review.", RiskIDs: []string{d.risks["R-011"]}},
		{Ref: "ISS-06", Title: "Dependence on a single cloud provider", Type: isms.IssueExternal, Category: isms.CategoryEconomic,
			Description: "All production services run on AWS.", Impact: "Availability and pricing depend on one supplier.",
			OwnerID: d.person("aisha"), Status: isms.IssueMonitored, DateIdentified: d.day(-210), LastReviewed: d.day(-95), NextReview: d.day(270),
			RiskIDs: []string{d.risks["R-003"]}},
	}
	for _, i := range issues {
		d.create(i)
	}
}

// series returns n monthly dates ending three days before today.
func (d *demo) series(n int) []isms.Date {
	out := make([]isms.Date, n)
	for i := range out {
		out[i] = d.today.AddDate(0, -(n - 1 - i), -3)
	}
	return out
}

func (d *demo) addObjectivesAndKPIs() {
	d.kpis = map[string]string{}
	objectives := []*isms.Objective{
		{Ref: "OBJ-01", Title: "Cut the phishing click rate below 5%", Statement: "Reduce the share of staff who click phishing simulation links to under 5% by year end.",
			BusinessGoal: "Protect customer trust and keep cyber insurance premiums stable", Measure: "Monthly phishing simulation click rate",
			Target: 5, Unit: "%", OwnerID: d.person("priya"), DueDate: d.day(120), Status: isms.ObjectiveInProgress,
			ApprovedByID: d.person("olivia"), ApprovedOn: d.day(-200)},
		{Ref: "OBJ-02", Title: "Every employee completes security training", Statement: "At least 95% of staff complete the annual security awareness training.",
			BusinessGoal: "Pass the certification audit and enterprise customer due diligence", Measure: "Training completion rate",
			Target: 95, Unit: "%", OwnerID: d.person("emma"), DueDate: d.day(60), Status: isms.ObjectiveInProgress,
			ApprovedByID: d.person("olivia"), ApprovedOn: d.day(-200)},
		{Ref: "OBJ-03", Title: "Patch critical vulnerabilities within 14 days", Statement: "Patch 95% of critical vulnerabilities within 14 days of disclosure.",
			BusinessGoal: "Meet the enterprise MSA security schedule", Measure: "Share of criticals patched within 14 days",
			Target: 95, Unit: "%", OwnerID: d.person("james"), DueDate: d.day(200), Status: isms.ObjectiveAchieved,
			ApprovedByID: d.person("olivia"), ApprovedOn: d.day(-200)},
		{Ref: "OBJ-04", Title: "Meet the 99.9% availability SLA with tested recovery", Statement: "Keep monthly availability at or above 99.9% and pass a restore test every month.",
			BusinessGoal: "Retain enterprise customers and avoid SLA credits", Target: 99.9, Unit: "%",
			OwnerID: d.person("aisha"), Status: isms.ObjectiveProposed},
	}
	for _, o := range objectives {
		d.create(o)
	}
	type kpi struct {
		k      isms.KPI
		obj    int // index into objectives, -1 for none
		ctl    string
		values []float64
	}
	kpis := []kpi{
		{isms.KPI{Ref: "KPI-01", Name: "Phishing simulation click rate", Description: "Share of targeted staff who clicked the simulated phishing link.",
			Method: "Monthly simulation by the phishing platform; clicks divided by recipients.", Frequency: isms.FrequencyMonthly, Unit: "%",
			Target: 5, Amber: 10, Direction: isms.LowerIsBetter, OwnerID: d.person("daniel")}, 0, "A.6.3",
			[]float64{18, 16, 14.5, 12, 11, 9.5, 8, 7.5, 6.8}},
		{isms.KPI{Ref: "KPI-02", Name: "Security training completion", Description: "Share of active staff who completed the required training.",
			Method: "Attendance records divided by active headcount.", Frequency: isms.FrequencyMonthly, Unit: "%",
			Target: 95, Amber: 85, Direction: isms.HigherIsBetter, OwnerID: d.person("emma")}, 1, "A.6.3",
			[]float64{35, 52, 68, 77, 83, 86, 88, 90}},
		{isms.KPI{Ref: "KPI-03", Name: "Critical vulnerabilities patched within 14 days", Description: "Share of critical findings fixed within 14 days.",
			Method: "Dependency scanner report, closed criticals by age.", Frequency: isms.FrequencyMonthly, Unit: "%",
			Target: 95, Amber: 85, Direction: isms.HigherIsBetter, OwnerID: d.person("aisha")}, 2, "A.8.8",
			[]float64{88, 92, 95, 97, 96, 98, 97}},
		{isms.KPI{Ref: "KPI-04", Name: "Time to revoke leaver access", Description: "Hours between the leaving date and the last account disabled.",
			Method: "Offboarding tickets compared with SaaS audit logs.", Frequency: isms.FrequencyMonthly, Unit: "hours",
			Target: 24, Amber: 48, Direction: isms.LowerIsBetter, OwnerID: d.person("emma")}, -1, "A.5.18",
			[]float64{40, 36, 30, 44, 52, 60, 66}},
		{isms.KPI{Ref: "KPI-05", Name: "Backup restore tests passed", Description: "Share of monthly restore tests that succeeded.",
			Method: "Restore of a random customer database into staging.", Frequency: isms.FrequencyMonthly, Unit: "%",
			Target: 100, Amber: 90, Direction: isms.HigherIsBetter, OwnerID: d.person("aisha")}, 3, "A.8.13",
			[]float64{100, 100, 100, 100, 100, 100}},
		{isms.KPI{Ref: "KPI-06", Name: "Production availability", Description: "Monthly availability of the customer-facing platform.",
			Method: "External uptime monitor, excluding announced maintenance.", Frequency: isms.FrequencyMonthly, Unit: "%",
			Target: 99.9, Amber: 99.5, Direction: isms.HigherIsBetter, OwnerID: d.person("aisha")}, 3, "A.8.14",
			[]float64{99.95, 99.97, 99.7, 99.92, 99.96, 99.4, 99.91, 99.94, 99.93}},
		// Automated: measured from the records; the latest value is due, so opening the
		// demo measures it.
		{isms.KPI{Ref: "KPI-07", Name: "Applicable controls implemented", Description: "Share of the applicable Annex A controls that are implemented.",
			Source: isms.SourceControlsImplemented, Frequency: isms.FrequencyMonthly, Unit: "%",
			Target: 90, Amber: 75, Direction: isms.HigherIsBetter, OwnerID: d.person("priya")}, -1, "A.5.36",
			[]float64{41, 47, 52, 56}},
		{isms.KPI{Ref: "KPI-08", Name: "Overdue actions", Description: "Corrective, review and treatment actions past their due date.",
			Source: isms.SourceOverdueActions, Frequency: isms.FrequencyMonthly,
			Target: 0, Amber: 3, Direction: isms.LowerIsBetter, OwnerID: d.person("priya")}, -1, "A.5.35",
			[]float64{6, 4, 5, 3}},
	}
	for _, k := range kpis {
		rec := k.k
		rec.Active = true
		if k.obj >= 0 {
			rec.ObjectiveID = objectives[k.obj].ID
		}
		c := d.controls[k.ctl]
		rec.ControlID = c.ID
		id := d.create(&rec)
		d.kpis[rec.Ref] = id
		if k.obj >= 0 {
			o := objectives[k.obj]
			o.KPIIDs = append(o.KPIIDs, id)
		}
		c.KPIIDs = append(c.KPIIDs, id)
		d.put(c)
		dates := d.series(len(k.values))
		if rec.Source != "" {
			dates = d.series(len(k.values) + 1)[:len(k.values)]
		}
		for i, date := range dates {
			m := &isms.Measurement{KPIID: id, Date: date, Value: k.values[i]}
			if rec.Source != "" {
				m.Source = isms.MeasuredAutomatically
			}
			if rec.Ref == "KPI-06" && k.values[i] < 99.5 {
				m.Note = "Database failover incident; see the incident log."
			}
			d.create(m)
		}
	}
	for _, o := range objectives {
		if len(o.KPIIDs) > 0 {
			d.put(o)
		}
	}
}

func (d *demo) addTraining() {
	all := []string{"olivia", "james", "marcus", "priya", "daniel", "emma", "sophie", "aisha", "tom", "ravi", "lucy", "hannah", "leo"}
	devs := []string{"james", "aisha", "tom", "ravi"}
	type session struct {
		t      isms.Training
		people []string
		absent map[string]string // person -> attendance status when not attended
	}
	sessions := []session{
		{isms.Training{Ref: "TR-01", Topic: "Security awareness induction", Description: "Phishing, passwords and MFA, reporting incidents, clean desk, acceptable use.",
			RoleIDs: []string{d.roles[isms.RoleEmployees]}, Date: d.day(-150), Trainer: "Daniel Okafor", Materials: "ISMS/Training/Awareness-induction.pdf",
			Required: true, DurationHours: 1.5, Status: isms.TrainingHeld, OwnerID: d.person("emma")},
			all, map[string]string{"ravi": isms.AttendanceAbsent, "lucy": isms.AttendanceAbsent}},
		{isms.Training{Ref: "TR-02", Topic: "Secure development and the OWASP Top 10", Description: "Injection, access control, secrets handling, code review checklist.",
			RoleIDs: []string{d.roles["Developers"]}, Date: d.day(-60), Trainer: "External: SecureCode Academy", Materials: "https://training.example/owasp-top-10",
			Required: true, DurationHours: 4, Status: isms.TrainingHeld, OwnerID: d.person("james")},
			devs, map[string]string{"ravi": isms.AttendanceExcused}},
		{isms.Training{Ref: "TR-03", Topic: "Internal auditor training (ISO 19011)", Description: "Audit principles, planning, evidence, reporting nonconformities.",
			RoleIDs: []string{d.roles[isms.RoleInternalAudit], d.roles[isms.RoleISMSManager]}, Date: d.day(-170), Trainer: "External: Audit Skills Ltd",
			Materials: "ISMS/Training/ISO19011-course.pdf", Required: true, DurationHours: 14, Status: isms.TrainingHeld, OwnerID: d.person("priya")},
			[]string{"sophie", "priya"}, nil},
		{isms.Training{Ref: "TR-04", Topic: "Phishing refresher and AI tools rule", Description: "Latest phishing lures and the new rule on public AI tools.",
			RoleIDs: []string{d.roles[isms.RoleEmployees]}, Date: d.day(21), Trainer: "Priya Shah", DurationHours: 0.5,
			Status: isms.TrainingPlanned, OwnerID: d.person("emma")}, nil, nil},
	}
	for _, s := range sessions {
		t := s.t
		id := d.create(&t)
		for i, p := range s.people {
			a := &isms.Attendance{TrainingID: id, PersonID: d.person(p), Status: isms.AttendanceAttended}
			if st, ok := s.absent[p]; ok {
				a.Status = st
				if st == isms.AttendanceExcused {
					a.Note = "On parental leave; to attend the next session."
				}
			} else if t.Ref == "TR-02" || t.Ref == "TR-03" {
				a.Score = float64(70 + (i*7)%30)
			}
			d.create(a)
		}
	}
}

func (d *demo) addAwareness() {
	const staff = 12 // the active people: everyone holds Employees; Leo has left
	phishing := &isms.Campaign{Ref: "AW-01", Title: "Phishing awareness month", Description: "Weekly tips, a poster series and a live phishing quiz.",
		Channels: []string{isms.ChannelEmail, isms.ChannelPoster, isms.ChannelIntranet}, Audience: "All staff", AudienceSize: staff,
		RoleIDs: []string{d.roles[isms.RoleEmployees]}, StartDate: d.day(-120), EndDate: d.day(-90), Status: isms.CampaignCompleted, OwnerID: d.person("priya")}
	pwm := &isms.Campaign{Ref: "AW-02", Title: "Password manager rollout", Description: "Every employee moves their work passwords into the company password manager.",
		Channels: []string{isms.ChannelEmail, isms.ChannelMeeting, isms.ChannelELearning}, Audience: "All staff", AudienceSize: staff,
		RoleIDs: []string{d.roles[isms.RoleEmployees]}, StartDate: d.day(-20), EndDate: d.day(25), Status: isms.CampaignActive, OwnerID: d.person("daniel")}
	p, w := d.create(phishing), d.create(pwm)
	comms := []*isms.Communication{
		{Subject: "Information Security Policy published", Date: d.day(-199), Audience: "All staff", AudienceSize: staff, Channel: isms.ChannelEmail, Reach: 12, OwnerID: d.person("priya")},
		{Subject: "ISMS programme kick-off at the all-hands", Date: d.day(-195), Audience: "All staff", AudienceSize: staff, Channel: isms.ChannelMeeting,
			RecipientIDs: d.who("olivia", "james", "marcus", "priya", "daniel", "emma", "sophie", "aisha", "tom", "lucy"), Reach: 10, OwnerID: d.person("olivia")},
		{Subject: "Phishing month week 1: spot the lure", Date: d.day(-120), Audience: "All staff", AudienceSize: staff, Channel: isms.ChannelEmail, Reach: 12, OwnerID: d.person("priya"), CampaignID: p},
		{Subject: "Think before you click posters in the office", Date: d.day(-118), Audience: "Office staff", AudienceSize: 9, Channel: isms.ChannelPoster, Reach: 8, OwnerID: d.person("hannah"), CampaignID: p},
		{Subject: "Phishing quiz results on the intranet", Date: d.day(-92), Audience: "All staff", AudienceSize: staff, Channel: isms.ChannelIntranet, Reach: 9, OwnerID: d.person("priya"), CampaignID: p},
		{Subject: "Security update for customers: ISO 27001 programme", Date: d.day(-70), Audience: "Enterprise customers", AudienceSize: 140, Channel: isms.ChannelNewsletter, Reach: 120, OwnerID: d.person("lucy")},
		{Subject: "Password manager: why and how", Date: d.day(-20), Audience: "All staff", AudienceSize: staff, Channel: isms.ChannelMeeting,
			RecipientIDs: d.who("olivia", "james", "marcus", "priya", "daniel", "emma", "sophie", "aisha", "tom"), Reach: 9, OwnerID: d.person("daniel"), CampaignID: w},
		{Subject: "Password manager e-learning module", Date: d.day(-18), Audience: "All staff", AudienceSize: staff, Channel: isms.ChannelELearning,
			RecipientIDs: d.who("james", "priya", "daniel", "aisha", "tom", "emma", "lucy", "hannah"), Reach: 8, OwnerID: d.person("daniel"), CampaignID: w},
	}
	for _, c := range comms {
		d.create(c)
	}
}

func (d *demo) addAudit() {
	d.findings = map[string]*isms.Finding{}
	c := func(ref, q, result, ev string) isms.ChecklistItem {
		return isms.ChecklistItem{Ref: ref, Title: isms.ItemTitle(ref), Question: q, Result: result, Evidence: ev}
	}
	audit := &isms.Audit{Ref: "IA-01", Title: "First internal audit of the ISMS",
		Scope:      "Whole ISMS: clauses 4 to 10 and a sample of Annex A controls, London office and AWS production.",
		Objectives: "Confirm that the ISMS conforms to ISO/IEC 27001:2022 and is effectively implemented before the certification audit.",
		Criteria:   "ISO/IEC 27001:2022; Northwind ISMS policies and procedures", StartDate: d.day(-110), EndDate: d.day(-108),
		Methods:   []string{"interviews", "document_review", "sampling"},
		AuditorID: d.person("sophie"), AuditeeIDs: d.who("priya", "daniel", "james"),
		Independence: "Sophie Turner (Operations) has no responsibility for the ISMS or for the audited controls.",
		Status:       isms.AuditCompleted, ReportDate: d.day(-105),
		Conclusion: "The ISMS is largely implemented and effective; three nonconformities need corrective action before certification.",
		PositivePractices: "Backups are restored and tested every month (A.8.13); the vulnerability patch SLA is met (A.8.8); " +
			"KPIs are analysed in a monthly pack (9.1); every Annex A control has a justified SoA decision (6.1.3).",
		Distribution: "Olivia Carter (CEO) and the senior management team; Priya Shah (ISMS Manager); the auditees",
		Checklist: []isms.ChecklistItem{
			c("4.3", "Is the ISMS scope documented and available?", isms.ResultConforming, "Scope statement v1.0 in POL-01."),
			c("5.2", "Is the policy approved, communicated and available?", isms.ResultConforming, "Published, e-mail of 41 recipients."),
			c("6.1.2", "Are risk criteria defined and risks assessed consistently?", isms.ResultObservation, "Criteria defined; two risks lack a review date."),
			c("6.1.3", "Does the SoA justify every inclusion and exclusion?", isms.ResultConforming, "93 controls decided."),
			c("6.2", "Are objectives measurable and monitored?", isms.ResultConforming, "Four objectives with KPIs."),
			c("7.2", "Is competence evidenced for people doing ISMS work?", isms.ResultMinorNC, "Training records missing for 4 staff."),
			c("7.3", "Are staff aware of the policy and how to report incidents?", isms.ResultConforming, "Interviews with 5 staff."),
			c("7.5.3", "Is documented information controlled?", isms.ResultOpportunity, "Version history kept in two places."),
			c("9.1", "Are monitoring results analysed and evaluated?", isms.ResultConforming, "Monthly KPI pack."),
			c("A.5.15", "Are access rights reviewed periodically?", isms.ResultMinorNC, "No access review of production in the last 6 months."),
			c("A.5.18", "Are access rights removed promptly when people leave?", isms.ResultMajorNC, "2 of 3 leavers still had active SaaS accounts after 10 days."),
			c("A.8.8", "Are technical vulnerabilities managed?", isms.ResultConforming, "Scanner reports, patch SLA met."),
			c("A.8.13", "Are backups taken and restores tested?", isms.ResultConforming, "Monthly restore tests."),
			c("A.5.24", "Is incident management planned and prepared?", isms.ResultObservation, "Procedure still in draft."),
			c("A.7.4", "Is the office monitored for unauthorised physical access?", isms.ResultNotSampled, "The office alarm contract was being renewed; sampled in the next audit."),
			c("", "Do new suppliers sign the security schedule before they get access?", isms.ResultConforming, "3 of 3 new supplier contracts include it."),
		}}
	id := d.create(audit)
	d.create(&isms.Audit{Ref: "IA-02", Title: "Technological controls and operations",
		Scope:      "Clause 8 and the technological controls (A.8), AWS production and the development pipeline.",
		Objectives: "Check that operational planning and the technological controls work as the Statement of Applicability states.",
		Criteria:   "ISO/IEC 27001:2022; Northwind ISMS policies and procedures", StartDate: d.day(60), EndDate: d.day(62),
		Methods:   []string{"interviews", "technical_testing", "sampling"},
		AuditorID: d.person("sophie"), AuditeeIDs: d.who("james", "daniel"),
		Independence: "Sophie Turner (Operations) has no responsibility for the ISMS or for the audited controls.",
		Status:       isms.AuditPlanned})
	findings := []*isms.Finding{
		{Ref: "IA-01-F1", Title: "Training records incomplete", Severity: isms.SeverityMinor, Clause: "7.2",
			Description: "No evidence of awareness training for 4 of 41 staff."},
		{Ref: "IA-01-F2", Title: "Production access not reviewed", Severity: isms.SeverityMinor, Clause: "A.5.15",
			Description: "The quarterly production access review has not been carried out for two quarters."},
		{Ref: "IA-01-F3", Title: "Leavers' SaaS accounts not disabled", Severity: isms.SeverityMajor, Clause: "A.5.18",
			Description: "Two of three leavers sampled still had active accounts in SaaS tools 10 days after leaving."},
		{Ref: "IA-01-F4", Title: "Incident procedure not yet approved", Severity: isms.SeverityObservation, Clause: "A.5.24",
			Description: "The incident response procedure is in draft; staff know how to report but roles are unclear."},
		{Ref: "IA-01-F5", Title: "Single document register", Severity: isms.SeverityOpportunity, Clause: "7.5.3",
			Description: "Keep document versions in one register to avoid confusion."},
	}
	for _, f := range findings {
		f.AuditID = id
		d.create(f)
		d.findings[f.Ref] = f
	}
}

func (d *demo) addReviews() {
	attendees := d.who("olivia", "james", "marcus", "priya", "daniel")
	in := func(topic, summary, minutes string) isms.ReviewInput {
		return isms.ReviewInput{Topic: topic, Summary: summary, Minutes: minutes}
	}
	past := &isms.Review{Ref: "MR-01", Title: "First management review", Date: d.day(-90), Status: isms.ReviewHeld,
		ChairID: d.person("olivia"), AttendeeIDs: attendees,
		Minutes: "Review of the first five months of the ISMS programme ahead of the certification audit.",
		Inputs: []isms.ReviewInput{
			in(isms.InputActions, "First review: no previous actions.", "Noted."),
			in(isms.InputIssues, "NIS2 flow-down from EU customers; headcount growth to 60.", "Agreed to track NIS2 clauses in the requirements register."),
			in(isms.InputParties, "Enterprise customers ask for 24-hour breach notification.", "Incident procedure to cover it."),
			in(isms.InputNonconformities, "3 nonconformities from the internal audit (1 major).", "Leaver access is the priority."),
			in(isms.InputMonitoring, "Phishing click rate down from 18% to 11%; training completion 83%.", "Good trend; completion must reach 95%."),
			in(isms.InputAudits, "Internal audit IA-01: 2 minor, 1 major nonconformity, 2 observations.", "Accepted the audit report."),
			in(isms.InputObjectives, "OBJ-03 achieved; OBJ-01 and OBJ-02 on track; OBJ-04 not yet approved.", "OBJ-04 to be finalised with a restore KPI."),
			in(isms.InputFeedback, "Customers positive about the security questionnaire turnaround.", "Noted."),
			in(isms.InputRisks, "12 risks, 2 high residual; R-005 treatment not started.", "Approved budget for just-in-time access tooling."),
			in(isms.InputImprovement, "SSO for all SaaS tools; customer trust portal.", "SSO approved; trust portal to be scoped."),
		},
		Decisions: []isms.Decision{
			{Text: "Automate leaver deprovisioning through SSO for all SaaS tools.", Category: isms.DecisionImprovement},
			{Text: "Approve budget for EDR and just-in-time production access.", Category: isms.DecisionResources},
			{Text: "Finalise and approve the incident response procedure before the certification audit.", Category: isms.DecisionChange},
			{Text: "Scope a customer trust portal.", Category: isms.DecisionImprovement},
		}}
	d.reviewID = d.create(past)
	actions := []*isms.Action{
		{Ref: "ACT-010", Title: "Connect all SaaS tools to SSO", OwnerID: d.person("daniel"), DueDate: d.day(-30), Status: isms.ActionDone, CompletedOn: d.day(-35)},
		{Ref: "ACT-011", Title: "Buy and deploy just-in-time production access tooling", OwnerID: d.person("james"), DueDate: d.day(-15), Status: isms.ActionInProgress,
			Notes: "Vendor selected; rollout delayed by the platform release."},
		{Ref: "ACT-012", Title: "Approve the incident response procedure", OwnerID: d.person("daniel"), DueDate: d.day(-20), Status: isms.ActionOpen},
		{Ref: "ACT-013", Title: "Scope the customer trust portal", OwnerID: d.person("lucy"), DueDate: d.day(40), Status: isms.ActionOpen},
	}
	for i, a := range actions {
		a.ReviewID = d.reviewID
		past.Decisions[i].ActionIDs = []string{d.create(a)}
	}
	// held: the inputs as presented, frozen with their SHA-256
	snap := isms.ReviewSnapshot{TakenOn: past.Date, Until: past.Date, Period: "Up to " + string(past.Date) + " (first management review)"}
	for _, in := range past.Inputs {
		snap.Inputs = append(snap.Inputs, isms.PresentedInput{Topic: in.Topic, Name: isms.InputName(in.Topic), Summary: in.Summary})
	}
	snap.Seal()
	past.Snapshot = &snap
	d.put(past)
	d.create(&isms.Review{Ref: "MR-02", Title: "Second management review", Date: d.day(20), Status: isms.ReviewPlanned,
		ChairID: d.person("olivia"), AttendeeIDs: attendees, Inputs: isms.StandardAgenda(), PreviousReviewID: d.reviewID})
}

func (d *demo) addFeedback() {
	survey := &isms.Survey{Ref: "SUR-01", Title: "Staff security culture survey", Type: isms.SurveyKindSurvey, Date: d.day(-45),
		Audience: "All staff", Respondents: 31, OwnerID: d.person("emma"),
		Summary: "Staff feel confident reporting incidents but find the rules on personal devices and AI tools unclear.",
		Questions: []isms.SurveyQuestion{
			{Text: "I know how to report a security incident (1-5)", Score: 4.4, Answers: 31, Result: "90% agree or strongly agree."},
			{Text: "The security rules are easy to follow (1-5)", Score: 3.6, Answers: 31, Result: "Personal devices rule unclear."},
			{Text: "The awareness training was useful (1-5)", Score: 4.1, Answers: 29, Result: "Phishing examples liked most."},
			{Text: "I know which AI tools I may use with company data (1-5)", Score: 2.3, Answers: 30, Result: "Most do not know."},
			{Text: "What one thing would improve security here?", Answers: 18, Result: "Security champions in teams; fewer tools."},
		}}
	sid := d.create(survey)
	party, err := d.tx.ByRef(isms.KindParty, "IP-01")
	if err != nil && d.err == nil {
		d.err = err
		return
	}
	items := []*isms.Feedback{
		{SurveyID: sid, Date: d.day(-45), From: "Engineering team", Text: "Have a security champion in each team to answer questions quickly.",
			Sentiment: isms.SentimentPositive, Status: isms.FeedbackAccepted},
		{SurveyID: sid, Date: d.day(-45), From: "Customer success team", Text: "We don't know whether we may paste customer tickets into AI assistants.",
			Sentiment: isms.SentimentNegative, Status: isms.FeedbackAccepted, Response: "AI tools rule added to policy 1.1."},
		{SurveyID: sid, Date: d.day(-44), From: "Anonymous", Text: "Drop the monthly phishing simulations, they are annoying.",
			Sentiment: isms.SentimentNegative, Status: isms.FeedbackRejected,
			Response: "Simulations stay: they cut the click rate from 18% to under 7%. We will make them less frequent once the target is met."},
		{Date: d.day(-25), From: "Contoso Retail (customer)", PartyID: party.Base().ID,
			Text:      "Your security questionnaire answer about encryption key rotation was out of date.",
			Sentiment: isms.SentimentNegative, Status: isms.FeedbackAccepted, Response: "Raised as nonconformity NC-006."},
		{Date: d.day(-6), From: "Fabrikam Health (prospect)", PartyID: party.Base().ID,
			Text:      "A public trust page with your certifications and sub-processors would speed up our due diligence.",
			Sentiment: isms.SentimentNeutral, Status: isms.FeedbackNew},
	}
	for _, f := range items {
		d.create(f)
	}
	d.feedback = items
}

func (d *demo) addNonconformities() {
	d.ncs = map[string]string{}
	type nc struct {
		n       isms.Nonconformity
		finding string
		actions []*isms.Action
	}
	corrected := func(n *isms.Nonconformity, text string, on int) {
		n.Correction, n.CorrectionOn = text, d.day(on)
	}
	list := []nc{
		{isms.Nonconformity{Ref: "NC-001", Title: "Training records incomplete", Source: isms.NCSourceAudit, DetectedOn: d.day(-108),
			OwnerID: d.person("emma"), Status: isms.NCClosed, DueDate: d.day(-30),
			Description:  "No evidence of awareness training for 4 of 41 staff (finding IA-01-F1).",
			RootCause:    "Attendance was recorded in the trainer's spreadsheet only; new joiners were not scheduled automatically.",
			SimilarCheck: "Checked the secure development and auditor training records: complete.",
			Effectiveness: isms.Effectiveness{ReviewedOn: d.day(-20), Verdict: isms.VerdictEffective, ReviewerID: d.person("sophie"),
				Comment: "Sampled 10 joiners since: all scheduled and recorded."},
			ClosedOn: d.day(-20)}, "IA-01-F1",
			[]*isms.Action{{Ref: "ACT-020", Title: "Schedule induction training automatically for every joiner", OwnerID: d.person("emma"),
				DueDate: d.day(-60), Status: isms.ActionDone, CompletedOn: d.day(-62)}}},
		{isms.Nonconformity{Ref: "NC-002", Title: "Production access not reviewed", Source: isms.NCSourceAudit, DetectedOn: d.day(-108),
			OwnerID: d.person("james"), Status: isms.NCCorrectiveAction, DueDate: d.day(30),
			Description:  "The quarterly production access review was not done for two quarters (finding IA-01-F2).",
			RootCause:    "No named owner and no reminder for the review; access lists are exported by hand.",
			SimilarCheck: "AWS and Google Workspace admin roles checked: one similar case found and included."}, "IA-01-F2",
			[]*isms.Action{
				{Ref: "ACT-021", Title: "Name an owner and put the quarterly access review in the ISMS calendar", OwnerID: d.person("priya"),
					DueDate: d.day(-40), Status: isms.ActionDone, CompletedOn: d.day(-45)},
				{Ref: "ACT-022", Title: "Automate the export of production access lists", OwnerID: d.person("aisha"),
					DueDate: d.day(-10), Status: isms.ActionInProgress, Notes: "Script written; waiting for read-only IAM role."},
			}},
		{isms.Nonconformity{Ref: "NC-003", Title: "Leavers' SaaS accounts not disabled", Source: isms.NCSourceAudit, DetectedOn: d.day(-108),
			OwnerID: d.person("emma"), Status: isms.NCEffectivenessReview, DueDate: d.day(10),
			Description:  "Two of three leavers still had active SaaS accounts 10 days after leaving (finding IA-01-F3).",
			RootCause:    "Offboarding relied on a manual checklist; about a third of SaaS tools were not behind SSO.",
			SimilarCheck: "All 13 leavers of the last 12 months reconciled: 3 more active accounts found and disabled."}, "IA-01-F3",
			[]*isms.Action{{Ref: "ACT-023", Title: "Trigger deprovisioning from the HR system through SSO", OwnerID: d.person("daniel"),
				DueDate: d.day(-25), Status: isms.ActionDone, CompletedOn: d.day(-28)}}},
		{isms.Nonconformity{Ref: "NC-004", Title: "Availability KPI not measured consistently", Source: isms.NCSourceReview, DetectedOn: d.day(-90),
			ReviewID: d.reviewID, OwnerID: d.person("aisha"), Status: isms.NCRootCause, DueDate: d.day(45),
			Description: "The management review found two months in which availability was estimated rather than measured."}, "", nil},
		{isms.Nonconformity{Ref: "NC-005", Title: "Customer export saved to personal cloud storage", Source: isms.NCSourceIncident, DetectedOn: d.day(-12),
			OwnerID: d.person("daniel"), Status: isms.NCCorrection, DueDate: d.day(50),
			Description: "An employee saved a customer data export to a personal cloud drive to work from home."}, "", nil},
		{isms.Nonconformity{Ref: "NC-006", Title: "Outdated answer in a customer security questionnaire", Source: isms.NCSourceFeedback, DetectedOn: d.day(-25),
			FeedbackID: d.feedback[3].ID, OwnerID: d.person("lucy"), Status: isms.NCOpen, DueDate: d.day(35),
			Description: "The encryption key rotation answer in the questionnaire library was out of date."}, "", nil},
	}
	corrected(&list[0].n, "Four staff trained in a catch-up session; records added.", -95)
	corrected(&list[1].n, "Production access reviewed; 3 unnecessary accounts removed.", -100)
	corrected(&list[2].n, "Active accounts of the two leavers disabled the same day.", -108)
	corrected(&list[3].n, "Missing months re-derived from the uptime monitor's raw data.", -80)
	corrected(&list[4].n, "File deleted from the personal drive under supervision; access logs checked.", -11)
	for _, item := range list {
		n := item.n
		final := n.Status
		// store the nonconformity at the stage before its actions exist, then move it on
		if len(item.actions) > 0 {
			n.Status = isms.NCCorrectiveAction
			n.CorrectiveActionIDs, n.Effectiveness, n.ClosedOn = nil, isms.Effectiveness{}, ""
		}
		if item.finding != "" {
			n.FindingID = d.findings[item.finding].ID
		}
		id := d.create(&n)
		d.ncs[n.Ref] = id
		if item.finding != "" && d.err == nil {
			f := d.findings[item.finding]
			f.NonconformityID = id
			d.put(f)
		}
		if len(item.actions) == 0 {
			continue
		}
		for _, a := range item.actions {
			a.NonconformityID = id
			n.CorrectiveActionIDs = append(n.CorrectiveActionIDs, d.create(a))
		}
		n.Status, n.Effectiveness, n.ClosedOn = final, item.n.Effectiveness, item.n.ClosedOn
		d.put(&n)
	}
}

func (d *demo) addImprovements() {
	imps := []*isms.Improvement{
		{Ref: "IMP-01", Title: "Automate quarterly access reviews", Goal: "Access reviews happen on time with no manual exports.",
			OwnerID: d.person("aisha"), Status: isms.ImprovementInProgress, StartDate: d.day(-40), DueDate: d.day(50),
			NonconformityIDs: []string{d.ncs["NC-002"]}, RiskIDs: []string{d.risks["R-005"]}},
		{Ref: "IMP-02", Title: "Security champions programme", Goal: "One trained security champion in every team.",
			OwnerID: d.person("priya"), Status: isms.ImprovementApproved, StartDate: d.day(10), DueDate: d.day(120),
			FeedbackIDs: []string{d.feedback[0].ID}},
		{Ref: "IMP-03", Title: "Single sign-on for every SaaS tool", Goal: "No SaaS tool with its own password; leavers lose access in one step.",
			OwnerID: d.person("daniel"), Status: isms.ImprovementDone, StartDate: d.day(-85), DueDate: d.day(-30), CompletedOn: d.day(-35),
			Outcome: "31 of 31 tools behind SSO.", ReviewID: d.reviewID, NonconformityIDs: []string{d.ncs["NC-003"]}, RiskIDs: []string{d.risks["R-006"]}},
		{Ref: "IMP-04", Title: "Public customer trust portal", Goal: "Customers find certifications, sub-processors and security answers without asking.",
			OwnerID: d.person("lucy"), Status: isms.ImprovementProposed, DueDate: d.day(150), ReviewID: d.reviewID,
			FeedbackIDs: []string{d.feedback[4].ID}},
		{Ref: "IMP-05", Title: "Replace monthly phishing simulations with targeted ones", Goal: "Keep vigilance without annoying staff.",
			OwnerID: d.person("daniel"), Status: isms.ImprovementRejected, StartDate: d.day(-40), DueDate: d.day(-10),
			Outcome: "Rejected: the click rate is still above target."},
	}
	for _, i := range imps {
		d.create(i)
	}
	// the champions feedback became IMP-02
	f := d.feedback[0]
	f.Status, f.ImprovementID, f.Response = isms.FeedbackConverted, imps[1].ID, "Became improvement IMP-02."
	d.put(f)
}

func (d *demo) updateMilestones() {
	recs, err := d.tx.List(isms.KindMilestone)
	if err != nil {
		d.err = err
		return
	}
	start := d.today.AddDate(0, -7, 0)
	plan := isms.ProgrammePlan(start)
	owners := []string{"priya", "priya", "emma", "daniel", "sophie", "priya"}
	for _, r := range recs {
		m := r.(*isms.Milestone)
		if m.Month < 1 || m.Month > len(plan) {
			continue
		}
		m.DueDate = plan[m.Month-1].DueDate
		m.OwnerID = d.person(owners[m.Month-1])
		if m.Month < 6 {
			m.Status, m.CompletedOn = isms.MilestoneDone, m.DueDate.AddDate(0, 0, -3)
		} else {
			m.Status = isms.MilestoneInProgress
		}
		d.put(m)
	}
	d.create(&isms.Milestone{Title: "Certification audit stage 1", Month: 8, Order: 7, DueDate: start.AddDate(0, 8, -1),
		Status: isms.MilestonePlanned, OwnerID: d.person("priya"),
		Description: "Documentation review by the certification body."})
	d.create(&isms.Milestone{Title: "Certification audit stage 2", Month: 9, Order: 8, DueDate: start.AddDate(0, 9, -1),
		Status: isms.MilestonePlanned, OwnerID: d.person("priya"),
		Description: "On-site audit of the ISMS's implementation and effectiveness by the certification body."})
}

// addEvidence links evidence kept elsewhere (the intranet, the shared drive) to a few
// requirements and controls; files are attached from the window.
func (d *demo) addEvidence() {
	items := []struct {
		title, url string
		kind       isms.Kind
		target     string
		added      int
		expires    int
	}{
		{"Penetration test report 2025", "https://intranet.northwind.example/security/pentest-2025.pdf", isms.KindRequirement, d.reqs["CON-MSA-01"], -60, 305},
		{"Records of processing activities", "https://intranet.northwind.example/privacy/ropa.xlsx", isms.KindRequirement, d.reqs["GDPR-32"], -30, 0},
		{"Backup restore test log", "https://intranet.northwind.example/it/backup/restore-tests.xlsx", isms.KindControl, d.controls["A.8.13"].ID, -20, 160},
	}
	for _, e := range items {
		if e.target == "" {
			continue
		}
		ev := &isms.Evidence{Title: e.title, URL: e.url, TargetKind: e.kind, TargetID: e.target,
			AddedByID: d.person("priya"), AddedOn: d.day(e.added)}
		if e.expires != 0 {
			ev.ExpiresOn = d.day(e.expires)
		}
		d.create(ev)
	}
}
