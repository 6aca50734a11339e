package model

import (
	"sort"
	"time"
)

// ActionStatus is the progress of an action-plan item (SPEC 3.7).
type ActionStatus string

// The action statuses of SPEC 3.7.
const (
	ActionNotStarted ActionStatus = "not started"
	ActionInProgress ActionStatus = "in progress"
	ActionComplete   ActionStatus = "complete"
	ActionPaused     ActionStatus = "paused"
	ActionOverdue    ActionStatus = "overdue"
)

// ActionStatuses lists the valid statuses.
var ActionStatuses = []ActionStatus{ActionNotStarted, ActionInProgress, ActionComplete, ActionPaused, ActionOverdue}

// Action is one row of data/actions/*.csv.
type Action struct {
	Ref             string
	Action          string
	Committee       string
	Milestone       string    // as written
	MilestoneDate   time.Time // zero if Milestone is not a date
	Lead            string
	SuccessCriteria string
	Baseline        string
	Status          ActionStatus
	Update          string // Markdown
	Updated         time.Time
	Tracker         string // file name without .csv, e.g. "joint-agreement-action-plan"
	Pos             Position
}

// Input is everything a site's files hold, loaded and checked file by file.
type Input struct {
	Site         Site
	Indicators   []*Indicator // sorted by id
	Observations []Observation
	Actions      []Action
	Content      Content

	// UnreadIndicators are the ids that indicator files which could not
	// be read (not UTF-8, not TOML) seem to define, each with its file.
	// Problems that follow only from their absence are not reported:
	// the file's own error is the cause.
	UnreadIndicators map[string]string
}

// Indicator returns the indicator with id, or nil. Indicators are sorted
// by id, so this is a binary search; when it finds nothing, a linear scan
// makes sure (an Input built by hand may not be sorted), which only costs
// for ids that are not indicators.
func (in *Input) Indicator(id string) *Indicator {
	inds := in.Indicators
	i := sort.Search(len(inds), func(i int) bool { return inds[i] != nil && inds[i].ID >= id })
	if i < len(inds) && inds[i] != nil && inds[i].ID == id {
		return inds[i]
	}
	for _, ind := range inds {
		if ind != nil && ind.ID == id {
			return ind
		}
	}
	return nil
}
