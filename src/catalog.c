/* catalog.c: lookup, ordering and merging over struct catalog (see
   catalog.h).  Codes are kept sorted so that lookup is a binary search.  */
#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"

static const char *const outcome_names[RC_OUT_COUNT] =
  { "success", "intermediate", "transient", "permanent", "depends" };
static const char *const actor_names[RC_ACT_COUNT] =
  { "none", "client", "sender", "recipient-admin", "server-operator", "user" };
static const char *const status_names[RC_ST_COUNT] =
  { "current", "deprecated", "obsolete", "unused" };
static const char *const source_names[RC_SRC_COUNT] =
  { "rfc", "iana", "vendor", "community" };

const char *
rc_outcome_name (unsigned v)
{
  return v < RC_OUT_COUNT ? outcome_names[v] : NULL;
}

const char *
rc_actor_name (unsigned v)
{
  return v < RC_ACT_COUNT ? actor_names[v] : NULL;
}

const char *
rc_status_name (unsigned v)
{
  return v < RC_ST_COUNT ? status_names[v] : NULL;
}

const char *
rc_source_name (unsigned v)
{
  return v < RC_SRC_COUNT ? source_names[v] : NULL;
}

int
rc_enum_parse (const char *(*name) (unsigned), const char *s)
{
  for (unsigned i = 0; name (i); i++)
    if (strcmp (name (i), s) == 0)
      return (int) i;
  return -1;
}

static int
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

int
rc_value_cmp (const char *a, const char *b)
{
  while (*a && *b)
    {
      if (is_digit (*a) && is_digit (*b))
        {
          size_t la = 0, lb = 0;
          while (a[0] == '0' && is_digit (a[1]))
            a++;
          while (b[0] == '0' && is_digit (b[1]))
            b++;
          while (is_digit (a[la]))
            la++;
          while (is_digit (b[lb]))
            lb++;
          if (la != lb)
            return la < lb ? -1 : 1;
          int c = memcmp (a, b, la);
          if (c)
            return c;
          a += la;
          b += lb;
        }
      else
        {
          if (*a != *b)
            return (unsigned char) *a < (unsigned char) *b ? -1 : 1;
          a++;
          b++;
        }
    }
  return (unsigned char) *a - (unsigned char) *b;
}

static int
code_cmp (const void *a, const void *b)
{
  return rc_value_cmp (((const struct rc_code *) a)->value,
                       ((const struct rc_code *) b)->value);
}

void
rc_codes_sort (struct rc_code *codes, size_t n)
{
  if (n > 1)
    qsort (codes, n, sizeof *codes, code_cmp);
}

const struct rc_registry *
catalog_registry (const struct catalog *c, const char *id)
{
  for (size_t i = 0; i < c->n_regs; i++)
    if (strcmp (c->regs[i].id, id) == 0)
      return &c->regs[i];
  return NULL;
}

const struct rc_code *
registry_code (const struct rc_registry *r, const char *value)
{
  size_t lo = 0, hi = r->n_codes;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = rc_value_cmp (value, r->codes[mid].value);
      if (c == 0)
        return &r->codes[mid];
      if (c < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

const struct rc_class *
registry_class (const struct rc_registry *r, const char *value)
{
  for (size_t i = 0; i < r->n_classes; i++)
    if (strcmp (r->classes[i].value, value) == 0)
      return &r->classes[i];
  return NULL;
}

bool
registry_in_protocol (const struct rc_registry *r, const char *proto)
{
  size_t n = strlen (proto);
  return strncmp (r->id, proto, n) == 0 && (r->id[n] == '\0'
                                            || r->id[n] == '-');
}

bool
catalog_has_protocol (const struct catalog *c, const char *proto)
{
  for (size_t i = 0; i < c->n_regs; i++)
    if (registry_in_protocol (&c->regs[i], proto))
      return true;
  return false;
}

/* Merges registry ADD into a copy of BASE (either may be NULL, not both),
   writing the result to OUT.  Returns 0, or -1 when out of memory.  */
static int
merge_registry (struct arena *ar, const struct rc_registry *base,
                const struct rc_registry *add, struct rc_registry *out)
{
  size_t nb = base ? base->n_codes : 0, na = add ? add->n_codes : 0;
  size_t cb = base ? base->n_classes : 0, ca = add ? add->n_classes : 0;
  size_t db = base ? base->n_docs : 0, da = add ? add->n_docs : 0;
  struct rc_code *codes = arena_alloc (ar, (nb + na + 1) * sizeof *codes);
  struct rc_class *classes = arena_alloc (ar, (cb + ca + 1) * sizeof *classes);
  struct rc_document *docs = arena_alloc (ar, (db + da + 1) * sizeof *docs);
  size_t n = 0, k = 0, d = 0;

  if (!codes || !classes || !docs)
    return -1;
  *out = base ? *base : *add;
  /* Both lists are sorted: a classic merge, ADD winning on ties.  */
  for (size_t i = 0, j = 0; i < nb || j < na;)
    {
      int c = i == nb ? 1 : j == na ? -1
        : rc_value_cmp (base->codes[i].value, add->codes[j].value);
      if (c < 0)
        codes[n++] = base->codes[i++];
      else
        {
          codes[n++] = add->codes[j++];
          i += c == 0;
        }
    }
  for (size_t i = 0; i < cb; i++)
    classes[k++] = base->classes[i];
  for (size_t j = 0; j < ca; j++)
    {
      size_t i = 0;
      while (i < cb && strcmp (classes[i].value, add->classes[j].value) != 0)
        i++;
      if (i < cb)
        classes[i] = add->classes[j];
      else
        classes[k++] = add->classes[j];
    }
  for (size_t i = 0; i < db; i++)
    docs[d++] = base->docs[i];
  for (size_t j = 0; j < da; j++)
    docs[d++] = add->docs[j];
  out->codes = codes;
  out->n_codes = n;
  out->classes = classes;
  out->n_classes = k;
  out->docs = docs;
  out->n_docs = d;
  return 0;
}

struct catalog *
catalog_merge (const struct catalog *base, const struct catalog *add)
{
  struct arena *ar = arena_new ();
  struct catalog *c = ar ? arena_alloc (ar, sizeof *c) : NULL;
  struct rc_registry *regs = NULL;
  size_t n = 0;

  if (!c)
    goto fail;
  regs = arena_alloc (ar, (base->n_regs + add->n_regs + 1) * sizeof *regs);
  if (!regs)
    goto fail;
  for (size_t i = 0; i < base->n_regs; i++)
    {
      const struct rc_registry *a = catalog_registry (add, base->regs[i].id);
      if (merge_registry (ar, &base->regs[i], a, &regs[n++]) < 0)
        goto fail;
    }
  for (size_t j = 0; j < add->n_regs; j++)
    if (!catalog_registry (base, add->regs[j].id))
      if (merge_registry (ar, NULL, &add->regs[j], &regs[n++]) < 0)
        goto fail;
  c->regs = regs;
  c->n_regs = n;
  c->arena = ar;
  return c;

fail:
  arena_free (ar);
  return NULL;
}

void
catalog_free (const struct catalog *c)
{
  if (c && c->arena)
    arena_free (c->arena);   /* the struct itself lives in its arena */
}
