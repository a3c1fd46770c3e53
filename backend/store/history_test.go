package store

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// historyFixture makes a folder with a short history of three records: 5 entries.
func historyFixture(t *testing.T) (*DB, *isms.Requirement) {
	t.Helper()
	db := openMem(t)
	a, b, c := newReq("A"), newReq("B"), newReq("C")
	create(t, db, a)
	create(t, db, b)
	a.Title = "edited"
	put(t, db, a)
	create(t, db, c)
	if err := db.Update(func(tx *Tx) error { return tx.Delete(isms.KindRequirement, b.ID, 0, "test") }); err != nil {
		t.Fatal(err)
	}
	return db, a
}

func TestHistory(t *testing.T) {
	db, a := historyFixture(t)
	var h []Change
	err := db.View(func(tx *Tx) error {
		var err error
		h, err = tx.History(isms.KindRequirement, a.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 {
		t.Fatalf("history of a has %d entries, want 2", len(h))
	}
	if h[0].Op != OpCreate || h[0].Seq != 1 || string(h[0].Before) != "null" || h[0].Source != "test" {
		t.Errorf("first = %+v", h[0])
	}
	if h[1].Op != OpUpdate || h[1].Seq != 3 || !h[0].At.Before(h[1].At) {
		t.Errorf("second = %+v", h[1])
	}
	var before, after isms.Requirement
	if err := json.Unmarshal(h[1].Before, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(h[1].After, &after); err != nil {
		t.Fatal(err)
	}
	if before.Title != "Requirement A" || after.Title != "edited" || after.Version != 2 {
		t.Errorf("before %q after %q v%d", before.Title, after.Title, after.Version)
	}
	n, err := db.VerifyHistory()
	if err != nil || n != 5 {
		t.Fatalf("VerifyHistory = %d, %v; want 5, nil", n, err)
	}
}

func rewrite(t *testing.T, db *DB, seq uint64, fn func(raw []byte) []byte) {
	t.Helper()
	err := db.bdb.Update(func(txn *badger.Txn) error {
		item, err := txn.Get(historyKey(seq))
		if err != nil {
			return err
		}
		raw, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		return txn.Set(historyKey(seq), fn(raw))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func deleteKey(t *testing.T, db *DB, key []byte) {
	t.Helper()
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Delete(key) }); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyHistoryDetectsTampering(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(t *testing.T, db *DB)
		want   string // in the message
	}{
		{"edited entry", func(t *testing.T, db *DB) {
			rewrite(t, db, 3, func(raw []byte) []byte {
				return []byte(strings.Replace(string(raw), `edited`, `EDITED`, 1))
			})
		}, "entry 3 (requirement "},
		{"edited entry with recomputed hash", func(t *testing.T, db *DB) {
			rewrite(t, db, 2, func(raw []byte) []byte {
				var c Change
				if err := json.Unmarshal(raw, &c); err != nil {
					t.Fatal(err)
				}
				c.Source = "someone else"
				c.Hash, _ = hashChange(c, nil)
				b, _ := json.Marshal(c)
				return b
			})
		}, "entry 3 "}, // entry 2 is self-consistent; entry 3 no longer links to it
		{"flipped byte", func(t *testing.T, db *DB) {
			rewrite(t, db, 1, func(raw []byte) []byte {
				raw[len(raw)/2] ^= 0x01
				return raw
			})
		}, "entry 1 "},
		{"deleted entry", func(t *testing.T, db *DB) { deleteKey(t, db, historyKey(2)) }, "entry 2 is missing"},
		{"deleted first entry", func(t *testing.T, db *DB) { deleteKey(t, db, historyKey(1)) }, "entry 1 is missing"},
		{"deleted last entry", func(t *testing.T, db *DB) { deleteKey(t, db, historyKey(5)) }, "entry 5 is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := historyFixture(t)
			tt.tamper(t, db)
			_, err := db.VerifyHistory()
			e := wantCode(t, err, isms.CodeInvalid)
			if !strings.Contains(e.Message, tt.want) {
				t.Errorf("message %q does not name %q", e.Message, tt.want)
			}
		})
	}
}
