package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"kpisite/generator/load"
	"kpisite/generator/model"
	"kpisite/generator/site"
)

// Indicator adds indicator id to the site in dir. It writes two files:
//
//	data/indicators/<id>.toml                  a definition skeleton, every field explained
//	content/commentary/<period>/<id>.md        a draft commentary stub
//
// The skeleton passes kpisite check as it is: its title is an obvious
// placeholder, its service is the first [[service]] of site.toml, its
// frequency that of the site's current period (quarterly when the site
// has none), and it has no target. <period> is the site's current period:
// [reporting] current_period, else the latest period with data, else the
// period that today falls in. It returns the files written.
func Indicator(dir, id string, today time.Time) ([]string, error) {
	if !load.IsSlug(id) {
		return nil, fmt.Errorf("%q is an %w; expected lower-case letters, digits and hyphens, starting with a letter or digit, such as \"library-visits\"", id, ErrInvalidID)
	}
	if _, err := os.Stat(filepath.Join(dir, load.SiteFile)); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s has no %s, so it is not a kpisite site; expected -s SITE naming a site folder (kpisite new site DIR makes one)", dir, load.SiteFile)
		}
		return nil, err
	}
	root, err := os.OpenRoot(dir) // read only inside the site, as build does
	if err != nil {
		return nil, err
	}
	defer root.Close()
	c, _ := site.Check(root.FS(), site.Options{})
	in := c.Input
	if ind := in.Indicator(id); ind != nil {
		return nil, fmt.Errorf("indicator %q %w at %s; expected a new id", id, ErrExists, ind.Pos)
	}
	if len(in.Site.Services) == 0 {
		return nil, fmt.Errorf("%s has no [[service]] for the indicator to belong to; expected at least one, such as\n\n[[service]]\nid = \"libraries\"\nname = \"Libraries\"\ncommittee = \"<a committee id>\"", load.SiteFile)
	}
	fy := in.Site.FinancialYearStart
	p := currentPeriod(c, today, fy)
	var services []string
	for _, s := range in.Site.Services {
		services = append(services, fmt.Sprintf("%q", s.ID))
	}
	data := struct {
		ID, Service, Services, Frequency, Period, PeriodLong string
	}{
		ID: id, Service: in.Site.Services[0].ID, Services: commentList(services, 76),
		Frequency: p.Freq.String(), Period: p.String(), PeriodLong: p.Long(fy),
	}
	files, err := render("files/indicator", data)
	if err != nil {
		return nil, err
	}
	for i := range files {
		switch files[i].path {
		case "indicator.toml":
			files[i].path = path.Join(load.IndicatorsDir, id+".toml")
		case "commentary.md":
			files[i].path = path.Join(load.ContentDir, "commentary", p.Slug(), id+".md")
		default:
			return nil, fmt.Errorf("scaffold: unexpected file %s", files[i].path)
		}
	}
	if err := refuseExisting(dir, files); err != nil {
		return nil, err
	}
	return writeAll(dir, files)
}

// currentPeriod is the site's current period, else the period of the
// indicator skeleton's frequency that today falls in.
func currentPeriod(c *site.Checked, today time.Time, fyStart int) model.Period {
	if !c.Current.IsZero() {
		return c.Current
	}
	if s := c.Input.Site.CurrentPeriod; s != "" {
		if p, err := model.ParseAnyPeriod(s); err == nil {
			return p
		}
	}
	return periodOf(today, model.Quarterly, fyStart)
}

// periodOf returns the period of frequency f that t falls in, for a
// financial year starting in month fyStart. A financial year that starts
// in January is the calendar year, and its periods are spelled so.
func periodOf(t time.Time, f model.Frequency, fyStart int) model.Period {
	var cal model.Calendar
	if fyStart == 1 {
		cal.Year = model.CalendarYear
	}
	m := int(t.Month())
	fy := t.Year()
	if m < fyStart {
		fy--
	}
	switch f {
	case model.Monthly:
		return model.Period{Freq: f, Year: t.Year(), Sub: m, Cal: cal}
	case model.Annual:
		return model.Period{Freq: f, Year: fy, Cal: cal}
	}
	return model.Period{Freq: model.Quarterly, Year: fy, Sub: (m-fyStart+12)%12/3 + 1, Cal: cal}
}

// commentList writes items as TOML comment lines ("#   a, b, c"), wrapped
// before width.
func commentList(items []string, width int) string {
	var b strings.Builder
	line := "#  "
	for i, it := range items {
		if i < len(items)-1 {
			it += ","
		}
		if len(line)+1+len(it) > width && line != "#  " {
			b.WriteString(line + "\n")
			line = "#  "
		}
		line += " " + it
	}
	b.WriteString(line)
	return b.String()
}
