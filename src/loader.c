/* loader.c: libxml2 -> struct catalog (see loader.h).
   Steps for one file: read it (size-capped), parse without DTD, entities
   or network, refuse any DOCTYPE, validate against the embedded schema,
   copy every text into an arena, sort the codes and refuse duplicates.  */
#include "system.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "arena.h"
#include "catalog.h"
#include "loader.h"
#include "schema.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA \
                       | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS)
#define MAX_ITEMS 10000

/* The state of loading one file.  */
struct load
{
  const char *name;
  char *err;              /* first error, malloc'd */
  struct arena *ar;
};

static void
failf (struct load *ld, long line, const char *fmt, ...)
{
  char msg[512];
  va_list ap;

  if (ld->err)
    return;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  size_t n = strlen (msg);
  while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
    msg[--n] = '\0';
  for (size_t i = 0; i < n; i++)
    if (msg[i] == '\n' || msg[i] == '\t')
      msg[i] = ' ';
  size_t len = strlen (ld->name) + n + 32;
  ld->err = malloc (len);
  if (!ld->err)
    return;
  if (line > 0)
    snprintf (ld->err, len, "%s:%ld: %s", ld->name, line, msg);
  else
    snprintf (ld->err, len, "%s: %s", ld->name, msg);
}

static void
structured_error (void *ctx, xmlErrorPtr e)
{
  struct load *ld = ctx;
  if (e && e->level >= XML_ERR_ERROR)
    failf (ld, e->line, "%s", e->message ? e->message : "XML error");
}

void
loader_normalize_ws (char *dst, const char *src)
{
  char *o = dst;
  bool pending = false;

  for (; *src; src++)
    if (*src == ' ' || *src == '\t' || *src == '\n' || *src == '\r')
      pending = o != dst;
    else
      {
        if (pending)
          *o++ = ' ';
        pending = false;
        *o++ = *src;
      }
  *o = '\0';
}

static bool
is_elem (const xmlNode *n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE
    && strcmp ((const char *) n->name, name) == 0;
}

/* Next element sibling at or after N, or NULL.  */
static xmlNode *
elem_from (xmlNode *n)
{
  while (n && n->type != XML_ELEMENT_NODE)
    n = n->next;
  return n;
}

/* Copies the normalised text of N into the arena; NULL on error.  */
static const char *
text_of (struct load *ld, xmlNode *n)
{
  xmlChar *raw = xmlNodeGetContent (n);
  char *s = NULL;

  if (!raw)
    {
      failf (ld, xmlGetLineNo (n), "out of memory");
      return NULL;
    }
  s = arena_strdup (ld->ar, (const char *) raw);
  xmlFree (raw);
  if (!s)
    failf (ld, xmlGetLineNo (n), "out of memory");
  else
    loader_normalize_ws (s, s);
  if (s && !*s)
    {
      failf (ld, xmlGetLineNo (n), "element %s is empty", n->name);
      return NULL;
    }
  return s;
}

/* Copies attribute NAME of N into the arena.  Missing: NULL, and an error
   when REQUIRED.  */
static const char *
attr_of (struct load *ld, xmlNode *n, const char *name, bool required)
{
  xmlChar *raw = xmlGetNoNsProp (n, (const xmlChar *) name);
  char *s = NULL;

  if (!raw)
    {
      if (required)
        failf (ld, xmlGetLineNo (n), "element %s lacks attribute %s",
               n->name, name);
      return NULL;
    }
  s = arena_strdup (ld->ar, (const char *) raw);
  xmlFree (raw);
  if (!s)
    failf (ld, xmlGetLineNo (n), "out of memory");
  return s;
}

static int
enum_attr (struct load *ld, xmlNode *n, const char *name,
           const char *(*names) (unsigned))
{
  const char *s = attr_of (ld, n, name, true);
  int v = s ? rc_enum_parse (names, s) : -1;
  if (s && v < 0)
    failf (ld, xmlGetLineNo (n), "bad %s \"%s\"", name, s);
  return v < 0 ? 0 : v;
}

