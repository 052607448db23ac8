/* help.c: the --help text (see help.h).  It lives in the library, not in
   the command line, because the docs generator prints it into the
   replycode(1) man page.  */
#include "system.h"

#include <stdio.h>

#include "help.h"

void
rc_help (FILE *out)
{
  fprintf (out, _("Usage: %s [OPTION]... CODE...\n"
            "  or:  %s [OPTION]... show [PROTOCOL] CODE...\n"
            "  or:  %s [OPTION]... compare [PROTOCOL] CODE1 CODE2\n"
            "  or:  %s [OPTION]... CODE1 vs CODE2\n"
            "  or:  %s [OPTION]... list [PROTOCOL]\n"
            "  or:  %s [OPTION]... search [PROTOCOL] WORD...\n"
            "  or:  %s [OPTION]... known [PRODUCER [ID] | PROTOCOL CODE]\n"
            "  or:  %s [OPTION]... explain [LINE... | -]\n"
            "  or:  %s [OPTION]... summary [FILE...]\n"
            "  or:  %s [OPTION]... validate FILE...\n"
            "  or:  %s [OPTION]... docs --out DIR [--lang LIST|all] "
            "[--format LIST]\n"),
          PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE, PACKAGE,
          PACKAGE, PACKAGE, PACKAGE, PACKAGE);
  /* TRANSLATORS: --help output 2: what the program does.  no-wrap */
  fputs (_("Explain protocol reply codes (SMTP and more): what a code means,\n"
           "when you see it and how to fix it; compare two codes side by side.\n"
           "\n"), out);
  /* TRANSLATORS: --help output 3: codes.  no-wrap */
  fputs (_("A CODE is 220, 5.7.1 (enhanced), smtp:550 (with its protocol), "
           "5xx (a class),\na word such as TRYCREATE or SYS/TEMP, or a DNS "
           "number or mnemonic such as 3\nor NXDOMAIN (any case).\n\n"), out);
  /* TRANSLATORS: --help output 4: options.  no-wrap */
  fputs (_("Options:\n"
           "  -L, --lang=LANG        show texts in LANG (en, ko, ...); "
           "default from the\n"
           "                         environment (LANGUAGE, LC_ALL, "
           "LC_MESSAGES, LANG)\n"
           "  -f, --format=FORMAT    text (default) or json; docs: "
           "html,md,man,txt\n"
           "  -w, --width=N          wrap text at N columns\n"
           "      --layout=LAYOUT    compare: auto, columns or stacked\n"
           "      --all              a code that more than two protocols "
           "define: show each\n"
           "                         in full, not one line per protocol\n"
           "      --color=WHEN       auto (default), always or never; "
           "NO_COLOR is honoured\n"
           "  -v, --verbose          explain: also show each line of "
           "standard input that\n"
           "                         has no reply code\n"
           "      --data-dir=DIR     also read code files from DIR "
           "(repeatable)\n"
           "      --out=DIR          docs: write the documentation into DIR\n"
           "      --protocol=PROTO   docs: only this protocol\n"
           "      --base-url=URL     docs: absolute URLs in sitemap.xml\n"
           "      --help             display this help and exit\n"
           "      --version          output version information and exit\n"
           "\n"), out);
  /* TRANSLATORS: --help output 5: exit status.  no-wrap */
  fputs (_("Exit status: 0 all codes found, 1 some code not found, 2 usage "
           "error\n(summary: some input could not be read), 3 data file "
           "error, 4 output error.\n\n"), out);
  /* TRANSLATORS: --help output 6: bug address; %s is an address.  */
  fprintf (out, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}
