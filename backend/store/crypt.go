package store

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
)

/*
Encryption at rest.

A folder with a passphrase holds a small plaintext key file, ISMSDESK-KEY.json (keyFile):
the Argon2id parameters and random salt, a verifier, and the sealed secrets. From the
passphrase, Argon2id derives a 32-byte master key; HKDF-SHA256 derives from it, under two
labels, the key that seals the secrets and the key of the verifier. The verifier is
HMAC-SHA256 of a constant under its key, so that a wrong passphrase is told apart from a
damaged key file, before anything else is read. The sealed secrets (AES-256-GCM) are two
random 32-byte keys: Badger's encryption key, which also encrypts the backups' chunks, and
the key of the history chain's HMAC (history.go), with the number of the first entry it
keys.

Changing the passphrase rewrites the folder under a new Badger key (passphrase.go); the
history key is carried over, so the chain and the heads printed on reports stay valid.
*/
const (
	keyFileName    = "ISMSDESK-KEY.json"
	keyFileFormat  = "ISMS Desk key file"
	keyFileVersion = 1
	verifierText   = "ISMS Desk passphrase verifier v1"
	sealedAAD      = "ISMS Desk sealed secrets v1"

	// MinPassphrase is the shortest passphrase accepted, in characters.
	MinPassphrase = 8
)

// kdfDefaults are the Argon2id parameters of a new key file (RFC 9106's second recommended
// setting: 3 passes over 64 MiB, 4 lanes); tests make them small.
var kdfDefaults = kdfParams{Time: 3, Memory: 64 << 10, Threads: 4}

// kdfParams are Argon2id's cost parameters; Memory is in KiB.
type kdfParams struct {
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory"`
	Threads uint8  `json:"threads"`
}

// keyFile is the plaintext key file of an encrypted folder, also carried in the header of
// its backups.
type keyFile struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	KDF     string `json:"kdf"` // "argon2id"
	Salt    []byte `json:"salt"`
	kdfParams
	Verifier []byte `json:"verifier"` // HMAC-SHA256(verifier key, verifierText)
	Sealed   []byte `json:"sealed"`   // nonce || AES-256-GCM(seal key, secrets JSON)
}

// secrets are what the key file seals.
type secrets struct {
	Data        []byte `json:"data"`        // Badger's encryption key, and the backups'
	History     []byte `json:"history"`     // the history chain's HMAC key
	HistoryFrom uint64 `json:"historyFrom"` // the first history entry keyed
}

// keyring is an unlocked key file.
type keyring struct {
	file keyFile
	secrets
}

// same reports whether k unlocks the key file f (it was read from it).
func (k *keyring) same(f *keyFile) bool {
	return k != nil && f != nil && bytes.Equal(k.file.Salt, f.Salt) && bytes.Equal(k.file.Sealed, f.Sealed)
}

// CheckNewPassphrase refuses a passphrase too short to set, on the field passphrase.
func CheckNewPassphrase(p string) error {
	if utf8.RuneCountInString(p) < MinPassphrase || strings.TrimSpace(p) == "" {
		return &isms.Error{Code: isms.CodeInvalid, Message: fmt.Sprintf("a passphrase needs at least %d characters", MinPassphrase),
			Fields: map[string]string{"passphrase": fmt.Sprintf("Use at least %d characters; a few unrelated words are easy to remember and hard to guess", MinPassphrase)}}
	}
	return nil
}

// newKeyring makes a key file for passphrase: a fresh salt and Badger key; history and
// from are the history key and its first entry (a fresh key when history is nil).
func newKeyring(passphrase string, history []byte, from uint64) (*keyring, error) {
	s := secrets{Data: random(32), History: history, HistoryFrom: from}
	if s.History == nil {
		s.History = random(32)
	}
	f := keyFile{Format: keyFileFormat, Version: keyFileVersion, KDF: "argon2id", Salt: random(16), kdfParams: kdfDefaults}
	seal, verify := deriveKeys(passphrase, f)
	f.Verifier = mac(verify, verifierText)
	plain, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	gcm := newGCM(seal)
	nonce := random(gcm.NonceSize())
	f.Sealed = gcm.Seal(nonce, nonce, plain, []byte(sealedAAD))
	return &keyring{file: f, secrets: s}, nil
}

// unlock opens the key file f with passphrase. A wrong passphrase is a CodeInvalid error
// on the field passphrase; a key file that fails its checks otherwise is reported as
// damaged. where names the folder or backup, for messages.
func unlock(f *keyFile, passphrase, where string) (*keyring, error) {
	if f.Format != keyFileFormat || f.KDF != "argon2id" {
		return nil, keyDamaged(where, "it is not an ISMS Desk key file")
	}
	if f.Version > keyFileVersion {
		return nil, isms.Errorf(isms.CodeInvalid, "the passphrase of %s was set by a newer version of ISMS Desk; update ISMS Desk to open it", where)
	}
	// Bounds keep a tampered file from asking for hours or gigabytes of work.
	if len(f.Salt) < 16 || f.Time < 1 || f.Time > 64 || f.Memory < 8 || f.Memory > 4<<20 || f.Threads < 1 || len(f.Sealed) < 28 {
		return nil, keyDamaged(where, "its parameters are out of range")
	}
	if passphrase == "" {
		return nil, passphraseNeeded(where)
	}
	seal, verify := deriveKeys(passphrase, *f)
	if !hmac.Equal(mac(verify, verifierText), f.Verifier) {
		return nil, &isms.Error{Code: isms.CodeInvalid,
			Message: fmt.Sprintf("the passphrase is not the one of %s; nothing was opened or changed", where),
			Fields:  map[string]string{"passphrase": "This is not the passphrase; check Caps Lock and the keyboard layout"}}
	}
	gcm := newGCM(seal)
	n := gcm.NonceSize()
	plain, err := gcm.Open(nil, f.Sealed[:n], f.Sealed[n:], []byte(sealedAAD))
	if err != nil {
		return nil, keyDamaged(where, "the passphrase is right but the sealed keys do not match their checksum")
	}
	var s secrets
	if err := json.Unmarshal(plain, &s); err != nil || len(s.Data) != 32 || len(s.History) != 32 {
		return nil, keyDamaged(where, "the sealed keys cannot be read")
	}
	return &keyring{file: *f, secrets: s}, nil
}

