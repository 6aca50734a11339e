package render

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// Search (SPEC 5): search/index.html lists every indicator A to Z, which
// is all a reader without JavaScript needs; assets/search.js turns it into
// a filter as you type, over search/index.json (built here: titles,
// codes, definitions and service names, nothing else, to keep it small).

// SearchItem is one indicator in the A to Z list.
type SearchItem struct {
	ID          string
	Href        string
	Name        string // short title, else title
	Title       string // the full title when it differs from Name
	ServiceName string
	Codes       []string // legacy reference and code, when any
	Status      StatusView
	Period      string // the period the status is for
	Retired     bool
	LastPeriod  string // retired: the last period with a figure
}

// SearchLetter is one letter of the A to Z list.
type SearchLetter struct {
	ID     string // "az-a"
	Letter string // "A", or "0–9" for names that do not start with a letter
	Items  []SearchItem
	lang   *format.Lang // the words of ItemsHTML; nil: English
}

// SearchPage is search/index.html.
type SearchPage struct {
	Layout
	Current int // how many current indicators
	Letters []SearchLetter
	Retired []SearchItem
	Index   string       // search/index.json, relative to the page
	Script  string       // assets/search.js, relative to the page
	lang    *format.Lang // the words of RetiredHTML; nil: English
}

// searchEntry is one indicator in search/index.json.
type searchEntry struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Title      string   `json:"title,omitempty"`
	Codes      []string `json:"codes,omitempty"`
	Service    int      `json:"service"` // index into services
	Definition string   `json:"definition,omitempty"`
	Retired    bool     `json:"retired,omitempty"`
}

type searchIndex struct {
	Services   []string      `json:"services"`
	Indicators []searchEntry `json:"indicators"`
}

// json is search/index.json as encoding/json would write idx with
// json.Marshal, written without reflection.
func (idx *searchIndex) json() []byte {
	w := jsonWriter{b: make([]byte, 0, 64+100*len(idx.Indicators))}
	w.open('{')
	w.key("services")
	w.strings(idx.Services)
	w.key("indicators")
	if idx.Indicators == nil {
		w.null()
	} else {
		w.open('[')
		for i := range idx.Indicators {
			e := &idx.Indicators[i]
			w.elem()
			w.open('{')
			w.key("id")
			w.str(e.ID)
			w.key("name")
			w.str(e.Name)
			w.member("title", e.Title)
			if len(e.Codes) > 0 {
				w.key("codes")
				w.strings(e.Codes)
			}
			w.key("service")
			w.int(e.Service)
			w.member("definition", e.Definition)
			if e.Retired {
				w.key("retired")
				w.bool(true)
			}
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
	return w.b
}

// codesOf lists the references an indicator is known by besides its title.
func codesOf(ind *model.Indicator) []string {
	var out []string
	if ind.Code != "" {
		out = append(out, ind.Code)
	}
	if ind.LegacyID != "" {
		out = append(out, ind.LegacyID)
	}
	return out
}

// letterOf is the A to Z heading a name is listed under.
func (b *builder) letterOf(name string) (id, letter string) {
	for _, r := range name {
		r = unicode.ToUpper(r)
		if r >= 'A' && r <= 'Z' {
			return "az-" + strings.ToLower(string(r)), string(r)
		}
		break
	}
	return "az-other", b.lang.T("search.other_letters")
}

// searchOrder is the series A to Z by name, ignoring case, then by id:
// each name is lowered once, not at every comparison of the sort.
func (b *builder) searchOrder() []*model.Series {
	type keyed struct {
		lower string
		s     *model.Series
	}
	ks := make([]keyed, len(b.series))
	for i := range b.series {
		ks[i] = keyed{strings.ToLower(b.series[i].Indicator.Name()), &b.series[i]}
	}
	slices.SortStableFunc(ks, func(x, y keyed) int {
		if c := strings.Compare(x.lower, y.lower); c != 0 {
			return c
		}
		return strings.Compare(x.s.Indicator.ID, y.s.Indicator.ID)
	})
	order := make([]*model.Series, len(ks))
	for i := range ks {
		order[i] = ks[i].s
	}
	return order
}

func (b *builder) searchJob() job {
	return func() (map[string][]byte, error) {
		const path = "search/index.html"
		root := rootFor(path)
		page := SearchPage{
			Layout: b.layout(path, b.lang.T("search.title"), b.lang.T("search.description"), "search"),
			Index:  "index.json", Script: b.shared(path, root+"assets/search.js", "assets/search.js"),
			lang: b.lang,
		}
		order := b.searchOrder()
		idx := searchIndex{Services: []string{}, Indicators: []searchEntry{}}
		svcIndex := map[string]int{}
		for i := range b.in.Site.Services {
			svcIndex[b.in.Site.Services[i].ID] = i
			idx.Services = append(idx.Services, b.in.Site.Services[i].Name)
		}
		var retired []SearchItem
		byLetter := map[string]*SearchLetter{}
		var entries, retiredEntries []searchEntry
		for _, s := range order {
			ind := s.Indicator
			it := SearchItem{ID: ind.ID, Href: root + "indicators/" + ind.ID + "/", Name: ind.Name(), Codes: codesOf(ind), Retired: !ind.IsActive()}
			if ind.Title != it.Name {
				it.Title = ind.Title
			}
			e := searchEntry{ID: ind.ID, Name: it.Name, Title: it.Title, Codes: it.Codes, Service: -1, Definition: ind.Definition, Retired: it.Retired}
			if svc := b.in.Site.Service(ind.Service); svc != nil {
				it.ServiceName = svc.Name
				e.Service = svcIndex[svc.ID]
			}
			if it.Retired {
				if pt := lastRow(s); pt != nil {
					it.LastPeriod = b.lang.Period(pt.Period)
				}
				retired = append(retired, it)
				retiredEntries = append(retiredEntries, e)
				continue
			}
			st := model.NoData
			if pt := b.o.PointFor(s, b.o.Current); pt != nil {
				st = pt.Status
				it.Period = b.lang.Period(pt.Period)
			}
			it.Status = b.statusView(st)
			page.Current++
			id, letter := b.letterOf(it.Name)
			if _, ok := byLetter[id]; !ok {
				byLetter[id] = &SearchLetter{ID: id, Letter: letter, lang: b.lang}
			}
			byLetter[id].Items = append(byLetter[id].Items, it)
			entries = append(entries, e)
		}
		// A to Z, then names that do not start with a letter.
		ids := make([]string, 0, len(byLetter))
		for id := range byLetter {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool {
			if (ids[i] == "az-other") != (ids[j] == "az-other") {
				return ids[j] == "az-other"
			}
			return ids[i] < ids[j]
		})
		for _, id := range ids {
			page.Letters = append(page.Letters, *byLetter[id])
		}
		page.Retired = retired
		idx.Indicators = append(append(idx.Indicators, entries...), retiredEntries...)
		out, err := b.page(path, "search.html", page)
		if err != nil {
			return nil, err
		}
		out["search/index.json"] = append(idx.json(), '\n')
		return out, nil
	}
}
