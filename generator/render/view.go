package render

import (
	"html/template"
	"iter"

	"kpisite/generator/format"
)

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
	// SharedRoot is the relative path from this page to the folder of the
	// files every language shares (assets/, the open data): Root, except
	// on the pages of a language after the first (SPEC 3.9).
	SharedRoot string
	// Alternates are this page in each of the site's languages, for
	// hreflang links and the language switch; nil for one language.
	Alternates []Alternate
}

// Link is a link with its text; Current marks the page being shown.
// Primary marks the main navigation's links that a phone shows before
// "More".
type Link struct {
	Href    string
	Text    string
	Current bool
	Primary bool
}

// StatusView is a RAG status as a word, an icon and a CSS class.
type StatusView struct {
	Key   string // green, amber, red, no-target, no-data, withheld
	Label string // "On target"
	Icon  string // a shape that does not rely on colour
	SetBy string // "status set by the service" when the service gave it (SPEC 3.8); "" when computed
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
	Code        string // the council's own KPI code (SPEC 3.8), "" if none
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
	// HasTarget is false when no row has a target: the table then has no
	// Target and Status columns.
	HasTarget bool
	// Period is the period every row shows, said once in the caption
	// instead of a Period column; "" when the rows differ.
	Period string

	words *rowWords // the rows' interface words (nil: English)
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
	Report     Link // the printable report of the current period, if any
	Counts     []StatusCount
	OffTarget  []ScoreRow // the indicators off target, listed under the counts
	Method     Link       // the page that explains the method, if the site has one
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
	NoteRef     int      // 0 = no note
	Compare     []string // one cell per DataTable.CompareHead
}

