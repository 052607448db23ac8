#!/bin/sh
# User data directories add and override codes: --data-dir,
# REPLYCODE_DATA_PATH and XDG_DATA_HOME/replycode, later ones winning.
. "${RC_SRCDIR:?}/tests/lib.sh"
rc=$RC_BIN
mkdir -p "$tmp/user" "$tmp/xdg/replycode" "$tmp/empty"
cp "$RC_SRCDIR/tests/data/good-override.xml" "$tmp/user/local.xml"

run 0 "override 220" "$rc" --data-dir "$tmp/user" 220 && expect_out "override title" "^SMTP 220 — Local Greeting$"
run 0 "added 599" "$rc" --data-dir "$tmp/user" 599 && expect_out "added code" "^SMTP 599 — Relay Quota Exceeded$"
run 0 "untouched 221" "$rc" --data-dir "$tmp/user" 221 && expect_out "other codes stay" "Closing Connection"
run 1 "599 without the file" "$rc" 599 && expect_out "not registered" "not registered"
run 0 "list has one more" "$rc" --data-dir "$tmp/user" list smtp
n=$(grep -c '^SMTP [0-9][0-9][0-9] ' "$tmp/out")
test "$n" -eq 38 && pass "38 basic SMTP codes listed" || fail "listed $n basic SMTP codes"
run 0 "empty data dir" "$rc" --data-dir "$tmp/empty" 220 && expect_out "empty dir" "Service Ready"
run 2 "missing data dir" "$rc" --data-dir "$tmp/none" 220 && expect_err "missing dir" "cannot read data directory"
REPLYCODE_DATA_PATH="$tmp/empty:$tmp/user" run 0 "REPLYCODE_DATA_PATH" "$rc" 220 && expect_out "env path" "Local Greeting"
cp "$tmp/user/local.xml" "$tmp/xdg/replycode/"
XDG_DATA_HOME="$tmp/xdg" run 0 "XDG_DATA_HOME" "$rc" 599 && expect_out "xdg dir" "Relay Quota Exceeded"
run 0 "ko with override" "$rc" --lang ko --data-dir "$tmp/user" 220 && expect_out "untranslated marked" "\[영어 원문\]"
run 0 "json with override" "$rc" -f json --data-dir "$tmp/user" 599 && expect_out "json lang en" '"lang": "en"'
finish
