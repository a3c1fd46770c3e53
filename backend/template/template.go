// Package template writes the Excel import templates: for each import kind of package
// xlsx, a workbook whose header row the importer maps exactly, with the allowed values as
// drop-down lists, a note on every column, one example row that imports as it is, and a
// "How to use" sheet. Everything is derived from xlsx.Kinds and xlsx.Fields, so a kind
// added there gets its template too.
package template

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// Options say how a template is written.
type Options struct {
	// Now places the example row's dates (past events before it, due dates after it);
	// the zero time means now.
	Now time.Time
	// Method gives the labels of the likelihood and impact levels offered in the
	// drop-down lists; an empty method is the default one.
	Method isms.RiskMethod
}

// Column is one column of a template.
type Column struct {
	Field  xlsx.Field `json:"field"`
	Letter string     `json:"letter"`
	// Header is the column's name, one the importer maps to the field alone, exactly.
	Header string `json:"header"`
	// Note says what the field holds; it is the header cell's comment.
	Note string `json:"note"`
	// Choices are the drop-down list's values; empty when any value goes.
	Choices []string `json:"choices"`
	// Example is the example row's cell: a string, an int, a float64 (a fraction for a
	// percentage) or a time.Time; nil leaves the cell blank.
	Example any `json:"example"`
}

// HowToSheet is the name of the second sheet, which explains the template.
const HowToSheet = "How to use"

// PeopleNote ends the note of every column that names a person.
const PeopleNote = "A person's name or e-mail; new names are added as people."

// FileName is the name a template is offered under.
func FileName(kind string) string { return "ISMS Desk - " + kind + " template.xlsx" }

// SheetName is the name of the template's first sheet, which holds the register.
func SheetName(kind string) string {
	if k, ok := kinds[kind]; ok {
		return k.sheet
	}
	return capitalise(strings.ReplaceAll(kind, "-", " "))
}

// Label is the kind as the import wizard names it.
func Label(kind string) string {
	if k, ok := kinds[kind]; ok {
		return k.label
	}
	return SheetName(kind)
}

// Save writes the template of kind to path, atomically and private to the user: a failed
// write leaves no file.
func Save(path, kind string, opt Options) error {
	if _, err := xlsx.Fields(kind); err != nil {
		return err
	}
	return safefile.Write(path, func(w io.Writer) error { return Write(w, kind, opt) })
}

// Columns returns the template's columns for kind, one per import field, in the
// importer's field order.
func Columns(kind string, opt Options) ([]Column, error) {
	fields, err := xlsx.Fields(kind)
	if err != nil {
		return nil, err
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	method := opt.Method
	if len(method.Likelihood) == 0 || len(method.Impact) == 0 {
		method = isms.DefaultRiskMethod()
	}
	out := make([]Column, 0, len(fields))
	for i, f := range fields {
		header, err := headerFor(f, fields)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", kind, err)
		}
		c := Column{Field: f, Letter: xlsx.ColumnLetter(i), Header: header, Choices: choices(f, method)}
		c.Example = example(kind, f, c.Choices, now)
		c.Note = note(kind, f, c.Choices)
		out = append(out, c)
	}
	return out, nil
}

// headerFor chooses a column name that the importer maps to f alone and exactly: the
// field's label, the end of it ("Reference" for "Risk reference"), or a synonym.
func headerFor(f xlsx.Field, fields []xlsx.Field) (string, error) {
	words := strings.Fields(f.Label)
	cands := []string{f.Label}
	for i := 1; i < len(words); i++ {
		cands = append(cands, capitalise(strings.Join(words[i:], " ")))
	}
	for _, s := range f.Synonyms {
		cands = append(cands, capitalise(s))
	}
	for _, c := range cands {
		if !exact(c, f) {
			continue
		}
		alone := true
		for _, g := range fields {
			if g.Name != f.Name && exact(c, g) {
				alone = false
				break
			}
		}
		if alone {
			return c, nil
		}
	}
	return "", fmt.Errorf("no column name maps to the field %q alone", f.Name)
}

