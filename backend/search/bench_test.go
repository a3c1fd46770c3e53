package search

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/isms/ismstest"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// benchRecords is the size of the benchmark's database.
const benchRecords = 100_000

// maxQuery is the budget of one search at benchRecords.
const maxQuery = 50 * time.Millisecond

// text makes sentences from a vocabulary with a Zipf distribution, as real text has: a
// few words very common, most rare.
type text struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

var common = strings.Fields(`the of and to a in is for be are with on that by this as or at
from all access control security information risk policy data backup review management
supplier asset incident user password network system process audit staff training
laptop encryption server cloud service contract legal requirement evidence record log
monitoring change report approval owner document annual quarterly monthly customer
personal privacy breach vulnerability patch update firewall email phishing awareness
continuity recovery test plan objective measure target nonconformity corrective action
improvement interested party issue internal external scope leadership résumé Überprüfung
évaluation sécurité Datenschutz Lieferant`)

func newText(seed uint64) *text {
	r := rand.New(rand.NewPCG(seed, 7))
	vocab := append([]string(nil), common...)
	syll := strings.Fields("ka ri to ne mu sa lo vi de pa ru ti xo ze ba fi go he ju qu wy")
	for len(vocab) < 30_000 { // rare words: names, products, jargon
		n := 2 + r.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		vocab = append(vocab, b.String())
	}
	return &text{r: r, zipf: rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1)), vocab: vocab}
}

func (t *text) words(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := t.vocab[t.zipf.Uint64()]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		if i%14 == 13 {
			b.WriteByte('.')
		}
	}
	return b.String()
}

func (t *text) span(lo, hi int) string { return t.words(lo + t.r.IntN(hi-lo+1)) }

// benchRecord returns the i-th record of the benchmark's mix of kinds: mostly registers
// with short texts (risks, requirements, actions, assets, feedback, people), and some
// long ones (policies with versions, audits with checklists, reviews with minutes).
func benchRecord(t *text, i int) isms.Record {
	var rec isms.Record
	switch i % 20 {
	case 0, 1, 2, 3:
		r := ismstest.Valid(isms.KindRisk).(*isms.Risk)
		r.Ref, r.Title = fmt.Sprintf("R-%06d", i), t.span(3, 8)
		r.Description, r.Threat, r.Vulnerability, r.TreatmentPlan = t.span(20, 80), t.span(2, 6), t.span(2, 6), t.span(10, 40)
		rec = r
	case 4, 5, 6:
		r := ismstest.Valid(isms.KindRequirement).(*isms.Requirement)
		r.Ref, r.Title, r.Text, r.Source, r.Notes = fmt.Sprintf("REQ-%06d", i), t.span(3, 8), t.span(30, 120), t.span(1, 3), t.span(0, 30)
		rec = r
	case 7, 8, 9:
		r := ismstest.Valid(isms.KindAction).(*isms.Action)
		r.Ref, r.Title, r.Description, r.Notes = fmt.Sprintf("ACT-%06d", i), t.span(3, 8), t.span(10, 50), t.span(0, 20)
		rec = r
	case 10, 11:
		r := ismstest.Valid(isms.KindAsset).(*isms.Asset)
		r.Ref, r.Name, r.Location, r.Description = fmt.Sprintf("AST-%06d", i), t.span(2, 5), t.span(1, 3), t.span(10, 40)
		rec = r
	case 12, 13:
		r := ismstest.Valid(isms.KindFeedback).(*isms.Feedback)
		r.From, r.Text, r.Response = t.span(1, 3), t.span(15, 60), t.span(0, 30)
		rec = r
	case 14:
		r := ismstest.Valid(isms.KindPerson).(*isms.Person)
		r.Name, r.Email, r.Department, r.JobTitle = t.span(2, 3), fmt.Sprintf("p%d@example.com", i), t.span(1, 2), t.span(1, 3)
		rec = r
	case 15, 16:
		r := ismstest.Valid(isms.KindNonconformity).(*isms.Nonconformity)
		r.Ref, r.Title, r.Description, r.RootCause, r.Correction = fmt.Sprintf("NC-%06d", i), t.span(3, 8), t.span(20, 60), t.span(10, 40), t.span(5, 20)
		rec = r
	case 17:
		if i%100 == 17 { // 1 %: policies, each with three versions of a few pages
			r := policy(fmt.Sprintf("POL-%06d", i), t.span(2, 5), "")
			r.Versions = nil
			for v := range 3 {
				r.Versions = append(r.Versions, isms.PolicyVersion{Number: fmt.Sprintf("1.%d", v), Summary: t.span(3, 10),
					Text: t.span(800, 2000), Status: isms.PolicyRetired, CreatedOn: ismstest.Day})
			}
			r.Versions[2].Status = isms.PolicyDraft
			rec = r
			break
		}
		r := ismstest.Valid(isms.KindControl).(*isms.Control)
		r.Ref, r.Title, r.Description, r.Justification, r.ImplementationPlan = fmt.Sprintf("C-%06d", i), t.span(3, 8), t.span(20, 60), t.span(5, 20), t.span(10, 40)
		r.Custom = true
		rec = r
	case 18:
		r := ismstest.Valid(isms.KindAudit).(*isms.Audit)
		r.Ref, r.Title, r.Scope, r.Conclusion = fmt.Sprintf("IA-%06d", i), t.span(3, 6), t.span(10, 30), t.span(20, 60)
		for range 3 + t.r.IntN(10) {
			r.Checklist = append(r.Checklist, isms.ChecklistItem{Ref: "A.5.1", Question: t.span(8, 20), Evidence: t.span(5, 30),
				Result: isms.ChecklistResults[0].Value})
		}
		rec = r
	default:
		r := ismstest.Valid(isms.KindReview).(*isms.Review)
		r.Ref, r.Title, r.Minutes = fmt.Sprintf("MR-%06d", i), t.span(3, 6), t.span(100, 400)
		for _, topic := range isms.ReviewInputs[:4] {
			r.Inputs = append(r.Inputs, isms.ReviewInput{Topic: topic.Value, Summary: t.span(10, 40), Minutes: t.span(20, 80)})
			r.Decisions = append(r.Decisions, isms.Decision{Text: t.span(8, 20)})
		}
		rec = r
	}
	rec.Base().ID = fmt.Sprintf("id-%07d", i)
	return rec
}

