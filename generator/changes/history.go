package changes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"kpisite/generator/model"
)

// History is changes/releases.json: every release recorded so far, newest
// first, and the site's indicators as of the newest one.
type History struct {
	Indicators []IndicatorState
	Releases   []model.Release
}

// IndicatorState is an indicator as a release published it.
type IndicatorState struct {
	ID     string
	Name   string
	Active bool
}

// formatVersion is the version of releases.json's layout.
const formatVersion = 1

// The JSON layout of releases.json (docs/publishing.md describes it).
type jsonHistory struct {
	Format     int                  `json:"format"`
	Indicators []jsonIndicatorState `json:"indicators"`
	Releases   []jsonRelease        `json:"releases"`
}

type jsonIndicatorState struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status"` // active or retired
}

type jsonIndicator struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Removed bool   `json:"removed,omitempty"`
}

type jsonFigure struct {
	Indicator  string            `json:"indicator"`
	Name       string            `json:"name"`
	Period     string            `json:"period"`
	Dimensions map[string]string `json:"dimensions,omitempty"`
	OldValue   *string           `json:"old_value,omitempty"`
	NewValue   *string           `json:"new_value,omitempty"`
	Note       string            `json:"note,omitempty"`
}

type jsonRelease struct {
	ID                string          `json:"id"`
	Published         string          `json:"published,omitempty"`
	Period            string          `json:"period,omitempty"`
	Compared          bool            `json:"compared"`
	IndicatorsAdded   []jsonIndicator `json:"indicators_added"`
	IndicatorsRetired []jsonIndicator `json:"indicators_retired"`
	NewFigures        []jsonFigure    `json:"new_figures"`
	RevisedFigures    []jsonFigure    `json:"revised_figures"`
	WithdrawnFigures  []jsonFigure    `json:"withdrawn_figures"`
}

// Encode writes h as releases.json.
func Encode(h *History) ([]byte, error) {
	doc := jsonHistory{Format: formatVersion, Indicators: []jsonIndicatorState{}, Releases: []jsonRelease{}}
	for _, s := range h.Indicators {
		st := "retired"
		if s.Active {
			st = "active"
		}
		doc.Indicators = append(doc.Indicators, jsonIndicatorState{ID: s.ID, Name: s.Name, Status: st})
	}
	for i := range h.Releases {
		r := &h.Releases[i]
		doc.Releases = append(doc.Releases, jsonRelease{
			ID: r.ID, Published: r.Published, Period: r.Period, Compared: r.Compared,
			IndicatorsAdded: jsonIndicators(r.Added), IndicatorsRetired: jsonIndicators(r.Retired),
			NewFigures: jsonFigures(r.New, false, true), RevisedFigures: jsonFigures(r.Revised, true, true),
			WithdrawnFigures: jsonFigures(r.Withdrawn, true, false),
		})
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("changes/releases.json: %w", err)
	}
	return append(out, '\n'), nil
}

func jsonIndicators(in []model.IndicatorChange) []jsonIndicator {
	out := []jsonIndicator{}
	for _, c := range in {
		out = append(out, jsonIndicator{ID: c.Indicator, Name: c.Name, Removed: c.Removed})
	}
	return out
}

func jsonFigures(in []model.FigureChange, old, new bool) []jsonFigure {
	out := []jsonFigure{}
	for _, c := range in {
		f := jsonFigure{Indicator: c.Indicator, Name: c.Name, Period: c.Period, Note: c.Note}
		if len(c.Dimensions) > 0 {
			f.Dimensions = map[string]string{}
			for _, d := range c.Dimensions {
				f.Dimensions[d.Name] = d.Value
			}
		}
		if old {
			f.OldValue = &c.Old
		}
		if new {
			f.NewValue = &c.New
		}
		out = append(out, f)
	}
	return out
}

// Decode reads a releases.json written by Encode. name is where it came
// from, for messages.
func Decode(name string, data []byte) (*History, model.Problems) {
	var probs model.Problems
	at := model.Position{Path: name}
	var doc jsonHistory
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		probs.Errorf(at, "cannot read it: %v; expected the changes/releases.json of a site built by kpisite", err)
		return nil, probs
	}
	if doc.Format != formatVersion {
		probs.Errorf(at, "format %d; expected format %d (a newer kpisite may have written it)", doc.Format, formatVersion)
		return nil, probs
	}
	h := &History{}
	seen := map[string]bool{}
	for _, s := range doc.Indicators {
		if s.ID == "" || (s.Status != "active" && s.Status != "retired") || seen[s.ID] {
			probs.Errorf(at, "indicator %q: empty or repeated id, or status %q; expected a unique id and status active or retired", s.ID, s.Status)
			continue
		}
		seen[s.ID] = true
		h.Indicators = append(h.Indicators, IndicatorState{ID: s.ID, Name: s.Name, Active: s.Status == "active"})
	}
	ids := map[string]bool{}
	for i, r := range doc.Releases {
		if r.ID == "" || ids[r.ID] {
			probs.Errorf(at, "release %d: empty or repeated id %q; expected a unique id (the published date)", i+1, r.ID)
			continue
		}
		ids[r.ID] = true
		h.Releases = append(h.Releases, model.Release{
			ID: r.ID, Published: r.Published, Period: r.Period, Compared: r.Compared,
			Added: modelIndicators(r.IndicatorsAdded), Retired: modelIndicators(r.IndicatorsRetired),
			New: modelFigures(r.NewFigures), Revised: modelFigures(r.RevisedFigures), Withdrawn: modelFigures(r.WithdrawnFigures),
		})
	}
	if probs.HasErrors() {
		return nil, probs
	}
	return h, nil
}

func modelIndicators(in []jsonIndicator) []model.IndicatorChange {
	var out []model.IndicatorChange
	for _, c := range in {
		out = append(out, model.IndicatorChange{Indicator: c.ID, Name: c.Name, Removed: c.Removed})
	}
	return out
}

func modelFigures(in []jsonFigure) []model.FigureChange {
	var out []model.FigureChange
	for _, f := range in {
		c := model.FigureChange{Indicator: f.Indicator, Name: f.Name, Period: f.Period, Note: f.Note}
		if f.OldValue != nil {
			c.Old = *f.OldValue
		}
		if f.NewValue != nil {
			c.New = *f.NewValue
		}
		names := make([]string, 0, len(f.Dimensions))
		for n := range f.Dimensions {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			c.Dimensions = append(c.Dimensions, model.Dimension{Name: n, Value: f.Dimensions[n]})
		}
		out = append(out, c)
	}
	return out
}
