// Command linkcheck checks every link of a built kpisite site on disk.
//
//	go run ./internal/linkcheck/cmd/linkcheck [-site .] [-dir public] [-base-url URL] [-v]
//
// It reads base_url from SITE/site.toml unless -base-url is given, so that
// root-relative links (404.html uses them) and canonical links resolve into
// the folder. It exits 1 when any link, fragment or id reference is broken,
// listing each as file:line: <tag attr="url">: why. Links to other hosts are
// listed and never fetched.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/BurntSushi/toml"

	"kpisite/internal/linkcheck"
)

func main() {
	site := flag.String("site", ".", "site directory whose site.toml gives base_url")
	dir := flag.String("dir", "", "built site to check (default SITE/public)")
	baseURL := flag.String("base-url", "", "base URL the site was built with (default: base_url from SITE/site.toml)")
	verbose := flag.Bool("v", false, "also list every external link with the pages it is on")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "linkcheck: unexpected arguments; usage: linkcheck [-site DIR] [-dir PUBLIC] [-base-url URL] [-v]")
		os.Exit(2)
	}
	if *dir == "" {
		*dir = filepath.Join(*site, "public")
	}
	if *baseURL == "" {
		var cfg struct {
			BaseURL string `toml:"base_url"`
		}
		if _, err := toml.DecodeFile(filepath.Join(*site, "site.toml"), &cfg); err != nil {
			fmt.Fprintln(os.Stderr, "linkcheck:", err)
			os.Exit(2)
		}
		*baseURL = cfg.BaseURL
	}
	r, err := linkcheck.Check(linkcheck.Options{Dir: *dir, BaseURL: *baseURL})
	if err != nil {
		fmt.Fprintln(os.Stderr, "linkcheck:", err)
		os.Exit(2)
	}

	fmt.Printf("linkcheck: %s (served at %s)\n", *dir, orSlash(*baseURL))
	fmt.Printf("linkcheck: scanned %s, %s, %s\n", count(r.HTML, "HTML page"), count(r.SVG, "SVG file"), count(r.CSS, "CSS file"))
	fmt.Printf("linkcheck: %s: %d inside the site, %d to other hosts (listed, not fetched), %d mailto/tel/data; %s\n",
		count(r.Links, "URL reference"), r.Local, len(r.External), len(r.Other), count(r.IDRefs, "id reference"))
	listGrouped("external links (not fetched)", r.External, *verbose)
	listGrouped("mailto/tel/data links", r.Other, *verbose)
	if len(r.Unlinked) > 0 {
		fmt.Printf("linkcheck: %s no other page links to (not an error): %v\n", count(len(r.Unlinked), "page"), r.Unlinked)
	}
	if !r.OK() {
		fmt.Printf("linkcheck: %d BROKEN:\n", len(r.Broken))
		for _, p := range r.Broken {
			fmt.Printf("  %s/%s\n", filepath.ToSlash(*dir), p)
		}
		fmt.Printf("linkcheck: FAIL: %d broken\n", len(r.Broken))
		os.Exit(1)
	}
	fmt.Println("linkcheck: ok: 0 broken links, fragments or id references")
}

func orSlash(s string) string {
	if s == "" {
		return "/"
	}
	return s
}

// listGrouped prints each distinct URL once, with how many references it has.
func listGrouped(title string, refs []linkcheck.Ref, verbose bool) {
	if len(refs) == 0 {
		return
	}
	byURL := map[string][]linkcheck.Ref{}
	for _, r := range refs {
		byURL[r.URL] = append(byURL[r.URL], r)
	}
	urls := make([]string, 0, len(byURL))
	for u := range byURL {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	fmt.Printf("linkcheck: %s: %d distinct\n", title, len(urls))
	for _, u := range urls {
		fmt.Printf("  %s (%s, first %s:%d)\n", u, count(len(byURL[u]), "reference"), byURL[u][0].File, byURL[u][0].Line)
		if verbose {
			for _, r := range byURL[u] {
				fmt.Printf("      %s:%d\n", r.File, r.Line)
			}
		}
	}
}

// count is "1 page" or "2 pages".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
