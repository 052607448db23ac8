/* docs.h: the documentation generator.  Writes, per language, HTML
   (docs_html.c, through libxml2), Markdown, plain text and man pages
   (docs_text.c) from the catalog, into a temporary directory beside the
   output directory that replaces it, in one step, only when everything
   was written.  The output directory must be new, empty, or a site that
   replycode wrote (it carries a ".replycode-site" file); anything else is
   refused before anything is built.  Exists in the XML-capable program
   only.  */
#ifndef RC_DOCS_H
#define RC_DOCS_H

#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"
#include "view.h"

struct docs_request
{
  const char *out;        /* --out DIR */
  const char *langs;      /* "en,ko", "all", or NULL (all) */
  const char *formats;    /* "html,md,man,txt", or NULL (all) */
  const char *protocol;   /* only this protocol, or NULL */
  const char *base_url;   /* for sitemap.xml, or NULL (relative) */
};

/* Generates the documentation.  PROGRESS: print a progress line on
   stderr.  Returns an exit status (RC_EXIT_USAGE for bad options and for
   an output directory it must not replace, RC_EXIT_OUTPUT when something
   cannot be written).  Messages are in the user's interface language,
   whatever languages are written.  Runs into one place wait for each
   other.  */
int docs_generate (const struct catalog *cat, const struct docs_request *rq,
                   bool progress);

/* ---- shared by the format writers ---- */

enum docs_format { DOCS_HTML = 1, DOCS_MD = 2, DOCS_MAN = 4, DOCS_TXT = 8 };

/* One comparison page: two codes of one registry.  */
struct docs_pair
{
  const struct rc_code *a, *b;
};

/* What every page writer gets.  */
struct docs_site
{
  const struct catalog *cat;
  const char *root;              /* the temporary output directory */
  const char *const *langs;      /* languages written */
  int n_langs;
  const char *lang;              /* the language being written */
  const char *protocol;          /* filter, or NULL */
  /* per registry: the comparison pairs (index parallel to cat->regs) */
  struct docs_pair **pairs;
  size_t *n_pairs;
  unsigned long pages;           /* pages written so far */
};

/* True when registry R is part of the site.  */
bool docs_wants (const struct docs_site *s, const struct rc_registry *r);
/* True when producer P is part of the site: of the protocol asked for,
   if any.  */
bool docs_wants_producer (const struct docs_site *s,
                          const struct rc_producer *p);
/* The file name of a code page or class page: "220", "X.7.1",
   "class-2xx", "SYS_TEMP" (see docs_slug).  */
void docs_code_file (const struct rc_code *c, char *buf, size_t n);
/* VALUE as a file name: a code value of a word registry may hold '/'
   (POP3 SYS/TEMP), which becomes '_' (no value holds '_').  Writes at
   most N bytes into BUF and returns it.  */
const char *docs_slug (const char *value, char *buf, size_t n);
/* The same into a buffer that lives until the end of the enclosing
   full expression's block.  */
#define DOCS_SLUG(value) docs_slug ((value), (char[48]) { 0 }, 48)
/* The view of related-code link L of registry R, when the code exists and
   is part of the site; false otherwise.  */
bool docs_related (const struct docs_site *s, const struct rc_registry *r,
                   const struct rc_link *l, struct code_view *out);
/* Fills *CV with the comparison of pair P of registry R; the caller
   calls view_compare_free (CV) when done, whatever this returns.  False
   when out of memory (*CV then has no differences).  */
bool docs_compare_view (const struct rc_registry *r,
                        const struct docs_pair *p, struct compare_view *cv);
/* True when code VALUE belongs to class CLS ("2xx", "x5x", "X.7.X");
   the enhanced class digits ("5.X.X") combine with every detail, so no
   code "belongs" to them.  */
bool docs_class_has (const char *cls, const char *value);
/* Opens ROOT/REL for writing, creating directories; NULL on error
   (a message was printed).  */
FILE *docs_open (const struct docs_site *s, const char *rel);
/* Closes F; false on a write error (a message was printed).  */
bool docs_close (FILE *f, const char *rel);
/* Reports that REL (a path inside the site) could not be written; ERR is
   an errno value, or 0 when there is none.  The message is in the user's
   interface language, not the language being written.  Can't fail.  */
void docs_write_failed (const char *rel, int err);

/* The writers, called by docs_generate: the text formats of language
   S->lang (FORMATS: enum docs_format bits), its HTML pages, and the files
   every language shares (style.css, the root index.html, sitemap.xml;
   BASE_URL may be NULL).  Each returns 0 or RC_EXIT_OUTPUT after a
   message.  */
int docs_write_text (struct docs_site *s, unsigned formats);
int docs_write_html (struct docs_site *s);
int docs_write_html_shared (struct docs_site *s, const char *base_url);

#endif
