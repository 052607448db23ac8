#!/bin/sh
# docs: the generated site is complete, well-formed, fully linked and
# escaped; a failed run leaves the previous site untouched.
. "${RC_SRCDIR:?}/tests/lib.sh"
rc=$RC_BIN
site=$tmp/site

run 0 "docs all" "$rc" docs --out "$site" --lang all --base-url https://replycode.example/docs
for l in en ko ja zh_CN; do
  test -f "$site/$l/index.html" && pass "$l index" || fail "$l index missing"
done
n=$(find "$site/en" -name '*.html' | wc -l)
m=$(find "$site/ko" -name '*.html' | wc -l)
j=$(find "$site/ja" -name '*.html' | wc -l)
z=$(find "$site/zh_CN" -name '*.html' | wc -l)
test "$n" -gt 700 && test "$n" -eq "$m" && test "$n" -eq "$j" && test "$n" -eq "$z" \
  && pass "$n HTML pages per language" || fail "pages: en $n, ko $m, ja $j, zh_CN $z"
# every code of the catalog has a page in every format
for f in smtp/220 smtp/554 smtp-enhanced/X.7.1 ftp/227 http/413; do
  for l in en ko; do
    test -f "$site/$l/$f.html" && test -f "$site/md/$l/$f.md" && test -f "$site/txt/$l/$f.txt" \
      || fail "$l/$f: a format is missing"
  done
done
test -f "$site/sitemap.xml" && test -f "$site/style.css" && test -f "$site/index.html" \
  && pass "sitemap, stylesheet, root" || fail "site files missing"
test -f "$site/man/man1/replycode.1" && test -f "$site/man/man7/replycode-smtp.7" \
  && test -f "$site/man/ko/man7/replycode-smtp.7" && pass "man pages" || fail "man pages"

xmllint=${XMLLINT:-$(command -v xmllint || :)}
if test -n "$xmllint"; then
  # every HTML file is well-formed (polyglot HTML5)
  find "$site" -name '*.html' > "$tmp/pages"
  if xargs "$xmllint" --noout --nonet < "$tmp/pages" 2> "$tmp/err"; then
    pass "$(wc -l < "$tmp/pages") HTML files well-formed"
  else
    fail "malformed HTML"; head -5 "$tmp/err"
  fi
  "$xmllint" --noout "$site/sitemap.xml" && pass "sitemap well-formed" || fail "sitemap"
  # link check: every href of every page (links, alternates, stylesheet)
  bad=0
  while read -r page; do
    dir=$(dirname "$page")
    "$xmllint" --nonet --xpath '//*[local-name()="a" or local-name()="link"]/@href' "$page" 2>/dev/null \
      | tr ' ' '\n' | sed -n 's/^href="\([^"#]*\).*/\1/p' | sort -u > "$tmp/hrefs"
    while read -r h; do
      case $h in http*|'') continue ;; esac
      test -e "$dir/$h" || { bad=$((bad + 1)); test $bad -le 5 && echo "  broken: $page -> $h"; }
    done < "$tmp/hrefs"
  done < "$tmp/pages"
  test $bad -eq 0 && pass "no broken internal link or hreflang target" || fail "$bad broken links"
  # sitemap: every loc and alternate exists
  "$xmllint" --nonet --xpath '//*[local-name()="link"]/@href' "$site/sitemap.xml" | tr ' ' '\n' \
    | sed -n 's|^href="https://replycode.example/docs/\(.*\)"|\1|p' > "$tmp/locs"
  miss=0
  while read -r loc; do test -f "$site/$loc" || miss=$((miss + 1)); done < "$tmp/locs"
  test "$miss" -eq 0 && test "$(wc -l < "$tmp/locs")" -gt 1000 && pass "sitemap: $(wc -l < "$tmp/locs") alternates exist" \
    || fail "sitemap: $miss missing"
fi

# golden pages: one HTML comparison, one Korean Markdown code page, one
# man page (REGEN=1 rewrites them)
for f in en/smtp/220-vs-221.html ko/smtp/421.html md/ko/smtp/220.md man/man7/replycode-smtp.7; do
  g=$RC_SRCDIR/tests/golden/docs-$(echo "$f" | tr '/' '-')
  if test "${REGEN:-}" = 1; then cp "$site/$f" "$g"; fi
  cmp -s "$site/$f" "$g" && pass "golden $f" || { fail "golden $f differs"; diff -u "$g" "$site/$f" | head -20; }
done

