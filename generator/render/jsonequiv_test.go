package render

import (
	"bytes"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"kpisite/generator/format"
	"kpisite/generator/kpi"
	"kpisite/generator/load"
	"kpisite/generator/model"
)

// The JSON kpisite publishes is written by jsonWriter; these tests hold
// each file to the bytes encoding/json wrote for the structs it was
// marshalled from before (datajson_old_test.go, opendata_old_test.go), for
// the example site and for random sites full of hostile text and
// awkward numbers.

// exampleSite loads and computes the repository's example site.
func exampleSite(t *testing.T) (*model.Input, []model.Series) {
	t.Helper()
	in, probs := load.Site(os.DirFS("../.."))
	if probs.HasErrors() || in == nil {
		t.Fatalf("loading the example site: %v", probs)
	}
	series, _ := kpi.All(in, kpi.Config{FYStart: in.Site.FinancialYearStart, AmberTolerance: in.Site.AmberTolerance})
	if len(series) == 0 {
		t.Fatal("the example site has no indicators")
	}
	return in, series
}

// jsonBuilder is a builder with what the JSON writers use.
func jsonBuilder(in *model.Input, series []model.Series) *builder {
	fy := in.Site.FinancialYearStart
	if fy == 0 {
		fy = 4
	}
	b := &builder{in: in, series: series, fy: fy, lang: format.English(), byID: map[string]*model.Series{}}
	b.prepare()
	b.allCSV, b.allLen = make([]byte, 12345), 12345
	for i := range series {
		p := b.parts[&series[i]]
		p.csvLen, p.jsonLen = 1000+i, 20000+i
	}
	return b
}

func randomValue(r *rand.Rand) model.Value {
	if r.IntN(4) == 0 {
		return model.Value{}
	}
	return model.Some(randomFloat(r))
}

var testFrequencies = []model.Frequency{model.Quarterly, model.Monthly, model.Annual}

func randomPoints(r *rand.Rand, freq model.Frequency) []model.Point {
	n := r.IntN(6)
	if r.IntN(5) == 0 {
		n = 0
	}
	sub := 1
	if freq == model.Quarterly {
		sub = 1 + r.IntN(4)
	} else if freq == model.Monthly {
		sub = 1 + r.IntN(12)
	}
	first := model.Period{Freq: freq, Year: 2000 + r.IntN(30), Sub: sub}
	pts := make([]model.Point, n)
	directions := []model.Direction{model.NoComparison, model.Improving, model.Worsening, model.NoChange, model.Direction(hostileString(r))}
	for i := range pts {
		pts[i] = model.Point{
			Period: first.Add(i), Value: randomValue(r), PeriodValue: randomValue(r), Numerator: randomValue(r),
			Denominator: randomValue(r), Target: randomValue(r), Status: model.Status(hostileString(r)),
			ByService: r.IntN(2) == 0, Direction: directions[r.IntN(len(directions))],
			Flag: model.Flag(hostileString(r)), Note: hostileString(r), Withheld: r.IntN(5) == 0, HasRow: r.IntN(6) != 0,
			Lower: randomValue(r), Upper: randomValue(r), Rank: r.IntN(3) * r.IntN(12), RankOf: r.IntN(2) * 12, Quartile: r.IntN(5),
		}
	}
	return pts
}

func randomLines(r *rand.Rand, freq model.Frequency) []model.Line {
	if r.IntN(2) == 0 {
		return nil
	}
	dimNames := []string{"sex", "age", hostileString(r), hostileString(r)}
	ls := make([]model.Line, r.IntN(4))
	for i := range ls {
		var dims []model.Dim
		for range r.IntN(4) { // sometimes the same breakdown twice
			dims = append(dims, model.Dim{Dimension: dimNames[r.IntN(len(dimNames))], Category: hostileString(r)})
		}
		ls[i] = model.Line{Dims: dims, Points: randomPoints(r, freq)}
	}
	return ls
}

