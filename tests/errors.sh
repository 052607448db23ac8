#!/bin/sh
# Bad input gets a clear error and the documented exit status, never a
# crash: bad codes, options, languages, unwritable output, closed pipes,
# hostile data files.
. "${RC_SRCDIR:?}/tests/lib.sh"
rc=$RC_BIN
data=$RC_SRCDIR/tests/data

run 2 "invalid code" "$rc" 22x && expect_err "invalid code message" "^replycode: invalid code '22x'$"
run 2 "malformed enhanced" "$rc" 5.7 && expect_err "malformed enhanced message" "invalid code '5\.7'"
run 2 "unknown option" "$rc" --frobnicate 220 && expect_err "unknown option" "unrecognized option '--frobnicate'" && expect_err "try help" "Try 'replycode --help'"
run 2 "bad short option" "$rc" -z 220 && expect_err "bad short option" "invalid option -- 'z'"
run 2 "missing argument" "$rc" --lang && expect_err "missing argument" "replycode: "
run 2 "bad language" "$rc" --lang 'ko;x' 220 && expect_err "bad language" "invalid language"
run 2 "bad format" "$rc" --format xml 220 && expect_err "bad format" "invalid format 'xml'"
run 2 "bad width" "$rc" -w 5 220 && expect_err "bad width" "invalid width '5'"
run 2 "bad width text" "$rc" -w 80x 220 && expect_err "bad width text" "invalid width"
run 2 "bad color" "$rc" --color=sometimes 220 && expect_err "bad color" "invalid --color"
run 2 "bad layout" "$rc" --layout=diagonal 220 && expect_err "bad layout" "invalid --layout"
run 2 "no operand" "$rc" && expect_err "no operand" "missing code"
run 2 "compare one code" "$rc" compare 220 && expect_err "compare one code" "two codes"
run 2 "compare three codes" "$rc" compare 220 221 250 && expect_err "compare extra" "extra operand '250'"
run 2 "compare a class" "$rc" compare 2xx 221 && expect_err "compare a class" "invalid code '2xx'"
run 1 "compare unknown" "$rc" 220 vs 299 && expect_err "compare unknown" "code not found: 299"
run 2 "list unknown protocol" "$rc" list gopher && expect_err "unknown protocol" "unknown protocol 'gopher'"
run 2 "unknown prefix" "$rc" gopher:220 && expect_err "unknown prefix" "unknown protocol 'gopher'"
run 2 "search without words" "$rc" search && expect_err "search without words" "missing search word"
run 2 "empty search word" "$rc" search '' && expect_err "empty search word" "empty search word"
run 1 "explain an empty line" "$rc" explain '' && expect_out "empty line" "No reply code found"
long=$(printf '%05000d' 0)
run 2 "very long argument" "$rc" "$long" && expect_err "very long argument" "invalid code"
run 2 "control characters" "$rc" "$(printf '2\0332')" && pass "control characters rejected"
grep -q "$(printf '\033')" "$tmp/err" && fail "escape echoed to stderr" || pass "no escape in the message"
run 0 "unknown language falls back" "$rc" --lang xx 220 && expect_out "unknown language" "^SMTP 220 — Service Ready$"

# Output errors: exit 4 and a message.
if test -w /dev/full; then
  set +e
  "$rc" 220 > /dev/full 2> "$tmp/err"; st=$?
  set -e
  if test "$st" -eq 4; then expect_err "write error" "write error"; else fail "/dev/full: status $st"; fi
  set +e
  "$rc" --help > /dev/full 2> "$tmp/err"; st=$?
  set -e
  test "$st" -eq 4 && pass "--help to /dev/full" || fail "--help to /dev/full: status $st"
fi

# A closed pipe is not an error worth a message.
"$rc" list smtp 2> "$tmp/err" | head -n 1 > "$tmp/out"
test -s "$tmp/err" && fail "message on closed pipe: $(cat "$tmp/err")" || pass "quiet on closed pipe"
test "$(wc -l < "$tmp/out")" -eq 1 && pass "head -1" || fail "head -1"

# Colour: never when piped, unless asked; --color=never wins; NO_COLOR.
run 0 "color piped" "$rc" 220
grep -q "$(printf '\033')" "$tmp/out" && fail "escape codes when piped" || pass "no colour when piped"
run 0 "color always" "$rc" --color=always 220
grep -q "$(printf '\033')\[" "$tmp/out" && pass "--color=always" || fail "--color=always has no colour"
if command -v script > /dev/null 2>&1; then
  NO_COLOR=1 script -qec "$rc 220" /dev/null > "$tmp/out" 2>&1 || :
  grep -q "$(printf '\033')\[1m" "$tmp/out" && fail "NO_COLOR on a terminal" || pass "NO_COLOR on a terminal"
  env -u NO_COLOR script -qec "$rc 220" /dev/null > "$tmp/out" 2>&1 || :
  grep -q "$(printf '\033')\[1m" "$tmp/out" && pass "colour on a terminal" || fail "no colour on a terminal"
