package serve

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/fsnotify/fsnotify"

	"kpisite/generator/model"
	"kpisite/generator/scaffold"
)

// lineLog is a Config.Log that hands each line to a channel.
type lineLog struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	lines chan string
}

func newLineLog() *lineLog { return &lineLog{lines: make(chan string, 100)} }

func (l *lineLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	for {
		line, err := l.buf.ReadString('\n')
		if err != nil {
			l.buf.WriteString(line) // not a whole line yet
			return len(p), nil
		}
		l.lines <- strings.TrimSuffix(line, "\n")
	}
}

// waitFor reads log lines until one contains want. It fails after a
// minute: a generous bound for a slow machine, not a timing assertion.
func (l *lineLog) waitFor(t *testing.T, want string) string {
	t.Helper()
	timeout := time.After(time.Minute)
	for {
		select {
		case line := <-l.lines:
			if strings.Contains(line, want) {
				return line
			}
		case <-timeout:
			t.Fatalf("no log line containing %q", want)
		}
	}
}

// startWatch builds the starter site with a build that only counts, and
// runs Watch on it until the test ends.
func startWatch(t *testing.T, cfg Config, newWatcher func() (*fsnotify.Watcher, error)) (dir string, log *lineLog) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Site(dir, today); err != nil {
		t.Fatal(err)
	}
	log = newLineLog()
	n := 0
	cfg.Build = func() (map[string][]byte, model.Problems, error) {
		n++ // builds are serialised by the Server
		return map[string][]byte{"index.html": []byte(strings.Repeat("x", n))}, nil, nil
	}
	cfg.Inputs = os.DirFS(dir)
	if cfg.Dir == "-" {
		cfg.Dir = dir
	}
	cfg.Log = log
	s := New(cfg)
	if newWatcher != nil {
		s.newWatcher = newWatcher
	}
	s.Rebuild()
	log.waitFor(t, "built in")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Watch(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return dir, log
}

func TestWatchPolls(t *testing.T) {
	tests := []struct {
		name       string
		cfg        Config
		newWatcher func() (*fsnotify.Watcher, error)
		says       string
	}{
		{"no folder", Config{Interval: 5 * time.Millisecond}, nil, "polling every 5ms"},
		{"asked to poll", Config{Dir: "-", Poll: true, Interval: 5 * time.Millisecond}, nil, "polling every 5ms"},
		{"no notifications", Config{Dir: "-", Interval: 5 * time.Millisecond}, func() (*fsnotify.Watcher, error) {
			return nil, errors.New("too many open files")
		}, "file notifications are not available (too many open files); polling every 5ms instead"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, log := startWatch(t, tt.cfg, tt.newWatcher)
			log.waitFor(t, tt.says)
			mustWrite(t, filepath.Join(dir, "site.toml"), "changed")
			log.waitFor(t, "rebuilt after a change to site.toml")
		})
	}
}

func TestWatchNotifies(t *testing.T) {
	dir, log := startWatch(t, Config{Dir: "-", Interval: time.Hour, Settle: 10 * time.Millisecond}, nil)
	log.waitFor(t, "watching for changes: file notifications")

	// An interval of an hour: every rebuild below comes from a notification.
	mustWrite(t, filepath.Join(dir, "site.toml"), mustRead(t, filepath.Join(dir, "site.toml"))+"\n")
	log.waitFor(t, "rebuilt after a change to site.toml")

	// A new folder is watched: after the rebuild that saw its first file,
	// a second file saved in it notifies. (Each step waits for a file name
	// no earlier step wrote, so a late rebuild of an earlier step cannot
	// stand in for it.)
	fresh := filepath.Join(dir, "content", "guides", "2024")
	if err := os.MkdirAll(fresh, 0o755); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(fresh, "a.md"), "first")
	log.waitFor(t, "rebuilt after a change to content/guides/2024/a.md")
	mustWrite(t, filepath.Join(fresh, "c.md"), "second file")
	log.waitFor(t, "rebuilt after a change to content/guides/2024/c.md")

	// Save by rename, as many editors do: a temporary file renamed over
	// the old one.
	about := filepath.Join(dir, "content", "about.md")
	tmp := filepath.Join(dir, "content", ".about.md.tmp")
	mustWrite(t, tmp, mustRead(t, about)+"\nMore.\n")
	if err := os.Rename(tmp, about); err != nil {
		t.Fatal(err)
	}
	log.waitFor(t, "rebuilt after a change to content/about.md")

	// A folder that is removed and made again is still watched.
	// (waitFor skips the lines of earlier steps, so the removal is seen
	// when a.md's line comes, whichever file it was removed with.)
	if err := os.RemoveAll(filepath.Join(dir, "content", "guides")); err != nil {
		t.Fatal(err)
	}
	log.waitFor(t, "rebuilt after a change to content/guides/2024/a.md")
	if err := os.MkdirAll(fresh, 0o755); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(fresh, "b.md"), "b")
	log.waitFor(t, "content/guides/2024/b.md")
	mustWrite(t, filepath.Join(fresh, "e.md"), "e")
	log.waitFor(t, "content/guides/2024/e.md")
}

func TestWatchedDirs(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                     {},
		"data/values/a.csv":             {},
		"data/indicators/a.toml":        {},
		"content/.git/HEAD":             {},
		"content/commentary/2022-23-q1": {Mode: os.ModeDir},
		"public/index.html":             {},
		"nested/file.txt":               {},
	}
	got := watchedDirs(fsys, []string{"site.toml", "data", "content", "themes", "nested/file.txt", "nested/missing.txt", "gone/missing.txt"})
	want := []string{"data", "data/indicators", "data/values", "content", "content/commentary", "content/commentary/2022-23-q1", "nested", "nested"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("watchedDirs = %q, want %q", got, want)
	}
}

// TestWatchBurstThatGoesOn: a file saved again and again without a pause
// (a program writing its output) still rebuilds while the saves go on.
func TestWatchBurstThatGoesOn(t *testing.T) {
	dir, log := startWatch(t, Config{Dir: "-", Interval: time.Hour, Settle: 50 * time.Millisecond}, nil)
	log.waitFor(t, "watching for changes: file notifications")
	stop := make(chan struct{})
	writing := make(chan struct{})
	go func() {
		defer close(writing)
		name := filepath.Join(dir, "data", "values", "stream.csv")
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			os.WriteFile(name, []byte(strings.Repeat("x", i%100+1)), 0o644)
			time.Sleep(time.Millisecond)
		}
	}()
	// The writer never pauses for Settle, so only the cap on a burst
	// rebuilds here.
	log.waitFor(t, "rebuilt after a change to data/values/stream.csv")
	close(stop)
	<-writing
}
