#!/usr/bin/env bash
# Tests the CI recipes in this folder by running their shell steps locally.
#
# The run: steps of github-actions.yml and the before_script: and script:
# lines of gitlab-ci.yml are extracted from the files themselves (so the test
# cannot drift from the recipes) and run in a temporary copy of the working
# tree, with the variables the CI services would set. Actions (uses:), job
# conditions and caches are the services' own and are not run.
#
# Checked:
#   GitHub check job   passes on the example site; on a bad value it fails
#                      and prints a ::error annotation with file and line
#   GitHub build job   builds public/ with the Pages URL as base URL
#   GitLab check job   passes; fails on a bad value
#   GitLab pages job   builds public/ with CI_PAGES_URL as base URL
#   both build jobs    fetch the live data/all.csv and changes/releases.json
#                      for "What changed": none yet (404) is the first
#                      release; a live site's are passed with --previous; any
#                      other failure stops the job (curl is a stand-in that
#                      serves a folder, LIVE_DIR: there is no network here)
#   both, for a site in its own repository (KPISITE_SRC=kpisite-src)
#   docs/ci.md shows both files exactly as they are
#
# Usage: bash docs/ci/test-recipes.sh   (or make ci-recipes). Needs bash, git,
# tar and go.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok   $*"; }

# copy_tree DEST: the files of the working tree that git would commit
# (tracked and untracked, not ignored), as a fresh clone of it would have.
copy_tree() {
	mkdir -p "$1"
	(cd "$repo" && git ls-files -z --cached --others --exclude-standard) |
		(cd "$repo" && while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done) |
		(cd "$repo" && tar --null -T - -cf -) | tar -xf - -C "$1"
	# PNG charts are slow to draw and not what these recipes test.
	if [ -f "$1/site.toml" ]; then
		sed 's/^png_charts = true/png_charts = false/' "$1/site.toml" >"$1/site.toml.new"
		mv "$1/site.toml.new" "$1/site.toml"
	fi
}

