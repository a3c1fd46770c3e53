package store

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/buildinfo"
	"github.com/ismsdesk/ismsdesk/backend/isms"
)

/*
Backup file format, version 2. Integers are big-endian.

	magic        16 bytes  "ISMSDESK BACKUP\n"
	format        4 bytes  2
	header length 4 bytes, header JSON (backupHeader), SHA-256 of the header JSON (32 bytes)
	chunks, each: 'C', index (4 bytes, from 0), length (4 bytes), the bytes,
	              SHA-256 of index, length and bytes (32 bytes)
	trailer:      'T', length (4 bytes), trailer JSON (backupTrailer),
	              SHA-256 of every byte of the file before it (32 bytes)
	end marker   16 bytes  "ISMSDESK END OK\n", and nothing after it

The chunks, concatenated, are Badger's backup stream of every key. The backup of an
encrypted folder is encrypted: its header holds the folder's key file (KDF parameters,
salt, verifier and sealed keys, see crypt.go), so that it can be restored with the
passphrase on another machine, and each chunk's bytes are nonce || AES-256-GCM of the
stream's bytes under the folder's Badger key, with the chunk index as associated data.
The checksums cover the encrypted bytes, so a backup verifies without the passphrase. Format 1 (before
checksums) is that stream alone; it starts with an 8-byte little-endian length whose high
four bytes are zero, which no format-2 file does.
*/
const (
	backupMagic       = "ISMSDESK BACKUP\n"
	backupEndMarker   = "ISMSDESK END OK\n"
	backupFormat      = 2
	maxBackupHeader   = 64 << 10
	maxBackupTrailer  = 16 << 20
	maxBackupChunk    = 64 << 20
	defaultChunkBytes = 1 << 20
)

// backupChunkBytes is the payload size of one chunk; tests make it small.
var backupChunkBytes = defaultChunkBytes

// backupHeader opens a backup file.
type backupHeader struct {
	Format    int       `json:"format"`
	Schema    int       `json:"schema"`
	CreatedAt time.Time `json:"createdAt"`
	App       string    `json:"app"`
	// Encryption is the key file of an encrypted backup; nil for a plain one.
	Encryption *keyFile `json:"encryption,omitempty"`
}

// backupTrailer closes a backup file: what it holds, so that a restore can check it.
type backupTrailer struct {
	Chunks      int            `json:"chunks"`
	Bytes       int64          `json:"bytes"`
	Records     map[string]int `json:"records"` // per kind
	Files       int            `json:"files"`   // stored evidence files (blobs)
	HistorySeq  uint64         `json:"historySeq"`
	HistoryHead string         `json:"historyHead"`
}

// BackupInfo describes a backup file: what its header and trailer say, and whether its
// checksums were checked (format 2) or cannot be (format 1).
type BackupInfo struct {
	Format    int       // 1 (no checksums) or 2
	Verified  bool      // every checksum, the end marker and the summary were checked
	CreatedAt time.Time // zero for format 1
	App       string    // the application and version that wrote it; "" for format 1
	Schema    int       // data schema; 0 for format 1 until restored
	Size      int64     // bytes of the file
	Chunks    int
	Records   map[string]int // per kind; nil for format 1
	Files     int
	// HistoryEntries and HistoryHead name the end of the history chain.
	HistoryEntries uint64
	HistoryHead    string
	// Encrypted is set for the backup of a folder with a passphrase: restoring it needs
	// the passphrase the folder had when the backup was made.
	Encrypted bool

	enc *keyFile // the key file in the header of an encrypted backup
}

// Backup writes a full backup of the folder to w in the verifiable format 2.
func (db *DB) Backup(w io.Writer) error {
	_, err := db.WriteBackup(w)
	return err
}

// WriteBackup writes a full backup of the folder to w: a header, Badger's backup stream of
// every key in checksummed chunks, and a trailer with the record counts per kind and the
// history chain's head. Writes wait while it runs, so that it sees one state with no import
// half done; reads go on.
func (db *DB) WriteBackup(w io.Writer) (BackupInfo, error) {
	return db.writeBackup(w, db.opt.keys)
}

