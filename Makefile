# kpisite: the two commands a new user needs are `make build` and `make test`.
GO ?= go
SITE ?= .
OUT ?= public

.PHONY: build test check vet fmt-check unit bench fuzz clean kpisite

# Build the example site into public/.
build:
	$(GO) run ./cmd/kpisite build -s $(SITE) -o $(OUT)

# Everything that proves the build: formatting, vet, unit and end-to-end tests,
# and the example site checked and built.
test: fmt-check vet unit check

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

# The kpisite binary in bin/.
kpisite:
	$(GO) build -o bin/kpisite ./cmd/kpisite

clean:
	rm -rf $(OUT) bin
