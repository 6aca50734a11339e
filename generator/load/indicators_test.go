package load

import (
	"fmt"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// base is a valid [[indicator]] table to which a test adds lines.
const base = `[[indicator]]
id = "k"
title = "Referrals"
service = "domestic-abuse"
frequency = "quarterly"
unit = "count"
polarity = "higher"
`

func TestIndicatorFileProblems(t *testing.T) {
	const f = "data/indicators/test.toml"
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"valid", base, nil},
		{"every optional key", base + `short_title = "Refs"
rate_per = 1000
decimals = 2
measure = "ytd"
target = { kind = "fixed", value = 430, tolerance = 0.1 }
baseline = { value = 380, period = "2021/22", note = "first year" }
definition = "d"
rationale = "r"
source = "s"
lead = "l"
legacy_id = "Indicator 37"
status = "retired"
retired = "2022/23 Q1"
replaced_by = ["a", "b"]
suppress_below = 10
compare = "previous_period"
outcome = "replaced"
noun = "referrals"
`, []string{
			`data/indicators/test.toml:9:1: warning: key "rate_per": is only used with unit = "rate" but unit is "count"; expected no rate_per, or unit = "rate"`,
		}},
		{"TOML syntax error", base + "decimals = \n", []string{
			`data/indicators/test.toml:8:12: TOML syntax error: expected value but found '\n' instead; expected valid TOML such as key = "text" (see https://toml.io)`,
		}},
		{"unterminated string", base + "title2 = \"abc\n", []string{
			`data/indicators/test.toml:8:14: TOML syntax error: strings cannot contain newlines; expected valid TOML such as key = "text" (see https://toml.io)`,
		}},
		{"toml trap: ParseError column is worked out again from its offset (the library puts it on the line before)", base + "title = \"Again\"\n", []string{
			`data/indicators/test.toml:8:1: TOML syntax error: Key 'indicator.title' has already been defined.; expected valid TOML such as key = "text" (see https://toml.io)`,
		}},
		{"toml trap: misspelled key is rejected (what MetaData.Undecoded would list)", base + "titel = \"x\"\n", []string{
			`data/indicators/test.toml:8:1: unknown key "titel"; did you mean "title"?`,
		}},
		{"toml trap: key in the wrong case is rejected (struct decoding would accept it)", base + "Noun = \"referrals\"\n", []string{
			`data/indicators/test.toml:8:1: unknown key "Noun"; did you mean "noun"?`,
		}},
		{"unknown key without suggestion", base + "colour = \"red\"\n", []string{
			`data/indicators/test.toml:8:1: unknown key "colour"; expected one of id, title, short_title, service, frequency, unit, rate_per, decimals, polarity, measure, target, baseline, definition, rationale, source, lead, legacy_id, status, retired, replaced_by, suppress_below, compare, outcome, noun, year, unit_label, code, source_url, released, next_release, geography, footnotes, expected_lag, forecast, breakdowns, confidence, area`,
		}},
		{"unknown top-level table", "[[indicators]]\nid = \"k\"\n", []string{
			`data/indicators/test.toml: warning: file defines no indicators; expected [[indicator]] tables`,
			`data/indicators/test.toml:1:1: unknown key "indicators"; did you mean "indicator"?`,
		}},
		{"missing required keys", "[[indicator]]\nid = \"k\"\n", []string{
			`data/indicators/test.toml:1:1: missing key "frequency"; expected frequency = "quarterly", "monthly", "annual" or "multi_year"`,
			`data/indicators/test.toml:1:1: missing key "polarity"; expected polarity = "higher" (higher is better), "lower" or "neutral"`,
			`data/indicators/test.toml:1:1: missing key "service"; expected the id of a [[service]] in site.toml, such as service = "domestic-abuse"`,
			`data/indicators/test.toml:1:1: missing key "title"; expected the full title as approved by committee, such as title = "Referrals to the IDVA service"`,
			`data/indicators/test.toml:1:1: missing key "unit"; expected unit = "count", "percent", "hours", "days", "rate", "currency", "score", "ratio" or "rank"`,
		}},
		{"missing id", strings.Replace(base, "id = \"k\"\n", "", 1), []string{
			`data/indicators/test.toml:1:1: missing key "id"; expected a slug that becomes the URL, such as id = "idva-referrals"`,
		}},
		{"empty title", strings.Replace(base, `title = "Referrals"`, `title = " "`, 1), []string{
			`data/indicators/test.toml:3:1: key "title": is empty; expected the full title as approved by committee, such as title = "Referrals to the IDVA service"`,
		}},
		{"id not a slug", strings.Replace(base, `id = "k"`, `id = "IDVA_Referrals"`, 1), []string{
			`data/indicators/test.toml:2:1: key "id": "IDVA_Referrals" is not a valid id; expected lower-case letters, digits and hyphens, starting with a letter or digit, such as "idva-referrals"`,
		}},
		{"wrong type", strings.Replace(base, `title = "Referrals"`, `title = 42`, 1), []string{
			`data/indicators/test.toml:3:1: key "title": 42 is a whole number; expected a string in quotes`,
		}},
		{"toml trap: failing UnmarshalText reported at the key line (bad frequency)", strings.Replace(base, `"quarterly"`, `"quartely"`, 1), []string{
			`data/indicators/test.toml:5:1: key "frequency": "quartely" is not a frequency; expected one of quarterly, monthly, annual, multi_year (did you mean "quarterly"?)`,
		}},
		{"bad unit", strings.Replace(base, `unit = "count"`, `unit = "percentage"`, 1), []string{
			`data/indicators/test.toml:6:1: key "unit": "percentage" is not a unit; expected one of count, percent, hours, days, rate, currency, score, ratio, rank (did you mean "percent"?)`,
		}},
		{"bad polarity", strings.Replace(base, `"higher"`, `"up"`, 1), []string{
			`data/indicators/test.toml:7:1: key "polarity": "up" is not a polarity; expected one of higher, lower, neutral`,
		}},
		{"bad measure", base + `measure = "YTD"` + "\n", []string{
			`data/indicators/test.toml:8:1: key "measure": "YTD" is not a measure; expected one of period, ytd, cumulative (did you mean "ytd"?)`,
		}},
		{"bad compare", base + `compare = "previous_quarter"` + "\n", []string{
			`data/indicators/test.toml:8:1: key "compare": "previous_quarter" is not a comparison; expected one of previous_year, previous_period (did you mean "previous_year"?)`,
		}},
		{"bad status", base + `status = "retied"` + "\n", []string{
			`data/indicators/test.toml:8:1: key "status": "retied" is not an indicator status; expected one of active, retired (did you mean "retired"?)`,
		}},
		{"bad outcome", base + `status = "retired"` + "\n" + `outcome = "kept"` + "\n", []string{
			`data/indicators/test.toml:9:1: key "outcome": "kept" is not an outcome; expected one of retained, replaced, removed`,
		}},
		{"bad target kind", base + `target = { kind = "fixd", value = 1 }` + "\n", []string{
			`data/indicators/test.toml:8:12: key "target.kind": "fixd" is not a target kind; expected one of fixed, reference, previous_year, rolling_average, none (did you mean "fixed"?)`,
		}},
		{"target without kind", base + `target = { value = 1 }` + "\n", []string{
			`data/indicators/test.toml:8:1: missing key "target.kind"; expected one of fixed, reference, previous_year, rolling_average, none`,
		}},
		{"target not a table", base + `target = 430` + "\n", []string{
			`data/indicators/test.toml:8:1: key "target": 430 is a whole number; expected a table such as { kind = "fixed", value = 430 }`,
		}},
		{"fixed target without value", base + `target = { kind = "fixed" }` + "\n", []string{
			`data/indicators/test.toml:8:1: a "fixed" target has no value; expected target = { kind = "fixed", value = 430 }`,
		}},
		{"reference target without period", base + `target = { kind = "reference" }` + "\n", []string{
			`data/indicators/test.toml:8:1: a "reference" target has no period; expected target = { kind = "reference", period = "2019/20" }`,
		}},
		{"reference target with a quarter", base + `target = { kind = "reference", period = "2019/20 Q1" }` + "\n", []string{
			`data/indicators/test.toml:8:32: key "target.period": "2019/20 Q1" is not a financial year; expected the reference year such as "2019/20"`,
		}},
		{"rolling average without years", base + `target = { kind = "rolling_average" }` + "\n", []string{
			`data/indicators/test.toml:8:1: a "rolling_average" target needs years of at least 1; expected target = { kind = "rolling_average", years = 3 }`,
		}},
		{"rolling average of 0 years", base + `target = { kind = "rolling_average", years = 0 }` + "\n", []string{
			`data/indicators/test.toml:8:38: a "rolling_average" target needs years of at least 1; expected target = { kind = "rolling_average", years = 3 }`,
		}},
		{"tolerance outside 0..1", base + `target = { kind = "fixed", value = 65, tolerance = 10 }` + "\n", []string{
			`data/indicators/test.toml:8:40: key "target.tolerance": 10 is outside 0 to 1; expected a fraction such as 0.10 for 10%`,
		}},
		{"key of another target kind", base + `target = { kind = "previous_year", value = 5 }` + "\n", []string{
			`data/indicators/test.toml:8:36: key "target.value": is not used by a "previous_year" target; expected it only with kind = "fixed"`,
		}},
		{"unknown target key", base + `target = { kind = "fixed", valeu = 5, value = 5 }` + "\n", []string{
			`data/indicators/test.toml:8:28: unknown key "target.valeu"; did you mean "target.value"?`,
		}},
		{"target as a sub-table", base + "[indicator.target]\nkind = \"fixed\"\nvalue = \"430\"\n", []string{
			`data/indicators/test.toml:10:1: key "target.value": "430" is a string; expected a number such as 430`,
		}},
		{"unknown baseline key", base + `baseline = { value = 1, year = "2021/22" }` + "\n", []string{
			`data/indicators/test.toml:8:25: unknown key "baseline.year"; expected one of value, period, note`,
		}},
		{"empty baseline", base + "baseline = {}\n", []string{
			`data/indicators/test.toml:8:1: key "baseline" is empty; expected { value = 430, period = "2021/22", note = "…" }`,
		}},
		{"negative suppress_below", base + "suppress_below = -1\n", []string{
			`data/indicators/test.toml:8:1: key "suppress_below": -1 is negative; expected 0 (no suppression) or a whole number such as 10`,
		}},
		{"decimals out of range", base + "decimals = 9\n", []string{
			`data/indicators/test.toml:8:1: key "decimals": 9 is out of range; expected a whole number from 0 to 6`,
		}},
		{"decimals not whole", base + "decimals = 1.5\n", []string{
			`data/indicators/test.toml:8:1: key "decimals": 1.5 is a decimal number; expected a whole number such as 1`,
		}},
		{"rate_per not above 0", strings.Replace(base, `"count"`, `"rate"`, 1) + "rate_per = 0\n", []string{
			`data/indicators/test.toml:8:1: key "rate_per": 0 is not above 0; expected a population base such as 100000 or 1000`,
		}},
		{"NaN is not a number", base + "target = { kind = \"fixed\", value = nan }\n", []string{
			`data/indicators/test.toml:8:28: key "target.value": NaN is a decimal number; expected a number such as 430`,
		}},
		{"retired period of the wrong frequency", base + "status = \"retired\"\nretired = \"2022-04\"\n", []string{
			`data/indicators/test.toml:9:1: key "retired": "2022-04" is not a quarter; expected a quarterly period such as "2022/23 Q1"`,
		}},
		{"replaced_by not a list of strings", base + "replaced_by = [1]\n", []string{
			`data/indicators/test.toml:8:1: key "replaced_by": 1 is a whole number in the list; expected a list of strings such as ["a", "b"]`,
		}},
		{"replaced_by id not a slug", base + "replaced_by = [\"New One\"]\n", []string{
			`data/indicators/test.toml:8:1: key "replaced_by": "New One" is not a valid id; expected lower-case letters, digits and hyphens, starting with a letter or digit, such as "idva-referrals"`,
		}},
		{"multi-line strings do not confuse positions", base + "definition = \"\"\"\nunit = \"not a key\"\n\"\"\"\ncolour = 1\n", []string{
			`data/indicators/test.toml:11:1: unknown key "colour"; expected one of id, title, short_title, service, frequency, unit, rate_per, decimals, polarity, measure, target, baseline, definition, rationale, source, lead, legacy_id, status, retired, replaced_by, suppress_below, compare, outcome, noun, year, unit_label, code, source_url, released, next_release, geography, footnotes, expected_lag, forecast, breakdowns, confidence, area`,
		}},
		{"second table positioned", base + "\n" + strings.Replace(base, `"k"`, `"k2"`, 1) + "unit2 = 1\n", []string{
			`data/indicators/test.toml:16:1: unknown key "unit2"; did you mean "unit"?`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			IndicatorFile(f, []byte(tt.in), &ps)
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestIndicatorDefaults(t *testing.T) {
	inds := mustIndicators(t, `
[[indicator]]
id = "count"
title = "t"
service = "s"
frequency = "annual"
unit = "count"
polarity = "neutral"

[[indicator]]
id = "percent"
title = "t"
service = "s"
frequency = "quarterly"
unit = "percent"
polarity = "higher"
target = { kind = "reference", period = "2019-20" }

[[indicator]]
id = "rate"
title = "t"
service = "s"
frequency = "monthly"
unit = "rate"
polarity = "lower"
status = "retired"
replaced_by = "count"
legacy_id = 37

[[indicator]]
id = "removed"
title = "t"
service = "s"
frequency = "quarterly"
unit = "days"
polarity = "lower"
status = "retired"
retired = "Q1 2022/23"
target = { kind = "rolling_average", years = 3, tolerance = 0.1 }
`)
	got := ""
	for _, ind := range inds {
		got += fmt.Sprintf("%s: decimals=%d measure=%s lifecycle=%s compare=%s rate_per=%v outcome=%q target=%s/%v/%s/%d/%v retired=%s replaced_by=%v legacy=%q\n",
			ind.ID, ind.Decimals, ind.Measure, ind.Lifecycle, ind.Compare, ind.RatePer, ind.Outcome,
			ind.Target.Kind, ind.Target.Value, ind.Target.Reference, ind.Target.Years, ind.Target.Tolerance, ind.RetiredFrom, ind.ReplacedBy, ind.LegacyID)
	}
	want := `count: decimals=0 measure=period lifecycle=active compare=previous_year rate_per=0 outcome="" target=/{0 false}//0/{0 false} retired= replaced_by=[] legacy=""
percent: decimals=1 measure=period lifecycle=active compare=previous_year rate_per=0 outcome="" target=reference/{0 false}/2019/20/0/{0 false} retired= replaced_by=[] legacy=""
rate: decimals=0 measure=period lifecycle=retired compare=previous_year rate_per=100000 outcome="replaced" target=/{0 false}//0/{0 false} retired= replaced_by=[count] legacy="37"
removed: decimals=0 measure=period lifecycle=retired compare=previous_year rate_per=0 outcome="removed" target=rolling_average/{0 false}//3/{0.1 true} retired=2022/23 Q1 replaced_by=[] legacy=""
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if p := inds[1].PosOf("target.period"); p.String() != "data/indicators/test.toml:17:32" {
		t.Errorf("target.period at %s", p)
	}
	if p := inds[1].Pos; p.String() != "data/indicators/test.toml:10:1" {
		t.Errorf("[[indicator]] at %s", p)
	}
}

func TestIndicatorsAcrossFiles(t *testing.T) {
	fsys := mapFS(map[string]string{
		"data/indicators/a.toml":    strings.Replace(base, `"k"`, `"zeta"`, 1) + "\n" + base,
		"data/indicators/b.toml":    "\n" + base,
		"data/indicators/notes.md":  "ignored",
		"data/indicators/bad.toml":  "[[indicator]\n",
		"data/indicators/none.toml": "# nothing yet\n",
	})
	inds, ps := Indicators(fsys)
	checkProblems(t, ps, []string{
		`data/indicators/b.toml:3:1: repeated indicator id "k", first defined at data/indicators/a.toml:10:1; expected each id once`,
		`data/indicators/bad.toml:1:12: TOML syntax error: expected end of table array name delimiter ']', but got '\n' instead; expected valid TOML such as key = "text" (see https://toml.io)`,
		`data/indicators/none.toml: warning: file defines no indicators; expected [[indicator]] tables`,
		`data/indicators/notes.md: warning: file is ignored; expected only *.toml files in data/indicators/`,
	})
	if len(inds) != 2 || inds[0].ID != "k" || inds[1].ID != "zeta" {
		t.Errorf("indicators not sorted by id: %v", inds)
	}
	if _, ps := Indicators(mapFS(nil)); len(ps) != 1 || ps[0].String() != "data/indicators: warning: no indicator definitions found; expected data/indicators/*.toml files with [[indicator]] tables" {
		t.Errorf("no indicators: %v", lines(ps))
	}
}
