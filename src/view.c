/* view.c: resolves codes and comparisons into display-language texts
   (see view.h).  Every sentence or label is a translatable string.  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "view.h"

static struct vtext
data_text (const struct rc_registry *reg, const char *value,
           const char *field, const char *en)
{
  struct vtext t = { en, en, false };
  if (en)
    t.s = i18n_data (reg->id, value, field, en, &t.translated);
  return t;
}

struct vtext
view_code_title (const struct rc_registry *reg, const struct rc_code *code)
{
  return data_text (reg, code->value, "title", code->title);
}

struct vtext
view_registry_title (const struct rc_registry *reg)
{
  return data_text (reg, NULL, "registry title", reg->title);
}

/* Writes LABEL, and the mnemonics of CODE when LABEL is its value:
   "3 (NXDomain)", "16 (BADVERS, BADSIG)".  */
static void
set_label (struct code_view *v, const struct rc_code *code, const char *label)
{
  size_t n;
  snprintf (v->label, sizeof v->label, "%s", label);
  if (!code || code->n_mnemonics == 0 || strcmp (label, code->value) != 0)
    return;
  n = strlen (v->label);
  for (size_t i = 0; i < code->n_mnemonics && n < sizeof v->label; i++)
    n += (size_t) snprintf (v->label + n, sizeof v->label - n, "%s%s",
                            i ? ", " : " (", code->mnemonics[i]);
  if (n + 1 < sizeof v->label)
    memcpy (v->label + n, ")", 2);
}

const char *
view_code_label (const struct code_view *v)
{
  /* only codes of number registries have mnemonics, and their label is
     always their value */
  return v->code && v->code->n_mnemonics ? v->code->value : v->label;
}

void
view_code (const struct rc_registry *reg, const struct rc_code *code,
           const char *label, char digit, struct code_view *v)
{
  const struct rc_class *cls, *sub;
  /* request and response protocols: 1xx interim, 3xx final redirections,
     4xx and 5xx failures that the digit calls neither temporary nor
     permanent; the reply protocols (SMTP, FTP, NNTP): 1xx and 3xx
     intermediate, 4xx temporary, 5xx permanent */
  bool status_line = registry_in_protocol (reg, "http")
    || registry_in_protocol (reg, "sip");

  memset (v, 0, sizeof *v);
  v->reg = reg;
  v->code = code;
  set_label (v, code, label);
  if (reg->kind == RC_KIND_ENHANCED)
    {
      /* 5.7.1: class "5.X.X", subject "X.7.X" */
      const char *p = strchr (label, '.');
      size_t n = p ? strcspn (p + 1, ".") : 0;
      if (digit)
        snprintf (v->cls_value, sizeof v->cls_value, "%c.X.X", digit);
      if (p && n > 0 && n < 4)
        snprintf (v->sub_value, sizeof v->sub_value, "X.%.*s.X", (int) n,
                  p + 1);
    }
  else if (registry_has_digit_classes (reg)
           && (strlen (label) == 3 || reg->kind == RC_KIND_SUBSTATUS))
    {
      snprintf (v->cls_value, sizeof v->cls_value, "%cxx", label[0]);
      snprintf (v->sub_value, sizeof v->sub_value, "x%cx", label[1]);
    }
  if (code)
    {
      v->title = data_text (reg, code->value, "title", code->title);
      v->description = data_text (reg, code->value, "description",
                                  code->description);
      v->when = data_text (reg, code->value, "when", code->when);
      v->fix = data_text (reg, code->value, "fix", code->fix);
    }
  cls = v->cls_value[0] ? registry_class (reg, v->cls_value) : NULL;
  sub = v->sub_value[0] ? registry_class (reg, v->sub_value) : NULL;
  if (cls)
    {
      v->cls_title = data_text (reg, cls->value, "title", cls->title);
      v->cls_desc = data_text (reg, cls->value, "description",
                               cls->description);
    }
  if (sub)
    {
      v->sub_title = data_text (reg, sub->value, "title", sub->title);
      v->sub_desc = data_text (reg, sub->value, "description",
                               sub->description);
    }
  v->outcome = code ? code->outcome : RC_OUT_DEPENDS;
  if ((v->outcome == RC_OUT_DEPENDS || !code)
      && (registry_has_digit_classes (reg) || reg->kind == RC_KIND_ENHANCED))
    switch (digit)
      {
      case '1':
        v->outcome = status_line ? RC_OUT_INTERIM : RC_OUT_INTERMEDIATE;
        break;
      case '3':
        v->outcome = status_line ? RC_OUT_REDIRECT : RC_OUT_INTERMEDIATE;
        break;
      case '6':
        /* SIP: a global failure; FTP: a protected reply */
        v->outcome = status_line ? RC_OUT_PERMANENT : RC_OUT_INTERMEDIATE;
        break;
      case '2': v->outcome = RC_OUT_SUCCESS; break;
      case '4':
        v->outcome = status_line ? RC_OUT_FAILURE : RC_OUT_TRANSIENT;
        break;
      case '5':
        v->outcome = status_line ? RC_OUT_FAILURE : RC_OUT_PERMANENT;
        break;
      default: break;
      }
}

