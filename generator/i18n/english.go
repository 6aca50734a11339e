package i18n

import (
	"io/fs"
	"sync"

	"kpisite/themes"
)

// english is the default theme's British English words, parsed once: the
// words of every caller that was given none (a nil *Words), so that
// packages and tests that do not choose a language write English as
// before. They are read from the same embedded file a site's build uses,
// themes/default/i18n/en-GB.toml, so English has one source.
var english = sync.OnceValue(func() *Words {
	src, err := fs.ReadFile(themes.Default(), "i18n/en-GB.toml")
	if err != nil {
		panic("kpisite: the embedded default theme has no i18n/en-GB.toml: " + err.Error())
	}
	w, err := Parse("en-GB", "themes/default/i18n/en-GB.toml", src)
	if err != nil {
		panic("kpisite: the embedded default theme's i18n/en-GB.toml: " + err.Error())
	}
	return w
})

// English is the default theme's British English words (embedded in the
// binary). It never changes; a key it lacks is recorded in its Missing,
// which the tests of this repository keep empty.
func English() *Words { return english() }

// Or is w, or English when w is nil: the one place a missing choice of
// language becomes English.
func Or(w *Words) *Words {
	if w == nil {
		return English()
	}
	return w
}
