/* overlay.h: user data directories (--data-dir, $REPLYCODE_DATA_PATH,
   $XDG_DATA_HOME/replycode) and their XML files laid over the shipped
   catalog.  The directory list is pure string work (no libxml2) so the
   fast program can tell whether it needs the XML-capable one;
   overlay_load needs the loader and exists only in that one.  */
#ifndef RC_OVERLAY_H
#define RC_OVERLAY_H

#include <stdbool.h>

#include "catalog.h"

enum { OVERLAY_MAX_DIRS = 64 };

struct overlay_dirs
{
  const char *dir[OVERLAY_MAX_DIRS];   /* lowest priority first */
  bool required[OVERLAY_MAX_DIRS];     /* named by --data-dir: must exist */
  int n;
  char *owned;                         /* storage for split paths */
};

/* Collects the directories from the environment and the --data-dir
   options (CLI_DIRS, N_CLI).  Returns false when out of memory or when
   there are too many.  overlay_dirs_free releases it.  */
bool overlay_dirs_collect (struct overlay_dirs *d, char *const *cli_dirs,
                           int n_cli);
void overlay_dirs_free (struct overlay_dirs *d);

/* True when some directory has a *.xml file, or a --data-dir was named.  */
bool overlay_dirs_needed (const struct overlay_dirs *d);

#ifdef RC_WITH_XML
/* Loads every *.xml file of the directories (by name within each) over
   BASE.  On success stores the merged catalog in *OUT (BASE itself when
   there is nothing to add) and returns 0; on error prints a message and
   returns RC_EXIT_DATA or RC_EXIT_USAGE.  Release with overlay_free.  */
int overlay_load (const struct overlay_dirs *d, const struct catalog *base,
                  const struct catalog **out) RC_WUR;
void overlay_free (void);
#endif

#endif
