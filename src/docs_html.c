/* docs_html.c: the HTML pages of the docs command, built as libxml2 trees
   and saved as polyglot HTML5: well-formed XML (so every text and
   attribute is escaped by libxml2) that an HTML5 parser reads as the same
   tree (no XML declaration, void elements only in the "<meta/>" form, no
   other empty element; tests/html5check.py checks every page).  Every
   page has <html lang>, a language switcher with hreflang alternates, a
   title and a meta description in its language; texts still in English
   carry lang="en".  Links are relative, so the site works from file://
   and any path.  */
#include "system.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "dbuf.h"
#include "docs.h"
#include "known.h"
#include "i18n.h"
#include "render.h"
#include "view.h"

#define XHTML_NS "http://www.w3.org/1999/xhtml"

/* A page being built.  Its texts are composed in growable buffers, never
   cut; when one cannot grow (out of memory) the page is marked failed,
   and page_end reports it instead of writing the page.  */
struct page
{
  xmlDocPtr doc;
  xmlNodePtr head, main;
  struct dbuf rel;    /* path inside the language directory */
  struct dbuf up;     /* from the page to the site root: "../../" */
  struct dbuf t[3];   /* scratch texts for the page's builder */
  bool failed;
};

static void
page_init (struct page *p)
{
  memset (p, 0, sizeof *p);
  dbuf_init (&p->rel);
  dbuf_init (&p->up);
  for (size_t i = 0; i < RC_COUNT_OF (p->t); i++)
    dbuf_init (&p->t[i]);
}

/* Marks P failed unless OK; returns OK.  */
static bool
page_ok (struct page *p, bool ok)
{
  if (!ok)
    p->failed = true;
  return ok;
}

/* Formats into B (emptied first) and returns its text, valid until B
   changes; "" when out of memory, which marks P failed.  */
