package render

import (
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
		row, frag := b.cachedRow(s, i)
		if pt.Note != "" {
			n := len(t.Footnotes) + 1
			t.Footnotes = append(t.Footnotes, Footnote{N: n, Period: pt.Period.String(), Text: pt.Note})
			row.NoteRef = n
		}
		t.Rows = append(t.Rows, row)
		t.frags = append(t.frags, frag)
	}
	return t
}

// tableRows is every series' rows of its data table and their HTML,
// rendered once and shared by its page and every report that shows them
// (a row with a note is rendered in each table, which numbers its notes).
type tableRows struct {
	rows  []TableRow
	frags []string
}

func (b *builder) renderRows() {
	b.rows = make(map[*model.Series]tableRows, len(b.series))
	for i := range b.series {
		s := &b.series[i]
		ytd := s.Indicator.Measure == model.MeasureYTD
		tr := tableRows{rows: make([]TableRow, len(s.Points)), frags: make([]string, len(s.Points))}
		var w strings.Builder
		for j := range s.Points {
			tr.rows[j] = b.tableRow(&s.Points[j], s.Indicator)
			if s.Points[j].Note == "" {
				w.Reset()
				writeTableRow(&w, &tr.rows[j], ytd, "")
				tr.frags[j] = w.String()
			}
		}
		b.rows[s] = tr
	}
}

// cachedRow is the row of point i of s, and its HTML if it has no note.
func (b *builder) cachedRow(s *model.Series, i int) (TableRow, string) {
	if tr, ok := b.rows[s]; ok {
		return tr.rows[i], tr.frags[i]
	}
	return b.tableRow(&s.Points[i], s.Indicator), ""
}
