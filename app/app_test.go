package app

import (
	"os"
	"strings"

	"context"
	"errors"
	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/store"
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

func TestImportService(t *testing.T) {
	a := newApp(t)
	file := t.TempDir() + "/reqs.csv"
	if err := os.WriteFile(file, []byte("Title line\n\nRef;Title;Owner\nR-1;First;Ana\nR-2;Second;Ana\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	prev, err := a.Import.Inspect(file, "", "")
	if err != nil || prev.HeaderRow != 3 || len(prev.Rows) == 0 {
		t.Fatalf("inspect: %+v %v", prev, err)
	}
	req := importer.Request{Kind: "requirements", File: file}
	plan, err := a.Import.Preview(req)
	if err != nil || plan.Counts.Created != 2 {
		t.Fatalf("preview: %+v %v", plan.Counts, err)
	}
	res, err := a.Import.Import(req)
	if err != nil || res.Log.Counts.Created != 2 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if list, _ := a.Requirements.List(); len(list) != 2 {
		t.Fatalf("%d requirements after import", len(list))
	}
	logs, err := a.Import.Logs()
	if err != nil || len(logs) != 1 {
		t.Fatalf("logs: %v %v", logs, err)
	}
	if _, err := a.Import.Revert(logs[0].ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := a.Requirements.List(); len(list) != 0 {
		t.Fatalf("%d requirements after revert", len(list))
	}
}

func TestReportServiceExportsToTheChosenFile(t *testing.T) {
	a := newApp(t)
	dir := t.TempDir()
	t.Setenv(testSaveDirEnv, dir)
	if _, err := a.Reports.Export("soa", ""); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("export before the organisation is named: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a refused export wrote %v", entries)
	}
	org, err := a.Organisation.Get()
	if err != nil {
		t.Fatal(err)
	}
	org.Name = "Acme Widgets"
	if _, err := a.Organisation.Save(org); err != nil {
		t.Fatal(err)
	}
	path, err := a.Reports.Export("soa", "")
	if err != nil || path != dir+"/"+defaultReportName("soa", a.clock().Format("2006-01-02")) {
		t.Fatalf("export: %q %v", path, err)
	}
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("no workbook at %s: %v", path, err)
	}
	if err := a.Reports.ExportTo("nonsense", "", dir+"/x.xlsx"); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("unknown report: %v", err)
	}
	if _, err := os.Stat(dir + "/x.xlsx"); err == nil {
		t.Fatal("a failed export left a file")
	}
}

func TestBackupFromTheWindowRestores(t *testing.T) {
	a := newApp(t)
	if _, err := a.Requirements.Create(isms.Requirement{Ref: "R-1", Title: "One", SourceType: "legal", Status: "not_assessed", Applicable: true}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Setenv(testSaveDirEnv, dir)
	path, err := a.System.Backup()
	if err != nil || path == "" {
		t.Fatalf("backup: %q %v", path, err)
	}
	restored := t.TempDir() + "/restored"
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := store.Restore(restored, f, false, store.Options{}); err != nil {
		t.Fatal(err)
	}
	b := New(restored, slog.New(slog.NewTextHandler(io.Discard, nil)))
	b.Startup(context.Background())
	defer b.Shutdown(context.Background())
	if list, err := b.Requirements.List(); err != nil || len(list) != 1 || list[0].Ref != "R-1" {
		t.Fatalf("restored: %+v %v", list, err)
	}
}

func TestPreferences(t *testing.T) {
	a := newApp(t)
	if p, err := a.System.Preferences(); err != nil || p.DayFirst {
		t.Fatalf("default preferences %+v %v", p, err)
	}
	if err := a.System.SetPreferences(Preferences{DayFirst: true}); err != nil {
		t.Fatal(err)
	}
	if p, err := a.System.Preferences(); err != nil || !p.DayFirst {
		t.Fatalf("after setting %+v %v", p, err)
	}
}

// TestImportProblemsInTheWindow: a row problem's words say what to choose in the wizard;
// the command-line option the CLI shows after them (--unmap status) is not in the window's
// preview (its problems, rows and groups), nor in the result of an import that skips the row.
func TestImportProblemsInTheWindow(t *testing.T) {
	a := newApp(t)
	file := t.TempDir() + "/policies.csv"
	if err := os.WriteFile(file, []byte("Policy ID,Policy title,Status\nPOL-1,Access control policy,Draft\nPOL-3,Cryptography policy,Approved\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	req := importer.Request{Kind: "policies", File: file}
	plan, err := a.Import.Preview(req)
	if err != nil || plan.Counts.Invalid != 1 || len(plan.Errors) != 1 {
		t.Fatalf("preview: %+v %+v %v", plan.Counts, plan.Errors, err)
	}
	msgs := plan.Errors[0].Message
	for _, g := range plan.ProblemGroups {
		msgs += "\n" + g.Message
	}
	for _, r := range plan.Rows {
		for _, p := range r.Problems {
			msgs += "\n" + p.Message
		}
	}
	if !strings.Contains(msgs, "choose no column for Status") || strings.Contains(msgs, "--") {
		t.Errorf("the window's problems: %s", msgs)
	}
	req.SkipInvalid = true
	res, err := a.Import.Import(req)
	if err != nil || len(res.Errors) != 1 || strings.Contains(res.Errors[0].Message, "--") {
		t.Fatalf("import: %+v %v", res.Errors, err)
	}
}
