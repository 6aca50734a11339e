package model

import "fmt"

// Flag is a GSS shorthand mark on an observation.
type Flag string

// The flags of SPEC 3.4.
const (
	FlagNone           Flag = ""
	FlagProvisional    Flag = "p"
	FlagRevised        Flag = "r"
	FlagEstimated      Flag = "e"
	FlagLowReliability Flag = "u"
	FlagConfidential   Flag = "c"
	FlagNotAvailable   Flag = "x"
	FlagNotApplicable  Flag = "z"
)

// Flags lists every flag with its meaning, in the order keys are shown.
var Flags = []struct {
	Flag    Flag
	Meaning string
}{
	{FlagProvisional, "provisional"},
	{FlagRevised, "revised"},
	{FlagEstimated, "estimated"},
	{FlagLowReliability, "low reliability"},
	{FlagConfidential, "confidential (withheld to protect privacy)"},
	{FlagNotAvailable, "not available"},
	{FlagNotApplicable, "not applicable"},
}

// ParseFlag reads a flag letter.
func ParseFlag(s string) (Flag, error) {
	if s == "" {
		return FlagNone, nil
	}
	for _, f := range Flags {
		if string(f.Flag) == s {
			return f.Flag, nil
		}
	}
	return FlagNone, fmt.Errorf("%q is not a flag; expected one of p (provisional), r (revised), e (estimated), u (low reliability), c (confidential), x (not available), z (not applicable)", s)
}

// Meaning returns what the flag means, or "" for no flag.
func (f Flag) Meaning() string {
	for _, g := range Flags {
		if g.Flag == f {
			return g.Meaning
		}
	}
	return ""
}

// ExplainsMissing reports whether a flag accounts for a missing value.
func (f Flag) ExplainsMissing() bool {
	return f == FlagConfidential || f == FlagNotAvailable || f == FlagNotApplicable
}
