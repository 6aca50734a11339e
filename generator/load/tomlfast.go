package load

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"kpisite/generator/model"
)

// tomlFast decodes the plain TOML that kpisite's files are written in,
// giving exactly the map BurntSushi/toml decodes the same text into (the
// same Go types: string, int64, float64, bool, []any for arrays,
// map[string]any for tables and inline tables, []map[string]any for
// arrays of tables). It is a fast path: ok is false for anything outside
// the subset below and for anything that might be an error, and the
// caller then decodes with BurntSushi, so every syntax error, message and
// position stays BurntSushi's.
//
// The subset: comments; [table] and [[array.of.tables]] headers (bare,
// "quoted" or 'literal' key parts, dotted); key = value with a one-part
// key; values that are strings (basic, literal, multi-line; the escapes
// \b \t \n \f \r \" \\ only), decimal integers and floats (no
// underscores, hex, inf or nan), booleans, arrays and one-line inline
// tables. Not handled (declined): dates and times, dotted keys in key =
// value, a header naming a table that already exists (even implicitly),
// a key defined twice, a trailing comma in an inline table, a line-ending
// backslash, runs of more than three quotes closing a multi-line string,
// empty quoted keys, control characters and invalid UTF-8 anywhere.
//
// It also finds the position of every key in the same pass, the same
// positions scanKeys finds (quoted keys holding '.', '[' or ']', which
// would make two keys' paths alike, are declined too).
//
// FuzzTOMLFast holds it to BurntSushi and scanKeys: for any input it
// declines or gives a map reflect.DeepEqual to BurntSushi's and the keys
// scanKeys gives.
func tomlFast(path string, src []byte) (m map[string]any, keys keyPositions, ok bool) {
	if !tomlFastBytesOK(src) {
		return nil, nil, false
	}
	p := &fastParser{s: string(src), path: path, line: 1}
	// About one key per '=' and header: made big enough at once.
	p.keys = make(keyPositions, strings.Count(p.s, "=")+strings.Count(p.s, "[["))
	p.root = &fastTable{m: map[string]any{}}
	p.cur = p.root
	if !p.file() {
		return nil, nil, false
	}
	return p.root.m, p.keys, true
}

// tomlFastBytesOK rejects input with invalid UTF-8, a control character
// other than tab and line ends, or a carriage return not before a line
// feed: BurntSushi's lexer reports all of these wherever they are, so the
// parser below need not look for them.
func tomlFastBytesOK(src []byte) bool {
	for i, c := range src {
		if c < 0x20 {
			switch {
			case c == '\t' || c == '\n':
			case c == '\r' && i+1 < len(src) && src[i+1] == '\n':
			default:
				return false
			}
		} else if c == 0x7f {
			return false
		}
	}
	return utf8.Valid(src)
}

// fastTable is a table made by a header, explicitly or implicitly: its
// map, and the tables and arrays of tables below it that headers made
// (a header may reach into those, never into an inline table or a value).
// path is its path in keyPositions terms ("indicator[2].cy").
type fastTable struct {
	path string
	m    map[string]any
	sub  map[string]*fastTable
	arr  map[string][]*fastTable
}

// fastMaxDepth bounds the nesting of arrays and inline tables, so that any
// input ends quickly; decodeTOML's own bound (MaxTOMLDepth) is lower.
const fastMaxDepth = 32

type fastParser struct {
	s    string // the whole file: keys and plain strings are slices of it
	i    int
	root *fastTable
	cur  *fastTable

	path string // the file's, for positions
	keys keyPositions
	// The line of byte lineOff, and the offset at which that line
	// starts: pos counts on from there.
	line, lineStart, lineOff int
}

// pos is the position of byte p.i (line, and column in characters, from
// 1), as scanKeys counts them. Positions are asked for in file order.
func (p *fastParser) pos() model.Position {
	seen := p.s[p.lineOff:p.i]
	if n := strings.Count(seen, "\n"); n > 0 {
		p.line += n
		p.lineStart = p.lineOff + strings.LastIndexByte(seen, '\n') + 1
	}
	p.lineOff = p.i
	return model.Position{Path: p.path, Line: p.line, Column: 1 + utf8.RuneCountInString(p.s[p.lineStart:p.i])}
}

