package load

import (
	"bytes"
	"errors"
)

// The line that opens and closes front matter.
const frontMatterFence = "+++"

// ErrUnclosedFrontMatter is returned by SplitFrontMatter when the opening
// +++ has no closing +++.
var ErrUnclosedFrontMatter = errors.New("front matter opened with +++ on line 1 is not closed; expected a line holding only +++ after it")

// SplitFrontMatter splits a Markdown file into its TOML front matter and
// its body. Front matter is present only when the very first line (after
// any byte-order mark) is +++; it ends at the next line that is +++ (a
// line's trailing spaces and a CR before its LF are ignored). front is
// nil when there is no front matter. bodyLine is the line of the file on
// which body starts, so that positions in the body can be reported.
func SplitFrontMatter(b []byte) (front, body []byte, bodyLine int, err error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	first, rest, hasNL := bytes.Cut(b, []byte("\n"))
	if !isFence(first) {
		return nil, b, 1, nil
	}
	if !hasNL {
		return nil, nil, 1, ErrUnclosedFrontMatter
	}
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		lineText := rest[off:]
		if end >= 0 {
			lineText = rest[off : off+end]
		}
		if isFence(lineText) {
			front = rest[:off]
			if end < 0 {
				return front, rest[len(rest):], line + 1, nil
			}
			return front, rest[off+end+1:], line + 1, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return nil, nil, 1, ErrUnclosedFrontMatter
}

func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == frontMatterFence
}