var (
	benchOnce  sync.Once
	benchIx    *Index
	benchBuilt time.Duration
	benchWords int
)

// benchIndex builds (once) the index of benchRecords records.
func benchIndex() *Index {
	benchOnce.Do(func() {
		t := newText(1)
		recs := make([]isms.Record, benchRecords)
		for i := range recs {
			recs[i] = benchRecord(t, i)
		}
		start := time.Now()
		benchIx = New(Options{Enums: testEnums})
		for _, r := range recs {
			benchIx.Add(r)
		}
		benchIx.Search("warm") // sorts the vocabulary
		benchBuilt = time.Since(start)
		benchWords = len(benchIx.terms)
		recs = nil
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Printf("search: indexed %d records (%d distinct words) in %v; heap %d MiB\n",
			benchIx.Len(), benchWords, benchBuilt.Round(time.Millisecond), m.HeapAlloc>>20)
	})
	return benchIx
}

// BenchmarkSearch measures one search over benchRecords records; it fails above maxQuery.
func BenchmarkSearch(b *testing.B) {
	ix := benchIndex()
	for _, c := range []struct{ name, query string }{
		{"one word", "backup"},
		{"one word typed", "backu"},
		{"two words", "access review"},
		{"two words typed", "supplier evalu"},
		{"rare word", "kariton"},
		{"one letter", "s"},
		{"two letters", "co"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				n = len(ix.Search(c.query))
			}
			per := b.Elapsed() / time.Duration(b.N)
			fmt.Printf("search: %-16q %3d results in %v per query (%d records)\n", c.query, n, per.Round(time.Microsecond), benchRecords)
			if per > maxQuery {
				b.Fatalf("%q took %v per query, over %v", c.query, per, maxQuery)
			}
		})
	}
}

// BenchmarkOpen measures building the index from a real store (Badger) at open, as the
// window does in the background, at benchRecords records.
func BenchmarkOpen(b *testing.B) {
	const n = benchRecords
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	t := newText(2)
	err = db.Batch(func(bt *store.Batch) error {
		for i := range n {
			rec := benchRecord(t, i)
			rec.Base().ID = ""
			if err := bt.Do(func(tx *store.Tx) error { return tx.Create(rec, "bench") }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		l := Open(db, Options{Enums: testEnums})
		if err := l.Wait(); err != nil {
			b.Fatal(err)
		}
		recs, took := l.Stats()
		fmt.Printf("search: built from the store: %d records in %v\n", recs, took.Round(time.Millisecond))
	}
}
