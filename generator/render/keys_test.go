package render

import (
	"reflect"
	"testing"
	"time"

	"kpisite/generator/model"
)

// TestEveryOptionIsInTheKeys: a page's key (keys.go) must change with
// every option that changes its bytes. A new field of Options fails this
// test until keys.go accounts for it and it is listed here.
func TestEveryOptionIsInTheKeys(t *testing.T) {
	accounted := map[string]string{
		"Emit":            "where files go, not what they hold",
		"Create":          "where files go, not what they hold",
		"ReleasesReadAll": "how all.csv is written, not what it holds",
		"Reuse":           "the cache itself",
		"Made":            "the cache itself",
		"KeySalt":         "base",
		"Fragments":       "the store itself; a fragment's own key holds what it is made from (fragments.go)",
		"Theme":           "its files are in KeySalt (site.keySalt)",
		"Assets":          "base",
		"BuildDate":       "base: the due notice, and the date itself when there is no published date",
		"Current":         "base",
		"ReportsFrom":     "base",
		"Version":         "base",
		"Markdown":        "kpisite's build (KeySalt) and site.toml (base)",
		"Summary":         "kpisite's build (KeySalt) and site.toml (base)",
		"Chart":           "kpisite's build (KeySalt) and site.toml (base)",
		"Releases":        "its result, b.history, is in global",
		"PointFor":        "kpisite's build (KeySalt) and site.toml (base)",
		"LineChart":       "kpisite's build (KeySalt) and site.toml (base)",
		"Words":           "base (Words.Fingerprint)",
		"Language":        "base",
	}
	typ := reflect.TypeOf(Options{})
	for i := 0; i < typ.NumField(); i++ {
		if _, ok := accounted[typ.Field(i).Name]; !ok {
			t.Errorf("Options.%s: make page keys (keys.go) account for it, then list it here", typ.Field(i).Name)
		}
	}
}

func TestHasherTellsValuesApart(t *testing.T) {
	key := func(v any) Key {
		var h hasher
		h.any(v)
		return h.sum()
	}
	day := time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)
	pt := model.Point{Period: model.Period{Freq: model.Quarterly, Year: 2024, Sub: 1}, Value: model.Some(4.2), Note: "a"}
	same := []struct {
		name string
		a, b any
	}{
		{"equal points", pt, pt},
		{"a map in any order", map[string]int{"a": 1, "b": 2}, map[string]int{"b": 2, "a": 1}},
		{"a pointer and its value", &pt, &pt},
	}
	for _, c := range same {
		if key(c.a) != key(c.b) {
			t.Errorf("%s: keys differ", c.name)
		}
	}
	other := func(f func(p *model.Point)) model.Point { p := pt; f(&p); return p }
	differ := []struct {
		name string
		a, b any
	}{
		{"value", pt, other(func(p *model.Point) { p.Value = model.Some(4.3) })},
		{"missing value", pt, other(func(p *model.Point) { p.Value.Valid = false })},
		{"note", pt, other(func(p *model.Point) { p.Note = "b" })},
		{"flag", pt, other(func(p *model.Point) { p.Flag = "p" })},
		{"period", pt, other(func(p *model.Point) { p.Period.Sub = 2 })},
		{"strings run together", []string{"ab", "c"}, []string{"a", "bc"}},
		{"nil and empty", []string(nil), []string{}},
		{"dates", day, day.AddDate(0, 0, 1)},
		{"map values", map[string]int{"a": 1}, map[string]int{"a": 2}},
	}
	for _, c := range differ {
		if key(c.a) == key(c.b) {
			t.Errorf("%s: the same key for different values", c.name)
		}
	}
}
