package app

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// evidenceFixture is an app with a control to attach evidence to and a person to add it.
func evidenceFixture(t *testing.T) (*App, isms.Control, isms.Person) {
	t.Helper()
	a := newApp(t)
	controls, err := a.Controls.List()
	if err != nil || len(controls) == 0 {
		t.Fatalf("controls: %d %v", len(controls), err)
	}
	p, err := a.People.Create(isms.Person{Name: "Ann Auditor", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	return a, controls[0], p
}

// writeFile writes contents to a new file called name and returns its path.
func writeFile(t *testing.T, name string, contents []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, contents, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEvidenceAttachListOpenDelete(t *testing.T) {
	a, c, p := evidenceFixture(t)
	s := a.Evidence
	a.clock = func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }

	// Over a chunk (512 KB), so that the blob is stored in several parts.
	contents := make([]byte, 1<<20+123)
	if _, err := rand.Read(contents); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "Access review Q1.pdf", contents)
	e, err := s.AttachFile("control", c.ID, path, "", p.ID, "2026-12-31")
	if err != nil {
		t.Fatalf("attach: %v", err)
	}
	if e.ID == "" || e.Title != "Access review Q1.pdf" || e.FileName != "Access review Q1.pdf" || e.Size != int64(len(contents)) ||
		!isms.IsSHA256(e.SHA256) || e.MediaType != "application/pdf" || e.AddedOn != "2026-03-01" || e.ExpiresOn != "2026-12-31" ||
		e.AddedByID != p.ID || e.TargetKind != isms.KindControl || e.TargetID != c.ID || e.URL != "" {
		t.Fatalf("attached %+v", e)
	}

	// The same contents again, a day later, under another name and title.
	a.clock = func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }
	twin, err := s.AttachFile("controls", c.ID, writeFile(t, "copy.bin.zzqq", contents), "  Second copy ", "", "")
	if err != nil {
		t.Fatalf("attach the same contents: %v", err)
	}
	if twin.SHA256 != e.SHA256 || twin.Title != "Second copy" || twin.MediaType != "application/octet-stream" {
		t.Fatalf("twin %+v", twin)
	}

	list, err := s.List("control", c.ID)
	if err != nil || len(list) != 2 || list[0].ID != twin.ID || list[1].ID != e.ID {
		t.Fatalf("list (newest first): %+v %v", list, err)
	}
	if other, err := s.List("control", "someone-else"); err != nil || len(other) != 0 {
		t.Fatalf("list of another record: %+v %v", other, err)
	}

	// Open writes a private copy; under the test hook it launches nothing.
	dir := t.TempDir()
	t.Setenv(testSaveDirEnv, dir)
	if err := s.Open(e.ID); err != nil {
		t.Fatalf("open: %v", err)
	}
	opened, _ := filepath.Glob(filepath.Join(dir, evidenceTempPrefix+"*", e.FileName))
	if len(opened) != 1 {
		t.Fatalf("open wrote %v", opened)
	}
	if got, err := os.ReadFile(opened[0]); err != nil || !bytes.Equal(got, contents) {
		t.Fatalf("the opened copy differs (%d bytes, %v)", len(got), err)
	}
	if fi, err := os.Stat(opened[0]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("opened copy mode %v %v", fi.Mode(), err)
	}

	// Save a copy: the blob round-trips byte for byte.
	saved, err := s.SaveCopy(e.ID)
	if err != nil || saved != filepath.Join(dir, e.FileName) {
		t.Fatalf("save a copy: %q %v", saved, err)
	}
	if got, err := os.ReadFile(saved); err != nil || !bytes.Equal(got, contents) {
		t.Fatalf("the saved copy differs (%d bytes, %v)", len(got), err)
	}

	// Update changes the title, notes and expiry only.
	edit := e
	edit.Title, edit.Notes, edit.ExpiresOn = "Q1 access review", "Signed by the CTO", "2027-01-31"
	edit.FileName, edit.SHA256, edit.TargetID, edit.AddedByID, edit.AddedOn = "evil.exe", "", "x", "", "2020-01-01"
	up, err := s.Update(edit)
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	if up.Title != "Q1 access review" || up.Notes != "Signed by the CTO" || up.ExpiresOn != "2027-01-31" || up.Version != 2 ||
		up.FileName != e.FileName || up.SHA256 != e.SHA256 || up.TargetID != c.ID || up.AddedByID != p.ID || up.AddedOn != e.AddedOn {
		t.Fatalf("updated %+v", up)
	}
	if _, err := s.Update(e); isms.ErrorCode(err) != isms.CodeConflict {
		t.Fatalf("stale update: %v, want conflict", err)
	}

	db, err := a.store()
	if err != nil {
		t.Fatal(err)
	}
	// Deleting one of two users keeps the blob; deleting the last removes it.
	if err := s.Delete(e.ID, 1); isms.ErrorCode(err) != isms.CodeConflict {
		t.Fatalf("stale delete: %v, want conflict", err)
	}
	if err := s.Delete(e.ID, up.Version); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if ok, err := db.HasBlob(e.SHA256); err != nil || !ok {
		t.Fatalf("the blob went while other evidence uses it: %v %v", ok, err)
	}
	if err := s.Delete(twin.ID, twin.Version); err != nil {
		t.Fatalf("delete the last: %v", err)
	}
	if ok, err := db.HasBlob(e.SHA256); err != nil || ok {
		t.Fatalf("the unused blob is kept: %v %v", ok, err)
	}
	if list, err := s.List("control", c.ID); err != nil || len(list) != 0 {
		t.Fatalf("list after delete: %+v %v", list, err)
	}
	if err := s.Open(e.ID); isms.ErrorCode(err) != isms.CodeNotFound {
		t.Fatalf("open deleted: %v, want not_found", err)
	}
}

