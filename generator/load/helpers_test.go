package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"kpisite/generator/model"
)

// lines returns problems as strings, sorted, for comparing with a want
// list.
func lines(ps model.Problems) []string {
	var out []string
	for _, p := range append(model.Problems(nil), ps...).Sort() {
		out = append(out, p.String())
	}
	return out
}

// checkProblems fails the test unless ps, sorted, is exactly want.
func checkProblems(tb testing.TB, ps model.Problems, want []string) {
	tb.Helper()
	got := lines(ps)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		tb.Errorf("problems:\n got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// mapFS builds a file system from path/content pairs.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// mustIndicators reads indicator TOML that must have no problems.
func mustIndicators(tb testing.TB, src string) []*model.Indicator {
	tb.Helper()
	var ps model.Problems
	inds := IndicatorFile("data/indicators/test.toml", []byte(src), &ps)
	if len(ps) > 0 {
		tb.Fatalf("indicators: %v", lines(ps))
	}
	return inds
}

// testIndicators are the indicators the values tests read against.
const testIndicators = `
[[indicator]]
id = "idva-referrals"
title = "Referrals"
service = "domestic-abuse"
frequency = "quarterly"
unit = "count"
polarity = "higher"

[[indicator]]
id = "births-42-days"
title = "Births registered within 42 days"
service = "registrations"
frequency = "quarterly"
unit = "percent"
polarity = "higher"

[[indicator]]
id = "visits-monthly"
title = "Visits"
service = "libraries"
frequency = "monthly"
unit = "count"
polarity = "higher"

[[indicator]]
id = "employment-rate"
title = "Employment rate"
service = "economy"
frequency = "annual"
unit = "percent"
polarity = "higher"
`
