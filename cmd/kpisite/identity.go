package main

import (
	"crypto/sha256"
	"io"
	"os"
	"sync"
)

// buildIdentity identifies this kpisite program for the build cache: a
// SHA-256 of its own executable, so that any change to kpisite (a new
// version, a local edit, another Go) discards the cache. Nil when the
// executable cannot be read: the build then keeps no cache.
var buildIdentity = sync.OnceValue(func() []byte {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil
	}
	defer f.Close()
	h := sha256.New()
	io.WriteString(h, "kpisite "+version()+"\x00")
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	return h.Sum(nil)
})
