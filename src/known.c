/* known.c: see known.h.  */
#include "system.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "known.h"

/* A text that lacks one of the trigrams (three bytes) of a fragment's
   constant parts cannot match it: a line is tested only against the
   fragments all of whose trigrams it holds, found in a bitmap of the
   line's trigrams hashed to TRI_BITS bits.  */
#define TRI_BITS 4096

struct entry
{
  const struct rc_producer *p;
  const struct rc_known *k;
  char **pats;             /* normalized; parts separated by '*' */
  unsigned short **tri;    /* the trigram hashes of each pattern */
  unsigned short *n_tri;
  size_t n_pats;
  unsigned classes;        /* bit d: a code of class d is listed */
};

struct known_index
{
  struct arena *ar;
  struct entry *e;
  size_t n;
  char *scratch;           /* the folded text of the line being matched */
  size_t cap;
  unsigned long long seen[TRI_BITS / 64];   /* the trigrams of the line */
  /* each pattern is listed under one of its trigrams, the one fewest
     patterns have: the entries listed under trigram H are
     key_entry[key_start[H] .. key_start[H + 1]) */
  unsigned *key_start;
  unsigned *key_entry;
  unsigned long long *cand;   /* the entries to test for this line */
  unsigned long long *always; /* entries with a pattern without trigrams */
  size_t n_words;             /* of CAND and ALWAYS */
};

static unsigned
tri_hash (const char *s)
{
  const unsigned char *u = (const unsigned char *) s;
  return ((u[0] * 31u + u[1]) * 31u + u[2]) & (TRI_BITS - 1);
}

/* Stores in OUT (room for strlen (PAT) entries) the hashes of the
   trigrams of the parts of the folded pattern PAT, and returns how many
   there are.  */
static unsigned short
trigrams_of (const char *pat, unsigned short *out)
{
  unsigned short n = 0;
  while (*pat)
    {
      const char *star = strchr (pat, '*');
      size_t len = star ? (size_t) (star - pat) : strlen (pat);
      for (size_t i = 0; i + 3 <= len; i++)
        out[n++] = (unsigned short) tri_hash (pat + i);
      pat += len + (star != NULL);
    }
  return n;
}

/* True when the line being matched holds every trigram of E's pattern
   K.  */
static bool
may_match (const struct known_index *ix, const struct entry *e, size_t k)
{
  for (unsigned short i = 0; i < e->n_tri[k]; i++)
    {
      unsigned h = e->tri[k][i];
      if (!(ix->seen[h / 64] >> (h % 64) & 1))
        return false;
    }
  return true;
}

static char
lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

static bool
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
    || c == '\v';
}

/* Writes S[0..N) to OUT (at least N + 1 bytes) in matching form: ASCII
   lower case, runs of white space (and NUL bytes) as one space, none at
   either end.  Returns the length written (OUT is NUL-terminated).  */
static size_t
fold (char *out, const char *s, size_t n)
{
  size_t w = 0;
  bool space = false;
  for (size_t i = 0; i < n; i++)
    {
      char c = s[i];
      if (is_space (c) || c == '\0')
        {
          space = w > 0;
          continue;
        }
      if (space)
        out[w++] = ' ';
      space = false;
      out[w++] = lower (c);
    }
  out[w] = '\0';
  return w;
}

static bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* The class digit of a known reply's code: '5' of "550", "5.7.1",
   "500.19".  */
static unsigned
class_bit (const char *code)
{
  return is_digit (code[0]) ? 1u << (code[0] - '0') : 0;
}

/* Lists each pattern of IX under its key trigram (see struct
   known_index).  False when out of memory.  */
