/* commands.c: show, compare, list and search over the catalog.
   Resolution rules (README.md, "Command line"): a code without a protocol is
   looked up in every registry of its shape (three digits, or enhanced
   x.y.z) and each hit is shown, labelled; a well-formed code that no
   registry has is explained from its digits and exits 1.  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "codearg.h"
#include "commands.h"
#include "dbuf.h"
#include "diag.h"
#include "i18n.h"
#include "render.h"
#include "view.h"
#include "wrap.h"

/* True when registry R belongs to the protocol of A (if given) and to
   PROTO (if given).  */
static bool
reg_wanted (const struct rc_registry *r, const struct code_arg *a,
            const char *proto)
{
  return !(a->proto[0] && !registry_in_protocol (r, a->proto))
    && !(proto && !registry_in_protocol (r, proto));
}

/* The code that A names in R, or NULL; *FITS tells whether R can hold
   codes of A's shape at all.  */
static const struct rc_code *
reg_find (const struct rc_registry *r, const struct code_arg *a,
          const char *proto, bool *fits)
{
  *fits = false;
  if (!reg_wanted (r, a, proto) || a->kind == CODE_CLASS)
    return NULL;
  return registry_match (r, a->typed, fits);
}

/* True when a code of shape A that no registry has can be explained
   from its digits in R (its class, and its subject or second digit).  */
static bool
reg_explains_digits (const struct rc_registry *r, const struct code_arg *a)
{
  return (r->kind == RC_KIND_ENHANCED
          && (a->kind == CODE_ENHANCED || a->kind == CODE_DETAIL))
    || (registry_has_digit_classes (r) && a->kind == CODE_BASIC);
}

static int
emit_code (struct ctx *c, const struct code_view *v, json_t *arr,
           bool *first)
{
  if (c->format == FORMAT_JSON)
    {
      json_t *o = render_json_code (c->cat, v);
      return o && json_array_append_new (arr, o) == 0 ? 0 : RC_EXIT_OUTPUT;
    }
  if (!*first)
    putc ('\n', c->out.fp);
  *first = false;
  return render_text_show (&c->out, c->cat, v);
}

static int
emit_item (struct ctx *c, const struct code_view *v, json_t *arr)
{
  if (c->format == FORMAT_JSON)
    {
      json_t *o = render_json_list_item (v);
      return o && json_array_append_new (arr, o) == 0 ? 0 : RC_EXIT_OUTPUT;
    }
  return render_text_list_item (&c->out, v);
}

/* Lists every code of class A->digit ("5xx") in the fitting registries.  */
static int
show_class (struct ctx *c, const struct code_arg *a, const char *proto,
            json_t *arr, bool *first)
{
  int ret = 0;
  bool any = false;
  for (size_t i = 0; i < c->cat->n_regs; i++)
    {
      const struct rc_registry *r = &c->cat->regs[i];
      if (!registry_has_digit_classes (r) || !reg_wanted (r, a, proto))
        continue;
      for (size_t k = 0; k < r->n_codes; k++)
        if (r->codes[k].value[0] == a->digit)
          {
            struct code_view v;
            view_code (r, &r->codes[k], r->codes[k].value, a->digit, &v);
            ret = max_status (ret, emit_item (c, &v, arr));
            any = true;
          }
    }
  *first = false;
  return any ? ret : RC_EXIT_NOT_FOUND;
}

/* The number of distinct protocols among HITS[0..N).  */
static size_t
count_protocols (const struct rc_registry *const *hits, size_t n)
{
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    {
      bool seen = false;
      for (size_t j = 0; j < i && !seen; j++)
        seen = strcmp (hits[j]->protocol, hits[i]->protocol) == 0;
      k += !seen;
    }
  return k;
}

/* A code that more than two protocols define, in text: one labelled line
   per registry, then how to ask for one in full.  */
static int
show_brief (struct ctx *c, const struct code_arg *a,
            const struct rc_registry *const *regs,
            const struct rc_code *const *codes, size_t n, bool *first)
{
  struct dbuf hint = DBUF_INIT;
  int ret = 0;

  if (!*first)
    putc ('\n', c->out.fp);
  *first = false;
  for (size_t i = 0; i < n; i++)
    {
      struct code_view v;
      view_code (regs[i], codes[i], codes[i]->value, a->digit, &v);
      ret = max_status (ret, render_text_brief_item (&c->out, &v));
    }
  if (!view_add_many_protocols_hint (&hint, a->typed, regs[n - 1]->protocol))
    ret = max_status (ret, RC_EXIT_OUTPUT);
  else
    ret = max_status (ret, render_text_note (&c->out, dbuf_str (&hint)));
  dbuf_free (&hint);
  return ret;
}

