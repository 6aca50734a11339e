package changes

import (
	"slices"
	"sort"

	"kpisite/generator/model"
)

// Previous is what the previous release left: its data/all.csv and its
// changes/releases.json. Either may be nil.
type Previous struct {
	All     *Table
	History *History
}

// Current is the release being built.
type Current struct {
	ID         string // the published date ("2022-07-21"), else the current period
	Published  string // ISO date or ""
	Period     string // the current period, "2022/23 Q1"
	Indicators []IndicatorState
	All        *Table // this build's data/all.csv
}

// Record returns the history after the current release:
//
//   - no previous data/all.csv: the release is recorded as not compared
//     (the page says there was nothing to compare with), unless the
//     newest recorded release already has its id;
//   - the newest recorded release has the current id (the same release
//     built again): the previous figures are worked back to what they
//     were before that release, by undoing its recorded changes, and the
//     release is worked out afresh and replaces it;
//   - otherwise the figures are compared with the previous release's, and
//     the release is recorded when something changed.
//
// So building twice with the same inputs records one release, and
// correcting a figure before the next release shows as part of that
// release, not as a revision of it.
func Record(prev Previous, cur Current) *History {
	h := &History{Indicators: cur.Indicators}
	var older []model.Release
	if prev.History != nil {
		older = prev.History.Releases
	}
	all, state := prev.All, stateMap(prev.History) // its rows read only to compare (Compares)
	var undone *model.Release
	if len(older) > 0 && older[0].ID == cur.ID {
		redo := older[0]
		older = older[1:]
		if !redo.Compared || all == nil {
			redo.Published, redo.Period = cur.Published, cur.Period
			h.Releases = append([]model.Release{redo}, older...)
			return h
		}
		undone = &redo
		state = undoState(state, &redo)
	}
	if all == nil {
		r := model.Release{ID: cur.ID, Published: cur.Published, Period: cur.Period}
		h.Releases = append([]model.Release{r}, older...)
		return h
	}
	r := diff(undo(all.read(), undone), cur, state)
	if r.Empty() {
		h.Releases = older
		return h
	}
	h.Releases = append([]model.Release{r}, older...)
	return h
}

// Compares reports whether Record, given prev, compares the figures of
// a release of id with the previous release's: only then does it read
// Current.All and prev.All's rows. A release built again that was not
// compared the first time (there was nothing to compare with) is not
// compared now either.
func Compares(prev Previous, id string) bool {
	if prev.All == nil {
		return false
	}
	if h := prev.History; h != nil && len(h.Releases) > 0 && h.Releases[0].ID == id {
		return h.Releases[0].Compared
	}
	return true
}

// Earlier reports whether id is the id of a recorded release other than
// the newest (a published date moved back): recording it again would
// give two releases one id. newest is the newest release's id.
func Earlier(h *History, id string) (newest string, earlier bool) {
	if h == nil || len(h.Releases) == 0 {
		return "", false
	}
	for _, r := range h.Releases[1:] {
		if r.ID == id {
			return h.Releases[0].ID, true
		}
	}
	return h.Releases[0].ID, false
}

// stateMap is the indicators of the newest recorded release, by id; nil
// when unknown.
func stateMap(h *History) map[string]IndicatorState {
	if h == nil {
		return nil
	}
	m := make(map[string]IndicatorState, len(h.Indicators))
	for _, s := range h.Indicators {
		m[s.ID] = s
	}
	return m
}

// before is the figures of the release before another: a table with
// that release's recorded changes undone (undo), read through without
// copying the table.
type before struct {
	t     *Table
	drop  map[rowID]bool   // the release's new figures: not there before
	old   map[rowID]string // its revised figures' values before
	extra []Row            // its withdrawn figures not in t, in order
	byKey map[rowID]int    // index into extra
}

// undo works a release's figures back to the release before it: t's
// rows less r's new figures, r's revised figures at their old values,
// then r's withdrawn figures that t has not. r nil: t as it is.
func undo(t *Table, r *model.Release) *before {
	b := &before{t: t}
	if r == nil {
		return b
	}
	for _, c := range r.New {
		if b.drop == nil {
			b.drop = map[rowID]bool{}
		}
		b.drop[rowKey(c.Indicator, c.Period, c.Dimensions)] = true
	}
	for _, c := range r.Revised {
		if k := rowKey(c.Indicator, c.Period, c.Dimensions); t.has(k) {
			if b.old == nil {
				b.old = map[rowID]string{}
			}
			b.old[k] = c.Old
		}
	}
	for _, c := range r.Withdrawn {
		k := rowKey(c.Indicator, c.Period, c.Dimensions)
		if _, ok := b.byKey[k]; ok || t.has(k) {
			continue
		}
		if b.byKey == nil {
			b.byKey = map[rowID]int{}
		}
		b.byKey[k] = len(b.extra)
		b.extra = append(b.extra, Row{Indicator: c.Indicator, Period: c.Period, Dimensions: c.Dimensions, Value: c.Old})
	}
	return b
}

// get returns the row with key k, as it was.
func (b *before) get(k rowID) (Row, bool) {
	if b.drop[k] {
		return Row{}, false
	}
	if r, ok := b.t.get(k); ok {
		row := *r
		if v, ok := b.old[k]; ok {
			row.Value = v
		}
		return row, true
	}
	if i, ok := b.byKey[k]; ok {
		return b.extra[i], true
	}
	return Row{}, false
}

