package load

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"kpisite/generator/format"
	"kpisite/generator/model"
	"kpisite/generator/suggest"
)

// ValuesDir holds the observations.
const ValuesDir = "data/values"

// ValuesHeader is the long format of a values file (SPEC 3.4). value is
// also required unless both numerator and denominator are present.
var ValuesHeader = Header{
	Columns:  []string{"indicator", "period", "value", "numerator", "denominator", "target", "flag", "note", "status"},
	Required: []string{"indicator", "period"},
	Example:  "indicator,period,value,flag,note",
}

// Values reads every data/values/*.csv file and every worksheet of every
// data/values/*.xlsx workbook, long or wide format, and checks each row
// against the indicators it names. A row with a problem is reported and
// left out; an observation repeated in any file is reported at the
// second, naming the first.
func Values(fsys fs.FS, inds []*model.Indicator) ([]model.Observation, model.Problems) {
	return ValuesFor(fsys, inds, nil)
}

// ValuesFor is Values for a site whose site.toml names wide-format
// columns to ignore ([values] ignore_columns).
func ValuesFor(fsys fs.FS, inds []*model.Indicator, ignore []string) ([]model.Observation, model.Problems) {
	return values(fsys, inds, ignore, nil)
}

// values is ValuesFor; rows naming an id of unread (an indicator file
// that could not be read) are counted, not reported one by one.
func values(fsys fs.FS, inds []*model.Indicator, ignore []string, unread map[string]string) ([]model.Observation, model.Problems) {
	var ps model.Problems
	var all []model.Observation
	idx := newIndicatorIndex(inds)
	idx.unread = unread
	idx.ignore = ignore
	files := listFiles(fsys, ValuesDir, ".csv", &ps, ".xlsx")
	// The files are read in parallel, then taken in order.
	type read struct {
		obs []model.Observation
		ps  model.Problems
	}
	reads := make([]read, len(files))
	inParallel(len(files), func(i int) {
		r, name := &reads[i], files[i]
		workbook := strings.EqualFold(path.Ext(name), ".xlsx")
		max := int64(MaxCSVBytes)
		if workbook {
			max = MaxWorkbookBytes
		}
		src, ok := readFileMax(fsys, name, max, &r.ps)
		if !ok {
			return
		}
		idx := idx // each file counts its own rows left for unread files
		idx.skipped = map[string]int{}
		if workbook {
			r.obs = workbookFile(name, src, idx, &r.ps)
		} else {
			r.obs = valuesFile(name, src, idx, &r.ps)
		}
		for _, f := range sortedKeys(idx.skipped) {
			r.ps.Warnf(model.Position{Path: name}, "%s name indicators defined in %s, which could not be read; they are checked once it is fixed", format.Count(idx.skipped[f], "row", "rows"), f)
		}
	})
	for i := range reads {
		ps = append(ps, reads[i].ps...)
		if all == nil {
			all = reads[i].obs // the only file, often: not copied
		} else {
			all = append(all, reads[i].obs...)
		}
		reads[i].obs = nil
	}
	return dedupe(all, &ps), ps
}

// dedupe drops and reports every observation whose indicator and period
// were already given.
func dedupe(obs []model.Observation, ps *model.Problems) []model.Observation {
	type key struct {
		id         string
		p          model.Period
		area, dims string
	}
	// The council's own headline rows are nearly all the rows, and each
	// indicator's usually come in order of period: then none repeats
	// another, and only the other rows need a map.
	ordered := headlinesInOrder(obs)
	first := map[key]int{} // the index in out of the first
	if !ordered {
		first = make(map[key]int, len(obs))
	}
	out := obs[:0]
	for i := range obs {
		o := &obs[i]
		if !ordered || o.Area != "" || len(o.Dims) > 0 {
			k := key{o.Indicator, o.Period, o.Area, model.DimKey(o.Dims)}
			if j, dup := first[k]; dup {
				ps.Errorf(o.Pos, "repeated observation of %q for %s%s, first given at %s; expected one figure per indicator and period", o.Indicator, o.Period, rowWhat(*o), out[j].Pos)
				continue
			}
			first[k] = len(out)
		}
		if len(out) == i {
			out = out[:i+1] // already in place
		} else {
			out = append(out, *o)
		}
	}
	return out
}

