package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Blobs are file contents (evidence attachments) kept inside the folder, so that a backup
// carries them. They are addressed by the hex SHA-256 of their contents, so a file stored
// twice is kept once, and stored in chunks (see the key schema), since one Badger
// transaction holds only about 600 KB. The header is written after every chunk: a blob is
// present exactly when its header is.

// blobChunkSize is the most bytes one chunk holds. It is below Badger's value threshold
// (valueThreshold), so chunks live in the LSM tree rather than the value log: the space of a deleted
// blob is then reclaimed by compaction (the store never runs value-log GC), and in-memory
// Badger, which mishandles values at or above the threshold, works too.
const blobChunkSize = 512 << 10

// testHookSecondPass, when set by a test, runs before PutBlobFile reads the file again.
var testHookSecondPass func(path string)

// ErrDamaged is wrapped by the error WriteBlob returns when the stored contents do not match
// their SHA-256 (a missing, short or altered chunk).
var ErrDamaged = errors.New("the stored file is damaged")

// blobHeader is the value of f/<sha>: the blob's total size and number of chunks.
type blobHeader struct {
	size   int64
	chunks uint64
}

func (h blobHeader) encode() []byte {
	b := make([]byte, 16)
	binary.BigEndian.PutUint64(b, uint64(h.size))
	binary.BigEndian.PutUint64(b[8:], h.chunks)
	return b
}

func decodeBlobHeader(sha string, b []byte) (blobHeader, error) {
	if len(b) != 16 {
		return blobHeader{}, fmt.Errorf("store: the stored file %s has a malformed header (%d bytes): %w", sha, len(b), ErrDamaged)
	}
	h := blobHeader{size: int64(binary.BigEndian.Uint64(b)), chunks: binary.BigEndian.Uint64(b[8:])}
	if h.size < 0 || h.chunks != chunksFor(h.size) {
		return blobHeader{}, fmt.Errorf("store: the stored file %s has a malformed header (size %d, %d chunks): %w",
			sha, h.size, h.chunks, ErrDamaged)
	}
	return h, nil
}

// chunksFor returns the number of chunks a blob of size bytes takes.
func chunksFor(size int64) uint64 {
	return uint64((size + blobChunkSize - 1) / blobChunkSize)
}

func blobKey(sha string) []byte { return []byte(prefixBlob + sha) }

func blobChunkPrefix(sha string) []byte { return []byte(prefixBlob + sha + "/") }

func blobChunkKey(sha string, i uint64) []byte { return append(blobChunkPrefix(sha), seqBytes(i)...) }

func checkSHA(sha string) error {
	if !isms.IsSHA256(sha) {
		return isms.Errorf(isms.CodeInvalid, "%q is not a SHA-256 digest (64 lower-case hexadecimal digits)", sha)
	}
	return nil
}

func blobMissing(sha string) error {
	return isms.Errorf(isms.CodeNotFound, "the stored file %s does not exist", sha)
}

// humanSize writes n bytes for people, e.g. "2.5 MB".
func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// PutBlobFile stores the contents of the file at path and returns their SHA-256 (64
// lower-case hex digits) and size. It reads the file twice: first to hash it (contents
// already stored are not stored again), then to store it chunk by chunk in bounded
// transactions, hashing again; the header goes last, and the folder is synced. A file
// bigger than maxSize bytes (which must be positive) gives an *isms.Error with code
// CodeInvalid naming the file and the limit; a file that changed between the two reads
// gives CodeConflict and stores nothing. Other writes wait while a file is stored.
func (db *DB) PutBlobFile(path string, maxSize int64) (sha string, size int64, err error) {
	if db.opt.ReadOnly {
		return "", 0, isms.Errorf(isms.CodeLocked, "the data folder %s is open read-only", db.dir)
	}
	if maxSize <= 0 {
		return "", 0, isms.Errorf(isms.CodeInvalid, "no size limit for the file %s", filepath.Base(path))
	}
	name := filepath.Base(path)
	f, err := openBlobFile(path, name, maxSize)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()

	// First pass: the hash, without holding the write lock.
	h := sha256.New()
	size, err = io.Copy(h, io.LimitReader(f, maxSize+1))
	if err != nil {
		return "", 0, fmt.Errorf("store: unable to read the file %s: %w", path, err)
	}
	if size > maxSize {
		return "", 0, tooBig(name, maxSize)
	}
	sha = hex.EncodeToString(h.Sum(nil))

	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if err := db.usable(); err != nil {
		return "", 0, err
	}
	ok, err := db.HasBlob(sha)
	if err != nil {
		return "", 0, err
	}
	if ok {
		return sha, size, nil
	}
	if testHookSecondPass != nil {
		testHookSecondPass(path)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", 0, fmt.Errorf("store: unable to read the file %s: %w", path, err)
	}
	// Chunks left by an interrupted PutBlobFile or DeleteBlob are replaced.
	if _, err := db.deleteChunks(sha); err != nil {
		return "", 0, err
	}
	if err := db.writeChunks(f, sha, size, path); err != nil {
		if _, derr := db.deleteChunks(sha); derr != nil {
			db.opt.Logger.Warn("unable to remove the chunks of a file that was not stored", "sha256", sha, "err", derr)
		}
		return "", 0, err
	}
	err = db.bdb.Update(func(txn *badger.Txn) error {
		return txn.Set(blobKey(sha), blobHeader{size: size, chunks: chunksFor(size)}.encode())
	})
	if err != nil {
		return "", 0, fmt.Errorf("store: unable to store the file %s: %w", path, err)
	}
	if err := db.sync(); err != nil {
		return "", 0, err
	}
	return sha, size, nil
}

