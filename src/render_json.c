/* render_json.c: JSON output through jansson (DESIGN.md section 1).
   Every object names the language its texts are really in.  Every string
   is made by text_json, which makes it clean first; any failure (out of
   memory) makes the whole object NULL, so no key is ever left out.  */
#include "system.h"

#include <string.h>

#include <jansson.h>

#include "dbuf.h"
#include "i18n.h"
#include "known.h"
#include "render.h"
#include "summary.h"
#include "wrap.h"

/* A JSON string of S (NULL: null), made clean first (wrap_sanitize) when
   it is not: jansson escapes C0 controls but writes C1 controls and
   bidirectional formatting characters as they are, and refuses invalid
   UTF-8.  NULL when out of memory.  */
static json_t *
text_json (const char *s)
{
  struct dbuf b = DBUF_INIT;
  size_t n;
  json_t *j;

  if (!s)
    return json_null ();
  n = strlen (s);
  if (wrap_is_clean (s, n))
    return json_stringn (s, n);
  if (!wrap_sanitize (&b, s, n))
    return NULL;
  j = json_stringn (dbuf_str (&b), dbuf_len (&b));
  dbuf_free (&b);
  return j;
}

/* Sets KEY of O to the string S (NULL: null).  False when out of
   memory.  */
static bool
set_str (json_t *o, const char *key, const char *s)
{
  return json_object_set_new (o, key, text_json (s)) == 0;
}

/* Sets KEY of O to V (consumed).  False when V is NULL or out of
   memory.  */
static bool
set_new (json_t *o, const char *key, json_t *v)
{
  return json_object_set_new (o, key, v) == 0;
}

/* Appends V (consumed) to the array A.  False when V is NULL or out of
   memory.  */
static bool
append_new (json_t *a, json_t *v)
{
  return json_array_append_new (a, v) == 0;
}

/* Releases O and returns NULL unless OK.  */
static json_t *
checked (json_t *o, bool ok)
{
  if (ok)
    return o;
  json_decref (o);
  return NULL;
}

static json_t *
refs_json (const struct rc_code *c)
{
  json_t *a = json_array ();
  bool ok = a != NULL;
  for (size_t i = 0; c && ok && i < c->n_refs; i++)
    {
      json_t *r = json_object ();
      ok = r != NULL;
      ok = ok && set_str (r, "document", c->refs[i].doc);
      ok = ok && set_str (r, "section", c->refs[i].section);
      ok = append_new (a, checked (r, ok));
    }
  return checked (a, ok);
}

static json_t *
see_also_json (const struct catalog *cat, const struct code_view *v)
{
  json_t *a = json_array ();
  const struct rc_code *c = v->code;
  bool ok = a != NULL;
  for (size_t i = 0; c && ok && i < c->n_related; i++)
    {
      const struct rc_link *l = &c->related[i];
      const struct rc_registry *r;
      const struct rc_code *rc = view_related (cat, v->reg, l, &r);
      json_t *o = json_object ();
      ok = o != NULL;
      ok = ok && set_str (o, "protocol", r ? r->id : l->registry);
      ok = ok && set_str (o, "code", l->code);
      if (rc)
        ok = ok && set_str (o, "title", view_code_title (r, rc).s);
      ok = append_new (a, checked (o, ok));
    }
  return checked (a, ok);
}

/* The N strings of S as a JSON array.  */
static json_t *
strings_json (const char *const *s, size_t n)
{
  json_t *a = json_array ();
  bool ok = a != NULL;
  for (size_t i = 0; ok && i < n; i++)
    ok = append_new (a, text_json (s[i]));
  return checked (a, ok);
}

static json_t *
replies_json (const struct rc_code *c)
{
  json_t *a = json_array ();
  bool ok = a != NULL;
  for (size_t i = 0; c && ok && i < c->n_replies; i++)
    {
      json_t *r = json_object ();
      ok = r != NULL;
      ok = ok && set_str (r, "text", c->replies[i].text);
      ok = ok && set_str (r, "document", c->replies[i].doc);
      ok = append_new (a, checked (r, ok));
    }
  return checked (a, ok);
}

