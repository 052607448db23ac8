#!/bin/sh
# bench/bench.sh: 'make bench'.  Times lookups against a floor program
# that only prints a file holding the same bytes as the lookup's output,
# side by side in one run: R rounds, each running every command N times in
# a loop, alternating; the median round is reported, with the ratio to
# the floor.  Target: ratio <= 1.3.
set -eu
: "${RC_BIN:?}" "${FLOOR:?}"
N=${N:-300}
R=${R:-5}
out=$(mktemp -d "${TMPDIR:-/tmp}/rc-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
export LC_ALL=C.UTF-8

now () { date +%s%N; }

# time_loop CMD...: nanoseconds for N runs of CMD (stdout discarded).
time_loop () {
  t0=$(now)
  i=0
  while test $i -lt "$N"; do "$@" > /dev/null; i=$((i + 1)); done
  t1=$(now)
  echo $((t1 - t0))
}

median () { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

bench_pair () {
  label=$1; shift
  "$@" > "$out/expected"
  bytes=$(wc -c < "$out/expected")
  : > "$out/rc.t"; : > "$out/floor.t"
  r=0
  while test $r -lt "$R"; do
    time_loop "$@" >> "$out/rc.t"
    time_loop "$FLOOR" "$out/expected" >> "$out/floor.t"
    r=$((r + 1))
  done
  rc=$(median < "$out/rc.t"); fl=$(median < "$out/floor.t")
  awk -v l="$label" -v b="$bytes" -v rc="$rc" -v fl="$fl" -v n="$N" 'BEGIN {
    printf "%-28s %6d bytes  %8.1f us/run  floor %8.1f us/run  ratio %.2f\n",
      l, b, rc / n / 1000, fl / n / 1000, rc / fl }'
}

# bench_vs LABEL BASE-CMD -- CMD: both commands alternating, R rounds of N
# runs each; the ratio of their median rounds.
bench_vs () {
  label=$1; shift
  base=""
  while test "$1" != "--"; do base="$base $1"; shift; done
  shift
  : > "$out/a.t"; : > "$out/b.t"
  r=0
  while test $r -lt "$R"; do
    # shellcheck disable=SC2086
    time_loop $base >> "$out/a.t"
    time_loop "$@" >> "$out/b.t"
    r=$((r + 1))
  done
  a=$(median < "$out/a.t"); b=$(median < "$out/b.t")
  awk -v l="$label" -v a="$a" -v b="$b" -v n="$N" 'BEGIN {
    printf "%-34s %8.1f us/run  plain %8.1f us/run  ratio %.2f\n",
      l, b / n / 1000, a / n / 1000, b / a }'
}

echo "replycode bench: $N runs x $R rounds per command (median round)"
bench_pair "show smtp 220 (en)" "$RC_BIN" --lang en show smtp 220
bench_pair "show smtp 220 (ko)" "$RC_BIN" --lang ko show smtp 220
bench_pair "compare 220 vs 221 (ko)" "$RC_BIN" --lang ko 220 vs 221
bench_pair "json show smtp 550 (en)" "$RC_BIN" -f json smtp 550
bench_pair "show 5.7.1 (smtp-enhanced, ko)" "$RC_BIN" --lang ko 5.7.1
bench_pair "show ftp 227 (en)" "$RC_BIN" --lang en ftp 227
bench_pair "show http 413 (ko)" "$RC_BIN" --lang ko http 413
bench_pair "explain one line (en)" "$RC_BIN" --lang en explain "550 5.7.1 <a@b.example>: Relay access denied"
# User data: a lookup with user files (read from the compiled cache, which
# the first run writes) against the same lookup without; target <= 1.3.
if test -n "${XML_HELPER:-}" && test -n "${USER_XML:-}"; then
  export XDG_CACHE_HOME="$out/cache"
  mkdir -p "$out/u1" "$out/u50"
  cp "$USER_XML" "$out/u1/local.xml"
  i=0
  while test $i -lt 50; do
    sed "s/value=\"599\"/value=\"$((i + 600))\"/" "$USER_XML" > "$out/u50/f$i.xml"
    i=$((i + 1))
  done
  for d in u1 u50; do
    REPLYCODE_XML_HELPER=$XML_HELPER "$RC_BIN" --data-dir "$out/$d" 220 > /dev/null
    n=$(ls "$out/$d" | wc -l)
    # no helper to fall back on: a stale cache would stop the bench
    REPLYCODE_XML_HELPER=/nonexistent bench_vs "show 220 with $n user file(s)" \
      "$RC_BIN" --lang en 220 -- "$RC_BIN" --lang en --data-dir "$out/$d" 220
  done
  # what the cache saves: the helper loading the XML at every run
  XDG_CACHE_HOME=/nonexistent REPLYCODE_XML_HELPER=$XML_HELPER \
    bench_vs "show 220, 1 user file, no cache" \
    "$RC_BIN" --lang en 220 -- "$RC_BIN" --lang en --data-dir "$out/u1" 220
  unset XDG_CACHE_HOME
