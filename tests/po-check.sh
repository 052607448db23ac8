#!/bin/sh
# Translation checks:
#  - every po file passes msgfmt --check, has no fuzzy and no untranslated
#    entry, and is listed in LINGUAS and in tests/local.mk's PO_FILES;
#  - POTFILES.in names every source file that uses _() or N_();
#  - ITS extraction of the data is not silently empty (GETTEXTDATADIRS);
#  - po/replycode.pot is up to date with the sources and data.
. "${RC_SRCDIR:?}/tests/lib.sh"
top=$RC_SRCDIR
msgfmt=${MSGFMT:-msgfmt}
xgettext=${XGETTEXT:-xgettext}
command -v "$msgfmt" > /dev/null 2>&1 || { echo "no msgfmt"; exit 77; }
command -v "$xgettext" > /dev/null 2>&1 || { echo "no xgettext"; exit 77; }

linguas=$(sed -e 's/#.*//' "$top/po/LINGUAS" | tr -s ' \n' ' ')
for po in "$top"/po/*.po; do
  ll=$(basename "$po" .po)
  case " $linguas " in *" $ll "*) pass "$ll in LINGUAS" ;; *) fail "$ll.po not in LINGUAS" ;; esac
  grep -q "po/$ll.po" "$top/tests/local.mk" && pass "$ll in PO_FILES" || fail "po/$ll.po not in PO_FILES (tests/local.mk)"
  if stats=$(LC_ALL=C "$msgfmt" --check --statistics -o /dev/null "$po" 2>&1); then
    case $stats in
      *fuzzy*|*untranslated*) fail "$ll: $stats" ;;
      *) pass "$ll: $stats" ;;
    esac
  else
    fail "$ll: msgfmt --check: $stats"
  fi
  grep -q '^#, fuzzy' "$po" && fail "$ll: fuzzy flag present" || :
done
for ll in $linguas; do test -f "$top/po/$ll.po" || fail "LINGUAS names $ll but po/$ll.po is missing"; done
# docs --lang all writes RC_LANGUAGES (Makefile.am): en and every LINGUAS entry
want="en $linguas"
have=$(sed -n "s/.*-DRC_LANGUAGES='\"\([^\"]*\)\"'.*/\1/p" "$top/Makefile.am" | tr ',' ' ')
test "$(echo $want | tr ' ' '\n' | sort | tr '\n' ' ')" = "$(echo $have | tr ' ' '\n' | sort | tr '\n' ' ')" \
  && pass "RC_LANGUAGES = en + LINGUAS" || fail "RC_LANGUAGES ($have) differs from en + LINGUAS ($want)"

for f in $(cd "$top" && grep -l -E '\b(_|N_)\(' src/*.c src/*.h | grep -v '^src/system.h$'); do
  grep -qx "$f" "$top/po/POTFILES.in" && pass "$f in POTFILES.in" || fail "$f uses _() but is not in po/POTFILES.in"
done

# Extract exactly as po/Makevars does, into a temporary POT.
files=$(sed -e 's/#.*//' -e '/^ *$/d' "$top/po/POTFILES.in")
( cd "$top" && GETTEXTDATADIRS="$top/data" "$xgettext" --default-domain=replycode \
    --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=i18n_pgettext:1c,2 \
    --add-comments=TRANSLATORS: --flag=rc_error:1:c-format \
    -o "$tmp/fresh.pot" $files ) 2> "$tmp/xg.err" || fail "xgettext failed"
if grep -q 'will try C' "$tmp/xg.err"; then fail "xgettext did not find the ITS rules"; cat "$tmp/xg.err"; fi
grep -q '^msgctxt "smtp 220 title"' "$tmp/fresh.pot" && pass "ITS rules extract data texts" || fail "no data texts extracted"
codes=$(grep -c '<code ' "$top"/data/smtp.xml)
data_msgs=$(grep -c '^msgctxt "smtp [0-9]' "$tmp/fresh.pot")
test "$data_msgs" -ge $((4 * codes)) && pass "$data_msgs data messages for $codes SMTP codes" \
  || fail "only $data_msgs data messages for $codes SMTP codes"
msgcmp=$(dirname "$(command -v "$msgfmt")")/msgcmp
if "$msgcmp" --use-untranslated "$top/po/replycode.pot" "$tmp/fresh.pot" 2> "$tmp/cmp1" \
   && "$msgcmp" --use-untranslated "$tmp/fresh.pot" "$top/po/replycode.pot" 2> "$tmp/cmp2"; then
  pass "po/replycode.pot is up to date"
else
  fail "po/replycode.pot is stale: run 'make -C po update-po'"; head -5 "$tmp/cmp1" "$tmp/cmp2"
fi
finish
