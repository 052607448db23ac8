/* search.c: the search command.  Finds the codes and the known replies
   whose texts hold every search word (case-folded, in the display
   language and in English) and ranks them: a word in a title, an alias,
   a reply text or a known reply's name counts most, then a word in a
   known reply's match text, then a word in the body texts.  Each hit
   shows the words that matched and where.  Ties keep the catalog's
   order.  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicase.h>

#include "commands.h"
#include "dbuf.h"
#include "diag.h"
#include "i18n.h"
#include "render.h"
#include "view.h"

/* The weight of a word found in a field of each tier.  */
static const int tier_weight[] = { 100, 40, 10 };

/* Where a word was found; the order of the fields within a tier is the
   order they are tried.  */
struct field
{
  const char *text;
  unsigned label;   /* enum view_search_field */
  int tier;         /* 0 titles, 1 match texts, 2 body texts */
};

struct hit
{
  const struct rc_registry *reg;    /* a code, or */
  const struct rc_code *code;
  const struct rc_producer *prod;   /* a known reply */
  const struct rc_known *known;
  int score;
  size_t order;
  unsigned where[16];               /* per word: the field label */
};

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

/* True when the folded TEXT holds the folded WORD.  *OOM is set when
   out of memory.  */
static bool
text_has (const char *text, const char *folded_word, bool *oom)
{
  char *f;
  bool hit;
  if (!text)
    return false;
  f = fold (text);
  if (!f)
    *oom = true;
  hit = f && strstr (f, folded_word) != NULL;
  free (f);
  return hit;
}

/* Scores the N fields F against the N_WORDS words: every word must be
   found; its best tier counts.  Stores in H->where the field of each
   word.  Returns false when a word is missing.  */
static bool
score_fields (const struct field *f, size_t n, char *const *words,
              size_t n_words, struct hit *h, bool *oom)
{
  h->score = 0;
  for (size_t w = 0; w < n_words; w++)
    {
      bool found = false;
      for (size_t i = 0; i < n && !found; i++)
        if (text_has (f[i].text, words[w], oom))
          {
            found = true;
            h->score += tier_weight[f[i].tier];
            h->where[w] = f[i].label;
          }
      if (!found)
        return false;
    }
  return true;
}

/* The fields of code V, best tier first.  Returns their number.  */
static size_t
code_fields (const struct code_view *v, struct field *f, size_t max)
{
  const struct rc_code *c = v->code;
  size_t n = 0;
#define ADD(t, l, tier) do { if ((t) && n < max) \
      f[n++] = (struct field) { (t), (l), (tier) }; } while (0)
  ADD (c->value, VIEW_FIELD_CODE, 0);
  ADD (v->title.s, VIEW_FIELD_TITLE, 0);
  if (v->title.translated)
    ADD (v->title.en, VIEW_FIELD_TITLE, 0);
  for (size_t i = 0; i < c->n_aliases; i++)
    ADD (c->aliases[i], VIEW_FIELD_ALIAS, 0);
  for (size_t i = 0; i < c->n_mnemonics; i++)
    ADD (c->mnemonics[i], VIEW_FIELD_CODE, 0);
  for (size_t i = 0; i < c->n_replies; i++)
    ADD (c->replies[i].text, VIEW_FIELD_REPLY_TEXT, 0);
  const struct vtext *body[] = { &v->description, &v->when, &v->fix };
  static const unsigned labels[] = { VIEW_FIELD_DESCRIPTION,
                                     VIEW_FIELD_WHEN, VIEW_FIELD_FIX };
  for (size_t i = 0; i < RC_COUNT_OF (body); i++)
    {
      ADD (body[i]->s, labels[i], 2);
      if (body[i]->translated)
        ADD (body[i]->en, labels[i], 2);
    }
  return n;
}

/* The fields of known reply KV.  */
static size_t
known_fields (const struct known_view *kv, struct field *f, size_t max)
{
  const struct rc_known *k = kv->reply;
  size_t n = 0;
  ADD (kv->producer->name, VIEW_FIELD_PRODUCER, 0);
  ADD (kv->name.s, VIEW_FIELD_TITLE, 0);
  if (kv->name.translated)
    ADD (kv->name.en, VIEW_FIELD_TITLE, 0);
  for (size_t i = 0; i < k->n_codes; i++)
    ADD (k->codes[i], VIEW_FIELD_CODE, 0);
  for (size_t i = 0; i < k->n_matches; i++)
    ADD (k->matches[i], VIEW_FIELD_MATCH, 1);
  const struct vtext *body[] = { &kv->meaning, &kv->cause, &kv->fix };
  static const unsigned labels[] = { VIEW_FIELD_MEANING, VIEW_FIELD_CAUSE,
                                     VIEW_FIELD_FIX };
  for (size_t i = 0; i < RC_COUNT_OF (body); i++)
    {
      ADD (body[i]->s, labels[i], 2);
      if (body[i]->translated)
        ADD (body[i]->en, labels[i], 2);
    }
#undef ADD
  return n;
}

