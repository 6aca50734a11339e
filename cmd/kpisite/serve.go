package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"kpisite/generator/model"
	"kpisite/generator/serve"
	"kpisite/generator/site"
)

const serveHelp = `Usage: kpisite serve [-s SITE] [--addr 127.0.0.1:8080] [--allow-remote HOST[,HOST]] [--poll]

Builds the site in memory and serves it for preview. Every time a file of
the site changes (site.toml, data/, content/, themes/) it rebuilds, and open
pages reload by themselves. While the files have errors, every page shows
the list of problems instead of out-of-date figures. Changes are noticed
through the operating system's file notifications; --poll checks the files
four times a second instead, for folders where notifications do not arrive
(some network drives).

Nothing is written to disk: public/ is left alone. The pages are the ones
"kpisite build" makes, served at the root of the preview address, plus a
small live-reload script that published pages never have.

The preview listens on the local machine only (127.0.0.1), and answers
only requests for localhost, 127.0.0.1 or [::1] (any other Host gets 421
Misdirected Request, so a web page elsewhere cannot read the preview). To
let other machines see it, give an --addr with another host and name, with
--allow-remote, the host names or addresses they will use to reach it: the
preview shows the figures before they are published, to anyone who can
reach that address.

Stop it with Ctrl-C.

Examples:
  kpisite serve                          preview ./ at http://127.0.0.1:8080/
  kpisite serve -s ../council-kpis --addr 127.0.0.1:9000
  kpisite serve --addr 0.0.0.0:8080 --allow-remote devbox.example,192.168.1.5

Options:
`

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", serveHelp, stderr)
	siteDir := fs.String("s", ".", "site directory")
	addr := fs.String("addr", "127.0.0.1:8080", "host:port to listen on")
	allowRemote := fs.String("allow-remote", "", "`HOST[,HOST]`: host names other machines use to reach the preview; allows an --addr they can reach")
	poll := fs.Bool("poll", false, "look for changes by checking the files four times a second, not by file notifications")
	if err := parse(fs, args); err != nil {
		return err
	}
	loopback, err := checkAddr(*addr)
	if err != nil {
		return err
	}
	hosts, err := allowHosts(*allowRemote)
	if err != nil {
		return err
	}
	if !loopback && len(hosts) == 0 {
		return usageErr("serve: --addr %s can be reached from other machines, and the preview shows figures before they are published; add --allow-remote HOST[,HOST] with the host names they will use, if that is what you want, or use 127.0.0.1:PORT", *addr)
	}
	if h, _, _ := net.SplitHostPort(*addr); h != "" {
		if ip := net.ParseIP(h); ip == nil || !ip.IsUnspecified() {
			hosts = append(hosts, h) // the bound address
		}
	}
	if err := checkDir(*siteDir); err != nil {
		return err
	}
	today, err := buildDate()
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", *addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return &exitError{code: exitInput, msg: fmt.Sprintf("serve: %s is already in use (another kpisite serve?); expected a free port, such as --addr 127.0.0.1:8081 (make serve ADDR=127.0.0.1:8081)", *addr)}
	}
	if err != nil {
		return &exitError{code: exitInput, msg: fmt.Sprintf("serve: %v", err)}
	}
	url := "http://" + ln.Addr().String() + "/"
	if !loopback {
		fmt.Fprintf(stderr, "warning: serving on %s, which other machines can reach; anyone who can connect sees the figures before they are published\n", ln.Addr())
	}

	fsys, err := openSite(*siteDir)
	if err != nil {
		ln.Close()
		return err
	}
	defer fsys.Close()
	// The preview is served at the root, whatever base_url's path is: 404.html
	// links from base_url's path, and canonical links should not point at the
	// published site.
	opts := site.Options{BaseURL: url, BuildDate: today, Version: version(), SkipPNG: true}
	srv := serve.New(serve.Config{
		Build: func() (map[string][]byte, model.Problems, error) {
			build := fsys.session() // folders opened afresh for each build
			defer build.Close()
			files, c, err := site.Build(build, opts)
			var ps model.Problems
			if c != nil {
				ps = c.Problems
			}
			return files, ps, err
		},
		Inputs:     fsys,
		Dir:        *siteDir,
		Poll:       *poll,
		Log:        stderr,
		AllowHosts: hosts,
	})
	srv.Rebuild()

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	hs.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go srv.Watch(watchCtx)

	fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", *siteDir, url)
	select {
	case err := <-served:
		return &exitError{code: exitInput, msg: fmt.Sprintf("serve: %v", err)}
	case <-ctx.Done():
	}
	stopWatch()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return &exitError{code: exitInput, msg: fmt.Sprintf("serve: stopping: %v", err)}
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return &exitError{code: exitInput, msg: fmt.Sprintf("serve: %v", err)}
	}
	fmt.Fprintln(stderr, "stopped")
	return nil
}

// checkAddr checks a host:port and reports whether only this machine can
// connect to it: a loopback IP address or "localhost". An empty host
// (":8080") listens on every interface.
func checkAddr(addr string) (loopback bool, err error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false, usageErr("serve: --addr %q is not host:port; expected an address such as 127.0.0.1:8080", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return false, usageErr("serve: --addr %q: port %q is not a number from 0 to 65535; expected host:port, such as 127.0.0.1:8080", addr, port)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

// allowHosts splits --allow-remote's list of host names.
func allowHosts(list string) ([]string, error) {
	var hosts []string
	for _, h := range strings.Split(list, ",") {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if strings.ContainsAny(h, "/ \t@") {
			return nil, usageErr("serve: --allow-remote %q: %q is not a host name; expected host names or addresses separated by commas, such as devbox.example,192.168.1.5", list, h)
		}
		hosts = append(hosts, h)
	}
	return hosts, nil
}
