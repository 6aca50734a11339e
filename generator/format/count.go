package format

// Count writes a number of things with the noun in the right number:
// Count(1, "chart", "charts") = "1 chart", Count(2, …) = "2 charts".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Number(float64(n), 0) + " " + many
}
