// Package validate checks the rules of a site that span files, after
// package load has read each file on its own. Input returns every problem
// at once, each positioned, in a deterministic order (indicators by id,
// then content, then actions, then site settings); callers sort with
// model.Problems.Sort.
//
// Errors (the build stops):
//   - an indicator's service is not a [[service]] id of site.toml;
//   - replaced_by names an indicator that does not exist, the indicator
//     itself, or the same id twice;
//   - a retired indicator with outcome "retained" or "replaced" has no
//     replaced_by;
//   - content/indicators/<id>.md names no indicator;
//   - content/services/<id>.md names no service;
//   - content/actions/<tracker>.md names no data/actions/<tracker>.csv;
//   - content/commentary/<slug>/<id>.md names no indicator, or <slug> is
//     not the URL slug of a period of that indicator's frequency
//     ("2022-23-q1" quarterly, "2022-04" monthly, "2022-23" annual);
//   - an action's committee is not a [[committee]] id of site.toml;
//   - [reporting] current_period is not a period.
//   - [reporting] reports_from is not a period, or is after current_period.
//
// When site.toml could not be read (Site.Unread), nothing is checked
// against its services and committees, and nothing that names an
// indicator of a file that could not be read (Input.UnreadIndicators) is
// reported as naming no indicator: the file's own error is the cause.
//
// Warnings (reported; they fail a build only with --strict):
//   - an active indicator has outcome, retired or replaced_by set (they
//     describe a retired indicator; status = "retired" is probably
//     missing);
//   - a retired indicator with outcome "removed" names replacements;
//   - a retired indicator has figures for periods from its retired period
//     on;
//   - commentary is for a period with no figure of the council's own for
//     its indicator (comparator rows and rows with no value do not count;
//     breakdown rows count only for an indicator with no overall figure);
//   - [reporting] current_period has no headline figure of the council's
//     own for any indicator.
//
// Every "not an id" problem suggests the nearest id when one is close.
package validate

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"kpisite/generator/model"
	"kpisite/generator/suggest"
)

// Input checks the cross-file rules of in and returns every problem found.
func Input(in *model.Input) model.Problems {
	if in == nil {
		return nil
	}
	v := &checker{in: in}
	for _, ind := range in.Indicators {
		if ind != nil {
			v.ids = append(v.ids, ind.ID)
		}
	}
	for _, s := range in.Site.Services {
		v.services = append(v.services, s.ID)
	}
	for _, c := range in.Site.Committees {
		v.committees = append(v.committees, c.ID)
	}
	// The rules of each indicator's definition and rows need nothing of
	// what the rest works out below: they are checked on another
	// processor, and their problems come first, as when checked one after
	// the other.
	defs := *v
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, ind := range in.Indicators {
			if ind != nil {
				defs.indicator(ind)
			}
		}
		defs.retiredData()
		defs.figures()
	})
	v.ownFigures()
	v.content()
	v.actions()
	v.currentPeriod()
	v.reportsFrom()
	v.areas()
	v.languages()
	wg.Wait()
	return append(defs.ps, v.ps...)
}

type checker struct {
	in *model.Input
	// asked holds, for each indicator with commentary, the periods of its
	// commentary, each with what figures of the council's own it has:
	// ownHeadline and ownBreakdown bits.
	asked      map[string]map[model.Period]uint8
	headline   map[string]bool // indicators with a headline figure of the council's own
	current    bool            // some indicator has a headline figure of the council's own for [reporting] current_period
	ids        []string
	services   []string
	committees []string
	ps         model.Problems
}

// The figures of the council's own a period of an indicator has (asked).
const (
	ownHeadline uint8 = 1 << iota
	ownBreakdown
)

// ownFigures finds what the commentary and current_period rules need to
// know of the council's own figures (headline, asked and current): one
// pass over the rows, keeping only the periods asked about, not every
// period of every indicator.
func (v *checker) ownFigures() {
	in := v.in
	v.asked = map[string]map[model.Period]uint8{}
	for i := range in.Content.Commentary {
		cm := &in.Content.Commentary[i]
		if ind := in.Indicator(cm.Indicator); ind != nil && ind.Frequency != 0 {
			if p, err := ind.ParseSlug(cm.PeriodSlug); err == nil && p.Slug() == cm.PeriodSlug {
				if v.asked[ind.ID] == nil {
					v.asked[ind.ID] = map[model.Period]uint8{}
				}
				v.asked[ind.ID][p] = 0
			}
		}
	}
	cur, err := model.ParseAnyPeriod(in.Site.CurrentPeriod)
	hasCur := in.Site.CurrentPeriod != "" && err == nil
	v.headline = map[string]bool{}
	inds := indicatorLookup{in: in}
	var id string                    // the indicator of the row before
	var asked map[model.Period]uint8 // its periods asked about
	for i := range in.Observations {
		o := &in.Observations[i]
		if !hasFigure(o) || !in.Site.IsOwn(inds.of(o.Indicator), o.Area) {
			continue // comparator rows and rows without a value are no figure of the council's own
		}
		if o.Indicator != id || i == 0 {
			id, asked = o.Indicator, v.asked[o.Indicator]
		}
		bit := ownBreakdown
		if len(o.Dims) == 0 {
			bit = ownHeadline
			v.headline[id] = true
			if hasCur && o.Period == cur {
				v.current = true
			}
		}
		if bits, ok := asked[o.Period]; ok {
			asked[o.Period] = bits | bit
		}
	}
}

