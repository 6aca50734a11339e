package markdown

import (
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		name    string
		unsafe  bool
		in      string
		opts    Options
		want    []string // substrings that must appear
		notWant []string // substrings that must not appear
	}{
		{name: "paragraph and emphasis", in: "Hello *world*", want: []string{"<p>Hello <em>world</em></p>"}},
		{name: "table extension", in: "| a | b |\n|---|--:|\n| 1 | 2 |\n", want: []string{"<table>", `<th scope="col">a</th>`, `<td class="num">2</td>`}},
		{name: "raw html block escaped by default", in: "<script>alert(1)</script>\n",
			want: []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}, notWant: []string{"<script>"}},
		{name: "inline raw html escaped by default", in: "a <b onclick=x>bold</b>",
			want: []string{"&lt;b onclick=x&gt;bold&lt;/b&gt;"}, notWant: []string{"<b "}},
		{name: "unsafe passes raw html", unsafe: true, in: "a <b>bold</b>", want: []string{"a <b>bold</b>"}},
		{name: "javascript link becomes text", in: "[click](javascript:alert(1))",
			want: []string{"<p>click</p>"}, notWant: []string{"javascript:", "<a"}},
		{name: "javascript link removed even with unsafe", unsafe: true, in: "[click](JaVaScRiPt:alert(1))",
			notWant: []string{"alert", "<a"}},
		{name: "vbscript link", in: "[x](vbscript:msgbox)", notWant: []string{"vbscript", "<a"}},
		{name: "data link", in: "[x](data:text/html;base64,AAAA)", notWant: []string{"data:", "<a"}},
		{name: "data image becomes alt text", in: "![a chart](data:image/png;base64,AAAA)", want: []string{"a chart"}, notWant: []string{"<img", "data:"}},
		{name: "autolink with dangerous scheme", in: "<javascript:alert(1)>", notWant: []string{"<a"}},
		{name: "control characters in scheme", in: "[x](java\tscript:alert(1))", notWant: []string{"<a"}},
		{name: "ordinary links kept", in: "[GOV.UK](https://www.gov.uk/) and [about](../about/)",
			want: []string{`<a href="https://www.gov.uk/">GOV.UK</a>`, `<a href="../about/">about</a>`}},
		{name: "h1 shifted to h2", in: "# Title\n\n## Sub\n", want: []string{`<h2 id="title">Title</h2>`, `<h3 id="sub">Sub</h3>`}},
		{name: "min heading 3", in: "## A\n", opts: Options{MinHeading: 3}, want: []string{`<h3 id="a">A</h3>`}},
		{name: "ids prefixed and unique", in: "## Notes\n\n## Notes\n", opts: Options{IDPrefix: "c-"},
			want: []string{`id="c-notes"`, `id="c-notes-1"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := New(tt.unsafe).Convert([]byte(tt.in), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := string(out)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output %q lacks %q", got, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
					t.Errorf("output %q contains %q", got, w)
				}
			}
		})
	}
}
