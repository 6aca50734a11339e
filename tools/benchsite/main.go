// Command benchsite measures kpisite against Hugo on the same content, and
// makes large synthetic sites. make bench runs it.
//
//	go run ./tools/benchsite -n 1000 -kpisite bin/kpisite -hugo hugo -runs 3
//	go run ./tools/benchsite -content synthetic -n 1000 -kpisite bin/kpisite
//
// With the peer content (the default, peer.go) it writes the same
// indicators as a kpisite site and as a Hugo site and builds each, in turns
// (Hugo, kpisite, Hugo, kpisite, ...), because a shared machine's speed
// drifts: a cold build into a new folder (for kpisite, with no build
// cache beside it; no output is deleted until every build is timed, see
// outputs), then, after one CSV row (one value in Hugo's data
// file) changes, a rebuild into the existing output (kpisite keeps its
// build cache there, as a user's rebuild does; -rebuild says at which
// sizes), and after another row changes, a second rebuild (which finds
// the site the first one replaced kept beside OUT, as every rebuild
// after a user's first does). It prints the medians of the runs' wall time, CPU time (user +
// system) and peak memory of each tool, and kpisite's as a ratio to
// Hugo's, then a summary of every size with each figure's ratio to Hugo's
// cold build (the rebuild's too: the target is a share of Hugo's full
// build). Where Hugo is not installed it says so and measures kpisite
// alone.
//
// -cpuprofile DIR passes KPISITE_CPUPROFILE to kpisite's cold builds, so
// each writes a CPU profile there (go tool pprof -top bin/kpisite DIR/...).
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	sizes := flag.String("n", "1000", "number of indicators; a comma-separated list measures each size")
	content := flag.String("content", "peer", "peer (the same content as a Hugo site), synthetic (kpisite only) or bare (synthetic without commentary or notes)")
	seed := flag.Uint64("seed", 7, "seed of the peer content")
	quarters := flag.Int("quarters", 40, "quarters of data per indicator (synthetic content)")
	dir := flag.String("dir", "", "where to write the sites (default: a temporary directory, removed afterwards)")
	bin := flag.String("kpisite", "", "kpisite binary to time (empty: only write the sites)")
	hugo := flag.String("hugo", "hugo", "Hugo binary (empty: kpisite alone)")
	runs := flag.Int("runs", 3, "number of timed builds of each kind")
	rebuild := flag.String("rebuild", "1000", "the sizes (comma-separated, or all or none) at which to also time a rebuild after one row changes")
	profile := flag.String("cpuprofile", "", "folder for kpisite's CPU profiles (KPISITE_CPUPROFILE)")
	flag.Parse()

	root := *dir
	if root == "" {
		tmp, err := os.MkdirTemp("", "kpisite-bench-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(tmp)
		root = tmp
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fail(fmt.Errorf("-n %q: want a positive number or a comma-separated list", *sizes))
		}
		dir := filepath.Join(root, fmt.Sprint(n))
		switch *content {
		case "synthetic", "bare":
			// bare: only site.toml, indicators and values, to measure
			// loading and checking at scale.
			synthetic(dir, n, *quarters, *bin, *runs, *content == "synthetic")
		case "peer":
			b := bench{n: n, seed: *seed, dir: dir, kpisite: *bin, runs: *runs, rebuild: rebuildAt(*rebuild, n), profile: *profile}
			if *hugo != "" {
				if p, err := exec.LookPath(*hugo); err == nil {
					b.hugo = p
				} else {
					fmt.Printf("Hugo (%s) is not installed: measuring kpisite alone, without ratios (Debian: apt-get install hugo)\n", *hugo)
				}
			}
			summary = append(summary, b.run()...)
		default:
			fail(fmt.Errorf("-content %q: want peer, synthetic or bare", *content))
		}
	}
	if len(summary) > 0 && *bin != "" {
		printSummary(summary)
	}
}

// rebuildAt reports whether -rebuild asks for a rebuild at size n.
func rebuildAt(list string, n int) bool {
	switch list {
	case "all":
		return true
	case "none", "":
		return false
	}
	for _, s := range strings.Split(list, ",") {
		if strings.TrimSpace(s) == strconv.Itoa(n) {
			return true
		}
	}
	return false
}

// row is one line of the summary: kpisite's medians and Hugo's cold
// build's (nil without Hugo).
type row struct {
	what    string
	k, h    []usage
	hugoRow string // what Hugo did: "cold build"
}

