// Package search is the global search of ISMS Desk: an in-memory inverted index over the
// text of every record of every kind, kept in step with the store (see Live), answering a
// query in well under 50 ms at 100,000 records.
//
// Words are lower-cased and their accents folded ("Évaluation" finds "evaluation"); a
// compound ("A.5.1", "REQ-001") is a word and so are its parts. Every word of a query must
// occur in a record; the last one, while it is being typed, also matches as a prefix.
// Results are ranked: a match in the reference or title first, then an exact word, then a
// prefix; at most 50, grouped by kind.
//
// The text of a record is found generically, by reflection over its Go type: every string
// (and list of strings) at any depth, in nested structs and lists of structs (policy
// versions, checklist items, review inputs and decisions, survey questions), except IDs
// (fields named id, …Id, …Ids), dates (isms.Date, time.Time), kinds, hashes, numbers,
// booleans, the frozen copy of other records in a review's snapshot, and enum codes (a
// value equal to one of Options.Enums' values, such as "in_review").
package search

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Limit is the most results a search returns.
const Limit = 50

// SnippetLen is the longest snippet, in characters, ellipses included.
const SnippetLen = 160

// maxQueryWords bounds the words of a query that are searched.
const maxQueryWords = 8

// Result is one record found.
type Result struct {
	Kind      isms.Kind `json:"kind"`      // the record's kind
	KindLabel string    `json:"kindLabel"` // the kind's name for people, e.g. "Policies"
	ID        string    `json:"id"`
	Ref       string    `json:"ref"`     // "" when the kind has none
	Title     string    `json:"title"`   // the record's one-line label
	Field     string    `json:"field"`   // the field that matched, for people, e.g. "Policy text (version 1.1)"
	Snippet   string    `json:"snippet"` // the matching part of that field, at most SnippetLen characters
}

// Options configure an Index.
type Options struct {
	// Enums are the enums the forms offer, by name (RecordService.Enums): a text value
	// equal to one of their values ("in_review", "high") is a code, not words, and is not
	// indexed.
	Enums map[string][]isms.Option
}

// field is one text of a record, labelled for people.
type field struct {
	label string
	text  string
}

// doc is one indexed record. fields[:top] are its ref and title.
type doc struct {
	kind       isms.Kind
	id         string
	ref, title string
	fields     []field
	top        int
	live       bool
}

type docKey struct {
	kind isms.Kind
	id   string
}

// Index is an inverted index of records' text. It is safe for concurrent use.
type Index struct {
	mu     sync.Mutex
	enums  map[string]string // enum value -> its label
	labels map[string]string // interned field labels
	docs   []doc
	byKey  map[docKey]uint32
	dead   int // docs replaced or removed, still in post

	ids   map[string]uint32 // word -> its term number
	terms []string          // term number -> word
	// post holds, by term number, the docs holding the word, in doc order: doc<<1, | 1
	// when the word is in the doc's ref or title.
	post  [][]uint32
	last  []uint32 // by term number: 1 + the doc of its last posting
	vocab []uint32 // every term number, sorted by word, for prefix matching
	fresh []uint32 // terms added since vocab was sorted

	buf  []byte
	toks []token
}

// New returns an empty index.
func New(opt Options) *Index {
	ix := &Index{
		enums:  map[string]string{},
		labels: map[string]string{},
		byKey:  map[docKey]uint32{},
		ids:    map[string]uint32{},
	}
	for _, opts := range opt.Enums {
		for _, o := range opts {
			if isCode(o.Value) {
				ix.enums[o.Value] = o.Label
			}
		}
	}
	return ix
}

// isCode reports whether s looks like an enum value: lower-case letters, digits and "_".
func isCode(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Len returns the number of records indexed.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.byKey)
}

// Add indexes rec, replacing what was indexed for it before.
func (ix *Index) Add(rec isms.Record) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	d := ix.extract(rec)
	ix.remove(d.kind, d.id)
	n := uint32(len(ix.docs))
	ix.docs = append(ix.docs, d)
	ix.byKey[docKey{d.kind, d.id}] = n
	ix.index(n)
}

// Remove drops the record of kind with id from the index.
func (ix *Index) Remove(kind isms.Kind, id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(kind, id)
}

func (ix *Index) remove(kind isms.Kind, id string) {
	n, ok := ix.byKey[docKey{kind, id}]
	if !ok {
		return
	}
	delete(ix.byKey, docKey{kind, id})
	ix.docs[n] = doc{}
	ix.dead++
	if ix.dead > 10000 && ix.dead > len(ix.byKey) {
		ix.compact()
	}
}

