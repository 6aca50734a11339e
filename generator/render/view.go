package render

import "html/template"

// Layout is what every page's frame shows.
type Layout struct {
	Lang         string
	SiteTitle    string
	Organisation string
	Licence      string
	LicenceURL   string
	Contact      string
	Notice       string // site notice, e.g. "figures are illustrative"
	Title        string // the page's <h1>; <title> adds the site title
	Description  string // meta description and Open Graph description
	Root         string // relative path from this page to the site root
	Canonical    string // absolute URL of this page
	LastUpdated  string // "21 July 2022"
	NextUpdate   string
	UpdateDue    bool // next_update has passed at build time
	Nav          []Link
	Breadcrumbs  []Link
	Generator    string
	Path         string // output path, e.g. "indicators/x/index.html"
}

// Link is a link with its text; Current marks the page being shown.
type Link struct {
	Href    string
	Text    string
	Current bool
}

// StatusView is a RAG status as a word, an icon and a CSS class.
type StatusView struct {
	Key   string // green, amber, red, no-target, no-data, withheld
	Label string // "On target"
	Icon  string // a shape that does not rely on colour
}

// DirectionView is a direction of travel as words and an arrow.
type DirectionView struct {
	Key   string // improving, worsening, no-change, up, down, none
	Label string
	Arrow string
}

// ScoreRow is one indicator on a scorecard.
type ScoreRow struct {
	Href        string
	Name        string
	Title       string
	ServiceName string
	ServiceHref string
	Period      string // "2022/23 Q1"
	Value       string
	Target      string
	Status      StatusView
	Direction   DirectionView
	Flag        string
	Sparkline   template.HTML // decorative, aria-hidden
}

// ScoreGroup is a titled table of rows (one per service).
type ScoreGroup struct {
	ID      string // for the caption id
	Name    string
	Href    string
	Rows    []ScoreRow
	Retired []Link
}

// StatusCount is how many indicators have a status.
type StatusCount struct {
	Status StatusView
	Count  int
}

// HomePage is index.html: the scorecard of every active indicator.
type HomePage struct {
	Layout
	Intro      template.HTML
	PeriodLong string
	Counts     []StatusCount
	Groups     []ScoreGroup
	FlagKey    []FlagKey
}

// FlagKey explains one GSS shorthand flag used on a page.
type FlagKey struct {
	Code    string
	Meaning string
}

// TableRow is one period in an indicator's data table.
type TableRow struct {
	Period      string
	PeriodWords string
	Value       string
	PeriodValue string
	Target      string
	Status      StatusView
	Direction   DirectionView
	Flag        string
	NoteRef     int // 0 = no note
}

// Footnote is a note under a table.
type Footnote struct {
	N      int
	Period string
	Text   string
}

// CommentaryView is commentary for one period.
type CommentaryView struct {
	ID         string
	PeriodLong string
	Author     string
	Date       string
	HTML       template.HTML
}

// Fact is one term/definition pair in "About this indicator".
type Fact struct {
	Term string
	Desc string
}

// Download is one downloadable file.
type Download struct {
	Href   string
	Text   string
	Format string
	Size   string
}

// IndicatorPage is indicators/<id>/index.html.
type IndicatorPage struct {
	Layout
	ID          string
	FullTitle   string
	ServiceName string
	ServiceHref string
	Active      bool
	Retired     string // "Reported until …" words, for retired indicators
	Outcome     string
	ReplacedBy  []Link

	HasData    bool
	PeriodLong string
	Value      string
	Status     StatusView
	Direction  DirectionView
	Summary    string
	Flag       string

	Chart        template.HTML
	ChartCaption string

	TableCaption string
	UnitLabel    string
	YTD          bool
	Rows         []TableRow
	Footnotes    []Footnote
	FlagKey      []FlagKey

	Commentary []CommentaryView
	Notes      template.HTML
	Facts      []Fact
	Downloads  []Download
	JSONLD     template.JS
}

// ServicePage is services/<id>/index.html.
type ServicePage struct {
	Layout
	Intro      template.HTML
	PeriodLong string
	Committee  Link
	Group      ScoreGroup
	FlagKey    []FlagKey
}

// CommitteePage is committees/<id>/index.html.
type CommitteePage struct {
	Layout
	PeriodLong string
	Counts     []StatusCount
	Groups     []ScoreGroup
	FlagKey    []FlagKey
}

// ContentPage is a Markdown page from content/.
type ContentPage struct {
	Layout
	Author string
	Date   string
	HTML   template.HTML
}

// NotFoundPage is 404.html.
type NotFoundPage struct {
	Layout
}
