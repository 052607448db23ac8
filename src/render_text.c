/* render_text.c: terminal text for show, list and compare.
   Paragraphs are wrapped by display width (out_para, wrap.c); nothing is
   ever truncated.  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "render.h"
#include "wrap.h"

#define INDENT 2
#define GAP 3

static enum out_style
outcome_style (unsigned outcome)
{
  switch (outcome)
    {
    case RC_OUT_SUCCESS: return STYLE_GOOD;
    case RC_OUT_PERMANENT: return STYLE_BAD;
    default: return STYLE_WARN;
    }
}

/* "SMTP 220 — Service Ready", plus the English title when translated.  */
static void
header_text (const struct code_view *v, char *buf, size_t n)
{
  if (!v->code)
    /* TRANSLATORS: %1$s protocol, %2$s code, for a code that is not in
       the registry.  */
    snprintf (buf, n, _("%1$s %2$s — not registered"), v->reg->name,
              v->label);
  else if (v->title.translated)
    snprintf (buf, n, "%s %s — %s (%s)", v->reg->name, v->label, v->title.s,
              v->title.en);
  else
    snprintf (buf, n, "%s %s — %s", v->reg->name, v->label, v->title.s);
}

/* "2xx Positive Completion · x2x Connections" */
static void
category_text (const struct code_view *v, char *buf, size_t n)
{
  const char *ct = v->cls_title.s ? v->cls_title.s : _("(no class defined)");
  const char *st = v->sub_title.s;
  if (v->sub_value[0] && st)
    snprintf (buf, n, "%s %s · %s %s", v->cls_value, ct, v->sub_value, st);
  else
    snprintf (buf, n, "%s %s", v->cls_value, ct);
}

static bool
labeled (struct out *o, const char *label, const char *text)
{
  char buf[4096];
  snprintf (buf, sizeof buf, "%s: %s", label, text);
  return out_para (o, 0, buf);
}

/* A section heading, marked when its text is still English.  */
static void
heading (struct out *o, int indent, const char *title, const struct vtext *t)
{
  out_spaces (o, indent);
  out_begin (o, STYLE_HEADING);
  fputs (title, o->fp);
  out_end (o);
  if (t && !t->translated && i18n_translating ())
    {
      putc (' ', o->fp);
      out_begin (o, STYLE_DIM);
      fputs (_("[in English]"), o->fp);
      out_end (o);
    }
  putc ('\n', o->fp);
}

static bool
section (struct out *o, const char *title, const struct vtext *t)
{
  heading (o, 0, title, t);
  return out_para (o, INDENT, t->s);
}

/* Appends "; "-separated items to BUF (bounded).  */
static void
append (char *buf, size_t n, const char *item)
{
  size_t len = strlen (buf);
  if (len + 3 >= n)
    return;
  snprintf (buf + len, n - len, "%s%s", len ? "; " : "", item);
}

static void
references_text (const struct rc_code *c, char *buf, size_t n)
{
  buf[0] = '\0';
  for (size_t i = 0; i < c->n_refs; i++)
    {
      char item[128];
      view_reference (&c->refs[i], item, sizeof item);
      append (buf, n, item);
    }
}

static void
related_text (const struct catalog *cat, const struct code_view *v,
              char *buf, size_t n)
{
  const struct rc_code *c = v->code;
  buf[0] = '\0';
  for (size_t i = 0; i < c->n_related; i++)
    {
      const struct rc_link *l = &c->related[i];
      const struct rc_registry *r;
      const struct rc_code *rc = view_related (cat, v->reg, l, &r);
      char item[256];
      if (rc)
        {
          struct vtext t = view_code_title (r, rc);
          if (r != v->reg)
            snprintf (item, sizeof item, "%s %s %s", r->name, rc->value, t.s);
          else
            snprintf (item, sizeof item, "%s %s", rc->value, t.s);
        }
      else
        snprintf (item, sizeof item, "%s", l->code);
      append (buf, n, item);
    }
}

