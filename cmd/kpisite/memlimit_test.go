package main

import (
	"io"
	"os"
	"runtime/debug"
	"testing"
)

// unsetenv clears an environment variable for one test.
func unsetenv(t *testing.T, name string) {
	t.Helper()
	t.Setenv(name, "") // restores the old value after the test
	os.Unsetenv(name)
}

func TestSetMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })

	// The user's own settings are left as they are.
	for _, env := range []string{"GOMEMLIMIT", "GOGC"} {
		unsetenv(t, "GOMEMLIMIT")
		unsetenv(t, "GOGC")
		t.Setenv(env, "200")
		debug.SetMemoryLimit(12345 << 20)
		setMemoryLimit(io.Discard, memLimitFactor)
		if got := debug.SetMemoryLimit(-1); got != 12345<<20 {
			t.Errorf("with %s set, the limit became %d; want it left at %d", env, got, 12345<<20)
		}
	}

	// Otherwise a test's small heap gets the floor, and the limit never
	// goes above the one main sets.
	unsetenv(t, "GOMEMLIMIT")
	unsetenv(t, "GOGC")
	debug.SetMemoryLimit(12345 << 20)
	setMemoryLimit(io.Discard, memLimitFactor)
	got := debug.SetMemoryLimit(-1)
	if got < memLimitFloor || got > memoryLimit {
		t.Errorf("limit %d; want between %d and %d", got, memLimitFloor, memoryLimit)
	}
}

func TestSetRebuildGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(old) })

	// The user's own settings are left as they are.
	for _, env := range []string{"GOMEMLIMIT", "GOGC"} {
		unsetenv(t, "GOMEMLIMIT")
		unsetenv(t, "GOGC")
		t.Setenv(env, "150")
		debug.SetGCPercent(100)
		setRebuildGC()
		if got := debug.SetGCPercent(100); got != 100 {
			t.Errorf("with %s set, GOGC became %d; want it left at 100", env, got)
		}
	}
	unsetenv(t, "GOMEMLIMIT")
	unsetenv(t, "GOGC")
	setRebuildGC()
	if got := debug.SetGCPercent(100); got != rebuildGCPercent {
		t.Errorf("a rebuild's GOGC is %d; want %d", got, rebuildGCPercent)
	}
}
