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
	"## Same\n\n## Same\n\n###### Six\n",
	"Heading with `code` and [a link](https://example.org/) *em*\n---\n",
	"NUL \x00 byte and <h2 id=\"KPSHARED-x\">\n",
	"# KPSHARED- heading and KPSHARED- text id=\"KPSHARED-\"\n",
	"",
}

// The HTML made from the shared conversion is byte for byte what
// converting for each caller gives, or fromShared declines.
func TestSharedMarkdownIsEachCallersConversion(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	// With unsafe_html commentary is never shared (commentaryHTML).
	for _, unsafe := range []bool{false} {
		md := markdown.New(unsafe)
		made := 0
		for range 400 {
			var b strings.Builder
			for range 1 + r.IntN(5) {
				b.WriteString(mdSnippets[r.IntN(len(mdSnippets))])
				b.WriteString("\n")
			}
			made += sameMarkdown(t, md, b.String())
		}
		if !unsafe && made < 400*4 {
			t.Errorf("%d of %d conversions made from the shared one; want all without unsafe_html", made, 400*4)
		}
	}
}

// sameMarkdown converts src once as commentaryHTML shares it and for each
// caller's options, and fails when fromShared makes other bytes than the
// conversion. It returns how many fromShared made.
func sameMarkdown(t *testing.T, md *markdown.Renderer, src string) int {
	t.Helper()
	shared, err := md.Convert([]byte(src), markdown.Options{MinHeading: 1, IDPrefix: mdMark})
	if err != nil {
		return 0
	}
	made := 0
	for _, o := range []markdown.Options{{MinHeading: 3, IDPrefix: "commentary-1-"}, {MinHeading: 5, IDPrefix: "report-x-"}, {MinHeading: 2, IDPrefix: "feed-"}, {MinHeading: 6, IDPrefix: ""}} {
		want, err := md.Convert([]byte(src), o)
		if err != nil {
			continue
		}
		got, ok := fromShared(string(shared), o.MinHeading, o.IDPrefix)
		if !ok {
			continue
		}
		made++
		if got != string(want) {
			t.Errorf("%q with %+v:\nmade   %q\nwanted %q", src, o, got, want)
		}
	}
	return made
}

func FuzzSharedMarkdown(f *testing.F) {
	for _, s := range mdSnippets {
		f.Add(s)
	}
	md := markdown.New(false)
	f.Fuzz(func(t *testing.T, src string) {
		sameMarkdown(t, md, src)
	})
}
