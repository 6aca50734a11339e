package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The soft memory limit of a build (docs/decisions.md, "Memory"). Go's
// collector lets the heap grow to twice what is live (GOGC=100) before it
// collects, so a build's peak memory is about twice its largest live
// heap, however briefly that lasted. Once the input is loaded and
// computed, a build knows the heap it needs for the rest (the computed
// series, the theme, what the pages share), and its pages need little
// more, each for a moment (the largest files are written as they are
// rendered, never held whole): the limit is memLimitFactor times the heap
// live then, never below memLimitFloor, and never above memoryLimit (set
// for every command in main), so that the collector runs a little sooner
// rather than letting the heap double. The limit is soft: a site that
// needs more than it still builds (the collector then works harder, but
// never takes more than half the CPU). A GOMEMLIMIT or GOGC of the
// user's own is left as it is.
const memLimitFloor = 48 << 20

// memLimitFactor is the limit over the heap live after loading
// (docs/decisions.md has the measured trade-off).
const memLimitFactor = 3

// A rebuild (a build that finds a build cache beside OUT) renders only
// what changed, so the heap it needs beyond what it loaded is small, and
// it trades some of the memory a cold build needs for fewer collections:
// the collector lets the heap grow to rebuildGCPercent more than what is
// live (GOGC=200) from the start, and the limit is rebuildLimitFactor
// times the heap live after loading (docs/decisions.md, "A rebuild's
// memory").
const (
	rebuildGCPercent   = 200
	rebuildLimitFactor = 4
)

// setRebuildGC sets the collector for a rebuild, unless the user's
// environment sets GOMEMLIMIT or GOGC.
func setRebuildGC() {
	if userGC() {
		return
	}
	debug.SetGCPercent(rebuildGCPercent)
}

// userGC reports whether the environment sets the collector's own knobs.
func userGC() bool {
	return os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != ""
}

// setMemoryLimit sets the limit from the heap live once the input is
// loaded and computed (factor times it), unless the user's environment
// sets GOMEMLIMIT or GOGC. With KPISITE_MEMDEBUG set it says what it did
// on w.
func setMemoryLimit(w io.Writer, factor uint64) {
	if userGC() {
		return
	}
	// One collection now measures what the build holds (the last one
	// ran at some moment of loading, before the observations were let
	// go); it costs about what one of the build's own collections does.
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := s[0].Value.Uint64()
	limit := min(memoryLimit, max(memLimitFloor, live*factor))
	debug.SetMemoryLimit(int64(limit))
	if os.Getenv("KPISITE_MEMDEBUG") != "" {
		fmt.Fprintf(w, "memory: %d MiB live after loading; soft limit %d MiB\n", live>>20, limit>>20)
	}
}
