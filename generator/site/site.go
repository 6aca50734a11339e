// Package site is the only orchestrator of kpisite: it runs the stages in
// order, load -> validate -> compute -> render, and hands back the files
// of the site in memory. Package publish writes them.
package site

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"

	"kpisite/generator/changes"
	"kpisite/generator/chart"
	"kpisite/generator/format"
	"kpisite/generator/i18n"
	"kpisite/generator/kpi"
	"kpisite/generator/load"
	"kpisite/generator/markdown"
	"kpisite/generator/model"
	"kpisite/generator/render"
	"kpisite/generator/theme"
	"kpisite/generator/validate"
	"kpisite/themes"
)

// Options adjust a build.
type Options struct {
	BaseURL   string    // overrides site.toml base_url when set (--base-url)
	BuildDate time.Time // today; decides "due for update" notices
	Version   string    // kpisite version for the generator meta tag
	Strict    bool      // warnings fail the build
	SkipPNG   bool      // leave out chart.png even when png_charts is on (fast previews in kpisite serve)
	Previous  Previous  // the previous release, for "What changed"
	// Emit, when set, receives each output file as it is rendered (from
	// several goroutines), and Build returns no files (render.Options.Emit).
	Emit func(path string, data []byte) error
	// Create, when set with Emit, opens a file to be written as it is
	// rendered: the largest files go through it instead of Emit
	// (render.Options.Create).
	Create func(path string) (io.WriteCloser, error)
	// Words, when set, are the interface words the pages, charts and
	// summary sentences are written in (theme.Theme.ForWords); nil: the
	// theme's English.
	Words *i18n.Words

	// Reuse and Made, when set with Emit, keep a build cache
	// (render.Options.Reuse, render.Options.Made); CacheID identifies
	// kpisite's own build and goes into every page's key, with a hash of
	// the theme's files (the site's and the built-in one). It is called
	// once, when the input is checked, so that working it out (the CLI
	// hashes its executable) overlaps loading the site; when it returns
	// nil the build keeps no cache.
	Reuse   func(name string, key render.Key) ([]string, []byte, bool)
	Made    func(name string, key render.Key, paths []string, note []byte)
	CacheID func() []byte
	// Fragments, with Reuse and Made, keeps pieces of the pages that
	// show every indicator between builds (render.Options.Fragments).
	Fragments render.Fragments

	// Rendering, when set, is called once the input is checked and
	// computed, just before the pages are rendered: what the build then
	// holds is what it needs for the rest (the CLI sizes its memory
	// limit on it).
	Rendering func()
}

// Previous is what the previous release published, as read by the caller
// (from OUT before it is replaced, or from --previous). Nil data: none.
type Previous struct {
	AllCSV       []byte // its data/all.csv
	AllCSVName   string // where that came from, for messages
	Releases     []byte // its changes/releases.json
	ReleasesName string
}

// ErrInvalid is returned (wrapped) when the inputs have errors; the
// problems are in the Checked value.
var ErrInvalid = errors.New("the site's inputs have errors")

// Checked is a site loaded, validated and computed.
type Checked struct {
	Input       *model.Input
	Series      []model.Series
	Current     model.Period
	ReportsFrom model.Period   // zero: a report for the current period only
	Problems    model.Problems // sorted

	theme *theme.Theme  // loaded by Check, used by Build
	words []*i18n.Words // each language's interface words, in site.toml's order
}

