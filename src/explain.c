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
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "commands.h"
#include "diag.h"
#include "i18n.h"
#include "known.h"
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

/* True when CODE is a three-digit reply code.  */
static bool
is_digit_code (const char *code)
{
  return code[0] >= '1' && code[0] <= '6' && code[1] >= '0' && code[1] <= '9'
    && code[2] >= '0' && code[2] <= '9' && !code[3];
}

/* Finds the registries for the parts of RP and fills the views.  */
struct parts
{
  struct code_view basic[8];
  size_t n_basic;
  struct code_view enh;
  bool has_enh;
  bool missing;
  struct known_hit known[4];   /* the known replies that match, best
                                  first */
  size_t n_known;
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
    case SHAPE_DSN: return "dsn-field";
    case SHAPE_WRAPPED: return "wrapped";
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
part_text (struct out *o, const char *label, const struct code_view *v,
           bool brief)
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
  if (ok && v->code && !brief)
    ok = out_para (o, 4, v->description.s);
  dbuf_free (&head);
  dbuf_free (&line);
  dbuf_free (&cat);
  return ok;
}

/* The known reply H: its name and producer, then its meaning, cause, fix
   and sources.  */
static bool
known_text (struct out *o, const struct known_hit *h)
{
  struct known_view kv;
  struct dbuf name = DBUF_INIT, b = DBUF_INIT;
  bool ok;

  view_known (h->producer, h->reply, &kv);
  ok = view_add_known_name (&name, &kv)
    && view_add_labeled (&b, _("Known reply"), dbuf_str (&name));
  out_begin (o, STYLE_HEADING);
  ok = ok && out_para (o, 2, dbuf_str (&b));
  out_end (o);
  ok = ok && labeled_para (o, 4, view_known_label (VIEW_KNOWN_MEANING),
                           kv.meaning.s)
    && labeled_para (o, 4, view_known_label (VIEW_KNOWN_CAUSE), kv.cause.s)
    && labeled_para (o, 4, view_known_label (VIEW_KNOWN_FIX), kv.fix.s);
  for (size_t i = 0; ok && i < h->reply->n_sources; i++)
    {
      dbuf_reset (&name);
      ok = view_add_known_source (&name, h->producer, h->reply->sources[i])
        && labeled_para (o, 4, view_known_label (VIEW_KNOWN_SOURCE),
                         dbuf_str (&name));
    }
  dbuf_free (&name);
  dbuf_free (&b);
  return ok;
}

/* The fields a bounce message states for recipient BR, after its
   header.  */
static bool
bounce_fields_text (struct out *o, const struct bounce_rcpt *br)
{
  bool ok = true;
  if (br->action)
    ok &= labeled_para (o, 2, _("Action"), br->action);
  if (br->status)
    ok &= labeled_para (o, 2, _("Status"), br->status);
  if (br->remote)
    ok &= labeled_para (o, 2, _("Remote server"), br->remote);
  if (br->diagnostic)
    ok &= labeled_para (o, 2, _("Diagnostic"), br->diagnostic);
  return ok;
}

