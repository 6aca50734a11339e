package site

import (
	"strings"
	"testing"
)

// TestWhatChangedNeverShowsWithheldFigures builds the test site against a
// previous all.csv (with no releases.json: an OUT from an older kpisite)
// that did not yet have the small-numbers figures (one of them withheld,
// 3 under suppress_below = 5) and had a different IDVA figure: the new
// figures are listed as published, [c] for the withheld one, and the
// revision shows the old and new figures and the note.
func TestWhatChangedNeverShowsWithheldFigures(t *testing.T) {
	first := mustBuild(t, testSite())
	var prev []string
	for _, line := range strings.SplitAfter(string(first["data/all.csv"]), "\n") {
		switch {
		case strings.HasPrefix(line, "small-numbers,"):
			continue
		case strings.HasPrefix(line, "idva-referrals,2021/22 Q2,395,"):
			line = strings.Replace(line, ",395,", ",390,", 1)
		}
		prev = append(prev, line)
	}
	files, c, err := Build(testSite(), Options{BuildDate: buildDate, Version: "test", Previous: Previous{
		AllCSV: []byte(strings.Join(prev, "")), AllCSVName: "previous/all.csv",
	}})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, c.Problems)
	}
	page := string(files["changes/index.html"])
	mustContain(t, "changes", page,
		"2 new figures, 1 revised figure, 1 indicator added.",
		"<td>2021/22 Q1</td>\n<td class=\"num\">[c]</td>",
		"<td>2022/23 Q1</td>\n<td class=\"num\">6</td>",
		"<td>2021/22 Q2</td>\n<td class=\"num\">390</td>\n<td class=\"num\">395</td>\n<td>Revised after a data cleanse</td>",
		`<div class="flag-key">`, "<dt>[c]</dt>",
	)
	for _, f := range []string{"changes/index.html", "changes/releases.json", "feed.xml", "search/index.json", "search/index.html"} {
		for _, leak := range []string{">3<", "\"3\"", ": 3,"} {
			if strings.Contains(string(files[f]), leak) {
				t.Errorf("%s contains %q: the withheld figure may have leaked", f, leak)
			}
		}
	}
	// Without the previous releases.json: one release, compared.
	if n := strings.Count(page, `<section class="release"`); n != 1 {
		t.Errorf("%d releases on the page, want 1", n)
	}
	// The same inputs again: the same bytes.
	again, _, err := Build(testSite(), Options{BuildDate: buildDate, Version: "test", Previous: Previous{
		AllCSV: []byte(strings.Join(prev, "")), AllCSVName: "previous/all.csv",
	}})
	if err != nil || string(again["changes/index.html"]) != page || string(again["changes/releases.json"]) != string(files["changes/releases.json"]) {
		t.Errorf("building again gave different bytes (err %v)", err)
	}
}

// TestSearchPage: the A to Z list has every current indicator under its
// letter with its service and status, the retired one with its reference,
// and the script and index it needs.
func TestSearchPage(t *testing.T) {
	files := mustBuild(t, testSite())
	page := string(files["search/index.html"])
	mustContain(t, "search", page,
		`<script src="../assets/search.js" defer></script>`,
		`data-index="index.json"`,
		`<h2 id="az-i">I</h2>`,
		`<li data-id="idva-referrals">`+"\n"+`<a href="../indicators/idva-referrals/">IDVA referrals</a> <span class="az-title">Full title: Referrals to the IDVA &lt;script&gt;alert(1)&lt;/script&gt; service</span>`,
		`Domestic Abuse · <span class="status status-amber">`,
		`<h2 id="retired-indicators">Retired indicators</h2>`,
		`Libraries · Indicator 38 · Retired, last figure 2019/20 Q2`,
	)
	if strings.Index(page, `id="az-s"`) < strings.Index(page, `id="az-i"`) {
		t.Errorf("letters are not in order")
	}
	idx := string(files["search/index.json"])
	for _, want := range []string{`"services":["Domestic Abuse","Libraries"]`, `"id":"idva-referrals","name":"IDVA referrals"`, `"definition":"Referrals received."`, `"codes":["Indicator 38"]`, `"retired":true`} {
		if !strings.Contains(idx, want) {
			t.Errorf("search/index.json lacks %s:\n%s", want, idx)
		}
	}
	if files["assets/search.js"] == nil {
		t.Error("assets/search.js is not published")
	}
	for _, p := range []string{"index.html", "indicators/idva-referrals/index.html", "changes/index.html"} {
		mustContain(t, p, string(files[p]), `search/">Search</a>`, `changes/">What changed in this release</a>`)
	}
}
