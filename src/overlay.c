/* overlay.c: see overlay.h.  */
#include "system.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "overlay.h"
#ifdef RC_WITH_XML
# include "loader.h"
#endif

static bool
add_dir (struct overlay_dirs *d, const char *dir, bool required)
{
  if (!*dir)
    return true;
  if (d->n >= OVERLAY_MAX_DIRS)
    return false;
  d->dir[d->n] = dir;
  d->required[d->n] = required;
  d->n++;
  return true;
}

bool
overlay_dirs_collect (struct overlay_dirs *d, char *const *cli_dirs, int n_cli)
{
  const char *xdg = getenv ("XDG_DATA_HOME");
  const char *home = getenv ("HOME");
  const char *path = getenv ("REPLYCODE_DATA_PATH");
  size_t need = 64 + (xdg ? strlen (xdg) : home ? strlen (home) : 0)
    + (path ? strlen (path) : 0);
  char *p;

  memset (d, 0, sizeof *d);
  d->owned = p = malloc (need);
  if (!p)
    return false;
  if (xdg && *xdg)
    snprintf (p, need, "%s/replycode", xdg);
  else if (home && *home)
    snprintf (p, need, "%s/.local/share/replycode", home);
  else
    *p = '\0';
  if (!add_dir (d, p, false))
    return false;
  p += strlen (p) + 1;
  if (path)
    {
      memcpy (p, path, strlen (path) + 1);   /* sized above */
      for (char *tok = p, *colon; tok; tok = colon ? colon + 1 : NULL)
        {
          colon = strchr (tok, ':');
          if (colon)
            *colon = '\0';
          if (!add_dir (d, tok, false))
            return false;
        }
    }
  for (int i = 0; i < n_cli; i++)
    if (!add_dir (d, cli_dirs[i], true))
      return false;
  return true;
}

void
overlay_dirs_free (struct overlay_dirs *d)
{
  free (d->owned);
  d->owned = NULL;
}

static bool
is_xml_name (const char *name)
{
  size_t n = strlen (name);
  return n > 4 && name[0] != '.' && strcmp (name + n - 4, ".xml") == 0;
}

bool
overlay_dirs_needed (const struct overlay_dirs *d)
{
  for (int i = 0; i < d->n; i++)
    {
      DIR *dir;
      struct dirent *e;
      bool found = false;
      if (d->required[i])
        return true;
      dir = opendir (d->dir[i]);
      if (!dir)
        continue;
      while (!found && (e = readdir (dir)))
        found = is_xml_name (e->d_name);
      closedir (dir);
      if (found)
        return true;
    }
  return false;
}

#ifdef RC_WITH_XML
static int
select_xml (const struct dirent *e)
{
  return is_xml_name (e->d_name);
}

/* Every catalog made here, kept until overlay_free: merged catalogs point
   into the ones they were made from.  */
static const struct catalog **kept;
static size_t n_kept;

static bool
keep (const struct catalog *c)
{
  const struct catalog **k = realloc (kept, (n_kept + 1) * sizeof *k);
  if (!k)
    return false;
  kept = k;
  kept[n_kept++] = c;
  return true;
}

void
overlay_free (void)
{
  for (size_t i = n_kept; i > 0; i--)
    catalog_free (kept[i - 1]);
  free (kept);
  kept = NULL;
  n_kept = 0;
}

/* Loads DIR/NAME and merges it over *CUR.  */
static int
load_one (const char *dir, const char *name, const struct catalog **cur)
{
  size_t n = strlen (dir) + strlen (name) + 2;
  char *path = malloc (n);
  struct catalog *file = NULL, *merged = NULL;
  char *err = NULL;
  int ret = 0;

  if (!path)
    return RC_EXIT_DATA;
  snprintf (path, n, "%s/%s", dir, name);
  ret = loader_load_file (path, &file, &err);
  if (ret)
    {
      rc_error ("%s", err ? err : path);
      goto out;
    }
  if (!keep (file))
    {
      catalog_free (file);
      ret = RC_EXIT_DATA;
      goto out;
    }
  merged = catalog_merge (*cur, file);
  if (!merged || !keep (merged))
    {
      catalog_free (merged);
      rc_error (_("out of memory"));
      ret = RC_EXIT_DATA;
      goto out;
    }
  *cur = merged;
out:
  free (err);
  free (path);
  return ret;
}

int
overlay_load (const struct overlay_dirs *d, const struct catalog *base,
              const struct catalog **out)
{
  const struct catalog *cur = base;
  int ret = 0;

  for (int i = 0; i < d->n && !ret; i++)
    {
      struct dirent **list = NULL;
      int n = scandir (d->dir[i], &list, select_xml, alphasort);
      if (n < 0)
        {
          if (d->required[i] || errno != ENOENT)
            {
              rc_error (_("cannot read data directory %s: %s"), d->dir[i],
                        strerror (errno));
              ret = RC_EXIT_USAGE;
            }
          continue;
        }
      for (int k = 0; k < n; k++)
        {
          if (!ret)
            ret = load_one (d->dir[i], list[k]->d_name, &cur);
          free (list[k]);
        }
      free (list);
    }
  *out = cur;
  return ret;
}
#endif
