package isms

import (
	"fmt"
	"math"
	"strings"
)

// Organisation is the organisation whose ISMS this is and the settings of its method
// (clause 4.3 scope, clause 6.1.2 risk criteria). It is kept as settings, not as a record.
type Organisation struct {
	Name           string     `json:"name"`           // printed on every report's cover
	Scope          string     `json:"scope"`          // the ISMS scope statement (4.3)
	Classification string     `json:"classification"` // the label printed on reports, e.g. "Confidential"
	RiskMethod     RiskMethod `json:"riskMethod"`     // likelihood and impact scales, acceptance threshold
}

// Validate checks the organisation's settings.
func (o *Organisation) Validate() error {
	p := NewProblems("organisation")
	p.Require("name", strings.TrimSpace(o.Name))
	p.MaxLen("name", o.Name, 200)
	p.MaxLen("scope", o.Scope, 4000)
	p.MaxLen("classification", o.Classification, 64)
	o.RiskMethod.check(p, "riskMethod.")
	return p.Err()
}

// RiskMethod is the risk assessment method (6.1.2): the likelihood and impact scales,
// each of 3 to 5 levels with labels (lowest first), and the acceptance threshold: a risk
// whose score is at most the threshold may be accepted without a further reason.
type RiskMethod struct {
	Likelihood []string `json:"likelihood"` // labels of the likelihood levels, 1 first
	Impact     []string `json:"impact"`     // labels of the impact levels, 1 first
	Threshold  int      `json:"threshold"`  // the highest acceptable score (likelihood times impact)
}

// DefaultRiskMethod is the 5 by 5 method a new database starts with.
func DefaultRiskMethod() RiskMethod {
	return RiskMethod{
		Likelihood: []string{"Rare", "Unlikely", "Possible", "Likely", "Almost certain"},
		Impact:     []string{"Negligible", "Minor", "Moderate", "Major", "Severe"},
		Threshold:  4,
	}
}

// MaxScore is the highest score the method gives.
func (m RiskMethod) MaxScore() int { return len(m.Likelihood) * len(m.Impact) }

func (m RiskMethod) check(p *Problems, prefix string) {
	scale := func(field string, labels []string) {
		if len(labels) < 3 || len(labels) > 5 {
			p.Add(prefix+field, "must have 3 to 5 levels")
			return
		}
		seen := map[string]bool{}
		for i, l := range labels {
			l = strings.TrimSpace(l)
			if l == "" {
				p.Add(fmt.Sprintf("%s%s[%d]", prefix, field, i), "needs a label")
			} else if seen[strings.ToLower(l)] {
				p.Add(fmt.Sprintf("%s%s[%d]", prefix, field, i), "repeats the label %q", l)
			}
			seen[strings.ToLower(l)] = true
		}
	}
	scale("likelihood", m.Likelihood)
	scale("impact", m.Impact)
	if max := m.MaxScore(); max > 0 && (m.Threshold < 1 || m.Threshold > max) {
		p.Add(prefix+"threshold", "must be between 1 and %d", max)
	}
}

// Validate checks the method on its own.
func (m RiskMethod) Validate() error {
	p := NewProblems("risk method")
	m.check(p, "")
	return p.Err()
}

// Level returns the level of a score on this method's matrix, "" for 0 (not assessed).
// The bands are shares of the highest score: up to 16% low, 36% medium, 64% high, above
// that critical; on the 5 by 5 matrix that is 1-4, 5-9, 10-16 and 17-25.
func (m RiskMethod) Level(score int) string {
	max := m.MaxScore()
	if max == 0 {
		return RiskLevel(score)
	}
	switch share := float64(score) / float64(max); {
	case score <= 0:
		return ""
	case share <= 0.16+1e-9:
		return LevelLow
	case share <= 0.36+1e-9:
		return LevelMedium
	case share <= 0.64+1e-9:
		return LevelHigh
	default:
		return LevelCritical
	}
}

// LevelBounds returns the highest score of each level, low first, for legends.
func (m RiskMethod) LevelBounds() []int {
	max := float64(m.MaxScore())
	return []int{int(math.Floor(0.16*max + 1e-9)), int(math.Floor(0.36*max + 1e-9)), int(math.Floor(0.64*max + 1e-9)), m.MaxScore()}
}

// CheckScores checks a risk's likelihood and impact (inherent and residual) against the
// method's scales.
func (m RiskMethod) CheckScores(r *Risk) error {
	p := NewProblems("risk")
	nl, ni := len(m.Likelihood), len(m.Impact)
	if r.Likelihood > nl {
		p.Add("likelihood", "must be between 1 and %d on this organisation's scale", nl)
	}
	if r.Impact > ni {
		p.Add("impact", "must be between 1 and %d on this organisation's scale", ni)
	}
	if r.ResidualLikelihood > nl {
		p.Add("residualLikelihood", "must be between 1 and %d on this organisation's scale", nl)
	}
	if r.ResidualImpact > ni {
		p.Add("residualImpact", "must be between 1 and %d on this organisation's scale", ni)
	}
	if r.ResidualScore() > r.Score() {
		p.Add("residualImpact", "the residual risk cannot be higher than the inherent risk")
	}
	return p.Err()
}

