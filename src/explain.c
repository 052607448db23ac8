/* explain.c: the explain command (README.md, "explain").  Each input line
   (an argument, or stdin with "-") is parsed by replyparse.c and each part
   explained from the catalog: basic code, enhanced code (class and
   detail), and what the free text adds when it matches a known pattern.
   Multi-line replies ("250-...") are explained once, at their last line
   (or where they stop).  Input is read in bounded lines: memory stays
   constant.  */
#include "system.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "commands.h"
#include "diag.h"
#include "i18n.h"
#include "render.h"
#include "replyparse.h"
#include "view.h"
#include "wrap.h"

/* Lines longer than this are explained from their first LINE_MAX_BYTES
   bytes (cut at a character boundary); the rest of the line is skipped.  */
#define LINE_MAX_BYTES 8192
/* The joined text of a multi-line reply keeps at most this many bytes,
   whole characters only; when more came, " …" follows and later lines'
   texts are left out.  */
#define TEXT_MAX_BYTES 65536

/* Known phrases in reply texts, and what they tell the reader.  */
static const struct
{
  const char *needle;
  const char *meaning;
} hints[] = {
  { "user unknown", N_("The recipient address does not exist at the receiving domain.") },
  { "no such user", N_("The recipient address does not exist at the receiving domain.") },
  { "does not exist", N_("The address or mailbox named in the reply does not exist.") },
  { "relay access denied", N_("The server refuses to relay for this client: authenticate, or send through your own provider's server.") },
  { "relaying denied", N_("The server refuses to relay for this client: authenticate, or send through your own provider's server.") },
  { "greylist", N_("Greylisting: the server defers first attempts from unknown senders; a normal retry gets through.") },
  { "mailbox full", N_("The recipient's mailbox is full.") },
  { "quota", N_("A storage or sending quota has been reached.") },
  { "spf", N_("The message failed the sender domain's SPF check.") },
  { "dkim", N_("The message failed DKIM signature checks.") },
  { "dmarc", N_("The message failed the sender domain's DMARC policy.") },
  { "blocklist", N_("The sending IP address or domain is on a blocklist.") },
  { "blacklist", N_("The sending IP address or domain is on a blocklist.") },
  { "spamhaus", N_("The sending IP address or domain is on a blocklist.") },
  { "spam", N_("A spam filter rejected the message.") },
  { "starttls", N_("The server requires TLS: the client must issue STARTTLS first.") },
  { "authentication required", N_("The server requires SMTP authentication (AUTH) before this command.") },
  { "too many", N_("A rate or connection limit was hit; slow down and retry later.") },
  { "rate limit", N_("A rate or connection limit was hit; slow down and retry later.") },
  { "size exceeds", N_("The message is larger than the server accepts.") },
  { "too large", N_("The message is larger than the server accepts.") },
  { "too big", N_("The message is larger than the server accepts.") },
  { "timed out", N_("A network connection timed out before the exchange finished.") },
  { "connection refused", N_("The remote host refused the TCP connection.") },
  { "host not found", N_("The domain's mail host could not be found in DNS.") },
  { "passive mode", N_("The server opened a port for a passive-mode data connection.") },
};

/* Fills OUT with the meanings of the known phrases in RP's text (at most
   4, no duplicates) and stores their number in *N.  Can't fail.  */
static void
text_hint_list (const struct reply *rp, const char *out[4], size_t *n)
{
  *n = 0;
  /* Phrases are read only in failures: an EHLO reply that lists STARTTLS
     or SIZE says nothing wrong.  */
  if (rp->code[0] && rp->code[0] != '4' && rp->code[0] != '5')
    return;
  for (size_t i = 0; i < RC_COUNT_OF (hints) && *n < 4; i++)
    if (reply_text_has (rp, hints[i].needle))
      {
        bool dup = false;
        for (size_t k = 0; k < *n; k++)
          dup |= out[k] == hints[i].meaning;
        if (!dup)
          out[(*n)++] = hints[i].meaning;
      }
}

/* Finds the registries for the parts of RP and fills the views.  */
struct parts
{
  struct code_view basic[8];
  size_t n_basic;
  struct code_view enh;
  bool has_enh;
  bool missing;
};

