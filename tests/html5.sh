#!/bin/sh
# html5: every generated HTML page reads the same to a browser as to an
# XML tool: tests/html5check.py parses each with html5lib (no parse
# error, UTF-8) and compares its tree with the XML parse.  Skipped when
# no python3 with html5lib is found (Debian: python3-html5lib).
. "${RC_SRCDIR:?}/tests/lib.sh"
py=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$p" > /dev/null 2>&1 && "$p" -c 'import html5lib' 2> /dev/null; then
    py=$p; break
  fi
done
test -n "$py" || { echo "no python3 with html5lib"; exit 77; }
check () { "$py" "$RC_SRCDIR/tests/html5check.py" "$@"; }

# the checker itself: it must fail on what browsers misread
printf '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/><title>t</title></head><body><main><ul/><p>x</p></main></body></html>\n' > "$tmp/empty-ul.html"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/><title>t</title></head><body><p>x</p></body></html>\n' > "$tmp/decl.html"
printf '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/><title>t</title></head><body><p>x<div>y</div></p></body></html>\n' > "$tmp/nest.html"
for f in empty-ul decl nest; do
  run 1 "checker rejects $f" check "$tmp/$f.html" && pass "checker rejects $f"
done
sed 's|<ul/>|<ul><li>a</li></ul>|' "$tmp/empty-ul.html" > "$tmp/good.html"
run 0 "checker accepts a good page" check "$tmp/good.html" && pass "checker accepts a good page"

run 0 "docs" "$RC_BIN" docs --out "$tmp/site" --lang all --format html
find "$tmp/site" -name '*.html' | sort > "$tmp/pages"
test "$(wc -l < "$tmp/pages")" -gt 2000 && pass "$(wc -l < "$tmp/pages") pages" || fail "too few pages"
# the pages that were wrong: class pages with no code, the root index
for f in index.html en/smtp/class-x4x.html ko/smtp/class-x4x.html; do
  grep -qx "$tmp/site/$f" "$tmp/pages" || fail "$f missing"
done
head -c 15 "$tmp/site/index.html" | grep -q '^<!DOCTYPE html>' && pass "root index: no XML declaration" \
  || fail "root index does not start with <!DOCTYPE html>"
if check - < "$tmp/pages" > "$tmp/out" 2>&1; then
  pass "$(tail -1 "$tmp/out")"
else
  fail "pages an HTML5 parser reads differently"; head -20 "$tmp/out"
fi
finish