# break_value SITE: adds a figure that is not a number to the first
# long-format values file of SITE, and prints the file's name.
break_value() {
	local csv header ind commas row i
	csv=$(grep -l '^indicator,period,value' "$1"/data/values/*.csv | head -n 1)
	header=$(head -n 1 "$csv")
	ind=$(sed -n 2p "$csv" | cut -d, -f1)
	commas=$(printf '%s' "$header" | tr -cd , | wc -c)
	row="$ind,2030/31 Q1,4l2"
	for ((i = 2; i < commas; i++)); do row="$row,"; done
	printf '%s\n' "$row" >>"$csv"
	basename "$csv"
}

# runs numbers the temporary folders of each job run.
runs=0

# A stand-in for curl, first on the PATH of every job: it serves the URLs
# of the made-up Pages addresses from the folder LIVE_DIR (404 when a file
# is not there, or when LIVE_DIR is unset: no site is live yet), and fails
# as a network error would when LIVE_DOWN is set. It knows the options the
# recipes use: -o FILE, -w '%{http_code}', and single-letter flags.
mkdir -p "$tmp/shim"
cat >"$tmp/shim/curl" <<'SHIM'
#!/usr/bin/env bash
out="" url="" write=""
while [ $# -gt 0 ]; do
	case $1 in
	-o) out=$2; shift 2 ;;
	-w) write=$2; shift 2 ;;
	-*) shift ;;
	*) url=$1; shift ;;
	esac
done
if [ -n "${LIVE_DOWN:-}" ]; then
	[ -n "$write" ] && printf '000'
	echo "curl: (6) Could not resolve host" >&2
	exit 6
fi
path=${url#https://example.*.io/kpisite/}
if [ -n "${LIVE_DIR:-}" ] && [ -f "$LIVE_DIR/$path" ]; then
	cp "$LIVE_DIR/$path" "$out"
	code=200
else
	printf 'Not found\n' >"$out"
	code=404
fi
[ -n "$write" ] && printf '%s' "$code"
exit 0
SHIM
chmod +x "$tmp/shim/curl"
export PATH="$tmp/shim:$PATH"

# github_steps JOB OUTDIR: writes each run: step of JOB to OUTDIR/NN.sh.
github_steps() {
	mkdir -p "$2"
	awk -v want="$1" -v out="$2" '
	function flush() {
		if (step != "") { n++; f = sprintf("%s/%02d.sh", out, n); printf "%s", step > f; close(f) }
		step = ""; inblock = 0
	}
	inblock {
		if ($0 ~ /^[ \t]*$/) { step = step "\n"; next }
		match($0, /^ */)
		if (RLENGTH > keyind) {
			if (blockind == 0) blockind = RLENGTH
			step = step substr($0, blockind + 1) "\n"
			next
		}
		flush()
	}
	/^[^ #]/ { injobs = ($0 ~ /^jobs:/); job = ""; next }
	injobs && /^  [A-Za-z0-9_-]+:[ \t]*$/ { job = $1; sub(/:$/, "", job); next }
	job == want && /^ +(- )?run:/ {
		match($0, /run:/); keyind = RSTART - 1
		rest = substr($0, RSTART + 4); sub(/^ +/, "", rest)
		if (rest ~ /^[|>][-+]?$/) { inblock = 1; blockind = 0; step = ""; next }
		step = rest "\n"; flush(); next
	}
	END { flush(); if (n == 0) { print "no run: steps in job " want > "/dev/stderr"; exit 1 } }
	' "$here/github-actions.yml"
	if grep -l '\${{' "$2"/*.sh >/dev/null 2>&1; then
		fail "github-actions.yml: a run: step uses \${{ }}; pass values through env: instead"
	fi
}

# github_job JOB WORKSPACE: runs JOB's run: steps as the runner does: each
# step in its own bash -e, directories added to GITHUB_PATH on the PATH of
# the later steps. The variables are those of a runner.
github_job() {
	runs=$((runs + 1))
	steps="$tmp/github-$1-$runs"
	github_steps "$1" "$steps"
	runner="$steps.runner"
	mkdir -p "$runner"
	: >"$runner/path"
	for s in "$steps"/*.sh; do
		extra=$(tr '\n' ':' <"$runner/path")
		(cd "$2" && env PATH="$extra$PATH" GITHUB_WORKSPACE="$2" RUNNER_TEMP="$runner" \
			GITHUB_PATH="$runner/path" KPISITE_SRC="${KPISITE_SRC:-.}" \
			BASE_URL="https://example.github.io/kpisite" \
			bash --noprofile --norc -eo pipefail "$s") || return 1
	done
}

# gitlab_job JOB PROJECTDIR: runs default.before_script and JOB's script
# lines in one shell, stopping at the first that fails, as the runner does.
gitlab_job() {
	runs=$((runs + 1))
	script="$tmp/gitlab-$1-$runs.sh"
	awk -v want="$1" '
	/^[^ #]/ { top = $0; sub(/:.*/, "", top); section = ""; next }
	/^  [A-Za-z_]+:/ { key = $1; sub(/:$/, "", key); section = top "." key; next }
	/^    - / && (section == "default.before_script" || section == want ".script") {
		line = substr($0, 7)
		if (line ~ /^[|>]/) { print "gitlab-ci.yml: block scalars are not supported by this test" > "/dev/stderr"; exit 1 }
		if (section == "default.before_script") before = before line "\n"; else main = main line "\n"
	}
	END { if (main == "") { print "no script: lines in job " want > "/dev/stderr"; exit 1 }; printf "set -eu\n%s%s", before, main }
	' "$here/gitlab-ci.yml" >"$script"
	(cd "$2" && env CI_PROJECT_DIR="$2" CI_PAGES_URL="https://example.gitlab.io/kpisite" \
		KPISITE_SRC="${KPISITE_SRC:-.}" sh "$script")
}

# --- docs/ci.md shows the recipes as they are ----------------------------

for f in github-actions.yml gitlab-ci.yml; do
	awk -v marker="<!-- file: docs/ci/$f -->" '
		$0 == marker { found = 1; next }
		found == 1 && /^```/ { found = 2; next }
		found == 2 && /^```/ { exit }
		found == 2 { print }
	' "$here/../ci.md" >"$tmp/shown-$f"
	cmp -s "$tmp/shown-$f" "$here/$f" || fail "docs/ci.md does not show docs/ci/$f as it is:
$(diff "$tmp/shown-$f" "$here/$f" || true)"
done
pass "docs/ci.md shows both recipes as they are"

# --- a site in a copy of the kpisite repository (KPISITE_SRC=.) ---------

ws="$tmp/github"
copy_tree "$ws"
out=$(github_job check "$ws" 2>&1) || fail "GitHub check job on the example site:
$out"
case $out in *::error*) fail "GitHub check job printed an annotation: $out" ;; esac
pass "GitHub check job passes on the example site"

bad="$tmp/github-bad"
copy_tree "$bad"
csv=$(break_value "$bad")
if out=$(github_job check "$bad" 2>&1); then fail "GitHub check job passed a bad value"; fi
echo "$out" | grep -q "^::error file=data/values/$csv,line=[0-9]*,col=[0-9]*::.*4l2" ||
	fail "GitHub check job: no annotation for the bad value in $csv:
$out"
pass "GitHub check job fails on a bad value, with an annotation"

