package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// More level words (by their place on a five-point scale, 1 very low to 5 very high) in
// the four languages, besides levelWords.
var moreLevelWords = map[string]int{
	"vl": 1, "l": 2, "m": 3, "h": 4, "vh": 5, "lo": 2, "hi": 4, // letter scales: VL, L, M, H, VH
	"very unlikely": 1, "very rare": 1, "minimal": 1, "très bas": 1, "très basse": 1, "très peu probable": 1, "sehr unwahrscheinlich": 1, "mínimo": 1, "muy improbable": 1, "insignifiant": 1, "unerheblich": 1,
	"bas": 2, "basse": 2, "peu probable": 2, "niedrige": 2, "unwahrscheinlich": 2, "poco probable": 2, "menor": 2, "mineur": 2,
	"med": 3, "mid": 3, "average": 3, "modérée": 3, "moderee": 3, "mittlere": 3, "mäßig": 3, "moderada": 3, "posible": 3,
	"haut": 4, "haute": 4, "fort": 4, "forte": 4, "hohe": 4, "hoher": 4, "elevado": 4, "elevada": 4, "majeur": 4, "grave": 4, "mayor": 4,
	"very likely": 5, "highly likely": 5, "extreme": 5, "très fort": 5, "très forte": 5, "très haut": 5, "très élevée": 5, "extrême": 5, "sehr hohe": 5, "extrem": 5, "muy elevado": 5, "extremo": 5, "catastrophique": 5, "katastrophal": 5, "catastrófico": 5, "fast sicher": 5, "casi seguro": 5, "quasi certain": 5,
}

// onScale places the five word categories (very low ... very high) on a scale of n levels:
// on three levels, very low and low are 1 and high and very high 3.
var onScale = map[int][6]int{
	3: {0, 1, 1, 2, 3, 3},
	4: {0, 1, 1, 2, 3, 4},
	5: {0, 1, 2, 3, 4, 5},
}

// ScoreScale is a file's own scale for risk scores, read onto the risk method's levels: a
// numeric range whose lowest value is level 1 and highest the top level, or words each
// with the level it means.
type ScoreScale struct {
	Min, Max float64        // a numeric range when Max > Min
	Words    map[string]int // folded word -> level on the method's scale
}

// ParseScoreScale reads a scale as the user writes it: a range ("1-10", "0-100", "1..4")
// or words with their level ("Low=1, Medium=2, High=3"). An empty text is no scale.
func ParseScoreScale(s string) (ScoreScale, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return ScoreScale{}, nil
	}
	if strings.Contains(t, "=") {
		sc := ScoreScale{Words: map[string]int{}}
		for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
			w, l, ok := strings.Cut(part, "=")
			n, err := strconv.Atoi(strings.TrimSpace(l))
			w = foldSpace(strings.ToLower(strings.TrimSpace(w)))
			if !ok || err != nil || w == "" || n < 1 || n > 5 {
				return ScoreScale{}, fmt.Errorf("the scale %s should give each word a level from 1 to 5, such as Low=1, Medium=2, High=3", quote(s))
			}
			sc.Words[w] = n
		}
		return sc, nil
	}
	a, b, ok := strings.Cut(strings.NewReplacer("..", "-", "–", "-", " to ", "-").Replace(t), "-")
	lo, err1 := ParseNumber(a)
	hi, err2 := ParseNumber(b)
	if !ok || err1 != nil || err2 != nil || hi <= lo {
		return ScoreScale{}, fmt.Errorf("the scale %s should be a range such as 1-10 or 0-100, or words with their level such as Low=1, Medium=2, High=3", quote(s))
	}
	return ScoreScale{Min: lo, Max: hi}, nil
}

// String writes the scale back as ParseScoreScale reads it.
func (sc ScoreScale) String() string {
	if sc.Max > sc.Min {
		return FormatGeneral(sc.Min) + "-" + FormatGeneral(sc.Max)
	}
	var parts []string
	for w, l := range sc.Words {
		parts = append(parts, w+"="+strconv.Itoa(l))
	}
	return strings.Join(parts, ", ")
}

// isMarks reports whether s is a row of one mark repeated ("***", "xx", "●●●").
func isMarks(s string) (int, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '*', 'x', 'X', '★', '✱', '●', '+', '■':
	default:
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c != r {
			return 0, false
		}
		n++
	}
	return n, n > 0
}

