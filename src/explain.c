/* explain.c: the explain command (DESIGN.md section 7).  Each input line
   (an argument, or stdin with "-") is parsed by replyparse.c and each part
   explained from the catalog: basic code, enhanced code (class and
   detail), and what the free text adds when it matches a known pattern.
   Multi-line replies ("250-...") are explained once, at their last line.
   Input is read in fixed-size lines: memory stays constant.  */
#include "system.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "commands.h"
#include "diag.h"
#include "i18n.h"
#include "render.h"
#include "replyparse.h"
#include "view.h"
#include "wrap.h"

#define LINE_MAX_BYTES 8192

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

static void
text_hint_list (const struct reply *rp, const char *out[4], size_t *n)
{
  char buf[LINE_MAX_BYTES];
  size_t len = rp->text_len < sizeof buf - 1 ? rp->text_len : sizeof buf - 1;
  memcpy (buf, rp->text, len);
  buf[len] = '\0';
  *n = 0;
  /* Phrases are read only in failures: an EHLO reply that lists STARTTLS
     or SIZE says nothing wrong.  */
  if (rp->code[0] && rp->code[0] != '4' && rp->code[0] != '5')
    return;
  for (size_t i = 0; i < RC_COUNT_OF (hints) && *n < 4; i++)
    if (strcasestr (buf, hints[i].needle))
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
  struct code_view basic[4];
  size_t n_basic;
  struct code_view enh;
  bool has_enh;
  bool missing;
};

static void
resolve (const struct catalog *cat, const struct reply *rp, struct parts *p)
{
  memset (p, 0, sizeof *p);
  for (size_t i = 0; rp->code[0] && i < cat->n_regs && p->n_basic < 4; i++)
    {
      const struct rc_registry *r = &cat->regs[i];
      if (r->n_codes == 0 || r->codes[0].value[0] == 'X')
        continue;
      if (rp->proto && strcmp (r->id, rp->proto) != 0)
        continue;
      const struct rc_code *c = registry_code (r, rp->code);
      if (c || rp->proto)
        view_code (r, c, rp->code, rp->code[0], &p->basic[p->n_basic++]);
      if (!c && rp->proto)
        p->missing = true;
    }
  if (p->n_basic == 0 && rp->code[0])
    p->missing = true;
  if (rp->enhanced[0])
    {
      const struct rc_registry *r = catalog_registry (cat, "smtp-enhanced");
      char detail[12];
      snprintf (detail, sizeof detail, "X%s", rp->enhanced + 1);
      const struct rc_code *c = r ? registry_code (r, detail) : NULL;
      if (r)
        {
          view_code (r, c, rp->enhanced, rp->enhanced[0], &p->enh);
          p->has_enh = true;
        }
      if (!c)
        p->missing = true;
    }
}

static const char *
shape_name (enum reply_shape s)
{
  switch (s)
    {
    case SHAPE_HTTP: return "http-status";
    case SHAPE_POSTFIX: return "postfix-log";
    case SHAPE_EXIM: return "exim-log";
    case SHAPE_EMBEDDED: return "embedded";
    case SHAPE_REPLY: return "reply";
    default: return "none";
    }
}

static bool
part_text (struct out *o, const char *label, const struct code_view *v)
{
  char buf[2048];
  const char *title = v->code ? v->title.s : _("not registered");
  if (v->code && v->title.translated)
    snprintf (buf, sizeof buf, "%s: %s %s — %s (%s)", label, v->reg->name,
              v->label, title, v->title.en);
  else
    snprintf (buf, sizeof buf, "%s: %s %s — %s", label, v->reg->name,
              v->label, title);
  bool ok = out_para (o, 2, buf);
  if (v->sub_title.s)
    snprintf (buf, sizeof buf, "%s %s · %s %s", v->cls_value,
              v->cls_title.s ? v->cls_title.s : "", v->sub_value,
              v->sub_title.s);
  else
    snprintf (buf, sizeof buf, "%s %s", v->cls_value,
              v->cls_title.s ? v->cls_title.s : "");
  ok &= out_para (o, 4, buf);
  if (v->code)
    ok &= out_para (o, 4, v->description.s);
  return ok;
}

