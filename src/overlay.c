/* overlay.c: see overlay.h.  */
#include "system.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dbuf.h"
#include "diag.h"
#include "overlay.h"
#ifdef RC_WITH_XML
# include "loader.h"
#endif

static int
add_dir (struct overlay_dirs *d, const char *dir, size_t len, bool required)
{
  char *p;
  if (len == 0)
    return 0;
  if (d->n >= OVERLAY_MAX_DIRS)
    {
      rc_error (_("too many data directories (at most %d)"),
                OVERLAY_MAX_DIRS);
      return RC_EXIT_USAGE;
    }
  p = strndup (dir, len);
  if (!p)
    return RC_EXIT_OUTPUT;
  d->dir[d->n].path = p;
  d->dir[d->n].required = required;
  d->n++;
  return 0;
}

int
overlay_dirs_collect (struct overlay_dirs *d, char *const *cli_dirs,
                      int n_cli)
{
  const char *xdg = getenv ("XDG_DATA_HOME");
  const char *home = getenv ("HOME");
  const char *path = getenv ("REPLYCODE_DATA_PATH");
  struct dbuf first = DBUF_INIT;
  int ret = 0;

  d->n = 0;
  d->dir = calloc (OVERLAY_MAX_DIRS, sizeof *d->dir);
  if (!d->dir)
    return RC_EXIT_OUTPUT;
  /* each directory is its own allocation: no length is guessed */
  if (xdg && *xdg)
    ret = dbuf_printf (&first, "%s/replycode", xdg) ? 0 : RC_EXIT_OUTPUT;
  else if (home && *home)
    ret = dbuf_printf (&first, "%s/.local/share/replycode", home)
      ? 0 : RC_EXIT_OUTPUT;
  if (!ret)
    ret = add_dir (d, dbuf_str (&first), dbuf_len (&first), false);
  dbuf_free (&first);
  for (const char *p = path; p && !ret;)
    {
      size_t n = strcspn (p, ":");
      ret = add_dir (d, p, n, false);
      p = p[n] ? p + n + 1 : NULL;
    }
  for (int i = 0; i < n_cli && !ret; i++)
    ret = add_dir (d, cli_dirs[i], strlen (cli_dirs[i]), true);
  return ret;
}

void
overlay_dirs_free (struct overlay_dirs *d)
{
  for (size_t i = 0; d->dir && i < d->n; i++)
    free (d->dir[i].path);
  free (d->dir);
  d->dir = NULL;
  d->n = 0;
}

static int
select_xml (const struct dirent *e)
{
  size_t n = strlen (e->d_name);
  return n > 4 && e->d_name[0] != '.'
    && strcmp (e->d_name + n - 4, ".xml") == 0;
}

/* Appends DIR/NAME to S when it is a regular file.  */
static int
add_file (struct overlay_scan *s, size_t *cap, const char *dir,
          const char *name)
{
  struct dbuf path = DBUF_INIT;
  struct stat st;
  if (!dbuf_printf (&path, "%s/%s", dir, name))
    return RC_EXIT_OUTPUT;
  if (stat (dbuf_str (&path), &st) != 0)
    rc_warn (_("skipping %s: %s"), dbuf_str (&path), strerror (errno));
  else if (!S_ISREG (st.st_mode))
    rc_warn (_("skipping %s: not a regular file"), dbuf_str (&path));
  else
    {
      if (s->n == *cap)
        {
          size_t ncap = *cap ? *cap * 2 : 16;
          struct ucache_file *f = realloc (s->files, ncap * sizeof *f);
          if (!f)
            {
              dbuf_free (&path);
              return RC_EXIT_OUTPUT;
            }
          s->files = f;
          *cap = ncap;
        }
      s->files[s->n++] = (struct ucache_file) {
        .path = dbuf_take (&path),
        .dev = (uint64_t) st.st_dev, .ino = (uint64_t) st.st_ino,
        .size = (uint64_t) st.st_size, .mtime_sec = st.st_mtim.tv_sec,
        .mtime_nsec = (uint32_t) st.st_mtim.tv_nsec
      };
      if (!s->files[s->n - 1].path)
        {
          s->n--;
          return RC_EXIT_OUTPUT;
        }
    }
  dbuf_free (&path);
  return 0;
}

