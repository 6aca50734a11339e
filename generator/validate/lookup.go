package validate

import "kpisite/generator/model"

// indicatorLookup is model.Input.Indicator remembering its last answer:
// observations come grouped by indicator, so most rows name the indicator
// of the row before, and 40,000 rows need a thousand searches, not 40,000.
type indicatorLookup struct {
	in   *model.Input
	last *model.Indicator
}

// of is in.Indicator(id).
func (l *indicatorLookup) of(id string) *model.Indicator {
	if l.last != nil && l.last.ID == id {
		return l.last
	}
	l.last = l.in.Indicator(id)
	return l.last
}
