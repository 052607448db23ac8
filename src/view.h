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
  char label[48];               /* "220", "5.7.1", "3 (NXDomain)" */
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
  struct difference diffs[VIEW_MAX_DIFFS];   /* only facts that differ and
                                                mean something */
  size_t n_diffs;
  /* The composed texts, in the display language, malloc'd and owned by
     the compare_view (view_compare_free); never NULL after a successful
     view_compare.  */
  char *summary;          /* the opening paragraph */
  char *key_differences;  /* written for the pair, or generated */
  char *when_to_use;      /* written for the pair, or generated */
  bool curated;           /* the pair has written texts (both fields) */
};

/* ---- composed lines: every renderer takes these, none composes its
   own.  Each appends to OUT and returns false when OUT failed (out of
   memory).  ---- */

/* Flags of view_add_header.  */
enum
{
  VIEW_HEAD_NO_PROTOCOL = 1,   /* "220 — Service Ready" */
  VIEW_HEAD_NO_ENGLISH = 2     /* no "(English title)" after a
                                  translated title */
};

/* The header line of V: "SMTP 220 — Service Ready", then " (Service
   Ready)" when the title is translated; "SMTP 299 — not registered" for
   a code that is not registered.  FLAGS: VIEW_HEAD_* bits.  */
/* The note after the one-line entries of a code that more than two
   protocols define: how to ask for one of them, or all, in full.  CODE
   as typed; EXAMPLE_PROTO a protocol that defines it.  */
bool view_add_many_protocols_hint (struct dbuf *out, const char *code,
                                   const char *example_proto);
/* What the status word of an IMAP or POP3 response says (OK, NO, BAD,
   BYE, PREAUTH; +OK, -ERR), translated; NULL for another word.  */
const char *view_response_status_text (const char *status);

/* The code as a value for machines: the label without the mnemonics
   that set_label adds ("3", not "3 (NXDomain)"; "5.7.1" as typed).  */
const char *view_code_label (const struct code_view *v);

bool view_add_header (struct dbuf *out, const struct code_view *v,
                      unsigned flags) RC_WUR;

/* " (Service Ready)": the English title of V in parentheses, when its
   title is translated; nothing otherwise.  */
bool view_add_english_title (struct dbuf *out, const struct code_view *v)
  RC_WUR;

/* A class named with its title: "2xx Positive Completion".  TITLE may be
   NULL (the value alone).  */
bool view_add_class_name (struct dbuf *out, const char *value,
                          const char *title) RC_WUR;

/* A code named with its title, as lists show it: "220 Service Ready".
   TITLE may be NULL (the value alone).  */
bool view_add_code_name (struct dbuf *out, const char *value,
                         const char *title) RC_WUR;

/* The name of a comparison page of registry R: "SMTP 220 vs 221".  */
bool view_add_pair_name (struct dbuf *out, const struct rc_registry *r,
                         const char *a, const char *b) RC_WUR;

/* The separator between the class and the second-digit category of the
   category line (" · ").  Can't fail.  */
const char *view_category_separator (void);

/* The category line of V: "2xx Positive Completion · x2x Connections";
   "(no class defined)" stands for a missing class title.  */
bool view_add_category (struct dbuf *out, const struct code_view *v)
  RC_WUR;

/* A labelled value: "Outcome: Success: ..." (translatable: Japanese and
   Chinese use a full-width colon).  */
bool view_add_labeled (struct dbuf *out, const char *label,
                       const char *text) RC_WUR;

/* The separator of a list ("; ", translatable), unless OUT is empty.  */
bool view_add_list_separator (struct dbuf *out) RC_WUR;

/* Appends SENTENCE to the sentences in OUT with the translatable
   sentence joiner (a space in English, nothing in Japanese and
   Chinese); just SENTENCE when OUT is empty.  */
bool view_add_sentence (struct dbuf *out, const char *sentence) RC_WUR;

/* The length in bytes of the first sentence of TEXT: up to and with the
   first ". ", "! ", "? " (or the mark at the end of TEXT), "。", "！" or
   "？"; "e.g. " and "i.e. " do not end a sentence.  The whole of TEXT
   when it has no sentence end, so a sentence is never cut.  0 for NULL.
   Can't fail.  */
size_t view_first_sentence_len (const char *text);

/* The first sentence of TEXT (view_first_sentence_len).  */
bool view_add_first_sentence (struct dbuf *out, const char *text) RC_WUR;

/* A reply text as the protocol writes it: "\"<domain> Service ready\"
   (RFC 5321)", or without the document when there is none.  */
bool view_add_reply (struct dbuf *out, const struct rc_reply_text *r)
  RC_WUR;

/* The note shown for a code that is not in its registry.  */
bool view_add_unregistered_note (struct dbuf *out, const struct code_view *v)
  RC_WUR;

/* The three text sections of a code: Description, When you see this
   code, How to fix.  */
