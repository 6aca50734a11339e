package load

import (
	"fmt"
	"slices"
	"strings"

	"kpisite/generator/model"
)

var (
	targetKeys   = []string{"kind", "value", "tolerance", "amber", "period", "years", "from"}
	baselineKeys = []string{"value", "period", "note"}
)

// targetUses says which keys each target kind takes besides kind and
// tolerance.
var targetUses = map[model.TargetKind][]string{
	model.TargetFixed:          {"value"},
	model.TargetReference:      {"period"},
	model.TargetPreviousYear:   nil,
	model.TargetRollingAverage: {"years"},
	model.TargetNone:           nil,
}

// readTargets reads an indicator's target: one table (SPEC 3.3) or a list
// of tables each with "from" (SPEC 3.8). The list is checked to be in
// time order, each "from" once.
func readTargets(t tomlTable, ind *model.Indicator) {
	v, ok := t.m["target"]
	if !ok {
		return
	}
	if _, isList := v.([]any); !isList {
		if _, isList := v.([]map[string]any); !isList {
			ind.Target, _ = readTarget(t, ind)
			return
		}
	}
	tables := t.tables("target")
	if len(tables) == 0 {
		t.errorf("target", "is an empty list; expected a list of targets such as [ { kind = \"fixed\", value = 430, from = \"2022/23 Q1\" } ], or no target key")
		return
	}
	var list []model.TargetRule
	for i, tt := range tables {
		tt.name = fmt.Sprintf("%starget[%d].", t.name, i)
		rule, ok := readTargetTable(tt, ind)
		if !ok {
			continue
		}
		if rule.From.IsZero() && !tt.has("from") && i > 0 {
			tt.f.ps.Errorf(tt.self(), "target %d of the list has no \"from\"; expected every target after the first to say the period it starts, such as from = \"2022/23 Q1\"", i+1)
			continue
		}
		if n := len(list); n > 0 && !list[n-1].From.Before(rule.From) {
			tt.errorf("from", "%s is not after the previous target's from (%s); expected the list in time order, each from once", rule.From, list[n-1].From)
			continue
		}
		list = append(list, rule)
	}
	ind.TargetList = list
}

// readTarget reads an indicator's single target table (SPEC 3.3). ok is
// false when there is no target or it could not be read.
func readTarget(ind tomlTable, to *model.Indicator) (model.TargetRule, bool) {
	t, ok := ind.table("target", `{ kind = "fixed", value = 430 }`)
	if !ok {
		return model.TargetRule{}, false
	}
	return readTargetTable(t, to)
}

// readTargetTable reads one target table.
func readTargetTable(t tomlTable, ind *model.Indicator) (model.TargetRule, bool) {
	t.unknown(targetKeys)
	rule := model.TargetRule{Pos: t.self()}
	if !t.has("kind") {
		t.f.ps.Errorf(t.self(), "missing key \"target.kind\"; expected one of %s", kindNames())
		return rule, false
	}
	kind, ok := enum(t, "kind", "a target kind", model.TargetKinds)
	if !ok {
		return rule, false
	}
	rule.Kind = kind
	good := true
	for _, k := range []string{"value", "period", "years"} {
		if t.has(k) && !slices.Contains(targetUses[kind], k) {
			t.errorf(k, "is not used by a %q target; expected it only with kind = %q", kind, kindUsing(k))
			good = false
		}
	}
	if v, ok := t.number("tolerance", "0.10"); ok {
		if v >= 0 && v <= 1 {
			rule.Tolerance = model.Some(v)
		} else {
			t.errorf("tolerance", "%v is outside 0 to 1; expected a fraction such as 0.10 for 10%%", v)
			good = false
		}
	} else if t.has("tolerance") {
		good = false
	}
	if v, ok := t.number("amber", "410"); ok {
		switch {
		case t.has("tolerance"):
			t.errorf("amber", "is given with tolerance; expected one of them: amber = 410 (an absolute threshold) or tolerance = 0.10 (a fraction)")
			good = false
		case kind == model.TargetNone:
			t.errorf("amber", "is not used by a \"none\" target; expected it only with a target value")
			good = false
		default:
			rule.Amber = model.Some(v)
		}
	} else if t.has("amber") {
		good = false
	}
	if s, ok := t.str("from"); ok && ind.Frequency != 0 {
		p, err := ind.ParsePeriod(s)
		if err != nil {
			t.errorf("from", "%v", err)
			good = false
		} else {
			rule.From = p
		}
	}
	switch kind {
	case model.TargetFixed:
		if !t.has("value") {
			t.f.ps.Errorf(t.self(), "a \"fixed\" target has no value; expected target = { kind = \"fixed\", value = 430 }")
			return rule, false
		}
		v, ok := t.number("value", "430")
		if !ok {
			return rule, false
		}
		rule.Value = model.Some(v)
	case model.TargetReference:
		if !t.has("period") {
			t.f.ps.Errorf(t.self(), "a \"reference\" target has no period; expected target = { kind = \"reference\", period = \"2019/20\" }")
			return rule, false
		}
		s, ok := t.str("period")
		if !ok {
			return rule, false
		}
		p, err := model.ParsePeriodIn(s, model.Annual, ind.Cal)
		if err != nil {
			example := "2019/20"
			if ind.Cal.Year == model.CalendarYear {
				example = "2019"
			}
			t.errorf("period", "%q is not a %s year; expected the reference year such as %q", s, ind.Cal.Year, example)
			return rule, false
		}
		rule.Reference = p
	case model.TargetRollingAverage:
		n, ok := t.integer("years", "3")
		if !t.has("years") || (ok && n < 1) {
			t.f.ps.Errorf(t.pos("years"), "a \"rolling_average\" target needs years of at least 1; expected target = { kind = \"rolling_average\", years = 3 }")
			return rule, false
		}
		if !ok {
			return rule, false
		}
		rule.Years = int(n)
	}
	return rule, good
}

func kindNames() string {
	names := make([]string, len(model.TargetKinds))
	for i, k := range model.TargetKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// kindUsing names the target kind that takes key k.
func kindUsing(k string) model.TargetKind {
	for _, kind := range model.TargetKinds {
		if slices.Contains(targetUses[kind], k) {
			return kind
		}
	}
	return ""
}

// readBaseline reads { value = 430, period = "2021/22", note = "…" }.
func readBaseline(ind tomlTable) *model.Baseline {
	t, ok := ind.table("baseline", `{ value = 430, period = "2021/22" }`)
	if !ok {
		return nil
	}
	t.unknown(baselineKeys)
	b := &model.Baseline{Period: t.text("period"), Note: t.text("note")}
	if v, ok := t.number("value", "430"); ok {
		b.Value = model.Some(v)
	}
	if len(t.m) == 0 {
		t.f.ps.Errorf(t.self(), "key \"baseline\" is empty; expected { value = 430, period = \"2021/22\", note = \"…\" }")
	}
	return b
}
