/* loader.h: reads registry data files (XML) into a catalog.

   This is the only module that sees libxml2 types.  Files are parsed with
   network access, DTDs and entity substitution all off; a file with a
   <!DOCTYPE> is refused; every file is validated against the embedded
   RELAX NG schema (data/replycode.rng) before anything is read from it.
   Ownership: a catalog returned here owns all its strings (arena); the
   caller releases it with catalog_free.  Error messages are malloc'd
   "FILE:LINE: message" strings the caller frees.  */
#ifndef RC_LOADER_H
#define RC_LOADER_H

#include "catalog.h"

/* Largest data file accepted, in bytes.  */
#define LOADER_MAX_FILE (16u * 1024 * 1024)

/* Loads one file.  On success returns 0 and stores a one-registry catalog
   in *OUT.  On failure returns RC_EXIT_DATA (or RC_EXIT_USAGE when the
   file cannot be read), stores NULL in *OUT and a message in *ERR.  */
int loader_load_file (const char *path, struct catalog **out, char **err)
  RC_WUR;

/* Same, from memory; NAME is used in messages.  For tests and fuzzing.  */
int loader_load_memory (const char *buf, size_t len, const char *name,
                        struct catalog **out, char **err) RC_WUR;

/* Collapses runs of white space to one space and trims both ends, as
   xgettext does with ITS-extracted text, so the result equals the msgid.
   Writes into DST (at least strlen (SRC) + 1 bytes).  Can't fail.  */
void loader_normalize_ws (char *dst, const char *src);

#endif