static bool
build_keys (struct known_index *ix)
{
  unsigned *count = calloc (TRI_BITS + 1, sizeof *count);
  unsigned short *key = NULL;
  size_t n_keys = 0, total = 0;
  bool ok = count != NULL;

  ix->n_words = (ix->n + 63) / 64;
  ix->key_start = arena_alloc (ix->ar, (TRI_BITS + 1) * sizeof *ix->key_start);
  ix->cand = arena_alloc (ix->ar, (ix->n_words + 1) * sizeof *ix->cand);
  ix->always = arena_alloc (ix->ar, (ix->n_words + 1) * sizeof *ix->always);
  ok = ok && ix->key_start && ix->cand && ix->always;
  if (ok)
    memset (ix->always, 0, (ix->n_words + 1) * sizeof *ix->always);
  /* how many patterns have each trigram */
  for (size_t i = 0; ok && i < ix->n; i++)
    for (size_t k = 0; k < ix->e[i].n_pats; k++)
      {
        total++;
        for (unsigned short t = 0; t < ix->e[i].n_tri[k]; t++)
          count[ix->e[i].tri[k][t]]++;
      }
  key = ok ? calloc (total + 1, sizeof *key) : NULL;
  ok = ok && key;
  /* each pattern's rarest trigram */
  for (size_t i = 0; ok && i < ix->n; i++)
    for (size_t k = 0; k < ix->e[i].n_pats; k++)
      {
        const struct entry *e = &ix->e[i];
        unsigned short best = 0;
        if (e->n_tri[k] == 0)
          {
            ix->always[i / 64] |= 1ull << (i % 64);
            key[n_keys++] = 0xffff;
            continue;
          }
        for (unsigned short t = 1; t < e->n_tri[k]; t++)
          if (count[e->tri[k][t]] < count[e->tri[k][best]])
            best = t;
        key[n_keys++] = e->tri[k][best];
      }
  if (ok)
    {
      memset (count, 0, (TRI_BITS + 1) * sizeof *count);
      for (size_t j = 0; j < n_keys; j++)
        if (key[j] != 0xffff)
          count[key[j]]++;
      ix->key_start[0] = 0;
      for (size_t h = 0; h < TRI_BITS; h++)
        ix->key_start[h + 1] = ix->key_start[h] + count[h];
      ix->key_entry = arena_alloc (ix->ar, (n_keys + 1)
                                   * sizeof *ix->key_entry);
      ok = ix->key_entry != NULL;
    }
  if (ok)
    {
      /* COUNT becomes the next free place of each list */
      for (size_t h = 0; h < TRI_BITS; h++)
        count[h] = ix->key_start[h];
      n_keys = 0;
      for (size_t i = 0; i < ix->n; i++)
        for (size_t k = 0; k < ix->e[i].n_pats; k++)
          if (key[n_keys++] != 0xffff)
            ix->key_entry[count[key[n_keys - 1]]++] = (unsigned) i;
    }
  free (count);
  free (key);
  return ok;
}

struct known_index *
known_index_new (const struct catalog *c)
{
  struct known_index *ix = calloc (1, sizeof *ix);
  size_t n = 0;

  if (!ix)
    return NULL;
  for (size_t p = 0; p < c->n_producers; p++)
    n += c->producers[p].n_replies;
  ix->ar = arena_new ();
  ix->e = ix->ar && n ? arena_alloc (ix->ar, n * sizeof *ix->e) : NULL;
  if (!ix->ar || (n && !ix->e))
    goto fail;
  for (size_t p = 0; p < c->n_producers; p++)
    for (size_t r = 0; r < c->producers[p].n_replies; r++)
      {
        const struct rc_known *k = &c->producers[p].replies[r];
        struct entry *e = &ix->e[ix->n++];
        e->p = &c->producers[p];
        e->k = k;
        e->classes = 0;
        for (size_t i = 0; i < k->n_codes; i++)
          e->classes |= class_bit (k->codes[i]);
        e->pats = arena_alloc (ix->ar, (k->n_matches + 1) * sizeof *e->pats);
        e->tri = arena_alloc (ix->ar, (k->n_matches + 1) * sizeof *e->tri);
        e->n_tri = arena_alloc (ix->ar,
                                (k->n_matches + 1) * sizeof *e->n_tri);
        if (!e->pats || !e->tri || !e->n_tri)
          goto fail;
        e->n_pats = 0;
        for (size_t i = 0; i < k->n_matches; i++)
          {
            size_t len = strlen (k->matches[i]);
            char *f = arena_alloc (ix->ar, len + 1);
            if (!f)
              goto fail;
            fold (f, k->matches[i], len);
            e->tri[e->n_pats] = arena_alloc (ix->ar, (len + 1)
                                             * sizeof **e->tri);
            if (!e->tri[e->n_pats])
              goto fail;
            e->n_tri[e->n_pats] = trigrams_of (f, e->tri[e->n_pats]);
            e->pats[e->n_pats++] = f;
          }
      }
  if (!build_keys (ix))
    goto fail;
  return ix;

fail:
  known_index_free (ix);
  return NULL;
}