static void
resolve (const struct catalog *cat, const struct reply *rp, struct parts *p)
{
  const struct rc_registry *first_fit = NULL, *enh_fit = NULL;
  const struct rc_code *ec = NULL;

  memset (p, 0, sizeof *p);
  for (size_t i = 0; rp->code[0] && i < cat->n_regs; i++)
    {
      const struct rc_registry *r = &cat->regs[i];
      bool fit;
      if (r->kind == RC_KIND_ENHANCED
          || !(reply_may_be (rp, r->id) || reply_may_be (rp, r->protocol)))
        continue;
      const struct rc_code *c = registry_match (r, rp->code, &fit);
      if (fit && !first_fit)
        first_fit = r;
      if (c && p->n_basic < RC_COUNT_OF (p->basic))
        view_code (r, c, c->value, rp->code[0], &p->basic[p->n_basic++]);
    }
  if (p->n_basic == 0 && rp->code[0])
    {
      p->missing = true;
      /* a code of a known protocol that its registry lacks: explained
         from its digits */
      if (first_fit && rp->proto)
        view_code (first_fit, NULL, rp->code, rp->code[0],
                   &p->basic[p->n_basic++]);
    }
  /* the enhanced code: the first registry of that kind that has it (the
     IANA registry before a user's vendor registry), else the first */
  for (size_t i = 0; rp->enhanced[0] && i < cat->n_regs && !ec; i++)
    {
      const struct rc_registry *r = &cat->regs[i];
      if (r->kind != RC_KIND_ENHANCED)
        continue;
      if (!enh_fit)
        enh_fit = r;
      if ((ec = registry_match (r, rp->enhanced, NULL)))
        enh_fit = r;
    }
  if (enh_fit)
    {
      view_code (enh_fit, ec, rp->enhanced, rp->enhanced[0], &p->enh);
      p->has_enh = true;
    }
  if (rp->enhanced[0] && !ec)
    p->missing = true;
}

static const char *
shape_name (enum reply_shape s)
{
  switch (s)
    {
    case SHAPE_HTTP: return "http-status";
    case SHAPE_SIP: return "sip-status";
    case SHAPE_IMAP: return "imap-response";
    case SHAPE_POP3: return "pop3-response";
    case SHAPE_DIG: return "dig";
    case SHAPE_POSTFIX: return "postfix-log";
    case SHAPE_EXIM: return "exim-log";
    case SHAPE_EMBEDDED: return "embedded";
    case SHAPE_REPLY: return "reply";
    default: return "none";
    }
}

/* Prints a paragraph made from the printf-style FMT, indented by INDENT
   cells.  False when out of memory.  */
