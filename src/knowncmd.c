/* knowncmd.c: the known command.  Lists the producers of known replies,
   the known replies of one producer or of one code, and shows one known
   reply in full:
     known                       every producer
     known PRODUCER              its known replies, one line each
     known PRODUCER REPLY        that known reply in full
     known PROTOCOL CODE         the known replies that come with CODE  */
#include "system.h"

#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "codearg.h"
#include "commands.h"
#include "diag.h"
#include "known.h"
#include "render.h"
#include "view.h"

/* Emits known reply K of P as a list line (or a JSON object).  */
static int
emit_line (struct ctx *c, const struct rc_producer *p,
           const struct rc_known *k, json_t *arr)
{
  struct known_view kv;
  if (c->format == FORMAT_JSON)
    {
      json_t *o = render_json_known (p, k);
      return o && json_array_append_new (arr, o) == 0 ? 0 : RC_EXIT_OUTPUT;
    }
  view_known (p, k, &kv);
  return render_text_search_known (&c->out, &kv, NULL);
}

static int
list_producers (struct ctx *c, json_t *arr)
{
  int ret = 0;
  for (size_t i = 0; i < c->cat->n_producers; i++)
    {
      const struct rc_producer *p = &c->cat->producers[i];
      if (c->format == FORMAT_JSON)
        {
          json_t *o = render_json_producer (p);
          if (!o || json_array_append_new (arr, o) != 0)
            ret = RC_EXIT_OUTPUT;
        }
      else
        ret = max_status (ret, render_text_producer (&c->out, p));
    }
  return ret;
}

/* True when K lists the enhanced code TYPED exactly ("5.7.1", not
   "4.7.1").  */
static bool
has_exact (const struct rc_known *k, const char *typed)
{
  for (size_t i = 0; i < k->n_codes; i++)
    if (strcmp (k->codes[i], typed) == 0)
      return true;
  return false;
}

/* The known replies that come with the code S of protocol PROTO.  */
static int
list_for_code (struct ctx *c, const char *proto, const char *s, json_t *arr)
{
  struct code_arg a;
  size_t found = 0;
  int ret = 0;

  if (!code_arg_parse (s, &a) || a.kind == CODE_CLASS)
    {
      rc_error (_("invalid code '%s'"), s);
      return RC_EXIT_USAGE;
    }
  for (size_t i = 0; i < c->cat->n_regs; i++)
    {
      const struct rc_registry *r = &c->cat->regs[i];
      if (!registry_in_protocol (r, proto))
        continue;
      /* the value as a registry of this kind stores it ("X.7.1") */
      const struct rc_code *code = registry_match (r, a.typed, NULL);
      const char *value = code ? code->value : NULL;
      for (size_t p = 0; value && p < c->cat->n_producers; p++)
        for (size_t k = 0; k < c->cat->producers[p].n_replies; k++)
          if (known_has_code (&c->cat->producers[p],
                              &c->cat->producers[p].replies[k], r->protocol,
                              r->kind, value)
              && (a.kind != CODE_ENHANCED
                  || has_exact (&c->cat->producers[p].replies[k], a.typed)))
            {
              ret = max_status (ret, emit_line (c, &c->cat->producers[p],
                                                &c->cat->producers[p]
                                                .replies[k], arr));
              found++;
            }
      if (found)
        break;
    }
  if (!found)
    {
      rc_error (_("no known reply comes with %s %s"), proto, s);
      ret = max_status (ret, RC_EXIT_NOT_FOUND);
    }
  return ret;
}

int
cmd_known (struct ctx *c, int argc, char **argv)
{
  json_t *arr = c->format == FORMAT_JSON ? json_array () : NULL;
  const struct rc_producer *p = argc > 0
    ? catalog_producer (c->cat, argv[0]) : NULL;
  int ret = 0;

  if (c->format == FORMAT_JSON && !arr)
    return RC_EXIT_OUTPUT;
  if (argc > 2)
    {
      rc_error (_("too many arguments"));
      json_decref (arr);
      return RC_EXIT_USAGE;
    }
  if (argc == 0)
    ret = list_producers (c, arr);
  else if (p && argc == 1)
    for (size_t k = 0; k < p->n_replies; k++)
      ret = max_status (ret, emit_line (c, p, &p->replies[k], arr));
  else if (p)
    {
      const struct rc_known *k = NULL;
      for (size_t i = 0; i < p->n_replies && !k; i++)
        if (strcmp (p->replies[i].id, argv[1]) == 0)
          k = &p->replies[i];
      if (!k)
        {
          rc_error (_("%s has no known reply '%s'"), p->id, argv[1]);
          json_decref (arr);
          return RC_EXIT_NOT_FOUND;
        }
      if (c->format == FORMAT_JSON)
        {
          json_decref (arr);
          return render_json_print (&c->out, render_json_known (p, k));
        }
      struct known_view kv;
      view_known (p, k, &kv);
      return render_text_known (&c->out, &kv);
    }
  else if (argc == 2 && catalog_has_protocol (c->cat, argv[0]))
    ret = list_for_code (c, argv[0], argv[1], arr);
  else
    {
      rc_error (_("unknown producer or protocol '%s'"), argv[0]);
      json_decref (arr);
      return RC_EXIT_USAGE;
    }
  if (c->format == FORMAT_JSON)
    ret = max_status (ret, render_json_print (&c->out, arr));
  else
    json_decref (arr);
  return ret;
}