const char *
view_outcome_text (unsigned outcome)
{
  static const char *const t[RC_OUT_COUNT] = {
    N_("Success: the request was carried out."),
    N_("In progress: the server is waiting for more from the client."),
    N_("Temporary failure: the same request may succeed if retried later."),
    N_("Permanent failure: retrying unchanged fails again; the cause must be corrected first."),
    N_("Depends on the class digit: 2 success, 4 temporary failure, 5 permanent failure."),
    N_("Interim: an informational response; the final response to the request follows."),
    N_("Redirection: a final response; the client repeats the request at the location the response gives."),
    N_("Failure: the request was not carried out; the code itself does not say whether the same request can succeed later.")
  };
  return outcome < RC_OUT_COUNT ? _(t[outcome]) : "";
}

const char *
view_outcome_noun (unsigned outcome)
{
  static const char *const t[RC_OUT_COUNT] = {
    N_("success"),
    N_("an intermediate step"),
    N_("a temporary failure"),
    N_("a permanent failure"),
    N_("a result that depends on the class digit"),
    N_("an interim response"),
    N_("a redirection"),
    N_("a failure")
  };
  return outcome < RC_OUT_COUNT ? _(t[outcome]) : "";
}

const char *
view_actor_text (unsigned actor)
{
  static const char *const t[RC_ACT_COUNT] = {
    N_("nobody: no action is needed"),
    N_("the client: its software or configuration"),
    N_("the sender of the message"),
    N_("the administrator of the recipient's domain"),
    N_("the operator of the server that sent the reply"),
    N_("the user of the client program")
  };
  return actor < RC_ACT_COUNT ? _(t[actor]) : "";
}

const char *
view_status_text (unsigned status)
{
  static const char *const t[RC_ST_COUNT] = {
    N_("current"), N_("deprecated"), N_("obsolete"), N_("unused")
  };
  return status < RC_ST_COUNT ? _(t[status]) : "";
}

bool
view_add_english_title (struct dbuf *out, const struct code_view *v)
{
  if (v->title.translated)
    return dbuf_printf (out, " (%s)", v->title.en);
  return !dbuf_failed (out);
}

bool
view_add_title (struct dbuf *out, const struct code_view *v)
{
  return dbuf_add (out, v->title.s ? v->title.s : "")
    && view_add_english_title (out, v);
}

bool
view_add_header (struct dbuf *out, const struct code_view *v,
                 unsigned flags)
{
  struct dbuf t = DBUF_INIT;
  bool ok;

  if (!v->code)
    ok = dbuf_add (&t, _("not registered"));
  else if (flags & VIEW_HEAD_NO_ENGLISH)
    ok = dbuf_add (&t, v->title.s ? v->title.s : "");
  else
    ok = view_add_title (&t, v);
  if (flags & VIEW_HEAD_NO_PROTOCOL)
    /* TRANSLATORS: a code's header line: %1$s code, %2$s its title.  */
    ok = ok && dbuf_printf (out, _("%1$s — %2$s"), v->label, dbuf_str (&t));
  else
    /* TRANSLATORS: a code's header line: %1$s protocol, %2$s code, %3$s
       its title (or "not registered").  */
    ok = ok && dbuf_printf (out, _("%1$s %2$s — %3$s"), v->reg->name,
                            v->label, dbuf_str (&t));
  dbuf_free (&t);
  return ok;
}

const char *
view_response_status_text (const char *status)
{
  static const struct
  {
    const char *word, *text;
  } t[] = {
    /* TRANSLATORS: the status words of IMAP (OK, NO, BAD, BYE, PREAUTH)
       and POP3 (+OK, -ERR) stay as they are.  */
    { "OK", N_("OK: the command succeeded, or (untagged) the server reports information.") },
    { "NO", N_("NO: the command was understood but failed; nothing was changed.") },
    { "BAD", N_("BAD: the command was not understood or is not valid in this state; a protocol error.") },
    { "BYE", N_("BYE: the server is closing the connection.") },
    { "PREAUTH", N_("PREAUTH: the connection is already authenticated; no login is needed.") },
    { "+OK", N_("+OK: the command succeeded.") },
    { "-ERR", N_("-ERR: the command failed.") },
  };
  for (size_t i = 0; i < RC_COUNT_OF (t); i++)
    if (strcmp (t[i].word, status) == 0)
      return _(t[i].text);
  return NULL;
}

bool
view_add_many_protocols_hint (struct dbuf *out, const char *code,
                              const char *example_proto)
{
  /* TRANSLATORS: after one line per protocol that defines a code.  %1$s
     the code as typed, %2$s a protocol id (sip); keep the commands as
     they are.  */
  return dbuf_printf (out, _("%1$s means something different in each of "
                             "these protocols. For one of them in full: "
                             "replycode PROTOCOL %1$s (such as replycode "
                             "%2$s %1$s); for all of them: replycode --all "
                             "%1$s."), code, example_proto);
}

bool
view_add_class_name (struct dbuf *out, const char *value, const char *title)
{
  if (!title)
    return dbuf_add (out, value);
  return dbuf_printf (out, "%s %s", value, title);
}

bool
view_add_code_name (struct dbuf *out, const char *value, const char *title)
{
  return view_add_class_name (out, value, title);
}

bool
view_add_pair_name (struct dbuf *out, const struct rc_registry *r,
                    const char *a, const char *b)
{
  /* TRANSLATORS: the name of a comparison page: %1$s protocol, %2$s and
     %3$s the two codes.  */
  return dbuf_printf (out, _("%1$s %2$s vs %3$s"), r->name, a, b);
}

const char *
view_category_separator (void)
{
  return " · ";
}

