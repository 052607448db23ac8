#!/bin/sh
# explain: whole reply and log lines, from arguments and from stdin.
# Golden outputs in tests/golden/explain-*.out (REGEN=1 rewrites them).
. "${RC_SRCDIR:?}/tests/lib.sh"
rc=$RC_BIN
in=$RC_SRCDIR/tests/data/replies.txt
g=$RC_SRCDIR/tests/golden

# one line has no code: exit 1, and the stream goes on after it; on
# standard input that line is counted once on stderr, not shown
run 1 "stdin en" "$rc" explain - < "$in" && golden explain-stdin
expect_err "no-code line counted" "^replycode: 1 line without a reply code was skipped"
run 1 "stdin ko" "$rc" --lang ko explain - < "$in" && golden explain-stdin-ko
run 1 "stdin json" "$rc" -f json explain - < "$in" && golden explain-stdin-json
# 19 input lines, one five-line reply, one line without a code: 14
# answers, one per line, each JSON
n=$(wc -l < "$tmp/out")
test "$n" -eq 14 && pass "14 answers" || fail "$n answers, expected 14"
grep -c '"line":' "$tmp/out" | grep -qx 14 && pass "one object per answer" || fail "objects"
# --verbose shows the line without a code too, and says nothing more
run 1 "stdin verbose" "$rc" -f json --verbose explain - < "$in"
grep -c '"line":' "$tmp/out" | grep -qx 15 && pass "verbose: 15 answers" || fail "verbose objects"
test -s "$tmp/err" && fail "verbose: stderr not empty" || pass "verbose: no count"
run 0 "argument" "$rc" explain '550 5.7.1 <a@b.example>: Relay access denied' && golden explain-arg
expect_out "relay: the known reply" "Known reply: Postfix — Relay Access Denied"
# a phrase no known reply has: the general hint
run 0 "a phrase without a known reply" "$rc" explain '552 the mailbox full of stuff'
expect_out "mailbox hint" "The text says: The recipient's mailbox is full."
run 0 "two arguments" "$rc" explain 'HTTP/1.1 413 Payload Too Large' '221 Bye'
expect_out "http 413" "HTTP 413"
run 0 "mismatch noticed" "$rc" explain '250 5.1.1 odd' && expect_out "mismatch" "^  Mismatch: "
run 1 "no code" "$rc" explain 'hello' && expect_out "reported" "No reply code found"
# no operand: standard input, unless it is a terminal (then a usage error)
run 0 "no operand, empty input" "$rc" explain < /dev/null
# an overlong line and binary junk do not crash, and the stream goes on
{ head -c 100000 /dev/zero | tr '\0' 'a'; echo; printf '\001\002\377\n'; echo '250 ok'; } > "$tmp/junk"
run 1 "junk" "$rc" explain - < "$tmp/junk" && expect_out "after junk" "^250 ok$"
# terminal controls and invalid UTF-8 in the input never reach the output
esc=$(printf '\033')
run 0 "escape sequences" "$rc" explain "$(printf '550 \033[31mred\033]0;title\007 \377\376 text')"
grep -q "$esc" "$tmp/out" && fail "escape sequence echoed" || pass "no escape sequence echoed"

# has NAME FILE STRING: FILE holds STRING (bytes, no pattern).  Raw bytes
# go in through printf into a variable, as grep reads no \xef escapes.
fffd=$(printf '\357\277\275')   # U+FFFD
has () { grep -qF -- "$3" "$2"; }
run 0 "invalid UTF-8 in JSON" "$rc" -f json explain "$(printf '550 bad \377 utf8')"
has json "$tmp/out" "\"line\":\"550 bad $fffd utf8\"" \
  && pass "JSON keeps the line (U+FFFD)" || fail "JSON lost the line"
# the check can fail: the raw input, and a line missing U+FFFD, fail it
printf '{"line":"550 bad \377 utf8"}\n{"line":"550 bad  utf8"}\n' > "$tmp/bad"
has json "$tmp/bad" "\"line\":\"550 bad $fffd utf8\"" \
  && fail "the U+FFFD check passes bad output" || pass "the U+FFFD check fails bad output"

