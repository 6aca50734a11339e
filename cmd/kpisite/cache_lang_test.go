package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// welshCacheSite is cacheSite published in English and Welsh, with a
// Welsh title for the site and for one indicator.
func welshCacheSite(t *testing.T) string {
	t.Helper()
	site := cacheSite(t)
	edit(t, filepath.Join(site, "site.toml"), func(s string) string {
		return strings.Replace(s, `language = "en-GB"`, `languages = ["en-GB", "cy"]
cy = { title = "Pwyllgor Cymunedau: perfformiad" }`, 1)
	})
	replaceRe(t, filepath.Join(site, "data", "indicators", "libraries.toml"), `(?m)^title = "[^"]*"`, `title = "Number of visits to libraries"
cy = { title = "Nifer yr ymweliadau â llyfrgelloedd" }`)
	return site
}

// In two languages, each language's pages are cached under its own
// folder: a rebuild after each change equals a build without the cache,
// and a rebuild after no change keeps the Welsh pages as the very same
// files.
func TestCacheRebuildInTwoLanguages(t *testing.T) {
	mutations := []mutation{
		{"latest value", cacheMutations[0].change, true},
		{"welsh indicator title", func(t *testing.T, site string, n int) {
			replaceRe(t, filepath.Join(site, "data", "indicators", "libraries.toml"), `cy = \{ title = "[^"]*" \}`, fmt.Sprintf(`cy = { title = "Ymweliadau â llyfrgelloedd (%d)" }`, n))
		}, false},
		{"welsh twin page", func(t *testing.T, site string, n int) {
			writeAll(t, filepath.Join(site, "content", "about.cy.md"), fmt.Sprintf("+++\ntitle = \"Am y safle hwn\"\n+++\n\nParagraff %d.\n", n))
		}, true},
		{"welsh words file", func(t *testing.T, site string, n int) {
			b, err := readDefault("i18n/cy.toml")
			if err != nil {
				t.Fatal(err)
			}
			writeAll(t, filepath.Join(site, "themes", "default", "i18n", "cy.toml"), strings.Replace(string(b), `"Cerdyn sgorio"`, fmt.Sprintf(`"Cerdyn sgorio %d"`, n), 1))
		}, false},
	}
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			site := welshCacheSite(t)
			out := coldBuild(t, site)
			if _, err := os.Stat(filepath.Join(out, "cy", "indicators", "library-visits", "index.html")); err != nil {
				t.Fatalf("no Welsh indicator page: %v", err)
			}
			m.change(t, site, 1)
			stdout := rebuildMatchesCold(t, site, out)
			if m.kept && !strings.Contains(stdout, "kept from the previous build") {
				t.Errorf("the rebuild kept no page: %s", stdout)
			}
		})
	}
	t.Run("no change", func(t *testing.T) {
		t.Parallel()
		site := welshCacheSite(t)
		out := coldBuild(t, site)
		page := filepath.Join(out, "cy", "indicators", "library-visits", "index.html")
		before := inode(t, page)
		rebuildMatchesCold(t, site, out)
		if inode(t, page) != before {
			t.Error("a rebuild with nothing changed rendered the Welsh indicator page again instead of keeping it")
		}
	})
}

func inode(t *testing.T, name string) uint64 {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		t.Skip("no inode numbers here")
	}
	return st.Ino
}
