//go:build unix

package fault

import "syscall"

var fullErrnos = []error{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG}

// freeSpace returns the bytes an unprivileged process may still write on dir's disk.
func freeSpace(dir string) (int64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return int64(st.Bavail) * int64(st.Bsize), true
}

// fileSizeLimit returns the largest file the process may write (RLIMIT_FSIZE), when limited.
func fileSizeLimit() (int64, bool) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &rl); err != nil {
		return 0, false
	}
	if rl.Cur >= 1<<62 { // RLIM_INFINITY
		return 0, false
	}
	return int64(rl.Cur), true
}
