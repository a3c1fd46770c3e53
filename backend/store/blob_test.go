package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

const noLimit = 1 << 40

// randomBytes returns n reproducible pseudo-random bytes.
func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed+1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func shaOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// writeFile writes b to a new file named name in a temporary folder and returns its path.
func writeFile(t testing.TB, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func putBlob(t testing.TB, db *DB, b []byte) string {
	t.Helper()
	sha, size, err := db.PutBlobFile(writeFile(t, "evidence.bin", b), noLimit)
	if err != nil {
		t.Fatalf("PutBlobFile: %v", err)
	}
	if sha != shaOf(b) || size != int64(len(b)) {
		t.Fatalf("PutBlobFile = %s, %d; want %s, %d", sha, size, shaOf(b), len(b))
	}
	return sha
}

func readBlob(t testing.TB, db *DB, sha string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := db.WriteBlob(sha, &buf); err != nil {
		t.Fatalf("WriteBlob: %v", err)
	}
	return buf.Bytes()
}

// blobKeys returns every f/ key, as text with the chunk index in decimal.
func blobKeys(t testing.TB, db *DB) []string {
	t.Helper()
	var out []string
	err := db.bdb.View(func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.Prefix, opts.PrefetchValues = []byte(prefixBlob), false
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.ValidForPrefix(opts.Prefix); it.Next() {
			k := it.Item().KeyCopy(nil)
			if len(k) == len(prefixBlob)+64 {
				out = append(out, string(k))
				continue
			}
			out = append(out, fmt.Sprintf("%s%d", k[:len(prefixBlob)+65], binary.BigEndian.Uint64(k[len(prefixBlob)+65:])))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBlobRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		size   int
		chunks int
	}{
		{"empty", 0, 0},
		{"one byte", 1, 1},
		{"a chunk less one", blobChunkSize - 1, 1},
		{"a chunk", blobChunkSize, 1},
		{"a chunk and one", blobChunkSize + 1, 2},
		{"2.5 MiB", 5 << 19, 5},
		{"more than one transaction", 9*blobChunkSize + 7, 10},
	}
	db := openMem(t)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := randomBytes(tt.size, uint64(i))
			sha := putBlob(t, db, b)
			if ok, err := db.HasBlob(sha); err != nil || !ok {
				t.Errorf("HasBlob = %v, %v", ok, err)
			}
			if size, err := db.BlobSize(sha); err != nil || size != int64(tt.size) {
				t.Errorf("BlobSize = %d, %v; want %d", size, err, tt.size)
			}
			if got := readBlob(t, db, sha); !bytes.Equal(got, b) {
				t.Errorf("WriteBlob gave %d bytes (sha %s), want the %d stored", len(got), shaOf(got), len(b))
			}
			n := 0
			for _, k := range blobKeys(t, db) {
				if strings.HasPrefix(k, prefixBlob+sha+"/") {
					n++
				}
			}
			if n != tt.chunks {
				t.Errorf("%d chunks stored, want %d", n, tt.chunks)
			}
		})
	}
}

