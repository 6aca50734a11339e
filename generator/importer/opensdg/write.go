package opensdg

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"kpisite/generator/model"
)

// Options are the choices of an import.
type Options struct {
	Published time.Time // site.toml's published date (the build date)
}

// Import reads an Open SDG data repository and returns the files of a
// kpisite site, by slash-separated path. When problems has any error,
// files is nil: nothing should be written.
func Import(fsys fs.FS, opt Options) (files map[string][]byte, problems model.Problems) {
	var ps model.Problems
	all := readData(fsys, &ps)
	if len(all) == 0 && !ps.HasErrors() {
		ps.Errorf(model.Position{Path: DataDir}, "no data files; expected an Open SDG data repository with data/indicator_*.csv files")
	}
	metas := map[string]meta{}
	ids := map[string]string{}
	for _, s := range all {
		if first, dup := ids[s.ID]; dup {
			ps.Errorf(model.Position{Path: s.File}, "indicator id %q is also made from %s; expected ids that differ (rename a Series)", s.ID, first)
		}
		ids[s.ID] = s.File
		if _, done := metas[s.Base]; done {
			continue
		}
		m, ok := readMeta(fsys, s.Base, &ps)
		if !ok {
			ps.Warnf(model.Position{Path: s.File}, "no metadata file (looked for %s); the title is %q: expected to set title, definition and source by hand", strings.Join(metaPaths(s.Base), ", "), defaultTitle(s.Base))
		}
		if m.Unpublished {
			ps.Warnf(model.Position{Path: m.Path}, "the indicator is not published in Open SDG (published: false); it is imported as active: expected you to retire or delete it if it should not be published")
		}
		metas[s.Base] = m
	}
	if ps.HasErrors() {
		return nil, ps.Sort()
	}
	files = map[string][]byte{}
	goals := map[string]bool{}
	breakdowns := map[string]string{} // id -> name
	for _, s := range all {
		m := metas[s.Base]
		ind := s.indicator(m, multiSeries(all, s), &ps)
		goals[ind.Service] = true
		for _, c := range s.breakdowns() {
			if _, ok := breakdowns[c.ID]; !ok {
				breakdowns[c.ID] = c.Name
			}
		}
		b, err := encodeTOML(indicatorFile{Indicator: []indicatorTOML{ind}})
		if err != nil {
			ps.Errorf(model.Position{Path: s.File}, "cannot write the indicator: %v", err)
			continue
		}
		files["data/indicators/"+s.ID+".toml"] = append([]byte(fmt.Sprintf("# Imported from Open SDG: %s.\n# Set polarity (higher, lower or neutral) and a target, and check the unit.\n\n", s.File)), b...)
		files["data/values/"+s.ID+".csv"] = s.valuesCSV()
	}
	site, err := siteTOML(goals, breakdowns, opt.Published)
	if err != nil {
		ps.Errorf(model.Position{Path: "site.toml"}, "cannot write site.toml: %v", err)
	}
	if ps.HasErrors() {
		return nil, ps.Sort()
	}
	files["site.toml"] = site
	files["content/_index.md"] = []byte(homePage)
	return files, ps.Sort()
}

// multiSeries reports whether s's file has more than one series.
func multiSeries(all []*series, s *series) bool {
	n := 0
	for _, o := range all {
		if o.File == s.File {
			n++
		}
	}
	return n > 1
}

// indicatorTOML is one [[indicator]] as written.
type indicatorTOML struct {
	ID         string   `toml:"id"`
	Title      string   `toml:"title"`
	Code       string   `toml:"code,omitempty"`
	Service    string   `toml:"service"`
	Frequency  string   `toml:"frequency"`
	Year       string   `toml:"year"`
	Unit       string   `toml:"unit"`
	RatePer    int      `toml:"rate_per,omitzero"`
	UnitLabel  string   `toml:"unit_label,omitempty"`
	Decimals   int      `toml:"decimals"`
	Polarity   string   `toml:"polarity"`
	Breakdowns []string `toml:"breakdowns,omitempty"`
	Definition string   `toml:"definition,omitempty"`
	Source     string   `toml:"source,omitempty"`
	SourceURL  string   `toml:"source_url,omitempty"`
	Geography  string   `toml:"geography,omitempty"`
}

type indicatorFile struct {
	Indicator []indicatorTOML `toml:"indicator"`
}

var firstNumber = regexp.MustCompile(`^[0-9]+`)

func defaultTitle(base string) string { return "Indicator " + strings.ReplaceAll(base, "-", ".") }