bool
view_add_category (struct dbuf *out, const struct code_view *v)
{
  const char *ct = v->cls_title.s ? v->cls_title.s : _("(no class defined)");
  bool ok = view_add_class_name (out, v->cls_value, ct);
  if (v->sub_value[0] && v->sub_title.s)
    ok = ok && dbuf_add (out, view_category_separator ())
      && view_add_class_name (out, v->sub_value, v->sub_title.s);
  return ok;
}

bool
view_add_labeled (struct dbuf *out, const char *label, const char *text)
{
  /* TRANSLATORS: a labelled value, such as "Outcome: Success".  %1$s is
     the label, %2$s the value.  Japanese and Chinese use a full-width
     colon here.  */
  return dbuf_printf (out, _("%1$s: %2$s"), label, text ? text : "");
}

bool
view_add_list_separator (struct dbuf *out)
{
  /* TRANSLATORS: the separator between the items of a list written on
     one line (references, aliases, reply texts).  */
  return dbuf_len (out) == 0 || dbuf_add (out, _("; "));
}

bool
view_add_sentence (struct dbuf *out, const char *sentence)
{
  char *prev;
  bool ok;
  if (dbuf_len (out) == 0)
    return dbuf_add (out, sentence);
  prev = dbuf_take (out);
  if (!prev)
    return false;
  /* TRANSLATORS: joins two sentences of one paragraph: %1$s the first,
     %2$s the next.  Japanese and Chinese put no space between
     sentences: "%1$s%2$s".  */
  ok = dbuf_printf (out, _("%1$s %2$s"), prev, sentence);
  free (prev);
  return ok;
}

/* True when the '.' at P (inside TEXT) ends "e.g." or "i.e.".  */
static bool
is_abbreviation (const char *text, const char *p)
{
  return p - text >= 3
    && (p - text == 3 || p[-4] == ' ' || p[-4] == '(')
    && ((p[-3] == 'e' && p[-2] == '.' && p[-1] == 'g')
        || (p[-3] == 'i' && p[-2] == '.' && p[-1] == 'e'));
}

size_t
view_first_sentence_len (const char *text)
{
  static const char *const wide[] = { "。", "！", "？" };
  if (!text)
    return 0;
  for (const char *p = text; *p; p++)
    {
      if ((*p == '.' || *p == '!' || *p == '?')
          && (p[1] == ' ' || p[1] == '\n' || p[1] == '\0')
          && !(*p == '.' && is_abbreviation (text, p)))
        return (size_t) (p + 1 - text);
      for (size_t i = 0; i < RC_COUNT_OF (wide); i++)
        if (strncmp (p, wide[i], strlen (wide[i])) == 0)
          return (size_t) (p - text) + strlen (wide[i]);
    }
  return strlen (text);
}

bool
view_add_first_sentence (struct dbuf *out, const char *text)
{
  return dbuf_addn (out, text ? text : "", view_first_sentence_len (text));
}

bool
view_add_reply (struct dbuf *out, const struct rc_reply_text *r)
{
  if (r->doc)
    return dbuf_printf (out, "\"%s\" (%s)", r->text, r->doc);
  return dbuf_printf (out, "\"%s\"", r->text);
}

bool
view_add_unregistered_note (struct dbuf *out, const struct code_view *v)
{
  return dbuf_printf (out, _("This code is not in the %1$s registry; what "
                             "is shown comes from its digits only."),
                      v->reg->name);
}

const char *
view_section_title (size_t i)
{
  static const char *const t[VIEW_N_SECTIONS] = {
    N_("Description"), N_("When you see this code"), N_("How to fix")
  };
  return i < VIEW_N_SECTIONS ? _(t[i]) : "";
}

const struct vtext *
view_section_text (const struct code_view *v, size_t i)
{
  switch (i)
    {
    case 0: return &v->description;
    case 1: return &v->when;
    default: return &v->fix;
    }
}

bool
view_add_compare_title (struct dbuf *out, const struct code_view *a,
                        const struct code_view *b)
{
  struct dbuf ta = DBUF_INIT, tb = DBUF_INIT;
  bool ok = view_add_title (&ta, a);
  ok &= view_add_title (&tb, b);
  /* TRANSLATORS: comparison title: %1$s protocol, %2$s and %4$s codes,
     %3$s and %5$s their titles.  */
  ok = ok && dbuf_printf (out, _("%1$s %2$s %3$s vs %4$s %5$s"),
                          a->reg->name, a->label, dbuf_str (&ta), b->label,
                          dbuf_str (&tb));
  dbuf_free (&ta);
  dbuf_free (&tb);
  return ok;
}

bool
view_add_reference (struct dbuf *out, const struct rc_ref *ref)
{
  if (ref->section)
    /* TRANSLATORS: a reference: %1$s document, %2$s section number.  */
    return dbuf_printf (out, _("%1$s, section %2$s"), ref->doc,
                        ref->section);
  return dbuf_add (out, ref->doc);
}

/* Copies the text of B into BUF of N bytes, cut before the character that
   does not fit ("" when B failed).  */
static void
copy_bounded (char *buf, size_t n, const struct dbuf *b)
{
  size_t len = dbuf_len (b);
  if (n == 0)
    return;
  if (len >= n)
    {
      len = n - 1;
      /* back to the start of the character that would be cut */
      while (len > 0 && (dbuf_str (b)[len] & 0xC0) == 0x80)
        len--;
    }
  memcpy (buf, dbuf_str (b), len);
  buf[len] = '\0';
}

