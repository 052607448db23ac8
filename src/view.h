/* view.h: what a page shows, in the display language.

   A view resolves one code (or a pair) against the catalog: translated
   texts with the language each is really in, the class and second-digit
   category, and for a comparison the list of differences.  Views point
   into the catalog and into gettext's strings and are plain values the
   caller keeps on the stack.  A struct code_view owns nothing.  A struct
   compare_view owns the composed texts of its differences: release them
   with view_compare_free.  Texts composed from several parts are
   appended to a caller's struct dbuf (the view_add_* functions) and are
   never cut.  */
#ifndef RC_VIEW_H
#define RC_VIEW_H

#include <stdbool.h>

#include "catalog.h"
#include "dbuf.h"

struct vtext
{
  const char *s;          /* the text to show */
  const char *en;         /* the English source */
  bool translated;        /* false: S is English */
};

struct code_view
{
  const struct rc_registry *reg;
  const struct rc_code *code;   /* NULL: well-formed but not registered */
  char label[24];               /* "220", "5.7.1" */
  char cls_value[8];            /* "2xx", "5.X.X" */
  char sub_value[8];            /* "x2x", "X.7.X" */
  struct vtext title, description, when, fix;
  struct vtext cls_title, cls_desc, sub_title, sub_desc;
  unsigned outcome;             /* resolved: never RC_OUT_DEPENDS when the
                                   class digit is known */
};

/* Fills *V for CODE (may be NULL) of REG shown as LABEL; DIGIT is the
   class digit ('2'..'6') or 0 when unknown.  Can't fail.  */
void view_code (const struct rc_registry *reg, const struct rc_code *code,
                const char *label, char digit, struct code_view *v);

/* Only the title of CODE of REG, in the display language: for lists of
   related codes, where a whole view would look up texts never shown.  */
struct vtext view_code_title (const struct rc_registry *reg,
                              const struct rc_code *code);

/* The registry title in the display language.  */
struct vtext view_registry_title (const struct rc_registry *reg);

/* Short translated descriptions of the structured facts.  */
const char *view_outcome_text (unsigned outcome);
const char *view_outcome_noun (unsigned outcome);
const char *view_actor_text (unsigned actor);
const char *view_status_text (unsigned status);
const char *view_advice_text (unsigned outcome);

enum { VIEW_MAX_DIFFS = 8 };

struct difference
{
  const char *field;    /* stable id for JSON: "outcome", "actor", ... */
  const char *label;    /* translated heading */
  char *a, *b;          /* translated values, malloc'd: owned by the
                           compare_view (view_compare_free) */
};

struct compare_view
{
  struct code_view a, b;
  bool same_class;
  struct difference diffs[VIEW_MAX_DIFFS];
  size_t n_diffs;
  bool facts_equal;     /* outcome, actor and topic are all the same */
};

/* Appends the title of V to OUT: the translated title, followed by the
   English one in parentheses when translated.  False when OUT failed
   (out of memory).  */
bool view_add_title (struct dbuf *out, const struct code_view *v) RC_WUR;

/* Appends the comparison's title to OUT: "SMTP 220 Service Ready vs 221
   Closing Connection", each title as view_add_title writes it.  False
   when OUT failed (out of memory).  */
bool view_add_compare_title (struct dbuf *out, const struct code_view *a,
                             const struct code_view *b) RC_WUR;

/* Appends "RFC 5321, section 4.2.3" (or just the document) to OUT.  False
   when OUT failed (out of memory).  */
bool view_add_reference (struct dbuf *out, const struct rc_ref *ref) RC_WUR;

/* Deprecated forms of view_add_compare_title and view_add_reference that
   write into a fixed BUF of N bytes, kept only until docs_html.c uses
   the dbuf forms.  A text that does not fit is cut, at a character
   boundary (BUF stays UTF-8); an empty BUF when out of memory.  */
void view_compare_title (const struct code_view *a,
                         const struct code_view *b, char *buf, size_t n);
void view_reference (const struct rc_ref *ref, char *buf, size_t n);

/* The code a related-code link of registry R points to, and its registry
   in *REG; NULL (and *REG unspecified) when the catalog lacks it.  */
const struct rc_code *view_related (const struct catalog *cat,
                                    const struct rc_registry *r,
                                    const struct rc_link *l,
                                    const struct rc_registry **reg);

/* Builds the comparison of A and B (already filled by view_code) into
   *CV, which then owns the texts of its differences: call
   view_compare_free when done, whatever this returns.  False when out of
   memory: *CV then has no differences.  */
bool view_compare (const struct code_view *a, const struct code_view *b,
                   struct compare_view *cv);

/* Frees the difference texts of CV and leaves it without differences.
   Safe to call again, and on a view that view_compare did not fill if it
   is zeroed.  Can't fail.  */
void view_compare_free (struct compare_view *cv);

#endif
