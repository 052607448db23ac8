#!/bin/sh
# A real browser: headless Chromium renders the English and Korean pages
# of a comparison; each must load (exit 0, the DOM holds the expected
# title and the five headings) and a screenshot is saved under
# tests/screenshots/ in the build tree.  Skipped without chromium
# (.ci/run installs chromium and fonts-noto-cjk).
. "${RC_SRCDIR:?}/tests/lib.sh"
chromium=$(command -v chromium || command -v chromium-browser || :)
test -n "$chromium" || { echo "chromium not installed"; exit 77; }
shots=${RC_BUILDDIR:?}/tests/screenshots
mkdir -p "$shots"
run 0 "docs" "$RC_BIN" docs --out "$tmp/site" --lang en,ko,ja,zh_CN --format html --protocol smtp

browse () {  # browse NAME URL ARGS...: runs Chromium headless
  name=$1 url=$2; shift 2
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$tmp/profile-$name" "$@" "$url"
}

for l in en ko ja zh_CN; do
  page=$tmp/site/$l/smtp/220-vs-221.html
  if browse "dom-$l" "file://$page" --dump-dom > "$tmp/dom-$l.html" 2> "$tmp/chrome-$l.log"; then
    pass "$l: page loads"
  else
    fail "$l: chromium failed"; tail -5 "$tmp/chrome-$l.log"; continue
  fi
  case $l in
    en) want="SMTP 220 Service Ready vs 221 Closing Connection|Description|When you see this code|How to fix|Key differences|When to use which" ;;
    ko) want="SMTP 220 서비스 준비됨 (Service Ready) vs 221 연결 종료 (Closing Connection)|설명|이 코드를 보게 되는 경우|해결 방법|주요 차이점|언제 어떤 것을 사용할지" ;;
    zh_CN) want="SMTP 220 服务就绪 (Service Ready) vs 221 关闭连接 (Closing Connection)|说明|何时会遇到此代码|解决方法|主要区别|如何区分使用" ;;
    ja) want="SMTP 220 サービス準備完了 (Service Ready) vs 221 接続終了 (Closing Connection)|説明|このコードが表示される場合|対処方法|主な違い|使い分け" ;;
  esac
  old_ifs=$IFS; IFS='|'
  for w in $want; do
    grep -qF "$w" "$tmp/dom-$l.html" || fail "$l: rendered page lacks '$w'"
  done
  IFS=$old_ifs
  tag=$(echo "$l" | tr '_' '-')
  grep -q "<html[^>]*lang=\"$tag\"" "$tmp/dom-$l.html" && pass "$l: DOM complete" || fail "$l: lang"
  png=$shots/$l-smtp-220-vs-221.png
  rm -f "$png"
  browse "shot-$l" "file://$page" --window-size=1280,1600 --screenshot="$png" > /dev/null 2>&1 || :
  if test -s "$png" && test "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = '211PNG' \
     && test "$(wc -c < "$png")" -gt 20000; then
    pass "$l: screenshot $png ($(wc -c < "$png") bytes)"
  else
    fail "$l: no screenshot"
  fi
  # nothing overflows sideways, on a desktop or a phone: a copy of the
  # page gets a script that writes the widths into the DOM
  for w in 1280 390; do
    sed 's|</body>|<script>document.body.setAttribute("data-overflow", String(document.documentElement.scrollWidth > window.innerWidth))</script></body>|' \
      "$page" > "$(dirname "$page")/probe-$w.html"
    browse "probe-$l-$w" "file://$(dirname "$page")/probe-$w.html" --window-size=$w,1000 \
      --dump-dom > "$tmp/probe.html" 2> /dev/null || :
    if grep -q 'data-overflow="false"' "$tmp/probe.html"; then
      pass "$l: no horizontal overflow at $w px"
    else
      fail "$l: content overflows at $w px"
    fi
  done
  # narrow screen (phone): the same page renders too
  browse "phone-$l" "file://$page" --window-size=390,1800 --screenshot="$shots/$l-phone.png" > /dev/null 2>&1 || :
  test -s "$shots/$l-phone.png" && pass "$l: phone-size screenshot" || fail "$l: phone screenshot"
done
finish
