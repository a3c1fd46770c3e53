package isms_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// fileEvidence returns a valid evidence record with an attached file, changed by f.
func fileEvidence(f func(e *isms.Evidence)) *isms.Evidence {
	e := &isms.Evidence{Title: "Backup restore test report", TargetKind: isms.KindControl, TargetID: "c1",
		FileName: "restore-test.pdf", SHA256: sha, Size: 1234, MediaType: "application/pdf",
		AddedByID: "p1", AddedOn: "2025-03-14"}
	if f != nil {
		f(e)
	}
	return e
}

// linkEvidence returns a valid evidence record that links to a location, changed by f.
func linkEvidence(f func(e *isms.Evidence)) *isms.Evidence {
	e := &isms.Evidence{Title: "Firewall rule review", TargetKind: isms.KindRisk, TargetID: "r1",
		URL: "https://intranet.example.com/it/firewall-review", AddedOn: "2025-03-14"}
	if f != nil {
		f(e)
	}
	return e
}

func TestEvidenceValidate(t *testing.T) {
	tests := []struct {
		name string
		rec  *isms.Evidence
		want []string // nil: valid
	}{
		{"file", fileEvidence(nil), nil},
		{"link", linkEvidence(nil), nil},
		{"empty file", fileEvidence(func(e *isms.Evidence) { e.Size, e.MediaType = 0, "" }), nil},
		{"expires later", fileEvidence(func(e *isms.Evidence) { e.ExpiresOn = "2026-03-14" }), nil},
		{"expires the day it is added", fileEvidence(func(e *isms.Evidence) { e.ExpiresOn = e.AddedOn }), nil},
		{"blank", &isms.Evidence{}, []string{"title", "targetKind", "targetId", "url", "addedOn"}},
		{"long title", fileEvidence(func(e *isms.Evidence) { e.Title = strings.Repeat("é", 301) }), []string{"title"}},
		{"target kind not supported", fileEvidence(func(e *isms.Evidence) { e.TargetKind = isms.KindPerson }), []string{"targetKind"}},
		{"target kind unknown", fileEvidence(func(e *isms.Evidence) { e.TargetKind = "nope" }), []string{"targetKind"}},
		{"no target id", fileEvidence(func(e *isms.Evidence) { e.TargetID = " " }), []string{"targetId"}},
		{"neither file nor link", fileEvidence(func(e *isms.Evidence) { e.SHA256, e.FileName, e.Size, e.MediaType = "", "", 0, "" }),
			[]string{"url"}},
		{"both file and link", fileEvidence(func(e *isms.Evidence) { e.URL = "https://example.com/x" }), []string{"url"}},
		{"upper-case sha", fileEvidence(func(e *isms.Evidence) { e.SHA256 = strings.ToUpper(sha) }), []string{"sha256"}},
		{"short sha", fileEvidence(func(e *isms.Evidence) { e.SHA256 = sha[:63] }), []string{"sha256"}},
		{"non-hex sha", fileEvidence(func(e *isms.Evidence) { e.SHA256 = "g" + sha[1:] }), []string{"sha256"}},
		{"file without name", fileEvidence(func(e *isms.Evidence) { e.FileName = "" }), []string{"fileName"}},
		{"file name with folder", fileEvidence(func(e *isms.Evidence) { e.FileName = `C:\docs\report.pdf` }), []string{"fileName"}},
		{"file name too long", fileEvidence(func(e *isms.Evidence) { e.FileName = strings.Repeat("a", 256) }), []string{"fileName"}},
		{"negative size", fileEvidence(func(e *isms.Evidence) { e.Size = -1 }), []string{"size"}},
		{"file fields without file", linkEvidence(func(e *isms.Evidence) { e.FileName, e.Size, e.MediaType = "a.pdf", 3, "application/pdf" }),
			[]string{"fileName", "size", "mediaType"}},
		{"http link", linkEvidence(func(e *isms.Evidence) { e.URL = "http://wiki/page" }), nil},
		{"file link", linkEvidence(func(e *isms.Evidence) { e.URL = "file:///srv/isms/evidence/a.pdf" }), nil},
		{"unix path", linkEvidence(func(e *isms.Evidence) { e.URL = "/srv/isms/evidence/a.pdf" }), nil},
		{"windows path", linkEvidence(func(e *isms.Evidence) { e.URL = `C:\ISMS\Evidence\a.pdf` }), nil},
		{"unc path", linkEvidence(func(e *isms.Evidence) { e.URL = `\\fileserver\isms\a.pdf` }), nil},
		{"relative path", linkEvidence(func(e *isms.Evidence) { e.URL = `evidence/2025/a.pdf` }), []string{"url"}},
		{"a word", linkEvidence(func(e *isms.Evidence) { e.URL = "not a url" }), []string{"url"}},
		{"windows drive", linkEvidence(func(e *isms.Evidence) { e.URL = `C:\ISMS\a.pdf` }), nil},
		{"javascript link", linkEvidence(func(e *isms.Evidence) { e.URL = "javascript:alert(1)" }), []string{"url"}},
		{"other scheme", linkEvidence(func(e *isms.Evidence) { e.URL = "ftp://files.example.com/a.pdf" }), []string{"url"}},
		{"http without host", linkEvidence(func(e *isms.Evidence) { e.URL = "https:///a" }), []string{"url"}},
		{"link with spaces around", linkEvidence(func(e *isms.Evidence) { e.URL = " https://example.com/a " }), []string{"url"}},
		{"link with a newline", linkEvidence(func(e *isms.Evidence) { e.URL = "/srv/a\n.pdf" }), []string{"url"}},
		{"blank link", linkEvidence(func(e *isms.Evidence) { e.URL = "   " }), []string{"url"}},
		{"link too long", linkEvidence(func(e *isms.Evidence) { e.URL = "https://example.com/" + strings.Repeat("a", 2000) }), []string{"url"}},
		{"no added date", fileEvidence(func(e *isms.Evidence) { e.AddedOn = "" }), []string{"addedOn"}},
		{"bad dates", fileEvidence(func(e *isms.Evidence) { e.AddedOn, e.ExpiresOn = "14/03/2025", "2025-02-30" }),
			[]string{"addedOn", "expiresOn"}},
		{"expires before added", fileEvidence(func(e *isms.Evidence) { e.ExpiresOn = "2025-03-13" }), []string{"expiresOn"}},
	}
	for _, target := range isms.EvidenceTargets {
		tests = append(tests, struct {
			name string
			rec  *isms.Evidence
			want []string
		}{"target " + target.Value, fileEvidence(func(e *isms.Evidence) { e.TargetKind = isms.Kind(target.Value) }), nil})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rec.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			e := wantInvalid(t, err)
			var got []string
			for f := range e.Fields {
				got = append(got, f)
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("fields = %v (%v), want %v", got, e.Fields, want)
			}
		})
	}
}