func keyDamaged(where, why string) error {
	return isms.Errorf(isms.CodeInvalid, "the key file of %s (%s) is damaged: %s; nothing was changed; restore a backup", where, keyFileName, why)
}

func passphraseNeeded(where string) error {
	return &isms.Error{Code: isms.CodeLocked, Message: fmt.Sprintf("%s is encrypted: enter its passphrase", where),
		Fields: map[string]string{"passphrase": "Enter the passphrase"}}
}

// IsPassphraseError reports whether err asks for a passphrase or says it is wrong.
func IsPassphraseError(err error) bool {
	var e *isms.Error
	return errors.As(err, &e) && e.Fields["passphrase"] != ""
}

// deriveKeys runs Argon2id and returns the seal key and the verifier key.
func deriveKeys(passphrase string, f keyFile) (seal, verify []byte) {
	master := argon2.IDKey([]byte(passphrase), f.Salt, f.Time, f.Memory, f.Threads, 32)
	seal, err1 := hkdf.Key(sha256.New, master, nil, "ismsdesk seal", 32)
	verify, err2 := hkdf.Key(sha256.New, master, nil, "ismsdesk verifier", 32)
	if err1 != nil || err2 != nil {
		panic("store: HKDF failed") // cannot happen for a 32-byte output
	}
	return seal, verify
}

func mac(key []byte, text string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(text))
	return h.Sum(nil)
}

func newGCM(key []byte) cipher.AEAD {
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(err) // the keys are always 32 bytes
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	return gcm
}

func random(n int) []byte {
	b := make([]byte, n)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		panic("store: no random numbers: " + err.Error())
	}
	return b
}

// readKeyFile reads the key file of the folder dir; nil when there is none.
func readKeyFile(dir string) (*keyFile, error) {
	b, err := os.ReadFile(filepath.Join(dir, keyFileName))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the key file of %s: %w", dir, err)
	}
	var f keyFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, keyDamaged(dir, "it cannot be read")
	}
	return &f, nil
}

// writeKeyFile writes the key file of the folder dir (mode 0600, all or nothing).
func writeKeyFile(dir string, f keyFile) error {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return safefile.Write(filepath.Join(dir, keyFileName), func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

// IsEncrypted reports whether the data folder dir has a passphrase (holds a key file).
func IsEncrypted(dir string) bool {
	_, err := os.Lstat(filepath.Join(filepath.Clean(dir), keyFileName))
	return err == nil
}

// CheckPassphrase checks passphrase against the key file of the data folder dir without
// opening it: nil when it is right, the error Open would give otherwise.
func CheckPassphrase(dir, passphrase string) error {
	f, err := readKeyFile(filepath.Clean(dir))
	if err != nil || f == nil {
		return err
	}
	_, err = unlock(f, passphrase, "the data folder "+dir)
	return err
}

// unlockFolder returns the keys of the folder dir: nil for a folder without a key file;
// opt.keys when they fit it, else the keys opt.Passphrase unlocks.
func unlockFolder(dir string, opt Options) (*keyring, error) {
	f, err := readKeyFile(dir)
	if err != nil || f == nil {
		return nil, err
	}
	if opt.keys.same(f) {
		return opt.keys, nil
	}
	return unlock(f, opt.Passphrase, "the data folder "+dir)
}

// chunkCipher encrypts and decrypts the chunks of an encrypted backup with AES-256-GCM
// under the Badger key: a random nonce before each, the chunk's index as associated data.
type chunkCipher struct{ aead cipher.AEAD }

func newChunkCipher(k *keyring) *chunkCipher {
	if k == nil {
		return nil
	}
	return &chunkCipher{aead: newGCM(k.Data)}
}

func (c *chunkCipher) seal(idx uint32, plain []byte) []byte {
	nonce := random(c.aead.NonceSize())
	return c.aead.Seal(nonce, nonce, plain, be32(idx))
}

func (c *chunkCipher) open(idx uint32, sealed []byte) ([]byte, error) {
	n := c.aead.NonceSize()
	if len(sealed) < n+c.aead.Overhead() {
		return nil, errors.New("too short")
	}
	return c.aead.Open(nil, sealed[:n], sealed[n:], be32(idx))
}

// CheckBackupPassphrase checks passphrase against the backup info describes (from
// InspectBackup): nil for a plain backup or the right passphrase.
func CheckBackupPassphrase(info BackupInfo, passphrase string) error {
	if !info.Encrypted || info.enc == nil {
		return nil
	}
	_, err := unlock(info.enc, passphrase, "the backup")
	return err
}
