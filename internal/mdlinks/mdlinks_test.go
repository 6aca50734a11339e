package mdlinks

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// repoRoot is the repository, two folders up from this package.
const repoRoot = "../.."

// documents are the repository's own Markdown documents: README.md, every
// file under docs/, and the browser tests' README.
func documents(t *testing.T) []string {
	t.Helper()
	files := []string{"README.md", "tests/browser/README.md"}
	err := filepath.WalkDir(filepath.Join(repoRoot, "docs"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, err := filepath.Rel(repoRoot, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestRepositoryLinks: every relative link of README.md and docs/ resolves
// to a file of the repository, and every #fragment to a heading.
func TestRepositoryLinks(t *testing.T) {
	files := documents(t)
	if len(files) < 5 {
		t.Fatalf("found only %q", files)
	}
	broken, err := Check(repoRoot, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Error(b)
	}
}

// TestNoPointerOutside: the documents never send a reader to a file they
// do not have (the project's specification lives outside the repository).
func TestNoPointerOutside(t *testing.T) {
	outside := regexp.MustCompile(`\bSPEC\b|SPEC\.md|(the|project.s) shared folder|\.\./shared|/work/`)
	for _, f := range documents(t) {
		src, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := outside.FindString(line); m != "" {
				t.Errorf("%s:%d: %q points outside the repository; the contract is docs/reference.md", f, i+1, m)
			}
		}
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("docs/guide.md", "# Guide\n\n## 2. site.toml\n\n## Repeated\n\n## Repeated\n\n## A `code` heading: yes!\n")
	write("docs/img/x.svg", "<svg/>")
	write("README.md", strings.Join([]string{
		"# Read me",
		"[ok](docs/guide.md) [ok](docs/guide.md#2-sitetoml) [ok](docs/guide.md#repeated-1)",
		"[ok](docs/guide.md#a-code-heading-yes) [ok](docs/) [ok](#read-me) ![ok](docs/img/x.svg)",
		"[ok](https://example.org/missing) [ok](mailto:a@example.org)",
		"`[not a link](missing.md)`",
		"",
		"    [not a link either](missing.md)",
		"",
		"[missing](docs/missing.md)",
		"[bad fragment](docs/guide.md#nowhere)",
		"[outside](../SPEC.md)",
		"[absolute](/docs/guide.md)",
		"[own fragment](#nowhere)",
		"[ref]",
		"",
		"[ref]: docs/gone.md",
	}, "\n"))
	broken, err := Check(dir, []string{"README.md"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range broken {
		got = append(got, b.String())
	}
	want := []string{
		`README.md:9: link "docs/missing.md": docs/missing.md does not exist`,
		`README.md:10: link "docs/guide.md#nowhere": docs/guide.md has no heading with anchor #nowhere`,
		`README.md:11: link "../SPEC.md": points outside the repository; expected a file in it`,
		`README.md:12: link "/docs/guide.md": an absolute path; expected a path relative to this file`,
		`README.md:13: link "#nowhere": README.md has no heading with anchor #nowhere`,
		`README.md:16: link "docs/gone.md": docs/gone.md does not exist`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
