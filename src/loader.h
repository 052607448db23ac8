/* loader.h: reads data files (XML: registries and producers of known
   replies) into a catalog.

   This is the only module that sees libxml2 types.  Files are parsed with
   network access, DTDs and entity substitution all off; parsing stops at
   a <!DOCTYPE>, which is refused; every element and attribute is checked
   by the loader itself (so that a message names the attribute, its value
   and the line) and then against the embedded RELAX NG schema
   (data/replycode.rng) before anything is kept.
   Ownership: a catalog returned here owns all its strings (arena); the
   caller releases it with catalog_free.  Error messages are malloc'd
   "FILE:LINE: message" strings (or "FILE: message" when no line applies,
   such as a file that cannot be opened) the caller frees; they are in
   English, quote the file's contents and must be sanitized before they
   reach a terminal (rc_report_plain does).
   The schema is parsed once per process, on first use, and owned by this
   module until loader_cleanup.  Not thread-safe: one load at a time.  */
#ifndef RC_LOADER_H
#define RC_LOADER_H

#include "catalog.h"

/* Largest data file accepted, in bytes.  */
#define LOADER_MAX_FILE (16u * 1024 * 1024)

/* A text or attribute of a loaded file that holds a terminal control
   character: one that wrap_is_clean refuses, other than the tab, newline
   and carriage return that text normalisation turns into spaces; that is
   DEL, a C1 control (U+0080-U+009F, such as U+009B CSI) or a
   bidirectional formatting character (U+061C, U+200E, U+200F,
   U+202A-U+202E, U+2066-U+2069).  Such a file is valid, but its texts are
   not what a terminal would show (the program shows U+FFFD instead).  */
struct loader_warning
{
  long line;          /* line of the character in the file */
  unsigned int cp;    /* the first such character of the text */
};

/* Loads one file, which must be a regular file (a FIFO or device is
   refused without blocking).  On success returns 0 and stores a
   catalog of one registry (a <registry> file) or one producer of known
   replies (a <producer> file) in *OUT.  On failure stores NULL in *OUT and a
   message in *ERR (NULL only when out of memory), and returns
   RC_EXIT_USAGE when the file cannot be opened or read or is not a
   regular file (the operand is bad), RC_EXIT_DATA when its contents are
   not a valid data file (including empty, larger than LOADER_MAX_FILE,
   malformed, invalid).  */
int loader_load_file (const char *path, struct catalog **out, char **err)
  RC_WUR;

/* Same, and also collects the warnings: on success stores in *WARNS a
   malloc'd array of one entry per text or attribute holding a terminal
   control character, in file order, and their number in *N_WARNS (NULL
   and 0 when there is none).  On failure *WARNS is NULL and *N_WARNS 0.
   Caller frees *WARNS.  */
int loader_load_file_warn (const char *path, struct catalog **out,
                           char **err, struct loader_warning **warns,
                           size_t *n_warns) RC_WUR;

/* Same as loader_load_file, from the LEN bytes at BUF; NAME is used in
   messages.  Returns 0 or RC_EXIT_DATA.  For tests and fuzzing.  */
int loader_load_memory (const char *buf, size_t len, const char *name,
                        struct catalog **out, char **err) RC_WUR;

/* Same as loader_load_file_warn, from memory.  */
int loader_load_memory_warn (const char *buf, size_t len, const char *name,
                             struct catalog **out, char **err,
                             struct loader_warning **warns, size_t *n_warns)
  RC_WUR;

/* Releases the parsed schema, so that a leak checker finds nothing of the
   loader's at exit.  Optional; call it once the program is done loading
   (a later load parses the schema again).  It does not call
   xmlCleanupParser: libxml2's own global state is released automatically
   at exit (since libxml2 2.9.11), and other modules (docs) still use
   libxml2.  Can't fail.  */
void loader_cleanup (void);

/* Collapses runs of white space to one space and trims both ends, as
   xgettext does with ITS-extracted text, so the result equals the msgid.
   Writes into DST (at least strlen (SRC) + 1 bytes).  Can't fail.  */
void loader_normalize_ws (char *dst, const char *src);

#endif
