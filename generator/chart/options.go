package chart

import "kpisite/generator/format"

// Options configures a chart. The zero value draws an inline chart with id
// prefix "chart", a financial year starting in April and no amber band for
// indicators without their own tolerance.
type Options struct {
	FYStart        int     // financial year start month (4 = April), for period words
	AmberTolerance float64 // site tolerance for the amber band when the target has none of its own
	IDPrefix       string  // prefix for element ids; reduced to [a-z0-9-]
	Standalone     bool    // a complete .svg file: intrinsic size, background, visible title
	Untitled       bool    // with Standalone: leave the visible title out (the <title> element stays), for pages whose caption names the chart
	// Lang writes the chart's words (title, description, notes, axis
	// labels) in a language; nil writes English.
	Lang *format.Lang
}

// idPrefix reduces o.IDPrefix to lower-case letters, digits and single
// hyphens, so that it is safe in an id attribute and an IDREF list.
func (o Options) idPrefix() string {
	b := make([]byte, 0, len(o.IDPrefix))
	for i := 0; i < len(o.IDPrefix); i++ {
		c := o.IDPrefix[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			c = '-'
		}
		if c == '-' && (len(b) == 0 || b[len(b)-1] == '-') {
			continue
		}
		b = append(b, c)
	}
	for len(b) > 0 && b[len(b)-1] == '-' {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return "chart"
	}
	return string(b)
}