void
known_index_free (struct known_index *ix)
{
  if (!ix)
    return;
  arena_free (ix->ar);
  free (ix->scratch);
  free (ix);
}

/* The number of constant bytes of PAT (parts separated by '*') when all
   its parts occur in HAY[0..N) in order, else 0.  */
static size_t
pat_match (const char *pat, const char *hay, size_t n)
{
  size_t got = 0;
  const char *at = hay, *end = hay + n;

  while (*pat)
    {
      const char *star = strchr (pat, '*');
      size_t len = star ? (size_t) (star - pat) : strlen (pat);
      const char *f = memmem (at, (size_t) (end - at), pat, len);
      if (!f)
        return 0;
      at = f + len;
      got += len;
      pat += len;
      if (*pat == '*')
        pat++;
    }
  return got;
}

size_t
known_strip_prefixes (char *s, size_t n, const char *basic, const char *enh)
{
  size_t w = 0, bl = strlen (basic), el = strlen (enh);

  if (bl != 3)
    return n;
  for (size_t i = 0; i < n;)
    {
      if ((i == 0 || s[i - 1] == ' ') && i + 4 <= n
          && memcmp (s + i, basic, 3) == 0 && (s[i + 3] == '-'
                                               || s[i + 3] == ' ')
          && i > 0)
        {
          size_t j = i + 4;
          if (el && j + el <= n && memcmp (s + j, enh, el) == 0
              && (j + el == n || s[j + el] == ' '))
            j += el + (j + el < n);
          else if (s[i + 3] == ' ')
            {
              /* "550 " alone inside a text is only a prefix when the
                 enhanced code follows; otherwise it is a number */
              s[w++] = s[i++];
              continue;
            }
          i = j;
          continue;
        }
      s[w++] = s[i++];
    }
  /* a dropped prefix at the end leaves a trailing space */
  while (w > 0 && s[w - 1] == ' ')
    w--;
  s[w] = '\0';
  return w;
}

/* The code score of entry E for a line with BASIC and ENH (may be
   negative); REJECT when they are incompatible.  */
#define REJECT INT_MIN
static int
code_score (const struct entry *e, const char *basic, const char *enh)
{
  char cls = basic[0] ? basic[0] : enh[0];
  int score = 0;

  if (e->k->n_codes == 0 || !cls)
    return 0;
  if (!is_digit (cls))
    return REJECT;
  if (!(e->classes & (1u << (cls - '0'))))
    {
      /* a 4xx and a 5xx version of one reply: soft_bounce, or a reject
         code the administrator changed */
      unsigned fail = (1u << 4) | (1u << 5);
      if (!((1u << (cls - '0')) & fail) || !(e->classes & fail))
        return REJECT;
      score -= 5;
    }
  for (size_t i = 0; i < e->k->n_codes; i++)
    {
      const char *c = e->k->codes[i];
      if (basic[0] && strcmp (c, basic) == 0)
        score += 30;
      else if (enh[0] && strcmp (c, enh) == 0)
        score += 30;
    }
  return score;
}

static int
hit_cmp (const void *a, const void *b)
{
  const struct known_hit *x = a, *y = b;
  return (y->score > x->score) - (y->score < x->score);
}

size_t
known_match (struct known_index *ix, const char *proto, const char *basic,
             const char *enhanced, const char *text, size_t len,
             struct known_hit *hits, size_t max)
{
  size_t found = 0;
  struct known_hit best[8];
  size_t n_best = 0;

  if (!ix || ix->n == 0)
    return 0;
  basic = basic ? basic : "";
  enhanced = enhanced ? enhanced : "";
  if (len + 1 > ix->cap)
    {
      size_t cap = len + 1 > 256 ? len + 1 : 256;
      char *p = realloc (ix->scratch, cap);
      if (!p)
        return 0;
      ix->scratch = p;
      ix->cap = cap;
    }
  size_t n = fold (ix->scratch, text, len);
  n = known_strip_prefixes (ix->scratch, n, basic, enhanced);
  const char *hay = ix->scratch;

