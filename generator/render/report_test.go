package render

import (
	"maps"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// A report's flag key is worked out before its sections are made
// (reportTableFlags), so it must name exactly the flags the sections'
// tables show (dataTable), for a report of any period.
func TestReportTableFlagsMatchDataTable(t *testing.T) {
	b, s := benchBuilder(t)
	n := len(s.Points)
	s.Points[n-2].Withheld = true    // [c] among the latest five
	s.Points[n-4].Value = model.None // [x]
	s.Points[n-9].Value = model.None // [x] in an earlier report only
	s.Points[n-9].Flag = model.FlagNotAvailable
	s.Points[n-12].Value = model.None // [z]: shown, but needs no key
	s.Points[n-12].Flag = model.FlagNotApplicable
	s.Points[n-15].Withheld = true // [c] in an earlier report only
	for back := 0; back < 20; back++ {
		p := s.Points[n-1-back].Period
		before, dt := map[model.Flag]bool{}, map[model.Flag]bool{}
		b.reportTableFlags(s, p, before)
		b.dataTable(s, "c", "caption", "n-", p.End(b.fy), reportRecent, dt)
		if !maps.Equal(before, dt) {
			t.Errorf("report of %s: flags worked out before %v, shown by its tables %v", p, before, dt)
		}
	}
}

// A report's sections are made as its template writes them: every
// indicator's section is in the page, and the flag key names the flags
// the sections' tables show.
func TestReportSectionsAndFlagKey(t *testing.T) {
	b, s := benchBuilder(t)
	s.Points[len(s.Points)-2].Withheld = true
	b.reports = b.reportPeriods()
	if len(b.reports) != 1 {
		t.Fatalf("%d reports, want 1", len(b.reports))
	}
	files, err := b.reportJob(b.reports[0])()
	if err != nil {
		t.Fatal(err)
	}
	page := string(files[reportPath(b.reports[0].Period)])
	for _, want := range []string{`<section class="report-indicator" id="indicator-idva-referrals"`, "Referrals <strong>rose</strong> this quarter.", "[c]"} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
