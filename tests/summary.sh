#!/bin/sh
# summary: whole logs counted by code, as explain reads them line by line.
# Golden outputs in tests/golden/summary-*.out (REGEN=1 rewrites them).
. "${RC_SRCDIR:?}/tests/lib.sh"
rc=$RC_BIN
logs=$RC_SRCDIR/tests/data/logs
g=$RC_SRCDIR/tests/golden

all="$logs/postfix.log $logs/exim.log $logs/opensmtpd.log $logs/sendmail.log
  $logs/vsftpd.log $logs/proftpd-extended.log $logs/access.log"
# shellcheck disable=SC2086
run 0 "all logs (en)" "$rc" -w 80 summary $all && golden summary
# shellcheck disable=SC2086
run 0 "all logs (ko)" "$rc" -w 80 --lang ko summary $all && golden summary-ko
# shellcheck disable=SC2086
run 0 "all logs (json)" "$rc" -f json summary $all && golden summary-json
test -s "$tmp/err" && fail "progress or notes on a pipe" || pass "stderr quiet on a pipe"
expect_out "JSON lines" '"lines": 87,'
expect_out "JSON replies" '"lines_with_codes": 45,'

# one count per reply, found exactly as explain finds it
if command -v python3 > /dev/null; then
  for f in $all; do
    n=$(basename "$f")
    "$rc" -f json explain - < "$f" > "$tmp/explain.jsonl" 2> /dev/null || :
    "$rc" -f json summary "$f" > "$tmp/summary.json"
    if python3 "$RC_SRCDIR/tests/summary-counts.py" "$tmp/explain.jsonl" \
         "$tmp/summary.json" > "$tmp/cmp"; then pass "$n: $(cat "$tmp/cmp")"
    else fail "$n: summary and explain disagree"; cat "$tmp/cmp"; fi
  done
  # the check can fail: a count changed by one is caught
  "$rc" -f json explain - < "$logs/postfix.log" > "$tmp/explain.jsonl" 2> /dev/null || :
  "$rc" -f json summary "$logs/postfix.log" | sed '0,/"count": 1,/s//"count": 2,/' > "$tmp/bad.json"
  python3 "$RC_SRCDIR/tests/summary-counts.py" "$tmp/explain.jsonl" "$tmp/bad.json" > /dev/null \
    && fail "the count check passes a wrong count" || pass "the count check fails a wrong count"
else
  pass "python3 missing: count comparison skipped"
fi

# a gzip'd copy gives the same summary, as a file and on standard input
gzip -c "$logs/postfix.log" > "$tmp/mail.log.2.gz"
"$rc" -f json summary "$logs/postfix.log" > "$tmp/plain.json"
run 0 "gzip file" "$rc" -f json summary "$tmp/mail.log.2.gz"
cmp -s "$tmp/out" "$tmp/plain.json" && pass "gzip: same counts" || fail "gzip: counts differ"
run 0 "gzip on stdin" "$rc" -f json summary - < "$tmp/mail.log.2.gz"
cmp -s "$tmp/out" "$tmp/plain.json" && pass "gzip stdin: same counts" || fail "gzip stdin differs"
run 0 "no operand: stdin" "$rc" -f json summary < "$logs/postfix.log"
cmp -s "$tmp/out" "$tmp/plain.json" && pass "stdin: same counts" || fail "stdin differs"

# several files are read in order; one that cannot be read is named, the
# others are still read, and the exit status is 2
run 2 "missing file" "$rc" -f json summary "$logs/postfix.log" "$tmp/nope.log" "$logs/exim.log"
expect_err "missing file named" "^replycode: $tmp/nope.log: No such file or directory$"
expect_out "the other files read" '"lines": 39,'
run 2 "directory" "$rc" summary "$tmp"
expect_err "directory named" "^replycode: $tmp: Is a directory$"
# a corrupt gzip stream: the file and the byte offset are named, the
# lines before the damage and the other files are counted
seq 1 20000 | sed 's/^/Dec  5 10:00:00 mx postfix\/smtp[1]: A: to=<a@example.com>, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as /' | sed 's/$/)/' | gzip -c > "$tmp/big.gz"
size=$(wc -c < "$tmp/big.gz")
head -c $((size / 2)) "$tmp/big.gz" > "$tmp/cut.gz"
run 2 "truncated gzip" "$rc" -f json summary "$tmp/cut.gz" "$logs/exim.log"
expect_err "truncated gzip named" "^replycode: $tmp/cut.gz: corrupt gzip data near byte [0-9]+: "
expect_out "lines before the damage counted" '"lines": [1-9][0-9]{3,},'
{ head -c 100 "$tmp/big.gz"; head -c 3000 /dev/urandom; } > "$tmp/junk.gz"
run 2 "damaged gzip" "$rc" summary "$tmp/junk.gz"
expect_err "damaged gzip named" "^replycode: $tmp/junk.gz: corrupt gzip data near byte [0-9]+: "

# binary and overlong lines are skipped and counted, never fatal
{ printf '550 5.1.1 a\0b\n'; head -c 20000 /dev/zero | tr '\0' 'x'; echo;
  echo '550 5.1.1 <a@example.com>: Recipient address rejected: User unknown'; } > "$tmp/odd.log"
run 0 "odd lines" "$rc" -f json summary "$tmp/odd.log"
expect_out "binary counted" '"skipped_binary": 1,'
expect_out "overlong counted" '"skipped_overlong": 1,'
expect_out "the good line counted" '"lines_with_codes": 1,'
run 0 "odd lines (text)" "$rc" -w 200 summary "$tmp/odd.log"
expect_out "skipped said" "^Binary lines skipped: 1; Lines longer than 8192 bytes skipped: 1$"
run 0 "empty input" "$rc" summary < /dev/null
expect_out "empty input said" "^Lines read: 0; With a reply code: 0; Distinct replies: 0$"

# a narrow terminal width: every line fits, Korean measured in cells
# shellcheck disable=SC2086
run 0 "width 40 ko" "$rc" -w 40 --lang ko summary $all
if awk 'BEGIN { bad = 0 } { if (length($0) > 120) bad = 1 } END { exit bad }' "$tmp/out"; then
  pass "narrow: no runaway line"; else fail "narrow: a line runs away"; fi
finish
