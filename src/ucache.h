/* ucache.h: the compiled cache of the user's data files.

   Reading XML needs libxml2, whose start-up alone costs more than a
   lookup, so the XML-capable helper (replycode-xml) compiles the user's
   files into one binary file, as a .mo file or shared-mime-info's
   mime.cache compile their sources, and the lookup program reads that.
   The cache records the files it was made from (path, device, inode,
   size, modification time): it is used only when the directory scan of
   this run finds exactly those files, unchanged.  Everything in it is
   checked before use (magic, version, length, checksum, and the bounds
   of every count, offset and string), so a corrupt, truncated or stale
   cache is never trusted: it is made again.

   Ownership: a catalog returned here owns an arena holding the file's
   bytes and every structure; release it with catalog_free.  */
#ifndef RC_UCACHE_H
#define RC_UCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "dbuf.h"

/* One user data file as the directory scan saw it.  */
struct ucache_file
{
  char *path;
  uint64_t dev, ino, size;
  int64_t mtime_sec;
  uint32_t mtime_nsec;
};

/* Largest cache file read, in bytes.  */
#define UCACHE_MAX ((size_t) 256 * 1024 * 1024)

/* The cache's path under $XDG_CACHE_HOME (or $HOME/.cache) into OUT;
   false when neither gives an absolute directory (no cache then).  */
bool ucache_path (struct dbuf *out) RC_WUR;

/* Serializes USER (the catalog made from FILES[0..N)) into OUT.  False
   when out of memory or too large.  */
bool ucache_serialize (const struct catalog *user,
                       const struct ucache_file *files, size_t n,
                       struct dbuf *out) RC_WUR;

/* Writes the LEN bytes of DATA to PATH atomically (a temporary file in
   the same directory, fsync'd, then renamed), creating the directory.
   False on any error; PATH is then unchanged and no temporary file is
   left.  */
bool ucache_write (const char *path, const char *data, size_t len) RC_WUR;

/* Parses the LEN bytes of DATA (copied into the result's arena) into a
   catalog, when they are a sound cache made from exactly FILES[0..N).
   NULL otherwise (corrupt, stale, or out of memory).  */
struct catalog *ucache_parse (const char *data, size_t len,
                              const struct ucache_file *files, size_t n);

/* Reads PATH and parses it as ucache_parse does; NULL when there is no
   usable cache.  */
struct catalog *ucache_load (const char *path,
                             const struct ucache_file *files, size_t n);

#endif
