package load

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"

	"kpisite/generator/model"
)

// IndicatorsDir holds the indicator definitions.
const IndicatorsDir = "data/indicators"

var indicatorKeys = []string{
	"id", "title", "short_title", "service", "frequency", "unit", "rate_per", "decimals",
	"polarity", "measure", "target", "baseline", "definition", "rationale", "source", "lead",
	"legacy_id", "status", "retired", "replaced_by", "suppress_below", "compare", "outcome", "noun",
	// SPEC 3.8
	"year", "unit_label", "code", "source_url", "released", "next_release", "geography", "footnotes",
	"expected_lag",
	"forecast",
}

var requiredIndicatorKeys = []string{"id", "title", "service", "frequency", "unit", "polarity"}

var indicatorKeyHelp = map[string]string{
	"id":        `a slug that becomes the URL, such as id = "idva-referrals"`,
	"title":     `the full title as approved by committee, such as title = "Referrals to the IDVA service"`,
	"service":   `the id of a [[service]] in site.toml, such as service = "domestic-abuse"`,
	"frequency": `frequency = "quarterly", "monthly", "annual" or "multi_year"`,
	"unit":      `unit = "count", "percent", "hours", "days", "rate", "currency", "score", "ratio" or "rank"`,
	"polarity":  `polarity = "higher" (higher is better), "lower" or "neutral"`,
}

// DefaultRatePer is the population base of a rate when rate_per is not set.
const DefaultRatePer = 100000

// Indicators reads every data/indicators/*.toml file (SPEC 3.2) and
// returns the indicators sorted by id. An indicator whose id is missing,
// not a slug or repeated is left out; any other problem is reported and
// the indicator is kept with what could be read.
func Indicators(fsys fs.FS) ([]*model.Indicator, model.Problems) {
	return IndicatorsFor(fsys, yearSettings{})
}

// yearSettings are the site.toml settings that decide how indicators'
// periods are read.
type yearSettings struct {
	fyStart       int      // financial_year_start; 0 = April
	academicStart int      // academic_year_start; 0 = September
	langs         []string // the site's languages after the first: their tables translate an indicator
}

func siteYears(s *model.Site) yearSettings {
	if s == nil {
		return yearSettings{}
	}
	ys := yearSettings{fyStart: s.FinancialYearStart, academicStart: s.AcademicYearStart}
	if len(s.Languages) > 1 {
		ys.langs = s.Languages[1:]
	}
	return ys
}

// IndicatorsFor is Indicators for a site whose site.toml sets the year
// starts.
func IndicatorsFor(fsys fs.FS, ys yearSettings) ([]*model.Indicator, model.Problems) {
	inds, _, ps := indicators(fsys, ys)
	return inds, ps
}

