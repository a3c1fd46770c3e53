package report_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/report"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// BenchmarkRequirements100k exports a register of 100,000 requirements with the stream
// writer and reports the rows written per second.
func BenchmarkRequirements100k(b *testing.B) {
	const n = 100_000
	db := openDB(b)
	for start := 0; start < n; start += 500 {
		err := db.Update(func(tx *store.Tx) error {
			for i := start; i < start+500; i++ {
				r := &isms.Requirement{Ref: fmt.Sprintf("REQ-%06d", i), Title: fmt.Sprintf("Requirement number %d", i),
					Text:       "The organisation shall keep this requirement under review and evidence compliance yearly.",
					SourceType: isms.SourceContractual, Source: "Customer contract schedule 3", Applicable: true,
					Status: isms.CompliancePartial, Evidence: "ISMS/Evidence/REQ", DueDate: "2025-12-31", Notes: "Bench"}
				if err := tx.Create(r, "bench"); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if err := report.Write(context.Background(), db, "requirements", opts(""), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
