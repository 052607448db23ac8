/* view.h: what a page shows, in the display language.

   A view resolves one code (or a pair) against the catalog: translated
   texts with the language each is really in, the class and second-digit
   category, and for a comparison the list of differences.  Views point
   into the catalog and into gettext's strings; they own nothing and are
   plain values the caller keeps on the stack.  */
#ifndef RC_VIEW_H
#define RC_VIEW_H

#include <stdbool.h>

#include "catalog.h"

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
  char a[512], b[512];  /* translated values */
};

struct compare_view
{
  struct code_view a, b;
  bool same_class;
  struct difference diffs[VIEW_MAX_DIFFS];
  size_t n_diffs;
  bool facts_equal;     /* outcome, actor and topic are all the same */
};

/* The comparison's title: "SMTP 220 Service Ready vs 221 Closing
   Connection", each translated title followed by the English one.  */
void view_compare_title (const struct code_view *a,
                         const struct code_view *b, char *buf, size_t n);

/* "RFC 5321, section 4.2.3" (or just the document) into BUF.  */
void view_reference (const struct rc_ref *ref, char *buf, size_t n);

/* The code a related-code link of registry R points to, and its registry
   in *REG; NULL (and *REG unspecified) when the catalog lacks it.  */
const struct rc_code *view_related (const struct catalog *cat,
                                    const struct rc_registry *r,
                                    const struct rc_link *l,
                                    const struct rc_registry **reg);

/* Builds the comparison of A and B (already filled by view_code).  */
void view_compare (const struct code_view *a, const struct code_view *b,
                   struct compare_view *cv);

#endif
