package chart

// The palette: four colours, checked against white. Dark blue and
// near-black are text-safe (above 4.5:1); grey is only for gridlines and
// tick marks, the amber tint only for the band behind the lines.
const (
	colourValues = "#12436d" // dark blue, 10.4:1: values line, markers, latest figure
	colourText   = "#0b0c0c" // near-black, 19.5:1: text, target line, zero line
	colourBand   = "#fde9b5" // light amber (GOV.UK yellow #ffdd00 and amber #ffbf47 tint): near-target band
	colourGrid   = "#b1b4b6" // mid grey: gridlines and tick marks
	colourWhite  = "#ffffff" // background, marker rims and text halos
)

// Sizes, in viewBox units. The chart is 640 units wide; at 22 units text is
// 11 CSS pixels when the chart is shown 320 pixels wide.
const (
	chartWidth = 640.0
	fontSize   = 22.0 // tick labels, direct labels, notes
	titleSize  = 26.0 // the visible title of a standalone chart
	lineHeight = 28.0 // between lines of notes
	titleLead  = 32.0 // between lines of the visible title
	edge       = 8.0  // blank margin inside the viewBox
	plotHeight = 230.0
	innerPad   = 14.0 // between the plot's sides and the first and last periods
	labelGap   = 16.0 // least space between two x-axis labels
	markerR    = 5.0
	valueGap   = markerR + 6 // from the latest marker to its label
	targetGap  = 8.0         // from the target line's end to its label
	valueWidth = 3.0
	targetDash = "8 5"
	maxTitleLn = 2
	sparkW     = 120.0
	sparkH     = 32.0
)
