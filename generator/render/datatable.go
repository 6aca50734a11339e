package render

import (
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
