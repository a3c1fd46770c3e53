package app

import (
	"io"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ismsdesk/ismsdesk/backend/calendar"
	"github.com/ismsdesk/ismsdesk/backend/overview"
	"github.com/ismsdesk/ismsdesk/backend/safefile"
	"github.com/ismsdesk/ismsdesk/backend/store"
)

// DueService serves the list of what is due: the page, the navigation badge and the
// calendar export. The dashboard's overdue and upcoming lists are the same list.
type DueService struct{ app *App }

// BadgeDays is how far ahead the navigation badge counts: what is overdue or due this week.
const BadgeDays = 7

// List returns everything overdue and everything due within days from today, earliest
// first (days below 0 count as 0; 0 means the default of 30).
func (s *DueService) List(days int) ([]overview.DueItem, error) {
	if days == 0 {
		days = overview.DefaultDueDays
	}
	var out []overview.DueItem
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		out, err = overview.Due(tx, s.app.clock(), days)
		return err
	})
	return out, err
}

// Count counts what is overdue or due within the next seven days, for the navigation badge.
func (s *DueService) Count() (int, error) {
	n := 0
	err := s.app.view(func(tx *store.Tx) error {
		var err error
		n, err = overview.DueCount(tx, s.app.clock(), BadgeDays)
		return err
	})
	return n, err
}

// SaveCalendar asks where to save the due dates as a calendar file (.ics) and writes
// them there: everything overdue and a year ahead, one all-day event each. It returns
// the path written, or "" when the user cancelled.
func (s *DueService) SaveCalendar() (string, error) {
	items, err := s.List(calendar.Days)
	if err != nil {
		return "", err
	}
	now := s.app.clock()
	path, err := s.app.saveFileDialog("Save the due dates as a calendar", "ismsdesk-due-"+now.Format("2006-01-02")+".ics",
		[]runtime.FileFilter{{DisplayName: "Calendar (*.ics)", Pattern: "*.ics"}})
	if err != nil || path == "" {
		return "", err
	}
	if !strings.HasSuffix(strings.ToLower(path), ".ics") {
		path += ".ics"
	}
	return path, safefile.Write(path, func(w io.Writer) error {
		return calendar.Write(w, calendar.Name, calendar.Events(items), now)
	})
}