// DataTable is an indicator's figures for each period, newest first, with
// the notes under it (template "datatable").
type DataTable struct {
	CaptionID string
	Caption   string
	UnitLabel string
	YTD       bool // two figure columns: year to date and the period's own
	// CompareHead heads a column per comparator (its figure, or a group's
	// median) and per group comparator the council's rank in it; empty
	// when the table has no comparators.
	CompareHead []string
	HasTarget   bool // some row has a target or a status against one: Target and Status columns
	HasNotes    bool // some row has a note: a Note column
	Rows        []TableRow
	Footnotes   []Footnote
	NotePrefix  string // id prefix of the footnotes, unique on the page

	frags []string  // each row's HTML, rendered once per build ("": write the row)
	words *rowWords // the rows' interface words (nil: English)
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
	Href string // when set, Desc links to this web address (a validated http or https URL)
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
	ID            string
	FullTitle     string
	ServiceName   string
	ServiceHref   string
	Active        bool
	Retired       string // "Reported in this form until …" words, for retired indicators
	RetiredNotice string // the retired notice's first words: "This indicator is no longer reported."
	Outcome       string // what happened to it, ending where the ReplacedBy list follows
	ReplacedBy    []Link

	HasData    bool
	Behind     string // the current period has no figure: says so
	PeriodLong string
	Value      string
	Status     StatusView
	Direction  DirectionView
	Summary    string
	Flag       string

	Chart        template.HTML
	ChartCaption string

	Table   DataTable
	FlagKey []FlagKey

	Commentary []CommentaryView
	Notes      template.HTML
	Facts      []Fact
	Downloads  []Download
	JSONLD     template.JS

	Compare CompareSection // breakdowns, comparators, intervals (SPEC 3.8)
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
	Report     Link // the printable report of the current period, if any
	AllReports Link // reports/, if there are any
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

// ReportRow is one indicator in a report's summary table.
type ReportRow struct {
	Anchor      string // in-page link to the indicator's section
	Name        string
	Code        string // the council's own KPI code (SPEC 3.8), "" if none
	ServiceName string
	Period      string // the period the figure is for: "2022/23 Q1"
	Value       string
	Flag        string
	Target      string
	Status      StatusView
	Direction   DirectionView
}

// ReportIndicator is one indicator's section of a report.
type ReportIndicator struct {
	ID           string // section id, "indicator-<id>"
	Title        string
	ServiceName  string
	Href         string // the indicator's own page
	URL          string // its absolute URL, printed after the link
	PeriodLong   string // the period of the figure, in words
	Summary      string
	ChartSrc     string // the indicator's chart.svg, relative to the report
	ChartAlt     string // the chart's description: the trend in words
	ChartCaption string
	Table        DataTable
	Commentary   []CommentaryView
}

// ReportCommittee is one committee's part of a report.
type ReportCommittee struct {
	ID     string // for heading and caption ids
	Name   string
	Counts []StatusCount
	Rows   []ReportRow
	// Indicators are the committee's sections, made one at a time as the
	// template ranges over them and dropped once written, so that a
	// report of a thousand indicators never holds every section at once.
	Indicators iter.Seq[ReportIndicator]
	Exceptions []ReportRow // off target, listed under the counts
	HasTarget  bool        // some row has a target: show the Target and Status columns
	Period     string      // the period every row shows, or "" (then a Period column)

	words *rowWords // the rows' interface words (nil: English)
}

// ReportPage is reports/<period-slug>/index.html: the printable report
// of one period.
type ReportPage struct {
	Layout
	Period       string // "2022/23 Q1"
	PeriodLong   string
	DataAsAt     string // "30 June 2022": the last day of the period
	DataAsAtISO  string
	Published    string // site.toml published, "" if not set
	PublishedISO string
	IsCurrent    bool // the site's current period
	Committees   []ReportCommittee
	Trackers     []Tracker // action plans, milestones judged at the report's date
	Changes      []RetiredRow
	FlagKey      []FlagKey
	AllReports   Link
}

// ReportListRow is one report on reports/index.html.
type ReportListRow struct {
	Href       string
	Period     string
	PeriodLong string
	DataAsAt   string
	Indicators int
	Green      int
	Amber      int
	Red        int
	Other      int // no target, no data or withheld
	IsCurrent  bool
}

// ReportsPage is reports/index.html.
type ReportsPage struct {
	Layout
	Rows []ReportListRow // newest first
}

// ActionStatusView is an action's progress as a word and an icon.
type ActionStatusView struct {
	Key   string // not-started, in-progress, complete, paused, overdue
	Label string // "In progress"
	Icon  string
}

// ActionView is one action of an action-plan tracker.
type ActionView struct {
	ID              string // anchor, "action-<tracker>-<ref>"
	Ref             string
	Action          string
	Committee       Link
	Milestone       string // "30 November 2021", or the text as written
	MilestoneISO    string // for <time datetime>, "" when not a date
	MilestonePassed bool   // the milestone is past at build time and the action is not complete
	Lead            string
	SuccessCriteria string
	Baseline        string
	Status          ActionStatusView
	Update          template.HTML
	Updated         string
	UpdatedISO      string
}

// Tracker is one data/actions/*.csv file.
type Tracker struct {
	ID      string        // "joint-agreement-action-plan"
	Name    string        // "Joint agreement action plan"
	Intro   template.HTML // content/actions/<tracker>.md, if any
	Actions []ActionView
}

// ActionsPage is actions/index.html.
type ActionsPage struct {
	Layout
	AsAt     string // the date "Milestone passed" is judged against: the report's published date
	AsAtWhat string // what that date is: "the date of the latest report"
	Passed   int    // how many actions have passed their milestone
	Trackers []Tracker
}

// RetiredRow is one retired indicator on retired/index.html.
type RetiredRow struct {
	Href        string
	Legacy      string // "Indicator 38"
	Title       string
	ServiceName string
	ServiceHref string
	Outcome     string // "Retained", "Replaced", "Removed"
	OutcomeKey  string
	ReplacedBy  []Link
	RetiredFrom string // "April to June 2022 (2022/23 Q1)"
	LastPeriod  string // the last period with a figure
}

// OutcomeCount is how many retired indicators had one outcome.
type OutcomeCount struct {
	Outcome string
	Count   int
}

// RetiredPage is retired/index.html.
type RetiredPage struct {
	Layout
	Counts []OutcomeCount
	Rows   []RetiredRow
}

// Column describes one column of a published data file.
type Column struct {
	Name    string
	Meaning string
}

// CodeTable is a two-column table of codes and their meanings (template
// "codetable").
type CodeTable struct {
	ID      string // caption id
	Caption string
	Head    string // heading of the code column
	Rows    []Column
}

// DataRow is one indicator's downloads on data/index.html.
type DataRow struct {
	Href   string // the indicator's page
	Name   string
	Status string // "Current" or "Retired"
	CSV    Download
	JSON   Download
}

// DataPage is data/index.html: the open data and what it means.
type DataPage struct {
	Layout
	All        Download
	Catalogue  Download
	Feed       Download
	Columns    CodeTable
	Statuses   CodeTable
	Flags      []FlagKey
	Indicators []DataRow
	Published  string
	lang       *format.Lang // the words of IndicatorsHTML; nil: English
}
