// Package render turns computed series and loaded content into the files
// of the published site, in memory: a map from output path (slash
// separated, relative to the output root) to bytes. Nothing is written to
// disk here (package publish does that).
//
// Every page gets a typed view model (view.go); templates come from the
// theme and run with missingkey=error. Text from inputs reaches HTML only
// through html/template, which escapes it. Exactly two kinds of trusted
// HTML are passed in: Markdown converted by the site's markdown renderer
// (escapes raw HTML unless unsafe_html, never emits dangerous links), and
// chart SVG (package chart escapes every string it writes). render does
// not import either: package site wires them in through Options.
//
// Links between pages are relative ("../../indicators/x/"), so the site
// works unchanged under any sub-path of base_url, from kpisite serve, and
// from a folder. Canonical links, feeds and sitemaps use base_url.
package render