// Check loads, validates and computes a site, loads its theme, and renders
// a sample of its pages in memory (see sample.go) so that a template that
// fails to parse or to run fails check as it would fail build. The error
// is ErrInvalid when Problems has errors (or warnings, when strict).
func Check(fsys fs.FS, o Options) (*Checked, error) {
	c := &Checked{}
	// The theme and the interface words need only site.toml's settings:
	// they are loaded while the rest of the site is read and checked.
	var (
		prep      sync.WaitGroup
		themeErr  error
		wordProbs model.Problems
	)
	in, probs := load.SiteThen(fsys, func(s model.Site) {
		if s.Unread {
			return
		}
		prep.Go(func() {
			c.theme, themeErr = theme.Load(fsys, s.Theme, themes.Default(), template.FuncMap{})
		})
		prep.Go(func() { c.words, wordProbs = loadWords(fsys, &s, themes.Default()) })
	})
	c.Input = in
	if in != nil {
		if o.BaseURL != "" {
			in.Site.BaseURL = normaliseBaseURL(o.BaseURL)
		}
		var sanity model.Problems
		prep.Go(func() { sanity = validate.Sanity(in, o.BuildDate) })
		probs = append(probs, validate.Input(in)...)
		prep.Wait()
		probs = append(probs, sanity...)
		if !in.Site.Unread {
			if themeErr != nil {
				probs = append(probs, themeProblem(themeErr, in.Site.PosOf("theme")))
			}
			probs = append(probs, wordProbs...)
		}
	}
	prep.Wait()
	if probs.HasErrors() || in == nil {
		c.Problems = probs.Sort()
		return c, ErrInvalid
	}
	cfg := kpi.Config{FYStart: in.Site.FinancialYearStart, AmberTolerance: in.Site.AmberTolerance}
	series, warnings := kpi.All(in, cfg)
	probs = append(probs, warnings...)
	cur, ok, err := kpi.CurrentPeriod(in.Site.CurrentPeriod, series, in.Site.FinancialYearStart)
	if err != nil {
		probs.Errorf(model.Position{Path: "site.toml"}, "%v", err)
	}
	if ok {
		c.Current = cur
	}
	if in.Site.ReportsFrom != "" {
		// Checked by validate: a period.
		c.ReportsFrom, _ = model.ParseAnyPeriod(in.Site.ReportsFrom)
	}
	c.Series = series
	if !probs.HasErrors() {
		sin, sseries := sample(in, series)
		so := o
		so.SkipPNG = true
		so.Emit = nil // the sample is a trial render: nothing is written
		so.Create = nil
		if _, err := renderLanguages(c, sin, sseries, so, changes.Previous{}, nil); err != nil {
			probs = append(probs, themeProblem(err, model.Position{Path: "themes/" + in.Site.Theme}))
		}
	}
	c.Problems = probs.Sort()
	if c.Problems.HasErrors() {
		return c, ErrInvalid
	}
	if _, w := c.Problems.Count(); o.Strict && w > 0 {
		return c, fmt.Errorf("%w: --strict and %s", ErrInvalid, format.Count(w, "warning", "warnings"))
	}
	return c, nil
}

// themeProblem turns an error of loading or running the theme into a
// problem: at the template's file, line and column when the error names
// one, else at pos.
func themeProblem(err error, pos model.Position) model.Problem {
	var te *theme.Error
	if errors.As(err, &te) {
		msg := te.Msg
		if te.Builtin {
			msg += " (in kpisite's built-in default theme)"
		}
		return model.Problem{Pos: model.Position{Path: te.Path, Line: te.Line, Column: te.Column}, Severity: model.Error, Message: "template: " + msg + "; expected a template that parses and runs with the data kpisite gives it"}
	}
	return model.Problem{Pos: pos, Severity: model.Error, Message: err.Error()}
}

