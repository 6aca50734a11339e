package render

import (
	"math/rand/v2"
	"strings"
	"testing"

	"kpisite/generator/markdown"
)

// mdSnippets are pieces of commentary: plain text, and everything the
// smallest heading level or the prefix of ids could change (headings of
// both kinds, tables), and look-alikes (raw and escaped HTML, code).
var mdSnippets = []string{
	"Plain words, *emphasis* and **strong** text.\n",
	"# A heading\n",
	"### A deep heading\n",
	"Setext\n======\n",
	"Setext two\n----------\n",
	"| a | b |\n|---|--:|\n| 1 | 2 |\n",
	"Table: A caption\n\n| a |\n|---|\n| 1 |\n",
	"<h2 id=\"raw\">raw heading</h2>\n",
	"Inline <span id=\"x\">raw</span> and `<h3>` in code.\n",
	"    <h4>indented code</h4>\n",
	"> # quoted heading\n",
	"- item\n- # heading in a list\n",
	"[link](https://example.org/h1) and <hr> and &lt;h2&gt;\n",
	"---\n",
	"",
}

// Whatever sameForAllOptions accepts converts to the same bytes with any
// smallest heading level and prefix of ids.
func TestSharedMarkdownIsTheSameForAllOptions(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	for _, unsafe := range []bool{false, true} {
		md := markdown.New(unsafe)
		shared := 0
		for range 400 {
			var b strings.Builder
			for range 1 + r.IntN(4) {
				b.WriteString(mdSnippets[r.IntN(len(mdSnippets))])
				b.WriteString("\n")
			}
			if sameMarkdown(t, md, b.String()) {
				shared++
			}
		}
		if shared == 0 || shared == 400 {
			t.Errorf("unsafe %v: %d of 400 shared; want some and not all", unsafe, shared)
		}
	}
}

// sameMarkdown converts src with each caller's options; when the first
// says it can be shared, every other must be byte for byte the same.
func sameMarkdown(t *testing.T, md *markdown.Renderer, src string) bool {
	t.Helper()
	opts := []markdown.Options{{MinHeading: 3, IDPrefix: "commentary-1-"}, {MinHeading: 5, IDPrefix: "report-x-"}, {MinHeading: 2, IDPrefix: "feed-"}}
	first, err := md.Convert([]byte(src), opts[0])
	if err != nil || !sameForAllOptions(string(first)) {
		return false
	}
	for _, o := range opts[1:] {
		got, err := md.Convert([]byte(src), o)
		if err != nil || string(got) != string(first) {
			t.Errorf("%q: shared as %q, but with %+v it is %q", src, first, o, got)
		}
	}
	return true
}

func FuzzSharedMarkdown(f *testing.F) {
	for _, s := range mdSnippets {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, unsafe bool) {
		sameMarkdown(t, markdown.New(unsafe), src)
	})
}
