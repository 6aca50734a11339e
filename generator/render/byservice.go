package render

import "kpisite/generator/model"

// seriesOf is the series of the service with the given id, in the order
// of the series. The index is built once, on first use: the scorecards
// and reports ask for every service, and a loop over every series for
// each would grow with services × indicators.
func (b *builder) seriesOf(service string) []*model.Series {
	b.byServiceOnce.Do(func() {
		b.byService = map[string][]*model.Series{}
		for i := range b.series {
			s := &b.series[i]
			b.byService[s.Indicator.Service] = append(b.byService[s.Indicator.Service], s)
		}
	})
	return b.byService[service]
}