json_t *
render_json_code (const struct catalog *cat, const struct code_view *v)
{
  json_t *o = json_object ();
  const struct rc_code *c = v->code;
  const struct vtext *texts[] = { &v->title, &v->description, &v->when,
                                  &v->fix };
  static const char *const names[] = { "title", "description", "when",
                                       "fix" };
  json_t *untranslated = json_array ();
  size_t n_tr = 0;
  bool ok = o && untranslated;

  ok = ok && set_str (o, "protocol", v->reg->id);
  ok = ok && set_str (o, "code", view_code_label (v));
  ok = ok && set_new (o, "registered", json_boolean (c != NULL));
  for (size_t i = 0; ok && i < RC_COUNT_OF (texts); i++)
    {
      ok = set_str (o, names[i], texts[i]->s);
      if (texts[i]->translated)
        n_tr++;
      else if (c)
        ok = ok && append_new (untranslated, json_string (names[i]));
    }
  ok = ok && set_str (o, "title_en", v->title.en);
  ok = ok && set_str (o, "class", v->cls_value);
  ok = ok && set_str (o, "category", v->cls_title.s);
  ok = ok && set_str (o, "subclass", v->sub_value[0] ? v->sub_value : NULL);
  ok = ok && set_str (o, "subcategory", v->sub_title.s);
  ok = ok && set_str (o, "outcome", rc_outcome_name (v->outcome));
  ok = ok && set_str (o, "actor", c ? rc_actor_name (c->actor) : NULL);
  ok = ok && set_str (o, "status", c ? rc_status_name (c->status) : NULL);
  ok = ok && set_str (o, "source", c ? rc_source_name (c->source) : NULL);
  ok = ok && set_str (o, "vendor", v->reg->vendor);
  ok = ok && set_new (o, "aliases", strings_json (c ? c->aliases : NULL,
                                                   c ? c->n_aliases : 0));
  ok = ok && set_new (o, "mnemonics",
                      strings_json (c ? c->mnemonics : NULL,
                                    c ? c->n_mnemonics : 0));
  ok = ok && set_new (o, "reply_text", replies_json (c));
  ok = ok && set_new (o, "references", refs_json (c));
  ok = ok && set_new (o, "see_also", see_also_json (cat, v));
  if (ok && c)
    {
      /* the known replies that come with the code: the first few, and
         how many there are */
      struct known_hit hits[RENDER_KNOWN_SHOWN];
      size_t n = known_for_code (cat, v->reg, c, hits, RC_COUNT_OF (hits));
      json_t *k = json_array ();
      ok = k != NULL;
      for (size_t i = 0; ok && i < n && i < RC_COUNT_OF (hits); i++)
        ok = append_new (k, render_json_known (hits[i].producer,
                                               hits[i].reply));
      ok = set_new (o, "known", checked (k, ok)) && ok;
      ok = ok && set_new (o, "known_total", json_integer ((json_int_t) n));
    }
  /* "lang": the language the texts are in; "untranslated" lists the
     fields that fell back to English.  */
  ok = ok && set_str (o, "lang", n_tr > 0 ? i18n_lang () : "en");
  if (ok && n_tr > 0 && json_array_size (untranslated) > 0)
    ok = set_new (o, "untranslated", json_incref (untranslated));
  json_decref (untranslated);
  return checked (o, ok);
}

static json_t *sources_json (const struct rc_producer *p,
                             const char *const *refs, size_t n);

json_t *
render_json_known (const struct rc_producer *p, const struct rc_known *k)
{
  json_t *o = json_object ();
  struct known_view kv;
  bool ok = o != NULL;

  view_known (p, k, &kv);
  ok = ok && set_str (o, "id", k->id);
  ok = ok && set_str (o, "producer", p->id);
  ok = ok && set_str (o, "producer_name", p->name);
  ok = ok && set_str (o, "name", kv.name.s);
  ok = ok && set_str (o, "name_en", kv.name.en);
  ok = ok && set_str (o, "meaning", kv.meaning.s);
  ok = ok && set_str (o, "cause", kv.cause.s);
  ok = ok && set_str (o, "fix", kv.fix.s);
  ok = ok && set_new (o, "codes", strings_json (k->codes, k->n_codes));
  ok = ok && set_new (o, "matches", strings_json (k->matches, k->n_matches));
  ok = ok && set_new (o, "source", sources_json (p, k->sources,
                                                 k->n_sources));
  ok = ok && set_str (o, "lang", kv.name.translated ? i18n_lang () : "en");
  return checked (o, ok);
}

