/* docs_html.c: the HTML pages of the docs command, built as libxml2 trees
   and saved as polyglot HTML5 (well-formed XML, so every text and
   attribute is escaped by libxml2).  Every page has <html lang>, a
   language switcher with hreflang alternates, a title and a meta
   description in its language; texts still in English carry lang="en".
   Links are relative, so the site works from file:// and any path.  */
#include "system.h"

#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "diag.h"
#include "docs.h"
#include "i18n.h"
#include "render.h"
#include "view.h"

#define XHTML_NS "http://www.w3.org/1999/xhtml"

struct page
{
  xmlDocPtr doc;
  xmlNodePtr head, main;
  char rel[256];      /* path inside the language directory */
  char up[16];        /* from the page to the site root: "../../" */
};

static const char *
lang_name (const char *lang)
{
  static const char *const names[][2] = {
    { "en", "English" }, { "ko", "한국어" }, { "ja", "日本語" },
    { "zh_CN", "简体中文" }, { "de", "Deutsch" }, { "fr", "Français" },
    { "es", "Español" }, { "pt_BR", "Português (Brasil)" },
    { "ru", "Русский" }
  };
  for (size_t i = 0; i < RC_COUNT_OF (names); i++)
    if (strcmp (names[i][0], lang) == 0)
      return names[i][1];
  return lang;
}

/* BCP 47 form of a gettext language: pt_BR -> pt-BR.  */
static void
bcp47 (const char *lang, char *buf, size_t n)
{
  snprintf (buf, n, "%s", lang);
  for (char *p = buf; *p; p++)
    if (*p == '_')
      *p = '-';
}

static xmlNodePtr
el (xmlNodePtr parent, const char *name, const char *text)
{
  return xmlNewTextChild (parent, NULL, BAD_CAST name, BAD_CAST text);
}

static void
attr (xmlNodePtr n, const char *name, const char *value)
{
  xmlNewProp (n, BAD_CAST name, BAD_CAST value);
}

/* A text element; marked lang="en" when it is English on a page that is
   not.  */
static xmlNodePtr
vel (const struct docs_site *s, xmlNodePtr parent, const char *name,
     const struct vtext *t)
{
  xmlNodePtr n = el (parent, name, t->s ? t->s : "");
  if (!t->translated && strcmp (s->lang, "en") != 0)
    attr (n, "lang", "en");
  return n;
}

static xmlNodePtr
link_to (xmlNodePtr parent, const char *href, const char *text)
{
  xmlNodePtr a = el (parent, "a", text);
  attr (a, "href", href);
  return a;
}

static void
page_begin (struct docs_site *s, struct page *p, const char *rel,
            const char *title, const char *desc)
{
  char tag[16], href[512];
  int depth = 1;
  xmlNodePtr html, body, nav, hdr;

  snprintf (p->rel, sizeof p->rel, "%s", rel);
  for (const char *q = rel; *q; q++)
    depth += *q == '/';
  p->up[0] = '\0';
  for (int i = 0; i < depth; i++)
    strcat (p->up, "../");
  p->doc = xmlNewDoc (BAD_CAST "1.0");
  xmlCreateIntSubset (p->doc, BAD_CAST "html", NULL, NULL);
  html = xmlNewDocNode (p->doc, NULL, BAD_CAST "html", NULL);
  xmlDocSetRootElement (p->doc, html);
  xmlSetNs (html, xmlNewNs (html, BAD_CAST XHTML_NS, NULL));
  bcp47 (s->lang, tag, sizeof tag);
  attr (html, "lang", tag);
  p->head = el (html, "head", NULL);
  attr (el (p->head, "meta", NULL), "charset", "utf-8");
  xmlNodePtr vp = el (p->head, "meta", NULL);
  attr (vp, "name", "viewport");
  attr (vp, "content", "width=device-width, initial-scale=1");
  el (p->head, "title", title);
  xmlNodePtr md = el (p->head, "meta", NULL);
  attr (md, "name", "description");
  attr (md, "content", desc);
  snprintf (href, sizeof href, "%sstyle.css", p->up);
  xmlNodePtr css = el (p->head, "link", NULL);
  attr (css, "rel", "stylesheet");
  attr (css, "href", href);
  body = el (html, "body", NULL);
  hdr = el (body, "header", NULL);
  snprintf (href, sizeof href, "%s%s/index.html", p->up, s->lang);
  attr (link_to (hdr, href, "replycode"), "class", "home");
  nav = el (hdr, "nav", NULL);
  attr (nav, "class", "langs");
  attr (nav, "aria-label", _("Languages"));
  for (int i = 0; i < s->n_langs; i++)
    {
      char t2[16];
      bcp47 (s->langs[i], t2, sizeof t2);
      snprintf (href, sizeof href, "%s%s/%s", p->up, s->langs[i], rel);
      xmlNodePtr alt = el (p->head, "link", NULL);
      attr (alt, "rel", "alternate");
      attr (alt, "hreflang", t2);
      attr (alt, "href", href);
      xmlNodePtr a = link_to (nav, href, lang_name (s->langs[i]));
      attr (a, "hreflang", t2);
      attr (a, "lang", t2);
      if (strcmp (s->langs[i], s->lang) == 0)
        attr (a, "aria-current", "page");
    }
  p->main = el (body, "main", NULL);
}