// record keeps the first position of key, as scanKeys does.
func (p *fastParser) record(key string, at model.Position) {
	if _, ok := p.keys[key]; !ok {
		p.keys[key] = at
	}
}

func (p *fastParser) eof() bool { return p.i >= len(p.s) }

// blanks skips spaces and tabs.
func (p *fastParser) blanks() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// comment skips a comment, up to its line end.
func (p *fastParser) comment() {
	if j := strings.IndexByte(p.s[p.i:], '\n'); j >= 0 {
		p.i += j
		if p.s[p.i-1] == '\r' {
			p.i--
		}
	} else {
		p.i = len(p.s)
	}
}

// lineEnd reads blanks, a comment and the end of a line (or of the file).
func (p *fastParser) lineEnd() bool {
	p.blanks()
	if p.eof() {
		return true
	}
	if p.s[p.i] == '#' {
		p.comment()
		if p.eof() {
			return true
		}
	}
	return p.newline()
}

// newline reads \n or \r\n.
func (p *fastParser) newline() bool {
	switch {
	case p.s[p.i] == '\n':
		p.i++
	case p.s[p.i] == '\r' && p.i+1 < len(p.s) && p.s[p.i+1] == '\n':
		p.i += 2
	default:
		return false
	}
	return true
}

func (p *fastParser) file() bool {
	for {
		p.blanks()
		if p.eof() {
			return true
		}
		switch p.s[p.i] {
		case '\n', '\r':
			if !p.newline() {
				return false
			}
			continue
		case '#':
			p.comment()
			continue
		case '[':
			if !p.header() {
				return false
			}
		default:
			if !p.keyValue(p.cur.m, p.cur.path, 0) {
				return false
			}
		}
		if !p.lineEnd() {
			return false
		}
	}
}

// header reads [a.b] or [[a.b]] and makes it the current table.
func (p *fastParser) header() bool {
	at := p.pos()
	p.i++
	array := p.i < len(p.s) && p.s[p.i] == '['
	if array {
		p.i++
	}
	var buf [4]string
	parts := buf[:0]
	for {
		p.blanks()
		k, ok := p.key()
		if !ok {
			return false
		}
		parts = append(parts, k)
		p.blanks()
		if p.eof() {
			return false
		}
		if p.s[p.i] != '.' {
			break
		}
		p.i++
	}
	if p.s[p.i] != ']' {
		return false
	}
	p.i++
	if array {
		if p.eof() || p.s[p.i] != ']' {
			return false
		}
		p.i++
	}
	t := p.root
	for _, k := range parts[:len(parts)-1] {
		if t = t.child(k); t == nil {
			return false
		}
	}
	k := parts[len(parts)-1]
	name := join(t.path, k)
	nt := &fastTable{path: name, m: map[string]any{}}
	if array {
		list, ok := t.arr[k]
		if _, used := t.m[k]; used && !ok {
			return false // a table or a value already: left to BurntSushi
		}
		p.record(name, at) // the array as a whole: its first table
		nt.path += "[" + strconv.Itoa(len(list)) + "]"
		p.record(nt.path, at)
		if t.arr == nil {
			t.arr = map[string][]*fastTable{}
		}
		t.arr[k] = append(list, nt)
		if ok {
			t.m[k] = append(t.m[k].([]map[string]any), nt.m)
		} else {
			t.m[k] = []map[string]any{nt.m}
		}
	} else {
		if _, ok := t.m[k]; ok {
			return false // defined before, maybe implicitly: left to BurntSushi
		}
		p.record(name, at)
		if t.sub == nil {
			t.sub = map[string]*fastTable{}
		}
		t.sub[k] = nt
		t.m[k] = nt.m
	}
	p.cur = nt
	return true
}

