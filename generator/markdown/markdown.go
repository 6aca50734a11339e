// Package markdown is kpisite's one configured goldmark instance:
// CommonMark plus tables, heading ids, and three safety rules.
//
//   - Raw HTML (blocks and inline) is shown as escaped text unless the site
//     sets unsafe_html = true, so an analyst sees the markup they typed
//     rather than having it silently dropped or run.
//   - Links and images whose destination uses the javascript:, vbscript:,
//     file: or data: scheme are never emitted, even with unsafe_html: the
//     link becomes its text, the image its alt text.
//   - Headings are shifted so that the page keeps one <h1> (Options.
//     MinHeading), and their ids carry a per-fragment prefix so that
//     several fragments can share a page without clashing ids.
//
// Tables are made as accessible as the theme's own: a caption, scope on
// header cells, class="num" on right-aligned columns, and a labelled,
// focusable region around each (tables.go).
package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer converts Markdown to HTML. Build one per site build with New.
type Renderer struct {
	md goldmark.Markdown
}

// Options apply to one conversion.
type Options struct {
	MinHeading int    // the smallest heading level allowed (2 = no <h1>); 0 means 2
	IDPrefix   string // prefix of generated heading ids, e.g. "commentary-"
}

// New returns a Renderer. unsafeHTML passes raw HTML through (site.toml
// unsafe_html); dangerous links are removed either way.
func New(unsafeHTML bool) *Renderer {
	var rendererOpts []renderer.Option
	if unsafeHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough}
	md := goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(safeLinks{}, 100), util.Prioritized(headingShift{}, 101),
				util.Prioritized(accessibleTables{}, 102)),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(tableRenderer{}, 0)))
	if !unsafeHTML {
		md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 0)))
	}
	return &Renderer{md: md}
}

var minHeadingContextKey = parser.NewContextKey()

// Convert renders src. The returned HTML is safe to place in a page as is:
// see the package comment.
func (r *Renderer) Convert(src []byte, o Options) ([]byte, error) {
	if o.MinHeading == 0 {
		o.MinHeading = 2
	}
	ctx := parser.NewContext(parser.WithIDs(&prefixedIDs{prefix: o.IDPrefix, seen: map[string]int{}}))
	ctx.Set(minHeadingContextKey, o.MinHeading)
	var buf bytes.Buffer
	if err := r.md.Convert(src, &buf, parser.WithContext(ctx)); err != nil {
		return nil, fmt.Errorf("convert markdown: %w", err)
	}
	return buf.Bytes(), nil
}

// headingShift moves headings down so none is above MinHeading, keeping
// their relative levels.
type headingShift struct{}

func (headingShift) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	minLevel, _ := pc.Get(minHeadingContextKey).(int)
	if minLevel <= 1 {
		return
	}
	top := 7
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level < top {
			top = h.Level
		}
		return ast.WalkContinue, nil
	})
	if top >= minLevel || top == 7 {
		return
	}
	shift := minLevel - top
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level+shift, 6)
		}
		return ast.WalkContinue, nil
	})
}

// prefixedIDs generates heading ids "prefix" + slug, unique within one
// conversion.
type prefixedIDs struct {
	prefix string
	seen   map[string]int
}

func (p *prefixedIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b []byte
	dash := false
	for _, c := range bytes.ToLower(value) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
			dash = false
		case !dash && len(b) > 0:
			b = append(b, '-')
			dash = true
		}
	}
	b = bytes.TrimRight(b, "-")
	if len(b) == 0 {
		b = []byte("section")
	}
	id := p.prefix + string(b)
	if n := p.seen[id]; n > 0 {
		p.seen[id] = n + 1
		id = fmt.Sprintf("%s-%d", id, n)
	} else {
		p.seen[id] = 1
	}
	return []byte(id)
}

func (p *prefixedIDs) Put(value []byte) { p.seen[string(value)]++ }
