package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

func newApp(t *testing.T) *App {
	t.Helper()
	a := New(t.TempDir(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	a.Startup(context.Background())
	if info := a.System.Info(); info.Error != "" {
		t.Fatalf("startup: %s", info.Error)
	}
	t.Cleanup(func() { a.Shutdown(context.Background()) })
	return a
}

func TestRequirementLifecycle(t *testing.T) {
	a := newApp(t)
	s := a.Requirements
	_, err := s.Create(isms.Requirement{Ref: "GDPR-32", SourceType: "legal", Status: "not_assessed", Applicable: true})
	var e *isms.Error
	if !errors.As(err, &e) || e.Code != isms.CodeInvalid || e.Fields["title"] == "" {
		t.Fatalf("create without a title: %v, want invalid on title", err)
	}
	ui := ErrorFormatter(slog.New(slog.NewTextHandler(io.Discard, nil)))(err).(UIError)
	if ui.Code != isms.CodeInvalid || ui.Fields["title"] == "" {
		t.Fatalf("formatted error %+v", ui)
	}

	r, err := s.Create(isms.Requirement{Ref: "GDPR-32", Title: "Security of processing", SourceType: "legal", Status: "not_assessed", Applicable: true})
	if err != nil || r.ID == "" || r.Version != 1 {
		t.Fatalf("create: %+v %v", r, err)
	}
	r.Status = "compliant"
	updated, err := s.Update(r)
	if err != nil || updated.Version != 2 {
		t.Fatalf("update: %+v %v", updated, err)
	}
	if _, err := s.Update(r); isms.ErrorCode(err) != isms.CodeConflict {
		t.Fatalf("stale update: %v, want conflict", err)
	}
	d, err := s.Get(r.ID)
	if err != nil || d.Requirement.Status != "compliant" || len(d.History) != 2 || d.History[0].Op != "update" {
		t.Fatalf("detail: %+v %v", d, err)
	}
	list, err := s.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %d %v", len(list), err)
	}
	if err := s.Delete(r.ID, updated.Version); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := s.Get(r.ID); isms.ErrorCode(err) != isms.CodeNotFound {
		t.Fatalf("get after delete: %v, want not_found", err)
	}
}

func TestDashboardCountsFirstRun(t *testing.T) {
	a := newApp(t)
	d, err := a.Dashboard.Summary()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[isms.Kind]int{}
	for _, c := range d.Counts {
		counts[c.Kind] = c.Count
	}
	if counts[isms.KindControl] != 93 || counts[isms.KindRole] != 6 || counts[isms.KindMilestone] != 6 {
		t.Fatalf("first-run counts %v", counts)
	}
	rows, err := a.Records.List("controls")
	if err != nil || len(rows) != 93 {
		t.Fatalf("records list: %d %v", len(rows), err)
	}
	if _, err := a.Records.List("unicorns"); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("unknown kind: %v", err)
	}
}

func TestSecondInstanceIsTold(t *testing.T) {
	a := newApp(t)
	b := New(a.dataDir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	b.Startup(context.Background())
	defer b.Shutdown(context.Background())
	if info := b.System.Info(); info.Error == "" {
		t.Fatal("a second instance on the same folder opened it")
	}
	if _, err := b.Requirements.List(); isms.ErrorCode(err) != isms.CodeLocked {
		t.Fatalf("list on a locked folder: %v, want locked", err)
	}
}