// headlinesInOrder reports whether each indicator's headline rows (the
// council's own area, no breakdown) come in strictly increasing order of
// period, so that no two of them are for the same period.
func headlinesInOrder(obs []model.Observation) bool {
	latest := map[string]model.Period{} // of each indicator but the current one
	var id string                       // the current indicator: that of the row before
	var prev model.Period               // its latest period
	have := false
	for i := range obs {
		o := &obs[i]
		if o.Area != "" || len(o.Dims) > 0 {
			continue
		}
		if have && o.Indicator == id {
			if !periodBefore(prev, o.Period) {
				return false
			}
			prev = o.Period
			continue
		}
		if have {
			latest[id] = prev
		}
		if p, seen := latest[o.Indicator]; seen && !periodBefore(p, o.Period) {
			return false
		}
		id, prev, have = o.Indicator, o.Period, true
	}
	return true
}

// periodBefore orders periods by every field, so that two periods are
// equal exactly when neither is before the other.
func periodBefore(a, b model.Period) bool {
	return cmp.Or(cmp.Compare(a.Freq, b.Freq), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Sub, b.Sub), cmp.Compare(a.Span, b.Span),
		cmp.Compare(a.Cal.Year, b.Cal.Year), cmp.Compare(a.Cal.AcademicStart, b.Cal.AcademicStart)) < 0
}

// ValuesFile reads one values CSV file. Repeated observations are not
// checked here (see Values).
func ValuesFile(name string, src []byte, inds []*model.Indicator, ps *model.Problems) []model.Observation {
	return valuesFile(name, src, newIndicatorIndex(inds), ps)
}

// valuesFile reads a values CSV file row by row: a file of a million rows
// is never held as cells all at once.
func valuesFile(name string, src []byte, idx indicatorIndex, ps *model.Problems) []model.Observation {
	if obs, ok := valuesInParts(name, src, idx, minPartBytes); ok {
		return obs
	}
	return valuesWhole(name, src, idx, ps)
}

// valuesWhole is valuesFile reading the file from start to end on one
// goroutine.
func valuesWhole(name string, src []byte, idx indicatorIndex, ps *model.Problems) []model.Observation {
	before := len(*ps)
	var out []model.Observation
	var read func(row []Cell) // reads one row; set from the header
	seenHeader := false
	scanCSV(name, src, ps, func(header []Cell) bool {
		seenHeader = true
		read = valuesReader(header, idx, &out, ps)
		if read != nil && !isWide(header) {
			// At most one observation a line: grown once, not 1.25 times
			// over and over (a million observations are 300 MB).
			out = make([]model.Observation, 0, bytes.Count(src, []byte{'\n'})+1)
		}
		return read != nil
	}, func(row []Cell) { read(row) }, true)
	if !seenHeader && len(*ps) == before {
		ps.Errorf(model.Position{Path: name, Line: 1}, "file has no header row; expected a header such as %s", ValuesHeader.Example)
	}
	return out
}

// WorkbookFile reads every worksheet of one values workbook as a values
// file of its own (SPEC 3.9). Repeated observations are not checked here.
func WorkbookFile(name string, src []byte, inds []*model.Indicator, ps *model.Problems) []model.Observation {
	return workbookFile(name, src, newIndicatorIndex(inds), ps)
}

func workbookFile(name string, src []byte, idx indicatorIndex, ps *model.Problems) []model.Observation {
	var out []model.Observation
	for _, t := range ReadWorkbook(name, src, ps) {
		if read := valuesReader(t.Header, idx, &out, ps); read != nil {
			for _, row := range t.Rows {
				read(row)
			}
		}
	}
	return out
}

