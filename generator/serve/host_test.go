package serve

import (
	"net"
	"net/http"
	"strings"
	"testing"

	"kpisite/generator/model"
)

// TestHostHeader: a page elsewhere that points its own host name at
// 127.0.0.1 (DNS rebinding) must not read the preview.
func TestHostHeader(t *testing.T) {
	files := map[string][]byte{"index.html": []byte("<body>unpublished 7319</body>"), "data/all.csv": []byte("secret,7319\n")}
	s := New(Config{
		Build:      func() (map[string][]byte, model.Problems, error) { return files, nil, nil },
		AllowHosts: []string{"devbox.example", "192.168.1.5"},
	})
	s.Rebuild()
	tests := []struct {
		host string
		want int
	}{
		{"localhost:8080", http.StatusOK},
		{"localhost", http.StatusOK},
		{"LOCALHOST:9000", http.StatusOK},
		{"127.0.0.1:8080", http.StatusOK},
		{"127.0.0.1", http.StatusOK},
		{"[::1]:8080", http.StatusOK},
		{"[::1]", http.StatusOK},
		{"devbox.example:8080", http.StatusOK},
		{"DevBox.Example.", http.StatusOK},
		{"192.168.1.5:8080", http.StatusOK},
		{"attacker.example", http.StatusMisdirectedRequest},
		{"attacker.example:8080", http.StatusMisdirectedRequest},
		{"localhost.attacker.example", http.StatusMisdirectedRequest},
		{"evil.localhost", http.StatusMisdirectedRequest},
		{"devbox.example.attacker.example", http.StatusMisdirectedRequest},
		{"192.168.1.6:8080", http.StatusMisdirectedRequest},
		{"0.0.0.0:8080", http.StatusMisdirectedRequest},
		{"", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		for _, target := range []string{"/", "/data/all.csv", EventsPath, ScriptPath} {
			if target == EventsPath && tt.want == http.StatusOK {
				continue // a stream: it does not end
			}
			res, body := getHost(t, s, "GET", target, tt.host)
			if res.StatusCode != tt.want {
				t.Errorf("Host %q %s: status %d, want %d", tt.host, target, res.StatusCode, tt.want)
			}
			if tt.want != http.StatusOK && (strings.Contains(body, "7319") || !strings.Contains(body, "--allow-remote")) {
				t.Errorf("Host %q %s: body %q; want the short explanation only", tt.host, target, body)
			}
		}
	}
}

func TestOnlyLoopbackByDefault(t *testing.T) {
	s := New(Config{Build: func() (map[string][]byte, model.Problems, error) {
		return map[string][]byte{"index.html": []byte("x")}, nil, nil
	}})
	s.Rebuild()
	if res, _ := getHost(t, s, "GET", "/", "192.168.1.5:8080"); res.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("status %d; want 421 without AllowHosts", res.StatusCode)
	}
}

// FuzzHostHeader: with no --allow-remote, only localhost and loopback
// addresses are ever accepted, and nothing panics.
func FuzzHostHeader(f *testing.F) {
	for _, h := range []string{"localhost:8080", "[::1]:80", "127.0.0.1", "127.1", "attacker.example", "[::ffff:127.0.0.1]", "LOCALHOST.", "[", ":80", "0x7f.0.0.1"} {
		f.Add(h)
	}
	s := New(Config{Build: func() (map[string][]byte, model.Problems, error) { return nil, nil, nil }})
	f.Fuzz(func(t *testing.T, host string) {
		if !s.allowedHost(host) {
			return
		}
		name := HostName(host)
		if ip := net.ParseIP(name); name != "localhost" && (ip == nil || !ip.IsLoopback()) {
			t.Errorf("Host %q accepted; its host %q is not loopback", host, name)
		}
	})
}
