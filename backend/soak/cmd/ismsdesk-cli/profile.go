package main

import (
	"os"
	"runtime/pprof"
)

// profile writes a CPU profile of the whole command to the file ISMSDESK_CPUPROFILE
// names, for make bench's investigations; it returns the function that stops it.
func profile() func() {
	name := os.Getenv("ISMSDESK_CPUPROFILE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}
