#!/usr/bin/env bash
# Installs what `make site-check` needs, and only what is missing:
#   - Debian's chromium (the browser the accessibility checks drive) and a
#     headless Java runtime (for the Nu HTML Checker), with apt-get;
#   - the npm packages pinned in package-lock.json (axe-core, vnu-jar,
#     playwright-core), with `npm ci`, skipped when node_modules already
#     matches the lockfile.
# Nothing downloads a browser: playwright-core has no install script, npm runs
# with --ignore-scripts, and the checks use /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM:-/usr/bin/chromium}"
need=()
[ -x "$chromium" ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
if [ "${#need[@]}" -gt 0 ]; then
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
	echo "test-deps: installing ${need[*]} with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "test-deps: Node.js 20 or later and npm are needed for the browser checks" >&2
	exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
	echo "test-deps: Node.js $(node --version) is too old: playwright-core needs 20 or later" >&2
	exit 1
fi

stamp=node_modules/.kpisite-package-lock.json
if ! cmp -s package-lock.json "$stamp"; then
	echo "test-deps: npm ci (package-lock.json)"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	cp package-lock.json "$stamp"
fi
echo "test-deps: $("$chromium" --version 2>/dev/null | head -1); java $(java -version 2>&1 | head -1 | sed 's/^[^"]*"\([^"]*\)".*/\1/'); node $(node --version); npm packages as in package-lock.json"
