package load

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"kpisite/generator/model"
)

// keyPositions maps each key of a TOML file to where it was written. Keys
// are dotted paths from the root, with the index of each array-of-tables
// element in brackets: "title", "reporting.published",
// "indicator[2].target.kind". An array-of-tables header is recorded under
// its element's path ("indicator[2]").
//
// BurntSushi/toml keeps key positions to itself, so this is a small
// scanner of its own. It runs only on files the TOML parser accepted and
// only has to find keys, so it skips values without checking them; on
// input that is not TOML it still ends and never panics.
type keyPositions map[string]model.Position

// at returns the position of key, else of the nearest enclosing key or
// table that has one, else the first line of the file.
func (kp keyPositions) at(path, key string) model.Position {
	for k := key; ; {
		if p, ok := kp[k]; ok {
			return p
		}
		i := strings.LastIndexAny(k, ".[")
		if i < 0 {
			return model.Position{Path: path, Line: 1}
		}
		k = k[:i]
	}
}

// scanKeys finds the positions of the keys of a TOML file.
func scanKeys(path string, src []byte) keyPositions {
	s := &keyScanner{src: src, path: path, line: 1, col: 1, keys: keyPositions{}, arrays: map[string]int{}}
	s.file()
	return s.keys
}

type keyScanner struct {
	src       []byte
	i         int
	line, col int
	path      string
	keys      keyPositions
	arrays    map[string]int // array-of-tables path -> elements seen
	table     string         // path of the current table
}

func (s *keyScanner) eof() bool { return s.i >= len(s.src) }

func (s *keyScanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *keyScanner) hasPrefix(p string) bool {
	return strings.HasPrefix(string(s.src[s.i:min(len(s.src), s.i+len(p))]), p)
}

// next moves past one byte, counting lines and (rune) columns.
func (s *keyScanner) next() {
	if s.eof() {
		return
	}
	c := s.src[s.i]
	s.i++
	switch {
	case c == '\n':
		s.line, s.col = s.line+1, 1
	case c < utf8.RuneSelf || utf8.RuneStart(c):
		s.col++
	}
}

func (s *keyScanner) pos() model.Position {
	return model.Position{Path: s.path, Line: s.line, Column: s.col}
}

// spaces skips blanks, and with newlines also line ends and comments.
func (s *keyScanner) spaces(newlines bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.next()
		case newlines && c == '\n':
			s.next()
		case newlines && c == '#':
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine moves to the start of the next line.
func (s *keyScanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.next()
	}
	s.next()
}

func (s *keyScanner) file() {
	// A UTF-8 byte-order mark is invisible in editors: skip it without
	// counting a column.
	if strings.HasPrefix(string(s.src), "\ufeff") {
		s.i = len("\ufeff")
	}
	for {
		s.spaces(true)
		if s.eof() {
			return
		}
		start := s.i
		if s.peek() == '[' {
			s.header()
		} else {
			s.keyValue(s.table, true)
		}
		if s.i == start { // not TOML: give up on this line
			s.skipLine()
		}
	}
}

// header reads "[a.b]" or "[[a.b]]".
func (s *keyScanner) header() {
	p := s.pos()
	s.next()
	array := s.peek() == '['
	if array {
		s.next()
	}
	parts := s.key()
	resolved := ""
	for n, part := range parts {
		name := join(resolved, part)
		switch {
		case array && n == len(parts)-1:
			if _, ok := s.keys[name]; !ok {
				s.keys[name] = p // the array as a whole: its first table
			}
			idx := s.arrays[name]
			s.arrays[name] = idx + 1
			name += "[" + strconv.Itoa(idx) + "]"
		case s.arrays[name] > 0:
			name += "[" + strconv.Itoa(s.arrays[name]-1) + "]"
		}
		resolved = name
	}
	if len(parts) > 0 {
		s.table = resolved
		if _, ok := s.keys[resolved]; !ok {
			s.keys[resolved] = p
		}
	}
	s.skipLine()
}

// keyValue reads `key = value` and records key (and, for an inline table,
// its keys) under prefix. At top level the rest of the line is skipped.
func (s *keyScanner) keyValue(prefix string, topLevel bool) {
	p := s.pos()
	parts := s.key()
	if len(parts) == 0 {
		return
	}
	full := prefix
	for _, part := range parts {
		full = join(full, part)
		if _, ok := s.keys[full]; !ok {
			s.keys[full] = p
		}
	}
	s.spaces(false)
	if s.peek() != '=' {
		return
	}
	s.next()
	s.spaces(false)
	s.value(full)
	if topLevel {
		s.skipLine()
	}
}

// key reads a dotted key: bare, "quoted" or 'literal' parts.
func (s *keyScanner) key() []string {
	var parts []string
	for {
		s.spaces(false)
		var part string
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			part = s.quoted(c)
		case isBare(c):
			start := s.i
			for !s.eof() && isBare(s.peek()) {
				s.next()
			}
			part = string(s.src[start:s.i])
		default:
			return parts
		}
		parts = append(parts, part)
		s.spaces(false)
		if s.peek() != '.' {
			return parts
		}
		s.next()
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// quoted reads a one-line quoted key and returns its text (escapes other
// than \" and \\ are kept as written; keys rarely have them).
func (s *keyScanner) quoted(q byte) string {
	s.next()
	var b strings.Builder
	for !s.eof() && s.peek() != q && s.peek() != '\n' {
		c := s.peek()
		if c == '\\' && q == '"' {
			s.next()
			c = s.peek()
		}
		b.WriteByte(c)
		s.next()
	}
	s.next()
	return b.String()
}

// value skips one value; an inline table's keys are recorded under path.
func (s *keyScanner) value(path string) {
	switch c := s.peek(); {
	case c == '"' || c == '\'':
		s.skipString(c)
	case c == '[':
		s.next()
		for n := 0; ; n++ {
			s.spaces(true)
			if s.eof() || s.peek() == ']' {
				s.next()
				return
			}
			start := s.i
			s.value(path + "[" + strconv.Itoa(n) + "]")
			s.spaces(true)
			if s.peek() == ',' {
				s.next()
			} else if s.i == start {
				s.next()
			}
		}
	case c == '{':
		s.next()
		for {
			s.spaces(true)
			if s.eof() || s.peek() == '}' {
				s.next()
				return
			}
			start := s.i
			s.keyValue(path, false)
			s.spaces(true)
			if s.peek() == ',' {
				s.next()
			} else if s.i == start {
				s.next()
			}
		}
	default:
		for !s.eof() && !strings.ContainsRune(",]}\n\r#", rune(s.peek())) {
			s.next()
		}
	}
}

// skipString skips a basic or literal string, one-line or multi-line.
func (s *keyScanner) skipString(q byte) {
	triple := `"""`
	if q == '\'' {
		triple = "'''"
	}
	if s.hasPrefix(triple) {
		for range 3 {
			s.next()
		}
		for !s.eof() {
			if q == '"' && s.peek() == '\\' {
				s.next()
				s.next()
				continue
			}
			if s.hasPrefix(triple) {
				for range 3 {
					s.next()
				}
				// Up to two more quotes belong to the string.
				for n := 0; n < 2 && s.peek() == q; n++ {
					s.next()
				}
				return
			}
			s.next()
		}
		return
	}
	s.next()
	for !s.eof() && s.peek() != q && s.peek() != '\n' {
		if q == '"' && s.peek() == '\\' {
			s.next()
		}
		s.next()
	}
	if s.peek() == q {
		s.next()
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}
