#!/usr/bin/env bash
# Summarises bench/out/results.tsv (written by bench/run.sh) as Markdown tables: medians per source and tool,
# cnmm over Hugo per run and as medians, and the median time of each cnmm stage.
#
#   bench/summary.sh [results.tsv]
#
# A results line: source tool run wall_s cpu_s peak_KiB html_pages bytes stages ("load=1.2,assemble=…" or "-");
# an edit-to-reload line: source cnmm-reload edits min_ms median_ms max_ms.
set -euo pipefail
RESULTS=${1:-$(dirname "$0")/out/results.tsv}

awk -F'\t' '
function median(list, n,    i, j, v, a) {
    # Insertion sort: mawk has no asort, and there are only a few runs.
    for (i = 1; i <= n; i++) a[i] = list[i]
    for (i = 2; i <= n; i++) { v = a[i]; for (j = i - 1; j >= 1 && a[j] > v; j--) a[j + 1] = a[j]; a[j + 1] = v }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function add(key, value) { count[key]++; values[key, count[key]] = value }
function med(key,    i, list) {
    if (!(key in count)) return ""
    for (i = 1; i <= count[key]; i++) list[i] = values[key, i]
    return median(list, count[key])
}
$2 == "cnmm-reload" {
    # source cnmm-reload edits min median max: the edit-to-reload benchmark.
    reloads[++nreloads] = sprintf("| %s | %d | %.0f | %.0f | %.0f |", $1, $3, $4, $5, $6)
    next
}
{
    source = $1; tool = $2; run = $3
    if (!(source in seen)) { seen[source] = 1; sources[++nsources] = source }
    if (tool == "hugo") hashugo[source] = 1
    add(source SUBSEP tool SUBSEP "wall", $4); add(source SUBSEP tool SUBSEP "cpu", $5)
    add(source SUBSEP tool SUBSEP "peak", $6 / 1024); add(source SUBSEP tool SUBSEP "pages", $7)
    add(source SUBSEP tool SUBSEP "mb", $8 / 1e6)
    wall[source, tool, run] = $4; cpu[source, tool, run] = $5; peak[source, tool, run] = $6
    if (run > runs[source]) runs[source] = run
    if ($9 != "-") {
        n = split($9, parts, ",")
        for (i = 1; i <= n; i++) {
            split(parts[i], kv, "=")
            if (!(kv[1] in stageseen)) { stageseen[kv[1]] = 1; stagenames[++nstages] = kv[1] }
            add(source SUBSEP "stage" SUBSEP kv[1], kv[2])
        }
    }
}
END {
    print "| source | tool | runs | wall (s) | CPU (s) | peak (MiB) | HTML pages | MB written |"
    print "|---|---|---:|---:|---:|---:|---:|---:|"
    for (s = 1; s <= nsources; s++) {
        source = sources[s]
        for (t = 1; t <= 2; t++) {
            tool = t == 1 ? "cnmm" : "hugo"
            key = source SUBSEP tool
            if (!((key SUBSEP "wall") in count)) continue
            printf "| %s | %s | %d | %.3f | %.2f | %.0f | %d | %.1f |\n", source, tool, count[key SUBSEP "wall"],
                med(key SUBSEP "wall"), med(key SUBSEP "cpu"), med(key SUBSEP "peak"), med(key SUBSEP "pages"),
                med(key SUBSEP "mb")
        }
    }
    header = 0
    for (s = 1; s <= nsources; s++) {
        source = sources[s]
        if (!(source in hashugo)) continue
        if (!header) {
            print ""
            print "cnmm over Hugo (below 1: cnmm is faster or smaller), per run and the median of the runs:"
            print ""
            print "| source | wall per run | wall | CPU | peak memory |"
            print "|---|---|---:|---:|---:|"
            header = 1
        }
        perrun = ""; n = 0
        for (r = 1; r <= runs[source]; r++) {
            if (!((source, "cnmm", r) in wall) || !((source, "hugo", r) in wall) || wall[source, "hugo", r] == 0) continue
            n++
            rw[n] = wall[source, "cnmm", r] / wall[source, "hugo", r]
            rc[n] = cpu[source, "hugo", r] > 0 ? cpu[source, "cnmm", r] / cpu[source, "hugo", r] : 0
            rp[n] = peak[source, "cnmm", r] / peak[source, "hugo", r]
            perrun = perrun (n > 1 ? " " : "") sprintf("%.2f", rw[n])
        }
        if (n > 0) printf "| %s | %s | %.2f | %.2f | %.2f |\n", source, perrun, median(rw, n), median(rc, n), median(rp, n)
    }
    if (nstages > 0) {
        print ""
        print "cnmm stages, median ms (`cnmm build --timings`):"
        print ""
        line = "| source |"; rule = "|---|"
        for (i = 1; i <= nstages; i++) { line = line " " stagenames[i] " |"; rule = rule "---:|" }
        print line; print rule
        for (s = 1; s <= nsources; s++) {
            source = sources[s]
            line = "| " source " |"
            for (i = 1; i <= nstages; i++) {
                v = med(source SUBSEP "stage" SUBSEP stagenames[i])
                line = line (v == "" ? " |" : sprintf(" %.0f |", v))
            }
            print line
        }
    }
    if (nreloads > 0) {
        print ""
        print "cnmm serve, from writing a file to the reload event (ms; `bench/serve-reload.py`):"
        print ""
        print "| source | edits | min | median | max |"
        print "|---|---:|---:|---:|---:|"
        for (i = 1; i <= nreloads; i++) print reloads[i]
    }
}' "$RESULTS"