// notAn is the end of a message for an id that is not one of ids:
// a "did you mean", else what was expected.
func notAn(id string, ids []string, expected string) string {
	if hint := suggest.DidYouMean(id, ids); hint != "" {
		return hint
	}
	return "expected " + expected
}

func (v *checker) indicator(ind *model.Indicator) {
	if ind.Service != "" && !v.in.Site.Unread && v.in.Site.Service(ind.Service) == nil {
		exp := "the id of a [[service]] in site.toml"
		if len(v.services) > 0 {
			exp = "one of " + strings.Join(v.services, ", ")
		}
		v.ps.Errorf(ind.PosOf("service"), "key \"service\": %q is not a service in site.toml; %s", ind.Service, notAn(ind.Service, v.services, exp))
	}
	seen := map[string]bool{}
	for _, r := range ind.ReplacedBy {
		switch {
		case r == ind.ID:
			v.ps.Errorf(ind.PosOf("replaced_by"), "key \"replaced_by\": %q names the indicator itself; expected the ids of the indicators that replace it", r)
		case seen[r]:
			v.ps.Errorf(ind.PosOf("replaced_by"), "key \"replaced_by\": %q is listed twice; expected each id once", r)
		case v.in.Indicator(r) == nil && v.in.UnreadIndicators[r] == "":
			v.ps.Errorf(ind.PosOf("replaced_by"), "key \"replaced_by\": %q is not an indicator id; %s", r, notAn(r, v.ids, "the id of an [[indicator]]"))
		}
		seen[r] = true
	}
	if ind.IsActive() {
		for _, k := range []string{"outcome", "retired", "replaced_by"} {
			if _, set := ind.FieldPos[k]; set {
				v.ps.Warnf(ind.PosOf(k), "key %q is set but the indicator is active; expected status = \"retired\" as well, or no %s", k, k)
			}
		}
		return
	}
	switch {
	case (ind.Outcome == model.OutcomeRetained || ind.Outcome == model.OutcomeReplaced) && len(ind.ReplacedBy) == 0:
		v.ps.Errorf(ind.PosOf("outcome"), "key \"outcome\": %q needs replaced_by; expected replaced_by = [\"new-id\"] naming the indicator that continues it", ind.Outcome)
	case ind.Outcome == model.OutcomeRemoved && len(ind.ReplacedBy) > 0:
		v.ps.Warnf(ind.PosOf("outcome"), "key \"outcome\": \"removed\" but replaced_by names %s; expected outcome = \"replaced\" or \"retained\", or no replaced_by", strings.Join(ind.ReplacedBy, ", "))
	}
}

// retiredData warns about figures for a retired indicator from the period
// it was retired.
func (v *checker) retiredData() {
	inds := indicatorLookup{in: v.in}
	for i := range v.in.Observations {
		o := &v.in.Observations[i]
		ind := inds.of(o.Indicator)
		if ind == nil || ind.IsActive() || ind.RetiredFrom.IsZero() || ind.RetiredFrom.Freq != o.Period.Freq {
			continue
		}
		if !o.Period.Before(ind.RetiredFrom) {
			v.ps.Warnf(o.Pos, "%q was retired from %s (%s) but has a figure for %s; expected no figures from %s on", o.Indicator, ind.RetiredFrom, ind.PosOf("retired"), o.Period, ind.RetiredFrom)
		}
	}
}

func (v *checker) content() {
	c := v.in.Content
	for _, id := range sortedKeys(c.Indicators) {
		if v.in.Indicator(id) == nil && v.in.UnreadIndicators[id] == "" {
			v.ps.Errorf(pagePos(c.Indicators[id]), "%q is not an indicator id; %s", id, notAn(id, v.ids, "content/indicators/<indicator-id>.md"))
		}
	}
	for _, id := range sortedKeys(c.Services) {
		if !v.in.Site.Unread && v.in.Site.Service(id) == nil {
			v.ps.Errorf(pagePos(c.Services[id]), "%q is not a service in site.toml; %s", id, notAn(id, v.services, "content/services/<service-id>.md"))
		}
	}
	trackers := map[string]bool{}
	for i := range v.in.Actions {
		trackers[v.in.Actions[i].Tracker] = true
	}
	for _, id := range sortedKeys(c.Actions) {
		if !trackers[id] {
			v.ps.Errorf(pagePos(c.Actions[id]), "%q is not an action plan: there is no data/actions/%s.csv with actions; expected content/actions/<tracker>.md named after a file in data/actions/", id, id)
		}
	}
	for i := range c.Commentary {
		v.commentary(&c.Commentary[i])
	}
}

