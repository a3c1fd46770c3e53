//go:build windows

package fault

import (
	"syscall"
	"unsafe"
)

// ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL are what Windows returns for a full disk.
var fullErrnos = []error{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG, syscall.Errno(39), syscall.Errno(112)}

var getDiskFreeSpaceEx = syscall.NewLazyDLL("kernel32.dll").NewProc("GetDiskFreeSpaceExW")

// freeSpace returns the bytes the user may still write on dir's disk.
func freeSpace(dir string) (int64, bool) {
	p, err := syscall.UTF16PtrFromString(dir)
	if err != nil {
		return 0, false
	}
	var avail uint64
	r, _, _ := getDiskFreeSpaceEx.Call(uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(&avail)), 0, 0)
	if r == 0 {
		return 0, false
	}
	return int64(avail), true
}

// fileSizeLimit: Windows has no per-process file size limit.
func fileSizeLimit() (int64, bool) { return 0, false }
