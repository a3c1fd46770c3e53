package store

import (
	"encoding/json"
	"fmt"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// The settings that hold the organisation (isms.Organisation).
const (
	SettingOrgName           = "organisation"
	SettingOrgScope          = "organisation.scope"
	SettingOrgClassification = "organisation.classification"
	SettingOrgRiskMethod     = "organisation.riskMethod" // JSON of isms.RiskMethod
)

// Organisation returns the organisation's settings; the risk method is the default one
// until it is set.
func (tx *Tx) Organisation() (isms.Organisation, error) {
	var o isms.Organisation
	var err error
	if o.Name, err = tx.Setting(SettingOrgName); err != nil {
		return o, err
	}
	if o.Scope, err = tx.Setting(SettingOrgScope); err != nil {
		return o, err
	}
	if o.Classification, err = tx.Setting(SettingOrgClassification); err != nil {
		return o, err
	}
	raw, err := tx.Setting(SettingOrgRiskMethod)
	if err != nil {
		return o, err
	}
	o.RiskMethod = isms.DefaultRiskMethod()
	if raw != "" {
		var m isms.RiskMethod
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			return o, fmt.Errorf("store: unable to read the risk method: %w", err)
		}
		if m.Validate() == nil {
			o.RiskMethod = m
		}
	}
	return o, nil
}

// SetOrganisation validates and stores the organisation's settings. A risk method that
// no longer holds the scores of stored risks is refused, naming the first such risk.
func (tx *Tx) SetOrganisation(o isms.Organisation) error {
	if err := o.Validate(); err != nil {
		return err
	}
	err := tx.Each(isms.KindRisk, func(r isms.Record) error {
		risk := r.(*isms.Risk)
		if len(o.RiskMethod.Likelihood) < max(risk.Likelihood, risk.ResidualLikelihood) ||
			len(o.RiskMethod.Impact) < max(risk.Impact, risk.ResidualImpact) {
			return &isms.Error{Code: isms.CodeInvalid,
				Message: fmt.Sprintf("risk %s is scored beyond the new scales: rescore it first", risk.Ref),
				Fields:  map[string]string{"riskMethod.likelihood": "risk " + risk.Ref + " uses a higher level"}}
		}
		return nil
	})
	if err != nil {
		return err
	}
	raw, err := json.Marshal(o.RiskMethod)
	if err != nil {
		return fmt.Errorf("store: unable to encode the risk method: %w", err)
	}
	for name, v := range map[string]string{
		SettingOrgName: o.Name, SettingOrgScope: o.Scope, SettingOrgClassification: o.Classification,
		SettingOrgRiskMethod: string(raw),
	} {
		if err := tx.SetSetting(name, v); err != nil {
			return err
		}
	}
	return nil
}
