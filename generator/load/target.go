package load

import (
	"slices"
	"strings"

	"kpisite/generator/model"
)

var (
	targetKeys   = []string{"kind", "value", "tolerance", "period", "years"}
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

// readTarget reads an indicator's target table (SPEC 3.3). ok is false
// when there is no target or it could not be read.
func readTarget(ind tomlTable) (model.TargetRule, bool) {
	t, ok := ind.table("target", `{ kind = "fixed", value = 430 }`)
	if !ok {
		return model.TargetRule{}, false
	}
	t.unknown(targetKeys)
	var rule model.TargetRule
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
		p, err := model.ParsePeriod(s, model.Annual)
		if err != nil {
			t.errorf("period", "%q is not a financial year; expected the reference year such as \"2019/20\"", s)
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
