package load

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"kpisite/generator/model"
)

// listFiles returns the files of dir whose names end in ext or in one of
// more (in any case), sorted by name. Other files and folders in dir are
// reported as warnings, because a misnamed file (".tmol", ".csv.txt")
// would otherwise drop its data without a word; hidden files (".gitkeep")
// are skipped, and so are the lock files Excel keeps beside an open
// workbook ("~$kpis.xlsx"), with a warning. A missing dir holds no files.
func listFiles(fsys fs.FS, dir, ext string, ps *model.Problems, more ...string) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			readError(ps, dir, "folder", err)
		}
		return nil
	}
	exts := append([]string{ext}, more...)
	want := "*" + strings.Join(exts, " and *")
	known := func(name string) bool {
		for _, e := range exts {
			if strings.EqualFold(path.Ext(name), e) {
				return true
			}
		}
		return false
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		p := path.Join(dir, name)
		switch {
		case strings.HasPrefix(name, "."):
		case e.IsDir():
			ps.Warnf(model.Position{Path: p}, "folder is ignored; expected only %s files directly in %s/", want, dir)
		case strings.HasPrefix(name, "~$"):
			ps.Warnf(model.Position{Path: p}, "file is ignored: it is the lock file Excel keeps while a workbook is open; expected it to go when the workbook is closed (do not commit it)")
		case !known(name):
			ps.Warnf(model.Position{Path: p}, "file is ignored; expected only %s files in %s/", want, dir)
		default:
			out = append(out, p)
		}
	}
	return out
}

// Saving as UTF-8 from the spreadsheets analysts use.
const utf8Advice = "save it as \"CSV UTF-8 (Comma delimited)\" from Excel, or choose UTF-8 when exporting from LibreOffice"

// Saving a TOML file as UTF-8.
const tomlUTF8Advice = "save it as UTF-8 in a plain-text editor (write £ and other characters again if they were pasted from another program)"

// checkUTF8 reports a file that is not valid UTF-8 at its first bad line
// and column, with advice on how to fix it.
func checkUTF8(name string, b []byte, advice string, ps *model.Problems) bool {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		line, col := 1+bytes.Count(b[:i], []byte("\n")), 1+utf8.RuneCount(b[bytes.LastIndexByte(b[:i], '\n')+1:i])
		ps.Errorf(model.Position{Path: name, Line: line, Column: col}, "file has NUL bytes, so it is probably UTF-16 (\"Unicode Text\"), not UTF-8; %s", advice)
		return false
	}
	if utf8.Valid(b) {
		return true
	}
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else if r != '\ufeff' || i != 0 {
			col++
		}
		i += size
	}
	ps.Errorf(model.Position{Path: name, Line: line, Column: col}, "file is not valid UTF-8 (it may be Windows-1252 or Latin-1); %s", advice)
	return false
}
