package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
	"github.com/ismsdesk/ismsdesk/backend/overview"
)

// parsed is one component of an iCalendar file as the tiny parser below reads it.
type parsed struct {
	name  string
	props map[string]string // property name with its parameters ("DTSTART;VALUE=DATE") -> value
}

// parse reads an iCalendar file back: it checks CRLF line ends and the 75-octet limit,
// unfolds continuation lines and unescapes text values.
func parse(t *testing.T, raw string) (cal parsed, events []parsed) {
	t.Helper()
	if !strings.HasSuffix(raw, "\r\n") {
		t.Fatal("the file does not end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n")
	var lines []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Fatalf("line %d is %d octets long: %q", i+1, len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			if len(lines) == 0 {
				t.Fatal("the file starts with a continuation line")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	cal = parsed{name: "VCALENDAR", props: map[string]string{}}
	var cur *parsed
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("line without a colon: %q", l)
		}
		switch {
		case name == "BEGIN" && value == "VEVENT":
			cur = &parsed{name: value, props: map[string]string{}}
		case name == "END" && value == "VEVENT":
			events = append(events, *cur)
			cur = nil
		case name == "BEGIN" || name == "END":
		case cur != nil:
			cur.props[name] = unescape(value)
		default:
			cal.props[name] = unescape(value)
		}
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Fatalf("not one VCALENDAR: first %q, last %q", lines[0], lines[len(lines)-1])
	}
	return cal, events
}

func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestWriteParsesBack(t *testing.T) {
	long := "Measurement of KPI-03 Phishing simulation click rate, measured by the security team; with a very long name — «ünïcödé» ✓ (monthly)"
	items := []overview.DueItem{
		{Key: "kpi/k1/measurement", Kind: isms.KindKPI, TypeLabel: "KPI measurement", Ref: "KPI-03", Title: "Phishing click rate",
			What: long, Due: "2026-03-01", Overdue: true, Who: "Ana Álvarez"},
		{Key: "nonconformity/n4/nonconformity", Kind: isms.KindNonconformity, TypeLabel: "Nonconformity", Ref: "NC-004",
			What: `Effectiveness review of NC-004 Backups\not tested`, Due: "2026-03-20"},
	}
	stamp := time.Date(2026, 3, 10, 15, 4, 5, 0, time.UTC)
	var buf bytes.Buffer
	if err := Write(&buf, "ISMS Desk: what is due", Events(items), stamp); err != nil {
		t.Fatal(err)
	}
	cal, events := parse(t, buf.String())
	if cal.props["VERSION"] != "2.0" || cal.props["PRODID"] == "" || cal.props["X-WR-CALNAME"] != "ISMS Desk: what is due" {
		t.Errorf("calendar properties %v", cal.props)
	}
	if len(events) != 2 {
		t.Fatalf("%d events, want 2", len(events))
	}
	e := events[0]
	if e.props["SUMMARY"] != long {
		t.Errorf("summary %q, want %q", e.props["SUMMARY"], long)
	}
	if e.props["DTSTART;VALUE=DATE"] != "20260301" || e.props["DTEND;VALUE=DATE"] != "20260302" {
		t.Errorf("dates %v", e.props)
	}
	if e.props["DTSTAMP"] != "20260310T150405Z" {
		t.Errorf("stamp %q", e.props["DTSTAMP"])
	}
	if d := e.props["DESCRIPTION"]; !strings.Contains(d, "Who: Ana Álvarez") || !strings.Contains(d, "Overdue since 2026-03-01") {
		t.Errorf("description %q", d)
	}
	if got := events[1].props["SUMMARY"]; got != `Effectiveness review of NC-004 Backups\not tested` {
		t.Errorf("backslash not kept: %q", got)
	}
	if d := events[1].props["DESCRIPTION"]; !strings.Contains(d, "Who: nobody named yet") || strings.Contains(d, "Overdue") {
		t.Errorf("upcoming description %q", d)
	}
	if e.props["UID"] == events[1].props["UID"] || !strings.HasSuffix(e.props["UID"], "@ismsdesk") {
		t.Errorf("UIDs %q %q", e.props["UID"], events[1].props["UID"])
	}
	// the same items give the same UIDs on the next export
	again := Events(items[:1])
	if again[0].UID != e.props["UID"] {
		t.Errorf("UID changed between exports: %q then %q", e.props["UID"], again[0].UID)
	}
	if !strings.Contains(buf.String(), "\r\n ") {
		t.Error("the long summary was not folded")
	}
}

func TestEscapeAndFold(t *testing.T) {
	if got := Escape("a,b;c\\d\r\ne"); got != `a\,b\;c\\d\ne` {
		t.Errorf("escape %q", got)
	}
	s := "SUMMARY:" + strings.Repeat("é", 100) // two octets each: a fold must not split one
	out := fold(s)
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 || !strings.HasPrefix(l, "SUMMARY") && !strings.HasPrefix(l, " é") {
			t.Fatalf("folded line %q", l)
		}
	}
	if strings.ReplaceAll(strings.TrimSuffix(out, "\r\n"), "\r\n ", "") != s {
		t.Error("unfolding does not give the line back")
	}
}