func TestEvidenceRefusesBadTargetsAndBigFiles(t *testing.T) {
	a, c, _ := evidenceFixture(t)
	s := a.Evidence
	path := writeFile(t, "note.txt", []byte("hello"))
	person, err := a.People.Create(isms.Person{Name: "Bob", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, kind, id string
		code           isms.Code
	}{
		{"unknown kind", "spaceship", c.ID, isms.CodeInvalid},
		{"kind without evidence", "person", person.ID, isms.CodeInvalid},
		{"missing record", "control", "no-such-control", isms.CodeNotFound},
		{"record of another kind", "risk", c.ID, isms.CodeNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.AttachFile(tc.kind, tc.id, path, "", "", ""); isms.ErrorCode(err) != tc.code {
				t.Errorf("attach: %v, want %s", err, tc.code)
			}
			if _, err := s.AddLink(tc.kind, tc.id, "https://example.com/a", "", "", ""); isms.ErrorCode(err) != tc.code {
				t.Errorf("add link: %v, want %s", err, tc.code)
			}
		})
	}

	db, err := a.store()
	if err != nil {
		t.Fatal(err)
	}
	// A file that the record refuses (an expiry before today) leaves no blob behind.
	odd := writeFile(t, "odd.txt", []byte("a file nobody else has"))
	if _, err := s.AttachFile("control", c.ID, odd, "", "", "2000-01-01"); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("attach with an expiry before it was added: %v, want invalid", err)
	}
	if _, err := s.AttachFile("control", c.ID, odd, "", "no-such-person", ""); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("attach by an unknown person: %v, want invalid", err)
	}
	sum := sha256.Sum256([]byte("a file nobody else has"))
	if ok, err := db.HasBlob(hex.EncodeToString(sum[:])); err != nil || ok {
		t.Fatalf("a refused attachment kept its file: %v %v", ok, err)
	}

	// Bigger than the limit: a sparse file, so the test writes nothing.
	big := filepath.Join(t.TempDir(), "scan.tiff")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(evidenceMaxSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = s.AttachFile("control", c.ID, big, "", "", "")
	if isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("too big: %v, want invalid", err)
	}
	if msg := err.Error(); !bytes.Contains([]byte(msg), []byte("scan.tiff")) || !bytes.Contains([]byte(msg), []byte("200")) {
		t.Fatalf("the message names neither the file nor the limit: %s", msg)
	}
	if _, err := s.AttachFile("control", c.ID, filepath.Join(t.TempDir(), "gone.pdf"), "", "", ""); isms.ErrorCode(err) != isms.CodeNotFound {
		t.Fatalf("missing file: %v, want not_found", err)
	}
	if _, err := s.AttachFile("control", c.ID, " ", "", "", ""); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("no file: %v, want invalid", err)
	}
	if list, err := s.List("control", c.ID); err != nil || len(list) != 0 {
		t.Fatalf("refused attachments were recorded: %+v %v", list, err)
	}
}

func TestEvidenceLinks(t *testing.T) {
	a, c, p := evidenceFixture(t)
	s := a.Evidence
	e, err := s.AddLink("control", c.ID, " https://intranet.example.com/isms/Backup-test-2026.pdf ", "", p.ID, "")
	if err != nil {
		t.Fatalf("add link: %v", err)
	}
	if e.URL != "https://intranet.example.com/isms/Backup-test-2026.pdf" || e.Title != "Backup-test-2026.pdf" || e.HasFile() ||
		e.FileName != "" || e.Size != 0 || e.MediaType != "" || e.AddedOn != isms.DateOf(a.clock()) {
		t.Fatalf("link %+v", e)
	}
	if _, err := s.AddLink("control", c.ID, "javascript:alert(1)", "x", "", ""); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("javascript link: %v, want invalid", err)
	}
	if _, err := s.AddLink("control", c.ID, "", "x", "", ""); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("empty link: %v, want invalid", err)
	}
	if _, err := s.SaveCopy(e.ID); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("save a copy of a link: %v, want invalid", err)
	}

	t.Setenv(testSaveDirEnv, t.TempDir())
	if err := s.Open(e.ID); err != nil {
		t.Fatalf("open a link: %v", err)
	}
	present := writeFile(t, "policy.docx", []byte("x"))
	pe, err := s.AddLink("control", c.ID, present, "", "", "")
	if err != nil || pe.Title != "policy.docx" {
		t.Fatalf("path link: %+v %v", pe, err)
	}
	if err := s.Open(pe.ID); err != nil {
		t.Fatalf("open a path: %v", err)
	}
	if err := os.Remove(present); err != nil {
		t.Fatal(err)
	}
	if err := s.Open(pe.ID); isms.ErrorCode(err) != isms.CodeNotFound {
		t.Fatalf("open a missing path: %v, want not_found", err)
	}
	list, err := s.List("control", c.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %+v %v", list, err)
	}
	if err := s.Delete(e.ID, e.Version); err != nil {
		t.Fatalf("delete a link: %v", err)
	}
}

func TestLinkTitle(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/docs/a.pdf": "a.pdf",
		"https://example.com/docs/":      "docs",
		"https://example.com":            "example.com",
		`C:\Evidence\scan.png`:           "scan.png",
		`\\server\share\`:                "share",
		"notes.txt":                      "notes.txt",
	} {
		if got := linkTitle(in); got != want {
			t.Errorf("linkTitle(%q) = %q, want %q", in, got, want)
		}
	}
}
