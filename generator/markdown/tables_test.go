package markdown

import (
	"strings"
	"testing"
)

func TestAccessibleTables(t *testing.T) {
	r := New(false)
	conv := func(src string, o Options) string {
		t.Helper()
		out, err := r.Convert([]byte(src), o)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}

	// Caption from the nearest heading above; scope on header cells; class num
	// on right-aligned columns; a labelled, focusable region around it.
	got := conv("## Data markers\n\nSome text.\n\n| Marker | Count |\n| --- | ---: |\n| [p] | 1,234 |\n", Options{IDPrefix: "page-"})
	for _, want := range []string{
		`<div class="table-wrap" role="region" aria-labelledby="page-table" tabindex="0">`,
		"<table>\n<caption id=\"page-table\">Data markers</caption>",
		`<th scope="col">Marker</th>`,
		`<th scope="col" class="num">Count</th>`,
		`<td class="num">1,234</td>`,
		"</table>\n</div>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "text-align") {
		t.Errorf("inline alignment style left in:\n%s", got)
	}

	// "Table: …" just before the table is its caption, with inline markup,
	// and is not left as a paragraph; ids stay unique.
	got = conv("# Table\n\nTable: Figures *by* quarter\n\n| a |\n| - |\n| 1 |\n\nTable: Second & last\n\n| b |\n| - |\n| 2 |\n", Options{})
	for _, want := range []string{
		`<caption id="table-1">Figures <em>by</em> quarter</caption>`,
		`<caption id="table-2">Second &amp; last</caption>`,
		`aria-labelledby="table-1"`,
		`<h2 id="table">Table</h2>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "<p>Table:") {
		t.Errorf("caption paragraph left in:\n%s", got)
	}

	// No heading and no "Table:" line: no caption, but still a named region.
	got = conv("| a |\n| - |\n| 1 |\n", Options{})
	if strings.Contains(got, "<caption") || !strings.Contains(got, `role="region" aria-label="Table" tabindex="0"`) {
		t.Errorf("uncaptioned table:\n%s", got)
	}

	// A heading with markup gives its plain text, without raw HTML tags, escaped.
	got = conv("## The *status* of <b>x</b> & y\n\n| a |\n| - |\n| 1 |\n", Options{})
	if !strings.Contains(got, `<caption id="table">The status of x &amp; y</caption>`) {
		t.Errorf("caption from heading with markup:\n%s", got)
	}
}