// indicator is the definition of s.
func (s *series) indicator(m meta, multi bool, ps *model.Problems) indicatorTOML {
	ind := indicatorTOML{
		ID: s.ID, Title: m.Name, Code: m.Number, Frequency: "annual", Year: "calendar",
		Decimals: s.Decimals, Polarity: "neutral", Definition: m.Definition,
		Source: m.Source, SourceURL: m.SourceURL, Geography: m.Geography,
	}
	if ind.Title == "" {
		ind.Title = defaultTitle(s.Base)
	}
	if ind.Code == "" {
		ind.Code = strings.ReplaceAll(s.Base, "-", ".")
	}
	if multi && s.Name != "" {
		ind.Title += ": " + s.Name
		ind.Code += " " + s.ID[len(s.Base)+1:]
	}
	goal := m.Goal
	if goal == "" {
		goal = firstNumber.FindString(s.Base)
	}
	if goal == "" {
		goal = "other"
	}
	ind.Service = "goal-" + slugify(goal)
	label := s.Unit
	if label == "" {
		label = m.Units
	}
	unit, per, known := unitOf(label)
	ind.Unit, ind.RatePer, ind.UnitLabel = unit, per, label
	switch {
	case label == "":
		ps.Warnf(model.Position{Path: s.File}, "%q has no Units column and no computation_units; written as unit = %q: expected you to set its unit", s.ID, unit)
	case !known:
		ps.Warnf(model.Position{Path: s.File}, "unit %q of %q is not one kpisite knows; written as unit = %q with unit_label = %q: expected you to check it", label, s.ID, unit, label)
	}
	for _, c := range s.breakdowns() {
		ind.Breakdowns = append(ind.Breakdowns, c.ID)
	}
	return ind
}

// valuesCSV is data/values/<id>.csv: long format with one column per
// breakdown. It is an input of kpisite, not a download, so text is
// written as it is.
func (s *series) valuesCSV() []byte {
	cols := s.breakdowns()
	idx := make([]int, len(cols))
	for i, c := range cols {
		for j, all := range s.Cols {
			if all.ID == c.ID {
				idx[i] = j
			}
		}
	}
	rows := append([]row(nil), s.Rows...)
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Year != rows[j].Year {
			return rows[i].Year < rows[j].Year
		}
		return rows[i].Line < rows[j].Line
	})
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	head := []string{"indicator", "period", "value", "flag"}
	for _, c := range cols {
		head = append(head, c.ID)
	}
	_ = w.Write(head) // writes to memory: cannot fail
	for _, r := range rows {
		rec := []string{s.ID, r.Year, r.Value, r.Flag}
		for _, j := range idx {
			rec = append(rec, r.Cats[j])
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

func encodeTOML(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type siteTables struct {
	Committee []struct {
		ID   string `toml:"id"`
		Name string `toml:"name"`
	} `toml:"committee"`
	Service   []serviceTOML   `toml:"service"`
	Breakdown []breakdownTOML `toml:"breakdown,omitempty"`
}

type serviceTOML struct {
	ID        string `toml:"id"`
	Name      string `toml:"name"`
	Committee string `toml:"committee"`
}

type breakdownTOML struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
}

// siteTOML is site.toml: fixed settings to edit, then the committee, a
// service per goal and a breakdown per disaggregation.
func siteTOML(goals map[string]bool, breakdowns map[string]string, published time.Time) ([]byte, error) {
	var t siteTables
	t.Committee = append(t.Committee, struct {
		ID   string `toml:"id"`
		Name string `toml:"name"`
	}{"sdg", "Sustainable Development Goals"})
	var gs []string
	for g := range goals {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool { return goalLess(gs[i], gs[j]) })
	for _, g := range gs {
		name := "Goal " + strings.TrimPrefix(g, "goal-")
		if g == "goal-other" {
			name = "Other indicators"
		}
		t.Service = append(t.Service, serviceTOML{ID: g, Name: name, Committee: "sdg"})
	}
	var bs []string
	for id := range breakdowns {
		bs = append(bs, id)
	}
	sort.Strings(bs)
	for _, id := range bs {
		t.Breakdown = append(t.Breakdown, breakdownTOML{ID: id, Name: breakdowns[id]})
	}
	tables, err := encodeTOML(t)
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf(siteHead, published.Format(time.DateOnly))
	return append([]byte(head), tables...), nil
}

// goalLess orders goal-2 before goal-10.
func goalLess(a, b string) bool {
	na, nb := firstNumber.FindString(strings.TrimPrefix(a, "goal-")), firstNumber.FindString(strings.TrimPrefix(b, "goal-"))
	if na != "" && nb != "" && len(na) != len(nb) {
		return len(na) < len(nb)
	}
	return a < b
}

const siteHead = `# site.toml: imported from Open SDG by "kpisite import opensdg".
# Change the values below to your own; "kpisite check" says what is wrong
# with any setting and on which line.

title = "Sustainable Development Goals: data"
organisation = "FILL IN: your organisation"
base_url = "https://www.example.gov.uk/sdg/"
language = "en-GB"
theme = "default"
licence = "Open Government Licence v3.0"
financial_year_start = 4
contact = "FILL IN: an email address for questions"
unsafe_html = false
png_charts = false
notice = "These figures were imported from Open SDG and have not yet been checked."

[reporting]
published = %s

[rag]
amber_tolerance = 0.05

`

const homePage = `+++
title = "Sustainable Development Goals"
+++

These figures were imported from an Open SDG data repository. Each indicator keeps its
Open SDG number as its code; disaggregations are shown as breakdowns.
`
