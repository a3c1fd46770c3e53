package xlsx

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// partScanner reads an XML part of a workbook as a sequence of tags and the texts between
// them, in a sliding buffer, without building a tree and without allocating per tag: the
// worksheet of a 100,000-row register is read at the speed of the inflater.
type partScanner struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool
	err      error // a read error other than the end of the part
}

// maxToken bounds a tag or a text the scanner holds at once (a cell holds at most 32,767
// characters; a shared-strings item a little more with its runs).
const maxToken = 16 << 20

var errTokenTooLong = errors.New("a tag or text longer than 16 MB")

func newPartScanner(r io.Reader) *partScanner {
	return &partScanner{r: r, buf: make([]byte, 256<<10)}
}

// fill reads more of the part, keeping the bytes from pos on; false when nothing more comes.
func (s *partScanner) fill() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxToken {
			s.err, s.eof = errTokenTooLong, true
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.err = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// next moves past the next tag and returns its bytes between '<' and '>' (valid until the
// next call), or ok false at the end of the part. When text is not nil, the character
// data before the tag is appended to it, entities decoded and CDATA sections included.
// Comments and processing instructions are skipped.
func (s *partScanner) next(text *[]byte) (tag []byte, ok bool) {
	for {
		i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
		if i < 0 {
			if text != nil {
				if !s.appendText(text) {
					return nil, false
				}
			} else {
				s.pos = s.end
			}
			if !s.fill() {
				return nil, false
			}
			continue
		}
		if text != nil {
			*text = appendDecoded(*text, s.buf[s.pos:s.pos+i])
		}
		s.pos += i + 1
		if s.pos+8 > s.end {
			s.fill() // enough to tell a comment or CDATA from a tag
		}
		rest := s.buf[s.pos:s.end]
		if len(rest) > 0 && (rest[0] == '!' || rest[0] == '?') {
			if !s.special(text) {
				return nil, false
			}
			continue
		}
		for {
			j := bytes.IndexByte(s.buf[s.pos:s.end], '>')
			if j >= 0 {
				tag = s.buf[s.pos : s.pos+j]
				s.pos += j + 1
				return tag, true
			}
			if !s.fill() {
				return nil, false
			}
		}
	}
}

// appendText appends the decoded text up to the end of the buffer, keeping an entity or a
// line end cut by the buffer's end for the next fill; false when the text grows too long.
func (s *partScanner) appendText(text *[]byte) bool {
	chunk := s.buf[s.pos:s.end]
	if k := bytes.LastIndexByte(chunk, '&'); k >= 0 && bytes.IndexByte(chunk[k:], ';') < 0 && !s.eof {
		chunk = chunk[:k] // a cut entity
	} else if n := len(chunk); n > 0 && chunk[n-1] == '\r' && !s.eof {
		chunk = chunk[:n-1] // a cut "\r\n"
	}
	*text = appendDecoded(*text, chunk)
	s.pos += len(chunk)
	if len(*text) > maxToken {
		s.err, s.eof = errTokenTooLong, true
		return false
	}
	return true
}

// special skips a comment, a processing instruction or a declaration, and appends the
// content of a CDATA section to text.
func (s *partScanner) special(text *[]byte) bool {
	end := []byte(">")
	cdata := false
	switch {
	case bytes.HasPrefix(s.buf[s.pos:s.end], []byte("!--")):
		end = []byte("-->")
	case bytes.HasPrefix(s.buf[s.pos:s.end], []byte("![CDATA[")):
		end, cdata = []byte("]]>"), true
		s.pos += len("![CDATA[")
	}
	for {
		j := bytes.Index(s.buf[s.pos:s.end], end)
		if j >= 0 {
			if cdata && text != nil {
				*text = append(*text, s.buf[s.pos:s.pos+j]...)
			}
			s.pos += j + len(end)
			return true
		}
		keep := len(end) - 1 // the end marker may be cut by the buffer's end
		if cdata && text != nil && s.end-s.pos > keep {
			*text = append(*text, s.buf[s.pos:s.end-keep]...)
			s.pos = s.end - keep
		}
		if !s.fill() {
			return false
		}
	}
}

// tagName returns a tag's element name without its namespace prefix, with a leading '/'
// kept for a closing tag, and whether the tag closes itself ("<c r="A1"/>").
func tagName(tag []byte) (name []byte, selfClosing bool) {
	n := len(tag)
	selfClosing = n > 0 && tag[n-1] == '/'
	closing := n > 0 && tag[0] == '/'
	i := 0
	if closing {
		i = 1
	}
	start := i
	for i < n {
		c := tag[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' {
			break
		}
		if c == ':' {
			start = i + 1
		}
		i++
	}
	name = tag[start:i]
	if closing && start > 0 {
		// "/x:row" becomes "/row": the slash sits just before the local name
		name = tag[start-1 : i]
		if start > 1 {
			b := make([]byte, 0, len(name))
			name = append(append(b, '/'), tag[start:i]...)
		}
	}
	return name, selfClosing
}

// attrValue finds name="value" (or with single quotes) in a tag, the attribute's namespace
// prefix ignored, and returns the raw value bytes (entities not decoded).
func attrValue(tag []byte, name string) ([]byte, bool) {
	s := tag
	// skip the element name
	for len(s) > 0 && s[0] != ' ' && s[0] != '\t' && s[0] != '\r' && s[0] != '\n' {
		s = s[1:]
	}
	for len(s) > 0 {
		for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') {
			s = s[1:]
		}
		eq := bytes.IndexByte(s, '=')
		if eq < 0 {
			return nil, false
		}
		key := bytes.TrimSpace(s[:eq])
		if j := bytes.LastIndexByte(key, ':'); j >= 0 {
			key = key[j+1:]
		}
		s = bytes.TrimLeft(s[eq+1:], " \t\r\n")
		if len(s) == 0 || (s[0] != '"' && s[0] != '\'') {
			return nil, false
		}
		q := s[0]
		end := bytes.IndexByte(s[1:], q)
		if end < 0 {
			return nil, false
		}
		val := s[1 : 1+end]
		s = s[end+2:]
		if string(key) == name {
			return val, true
		}
	}
	return nil, false
}

