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
#include <unicase.h>

#include "codearg.h"
#include "commands.h"
#include "dbuf.h"
#include "diag.h"
#include "i18n.h"
#include "render.h"
#include "view.h"
#include "wrap.h"

static bool
reg_is_enhanced (const struct rc_registry *r)
{
  return r->n_codes > 0 && r->codes[0].value[0] == 'X';
}

/* True when registry R can hold code A (shape and protocol).  */
static bool
reg_fits (const struct rc_registry *r, const struct code_arg *a,
          const char *proto)
{
  bool enh = a->kind == CODE_ENHANCED || a->kind == CODE_DETAIL;
  if (a->proto[0] && !registry_in_protocol (r, a->proto))
    return false;
  if (proto && !registry_in_protocol (r, proto))
    return false;
  return enh == reg_is_enhanced (r);
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

static int
max_status (int a, int b)
{
  return a > b ? a : b;
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
      if (reg_is_enhanced (r) || (a->proto[0] && !registry_in_protocol (r, a->proto))
          || (proto && !registry_in_protocol (r, proto)))
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

/* The code as typed in S, without its "PROTOCOL:" prefix: "5.7.1" for
   "smtp:5.7.1".  */
static const char *
typed_code (const char *s, const struct code_arg *a)
{
  return s + strlen (a->proto) + (a->proto[0] ? 1 : 0);
}

/* Shows one code argument S.  */
static int
show_one (struct ctx *c, const char *s, const char *proto, json_t *arr,
          bool *first)
{
  struct code_arg a;
  int ret = 0;
  size_t fits = 0, found = 0;

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
  for (size_t i = 0; i < c->cat->n_regs; i++)
    {
      const struct rc_registry *r = &c->cat->regs[i];
      const struct rc_code *code;
      if (!reg_fits (r, &a, proto))
        continue;
      fits++;
      code = registry_code (r, a.value);
      if (code)
        {
          struct code_view v;
          const char *label = a.kind == CODE_ENHANCED ? typed_code (s, &a)
            : code->value;
          view_code (r, code, label, a.digit, &v);
          ret = max_status (ret, emit_code (c, &v, arr, first));
          found++;
        }
    }
  if (found > 0)
    return ret;
  /* Well-formed but unknown: explain from the digits in each registry
     of the right shape.  */
  for (size_t i = 0; i < c->cat->n_regs; i++)
    {
      const struct rc_registry *r = &c->cat->regs[i];
      if (!reg_fits (r, &a, proto))
        continue;
      struct code_view v;
      view_code (r, NULL, a.kind == CODE_DETAIL ? a.value
                 : typed_code (s, &a), a.digit, &v);
      ret = max_status (ret, emit_code (c, &v, arr, first));
    }
  if (fits == 0)
    rc_error (_("no registry has codes of the form '%s'"), s);
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

/* Case-folded copy of S (malloc'd), or NULL.  */
static char *
fold (const char *s)
{
  size_t n = 0;
  uint8_t *r = u8_casefold ((const uint8_t *) s, strlen (s), NULL, NULL,
                            NULL, &n);
  char *z = r ? realloc (r, n + 1) : NULL;
  if (!z)
    {
      free (r);
      return NULL;
    }
  z[n] = '\0';
  return z;
}

static bool
text_has (const char *text, const char *folded_word)
{
  char *f;
  bool hit;
  if (!text)
    return false;
  f = fold (text);
  hit = f && strstr (f, folded_word) != NULL;
  free (f);
  return hit;
}

/* True when WORD (folded) occurs in any text of the code, English or
   translated.  */
static bool
code_has (const struct code_view *v, const char *word)
{
  const struct rc_code *c = v->code;
  const struct vtext *t[] = { &v->title, &v->description, &v->when, &v->fix };
  if (text_has (c->value, word))
    return true;
  for (size_t i = 0; i < RC_COUNT_OF (t); i++)
    if (text_has (t[i]->s, word) || (t[i]->translated
                                     && text_has (t[i]->en, word)))
      return true;
  for (size_t i = 0; i < c->n_aliases; i++)
    if (text_has (c->aliases[i], word))
      return true;
  for (size_t i = 0; i < c->n_replies; i++)
    if (text_has (c->replies[i].text, word))
      return true;
  return false;
}

int
cmd_search (struct ctx *c, int argc, char **argv)
{
  const char *proto = NULL;
  char **words = NULL;
  json_t *arr = c->format == FORMAT_JSON ? json_array () : NULL;
  int ret = 0, n = 0, hits = 0;

  if (argc > 1 && catalog_has_protocol (c->cat, argv[0]))
    {
      proto = argv[0];
      argc--;
      argv++;
    }
  if (argc == 0)
    {
      rc_error (_("missing search word"));
      ret = RC_EXIT_USAGE;
      goto out;
    }
  words = calloc ((size_t) argc, sizeof *words);
  if (!words)
    {
      ret = RC_EXIT_OUTPUT;
      goto out;
    }
  for (n = 0; n < argc; n++)
    if (!*argv[n])
      {
        rc_error (_("empty search word"));
        ret = RC_EXIT_USAGE;
        goto out;
      }
    else if (!(words[n] = fold (argv[n])))
      {
        ret = RC_EXIT_OUTPUT;
        goto out;
      }
  for (size_t i = 0; i < c->cat->n_regs; i++)
    {
      const struct rc_registry *r = &c->cat->regs[i];
      if (proto && !registry_in_protocol (r, proto))
        continue;
      for (size_t k = 0; k < r->n_codes; k++)
        {
          struct code_view v;
          bool all = true;
          view_code (r, &r->codes[k], r->codes[k].value, 0, &v);
          for (int w = 0; w < n && all; w++)
            all = code_has (&v, words[w]);
          if (all)
            {
              ret = max_status (ret, emit_item (c, &v, arr));
              hits++;
            }
        }
    }
  ret = max_status (ret, finish_json (c, arr, false));
  arr = NULL;
  if (hits == 0)
    ret = max_status (ret, RC_EXIT_NOT_FOUND);
out:
  for (int i = 0; words && i < n; i++)
    free (words[i]);
  free (words);
  json_decref (arr);
  return ret;
}

/* Resolves S in registry R for a comparison; NULL when not there.  */
static const struct rc_code *
compare_lookup (const struct rc_registry *r, const struct code_arg *a)
{
  return registry_code (r, a->value);
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
      bool fa = reg_fits (r, &a, proto), fb = reg_fits (r, &b, proto);
      const struct rc_code *ca = fa ? compare_lookup (r, &a) : NULL;
      const struct rc_code *cb = fb ? compare_lookup (r, &b) : NULL;
      a_any |= ca != NULL;
      b_any |= cb != NULL;
      if (!ca || !cb)
        continue;
      struct code_view va, vb;
      struct compare_view cv;
      view_code (r, ca, a.kind == CODE_ENHANCED ? typed_code (argv[0], &a)
                 : ca->value, a.digit, &va);
      view_code (r, cb, b.kind == CODE_ENHANCED ? typed_code (argv[1], &b)
                 : cb->value, b.digit, &vb);
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