enum { VIEW_N_SECTIONS = 3 };
/* The translated heading of section I (< VIEW_N_SECTIONS).  */
const char *view_section_title (size_t i);
/* The text of section I of V.  */
const struct vtext *view_section_text (const struct code_view *v, size_t i);

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

/* Builds the comparison of A and B (codes of one registry, already
   filled by view_code) into *CV: the differences of their facts, the
   opening paragraph, and the key differences and when-to-use texts (the
   written ones of the pair when the registry has them, otherwise
   generated from the facts).  *CV then owns its texts: call
   view_compare_free when done, whatever this returns.  False when out of
   memory: *CV then has no differences and no texts.  */
bool view_compare (const struct code_view *a, const struct code_view *b,
                   struct compare_view *cv);

/* Frees the texts of CV and leaves it without differences or texts.
   Safe to call again, and on a view that view_compare did not fill if it
   is zeroed.  Can't fail.  */
void view_compare_free (struct compare_view *cv);

/* ---- known replies (known.h) ---- */

struct known_view
{
  const struct rc_producer *producer;
  const struct rc_known *reply;
  struct vtext name, meaning, cause, fix;
};

/* Fills *V with the texts of known reply K of producer P in the display
   language.  Can't fail.  */
void view_known (const struct rc_producer *p, const struct rc_known *k,
                 struct known_view *v);

/* The producer's description in the display language.  */
struct vtext view_producer_description (const struct rc_producer *p);

/* "software" or "provider", translated.  */
const char *view_producer_type_text (unsigned type);

/* "Gmail — Unauthenticated Sender (English name)": a known reply named
   with its producer; the English name follows a translated one.  */
bool view_add_known_name (struct dbuf *out, const struct known_view *v)
  RC_WUR;

/* A source of a known reply: "Gmail SMTP errors and codes
   <https://support.google.com/a/answer/3726730>"; the ref alone when P
   does not declare it.  */
bool view_add_known_source (struct dbuf *out, const struct rc_producer *p,
                            const char *ref) RC_WUR;

/* The document of P that REF names, or NULL.  */
const struct rc_document *view_producer_doc (const struct rc_producer *p,
                                             const char *ref);

/* The note on a code of a vendor's registry: "A non-standard code of
   nginx, not a registered HTTP status."  Nothing for a standard
   registry.  */
bool view_add_vendor_note (struct dbuf *out, const struct rc_registry *r)
  RC_WUR;

/* Where a search word was found.  */
enum view_search_field
{
  VIEW_FIELD_CODE, VIEW_FIELD_TITLE, VIEW_FIELD_ALIAS, VIEW_FIELD_REPLY_TEXT,
  VIEW_FIELD_DESCRIPTION, VIEW_FIELD_WHEN, VIEW_FIELD_FIX,
  VIEW_FIELD_PRODUCER, VIEW_FIELD_MATCH, VIEW_FIELD_MEANING,
  VIEW_FIELD_CAUSE, VIEW_FIELD_COUNT
};

/* "relay (title)": a search word (as the user typed it, folded) and
   where it was found.  */
bool view_add_search_match (struct dbuf *out, const char *word,
                            unsigned field) RC_WUR;

/* "; and 12 more (replycode search PROTOCOL CODE)": how many known
   replies a list leaves out, and how to see them.  */
bool view_add_known_more (struct dbuf *out, size_t n, const char *protocol,
                          const char *code) RC_WUR;

/* The headings of a known reply's texts: Meaning, Cause, Fix, Source.  */
const char *view_known_label (size_t i);
enum { VIEW_KNOWN_MEANING, VIEW_KNOWN_CAUSE, VIEW_KNOWN_FIX,
       VIEW_KNOWN_SOURCE };

/* ---- the summary of a log ---- */

/* The title of V as view_add_title writes it, or "not registered".  */
bool view_add_code_title (struct dbuf *out, const struct code_view *v)
  RC_WUR;

/* "Dec  5 10:00:01 – Dec  5 23:59:59": the first and the last time a
   reply was seen, as the log writes them; one alone when they are the
   same or the other is empty.  */
bool view_add_time_span (struct dbuf *out, const char *first,
                         const char *last) RC_WUR;

/* "gmail.com (300)", after the list separator unless OUT is empty.  */
bool view_add_counted (struct dbuf *out, const char *name,
                       unsigned long long n) RC_WUR;

/* "Lines read: 1200; With a reply code: 300; Distinct replies: 12".  */
bool view_add_summary_totals (struct dbuf *out, unsigned long long lines,
                              unsigned long long with_code, size_t rows)
  RC_WUR;

/* "Binary lines skipped: 3; Lines longer than 8192 bytes skipped: 1"
   (LINE_MAX bytes); only the counts that are not 0.  */
bool view_add_skipped (struct dbuf *out, unsigned long long binary,
                       unsigned long long overlong, int line_max) RC_WUR;

#endif
