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
run 0 "ko with override" "$rc" --lang ko --data-dir "$tmp/user" smtp 220 && expect_out "untranslated marked" "\[영어 원문\]"
run 0 "json with override" "$rc" -f json --data-dir "$tmp/user" 599 && expect_out "json lang en" '"lang": "en"'

# The compiled cache: after one run through the helper, lookups need no
# helper until a file changes.
export XDG_CACHE_HOME="$tmp/cache"
mkdir -p "$tmp/c1"
cp "$RC_SRCDIR/tests/data/good-override.xml" "$tmp/c1/a.xml"
run 0 "first run writes the cache" "$rc" --data-dir "$tmp/c1" 599
test -s "$tmp/cache/replycode/user-data.cache" && pass "cache written" || fail "no cache file"
REPLYCODE_XML_HELPER=/nonexistent/helper run 0 "cached lookup needs no helper" "$rc" --data-dir "$tmp/c1" 599 \
  && expect_out "cached code" "Relay Quota Exceeded"
touch -d '2001-01-01' "$tmp/c1/a.xml"
REPLYCODE_XML_HELPER=/nonexistent/helper run 127 "a changed file makes the cache stale" "$rc" --data-dir "$tmp/c1" 599 \
  && expect_err "helper missing" "cannot run the XML helper"
run 0 "the helper rebuilds it" "$rc" --data-dir "$tmp/c1" 599
REPLYCODE_XML_HELPER=/nonexistent/helper run 0 "rebuilt cache used" "$rc" --data-dir "$tmp/c1" 599
# a corrupt or truncated cache is never trusted
for how in corrupt truncate empty; do
  f="$tmp/cache/replycode/user-data.cache"
  case $how in
    corrupt) printf 'XXXX' | dd of="$f" bs=1 seek=100 conv=notrunc 2> /dev/null ;;
    truncate) head -c 60 "$f" > "$f.t" && mv "$f.t" "$f" ;;
    empty) : > "$f" ;;
  esac
  REPLYCODE_XML_HELPER=/nonexistent/helper run 127 "$how cache refused" "$rc" --data-dir "$tmp/c1" 599
  run 0 "$how cache rebuilt" "$rc" --data-dir "$tmp/c1" 599 && expect_out "$how: right answer" "Relay Quota Exceeded"
done
# a helper that exists but cannot run
printf 'not a program' > "$tmp/helper" && chmod 644 "$tmp/helper"
touch "$tmp/c1/a.xml"
REPLYCODE_XML_HELPER="$tmp/helper" run 126 "helper not executable" "$rc" --data-dir "$tmp/c1" 599

# A FIFO (or any file that is not a regular file) named *.xml is skipped
# with a word, in both programs, and never hangs a lookup.
mkdir -p "$tmp/fifo"
cp "$RC_SRCDIR/tests/data/good-override.xml" "$tmp/fifo/a.xml"
mkfifo "$tmp/fifo/b.xml"
mkdir "$tmp/fifo/c.xml"
run 0 "fifo skipped" timeout 10 "$rc" --data-dir "$tmp/fifo" 599 && expect_err "fifo named" "skipping .*b.xml: not a regular file"
expect_err "directory named" "skipping .*c.xml: not a regular file"
run 0 "fifo skipped by the helper" timeout 10 "$RC_BUILDDIR/src/replycode-xml" --data-dir "$tmp/fifo" 599 \
  && expect_err "helper names it" "skipping .*b.xml: not a regular file"
run 0 "validate is not fooled by a fifo" timeout 10 "$RC_BUILDDIR/src/replycode-xml" --data-dir "$tmp/fifo" 220

# An unreadable directory from the environment is skipped with a word by
# both programs; a --data-dir that cannot be read is an error in both.
REPLYCODE_DATA_PATH="$tmp/fifo/a.xml" run 0 "env dir that is a file" "$rc" 220 \
  && expect_err "env dir skipped" "skipping data directory"
REPLYCODE_DATA_PATH="$tmp/fifo/a.xml" run 0 "same in the helper" "$RC_BUILDDIR/src/replycode-xml" 220 \
  && expect_err "helper skips it" "skipping data directory"
run 2 "--data-dir that is a file" "$rc" --data-dir "$tmp/fifo/a.xml" 220
run 2 "same in the helper" "$RC_BUILDDIR/src/replycode-xml" --data-dir "$tmp/fifo/a.xml" 220

# Long environment values: no fixed-size buffer (this overflowed the heap)
long=$(printf 'A%.0s' $(seq 100000))
home=/home/$(printf 'h%.0s' $(seq 200))
run 0 "long HOME and REPLYCODE_DATA_PATH" env XDG_DATA_HOME= HOME="$home" REPLYCODE_DATA_PATH="$long" "$rc" 220 \
  && expect_out "still answers" "Service Ready"
many=$(printf '%s:' $(seq 2000))
REPLYCODE_DATA_PATH="$many" run 2 "too many directories" "$rc" 220 && expect_err "says so" "too many data directories"

# Many user files: memory and time stay linear (this took 914 MB for
# 2,000 files).  500 files, each adding a code.
mkdir -p "$tmp/many"
i=0
while test $i -lt 500; do
  sed "s/value=\"599\"/value=\"$((i % 99 + 600))\"/" "$RC_SRCDIR/tests/data/good-override.xml" > "$tmp/many/f$i.xml"
  i=$((i + 1))
done
# (no address-space limit under AddressSanitizer, which reserves terabytes)
lim='ulimit -v 400000;'
test -z "${ASAN_OPTIONS-}" || lim=
run 0 "500 user files" sh -c "$lim"' exec "$@"' sh "$RC_BUILDDIR/src/replycode-xml" --data-dir "$tmp/many" 650 \
  && expect_out "code from a user file" "^SMTP 650 "
finish