static const char *pf (struct page *p, struct dbuf *b, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

static const char *
pf (struct page *p, struct dbuf *b, const char *fmt, ...)
{
  va_list ap;
  dbuf_reset (b);
  va_start (ap, fmt);
  page_ok (p, dbuf_vprintf (b, fmt, ap));
  va_end (ap);
  return dbuf_str (b);
}

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

/* BCP 47 form of a gettext language: pt_BR -> pt-BR.  Language tags
   are at most 8 bytes (i18n_valid_tag), so N = 16 never cuts one.  */
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

/* Starts page REL (inside the language directory) of P, set up by
   page_init, with its head and header.  */
static void
page_begin (struct docs_site *s, struct page *p, const char *rel,
            const char *title, const char *desc)
{
  char tag[16];
  struct dbuf href = DBUF_INIT;
  const char *up;
  xmlNodePtr html, body, nav, hdr;

  page_ok (p, dbuf_add (&p->rel, rel) && dbuf_add (&p->up, "../"));
  for (const char *q = rel; *q; q++)
    if (*q == '/')
      page_ok (p, dbuf_add (&p->up, "../"));
  up = dbuf_str (&p->up);
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
  xmlNodePtr css = el (p->head, "link", NULL);
  attr (css, "rel", "stylesheet");
  attr (css, "href", pf (p, &href, "%sstyle.css", up));
  body = el (html, "body", NULL);
  hdr = el (body, "header", NULL);
  attr (link_to (hdr, pf (p, &href, "%s%s/index.html", up, s->lang),
                 "replycode"), "class", "home");
  nav = el (hdr, "nav", NULL);
  attr (nav, "class", "langs");
  attr (nav, "aria-label", _("Languages"));
  for (int i = 0; i < s->n_langs; i++)
    {
      char t2[16];
      bcp47 (s->langs[i], t2, sizeof t2);
      pf (p, &href, "%s%s/%s", up, s->langs[i], rel);
      xmlNodePtr alt = el (p->head, "link", NULL);
      attr (alt, "rel", "alternate");
      attr (alt, "hreflang", t2);
      attr (alt, "href", dbuf_str (&href));
      xmlNodePtr a = link_to (nav, dbuf_str (&href),
                              lang_name (s->langs[i]));
      attr (a, "hreflang", t2);
      attr (a, "lang", t2);
      if (strcmp (s->langs[i], s->lang) == 0)
        attr (a, "aria-current", "page");
    }
  p->main = el (body, "main", NULL);
  dbuf_free (&href);
}

/* True for the HTML void elements, the only ones an HTML parser reads
   as complete in the "<br/>" form.  */
static bool
is_void (const xmlChar *name)
{
  static const char *const names[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
    "meta", "source", "track", "wbr"
  };
  for (size_t i = 0; i < RC_COUNT_OF (names); i++)
    if (xmlStrEqual (name, BAD_CAST names[i]))
      return true;
  return false;
}

/* Gives every element of N's subtree that has no children and is not
   void an empty text, so that libxml2 writes "<p></p>": an HTML parser
   reads "<p/>" as an open tag, and the rest of the page nests inside it.
   (Lists are not written empty in the first place; this covers an empty
   text.)  */
static void
close_empty (xmlNodePtr n)
{
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      close_empty (c);
  if (n->type == XML_ELEMENT_NODE && !n->children && !is_void (n->name))
    xmlAddChild (n, xmlNewDocText (n->doc, BAD_CAST ""));
}

/* libxml2's output callback: writes to the FILE CTX.  A failed write
   stays in ferror (docs_close reports it with its errno) and is not
   returned: libxml2 would print its own "I/O error" lines.  */
static int
write_file (void *ctx, const char *buf, int len)
{
  fwrite (buf, 1, (size_t) len, ctx);
  return len;
}

/* Saves DOC as the file REL of the site (creating its directories) and
   frees it.  OPTIONS: xmlSaveOption bits.  */
static bool
save_doc (struct docs_site *s, xmlDocPtr doc, const char *rel, int options)
{
  FILE *f = docs_open (s, rel);
  xmlSaveCtxtPtr sc = f ? xmlSaveToIO (write_file, NULL, f, "UTF-8",
                                       options) : NULL;
  bool ok = sc && xmlSaveDoc (sc, doc) >= 0;

  if (sc)
    ok &= xmlSaveClose (sc) >= 0;
  if (f && !sc)
    {
      fclose (f);
      docs_write_failed (rel, ENOMEM);
    }
  else if (f)
    ok &= docs_close (f, rel);
  xmlFreeDoc (doc);
  return ok;
}

/* Saves DOC as the page REL of the site and frees it.  The libxml2 XML
   writer with no declaration: XML_SAVE_XHTML would close empty elements
   the HTML way, but libxml2 (2.9.14) applies it only under an XHTML 1.0
   DOCTYPE, and forced with XML_SAVE_NO_XHTML it adds a second charset
   <meta> and an xml:lang beside every lang.  */
static bool
save_html (struct docs_site *s, xmlDocPtr doc, const char *rel)
{
  close_empty (xmlDocGetRootElement (doc));
  return save_doc (s, doc, rel, XML_SAVE_NO_DECL | XML_SAVE_FORMAT);
}

/* Writes page P (unless it failed) and frees it.  */
static bool
page_end (struct docs_site *s, struct page *p)
{
  struct dbuf rel = DBUF_INIT;
  bool named = dbuf_printf (&rel, "%s/%s", s->lang, dbuf_str (&p->rel));
  bool ok = false;
  if (named && !p->failed)
    ok = save_html (s, p->doc, dbuf_str (&rel));
  else
    {
      xmlFreeDoc (p->doc);
      docs_write_failed (named ? dbuf_str (&rel) : dbuf_str (&p->rel),
                         ENOMEM);
    }
  dbuf_free (&rel);
  dbuf_free (&p->rel);
  dbuf_free (&p->up);
  for (size_t i = 0; i < RC_COUNT_OF (p->t); i++)
    dbuf_free (&p->t[i]);
  s->pages++;
  return ok;
}

/* A list to fill, added to the page by list_end when it has items.  */
static xmlNodePtr
list_begin (const struct page *p, const char *name)
{
  return xmlNewDocNode (p->doc, xmlDocGetRootElement (p->doc)->ns,
                        BAD_CAST name, NULL);
}

/* Adds LIST (from list_begin) at the end of PARENT, after a heading
   H (an element name, or NULL for none) with text HTEXT; or, when LIST
   is empty, frees it and adds neither: an empty list is invalid HTML.
   True when the list was added.  */
static bool
list_end (xmlNodePtr parent, xmlNodePtr list, const char *h,
          const char *htext)
{
  if (!list->children)
    {
      xmlFreeNode (list);
      return false;
    }
  if (h)
    el (parent, h, htext);
  xmlAddChild (parent, list);
  return true;
}

/* "SMTP 220 — Service Ready" in B (emptied first); its text.  */
static const char *
code_title (struct page *p, struct dbuf *b, const struct code_view *v)
{
  dbuf_reset (b);
  page_ok (p, view_add_header (b, v, VIEW_HEAD_NO_ENGLISH));
  return dbuf_str (b);
}

/* A code named with its title in B (emptied first); its text.  */
static const char *
code_name (struct page *p, struct dbuf *b, const char *value,
           const char *title)
{
  dbuf_reset (b);
  page_ok (p, view_add_code_name (b, value, title));
  return dbuf_str (b);
}

/* The name of comparison page PR of R in B (emptied first); its text.  */
static const char *
pair_name (struct page *p, struct dbuf *b, const struct rc_registry *r,
           const struct docs_pair *pr)
{
  dbuf_reset (b);
  page_ok (p, view_add_pair_name (b, r, pr->a->value, pr->b->value));
  return dbuf_str (b);
}

/* A class named with its title in B (emptied first); its text.  */
static const char *
class_name (struct page *p, struct dbuf *b, const char *value,
            const char *title)
{
  dbuf_reset (b);
  page_ok (p, view_add_class_name (b, value, title));
  return dbuf_str (b);
}

/* <h1>SMTP 220 — 서비스 준비됨 <span lang="en">(Service Ready)</span></h1> */
static void
code_heading (const struct docs_site *s, struct page *p, xmlNodePtr parent,
              const char *name, const struct code_view *v, const char *href)
{
  struct dbuf b = DBUF_INIT;
  xmlNodePtr h = el (parent, name, NULL), t = h;
  if (href)
    {
      t = el (h, "a", NULL);
      attr (t, "href", href);
    }
  xmlNodeAddContent (t, BAD_CAST code_title (p, &b, v));
  if (!v->title.translated && strcmp (s->lang, "en") != 0)
    attr (h, "lang", "en");
  if (v->title.translated)
    {
      dbuf_reset (&b);
      page_ok (p, view_add_english_title (&b, v));
      attr (el (t, "span", dbuf_str (&b)), "lang", "en");
    }
  dbuf_free (&b);
}

static void
sections (const struct docs_site *s, xmlNodePtr parent,
          const struct code_view *v, const char *h)
{
  for (size_t i = 0; i < VIEW_N_SECTIONS; i++)
    {
      xmlNodePtr sec = el (parent, "section", NULL);
      el (sec, h, view_section_title (i));
      vel (s, sec, "p", view_section_text (v, i));
    }
}

static void
fact (xmlNodePtr dl, const char *label, const char *value)
{
  el (dl, "dt", label);
  el (dl, "dd", value);
}

/* The name of known reply KV as a link text: "Gmail — name (English)".  */
static const char *
known_name (struct page *p, struct dbuf *b, const struct known_view *kv)
{
  dbuf_reset (b);
  page_ok (p, view_add_known_name (b, kv));
  return dbuf_str (b);
}

/* The known replies that come with code C of R, linked to their
   producers' pages.  */
static void
known_list (struct docs_site *s, struct page *p, const struct rc_registry *r,
            const struct rc_code *c)
{
  xmlNodePtr ul = list_begin (p, "ul");
  for (size_t pi = 0; pi < s->cat->n_producers; pi++)
    {
      const struct rc_producer *pr = &s->cat->producers[pi];
      if (!docs_wants_producer (s, pr))
        continue;
      for (size_t k = 0; k < pr->n_replies; k++)
        if (known_has_code (pr, &pr->replies[k], r->protocol, r->kind,
                            c->value))
          {
            struct known_view kv;
            view_known (pr, &pr->replies[k], &kv);
            link_to (el (ul, "li", NULL),
                     pf (p, &p->t[0], "../known/%s.html#%s", pr->id,
                         pr->replies[k].id),
                     known_name (p, &p->t[1], &kv));
          }
    }
  list_end (p->main, ul, "h2", _("Known replies"));
}

/* One producer's page: what it is, and each of its known replies with
   its real texts, meaning, cause, fix and sources.  */
static bool
html_producer (struct docs_site *s, const struct rc_producer *pr)
{
  struct page p;
  struct dbuf *t0;
  struct vtext d = view_producer_description (pr);

  page_init (&p);
  t0 = &p.t[0];
  page_begin (s, &p, pf (&p, t0, "known/%s.html", pr->id), pr->name, d.s);
  el (p.main, "h1", pr->name);
  vel (s, p.main, "p", &d);
  for (size_t k = 0; k < pr->n_replies; k++)
    {
      const struct rc_known *kr = &pr->replies[k];
      struct known_view kv;
      view_known (pr, kr, &kv);
      xmlNodePtr sec = el (p.main, "section", NULL);
      attr (sec, "id", kr->id);
      xmlNodePtr h = vel (s, sec, "h2", &kv.name);
      if (kv.name.translated)
        attr (el (h, "span", pf (&p, t0, " (%s)", kv.name.en)), "lang", "en");
      xmlNodePtr dl = el (sec, "dl", NULL);
      attr (dl, "class", "facts");
      if (kr->n_codes)
        {
          el (dl, "dt", _("Codes"));
          xmlNodePtr dd = el (dl, "dd", NULL);
          for (size_t i = 0; i < kr->n_codes; i++)
            {
              if (i)
                xmlNodeAddContent (dd, BAD_CAST " ");
              el (dd, "code", kr->codes[i]);
            }
        }
      el (dl, "dt", _("Real reply text"));
      for (size_t i = 0; i < kr->n_matches; i++)
        attr (el (el (dl, "dd", NULL), "code", kr->matches[i]), "lang", "en");
      const struct vtext *texts[] = { &kv.meaning, &kv.cause, &kv.fix };
      for (size_t i = 0; i < RC_COUNT_OF (texts); i++)
        {
          el (dl, "dt", view_known_label (i));
          vel (s, dl, "dd", texts[i]);
        }
      el (dl, "dt", view_known_label (VIEW_KNOWN_SOURCE));
      for (size_t i = 0; i < kr->n_sources; i++)
        {
          const struct rc_document *doc = view_producer_doc (pr,
                                                             kr->sources[i]);
          xmlNodePtr dd = el (dl, "dd", NULL);
          if (doc && doc->href)
            link_to (dd, doc->href, doc->title);
          else
            xmlNodeAddContent (dd, BAD_CAST kr->sources[i]);
        }
    }
  return page_end (s, &p);
}

static bool
html_code (struct docs_site *s, const struct rc_registry *r,
           const struct rc_code *c, size_t ri)
{
  struct code_view v;
  struct page p;
  struct dbuf *t0, *t1, *t2;

  page_init (&p);
  t0 = &p.t[0], t1 = &p.t[1], t2 = &p.t[2];
  view_code (r, c, c->value, 0, &v);
  page_begin (s, &p, pf (&p, t0, "%s/%s.html", r->id, DOCS_SLUG (c->value)),
              code_title (&p, t1, &v), v.description.s);
  code_heading (s, &p, p.main, "h1", &v, NULL);
  xmlNodePtr cat = NULL;
  if (v.cls_title.s || v.sub_title.s)
    {
      cat = el (p.main, "p", NULL);
      attr (cat, "class", "category");
    }
  if (v.cls_title.s)
    link_to (cat, pf (&p, t0, "class-%s.html", v.cls_value),
             class_name (&p, t1, v.cls_value, v.cls_title.s));
  if (v.sub_title.s)
    {
      if (v.cls_title.s)
        xmlNodeAddContent (cat, BAD_CAST view_category_separator ());
      link_to (cat, pf (&p, t0, "class-%s.html", v.sub_value),
               class_name (&p, t1, v.sub_value, v.sub_title.s));
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
            /* the reply text in <code>, then its document */
            xmlNodeAddContent (dd, BAD_CAST pf (&p, t0, " (%s)",
                                                c->replies[i].doc));
        }
    }
  fact (dl, _("Outcome"), view_outcome_text (c->outcome));
  fact (dl, _("Who must act"), view_actor_text (c->actor));
  if (c->status != RC_ST_CURRENT)
    fact (dl, _("Status"), view_status_text (c->status));
  sections (s, p.main, &v, "h2");
  xmlNodePtr ul = list_begin (&p, "ul");
  for (size_t i = 0; i < c->n_refs; i++)
    {
      dbuf_reset (t0);
      page_ok (&p, view_add_reference (t0, &c->refs[i]));
      el (ul, "li", dbuf_str (t0));
    }
  list_end (p.main, ul, "h2", _("References"));
  ul = list_begin (&p, "ul");
  for (size_t i = 0; i < c->n_related; i++)
    {
      struct code_view lv;
      if (docs_related (s, r, &c->related[i], &lv))
        link_to (el (ul, "li", NULL),
                 pf (&p, t0, "../%s/%s.html", lv.reg->id,
                     DOCS_SLUG (lv.code->value)),
                 code_title (&p, t1, &lv));
    }
  for (size_t i = 0; i < s->n_pairs[ri]; i++)
    {
      const struct docs_pair *pr = &s->pairs[ri][i];
      if (pr->a == c || pr->b == c)
        link_to (el (ul, "li", NULL),
                 pf (&p, t0, "%s-vs-%s.html", DOCS_SLUG (pr->a->value),
                     DOCS_SLUG (pr->b->value)),
                 pair_name (&p, t2, r, pr));
    }
  list_end (p.main, ul, "h2", _("See also"));
  known_list (s, &p, r, c);
  return page_end (s, &p);
}

