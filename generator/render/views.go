package render

import (
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// periodShown names the period of a scorecard or report figure: the
// period itself when it is the scorecard's, else "latest: 2021", and
// ", out of date" when it is older than the indicator's expected_lag
// allows (SPEC 3.8).
func (b *builder) periodShown(ind *model.Indicator, p, cur model.Period) string {
	if cur.IsZero() || p.End(b.fy).Equal(cur.End(b.fy)) && p.Freq == cur.Freq {
		return b.lang.Period(p)
	}
	if ind.OutOfDate(p, cur, b.fy) {
		return b.lang.T("scorecard.latest_out_of_date", "period", b.lang.Period(p))
	}
	return b.lang.T("scorecard.latest", "period", b.lang.Period(p))
}

// pointStatus is a point's status, saying when the service set it.
func (b *builder) pointStatus(pt *model.Point) StatusView {
	v := b.statusView(pt.Status)
	if pt.ByService {
		v.SetBy = b.lang.T("status.set_by_service")
	}
	return v
}

func (b *builder) statusView(s model.Status) StatusView {
	icons := map[model.Status]string{
		model.Green: "✓", model.Amber: "!", model.Red: "✕",
		model.NoTarget: "–", model.NoData: "?", model.Withheld: "c",
	}
	if s == "" {
		s = model.NoData
	}
	return StatusView{Key: string(s), Label: b.lang.Status(s), Icon: icons[s]}
}

func (b *builder) directionView(d model.Direction) DirectionView {
	arrows := map[model.Direction]string{
		model.Improving: "▲", model.Worsening: "▼", model.NoChange: "▶",
		model.Up: "▲", model.Down: "▼", model.NoSignificantChange: "≈",
	}
	key := string(d)
	if d == model.NoComparison {
		key = "none"
	}
	return DirectionView{Key: key, Label: b.lang.Direction(d), Arrow: arrows[d]}
}

// cell is a figure as shown in a table: "[c]" when withheld, "[x]" or
// "[z]" when flagged, "" when missing.
func cell(v model.Value, withheld bool, f model.Flag, ind *model.Indicator) string {
	switch {
	case withheld:
		return "[c]"
	case v.Valid:
		return format.Bare(v, ind)
	case f == model.FlagNotApplicable:
		return "[z]"
	}
	return "[x]" // no figure: not available
}

// flagText is the flag as shown beside a figure: "[p]".
func flagText(f model.Flag) string {
	if f == model.FlagNone {
		return ""
	}
	return "[" + string(f) + "]"
}

// flagKey lists the meanings of the flags that appear, in the standard
// order.
func (b *builder) flagKey(used map[model.Flag]bool) []FlagKey {
	var out []FlagKey
	for _, f := range model.Flags {
		if used[f.Flag] {
			out = append(out, FlagKey{Code: "[" + string(f.Flag) + "]", Meaning: b.lang.T("flag." + string(f.Flag))})
		}
	}
	return out
}

// pointFlags notes which flags a point shows.
func pointFlags(used map[model.Flag]bool, p *model.Point) {
	if p == nil {
		return
	}
	switch {
	case p.Withheld:
		used[model.FlagConfidential] = true
	case !p.Value.Valid && p.Flag != model.FlagNotApplicable:
		used[model.FlagNotAvailable] = true
	}
	if p.Flag != model.FlagNone {
		used[p.Flag] = true
	}
}

func (b *builder) polarityWords(p model.Polarity) string {
	switch p {
	case model.HigherIsBetter:
		return b.lang.T("facts.higher")
	case model.LowerIsBetter:
		return b.lang.T("facts.lower")
	}
	return b.lang.T("facts.neutral")
}

func (b *builder) frequencyWords(ind *model.Indicator) string { return frequencyWordsIn(b.lang, ind) }

func frequencyWordsIn(l *format.Lang, ind *model.Indicator) string {
	year := l.T("year_kind." + ind.Cal.Year.String())
	switch ind.Frequency {
	case model.MultiYear:
		return l.T("facts.multi_year", "year", year)
	case model.Monthly:
		return l.T("frequency.monthly")
	}
	s := l.T("frequency." + ind.Frequency.String())
	if ind.Cal.Year != model.FinancialYear {
		s = l.T("facts.frequency_years", "frequency", s, "year", year)
	}
	return s
}

// targetWords describes an indicator's target: its rule, each rule of a
// target list with the period it starts, and targets given with the
// figures. An indicator with no target key whose rows carry targets has
// those targets, not "no target" (issue 11's first bug).
func (b *builder) targetWords(s *model.Series) string {
	ind := s.Indicator
	rowTargets := false
	for i := range s.Points {
		if s.Points[i].Target.Valid {
			rowTargets = true
			break
		}
	}
	rules := ind.Rules()
	band := ""
	if ind.Polarity != model.Neutral {
		band = " " + b.bandWords(ind, rules)
	}
	switch {
	case !ind.HasTargetRule() && rowTargets:
		return b.lang.T("target.with_figures") + band
	case len(rules) == 0:
		return b.lang.T("target.none")
	case len(rules) == 1 && rules[0].From.IsZero():
		if rules[0].Kind == model.TargetNone {
			return b.lang.T("target.none")
		}
		return b.ruleWords(ind, rules[0]) + band
	}
	var parts []string
	if !rules[0].From.IsZero() {
		parts = append(parts, b.lang.T("target.none_before", "period", b.lang.Long(rules[0].From, b.fy)))
	}
	for _, r := range rules {
		w := b.ruleWords(ind, r)
		if r.Kind == model.TargetNone {
			w = b.lang.T("target.no_target")
		}
		if r.From.IsZero() {
			parts = append(parts, b.lang.T("target.at_first", "target", w))
		} else {
			parts = append(parts, b.lang.T("target.from", "period", b.lang.Long(r.From, b.fy), "target", w))
		}
	}
	return strings.Join(parts, " ") + band
}

// bandWords says what counts as near target (amber).
func (b *builder) bandWords(ind *model.Indicator, rules []model.TargetRule) string {
	var abs []string
	tol := b.in.Site.AmberTolerance
	for _, r := range rules {
		switch {
		case r.Amber.Valid:
			abs = append(abs, b.lang.Figure(r.Amber, ind))
		case r.Tolerance.Valid:
			tol = r.Tolerance.V
		}
	}
	if len(abs) > 0 && len(abs) == countKind(rules) {
		return b.lang.T("target.band_threshold", "thresholds", strings.Join(abs, b.lang.T("target.then")))
	}
	return b.lang.T("target.band_tolerance", "tolerance", format.Percent(tol))
}

func countKind(rules []model.TargetRule) int {
	n := 0
	for _, r := range rules {
		if r.Kind != model.TargetNone {
			n++
		}
	}
	return n
}

// ruleWords describes one target rule, ending with a full stop.
func (b *builder) ruleWords(ind *model.Indicator, r model.TargetRule) string {
	switch r.Kind {
	case model.TargetFixed:
		return b.lang.T("target.fixed", "target", b.lang.Figure(r.Value, ind))
	case model.TargetReference:
		return b.lang.T("target.reference", "year", b.lang.Period(model.Period{Freq: model.Annual, Year: r.Reference.Year, Cal: ind.Cal}))
	case model.TargetPreviousYear:
		return b.lang.T("target.previous_year")
	case model.TargetRollingAverage:
		return b.lang.N("target.rolling_average", r.Years)
	}
	return b.lang.T("target.no_target_rule")
}
