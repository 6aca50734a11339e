#!/usr/bin/env bash
# Validates the built site with the Nu HTML Checker (npm vnu-jar): every HTML
# page as HTML, every SVG file (the charts) as SVG. Any error fails; warnings
# are not shown.
#   scripts/check-html.sh [PUBLIC]      (default: public)
# JAVA=PATH runs another Java than the java command.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-public}"
java="${JAVA:-java}"
jar=node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$jar" ]; then
	echo "html-check: $jar not found: run make test-deps" >&2
	exit 2
fi
if [ ! -f "$out/index.html" ]; then
	echo "html-check: $out/index.html not found: build the site first (make build)" >&2
	exit 2
fi
html=$(find "$out" -type f \( -name '*.html' -o -name '*.htm' \) | wc -l)
mapfile -t svgs < <(find "$out" -type f -name '*.svg' | sort)
status=0
echo "html-check: Nu HTML Checker $("$java" -jar "$jar" --version) on $html HTML pages in $out"
if "$java" -jar "$jar" --errors-only --skip-non-html "$out"; then
	echo "html-check: HTML: $html pages, 0 errors"
else
	echo "html-check: HTML: ERRORS above" >&2
	status=1
fi
if [ "${#svgs[@]}" -gt 0 ]; then
	if "$java" -jar "$jar" --errors-only --svg "${svgs[@]}"; then
		echo "html-check: SVG: ${#svgs[@]} files, 0 errors"
	else
		echo "html-check: SVG: ERRORS above" >&2
		status=1
	fi
else
	echo "html-check: SVG: no .svg files"
fi
exit $status
