package site

// dropForRender lets the garbage collector have what only checking needed
// once a build has checked and computed its input:
//   - the raw observations: render works from the computed series, which
//     hold every figure again, so a large site would otherwise keep its
//     figures twice while its pages are rendered;
//   - the position of every key of indicators.toml (Indicator.FieldPos),
//     which only problems report: render reports none at a key. PosOf
//     then gives the indicator's own [[indicator]] line.
//
// The Checked value that Build returns then has neither.
func dropForRender(c *Checked) {
	c.Input.Observations = nil
	for _, ind := range c.Input.Indicators {
		ind.FieldPos = nil
	}
}
