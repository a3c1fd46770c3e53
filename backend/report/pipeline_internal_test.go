package report

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// memStore returns an empty in-memory database with the tests' clock.
func memStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open("", store.Options{InMemory: true, Clock: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestLoadHash: load reads every record as tx.List does and hashes them as its comment
// defines, taken here the plain way: more records than one chunk, a title that is not
// stored in its canonical form (invalid UTF-8, stored escaped) and IDs whose keys sort
// otherwise than the IDs (path escaping) included. The gap analysis is the window's.
func TestLoadHash(t *testing.T) {
	db := memStore(t)
	err := db.Batch(func(b *store.Batch) error { // more than one transaction holds
		for i := range 2*chunkSize + 7 {
			r := &isms.Requirement{Ref: fmt.Sprintf("R-%04d", i), Title: fmt.Sprintf("Requirement %d", i),
				SourceType: isms.SourceLegal, Applicable: true, Status: isms.CompliancePartial}
			if i%5 == 0 {
				r.Applicable, r.Status = false, isms.ComplianceNotApplicable
			}
			if i == 3 {
				r.Title = "Invalid \xff UTF-8 & <markup>"
			}
			if err := b.Do(func(tx *store.Tx) error { return tx.Create(r, "test") }); err != nil {
				return err
			}
		}
		for _, id := range []string{"x&", "x'", "x+"} { // "x'" is stored as x%27, before "x&"
			p := &isms.Person{Meta: isms.Meta{ID: id}, Name: "Person " + id, Active: true}
			if err := b.Do(func(tx *store.Tx) error { return tx.Create(p, "test") }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *store.Tx) error { // the cases the test is about
		var ids []string
		noncanonical := false
		for _, k := range []isms.Kind{isms.KindRequirement, isms.KindPerson} {
			if err := tx.EachRaw(k, func(raw []byte) error {
				r, err := store.DecodeRecord(k, raw)
				if err != nil {
					return err
				}
				if k == isms.KindPerson {
					ids = append(ids, r.Base().ID)
				}
				b, _ := json.Marshal(r)
				noncanonical = noncanonical || !bytes.Equal(b, raw)
				return nil
			}); err != nil {
				return err
			}
		}
		if sort.StringsAreSorted(ids) || !noncanonical {
			t.Fatalf("keys in ID order %v, a record stored otherwise than canonically %v", sort.StringsAreSorted(ids), noncanonical)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	kinds := []isms.Kind{isms.KindRequirement, isms.KindPolicy, isms.KindPerson}
	var s *snap
	var want string
	var gap overview.Gap
	err = db.View(func(tx *store.Tx) error {
		if s, err = load(tx, kinds, testNow, ""); err != nil {
			return err
		}
		h := sha256.New()
		sorted := append([]isms.Kind(nil), kinds...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
		for _, k := range sorted {
			recs, err := tx.List(k)
			if err != nil {
				return err
			}
			if got := s.recs[k]; !reflect.DeepEqual(got, recs) {
				t.Errorf("%s: load read %d records, tx.List %d, or others", k, len(got), len(recs))
			}
			sort.Slice(recs, func(i, j int) bool { return recs[i].Base().ID < recs[j].Base().ID })
			for _, r := range recs {
				b, _ := json.Marshal(r)
				h.Write([]byte(string(k) + "\n"))
				h.Write(b)
				h.Write([]byte("\n"))
			}
		}
		want = hex.EncodeToString(h.Sum(nil))
		gap, err = overview.GapAnalysis(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.hash != want {
		t.Errorf("hash %s, want %s", s.hash, want)
	}
	if s.count != 2*chunkSize+7+3 {
		t.Errorf("count %d", s.count)
	}
	if !reflect.DeepEqual(s.gap, gap) {
		t.Error("the snapshot's gap analysis is not the window's")
	}
}

// TestWriteRowsStops: a table's rows are written on another goroutine, but its error, a
// cancelled context and a panic reach the caller, and the workbook is not written.
func TestWriteRowsStops(t *testing.T) {
	rows := func(fail func(i int) error) *table {
		return &table{Cols: []column{{Name: "A"}, {Name: "B"}}, N: 10_000, Rows: func(emit func(...any) error) error {
			for i := range 10_000 {
				if err := fail(i); err != nil {
					return err
				}
				if err := emit(fmt.Sprint(i), i); err != nil {
					return err
				}
			}
			return nil
		}}
	}
	write := func(ctx context.Context, tb *table, progress func(done, total int)) (err error) {
		var buf bytes.Buffer
		err = newBook(ctx, Meta{Title: "Test", GeneratedAt: testNow}, progress).
			write([]sheet{{Name: "Rows", Table: tb}}, summary{}, &buf)
		if err == nil && buf.Len() == 0 {
			err = errors.New("nothing written")
		}
		return err
	}
	if err := write(context.Background(), rows(func(int) error { return nil }), nil); err != nil {
		t.Fatalf("the rows: %v", err)
	}

	broken := errors.New("broken")
	if err := write(context.Background(), rows(func(i int) error {
		if i == 5000 {
			return broken
		}
		return nil
	}), nil); !errors.Is(err, broken) {
		t.Errorf("the rows' error: %v", err)
	}

	short := &table{Cols: []column{{Name: "A"}, {Name: "B"}}, N: 1, Rows: func(emit func(...any) error) error { return emit("a") }}
	if err := write(context.Background(), short, nil); err == nil || !strings.Contains(err.Error(), "a row of 1 cells under 2 columns") {
		t.Errorf("a short row: %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := write(ctx, rows(func(int) error { return nil }), func(done, total int) {
		if done >= 2000 {
			cancel()
		}
	}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled while writing: %v", err)
	}

	func() {
		defer func() {
			if p := recover(); p != "row 3000" {
				t.Errorf("the rows' panic: %v, want it raised on the caller's goroutine", p)
			}
		}()
		_ = write(context.Background(), rows(func(i int) error {
			if i == 3000 {
				panic("row 3000")
			}
			return nil
		}), nil)
	}()
}

// TestZipWriter: parts deflated in blocks read back as written, whatever their size.
func TestZipWriter(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	words := []string{"<row r=\"", "\"><c r=\"A", "\" t=\"inlineStr\"><is><t>", "requirement", "</t></is></c>", "\n"}
	part := func(n int) []byte {
		var b bytes.Buffer
		for b.Len() < n {
			b.WriteString(words[rnd.IntN(len(words))])
			b.WriteByte(byte(rnd.IntN(256)))
		}
		return b.Bytes()[:n]
	}
	sizes := []int{0, 1, 1000, deflateBlock - 1, deflateBlock, deflateBlock + 1, 3*deflateBlock + 12345}
	parts := make([][]byte, len(sizes))
	var out bytes.Buffer
	zw := zipWriter(&out)
	for i, n := range sizes {
		parts[i] = part(n)
		w, err := zw.Create(fmt.Sprintf("part%d.xml", i))
		if err != nil {
			t.Fatal(err)
		}
		// written in pieces of every size, as io.Copy and excelize write them
		for p := parts[i]; len(p) > 0; {
			k := min(len(p), 1+rnd.IntN(70_000))
			if _, err := w.Write(p[:k]); err != nil {
				t.Fatal(err)
			}
			p = p[k:]
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(sizes) {
		t.Fatalf("%d parts, want %d", len(zr.File), len(sizes))
	}
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC-32 too
		rc.Close()
		if err != nil || !bytes.Equal(got, parts[i]) {
			t.Errorf("%s: %d bytes back (%v), want the %d written", f.Name, len(got), err, len(parts[i]))
		}
	}
}