func (v *checker) commentary(cm *model.Commentary) {
	pos := pagePos(&cm.Page)
	ind := v.in.Indicator(cm.Indicator)
	if ind == nil && v.in.UnreadIndicators[cm.Indicator] != "" {
		return // its file could not be read: that is the problem
	}
	if ind == nil {
		v.ps.Errorf(pos, "commentary for %q, which is not an indicator id; %s", cm.Indicator, notAn(cm.Indicator, v.ids, "content/commentary/<period-slug>/<indicator-id>.md"))
		return
	}
	if ind.Frequency == 0 {
		return // reported with the indicator
	}
	p, err := ind.ParseSlug(cm.PeriodSlug)
	if err != nil || p.Slug() != cm.PeriodSlug {
		msg := fmt.Sprintf("folder %q is not a %s period slug; expected a folder such as %q", cm.PeriodSlug, ind.Frequency, exampleSlug(ind))
		if err == nil {
			msg = fmt.Sprintf("folder %q is not a period slug; expected %q", cm.PeriodSlug, p.Slug())
		}
		v.ps.Errorf(pos, "%s (%q is %s)", msg, ind.ID, ind.Frequency)
		return
	}
	// An indicator with only breakdown figures (no overall figure) may
	// have commentary for a period any of them covers.
	if has := v.asked[ind.ID][p]; has&ownHeadline == 0 && (v.headline[ind.ID] || has&ownBreakdown == 0) {
		v.ps.Warnf(pos, "commentary for %s, but %q has no figure for that period; expected a row for it in data/values", p, ind.ID)
	}
}

// hasFigure reports whether a row gives a figure: a value, a numerator
// and denominator to work one out from, or a confidential (withheld) mark.
func hasFigure(o *model.Observation) bool {
	return o.Value.Valid || (o.Numerator.Valid && o.Denominator.Valid) || o.Flag == model.FlagConfidential
}

func exampleSlug(ind *model.Indicator) string {
	f := ind.Frequency
	return model.Period{Freq: f, Year: 2022, Sub: map[model.Frequency]int{model.Quarterly: 1, model.Monthly: 4}[f], Span: 3, Cal: ind.Cal}.Slug()
}

func (v *checker) actions() {
	for _, a := range v.in.Actions {
		if a.Committee != "" && !v.in.Site.Unread && v.in.Site.Committee(a.Committee) == nil {
			exp := "the id of a [[committee]] in site.toml"
			if len(v.committees) > 0 {
				exp = "one of " + strings.Join(v.committees, ", ")
			}
			v.ps.Errorf(a.Pos, "column \"committee\": %q is not a committee in site.toml; %s", a.Committee, notAn(a.Committee, v.committees, exp))
		}
	}
}

func (v *checker) currentPeriod() {
	s := v.in.Site
	if s.CurrentPeriod == "" {
		return
	}
	pos := s.PosOf("reporting.current_period")
	p, err := model.ParseAnyPeriod(s.CurrentPeriod)
	if err != nil {
		v.ps.Errorf(pos, "key \"reporting.current_period\": %v", err)
		return
	}
	if v.current {
		return
	}
	v.ps.Warnf(pos, "key \"reporting.current_period\": no indicator has a figure of the council's own for %s; expected the latest period with data, or no current_period", p)
}

// reportsFrom checks [reporting] reports_from: a period, not after the
// current period when that is set.
func (v *checker) reportsFrom() {
	s := v.in.Site
	if s.ReportsFrom == "" {
		return
	}
	pos := s.PosOf("reporting.reports_from")
	from, err := model.ParseAnyPeriod(s.ReportsFrom)
	if err != nil {
		v.ps.Errorf(pos, "key \"reporting.reports_from\": %v", err)
		return
	}
	cur, err := model.ParseAnyPeriod(s.CurrentPeriod)
	if s.CurrentPeriod == "" || err != nil {
		return
	}
	fy := s.FinancialYearStart
	if cur.End(fy).Before(from.End(fy)) {
		v.ps.Errorf(pos, "key \"reporting.reports_from\": %s is after the current period %s; expected the first period to publish a report for, no later than current_period", from, cur)
	}
}

// pagePos is where a problem with a whole Markdown file is reported.
func pagePos(p *model.Page) model.Position {
	return model.Position{Path: p.Path, Line: 1}
}

func sortedKeys(m map[string]*model.Page) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
