package main

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"io"
	"os"
	"strings"
	"sync"
)

// buildIdentity identifies this kpisite program for the build cache, so
// that any change to kpisite (a new version, a local edit, another Go)
// discards the cache. It is the Go build ID the go command wrote into the
// executable when it is there and has the go command's shape (its last
// part is a hash of the executable's own bytes: goBuildID), with the
// executable's size; otherwise a SHA-256 of the whole executable. Nil
// when the executable cannot be read: the build then keeps no cache.
var buildIdentity = sync.OnceValue(func() []byte {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	return executableIdentity(exe)
})

// executableIdentity is buildIdentity of the program at path.
func executableIdentity(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil
	}
	h := sha256.New()
	io.WriteString(h, "kpisite "+version()+"\x00")
	if id := goBuildID(f); id != "" {
		// The go command's content ID is a SHA-256 of the executable
		// (less the ID itself), so it changes whenever a byte does.
		io.WriteString(h, "go build ID\x00"+id+"\x00")
		binary.Write(h, binary.LittleEndian, st.Size())
		return h.Sum(nil)
	}
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	return h.Sum(nil)
}

// goBuildID returns the Go build ID of the executable r, or "" when it has
// none or one the go command would not have written (a build ID set by
// hand with -ldflags=-buildid can name two different programs). ELF
// executables keep it in the .note.go.buildid note; others in a marker
// near the start of the text (as the go command reads them).
func goBuildID(r io.ReaderAt) string {
	var id string
	if ef, err := elf.NewFile(r); err == nil {
		if s := ef.Section(".note.go.buildid"); s != nil {
			id = elfNoteBuildID(s)
		}
	} else {
		id = markerBuildID(r)
	}
	if !goCommandShape(id) {
		return ""
	}
	return id
}

// elfNoteBuildID reads the Go build ID note: name size, description
// size, type 4, name "Go\x00\x00", then the ID.
func elfNoteBuildID(s *elf.Section) string {
	if s.Size > 1<<10 {
		return ""
	}
	data, err := s.Data()
	if err != nil || len(data) < 16 {
		return ""
	}
	nameSize := binary.LittleEndian.Uint32(data[0:])
	descSize := binary.LittleEndian.Uint32(data[4:])
	kind := binary.LittleEndian.Uint32(data[8:])
	if nameSize != 4 || kind != 4 || string(data[12:16]) != "Go\x00\x00" || uint64(descSize) > uint64(len(data)-16) {
		return ""
	}
	return string(data[16 : 16+descSize])
}

// markerBuildID finds the build ID the Go linker puts at the start of the
// text of non-ELF executables: \xff Go build ID: "ID"\n \xff.
func markerBuildID(r io.ReaderAt) string {
	const prefix, suffix = "\xff Go build ID: \"", "\"\n \xff"
	buf := make([]byte, 32<<10)
	n, _ := r.ReadAt(buf, 0)
	buf = buf[:n]
	i := bytes.Index(buf, []byte(prefix))
	if i < 0 {
		return ""
	}
	rest := buf[i+len(prefix):]
	j := bytes.Index(rest, []byte(suffix))
	if j < 0 {
		return ""
	}
	return string(rest[:j])
}

// goCommandShape reports whether id looks as the go command writes build
// IDs: two or four parts joined by "/", each of 20 characters of the URL
// base64 alphabet (hashes), the last the content's.
func goCommandShape(id string) bool {
	parts := strings.Split(id, "/")
	if len(parts) != 2 && len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if len(p) != 20 {
			return false
		}
		for _, c := range []byte(p) {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}
