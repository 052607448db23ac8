# fish completion for replycode.  The lists above come from the catalog
# (rccompgen); this part is written by hand.

set -l subcmds show compare list search known explain summary docs validate

# the protocol named after the subcommand (or first, for a lookup)
function __replycode_protocol
    set -l tokens (commandline -opc)
    for t in $tokens[2..-1]
        switch $t
            case '-*'
                continue
        end
        if contains -- $t $_replycode_protocols
            echo $t
            return 0
        end
    end
    return 1
end

function __replycode_codes
    set -l p (__replycode_protocol); or return
    set -l v _replycode_codes_(string replace -a -- - _ $p)
    printf '%s\n' $$v
end

function __replycode_wants_codes
    __fish_seen_subcommand_from list search explain summary validate docs; and return 1
    __replycode_protocol > /dev/null
end

complete -c replycode -f
complete -c replycode -s L -l lang -x -d 'Language of the texts' -a "$_replycode_langs all"
complete -c replycode -s f -l format -x -d 'Output format' -a 'text json html md man txt'
complete -c replycode -s w -l width -x -d 'Wrap at N columns'
complete -c replycode -l layout -x -d 'Comparison layout' -a 'auto columns stacked'
complete -c replycode -l all -d 'Show each protocol of a code in full'
complete -c replycode -l color -x -d 'When to colour' -a 'auto always never'
complete -c replycode -s v -l verbose -d 'explain: show lines without a code too'
complete -c replycode -l data-dir -x -a '(__fish_complete_directories)' -d 'Also read code files from DIR'
complete -c replycode -l out -x -a '(__fish_complete_directories)' -d 'docs: output directory'
complete -c replycode -l protocol -x -a "$_replycode_protocols" -d 'docs: only this protocol'
complete -c replycode -l base-url -x -d 'docs: absolute URLs in sitemap.xml'
complete -c replycode -l help -d 'Display help and exit'
complete -c replycode -l version -d 'Output version information and exit'

complete -c replycode -n "not __fish_seen_subcommand_from $subcmds; and not __replycode_protocol >/dev/null" \
    -a "$subcmds" -d Subcommand
complete -c replycode -n "__fish_seen_subcommand_from show compare list search; and not __replycode_protocol >/dev/null" \
    -a "$_replycode_protocols" -d Protocol
complete -c replycode -n "not __fish_seen_subcommand_from $subcmds; and not __replycode_protocol >/dev/null" \
    -a "$_replycode_protocols" -d Protocol
complete -c replycode -n "__fish_seen_subcommand_from known; and not __replycode_protocol >/dev/null" \
    -a "$_replycode_producers $_replycode_protocols"
complete -c replycode -n __replycode_wants_codes -a '(__replycode_codes)' -d Code
complete -c replycode -n "__fish_seen_subcommand_from explain summary validate" -F
