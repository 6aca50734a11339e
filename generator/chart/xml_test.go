package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// svgDoc is what the accessibility checks read back from a chart.
type svgDoc struct {
	XMLName    xml.Name `xml:"svg"`
	Role       string   `xml:"role,attr"`
	Labelledby string   `xml:"aria-labelledby,attr"`
	Hidden     string   `xml:"aria-hidden,attr"`
	Focusable  string   `xml:"focusable,attr"`
	ViewBox    string   `xml:"viewBox,attr"`
	Width      string   `xml:"width,attr"`
	Height     string   `xml:"height,attr"`
	Title      []struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"title"`
	Desc []struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"desc"`
	Groups []struct {
		Class  string   `xml:"class,attr"`
		Hidden string   `xml:"aria-hidden,attr"`
		Texts  []string `xml:"text"`
	} `xml:"g"`
}

// parse reads a chart strictly, token by token to the end, then into svgDoc.
func parse(t *testing.T, b []byte) svgDoc {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
	}
	var doc svgDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	return doc
}

// texts is every visible text of the chart, in order.
func (d svgDoc) texts() []string {
	var out []string
	for _, g := range d.Groups {
		out = append(out, g.Texts...)
	}
	return out
}

// checkAccessible checks the markup every chart must have: role="img",
// one title and one desc whose ids aria-labelledby names, every group
// hidden from assistive technology, a viewBox.
func checkAccessible(t *testing.T, b []byte, prefix string, solo bool) svgDoc {
	t.Helper()
	doc := parse(t, b)
	if doc.Role != "img" {
		t.Errorf("role = %q, want img", doc.Role)
	}
	if len(doc.Title) != 1 || len(doc.Desc) != 1 {
		t.Fatalf("%d titles and %d descs, want one each", len(doc.Title), len(doc.Desc))
	}
	if want := doc.Title[0].ID + " " + doc.Desc[0].ID; doc.Labelledby != want {
		t.Errorf("aria-labelledby = %q, want %q", doc.Labelledby, want)
	}
	if doc.Title[0].ID != prefix+"-title" || doc.Desc[0].ID != prefix+"-desc" {
		t.Errorf("ids %q %q, want prefix %q", doc.Title[0].ID, doc.Desc[0].ID, prefix)
	}
	if strings.TrimSpace(doc.Title[0].Text) == "" || strings.TrimSpace(doc.Desc[0].Text) == "" {
		t.Errorf("empty title or desc: %q / %q", doc.Title[0].Text, doc.Desc[0].Text)
	}
	if !strings.HasPrefix(doc.ViewBox, "0 0 640 ") {
		t.Errorf("viewBox = %q", doc.ViewBox)
	}
	if solo && (doc.Width != "640" || doc.Height == "") {
		t.Errorf("standalone size %q × %q, want 640 wide", doc.Width, doc.Height)
	}
	if !solo && (doc.Width != "100%" || doc.Height != "") {
		t.Errorf("inline size %q × %q, want width 100%% and no height", doc.Width, doc.Height)
	}
	for _, g := range doc.Groups {
		if g.Hidden != "true" {
			t.Errorf("group %q is not aria-hidden", g.Class)
		}
	}
	return doc
}

// allSeries is every series the tests draw, by name.
func allSeries() map[string]*model.Series {
	return map[string]*model.Series{
		"typical":  typicalCount(),
		"percent":  percentVarying(),
		"ytd":      ytdSeries(),
		"no data":  noDataSeries(),
		"one":      onePoint(),
		"forty":    fortyQuarters(),
		"equal":    withValues("Equal", model.UnitCount, 5, 5, 5, 5),
		"negative": withValues("Net change", model.UnitCount, -120, 40, -15, -300),
		"huge":     withValues("Budget", model.UnitCurrency, 1e9, 1.2e9, 1.15e9, 1.05e9),
		"escaping": withValues(nasty, model.UnitCount, 1, 2),
		"long":     withValues(strings.Repeat("A very long indicator title ", 12), model.UnitCount, 1, 2, 3),
		"nil":      nil,
	}
}

const nasty = `R&D <spend> "x" ]]> 'q' </svg><script>alert(1)</script>` + "\x01"

func TestAccessibleMarkup(t *testing.T) {
	for name, s := range allSeries() {
		t.Run(name, func(t *testing.T) {
			o := site
			o.IDPrefix = "Chart " + name + "!"
			prefix := o.idPrefix()
			checkAccessible(t, SVG(s, o), prefix, false)
			o.Standalone = true
			checkAccessible(t, SVG(s, o), prefix, true)

			spark := parse(t, Sparkline(s, o))
			if spark.Hidden != "true" || spark.Focusable != "false" || spark.Role != "" {
				t.Errorf("sparkline: aria-hidden %q focusable %q role %q, want true, false, none",
					spark.Hidden, spark.Focusable, spark.Role)
			}
			if len(spark.texts()) > 0 || len(spark.Title) > 0 {
				t.Errorf("sparkline has text: %q", spark.texts())
			}
		})
	}
}

func TestDescIsDescribe(t *testing.T) {
	for name, s := range allSeries() {
		doc := parse(t, SVG(s, site))
		if got, want := doc.Desc[0].Text, Describe(s, site); got != want {
			t.Errorf("%s: <desc> %q, Describe %q", name, got, want)
		}
	}
}

// go-chart writes text into SVG unescaped: every input string here must
// survive markup, quotes, "]]>" and control characters.
func TestEscaping(t *testing.T) {
	s := withValues(nasty, model.UnitCount, 1, 2)
	s.Indicator.Noun = `<b>"items"</b>`
	s.Points[1].Note = "</text>&"
	o := site
	o.Standalone = true
	o.IDPrefix = `"><script>`
	b := SVG(s, o)
	doc := checkAccessible(t, b, "script", true)
	want := strings.ReplaceAll(nasty, "\x01", "\uFFFD")
	if !strings.HasPrefix(doc.Title[0].Text, want+": ") {
		t.Errorf("title read back as %q, want it to start with %q", doc.Title[0].Text, want)
	}
	if !strings.Contains(doc.Desc[0].Text, `2 <b>"items"</b>`) {
		t.Errorf("desc lost the noun: %q", doc.Desc[0].Text)
	}
	visible := strings.Join(doc.texts(), " ")
	if !strings.Contains(visible, `R&D <spend>`) {
		t.Errorf("visible title lost its text: %q", visible)
	}
	if bytes.Contains(b, []byte("<script")) || bytes.Contains(b, []byte("<spend")) {
		t.Errorf("markup from input reached the SVG:\n%s", b)
	}
}

func TestIDPrefix(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "chart"},
		{"idva-referrals", "idva-referrals"},
		{"IDVA Referrals", "idva-referrals"},
		{"  a//b  ", "a-b"},
		{`"><x>`, "x"},
		{"---", "chart"},
		{"é1", "1"},
	}
	for _, tt := range tests {
		if got := (Options{IDPrefix: tt.in}).idPrefix(); got != tt.want {
			t.Errorf("idPrefix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Charts are drawn in parallel by the site build: the shared font table
// must be safe to read from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	want := SVG(fortyQuarters(), site)
	done := make(chan []byte)
	for range 8 {
		go func() { done <- SVG(fortyQuarters(), site) }()
	}
	for range 8 {
		if got := <-done; !bytes.Equal(got, want) {
			t.Error("a chart drawn concurrently differs")
		}
	}
}
