package store

import (
	"fmt"
	"github.com/ismsdesk/ismsdesk/backend/isms/ismstest"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// A Batch commits a full transaction without waiting for it and goes on in one that
// does not see that commit (see Batch): every read in the batch must still see every
// earlier write of the batch, the history must stay one chain, and a failure must still
// undo everything.
func TestBatchReadsItsOwnEarlierWrites(t *testing.T) {
	db := openMem(t)
	seedOne(t, db)
	const n = 12000
	ids := make([]string, n+1)
	err := db.Batch(func(b *Batch) error {
		for i := 1; i <= n; i++ {
			err := b.Do(func(tx *Tx) error {
				r := newReq(fmt.Sprintf("P-%d", i))
				if err := tx.Create(r, "test"); err != nil {
					return err
				}
				ids[i] = r.ID
				if i == 1 {
					return nil
				}
				// the record before, by ID and by ref
				prev, err := tx.ByRef(isms.KindRequirement, fmt.Sprintf("P-%d", i-1))
				if err != nil {
					return fmt.Errorf("record %d: the one before it is not found by ref: %w", i, err)
				}
				if prev.Base().ID != ids[i-1] {
					return fmt.Errorf("record %d: the ref of the one before names %s, want %s", i, prev.Base().ID, ids[i-1])
				}
				// its ref is taken
				err = tx.Create(newReq(fmt.Sprintf("P-%d", i-1)), "test")
				if isms.ErrorCode(err) != isms.CodeInvalid {
					return fmt.Errorf("record %d: a second P-%d was not refused: %v", i, i-1, err)
				}
				if i%3 == 0 { // an update of the one before
					prev.(*isms.Requirement).Status = isms.ComplianceCompliant
					if err := tx.Put(prev, "test"); err != nil {
						return fmt.Errorf("record %d: updating the one before: %w", i, err)
					}
					again, err := tx.Get(isms.KindRequirement, ids[i-1])
					if err != nil || again.Base().Version != 2 {
						return fmt.Errorf("record %d: the one before after its update: %v, %v", i, again, err)
					}
				}
				if i%1000 == 0 { // a delete, which scans for backlinks
					if err := tx.Delete(isms.KindRequirement, ids[i-1], prev.Base().Version, "test"); err != nil {
						return fmt.Errorf("record %d: deleting the one before: %w", i, err)
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return b.Do(func(tx *Tx) error {
			count, err := tx.Count(isms.KindRequirement)
			if err != nil {
				return err
			}
			if want := 1 + n - n/1000; count != want {
				return fmt.Errorf("the batch counts %d requirements, want %d", count, want)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	var count int
	if err := db.View(func(tx *Tx) (err error) { count, err = tx.Count(isms.KindRequirement); return }); err != nil {
		t.Fatal(err)
	}
	if want := 1 + n - n/1000; count != want {
		t.Fatalf("%d requirements after the batch, want %d", count, want)
	}
	// one entry per create, update and delete, plus REQ-0's
	if checked, err := db.VerifyHistory(); err != nil || checked != 1+n+n/3+n/1000 {
		t.Fatalf("history: %d entries (want %d), %v", checked, 1+n+n/3+n/1000, err)
	}
}

func TestPipelinedBatchFailureLeavesNothing(t *testing.T) {
	db := openMem(t)
	seedOne(t, db)
	before := dump(t, db)
	err := db.Batch(func(b *Batch) error {
		for i := 1; i <= 12000; i++ {
			if err := b.Do(func(tx *Tx) error {
				r, err := tx.ByRef(isms.KindRequirement, "REQ-0")
				if err != nil {
					return err
				}
				r.(*isms.Requirement).Notes = fmt.Sprintf("pass %d", i) // the same key in every transaction
				if err := tx.Put(r, "test"); err != nil {
					return err
				}
				return tx.Create(newReq(fmt.Sprintf("F-%d", i)), "test")
			}); err != nil {
				return err
			}
		}
		return fmt.Errorf("stopped")
	})
	if err == nil {
		t.Fatal("the batch did not fail")
	}
	sameDump(t, before, dump(t, db))
}

// The journal of a batch takes the values before of a record and its index entries from
// the stored version instead of reading each key (rewriteIndexes): undoing a batch of
// updates that move refs, statuses, owners, due dates and links, deletes, and creates
// that take a ref freed in the same batch leaves the folder exactly as it was; the same
// batch done leaves every index matching its record.
func TestBatchUndoOfUpdatesAndDeletes(t *testing.T) {
	for _, fail := range []bool{true, false} {
		db := openMem(t)
		ctl := ismstest.Valid(isms.KindControl)
		create(t, db, ctl)
		const n = 3000
		ids := make([]string, n)
		for i := range n {
			r := newReq(fmt.Sprintf("R-%d", i))
			r.OwnerID, r.DueDate = fmt.Sprintf("o%d", i%5), isms.Date(fmt.Sprintf("2025-%02d-10", 1+i%12))
			if i%2 == 0 {
				r.ControlIDs = []string{ctl.Base().ID}
			}
			create(t, db, r)
			ids[i] = r.ID
		}
		before := dump(t, db)
		err := db.Batch(func(b *Batch) error {
			for i := range n {
				err := b.Do(func(tx *Tx) error {
					rec, err := tx.Get(isms.KindRequirement, ids[i])
					if err != nil {
						return err
					}
					r := rec.(*isms.Requirement)
					switch i % 3 {
					case 0: // everything its index holds changes
						r.Ref, r.Status, r.OwnerID, r.DueDate = fmt.Sprintf("S-%d", i), isms.ComplianceCompliant, "someone", ""
						if r.ControlIDs == nil {
							r.ControlIDs = []string{ctl.Base().ID}
						} else {
							r.ControlIDs = nil
						}
						return tx.Put(r, "test")
					case 1:
						return tx.Delete(isms.KindRequirement, r.ID, r.Version, "test")
					default: // the ref the one before gave up
						return tx.Create(newReq(fmt.Sprintf("R-%d", i-1)), "test")
					}
				})
				if err != nil {
					return fmt.Errorf("record %d: %w", i, err)
				}
			}
			if fail {
				return fmt.Errorf("stopped")
			}
			return nil
		})
		if fail {
			if err == nil {
				t.Fatal("the batch did not fail")
			}
			sameDump(t, before, dump(t, db))
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := checkKeys(db); err != nil {
			t.Fatalf("after the batch: %v", err)
		}
		if _, err := db.VerifyHistory(); err != nil {
			t.Fatal(err)
		}
	}
}