// ParseScore reads a risk score onto a scale whose levels have these labels (lowest first;
// none means 1 to 5): a level number ("4", "4 - High"), a label of the scale, a level word
// in English, French, German or Spanish (Low, Moyen, Hoch, Muy alto), marks ("***" is 3),
// a percentage ("80%") or a probability from 0 to 1 ("0.8"), spread evenly over the levels;
// with the file's own scale, numbers in its range and its words. An empty value gives 0.
func ParseScore(s string, labels []string, sc ScoreScale) (int, error) {
	t := foldSpace(strings.ToLower(strings.TrimSpace(s)))
	if t == "" {
		return 0, nil
	}
	n := len(labels)
	if n < 3 || n > 5 {
		n = 5
	}
	outside := func() error {
		return fmt.Errorf("expected a level from 1 to %d on the risk method's scale, got %s: say what the file's scale is (such as 1-10)", n, quote(s))
	}
	if l, ok := sc.Words[t]; ok {
		if l > n {
			return 0, fmt.Errorf("the scale gives %s level %d, above the risk method's %d levels", quote(s), l, n)
		}
		return l, nil
	}
	if sc.Max > sc.Min {
		v, err := ParseNumber(strings.TrimSuffix(t, "%"))
		if err != nil {
			return 0, fmt.Errorf("expected a number from %s to %s (the file's scale), got %s", FormatGeneral(sc.Min), FormatGeneral(sc.Max), quote(s))
		}
		if v < sc.Min-1e-9 || v > sc.Max+1e-9 {
			return 0, fmt.Errorf("%s is outside the file's scale %s to %s", quote(s), FormatGeneral(sc.Min), FormatGeneral(sc.Max))
		}
		return 1 + int(math.Round((v-sc.Min)/(sc.Max-sc.Min)*float64(n-1))), nil
	}
	for i, l := range labels {
		if t == foldSpace(strings.ToLower(strings.TrimSpace(l))) {
			return i + 1, nil
		}
	}
	if k, ok := isMarks(t); ok {
		if k > n {
			return 0, fmt.Errorf("%s has %d marks, more than the risk method's %d levels", quote(s), k, n)
		}
		return k, nil
	}
	if strings.HasSuffix(t, "%") {
		p, err := ParsePercent(t)
		if err != nil || p < 0 || p > 100 {
			return 0, fmt.Errorf("expected a percentage from 0 to 100%%, got %s", quote(s))
		}
		return spread(p/100, n), nil
	}
	if v, err := ParseNumber(t); err == nil {
		switch {
		case v == math.Trunc(v) && v >= 1 && v <= float64(n):
			return int(v), nil
		case v > 0 && v < 1:
			return spread(v, n), nil // a probability
		}
		return 0, outside()
	}
	// "4 - High" or "High (4)"
	for _, r := range t {
		if r >= '1' && r <= '9' {
			if strings.Count(t, string(r)) == 1 && !strings.ContainsAny(strings.ReplaceAll(t, string(r), ""), "0123456789") {
				if k := int(r - '0'); k <= n {
					return k, nil
				}
				return 0, outside()
			}
			break
		}
	}
	w := strings.Trim(t, ".!")
	c, ok := levelWords[w]
	if !ok {
		c, ok = moreLevelWords[w]
	}
	if ok {
		return onScale[n][c], nil
	}
	return 0, fmt.Errorf("expected a level from 1 to %d or a word such as Low, Medium, High, got %s", n, quote(s))
}

// spread places a share from 0 to 1 on n even bands: on five levels, up to 20 % is 1.
func spread(share float64, n int) int {
	l := int(math.Ceil(share*float64(n) - 1e-9))
	return max(1, min(n, l))
}

// LooksLikeScore reports whether a value reads as a risk score on some scale: a number, a
// percentage, marks or a level word.
func LooksLikeScore(v string) bool {
	if _, err := ParseNumber(strings.TrimSuffix(strings.TrimSpace(v), "%")); err == nil {
		return true
	}
	_, err := ParseScore(v, nil, ScoreScale{})
	return err == nil
}

// scoreAlone reports whether v is only a score: a number, a percentage, marks (***) or a
// level word (High, Élevé), never a title.
func scoreAlone(v string) bool {
	t := strings.Trim(foldSpace(strings.ToLower(strings.TrimSpace(v))), ".!")
	if _, err := ParseNumber(strings.TrimSuffix(t, "%")); err == nil {
		return true
	}
	if _, ok := isMarks(t); ok {
		return true
	}
	_, word := levelWords[t]
	_, more := moreLevelWords[t]
	return word || more
}
