/* out.h: the output stream of a command: colour, width and layout, and
   wrapped paragraphs.  Owns no memory; write errors are left in the FILE
   and checked once at exit (cli.c).

   Every text a renderer writes goes through the functions below, which
   make it clean for a terminal first (wrap_sanitize: no control or
   bidirectional formatting character, valid UTF-8) when it is not; a
   newline is kept and ends a line.  Clean texts, the usual case, are
   written as they are.  Only escape sequences of our own (out_begin),
   spaces and newlines are written otherwise.  */
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

/* Starts and ends style S (only when colour is on).  Can't fail.  */
void out_begin (struct out *o, enum out_style s);
void out_end (struct out *o);
/* Prints the short TEXT as it is, without wrapping or a newline.  Returns
   false when out of memory.  */
bool out_text (struct out *o, const char *text);
/* Prints TEXT wrapped to the width, every line indented by INDENT cells.
   Returns false when out of memory.  */
bool out_para (struct out *o, int indent, const char *text);
/* Prints PREFIX, then TEXT wrapped to the cells left, with every further
   line indented by the width of PREFIX (a hanging indent), and a newline
   even when TEXT is empty.  Returns false when out of memory.  */
bool out_hanging (struct out *o, const char *prefix, const char *text);
/* Prints TEXT from column COL, where the cursor stands, wrapped to the
   cells left, every further line indented by COL; then a newline (also
   for an empty TEXT).  Returns false when out of memory.  */
bool out_rest (struct out *o, int col, const char *text);
/* Prints LEFT and RIGHT wrapped side by side, each in CW cells, with GAP
   cells between them.  Returns false when out of memory.  */
bool out_columns (struct out *o, const char *left, const char *right,
                  int cw, int gap);
/* Prints N spaces.  Can't fail.  */
void out_spaces (struct out *o, int n);

#endif