// openBlobFile opens a regular file and refuses one that is bigger than maxSize already.
func openBlobFile(path, name string, maxSize int64) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, isms.Errorf(isms.CodeNotFound, "the file %s does not exist", path)
		}
		return nil, fmt.Errorf("store: unable to open the file %s: %w", path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("store: unable to read the file %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		_ = f.Close()
		return nil, isms.Errorf(isms.CodeInvalid, "%s is not a file", path)
	}
	if fi.Size() > maxSize {
		_ = f.Close()
		return nil, tooBig(name, maxSize)
	}
	return f, nil
}

func tooBig(name string, maxSize int64) error {
	return isms.Errorf(isms.CodeInvalid, "the file %s is bigger than the limit of %s (%d bytes)", name, humanSize(maxSize), maxSize)
}

// writeChunks writes size bytes of r under sha's chunk keys, a few chunks per transaction,
// and checks that they are the whole of r and hash to sha.
func (db *DB) writeChunks(r io.Reader, sha string, size int64, path string) error {
	h := sha256.New()
	lr := &io.LimitedReader{R: r, N: size}
	// Half of Badger's limit, as Batch does; at least one chunk.
	perTxn := max(1, int(db.bdb.MaxBatchSize()/2/blobChunkSize))
	buf := make([]byte, blobChunkSize)
	n := chunksFor(size)
	for i := uint64(0); i < n; {
		txn := db.bdb.NewTransaction(true)
		for j := 0; j < perTxn && i < n; j, i = j+1, i+1 {
			m, err := io.ReadFull(lr, buf)
			if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
				txn.Discard()
				if errors.Is(err, io.EOF) {
					return changed(path)
				}
				return fmt.Errorf("store: unable to read the file %s: %w", path, err)
			}
			if m < blobChunkSize && i != n-1 {
				txn.Discard()
				return changed(path)
			}
			h.Write(buf[:m])
			// Badger keeps the slice until the commit: give it its own copy.
			if err := txn.Set(blobChunkKey(sha, i), bytes.Clone(buf[:m])); err != nil {
				txn.Discard()
				return fmt.Errorf("store: unable to store the file %s: %w", path, err)
			}
		}
		if err := txn.Commit(); err != nil {
			return fmt.Errorf("store: unable to store the file %s: %w", path, err)
		}
	}
	if lr.N != 0 || !atEOF(r) || hex.EncodeToString(h.Sum(nil)) != sha {
		return changed(path)
	}
	return nil
}

// atEOF reports whether r has nothing more to read.
func atEOF(r io.Reader) bool {
	var b [1]byte
	n, err := r.Read(b[:])
	for n == 0 && err == nil {
		n, err = r.Read(b[:])
	}
	return n == 0 && errors.Is(err, io.EOF)
}

func changed(path string) error {
	return isms.Errorf(isms.CodeConflict, "the file %s changed while it was being stored; try again", path)
}

// header returns the header of the blob sha, ok false when it is absent.
func (db *DB) header(txn *badger.Txn, sha string) (h blobHeader, ok bool, err error) {
	item, err := txn.Get(blobKey(sha))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return blobHeader{}, false, nil
	}
	if err != nil {
		return blobHeader{}, false, fmt.Errorf("store: unable to read the stored file %s: %w", sha, err)
	}
	b, err := item.ValueCopy(nil)
	if err != nil {
		return blobHeader{}, false, fmt.Errorf("store: unable to read the stored file %s: %w", sha, err)
	}
	h, err = decodeBlobHeader(sha, b)
	return h, err == nil, err
}

// HasBlob reports whether the contents with this SHA-256 are stored (completely).
func (db *DB) HasBlob(sha string) (bool, error) {
	if err := checkSHA(sha); err != nil {
		return false, err
	}
	var ok bool
	err := db.bdb.View(func(txn *badger.Txn) error {
		_, err := txn.Get(blobKey(sha))
		switch {
		case err == nil:
			ok = true
		case errors.Is(err, badger.ErrKeyNotFound):
		default:
			return fmt.Errorf("store: unable to read the stored file %s: %w", sha, err)
		}
		return nil
	})
	return ok, err
}

