package render

import (
	"bytes"
	"io"
	"sync"
	"sync/atomic"
)

// templatesTo is a theme that renders into a buffer of the caller's
// (theme.Theme does).
type templatesTo interface {
	ExecuteTo(w io.Writer, name string, data any) error
}

// pageSizes remembers the largest page each template has made in this
// build, so that the next page's buffer is allocated once at about its
// size instead of growing (and being copied) by doubling: a page of a
// thousand indicators runs to tens of megabytes.
type pageSizes struct {
	m sync.Map // template name -> *atomic.Int64
}

func (p *pageSizes) largest(tmpl string) *atomic.Int64 {
	if v, ok := p.m.Load(tmpl); ok {
		return v.(*atomic.Int64)
	}
	v, _ := p.m.LoadOrStore(tmpl, new(atomic.Int64))
	return v.(*atomic.Int64)
}

// execute renders page template tmpl with data.
func (b *builder) execute(tmpl string, data any) ([]byte, error) {
	tw, ok := b.o.Theme.(templatesTo)
	if !ok {
		return b.o.Theme.Execute(tmpl, data)
	}
	largest := b.sizes.largest(tmpl)
	n := largest.Load()
	buf := bytes.NewBuffer(make([]byte, 0, n+n/16+512))
	if err := tw.ExecuteTo(buf, tmpl, data); err != nil {
		return nil, err
	}
	for size := int64(buf.Len()); ; {
		old := largest.Load()
		if size <= old || largest.CompareAndSwap(old, size) {
			break
		}
	}
	return buf.Bytes(), nil
}
