/* bounce.c: see bounce.h.  The only module that sees GMime.  */
#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gmime/gmime.h>

#include "bounce.h"
#include "dbuf.h"
#include "replyparse.h"

/* How far after a recipient's address its diagnostic is looked for, in
   lines.  */
#define SEARCH_LINES 40

static char *
dup_n (const char *s, size_t n)
{
  char *r = malloc (n + 1);
  if (r)
    {
      memcpy (r, s, n);
      r[n] = '\0';
    }
  return r;
}

static bool
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static char
lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

/* S[0..N) without white space at either end, copied; NULL for an empty
   result or when out of memory (*OOM set).  */
static char *
trimmed (const char *s, size_t n, bool *oom)
{
  while (n > 0 && is_space (*s))
    s++, n--;
  while (n > 0 && is_space (s[n - 1]))
    n--;
  if (n == 0)
    return NULL;
  char *r = dup_n (s, n);
  if (!r)
    *oom = true;
  return r;
}

/* ---- the recipients ---- */

static bool
same_address (const char *a, const char *b)
{
  for (; *a && *b; a++, b++)
    if (lower (*a) != lower (*b))
      return false;
  return *a == *b;
}

/* The recipient ADDR of B, added when new.  NULL when out of memory or
   when B is full.  */
static struct bounce_rcpt *
rcpt_for (struct bounce *b, const char *addr, bool *oom)
{
  for (size_t i = 0; i < b->n; i++)
    if (same_address (b->rcpt[i].recipient, addr))
      return &b->rcpt[i];
  if (b->n >= BOUNCE_MAX_RCPTS)
    return NULL;
  struct bounce_rcpt *r = realloc (b->rcpt, (b->n + 1) * sizeof *r);
  if (!r)
    {
      *oom = true;
      return NULL;
    }
  b->rcpt = r;
  r = &b->rcpt[b->n];
  memset (r, 0, sizeof *r);
  if (!(r->recipient = strdup (addr)))
    {
      *oom = true;
      return NULL;
    }
  b->n++;
  return r;
}

/* Sets *FIELD to a copy of S[0..N) (trimmed) unless it is already set.  */
static void
fill (char **field, const char *s, size_t n, bool *oom)
{
  if (!*field && s)
    *field = trimmed (s, n, oom);
}

/* ---- addresses in text ---- */

static bool
is_addr_char (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
    || (c >= '0' && c <= '9') || (c && strchr ("!#$%&'*+-/=?^_`{|}~.", c))
    || (unsigned char) c >= 0x80;
}

/* Finds an address in S[0..N): local@domain with a dot in the domain.
   Stores its start and length.  */
static bool
find_address (const char *s, size_t n, size_t *at, size_t *len)
{
  for (size_t i = 0; i < n; i++)
    if (s[i] == '@' && i > 0 && i + 1 < n && is_addr_char (s[i - 1])
        && is_addr_char (s[i + 1]))
      {
        size_t a = i, e = i + 1;
        bool dot = false;
        while (a > 0 && is_addr_char (s[a - 1]))
          a--;
        while (e < n && is_addr_char (s[e]))
          dot |= s[e++] == '.';
        while (e > i + 1 && s[e - 1] == '.')
          e--;
        if (dot && a < i)
          {
            *at = a;
            *len = e - a;
            return true;
          }
      }
  return false;
}

/* ---- text as lines ---- */

struct lines
{
  const char **s;
  size_t *len;
  size_t n;
};

static bool
split_lines (const char *text, size_t size, struct lines *l)
{
  size_t cap = 0;
  memset (l, 0, sizeof *l);
  for (size_t i = 0; i <= size;)
    {
      size_t e = i;
      while (e < size && text[e] != '\n')
        e++;
      if (l->n == cap)
        {
          size_t nc = cap ? 2 * cap : 256;
          const char **s = realloc (l->s, nc * sizeof *s);
          size_t *len = s ? realloc (l->len, nc * sizeof *len) : NULL;
          if (s)
            l->s = s;
          if (!s || !len)
            return false;
          l->len = len;
          cap = nc;
        }
      size_t k = e - i;
      while (k > 0 && text[i + k - 1] == '\r')
        k--;
      l->s[l->n] = text + i;
      l->len[l->n++] = k;
      i = e + 1;
    }
  return true;
}

