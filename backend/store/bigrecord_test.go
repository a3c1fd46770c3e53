package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// A record with long texts: its update writes the record and a history entry holding it
// before and after, more than one Badger transaction holds.
func longRequirement(ref string, size int) *isms.Requirement {
	r := newReq(ref)
	r.Text = strings.Repeat("The organisation shall keep records. ", size/37+1)[:size]
	return r
}

// In a Batch, one Do may write more than one transaction holds: its writes span
// transactions, and the batch stays all or nothing.
func TestBatchDoLargerThanATransaction(t *testing.T) {
	db := openDir(t, t.TempDir())
	limit := int(db.bdb.MaxBatchSize())
	big := longRequirement("BIG-1", limit/3) // create: record and history entry; update: three copies
	if err := db.Update(func(tx *Tx) error { return tx.Create(big, "test") }); err != nil {
		t.Fatalf("a create of a third of the limit: %v", err)
	}
	big.Text = strings.ToUpper(big.Text)
	err := db.Update(func(tx *Tx) error { return tx.Put(big, "test") })
	if !errors.Is(err, ErrTooBig) {
		t.Fatalf("the update in one transaction: %v, want ErrTooBig (the test's premise)", err)
	}
	if err := db.Batch(func(b *Batch) error { return b.Do(func(tx *Tx) error { return tx.Put(big, "test") }) }); err != nil {
		t.Fatalf("the update in a batch: %v", err)
	}
	var got *isms.Requirement
	err = db.View(func(tx *Tx) (err error) {
		got, err = GetAs[*isms.Requirement](tx, isms.KindRequirement, big.ID)
		return err
	})
	if err != nil || got.Version != 2 || got.Text != big.Text {
		t.Fatalf("after the batch: version %d, text kept %v (err %v)", got.Version, got != nil && got.Text == big.Text, err)
	}
	if _, err := db.VerifyHistory(); err != nil {
		t.Fatalf("history after the batch: %v", err)
	}

	// a batch that fails after such a write leaves nothing of it
	other := longRequirement("BIG-2", limit)
	failed := errors.New("stop")
	err = db.Batch(func(b *Batch) error {
		big.Text = strings.ToLower(big.Text)
		if err := b.Do(func(tx *Tx) error { return tx.Put(big, "test") }); err != nil {
			return err
		}
		if err := b.Do(func(tx *Tx) error { return tx.Create(other, "test") }); err != nil {
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("the failing batch: %v", err)
	}
	err = db.View(func(tx *Tx) error {
		all, err := tx.List(isms.KindRequirement)
		if err != nil {
			return err
		}
		if len(all) != 1 || all[0].Base().Version != 2 || all[0].(*isms.Requirement).Text != got.Text {
			t.Errorf("after the failed batch: %d requirements, want BIG-1 at version 2 as it was", len(all))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.VerifyHistory(); err != nil || n != 2 {
		t.Fatalf("history after the failed batch: %d entries, %v; want the 2 before it", n, err)
	}
}

// One Do with more writes than one transaction counts (Badger limits their number too)
// spans transactions as well.
func TestBatchDoOfManySmallWrites(t *testing.T) {
	db := openMem(t)
	n := int(db.bdb.MaxBatchCount()) + 100
	err := db.Batch(func(b *Batch) error {
		return b.Do(func(tx *Tx) error {
			for i := range n {
				if err := tx.SetSetting(fmt.Sprintf("test/%06d", i), "x"); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatalf("a Do of %d settings: %v", n, err)
	}
	err = db.View(func(tx *Tx) error {
		v, err := tx.Setting(fmt.Sprintf("test/%06d", n-1))
		if err == nil && v != "x" {
			t.Errorf("the last setting is %q", v)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
