package report

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// readKind reads every record of kind k in creation order and writes them to h as load's
// hash defines. One goroutine reads Badger while the others decode the records, and encode
// them again for the hash, a chunk at a time; none uses tx once readKind returns.
func readKind(tx *store.Tx, k isms.Kind, h hash.Hash) ([]isms.Record, error) {
	state, err := h.(encoding.BinaryMarshaler).MarshalBinary() // to hash the kind again, see below
	if err != nil {
		return nil, err
	}
	workers := max(runtime.GOMAXPROCS(0), 1)
	work := make(chan *chunk)
	inOrder := make(chan *chunk, 2*workers) // the chunks read, in order, for the hash
	var failed atomic.Bool
	for range workers {
		go func() {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf) // json.Marshal's output and a line feed
			for c := range work {
				func() {
					defer close(c.done)
					defer catch(&c.panic)
					c.decode(k, &buf, enc)
				}()
				if c.err != nil || c.panic != nil {
					failed.Store(true)
				}
			}
		}()
	}
	var scanErr error
	var scanPanic any
	go func() {
		defer close(inOrder)
		defer close(work)
		defer catch(&scanPanic)
		c := newChunk()
		scanErr = tx.EachRaw(k, func(raw []byte) error {
			if failed.Load() {
				return errStopped
			}
			c.buf = append(c.buf, raw...)
			c.ends = append(c.ends, len(c.buf))
			if len(c.ends) == chunkSize {
				inOrder <- c
				work <- c
				c = newChunk()
			}
			return nil
		})
		if len(c.ends) > 0 {
			inOrder <- c
			work <- c
		}
	}()

	head, lf := []byte(string(k)+"\n"), []byte("\n")
	var recs []isms.Record
	sorted := true // whether key order is ID order, as it is for UUIDs
	prev := ""
	var panicked any
	for c := range inOrder {
		<-c.done
		if err != nil || panicked != nil {
			continue // drain, so that every goroutine ends
		}
		if panicked = c.panic; panicked != nil {
			continue
		}
		if err = c.err; err != nil {
			continue
		}
		for i, r := range c.recs {
			id := r.Base().ID
			if len(recs)+i > 0 && id <= prev {
				sorted = false
			}
			prev = id
			if sorted {
				h.Write(head)
				h.Write(c.canonical(i))
				h.Write(lf)
			}
		}
		recs = append(recs, c.recs...)
		chunkBufs.Put(c.buf[:0]) // the records hold no part of it
	}
	rethrow(panicked)
	rethrow(scanPanic)
	if err == nil && scanErr != nil {
		err = scanErr
	}
	if err != nil {
		return nil, err
	}
	if !sorted { // an ID that escaping sorts otherwise in its key: hash the kind again, in ID order
		if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
			return nil, err
		}
		byID := slices.Clone(recs)
		sort.Slice(byID, func(i, j int) bool { return byID[i].Base().ID < byID[j].Base().ID })
		for _, r := range byID {
			b, err := json.Marshal(r)
			if err != nil {
				return nil, fmt.Errorf("report: unable to encode a %s: %w", k, err)
			}
			h.Write(head)
			h.Write(b)
			h.Write(lf)
		}
	}
	return recs, nil
}

// chunkSize is how many records readKind decodes at a time.
const chunkSize = 512

// errStopped stops a reader whose work has failed elsewhere.
var errStopped = errors.New("report: stopped")

// chunk is a run of stored records being decoded.
type chunk struct {
	buf   []byte        // the records' stored JSON, one after another
	ends  []int         // where each record's JSON ends in buf
	recs  []isms.Record // the records decoded
	canon [][]byte      // a record's canonical JSON where it is not its stored JSON, else nil
	err   error
	panic any           // a panic while decoding (see catch)
	done  chan struct{} // closed when decoded
}

func newChunk() *chunk {
	return &chunk{buf: chunkBufs.Get().([]byte), ends: make([]int, 0, chunkSize), done: make(chan struct{})}
}

// chunkBufs are the chunks' buffers, used again once a chunk is hashed.
var chunkBufs = sync.Pool{New: func() any { return make([]byte, 0, chunkSize<<10) }}

// raw returns record i's stored JSON.
func (c *chunk) raw(i int) []byte {
	start := 0
	if i > 0 {
		start = c.ends[i-1]
	}
	return c.buf[start:c.ends[i]]
}

// canonical returns record i's canonical JSON: json.Marshal of the decoded record, which
// is the stored JSON unless it was stored otherwise.
func (c *chunk) canonical(i int) []byte {
	if c.canon[i] != nil {
		return c.canon[i]
	}
	return c.raw(i)
}

// decode decodes the chunk's records of kind k and encodes each again with enc, which
// writes to buf, keeping the encoding only where it differs from the stored JSON.
func (c *chunk) decode(k isms.Kind, buf *bytes.Buffer, enc *json.Encoder) {
	c.recs = make([]isms.Record, len(c.ends))
	c.canon = make([][]byte, len(c.ends))
	for i := range c.ends {
		raw := c.raw(i)
		r, err := store.DecodeRecord(k, raw)
		if err != nil {
			c.err = err
			return
		}
		buf.Reset()
		if err := enc.Encode(r); err != nil {
			c.err = fmt.Errorf("report: unable to encode a %s: %w", k, err)
			return
		}
		if b := bytes.TrimSuffix(buf.Bytes(), []byte("\n")); !bytes.Equal(b, raw) {
			c.canon[i] = bytes.Clone(b)
		}
		c.recs[i] = r
	}
}
