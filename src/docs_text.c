/* docs_text.c: the Markdown, plain-text and man-page writers of the docs
   command.  Plain text reuses the terminal renderer (80 columns, no
   colour); Markdown and man escape every text they copy.  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"
#include "help.h"
#include "dbuf.h"
#include "i18n.h"
#include "render.h"
#include "view.h"

/* ---- escaping ---- */

/* Markdown: a backslash before every character with a meaning.  */
static void
md_text (FILE *f, const char *s)
{
  for (; s && *s; s++)
    {
      if (strchr ("\\`*_[]<>#|{}!~", *s))
        putc ('\\', f);
      putc (*s, f);
    }
}

/* YAML double-quoted scalar.  */
static void
yaml_str (FILE *f, const char *s)
{
  putc ('"', f);
  for (; s && *s; s++)
    {
      if (*s == '"' || *s == '\\')
        putc ('\\', f);
      putc (*s, f);
    }
  putc ('"', f);
}

/* roff: backslashes, leading dots and quotes, and every non-ASCII
   character as \[uXXXX] so groff needs no input encoding.  */
static void
roff_text (FILE *f, const char *s)
{
  const unsigned char *p = (const unsigned char *) s;
  if (*p == '.' || *p == '\'')
    fputs ("\\&", f);
  while (p && *p)
    {
      unsigned c = *p;
      int len = 1;
      if (c >= 0x80)
        {
          if ((c & 0xE0) == 0xC0)
            c &= 0x1F, len = 2;
          else if ((c & 0xF0) == 0xE0)
            c &= 0x0F, len = 3;
          else
            c &= 0x07, len = 4;
          for (int i = 1; i < len && (p[i] & 0xC0) == 0x80; i++)
            c = (c << 6) | (p[i] & 0x3F);
          if (c == 0x2014)
            fputs ("\\(em", f);   /* the em dash of the header lines */
          else
            fprintf (f, "\\[u%04X]", c);
        }
      else if (c == '\\')
        fputs ("\\e", f);
      else if (c == '-')
        fputs ("\\-", f);
      else
        putc ((int) c, f);
      p += len;
    }
}

/* ---- Markdown ---- */

static void
md_front (FILE *f, const char *title, const char *lang,
          const struct rc_registry *r, const char *code)
{
  fputs ("---\ntitle: ", f);
  yaml_str (f, title);
  fprintf (f, "\nlang: %s\n", lang);
  if (r)
    fprintf (f, "protocol: %s\n", r->id);
  if (code)
    fprintf (f, "code: \"%s\"\n", code);
  fputs ("---\n\n", f);
}

/* "- LABEL: TEXT" as a list item.  */
static bool
md_fact (FILE *f, const char *label, const char *text)
{
  struct dbuf b = DBUF_INIT;
  bool ok = view_add_labeled (&b, label, text);
  fputs ("- ", f);
  md_text (f, dbuf_str (&b));
  fputs ("\n", f);
  dbuf_free (&b);
  return ok;
}

static void
md_sections (FILE *f, const struct code_view *v, const char *h)
{
  for (size_t i = 0; i < VIEW_N_SECTIONS; i++)
    {
      fprintf (f, "%s ", h);
      md_text (f, view_section_title (i));
      fputs ("\n\n", f);
      md_text (f, view_section_text (v, i)->s);
      fputs ("\n\n", f);
    }
}