static void
lines_free (struct lines *l)
{
  free (l->s);
  free (l->len);
}

static bool
blank (const struct lines *l, size_t i)
{
  for (size_t k = 0; k < l->len[i]; k++)
    if (!is_space (l->s[i][k]))
      return false;
  return true;
}

static bool
indented (const struct lines *l, size_t i)
{
  return l->len[i] > 0 && (l->s[i][0] == ' ' || l->s[i][0] == '\t');
}

/* True when line I, a NUL-terminated copy, has a reply code.  */
static bool
has_code (const struct lines *l, size_t i, bool *oom)
{
  struct reply rp;
  char *c = dup_n (l->s[i], l->len[i]);
  bool hit;
  if (!c)
    {
      *oom = true;
      return false;
    }
  hit = reply_parse (c, &rp) && (rp.code[0] || rp.enhanced[0]);
  free (c);
  return hit;
}

/* Line I as a recipient line: the address alone ("user@example.com",
   "<user@example.com>", "<user@example.com>:") or Postfix's
   "<user@example.com>: host ... said: ...".  Stores the address and,
   for the latter, where the rest of the line starts.  */
static bool
rcpt_line (const struct lines *l, size_t i, size_t *at, size_t *len,
           size_t *rest)
{
  const char *s = l->s[i];
  size_t n = l->len[i], k = 0;

  while (k < n && is_space (s[k]))
    k++;
  if (!find_address (s, n, at, len))
    return false;
  size_t e = *at + *len;
  bool angle = *at > 0 && s[*at - 1] == '<';
  if (*at != k + angle)
    return false;
  if (angle && (e >= n || s[e] != '>'))
    return false;
  e += angle;
  if (e < n && s[e] == ':')
    {
      e++;
      /* Postfix: "<a@b>: text"; OpenSMTPD: "a@b: text"; at the start of
         the line */
      size_t t = e;
      while (t < n && is_space (s[t]))
        t++;
      if (k == 0 && t > e && t < n)
        {
          *rest = t;
          return true;
        }
    }
  while (e < n && is_space (s[e]))
    e++;
  *rest = e;
  return e == n;
}

/* The remote host a diagnostic names: "host mx.example.com[192.0.2.1]"
   (Postfix) or "host mx.example.com [192.0.2.1]" (Exim).  */
static void
remote_from (const char *d, struct bounce_rcpt *r, bool *oom)
{
  const char *h = d ? strstr (d, "host ") : NULL;
  if (!h || r->remote)
    return;
  h += 5;
  size_t n = 0;
  while (h[n] && !is_space (h[n]) && h[n] != '[' && h[n] != ':')
    n++;
  if (n > 0 && memchr (h, '.', n))
    fill (&r->remote, h, n, oom);
}

/* The reply whose first line is line HIT, with its continuation:
   indented lines, or the further lines of a multi-line reply
   ("550-5.1.1 ..."), up to a blank line.  */
static char *
code_block (const struct lines *l, size_t hit, bool *oom)
{
  struct dbuf d = DBUF_INIT;
  size_t at, len, r2;
  char *out = NULL;
  bool ok = dbuf_addn (&d, l->s[hit], l->len[hit]);
  bool multi = l->len[hit] > 3 && l->s[hit][3] == '-';

  for (size_t i = hit + 1; ok && i < l->n && !blank (l, i); i++)
    {
      bool cont = indented (l, i) && !rcpt_line (l, i, &at, &len, &r2);
      if (multi)
        cont = l->len[i] > 3 && memcmp (l->s[i], l->s[hit], 3) == 0;
      if (!cont)
        break;
      ok = dbuf_add (&d, " ") && dbuf_addn (&d, l->s[i], l->len[i]);
      if (multi && l->s[i][3] == ' ')
        break;
    }
  if (!ok)
    *oom = true;
  out = ok ? trimmed (dbuf_str (&d), dbuf_len (&d), oom) : NULL;
  dbuf_free (&d);
  return out;
}

/* The diagnostic of the recipient whose line is FROM: with REST inside
   the line, the rest of it and its indented continuation (Postfix);
   otherwise the first reply with a code within SEARCH_LINES lines, up to
   the next recipient line.  NULL when there is none.  */