void
view_compare_title (const struct code_view *a, const struct code_view *b,
                    char *buf, size_t n)
{
  struct dbuf t = DBUF_INIT;
  if (!view_add_compare_title (&t, a, b))
    dbuf_reset (&t);
  copy_bounded (buf, n, &t);
  dbuf_free (&t);
}

void
view_reference (const struct rc_ref *ref, char *buf, size_t n)
{
  struct dbuf t = DBUF_INIT;
  if (!view_add_reference (&t, ref))
    dbuf_reset (&t);
  copy_bounded (buf, n, &t);
  dbuf_free (&t);
}

const struct rc_code *
view_related (const struct catalog *cat, const struct rc_registry *r,
              const struct rc_link *l, const struct rc_registry **reg)
{
  *reg = l->registry ? catalog_registry (cat, l->registry) : r;
  return *reg ? registry_code (*reg, l->code) : NULL;
}

/* Adds a difference with copies of A and B, unless CV is full.  False
   when out of memory.  */
static bool
add_diff (struct compare_view *cv, const char *field, const char *label,
          const char *a, const char *b)
{
  struct difference *d;
  char *ca, *cb;
  if (cv->n_diffs >= VIEW_MAX_DIFFS)
    return true;
  ca = strdup (a);
  cb = strdup (b);
  if (!ca || !cb)
    {
      free (ca);
      free (cb);
      return false;
    }
  d = &cv->diffs[cv->n_diffs++];
  d->field = field;
  d->label = label;
  d->a = ca;
  d->b = cb;
  return true;
}

/* S, or "" for a missing text.  */
static const char *
str0 (const char *s)
{
  return s ? s : "";
}

/* Appends the topic of V to OUT: "X.7.X Security or Policy Status".  */
static bool
topic (struct dbuf *out, const struct code_view *v)
{
  return view_add_class_name (out, v->sub_value, v->sub_title.s);
}

/* Appends the meaning of V to OUT: its title and first reply text.  */
static bool
meaning (struct dbuf *out, const struct code_view *v)
{
  const struct rc_code *c = v->code;
  if (c && c->n_replies > 0)
    /* TRANSLATORS: %1$s is a code title, %2$s the protocol's own reply
       text, kept in English, e.g. <domain> Service ready.  */
    return dbuf_printf (out, _("%1$s (reply text \"%2$s\")"),
                        v->title.s ? v->title.s : "", c->replies[0].text);
  return dbuf_add (out, v->title.s ? v->title.s : "");
}

/* What a reply concerns, as the complement of "for 421, ...".  */
static const char *
scope_text (unsigned scope)
{
  static const char *const t[RC_SCOPE_COUNT] = {
    "",
    N_("the whole connection or session"),
    N_("the mail transaction as a whole"),
    N_("one recipient only"),
    N_("the message content"),
    N_("this one command only"),
    N_("the data connection"),
    N_("one file or directory")
  };
  return scope > RC_SCOPE_NONE && scope < RC_SCOPE_COUNT ? _(t[scope]) : "";
}

/* What a client does with the method when following a redirection.  */
static const char *
method_text (unsigned method)
{
  static const char *const t[RC_METHOD_COUNT] = {
    "",
    N_("the client must repeat the request with the same method and body"),
    N_("a client may change a POST into a GET"),
    N_("the client fetches the new location with GET")
  };
  return method > RC_METHOD_NONE && method < RC_METHOD_COUNT
    ? _(t[method]) : "";
}

/* One sentence on what outcome OUTCOME of the code LABEL means for the
   client, appended to OUT.  */
static bool
outcome_sentence (struct dbuf *out, const char *label, unsigned outcome)
{
  struct dbuf b = DBUF_INIT;
  bool ok;
  /* TRANSLATORS: in the sentences below, %1$s is a code.  */
  switch (outcome)
    {
    case RC_OUT_SUCCESS:
      ok = dbuf_printf (&b, _("%1$s reports success: what was asked was "
                              "done, and nobody needs to act."), label);
      break;
    case RC_OUT_INTERMEDIATE:
      ok = dbuf_printf (&b, _("%1$s is an intermediate reply: the server "
                              "waits for the client to send the next "
                              "part."), label);
      break;
    case RC_OUT_TRANSIENT:
      ok = dbuf_printf (&b, _("%1$s is a temporary failure: the client, or "
                              "a sending mail server, keeps the request and "
                              "tries again later."), label);
      break;
    case RC_OUT_PERMANENT:
      ok = dbuf_printf (&b, _("%1$s is a permanent failure: the same request "
                              "fails again, so the client, or a sending mail "
                              "server, stops retrying and the cause must be "
                              "corrected first."), label);
      break;
    case RC_OUT_INTERIM:
      ok = dbuf_printf (&b, _("%1$s is an interim response: the final "
                              "response to the same request follows."),
                        label);
      break;
    case RC_OUT_REDIRECT:
      ok = dbuf_printf (&b, _("%1$s is a redirection, a final response: the "
                              "client repeats the request at the location "
                              "the response gives."), label);
      break;
    case RC_OUT_FAILURE:
      ok = dbuf_printf (&b, _("%1$s is a failure: the request was not "
                              "carried out, and the code does not say "
                              "whether it can succeed later."), label);
      break;
    default:
      ok = dbuf_printf (&b, _("For %1$s, the class digit tells whether the "
                              "request succeeded or may be retried."),
                        label);
      break;
    }
  ok = ok && view_add_sentence (out, dbuf_str (&b));
  dbuf_free (&b);
  return ok;
}