// BlobSize returns the size of the stored contents with this SHA-256; CodeNotFound when
// they are not stored.
func (db *DB) BlobSize(sha string) (int64, error) {
	if err := checkSHA(sha); err != nil {
		return 0, err
	}
	var size int64
	err := db.bdb.View(func(txn *badger.Txn) error {
		h, ok, err := db.header(txn, sha)
		if err != nil {
			return err
		}
		if !ok {
			return blobMissing(sha)
		}
		size = h.size
		return nil
	})
	return size, err
}

// WriteBlob writes the stored contents with this SHA-256 to w, from one consistent
// snapshot, and checks them against their SHA-256 at the end: damaged contents give an
// error wrapping ErrDamaged, after part or all of them were written, so w should be a
// temporary file that is kept only on success. Contents that are not stored give
// CodeNotFound.
func (db *DB) WriteBlob(sha string, w io.Writer) error {
	if err := checkSHA(sha); err != nil {
		return err
	}
	return db.bdb.View(func(txn *badger.Txn) error {
		hd, ok, err := db.header(txn, sha)
		if err != nil {
			return err
		}
		if !ok {
			return blobMissing(sha)
		}
		h := sha256.New()
		var total int64
		for i := uint64(0); i < hd.chunks; i++ {
			n, err := writeChunk(txn, sha, i, io.MultiWriter(h, w))
			if err != nil {
				return err
			}
			total += n
		}
		if total != hd.size {
			return fmt.Errorf("store: the stored file %s has %d bytes, not %d: %w", sha, total, hd.size, ErrDamaged)
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != sha {
			return fmt.Errorf("store: the stored file %s does not match its SHA-256 (%s): %w", sha, got, ErrDamaged)
		}
		return nil
	})
}

// writeChunk writes chunk i of sha to w.
func writeChunk(txn *badger.Txn, sha string, i uint64, w io.Writer) (int64, error) {
	item, err := txn.Get(blobChunkKey(sha, i))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, fmt.Errorf("store: the stored file %s lacks chunk %d: %w", sha, i, ErrDamaged)
	}
	if err != nil {
		return 0, fmt.Errorf("store: unable to read the stored file %s: %w", sha, err)
	}
	var n int
	err = item.Value(func(v []byte) error {
		var err error
		n, err = w.Write(v)
		return err
	})
	if err != nil {
		return int64(n), fmt.Errorf("store: unable to write the stored file %s: %w", sha, err)
	}
	return int64(n), nil
}

// DeleteBlob removes the stored contents with this SHA-256: the header first, so that they
// are absent at once, then the chunks, a bounded number per transaction. Contents that are
// not stored give CodeNotFound. The store does not know which records use a blob: callers
// delete one only when no evidence refers to it any more.
func (db *DB) DeleteBlob(sha string) error {
	if err := checkSHA(sha); err != nil {
		return err
	}
	if db.opt.ReadOnly {
		return isms.Errorf(isms.CodeLocked, "the data folder %s is open read-only", db.dir)
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if err := db.usable(); err != nil {
		return err
	}
	had := false
	err := db.bdb.Update(func(txn *badger.Txn) error {
		_, err := txn.Get(blobKey(sha))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		had = true
		return txn.Delete(blobKey(sha))
	})
	if err != nil {
		return fmt.Errorf("store: unable to delete the stored file %s: %w", sha, err)
	}
	n, err := db.deleteChunks(sha)
	if err != nil {
		return err
	}
	if !had && n == 0 {
		return blobMissing(sha)
	}
	return db.sync()
}

// blobDeleteChunk is how many chunk keys one transaction deletes at most.
const blobDeleteChunk = 1000

// deleteChunks deletes every chunk key of sha, returning how many there were.
func (db *DB) deleteChunks(sha string) (int, error) {
	prefix := blobChunkPrefix(sha)
	total := 0
	for {
		n := 0
		err := db.bdb.Update(func(txn *badger.Txn) error {
			opts := badger.DefaultIteratorOptions
			opts.Prefix, opts.PrefetchValues = prefix, false
			it := txn.NewIterator(opts)
			var keys [][]byte
			for it.Rewind(); it.ValidForPrefix(prefix) && len(keys) < blobDeleteChunk; it.Next() {
				keys = append(keys, it.Item().KeyCopy(nil))
			}
			it.Close()
			for _, k := range keys {
				if err := txn.Delete(k); err != nil {
					return err
				}
			}
			n = len(keys)
			return nil
		})
		if err != nil {
			return total, fmt.Errorf("store: unable to delete the chunks of the stored file %s: %w", sha, err)
		}
		total += n
		if n < blobDeleteChunk {
			return total, nil
		}
	}
}
