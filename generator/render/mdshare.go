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
// the HTML of a commentary with neither is the same for every caller: it
// is converted once and shared (commentaryHTML), and let go after the
// uses a build is expected to make of it.

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
// converted once when the result does not depend on the two options.
func (b *builder) commentaryHTML(cm *model.Commentary, minHeading int, idPrefix string) (template.HTML, error) {
	body := cm.Page.Body
	if len(body) == 0 {
		return b.o.Markdown(body, minHeading, idPrefix)
	}
	k := mdSource{&body[0], len(body)}
	sh := &b.md
	sh.mu.Lock()
	if e, ok := sh.m[k]; ok {
		if e.uses--; e.uses <= 0 {
			delete(sh.m, k)
		}
		sh.mu.Unlock()
		return e.html, nil
	}
	sh.mu.Unlock()
	html, err := b.o.Markdown(body, minHeading, idPrefix)
	if err != nil || !sameForAllOptions(string(html)) {
		return html, err
	}
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
	return html, nil
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

// sameForAllOptions reports whether HTML converted from Markdown has no
// heading and no id: converting its source with another smallest heading
// level or prefix of ids gives the same bytes (markdown.Renderer changes
// only headings' levels and ids, and tables' caption ids). Raw HTML that
// unsafe_html lets through with a heading or an id only makes it say
// no, which costs a conversion, never a wrong page.
func sameForAllOptions(html string) bool {
	if strings.Contains(html, ` id="`) {
		return false
	}
	for i := 0; ; {
		j := strings.Index(html[i:], "<h")
		if j < 0 {
			return true
		}
		i += j + 2
		if i < len(html) && html[i] >= '1' && html[i] <= '6' {
			return false
		}
	}
}
