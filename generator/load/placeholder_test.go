package load

import (
	"testing"

	"kpisite/generator/model"
)

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		name string
		src  string
		toml bool
		want []string
	}{
		{"none", "title = \"Referrals\"\n", true, nil},
		{"TOML comments are skipped", "# Fill in the values marked FILL IN\n  # short_title = \"FILL IN\"\ntitle = \"x\"\n", true, nil},
		{"one in TOML", "id = \"a\"\ntitle = \"FILL IN: the full title\"\n", true,
			[]string{`data/indicators/a.toml:2:10: warning: "FILL IN" placeholder left by kpisite new; expected the real text in its place`}},
		{"several in Markdown, reported once", "\ufeffIntro.\n\n[FILL IN: a] and [FILL IN: b]\n# FILL IN\n", false,
			[]string{`data/indicators/a.toml:3:2: warning: "FILL IN" placeholder left by kpisite new, and 2 more in this file; expected the real text in their place`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			placeholders("data/indicators/a.toml", []byte(tt.src), tt.toml, &ps)
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestForecastKey(t *testing.T) {
	inds := mustIndicators(t, testIndicators+"forecast = true\n")
	if !inds[len(inds)-1].Forecast || inds[0].Forecast {
		t.Errorf("forecast: %v, %v", inds[0].Forecast, inds[len(inds)-1].Forecast)
	}
	var ps model.Problems
	IndicatorFile("data/indicators/test.toml", []byte(testIndicators+"forecast = \"yes\"\n"), &ps)
	checkProblems(t, ps, []string{`data/indicators/test.toml:33:1: key "forecast": "yes" is a string; expected true or false`})
}