func TestPutBlobDedupes(t *testing.T) {
	db := openMem(t)
	b := randomBytes(blobChunkSize+10, 1)
	sha := putBlob(t, db, b)
	version := func() uint64 {
		var v uint64
		err := db.bdb.View(func(txn *badger.Txn) error {
			item, err := txn.Get(blobKey(sha))
			if err == nil {
				v = item.Version()
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	before, keys := version(), blobKeys(t, db)
	// The same contents under another name are the same blob, and are not written again.
	sha2, size, err := db.PutBlobFile(writeFile(t, "copy.pdf", b), noLimit)
	if err != nil || sha2 != sha || size != int64(len(b)) {
		t.Fatalf("second PutBlobFile = %s, %d, %v", sha2, size, err)
	}
	if after := version(); after != before {
		t.Errorf("the header was written again (version %d, was %d)", after, before)
	}
	if got := blobKeys(t, db); !equalStrings(got, keys) {
		t.Errorf("keys = %v, want %v", got, keys)
	}
	// Different contents are another blob.
	other := putBlob(t, db, append(bytes.Clone(b), 0))
	if other == sha {
		t.Fatal("different contents got the same blob")
	}
	if got := readBlob(t, db, sha); !bytes.Equal(got, b) {
		t.Error("the first blob changed")
	}
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

func TestMissingBlob(t *testing.T) {
	db := openMem(t)
	sha := shaOf([]byte("never stored"))
	if ok, err := db.HasBlob(sha); err != nil || ok {
		t.Errorf("HasBlob = %v, %v", ok, err)
	}
	_, err := db.BlobSize(sha)
	wantCode(t, err, isms.CodeNotFound)
	var buf bytes.Buffer
	wantCode(t, db.WriteBlob(sha, &buf), isms.CodeNotFound)
	if buf.Len() != 0 {
		t.Errorf("WriteBlob wrote %d bytes", buf.Len())
	}
	wantCode(t, db.DeleteBlob(sha), isms.CodeNotFound)

	for _, bad := range []string{"", "abc", strings.ToUpper(sha), "../" + sha[3:]} {
		_, err := db.HasBlob(bad)
		wantCode(t, err, isms.CodeInvalid)
		_, err = db.BlobSize(bad)
		wantCode(t, err, isms.CodeInvalid)
		wantCode(t, db.WriteBlob(bad, &buf), isms.CodeInvalid)
		wantCode(t, db.DeleteBlob(bad), isms.CodeInvalid)
	}

	_, _, err = db.PutBlobFile(filepath.Join(t.TempDir(), "gone.pdf"), noLimit)
	wantCode(t, err, isms.CodeNotFound)
	_, _, err = db.PutBlobFile(t.TempDir(), noLimit)
	wantCode(t, err, isms.CodeInvalid)
}

func TestPutBlobRefusesTooBigFile(t *testing.T) {
	db := openMem(t)
	const limit = 2<<20 + 100
	tests := []struct {
		name string
		size int
		ok   bool
	}{
		{"at the limit", limit, true},
		{"one byte over", limit + 1, false},
		{"far over", 3 * limit, false},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := randomBytes(tt.size, uint64(100+i))
			path := writeFile(t, "scan-"+tt.name+".pdf", b)
			sha, _, err := db.PutBlobFile(path, limit)
			if tt.ok {
				if err != nil || sha != shaOf(b) {
					t.Fatalf("PutBlobFile = %s, %v", sha, err)
				}
				return
			}
			e := wantCode(t, err, isms.CodeInvalid)
			if !strings.Contains(e.Message, filepath.Base(path)) || !strings.Contains(e.Message, "2.0 MB") {
				t.Errorf("message %q does not name the file and the limit", e.Message)
			}
			if ok, _ := db.HasBlob(shaOf(b)); ok {
				t.Error("the file was stored")
			}
		})
	}
	if keys := blobKeys(t, db); len(keys) != 1+int(chunksFor(limit)) { // the blob at the limit only
		t.Errorf("keys = %v", keys)
	}
	_, _, err := db.PutBlobFile(writeFile(t, "a.txt", []byte("a")), 0)
	wantCode(t, err, isms.CodeInvalid)
}

// The file changing between the hash and the copy must store nothing.
func TestPutBlobFileChangedMeanwhile(t *testing.T) {
	orig := randomBytes(2*blobChunkSize+5, 7)
	tests := []struct {
		name    string
		replace []byte
	}{
		{"same size, other bytes", randomBytes(len(orig), 8)},
		{"last byte changed", append(bytes.Clone(orig[:len(orig)-1]), orig[len(orig)-1]+1)},
		{"grown", append(bytes.Clone(orig), 'x')},
		{"shrunk in the last chunk", orig[:len(orig)-1]},
		{"shrunk by chunks", orig[:blobChunkSize/2]},
		{"emptied", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openMem(t)
			path := writeFile(t, "policy.docx", orig)
			testHookSecondPass = func(p string) {
				// Rewrite in place: PutBlobFile holds the file open.
				f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := f.Write(tt.replace); err != nil {
					t.Fatal(err)
				}
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
			}
			defer func() { testHookSecondPass = nil }()
			_, _, err := db.PutBlobFile(path, noLimit)
			wantCode(t, err, isms.CodeConflict)
			if keys := blobKeys(t, db); len(keys) != 0 {
				t.Errorf("left keys %v", keys)
			}
			testHookSecondPass = nil
			// Once the file holds still, it is stored.
			sha := putBlob(t, db, tt.replace)
			if got := readBlob(t, db, sha); !bytes.Equal(got, tt.replace) {
				t.Error("wrong contents after a retry")
			}
		})
	}
}

func TestWriteBlobDetectsDamage(t *testing.T) {
	b := randomBytes(5<<19, 3)
	sha := shaOf(b)
	tests := []struct {
		name   string
		damage func(txn *badger.Txn) error
	}{
		{"altered byte", func(txn *badger.Txn) error {
			c := bytes.Clone(b[blobChunkSize : 2*blobChunkSize])
			c[12345] ^= 1
			return txn.Set(blobChunkKey(sha, 1), c)
		}},
		{"missing chunk", func(txn *badger.Txn) error { return txn.Delete(blobChunkKey(sha, 2)) }},
		{"short chunk", func(txn *badger.Txn) error { return txn.Set(blobChunkKey(sha, 0), b[:blobChunkSize-1]) }},
		{"swapped chunks", func(txn *badger.Txn) error {
			return txn.Set(blobChunkKey(sha, 0), b[blobChunkSize:2*blobChunkSize])
		}},
		{"header size", func(txn *badger.Txn) error {
			return txn.Set(blobKey(sha), blobHeader{size: int64(len(b)) - 1, chunks: 3}.encode())
		}},
		{"malformed header", func(txn *badger.Txn) error { return txn.Set(blobKey(sha), []byte("3")) }},
	}
	// the second half of a damage, in a transaction of its own: two chunks are more than
	// one transaction holds
	moreDamage := map[string]func(txn *badger.Txn) error{
		"swapped chunks": func(txn *badger.Txn) error { return txn.Set(blobChunkKey(sha, 1), b[:blobChunkSize]) },
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openMem(t)
			putBlob(t, db, b)
			if err := db.bdb.Update(tt.damage); err != nil {
				t.Fatal(err)
			}
			if more := moreDamage[tt.name]; more != nil {
				if err := db.bdb.Update(more); err != nil {
					t.Fatal(err)
				}
			}
			err := db.WriteBlob(sha, &bytes.Buffer{})
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("WriteBlob = %v, want ErrDamaged", err)
			}
			if code := isms.ErrorCode(err); code != isms.CodeInternal {
				t.Errorf("code = %q, want internal", code)
			}
			// A damaged blob can still be deleted and stored again.
			if err := db.DeleteBlob(sha); err != nil {
				t.Fatalf("DeleteBlob: %v", err)
			}
			putBlob(t, db, b)
			if got := readBlob(t, db, sha); !bytes.Equal(got, b) {
				t.Error("wrong contents after storing again")
			}
		})
	}
}

