package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteReplacesAndRemovesStaleFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, map[string][]byte{"index.html": []byte("v1"), "indicators/old/index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, map[string][]byte{"index.html": []byte("v2"), "indicators/new/index.html": []byte("new")}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "v2" {
		t.Errorf("index.html = %q, want v2", got)
	}
	if _, err := os.Stat(filepath.Join(out, "indicators/old")); !os.IsNotExist(err) {
		t.Errorf("stale page of a retired indicator still there: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("leftover directories beside the output: %v", entries)
	}
}

func TestWriteFailureLeavesPreviousSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, map[string][]byte{"index.html": []byte("v1")}); err != nil {
		t.Fatal(err)
	}
	err := Write(out, map[string][]byte{"index.html": []byte("v2"), "../escape": []byte("x")})
	if err == nil {
		t.Fatal("want error for an invalid path")
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "v1" {
		t.Errorf("after a failed write index.html = %q, want v1", got)
	}
	if _, err := os.Stat(out + ".kpisite-new"); !os.IsNotExist(err) {
		t.Errorf("temporary directory left behind")
	}
}

func TestWriteRefusesForeignDirectory(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("precious"), 0o644)
	err := Write(out, map[string][]byte{"index.html": []byte("v1")})
	if err == nil || !strings.Contains(err.Error(), "refusing to replace it") {
		t.Fatalf("err = %v, want refusal", err)
	}
	if got := read(t, filepath.Join(out, "thesis.docx")); got != "precious" {
		t.Error("foreign file changed")
	}
}
