// Package changes works out what changed between two releases of a site's
// figures, for the "What changed" page (changes/), changes/releases.json
// and the Atom feed.
//
// A release's figures are the rows of its data/all.csv. Two releases are
// compared row by row: a row is keyed by its indicator and period, and by
// every other column that is not a figure or a description of one (the
// area and breakdown columns, whatever they are called), so the files may
// gain columns from one release to the next. A row only in the new file
// is a new figure; a row whose value column changed is a revised figure
// (numbers are compared as numbers, so 97.8 and 97.80 are the same); a
// row only in the old file is a withdrawn figure. Values are compared as
// published: a withheld figure is "[c]" in both files, so the real figure
// never reaches this package.
//
// Indicators added and retired come from the list of indicators that
// changes/releases.json keeps (the state after its newest release).
//
// The package takes bytes and values and returns values: it reads no
// files and keeps no clock. The release's identity is the published date
// the caller passes in, so rebuilding a release replaces it rather than
// adding another.
package changes
