/* render.h: front ends that turn views into output, text (render_text.c)
   or JSON (render_json.c).  Renderers read the catalog and views, write
   to struct out, and own nothing after they return.  Each returns 0, or
   RC_EXIT_OUTPUT when out of memory.  Texts are never cut; every data
   text is made clean (wrap_sanitize) before it reaches a terminal or a
   JSON string: the text renderer writes only through out.h, and the JSON
   renderer makes every string through one function.  */
#ifndef RC_RENDER_H
#define RC_RENDER_H

#include "catalog.h"
#include "out.h"
#include "view.h"

/* How many of a code's known replies show and JSON list.  */
enum { RENDER_KNOWN_SHOWN = 6 };

int render_text_show (struct out *o, const struct catalog *cat,
                      const struct code_view *v);
int render_text_compare (struct out *o, const struct compare_view *cv);
/* One line per code: "SMTP 220  Service Ready".  */
int render_text_list_item (struct out *o, const struct code_view *v);
/* One labelled line for a code that several protocols define: its
   header ("SIP 486 — Busy Here").  */
int render_text_brief_item (struct out *o, const struct code_view *v);
/* A search hit: the code or known reply as a list line, with MATCHED
   (what matched, composed by the view) after it.  */
int render_text_search_code (struct out *o, const struct code_view *v,
                             const char *matched);
int render_text_search_known (struct out *o, const struct known_view *kv,
                              const char *matched);
/* A known reply in full: name, codes, producer, real texts, meaning,
   cause, fix, sources.  */
int render_text_known (struct out *o, const struct known_view *kv);
/* One line per producer: id, name, type, protocol, count, description.  */
int render_text_producer (struct out *o, const struct rc_producer *p);
/* A composed note (view.h), as a paragraph after a blank line.  */
int render_text_note (struct out *o, const char *text);

/* JSON: the renderers append to a JSON array or object built by the
   caller and printed with render_json_print.  Each returns a new object
   (caller owns it), or NULL when out of memory: no key is ever left out
   silently.  */
struct json_t;
struct json_t *render_json_code (const struct catalog *cat,
                                 const struct code_view *v);
struct json_t *render_json_list_item (const struct code_view *v);
/* A comparison: both codes, the opening paragraph ("summary"), the key
   differences and when-to-use texts, whether they were written for the
   pair ("curated"), and the structured differences.  */
struct json_t *render_json_compare (const struct catalog *cat,
                                    const struct compare_view *cv);
/* A known reply: {id, producer, producer_name, name, name_en, meaning,
   cause, fix, codes, source: [{title, url}], lang}.  */
struct json_t *render_json_known (const struct rc_producer *p,
                                  const struct rc_known *k);
/* A producer: {id, name, type, protocol, description, replies,
   sources: [{title, url}], lang}.  */
struct json_t *render_json_producer (const struct rc_producer *p);
/* Appends a search hit to ARR: the list item of a code ({type: "code",
   protocol, code, title, ...}) or a known reply ({type: "known", id,
   producer, ...}), with its score and what matched.  */
int render_json_search_code (struct json_t *arr, const struct code_view *v,
                             int score, const char *matched);
int render_json_search_known (struct json_t *arr,
                              const struct known_view *kv, int score,
                              const char *matched);
/* Prints VALUE (consumed) and a newline.  */
int render_json_print (struct out *o, struct json_t *value);

#endif
