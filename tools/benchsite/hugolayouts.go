package main

// The Hugo layouts of the peer site: the same pages as a kpisite build of
// the same indicators, with the chart geometry computed in the template.

const hugoConfig = `baseURL = "https://performance.example.gov.uk/"
languageCode = "en-gb"
title = "Council Performance"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "section"]
enableRobotsTXT = false
disableHugoGeneratorInject = true
[taxonomies]
  service = "services"
[markup.goldmark.renderer]
  unsafe = false
[params]
  amberTolerance = 0.05
`

const hugoBaseof = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} | {{ .Site.Title }}{{ end }}</title>
<style>
body{font-family:Arial,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#0b0c0c}
table{border-collapse:collapse}td,th{border:1px solid #b1b4b6;padding:.25rem .5rem;text-align:right}
.rag-green{background:#cce2d8}.rag-amber{background:#fff7bf}.rag-red{background:#f6d7d2}
svg text{font-size:11px;fill:#0b0c0c}
</style>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer><p>Data: quarterly returns 2016-17 to 2025-26.</p></footer>
</body>
</html>
`

const hugoHome = `{{ define "title" }}{{ .Site.Title }}{{ end }}
{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
{{ .Content }}
{{ $pages := where .Site.RegularPages "Type" "indicators" }}
{{ range $pages.GroupByParam "service_area" }}
<section>
<h2><a href="{{ (printf "/services/%s/" (urlize .Key)) | relURL }}">{{ .Key }}</a> ({{ len .Pages }})</h2>
<ul>
{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</section>
{{ end }}
{{ end }}
`

const hugoTerm = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} indicators.</p>
<table>
<thead><tr><th scope="col">Indicator</th><th scope="col">Latest</th><th scope="col">Target</th></tr></thead>
<tbody>
{{ range .Pages.ByTitle }}{{ $d := index site.Data.kpi .File.ContentBaseName }}{{ $last := index $d.values 39 }}
<tr><td style="text-align:left"><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ lang.FormatNumber (int .Params.decimals) $last }}</td><td>{{ lang.FormatNumber (int .Params.decimals) .Params.target }}</td></tr>
{{ end }}</tbody>
</table>
{{ end }}
`

const hugoTaxonomy = `{{ define "main" }}
<h1>Service areas</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`

const hugoSingle = `{{ define "main" }}
{{ $d := index site.Data.kpi .File.ContentBaseName }}
{{ $vals := $d.values }}
{{ $periods := $d.periods }}
{{ $target := float .Params.target }}
{{ $dec := int .Params.decimals }}
{{ $higher := .Params.higher_is_better }}
{{ $tol := site.Params.amberTolerance }}
<h1>{{ .Title }}</h1>
<dl>
<dt>Service area</dt><dd><a href="{{ (printf "/services/%s/" (urlize .Params.service_area)) | relURL }}">{{ .Params.service_area }}</a></dd>
<dt>Unit</dt><dd>{{ .Params.unit }}</dd>
<dt>Target</dt><dd>{{ lang.FormatNumber $dec $target }}</dd>
<dt>Polarity</dt><dd>{{ if $higher }}Higher is better{{ else }}Lower is better{{ end }}</dd>
</dl>
{{/* ---------- chart geometry ---------- */}}
{{ $w := 640.0 }}{{ $h := 320.0 }}
{{ $l := 60.0 }}{{ $r := 20.0 }}{{ $t := 20.0 }}{{ $b := 50.0 }}
{{ $pw := sub (sub $w $l) $r }}{{ $ph := sub (sub $h $t) $b }}
{{ $min := $target }}{{ $max := $target }}
{{ range $vals }}{{ if lt (float .) $min }}{{ $min = float . }}{{ end }}{{ if gt (float .) $max }}{{ $max = float . }}{{ end }}{{ end }}
{{ $span := sub $max $min }}{{ if le $span 0.0 }}{{ $span = 1.0 }}{{ end }}
{{/* nice tick step: 1, 2 or 5 x 10^k, about 5 ticks */}}
{{ $raw := div $span 5.0 }}
{{ $mag := math.Pow 10.0 (math.Floor (div (math.Log $raw) (math.Log 10.0))) }}
{{ $norm := div $raw $mag }}
{{ $step := mul 10.0 $mag }}{{ if le $norm 1.0 }}{{ $step = $mag }}{{ else if le $norm 2.0 }}{{ $step = mul 2.0 $mag }}{{ else if le $norm 5.0 }}{{ $step = mul 5.0 $mag }}{{ end }}
{{ $y0 := mul (math.Floor (div $min $step)) $step }}{{ $y1 := mul (math.Ceil (div $max $step)) $step }}
{{ if eq $y0 $y1 }}{{ $y1 = add $y0 $step }}{{ end }}
{{ $yr := sub $y1 $y0 }}
{{ $dx := div $pw 39.0 }}
{{ $pts := "" }}
{{ range $i, $v := $vals }}{{ $x := add $l (mul (float $i) $dx) }}{{ $y := sub (add $t $ph) (mul (div (sub (float $v) $y0) $yr) $ph) }}{{ $pts = printf "%s%.1f,%.1f " $pts $x $y }}{{ end }}
{{ $ty := sub (add $t $ph) (mul (div (sub $target $y0) $yr) $ph) }}
<figure>
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320" role="img" aria-labelledby="chart-title chart-desc">
<title id="chart-title">{{ .Title }}: quarterly values 2016-17 Q1 to 2025-26 Q4</title>
<desc id="chart-desc">Line chart of {{ len $vals }} quarterly values in {{ .Params.unit }}, from {{ lang.FormatNumber $dec (index $vals 0) }} in {{ index $periods 0 }} to {{ lang.FormatNumber $dec (index $vals 39) }} in {{ index $periods 39 }}, against a target of {{ lang.FormatNumber $dec $target }}.</desc>
<rect x="0" y="0" width="640" height="320" fill="#ffffff"/>
<g class="y-axis">
{{ $n := int (math.Round (div $yr $step)) }}
{{ range $k := seq 0 $n }}{{ $tv := add $y0 (mul (float $k) $step) }}{{ $yy := sub (add $t $ph) (mul (div (sub $tv $y0) $yr) $ph) }}<line x1="{{ $l }}" x2="{{ sub $w $r }}" y1="{{ printf "%.1f" $yy }}" y2="{{ printf "%.1f" $yy }}" stroke="#e5e5e5"/><text x="{{ sub $l 6 }}" y="{{ printf "%.1f" (add $yy 4) }}" text-anchor="end">{{ lang.FormatNumber (cond (lt $step 1.0) 1 0) $tv }}</text>
{{ end }}</g>
<g class="x-axis">
<line x1="{{ $l }}" x2="{{ sub $w $r }}" y1="{{ add $t $ph }}" y2="{{ add $t $ph }}" stroke="#0b0c0c"/>
{{ range $i, $p := $periods }}{{ $x := add $l (mul (float $i) $dx) }}<line x1="{{ printf "%.1f" $x }}" x2="{{ printf "%.1f" $x }}" y1="{{ add $t $ph }}" y2="{{ add (add $t $ph) (cond (eq (mod $i 4) 0) 6 3) }}" stroke="#0b0c0c"/>{{ if eq (mod $i 4) 0 }}<text x="{{ printf "%.1f" $x }}" y="{{ add (add $t $ph) 20 }}" text-anchor="middle">{{ substr $p 0 7 }}</text>{{ end }}
{{ end }}</g>
<line class="target" x1="{{ $l }}" x2="{{ sub $w $r }}" y1="{{ printf "%.1f" $ty }}" y2="{{ printf "%.1f" $ty }}" stroke="#d4351c" stroke-dasharray="6 4" stroke-width="2"><title>Target {{ lang.FormatNumber $dec $target }}</title></line>
<polyline class="series" fill="none" stroke="#1d70b8" stroke-width="2" points="{{ trim $pts " " }}"/>
<g class="points">
{{ range $i, $v := $vals }}{{ $x := add $l (mul (float $i) $dx) }}{{ $y := sub (add $t $ph) (mul (div (sub (float $v) $y0) $yr) $ph) }}<circle cx="{{ printf "%.1f" $x }}" cy="{{ printf "%.1f" $y }}" r="3" fill="#1d70b8"><title>{{ index $periods $i }}: {{ lang.FormatNumber $dec $v }}</title></circle>
{{ end }}</g>
</svg>
<figcaption>Quarterly values against target ({{ .Params.unit }}).</figcaption>
</figure>
<table>
<caption>Quarterly values</caption>
<thead><tr><th scope="col">Quarter</th><th scope="col">Value</th><th scope="col">Target</th><th scope="col">Status</th></tr></thead>
<tbody>
{{ range $i, $v := $vals }}{{ $fv := float $v }}{{ $meets := cond $higher (ge $fv $target) (le $fv $target) }}{{ $diff := sub $fv $target }}{{ $gap := div (cond (lt $diff 0.0) (mul -1.0 $diff) $diff) (cond (eq $target 0.0) 1.0 (cond (lt $target 0.0) (mul -1.0 $target) $target)) }}{{ $rag := cond $meets "green" (cond (le $gap $tol) "amber" "red") }}
<tr class="rag-{{ $rag }}"><th scope="row">{{ index $periods $i }}</th><td>{{ lang.FormatNumber $dec $fv }}</td><td>{{ lang.FormatNumber $dec $target }}</td><td>{{ $rag | title }}</td></tr>
{{ end }}</tbody>
</table>
<section class="commentary">
{{ .Content }}
</section>
{{ end }}
`