/* One sentence "LABEL: for A, X; for B, Y." appended to OUT.  KIND
   selects the label.  */
enum fact_kind { FACT_ACTOR, FACT_SCOPE, FACT_METHOD, FACT_TOPIC,
                 FACT_STATUS };

static bool
fact_sentence (struct dbuf *out, enum fact_kind kind, const char *la,
               const char *xa, const char *lb, const char *xb)
{
  struct dbuf b = DBUF_INIT;
  bool ok;
  switch (kind)
    {
    case FACT_ACTOR:
      /* TRANSLATORS: %1$s, %3$s codes; %2$s, %4$s who must act, such
         as "the sender of the message".  */
      ok = dbuf_printf (&b, _("Who must act: for %1$s, %2$s; for %3$s, "
                              "%4$s."), la, xa, lb, xb);
      break;
    case FACT_SCOPE:
      /* TRANSLATORS: %1$s, %3$s codes; %2$s, %4$s what each refuses or
         reports on, such as "one recipient only".  */
      ok = dbuf_printf (&b, _("What it concerns: for %1$s, %2$s; for %3$s, "
                              "%4$s."), la, xa, lb, xb);
      break;
    case FACT_METHOD:
      /* TRANSLATORS: %1$s, %3$s HTTP redirection codes; %2$s, %4$s what
         happens to the request method, such as "a client may change a
         POST into a GET".  */
      ok = dbuf_printf (&b, _("Request method: for %1$s, %2$s; for %3$s, "
                              "%4$s."), la, xa, lb, xb);
      break;
    case FACT_TOPIC:
      /* TRANSLATORS: %1$s, %3$s codes; %2$s, %4$s their second-digit
         categories, such as "x2x Connections".  */
      ok = dbuf_printf (&b, _("Topic: for %1$s, %2$s; for %3$s, %4$s."),
                        la, xa, lb, xb);
      break;
    default:
      /* TRANSLATORS: %1$s, %3$s codes; %2$s, %4$s their status, such as
         "current" or "obsolete".  */
      ok = dbuf_printf (&b, _("Status: for %1$s, %2$s; for %3$s, %4$s."),
                        la, xa, lb, xb);
      break;
    }
  ok = ok && view_add_sentence (out, dbuf_str (&b));
  dbuf_free (&b);
  return ok;
}

/* "A: first sentence of TA." then the same for B, each as a sentence of
   OUT; an empty text is left out.  */
static bool
first_sentences (struct dbuf *out, const struct code_view *a, const char *ta,
                 const struct code_view *b, const char *tb)
{
  const struct code_view *v[] = { a, b };
  const char *t[] = { ta, tb };
  struct dbuf s = DBUF_INIT, f = DBUF_INIT;
  bool ok = true;
  for (size_t i = 0; ok && i < 2; i++)
    if (t[i] && *t[i])
      {
        dbuf_reset (&s);
        dbuf_reset (&f);
        ok = view_add_first_sentence (&f, t[i])
          && view_add_labeled (&s, v[i]->label, dbuf_str (&f))
          && view_add_sentence (out, dbuf_str (&s));
      }
  dbuf_free (&s);
  dbuf_free (&f);
  return ok;
}

/* The opening paragraph of CV: the category sentence, then what each
   code means (the first sentence of its description).  */
static bool
compose_summary (struct dbuf *out, const struct compare_view *cv)
{
  const struct code_view *a = &cv->a, *b = &cv->b;
  struct dbuf s = DBUF_INIT;
  bool ok = true;

  if (!a->cls_value[0] || !b->cls_value[0])
    ;   /* word and number registries (IMAP, DNS) have no categories */
  else if (cv->same_class)
    /* TRANSLATORS: %1$s protocol; %2$s, %4$s codes; %3$s, %5$s their
       titles; %6$s class ("2xx"); %7$s class title.  */
    ok = dbuf_printf (&s,
                      _("Both %1$s %2$s (%3$s) and %4$s (%5$s) belong to the "
                        "%6$s %7$s category."),
                      a->reg->name, a->label, str0 (a->title.s), b->label,
                      str0 (b->title.s), a->cls_value, str0 (a->cls_title.s));
  else
    {
      struct dbuf ca = DBUF_INIT, cb = DBUF_INIT;
      ok = view_add_class_name (&ca, a->cls_value, a->cls_title.s);
      ok &= view_add_class_name (&cb, b->cls_value, b->cls_title.s);
      /* TRANSLATORS: %1$s protocol; %2$s, %5$s codes; %3$s, %6$s their
         titles; %4$s, %7$s their classes with class titles.  */
      ok = ok && dbuf_printf (&s,
                              _("%1$s %2$s (%3$s) belongs to the %4$s "
                                "category, while %5$s (%6$s) belongs to the "
                                "%7$s category."),
                              a->reg->name, a->label, str0 (a->title.s),
                              dbuf_str (&ca), b->label, str0 (b->title.s),
                              dbuf_str (&cb));
      dbuf_free (&ca);
      dbuf_free (&cb);
    }
  if (a->cls_value[0] && b->cls_value[0])
    ok = ok && view_add_sentence (out, dbuf_str (&s));
  if (ok && !cv->same_class && a->outcome != b->outcome)
    {
      dbuf_reset (&s);
      /* TRANSLATORS: %1$s, %3$s codes; %2$s, %4$s outcomes such as
         "success" or "a temporary failure".  */
      ok = dbuf_printf (&s, _("%1$s reports %2$s; %3$s reports %4$s."),
                        a->label, view_outcome_noun (a->outcome), b->label,
                        view_outcome_noun (b->outcome))
        && view_add_sentence (out, dbuf_str (&s));
    }
  ok = ok && first_sentences (out, a, a->description.s, b,
                              b->description.s);
  dbuf_free (&s);
  return ok;
}

