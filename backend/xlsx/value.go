package xlsx

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Locale says how ambiguous values are read.
type Locale struct {
	DayFirst bool `json:"dayFirst"` // 03/04/2020 is 3 April (most of Europe) rather than March 4 (US)
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "janvier": 1, "janv": 1, "januar": 1, "jän": 1, "enero": 1, "ene": 1,
	"february": 2, "feb": 2, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "februar": 2, "febrero": 2,
	"march": 3, "mar": 3, "mars": 3, "märz": 3, "marz": 3, "mär": 3, "marzo": 3,
	"april": 4, "apr": 4, "avril": 4, "avr": 4, "abril": 4, "abr": 4,
	"may": 5, "mai": 5, "mayo": 5,
	"june": 6, "jun": 6, "juin": 6, "juni": 6, "junio": 6,
	"july": 7, "jul": 7, "juillet": 7, "juil": 7, "juli": 7, "julio": 7,
	"august": 8, "aug": 8, "août": 8, "aout": 8, "agosto": 8, "ago": 8,
	"september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9,
	"october": 10, "oct": 10, "octobre": 10, "oktober": 10, "okt": 10, "octubre": 10,
	"november": 11, "nov": 11, "novembre": 11, "noviembre": 11,
	"december": 12, "dec": 12, "décembre": 12, "decembre": 12, "déc": 12, "dezember": 12, "dez": 12, "diciembre": 12, "dic": 12,
}

// ParseDate reads a date written in any usual way: ISO ("2020-01-30", with or without a
// time), an Excel serial ("43860"), "30 January 2020", "30 Jan 2020", "Jan 30, 2020",
// "30.01.2020", and "30/01/2020" or "01/30/2020" as loc.DayFirst says (an unambiguous
// one is read either way). A year or a month alone ("2015", "March 2024") is read as its
// first day. An empty value gives "".
func ParseDate(s string, loc Locale) (isms.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	bad := errors.New("expected a date such as 2020-01-30 or 30 January 2020, got " + quote(s))
	// ISO, optionally with a time
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return isms.DateOf(t), nil
		}
		return "", bad
	}
	// a year or a month alone: its first day (AmbiguousDates warns about them)
	if y, m, ok := partialDate(s); ok {
		return makeDate(y, m, 1, bad)
	}
	// Excel serial
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if f < 1 || f > 2958465 {
			return "", bad
		}
		t, _ := SerialTime(f, false)
		return isms.DateOf(t), nil
	}
	// numeric with separators
	if parts := splitDateNumbers(s); parts != nil {
		a, b, c := parts[0], parts[1], parts[2]
		var y, m, d int
		switch {
		case a > 31: // 2020/01/30
			y, m, d = a, b, c
		case strings.Contains(s, "."): // 30.01.2020 is day-first everywhere
			d, m, y = a, b, c
		case a > 12:
			d, m, y = a, b, c
		case b > 12:
			m, d, y = a, b, c
		case loc.DayFirst:
			d, m, y = a, b, c
		default:
			m, d, y = a, b, c
		}
		if y < 100 {
			y += 2000
			if y > time.Now().Year()+50 {
				y -= 100
			}
		}
		return makeDate(y, m, d, bad)
	}
	// words: "30 January 2020", "Jan 30, 2020", "30-Jan-2020", "January 30th 2020"
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == ',' || r == '-' || r == '/' || r == '.'
	})
	if len(fields) == 3 || len(fields) == 4 {
		if len(fields) == 4 { // a weekday in front: "Thursday, 30 January 2020"
			fields = fields[1:]
		}
		var d, y int
		var m time.Month
		for _, f := range fields {
			if mm, ok := months[f]; ok && m == 0 {
				m = mm
				continue
			}
			n, err := strconv.Atoi(strings.TrimRight(f, "stndrh"))
			if err != nil {
				return "", bad
			}
			switch {
			case n > 31 || (d != 0 && y == 0):
				y = n
			case d == 0:
				d = n
			default:
				return "", bad
			}
		}
		if m == 0 || y == 0 || d == 0 {
			return "", bad
		}
		if y < 100 {
			y += 2000
		}
		return makeDate(y, int(m), d, bad)
	}
	return "", bad
}