// child is the table a header reaches through key k of t: a table a
// header made (made now, implicitly, if k is new), or the last table of
// an array of tables; nil if k holds anything else.
func (t *fastTable) child(k string) *fastTable {
	if s, ok := t.sub[k]; ok {
		return s
	}
	if list, ok := t.arr[k]; ok {
		return list[len(list)-1]
	}
	if _, ok := t.m[k]; ok {
		return nil
	}
	s := &fastTable{path: join(t.path, k), m: map[string]any{}}
	if t.sub == nil {
		t.sub = map[string]*fastTable{}
	}
	t.sub[k] = s
	t.m[k] = s.m
	return s
}

// key reads one bare, "quoted" or 'literal' key part (not empty, without
// escapes or the '.', '[' and ']' of key paths).
func (p *fastParser) key() (string, bool) {
	if p.eof() {
		return "", false
	}
	start := p.i
	switch c := p.s[p.i]; {
	case c == '"' || c == '\'':
		p.i++
		for p.i < len(p.s) {
			switch p.s[p.i] {
			case c:
				if p.i == start+1 {
					return "", false
				}
				p.i++
				return p.s[start+1 : p.i-1], true
			case '\\', '\n', '\r', '.', '[', ']':
				return "", false
			}
			p.i++
		}
		return "", false
	default:
		for p.i < len(p.s) && isBare(p.s[p.i]) {
			p.i++
		}
		return p.s[start:p.i], p.i > start
	}
}

// keyValue reads key = value into table m, whose path is prefix.
func (p *fastParser) keyValue(m map[string]any, prefix string, depth int) bool {
	at := p.pos()
	k, ok := p.key()
	if !ok {
		return false
	}
	if _, dup := m[k]; dup {
		return false
	}
	p.blanks()
	if p.eof() || p.s[p.i] != '=' {
		return false // also a dotted key
	}
	p.i++
	p.blanks()
	full := join(prefix, k)
	p.record(full, at)
	v, ok := p.value(full, depth)
	if !ok {
		return false
	}
	m[k] = v
	return true
}

// value reads one value; path is its key's, for the keys of inline
// tables.
func (p *fastParser) value(path string, depth int) (any, bool) {
	if p.eof() || depth > fastMaxDepth {
		return nil, false
	}
	switch c := p.s[p.i]; {
	case c == '"':
		if strings.HasPrefix(p.s[p.i:], `"""`) {
			return p.multiline('"')
		}
		return p.basic()
	case c == '\'':
		if strings.HasPrefix(p.s[p.i:], "'''") {
			return p.multiline('\'')
		}
		p.i++
		j := strings.IndexAny(p.s[p.i:], "'\n\r")
		if j < 0 || p.s[p.i+j] != '\'' {
			return nil, false
		}
		s := p.s[p.i : p.i+j]
		p.i += j + 1
		return s, true
	case c == '[':
		return p.array(path, depth+1)
	case c == '{':
		return p.inlineTable(path, depth+1)
	case c == 't' || c == 'f':
		for _, b := range []string{"true", "false"} {
			if strings.HasPrefix(p.s[p.i:], b) {
				p.i += len(b)
				return b == "true", p.delimited()
			}
		}
		return nil, false
	case c >= '0' && c <= '9' || c == '-' || c == '+':
		return p.number()
	}
	return nil, false
}

// delimited reports whether a bare value (a number or boolean) ends here.
func (p *fastParser) delimited() bool {
	if p.eof() {
		return true
	}
	switch p.s[p.i] {
	case ' ', '\t', '\n', '\r', ',', ']', '}', '#':
		return true
	}
	return false
}

// number reads a decimal integer or float: [+-](0|[1-9][0-9]*) then, for
// a float, .[0-9]+ and/or [eE][+-][0-9]+.
func (p *fastParser) number() (any, bool) {
	start := p.i
	if c := p.s[p.i]; c == '+' || c == '-' {
		p.i++
	}
	digits := func() int {
		n := 0
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	intStart := p.i
	if n := digits(); n == 0 || n > 1 && p.s[intStart] == '0' {
		return nil, false
	}
	float := false
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return nil, false
		}
		float = true
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, false
		}
		float = true
	}
	if !p.delimited() {
		return nil, false
	}
	text := p.s[start:p.i]
	if float {
		f, err := strconv.ParseFloat(text, 64)
		return f, err == nil
	}
	n, err := strconv.ParseInt(text, 10, 64)
	return n, err == nil
}

