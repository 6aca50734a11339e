// Package model holds the domain values of kpisite: periods, missing-aware
// numbers, indicator definitions, observations, computed series and the
// problems found in a site's inputs. It imports the standard library only;
// every other stage of the pipeline (load, validate, kpi, render, publish)
// speaks in these types.
package model