  /* the candidates: the entries listed under a trigram of the line */
  memset (ix->seen, 0, sizeof ix->seen);
  memcpy (ix->cand, ix->always, ix->n_words * sizeof *ix->cand);
  for (size_t i = 0; i + 3 <= n; i++)
    {
      unsigned h = tri_hash (hay + i);
      if (ix->seen[h / 64] >> (h % 64) & 1)
        continue;
      ix->seen[h / 64] |= 1ull << (h % 64);
      for (unsigned j = ix->key_start[h]; j < ix->key_start[h + 1]; j++)
        ix->cand[ix->key_entry[j] / 64] |= 1ull << (ix->key_entry[j] % 64);
    }
  const struct rc_producer *prev = NULL;
  bool proto_ok = true;
  /* the candidates in order: the set bits of CAND, lowest first */
  for (size_t w = 0, i; w < ix->n_words; w++)
    for (unsigned long long bits = ix->cand[w]; bits; bits &= bits - 1)
      {
        i = w * 64 + (size_t) __builtin_ctzll (bits);
        if (i >= ix->n)
          break;
        const struct entry *e = &ix->e[i];
        int cs;
        size_t lit = 0;
        if (e->p != prev)
          {
            /* one test per producer and line */
            prev = e->p;
            proto_ok = !proto || strcmp (proto, e->p->protocol) == 0;
          }
        if (!proto_ok)
          continue;
        if ((cs = code_score (e, basic, enhanced)) == REJECT)
          continue;
        for (size_t k = 0; k < e->n_pats; k++)
          {
            size_t m = may_match (ix, e, k) ? pat_match (e->pats[k], hay, n)
              : 0;
            if (m > lit)
              lit = m;
          }
        if (!lit)
          continue;
        struct known_hit h = { e->p, e->k, (int) (lit > 1000 ? 1000 : lit)
                                            + cs };
        found++;
        /* keep the best few, best first */
        if (n_best < RC_COUNT_OF (best))
          best[n_best++] = h;
        else if (h.score > best[n_best - 1].score)
          best[n_best - 1] = h;
        else
          continue;
        qsort (best, n_best, sizeof *best, hit_cmp);
      }
  for (size_t i = 0; i < n_best && i < max; i++)
    hits[i] = best[i];
  return found;
}

bool
known_has_code (const struct rc_producer *p, const struct rc_known *k,
                const char *proto, unsigned kind, const char *value)
{
  if (strcmp (p->protocol, proto) != 0)
    return false;
  for (size_t i = 0; i < k->n_codes; i++)
    {
      const char *c = k->codes[i];
      if (kind == RC_KIND_ENHANCED && value[0] == 'X')
        {
          /* "5.7.1" and "4.7.1" come with X.7.1 */
          if (c[0] && c[1] == '.' && strcmp (c + 1, value + 1) == 0)
            return true;
        }
      else if (strcmp (c, value) == 0)
        return true;
    }
  return false;
}

size_t
known_for_code (const struct catalog *c, const struct rc_registry *r,
                const struct rc_code *code, struct known_hit *hits,
                size_t max)
{
  size_t n = 0, stored = 0;

  for (size_t p = 0; p < c->n_producers; p++)
    for (size_t i = 0; i < c->producers[p].n_replies; i++)
      n += known_has_code (&c->producers[p], &c->producers[p].replies[i],
                           r->protocol, r->kind, code->value);
  /* the first reply of each producer, then the second, ...: a short list
     shows many producers; at most MAX passes */
  for (size_t rank = 0; stored < max && stored < n && rank < max; rank++)
    for (size_t p = 0; p < c->n_producers && stored < max; p++)
      {
        const struct rc_producer *pr = &c->producers[p];
        size_t seen = 0;
        for (size_t i = 0; i < pr->n_replies; i++)
          if (known_has_code (pr, &pr->replies[i], r->protocol, r->kind,
                              code->value) && seen++ == rank)
            {
              hits[stored++] = (struct known_hit) { pr, &pr->replies[i], 0 };
              break;
            }
      }
  return n;
}