static bool
page_end (struct docs_site *s, struct page *p)
{
  char path[4096], rel[512];
  FILE *f;
  xmlSaveCtxtPtr sc;
  bool ok;

  snprintf (rel, sizeof rel, "%s/%s", s->lang, p->rel);
  f = docs_open (s, rel);   /* creates the directories */
  ok = f != NULL;
  if (f)
    fclose (f);
  snprintf (path, sizeof path, "%s/%s", s->root, rel);
  sc = ok ? xmlSaveToFilename (path, "UTF-8", XML_SAVE_NO_DECL
                               | XML_SAVE_XHTML | XML_SAVE_FORMAT) : NULL;
  if (sc)
    {
      ok = xmlSaveDoc (sc, p->doc) >= 0;
      ok &= xmlSaveClose (sc) >= 0;
    }
  else
    ok = false;
  if (!ok)
    rc_error (_("cannot write %s"), rel);
  xmlFreeDoc (p->doc);
  s->pages++;
  return ok;
}

static void
code_title (const struct code_view *v, char *buf, size_t n)
{
  snprintf (buf, n, "%s %s — %s", v->reg->name, v->label,
            v->title.s ? v->title.s : "");
}

/* <h1>SMTP 220 — 서비스 준비됨 <span lang="en">(Service Ready)</span></h1> */
static void
code_heading (const struct docs_site *s, xmlNodePtr parent, const char *name,
              const struct code_view *v, const char *href)
{
  char buf[1024];
  xmlNodePtr h = el (parent, name, NULL), t = h;
  if (href)
    {
      t = el (h, "a", NULL);
      attr (t, "href", href);
    }
  code_title (v, buf, sizeof buf);
  xmlNodeAddContent (t, BAD_CAST buf);
  if (!v->title.translated && strcmp (s->lang, "en") != 0)
    attr (h, "lang", "en");
  if (v->title.translated)
    {
      snprintf (buf, sizeof buf, " (%s)", v->title.en);
      attr (el (t, "span", buf), "lang", "en");
    }
}

static void
sections (const struct docs_site *s, xmlNodePtr parent,
          const struct code_view *v, const char *h)
{
  const char *titles[] = { _("Description"), _("When you see this code"),
                           _("How to fix") };
  const struct vtext *t[] = { &v->description, &v->when, &v->fix };
  for (int i = 0; i < 3; i++)
    {
      xmlNodePtr sec = el (parent, "section", NULL);
      el (sec, h, titles[i]);
      vel (s, sec, "p", t[i]);
    }
}

static void
fact (xmlNodePtr dl, const char *label, const char *value)
{
  el (dl, "dt", label);
  el (dl, "dd", value);
}

