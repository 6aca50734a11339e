package render

import (
	"strconv"
	"strings"
	"time"

	"kpisite/generator/model"
)

// dataTable is the table of an indicator's periods, newest first: those
// ending no later than upTo (zero: all), at most limit rows (0: all). The
// flags it shows are added to used.
func (b *builder) dataTable(s *model.Series, captionID, caption, notePrefix string, upTo time.Time, limit int, used map[model.Flag]bool) DataTable {
	ind := s.Indicator
	t := DataTable{
		CaptionID: captionID, Caption: caption, NotePrefix: notePrefix,
		UnitLabel: b.lang.UnitLabel(ind), YTD: ind.Measure == model.MeasureYTD,
		words: b.rw,
	}
	n := len(s.Points)
	if limit > 0 {
		n = min(n, limit)
	}
	if n > 0 {
		t.Rows = make([]TableRow, 0, n)
	}
	var frags [2][]string // the rows' cached HTML without and with a Note column
	if b.rows[s] != nil && n > 0 {
		frags[0], frags[1] = make([]string, 0, n), make([]string, 0, n)
	}
	for i := len(s.Points) - 1; i >= 0 && (limit == 0 || len(t.Rows) < limit); i-- {
		pt := &s.Points[i]
		if !upTo.IsZero() && pt.Period.End(b.fy).After(upTo) {
			continue
		}
		pointFlags(used, pt)
		row, frag := b.cachedRow(s, i)
		if pt.Note != "" {
			n := len(t.Footnotes) + 1
			t.Footnotes = append(t.Footnotes, Footnote{N: n, Period: b.lang.Period(pt.Period), Text: pt.Note})
			row.NoteRef = n
		}
		t.Rows = append(t.Rows, row)
		if frags[0] != nil { // rows rendered once (cachedRow); nil: each table writes its own
			frags[0] = append(frags[0], frag[0])
			frags[1] = append(frags[1], frag[1])
		}
	}
	for _, r := range t.Rows {
		t.HasTarget = t.HasTarget || r.Target != "" || r.Status.Key == string(model.Green) || r.Status.Key == string(model.Amber) || r.Status.Key == string(model.Red)
		t.HasNotes = t.HasNotes || r.NoteRef != 0
	}
	// The cached rows were written with the Target and Status columns;
	// a table without them writes its rows afresh.
	if t.HasTarget {
		if t.HasNotes {
			t.frags = frags[1]
		} else {
			t.frags = frags[0]
		}
	}
	return t
}

// pageTable is the indicator page's data table: dataTable, and when the
// indicator has comparators a column for each (its figure, or a group's
// median) and for each group the council's rank in it (SPEC 3.8 "tables
// add a column per comparator"). Periods with a comparator figure but
// none of the council's own get a row, so that the table holds every
// figure the chart draws. notes say how to read the rank columns.
func (b *builder) pageTable(s *model.Series, used map[model.Flag]bool) (t DataTable, notes []string) {
	ind := s.Indicator
	caption := b.lang.T("table.figures_caption", "name", ind.Name())
	if len(s.Points) == 0 || len(s.Comparators) == 0 {
		return b.dataTable(s, "data-caption", caption, "note-", time.Time{}, 0, used), nil
	}
	names := make([]string, len(s.Comparators))
	for i := range s.Comparators {
		names[i] = s.Comparators[i].Comparator.Name
	}
	caption = b.lang.T("table.figures_with", "caption", caption, "names", b.joinAnd(names))
	t = b.dataTable(s, "data-caption", caption, "note-", time.Time{}, 0, used)
	ranked := ind.Polarity != model.Neutral
	for _, cs := range s.Comparators {
		c := cs.Comparator
		if !c.IsGroup() {
			t.CompareHead = append(t.CompareHead, c.Name)
			continue
		}
		t.CompareHead = append(t.CompareHead, b.lang.T("compare.median", "name", c.Name))
		if ranked {
			t.CompareHead = append(t.CompareHead, b.lang.T("compare.rank_in", "group", c.Name))
			notes = append(notes, b.rankNote(c, ind))
		}
	}
	byPeriod := make(map[string]TableRow, len(t.Rows))
	for _, r := range t.Rows {
		byPeriod[r.Period] = r
	}
	rows := make([]TableRow, 0, len(t.Rows))
	for _, per := range periodsNewestFirst(s) {
		r, ok := byPeriod[b.lang.Period(per)]
		if !ok {
			gap := model.Point{Period: per, Status: model.NoData}
			pointFlags(used, &gap)
			r = b.tableRow(&gap, ind)
		}
		for i := range s.Comparators {
			cs := &s.Comparators[i]
			cp := cs.At(per)
			r.Compare = append(r.Compare, pointCell(cp, ind))
			if cs.Comparator.IsGroup() && ranked {
				r.Compare = append(r.Compare, b.rankCell(cp))
			}
		}
		rows = append(rows, r)
	}
	t.Rows = rows
	t.frags = nil // the rows have comparator cells: written afresh
	return t, notes
}

// rankCell is the council's rank in a group for a table: "3rd of 16
// (best quarter)", "joint 3rd of 16 (best quarter)", or "".
func (b *builder) rankCell(p *model.Point) string {
	if p == nil || p.Rank == 0 {
		return ""
	}
	key := "compare.rank"
	if p.RankJoint {
		key = "compare.rank_joint"
	}
	return b.lang.T(key, "rank", b.lang.Ordinal(p.Rank), "of", strconv.Itoa(p.RankOf), "quartile", b.lang.Quartile(p.Quartile))
}

// joinAnd joins names as "A", "A and B", "A, B and C".
func (b *builder) joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], b.lang.T("list.comma")) + b.lang.T("list.and") + names[len(names)-1]
}

// tableRows is a series' rows of its data table and their HTML, rendered
// once and shared by its page and every report that shows them, when a
// site has several reports (with one, each table writes its own rows)
// (a row with a note is rendered in each table, which numbers its notes).
// Each row's HTML is kept twice, for a table without and with a Note
// column, both with the Target and Status columns.
type tableRows struct {
	rows  []TableRow
	frags [2][]string
}

// renderRows renders the rows of s once (when rows are shared: prepare).
func (b *builder) renderRows(s *model.Series, tr *tableRows) {
	ytd := s.Indicator.Measure == model.MeasureYTD
	tr.rows = make([]TableRow, len(s.Points))
	tr.frags[0], tr.frags[1] = make([]string, len(s.Points)), make([]string, len(s.Points))
	var w strings.Builder
	last := 0 // the length of the last row written
	for j := range s.Points {
		tr.rows[j] = b.tableRow(&s.Points[j], s.Indicator)
		if s.Points[j].Note == "" {
			for k, notes := range []bool{false, true} {
				w.Reset()
				w.Grow(last + 64)
				writeTableRow(&w, &tr.rows[j], rowColumns{ytd: ytd, target: true, notes: notes, words: b.rw})
				tr.frags[k][j] = w.String()
				last = w.Len()
			}
		}
	}
}

// cachedRow is the row of point i of s, and its HTML (without and with a
// Note column) if it has no note.
func (b *builder) cachedRow(s *model.Series, i int) (TableRow, [2]string) {
	if tr, ok := b.rows[s]; ok {
		tr.once.Do(func() { b.renderRows(s, &tr.tableRows) })
		return tr.rows[i], [2]string{tr.frags[0][i], tr.frags[1][i]}
	}
	return b.tableRow(&s.Points[i], s.Indicator), [2]string{}
}