// printSummary prints every measurement as one table, each figure with
// its ratio to Hugo's cold build of the same size.
func printSummary(rows []row) {
	fmt.Printf("Summary: kpisite, and its ratio to Hugo's cold build of the same content (medians)\n")
	fmt.Printf("%-32s %10s %7s %10s %7s %12s %7s\n", "", "wall s", "ratio", "CPU s", "ratio", "peak MiB", "ratio")
	for _, r := range rows {
		cell := func(f func(usage) float64, width int, format string) string {
			km := median(r.k, f)
			v := fmt.Sprintf(format, km)
			ratio := "-"
			if len(r.h) > 0 {
				ratio = fmt.Sprintf("%.2f", km/median(r.h, f))
			}
			return fmt.Sprintf("%*s %7s", width, v, ratio)
		}
		fmt.Printf("%-32s %s %s %s\n", r.what,
			cell(func(u usage) float64 { return u.wall.Seconds() }, 10, "%.2f"),
			cell(func(u usage) float64 { return u.cpu.Seconds() }, 10, "%.2f"),
			cell(func(u usage) float64 { return float64(u.peakKiB) / 1024 }, 12, "%.0f"))
	}
}

var summary []row

// bench is one size of the peer benchmark.
type bench struct {
	n                     int
	seed                  uint64
	dir, kpisite, hugo    string
	runs                  int
	rebuild               bool // also time a rebuild after one row changes
	profile               string
	kpis                  []peerIndicator
	kpisiteSite, hugoSite string
}

// usage is one measured build.
type usage struct {
	wall, cpu time.Duration
	peakKiB   int64
}

func (b *bench) run() []row {
	start := time.Now()
	b.kpis = makePeer(b.n, b.seed)
	b.kpisiteSite, b.hugoSite = filepath.Join(b.dir, "kpisite"), filepath.Join(b.dir, "hugo")
	if err := writePeerKpisite(b.kpisiteSite, b.kpis); err != nil {
		fail(err)
	}
	if err := writePeerHugo(b.hugoSite, b.kpis); err != nil {
		fail(err)
	}
	fmt.Printf("wrote %d indicators x 40 quarters as a kpisite site and a Hugo site under %s in %v\n", b.n, b.dir, time.Since(start).Round(time.Millisecond))
	if b.kpisite == "" {
		return nil
	}
	var kCold, hCold, kRe, hRe, kRe2, hRe2 []usage
	for r := 0; r < b.runs; r++ {
		// Cold builds: each into a new folder with no build cache beside
		// it, as CI does on a fresh clone. Rebuilds: into the same OUT,
		// which keeps its cache, as a user rebuilding does.
		kOut, hOut := b.outputs(r)
		if b.hugo != "" {
			hCold = append(hCold, b.measureHugo(hOut))
		}
		kCold = append(kCold, b.measureKpisite(kOut, true, r))
		if !b.rebuild {
			continue
		}
		if err := changeOneRow(b.kpisiteSite, b.hugoSite, b.kpis, r); err != nil {
			fail(err)
		}
		if b.hugo != "" {
			hRe = append(hRe, b.measureHugo(hOut))
		}
		kRe = append(kRe, b.measureKpisite(kOut, false, r))
		// A second rebuild after another change: a user's rebuilds after
		// the first find the site the first replaced kept beside OUT
		// (OUT.kpisite-spare) and change it in place.
		if err := changeOneRow(b.kpisiteSite, b.hugoSite, b.kpis, r+b.runs); err != nil {
			fail(err)
		}
		if b.hugo != "" {
			hRe2 = append(hRe2, b.measureHugo(hOut))
		}
		kRe2 = append(kRe2, b.measureKpisite(kOut, false, r))
	}
	b.removeOutputs()
	fmt.Printf("\n%d indicators, medians of %d alternating runs (kpisite %s", b.n, b.runs, b.kpisite)
	if b.hugo != "" {
		fmt.Printf(", Hugo %s", hugoVersion(b.hugo))
	}
	fmt.Printf(")\n")
	fmt.Printf("%-22s %13s %13s %8s\n", "", "kpisite", "Hugo", "ratio")
	table("cold build", kCold, hCold)
	rows := []row{{what: fmt.Sprintf("cold build, %s indicators", thousands(b.n)), k: kCold, h: hCold}}
	if b.rebuild {
		table("rebuild after one row changes (Hugo: its own rebuild)", kRe, hRe)
		if len(hCold) > 0 {
			table("the same rebuild against Hugo's cold build", kRe, hCold)
		}
		rows = append(rows, row{what: fmt.Sprintf("rebuild, one row, %s", thousands(b.n)), k: kRe, h: hCold})
		table("a second rebuild after another row changes (Hugo: its own rebuild)", kRe2, hRe2)
		if len(hCold) > 0 {
			table("the second rebuild against Hugo's cold build", kRe2, hCold)
		}
		rows = append(rows, row{what: fmt.Sprintf("rebuild again, one row, %s", thousands(b.n)), k: kRe2, h: hCold})
	}
	fmt.Println()
	return rows
}

