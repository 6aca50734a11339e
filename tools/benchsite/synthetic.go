package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// The synthetic content (-content synthetic): n quarterly indicators spread
// over 20 services, each with a seasonal pattern with noise from a fixed
// seed, a target of a rotating kind, commentary for the latest quarter, and
// notes for every tenth indicator. It exercises more of kpisite than the
// peer content (target kinds, notes), but Hugo has no equivalent of it.

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
