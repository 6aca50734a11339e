package serve

import (
	"bytes"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// The paths the Server answers itself. "_kpisite" cannot clash with a page:
// kpisite's output paths are slugs, which never start with "_".
const (
	EventsPath = "/_kpisite/events"
	ScriptPath = "/_kpisite/reload.js"
)

// reloadJS reloads the page when the server's version is not the one the
// page was served with: on a rebuild, and on reconnecting to a server that
// rebuilt (or restarted) while the page was open. It is served as a file
// rather than inline so that a theme with a Content-Security-Policy of
// script-src 'self' still gets live reload.
const reloadJS = `// kpisite serve: reloads this page when the site is rebuilt. Never published.
(function () {
  var script = document.currentScript;
  var version = script && script.getAttribute("data-version");
  if (!window.EventSource || !version) return;
  var events = new EventSource("` + EventsPath + `");
  events.onmessage = function (e) {
    if (e.data !== version) {
      events.close();
      location.reload();
    }
  };
})();
`

// scriptTag is the element inserted in HTML responses. version is made by
// the Server from digits, letters and "-", so it needs no escaping.
func scriptTag(version string) []byte {
	return []byte(`<script src="` + ScriptPath + `" data-version="` + version + `"></script>`)
}

// inject returns page with the reload script inserted before its last
// </body>, or appended when it has none.
func inject(page []byte, version string) []byte {
	tag := scriptTag(version)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = lastIndexFold(page, "</body>")
	}
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case.
func lastIndexFold(b []byte, sub string) int {
	return bytes.LastIndex(bytes.ToLower(b), []byte(sub))
}

// serveEvents streams the version of the latest build as server-sent
// events: once on connecting, then after every build that changed what is
// served.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	ch, ok := s.events.subscribe()
	if !ok {
		http.Error(w, "the server is stopping", http.StatusServiceUnavailable)
		return
	}
	defer s.events.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	send := func() bool {
		_, err := fmt.Fprintf(w, "data: %s\n\n", s.cur.Load().version)
		flusher.Flush()
		return err == nil
	}
	// retry: reconnect quickly when the server restarts.
	fmt.Fprint(w, "retry: 1000\n")
	if !send() {
		return
	}
	keepAlive := time.NewTicker(30 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.events.done:
			return
		case <-ch:
			if !send() {
				return
			}
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			flusher.Flush()
		}
	}
}

// broker fans a "something changed" signal out to every event stream.
type broker struct {
	mu     sync.Mutex
	subs   map[chan struct{}]struct{}
	done   chan struct{}
	closed bool
}

func newBroker() *broker {
	return &broker{subs: map[chan struct{}]struct{}{}, done: make(chan struct{})}
}

func (b *broker) subscribe() (chan struct{}, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, false
	}
	ch := make(chan struct{}, 1)
	b.subs[ch] = struct{}{}
	return ch, true
}

func (b *broker) unsubscribe(ch chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs, ch)
}

// notify wakes every stream; a stream that has not yet sent the previous
// signal sends the latest version once.
func (b *broker) notify() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}

// subscribers is the number of open event streams (for tests).
func (b *broker) subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}
