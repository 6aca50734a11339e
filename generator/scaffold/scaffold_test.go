package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kpisite/generator/model"
	"kpisite/generator/site"
)

var today = time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)

// mustSite writes the starter site into a new temporary folder.
func mustSite(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "site")
	if _, err := Site(dir, today); err != nil {
		tb.Fatal(err)
	}
	return dir
}

func mustRead(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestSiteBuilds(t *testing.T) {
	dir := mustSite(t)
	files, c, err := site.Build(os.DirFS(dir), site.Options{BuildDate: today, Version: "test"})
	if err != nil {
		t.Fatalf("the new site does not build: %v\n%s", err, c.Problems)
	}
	// The only problem: the accessibility statement's FILL IN placeholders,
	// a warning until the council fills them in.
	if len(c.Problems) != 1 || c.Problems[0].Pos.Path != "content/accessibility.md" || !strings.Contains(c.Problems[0].Message, `"FILL IN" placeholder`) {
		t.Errorf("the new site has problems:\n%s", c.Problems)
	}
	for _, want := range []string{
		"index.html", "indicators/library-visits/index.html", "about/index.html",
		"accessibility/index.html", "services/libraries/index.html", "committees/communities/index.html",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("the new site has no %s", want)
		}
	}
	if got := c.Current.String(); got != "2024/25 Q2" {
		t.Errorf("current period %s, want the latest with data, 2024/25 Q2", got)
	}
	if !strings.Contains(mustRead(t, filepath.Join(dir, "site.toml")), "published = 2024-11-01") {
		t.Error("site.toml is not published today")
	}
	if !strings.Contains(mustRead(t, filepath.Join(dir, "content", "accessibility.md")), "FILL IN") {
		t.Error("the accessibility statement is not marked FILL IN")
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitignore")); err != nil {
		t.Error("the new site has no .gitignore for public/")
	}
}

// TestEveryFieldExplained holds the promise of the indicator files: every
// field of SPEC 3.2 (and kpisite's additions) is explained in both.
func TestEveryFieldExplained(t *testing.T) {
	dir := mustSite(t)
	if _, err := Indicator(dir, "new-one", today); err != nil {
		t.Fatal(err)
	}
	fields := []string{
		"id", "title", "short_title", "noun", "service", "frequency", "unit", "rate_per", "decimals",
		"polarity", "measure", "target", "baseline", "definition", "rationale", "source", "lead",
		"legacy_id", "status", "retired", "replaced_by", "outcome", "suppress_below", "compare",
	}
	for _, name := range []string{"data/indicators/libraries.toml", "data/indicators/new-one.toml"} {
		src := mustRead(t, filepath.Join(dir, name))
		for _, f := range fields {
			if !regexp.MustCompile(`(?m)^(# )?` + f + ` = `).MatchString(src) {
				t.Errorf("%s does not show the field %s", name, f)
			}
		}
	}
}

func TestSiteRefuses(t *testing.T) {
	tmp := t.TempDir()
	notEmpty := filepath.Join(tmp, "not-empty")
	os.Mkdir(notEmpty, 0o755)
	os.WriteFile(filepath.Join(notEmpty, "notes.txt"), []byte("mine"), 0o644)
	aFile := filepath.Join(tmp, "a-file")
	os.WriteFile(aFile, []byte("mine"), 0o644)
	for _, dir := range []string{notEmpty, aFile} {
		if _, err := Site(dir, today); !errors.Is(err, ErrExists) {
			t.Errorf("Site(%s): %v, want ErrExists", dir, err)
		}
	}
	if got := mustRead(t, filepath.Join(notEmpty, "notes.txt")); got != "mine" {
		t.Error("Site changed a file")
	}
	entries, _ := os.ReadDir(notEmpty)
	if len(entries) != 1 {
		t.Errorf("Site wrote into a folder that was not empty: %v", entries)
	}
	empty := filepath.Join(tmp, "empty")
	os.Mkdir(empty, 0o755)
	if _, err := Site(empty, today); err != nil {
		t.Errorf("Site into an empty folder: %v", err)
	}
}

