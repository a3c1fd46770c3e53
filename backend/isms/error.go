package isms

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Code is a stable, machine-readable error class.
type Code string

// Error codes shared by every layer.
const (
	CodeInvalid   Code = "invalid"   // the input breaks a rule; Fields says which
	CodeNotFound  Code = "not_found" // the record does not exist
	CodeConflict  Code = "conflict"  // the record changed since it was read
	CodeLocked    Code = "locked"    // the record or data folder may not be changed now
	CodeCancelled Code = "cancelled" // the user stopped the work; nothing was changed
	CodeInternal  Code = "internal"  // anything else
)

// Error is the domain's error: a code, a message for people, and per-field messages
// keyed by the field's JSON name.
type Error struct {
	Code    Code              `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// Error implements error.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + e.Fields[k]
	}
	return e.Message + " (" + strings.Join(parts, "; ") + ")"
}

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, CodeInternal for any
// other non-nil error, and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// Problems collects field errors during validation.
type Problems struct {
	what   string
	fields map[string]string
}

// NewProblems starts a validation of the named thing (e.g. "requirement").
func NewProblems(what string) *Problems { return &Problems{what: what} }

// Add records a message for a field; the first message for a field wins.
func (p *Problems) Add(field, format string, args ...any) {
	if p.fields == nil {
		p.fields = map[string]string{}
	}
	if _, ok := p.fields[field]; !ok {
		p.fields[field] = fmt.Sprintf(format, args...)
	}
}

// Require adds "is required" for a blank value.
func (p *Problems) Require(field, value string) {
	if strings.TrimSpace(value) == "" {
		p.Add(field, "is required")
	}
}

// MaxLen adds a message when value is longer than n characters.
func (p *Problems) MaxLen(field, value string, n int) {
	if len([]rune(value)) > n {
		p.Add(field, "must be at most %d characters", n)
	}
}

// Err returns nil when nothing was added, else an *Error with code CodeInvalid.
func (p *Problems) Err() error {
	if len(p.fields) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, Message: "the " + p.what + " is not valid", Fields: p.fields}
}
