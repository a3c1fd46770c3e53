package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// smallChunks makes backups cut into many chunks for the duration of the test.
func smallChunks(t *testing.T, n int) {
	old := backupChunkBytes
	backupChunkBytes = n
	t.Cleanup(func() { backupChunkBytes = old })
}

// backupOf fills a new folder and returns its backup.
func backupOf(t *testing.T) []byte {
	t.Helper()
	src := openDir(t, t.TempDir())
	fill(t, src)
	for i := range 40 {
		create(t, src, newReq("BULK-"+string(rune('A'+i%26))+string(rune('a'+i/26))))
	}
	var buf bytes.Buffer
	if _, err := src.WriteBackup(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// layout returns the offsets where the parts of a format-2 backup start: every chunk, the
// trailer, the file checksum and the end marker.
func layout(t *testing.T, b []byte) (chunks []int, trailer, checksum, end int) {
	t.Helper()
	off := len(backupMagic) + 4
	off += 4 + int(binary.BigEndian.Uint32(b[off:])) + sha256.Size
	for b[off] == 'C' {
		chunks = append(chunks, off)
		off += 9 + int(binary.BigEndian.Uint32(b[off+5:])) + sha256.Size
	}
	if b[off] != 'T' {
		t.Fatalf("no trailer at %d", off)
	}
	trailer = off
	checksum = off + 5 + int(binary.BigEndian.Uint32(b[off+1:]))
	end = checksum + sha256.Size
	if end+len(backupEndMarker) != len(b) {
		t.Fatalf("layout ends at %d, file has %d bytes", end+len(backupEndMarker), len(b))
	}
	return chunks, trailer, checksum, end
}

// folderState is every file under a folder with its contents' hash, and what lies beside it.
func folderState(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(filepath.Dir(dir), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.Dir(dir), path)
		if d.IsDir() {
			lines = append(lines, rel+"/")
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		lines = append(lines, rel+" "+hex.EncodeToString(sum[:8]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// existingData makes an ISMS Desk data folder holding OLD-1, closed.
func existingData(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	db := openDir(t, dir)
	create(t, db, newReq("OLD-1"))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func hasRef(t *testing.T, dir, ref string) bool {
	t.Helper()
	db := openDir(t, dir)
	defer db.Close()
	err := db.View(func(tx *Tx) error {
		_, err := tx.ByRef(isms.KindRequirement, ref)
		return err
	})
	if err != nil && isms.ErrorCode(err) != isms.CodeNotFound {
		t.Fatal(err)
	}
	if _, err := db.VerifyHistory(); err != nil {
		t.Fatalf("history of %s: %v", dir, err)
	}
	return err == nil
}

func TestBackupFormatV2(t *testing.T) {
	smallChunks(t, 1024)
	b := backupOf(t)
	if !bytes.HasPrefix(b, []byte(backupMagic)) || !bytes.HasSuffix(b, []byte(backupEndMarker)) {
		t.Fatal("no header mark or end marker")
	}
	chunks, _, _, _ := layout(t, b)
	if len(chunks) < 5 {
		t.Fatalf("only %d chunks; the test needs several", len(chunks))
	}
	info, err := InspectBackup(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if info.Format != 2 || !info.Verified || info.Chunks != len(chunks) || info.Size != int64(len(b)) ||
		info.Records[string(isms.KindRequirement)] < 42 || info.HistoryEntries == 0 || len(info.HistoryHead) != 64 ||
		info.Schema != schemaVersion || !strings.HasPrefix(info.App, "ISMS Desk ") || info.CreatedAt.IsZero() {
		t.Fatalf("info %+v", info)
	}
	dir := filepath.Join(t.TempDir(), "data")
	got, err := RestoreFrom(dir, bytes.NewReader(b), RestoreOptions{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.HistoryHead != info.HistoryHead {
		t.Errorf("restore reported %+v", got)
	}
	if !hasRef(t, dir, "BULK-Ab") {
		t.Error("restored data lacks BULK-Ab")
	}
	if _, err := os.Stat(filepath.Join(dir, markerFile)); err != nil {
		t.Errorf("restored folder not marked: %v", err)
	}
}

// TestDamagedBackupsAreRefused: a backup truncated at every chunk boundary and at random
// offsets, or with random bytes flipped, is refused with a message saying what is wrong,
// and the data folder it would replace is not touched.
func TestDamagedBackupsAreRefused(t *testing.T) {
	smallChunks(t, 1024)
	b := backupOf(t)
	chunks, trailer, checksum, end := layout(t, b)
	dir := existingData(t)
	before := folderState(t, dir)
	rng := rand.New(rand.NewPCG(1, 2))

	try := func(name string, bad []byte, want string) {
		t.Helper()
		_, err := RestoreFrom(dir, bytes.NewReader(bad), RestoreOptions{Force: true}, Options{})
		e := wantCode(t, err, isms.CodeInvalid)
		if e != nil && !strings.Contains(e.Message, want) {
			t.Errorf("%s: message %q does not say %q", name, e.Message, want)
		}
		if e != nil && !strings.Contains(e.Message, "the data was not changed") {
			t.Errorf("%s: message %q does not say the data is unchanged", name, e.Message)
		}
		if after := folderState(t, dir); after != before {
			t.Fatalf("%s: the data folder changed:\n%s\nwas\n%s", name, after, before)
		}
	}
	tried := 0
	for i, off := range chunks {
		try("cut before chunk", b[:off], "truncated")
		try("cut inside chunk", b[:off+20], "inside chunk "+itoa(i+1))
		tried += 2
	}
	for _, off := range []int{0, 10, len(backupMagic) + 6, trailer, trailer + 3, checksum, checksum + 5, end, end + 3, len(b) - 1} {
		if off == 0 {
			try("empty", nil, "empty")
		} else {
			try("cut in a fixed part", b[:off], "truncated")
		}
		tried++
	}
	for range 60 {
		off := 1 + rng.IntN(len(b)-1)
		try("cut at random", b[:off], "truncated")
		tried++
	}
	for range 150 {
		bad := bytes.Clone(b)
		off := rng.IntN(len(b))
		bad[off] ^= byte(1 + rng.IntN(255))
		want := "damaged"
		if off < len(backupMagic) {
			want = "not an ISMS Desk backup"
		}
		for i, c := range chunks {
			if off >= c+9 && off < c+9+int(binary.BigEndian.Uint32(b[c+5:])) {
				want = "chunk " + itoa(i+1) + " (bytes "
			}
		}
		try("flipped byte at "+itoa(off), bad, want)
		tried++
	}
	// Extra bytes, swapped chunks.
	try("extra bytes", append(bytes.Clone(b), 'x'), "after its end marker")
	swapped := bytes.Clone(b[:chunks[1]])
	swapped = append(swapped, b[chunks[2]:chunks[3]]...)
	swapped = append(swapped, b[chunks[1]:chunks[2]]...)
	swapped = append(swapped, b[chunks[3]:]...)
	try("swapped chunks", swapped, "out of order")
	t.Logf("%d damaged backups refused", tried+2)
	if !hasRef(t, dir, "OLD-1") {
		t.Fatal("the old data is gone")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestRestoreReplacesOnlyDataFolders(t *testing.T) {
	b := backupOf(t)
	// A folder with someone's files is refused, with or without force, and kept as it was.
	other := filepath.Join(t.TempDir(), "documents")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "thesis.docx"), []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := folderState(t, other)
	for _, force := range []bool{false, true} {
		_, err := RestoreFrom(other, bytes.NewReader(b), RestoreOptions{Force: force}, Options{})
		e := wantCode(t, err, isms.CodeInvalid)
		if e != nil && !strings.Contains(e.Message, "does not hold ISMS Desk data") {
			t.Errorf("force %v: %q", force, e.Message)
		}
		if folderState(t, other) != before {
			t.Fatalf("force %v: the folder changed", force)
		}
	}
	// An ISMS Desk folder: refused without force; replaced with force, after an automatic
	// backup of what it held.
	dir := existingData(t)
	_, err := RestoreFrom(dir, bytes.NewReader(b), RestoreOptions{}, Options{})
	wantCode(t, err, isms.CodeInvalid)
	var steps []string
	_, err = RestoreFrom(dir, bytes.NewReader(b), RestoreOptions{Force: true, Progress: func(p RestoreProgress) {
		if len(steps) == 0 || steps[len(steps)-1] != p.Step {
			steps = append(steps, p.Step)
		}
	}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(steps, ",") != "check,load,verify,swap" {
		t.Errorf("progress steps %v", steps)
	}
	if hasRef(t, dir, "OLD-1") || !hasRef(t, dir, "REQ-9") {
		t.Fatal("force did not replace the data")
	}
	files, err := ListBackups(dir)
	if err != nil || len(files) != 1 || files[0].Reason != ReasonRestore {
		t.Fatalf("backups before the restore: %+v %v", files, err)
	}
	saved := filepath.Join(t.TempDir(), "saved")
	f, _ := os.Open(files[0].Path)
	defer f.Close()
	if err := Restore(saved, f, false, Options{}); err != nil || !hasRef(t, saved, "OLD-1") {
		t.Fatalf("the automatic backup does not hold the replaced data: %v", err)
	}
	leftovers, _ := filepath.Glob(dir + ".restore-*")
	if len(leftovers) != 0 {
		t.Errorf("left behind: %v", leftovers)
	}
}

// TestCrashDuringSwapRecovers stops a swap after each of its steps, as a crash would, and
// checks that the next Open finds whole data (the old before the old folder moved, the new
// after) and clears up.
func TestCrashDuringSwapRecovers(t *testing.T) {
	b := backupOf(t)
	for _, c := range []struct {
		step    string
		wantNew bool
	}{{"journal", false}, {"old moved", true}, {"new moved", true}} {
		t.Run(c.step, func(t *testing.T) {
			dir := existingData(t)
			swapCrash = func(step string) bool { return step == c.step }
			_, err := RestoreFrom(dir, bytes.NewReader(b), RestoreOptions{Force: true}, Options{})
			swapCrash = nil
			if err == nil {
				t.Fatal("no simulated crash")
			}
			if _, err := os.Stat(journalPath(dir)); err != nil {
				t.Fatalf("no journal after the crash: %v", err)
			}
			if c.step == "old moved" {
				if _, err := os.Stat(dir); !os.IsNotExist(err) {
					t.Fatalf("the data folder is there between the renames: %v", err)
				}
			}
			if got := hasRef(t, dir, "REQ-9"); got != c.wantNew {
				t.Fatalf("after recovery new data = %v, want %v", got, c.wantNew)
			}
			if hasRef(t, dir, "OLD-1") == c.wantNew {
				t.Fatal("after recovery the old data is in the wrong state")
			}
			leftovers, _ := filepath.Glob(dir + ".restore-*")
			if len(leftovers) != 0 {
				t.Errorf("left behind: %v", leftovers)
			}
		})
	}
}

// TestInterruptedSwapWithNothingLeftRefusesToOpen: never an empty database in place of data.
func TestInterruptedSwapWithNothingLeftRefusesToOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := writeJournal(swapJournal{Target: dir, New: dir + restoreTmpInfix + "gone", Old: dir + restoreOldInfix + "gone"}); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dir, Options{})
	if err == nil {
		db.Close()
	}
	wantCode(t, err, isms.CodeInvalid)
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("an empty data folder was created: %v", err)
	}
}

func TestOldFormatBackupRestoresUnverified(t *testing.T) {
	src := openDir(t, t.TempDir())
	fill(t, src)
	var v1 bytes.Buffer
	if _, err := src.bdb.Backup(&v1, 0); err != nil {
		t.Fatal(err)
	}
	info, err := InspectBackup(bytes.NewReader(v1.Bytes()))
	if err != nil || info.Format != 1 || info.Verified {
		t.Fatalf("inspect: %+v %v", info, err)
	}
	dir := filepath.Join(t.TempDir(), "data")
	info, err = RestoreFrom(dir, bytes.NewReader(v1.Bytes()), RestoreOptions{}, Options{})
	if err != nil || info.Verified || info.Records[string(isms.KindRequirement)] == 0 {
		t.Fatalf("restore: %+v %v", info, err)
	}
	if !hasRef(t, dir, "REQ-9") {
		t.Fatal("not restored")
	}
	// Cut short, it is refused by the checks of the restored data.
	for _, n := range []int{v1.Len() / 3, v1.Len() / 2, v1.Len() - 40} {
		_, err := RestoreFrom(filepath.Join(t.TempDir(), "data"), bytes.NewReader(v1.Bytes()[:n]), RestoreOptions{}, Options{})
		if err == nil {
			t.Errorf("a format-1 backup cut at %d of %d bytes was restored", n, v1.Len())
		}
	}
}

func TestAutomaticBackupsRollAndStayPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	now := t0
	db, err := Open(dir, Options{Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if due, err := db.AutoBackupDue(24 * time.Hour); err != nil || !due {
		t.Fatalf("due with no backup: %v %v", due, err)
	}
	if err := db.SetKeepBackups(0); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("keep 0: %v", err)
	}
	if err := db.SetKeepBackups(3); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		create(t, db, newReq("R-"+itoa(i)))
		if _, err := db.AutoBackup(ReasonImport); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
	}
	if due, _ := db.AutoBackupDue(24 * time.Hour); due {
		t.Error("due an hour after a backup")
	}
	now = now.Add(24 * time.Hour)
	if due, _ := db.AutoBackupDue(24 * time.Hour); !due {
		t.Error("not due a day later")
	}
	files, err := ListBackups(dir)
	if err != nil || len(files) != 3 {
		t.Fatalf("kept %d backups, want 3: %v", len(files), err)
	}
	info, err := InspectBackupFile(files[0].Path)
	if err != nil || info.Records[string(isms.KindRequirement)] != 5 || files[0].Reason != ReasonImport {
		t.Fatalf("the newest backup %+v: %+v %v", files[0], info, err)
	}
	if filepath.Dir(files[0].Path) != dir+"-backups" {
		t.Errorf("backups in %s", filepath.Dir(files[0].Path))
	}
	check := func(path string, want os.FileMode) {
		t.Helper()
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s has mode %o, want %o", path, st.Mode().Perm(), want)
		}
	}
	check(files[0].Path, 0o600)
	check(dir, 0o700)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		check(filepath.Join(dir, e.Name()), 0o600)
	}
}

func TestCheckHistoryNamesTheBrokenEntry(t *testing.T) {
	db, _ := historyFixture(t)
	rep, err := db.CheckHistory()
	if err != nil || rep.Broken != nil || rep.Entries != 5 || rep.HeadSeq != 5 || len(rep.Head) != 64 || rep.Records == 0 {
		t.Fatalf("clean history: %+v %v", rep, err)
	}
	rewrite(t, db, 3, func(raw []byte) []byte {
		return []byte(strings.Replace(string(raw), `edited`, `EDITED`, 1))
	})
	rep, err = db.CheckHistory()
	if err != nil || rep.Broken == nil || rep.Broken.Seq != 3 || rep.Broken.Kind != isms.KindRequirement ||
		rep.Broken.ID == "" || rep.Broken.At.IsZero() || rep.Entries != 2 {
		t.Fatalf("broken history: %+v %+v %v", rep, rep.Broken, err)
	}
}

func TestCheckHistoryFindsRecordsChangedOutsideIt(t *testing.T) {
	db, r := historyFixture(t)
	err := db.Update(func(tx *Tx) error {
		cur, _, err := tx.get(recordKey(isms.KindRequirement, r.ID))
		if err != nil {
			return err
		}
		return tx.set(recordKey(isms.KindRequirement, r.ID), bytes.Replace(cur, []byte(`"title":"`), []byte(`"title":"X`), 1))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.VerifyHistory(); err != nil {
		t.Fatalf("the chain itself is intact: %v", err)
	}
	rep, err := db.CheckHistory()
	if err != nil || rep.Broken == nil || rep.Broken.ID != r.ID || !strings.Contains(rep.Broken.Problem, "outside the history") {
		t.Fatalf("%+v %+v %v", rep, rep.Broken, err)
	}
}

// TestRestoreAfterAnInterruptedSwap: a crash between the renames leaves no data folder but a
// journal; HasData still says there is data, and the next restore finishes the old swap
// before it starts, so nothing is orphaned.
func TestRestoreAfterAnInterruptedSwap(t *testing.T) {
	b := backupOf(t)
	dir := existingData(t)
	swapCrash = func(step string) bool { return step == "old moved" }
	_, err := RestoreFrom(dir, bytes.NewReader(b), RestoreOptions{Force: true}, Options{})
	swapCrash = nil
	if err == nil {
		t.Fatal("no simulated crash")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) || !HasData(dir) {
		t.Fatalf("between the renames: stat %v, HasData %v", err, HasData(dir))
	}
	if _, err := RestoreFrom(dir, bytes.NewReader(b), RestoreOptions{Force: true}, Options{}); err != nil {
		t.Fatal(err)
	}
	if !hasRef(t, dir, "REQ-9") {
		t.Fatal("not restored")
	}
	leftovers, _ := filepath.Glob(dir + ".restore-*")
	if len(leftovers) != 0 {
		t.Errorf("left behind: %v", leftovers)
	}
}
