#!/bin/sh
# docs-safety: docs --out replaces only nothing, an empty directory or a
# site replycode wrote (it carries .replycode-site), and refuses anything
# else with exit 2, touching nothing; the replacement is one step, runs
# into one place wait for each other, and what a killed run left is
# removed by the next.  Problems with the place are found before the
# site is built, and reported in the user's language.
. "${RC_SRCDIR:?}/tests/lib.sh"
rc=$RC_BIN
small="--protocol ftp --format html --lang en"
# LeakSanitizer cannot run under ptrace: no leak check in the strace runs
nolsan="ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# sum DIR: one line per file (hidden ones too) with its checksum
sum () { (cd "$1" 2> /dev/null && find . -type f | LC_ALL=C sort | xargs md5sum) || :; }
# leftovers DIR: what runs left beside the sites in DIR
leftovers () { ls -a "$1" | grep -E '\.(tmp|old)-' || :; }

# --- what is refused, and left as it was ---------------------------
mkdir "$tmp/notes"
echo x > "$tmp/notes/thesis.txt"
run 2 "a directory of the user's" "$rc" docs --out "$tmp/notes" $small \
  && expect_err "refusal names the directory and why" "will not replace $tmp/notes: it is not empty"
test "$(cat "$tmp/notes/thesis.txt" 2>/dev/null)" = x && test "$(ls -A "$tmp/notes")" = thesis.txt \
  && pass "the user's directory is intact" || fail "the user's directory was changed"
run 2 "with a trailing slash" "$rc" docs --out "$tmp/notes/" $small || :
test -f "$tmp/notes/thesis.txt" && pass "still intact" || fail "thesis.txt is gone"

# a --data-dir pointed at by --out
mkdir "$tmp/data"
cat > "$tmp/data/user.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<registry id="smtp" name="SMTP" protocol="smtp" kind="three-digit">
  <title>SMTP reply codes</title>
  <document ref="RFC 5321">x</document>
  <class value="5xx"><title>Permanent Negative Completion</title><description>x</description></class>
  <code value="599" outcome="permanent" actor="none" status="current" source="community">
    <title>User code</title><description>x</description>
    <when>x</when><fix>x</fix><ref doc="RFC 5321"/>
  </code>
</registry>
XML
sum "$tmp/data" > "$tmp/data.before"
run 2 "--out at the --data-dir" "$rc" --data-dir "$tmp/data" docs --out "$tmp/data" $small \
  && expect_err "--data-dir refused" "will not replace"
sum "$tmp/data" | cmp -s - "$tmp/data.before" && pass "data directory intact" || fail "data directory changed"

echo text > "$tmp/file"
run 2 "a regular file" "$rc" docs --out "$tmp/file" $small && expect_err "file refused" "$tmp/file: it is not a directory"
test "$(cat "$tmp/file")" = text && pass "file intact" || fail "file changed"
run 0 "a site" "$rc" docs --out "$tmp/linked" $small || :
ln -s linked "$tmp/link"
run 2 "a symbolic link, even to a site" "$rc" docs --out "$tmp/link" $small \
  && expect_err "link refused" "$tmp/link: it is a symbolic link"
test -L "$tmp/link" && test -f "$tmp/linked/.replycode-site" && pass "link and site intact" || fail "link changed"
mkdir "$tmp/cwd" && echo keep > "$tmp/cwd/keep"
for out in . .. / ./ ../ // "$tmp/cwd/." "$tmp/cwd/.."; do
  run 2 "--out $out" sh -c 'cd "$1" && shift && exec "$@"' sh "$tmp/cwd" "$rc" docs --out "$out" $small \
    && expect_err "--out $out refused" "will not replace .*not '\.', '\.\.' or '/'"
done
test -f "$tmp/cwd/keep" && pass "current directory intact" || fail "current directory changed"
leftover=$(leftovers "$tmp")
test -z "$leftover" && pass "refusals leave nothing" || fail "refusals left: $leftover"