// index adds doc n's words to post. Its ref and title come first, so a word's first
// posting for the doc says whether it is in them.
func (ix *Index) index(n uint32) {
	d := &ix.docs[n]
	top := false
	add := func(_, _ int, w []byte, _ bool) {
		id, ok := ix.ids[string(w)]
		if !ok {
			id = uint32(len(ix.terms))
			t := string(w)
			ix.ids[t] = id
			ix.terms = append(ix.terms, t)
			ix.post = append(ix.post, nil)
			ix.last = append(ix.last, 0)
			ix.fresh = append(ix.fresh, id)
		}
		if ix.last[id] == n+1 {
			return
		}
		ix.last[id] = n + 1
		p := n << 1
		if top {
			p |= 1
		}
		ix.post[id] = append(ix.post[id], p)
	}
	for i, f := range d.fields {
		top = i < d.top
		eachToken(f.text, &ix.buf, add)
	}
}

// compact renumbers the live docs and rebuilds post without the dead ones.
func (ix *Index) compact() {
	old := ix.docs
	ix.docs = make([]doc, 0, len(ix.byKey))
	ix.ids, ix.terms, ix.post, ix.last = map[string]uint32{}, nil, nil, nil
	ix.vocab, ix.fresh = nil, nil
	ix.dead = 0
	for _, d := range old {
		if !d.live {
			continue
		}
		n := uint32(len(ix.docs))
		ix.docs = append(ix.docs, d)
		ix.byKey[docKey{d.kind, d.id}] = n
		ix.index(n)
	}
}

// sortVocab merges the fresh terms into the sorted vocabulary.
func (ix *Index) sortVocab() {
	if len(ix.fresh) == 0 {
		return
	}
	word := func(a, b uint32) int { return strings.Compare(ix.terms[a], ix.terms[b]) }
	slices.SortFunc(ix.fresh, word)
	merged := make([]uint32, 0, len(ix.vocab)+len(ix.fresh))
	i, j := 0, 0
	for i < len(ix.vocab) || j < len(ix.fresh) {
		switch {
		case j == len(ix.fresh) || i < len(ix.vocab) && word(ix.vocab[i], ix.fresh[j]) < 0:
			merged = append(merged, ix.vocab[i])
			i++
		default:
			merged = append(merged, ix.fresh[j])
			j++
		}
	}
	ix.vocab, ix.fresh = merged, nil
}

// Search returns the records matching every word of query, best first and grouped by
// kind, at most Limit.
func (ix *Index) Search(query string) []Result {
	words, typing := queryWords(query)
	if len(words) == 0 {
		return nil
	}
	if len(words) > maxQueryWords {
		words = words[:maxQueryWords]
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.sortVocab()
	top := ix.rank(words, typing)
	out := make([]Result, 0, len(top))
	for _, n := range top {
		d := &ix.docs[n]
		label, snip := ix.snippet(d, words, typing)
		out = append(out, Result{Kind: d.kind, KindLabel: d.kind.Label(), ID: d.id, Ref: d.ref, Title: d.title,
			Field: label, Snippet: snip})
	}
	// Group by kind, the groups in the order of their best result.
	first := map[isms.Kind]int{}
	for i, r := range out {
		if _, ok := first[r.Kind]; !ok {
			first[r.Kind] = i
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return first[out[i].Kind] < first[out[j].Kind] })
	return out
}

// Word scores: a match in the ref or title outranks an exact word, which outranks a prefix.
const (
	scorePrefix = 1
	scoreExact  = 2
	scoreTop    = 4
)

// rank returns the docs holding every word (the last one also as a prefix when typing),
// best first, at most Limit.
func (ix *Index) rank(words []string, typing bool) []uint32 {
	n := len(ix.docs)
	stage := make([]uint8, n) // how many words the doc matched so far
	best := make([]uint8, n)  // the doc's best score for the current word
	total := make([]uint16, n)
	var cand []uint32
	for wi, w := range words {
		var next []uint32
		visit := func(list []uint32, exact bool) {
			for _, p := range list {
				d := p >> 1
				s := uint8(scorePrefix)
				if exact {
					s = scoreExact
				}
				if p&1 != 0 {
					s += scoreTop
				}
				switch stage[d] {
				case uint8(wi):
					if !ix.docs[d].live {
						continue
					}
					stage[d], best[d] = uint8(wi+1), s
					next = append(next, d)
				case uint8(wi + 1):
					best[d] = max(best[d], s)
				}
			}
		}
		if id, ok := ix.ids[w]; ok {
			visit(ix.post[id], true)
		}
		if typing && wi == len(words)-1 {
			j := sort.Search(len(ix.vocab), func(j int) bool { return ix.terms[ix.vocab[j]] >= w })
			for ; j < len(ix.vocab) && strings.HasPrefix(ix.terms[ix.vocab[j]], w); j++ {
				if ix.terms[ix.vocab[j]] != w {
					visit(ix.post[ix.vocab[j]], false)
				}
			}
		}
		for _, d := range next {
			total[d] += uint16(best[d])
		}
		cand = next
		if len(cand) == 0 {
			return nil
		}
	}
	better := func(a, b uint32) bool { return total[a] > total[b] || total[a] == total[b] && a < b }
	top := make([]uint32, 0, Limit)
	for _, d := range cand {
		if len(top) == Limit && !better(d, top[Limit-1]) {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return better(d, top[i]) })
		if len(top) < Limit {
			top = append(top, 0)
		}
		copy(top[i+1:], top[i:len(top)-1])
		top[i] = d
	}
	return top
}