/* Counts consecutive element siblings named NAME from *CUR.  */
static size_t
count_run (xmlNode *cur, const char *name)
{
  size_t n = 0;
  for (cur = elem_from (cur); is_elem (cur, name); cur = elem_from (cur->next))
    n++;
  return n;
}

/* Expects element NAME at *CUR; returns it and advances *CUR.  */
static xmlNode *
expect (struct load *ld, xmlNode **cur, xmlNode *parent, const char *name)
{
  xmlNode *n = elem_from (*cur);
  if (!is_elem (n, name))
    {
      failf (ld, xmlGetLineNo (n ? n : parent), "element %s: missing <%s>",
             parent->name, name);
      return NULL;
    }
  *cur = n->next;
  return n;
}

static void *
alloc_items (struct load *ld, xmlNode *at, size_t n, size_t size)
{
  void *p;
  if (n > MAX_ITEMS)
    {
      failf (ld, xmlGetLineNo (at), "too many <%s> elements", at->name);
      return NULL;
    }
  p = arena_alloc (ld->ar, (n + 1) * size);
  if (!p)
    failf (ld, xmlGetLineNo (at), "out of memory");
  return p;
}

static void
read_code (struct load *ld, xmlNode *n, struct rc_code *c)
{
  xmlNode *cur = n->children, *e;
  size_t k;

  c->value = attr_of (ld, n, "value", true);
  c->outcome = enum_attr (ld, n, "outcome", rc_outcome_name);
  c->actor = enum_attr (ld, n, "actor", rc_actor_name);
  c->status = enum_attr (ld, n, "status", rc_status_name);
  c->source = enum_attr (ld, n, "source", rc_source_name);
  c->origin = ld->name;
  if ((e = expect (ld, &cur, n, "title")))
    c->title = text_of (ld, e);

  k = count_run (cur, "alias");
  char **aliases = k ? alloc_items (ld, n, k, sizeof *aliases) : NULL;
  for (size_t i = 0; aliases && i < k; i++)
    {
      e = expect (ld, &cur, n, "alias");
      aliases[i] = (char *) (e ? text_of (ld, e) : NULL);
    }
  c->aliases = (const char *const *) aliases;
  c->n_aliases = aliases ? k : 0;

  k = count_run (cur, "reply-text");
  struct rc_reply_text *rt = k ? alloc_items (ld, n, k, sizeof *rt) : NULL;
  for (size_t i = 0; rt && i < k; i++)
    if ((e = expect (ld, &cur, n, "reply-text")))
      {
        rt[i].doc = attr_of (ld, e, "ref", false);
        rt[i].text = text_of (ld, e);
      }
  c->replies = rt;
  c->n_replies = rt ? k : 0;

  if ((e = expect (ld, &cur, n, "description")))
    c->description = text_of (ld, e);
  if ((e = expect (ld, &cur, n, "when")))
    c->when = text_of (ld, e);
  if ((e = expect (ld, &cur, n, "fix")))
    c->fix = text_of (ld, e);

  k = count_run (cur, "ref");
  struct rc_ref *refs = k ? alloc_items (ld, n, k, sizeof *refs) : NULL;
  if (!k)
    failf (ld, xmlGetLineNo (n), "code %s has no <ref>",
           c->value ? c->value : "?");
  for (size_t i = 0; refs && i < k; i++)
    if ((e = expect (ld, &cur, n, "ref")))
      {
        refs[i].doc = attr_of (ld, e, "doc", true);
        refs[i].section = attr_of (ld, e, "section", false);
      }
  c->refs = refs;
  c->n_refs = refs ? k : 0;

  k = count_run (cur, "basic");
  char **basics = k ? alloc_items (ld, n, k, sizeof *basics) : NULL;
  for (size_t i = 0; basics && i < k; i++)
    if ((e = expect (ld, &cur, n, "basic")))
      basics[i] = (char *) attr_of (ld, e, "code", true);
  c->basics = (const char *const *) basics;
  c->n_basics = basics ? k : 0;

  k = count_run (cur, "related");
  struct rc_link *rel = k ? alloc_items (ld, n, k, sizeof *rel) : NULL;
  for (size_t i = 0; rel && i < k; i++)
    if ((e = expect (ld, &cur, n, "related")))
      {
        rel[i].registry = attr_of (ld, e, "registry", false);
        rel[i].code = attr_of (ld, e, "code", true);
      }
  c->related = rel;
  c->n_related = rel ? k : 0;

  if ((e = elem_from (cur)))
    failf (ld, xmlGetLineNo (e), "unexpected <%s> in code %s", e->name,
           c->value ? c->value : "?");
}

