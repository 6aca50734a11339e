package i18n

import (
	"fmt"
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
	w, err := Builtin("en-GB")
	if err != nil {
		panic("kpisite: " + err.Error())
	}
	return w
})

// Builtin is the default theme's words in lang, from its embedded file
// themes/default/i18n/<lang>.toml (a new copy each call).
func Builtin(lang string) (*Words, error) {
	name := "themes/default/i18n/" + lang + ".toml"
	src, err := fs.ReadFile(themes.Default(), "i18n/"+lang+".toml")
	if err != nil {
		return nil, fmt.Errorf("the built-in default theme has no %s: %w", name, err)
	}
	return Parse(lang, name, src)
}

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
