package linkcheck

import (
	"html"
	"strings"
)

// tag is one start tag of an HTML or SVG document: its lower-case name, its
// attributes (names lower-cased, values entity-decoded) and the line it is on.
type tag struct {
	name  string
	attrs map[string]string
	line  int
}

// startTags returns every start tag of doc in document order. It is a small
// HTML5-style tokenizer, enough for links and ids: it skips comments,
// doctypes, CDATA sections, end tags and the raw text of script, style,
// textarea and title elements, and reads quoted, unquoted and empty
// attribute values. It never fails: malformed markup is the Nu HTML
// Checker's job.
func startTags(doc string) []tag {
	var tags []tag
	line := 1
	i := 0
	advance := func(to int) {
		if to > len(doc) {
			to = len(doc)
		}
		line += strings.Count(doc[i:to], "\n")
		i = to
	}
	for i < len(doc) {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			break
		}
		advance(i + lt)
		rest := doc[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				advance(len(doc))
				continue
			}
			advance(i + 4 + end + 3)
			continue
		case strings.HasPrefix(rest, "<![CDATA["):
			end := strings.Index(rest, "]]>")
			if end < 0 {
				advance(len(doc))
				continue
			}
			advance(i + end + 3)
			continue
		case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"), strings.HasPrefix(rest, "</"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				advance(len(doc))
				continue
			}
			advance(i + end + 1)
			continue
		}
		if len(rest) < 2 || !isASCIILetter(rest[1]) {
			advance(i + 1)
			continue
		}
		t, n := parseTag(rest)
		t.line = line
		tags = append(tags, t)
		advance(i + n)
		switch t.name {
		case "script", "style", "textarea", "title", "xmp":
			// Raw text: skip to the matching end tag.
			end := strings.Index(strings.ToLower(doc[i:]), "</"+t.name)
			if end < 0 {
				advance(len(doc))
			} else {
				advance(i + end)
			}
		}
	}
	return tags
}

// parseTag reads the start tag at the beginning of s ("<name …>") and
// returns it with the number of bytes it took.
func parseTag(s string) (tag, int) {
	t := tag{attrs: map[string]string{}}
	j := 1
	for j < len(s) && !isSpace(s[j]) && s[j] != '>' && s[j] != '/' {
		j++
	}
	t.name = strings.ToLower(s[1:j])
	for j < len(s) {
		for j < len(s) && (isSpace(s[j]) || s[j] == '/') {
			j++
		}
		if j >= len(s) {
			break
		}
		if s[j] == '>' {
			return t, j + 1
		}
		k := j
		for k < len(s) && !isSpace(s[k]) && s[k] != '=' && s[k] != '>' && (s[k] != '/' || k == j) {
			k++
		}
		name := strings.ToLower(s[j:k])
		j = k
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		value := ""
		if j < len(s) && s[j] == '=' {
			j++
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == '"' || s[j] == '\'') {
				q := s[j]
				end := strings.IndexByte(s[j+1:], q)
				if end < 0 {
					value = s[j+1:]
					j = len(s)
				} else {
					value = s[j+1 : j+1+end]
					j = j + 1 + end + 1
				}
			} else {
				k := j
				for k < len(s) && !isSpace(s[k]) && s[k] != '>' {
					k++
				}
				value = s[j:k]
				j = k
			}
		}
		if _, dup := t.attrs[name]; !dup && name != "" { // the first of duplicates wins, as in HTML
			t.attrs[name] = html.UnescapeString(value)
		}
	}
	return t, len(s)
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isASCIILetter(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