struct code_line
{
  const char *value;
  long line;
};

static int
code_line_cmp (const void *a, const void *b)
{
  const struct code_line *x = a, *y = b;
  int c = rc_value_cmp (x->value, y->value);
  return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Refuses two codes (or two classes) with one value; reports the second.  */
static void
check_duplicates (struct load *ld, struct code_line *cl, size_t n,
                  const char *what)
{
  qsort (cl, n, sizeof *cl, code_line_cmp);
  for (size_t i = 1; i < n; i++)
    if (strcmp (cl[i].value, cl[i - 1].value) == 0)
      {
        failf (ld, cl[i].line, "duplicate %s %s (first defined on line %ld)",
               what, cl[i].value, cl[i - 1].line);
        return;
      }
}

static void
read_registry (struct load *ld, xmlNode *root, struct rc_registry *r)
{
  xmlNode *cur = root->children, *e;
  size_t k, ncodes;
  struct code_line *lines = NULL;

  r->id = attr_of (ld, root, "id", true);
  r->name = attr_of (ld, root, "name", true);
  if ((e = expect (ld, &cur, root, "title")))
    r->title = text_of (ld, e);

  k = count_run (cur, "document");
  struct rc_document *docs = alloc_items (ld, root, k, sizeof *docs);
  for (size_t i = 0; docs && i < k; i++)
    if ((e = expect (ld, &cur, root, "document")))
      {
        docs[i].ref = attr_of (ld, e, "ref", true);
        docs[i].title = text_of (ld, e);
      }
  r->docs = docs;
  r->n_docs = docs ? k : 0;

  k = count_run (cur, "class");
  struct rc_class *classes = alloc_items (ld, root, k, sizeof *classes);
  lines = calloc (k + 1, sizeof *lines);
  for (size_t i = 0; classes && lines && i < k && !ld->err; i++)
    if ((e = expect (ld, &cur, root, "class")))
      {
        xmlNode *c2 = e->children, *t;
        classes[i].value = attr_of (ld, e, "value", true);
        if ((t = expect (ld, &c2, e, "title")))
          classes[i].title = text_of (ld, t);
        if ((t = expect (ld, &c2, e, "description")))
          classes[i].description = text_of (ld, t);
        lines[i].value = classes[i].value ? classes[i].value : "";
        lines[i].line = xmlGetLineNo (e);
      }
  if (!ld->err && lines)
    check_duplicates (ld, lines, k, "class");
  free (lines);
  r->classes = classes;
  r->n_classes = classes ? k : 0;

  ncodes = count_run (cur, "code");
  struct rc_code *codes = alloc_items (ld, root, ncodes, sizeof *codes);
  lines = calloc (ncodes + 1, sizeof *lines);
  if (!lines)
    failf (ld, 0, "out of memory");
  for (size_t i = 0; codes && lines && i < ncodes && !ld->err; i++)
    if ((e = expect (ld, &cur, root, "code")))
      {
        read_code (ld, e, &codes[i]);
        lines[i].value = codes[i].value ? codes[i].value : "";
        lines[i].line = xmlGetLineNo (e);
      }
  if (!ld->err && (e = elem_from (cur)))
    failf (ld, xmlGetLineNo (e), "unexpected <%s> in registry", e->name);
  if (!ld->err && lines)
    check_duplicates (ld, lines, ncodes, "code");
  free (lines);
  if (!ld->err && codes)
    rc_codes_sort (codes, ncodes);
  r->codes = codes;
  r->n_codes = codes ? ncodes : 0;
}

/* Validates DOC against the embedded schema.  */
static void
validate (struct load *ld, xmlDoc *doc)
{
  xmlRelaxNGParserCtxtPtr pctx;
  xmlRelaxNGPtr schema = NULL;
  xmlRelaxNGValidCtxtPtr vctx = NULL;

  pctx = xmlRelaxNGNewMemParserCtxt (rc_schema_rng, (int) rc_schema_rng_len);
  if (pctx)
    schema = xmlRelaxNGParse (pctx);
  if (schema)
    vctx = xmlRelaxNGNewValidCtxt (schema);
  if (!vctx)
    failf (ld, 0, "internal error: cannot load the data schema");
  else
    {
      xmlRelaxNGSetValidStructuredErrors (vctx, structured_error, ld);
      if (xmlRelaxNGValidateDoc (vctx, doc) != 0)
        failf (ld, 0, "does not match the replycode data schema");
    }
  xmlRelaxNGFreeValidCtxt (vctx);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctx);
}

