/* out.c: see out.h.  */
#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "dbuf.h"
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

/* TEXT made clean for a terminal: TEXT itself when it already is (the
   fast path), else a sanitized copy in B, newlines kept.  NULL when out
   of memory.  */
static const char *
clean (struct dbuf *b, const char *text)
{
  if (wrap_is_clean (text, strlen (text)))
    return text;
  for (const char *s = text;;)
    {
      size_t n = strcspn (s, "\n");
      if (!wrap_sanitize (b, s, n))
        return NULL;
      if (!s[n])
        break;
      if (!dbuf_addn (b, "\n", 1))
        return NULL;
      s += n + 1;
    }
  return dbuf_str (b);
}

bool
out_text (struct out *o, const char *text)
{
  struct dbuf b = DBUF_INIT;
  const char *s = clean (&b, text);
  if (s)
    fputs (s, o->fp);
  dbuf_free (&b);
  return s != NULL;
}

bool
out_para (struct out *o, int indent, const char *text)
{
  struct dbuf b = DBUF_INIT;
  struct wrap_line *lines = NULL;
  const char *s = clean (&b, text);
  size_t n = s ? wrap_text (s, o->width - indent, &lines) : (size_t) -1;

  for (size_t i = 0; n != (size_t) -1 && i < n; i++)
    {
      out_spaces (o, indent);
      fwrite (s + lines[i].off, 1, lines[i].len, o->fp);
      putc ('\n', o->fp);
    }
  free (lines);
  dbuf_free (&b);
  return n != (size_t) -1;
}

bool
out_rest (struct out *o, int col, const char *text)
{
  struct dbuf bt = DBUF_INIT;
  struct wrap_line *l = NULL;
  const char *s = clean (&bt, text);
  size_t n = s ? wrap_text (s, o->width - col, &l) : (size_t) -1;

  for (size_t i = 0; n != (size_t) -1 && i < n; i++)
    {
      if (i > 0)
        out_spaces (o, col);
      fwrite (s + l[i].off, 1, l[i].len, o->fp);
      putc ('\n', o->fp);
    }
  if (n == 0)
    putc ('\n', o->fp);
  free (l);
  dbuf_free (&bt);
  return n != (size_t) -1;
}

bool
out_hanging (struct out *o, const char *prefix, const char *text)
{
  struct dbuf bp = DBUF_INIT;
  const char *p = clean (&bp, prefix);
  bool ok = p != NULL;

  if (ok)
    {
      fputs (p, o->fp);
      ok = out_rest (o, wrap_width (p), text);
    }
  dbuf_free (&bp);
  return ok;
}

bool
out_columns (struct out *o, const char *left, const char *right, int cw,
             int gap)
{
  struct dbuf bl = DBUF_INIT, br = DBUF_INIT;
  struct wrap_line *l = NULL, *r = NULL;
  const char *ls = clean (&bl, left), *rs = clean (&br, right);
  size_t nl = ls ? wrap_text (ls, cw, &l) : (size_t) -1;
  size_t nr = rs ? wrap_text (rs, cw, &r) : (size_t) -1;
  bool ok = nl != (size_t) -1 && nr != (size_t) -1;

  for (size_t i = 0; ok && (i < nl || i < nr); i++)
    {
      int used = 0;
      if (i < nl)
        {
          fwrite (ls + l[i].off, 1, l[i].len, o->fp);
          used = l[i].cols;
        }
      if (i < nr)
        {
          out_spaces (o, cw - used + gap);
          fwrite (rs + r[i].off, 1, r[i].len, o->fp);
        }
      putc ('\n', o->fp);
    }
  free (l);
  free (r);
  dbuf_free (&bl);
  dbuf_free (&br);
  return ok;
}