// valuesReader checks the header of a values file or worksheet and
// returns the function that reads each of its rows into out, or nil when
// the rows cannot be read.
func valuesReader(header []Cell, idx indicatorIndex, out *[]model.Observation, ps *model.Problems) func([]Cell) {
	if isWide(header) {
		w := wideHeader(header, idx.ignore, ps)
		return func(row []Cell) { *out = append(*out, wideRow(row, header, w, idx, ps)...) }
	}
	col, _ := valuesHeader(idx.inds).Match(header, ps)
	if semicolons(header) {
		return nil
	}
	_, hasValue := col["value"]
	_, hasNum := col["numerator"]
	_, hasDen := col["denominator"]
	headerLine := header[0].Pos.Row()
	switch {
	case !hasValue && hasNum != hasDen:
		given, other := "numerator", "denominator"
		if hasDen {
			given, other = other, given
		}
		ps.Errorf(headerLine, "missing column \"value\" (or %q to go with %q); expected a header such as %s", other, given, ValuesHeader.Example)
		return nil
	case !hasValue && !hasNum:
		ps.Errorf(headerLine, "missing column \"value\"; expected a header such as %s (or numerator and denominator columns)", ValuesHeader.Example)
		return nil
	}
	if _, ok := col["indicator"]; !ok {
		return nil
	}
	if _, ok := col["period"]; !ok {
		return nil
	}
	cols := newLongColumns(col)
	return func(row []Cell) {
		// Read in place: an observation is too large to copy twice a row.
		// The slot past the end is zero (made so, or cleared below) when
		// there is room for it.
		if n := len(*out); n < cap(*out) {
			*out = (*out)[:n+1]
		} else {
			*out = append(*out, model.Observation{})
		}
		if o := &(*out)[len(*out)-1]; !longRow(o, row, cols, idx, ps) {
			*o = model.Observation{}
			*out = (*out)[:len(*out)-1]
		}
	}
}

// indicatorIndex finds indicators by id and suggests ids for typos.
type indicatorIndex struct {
	byID    map[string]*model.Indicator
	ids     []string
	inds    []*model.Indicator
	ignore  []string          // wide-format columns to skip ([values] ignore_columns)
	unread  map[string]string // id -> indicator file that could not be read
	skipped map[string]int    // indicator file -> rows of this values file left for it
}