// writeBackup writes a backup encrypted with keys (plain when nil).
func (db *DB) writeBackup(w io.Writer, keys *keyring) (BackupInfo, error) {
	if !db.enter() {
		return BackupInfo{}, closedError()
	}
	defer db.leave()
	db.writeMu.Lock()
	defer db.writeMu.Unlock()

	tr := backupTrailer{}
	err := db.bdb.View(func(txn *badger.Txn) error {
		var err error
		if tr.Records, tr.Files, err = countKeys(txn); err != nil {
			return err
		}
		tr.HistorySeq, tr.HistoryHead, err = (&Tx{db: db, txn: txn}).chainHead()
		return err
	})
	if err != nil {
		return BackupInfo{}, fmt.Errorf("store: unable to count the records to back up: %w", err)
	}
	hdr := backupHeader{Format: backupFormat, Schema: db.schema, CreatedAt: db.opt.Clock().UTC(),
		App: buildinfo.Name + " " + buildinfo.Version}
	if keys != nil {
		hdr.Encryption = &keys.file
	}

	file := sha256.New()
	cw := &countWriter{w: io.MultiWriter(w, file)}
	hb, err := json.Marshal(hdr)
	if err != nil {
		return BackupInfo{}, err
	}
	var pre bytes.Buffer
	pre.WriteString(backupMagic)
	pre.Write(be32(backupFormat))
	pre.Write(be32(uint32(len(hb))))
	pre.Write(hb)
	hsum := sha256.Sum256(hb)
	pre.Write(hsum[:])
	if _, err := cw.Write(pre.Bytes()); err != nil {
		return BackupInfo{}, backupWriteError(err)
	}
	ch := &chunkWriter{w: cw, size: backupChunkBytes, crypt: newChunkCipher(keys)}
	if _, err := db.bdb.Backup(ch, 0); err != nil {
		return BackupInfo{}, backupWriteError(err)
	}
	if err := ch.flush(); err != nil {
		return BackupInfo{}, backupWriteError(err)
	}
	tr.Chunks, tr.Bytes = ch.n, ch.bytes
	tb, err := json.Marshal(tr)
	if err != nil {
		return BackupInfo{}, err
	}
	var post bytes.Buffer
	post.WriteByte('T')
	post.Write(be32(uint32(len(tb))))
	post.Write(tb)
	if _, err := cw.Write(post.Bytes()); err != nil {
		return BackupInfo{}, backupWriteError(err)
	}
	if _, err := w.Write(append(file.Sum(nil), backupEndMarker...)); err != nil {
		return BackupInfo{}, backupWriteError(err)
	}
	return info(hdr, tr, cw.n+sha256.Size+int64(len(backupEndMarker))), nil
}

func backupWriteError(err error) error {
	return fmt.Errorf("store: unable to write the backup: %w", err)
}

func info(h backupHeader, t backupTrailer, size int64) BackupInfo {
	return BackupInfo{Format: h.Format, Verified: true, CreatedAt: h.CreatedAt, App: h.App,
		Schema: h.Schema, Size: size, Chunks: t.Chunks, Records: t.Records, Files: t.Files,
		HistoryEntries: t.HistorySeq, HistoryHead: t.HistoryHead,
		Encrypted: h.Encryption != nil, enc: h.Encryption}
}

// countKeys counts the records of each kind (by their r/<kind>/ keys, so that kinds this
// build does not know are counted too) and the stored files.
func countKeys(txn *badger.Txn) (map[string]int, int, error) {
	recs := map[string]int{}
	files := 0
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Seek([]byte(prefixRecord)); it.ValidForPrefix([]byte(prefixRecord)); it.Next() {
		rest := it.Item().Key()[len(prefixRecord):]
		i := bytes.IndexByte(rest, '/')
		if i < 0 {
			return nil, 0, fmt.Errorf("malformed record key %q", it.Item().Key())
		}
		recs[unseg(string(rest[:i]))]++
	}
	for it.Seek([]byte(prefixBlob)); it.ValidForPrefix([]byte(prefixBlob)); it.Next() {
		if !bytes.ContainsRune(it.Item().Key()[len(prefixBlob):], '/') {
			files++
		}
	}
	return recs, files, nil
}

func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// chunkWriter cuts what is written into checksummed chunks.
type chunkWriter struct {
	w     io.Writer
	size  int
	buf   []byte
	n     int
	bytes int64
	crypt *chunkCipher // encrypts each chunk when set
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	total := len(p)
	for len(p) > 0 {
		k := min(c.size-len(c.buf), len(p))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == c.size {
			if err := c.flush(); err != nil {
				return 0, err
			}
		}
	}
	return total, nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	data := c.buf
	if c.crypt != nil {
		data = c.crypt.seal(uint32(c.n), c.buf)
	}
	head := make([]byte, 9)
	head[0] = 'C'
	binary.BigEndian.PutUint32(head[1:5], uint32(c.n))
	binary.BigEndian.PutUint32(head[5:9], uint32(len(data)))
	h := sha256.New()
	h.Write(head[1:])
	h.Write(data)
	for _, b := range [][]byte{head, data, h.Sum(nil)} {
		if _, err := c.w.Write(b); err != nil {
			return err
		}
	}
	c.n++
	c.bytes += int64(len(data)) // as stored: encrypted when encrypted
	c.buf = c.buf[:0]
	return nil
}

