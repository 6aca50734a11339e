package validate

import (
	"fmt"

	"kpisite/generator/model"
)

// figures checks the rules of SPEC 3.8 that tie an indicator's definition
// to its rows:
//   - errors: measure = "ytd" on a percentage whose rows do not all give
//     numerator and denominator (percentages cannot be added up); a code
//     used by two indicators;
//   - warnings: a percentage whose every figure lies in 0 to 1 (fractions
//     exported by mistake); a target of 0 for a lower-is-better indicator
//     (nothing can beat it and no amber band can be worked out); an amber
//     threshold on the wrong side of its target.
func (v *checker) figures() {
	// Each indicator's rows, as the runs of rows that follow on (one run
	// an indicator in a file grouped by indicator).
	type run struct{ from, to int }
	obs := v.in.Observations
	byInd := make(map[string][]run, len(v.in.Indicators))
	for i := 0; i < len(obs); {
		j := i + 1
		for j < len(obs) && obs[j].Indicator == obs[i].Indicator {
			j++
		}
		byInd[obs[i].Indicator] = append(byInd[obs[i].Indicator], run{i, j})
		i = j
	}
	var rows []*model.Observation // one indicator's at a time
	codes := map[string]*model.Indicator{}
	for _, ind := range v.in.Indicators {
		if ind == nil {
			continue
		}
		if ind.Code != "" {
			if first, dup := codes[ind.Code]; dup {
				v.ps.Errorf(ind.PosOf("code"), "key \"code\": %q is also the code of %q (%s); expected each indicator's code once", ind.Code, first.ID, first.PosOf("code"))
			} else {
				codes[ind.Code] = ind
			}
		}
		rows = rows[:0]
		for _, r := range byInd[ind.ID] {
			for i := r.from; i < r.to; i++ {
				rows = append(rows, &obs[i])
			}
		}
		v.ytdPercent(ind, rows)
		v.fractions(ind, rows)
		v.targetRules(ind, rows)
	}
}

func (v *checker) ytdPercent(ind *model.Indicator, rows []*model.Observation) {
	if ind.Measure != model.MeasureYTD || ind.Unit != model.UnitPercent {
		return
	}
	for _, o := range rows {
		if o.Value.Valid && !(o.Numerator.Valid && o.Denominator.Valid) {
			v.ps.Errorf(o.Pos, "%q has measure = \"ytd\" and unit = \"percent\", but this row has no numerator and denominator; expected numerator and denominator on every row (the year to date is sum(numerator) / sum(denominator): percentages cannot be added), or measure = \"cumulative\" if the figures are already year to date", ind.ID)
		}
	}
}

func (v *checker) fractions(ind *model.Indicator, rows []*model.Observation) {
	if ind.Unit != model.UnitPercent {
		return
	}
	n := 0
	for _, o := range rows {
		if !o.Value.Valid {
			continue
		}
		if o.Value.V < 0 || o.Value.V > 1 {
			return
		}
		n++
	}
	if n > 0 {
		v.ps.Warnf(ind.PosOf("unit"), "%q is a percentage but all its %s lie between 0 and 1; expected percentages such as 43.3 for 43.3%% (a spreadsheet may have exported fractions such as 0.433)", ind.ID, plural(n, "figure"))
	}
}

func (v *checker) targetRules(ind *model.Indicator, rows []*model.Observation) {
	for _, r := range ind.Rules() {
		if r.Kind != model.TargetFixed || !r.Value.Valid {
			continue
		}
		pos := r.Pos
		if pos.Path == "" {
			pos = ind.PosOf("target")
		}
		if r.Value.V == 0 && ind.Polarity == model.LowerIsBetter && !r.Amber.Valid {
			v.ps.Warnf(pos, "%q has a target of 0 and lower is better: a figure can only meet it, never beat it, and no near-target band can be worked out from 0; expected a target above 0, or an absolute amber threshold such as amber = 2", ind.ID)
		}
		if r.Amber.Valid {
			wrong := (ind.Polarity == model.HigherIsBetter && r.Amber.V > r.Value.V) ||
				(ind.Polarity == model.LowerIsBetter && r.Amber.V < r.Value.V)
			if wrong {
				v.ps.Warnf(pos, "%q: amber = %v is on the wrong side of the target %v (%s is better); expected an amber threshold between red and the target", ind.ID, r.Amber.V, r.Value.V, ind.Polarity)
			}
		}
	}
	if ind.Polarity != model.LowerIsBetter {
		return
	}
	for _, o := range rows {
		if o.Target.Valid && o.Target.V == 0 {
			v.ps.Warnf(o.Pos, "column \"target\" is 0 and %q is lower-is-better: a figure can only meet it, never beat it; expected a target above 0", ind.ID)
			return
		}
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