// partialDate reads a date that gives no day: a year ("2015", an integer from 1900 to
// 2100, never an Excel serial, whose dates would fall in 1905 and 1906), a quarter ("Q2
// 2025": its first month) or a month with its year ("March 2024", "Sept. 2024", "03/2024",
// "2024-03"). Its month is 1 for a year.
func partialDate(s string) (year, month int, ok bool) {
	if len(s) == 4 {
		if y, err := strconv.Atoi(s); err == nil && y >= 1900 && y <= 2100 {
			return y, 1, true
		}
		return 0, 0, false
	}
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == ',' || r == '-' || r == '/' || r == '.'
	})
	if len(fields) != 2 {
		return 0, 0, false
	}
	for i, f := range fields { // a quarter: "Q2 2025", "2025-Q2"
		if y, err := strconv.Atoi(fields[1-i]); err == nil && len(f) == 2 && f[0] == 'q' && f[1] >= '1' && f[1] <= '4' && y >= 1900 && y <= 2100 {
			return y, 3*int(f[1]-'1') + 1, true
		}
	}
	for i, f := range fields {
		y, err := strconv.Atoi(fields[1-i])
		if err != nil || len(fields[1-i]) != 4 || y < 1900 || y > 2100 {
			continue
		}
		if m, ok := months[f]; ok {
			return y, int(m), true
		}
		if m, err := strconv.Atoi(f); err == nil && len(f) <= 2 && m >= 1 && m <= 12 {
			return y, m, true
		}
	}
	return 0, 0, false
}

// IsPartialDate reports whether s is a date without its day (see ParseDate).
func IsPartialDate(s string) bool {
	_, _, ok := partialDate(strings.TrimSpace(s))
	return ok
}

func makeDate(y, m, d int, bad error) (isms.Date, error) {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", bad
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", bad
	}
	return isms.DateOf(t), nil
}

// splitDateNumbers splits "30/01/2020", "30.01.2020" or "30-01-20" into three numbers,
// or returns nil.
func splitDateNumbers(s string) []int {
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i] // drop a time
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) != 3 {
		return nil
	}
	out := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(p) > 4 {
			return nil
		}
		out[i] = n
	}
	return out
}

// ParseBool reads yes/no values: x, yes, y, true, 1, ✓, ✔, oui, ja, sí, si for true;
// no, n, false, 0, non, nein, ✗, -, and empty for false; and a person's employment:
// active, employed, current / inactive, leaver, left, former, terminated.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "x", "yes", "y", "true", "1", "✓", "✔", "☑", "oui", "o", "ja", "j", "sí", "si", "wahr", "vrai", "verdadero", "applicable", "done",
		"active", "employed", "current", "actif", "aktiv", "activo":
		return true, nil
	case "", "no", "n", "false", "0", "non", "nein", "✗", "✘", "☐", "-", "faux", "falsch", "falso",
		"inactive", "leaver", "left", "former", "terminated", "inactif", "parti", "inaktiv", "ausgeschieden", "inactivo", "baja":
		return false, nil
	}
	return false, errors.New("expected yes or no (x, yes, true, 1 / no, false, 0), got " + quote(s))
}

// ParseNumber reads a number written with either decimal separator and optional
// thousands separators ("1 234,5", "1.234,5", "1,234.5", "12,5"), currency or unit
// symbols around it ignored.
func ParseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	bad := errors.New("expected a number, got " + quote(s))
	if t == "" {
		return 0, bad
	}
	for _, about := range []string{"approx.", "approx", "ca.", "circa", "about", "~", "≈", "environ", "env.", "etwa", "aprox.", "aproximadamente"} {
		if rest, ok := strings.CutPrefix(strings.ToLower(t), about); ok && rest != "" && (rest[0] == ' ' || rest[0] >= '0' && rest[0] <= '9') {
			t = strings.TrimSpace(t[len(t)-len(rest):]) // "approx. 40" is 40
			break
		}
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, bad
		}
		return f, nil
	}
	// keep digits, separators and sign
	var b strings.Builder
	neg := false
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',':
			b.WriteRune(r)
		case r == '-' || r == '−':
			if b.Len() > 0 {
				return 0, bad
			}
			neg = true
		case r == '(' && i == 0:
			neg = true
		case unicode.IsSpace(r), r == '\'', r == '’', r == ')', r == '€', r == '$', r == '£', r == '+':
		default:
			return 0, bad
		}
	}
	n := b.String()
	if n == "" {
		return 0, bad
	}
	lastDot, lastComma := strings.LastIndexByte(n, '.'), strings.LastIndexByte(n, ',')
	switch {
	case lastDot >= 0 && lastComma >= 0:
		if lastComma > lastDot { // 1.234,5
			n = strings.ReplaceAll(n, ".", "")
			n = strings.Replace(n, ",", ".", 1)
		} else { // 1,234.5
			n = strings.ReplaceAll(n, ",", "")
		}
	case lastComma >= 0:
		if strings.Count(n, ",") > 1 || (len(n)-lastComma-1 == 3 && lastComma > 0 && !strings.HasPrefix(n, "0")) {
			n = strings.ReplaceAll(n, ",", "") // 1,234 or 1,234,567
		} else {
			n = strings.Replace(n, ",", ".", 1) // 12,5
		}
	case strings.Count(n, ".") > 1:
		n = strings.ReplaceAll(n, ".", "") // 1.234.567
	}
	f, err := strconv.ParseFloat(n, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, bad
	}
	if neg {
		f = -f
	}
	return f, nil
}

