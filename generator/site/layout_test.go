package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The phone-first frame: a "More" menu that needs no JavaScript, one
// notice band, the home page's scorecard before its text, and scorecard
// cells labelled for the stacked layout.
func TestPhoneFirstFrame(t *testing.T) {
	fsys := testSite()
	fsys["content/methodology.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"How we measure performance\"\n+++\nMethod.\n")}
	files, _, err := Build(fsys, Options{BuildDate: time.Date(2022, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	home := string(files["index.html"])
	if n := strings.Count(home, `role="note"`); n != 1 {
		t.Errorf("home page has %d notice bands; want one holding both notices", n)
	}
	notice := home[strings.Index(home, `role="note"`):]
	notice = notice[:strings.Index(notice, "</div>")]
	for _, want := range []string{"due for an update", "Figures are illustrative."} {
		if !strings.Contains(notice, want) {
			t.Errorf("notice band lacks %q", want)
		}
	}
	more := strings.Index(home, `<details class="nav-more">`)
	if more < 0 || !strings.Contains(home[more:], `<a href="data/">Open data</a>`) {
		t.Error(`navigation has no "More" menu holding the secondary links`)
	}
	if !strings.Contains(home, `<li class="nav-extra"><a href="data/">Open data</a></li>`) ||
		!strings.Contains(home, `<li><a href="search/">Search</a></li>`) {
		t.Error("navigation does not mark primary and secondary links")
	}
	score, intro := strings.Index(home, "<h2>Scorecard for"), strings.Index(home, "<h2>About these figures</h2>")
	if score < 0 || intro < 0 || score > intro {
		t.Errorf("home page: scorecard at %d, its text at %d; want the scorecard first", score, intro)
	}
	if !strings.Contains(home, `<a href="methodology/">How we measure performance</a>`) {
		t.Error("home page does not link to the method page")
	}
	for _, label := range []string{"Status", "Figure", "Target"} {
		if !strings.Contains(home, `data-label="`+label+`"`) {
			t.Errorf("scorecard cells lack data-label %q for the stacked layout", label)
		}
	}
	if !strings.Contains(string(files["indicators/idva-referrals/index.html"]), `<li class="breadcrumbs-current" aria-current="page">`) {
		t.Error("breadcrumb's current page is not marked")
	}
}

// The off-target list under the counts names each indicator off target.
func TestHomeOffTargetList(t *testing.T) {
	files := mustBuild(t, testSite())
	home := string(files["index.html"])
	i := strings.Index(home, `<div class="off-target">`)
	if i < 0 {
		t.Fatal("home page has an indicator off target but no off-target list")
	}
	list := home[i : i+strings.Index(home[i:], "</div>")]
	if n, want := strings.Count(list, "<li>"), strings.Count(home, `<td data-label="Status"><span class="status status-red">`); n != want || n == 0 {
		t.Errorf("off-target list has %d indicators; the scorecard has %d off target", n, want)
	}
}