// skip reports whether a row naming id is left unchecked because the
// file defining id could not be read, and counts it.
func (idx indicatorIndex) skip(id string) bool {
	f, ok := idx.unread[id]
	if ok && idx.skipped != nil {
		idx.skipped[f]++
	}
	return ok
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func newIndicatorIndex(inds []*model.Indicator) indicatorIndex {
	idx := indicatorIndex{byID: map[string]*model.Indicator{}, inds: inds}
	for _, ind := range inds {
		if ind == nil {
			continue
		}
		idx.byID[ind.ID] = ind
		idx.ids = append(idx.ids, ind.ID)
	}
	return idx
}

// unknown is the message for an id that is not an indicator.
func (idx indicatorIndex) unknown(id string) string {
	if hint := suggest.DidYouMean(id, idx.ids); hint != "" {
		return fmt.Sprintf("%q is not an indicator id; %s", id, hint)
	}
	return fmt.Sprintf("%q is not an indicator id; expected the id of an [[indicator]] in %s/*.toml", id, IndicatorsDir)
}

// rowCells gives the cells of a long-format row by column name.
type rowCells struct {
	row  []Cell
	col  map[string]int
	cols *longColumns // the values columns by index, when a values file
}

// text returns the trimmed text of column k ("" if the file has no such
// column) and where to report a problem with it (the row if the column is
// absent).
func (r rowCells) text(k string) (string, model.Position) {
	if i, ok := r.col[k]; ok {
		return strings.TrimSpace(r.row[i].Text), r.row[i].Pos
	}
	return "", r.row[0].Pos.Row()
}

// at is text for the column at index i (-1: the file has no such column),
// without looking the column up by name.
func (r rowCells) at(i int) (string, model.Position) {
	if i >= 0 {
		return strings.TrimSpace(r.row[i].Text), r.row[i].Pos
	}
	return "", r.row[0].Pos.Row()
}

// number reads column k as a number; empty is missing.
func (r rowCells) number(k string, ps *model.Problems) (model.Value, bool) {
	s, pos := r.text(k)
	return cellNumber(k, s, pos, ps)
}

// numberAt is number for the column k at index i.
func (r rowCells) numberAt(i int, k string, ps *model.Problems) (model.Value, bool) {
	s, pos := r.at(i)
	return cellNumber(k, s, pos, ps)
}

func cellNumber(k, s string, pos model.Position, ps *model.Problems) (model.Value, bool) {
	if s == "" {
		return model.None, true
	}
	v, err := ParseNumber(s)
	if err != nil {
		ps.Errorf(pos, "column %q: %v", k, err)
		return model.None, false
	}
	return model.Some(v), true
}

// longColumns are the index of each column of a long-format values file
// (-1 when absent), worked out once from its header so that a row's
// cells are not looked up by name.
type longColumns struct {
	col                                              map[string]int
	indicator, period, value, numerator, denominator int
	target, flag, note, status, area, lower, upper   int
	extra                                            []namedColumn // other columns (breakdowns), in header order

	last *model.Indicator // the indicator of the row before (one reader's columns are used by one goroutine)
}

type namedColumn struct {
	name  string
	index int
}

func newLongColumns(col map[string]int) *longColumns {
	at := func(k string) int {
		if i, ok := col[k]; ok {
			return i
		}
		return -1
	}
	c := &longColumns{
		col: col, indicator: at("indicator"), period: at("period"), value: at("value"),
		numerator: at("numerator"), denominator: at("denominator"), target: at("target"),
		flag: at("flag"), note: at("note"), status: at("status"),
		area: at("area"), lower: at("lower"), upper: at("upper"),
	}
	for name, i := range col {
		if !slices.Contains(ValuesHeader.Columns, name) && !slices.Contains(extraValueColumns, name) {
			c.extra = append(c.extra, namedColumn{name, i})
		}
	}
	slices.SortFunc(c.extra, func(a, b namedColumn) int { return a.index - b.index })
	return c
}

func longRow(o *model.Observation, row []Cell, cols *longColumns, idx indicatorIndex, ps *model.Problems) bool {
	r := rowCells{row, cols.col, cols}
	o.Pos = row[0].Pos.Row() // o is zero
	good := true

	id, idPos := r.at(cols.indicator)
	o.Indicator = id
	ind := cols.last // rows come grouped by indicator
	if ind == nil || ind.ID != id {
		ind = idx.byID[id]
		cols.last = ind
	}
	if ind == nil && idx.skip(id) {
		return false
	}
	if ind != nil {
		o.Indicator = ind.ID // shared, so the row's text can be freed
	}
	switch {
	case id == "":
		ps.Errorf(idPos, "column \"indicator\" is empty; expected an indicator id such as \"idva-referrals\"")
		good = false
	case ind == nil:
		ps.Errorf(idPos, "column \"indicator\": %s", idx.unknown(id))
		good = false
	}

	per, perPos := r.at(cols.period)
	switch {
	case per == "":
		ps.Errorf(perPos, "column \"period\" is empty; expected a period such as \"2022/23 Q1\"")
		good = false
	case ind != nil && ind.Frequency != 0:
		p, err := ind.ParsePeriod(per)
		if err != nil {
			ps.Errorf(perPos, "column \"period\": %v (%q is %s)", err, id, ind.Frequency)
			good = false
		}
		o.Period = p
	case ind == nil:
		if _, err := model.ParseAnyPeriod(per); err != nil {
			ps.Errorf(perPos, "column \"period\": %v", err)
		}
	default: // the indicator's frequency is wrong, and already reported
		good = false
	}

	var ok bool
	valueText, valuePos := r.at(cols.value)
	if ind != nil {
		signMismatch("value", valueText, ind, valuePos, ps)
		text, pos := r.at(cols.target)
		signMismatch("target", text, ind, pos, ps)
	}
	if o.Value, ok = cellNumber("value", valueText, valuePos, ps); !ok {
		good = false
	}
	if o.Numerator, ok = r.numberAt(cols.numerator, "numerator", ps); !ok {
		good = false
	}
	if o.Denominator, ok = r.numberAt(cols.denominator, "denominator", ps); !ok {
		good = false
	}
	if o.Target, ok = r.numberAt(cols.target, "target", ps); !ok {
		good = false
	}
	flagText, flagPos := r.at(cols.flag)
	if f, err := parseFlag(flagText); err != nil {
		ps.Errorf(flagPos, "column \"flag\": %v", err)
		good = false
	} else {
		o.Flag = f
	}
	var notePos model.Position
	o.Note, notePos = r.at(cols.note)
	if len(o.Note) > MaxNoteChars { // a rune is at least a byte
		if n := utf8.RuneCountInString(o.Note); n > MaxNoteChars {
			ps.Errorf(notePos, "column \"note\" is %d characters long; expected at most %d (a note is a short footnote shown under the table; longer text belongs in content/commentary/)", n, MaxNoteChars)
			good = false
		}
	}
	statusText, statusPos := r.at(cols.status)
	if st, err := parseServiceStatus(statusText); err != nil {
		ps.Errorf(statusPos, "column \"status\": %v", err)
		good = false
	} else {
		o.Status = st
	}
	if !compareCells(o, r, ind, ps) {
		good = false
	}
	if !good {
		return false
	}
	return checkFigures(o, r, valueText, valuePos, flagPos, ps) && intervalHolds(o, r, ps)
}

// checkFigures applies the rules that tie value, numerator, denominator
// and flag together, and works out value from numerator and denominator
// when it is empty.
func checkFigures(o *model.Observation, r rowCells, valueText string, valuePos, flagPos model.Position, ps *model.Problems) bool {
	num, den := o.Numerator, o.Denominator
	if num.Valid != den.Valid {
		given, empty := "numerator", "denominator"
		if den.Valid {
			given, empty = empty, given
		}
		_, pos := r.text(empty)
		ps.Errorf(pos, "column %q is empty but %q is given; expected both numerator and denominator, or neither", empty, given)
		return false
	}
	if den.Valid && den.V <= 0 {
		_, pos := r.text("denominator")
		ps.Errorf(pos, "column \"denominator\" is %v; expected a number above 0 (value = 100 × numerator / denominator)", den.V)
		return false
	}
	switch {
	case o.Value.Valid && num.Valid:
		want := 100 * num.V / den.V
		d := decimalsWritten(valueText)
		if math.Abs(o.Value.V-model.Some(want).Round(d).V) > 0.05+1e-9 {
			ps.Errorf(valuePos, "column \"value\": %s does not agree with 100 × numerator / denominator = %s; expected them to agree to within 0.05, or an empty value",
				valueText, formatFloat(want))
			return false
		}
	case num.Valid:
		o.Value = model.Some(100 * num.V / den.V)
	case !o.Value.Valid && !o.Flag.ExplainsMissing():
		ps.Errorf(valuePos, "column \"value\" is empty; expected a number, or a flag c, x or z that says why it is missing")
		return false
	}
	if o.Status != "" && !o.Value.Valid {
		_, pos := r.text("status")
		ps.Warnf(pos, "column \"status\": %q is ignored because the row has no figure; expected a status only beside a value (no figure never gets a colour)", o.Status)
		o.Status = ""
	}
	if o.Value.Valid && (o.Flag == model.FlagNotAvailable || o.Flag == model.FlagNotApplicable) {
		ps.Warnf(flagPos, "column \"flag\": %q means %s, but the row has the value %s; expected an empty value with this flag", o.Flag, o.Flag.Meaning(), formatFloat(o.Value.V))
	}
	return true
}

// signMismatch warns about a figure written with a percent sign for an
// indicator that is not a percentage, or a pound sign for one that is not
// money: the sign is ignored, so the figure may be in the wrong unit.
func signMismatch(column, text string, ind *model.Indicator, pos model.Position, ps *model.Problems) {
	switch {
	case strings.HasSuffix(text, "%") && ind.Unit != model.UnitPercent && ind.Unit != "":
		ps.Warnf(pos, "column %q: %q has a percent sign but %q is measured in %s; expected a plain number", column, text, ind.ID, ind.Unit)
	case strings.Contains(text, "£") && ind.Unit != model.UnitCurrency && ind.Unit != "":
		ps.Warnf(pos, "column %q: %q has a pound sign but %q is measured in %s; expected a plain number", column, text, ind.ID, ind.Unit)
	}
}

// parseFlag reads a flag letter in either case, with or without square
// brackets: "p", "P", "[p]".
func parseFlag(s string) (model.Flag, error) {
	t := strings.TrimSpace(s)
	bracketed := strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && len(t) >= 2
	if bracketed {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	f, err := model.ParseFlag(strings.ToLower(t))
	if err != nil || (bracketed && t == "") {
		return f, fmt.Errorf("%q is not a flag; expected one of p (provisional), r (revised), e (estimated), u (low reliability), c (confidential), x (not available), z (not applicable)", s)
	}
	return f, nil
}

// formatFloat writes a number briefly for a message: 97.79 not
// 97.79249448123621.
func formatFloat(v float64) string {
	s := fmt.Sprintf("%.4f", v)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// parseServiceStatus reads the service's own status (SPEC 3.8): green,
// amber, red or no-target, in any case; "" is none.
func parseServiceStatus(s string) (model.Status, error) {
	if s == "" {
		return "", nil
	}
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "":
		return "", nil
	case "green", "g":
		return model.Green, nil
	case "amber", "a":
		return model.Amber, nil
	case "red", "r":
		return model.Red, nil
	case "no-target", "no target":
		return model.NoTarget, nil
	}
	return "", fmt.Errorf("%q is not a status; expected green, amber, red or no-target (or an empty cell to work it out from the target)", s)
}
