package importer

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
	"github.com/ismsdesk/ismsdesk/backend/xlsx/xlsxtest"
)

var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func openDB(t testing.TB, dir string) *store.DB {
	t.Helper()
	db, err := store.Open(dir, store.Options{InMemory: dir == ""})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, isms.DateOf(now)) }); err != nil {
		t.Fatal(err)
	}
	return db
}

// writeBook writes rows (the first is placed at startRow) to sheet "Register" of a new workbook.
func writeBook(t testing.TB, path string, startRow int, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Register"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Register", "A1", "Requirements register: Northwind"); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, startRow+i)
		if err := f.SetSheetRow("Register", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func register(owner2, status3 string) [][]any {
	return [][]any{
		{"Ref", "Title", "Requirement", "Owner", "Status", "Due date"},
		{"GDPR-32", "Security of processing", "Implement appropriate measures.\nEncrypt personal data.", "Jane Smith", "Compliant", "2026-12-31"},
		{"GDPR-33", "Breach notification", "Notify within 72 hours", owner2, "Partial", ""},
		{"NIS2-21", "Risk management measures", "Art. 21", "Jane Smith", status3, ""},
	}
}

func prepare(t *testing.T, db *store.DB, req Request) *Plan {
	t.Helper()
	p, err := Prepare(context.Background(), db, req)
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	return p
}

func commit(t *testing.T, db *store.DB, p *Plan) Result {
	t.Helper()
	res, err := Commit(context.Background(), db, p, now, nil)
	if err != nil {
		t.Fatalf("commit: %v (problems %v)", err, p.Errors)
	}
	return res
}

func requirementsByRef(t *testing.T, db *store.DB) map[string]*isms.Requirement {
	t.Helper()
	out := map[string]*isms.Requirement{}
	err := db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindRequirement, func(r isms.Record) error {
			out[r.(*isms.Requirement).Ref] = r.(*isms.Requirement)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func count(t *testing.T, db *store.DB, k isms.Kind) int {
	t.Helper()
	var n int
	if err := db.View(func(tx *store.Tx) (err error) { n, err = tx.Count(k); return }); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportReimportRevert(t *testing.T) {
	db := openDB(t, "")
	dir := t.TempDir()
	file := filepath.Join(dir, "register.xlsx")
	writeBook(t, file, 3, register("Omar Haddad", "Gap"))
	people := count(t, db, isms.KindPerson)

	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if p.Header.Row != 3 || p.Sheet != "Register" {
		t.Fatalf("header row %d on %q, want 3 on Register", p.Header.Row, p.Sheet)
	}
	if p.Counts != (Counts{Rows: 3, Created: 3}) {
		t.Fatalf("plan counts %+v", p.Counts)
	}
	if strings.Join(p.NewPeople, ",") != "Jane Smith,Omar Haddad" {
		t.Fatalf("new people %v", p.NewPeople)
	}
	first := commit(t, db, p)
	reqs := requirementsByRef(t, db)
	if len(reqs) != 3 || reqs["GDPR-32"].Status != isms.ComplianceCompliant || reqs["NIS2-21"].Status != isms.ComplianceNonCompliant {
		t.Fatalf("imported %+v", reqs)
	}
	if reqs["GDPR-32"].Text != "Implement appropriate measures.\nEncrypt personal data." || reqs["GDPR-32"].DueDate != "2026-12-31" {
		t.Fatalf("text or date not kept: %+v", reqs["GDPR-32"])
	}
	if reqs["GDPR-32"].OwnerID == "" || reqs["GDPR-32"].OwnerID != reqs["NIS2-21"].OwnerID {
		t.Fatal("the owner was not resolved to one person")
	}
	if got := count(t, db, isms.KindPerson); got != people+2 {
		t.Fatalf("%d people, want %d", got, people+2)
	}

	// The same file again changes nothing.
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if p.Counts != (Counts{Rows: 3, Unchanged: 3}) || len(p.NewPeople) != 0 {
		t.Fatalf("re-import plan %+v, new people %v", p.Counts, p.NewPeople)
	}
	commit(t, db, p)

	// An edited file updates the changed row only, with history naming the file.
	edited := filepath.Join(dir, "register-v2.xlsx")
	writeBook(t, edited, 3, register("Omar Haddad", "Done"))
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: edited})
	if p.Counts != (Counts{Rows: 3, Updated: 1, Unchanged: 2}) {
		t.Fatalf("edited plan %+v", p.Counts)
	}
	second := commit(t, db, p)
	nis := requirementsByRef(t, db)["NIS2-21"]
	if nis.Status != isms.ComplianceCompliant || nis.Version != 2 {
		t.Fatalf("after the edit: %+v", nis)
	}
	var hist []store.Change
	db.View(func(tx *store.Tx) (err error) { hist, err = tx.History(isms.KindRequirement, nis.ID); return })
	if len(hist) != 2 || hist[1].Source != "imported from register-v2.xlsx (sheet Register)" {
		t.Fatalf("history %+v", hist)
	}

	logs, err := Logs(db)
	if err != nil || len(logs) != 3 || logs[0].ID != second.Log.ID || logs[0].SHA256 == "" || logs[0].File != "register-v2.xlsx" {
		t.Fatalf("logs %+v %v", logs, err)
	}

	// Reverting the first import while a later one changed its records is refused.
	if _, err := Revert(context.Background(), db, first.Log.ID, now); isms.ErrorCode(err) != isms.CodeConflict {
		t.Fatalf("revert under a later change: %v, want conflict", err)
	}
	if _, err := Revert(context.Background(), db, second.Log.ID, now); err != nil {
		t.Fatalf("revert the edit: %v", err)
	}
	if got := requirementsByRef(t, db)["NIS2-21"].Status; got != isms.ComplianceNonCompliant {
		t.Fatalf("after revert status %q", got)
	}
	if _, err := Revert(context.Background(), db, second.Log.ID, now); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("second revert: %v, want invalid", err)
	}
	// The revert put NIS2-21 back as the first import left it, so the first import can be
	// reverted now, which removes its records and the people it added.
	if _, err := Revert(context.Background(), db, first.Log.ID, now); err != nil {
		t.Fatalf("revert after a revert: %v", err)
	}
	if n, got := len(requirementsByRef(t, db)), count(t, db, isms.KindPerson); n != 0 || got != people {
		t.Fatalf("after reverting both: %d requirements, %d people (want 0, %d)", n, got, people)
	}
	if _, err := db.VerifyHistory(); err != nil {
		t.Fatal(err)
	}
}

func TestRevertRemovesCreatedRecordsAndPeople(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "register.xlsx")
	writeBook(t, file, 3, register("Omar Haddad", "Gap"))
	people := count(t, db, isms.KindPerson)
	res := commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file}))
	if _, err := Revert(context.Background(), db, res.Log.ID, now); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, isms.KindRequirement); n != 0 {
		t.Fatalf("%d requirements after revert", n)
	}
	if n := count(t, db, isms.KindPerson); n != people {
		t.Fatalf("%d people after revert, want %d", n, people)
	}
}

