package load

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"kpisite/generator/model"
	"kpisite/generator/suggest"
)

// tomlFile is a TOML file decoded into plain maps, with the position of
// every key. The file is decoded into map[string]any rather than structs
// on purpose: decoding into a struct stops at the first value of the
// wrong type, matches keys case-insensitively ("Title" fills title
// without a word) and, because it ranges over a map, reports a different
// first error from run to run. Reading the map key by key reports every
// problem, in file order, and rejects every key it does not know (the job
// of toml.MetaData.Undecoded, done for exact spellings).
type tomlFile struct {
	path string
	keys keyPositions
	ps   *model.Problems
	// byTop groups the keys by their first part ("indicator[2]" for
	// "indicator[2].target.kind"), built on first use, so that the keys
	// of one table are found without scanning every key of the file (a
	// file of 5,000 indicators has 75,000 keys).
	byTop map[string]map[string]model.Position
}

// keysUnder returns the keys below table key (a first-level table such
// as "indicator[2]"), without the table's own prefix: "target.kind".
func (f *tomlFile) keysUnder(key string) map[string]model.Position {
	if f.byTop == nil {
		f.byTop = map[string]map[string]model.Position{}
		for k, p := range f.keys {
			top, rest, ok := strings.Cut(k, ".")
			if !ok {
				continue
			}
			m := f.byTop[top]
			if m == nil {
				m = map[string]model.Position{}
				f.byTop[top] = m
			}
			m[rest] = p
		}
	}
	return f.byTop[key]
}

// decodeTOML parses src: through tomlFast for the plain TOML kpisite's
// files are written in, else (and for every error) through
// BurntSushi/toml and scanKeys. On a syntax error it reports the error at
// its line and column and returns ok false.
func decodeTOML(path string, src []byte, lineOffset int, ps *model.Problems) (root tomlTable, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if off := tomlTooDeep(src, MaxTOMLDepth); off >= 0 {
		line, col := lineCol(src, off)
		ps.Errorf(model.Position{Path: path, Line: line + lineOffset, Column: col},
			"TOML is nested more than %d levels deep here (tables, dotted keys, arrays and inline tables inside one another); expected at most %d levels (kpisite's files need no more than 4), so the file was not read", MaxTOMLDepth, MaxTOMLDepth)
		return tomlTable{}, false
	}
	m, keys, fast := tomlFast(path, src)
	if fast {
		return tomlTable{f: newTOMLFile(path, keys, lineOffset, ps), m: m}, true
	}
	if _, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&m); err != nil {
		var pe toml.ParseError
		pos := model.Position{Path: path}
		msg := err.Error()
		if errors.As(err, &pe) {
			// Position.Start is right, but Line is one too many when the
			// lexer has read a newline and Col (counted in bytes) lands on
			// the line before when Start begins a line: work both out
			// from Start.
			pos.Line, pos.Column = pe.Position.Line, 0
			if pe.Position.Start >= 0 && pe.Position.Start <= len(src) {
				pos.Line, pos.Column = lineCol(src, pe.Position.Start)
			}
			pos.Line += lineOffset
			msg = pe.Message
		}
		ps.Errorf(pos, "TOML syntax error: %s; expected valid TOML such as key = \"text\" (see https://toml.io)", msg)
		return tomlTable{}, false
	}
	return tomlTable{f: newTOMLFile(path, scanKeys(path, src), lineOffset, ps), m: m}, true
}

// newTOMLFile is the file at path with its keys, moved down lineOffset
// lines (front matter starts below the page's first line).
func newTOMLFile(path string, keys keyPositions, lineOffset int, ps *model.Problems) *tomlFile {
	if lineOffset != 0 {
		for k, p := range keys {
			p.Line += lineOffset
			keys[k] = p
		}
	}
	return &tomlFile{path: path, keys: keys, ps: ps}
}

