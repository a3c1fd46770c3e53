package store

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// TestEachRaw: EachRaw gives every record of a kind as stored, in creation order, after a
// reopen (records read from the tables, not the memtable) and inside a write transaction
// (its own writes included); DecodeRecord gives back the record Each gives.
func TestEachRaw(t *testing.T) {
	dir := t.TempDir()
	db := openDir(t, dir)
	for i := range 30 {
		create(t, db, newReq(fmt.Sprintf("R-%02d", 30-i)))
	}
	create(t, db, &isms.Person{Name: "Ann", Active: true})
	check := func(tx *Tx, n int) {
		t.Helper()
		var each [][]byte
		if err := tx.Each(isms.KindRequirement, func(r isms.Record) error {
			each = append(each, []byte(mustJSON(t, r)))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		i := 0
		err := tx.EachRaw(isms.KindRequirement, func(raw []byte) error {
			rec, err := DecodeRecord(isms.KindRequirement, raw)
			if err != nil {
				return err
			}
			if got := mustJSON(t, rec); i >= len(each) || !bytes.Equal(raw, each[i]) || got != string(each[i]) {
				t.Errorf("record %d: raw %s decoded %s, want %s", i, raw, got, each[min(i, len(each)-1)])
			}
			i++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if i != n || len(each) != n {
			t.Errorf("EachRaw gave %d records, Each %d, want %d", i, len(each), n)
		}
	}
	if err := db.View(func(tx *Tx) error { check(tx, 30); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = openDir(t, dir)
	if err := db.View(func(tx *Tx) error { check(tx, 30); return nil }); err != nil {
		t.Fatal(err)
	}
	err := db.Update(func(tx *Tx) error {
		if err := tx.Create(newReq("R-99"), "test"); err != nil {
			return err
		}
		check(tx, 31)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	stop := errors.New("stop")
	n := 0
	err = db.View(func(tx *Tx) error {
		return tx.EachRaw(isms.KindRequirement, func([]byte) error { n++; return stop })
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("EachRaw after fn's error: %v after %d records, want stop after 1", err, n)
	}
	err = db.View(func(tx *Tx) error { return tx.EachRaw("bogus", func([]byte) error { return nil }) })
	wantCode(t, err, isms.CodeInvalid)
	if _, err := DecodeRecord(isms.KindRequirement, []byte("{")); err == nil {
		t.Error("DecodeRecord of broken JSON: no error")
	}
}
