package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/isms/ismstest"
)

var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

// tickClock returns a clock that starts at t0 and advances one second per call.
func tickClock() func() time.Time {
	var mu sync.Mutex
	n := 0
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		n++
		return t0.Add(time.Duration(n) * time.Second)
	}
}

func openMem(t testing.TB) *DB {
	t.Helper()
	db, err := Open("", Options{InMemory: true, Clock: tickClock()})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func openDir(t testing.TB, dir string) *DB {
	t.Helper()
	db, err := Open(dir, Options{Clock: tickClock()})
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func newReq(ref string) *isms.Requirement {
	return &isms.Requirement{Ref: ref, Title: "Requirement " + ref, SourceType: isms.SourceLegal,
		Applicable: true, Status: isms.ComplianceNotAssessed}
}

func create(t testing.TB, db *DB, rec isms.Record) {
	t.Helper()
	if err := db.Update(func(tx *Tx) error { return tx.Create(rec, "test") }); err != nil {
		t.Fatalf("Create %s: %v", rec.Kind(), err)
	}
}

func put(t testing.TB, db *DB, rec isms.Record) {
	t.Helper()
	if err := db.Update(func(tx *Tx) error { return tx.Put(rec, "test") }); err != nil {
		t.Fatalf("Put %s: %v", rec.Kind(), err)
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func wantCode(t testing.TB, err error, code isms.Code) *isms.Error {
	t.Helper()
	if got := isms.ErrorCode(err); got != code {
		t.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
	var e *isms.Error
	errors.As(err, &e)
	return e
}

// createParents stores the records that ismstest.Valid(k) must link to, under
// ismstest.ParentID, unless they exist already.
func createParents(t testing.TB, db *DB, k isms.Kind) {
	t.Helper()
	for _, pk := range ismstest.Parents(k) {
		err := db.Update(func(tx *Tx) error {
			if _, err := tx.Get(pk, ismstest.ParentID(pk)); err == nil {
				return nil
			}
			p := ismstest.Valid(pk)
			p.Base().ID = ismstest.ParentID(pk)
			return tx.Create(p, "test")
		})
		if err != nil {
			t.Fatalf("create parent %s of %s: %v", pk, k, err)
		}
	}
}

func TestEveryKindRoundTrips(t *testing.T) {
	for _, k := range isms.Kinds() {
		t.Run(string(k), func(t *testing.T) {
			db := openMem(t)
			createParents(t, db, k)
			rec := ismstest.Valid(k)
			create(t, db, rec)
			m := rec.Base()
			if m.ID == "" || m.Version != 1 || m.CreatedAt.IsZero() || !m.CreatedAt.Equal(m.UpdatedAt) {
				t.Fatalf("meta after create = %+v", *m)
			}
			err := db.View(func(tx *Tx) error {
				got, err := tx.Get(k, m.ID)
				if err != nil {
					return err
				}
				if g, w := mustJSON(t, got), mustJSON(t, rec); g != w {
					t.Errorf("Get = %s\nwant  %s", g, w)
				}
				list, err := tx.List(k)
				if err != nil {
					return err
				}
				if len(list) != 1 || list[0].Base().ID != m.ID {
					t.Errorf("List = %d records, want the one created", len(list))
				}
				n, err := tx.Count(k)
				if err != nil {
					return err
				}
				if n != 1 {
					t.Errorf("Count = %d, want 1", n)
				}
				if ref := rec.Terms().Ref; ref != "" {
					byRef, err := tx.ByRef(k, " "+ref+" ")
					if err != nil {
						return err
					}
					if byRef.Base().ID != m.ID {
						t.Errorf("ByRef(%q) = %s, want %s", ref, byRef.Base().ID, m.ID)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestGetAsAndNotFound(t *testing.T) {
	db := openMem(t)
	r := newReq("REQ-1")
	create(t, db, r)
	err := db.View(func(tx *Tx) error {
		got, err := GetAs[*isms.Requirement](tx, isms.KindRequirement, r.ID)
		if err != nil {
			return err
		}
		if got.Ref != "REQ-1" {
			t.Errorf("GetAs ref = %q", got.Ref)
		}
		_, err = GetAs[*isms.Requirement](tx, isms.KindRequirement, "nope")
		wantCode(t, err, isms.CodeNotFound)
		_, err = tx.ByRef(isms.KindRequirement, "REQ-404")
		wantCode(t, err, isms.CodeNotFound)
		_, err = tx.Get("bogus", r.ID)
		wantCode(t, err, isms.CodeInvalid)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error { return tx.Put(newReq("X"), "test") })
	wantCode(t, err, isms.CodeNotFound)
	err = db.Update(func(tx *Tx) error { return tx.Delete(isms.KindRequirement, "missing", 0, "test") })
	wantCode(t, err, isms.CodeNotFound)
}

func TestListIsCreationOrder(t *testing.T) {
	db := openMem(t)
	var want []string
	err := db.Update(func(tx *Tx) error {
		for i := range 50 {
			r := newReq(fmt.Sprintf("R-%02d", 50-i))
			if err := tx.Create(r, "test"); err != nil {
				return err
			}
			want = append(want, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = db.View(func(tx *Tx) error {
		return tx.Each(isms.KindRequirement, func(r isms.Record) error {
			got = append(got, r.Base().ID)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Each order differs from creation order")
	}
}

func TestCreateValidates(t *testing.T) {
	db := openMem(t)
	r := newReq("")
	err := db.Update(func(tx *Tx) error { return tx.Create(r, "test") })
	e := wantCode(t, err, isms.CodeInvalid)
	if e.Fields["ref"] == "" {
		t.Errorf("fields = %v, want a message on ref", e.Fields)
	}
	if r.ID != "" || r.Version != 0 {
		t.Errorf("meta changed by a failed create: %+v", r.Meta)
	}
}

func TestRefIsUnique(t *testing.T) {
	db := openMem(t)
	a := newReq("REQ-1")
	create(t, db, a)

	dup := newReq("  req-1 ")
	err := db.Update(func(tx *Tx) error { return tx.Create(dup, "test") })
	if e := wantCode(t, err, isms.CodeInvalid); e.Fields["ref"] == "" {
		t.Fatalf("fields = %v, want ref", e.Fields)
	}

	// Changing a's ref frees the old one and takes the new one.
	a.Ref = "REQ-2"
	put(t, db, a)
	create(t, db, dup)
	err = db.Update(func(tx *Tx) error { return tx.Create(newReq("req-2"), "test") })
	wantCode(t, err, isms.CodeInvalid)
	err = db.View(func(tx *Tx) error {
		r, err := tx.ByRef(isms.KindRequirement, "REQ-2")
		if err != nil {
			return err
		}
		if r.Base().ID != a.ID {
			t.Errorf("ByRef(REQ-2) = %s, want %s", r.Base().ID, a.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Putting a record with its own ref is fine; deleting frees the ref.
	put(t, db, a)
	if err := db.Update(func(tx *Tx) error { return tx.Delete(isms.KindRequirement, a.ID, a.Version, "test") }); err != nil {
		t.Fatal(err)
	}
	create(t, db, newReq("REQ-2"))
}

func TestStaleVersionConflicts(t *testing.T) {
	db := openMem(t)
	r := newReq("REQ-1")
	create(t, db, r)
	stale := *r
	r.Title = "first edit"
	put(t, db, r)
	if r.Version != 2 || !r.CreatedAt.Before(r.UpdatedAt) {
		t.Fatalf("meta after put = %+v", r.Meta)
	}

	stale.Title = "lost update"
	err := db.Update(func(tx *Tx) error { return tx.Put(&stale, "test") })
	wantCode(t, err, isms.CodeConflict)
	if stale.Version != 1 {
		t.Errorf("failed put changed the version to %d", stale.Version)
	}
	err = db.Update(func(tx *Tx) error { return tx.Delete(isms.KindRequirement, r.ID, 1, "test") })
	wantCode(t, err, isms.CodeConflict)

	err = db.View(func(tx *Tx) error {
		got, err := GetAs[*isms.Requirement](tx, isms.KindRequirement, r.ID)
		if err != nil {
			return err
		}
		if got.Title != "first edit" || got.Version != 2 || !got.CreatedAt.Equal(r.CreatedAt) {
			t.Errorf("stored = %+v", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *Tx) error { return tx.Delete(isms.KindRequirement, r.ID, 0, "test") }); err != nil {
		t.Fatalf("Delete with version 0: %v", err)
	}
}

func TestLinkToMissingTarget(t *testing.T) {
	db := openMem(t)
	r := newReq("REQ-1")
	r.ControlIDs = []string{"0190a0a0-0000-7000-8000-000000000000"}
	err := db.Update(func(tx *Tx) error { return tx.Create(r, "test") })
	e := wantCode(t, err, isms.CodeInvalid)
	if e.Fields["controlIds"] == "" {
		t.Fatalf("fields = %v, want controlIds", e.Fields)
	}

	ctl := ismstest.Valid(isms.KindControl)
	create(t, db, ctl)
	r.ControlIDs = []string{ctl.Base().ID}
	create(t, db, r)

	r.PolicyIDs = []string{"missing"}
	err = db.Update(func(tx *Tx) error { return tx.Put(r, "test") })
	if e := wantCode(t, err, isms.CodeInvalid); e.Fields["policyIds"] == "" {
		t.Fatalf("fields = %v, want policyIds", e.Fields)
	}
}

func ids(t testing.TB, db *DB, fn func(tx *Tx) ([]string, error)) []string {
	t.Helper()
	var out []string
	err := db.View(func(tx *Tx) error {
		var err error
		out, err = fn(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func backlinks(t testing.TB, db *DB, kind isms.Kind, id string) []Backlink {
	t.Helper()
	var out []Backlink
	err := db.View(func(tx *Tx) error {
		var err error
		out, err = tx.Backlinks(kind, id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestIndexesFollowUpdateAndDelete(t *testing.T) {
	db := openMem(t)
	ctl, pol := ismstest.Valid(isms.KindControl), ismstest.Valid(isms.KindPolicy)
	create(t, db, ctl)
	create(t, db, pol)
	c1, p1 := ctl.Base().ID, pol.Base().ID
	K := isms.KindRequirement
	status := func(s string) func(tx *Tx) ([]string, error) {
		return func(tx *Tx) ([]string, error) { return tx.Find(K, IndexStatus, s) }
	}
	owner := func(s string) func(tx *Tx) ([]string, error) {
		return func(tx *Tx) ([]string, error) { return tx.Find(K, IndexOwner, s) }
	}
	due := func(d time.Time) func(tx *Tx) ([]string, error) {
		return func(tx *Tx) ([]string, error) { return tx.DueBefore(K, d) }
	}
	day := func(s string) time.Time { return isms.Date(s).Time() }

	a, b := newReq("A"), newReq("B")
	a.OwnerID, a.DueDate, a.ControlIDs = "alice", "2025-06-10", []string{c1}
	b.OwnerID, b.DueDate, b.Status = "bob", "2025-05-01", isms.ComplianceCompliant
	create(t, db, a)
	create(t, db, b)

	if got := ids(t, db, status(isms.ComplianceNotAssessed)); !slices.Equal(got, []string{a.ID}) {
		t.Errorf("status not_assessed = %v", got)
	}
	if got := ids(t, db, owner("alice")); !slices.Equal(got, []string{a.ID}) {
		t.Errorf("owner alice = %v", got)
	}
	if got := ids(t, db, due(day("2025-12-31"))); !slices.Equal(got, []string{b.ID, a.ID}) {
		t.Errorf("due before end of year = %v, want b then a", got)
	}
	if got := ids(t, db, due(day("2025-06-10"))); !slices.Equal(got, []string{b.ID}) {
		t.Errorf("due before 10 June = %v, want b only", got)
	}
	if got := backlinks(t, db, isms.KindControl, c1); !slices.Equal(got, []Backlink{{K, a.ID, "controlIds"}}) {
		t.Errorf("backlinks of c1 = %v", got)
	}

	// Update a: every index moves.
	a.Status, a.OwnerID, a.DueDate, a.ControlIDs, a.PolicyIDs = isms.CompliancePartial, "carol", "2025-01-15", nil, []string{p1}
	put(t, db, a)
	if got := ids(t, db, status(isms.ComplianceNotAssessed)); len(got) != 0 {
		t.Errorf("status not_assessed after update = %v", got)
	}
	if got := ids(t, db, status(isms.CompliancePartial)); !slices.Equal(got, []string{a.ID}) {
		t.Errorf("status partial = %v", got)
	}
	if got := ids(t, db, owner("alice")); len(got) != 0 {
		t.Errorf("owner alice after update = %v", got)
	}
	if got := ids(t, db, owner("carol")); !slices.Equal(got, []string{a.ID}) {
		t.Errorf("owner carol = %v", got)
	}
	if got := ids(t, db, due(day("2025-12-31"))); !slices.Equal(got, []string{a.ID, b.ID}) {
		t.Errorf("due order after update = %v, want a then b", got)
	}
	if got := backlinks(t, db, isms.KindControl, c1); len(got) != 0 {
		t.Errorf("backlinks of c1 after update = %v", got)
	}
	if got := backlinks(t, db, isms.KindPolicy, p1); !slices.Equal(got, []Backlink{{K, a.ID, "policyIds"}}) {
		t.Errorf("backlinks of p1 = %v", got)
	}

	// Clearing the due date and owner removes them from the indexes.
	a.DueDate, a.OwnerID = "", ""
	put(t, db, a)
	if got := ids(t, db, due(day("2025-12-31"))); !slices.Equal(got, []string{b.ID}) {
		t.Errorf("due after clearing = %v", got)
	}
	if got := ids(t, db, owner("carol")); len(got) != 0 {
		t.Errorf("owner carol after clearing = %v", got)
	}

	// Delete a: nothing of it remains in the indexes.
	if err := db.Update(func(tx *Tx) error { return tx.Delete(K, a.ID, a.Version, "test") }); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, db, status(isms.CompliancePartial)); len(got) != 0 {
		t.Errorf("status partial after delete = %v", got)
	}
	if got := backlinks(t, db, isms.KindPolicy, p1); len(got) != 0 {
		t.Errorf("backlinks of p1 after delete = %v", got)
	}
	err := db.View(func(tx *Tx) error {
		_, err := tx.Get(K, a.ID)
		wantCode(t, err, isms.CodeNotFound)
		n, err := tx.Count(K)
		if n != 1 {
			t.Errorf("Count after delete = %d", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// No index key of a is left at all.
	err = db.bdb.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().Key())
			if k[0] == 'i' || k[0] == 'u' || k[0] == 'l' || k[0] == 'r' {
				if strings.Contains(k, a.ID) {
					t.Errorf("key %q left after delete", k)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSettings(t *testing.T) {
	db := openMem(t)
	err := db.Update(func(tx *Tx) error {
		if v, err := tx.Setting("org/name"); err != nil || v != "" {
			t.Errorf("unset setting = %q, %v", v, err)
		}
		return tx.SetSetting("org/name", "Acme")
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *Tx) error {
		v, err := tx.Setting("org/name")
		if v != "Acme" {
			t.Errorf("setting = %q", v)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestUpdateReturnsFnErrorAndRollsBack(t *testing.T) {
	db := openMem(t)
	boom := errors.New("boom")
	err := db.Update(func(tx *Tx) error {
		if err := tx.Create(newReq("R"), "test"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	err = db.View(func(tx *Tx) error {
		n, err := tx.Count(isms.KindRequirement)
		if n != 0 {
			t.Errorf("count after rollback = %d", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.VerifyHistory(); err != nil || n != 0 {
		t.Fatalf("VerifyHistory = %d, %v", n, err)
	}
}

func TestConcurrentUpdatesRetry(t *testing.T) {
	db := openMem(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				errs <- db.Update(func(tx *Tx) error {
					return tx.Create(newReq("W"+strconv.Itoa(w)+"-"+strconv.Itoa(i)), "test")
				})
			}
		}()
	}
	go func() { wg.Wait(); close(errs) }()
	ok := 0
	for err := range errs {
		if err == nil {
			ok++
		} else if isms.ErrorCode(err) != isms.CodeConflict {
			t.Errorf("Update: %v", err)
		}
	}
	n, err := db.VerifyHistory()
	if err != nil {
		t.Fatal(err)
	}
	if n != ok {
		t.Fatalf("history has %d entries, %d creates succeeded", n, ok)
	}
}

func TestSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	db := openDir(t, dir)
	r := newReq("REQ-1")
	create(t, db, r)
	r.Title = "changed"
	put(t, db, r)
	if err := db.Update(func(tx *Tx) error { return tx.SetSetting("lang", "en") }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db = openDir(t, dir)
	if db.SchemaVersion() != schemaVersion {
		t.Errorf("SchemaVersion = %d", db.SchemaVersion())
	}
	err := db.View(func(tx *Tx) error {
		got, err := tx.ByRef(isms.KindRequirement, "req-1")
		if err != nil {
			return err
		}
		if mustJSON(t, got) != mustJSON(t, r) {
			t.Errorf("after reopen %s\nwant %s", mustJSON(t, got), mustJSON(t, r))
		}
		h, err := tx.History(isms.KindRequirement, r.ID)
		if err != nil {
			return err
		}
		if len(h) != 2 || h[0].Op != OpCreate || h[1].Op != OpUpdate {
			t.Errorf("history = %+v", h)
		}
		v, err := tx.Setting("lang")
		if v != "en" {
			t.Errorf("setting = %q", v)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.VerifyHistory(); err != nil || n != 2 {
		t.Fatalf("VerifyHistory = %d, %v", n, err)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	dir := t.TempDir()
	openDir(t, dir)
	db2, err := Open(dir, Options{})
	if err == nil {
		db2.Close()
	}
	e := wantCode(t, err, isms.CodeLocked)
	want := "the data folder " + dir + " is in use by another ISMS Desk window or command; close it and try again"
	if e.Message != want {
		t.Errorf("message = %q", e.Message)
	}
}

func TestReadOnly(t *testing.T) {
	dir := t.TempDir()
	db := openDir(t, dir)
	create(t, db, newReq("R"))
	db.Close()
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	err = ro.View(func(tx *Tx) error {
		n, err := tx.Count(isms.KindRequirement)
		if n != 1 {
			t.Errorf("count = %d", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	wantCode(t, ro.Update(func(tx *Tx) error { return nil }), isms.CodeLocked)
}

func setSchema(t *testing.T, dir string, v int) {
	t.Helper()
	bdb := openRawForTest(t, dir)
	err := bdb.Update(func(txn *badger.Txn) error { return txn.Set([]byte(keySchema), []byte(strconv.Itoa(v))) })
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestNewerSchemaRefusesToOpen(t *testing.T) {
	dir := t.TempDir()
	db := openDir(t, dir)
	db.Close()
	setSchema(t, dir, schemaVersion+1)
	db2, err := Open(dir, Options{})
	if err == nil {
		db2.Close()
	}
	wantCode(t, err, isms.CodeInvalid)
	// The refusal released the folder.
	setSchema(t, dir, schemaVersion)
	openDir(t, dir)
}

func TestMigrationsRunInOrder(t *testing.T) {
	if len(migrations) != schemaVersion-1 {
		t.Fatalf("%d migrations for schema version %d", len(migrations), schemaVersion)
	}
	db := openMem(t)
	var ran []int
	migs := []migration{
		func(txn *badger.Txn) error { ran = append(ran, 2); return txn.Set([]byte("s/m2"), []byte("x")) },
		func(txn *badger.Txn) error { ran = append(ran, 3); return nil },
	}
	if err := runMigrations(db.bdb, 1, 3, migs); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ran, []int{2, 3}) {
		t.Fatalf("ran = %v", ran)
	}
	err := db.bdb.View(func(txn *badger.Txn) error {
		v, err := readSchema(txn)
		if v != 3 {
			t.Errorf("schema after migrating = %d", v)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := runMigrations(db.bdb, 3, 4, migs); err == nil {
		t.Fatal("missing migration not reported")
	}
}

func BenchmarkCreate1000InOneTx(b *testing.B) {
	db, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		err := db.Update(func(tx *Tx) error {
			for j := range 1000 {
				r := newReq(fmt.Sprintf("B%d-%d", i, j))
				r.OwnerID, r.DueDate = "owner", "2025-06-01"
				if err := tx.Create(r, "bench"); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