static char *
diagnostic_after (const struct lines *l, size_t from, size_t rest,
                  bool *oom)
{
  size_t end = from + SEARCH_LINES < l->n ? from + SEARCH_LINES : l->n;
  size_t at, len, r2;

  if (rest < l->len[from])
    {
      struct dbuf d = DBUF_INIT;
      char *out = NULL;
      bool ok = dbuf_addn (&d, l->s[from] + rest, l->len[from] - rest);
      for (size_t i = from + 1; ok && i < l->n && indented (l, i)
           && !blank (l, i); i++)
        ok = dbuf_add (&d, " ") && dbuf_addn (&d, l->s[i], l->len[i]);
      if (!ok)
        *oom = true;
      out = ok ? trimmed (dbuf_str (&d), dbuf_len (&d), oom) : NULL;
      dbuf_free (&d);
      return out;
    }
  for (size_t i = from + 1; i < end && !*oom; i++)
    {
      if (rcpt_line (l, i, &at, &len, &r2))
        break;
      if (has_code (l, i, oom))
        return code_block (l, i, oom);
    }
  return NULL;
}

/* Reads the failed recipients of a human-readable bounce text; with
   ONLY_KNOWN, only fills in the recipients B already has.  */
static void
read_text (struct bounce *b, const char *text, size_t size, bool only_known,
           bool *oom)
{
  struct lines l;
  size_t at, len, rest;

  if (!split_lines (text, size, &l))
    {
      *oom = true;
      lines_free (&l);
      return;
    }
  for (size_t i = 0; i < l.n && !*oom; i++)
    {
      if (!rcpt_line (&l, i, &at, &len, &rest))
        continue;
      char *addr = dup_n (l.s[i] + at, len);
      char *diag = addr ? diagnostic_after (&l, i, rest, oom) : NULL;
      struct bounce_rcpt *r = NULL;
      for (size_t k = 0; addr && only_known && k < b->n && !r; k++)
        if (same_address (b->rcpt[k].recipient, addr))
          r = &b->rcpt[k];
      if (!only_known && addr && diag)
        r = rcpt_for (b, addr, oom);
      if (!addr)
        *oom = true;
      if (r && !r->diagnostic)
        {
          r->diagnostic = diag;
          diag = NULL;
        }
      if (r)
        remote_from (r->diagnostic, r, oom);
      free (addr);
      free (diag);
    }
  lines_free (&l);
}

/* ---- delivery-status (RFC 3464) ---- */

/* The value of field NAME in the unfolded group G, or NULL: "rfc822;
   user@example.com" gives "user@example.com" (after the type).  */
static const char *
dsn_field (char *const *g, size_t n, const char *name, bool after_type)
{
  size_t k = strlen (name);
  for (size_t i = 0; i < n; i++)
    if (strncasecmp (g[i], name, k) == 0 && g[i][k] == ':')
      {
        const char *v = g[i] + k + 1;
        const char *semi = after_type ? strchr (v, ';') : NULL;
        if (semi)
          v = semi + 1;
        while (is_space (*v))
          v++;
        return v;
      }
  return NULL;
}

static void
dsn_group (struct bounce *b, char *const *g, size_t n, bool *oom)
{
  const char *rc = dsn_field (g, n, "Final-Recipient", true);
  const char *action = dsn_field (g, n, "Action", false);
  if (!rc)
    rc = dsn_field (g, n, "Original-Recipient", true);
  if (!rc || !*rc)
    return;
  /* delivered, relayed and expanded recipients did not fail */
  if (action && (strncasecmp (action, "delivered", 9) == 0
                 || strncasecmp (action, "relayed", 7) == 0
                 || strncasecmp (action, "expanded", 8) == 0))
    return;
  size_t at, len;
  char *addr = find_address (rc, strlen (rc), &at, &len)
    ? dup_n (rc + at, len) : strdup (rc);
  struct bounce_rcpt *r = addr ? rcpt_for (b, addr, oom) : NULL;
  if (!addr)
    *oom = true;
  free (addr);
  if (!r)
    return;
  const char *st = dsn_field (g, n, "Status", false);
  const char *rm = dsn_field (g, n, "Remote-MTA", true);
  const char *dg = dsn_field (g, n, "Diagnostic-Code", true);
  size_t sl = 0;
  while (st && st[sl] && !is_space (st[sl]) && st[sl] != '(')
    sl++;
  fill (&r->action, action, action ? strlen (action) : 0, oom);
  fill (&r->status, st, sl, oom);
  fill (&r->remote, rm, rm ? strcspn (rm, " ;") : 0, oom);
  fill (&r->diagnostic, dg, dg ? strlen (dg) : 0, oom);
}

