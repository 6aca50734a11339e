// Package kpi computes what a page shows from what an analyst supplied:
// each indicator's published figures, targets, RAG status, direction of
// travel and the plain-English summary sentence (SPEC section 4).
//
// It is pure: values in, values out, no clock and no files. The rules, in
// the order they are applied to each indicator:
//
//  1. Points run without gaps from the first to the last period that has a
//     row. A period with no row is a point with no data.
//  2. Value is the row's value, or 100 × numerator / denominator.
//  3. Withholding: a row flagged c, or (with suppress_below = n) a value
//     from 1 to n-1, is withheld. Its figure is removed before anything
//     else sees it, so no later step (targets from earlier years, ytd
//     totals, direction, sentences, charts, downloads) can reveal it.
//  4. Year to date (measure = "ytd"): the published figure is the sum of
//     the period figures from the start of the financial year. If a period
//     in the year has no figure, the total cannot be worked out for that
//     period and the rest of that year. If a period's own figure is
//     withheld, the totals from that period to the end of the year are
//     withheld too (otherwise subtracting two totals would reveal it).
//  5. Target: the row's target column, else the indicator's rule: fixed;
//     reference (the same period of the reference financial year);
//     previous_year (the same period a year earlier); rolling_average
//     (the mean of the same period in each of the previous N years, all N
//     needed); none. Derived targets use published figures only. A target
//     that cannot be worked out gives "no target" for that period and one
//     warning per indicator listing the periods, except where the history
//     it needs lies before the indicator's first row (the first year of a
//     previous_year target cannot have one: that is expected, not a
//     problem to fix).
//  6. Status compares the published figure, rounded to the decimals the
//     page shows, with the target: higher is better: green if value ≥
//     target, amber if value ≥ target × (1 − t), else red; lower is the
//     mirror image. Edges are compared with a relative tolerance of 1e-9
//     so that floating-point error never moves a value exactly on the
//     target or on the amber edge to the wrong side. Neutral indicators
//     and points with no target are "no-target"; no figure is "no-data",
//     a withheld figure "withheld".
//  7. Direction of travel compares the rounded published figure with the
//     same period a year earlier (compare = "previous_year", the default)
//     or the previous period; equal rounded figures are "no-change";
//     neutral indicators go "up" or "down".
package kpi
