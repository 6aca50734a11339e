package render

import (
	"html/template"
	"io"
	"kpisite/generator/i18n"
	"time"

	"kpisite/generator/model"
)

// Templates executes a theme's page templates (package theme provides
// them).
type Templates interface {
	Execute(name string, data any) ([]byte, error)
}

// Chart is the rendered chart of one series.
type Chart struct {
	SVG       string // inline SVG for the page (trusted: see package doc)
	Desc      string // the chart's description (its <desc>): alt text where the file is shown as an image
	File      []byte // standalone chart.svg
	Report    []byte // standalone chart without its drawn title, for reports (their caption names it); nil: reports use File
	PNG       []byte // chart.png, or nil
	Sparkline []byte // small decorative SVG for scorecards
}

// Options is everything render needs beyond the data.
type Options struct {
	// Emit, when set, receives each file as soon as it is rendered (from
	// several goroutines at once), and Site keeps none of them: a build
	// streams its output to disk instead of holding it all in memory.
	Emit func(path string, data []byte) error
	// Create, when set (with Emit), opens a file to be written as it is
	// rendered: the largest files (a report, data/all.csv) are written
	// through it instead of being held whole and handed to Emit. The
	// file's path is still given to Made and counted for the sitemap,
	// but not given to Emit.
	Create func(path string) (io.WriteCloser, error)
	// ReleasesReadAll: Releases reads the data/all.csv it is given (to
	// compare this release's figures with the previous one's). Without
	// it, a build with Create gives Releases nil and writes data/all.csv
	// straight from the series, never holding it whole.
	ReleasesReadAll bool

	// Reuse, when set (with Emit), is asked before each page (a job: a
	// page and the files that go with it) is rendered, with the page's
	// name and its Key (keys.go); when it returns the page's files, they
	// were kept from the previous build and the page is not rendered.
	// Names are unique within one Site call: a caller that calls Site
	// more than once into one output must make them unique across calls.
	// With the files comes the note the page's job left when it was
	// rendered (Made): what later pages need of it, such as an
	// indicator's sparkline.
	Reuse func(name string, key Key) (paths []string, note []byte, ok bool)
	// Made, when set (with Emit), is told the name, key and files of each
	// page rendered, and its note, before its files go to Emit.
	Made func(name string, key Key, paths []string, note []byte)
	// Fragments, when set (with Create, Reuse and Made), keeps the pieces
	// of the pages that show every indicator between builds, each under
	// its own key (fragments.go).
	Fragments Fragments
	// KeySalt is what changes the bytes of pages besides the model and
	// the other options: kpisite's own build and the theme's files. It
	// goes into every Key.
	KeySalt []byte

	Theme     Templates
	Assets    map[string][]byte // copied to assets/
	BuildDate time.Time         // today, for "due for update" notices; passed in for reproducibility (keys.go hashes only what pages show of it)
	Current   model.Period
	// ReportsFrom is the first period with a printable report
	// ([reporting] reports_from); zero means the current period only.
	ReportsFrom model.Period
	Version     string // kpisite version, for the generator meta tag

	// Markdown converts Markdown to trusted HTML. minHeading is the
	// smallest heading level allowed; idPrefix prefixes heading ids.
	Markdown func(src []byte, minHeading int, idPrefix string) (template.HTML, error)
	// Summary is the plain-English sentence for one point.
	Summary func(s *model.Series, p *model.Point) string
	// Chart renders the charts of one series.
	Chart func(s *model.Series) (Chart, error)
	// Releases works out what changed since the previous release from
	// this build's data/all.csv (nil: no history, the page says so).
	Releases func(allCSV []byte) (Releases, error)
	// PointFor picks the point a scorecard for period cur shows.
	PointFor func(s *model.Series, cur model.Period) *model.Point
	// LineChart draws breakdown charts (SPEC 3.8); nil draws none.
	LineChart LineChart

	// Words are the interface words of the language being rendered
	// (themes/<theme>/i18n/<code>.toml), already falling back to the
	// site's first language; nil writes the default theme's English. The
	// Go-written text of the pages (row labels, facts, captions, period
	// labels) uses them; Theme must write the same words (theme.Theme.
	// ForWords), and Summary and Chart too (kpi.SummaryIn, chart.Options.
	// Lang), as package site arranges.
	Words *i18n.Words

	// Language places this render's pages in a site of several
	// languages (language.go); the zero value is a site of one.
	Language Language
}