// randomSeries is an indicator of hostile text and awkward figures.
func randomSeries(r *rand.Rand, services []model.Service) model.Series {
	freq := testFrequencies[r.IntN(len(testFrequencies))]
	measures := []model.Measure{model.MeasurePeriod, model.MeasureYTD, model.Measure(hostileString(r))}
	ind := &model.Indicator{
		ID: hostileString(r), Title: hostileString(r), Service: hostileString(r), Unit: model.Unit(hostileString(r)),
		Decimals: r.IntN(4) - 1, Polarity: model.Polarity(hostileString(r)), Frequency: freq,
		Measure: measures[r.IntN(len(measures))], Definition: hostileString(r), Confidence: r.IntN(2) * 95,
	}
	if len(services) > 0 && r.IntN(3) != 0 {
		ind.Service = services[r.IntN(len(services))].ID
	}
	if r.IntN(2) == 0 {
		ind.ShortTitle, ind.UnitLabel, ind.Code = hostileString(r), hostileString(r), hostileString(r)
	}
	if r.IntN(3) == 0 {
		ind.Area = &model.Area{Code: hostileString(r), Name: hostileString(r)}
	}
	s := model.Series{Indicator: ind, Points: randomPoints(r, freq), Breakdowns: randomLines(r, freq)}
	for range r.IntN(3) {
		c := &model.Comparator{ID: hostileString(r), Name: hostileString(r)}
		switch r.IntN(3) {
		case 1:
			c.Areas = []string{hostileString(r)}
		case 2:
			c.Areas = []string{hostileString(r), hostileString(r), hostileString(r)}
		}
		s.Comparators = append(s.Comparators, model.ComparatorSeries{Comparator: c, Points: randomPoints(r, freq), Breakdowns: randomLines(r, freq)})
	}
	return s
}

// randomInput is a site of random series.
func randomInput(r *rand.Rand) (*model.Input, []model.Series) {
	licences := []string{"", "Open Government Licence v3.0", hostileString(r)}
	site := model.Site{
		Title: hostileString(r), Organisation: hostileString(r), BaseURL: "https://example.org/" + hostileString(r) + "/",
		Language: hostileString(r), Licence: licences[r.IntN(len(licences))], FinancialYearStart: 4,
		Published: time.Date(2020+r.IntN(5), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC),
	}
	if r.IntN(2) == 0 {
		site.Contact = hostileString(r)
	}
	if r.IntN(2) == 0 {
		site.Area = model.Area{Code: hostileString(r), Name: hostileString(r)}
	}
	for i := range r.IntN(3) {
		site.Services = append(site.Services, model.Service{ID: "svc" + string(rune('a'+i)), Name: hostileString(r)})
	}
	series := make([]model.Series, 1+r.IntN(4))
	for i := range series {
		series[i] = randomSeries(r, site.Services)
	}
	return &model.Input{Site: site}, series
}

