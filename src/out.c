/* out.c: see out.h.  */
#include "system.h"

#include <stdlib.h>

#include "out.h"
#include "wrap.h"

static const char *const sgr[] = {
  [STYLE_HEADER] = "\033[1m",
  [STYLE_HEADING] = "\033[1;4m",
  [STYLE_GOOD] = "\033[32m",
  [STYLE_WARN] = "\033[33m",
  [STYLE_BAD] = "\033[31m",
  [STYLE_DIM] = "\033[2m"
};

void
out_begin (struct out *o, enum out_style s)
{
  if (o->color)
    fputs (sgr[s], o->fp);
}

void
out_end (struct out *o)
{
  if (o->color)
    fputs ("\033[0m", o->fp);
}

void
out_spaces (struct out *o, int n)
{
  for (; n > 0; n--)
    putc (' ', o->fp);
}

bool
out_para (struct out *o, int indent, const char *text)
{
  struct wrap_line *lines;
  size_t n = wrap_text (text, o->width - indent, &lines);

  if (n == (size_t) -1)
    return false;
  for (size_t i = 0; i < n; i++)
    {
      out_spaces (o, indent);
      fwrite (text + lines[i].off, 1, lines[i].len, o->fp);
      putc ('\n', o->fp);
    }
  free (lines);
  return true;
}
