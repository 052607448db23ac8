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

int render_text_show (struct out *o, const struct catalog *cat,
                      const struct code_view *v);
int render_text_compare (struct out *o, const struct compare_view *cv);
/* One line per code: "SMTP 220  Service Ready".  */
int render_text_list_item (struct out *o, const struct code_view *v);
/* One labelled line for a code that several protocols define: its
   header ("SIP 486 — Busy Here").  */
int render_text_brief_item (struct out *o, const struct code_view *v);
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
/* Prints VALUE (consumed) and a newline.  */
int render_json_print (struct out *o, struct json_t *value);

#endif
