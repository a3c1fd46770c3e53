package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// BenchmarkRequirementList20k measures loading a 20,000-requirement register for the
// window's table.
func BenchmarkRequirementList20k(b *testing.B) {
	a := New(b.TempDir(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	a.Startup(context.Background())
	defer a.Shutdown(context.Background())
	db, err := a.store()
	if err != nil {
		b.Fatal(err)
	}
	err = db.Batch(func(bt *store.Batch) error {
		for i := range 20000 {
			err := bt.Do(func(tx *store.Tx) error {
				return tx.Create(&isms.Requirement{Ref: fmt.Sprintf("REQ-%05d", i), Title: "Requirement", Text: "The organisation shall.",
					SourceType: isms.SourceLegal, Status: isms.ComplianceCompliant, Applicable: true}, "bench")
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		list, err := a.Requirements.List()
		if err != nil || len(list) != 20000 {
			b.Fatal(len(list), err)
		}
	}
}