# Korean pages: lang="ko", Korean headings, English title marked lang="en"
p=$site/ko/smtp/220-vs-221.html
grep -q '<html[^>]*lang="ko"' "$p" && pass "html lang=ko" || fail "no lang=ko"
for h in "설명" "이 코드를 보게 되는 경우" "해결 방법" "주요 차이점" "언제 어떤 것을 사용할지"; do
  grep -q "$h" "$p" || fail "heading $h missing"
done
grep -q '<span lang="en"> (Service Ready)</span>' "$site/ko/smtp/220.html" && pass "English title marked" || fail "English title not marked"
grep -q 'hreflang="en" href="../../en/smtp/220-vs-221.html"' "$p" && pass "hreflang alternate" || fail "hreflang"

# escaping: hostile text from a user data file appears literally
mkdir -p "$tmp/hostile"
cat > "$tmp/hostile/x.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<registry id="smtp" name="SMTP" protocol="smtp" kind="three-digit">
  <title>SMTP reply codes</title>
  <document ref="RFC 5321">x</document>
  <class value="5xx"><title>Permanent Negative Completion</title><description>x</description></class>
  <code value="599" outcome="permanent" actor="none" status="current" source="community">
    <title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</title>
    <description>Text with &lt;b&gt;tags&lt;/b&gt;, "quotes" &amp; ampersands.</description>
    <when>x</when><fix>x</fix><ref doc="RFC 5321"/>
  </code>
</registry>
XML
run 0 "docs with hostile data" "$rc" --data-dir "$tmp/hostile" docs --out "$tmp/h" --lang en --format html,md
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co' "$tmp/h/en/smtp/599.html" && pass "HTML escaped" || fail "HTML not escaped"
grep -q '<script' "$tmp/h/en/smtp/599.html" && fail "raw <script> in HTML" || pass "no raw script"
grep -q '\\<script\\>' "$tmp/h/md/en/smtp/599.md" && pass "Markdown escaped" || fail "Markdown not escaped"

# atomic: a failing run leaves the previous site as it was
find "$site" -type f | sort | xargs md5sum > "$tmp/before"
run 2 "bad protocol" "$rc" docs --out "$site" --protocol gopher
cp "$RC_SRCDIR/tests/data/bad-duplicate.xml" "$tmp/hostile/"
run 3 "bad data" "$rc" --data-dir "$tmp/hostile" docs --out "$site"
rm "$tmp/hostile/bad-duplicate.xml"
set +e
( trap '' XFSZ; ulimit -f 64; "$rc" docs --out "$site" ) > /dev/null 2> "$tmp/err"; st=$?
set -e
test "$st" -eq 4 && pass "disk full: exit 4" || fail "disk full: exit $st"
find "$site" -type f | sort | xargs md5sum > "$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && pass "old site intact" || fail "old site changed"
ls -a "$tmp" | grep -q '\.site\.tmp' && fail "temporary directory left behind" || pass "no temporary left"
run 4 "unwritable place" "$rc" docs --out /dev/null/site && expect_err "unwritable" "cannot create a directory beside"
run 2 "docs without --out" "$rc" docs && expect_err "needs --out" "docs needs --out"
run 2 "--out without docs" "$rc" --out x 220 && expect_err "--out misuse" "only for the docs command"
run 2 "bad docs format" "$rc" docs --out "$tmp/z" --format pdf && expect_err "bad docs format" "invalid docs format 'pdf'"
run 0 "one protocol" "$rc" docs --out "$tmp/p" --protocol ftp --format html
test -f "$tmp/p/en/ftp/550.html" && ! test -e "$tmp/p/en/smtp" && pass "--protocol ftp" || fail "--protocol"
# the man pages render without warnings (a page that makes groff fail or
# warn fails the check, and "ok" is said only when none did)
if command -v groff > /dev/null 2>&1; then
  gbad=0 gn=0
  for f in "$site"/man/man*/* "$site"/man/ko/man*/*; do
    case $f in "$site"/man/ko/*) dev=-Tutf8 ;; *) dev= ;; esac
    gn=$((gn + 1))
    if groff -man $dev -ww -z "$f" 2> "$tmp/err" && ! test -s "$tmp/err"; then :; else
      gbad=$((gbad + 1)); fail "groff: $f"; head -3 "$tmp/err"
    fi
  done
  test "$gn" -gt 5 && test "$gbad" -eq 0 && pass "groff -man -ww: $gn pages, no warning" \
    || fail "groff: $gbad of $gn pages warn"
fi
finish
