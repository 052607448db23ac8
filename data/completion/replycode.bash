# bash completion for replycode.  The lists above come from the catalog
# (rccompgen); this part is written by hand.

_replycode_subcommands='show compare list search known explain summary docs validate'

_replycode()
{
    local cur prev words cword i w cmd='' proto='' nargs=0
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()
    # "--lang=k": bash splits the word at "=" (COMP_WORDBREAKS)
    if [[ $cur == = ]]; then
        cur=''
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    fi

    # an option's value
    case $prev in
        -L|--lang) COMPREPLY=($(compgen -W "$_replycode_langs all" -- "$cur")); return ;;
        -f|--format) COMPREPLY=($(compgen -W 'text json html md man txt' -- "$cur")); return ;;
        --layout) COMPREPLY=($(compgen -W 'auto columns stacked' -- "$cur")); return ;;
        --color|--colour) COMPREPLY=($(compgen -W 'auto always never' -- "$cur")); return ;;
        --protocol) COMPREPLY=($(compgen -W "$_replycode_protocols" -- "$cur")); return ;;
        --data-dir|--out) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -w|--width|--base-url) return ;;
    esac
    case $cur in
        --*=*) return ;;
        -*)
            COMPREPLY=($(compgen -W '--lang= --format= --width= --layout=
                --all --color= --verbose --data-dir= --out= --protocol=
                --base-url= --help --version' -- "$cur"))
            [[ ${COMPREPLY-} == *= ]] && compopt -o nospace 2>/dev/null
            return ;;
    esac

    # the subcommand, the protocol and the operands before the cursor
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        if [[ ${COMP_WORDS[i+1]-} == = ]]; then
            ((i += 2)); continue        # --option=value
        fi
        case $w in
            -L|-f|-w|--lang|--format|--width|--layout|--color|--colour|--protocol|--data-dir|--out|--base-url)
                ((i++)); continue ;;
            -*) continue ;;
        esac
        if [[ -z $cmd ]]; then
            case " $_replycode_subcommands " in
                *" $w "*) cmd=$w; continue ;;
            esac
            cmd=show
        fi
        nargs=$((nargs + 1))
        if ((nargs == 1)) && [[ " $_replycode_protocols " == *" $w "* ]]; then
            proto=$w
        fi
    done

    case $cmd in
        '')
            COMPREPLY=($(compgen -W "$_replycode_subcommands $_replycode_protocols" -- "$cur")) ;;
        show|compare|list|search)
            if [[ -n $proto ]]; then
                [[ $cmd == list || $cmd == search ]] && return
                w=_replycode_codes_${proto//-/_}
                COMPREPLY=($(compgen -W "${!w} vs" -- "$cur"))
            elif ((nargs == 0)); then
                COMPREPLY=($(compgen -W "$_replycode_protocols" -- "$cur"))
            fi ;;
        known)
            if ((nargs == 0)); then
                COMPREPLY=($(compgen -W "$_replycode_producers $_replycode_protocols" -- "$cur"))
            elif [[ -n $proto ]] && ((nargs == 1)); then
                w=_replycode_codes_${proto//-/_}
                COMPREPLY=($(compgen -W "${!w}" -- "$cur"))
            fi ;;
        explain|summary|validate)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur")) ;;
        docs)
            COMPREPLY=($(compgen -W '--out= --lang= --format= --protocol= --base-url=' -- "$cur"))
            compopt -o nospace 2>/dev/null ;;
    esac
}
complete -F _replycode replycode
