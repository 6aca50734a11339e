// Package chart draws an indicator's published series as an accessible SVG
// line chart, a sparkline for scorecard rows, and a print-resolution PNG for
// committee papers.
//
// # Design
//
// The chart follows the UK Government Analysis Function guidance on charts:
//
//   - one line of values with a circle marker on every period, in dark blue
//     (#12436D), markers dropped where periods crowd (only the latest and
//     lone figures keep theirs); the latest figure is written beside it;
//   - the target as a black dashed line, labelled "Target" at its right end
//     (direct labels, no legend); a moving target (last year's figure, a
//     rolling average) as a short solid bar at each period, named by a note
//     under the plot; where the indicator has a polarity and a tolerance, a
//     light amber band marks "near target": target×(1−t) up to the target
//     for "higher is better", target up to target×(1+t) for "lower is
//     better" — but only where it means something (not at a target of 0,
//     not narrower than 1 for a count, not more than half the plot, not
//     behind a moving target);
//   - one y axis, its unit written horizontally above it (format.UnitLabel),
//     tick labels in en-GB style (format.Compact: 1,234 / 65% / £1.2m) on
//     round steps of 1, 2 or 5 × 10ⁿ, never finer than the indicator's
//     decimals;
//   - the y axis starts at zero unless the data sit far from zero, that is
//     unless the lowest value is further from zero than the spread of the
//     data (lowest > highest/2; mirrored for negative data). A flat series
//     (every value equal) is drawn from zero so it still has a height;
//   - period labels ("Q1 22/23") thinned to every 2nd, 4th, 8th… period so
//     that they never overlap, counted back from the latest period, which is
//     always labelled; the first period is labelled too when it fits;
//   - a missing or withheld figure is a gap in the line, never a zero, and a
//     note under the plot names the gap ("Gap: no data for Q2 20/21.");
//     a withheld figure is never drawn or written: it has already been
//     removed from model.Point.Value;
//   - a year-to-date (cumulative) indicator's line starts again with each
//     financial year, so the fall from one year's total to the next year's
//     first period is not drawn as a drop;
//   - at most four colours (dark blue, near-black #0B0C0C, a light amber tint
//     and a mid grey for gridlines), marks at least 3:1 and text at least
//     4.5:1 against white. Colour is never the only cue: the target is dashed
//     and the values are solid with markers, so the chart survives greyscale
//     printing.
//
// # Accessibility
//
// The root element is <svg role="img" aria-labelledby="P-title P-desc">
// with a <title> saying what the chart shows and a <desc> stating the trend
// in words (Describe: latest against first, highest, lowest, against
// target, gaps), computed from the same rounded figures the page's table
// shows. Every drawn element sits in a <g aria-hidden="true">, so a screen
// reader hears the title and description once, not a stream of tick
// labels. The id prefix (Options.IDPrefix) lets several charts share a page.
//
// The chart scales by its viewBox; the inline version sets width="100%"
// and no height. Text is 22 units. SVG draws one chart 640 units wide (the
// chart.svg file, the PNG); Inline draws the page's chart three times, for
// three column widths, so that its text is about 14-16 CSS pixels wherever
// it is shown (see inline.go). Text uses the page's font stack. Every element carries presentation
// attributes (fill, stroke, font-size), so the chart is complete with CSS
// off, while class names (kpi-chart, kpi-chart-values, …) allow theming.
// Every string that comes from the input is XML-escaped at the point it is
// written; the output is therefore safe to place in a page unescaped.
//
// The inline chart has no visible title: the page puts it in a <figure>
// whose <figcaption> carries the title. Standalone charts (chart.svg, and
// the PNG) draw the title themselves, wrapped to two lines and shortened
// with an ellipsis when longer; <title> always holds the full text.
//
// # Speed
//
// Stock go-chart builds a new font face for every text measurement. This
// package lays the chart out itself and measures text with the advance
// widths of go-chart's default font (Roboto Medium), read once per process
// into an immutable table, and leaves 12% slack beyond the measured width
// so that browsers falling back to wider faces (DejaVu Sans) do not clip
// or collide either. A chart is a small display list (scene) that is
// written as SVG directly into one buffer, or replayed on go-chart's PNG
// renderer, so the two formats cannot drift apart. Output is deterministic:
// coordinates are written with one decimal.
package chart
