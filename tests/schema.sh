#!/bin/sh
# The data schema and the loader agree:
#  - every shipped data file validates against data/replycode.rng with the
#    reference validator (xmllint), independently of our loader, and the
#    schema rejects the bad files (white space in identifiers included);
#  - `validate` names FILE:LINE and what is wrong for every bad file, warns
#    about terminal controls in texts, and refuses what is not a regular
#    file at once;
#  - rcgen writes the compiled-in catalog with designated initialisers.
. "${RC_SRCDIR:?}/tests/lib.sh"
xml=${RC_BUILDDIR:?}/src/replycode-xml
data=$RC_SRCDIR/tests/data
rng=$RC_SRCDIR/data/replycode.rng

xmllint=${XMLLINT:-}
test -n "$xmllint" || xmllint=$(command -v xmllint || :)
if test -n "$xmllint"; then
  n=0
  for f in "$RC_SRCDIR"/data/*.xml "$RC_SRCDIR"/data/known/*.xml "$data/good-override.xml" \
      "$data/warn-controls.xml"; do
    n=$((n + 1))
    if "$xmllint" --noout --nonet --relaxng "$rng" "$f" 2>"$tmp/err"; then
      pass "$(basename "$f") validates"
    else
      fail "$(basename "$f")"; cat "$tmp/err"
    fi
  done
  test "$n" -gt 2 || fail "no data files"
  # and the schema rejects what it must; xsd:token used to let white space
  # through in identifiers (bad-ws-*)
  for f in bad-value.xml bad-missing.xml bad-root.xml bad-empty.xml \
      bad-ws-code.xml bad-ws-id.xml bad-ws-class.xml bad-ws-related.xml \
      bad-ws-docref.xml bad-ws-enum.xml; do
    if "$xmllint" --noout --nonet --relaxng "$rng" "$data/$f" 2>/dev/null; then
      fail "schema accepts tests/data/$f"
    else
      pass "schema rejects $f"
    fi
  done
else
  echo "xmllint not found: schema checks skipped"
fi

# The loader's messages: FILE:LINE: and what is wrong.
while IFS="|" read -r f msg; do
  test -n "$f" || continue
  run 3 "validate $f" "$xml" validate "$data/$f" || continue
  if grep -Fq -- "$data/$f:$msg" "$tmp/err"; then
    pass "$f: $msg"
  else
    fail "$f: stderr lacks \"$f:$msg\""; sed 's/^/  stderr: /' "$tmp/err"
  fi
  test -s "$tmp/out" && fail "$f: output on stdout" || :
done <<'EOF'
bad-value.xml|6: <code value="22x0">: not a code value (three digits from 100 to 699, X.N.N such as X.7.1, a number up to 65535, or a word of capital letters, digits, '-' and '/' such as TRYCREATE)
bad-kind.xml|6: code 2200: not a code of a registry of kind three-digit (three digits from 100 to 699)
bad-ws-code.xml|7: <code value=" 550">: white space or a control character in a code value
bad-ws-id.xml|3: <registry id="smtp\n">: white space or a control character in a registry id
bad-ws-class.xml|6: <class value="5xx\t">: white space or a control character in a class value
bad-ws-related.xml|10: <related code="250 ">: white space or a control character in a code value
bad-ws-docref.xml|9: <ref doc="RFC  5321">: leading, trailing or double space in a document reference
bad-ws-enum.xml|7: <code outcome=" success">: not one of success, intermediate, transient, permanent, depends
bad-doctype.xml|2: <!DOCTYPE> is not allowed in data files
bad-xxe.xml|2: <!DOCTYPE> is not allowed in data files
bad-missing.xml|10: <code>: expected <fix>, found <ref>
bad-empty.xml|7: <description> is empty
EOF

# Empty and oversized files: line 1.
: > "$tmp/empty.xml"
run 3 "validate an empty file" "$xml" validate "$tmp/empty.xml" \
  && expect_err "empty file: FILE:1" "empty\.xml:1: the file is empty$"
truncate -s 17M "$tmp/big.xml" 2>/dev/null \
  || dd if=/dev/zero of="$tmp/big.xml" bs=1M count=17 2>/dev/null
run 3 "validate an oversized file" "$xml" validate "$tmp/big.xml" \
  && expect_err "oversized file: FILE:1" "big\.xml:1: the file is larger than [0-9]+ bytes$"

# What cannot be read is a bad operand (exit 2), and a FIFO must not hang.
mkfifo "$tmp/fifo.xml"
run 2 "validate a FIFO" timeout 10 "$xml" validate "$tmp/fifo.xml" \
  && expect_err "FIFO refused" "fifo\.xml: not a regular file$"
run 2 "validate a directory" "$xml" validate "$tmp" \
  && expect_err "directory refused" ": not a regular file$"
run 2 "validate a missing file" "$xml" validate "$tmp/nope.xml" \
  && expect_err "missing file" "nope\.xml: No such file"
# bad contents win over an unreadable operand
run 3 "validate missing and bad" "$xml" validate "$tmp/nope.xml" "$data/bad-value.xml"

# Terminal controls in texts: warnings with FILE:LINE, still valid (exit 0).
if run 0 "validate warns about controls" "$xml" validate "$data/warn-controls.xml"; then
  expect_out "controls: still valid" "warn-controls\.xml: valid \(registry smtp, 1 codes\)"
  for w in "9:.*U\+009B" "10:.*U\+0085" "12:.*U\+202E" "13:.*U\+009D"; do
    expect_err "warning at $w" "warn-controls\.xml:$w\)$"
  done
  expect_err "warning text" "warn-controls\.xml:9: warning: text contains a terminal control character \(U\+009B\)$"
  test "$(wc -l < "$tmp/err")" -eq 4 || fail "expected 4 warnings, got $(wc -l < "$tmp/err")"
  # the warning itself is clean: no raw control reaches the terminal
  LC_ALL=C grep -q "$(printf '\302\233')" "$tmp/err" && fail "raw CSI on stderr" || pass "no raw CSI on stderr"
fi
run 0 "clean file: no warning" "$xml" validate "$data/good-override.xml"
test -s "$tmp/err" && fail "warning for a clean file" || pass "no warning for a clean file"

# rcgen: designated initialisers, so a new field cannot shift the others.
gen=$RC_BUILDDIR/src/catalog-data.c
if test -f "$gen"; then
  grep -q '\.value = "220"' "$gen" && pass "rcgen names the fields" || fail "rcgen: no .value = in $gen"
  grep -Eq '^  \{ *"' "$gen" && fail "rcgen: positional initialiser in $gen" || pass "rcgen: no positional initialiser"
fi
finish
