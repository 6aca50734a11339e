package model

import "math"

// Value is a number that may be missing. The zero Value is missing: a
// missing figure must never turn into 0.
type Value struct {
	V     float64
	Valid bool
}

// Some returns a present Value.
func Some(v float64) Value { return Value{V: v, Valid: true} }

// None is a missing Value.
var None = Value{}

// Missing reports whether v holds no number.
func (v Value) Missing() bool { return !v.Valid }

// Float returns v's number and whether it is present.
func (v Value) Float() (float64, bool) { return v.V, v.Valid }

// Round returns v rounded to n decimals (half away from zero), as shown on
// pages. A missing value stays missing.
func (v Value) Round(n int) Value {
	if !v.Valid {
		return v
	}
	p := math.Pow(10, float64(n))
	return Some(math.Round(v.V*p) / p)
}
