#!/usr/bin/env bash
# Does the live progress display slow the run it measures? Runs one pgvec command N times on a
# pseudo-terminal (script -qec, so pgvec draws its live bar) and N times with output redirected
# (plain lines), alternating, and prints each mode's training seconds (summary.json's
# wall_seconds) with their median. Within noise, the two medians should agree.
#
#   dotnet build -c Release src/Pgvec
#   bench/progress-overhead.sh                                # pgvec baseline --seed 0, N=7
#   N=5 bench/progress-overhead.sh train --envs 64 --device cpu --seed 0
set -euo pipefail
N=${N:-7}
PGVEC=${PGVEC:-"dotnet $(dirname "$0")/../src/Pgvec/bin/Release/net10.0/pgvec.dll"}
ARGS=${*:-baseline --seed 0}
export TERM=${TERM:-xterm-256color}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { sed -n 's/.*"wall_seconds": *\([0-9.eE+-]*\).*/\1/p' "$1/summary.json"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for i in $(seq 1 "$N"); do
    script -qec "$PGVEC $ARGS --out $work/terminal-$i" /dev/null > /dev/null
    $PGVEC $ARGS --out "$work/redirected-$i" > /dev/null 2>&1
    seconds "$work/terminal-$i" >> "$work/terminal.txt"
    seconds "$work/redirected-$i" >> "$work/redirected.txt"
done

echo "pgvec $ARGS, $N runs each, training seconds (summary.json wall_seconds):"
for mode in terminal redirected; do
    printf '%-11s median %-10s runs: %s\n' "$mode" "$(median < "$work/$mode.txt")" "$(sort -g "$work/$mode.txt" | tr '\n' ' ')"
done
