#!/usr/bin/env bash
# make test-deps: says what `make site-check` needs and what is missing, then
# installs only what is missing and can be installed here:
#   - Chromium and a headless Java runtime with apt-get (Debian and Ubuntu,
#     as root or with sudo), unless CHROMIUM= or JAVA= names your own;
#   - the npm packages pinned in package-lock.json (axe-core, vnu-jar,
#     playwright-core) with `npm ci --ignore-scripts`, when node_modules/
#     does not match the lockfile.
# INSTALL=no reports without installing anything. Nothing downloads a
# browser: playwright-core has no install script, npm runs with
# --ignore-scripts, and the checks drive the Chromium found here.
# Exit status 0 when everything is there, 1 when something is missing
# (make site-check then skips what cannot run, or fails in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/test-deps.sh

report() {
	find_deps
	echo "test-deps: make site-check needs (tests/browser/README.md):"
	printf '  %-36s %s\n' "Node.js 20+ and npm" "${node_ok:+found node $(node --version)}${why_node}"
	printf '  %-36s %s\n' "npm packages of package-lock.json" "${packages_ok:+installed in node_modules/}${why_packages}"
	printf '  %-36s %s\n' "Chromium or Chrome (CHROMIUM=)" "${chromium:+found $chromium}${why_chromium}"
	printf '  %-36s %s\n' "Java 11+ runtime (JAVA=)" "${java:+found $java}${why_java}"
}
report

apt=()
if [ -z "$chromium" ] && [ -z "${CHROMIUM:-}" ]; then apt+=(chromium); fi
if [ -z "$java" ] && [ -z "${JAVA:-}" ]; then apt+=(default-jre-headless); fi
npm_ci=""
if [ -n "$node_ok" ] && [ -z "$packages_ok" ]; then npm_ci=1; fi

if [ "${INSTALL:-yes}" = no ]; then
	[ "${#apt[@]}" -eq 0 ] && [ -z "$npm_ci" ] || echo "test-deps: INSTALL=no: installing nothing"
	apt=()
	npm_ci=""
fi

installed=""
if [ "${#apt[@]}" -gt 0 ]; then
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "test-deps: this system has no apt-get; install what is missing yourself, for example:"
		for p in "${apt[@]}"; do
			case "$p" in
			chromium) echo "  Chromium: brew install --cask chromium (macOS), sudo dnf install chromium (Fedora); then CHROMIUM=/path if it is not found" ;;
			*) echo "  Java:     brew install openjdk (macOS), sudo dnf install java-21-openjdk-headless (Fedora); then JAVA=/path if it is not found" ;;
			esac
		done
	elif [ -n "$sudo" ] && ! command -v sudo >/dev/null 2>&1; then
		echo "test-deps: cannot install ${apt[*]}: not root and no sudo; as root: apt-get install ${apt[*]}"
	elif [ -n "$sudo" ] && [ ! -t 0 ] && ! sudo -n true 2>/dev/null; then
		echo "test-deps: cannot install ${apt[*]}: sudo needs a password and there is no terminal to ask; run: sudo apt-get install ${apt[*]}"
	else
		installed=1
		echo "test-deps: will run: $sudo apt-get update && $sudo apt-get install -y ${apt[*]}"
		echo "           (INSTALL=no to skip; CHROMIUM= and JAVA= to use your own)"
		export DEBIAN_FRONTEND=noninteractive
		if $sudo apt-get update -qq && $sudo apt-get install -y -qq "${apt[@]}" >/dev/null; then
			echo "test-deps: installed ${apt[*]}"
		else
			echo "test-deps: apt-get install ${apt[*]} failed (see above)"
		fi
	fi
fi

if [ -n "$npm_ci" ]; then
	installed=1
	echo "test-deps: will run: npm ci --ignore-scripts (package-lock.json into node_modules/)"
	if npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; then
		cp package-lock.json node_modules/.kpisite-package-lock.json
	else
		echo "test-deps: npm ci failed (see above)"
	fi
fi

if [ -n "$installed" ]; then
	report
fi
if [ -n "$chromium" ] && [ -n "$java" ] && [ -n "$packages_ok" ]; then
	echo "test-deps: everything is there"
	exit 0
fi
exit 1
