/* ucache.c: see ucache.h.

   Layout (native byte order; the header's marker refuses any other):
     header   magic "RCUCACH1", u32 version, u32 marker 0x01020304,
              u64 payload length, u64 FNV-1a checksum of the payload,
              u32 number of words, u32 string pool length
     words    u32 values: counts, enumerations and string offsets
     pool     NUL-terminated strings; an offset of NONE is a null string
   The words are, in order: the program version; the files (path, dev,
   ino, size, mtime seconds as two words each, then nanoseconds); the
   registries, each with its documents, classes, codes and comparisons;
   the producers, each with its documents and known replies.  */
#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ucache.h"

#define MAGIC "RCUCACH1"
#define CACHE_VERSION 5u
#define MARKER 0x01020304u
#define HEADER 40u
#define NONE 0xFFFFFFFFu

/* ---- the path ---- */

bool
ucache_path (struct dbuf *out)
{
  const char *xdg = getenv ("XDG_CACHE_HOME");
  const char *home = getenv ("HOME");
  /* the XDG base directory spec: relative paths are to be ignored */
  if (xdg && xdg[0] == '/')
    return dbuf_printf (out, "%s/replycode/user-data.cache", xdg);
  if (home && home[0] == '/')
    return dbuf_printf (out, "%s/.cache/replycode/user-data.cache", home);
  return false;
}

/* ---- writing ---- */

struct writer
{
  struct dbuf words, pool;
};

static bool
put (struct writer *w, uint32_t v)
{
  return dbuf_addn (&w->words, (const char *) &v, sizeof v);
}

static bool
put64 (struct writer *w, uint64_t v)
{
  return put (w, (uint32_t) v) && put (w, (uint32_t) (v >> 32));
}

static bool
put_str (struct writer *w, const char *s)
{
  size_t off = dbuf_len (&w->pool);
  if (!s)
    return put (w, NONE);
  if (off >= NONE)
    return false;
  return dbuf_addn (&w->pool, s, strlen (s) + 1) && put (w, (uint32_t) off);
}

static bool
put_code (struct writer *w, const struct rc_code *c)
{
  bool ok = put_str (w, c->value) && put_str (w, c->title)
    && put_str (w, c->description) && put_str (w, c->when)
    && put_str (w, c->fix) && put (w, c->outcome) && put (w, c->actor)
    && put (w, c->status) && put (w, c->source) && put (w, c->scope)
    && put (w, c->method) && put (w, c->n_aliases);
  for (size_t i = 0; ok && i < c->n_aliases; i++)
    ok = put_str (w, c->aliases[i]);
  ok = ok && put (w, c->n_mnemonics);
  for (size_t i = 0; ok && i < c->n_mnemonics; i++)
    ok = put_str (w, c->mnemonics[i]);
  ok = ok && put (w, c->n_replies);
  for (size_t i = 0; ok && i < c->n_replies; i++)
    ok = put_str (w, c->replies[i].doc) && put_str (w, c->replies[i].text);
  ok = ok && put (w, c->n_refs);
  for (size_t i = 0; ok && i < c->n_refs; i++)
    ok = put_str (w, c->refs[i].doc) && put_str (w, c->refs[i].section);
  ok = ok && put (w, c->n_related);
  for (size_t i = 0; ok && i < c->n_related; i++)
    ok = put_str (w, c->related[i].registry)
      && put_str (w, c->related[i].code);
  return ok;
}

static bool
put_registry (struct writer *w, const struct rc_registry *r)
{
  bool ok = put_str (w, r->id) && put_str (w, r->name)
    && put_str (w, r->title) && put_str (w, r->protocol)
    && put_str (w, r->vendor) && put (w, r->kind)
    && put (w, (uint32_t) r->n_docs);
  for (size_t i = 0; ok && i < r->n_docs; i++)
    ok = put_str (w, r->docs[i].ref) && put_str (w, r->docs[i].title);
  ok = ok && put (w, (uint32_t) r->n_classes);
  for (size_t i = 0; ok && i < r->n_classes; i++)
    ok = put_str (w, r->classes[i].value) && put_str (w, r->classes[i].title)
      && put_str (w, r->classes[i].description);
  ok = ok && put (w, (uint32_t) r->n_codes);
  for (size_t i = 0; ok && i < r->n_codes; i++)
    ok = put_code (w, &r->codes[i]);
  ok = ok && put (w, (uint32_t) r->n_comparisons);
  for (size_t i = 0; ok && i < r->n_comparisons; i++)
    ok = put_str (w, r->comparisons[i].a) && put_str (w, r->comparisons[i].b)
      && put_str (w, r->comparisons[i].differences)
      && put_str (w, r->comparisons[i].when_to_use);
  return ok;
}