static bool
md_code (struct docs_site *s, const struct rc_registry *r,
         const struct rc_code *c, size_t ri)
{
  char rel[256], file[64];
  struct dbuf b = DBUF_INIT;
  struct code_view v;
  FILE *f;
  bool ok = true;

  docs_code_file (c, file, sizeof file);
  snprintf (rel, sizeof rel, "md/%s/%s/%s.md", s->lang, r->id, file);
  view_code (r, c, c->value, 0, &v);
  if (!view_add_header (&b, &v, 0) || !(f = docs_open (s, rel)))
    {
      dbuf_free (&b);
      return false;
    }
  md_front (f, dbuf_str (&b), s->lang, r, c->value);
  fputs ("# ", f);
  md_text (f, dbuf_str (&b));
  fputs ("\n\n", f);
  if (v.cls_title.s)
    {
      dbuf_reset (&b);
      ok = view_add_category (&b, &v);
      fputs ("**", f);
      md_text (f, dbuf_str (&b));
      fputs ("**\n\n", f);
    }
  for (size_t i = 0; i < c->n_replies; i++)
    {
      dbuf_reset (&b);
      ok = ok && view_add_reply (&b, &c->replies[i])
        && md_fact (f, _("Reply text"), dbuf_str (&b));
    }
  ok = ok && md_fact (f, _("Outcome"), view_outcome_text (v.outcome));
  ok = ok && md_fact (f, _("Who must act"), view_actor_text (c->actor));
  if (c->status != RC_ST_CURRENT)
    ok = ok && md_fact (f, _("Status"), view_status_text (c->status));
  fputs ("\n", f);
  md_sections (f, &v, "##");
  fputs ("## ", f);
  md_text (f, _("References"));
  fputs ("\n\n", f);
  for (size_t i = 0; i < c->n_refs; i++)
    {
      dbuf_reset (&b);
      if (!view_add_reference (&b, &c->refs[i]))
        break;
      fputs ("- ", f);
      md_text (f, dbuf_str (&b));
      fputs ("\n", f);
    }
  fputs ("\n## ", f);
  md_text (f, _("See also"));
  fputs ("\n\n", f);
  for (size_t i = 0; i < c->n_related; i++)
    {
      struct code_view lv;
      if (!docs_related (s, r, &c->related[i], &lv))
        continue;
      dbuf_reset (&b);
      ok = ok && view_add_header (&b, &lv, VIEW_HEAD_NO_ENGLISH);
      fputs ("- [", f);
      md_text (f, dbuf_str (&b));
      fprintf (f, "](../%s/%s.md)\n", lv.reg->id,
               DOCS_SLUG (lv.code->value));
    }
  for (size_t i = 0; i < s->n_pairs[ri]; i++)
    {
      const struct docs_pair *p = &s->pairs[ri][i];
      if (p->a != c && p->b != c)
        continue;
      dbuf_reset (&b);
      ok = ok && view_add_pair_name (&b, r, p->a->value, p->b->value);
      fputs ("- [", f);
      md_text (f, dbuf_str (&b));
      fprintf (f, "](%s-vs-%s.md)\n", DOCS_SLUG (p->a->value),
               DOCS_SLUG (p->b->value));
    }
  s->pages++;
  ok = ok && !dbuf_failed (&b);
  dbuf_free (&b);
  return docs_close (f, rel) && ok;
}

static bool
md_compare (struct docs_site *s, const struct rc_registry *r,
            const struct docs_pair *p)
{
  char rel[256];
  struct dbuf t = DBUF_INIT;
  struct compare_view cv;
  FILE *f;
  bool ok;

  snprintf (rel, sizeof rel, "md/%s/%s/%s-vs-%s.md", s->lang, r->id,
            DOCS_SLUG (p->a->value), DOCS_SLUG (p->b->value));
  docs_compare_view (r, p, &cv);
  struct code_view a = cv.a, b = cv.b;
  const struct code_view *both[] = { &a, &b };
  /* a comparison always has its texts, unless out of memory */
  ok = cv.summary && view_add_compare_title (&t, &a, &b);
  if (!ok || !(f = docs_open (s, rel)))
    {
      view_compare_free (&cv);
      dbuf_free (&t);
      return false;
    }
  md_front (f, dbuf_str (&t), s->lang, r, NULL);
  fputs ("# ", f);
  md_text (f, dbuf_str (&t));
  fputs ("\n\n", f);
  md_text (f, cv.summary);
  fputs ("\n\n", f);
  for (int i = 0; i < 2; i++)
    {
      dbuf_reset (&t);
      ok &= view_add_header (&t, both[i], 0);
      fprintf (f, "## [");
      md_text (f, dbuf_str (&t));
      fprintf (f, "](%s.md)\n\n", DOCS_SLUG (both[i]->code->value));
      md_sections (f, both[i], "###");
    }
  fputs ("## ", f);
  md_text (f, _("Key differences"));
  fputs ("\n\n", f);
  md_text (f, cv.key_differences);
  fputs ("\n\n## ", f);
  md_text (f, _("When to use which"));
  fputs ("\n\n", f);
  md_text (f, cv.when_to_use);
  fputs ("\n", f);
  s->pages++;
  view_compare_free (&cv);
  dbuf_free (&t);
  return docs_close (f, rel) && ok;
}

