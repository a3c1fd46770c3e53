package store

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// EachRaw calls fn with the stored JSON of every record of kind in creation order, for a
// reader that decodes it (DecodeRecord) on other goroutines or hashes it as stored. raw is
// valid only during the call: fn copies what it keeps. fn must not write through the
// transaction. EachRaw stops at fn's first error, which it returns.
func (tx *Tx) EachRaw(kind isms.Kind, fn func(raw []byte) error) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	prefix := recordPrefix(kind)
	opts := badger.DefaultIteratorOptions
	opts.Prefix = prefix
	// Records are small and kept in the LSM tree: reading each value in place is cheaper
	// than prefetching a copy of it.
	opts.PrefetchValues = false
	it, err := tx.iterator(opts)
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Rewind(); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		var ferr error
		if err := item.Value(func(v []byte) error { ferr = fn(v); return nil }); err != nil {
			return fmt.Errorf("store: unable to read %q: %w", item.Key(), err)
		}
		if ferr != nil {
			return ferr
		}
	}
	return nil
}

// DecodeRecord decodes the stored JSON of a record of kind (from EachRaw), as Get and Each do.
func DecodeRecord(kind isms.Kind, raw []byte) (isms.Record, error) { return decode(kind, raw) }
