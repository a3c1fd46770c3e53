//go:build unix

package store

import (
	"sync"
	"syscall"
)

var umaskOnce sync.Once

// restrictNewFiles sets the process's umask to 077, so that the files Badger creates
// while the folder is open (it asks for 0666 and has no option) are private too.
func restrictNewFiles() {
	umaskOnce.Do(func() { syscall.Umask(0o077) })
}