/* Reads the per-recipient groups of a delivery-status body.  */
static void
read_dsn (struct bounce *b, const char *text, size_t size, bool *oom)
{
  struct lines l;
  char **g = NULL;
  size_t n = 0;

  if (!split_lines (text, size, &l))
    {
      *oom = true;
      lines_free (&l);
      return;
    }
  g = calloc (l.n + 1, sizeof *g);
  if (!g)
    *oom = true;
  for (size_t i = 0; g && i <= l.n && !*oom; i++)
    {
      if (i == l.n || blank (&l, i))
        {
          dsn_group (b, g, n, oom);
          for (size_t k = 0; k < n; k++)
            free (g[k]);
          n = 0;
          continue;
        }
      if (indented (&l, i) && n > 0)
        {
          /* a folded line: unfolded with one space */
          char *t = trimmed (l.s[i], l.len[i], oom);
          size_t a = strlen (g[n - 1]), c = t ? strlen (t) : 0;
          char *j = t ? realloc (g[n - 1], a + c + 2) : NULL;
          if (j)
            {
              j[a] = ' ';
              memcpy (j + a + 1, t, c + 1);
              g[n - 1] = j;
            }
          else if (t)
            *oom = true;
          free (t);
          continue;
        }
      if (!(g[n] = dup_n (l.s[i], l.len[i])))
        *oom = true;
      else
        n++;
    }
  for (size_t k = 0; g && k < n; k++)
    free (g[k]);
  free (g);
  lines_free (&l);
}

/* ---- the message ---- */

struct walk
{
  struct bounce *b;
  struct dbuf text;     /* the human-readable parts, in order */
  bool oom;
};

/* The decoded content of part P, as bytes, appended to OUT.  */
static bool
part_bytes (GMimePart *p, struct dbuf *out)
{
  GMimeDataWrapper *w = g_mime_part_get_content (p);
  GMimeStream *mem;
  GByteArray *arr;
  bool ok;

  if (!w)
    return true;
  mem = g_mime_stream_mem_new ();
  if (g_mime_data_wrapper_write_to_stream (w, mem) < 0)
    {
      g_object_unref (mem);
      return true;     /* undecodable: nothing to read */
    }
  arr = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
  ok = dbuf_addn (out, (const char *) arr->data, arr->len);
  g_object_unref (mem);
  return ok;
}

static void
visit (GMimeObject *parent, GMimeObject *part, gpointer data)
{
  struct walk *w = data;
  GMimeContentType *ct = g_mime_object_get_content_type (part);

  (void) parent;
  if (w->oom || !GMIME_IS_PART (part) || !ct)
    return;
  if (g_mime_content_type_is_type (ct, "message", "delivery-status")
      || g_mime_content_type_is_type (ct, "message",
                                      "global-delivery-status"))
    {
      struct dbuf d = DBUF_INIT;
      if (!part_bytes (GMIME_PART (part), &d))
        w->oom = true;
      else
        read_dsn (w->b, dbuf_str (&d), dbuf_len (&d), &w->oom);
      w->b->dsn = 1;
      dbuf_free (&d);
    }
  else if (GMIME_IS_TEXT_PART (part)
           && g_mime_content_type_is_type (ct, "text", "plain"))
    {
      char *t = g_mime_text_part_get_text (GMIME_TEXT_PART (part));
      if (t && !(dbuf_add (&w->text, t) && dbuf_add (&w->text, "\n")))
        w->oom = true;
      g_free (t);
    }
}

/* The recipients of the X-Failed-Recipients header (Exim, Gmail), each
   with the first diagnostic of the text.  */