// lineCol returns the line and column (in characters, from 1) of byte
// offset off of src.
func lineCol(src []byte, off int) (line, col int) {
	before := src[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// tomlTable reads the keys of one table. key is its path in keyPositions
// terms ("" for the root, "indicator[2]"); name is the prefix shown in
// messages ("target." for keys of an indicator's target).
type tomlTable struct {
	f    *tomlFile
	key  string
	name string
	m    map[string]any
}

// pos is where key k of this table was written.
func (t tomlTable) pos(k string) model.Position { return t.f.keys.at(t.f.path, join(t.key, k)) }

// self is where this table starts.
func (t tomlTable) self() model.Position { return t.f.keys.at(t.f.path, t.key) }

func (t tomlTable) errorf(k, format string, args ...any) {
	t.f.ps.Errorf(t.pos(k), "key %q: %s", t.name+k, fmt.Sprintf(format, args...))
}

func (t tomlTable) warnf(k, format string, args ...any) {
	t.f.ps.Warnf(t.pos(k), "key %q: %s", t.name+k, fmt.Sprintf(format, args...))
}

func (t tomlTable) has(k string) bool { _, ok := t.m[k]; return ok }

// unknown reports every key of the table that is not in known, in file
// order, with a "did you mean" when one is close.
func (t tomlTable) unknown(known []string) {
	var bad []string
	for k := range t.m {
		if !slices.Contains(known, k) {
			bad = append(bad, k)
		}
	}
	sort.Slice(bad, func(i, j int) bool {
		pi, pj := t.pos(bad[i]), t.pos(bad[j])
		if pi.Line != pj.Line {
			return pi.Line < pj.Line
		}
		return bad[i] < bad[j]
	})
	for _, k := range bad {
		if c, ok := suggest.Closest(k, known); ok {
			t.f.ps.Errorf(t.pos(k), "unknown key %q; did you mean %q?", t.name+k, t.name+c)
		} else {
			t.f.ps.Errorf(t.pos(k), "unknown key %q; expected one of %s", t.name+k, strings.Join(known, ", "))
		}
	}
}

// require reports each missing key of the table at the table's position.
func (t tomlTable) require(keys []string, what map[string]string) {
	for _, k := range keys {
		if !t.has(k) {
			t.f.ps.Errorf(t.self(), "missing key %q; expected %s", t.name+k, what[k])
		}
	}
}

// str reads a string. ok is false if the key is absent or not a string
// (which is reported).
func (t tomlTable) str(k string) (string, bool) {
	v, ok := t.m[k]
	if !ok {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		t.errorf(k, "%s; expected a string in quotes", describe(v))
	}
	return s, ok
}

// text reads a string and trims surrounding spaces.
func (t tomlTable) text(k string) string {
	s, _ := t.str(k)
	return strings.TrimSpace(s)
}

// integer reads a whole number (a float with no fraction is accepted).
func (t tomlTable) integer(k, example string) (int64, bool) {
	v, ok := t.m[k]
	if !ok {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return n, true
	case float64:
		if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
			return int64(n), true
		}
	}
	t.errorf(k, "%s; expected a whole number such as %s", describe(v), example)
	return 0, false
}

// number reads a finite number, whole or decimal.
func (t tomlTable) number(k, example string) (float64, bool) {
	v, ok := t.m[k]
	if !ok {
		return 0, false
	}
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		if !math.IsNaN(n) && !math.IsInf(n, 0) {
			return n, true
		}
	}
	t.errorf(k, "%s; expected a number such as %s", describe(v), example)
	return 0, false
}

// boolean reads true or false.
func (t tomlTable) boolean(k string) (bool, bool) {
	v, ok := t.m[k]
	if !ok {
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		t.errorf(k, "%s; expected true or false", describe(v))
	}
	return b, ok
}