// RiskRelevel is what a new risk method does to one stored risk: its levels under the
// current and the new method and whether its acceptance is withdrawn.
type RiskRelevel struct {
	RiskID           string `json:"riskId"`
	Ref              string `json:"ref"`
	Title            string `json:"title"`
	Status           string `json:"status"`           // the risk's status now
	Score            int    `json:"score"`            // likelihood times impact
	Level            string `json:"level"`            // inherent level now (RiskLevels)
	NewLevel         string `json:"newLevel"`         // inherent level under the new method
	ResidualScore    int    `json:"residualScore"`    // 0 when the residual risk is not assessed
	ResidualLevel    string `json:"residualLevel"`    // residual level now, "" when not assessed
	NewResidualLevel string `json:"newResidualLevel"` // residual level under the new method
	// Withdrawn: the risk is accepted within the current threshold and would sit above the
	// new one, so its acceptance is withdrawn when the method is saved.
	Withdrawn bool `json:"withdrawn"`
}

// RiskMethodChange is the effect of a new risk method on the stored risks, shown before
// it is saved: the risks whose level changes or whose acceptance no longer holds.
type RiskMethodChange struct {
	Risks     []RiskRelevel `json:"risks"`     // in the order given
	Relevel   int           `json:"relevel"`   // how many change level (inherent or residual)
	Withdrawn int           `json:"withdrawn"` // how many acceptances are withdrawn
}

// shownRefs is how many risk references a refusal names before "and N more".
const shownRefs = 10

// ChangeTo compares the method with next over the stored risks. It refuses (CodeInvalid,
// naming the risks, up to ten) a next method whose scales no longer hold their scores.
// An accepted risk whose acceptance score is at most the current threshold and above the
// next one is marked Withdrawn: its acceptance was given under criteria that no longer
// allow it. One already above the threshold was accepted with the owner's reason and
// keeps its acceptance.
func (m RiskMethod) ChangeTo(next RiskMethod, risks []*Risk) (RiskMethodChange, error) {
	var all, lik, imp []string
	for _, r := range risks {
		l := len(next.Likelihood) < max(r.Likelihood, r.ResidualLikelihood)
		i := len(next.Impact) < max(r.Impact, r.ResidualImpact)
		if l {
			lik = append(lik, r.Ref)
		}
		if i {
			imp = append(imp, r.Ref)
		}
		if l || i {
			all = append(all, r.Ref)
		}
	}
	if len(all) > 0 {
		e := &Error{Code: CodeInvalid, Fields: map[string]string{}}
		if len(all) == 1 {
			e.Message = "risk " + all[0] + " is scored beyond the new scales: rescore it first, or keep more levels"
		} else {
			e.Message = "risks " + refList(all) + " are scored beyond the new scales: rescore them first, or keep more levels"
		}
		if len(lik) > 0 {
			e.Fields["riskMethod.likelihood"] = refList(lik) + " " + uses(len(lik)) + " a higher likelihood level"
		}
		if len(imp) > 0 {
			e.Fields["riskMethod.impact"] = refList(imp) + " " + uses(len(imp)) + " a higher impact level"
		}
		return RiskMethodChange{}, e
	}
	out := RiskMethodChange{Risks: []RiskRelevel{}}
	for _, r := range risks {
		v := RiskRelevel{RiskID: r.ID, Ref: r.Ref, Title: r.Title, Status: r.Status,
			Score: r.Score(), Level: m.Level(r.Score()), NewLevel: next.Level(r.Score()),
			ResidualScore: r.ResidualScore(), ResidualLevel: m.Level(r.ResidualScore()), NewResidualLevel: next.Level(r.ResidualScore())}
		s := r.AcceptanceScore()
		v.Withdrawn = r.Status == RiskAccepted && s <= m.Threshold && s > next.Threshold
		relevel := v.Level != v.NewLevel || v.ResidualLevel != v.NewResidualLevel
		if !relevel && !v.Withdrawn {
			continue
		}
		if relevel {
			out.Relevel++
		}
		if v.Withdrawn {
			out.Withdrawn++
		}
		out.Risks = append(out.Risks, v)
	}
	return out, nil
}

// refList writes up to ten references, "R-1, R-2 and R-3", then "and N more".
func refList(refs []string) string {
	if len(refs) > shownRefs {
		return strings.Join(refs[:shownRefs], ", ") + fmt.Sprintf(" and %d more", len(refs)-shownRefs)
	}
	if len(refs) == 1 {
		return refs[0]
	}
	return strings.Join(refs[:len(refs)-1], ", ") + " and " + refs[len(refs)-1]
}

func uses(n int) string {
	if n == 1 {
		return "uses"
	}
	return "use"
}