// ParseInt reads a whole number ("3", "3.0", "1 000").
func ParseInt(s string) (int, error) {
	f, err := ParseNumber(s)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1e15 {
		return 0, errors.New("expected a whole number, got " + quote(s))
	}
	return int(f), nil
}

// ParsePercent reads a percentage as a number of percent: "85%", "85 %" and "85" give 85;
// a fraction between 0 and 1 without a % sign ("0.85", as Excel stores a percent-formatted
// cell) gives 85 too.
func ParsePercent(s string) (float64, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	f, err := ParseNumber(t)
	if err != nil {
		return 0, errors.New("expected a percentage such as 85% or 0.85, got " + quote(s))
	}
	if !pct && f > 0 && f <= 1 && strings.ContainsAny(t, ".,") {
		f *= 100
	}
	return math.Round(f*1e6) / 1e6, nil
}

// Level words for 1..5 scales (likelihood, impact) in the four languages.
var levelWords = map[string]int{
	"very low": 1, "rare": 1, "negligible": 1, "insignificant": 1, "très faible": 1, "sehr gering": 1, "sehr niedrig": 1, "muy bajo": 1, "muy baja": 1, "improbable": 1,
	"low": 2, "unlikely": 2, "minor": 2, "faible": 2, "gering": 2, "niedrig": 2, "bajo": 2, "baja": 2, "limited": 2, "limité": 2,
	"medium": 3, "moderate": 3, "possible": 3, "moyen": 3, "moyenne": 3, "modéré": 3, "mittel": 3, "medio": 3, "media": 3, "moderado": 3,
	"high": 4, "likely": 4, "major": 4, "significant": 4, "élevé": 4, "elevé": 4, "eleve": 4, "élevée": 4, "important": 4, "hoch": 4, "alto": 4, "alta": 4, "probable": 4, "wahrscheinlich": 4,
	"very high": 5, "almost certain": 5, "certain": 5, "critical": 5, "severe": 5, "catastrophic": 5, "très élevé": 5, "critique": 5, "sehr hoch": 5, "kritisch": 5, "muy alto": 5, "muy alta": 5, "crítico": 5,
}

// ParseLevel reads a 1..5 level given as a number ("4", "4 - High") or a word ("High").
func ParseLevel(s string) (int, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return 0, nil
	}
	if n, err := ParseInt(t); err == nil {
		if n >= 1 && n <= 5 {
			return n, nil
		}
		return 0, errors.New("expected a level from 1 to 5, got " + quote(s))
	}
	// "4 - High" or "High (4)"
	for _, r := range t {
		if r >= '1' && r <= '5' {
			if n := int(r - '0'); strings.Count(t, string(r)) == 1 && !strings.ContainsAny(strings.ReplaceAll(t, string(r), ""), "0123456789") {
				return n, nil
			}
		}
	}
	if n, ok := levelWords[foldSpace(t)]; ok {
		return n, nil
	}
	return 0, errors.New("expected a level from 1 to 5 or a word such as Low, Medium, High, got " + quote(s))
}