fi

# Hostile or broken data files: exit 3, FILE:LINE, nothing printed on stdout.
for spec in "bad-malformed.xml:5" "bad-truncated.xml:5" "bad-utf8.xml:3" \
    "bad-missing.xml:10" "bad-duplicate.xml:14" "bad-root.xml:2" \
    "bad-empty.xml:7" "bad-value.xml:" "bad-doctype.xml:" "bad-xxe.xml:"; do
  f=${spec%%:*} line=${spec#*:}
  run 3 "validate $f" "$rc" validate "$data/$f" && expect_err "validate $f names file:line" "$f:$line"
  mkdir -p "$tmp/d-$f" && cp "$data/$f" "$tmp/d-$f/"
  run 3 "--data-dir with $f" "$rc" --data-dir "$tmp/d-$f" 220 && \
    expect_err "--data-dir $f names the file" "^replycode: .*$f:$line"
  test -s "$tmp/out" && fail "$f: output despite data error" || :
done
run 2 "validate missing file" "$rc" validate "$tmp/nope.xml" && expect_err "missing file" "nope.xml: No such file"
# compare labels an enhanced code as typed, without its protocol prefix,
# as show does.
run 0 "compare with a protocol prefix" "$rc" compare smtp:5.7.1 5.7.2 && \
  expect_out "compare label" "^SMTP 5\.7\.1 Delivery Not Authorized"
grep -q "smtp:5" "$tmp/out" && fail "compare label keeps the prefix" || pass "compare label without prefix"
run 0 "json compare with a protocol prefix" "$rc" -f json compare smtp:5.7.1 5.7.2 && \
  expect_out "json compare label" '^    "code": "5\.7\.1",$'

# JSON compare is always one document: SMTP and FTP both have 550 and
# 551, and the two comparisons come as one array, not two objects.
json_one () {  # NAME: $tmp/out is one JSON document
  if python3 -c 'import json,sys; json.load(sys.stdin)' < "$tmp/out" 2>/dev/null
  then pass "$1"; else fail "$1: not one JSON document"; fi
}
if command -v python3 > /dev/null; then
  run 0 "json compare, two registries" "$rc" -f json compare 550 551 && \
    json_one "json compare, two registries: one document" && \
    expect_out "json compare, two registries: an array" '^\[$'
  run 0 "json compare, one registry" "$rc" -f json compare smtp 550 551 && \
    json_one "json compare, one registry: one document" && \
    expect_out "json compare, one registry: an object" '^\{$'
else
  pass "python3 missing: one-document check skipped"
fi
run 0 "json compare keys" "$rc" -f json compare smtp 220 550
for k in summary key_differences when_to_use; do
  expect_out "json compare has \"$k\"" "^  \"$k\": \".+\",\$"
done
expect_out "json compare has \"curated\"" '^  "curated": (true|false),$'
# a written comparison from a data file: used as written, marked curated
mkdir -p "$tmp/written" && cp "$data/good-override.xml" "$tmp/written/"
run 0 "json compare, written" "$rc" --data-dir="$tmp/written" \
    -f json compare 599 552 && \
  expect_out "written: curated" '^  "curated": true,$' && \
  expect_out "written: key differences" \
    '^  "key_differences": "552 is the standard reply for a message over' && \
  expect_out "written: when to use" '^  "when_to_use": "Expect 599 only from'
run 0 "compare, written" "$rc" --data-dir="$tmp/written" \
    compare 552 599 && expect_out "written: text" "^  Expect 599 only from this"
grep -q "No action is needed; the client goes on" "$tmp/out" && \
  fail "compare: fixed advice line" || pass "compare: no fixed advice line"

# Long data texts come out whole and valid UTF-8, and JSON keeps every
# key: 1500 Hangul syllables are longer than any fixed buffer, and a cut
# at 512, 1024 or 4096 bytes lands inside a character.  Terminal controls
# in data texts (C1 CSI, OSC, NEL, a bidi override) never come out raw.
long=$(printf '\352\260\200%.0s' $(seq 1500))
long2=$(printf '\353\202\230%.0s' $(seq 1500))
mkdir -p "$tmp/long"
cat > "$tmp/long/local.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<registry id="smtp" name="SMTP" protocol="smtp" kind="three-digit">
  <title>Local codes</title>
  <document ref="Local policy">Our relay</document>
  <class value="5xx"><title>Permanent</title><description>x</description></class>
  <code value="597" outcome="permanent" actor="sender" status="current" source="vendor">
    <title>$long</title>
    <reply-text ref="Local policy">$long2</reply-text>
    <description>x</description><when>x</when><fix>x</fix>
    <ref doc="Local policy"/>
  </code>
  <code value="598" outcome="permanent" actor="sender" status="current" source="vendor">
    <title>$long2</title>
    <description>x</description><when>x</when><fix>x</fix>
    <ref doc="Local policy"/>
  </code>
  <code value="599" outcome="permanent" actor="server-operator" status="current" source="vendor">
    <title>Quota &#x9B;31m exceeded</title>
    <alias>Next&#x85;line</alias>
    <reply-text ref="Local policy">Bad &#x9B;2J reply</reply-text>
    <description>An &#x202E;override&#x202C; here.</description>
    <when>Always &#x9D;0;title.</when>
    <fix>Nothing &#x85;to fix.</fix>
    <ref doc="Local policy"/>
  </code>
</registry>
XML
whole () {  # NAME: $tmp/out is UTF-8 and holds the whole long title
  if ! iconv -f UTF-8 -t UTF-8 "$tmp/out" > /dev/null 2>&1; then
    fail "$1: output is not UTF-8"
  elif grep -Fq -- "$long" "$tmp/out"; then pass "$1"
  else fail "$1: the long title is cut"; fi
}
d="--data-dir=$tmp/long"
run 0 "long title: show" "$rc" "$d" 597 && whole "long title: show"
run 0 "long title: list" "$rc" "$d" list smtp && whole "long title: list"
run 0 "long title: compare" "$rc" "$d" compare 597 598 && whole "long title: compare"
run 0 "long title: compare, columns" "$rc" "$d" --layout=columns -w 200 compare 597 598 && \
  whole "long title: compare, columns"
run 0 "long title: json show" "$rc" "$d" -f json 597 && whole "long title: json show"
run 0 "long title: json compare" "$rc" "$d" -f json compare 597 598 && \
  whole "long title: json compare"
n_field=$(grep -c '"field":' "$tmp/out" || :)
for k in a b label; do
  if test "$n_field" -gt 0 && \
      test "$(grep -c "^ *\"$k\": \"" "$tmp/out" || :)" -eq "$n_field"; then
    pass "json compare: every difference has \"$k\""
  else fail "json compare: a difference lacks \"$k\""; fi