# --- what is replaced ------------------------------------------------
mkdir "$tmp/empty"
run 0 "an empty directory" "$rc" docs --out "$tmp/empty" $small || :
test -f "$tmp/empty/en/ftp/550.html" && test -f "$tmp/empty/.replycode-site" \
  && pass "empty directory replaced by a marked site" || fail "empty directory"
echo stale > "$tmp/empty/en/stale.html"
run 0 "a marked site" "$rc" docs --out "$tmp/empty" $small || :
test -f "$tmp/empty/en/ftp/550.html" && ! test -e "$tmp/empty/en/stale.html" \
  && pass "marked site replaced whole" || fail "marked site not replaced"
run 0 "new, with a trailing slash" "$rc" docs --out "$tmp/slash/" $small || :
run 0 "again, with a trailing slash" "$rc" docs --out "$tmp/slash//" $small || :
test -f "$tmp/slash/en/ftp/550.html" && pass "trailing slash" || fail "trailing slash"
leftover=$(leftovers "$tmp")
test -z "$leftover" && pass "no leftovers" || fail "left: $leftover"

# --- problems with the place: found first, said in the user's language
echo text > "$tmp/plain"
run 4 "parent is a file" "$rc" docs --out "$tmp/plain/sub" --lang ko,ja --format html --protocol ftp \
  && expect_err "parent refused in English" "^replycode: cannot create a directory beside $tmp/plain/sub: Not a directory$"
run 2 "--out a file, --lang ko" "$rc" docs --out "$tmp/file" --lang ja,ko --format html \
  && expect_err "refusal in English despite --lang ko" "^replycode: will not replace $tmp/file: it is not a directory$"
if strace -f -o /dev/null true 2> /dev/null; then
  # nothing is built: the run never opens a page for writing
  set +e
  env "$nolsan" strace -f -e trace=openat -o "$tmp/trace" "$rc" docs --out "$tmp/file" --lang ko --format html > /dev/null 2>&1
  set -e
  n=$(grep -c '\.html"' "$tmp/trace" || :)
  test "$n" -eq 0 && pass "refused before any page is written" || fail "$n pages written before the refusal"
fi

# disk full: exit 4, the old site stays, the message is in the user's
# language, nothing is left behind
sum "$tmp/empty" > "$tmp/site.before"
set +e
( trap '' XFSZ; ulimit -f 16; exec "$rc" docs --out "$tmp/empty" --lang ko --format html,md,txt ) > /dev/null 2> "$tmp/err"; st=$?
set -e
test "$st" -eq 4 && pass "disk full: exit 4" || fail "disk full: exit $st"
grep -Eq '^replycode: cannot write [^ ]+: File too large$' "$tmp/err" && pass "disk full: message in English" \
  || { fail "disk full: message"; head -3 "$tmp/err"; }
sum "$tmp/empty" | cmp -s - "$tmp/site.before" && pass "disk full: old site intact" || fail "disk full: old site changed"
set +e
( trap '' XFSZ; ulimit -f 16; exec env LANGUAGE=ko "$rc" docs --out "$tmp/empty" --lang en,ja --format html ) > /dev/null 2> "$tmp/err"; st=$?
set -e
test "$st" -eq 4 && ! grep -q 'cannot write' "$tmp/err" && grep -q '쓸 수 없습니다' "$tmp/err" \
  && pass "disk full: message in Korean for a Korean user writing en,ja" || { fail "disk full (ko): exit $st"; head -3 "$tmp/err"; }
leftover=$(leftovers "$tmp")
test -z "$leftover" && pass "disk full: no leftovers" || fail "disk full left: $leftover"

# --- concurrent runs --------------------------------------------------
mkdir "$tmp/c"
i=0
while test $i -lt 20; do
  ( "$rc" docs --out "$tmp/c/site" $small > /dev/null 2> "$tmp/c.err.$i"; echo $? > "$tmp/c.st.$i" ) &
  i=$((i + 1))
