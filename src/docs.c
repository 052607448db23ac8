/* docs.c: the docs command (see docs.h): options, languages, the
   comparison pairs, and the place the site goes.  That place is checked
   and locked before anything is built; the site is built in a temporary
   directory beside it and swapped in whole.  */
#include "system.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dbuf.h"
#include "diag.h"
#include "docs.h"
#include "i18n.h"

#define MAX_LANGS 16

/* The file at the root of every site replycode writes.  docs --out
   replaces only a directory that carries it, an empty directory, or
   nothing; the file's first line must be SITE_MARK_HEAD.  */
#define SITE_MARK ".replycode-site"
#define SITE_MARK_HEAD "replycode documentation site\n"
#define SITE_MARK_TEXT SITE_MARK_HEAD \
  "The next 'replycode docs --out' into this directory replaces it whole.\n"

/* The user's interface language.  docs_generate writes each language
   after i18n_init (LANG), which sets LANGUAGE; messages must still come
   out in the user's language, so LANGUAGE is put back (and i18n_init
   (NULL) run) before a message is composed: _() and strerror translate
   when they are called.  */
static struct
{
  bool saved;            /* docs_generate is running */
  char *language;        /* the user's LANGUAGE; NULL when unset */
  const char *writing;   /* the language being written, or NULL */
} ui;

/* Writes in LANG from now on; NULL: back to the user's language.  */
static void
set_language (const char *lang)
{
  if (lang)
    i18n_init (lang);
  else if (ui.saved && ui.writing)
    {
      if (ui.language)
        setenv ("LANGUAGE", ui.language, 1);
      else
        unsetenv ("LANGUAGE");
      i18n_init (NULL);
    }
  ui.writing = lang;
}

bool
docs_wants (const struct docs_site *s, const struct rc_registry *r)
{
  return !s->protocol || registry_in_protocol (r, s->protocol);
}

bool
docs_wants_producer (const struct docs_site *s, const struct rc_producer *p)
{
  return !s->protocol || strcmp (p->protocol, s->protocol) == 0;
}

const char *
docs_slug (const char *value, char *buf, size_t n)
{
  size_t i = 0;
  for (; value[i] && i + 1 < n; i++)
    buf[i] = value[i] == '/' ? '_' : value[i];
  buf[i] = '\0';
  return buf;
}

