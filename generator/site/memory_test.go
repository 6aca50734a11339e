package site

import (
	"testing"
)

// A build lets go of what only checking needed before it renders: the
// raw observations and the key positions of indicators.toml. A check
// keeps them (its problems are reported at them).
func TestBuildDropsWhatOnlyCheckingNeeds(t *testing.T) {
	o := Options{BuildDate: buildDate, Version: "test"}
	chk, err := Check(testSite(), o)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	if len(chk.Input.Observations) == 0 || len(chk.Input.Indicators) == 0 || chk.Input.Indicators[0].FieldPos == nil {
		t.Fatalf("a check keeps the observations and key positions; got %d observations, %d indicators", len(chk.Input.Observations), len(chk.Input.Indicators))
	}
	_, c, err := Build(testSite(), o)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if c.Input.Observations != nil {
		t.Errorf("Build kept %d observations", len(c.Input.Observations))
	}
	for _, ind := range c.Input.Indicators {
		if ind.FieldPos != nil {
			t.Errorf("Build kept the key positions of indicator %s", ind.ID)
		}
	}
}