// basic reads a one-line "basic string".
func (p *fastParser) basic() (any, bool) {
	p.i++
	start := p.i
	escaped := false
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case '"':
			s := p.s[start:p.i]
			p.i++
			if escaped {
				return unescapeTOML(s)
			}
			return s, true
		case '\\':
			escaped = true
			p.i += 2
			continue
		case '\n', '\r':
			return nil, false
		}
		p.i++
	}
	return nil, false
}

// multiline reads a multi-line string: basic (in three double quotes) or
// literal (in three single quotes).
func (p *fastParser) multiline(q byte) (any, bool) {
	p.i += 3
	start := p.i
	escaped := false
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case q:
			n := 1
			for p.i+n < len(p.s) && p.s[p.i+n] == q {
				n++
			}
			if n < 3 {
				p.i += n
				continue
			}
			if n > 3 {
				return nil, false // quotes that belong to the string: left to BurntSushi
			}
			s := p.s[start:p.i]
			p.i += 3
			if strings.HasPrefix(s, "\n") {
				s = s[1:]
			} else if strings.HasPrefix(s, "\r\n") {
				s = s[2:]
			}
			if escaped {
				return unescapeTOML(s)
			}
			return s, true
		case '\\':
			if q == '"' {
				escaped = true
				p.i += 2
				continue
			}
		}
		p.i++
	}
	return nil, false
}

// unescapeTOML replaces the escapes \b \t \n \f \r \" \\ of a basic
// string; ok is false for any other backslash (other escapes, and the
// line-ending backslash of multi-line strings, are left to BurntSushi).
func unescapeTOML(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	for {
		j := strings.IndexByte(s, '\\')
		if j < 0 {
			b.WriteString(s)
			return b.String(), true
		}
		b.WriteString(s[:j])
		if j+1 >= len(s) {
			return "", false
		}
		var c byte
		switch s[j+1] {
		case 'b':
			c = '\b'
		case 't':
			c = '\t'
		case 'n':
			c = '\n'
		case 'f':
			c = '\f'
		case 'r':
			c = '\r'
		case '"':
			c = '"'
		case '\\':
			c = '\\'
		default:
			return "", false
		}
		b.WriteByte(c)
		s = s[j+2:]
	}
}

// space skips blanks, line ends and comments (inside arrays).
func (p *fastParser) space() bool {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t':
			p.i++
		case '\n', '\r':
			if !p.newline() {
				return false
			}
		case '#':
			p.comment()
		default:
			return true
		}
	}
	return true
}

// array reads [a, b, …] (line ends, comments and a trailing comma
// allowed).
func (p *fastParser) array(path string, depth int) (any, bool) {
	p.i++
	list := make([]any, 0, 2)
	for {
		if !p.space() || p.eof() {
			return nil, false
		}
		if p.s[p.i] == ']' {
			p.i++
			return list, true
		}
		var elem string
		if c := p.s[p.i]; c == '[' || c == '{' {
			elem = path + "[" + strconv.Itoa(len(list)) + "]"
		}
		v, ok := p.value(elem, depth)
		if !ok {
			return nil, false
		}
		list = append(list, v)
		if !p.space() || p.eof() {
			return nil, false
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return list, true
		default:
			return nil, false
		}
	}
}

// inlineTable reads { k = v, … } on one line, without a trailing comma.
func (p *fastParser) inlineTable(path string, depth int) (any, bool) {
	p.i++
	m := map[string]any{}
	p.blanks()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return m, true
	}
	for {
		p.blanks()
		if !p.keyValue(m, path, depth) {
			return nil, false
		}
		p.blanks()
		if p.eof() {
			return nil, false
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return m, true
		default:
			return nil, false
		}
	}
}
