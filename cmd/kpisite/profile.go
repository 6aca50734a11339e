package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// startProfile starts a CPU profile into the file named by the environment
// variable KPISITE_CPUPROFILE, if it is set (make bench -cpuprofile; go tool
// pprof -top bin/kpisite FILE). The returned stop ends it and closes the file.
func startProfile(stderr io.Writer) (stop func()) {
	path := os.Getenv("KPISITE_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "KPISITE_CPUPROFILE: %v; no profile written\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(stderr, "KPISITE_CPUPROFILE: %v; no profile written\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			fmt.Fprintf(stderr, "KPISITE_CPUPROFILE: %v\n", err)
		}
	}
}