static void
failed_header (struct bounce *b, GMimeMessage *msg, const char *text,
               bool *oom)
{
  const char *h = g_mime_object_get_header (GMIME_OBJECT (msg),
                                            "X-Failed-Recipients");
  struct lines l;
  char *diag = NULL;
  size_t at, len;

  if (!h)
    return;
  if (!split_lines (text, strlen (text), &l))
    *oom = true;
  for (size_t i = 0; !*oom && i < l.n && !diag; i++)
    if (has_code (&l, i, oom))
      diag = code_block (&l, i, oom);
  for (const char *p = h; !*oom && find_address (p, strlen (p), &at, &len);
       p += at + len)
    {
      char *addr = dup_n (p + at, len);
      struct bounce_rcpt *r = addr ? rcpt_for (b, addr, oom) : NULL;
      if (!addr)
        *oom = true;
      if (r && diag && !r->diagnostic && !(r->diagnostic = strdup (diag)))
        *oom = true;
      free (addr);
    }
  free (diag);
  lines_free (&l);
}

/* The last resort of a text that names its recipient only in a sentence
   ("There was an error delivering your mail to <a@b.example>."): the
   first address in angle brackets before the first reply with a code,
   with that reply.  */
static void
sentence_rcpt (struct bounce *b, const char *text, bool *oom)
{
  struct lines l;
  char *addr = NULL;
  size_t at, len;

  if (!split_lines (text, strlen (text), &l))
    *oom = true;
  for (size_t i = 0; !*oom && i < l.n; i++)
    {
      if (has_code (&l, i, oom))
        {
          char *diag = addr ? code_block (&l, i, oom) : NULL;
          struct bounce_rcpt *r = diag ? rcpt_for (b, addr, oom) : NULL;
          if (r && !r->diagnostic)
            {
              r->diagnostic = diag;
              diag = NULL;
            }
          free (diag);
          break;
        }
      if (!addr && find_address (l.s[i], l.len[i], &at, &len) && at > 0
          && l.s[i][at - 1] == '<' && at + len < l.len[i]
          && l.s[i][at + len] == '>' && !(addr = dup_n (l.s[i] + at, len)))
        *oom = true;
    }
  free (addr);
  lines_free (&l);
}

int
bounce_parse (const char *buf, size_t len, struct bounce *b)
{
  struct walk w = { .b = b, .text = DBUF_INIT };
  GMimeStream *st;
  GMimeParser *ps;
  GMimeMessage *msg;
  size_t skip = 0;

  memset (b, 0, sizeof *b);
  if (len > BOUNCE_MAX_MESSAGE)
    return -1;
  /* an mbox "From " line is not a header */
  if (len > 5 && memcmp (buf, "From ", 5) == 0)
    {
      const char *nl = memchr (buf, '\n', len);
      skip = nl ? (size_t) (nl - buf) + 1 : len;
    }
  /* GMime is set up once per process (it cannot be set up again after a
     shutdown) and released at exit */
  static bool ready;
  if (!ready)
    {
      g_mime_init ();
      atexit (g_mime_shutdown);
      ready = true;
    }
  st = g_mime_stream_mem_new_with_buffer (buf + skip, len - skip);
  ps = g_mime_parser_new_with_stream (st);
  msg = g_mime_parser_construct_message (ps, NULL);
  g_object_unref (ps);
  g_object_unref (st);
  if (!msg)
    return -1;
  if (GMIME_IS_PART (msg->mime_part))
    visit (NULL, msg->mime_part, &w);
  else
    g_mime_message_foreach (msg, visit, &w);
  if (!w.oom && dbuf_failed (&w.text))
    w.oom = true;
  /* the text fills what the delivery-status part left out */
  if (!w.oom && dbuf_len (&w.text) > 0)
    read_text (b, dbuf_str (&w.text), dbuf_len (&w.text), b->dsn && b->n > 0,
               &w.oom);
  if (!w.oom && b->n == 0 && dbuf_len (&w.text) > 0)
    failed_header (b, msg, dbuf_str (&w.text), &w.oom);
  /* delivery-status fields pasted into the text itself */
  if (!w.oom && b->n == 0 && dbuf_len (&w.text) > 0)
    read_dsn (b, dbuf_str (&w.text), dbuf_len (&w.text), &w.oom);
  if (!w.oom && b->n == 0 && dbuf_len (&w.text) > 0)
    sentence_rcpt (b, dbuf_str (&w.text), &w.oom);
  for (size_t i = 0; !w.oom && i < b->n; i++)
    remote_from (b->rcpt[i].diagnostic, &b->rcpt[i], &w.oom);
  dbuf_free (&w.text);
  g_object_unref (msg);
  if (w.oom)
    {
      bounce_free (b);
      return -1;
    }
  return 0;
}
