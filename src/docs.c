/* docs.c: the docs command (see docs.h): options, languages, the
   comparison pairs, the temporary directory and the final rename.  */
#include "system.h"

#include <errno.h>
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "docs.h"
#include "i18n.h"

#define MAX_LANGS 16

bool
docs_wants (const struct docs_site *s, const struct rc_registry *r)
{
  return !s->protocol || registry_in_protocol (r, s->protocol);
}

void
docs_code_file (const struct rc_code *c, char *buf, size_t n)
{
  snprintf (buf, n, "%s", c->value);
}

bool
docs_related (const struct docs_site *s, const struct rc_registry *r,
              const struct rc_link *l, struct code_view *out)
{
  const struct rc_registry *lr;
  const struct rc_code *lc = view_related (s->cat, r, l, &lr);
  if (!lc || !docs_wants (s, lr))
    return false;
  view_code (lr, lc, lc->value, 0, out);
  return true;
}

void
docs_compare_view (const struct rc_registry *r, const struct docs_pair *p,
                   struct compare_view *cv)
{
  struct code_view a, b;
  view_code (r, p->a, p->a->value, 0, &a);
  view_code (r, p->b, p->b->value, 0, &b);
  view_compare (&a, &b, cv);
}

bool
docs_class_has (const char *cls, const char *value)
{
  if (cls[0] == 'X')    /* X.7.X: the subject */
    return strncmp (cls, value, strlen (cls) - 1) == 0;
  if (value[0] == 'X' || strlen (value) != 3)
    return false;
  if (cls[0] == 'x')    /* x5x: the second digit */
    return cls[1] == value[1];
  return cls[1] == 'x' && cls[0] == value[0];
}

/* mkdir -p for the directories of REL under ROOT.  */
static bool
make_parents (const char *root, const char *rel)
{
  char path[4096];
  int n = snprintf (path, sizeof path, "%s/%s", root, rel);
  if (n < 0 || (size_t) n >= sizeof path)
    return false;
  for (char *p = path + strlen (root) + 1; *p; p++)
    if (*p == '/')
      {
        *p = '\0';
        if (mkdir (path, 0755) != 0 && errno != EEXIST)
          return false;
        *p = '/';
      }
  return true;
}

FILE *
docs_open (const struct docs_site *s, const char *rel)
{
  char path[4096];
  FILE *f = NULL;
  if (make_parents (s->root, rel)
      && snprintf (path, sizeof path, "%s/%s", s->root, rel)
         < (int) sizeof path)
    f = fopen (path, "w");
  if (!f)
    rc_error (_("cannot write %s: %s"), rel, strerror (errno));
  return f;
}

bool
docs_close (FILE *f, const char *rel)
{
  bool bad = ferror (f) != 0;
  if (fclose (f) != 0 || bad)
    {
      rc_error (_("cannot write %s: %s"), rel, strerror (errno ? errno : EIO));
      return false;
    }
  return true;
}

static int
pair_cmp (const void *x, const void *y)
{
  const struct docs_pair *a = x, *b = y;
  int c = rc_value_cmp (a->a->value, b->a->value);
  return c ? c : rc_value_cmp (a->b->value, b->b->value);
}

/* Each code with each related code of the same registry, once.  */
static bool
make_pairs (const struct rc_registry *r, struct docs_pair **out, size_t *n)
{
  size_t cap = 0, k = 0;
  struct docs_pair *p;
  for (size_t i = 0; i < r->n_codes; i++)
    cap += r->codes[i].n_related;
  p = calloc (cap + 1, sizeof *p);
  if (!p)
    return false;
  for (size_t i = 0; i < r->n_codes; i++)
    for (size_t j = 0; j < r->codes[i].n_related; j++)
      {
        const struct rc_link *l = &r->codes[i].related[j];
        const struct rc_code *o = l->registry ? NULL : registry_code (r, l->code);
        if (!o || o == &r->codes[i])
          continue;
        bool lt = rc_value_cmp (r->codes[i].value, o->value) < 0;
        p[k].a = lt ? &r->codes[i] : o;
        p[k].b = lt ? o : &r->codes[i];
        k++;
      }
  qsort (p, k, sizeof *p, pair_cmp);
  size_t w = 0;
  for (size_t i = 0; i < k; i++)
    if (w == 0 || pair_cmp (&p[w - 1], &p[i]) != 0)
      p[w++] = p[i];
  *out = p;
  *n = w;
  return true;
}

static int
remove_entry (const char *path, const struct stat *st, int flag,
              struct FTW *ftw)
{
  (void) st;
  (void) flag;
  (void) ftw;
  return remove (path);
}