func normaliseBaseURL(u string) string {
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// Build checks a site and renders every file of it. On input errors it
// returns the Checked value with the problems and an error wrapping
// ErrInvalid, and no files.
func Build(fsys fs.FS, o Options) (map[string][]byte, *Checked, error) {
	// The previous release's data/all.csv (for "What changed") is read
	// while the site is loaded: on a rebuild it is as large as the new one.
	var prev changes.Previous
	var probs model.Problems
	parsed := make(chan struct{})
	go func() {
		defer close(parsed)
		prev, probs = previous(o.Previous)
	}()
	c, err := Check(fsys, o)
	<-parsed
	if err != nil {
		return nil, c, err
	}
	if len(probs) > 0 {
		c.Problems = append(c.Problems, probs...).Sort()
		if probs.HasErrors() {
			return nil, c, ErrInvalid
		}
	}
	var salt []byte
	if o.Emit != nil && (o.Reuse != nil || o.Made != nil) {
		var id []byte
		if o.CacheID != nil {
			id = o.CacheID()
		}
		if id == nil && o.CacheID != nil {
			o.Reuse, o.Made = nil, nil // kpisite's build is unknown: no cache
		} else if salt, err = keySalt(fsys, o, id); err != nil {
			return nil, c, err
		}
	}
	dropForRender(c)
	if o.Rendering != nil {
		o.Rendering()
	}
	files, err := renderLanguages(c, c.Input, c.Series, o, prev, salt)
	if err != nil {
		return nil, c, err
	}
	return files, c, nil
}

// renderLanguages renders in in each of the site's languages (SPEC 3.9):
// the first at the root, each other one translated (translate.go) and
// under its own folder, cy/. A site of one language is one render, as
// before languages existed.
//
// With a build cache (Options.Reuse and Made, and salt, the key salt of
// keySalt), each language's pages are cached under names and paths in its
// own folder, like its files.
func renderLanguages(c *Checked, in *model.Input, series []model.Series, o Options, prev changes.Previous, salt []byte) (map[string][]byte, error) {
	langs := in.Site.Lang()
	var all []render.LanguageVersion
	if len(langs) > 1 {
		for i, l := range langs {
			v := render.LanguageVersion{Code: l, Name: l}
			if i > 0 {
				v.Prefix = l + "/"
			}
			if i < len(c.words) && c.words[i] != nil && c.words[i].Has("site.language_name") {
				v.Name = c.words[i].T("site.language_name")
			}
			all = append(all, v)
		}
	}
	var out map[string][]byte
	for i, lang := range langs {
		lin, lseries := in, series
		if i > 0 {
			lin, lseries = translated(in, series, lang)
		}
		// Each language's words bind the theme, charts and summaries in
		// renderOptions; Options.Words (a caller's own words, such as a
		// test's marked words) wins in every language.
		lo := o
		if i < len(c.words) && c.words[i] != nil && o.Words == nil {
			lo.Words = c.words[i]
		}
		ro := renderOptions(c, lin, lo, prev)
		if all != nil {
			ro.Language = render.Language{Prefix: all[i].Prefix, All: all}
		}
		if salt != nil {
			ro.Reuse, ro.Made = render.LocalCache(ro.Language.Prefix, o.Reuse, o.Made)
			ro.KeySalt = salt
			ro.Fragments = o.Fragments
		}
		files, err := render.Site(lin, lseries, ro)
		if err != nil {
			if i > 0 {
				return nil, fmt.Errorf("%s pages: %w", lang, err)
			}
			return nil, err
		}
		if out == nil {
			out = files
			continue
		}
		for p, data := range files {
			if _, dup := out[p]; dup {
				return nil, fmt.Errorf("render: two pages write %s; expected a language code that is no page's name", p)
			}
			out[p] = data
		}
	}
	return out, nil
}

// renderOptions are the render stage's options for in (the whole input,
// or a sample of it) with the theme Check loaded.
func renderOptions(c *Checked, in *model.Input, o Options, prev changes.Previous) render.Options {
	md := markdown.New(in.Site.UnsafeHTML)
	th := c.theme
	// The theme, the charts and the summary sentences write the words of
	// o.Words (nil: the theme's English), bound once per render.
	var tmpl render.Templates = th
	words := th.Words()
	if o.Words != nil {
		words = o.Words
		if bound, err := th.ForWords(o.Words); err != nil {
			tmpl = brokenTheme{err}
		} else {
			tmpl = bound
		}
	}
	fy := in.Site.FinancialYearStart
	lang := format.NewLang(words)
	chartOpts := chart.Options{FYStart: fy, AmberTolerance: in.Site.AmberTolerance, Lang: lang}
	return render.Options{
		Words: words,
		Emit:  o.Emit, Create: o.Create, ReleasesReadAll: prev.All != nil,
		Theme: tmpl, Assets: th.Assets, BuildDate: o.BuildDate, Current: c.Current, ReportsFrom: c.ReportsFrom, Version: o.Version,
		Markdown: func(src []byte, minHeading int, idPrefix string) (template.HTML, error) {
			b, err := md.Convert(src, markdown.Options{MinHeading: minHeading, IDPrefix: idPrefix})
			// Trusted: the markdown package escapes raw HTML unless the
			// site opted in with unsafe_html, and never emits dangerous links.
			return template.HTML(b), err
		},
		Summary: func(s *model.Series, p *model.Point) string { return kpi.SummaryWithComparatorsIn(lang, s, p, fy) },
		Chart: func(s *model.Series) (render.Chart, error) {
			co := chartOpts
			co.IDPrefix = "chart-" + s.Indicator.ID
			if len(s.Points) == 0 && len(s.Comparators) > 0 {
				return comparatorsOnly(s, co), nil
			}
			d := chart.Draw(s, co)
			rc := render.Chart{SVG: d.Inline, Desc: d.Desc, Sparkline: d.Sparkline, File: d.File, Report: d.Report}
			co.Standalone = true
			if in.Site.PNGCharts && !o.SkipPNG {
				png, err := chart.PNG(s, co)
				if err != nil {
					return rc, err
				}
				rc.PNG = png
			}
			return rc, nil
		},
		PointFor: func(s *model.Series, cur model.Period) *model.Point { return kpi.PointFor(s, cur, fy) },
		LineChart: func(ind *model.Indicator, title, idPrefix string, lines []model.Line, labels []string, all []model.Line) []byte {
			co := chartOpts
			co.IDPrefix = idPrefix
			ext := chart.Extent{}
			if all != nil {
				ext = chart.LinesExtent(chartLines(all, nil))
			}
			if all == nil { // one chart for the column: drawn for its width
				return chart.LinesInline(ind, title, chartLines(lines, labels), ext, co)
			}
			return chart.LinesSmall(ind, title, chartLines(lines, labels), ext, co) // one of small multiples
		},
		Releases: func(all []byte) (render.Releases, error) { return releases(prev, in, c.Current, all) },
	}
}

// brokenTheme is a theme that could not be bound to a language's words:
// every page fails with the reason, so the build stops and says why.
type brokenTheme struct{ err error }

func (b brokenTheme) Execute(string, any) ([]byte, error) { return nil, b.err }

// chartLines turns breakdown series into chart lines, labelled by labels
// (or by their categories when labels is nil).
func chartLines(ls []model.Line, labels []string) []chart.Line {
	out := make([]chart.Line, len(ls))
	for i, l := range ls {
		out[i] = chart.Line{Label: model.DimLabel(l.Dims), Points: l.Points}
		if labels != nil {
			out[i].Label = labels[i]
		}
	}
	return out
}

// comparatorsOnly charts an indicator that has comparator figures but no
// figure of its own: one line per comparator.
func comparatorsOnly(s *model.Series, co chart.Options) render.Chart {
	var lines []chart.Line
	for _, cs := range s.Comparators {
		name := cs.Comparator.Name
		if cs.Comparator.IsGroup() {
			name = co.Lang.T("chart.median", "name", name)
		}
		lines = append(lines, chart.Line{Label: name, Points: cs.Points})
	}
	title := co.Lang.T("chart.other_areas", "name", s.Indicator.Name())
	rc := render.Chart{SVG: string(chart.Lines(s.Indicator, title, lines, chart.Extent{}, co)), Desc: chart.DescribeLines(s.Indicator, lines, co)}
	co.Standalone = true
	rc.File = chart.Lines(s.Indicator, title, lines, chart.Extent{}, co)
	co.Untitled = true
	rc.Report = chart.Lines(s.Indicator, title, lines, chart.Extent{}, co)
	rc.Sparkline = chart.Sparkline(s, co)
	return rc
}
