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
		return p.String()
	}
	s := "latest: " + p.String()
	if ind.OutOfDate(p, cur, b.fy) {
		s += ", out of date"
	}
	return s
}

// pointStatus is a point's status, saying when the service set it.
func pointStatus(pt *model.Point) StatusView {
	v := statusView(pt.Status)
	if pt.ByService {
		v.SetBy = "status set by the service"
	}
	return v
}

func statusView(s model.Status) StatusView {
	icons := map[model.Status]string{
		model.Green: "✓", model.Amber: "!", model.Red: "✕",
		model.NoTarget: "–", model.NoData: "?", model.Withheld: "c",
	}
	if s == "" {
		s = model.NoData
	}
	return StatusView{Key: string(s), Label: s.Label(), Icon: icons[s]}
}

func directionView(d model.Direction) DirectionView {
	arrows := map[model.Direction]string{
		model.Improving: "▲", model.Worsening: "▼", model.NoChange: "▶",
		model.Up: "▲", model.Down: "▼", model.NoSignificantChange: "≈",
	}
	key := string(d)
	if d == model.NoComparison {
		key = "none"
	}
	return DirectionView{Key: key, Label: d.Label(), Arrow: arrows[d]}
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
func flagKey(used map[model.Flag]bool) []FlagKey {
	var out []FlagKey
	for _, f := range model.Flags {
		if used[f.Flag] {
			out = append(out, FlagKey{Code: "[" + string(f.Flag) + "]", Meaning: f.Meaning})
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

func polarityWords(p model.Polarity) string {
	switch p {
	case model.HigherIsBetter:
		return "Higher is better"
	case model.LowerIsBetter:
		return "Lower is better"
	}
	return "Neither higher nor lower is better (monitoring only)"
}

func frequencyWords(ind *model.Indicator) string {
	switch ind.Frequency {
	case model.MultiYear:
		return "Every few years, each figure pooled over several " + ind.Cal.Year.String() + " years"
	case model.Monthly:
		return "Monthly"
	}
	s := ind.Frequency.String()
	s = strings.ToUpper(s[:1]) + s[1:]
	if ind.Cal.Year != model.FinancialYear {
		s += " (" + ind.Cal.Year.String() + " years)"
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
		return "Set for each period with the figures (see the table)." + band
	case len(rules) == 0:
		return "No target: this indicator is monitored without one."
	case len(rules) == 1 && rules[0].From.IsZero():
		if rules[0].Kind == model.TargetNone {
			return "No target: this indicator is monitored without one."
		}
		return ruleWords(ind, rules[0]) + band
	}
	var parts []string
	if !rules[0].From.IsZero() {
		parts = append(parts, "No target before "+rules[0].From.Long(b.fy)+".")
	}
	for _, r := range rules {
		w := ruleWords(ind, r)
		if r.Kind == model.TargetNone {
			w = "no target"
		}
		if r.From.IsZero() {
			parts = append(parts, "At first: "+w)
		} else {
			parts = append(parts, "From "+r.From.Long(b.fy)+": "+w)
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
			abs = append(abs, format.Figure(r.Amber, ind))
		case r.Tolerance.Valid:
			tol = r.Tolerance.V
		}
	}
	if len(abs) > 0 && len(abs) == countKind(rules) {
		return "Up to the amber threshold (" + strings.Join(abs, ", then ") + ") counts as near target (amber)."
	}
	return "Within " + format.Percent(tol) + " of the target counts as near target (amber)."
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
func ruleWords(ind *model.Indicator, r model.TargetRule) string {
	switch r.Kind {
	case model.TargetFixed:
		return format.Figure(r.Value, ind) + " each period."
	case model.TargetReference:
		return "The same period of " + model.Period{Freq: model.Annual, Year: r.Reference.Year, Cal: ind.Cal}.String() + " (a return to that year's level)."
	case model.TargetPreviousYear:
		return "Better than the same period last year."
	case model.TargetRollingAverage:
		n := format.Number(float64(r.Years), 0)
		if r.Years == 1 {
			return "The figure for the same period in the previous year."
		}
		return "The average of the same period in the previous " + n + " years."
	}
	return "No target."
}