func TestDeleteBlob(t *testing.T) {
	db := openMem(t)
	keep := putBlob(t, db, randomBytes(blobChunkSize+1, 20))
	gone := putBlob(t, db, randomBytes(3*blobChunkSize, 21))
	if err := db.DeleteBlob(gone); err != nil {
		t.Fatalf("DeleteBlob: %v", err)
	}
	if ok, err := db.HasBlob(gone); err != nil || ok {
		t.Errorf("HasBlob after delete = %v, %v", ok, err)
	}
	wantCode(t, db.WriteBlob(gone, &bytes.Buffer{}), isms.CodeNotFound)
	wantCode(t, db.DeleteBlob(gone), isms.CodeNotFound)
	for _, k := range blobKeys(t, db) {
		if !strings.HasPrefix(k, prefixBlob+keep) {
			t.Errorf("key %q left", k)
		}
	}
	if len(readBlob(t, db, keep)) != blobChunkSize+1 {
		t.Error("the other blob changed")
	}

	// Chunks left without a header (an interrupted delete) are removed by DeleteBlob.
	orphan := putBlob(t, db, randomBytes(2*blobChunkSize, 22))
	if err := db.bdb.Update(func(txn *badger.Txn) error { return txn.Delete(blobKey(orphan)) }); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteBlob(orphan); err != nil {
		t.Fatalf("DeleteBlob of orphan chunks: %v", err)
	}
	for _, k := range blobKeys(t, db) {
		if strings.HasPrefix(k, prefixBlob+orphan) {
			t.Errorf("key %q left", k)
		}
	}
}