static int
hit_cmp (const void *a, const void *b)
{
  const struct hit *x = a, *y = b;
  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return (x->order > y->order) - (x->order < y->order);
}

/* "relay (title); denied (description)": what matched, for hit H.  */
static bool
matched_text (struct dbuf *b, const struct hit *h, char *const *words,
              size_t n)
{
  bool ok = true;
  for (size_t w = 0; ok && w < n; w++)
    ok = view_add_list_separator (b)
      && view_add_search_match (b, words[w], h->where[w]);
  return ok;
}

static int
emit_hit (struct ctx *c, const struct hit *h, char *const *words, size_t n,
          json_t *arr)
{
  struct dbuf m = DBUF_INIT;
  int ret;

  if (!matched_text (&m, h, words, n))
    {
      dbuf_free (&m);
      return RC_EXIT_OUTPUT;
    }
  if (h->code)
    {
      struct code_view v;
      view_code (h->reg, h->code, h->code->value, 0, &v);
      ret = c->format == FORMAT_JSON
        ? render_json_search_code (arr, &v, h->score, dbuf_str (&m))
        : render_text_search_code (&c->out, &v, dbuf_str (&m));
    }
  else
    {
      struct known_view kv;
      view_known (h->prod, h->known, &kv);
      ret = c->format == FORMAT_JSON
        ? render_json_search_known (arr, &kv, h->score, dbuf_str (&m))
        : render_text_search_known (&c->out, &kv, dbuf_str (&m));
    }
  dbuf_free (&m);
  return ret;
}

int
cmd_search (struct ctx *c, int argc, char **argv)
{
  const char *proto = NULL;
  char **words = NULL;
  json_t *arr = c->format == FORMAT_JSON ? json_array () : NULL;
  struct hit *hits = NULL;
  size_t n_hits = 0, cap = 0, order = 0;
  struct field f[64];
  int ret = 0, n = 0;
  bool oom = false;

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
  if (argc > (int) RC_COUNT_OF (hits->where))
    {
      rc_error (_("too many search words (at most %zu)"),
                RC_COUNT_OF (hits->where));
      ret = RC_EXIT_USAGE;
      goto out;
    }
  words = calloc ((size_t) argc, sizeof *words);
  if (!words || (c->format == FORMAT_JSON && !arr))
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
  /* codes, then known replies, in catalog order */
  for (size_t i = 0; i < c->cat->n_regs + c->cat->n_producers && !oom; i++)
    {
      const struct rc_registry *r = i < c->cat->n_regs ? &c->cat->regs[i]
        : NULL;
      const struct rc_producer *p = r ? NULL
        : &c->cat->producers[i - c->cat->n_regs];
      size_t items = r ? r->n_codes : p->n_replies;
      if (proto && (r ? !registry_in_protocol (r, proto)
                    : strcmp (p->protocol, proto) != 0))
        continue;
      for (size_t k = 0; k < items && !oom; k++)
        {
          struct hit h = { .reg = r, .prod = p, .order = order++ };
          size_t nf;
          if (r)
            {
              struct code_view v;
              h.code = &r->codes[k];
              view_code (r, h.code, h.code->value, 0, &v);
              nf = code_fields (&v, f, RC_COUNT_OF (f));
            }
          else
            {
              struct known_view kv;
              h.known = &p->replies[k];
              view_known (p, h.known, &kv);
              nf = known_fields (&kv, f, RC_COUNT_OF (f));
            }
          if (!score_fields (f, nf, words, (size_t) n, &h, &oom))
            continue;
          if (n_hits == cap)
            {
              size_t nc = cap ? 2 * cap : 64;
              struct hit *q = realloc (hits, nc * sizeof *q);
              if (!q)
                {
                  oom = true;
                  break;
                }
              hits = q;
              cap = nc;
            }
          hits[n_hits++] = h;
        }
    }
  if (oom)
    {
      ret = RC_EXIT_OUTPUT;
      goto out;
    }
  if (n_hits > 1)
    qsort (hits, n_hits, sizeof *hits, hit_cmp);
  for (size_t i = 0; i < n_hits; i++)
    ret = max_status (ret, emit_hit (c, &hits[i], words, (size_t) n, arr));
  if (c->format == FORMAT_JSON)
    ret = max_status (ret, render_json_print (&c->out, arr));
  arr = NULL;
  if (n_hits == 0)
    ret = max_status (ret, RC_EXIT_NOT_FOUND);
out:
  for (int i = 0; words && i < n; i++)
    free (words[i]);
  free (words);
  free (hits);
  json_decref (arr);
  return ret;
}
