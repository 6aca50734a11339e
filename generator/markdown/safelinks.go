package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// dangerousSchemes are never emitted as link or image destinations.
var dangerousSchemes = [][]byte{[]byte("javascript:"), []byte("vbscript:"), []byte("file:"), []byte("data:")}

// IsDangerous reports whether a URL uses a scheme kpisite never emits.
// Browsers ignore ASCII control characters and spaces inside a scheme, so
// those are dropped before comparing.
func IsDangerous(url []byte) bool {
	var b []byte
	for _, c := range bytes.TrimSpace(url) {
		if c <= ' ' {
			continue
		}
		b = append(b, c)
		if c == ':' || len(b) > 16 {
			break
		}
	}
	b = bytes.ToLower(b)
	for _, s := range dangerousSchemes {
		if bytes.HasPrefix(b, s) {
			return true
		}
	}
	return false
}

// safeLinks replaces links and images with dangerous destinations by their
// text.
type safeLinks struct{}

func (safeLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var bad []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Link:
			if IsDangerous(v.Destination) {
				bad = append(bad, n)
			}
		case *ast.Image:
			if IsDangerous(v.Destination) {
				bad = append(bad, n)
			}
		case *ast.AutoLink:
			if IsDangerous(v.URL(reader.Source())) {
				bad = append(bad, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range bad {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		if al, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(al.Label(reader.Source())))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}
