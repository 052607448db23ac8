/* render_text.c: terminal text for show, list and compare.
   Paragraphs are wrapped by display width (out_para, wrap.c); nothing is
   ever truncated.  Texts are composed in growable buffers (dbuf.h) and
   written only through out.h, which makes them clean for a terminal.  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbuf.h"
#include "i18n.h"
#include "render.h"

#define INDENT 2
#define GAP 3

static enum out_style
outcome_style (unsigned outcome)
{
  switch (outcome)
    {
    case RC_OUT_SUCCESS: return STYLE_GOOD;
    case RC_OUT_PERMANENT:
    case RC_OUT_FAILURE: return STYLE_BAD;
    default: return STYLE_WARN;
    }
}

/* "SMTP 220 — Service Ready", plus the English title when translated.  */
static bool
header_text (struct dbuf *b, const struct code_view *v)
{
  if (!v->code)
    /* TRANSLATORS: %1$s protocol, %2$s code, for a code that is not in
       the registry.  */
    return dbuf_printf (b, _("%1$s %2$s — not registered"), v->reg->name,
                        v->label);
  return dbuf_printf (b, "%s %s — ", v->reg->name, v->label)
    && view_add_title (b, v);
}

/* "2xx Positive Completion · x2x Connections" */
static bool
category_text (struct dbuf *b, const struct code_view *v)
{
  const char *ct = v->cls_title.s ? v->cls_title.s : _("(no class defined)");
  const char *st = v->sub_title.s;
  if (v->sub_value[0] && st)
    return dbuf_printf (b, "%s %s · %s %s", v->cls_value, ct, v->sub_value,
                        st);
  return dbuf_printf (b, "%s %s", v->cls_value, ct);
}

static bool
labeled (struct out *o, const char *label, const char *text)
{
  struct dbuf b = DBUF_INIT;
  bool ok = dbuf_printf (&b, "%s: %s", label, text)
    && out_para (o, 0, dbuf_str (&b));
  dbuf_free (&b);
  return ok;
}

/* A section heading, marked when its text is still English.  */
static bool
heading (struct out *o, int indent, const char *title, const struct vtext *t)
{
  bool ok;
  out_spaces (o, indent);
  out_begin (o, STYLE_HEADING);
  ok = out_text (o, title);
  out_end (o);
  if (t && !t->translated && i18n_translating ())
    {
      putc (' ', o->fp);
      out_begin (o, STYLE_DIM);
      ok &= out_text (o, _("[in English]"));
      out_end (o);
    }
  putc ('\n', o->fp);
  return ok;
}

static bool
section (struct out *o, const char *title, const struct vtext *t)
{
  bool ok = heading (o, 0, title, t);
  return out_para (o, INDENT, t->s) && ok;
}

/* Appends the separator of a "; "-separated list to B, unless B is
   empty.  */
static bool
separate (struct dbuf *b)
{
  return dbuf_len (b) == 0 || dbuf_add (b, "; ");
}

static bool
references_text (struct dbuf *b, const struct rc_code *c)
{
  bool ok = true;
  for (size_t i = 0; i < c->n_refs; i++)
    ok = ok && separate (b) && view_add_reference (b, &c->refs[i]);
  return ok;
}

static bool
related_text (struct dbuf *b, const struct catalog *cat,
              const struct code_view *v)
{
  const struct rc_code *c = v->code;
  bool ok = true;
  for (size_t i = 0; ok && i < c->n_related; i++)
    {
      const struct rc_link *l = &c->related[i];
      const struct rc_registry *r;
      const struct rc_code *rc = view_related (cat, v->reg, l, &r);
      ok = separate (b);
      if (rc)
        {
          struct vtext t = view_code_title (r, rc);
          if (r != v->reg)
            ok = ok && dbuf_printf (b, "%s %s %s", r->name, rc->value, t.s);
          else
            ok = ok && dbuf_printf (b, "%s %s", rc->value, t.s);
        }
      else
        ok = ok && dbuf_add (b, l->code);
    }
  return ok;
}

