package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a text: its byte span in the text and its normalised form.
type token struct {
	start, end int    // bytes of the original text
	norm       string // lower case, accents folded
	part       bool   // a part of a compound ("req" and "001" of "REQ-001"), not a whole word
}

// joiners join letters and digits into one compound word: "A.5.1", "REQ-001", "and/or",
// "ISO_27001". A compound is indexed whole and by its parts.
func joiner(r rune) bool {
	return r == '.' || r == '-' || r == '_' || r == '/' || r == '\'' || r == '’'
}

func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// next decodes the character at s[i:], ASCII without a call.
func next(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// tokens appends to out the words of s and, after each compound, its parts, in text order.
func tokens(s string, out []token) []token {
	var buf []byte
	eachToken(s, &buf, func(start, end int, norm []byte, part bool) {
		out = append(out, token{start: start, end: end, norm: string(norm), part: part})
	})
	return out
}

// eachToken calls fn with every word of s and, after each compound, its parts, in text
// order: its byte span in s and its normalised form, which is valid only during the call
// (it lives in *buf, which eachToken reuses).
func eachToken(s string, buf *[]byte, fn func(start, end int, norm []byte, part bool)) {
	i := 0
	for i < len(s) {
		r, n := next(s, i)
		if !wordRune(r) {
			i += n
			continue
		}
		start, end, parts := i, i, 0
		partStart := i
		var spans [8][2]int
		for i < len(s) {
			r, n = next(s, i)
			if wordRune(r) {
				i += n
				end = i
				continue
			}
			if joiner(r) && i+n < len(s) {
				if r2, _ := next(s, i+n); wordRune(r2) {
					if parts < len(spans) {
						spans[parts] = [2]int{partStart, i}
					}
					parts++
					i += n
					partStart = i
					continue
				}
			}
			break
		}
		*buf = foldInto((*buf)[:0], s[start:end])
		fn(start, end, *buf, false)
		if parts > 0 {
			if parts < len(spans) {
				spans[parts] = [2]int{partStart, end}
			}
			for p := 0; p <= parts && p < len(spans); p++ {
				*buf = foldInto((*buf)[:0], s[spans[p][0]:spans[p][1]])
				fn(spans[p][0], spans[p][1], *buf, true)
			}
		}
	}
}

// maxWord is the longest word kept, in bytes; longer ones (hashes, pasted blobs) are cut.
const maxWord = 48

// fold returns s in lower case with its accents removed ("Évaluation" -> "evaluation"),
// and a few letters that do not decompose spelled out ("ß" -> "ss", "Æ" -> "ae"); at
// most maxWord bytes of it.
func fold(s string) string { return string(foldInto(nil, s)) }

// foldInto appends fold(s) to b.
func foldInto(b []byte, s string) []byte {
	start := len(b)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		if len(s) > maxWord {
			s = s[:maxWord]
		}
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		return b
	}
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if sp, ok := special[r]; ok {
			b = append(b, sp...)
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	if len(b)-start > maxWord {
		b = b[:start+maxWord]
		for !utf8.Valid(b[start:]) {
			b = b[:len(b)-1]
		}
	}
	return b
}

// special are the letters that NFD does not decompose into a base letter and accents.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i",
}

// queryWords returns the normalised words of a query (compounds whole, not their parts)
// and whether the last one also matches as a prefix: it is still being typed (the query
// does not end with a space) and has minPrefix characters at least.
func queryWords(q string) ([]string, bool) {
	var words []string
	seen := map[string]bool{}
	for _, t := range tokens(q, nil) {
		if t.part || seen[t.norm] {
			continue
		}
		seen[t.norm] = true
		words = append(words, t.norm)
	}
	typing := len(words) > 0 && !unicode.IsSpace(rune(q[len(q)-1])) &&
		utf8.RuneCountInString(words[len(words)-1]) >= minPrefix
	return words, typing
}

// minPrefix is the shortest last word that also matches as a prefix: a single letter
// would match most of the records and tell the user nothing.
const minPrefix = 2
