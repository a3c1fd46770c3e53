package app

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"syscall"
	"testing"

	"github.com/ismsdesk/ismsdesk/backend/fault"
	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// TestErrorFormatterDiskFull: a full disk, however deep in the chain and even inside a
// domain error, reaches the window as its own message, not "Something went wrong".
func TestErrorFormatterDiskFull(t *testing.T) {
	format := ErrorFormatter(slog.New(slog.NewTextHandler(io.Discard, nil)))
	pe := &os.PathError{Op: "write", Path: "/home/me/ISMSDesk/data/000003.sst", Err: syscall.ENOSPC}
	for _, err := range []error{
		fmt.Errorf("store: commit: %w", pe),
		&isms.Error{Code: isms.CodeInternal, Message: "x"},
	} {
		ui := format(err).(UIError)
		full := fault.DiskFull(err)
		if full != (ui.Code == fault.CodeDiskFull) {
			t.Errorf("%v formatted as %+v", err, ui)
		}
	}
	ui := format(fmt.Errorf("export: %w", pe)).(UIError)
	if ui.Message != "The disk holding /home/me/ISMSDesk/data is full: nothing was changed. Free some space and try again." {
		t.Errorf("message %q", ui.Message)
	}
	if ui := format(fmt.Errorf("x: %w", syscall.EFBIG)).(UIError); ui.Code != fault.CodeDiskFull {
		t.Errorf("a file size limit formatted as %+v", ui)
	}
}
