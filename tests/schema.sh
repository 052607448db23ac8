#!/bin/sh
# Every shipped data file validates against data/replycode.rng with the
# reference validator (xmllint), independently of our loader.
. "${RC_SRCDIR:?}/tests/lib.sh"
xmllint=${XMLLINT:-}
test -n "$xmllint" || xmllint=$(command -v xmllint || :)
test -n "$xmllint" || { echo "xmllint not found"; exit 77; }
n=0
for f in "$RC_SRCDIR"/data/*.xml; do
  n=$((n + 1))
  if "$xmllint" --noout --nonet --relaxng "$RC_SRCDIR/data/replycode.rng" "$f" 2>"$tmp/err"; then
    pass "$(basename "$f") validates"
  else
    fail "$(basename "$f")"; cat "$tmp/err"
  fi
done
test "$n" -gt 0 || fail "no data files"
# and the schema rejects what it must
for f in bad-value.xml bad-missing.xml bad-root.xml bad-empty.xml; do
  if "$xmllint" --noout --nonet --relaxng "$RC_SRCDIR/data/replycode.rng" \
       "$RC_SRCDIR/tests/data/$f" 2>/dev/null; then
    fail "schema accepts tests/data/$f"
  else
    pass "schema rejects $f"
  fi
done
finish
