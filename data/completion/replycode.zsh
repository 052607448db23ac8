# zsh completion for replycode.  The lists above come from the catalog
# (rccompgen); this part is written by hand.

local curcontext=$curcontext state line ret=1 var
local -a subcmds
subcmds=(
  'show:look up codes'
  'compare:compare two codes'
  'list:list the codes of a protocol'
  'search:search the texts'
  'known:the known replies of real servers'
  'explain:explain reply and log lines'
  'summary:count the replies of whole logs'
  'docs:write the documentation'
  'validate:check code files'
)

_arguments -s -C \
  '(-L --lang)'{-L+,--lang=}'[language of the texts]:language:(${=_replycode_langs} all)' \
  '(-f --format)'{-f+,--format=}'[output format]:format:(text json html md man txt)' \
  '(-w --width)'{-w+,--width=}'[wrap at N columns]:columns:' \
  '--layout=[comparison layout]:layout:(auto columns stacked)' \
  '--all[show each protocol of a code in full]' \
  '--color=[when to colour]:when:(auto always never)' \
  '(-v --verbose)'{-v,--verbose}'[explain: show lines without a code too]' \
  '*--data-dir=[also read code files from DIR]:directory:_directories' \
  '--out=[docs: output directory]:directory:_directories' \
  '--protocol=[docs: only this protocol]:protocol:(${=_replycode_protocols})' \
  '--base-url=[docs: absolute URLs in sitemap.xml]:url:' \
  '(- *)--help[display help and exit]' \
  '(- *)--version[output version information and exit]' \
  '1: :->first' \
  '*:: :->rest' && ret=0

case $state in
  first)
    _describe -t commands subcommand subcmds && ret=0
    compadd -- ${=_replycode_protocols} && ret=0
    ;;
  rest)
    local cmd=$words[1] proto=
    if (( ${${=_replycode_protocols}[(Ie)$cmd]} )); then
      # replycode PROTOCOL CODE...: a lookup
      proto=$cmd
    elif (( CURRENT > 2 )); then
      proto=$words[2]
    fi
    case $cmd in
      explain|summary|validate)
        _files && ret=0 ;;
      docs)
        compadd -S '' -- --out= --lang= --format= --protocol= --base-url= && ret=0 ;;
      known)
        if (( CURRENT == 2 )); then
          compadd -- ${=_replycode_producers} ${=_replycode_protocols} && ret=0
        elif (( CURRENT == 3 )) && (( ${${=_replycode_protocols}[(Ie)$proto]} )); then
          var=_replycode_codes_${proto//-/_}
          compadd -- ${=${(P)var}} && ret=0
        fi ;;
      *)
        if (( CURRENT == 2 )) && [[ $cmd != $proto ]]; then
          compadd -- ${=_replycode_protocols} && ret=0
        elif [[ $cmd != list && $cmd != search ]] \
            && (( ${${=_replycode_protocols}[(Ie)$proto]} )); then
          var=_replycode_codes_${proto//-/_}
          compadd -- ${=${(P)var}} vs && ret=0
        fi ;;
    esac
    ;;
esac
return ret