static bool
put_strs (struct writer *w, const char *const *v, size_t n)
{
  bool ok = put (w, (uint32_t) n);
  for (size_t i = 0; ok && i < n; i++)
    ok = put_str (w, v[i]);
  return ok;
}

static bool
put_producer (struct writer *w, const struct rc_producer *p)
{
  bool ok = put_str (w, p->id) && put_str (w, p->name)
    && put_str (w, p->protocol) && put_str (w, p->description)
    && put (w, p->type) && put (w, (uint32_t) p->n_docs);
  for (size_t i = 0; ok && i < p->n_docs; i++)
    ok = put_str (w, p->docs[i].ref) && put_str (w, p->docs[i].title)
      && put_str (w, p->docs[i].href);
  ok = ok && put (w, (uint32_t) p->n_replies);
  for (size_t i = 0; ok && i < p->n_replies; i++)
    {
      const struct rc_known *k = &p->replies[i];
      ok = put_str (w, k->id) && put_str (w, k->name)
        && put_str (w, k->meaning) && put_str (w, k->cause)
        && put_str (w, k->fix) && put_strs (w, k->codes, k->n_codes)
        && put_strs (w, k->matches, k->n_matches)
        && put_strs (w, k->sources, k->n_sources);
    }
  return ok;
}

static uint64_t
fnv1a (const unsigned char *p, size_t n, uint64_t h)
{
  for (size_t i = 0; i < n; i++)
    {
      h ^= p[i];
      h *= 0x100000001b3ull;
    }
  return h;
}

#define FNV_BASIS 0xcbf29ce484222325ull

bool
ucache_serialize (const struct catalog *user, const struct ucache_file *files,
                  size_t n, struct dbuf *out)
{
  struct writer w = { DBUF_INIT, DBUF_INIT };
  bool ok = put_str (&w, PACKAGE_VERSION) && put (&w, (uint32_t) n);
  unsigned char head[HEADER];
  uint64_t len, sum;
  uint32_t v;

  for (size_t i = 0; ok && i < n; i++)
    ok = put_str (&w, files[i].path) && put64 (&w, files[i].dev)
      && put64 (&w, files[i].ino) && put64 (&w, files[i].size)
      && put64 (&w, (uint64_t) files[i].mtime_sec)
      && put (&w, files[i].mtime_nsec);
  ok = ok && put (&w, (uint32_t) user->n_regs);
  for (size_t i = 0; ok && i < user->n_regs; i++)
    ok = put_registry (&w, &user->regs[i]);
  ok = ok && put (&w, (uint32_t) user->n_producers);
  for (size_t i = 0; ok && i < user->n_producers; i++)
    ok = put_producer (&w, &user->producers[i]);
  /* the pool always ends in a NUL, so no string runs off its end */
  ok = ok && dbuf_addn (&w.pool, "", 1);
  len = (uint64_t) dbuf_len (&w.words) + dbuf_len (&w.pool);
  ok = ok && dbuf_len (&w.words) / 4 < NONE && dbuf_len (&w.pool) < NONE
    && len + HEADER <= UCACHE_MAX;
  if (ok)
    {
      sum = fnv1a ((const unsigned char *) dbuf_str (&w.words),
                   dbuf_len (&w.words), FNV_BASIS);
      sum = fnv1a ((const unsigned char *) dbuf_str (&w.pool),
                   dbuf_len (&w.pool), sum);
      memcpy (head, MAGIC, 8);
      v = CACHE_VERSION;
      memcpy (head + 8, &v, 4);
      v = MARKER;
      memcpy (head + 12, &v, 4);
      memcpy (head + 16, &len, 8);
      memcpy (head + 24, &sum, 8);
      v = (uint32_t) (dbuf_len (&w.words) / 4);
      memcpy (head + 32, &v, 4);
      v = (uint32_t) dbuf_len (&w.pool);
      memcpy (head + 36, &v, 4);
      ok = dbuf_addn (out, (const char *) head, HEADER)
        && dbuf_addn (out, dbuf_str (&w.words), dbuf_len (&w.words))
        && dbuf_addn (out, dbuf_str (&w.pool), dbuf_len (&w.pool));
    }
  dbuf_free (&w.words);
  dbuf_free (&w.pool);
  return ok;
}