// damaged is the error for a backup file that fails a check.
func damaged(format string, args ...any) error {
	return isms.Errorf(isms.CodeInvalid, "the backup is damaged: "+format, args...)
}

// InspectBackup reads a whole backup and checks it: for format 2 every chunk's checksum,
// the header's and the whole file's, the end marker and the trailer's summary. A damaged or
// truncated file gives a CodeInvalid error saying where. A format-1 file, which carries no
// checksums, is reported with Verified false and no error.
func InspectBackup(r io.Reader) (BackupInfo, error) {
	return inspect(r, nil, nil, nil)
}

// InspectBackupFile is InspectBackup of the file at path.
func InspectBackupFile(path string) (BackupInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("unable to open the backup %s: %w", path, err)
	}
	defer f.Close()
	return InspectBackup(f)
}

// inspect reads r as a backup; the payload of a format-2 file goes to payload when it is
// not nil (decrypted with keys, which an encrypted backup then needs), and progress, when
// not nil, hears the bytes read so far.
func inspect(r io.Reader, payload io.Writer, progress func(int64), keys *keyring) (BackupInfo, error) {
	cr := &countReader{r: r, progress: progress}
	br := bufio.NewReaderSize(cr, 64<<10)
	head, err := br.Peek(len(backupMagic))
	if len(head) == 0 {
		return BackupInfo{}, isms.Errorf(isms.CodeInvalid, "the file is empty: it is not an ISMS Desk backup")
	}
	if len(head) >= 8 && bytes.Equal(head[4:8], []byte{0, 0, 0, 0}) && !bytes.HasPrefix([]byte(backupMagic), head) {
		if _, err := io.Copy(io.Discard, br); err != nil {
			return BackupInfo{}, fmt.Errorf("unable to read the backup: %w", err)
		}
		return BackupInfo{Format: 1, Size: cr.n}, nil
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return BackupInfo{}, fmt.Errorf("unable to read the backup: %w", err)
	}
	p := &backupParser{r: br, file: sha256.New(), payload: payload, keys: keys}
	h, t, err := p.parse()
	if err != nil {
		return BackupInfo{}, err
	}
	return info(h, t, p.off), nil
}

// countReader counts the bytes read through it and reports them.
type countReader struct {
	r        io.Reader
	n        int64
	progress func(int64)
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.progress != nil && n > 0 {
		c.progress(c.n)
	}
	return n, err
}

// backupParser reads a format-2 backup, checking as it goes.
type backupParser struct {
	r       *bufio.Reader
	off     int64     // bytes read
	file    hash.Hash // of every byte before the file checksum
	payload io.Writer
	keys    *keyring // decrypts the payload of an encrypted backup
	where   string   // the part being read, for messages
}

// read reads exactly n bytes, adding them to the file hash.
func (p *backupParser) read(n int) ([]byte, error) {
	b := make([]byte, n)
	got, err := io.ReadFull(p.r, b)
	p.off += int64(got)
	p.file.Write(b[:got])
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return nil, damaged("it is truncated: the file ends at byte %d, %s; it was not written or copied completely", p.off, p.where)
	}
	if err != nil {
		return nil, fmt.Errorf("unable to read the backup: %w", err)
	}
	return b, nil
}

func (p *backupParser) u32() (uint32, error) {
	b, err := p.read(4)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint32(b), nil
}

