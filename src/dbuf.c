/* dbuf.c: see dbuf.h.  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbuf.h"

void
dbuf_init (struct dbuf *b)
{
  b->p = NULL;
  b->len = b->cap = 0;
  b->failed = false;
}

void
dbuf_free (struct dbuf *b)
{
  free (b->p);
  dbuf_init (b);
}

void
dbuf_reset (struct dbuf *b)
{
  b->len = 0;
  b->failed = false;
  if (b->p)
    b->p[0] = '\0';
}

static bool
fail (struct dbuf *b)
{
  free (b->p);
  b->p = NULL;
  b->len = b->cap = 0;
  b->failed = true;
  return false;
}

/* Makes room for N more bytes and the NUL.  */
static bool
grow (struct dbuf *b, size_t n)
{
  size_t need, cap;
  char *p;
  if (b->failed)
    return false;
  if (n > DBUF_MAX - b->len)
    return fail (b);
  need = b->len + n + 1;
  if (need <= b->cap)
    return true;
  cap = b->cap ? b->cap : 64;
  while (cap < need)
    cap *= 2;
  p = realloc (b->p, cap);
  if (!p)
    return fail (b);
  b->p = p;
  b->cap = cap;
  return true;
}

bool
dbuf_addn (struct dbuf *b, const char *s, size_t n)
{
  if (!grow (b, n))
    return false;
  if (n)
    memcpy (b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
  return true;
}

bool
dbuf_add (struct dbuf *b, const char *s)
{
  return dbuf_addn (b, s, strlen (s));
}

bool
dbuf_vprintf (struct dbuf *b, const char *fmt, va_list ap)
{
  va_list aq;
  int n;
  if (b->failed)
    return false;
  va_copy (aq, ap);
  n = vsnprintf (NULL, 0, fmt, aq);
  va_end (aq);
  if (n < 0 || !grow (b, (size_t) n))
    return n < 0 ? fail (b) : false;
  vsnprintf (b->p + b->len, (size_t) n + 1, fmt, ap);
  b->len += (size_t) n;
  return true;
}

bool
dbuf_printf (struct dbuf *b, const char *fmt, ...)
{
  va_list ap;
  bool ok;
  va_start (ap, fmt);
  ok = dbuf_vprintf (b, fmt, ap);
  va_end (ap);
  return ok;
}

const char *
dbuf_str (const struct dbuf *b)
{
  return b->p && !b->failed ? b->p : "";
}

size_t
dbuf_len (const struct dbuf *b)
{
  return b->failed ? 0 : b->len;
}

bool
dbuf_failed (const struct dbuf *b)
{
  return b->failed;
}

char *
dbuf_take (struct dbuf *b)
{
  char *p;
  if (b->failed)
    {
      dbuf_init (b);
      return NULL;
    }
  p = b->p ? b->p : strdup ("");
  dbuf_init (b);
  return p;
}
