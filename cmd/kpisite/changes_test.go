package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBuildTwiceShowsWhatChanged builds a release, revises a figure (with
// a note), adds one and builds the next release into the same OUT; then
// builds that release again from a fresh OUT with --previous, as CI does.
func TestBuildTwiceShowsWhatChanged(t *testing.T) {
	site := mustSmallSite(t)
	cfg := filepath.Join(site, "site.toml")
	values := filepath.Join(site, "data", "values", "libraries.csv")
	setPublished := func(date string) {
		t.Helper()
		mustWrite(t, cfg, regexp.MustCompile(`(?m)^published = .*$`).ReplaceAllString(mustRead(t, cfg), "published = "+date))
	}
	setPublished("2024-11-01")
	out := filepath.Join(t.TempDir(), "public")
	build := func(args ...string) {
		t.Helper()
		if code, _, stderr := runCLI(t, append([]string{"build", "-s", site}, args...)...); code != exitOK {
			t.Fatalf("build %v: exit %d\n%s", args, code, stderr)
		}
	}

	build("-o", out)
	first := mustRead(t, filepath.Join(out, "changes", "index.html"))
	for _, want := range []string{`<time datetime="2024-11-01">1 November 2024</time>`, "There was no previous release to compare with."} {
		if !strings.Contains(first, want) {
			t.Errorf("first release: changes page lacks %q", want)
		}
	}
	if feed := mustRead(t, filepath.Join(out, "feed.xml")); !strings.Contains(feed, "changes/#release-2024-11-01") {
		t.Errorf("first release: feed.xml has no entry for it")
	}

	// The next release: one figure revised with a note, one new figure.
	csv := mustRead(t, values)
	csv = strings.Replace(csv, `library-visits,2024/25 Q1,"46,240",,,`, `library-visits,2024/25 Q1,"46,410",,r,Late returns from two branches added.`, 1)
	csv += "library-visits,2024/25 Q3,\"45,500\",,p,\n"
	mustWrite(t, values, csv)
	setPublished("2025-02-06")
	build("-o", out)
	page := mustRead(t, filepath.Join(out, "changes", "index.html"))
	for _, want := range []string{
		`<h2 id="release-2025-02-06"><time datetime="2025-02-06">6 February 2025</time>`,
		"1 new figure, 1 revised figure.",
		"<td>2024/25 Q1</td>\n<td class=\"num\">46,240</td>\n<td class=\"num\">46,410</td>\n<td>Late returns from two branches added.</td>",
		"<td>2024/25 Q3</td>\n<td class=\"num\">45,500</td>",
		`<h2 id="release-2024-11-01">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("second release: changes page lacks %q", want)
		}
	}
	if strings.Index(page, "release-2025-02-06") > strings.Index(page, "release-2024-11-01") {
		t.Errorf("releases are not newest first")
	}
	feed := mustRead(t, filepath.Join(out, "feed.xml"))
	if !strings.Contains(feed, "<title>What changed: release of 6 February 2025</title>") || !strings.Contains(feed, "<summary>1 new figure, 1 revised figure.</summary>") ||
		!strings.Contains(feed, "changes/#release-2024-11-01") {
		t.Errorf("feed.xml lacks the releases' entries:\n%s", feed)
	}
	releases := mustRead(t, filepath.Join(out, "changes", "releases.json"))

	// Built again with no change: byte for byte the same, no new release.
	build("-o", out)
	if again := mustRead(t, filepath.Join(out, "changes", "releases.json")); again != releases {
		t.Errorf("building again changed releases.json:\n%s\nwas\n%s", again, releases)
	}
	if again := mustRead(t, filepath.Join(out, "changes", "index.html")); again != page {
		t.Errorf("building again changed the changes page")
	}

	// CI from a fresh clone: the previous release's files downloaded
	// beside each other, then --previous. Build the second release again
	// on top of the first one's files: the same page.
	prev := t.TempDir()
	first2 := filepath.Join(t.TempDir(), "public")
	mustWrite(t, values, strings.Replace(strings.Replace(csv, `library-visits,2024/25 Q1,"46,410",,r,Late returns from two branches added.`, `library-visits,2024/25 Q1,"46,240",,,`, 1), "library-visits,2024/25 Q3,\"45,500\",,p,\n", "", 1))
	setPublished("2024-11-01")
	build("-o", first2)
	mustWrite(t, filepath.Join(prev, "all.csv"), mustRead(t, filepath.Join(first2, "data", "all.csv")))
	mustWrite(t, filepath.Join(prev, "releases.json"), mustRead(t, filepath.Join(first2, "changes", "releases.json")))
	mustWrite(t, values, csv)
	setPublished("2025-02-06")
	fresh := filepath.Join(t.TempDir(), "public")
	build("-o", fresh, "--previous", filepath.Join(prev, "all.csv"))
	if got := mustRead(t, filepath.Join(fresh, "changes", "index.html")); got != page {
		t.Errorf("--previous gave a different changes page than building over OUT")
	}

	// A published date moved back to an earlier release's: an error, and
	// OUT stays as it was.
	setPublished("2024-11-01")
	if code, _, stderr := runCLI(t, "build", "-s", site, "-o", out); code != exitInput || !strings.Contains(stderr, "published 2024-11-01 is the date of an earlier release, not of the newest (2025-02-06)") {
		t.Errorf("published moved back: exit %d\n%s", code, stderr)
	}
	if got := mustRead(t, filepath.Join(out, "changes", "releases.json")); got != releases {
		t.Errorf("a failed build changed OUT")
	}

	// A --previous file that is not there is a usage error.
	if code, _, stderr := runCLI(t, "build", "-s", site, "-o", fresh, "--previous", filepath.Join(prev, "nope.csv")); code != exitUsage || !strings.Contains(stderr, "nope.csv: no such file") {
		t.Errorf("missing --previous: exit %d\n%s", code, stderr)
	}
	// A file that is not a kpisite all.csv is an input error, with where.
	bad := filepath.Join(prev, "bad.csv")
	mustWrite(t, bad, "a,b\n1,2\n")
	if code, _, stderr := runCLI(t, "build", "-s", site, "-o", fresh, "--previous", bad); code != exitInput || !strings.Contains(stderr, `bad.csv:1: no "indicator" column`) {
		t.Errorf("bad --previous: exit %d\n%s", code, stderr)
	}
}