static bool
html_compare (struct docs_site *s, const struct rc_registry *r,
              const struct docs_pair *pr)
{
  struct compare_view cv;
  struct page p;
  struct dbuf *t0, *t1, *t2;

  page_init (&p);
  t0 = &p.t[0], t1 = &p.t[1], t2 = &p.t[2];
  page_ok (&p, docs_compare_view (r, pr, &cv));
  struct code_view a = cv.a, b = cv.b;
  page_ok (&p, view_add_compare_title (t1, &a, &b));
  page_ok (&p, dbuf_add (t2, cv.summary ? cv.summary : ""));
  page_begin (s, &p, pf (&p, t0, "%s/%s-vs-%s.html", r->id,
                         DOCS_SLUG (pr->a->value), DOCS_SLUG (pr->b->value)),
              dbuf_str (t1), dbuf_str (t2));
  el (p.main, "h1", dbuf_str (t1));
  el (p.main, "p", dbuf_str (t2));
  xmlNodePtr grid = el (p.main, "div", NULL);
  attr (grid, "class", "compare");
  const struct code_view *both[] = { &a, &b };
  for (int i = 0; i < 2; i++)
    {
      xmlNodePtr col = el (grid, "article", NULL);
      code_heading (s, &p, col, "h2", both[i],
                    pf (&p, t0, "%s.html",
                        DOCS_SLUG (both[i]->code->value)));
      sections (s, col, both[i], "h3");
    }
  el (p.main, "h2", _("Key differences"));
  el (p.main, "p", cv.key_differences ? cv.key_differences : "");
  el (p.main, "h2", _("When to use which"));
  el (p.main, "p", cv.when_to_use ? cv.when_to_use : "");
  view_compare_free (&cv);
  return page_end (s, &p);
}

