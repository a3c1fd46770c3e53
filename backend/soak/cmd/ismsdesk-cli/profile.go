package main

import (
	"bytes"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// profile writes, for make bench's investigations, a CPU profile of the whole command to
// the file ISMSDESK_CPUPROFILE names and a heap profile taken when the heap in use was at
// its largest (sampled every 100 ms; from ISMSDESK_MEMPROFILE_AFTER on, a duration, to
// look at a later phase) to the file ISMSDESK_MEMPROFILE names; it returns the function
// that stops them.
func profile() func() {
	stops := []func(){}
	if name := os.Getenv("ISMSDESK_CPUPROFILE"); name != "" {
		if f, err := os.Create(name); err == nil {
			if err := pprof.StartCPUProfile(f); err != nil {
				f.Close()
			} else {
				stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
			}
		}
	}
	if name := os.Getenv("ISMSDESK_MEMPROFILE"); name != "" {
		runtime.MemProfileRate = 64 << 10
		done, finished := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(finished)
			var peak uint64
			after, _ := time.ParseDuration(os.Getenv("ISMSDESK_MEMPROFILE_AFTER"))
			began := time.Now()
			var best bytes.Buffer
			tick := time.NewTicker(100 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-done:
					os.WriteFile(name, best.Bytes(), 0o644)
					return
				case <-tick.C:
				}
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak && time.Since(began) >= after {
					peak = ms.HeapInuse
					best.Reset()
					pprof.Lookup("heap").WriteTo(&best, 0)
				}
			}
		}()
		stops = append(stops, func() { close(done); <-finished })
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}
}
