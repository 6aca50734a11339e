package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// fragBuild is one build's use of the store: the groups it shows without
// rendering them, and those it renders, with their pieces.
type fragBuild struct {
	live []string
	put  map[string]map[string]string
}

// run opens the store beside out as a build does, puts its pieces (each
// got from the store first, as render does, when it is there), and
// commits. It fails the test when a piece got differs from want.
func (b fragBuild) run(t *testing.T, out string, id []byte, want map[string]string) {
	t.Helper()
	f := OpenFragments(out, id)
	for _, g := range b.live {
		f.Live(g)
	}
	var buf []byte
	for g, m := range b.put {
		f.Live(g)
		for k, v := range m {
			if got, ok := f.Get(fragKey(k), buf); ok {
				if w, known := want[k]; !known || string(got) != w {
					t.Fatalf("Get(%s) = %q; want %q (known %v)", k, got, w, known)
				}
				buf = got
			}
			f.Put(g, fragKey(k), []byte(v))
		}
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
}

// storeHas checks that the store beside out holds exactly the pieces of
// want (and no other of the keys named in all).
func storeHas(t *testing.T, out string, id []byte, want map[string]string, all []string) {
	t.Helper()
	f := OpenFragments(out, id)
	defer f.Abort()
	for _, k := range all {
		got, ok := f.Get(fragKey(k), nil)
		w, in := want[k]
		if ok != in || string(got) != w {
			t.Errorf("Get(%s) = %q, %v; want %q, %v", k, got, ok, w, in)
		}
		if n, ok := f.Len(fragKey(k)); in && (!ok || n != len(w)) {
			t.Errorf("Len(%s) = %d, %v; want %d", k, n, ok, len(w))
		}
	}
}

func fileState(t *testing.T, path string) (os.FileInfo, []byte) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return st, data
}

// A rebuild appends its new pieces to the store, in place: the bytes
// already there are not touched, pieces it keeps are listed where they
// are, pieces of groups gone are no longer found; once the dead space
// would pass the live bytes the store is written anew (compacted).
func TestFragmentsAppendSequence(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	path := out + fragmentsSuffix
	id := []byte("build 1")
	big := strings.Repeat("<td>figure</td>", 2000) // 30 kB: past fragmentsSlack
	all := []string{"a1", "a2", "a3", "a4", "b1", "c1", "a1x", "a2x", "a3x"}
	want := map[string]string{"a1": "A1" + big, "a2": "A2" + big, "a3": "A3" + big, "b1": "B1" + big}
	fragBuild{put: map[string]map[string]string{
		"reports/a": {"a1": want["a1"], "a2": want["a2"], "a3": want["a3"]},
		"feed.xml":  {"b1": want["b1"]},
	}}.run(t, out, id, want)
	storeHas(t, out, id, want, all)
	st1, data1 := fileState(t, path)

	// The report rendered again with one new section, the feed kept
	// whole: appended.
	want2 := map[string]string{"a1": want["a1"], "a2": want["a2"], "a4": "A4" + big, "b1": want["b1"]}
	fragBuild{live: []string{"feed.xml"}, put: map[string]map[string]string{
		"reports/a": {"a1": want2["a1"], "a2": want2["a2"], "a4": want2["a4"]},
	}}.run(t, out, id, want)
	storeHas(t, out, id, want2, all)
	st2, data2 := fileState(t, path)
	if !os.SameFile(st1, st2) || !bytes.HasPrefix(data2, data1) {
		t.Fatalf("the second build did not append to the store in place (same file %v, kept its bytes %v)", os.SameFile(st1, st2), bytes.HasPrefix(data2, data1))
	}
	if added := len(data2) - len(data1); added >= len(data1)/2 || !bytes.Contains(data2[len(data1):], []byte(want2["a4"])) {
		t.Errorf("the append added %d bytes to a store of %d; want the new piece, an index and a tail", added, len(data1))
	}
	if bytes.Count(data2, []byte(want2["a1"])) != 1 {
		t.Error("a kept piece was written again")
	}

	// A build that renders nothing new and drops nothing leaves the
	// store as it is, whether it renders the report again from the
	// store's pieces or keeps it whole.
	for _, b := range []fragBuild{
		{live: []string{"feed.xml"}, put: map[string]map[string]string{"reports/a": {"a1": want2["a1"], "a2": want2["a2"], "a4": want2["a4"]}}},
		{live: []string{"feed.xml", "reports/a"}},
	} {
		b.run(t, out, id, want2)
		if st, data := fileState(t, path); !os.SameFile(st, st2) || !bytes.Equal(data, data2) {
			t.Fatal("a build with nothing new changed the store")
		}
	}
	storeHas(t, out, id, want2, all)

	// The feed neither shown nor rendered: its piece is gone. A piece
	// rendered again under a key the store holds is not written again.
	want3 := map[string]string{"a1": want["a1"], "a2": want["a2"], "a4": want2["a4"]}
	fragBuild{put: map[string]map[string]string{
		"reports/a": {"a1": want3["a1"], "a2": want3["a2"], "a4": want3["a4"]},
	}}.run(t, out, id, want2)
	storeHas(t, out, id, want3, all)
	st3, data3 := fileState(t, path)
	if !os.SameFile(st1, st3) || !bytes.HasPrefix(data3, data2) {
		t.Fatal("the third build did not append")
	}

	// Every section replaced: the dead space would pass the live bytes,
	// so the store is written anew, with the live pieces only.
	want4 := map[string]string{"a1x": "A1x" + big, "a2x": "A2x" + big, "a3x": "A3x" + big}
	fragBuild{put: map[string]map[string]string{"reports/a": want4}}.run(t, out, id, want3)
	storeHas(t, out, id, want4, all)
	st4, data4 := fileState(t, path)
	if os.SameFile(st1, st4) {
		t.Error("the store was appended to although most of it was dead")
	}
	if fresh := freshStore(t, want4, map[string]string{"a1x": "reports/a", "a2x": "reports/a", "a3x": "reports/a"}, id); len(data4) != fresh {
		t.Errorf("the compacted store has %d bytes; a store written from nothing with the same pieces has %d", len(data4), fresh)
	}
}