done
expect_out "json compare has the summary" '^  "summary": ".+"'

clean () {  # NAME: $tmp/out holds no raw control, and U+FFFD in its place
  for c in 'U+009B \302\233' 'U+009D \302\235' 'U+0085 \302\205' \
      'U+202E \342\200\256' 'U+202C \342\200\254' 'ESC \033'; do
    if LC_ALL=C grep -q "$(printf "${c#* }")" "$tmp/out"; then
      fail "$1: ${c%% *} written raw"; return 0
    fi
  done
  grep -q "$(printf '\357\277\275')" "$tmp/out" && pass "$1" || fail "$1: no U+FFFD"
}
run 0 "controls: show" "$rc" "$d" 599 && clean "controls: show"
run 0 "controls: list" "$rc" "$d" list smtp && clean "controls: list"
run 0 "controls: search" "$rc" "$d" search quota && clean "controls: search"
run 0 "controls: compare" "$rc" "$d" compare 599 598 && clean "controls: compare"
run 0 "controls: compare, columns" "$rc" "$d" --layout=columns compare 599 598 && \
  clean "controls: compare, columns"
run 0 "controls: explain" "$rc" "$d" explain '599 over quota' && clean "controls: explain"
run 0 "controls: json show" "$rc" "$d" -f json 599 && clean "controls: json show"
run 0 "controls: json list" "$rc" "$d" -f json list smtp && clean "controls: json list"
run 0 "controls: json compare" "$rc" "$d" -f json compare 599 598 && clean "controls: json compare"

run 0 "validate shipped data" "$rc" validate "$RC_SRCDIR/data/smtp.xml" && expect_out "validate ok" "smtp.xml: valid \(registry smtp, 37 codes\)"
run 2 "validate without file" "$rc" validate && expect_err "validate without file" "missing file operand"
finish
