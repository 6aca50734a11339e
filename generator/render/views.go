package render

import (
	"strings"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

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

func frequencyWords(f model.Frequency) string {
	s := f.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// targetWords describes an indicator's target rule.
func targetWords(ind *model.Indicator, siteTol float64) string {
	r := ind.Target
	tol := siteTol
	if r.Tolerance.Valid {
		tol = r.Tolerance.V
	}
	band := ""
	if ind.Polarity != model.Neutral {
		band = " Within " + format.Percent(tol) + " of the target counts as near target (amber)."
	}
	switch r.Kind {
	case model.TargetFixed:
		return format.Figure(r.Value, ind) + " each period." + band
	case model.TargetReference:
		return "The same period of " + model.Period{Freq: model.Annual, Year: r.Reference.Year}.String() + " (a return to that year's level)." + band
	case model.TargetPreviousYear:
		return "Better than the same period last year." + band
	case model.TargetRollingAverage:
		n := format.Number(float64(r.Years), 0)
		if r.Years == 1 {
			return "The figure for the same period in the previous year." + band
		}
		return "The average of the same period in the previous " + n + " years." + band
	}
	return "No target: this indicator is monitored without one."
}
