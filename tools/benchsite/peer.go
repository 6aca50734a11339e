package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The peer content: the same indicators written twice, once as a kpisite
// site and once as a Hugo site (layouts in hugolayouts.go), so that both
// tools do the same work. Each indicator has 40 quarterly values
// (2016-17 Q1 to 2025-26 Q4), a fixed target and about 250 words of
// Markdown commentary (two paragraphs, a heading, a list, a link). Both
// sites have a home page listing every indicator by service area and one
// page per service area; each indicator page has an SVG line chart, a
// 40-row table with status against target, and the commentary. The content
// depends only on n and the seed.

type area struct{ name, slug string }

var peerAreas = []area{
	{"Adult Social Care", "adult-social-care"},
	{"Children's Services", "childrens-services"},
	{"Housing", "housing"},
	{"Environment and Waste", "environment-and-waste"},
	{"Planning and Regeneration", "planning-and-regeneration"},
	{"Finance and Revenues", "finance-and-revenues"},
	{"Customer Services", "customer-services"},
	{"Public Health", "public-health"},
}

var peerSubjects = []string{
	"household waste recycled", "planning applications decided in time", "council tax collected",
	"business rates collected", "calls answered within 60 seconds", "missed bin collections",
	"homeless households in temporary accommodation", "days to process housing benefit claims",
	"adults receiving direct payments", "delayed transfers of care", "child protection plans reviewed on time",
	"care leavers in education, employment or training", "fly-tipping incidents cleared within 48 hours",
	"complaints responded to within 10 working days", "invoices paid within 30 days",
	"smoking quitters at four weeks", "NHS health checks delivered", "empty homes brought back into use",
	"affordable homes delivered", "street lights repaired within 5 days", "potholes repaired within 28 days",
	"staff sickness days per FTE", "freedom of information requests answered on time",
	"library visits per 1,000 population", "leisure centre attendances",
}

type peerUnit struct {
	hugo, kpisite string
	lo, hi        float64
	decimals      int
	higher        bool
}

var peerUnits = []peerUnit{
	{"%", "percent", 40, 98, 1, true},
	{"%", "percent", 2, 30, 1, false},
	{"days", "days", 5, 60, 1, false},
	{"number", "count", 50, 5000, 0, true},
	{"number", "count", 10, 900, 0, false},
	{"GBP (thousands)", "currency", 100, 9000, 0, true},
}

var peerWords = strings.Fields(`the council performance quarter target improvement service residents demand budget pressure
team staffing recruitment vacancy trend increase decrease seasonal winter summer data reporting
partners review action plan outcome delivery risk mitigation capacity funding investment
programme pilot scheme digital channel backlog recovery benchmark peers national average
statutory duty compliance monitoring officers members scrutiny committee cabinet strategy
community wellbeing households families providers contract procurement savings efficiency`)

var peerLinks = []string{
	"https://www.example.gov.uk/performance",
	"https://www.example.gov.uk/council-plan",
	"https://www.example.gov.uk/scrutiny",
	"https://www.example.gov.uk/open-data",
}

// peerPeriods are the 40 quarters, 2016-17 Q1 to 2025-26 Q4.
func peerPeriods() []string {
	var out []string
	for y := 2016; y < 2026; y++ {
		for q := 1; q <= 4; q++ {
			out = append(out, fmt.Sprintf("%d-%02d Q%d", y, (y+1)%100, q))
		}
	}
	return out
}

type peerIndicator struct {
	id, title, body string
	area            area
	unit            peerUnit
	target          float64
	values          []float64
}

func makePeer(n int, seed uint64) []peerIndicator {
	rng := rand.New(rand.NewPCG(seed, 7))
	out := make([]peerIndicator, n)
	for i := range out {
		k := peerIndicator{area: peerAreas[i%len(peerAreas)], id: fmt.Sprintf("kpi-%05d", i+1)}
		subj := peerSubjects[rng.IntN(len(peerSubjects))]
		k.unit = peerUnits[rng.IntN(len(peerUnits))]
		prefix := "Number of"
		if k.unit.hugo == "%" {
			prefix = "Percentage of"
		}
		k.title = fmt.Sprintf("%s %s (%s)", prefix, subj, strings.ToUpper(k.id))
		k.values, k.target = peerSeries(rng, k.unit)
		k.body = peerCommentary(rng, subj)
		out[i] = k
	}
	return out
}