/* The documents of P as [{title, url}], or only those named by REFS[0..N)
   when REFS is not NULL.  */
static json_t *
sources_json (const struct rc_producer *p, const char *const *refs, size_t n)
{
  json_t *a = json_array ();
  bool ok = a != NULL;
  size_t count = refs ? n : p->n_docs;
  for (size_t i = 0; ok && i < count; i++)
    {
      const struct rc_document *d = refs ? view_producer_doc (p, refs[i])
        : &p->docs[i];
      json_t *x = json_object ();
      ok = x != NULL;
      ok = ok && set_str (x, "title", d ? d->title : refs[i]);
      ok = ok && set_str (x, "url", d ? d->href : NULL);
      ok = append_new (a, checked (x, ok));
    }
  return checked (a, ok);
}

json_t *
render_json_producer (const struct rc_producer *p)
{
  json_t *o = json_object ();
  struct vtext d = view_producer_description (p);
  bool ok = o != NULL;
  ok = ok && set_str (o, "id", p->id);
  ok = ok && set_str (o, "name", p->name);
  ok = ok && set_str (o, "type", rc_producer_type_name (p->type));
  ok = ok && set_str (o, "protocol", p->protocol);
  ok = ok && set_str (o, "description", d.s);
  ok = ok && set_new (o, "replies", json_integer ((json_int_t) p->n_replies));
  ok = ok && set_new (o, "sources", sources_json (p, NULL, 0));
  ok = ok && set_str (o, "lang", d.translated ? i18n_lang () : "en");
  return checked (o, ok);
}

int
render_json_search_code (json_t *arr, const struct code_view *v, int score,
                         const char *matched)
{
  json_t *o = render_json_list_item (v);
  bool ok = o != NULL;
  ok = ok && set_str (o, "type", "code");
  ok = ok && set_new (o, "score", json_integer (score));
  ok = ok && set_str (o, "matched", matched);
  return append_new (arr, checked (o, ok)) ? 0 : RC_EXIT_OUTPUT;
}

int
render_json_search_known (json_t *arr, const struct known_view *kv,
                          int score, const char *matched)
{
  json_t *o = json_object ();
  bool ok = o != NULL;
  ok = ok && set_str (o, "type", "known");
  ok = ok && set_str (o, "protocol", kv->producer->protocol);
  ok = ok && set_str (o, "producer", kv->producer->id);
  ok = ok && set_str (o, "id", kv->reply->id);
  ok = ok && set_new (o, "codes", strings_json (kv->reply->codes,
                                                kv->reply->n_codes));
  ok = ok && set_str (o, "title", kv->name.s);
  ok = ok && set_str (o, "title_en", kv->name.en);
  ok = ok && set_new (o, "score", json_integer (score));
  ok = ok && set_str (o, "matched", matched);
  ok = ok && set_str (o, "lang", kv->name.translated ? i18n_lang () : "en");
  return append_new (arr, checked (o, ok)) ? 0 : RC_EXIT_OUTPUT;
}

json_t *
render_json_list_item (const struct code_view *v)
{
  json_t *o = json_object ();
  bool ok = o != NULL;
  ok = ok && set_str (o, "protocol", v->reg->id);
  ok = ok && set_str (o, "code", view_code_label (v));
  ok = ok && set_str (o, "title", v->title.s);
  ok = ok && set_str (o, "title_en", v->title.en);
  ok = ok && set_str (o, "lang", v->title.translated ? i18n_lang () : "en");
  return checked (o, ok);
}

json_t *
render_json_compare (const struct catalog *cat, const struct compare_view *cv)
{
  json_t *o = json_object (), *d = json_array ();
  bool ok = o && d;

  ok = ok && set_new (o, "a", render_json_code (cat, &cv->a));
  ok = ok && set_new (o, "b", render_json_code (cat, &cv->b));
  ok = ok && set_new (o, "same_class", json_boolean (cv->same_class));
  ok = ok && set_str (o, "summary", cv->summary);
  ok = ok && set_str (o, "key_differences", cv->key_differences);
  ok = ok && set_str (o, "when_to_use", cv->when_to_use);
  ok = ok && set_new (o, "curated", json_boolean (cv->curated));
  for (size_t i = 0; ok && i < cv->n_diffs; i++)
    {
      json_t *x = json_object ();
      ok = x != NULL;
      ok = ok && set_str (x, "field", cv->diffs[i].field);
      ok = ok && set_str (x, "label", cv->diffs[i].label);
      ok = ok && set_str (x, "a", cv->diffs[i].a);
      ok = ok && set_str (x, "b", cv->diffs[i].b);
      ok = append_new (d, checked (x, ok));
    }
  ok = ok && set_new (o, "differences", json_incref (d));
  ok = ok && set_str (o, "lang", i18n_lang ());
  json_decref (d);
  return checked (o, ok);
}