/* The key differences of CV generated from the facts: only what differs
   and means something, and one honest sentence when nothing does.  */
static bool
generate_differences (struct dbuf *out, const struct compare_view *cv)
{
  const struct code_view *a = &cv->a, *b = &cv->b;
  const struct rc_code *ca = a->code, *cb = b->code;
  unsigned act_a = ca ? ca->actor : RC_ACT_NONE;
  unsigned act_b = cb ? cb->actor : RC_ACT_NONE;
  bool told = false, ok = true;
  bool outcome_known = a->outcome != RC_OUT_DEPENDS;

  if (a->outcome != b->outcome)
    {
      ok = outcome_sentence (out, a->label, a->outcome)
        && outcome_sentence (out, b->label, b->outcome);
      told = true;
    }
  if (ok && act_a != act_b)
    {
      ok = fact_sentence (out, FACT_ACTOR, a->label, view_actor_text (act_a),
                          b->label, view_actor_text (act_b));
      told = true;
    }
  if (ok && ca && cb && ca->scope != RC_SCOPE_NONE
      && cb->scope != RC_SCOPE_NONE && ca->scope != cb->scope)
    {
      ok = fact_sentence (out, FACT_SCOPE, a->label, scope_text (ca->scope),
                          b->label, scope_text (cb->scope));
      told = true;
    }
  if (ok && ca && cb && ca->method != RC_METHOD_NONE
      && cb->method != RC_METHOD_NONE && ca->method != cb->method)
    {
      ok = fact_sentence (out, FACT_METHOD, a->label,
                          method_text (ca->method), b->label,
                          method_text (cb->method));
      told = true;
    }
  if (ok && a->sub_title.s && b->sub_title.s
      && strcmp (a->sub_value, b->sub_value) != 0)
    {
      struct dbuf x = DBUF_INIT, y = DBUF_INIT;
      ok = topic (&x, a) && topic (&y, b)
        && fact_sentence (out, FACT_TOPIC, a->label, dbuf_str (&x),
                          b->label, dbuf_str (&y));
      dbuf_free (&x);
      dbuf_free (&y);
      told = true;
    }
  if (ok && ca && cb && ca->status != cb->status)
    {
      ok = fact_sentence (out, FACT_STATUS, a->label,
                          view_status_text (ca->status), b->label,
                          view_status_text (cb->status));
      told = true;
    }
  if (ok && a->outcome == b->outcome && outcome_known)
    {
      struct dbuf s = DBUF_INIT;
      if (told)
        /* TRANSLATORS: %1$s an outcome such as "a temporary failure";
           other sentences on what differs follow.  */
        ok = dbuf_printf (&s, _("Both codes report %1$s."),
                          view_outcome_noun (a->outcome));
      else
        /* TRANSLATORS: %1$s an outcome such as "a temporary failure".
           Said when no recorded fact tells the two codes apart.  */
        ok = dbuf_printf (&s, _("Both codes report %1$s, and the same party "
                                "must act; their descriptions say when each "
                                "one is sent."),
                          view_outcome_noun (a->outcome));
      /* the shared outcome goes first */
      if (ok && told)
        {
          char *rest = dbuf_take (out);
          ok = rest && dbuf_add (out, dbuf_str (&s))
            && view_add_sentence (out, rest);
          free (rest);
        }
      else
        ok = ok && view_add_sentence (out, dbuf_str (&s));
      dbuf_free (&s);
    }
  else if (ok && !told)
    ok = view_add_sentence (out, _("The facts recorded for these codes do "
                                   "not tell them apart; their descriptions "
                                   "say when each one is sent."));
  return ok;
}

/* When to use which, generated: for each code the first sentence of its
   "when" text, labelled with the code.  */
static bool
generate_when (struct dbuf *out, const struct compare_view *cv)
{
  return first_sentences (out, &cv->a, cv->a.when.s, &cv->b, cv->b.when.s);
}

/* The structured differences of CV (JSON "differences"): the meaning,
   then each fact that differs and means something in the registry.  */