static bool
html_code (struct docs_site *s, const struct rc_registry *r,
           const struct rc_code *c, size_t ri)
{
  char rel[256], title[1024], buf[1024];
  struct code_view v;
  struct page p;

  view_code (r, c, c->value, 0, &v);
  code_title (&v, title, sizeof title);
  snprintf (rel, sizeof rel, "%s/%s.html", r->id, c->value);
  page_begin (s, &p, rel, title, v.description.s);
  code_heading (s, p.main, "h1", &v, NULL);
  xmlNodePtr cat = el (p.main, "p", NULL);
  attr (cat, "class", "category");
  snprintf (buf, sizeof buf, "class-%s.html", v.cls_value);
  if (v.cls_title.s)
    {
      snprintf (title, sizeof title, "%s %s", v.cls_value, v.cls_title.s);
      link_to (cat, buf, title);
    }
  if (v.sub_title.s)
    {
      xmlNodeAddContent (cat, BAD_CAST " · ");
      snprintf (buf, sizeof buf, "class-%s.html", v.sub_value);
      snprintf (title, sizeof title, "%s %s", v.sub_value, v.sub_title.s);
      link_to (cat, buf, title);
    }
  xmlNodePtr dl = el (p.main, "dl", NULL);
  attr (dl, "class", "facts");
  if (c->n_aliases)
    {
      el (dl, "dt", _("Also known as"));
      for (size_t i = 0; i < c->n_aliases; i++)
        attr (el (dl, "dd", c->aliases[i]), "lang", "en");
    }
  if (c->n_replies)
    {
      el (dl, "dt", _("Reply text"));
      for (size_t i = 0; i < c->n_replies; i++)
        {
          xmlNodePtr dd = el (dl, "dd", NULL);
          attr (el (dd, "code", c->replies[i].text), "lang", "en");
          if (c->replies[i].doc)
            {
              snprintf (buf, sizeof buf, " (%s)", c->replies[i].doc);
              xmlNodeAddContent (dd, BAD_CAST buf);
            }
        }
    }
  fact (dl, _("Outcome"), view_outcome_text (c->outcome));
  fact (dl, _("Who must act"), view_actor_text (c->actor));
  if (c->status != RC_ST_CURRENT)
    fact (dl, _("Status"), view_status_text (c->status));
  sections (s, p.main, &v, "h2");
  el (p.main, "h2", _("References"));
  xmlNodePtr ul = el (p.main, "ul", NULL);
  for (size_t i = 0; i < c->n_refs; i++)
    {
      view_reference (&c->refs[i], buf, sizeof buf);
      el (ul, "li", buf);
    }
  el (p.main, "h2", _("See also"));
  ul = el (p.main, "ul", NULL);
  for (size_t i = 0; i < c->n_related; i++)
    {
      struct code_view lv;
      if (!docs_related (s, r, &c->related[i], &lv))
        continue;
      snprintf (buf, sizeof buf, "../%s/%s.html", lv.reg->id, lv.code->value);
      code_title (&lv, title, sizeof title);
      link_to (el (ul, "li", NULL), buf, title);
    }
  for (size_t i = 0; i < s->n_pairs[ri]; i++)
    {
      const struct docs_pair *pr = &s->pairs[ri][i];
      if (pr->a != c && pr->b != c)
        continue;
      snprintf (buf, sizeof buf, "%s-vs-%s.html", pr->a->value, pr->b->value);
      snprintf (title, sizeof title, "%s %s vs %s", r->name, pr->a->value,
                pr->b->value);
      link_to (el (ul, "li", NULL), buf, title);
    }
  return page_end (s, &p);
}

static bool
html_compare (struct docs_site *s, const struct rc_registry *r,
              const struct docs_pair *pr)
{
  char rel[256], title[2048], summary[4096];
  struct compare_view cv;
  struct page p;

  docs_compare_view (r, pr, &cv);
  struct code_view a = cv.a, b = cv.b;
  snprintf (rel, sizeof rel, "%s/%s-vs-%s.html", r->id, pr->a->value,
            pr->b->value);
  view_compare_title (&a, &b, title, sizeof title);
  render_compare_summary (&cv, summary, sizeof summary);
  page_begin (s, &p, rel, title, summary);
  el (p.main, "h1", title);
  el (p.main, "p", summary);
  xmlNodePtr grid = el (p.main, "div", NULL);
  attr (grid, "class", "compare");
  const struct code_view *both[] = { &a, &b };
  for (int i = 0; i < 2; i++)
    {
      char href[64];
      xmlNodePtr col = el (grid, "article", NULL);
      snprintf (href, sizeof href, "%s.html", both[i]->code->value);
      code_heading (s, col, "h2", both[i], href);
      sections (s, col, both[i], "h3");
    }
  el (p.main, "h2", _("Key differences"));
  xmlNodePtr dl = el (p.main, "dl", NULL);
  attr (dl, "class", "differences");
  for (size_t i = 0; i < cv.n_diffs; i++)
    {
      el (dl, "dt", cv.diffs[i].label);
      snprintf (summary, sizeof summary, "%s: %s", a.label, cv.diffs[i].a);
      el (dl, "dd", summary);
      snprintf (summary, sizeof summary, "%s: %s", b.label, cv.diffs[i].b);
      el (dl, "dd", summary);
    }
  if (cv.facts_equal)
    el (p.main, "p", _("Both codes have the same outcome, topic and party to "
                       "act; what differs is the situation that produces "
                       "them."));
  el (p.main, "h2", _("When to use which"));
  xmlNodePtr ul = el (p.main, "ul", NULL);
  for (int i = 0; i < 2; i++)
    {
      snprintf (summary, sizeof summary, _("%1$s (%2$s): %3$s %4$s"),
                both[i]->label, both[i]->title.s, both[i]->when.s,
                view_advice_text (both[i]->outcome));
      el (ul, "li", summary);
    }
  return page_end (s, &p);
}