func uniform(rng *rand.Rand, lo, hi float64) float64 { return lo + rng.Float64()*(hi-lo) }

func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

func peerSeries(rng *rand.Rand, u peerUnit) ([]float64, float64) {
	lo, hi := u.lo, u.hi
	level := uniform(rng, lo, hi)
	amp := (hi - lo) * uniform(rng, 0.02, 0.08)
	trend := (hi - lo) * uniform(rng, -0.006, 0.006)
	seasonal := []float64{0.6, -0.2, -0.8, 0.4}
	vals := make([]float64, 40)
	sum := 0.0
	for i := range vals {
		level += trend + rng.NormFloat64()*(hi-lo)*0.015
		v := math.Max(lo*0.5, level+amp*seasonal[i%4])
		if hi <= 100 && lo < 100 && 100 <= hi*1.05 {
			v = math.Min(v, 100)
		}
		vals[i] = round(v, u.decimals)
		sum += vals[i]
	}
	mean := sum / 40
	if u.higher {
		return vals, round(mean*uniform(rng, 1, 1.08), u.decimals)
	}
	return vals, round(mean*uniform(rng, 0.92, 1), u.decimals)
}

func sentence(rng *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = peerWords[rng.IntN(len(peerWords))]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	if n > 6 && rng.Float64() < 0.3 {
		i := 1 + rng.IntN(n-2)
		w[i] = "**" + w[i] + "**"
	}
	return strings.Join(w, " ") + "."
}

func paragraph(rng *rand.Rand, target int) (string, int) {
	var s []string
	n := 0
	for n < target {
		k := 8 + rng.IntN(11)
		s = append(s, sentence(rng, k))
		n += k
	}
	return strings.Join(s, " "), n
}

func peerCommentary(rng *rand.Rand, subject string) string {
	var parts []string
	p, words := paragraph(rng, 70)
	parts = append(parts, p, "## What is driving performance")
	p, n := paragraph(rng, 45)
	parts = append(parts, p)
	words += n
	var items []string
	for range 4 {
		k := 6 + rng.IntN(7)
		items = append(items, "- "+sentence(rng, k))
		words += k
	}
	parts = append(parts, strings.Join(items, "\n"))
	p, _ = paragraph(rng, max(30, 250-words-20))
	link := peerLinks[rng.IntN(len(peerLinks))]
	parts = append(parts, p+fmt.Sprintf(" See the [council performance report](%s) for the wider context of %s.", link, subject))
	return strings.Join(parts, "\n\n") + "\n"
}

func num(v float64, decimals int) string { return strconv.FormatFloat(v, 'f', decimals, 64) }