/* A registry page (CLS NULL) or a class page: the codes, linked.  */
static bool
html_list (struct docs_site *s, const struct rc_registry *r,
           const struct rc_class *cls)
{
  struct vtext rt = view_registry_title (r);
  struct page p;
  struct vtext ct = { NULL, NULL, false }, cd = ct;
  struct dbuf *t0, *t1;

  page_init (&p);
  t0 = &p.t[0], t1 = &p.t[1];
  if (cls)
    {
      ct.en = cls->title;
      ct.s = i18n_data (r->id, cls->value, "title", cls->title,
                        &ct.translated);
      cd.en = cls->description;
      cd.s = i18n_data (r->id, cls->value, "description", cls->description,
                        &cd.translated);
      pf (&p, t1, "%s ", r->name);
      page_ok (&p, view_add_class_name (t1, cls->value, ct.s));
      page_begin (s, &p, pf (&p, t0, "%s/class-%s.html", r->id, cls->value),
                  dbuf_str (t1), cd.s);
      el (p.main, "h1", dbuf_str (t1));
      vel (s, p.main, "p", &cd);
      link_to (el (p.main, "p", NULL), "index.html", rt.s);
    }
  else
    {
      page_begin (s, &p, pf (&p, t0, "%s/index.html", r->id), rt.s, rt.s);
      vel (s, p.main, "h1", &rt);
      xmlNodePtr ul = list_begin (&p, "ul");
      for (size_t i = 0; i < r->n_classes; i++)
        link_to (el (ul, "li", NULL),
                 pf (&p, t0, "class-%s.html", r->classes[i].value),
                 class_name (&p, t1, r->classes[i].value,
                             i18n_data (r->id, r->classes[i].value, "title",
                                        r->classes[i].title, NULL)));
      list_end (p.main, ul, "h2", _("Classes"));
    }
  xmlNodePtr ul = list_begin (&p, "ul");
  attr (ul, "class", "codes");
  for (size_t i = 0; i < r->n_codes; i++)
    {
      const struct rc_code *c = &r->codes[i];
      if (cls && !docs_class_has (cls->value, c->value))
        continue;
      struct vtext t = view_code_title (r, c);
      xmlNodePtr a = link_to (el (ul, "li", NULL),
                              pf (&p, t0, "%s.html", DOCS_SLUG (c->value)),
                              code_name (&p, t1, c->value, t.s));
      if (!t.translated && strcmp (s->lang, "en") != 0)
        attr (a, "lang", "en");
    }
  if (!list_end (p.main, ul, cls ? NULL : "h2", _("Codes")) && cls)
    el (p.main, "p", _("No code in the catalog belongs to this class."));
  return page_end (s, &p);
}

