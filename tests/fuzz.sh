#!/bin/sh
# Replays the fuzz targets' seed corpora (tests/fuzz/corpus-*) through the
# targets built with the standalone driver.  'make fuzz' runs libFuzzer.
. "${RC_SRCDIR:?}/tests/lib.sh"
b=${RC_BUILDDIR:?}/tests/fuzz
for t in loader reply codearg wrap explain bounce known summary; do
  # a library's complaint on stderr (GLib-CRITICAL) is a failure too
  if "$b/replay_$t" "$RC_SRCDIR"/tests/fuzz/corpus-$t/* > "$tmp/out" 2>&1 \
      && ! grep -q 'CRITICAL\|WARNING' "$tmp/out"; then
    pass "$t: $(cat "$tmp/out")"
  else
    fail "$t"; cat "$tmp/out"
  fi
done
finish