func wantInvalid(t *testing.T, err error) *isms.Error {
	t.Helper()
	if isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("Validate() = %v, want code invalid", err)
	}
	return err.(*isms.Error)
}

func TestEvidenceTargetsAreKinds(t *testing.T) {
	// The issues name these (#7: evidence; #8: training and campaign materials as files).
	want := []isms.Kind{isms.KindRequirement, isms.KindControl, isms.KindRisk, isms.KindPolicy, isms.KindAudit,
		isms.KindNonconformity, isms.KindReview, isms.KindTraining, isms.KindCampaign}
	var got []isms.Kind
	for _, o := range isms.EvidenceTargets {
		if !isms.Kind(o.Value).Valid() || o.Label == "" {
			t.Errorf("target %+v is not a kind with a label", o)
		}
		got = append(got, isms.Kind(o.Value))
	}
	if !slices.Equal(got, want) {
		t.Errorf("EvidenceTargets = %v, want %v", got, want)
	}
}

func TestEvidenceKind(t *testing.T) {
	k, err := isms.ParseKind("evidence")
	if err != nil || k != isms.KindEvidence {
		t.Fatalf("ParseKind(evidence) = %q, %v", k, err)
	}
	if isms.KindEvidence.Plural() != "evidence" || isms.KindEvidence.Label() != "Evidence" {
		t.Errorf("plural, label = %q, %q", isms.KindEvidence.Plural(), isms.KindEvidence.Label())
	}
	rec, err := isms.New(isms.KindEvidence)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rec.(*isms.Evidence); !ok || rec.Kind() != isms.KindEvidence {
		t.Errorf("New(evidence) = %T", rec)
	}
}

func TestEvidenceTerms(t *testing.T) {
	tests := []struct {
		name      string
		rec       *isms.Evidence
		wantOwner string
		wantDue   time.Time
		wantLinks []isms.Link
	}{
		{"file with adder and expiry", fileEvidence(func(e *isms.Evidence) { e.ExpiresOn = "2026-01-31" }), "p1",
			time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC),
			[]isms.Link{{Field: "targetId", Kind: isms.KindControl, ID: "c1"}, {Field: "addedById", Kind: isms.KindPerson, ID: "p1"}}},
		{"link without adder", linkEvidence(nil), "", time.Time{},
			[]isms.Link{{Field: "targetId", Kind: isms.KindRisk, ID: "r1"}}},
		{"no target", linkEvidence(func(e *isms.Evidence) { e.TargetID = "" }), "", time.Time{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			terms := tt.rec.Terms()
			if terms.Title != tt.rec.Title || terms.Ref != "" || terms.Status != "" {
				t.Errorf("title, ref, status = %q, %q, %q", terms.Title, terms.Ref, terms.Status)
			}
			if terms.Owner != tt.wantOwner {
				t.Errorf("owner = %q, want %q", terms.Owner, tt.wantOwner)
			}
			if !terms.Due.Equal(tt.wantDue) {
				t.Errorf("due = %v, want %v", terms.Due, tt.wantDue)
			}
			if !slices.Equal(terms.Links, tt.wantLinks) {
				t.Errorf("links = %+v, want %+v", terms.Links, tt.wantLinks)
			}
		})
	}
}

func TestEvidenceExpired(t *testing.T) {
	tests := []struct {
		expires isms.Date
		today   isms.Date
		want    bool
	}{
		{"", "2030-01-01", false},
		{"2025-06-30", "2025-06-29", false},
		{"2025-06-30", "2025-06-30", false}, // valid to the end of its last day
		{"2025-06-30", "2025-07-01", true},
		{"2025-06-30", "", false},
	}
	for _, tt := range tests {
		e := fileEvidence(func(e *isms.Evidence) { e.ExpiresOn = tt.expires })
		if got := e.Expired(tt.today); got != tt.want {
			t.Errorf("ExpiresOn %q: Expired(%q) = %v, want %v", tt.expires, tt.today, got, tt.want)
		}
	}
}

func TestIsSHA256(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{sha, true},
		{strings.Repeat("0", 64), true},
		{"", false},
		{sha[:63], false},
		{sha + "0", false},
		{strings.ToUpper(sha), false},
		{strings.Repeat("g", 64), false},
	}
	for _, tt := range tests {
		if got := isms.IsSHA256(tt.s); got != tt.want {
			t.Errorf("IsSHA256(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
