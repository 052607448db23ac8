/* summary.h: what the summary command hands its renderers (render_summary.c):
   the counted replies of the logs it read, each with its views in the
   display language, in the order they are shown.

   Ownership: a struct summary owns its tally and its rows array
   (summary_free); rows point into the tally and the catalog.  */
#ifndef RC_SUMMARY_H
#define RC_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "commands.h"
#include "tally.h"
#include "view.h"

struct summary_row
{
  const struct tally_row *t;
  const char *proto;             /* shown: the row's, or its registry's */
  struct code_view basic;        /* the basic code (reg NULL: none) */
  struct code_view enh;          /* the enhanced code (reg NULL: none) */
  unsigned outcome;              /* enum rc_outcome of the row */
  int rank;                      /* 0 permanent failures first, ... */
};

struct summary
{
  struct tally tally;
  struct summary_row *rows;      /* in the order shown */
  size_t n_rows;
  unsigned long long lines;      /* lines read, skipped ones too */
  unsigned long long with_code;  /* replies found (counted in rows and in
                                    tally.other) */
  unsigned long long binary, overlong;   /* lines skipped */
};

/* Shows S on C's output as a table (text) or one JSON object.  Returns 0
   or RC_EXIT_OUTPUT.  */
int render_summary_text (struct ctx *c, const struct summary *s);
int render_summary_json (struct ctx *c, const struct summary *s);

/* The code view that names row R best: the enhanced code when it is
   registered, else the basic code, else whichever there is.  */
const struct code_view *summary_row_view (const struct summary_row *r);

#endif
