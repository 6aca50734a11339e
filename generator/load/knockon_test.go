package load

import "testing"

// A file that cannot be read is reported once, not once for every row
// that names its indicators; a semicolon-separated file once, not once a
// column.
func TestRootCausesOnly(t *testing.T) {
	site := map[string]string{
		"site.toml":                          "title = \"T\"\norganisation = \"O\"\nbase_url = \"/\"\n[[committee]]\nid = \"c\"\nname = \"C\"\n[[service]]\nid = \"s\"\nname = \"S\"\ncommittee = \"c\"\n",
		"data/indicators/a.toml":             "[[indicator]]\nid = \"a\"\ntitle = \"Caf\xe9 visits \xa3\"\nservice = \"s\"\nfrequency = \"quarterly\"\nunit = \"count\"\npolarity = \"higher\"\n",
		"data/indicators/b.toml":             "[[indicator]]\nid = \"b\"\ntitle = \"B\"\nservice = \"s\"\nfrequency = \"quarterly\"\nunit = \"count\"\npolarity = \"higher\"\n",
		"data/values/a.csv":                  "indicator,period,value\na,2022/23 Q1,1\na,2022/23 Q2,2\nb,2022/23 Q1,3\nc,2022/23 Q1,4\n",
		"data/values/semi.csv":               "indicator;period;value\nb;2022/23 Q2;1\nb;2022/23 Q3;2\n",
		"content/commentary/2022-23-q1/a.md": "Fine.\n",
	}
	in, ps := Site(mapFS(site))
	checkProblems(t, ps, []string{
		`data/indicators/a.toml:3:13: file is not valid UTF-8 (it may be Windows-1252 or Latin-1); save it as UTF-8 in a plain-text editor (write £ and other characters again if they were pasted from another program)`,
		`data/values/a.csv: warning: 2 rows name indicators defined in data/indicators/a.toml, which could not be read; they are checked once it is fixed`,
		`data/values/a.csv:5:1: column "indicator": "c" is not an indicator id; did you mean "b"?`,
		`data/values/semi.csv:1:1: the header "indicator;period;value" is separated by semicolons; expected commas, such as indicator,period,value,flag,note (save as "CSV UTF-8 (Comma delimited)" from Excel, or choose comma as the separator when exporting)`,
	})
	if in.UnreadIndicators["a"] != "data/indicators/a.toml" || len(in.Observations) != 1 {
		t.Errorf("unread %v, observations %v", in.UnreadIndicators, in.Observations)
	}
}
