/* commands.h: the subcommands.  Each takes the words after the command
   name and returns an exit status of enum rc_exit.  They print through
   ctx->out and report problems on stderr with the program name.  */
#ifndef RC_COMMANDS_H
#define RC_COMMANDS_H

#include <stdbool.h>

#include "bounce.h"
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
  bool verbose;  /* --verbose: explain shows each line of standard input
                    that has no code */
  /* explain of a mail message on standard input (a bounce): the helper
     program reads it (bounce_parse, GMime); the lookup program, which
     does not link GMime, runs the helper on the input instead, PREFIX
     (the LEN bytes it has read) first, and returns its exit status.
     Set by cli.c; NULL where the program cannot do it.  */
  int (*read_message) (const char *buf, size_t len, struct bounce *b);
  int (*hand_over_input) (const char *prefix, size_t len);
};

/* The worse of two exit statuses.  */
static inline int
max_status (int a, int b)
{
  return a > b ? a : b;
}

int cmd_show (struct ctx *c, int argc, char **argv);
int cmd_compare (struct ctx *c, int argc, char **argv);
int cmd_list (struct ctx *c, int argc, char **argv);
/* search.c */
int cmd_search (struct ctx *c, int argc, char **argv);
/* knowncmd.c: lists producers and their known replies */
int cmd_known (struct ctx *c, int argc, char **argv);
/* explain.c */
int cmd_explain (struct ctx *c, int argc, char **argv);
/* summary.c: counts the replies of whole logs */
int cmd_summary (struct ctx *c, int argc, char **argv);

#endif
