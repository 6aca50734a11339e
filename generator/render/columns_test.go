package render

import "testing"

func TestColumns(t *testing.T) {
	for _, tc := range []struct {
		name      string
		rows      [][3]string
		hasTarget bool
		period    string
	}{
		{"none", nil, false, ""},
		{"no targets, one period", [][3]string{{"", "no-target", "2022/23 Q1"}, {"", "no-target", "2022/23 Q1"}}, false, "2022/23 Q1"},
		{"a target", [][3]string{{"", "no-target", "2022/23 Q1"}, {"430", "amber", "2022/23 Q1"}}, true, "2022/23 Q1"},
		{"a status set by the service", [][3]string{{"", "green", "2022/23 Q1"}}, true, "2022/23 Q1"},
		{"withheld and no data do not need a target", [][3]string{{"", "withheld", "2022/23 Q1"}, {"", "no-data", ""}}, false, ""},
		{"periods differ", [][3]string{{"1", "red", "2022/23 Q1"}, {"2", "green", "latest: 2021/22"}}, true, ""},
	} {
		h, p := columns(tc.rows)
		if h != tc.hasTarget || p != tc.period {
			t.Errorf("%s: columns = %v, %q; want %v, %q", tc.name, h, p, tc.hasTarget, tc.period)
		}
	}
}

func TestSize(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "1 KB"}, {1012, "1 KB"}, {1535, "1 KB"}, {1536, "2 KB"}, {24 * 1024, "24 KB"}, {1024*1024 + 200*1024, "1.2 MB"},
	} {
		if got := size(make([]byte, tc.n)); got != tc.want {
			t.Errorf("size(%d bytes) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
