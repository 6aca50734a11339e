package render

import (
	"strconv"
	"strings"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/model"
)

// dataTable is the table of an indicator's periods, newest first: those
// ending no later than upTo (zero: all), at most limit rows (0: all). The
// flags it shows are added to used.
func (b *builder) dataTable(s *model.Series, captionID, caption, notePrefix string, upTo time.Time, limit int, used map[model.Flag]bool) DataTable {
	ind := s.Indicator
	t := DataTable{
		CaptionID: captionID, Caption: caption, NotePrefix: notePrefix,
		UnitLabel: format.UnitLabel(ind), YTD: ind.Measure == model.MeasureYTD,
	}
	for i := len(s.Points) - 1; i >= 0 && (limit == 0 || len(t.Rows) < limit); i-- {
		pt := &s.Points[i]
		if !upTo.IsZero() && pt.Period.End(b.fy).After(upTo) {
			continue
		}
		pointFlags(used, pt)
		row := b.tableRow(pt, ind)
		if pt.Note != "" {
			n := len(t.Footnotes) + 1
			t.Footnotes = append(t.Footnotes, Footnote{N: n, Period: pt.Period.String(), Text: pt.Note})
			row.NoteRef = n
		}
		t.Rows = append(t.Rows, row)
	}
	for _, r := range t.Rows {
		t.HasTarget = t.HasTarget || r.Target != "" || r.Status.Key == string(model.Green) || r.Status.Key == string(model.Amber) || r.Status.Key == string(model.Red)
		t.HasNotes = t.HasNotes || r.NoteRef != 0
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
	caption := ind.Name() + ": figures for each period"
	if len(s.Points) == 0 || len(s.Comparators) == 0 {
		return b.dataTable(s, "data-caption", caption, "note-", time.Time{}, 0, used), nil
	}
	names := make([]string, len(s.Comparators))
	for i := range s.Comparators {
		names[i] = s.Comparators[i].Comparator.Name
	}
	caption += ", with " + joinAnd(names)
	t = b.dataTable(s, "data-caption", caption, "note-", time.Time{}, 0, used)
	ranked := ind.Polarity != model.Neutral
	for _, cs := range s.Comparators {
		c := cs.Comparator
		if !c.IsGroup() {
			t.CompareHead = append(t.CompareHead, c.Name)
			continue
		}
		t.CompareHead = append(t.CompareHead, c.Name+" (median)")
		if ranked {
			t.CompareHead = append(t.CompareHead, "Rank in "+c.Name)
			notes = append(notes, "Rank in "+c.Name+": the place of "+b.ownName(ind)+" among the "+
				strconv.Itoa(b.othersIn(c, ind))+" other areas of the group and itself, 1st being the best ("+polarityShort(ind.Polarity)+"); equal figures share a place (\"joint\"). The quarter says which quarter of the group that place is in.")
		}
	}
	byPeriod := make(map[string]TableRow, len(t.Rows))
	for _, r := range t.Rows {
		byPeriod[r.Period] = r
	}
	rows := make([]TableRow, 0, len(t.Rows))
	for _, per := range periodsNewestFirst(s) {
		r, ok := byPeriod[per.String()]
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
				r.Compare = append(r.Compare, rankCell(cp))
			}
		}
		rows = append(rows, r)
	}
	t.Rows = rows
	return t, notes
}

// rankCell is the council's rank in a group for a table: "3rd of 16
// (best quarter)", "joint 3rd of 16 (best quarter)", or "".
func rankCell(p *model.Point) string {
	if p == nil || p.Rank == 0 {
		return ""
	}
	joint := ""
	if p.RankJoint {
		joint = "joint "
	}
	return joint + format.Ordinal(p.Rank) + " of " + strconv.Itoa(p.RankOf) + " (" + quartileText(p.Quartile) + ")"
}

// joinAnd joins names as "A", "A and B", "A, B and C".
func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