static int
explain_text (struct ctx *c, const char *line, const struct reply *rp,
              const struct parts *p, const struct bounce_rcpt *br)
{
  struct out *o = &c->out;
  const char *hl[4];
  size_t nh;
  bool ok = true;

  out_begin (o, STYLE_HEADER);
  if (br)
    {
      struct dbuf h = DBUF_INIT;
      ok &= view_add_labeled (&h, _("Recipient"), br->recipient)
        && out_para (o, 0, dbuf_str (&h));
      dbuf_free (&h);
    }
  else
    ok &= out_para (o, 0, line);
  out_end (o);
  if (br)
    ok &= bounce_fields_text (o, br);
  if (rp->shape == SHAPE_NONE && br)
    {
      ok &= out_para (o, 2, _("The message states no reply code for this"
                              " recipient."));
      return ok ? 0 : RC_EXIT_OUTPUT;
    }
  if (rp->shape == SHAPE_NONE)
    {
      ok &= out_para (o, 2, _("No reply code found in this line."));
      return ok ? 0 : RC_EXIT_OUTPUT;
    }
  if (p->n_known > 0)
    ok &= known_text (o, &p->known[0]);
  /* other producers that send the very same text */
  struct dbuf also = DBUF_INIT;
  for (size_t i = 1; i < p->n_known; i++)
    if (p->known[i].score == p->known[0].score)
      {
        struct known_view kv;
        view_known (p->known[i].producer, p->known[i].reply, &kv);
        ok &= view_add_list_separator (&also) && view_add_known_name (&also,
                                                                      &kv);
      }
  if (dbuf_len (&also) > 0)
    ok &= labeled_para (o, 4, _("Also sent by"), dbuf_str (&also));
  ok &= !dbuf_failed (&also);
  dbuf_free (&also);
  bool brief = p->n_known > 0;
  if (rp->status[0] && view_response_status_text (rp->status))
    ok &= labeled_para (o, 2, _("Status"),
                        view_response_status_text (rp->status));
  for (size_t i = 0; i < p->n_basic; i++)
    ok &= part_text (o, _("Reply code"), &p->basic[i], brief);
  if (p->n_basic == 0 && rp->code[0])
    ok &= para_printf (o, 2, _("Reply code %s is not in any registry."),
                       rp->code);
  if (p->has_enh)
    ok &= part_text (o, _("Enhanced code"), &p->enh, brief);
  if (rp->text_len > 0)
    {
      struct dbuf b = DBUF_INIT;
      struct dbuf t = DBUF_INIT;
      /* the text without the line prefixes a log folded into it */
      bool built = dbuf_addn (&t, rp->text, rp->text_len);
      if (built)
        {
          char *s = (char *) dbuf_str (&t);
          s[known_strip_prefixes (s, dbuf_len (&t),
                                  is_digit_code (rp->code) ? rp->code : "",
                                  rp->enhanced)] = '\0';
        }
      built = built && view_add_labeled (&b, _("Text"), dbuf_str (&t));
      ok &= built && out_para (o, 2, dbuf_str (&b));
      dbuf_free (&b);
      dbuf_free (&t);
    }
  /* the phrases and the general fix say less than a known reply */
  nh = 0;
  if (!brief)
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
  const struct code_view *fix = brief ? NULL
    : p->has_enh && p->enh.code ? &p->enh
    : p->n_basic == 1 && p->basic[0].code ? &p->basic[0] : NULL;
  if (fix)
    ok &= labeled_para (o, 2, _("How to fix"), fix->fix.s);
  return ok ? 0 : RC_EXIT_OUTPUT;
}

static int
explain_json (struct ctx *c, const char *line, const struct reply *rp,
              const struct parts *p, const struct bounce_rcpt *br)
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
  if (br)
    {
      /* a recipient of a bounce message, with what the message states */
      json_object_set_new (o, "recipient", json_string (br->recipient));
      json_object_set_new (o, "action", br->action
                           ? json_string (br->action) : json_null ());
      json_object_set_new (o, "status", br->status
                           ? json_string (br->status) : json_null ());
      json_object_set_new (o, "remote", br->remote
                           ? json_string (br->remote) : json_null ());
      json_object_set_new (o, "diagnostic", br->diagnostic
                           ? json_string (br->diagnostic) : json_null ());
    }
  else
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
  if (!br)
    json_object_set_new (o, "status", rp->status[0]
                         ? json_string (rp->status) : json_null ());
  for (size_t i = 0; i < p->n_basic; i++)
    json_array_append_new (entries, render_json_code (c->cat, &p->basic[i]));
  if (p->has_enh)
    json_array_append_new (entries, render_json_code (c->cat, &p->enh));
  json_object_set_new (o, "entries", entries);
  json_object_set_new (o, "producer", p->n_known
                       ? json_string (p->known[0].producer->id)
                       : json_null ());
  json_t *known = json_array ();
  for (size_t i = 0; known && i < p->n_known; i++)
    json_array_append_new (known, render_json_known (p->known[i].producer,
                                                     p->known[i].reply));
  json_object_set_new (o, "known", known);
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