int
overlay_scan (const struct overlay_dirs *d, struct overlay_scan *s)
{
  size_t cap = 0;
  int ret = 0;

  s->files = NULL;
  s->n = 0;
  for (size_t i = 0; i < d->n && !ret; i++)
    {
      struct dirent **list = NULL;
      int n = scandir (d->dir[i].path, &list, select_xml, alphasort);
      if (n < 0)
        {
          int e = errno;
          if (d->dir[i].required)
            {
              rc_error (_("cannot read data directory %s: %s"),
                        d->dir[i].path, strerror (e));
              ret = RC_EXIT_USAGE;
            }
          else if (e != ENOENT)
            rc_warn (_("skipping data directory %s: %s"), d->dir[i].path,
                     strerror (e));
          continue;
        }
      for (int k = 0; k < n; k++)
        {
          if (!ret)
            ret = add_file (s, &cap, d->dir[i].path, list[k]->d_name);
          free (list[k]);
        }
      free (list);
    }
  return ret;
}

void
overlay_scan_free (struct overlay_scan *s)
{
  for (size_t i = 0; i < s->n; i++)
    free (s->files[i].path);
  free (s->files);
  s->files = NULL;
  s->n = 0;
}

void
overlay_release (struct overlay *ov)
{
  catalog_free (ov->merged);
  catalog_free (ov->user);
  ov->merged = ov->user = NULL;
}

/* Lays USER over BASE into OV.  */
static const struct catalog *
lay_over (const struct catalog *base, struct catalog *user,
          struct overlay *ov)
{
  ov->user = user;
  ov->merged = catalog_merge (base, user);
  if (!ov->merged)
    overlay_release (ov);
  return ov->merged;
}

const struct catalog *
overlay_from_cache (const struct overlay_scan *s, const struct catalog *base,
                    struct overlay *ov)
{
  struct dbuf path = DBUF_INIT;
  struct catalog *user = NULL;
  ov->user = ov->merged = NULL;
  if (ucache_path (&path))
    user = ucache_load (dbuf_str (&path), s->files, s->n);
  dbuf_free (&path);
  return user ? lay_over (base, user, ov) : NULL;
}

#ifdef RC_WITH_XML
/* Loads every file of S and combines them into *USER.  */
static int
load_files (const struct overlay_scan *s, struct catalog **user)
{
  struct catalog **parts = calloc (s->n + 1, sizeof *parts);
  size_t n = 0;
  int ret = 0;

  *user = NULL;
  if (!parts)
    return RC_EXIT_OUTPUT;
  for (; n < s->n && !ret; n++)
    {
      char *err = NULL;
      ret = loader_load_file (s->files[n].path, &parts[n], &err);
      if (ret)
        rc_error ("%s", err ? err : s->files[n].path);
      free (err);
    }
  if (!ret)
    {
      *user = catalog_combine ((const struct catalog *const *) parts, n);
      if (!*user)
        {
          rc_error (_("out of memory"));
          ret = RC_EXIT_OUTPUT;
        }
    }
  if (ret)
    for (size_t i = 0; i < n; i++)
      catalog_free (parts[i]);
  else
    {
      /* the combined catalog points into the parts: serialize it, then
         read it back into one arena and free the parts */
      struct dbuf bytes = DBUF_INIT, path = DBUF_INIT;
      struct catalog *one = NULL;
      if (ucache_serialize (*user, s->files, s->n, &bytes))
        {
          /* a cache that cannot be written (read-only home, full disk)
             only costs time: the next run loads the XML again */
          if (ucache_path (&path)
              && !ucache_write (dbuf_str (&path), dbuf_str (&bytes),
                                dbuf_len (&bytes)))
            dbuf_reset (&path);
          one = ucache_parse (dbuf_str (&bytes), dbuf_len (&bytes),
                              s->files, s->n);
        }
      catalog_free (*user);
      for (size_t i = 0; i < n; i++)
        catalog_free (parts[i]);
      *user = one;
      if (!one)
        {
          rc_error (_("out of memory"));
          ret = RC_EXIT_OUTPUT;
        }
      dbuf_free (&bytes);
      dbuf_free (&path);
    }
  free (parts);
  return ret;
}

int
overlay_load (const struct overlay_scan *s, const struct catalog *base,
              struct overlay *ov, const struct catalog **out)
{
  struct catalog *user;
  int ret;

  *out = base;
  ov->user = ov->merged = NULL;
  if (s->n == 0)
    return 0;
  if ((*out = overlay_from_cache (s, base, ov)))
    return 0;
  ret = load_files (s, &user);
  if (ret)
    {
      *out = base;
      return ret;
    }
  if (!(*out = lay_over (base, user, ov)))
    {
      *out = base;
      rc_error (_("out of memory"));
      return RC_EXIT_OUTPUT;
    }
  return 0;
}
#endif