func (p *backupParser) parse() (backupHeader, backupTrailer, error) {
	var h backupHeader
	var t backupTrailer
	p.where = "in its header"
	magic, err := p.read(len(backupMagic))
	if err != nil {
		return h, t, err
	}
	if string(magic) != backupMagic {
		return h, t, isms.Errorf(isms.CodeInvalid, "the file is not an ISMS Desk backup, or its header is damaged (it does not start with the ISMS Desk backup mark)")
	}
	format, err := p.u32()
	if err != nil {
		return h, t, err
	}
	if format > backupFormat && format < 1000 {
		return h, t, isms.Errorf(isms.CodeInvalid,
			"the backup was written by a newer version of ISMS Desk (backup format %d; this version reads up to %d); update ISMS Desk to restore it", format, backupFormat)
	}
	if format != backupFormat {
		return h, t, damaged("its header names backup format %d, which does not exist", format)
	}
	n, err := p.u32()
	if err != nil {
		return h, t, err
	}
	if n == 0 || n > maxBackupHeader {
		return h, t, damaged("its header claims a length of %d bytes", n)
	}
	hb, err := p.read(int(n))
	if err != nil {
		return h, t, err
	}
	sum, err := p.read(sha256.Size)
	if err != nil {
		return h, t, err
	}
	if want := sha256.Sum256(hb); !bytes.Equal(sum, want[:]) {
		return h, t, damaged("its header does not match its checksum")
	}
	if err := json.Unmarshal(hb, &h); err != nil || h.Format != backupFormat {
		return h, t, damaged("its header cannot be read")
	}
	var crypt *chunkCipher
	if h.Encryption != nil && p.payload != nil {
		if !p.keys.same(h.Encryption) {
			return h, t, passphraseNeeded("the backup")
		}
		crypt = newChunkCipher(p.keys)
	}

	chunks, total := 0, int64(0)
	for {
		p.where = fmt.Sprintf("after chunk %d, before the closing summary", chunks)
		if chunks == 0 {
			p.where = "after the header, before the first chunk"
		}
		tag, err := p.read(1)
		if err != nil {
			return h, t, err
		}
		if tag[0] == 'T' {
			break
		}
		if tag[0] != 'C' {
			return h, t, damaged("byte %d, after chunk %d, is neither the start of a chunk nor of the closing summary", p.off, chunks)
		}
		start := p.off - 1
		p.where = fmt.Sprintf("inside chunk %d (which starts at byte %d)", chunks+1, start)
		idx, err := p.u32()
		if err != nil {
			return h, t, err
		}
		size, err := p.u32()
		if err != nil {
			return h, t, err
		}
		if int(idx) != chunks {
			return h, t, damaged("chunk %d (at byte %d) says it is chunk %d: chunks are missing, repeated or out of order", chunks+1, start, idx+1)
		}
		if size == 0 || size > maxBackupChunk {
			return h, t, damaged("chunk %d (at byte %d) claims a length of %d bytes", chunks+1, start, size)
		}
		data, err := p.read(int(size))
		if err != nil {
			return h, t, err
		}
		sum, err := p.read(sha256.Size)
		if err != nil {
			return h, t, err
		}
		c := sha256.New()
		c.Write(be32(idx))
		c.Write(be32(size))
		c.Write(data)
		if !bytes.Equal(sum, c.Sum(nil)) {
			return h, t, damaged("chunk %d (bytes %d to %d) does not match its checksum", chunks+1, start, p.off-1)
		}
		if crypt != nil {
			if data, err = crypt.open(idx, data); err != nil {
				return h, t, damaged("chunk %d (at byte %d) matches its checksum but cannot be decrypted with the passphrase's key", chunks+1, start)
			}
		}
		if p.payload != nil {
			if _, err := p.payload.Write(data); err != nil {
				return h, t, err
			}
		}
		chunks++
		total += int64(size)
	}

	p.where = "inside the closing summary"
	n, err = p.u32()
	if err != nil {
		return h, t, err
	}
	if n == 0 || n > maxBackupTrailer {
		return h, t, damaged("its closing summary claims a length of %d bytes", n)
	}
	tb, err := p.read(int(n))
	if err != nil {
		return h, t, err
	}
	want := p.file.Sum(nil)
	p.where = "inside the file checksum at its end"
	sum, err = p.read(sha256.Size)
	if err != nil {
		return h, t, err
	}
	if !bytes.Equal(sum, want) {
		return h, t, damaged("the checksum of the whole file does not match")
	}
	p.where = "inside its end marker"
	end, err := p.read(len(backupEndMarker))
	if err != nil {
		return h, t, err
	}
	if string(end) != backupEndMarker {
		return h, t, damaged("its end marker is missing")
	}
	if extra, _ := p.r.Peek(1); len(extra) > 0 {
		return h, t, damaged("there are bytes after its end marker (at byte %d)", p.off)
	}
	if err := json.Unmarshal(tb, &t); err != nil {
		return h, t, damaged("its closing summary cannot be read")
	}
	if t.Chunks != chunks || t.Bytes != total {
		return h, t, damaged("its summary lists %d chunks of %d bytes, but the file holds %d chunks of %d bytes", t.Chunks, t.Bytes, chunks, total)
	}
	if t.Records == nil {
		t.Records = map[string]int{}
	}
	return h, t, nil
}
