package load

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"

	"kpisite/generator/model"
)

// Limits on what kpisite reads. They are far above what a council's site
// needs and low enough that a hostile or broken file is rejected in
// milliseconds, with a positioned error, instead of taking minutes and
// gigabytes: BurntSushi/toml takes time and memory that grow with the
// square of the nesting depth (16 KB of nested inline tables took 29 s
// and 700 MB), and every problem of a huge broken CSV file would be
// listed.
const (
	// MaxTOMLBytes is the largest TOML file: site.toml or one file of
	// data/indicators/ (10,000 indicators take about 5 MB).
	MaxTOMLBytes = 16 << 20
	// MaxCSVBytes is the largest CSV file of data/values/ or
	// data/actions/ (a million rows take about 40 MB).
	MaxCSVBytes = 128 << 20
	// MaxTOMLDepth is the deepest nesting of TOML tables, arrays, inline
	// tables and dotted keys. kpisite's own files need at most 4
	// ([[indicator]], target = [ { … } ]).
	MaxTOMLDepth = 12
	// MaxMarkdownBytes is the largest Markdown file of content/.
	MaxMarkdownBytes = 16 << 20
	// MaxNoteChars is the longest note of a values row: a short footnote
	// shown under a table.
	MaxNoteChars = 1000
)

// WholeFileReader is a file system that can read a whole regular file in
// fewer system calls than Open, Stat and Read (the CLI's site folder, on
// Linux). ReadWhole returns the file's size when it was opened and, when
// that is at most max, the file's bytes, read into a slice of that size.
// ok is false whenever it cannot read the file so (it is missing, not a
// regular file, a symbolic link, or any error): the file is then read
// through Open, which reports why in the usual words. So a ReadWhole must
// never read what Open would refuse.
type WholeFileReader interface {
	ReadWhole(name string, max int64) (b []byte, size int64, ok bool)
}

// readFileMax reads a file of at most max bytes. A larger file is
// reported (at the file, with the limit) and not read at all.
func readFileMax(fsys fs.FS, name string, max int64, ps *model.Problems) ([]byte, bool) {
	tooLarge := func(st fs.FileInfo) bool {
		if st.Mode().IsRegular() && st.Size() > max {
			ps.Errorf(model.Position{Path: name}, "file is %s; expected at most %s (split it into several files)", byteSize(st.Size()), byteSize(max))
			return true
		}
		return false
	}
	if r, ok := fsys.(WholeFileReader); ok {
		if b, size, ok := r.ReadWhole(name, max); ok {
			if size > max {
				ps.Errorf(model.Position{Path: name}, "file is %s; expected at most %s (split it into several files)", byteSize(size), byteSize(max))
				return nil, false
			}
			return b, true
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		if st, serr := fs.Stat(fsys, name); serr == nil && tooLarge(st) {
			return nil, false
		}
		readError(ps, name, "file", err)
		return nil, false
	}
	defer f.Close()
	// The open file's size, without finding the file again by name.
	var b []byte
	if st, err := f.Stat(); err == nil {
		if tooLarge(st) {
			return nil, false
		}
		if st.Mode().IsRegular() {
			// Read whole into its size and one byte more, to see the
			// end: no spare room (what is read is often kept, such as a
			// page's text, and its room with it).
			b = make([]byte, st.Size()+1)
			n, err := io.ReadFull(f, b)
			switch {
			case err == io.EOF || err == io.ErrUnexpectedEOF:
				return b[:n], true
			case err != nil:
				readError(ps, name, "file", err)
				return nil, false
			}
			// The file has grown since: read on.
		}
	}
	// The size from Stat may not be the whole story (a file that grows,
	// a device): never read more than max+1 bytes.
	buf := bytes.NewBuffer(b)
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1-int64(len(b)))); err != nil {
		readError(ps, name, "file", err)
		return nil, false
	}
	b = buf.Bytes()
	if int64(len(b)) > max {
		ps.Errorf(model.Position{Path: name}, "file is larger than %s; expected at most %s (split it into several files)", byteSize(max), byteSize(max))
		return nil, false
	}
	return b, true
}

// byteSize writes a size for a message: "200.0 MB", "16 MB", "512 bytes".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// tomlTooDeep scans TOML source, without decoding it, for nesting deeper
// than max: table headers ([a.b.c] counts 3), dotted keys (a.b.c = 1
// counts 3 more inside the current table), arrays and inline tables each
// count one. It returns the byte offset at which the nesting first goes
// deeper than max, or -1. It skips strings and comments, never fails and
// takes time in proportion to the length of src, so it runs before the
// decoder on every file; input that is not TOML is left to the decoder.
func tomlTooDeep(src []byte, max int) int {
	type level struct {
		brace bool // an inline table (else an array)
		extra int  // dotted parts of the key being read, after the first
	}
	var (
		table    int     // parts of the current [table] header
		key      int     // parts of the top-level key being read
		open     []level // open arrays and inline tables of the value being read
		extra    int     // sum of open[*].extra
		lineHead = true  // at the start of a top-level line (only blanks so far)
		inKey    = true  // reading a key (before its '=')
	)
	depth := func() int { return table + key + len(open) + extra }
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			if len(open) == 0 {
				lineHead, inKey, key = true, true, 0
			}
		case c == ' ' || c == '\t' || c == '\r':
		case c == '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			i = skipTOMLString(src, i) - 1
			if inKey && len(open) == 0 && key == 0 {
				key = 1
			}
			lineHead = false
		case c == '[' && lineHead && len(open) == 0:
			// A table header: [a.b] or [[a.b]].
			parts, j := 1, i+1
			for ; j < len(src) && src[j] != '\n' && src[j] != ']'; j++ {
				switch src[j] {
				case '.':
					parts++
				case '"', '\'':
					j = skipTOMLString(src, j) - 1
				}
			}
			table = parts
			if table > max {
				return i
			}
			i = j
			lineHead, inKey = false, false
		case c == '[' || c == '{':
			open = append(open, level{brace: c == '{'})
			if depth() > max {
				return i
			}
			inKey = c == '{'
			lineHead = false
		case c == ']' || c == '}':
			if n := len(open); n > 0 {
				extra -= open[n-1].extra
				open = open[:n-1]
			}
			inKey = false
		case c == ',':
			if n := len(open); n > 0 && open[n-1].brace {
				extra -= open[n-1].extra
				open[n-1].extra = 0
				inKey = true
			}
		case c == '=':
			inKey, lineHead = false, false
		case c == '.' && inKey:
			if n := len(open); n == 0 {
				key++
			} else {
				open[n-1].extra++
				extra++
			}
			if depth() > max {
				return i
			}
		default:
			if inKey && len(open) == 0 && key == 0 {
				key = 1
			}
			lineHead = false
		}
	}
	return -1
}

// skipTOMLString returns the offset just after the string that starts at
// src[i] (a quote): basic or literal, one-line or multi-line.
func skipTOMLString(src []byte, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j < len(src); j++ {
			if q == '"' && src[j] == '\\' {
				j++
				continue
			}
			if j+2 < len(src) && src[j] == q && src[j+1] == q && src[j+2] == q {
				return j + 3
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q:
			return j + 1
		case src[j] == '\n':
			return j
		}
	}
	return len(src)
}
