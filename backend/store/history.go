package store

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"reflect"
	"strconv"
	"strings"
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
	Hash   string          `json:"hash"`                // hex SHA-256 (or HMAC-SHA256, keyed) of Prev and the entry without Hash
}

// hashChange returns the hash c should carry: hex(SHA-256(c.Prev || JSON of c with Hash "")),
// or, when key is set, hex(HMAC-SHA256(key, the same)).
func hashChange(c Change, key []byte) (string, error) {
	hash, _, err := sealChange(c, key)
	return hash, err
}

// chainKey returns the HMAC key of history entry seq: the history key of an encrypted
// folder from the entry its key file names on (the entries before it, made before the
// passphrase was set, keep their plain SHA-256); nil for plain SHA-256.
func (db *DB) chainKey(seq uint64) []byte {
	if k := db.opt.keys; k != nil && seq >= k.HistoryFrom {
		return k.History
	}
	return nil
}

// Keyed reports whether new history entries are keyed with the passphrase (HMAC-SHA256),
// and from which entry on.
func (db *DB) Keyed() (bool, uint64) {
	if k := db.opt.keys; k != nil {
		return true, k.HistoryFrom
	}
	return false, 0
}

// emptyHashTail is how the JSON of a Change with no Hash ends (Hash is its last field).
const emptyHashTail = `"hash":""}`

// sealChange returns c's hash and c's JSON carrying that hash. The JSON is the same as
// json.Marshal(c) (so that VerifyHistory can recompute it), but the record bodies, which
// the store encoded itself and are compact already, are copied rather than re-scanned.
func sealChange(c Change, key []byte) (string, []byte, error) { return seal(c, key, true) }

// seal is sealChange; check says whether the bodies are checked to be valid JSON (those
// the store has just encoded are).
func seal(c Change, key []byte, check bool) (string, []byte, error) {
	c.Hash = ""
	b, err := changeJSON(nil, c, check)
	if err != nil {
		return "", nil, fmt.Errorf("store: unable to encode a history entry: %w", err)
	}
	var h hash.Hash
	if key != nil {
		h = hmac.New(sha256.New, key)
	} else {
		h = sha256.New()
	}
	h.Write([]byte(c.Prev))
	h.Write(b)
	var sum [sha256.Size]byte
	sealedHash := hex.EncodeToString(h.Sum(sum[:0]))
	if !bytes.HasSuffix(b, []byte(emptyHashTail)) {
		return "", nil, fmt.Errorf("store: unexpected history entry encoding")
	}
	sealed := append(append(append(b[:len(b)-len(emptyHashTail)], `"hash":"`...), sealedHash...), `"}`...)
	return sealedHash, sealed, nil
}

// encodeChange writes c as json.Marshal would, field by field. Bodies that json.Marshal
// would still change (HTML characters it escapes) take the slow path.
func encodeChange(c Change) ([]byte, error) { return changeJSON(nil, c, true) }

// changeJSON appends c's JSON to dst (see encodeChange).
func changeJSON(dst []byte, c Change, check bool) ([]byte, error) {
	if needsEscape(c.Before) || needsEscape(c.After) || !plainJSON(c.Op) || !plainJSON(string(c.Kind)) ||
		!plainJSON(c.ID) || !plainJSON(c.Source) || !plainJSON(c.Prev) {
		b, err := json.Marshal(c)
		return append(dst, b...), err
	}
	body := func(m json.RawMessage) ([]byte, error) {
		if len(m) == 0 {
			return []byte("null"), nil
		}
		if check && !json.Valid(m) {
			return nil, fmt.Errorf("invalid record JSON")
		}
		return m, nil
	}
	before, err := body(c.Before)
	if err != nil {
		return nil, err
	}
	after, err := body(c.After)
	if err != nil {
		return nil, err
	}
	at, err := c.At.MarshalJSON()
	if err != nil {
		return nil, err
	}
	out := dst
	if out == nil {
		out = make([]byte, 0, len(before)+len(after)+len(c.Source)+len(c.ID)+len(c.Prev)+len(c.Kind)+320) // room for the hash seal adds
	}
	out = strconv.AppendUint(append(out, `{"seq":`...), c.Seq, 10)
	out = append(append(out, `,"at":`...), at...)
	out = append(append(append(out, `,"op":"`...), c.Op...), '"')
	out = append(append(append(out, `,"kind":"`...), c.Kind...), '"')
	out = append(append(append(out, `,"id":"`...), c.ID...), '"')
	out = append(append(append(out, `,"source":"`...), c.Source...), '"')
	out = append(append(out, `,"before":`...), before...)
	out = append(append(out, `,"after":`...), after...)
	out = append(append(append(out, `,"prev":"`...), c.Prev...), '"')
	out = append(out, `,"hash":""}`...)
	return out, nil
}

