/* render_json.c: JSON output through jansson (DESIGN.md section 1).
   Every object names the language its texts are really in.  */
#include "system.h"

#include <string.h>

#include <jansson.h>

#include "i18n.h"
#include "render.h"

static void
set_str (json_t *o, const char *key, const char *s)
{
  json_object_set_new (o, key, s ? json_string (s) : json_null ());
}

static json_t *
refs_json (const struct rc_code *c)
{
  json_t *a = json_array ();
  for (size_t i = 0; c && a && i < c->n_refs; i++)
    {
      json_t *r = json_object ();
      set_str (r, "document", c->refs[i].doc);
      set_str (r, "section", c->refs[i].section);
      json_array_append_new (a, r);
    }
  return a;
}

static json_t *
see_also_json (const struct catalog *cat, const struct code_view *v)
{
  json_t *a = json_array ();
  const struct rc_code *c = v->code;
  for (size_t i = 0; c && a && i < c->n_related; i++)
    {
      const struct rc_link *l = &c->related[i];
      const struct rc_registry *r;
      const struct rc_code *rc = view_related (cat, v->reg, l, &r);
      json_t *o = json_object ();
      set_str (o, "protocol", r ? r->id : l->registry);
      set_str (o, "code", l->code);
      if (rc)
        {
          set_str (o, "title", view_code_title (r, rc).s);
        }
      json_array_append_new (a, o);
    }
  return a;
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

  if (!o || !untranslated)
    {
      json_decref (o);
      json_decref (untranslated);
      return NULL;
    }
  set_str (o, "protocol", v->reg->id);
  set_str (o, "code", v->label);
  json_object_set_new (o, "registered", json_boolean (c != NULL));
  for (size_t i = 0; i < RC_COUNT_OF (texts); i++)
    {
      set_str (o, names[i], texts[i]->s);
      if (texts[i]->translated)
        n_tr++;
      else if (c)
        json_array_append_new (untranslated, json_string (names[i]));
    }
  set_str (o, "title_en", v->title.en);
  set_str (o, "class", v->cls_value);
  set_str (o, "category", v->cls_title.s);
  set_str (o, "subclass", v->sub_value[0] ? v->sub_value : NULL);
  set_str (o, "subcategory", v->sub_title.s);
  set_str (o, "outcome", rc_outcome_name (v->outcome));
  set_str (o, "actor", c ? rc_actor_name (c->actor) : NULL);
  set_str (o, "status", c ? rc_status_name (c->status) : NULL);
  set_str (o, "source", c ? rc_source_name (c->source) : NULL);
  json_t *al = json_array ();
  for (size_t i = 0; c && al && i < c->n_aliases; i++)
    json_array_append_new (al, json_string (c->aliases[i]));
  json_object_set_new (o, "aliases", al ? al : json_null ());
  json_t *rt = json_array ();
  for (size_t i = 0; c && rt && i < c->n_replies; i++)
    {
      json_t *r = json_object ();
      set_str (r, "text", c->replies[i].text);
      set_str (r, "document", c->replies[i].doc);
      json_array_append_new (rt, r);
    }
  json_object_set_new (o, "reply_text", rt ? rt : json_null ());
  json_object_set_new (o, "references", refs_json (c));
  json_object_set_new (o, "see_also", see_also_json (cat, v));
  /* "lang": the language the texts are in; "untranslated" lists the
     fields that fell back to English.  */
  set_str (o, "lang", n_tr > 0 ? i18n_lang () : "en");
  if (n_tr > 0 && json_array_size (untranslated) > 0)
    json_object_set_new (o, "untranslated", untranslated);
  else
    json_decref (untranslated);
  return o;
}

json_t *
render_json_list_item (const struct code_view *v)
{
  json_t *o = json_object ();
  if (!o)
    return NULL;
  set_str (o, "protocol", v->reg->id);
  set_str (o, "code", v->label);
  set_str (o, "title", v->title.s);
  set_str (o, "title_en", v->title.en);
  set_str (o, "lang", v->title.translated ? i18n_lang () : "en");
  return o;
}

json_t *
render_json_compare (const struct catalog *cat, const struct compare_view *cv,
                     const char *summary)
{
  json_t *o = json_object (), *d = json_array ();
  if (!o || !d)
    {
      json_decref (o);
      json_decref (d);
      return NULL;
    }
  json_object_set_new (o, "a", render_json_code (cat, &cv->a));
  json_object_set_new (o, "b", render_json_code (cat, &cv->b));
  json_object_set_new (o, "same_class", json_boolean (cv->same_class));
  set_str (o, "summary", summary);
  for (size_t i = 0; i < cv->n_diffs; i++)
    {
      json_t *x = json_object ();
      set_str (x, "field", cv->diffs[i].field);
      set_str (x, "label", cv->diffs[i].label);
      set_str (x, "a", cv->diffs[i].a);
      set_str (x, "b", cv->diffs[i].b);
      json_array_append_new (d, x);
    }
  json_object_set_new (o, "differences", d);
  set_str (o, "lang", i18n_lang ());
  return o;
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
