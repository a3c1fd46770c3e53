package xlsx

import (
	"encoding/json"
	"iter"
	"slices"
)

// Values are one row's values by field name. The rows of one read share one sorted list
// of the mapped fields' names and keep only their values beside it: a map per row took
// about 600 bytes at ten fields, 60 MB at 100,000 rows. The zero Values has no field.
type Values struct {
	names []string // sorted, shared: never changed in place (Set copies it to add a name)
	vals  []string // vals[i] is the value of names[i]
}

// newValues are empty values of the given fields (sorted, shared by the caller's rows).
func newValues(names []string) Values {
	return Values{names: names, vals: make([]string, len(names))}
}

// ValuesOf makes values of a map (tests, and rows made by hand).
func ValuesOf(m map[string]string) Values {
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	})
	v := newValues(names)
	for i, n := range names {
		v.vals[i] = m[n]
	}
	return v
}

func (v Values) index(f string) (int, bool) {
	return slices.BinarySearch(v.names, f)
}

// Get is the value of field f, "" when the row has no such field.
func (v Values) Get(f string) string {
	if i, ok := v.index(f); ok {
		return v.vals[i]
	}
	return ""
}

// Lookup is the value of field f and whether the row has the field.
func (v Values) Lookup(f string) (string, bool) {
	if i, ok := v.index(f); ok {
		return v.vals[i], true
	}
	return "", false
}

// Set gives field f the value s, adding the field when the row has none of that name.
func (v *Values) Set(f, s string) {
	i, ok := v.index(f)
	if ok {
		v.vals[i] = s
		return
	}
	v.names = slices.Insert(slices.Clone(v.names), i, f)
	v.vals = slices.Insert(v.vals, i, s)
}

// Len is the number of fields.
func (v Values) Len() int { return len(v.names) }

// All yields the fields and their values in the order of the fields' names.
func (v Values) All() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for i, n := range v.names {
			if !yield(n, v.vals[i]) {
				return
			}
		}
	}
}

// Names are the fields' names, sorted (the caller does not change them).
func (v Values) Names() []string { return v.names }

// Map is a copy of the values as a map.
func (v Values) Map() map[string]string {
	m := make(map[string]string, len(v.names))
	for n, s := range v.All() {
		m[n] = s
	}
	return m
}

// MarshalJSON writes the values as an object of field names.
func (v Values) MarshalJSON() ([]byte, error) { return json.Marshal(v.Map()) }

// UnmarshalJSON reads an object of field names.
func (v *Values) UnmarshalJSON(b []byte) error {
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*v = ValuesOf(m)
	return nil
}
