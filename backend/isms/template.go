package isms

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed catalogue/policies/*.md
var policyTemplateFS embed.FS

// PolicyTemplate is a starter policy document a new policy can begin from.
type PolicyTemplate struct {
	ID                string   `json:"id"`                // the file's base name, e.g. "information-security"
	Ref               string   `json:"ref"`               // the suggested document reference, e.g. "POL-01"
	Title             string   `json:"title"`             // the document's title
	DocType           string   `json:"docType"`           // one of DocTypes
	Summary           string   `json:"summary"`           // one sentence on what it covers
	ReviewCycleMonths int      `json:"reviewCycleMonths"` // suggested months between reviews
	ControlRefs       []string `json:"controlRefs"`       // Annex A refs, normalised "A.5.1"
	Text              string   `json:"text"`              // the Markdown body without the front matter
}

var policyTemplates = sync.OnceValue(func() []PolicyTemplate {
	entries, err := policyTemplateFS.ReadDir("catalogue/policies")
	if err != nil {
		panic("isms: embedded policy templates: " + err.Error())
	}
	out := make([]PolicyTemplate, 0, len(entries))
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".md" {
			continue
		}
		data, err := policyTemplateFS.ReadFile("catalogue/policies/" + name)
		if err != nil {
			panic("isms: embedded policy templates: " + err.Error())
		}
		t, err := parsePolicyTemplate(strings.TrimSuffix(name, ".md"), string(data))
		if err != nil {
			panic("isms: embedded policy template " + name + ": " + err.Error())
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b PolicyTemplate) int {
		if c := compareRefs(a.Ref, b.Ref); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
})

// PolicyTemplates returns the starter policy templates in reference order. The slice is a copy.
func PolicyTemplates() []PolicyTemplate {
	src := policyTemplates()
	out := make([]PolicyTemplate, len(src))
	for i, t := range src {
		out[i] = t.clone()
	}
	return out
}

// LookupPolicyTemplate finds a starter policy template by its ID.
func LookupPolicyTemplate(id string) (PolicyTemplate, bool) {
	for _, t := range policyTemplates() {
		if t.ID == id {
			return t.clone(), true
		}
	}
	return PolicyTemplate{}, false
}

func (t PolicyTemplate) clone() PolicyTemplate {
	t.ControlRefs = slices.Clone(t.ControlRefs)
	return t
}

// parsePolicyTemplate reads a template file: a front-matter block between "---" lines with
// one "key: value" per line, then the Markdown body. Every key is required exactly once.
func parsePolicyTemplate(id, data string) (PolicyTemplate, error) {
	t := PolicyTemplate{ID: id}
	data = strings.ReplaceAll(data, "\r\n", "\n")
	rest, ok := strings.CutPrefix(data, "---\n")
	if !ok {
		return t, fmt.Errorf("does not start with a front-matter line \"---\"")
	}
	head, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return t, fmt.Errorf("front matter is not closed by a \"---\" line")
	}
	seen := map[string]bool{}
	for i, line := range strings.Split(head, "\n") {
		key, value, ok := strings.Cut(line, ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || key == "" {
			return t, fmt.Errorf("front matter line %d: want \"key: value\", got %q", i+2, line)
		}
		if seen[key] {
			return t, fmt.Errorf("front matter: %s given twice", key)
		}
		seen[key] = true
		if value == "" {
			return t, fmt.Errorf("front matter: %s is empty", key)
		}
		switch key {
		case "ref":
			t.Ref = value
		case "title":
			t.Title = value
		case "docType":
			if !DocTypes.Has(value) {
				return t, fmt.Errorf("front matter: docType %q must be one of %v", value, DocTypes.Values())
			}
			t.DocType = value
		case "summary":
			t.Summary = value
		case "reviewCycleMonths":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return t, fmt.Errorf("front matter: reviewCycleMonths %q is not a positive whole number", value)
			}
			t.ReviewCycleMonths = n
		case "controls":
			for _, ref := range strings.Split(value, ",") {
				c, ok := LookupControl(ref)
				if !ok {
					return t, fmt.Errorf("front matter: %q is not an Annex A control", strings.TrimSpace(ref))
				}
				if slices.Contains(t.ControlRefs, c.Ref) {
					return t, fmt.Errorf("front matter: control %s listed twice", c.Ref)
				}
				t.ControlRefs = append(t.ControlRefs, c.Ref)
			}
		default:
			return t, fmt.Errorf("front matter: unknown key %q", key)
		}
	}
	for _, key := range []string{"ref", "title", "docType", "reviewCycleMonths", "controls", "summary"} {
		if !seen[key] {
			return t, fmt.Errorf("front matter: %s is missing", key)
		}
	}
	t.Text = strings.TrimSpace(body)
	if t.Text == "" {
		return t, fmt.Errorf("body is empty")
	}
	t.Text += "\n"
	return t, nil
}

// compareRefs orders document references such as "POL-2" before "POL-10": runs of digits
// compare by value, everything else by text.
func compareRefs(a, b string) int {
	for a != "" && b != "" {
		da, db := leadingDigits(a), leadingDigits(b)
		if da != "" && db != "" {
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if c := len(na) - len(nb); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}