/* Index of one registry (classes, codes) or of one class.  */
static bool
md_list (struct docs_site *s, const struct rc_registry *r,
         const struct rc_class *cls)
{
  char rel[256];
  struct dbuf title = DBUF_INIT;
  struct vtext rt = view_registry_title (r);
  FILE *f;
  bool ok;

  if (cls)
    snprintf (rel, sizeof rel, "md/%s/%s/class-%s.md", s->lang, r->id,
              cls->value);
  else
    snprintf (rel, sizeof rel, "md/%s/%s/index.md", s->lang, r->id);
  if (cls)
    ok = dbuf_printf (&title, "%s ", r->name)
      && view_add_class_name (&title, cls->value,
                              i18n_data (r->id, cls->value, "title",
                                         cls->title, NULL));
  else
    ok = dbuf_add (&title, rt.s);
  if (!ok || !(f = docs_open (s, rel)))
    {
      dbuf_free (&title);
      return false;
    }
  md_front (f, dbuf_str (&title), s->lang, r, NULL);
  fputs ("# ", f);
  md_text (f, dbuf_str (&title));
  fputs ("\n\n", f);
  if (cls)
    {
      md_text (f, i18n_data (r->id, cls->value, "description",
                             cls->description, NULL));
      fputs ("\n\n", f);
    }
  else
    for (size_t i = 0; ok && i < r->n_classes; i++)
      {
        dbuf_reset (&title);
        ok = view_add_class_name (&title, r->classes[i].value,
                                  i18n_data (r->id, r->classes[i].value,
                                             "title", r->classes[i].title,
                                             NULL));
        fputs ("- [", f);
        md_text (f, dbuf_str (&title));
        fprintf (f, "](class-%s.md)\n", r->classes[i].value);
      }
  fputs ("\n", f);
  for (size_t i = 0; ok && i < r->n_codes; i++)
    {
      const struct rc_code *c = &r->codes[i];
      if (cls && !docs_class_has (cls->value, c->value))
        continue;
      dbuf_reset (&title);
      ok = view_add_code_name (&title, c->value, view_code_title (r, c).s);
      fputs ("- [", f);
      md_text (f, dbuf_str (&title));
      fprintf (f, "](%s.md)\n", DOCS_SLUG (c->value));
    }
  dbuf_free (&title);
  s->pages++;
  return docs_close (f, rel) && ok;
}

static bool
md_index (struct docs_site *s)
{
  char rel[64];
  FILE *f;
  snprintf (rel, sizeof rel, "md/%s/index.md", s->lang);
  if (!(f = docs_open (s, rel)))
    return false;
  md_front (f, "replycode", s->lang, NULL, NULL);
  fputs ("# replycode\n\n", f);
  for (size_t i = 0; i < s->cat->n_regs; i++)
    if (docs_wants (s, &s->cat->regs[i]))
      {
        struct vtext t = view_registry_title (&s->cat->regs[i]);
        fputs ("- [", f);
        md_text (f, t.s);
        fprintf (f, "](%s/index.md)\n", s->cat->regs[i].id);
      }
  s->pages++;
  return docs_close (f, rel);
}

/* ---- plain text ---- */

/* One page of the terminal renderer: code V, or comparison CV.  */
static bool
txt_page (struct docs_site *s, const char *rel, const struct code_view *v,
          const struct compare_view *cv)
{
  FILE *f = docs_open (s, rel);
  struct out o = { f, false, 80, false };
  int ret;
  if (!f)
    return false;
  if (v)
    ret = render_text_show (&o, s->cat, v);
  else
    ret = render_text_compare (&o, cv);
  s->pages++;
  return docs_close (f, rel) && ret == 0;
}

