package render

import (
	"bufio"
	"fmt"
	"io"
	"sync"
)

// The largest files of a build (a report of a thousand indicators runs to
// megabytes) are written as they are rendered, through Options.Create,
// instead of being held whole and handed to Emit: a job that streams a
// file returns its path with no data, and the runner's emit skips it
// (streamed.skip), so the path still counts for the duplicate check, the
// sitemap and the build cache's file list. Without Create (a build held
// in memory, kpisite serve) the file is rendered into a buffer as before.

// streamed records the paths written through Create (unprefixed, as the
// jobs name them).
type streamed struct {
	m sync.Map
}

// skip wraps emit so that it leaves out the files already written.
func (st *streamed) skip(emit func(string, []byte) error) func(string, []byte) error {
	if emit == nil {
		return nil
	}
	return func(p string, data []byte) error {
		if _, ok := st.m.LoadAndDelete(p); ok {
			return nil
		}
		return emit(p, data)
	}
}

// writers are the buffers files are written through: the file's writer
// (publish) copies what it is given before Write returns, so a buffer is
// used again by the next file.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// streaming reports whether files can be written through Create.
func (b *builder) streaming() bool { return b.o.Create != nil && b.o.Emit != nil }

// writeStreamed writes the file path through Create with write, and
// records it as streamed.
func (b *builder) writeStreamed(path string, write func(w io.Writer) error) error {
	f, err := b.o.Create(path)
	if err != nil {
		return err
	}
	bw := writers.Get().(*bufio.Writer)
	bw.Reset(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	bw.Reset(nil)
	writers.Put(bw)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	b.streamed.m.Store(path, true)
	return nil
}

// bigPage is page for a page that may run to megabytes: written through
// Create when it can be, else rendered into a buffer.
func (b *builder) bigPage(path, tmpl string, data any) (map[string][]byte, error) {
	tw, ok := b.o.Theme.(templatesTo)
	if !ok || !b.streaming() {
		return b.page(path, tmpl, data)
	}
	if err := b.writeStreamed(path, func(w io.Writer) error { return tw.ExecuteTo(w, tmpl, data) }); err != nil {
		return nil, fmt.Errorf("render %s: %w", path, err)
	}
	return map[string][]byte{path: nil}, nil
}

// bigPageTo is bigPage writing through wrap(w), when streamed.
func (b *builder) bigPageTo(path, tmpl string, data any, wrap func(io.Writer) io.Writer) (map[string][]byte, error) {
	tw, ok := b.o.Theme.(templatesTo)
	if !ok || !b.streaming() {
		return b.page(path, tmpl, data)
	}
	if err := b.writeStreamed(path, func(w io.Writer) error { return tw.ExecuteTo(wrap(w), tmpl, data) }); err != nil {
		return nil, fmt.Errorf("render %s: %w", path, err)
	}
	return map[string][]byte{path: nil}, nil
}

// localCreate is Create for a language after the first, as localEmit:
// its files under its folder; the shared files are the first language's,
// so a later language's copy is thrown away.
func localCreate(prefix string, create func(string) (io.WriteCloser, error)) func(string) (io.WriteCloser, error) {
	if prefix == "" || create == nil {
		return create
	}
	return func(p string) (io.WriteCloser, error) {
		if sharedFile(p) {
			return nopCloser{io.Discard}, nil
		}
		return create(prefix + p)
	}
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
