package isms

import (
	"net/url"
	"strings"
	"unicode"
)

// EvidenceTargets lists the kinds of record that evidence can support (documented
// information, clause 7.5), with the label of one such record.
var EvidenceTargets = Enum{
	{string(KindRequirement), "Requirement"},
	{string(KindControl), "Control"},
	{string(KindRisk), "Risk"},
	{string(KindPolicy), "Policy"},
	{string(KindAudit), "Internal audit"},
	{string(KindNonconformity), "Nonconformity"},
	{string(KindReview), "Management review"},
	{string(KindTraining), "Training session"},
	{string(KindCampaign), "Awareness campaign"},
}

// Evidence is documented information (clause 7.5) that supports one record: a file whose
// contents the store keeps (by SHA-256), or a link to where the evidence lives.
type Evidence struct {
	Meta
	Title      string `json:"title"`      // what the evidence shows
	TargetKind Kind   `json:"targetKind"` // the kind of the supported record, one of EvidenceTargets
	TargetID   string `json:"targetId"`   // the supported record
	FileName   string `json:"fileName"`   // the attached file's name, without folders; only with a file
	SHA256     string `json:"sha256"`     // the attached file's contents: 64 lower-case hex digits
	Size       int64  `json:"size"`       // the attached file's size in bytes
	MediaType  string `json:"mediaType"`  // the attached file's media type, e.g. "application/pdf"; optional
	URL        string `json:"url"`        // an http(s) address or a file path; only without a file
	AddedByID  string `json:"addedById"`  // the person who added it; optional
	AddedOn    Date   `json:"addedOn"`    // when it was added
	ExpiresOn  Date   `json:"expiresOn"`  // the last day it is valid; optional
	Notes      string `json:"notes"`      // anything else
}

// Kind implements Record.
func (*Evidence) Kind() Kind { return KindEvidence }

// HasFile reports whether the evidence is an attached file (rather than a link).
func (e *Evidence) HasFile() bool { return e.SHA256 != "" }

// Expired reports whether the evidence has an expiry date and that date is before today.
func (e *Evidence) Expired(today Date) bool { return e.ExpiresOn.Before(today) }

// Validate implements Record.
func (e *Evidence) Validate() error {
	p := NewProblems("evidence")
	p.Require("title", e.Title)
	p.MaxLen("title", e.Title, 300)
	p.Enum("targetKind", string(e.TargetKind), EvidenceTargets, false)
	p.Require("targetId", e.TargetID)
	switch {
	case e.SHA256 == "" && strings.TrimSpace(e.URL) == "":
		p.Add("url", "is required when no file is attached")
	case e.SHA256 != "" && e.URL != "":
		p.Add("url", "must be empty when a file is attached")
	}
	if e.HasFile() {
		if !IsSHA256(e.SHA256) {
			p.Add("sha256", "must be 64 lower-case hexadecimal digits")
		}
		p.Require("fileName", e.FileName)
		p.MaxLen("fileName", e.FileName, 255)
		if strings.ContainsAny(e.FileName, `/\`) || hasControl(e.FileName) {
			p.Add("fileName", "must be a file name without folders")
		}
		if e.Size < 0 {
			p.Add("size", "must not be negative")
		}
		p.MaxLen("mediaType", e.MediaType, 255)
	} else {
		if e.FileName != "" {
			p.Add("fileName", "must be empty when no file is attached")
		}
		if e.Size != 0 {
			p.Add("size", "must be 0 when no file is attached")
		}
		if e.MediaType != "" {
			p.Add("mediaType", "must be empty when no file is attached")
		}
		p.MaxLen("url", e.URL, 2000)
		if strings.TrimSpace(e.URL) != e.URL {
			p.Add("url", "must not start or end with spaces")
		}
		if e.URL != "" && !validLocation(e.URL) {
			p.Add("url", "must be a web address (https://...) or a full file path (C:\\..., \\\\server\\..., /...)")
		}
	}
	p.RequireDate("addedOn", e.AddedOn)
	p.Date("expiresOn", e.ExpiresOn)
	p.DateOrder("addedOn", e.AddedOn, "expiresOn", e.ExpiresOn)
	return p.Err()
}

// Terms implements Record.
func (e *Evidence) Terms() Terms {
	return Terms{
		Title: e.Title, Owner: e.AddedByID, Due: e.ExpiresOn.Time(),
		Links: concatLinks(
			linkTo("targetId", e.TargetKind, e.TargetID),
			linkTo("addedById", KindPerson, e.AddedByID),
		),
	}
}

// IsSHA256 reports whether s is a SHA-256 digest written as 64 lower-case hexadecimal digits.
func IsSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// validLocation reports whether s is an http(s) URL with a host, a file: URL, or an
// absolute file path (Unix, Windows drive or UNC). Other schemes, such as javascript:, and
// relative paths are refused.
func validLocation(s string) bool {
	if hasControl(s) {
		return false
	}
	scheme, _, found := strings.Cut(s, ":")
	if !found || len(scheme) == 1 || strings.ContainsAny(scheme, `/\`) {
		// No scheme: an absolute path, such as /srv/docs/a.pdf, ~/docs/a.pdf, C:\docs\a.pdf
		// or \\server\share\a.pdf; a relative path or a word is not a location.
		return strings.HasPrefix(s, "/") || strings.HasPrefix(s, "~/") || strings.HasPrefix(s, `\\`) ||
			(len(s) > 2 && len(scheme) == 1 && (s[2] == '\\' || s[2] == '/'))
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "file":
		return u.Path != "" || u.Opaque != ""
	}
	return false
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, unicode.IsControl)
}