func TestIndicatorPassesCheck(t *testing.T) {
	dir := mustSite(t)
	written, err := Indicator(dir, "idva-referrals", today)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(dir, "content", "commentary", "2024-25-q2", "idva-referrals.md"),
		filepath.Join(dir, "data", "indicators", "idva-referrals.toml"),
	}
	if strings.Join(written, "\n") != strings.Join(want, "\n") {
		t.Errorf("wrote\n%s\nwant\n%s", strings.Join(written, "\n"), strings.Join(want, "\n"))
	}
	files, c, err := site.Build(os.DirFS(dir), site.Options{BuildDate: today})
	if err != nil {
		t.Fatalf("the site does not build with the new indicator: %v\n%s", err, c.Problems)
	}
	// Only warnings: the commentary stub's period has no figure yet, and
	// the new files (like the accessibility statement) hold FILL IN
	// placeholders.
	var got []string
	for _, p := range c.Problems {
		if p.Severity != model.Warning {
			t.Errorf("error: %s", p)
		}
		switch {
		case strings.Contains(p.Message, "has no figure"):
			got = append(got, "no figure")
		case strings.Contains(p.Message, `"FILL IN" placeholder`):
			got = append(got, p.Pos.Path)
		default:
			t.Errorf("problem: %s", p)
		}
	}
	if w := "content/accessibility.md,no figure,content/commentary/2024-25-q2/idva-referrals.md,data/indicators/idva-referrals.toml"; strings.Join(got, ",") != w {
		t.Errorf("problems %s, want %s", strings.Join(got, ","), w)
	}
	ind := c.Input.Indicator("idva-referrals")
	if ind == nil || ind.Service != "libraries" || !strings.HasPrefix(ind.Title, "FILL IN") || ind.Frequency != model.Quarterly {
		t.Errorf("indicator %+v", ind)
	}
	if _, ok := files["indicators/idva-referrals/index.html"]; !ok {
		t.Error("no page for the new indicator")
	}
	if page := files["indicators/idva-referrals/index.html"]; strings.Contains(string(page), "FILL IN: what the figure") {
		t.Error("the draft commentary stub was published")
	}
}

func TestIndicatorRefuses(t *testing.T) {
	dir := mustSite(t)
	if _, err := Indicator(dir, "new-one", today); err != nil {
		t.Fatal(err)
	}
	toml := filepath.Join(dir, "data", "indicators", "new-one.toml")
	os.WriteFile(toml, []byte("# mine\n"), 0o644)
	tests := []struct {
		name, dir, id string
		want          error
		says          string
	}{
		{"files exist", dir, "new-one", ErrExists, "never overwrites"},
		{"id in another file", dir, "library-visits", ErrExists, "data/indicators/libraries.toml"},
		{"upper case", dir, "New-One", ErrInvalidID, "lower-case"},
		{"underscore", dir, "new_one", ErrInvalidID, "lower-case"},
		{"path", dir, "../escape", ErrInvalidID, "lower-case"},
		{"empty", dir, "", ErrInvalidID, "lower-case"},
		{"not a site", t.TempDir(), "new-two", nil, "no site.toml"},
	}
	for _, tt := range tests {
		_, err := Indicator(tt.dir, tt.id, today)
		if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: %v; want %v saying %q", tt.name, err, tt.want, tt.says)
		}
	}
	if got := mustRead(t, toml); got != "# mine\n" {
		t.Error("Indicator overwrote a file")
	}
	if _, err := os.Stat(filepath.Join(dir, "..", "escape.toml")); err == nil {
		t.Error("Indicator wrote outside the site")
	}
}

func TestIndicatorNoService(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"T\"\norganisation = \"O\"\n"), 0o644)
	_, err := Indicator(dir, "new-one", today)
	if err == nil || !strings.Contains(err.Error(), "no [[service]]") {
		t.Errorf("%v; want a message about [[service]]", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("wrote files although it failed: %v", entries)
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		date    string
		f       model.Frequency
		fyStart int
		want    string
	}{
		{"2024-04-01", model.Quarterly, 4, "2024/25 Q1"},
		{"2024-11-01", model.Quarterly, 4, "2024/25 Q3"},
		{"2025-03-31", model.Quarterly, 4, "2024/25 Q4"},
		{"2025-01-15", model.Quarterly, 1, "2025 Q1"}, // financial_year_start = 1: the calendar year,
		{"2024-08-01", model.Quarterly, 9, "2023/24 Q4"},
		{"2025-03-31", model.Annual, 4, "2024/25"},
		{"2025-03-31", model.Monthly, 4, "2025-03"},
	}
	for _, tt := range tests {
		d, _ := time.Parse("2006-01-02", tt.date)
		if got := periodOf(d, tt.f, tt.fyStart).String(); got != tt.want {
			t.Errorf("periodOf(%s, %s, %d) = %s, want %s", tt.date, tt.f, tt.fyStart, got, tt.want)
		}
	}
}
