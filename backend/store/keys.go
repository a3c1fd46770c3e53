package store

import (
	"bytes"
	"encoding/binary"
	"net/url"
	"strings"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

/*
Key schema, version 1 (the schema of record; bump schemaVersion and add a migration when it
changes).

Keys are text made of "/"-separated segments, except history sequence numbers, which are 8
bytes big-endian so that byte order is numeric order. Segments that come from records or
people (IDs, status and owner values, refs, link fields, setting names) are path-escaped
(url.PathEscape) so that they never contain "/"; a UUID is unchanged by escaping. Index
entries are keys with empty values.

	m/schema                                 -> data schema version, decimal text
	m/hseq                                   -> sequence number of the last history entry, 8 bytes big-endian
	m/hhead                                  -> hash of the last history entry, hex
	r/<kind>/<id>                            -> the record as JSON (encoding/json of the concrete isms type)
	i/<kind>/s/<status>/<id>                 -> "" status index (records with a status)
	i/<kind>/o/<owner>/<id>                  -> "" owner index (records with an owner)
	i/<kind>/d/<yyyymmdd>/<id>               -> "" due-date index (UTC date; records with a due date)
	u/<kind>/<ref>                           -> id: unique ref per kind; ref trimmed and lower-cased
	l/<targetKind>/<targetID>/<srcKind>/<srcID>/<field> -> "" reverse index of links (backlinks)
	h/<seq>                                  -> Change as JSON: ONE global, hash-chained history
	x/<kind>/<id>/<seq>                      -> "" the history entries of one record
	s/<name>                                 -> setting value, text
	m/batch                                  -> while a Batch is under way (see batch.go): the history
	                                            sequence number at its start, 8 bytes big-endian
	j/<key>                                  -> the value <key> had before the running Batch first
	                                            wrote it: 0x00 (absent) or 0x01 followed by the value
	c/<kind>/<id>                            -> "" a record the running Batch created with a new ID;
	                                            its keys and its history are undone from it, not journalled
	f/<sha256>                               -> header of a stored file (blob, see blob.go): total size and
	                                            chunk count, 8 bytes big-endian each; written after every chunk,
	                                            so a blob exists exactly when its header does
	f/<sha256>/<chunk>                       -> up to 512 KiB of the file's bytes; <chunk> is the chunk index from 0,
	                                            8 bytes big-endian; <sha256> is the hex SHA-256 of the whole file

Blobs are content-addressed and shared: evidence records (r/evidence/<id>) name them by their
sha256 field, and the store keeps no count of their users. Chunks without a header are the
remains of an interrupted write or delete; they are replaced or removed by the next
PutBlobFile or DeleteBlob of the same contents. Blob writes wait for a running Batch and are
never journalled. The f/ keys were added without a version bump: they are new keys that no
older reader scans.

IDs are UUID version 7 strings, which are time-ordered, so r/<kind>/ key order is creation
order. Every use case writes its record, all of its index entries and its history entry in one
transaction; Put and Delete remove the index entries of the old version.

The history is a chain: entry n has Prev = Hash of entry n-1 ("" for the first) and
Hash = hex(SHA-256(Prev || canonical JSON of the entry with Hash empty)). m/hseq and m/hhead
name the end of the chain, so that a missing last entry is detected too.
*/

// Key prefixes and fixed keys; see the key schema above.
const (
	prefixRecord  = "r/"
	prefixIndex   = "i/"
	prefixUnique  = "u/"
	prefixLink    = "l/"
	prefixHistory = "h/"
	prefixXref    = "x/"
	prefixSetting = "s/"
	prefixJournal = "j/"
	prefixCreated = "c/"
	prefixBlob    = "f/"

	keySchema  = "m/schema"
	keyHSeq    = "m/hseq"
	keyHHead   = "m/hhead"
	keyBatch   = "m/batch"
	dateLayout = "20060102"
)

// Index names a secondary index that Find can search.
type Index string

// The indexes Find can search.
const (
	IndexStatus Index = "s" // the record's status
	IndexOwner  Index = "o" // the record's owner (a person ID)
	indexDue    Index = "d" // the record's due date, searched with DueBefore
)

// seg escapes a value for use as one key segment.
func seg(s string) string { return url.PathEscape(s) }

// unseg reverses seg; a malformed escape is returned as is.
func unseg(s string) string {
	v, err := url.PathUnescape(s)
	if err != nil {
		return s
	}
	return v
}

func join(parts ...string) []byte { return []byte(strings.Join(parts, "/")) }

func recordPrefix(kind isms.Kind) []byte { return []byte(prefixRecord + seg(string(kind)) + "/") }

func recordKey(kind isms.Kind, id string) []byte {
	return append(recordPrefix(kind), seg(id)...)
}

func indexPrefix(kind isms.Kind, idx Index, value string) []byte {
	return append(join("i", seg(string(kind)), string(idx), seg(value)), '/')
}

func indexKindPrefix(kind isms.Kind, idx Index) []byte {
	return append(join("i", seg(string(kind)), string(idx)), '/')
}

// normRef is the form in which refs are compared: trimmed and lower-cased.
func normRef(ref string) string { return strings.ToLower(strings.TrimSpace(ref)) }

func uniqueKey(kind isms.Kind, ref string) []byte {
	return join("u", seg(string(kind)), seg(normRef(ref)))
}

func linkTargetPrefix(kind isms.Kind, id string) []byte {
	return append(join("l", seg(string(kind)), seg(id)), '/')
}

func linkKey(target isms.Link, srcKind isms.Kind, srcID string) []byte {
	return append(linkTargetPrefix(target.Kind, target.ID), join(seg(string(srcKind)), seg(srcID), seg(target.Field))...)
}

func seqBytes(seq uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, seq)
	return b
}

