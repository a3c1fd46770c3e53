package isms

import "slices"

// Option is one value of an enum with its label, as the UI and reports show it.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Enum is the ordered list of an enum's options.
type Enum []Option

// Has reports whether v is one of the enum's values.
func (e Enum) Has(v string) bool {
	return slices.ContainsFunc(e, func(o Option) bool { return o.Value == v })
}

// Label returns the label of v, or v itself when it is not in the enum.
func (e Enum) Label(v string) string {
	for _, o := range e {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// Values returns the enum's values in order.
func (e Enum) Values() []string {
	out := make([]string, len(e))
	for i, o := range e {
		out[i] = o.Value
	}
	return out
}

// Enum adds a problem when v is not one of e's values; an empty v is allowed only when optional.
func (p *Problems) Enum(field, v string, e Enum, optional bool) {
	if v == "" && optional {
		return
	}
	if !e.Has(v) {
		p.Add(field, "must be one of %v", e.Values())
	}
}