/* mkdir -p DIR's parent directories and DIR itself (mode 0700).  */
static bool
make_dirs (char *dir)
{
  for (char *p = dir + 1; ; p++)
    if (*p == '/' || *p == '\0')
      {
        char c = *p;
        *p = '\0';
        if (mkdir (dir, 0700) != 0 && errno != EEXIST)
          return false;
        *p = c;
        if (!c)
          return true;
      }
}

bool
ucache_write (const char *path, const char *data, size_t len)
{
  struct dbuf dir = DBUF_INIT, tmp = DBUF_INIT;
  const char *slash = strrchr (path, '/');
  int fd = -1;
  bool ok = slash && slash > path
    && dbuf_addn (&dir, path, (size_t) (slash - path))
    && dbuf_printf (&tmp, "%s.XXXXXX", path);

  if (ok)
    {
      char *d = dir.p;
      ok = make_dirs (d);
    }
  /* no temporary file is left behind by an interrupt or a hang-up:
     those signals wait until the file is renamed or removed */
  sigset_t block, old;
  sigemptyset (&block);
  sigaddset (&block, SIGINT);
  sigaddset (&block, SIGTERM);
  sigaddset (&block, SIGHUP);
  sigaddset (&block, SIGQUIT);
  sigaddset (&block, SIGPIPE);
  sigprocmask (SIG_BLOCK, &block, &old);
  if (ok)
    {
      fd = mkostemp (tmp.p, O_CLOEXEC);
      ok = fd >= 0;
    }
  for (size_t off = 0; ok && off < len;)
    {
      ssize_t k = write (fd, data + off, len - off);
      if (k < 0 && errno == EINTR)
        continue;
      ok = k > 0;
      off += ok ? (size_t) k : 0;
    }
  if (fd >= 0)
    {
      ok = ok && fsync (fd) == 0;
      ok = close (fd) == 0 && ok;
      ok = ok && rename (tmp.p, path) == 0;
      if (!ok)
        unlink (tmp.p);
    }
  sigprocmask (SIG_SETMASK, &old, NULL);
  dbuf_free (&dir);
  dbuf_free (&tmp);
  return ok;
}

/* ---- reading ---- */

struct reader
{
  const uint32_t *w;
  size_t n, pos;
  const char *pool;
  size_t pool_len;
  struct arena *ar;
  bool bad;
};

static uint32_t
get (struct reader *r)
{
  if (r->pos >= r->n)
    {
      r->bad = true;
      return 0;
    }
  return r->w[r->pos++];
}

static uint64_t
get64 (struct reader *r)
{
  uint64_t lo = get (r);
  return lo | (uint64_t) get (r) << 32;
}

/* A string offset: NULL for NONE, and an error when REQUIRED.  */
static const char *
get_str (struct reader *r, bool required)
{
  uint32_t off = get (r);
  if (off == NONE && !required)
    return NULL;
  if (off >= r->pool_len)
    {
      r->bad = true;
      return NULL;
    }
  return r->pool + off;
}

/* A count of items of at least MIN_WORDS words each, checked against
   what is left so that no allocation is larger than the file.  */
static uint32_t
get_count (struct reader *r, size_t min_words, uint32_t max)
{
  uint32_t k = get (r);
  if (k > max || (size_t) k * min_words > r->n - r->pos)
    {
      r->bad = true;
      return 0;
    }
  return k;
}

static void *
items (struct reader *r, size_t k, size_t size)
{
  void *p = k ? arena_alloc (r->ar, k * size) : NULL;
  if (k && !p)
    r->bad = true;
  return p;
}

static unsigned char
get_enum (struct reader *r, unsigned limit)
{
  uint32_t v = get (r);
  if (v >= limit)
    r->bad = true;
  return (unsigned char) (v < limit ? v : 0);
}

/* A count, then that many non-null strings; *N gets the count.  */
static const char *const *
get_strs (struct reader *r, unsigned short *n)
{
  uint32_t k = get_count (r, 1, 0xFFFF);
  const char **s = items (r, k, sizeof *s);
  for (uint32_t i = 0; s && i < k; i++)
    s[i] = get_str (r, true);
  *n = (unsigned short) k;
  return s;
}

