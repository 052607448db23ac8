#!/bin/sh
# Shell completions: the bash function offers subcommands, options and
# their values, protocols, the codes of the chosen protocol and files;
# zsh and fish load theirs without error (skipped when not installed).
# COMPLETION_DIR names a directory holding installed completions
# (installcheck); the default is the build tree's.
. "${RC_SRCDIR:?}/tests/lib.sh"
dir=${COMPLETION_DIR:-${RC_BUILDDIR:?}/completion}
bashfile=$dir/replycode.bash
test -f "$bashfile" || bashfile=$dir/replycode
zshfile=$dir/_replycode
fishfile=$dir/replycode.fish

# offers WORD...: what the bash completion offers for the command line
# WORD... (the last word is the one being completed), one per line
offers () {
  bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
    _replycode; printf "%s\n" "${COMPREPLY[@]}"' sh "$bashfile" "$@"
}
# expect NAME WANT... -- WORD...: every WANT is offered
expect () {
  name=$1; shift
  wants=
  while test "$1" != "--"; do wants="$wants $1"; shift; done
  shift
  offers "$@" > "$tmp/offers" 2> "$tmp/err" || :
  for w in $wants; do
    grep -qx -- "$w" "$tmp/offers" || { fail "$name: '$w' not offered"; head "$tmp/offers"; return; }
  done
  pass "$name"
}
# refuse NAME UNWANTED... -- WORD...: none is offered
refuse () {
  name=$1; shift
  nots=
  while test "$1" != "--"; do nots="$nots $1"; shift; done
  shift
  offers "$@" > "$tmp/offers" 2> /dev/null || :
  for w in $nots; do
    grep -qx -- "$w" "$tmp/offers" && { fail "$name: '$w' offered"; return; }
  done
  pass "$name"
}

if ! command -v bash > /dev/null; then
  pass "bash missing: skipped"
else
  expect "subcommands" show summary -- replycode s
  refuse "subcommands start with the word" compare -- replycode s
  expect "protocols first" smtp http -- replycode ''
  expect "protocols after show" smtp ftp dns-ede nginx -- replycode show ''
  expect "codes of smtp" 500 550 556 -- replycode show smtp 5
  refuse "only codes of smtp, only 5xx" 220 227 404 -- replycode show smtp 5
  expect "codes of ftp" 227 -- replycode ftp 22
  expect "enhanced codes" 5.7.1 5.7.26 -- replycode show smtp-enhanced 5.7
  expect "transient enhanced codes" 4.7.1 -- replycode show smtp-enhanced 4.7
  expect "codes after options" 550 -- replycode --lang ko show smtp 55
  expect "languages" en ko ja zh_CN all -- replycode --lang ''
  expect "languages after =" ko -- replycode --lang = k
  expect "formats" text json -- replycode -f ''
  expect "layouts" auto columns stacked -- replycode --layout ''
  expect "colours" auto always never -- replycode --color ''
  expect "options" --lang= --verbose --help -- replycode --
  expect "producers and protocols" gmail postfix smtp -- replycode known ''
  expect "codes of a known protocol" 5.7.26 -- replycode known smtp-enhanced 5.7.2
  expect "docs options" --out= --lang= -- replycode docs --
  mkdir -p "$tmp/logs" && : > "$tmp/logs/mail.log"
  expect "files for summary" "$tmp/logs/mail.log" -- replycode summary "$tmp/logs/m"
  expect "directories for --data-dir" "$tmp/logs" -- replycode --data-dir "$tmp/lo"
fi

if command -v zsh > /dev/null; then
  # compinit finds _replycode on fpath; autoload +X reads it (a syntax
  # error shows here) without running it outside completion
  if zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit && compinit -u -D &&
      autoload -Uz +X _replycode && (( $+functions[_replycode] )) &&
      [[ $_comps[replycode] == _replycode ]]' sh "$dir" > "$tmp/zsh" 2>&1 \
      && ! test -s "$tmp/zsh"; then
    pass "zsh loads _replycode"
  else fail "zsh"; cat "$tmp/zsh"; fi
  zsh -n "$zshfile" && pass "zsh -n" || fail "zsh -n"
else
  pass "zsh missing: skipped"
fi
if command -v fish > /dev/null; then
  fish -n "$fishfile" && pass "fish -n" || fail "fish -n"
  if fish -c "source '$fishfile'; complete -C 'replycode show smtp 55'" > "$tmp/fish" 2>&1 \
      && grep -q '^550' "$tmp/fish"; then pass "fish offers codes"
  else fail "fish"; head "$tmp/fish"; fi
else
  pass "fish missing: skipped"
fi
finish
