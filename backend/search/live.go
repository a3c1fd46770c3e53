package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// Live is an Index kept in step with a store. Open builds it in the background; every
// search first applies the changes committed since, read from the store's history.
//
// The history is the one place every write lands (Create, Put and Delete append to it, in
// Update and in Batch alike) and it is hash-chained, so following it needs no hook in the
// write path: writes are not slowed and cannot fail because of the index, and a batch
// that was rolled back (its entries removed, the chain rewound) is noticed because the
// entry the index last applied is gone or different; the index is then rebuilt.
type Live struct {
	db   *store.DB
	opt  Options
	done chan struct{} // closed when the first build ends

	mu    sync.Mutex // serialises catching up and searching
	ix    *Index
	seq   uint64 // the history entry the index has applied up to
	hash  string // its hash
	err   error  // why the first build failed
	built time.Duration
}

// Open starts building the index of db in the background and returns at once.
func Open(db *store.DB, opt Options) *Live {
	l := &Live{db: db, opt: opt, done: make(chan struct{})}
	go func() {
		defer close(l.done)
		l.mu.Lock()
		defer l.mu.Unlock()
		start := time.Now()
		l.err = l.db.View(l.rebuild)
		l.built = time.Since(start)
	}()
	return l
}

// Wait waits for the first build and returns its error.
func (l *Live) Wait() error {
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// Stats returns how many records the index holds and how long its first build took.
func (l *Live) Stats() (records int, took time.Duration) {
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ix == nil {
		return 0, l.built
	}
	return l.ix.Len(), l.built
}

// Search applies the changes committed since the last search, then searches.
func (l *Live) Search(query string) ([]Result, error) {
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.db.View(l.catchUp); err != nil {
		return nil, err
	}
	l.err = nil
	return l.ix.Search(query), nil
}

// rebuild indexes every record of every kind as tx sees them.
func (l *Live) rebuild(tx *store.Tx) error {
	seq, hash, err := tx.HistoryHead()
	if err != nil {
		return err
	}
	// The store decodes the records while another goroutine indexes them.
	ix := New(l.opt)
	recs := make(chan isms.Record, 256)
	indexed := make(chan struct{})
	go func() {
		defer close(indexed)
		for r := range recs {
			ix.Add(r)
		}
	}()
	for _, k := range isms.Kinds() {
		err = tx.Each(k, func(r isms.Record) error { recs <- r; return nil })
		if err != nil {
			break
		}
	}
	close(recs)
	<-indexed
	if err != nil {
		return err
	}
	l.ix, l.seq, l.hash = ix, seq, hash
	return nil
}

// errRewound means the history no longer holds the entry the index applied last.
var errRewound = errors.New("search: the history was rewound")

// catchUp applies the history entries after the one applied last; when that entry is no
// longer there as it was (a batch was rolled back), or the first build failed, it rebuilds.
func (l *Live) catchUp(tx *store.Tx) error {
	if l.ix == nil {
		return l.rebuild(tx)
	}
	seq, hash, err := tx.HistoryHead()
	if err != nil {
		return err
	}
	if seq == l.seq && hash == l.hash {
		return nil
	}
	if l.seq == 0 {
		err = tx.ChangesFrom(1, l.apply)
	} else {
		first := true
		err = tx.ChangesFrom(l.seq, func(c store.Change) error {
			if first {
				first = false
				if c.Seq != l.seq || c.Hash != l.hash {
					return errRewound
				}
				return nil
			}
			return l.apply(c)
		})
		if err == nil && first {
			err = errRewound
		}
	}
	if errors.Is(err, errRewound) {
		return l.rebuild(tx)
	}
	return err
}

// apply indexes the record as one history entry left it.
func (l *Live) apply(c store.Change) error {
	if c.Op == store.OpDelete || len(c.After) == 0 || string(c.After) == "null" {
		l.ix.Remove(c.Kind, c.ID)
	} else {
		rec, err := isms.New(c.Kind)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(c.After, rec); err != nil {
			return fmt.Errorf("search: unable to read history entry %d: %w", c.Seq, err)
		}
		l.ix.Add(rec)
	}
	l.seq, l.hash = c.Seq, c.Hash
	return nil
}