static int
explain_text (struct ctx *c, const char *line, const struct reply *rp,
              const struct parts *p)
{
  struct out *o = &c->out;
  char buf[LINE_MAX_BYTES + 64];
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
  for (size_t i = 0; i < p->n_basic; i++)
    ok &= part_text (o, _("Reply code"), &p->basic[i]);
  if (p->n_basic == 0 && rp->code[0])
    {
      snprintf (buf, sizeof buf, _("Reply code %s is not in any registry."),
                rp->code);
      ok &= out_para (o, 2, buf);
    }
  if (p->has_enh)
    ok &= part_text (o, _("Enhanced code"), &p->enh);
  if (rp->text_len > 0)
    {
      snprintf (buf, sizeof buf, "%s: %.*s", _("Text"), (int) rp->text_len,
                rp->text);
      ok &= out_para (o, 2, buf);
    }
  text_hint_list (rp, hl, &nh);
  for (size_t i = 0; i < nh; i++)
    {
      snprintf (buf, sizeof buf, "%s: %s", _("The text says"), _(hl[i]));
      ok &= out_para (o, 2, buf);
    }
  if (reply_mismatch (rp))
    {
      /* TRANSLATORS: %1$s basic code, %2$s enhanced code.  */
      snprintf (buf, sizeof buf,
                _("Mismatch: the basic code %1$s and the enhanced code %2$s "
                  "belong to different classes; RFC 3463 requires the same "
                  "class digit, so one of them is wrong."),
                rp->code, rp->enhanced);
      ok &= out_para (o, 2, buf);
    }
  const struct code_view *fix = p->has_enh && p->enh.code ? &p->enh
    : p->n_basic == 1 && p->basic[0].code ? &p->basic[0] : NULL;
  if (fix)
    {
      snprintf (buf, sizeof buf, "%s: %s", _("How to fix"), fix->fix.s);
      ok &= out_para (o, 2, buf);
    }
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

/* The earlier lines of a multi-line reply ("250-..."), whose texts are
   joined to the last line's ("250 ...") before it is explained.  */
struct pending
{
  char code[4];
  char text[1024];
  size_t len;
};

static struct pending pend;

static void
pend_add (const struct reply *rp)
{
  size_t room = sizeof pend.text - pend.len - 1;
  size_t n = rp->text_len < room ? rp->text_len : room;
  if (strcmp (pend.code, rp->code) != 0)
    {
      pend.len = 0;
      memcpy (pend.code, rp->code, sizeof pend.code);
    }
  if (pend.len > 0 && n > 0 && room > 3)
    {
      memcpy (pend.text + pend.len, " / ", 3);
      pend.len += 3;
      n = n < room - 3 ? n : room - 3;
    }
  memcpy (pend.text + pend.len, rp->text, n);
  pend.len += n;
  pend.text[pend.len] = '\0';
}

/* Explains one line.  Returns an exit status.  */
static int
explain_line (struct ctx *c, const char *raw, bool *first)
{
  /* what is echoed must be clean UTF-8 with no terminal controls */
  struct dbuf clean = DBUF_INIT;
  struct reply rp;
  struct parts p;
  int ret;

  if (!wrap_sanitize (&clean, raw, strlen (raw)))
    return RC_EXIT_OUTPUT;
  const char *line = dbuf_str (&clean);
  reply_parse (line, &rp);
  if (rp.more)
    {
      pend_add (&rp);   /* explained at the last line of the reply */
      dbuf_free (&clean);
      return 0;
    }
  if (pend.len > 0 && strcmp (pend.code, rp.code) == 0)
    {
      pend_add (&rp);
      reply_reparse_text (&rp, pend.text, pend.len);
    }
  pend.len = 0;
  pend.code[0] = '\0';
  resolve (c->cat, &rp, &p);
  if (c->format == FORMAT_JSON)
    ret = explain_json (c, line, &rp, &p);
  else
    {
      if (!*first)
        putc ('\n', c->out.fp);
      ret = explain_text (c, line, &rp, &p);
    }
  *first = false;
  if (!ret && (rp.shape == SHAPE_NONE || p.missing))
    ret = RC_EXIT_NOT_FOUND;
  dbuf_free (&clean);
  return ret;
}

static int
max_status (int a, int b)
{
  return a > b ? a : b;
}

/* Splits ARG at newlines and explains each line.  */
static int
explain_arg (struct ctx *c, const char *arg, bool *first)
{
  char buf[LINE_MAX_BYTES];
  int ret = 0;
  if (!*arg)   /* an empty line has no code: say so */
    return explain_line (c, arg, first);
  while (*arg)
    {
      size_t n = strcspn (arg, "\n");
      size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
      memcpy (buf, arg, k);
      buf[k] = '\0';
      if (k > 0 && buf[k - 1] == '\r')
        buf[k - 1] = '\0';
      if (buf[0])
        ret = max_status (ret, explain_line (c, buf, first));
      arg += n + (arg[n] == '\n');
    }
  return ret;
}

static int
explain_stream (struct ctx *c, FILE *in, bool *first)
{
  char buf[LINE_MAX_BYTES];
  int ret = 0;
  bool skipping = false;
  while (fgets (buf, sizeof buf, in))
    {
      size_t n = strlen (buf);
      bool whole = n > 0 && buf[n - 1] == '\n';
      if (skipping)
        {
          skipping = !whole;   /* the rest of an overlong line */
          continue;
        }
      while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        buf[--n] = '\0';
      if (!whole && !feof (in))
        skipping = true;       /* explain the first LINE_MAX_BYTES only */
      if (buf[0])
        ret = max_status (ret, explain_line (c, buf, first));
      if (ret == RC_EXIT_OUTPUT)
        break;
    }
  if (ferror (in))
    {
      rc_error (_("read error on standard input"));
      ret = max_status (ret, RC_EXIT_USAGE);
    }
  return ret;
}

int
cmd_explain (struct ctx *c, int argc, char **argv)
{
  bool first = true;
  int ret = 0;
  if (argc == 0)
    {
      rc_error (_("missing line to explain (use - for standard input)"));
      return RC_EXIT_USAGE;
    }
  for (int i = 0; i < argc && ret != RC_EXIT_OUTPUT; i++)
    if (strcmp (argv[i], "-") == 0)
      ret = max_status (ret, explain_stream (c, stdin, &first));
    else
      ret = max_status (ret, explain_arg (c, argv[i], &first));
  return ret;
}