/* The language's index: every registry, its classes and codes.  */
static bool
html_index (struct docs_site *s)
{
  struct page p;
  struct dbuf *t0, *t1;

  page_init (&p);
  t0 = &p.t[0], t1 = &p.t[1];
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
      link_to (el (sec, "h2", NULL), pf (&p, t0, "%s/index.html", r->id),
               rt.s);
      xmlNodePtr ul = list_begin (&p, "ul");
      attr (ul, "class", "classes");
      for (size_t i = 0; i < r->n_classes; i++)
        link_to (el (ul, "li", NULL),
                 pf (&p, t0, "%s/class-%s.html", r->id,
                     r->classes[i].value),
                 class_name (&p, t1, r->classes[i].value,
                             i18n_data (r->id, r->classes[i].value, "title",
                                        r->classes[i].title, NULL)));
      list_end (sec, ul, NULL, NULL);
      ul = list_begin (&p, "ul");
      attr (ul, "class", "codes");
      for (size_t i = 0; i < r->n_codes; i++)
        link_to (el (ul, "li", NULL),
                 pf (&p, t0, "%s/%s.html", r->id,
                    DOCS_SLUG (r->codes[i].value)),
                 code_name (&p, t1, r->codes[i].value,
                            view_code_title (r, &r->codes[i]).s));
      list_end (sec, ul, NULL, NULL);
    }
  xmlNodePtr ul = list_begin (&p, "ul");
  for (size_t i = 0; i < s->cat->n_producers; i++)
    if (docs_wants_producer (s, &s->cat->producers[i]))
      link_to (el (ul, "li", NULL),
               pf (&p, t0, "known/%s.html", s->cat->producers[i].id),
               s->cat->producers[i].name);
  list_end (p.main, ul, "h2", _("Known replies"));
  return page_end (s, &p);
}