// exact reports whether the importer reads name as one of f's own names.
func exact(name string, f xlsx.Field) bool {
	n := xlsx.Normalize(name)
	for _, s := range f.Synonyms {
		if xlsx.Normalize(s) == n {
			return n != ""
		}
	}
	return false
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// isPerson reports whether a field names a person the import finds or adds.
func isPerson(f xlsx.Field) bool {
	switch f.Name {
	case "owner", "custodian", "person", "approver", "reviewer":
		return true
	}
	return false
}

// choices are the values a field's drop-down list offers: the enum's labels, Yes and No,
// or the levels of the risk method with their labels ("3 - Possible").
func choices(f xlsx.Field, m isms.RiskMethod) []string {
	switch f.Type {
	case xlsx.TypeEnum:
		out := make([]string, len(f.Options))
		for i, o := range f.Options {
			out[i] = o.Label
		}
		return out
	case xlsx.TypeBool:
		return []string{"Yes", "No"}
	case xlsx.TypeLevel:
		labels := make([]string, 5)
		name := strings.ToLower(f.Name)
		switch {
		case strings.Contains(name, "likelihood"):
			labels = m.Likelihood
		case strings.Contains(name, "impact"):
			labels = m.Impact
		}
		out := make([]string, len(labels))
		for i, l := range labels {
			out[i] = strconv.Itoa(i + 1)
			// a label with a digit would make "2 - Level 2" unreadable as a level
			if l = strings.TrimSpace(l); l != "" && !strings.ContainsAny(l, "0123456789") {
				out[i] += " - " + l
			}
		}
		return out
	}
	return nil
}

// days is an example date as days from now.
type days int

// examples are the example rows: realistic values for a small consultancy, by field. An
// enum's value is its label; a level's is the level; a percentage's a fraction.
var examples = map[string]map[string]any{
	xlsx.KindRequirements: {
		"ref": "GDPR Art. 32", "title": "Security of processing",
		"text":       "Implement appropriate technical and organisational measures to ensure a level of security appropriate to the risk to personal data.",
		"sourceType": "Legal", "source": "EU General Data Protection Regulation (GDPR)", "owner": "Sam Taylor",
		"applicable": true, "status": "Partially compliant",
		"evidence": "Encryption standard; quarterly access review records", "dueDate": days(90),
		"notes": "Laptop disk encryption is still being rolled out.", "controls": "A.5.15, A.8.24",
	},
	xlsx.KindControls: {
		"ref": "A.5.15", "title": "Access control",
		"description":   "Access to client files and internal systems is granted by role, on a need-to-know basis.",
		"applicability": "Applicable",
		"justification": "Protects client data (risk R-001) and is required by our client contracts.",
		"status":        "In progress", "owner": "Sam Taylor",
		"implementationPlan": "Define the roles in the access control policy, then review access every quarter.",
		"metric":             "Quarterly access reviews done on time", "evidence": "Access control policy; access review log",
		"dueDate": days(60), "notes": "Roles agreed with the partners; the first review is planned.",
	},
	xlsx.KindRisks: {
		"ref": "R-001", "title": "Stolen laptop exposes client files",
		"description": "A laptop left in a car or on a train is stolen and the client files on it are read.",
		"asset":       "Staff laptops", "threat": "Theft", "vulnerability": "Client files stored unencrypted on laptops",
		"likelihood": 3, "impact": 4, "owner": "Sam Taylor", "status": "Assessed", "treatment": "Mitigate",
		"treatmentPlan":      "Turn on full-disk encryption on every laptop and keep client files on SharePoint only.",
		"residualLikelihood": 2, "residualImpact": 2, "identifiedOn": days(-45), "controls": "A.8.1, A.8.24",
		"reviewDate": days(180),
	},
	xlsx.KindAssets: {
		"ref": "AST-001", "name": "Client project files", "type": "Information", "owner": "Sam Taylor",
		"custodian": "Jordan Lee", "location": "SharePoint Online (EU data centre)", "classification": "Confidential",
		"description": "Proposals, reports and working papers of client engagements.",
		"acquiredOn":  days(-730), "reviewDate": days(180), "status": "In use",
		"controls": "A.5.12, A.8.13", "notes": "Kept six years after the engagement ends.",
		// "risks" stays blank: it names risks already in the register, such as R-001
	},
	xlsx.KindPeople: {
		"name": "Alex Morgan", "email": "alex.morgan@northwind.example", "department": "Operations",
		"jobTitle": "Office manager", "active": true,
	},
	xlsx.KindAttendance: {
		"training": "Phishing awareness", "trainingRef": "TRN-01", "trainingDate": days(-21),
		"person": "Alex Morgan", "email": "alex.morgan@northwind.example", "status": "Attended",
		"score": 0.9, "date": days(-21), "note": "Passed the quiz at the end of the session.",
	},
	xlsx.KindMeasurements: {
		"kpi": "KPI-01", "date": days(-3), "value": 4.5, "note": "2 of 44 staff clicked the simulated phishing link.",
	},
	xlsx.KindAcknowledgements: {
		"person": "Alex Morgan", "email": "alex.morgan@northwind.example", "policy": "POL-01", "date": days(-7),
	},
	xlsx.KindSurveyResults: {
		"question": "Do you know how to report a security incident?", "answers": 18, "score": 4.2,
		"result": "Most staff would call the service desk; two did not know the incident e-mail address.",
	},
	xlsx.KindObjectives: {
		"ref": "OBJ-01", "title": "Fewer staff fall for phishing",
		"statement":    "Bring the click rate of the monthly phishing simulation below 5% by the end of the year.",
		"businessGoal": "Keep the trust of our clients", "measure": "Phishing simulation click rate",
		"target": 5.0, "unit": "%", "owner": "Sam Taylor", "dueDate": days(240), "status": "Proposed",
		"notes": "Simulations are run by the managed security provider.",
		// "kpis" stays blank: it names KPIs already in ISMS Desk, such as KPI-01
	},
	xlsx.KindKPIs: {
		"ref": "KPI-01", "name": "Phishing simulation click rate",
		"description": "Share of staff who click the link of the monthly simulated phishing e-mail.",
		"method":      "Clicks divided by recipients, from the phishing platform's monthly report.",
		"frequency":   "Monthly", "unit": "%", "target": 5.0, "direction": "Lower is better", "amber": 10.0,
		"owner": "Sam Taylor", "active": true,
		// "objective" and "control" stay blank: they name records already in ISMS Desk
	},
	xlsx.KindPolicies: {
		"ref": "POL-01", "title": "Information security policy", "docType": "Policy", "owner": "Sam Taylor",
		"approver": "Robin Partner", "reviewCycleMonths": 12, "nextReviewDate": days(300), "status": "Draft",
		"controls": "A.5.1",
	},
	xlsx.KindTrainings: {
		"ref": "TRN-01", "topic": "Phishing awareness", "description": "How to spot and report phishing e-mails, with a short quiz.",
		"date": days(14), "status": "Planned", "required": false, "trainer": "Jordan Lee", "durationHours": 1.5,
		"renewalMonths": 12, "materials": "SharePoint > Training > Phishing awareness.pptx", "owner": "Sam Taylor",
		// "roles" stays blank: it names roles already in ISMS Desk (a required training needs them)
	},
	xlsx.KindCampaigns: {
		"ref": "AW-01", "title": "Phishing awareness month",
		"description": "A tip a week on spotting phishing, and how to report it.",
		"channels":    "E-mail; Intranet", "audience": "All staff", "startDate": days(7), "endDate": days(37),
		"status": "Planned", "owner": "Sam Taylor",
	},
	xlsx.KindCommunications: {
		"date": days(-10), "subject": "New password policy in force", "audience": "All staff", "channel": "E-mail",
		"audienceSize": 44, "reach": 40, "owner": "Sam Taylor", "notes": "Sent with the policy attached; 4 people were on leave.",
	},
	xlsx.KindAuditResults: {
		"ref": "A.5.15", "question": "Are access rights reviewed every quarter, and the reviews recorded?",
		"result": "Conforming", "evidence": "Access review log of the last two quarters, signed by the owners.",
	},
	xlsx.KindNonconformities: {
		"ref": "NC-001", "title": "Leavers' accounts not removed on time",
		"description": "Two accounts of people who left in March were still active in April.",
		"source":      "Internal audit", "detectedOn": days(-20), "owner": "Sam Taylor", "status": "Correction",
		"dueDate": days(40), "correction": "The two accounts were disabled the day they were found.",
		"correctionOn": days(-19),
	},
	xlsx.KindActions: {
		"ref": "ACT-001", "title": "Add account removal to the leavers' checklist",
		"description": "HR tells IT the leaving date; IT disables the accounts that day.",
		"owner":       "Jordan Lee", "dueDate": days(30), "status": "In progress", "notes": "Checklist drafted with HR.",
	},
	xlsx.KindImprovements: {
		"ref": "IMP-01", "title": "Single sign-on for every business application",
		"goal":        "One account per person to disable when they leave.",
		"description": "Connect the remaining three applications to Microsoft Entra ID.",
		"owner":       "Jordan Lee", "status": "Approved", "startDate": days(-5), "dueDate": days(90),
	},
	xlsx.KindFeedback: {
		"date": days(-3), "from": "Client: Fabrikam", "text": "Please send the monthly reports through the portal, not by e-mail.",
		"sentiment": "Neutral", "status": "Accepted", "response": "Reports go through the client portal from next month.",
	},
}

// example is the example row's value of f, as it is written in the cell.
func example(kind string, f xlsx.Field, choices []string, now time.Time) any {
	v, ok := examples[kind][f.Name]
	if !ok {
		if _, known := examples[kind]; known {
			return nil // left blank on purpose
		}
		v = fallback(f, choices) // a kind added later: a plain, valid value
	}
	switch x := v.(type) {
	case days:
		d := now.AddDate(0, 0, int(x))
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	case bool:
		if x {
			return "Yes"
		}
		return "No"
	case int:
		if f.Type == xlsx.TypeLevel && len(choices) > 1 {
			// the example's level on a 1-5 scale, placed on the method's scale
			n := int(math.Round(float64(min(max(x, 1), 5)-1)*float64(len(choices)-1)/4)) + 1
			return choices[n-1]
		}
	}
	return v
}

// fallback is an example value for a field no example row names.
func fallback(f xlsx.Field, choices []string) any {
	switch f.Type {
	case xlsx.TypeDate:
		return days(-7)
	case xlsx.TypeBool:
		return true
	case xlsx.TypeInt:
		return 10
	case xlsx.TypeLevel:
		return min(3, len(choices))
	case xlsx.TypeFloat:
		return 4.5
	case xlsx.TypePercent:
		return 0.9
	case xlsx.TypeEmail:
		return "alex.morgan@northwind.example"
	case xlsx.TypeEnum:
		if len(choices) > 0 {
			return choices[0]
		}
		return nil
	}
	if isPerson(f) {
		return "Sam Taylor"
	}
	if f.Key {
		return "EX-01"
	}
	return "Example " + strings.ToLower(f.Label)
}

// notes say what each field holds, by kind; fieldNotes are the ones shared by kinds.
var (
	fieldNotes = map[string]string{
		"owner":       "Who is accountable for it.",
		"custodian":   "Who looks after it day to day.",
		"notes":       "Anything else worth keeping with the record.",
		"note":        "Anything worth keeping with the value.",
		"evidence":    "Where the evidence is: documents, records or links.",
		"dueDate":     "When the work on it is due.",
		"reviewDate":  "When it is next reviewed.",
		"description": "What it is, in a sentence or two.",
		"controls":    "The controls that apply, by reference, separated by commas: Annex A references such as A.5.15, or the reference of a custom control already in ISMS Desk.",
		"risks":       "The risks to it, by the references of risks already in ISMS Desk (such as R-001), separated by commas.",
	}
	notes = map[string]map[string]string{
		xlsx.KindRequirements: {
			"ref":        "The requirement's reference, unique in the register, such as GDPR Art. 32. A row whose reference is already in ISMS Desk updates that requirement.",
			"title":      "A short name for the requirement.",
			"text":       "What the law, contract or party asks for, in its own words.",
			"sourceType": "What kind of source the requirement comes from.",
			"source":     "The law, regulation, contract or interested party it comes from.",
			"owner":      "Who answers for meeting the requirement.",
			"applicable": "Whether the requirement applies to the organisation.",
			"status":     "How far the organisation meets it today.",
			"controls":   fieldNotes["controls"],
		},
		xlsx.KindControls: {
			"ref":                "The Annex A reference of the control (ISO/IEC 27001:2022), such as A.5.15, or the organisation's own reference for a custom control. The catalogue's titles are kept as they are.",
			"title":              "The control's title; for an Annex A control, the catalogue title.",
			"description":        "How the control works in the organisation.",
			"applicability":      "Whether the control is in the Statement of Applicability.",
			"justification":      "Why the control is included or excluded; required once applicability is decided.",
			"status":             "How far the control is implemented; Not applicable only for an excluded control.",
			"owner":              "Who is responsible for the control.",
			"implementationPlan": "What is still to be done, and how.",
			"metric":             "How the control's effectiveness is measured.",
		},
		xlsx.KindRisks: {
			"ref":                "The risk's reference, unique in the register, such as R-001. A row whose reference is already in ISMS Desk updates that risk.",
			"title":              "A short name for the risk.",
			"description":        "The risk scenario: what could happen and how.",
			"asset":              "The asset or process at risk.",
			"threat":             "What could cause the harm.",
			"vulnerability":      "The weakness the threat would exploit.",
			"likelihood":         "How likely the risk is today, on the risk method's scale.",
			"impact":             "How bad the consequences would be, on the risk method's scale.",
			"owner":              "The risk owner, who decides on its treatment.",
			"status":             "Where the risk is in its life; Treated, Accepted and Closed need a treatment option.",
			"treatment":          "How the risk is treated.",
			"treatmentPlan":      "The actions that treat the risk.",
			"residualLikelihood": "How likely the risk is once treated.",
			"residualImpact":     "How bad the consequences would be once treated.",
			"identifiedOn":       "When the risk was identified.",
			"controls":           "The controls that treat the risk, by reference, separated by commas (such as A.8.1, A.8.24).",
		},
		xlsx.KindAssets: {
			"ref":            "The asset's reference, unique in the inventory, such as AST-001. A row whose reference is already in ISMS Desk updates that asset.",
			"name":           "What the asset is.",
			"type":           "The kind of asset.",
			"owner":          "The asset owner, accountable for it.",
			"location":       "Where it is kept or runs.",
			"classification": "How sensitive the information is.",
			"acquiredOn":     "When it was acquired or created.",
			"status":         "Whether it is in use, planned or retired.",
		},
		xlsx.KindPeople: {
			"name":       "The person's full name.",
			"email":      "The person's e-mail address; a row with an e-mail already in ISMS Desk updates that person.",
			"department": "The department or team.",
			"jobTitle":   "The person's job title.",
			"active":     "No for someone who has left.",
		},
		xlsx.KindAttendance: {
			"training":     "The training's topic. A training not yet in ISMS Desk is added, held on the training date.",
			"trainingRef":  "The training's reference, such as TRN-01, when it has one; it finds the training before its topic does.",
			"trainingDate": "The day the training took place; it tells sessions of the same topic apart.",
			"person":       "Who attended (or was expected).",
			"email":        "The attendee's e-mail address; it finds the person before the name does.",
			"status":       "Whether the person attended.",
			"score":        "The quiz or test result, from 0 to 100%.",
			"date":         "When the person attended, when it is not the training date.",
		},
		xlsx.KindMeasurements: {
			"kpi":   "The KPI measured, by its reference (such as KPI-01) or its name. The KPI must already be in ISMS Desk.",
			"date":  "The day (or the end of the period) the value was measured.",
			"value": "The measured value, in the KPI's unit.",
		},
		xlsx.KindAcknowledgements: {
			"person": "Who acknowledged the policy.",
			"email":  "That person's e-mail address; it finds the person before the name does.",
			"policy": "The policy acknowledged, by its reference (such as POL-01) or its exact title. The policy must already be in ISMS Desk, and published.",
			"date":   "When the person acknowledged it; left blank, the day of the import.",
		},
		xlsx.KindSurveyResults: {
			"question": "The question, as the survey asks it: a question the survey already has is updated, a new one is added.",
			"answers":  "How many people answered the question.",
			"score":    "The average score of the answers.",
			"result":   "What the answers say, in a sentence or two.",
		},
	}
)

// either names, by kind, the required fields that another field can stand in for (as
// the importer reads them): the field's label, by field.
var either = map[string]map[string]string{
	xlsx.KindAttendance:       {"training": "Training reference"},
	xlsx.KindAcknowledgements: {"person": "E-mail"},
}

// note is the header's comment: what the field holds, whether it is required and how
// the value is written.
func note(kind string, f xlsx.Field, choices []string) string {
	text, ok := notes[kind][f.Name]
	if !ok {
		text, ok = fieldNotes[f.Name]
	}
	if !ok {
		text = f.Label + "."
	}
	var parts []string
	if alt, ok := either[kind][f.Name]; ok {
		parts = append(parts, "Required, unless the row gives the "+strings.ToLower(alt)+".")
	} else if f.Required {
		parts = append(parts, "Required.")
	}
	parts = append(parts, text)
	if isPerson(f) {
		parts = append(parts, PeopleNote)
	}
	switch f.Type {
	case xlsx.TypeEnum, xlsx.TypeBool, xlsx.TypeLevel:
		parts = append(parts, "Choose from the list: "+strings.Join(choices, ", ")+".")
	case xlsx.TypeDate:
		parts = append(parts, "A date, such as 2025-03-31.")
	case xlsx.TypeInt:
		parts = append(parts, "A whole number.")
	case xlsx.TypeFloat:
		parts = append(parts, "A number.")
	case xlsx.TypePercent:
		parts = append(parts, "A percentage, such as 85%.")
	case xlsx.TypeEmail:
		parts = append(parts, "An e-mail address.")
	case xlsx.TypeMultiline:
		parts = append(parts, "Several lines are fine.")
	}
	return strings.Join(parts, " ")
}

// kindText is how a template speaks of its kind.
type kindText struct {
	sheet string // the register sheet's name
	label string // the kind as the import wizard names it
	row   string // what one row is
	into  string // for a kind imported into records already in ISMS Desk: which, and how
}

var kinds = map[string]kindText{
	xlsx.KindRequirements: {sheet: "Requirements", label: "Requirements", row: "a legal, regulatory, contractual or business requirement"},
	xlsx.KindControls:     {sheet: "Controls", label: "Controls (Statement of Applicability)", row: "a control of the Statement of Applicability"},
	xlsx.KindRisks:        {sheet: "Risks", label: "Risks", row: "a risk"},
	xlsx.KindPeople:       {sheet: "People", label: "People", row: "a person"},
	xlsx.KindAssets:       {sheet: "Assets", label: "Assets", row: "an asset"},
	xlsx.KindAttendance: {sheet: "Attendance", label: "Training attendance", row: "one person's attendance at a training",
		into: "The rows go into trainings: a training already in ISMS Desk is found by its reference, or by its topic and date; a training that is not there yet is added, held on the row's training date. Importing the same list again changes nothing."},
	xlsx.KindMeasurements: {sheet: "Measurements", label: "KPI measurements", row: "one measured value of a KPI",
		into: "The rows go into KPIs already in ISMS Desk: add the KPI first (Monitoring), then name it by its reference or name on each row. A second value for the same KPI and date updates the first."},
	xlsx.KindAcknowledgements: {sheet: "Acknowledgements", label: "Policy acknowledgements", row: "one person's acknowledgement of a policy",
		into: "The rows go into policies already in ISMS Desk: each row names the policy by its reference or exact title, and records the acknowledgement of its published version, so add and publish the policy first. Someone who already acknowledged that version is left as they were."},
	xlsx.KindObjectives: {sheet: "Objectives", label: "Objectives", row: "an information security objective",
		into: "A row whose reference is already in ISMS Desk updates that objective. An import never approves an objective: senior management approves it in ISMS Desk (Objectives) once it is SMART."},
	xlsx.KindKPIs: {sheet: "KPIs", label: "KPIs", row: "a KPI (its definition; its values are imported as KPI measurements)"},
	xlsx.KindPolicies: {sheet: "Policies", label: "Policies (register)", row: "a policy, procedure or standard of the register",
		into: "A new policy starts with a draft version 1.0. An import never approves or publishes a policy: its versions are written, approved and published in ISMS Desk (Policies), and the status column must say what ISMS Desk says."},
	xlsx.KindTrainings: {sheet: "Trainings", label: "Training sessions", row: "a training session",
		into: "A training already in ISMS Desk is found by its reference, or by its topic and date. Attendance is imported separately, as training attendance."},
	xlsx.KindCampaigns:      {sheet: "Campaigns", label: "Awareness campaigns", row: "an awareness campaign"},
	xlsx.KindCommunications: {sheet: "Communication log", label: "Communication log", row: "one entry of the communication log", into: "An entry already in ISMS Desk is found by its date and subject."},
	xlsx.KindAuditResults: {sheet: "Checklist", label: "Audit checklist results", row: "one checklist item of an audit, with its result",
		into: "The rows go into one audit already in ISMS Desk, planned or in progress: choose it in the import wizard. Each row is matched to the checklist item with the same clause or control and question, or added; results are recorded once the audit is started. The import never changes the audit's status."},
	xlsx.KindNonconformities: {sheet: "Nonconformities", label: "Nonconformities", row: "a nonconformity",
		into: "A row whose reference is already in ISMS Desk updates that nonconformity, one stage at a time. The effectiveness review and the closing are recorded in ISMS Desk (Corrective actions), never by an import."},
	xlsx.KindActions:      {sheet: "Actions", label: "Actions", row: "an action"},
	xlsx.KindImprovements: {sheet: "Improvements", label: "Improvements", row: "an improvement initiative"},
	xlsx.KindFeedback: {sheet: "Feedback", label: "Feedback", row: "one feedback item",
		into: "An item already in ISMS Desk is found by its date and text. Feedback becomes an improvement or a nonconformity in ISMS Desk (Feedback), never by an import."},
	xlsx.KindSurveyResults: {sheet: "Survey results", label: "Survey results", row: "one question of a survey, with its results",
		into: "The rows go into one survey already in ISMS Desk: add the survey first (Surveys), then choose it in the import wizard. Each row's question is matched by its text: the survey's question is updated, or a new one is added."},
}

// Write writes the template of kind as an .xlsx workbook.
func Write(w io.Writer, kind string, opt Options) error {
	cols, err := Columns(kind, opt)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := SheetName(kind)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := writeRegister(f, sheet, cols); err != nil {
		return err
	}
	if err := writeHowTo(f, kind, cols); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: "ISMS Desk - " + Label(kind) + " template", Creator: "ISMS Desk",
		Description: "Fill in one row per record on the first sheet, then use Import from Excel in ISMS Desk.",
	}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// register sheet layout
const (
	listRows     = 1000 // drop-downs and formats cover this many rows under the header
	minWidth     = 12.0
	maxWidth     = 50.0
	commentWidth = 280 // pixels
)

func writeRegister(f *excelize.File, sheet string, cols []Column) error {
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF", Family: "Calibri", Size: 11},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E78"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "FFFFFF", Style: 1}},
	})
	if err != nil {
		return err
	}
	required, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF", Family: "Calibri", Size: 11},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "FFFFFF", Style: 1}},
	})
	if err != nil {
		return err
	}
	fmtDate := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &fmtDate, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	if err != nil {
		return err
	}
	pctStyle, err := f.NewStyle(&excelize.Style{NumFmt: 9, Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	wrapStyle, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	topStyle, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	lists := 0 // columns of the hidden "Lists" sheet used by long drop-downs
	for _, c := range cols {
		l := c.Letter
		cell := l + "1"
		if err := f.SetCellStr(sheet, cell, c.Header); err != nil {
			return err
		}
		st := header
		if c.Field.Required {
			st = required
		}
		if err := f.AddComment(sheet, excelize.Comment{Author: "ISMS Desk", Cell: cell, Text: c.Note,
			Width: commentWidth, Height: commentHeight(c.Note)}); err != nil {
			return err
		}
		// the column's format, for the example row and the rows the user adds
		colStyle := topStyle
		switch c.Field.Type {
		case xlsx.TypeDate:
			colStyle = dateStyle
		case xlsx.TypePercent:
			colStyle = pctStyle
		case xlsx.TypeMultiline:
			colStyle = wrapStyle
		}
		if err := f.SetColStyle(sheet, l, colStyle); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell, cell, st); err != nil { // the header over the column's style
			return err
		}
		if err := f.SetColWidth(sheet, l, l, width(c)); err != nil {
			return err
		}
		if err := writeExample(f, sheet, l+"2", c.Example); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, l+"2", l+"2", colStyle); err != nil {
			return err
		}
		if err := validate(f, sheet, c, &lists); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sheet, 1, 30); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

