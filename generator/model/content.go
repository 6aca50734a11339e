package model

import "time"

// Page is a Markdown file of content/ with its front matter split off.
type Page struct {
	Path     string // relative to the site root, e.g. "content/about.md"
	Title    string
	Author   string
	Date     time.Time // zero if not set
	Draft    bool
	Body     []byte // Markdown after the front matter
	BodyLine int    // line of the site file on which Body starts
}

// Commentary is content/commentary/<period-slug>/<id>.md.
type Commentary struct {
	Indicator  string
	PeriodSlug string
	Page       Page
}

// Content holds every Markdown file of content/, sorted by kind.
type Content struct {
	Home       *Page            // content/_index.md
	Indicators map[string]*Page // content/indicators/<id>.md
	Services   map[string]*Page // content/services/<id>.md
	Actions    map[string]*Page // content/actions/<tracker>.md: introduces data/actions/<tracker>.csv
	Commentary []Commentary     // content/commentary/<slug>/<id>.md
	Pages      []*Page          // content/<page>.md, by path

	// Twins are the translations of the files above, by language code:
	// content/about.cy.md is Twins["cy"].Pages[0] (SPEC 3.9). A twin's
	// Path is its own file's.
	Twins map[string]*Content
}