// enumSynonyms maps folded words to enum values, per enum.
var enumSynonyms = map[string]map[string]string{
	"compliance": {
		"compliant": isms.ComplianceCompliant, "done": isms.ComplianceCompliant, "yes": isms.ComplianceCompliant, "y": isms.ComplianceCompliant,
		"implemented": isms.ComplianceCompliant, "conforme": isms.ComplianceCompliant, "fully compliant": isms.ComplianceCompliant,
		"met": isms.ComplianceCompliant, "complete": isms.ComplianceCompliant, "completed": isms.ComplianceCompliant, "ok": isms.ComplianceCompliant,
		"erfüllt": isms.ComplianceCompliant, "konform": isms.ComplianceCompliant, "cumple": isms.ComplianceCompliant, "cumplido": isms.ComplianceCompliant, "green": isms.ComplianceCompliant,
		"partial": isms.CompliancePartial, "partially": isms.CompliancePartial, "partly": isms.CompliancePartial, "parcialmente": isms.CompliancePartial, "partiellement": isms.CompliancePartial, "partially compliant": isms.CompliancePartial, "in progress": isms.CompliancePartial,
		"partiel": isms.CompliancePartial, "partiellement conforme": isms.CompliancePartial, "en cours": isms.CompliancePartial, "teilweise": isms.CompliancePartial,
		"teilweise erfüllt": isms.CompliancePartial, "parcial": isms.CompliancePartial, "en progreso": isms.CompliancePartial, "amber": isms.CompliancePartial, "partly met": isms.CompliancePartial,
		"non compliant": isms.ComplianceNonCompliant, "non-compliant": isms.ComplianceNonCompliant, "no": isms.ComplianceNonCompliant, "n": isms.ComplianceNonCompliant,
		"not implemented": isms.ComplianceNonCompliant, "gap": isms.ComplianceNonCompliant, "not met": isms.ComplianceNonCompliant, "non conforme": isms.ComplianceNonCompliant,
		"nicht erfüllt": isms.ComplianceNonCompliant, "no cumple": isms.ComplianceNonCompliant, "red": isms.ComplianceNonCompliant, "open": isms.ComplianceNonCompliant,
		"n/a": isms.ComplianceNotApplicable, "na": isms.ComplianceNotApplicable, "not applicable": isms.ComplianceNotApplicable, "non applicable": isms.ComplianceNotApplicable,
		"nicht anwendbar": isms.ComplianceNotApplicable, "no aplica": isms.ComplianceNotApplicable, "excluded": isms.ComplianceNotApplicable,
		"not assessed": isms.ComplianceNotAssessed, "unknown": isms.ComplianceNotAssessed, "tbd": isms.ComplianceNotAssessed, "to be assessed": isms.ComplianceNotAssessed, "non évalué": isms.ComplianceNotAssessed,
		"not started": isms.ComplianceNotAssessed, "to do": isms.ComplianceNotAssessed, "todo": isms.ComplianceNotAssessed, "pending": isms.ComplianceNotAssessed,
		"not yet assessed": isms.ComplianceNotAssessed, "nicht bewertet": isms.ComplianceNotAssessed, "sin evaluar": isms.ComplianceNotAssessed, "à évaluer": isms.ComplianceNotAssessed,
		"largely compliant": isms.CompliancePartial, "mostly compliant": isms.CompliancePartial, "ongoing": isms.CompliancePartial,
	},
	"implementation": {
		"implemented": isms.ImplImplemented, "done": isms.ImplImplemented, "yes": isms.ImplImplemented, "complete": isms.ImplImplemented, "completed": isms.ImplImplemented,
		"in place": isms.ImplImplemented, "fully implemented": isms.ImplImplemented, "mis en œuvre": isms.ImplImplemented, "mis en oeuvre": isms.ImplImplemented, "implémenté": isms.ImplImplemented,
		"umgesetzt": isms.ImplImplemented, "implementado": isms.ImplImplemented, "compliant": isms.ImplImplemented, "operational": isms.ImplImplemented,
		"in progress": isms.ImplInProgress, "partial": isms.ImplInProgress, "partially": isms.ImplInProgress, "partly": isms.ImplInProgress, "partially implemented": isms.ImplInProgress,
		"partiellement": isms.ImplInProgress, "parcialmente": isms.ImplInProgress, "partiel": isms.ImplInProgress, "ongoing": isms.ImplInProgress, "en cours": isms.ImplInProgress,
		"in bearbeitung": isms.ImplInProgress, "teilweise": isms.ImplInProgress, "teilweise umgesetzt": isms.ImplInProgress, "en progreso": isms.ImplInProgress, "parcial": isms.ImplInProgress,
		"planned": isms.ImplPlanned, "prévu": isms.ImplPlanned, "planifié": isms.ImplPlanned, "geplant": isms.ImplPlanned, "planificado": isms.ImplPlanned, "to do": isms.ImplPlanned, "todo": isms.ImplPlanned,
		"not started": isms.ImplNotStarted, "not implemented": isms.ImplNotStarted, "no": isms.ImplNotStarted, "gap": isms.ImplNotStarted, "open": isms.ImplNotStarted,
		"non commencé": isms.ImplNotStarted, "non mis en œuvre": isms.ImplNotStarted, "nicht umgesetzt": isms.ImplNotStarted, "no iniciado": isms.ImplNotStarted, "no implementado": isms.ImplNotStarted,
		"n/a": isms.ImplNotApplicable, "na": isms.ImplNotApplicable, "not applicable": isms.ImplNotApplicable, "non applicable": isms.ImplNotApplicable, "nicht anwendbar": isms.ImplNotApplicable, "no aplica": isms.ImplNotApplicable, "excluded": isms.ImplNotApplicable,
	},
	"applicability": {
		"applicable": isms.ApplicabilityApplicable, "yes": isms.ApplicabilityApplicable, "y": isms.ApplicabilityApplicable, "x": isms.ApplicabilityApplicable, "true": isms.ApplicabilityApplicable,
		"1": isms.ApplicabilityApplicable, "included": isms.ApplicabilityApplicable, "oui": isms.ApplicabilityApplicable, "ja": isms.ApplicabilityApplicable, "sí": isms.ApplicabilityApplicable, "si": isms.ApplicabilityApplicable,
		"anwendbar": isms.ApplicabilityApplicable, "aplicable": isms.ApplicabilityApplicable, "✓": isms.ApplicabilityApplicable, "✔": isms.ApplicabilityApplicable,
		"not applicable": isms.ApplicabilityNotApplicable, "n/a": isms.ApplicabilityNotApplicable, "na": isms.ApplicabilityNotApplicable, "no": isms.ApplicabilityNotApplicable, "n": isms.ApplicabilityNotApplicable,
		"false": isms.ApplicabilityNotApplicable, "0": isms.ApplicabilityNotApplicable, "excluded": isms.ApplicabilityNotApplicable, "non": isms.ApplicabilityNotApplicable, "non applicable": isms.ApplicabilityNotApplicable,
		"nein": isms.ApplicabilityNotApplicable, "nicht anwendbar": isms.ApplicabilityNotApplicable, "no aplica": isms.ApplicabilityNotApplicable, "no aplicable": isms.ApplicabilityNotApplicable,
		"not assessed": isms.ApplicabilityNotAssessed, "tbd": isms.ApplicabilityNotAssessed, "": isms.ApplicabilityNotAssessed,
	},
	"source": {
		"law": isms.SourceLegal, "legal": isms.SourceLegal, "legislation": isms.SourceLegal, "statutory": isms.SourceLegal, "légal": isms.SourceLegal, "loi": isms.SourceLegal, "gesetz": isms.SourceLegal, "gesetzlich": isms.SourceLegal, "ley": isms.SourceLegal,
		"regulation": isms.SourceRegulatory, "regulatory": isms.SourceRegulatory, "réglementaire": isms.SourceRegulatory, "regulatorisch": isms.SourceRegulatory, "regulatorio": isms.SourceRegulatory, "normativo": isms.SourceRegulatory,
		"contract": isms.SourceContractual, "contractual": isms.SourceContractual, "contractuel": isms.SourceContractual, "vertraglich": isms.SourceContractual, "vertrag": isms.SourceContractual, "contractual ": isms.SourceContractual, "contrato": isms.SourceContractual,
		"business": isms.SourceBusiness, "internal": isms.SourceBusiness, "interne": isms.SourceBusiness, "métier": isms.SourceBusiness, "intern": isms.SourceBusiness, "geschäftlich": isms.SourceBusiness, "negocio": isms.SourceBusiness, "policy": isms.SourceBusiness,
	},
	"riskStatus": {
		"identified": isms.RiskIdentified, "new": isms.RiskIdentified, "open": isms.RiskIdentified, "offen": isms.RiskIdentified, "ouvert": isms.RiskIdentified, "abierto": isms.RiskIdentified, "identifié": isms.RiskIdentified, "identifiziert": isms.RiskIdentified, "identificado": isms.RiskIdentified,
		"assessed": isms.RiskAssessed, "analysed": isms.RiskAssessed, "analyzed": isms.RiskAssessed, "évalué": isms.RiskAssessed, "bewertet": isms.RiskAssessed, "evaluado": isms.RiskAssessed,
		"monitoring": isms.RiskTreated, "monitored": isms.RiskTreated, "under monitoring": isms.RiskTreated, "überwacht": isms.RiskTreated, "surveillé": isms.RiskTreated,
		"treated": isms.RiskTreated, "in treatment": isms.RiskTreated, "in bearbeitung": isms.RiskTreated, "en cours de traitement": isms.RiskTreated, "en tratamiento": isms.RiskTreated, "mitigated": isms.RiskTreated, "traité": isms.RiskTreated, "behandelt": isms.RiskTreated, "tratado": isms.RiskTreated,
		"accepted": isms.RiskAccepted, "accepté": isms.RiskAccepted, "akzeptiert": isms.RiskAccepted, "aceptado": isms.RiskAccepted,
		"closed": isms.RiskClosed, "fermé": isms.RiskClosed, "clos": isms.RiskClosed, "geschlossen": isms.RiskClosed, "cerrado": isms.RiskClosed,
	},
	"treatment": {
		"mitigate": isms.TreatMitigate, "reduce": isms.TreatMitigate, "modify": isms.TreatMitigate, "treat": isms.TreatMitigate, "réduire": isms.TreatMitigate, "atténuer": isms.TreatMitigate, "reduzieren": isms.TreatMitigate, "mindern": isms.TreatMitigate, "mitigar": isms.TreatMitigate, "reducir": isms.TreatMitigate,
		"accept": isms.TreatAccept, "retain": isms.TreatAccept, "tolerate": isms.TreatAccept, "accepter": isms.TreatAccept, "akzeptieren": isms.TreatAccept, "aceptar": isms.TreatAccept,
		"avoid": isms.TreatAvoid, "terminate": isms.TreatAvoid, "eliminate": isms.TreatAvoid, "éviter": isms.TreatAvoid, "vermeiden": isms.TreatAvoid, "evitar": isms.TreatAvoid,
		"transfer": isms.TreatTransfer, "share": isms.TreatTransfer, "insure": isms.TreatTransfer, "transférer": isms.TreatTransfer, "partager": isms.TreatTransfer, "übertragen": isms.TreatTransfer, "transferir": isms.TreatTransfer,
	},
	"attendance": {
		"attended": isms.AttendanceAttended, "present": isms.AttendanceAttended, "présent": isms.AttendanceAttended, "anwesend": isms.AttendanceAttended, "teilgenommen": isms.AttendanceAttended, "asistió": isms.AttendanceAttended,
		"yes": isms.AttendanceAttended, "y": isms.AttendanceAttended, "x": isms.AttendanceAttended, "true": isms.AttendanceAttended, "1": isms.AttendanceAttended, "✓": isms.AttendanceAttended, "✔": isms.AttendanceAttended,
		"oui": isms.AttendanceAttended, "ja": isms.AttendanceAttended, "sí": isms.AttendanceAttended, "si": isms.AttendanceAttended, "completed": isms.AttendanceAttended, "done": isms.AttendanceAttended, "passed": isms.AttendanceAttended,
		"absent": isms.AttendanceAbsent, "no": isms.AttendanceAbsent, "n": isms.AttendanceAbsent, "false": isms.AttendanceAbsent, "0": isms.AttendanceAbsent, "non": isms.AttendanceAbsent, "nein": isms.AttendanceAbsent,
		"abwesend": isms.AttendanceAbsent, "ausente": isms.AttendanceAbsent, "missed": isms.AttendanceAbsent, "no show": isms.AttendanceAbsent,
		"excused": isms.AttendanceExcused, "excusé": isms.AttendanceExcused, "entschuldigt": isms.AttendanceExcused, "justificado": isms.AttendanceExcused,
	},
	"assetType": {
		"data": isms.AssetInformation, "info": isms.AssetInformation, "information asset": isms.AssetInformation, "data asset": isms.AssetInformation,
		"dataset": isms.AssetInformation, "database": isms.AssetInformation, "document": isms.AssetInformation, "documents": isms.AssetInformation,
		"records": isms.AssetInformation, "données": isms.AssetInformation, "daten": isms.AssetInformation, "informationen": isms.AssetInformation,
		"datos": isms.AssetInformation, "información": isms.AssetInformation, "informacion": isms.AssetInformation,
		"application": isms.AssetSoftware, "applications": isms.AssetSoftware, "app": isms.AssetSoftware, "saas": isms.AssetSoftware,
		"system": isms.AssetSoftware, "logiciel": isms.AssetSoftware, "anwendung": isms.AssetSoftware, "programm": isms.AssetSoftware,
		"aplicación": isms.AssetSoftware, "aplicacion": isms.AssetSoftware,
		"device": isms.AssetHardware, "devices": isms.AssetHardware, "equipment": isms.AssetHardware, "physical": isms.AssetHardware,
		"physical asset": isms.AssetHardware, "it equipment": isms.AssetHardware, "laptop": isms.AssetHardware, "server": isms.AssetHardware,
		"matériel": isms.AssetHardware, "materiel": isms.AssetHardware, "équipement": isms.AssetHardware, "gerät": isms.AssetHardware,
		"geräte": isms.AssetHardware, "equipo": isms.AssetHardware, "dispositivo": isms.AssetHardware,
		"services": isms.AssetService, "cloud service": isms.AssetService, "it service": isms.AssetService, "supplier service": isms.AssetService,
		"dienst": isms.AssetService, "dienstleistung": isms.AssetService, "servicio": isms.AssetService, "prestation": isms.AssetService,
		"person": isms.AssetPeople, "personnel": isms.AssetPeople, "staff": isms.AssetPeople, "human": isms.AssetPeople,
		"human resources": isms.AssetPeople, "employees": isms.AssetPeople, "personnes": isms.AssetPeople, "personal": isms.AssetPeople,
		"mitarbeiter": isms.AssetPeople, "personas": isms.AssetPeople,
		"premises": isms.AssetSite, "site/premises": isms.AssetSite, "site or premises": isms.AssetSite, "sites": isms.AssetSite,
		"facility": isms.AssetSite, "facilities": isms.AssetSite, "building": isms.AssetSite, "office": isms.AssetSite, "location": isms.AssetSite,
		"locaux": isms.AssetSite, "bâtiment": isms.AssetSite, "standort": isms.AssetSite, "gebäude": isms.AssetSite,
		"instalaciones": isms.AssetSite, "edificio": isms.AssetSite,
		"misc": isms.AssetOther, "miscellaneous": isms.AssetOther, "autre": isms.AssetOther, "sonstige": isms.AssetOther,
		"andere": isms.AssetOther, "otro": isms.AssetOther,
	},
	"classification": {
		"open": isms.ClassPublic, "tlp:clear": isms.ClassPublic, "tlp:white": isms.ClassPublic, "tlp clear": isms.ClassPublic,
		"publique": isms.ClassPublic, "öffentlich": isms.ClassPublic, "offen": isms.ClassPublic, "público": isms.ClassPublic, "publico": isms.ClassPublic,
		"internal use": isms.ClassInternal, "internal use only": isms.ClassInternal, "internal only": isms.ClassInternal,
		"for internal use": isms.ClassInternal, "for internal use only": isms.ClassInternal, "company internal": isms.ClassInternal,
		"tlp:green": isms.ClassInternal, "interne": isms.ClassInternal, "usage interne": isms.ClassInternal, "diffusion interne": isms.ClassInternal,
		"intern": isms.ClassInternal, "nur für den internen gebrauch": isms.ClassInternal, "interno": isms.ClassInternal, "uso interno": isms.ClassInternal,
		"company confidential": isms.ClassConfidential, "sensitive": isms.ClassConfidential, "private": isms.ClassConfidential,
		"tlp:amber": isms.ClassConfidential, "confidentiel": isms.ClassConfidential, "vertraulich": isms.ClassConfidential,
		"confidencial":          isms.ClassConfidential,
		"strictly confidential": isms.ClassRestricted, "highly confidential": isms.ClassRestricted, "secret": isms.ClassRestricted,
		"top secret": isms.ClassRestricted, "tlp:red": isms.ClassRestricted, "strictement confidentiel": isms.ClassRestricted,
		"très confidentiel": isms.ClassRestricted, "secret défense": isms.ClassRestricted, "streng vertraulich": isms.ClassRestricted,
		"geheim": isms.ClassRestricted, "restringido": isms.ClassRestricted, "estrictamente confidencial": isms.ClassRestricted,
		"restreint": isms.ClassRestricted, "diffusion restreinte": isms.ClassRestricted,
	},
	"assetStatus": {
		"in use": isms.AssetInUse, "active": isms.AssetInUse, "in service": isms.AssetInUse, "operational": isms.AssetInUse,
		"live": isms.AssetInUse, "production": isms.AssetInUse, "current": isms.AssetInUse, "used": isms.AssetInUse,
		"en service": isms.AssetInUse, "actif": isms.AssetInUse, "utilisé": isms.AssetInUse, "in betrieb": isms.AssetInUse,
		"aktiv": isms.AssetInUse, "en uso": isms.AssetInUse, "activo": isms.AssetInUse,
		"ordered": isms.AssetPlanned, "to be acquired": isms.AssetPlanned, "proposed": isms.AssetPlanned, "future": isms.AssetPlanned,
		"prévu": isms.AssetPlanned, "planifié": isms.AssetPlanned, "geplant": isms.AssetPlanned, "planificado": isms.AssetPlanned,
		"decommissioned": isms.AssetRetired, "disposed": isms.AssetRetired, "disposed of": isms.AssetRetired, "inactive": isms.AssetRetired,
		"end of life": isms.AssetRetired, "eol": isms.AssetRetired, "archived": isms.AssetRetired, "retiré": isms.AssetRetired,
		"hors service": isms.AssetRetired, "außer betrieb": isms.AssetRetired, "ausgemustert": isms.AssetRetired,
		"retirado": isms.AssetRetired, "dado de baja": isms.AssetRetired,
		"stolen": isms.AssetRetired, "lost": isms.AssetRetired, "offboarded": isms.AssetRetired, "terminated": isms.AssetRetired, "sold": isms.AssetRetired,
		"scrapped": isms.AssetRetired, "destroyed": isms.AssetRetired, "volé": isms.AssetRetired, "perdu": isms.AssetRetired, "gestohlen": isms.AssetRetired, "verloren": isms.AssetRetired,
		"onboarding": isms.AssetPlanned, "in procurement": isms.AssetPlanned, "on order": isms.AssetPlanned, "pending": isms.AssetPlanned, "in stock": isms.AssetPlanned,
		"onboarded": isms.AssetInUse, "approved": isms.AssetInUse, "installed": isms.AssetInUse, "deployed": isms.AssetInUse, "in maintenance": isms.AssetInUse,
	},
}