static bool para_printf (struct out *o, int indent, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

static bool
para_printf (struct out *o, int indent, const char *fmt, ...)
{
  struct dbuf b = DBUF_INIT;
  va_list ap;
  bool ok;
  va_start (ap, fmt);
  ok = dbuf_vprintf (&b, fmt, ap);
  va_end (ap);
  ok = ok && out_para (o, indent, dbuf_str (&b));
  dbuf_free (&b);
  return ok;
}

/* A labelled paragraph: the view composes "LABEL: TEXT".  */
static bool
labeled_para (struct out *o, int indent, const char *label, const char *text)
{
  struct dbuf b = DBUF_INIT;
  bool ok = view_add_labeled (&b, label, text) && out_para (o, indent,
                                                            dbuf_str (&b));
  dbuf_free (&b);
  return ok;
}

static bool
part_text (struct out *o, const char *label, const struct code_view *v)
{
  /* the lines are the view's: "Reply code: SMTP 550 — title (English)"
     and the category line, composed once for every front end */
  struct dbuf head = DBUF_INIT, line = DBUF_INIT, cat = DBUF_INIT;
  bool ok = view_add_header (&head, v, 0)
    && view_add_labeled (&line, label, dbuf_str (&head))
    && view_add_category (&cat, v);
  ok = ok && out_para (o, 2, dbuf_str (&line));
  if (v->cls_value[0])
    ok = ok && out_para (o, 4, dbuf_str (&cat));
  if (ok && v->code)
    ok = out_para (o, 4, v->description.s);
  dbuf_free (&head);
  dbuf_free (&line);
  dbuf_free (&cat);
  return ok;
}

static int
explain_text (struct ctx *c, const char *line, const struct reply *rp,
              const struct parts *p)
{
  struct out *o = &c->out;
  const char *hl[4];
  size_t nh;
  bool ok = true;

  out_begin (o, STYLE_HEADER);
  ok &= out_para (o, 0, line);
  out_end (o);
  if (rp->shape == SHAPE_NONE)
    {
      ok &= out_para (o, 2, _("No reply code found in this line."));
      return ok ? 0 : RC_EXIT_OUTPUT;
    }
  if (rp->status[0] && view_response_status_text (rp->status))
    ok &= labeled_para (o, 2, _("Status"),
                        view_response_status_text (rp->status));
  for (size_t i = 0; i < p->n_basic; i++)
    ok &= part_text (o, _("Reply code"), &p->basic[i]);
  if (p->n_basic == 0 && rp->code[0])
    ok &= para_printf (o, 2, _("Reply code %s is not in any registry."),
                       rp->code);
  if (p->has_enh)
    ok &= part_text (o, _("Enhanced code"), &p->enh);
  if (rp->text_len > 0)
    {
      struct dbuf b = DBUF_INIT;
      struct dbuf t = DBUF_INIT;
      bool built = dbuf_addn (&t, rp->text, rp->text_len)
        && view_add_labeled (&b, _("Text"), dbuf_str (&t));
      ok &= built && out_para (o, 2, dbuf_str (&b));
      dbuf_free (&b);
      dbuf_free (&t);
    }
  text_hint_list (rp, hl, &nh);
  for (size_t i = 0; i < nh; i++)
    ok &= labeled_para (o, 2, _("The text says"), _(hl[i]));
  if (reply_mismatch (rp))
    /* TRANSLATORS: %1$s basic code, %2$s enhanced code.  */
    ok &= para_printf (o, 2,
                       _("Mismatch: the basic code %1$s and the enhanced "
                         "code %2$s belong to different classes; RFC 3463 "
                         "requires the same class digit, so one of them "
                         "is wrong."), rp->code, rp->enhanced);
  const struct code_view *fix = p->has_enh && p->enh.code ? &p->enh
    : p->n_basic == 1 && p->basic[0].code ? &p->basic[0] : NULL;
  if (fix)
    ok &= labeled_para (o, 2, _("How to fix"), fix->fix.s);
  return ok ? 0 : RC_EXIT_OUTPUT;
}

static int
explain_json (struct ctx *c, const char *line, const struct reply *rp,
              const struct parts *p)
{
  json_t *o = json_object (), *entries = json_array (), *h = json_array ();
  const char *hl[4];
  size_t nh;

  if (!o || !entries || !h)
    {
      json_decref (o);
      json_decref (entries);
      json_decref (h);
      return RC_EXIT_OUTPUT;
    }
  json_object_set_new (o, "line", json_string (line));
  json_object_set_new (o, "shape", json_string (shape_name (rp->shape)));
  json_object_set_new (o, "protocol", rp->proto ? json_string (rp->proto)
                       : p->n_basic == 1 ? json_string (p->basic[0].reg->id)
                       : json_null ());
  json_object_set_new (o, "code", rp->code[0] ? json_string (rp->code)
                       : json_null ());
  json_object_set_new (o, "enhanced", rp->enhanced[0]
                       ? json_string (rp->enhanced) : json_null ());
  json_object_set_new (o, "text", rp->shape != SHAPE_NONE
                       ? json_stringn (rp->text, rp->text_len) : json_null ());
  json_object_set_new (o, "mismatch", json_boolean (reply_mismatch (rp)));
  json_object_set_new (o, "status", rp->status[0]
                       ? json_string (rp->status) : json_null ());
  for (size_t i = 0; i < p->n_basic; i++)
    json_array_append_new (entries, render_json_code (c->cat, &p->basic[i]));
  if (p->has_enh)
    json_array_append_new (entries, render_json_code (c->cat, &p->enh));
  json_object_set_new (o, "entries", entries);
  text_hint_list (rp, hl, &nh);
  for (size_t i = 0; i < nh; i++)
    json_array_append_new (h, json_string (_(hl[i])));
  json_object_set_new (o, "hints", h);
  json_object_set_new (o, "lang", json_string (i18n_lang ()));
  if (json_dumpf (o, c->out.fp, JSON_COMPACT) != 0)
    {
      json_decref (o);
      return RC_EXIT_OUTPUT;
    }
  putc ('\n', c->out.fp);
  json_decref (o);
  return 0;
}

/* The earlier lines of a multi-line reply ("250-..."), kept until its
   last line ("250 ..."), whose text is joined to theirs.  A reply whose
   last line never comes is explained as it stands when a line of another
   code (or with no code) interrupts it, and at the end of each argument
   and of the input.  Memory is bounded: the last line (LINE_MAX_BYTES
   of input at most, sanitized) and the joined text (TEXT_MAX_BYTES and
   " …" at most).  */
struct pending
{
  char code[40];       /* "" when nothing is pending */
  struct dbuf line;    /* the last line so far, sanitized */
  struct dbuf text;    /* the texts so far, joined by " / " */
  bool cut;            /* TEXT reached TEXT_MAX_BYTES */
};

/* The state of one explain command.  */
struct explainer
{
  struct ctx *c;
  bool first;          /* nothing printed yet */
  struct pending pend;
};

/* The largest K' <= K at which S (LEN bytes) can be cut without cutting
   a UTF-8 character; it backs off over at most 3 continuation bytes, so
   that invalid input is not dropped wholesale.  */
static size_t
char_floor (const char *s, size_t len, size_t k)
{
  for (int i = 0; i < 3 && k > 0 && k < len
       && ((unsigned char) s[k] & 0xC0) == 0x80; i++)
    k--;
  return k;
}

/* Appends RP's text to the pending text, after " / " when it is not the
   first.  Past TEXT_MAX_BYTES, what fits is kept (whole characters only),
   " …" is appended and later texts are left out.  False when out of
   memory.  */
static bool
pend_add_text (struct pending *pd, const struct reply *rp)
{
  static const char sep[] = " / ";
  size_t used = dbuf_len (&pd->text);
  size_t sep_n = used > 0 ? sizeof sep - 1 : 0;
  size_t n = rp->text_len;
  bool ok = true;

  if (pd->cut || n == 0)
    return true;
  if (sep_n + n > TEXT_MAX_BYTES - used)
    {
      size_t room = TEXT_MAX_BYTES - used;
      n = room > sep_n ? char_floor (rp->text, rp->text_len, room - sep_n) : 0;
      pd->cut = true;
    }
  if (n > 0)
    ok = dbuf_addn (&pd->text, sep, sep_n)
      && dbuf_addn (&pd->text, rp->text, n);
  if (pd->cut)
    ok = ok && dbuf_add (&pd->text, " …");
  return ok;
}

/* Forgets the pending reply.  Can't fail.  */
static void
pend_clear (struct pending *pd)
{
  pd->code[0] = '\0';
  pd->cut = false;
  dbuf_reset (&pd->line);
  dbuf_reset (&pd->text);
}

/* Explains LINE (sanitized), parsed into RP.  Returns an exit status.  */
static int
explain_reply (struct explainer *x, const char *line, const struct reply *rp)
{
  struct ctx *c = x->c;
  struct parts p;
  int ret;

  resolve (c->cat, rp, &p);
  if (c->format == FORMAT_JSON)
    ret = explain_json (c, line, rp, &p);
  else
    {
      if (!x->first)
        putc ('\n', c->out.fp);
      ret = explain_text (c, line, rp, &p);
    }
  x->first = false;
  if (!ret && (rp->shape == SHAPE_NONE || p.missing))
    ret = RC_EXIT_NOT_FOUND;
  return ret;
}

/* Explains the pending reply, if any, as it stands, and forgets it.
   Returns an exit status.  */
static int
explain_pending (struct explainer *x)
{
  struct pending *pd = &x->pend;
  struct reply rp;
  int ret = 0;

  if (!pd->code[0])
    return 0;
  if (dbuf_failed (&pd->line) || dbuf_failed (&pd->text))
    ret = RC_EXIT_OUTPUT;      /* out of memory */
  else
    {
      reply_parse (dbuf_str (&pd->line), &rp);
      reply_reparse_text (&rp, dbuf_str (&pd->text), dbuf_len (&pd->text));
      ret = explain_reply (x, dbuf_str (&pd->line), &rp);
    }
  pend_clear (pd);
  return ret;
}

static int
max_status (int a, int b)
{
  return a > b ? a : b;
}

/* Explains one line: the LEN bytes at RAW, which may hold any byte but a
   newline.  A line of a multi-line reply is kept until the reply's last
   line.  Returns an exit status.  */
static int
explain_line (struct explainer *x, const char *raw, size_t len)
{
  /* what is echoed must be clean UTF-8 with no terminal controls; NUL
     bytes become U+FFFD like other controls, so the line stays whole */
  struct dbuf clean = DBUF_INIT;
  struct pending *pd = &x->pend;
  struct reply rp;
  int ret = 0;

  if (!wrap_sanitize (&clean, raw, len))
    return RC_EXIT_OUTPUT;
  const char *line = dbuf_str (&clean);
  reply_parse (line, &rp);
  bool same = pd->code[0] && rp.shape == SHAPE_REPLY
    && strcmp (pd->code, rp.code) == 0;
  if (pd->code[0] && !same)
    ret = explain_pending (x);   /* interrupted: explain what came */
  if (ret == RC_EXIT_OUTPUT)
    {
      dbuf_free (&clean);
      return ret;
    }
  if (rp.more)
    {
      /* explained at the last line of the reply */
      memcpy (pd->code, rp.code, sizeof pd->code);
      if (!pend_add_text (pd, &rp))
        ret = RC_EXIT_OUTPUT;
      dbuf_reset (&pd->line);
      if (!dbuf_addn (&pd->line, line, dbuf_len (&clean)))
        ret = RC_EXIT_OUTPUT;
    }
  else if (same)
    {
      if (pend_add_text (pd, &rp))
        {
          reply_reparse_text (&rp, dbuf_str (&pd->text),
                              dbuf_len (&pd->text));
          ret = explain_reply (x, line, &rp);
        }
      else
        ret = RC_EXIT_OUTPUT;
      pend_clear (pd);
    }
  else
    ret = max_status (ret, explain_reply (x, line, &rp));
  dbuf_free (&clean);
  return ret;
}

/* Splits ARG at newlines and explains each line (a line's end "\r"s are
   dropped, empty lines are skipped, lines are cut at LINE_MAX_BYTES like
   those of the input); then explains what is still pending.  */
static int
explain_arg (struct explainer *x, const char *arg)
{
  int ret = 0;
  if (!*arg)   /* an empty line has no code: say so */
    return explain_line (x, arg, 0);
  while (*arg && ret != RC_EXIT_OUTPUT)
    {
      size_t n = strcspn (arg, "\n");
      size_t k = n;
      while (k > 0 && arg[k - 1] == '\r')
        k--;
      if (k > LINE_MAX_BYTES)
        k = char_floor (arg, n, LINE_MAX_BYTES);
      if (k > 0)
        ret = max_status (ret, explain_line (x, arg, k));
      arg += n + (arg[n] == '\n');
    }
  if (ret != RC_EXIT_OUTPUT)
    ret = max_status (ret, explain_pending (x));
  return ret;
}

/* Reads the next line of IN into LINE, without its newline, and stores in
   *LEN the number of bytes to explain: the line without its end "\r"s,
   and no more than LINE_MAX_BYTES (cut back to a character boundary; the
   rest of the line is read and dropped, so that memory stays constant
   whatever the input).  NUL bytes are kept.  Returns false at the end of
   the input or on a read error, and when out of memory.  */
static bool
read_line (FILE *in, struct dbuf *line, size_t *len)
{
  char chunk[256];
  size_t n = 0, kept = 0;
  bool any = false, ok = true;
  int ch;

  dbuf_reset (line);
  flockfile (in);
  /* one byte past the limit tells whether the cut splits a character */
  while ((ch = getc_unlocked (in)) != EOF && ch != '\n')
    {
      any = true;
      if (kept > LINE_MAX_BYTES)
        continue;
      chunk[n++] = (char) ch;
      kept++;
      if (n == sizeof chunk)
        {
          ok &= dbuf_addn (line, chunk, n);
          n = 0;
        }
    }
  funlockfile (in);
  ok &= dbuf_addn (line, chunk, n);
  if (!ok || (!any && ch == EOF))
    return false;
  const char *s = dbuf_str (line);
  size_t k = dbuf_len (line);
  if (k > LINE_MAX_BYTES)
    k = char_floor (s, k, LINE_MAX_BYTES);
  else
    while (k > 0 && s[k - 1] == '\r')
      k--;
  *len = k;
  return true;
}

static int
explain_stream (struct explainer *x, FILE *in)
{
  struct dbuf line = DBUF_INIT;
  size_t len;
  int ret = 0;

  while (ret != RC_EXIT_OUTPUT && read_line (in, &line, &len))
    if (len > 0)
      ret = max_status (ret, explain_line (x, dbuf_str (&line), len));
  if (dbuf_failed (&line))
    ret = RC_EXIT_OUTPUT;      /* out of memory */
  dbuf_free (&line);
  if (ferror (in))
    {
      rc_error (_("read error on standard input"));
      ret = max_status (ret, RC_EXIT_USAGE);
    }
  if (ret != RC_EXIT_OUTPUT)
    ret = max_status (ret, explain_pending (x));
  return ret;
}

int
cmd_explain (struct ctx *c, int argc, char **argv)
{
  struct explainer x = { .c = c, .first = true,
                         .pend = { .line = DBUF_INIT, .text = DBUF_INIT } };
  int ret = 0;
  if (argc == 0)
    {
      rc_error (_("missing line to explain (use - for standard input)"));
      return RC_EXIT_USAGE;
    }
  for (int i = 0; i < argc && ret != RC_EXIT_OUTPUT; i++)
    if (strcmp (argv[i], "-") == 0)
      ret = max_status (ret, explain_stream (&x, stdin));
    else
      ret = max_status (ret, explain_arg (&x, argv[i]));
  dbuf_free (&x.pend.line);
  dbuf_free (&x.pend.text);
  return ret;
}
