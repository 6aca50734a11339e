# kpisite: the two commands a new user needs are `make build` and `make test`.
GO ?= go
SITE ?= .
OUT ?= public

.PHONY: build test check vet fmt-check unit bench fuzz clean kpisite ci-recipes \
	site-check test-deps html-check link-check browser-check

# Build the example site into public/.
build:
	$(GO) run ./cmd/kpisite build -s $(SITE) -o $(OUT)

# Everything that proves the build: formatting, vet, unit and end-to-end tests,
# the example site checked and built, and the built site proven valid,
# accessible and free of broken links in a real browser (site-check).
test: fmt-check vet unit check site-check

fmt-check:
	@out="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test ./...

check:
	$(GO) run ./cmd/kpisite check -s $(SITE)

# Build a synthetic 1,000-indicator site (40 quarters each, commentary for
# each) and print build time and peak memory; then the Go benchmarks of a
# chart (ours against stock go-chart) and of one indicator page.
bench: kpisite
	$(GO) run ./tools/benchsite -n 1000 -quarters 40 -kpisite bin/kpisite -runs 3
	$(GO) test -run='^$$' -bench=. -benchmem ./generator/chart ./generator/render

# Runs the shell steps of the CI recipes in docs/ci/ in a temporary copy of
# the working tree (docs/ci.md).
ci-recipes:
	bash docs/ci/test-recipes.sh

# The built example site, proven (tests/browser/README.md): the Nu HTML
# Checker on every page and chart, every link on disk, and axe-core, keyboard,
# reflow, zoom, CSS-off and JavaScript-off checks in headless Chromium. Runs
# all three and fails if any finds anything.
site-check: test-deps build
	@status=0; \
	$(MAKE) --no-print-directory html-check || status=1; \
	$(MAKE) --no-print-directory link-check || status=1; \
	$(MAKE) --no-print-directory browser-check || status=1; \
	if [ $$status -ne 0 ]; then echo "site-check: FAILED (see the findings above)"; fi; \
	exit $$status

# Debian's chromium and a JRE (apt-get) and the npm packages of
# package-lock.json (npm ci), each only when missing.
test-deps:
	@bash scripts/install-test-deps.sh

html-check:
	@bash scripts/check-html.sh $(OUT)

link-check:
	$(GO) run ./internal/linkcheck/cmd/linkcheck -site $(SITE) -dir $(OUT)

# The self-test first (the checks find planted problems), then the site.
browser-check:
	node --test tests/browser/
	node tests/browser/run.mjs --site $(SITE) --public $(OUT)

# Every fuzz target of the input parsers, one after the other. New crashers
# land in generator/load/testdata/fuzz; turn each into a regression test.
FUZZTIME ?= 30s
fuzz:
	@for f in FuzzParseNumber FuzzParsePeriod FuzzFrontMatter FuzzCSV FuzzSite FuzzTOMLTooDeep FuzzPlaceholders; do \
		echo "== $$f"; \
		$(GO) test ./generator/load -run='^$$' -fuzz="^$$f\$$" -fuzztime=$(FUZZTIME) -parallel=1 || exit 1; \
	done

# The kpisite binary in bin/.
kpisite:
	$(GO) build -o bin/kpisite ./cmd/kpisite

clean:
	rm -rf $(OUT) bin
