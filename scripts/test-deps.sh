# Sourced by install-test-deps.sh and site-check.sh: finds what the checks
# of the built site need, and says where each was found. Nothing here
# installs anything.
#
#   CHROMIUM=PATH   the Chromium or Chrome to drive (default: the first of
#                   /usr/bin/chromium, chromium-browser, google-chrome,
#                   google-chrome-stable, and on macOS the apps)
#   JAVA=PATH       the Java runtime for the Nu HTML Checker (default: java)

# find_deps sets chromium, java, node_ok, npm_ok, packages_ok, and why_*
# (why a dependency is missing, in words, with what to do).
find_deps() {
	chromium="" java="" node_ok="" npm_ok="" packages_ok=""
	why_chromium="" why_java="" why_node="" why_packages=""

	if [ -n "${CHROMIUM:-}" ]; then
		if [ -x "$CHROMIUM" ]; then
			chromium="$CHROMIUM"
		else
			why_chromium="CHROMIUM=$CHROMIUM is not an executable file; expected the path of a Chromium or Chrome binary"
		fi
	else
		local c
		for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable \
			"/Applications/Chromium.app/Contents/MacOS/Chromium" \
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" \
			"$(command -v chromium 2>/dev/null)" "$(command -v chromium-browser 2>/dev/null)" \
			"$(command -v google-chrome 2>/dev/null)" "$(command -v google-chrome-stable 2>/dev/null)"; do
			if [ -n "$c" ] && [ -x "$c" ]; then
				chromium="$c"
				break
			fi
		done
		[ -n "$chromium" ] || why_chromium="no Chromium or Chrome found; install one, or set CHROMIUM=/path/to/chromium"
	fi

	local j="${JAVA:-java}"
	if command -v "$j" >/dev/null 2>&1; then
		java="$(command -v "$j")"
	elif [ -n "${JAVA:-}" ]; then
		why_java="JAVA=$JAVA is not a command; expected the path of a java binary (Java 11 or later)"
	else
		why_java="no java command; install a Java runtime (11 or later), or set JAVA=/path/to/java"
	fi

	if ! command -v node >/dev/null 2>&1; then
		why_node="no node command; install Node.js 20 or later (with npm)"
	else
		local major
		major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
		if [ "$major" -lt 20 ]; then
			why_node="Node.js $(node --version) is too old; expected 20 or later"
		elif ! command -v npm >/dev/null 2>&1; then
			why_node="no npm command; install npm (it comes with Node.js)"
		else
			node_ok=1
		fi
	fi
	if [ -n "$node_ok" ]; then
		npm_ok=1
		if cmp -s package-lock.json node_modules/.kpisite-package-lock.json; then
			packages_ok=1
		else
			why_packages="node_modules/ does not match package-lock.json; npm ci installs it"
		fi
	else
		why_packages="needs Node.js and npm: $why_node"
	fi
}

# ci is true when running in continuous integration (CI=true, as GitHub
# Actions, GitLab CI and most others set it): there a check that cannot run
# fails instead of being skipped.
in_ci() {
	case "${CI:-}" in
	"" | false | 0 | no) return 1 ;;
	*) return 0 ;;
	esac
}
