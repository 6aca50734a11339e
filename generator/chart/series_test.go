package chart

import (
	"math"

	"kpisite/generator/model"
)

// The series the tests draw, built by hand as kpi would compute them.

var q1 = model.Period{Freq: model.Quarterly, Year: 2019, Sub: 1}

func countIndicator() *model.Indicator {
	return &model.Indicator{
		ID: "idva-referrals", Title: "Number of referrals to the Independent Domestic Violence Advisor service",
		ShortTitle: "IDVA referrals", Unit: model.UnitCount, Polarity: model.HigherIsBetter,
		Frequency: model.Quarterly, Measure: model.MeasurePeriod, Noun: "referrals",
		Target: model.TargetRule{Kind: model.TargetFixed, Value: model.Some(430)},
	}
}

// points makes one point per value from start; NaN is a missing figure.
// Targets repeat the last given target; status follows polarity with tol.
func points(ind *model.Indicator, start model.Period, values []float64, targets []float64, tol float64) []model.Point {
	pts := make([]model.Point, len(values))
	for i, v := range values {
		p := model.Point{Period: start.Add(i), HasRow: true, Status: model.NoData}
		if !math.IsNaN(v) {
			p.Value, p.PeriodValue = model.Some(v), model.Some(v)
		}
		if len(targets) > 0 {
			t := targets[min(i, len(targets)-1)]
			if !math.IsNaN(t) {
				p.Target = model.Some(t)
			}
		}
		p.Status = status(ind, p.Value, p.Target, tol)
		pts[i] = p
	}
	return pts
}

func status(ind *model.Indicator, v, t model.Value, tol float64) model.Status {
	switch {
	case !v.Valid:
		return model.NoData
	case !t.Valid || ind.Polarity == model.Neutral:
		return model.NoTarget
	case ind.Polarity == model.HigherIsBetter && v.V >= t.V,
		ind.Polarity == model.LowerIsBetter && v.V <= t.V:
		return model.Green
	case ind.Polarity == model.HigherIsBetter && v.V >= t.V*(1-tol),
		ind.Polarity == model.LowerIsBetter && v.V <= t.V*(1+tol):
		return model.Amber
	}
	return model.Red
}

var nan = math.NaN()

// typicalCount: 13 quarters of a count with a fixed target and one gap.
func typicalCount() *model.Series {
	ind := countIndicator()
	vals := []float64{352, 371, 398, 410, 289, nan, 356, 388, 402, 417, 433, 441, 412}
	return &model.Series{Indicator: ind, Points: points(ind, q1, vals, []float64{430}, 0.05)}
}

// percentVarying: a percentage whose target steps up each year, with its
// own 10% tolerance, lower is better, and a withheld quarter.
func percentVarying() *model.Series {
	ind := &model.Indicator{
		ID: "repeat-referrals", Title: "Repeat referrals to MARAC within 12 months",
		Unit: model.UnitPercent, Decimals: 1, Polarity: model.LowerIsBetter, Frequency: model.Quarterly,
		Target: model.TargetRule{Kind: model.TargetPreviousYear, Tolerance: model.Some(0.10)},
	}
	vals := []float64{31.2, 29.8, 33.5, 30.1, 28.4, 27.9, 29.2, 26.5, 25.1, 24.8}
	targets := []float64{nan, nan, nan, nan, 31.2, 29.8, 33.5, 30.1, 28.4, 27.9}
	pts := points(ind, q1.Add(4), vals, targets, 0.10)
	pts[6].Value, pts[6].PeriodValue, pts[6].Withheld, pts[6].Status = model.None, model.None, true, model.Withheld
	pts[6].Flag = model.FlagConfidential
	return &model.Series{Indicator: ind, Points: pts}
}

// ytdSeries: a cumulative year-to-date count over two financial years.
func ytdSeries() *model.Series {
	ind := &model.Indicator{
		ID: "training-places", Title: "Domestic abuse training places taken up (year to date)",
		Unit: model.UnitCount, Polarity: model.HigherIsBetter, Frequency: model.Quarterly, Measure: model.MeasureYTD,
		Target: model.TargetRule{Kind: model.TargetFixed, Value: model.Some(1200)}, Noun: "places",
	}
	own := []float64{310, 280, 350, 330, 290, 305, 340}
	vals := make([]float64, len(own))
	targets := make([]float64, len(own))
	for i, v := range own {
		vals[i] = v
		if q1.Add(i).Sub > 1 {
			vals[i] += vals[i-1]
		}
		targets[i] = 1200 * float64(q1.Add(i).Sub) / 4
	}
	pts := points(ind, q1, vals, targets, 0.05)
	for i := range pts {
		pts[i].PeriodValue = model.Some(own[i])
	}
	return &model.Series{Indicator: ind, Points: pts}
}

func noDataSeries() *model.Series {
	return &model.Series{Indicator: countIndicator()}
}

func onePoint() *model.Series {
	ind := countIndicator()
	return &model.Series{Indicator: ind, Points: points(ind, q1.Add(12), []float64{412}, []float64{430}, 0.05)}
}

// fortyQuarters: the benchmark's typical chart, 40 quarters and a target.
func fortyQuarters() *model.Series {
	ind := countIndicator()
	vals := make([]float64, 40)
	for i := range vals {
		vals[i] = 380 + 60*math.Sin(float64(i)/3) + float64(i)
	}
	return &model.Series{Indicator: ind, Points: points(ind, q1.Add(-28), vals, []float64{430}, 0.05)}
}

// withValues is a count series of the given values with no target.
func withValues(title string, unit model.Unit, vals ...float64) *model.Series {
	ind := &model.Indicator{ID: "x", Title: title, Unit: unit, Polarity: model.Neutral, Frequency: model.Quarterly}
	return &model.Series{Indicator: ind, Points: points(ind, q1, vals, nil, 0)}
}