func tomlString(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

type fileSet map[string]*strings.Builder

func (f fileSet) file(p string) *strings.Builder {
	if b, ok := f[p]; ok {
		return b
	}
	b := &strings.Builder{}
	f[p] = b
	return b
}

func (f fileSet) write(dir string) error {
	for p, b := range f {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writePeerKpisite writes the indicators as a kpisite site in dir.
func writePeerKpisite(dir string, kpis []peerIndicator) error {
	f := fileSet{}
	cfg := f.file("site.toml")
	cfg.WriteString(`title = "Council Performance"
organisation = "Example Council"
base_url = "https://performance.example.gov.uk/"
language = "en-GB"
financial_year_start = 4
notice = "Synthetic data for benchmarking: every figure is made up."

[reporting]
published = 2026-04-20

[rag]
amber_tolerance = 0.05

[[committee]]
id = "all"
name = "Performance Committee"
`)
	for _, a := range peerAreas {
		fmt.Fprintf(cfg, "\n[[service]]\nid = %s\nname = %s\ncommittee = \"all\"\n", tomlString(a.slug), tomlString(a.name))
	}
	f.file("content/_index.md").WriteString("Quarterly performance indicators for the council, grouped by service area. " +
		"Each page has a chart, a table of values and commentary.\n")
	periods := peerPeriods()
	latest := strings.ToLower(strings.ReplaceAll(periods[len(periods)-1], " ", "-"))
	csv := f.file(peerCSV)
	csv.WriteString("indicator,period,value\n")
	for _, k := range kpis {
		polarity := "lower"
		if k.unit.higher {
			polarity = "higher"
		}
		fmt.Fprintf(f.file("data/indicators/"+k.area.slug+".toml"),
			"[[indicator]]\nid = %s\ntitle = %s\nservice = %s\nfrequency = \"quarterly\"\nunit = %s\ndecimals = %d\npolarity = %s\ntarget = { kind = \"fixed\", value = %s }\n\n",
			tomlString(k.id), tomlString(k.title), tomlString(k.area.slug), tomlString(k.unit.kpisite), k.unit.decimals, tomlString(polarity), num(k.target, k.unit.decimals))
		for i, v := range k.values {
			fmt.Fprintf(csv, "%s,%s,%s\n", k.id, periods[i], num(v, k.unit.decimals))
		}
		f.file("content/commentary/" + latest + "/" + k.id + ".md").WriteString(k.body)
	}
	return f.write(dir)
}

// peerCSV is the kpisite site's one values file; peerJSON(id) is the Hugo
// site's data file of one indicator.
const peerCSV = "data/values/values.csv"

func peerJSON(id string) string { return "data/kpi/" + id + ".json" }

// writePeerHugo writes the indicators as a Hugo site in dir.
func writePeerHugo(dir string, kpis []peerIndicator) error {
	f := fileSet{}
	for p, s := range map[string]string{
		"config.toml":                    hugoConfig,
		"layouts/_default/baseof.html":   hugoBaseof,
		"layouts/index.html":             hugoHome,
		"layouts/_default/single.html":   hugoSingle,
		"layouts/_default/term.html":     hugoTerm,
		"layouts/_default/taxonomy.html": hugoTaxonomy,
		"layouts/_default/list.html":     hugoTerm,
	} {
		f.file(p).WriteString(s)
	}
	f.file("content/_index.md").WriteString("---\ntitle: Council Performance\n---\n\nQuarterly performance indicators for the council, " +
		"grouped by service area. Each page has a chart, a table of values and commentary.\n")
	for _, a := range peerAreas {
		fmt.Fprintf(f.file("content/services/"+a.slug+"/_index.md"), "---\ntitle: %s\n---\n", tomlString(a.name))
	}
	periods := peerPeriods()
	for _, k := range kpis {
		fmt.Fprintf(f.file("content/indicators/"+k.id+".md"),
			"+++\ntitle = %s\nservice_area = %s\nservices = [%s]\nunit = %s\ntarget = %s\ndecimals = %d\nhigher_is_better = %t\n+++\n%s",
			tomlString(k.title), tomlString(k.area.name), tomlString(k.area.name), tomlString(k.unit.hugo),
			num(k.target, k.unit.decimals), k.unit.decimals, k.unit.higher, k.body)
		f.file(peerJSON(k.id)).WriteString(hugoData(k, periods))
	}
	return f.write(dir)
}

func hugoData(k peerIndicator, periods []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{"id":%q,"periods":[`, k.id)
	for i, p := range periods {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q", p)
	}
	b.WriteString(`],"values":[`)
	for i, v := range k.values {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	}
	b.WriteString("]}\n")
	return b.String()
}

// changeOneRow changes the first indicator's latest value in both sites (a
// different value each call with a different round), as a data officer
// correcting one figure would.
func changeOneRow(kpisiteDir, hugoDir string, kpis []peerIndicator, round int) error {
	k := kpis[0]
	vals := append([]float64(nil), k.values...)
	vals[len(vals)-1] += float64(round%2*2-1) * math.Pow(10, -float64(k.unit.decimals)) * float64(1+round)
	periods := peerPeriods()
	if hugoDir != "" {
		k2 := k
		k2.values = vals
		if err := os.WriteFile(filepath.Join(hugoDir, peerJSON(k.id)), []byte(hugoData(k2, periods)), 0o644); err != nil {
			return err
		}
	}
	path := filepath.Join(kpisiteDir, peerCSV)
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(string(b), "\n")
	prefix := k.id + "," + periods[len(periods)-1] + ","
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			lines[i] = prefix + num(vals[len(vals)-1], k.unit.decimals)
			return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
		}
	}
	return fmt.Errorf("%s: no row %s", path, prefix)
}