void
docs_code_file (const struct rc_code *c, char *buf, size_t n)
{
  docs_slug (c->value, buf, n);
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

bool
docs_compare_view (const struct rc_registry *r, const struct docs_pair *p,
                   struct compare_view *cv)
{
  struct code_view a, b;
  view_code (r, p->a, p->a->value, 0, &a);
  view_code (r, p->b, p->b->value, 0, &b);
  return view_compare (&a, &b, cv);
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

void
docs_write_failed (const char *rel, int err)
{
  const char *writing = ui.writing;
  set_language (NULL);
  if (err)
    rc_error (_("cannot write %s: %s"), rel, strerror (err));
  else
    rc_error (_("cannot write %s"), rel);
  if (writing)
    set_language (writing);
}

/* mkdir -p for the directories of REL under ROOT.  False with errno
   set on failure.  */
static bool
make_parents (const char *root, const char *rel)
{
  struct dbuf dir = DBUF_INIT;
  bool ok = true;
  for (const char *p = strchr (rel, '/'); ok && p; p = strchr (p + 1, '/'))
    {
      dbuf_reset (&dir);
      if (!dbuf_printf (&dir, "%s/%.*s", root, (int) (p - rel), rel))
        {
          errno = ENOMEM;
          ok = false;
        }
      else if (mkdir (dbuf_str (&dir), 0755) != 0 && errno != EEXIST)
        ok = false;
    }
  int err = errno;
  dbuf_free (&dir);
  errno = err;
  return ok;
}

FILE *
docs_open (const struct docs_site *s, const char *rel)
{
  struct dbuf path = DBUF_INIT;
  FILE *f = NULL;
  int err = ENOMEM;

  if (make_parents (s->root, rel)
      && dbuf_printf (&path, "%s/%s", s->root, rel))
    f = fopen (dbuf_str (&path), "w");
  if (!f)
    err = errno ? errno : ENOMEM;
  dbuf_free (&path);
  if (!f)
    docs_write_failed (rel, err);
  return f;
}

bool
docs_close (FILE *f, const char *rel)
{
  bool bad = ferror (f) != 0;
  if (fclose (f) != 0 || bad)
    {
      docs_write_failed (rel, errno ? errno : EIO);
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

/* Splits LIST (writable) at commas, in place, into at most MAX items of
   OUT; empty items are skipped, and items past MAX ignored.  Returns the
   number of items.  */
static int
split_list (char *list, const char **out, int max)
{
  int k = 0;
  for (char *p = list; *p && k < max;)
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
  static const struct
  {
    const char *name;
    unsigned bit;
  } names[] = {
    { "html", DOCS_HTML }, { "md", DOCS_MD }, { "man", DOCS_MAN },
    { "txt", DOCS_TXT }
  };
  const char *p = list ? list : "html,md,man,txt";

  *out = 0;
  while (*p)
    {
      size_t len = strcspn (p, ","), i = 0;
      while (i < RC_COUNT_OF (names)
             && (strlen (names[i].name) != len
                 || strncmp (names[i].name, p, len) != 0))
        i++;
      if (i < RC_COUNT_OF (names))
        *out |= names[i].bit;
      else if (len > 0)
        {
          char *f = strndup (p, len);
          rc_error (_("invalid docs format '%s' (use html, md, man or txt)"),
                    f ? f : p);
          free (f);
          return false;
        }
      p += len + (p[len] == ',');
    }
  if (*out == 0)   /* "" or "," */
    rc_error (_("invalid docs format '%s' (use html, md, man or txt)"),
              list);
  return *out != 0;
}

/* Splits the language list LIST ("all" or NULL: every language) into
   LANGS, pointing into *COPY, which the caller frees.  Returns the
   number of languages, or -1 after a message.  */
static int
parse_langs (const char *list, char **copy, const char **langs)
{
  /* the shipped catalog names the tags resolve to: "ko-KR" writes ko/ */
  static char names[MAX_LANGS][16];
  int k, w = 0;
  if (!list || strcmp (list, "all") == 0)
    list = RC_LANGUAGES;
  *copy = strdup (list);
  if (!*copy)
    {
      rc_error ("%s", strerror (ENOMEM));
      return -1;
    }
  k = split_list (*copy, langs, MAX_LANGS);
  for (int i = 0; i < k; i++)
    {
      const char *l = langs[i];
      bool dup = false;
      if (!i18n_valid_tag (l))
        {
          rc_error (_("invalid language '%s' (use a code such as en or ko)"),
                    l);
          return -1;
        }
      if (strncmp (l, "en", 2) == 0 && (!l[2] || l[2] == '-' || l[2] == '_'))
        snprintf (names[w], sizeof names[w], "en");
      else if (!i18n_resolve (l, names[w], sizeof names[w]))
        {
          /* TRANSLATORS: %1$s a language asked for, %2$s the shipped
             ones, such as "en,ko,ja,zh_CN".  */
          rc_error (_("language '%1$s' is not available (available: %2$s)"),
                    l, RC_LANGUAGES);
          return -1;
        }
      for (int j = 0; j < w; j++)
        dup |= strcmp (names[j], names[w]) == 0;
      if (!dup)
        {
          langs[w] = names[w];
          w++;
        }
    }
  return w;
}

/* Where the site goes: the directory OUT names, split into its parent
   and its name.  The parent stays open and locked from the first check
   to the end of the run, so that runs into one place follow one
   another: the lock is flock(2) on the parent directory itself, opened
   O_RDONLY, which leaves no lock file behind (it also makes runs into
   other names of the same directory wait, which is harmless).  */
struct place
{
  const char *out;        /* as the user gave it, for messages */
  char *parent;           /* "a/b", "." or "/" */
  char *name;             /* the last component */
  char *tmp;              /* PARENT/.NAME.tmp-XXXXXX, once made */
  const char *tmp_name;   /* its last component (points into TMP) */
  bool tmp_gone;          /* TMP was moved into place */
  bool locked;
  int dfd;                /* the parent, or -1 */
};

/* What is at the place.  */
enum place_kind
{
  PLACE_NONE,             /* nothing */
  PLACE_EMPTY,            /* an empty directory */
  PLACE_SITE              /* a directory that carries SITE_MARK */
};

/* Removes directory NAME of directory DFD with everything in it, never
   following a symbolic link.  What cannot be removed stays.  */
static void
remove_tree_at (int dfd, const char *name)
{
  int fd = openat (dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW
                   | O_CLOEXEC);
  DIR *d = fd >= 0 ? fdopendir (fd) : NULL;
  struct dirent *e;

  if (fd >= 0 && !d)
    close (fd);
  while (d && (e = readdir (d)))
    {
      struct stat st;
      if (strcmp (e->d_name, ".") == 0 || strcmp (e->d_name, "..") == 0)
        continue;
      if (fstatat (fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0
          && S_ISDIR (st.st_mode))
        remove_tree_at (fd, e->d_name);
      else
        unlinkat (fd, e->d_name, 0);
    }
  if (d)
    closedir (d);
  unlinkat (dfd, name, AT_REMOVEDIR);
}

/* True when directory FD carries SITE_MARK: a regular file whose first
   line is SITE_MARK_HEAD.  */
static bool
has_mark (int fd)
{
  char buf[sizeof SITE_MARK_HEAD - 1];
  struct stat st;
  bool ok = false;
  /* O_NONBLOCK: a FIFO by that name must not hang the check */
  int m = openat (fd, SITE_MARK, O_RDONLY | O_NOFOLLOW | O_NONBLOCK
                  | O_CLOEXEC);
  if (m < 0)
    return false;
  if (fstat (m, &st) == 0 && S_ISREG (st.st_mode))
    ok = read (m, buf, sizeof buf) == (ssize_t) sizeof buf
         && memcmp (buf, SITE_MARK_HEAD, sizeof buf) == 0;
  close (m);
  return ok;
}

/* Writes SITE_MARK into the temporary directory.  False with errno set
   on failure.  */
static bool
write_mark (const struct place *pl)
{
  size_t n = strlen (SITE_MARK_TEXT);
  int err = 0;
  int dir = openat (pl->dfd, pl->tmp_name, O_RDONLY | O_DIRECTORY
                    | O_NOFOLLOW | O_CLOEXEC);
  int fd = dir < 0 ? -1 : openat (dir, SITE_MARK, O_WRONLY | O_CREAT
                                  | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    err = errno;
  else
    {
      ssize_t w = write (fd, SITE_MARK_TEXT, n);
      if (w != (ssize_t) n)
        err = w < 0 ? errno : ENOSPC;
      if (close (fd) != 0 && !err)
        err = errno;
    }
  if (dir >= 0)
    close (dir);
  errno = err;
  return err == 0;
}

static int
refuse_special (const struct place *pl)
{
  rc_error (_("will not replace %s: name a directory of its own, not "
              "'.', '..' or '/'"), pl->out);
  return RC_EXIT_USAGE;
}

/* Finds what is at the place.  Returns 0, or an exit status after a
   message: RC_EXIT_USAGE for anything docs must not replace (a file, a
   symbolic link, a directory with something in it that replycode did
   not write).  */
static int
place_look (const struct place *pl, enum place_kind *kind)
{
  struct stat st;
  struct dirent *e;
  DIR *d;
  int fd;
  bool empty = true;

  if (fstatat (pl->dfd, pl->name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    {
      if (errno == ENOENT)
        {
          *kind = PLACE_NONE;
          return 0;
        }
      rc_error (_("cannot replace %s: %s"), pl->out, strerror (errno));
      return RC_EXIT_OUTPUT;
    }
  if (S_ISLNK (st.st_mode))
    {
      rc_error (_("will not replace %s: it is a symbolic link"), pl->out);
      return RC_EXIT_USAGE;
    }
  if (!S_ISDIR (st.st_mode))
    {
      rc_error (_("will not replace %s: it is not a directory"), pl->out);
      return RC_EXIT_USAGE;
    }
  fd = openat (pl->dfd, pl->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW
               | O_CLOEXEC);
  if (fd >= 0 && has_mark (fd))
    {
      close (fd);
      *kind = PLACE_SITE;
      return 0;
    }
  d = fd >= 0 ? fdopendir (fd) : NULL;
  if (!d)
    {
      rc_error (_("cannot replace %s: %s"), pl->out, strerror (errno));
      if (fd >= 0)
        close (fd);
      return RC_EXIT_OUTPUT;
    }
  while (empty && (e = readdir (d)))
    empty = strcmp (e->d_name, ".") == 0 || strcmp (e->d_name, "..") == 0;
  closedir (d);
  if (!empty)
    {
      rc_error (_("will not replace %s: it is not empty, and it is not a "
                  "site that replycode wrote"), pl->out);
      return RC_EXIT_USAGE;
    }
  *kind = PLACE_EMPTY;
  return 0;
}

/* Removes what dead runs left beside the place: ".NAME.tmp-*"
   directories that carry the mark (a run writes it first thing), and
   empty ones (a run killed before it wrote the mark).  Only under the
   lock: every run that made one has ended.  */
static void
remove_leftovers (const struct place *pl)
{
  struct dbuf prefix = DBUF_INIT;
  int fd = openat (pl->dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *d = fd >= 0 ? fdopendir (fd) : NULL;
  struct dirent *e;

  if (fd >= 0 && !d)
    close (fd);
  if (!d || !dbuf_printf (&prefix, ".%s.tmp-", pl->name))
    goto out;
  while ((e = readdir (d)))
    {
      struct stat st;
      int t;
      bool marked;
      if (strncmp (e->d_name, dbuf_str (&prefix), dbuf_len (&prefix)) != 0
          || fstatat (pl->dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0
          || !S_ISDIR (st.st_mode))
        continue;
      t = openat (pl->dfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW
                  | O_CLOEXEC);
      marked = t >= 0 && has_mark (t);
      if (t >= 0)
        close (t);
      if (marked)
        remove_tree_at (pl->dfd, e->d_name);
      else
        unlinkat (pl->dfd, e->d_name, AT_REMOVEDIR);  /* only if empty */
    }
out:
  if (d)
    closedir (d);
  dbuf_free (&prefix);
}

/* Makes the temporary directory PARENT/.NAME.tmp-XXXXXX and marks it.
   Returns 0 or an exit status after a message.  */
static int
make_tmp (struct place *pl)
{
  struct dbuf b = DBUF_INIT;
  int err = ENOMEM;

  if (dbuf_printf (&b, "%s/.%s.tmp-XXXXXX", pl->parent, pl->name))
    pl->tmp = dbuf_take (&b);
  dbuf_free (&b);
  if (!pl->tmp || !mkdtemp (pl->tmp))
    {
      if (pl->tmp)
        err = errno;
      free (pl->tmp);
      pl->tmp = NULL;
      rc_error (_("cannot create a directory beside %s: %s"), pl->out,
                strerror (err));
      return RC_EXIT_OUTPUT;
    }
  pl->tmp_name = pl->tmp + strlen (pl->parent) + 1;
  /* the mark first: a later run then knows the directory for a run's */
  if (!write_mark (pl))
    {
      err = errno;
      rc_error (_("cannot write %s: %s"), SITE_MARK, strerror (err));
      return RC_EXIT_OUTPUT;
    }
  chmod (pl->tmp, 0755);
  return 0;
}

/* Checks that the site can go to OUT, before anything is built: OUT
   names something docs may replace, its parent exists, can be locked
   and written.  Takes the lock, removes what dead runs left and makes
   the temporary directory.  Returns 0, or an exit status after a
   message.  PL is set up either way: place_close frees it.  */
static int
place_open (struct place *pl, const char *out, bool progress)
{
  size_t n = strlen (out), name_len;
  const char *slash, *name;
  enum place_kind kind;
  int ret;

  memset (pl, 0, sizeof *pl);
  pl->dfd = -1;
  pl->out = out;
  while (n > 1 && out[n - 1] == '/')   /* "site/" is "site" */
    n--;
  slash = memrchr (out, '/', n);
  name = slash ? slash + 1 : out;
  name_len = (size_t) (out + n - name);
  if (name_len == 0 || strncmp (name, ".", name_len) == 0
      || strncmp (name, "..", name_len) == 0)
    return refuse_special (pl);
  pl->name = strndup (name, name_len);
  pl->parent = !slash ? strdup (".") : slash == out ? strdup ("/")
    : strndup (out, (size_t) (slash - out));
  if (!pl->name || !pl->parent)
    {
      rc_error ("%s", strerror (ENOMEM));
      return RC_EXIT_OUTPUT;
    }
  pl->dfd = open (pl->parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (pl->dfd < 0)
    {
      rc_error (_("cannot create a directory beside %s: %s"), out,
                strerror (errno));
      return RC_EXIT_OUTPUT;
    }
  pl->locked = flock (pl->dfd, LOCK_EX | LOCK_NB) == 0;
  if (!pl->locked && errno == EWOULDBLOCK)
    {
      if (progress)
        rc_warn (_("waiting for another run that writes beside %s"), out);
      pl->locked = flock (pl->dfd, LOCK_EX) == 0;
    }
  if (!pl->locked)
    /* some network file systems cannot lock a directory opened
       read-only: go on, but leave other runs' directories alone */
    rc_warn (_("cannot lock %s: %s"), pl->parent, strerror (errno));
  ret = place_look (pl, &kind);
  if (ret)
    return ret;
  if (pl->locked)
    remove_leftovers (pl);
  return make_tmp (pl);
}

/* Without RENAME_EXCHANGE (an older kernel, or a file system that lacks
   it): the old site moves aside under a second temporary name and the
   new one moves in.  A run killed in between leaves no site, and the
   next run removes the old one.  */
static int
replace_by_renames (struct place *pl)
{
  struct dbuf b = DBUF_INIT;
  char *old = NULL;
  int err = ENOMEM;

  if (dbuf_printf (&b, "%s/.%s.tmp-XXXXXX", pl->parent, pl->name))
    old = dbuf_take (&b);
  dbuf_free (&b);
  if (old && mkdtemp (old))
    {
      const char *old_name = old + strlen (pl->parent) + 1;
      /* a directory replaces an empty one */
      if (renameat (pl->dfd, pl->name, pl->dfd, old_name) != 0)
        {
          err = errno;
          unlinkat (pl->dfd, old_name, AT_REMOVEDIR);
        }
      else if (renameat (pl->dfd, pl->tmp_name, pl->dfd, pl->name) != 0)
        {
          err = errno;
          renameat (pl->dfd, old_name, pl->dfd, pl->name);
        }
      else
        {
          err = 0;
          pl->tmp_gone = true;
          remove_tree_at (pl->dfd, old_name);
        }
    }
  else if (old)
    err = errno;
  free (old);
  if (err)
    {
      rc_error (_("cannot replace %s: %s"), pl->out, strerror (err));
      return RC_EXIT_OUTPUT;
    }
  return 0;
}

/* Moves the temporary directory into place, in one step: rename(2)
   where there is nothing or an empty directory (it replaces nothing
   else), an exchange with the old site otherwise; the old site is then
   removed.  Returns 0 or an exit status after a message.  */
static int
place_install (struct place *pl)
{
  enum place_kind kind;
  int ret = place_look (pl, &kind);   /* again: a user may have been busy */

  if (ret)
    return ret;
  if (kind != PLACE_SITE)
    {
      if (renameat (pl->dfd, pl->tmp_name, pl->dfd, pl->name) == 0)
        {
          pl->tmp_gone = true;
          return 0;
        }
      if (errno == ENOTEMPTY || errno == EEXIST)
        {
          rc_error (_("will not replace %s: it is not empty, and it is not "
                      "a site that replycode wrote"), pl->out);
          return RC_EXIT_USAGE;
        }
      rc_error (_("cannot create %s: %s"), pl->out, strerror (errno));
      return RC_EXIT_OUTPUT;
    }
#ifdef RENAME_EXCHANGE
  if (renameat2 (pl->dfd, pl->tmp_name, pl->dfd, pl->name, RENAME_EXCHANGE)
      == 0)
    {
      /* the old site now has the temporary name: place_close removes
         it */
      return 0;
    }
  if (errno != EINVAL && errno != ENOSYS)
    {
      rc_error (_("cannot replace %s: %s"), pl->out, strerror (errno));
      return RC_EXIT_OUTPUT;
    }
#endif
  return replace_by_renames (pl);
}

/* Removes the temporary directory (or, after an exchange, the old site
   under its name), releases the lock and frees PL.  */
static void
place_close (struct place *pl)
{
  if (pl->tmp && !pl->tmp_gone && pl->dfd >= 0)
    remove_tree_at (pl->dfd, pl->tmp_name);
  if (pl->dfd >= 0)
    close (pl->dfd);
  free (pl->tmp);
  free (pl->name);
  free (pl->parent);
}

int
docs_generate (const struct catalog *cat, const struct docs_request *rq,
               bool progress)
{
  char *lcopy = NULL;
  const char *langs[MAX_LANGS];
  const char *env_language = getenv ("LANGUAGE");
  struct docs_site s;
  struct place pl;
  unsigned formats;
  int n_langs, ret = 0;
  size_t i;

  memset (&s, 0, sizeof s);
  memset (&pl, 0, sizeof pl);
  pl.dfd = -1;
  if (!parse_formats (rq->formats, &formats))
    return RC_EXIT_USAGE;
  n_langs = parse_langs (rq->langs, &lcopy, langs);
  if (n_langs == 0)
    rc_error (_("no language given"));
  if (n_langs > 0 && rq->protocol
      && !catalog_has_protocol (cat, rq->protocol))
    {
      rc_error (_("unknown protocol '%s'"), rq->protocol);
      n_langs = -1;
    }
  else if (n_langs > 0 && !*rq->out)
    {
      rc_error (_("invalid output directory '%s'"), rq->out);
      n_langs = -1;
    }
  if (n_langs <= 0)
    {
      free (lcopy);
      return RC_EXIT_USAGE;
    }
  ui.language = env_language ? strdup (env_language) : NULL;
  if (env_language && !ui.language)
    {
      free (lcopy);
      rc_error ("%s", strerror (ENOMEM));
      return RC_EXIT_OUTPUT;
    }
  ui.saved = true;
  /* everything that can make the place unusable, before the site is
     built */
  ret = place_open (&pl, rq->out, progress);
  if (ret)
    goto out;
  s.cat = cat;
  s.root = pl.tmp;
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
      set_language (langs[l]);
      s.lang = langs[l];
      if (formats & (DOCS_MD | DOCS_TXT | DOCS_MAN))
        ret = docs_write_text (&s, formats);
      if (!ret && (formats & DOCS_HTML))
        ret = docs_write_html (&s);
      if (progress)
        fprintf (stderr, "\r%s: docs: %s: %lu", PACKAGE, langs[l], s.pages);
    }
  set_language (NULL);
  if (!ret && (formats & DOCS_HTML))
    ret = docs_write_html_shared (&s, rq->base_url);
  if (progress)
    fputc ('\n', stderr);
  if (!ret)
    ret = place_install (&pl);

out:
  set_language (NULL);
  place_close (&pl);
  free (ui.language);
  ui.language = NULL;
  ui.saved = false;
  for (i = 0; s.pairs && i < cat->n_regs; i++)
    free (s.pairs[i]);
  free (s.pairs);
  free (s.n_pairs);
  free (lcopy);
  return ret;
}
