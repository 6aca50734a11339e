# kpisite: the two commands a new user needs are `make build` and `make test`;
# `make serve` then previews the site at http://127.0.0.1:8080/.
GO ?= go
SITE ?= .
OUT ?= public
ADDR ?= 127.0.0.1:8080

# The browser and Java runtime the site checks use (scripts/test-deps.sh);
# empty means found on this machine.
CHROMIUM ?=
JAVA ?=
export CHROMIUM JAVA

.PHONY: build serve test check vet fmt-check unit bench fuzz clean kpisite ci-recipes \
	site-check test-deps html-check link-check browser-check examples-check

# Build the example site into public/.
build:
	$(GO) run ./cmd/kpisite build -s $(SITE) -o $(OUT)

# Preview the site at http://127.0.0.1:8080/ (ADDR=host:port), built in
# memory and rebuilt as you save; open pages reload (docs/serve.md).
serve:
	$(GO) run ./cmd/kpisite serve -s $(SITE) --addr $(ADDR)

# Everything that proves the build: formatting, vet, unit and end-to-end tests,
# the example site checked and built, and the built site proven valid,
# accessible and free of broken links in a real browser (site-check); then
# the same for each site under examples/ (examples-check).
test: fmt-check vet unit check site-check examples-check

fmt-check:
	@out="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test ./...

check:
	$(GO) run ./cmd/kpisite check -s $(SITE)

# kpisite against Hugo on the same content (1,000 indicators x 40 quarters,
# commentary, a chart and a table on each page): cold builds (no output, no
# build cache) and, at 1,000 indicators, a rebuild into the same output
# (with its build cache) after one CSV row changes, and a second one after
# another row changes (the first leaves the spare site), in turns, medians of
# BENCH_RUNS; wall time, CPU time and peak memory, each as a ratio to
# Hugo's cold build (Hugo is skipped, saying so, where it is not
# installed). BENCH_BIG=1 adds cold builds of 5,000 indicators: several
# minutes more on two cores, so not by default. BENCH_PROFILE=DIR keeps a
# CPU profile of each kpisite cold build. Then the Go benchmarks of a chart
# (ours against stock go-chart) and of one page.
BENCH_RUNS ?= 3
BENCH_SIZES = 1000$(if $(BENCH_BIG),$(comma)5000)
comma := ,
bench: kpisite
	@$(if $(BENCH_BIG),,echo "5,000 indicators: not measured (BENCH_BIG=1 make bench adds them; several minutes more)")
	$(GO) run ./tools/benchsite -n $(BENCH_SIZES) -rebuild 1000 -kpisite bin/kpisite -runs $(BENCH_RUNS) $(if $(BENCH_PROFILE),-cpuprofile $(BENCH_PROFILE))
	$(GO) test -run='^$$' -bench=. -benchmem ./generator/chart ./generator/render

# Runs the shell steps of the CI recipes in docs/ci/ in a temporary copy of
# the working tree (docs/ci.md).
ci-recipes:
	bash docs/ci/test-recipes.sh

# The built example site, proven (tests/browser/README.md): the Nu HTML
# Checker on every page and chart, every link on disk, and axe-core, keyboard,
# reflow, zoom, CSS-off and JavaScript-off checks in headless Chromium. First
# says what it needs and installs what is missing (test-deps); runs every
# check it can and fails if any finds anything. A check that cannot run is
# skipped with a loud message, and fails the run in CI (CI=true).
site-check: build
	@GO="$(GO)" bash scripts/site-check.sh $(SITE) $(OUT)

# Says what the site checks need and what is missing, then installs only
# that: Chromium and a Java runtime with apt-get, the npm packages of
# package-lock.json with npm ci. INSTALL=no only reports.
test-deps:
	@bash scripts/install-test-deps.sh

html-check:
	@bash scripts/check-html.sh $(OUT)

link-check:
	$(GO) run ./internal/linkcheck/cmd/linkcheck -site $(SITE) -dir $(OUT)

# The self-test first (the checks find planted problems), then the site.
browser-check:
	node --test tests/browser/
	node tests/browser/run.mjs --site $(SITE) --public $(OUT) $(if $(CHROMIUM),--chromium "$(CHROMIUM)")

# The other example sites (examples/*/), each checked, built into its own
# public/ and proven like the main one by scripts/site-check.sh (the browser
# self-test runs once, in site-check).
EXAMPLES ?= examples/national-statistics
examples-check:
	@status=0; \
	for ex in $(EXAMPLES); do \
		echo "== $$ex"; \
		$(GO) run ./cmd/kpisite check -s $$ex || status=1; \
		$(GO) run ./cmd/kpisite build -s $$ex -o $$ex/public || { status=1; continue; }; \
		SELFTEST=no GO="$(GO)" bash scripts/site-check.sh $$ex $$ex/public || status=1; \
	done; \
	if [ $$status -ne 0 ]; then echo "examples-check: FAILED (see the findings above)"; fi; \
	exit $$status

# Every fuzz target of the input parsers, one after the other. New crashers
# land in generator/load/testdata/fuzz; turn each into a regression test.
FUZZTIME ?= 30s
fuzz:
	@for f in FuzzParseNumber FuzzParsePeriod FuzzFrontMatter FuzzCSV FuzzSite FuzzTOMLTooDeep FuzzPlaceholders FuzzTwinName; do \
		echo "== $$f"; \
		$(GO) test ./generator/load -run='^$$' -fuzz="^$$f\$$" -fuzztime=$(FUZZTIME) -parallel=1 || exit 1; \
	done

# The kpisite binary in bin/.
kpisite:
	$(GO) build -o bin/kpisite ./cmd/kpisite

clean:
	rm -rf $(OUT) $(OUT).kpisite-cache $(OUT).kpisite-fragments $(OUT).kpisite-spare bin $(addsuffix /public,$(EXAMPLES)) $(foreach e,$(EXAMPLES),$(e)/public.kpisite-cache $(e)/public.kpisite-fragments $(e)/public.kpisite-spare)
