package render

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// A note reads back as the record it was written from, whatever its text,
// with a nil sparkline kept apart from an empty one; anything else (a
// note cut short, with bytes after it, of another version or of an older
// kpisite's JSON) is refused, so the parts are worked out again.
func TestPartsNoteReadsBack(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 2000 {
		rec := partsRecord{Desc: hostileString(r), HasReport: r.IntN(2) == 0, CSV: r.IntN(1 << 30), JSON: r.IntN(100000)}
		switch i % 3 {
		case 1:
			rec.Sparkline = []byte{}
		case 2:
			rec.Sparkline = []byte(hostileString(r) + "<svg></svg>")
		}
		note := rec.encode()
		var back partsRecord
		if err := back.decode(note); err != nil {
			t.Fatalf("note %q does not read back: %v", note, err)
		}
		if !reflect.DeepEqual(back, rec) {
			t.Fatalf("note read back as %+v, want %+v", back, rec)
		}
		if len(note) > 0 {
			note[len(note)-1]++ // the read sparkline is a copy
			if !reflect.DeepEqual(back, rec) && len(rec.Sparkline) > 0 {
				t.Fatalf("the sparkline read back shares the note's bytes")
			}
			note[len(note)-1]--
		}
		for _, bad := range [][]byte{nil, note[:len(note)-1], append(note[:len(note):len(note)], 0), append([]byte{partsVersion + 1}, note[1:]...)} {
			if err := new(partsRecord).decode(bad); err == nil {
				t.Fatalf("note %q read back; want it refused", bad)
			}
		}
	}
	if err := new(partsRecord).decode([]byte(`{"desc":"","sparkline":"PHN2Zz4="}`)); err == nil {
		t.Error("an older kpisite's JSON note read back; want it refused")
	}
}