/* A registry page (CLS NULL) or a class page: the codes, linked.  */
static bool
html_list (struct docs_site *s, const struct rc_registry *r,
           const struct rc_class *cls)
{
  char rel[256], title[1024], buf[1024];
  struct vtext rt = view_registry_title (r);
  struct page p;
  struct vtext ct = { NULL, NULL, false }, cd = ct;

  if (cls)
    {
      ct.en = cls->title;
      ct.s = i18n_data (r->id, cls->value, "title", cls->title,
                        &ct.translated);
      cd.en = cls->description;
      cd.s = i18n_data (r->id, cls->value, "description", cls->description,
                        &cd.translated);
      snprintf (rel, sizeof rel, "%s/class-%s.html", r->id, cls->value);
      snprintf (title, sizeof title, "%s %s %s", r->name, cls->value, ct.s);
      page_begin (s, &p, rel, title, cd.s);
      el (p.main, "h1", title);
      vel (s, p.main, "p", &cd);
      snprintf (buf, sizeof buf, "%s", rt.s);
      link_to (el (p.main, "p", NULL), "index.html", buf);
    }
  else
    {
      snprintf (rel, sizeof rel, "%s/index.html", r->id);
      page_begin (s, &p, rel, rt.s, rt.s);
      vel (s, p.main, "h1", &rt);
      el (p.main, "h2", _("Classes"));
      xmlNodePtr ul = el (p.main, "ul", NULL);
      for (size_t i = 0; i < r->n_classes; i++)
        {
          snprintf (buf, sizeof buf, "class-%s.html", r->classes[i].value);
          snprintf (title, sizeof title, "%s %s", r->classes[i].value,
                    i18n_data (r->id, r->classes[i].value, "title",
                               r->classes[i].title, NULL));
          link_to (el (ul, "li", NULL), buf, title);
        }
      el (p.main, "h2", _("Codes"));
    }
  xmlNodePtr ul = el (p.main, "ul", NULL);
  attr (ul, "class", "codes");
  for (size_t i = 0; i < r->n_codes; i++)
    {
      const struct rc_code *c = &r->codes[i];
      if (cls && !docs_class_has (cls->value, c->value))
        continue;
      struct vtext t = view_code_title (r, c);
      snprintf (buf, sizeof buf, "%s.html", c->value);
      snprintf (title, sizeof title, "%s %s", c->value, t.s);
      xmlNodePtr a = link_to (el (ul, "li", NULL), buf, title);
      if (!t.translated && strcmp (s->lang, "en") != 0)
        attr (a, "lang", "en");
    }
  return page_end (s, &p);
}

/* The language's index: every registry, its classes and codes.  */
static bool
html_index (struct docs_site *s)
{
  char buf[1024], title[1024];
  struct page p;
  page_begin (s, &p, "index.html", "replycode",
              _("Protocol reply codes: what each means, when you see it and "
                "how to fix it."));
  el (p.main, "h1", "replycode");
  el (p.main, "p", _("Protocol reply codes: what each means, when you see "
                     "it and how to fix it."));
  for (size_t ri = 0; ri < s->cat->n_regs; ri++)
    {
      const struct rc_registry *r = &s->cat->regs[ri];
      struct vtext rt = view_registry_title (r);
      if (!docs_wants (s, r))
        continue;
      xmlNodePtr sec = el (p.main, "section", NULL);
      snprintf (buf, sizeof buf, "%s/index.html", r->id);
      link_to (el (sec, "h2", NULL), buf, rt.s);
      xmlNodePtr ul = el (sec, "ul", NULL);
      attr (ul, "class", "classes");
      for (size_t i = 0; i < r->n_classes; i++)
        {
          snprintf (buf, sizeof buf, "%s/class-%s.html", r->id,
                    r->classes[i].value);
          snprintf (title, sizeof title, "%s %s", r->classes[i].value,
                    i18n_data (r->id, r->classes[i].value, "title",
                               r->classes[i].title, NULL));
          link_to (el (ul, "li", NULL), buf, title);
        }
      ul = el (sec, "ul", NULL);
      attr (ul, "class", "codes");
      for (size_t i = 0; i < r->n_codes; i++)
        {
          snprintf (buf, sizeof buf, "%s/%s.html", r->id, r->codes[i].value);
          snprintf (title, sizeof title, "%s %s", r->codes[i].value,
                    view_code_title (r, &r->codes[i]).s);
          link_to (el (ul, "li", NULL), buf, title);
        }
    }
  return page_end (s, &p);
}

