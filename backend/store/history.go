package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Change is one entry of the change history: who changed which record how, with the record
// before and after. The entries form one hash chain over the whole folder.
type Change struct {
	Seq    uint64          `json:"seq"`                 // position in the chain, from 1
	At     time.Time       `json:"at" ts_type:"string"` // when, by the store's clock
	Op     string          `json:"op"`                  // OpCreate, OpUpdate or OpDelete
	Kind   isms.Kind       `json:"kind"`                // the record's kind
	ID     string          `json:"id"`                  // the record's ID
	Source string          `json:"source"`              // what made the change, e.g. "ui", "import:risks.xlsx"
	Before json.RawMessage `json:"before"`              // the record before (null on create)
	After  json.RawMessage `json:"after"`               // the record after (null on delete)
	Prev   string          `json:"prev"`                // Hash of the previous entry, "" for the first
	Hash   string          `json:"hash"`                // hex SHA-256 of Prev and the entry without Hash
}

// hashChange returns the hash c should carry: hex(SHA-256(c.Prev || JSON of c with Hash "")).
func hashChange(c Change) (string, error) {
	hash, _, err := sealChange(c)
	return hash, err
}

// emptyHashTail is how the JSON of a Change with no Hash ends (Hash is its last field).
const emptyHashTail = `"hash":""}`

// sealChange returns c's hash and c's JSON carrying that hash. The JSON is the same as
// json.Marshal(c) (so that VerifyHistory can recompute it), but the record bodies, which
// the store encoded itself and are compact already, are copied rather than re-scanned.
func sealChange(c Change) (string, []byte, error) {
	c.Hash = ""
	b, err := encodeChange(c)
	if err != nil {
		return "", nil, fmt.Errorf("store: unable to encode a history entry: %w", err)
	}
	h := sha256.New()
	h.Write([]byte(c.Prev))
	h.Write(b)
	hash := hex.EncodeToString(h.Sum(nil))
	if !bytes.HasSuffix(b, []byte(emptyHashTail)) {
		return "", nil, fmt.Errorf("store: unexpected history entry encoding")
	}
	sealed := append(b[:len(b)-len(emptyHashTail)], `"hash":"`+hash+`"}`...)
	return hash, sealed, nil
}

// encodeChange writes c as json.Marshal would, field by field. Bodies that json.Marshal
// would still change (HTML characters it escapes) take the slow path.
func encodeChange(c Change) ([]byte, error) {
	if needsEscape(c.Before) || needsEscape(c.After) {
		return json.Marshal(c)
	}
	raw := func(m json.RawMessage) ([]byte, error) {
		if len(m) == 0 {
			return []byte("null"), nil
		}
		if !json.Valid(m) {
			return nil, fmt.Errorf("invalid record JSON")
		}
		return m, nil
	}
	before, err := raw(c.Before)
	if err != nil {
		return nil, err
	}
	after, err := raw(c.After)
	if err != nil {
		return nil, err
	}
	head, err := json.Marshal(struct {
		Seq    uint64    `json:"seq"`
		At     time.Time `json:"at"`
		Op     string    `json:"op"`
		Kind   isms.Kind `json:"kind"`
		ID     string    `json:"id"`
		Source string    `json:"source"`
	}{c.Seq, c.At, c.Op, c.Kind, c.ID, c.Source})
	if err != nil {
		return nil, err
	}
	prev, err := json.Marshal(c.Prev)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(head)+len(before)+len(after)+len(prev)+64)
	out = append(out, head[:len(head)-1]...)
	out = append(out, `,"before":`...)
	out = append(out, before...)
	out = append(out, `,"after":`...)
	out = append(out, after...)
	out = append(out, `,"prev":`...)
	out = append(out, prev...)
	out = append(out, `,"hash":""}`...)
	return out, nil
}

func needsEscape(m json.RawMessage) bool {
	return bytes.ContainsAny(m, "<>&\u2028\u2029")
}

// chainHead returns the sequence number and hash of the last history entry.
func (tx *Tx) chainHead() (uint64, string, error) {
	b, ok, err := tx.get([]byte(keyHSeq))
	if err != nil || !ok {
		return 0, "", err
	}
	if len(b) != 8 {
		return 0, "", fmt.Errorf("store: unable to read the history sequence: %d bytes", len(b))
	}
	head, _, err := tx.get([]byte(keyHHead))
	if err != nil {
		return 0, "", err
	}
	return binary.BigEndian.Uint64(b), string(head), nil
}

