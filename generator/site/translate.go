package site

import "kpisite/generator/model"

// translated is in as published in lang, a language after the first
// (SPEC 3.9): the site's title, organisation and notice, the names of
// committees and services, the resident-facing text of indicators and
// the Markdown files are replaced by their translations where given (a
// twin page keeps its original's path, so its URL is the original's
// under the language's folder); what has no translation stays in the
// first language (package validate warned about each). Figures are
// shared: series are copied only to point at the translated indicators.
func translated(in *model.Input, series []model.Series, lang string) (*model.Input, []model.Series) {
	tin := *in
	s := &tin.Site
	s.Language = lang
	set(&s.Title, s.Translations, lang, "title")
	set(&s.Organisation, s.Translations, lang, "organisation")
	set(&s.Notice, s.Translations, lang, "notice")
	s.Committees = append([]model.Committee(nil), s.Committees...)
	for i := range s.Committees {
		set(&s.Committees[i].Name, s.Committees[i].Translations, lang, "name")
	}
	s.Services = append([]model.Service(nil), s.Services...)
	for i := range s.Services {
		set(&s.Services[i].Name, s.Services[i].Translations, lang, "name")
	}

	byID := make(map[*model.Indicator]*model.Indicator, len(in.Indicators))
	tin.Indicators = make([]*model.Indicator, len(in.Indicators))
	for i, ind := range in.Indicators {
		if ind == nil {
			continue
		}
		t := *ind
		for key, field := range map[string]*string{
			"title": &t.Title, "short_title": &t.ShortTitle, "definition": &t.Definition, "rationale": &t.Rationale,
			"noun": &t.Noun, "unit_label": &t.UnitLabel, "source": &t.Source, "lead": &t.Lead,
		} {
			set(field, t.Translations, lang, key)
		}
		tin.Indicators[i] = &t
		byID[ind] = &t
	}
	tseries := make([]model.Series, len(series))
	for i, sr := range series {
		tseries[i] = sr
		if t, ok := byID[sr.Indicator]; ok {
			tseries[i].Indicator = t
		}
	}
	tin.Content = translatedContent(in.Content, in.Content.Twins[lang])
	return &tin, tseries
}

// set replaces *field by its translation into lang, when there is one.
func set(field *string, tr model.Translations, lang, key string) {
	if s, ok := tr.Get(lang, key); ok {
		*field = s
	}
}

// translatedContent is c with each file replaced by its twin, if any.
func translatedContent(c model.Content, twin *model.Content) model.Content {
	if twin == nil {
		return c
	}
	out := c
	out.Home = twinOf(c.Home, twin.Home)
	out.Pages = make([]*model.Page, len(c.Pages))
	for i, p := range c.Pages {
		out.Pages[i] = p
		for _, t := range twin.Pages {
			if sameFile(p.Path, t.Path) {
				out.Pages[i] = twinOf(p, t)
			}
		}
	}
	out.Indicators = twinMap(c.Indicators, twin.Indicators)
	out.Services = twinMap(c.Services, twin.Services)
	out.Actions = twinMap(c.Actions, twin.Actions)
	out.Commentary = make([]model.Commentary, len(c.Commentary))
	for i, cm := range c.Commentary {
		out.Commentary[i] = cm
		for _, t := range twin.Commentary {
			if t.Indicator == cm.Indicator && t.PeriodSlug == cm.PeriodSlug {
				out.Commentary[i].Page = *twinOf(&cm.Page, &t.Page)
			}
		}
	}
	return out
}

func twinMap(orig, twins map[string]*model.Page) map[string]*model.Page {
	out := make(map[string]*model.Page, len(orig))
	for k, p := range orig {
		out[k] = twinOf(p, twins[k])
	}
	return out
}

// twinOf is the twin t in place of p, at p's path (its URL), keeping
// p's draft setting; p when there is no twin.
func twinOf(p, t *model.Page) *model.Page {
	if p == nil || t == nil {
		return p
	}
	c := *t
	c.Path = p.Path
	c.Draft = p.Draft
	return &c
}

// sameFile reports whether twin translates orig (content/about.cy.md,
// content/about.md).
func sameFile(orig, twin string) bool {
	base := twin[:len(twin)-len(".md")]
	for i := len(base) - 1; i >= 0; i-- {
		if base[i] == '.' {
			return base[:i]+".md" == orig
		}
	}
	return false
}
