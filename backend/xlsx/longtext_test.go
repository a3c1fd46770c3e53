package xlsx

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFitCell(t *testing.T) {
	fits := strings.Repeat("a", MaxCellChars)
	if FitCell(fits) != fits || Continued(fits) {
		t.Error("a text of 32,767 characters should be kept whole")
	}
	for _, s := range []string{
		strings.Repeat("a", MaxCellChars+1),
		strings.Repeat("word ", 10000),
		strings.Repeat("é", 40000),
		strings.Repeat("🔒", 20000), // 20,000 characters, 40,000 UTF-16 units
	} {
		got := FitCell(s)
		if got == s || !Continued(got) {
			t.Fatalf("a text of %d characters was not cut with the mark", utf8.RuneCountInString(s))
		}
		if u := cellUnits(got); u > MaxCellChars || u < MaxCellChars-250 {
			t.Errorf("cut to %d UTF-16 units, want at most %d and near it", u, MaxCellChars)
		}
		want := "… [text continues in ISMS Desk: " + thousands(int64(utf8.RuneCountInString(s))) + " characters]"
		if !strings.HasSuffix(got, want) || ContinuedMark(got) != want {
			t.Errorf("mark %q, want %q", ContinuedMark(got), want)
		}
		if !strings.HasPrefix(s, strings.TrimSuffix(got, " "+want)) || !utf8.ValidString(got) {
			t.Error("the cell does not start with the text")
		}
	}
	for _, s := range []string{"", "short", "… [text continues in ISMS Desk: 40,000 characters] and then more", "[text continues in ISMS Desk: many characters]"} {
		if Continued(s) {
			t.Errorf("%q read as a cut text", s)
		}
	}
	if !Continued("Start … [text continues in ISMS Desk: 40,000 characters]  \n") {
		t.Error("trailing blanks after the mark")
	}
}