// attrText is an attribute's value with its entities decoded.
func attrText(tag []byte, name string) (string, bool) {
	v, ok := attrValue(tag, name)
	if !ok {
		return "", false
	}
	if bytes.IndexByte(v, '&') < 0 {
		return string(v), true
	}
	return string(appendDecoded(nil, v)), true
}

// atoiBytes parses a small non-negative decimal number; -1 when it is not one.
func atoiBytes(b []byte) int {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || len(b) > 9 {
		return -1
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// appendDecoded appends XML character data with its entity and character references
// decoded and its line ends normalised to "\n", as an XML parser reports them.
func appendDecoded(dst, src []byte) []byte {
	for len(src) > 0 {
		i := bytes.IndexAny(src, "&\r")
		if i < 0 {
			return append(dst, src...)
		}
		dst = append(dst, src[:i]...)
		src = src[i:]
		if src[0] == '\r' {
			dst = append(dst, '\n')
			src = src[1:]
			if len(src) > 0 && src[0] == '\n' {
				src = src[1:]
			}
			continue
		}
		semi := bytes.IndexByte(src, ';')
		if semi < 0 || semi > 12 {
			dst = append(dst, '&') // a bare ampersand, kept as the text shows it
			src = src[1:]
			continue
		}
		ent := src[1:semi]
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				dst = append(dst, src[:semi+1]...)
				src = src[semi+1:]
				continue
			}
			dst = utf8.AppendRune(dst, r)
		}
		src = src[semi+1:]
	}
	return dst
}

// charRef decodes "#65" or "#x41".
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var v uint64
	var err error
	if ent[1] == 'x' || ent[1] == 'X' {
		v, err = strconv.ParseUint(string(ent[2:]), 16, 32)
	} else {
		v, err = strconv.ParseUint(string(ent[1:]), 10, 32)
	}
	if err != nil || v > utf8.MaxRune {
		return 0, false
	}
	return rune(v), true
}

// unescapeOOXML decodes the _xHHHH_ escapes Excel writes for characters XML cannot carry
// (a carriage return is "_x000D_"; "_x005F_" is an underscore), as excelize does.
func unescapeOOXML(s string) string {
	i := indexEscape(s, 0)
	if i < 0 {
		return s
	}
	var b []byte
	last := 0
	for i >= 0 {
		b = append(b, s[last:i]...)
		if s[i+2:i+6] == "005F" || s[i+2:i+6] == "005f" {
			b = append(b, '_')
		} else {
			v, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
			b = utf8.AppendRune(b, rune(v))
		}
		last = i + 7
		i = indexEscape(s, last)
	}
	return string(append(b, s[last:]...))
}

// indexEscape finds the next "_xHHHH_" at or after from, or -1.
func indexEscape(s string, from int) int {
	for i := from; i+7 <= len(s); i++ {
		if s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
			continue
		}
		ok := true
		for _, c := range []byte(s[i+2 : i+6]) {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// readAhead reads r in a goroutine, a buffer ahead of its reader, so that a part is
// inflated on one core while it is parsed on another. Close stops the goroutine.
type readAhead struct {
	full  chan aheadChunk
	free  chan []byte
	cur   []byte
	spare []byte
	err   error
	done  chan struct{}
	ended chan struct{} // closed when the goroutine has returned
}

type aheadChunk struct {
	b   []byte
	err error
}

func newReadAhead(r io.Reader) *readAhead {
	const size, count = 256 << 10, 4
	ra := &readAhead{full: make(chan aheadChunk, count), free: make(chan []byte, count),
		done: make(chan struct{}), ended: make(chan struct{})}
	for range count {
		ra.free <- make([]byte, size)
	}
	go func() {
		defer close(ra.ended)
		defer close(ra.full)
		for {
			var b []byte
			select {
			case b = <-ra.free:
			case <-ra.done:
				return
			}
			n, err := io.ReadFull(r, b)
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			select {
			case ra.full <- aheadChunk{b[:n], err}:
			case <-ra.done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return ra
}

func (ra *readAhead) Read(p []byte) (int, error) {
	for len(ra.cur) == 0 {
		if ra.err != nil {
			return 0, ra.err
		}
		if ra.spare != nil {
			ra.free <- ra.spare[:cap(ra.spare)]
			ra.spare = nil
		}
		c, ok := <-ra.full
		if !ok {
			return 0, io.EOF
		}
		ra.cur, ra.spare, ra.err = c.b, c.b, c.err
	}
	n := copy(p, ra.cur)
	ra.cur = ra.cur[n:]
	return n, nil
}

// Close stops the reading goroutine and waits for it, so that r can be closed after.
func (ra *readAhead) Close() {
	select {
	case <-ra.done:
	default:
		close(ra.done)
	}
	<-ra.ended
}