int
render_json_print (struct out *o, json_t *value)
{
  int ret = 0;
  if (!value || json_dumpf (value, o->fp, JSON_INDENT (2)) != 0)
    ret = RC_EXIT_OUTPUT;
  else
    putc ('\n', o->fp);
  json_decref (value);
  return ret;
}

/* One row of the summary.  */
static json_t *
summary_row_json (const struct summary *s, const struct summary_row *r)
{
  const struct code_view *v = summary_row_view (r);
  json_t *o = json_object (), *hosts = json_array ();
  struct dbuf t = DBUF_INIT;
  bool ok = o && hosts;
  const char *fix = v && v->code ? v->fix.s : NULL;

  ok = ok && set_str (o, "protocol", r->proto);
  ok = ok && set_str (o, "code", r->t->code[0] ? r->t->code : NULL);
  ok = ok && set_str (o, "enhanced", r->t->enhanced[0] ? r->t->enhanced
                      : NULL);
  if (r->t->known)
    {
      struct known_view kv;
      json_t *k = json_object ();
      view_known (r->t->producer, r->t->known, &kv);
      fix = kv.fix.s;
      ok = ok && k && set_str (k, "producer", r->t->producer->id)
        && set_str (k, "id", r->t->known->id)
        && set_str (k, "name", kv.name.s)
        && set_str (k, "name_en", kv.name.en);
      ok = set_new (o, "known", checked (k, ok)) && ok;
    }
  else
    ok = ok && set_new (o, "known", json_null ());
  ok = ok && set_new (o, "count", json_integer ((json_int_t) r->t->count));
  ok = ok && set_new (o, "share", json_real (s->with_code
                                             ? (double) r->t->count
                                             / (double) s->with_code : 0));
  ok = ok && set_str (o, "first", r->t->first[0] ? r->t->first : NULL);
  ok = ok && set_str (o, "last", r->t->last[0] ? r->t->last : NULL);
  for (size_t i = 0; ok && i < r->t->n_hosts; i++)
    {
      json_t *h = json_object ();
      ok = h && set_str (h, "host", r->t->hosts[i].name)
        && set_new (h, "count",
                    json_integer ((json_int_t) r->t->hosts[i].count));
      ok = append_new (hosts, checked (h, ok)) && ok;
    }
  ok = set_new (o, "hosts", checked (hosts, ok)) && ok;
  ok = ok && (!v || view_add_code_title (&t, v));
  ok = ok && set_str (o, "title", v ? dbuf_str (&t) : NULL);
  dbuf_reset (&t);
  ok = ok && (!fix || view_add_first_sentence (&t, fix));
  ok = ok && set_str (o, "fix", fix ? dbuf_str (&t) : NULL);
  ok = ok && set_str (o, "outcome", rc_outcome_name (r->outcome));
  dbuf_free (&t);
  return checked (o, ok);
}

int
render_summary_json (struct ctx *c, const struct summary *s)
{
  json_t *o = json_object (), *codes = json_array ();
  bool ok = o && codes;

  for (size_t i = 0; ok && i < s->n_rows; i++)
    ok = append_new (codes, summary_row_json (s, &s->rows[i]));
  ok = set_new (o, "codes", checked (codes, ok)) && ok;
  ok = ok && set_new (o, "lines", json_integer ((json_int_t) s->lines));
  ok = ok && set_new (o, "lines_with_codes",
                      json_integer ((json_int_t) s->with_code));
  ok = ok && set_new (o, "other", json_integer ((json_int_t) s->tally.other));
  ok = ok && set_new (o, "skipped_binary",
                      json_integer ((json_int_t) s->binary));
  ok = ok && set_new (o, "skipped_overlong",
                      json_integer ((json_int_t) s->overlong));
  ok = ok && set_str (o, "lang", i18n_lang ());
  return render_json_print (&c->out, checked (o, ok));
}
