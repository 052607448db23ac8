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
#include "interpret.h"
#include "known.h"
#include "render.h"
#include "replyparse.h"
#include "replyscan.h"
#include "view.h"
#include "wrap.h"

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
    case SHAPE_VSFTPD: return "vsftpd-log";
    case SHAPE_OPENSMTPD: return "opensmtpd-log";
    case SHAPE_SENDMAIL: return "sendmail-log";
    case SHAPE_ACCESS: return "access-log";
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
              const struct reading *p, const struct bounce_rcpt *br)
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
                                  interpret_is_digit_code (rp->code) ? rp->code : "",
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
              const struct reading *p, const struct bounce_rcpt *br)
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

/* The state of one explain command.  */
struct explainer
{
  struct ctx *c;
  bool first;                /* nothing printed yet */
  struct reply_scan scan;
  struct interpreter in;
  bool quiet;                /* lines without a code are counted, not
                                shown (standard input, no --verbose) */
  unsigned long long no_code;   /* lines without a code not shown */
};

/* Explains LINE (sanitized), parsed into RP.  Returns an exit status.  */
static int
explain_reply (struct explainer *x, const char *line, struct reply *rp,
               const struct bounce_rcpt *br)
{
  struct ctx *c = x->c;
  struct reading p;
  int ret;

  if (rp->shape == SHAPE_NONE && !br && x->quiet)
    {
      x->no_code++;
      return RC_EXIT_NOT_FOUND;
    }
  if (!interpret (&x->in, rp, &p, true))
    return RC_EXIT_OUTPUT;     /* out of memory */
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

/* The scan's callback: explains a reply or a line without a code.  */
static int
on_reply (void *arg, const char *line, struct reply *rp)
{
  return explain_reply (arg, line, rp, NULL);
}

/* Splits ARG at newlines and explains each line (a line's end "\r"s are
   dropped, empty lines are skipped, lines are cut at SCAN_LINE_MAX like
   those of the input); then explains what is still pending.  */
static int
explain_arg (struct explainer *x, const char *arg)
{
  int ret = 0;
  if (!*arg)   /* an empty line has no code: say so */
    return scan_line (&x->scan, arg, 0);
  while (*arg && ret != RC_EXIT_OUTPUT)
    {
      size_t n = strcspn (arg, "\n");
      size_t k = n;
      while (k > 0 && arg[k - 1] == '\r')
        k--;
      if (k > SCAN_LINE_MAX)
        k = scan_char_floor (arg, n, SCAN_LINE_MAX);
      if (k > 0)
        ret = max_status (ret, scan_line (&x->scan, arg, k));
      arg += n + (arg[n] == '\n');
    }
  if (ret != RC_EXIT_OUTPUT)
    ret = max_status (ret, scan_flush (&x->scan));
  return ret;
}

/* Reads the next line of IN into LINE, without its newline, and stores in
   *LEN the number of bytes to explain: the line without its end "\r"s,
   and no more than SCAN_LINE_MAX (cut back to a character boundary; the
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
      if (kept > SCAN_LINE_MAX)
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
  if (k > SCAN_LINE_MAX)
    k = scan_char_floor (s, k, SCAN_LINE_MAX);
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
      if (first && dbuf_len (&line) <= SCAN_LINE_MAX
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
        ret = max_status (ret, scan_line (&x->scan, dbuf_str (&line), len));
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
    ret = max_status (ret, scan_flush (&x->scan));
  return ret;
}

int
cmd_explain (struct ctx *c, int argc, char **argv)
{
  struct explainer x = { .c = c, .first = true };
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
  scan_init (&x.scan, on_reply, &x);
  interpret_init (&x.in, c->cat);
  for (int i = 0; i < argc && ret != RC_EXIT_OUTPUT; i++)
    if (strcmp (argv[i], "-") == 0)
      {
        /* a log: its lines without a code are counted, not shown */
        x.quiet = !c->verbose;
        ret = max_status (ret, explain_stream (&x, stdin));
        x.quiet = false;
      }
    else
      ret = max_status (ret, explain_arg (&x, argv[i]));
  if (x.no_code > 0)
    /* TRANSLATORS: %llu is a number of lines.  */
    rc_error (ngettext ("%llu line without a reply code was skipped"
                       " (--verbose shows it)",
                       "%llu lines without a reply code were skipped"
                       " (--verbose shows them)",
                       x.no_code > 1000000 ? 1000000 : (unsigned long) x.no_code),
             x.no_code);
  scan_free (&x.scan);
  interpret_free (&x.in);
  return ret;
}