func TestBackupCarriesBlobs(t *testing.T) {
	db := openDir(t, filepath.Join(t.TempDir(), "data"))
	b := randomBytes(5<<19, 42) // 2.5 MiB
	sha := putBlob(t, db, b)
	small := putBlob(t, db, []byte("minutes of the management review"))
	create(t, db, newReq("REQ-1"))
	var buf bytes.Buffer
	if err := db.Backup(&buf); err != nil {
		t.Fatalf("Backup: %v", err)
	}

	dir := filepath.Join(t.TempDir(), "restored")
	if err := Restore(dir, bytes.NewReader(buf.Bytes()), false, Options{}); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	got := openDir(t, dir)
	if data := readBlob(t, got, sha); !bytes.Equal(data, b) {
		t.Errorf("restored blob has %d bytes (sha %s), want %d", len(data), shaOf(data), len(b))
	}
	if data := readBlob(t, got, small); string(data) != "minutes of the management review" {
		t.Errorf("restored small blob = %q", data)
	}
	if n, err := got.VerifyHistory(); err != nil || n != 1 {
		t.Errorf("VerifyHistory = %d, %v", n, err)
	}
	if gotKeys, wantKeys := blobKeys(t, got), blobKeys(t, db); !equalStrings(gotKeys, wantKeys) {
		t.Errorf("restored keys %v, want %v", gotKeys, wantKeys)
	}
}

// Blobs are not records, history or journal: the code that walks those ignores them, and a
// failed Batch leaves them alone.
func TestBlobsBesideRecords(t *testing.T) {
	db := openDir(t, filepath.Join(t.TempDir(), "data"))
	seedOne(t, db)
	sha := putBlob(t, db, randomBytes(blobChunkSize+3, 5))
	before := dump(t, db)
	if err := bigBatch(db, 50, 20, 0); err == nil {
		t.Fatal("the batch did not fail")
	}
	sameDump(t, before, dump(t, db))
	if n, err := db.VerifyHistory(); err != nil || n != 1 {
		t.Errorf("VerifyHistory = %d, %v", n, err)
	}
	err := db.View(func(tx *Tx) error {
		for _, k := range isms.Kinds() {
			if _, err := tx.List(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Errorf("List: %v", err)
	}
	if got := readBlob(t, db, sha); len(got) != blobChunkSize+3 {
		t.Errorf("blob has %d bytes", len(got))
	}
}

func TestBlobReadOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	db, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := []byte("signed statement of applicability")
	sha := putBlob(t, db, b)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got := readBlob(t, ro, sha); !bytes.Equal(got, b) {
		t.Errorf("WriteBlob read-only = %q", got)
	}
	_, _, err = ro.PutBlobFile(writeFile(t, "x.pdf", []byte("x")), noLimit)
	wantCode(t, err, isms.CodeLocked)
	wantCode(t, ro.DeleteBlob(sha), isms.CodeLocked)
}
