package site

// dropObservations lets the garbage collector have the raw observations
// once a build has checked and computed them: render works from the
// computed series, which hold every figure again, so a large site would
// otherwise keep its figures twice while its pages are rendered. The
// Checked value that Build returns then has no observations.
func dropObservations(c *Checked) {
	c.Input.Observations = nil
}