static bool
txt_registry (struct docs_site *s, const struct rc_registry *r, size_t ri)
{
  char rel[256];
  FILE *f;
  bool ok = true;

  snprintf (rel, sizeof rel, "txt/%s/%s/index.txt", s->lang, r->id);
  if (!(f = docs_open (s, rel)))
    return false;
  struct out o = { f, false, 80, false };
  struct vtext t = view_registry_title (r);
  ok &= out_text (&o, t.s);
  fputs ("\n\n", f);
  for (size_t i = 0; ok && i < r->n_codes; i++)
    {
      struct code_view v;
      view_code (r, &r->codes[i], r->codes[i].value, 0, &v);
      ok &= render_text_list_item (&o, &v) == 0;
    }
  s->pages++;
  ok = docs_close (f, rel) && ok;
  for (size_t i = 0; ok && i < r->n_codes; i++)
    {
      struct code_view v;
      view_code (r, &r->codes[i], r->codes[i].value, 0, &v);
      snprintf (rel, sizeof rel, "txt/%s/%s/%s.txt", s->lang, r->id,
                r->codes[i].value);
      ok &= txt_page (s, rel, &v, NULL);
    }
  for (size_t i = 0; ok && i < s->n_pairs[ri]; i++)
    {
      const struct docs_pair *p = &s->pairs[ri][i];
      struct compare_view cv;
      docs_compare_view (r, p, &cv);
      snprintf (rel, sizeof rel, "txt/%s/%s/%s-vs-%s.txt", s->lang, r->id,
                p->a->value, p->b->value);
      /* a comparison always has its texts, unless out of memory */
      ok &= cv.summary && txt_page (s, rel, NULL, &cv);
      view_compare_free (&cv);
    }
  return ok;
}

/* ---- man ---- */

static bool
man_registry (struct docs_site *s, const struct rc_registry *r)
{
  char rel[256], upper[64];
  FILE *f;
  struct vtext t = view_registry_title (r);
  struct dbuf head = DBUF_INIT;
  size_t i;
  bool ok;

  if (strcmp (s->lang, "en") == 0)
    snprintf (rel, sizeof rel, "man/man7/replycode-%s.7", r->id);
  else
    snprintf (rel, sizeof rel, "man/%s/man7/replycode-%s.7", s->lang, r->id);
  if (!(f = docs_open (s, rel)))
    return false;
  for (i = 0; r->id[i] && i < sizeof upper - 1; i++)
    upper[i] = (char) (r->id[i] >= 'a' && r->id[i] <= 'z'
                       ? r->id[i] - 'a' + 'A' : r->id[i]);
  upper[i] = '\0';
  fprintf (f, ".\\\" Generated by replycode docs; do not edit.\n"
           ".TH REPLYCODE\\-%s 7 \"\" \"%s %s\" \"replycode\"\n.SH ",
           upper, PACKAGE, VERSION);
  roff_text (f, i18n_pgettext ("man section", "NAME"));
  fprintf (f, "\nreplycode\\-%s \\- ", r->id);
  roff_text (f, t.s);
  fputs ("\n.SH ", f);
  roff_text (f, i18n_pgettext ("man section", "DESCRIPTION"));
  fputs ("\n", f);
  for (i = 0; i < r->n_classes; i++)
    {
      const struct rc_class *c = &r->classes[i];
      fprintf (f, ".TP\n.B %s\n", c->value);
      roff_text (f, i18n_data (r->id, c->value, "title", c->title, NULL));
      fputs (": ", f);
      roff_text (f, i18n_data (r->id, c->value, "description",
                               c->description, NULL));
      fputs ("\n", f);
    }
  fputs (".SH ", f);
  roff_text (f, i18n_pgettext ("man section", "CODES"));
  fputs ("\n", f);
  for (i = 0; i < r->n_codes; i++)
    {
      struct code_view v;
      view_code (r, &r->codes[i], r->codes[i].value, 0, &v);
      dbuf_reset (&head);
      if (!view_add_header (&head, &v, VIEW_HEAD_NO_PROTOCOL))
        break;
      fputs (".SS \"", f);
      roff_text (f, dbuf_str (&head));
      fputs ("\"\n", f);
      for (size_t k = 0; k < VIEW_N_SECTIONS; k++)
        {
          fputs (".TP\n.B ", f);
          roff_text (f, view_section_title (k));
          fputs ("\n", f);
          roff_text (f, view_section_text (&v, k)->s);
          fputs ("\n", f);
        }
    }
  ok = i == r->n_codes;
  dbuf_free (&head);
  fputs (".SH ", f);
  roff_text (f, i18n_pgettext ("man section", "SEE ALSO"));
  fputs ("\n.BR replycode (1)\n", f);
  s->pages++;
  return docs_close (f, rel) && ok;
}

