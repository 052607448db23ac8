# tests/lib.sh: sourced by the shell tests.  Sets strict mode, a private
# temporary directory and helpers.  RC_BIN and RC_SRCDIR come from
# tests/local.mk (AM_TESTS_ENVIRONMENT) or installcheck.
set -eu
: "${RC_BIN:?}" "${RC_SRCDIR:?}"
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE LANG LC_MESSAGES NO_COLOR COLUMNS REPLYCODE_DATA_PATH 2>/dev/null || :
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rc-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fails=0

fail () { echo "FAIL: $*"; fails=$((fails + 1)); }
pass () { echo "ok: $*"; }

# golden NAME: $tmp/out equals $g/NAME.out ($g: the caller's golden
# directory); REGEN=1 rewrites the file instead, for review.
golden () {
  name=$1
  if test "${REGEN:-}" = 1; then cp "$tmp/out" "$g/$name.out"; fi
  if cmp -s "$tmp/out" "$g/$name.out"; then pass "$name"; else
    fail "$name differs"; diff -u "$g/$name.out" "$tmp/out" | head -20; fi
}

# run EXPECTED-STATUS NAME COMMAND...: runs COMMAND with stdout in
# $tmp/out and stderr in $tmp/err; checks the exit status.
run () {
  want=$1 name=$2; shift 2
  set +e
  "$@" > "$tmp/out" 2> "$tmp/err"
  got=$?
  set -e
  if test "$got" -ne "$want"; then
    fail "$name: exit status $got, expected $want"
    sed 's/^/  stderr: /' "$tmp/err" | head -5
    return 1
  fi
  return 0
}

# expect_err NAME PATTERN: stderr matches the grep -E PATTERN.
expect_err () {
  if grep -Eq -- "$2" "$tmp/err"; then pass "$1"; else
    fail "$1: stderr lacks /$2/"; sed 's/^/  stderr: /' "$tmp/err" | head -5; fi
}
expect_out () {
  if grep -Eq -- "$2" "$tmp/out"; then pass "$1"; else
    fail "$1: stdout lacks /$2/"; head -5 "$tmp/out" | sed 's/^/  stdout: /'; fi
}

finish () {
  if test "$fails" -ne 0; then echo "$fails failure(s)"; exit 1; fi
  exit 0
}
