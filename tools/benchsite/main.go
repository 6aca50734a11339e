// Command benchsite makes a large synthetic kpisite site and measures how
// long kpisite takes to build it and how much memory it needs at its peak.
// make bench runs it.
//
//	go run ./tools/benchsite -n 1000 -quarters 40 -kpisite bin/kpisite
//
// The site has n quarterly indicators spread over 20 services, each with
// `quarters` quarters of data (a seasonal pattern with noise from a fixed
// seed, so every run makes the same site), a target of a rotating kind,
// commentary for the latest quarter, and notes for every tenth indicator.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 1000, "number of indicators")
	quarters := flag.Int("quarters", 40, "quarters of data per indicator")
	dir := flag.String("dir", "", "where to write the site (default: a temporary directory, removed afterwards)")
	bin := flag.String("kpisite", "", "kpisite binary to time (empty: only write the site)")
	runs := flag.Int("runs", 3, "number of timed builds")
	content := flag.Bool("content", true, "write commentary and notes (false: only site.toml, indicators and values, to measure loading and checking at scale)")
	flag.Parse()

	site := *dir
	if site == "" {
		tmp, err := os.MkdirTemp("", "kpisite-bench-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(tmp)
		site = tmp
	}
	start := time.Now()
	if err := write(site, *n, *quarters, *content); err != nil {
		fail(err)
	}
	fmt.Printf("wrote a site of %d indicators x %d quarters to %s in %v\n", *n, *quarters, site, time.Since(start).Round(time.Millisecond))
	if *bin == "" {
		return
	}
	for i := 1; i <= *runs; i++ {
		out := filepath.Join(site, "public")
		cmd := exec.Command(*bin, "build", "-s", site, "-o", out)
		cmd.Stderr = os.Stderr
		t0 := time.Now()
		msg, err := cmd.Output()
		if err != nil {
			fail(fmt.Errorf("kpisite build: %v", err))
		}
		wall := time.Since(t0)
		var rss int64
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = ru.Maxrss // kilobytes on Linux
		}
		pages := 0
		_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".html") {
				pages++
			}
			return nil
		})
		fmt.Printf("run %d: build %v wall, peak memory %.0f MB, %d HTML pages (%s)\n",
			i, wall.Round(time.Millisecond), float64(rss)/1024, pages, strings.TrimSpace(string(msg)))
	}
	for _, f := range []string{"search/index.json", "search/index.html"} {
		if b, err := os.ReadFile(filepath.Join(site, "public", f)); err == nil {
			fmt.Printf("%s: %d bytes, %d gzipped\n", f, len(b), gzipSize(b))
		}
	}
}

// gzipSize is the size of b gzipped at the best compression, as a web
// server might send it.
func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Len()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchsite:", err)
	os.Exit(1)
}

func write(site string, n, quarters int, content bool) error {
	rng := rand.New(rand.NewPCG(1, 2))
	files := map[string]*strings.Builder{}
	file := func(p string) *strings.Builder {
		if b, ok := files[p]; ok {
			return b
		}
		b := &strings.Builder{}
		files[p] = b
		return b
	}
	const services = 20
	cfg := file("site.toml")
	cfg.WriteString(`title = "Synthetic benchmark site"
organisation = "Benchmark County Council"
base_url = "https://www.example.gov.uk/bench/"
notice = "Synthetic data for benchmarking: every figure is made up."
[reporting]
published = 2026-01-15
[[committee]]
id = "bench"
name = "Benchmark Committee"
`)
	for s := 0; s < services; s++ {
		fmt.Fprintf(cfg, "[[service]]\nid = \"service-%02d\"\nname = \"Service %02d\"\ncommittee = \"bench\"\n", s, s)
		fmt.Fprintf(file(fmt.Sprintf("content/services/service-%02d.md", s)), "Service %02d delivers synthetic outcomes.\n", s)
	}
	first := 2026*4 - quarters // quarters ending 2025/26 Q4
	targets := []string{
		`{ kind = "fixed", value = %d }`, `{ kind = "previous_year" }`,
		`{ kind = "rolling_average", years = 3 }`, `{ kind = "reference", period = "%s" }`, `{ kind = "none" }`,
	}
	file("content/_index.md").WriteString("A synthetic site for measuring kpisite.\n")
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("kpi-%04d", i)
		svc := fmt.Sprintf("service-%02d", i%services)
		unit, polarity, decimals := "count", "higher", 0
		switch i % 4 {
		case 1:
			unit, decimals = "percent", 1
		case 2:
			polarity = "lower"
		case 3:
			polarity = "neutral"
		}
		base := 100 + rng.Float64()*900
		if unit == "percent" {
			base = 40 + rng.Float64()*50
		}
		target := targets[i%len(targets)]
		switch i % len(targets) {
		case 0:
			target = fmt.Sprintf(target, int(base))
		case 3:
			target = fmt.Sprintf(target, fy(first/4))
		}
		toml := file(fmt.Sprintf("data/indicators/%s.toml", svc))
		fmt.Fprintf(toml, "[[indicator]]\nid = %q\ntitle = \"Synthetic indicator %d: a long title as committees approve them, with words\"\nshort_title = \"Indicator %d\"\nservice = %q\nfrequency = \"quarterly\"\nunit = %q\ndecimals = %d\npolarity = %q\ntarget = %s\ndefinition = \"What indicator %d counts.\"\nrationale = \"Why indicator %d matters.\"\nsource = \"Synthetic\"\nlead = \"Head of Service\"\n\n",
			id, i, i, svc, unit, decimals, polarity, target, i, i)
		csv := file(fmt.Sprintf("data/values/%s.csv", svc))
		if csv.Len() == 0 {
			csv.WriteString("indicator,period,value,flag,note\n")
		}
		for q := 0; q < quarters; q++ {
			idx := first + q
			v := base * (1 + 0.1*math.Sin(float64(idx%4)*math.Pi/2) + 0.05*rng.NormFloat64())
			if unit == "percent" {
				v = math.Min(100, math.Max(0, v))
			}
			fmt.Fprintf(csv, "%s,%s Q%d,%.*f,,\n", id, fy(idx/4), idx%4+1, decimals, v)
		}
		if !content {
			continue
		}
		last := first + quarters - 1
		fmt.Fprintf(file(fmt.Sprintf("content/commentary/%s-q%d/%s.md", slugFY(last/4), last%4+1, id)),
			"+++\nauthor = \"Head of Service\"\ndate = 2026-01-10\n+++\nIndicator %d moved as expected this quarter. Demand was **steady** and the service met most of its commitments.\n\n- One point\n- Another point\n", i)
		if i%10 == 0 {
			fmt.Fprintf(file("content/indicators/"+id+".md"), "## Notes\n\nLonger notes about indicator %d.\n", i)
		}
	}
	for p, b := range files {
		full := filepath.Join(site, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func fy(y int) string     { return fmt.Sprintf("%d/%02d", y, (y+1)%100) }
func slugFY(y int) string { return fmt.Sprintf("%d-%02d", y, (y+1)%100) }