int
docs_write_html (struct docs_site *s)
{
  bool ok = html_index (s);
  for (size_t ri = 0; ok && ri < s->cat->n_regs; ri++)
    {
      const struct rc_registry *r = &s->cat->regs[ri];
      if (!docs_wants (s, r))
        continue;
      ok &= html_list (s, r, NULL);
      for (size_t i = 0; ok && i < r->n_classes; i++)
        ok &= html_list (s, r, &r->classes[i]);
      for (size_t i = 0; ok && i < r->n_codes; i++)
        ok &= html_code (s, r, &r->codes[i], ri);
      for (size_t i = 0; ok && i < s->n_pairs[ri]; i++)
        ok &= html_compare (s, r, &s->pairs[ri][i]);
    }
  return ok ? 0 : RC_EXIT_OUTPUT;
}

static const char stylesheet[] =
  ":root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fdfdfc;--muted:#5b5b5b;"
  "--accent:#0b57a4;--line:#d9d9d6}\n"
  "@media (prefers-color-scheme:dark){:root{--fg:#e6e6e3;--bg:#151618;"
  "--muted:#a3a3a0;--accent:#8cbcf0;--line:#34363a}}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0 auto;max-width:72rem;padding:1rem;color:var(--fg);"
  "background:var(--bg);font:16px/1.6 system-ui,-apple-system,'Segoe UI',"
  "'Noto Sans','Noto Sans CJK KR','Noto Sans CJK JP','Apple SD Gothic Neo',"
  "sans-serif;overflow-wrap:break-word}\n"
  /* Korean breaks between words; Japanese and Chinese between characters */
  ":lang(ko){word-break:keep-all}\n"
  "header{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;"
  "border-bottom:1px solid var(--line);padding-bottom:.5rem}\n"
  "a{color:var(--accent)}\n.home{font-weight:700;text-decoration:none}\n"
  ".langs a{margin-left:.75rem}\n.langs a[aria-current]{font-weight:700;"
  "text-decoration:none;color:var(--fg)}\n"
  "h1{font-size:1.6rem;line-height:1.3}\nh2{font-size:1.25rem;margin-top:2rem}\n"
  ".category{color:var(--muted)}\n"
  "dl.facts,dl.differences{display:grid;grid-template-columns:max-content 1fr;"
  "gap:.25rem 1rem}\ndl dd{margin:0;grid-column:2}\ndl dt{font-weight:600;"
  "grid-column:1}\ncode{font-family:ui-monospace,monospace}\n"
  ".compare{display:grid;gap:2rem}\n"
  "@media (min-width:60rem){.compare{grid-template-columns:minmax(0,1fr) "
  "minmax(0,1fr)}}\n"
  "ul.codes{columns:18rem}\n"
  "@media (max-width:40rem){dl.facts,dl.differences{display:block}"
  "dl dd{margin-bottom:.5rem}}\n";

/* Saves DOC (the root page or the sitemap) as ROOT/NAME and frees it.  */
static bool
save_tree (const struct docs_site *s, xmlDocPtr doc, const char *name)
{
  char path[4096];
  bool ok;
  snprintf (path, sizeof path, "%s/%s", s->root, name);
  ok = xmlSaveFormatFileEnc (path, doc, "UTF-8", 1) >= 0;
  xmlFreeDoc (doc);
  if (!ok)
    rc_error (_("cannot write %s"), name);
  return ok;
}

static bool
write_css (struct docs_site *s)
{
  FILE *f = docs_open (s, "style.css");
  if (!f)
    return false;
  fputs (stylesheet, f);
  return docs_close (f, "style.css");
}

