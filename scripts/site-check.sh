#!/usr/bin/env bash
# make site-check: proves the built site valid, accessible and free of broken
# links (tests/browser/README.md). Runs every check it can:
#   html-check     Nu HTML Checker            needs Java and the npm packages
#   link-check     internal/linkcheck          needs Go only
#   browser-check  axe-core and the rest       needs Node.js, the npm packages and Chromium
# A check whose dependency cannot be had is skipped, with a loud message
# saying which and why, and the run still passes, so a machine with only Go
# can run `make test`. In CI (CI=true) a skipped check fails the run.
#   scripts/site-check.sh [SITE] [OUT]      (default: . public)
# SELFTEST=no leaves out the browser checks' self-test (examples-check runs
# it once, in site-check).
set -uo pipefail
cd "$(dirname "$0")/.."
site="${1:-.}"
out="${2:-public}"
go="${GO:-go}"
. scripts/test-deps.sh

bash scripts/install-test-deps.sh
find_deps

passed=() failed=() skipped=()
check() {
	local name="$1"
	shift
	echo "== $name"
	if "$@"; then passed+=("$name"); else failed+=("$name"); fi
}
skip() {
	echo "== $1: SKIPPED: $2" >&2
	skipped+=("$1 ($2)")
}

if [ -z "$java" ]; then
	skip html-check "$why_java"
elif [ -z "$packages_ok" ]; then
	skip html-check "the Nu HTML Checker is an npm package: $why_packages"
else
	check html-check env JAVA="$java" bash scripts/check-html.sh "$out"
fi

check link-check "$go" run ./internal/linkcheck/cmd/linkcheck -site "$site" -dir "$out"

if [ -z "$packages_ok" ]; then
	skip browser-check "$why_packages"
elif [ -z "$chromium" ]; then
	skip browser-check "$why_chromium"
else
	selftest='node --test tests/browser/ && '
	[ "${SELFTEST:-yes}" = no ] && selftest=''
	check browser-check sh -c "$selftest"'node tests/browser/run.mjs --site "$1" --public "$2" --chromium "$3"' \
		sh "$site" "$out" "$chromium"
fi

echo
[ "${#passed[@]}" -eq 0 ] || echo "site-check: passed: ${passed[*]}"
[ "${#failed[@]}" -eq 0 ] || echo "site-check: FAILED: ${failed[*]} (see the findings above)"
if [ "${#skipped[@]}" -gt 0 ]; then
	echo "################################################################################"
	echo "site-check: NOT RUN, so the site was NOT proven by them:"
	for s in "${skipped[@]}"; do echo "  - $s"; done
	echo "Run make test-deps for what is needed (the README's \"Testing\" section)."
	if in_ci; then
		echo "site-check: FAILED: in CI (CI=$CI) every check must run"
		echo "################################################################################"
		exit 1
	fi
	echo "Outside CI this is not a failure; in CI (CI=true) it is."
	echo "################################################################################"
fi
[ "${#failed[@]}" -eq 0 ]
