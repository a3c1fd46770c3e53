package app

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// evidenceMaxSize is the biggest file that can be attached as evidence: 200 MB.
const evidenceMaxSize int64 = 200 << 20

// evidenceTempPrefix names the private folders that Open writes a file into.
const evidenceTempPrefix = "ismsdesk-evidence-"

// evidenceTempAge is how long a folder written by Open is kept before a later Open
// removes it (the application that shows the file may still have it open for a while).
const evidenceTempAge = 24 * time.Hour

// EvidenceService keeps the documented information (7.5) that supports a record: files
// stored in the data folder (by SHA-256) and links to where the evidence lives.
type EvidenceService struct {
	app *App

	// mu orders attaching and deleting, so that a file stored for a new evidence record is
	// never removed as unused by a delete running at the same time.
	mu sync.Mutex
}

func (s *EvidenceService) r() records[isms.Evidence, *isms.Evidence] {
	return kindOf[isms.Evidence](s.app, isms.KindEvidence).notAfterToday("addedOn", "date it was added", func(e *isms.Evidence) isms.Date { return e.AddedOn })
}

func (s *EvidenceService) today() isms.Date { return isms.DateOf(s.app.clock()) }

// evidenceTarget parses a kind that evidence can support.
func evidenceTarget(kind string) (isms.Kind, error) {
	k, err := isms.ParseKind(kind)
	if err != nil || !isms.EvidenceTargets.Has(string(k)) {
		return "", isms.Errorf(isms.CodeInvalid, "evidence cannot be attached to a record of kind %q: only to %s",
			kind, strings.Join(isms.EvidenceTargets.Values(), ", "))
	}
	return k, nil
}

// checkTarget checks that the record evidence is for exists and may have evidence.
func (s *EvidenceService) checkTarget(kind, id string) (isms.Kind, error) {
	k, err := evidenceTarget(kind)
	if err != nil {
		return "", err
	}
	err = s.app.view(func(tx *store.Tx) error {
		_, err := tx.Get(k, id)
		return err
	})
	return k, err
}

// List returns the evidence of one record, newest first.
func (s *EvidenceService) List(targetKind, targetID string) ([]isms.Evidence, error) {
	k, err := evidenceTarget(targetKind)
	if err != nil {
		return nil, err
	}
	out := []isms.Evidence{}
	err = s.app.view(func(tx *store.Tx) error {
		back, err := tx.Backlinks(k, targetID)
		if err != nil {
			return err
		}
		for _, b := range back {
			if b.Kind != isms.KindEvidence || b.Field != "targetId" {
				continue
			}
			e, err := store.GetAs[*isms.Evidence](tx, isms.KindEvidence, b.ID)
			if isms.ErrorCode(err) == isms.CodeNotFound {
				continue
			}
			if err != nil {
				return err
			}
			if e.TargetKind == k && e.TargetID == targetID {
				out = append(out, *e)
			}
		}
		return nil
	})
	slices.SortFunc(out, func(a, b isms.Evidence) int {
		return cmp.Or(
			cmp.Compare(b.AddedOn, a.AddedOn),
			b.CreatedAt.Compare(a.CreatedAt),
			cmp.Compare(b.ID, a.ID),
		)
	})
	return out, err
}

// ChooseFile opens the native file dialog to choose a file to attach; "" when the user
// cancels.
func (s *EvidenceService) ChooseFile() (string, error) {
	const (
		docs   = "*.pdf;*.doc;*.docx;*.odt;*.rtf;*.txt;*.md;*.ppt;*.pptx;*.odp;*.eml;*.msg"
		images = "*.png;*.jpg;*.jpeg;*.gif;*.bmp;*.tif;*.tiff;*.webp;*.heic"
		sheets = "*.xlsx;*.xlsm;*.xls;*.ods;*.csv"
	)
	return s.app.openFileDialog("Attach evidence", []runtime.FileFilter{
		{DisplayName: "Documents, PDF, images and spreadsheets", Pattern: docs + ";" + images + ";" + sheets},
		{DisplayName: "Documents (*.pdf, *.docx, *.odt, *.txt, ...)", Pattern: docs},
		{DisplayName: "PDF (*.pdf)", Pattern: "*.pdf"},
		{DisplayName: "Images (*.png, *.jpg, ...)", Pattern: images},
		{DisplayName: "Spreadsheets (*.xlsx, *.ods, *.csv, ...)", Pattern: sheets},
		{DisplayName: "All files", Pattern: "*"},
	})
}

