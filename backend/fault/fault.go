// Package fault turns faults of the machine (a full disk, a file size limit) into
// messages for people, and guards the data folder's writes against a disk too full for
// them.
//
// Badger, the store's database, writes its log and tables through memory-mapped files
// that it creates sparse (truncated to size, not allocated). On a full disk a write into
// such a mapping is not an error that can be returned or recovered: the kernel sends
// SIGBUS and the Go runtime stops the process with a stack dump (the write happens in
// Badger's own goroutine, so debug.SetPanicOnFault cannot help, and there is no option to
// write without mmap). Only the writes Badger does with write(2) (its manifest, fsync) and
// the app's own files (exports, backups) return ENOSPC. So the data folder is guarded
// before a write starts (CheckSpace) and watched while a long one runs (Watch), with the
// room Badger needs to finish, roll back and close (Reserve); errors that do come back
// are recognised by DiskFull.
package fault

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// CodeDiskFull is the error code of a write refused for want of space.
const CodeDiskFull isms.Code = "disk_full"

// Reserve is the free space the data folder's disk must keep for Badger beyond the data a
// write adds: the memory-mapped log of one memtable (64 MB), flushing it to a table
// (64 MB) when the folder closes, and a margin for the manifest and the value log.
const Reserve = 160 << 20

// watchFloor is the free space under which Watch stops a running write: enough to roll it
// back and to flush and close the folder. A variable for tests.
var watchFloor int64 = 96 << 20

// FullError is a write refused because the disk (or the file size limit) leaves no room.
// Nothing was changed.
type FullError struct {
	Folder string // the folder on the full disk
	Free   int64  // bytes free, when known (-1 otherwise)
	Need   int64  // bytes needed, when known (0 otherwise)
	Err    error  // the system's error, when there was one
}

// Error is the message for people.
func (e *FullError) Error() string {
	where := e.Folder
	if where == "" {
		where = "the data folder"
	}
	msg := fmt.Sprintf("The disk holding %s is full: nothing was changed. Free some space and try again.", where)
	if e.Need > 0 && e.Free >= 0 {
		msg += fmt.Sprintf(" (%s free; ISMS Desk needs about %s to write safely.)", mb(e.Free), mb(e.Need))
	}
	return msg
}

// Unwrap returns the system's error, ENOSPC when there was none.
func (e *FullError) Unwrap() error {
	if e.Err == nil {
		return syscall.ENOSPC
	}
	return e.Err
}

func mb(n int64) string {
	if n < 0 {
		n = 0
	}
	return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20)
}

// DiskFull reports whether err is a write refused for want of space: no space left
// (ENOSPC), a disk quota exceeded (EDQUOT), or a file larger than the process may write
// (EFBIG, RLIMIT_FSIZE).
func DiskFull(err error) bool {
	if err == nil {
		return false
	}
	var fe *FullError
	if errors.As(err, &fe) {
		return true
	}
	for _, e := range fullErrnos {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// Explain returns err as a *FullError when it is a full disk, else err unchanged. The
// folder is the one named by the file in err's chain, else folder.
func Explain(err error, folder string) error {
	if !DiskFull(err) {
		return err
	}
	var fe *FullError
	if errors.As(err, &fe) {
		return fe
	}
	if p := pathOf(err); p != "" {
		folder = filepath.Dir(p)
	}
	return &FullError{Folder: folder, Free: -1, Err: err}
}

// Message is the message for people of a full disk in err, and whether err is one.
func Message(err error, folder string) (string, bool) {
	if !DiskFull(err) {
		return "", false
	}
	return Explain(err, folder).Error(), true
}

func pathOf(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Path
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.New
	}
	return ""
}

// CheckSpace returns a *FullError when the disk holding dir (or its nearest existing
// parent) has less than need bytes plus Reserve free, or when the process may not write a
// file that large (RLIMIT_FSIZE). It returns nil when the space cannot be measured.
func CheckSpace(dir string, need int64) error {
	if need < 0 {
		need = 0
	}
	want := need + Reserve
	if limit, ok := fileSizeLimit(); ok && limit < want {
		return &FullError{Folder: dir, Free: limit, Need: want, Err: syscall.EFBIG}
	}
	free, ok := freeSpace(existing(dir))
	if !ok || free >= want {
		return nil
	}
	return &FullError{Folder: dir, Free: free, Need: want}
}

// existing returns dir or its nearest parent that exists.
func existing(dir string) string {
	dir = filepath.Clean(dir)
	for {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir
		}
		dir = parent
	}
}

// Watch returns a context that is cancelled, with a *FullError as its cause, when the
// free space of the disk holding dir falls under what a write needs to roll back and
// close; stop ends the watch. Long writes (imports, restores) run under it, so that they
// stop and roll back before Badger meets a full disk.
func Watch(ctx context.Context, dir string) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		where := existing(dir)
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				if free, ok := freeSpace(where); ok && free < watchFloor {
					cancel(&FullError{Folder: dir, Free: free, Need: watchFloor})
					return
				}
			}
		}
	}()
	var once sync.Once
	return ctx, func() { once.Do(func() { close(done); cancel(nil) }) }
}

// Cause returns the *FullError that stopped ctx (see Watch), or nil.
func Cause(ctx context.Context) error {
	var fe *FullError
	if errors.As(context.Cause(ctx), &fe) {
		return fe
	}
	return nil
}
