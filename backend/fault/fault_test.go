package fault

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestDiskFull(t *testing.T) {
	wrapped := fmt.Errorf("store: unable to write: %w", &os.PathError{Op: "write", Path: "/data/x/000001.vlog", Err: syscall.ENOSPC})
	for _, c := range []struct {
		err  error
		full bool
	}{
		{wrapped, true},
		{fmt.Errorf("x: %w", syscall.EDQUOT), true},
		{fmt.Errorf("x: %w", syscall.EFBIG), true},
		{&FullError{Folder: "/d"}, true},
		{errors.New("no space left on device"), false}, // only the error values count, not texts
		{syscall.EACCES, false},
		{nil, false},
	} {
		if got := DiskFull(c.err); got != c.full {
			t.Errorf("DiskFull(%v) = %v", c.err, got)
		}
	}
	msg, ok := Message(wrapped, "/elsewhere")
	if !ok || msg != "The disk holding /data/x is full: nothing was changed. Free some space and try again." {
		t.Errorf("message %q", msg)
	}
	if !errors.Is(Explain(wrapped, ""), syscall.ENOSPC) {
		t.Error("Explain lost the system's error")
	}
	if _, ok := Message(errors.New("other"), "/d"); ok {
		t.Error("another error read as a full disk")
	}
}

func TestCheckSpace(t *testing.T) {
	dir := t.TempDir()
	free, ok := freeSpace(dir)
	if !ok {
		t.Skip("free space cannot be measured here")
	}
	if err := CheckSpace(dir+"/not/yet", 0); free > Reserve+(64<<20) && err != nil {
		t.Errorf("%d bytes free refused: %v", free, err)
	}
	err := CheckSpace(dir, free) // more than is free, once the reserve is added
	var fe *FullError
	if !errors.As(err, &fe) || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "ISMS Desk needs about") {
		t.Errorf("too little space not refused: %v", err)
	}
}

func TestWatchStopsWhenTheDiskFills(t *testing.T) {
	ctx, stop := Watch(context.Background(), t.TempDir())
	defer stop()
	if Cause(ctx) != nil {
		t.Fatal("cancelled at once")
	}
	stop()
	stop()
	if Cause(ctx) != nil {
		t.Error("a stopped watch reads as a full disk")
	}

	dir := t.TempDir()
	free, ok := freeSpace(dir)
	if !ok {
		t.Skip("free space cannot be measured here")
	}
	defer func(v int64) { watchFloor = v }(watchFloor)
	watchFloor = free + 1<<30 // as if the disk had filled up
	ctx, stop = Watch(context.Background(), dir)
	defer stop()
	<-ctx.Done()
	if err := Cause(ctx); !DiskFull(err) || !strings.Contains(err.Error(), "The disk holding "+dir) {
		t.Errorf("the watch stopped with %v", err)
	}
}
