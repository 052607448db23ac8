/* replyscan.c: see replyscan.h.  */
#include "system.h"

#include <string.h>

#include "replyscan.h"
#include "wrap.h"

static int
worse (int a, int b)
{
  return a > b ? a : b;
}

size_t
scan_char_floor (const char *s, size_t len, size_t k)
{
  for (int i = 0; i < 3 && k > 0 && k < len
       && ((unsigned char) s[k] & 0xC0) == 0x80; i++)
    k--;
  return k;
}

void
scan_init (struct reply_scan *s, scan_fn fn, void *arg)
{
  memset (s, 0, sizeof *s);
  s->fn = fn;
  s->arg = arg;
  dbuf_init (&s->line);
  dbuf_init (&s->text);
  dbuf_init (&s->clean);
}

void
scan_free (struct reply_scan *s)
{
  dbuf_free (&s->line);
  dbuf_free (&s->text);
  dbuf_free (&s->clean);
}

/* Appends TEXT (N bytes) to B after SEP when B is not empty.  Past MAX
   bytes, what fits is kept (whole characters only), " …" is appended,
   *CUT is set and later texts are left out.  False when out of memory.  */
static bool
add_bounded (struct dbuf *b, const char *sep, const char *text, size_t n,
             size_t max, bool *cut)
{
  size_t used = dbuf_len (b);
  size_t sep_n = used > 0 ? strlen (sep) : 0;
  size_t full = n;
  bool ok = true;

  if (*cut || n == 0)
    return true;
  if (used > max || sep_n + n > max - used)
    {
      size_t room = used < max ? max - used : 0;
      n = room > sep_n ? scan_char_floor (text, full, room - sep_n) : 0;
      *cut = true;
    }
  if (n > 0)
    ok = dbuf_addn (b, sep, sep_n) && dbuf_addn (b, text, n);
  if (*cut)
    ok = ok && dbuf_add (b, " …");
  return ok;
}

/* Appends RP's text to the pending text: after " / " for the lines of a
   multi-line reply, after a space for a continued line.  */
static bool
pend_add_text (struct reply_scan *s, const struct reply *rp)
{
  return add_bounded (&s->text, s->multi ? " / " : " ", rp->text,
                      rp->text_len, SCAN_TEXT_MAX, &s->cut);
}

/* Forgets the pending reply.  Can't fail.  */
static void
pend_clear (struct reply_scan *s)
{
  s->active = s->multi = s->grown = false;
  s->code[0] = '\0';
  s->cut = false;
  dbuf_reset (&s->line);
  dbuf_reset (&s->text);
}

/* Makes LINE (LEN bytes), parsed into RP, the pending reply.  */
static bool
pend_start (struct reply_scan *s, const char *line, size_t len,
            const struct reply *rp)
{
  pend_clear (s);
  s->active = true;
  s->multi = rp->more;
  memcpy (s->code, rp->code, sizeof s->code);
  s->rp = *rp;
  return pend_add_text (s, rp) && dbuf_addn (&s->line, line, len);
}

int
scan_flush (struct reply_scan *s)
{
  struct reply rp;
  int ret;

  if (!s->active)
    return 0;
  if (dbuf_failed (&s->line) || dbuf_failed (&s->text))
    ret = RC_EXIT_OUTPUT;      /* out of memory */
  else
    {
      if (s->grown)
        reply_parse (dbuf_str (&s->line), &rp);
      else
        rp = s->rp;
      rp.more = false;
      reply_reparse_text (&rp, dbuf_str (&s->text), dbuf_len (&s->text));
      ret = s->fn (s->arg, dbuf_str (&s->line), &rp);
    }
  pend_clear (s);
  return ret;
}

/* True when LINE, parsed into RP, continues the pending reply: a line
   without a code inside a multi-line reply, or an indented line without
   a code after a one-line reply.  */
static bool
continues (const struct reply_scan *s, const char *line,
           const struct reply *rp)
{
  if (!s->active || rp->shape != SHAPE_NONE)
    return false;
  return s->multi || line[0] == ' ' || line[0] == '\t';
}

/* Joins LINE (N bytes), which has no code, to the pending reply.  */
static int
scan_continue (struct reply_scan *s, const char *line, size_t n,
               const struct reply *rp)
{
  /* the whole line is text: trimmed, it joins the pending text */
  struct reply t = *rp;
  const char *p = line;
  while (n > 0 && (*p == ' ' || *p == '\t'))
    p++, n--;
  t.text = p;
  t.text_len = n;
  /* a continued line is shown whole, as long as it stays bounded */
  bool line_cut = dbuf_len (&s->line) > SCAN_TEXT_MAX;
  s->grown |= !s->multi;
  if (!pend_add_text (s, &t)
      || (!s->multi
          && !add_bounded (&s->line, " ", p, n, SCAN_TEXT_MAX, &line_cut)))
    return RC_EXIT_OUTPUT;
  return 0;
}

int
scan_line (struct reply_scan *s, const char *raw, size_t len)
{
  /* what is shown must be clean UTF-8 with no terminal controls; NUL
     bytes become U+FFFD like other controls, so the line stays whole */
  const char *line;
  struct reply rp;
  int ret = 0;

  dbuf_reset (&s->clean);
  if (!wrap_sanitize (&s->clean, raw, len))
    return RC_EXIT_OUTPUT;
  line = dbuf_str (&s->clean);
  len = dbuf_len (&s->clean);
  reply_parse (line, &rp);
  if (continues (s, line, &rp))
    return scan_continue (s, line, len, &rp);
  bool same = s->active && s->multi && rp.shape == SHAPE_REPLY
    && strcmp (s->code, rp.code) == 0;
  if (s->active && !same)
    ret = scan_flush (s);      /* interrupted, or not continued */
  if (ret == RC_EXIT_OUTPUT)
    return ret;
  if (same && rp.more)
    {
      /* a middle line: its text joins, the last line so far is shown */
      dbuf_reset (&s->line);
      s->rp = rp;
      if (!pend_add_text (s, &rp) || !dbuf_addn (&s->line, line, len))
        ret = RC_EXIT_OUTPUT;
    }
  else if (same)
    {
      /* the last line: handed over with the joined text */
      if (pend_add_text (s, &rp))
        {
          reply_reparse_text (&rp, dbuf_str (&s->text), dbuf_len (&s->text));
          ret = worse (ret, s->fn (s->arg, line, &rp));
        }
      else
        ret = RC_EXIT_OUTPUT;
      pend_clear (s);
    }
  else if (rp.shape != SHAPE_NONE)
    {
      if (!pend_start (s, line, len, &rp))
        ret = RC_EXIT_OUTPUT;
    }
  else
    ret = worse (ret, s->fn (s->arg, line, &rp));
  return ret;
}
