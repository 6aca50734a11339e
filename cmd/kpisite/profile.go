package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfile starts a CPU profile into the file named by the environment
// variable KPISITE_CPUPROFILE, if it is set (make bench -cpuprofile; go tool
// pprof -top bin/kpisite FILE). The returned stop ends it and closes the
// file, and writes a memory profile (what was allocated, and where) into
// the file named by KPISITE_MEMPROFILE, if that is set (go tool pprof
// -sample_index=alloc_space -top bin/kpisite FILE).
func startProfile(stderr io.Writer) (stop func()) {
	stopCPU := startCPUProfile(stderr, os.Getenv("KPISITE_CPUPROFILE"))
	memPath := os.Getenv("KPISITE_MEMPROFILE")
	if memPath != "" {
		runtime.MemProfileRate = 64 << 10
	}
	return func() {
		stopCPU()
		if memPath != "" {
			writeMemProfile(stderr, memPath)
		}
	}
}

func writeMemProfile(stderr io.Writer, path string) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "KPISITE_MEMPROFILE: %v; no profile written\n", err)
		return
	}
	// The profile counts what the last completed collection has
	// accounted for: one now takes in everything allocated since (most
	// of the rendering, otherwise left out).
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		fmt.Fprintf(stderr, "KPISITE_MEMPROFILE: %v\n", err)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(stderr, "KPISITE_MEMPROFILE: %v\n", err)
	}
}

func startCPUProfile(stderr io.Writer, path string) (stop func()) {
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
