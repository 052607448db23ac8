#!/bin/sh
# Run by 'make installcheck' against the installed program, with no
# environment help: a user data file makes it run the installed helper
# (libexec/replycode/replycode-xml), which validates, writes the cache,
# and answers in Korean from the installed catalogs.
. "${RC_SRCDIR:?}/tests/lib.sh"
rc=$RC_BIN
mkdir -p "$tmp/user"
cp "$RC_SRCDIR/tests/data/good-override.xml" "$tmp/user/"
export XDG_CACHE_HOME="$tmp/cache"
run 0 "installed helper loads user data" "$rc" --data-dir "$tmp/user" 599 \
  && expect_out "user code" "Relay Quota Exceeded"
test -s "$tmp/cache/replycode/user-data.cache" && pass "installed helper wrote the cache" \
  || fail "no cache written"
run 0 "cached lookup" "$rc" --data-dir "$tmp/user" --lang ko 221 && expect_out "Korean" "연결"
run 0 "installed validate" "$rc" validate "$RC_SRCDIR/tests/data/good-override.xml" \
  && expect_out "valid" "valid"
run 3 "installed validate refuses" "$rc" validate "$RC_SRCDIR/tests/data/bad-xxe.xml"
finish
