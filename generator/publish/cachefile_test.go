package publish

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
)

func sampleIndex() *cacheIndex {
	id := func(n int64) fileID {
		return fileID{Dev: 2049, Ino: uint64(n) << 40, Size: n * 1000, Mtime: 1764570000123456789 + n, Ctime: -n}
	}
	return &cacheIndex{
		Identity: "abc",
		Manifest: "0123456789abcdef",
		Pages: map[string]cachePage{
			"indicator/a": {Key: [32]byte{1, 2, 3}, Note: []byte("note\x00a"), Files: []cacheFile{{Path: "a/index.html", ID: id(1)}, {Path: "a/chart.svg", ID: id(2)}}},
			"home":        {Key: [32]byte{31: 9}, Files: []cacheFile{{Path: "index.html", ID: id(3)}}},
			"empty":       {Files: []cacheFile{}},
		},
		Dirs: map[string]fileID{".": id(4), "a": id(5)},
		Spare: &spareIndex{
			Manifest: "fedcba",
			Dirs:     map[string]fileID{".": id(6)},
			Pages:    map[string]cachePage{"home": {Key: [32]byte{7}, Files: []cacheFile{{Path: "index.html", ID: id(7)}}}},
			Same:     []string{"indicator/a"},
		},
	}
}

// An index is read back as written, and the same index is always the same
// bytes.
func TestCacheFileRoundTrip(t *testing.T) {
	for name, idx := range map[string]*cacheIndex{
		"sample":   sampleIndex(),
		"no spare": {Identity: "x", Manifest: "y", Pages: map[string]cachePage{}, Dirs: map[string]fileID{}},
	} {
		t.Run(name, func(t *testing.T) {
			b := encodeIndex(nil, idx)
			got, err := decodeIndex(b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, idx) {
				t.Errorf("read back\n%+v\nwant\n%+v", got, idx)
			}
			if again := encodeIndex(nil, got); !bytes.Equal(again, b) {
				t.Error("the same index encoded to other bytes")
			}
		})
	}
}

// Every shortened or lengthened file, and one with a byte changed in a
// length, is refused rather than read as something else.
func TestCacheFileRefusesDamage(t *testing.T) {
	b := encodeIndex(nil, sampleIndex())
	for n := range len(b) {
		if _, err := decodeIndex(b[:n]); err == nil {
			t.Fatalf("a file cut to %d of %d bytes was read", n, len(b))
		}
	}
	if _, err := decodeIndex(append(b[:len(b):len(b)], 0)); err == nil {
		t.Error("a file with a byte after its end was read")
	}
	bad := bytes.Clone(b)
	bad[0] = 0xff // the identity's length: past the end
	if _, err := decodeIndex(bad); err == nil {
		t.Error("a file with a length past its end was read")
	}
}

// FuzzCacheFile: any bytes are read or refused, never a panic, and what
// is read encodes back to the same bytes (each file has one reading).
func FuzzCacheFile(f *testing.F) {
	f.Add(encodeIndex(nil, sampleIndex()))
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		idx, err := decodeIndex(b)
		if err != nil {
			return
		}
		if again := encodeIndex(nil, idx); !bytes.Equal(again, b) {
			t.Errorf("%x read, and encoded back as %x", b, again)
		}
	})
}

// Written to a file part after part, an index is the same bytes as
// encoded at once.
func TestCacheFileWrittenInParts(t *testing.T) {
	idx := sampleIndex()
	for i := range 3000 {
		idx.Pages[fmt.Sprintf("indicator/%04d", i)] = cachePage{Key: [32]byte{byte(i)}, Note: bytes.Repeat([]byte{byte(i)}, i%200), Files: []cacheFile{{Path: fmt.Sprintf("i/%d/index.html", i), ID: fileID{Ino: uint64(i)}}}}
	}
	var buf bytes.Buffer
	if err := writeEncoded(&buf, idx); err != nil {
		t.Fatal(err)
	}
	want := encodeIndex(nil, idx)
	if len(want) < 2*flushAt {
		t.Fatalf("the index is too small to be written in parts: %d bytes", len(want))
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Error("written in parts, the index is not the same bytes")
	}
}
