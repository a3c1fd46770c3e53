package soak

import (
	"context"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/importer"
	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
	"github.com/ismsdesk/ismsdesk/backend/xlsx"
)

var (
	soakFor  = flag.Duration("soak", 0, "run the soak test this long (0: a short run of 60 steps)")
	soakSeed = flag.Int64("soak.seed", 0, "the soak test's random seed (0: from the clock)")
)

// req is what the model holds of a requirement.
type req struct {
	Ref, Title, Status string
	Version            int
}

// imp is an import the model remembers, to predict its revert.
type imp struct {
	id       string
	created  []string       // IDs of the requirements it created
	before   map[string]req // requirements it updated, as they were before it
	wrote    map[string]req // what it wrote of each: a record that differs (other than its version) refuses the revert
	reverted bool
}

// model is the expected state of the data folder.
type model struct {
	reqs    map[string]req // by ID
	imports []*imp
	others  map[isms.Kind]int // counts of the kinds the soak does not change
}

func (m *model) clone() *model {
	c := &model{reqs: map[string]req{}, others: m.others}
	for k, v := range m.reqs {
		c.reqs[k] = v
	}
	for _, i := range m.imports {
		j := *i
		c.imports = append(c.imports, &j)
	}
	return c
}

// refused reports whether the revert of in must be refused: a record it wrote that is
// still there differs from what it wrote (a later revert that put it back is no change).
func (m *model) refused(in *imp) bool {
	for id, w := range in.wrote {
		if r, ok := m.reqs[id]; ok && r.Version != w.Version && (r.Ref != w.Ref || r.Title != w.Title || r.Status != w.Status) {
			return true
		}
	}
	return false
}

var statuses = []string{isms.ComplianceNotAssessed, isms.ComplianceCompliant, isms.CompliancePartial, isms.ComplianceNonCompliant}