static void
get_code (struct reader *r, struct rc_code *c)
{
  uint32_t k;
  c->value = get_str (r, true);
  c->title = get_str (r, true);
  c->description = get_str (r, true);
  c->when = get_str (r, true);
  c->fix = get_str (r, true);
  c->outcome = get_enum (r, RC_OUT_COUNT);
  c->actor = get_enum (r, RC_ACT_COUNT);
  c->status = get_enum (r, RC_ST_COUNT);
  c->source = get_enum (r, RC_SRC_COUNT);
  c->scope = get_enum (r, RC_SCOPE_COUNT);
  c->method = get_enum (r, RC_METHOD_COUNT);
  c->aliases = get_strs (r, &c->n_aliases);
  c->mnemonics = get_strs (r, &c->n_mnemonics);
  k = get_count (r, 2, 0xFFFF);
  struct rc_reply_text *rt = items (r, k, sizeof *rt);
  for (uint32_t i = 0; rt && i < k; i++)
    {
      rt[i].doc = get_str (r, false);
      rt[i].text = get_str (r, true);
    }
  c->replies = rt;
  c->n_replies = (unsigned short) k;
  k = get_count (r, 2, 0xFFFF);
  struct rc_ref *refs = items (r, k, sizeof *refs);
  for (uint32_t i = 0; refs && i < k; i++)
    {
      refs[i].doc = get_str (r, true);
      refs[i].section = get_str (r, false);
    }
  c->refs = refs;
  c->n_refs = (unsigned short) k;
  k = get_count (r, 2, 0xFFFF);
  struct rc_link *rel = items (r, k, sizeof *rel);
  for (uint32_t i = 0; rel && i < k; i++)
    {
      rel[i].registry = get_str (r, false);
      rel[i].code = get_str (r, true);
    }
  c->related = rel;
  c->n_related = (unsigned short) k;
}

static void
get_registry (struct reader *r, struct rc_registry *g)
{
  uint32_t k;
  g->id = get_str (r, true);
  g->name = get_str (r, true);
  g->title = get_str (r, true);
  g->protocol = get_str (r, true);
  g->vendor = get_str (r, false);
  g->kind = get_enum (r, RC_KIND_COUNT);
  k = get_count (r, 2, NONE);
  struct rc_document *docs = items (r, k, sizeof *docs);
  for (uint32_t i = 0; docs && i < k; i++)
    {
      docs[i].ref = get_str (r, true);
      docs[i].title = get_str (r, true);
    }
  g->docs = docs;
  g->n_docs = k;
  k = get_count (r, 3, NONE);
  struct rc_class *cls = items (r, k, sizeof *cls);
  for (uint32_t i = 0; cls && i < k; i++)
    {
      cls[i].value = get_str (r, true);
      cls[i].title = get_str (r, true);
      cls[i].description = get_str (r, true);
    }
  g->classes = cls;
  g->n_classes = k;
  k = get_count (r, 15, NONE);
  struct rc_code *codes = items (r, k, sizeof *codes);
  for (uint32_t i = 0; codes && i < k && !r->bad; i++)
    {
      get_code (r, &codes[i]);
      /* lookups are binary searches: the codes must be strictly sorted */
      if (!r->bad && i > 0 && rc_value_cmp (codes[i - 1].value,
                                            codes[i].value) >= 0)
        r->bad = true;
    }
  g->codes = codes;
  g->n_codes = k;
  k = get_count (r, 4, NONE);
  struct rc_comparison *cmp = items (r, k, sizeof *cmp);
  for (uint32_t i = 0; cmp && i < k && !r->bad; i++)
    {
      cmp[i].a = get_str (r, true);
      cmp[i].b = get_str (r, true);
      cmp[i].differences = get_str (r, true);
      cmp[i].when_to_use = get_str (r, true);
      /* binary searches again: strictly sorted */
      if (!r->bad && i > 0 && rc_comparison_cmp (&cmp[i - 1], &cmp[i]) >= 0)
        r->bad = true;
    }
  g->comparisons = cmp;
  g->n_comparisons = k;
}

static void
get_producer (struct reader *r, struct rc_producer *p)
{
  uint32_t k;
  p->id = get_str (r, true);
  p->name = get_str (r, true);
  p->protocol = get_str (r, true);
  p->description = get_str (r, true);
  p->type = get_enum (r, RC_PROD_COUNT);
  k = get_count (r, 3, NONE);
  struct rc_document *docs = items (r, k, sizeof *docs);
  for (uint32_t i = 0; docs && i < k; i++)
    {
      docs[i].ref = get_str (r, true);
      docs[i].title = get_str (r, true);
      docs[i].href = get_str (r, true);
    }
  p->docs = docs;
  p->n_docs = k;
  k = get_count (r, 8, NONE);
  struct rc_known *kr = items (r, k, sizeof *kr);
  for (uint32_t i = 0; kr && i < k && !r->bad; i++)
    {
      kr[i].id = get_str (r, true);
      kr[i].name = get_str (r, true);
      kr[i].meaning = get_str (r, true);
      kr[i].cause = get_str (r, true);
      kr[i].fix = get_str (r, true);
      kr[i].codes = get_strs (r, &kr[i].n_codes);
      kr[i].matches = get_strs (r, &kr[i].n_matches);
      kr[i].sources = get_strs (r, &kr[i].n_sources);
    }
  p->replies = kr;
  p->n_replies = k;
}

