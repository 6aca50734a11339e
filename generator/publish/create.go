package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
)

// Create starts writing the new file p (a slash-separated path relative
// to OUT, checked as Add checks it) and returns a writer for it: a large
// page is written as it is rendered instead of being held whole. The file
// is recorded for the manifest at once; two files of one path are refused
// as Add refuses them (the second Create, or Add, fails). On Linux the
// file is created through the stream's folder descriptors, as Add creates
// it. Into a mount point the writer keeps the file in memory and hands it
// to the stream on Close. Abort and Commit close a writer still open (its
// further writes fail, and Commit fails).
func (s *Stream) Create(p string) (io.WriteCloser, error) {
	if !fs.ValidPath(p) || strings.Contains(p, "\\") || p == "." || p == ManifestName || isWorkName(strings.SplitN(p, "/", 2)[0]) {
		return nil, fmt.Errorf("publish: invalid output path %q", p)
	}
	w := &fileWriter{s: s, p: p}
	s.mu.Lock()
	if s.done || !s.started {
		s.mu.Unlock()
		return nil, errDone
	}
	if s.inPlace {
		if _, dup := s.files[p]; dup || s.creating[p] {
			s.mu.Unlock()
			return nil, fmt.Errorf("publish: two files write %s", p)
		}
		if s.creating == nil {
			s.creating = map[string]bool{}
		}
		s.creating[p] = true
		w.buf = &bytes.Buffer{}
	}
	s.paths = append(s.paths, p)
	if s.writers == nil {
		s.writers = map[*fileWriter]bool{}
	}
	s.writers[w] = true
	s.mu.Unlock()
	if w.buf != nil {
		return w, nil
	}
	f, err := s.createFile(p)
	if err != nil {
		s.mu.Lock()
		delete(s.writers, w)
		s.mu.Unlock()
		return nil, err
	}
	w.f = f
	return w, nil
}

// fileWriter is a file being written by Create.
type fileWriter struct {
	s   *Stream
	p   string
	mu  sync.Mutex
	f   io.WriteCloser // the file under the temporary folder
	buf *bytes.Buffer  // in place: the file, stored by Close
	end error          // set once closed: what a later Write or Close returns
}

func (w *fileWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.end != nil {
		return 0, w.end
	}
	if w.buf != nil {
		return w.buf.Write(b)
	}
	n, err := w.f.Write(b)
	if err != nil {
		err = fmt.Errorf("publish: %w", err)
	}
	return n, err
}

// Close ends the file: on disk, or (in place) into the stream's files.
func (w *fileWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.end != nil {
		if w.end == errClosed {
			return nil
		}
		return w.end
	}
	w.end = errClosed
	s := w.s
	s.mu.Lock()
	delete(s.writers, w)
	if w.buf != nil {
		delete(s.creating, w.p)
		if !s.done {
			s.files[w.p] = w.buf.Bytes()
		}
	}
	done := s.done
	s.mu.Unlock()
	if w.buf != nil {
		w.buf = nil
		if done {
			return errDone
		}
		return nil
	}
	if err := w.f.Close(); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// abandon closes the file, if still open, for Abort or Commit (under
// s.mu, which Close takes only after w.mu).
func (w *fileWriter) abandon() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.end != nil {
		return
	}
	w.end = errDone
	if a, ok := w.f.(interface{ abandon() }); ok {
		a.abandon() // not renamed into place
	} else if w.f != nil {
		w.f.Close()
	}
	w.buf = nil
}

var errClosed = errors.New("publish: file already closed")

// errDone: a file is added after Commit or Abort.
var errDone = errors.New("publish: file added after the build was published or abandoned")

// closeWriters closes the files still being written (Abort and Commit,
// after done is set), and reports whether there were any.
func (s *Stream) closeWriters() bool {
	s.mu.Lock()
	open := make([]*fileWriter, 0, len(s.writers))
	for w := range s.writers {
		open = append(open, w)
	}
	s.writers = nil
	s.mu.Unlock()
	for _, w := range open {
		w.abandon()
	}
	return len(open) > 0
}
