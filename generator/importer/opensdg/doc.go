// Package opensdg turns an Open SDG data repository into a kpisite site
// (kpisite import opensdg DIR -o SITE), so that a council publishing with
// Open SDG can move without retyping.
//
// It reads:
//
//	data/indicator_<id>.csv   tidy data: Year, disaggregation columns, and
//	                          optionally Units (or "Unit measure"), Series,
//	                          GeoCode, "Observation status", "Unit
//	                          multiplier"; then Value
//	meta/<id>.md              YAML front matter (also meta/indicator_<id>.md
//	meta/<id>.yml             and plain YAML files): indicator_name,
//	                          indicator_number, computation_units,
//	                          indicator_definition, source_organisation_1,
//	                          source_url_1, national_geographical_coverage,
//	                          sdg_goal
//
// and writes, in memory (Files), the files of a site:
//
//	site.toml                 one committee, one service per goal, one
//	                          [[breakdown]] per disaggregation column
//	data/indicators/<id>.toml one per indicator: annual, calendar years,
//	                          unit and unit_label from Units, breakdowns
//	data/values/<id>.csv      long format: indicator, period, value, flag,
//	                          one column per breakdown
//	content/_index.md         a home page saying where the figures came from
//
// Each Series in a data file becomes an indicator of its own
// (<id>-<series>); a series must have one unit. Rows whose disaggregation
// columns are all empty are the headline figures. GeoCode is not carried
// over (kpisite draws no maps; the geographic disaggregation column is
// kept as a breakdown). Polarity is not in Open SDG's data, so every
// indicator is written "neutral" with a note to set it.
//
// What cannot be mapped is an error positioned in the Open SDG file
// (a Year that is not a whole calendar year, two units in one series, a
// repeated figure, a Unit multiplier other than units); when there is
// any error, no file is written. Guesses (a unit not known to kpisite,
// a missing meta file) are warnings.
package opensdg
