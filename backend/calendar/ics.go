// Package calendar writes the list of what is due as an iCalendar file (RFC 5545) that
// calendar applications import: one all-day event per due item.
package calendar

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/overview"
)

// Name is the calendar's name as calendar applications show it.
const Name = "ISMS Desk: what is due"

// Days is how far ahead a calendar export looks: everything overdue and a year of due dates.
const Days = 365

// Event is one all-day calendar event.
type Event struct {
	UID         string    // stable across exports, so that a re-import updates the event
	Day         time.Time // the day it falls on (its date; the time of day is ignored)
	Summary     string    // the one-line title
	Description string    // more text, may span lines
}

// Events turns due items into events: the summary says what is due, the description who
// is to do it and whether it is overdue. The UID is derived from the item's key, which is
// stable per record and what is due.
func Events(items []overview.DueItem) []Event {
	out := make([]Event, 0, len(items))
	for _, it := range items {
		who := it.Who
		if who == "" {
			who = "nobody named yet"
		}
		desc := []string{"Who: " + who, "What: " + it.TypeLabel}
		if it.Overdue {
			desc = append(desc, "Overdue since "+string(it.Due))
		}
		if ref := strings.TrimSpace(it.Ref + " " + it.Title); ref != "" {
			desc = append(desc, "Record: "+ref)
		}
		desc = append(desc, "Open it in ISMS Desk under "+it.Kind.Label()+".")
		sum := sha256.Sum256([]byte(it.Key))
		out = append(out, Event{
			UID: hex.EncodeToString(sum[:16]) + "@ismsdesk", Day: it.Due.Time(),
			Summary: it.What, Description: strings.Join(desc, "\n"),
		})
	}
	return out
}

// Write writes a VCALENDAR with one all-day VEVENT per event, stamped at stamp: CRLF line
// ends, text escaped and lines folded at 75 octets as RFC 5545 asks.
func Write(w io.Writer, name string, events []Event, stamp time.Time) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { bw.WriteString(fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//ISMS Desk//What is due//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	if name != "" {
		line("X-WR-CALNAME:" + Escape(name))
	}
	dtstamp := stamp.UTC().Format("20060102T150405Z")
	for _, e := range events {
		day := time.Date(e.Day.Year(), e.Day.Month(), e.Day.Day(), 0, 0, 0, 0, time.UTC)
		line("BEGIN:VEVENT")
		line("UID:" + Escape(e.UID))
		line("DTSTAMP:" + dtstamp)
		line("DTSTART;VALUE=DATE:" + day.Format("20060102"))
		line("DTEND;VALUE=DATE:" + day.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + Escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + Escape(e.Description))
		}
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write the calendar: %w", err)
	}
	return nil
}

// Escape escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line
// breaks.
func Escape(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// fold ends a content line with CRLF, folded so that no physical line is longer than 75
// octets: a continuation starts with a space, and a character's UTF-8 bytes are never split.
func fold(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}