/* True when the files recorded at R's position are exactly FILES.  */
static bool
same_files (struct reader *r, const struct ucache_file *files, size_t n)
{
  const char *stamp = get_str (r, true);
  if (r->bad || strcmp (stamp, PACKAGE_VERSION) != 0
      || get (r) != n || r->bad)
    return false;
  for (size_t i = 0; i < n; i++)
    {
      const char *path = get_str (r, true);
      uint64_t dev = get64 (r), ino = get64 (r), size = get64 (r);
      int64_t sec = (int64_t) get64 (r);
      uint32_t nsec = get (r);
      if (r->bad || strcmp (path, files[i].path) != 0 || dev != files[i].dev
          || ino != files[i].ino || size != files[i].size
          || sec != files[i].mtime_sec || nsec != files[i].mtime_nsec)
        return false;
    }
  return true;
}

struct catalog *
ucache_parse (const char *data, size_t len, const struct ucache_file *files,
              size_t n)
{
  struct reader r;
  uint32_t version, marker, n_words, pool_len, n_regs, n_prods;
  struct rc_producer *prods;
  uint64_t payload, sum;
  struct catalog *cat;
  struct rc_registry *regs;
  char *copy;

  memset (&r, 0, sizeof r);
  if (len < HEADER || len > UCACHE_MAX || memcmp (data, MAGIC, 8) != 0)
    return NULL;
  memcpy (&version, data + 8, 4);
  memcpy (&marker, data + 12, 4);
  memcpy (&payload, data + 16, 8);
  memcpy (&sum, data + 24, 8);
  memcpy (&n_words, data + 32, 4);
  memcpy (&pool_len, data + 36, 4);
  if (version != CACHE_VERSION || marker != MARKER || payload != len - HEADER
      || (uint64_t) n_words * 4 + pool_len != payload || pool_len == 0
      || fnv1a ((const unsigned char *) data + HEADER, payload, FNV_BASIS)
         != sum)
    return NULL;
  r.ar = arena_new ();
  /* a copy in the arena: the words aligned, the catalog self-contained */
  copy = r.ar ? arena_alloc (r.ar, payload) : NULL;
  cat = copy ? arena_alloc (r.ar, sizeof *cat) : NULL;
  if (!cat)
    goto fail;
  memcpy (copy, data + HEADER, payload);
  r.w = (const uint32_t *) copy;
  r.n = n_words;
  r.pool = copy + (size_t) n_words * 4;
  r.pool_len = pool_len;
  if (r.pool[pool_len - 1] != '\0' || !same_files (&r, files, n))
    goto fail;
  n_regs = get_count (&r, 6, NONE);
  regs = items (&r, n_regs, sizeof *regs);
  for (uint32_t i = 0; regs && i < n_regs && !r.bad; i++)
    get_registry (&r, &regs[i]);
  n_prods = r.bad ? 0 : get_count (&r, 6, NONE);
  prods = items (&r, n_prods, sizeof *prods);
  for (uint32_t i = 0; prods && i < n_prods && !r.bad; i++)
    get_producer (&r, &prods[i]);
  if (r.bad || r.pos != r.n)
    goto fail;
  cat->regs = regs;
  cat->n_regs = n_regs;
  cat->producers = prods;
  cat->n_producers = n_prods;
  cat->arena = r.ar;
  return cat;

fail:
  arena_free (r.ar);
  return NULL;
}

struct catalog *
ucache_load (const char *path, const struct ucache_file *files, size_t n)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  struct stat st;
  struct catalog *cat = NULL;
  char *buf = NULL;
  size_t got = 0;

  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < HEADER
      || (uint64_t) st.st_size > UCACHE_MAX)
    goto out;
  buf = malloc ((size_t) st.st_size);
  while (buf && got < (size_t) st.st_size)
    {
      ssize_t k = read (fd, buf + got, (size_t) st.st_size - got);
      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        goto out;
      got += (size_t) k;
    }
  if (buf)
    cat = ucache_parse (buf, got, files, n);
out:
  free (buf);
  close (fd);
  return cat;
}
