package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kpisite/generator/publish"
	"kpisite/generator/site"
)

// TestStreamedFilesSameAsBuffered: a build writes its largest files (the
// reports, data/all.csv) through publish.Stream.Create as they are
// rendered; every file it publishes is byte for byte what the same build
// held in memory (no stream: kpisite serve, check) makes.
func TestStreamedFilesSameAsBuffered(t *testing.T) {
	dir := mustSmallSite(t)
	date := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	t.Setenv("SOURCE_DATE_EPOCH", fmt.Sprint(date.Unix()))
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI(t, "build", "-s", dir, "-o", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	fsys, err := openSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	files, _, err := site.Build(fsys, site.Options{BuildDate: date, Version: version()})
	if err != nil {
		t.Fatal(err)
	}
	streamed := snapshot(t, out)
	delete(streamed, filepath.Join(out, publish.ManifestName))
	reports := 0
	for p, want := range files {
		got, ok := streamed[filepath.Join(out, filepath.FromSlash(p))]
		if !ok {
			t.Errorf("%s: not published", p)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: published %d bytes differ from the %d rendered in memory", p, len(got), len(want))
		}
		if strings.HasPrefix(p, "reports/") && strings.HasSuffix(p, "/index.html") && p != "reports/index.html" {
			reports++
		}
	}
	if len(streamed) != len(files) {
		t.Errorf("published %d files; rendered %d in memory", len(streamed), len(files))
	}
	if reports == 0 || len(files["data/all.csv"]) == 0 {
		t.Fatalf("the site has %d reports and a data/all.csv of %d bytes: nothing streamed was compared", reports, len(files["data/all.csv"]))
	}
}