static void
remove_tree (const char *dir)
{
  nftw (dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Splits LIST at commas into OUT (pointers into BUF); empty items are
   skipped.  */
static int
split_list (const char *list, char *buf, size_t n, const char **out, int max)
{
  int k = 0;
  snprintf (buf, n, "%s", list);
  for (char *p = buf; *p && k < max;)
    {
      size_t len = strcspn (p, ",");
      bool last = p[len] == '\0';
      p[len] = '\0';
      if (len > 0)
        out[k++] = p;
      p += len + !last;
    }
  return k;
}

static bool
parse_formats (const char *list, unsigned *out)
{
  char buf[128];
  const char *f[8];
  int n = split_list (list ? list : "html,md,man,txt", buf, sizeof buf, f, 8);
  *out = 0;
  for (int i = 0; i < n; i++)
    if (strcmp (f[i], "html") == 0)
      *out |= DOCS_HTML;
    else if (strcmp (f[i], "md") == 0)
      *out |= DOCS_MD;
    else if (strcmp (f[i], "man") == 0)
      *out |= DOCS_MAN;
    else if (strcmp (f[i], "txt") == 0)
      *out |= DOCS_TXT;
    else
      {
        rc_error (_("invalid docs format '%s' (use html, md, man or txt)"),
                  f[i]);
        return false;
      }
  return *out != 0;
}

static int
parse_langs (const char *list, char *buf, size_t n, const char **langs)
{
  int k;
  if (!list || strcmp (list, "all") == 0)
    list = RC_LANGUAGES;
  k = split_list (list, buf, n, langs, MAX_LANGS);
  for (int i = 0; i < k; i++)
    if (!i18n_valid_tag (langs[i]))
      {
        rc_error (_("invalid language '%s' (use a code such as en or ko)"),
                  langs[i]);
        return -1;
      }
  return k;
}

/* Moves TMP into place as OUT; an existing OUT is replaced whole.  */
static int
install_tree (const char *tmp, const char *out)
{
  char old[4096];
  struct stat st;
  bool had = lstat (out, &st) == 0;

  if (had && !S_ISDIR (st.st_mode))
    {
      rc_error (_("%s exists and is not a directory"), out);
      return RC_EXIT_OUTPUT;
    }
  if (had)
    {
      snprintf (old, sizeof old, "%s.old-%ld", out, (long) getpid ());
      if (rename (out, old) != 0)
        {
          rc_error (_("cannot replace %s: %s"), out, strerror (errno));
          return RC_EXIT_OUTPUT;
        }
    }
  if (rename (tmp, out) != 0)
    {
      rc_error (_("cannot create %s: %s"), out, strerror (errno));
      if (had)
        rename (old, out);
      return RC_EXIT_OUTPUT;
    }
  if (had)
    remove_tree (old);
  return 0;
}

int
docs_generate (const struct catalog *cat, const struct docs_request *rq,
               bool progress)
{
  char lbuf[256], tmp[4096], parent[4096], base[1024];
  const char *langs[MAX_LANGS];
  struct docs_site s;
  unsigned formats;
  int n_langs, ret = 0;
  size_t i;

  memset (&s, 0, sizeof s);
  if (!parse_formats (rq->formats, &formats))
    return RC_EXIT_USAGE;
  n_langs = parse_langs (rq->langs, lbuf, sizeof lbuf, langs);
  if (n_langs == 0)
    rc_error (_("no language given"));
  if (n_langs <= 0)
    return RC_EXIT_USAGE;
  if (rq->protocol && !catalog_has_protocol (cat, rq->protocol))
    {
      rc_error (_("unknown protocol '%s'"), rq->protocol);
      return RC_EXIT_USAGE;
    }
  if (!*rq->out || strlen (rq->out) > 2048)
    {
      rc_error (_("invalid output directory '%s'"), rq->out);
      return RC_EXIT_USAGE;
    }
  /* the temporary directory lives beside OUT, on the same file system */
  snprintf (parent, sizeof parent, "%s", rq->out);
  snprintf (base, sizeof base, "%s", rq->out);
  snprintf (tmp, sizeof tmp, "%s/.%s.tmp-XXXXXX", dirname (parent),
            basename (base));
  if (!mkdtemp (tmp))
    {
      rc_error (_("cannot create a directory beside %s: %s"), rq->out,
                strerror (errno));
      return RC_EXIT_OUTPUT;
    }
  chmod (tmp, 0755);
  s.cat = cat;
  s.root = tmp;
  s.langs = langs;
  s.n_langs = n_langs;
  s.protocol = rq->protocol;
  s.pairs = calloc (cat->n_regs + 1, sizeof *s.pairs);
  s.n_pairs = calloc (cat->n_regs + 1, sizeof *s.n_pairs);
  if (!s.pairs || !s.n_pairs)
    {
      ret = RC_EXIT_OUTPUT;
      goto out;
    }
  for (i = 0; i < cat->n_regs; i++)
    if (!make_pairs (&cat->regs[i], &s.pairs[i], &s.n_pairs[i]))
      {
        ret = RC_EXIT_OUTPUT;
        goto out;
      }
  for (int l = 0; l < n_langs && !ret; l++)
    {
      i18n_init (langs[l]);
      s.lang = langs[l];
      if (formats & (DOCS_MD | DOCS_TXT | DOCS_MAN))
        ret = docs_write_text (&s, formats);
      if (!ret && (formats & DOCS_HTML))
        ret = docs_write_html (&s);
      if (progress)
        fprintf (stderr, "\r%s: docs: %s: %lu", PACKAGE, langs[l], s.pages);
    }
  if (!ret && (formats & DOCS_HTML))
    ret = docs_write_html_shared (&s, rq->base_url);
  if (progress)
    fputc ('\n', stderr);
  if (!ret)
    ret = install_tree (tmp, rq->out);

out:
  if (ret)
    remove_tree (tmp);
  for (i = 0; s.pairs && i < cat->n_regs; i++)
    free (s.pairs[i]);
  free (s.pairs);
  free (s.n_pairs);
  return ret;
}