static bool
add_diffs (struct compare_view *cv)
{
  const struct code_view *a = &cv->a, *b = &cv->b;
  const struct rc_code *ca = a->code, *cb = b->code;
  unsigned act_a = ca ? ca->actor : RC_ACT_NONE;
  unsigned act_b = cb ? cb->actor : RC_ACT_NONE;
  struct dbuf x = DBUF_INIT, y = DBUF_INIT;
  bool ok = meaning (&x, a) && meaning (&y, b)
    && add_diff (cv, "meaning", _("Meaning"), dbuf_str (&x), dbuf_str (&y));

  if (ok && a->outcome != b->outcome)
    ok = add_diff (cv, "outcome", _("Outcome"),
                   view_outcome_text (a->outcome),
                   view_outcome_text (b->outcome));
  if (ok && act_a != act_b)
    ok = add_diff (cv, "actor", _("Who must act"), view_actor_text (act_a),
                   view_actor_text (act_b));
  if (ok && ca && cb && ca->scope != RC_SCOPE_NONE
      && cb->scope != RC_SCOPE_NONE && ca->scope != cb->scope)
    ok = add_diff (cv, "scope", _("What it concerns"),
                   scope_text (ca->scope), scope_text (cb->scope));
  if (ok && ca && cb && ca->method != RC_METHOD_NONE
      && cb->method != RC_METHOD_NONE && ca->method != cb->method)
    ok = add_diff (cv, "method", _("Request method"),
                   method_text (ca->method), method_text (cb->method));
  if (ok && a->sub_title.s && b->sub_title.s
      && strcmp (a->sub_value, b->sub_value) != 0)
    {
      dbuf_reset (&x);
      dbuf_reset (&y);
      ok = topic (&x, a) && topic (&y, b)
        && add_diff (cv, "topic", _("Topic (second digit)"), dbuf_str (&x),
                     dbuf_str (&y));
    }
  if (ok && ca && cb && ca->status != cb->status)
    ok = add_diff (cv, "status", _("Status"), view_status_text (ca->status),
                   view_status_text (cb->status));
  dbuf_free (&x);
  dbuf_free (&y);
  return ok;
}

bool
view_compare (const struct code_view *a, const struct code_view *b,
              struct compare_view *cv)
{
  struct dbuf sum = DBUF_INIT, kd = DBUF_INIT, wu = DBUF_INIT;
  const struct rc_comparison *w = NULL;
  bool ok;

  memset (cv, 0, sizeof *cv);
  cv->a = *a;
  cv->b = *b;
  /* codes without classes (IMAP, DNS) share none */
  cv->same_class = a->cls_value[0]
    && strcmp (a->cls_value, b->cls_value) == 0;
  if (a->code && b->code && a->reg == b->reg)
    w = registry_comparison (a->reg, a->code->value, b->code->value);
  ok = add_diffs (cv) && compose_summary (&sum, cv);
  if (ok && w && w->differences && w->when_to_use)
    {
      struct dbuf ctx = DBUF_INIT;
      ok = dbuf_printf (&ctx, "%s-vs-%s", w->a, w->b)
        && dbuf_add (&kd, i18n_data (a->reg->id, dbuf_str (&ctx),
                                     "differences", w->differences, NULL))
        && dbuf_add (&wu, i18n_data (a->reg->id, dbuf_str (&ctx),
                                     "when-to-use", w->when_to_use, NULL));
      dbuf_free (&ctx);
      cv->curated = true;
    }
  else if (ok)
    ok = generate_differences (&kd, cv) && generate_when (&wu, cv);
  if (ok)
    {
      cv->summary = dbuf_take (&sum);
      cv->key_differences = dbuf_take (&kd);
      cv->when_to_use = dbuf_take (&wu);
      ok = cv->summary && cv->key_differences && cv->when_to_use;
    }
  dbuf_free (&sum);
  dbuf_free (&kd);
  dbuf_free (&wu);
  if (!ok)
    view_compare_free (cv);
  return ok;
}

void
view_compare_free (struct compare_view *cv)
{
  for (size_t i = 0; i < cv->n_diffs; i++)
    {
      free (cv->diffs[i].a);
      free (cv->diffs[i].b);
      cv->diffs[i].a = cv->diffs[i].b = NULL;
    }
  cv->n_diffs = 0;
  free (cv->summary);
  free (cv->key_differences);
  free (cv->when_to_use);
  cv->summary = cv->key_differences = cv->when_to_use = NULL;
  cv->curated = false;
}

/* ---- known replies ---- */

/* The text FIELD of known reply ID of producer P ("known gmail ID
   name"), or of P itself when ID is NULL ("known gmail description").  */
static struct vtext
known_text (const struct rc_producer *p, const char *id, const char *field,
            const char *en)
{
  struct vtext t = { en, en, false };
  struct dbuf reg = DBUF_INIT;
  if (en && dbuf_printf (&reg, "known %s", p->id))
    t.s = i18n_data (dbuf_str (&reg), id, field, en, &t.translated);
  dbuf_free (&reg);
  return t;
}

void
view_known (const struct rc_producer *p, const struct rc_known *k,
            struct known_view *v)
{
  v->producer = p;
  v->reply = k;
  v->name = known_text (p, k->id, "name", k->name);
  v->meaning = known_text (p, k->id, "meaning", k->meaning);
  v->cause = known_text (p, k->id, "cause", k->cause);
  v->fix = known_text (p, k->id, "fix", k->fix);
}

struct vtext
view_producer_description (const struct rc_producer *p)
{
  return known_text (p, NULL, "description", p->description);
}

const char *
view_producer_type_text (unsigned type)
{
  /* TRANSLATORS: what produces a known reply: a program (Postfix) or a
     mail or hosting provider (Gmail).  */
  return type == RC_PROD_PROVIDER ? _("provider") : _("software");
}

bool
view_add_known_name (struct dbuf *out, const struct known_view *v)
{
  bool ok;
  /* TRANSLATORS: a known reply: %1$s its producer (Gmail, Postfix),
     %2$s its name.  */
  ok = dbuf_printf (out, _("%1$s — %2$s"), v->producer->name,
                    v->name.s ? v->name.s : "");
  if (ok && v->name.translated)
    ok = dbuf_printf (out, " (%s)", v->name.en);
  return ok;
}