// enumOf names the isms.Enum each synonym table reads into.
var enumOf = map[string]isms.Enum{
	"compliance":     isms.ComplianceStatuses,
	"implementation": isms.ImplementationStatuses,
	"applicability":  isms.Applicabilities,
	"source":         isms.RequirementSources,
	"riskStatus":     isms.RiskStatuses,
	"treatment":      isms.TreatmentOptions,
	"attendance":     isms.AttendanceStatuses,
	"assetType":      isms.AssetTypes,
	"classification": isms.Classifications,
	"assetStatus":    isms.AssetStatuses,
}

// ParseEnum reads a value of the named enum ("compliance", "implementation",
// "applicability", "source", "riskStatus", "treatment", "attendance", "assetType",
// "classification", "assetStatus") from its value,
// its label or a synonym in English, French, German or Spanish. An empty value gives "".
func ParseEnum(enum, s string) (string, error) {
	t := foldSpace(strings.ToLower(strings.TrimSpace(s)))
	if t == "" {
		return "", nil
	}
	e := enumOf[enum]
	for _, o := range e {
		if t == o.Value || t == strings.ToLower(o.Label) || t == strings.ReplaceAll(o.Value, "_", " ") {
			return o.Value, nil
		}
	}
	if v, ok := enumSynonyms[enum][t]; ok {
		return v, nil
	}
	if v, ok := enumSynonyms[enum][strings.Trim(t, ".!")]; ok {
		return v, nil
	}
	labels := make([]string, len(e))
	for i, o := range e {
		labels[i] = o.Label
	}
	return "", errors.New("expected one of " + strings.Join(labels, ", ") + ", got " + quote(s))
}

// foldSpace collapses runs of white space (line breaks included) into one space.
func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func quote(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}