func TestInvalidRowsWriteNothing(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "bad.xlsx")
	writeBook(t, file, 1, [][]any{
		{"Reference", "Title", "Status", "Due date"},
		{"R-1", "Fine", "Compliant", "2026-01-31"},
		{"R-2", "", "Compliant", ""},
		{"R-3", "Bad date", "Compliant", "the 45th of Smarch"},
		{"R-1", "Duplicate", "Compliant", ""},
	})
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if p.Counts.Invalid != 3 || p.Counts.Created != 1 {
		t.Fatalf("counts %+v", p.Counts)
	}
	want := map[string]bool{"2/B/title": true, "3/D/dueDate": true, "4/A/ref": true}
	for _, e := range p.Errors {
		key := fmt.Sprintf("%d/%s/%s", e.Row-1, e.Column, e.Field)
		if !want[key] {
			t.Errorf("unexpected problem %+v", e)
		}
		delete(want, key)
	}
	if len(want) > 0 {
		t.Errorf("problems not reported: %v", want)
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit with invalid rows: %v", err)
	}
	if n := count(t, db, isms.KindRequirement); n != 0 {
		t.Fatalf("%d requirements written by a refused import", n)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, SkipInvalid: true})
	res := commit(t, db, p)
	if n := count(t, db, isms.KindRequirement); n != 1 || res.Log.Counts.Skipped != 3 || len(res.Log.Skipped) != 3 {
		t.Fatalf("skip invalid: %d written, log %+v", n, res.Log.Counts)
	}
}