fi
# explain over a large log: lines per second and peak memory, for the
# whole log and for a tenth of it (memory must not grow with the input).
if test -n "${RUNSTAT:-}" && test -n "${REPLIES:-}"; then
  for lines in 10000 100000; do
    awk -v n="$lines" '{ a[NR] = $0 } END { for (i = 0; i < n; i++) print a[i % NR + 1] }' \
      "$REPLIES" > "$out/log"
    for lang in en ko; do
      set -- $("$RUNSTAT" "$out/log" "$out/explained" "$RC_BIN" --lang "$lang" explain -)
      awk -v l="$lines" -v us="$1" -v kb="$2" -v lang="$lang" 'BEGIN {
        printf "explain - (%s) %7d lines   %8.0f lines/s  %6.2f s  peak RSS %d KiB\n",
          lang, l, l / (us / 1e6), us / 1e6, kb }'
    done
  done
fi
# summary of a 1,000,000-line Postfix log (bench/mklog.awk), side by side
# with pflogsumm (the target: 20 times faster, the goal 50) and with
# grep -c, which only finds the ends of the lines; then a tenth of the
# log, for peak memory (it must not grow with the input; at most 64 MiB).
# Each command runs R times; the median time is reported.
if test -n "${RUNSTAT:-}" && test -n "${MKLOG:-}"; then
  median_run () {   # median_run OUT CMD...: "us kb" of the median run
    o=$1; shift
    : > "$out/runs"
    r=0
    while test $r -lt "$R"; do
      "$RUNSTAT" /dev/null "$o" "$@" >> "$out/runs" 2>/dev/null || :
      r=$((r + 1))
    done
    sort -n "$out/runs" | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'
  }
  for lines in 1000000 100000; do
    awk -v n="$lines" -f "$MKLOG" > "$out/mail.log"
    set -- $(median_run "$out/grep.out" grep -c '' "$out/mail.log"); g_us=$1
    pf_us=0
    if test "$lines" = 1000000 && command -v pflogsumm > /dev/null 2>&1; then
      set -- $(median_run "$out/pf.out" pflogsumm "$out/mail.log"); pf_us=$1
    fi
    for lang in en ko; do
      set -- $(median_run "$out/sum.out" "$RC_BIN" --lang "$lang" summary "$out/mail.log")
      awk -v l="$lines" -v us="$1" -v kb="$2" -v lang="$lang" -v g="$g_us" \
          -v pf="$pf_us" 'BEGIN {
        printf "summary (%s) %7d lines  %6.3f s  peak RSS %6d KiB  grep -c %6.3f s (x%.1f)", \
          lang, l, us / 1e6, kb, g / 1e6, us / g
        if (pf > 0) printf "  pflogsumm %6.3f s: %.1f times faster", pf / 1e6, pf / us
        printf "\n" }'
    done
  done
fi
# docs: the whole site in every language and format, against copying the
# produced tree; peak memory for one protocol and for all of them (it must
# not grow with the number of pages).
if test -n "${RUNSTAT:-}" && test -n "${XML_HELPER:-}"; then
  for proto in ftp all; do
    rm -rf "$out/site" "$out/copy"
    pa=; test "$proto" = all || pa="--protocol $proto"
    # shellcheck disable=SC2086
    set -- $("$RUNSTAT" /dev/null /dev/null "$XML_HELPER" docs --out "$out/site" $pa)
    gen_us=$1 gen_kb=$2
    files=$(find "$out/site" -type f | wc -l)
    set -- $("$RUNSTAT" /dev/null /dev/null cp -r "$out/site" "$out/copy")
    awk -v p="$proto" -v f="$files" -v g="$gen_us" -v c="$1" -v kb="$gen_kb" 'BEGIN {
      printf "docs (%s) %5d files   %6.3f s  cp -r %6.3f s  ratio %5.2f  peak RSS %d KiB\n",
        p, f, g / 1e6, c / 1e6, g / c, kb }'
  done
fi
if command -v errno > /dev/null 2>&1; then
  bench_pair "errno 2 (moreutils, reference)" errno 2
fi
