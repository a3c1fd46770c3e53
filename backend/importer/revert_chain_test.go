package importer

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

// contents returns every record of every kind by kind and ID, decoded from its JSON
// without the fields a rewrite changes (version, updatedAt): what the records are.
func contents(t *testing.T, db *store.DB) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	err := db.View(func(tx *store.Tx) error {
		for _, k := range isms.Kinds() {
			err := tx.Each(k, func(r isms.Record) error {
				raw, err := json.Marshal(r)
				if err != nil {
					return err
				}
				var m map[string]any
				if err := json.Unmarshal(raw, &m); err != nil {
					return err
				}
				delete(m, "version")
				delete(m, "updatedAt")
				out[string(k)+"/"+r.Base().ID] = m
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// importCSV imports a requirements register given as CSV text.
func importCSV(t *testing.T, db *store.DB, name, csv string) Result {
	t.Helper()
	return commit(t, db, prepare(t, db, Request{Kind: xlsx.KindRequirements, File: writeFile(t, name, csv)}))
}

func revert(t *testing.T, db *store.DB, res Result) {
	t.Helper()
	if _, err := Revert(context.Background(), db, res.Log.ID, now); err != nil {
		t.Fatalf("revert of %s: %v", res.Log.File, err)
	}
}

// editTitle changes a requirement's title as the window would.
func editTitle(t *testing.T, db *store.DB, ref, title string) {
	t.Helper()
	err := db.Update(func(tx *store.Tx) error {
		rec, err := tx.ByRef(isms.KindRequirement, ref)
		if err != nil {
			return err
		}
		rec.(*isms.Requirement).Title = title
		return tx.Put(rec, "ui")
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRevertChainAfterRevertingTheLaterImport: import A, import B over it, revert B, revert
// A. Reverting B puts A's records back as A left them (only their version and update time
// differ), so A can be reverted too, and the data is then as it was before A.
func TestRevertChainAfterRevertingTheLaterImport(t *testing.T) {
	db := openDB(t, "")
	// REQ-0 exists before A, which updates it; A creates IT-01 and its owner
	importCSV(t, db, "start.csv", "Ref,Title\nREQ-0,Before A\n")
	before := contents(t, db)
	people := count(t, db, isms.KindPerson)

	a := importCSV(t, db, "a.csv", "Ref,Title,Owner\nREQ-0,Set by A,\nIT-01,Laptops,Jane Smith\n")
	if a.Log.Counts.Created != 1 || a.Log.Counts.Updated != 1 || a.Log.NewPeople != 1 {
		t.Fatalf("import A: %+v, %d new people", a.Log.Counts, a.Log.NewPeople)
	}
	leftByA := contents(t, db)
	b := importCSV(t, db, "b.csv", "Ref,Title,Owner\nREQ-0,Set by B,\nIT-01,Laptops and phones,Jane Smith\nIT-02,Servers,\n")
	if b.Log.Counts.Created != 1 || b.Log.Counts.Updated != 2 {
		t.Fatalf("import B: %+v", b.Log.Counts)
	}
	revert(t, db, b)
	if got := contents(t, db); !reflect.DeepEqual(got, leftByA) {
		t.Fatalf("after reverting B the records are not as A left them:\n%v\nwant\n%v", got, leftByA)
	}
	reqs := requirementsByRef(t, db)
	if reqs["IT-01"].Version != 3 || reqs["REQ-0"].Version != 4 {
		t.Fatalf("versions after reverting B: IT-01 %d, REQ-0 %d", reqs["IT-01"].Version, reqs["REQ-0"].Version)
	}

	revert(t, db, a)
	if got := contents(t, db); !reflect.DeepEqual(got, before) {
		t.Fatalf("after reverting A the records are not as before A:\n%v\nwant\n%v", got, before)
	}
	reqs = requirementsByRef(t, db)
	if len(reqs) != 1 || reqs["REQ-0"].Title != "Before A" || count(t, db, isms.KindPerson) != people {
		t.Fatalf("after reverting A: %v, %d people (want %d)", reqs, count(t, db, isms.KindPerson), people)
	}
	if _, err := Revert(context.Background(), db, a.Log.ID, now); isms.ErrorCode(err) != isms.CodeInvalid {
		t.Fatalf("A reverted twice: %v", err)
	}
	if _, err := db.VerifyHistory(); err != nil {
		t.Fatal(err)
	}
	if rep, err := db.CheckHistory(); err != nil || rep.Broken != nil {
		t.Fatalf("history check: %v %+v", err, rep.Broken)
	}
}

// TestRevertChainRefusesRecordsEditedByHand: a record edited by hand after import A (before
// or after a later import that was reverted) still blocks A's revert, and only that record
// is named; once it is put back as A left it, A can be reverted.
func TestRevertChainRefusesRecordsEditedByHand(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(t *testing.T, db *store.DB, b func()) // runs import B and its revert (b) around the edit
	}{
		{"edited after reverting B", func(t *testing.T, db *store.DB, b func()) { b(); editTitle(t, db, "IT-01", "Edited by hand") }},
		{"edited before B", func(t *testing.T, db *store.DB, b func()) { editTitle(t, db, "IT-01", "Edited by hand"); b() }},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t, "")
			before := contents(t, db)
			a := importCSV(t, db, "a.csv", "Ref,Title\nIT-01,Laptops\nIT-02,Servers\n")
			c.edit(t, db, func() {
				b := importCSV(t, db, "b.csv", "Ref,Title\nIT-01,Laptops and phones\nIT-02,Servers and racks\n")
				revert(t, db, b)
			})
			edited := contents(t, db)
			_, err := Revert(context.Background(), db, a.Log.ID, now)
			if isms.ErrorCode(err) != isms.CodeConflict ||
				!strings.HasSuffix(err.Error(), "the import of a.csv cannot be reverted: these records changed after it: IT-01") {
				t.Fatalf("revert of A after a hand edit: %v", err)
			}
			if got := contents(t, db); !reflect.DeepEqual(got, edited) {
				t.Fatal("a refused revert changed records")
			}
			if h := requirementsByRef(t, db); h["IT-01"].Title != "Edited by hand" || h["IT-02"].Title != "Servers" {
				t.Fatalf("records after the refused revert: %+v %+v", h["IT-01"], h["IT-02"])
			}

			// put back by hand as A left it: nothing the user made differs any more
			editTitle(t, db, "IT-01", "Laptops")
			revert(t, db, a)
			if got := contents(t, db); !reflect.DeepEqual(got, before) {
				t.Fatalf("after reverting A: %v", got)
			}
			if _, err := db.VerifyHistory(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
