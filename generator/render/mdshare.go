package render

import (
	"html/template"
	"strings"
	"sync"

	"kpisite/generator/model"
)

// A commentary is shown by its indicator's page, by the report of its
// period and by the feed, each converting its Markdown with its own
// smallest heading level and prefix of ids. Those two options change
// only headings (their level and id) and tables (their caption's id), so
// a commentary is converted once, with no shift of headings and mdMark
// as the prefix of its ids, and each caller's HTML is made from that by
// moving the headings down as markdown.Renderer would and putting its
// prefix in place of the mark where it starts an attribute's value
// (fromShared): text cannot put it there, since a quote in text is
// written &quot;. Where the HTML is not as expected the commentary is
// converted for the caller as before, and a site with unsafe_html (whose
// raw HTML may hold anything) converts every time. The shared HTML is
// let go after the uses a build is expected to make of it.

// mdShared is the HTML of commentaries converted so far, by body.
type mdShared struct {
	mu sync.Mutex
	m  map[mdSource]*mdEntry
}

// mdSource identifies a commentary's body: the loaded bytes, never
// changed, so their first byte and length name them.
type mdSource struct {
	p *byte
	n int
}

type mdEntry struct {
	html template.HTML
	uses int // left before it is let go
}

// commentaryHTML is b.o.Markdown(cm.Page.Body, minHeading, idPrefix),
// converted once for every caller (see the top of this file).
func (b *builder) commentaryHTML(cm *model.Commentary, minHeading int, idPrefix string) (template.HTML, error) {
	body := cm.Page.Body
	if len(body) == 0 || b.in.Site.UnsafeHTML {
		return b.o.Markdown(body, minHeading, idPrefix)
	}
	k := mdSource{&body[0], len(body)}
	sh := &b.md
	sh.mu.Lock()
	e, ok := sh.m[k]
	if ok {
		if e.uses--; e.uses <= 0 {
			delete(sh.m, k)
		}
	}
	sh.mu.Unlock()
	var shared string
	if ok {
		shared = string(e.html)
	} else {
		html, err := b.o.Markdown(body, 1, mdMark)
		if err != nil {
			return html, err
		}
		shared = string(html)
		if uses := b.commentaryUses(cm) - 1; uses > 0 {
			sh.mu.Lock()
			if sh.m == nil {
				sh.m = map[mdSource]*mdEntry{}
			}
			if _, ok := sh.m[k]; !ok {
				sh.m[k] = &mdEntry{html: html, uses: uses}
			}
			sh.mu.Unlock()
		}
	}
	if html, ok := fromShared(shared, minHeading, idPrefix); ok {
		return template.HTML(html), nil
	}
	return b.o.Markdown(body, minHeading, idPrefix)
}

// commentaryUses is how many times a build converts cm: its indicator's
// page, the feed and each report of its period. A guess that is too low
// converts it again; one too high keeps it until the build ends.
func (b *builder) commentaryUses(cm *model.Commentary) int {
	n := 2
	for _, rp := range b.reports {
		if rp.Period.Slug() == cm.PeriodSlug {
			n++
		}
	}
	return n
}

// mdMark is the prefix of ids in the shared HTML: capitals, which no
// id's own part (lower case letters, digits and hyphens) holds.
const mdMark = "KPSHARED-"

// fromShared makes the HTML of a conversion with minHeading and prefix
// from shared, converted with no shift of headings and the prefix mdMark:
// the headings moved down so that none is above minHeading (keeping their
// relative levels, none below 6), and prefix in place of the mark at the
// start of each id and reference to one. It reports false when shared is
// not as a conversion writes it: a heading without its id, or not closed
// by its own end tag.
func fromShared(shared string, minHeading int, prefix string) (string, bool) {
	top := 7
	for i := 0; ; {
		j := strings.Index(shared[i:], "<h")
		if j < 0 {
			break
		}
		i += j + 2
		if i < len(shared) && shared[i] >= '1' && shared[i] <= '6' {
			if !strings.HasPrefix(shared[i+1:], ` id="`+mdMark) {
				return "", false
			}
			top = min(top, int(shared[i]-'0'))
		}
	}
	html := shared
	if top < 7 && top < minHeading {
		var ok bool
		if html, ok = shiftHeadings(shared, minHeading-top); !ok {
			return "", false
		}
	}
	var out strings.Builder
	out.Grow(len(html) + 64)
	i := 0
	for {
		j := strings.Index(html[i:], mdMark)
		if j < 0 {
			break
		}
		at := i + j
		out.WriteString(html[i:at])
		if strings.HasSuffix(html[:at], ` id="`) || strings.HasSuffix(html[:at], ` aria-labelledby="`) {
			out.WriteString(prefix)
		} else {
			out.WriteString(mdMark) // text
		}
		i = at + len(mdMark)
	}
	out.WriteString(html[i:])
	return out.String(), true
}

// shiftHeadings moves every heading of html down by shift levels (to 6 at
// most): each <hN … </hN>, which must not nest.
func shiftHeadings(html string, shift int) (string, bool) {
	var out strings.Builder
	out.Grow(len(html))
	open := byte(0) // the level of the heading being written
	level := func(n byte) byte { return byte('0' + min(int(n-'0')+shift, 6)) }
	for i := 0; i < len(html); {
		j := strings.IndexByte(html[i:], '<')
		if j < 0 {
			out.WriteString(html[i:])
			break
		}
		out.WriteString(html[i : i+j])
		i += j
		rest := html[i:]
		switch {
		case len(rest) > 2 && rest[1] == 'h' && rest[2] >= '1' && rest[2] <= '6':
			if open != 0 {
				return "", false
			}
			open = rest[2]
			out.WriteString("<h")
			out.WriteByte(level(open))
			i += 3
		case len(rest) > 3 && rest[1] == '/' && rest[2] == 'h' && rest[3] >= '1' && rest[3] <= '6':
			if rest[3] != open {
				return "", false
			}
			out.WriteString("</h")
			out.WriteByte(level(open))
			open = 0
			i += 4
		default:
			out.WriteByte('<')
			i++
		}
	}
	return out.String(), open == 0
}