// date reads a TOML date (2022-07-21, or a date-time, whose date is kept)
// or a string holding an ISO date ("2022-07-21").
func (t tomlTable) date(k string) (time.Time, bool) {
	v, ok := t.m[k]
	if !ok {
		return time.Time{}, false
	}
	switch d := v.(type) {
	case time.Time:
		// A bare TOML time (07:32:00) decodes to year 0: not a date.
		if d.Year() != 0 {
			return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), true
		}
	case string:
		if tm, err := time.Parse(time.DateOnly, strings.TrimSpace(d)); err == nil {
			return tm, true
		}
	}
	t.errorf(k, "%s; expected a date such as 2022-07-21", describe(v))
	return time.Time{}, false
}

// strings reads an array of strings; a single string counts as a list of
// one.
func (t tomlTable) strings(k string) ([]string, bool) {
	v, ok := t.m[k]
	if !ok {
		return nil, false
	}
	switch l := v.(type) {
	case string:
		return []string{strings.TrimSpace(l)}, true
	case []any:
		out := make([]string, 0, len(l))
		for _, e := range l {
			s, ok := e.(string)
			if !ok {
				t.errorf(k, "%s in the list; expected a list of strings such as [\"a\", \"b\"]", describe(e))
				return nil, false
			}
			out = append(out, strings.TrimSpace(s))
		}
		return out, true
	}
	t.errorf(k, "%s; expected a list of strings such as [\"a\", \"b\"]", describe(v))
	return nil, false
}

// table reads a sub-table, inline ({ … }) or not ([a.b]).
func (t tomlTable) table(k, example string) (tomlTable, bool) {
	v, ok := t.m[k]
	if !ok {
		return tomlTable{}, false
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.errorf(k, "%s; expected a table such as %s", describe(v), example)
		return tomlTable{}, false
	}
	return tomlTable{f: t.f, key: join(t.key, k), name: t.name + k + ".", m: m}, true
}

// tables reads an array of tables ([[k]]).
func (t tomlTable) tables(k string) []tomlTable {
	v, ok := t.m[k]
	if !ok {
		return nil
	}
	var list []map[string]any
	switch l := v.(type) {
	case []map[string]any:
		list = l
	case []any:
		for _, e := range l {
			m, ok := e.(map[string]any)
			if !ok {
				t.errorf(k, "%s in the list; expected tables written [[%s]]", describe(e), k)
				return nil
			}
			list = append(list, m)
		}
	default:
		t.errorf(k, "%s; expected tables written [[%s]]", describe(v), k)
		return nil
	}
	out := make([]tomlTable, len(list))
	for i, m := range list {
		out[i] = tomlTable{f: t.f, key: fmt.Sprintf("%s[%d]", join(t.key, k), i), m: m}
	}
	return out
}

// describe names a decoded TOML value and its type for a message:
// `"2" is a string`, `2.5 is a decimal number`.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q is a string", x)
	case int64:
		return fmt.Sprintf("%d is a whole number", x)
	case float64:
		return fmt.Sprintf("%v is a decimal number", x)
	case bool:
		return fmt.Sprintf("%v is a boolean", x)
	case time.Time:
		return "a date or time"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a value of type %T", v)
}

// enum checks that s is one of valid, reporting "what is wrong; expected
// one of …" with a "did you mean" when one is close.
func enum[T ~string](t tomlTable, k, what string, valid []T) (T, bool) {
	s, ok := t.str(k)
	if !ok {
		return "", false
	}
	names := make([]string, len(valid))
	for i, v := range valid {
		if string(v) == s {
			return v, true
		}
		names[i] = string(v)
	}
	t.errorf(k, "%s", badEnum(s, what, names))
	return "", false
}

// badEnum is the message for a value that is not one of names.
func badEnum(s, what string, names []string) string {
	msg := fmt.Sprintf("%q is not %s; expected one of %s", s, what, strings.Join(names, ", "))
	if hint := suggest.DidYouMean(s, names); hint != "" {
		msg += " (" + hint + ")"
	}
	return msg
}
