package render

import (
	"testing"

	"kpisite/generator/model"
)

// An indicator's commentary is hashed once, with its series (hashSeries),
// for its page key, its report section's and its feed entries' keys: a
// change to any commentary must change the hash of all of it and of that
// one entry, and only of that one.
func TestSeriesKeyHashesEachCommentary(t *testing.T) {
	ind := &model.Indicator{ID: "a"}
	series := []model.Series{{Indicator: ind}}
	cms := func(edit func([]model.Commentary)) *seriesKey {
		c := []model.Commentary{
			{Indicator: "a", PeriodSlug: "2024-25-q2", Page: model.Page{Title: "Later", Body: []byte("Up.")}},
			{Indicator: "a", PeriodSlug: "2024-25-q1", Page: model.Page{Title: "Earlier", Body: []byte("Down.")}},
		}
		if edit != nil {
			edit(c)
		}
		b := &builder{series: series, comments: map[string][]model.Commentary{"a": c}}
		return b.hashSeries(&series[0], &keyScratch{})
	}
	base := cms(nil)
	if len(base.comment) != 2 {
		t.Fatalf("%d commentary keys; want 2", len(base.comment))
	}
	if again := cms(nil); again.comments != base.comments || again.comment[0] != base.comment[0] || again.comment[1] != base.comment[1] {
		t.Error("the same commentary hashed differently")
	}
	for name, c := range map[string]struct {
		edit    func([]model.Commentary)
		changed int
	}{
		"body":   {func(c []model.Commentary) { c[1].Page.Body = []byte("Up.") }, 1},
		"title":  {func(c []model.Commentary) { c[0].Page.Title = "Earlier" }, 0},
		"period": {func(c []model.Commentary) { c[1].PeriodSlug = "2024-25-q3" }, 1},
		"draft":  {func(c []model.Commentary) { c[0].Page.Draft = true }, 0},
		"line":   {func(c []model.Commentary) { c[1].Page.BodyLine = 7 }, 1},
	} {
		got := cms(c.edit)
		if got.comments == base.comments {
			t.Errorf("%s: the hash of all the commentary did not change", name)
		}
		for j := range got.comment {
			if (got.comment[j] != base.comment[j]) != (j == c.changed) {
				t.Errorf("%s: commentary %d's hash changed: %v; want only %d's", name, j, got.comment[j] != base.comment[j], c.changed)
			}
		}
	}
	none := &builder{series: series, comments: map[string][]model.Commentary{}}
	if sk := none.hashSeries(&series[0], &keyScratch{}); sk.comments == base.comments || len(sk.comment) != 0 {
		t.Error("no commentary hashed as some")
	}
}

// builder.cutAt answers from the series' key (its points' ends) what
// cutAt answers by walking the series: whether any point of any line
// ends after the day.
func TestCutAtFromKeys(t *testing.T) {
	q := func(sub int) []model.Point {
		return []model.Point{{Period: model.Period{Freq: model.Quarterly, Year: 2024, Sub: sub}, Value: model.Some(1)}}
	}
	ind := &model.Indicator{ID: "a"}
	cmp := &model.Comparator{ID: "c"}
	series := []model.Series{
		{Indicator: ind},
		{Indicator: ind, Points: q(1)},
		{Indicator: ind, Points: q(1), Breakdowns: []model.Line{{Points: q(3)}}},
		{Indicator: ind, Points: q(2), Comparators: []model.ComparatorSeries{{Comparator: cmp, Points: q(4)}}},
		{Indicator: ind, Comparators: []model.ComparatorSeries{{Comparator: cmp, Breakdowns: []model.Line{{Points: q(3)}}}}},
		{Indicator: ind, Comparators: []model.ComparatorSeries{{Comparator: cmp, Members: []model.Line{{Area: "E1", Points: q(2)}}}}},
	}
	b := &builder{series: series, fy: 4, comments: map[string][]model.Commentary{}}
	b.keys.series = map[*model.Series]*seriesKey{}
	for i := range series {
		b.keys.series[&series[i]] = b.hashSeries(&series[i], &keyScratch{})
	}
	walked := &builder{series: series, fy: 4}
	cuts := 0
	for i := range series {
		for sub := 1; sub <= 4; sub++ {
			end := model.Period{Freq: model.Quarterly, Year: 2024, Sub: sub}.End(4)
			want := cutAt(&series[i], end, 4)
			if got := b.cutAt(&series[i], end); got != want {
				t.Errorf("series %d, up to Q%d: cutAt from the keys %v; walking the series %v", i, sub, got, want)
			}
			if got := walked.cutAt(&series[i], end); got != want {
				t.Errorf("series %d, up to Q%d, no keys: %v; want %v", i, sub, got, want)
			}
			if want {
				cuts++
			}
		}
	}
	if cuts == 0 {
		t.Error("no series cut: the test tells nothing")
	}
}