static bool
replies_text (struct dbuf *b, const struct rc_code *c)
{
  bool ok = true;
  for (size_t i = 0; ok && i < c->n_replies; i++)
    {
      ok = separate (b);
      if (c->replies[i].doc)
        ok = ok && dbuf_printf (b, "\"%s\" (%s)", c->replies[i].text,
                                c->replies[i].doc);
      else
        ok = ok && dbuf_printf (b, "\"%s\"", c->replies[i].text);
    }
  return ok;
}

static bool
aliases_text (struct dbuf *b, const struct rc_code *c)
{
  bool ok = true;
  for (size_t i = 0; i < c->n_aliases; i++)
    ok = ok && separate (b) && dbuf_add (b, c->aliases[i]);
  return ok;
}

/* The facts and sections of registered code V, after its header.  */
static bool
show_registered (struct out *o, const struct catalog *cat,
                 const struct code_view *v, struct dbuf *b)
{
  const struct rc_code *c = v->code;
  bool ok = true;

  if (c->n_aliases > 0)
    {
      dbuf_reset (b);
      ok &= aliases_text (b, c) && labeled (o, _("Also known as"),
                                            dbuf_str (b));
    }
  if (c->n_replies > 0)
    {
      dbuf_reset (b);
      ok &= replies_text (b, c) && labeled (o, _("Reply text"),
                                            dbuf_str (b));
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
  dbuf_reset (b);
  ok &= references_text (b, c) && labeled (o, _("References"),
                                           dbuf_str (b));
  if (c->n_related > 0)
    {
      dbuf_reset (b);
      ok &= related_text (b, cat, v) && labeled (o, _("See also"),
                                                 dbuf_str (b));
    }
  return ok;
}

int
render_text_show (struct out *o, const struct catalog *cat,
                  const struct code_view *v)
{
  struct dbuf b = DBUF_INIT;
  bool ok;

  ok = header_text (&b, v);
  out_begin (o, STYLE_HEADER);
  out_begin (o, outcome_style (v->outcome));
  ok = ok && out_para (o, 0, dbuf_str (&b));
  out_end (o);
  dbuf_reset (&b);
  ok = ok && category_text (&b, v) && out_para (o, 0, dbuf_str (&b));
  if (ok && !v->code)
    {
      dbuf_reset (&b);
      ok = dbuf_printf (&b, _("This code is not in the %1$s registry; what "
                              "is shown comes from its digits only."),
                        v->reg->name)
        && out_para (o, 0, dbuf_str (&b));
      if (ok && v->cls_desc.s)
        ok = out_para (o, 0, v->cls_desc.s);
    }
  else if (ok)
    ok = show_registered (o, cat, v, &b);
  dbuf_free (&b);
  return ok ? 0 : RC_EXIT_OUTPUT;
}

int
render_text_list_item (struct out *o, const struct code_view *v)
{
  struct dbuf prefix = DBUF_INIT, title = DBUF_INIT;
  bool ok;

  ok = dbuf_printf (&prefix, "%s %-6s ", v->reg->name, v->label);
  ok &= view_add_title (&title, v);
  /* a hanging indent keeps the code column clear */
  ok = ok && out_hanging (o, dbuf_str (&prefix), dbuf_str (&title));
  dbuf_free (&prefix);
  dbuf_free (&title);
  return ok ? 0 : RC_EXIT_OUTPUT;
}

/* S, or "" for a missing text.  */
static const char *
str0 (const char *s)
{
  return s ? s : "";
}

bool
render_add_compare_summary (struct dbuf *out, const struct compare_view *cv)
{
  const struct code_view *a = &cv->a, *b = &cv->b;
  unsigned act_a = a->code ? a->code->actor : RC_ACT_NONE;
  unsigned act_b = b->code ? b->code->actor : RC_ACT_NONE;
  bool ok;

  if (cv->same_class)
    /* TRANSLATORS: %1$s protocol; %2$s, %4$s codes; %3$s, %5$s their
       titles; %6$s class ("2xx"); %7$s class title.  */
    ok = dbuf_printf (out,
                      _("Both %1$s %2$s (%3$s) and %4$s (%5$s) belong to the "
                        "%6$s %7$s category."),
                      a->reg->name, a->label, str0 (a->title.s), b->label,
                      str0 (b->title.s), a->cls_value, str0 (a->cls_title.s));
  else
    {
      struct dbuf ca = DBUF_INIT, cb = DBUF_INIT;
      ok = dbuf_printf (&ca, "%s %s", a->cls_value, str0 (a->cls_title.s));
      ok &= dbuf_printf (&cb, "%s %s", b->cls_value, str0 (b->cls_title.s));
      /* TRANSLATORS: %1$s protocol; %2$s, %5$s codes; %3$s, %6$s their
         titles; %4$s, %7$s their classes with class titles.  */
      ok = ok && dbuf_printf (out,
                              _("%1$s %2$s (%3$s) belongs to the %4$s "
                                "category, while %5$s (%6$s) belongs to the "
                                "%7$s category."),
                              a->reg->name, a->label, str0 (a->title.s),
                              dbuf_str (&ca), b->label, str0 (b->title.s),
                              dbuf_str (&cb));
      dbuf_free (&ca);
      dbuf_free (&cb);
    }
  if (a->outcome != b->outcome)
    /* TRANSLATORS: %1$s, %3$s codes; %2$s, %4$s outcomes such as
       "success" or "a temporary failure".  */
    ok = ok && dbuf_printf (out, _(" %1$s reports %2$s; %3$s reports %4$s."),
                            a->label, view_outcome_noun (a->outcome),
                            b->label, view_outcome_noun (b->outcome));
  if (act_a != act_b)
    /* TRANSLATORS: %1$s, %3$s codes; %2$s, %4$s who must act.  */
    ok = ok && dbuf_printf (out, _(" Who must act: for %1$s, %2$s; for "
                                   "%3$s, %4$s."),
                            a->label, view_actor_text (act_a), b->label,
                            view_actor_text (act_b));
  return ok;
}

void
render_compare_summary (const struct compare_view *cv, char *buf, size_t n)
{
  struct dbuf t = DBUF_INIT;
  size_t len;

  if (n == 0)
    return;
  if (!render_add_compare_summary (&t, cv))
    dbuf_reset (&t);
  len = dbuf_len (&t);
  if (len >= n)
    {
      len = n - 1;
      /* back to the start of the character that would be cut */
      while (len > 0 && (dbuf_str (&t)[len] & 0xC0) == 0x80)
        len--;
    }
  memcpy (buf, dbuf_str (&t), len);
  buf[len] = '\0';
  dbuf_free (&t);
}

/* TITLE, followed by the "[in English]" mark when T is untranslated.  */
static bool
heading_text (struct dbuf *b, const char *title, const struct vtext *t)
{
  const char *mark = i18n_translating () ? _("[in English]") : "";
  bool marked = t && !t->translated && *mark;
  return dbuf_printf (b, "%s%s%s", title, marked ? " " : "",
                      marked ? mark : "");
}

static bool
heading_row (struct out *o, const char *title, const struct vtext *ta,
             const struct vtext *tb, int cw)
{
  struct dbuf left = DBUF_INIT, right = DBUF_INIT;
  bool ok = heading_text (&left, title, ta);
  ok &= heading_text (&right, title, tb);
  out_begin (o, STYLE_HEADING);
  ok = ok && out_columns (o, dbuf_str (&left), dbuf_str (&right), cw, GAP);
  out_end (o);
  dbuf_free (&left);
  dbuf_free (&right);
  return ok;
}

static bool
code_sections_stacked (struct out *o, const struct code_view *v)
{
  struct dbuf b = DBUF_INIT;
  bool ok = header_text (&b, v);
  out_begin (o, STYLE_HEADER);
  ok = ok && out_para (o, 0, dbuf_str (&b));
  out_end (o);
  dbuf_free (&b);
  if (!ok || !v->code)
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
  struct dbuf ha = DBUF_INIT, hb = DBUF_INIT;
  bool ok;
  static const char *const titles[] = {
    N_("Description"), N_("When you see this code"), N_("How to fix")
  };
  const struct vtext *ta[] = { &a->description, &a->when, &a->fix };
  const struct vtext *tb[] = { &b->description, &b->when, &b->fix };

  ok = header_text (&ha, a);
  ok &= header_text (&hb, b);
  out_begin (o, STYLE_HEADER);
  ok = ok && out_columns (o, dbuf_str (&ha), dbuf_str (&hb), cw, GAP);
  out_end (o);
  dbuf_free (&ha);
  dbuf_free (&hb);
  for (size_t i = 0; ok && i < RC_COUNT_OF (titles); i++)
    {
      ok &= heading_row (o, _(titles[i]), ta[i], tb[i], cw);
      ok &= out_columns (o, str0 (ta[i]->s), str0 (tb[i]->s), cw, GAP);
    }
  putc ('\n', o->fp);
  return ok;
}

/* The "Key differences" section.  */
static bool
differences (struct out *o, const struct compare_view *cv, struct dbuf *b)
{
  bool ok = heading (o, 0, _("Key differences"), NULL);
  for (size_t i = 0; ok && i < cv->n_diffs; i++)
    {
      const struct difference *d = &cv->diffs[i];
      out_spaces (o, INDENT);
      ok = out_text (o, d->label);
      putc ('\n', o->fp);
      dbuf_reset (b);
      ok = ok && dbuf_printf (b, "%s: %s", cv->a.label, d->a)
        && out_para (o, 2 * INDENT, dbuf_str (b));
      dbuf_reset (b);
      ok = ok && dbuf_printf (b, "%s: %s", cv->b.label, d->b)
        && out_para (o, 2 * INDENT, dbuf_str (b));
    }
  if (ok && cv->facts_equal)
    ok = out_para (o, INDENT,
                   _("Both codes have the same outcome, topic and party to "
                     "act; what differs is the situation that produces "
                     "them."));
  putc ('\n', o->fp);
  return ok;
}

int
render_text_compare (struct out *o, const struct compare_view *cv)
{
  const struct code_view *a = &cv->a, *b = &cv->b;
  const struct code_view *both[] = { a, b };
  struct dbuf buf = DBUF_INIT;
  bool ok;

  ok = view_add_compare_title (&buf, a, b);
  out_begin (o, STYLE_HEADER);
  ok = ok && out_para (o, 0, dbuf_str (&buf));
  out_end (o);
  dbuf_reset (&buf);
  ok = ok && render_add_compare_summary (&buf, cv)
    && out_para (o, 0, dbuf_str (&buf));
  putc ('\n', o->fp);

  if (ok && o->columns)
    ok = code_sections_columns (o, cv);
  else if (ok)
    {
      ok = code_sections_stacked (o, a);
      ok = ok && code_sections_stacked (o, b);
    }
  ok = ok && differences (o, cv, &buf);
  ok = ok && heading (o, 0, _("When to use which"), NULL);
  for (size_t i = 0; ok && i < 2; i++)
    {
      const struct code_view *v = both[i];
      dbuf_reset (&buf);
      /* TRANSLATORS: %1$s code, %2$s its title, %3$s the text "when you
         see this code", %4$s advice such as "Retry later".  */
      ok = dbuf_printf (&buf, _("%1$s (%2$s): %3$s %4$s"), v->label,
                        str0 (v->title.s), str0 (v->when.s),
                        view_advice_text (v->outcome))
        && out_para (o, INDENT, dbuf_str (&buf));
    }
  dbuf_free (&buf);
  return ok ? 0 : RC_EXIT_OUTPUT;
}
