#!/bin/sh
# explain: whole reply and log lines, from arguments and from stdin.
# Golden outputs in tests/golden/explain-*.out (REGEN=1 rewrites them).
. "${RC_SRCDIR:?}/tests/lib.sh"
rc=$RC_BIN
in=$RC_SRCDIR/tests/data/replies.txt
g=$RC_SRCDIR/tests/golden

golden () {
  name=$1
  if test "${REGEN:-}" = 1; then cp "$tmp/out" "$g/$name.out"; fi
  if cmp -s "$tmp/out" "$g/$name.out"; then pass "$name"; else
    fail "$name differs"; diff -u "$g/$name.out" "$tmp/out" | head -20; fi
}

# one line has no code: exit 1, and the stream goes on after it
run 1 "stdin en" "$rc" explain - < "$in" && golden explain-stdin
run 1 "stdin ko" "$rc" --lang ko explain - < "$in" && golden explain-stdin-ko
run 1 "stdin json" "$rc" -f json explain - < "$in" && golden explain-stdin-json
# 19 input lines, one five-line reply: 15 answers, one per line, each JSON
n=$(wc -l < "$tmp/out")
test "$n" -eq 15 && pass "15 answers" || fail "$n answers, expected 15"
grep -c '"line":' "$tmp/out" | grep -qx 15 && pass "one object per answer" || fail "objects"
run 0 "argument" "$rc" explain '550 5.7.1 <a@b.example>: Relay access denied' && golden explain-arg
expect_out "relay hint" "refuses to relay"
run 0 "two arguments" "$rc" explain 'HTTP/1.1 413 Payload Too Large' '221 Bye'
expect_out "http 413" "HTTP 413"
run 0 "mismatch noticed" "$rc" explain '250 5.1.1 odd' && expect_out "mismatch" "^  Mismatch: "
run 1 "no code" "$rc" explain 'hello' && expect_out "reported" "No reply code found"
run 2 "no operand" "$rc" explain && expect_err "no operand" "missing line"
# an overlong line and binary junk do not crash, and the stream goes on
{ head -c 100000 /dev/zero | tr '\0' 'a'; echo; printf '\001\002\377\n'; echo '250 ok'; } > "$tmp/junk"
run 1 "junk" "$rc" explain - < "$tmp/junk" && expect_out "after junk" "^250 ok$"
# terminal controls and invalid UTF-8 in the input never reach the output
esc=$(printf '\033')
run 0 "escape sequences" "$rc" explain "$(printf '550 \033[31mred\033]0;title\007 \377\376 text')"
grep -q "$esc" "$tmp/out" && fail "escape sequence echoed" || pass "no escape sequence echoed"
run 0 "invalid UTF-8 in JSON" "$rc" -f json explain "$(printf '550 bad \377 utf8')"
grep -q '"line":"550 bad \xef\xbf\xbd utf8"' "$tmp/out" 2>/dev/null || grep -q '"line":"550 bad' "$tmp/out" \
  && pass "JSON keeps the line (U+FFFD)" || fail "JSON lost the line"
finish
