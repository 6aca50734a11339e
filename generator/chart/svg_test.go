package chart

import "testing"

func TestNum(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0"}, {-0.04, "0"}, {12, "12"}, {12.04, "12"}, {12.05, "12.1"}, {-0.5, "-0.5"},
		{640, "640"}, {99.95, "100"}, {1e9, "1000000000"}, {-123.45, "-123.5"},
	}
	for _, tt := range tests {
		var w svgOut
		if w.num(tt.v); string(w.b) != tt.want {
			t.Errorf("num(%v) = %q, want %q", tt.v, w.b, tt.want)
		}
	}
}

func TestAppendEscaped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`R&D <spend> "x" ]]>`, "R&amp;D &lt;spend&gt; &#34;x&#34; ]]&gt;"},
		{"it's", "it&#39;s"},
		{"£1.2m – 65%", "£1.2m – 65%"},
		{"bell\x07 nul\x00 tab\t", "bell\uFFFD nul\uFFFD tab\t"},
		{"bad \xff utf-8", "bad \uFFFD utf-8"},
	}
	for _, tt := range tests {
		if got := string(appendEscaped(nil, tt.in)); got != tt.want {
			t.Errorf("appendEscaped(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