// each calls f with every row, as it was, in order.
func (b *before) each(f func(*Row)) {
	for i := range b.t.Rows {
		r := &b.t.Rows[i]
		if len(b.drop) == 0 && len(b.old) == 0 {
			f(r)
			continue
		}
		k := r.key()
		if b.drop[k] {
			continue
		}
		if v, ok := b.old[k]; ok {
			row := *r
			row.Value = v
			f(&row)
			continue
		}
		f(r)
	}
	for i := range b.extra {
		if r := &b.extra[i]; !b.drop[r.key()] {
			f(r)
		}
	}
}

// indicators is the set of indicators with a row.
func (b *before) indicators() map[string]bool {
	out := map[string]bool{}
	b.each(func(r *Row) { out[r.Indicator] = true })
	return out
}

// undoState works the indicators back to the release before r.
func undoState(m map[string]IndicatorState, r *model.Release) map[string]IndicatorState {
	if m == nil {
		return nil
	}
	out := make(map[string]IndicatorState, len(m))
	for k, v := range m {
		out[k] = v
	}
	for _, c := range r.Added {
		delete(out, c.Indicator)
	}
	for _, c := range r.Retired {
		out[c.Indicator] = IndicatorState{ID: c.Indicator, Name: c.Name, Active: true}
	}
	return out
}

// diff compares the current release with the figures and indicators of
// the one before. state nil means the indicators before are unknown: then
// an indicator counts as added when it has figures now and had none
// before, and retirements cannot be told.
func diff(base *before, cur Current, state map[string]IndicatorState) model.Release {
	r := model.Release{ID: cur.ID, Published: cur.Published, Period: cur.Period, Compared: true}
	names := map[string]string{}
	for id, s := range state {
		names[id] = s.Name
	}
	for _, s := range cur.Indicators {
		names[s.ID] = s.Name
	}
	name := func(id string) string {
		if n := names[id]; n != "" {
			return n
		}
		return id
	}
	if state != nil {
		now := map[string]bool{}
		for _, s := range cur.Indicators {
			now[s.ID] = true
			was, ok := state[s.ID]
			switch {
			case !ok:
				r.Added = append(r.Added, model.IndicatorChange{Indicator: s.ID, Name: s.Name})
			case was.Active && !s.Active:
				r.Retired = append(r.Retired, model.IndicatorChange{Indicator: s.ID, Name: s.Name})
			}
		}
		for _, s := range sortedStates(state) {
			if !now[s.ID] && s.Active {
				r.Retired = append(r.Retired, model.IndicatorChange{Indicator: s.ID, Name: name(s.ID), Removed: true})
			}
		}
	} else {
		had, has := base.indicators(), cur.All.indicators()
		for _, s := range cur.Indicators {
			if has[s.ID] && !had[s.ID] {
				r.Added = append(r.Added, model.IndicatorChange{Indicator: s.ID, Name: s.Name})
			}
		}
	}
	compare := func(row *Row) {
		old, ok := base.get(row.key())
		switch {
		case !ok:
			r.New = append(r.New, model.FigureChange{Indicator: row.Indicator, Name: name(row.Indicator), Period: row.Period, Dimensions: row.Dimensions, New: row.Value, Note: row.Note})
		case !sameValue(old.Value, row.Value):
			r.Revised = append(r.Revised, model.FigureChange{Indicator: row.Indicator, Name: name(row.Indicator), Period: row.Period, Dimensions: row.Dimensions, Old: old.Value, New: row.Value, Note: row.Note})
		}
	}
	withdrawn := func(row *Row) {
		if _, ok := cur.All.get(row.key()); !ok {
			r.Withdrawn = append(r.Withdrawn, model.FigureChange{Indicator: row.Indicator, Name: name(row.Indicator), Period: row.Period, Dimensions: row.Dimensions, Old: row.Value})
		}
	}
	if from := cur.All.from; from != nil && from.t == base.t {
		// This build's rows are mostly the previous table's own: only
		// the rows read afresh, and those whose figures before differ
		// from the table's (undo), can have changed.
		for _, i := range base.touched(from) {
			compare(&cur.All.Rows[i])
		}
		base.eachIn(from.a, from.b, withdrawn)
		return r
	}
	for i := range cur.All.Rows {
		compare(&cur.All.Rows[i])
	}
	base.each(withdrawn)
	return r
}

// touched is, in order, the rows of a table made from b.t (from) that
// may differ from the rows before: those read afresh, and those taken
// from b.t whose figures before are not b.t's (a release undone). Every
// other row is b.t's own row, the same key with the same figure before.
func (b *before) touched(from *reused) []int {
	out := make([]int, 0, from.m+len(b.drop)+len(b.old))
	for i := range from.m {
		out = append(out, from.a+i)
	}
	add := func(k rowID) {
		j, ok := b.t.byKey[k]
		switch {
		case !ok || (j >= from.a && j < from.b):
			// Not a row of b.t taken: no row of this build's but one
			// read afresh has its key.
		case j < from.a:
			out = append(out, j)
		default:
			out = append(out, j-from.b+from.a+from.m)
		}
	}
	for k := range b.drop {
		add(k)
	}
	for k := range b.old {
		if !b.drop[k] {
			add(k)
		}
	}
	slices.Sort(out)
	return out
}

// eachIn is each for the rows of b.t from a to b, then the rows that were
// not in b.t: the rows before that a table made from b.t (with those
// rows read afresh) may not have.
func (b *before) eachIn(from, to int, f func(*Row)) {
	inner := &before{t: &Table{Rows: b.t.Rows[from:to]}, drop: b.drop, old: b.old, extra: b.extra, byKey: b.byKey}
	inner.each(f)
}

// sortedStates lists the states of m by id.
func sortedStates(m map[string]IndicatorState) []IndicatorState {
	out := make([]IndicatorState, 0, len(m))
	for _, s := range m {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
