package opensdg

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"kpisite/generator/load"
	"kpisite/generator/model"
)

// DataDir holds an Open SDG repository's data files.
const DataDir = "data"

// column is a disaggregation column of a data file: a kpisite breakdown.
type column struct {
	Name string // as written in the header: "Local Authority"
	ID   string // the breakdown id: "local-authority"
	idx  int
}

// row is one figure.
type row struct {
	Year  string
	Value string // plain digits; "" when missing
	Flag  string
	Cats  []string // by the file's disaggregation columns
	Line  int
}

// series is one kpisite indicator: a data file, or one Series of it.
type series struct {
	ID       string
	Base     string // the Open SDG id: "1-2-1"
	File     string
	Name     string // the Series cell ("" when the file has none)
	Unit     string // the Units cell ("" when the file has none)
	Cols     []column
	Rows     []row
	Decimals int
}

// breakdowns are the ids of the columns this series uses.
func (s *series) breakdowns() []column {
	var out []column
	for i, c := range s.Cols {
		for _, r := range s.Rows {
			if r.Cats[i] != "" {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// reserved are the columns of a kpisite values file: a disaggregation
// column may not take one of these names.
var reserved = map[string]bool{
	"indicator": true, "period": true, "value": true, "numerator": true, "denominator": true,
	"target": true, "flag": true, "note": true, "status": true, "area": true, "lower": true,
	"upper": true, "code": true,
}

var (
	dataFileRE = regexp.MustCompile(`^indicator_(.+)\.csv$`)
	yearRE     = regexp.MustCompile(`^[12][0-9]{3}$`)
)

// readData reads every data/indicator_*.csv file into series, sorted by
// id. Files of another name in data/ are skipped with a warning.
func readData(fsys fs.FS, ps *model.Problems) []*series {
	entries, err := fs.ReadDir(fsys, DataDir)
	if err != nil {
		ps.Errorf(model.Position{Path: DataDir}, "cannot read the folder: %v; expected an Open SDG data repository with data/indicator_*.csv files", err)
		return nil
	}
	var out []*series
	for _, e := range entries {
		name := path.Join(DataDir, e.Name())
		m := dataFileRE.FindStringSubmatch(e.Name())
		switch {
		case e.IsDir() || strings.HasPrefix(e.Name(), "."):
			continue
		case m == nil:
			if strings.HasSuffix(strings.ToLower(e.Name()), ".csv") {
				ps.Warnf(model.Position{Path: name}, "file is not imported; expected data files named indicator_<id>.csv")
			}
			continue
		}
		base := strings.ToLower(m[1])
		if !load.IsSlug(base) {
			ps.Errorf(model.Position{Path: name}, "indicator id %q is not a slug; expected letters, digits and hyphens, such as indicator_1-2-1.csv", m[1])
			continue
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			ps.Errorf(model.Position{Path: name}, "cannot read the file: %v", err)
			continue
		}
		out = append(out, readFile(name, base, src, ps)...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// readFile reads one data file into one series per Series value.
func readFile(name, base string, src []byte, ps *model.Problems) []*series {
	before := len(*ps)
	t := load.ReadCSV(name, src, ps)
	if t.Header == nil {
		if len(*ps) == before {
			ps.Errorf(model.Position{Path: name, Line: 1}, "file has no header row; expected a header such as Year,Sex,Value")
		}
		return nil
	}
	f, ok := readHeader(name, t.Header, ps)
	if !ok {
		return nil
	}
	bySeries := map[string]*series{}
	unitAt := map[string]load.Cell{}
	firstLine := map[string]int{}
	for _, cells := range t.Rows {
		r, key, ok := f.row(cells, ps)
		if !ok {
			continue
		}
		seriesName := f.text(cells, f.series)
		unit := f.text(cells, f.unit)
		s := bySeries[seriesName]
		if s == nil {
			s = &series{Base: base, File: name, Name: seriesName, Unit: unit, Cols: f.cols}
			bySeries[seriesName] = s
			if f.unit >= 0 {
				unitAt[seriesName] = cells[f.unit]
			}
		}
		if f.unit >= 0 && unit != s.Unit {
			first := unitAt[seriesName]
			what := "in one series"
			if seriesName != "" {
				what = fmt.Sprintf("in series %q", seriesName)
			}
			ps.Errorf(cells[f.unit].Pos, "column %q has two units %s (%q here, %q at line %d); kpisite needs one unit per indicator; split the file by unit, or give each unit its own Series",
				strings.TrimSpace(t.Header[f.unit].Text), what, unit, s.Unit, first.Pos.Line)
			continue
		}
		if l, dup := firstLine[key]; dup {
			ps.Errorf(cells[0].Pos.Row(), "repeated figure for %s, first at line %d; expected one figure per year, series and disaggregation", describe(r, seriesName, f.cols), l)
			continue
		}
		firstLine[key] = r.Line
		s.Rows = append(s.Rows, r)
		if d := decimals(r.Value); d > s.Decimals {
			s.Decimals = min(d, 2)
		}
	}
	var names []string
	for n := range bySeries {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []*series
	for _, n := range names {
		s := bySeries[n]
		s.ID = base
		if len(names) > 1 && n != "" {
			slug := slugify(n)
			if slug == "" {
				ps.Errorf(model.Position{Path: name}, "series %q has no letters or digits for an indicator id; expected a Series name such as \"Households\"", n)
				continue
			}
			s.ID = base + "-" + slug
		}
		out = append(out, s)
	}
	return out
}

// fileColumns are the roles of a data file's columns (-1: absent).
type fileColumns struct {
	year, value, unit, series, geo, status, mult int
	cols                                         []column
}

func readHeader(name string, header []load.Cell, ps *model.Problems) (fileColumns, bool) {
	f := fileColumns{year: -1, value: -1, unit: -1, series: -1, geo: -1, status: -1, mult: -1}
	ok := true
	ids := map[string]string{}
	seen := map[string]bool{}
	for i, c := range header {
		text := strings.TrimSpace(c.Text)
		key := strings.ToLower(strings.Join(strings.Fields(text), " "))
		if seen[key] {
			ps.Errorf(c.Pos, "repeated column %q; expected each column once", text)
			ok = false
			continue
		}
		seen[key] = true
		switch key {
		case "":
			ps.Errorf(c.Pos, "column %d of the header has no name; expected a disaggregation name such as Sex, or delete the column", i+1)
			ok = false
		case "year":
			f.year = i
		case "value":
			f.value = i
		case "units", "unit measure", "unit":
			f.unit = i
		case "series":
			f.series = i
		case "geocode":
			f.geo = i
			ps.Warnf(c.Pos, "column %q is not imported: kpisite draws no maps; the area names stay as a breakdown", text)
		case "observation status":
			f.status = i
		case "unit multiplier":
			f.mult = i
		default:
			id := slugify(text)
			switch {
			case id == "":
				ps.Errorf(c.Pos, "column %q has no letters or digits for a breakdown id; expected a name such as \"Age group\"", text)
				ok = false
			case reserved[id]:
				ps.Errorf(c.Pos, "column %q would be the breakdown %q, a column name kpisite keeps for itself; expected another name, such as \"%s group\" (rename the column)", text, id, text)
				ok = false
			case ids[id] != "":
				ps.Errorf(c.Pos, "column %q would be the breakdown %q, as %q is; expected names that differ in more than case and punctuation", text, id, ids[id])
				ok = false
			default:
				ids[id] = text
				f.cols = append(f.cols, column{Name: text, ID: id, idx: i})
			}
		}
	}
	headerPos := header[0].Pos.Row()
	if f.year < 0 {
		ps.Errorf(headerPos, "missing column \"Year\"; expected an Open SDG header such as Year,Sex,Value")
		ok = false
	}
	if f.value < 0 {
		ps.Errorf(headerPos, "missing column \"Value\"; expected an Open SDG header such as Year,Sex,Value")
		ok = false
	}
	return f, ok
}

func (f fileColumns) text(cells []load.Cell, i int) string {
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(cells[i].Text)
}

// row reads one row; key identifies its figure (series, year, categories).
func (f fileColumns) row(cells []load.Cell, ps *model.Problems) (row, string, bool) {
	r := row{Line: cells[0].Pos.Line, Year: f.text(cells, f.year)}
	good := true
	if !yearRE.MatchString(r.Year) {
		ps.Errorf(cells[f.year].Pos, "column \"Year\": %q is not a calendar year; kpisite imports whole years such as 2015 (set the frequency of other periods by hand after importing)", r.Year)
		good = false
	}
	if v := f.text(cells, f.value); v != "" {
		n, err := load.ParseNumber(v)
		if err != nil {
			ps.Errorf(cells[f.value].Pos, "column \"Value\": %v", err)
			good = false
		}
		r.Value = strconv.FormatFloat(n, 'f', -1, 64)
		if _, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "eEnNxX_+") {
			r.Value = v // a plain number keeps its precision as written: 22.0
		}
	}
	if f.status >= 0 {
		flag, ok := flagOf(f.text(cells, f.status))
		if !ok {
			ps.Errorf(cells[f.status].Pos, "column \"Observation status\": %q is not a status kpisite knows; expected Normal value, Estimated value, Provisional value, Revised, Low reliability, Missing value or Undefined", f.text(cells, f.status))
			good = false
		}
		r.Flag = flag
	}
	if r.Value == "" && r.Flag == "" {
		r.Flag = "x" // no figure: not available
	}
	if f.mult >= 0 {
		if m := strings.ToLower(f.text(cells, f.mult)); m != "" && m != "units" && m != "0" {
			ps.Errorf(cells[f.mult].Pos, "column \"Unit multiplier\": %q; kpisite reads figures as written, so expected Units (write 1.2 thousand as 1200)", f.text(cells, f.mult))
			good = false
		}
	}
	key := []string{f.text(cells, f.series), r.Year}
	for _, c := range f.cols {
		v := f.text(cells, c.idx)
		r.Cats = append(r.Cats, v)
		key = append(key, v)
	}
	return r, strings.Join(key, "\x00"), good
}

// flagOf maps an SDMX observation status to a kpisite flag.
func flagOf(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "undefined", "normal value", "normal", "a":
		return "", true
	case "estimated value", "estimated", "e":
		return "e", true
	case "provisional value", "provisional", "p":
		return "p", true
	case "revised", "revised value", "r":
		return "r", true
	case "low reliability", "u":
		return "u", true
	case "missing value", "not available", "m", "x":
		return "x", true
	}
	return "", false
}

// describe names a figure for a message.
func describe(r row, seriesName string, cols []column) string {
	parts := []string{r.Year}
	if seriesName != "" {
		parts = append(parts, "series "+strconv.Quote(seriesName))
	}
	for i, c := range cols {
		if r.Cats[i] != "" {
			parts = append(parts, c.Name+" "+strconv.Quote(r.Cats[i]))
		}
	}
	return strings.Join(parts, ", ")
}

// decimals counts the decimals of a plain number.
func decimals(s string) int {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// slugify makes an id: lower-case letters and digits, other runs as one
// hyphen.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}