const struct rc_document *
view_producer_doc (const struct rc_producer *p, const char *ref)
{
  for (size_t i = 0; i < p->n_docs; i++)
    if (strcmp (p->docs[i].ref, ref) == 0)
      return &p->docs[i];
  return NULL;
}

bool
view_add_known_source (struct dbuf *out, const struct rc_producer *p,
                       const char *ref)
{
  const struct rc_document *d = view_producer_doc (p, ref);
  if (!d)
    return dbuf_add (out, ref);
  if (!d->href)
    return dbuf_add (out, d->title);
  return dbuf_printf (out, "%s <%s>", d->title, d->href);
}

bool
view_add_vendor_note (struct dbuf *out, const struct rc_registry *r)
{
  char proto[24];
  size_t i = 0;
  if (!r->vendor)
    return true;
  /* "http" as people write it: HTTP */
  for (; r->protocol && r->protocol[i] && i + 1 < sizeof proto; i++)
    proto[i] = r->protocol[i] >= 'a' && r->protocol[i] <= 'z'
      ? (char) (r->protocol[i] - 'a' + 'A') : r->protocol[i];
  proto[i] = '\0';
  /* TRANSLATORS: %1$s a vendor (nginx, Cloudflare), %2$s a protocol
     (HTTP, SMTP).  */
  return dbuf_printf (out, _("A non-standard code of %1$s, not registered"
                             " for %2$s: other software may not know it."),
                      r->vendor, proto);
}

const char *
view_known_label (size_t i)
{
  static const char *const labels[] = {
    /* TRANSLATORS: headings of a known reply's texts.  */
    N_("Meaning"), N_("Cause"), N_("Fix"), N_("Source")
  };
  return i < RC_COUNT_OF (labels) ? _(labels[i]) : "";
}

bool
view_add_known_more (struct dbuf *out, size_t n, const char *protocol,
                     const char *code)
{
  /* TRANSLATORS: after a list of known replies: %1$zu how many more,
     %2$s a protocol (smtp), %3$s a code (550).  */
  return view_add_list_separator (out)
    && dbuf_printf (out, ngettext ("%1$zu more: replycode known %2$s %3$s",
                                   "%1$zu more: replycode known %2$s %3$s",
                                   n), n, protocol, code);
}

bool
view_add_search_match (struct dbuf *out, const char *word, unsigned field)
{
  static const char *const names[VIEW_FIELD_COUNT] = {
    /* TRANSLATORS: where a search word was found: in a code's value, its
       title, its alias, its reply text, ... or in a known reply's
       producer, its match text (the real text servers send), ...  */
    N_("code"), N_("title"), N_("alias"), N_("reply text"),
    N_("description"), N_("when"), N_("fix"), N_("producer"),
    N_("real reply text"), N_("meaning"), N_("cause")
  };
  /* TRANSLATORS: a search word and where it was found: "relay (title)".  */
  return dbuf_printf (out, _("%1$s (%2$s)"), word,
                      field < VIEW_FIELD_COUNT ? _(names[field]) : "");
}

bool
view_add_time_span (struct dbuf *out, const char *first, const char *last)
{
  if (!first[0] || !last[0] || strcmp (first, last) == 0)
    return dbuf_add (out, first[0] ? first : last);
  /* TRANSLATORS: the first and the last time a reply was seen in a log,
     each as the log writes it ("Dec  5 10:00:01").  */
  return dbuf_printf (out, _("%1$s – %2$s"), first, last);
}

bool
view_add_counted (struct dbuf *out, const char *name, unsigned long long n)
{
  /* TRANSLATORS: an item of a list with how often it was seen:
     "gmail.com (300)".  */
  return view_add_list_separator (out)
    && dbuf_printf (out, _("%1$s (%2$llu)"), name, n);
}

bool
view_add_summary_totals (struct dbuf *out, unsigned long long lines,
                         unsigned long long with_code, size_t rows)
{
  char n[32];
  bool ok;
  snprintf (n, sizeof n, "%llu", lines);
  /* TRANSLATORS: the totals of a log summary, as labelled numbers.  */
  ok = view_add_labeled (out, _("Lines read"), n);
  snprintf (n, sizeof n, "%llu", with_code);
  ok = ok && view_add_list_separator (out)
    && view_add_labeled (out, _("With a reply code"), n);
  snprintf (n, sizeof n, "%zu", rows);
  return ok && view_add_list_separator (out)
    && view_add_labeled (out, _("Distinct replies"), n);
}

bool
view_add_skipped (struct dbuf *out, unsigned long long binary,
                  unsigned long long overlong, int line_max)
{
  char n[32];
  bool ok = true;
  if (binary)
    {
      snprintf (n, sizeof n, "%llu", binary);
      /* TRANSLATORS: lines of a log that hold a NUL byte.  */
      ok = view_add_labeled (out, _("Binary lines skipped"), n);
    }
  if (ok && overlong)
    {
      char *label = NULL;
      snprintf (n, sizeof n, "%llu", overlong);
      /* TRANSLATORS: %d a number of bytes.  */
      ok = asprintf (&label, _("Lines longer than %d bytes skipped"),
                     line_max) >= 0
        && view_add_list_separator (out) && view_add_labeled (out, label, n);
      free (label);
    }
  return ok;
}

bool
view_add_code_title (struct dbuf *out, const struct code_view *v)
{
  if (!v->code)
    return dbuf_add (out, _("not registered"));
  return view_add_title (out, v);
}