/* The site root: a page that links every language.  */
static bool
write_root (struct docs_site *s)
{
  xmlDocPtr doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNodePtr html, head, body, ul;
  char href[64];

  xmlCreateIntSubset (doc, BAD_CAST "html", NULL, NULL);
  html = xmlNewDocNode (doc, NULL, BAD_CAST "html", NULL);
  xmlDocSetRootElement (doc, html);
  xmlSetNs (html, xmlNewNs (html, BAD_CAST XHTML_NS, NULL));
  attr (html, "lang", "en");
  head = el (html, "head", NULL);
  attr (el (head, "meta", NULL), "charset", "utf-8");
  el (head, "title", "replycode");
  xmlNodePtr css = el (head, "link", NULL);
  attr (css, "rel", "stylesheet");
  attr (css, "href", "style.css");
  body = el (html, "body", NULL);
  el (body, "h1", "replycode");
  ul = el (body, "ul", NULL);
  for (int i = 0; i < s->n_langs; i++)
    {
      char tag[16];
      bcp47 (s->langs[i], tag, sizeof tag);
      snprintf (href, sizeof href, "%s/index.html", s->langs[i]);
      xmlNodePtr a = link_to (el (ul, "li", NULL), href,
                              lang_name (s->langs[i]));
      attr (a, "hreflang", tag);
      attr (a, "lang", tag);
    }
  return save_tree (s, doc, "index.html");
}

/* sitemap.xml: every page of the first language, with its alternates.  */
static void
sitemap_url (xmlNodePtr urlset, xmlNsPtr xhtml, const struct docs_site *s,
             const char *base, const char *rel)
{
  char loc[1024];
  xmlNodePtr url = xmlNewChild (urlset, NULL, BAD_CAST "url", NULL);
  for (int i = 0; i < s->n_langs; i++)
    {
      char tag[16];
      snprintf (loc, sizeof loc, "%s%s/%s", base, s->langs[i], rel);
      if (i == 0)
        xmlNewTextChild (url, NULL, BAD_CAST "loc", BAD_CAST loc);
      xmlNodePtr l = xmlNewChild (url, xhtml, BAD_CAST "link", NULL);
      bcp47 (s->langs[i], tag, sizeof tag);
      attr (l, "rel", "alternate");
      attr (l, "hreflang", tag);
      attr (l, "href", loc);
    }
}

static bool
write_sitemap (struct docs_site *s, const char *base_url)
{
  char base[1024], rel[256];
  xmlDocPtr doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNodePtr set = xmlNewDocNode (doc, NULL, BAD_CAST "urlset", NULL);

  xmlDocSetRootElement (doc, set);
  xmlSetNs (set, xmlNewNs (set, BAD_CAST
                           "http://www.sitemaps.org/schemas/sitemap/0.9",
                           NULL));
  xmlNsPtr xhtml = xmlNewNs (set, BAD_CAST XHTML_NS, BAD_CAST "xhtml");
  snprintf (base, sizeof base, "%s%s", base_url ? base_url : "",
            base_url && *base_url && base_url[strlen (base_url) - 1] != '/'
            ? "/" : "");
  sitemap_url (set, xhtml, s, base, "index.html");
  for (size_t ri = 0; ri < s->cat->n_regs; ri++)
    {
      const struct rc_registry *r = &s->cat->regs[ri];
      if (!docs_wants (s, r))
        continue;
      snprintf (rel, sizeof rel, "%s/index.html", r->id);
      sitemap_url (set, xhtml, s, base, rel);
      for (size_t i = 0; i < r->n_classes; i++)
        {
          snprintf (rel, sizeof rel, "%s/class-%s.html", r->id,
                    r->classes[i].value);
          sitemap_url (set, xhtml, s, base, rel);
        }
      for (size_t i = 0; i < r->n_codes; i++)
        {
          snprintf (rel, sizeof rel, "%s/%s.html", r->id, r->codes[i].value);
          sitemap_url (set, xhtml, s, base, rel);
        }
      for (size_t i = 0; i < s->n_pairs[ri]; i++)
        {
          snprintf (rel, sizeof rel, "%s/%s-vs-%s.html", r->id,
                    s->pairs[ri][i].a->value, s->pairs[ri][i].b->value);
          sitemap_url (set, xhtml, s, base, rel);
        }
    }
  return save_tree (s, doc, "sitemap.xml");
}

int
docs_write_html_shared (struct docs_site *s, const char *base_url)
{
  bool ok = write_css (s) && write_root (s) && write_sitemap (s, base_url);
  return ok ? 0 : RC_EXIT_OUTPUT;
}