func historyKey(seq uint64) []byte { return append([]byte(prefixHistory), seqBytes(seq)...) }

func xrefPrefix(kind isms.Kind, id string) []byte {
	return append(join("x", seg(string(kind)), seg(id)), '/')
}

func xrefKey(kind isms.Kind, id string, seq uint64) []byte {
	return append(xrefPrefix(kind, id), seqBytes(seq)...)
}

func settingKey(name string) []byte { return []byte(prefixSetting + seg(name)) }

// lastSeg returns the unescaped segment after the last "/" of key.
func lastSeg(key []byte) string {
	i := bytes.LastIndexByte(key, '/')
	return unseg(string(key[i+1:]))
}

// indexEntries returns every index key (and its value) that a record with these terms
// owns: status, owner, due date, unique ref and the reverse entries of its links.
func indexEntries(kind isms.Kind, id string, t isms.Terms) map[string][]byte {
	list := indexList(kind, id, t)
	out := make(map[string][]byte, len(list))
	for _, e := range list {
		out[string(e.key)] = e.val
	}
	return out
}

// indexEntry is one index key of a record and its value.
type indexEntry struct{ key, val []byte }

// indexList returns the index entries of indexEntries as a list (a key repeated by two
// links is there twice), for a new record's writes.
func indexList(kind isms.Kind, id string, t isms.Terms) []indexEntry {
	out := make([]indexEntry, 0, 4+len(t.Links))
	if t.Status != "" {
		out = append(out, indexEntry{append(indexPrefix(kind, IndexStatus, t.Status), seg(id)...), nil})
	}
	if t.Owner != "" {
		out = append(out, indexEntry{append(indexPrefix(kind, IndexOwner, t.Owner), seg(id)...), nil})
	}
	if !t.Due.IsZero() {
		out = append(out, indexEntry{append(indexPrefix(kind, indexDue, t.Due.UTC().Format(dateLayout)), seg(id)...), nil})
	}
	if normRef(t.Ref) != "" {
		out = append(out, indexEntry{uniqueKey(kind, t.Ref), []byte(id)})
	}
	for _, l := range t.Links {
		if l.ID == "" {
			continue
		}
		out = append(out, indexEntry{linkKey(l, kind, id), nil})
	}
	return out
}

// parseDue reads the date segment of a due-date index key.
func parseDue(s string) (time.Time, bool) {
	t, err := time.Parse(dateLayout, s)
	return t, err == nil
}
