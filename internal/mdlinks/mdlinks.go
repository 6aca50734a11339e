// Package mdlinks checks the relative links of the repository's own
// Markdown documents (README.md, docs/): every link to a file must name a
// file or folder that exists inside the repository, and every #fragment a
// heading of the Markdown file it points to, as GitHub makes heading
// anchors. Links with a scheme (https:, mailto:) are not followed.
//
// Markdown is parsed with goldmark, so links inside code spans and code
// blocks, which are examples rather than links, are not checked.
package mdlinks

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Broken is a link that does not resolve.
type Broken struct {
	File    string // slash-separated, relative to the repository root
	Line    int
	URL     string
	Problem string
}

func (b Broken) String() string {
	return fmt.Sprintf("%s:%d: link %q: %s", b.File, b.Line, b.URL, b.Problem)
}

// link is one link of a document.
type link struct {
	dest string
	line int
}

// doc is what a check needs of one Markdown file.
type doc struct {
	links   []link
	anchors map[string]bool
}

var md = goldmark.New(goldmark.WithExtensions(extension.GFM))

// parse reads the links and heading anchors of Markdown source.
func parse(src []byte) doc {
	d := doc{anchors: map[string]bool{}}
	seen := map[string]int{}
	from := 0
	root := md.Parser().Parse(text.NewReader(src))
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch n := n.(type) {
		case *ast.Heading:
			a := anchor(plainText(n, src))
			if k := seen[a]; k > 0 {
				d.anchors[fmt.Sprintf("%s-%d", a, k)] = true
			} else {
				d.anchors[a] = true
			}
			seen[a]++
			return ast.WalkContinue, nil
		case *ast.Link:
			dest = string(n.Destination)
		case *ast.Image:
			dest = string(n.Destination)
		default:
			return ast.WalkContinue, nil
		}
		// Inline nodes carry no position: find the destination in the
		// source, after the previous link's.
		line := 0
		if i := bytes.Index(src[from:], []byte(dest)); i >= 0 {
			from += i
			line = bytes.Count(src[:from], []byte("\n")) + 1
		}
		d.links = append(d.links, link{dest: dest, line: line})
		return ast.WalkContinue, nil
	})
	return d
}

// plainText is the text of a heading as GitHub reads it: text, code spans
// and link texts, without the Markdown around them.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// anchor is GitHub's id for a heading: lower case, punctuation removed
// (except "-" and "_"), each space a hyphen.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Check checks the links of the Markdown files (slash-separated paths
// relative to root) and returns every broken one, in file order.
func Check(root string, files []string) ([]Broken, error) {
	docs := map[string]doc{}
	load := func(name string) (doc, error) {
		if d, ok := docs[name]; ok {
			return d, nil
		}
		src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			return doc{}, err
		}
		d := parse(src)
		docs[name] = d
		return d, nil
	}
	var broken []Broken
	for _, file := range files {
		d, err := load(file)
		if err != nil {
			return nil, err
		}
		for _, l := range d.links {
			if problem := checkLink(root, file, l.dest, load); problem != "" {
				broken = append(broken, Broken{File: file, Line: l.line, URL: l.dest, Problem: problem})
			}
		}
	}
	return broken, nil
}

// checkLink returns what is wrong with dest, a link in file, or "".
func checkLink(root, file, dest string, load func(string) (doc, error)) string {
	u, err := url.Parse(dest)
	if err != nil {
		return "not a URL: " + err.Error()
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // another site: not followed
	}
	if strings.HasPrefix(u.Path, "/") {
		return "an absolute path; expected a path relative to this file"
	}
	target := file
	if u.Path != "" {
		target = path.Join(path.Dir(file), u.Path)
		if target == ".." || strings.HasPrefix(target, "../") {
			return "points outside the repository; expected a file in it"
		}
		info, err := os.Stat(filepath.Join(root, filepath.FromSlash(target)))
		if err != nil {
			return fmt.Sprintf("%s does not exist", target)
		}
		if info.IsDir() {
			if u.Fragment != "" {
				return fmt.Sprintf("#%s on a folder", u.Fragment)
			}
			return ""
		}
	}
	if u.Fragment == "" || !strings.EqualFold(path.Ext(target), ".md") {
		return ""
	}
	d, err := load(target)
	if err != nil {
		return err.Error()
	}
	if !d.anchors[u.Fragment] {
		return fmt.Sprintf("%s has no heading with anchor #%s", target, u.Fragment)
	}
	return ""
}