// indicators is IndicatorsFor, and also returns the ids that files which
// could not be read (not UTF-8, not TOML, too large) seem to define, each
// with its file: rows naming them are knock-on problems of that file's.
func indicators(fsys fs.FS, ys yearSettings) ([]*model.Indicator, map[string]string, model.Problems) {
	var ps model.Problems
	unread := map[string]string{}
	files := listFiles(fsys, IndicatorsDir, ".toml", &ps)
	if len(files) == 0 {
		ps.Warnf(model.Position{Path: IndicatorsDir}, "no indicator definitions found; expected %s/*.toml files with [[indicator]] tables", IndicatorsDir)
	}
	// The files are read and decoded in parallel, then taken in order.
	type read struct {
		inds   []*model.Indicator
		unread []string // the ids a file that could not be decoded seems to define
		ps     model.Problems
	}
	reads := make([]read, len(files))
	inParallel(len(files), func(i int) {
		r := &reads[i]
		src, ok := readFileMax(fsys, files[i], MaxTOMLBytes, &r.ps)
		if !ok {
			return
		}
		r.inds, ok = indicatorFile(files[i], src, ys, &r.ps)
		if !ok {
			for _, m := range idLine.FindAllSubmatch(src, -1) {
				r.unread = append(r.unread, string(m[1]))
			}
		}
	})
	first := map[string]model.Position{}
	var out []*model.Indicator
	for i, name := range files {
		ps = append(ps, reads[i].ps...)
		for _, id := range reads[i].unread {
			unread[id] = name
		}
		for _, ind := range reads[i].inds {
			if p, ok := first[ind.ID]; ok {
				ps.Errorf(ind.PosOf("id"), "repeated indicator id %q, first defined at %s; expected each id once", ind.ID, p)
				continue
			}
			first[ind.ID] = ind.PosOf("id")
			out = append(out, ind)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, unread, ps
}

// idLine finds the ids a TOML file seems to define, without decoding it.
var idLine = regexp.MustCompile(`(?m)^[ \t]*id[ \t]*=[ \t]*["']([a-z0-9][a-z0-9-]*)["']`)

// IndicatorFile reads the [[indicator]] tables of one file, in file order.
// Repeated ids are not checked here (see Indicators).
func IndicatorFile(name string, src []byte, ps *model.Problems) []*model.Indicator {
	inds, _ := indicatorFile(name, src, yearSettings{}, ps)
	return inds
}

// indicatorFile is IndicatorFile; ok is false when the file could not be
// read at all (not UTF-8, or not TOML).
func indicatorFile(name string, src []byte, ys yearSettings, ps *model.Problems) ([]*model.Indicator, bool) {
	if !checkUTF8(name, src, tomlUTF8Advice, ps) {
		return nil, false
	}
	placeholders(name, src, true, ps)
	root, ok := decodeTOML(name, src, 0, ps)
	if !ok {
		return nil, false
	}
	root.unknown([]string{"indicator"})
	tables := root.tables("indicator")
	if len(tables) == 0 && !root.has("indicator") {
		ps.Warnf(model.Position{Path: name}, "file defines no indicators; expected [[indicator]] tables")
	}
	var out []*model.Indicator
	known := slices.Concat(indicatorKeys, compareIndicatorKeys, ys.langs) // once a file, not once a table
	for _, t := range tables {
		if ind := readIndicator(t, ys, known); ind != nil {
			out = append(out, ind)
		}
	}
	return out, true
}

// readIndicator reads one [[indicator]] table; known are the keys it may
// have.
func readIndicator(t tomlTable, ys yearSettings, known []string) *model.Indicator {
	t.unknown(known)
	t.require(requiredIndicatorKeys, indicatorKeyHelp)
	// The table's own map of key positions: no copy (100,000 indicators
	// would otherwise hold two maps each).
	ind := &model.Indicator{Pos: t.self(), FieldPos: t.f.keysUnder(t.key)}
	if ind.FieldPos == nil {
		ind.FieldPos = map[string]model.Position{}
	}

	id, idOK := t.str("id")
	ind.ID = strings.TrimSpace(id)
	if idOK && !IsSlug(ind.ID) {
		t.errorf("id", "%s", notSlug(ind.ID, "idva-referrals"))
		idOK = false
	}
	ind.Title = t.text("title")
	ind.ShortTitle = t.text("short_title")
	ind.Service = t.text("service")
	ind.Definition = t.text("definition")
	ind.Rationale = t.text("rationale")
	ind.Source = t.text("source")
	ind.Lead = t.text("lead")
	ind.Noun = t.text("noun")
	ind.LegacyID = legacyID(t)
	for _, k := range []string{"title", "service"} {
		if s, ok := t.str(k); ok && strings.TrimSpace(s) == "" {
			t.errorf(k, "is empty; expected %s", indicatorKeyHelp[k])
		}
	}

	if s, ok := t.str("frequency"); ok {
		if f, err := model.ParseFrequency(s); err == nil {
			ind.Frequency = f
		} else {
			t.errorf("frequency", "%s", badEnum(s, "a frequency", []string{"quarterly", "monthly", "annual", "multi_year"}))
		}
	}
	readYear(t, ind, ys)
	ind.Unit, _ = enum(t, "unit", "a unit", model.Units)
	ind.Polarity, _ = enum(t, "polarity", "a polarity", model.Polarities)
	ind.Measure = model.MeasurePeriod
	if m, ok := enum(t, "measure", "a measure", model.Measures); ok {
		ind.Measure = m
	}
	ind.Compare = model.ComparePreviousYear
	if c, ok := enum(t, "compare", "a comparison", model.Compares); ok {
		ind.Compare = c
	}
	ind.Lifecycle = model.Active
	if l, ok := enum(t, "status", "an indicator status", model.Lifecycles); ok {
		ind.Lifecycle = l
	}
	if o, ok := enum(t, "outcome", "an outcome", model.Outcomes); ok {
		ind.Outcome = o
	}

	readDisplay(t, ind)
	readTargets(t, ind)
	readMetadata(t, ind)
	ind.Baseline = readBaseline(t)
	readRetirement(t, ind)
	readIndicatorCompare(t, ind)

	if n, ok := t.integer("suppress_below", "10"); ok {
		if n < 0 {
			t.errorf("suppress_below", "%d is negative; expected 0 (no suppression) or a whole number such as 10", n)
		} else {
			ind.SuppressBelow = int(n)
		}
	}
	ind.Forecast, _ = t.boolean("forecast")
	ind.Translations = translations(t, ys.langs, indicatorTextKeys)
	if !idOK {
		return nil
	}
	return ind
}

// legacyID reads legacy_id, which may be written as a number.
func legacyID(t tomlTable) string {
	if n, ok := t.m["legacy_id"].(int64); ok {
		return fmt.Sprint(n)
	}
	return t.text("legacy_id")
}

// readDisplay reads decimals and rate_per and fills their defaults.
func readDisplay(t tomlTable, ind *model.Indicator) {
	ind.Decimals = 0
	if ind.Unit == model.UnitPercent {
		ind.Decimals = 1
	}
	if n, ok := t.integer("decimals", "1"); ok {
		if n >= 0 && n <= 6 {
			ind.Decimals = int(n)
		} else {
			t.errorf("decimals", "%d is out of range; expected a whole number from 0 to 6", n)
		}
	}
	if ind.Unit == model.UnitRate {
		ind.RatePer = DefaultRatePer
	}
	if v, ok := t.number("rate_per", "100000"); ok {
		switch {
		case v <= 0:
			t.errorf("rate_per", "%v is not above 0; expected a population base such as 100000 or 1000", v)
		case ind.Unit != model.UnitRate && ind.Unit != "":
			t.warnf("rate_per", "is only used with unit = \"rate\" but unit is %q; expected no rate_per, or unit = \"rate\"", ind.Unit)
		default:
			ind.RatePer = v
		}
	}
}

// readRetirement reads retired and replaced_by, and fills the outcome of
// a retired indicator: "replaced" if it names replacements, else
// "removed".
func readRetirement(t tomlTable, ind *model.Indicator) {
	if s, ok := t.str("retired"); ok {
		if ind.Frequency != 0 {
			if p, err := ind.ParsePeriod(s); err == nil {
				ind.RetiredFrom = p
			} else {
				t.errorf("retired", "%v", err)
			}
		}
	}
	if ids, ok := t.strings("replaced_by"); ok {
		for _, id := range ids {
			if !IsSlug(id) {
				t.errorf("replaced_by", "%s", notSlug(id, "idva-referrals"))
				continue
			}
			ind.ReplacedBy = append(ind.ReplacedBy, id)
		}
	}
	if ind.Lifecycle == model.Retired && ind.Outcome == "" {
		ind.Outcome = model.OutcomeRemoved
		if len(ind.ReplacedBy) > 0 {
			ind.Outcome = model.OutcomeReplaced
		}
	}
}
