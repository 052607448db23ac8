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
#include "known.h"
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

static bool
labeled (struct out *o, const char *label, const char *text)
{
  struct dbuf b = DBUF_INIT;
  bool ok = view_add_labeled (&b, label, text)
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

static bool
references_text (struct dbuf *b, const struct rc_code *c)
{
  bool ok = true;
  for (size_t i = 0; i < c->n_refs; i++)
    ok = ok && view_add_list_separator (b) && view_add_reference (b, &c->refs[i]);
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
      ok = view_add_list_separator (b);
      if (rc)
        {
          struct vtext t = view_code_title (r, rc);
          if (r != v->reg)
            ok = ok && dbuf_printf (b, "%s ", r->name);
          ok = ok && view_add_code_name (b, rc->value, t.s);
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
      ok = view_add_list_separator (b);
      ok = ok && view_add_reply (b, &c->replies[i]);
    }
  return ok;
}

static bool
aliases_text (struct dbuf *b, const struct rc_code *c)
{
  bool ok = true;
  for (size_t i = 0; i < c->n_aliases; i++)
    ok = ok && view_add_list_separator (b) && dbuf_add (b, c->aliases[i]);
  return ok;
}

/* The known replies that come with V's code: a few, named with their
   producers, and how many more there are.  */
static bool
known_list_text (struct dbuf *b, const struct catalog *cat,
                 const struct code_view *v)
{
  struct known_hit hits[RENDER_KNOWN_SHOWN];
  size_t n = known_for_code (cat, v->reg, v->code, hits, RC_COUNT_OF (hits));
  bool ok = true;

  for (size_t i = 0; ok && i < n && i < RC_COUNT_OF (hits); i++)
    {
      struct known_view kv;
      view_known (hits[i].producer, hits[i].reply, &kv);
      ok = view_add_list_separator (b) && view_add_known_name (b, &kv);
    }
  if (ok && n > RC_COUNT_OF (hits))
    ok = view_add_known_more (b, n - RC_COUNT_OF (hits), v->reg->protocol,
                              v->label);
  return ok;
}

/* The facts and sections of registered code V, after its header.  */
static bool
show_registered (struct out *o, const struct catalog *cat,
                 const struct code_view *v, struct dbuf *b)
{
  const struct rc_code *c = v->code;
  bool ok = true;

  if (v->reg->vendor)
    {
      dbuf_reset (b);
      ok &= view_add_vendor_note (b, v->reg) && labeled (o, _("Vendor"),
                                                          dbuf_str (b));
    }
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
  for (size_t i = 0; i < VIEW_N_SECTIONS; i++)
    ok &= section (o, view_section_title (i), view_section_text (v, i));
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
  dbuf_reset (b);
  ok &= known_list_text (b, cat, v);
  if (ok && dbuf_len (b) > 0)
    ok = labeled (o, _("Known replies"), dbuf_str (b));
  return ok;
}

int
render_text_show (struct out *o, const struct catalog *cat,
                  const struct code_view *v)
{
  struct dbuf b = DBUF_INIT;
  bool ok;

  ok = view_add_header (&b, v, 0);
  out_begin (o, STYLE_HEADER);
  out_begin (o, outcome_style (v->outcome));
  ok = ok && out_para (o, 0, dbuf_str (&b));
  out_end (o);
  dbuf_reset (&b);
  /* word and number registries (IMAP, DNS) have no classes */
  if (v->cls_value[0])
    ok = ok && view_add_category (&b, v) && out_para (o, 0, dbuf_str (&b));
  if (ok && !v->code)
    {
      dbuf_reset (&b);
      ok = view_add_unregistered_note (&b, v)
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

/* A list line: PREFIX, then TITLE and MATCHED (unless NULL).  */
static int
search_line (struct out *o, const char *prefix, const char *title,
             const char *matched)
{
  struct dbuf t = DBUF_INIT;
  bool ok = (matched ? dbuf_printf (&t, "%s  [%s]", title, matched)
             : dbuf_add (&t, title))
    && out_hanging (o, prefix, dbuf_str (&t));
  dbuf_free (&t);
  return ok ? 0 : RC_EXIT_OUTPUT;
}

int
render_text_search_code (struct out *o, const struct code_view *v,
                         const char *matched)
{
  struct dbuf prefix = DBUF_INIT, title = DBUF_INIT;
  int ret = RC_EXIT_OUTPUT;
  if (dbuf_printf (&prefix, "%s %-6s ", v->reg->name, v->label)
      && view_add_title (&title, v))
    ret = search_line (o, dbuf_str (&prefix), dbuf_str (&title), matched);
  dbuf_free (&prefix);
  dbuf_free (&title);
  return ret;
}

int
render_text_search_known (struct out *o, const struct known_view *kv,
                          const char *matched)
{
  struct dbuf prefix = DBUF_INIT, title = DBUF_INIT;
  int ret = RC_EXIT_OUTPUT;
  const struct rc_known *k = kv->reply;
  bool ok = dbuf_printf (&prefix, "%s", kv->producer->name);
  for (size_t i = 0; ok && i < k->n_codes && i < 2; i++)
    ok = dbuf_printf (&prefix, " %s", k->codes[i]);
  ok = ok && dbuf_add (&prefix, " ");
  ok = ok && dbuf_add (&title, kv->name.s);
  if (ok && kv->name.translated)
    ok = dbuf_printf (&title, " (%s)", kv->name.en);
  if (ok)
    ret = search_line (o, dbuf_str (&prefix), dbuf_str (&title), matched);
  dbuf_free (&prefix);
  dbuf_free (&title);
  return ret;
}

int
render_text_brief_item (struct out *o, const struct code_view *v)
{
  struct dbuf b = DBUF_INIT;
  bool ok = view_add_header (&b, v, 0);
  out_begin (o, STYLE_HEADER);
  out_begin (o, outcome_style (v->outcome));
  ok = ok && out_para (o, 0, dbuf_str (&b));
  out_end (o);
  out_end (o);
  dbuf_free (&b);
  return ok ? 0 : RC_EXIT_OUTPUT;
}

int
render_text_note (struct out *o, const char *text)
{
  return putc ('\n', o->fp) != EOF && out_para (o, 0, text)
    ? 0 : RC_EXIT_OUTPUT;
}

/* S, or "" for a missing text.  */
static const char *
str0 (const char *s)
{
  return s ? s : "";
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
  bool ok = view_add_header (&b, v, 0);
  out_begin (o, STYLE_HEADER);
  ok = ok && out_para (o, 0, dbuf_str (&b));
  out_end (o);
  dbuf_free (&b);
  if (!ok || !v->code)
    return ok;
  for (size_t i = 0; i < VIEW_N_SECTIONS; i++)
    ok &= section (o, view_section_title (i), view_section_text (v, i));
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

  ok = view_add_header (&ha, a, 0);
  ok &= view_add_header (&hb, b, 0);
  out_begin (o, STYLE_HEADER);
  ok = ok && out_columns (o, dbuf_str (&ha), dbuf_str (&hb), cw, GAP);
  out_end (o);
  dbuf_free (&ha);
  dbuf_free (&hb);
  for (size_t i = 0; ok && i < VIEW_N_SECTIONS; i++)
    {
      const struct vtext *ta = view_section_text (a, i);
      const struct vtext *tb = view_section_text (b, i);
      ok &= heading_row (o, view_section_title (i), ta, tb, cw);
      ok &= out_columns (o, str0 (ta->s), str0 (tb->s), cw, GAP);
    }
  putc ('\n', o->fp);
  return ok;
}

int
render_text_compare (struct out *o, const struct compare_view *cv)
{
  const struct code_view *a = &cv->a, *b = &cv->b;
  struct dbuf buf = DBUF_INIT;
  bool ok;

  ok = view_add_compare_title (&buf, a, b);
  out_begin (o, STYLE_HEADER);
  ok = ok && out_para (o, 0, dbuf_str (&buf));
  out_end (o);
  dbuf_free (&buf);
  ok = ok && out_para (o, 0, str0 (cv->summary));
  putc ('\n', o->fp);

  if (ok && o->columns)
    ok = code_sections_columns (o, cv);
  else if (ok)
    {
      ok = code_sections_stacked (o, a);
      ok = ok && code_sections_stacked (o, b);
    }
  ok = ok && heading (o, 0, _("Key differences"), NULL);
  ok = ok && out_para (o, INDENT, str0 (cv->key_differences));
  putc ('\n', o->fp);
  ok = ok && heading (o, 0, _("When to use which"), NULL);
  ok = ok && out_para (o, INDENT, str0 (cv->when_to_use));
  return ok ? 0 : RC_EXIT_OUTPUT;
}

int
render_text_known (struct out *o, const struct known_view *kv)
{
  const struct rc_known *k = kv->reply;
  struct dbuf b = DBUF_INIT;
  bool ok = view_add_known_name (&b, kv);

  out_begin (o, STYLE_HEADER);
  ok = ok && out_para (o, 0, dbuf_str (&b));
  out_end (o);
  dbuf_reset (&b);
  for (size_t i = 0; ok && i < k->n_codes; i++)
    ok = view_add_list_separator (&b) && dbuf_add (&b, k->codes[i]);
  if (ok && k->n_codes)
    ok = labeled (o, _("Codes"), dbuf_str (&b));
  dbuf_reset (&b);
  ok = ok && dbuf_printf (&b, "%s (%s, %s)", kv->producer->name,
                          view_producer_type_text (kv->producer->type),
                          kv->producer->protocol)
    && labeled (o, _("Producer"), dbuf_str (&b));
  dbuf_reset (&b);
  for (size_t i = 0; ok && i < k->n_matches; i++)
    ok = view_add_list_separator (&b) && dbuf_printf (&b, "\"%s\"",
                                                      k->matches[i]);
  ok = ok && labeled (o, _("Real reply text"), dbuf_str (&b));
  putc ('\n', o->fp);
  ok = ok && section (o, view_known_label (VIEW_KNOWN_MEANING), &kv->meaning)
    && section (o, view_known_label (VIEW_KNOWN_CAUSE), &kv->cause)
    && section (o, view_known_label (VIEW_KNOWN_FIX), &kv->fix);
  putc ('\n', o->fp);
  for (size_t i = 0; ok && i < k->n_sources; i++)
    {
      dbuf_reset (&b);
      ok = view_add_known_source (&b, kv->producer, k->sources[i])
        && labeled (o, view_known_label (VIEW_KNOWN_SOURCE), dbuf_str (&b));
    }
  dbuf_free (&b);
  return ok ? 0 : RC_EXIT_OUTPUT;
}

int
render_text_producer (struct out *o, const struct rc_producer *p)
{
  struct dbuf prefix = DBUF_INIT, t = DBUF_INIT;
  struct vtext d = view_producer_description (p);
  bool ok = dbuf_printf (&prefix, "%-10s ", p->id)
    && dbuf_printf (&t, ngettext ("%1$s (%2$s, %3$s): %4$zu known reply",
                                  "%1$s (%2$s, %3$s): %4$zu known replies",
                                  p->n_replies),
                    p->name, view_producer_type_text (p->type), p->protocol,
                    p->n_replies)
    && dbuf_printf (&t, ". %s", d.s)
    && out_hanging (o, dbuf_str (&prefix), dbuf_str (&t));
  dbuf_free (&prefix);
  dbuf_free (&t);
  return ok ? 0 : RC_EXIT_OUTPUT;
}