// AttachFile stores a copy of the file at path in the data folder (at most 200 MB) and
// records it as evidence for the target record. The title defaults to the file's name.
func (s *EvidenceService) AttachFile(targetKind, targetID, path, title, addedByID, expiresOn string) (isms.Evidence, error) {
	if strings.TrimSpace(path) == "" {
		return isms.Evidence{}, isms.Errorf(isms.CodeInvalid, "choose a file to attach")
	}
	k, err := s.checkTarget(targetKind, targetID)
	if err != nil {
		return isms.Evidence{}, err
	}
	db, err := s.app.store()
	if err != nil {
		return isms.Evidence{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	name := filepath.Base(path)
	sha, size, err := db.PutBlobFile(path, evidenceMaxSize)
	if err != nil {
		return isms.Evidence{}, err
	}
	e, err := s.r().create(isms.Evidence{
		Title:      cmp.Or(strings.TrimSpace(title), name),
		TargetKind: k,
		TargetID:   targetID,
		FileName:   name,
		SHA256:     sha,
		Size:       size,
		MediaType:  mediaTypeOf(name),
		AddedByID:  addedByID,
		AddedOn:    s.today(),
		ExpiresOn:  isms.Date(strings.TrimSpace(expiresOn)),
	}, nil)
	if err != nil {
		// Do not keep a file that no record refers to.
		if derr := s.dropBlobIfUnused(db, sha); derr != nil {
			s.app.log.Warn("unable to remove a stored file that no evidence uses", "sha256", sha, "err", derr)
		}
		return isms.Evidence{}, err
	}
	return e, nil
}

// mediaTypeOf guesses a file's media type from its extension, without parameters.
func mediaTypeOf(name string) string {
	t := mime.TypeByExtension(strings.ToLower(filepath.Ext(name)))
	if mt, _, err := mime.ParseMediaType(t); err == nil && mt != "" {
		return mt
	}
	return "application/octet-stream"
}

// AddLink records a link (an http or https address, a file: URL or a file path) to where
// the evidence lives as evidence for the target record. The title defaults to the last
// part of the address.
func (s *EvidenceService) AddLink(targetKind, targetID, url, title, addedByID, expiresOn string) (isms.Evidence, error) {
	k, err := s.checkTarget(targetKind, targetID)
	if err != nil {
		return isms.Evidence{}, err
	}
	url = strings.TrimSpace(url)
	return s.r().create(isms.Evidence{
		Title:      cmp.Or(strings.TrimSpace(title), linkTitle(url)),
		TargetKind: k,
		TargetID:   targetID,
		URL:        url,
		AddedByID:  addedByID,
		AddedOn:    s.today(),
		ExpiresOn:  isms.Date(strings.TrimSpace(expiresOn)),
	}, nil)
}

// linkTitle is the default title of a link: its last part ("report.pdf" of
// https://intranet/docs/report.pdf), or the whole address.
func linkTitle(u string) string {
	t := strings.TrimRight(u, `/\`)
	if i := strings.LastIndexAny(t, `/\`); i >= 0 {
		t = t[i+1:]
	}
	if t == "" || strings.Contains(t, ":") {
		t = u
	}
	if r := []rune(t); len(r) > 300 {
		t = string(r[:300])
	}
	return t
}

// Update saves an edit of the evidence's title, notes and expiry date; what it is (the
// file or link), the record it supports and who added it when stay as stored.
func (s *EvidenceService) Update(e isms.Evidence) (isms.Evidence, error) {
	return s.r().update(e, func(_ *store.Tx, old, new *isms.Evidence) error {
		keep := *old
		keep.Meta = new.Meta
		keep.Title, keep.Notes, keep.ExpiresOn = new.Title, new.Notes, new.ExpiresOn
		*new = keep
		return nil
	})
}

// Delete removes the evidence read at version, and its stored file when no other
// evidence has the same contents.
func (s *EvidenceService) Delete(id string, version int) error {
	db, err := s.app.store()
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var sha string
	err = db.Update(func(tx *store.Tx) error {
		e, err := store.GetAs[*isms.Evidence](tx, isms.KindEvidence, id)
		if err != nil {
			return err
		}
		sha = e.SHA256
		return deleteUnused(tx, isms.KindEvidence, id, version)
	})
	if err != nil || sha == "" {
		return err
	}
	if err := s.dropBlobIfUnused(db, sha); err != nil {
		return fmt.Errorf("the evidence was deleted, but its stored file could not be removed: %w", err)
	}
	return nil
}

// dropBlobIfUnused deletes the stored file sha unless some evidence still refers to it.
// The caller holds s.mu.
func (s *EvidenceService) dropBlobIfUnused(db *store.DB, sha string) error {
	used := false
	err := db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindEvidence, func(rec isms.Record) error {
			if rec.(*isms.Evidence).SHA256 == sha {
				used = true
			}
			return nil
		})
	})
	if err != nil || used {
		return err
	}
	if err := db.DeleteBlob(sha); err != nil && isms.ErrorCode(err) != isms.CodeNotFound {
		return err
	}
	return nil
}

// getEvidence returns one stored evidence record.
func (s *EvidenceService) getEvidence(id string) (isms.Evidence, error) { return s.r().get(id) }

// All returns every piece of evidence, for the evidence register.
func (s *EvidenceService) All() ([]isms.Evidence, error) { return s.r().list() }

// Get returns one piece of evidence.
func (s *EvidenceService) Get(id string) (isms.Evidence, error) { return s.r().get(id) }

// Open shows the evidence: an attached file is written to a private temporary folder and
// opened in the application the system associates with it; a link is opened in the
// browser, or, for a file path, in the system's application. Under the end-to-end test
// hooks nothing is launched: the file is only written (into ISMSDESK_TEST_SAVE_DIR).
func (s *EvidenceService) Open(id string) error {
	e, err := s.getEvidence(id)
	if err != nil {
		return err
	}
	testDir := os.Getenv(testSaveDirEnv)
	if !e.HasFile() {
		return s.openLink(e.URL, testDir != "")
	}
	db, err := s.app.store()
	if err != nil {
		return err
	}
	parent := testDir
	if parent == "" {
		parent = os.TempDir()
		s.sweepTemp(parent)
	}
	dir, err := os.MkdirTemp(parent, evidenceTempPrefix+"*")
	if err != nil {
		return fmt.Errorf("unable to make a temporary folder to open %s: %w", e.FileName, err)
	}
	path := filepath.Join(dir, e.FileName)
	if err := writeBlobFile(db, e.SHA256, path); err != nil {
		_ = os.RemoveAll(dir)
		return err
	}
	if testDir == "" {
		s.app.openWithDefaultApp(path)
	}
	return nil
}

// writeBlobFile writes the stored file sha to a new private file (mode 0600) at path.
func writeBlobFile(db *store.DB, sha, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	if err := db.WriteBlob(sha, f); err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(path)
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	return nil
}

// sweepTemp removes the folders earlier calls of Open wrote, once they are old enough.
func (s *EvidenceService) sweepTemp(parent string) {
	dirs, err := filepath.Glob(filepath.Join(parent, evidenceTempPrefix+"*"))
	if err != nil {
		return
	}
	for _, d := range dirs {
		fi, err := os.Lstat(d)
		if err != nil || !fi.IsDir() || time.Since(fi.ModTime()) < evidenceTempAge {
			continue
		}
		if err := os.RemoveAll(d); err != nil {
			s.app.log.Debug("unable to remove an old temporary folder", "dir", d, "err", err)
		}
	}
}

// openLink opens an http(s) or file: address in the browser, or a file path in the
// system's application; it only checks when dryRun is set.
func (s *EvidenceService) openLink(link string, dryRun bool) error {
	if u, err := url.Parse(link); err == nil {
		switch strings.ToLower(u.Scheme) {
		case "http", "https", "file":
			if !dryRun {
				s.app.openURL(link)
			}
			return nil
		}
	}
	if _, err := os.Stat(link); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return isms.Errorf(isms.CodeNotFound, "%s is not there, or not reachable from this computer", link)
		}
		return fmt.Errorf("unable to open %s: %w", link, err)
	}
	if !dryRun {
		s.app.openWithDefaultApp(link)
	}
	return nil
}

// openURL opens an address in the system's browser; it does nothing without a window.
// It sits beside openWithDefaultApp in spirit (runtime.go keeps the other runtime calls).
func (a *App) openURL(u string) {
	ctx := a.context()
	if ctx == nil || ctx.Value("frontend") == nil {
		return
	}
	runtime.BrowserOpenURL(ctx, u)
}

// SaveCopy asks where to save a copy of an attached file and writes it there. It returns
// the path written, or "" when the user cancelled the dialog.
func (s *EvidenceService) SaveCopy(id string) (string, error) {
	e, err := s.getEvidence(id)
	if err != nil {
		return "", err
	}
	if !e.HasFile() {
		return "", isms.Errorf(isms.CodeInvalid, "%q is a link, not an attached file: open it instead", e.Title)
	}
	db, err := s.app.store()
	if err != nil {
		return "", err
	}
	filters := []runtime.FileFilter{{DisplayName: "All files", Pattern: "*"}}
	if ext := filepath.Ext(e.FileName); ext != "" {
		filters = append([]runtime.FileFilter{{DisplayName: strings.ToUpper(ext[1:]) + " file (*" + ext + ")", Pattern: "*" + ext}}, filters...)
	}
	path, err := s.app.saveFileDialog("Save a copy of the evidence", e.FileName, filters)
	if err != nil || path == "" {
		return "", err
	}
	err = safefile.Write(path, func(w io.Writer) error { return db.WriteBlob(e.SHA256, w) })
	if err != nil {
		return "", err
	}
	return path, nil
}
