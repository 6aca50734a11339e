package serve

import (
	"reflect"
	"testing"
	"testing/fstest"
	"time"
)

func TestScanDiff(t *testing.T) {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	base := func() fstest.MapFS {
		return fstest.MapFS{
			"site.toml":                {Data: []byte("a"), ModTime: t0},
			"data/values/a.csv":        {Data: []byte("x"), ModTime: t0},
			"content/about.md":         {Data: []byte("x"), ModTime: t0},
			"content/.about.md.swp":    {Data: []byte("x"), ModTime: t0},
			"content/.git/HEAD":        {Data: []byte("x"), ModTime: t0},
			"themes/mine/assets/a.css": {Data: []byte("x"), ModTime: t0},
			"public/index.html":        {Data: []byte("x"), ModTime: t0},
			"README.md":                {Data: []byte("x"), ModTime: t0},
		}
	}
	paths := defaultPaths()
	old := scan(base(), paths)
	if len(old) != 4 {
		t.Errorf("scan found %d inputs, want 4 (not hidden files, public/ or README.md): %v", len(old), old)
	}
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   []string
	}{
		{"nothing", func(fstest.MapFS) {}, nil},
		{"modified time", func(m fstest.MapFS) { m["site.toml"].ModTime = t0.Add(time.Nanosecond) }, []string{"site.toml"}},
		{"size", func(m fstest.MapFS) { m["data/values/a.csv"].Data = []byte("xy") }, []string{"data/values/a.csv"}},
		{"added", func(m fstest.MapFS) { m["data/values/b.csv"] = &fstest.MapFile{ModTime: t0} }, []string{"data/values/b.csv"}},
		{"removed", func(m fstest.MapFS) { delete(m, "content/about.md") }, []string{"content/about.md"}},
		{"hidden file", func(m fstest.MapFS) { m["content/.about.md.swp"].Data = []byte("changed") }, nil},
		{"output", func(m fstest.MapFS) { m["public/index.html"].Data = []byte("changed") }, nil},
		{"two, sorted", func(m fstest.MapFS) {
			m["themes/mine/assets/a.css"].ModTime = t0.Add(time.Second)
			m["content/about.md"].ModTime = t0.Add(time.Second)
		}, []string{"content/about.md", "themes/mine/assets/a.css"}},
	}
	for _, tt := range tests {
		fsys := base()
		tt.change(fsys)
		if got := diff(old, scan(fsys, paths)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: diff = %q, want %q", tt.name, got, tt.want)
		}
	}
}