// snippet returns the label of d's field that matches the most words (the ref or title
// on a tie) and the part of it around the first match.
func (ix *Index) snippet(d *doc, words []string, typing bool) (string, string) {
	bestField, bestCount, bestAt := -1, 0, [2]int{}
	for i, f := range d.fields {
		found := make([]bool, len(words))
		count, at := 0, [2]int{-1, -1}
		ix.toks = tokens(f.text, ix.toks[:0])
		for _, t := range ix.toks {
			for wi, w := range words {
				if found[wi] || !(t.norm == w || typing && wi == len(words)-1 && strings.HasPrefix(t.norm, w)) {
					continue
				}
				found[wi] = true
				count++
				if at[0] < 0 {
					at = [2]int{t.start, t.end}
				}
			}
			if count == len(words) {
				break
			}
		}
		if count > bestCount {
			bestField, bestCount, bestAt = i, count, at
		}
		if count == len(words) {
			break
		}
	}
	if bestField < 0 {
		return "", ""
	}
	f := d.fields[bestField]
	return f.label, cut(f.text, bestAt[0], bestAt[1])
}

// cut returns at most SnippetLen characters of s around the bytes [from, to), whitespace
// collapsed, with "…" where it was cut.
func cut(s string, from, to int) string {
	if utf8.RuneCountInString(s) <= SnippetLen {
		return strings.Join(strings.Fields(s), " ")
	}
	const room = SnippetLen - 2 // for the ellipses
	start := back(s, from, 40)  // a few words before the match
	end := forward(s, start, room)
	if end == len(s) { // the match is near the end: fill the snippet from the end
		start = back(s, len(s), room)
	}
	if start > 0 {
		if i := strings.IndexFunc(s[start:from], unicode.IsSpace); i >= 0 {
			start += i + 1
		}
	}
	if end < len(s) && end > to {
		if i := strings.LastIndexFunc(s[to:end], unicode.IsSpace); i >= 0 {
			end = to + i
		}
	}
	out := strings.Join(strings.Fields(s[start:end]), " ")
	if start > 0 {
		out = "…" + out
	}
	if end < len(s) {
		out += "…"
	}
	return out
}