func TestDataJSONIsEncodingJSON(t *testing.T) {
	check := func(s *model.Series, site *model.Site) {
		t.Helper()
		got, err := dataJSON(s, site)
		want, werr := dataJSONOld(s, site)
		if err != nil || werr != nil {
			t.Fatalf("%q: error %v, encoding/json's %v", s.Indicator.ID, err, werr)
		}
		if string(got) != string(want) {
			t.Fatalf("data.json of %q:\n%s\nwant\n%s", s.Indicator.ID, got, want)
		}
	}
	in, series := exampleSite(t)
	for i := range series {
		check(&series[i], &in.Site)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 1000 {
		in, series := randomInput(r)
		for i := range series {
			check(&series[i], &in.Site)
		}
	}
}

// A figure JSON cannot hold is an error, as it was.
func TestDataJSONRefusesNaN(t *testing.T) {
	_, series := exampleSite(t)
	s := series[0]
	s.Points = append([]model.Point(nil), s.Points...)
	s.Points[0].Value = model.Some(math.NaN())
	s.Points[0].Withheld = false
	_, err := dataJSON(&s, &model.Site{})
	_, werr := dataJSONOld(&s, &model.Site{})
	if err == nil || werr == nil || err.Error() != werr.Error() {
		t.Errorf("error %v, encoding/json's %v", err, werr)
	}
}

func TestCatalogueAndJSONLDAreEncodingJSON(t *testing.T) {
	check := func(b *builder) {
		t.Helper()
		got, err := b.catalogue()
		want, werr := b.catalogueOld()
		if err != nil || werr != nil {
			t.Fatalf("catalogue: error %v, encoding/json's %v", err, werr)
		}
		if string(got) != string(want) {
			t.Fatalf("catalogue:\n%s\nwant\n%s", got, want)
		}
		// Streamed, a few indicators at a time: the same bytes.
		var file streamedFile
		b.o.Create = func(path string) (io.WriteCloser, error) {
			if path != "data/catalogue.json" {
				t.Fatalf("catalogue written to %s", path)
			}
			return &file, nil
		}
		b.o.Emit = func(string, []byte) error { return nil }
		held, n, err := b.catalogueFile()
		b.o.Create, b.o.Emit = nil, nil
		if err != nil || held != nil || n != len(want) || file.String() != string(want) || !file.closed {
			t.Fatalf("streamed catalogue: error %v, %d bytes held, size %d of %d, closed %v, same %v",
				err, len(held), n, len(want), file.closed, file.String() == string(want))
		}
		for i := range b.series {
			s := &b.series[i]
			want, err := b.datasetJSONLDOld(s)
			if err != nil {
				t.Fatal(err)
			}
			files, err := b.dataFilesOf(s)
			if err != nil {
				t.Fatal(err)
			}
			if got := b.datasetJSONLD(s, len(files.CSV), len(files.JSON)); got != want {
				t.Fatalf("JSON-LD of %q:\n%s\nwant\n%s", s.Indicator.ID, got, want)
			}
		}
	}
	check(jsonBuilder(exampleSite(t)))
	r := rand.New(rand.NewPCG(7, 8))
	for range 300 {
		in, series := randomInput(r)
		for i := range series {
			// The old JSON-LD made the data files again, and data.csv
			// needs a comparator of one area to name it.
			series[i].Comparators = nil
		}
		check(jsonBuilder(in, series))
	}
}

func TestSearchIndexIsEncodingJSON(t *testing.T) {
	check := func(idx searchIndex) {
		t.Helper()
		if got, want := string(idx.json()), marshal(t, idx); got != want {
			t.Fatalf("search/index.json:\n%s\nwant\n%s", got, want)
		}
	}
	check(searchIndex{})
	check(searchIndex{Services: []string{}, Indicators: []searchEntry{}})
	in, series := exampleSite(t)
	idx := searchIndex{Services: []string{}}
	for _, svc := range in.Site.Services {
		idx.Services = append(idx.Services, svc.Name)
	}
	for i := range series {
		ind := series[i].Indicator
		idx.Indicators = append(idx.Indicators, searchEntry{ID: ind.ID, Name: ind.Name(), Title: ind.Title, Codes: codesOf(ind), Service: i % 3, Definition: ind.Definition, Retired: !ind.IsActive()})
	}
	check(idx)
	r := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		idx := searchIndex{}
		for range r.IntN(4) {
			idx.Services = append(idx.Services, hostileString(r))
		}
		for range r.IntN(4) {
			e := searchEntry{ID: hostileString(r), Name: hostileString(r), Title: hostileString(r), Service: r.IntN(5) - 1, Definition: hostileString(r), Retired: r.IntN(2) == 0}
			switch r.IntN(3) {
			case 1:
				e.Codes = []string{}
			case 2:
				e.Codes = []string{hostileString(r), hostileString(r)}
			}
			idx.Indicators = append(idx.Indicators, e)
		}
		check(idx)
	}
}

// BenchmarkDataJSON compares jsonWriter with encoding/json on one
// indicator of 40 quarters (go test -bench DataJSON -benchmem).
func BenchmarkDataJSON(b *testing.B) {
	bl, s := benchBuilder(b)
	for _, bc := range []struct {
		name string
		f    func(*model.Series, *model.Site) ([]byte, error)
	}{{"writer", dataJSON}, {"encoding-json", dataJSONOld}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.f(s, &bl.in.Site); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// streamedFile is a file written through Options.Create, in memory.
type streamedFile struct {
	bytes.Buffer
	closed bool
}

func (f *streamedFile) Close() error {
	f.closed = true
	return nil
}