// freshStore is the size of a store holding pieces (in their groups)
// written by a build with none before it.
func freshStore(t *testing.T, pieces, groups map[string]string, id []byte) int {
	t.Helper()
	out := filepath.Join(t.TempDir(), "fresh")
	f := OpenFragments(out, id)
	for k, v := range pieces {
		f.Put(groups[k], fragKey(k), []byte(v))
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(out + fragmentsSuffix)
	if err != nil {
		t.Fatal(err)
	}
	return int(st.Size())
}

// Over many rebuilds that each change one piece, the store stays within
// twice the size of one holding only the live pieces (the live pieces are
// more than fragmentsSlack).
func TestFragmentsGrowthBounded(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	id := []byte("build 1")
	pieces, groups := map[string]string{}, map[string]string{}
	var slot [20]string // the key of each piece
	for i := range slot {
		slot[i] = fmt.Sprintf("s%02d", i)
		pieces[slot[i]], groups[slot[i]] = strings.Repeat(slot[i], 2000), "reports/a" // 80 kB in all
	}
	put := func() map[string]map[string]string {
		m := map[string]string{}
		for k, v := range pieces {
			m[k] = v
		}
		return map[string]map[string]string{"reports/a": m}
	}
	fragBuild{put: put()}.run(t, out, id, pieces)
	appends, rewrites := 0, 0
	prev, _ := os.Stat(out + fragmentsSuffix)
	for n := range 200 {
		old := map[string]string{}
		for k, v := range pieces {
			old[k] = v
		}
		delete(pieces, slot[n%20])
		delete(groups, slot[n%20])
		k := fmt.Sprintf("s%02d-%d", n%20, n)
		pieces[k], groups[k], slot[n%20] = strings.Repeat("x", 4000+n%7), "reports/a", k
		fragBuild{put: put()}.run(t, out, id, old)
		st, _ := os.Stat(out + fragmentsSuffix)
		if os.SameFile(prev, st) {
			appends++
		} else {
			rewrites++
		}
		prev = st
		if limit := 2*freshStore(t, pieces, groups, id) + 64; st.Size() > int64(limit) {
			t.Fatalf("after %d rebuilds the store has %d bytes; want at most %d", n+1, st.Size(), limit)
		}
	}
	storeHas(t, out, id, pieces, nil)
	if appends < 150 || rewrites < 3 {
		t.Errorf("200 rebuilds appended %d times and compacted %d times; want mostly appends and some compactions", appends, rewrites)
	}
}

// A build killed in the middle of its append (or a build reading the
// store while another appends) leaves a store cut anywhere in the
// appended part: the next build finds either the store as it was before
// the append (cut at its start) or none, never a wrong piece, and then
// writes a whole valid store again.
func TestFragmentsTornAppend(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	path := out + fragmentsSuffix
	id := []byte("build 1")
	before := map[string]string{"a1": "first section", "a2": "second section", "b1": "an entry"}
	fragBuild{put: map[string]map[string]string{"reports/a": {"a1": before["a1"], "a2": before["a2"]}, "feed.xml": {"b1": before["b1"]}}}.run(t, out, id, nil)
	_, data1 := fileState(t, path)
	after := map[string]string{"a1": "first section", "a3": "third section", "b1": "an entry"}
	fragBuild{live: []string{"feed.xml"}, put: map[string]map[string]string{"reports/a": {"a1": after["a1"], "a3": after["a3"]}}}.run(t, out, id, before)
	_, data2 := fileState(t, path)
	if !bytes.HasPrefix(data2, data1) {
		t.Fatal("the rebuild did not append")
	}
	all := []string{"a1", "a2", "a3", "b1"}
	next := map[string]string{"a1": "first section", "a4": "fourth section", "b1": "an entry"}
	for n := len(data1); n <= len(data2); n++ {
		if err := os.WriteFile(path, data2[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		switch n {
		case len(data1):
			storeHas(t, out, id, before, all)
		case len(data2):
			storeHas(t, out, id, after, all)
		default:
			storeHas(t, out, id, nil, all)
		}
		if t.Failed() {
			t.Fatalf("store cut at %d of %d bytes (the append starts at %d)", n, len(data2), len(data1))
		}
		if n%7 != 0 && n != len(data1)+1 {
			continue
		}
		// The next build writes a valid store again, and appends to it.
		fragBuild{live: []string{"feed.xml"}, put: map[string]map[string]string{"reports/a": {"a1": next["a1"], "a4": next["a4"]}}}.run(t, out, id, after)
		if n == len(data1) {
			storeHas(t, out, id, next, all)
		} else {
			// The feed's entry was in the store the build ignored.
			storeHas(t, out, id, map[string]string{"a1": next["a1"], "a4": next["a4"]}, all)
		}
		if t.Failed() {
			t.Fatalf("the build after a store cut at %d of %d bytes", n, len(data2))
		}
	}
}

// Two builds that read the same store (one without the lock, while the
// other builds): the first appends, the second finds the file changed
// since it read it and writes a whole store of its own pieces, copied
// from the store as it read it. A damaged byte anywhere before an append
// still makes the store ignored after it.
func TestFragmentsConcurrentBuilds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	path := out + fragmentsSuffix
	id := []byte("build 1")
	base := map[string]string{"a1": "first", "a2": "second", "b1": "entry"}
	fragBuild{put: map[string]map[string]string{"reports/a": {"a1": "first", "a2": "second"}, "feed.xml": {"b1": "entry"}}}.run(t, out, id, nil)
	st0, _ := fileState(t, path)

	one, two := OpenFragments(out, id), OpenFragments(out, id)
	var wg sync.WaitGroup
	for _, c := range []struct {
		f   *Fragments
		new string
	}{{one, "one"}, {two, "two"}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.f.Live("feed.xml")
			for _, k := range []string{"a1", "a2"} {
				got, ok := c.f.Get(fragKey(k), nil)
				if !ok || string(got) != base[k] {
					t.Errorf("Get(%s) = %q, %v", k, got, ok)
				}
				c.f.Put("reports/a", fragKey(k), got)
			}
			c.f.Put("reports/a", fragKey(c.new), []byte("section of "+c.new))
		}()
	}
	wg.Wait()
	if err := one.Commit(); err != nil {
		t.Fatal(err)
	}
	st1, data1 := fileState(t, path)
	if !os.SameFile(st0, st1) {
		t.Fatal("the first build did not append")
	}
	if err := two.Commit(); err != nil {
		t.Fatal(err)
	}
	st2, _ := fileState(t, path)
	if os.SameFile(st0, st2) {
		t.Fatal("the second build appended to a store that changed after it read it")
	}
	all := []string{"a1", "a2", "b1", "one", "two"}
	storeHas(t, out, id, map[string]string{"a1": "first", "a2": "second", "b1": "entry", "two": "section of two"}, all)

	// A byte damaged in the part before an append.
	if err := os.WriteFile(path, data1, 0o644); err != nil {
		t.Fatal(err)
	}
	storeHas(t, out, id, map[string]string{"a1": "first", "a2": "second", "b1": "entry", "one": "section of one"}, all)
	bad := bytes.Clone(data1)
	bad[bytes.Index(bad, []byte("first"))] ^= 0x20
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	storeHas(t, out, id, map[string]string{"a2": "second", "b1": "entry", "one": "section of one"}, all)
	// The build that finds it damaged renders it again: the store then
	// holds it whole again.
	f := OpenFragments(out, id)
	f.Live("feed.xml")
	for k, v := range map[string]string{"a1": "first", "a2": "second", "one": "section of one"} {
		if got, ok := f.Get(fragKey(k), nil); ok {
			f.Put("reports/a", fragKey(k), got)
		} else {
			f.Put("reports/a", fragKey(k), []byte(v))
		}
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	storeHas(t, out, id, map[string]string{"a1": "first", "a2": "second", "b1": "entry", "one": "section of one"}, all)
}

// Any one byte of a store that was appended to, damaged: a piece is
// found with exactly its bytes, or not found; damage to the format line,
// the identity, the last index or its tail sets the whole store aside,
// and damage to dead space changes nothing.
func TestFragmentsDamagedByte(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	path := out + fragmentsSuffix
	id := []byte("build 1")
	first := map[string]string{"a1": "first section", "a2": "second section", "b1": "an entry"}
	fragBuild{put: map[string]map[string]string{"reports/a": {"a1": first["a1"], "a2": first["a2"]}, "feed.xml": {"b1": first["b1"]}}}.run(t, out, id, nil)
	_, data1 := fileState(t, path)
	want := map[string]string{"a1": "first section", "a3": "third section", "b1": "an entry"}
	fragBuild{live: []string{"feed.xml"}, put: map[string]map[string]string{"reports/a": {"a1": want["a1"], "a3": want["a3"]}}}.run(t, out, id, first)
	_, good := fileState(t, path)
	if !bytes.HasPrefix(good, data1) {
		t.Fatal("the rebuild did not append")
	}
	all := []string{"a1", "a2", "a3", "b1"}
	deadOnly := 0
	for i := range good {
		bad := bytes.Clone(good)
		bad[i] ^= 0x01
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		f := OpenFragments(out, id)
		found := 0
		for _, k := range all {
			got, ok := f.Get(fragKey(k), nil)
			if ok && string(got) != want[k] {
				t.Fatalf("byte %d damaged: Get(%s) = %q; want %q or nothing", i, k, got, want[k])
			}
			if ok {
				found++
			}
		}
		f.Abort()
		if found == len(want) {
			deadOnly++
		}
	}
	// The dead space: the first segment but for its head and the pieces
	// a1 and b1.
	if dead := len(data1) - len(fragmentsHead(id)) - len(first["a1"]) - len(first["b1"]); deadOnly < dead {
		t.Errorf("%d damaged bytes left every piece found; want at least the %d of dead space", deadOnly, dead)
	}
}
