// Package i18n holds the interface words of a site in one language: the
// labels, headings, sentences and month names a theme writes around the
// council's own figures and text. A theme ships one file per language,
// themes/<theme>/i18n/<code>.toml, read by Parse.
//
// Keys are dotted ("status.on_target"); a value may hold named
// placeholders written {name}, filled by T's name/value pairs. Counted
// phrases have one key per plural form ("indicators.one",
// "indicators.other"; Welsh also zero, two, few and many), chosen by N
// with the language's plural rule.
//
// A Words may fall back to another (the site's first language): a key it
// lacks is taken from the fallback and recorded, so that the build can
// warn about every missing translation at once.
package i18n
