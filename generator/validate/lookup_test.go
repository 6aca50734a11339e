package validate

import (
	"testing"

	"kpisite/generator/model"
)

// TestIndicatorLookup: the remembering lookup answers as Input.Indicator
// does, for ids in runs, ids that are no indicator, and a repeated id.
func TestIndicatorLookup(t *testing.T) {
	a, b, b2 := &model.Indicator{ID: "a"}, &model.Indicator{ID: "b"}, &model.Indicator{ID: "b"}
	in := &model.Input{Indicators: []*model.Indicator{a, b, b2, {ID: "c"}}}
	l := indicatorLookup{in: in}
	for _, id := range []string{"a", "a", "b", "b", "x", "x", "", "c", "b", "a"} {
		if got, want := l.of(id), in.Indicator(id); got != want {
			t.Errorf("of(%q) = %p; want %p", id, got, want)
		}
	}
}