# SIP status lines, IMAP and POP3 responses, dig output, NNTP replies
in2=$RC_SRCDIR/tests/data/replies-protocols.txt
run 0 "protocols en" "$rc" explain - < "$in2" && golden explain-protocols
run 0 "protocols ko" "$rc" --lang ko explain - < "$in2" && golden explain-protocols-ko

# a NUL byte is one more character of its line (U+FFFD), and the next
# line is still read
printf '550 a\0b\n250 ok\n' > "$tmp/nul"
run 0 "NUL byte" "$rc" explain - < "$tmp/nul"
has text "$tmp/out" "550 a${fffd}b" && pass "NUL shown as U+FFFD" || fail "NUL line"
expect_out "line after NUL" "^250 ok$"
run 0 "NUL byte json" "$rc" -f json explain - < "$tmp/nul"
n=$(grep -c '"line":' "$tmp/out") || :
test "$n" -eq 2 && pass "NUL: 2 answers" || fail "NUL: $n answers, expected 2"
printf '\0\0\n250 ok\0\n' > "$tmp/nul"
run 1 "NUL only" "$rc" explain - < "$tmp/nul" && expect_out "NUL: line after" "^250 ok$fffd$"

# a multi-line reply whose last line never comes is explained as it is
run 0 "multi-line argument" "$rc" explain '250-PIPELINING'
expect_out "pending argument flushed" "^250-PIPELINING$"
expect_out "pending text" "^  Text: PIPELINING$"
printf '250-mx.example.org\n250-SIZE 10240000' > "$tmp/ml"
run 0 "multi-line at end of input" "$rc" -f json explain - < "$tmp/ml"
expect_out "pending input flushed" '"line":"250-SIZE 10240000",.*"text":"mx.example.org / SIZE 10240000"'
# each argument ends its replies
run 0 "multi-line per argument" "$rc" -f json explain '250-a' '250 b'
n=$(grep -c '"line":' "$tmp/out") || :
test "$n" -eq 2 && pass "two arguments, two answers" || fail "$n answers, expected 2"
# a line of another code interrupts a reply: both are explained, in
# order; a line without a code inside a multi-line reply is one of its
# middle lines (FTP's 211-Features: lists them), and a line without a
# code outside a reply has none
printf 'hello\n250-a\nmiddle line\n250-b\n220 c\n250-d\n550 5.1.1 e\n250 f\n' > "$tmp/ml"
run 1 "interrupted replies" "$rc" -f json --verbose explain - < "$tmp/ml"
# the answer's line and text (the keys come first, in this order)
keys='^{"line":"\([^"]*\)","shape":[^,]*,"protocol":[^,]*,"code":[^,]*,"enhanced":[^,]*'
sed "s/$keys,\"text\":\(\"[^\"]*\"\|null\),.*/\1|\2/" "$tmp/out" > "$tmp/lines"
printf '%s\n' 'hello|null' '250-b|"a / middle line / b"' '220 c|"c"' \
  '250-d|"d"' '550 5.1.1 e|"e"' '250 f|"f"' > "$tmp/want"
cmp -s "$tmp/lines" "$tmp/want" && pass "interrupted replies kept" \
  || { fail "interrupted replies"; diff "$tmp/want" "$tmp/lines" | head; }

# overlong texts: never cut inside a character.  A line is kept up to
# 8 KiB, the joined text of a reply up to 64 KiB, then " …"
eur=$(printf '\342\202\254')   # U+20AC, 3 bytes
e1000=$(printf "%1000s" "" | sed "s/ /$eur/g")
e2700=$e1000$e1000$(printf "%700s" "" | sed "s/ /$eur/g")
{ for i in 1 2 3 4 5 6 7 8; do echo "250-$i $e2700"; done
  echo "250 end $e2700$e2700"; } > "$tmp/long"
run 0 "long multi-line json" "$rc" -f json explain - < "$tmp/long"
iconv -f UTF-8 -t UTF-8 "$tmp/out" > /dev/null 2>&1 && pass "long: valid UTF-8" \
  || fail "long: invalid UTF-8"
