package serve

import (
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// ServeHTTP answers a request from the latest build.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		misdirected(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case EventsPath:
		s.serveEvents(w, r)
		return
	case ScriptPath:
		write(w, r, http.StatusOK, "text/javascript; charset=utf-8", []byte(reloadJS))
		return
	}
	st := s.cur.Load()
	name, dir := cleanPath(r.URL.Path)
	if st.err != nil {
		s.serveProblems(w, r, st, name)
		return
	}
	file, found := name, false
	if dir {
		file = path.Join(name, "index.html")
	}
	if _, found = st.files[file]; !found && !dir {
		if _, ok := st.files[path.Join(name, "index.html")]; ok {
			// Pages link relatively, so a folder needs its slash. Not a
			// permanent redirect: the next build may make x a file.
			target := "/" + name + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
	}
	status := http.StatusOK
	if !found {
		status, file = http.StatusNotFound, "404.html"
	}
	data, ok := st.files[file]
	if !ok {
		http.NotFound(w, r) // a site without 404.html
		return
	}
	if isHTML(file) {
		data = inject(data, st.version)
	}
	write(w, r, status, contentType(file), data)
}

// cleanPath turns a URL path into a path of the site's files ("" for the
// root) and whether it names a folder. ".." cannot climb above the root,
// and since only built files are ever served it could find nothing there
// anyway.
func cleanPath(urlPath string) (name string, dir bool) {
	p := path.Clean("/" + urlPath)
	name = strings.TrimPrefix(p, "/")
	dir = name == "" || strings.HasSuffix(urlPath, "/")
	return name, dir
}

// write sends a whole response. Preview responses are never cached, so a
// rebuilt page or stylesheet shows on the next load.
func write(w http.ResponseWriter, r *http.Request, status int, ctype string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

func isHTML(name string) bool { return strings.HasSuffix(name, ".html") }

// contentTypes are the types of the files kpisite writes, fixed here
// rather than taken from the system's MIME table, which varies.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".ico":   "image/x-icon",
	".csv":   "text/csv; charset=utf-8",
	".json":  "application/json",
	".xml":   "application/xml; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".pdf":   "application/pdf",
	".woff2": "font/woff2",
	".woff":  "font/woff",
}

// contentType is the Content-Type of a file by its extension.
func contentType(name string) string {
	if name == "feed.xml" {
		return "application/atom+xml; charset=utf-8"
	}
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
