/* out.h: the output stream of a command: colour, width and layout, and
   wrapped paragraphs.  Owns no memory; write errors are left in the FILE
   and checked once at exit (cli.c).  */
#ifndef RC_OUT_H
#define RC_OUT_H

#include <stdbool.h>
#include <stdio.h>

enum out_style
{
  STYLE_HEADER,    /* the code's header line */
  STYLE_HEADING,   /* section headings */
  STYLE_GOOD,      /* success */
  STYLE_WARN,      /* transient failure, intermediate */
  STYLE_BAD,       /* permanent failure */
  STYLE_DIM        /* notes */
};

struct out
{
  FILE *fp;
  bool color;
  int width;       /* display cells per line */
  bool columns;    /* compare: two columns */
};

void out_begin (struct out *o, enum out_style s);
void out_end (struct out *o);
/* Prints TEXT wrapped to the width, every line indented by INDENT cells.
   Returns false when out of memory.  */
bool out_para (struct out *o, int indent, const char *text);
/* Prints N spaces.  */
void out_spaces (struct out *o, int n);

#endif
