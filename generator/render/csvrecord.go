package render

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"

	"github.com/gocarina/gocsv"

	"kpisite/generator/model"
)

// The published CSV files (data.csv, data/all.csv) are typed records
// encoded with gocsv. Every cell is a type of ours with MarshalCSV, so
// that gocsv never chooses how a number or an empty cell is written: a
// missing figure stays an empty cell (gocsv would write a zero float as
// "0"), and every text cell is formula-safe.

// csvText is a text cell. It is written formula-safe (see formulaSafe).
// It has UnmarshalCSV too: gocsv treats a type with only one of the two
// as a nested struct.
type csvText string

func (t csvText) MarshalCSV() (string, error) { return formulaSafe(string(t)), nil }

func (t *csvText) UnmarshalCSV(s string) error { *t = csvText(s); return nil }

// csvFigure is a figure cell: plain digits at the indicator's decimals,
// no separators; "[c]" when withheld, "[x]" or "[z]" when flagged
// missing, else empty.
type csvFigure struct {
	v        model.Value
	decimals int
	withheld bool
	flag     model.Flag
}

func (f csvFigure) MarshalCSV() (string, error) {
	switch {
	case f.withheld:
		return "[c]", nil
	case f.v.Valid:
		return strconv.FormatFloat(f.v.Round(f.decimals).V, 'f', f.decimals, 64), nil
	case f.flag == model.FlagNotAvailable || f.flag == model.FlagNotApplicable:
		return "[" + string(f.flag) + "]", nil
	}
	return "", nil
}

func (f *csvFigure) UnmarshalCSV(string) error {
	return fmt.Errorf("published figures are written, never read")
}

// csvRecord is a row of an indicator's data.csv.
type csvRecord struct {
	Indicator csvText   `csv:"indicator"`
	Period    csvText   `csv:"period"`
	Value     csvFigure `csv:"value"`
	Target    csvFigure `csv:"target"`
	Status    csvText   `csv:"status"`
	Direction csvText   `csv:"direction"`
	Flag      csvText   `csv:"flag"`
	Note      csvText   `csv:"note"`
}

// csvYTDRecord is a row of data/all.csv and of the data.csv of a ytd
// indicator: it adds the period's own figure.
type csvYTDRecord struct {
	Indicator   csvText   `csv:"indicator"`
	Period      csvText   `csv:"period"`
	Value       csvFigure `csv:"value"`
	PeriodValue csvFigure `csv:"period_value"`
	Target      csvFigure `csv:"target"`
	Status      csvText   `csv:"status"`
	Direction   csvText   `csv:"direction"`
	Flag        csvText   `csv:"flag"`
	Note        csvText   `csv:"note"`
}

// csvYTDRecords are the rows of one series, one per period with a row in
// the inputs.
func csvYTDRecords(s *model.Series) []csvYTDRecord {
	ind := s.Indicator
	var out []csvYTDRecord
	for i := range s.Points {
		p := &s.Points[i]
		if !p.HasRow {
			continue
		}
		fig := func(v model.Value) csvFigure {
			return csvFigure{v: v, decimals: ind.Decimals, withheld: p.Withheld, flag: p.Flag}
		}
		out = append(out, csvYTDRecord{
			Indicator: csvText(ind.ID), Period: csvText(p.Period.String()),
			Value: fig(p.Value), PeriodValue: fig(p.PeriodValue),
			Target:    csvFigure{v: p.Target, decimals: ind.Decimals},
			Status:    csvText(p.Status),
			Direction: csvText(p.Direction),
			Flag:      csvText(publishedFlag(p)),
			Note:      csvText(p.Note),
		})
	}
	return out
}

// plain drops the period_value column.
func (r csvYTDRecord) plain() csvRecord {
	return csvRecord{Indicator: r.Indicator, Period: r.Period, Value: r.Value, Target: r.Target,
		Status: r.Status, Direction: r.Direction, Flag: r.Flag, Note: r.Note}
}

// encodeCSV writes records (a slice of one of the record types) with
// their header, as encoding/csv writes them: comma-separated, LF line
// ends, quotes only where needed. It writes through a writer of its own,
// never through gocsv's package-level settings.
func encodeCSV(records any) ([]byte, error) {
	var buf bytes.Buffer
	if err := gocsv.MarshalCSV(records, gocsv.NewSafeCSVWriter(csv.NewWriter(&buf))); err != nil {
		return nil, fmt.Errorf("encode CSV: %w", err)
	}
	return buf.Bytes(), nil
}

// dataCSV is indicators/<id>/data.csv: one row per period with a row in
// the inputs.
func dataCSV(s *model.Series) ([]byte, error) {
	recs := csvYTDRecords(s)
	if s.Indicator.Measure == model.MeasureYTD {
		if recs == nil {
			recs = []csvYTDRecord{}
		}
		return encodeCSV(recs)
	}
	plain := make([]csvRecord, len(recs))
	for i, r := range recs {
		plain[i] = r.plain()
	}
	return encodeCSV(plain)
}
