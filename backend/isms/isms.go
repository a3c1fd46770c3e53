// Package isms is the domain of ISMS Desk: the record kinds of an ISO/IEC 27001:2022
// management system, their enums, validation and the links between them, and the
// embedded ISO/IEC 27001:2022 catalogue. It depends on the standard library only.
package isms

import (
	"time"
)

// Kind names a record kind. Its value is the singular, lower-case name used in keys and URLs.
type Kind string

// Meta is the bookkeeping every record carries. The store owns it: it assigns the ID,
// increments the version on every update and stamps the times.
type Meta struct {
	ID        string    `json:"id"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt time.Time `json:"updatedAt" ts_type:"string"`
}

// Base returns the record's bookkeeping; it lets every record type satisfy Record by embedding Meta.
func (m *Meta) Base() *Meta { return m }

// Link is a typed reference from one record to another. Field names the field of the
// source record that holds the link, so that an error about it can name the field.
type Link struct {
	Field string `json:"field"`
	Kind  Kind   `json:"kind"`
	ID    string `json:"id"`
}

// Terms are the values of a record that the store indexes.
type Terms struct {
	Ref    string    // the human reference (e.g. "REQ-001", "A.5.1"), unique within a kind; "" when none
	Title  string    // a one-line label for lists and link targets
	Status string    // the record's status enum value; "" when the kind has none
	Owner  string    // the owning person's ID; "" when none
	Due    time.Time // the due or next-review date; zero when none
	Links  []Link    // outgoing links to other records
}

// Record is implemented by a pointer to every record type.
type Record interface {
	// Kind returns the record's kind.
	Kind() Kind
	// Base returns the record's bookkeeping (implemented by the embedded Meta).
	Base() *Meta
	// Validate checks the record on its own (not its links' targets) and returns an
	// *Error with code CodeInvalid naming each bad field, or nil.
	Validate() error
	// Terms returns the values the store indexes.
	Terms() Terms
}
