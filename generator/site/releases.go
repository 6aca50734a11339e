package site

import (
	"fmt"

	"kpisite/generator/changes"
	"kpisite/generator/format"
	"kpisite/generator/model"
	"kpisite/generator/render"
)

// previous reads the previous release's files. A file that cannot be read
// is an error: going on without it would lose the release history.
func previous(p Previous) (changes.Previous, model.Problems) {
	var out changes.Previous
	var probs, hprobs model.Problems
	if p.Releases != nil {
		out.History, hprobs = changes.Decode(p.ReleasesName, p.Releases)
	}
	if p.AllCSV != nil {
		// Its problems are reported now; its rows are read now (beside
		// loading the site) only if this release is likely to be
		// compared with it, else when it is (changes.ReadPrevious).
		out.All, probs = changes.ReadPrevious(p.AllCSVName, p.AllCSV, out.History)
	}
	probs = append(probs, hprobs...)
	if p.Releases != nil && p.AllCSV == nil && !probs.HasErrors() {
		probs.Warnf(model.Position{Path: p.ReleasesName}, "the previous release's history was found but not its data/all.csv; the history is carried forward, but this release's figures cannot be compared")
	}
	return out, probs
}

// releaseID is the id of this build's release: site.toml's published
// date, else the current period's slug; "" with neither.
func releaseID(in *model.Input, cur model.Period) string {
	if id := format.ISODate(in.Site.Published); id != "" {
		return id
	}
	return cur.Slug()
}

// releases records this build's release: its identity is site.toml's
// published date, else the current period; with neither there is no
// release to record and the history is carried forward as it was.
func releases(prev changes.Previous, in *model.Input, cur model.Period, all []byte) (render.Releases, error) {
	c := changes.Current{Published: format.ISODate(in.Site.Published), ID: releaseID(in, cur)}
	if c.ID != "" && changes.Compares(prev, c.ID) {
		// This build's figures are read back only to be compared with
		// the previous release's: without those, or when this release
		// is one built again that was not compared, Record never reads
		// them, and 40,000 rows read back would be held for nothing.
		// Most of its lines are the previous release's (a rebuild
		// after a few figures changed): their rows are taken from it.
		now, probs := changes.ParseCSVFrom("data/all.csv", all, prev.All)
		if probs.HasErrors() {
			return render.Releases{}, fmt.Errorf("read this build's data/all.csv: %v", probs)
		}
		c.All = now
	}
	if !cur.IsZero() {
		c.Period = cur.String()
	}
	for _, ind := range in.Indicators {
		c.Indicators = append(c.Indicators, changes.IndicatorState{ID: ind.ID, Name: ind.Name(), Active: ind.IsActive()})
	}
	if newest, earlier := changes.Earlier(prev.History, c.ID); c.ID != "" && earlier {
		return render.Releases{}, fmt.Errorf("site.toml: [reporting] published %s is the date of an earlier release, not of the newest (%s); expected the date of this release, after the previous one", c.ID, newest)
	}
	var h *changes.History
	switch {
	case c.ID == "" && prev.History != nil:
		h = &changes.History{Indicators: c.Indicators, Releases: prev.History.Releases}
	case c.ID == "":
		h = &changes.History{Indicators: c.Indicators}
	default:
		h = changes.Record(prev, c)
	}
	file, err := changes.Encode(h)
	if err != nil {
		return render.Releases{}, err
	}
	return render.Releases{List: h.Releases, File: file}, nil
}
