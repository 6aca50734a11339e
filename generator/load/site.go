package load

import (
	"io/fs"

	"kpisite/generator/model"
)

// Site reads a whole site: site.toml, data/indicators/*.toml,
// data/values/*.csv, data/actions/*.csv and content/. It never stops at
// the first problem: it returns every problem it found, sorted, with as
// much of the Input as it could read. Rules that need several files at
// once (an indicator's service exists, commentary names an indicator …)
// are package validate's; the only cross-file rules here are those
// reading needs: values are read against the indicators, and ids and
// observations must be unique across files.
func Site(fsys fs.FS) (*model.Input, model.Problems) {
	var ps model.Problems
	in := &model.Input{}
	var p model.Problems
	in.Site, p = SiteConfig(fsys)
	ps = append(ps, p...)
	var unread map[string]string
	in.Indicators, unread, p = indicators(fsys, siteYears(&in.Site))
	ps = append(ps, p...)
	in.UnreadIndicators = unread
	in.Observations, p = values(fsys, in.Indicators, in.Site.IgnoreColumns, unread)
	ps = append(ps, p...)
	in.Actions, p = Actions(fsys)
	ps = append(ps, p...)
	in.Content, p = Content(fsys)
	ps = append(ps, p...)
	return in, ps.Sort()
}