int
render_text_show (struct out *o, const struct catalog *cat,
                  const struct code_view *v)
{
  char buf[4096];
  const struct rc_code *c = v->code;
  bool ok = true;

  header_text (v, buf, sizeof buf);
  out_begin (o, STYLE_HEADER);
  out_begin (o, outcome_style (v->outcome));
  ok &= out_para (o, 0, buf);
  out_end (o);
  category_text (v, buf, sizeof buf);
  ok &= out_para (o, 0, buf);
  if (!c)
    {
      snprintf (buf, sizeof buf,
                _("This code is not in the %1$s registry; what is shown comes "
                  "from its digits only."), v->reg->name);
      ok &= out_para (o, 0, buf);
      if (v->cls_desc.s)
        ok &= out_para (o, 0, v->cls_desc.s);
      return ok ? 0 : RC_EXIT_OUTPUT;
    }
  if (c->n_aliases > 0)
    {
      buf[0] = '\0';
      for (size_t i = 0; i < c->n_aliases; i++)
        append (buf, sizeof buf, c->aliases[i]);
      ok &= labeled (o, _("Also known as"), buf);
    }
  if (c->n_replies > 0)
    {
      char item[512];
      buf[0] = '\0';
      for (size_t i = 0; i < c->n_replies; i++)
        {
          if (c->replies[i].doc)
            snprintf (item, sizeof item, "\"%s\" (%s)", c->replies[i].text,
                      c->replies[i].doc);
          else
            snprintf (item, sizeof item, "\"%s\"", c->replies[i].text);
          append (buf, sizeof buf, item);
        }
      ok &= labeled (o, _("Reply text"), buf);
    }
  ok &= labeled (o, _("Outcome"), view_outcome_text (v->outcome));
  ok &= labeled (o, _("Who must act"), view_actor_text (c->actor));
  if (c->status != RC_ST_CURRENT)
    ok &= labeled (o, _("Status"), view_status_text (c->status));
  putc ('\n', o->fp);
  ok &= section (o, _("Description"), &v->description);
  ok &= section (o, _("When you see this code"), &v->when);
  ok &= section (o, _("How to fix"), &v->fix);
  putc ('\n', o->fp);
  references_text (c, buf, sizeof buf);
  ok &= labeled (o, _("References"), buf);
  if (c->n_related > 0)
    {
      related_text (cat, v, buf, sizeof buf);
      ok &= labeled (o, _("See also"), buf);
    }
  return ok ? 0 : RC_EXIT_OUTPUT;
}

int
render_text_list_item (struct out *o, const struct code_view *v)
{
  char prefix[64], title[1024];
  struct wrap_line *l;
  size_t n;
  int pw;

  snprintf (prefix, sizeof prefix, "%s %-6s ", v->reg->name, v->label);
  if (v->title.translated)
    snprintf (title, sizeof title, "%s (%s)", v->title.s, v->title.en);
  else
    snprintf (title, sizeof title, "%s", v->title.s);
  /* a hanging indent keeps the code column clear */
  pw = wrap_width (prefix);
  n = wrap_text (title, o->width - pw, &l);
  if (n == (size_t) -1)
    return RC_EXIT_OUTPUT;
  fputs (prefix, o->fp);
  for (size_t i = 0; i < n; i++)
    {
      if (i > 0)
        out_spaces (o, pw);
      fwrite (title + l[i].off, 1, l[i].len, o->fp);
      putc ('\n', o->fp);
    }
  if (n == 0)
    putc ('\n', o->fp);
  free (l);
  return 0;
}

void
render_compare_summary (const struct compare_view *cv, char *buf, size_t n)
{
  const struct code_view *a = &cv->a, *b = &cv->b;
  char s1[1024], s2[1024] = "", s3[1024] = "";
  unsigned act_a = a->code ? a->code->actor : RC_ACT_NONE;
  unsigned act_b = b->code ? b->code->actor : RC_ACT_NONE;

  if (cv->same_class)
    /* TRANSLATORS: %1$s protocol; %2$s, %4$s codes; %3$s, %5$s their
       titles; %6$s class ("2xx"); %7$s class title.  */
    snprintf (s1, sizeof s1,
              _("Both %1$s %2$s (%3$s) and %4$s (%5$s) belong to the %6$s "
                "%7$s category."),
              a->reg->name, a->label, a->title.s, b->label, b->title.s,
              a->cls_value, a->cls_title.s ? a->cls_title.s : "");
  else
    {
      /* TRANSLATORS: %1$s protocol; %2$s, %5$s codes; %3$s, %6$s their
         titles; %4$s, %7$s their classes with class titles.  */
      char ca[256], cb[256];
      snprintf (ca, sizeof ca, "%s %s", a->cls_value,
                a->cls_title.s ? a->cls_title.s : "");
      snprintf (cb, sizeof cb, "%s %s", b->cls_value,
                b->cls_title.s ? b->cls_title.s : "");
      snprintf (s1, sizeof s1,
                _("%1$s %2$s (%3$s) belongs to the %4$s category, while %5$s "
                  "(%6$s) belongs to the %7$s category."),
                a->reg->name, a->label, a->title.s, ca, b->label, b->title.s,
                cb);
    }
  if (a->outcome != b->outcome)
    /* TRANSLATORS: %1$s, %3$s codes; %2$s, %4$s outcomes such as
       "success" or "a temporary failure".  */
    snprintf (s2, sizeof s2, _(" %1$s reports %2$s; %3$s reports %4$s."),
              a->label, view_outcome_noun (a->outcome), b->label,
              view_outcome_noun (b->outcome));
  if (act_a != act_b)
    /* TRANSLATORS: %1$s, %3$s codes; %2$s, %4$s who must act.  */
    snprintf (s3, sizeof s3, _(" Who must act: for %1$s, %2$s; for %3$s, %4$s."),
              a->label, view_actor_text (act_a), b->label,
              view_actor_text (act_b));
  snprintf (buf, n, "%s%s%s", s1, s2, s3);
}

