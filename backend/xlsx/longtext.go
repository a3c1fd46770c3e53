package xlsx

import (
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxCellChars is the most characters an Excel cell holds (counted, as Excel does, in
// UTF-16 units: a character outside the Basic Multilingual Plane counts twice).
const MaxCellChars = 32767

// continuedMark ends a cell whose text was too long for Excel: the text's start, then
// "… [text continues in ISMS Desk: 40,120 characters]".
var continuedMark = regexp.MustCompile(`… \[text continues in ISMS Desk: [0-9][0-9,]* characters\]\s*$`)

// FitCell returns s when it fits in a cell; a longer text is cut to its start followed by
// a mark saying how long the whole text is, so that the cut is never silent and a
// re-import keeps the stored text (Continued).
func FitCell(s string) string {
	if len(s) <= MaxCellChars || cellUnits(s) <= MaxCellChars { // a byte is at most one unit
		return s
	}
	mark := "… [text continues in ISMS Desk: " + thousands(int64(utf8.RuneCountInString(s))) + " characters]"
	room := MaxCellChars - cellUnits(mark) - 1 // the space before the mark
	cut, units := 0, 0
	for i, r := range s {
		n := utf16.RuneLen(r)
		if n < 0 {
			n = 1
		}
		if units+n > room {
			cut = i
			break
		}
		units += n
	}
	// end at a word when one ends near the cut
	if sp := strings.LastIndexAny(s[:cut], " \n\t"); sp > cut-200 && sp > 0 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " \n\t") + " " + mark
}

// Continued reports whether a cell's text ends with FitCell's mark: it holds only the
// start of a longer text kept in ISMS Desk, so importing it must not replace that text.
func Continued(s string) bool { return ContinuedMark(s) != "" }

// ContinuedMark returns the mark that ends a cell cut by FitCell, "" when there is none.
func ContinuedMark(s string) string {
	return strings.TrimSpace(continuedMark.FindString(s[max(0, len(s)-120):])) // the mark is at the end
}

func cellUnits(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 && r <= utf8.MaxRune {
			n += 2
		} else {
			n++
		}
	}
	return n
}
