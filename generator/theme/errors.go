package theme

import (
	"errors"
	"regexp"
	"strconv"
)

// Error is a problem with a template file, at its line and column in the
// site: "themes/default/templates/page.html:3:5: …". Path is where the
// template comes from: the site's own file, or the built-in default
// theme's file of the same name (then Builtin is set).
type Error struct {
	Path    string
	Line    int
	Column  int // 0 when Go's template parser gives none
	Builtin bool
	Msg     string
}

func (e *Error) Error() string {
	pos := e.Path
	if e.Line > 0 {
		pos += ":" + strconv.Itoa(e.Line)
		if e.Column > 0 {
			pos += ":" + strconv.Itoa(e.Column)
		}
	}
	msg := e.Msg
	if e.Builtin {
		msg += " (in kpisite's built-in default theme)"
	}
	return pos + ": " + msg
}

// templateErr matches the position Go's template packages put in their
// errors: "template: page.html:3: …", "template: page.html:3:5: …",
// "html/template:page.html:3:10: …".
var templateErr = regexp.MustCompile(`(?s)^(?:html/)?template: ?([^:\s]+):(\d+)(?::(\d+))?: (.*)$`)

// position turns an error of Go's template packages into an *Error at
// the template file it names, using files (template file name -> path in
// the site). Other errors come back as they are.
func position(err error, files map[string]source) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	m := templateErr.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	src, ok := files[m[1]]
	if !ok {
		return err
	}
	line, _ := strconv.Atoi(m[2])
	col := 0
	if m[3] != "" {
		// Go counts the column from 0; kpisite's positions count from 1.
		col, _ = strconv.Atoi(m[3])
		col++
	}
	return &Error{Path: src.path, Line: line, Column: col, Builtin: src.builtin, Msg: m[4]}
}

// source is where a template file was read from.
type source struct {
	path    string // "themes/<name>/templates/<file>"
	builtin bool   // the embedded default theme
}
