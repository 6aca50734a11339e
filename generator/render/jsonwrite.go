package render

import (
	"encoding/base64"
	"math"
	"strconv"
	"unicode/utf8"
)

// jsonWriter writes the JSON files and scripts kpisite publishes
// (data.json, the catalogue, the search index, the JSON-LD of indicator
// pages) without reflection, in exactly the bytes encoding/json would
// write for the structs they used to be: json.Marshal when indent is
// false, json.MarshalIndent(v, "", "  ") when it is true. The equivalence
// tests hold the two side by side.
//
// The caller writes members in the order of the old struct's fields and
// leaves out omitempty fields itself. Keys given to key are written as
// they are: they are constants of the program, and none needs escaping.
type jsonWriter struct {
	b      []byte
	indent bool
	depth  int
	more   bool  // the object or array being written has a member already
	err    error // the first value JSON cannot hold
}

// newline starts a member's line when indenting.
func (w *jsonWriter) newline() {
	if !w.indent {
		return
	}
	w.b = append(w.b, '\n')
	for range w.depth {
		w.b = append(w.b, ' ', ' ')
	}
}

// sep goes before each member of an object or array.
func (w *jsonWriter) sep() {
	if w.more {
		w.b = append(w.b, ',')
	}
	w.newline()
	w.more = true
}

// open starts an object ('{') or array ('[').
func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.more = false
}

// close ends an object ('}') or array (']'); an empty one stays on one
// line, as "{}" or "[]".
func (w *jsonWriter) close(c byte) {
	w.depth--
	if w.more {
		w.newline()
	}
	w.b = append(w.b, c)
	w.more = true
}

// key starts an object member named k (a constant needing no escaping).
func (w *jsonWriter) key(k string) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
	if w.indent {
		w.b = append(w.b, ' ')
	}
}

// mapKey starts an object member named by data (a map key): escaped.
func (w *jsonWriter) mapKey(k string) {
	w.sep()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':')
	if w.indent {
		w.b = append(w.b, ' ')
	}
}

// elem starts an array element.
func (w *jsonWriter) elem() { w.sep() }

func (w *jsonWriter) str(s string) { w.b = appendJSONString(w.b, s) }

func (w *jsonWriter) null() { w.b = append(w.b, "null"...) }

func (w *jsonWriter) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

func (w *jsonWriter) bool(v bool) { w.b = strconv.AppendBool(w.b, v) }

func (w *jsonWriter) float(f float64) {
	var err error
	w.b, err = appendJSONFloat(w.b, f)
	if err != nil && w.err == nil {
		w.err = err
	}
}

// bytes writes b as encoding/json writes a []byte: base64, or null.
func (w *jsonWriter) bytes(b []byte) {
	if b == nil {
		w.null()
		return
	}
	w.b = append(w.b, '"')
	w.b = base64.StdEncoding.AppendEncode(w.b, b)
	w.b = append(w.b, '"')
}

// strings writes a []string: null when nil.
func (w *jsonWriter) strings(ss []string) {
	if ss == nil {
		w.null()
		return
	}
	w.open('[')
	for _, s := range ss {
		w.elem()
		w.str(s)
	}
	w.close(']')
}

// errUnsupportedFloat is encoding/json's error for a float JSON cannot
// hold, in its words.
type errUnsupportedFloat struct{ f float64 }

func (e errUnsupportedFloat) Error() string {
	return "json: unsupported value: " + strconv.FormatFloat(e.f, 'g', -1, 64)
}

// appendJSONFloat appends f as encoding/json writes a float64: the
// shortest digits that read back as f, in exponent form below 1e-6 and
// from 1e21 up ("1e-7", not "1e-07"). NaN and the infinities are errors.
func appendJSONFloat(dst []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return dst, errUnsupportedFloat{f}
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9.
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, nil
}

const jsonHex = "0123456789abcdef"

// jsonSafe marks the ASCII bytes encoding/json writes as they are (with
// its default HTML escaping): everything printable but ", \, <, > and &.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()

// appendJSONString appends s quoted as encoding/json quotes a string:
// ", \ and the control characters escaped, <, > and & as \u003c, \u003e
// and \u0026 so that the text cannot end a <script> element, U+2028 and
// U+2029 escaped, and each byte of invalid UTF-8 as \ufffd.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', jsonHex[c>>4], jsonHex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
