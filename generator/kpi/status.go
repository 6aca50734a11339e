package kpi

import (
	"math"

	"kpisite/generator/model"
)

// relEps is the relative slack used when comparing a figure with a target
// or an amber edge.
const relEps = 1e-9

// atLeast reports whether v ≥ edge, forgiving floating-point error.
func atLeast(v, edge float64) bool {
	return v >= edge-relEps*math.Max(1, math.Abs(edge))
}

// atMost reports whether v ≤ edge, forgiving floating-point error.
func atMost(v, edge float64) bool {
	return v <= edge+relEps*math.Max(1, math.Abs(edge))
}

// RAG returns the status of value against target for a polarity, with
// amber tolerance t (a fraction: 0.05 is 5%).
func RAG(value, target float64, pol model.Polarity, t float64) model.Status {
	switch pol {
	case model.HigherIsBetter:
		switch {
		case atLeast(value, target):
			return model.Green
		case atLeast(value, target-math.Abs(target)*t):
			return model.Amber
		}
		return model.Red
	case model.LowerIsBetter:
		switch {
		case atMost(value, target):
			return model.Green
		case atMost(value, target+math.Abs(target)*t):
			return model.Amber
		}
		return model.Red
	}
	return model.NoTarget
}

// RAGEdge returns the status of value against target with the near-target
// band ending at edge (missing: no band, so anything short of the target
// is red).
func RAGEdge(value, target float64, edge model.Value, pol model.Polarity) model.Status {
	switch pol {
	case model.HigherIsBetter:
		switch {
		case atLeast(value, target):
			return model.Green
		case edge.Valid && atLeast(value, edge.V):
			return model.Amber
		}
		return model.Red
	case model.LowerIsBetter:
		switch {
		case atMost(value, target):
			return model.Green
		case edge.Valid && atMost(value, edge.V):
			return model.Amber
		}
		return model.Red
	}
	return model.NoTarget
}

// Travel returns the direction of travel from before to now.
func Travel(now, before float64, pol model.Polarity) model.Direction {
	switch {
	case now == before:
		return model.NoChange
	case pol == model.Neutral && now > before:
		return model.Up
	case pol == model.Neutral:
		return model.Down
	case (now > before) == (pol == model.HigherIsBetter):
		return model.Improving
	}
	return model.Worsening
}
