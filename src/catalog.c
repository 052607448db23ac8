/* catalog.c: lookup, ordering and merging over struct catalog (see
   catalog.h).  Codes are kept sorted so that lookup is a binary search.  */
#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"

static const char *const outcome_names[RC_OUT_COUNT] =
  { "success", "intermediate", "transient", "permanent", "depends",
    "interim", "redirect", "failure" };
static const char *const actor_names[RC_ACT_COUNT] =
  { "none", "client", "sender", "recipient-admin", "server-operator", "user" };
static const char *const status_names[RC_ST_COUNT] =
  { "current", "deprecated", "obsolete", "unused" };
static const char *const source_names[RC_SRC_COUNT] =
  { "rfc", "iana", "vendor", "community" };

static const char *const scope_names[RC_SCOPE_COUNT] =
  { "none", "connection", "transaction", "recipient", "message", "command",
    "data-connection", "file" };
static const char *const method_names[RC_METHOD_COUNT] =
  { "none", "kept", "may-change", "get" };
static const char *const kind_names[RC_KIND_COUNT] =
  { "three-digit", "enhanced", "word", "number", "substatus" };
static const char *const producer_type_names[RC_PROD_COUNT] =
  { "software", "provider" };

const char *
rc_producer_type_name (unsigned v)
{
  return v < RC_PROD_COUNT ? producer_type_names[v] : NULL;
}

const char *
rc_kind_name (unsigned v)
{
  return v < RC_KIND_COUNT ? kind_names[v] : NULL;
}

const char *
rc_scope_name (unsigned v)
{
  return v < RC_SCOPE_COUNT ? scope_names[v] : NULL;
}

const char *
rc_method_name (unsigned v)
{
  return v < RC_METHOD_COUNT ? method_names[v] : NULL;
}

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