int
docs_write_html (struct docs_site *s)
{
  bool ok = html_index (s);
  for (size_t i = 0; ok && i < s->cat->n_producers; i++)
    if (docs_wants_producer (s, &s->cat->producers[i]))
      ok &= html_producer (s, &s->cat->producers[i]);
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
  char href[32];   /* "pt_BR/index.html": tags are at most 8 bytes */

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
  return save_html (s, doc, "index.html");
}

/* sitemap.xml: every page of the first language, with its alternates.
   REL is printf-style.  False when out of memory.  */
static bool sitemap_url (xmlNodePtr urlset, xmlNsPtr xhtml,
                         const struct docs_site *s, const char *base,
                         const char *rel, ...)
  __attribute__ ((format (printf, 5, 6)));

static bool
sitemap_url (xmlNodePtr urlset, xmlNsPtr xhtml, const struct docs_site *s,
             const char *base, const char *rel, ...)
{
  struct dbuf path = DBUF_INIT, loc = DBUF_INIT;
  xmlNodePtr url = xmlNewChild (urlset, NULL, BAD_CAST "url", NULL);
  va_list ap;
  bool ok;

  va_start (ap, rel);
  ok = dbuf_vprintf (&path, rel, ap);
  va_end (ap);
  for (int i = 0; ok && i < s->n_langs; i++)
    {
      char tag[16];
      dbuf_reset (&loc);
      ok = dbuf_printf (&loc, "%s%s/%s", base, s->langs[i], dbuf_str (&path));
      if (i == 0)
        xmlNewTextChild (url, NULL, BAD_CAST "loc", BAD_CAST dbuf_str (&loc));
      xmlNodePtr l = xmlNewChild (url, xhtml, BAD_CAST "link", NULL);
      bcp47 (s->langs[i], tag, sizeof tag);
      attr (l, "rel", "alternate");
      attr (l, "hreflang", tag);
      attr (l, "href", dbuf_str (&loc));
    }
  dbuf_free (&path);
  dbuf_free (&loc);
  return ok;
}