// plainJSON reports whether json.Marshal writes s as it is between quotes: printable ASCII
// without quotes, backslashes or the HTML characters it escapes.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// needsEscape reports whether json.Marshal would rewrite a body: it escapes <, >, & and
// the line and paragraph separators U+2028 and U+2029 (E2 80 A8, E2 80 A9).
func needsEscape(m json.RawMessage) bool {
	for i, c := range m {
		switch c {
		case '<', '>', '&':
			return true
		case 0xE2:
			if i+2 < len(m) && m[i+1] == 0x80 && (m[i+2] == 0xA8 || m[i+2] == 0xA9) {
				return true
			}
		}
	}
	return false
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
	if c.Hash, b, err = seal(c, tx.db.chainKey(c.Seq), false); err != nil {
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

// HistoryHead returns the sequence number and hash of the last history entry (0 and ""
// when there is none). Every committed Create, Put and Delete moves it, in Update and Batch
// alike, so a reader that keeps a copy of the records (the search index) follows it.
func (tx *Tx) HistoryHead() (uint64, string, error) { return tx.chainHead() }

// ChangesFrom calls fn with the history entries from sequence number seq on, oldest first,
// and stops at fn's first error, which it returns.
func (tx *Tx) ChangesFrom(seq uint64, fn func(Change) error) error {
	opts := badger.DefaultIteratorOptions
	opts.Prefix = []byte(prefixHistory)
	it, err := tx.iterator(opts)
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Seek(historyKey(seq)); it.ValidForPrefix(opts.Prefix); it.Next() {
		raw, err := it.Item().ValueCopy(nil)
		if err != nil {
			return fmt.Errorf("store: unable to read the history: %w", err)
		}
		var c Change
		if err := json.Unmarshal(raw, &c); err != nil {
			return fmt.Errorf("store: unable to decode a history entry: %w", err)
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}

func tampered(seq uint64, kind isms.Kind, id, what string) error {
	return isms.Errorf(isms.CodeInvalid,
		"the change history has been tampered with: entry %d (%s %s) %s", seq, kind, id, what)
}

// HistoryReport is what a walk of the history chain found.
type HistoryReport struct {
	Entries int    // entries checked
	HeadSeq uint64 // the last entry's sequence number, as m/hseq names it
	Head    string // the last entry's hash, as m/hhead names it
	Records int    // records checked against their last history entry (CheckHistory only)
	// Broken is the first entry (or record) that fails; nil when everything verifies.
	Broken *BrokenEntry
}

// BrokenEntry names where the history stops verifying.
type BrokenEntry struct {
	Seq     uint64    // the entry, 0 when the problem is a record with no entry
	At      time.Time // when the entry says the change was made; zero when unknown
	Kind    isms.Kind // the record the entry (or problem) is about; "" when unreadable
	ID      string
	Problem string // e.g. "does not match its hash"
}

// Message says what is wrong, as VerifyHistory reports it.
func (b *BrokenEntry) Message() string {
	at := ""
	if !b.At.IsZero() {
		at = ", changed " + b.At.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	if b.Seq == 0 {
		return fmt.Sprintf("the change history has been tampered with: the %s %s %s", b.Kind, b.ID, b.Problem)
	}
	if b.Kind == "" && b.ID == "" {
		return fmt.Sprintf("the change history has been tampered with: entry %d %s", b.Seq, b.Problem)
	}
	return fmt.Sprintf("the change history has been tampered with: entry %d (%s %s%s) %s", b.Seq, b.Kind, b.ID, at, b.Problem)
}

// VerifyHistory walks the whole history chain and checks that the entries are numbered
// without gaps, that each names its predecessor's hash and carries its own correct hash
// (keyed with the passphrase from the entry chainKey names on), and
// that the chain ends where m/hseq and m/hhead say. It returns the number of entries checked,
// and an *isms.Error with code CodeInvalid naming the first bad entry.
func (db *DB) VerifyHistory() (int, error) {
	rep, err := db.walkHistory(false)
	if err == nil && rep.Broken != nil {
		err = isms.Errorf(isms.CodeInvalid, "%s", rep.Broken.Message())
	}
	return rep.Entries, err
}

// CheckHistory is VerifyHistory reporting what it found, and also checks that every stored
// record is the one its last history entry recorded (a record changed behind the history's
// back is reported as broken). The error is for failures to read, not for a broken chain.
func (db *DB) CheckHistory() (HistoryReport, error) {
	return db.walkHistory(true)
}

// lastChange is what the history says about one record: its last entry.
type lastChange struct {
	seq     uint64
	at      time.Time
	deleted bool
	after   [sha256.Size]byte
}

func (db *DB) walkHistory(records bool) (HistoryReport, error) {
	var rep HistoryReport
	if !db.enter() {
		return rep, closedError()
	}
	defer db.leave()
	err := db.bdb.View(func(txn *badger.Txn) error {
		tx := &Tx{db: db, txn: txn}
		var prev Change // the last good entry
		last := map[string]*lastChange{}
		broke := func(c Change, seq uint64, problem string) error {
			rep.Broken = &BrokenEntry{Seq: seq, At: c.At, Kind: c.Kind, ID: c.ID, Problem: problem}
			return errStop
		}
		err := tx.scan([]byte(prefixHistory), false, func(key, val []byte) error {
			if len(key) != len(prefixHistory)+8 {
				return broke(Change{}, prev.Seq+1, fmt.Sprintf("has a malformed key %q", key))
			}
			seq := binary.BigEndian.Uint64(key[len(prefixHistory):])
			var c Change
			if err := json.Unmarshal(val, &c); err != nil {
				return broke(Change{}, seq, "cannot be read")
			}
			if seq != prev.Seq+1 {
				return broke(Change{}, prev.Seq+1, fmt.Sprintf("is missing (after entry %d (%s %s), found entry %d (%s %s))",
					prev.Seq, prev.Kind, prev.ID, seq, c.Kind, c.ID))
			}
			if c.Seq != seq {
				return broke(c, seq, fmt.Sprintf("claims to be entry %d", c.Seq))
			}
			if c.Prev != prev.Hash {
				return broke(c, seq, "does not link to the entry before it")
			}
			h, err := hashChange(c, db.chainKey(seq))
			if err != nil {
				return err
			}
			if h != c.Hash {
				if db.chainKey(seq) != nil {
					return broke(c, seq, "does not match its hash keyed with the passphrase (it was changed, or rehashed without the passphrase)")
				}
				return broke(c, seq, "does not match its hash")
			}
			if records {
				lc := &lastChange{seq: seq, at: c.At, deleted: c.Op == OpDelete}
				if !lc.deleted {
					lc.after = sha256.Sum256(c.After)
				}
				last[string(c.Kind)+"/"+c.ID] = lc
			}
			prev = c
			rep.Entries++
			return nil
		})
		if errors.Is(err, errStop) {
			return nil
		}
		if err != nil {
			return err
		}
		rep.HeadSeq, rep.Head, err = tx.chainHead()
		if err != nil {
			return err
		}
		if rep.HeadSeq != prev.Seq || rep.Head != prev.Hash {
			_ = broke(Change{}, rep.HeadSeq, fmt.Sprintf("is missing (the chain ends at entry %d (%s %s))", prev.Seq, prev.Kind, prev.ID))
			return nil
		}
		if records {
			err = db.checkRecords(tx, last, &rep)
			if errors.Is(err, errStop) {
				return nil
			}
		}
		return err
	})
	if err != nil {
		return rep, fmt.Errorf("store: unable to verify the history: %w", err)
	}
	return rep, nil
}

// errStop ends a scan early.
var errStop = errors.New("stop")

// checkRecords compares every stored record with its last history entry, and finds records
// the history says exist but are gone.
func (db *DB) checkRecords(tx *Tx, last map[string]*lastChange, rep *HistoryReport) error {
	err := tx.scan([]byte(prefixRecord), false, func(key, val []byte) error {
		kindSeg, idSeg, ok := strings.Cut(string(key[len(prefixRecord):]), "/")
		if !ok {
			rep.Broken = &BrokenEntry{Problem: fmt.Sprintf("has a malformed record key %q", key)}
			return errStop
		}
		kind, id := isms.Kind(unseg(kindSeg)), unseg(idSeg)
		lc := last[string(kind)+"/"+id]
		switch {
		case lc == nil:
			rep.Broken = &BrokenEntry{Kind: kind, ID: id, Problem: "is stored but has no entry in the history"}
			return errStop
		case lc.deleted:
			rep.Broken = &BrokenEntry{Seq: lc.seq, At: lc.at, Kind: kind, ID: id, Problem: "deleted the record, but it is still stored"}
			return errStop
		case sha256.Sum256(val) != lc.after:
			same, err := sameJSON(tx, lc.seq, val)
			if err != nil {
				return err
			}
			if !same {
				rep.Broken = &BrokenEntry{Seq: lc.seq, At: lc.at, Kind: kind, ID: id, Problem: "is the last change of a record that has since been changed outside the history"}
				return errStop
			}
		}
		delete(last, string(kind)+"/"+id)
		rep.Records++
		return nil
	})
	if err != nil {
		return err
	}
	for k, lc := range last {
		if !lc.deleted {
			kind, id, _ := strings.Cut(k, "/")
			rep.Broken = &BrokenEntry{Seq: lc.seq, At: lc.at, Kind: isms.Kind(kind), ID: id, Problem: "is the last change of a record that is missing"}
			return errStop
		}
	}
	return nil
}

// sameJSON reports whether the record JSON val has the same content as the After of entry
// seq, when the bytes differ only in their encoding.
func sameJSON(tx *Tx, seq uint64, val []byte) (bool, error) {
	raw, ok, err := tx.get(historyKey(seq))
	if err != nil || !ok {
		return false, err
	}
	var c Change
	if err := json.Unmarshal(raw, &c); err != nil {
		return false, nil
	}
	var a, b any
	if json.Unmarshal(val, &a) != nil || json.Unmarshal(c.After, &b) != nil {
		return false, nil
	}
	return reflect.DeepEqual(a, b), nil
}