const struct rc_producer *
catalog_producer (const struct catalog *c, const char *id)
{
  for (size_t i = 0; i < c->n_producers; i++)
    if (strcmp (c->producers[i].id, id) == 0)
      return &c->producers[i];
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

int
rc_comparison_cmp (const struct rc_comparison *x,
                   const struct rc_comparison *y)
{
  int c = rc_value_cmp (x->a, y->a);
  return c ? c : rc_value_cmp (x->b, y->b);
}

const struct rc_comparison *
registry_comparison (const struct rc_registry *r, const char *x,
                     const char *y)
{
  struct rc_comparison key = { x, y, NULL, NULL };
  size_t lo = 0, hi = r->n_comparisons;
  if (rc_value_cmp (x, y) > 0)
    {
      key.a = y;
      key.b = x;
    }
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = rc_comparison_cmp (&key, &r->comparisons[mid]);
      if (c == 0)
        return &r->comparisons[mid];
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
  return strcmp (r->id, proto) == 0
    || (r->protocol && strcmp (r->protocol, proto) == 0);
}

static bool
is_letter (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ASCII upper case, whatever the locale (a Turkish locale must not turn
   "i" into a dotted capital).  */
static char
ascii_upper (char c)
{
  return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
}

static bool
ascii_case_eq (const char *a, const char *b)
{
  for (; *a && *b; a++, b++)
    if (ascii_upper (*a) != ascii_upper (*b))
      return false;
  return *a == *b;
}

/* Copies the run of 1 to MAX digits at *P into OUT (NUL-terminated) and
   advances *P; false when there is no such run.  */
static bool
take_digits (const char **p, size_t max, char *out)
{
  size_t n = 0;
  while (is_digit ((*p)[n]) && n <= max)
    n++;
  if (n == 0 || n > max)
    return false;
  memcpy (out, *p, n);
  out[n] = '\0';
  *p += n;
  return true;
}

/* The stored value that TYPED names in a registry of KIND, written to
   KEY (at least 40 bytes): "X.7.1" for "5.7.1", "TRYCREATE" for
   "trycreate", "3" for "003".  For a number registry, a mnemonic leaves
   KEY empty and sets *MNEMONIC.  False when TYPED does not have the
   shape of KIND's codes.  */
static bool
normalize (unsigned kind, const char *typed, char key[40], bool *mnemonic)
{
  size_t n = strlen (typed);
  *mnemonic = false;
  key[0] = '\0';
  switch (kind)
    {
    case RC_KIND_THREE_DIGIT:
      if (n != 3 || typed[0] < '1' || typed[0] > '6' || !is_digit (typed[1])
          || !is_digit (typed[2]))
        return false;
      memcpy (key, typed, 4);
      return true;
    case RC_KIND_ENHANCED:
      {
        const char *p = typed + 1;
        char sub[4], det[4];
        if (!strchr ("245Xx", typed[0]) || !typed[0] || *p++ != '.'
            || !take_digits (&p, 3, sub) || *p++ != '.'
            || !take_digits (&p, 3, det) || *p)
          return false;
        snprintf (key, 40, "X.%s.%s", sub, det);
        return true;
      }
    case RC_KIND_SUBSTATUS:
      {
        const char *p = typed;
        char st[4], sub[4];
        if (!take_digits (&p, 3, st) || p != typed + 3 || st[0] < '1'
            || st[0] > '5' || *p++ != '.' || !take_digits (&p, 3, sub) || *p)
          return false;
        /* "404.013" is 404.13; "404.0" stays */
        const char *d = sub;
        while (d[0] == '0' && d[1])
          d++;
        snprintf (key, 40, "%s.%s", st, d);
        return true;
      }
    case RC_KIND_WORD:
      if (n == 0 || n > 32 || !is_letter (typed[0]))
        return false;
      for (size_t i = 0; i < n; i++)
        {
          if (!is_letter (typed[i]) && !is_digit (typed[i])
              && typed[i] != '-' && typed[i] != '/')
            return false;
          key[i] = ascii_upper (typed[i]);
        }
      key[n] = '\0';
      return true;
    case RC_KIND_NUMBER:
      if (n > 0 && is_digit (typed[0]))
        {
          unsigned long v = 0;
          for (size_t i = 0; i < n; i++)
            {
              if (!is_digit (typed[i]))
                return false;
              v = v * 10 + (unsigned long) (typed[i] - '0');
              if (v > 65535)
                return false;
            }
          snprintf (key, 40, "%lu", v);
          return true;
        }
      if (n == 0 || n > 16 || !is_letter (typed[0]))
        return false;
      for (size_t i = 0; i < n; i++)
        if (!is_letter (typed[i]) && !is_digit (typed[i]))
          return false;
      *mnemonic = true;
      return true;
    default:
      return false;
    }
}

const struct rc_code *
registry_match (const struct rc_registry *r, const char *typed, bool *fits)
{
  char key[40];
  bool mnemonic, ok = normalize (r->kind, typed, key, &mnemonic);

  if (fits)
    *fits = ok;
  if (!ok)
    return NULL;
  if (!mnemonic)
    return registry_code (r, key);
  for (size_t i = 0; i < r->n_codes; i++)
    for (size_t k = 0; k < r->codes[i].n_mnemonics; k++)
      if (ascii_case_eq (r->codes[i].mnemonics[k], typed))
        return &r->codes[i];
  return NULL;
}

bool
registry_has_digit_classes (const struct rc_registry *r)
{
  return r->kind == RC_KIND_THREE_DIGIT || r->kind == RC_KIND_SUBSTATUS;
}

bool
catalog_has_protocol (const struct catalog *c, const char *proto)
{
  for (size_t i = 0; i < c->n_regs; i++)
    if (registry_in_protocol (&c->regs[i], proto))
      return true;
  return false;
}

/* An item of one kind (code, class, document) from one part, with its
   position in the order of reading: later parts win on equal keys.  */
struct item
{
  const char *key;
  size_t order;
  const void *ptr;
};

static int
item_cmp_code (const void *x, const void *y)
{
  const struct item *a = x, *b = y;
  int c = rc_value_cmp (a->key, b->key);
  return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int
item_cmp_str (const void *x, const void *y)
{
  const struct item *a = x, *b = y;
  int c = strcmp (a->key, b->key);
  return c ? c : (a->order > b->order) - (a->order < b->order);
}

/* Comparisons: the key is the comparison itself.  */
static int
item_cmp_pair (const void *x, const void *y)
{
  const struct item *a = x, *b = y;
  int c = rc_comparison_cmp (a->ptr, b->ptr);
  return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int
item_cmp_order (const void *x, const void *y)
{
  const struct item *a = x, *b = y;
  return (a->order > b->order) - (a->order < b->order);
}

/* Sorts ITEMS by key (then order) and keeps, for each key, the last
   definition; with KEEP_FIRST_PLACE, that definition takes the place of
   the key's first appearance and the result is in order of appearance.
   Returns the number kept.  */
static size_t
dedupe (struct item *items, size_t n,
        int (*cmp) (const void *, const void *), bool keep_first_place)
{
  size_t w = 0;
  if (n == 0)
    return 0;
  qsort (items, n, sizeof *items, cmp);
  for (size_t i = 0; i < n; i++)
    {
      bool same = false;
      if (w > 0)
        {
          /* equal keys: compare without the order */
          struct item x = items[w - 1], y = items[i];
          x.order = y.order = 0;
          same = cmp (&x, &y) == 0;
        }
      if (same)
        {
          size_t first = items[w - 1].order;
          items[w - 1] = items[i];
          if (keep_first_place)
            items[w - 1].order = first;
        }
      else
        items[w++] = items[i];
    }
  if (keep_first_place)
    qsort (items, w, sizeof *items, item_cmp_order);
  return w;
}

/* Combines every registry with id ID from PARTS[0..N) into *OUT.  */
static int
combine_registry (struct arena *ar, const struct catalog *const *parts,
                  size_t n, const char *id, struct rc_registry *out)
{
  size_t nc = 0, nk = 0, nd = 0, np = 0, order = 0;
  struct item *codes = NULL, *classes = NULL, *docs = NULL, *cmps = NULL;
  struct rc_comparison *op;
  struct rc_code *oc;
  struct rc_class *ok;
  struct rc_document *od;
  bool first = true;
  int ret = -1;

  for (size_t p = 0; p < n; p++)
    {
      const struct rc_registry *r = catalog_registry (parts[p], id);
      if (!r)
        continue;
      if (first)
        *out = *r;   /* the first definition names the registry */
      first = false;
      nc += r->n_codes;
      nk += r->n_classes;
      nd += r->n_docs;
      np += r->n_comparisons;
    }
  codes = malloc ((nc + 1) * sizeof *codes);
  cmps = malloc ((np + 1) * sizeof *cmps);
  classes = malloc ((nk + 1) * sizeof *classes);
  docs = malloc ((nd + 1) * sizeof *docs);
  if (!codes || !classes || !docs || !cmps)
    goto out;
  nc = nk = nd = np = 0;
  for (size_t p = 0; p < n; p++)
    {
      const struct rc_registry *r = catalog_registry (parts[p], id);
      for (size_t i = 0; r && i < r->n_codes; i++)
        codes[nc++] = (struct item) { r->codes[i].value, order++,
                                      &r->codes[i] };
      for (size_t i = 0; r && i < r->n_classes; i++)
        classes[nk++] = (struct item) { r->classes[i].value, order++,
                                        &r->classes[i] };
      for (size_t i = 0; r && i < r->n_docs; i++)
        docs[nd++] = (struct item) { r->docs[i].ref, order++, &r->docs[i] };
      for (size_t i = 0; r && i < r->n_comparisons; i++)
        cmps[np++] = (struct item) { r->comparisons[i].a, order++,
                                     &r->comparisons[i] };
    }
  nc = dedupe (codes, nc, item_cmp_code, false);
  nk = dedupe (classes, nk, item_cmp_str, true);
  nd = dedupe (docs, nd, item_cmp_str, true);
  np = dedupe (cmps, np, item_cmp_pair, false);
  oc = arena_alloc (ar, (nc + 1) * sizeof *oc);
  ok = arena_alloc (ar, (nk + 1) * sizeof *ok);
  od = arena_alloc (ar, (nd + 1) * sizeof *od);
  op = arena_alloc (ar, (np + 1) * sizeof *op);
  if (!oc || !ok || !od || !op)
    goto out;
  for (size_t i = 0; i < np; i++)
    op[i] = *(const struct rc_comparison *) cmps[i].ptr;
  for (size_t i = 0; i < nc; i++)
    oc[i] = *(const struct rc_code *) codes[i].ptr;
  for (size_t i = 0; i < nk; i++)
    ok[i] = *(const struct rc_class *) classes[i].ptr;
  for (size_t i = 0; i < nd; i++)
    od[i] = *(const struct rc_document *) docs[i].ptr;
  out->codes = oc;
  out->n_codes = nc;
  out->classes = ok;
  out->n_classes = nk;
  out->docs = od;
  out->n_docs = nd;
  out->comparisons = op;
  out->n_comparisons = np;
  ret = 0;
out:
  free (cmps);
  free (codes);
  free (classes);
  free (docs);
  return ret;
}

/* The producers of PARTS[0..N) into C: in order of first definition, a
   later part's producer replacing an earlier one of the same id.  */
static int
combine_producers (struct arena *ar, const struct catalog *const *parts,
                   size_t n, struct catalog *c)
{
  size_t total = 0, k = 0;
  struct item *ids;
  struct rc_producer *out;

  for (size_t p = 0; p < n; p++)
    total += parts[p]->n_producers;
  c->producers = NULL;
  c->n_producers = 0;
  if (total == 0)
    return 0;
  ids = malloc (total * sizeof *ids);
  if (!ids)
    return -1;
  for (size_t p = 0; p < n; p++)
    for (size_t i = 0; i < parts[p]->n_producers; i++)
      {
        ids[k] = (struct item) { parts[p]->producers[i].id, k,
                                 &parts[p]->producers[i] };
        k++;
      }
  /* the order of first definition, with the last definition's content */
  k = dedupe (ids, k, item_cmp_str, true);
  out = arena_alloc (ar, k * sizeof *out);
  if (!out)
    {
      free (ids);
      return -1;
    }
  for (size_t i = 0; i < k; i++)
    out[i] = *(const struct rc_producer *) ids[i].ptr;
  free (ids);
  c->producers = out;
  c->n_producers = k;
  return 0;
}

struct catalog *
catalog_combine (const struct catalog *const *parts, size_t n)
{
  struct arena *ar = arena_new ();
  struct catalog *c = ar ? arena_alloc (ar, sizeof *c) : NULL;
  struct item *ids = NULL;
  struct rc_registry *regs = NULL;
  size_t total = 0, k = 0;

  if (!c)
    goto fail;
  for (size_t p = 0; p < n; p++)
    total += parts[p]->n_regs;
  ids = malloc ((total + 1) * sizeof *ids);
  if (!ids)
    goto fail;
  for (size_t p = 0; p < n; p++)
    for (size_t i = 0; i < parts[p]->n_regs; i++)
      {
        ids[k] = (struct item) { parts[p]->regs[i].id, k, NULL };
        k++;
      }
  /* registries in order of first appearance: the base's first */
  k = dedupe (ids, k, item_cmp_str, true);
  regs = arena_alloc (ar, (k + 1) * sizeof *regs);
  if (!regs)
    goto fail;
  for (size_t i = 0; i < k; i++)
    if (combine_registry (ar, parts, n, ids[i].key, &regs[i]) < 0)
      goto fail;
  free (ids);
  c->regs = regs;
  c->n_regs = k;
  if (combine_producers (ar, parts, n, c) < 0)
    goto fail;
  c->arena = ar;
  return c;

fail:
  free (ids);
  arena_free (ar);
  return NULL;
}

struct catalog *
catalog_merge (const struct catalog *base, const struct catalog *add)
{
  const struct catalog *parts[2] = { base, add };
  return catalog_combine (parts, 2);
}

void
catalog_free (const struct catalog *c)
{
  if (c && c->arena)
    arena_free (c->arena);   /* the struct itself lives in its arena */
}