int
loader_load_memory (const char *buf, size_t len, const char *name,
                    struct catalog **out, char **err)
{
  struct load ld = { name, NULL, NULL };
  xmlDoc *doc = NULL;
  xmlNode *root;
  struct catalog *cat = NULL;
  struct rc_registry *reg;

  *out = NULL;
  *err = NULL;
  ld.ar = arena_new ();
  if (!ld.ar)
    {
      failf (&ld, 0, "out of memory");
      goto out;
    }
  if (len > LOADER_MAX_FILE)
    {
      failf (&ld, 0, "file is larger than %u bytes", LOADER_MAX_FILE);
      goto out;
    }
  xmlSetStructuredErrorFunc (&ld, structured_error);
  doc = xmlReadMemory (buf, (int) len, name, NULL, PARSE_OPTIONS);
  if (!doc)
    {
      failf (&ld, 0, "not a well-formed XML file");
      goto out;
    }
  if (doc->intSubset || doc->extSubset)
    {
      failf (&ld, 0, "<!DOCTYPE> is not allowed in data files");
      goto out;
    }
  root = xmlDocGetRootElement (doc);
  if (!root || root->ns || !is_elem (root, "registry"))
    {
      failf (&ld, root ? xmlGetLineNo (root) : 0,
             "root element must be <registry> (no namespace)");
      goto out;
    }
  cat = arena_alloc (ld.ar, sizeof *cat);
  reg = arena_alloc (ld.ar, sizeof *reg);
  if (!cat || !reg)
    {
      failf (&ld, 0, "out of memory");
      goto out;
    }
  /* Our own walk first: its messages name what is missing; then the
     schema, for everything else (patterns, text-only content).  */
  read_registry (&ld, root, reg);
  if (!ld.err)
    validate (&ld, doc);
  if (ld.err)
    goto out;
  cat->regs = reg;
  cat->n_regs = 1;
  cat->arena = ld.ar;

out:
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeDoc (doc);
  if (ld.err || !cat)
    {
      if (!ld.err)
        failf (&ld, 0, "out of memory");
      arena_free (ld.ar);
      *err = ld.err;
      return RC_EXIT_DATA;
    }
  *out = cat;
  return 0;
}

int
loader_load_file (const char *path, struct catalog **out, char **err)
{
  FILE *f = fopen (path, "rb");
  char *buf = NULL;
  size_t len = 0;
  int ret;
  struct load ld = { path, NULL, NULL };

  *out = NULL;
  *err = NULL;
  if (!f)
    {
      failf (&ld, 0, "%s", strerror (errno));
      *err = ld.err;
      return RC_EXIT_DATA;
    }
  buf = malloc (LOADER_MAX_FILE + 1);
  if (buf)
    len = fread (buf, 1, LOADER_MAX_FILE + 1, f);
  if (!buf)
    failf (&ld, 0, "out of memory");
  else if (ferror (f))
    failf (&ld, 0, "read error: %s", strerror (errno));
  fclose (f);
  if (ld.err)
    {
      free (buf);
      *err = ld.err;
      return RC_EXIT_DATA;
    }
  ret = loader_load_memory (buf, len, path, out, err);
  free (buf);
  return ret;
}
