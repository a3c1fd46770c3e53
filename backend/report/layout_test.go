package report

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/seed"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

func TestTextLines(t *testing.T) {
	cases := []struct {
		text  string
		width float64
		bold  bool
		want  int
	}{
		{"", 10, false, 1},
		{"Short", 10, false, 1},
		{"Changed since last review", 11, true, 3},            // Changed / since last / review
		{"one\ntwo\nthree", 40, false, 3},                     // explicit line breaks count
		{"one\r\ntwo", 40, false, 2},                          // so do Windows ones
		{"a\n\nb", 40, false, 3},                              // an empty line is a line
		{strings.Repeat("x", 25), 10, false, 3},               // a long word breaks: 11+11+3
		{strings.Repeat("word ", 100), 20, false, 25},         // 4 words (19 characters) a line of 22
		{strings.Repeat("line\n", 1000), 20, false, maxLines}, // capped
	}
	for _, c := range cases {
		if got := textLines(c.text, c.width, c.bold); got != c.want {
			t.Errorf("textLines(%q, %v, %v) = %d, want %d", c.text, c.width, c.bold, got, c.want)
		}
	}
	if h := linesHeight(1000); h != maxRowHeight {
		t.Errorf("linesHeight(1000) = %v, want the maximum %v", h, maxRowHeight)
	}
	if h := linesHeight(3); h != 45 {
		t.Errorf("linesHeight(3) = %v, want 45", h)
	}
}

// TestHeaderWords checks that no word of a column header is wider than its column, so
// that headers wrap between words and never in the middle of one.
func TestHeaderWords(t *testing.T) {
	db, err := store.Open("", store.Options{InMemory: true, Clock: func() time.Time { return time.Date(2025, 6, 15, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Batch(func(b *store.Batch) error { return seed.Demo(b, "2025-06-15") }); err != nil {
		t.Fatal(err)
	}
	for _, sp := range specs {
		id := ""
		if sp.NeedsID {
			id = "IA-01"
		}
		var s *snap
		if err := db.View(func(tx *store.Tx) error {
			var err error
			s, err = load(tx, sp.kinds, time.Date(2025, 6, 15, 10, 0, 0, 0, time.UTC), id)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		_, _, sheets, err := sp.build(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, sh := range sheets {
			if sh.Table == nil {
				continue
			}
			for _, c := range sh.Table.Cols {
				for _, w := range strings.Fields(c.Name) {
					if float64(utf8.RuneCountInString(w)) > c.width() {
						t.Errorf("%s / %s: the header word %q is wider than the column (%v)", sp.Name, sh.Name, w, c.width())
					}
				}
			}
		}
	}
}