/* Shows one code argument S.  */
static int
show_one (struct ctx *c, const char *s, const char *proto, json_t *arr,
          bool *first)
{
  struct code_arg a;
  int ret = 0;
  size_t fits = 0, found = 0, digits = 0;
  const struct rc_registry **regs = NULL;
  const struct rc_code **codes = NULL;

  if (!code_arg_parse (s, &a))
    {
      rc_error (_("invalid code '%s'"), s);
      return RC_EXIT_USAGE;
    }
  if (a.proto[0] && !catalog_has_protocol (c->cat, a.proto))
    {
      rc_error (_("unknown protocol '%s'"), a.proto);
      return RC_EXIT_USAGE;
    }
  if (a.kind == CODE_CLASS)
    return show_class (c, &a, proto, arr, first);
  regs = calloc (c->cat->n_regs + 1, sizeof *regs);
  codes = calloc (c->cat->n_regs + 1, sizeof *codes);
  if (!regs || !codes)
    {
      free (regs);
      free (codes);
      return RC_EXIT_OUTPUT;
    }
  for (size_t i = 0; i < c->cat->n_regs; i++)
    {
      const struct rc_registry *r = &c->cat->regs[i];
      bool fit;
      const struct rc_code *code = reg_find (r, &a, proto, &fit);
      fits += fit;
      if (code)
        {
          regs[found] = r;
          codes[found++] = code;
        }
    }
  if (found > 2 && c->format == FORMAT_TEXT && !c->all
      && count_protocols (regs, found) > 2)
    ret = show_brief (c, &a, regs, codes, found, first);
  else
    for (size_t i = 0; i < found; i++)
      {
        struct code_view v;
        /* an enhanced code keeps its class: 5.7.1, not X.7.1 */
        const char *label = a.kind == CODE_ENHANCED ? a.typed
          : codes[i]->value;
        view_code (regs[i], codes[i], label, a.digit, &v);
        ret = max_status (ret, emit_code (c, &v, arr, first));
      }
  free (regs);
  free (codes);
  if (found > 0)
    return ret;
  /* Well-formed but unknown: explain digit codes from their digits in
     each registry of their shape.  */
  for (size_t i = 0; i < c->cat->n_regs; i++)
    {
      const struct rc_registry *r = &c->cat->regs[i];
      bool fit;
      reg_find (r, &a, proto, &fit);
      if (!fit || !reg_explains_digits (r, &a))
        continue;
      struct code_view v;
      view_code (r, NULL, a.kind == CODE_DETAIL ? a.value : a.typed,
                 a.digit, &v);
      ret = max_status (ret, emit_code (c, &v, arr, first));
      digits++;
    }
  if (fits == 0)
    rc_error (_("no registry has codes of the form '%s'"), s);
  else if (digits == 0)
    rc_error (_("code not found: %s"), s);
  return max_status (ret, RC_EXIT_NOT_FOUND);
}

/* Splits off a leading PROTOCOL word.  Returns it or NULL.  */
static const char *
take_protocol (struct ctx *c, int *argc, char ***argv)
{
  if (*argc > 0 && code_arg_is_proto ((*argv)[0])
      && catalog_has_protocol (c->cat, (*argv)[0]))
    {
      const char *p = (*argv)[0];
      (*argc)--;
      (*argv)++;
      return p;
    }
  return NULL;
}

static int
finish_json (struct ctx *c, json_t *arr, bool single)
{
  if (c->format != FORMAT_JSON)
    return 0;
  if (single && json_array_size (arr) == 1)
    {
      json_t *o = json_incref (json_array_get (arr, 0));
      json_decref (arr);
      return render_json_print (&c->out, o);
    }
  return render_json_print (&c->out, arr);
}

int
cmd_show (struct ctx *c, int argc, char **argv)
{
  const char *proto = take_protocol (c, &argc, &argv);
  json_t *arr = c->format == FORMAT_JSON ? json_array () : NULL;
  bool first = true;
  int ret = 0;

  if (argc == 0)
    {
      rc_error (_("missing code"));
      json_decref (arr);
      return RC_EXIT_USAGE;
    }
  if (c->format == FORMAT_JSON && !arr)
    return RC_EXIT_OUTPUT;
  for (int i = 0; i < argc; i++)
    ret = max_status (ret, show_one (c, argv[i], proto, arr, &first));
  return max_status (ret, finish_json (c, arr, argc == 1));
}

