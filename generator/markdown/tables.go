package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// accessibleTables makes a Markdown table as accessible as the theme's own
// tables:
//
//   - every header cell gets scope="col";
//   - a right-aligned column (|---:|) gets class="num", the theme's style for
//     figures, instead of an inline style;
//   - the table gets a <caption>: the paragraph "Table: …" just before it
//     (removed from the text), or else the text of the nearest heading above
//     it;
//   - it is wrapped in <div class="table-wrap" role="region"
//     aria-labelledby="<caption id>" tabindex="0">, so a wide table scrolls
//     sideways on a phone inside a labelled region a keyboard can reach.
type accessibleTables struct{}

// tableCaption is the caption of a table: its first child.
type tableCaption struct {
	ast.BaseBlock
	id []byte
}

var kindTableCaption = ast.NewNodeKind("TableCaption")

func (n *tableCaption) Kind() ast.NodeKind { return kindTableCaption }

func (n *tableCaption) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"id": string(n.id)}, nil)
}

const captionPrefix = "Table:"

func (accessibleTables) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	type found struct {
		table   *east.Table
		heading string
	}
	var tables []found
	heading := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			heading = plainText(n, source)
			return ast.WalkSkipChildren, nil
		case *east.Table:
			tables = append(tables, found{n, heading})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, f := range tables {
		t := f.table
		c := &tableCaption{id: pc.IDs().Generate([]byte("table"), kindTableCaption)}
		if p, ok := t.PreviousSibling().(*ast.Paragraph); ok && startsWithCaption(p, source) {
			first := p.FirstChild().(*ast.Text)
			rest := bytes.TrimLeft(first.Segment.Value(source)[len(captionPrefix):], " \t")
			first.Segment = first.Segment.WithStart(first.Segment.Stop - len(rest))
			for ch := p.FirstChild(); ch != nil; {
				next := ch.NextSibling()
				c.AppendChild(c, ch)
				ch = next
			}
			p.Parent().RemoveChild(p.Parent(), p)
		} else if f.heading != "" {
			c.AppendChild(c, ast.NewString([]byte(f.heading)))
		}
		if c.HasChildren() {
			t.InsertBefore(t, t.FirstChild(), c)
		}
		for row := t.FirstChild(); row != nil; row = row.NextSibling() {
			_, header := row.(*east.TableHeader)
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				tc, ok := cell.(*east.TableCell)
				if !ok {
					continue
				}
				if header {
					tc.SetAttributeString("scope", []byte("col"))
				}
				if tc.Alignment == east.AlignRight {
					tc.Alignment = east.AlignNone
					tc.SetAttributeString("class", []byte("num"))
				}
			}
		}
	}
}

// startsWithCaption reports whether p's text starts with "Table:".
func startsWithCaption(p *ast.Paragraph, source []byte) bool {
	first, ok := p.FirstChild().(*ast.Text)
	return ok && bytes.HasPrefix(first.Segment.Value(source), []byte(captionPrefix))
}

// plainText is the text of n's inline content, without markup.
func plainText(n ast.Node, source []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return string(bytes.TrimSpace(b.Bytes()))
}

// tableRenderer writes the region around a table and its caption; the
// table extension still renders the rows and cells.
type tableRenderer struct{}

func (tableRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTable, renderTable)
	reg.Register(kindTableCaption, renderTableCaption)
}

func renderTable(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</table>\n</div>\n")
		return ast.WalkContinue, nil
	}
	if c, ok := n.FirstChild().(*tableCaption); ok {
		_, _ = fmt.Fprintf(w, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"%s\" tabindex=\"0\">\n", util.EscapeHTML(c.id))
	} else {
		_, _ = w.WriteString("<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n")
	}
	_, _ = w.WriteString("<table>\n")
	return ast.WalkContinue, nil
}

func renderTableCaption(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = fmt.Fprintf(w, "<caption id=\"%s\">", util.EscapeHTML(n.(*tableCaption).id))
	} else {
		_, _ = w.WriteString("</caption>\n")
	}
	return ast.WalkContinue, nil
}