github_job build "$ws" >/dev/null 2>&1 || fail "GitHub build job"
grep -q 'href="https://example.github.io/kpisite/"' "$ws/public/index.html" ||
	fail "GitHub build job: public/index.html has no canonical link to the Pages URL"
pass "GitHub build job builds public/ for the Pages URL"
grep -q 'There was no previous release to compare with' "$ws/public/changes/index.html" ||
	fail "GitHub build job with no live site: changes/ does not say there is no previous release"
pass "GitHub build job with no live site yet: the first release"

# The next release: the live site is the last build; one figure revised.
live="$tmp/live"
cp -R "$ws/public" "$live"
rm -rf "$ws/public"
csv=$(grep -l '^indicator,period,value' "$ws"/data/values/*.csv | head -n 1)
awk -F, -v OFS=, 'NR > 1 && !done && !/"/ && $3 ~ /^[0-9.]+$/ { $3 = "123456"; done = 1 } { print }' "$csv" >"$csv.new" && mv "$csv.new" "$csv"
sed 's/^published = .*/published = 2030-01-31/' "$ws/site.toml" >"$ws/site.toml.new" && mv "$ws/site.toml.new" "$ws/site.toml"
out=$(LIVE_DIR="$live" github_job build "$ws" 2>&1) || fail "GitHub build job with a live site:
$out"
grep -q '1 revised figure' "$ws/public/changes/index.html" ||
	fail "GitHub build job with a live site: changes/ does not list the revised figure"
grep -q 'release-2030-01-31' "$ws/public/feed.xml" ||
	fail "GitHub build job with a live site: feed.xml has no entry for the release"
pass "GitHub build job compares with the live site's figures (--previous)"
if out=$(LIVE_DOWN=1 github_job build "$ws" 2>&1); then fail "GitHub build job built when the live site could not be reached"; fi
echo "$out" | grep -q 'cannot fetch' || fail "GitHub build job, live site unreachable: no message:
$out"
pass "GitHub build job stops when the live site cannot be reached"

gl="$tmp/gitlab"
copy_tree "$gl"
gitlab_job check "$gl" >/dev/null 2>&1 || fail "GitLab check job on the example site"
pass "GitLab check job passes on the example site"
gitlab_job pages "$gl" >/dev/null 2>&1 || fail "GitLab pages job"
grep -q 'href="https://example.gitlab.io/kpisite/"' "$gl/public/index.html" ||
	fail "GitLab pages job: public/index.html has no canonical link to CI_PAGES_URL"
pass "GitLab pages job builds public/ for CI_PAGES_URL"
rm -rf "$gl/public"
csv=$(grep -l '^indicator,period,value' "$gl"/data/values/*.csv | head -n 1)
awk -F, -v OFS=, 'NR > 1 && !done && !/"/ && $3 ~ /^[0-9.]+$/ { $3 = "123456"; done = 1 } { print }' "$csv" >"$csv.new" && mv "$csv.new" "$csv"
sed 's/^published = .*/published = 2030-01-31/' "$gl/site.toml" >"$gl/site.toml.new" && mv "$gl/site.toml.new" "$gl/site.toml"
out=$(LIVE_DIR="$live" gitlab_job pages "$gl" 2>&1) || fail "GitLab pages job with a live site:
$out"
grep -q '1 revised figure' "$gl/public/changes/index.html" ||
	fail "GitLab pages job with a live site: changes/ does not list the revised figure"
pass "GitLab pages job compares with the live site's figures (--previous)"
if LIVE_DOWN=1 gitlab_job pages "$gl" >/dev/null 2>&1; then fail "GitLab pages job built when the live site could not be reached"; fi
pass "GitLab pages job stops when the live site cannot be reached"
csv=$(break_value "$gl")
if gitlab_job check "$gl" >/dev/null 2>&1; then fail "GitLab check job passed a bad value"; fi
pass "GitLab check job fails on a bad value"

# --- a site in its own repository, kpisite checked out beside it ---------

own="$tmp/own"
copy_tree "$own/kpisite-src"
(cd "$own/kpisite-src" && go run ./cmd/kpisite new site "$own/site") >/dev/null
mv "$own/kpisite-src" "$own/site/kpisite-src"
KPISITE_SRC=kpisite-src github_job check "$own/site" >/dev/null 2>&1 ||
	fail "GitHub check job with KPISITE_SRC=kpisite-src"
pass "GitHub check job, site in its own repository"
KPISITE_SRC=kpisite-src gitlab_job pages "$own/site" >/dev/null 2>&1 ||
	fail "GitLab pages job with KPISITE_SRC=kpisite-src"
[ -f "$own/site/public/indicators/library-visits/index.html" ] ||
	fail "GitLab pages job with KPISITE_SRC=kpisite-src: no indicator page"
pass "GitLab pages job, site in its own repository"
