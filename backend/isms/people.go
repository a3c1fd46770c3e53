package isms

import "strings"

// Person is someone of the organisation: owners, approvers, auditors and attendees are people (5.3).
type Person struct {
	Meta
	Name       string   `json:"name"`       // full name
	Email      string   `json:"email"`      // e-mail address; unique when set
	Department string   `json:"department"` // e.g. "Engineering"
	JobTitle   string   `json:"jobTitle"`   // e.g. "CTO"
	RoleIDs    []string `json:"roleIds"`    // ISMS roles held
	Active     bool     `json:"active"`     // false once the person has left
}

// Kind implements Record.
func (*Person) Kind() Kind { return KindPerson }

// Validate implements Record.
func (r *Person) Validate() error {
	p := NewProblems("person")
	p.Require("name", r.Name)
	p.MaxLen("name", r.Name, 200)
	p.MaxLen("email", r.Email, 254)
	p.Email("email", r.Email)
	p.IDs("roleIds", r.RoleIDs)
	return p.Err()
}

// Terms implements Record. A person's reference is the lower-cased e-mail address, so
// that re-importing a people list finds the same people.
func (r *Person) Terms() Terms {
	status := "inactive"
	if r.Active {
		status = "active"
	}
	return Terms{
		Ref: strings.ToLower(strings.TrimSpace(r.Email)), Title: r.Name, Status: status,
		Links: linksTo("roleIds", KindRole, r.RoleIDs),
	}
}

// Role is an ISMS role with its responsibilities and authorities (5.3).
type Role struct {
	Meta
	Name             string `json:"name"`             // e.g. "ISMS Manager"; unique
	Responsibilities string `json:"responsibilities"` // responsibilities and authorities
	Standard         bool   `json:"standard"`         // whether it is one of the standard roles the app starts with
	// Areas are the ISMS areas the role is responsible for (ResponsibilityAreas): the
	// responsibility matrix.
	Areas []string `json:"areas"`
}

// The ISMS areas of the responsibility matrix (5.3).
var ResponsibilityAreas = Enum{
	{"context", "Context and scope"},
	{"objectives", "Objectives"},
	{"requirements", "Requirements"},
	{"policies", "Policies"},
	{"risks", "Risk assessment and treatment"},
	{"controls", "Controls (SoA)"},
	{"assets", "Assets"},
	{"training", "Training and awareness"},
	{"monitoring", "Monitoring and KPIs"},
	{"audits", "Internal audits"},
	{"reviews", "Management reviews"},
	{"corrective", "Corrective actions"},
	{"improvement", "Improvement"},
}

// Kind implements Record.
func (*Role) Kind() Kind { return KindRole }

// Validate implements Record.
func (r *Role) Validate() error {
	p := NewProblems("role")
	p.Require("name", r.Name)
	p.MaxLen("name", r.Name, 200)
	for _, a := range r.Areas {
		if !ResponsibilityAreas.Has(a) {
			p.Add("areas", "must be among %v", ResponsibilityAreas.Values())
			break
		}
	}
	return p.Err()
}

// Terms implements Record. A role's reference is its name.
func (r *Role) Terms() Terms {
	return Terms{Ref: strings.TrimSpace(r.Name), Title: r.Name}
}

// Names of the standard roles.
const (
	RoleISMSManager      = "ISMS Manager"
	RoleSecurityOfficer  = "Information Security Officer"
	RoleHRTraining       = "HR and Training"
	RoleInternalAudit    = "Internal Audit"
	RoleSeniorManagement = "Senior Management"
	RoleEmployees        = "Employees"
)

// StandardRoles returns the roles a new database starts with.
func StandardRoles() []Role {
	return []Role{
		{Name: RoleISMSManager, Standard: true, Areas: []string{"context", "objectives", "requirements", "policies", "risks", "controls", "assets", "monitoring", "reviews", "improvement"}, Responsibilities: "Owns the ISMS: plans and runs the programme, keeps the registers and the Statement of Applicability, coordinates risk assessment and treatment, reports ISMS performance to senior management and prepares management reviews."},
		{Name: RoleSecurityOfficer, Standard: true, Areas: []string{"risks", "controls", "assets", "monitoring", "corrective"}, Responsibilities: "Advises on and oversees information security controls, monitors security events and KPIs, handles incidents and nonconformities, and follows up corrective actions."},
		{Name: RoleHRTraining, Standard: true, Areas: []string{"training"}, Responsibilities: "Plans and records security training and awareness, keeps competence records, and handles the security aspects of joining, moving and leaving (screening, terms of employment, disciplinary process)."},
		{Name: RoleInternalAudit, Standard: true, Areas: []string{"audits"}, Responsibilities: "Plans and carries out internal audits of the ISMS objectively and impartially, reports findings and verifies corrective actions; does not audit their own work."},
		{Name: RoleSeniorManagement, Standard: true, Areas: []string{"objectives", "policies", "risks", "reviews"}, Responsibilities: "Demonstrates leadership and commitment: approves the policy, objectives and resources, accepts residual risks, chairs management reviews and decides on improvements."},
		{Name: RoleEmployees, Standard: true, Responsibilities: "Follow the information security policy and procedures, complete required training, and report security events, weaknesses and suggestions."},
	}
}