has text "$tmp/out" "$fffd" && fail "long: a character was cut" || pass "long: no cut character"
has text "$tmp/out" "$eur / end $eur" && pass "long: last line joined" || fail "long: last line"
has text "$tmp/out" "$eur …\"," && pass "long: marked" || fail "long: no ' …'"
t=$(sed "s/$keys,\"text\":\"\([^\"]*\)\",.*/\2/" "$tmp/out" | wc -c)
test "$t" -le 65541 && test "$t" -gt 60000 && pass "long: text capped ($t bytes)" \
  || fail "long: text of $t bytes"
run 0 "long multi-line text" "$rc" explain - < "$tmp/long"
iconv -f UTF-8 -t UTF-8 "$tmp/out" > /dev/null 2>&1 && pass "long text: valid UTF-8" \
  || fail "long text: invalid UTF-8"
has text "$tmp/out" "$fffd" && fail "long text: a character was cut" \
  || pass "long text: no cut character"
# a line cut at 8 KiB, from the input and as an argument
for p in "550 x" "550 xy" "550 xyz"; do
  echo "$p$e2700$e2700$e2700$e2700" > "$tmp/long"
  run 0 "long line '$p'" "$rc" -f json explain - < "$tmp/long"
  has text "$tmp/out" "$fffd" && fail "long line '$p': a character was cut" \
    || pass "long line '$p': no cut character"
  run 0 "long argument '$p'" "$rc" -f json explain "$(cat "$tmp/long")"
  has text "$tmp/out" "$fffd" && fail "long argument '$p': a character was cut" \
    || pass "long argument '$p': no cut character"
done
# known replies of real servers and providers (tests/data/replies-known.txt:
# texts from the sources data/known cites): each line names its producer
kn=$RC_SRCDIR/tests/data/replies-known.txt
run 0 "known en" "$rc" explain - < "$kn" && golden explain-known
run 0 "known ko" "$rc" --lang ko explain - < "$kn" && golden explain-known-ko
run 0 "known json" "$rc" -f json explain - < "$kn" && golden explain-known-json
n=$(python3 -c 'import json,sys; print(sum(1 for l in sys.stdin if json.loads(l)["producer"]))' < "$tmp/out")
test "$n" -eq 9 && pass "nine lines with a producer" || fail "$n lines with a producer, expected 9"
# the middle lines of a multi-line FTP reply belong to it
grep -q '"line":"211 End".*"text":"Features: / EPRT / EPSV / MDTM / End"' "$tmp/out" \
  && pass "FTP middle lines joined" || fail "FTP middle lines"
# an indented line continues a one-line reply (a folded bounce text)
printf '550 5.1.1 <carol@example.com>: Recipient address rejected:\n    User unknown in virtual mailbox table\nhello\n' > "$tmp/fold"
run 1 "folded text" "$rc" -f json explain - < "$tmp/fold"
expect_out "folded line joined" '"producer":"postfix"'

# whole bounce messages (tests/data/bounces): each failed recipient once,
# with what the message states, compared with expected.txt
bd=$RC_SRCDIR/tests/data/bounces
for f in "$bd"/*.eml; do
  b=$(basename "$f")
  run 0 "bounce $b" "$rc" -f json explain < "$f" || continue
  python3 -c '
import json, sys
for line in open(sys.argv[1]):
    j = json.loads(line); k = j.get("known") or []
    print("|".join([sys.argv[2], j["recipient"], j["action"] or "-",
                    j["status"] or "-", j["code"] or "-", j["enhanced"] or "-",
                    k[0]["producer"] if k else "-"]))' "$tmp/out" "$b" > "$tmp/got" \
    || { fail "bounce $b: not JSON"; continue; }
  grep "^$b|" "$bd/expected.txt" > "$tmp/want" || :
  cmp -s "$tmp/want" "$tmp/got" && pass "bounce $b: recipients" \
    || { fail "bounce $b: recipients"; diff "$tmp/want" "$tmp/got"; }
done
run 0 "bounce text" "$rc" explain < "$bd/postfix-dsn.eml" && golden explain-bounce
run 0 "bounce ko" "$rc" --lang ko explain - < "$bd/postfix-dsn.eml" && golden explain-bounce-ko
# a message with no failed recipient, and one that is not MIME at all
printf 'From: a@example.org\nSubject: hi\n\nhello\n' > "$tmp/plain"
run 1 "no recipient" "$rc" explain < "$tmp/plain" && expect_err "said so" "no failed recipient"
finish