// commentHeight fits a note of that length in a comment box commentWidth pixels wide.
func commentHeight(note string) uint {
	lines := utf8.RuneCountInString(note)/40 + 2
	return uint(min(lines*15+10, 400))
}

// width is a column's width in characters: its header and example, within bounds; text
// that runs over several lines gets a wide column.
func width(c Column) float64 {
	n := float64(utf8.RuneCountInString(c.Header)) + 2
	if s, ok := c.Example.(string); ok {
		n = max(n, float64(utf8.RuneCountInString(s))+2)
	}
	for _, ch := range c.Choices {
		n = max(n, float64(utf8.RuneCountInString(ch))+4) // room for the drop-down arrow
	}
	if c.Field.Type == xlsx.TypeMultiline {
		n = max(n, 40)
	}
	return math.Min(maxWidth, math.Max(minWidth, n))
}

func writeExample(f *excelize.File, sheet, cell string, v any) error {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return f.SetCellStr(sheet, cell, x)
	default:
		return f.SetCellValue(sheet, cell, x)
	}
}

// validate adds the column's data validation: the drop-down list of its choices, or a
// date check. A value outside them only warns: the importer also reads synonyms (such as
// other languages' words), and says what is wrong with a value it cannot read.
func validate(f *excelize.File, sheet string, c Column, lists *int) error {
	sqref := fmt.Sprintf("%s2:%s%d", c.Letter, c.Letter, listRows+1)
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	switch {
	case len(c.Choices) > 0:
		if err := dv.SetDropList(c.Choices); err != nil || strings.Contains(strings.Join(c.Choices, ""), ",") {
			if err != nil && !errors.Is(err, excelize.ErrDataValidationFormulaLength) {
				return err
			}
			ref, err := listRange(f, c.Choices, lists)
			if err != nil {
				return err
			}
			dv.SetSqrefDropList(ref)
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, c.Header, "Choose one of: "+strings.Join(c.Choices, ", ")+".")
	case c.Field.Type == xlsx.TypeDate:
		// 1 January 1900 to 31 December 9999, as Excel counts days
		if err := dv.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, c.Header, "Enter a date, such as 2025-03-31.")
	default:
		return nil
	}
	return f.AddDataValidation(sheet, dv)
}

