package model

// Release is one published release of a site's figures and what changed
// in it since the release before (package changes works it out; the
// "What changed" page and feed.xml show it).
type Release struct {
	ID        string // the published date, "2022-07-21" (else the current period)
	Published string // ISO date, "" when site.toml sets none
	Period    string // the site's current period then, "2022/23 Q1"
	Compared  bool   // false: there was no previous release to compare with

	Added   []IndicatorChange // indicators new in this release
	Retired []IndicatorChange // indicators retired (or removed) in this release

	New       []FigureChange // figures published for the first time
	Revised   []FigureChange // figures whose value changed
	Withdrawn []FigureChange // figures no longer published
}

// Empty reports whether a compared release changed nothing.
func (r *Release) Empty() bool {
	return len(r.Added)+len(r.Retired)+len(r.New)+len(r.Revised)+len(r.Withdrawn) == 0
}

// IndicatorChange is an indicator added to or retired from the site.
type IndicatorChange struct {
	Indicator string // id
	Name      string // its short title (or title) at the time
	Removed   bool   // retired: no longer in the site at all
}

// FigureChange is one figure (a row of data/all.csv) that is new, revised
// or withdrawn. Values are the text of data/all.csv's value column, so a
// withheld figure is "[c]" here too, never the real number.
type FigureChange struct {
	Indicator  string
	Name       string
	Period     string
	Dimensions []Dimension // area and breakdown columns of the row, when not empty
	Old        string      // revised and withdrawn: the previous value
	New        string      // new and revised: the value now
	Note       string      // the row's note now (the reason for a revision)
}

// Dimension is one non-empty key column of a data row besides indicator
// and period: the area, or a breakdown such as sex = "Female".
type Dimension struct {
	Name  string
	Value string
}
