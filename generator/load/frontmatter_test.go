package load

import (
	"testing"

	"kpisite/generator/model"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		front    string // "<nil>" for no front matter
		body     string
		bodyLine int
		err      error
	}{
		{"no front matter", "# Title\n\nText\n", "<nil>", "# Title\n\nText\n", 1, nil},
		{"empty file", "", "<nil>", "", 1, nil},
		{"front matter", "+++\ntitle = \"About\"\n+++\n# About\n", "title = \"About\"\n", "# About\n", 4, nil},
		{"two keys", "+++\ntitle = \"A\"\ndraft = true\n+++\nBody", "title = \"A\"\ndraft = true\n", "Body", 5, nil},
		{"CRLF", "+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n", "title = \"A\"\r\n", "Body\r\n", 4, nil},
		{"trailing spaces on fences", "+++  \ntitle = \"A\"\n+++\t\nBody", "title = \"A\"\n", "Body", 4, nil},
		{"byte-order mark", "\ufeff+++\ntitle = \"A\"\n+++\nBody", "title = \"A\"\n", "Body", 4, nil},
		{"empty front matter", "+++\n+++\nBody", "", "Body", 3, nil},
		{"closing fence at end of file", "+++\ntitle = \"A\"\n+++", "title = \"A\"\n", "", 4, nil},
		{"body empty", "+++\ntitle = \"A\"\n+++\n", "title = \"A\"\n", "", 4, nil},
		{"fence later in the file is body", "Intro\n+++\nx = 1\n+++\n", "<nil>", "Intro\n+++\nx = 1\n+++\n", 1, nil},
		{"four pluses is not a fence", "++++\ntitle = \"A\"\n++++\n", "<nil>", "++++\ntitle = \"A\"\n++++\n", 1, nil},
		{"indented fence is not a fence", " +++\nx\n+++\n", "<nil>", " +++\nx\n+++\n", 1, nil},
		{"unclosed", "+++\ntitle = \"A\"\n# About\n", "<nil>", "", 1, ErrUnclosedFrontMatter},
		{"only the opening fence", "+++", "<nil>", "", 1, ErrUnclosedFrontMatter},
		{"opening fence and newline", "+++\n", "<nil>", "", 1, ErrUnclosedFrontMatter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front, body, line, err := SplitFrontMatter([]byte(tt.in))
			if err != tt.err {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			gotFront := string(front)
			if front == nil {
				gotFront = "<nil>"
			}
			if gotFront != tt.front || string(body) != tt.body || line != tt.bodyLine {
				t.Errorf("SplitFrontMatter(%q) = %q, %q, %d; want %q, %q, %d", tt.in, gotFront, body, line, tt.front, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestParsePage(t *testing.T) {
	const path = "content/about.md"
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain Markdown", "# About\n", nil},
		{"all keys", "+++\ntitle = \"About\"\nauthor = \"Performance team\"\ndate = 2022-07-21\ndraft = true\n+++\n# About\n", nil},
		{"date as a string", "+++\ndate = \"2022-07-21\"\n+++\n", nil},
		{"unknown key with suggestion", "+++\ntitel = \"About\"\n+++\n", []string{
			`content/about.md:2:1: unknown key "titel"; did you mean "title"?`}},
		{"unknown key without suggestion", "+++\nlayout = \"wide\"\n+++\n", []string{
			`content/about.md:2:1: unknown key "layout"; expected one of title, author, date, draft`}},
		{"bad TOML is positioned in the Markdown file", "+++\ntitle = \"About\"\ndraft = yes\n+++\n", []string{
			`content/about.md:3:9: TOML syntax error: expected value but found "yes" instead; expected valid TOML such as key = "text" (see https://toml.io)`}},
		{"wrong type", "+++\ndraft = \"yes\"\n+++\n", []string{
			`content/about.md:2:1: key "draft": "yes" is a string; expected true or false`}},
		{"bad date", "+++\ndate = \"21/07/2022\"\n+++\n", []string{
			`content/about.md:2:1: key "date": "21/07/2022" is a string; expected a date such as 2022-07-21`}},
		{"unclosed", "+++\ntitle = \"About\"\n", []string{
			`content/about.md:1: front matter opened with +++ on line 1 is not closed; expected a line holding only +++ after it`}},
		{"YAML front matter", "---\ntitle: About\n---\n# About\n", []string{
			`content/about.md:1: warning: the file starts with a --- block, which looks like YAML front matter and will be shown as text; expected TOML front matter between +++ lines, such as title = "About"`}},
		{"thematic break is not YAML", "---\n\nText\n\n---\n", nil},
		{"not UTF-8", "# Caf\xe9\n", []string{
			`content/about.md:1:6: file is not valid UTF-8 (it may be Windows-1252 or Latin-1); save it as UTF-8 in your editor`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps model.Problems
			ParsePage(path, []byte(tt.in), &ps)
			checkProblems(t, ps, tt.want)
		})
	}
}

func TestParsePageFields(t *testing.T) {
	var ps model.Problems
	page, ok := ParsePage("content/about.md", []byte("+++\ntitle = \"About\"\nauthor = \"Team\"\ndate = 2022-07-21\ndraft = true\n+++\n# About\n"), &ps)
	if !ok || len(ps) > 0 {
		t.Fatalf("ParsePage: %v %v", ok, lines(ps))
	}
	if page.Title != "About" || page.Author != "Team" || page.Date.Format("2006-01-02") != "2022-07-21" || !page.Draft || string(page.Body) != "# About\n" || page.BodyLine != 7 {
		t.Errorf("page = %+v", page)
	}
}