/* The reply being read: the earlier lines of a multi-line reply
   ("250-..."), kept until its last line ("250 ..."), whose text is joined
   to theirs; or a one-line reply, kept until the next line shows whether
   indented lines continue its text (as bounce messages fold a long
   diagnostic).  While a multi-line reply is pending, a line without any
   code is one of its middle lines (FTP's "211-Features:" lists them
   indented, greeting banners do not).  A reply whose last line never
   comes is explained as it stands when a line of another code interrupts
   it, and at the end of each argument and of the input.  Memory is
   bounded: the line (LINE_MAX_BYTES of input, or TEXT_MAX_BYTES when
   continued) and the joined text (TEXT_MAX_BYTES and " …" at most).  */
struct pending
{
  bool active;         /* something is pending */
  bool multi;          /* a multi-line reply, not yet at its last line */
  char code[40];       /* the basic code of a multi-line reply */
  struct dbuf line;    /* the line to show, sanitized */
  struct dbuf text;    /* the texts so far, joined */
  bool cut;            /* TEXT reached TEXT_MAX_BYTES */
};

/* The state of one explain command.  */
struct explainer
{
  struct ctx *c;
  bool first;          /* nothing printed yet */
  struct pending pend;
  struct known_index *kix;   /* made at the first line with a code */
  bool kix_failed;
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
      n = room > sep_n ? char_floor (text, full, room - sep_n) : 0;
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
pend_add_text (struct pending *pd, const struct reply *rp)
{
  return add_bounded (&pd->text, pd->multi ? " / " : " ", rp->text,
                      rp->text_len, TEXT_MAX_BYTES, &pd->cut);
}

/* Forgets the pending reply.  Can't fail.  */
static void
pend_clear (struct pending *pd)
{
  pd->active = pd->multi = false;
  pd->code[0] = '\0';
  pd->cut = false;
  dbuf_reset (&pd->line);
  dbuf_reset (&pd->text);
}

/* Makes LINE (LEN bytes), parsed into RP, the pending reply.  */
static bool
pend_start (struct pending *pd, const char *line, size_t len,
            const struct reply *rp)
{
  pend_clear (pd);
  pd->active = true;
  pd->multi = rp->more;
  memcpy (pd->code, rp->code, sizeof pd->code);
  return pend_add_text (pd, rp) && dbuf_addn (&pd->line, line, len);
}

/* Explains LINE (sanitized), parsed into RP.  Returns an exit status.  */
static int
explain_reply (struct explainer *x, const char *line, const struct reply *rp,
               const struct bounce_rcpt *br)
{
  struct ctx *c = x->c;
  struct parts p;
  int ret;

  struct known_hit hits[RC_COUNT_OF (p.known)];
  size_t n_hits = 0;
  struct reply r2 = *rp;

  if (rp->shape != SHAPE_NONE && rp->text_len > 0 && c->cat->n_producers)
    {
      if (!x->kix && !x->kix_failed)
        x->kix_failed = !(x->kix = known_index_new (c->cat));
      if (x->kix_failed)
        return RC_EXIT_OUTPUT;     /* out of memory */
      /* a protocol guessed from words is no reason to miss a reply */
      size_t n = known_match (x->kix, rp->guessed ? NULL : rp->proto,
                              is_digit_code (rp->code) ? rp->code : "",
                              rp->enhanced, rp->text, rp->text_len, hits,
                              RC_COUNT_OF (hits));
      n_hits = n < RC_COUNT_OF (hits) ? n : RC_COUNT_OF (hits);
      /* the producer of a known reply tells the protocol */
      if (n_hits && (!rp->proto || rp->guessed))
        {
          r2.proto = hits[0].producer->protocol;
          r2.guessed = false;
          rp = &r2;
        }
    }
  resolve (c->cat, rp, &p);
  memcpy (p.known, hits, n_hits * sizeof *hits);
  p.n_known = n_hits;
  if (c->format == FORMAT_JSON)
    ret = explain_json (c, line, rp, &p, br);
  else
    {
      if (!x->first)
        putc ('\n', c->out.fp);
      ret = explain_text (c, line, rp, &p, br);
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

  if (!pd->active)
    return 0;
  if (dbuf_failed (&pd->line) || dbuf_failed (&pd->text))
    ret = RC_EXIT_OUTPUT;      /* out of memory */
  else
    {
      reply_parse (dbuf_str (&pd->line), &rp);
      rp.more = false;
      reply_reparse_text (&rp, dbuf_str (&pd->text), dbuf_len (&pd->text));
      ret = explain_reply (x, dbuf_str (&pd->line), &rp, NULL);
    }
  pend_clear (pd);
  return ret;
}

/* True when LINE, parsed into RP, continues the pending reply: a line
   without a code inside a multi-line reply, or an indented line without
   a code after a one-line reply.  */
static bool
continues (const struct pending *pd, const char *line, const struct reply *rp)
{
  if (!pd->active || rp->shape != SHAPE_NONE)
    return false;
  return pd->multi || line[0] == ' ' || line[0] == '\t';
}

/* Explains one line: the LEN bytes at RAW, which may hold any byte but a
   newline.  A line with a code is kept until the next line tells whether
   it continues (see struct pending).  Returns an exit status.  */
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
  if (continues (pd, line, &rp))
    {
      /* the whole line is text: trimmed, it joins the pending text */
      struct reply t = rp;
      size_t n = dbuf_len (&clean);
      const char *s = line;
      while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
      t.text = s;
      t.text_len = n;
      /* a continued line is shown whole, as long as it stays bounded */
      bool line_cut = dbuf_len (&pd->line) > TEXT_MAX_BYTES;
      if (!pend_add_text (pd, &t)
          || (!pd->multi
              && !add_bounded (&pd->line, " ", s, n, TEXT_MAX_BYTES,
                               &line_cut)))
        ret = RC_EXIT_OUTPUT;
      dbuf_free (&clean);
      return ret;
    }
  bool same = pd->active && pd->multi && rp.shape == SHAPE_REPLY
    && strcmp (pd->code, rp.code) == 0;
  if (pd->active && !same)
    ret = explain_pending (x);   /* interrupted, or not continued */
  if (ret == RC_EXIT_OUTPUT)
    {
      dbuf_free (&clean);
      return ret;
    }
  if (same && rp.more)
    {
      /* a middle line: its text joins, the last line so far is shown */
      dbuf_reset (&pd->line);
      if (!pend_add_text (pd, &rp)
          || !dbuf_addn (&pd->line, line, dbuf_len (&clean)))
        ret = RC_EXIT_OUTPUT;
    }
  else if (same)
    {
      /* the last line: explained with the joined text */
      if (pend_add_text (pd, &rp))
        {
          reply_reparse_text (&rp, dbuf_str (&pd->text),
                              dbuf_len (&pd->text));
          ret = explain_reply (x, line, &rp, NULL);
        }
      else
        ret = RC_EXIT_OUTPUT;
      pend_clear (pd);
    }
  else if (rp.shape != SHAPE_NONE)
    {
      if (!pend_start (pd, line, dbuf_len (&clean), &rp))
        ret = RC_EXIT_OUTPUT;
    }
  else
    ret = max_status (ret, explain_reply (x, line, &rp, NULL));
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

/* Copies F (what DBUF holds and what is left of IN) into OUT, at most
   BOUNCE_MAX_MESSAGE bytes.  Returns 0, RC_EXIT_USAGE (read error, or a
   message too large: reported) or RC_EXIT_OUTPUT (out of memory).  */
static int
slurp (FILE *in, struct dbuf *out)
{
  char buf[65536];
  size_t n;
  while ((n = fread (buf, 1, sizeof buf, in)) > 0)
    {
      if (dbuf_len (out) + n > BOUNCE_MAX_MESSAGE)
        {
          rc_error (_("the message on standard input is larger than %u"
                      " bytes"), BOUNCE_MAX_MESSAGE);
          return RC_EXIT_USAGE;
        }
      if (!dbuf_addn (out, buf, n))
        return RC_EXIT_OUTPUT;
    }
  if (ferror (in))
    {
      rc_error (_("read error on standard input"));
      return RC_EXIT_USAGE;
    }
  return 0;
}

/* A copy of S made clean for output (wrap_sanitize), or NULL for NULL.
   *OK is cleared when out of memory.  */
static char *
clean_copy (const char *s, bool *ok)
{
  struct dbuf b = DBUF_INIT;
  char *r;
  if (!s)
    return NULL;
  if (!wrap_sanitize (&b, s, strlen (s)) || !(r = dbuf_take (&b)))
    {
      dbuf_free (&b);
      *ok = false;
      return NULL;
    }
  return r;
}

/* Explains recipient BR of a bounce message: what the message states,
   then its diagnostic as explain reads a line, with the Status the
   message gives when the diagnostic has no enhanced code.  */
static int
explain_recipient (struct explainer *x, const struct bounce_rcpt *raw)
{
  bool ok = true;
  struct bounce_rcpt br = {
    clean_copy (raw->recipient, &ok), clean_copy (raw->action, &ok),
    clean_copy (raw->status, &ok), clean_copy (raw->remote, &ok),
    clean_copy (raw->diagnostic, &ok)
  };
  struct reply rp;
  int ret = RC_EXIT_OUTPUT;

  if (ok)
    {
      if (!br.diagnostic || !reply_parse (br.diagnostic, &rp))
        {
          memset (&rp, 0, sizeof rp);
          rp.text = "";
        }
      /* the delivery-status Status field, when the reply has none */
      if (br.status && !rp.enhanced[0])
        {
          struct reply st;
          char field[sizeof rp.enhanced + 8];
          snprintf (field, sizeof field, "Status: %s", br.status);
          if (reply_parse (field, &st) && st.enhanced[0])
            {
              memcpy (rp.enhanced, st.enhanced, sizeof rp.enhanced);
              if (rp.shape == SHAPE_NONE)
                {
                  rp.shape = SHAPE_DSN;
                  rp.proto = "smtp";
                }
            }
        }
      rp.more = false;
      ret = explain_reply (x, br.diagnostic ? br.diagnostic : "", &rp, &br);
    }
  free (br.recipient);
  free (br.action);
  free (br.status);
  free (br.remote);
  free (br.diagnostic);
  return ret;
}

/* Explains the message in BUF (LEN bytes): each failed recipient once.  */
static int
explain_message (struct explainer *x, const char *buf, size_t len)
{
  struct bounce b;
  int ret = 0;

  if (x->c->read_message (buf, len, &b) != 0)
    {
      rc_error (_("cannot read the message on standard input"));
      return RC_EXIT_USAGE;
    }
  for (size_t i = 0; i < b.n && ret != RC_EXIT_OUTPUT; i++)
    ret = max_status (ret, explain_recipient (x, &b.rcpt[i]));
  if (b.n == 0)
    {
      rc_error (_("no failed recipient found in the message"));
      ret = RC_EXIT_NOT_FOUND;
    }
  bounce_free (&b);
  return ret;
}

/* Explains standard input IN: a mail message (a bounce) when its first
   line starts one, else line by line.  */
static int
explain_stream (struct explainer *x, FILE *in)
{
  struct dbuf line = DBUF_INIT;
  size_t len;
  int ret = 0;
  bool first = true;

  while (ret != RC_EXIT_OUTPUT && read_line (in, &line, &len))
    {
      if (first && dbuf_len (&line) <= LINE_MAX_BYTES
          && reply_starts_message (dbuf_str (&line))
          && (x->c->read_message || x->c->hand_over_input))
        {
          /* a message: read whole (GMime is the helper's) */
          ret = dbuf_add (&line, "\n") ? 0 : RC_EXIT_OUTPUT;
          if (!ret && !x->c->read_message)
            ret = x->c->hand_over_input (dbuf_str (&line), dbuf_len (&line));
          else if (!ret && !(ret = slurp (in, &line)))
            ret = explain_message (x, dbuf_str (&line), dbuf_len (&line));
          dbuf_free (&line);
          return ret;
        }
      first = false;
      if (len > 0)
        ret = max_status (ret, explain_line (x, dbuf_str (&line), len));
    }
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
  static char *dash[] = { (char *) "-", NULL };
  if (argc == 0 && isatty (STDIN_FILENO))
    {
      rc_error (_("missing line to explain (use - for standard input)"));
      return RC_EXIT_USAGE;
    }
  if (argc == 0)
    {
      /* explain < bounce.eml: standard input */
      argc = 1;
      argv = dash;
    }
  for (int i = 0; i < argc && ret != RC_EXIT_OUTPUT; i++)
    if (strcmp (argv[i], "-") == 0)
      ret = max_status (ret, explain_stream (&x, stdin));
    else
      ret = max_status (ret, explain_arg (&x, argv[i]));
  dbuf_free (&x.pend.line);
  dbuf_free (&x.pend.text);
  known_index_free (x.kix);
  return ret;
}
