package app

import (
	"fmt"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// OrganisationService keeps the organisation's name, the ISMS scope (4.3) and the risk
// method (6.1.2), which every report cover and risk score use.
type OrganisationService struct{ app *App }

// Get returns the organisation's settings.
func (s *OrganisationService) Get() (isms.Organisation, error) {
	var out isms.Organisation
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		out, err = loadOrganisation(tx)
		return err
	})
	return out, err
}

// Save stores the organisation's settings. A new risk method re-levels the stored risks
// (PreviewRiskMethod shows how first); the acceptances it no longer allows are withdrawn
// in the same transaction, each risk back to its status before acceptance with a history
// entry that says the method changed. A method whose scales no longer hold a stored score
// is refused, naming the risks.
func (s *OrganisationService) Save(o isms.Organisation) (isms.Organisation, error) {
	// a batch: a register of thousands of accepted risks may lose its acceptances at once
	err := s.app.batch(func(b *store.Batch) error {
		var withdrawn []*isms.Risk
		var note string
		err := b.Do(func(tx *store.Tx) error {
			old, risks, change, err := methodChange(tx, o)
			if err != nil {
				return err
			}
			note = fmt.Sprintf("acceptance withdrawn: the risk method changed its acceptance threshold from %d to %d", old.RiskMethod.Threshold, o.RiskMethod.Threshold)
			byID := make(map[string]*isms.Risk, len(risks))
			for _, r := range risks {
				byID[r.ID] = r
			}
			for _, v := range change.Risks {
				if v.Withdrawn {
					withdrawn = append(withdrawn, byID[v.RiskID])
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, r := range withdrawn {
			r.WithdrawAcceptance()
			if err := b.Do(func(tx *store.Tx) error { return tx.Put(r, note) }); err != nil {
				return err
			}
		}
		return b.Do(func(tx *store.Tx) error { return tx.SetOrganisation(o) })
	})
	if err != nil {
		return isms.Organisation{}, err
	}
	return s.Get()
}

// PreviewRiskMethod shows, before a new risk method is saved, which stored risks would
// change level and which accepted risks would lose their acceptance (they would sit
// above the new threshold). Nothing is changed. A method that does not hold the stored
// scores is refused as Save refuses it.
func (s *OrganisationService) PreviewRiskMethod(m isms.RiskMethod) (isms.RiskMethodChange, error) {
	var out isms.RiskMethodChange
	err := s.app.view(func(tx *store.Tx) (err error) {
		// Only the method is checked; the name stands in for the one the form holds.
		_, _, out, err = methodChange(tx, isms.Organisation{Name: "-", RiskMethod: m})
		return err
	})
	return out, err
}

// methodChange validates o and works out what its risk method changes in the stored
// risks: the settings stored now, the risks, and the change (see RiskMethod.ChangeTo).
func methodChange(tx *store.Tx, o isms.Organisation) (isms.Organisation, []*isms.Risk, isms.RiskMethodChange, error) {
	if err := o.Validate(); err != nil {
		return isms.Organisation{}, nil, isms.RiskMethodChange{}, err
	}
	old, err := loadOrganisation(tx)
	if err != nil {
		return isms.Organisation{}, nil, isms.RiskMethodChange{}, err
	}
	risks, err := storedRisks(tx)
	if err != nil {
		return isms.Organisation{}, nil, isms.RiskMethodChange{}, err
	}
	change, err := old.RiskMethod.ChangeTo(o.RiskMethod, risks)
	return old, risks, change, err
}

// storedRisks returns every stored risk in creation order.
func storedRisks(tx *store.Tx) ([]*isms.Risk, error) {
	var out []*isms.Risk
	err := tx.Each(isms.KindRisk, func(r isms.Record) error {
		out = append(out, r.(*isms.Risk))
		return nil
	})
	return out, err
}

// loadOrganisation returns the organisation's settings; a demo database that was given
// no name of its own is the demo organisation.
func loadOrganisation(tx *store.Tx) (isms.Organisation, error) {
	org, err := tx.Organisation()
	if err != nil || strings.TrimSpace(org.Name) != "" {
		return org, err
	}
	demo, err := tx.Setting(seed.SettingDemo)
	if err == nil && demo != "" {
		org.Name = seed.DemoOrganisation
	}
	return org, err
}

// Enums returns every enum the forms offer, by name.
func (s *RecordService) Enums() map[string][]isms.Option {
	return map[string][]isms.Option{
		"objectiveStatuses":   isms.ObjectiveStatuses,
		"approvalMethods":     isms.ApprovalMethods,
		"issueTypes":          isms.IssueTypes,
		"issueCategories":     isms.IssueCategories,
		"issueStatuses":       isms.IssueStatuses,
		"partyCategories":     isms.PartyCategories,
		"influences":          isms.Influences,
		"docTypes":            isms.DocTypes,
		"policyStatuses":      isms.PolicyStatuses,
		"reviewOutcomes":      isms.PolicyReviewOutcomes,
		"themes":              isms.Themes,
		"applicabilities":     isms.Applicabilities,
		"implementation":      isms.ImplementationStatuses,
		"inclusionReasons":    isms.InclusionReasons,
		"controlTypes":        isms.ControlTypes,
		"securityProperties":  isms.SecurityProperties,
		"cyberConcepts":       isms.CybersecurityConcepts,
		"capabilities":        isms.OperationalCapabilities,
		"securityDomains":     isms.SecurityDomains,
		"riskStatuses":        isms.RiskStatuses,
		"treatments":          isms.TreatmentOptions,
		"riskLevels":          isms.RiskLevels,
		"milestoneStatuses":   isms.MilestoneStatuses,
		"responsibilityAreas": isms.ResponsibilityAreas,
		"requirementSources":  isms.RequirementSources,
		"complianceStatuses":  isms.ComplianceStatuses,
		"clauses":             clauseOptions(),
		"evidenceTargets":     isms.EvidenceTargets,
		"assetTypes":          isms.AssetTypes,
		"classifications":     isms.Classifications,
		"assetStatuses":       isms.AssetStatuses,
		"trainingStatuses":    isms.TrainingStatuses,
		"attendanceStatuses":  isms.AttendanceStatuses,
		"channels":            isms.Channels,
		"campaignStatuses":    isms.CampaignStatuses,
		"frequencies":         isms.Frequencies,
		"directions":          isms.Directions,
		"kpiSources":          isms.KPISources,
		"measurementSources":  isms.MeasurementSources,
		"rags":                isms.RAGs,
		"ncSources":           isms.NonconformitySources,
		"ncStatuses":          isms.NonconformityStatuses,
		"verdicts":            isms.Verdicts,
		"actionStatuses":      isms.ActionStatuses,
		"improvementStatuses": isms.ImprovementStatuses,
		"auditStatuses":       isms.AuditStatuses,
		"checklistResults":    isms.ChecklistResults,
		"auditMethods":        isms.AuditMethods,
		"severities":          isms.Severities,
		"reviewStatuses":      isms.ReviewStatuses,
		"reviewInputs":        isms.ReviewInputs,
		"decisionCategories":  isms.DecisionCategories,
		"surveyKinds":         isms.SurveyKinds,
		"sentiments":          isms.Sentiments,
		"feedbackStatuses":    isms.FeedbackStatuses,
	}
}

// clauseOptions lists clauses 4 to 10 of ISO/IEC 27001:2022 as "6.1.2" with its title.
func clauseOptions() []isms.Option {
	var out []isms.Option
	for _, c := range isms.Clauses() {
		out = append(out, isms.Option{Value: c.Ref, Label: c.Title})
	}
	return out
}

// Choices lists the records of a kind as pickers offer them (people who left are not offered).
func (s *RecordService) Choices(kind string) ([]isms.Option, error) {
	k, err := isms.ParseKind(kind)
	if err != nil {
		return nil, err
	}
	var out []isms.Option
	err = s.app.view(func(tx *store.Tx) error {
		out, err = overview.Choices(tx, k)
		return err
	})
	return out, err
}
