package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
)

func fragKey(s string) [32]byte { return sha256.Sum256([]byte(s)) }

// storeOf builds a store beside out with the fragments of groups.
func storeOf(t *testing.T, out string, id []byte, frags map[string]map[string]string) {
	t.Helper()
	f := OpenFragments(out, id)
	for g, m := range frags {
		for k, v := range m {
			f.Put(g, fragKey(k), []byte(v))
		}
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestFragmentsRoundTrip(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	id := []byte("build 1")
	storeOf(t, out, id, map[string]map[string]string{
		"reports/a/index.html": {"one": "<section>1</section>", "two": "", "three": "\x00\xff<3>"},
		"feed.xml":             {"four": "\n  <entry>4</entry>"},
	})
	f := OpenFragments(out, id)
	for k, want := range map[string]string{"one": "<section>1</section>", "two": "", "three": "\x00\xff<3>", "four": "\n  <entry>4</entry>"} {
		got, ok := f.Get(fragKey(k), nil)
		if !ok || string(got) != want {
			t.Errorf("Get(%s) = %q, %v; want %q", k, got, ok, want)
		}
	}
	if _, ok := f.Get(fragKey("five"), nil); ok {
		t.Error("Get of a key never stored succeeded")
	}
	// The feed is rendered again (one new entry), the report kept whole
	// (live, not rendered): its fragments are carried into the new store;
	// a group neither live nor rendered is dropped.
	f.Live("reports/a/index.html")
	f.Put("feed.xml", fragKey("six"), []byte("6"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f = OpenFragments(out, id)
	defer f.Abort()
	for k, want := range map[string]string{"one": "<section>1</section>", "two": "", "three": "\x00\xff<3>", "six": "6"} {
		if got, ok := f.Get(fragKey(k), nil); !ok || string(got) != want {
			t.Errorf("after a rebuild, Get(%s) = %q, %v; want %q", k, got, ok, want)
		}
	}
	if _, ok := f.Get(fragKey("four"), nil); ok {
		t.Error("the feed's old entry was carried over although the feed was rendered again without it")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 || entries[0].Name() != "public.kpisite-fragments" {
		t.Errorf("beside OUT: %v; want the store only", entries)
	}
}

// A store that is damaged, cut short, of another build or of another
// format is not read, and a build then renders every piece.
func TestFragmentsNotTrusted(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	id := []byte("build 1")
	storeOf(t, out, id, map[string]map[string]string{"g": {"one": "first fragment", "two": "second fragment"}})
	good, err := os.ReadFile(out + fragmentsSuffix)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func() ([]byte, []byte){
		"intact":           func() ([]byte, []byte) { return good, id },
		"another build":    func() ([]byte, []byte) { return good, []byte("build 2") },
		"one byte flipped": func() ([]byte, []byte) { b := bytes.Clone(good); b[len(b)/2] ^= 1; return b, id },
		"cut short":        func() ([]byte, []byte) { return good[:len(good)-5], id },
		"empty":            func() ([]byte, []byte) { return nil, id },
		"another format": func() ([]byte, []byte) {
			return bytes.Replace(good, []byte("kpisite-fragments 2"), []byte("kpisite-fragments 9"), 1), id
		},
	}
	for name, c := range cases {
		data, bid := c()
		if err := os.WriteFile(out+fragmentsSuffix, data, 0o644); err != nil {
			t.Fatal(err)
		}
		f := OpenFragments(out, bid)
		_, ok := f.Get(fragKey("one"), nil)
		f.Abort()
		if ok != (name == "intact") {
			t.Errorf("%s: Get found the fragment = %v", name, ok)
		}
	}
}

// FuzzReadFragments: no bytes make the reader fail other than by
// refusing the store, an index it accepts points inside the file, and a
// piece is read only with its checksum.
func FuzzReadFragments(f *testing.F) {
	dir := f.TempDir()
	out := filepath.Join(dir, "public")
	id := []byte("id")
	fr := OpenFragments(out, id)
	fr.Put("g", fragKey("a"), []byte("alpha"))
	fr.Put("h", fragKey("b"), []byte("beta"))
	if err := fr.Commit(); err != nil {
		f.Fatal(err)
	}
	good, _ := os.ReadFile(out + fragmentsSuffix)
	f.Add(good)
	f.Add([]byte(fragmentsFormat))
	f.Add(good[:len(good)-1])
	// A store appended to: two segments, the second's index listing a
	// piece of the first.
	fr = OpenFragments(out, id)
	fr.Put("g", fragKey("a"), []byte("alpha"))
	fr.Put("g", fragKey("c"), []byte("gamma"))
	if err := fr.Commit(); err != nil {
		f.Fatal(err)
	}
	appended, _ := os.ReadFile(out + fragmentsSuffix)
	if !bytes.HasPrefix(appended, good) {
		f.Fatal("the seed store was not appended to")
	}
	f.Add(appended)
	f.Add(appended[:len(good)+3])
	head := len(fragmentsHead(id))
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(data []byte) {
			s, err := readFragments(bytes.NewReader(data), int64(len(data)), id)
			if err != nil {
				return
			}
			for _, e := range s.entries {
				if e.off < int64(head) || e.n < 0 || e.off+e.n > int64(len(data)) {
					t.Fatalf("entry %+v outside a store of %d bytes", e, len(data))
				}
				if got, ok := readPiece(bytes.NewReader(data), e.fragSpan, nil); ok && crc32.Checksum(got, castagnoli) != e.crc {
					t.Fatalf("entry %+v read with another checksum", e)
				}
			}
		}
		check(data)
		// The same bytes with a tail checksum that matches, so that the
		// fuzzer reaches the format line, the identity and the index.
		if n := len(data); n >= head+fragmentsTail {
			off := binary.LittleEndian.Uint64(data[n-fragmentsTail:])
			if off >= uint64(head) && off <= uint64(n-fragmentsTail) {
				fixed := bytes.Clone(data)
				sum := segmentChecksum(fixed[:head], fixed[off:n-fragmentsTail], fixed[n-fragmentsTail:n-4])
				binary.LittleEndian.PutUint32(fixed[n-4:], sum)
				check(fixed)
			}
		}
	})
}