// listsSheet holds the drop-down lists too long (or with commas) to sit in the validation.
const listsSheet = "Lists"

// listRange writes choices into the next column of the hidden Lists sheet and returns
// the absolute reference of the cells.
func listRange(f *excelize.File, choices []string, lists *int) (string, error) {
	if *lists == 0 {
		if _, err := f.NewSheet(listsSheet); err != nil {
			return "", err
		}
		if err := f.SetSheetVisible(listsSheet, false, true); err != nil {
			return "", err
		}
	}
	*lists++
	l := xlsx.ColumnLetter(*lists - 1)
	for i, ch := range choices {
		if err := f.SetCellStr(listsSheet, fmt.Sprintf("%s%d", l, i+1), ch); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("'%s'!$%s$1:$%s$%d", listsSheet, l, l, len(choices)), nil
}

// writeHowTo writes the second sheet: what the template is for, how to fill it in and
// import it, and a paragraph per column.
func writeHowTo(f *excelize.File, kind string, cols []Column) error {
	if _, err := f.NewSheet(HowToSheet); err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: "1F4E78", Family: "Calibri"}})
	if err != nil {
		return err
	}
	heading, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: "1F4E78", Family: "Calibri"},
		Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	para, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	if err := f.SetColWidth(HowToSheet, "A", "A", 110); err != nil {
		return err
	}
	row := 0
	put := func(text string, style int) error {
		row++
		cell := "A" + strconv.Itoa(row)
		if err := f.SetCellStr(HowToSheet, cell, text); err != nil {
			return err
		}
		if style == para {
			// about 105 characters a line at this width
			lines := utf8.RuneCountInString(text)/105 + 1
			if err := f.SetRowHeight(HowToSheet, row, float64(lines)*15+3); err != nil {
				return err
			}
		}
		return f.SetCellStyle(HowToSheet, cell, cell, style)
	}
	k := kinds[kind]
	if k.row == "" {
		k.row = "a record"
	}
	sheet := SheetName(kind)
	var required []string
	for _, c := range cols {
		if c.Field.Required {
			required = append(required, c.Header)
		}
	}
	paras := []string{
		fmt.Sprintf("Each row of the sheet %q is %s. Row 1 holds the column names: keep them as they are, so that ISMS Desk recognises every column. Row 2 is an example: replace it with your own rows, or delete it.", sheet, k.row),
		strings.TrimSpace("Columns you do not need can stay empty. " + requiredText(required) +
			" Each column name has a note (point at it) saying what the column holds; where a cell has a drop-down list, choose a value from it."),
	}
	if k.into != "" {
		paras = append(paras, k.into)
	}
	paras = append(paras, fmt.Sprintf("Import it in ISMS Desk: Import from Excel, choose this file and the record kind %q. The wizard shows every row and every problem before anything is written, and an import can be reverted from its history.", Label(kind)))
	if err := put("How to use this template", title); err != nil {
		return err
	}
	for _, p := range paras {
		if err := put(p, para); err != nil {
			return err
		}
	}
	row++ // a blank line
	if err := put("The columns", heading); err != nil {
		return err
	}
	for _, c := range cols {
		if err := put(c.Header+": "+c.Note, para); err != nil {
			return err
		}
	}
	return nil
}

func requiredText(required []string) string {
	switch len(required) {
	case 0:
		return ""
	case 1:
		return "The column " + required[0] + " (in red) is required."
	}
	return "The columns " + strings.Join(required[:len(required)-1], ", ") + " and " + required[len(required)-1] + " (in red) are required."
}