// An archived report's key holds the commentary it shows: that on
// periods up to its own (and any whose period cannot be told), not that
// on later periods, which a new release adds without changing it.
func TestArchivedReportKeyHoldsItsCommentary(t *testing.T) {
	q := func(sub int) model.Period { return model.Period{Freq: model.Quarterly, Year: 2024, Sub: sub} }
	ind := &model.Indicator{ID: "a", Frequency: model.Quarterly}
	var pts []model.Point
	for sub := 1; sub <= 4; sub++ {
		pts = append(pts, model.Point{Period: q(sub), Value: model.Some(float64(sub)), HasRow: true})
	}
	key := func(edit func([]model.Commentary)) Key {
		cms := []model.Commentary{
			{Indicator: "a", PeriodSlug: q(1).Slug(), Page: model.Page{Body: []byte("Q1.")}},
			{Indicator: "a", PeriodSlug: q(3).Slug(), Page: model.Page{Body: []byte("Q3.")}},
			{Indicator: "a", PeriodSlug: "not-a-period", Page: model.Page{Body: []byte("?")}},
			{Indicator: "gone", PeriodSlug: q(4).Slug(), Page: model.Page{Body: []byte("Gone.")}},
		}
		if edit != nil {
			edit(cms)
		}
		series := []model.Series{{Indicator: ind, Points: pts}}
		in := &model.Input{Indicators: []*model.Indicator{ind}}
		in.Content.Commentary = cms
		b := &builder{in: in, series: series, fy: 4, byID: map[string]*model.Series{"a": &series[0]},
			comments: map[string][]model.Commentary{"a": cms[:3]}, o: Options{Current: q(4)}}
		b.reports = []reportPeriod{{Period: q(4), Series: []*model.Series{&series[0]}}, {Period: q(2), Series: []*model.Series{&series[0]}}}
		kp := &keyParts{}
		b.hashContent(kp)
		b.keys.comments = kp.comments
		b.keys.series = map[*model.Series]*seriesKey{&series[0]: b.hashSeries(&series[0], &keyScratch{})}
		return b.reportKey("report/q2", q(2))()
	}
	base := key(nil)
	if key(nil) != base {
		t.Fatal("the same input made two keys")
	}
	for name, c := range map[string]struct {
		edit  func([]model.Commentary)
		shown bool
	}{
		"an earlier period's":    {func(c []model.Commentary) { c[0].Page.Body = []byte("Q1!") }, true},
		"a later period's":       {func(c []model.Commentary) { c[1].Page.Body = []byte("Q3!") }, false},
		"a later one moved in":   {func(c []model.Commentary) { c[1].PeriodSlug = q(2).Slug() }, true},
		"an unknown period's":    {func(c []model.Commentary) { c[2].Page.Body = []byte("!") }, true},
		"an unknown indicator's": {func(c []model.Commentary) { c[3].Page.Body = []byte("!") }, true},
	} {
		if changed := key(c.edit) != base; changed != c.shown {
			t.Errorf("%s commentary edited: key changed %v; want %v", name, changed, c.shown)
		}
	}
}

// A series' hash up to a report's period (seriesKey.upTo) holds the
// points, of every line, that end by then, and no later ones; asked for
// a day that is no report's, it holds them all.
func TestSeriesUpToReportEnds(t *testing.T) {
	q := func(sub int) model.Period { return model.Period{Freq: model.Quarterly, Year: 2024, Sub: sub} }
	pts := func() []model.Point {
		var out []model.Point
		for sub := 1; sub <= 4; sub++ {
			out = append(out, model.Point{Period: q(sub), Value: model.Some(float64(sub)), HasRow: true})
		}
		return out
	}
	ind := &model.Indicator{ID: "a", Frequency: model.Quarterly}
	type upTo struct{ q2, q3, q4 Key }
	key := func(edit func(s *model.Series)) upTo {
		s := model.Series{Indicator: ind, Points: pts(), Breakdowns: []model.Line{{Points: pts()}}}
		if edit != nil {
			edit(&s)
		}
		b := &builder{series: []model.Series{s}, fy: 4, comments: map[string][]model.Commentary{},
			reports: []reportPeriod{{Period: q(4)}, {Period: q(2)}, {Period: q(1)}}}
		b.reportEnds()
		sk := b.hashSeries(&b.series[0], &keyScratch{})
		var out upTo
		for _, c := range []struct {
			k   *Key
			end model.Period
		}{{&out.q2, q(2)}, {&out.q3, q(3)}, {&out.q4, q(4)}} {
			var h hasher
			sk.upTo(&h, c.end.End(4))
			*c.k = h.sum()
		}
		return out
	}
	base := key(nil)
	if key(nil) != base {
		t.Fatal("the same series made two keys")
	}
	for name, c := range map[string]struct {
		edit       func(s *model.Series)
		q2, q3, q4 bool // which changed
	}{
		"a Q1 figure":           {func(s *model.Series) { s.Points[0].Value = model.Some(9) }, true, true, true},
		"a Q2 breakdown figure": {func(s *model.Series) { s.Breakdowns[0].Points[1].Note = "x" }, true, true, true},
		"a Q3 figure":           {func(s *model.Series) { s.Points[2].Value = model.Some(9) }, false, true, true},
		"a Q4 breakdown figure": {func(s *model.Series) { s.Breakdowns[0].Points[3].Value = model.Some(9) }, false, true, true},
	} {
		got := key(c.edit)
		if (got.q2 != base.q2) != c.q2 || (got.q3 != base.q3) != c.q3 || (got.q4 != base.q4) != c.q4 {
			t.Errorf("%s changed: up to Q2 %v, Q3 (no report's) %v, Q4 %v; want %v, %v, %v", name,
				got.q2 != base.q2, got.q3 != base.q3, got.q4 != base.q4, c.q2, c.q3, c.q4)
		}
	}
}