// thousands writes n with thousands separators: 5,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func table(what string, k, h []usage) {
	fmt.Println(what)
	row := func(name string, f func(usage) float64, unit string) {
		km := median(k, f)
		line := fmt.Sprintf("  %-20s %9.2f %-3s", name, km, unit)
		if len(h) > 0 {
			hm := median(h, f)
			line += fmt.Sprintf(" %9.2f %-3s %8.2f", hm, unit, km/hm)
		} else {
			line += fmt.Sprintf(" %13s %8s", "-", "-")
		}
		fmt.Println(line)
	}
	row("wall time", func(u usage) float64 { return u.wall.Seconds() }, "s")
	row("CPU (user+sys)", func(u usage) float64 { return u.cpu.Seconds() }, "s")
	row("peak memory", func(u usage) float64 { return float64(u.peakKiB) / 1024 }, "MiB")
}

func median(us []usage, f func(usage) float64) float64 {
	v := make([]float64, len(us))
	for i, u := range us {
		v[i] = f(u)
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// outputs names round r's output folders, new for each round. Nothing is
// deleted while builds are timed (removeOutputs runs after the last):
// where /tmp is ext4 without a journal (this project's CI machines), an
// inode freed in the last 60 to 300 seconds is not used again, and every
// file created meanwhile is allocated by scanning past all of them, so
// removing the previous run's thousands of files just before a timed
// build would charge each tool for the harness's deletion, in proportion
// to the number of files it writes. A fresh clone in CI has deleted
// nothing. Each cold build's folder is checked to be new.
func (b *bench) outputs(r int) (kOut, hOut string) {
	kOut = filepath.Join(b.dir, fmt.Sprintf("kpisite-public-%d", r+1))
	hOut = filepath.Join(b.dir, fmt.Sprintf("hugo-public-%d", r+1))
	for _, p := range []string{kOut, kOut + ".kpisite-cache", kOut + ".kpisite-fragments", kOut + ".kpisite-spare", hOut} {
		if _, err := os.Lstat(p); err == nil {
			fail(fmt.Errorf("%s exists: a cold build needs a new folder (remove it, or use a new -dir)", p))
		}
	}
	return kOut, hOut
}

// removeOutputs removes every round's output, once the builds are timed.
func (b *bench) removeOutputs() {
	for r := 0; r < b.runs; r++ {
		kOut, hOut := filepath.Join(b.dir, fmt.Sprintf("kpisite-public-%d", r+1)), filepath.Join(b.dir, fmt.Sprintf("hugo-public-%d", r+1))
		for _, p := range []string{kOut, kOut + ".kpisite-cache", kOut + ".kpisite-fragments", kOut + ".kpisite-spare", hOut} {
			if err := os.RemoveAll(p); err != nil {
				fail(err)
			}
		}
	}
}

func (b *bench) measureHugo(out string) usage {
	return measure(exec.Command(b.hugo, "--quiet", "-s", b.hugoSite, "-d", out))
}

func (b *bench) measureKpisite(out string, cold bool, round int) usage {
	cmd := exec.Command(b.kpisite, "build", "-s", b.kpisiteSite, "-o", out)
	if b.profile != "" && cold {
		if err := os.MkdirAll(b.profile, 0o755); err != nil {
			fail(err)
		}
		p, err := filepath.Abs(filepath.Join(b.profile, fmt.Sprintf("kpisite-%d-cold-%d.pprof", b.n, round+1)))
		if err != nil {
			fail(err)
		}
		cmd.Env = append(os.Environ(), "KPISITE_CPUPROFILE="+p)
	}
	return measure(cmd)
}

// measure runs cmd and reads its wall time, and its CPU time and peak
// memory from the operating system's account of the child (getrusage).
func measure(cmd *exec.Cmd) usage {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t0 := time.Now()
	if _, err := cmd.Output(); err != nil {
		fail(fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.String()))
	}
	u := usage{wall: time.Since(t0), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.peakKiB = int64(ru.Maxrss) // kilobytes on Linux
	}
	return u
}

func hugoVersion(bin string) string {
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		return bin
	}
	f := strings.Fields(string(out))
	if len(f) > 1 {
		return f[1]
	}
	return bin
}

// synthetic writes the synthetic site and times kpisite building it.
func synthetic(site string, n, quarters int, bin string, runs int, content bool) {
	start := time.Now()
	if err := write(site, n, quarters, content); err != nil {
		fail(err)
	}
	fmt.Printf("wrote a site of %d indicators x %d quarters to %s in %v\n", n, quarters, site, time.Since(start).Round(time.Millisecond))
	if bin == "" {
		return
	}
	out := filepath.Join(site, "public")
	for i := 1; i <= runs; i++ {
		u := measure(exec.Command(bin, "build", "-s", site, "-o", out))
		pages := 0
		_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".html") {
				pages++
			}
			return nil
		})
		fmt.Printf("run %d: build %v wall, %v CPU, peak memory %.0f MB, %d HTML pages\n",
			i, u.wall.Round(time.Millisecond), u.cpu.Round(time.Millisecond), float64(u.peakKiB)/1024, pages)
	}
	for _, f := range []string{"search/index.json", "search/index.html"} {
		if b, err := os.ReadFile(filepath.Join(out, f)); err == nil {
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
