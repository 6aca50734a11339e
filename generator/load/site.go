package load

import (
	"io/fs"
	"sync"

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
	return SiteThen(fsys, nil)
}

// SiteThen is Site, calling then (when not nil) with site.toml's settings
// as soon as they are read, before the rest of the site is: work that
// needs only them (the theme, the interface words) can start at once. It
// is called on Site's goroutine, so it should start that work and return;
// what it is given is a copy, never changed by the rest of loading.
func SiteThen(fsys fs.FS, then func(model.Site)) (*model.Input, model.Problems) {
	var ps model.Problems
	in := &model.Input{}
	var p model.Problems
	in.Site, p = SiteConfig(fsys)
	ps = append(ps, p...)
	if then != nil {
		then(in.Site)
	}
	// Actions and content need nothing else: they are read while the
	// indicators and their values are.
	var actionPs, contentPs model.Problems
	var wg sync.WaitGroup
	wg.Go(func() { in.Actions, actionPs = Actions(fsys) })
	wg.Go(func() { in.Content, contentPs = Content(fsys) })
	var unread map[string]string
	in.Indicators, unread, p = indicators(fsys, siteYears(&in.Site))
	ps = append(ps, p...)
	in.UnreadIndicators = unread
	in.Observations, p = values(fsys, in.Indicators, in.Site.IgnoreColumns, unread)
	ps = append(ps, p...)
	wg.Wait()
	ps = append(ps, actionPs...)
	ps = append(ps, contentPs...)
	return in, ps.Sort()
}
