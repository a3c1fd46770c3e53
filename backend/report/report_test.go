package report_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// now is the fixed time of the tests: the demo is seeded for today and reports are
// generated an hour later.
var now = time.Date(2025, 6, 15, 10, 0, 0, 0, time.UTC)

const today isms.Date = "2025-06-15"

// openDB returns an in-memory database with a fixed clock.
func openDB(t testing.TB) *store.DB {
	t.Helper()
	clock := func() time.Time { return time.Date(2025, 6, 15, 9, 0, 0, 0, time.UTC) }
	db, err := store.Open("", store.Options{InMemory: true, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// demoDB returns a database holding the demo organisation.
func demoDB(t testing.TB) *store.DB {
	t.Helper()
	db := openDB(t)
	if err := db.Batch(func(b *store.Batch) error { return seed.Demo(b, today) }); err != nil {
		t.Fatal(err)
	}
	return db
}

// opts returns fixed options; id names the record for reports that need one.
func opts(id string) report.Options {
	return report.Options{ID: id, Now: now, Version: "1.2.3-test"}
}

// export writes a report and opens the result with excelize.
func export(t testing.TB, db *store.DB, name string, o report.Options) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(context.Background(), db, name, o, &buf); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%s: the workbook does not open: %v", name, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// idFor returns the option ID each report is exported with from the demo.
func idFor(name string) string {
	if name == "audit" {
		return "IA-01"
	}
	return ""
}