done
wait
bad=0
for f in "$tmp"/c.st.*; do test "$(cat "$f")" -eq 0 || bad=$((bad + 1)); done
test $bad -eq 0 && pass "20 concurrent runs exit 0" || { fail "$bad of 20 concurrent runs failed"; cat "$tmp"/c.err.* | head -5; }
test "$(ls -A "$tmp/c")" = site && pass "exactly the site is left" || fail "left beside the site: $(ls -A "$tmp/c" | tr '\n' ' ')"
test -f "$tmp/c/site/en/ftp/550.html" && test "$(ls -A "$tmp/c/site" | tr '\n' ' ')" = ".replycode-site en index.html sitemap.xml style.css " \
  && pass "the site is whole" || fail "site: $(ls -A "$tmp/c/site" | tr '\n' ' ')"

# --- a run killed while it writes -------------------------------------
mkdir "$tmp/k"
run 0 "previous site" "$rc" docs --out "$tmp/k/site" $small || :
sum "$tmp/k/site" > "$tmp/k.before"
"$rc" docs --out "$tmp/k/site" --lang all > /dev/null 2>&1 &
pid=$!
n=0
while test $n -lt 1000 && ! ls "$tmp"/k/.site.tmp-*/ko 2> /dev/null | grep -q .; do
  sleep 0.01; n=$((n + 1))
done
kill -STOP $pid 2> /dev/null || :
if ls -d "$tmp"/k/.site.tmp-* > /dev/null 2>&1; then
  kill -KILL $pid; wait $pid 2> /dev/null || :
  sum "$tmp/k/site" | cmp -s - "$tmp/k.before" && pass "killed run: previous site intact" || fail "killed run: site changed"
  ls -d "$tmp"/k/.site.tmp-* > /dev/null 2>&1 && pass "killed run left its temporary directory" || fail "no leftover to test"
  run 0 "next run" "$rc" docs --out "$tmp/k/site" $small || :
  test "$(ls -A "$tmp/k")" = site && pass "next run removed the leftover" || fail "left: $(ls -A "$tmp/k" | tr '\n' ' ')"
else
  kill -KILL $pid 2> /dev/null || :; wait $pid 2> /dev/null || :
  fail "the run ended before it could be killed"
fi
# a leftover that is not a run's (no mark, not empty) is kept
mkdir "$tmp/k/.site.tmp-mine" && echo keep > "$tmp/k/.site.tmp-mine/keep"
run 0 "run beside a look-alike" "$rc" docs --out "$tmp/k/site" $small || :
test -f "$tmp/k/.site.tmp-mine/keep" && pass "unmarked look-alike kept" || fail "look-alike removed"
rm -rf "$tmp/k/.site.tmp-mine"

if strace -f -o /dev/null true 2> /dev/null; then
  # killed at the first, then at the second rename of the swap: a whole
  # site is there either way (the old one or the new one, which are
  # alike), and the next run removes what is left
  sum "$tmp/k/site" > "$tmp/k.before"
  for when in 1 2; do
    set +e
    (env "$nolsan" strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
      -e inject=rename,renameat,renameat2:signal=KILL:when=$when \
      "$rc" docs --out "$tmp/k/site" $small; exit $?) > /dev/null 2>&1
    set -e
    sum "$tmp/k/site" 2> /dev/null | cmp -s - "$tmp/k.before" && pass "killed at rename $when: a whole site" \
      || fail "killed at rename $when: the site is changed or gone"
    run 0 "run after" "$rc" docs --out "$tmp/k/site" $small || :
    test "$(ls -A "$tmp/k")" = site && pass "leftover removed" || fail "left: $(ls -A "$tmp/k" | tr '\n' ' ')"
  done
  # a file system without RENAME_EXCHANGE (the first renameat2 fails with
  # EINVAL): two renames, still no leftover
  echo stale > "$tmp/k/site/stale"
  run 0 "without RENAME_EXCHANGE" env "$nolsan" strace -f -o /dev/null -e trace=renameat2 -e inject=renameat2:error=EINVAL:when=1 \
    "$rc" docs --out "$tmp/k/site" $small || :
  test -f "$tmp/k/site/en/ftp/550.html" && ! test -e "$tmp/k/site/stale" && test "$(ls -A "$tmp/k")" = site \
    && pass "fallback replaces the site, no leftover" || fail "fallback: $(ls -A "$tmp/k" | tr '\n' ' ')"
fi
finish