func TestMapOverrideAndSavedMapping(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "odd.xlsx")
	writeBook(t, file, 1, [][]any{{"Key", "Label", "Who"}, {"X-1", "First", "Jane"}})
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if len(p.MappingProblems) == 0 {
		t.Fatalf("unknown headers mapped: %v", p.Mapping.Columns)
	}
	if _, err := Commit(context.Background(), db, p, now, nil); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("commit with an incomplete mapping: %v", err)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, Map: map[string]string{"ref": "Key", "title": "B", "owner": "who"}})
	if len(p.MappingProblems) != 0 || p.Counts.Created != 1 {
		t.Fatalf("override: %+v %+v", p.MappingProblems, p.Counts)
	}
	if err := SaveMapping(db, "Odd register", p.Mapping); err != nil {
		t.Fatal(err)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if len(p.MappingProblems) != 0 || p.Mapping.Columns["owner"] != "C" {
		t.Fatalf("the saved mapping was not proposed again: %+v", p.Mapping.Columns)
	}
	if _, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: file, Map: map[string]string{"ref": "Nope"}}); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("map to a missing column: %v", err)
	}
}

func TestStatementOfApplicabilityUpdatesSeededControls(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "soa.xlsx")
	writeBook(t, file, 2, [][]any{
		{"Control", "Control name", "Applicable", "Justification", "Implementation status"},
		{5.1, "Policies for information security", "Yes", "Required by 5.2", "Implemented"},
		{8.2, "Privileged access rights", "yes", "Admin access", "In progress"},
		{"A.7.4", "Physical security monitoring", "No", "No premises of our own", "N/A"},
	})
	p := prepare(t, db, Request{Kind: xlsx.KindControls, File: file})
	if p.Counts != (Counts{Rows: 3, Updated: 3}) {
		t.Fatalf("counts %+v, problems %v", p.Counts, p.Errors)
	}
	commit(t, db, p)
	byRef := map[string]*isms.Control{}
	db.View(func(tx *store.Tx) error {
		return tx.Each(isms.KindControl, func(r isms.Record) error { byRef[r.(*isms.Control).Ref] = r.(*isms.Control); return nil })
	})
	if len(byRef) != 93 {
		t.Fatalf("%d controls, want the 93 with no duplicates", len(byRef))
	}
	if c := byRef["A.8.2"]; c.Status != isms.ImplInProgress || c.Applicability != isms.ApplicabilityApplicable {
		t.Errorf("A.8.2 %+v", c)
	}
	if c := byRef["A.7.4"]; c.Applicability != isms.ApplicabilityNotApplicable || c.Justification == "" {
		t.Errorf("A.7.4 %+v", c)
	}
	assertCatalogueTitles(t, db)
}

