/* overlay.h: the user's data directories (--data-dir, $REPLYCODE_DATA_PATH,
   $XDG_DATA_HOME/replycode) and their *.xml files laid over the shipped
   catalog.

   Both programs scan the directories (pure file-system work).  The
   lookup program then reads the compiled cache of those files
   (ucache.h) and hands over to the XML-capable helper only when the
   cache is missing or stale; the helper loads the XML files, writes the
   cache and goes on with the same catalog.

   Ownership: struct overlay_dirs and struct overlay_scan own their
   strings (free with their _free functions); struct overlay owns the
   catalogs it made (overlay_release).  */
#ifndef RC_OVERLAY_H
#define RC_OVERLAY_H

#include <stdbool.h>

#include "catalog.h"
#include "ucache.h"

/* Most directories taken from the environment and the options.  */
enum { OVERLAY_MAX_DIRS = 1024 };

struct overlay_dirs
{
  struct overlay_dir
  {
    char *path;
    bool required;        /* named by --data-dir: must be readable */
  } *dir;                 /* lowest priority first */
  size_t n;
};

struct overlay_scan
{
  struct ucache_file *files;   /* in order of priority, lowest first */
  size_t n;
};

struct overlay
{
  struct catalog *user;        /* the user's files, combined */
  struct catalog *merged;      /* the shipped catalog with them laid over */
};

/* Collects the directories: $XDG_DATA_HOME/replycode (or
   $HOME/.local/share/replycode), then each of $REPLYCODE_DATA_PATH
   (colon-separated; empty parts skipped), then CLI_DIRS[0..N_CLI).
   Returns 0, or RC_EXIT_USAGE (too many directories, message printed),
   or RC_EXIT_OUTPUT (out of memory).  Free with overlay_dirs_free.  */
int overlay_dirs_collect (struct overlay_dirs *d, char *const *cli_dirs,
                          int n_cli) RC_WUR;
void overlay_dirs_free (struct overlay_dirs *d);

/* Lists the *.xml files of the directories (by name within each), with
   their identity for the cache.  A file that is not a regular file is
   skipped with a warning; so is a directory from the environment that
   exists but cannot be read.  A --data-dir that cannot be read is an
   error: returns RC_EXIT_USAGE (message printed).  Returns 0 otherwise
   (RC_EXIT_OUTPUT when out of memory).  Free with overlay_scan_free.  */
int overlay_scan (const struct overlay_dirs *d, struct overlay_scan *s)
  RC_WUR;
void overlay_scan_free (struct overlay_scan *s);

/* The shipped catalog BASE with the files of S laid over, from the cache
   when it matches S exactly; NULL when there is no usable cache.  OV
   owns the result.  */
const struct catalog *overlay_from_cache (const struct overlay_scan *s,
                                          const struct catalog *base,
                                          struct overlay *ov);

#ifdef RC_WITH_XML
/* Like overlay_from_cache, but when there is no usable cache, loads the
   XML files, writes the cache (when it can; the cache only saves time)
   and lays them over BASE.  On success stores the catalog in *OUT and
   returns 0; on error prints a message and returns an exit status.  */
int overlay_load (const struct overlay_scan *s, const struct catalog *base,
                  struct overlay *ov, const struct catalog **out) RC_WUR;
#endif

/* Frees what OV owns.  */
void overlay_release (struct overlay *ov);

#endif