int
cmd_list (struct ctx *c, int argc, char **argv)
{
  const char *proto = NULL;
  json_t *arr = c->format == FORMAT_JSON ? json_array () : NULL;
  int ret = 0;

  if (argc > 1)
    {
      rc_error (_("extra operand '%s'"), argv[1]);
      json_decref (arr);
      return RC_EXIT_USAGE;
    }
  if (argc == 1)
    {
      proto = argv[0];
      if (!catalog_has_protocol (c->cat, proto))
        {
          rc_error (_("unknown protocol '%s'"), proto);
          json_decref (arr);
          return RC_EXIT_USAGE;
        }
    }
  for (size_t i = 0; i < c->cat->n_regs; i++)
    {
      const struct rc_registry *r = &c->cat->regs[i];
      if (proto && !registry_in_protocol (r, proto))
        continue;
      for (size_t k = 0; k < r->n_codes; k++)
        {
          struct code_view v;
          view_code (r, &r->codes[k], r->codes[k].value, 0, &v);
          ret = max_status (ret, emit_item (c, &v, arr));
        }
    }
  return max_status (ret, finish_json (c, arr, false));
}


int
cmd_compare (struct ctx *c, int argc, char **argv)
{
  const char *proto = take_protocol (c, &argc, &argv);
  struct code_arg a, b;
  int ret = 0, shown = 0;
  bool a_any = false, b_any = false;
  json_t *arr = NULL;

  if (argc == 3 && strcmp (argv[1], "vs") == 0)
    {
      argv[1] = argv[2];
      argc = 2;
    }
  if (argc != 2)
    {
      rc_error (argc < 2 ? _("compare needs two codes")
                : _("extra operand '%s'"), argc < 2 ? "" : argv[2]);
      return RC_EXIT_USAGE;
    }
  for (int i = 0; i < 2; i++)
    if (!code_arg_parse (argv[i], i ? &b : &a) || (i ? b.kind : a.kind)
        == CODE_CLASS)
      {
        rc_error (_("invalid code '%s'"), argv[i]);
        return RC_EXIT_USAGE;
      }
  /* JSON: one document, whatever the number of registries that match:
     one comparison object, or an array of them */
  if (c->format == FORMAT_JSON && !(arr = json_array ()))
    return RC_EXIT_OUTPUT;
  for (size_t i = 0; i < c->cat->n_regs; i++)
    {
      const struct rc_registry *r = &c->cat->regs[i];
      bool fa, fb;
      const struct rc_code *ca = reg_find (r, &a, proto, &fa);
      const struct rc_code *cb = reg_find (r, &b, proto, &fb);
      a_any |= ca != NULL;
      b_any |= cb != NULL;
      if (!ca || !cb)
        continue;
      struct code_view va, vb;
      struct compare_view cv;
      view_code (r, ca, a.kind == CODE_ENHANCED ? a.typed : ca->value,
                 a.digit, &va);
      view_code (r, cb, b.kind == CODE_ENHANCED ? b.typed : cb->value,
                 b.digit, &vb);
      if (!view_compare (&va, &vb, &cv))
        ret = max_status (ret, RC_EXIT_OUTPUT);
      else if (c->format == FORMAT_JSON)
        {
          json_t *o = render_json_compare (c->cat, &cv);
          if (!o || json_array_append_new (arr, o) != 0)
            ret = max_status (ret, RC_EXIT_OUTPUT);
        }
      else
        {
          if (shown)
            putc ('\n', c->out.fp);
          ret = max_status (ret, render_text_compare (&c->out, &cv));
        }
      view_compare_free (&cv);
      shown++;
    }
  if (shown)
    return max_status (ret, finish_json (c, arr, true));
  json_decref (arr);
  if (a_any && b_any)
    {
      rc_error (_("%s and %s are not codes of the same registry and cannot "
                  "be compared"), argv[0], argv[1]);
      return RC_EXIT_USAGE;
    }
  rc_error (_("code not found: %s"), !a_any ? argv[0] : argv[1]);
  return RC_EXIT_NOT_FOUND;
}