func TestMeasurementsNeedTheirKPI(t *testing.T) {
	db := openDB(t, "")
	err := db.Update(func(tx *store.Tx) error {
		return tx.Create(&isms.KPI{Ref: "KPI-01", Name: "Phishing click rate", Frequency: "monthly", Unit: "%",
			Target: 5, Amber: 10, Direction: "lower_is_better", Active: true}, "test")
	})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "kpi.csv")
	os.WriteFile(file, []byte("KPI;Date;Value\nKPI-01;31/01/2026;7,5\nPhishing click rate;28/02/2026;4\nKPI-99;31/03/2026;1\n"), 0o644)
	p := prepare(t, db, Request{Kind: xlsx.KindMeasurements, File: file, DayFirst: true})
	if p.Counts.Created != 2 || p.Counts.Invalid != 1 || p.Errors[0].Row != 4 || p.Errors[0].Field != "kpi" {
		t.Fatalf("counts %+v errors %+v", p.Counts, p.Errors)
	}
	p.Request.SkipInvalid = true
	commit(t, db, p)
	var ms []isms.Record
	db.View(func(tx *store.Tx) (err error) { ms, err = tx.List(isms.KindMeasurement); return })
	if len(ms) != 2 || ms[0].(*isms.Measurement).Date != "2026-01-31" || ms[0].(*isms.Measurement).Value != 7.5 {
		t.Fatalf("measurements %+v", ms)
	}
}

func TestCancelledImportLeavesNothing(t *testing.T) {
	db := openDB(t, "")
	file := filepath.Join(t.TempDir(), "big.csv")
	writeCSV(t, file, 5000)
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Commit(ctx, db, p, now, func(done, total int) {
		if done >= 2000 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("the cancelled import succeeded")
	}
	if n := count(t, db, isms.KindRequirement); n != 0 {
		t.Fatalf("%d requirements left by a cancelled import", n)
	}
	if logs, _ := Logs(db); len(logs) != 0 {
		t.Fatalf("a cancelled import was logged: %+v", logs)
	}
}

func writeCSV(t testing.TB, path string, n int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("Reference,Title,Description,Owner,Status,Due date\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "REQ-%06d,Requirement %d,\"Line one\nLine two of %d\",Owner %d,Compliant,2026-%02d-15\n", i, i, i, i%25, i%12+1)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshotJSON renders every record of every kind and the import logs.
func snapshotJSON(t *testing.T, db *store.DB) string {
	t.Helper()
	all := map[isms.Kind][]isms.Record{}
	db.View(func(tx *store.Tx) error {
		for _, k := range isms.Kinds() {
			l, err := tx.List(k)
			if err != nil {
				return err
			}
			all[k] = l
		}
		return nil
	})
	logs, _ := Logs(db)
	raw, _ := json.Marshal(struct {
		All  map[isms.Kind][]isms.Record
		Logs []Log
	}{all, logs})
	return string(raw)
}

// TestImportKilledMidway kills an importing process with SIGKILL and checks that the data
// folder is exactly as it was before once it is opened again.
func TestImportKilledMidway(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	if dir := os.Getenv("ISMSDESK_IMPORT_CHILD"); dir != "" {
		db, err := store.Open(dir, store.Options{})
		if err != nil {
			os.Exit(3)
		}
		p, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: os.Getenv("ISMSDESK_IMPORT_FILE")})
		if err != nil {
			os.Exit(4)
		}
		Commit(context.Background(), db, p, now, func(done, total int) {
			fmt.Printf("done %d\n", done)
			time.Sleep(20 * time.Millisecond)
		})
		os.Exit(5)
	}
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "big.csv")
	writeCSV(t, file, 20000)
	db := openDB(t, dir)
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: filepath.Join("testdata", "small.csv")}))
	before := snapshotJSON(t, db)
	db.Close()

	cmd := exec.Command(os.Args[0], "-test.run", "^TestImportKilledMidway$")
	cmd.Env = append(os.Environ(), "ISMSDESK_IMPORT_CHILD="+dir, "ISMSDESK_IMPORT_FILE="+file)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	reached := false
	for lines.Scan() {
		if lines.Text() == "done 6000" {
			reached = true
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	if !reached {
		t.Fatal("the child stopped before it had written 6,000 rows")
	}
	db2, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if after := snapshotJSON(t, db2); after != before {
		t.Fatal("the data folder differs from before the killed import")
	}
	if _, err := db2.VerifyHistory(); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkImport100k imports a generated 100,000-row register (Prepare and Commit).
func BenchmarkImport100k(b *testing.B) {
	file := xlsxtest.Register100k(b)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		db, err := store.Open(b.TempDir(), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		p, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: file})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Commit(context.Background(), db, p, now, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkExcelizeRows100k is the baseline: excelize's row iterator with its defaults
// (cell values formatted by their number format).
func BenchmarkExcelizeRows100k(b *testing.B) {
	xlsxtest.ReadWithExcelize(b, xlsxtest.Register100k(b), excelize.Options{})
}

// BenchmarkExcelizeRaw100k is excelize's row iterator with raw cell values, the fastest
// way excelize reads.
func BenchmarkExcelizeRaw100k(b *testing.B) {
	xlsxtest.ReadWithExcelize(b, xlsxtest.Register100k(b), excelize.Options{RawCellValue: true})
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPeopleMatchByEmailThenName(t *testing.T) {
	db := openDB(t, "")
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindPeople, File: writeFile(t, "p1.csv",
		"Name,Email,Department\nOlivia Carter,olivia@acme.test,IT\nEve New,,Ops\n")}))
	// A list without e-mails matches by name; a list with them matches Eve by name and adds her e-mail.
	p := prepare(t, db, Request{Kind: xlsx.KindPeople, File: writeFile(t, "p2.csv", "Name,Department\nOlivia Carter,Security\n")})
	if p.Counts != (Counts{Rows: 1, Updated: 1}) {
		t.Fatalf("by name: %+v %v", p.Counts, p.Errors)
	}
	p = prepare(t, db, Request{Kind: xlsx.KindPeople, File: writeFile(t, "p3.csv", "Name,Email\nEve New,eve@acme.test\n")})
	if p.Counts != (Counts{Rows: 1, Updated: 1}) {
		t.Fatalf("adding an e-mail: %+v %v", p.Counts, p.Errors)
	}
	// An owner copied from mail ("Name <address>") is the stored person.
	p = prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "r.csv", "Ref,Title,Owner\nR-1,One,Olivia Carter <olivia@acme.test>\n")})
	if len(p.NewPeople) != 0 || p.Counts.Created != 1 {
		t.Fatalf("owner by address: new people %v, %+v", p.NewPeople, p.Counts)
	}
}