/* replycode(1): the --help text of the program, in the page's language.  */
static bool
man_program (struct docs_site *s)
{
  char rel[128], *help = NULL;
  size_t len = 0;
  FILE *f, *mem = open_memstream (&help, &len);
  bool ok = mem != NULL;

  if (mem)
    {
      rc_help (mem);
      ok = fclose (mem) == 0;
    }
  if (!ok)
    {
      free (help);
      return false;
    }
  if (strcmp (s->lang, "en") == 0)
    snprintf (rel, sizeof rel, "man/man1/replycode.1");
  else
    snprintf (rel, sizeof rel, "man/%s/man1/replycode.1", s->lang);
  if (!(f = docs_open (s, rel)))
    {
      free (help);
      return false;
    }
  fprintf (f, ".\\\" Generated by replycode docs; do not edit.\n"
           ".TH REPLYCODE 1 \"\" \"%s %s\" \"replycode\"\n.SH ", PACKAGE,
           VERSION);
  roff_text (f, i18n_pgettext ("man section", "NAME"));
  fputs ("\nreplycode \\- ", f);
  roff_text (f, _("explain protocol reply codes"));
  fputs ("\n.SH ", f);
  roff_text (f, i18n_pgettext ("man section", "DESCRIPTION"));
  fputs ("\n.nf\n", f);
  /* line by line, each ended in place (HELP is ours) */
  for (char *p = help; *p;)
    {
      size_t n = strcspn (p, "\n");
      bool more = p[n] == '\n';
      p[n] = '\0';
      roff_text (f, p);
      fputs ("\n", f);
      p += n + more;
    }
  fputs (".fi\n.SH ", f);
  roff_text (f, i18n_pgettext ("man section", "SEE ALSO"));
  fputs ("\n", f);
  for (size_t i = 0; i < s->cat->n_regs; i++)
    if (docs_wants (s, &s->cat->regs[i]))
      fprintf (f, ".BR replycode\\-%s (7)%s\n", s->cat->regs[i].id,
               i + 1 < s->cat->n_regs ? " ," : "");
  free (help);
  s->pages++;
  return docs_close (f, rel);
}

int
docs_write_text (struct docs_site *s, unsigned formats)
{
  bool ok = true;
  if (formats & DOCS_MD)
    ok &= md_index (s);
  if (formats & DOCS_MAN)
    ok &= man_program (s);
  for (size_t ri = 0; ok && ri < s->cat->n_regs; ri++)
    {
      const struct rc_registry *r = &s->cat->regs[ri];
      if (!docs_wants (s, r))
        continue;
      if (formats & DOCS_MD)
        {
          ok &= md_list (s, r, NULL);
          for (size_t i = 0; ok && i < r->n_classes; i++)
            ok &= md_list (s, r, &r->classes[i]);
          for (size_t i = 0; ok && i < r->n_codes; i++)
            ok &= md_code (s, r, &r->codes[i], ri);
          for (size_t i = 0; ok && i < s->n_pairs[ri]; i++)
            ok &= md_compare (s, r, &s->pairs[ri][i]);
        }
      if (ok && (formats & DOCS_TXT))
        ok &= txt_registry (s, r, ri);
      if (ok && (formats & DOCS_MAN))
        ok &= man_registry (s, r);
    }
  return ok ? 0 : RC_EXIT_OUTPUT;
}
