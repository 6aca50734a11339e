package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportOpenSDG(t *testing.T) {
	repo := filepath.Join("..", "..", "generator", "importer", "opensdg", "testdata", "repo")
	out := filepath.Join(t.TempDir(), "sdg")
	t.Setenv("SOURCE_DATE_EPOCH", "1730419200") // 2024-11-01
	code, stdout, stderr := runCLI(t, "import", "opensdg", repo, "-o", out)
	if code != exitOK || !strings.Contains(stdout, "created "+filepath.ToSlash(filepath.Join(out, "site.toml"))) {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	// Warnings are positioned in the Open SDG repository.
	if !strings.Contains(stdout, filepath.ToSlash(repo)+"/data/indicator_3-4-2.csv:1:29: warning: column \"GeoCode\"") {
		t.Errorf("warnings are not positioned in DIR:\n%s", stdout)
	}
	golden, err := os.ReadFile(filepath.Join(repo, "..", "golden", "data", "values", "1-2-1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "data", "values", "1-2-1.csv"))
	if err != nil || string(got) != string(golden) {
		t.Errorf("data/values/1-2-1.csv = %q, %v; want the golden file", got, err)
	}

	// Never over an existing site.
	before, _ := os.ReadFile(filepath.Join(out, "site.toml"))
	code, _, stderr = runCLI(t, "import", "opensdg", repo, "-o", out)
	after, _ := os.ReadFile(filepath.Join(out, "site.toml"))
	if code != exitInput || !strings.Contains(stderr, "is not empty") || string(before) != string(after) {
		t.Errorf("second import into the same folder: exit %d\n%s", code, stderr)
	}

	// Errors: nothing written.
	bad := filepath.Join("..", "..", "generator", "importer", "opensdg", "testdata", "bad")
	out2 := filepath.Join(t.TempDir(), "bad")
	code, stdout, stderr = runCLI(t, "import", "opensdg", bad, "-o", out2)
	if code != exitInput || !strings.Contains(stdout, "indicator_3-4-2.csv:1:28: column \"Area\"") || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("bad repository: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Errorf("%s exists after a failed import", out2)
	}
}

func TestImportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"import"},
		{"import", "csv", "x", "-o", "y"},
		{"import", "opensdg"},
		{"import", "opensdg", "."},
		{"import", "opensdg", ".", "extra", "-o", "y"},
	} {
		if code, _, _ := runCLI(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}