func TestAttendanceOfANewTrainingNeedsItsDate(t *testing.T) {
	db := openDB(t, "")
	p := prepare(t, db, Request{Kind: xlsx.KindAttendance, File: writeFile(t, "a.csv",
		"Training,Date,Employee,Completed\nGDPR basics,,Frank,yes\nPhishing 101,2026-01-10,Frank,yes\n")})
	if p.Counts.Invalid != 1 || p.Counts.Created != 1 || p.Errors[0].Row != 2 || p.Errors[0].Field != "trainingDate" || p.Errors[0].Column != "B" {
		t.Fatalf("counts %+v errors %+v", p.Counts, p.Errors)
	}
	p.Request.SkipInvalid = true
	commit(t, db, p)
	if n := count(t, db, isms.KindTraining); n != 1 {
		t.Fatalf("%d trainings", n)
	}
}

func TestMatchByTitleAmbiguousAndWithoutRefColumn(t *testing.T) {
	db := openDB(t, "")
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, "r1.csv",
		"Ref,Title,Status\nD-1,Same,Gap\nD-2,Same,Gap\nD-3,Unique,Gap\n")}))
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, MatchBy: "title", File: writeFile(t, "r2.csv",
		"Title,Status\nSame,Done\nUnique,Done\n")})
	if len(p.MappingProblems) != 0 {
		t.Fatalf("a file without refs matched by title: %v", p.MappingProblems)
	}
	if p.Counts.Updated != 1 || p.Counts.Invalid != 1 || p.Errors[0].Field != "title" {
		t.Fatalf("counts %+v errors %+v", p.Counts, p.Errors)
	}
}

