package opensdg

import "strings"

// unitOf maps an Open SDG unit (a Units cell or computation_units) to a
// kpisite unit and, for rates, the rate base. known is false when the
// unit is a guess ("score").
func unitOf(label string) (unit string, ratePer int, known bool) {
	l := strings.ToLower(strings.TrimSpace(label))
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	switch {
	case l == "":
		return "count", 0, false
	case has("per 100,000", "per 100 000", "per 100000"):
		return "rate", 0, true
	case has("per 10,000", "per 10 000", "per 10000"):
		return "rate", 10000, true
	case has("per 1,000", "per 1 000", "per 1000"):
		return "rate", 1000, true
	case has("%", "percent", "proportion", "share of"):
		return "percent", 0, true
	case has("£", "gbp", "pound"):
		return "currency", 0, true
	case has("hours"):
		return "hours", 0, true
	case has("days"):
		return "days", 0, true
	case has("rank"):
		return "rank", 0, true
	case has("ratio"):
		return "ratio", 0, true
	case has("index", "score"):
		return "score", 0, true
	case has("number", "count", "people", "persons", "households", "total"):
		return "count", 0, true
	}
	return "score", 0, false
}
