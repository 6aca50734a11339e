package render

import (
	"reflect"
	"testing"
)

// An indicator's parts come back the same from its note in the build
// cache, and from its chart and data files when the note cannot be read.
func TestPartsNoteRoundTrips(t *testing.T) {
	b, s := benchBuilder(t)
	if _, err := b.indicatorJob(s)(); err != nil {
		t.Fatal(err)
	}
	want := *b.parts[s]
	want.all = nil
	if len(want.sparkline) == 0 || want.csvLen == 0 || want.jsonLen == 0 {
		t.Fatalf("the job left no parts: csv %d, json %d, sparkline %d bytes", want.csvLen, want.jsonLen, len(want.sparkline))
	}
	n := b.partsNote(s)
	note := n.note()
	for _, tc := range []struct {
		name string
		note []byte
	}{{"from the note", note}, {"unreadable note", []byte("{not json")}, {"no note", nil}} {
		*b.parts[s] = indicatorParts{}
		if err := n.kept(tc.note); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := *b.parts[s]
		got.all = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: parts = %+v, want %+v", tc.name, got, want)
		}
	}
}
