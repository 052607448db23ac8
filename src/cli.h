/* cli.h: the command line.  cli_main parses options (GNU getopt_long),
   sets up language and output, picks the catalog and dispatches to the
   commands (commands.c).  It is the whole program but for main().  */
#ifndef RC_CLI_H
#define RC_CLI_H

int cli_main (int argc, char **argv);

#endif