// back returns the byte offset n characters before i in s (0 at the most).
func back(s string, i, n int) int {
	for ; i > 0 && n > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// forward returns the byte offset n characters after i in s (len(s) at the most).
func forward(s string, i, n int) int {
	for ; i < len(s) && n > 0; n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

var (
	metaType   = reflect.TypeFor[isms.Meta]()
	stringType = reflect.TypeFor[string]()
	timeType   = reflect.TypeFor[time.Time]()
)

// extract collects rec's text fields: its ref and title first, then every other text.
func (ix *Index) extract(rec isms.Record) doc {
	t := rec.Terms()
	d := doc{kind: rec.Kind(), id: rec.Base().ID, ref: t.Ref, title: t.Title, live: true}
	refLabel, titleLabel := "Reference", "Title"
	var rest []field
	v := reflect.ValueOf(rec)
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	ix.walk(v, "", "", func(path, label, text string) {
		if !strings.Contains(path, ".") { // a top-level field holding the ref or the title names it
			switch text {
			case t.Ref:
				refLabel = label
				return
			case t.Title:
				titleLabel = label
				return
			}
		}
		rest = append(rest, field{label, text})
	})
	if strings.TrimSpace(t.Ref) != "" {
		d.fields = append(d.fields, field{ix.intern(refLabel), t.Ref})
	}
	if strings.TrimSpace(t.Title) != "" {
		d.fields = append(d.fields, field{ix.intern(titleLabel), t.Title})
	}
	d.top = len(d.fields)
	d.fields = append(d.fields, rest...)
	return d
}

// walk calls fn with every text of the struct v: its path of JSON names, its label and
// its value. suffix is added to the labels of an element of a list ("(version 1.1)").
func (ix *Index) walk(v reflect.Value, path, suffix string, fn func(path, label, text string)) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() || sf.Type == metaType {
			continue
		}
		fv := v.Field(i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			ix.walk(fv, path, suffix, fn)
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if skipName(name) {
			continue
		}
		p := name
		if path != "" {
			p = path + "." + name
		}
		text := func(s string) {
			if strings.TrimSpace(s) == "" {
				return
			}
			if _, code := ix.enums[s]; code {
				return
			}
			fn(p, ix.label(p, suffix), s)
		}
		ft := sf.Type
		switch {
		case ft == stringType:
			text(fv.String())
		case ft.Kind() == reflect.Slice && ft.Elem() == stringType:
			for j := 0; j < fv.Len(); j++ {
				text(fv.Index(j).String())
			}
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			for j := 0; j < fv.Len(); j++ {
				el := fv.Index(j)
				ix.walk(el, p, ix.elementName(el), fn)
			}
		case ft.Kind() == reflect.Struct && ft != timeType:
			ix.walk(fv, p, suffix, fn)
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct && ft.Elem() != timeType:
			if !fv.IsNil() {
				ix.walk(fv.Elem(), p, suffix, fn)
			}
		}
	}
}

// skipName reports whether a field holds no words: IDs, hashes, media types, and the
// frozen copy of other records a management review keeps (its snapshot).
func skipName(name string) bool {
	l := strings.ToLower(name)
	return l == "id" || strings.HasSuffix(name, "Id") || strings.HasSuffix(name, "Ids") ||
		strings.HasSuffix(name, "ID") || strings.HasSuffix(name, "IDs") ||
		strings.Contains(l, "sha256") || l == "mediatype" || l == "snapshot"
}

// elementName names an element of a list in its fields' labels: a policy version by its
// number, a checklist item by its clause or control, a review input by its topic.
func (ix *Index) elementName(el reflect.Value) string {
	get := func(name string) string {
		for i := 0; i < el.NumField(); i++ {
			sf := el.Type().Field(i)
			if n, _, _ := strings.Cut(sf.Tag.Get("json"), ","); n == name && sf.Type == stringType {
				return strings.TrimSpace(el.Field(i).String())
			}
		}
		return ""
	}
	if n := get("number"); n != "" {
		return "version " + n
	}
	if r := get("ref"); r != "" {
		return r
	}
	if t := get("topic"); t != "" {
		if l, ok := ix.enums[t]; ok {
			return l
		}
		return t
	}
	return ""
}

// labels for people of the fields whose generic label would read badly, by JSON path.
var fieldLabels = map[string]string{
	"ref":                "Reference",
	"url":                "Web address",
	"versions.text":      "Policy text",
	"versions.summary":   "Version summary",
	"checklist.question": "Checklist question",
	"checklist.evidence": "Checklist evidence notes",
	"checklist.ref":      "Checklist clause or control",
	"checklist.title":    "Checklist item",
	"inputs.summary":     "Review input",
	"inputs.minutes":     "Review input minutes",
	"decisions.text":     "Decision",
	"questions.text":     "Survey question",
	"questions.result":   "Survey answers",
	"reviews.note":       "Policy review note",
	"approvals.comment":  "Approval comment",
	"approvals.role":     "Approver role",
	"signOff.ref":        "Sign-off reference",
	"tasks.title":        "Task",
}

// label returns the interned label of the field at path, e.g. "Treatment plan",
// "Checklist question (A.5.15)".
func (ix *Index) label(path, suffix string) string {
	key := path + "\x00" + suffix
	if l, ok := ix.labels[key]; ok {
		return l
	}
	l, ok := fieldLabels[path]
	if !ok {
		parts := strings.Split(path, ".")
		for i, p := range parts {
			w := words(p)
			if i < len(parts)-1 {
				w = singular(w)
			}
			if i > 0 {
				w = strings.ToLower(w)
			}
			parts[i] = w
		}
		l = strings.Join(parts, " ")
	}
	if suffix != "" {
		l += " (" + suffix + ")"
	}
	ix.labels[key] = l
	return l
}

func (ix *Index) intern(label string) string {
	if l, ok := ix.labels[label]; ok {
		return l
	}
	ix.labels[label] = label
	return label
}

// words turns a JSON name into words: "treatmentPlan" -> "Treatment plan".
func words(name string) string {
	var b strings.Builder
	for i, r := range name {
		switch {
		case i == 0:
			b.WriteRune(unicode.ToUpper(r))
		case unicode.IsUpper(r):
			b.WriteByte(' ')
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// singular names one element of a list: "Versions" -> "Version".
func singular(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}
