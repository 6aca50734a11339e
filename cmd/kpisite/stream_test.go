package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFailedRenderLeavesOutUntouched: a build streams its files into a
// temporary folder beside OUT as they are rendered; one that fails half
// way (here a page template that does not run) removes that folder and
// leaves the previous site exactly as it was, with nothing beside it but
// the first build's cache and fragment store.
func TestFailedRenderLeavesOutUntouched(t *testing.T) {
	site := mustSmallSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI(t, "build", "-s", site, "-o", out); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	before := snapshot(t, out)
	store, err := os.ReadFile(out + ".kpisite-fragments")
	if err != nil {
		t.Fatalf("the first build wrote no fragment store: %v", err)
	}
	tmpl := filepath.Join(site, "themes", "default", "templates", "service.html")
	if err := os.MkdirAll(filepath.Dir(tmpl), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tmpl, []byte(`{{define "main"}}{{.NoSuchField}}{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "build", "-s", site, "-o", out)
	if code != exitInput || !strings.Contains(stderr, "nothing was written") {
		t.Fatalf("exit %d; want %d and \"nothing was written\":\n%s", code, exitInput, stderr)
	}
	if !sameFiles(before, snapshot(t, out)) {
		t.Error("the failed build changed the previous site")
	}
	if after, err := os.ReadFile(out + ".kpisite-fragments"); err != nil || string(after) != string(store) {
		t.Errorf("the failed build changed the fragment store (%v)", err)
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != "public.kpisite-cache" && e.Name() != "public.kpisite-fragments" {
			t.Errorf("left beside OUT: %s", e.Name())
		}
	}
}