static bool
write_sitemap (struct docs_site *s, const char *base_url)
{
  struct dbuf base = DBUF_INIT;
  xmlDocPtr doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNodePtr set = xmlNewDocNode (doc, NULL, BAD_CAST "urlset", NULL);
  bool ok;

  xmlDocSetRootElement (doc, set);
  xmlSetNs (set, xmlNewNs (set, BAD_CAST
                           "http://www.sitemaps.org/schemas/sitemap/0.9",
                           NULL));
  xmlNsPtr xhtml = xmlNewNs (set, BAD_CAST XHTML_NS, BAD_CAST "xhtml");
  ok = dbuf_printf (&base, "%s%s", base_url ? base_url : "",
                    base_url && *base_url
                    && base_url[strlen (base_url) - 1] != '/' ? "/" : "");
  const char *b = dbuf_str (&base);
  ok = ok && sitemap_url (set, xhtml, s, b, "index.html");
  for (size_t ri = 0; ok && ri < s->cat->n_regs; ri++)
    {
      const struct rc_registry *r = &s->cat->regs[ri];
      if (!docs_wants (s, r))
        continue;
      ok = sitemap_url (set, xhtml, s, b, "%s/index.html", r->id);
      for (size_t i = 0; ok && i < r->n_classes; i++)
        ok = sitemap_url (set, xhtml, s, b, "%s/class-%s.html", r->id,
                          r->classes[i].value);
      for (size_t i = 0; ok && i < r->n_codes; i++)
        ok = sitemap_url (set, xhtml, s, b, "%s/%s.html", r->id,
                          DOCS_SLUG (r->codes[i].value));
      for (size_t i = 0; ok && i < s->n_pairs[ri]; i++)
        ok = sitemap_url (set, xhtml, s, b, "%s/%s-vs-%s.html", r->id,
                          DOCS_SLUG (s->pairs[ri][i].a->value),
                          DOCS_SLUG (s->pairs[ri][i].b->value));
    }
  for (size_t i = 0; ok && i < s->cat->n_producers; i++)
    if (docs_wants_producer (s, &s->cat->producers[i]))
      ok = sitemap_url (set, xhtml, s, b, "known/%s.html",
                        s->cat->producers[i].id);
  dbuf_free (&base);
  if (!ok)
    {
      xmlFreeDoc (doc);
      docs_write_failed ("sitemap.xml", ENOMEM);
      return false;
    }
  return save_doc (s, doc, "sitemap.xml", XML_SAVE_FORMAT);
}

int
docs_write_html_shared (struct docs_site *s, const char *base_url)
{
  bool ok = write_css (s) && write_root (s) && write_sitemap (s, base_url);
  return ok ? 0 : RC_EXIT_OUTPUT;
}
