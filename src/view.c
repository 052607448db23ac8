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

static bool
is_enhanced_value (const char *v)
{
  return v[0] == 'X' && v[1] == '.';
}

void
view_code (const struct rc_registry *reg, const struct rc_code *code,
           const char *label, char digit, struct code_view *v)
{
  const struct rc_class *cls, *sub;
  const char *value = code ? code->value : label;

  memset (v, 0, sizeof *v);
  v->reg = reg;
  v->code = code;
  snprintf (v->label, sizeof v->label, "%s", label);
  if (is_enhanced_value (value) || (digit && strchr (label, '.')))
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
  else if (strlen (label) == 3)
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
  if (v->outcome == RC_OUT_DEPENDS || !code)
    switch (digit)
      {
      case '1': case '3': case '6': v->outcome = RC_OUT_INTERMEDIATE; break;
      case '2': v->outcome = RC_OUT_SUCCESS; break;
      case '4': v->outcome = RC_OUT_TRANSIENT; break;
      case '5': v->outcome = RC_OUT_PERMANENT; break;
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
view_advice_text (unsigned outcome)
{
  static const char *const t[RC_OUT_COUNT] = {
    N_("No action is needed; the client goes on."),
    N_("The client must send what the server asks for next."),
    N_("Retry later; if the code persists, act on the cause."),
    N_("Do not retry unchanged; correct the cause first."),
    N_("Read the class digit to know whether to retry."),
    N_("Wait for the final response."),
    N_("Follow the location the response gives, if it is trusted."),
    N_("Read the response to know whether to retry.")
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
view_add_title (struct dbuf *out, const struct code_view *v)
{
  if (v->title.translated)
    return dbuf_printf (out, "%s (%s)", v->title.s, v->title.en);
  return dbuf_add (out, v->title.s ? v->title.s : "");
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

/* Appends the topic of V to OUT: "X.7.X Security or Policy Status".  */
static bool
topic (struct dbuf *out, const struct code_view *v)
{
  if (v->sub_title.s)
    return dbuf_printf (out, "%s %s", v->sub_value, v->sub_title.s);
  return dbuf_add (out, v->sub_value);
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

bool
view_compare (const struct code_view *a, const struct code_view *b,
              struct compare_view *cv)
{
  struct dbuf x = DBUF_INIT, y = DBUF_INIT;
  unsigned act_a = a->code ? a->code->actor : RC_ACT_NONE;
  unsigned act_b = b->code ? b->code->actor : RC_ACT_NONE;
  bool ok = true;

  memset (cv, 0, sizeof *cv);
  cv->a = *a;
  cv->b = *b;
  cv->same_class = strcmp (a->cls_value, b->cls_value) == 0;
  ok &= meaning (&x, a);
  ok &= meaning (&y, b);
  ok = ok && add_diff (cv, "meaning", _("Meaning"), dbuf_str (&x),
                       dbuf_str (&y));
  if (a->outcome != b->outcome)
    ok = ok && add_diff (cv, "outcome", _("Outcome"),
                         view_outcome_text (a->outcome),
                         view_outcome_text (b->outcome));
  if (act_a != act_b)
    ok = ok && add_diff (cv, "actor", _("Who must act"),
                         view_actor_text (act_a), view_actor_text (act_b));
  dbuf_reset (&x);
  dbuf_reset (&y);
  ok &= topic (&x, a);
  ok &= topic (&y, b);
  if (ok && strcmp (dbuf_str (&x), dbuf_str (&y)) != 0)
    ok = add_diff (cv, "topic", _("Topic (second digit)"), dbuf_str (&x),
                   dbuf_str (&y));
  if (a->code && b->code && a->code->status != b->code->status)
    ok = ok && add_diff (cv, "status", _("Status"),
                         view_status_text (a->code->status),
                         view_status_text (b->code->status));
  dbuf_free (&x);
  dbuf_free (&y);
  if (!ok)
    view_compare_free (cv);
  cv->facts_equal = ok && cv->n_diffs == 1;
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
}