/* Prints LEFT and RIGHT wrapped side by side, each CW cells wide.  */
static bool
two_columns (struct out *o, const char *left, const char *right, int cw)
{
  struct wrap_line *l = NULL, *r = NULL;
  size_t nl = wrap_text (left, cw, &l);
  size_t nr = wrap_text (right, cw, &r);
  bool ok = nl != (size_t) -1 && nr != (size_t) -1;

  for (size_t i = 0; ok && (i < nl || i < nr); i++)
    {
      int used = 0;
      if (i < nl)
        {
          fwrite (left + l[i].off, 1, l[i].len, o->fp);
          used = l[i].cols;
        }
      if (i < nr)
        {
          out_spaces (o, cw - used + GAP);
          fwrite (right + r[i].off, 1, r[i].len, o->fp);
        }
      putc ('\n', o->fp);
    }
  free (l);
  free (r);
  return ok;
}

static bool
heading_row (struct out *o, const char *title, const struct vtext *ta,
             const struct vtext *tb, int cw)
{
  char left[256], right[256];
  const char *mark = i18n_translating () ? _("[in English]") : "";
  snprintf (left, sizeof left, "%s%s%s", title,
            ta && !ta->translated && *mark ? " " : "",
            ta && !ta->translated ? mark : "");
  snprintf (right, sizeof right, "%s%s%s", title,
            tb && !tb->translated && *mark ? " " : "",
            tb && !tb->translated ? mark : "");
  out_begin (o, STYLE_HEADING);
  bool ok = two_columns (o, left, right, cw);
  out_end (o);
  return ok;
}

static bool
code_sections_stacked (struct out *o, const struct code_view *v)
{
  char buf[1024];
  bool ok = true;
  header_text (v, buf, sizeof buf);
  out_begin (o, STYLE_HEADER);
  ok &= out_para (o, 0, buf);
  out_end (o);
  if (!v->code)
    return ok;
  ok &= section (o, _("Description"), &v->description);
  ok &= section (o, _("When you see this code"), &v->when);
  ok &= section (o, _("How to fix"), &v->fix);
  putc ('\n', o->fp);
  return ok;
}

static bool
code_sections_columns (struct out *o, const struct compare_view *cv)
{
  const struct code_view *a = &cv->a, *b = &cv->b;
  int cw = (o->width - GAP) / 2;
  char ha[1024], hb[1024];
  bool ok = true;
  static const char *const titles[] = {
    N_("Description"), N_("When you see this code"), N_("How to fix")
  };
  const struct vtext *ta[] = { &a->description, &a->when, &a->fix };
  const struct vtext *tb[] = { &b->description, &b->when, &b->fix };

  header_text (a, ha, sizeof ha);
  header_text (b, hb, sizeof hb);
  out_begin (o, STYLE_HEADER);
  ok &= two_columns (o, ha, hb, cw);
  out_end (o);
  for (size_t i = 0; i < RC_COUNT_OF (titles); i++)
    {
      ok &= heading_row (o, _(titles[i]), ta[i], tb[i], cw);
      ok &= two_columns (o, ta[i]->s ? ta[i]->s : "", tb[i]->s ? tb[i]->s : "",
                         cw);
    }
  putc ('\n', o->fp);
  return ok;
}

int
render_text_compare (struct out *o, const struct compare_view *cv)
{
  const struct code_view *a = &cv->a, *b = &cv->b;
  char buf[4096];
  bool ok = true;

  view_compare_title (a, b, buf, sizeof buf);
  out_begin (o, STYLE_HEADER);
  ok &= out_para (o, 0, buf);
  out_end (o);
  render_compare_summary (cv, buf, sizeof buf);
  ok &= out_para (o, 0, buf);
  putc ('\n', o->fp);

  if (o->columns)
    ok &= code_sections_columns (o, cv);
  else
    {
      ok &= code_sections_stacked (o, a);
      ok &= code_sections_stacked (o, b);
    }

  heading (o, 0, _("Key differences"), NULL);
  for (size_t i = 0; i < cv->n_diffs; i++)
    {
      const struct difference *d = &cv->diffs[i];
      out_spaces (o, INDENT);
      fputs (d->label, o->fp);
      putc ('\n', o->fp);
      snprintf (buf, sizeof buf, "%s: %s", a->label, d->a);
      ok &= out_para (o, 2 * INDENT, buf);
      snprintf (buf, sizeof buf, "%s: %s", b->label, d->b);
      ok &= out_para (o, 2 * INDENT, buf);
    }
  if (cv->facts_equal)
    ok &= out_para (o, INDENT,
                    _("Both codes have the same outcome, topic and party to "
                      "act; what differs is the situation that produces "
                      "them."));
  putc ('\n', o->fp);

  heading (o, 0, _("When to use which"), NULL);
  const struct code_view *both[] = { a, b };
  for (size_t i = 0; i < 2; i++)
    {
      const struct code_view *v = both[i];
      /* TRANSLATORS: %1$s code, %2$s its title, %3$s the text "when you
         see this code", %4$s advice such as "Retry later".  */
      snprintf (buf, sizeof buf, _("%1$s (%2$s): %3$s %4$s"), v->label,
                v->title.s ? v->title.s : "", v->when.s ? v->when.s : "",
                view_advice_text (v->outcome));
      ok &= out_para (o, INDENT, buf);
    }
  return ok ? 0 : RC_EXIT_OUTPUT;
}
