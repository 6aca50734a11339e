package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kpisite/generator/model"
)

func TestSafeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"data/values/a.csv:3: plain", "data/values/a.csv:3: plain"},
		{"::error::pwned", `\x3a:error::pwned`},
		{"  ::add-mask::secret", `  \x3a:add-mask::secret`},
		{"a\n::error::x", `a\n::error::x`},
		{"a\r\n::stop-commands::t", `a\r\n::stop-commands::t`},
		{"red \x1b[31mtext\x1b[0m", `red \x1b[31mtext\x1b[0m`},
		{"bell\a del\x7f c1\u0085", `bell\x07 del\x7f c1\x85`},
		{"rtl \u202egnp.exe", `rtl \u202egnp.exe`},
		{"tab\there £12 é", `tab\there £12 é`},
	}
	for _, tt := range tests {
		if got := safeText(tt.in); got != tt.want {
			t.Errorf("safeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A cell or file name cannot start a workflow command or hide text, in
// the text or the github format.
func TestProblemOutputIsInert(t *testing.T) {
	ps := model.Problems{
		{Pos: model.Position{Path: "data/values/a\n::error::b.csv", Line: 2, Column: 3}, Message: "cell \"x\n::add-mask::y\x1b[2J\" is bad, 100%"},
	}
	var text, gh bytes.Buffer
	if err := writeText(&text, ps); err != nil {
		t.Fatal(err)
	}
	if err := writeGitHub(&gh, ps); err != nil {
		t.Fatal(err)
	}
	wantText := `data/values/a\n::error::b.csv:2:3: cell "x\n::add-mask::y\x1b[2J" is bad, 100%` + "\n"
	if text.String() != wantText {
		t.Errorf("text:\n%q\nwant\n%q", text.String(), wantText)
	}
	wantGH := `::error file=data/values/a%0A%3A%3Aerror%3A%3Ab.csv,line=2,col=3::cell "x%0A::add-mask::y\x1b[2J" is bad, 100%25` + "\n"
	if gh.String() != wantGH {
		t.Errorf("github:\n%q\nwant\n%q", gh.String(), wantGH)
	}
	for _, out := range []string{text.String(), gh.String()} {
		if n := strings.Count(out, "\n"); n != 1 {
			t.Errorf("%d lines for one problem: %q", n, out)
		}
		if strings.ContainsRune(out, 0x1b) {
			t.Errorf("escape character printed: %q", out)
		}
	}
}

// A flood of errors in one file is cut to 50 and a count.
func TestCheckCapsErrorsPerFile(t *testing.T) {
	site := mustSmallSite(t)
	var rows strings.Builder
	for i := 0; i < 200; i++ {
		rows.WriteString("library-visits,2024/25 Q3,4l2,,,\n")
	}
	f, err := os.OpenFile(filepath.Join(site, "data", "values", "libraries.csv"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(rows.String())
	f.Close()
	for _, format := range []string{"text", "github"} {
		code, stdout, stderr := runCLI(t, "check", "-s", site, "--format", format)
		got := len(regexp.MustCompile(`(?m)^data/values/libraries.csv:\d+`).FindAllString(stdout, -1))
		if code != exitInput || got != 50 && format == "text" || strings.Count(stdout, "libraries.csv,line=") > 50 || !strings.Contains(stdout, "... and 150 more in data/values/libraries.csv") || !strings.Contains(stderr, "200 errors") {
			t.Errorf("%s: exit %d, %d lines name the file\n%s\n%s", format, code, got, stdout[max(0, len(stdout)-300):], stderr)
		}
	}
}