// appendChange adds an entry to the history chain and to the record's history index.
func (tx *Tx) appendChange(op string, kind isms.Kind, id, source string, before, after []byte) error {
	seq, head, err := tx.chainHead()
	if err != nil {
		return err
	}
	c := Change{Seq: seq + 1, At: tx.now(), Op: op, Kind: kind, ID: id, Source: source,
		Before: before, After: after, Prev: head}
	var b []byte
	if c.Hash, b, err = sealChange(c); err != nil {
		return err
	}
	if err := tx.set(historyKey(c.Seq), b); err != nil {
		return err
	}
	if err := tx.set(xrefKey(kind, id, c.Seq), nil); err != nil {
		return err
	}
	if err := tx.set([]byte(keyHSeq), seqBytes(c.Seq)); err != nil {
		return err
	}
	return tx.set([]byte(keyHHead), []byte(c.Hash))
}

// History returns the history of the record of kind with id, oldest first. A deleted
// record keeps its history.
func (tx *Tx) History(kind isms.Kind, id string) ([]Change, error) {
	if err := checkKind(kind); err != nil {
		return nil, err
	}
	prefix := xrefPrefix(kind, id)
	var out []Change
	err := tx.scan(prefix, true, func(key, _ []byte) error {
		if len(key) != len(prefix)+8 {
			return fmt.Errorf("store: unable to read the history index: malformed key %q", key)
		}
		seq := binary.BigEndian.Uint64(key[len(prefix):])
		raw, ok, err := tx.get(historyKey(seq))
		if err != nil {
			return err
		}
		if !ok {
			return tampered(seq, kind, id, "is missing")
		}
		var c Change
		if err := json.Unmarshal(raw, &c); err != nil {
			return fmt.Errorf("store: unable to decode history entry %d: %w", seq, err)
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

func tampered(seq uint64, kind isms.Kind, id, what string) error {
	return isms.Errorf(isms.CodeInvalid,
		"the change history has been tampered with: entry %d (%s %s) %s", seq, kind, id, what)
}

// VerifyHistory walks the whole history chain and checks that the entries are numbered
// without gaps, that each names its predecessor's hash and carries its own correct hash, and
// that the chain ends where m/hseq and m/hhead say. It returns the number of entries checked,
// and an *isms.Error with code CodeInvalid naming the first bad entry.
func (db *DB) VerifyHistory() (int, error) {
	n := 0
	err := db.bdb.View(func(txn *badger.Txn) error {
		tx := &Tx{db: db, txn: txn}
		var prev Change // the last good entry
		err := tx.scan([]byte(prefixHistory), false, func(key, val []byte) error {
			if len(key) != len(prefixHistory)+8 {
				return isms.Errorf(isms.CodeInvalid, "the change history has a malformed key %q", key)
			}
			seq := binary.BigEndian.Uint64(key[len(prefixHistory):])
			var c Change
			if err := json.Unmarshal(val, &c); err != nil {
				return tampered(seq, "?", "?", "cannot be read")
			}
			if seq != prev.Seq+1 {
				return isms.Errorf(isms.CodeInvalid,
					"the change history has been tampered with: entry %d is missing (after entry %d (%s %s), found entry %d (%s %s))",
					prev.Seq+1, prev.Seq, prev.Kind, prev.ID, seq, c.Kind, c.ID)
			}
			if c.Seq != seq {
				return tampered(seq, c.Kind, c.ID, fmt.Sprintf("claims to be entry %d", c.Seq))
			}
			if c.Prev != prev.Hash {
				return tampered(seq, c.Kind, c.ID, "does not link to the entry before it")
			}
			h, err := hashChange(c)
			if err != nil {
				return err
			}
			if h != c.Hash {
				return tampered(seq, c.Kind, c.ID, "does not match its hash")
			}
			prev = c
			n++
			return nil
		})
		if err != nil {
			return err
		}
		seq, head, err := tx.chainHead()
		if err != nil {
			return err
		}
		if seq != prev.Seq || head != prev.Hash {
			return isms.Errorf(isms.CodeInvalid,
				"the change history has been tampered with: entry %d is missing (the chain ends at entry %d (%s %s))",
				seq, prev.Seq, prev.Kind, prev.ID)
		}
		return nil
	})
	var ie *isms.Error
	if err != nil && !errors.As(err, &ie) {
		return n, fmt.Errorf("store: unable to verify the history: %w", err)
	}
	return n, err
}
