package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// syntheticSite is a site of n quarterly indicators in 8 services, 40
// quarters of figures each in one values file, and a commentary page
// each: the shape of the benchmark site, made in memory.
func syntheticSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	var site strings.Builder
	site.WriteString("title = \"Performance\"\norganisation = \"Example Council\"\nbase_url = \"https://example.gov.uk/\"\nlanguage = \"en-GB\"\n\n[reporting]\npublished = 2026-04-20\n\n[[committee]]\nid = \"all\"\nname = \"Committee\"\n")
	for s := range 8 {
		fmt.Fprintf(&site, "\n[[service]]\nid = \"service-%d\"\nname = \"Service %d\"\ncommittee = \"all\"\n", s, s)
	}
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(site.String())}
	tomls := make([]strings.Builder, 8)
	var values strings.Builder
	values.WriteString("indicator,period,value\n")
	for i := range n {
		id := fmt.Sprintf("kpi-%05d", i)
		fmt.Fprintf(&tomls[i%8], "[[indicator]]\nid = %q\ntitle = \"Indicator %d\"\nservice = \"service-%d\"\nfrequency = \"quarterly\"\nunit = \"count\"\npolarity = \"higher\"\ntarget = { kind = \"fixed\", value = 50 }\n\n", id, i, i%8)
		for q := range 40 {
			fmt.Fprintf(&values, "%s,%d/%02d Q%d,%d\n", id, 2016+q/4, (2017+q/4)%100, q%4+1, 40+(i*7+q*3)%20)
		}
		fsys["content/commentary/2025-26-q4/"+id+".md"] = &fstest.MapFile{Data: []byte("+++\nauthor = \"Service lead\"\n+++\nFigures **rose** this quarter.\n")}
	}
	for s := range tomls {
		fsys[fmt.Sprintf("data/indicators/service-%d.toml", s)] = &fstest.MapFile{Data: []byte(tomls[s].String())}
	}
	fsys["data/values/values.csv"] = &fstest.MapFile{Data: []byte(values.String())}
	return fsys
}

// BenchmarkCheck loads, validates and computes a site of 1,000
// indicators (go test -bench Check -benchmem ./generator/site): the
// front stages of a build, before any page is rendered.
func BenchmarkCheck(b *testing.B) {
	fsys := syntheticSite(1000)
	o := Options{BuildDate: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		c, err := Check(fsys, o)
		if err != nil {
			b.Fatal(err, c.Problems)
		}
		if len(c.Series) != 1000 || len(c.Series[999].Points) != 40 {
			b.Fatalf("%d series", len(c.Series))
		}
	}
}
