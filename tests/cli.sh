#!/bin/sh
# The command line as a GNU user expects it: exit statuses with a closed
# standard output, comparisons missing a code, languages that are not
# shipped, system messages in the interface language, and a build tree
# that finds its own catalogs and helper.
. "${RC_SRCDIR:?}/tests/lib.sh"
rc=$RC_BIN

# A usage error stays a usage error when stdout is closed; output into a
# closed stdout is an output error.
set +e
"$rc" --width=5 220 >&- 2> "$tmp/err"; st=$?
set -e
test "$st" -eq 2 && pass "usage error with stdout closed: 2" || fail "usage error with stdout closed: $st"
set +e
"$rc" 220 >&- 2> "$tmp/err"; st=$?
set -e
test "$st" -eq 4 && pass "lookup into a closed stdout: 4" || fail "lookup into a closed stdout: $st"
set +e
"$rc" 220 > /dev/full 2> "$tmp/err"; st=$?
set -e
test "$st" -eq 4 && pass "lookup into a full device: 4" || fail "/dev/full: $st"
"$rc" list | head -1 > "$tmp/out" 2> "$tmp/err" || :
test ! -s "$tmp/err" && pass "quiet into head" || fail "message into head: $(cat "$tmp/err")"

# 'vs' must stand between two codes
run 2 "550 vs" "$rc" 550 vs && expect_err "says why" "between two codes"
test ! -s "$tmp/out" && pass "nothing shown for 550 vs" || fail "550 vs printed a code"
run 2 "vs 550" "$rc" vs 550
run 2 "smtp 550 vs" "$rc" smtp 550 vs
run 0 "smtp 550 vs 551" "$rc" smtp 550 vs 551

# Languages: say when one is not shipped; BCP 47 tags reach the catalogs
run 0 "--lang xx" "$rc" --lang xx 220 && expect_err "not available" "language 'xx' is not available.*en,ko,ja,zh_CN"
expect_out "English then" "Service Ready"
LANGUAGE=xx LC_ALL=C.UTF-8 run 0 "LANGUAGE=xx" "$rc" 220 && expect_err "LANGUAGE not available" "language 'xx' is not available"
LANGUAGE=fr:en LC_ALL=C.UTF-8 run 0 "LANGUAGE=fr:en" "$rc" 220
test ! -s "$tmp/err" && pass "English asked for: no warning" || fail "warned for fr:en"
for tag in ko-KR ko_KR zh-Hans zh-CN zh ja-JP; do
  run 0 "--lang $tag" "$rc" --lang "$tag" -f json 220 && expect_out "$tag translated" '"lang": "(ko|zh_CN|ja)"'
done
run 0 "--lang pt-BR" "$rc" --lang pt-BR 220 && expect_err "pt-BR not shipped" "not available"

# docs: a language that is not shipped is refused, tags become catalogs
run 2 "docs --lang xx" "$rc" docs --out "$tmp/site" --lang xx --format md && expect_err "docs names it" "language 'xx' is not available"
test ! -e "$tmp/site" && pass "nothing written for xx" || fail "docs wrote a site for xx"
run 0 "docs --lang ko-KR,ko,zh-Hans" "$rc" docs --out "$tmp/site" --lang ko-KR,ko,zh-Hans --format md --protocol ftp
test -d "$tmp/site/md/ko" && test -d "$tmp/site/md/zh_CN" && test ! -e "$tmp/site/md/ko-KR" \
  && pass "tags written as catalog names" || fail "docs directories: $(ls "$tmp/site/md")"

# System error text in the interface language, not question marks
run 2 "ko validate missing file" "$rc" --lang ko validate /nonexistent/x.xml
if grep -q '??' "$tmp/err"; then fail "question marks: $(cat "$tmp/err")"; else pass "no question marks"; fi

# Right after make, the build tree finds its own catalogs and helper (no
# environment help); an installed program is checked by installcheck.
if test -z "${RC_INSTALLED-}"; then
  env -u REPLYCODE_LOCALEDIR "$rc" --lang ko 220 > "$tmp/out" 2>&1
  expect_out "build tree speaks Korean" "서비스"
  env -u REPLYCODE_LOCALEDIR "$rc" --lang ko -f json 220 > "$tmp/out" 2>&1
  expect_out "json says ko" '"lang": "ko"'
  mkdir -p "$tmp/user"
  cp "$RC_SRCDIR/tests/data/good-override.xml" "$tmp/user/"
  set +e
  env -u REPLYCODE_XML_HELPER XDG_CACHE_HOME="$tmp/cache" "$rc" --data-dir "$tmp/user" 599 > "$tmp/out" 2> "$tmp/err"
  st=$?
  set -e
  test "$st" -eq 0 && pass "build-tree helper found" || fail "build-tree helper: $st $(cat "$tmp/err")"
  expect_out "helper's answer" "Relay Quota Exceeded"
fi
finish
