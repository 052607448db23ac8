/* commands.h: the subcommands.  Each takes the words after the command
   name and returns an exit status of enum rc_exit.  They print through
   ctx->out and report problems on stderr with the program name.  */
#ifndef RC_COMMANDS_H
#define RC_COMMANDS_H

#include <stdbool.h>

#include "catalog.h"
#include "out.h"

enum format { FORMAT_TEXT, FORMAT_JSON };

struct ctx
{
  const struct catalog *cat;
  struct out out;
  enum format format;
  bool all;      /* --all: a code of many protocols is shown in full for
                    each, not as one line per protocol */
};

int cmd_show (struct ctx *c, int argc, char **argv);
int cmd_compare (struct ctx *c, int argc, char **argv);
int cmd_list (struct ctx *c, int argc, char **argv);
int cmd_search (struct ctx *c, int argc, char **argv);
/* explain.c */
int cmd_explain (struct ctx *c, int argc, char **argv);

#endif