func TestImportRefusesAFileChangedSincePreview(t *testing.T) {
	db := openDB(t, "")
	file := writeFile(t, "r.csv", "Ref,Title\nR-1,One\n")
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	os.WriteFile(file, []byte("Ref,Title\nR-1,One\nR-2,Two\n"), 0o644)
	if _, err := Prepare(context.Background(), db, Request{Kind: xlsx.KindRequirements, File: file, SHA256: p.SHA256}); isms.ErrorCode(err) != isms.CodeConflict {
		t.Fatalf("changed file: %v, want conflict", err)
	}
}

func TestDayFirstSetting(t *testing.T) {
	db := openDB(t, "")
	file := writeFile(t, "d.csv", "Ref,Title,Due date\nR-1,One,03/04/2024\n")
	due := func() isms.Date {
		p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
		return p.Rows[0].rec.(*isms.Requirement).DueDate
	}
	if d := due(); d != "2024-03-04" {
		t.Fatalf("month-first by default: %s", d)
	}
	if err := SetDayFirst(db, true); err != nil {
		t.Fatal(err)
	}
	if d := due(); d != "2024-04-03" {
		t.Fatalf("with the day-first setting: %s", d)
	}
}

func TestDateOrderOverridesThePreference(t *testing.T) {
	db := openDB(t, "")
	if err := SetDayFirst(db, true); err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, "d.csv", "Ref,Title,Due date\nR-1,One,03/04/2024\n")
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, DateOrder: DateOrderMonth})
	if d := p.Rows[0].rec.(*isms.Requirement).DueDate; d != "2024-03-04" {
		t.Fatalf("month-first asked for: %s", d)
	}
}

// TestSheetDatesDecideTheOrder: a date that can only be day-first (or month-first) in any
// column of the sheet decides how the columns whose dates read either way are read, over
// the user's preference; a date order asked for still wins.
func TestSheetDatesDecideTheOrder(t *testing.T) {
	db := openDB(t, "")
	due := func(content string, req Request) (isms.Date, string) {
		req.Kind, req.File = xlsx.KindRequirements, writeFile(t, "d.csv", content)
		p := prepare(t, db, req)
		return p.Rows[0].rec.(*isms.Requirement).DueDate, p.LocaleHint
	}
	dayFirst := "Ref,Title,Due date,Logged\nR-1,One,03/05/2024,30/06/2024\n"
	if d, hint := due(dayFirst, Request{}); d != "2024-05-03" || !strings.Contains(hint, "30/06/2024") {
		t.Errorf("with 30/06/2024 beside it: %s (hint %q), want 3 May 2024", d, hint)
	}
	if d, _ := due(dayFirst, Request{DateOrder: DateOrderMonth}); d != "2024-03-05" {
		t.Errorf("month-first asked for: %s", d)
	}
	if err := SetDayFirst(db, true); err != nil {
		t.Fatal(err)
	}
	if d, _ := due("Ref,Title,Due date,Logged\nR-1,One,03/05/2024,06/30/2024\n", Request{}); d != "2024-03-05" {
		t.Errorf("with 06/30/2024 beside it and a day-first preference: %s, want March 5", d)
	}
}

// TestDateOrderOfTheLastImport: a register imported day-first is read day-first again
// when nothing in it says how its dates are written, so its next import changes nothing.
func TestDateOrderOfTheLastImport(t *testing.T) {
	db := openDB(t, "")
	file := writeFile(t, "d.csv", "Ref,Title,Due date\nR-1,One,03/05/2024\nR-2,Two,04/06/2024\n")
	commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file, DateOrder: DateOrderDay}))
	p := prepare(t, db, Request{Kind: xlsx.KindRequirements, File: file})
	if p.Counts.Unchanged != 2 || !p.Mapping.Locale.DayFirst {
		t.Fatalf("counts %+v, day first %v: want the dates read as the first import read them", p.Counts, p.Mapping.Locale.DayFirst)
	}
	if d := requirementsByRef(t, db)["R-1"].DueDate; d != "2024-05-03" {
		t.Errorf("R-1 due %s", d)
	}
}
