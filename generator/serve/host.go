package serve

import (
	"net"
	"net/http"
	"strings"
)

// Only requests whose Host header names this machine are answered: a web
// page the analyst visits could otherwise point its own host name at
// 127.0.0.1 (DNS rebinding) and read the unpublished figures of the
// preview. Accepted: localhost, loopback addresses (127.0.0.1, [::1]),
// with any port, and the hosts in Config.AllowHosts.

// allowedHost reports whether a request's Host header (host or host:port)
// is accepted.
func (s *Server) allowedHost(hostport string) bool {
	host := HostName(hostport)
	if host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, h := range s.cfg.AllowHosts {
		if HostName(h) == host {
			return true
		}
	}
	return false
}

// HostName is the host of a host or host:port, without brackets or a
// final dot, in lower case.
func HostName(hostport string) string {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return strings.ToLower(strings.TrimSuffix(host, "."))
}

// misdirected answers a request for a host the preview does not serve.
func misdirected(w http.ResponseWriter, r *http.Request) {
	write(w, r, http.StatusMisdirectedRequest, "text/plain; charset=utf-8",
		[]byte("421 Misdirected Request: kpisite serve answers only to localhost, 127.0.0.1 and [::1], and to the hosts given with --allow-remote.\n"))
}
