#!/bin/sh
# Golden-output tests of the program: each line of tests/golden/cases is
#   NAME|STATUS|ENV|ARGS
# run as `env ENV replycode ARGS`; stdout must equal tests/golden/NAME.out
# byte for byte, and no text line may be wider than its width (display
# cells, Hangul = 2).  REGEN=1 rewrites the .out files (review the diff!).
. "${RC_SRCDIR:?}/tests/lib.sh"
cases="$RC_SRCDIR/tests/golden/cases"
n=0
while IFS='|' read -r name status envs args; do
  case $name in ''|'#'*) continue ;; esac
  n=$((n + 1))
  # shellcheck disable=SC2086
  if ! run "$status" "$name" env $envs "$RC_BIN" $args; then continue; fi
  want="$RC_SRCDIR/tests/golden/$name.out"
  if test "${REGEN:-}" = 1; then cp "$tmp/out" "$want"; fi
  if ! test -f "$want"; then fail "$name: no $want"; continue; fi
  if ! cmp -s "$tmp/out" "$want"; then
    fail "$name: output differs"
    diff -u "$want" "$tmp/out" | head -20
    continue
  fi
  width=80
  case " $args " in *" -w "*) width=$(echo "$args" | sed 's/.*-w \([0-9]*\).*/\1/') ;; esac
  case " $args " in *" json "*|*--help*) width=1000 ;; esac
  widest=$(wc -L < "$tmp/out")
  if test "$widest" -gt "$width"; then
    fail "$name: a line is $widest cells wide (limit $width)"; continue
  fi
  pass "$name"
done < "$cases"
test "$n" -gt 20 || fail "only $n cases read"
finish