// TestSoak runs random creates, updates, deletes, imports, reverts, backups and restores
// against a data folder and an in-memory model of it, and after every step checks the
// invariants: the count of every kind, every requirement equal to the model, and the
// history verifying. `go test -run TestSoak -soak 60s ./backend/soak` (scripts/soak.sh)
// runs it for a minute; without -soak it takes 60 steps.
func TestSoak(t *testing.T) {
	seedV := *soakSeed
	if seedV == 0 {
		seedV = time.Now().UnixNano()
	}
	rng := rand.New(rand.NewSource(seedV))
	t.Logf("seed %d (rerun with SOAK_SEED=%d scripts/soak.sh)", seedV, seedV)
	dir := filepath.Join(t.TempDir(), "data")
	work := t.TempDir()
	clock := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { clock = clock.Add(time.Second); return clock }
	open := func() *store.DB {
		db, err := store.Open(dir, store.Options{Clock: now})
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	db := open()
	defer func() { db.Close() }()
	if err := db.Update(func(tx *store.Tx) error { return seed.FirstRun(tx, isms.DateOf(now())) }); err != nil {
		t.Fatal(err)
	}
	m := &model{reqs: map[string]req{}, others: map[isms.Kind]int{}}
	if err := db.View(func(tx *store.Tx) error {
		for _, k := range isms.Kinds() {
			n, err := tx.Count(k)
			if err != nil {
				return err
			}
			if k == isms.KindRequirement {
				recs, err := tx.List(k)
				if err != nil {
					return err
				}
				for _, r := range recs {
					q := r.(*isms.Requirement)
					m.reqs[q.ID] = req{q.Ref, q.Title, q.Status, q.Version}
				}
				continue
			}
			m.others[k] = n
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	next := 0
	newRef := func() string { next++; return fmt.Sprintf("SK-%05d", next) }
	pick := func() (string, req, bool) {
		if len(m.reqs) == 0 {
			return "", req{}, false
		}
		ids := make([]string, 0, len(m.reqs))
		for id := range m.reqs {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		id := ids[rng.Intn(len(ids))]
		return id, m.reqs[id], true
	}
	var backup struct {
		file  string
		model *model
	}
	ops := []struct {
		name   string
		weight int
		run    func() error
	}{
		{"create", 30, func() error {
			r := &isms.Requirement{Ref: newRef(), Title: fmt.Sprintf("Soak %d", rng.Int()), Applicable: true, SourceType: isms.SourceBusiness, Status: statuses[rng.Intn(len(statuses))]}
			if err := db.Update(func(tx *store.Tx) error { return tx.Create(r, "soak") }); err != nil {
				return err
			}
			m.reqs[r.ID] = req{r.Ref, r.Title, r.Status, 1}
			return nil
		}},
		{"update", 25, func() error {
			id, _, ok := pick()
			if !ok {
				return nil
			}
			var r *isms.Requirement
			err := db.Update(func(tx *store.Tx) error {
				var err error
				if r, err = store.GetAs[*isms.Requirement](tx, isms.KindRequirement, id); err != nil {
					return err
				}
				r.Title = fmt.Sprintf("Changed %d", rng.Int())
				r.Status = statuses[rng.Intn(len(statuses))]
				return tx.Put(r, "soak")
			})
			if err != nil {
				return err
			}
			m.reqs[id] = req{r.Ref, r.Title, r.Status, m.reqs[id].Version + 1}
			return nil
		}},
		{"delete", 12, func() error {
			id, _, ok := pick()
			if !ok {
				return nil
			}
			err := db.Update(func(tx *store.Tx) error {
				r, err := tx.Get(isms.KindRequirement, id)
				if err != nil {
					return err
				}
				return tx.Delete(isms.KindRequirement, id, r.Base().Version, "soak")
			})
			if err != nil {
				return err
			}
			delete(m.reqs, id)
			return nil
		}},
		{"import", 10, func() error {
			// New rows, and rows that update stored requirements by their ref.
			byRef := map[string]string{}
			for id, r := range m.reqs {
				byRef[r.Ref] = id
			}
			var b strings.Builder
			b.WriteString("Reference,Title,Status\n")
			type row struct{ ref, title, status string }
			var rows []row
			seen := map[string]bool{}
			for i := 0; i < 1+rng.Intn(20); i++ {
				r := row{newRef(), fmt.Sprintf("Imported %d", rng.Int()), statuses[rng.Intn(len(statuses))]}
				if _, q, ok := pick(); ok && rng.Intn(3) == 0 && !seen[q.Ref] {
					r.ref = q.Ref
				}
				seen[r.ref] = true
				rows = append(rows, r)
				fmt.Fprintf(&b, "%s,%s,%s\n", r.ref, r.title, isms.ComplianceStatuses.Label(r.status))
			}
			file := filepath.Join(work, fmt.Sprintf("import-%d.csv", next))
			if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
				return err
			}
			ctx := context.Background()
			p, err := importer.Prepare(ctx, db, importer.Request{Kind: xlsx.KindRequirements, File: file})
			if err != nil {
				return err
			}
			res, err := importer.Commit(ctx, db, p, now(), nil)
			if err != nil {
				return err
			}
			in := &imp{id: res.Log.ID, before: map[string]req{}, wrote: map[string]req{}}
			var created []string
			for _, r := range rows {
				if id, ok := byRef[r.ref]; ok {
					old := m.reqs[id]
					if old.Title == r.title && old.Status == r.status {
						continue
					}
					in.before[id] = old
					m.reqs[id] = req{r.ref, r.title, r.status, old.Version + 1}
					in.wrote[id] = m.reqs[id]
					continue
				}
				created = append(created, r.ref)
			}
			err = db.View(func(tx *store.Tx) error {
				recs, err := tx.List(isms.KindRequirement)
				for _, rec := range recs {
					q := rec.(*isms.Requirement)
					for _, ref := range created {
						if q.Ref == ref {
							in.created = append(in.created, q.ID)
							m.reqs[q.ID] = req{q.Ref, q.Title, q.Status, 1}
							in.wrote[q.ID] = m.reqs[q.ID]
						}
					}
				}
				return err
			})
			m.imports = append(m.imports, in)
			return err
		}},
		{"revert", 8, func() error {
			var in *imp
			for _, i := range m.imports {
				if !i.reverted && (in == nil || rng.Intn(2) == 0) {
					in = i
				}
			}
			if in == nil {
				return nil
			}
			_, err := importer.Revert(context.Background(), db, in.id, now())
			if m.refused(in) {
				if err == nil {
					return fmt.Errorf("the revert of an import whose records changed since was not refused")
				}
				return nil
			}
			if err != nil {
				return fmt.Errorf("revert: %w", err)
			}
			in.reverted = true
			for _, id := range in.created {
				delete(m.reqs, id)
			}
			for id, old := range in.before {
				if cur, ok := m.reqs[id]; ok { // one deleted since stays deleted
					old.Version = cur.Version + 1
					m.reqs[id] = old
				}
			}
			return nil
		}},
		{"backup", 5, func() error {
			file := filepath.Join(work, "soak.ismsbackup")
			f, err := os.Create(file)
			if err != nil {
				return err
			}
			defer f.Close()
			if _, err := db.WriteBackup(f); err != nil {
				return err
			}
			backup.file, backup.model = file, m.clone()
			return f.Close()
		}},
		{"restore", 4, func() error {
			if backup.model == nil {
				return nil
			}
			if err := db.Close(); err != nil {
				return err
			}
			f, err := os.Open(backup.file)
			if err != nil {
				return err
			}
			defer f.Close()
			if _, err := store.RestoreFrom(dir, f, store.RestoreOptions{Force: true}, store.Options{Clock: now}); err != nil {
				db = open()
				return err
			}
			db = open()
			m = backup.model.clone()
			return nil
		}},
	}
	total := 0
	for _, o := range ops {
		total += o.weight
	}
	counts := map[string]int{}
	checks := 0
	deadline := time.Now().Add(*soakFor)
	for step := 0; ; step++ {
		if *soakFor == 0 && step == 60 || *soakFor > 0 && time.Now().After(deadline) {
			break
		}
		w := rng.Intn(total)
		i := 0
		for w >= ops[i].weight {
			w -= ops[i].weight
			i++
		}
		if err := ops[i].run(); err != nil {
			t.Fatalf("step %d, %s: %v", step, ops[i].name, err)
		}
		counts[ops[i].name]++
		if err := check(db, m); err != nil {
			t.Fatalf("step %d, after %s: %v", step, ops[i].name, err)
		}
		checks++
	}
	var parts []string
	for _, o := range ops {
		parts = append(parts, fmt.Sprintf("%d %s", counts[o.name], o.name))
	}
	fmt.Printf("soak: %d steps (%s), invariants held after %d of %d; %d requirements at the end\n",
		checks, strings.Join(parts, ", "), checks, checks, len(m.reqs))
}

// check compares the data folder with the model: the count of every kind, every
// requirement's ref, title, status and version, and the history chain.
func check(db *store.DB, m *model) error {
	err := db.View(func(tx *store.Tx) error {
		for _, k := range isms.Kinds() {
			n, err := tx.Count(k)
			if err != nil {
				return err
			}
			want := m.others[k]
			if k == isms.KindRequirement {
				want = len(m.reqs)
			}
			if n != want {
				return fmt.Errorf("%d %s, the model has %d", n, k.Plural(), want)
			}
		}
		recs, err := tx.List(isms.KindRequirement)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			q := rec.(*isms.Requirement)
			if got, want := (req{q.Ref, q.Title, q.Status, q.Version}), m.reqs[q.ID]; got != want {
				return fmt.Errorf("requirement %s is %+v, the model has %+v", q.ID, got, want)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = db.VerifyHistory()
	return err
}
